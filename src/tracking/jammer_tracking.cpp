#include "tracking/jammer_tracking.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "core/units.h"

namespace rampart::tracking {
namespace {

TrackerConfig with_jammer_ids(TrackerConfig config) {
  config.first_track_id = kFirstJammerTrackId;
  return config;
}

// The latest strobe of each (sensor, jammer): a sensor's strobes within same_jammer_rad of a later
// one of its own are the same jammer painted again (a radar scanning faster than the window).
std::vector<LineOfBearing> latest_per_jammer(std::vector<LineOfBearing> strobes, double same_jammer_rad) {
  std::stable_sort(strobes.begin(), strobes.end(), [](const LineOfBearing& a, const LineOfBearing& b) { return a.t_s > b.t_s; });
  std::vector<LineOfBearing> kept;
  for (const LineOfBearing& s : strobes) {
    const bool painted_again = std::any_of(kept.begin(), kept.end(), [&](const LineOfBearing& k) {
      return k.sensor_id == s.sensor_id && std::abs(wrap_pi(k.bearing_rad - s.bearing_rad)) < same_jammer_rad;
    });
    if (!painted_again) kept.push_back(s);
  }
  return kept;
}

}  // namespace

JammerTracker::JammerTracker(const JammerTrackingParameters& parameters)
    : parameters_(parameters),
      tracker_(make_gnn_tracker(with_jammer_ids(parameters.tracker))),
      window_end_s_(parameters.window_s) {
  RAMPART_DEMAND(parameters.window_s > 0.0 && parameters.same_jammer_rad > 0.0,
                 "jammer tracking needs a positive window and bearing resolution");
}

void JammerTracker::add(const LineOfBearing& strobe) { strobes_.push_back(strobe); }

std::optional<JammerStep> JammerTracker::update(double t_s) {
  if (t_s < window_end_s_) return std::nullopt;
  JammerStep step;
  step.t_s = window_end_s_;
  const double window_begin_s = window_end_s_ - parameters_.window_s;
  std::vector<LineOfBearing> window;
  std::vector<LineOfBearing> later;
  for (const LineOfBearing& s : strobes_) {
    if (s.t_s > window_end_s_) later.push_back(s);
    else if (s.t_s > window_begin_s) window.push_back(s);
  }
  strobes_ = std::move(later);
  window_end_s_ += parameters_.window_s * (std::floor((t_s - window_end_s_) / parameters_.window_s) + 1.0);
  const std::vector<LineOfBearing> lines = latest_per_jammer(std::move(window), parameters_.same_jammer_rad);
  step.fixes = triangulate(lines, parameters_.triangulation);

  PlotBatch batch;
  batch.t_begin_s = window_begin_s;
  batch.t_s = step.t_s;
  batch.az_begin_rad = 0.0;
  batch.az_end_rad = kTwoPi;  // every jammer track was looked for
  batch.max_range_m = std::numeric_limits<double>::infinity();
  for (const BearingFix& f : step.fixes) {
    Plot plot;
    plot.id = next_fix_id_++;
    plot.t_s = f.t_s;
    plot.p_enu_m = Eigen::Vector3d(f.p_en_m.x(), f.p_en_m.y(), 0.0);
    plot.p_cov_m2.topLeftCorner<2, 2>() = f.cov_m2;
    batch.plots.push_back(plot);
  }
  step.result = tracker_->process(batch);
  return step;
}

std::vector<TrackState> JammerTracker::tracks() const {
  std::vector<TrackState> out = tracker_->tracks();
  for (TrackState& t : out) t.source = TrackSource::kTriangulation;
  return out;
}

}  // namespace rampart::tracking
