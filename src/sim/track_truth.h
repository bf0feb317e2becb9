// Which truth object is behind each track, for analysis sinks only: the truth that caused the
// latest plot the tracker associated with the track (0 when that plot was a false alarm).
// Fed from the event stream; nothing of it reaches the tracker or C2.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "sim/events.h"

namespace rampart::sim {

class TrackTruth {
 public:
  void on_plots(const PlotsMade& e) {
    for (const auto& o : e.look.origins) plot_truth_[o.plot_id] = o.truth_id;
  }
  void on_tracker(const TrackerStepped& e) {
    for (const auto& a : e.result.associations) {
      const auto it = plot_truth_.find(a.plot_id);
      if (it != plot_truth_.end()) track_truth_[a.track_id] = it->second;
    }
    for (const auto id : e.result.deleted) track_truth_.erase(id);
    for (const auto& p : e.batch.plots) plot_truth_.erase(p.id);
  }
  /// The truth behind the track's latest plot; nullopt when the track has had none.
  std::optional<std::uint32_t> of(std::uint32_t track_id) const {
    const auto it = track_truth_.find(track_id);
    if (it == track_truth_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> plot_truth_;  ///< plots not yet processed by the tracker
  std::unordered_map<std::uint32_t, std::uint32_t> track_truth_;
};

}  // namespace rampart::sim
