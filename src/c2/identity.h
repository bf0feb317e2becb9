// Identities of tracks in NATO's standard categories (STANAG 1241 / APP-6 standard identities).
#pragma once

namespace rampart::c2 {

enum class Identity { kPending, kUnknown, kAssumedFriend, kFriend, kNeutral, kSuspect, kHostile };

const char* to_string(Identity identity);

/// Friends and assumed friends are never engaged.
inline bool is_friendly(Identity i) { return i == Identity::kFriend || i == Identity::kAssumedFriend; }
/// Only hostile tracks are engaged under weapons free; suspect ones are evaluated as threats.
inline bool is_threat(Identity i) { return i == Identity::kHostile || i == Identity::kSuspect; }

}  // namespace rampart::c2
