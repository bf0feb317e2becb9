// Reading a whole text file, plain or gzip-compressed.
#pragma once

#include <optional>
#include <string>

namespace rampart {

/// The file's text, decompressed when it is gzip data (zlib reads plain files unchanged), or
/// nullopt when it cannot be opened. Corrupt or truncated gzip data is an InputError.
std::optional<std::string> read_text_file(const std::string& path);

}  // namespace rampart
