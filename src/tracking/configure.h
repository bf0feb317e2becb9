// The one place a tracker is configured and built, for `rampart run` (from the scenario's
// tracker section) and `rampart track` (from its options) alike.
#pragma once

#include <memory>

#include "tracking/tracker.h"

namespace rampart::tracking {

enum class AssociationKind { kGnn, kJpda, kMht };
enum class TrackFilter { kConstantVelocity, kImm };

struct TrackerOptions {
  AssociationKind association = AssociationKind::kGnn;
  TrackFilter filter = TrackFilter::kConstantVelocity;
  TrackerConfig config;
  /// JPDA: joint events enumerated per cluster before it falls back to the approximation.
  int jpda_max_hypotheses = 100;
  MhtParameters mht;
};

/// Builds the tracker; the IMM filter goes with GNN and JPDA (InputError with MHT). The IMM's
/// mode noises follow config.process_noise_mps2 (imm_tuning_with_process_noise).
std::unique_ptr<Tracker> make_tracker(const TrackerOptions& options);

}  // namespace rampart::tracking
