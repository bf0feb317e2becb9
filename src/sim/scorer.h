// Scoring, as a sink of the event stream: the only part of a run, besides sensors and
// engagement physics, that reads truth. docs/outputs.md defines every count.
//
// A kill assessment is wrong when C2 judged killed while the entity behind the engaged track (at
// launch) still lives, or survived while it had been killed.
//
// Leakers are threats that reached their target asset (each counted once); each arrival destroys
// the threat's damage fraction of what is left of the asset's value.
//
// The air picture is scored at the record rate (1 Hz). At each sample a confirmed track, its
// state extrapolated at constant velocity to the sample time, matches a flying truth object when
// it lies within kMatchDistance_m of it horizontally (a 3-D radar's height error at long range is
// of that order, so height is not used) and its horizontal velocity is within kMatchSpeed_mps of
// the truth's; it is assigned to the nearest truth it matches. A confirmed track is false when it
// matched no truth object in more than half of its confirmed samples. A truth object is held by
// the track that held it at the previous sample while that track is still assigned to it, else by
// the nearest track assigned to it (a second track on one truth is redundant, not a break). A
// track break is a change of the track holding a truth object: the tracks that held one truth
// over the run, in time order, count (number - 1) breaks.
//
// Air-picture quality is GOSPA (tracking/metrics.h; Rahmathullah, Garcia-Fernandez, Svensson
// 2017) at each sample between the flying truth objects (threats and own aircraft, seen or not)
// and the confirmed tracks extrapolated to the sample time, horizontal positions only (as the
// matching above), cut-off c = kGospaCutoff_m and order p = 1, so that it and its parts are in
// metres: localisation error summed over the assigned pairs, c/2 per missed truth object, c/2
// per false track. The summary holds its mean over the samples.
//
// A leaker's path is its truth position every kLeakPathStep_s (on the picture samples) over its
// last kLeakPathSpan_s, with its arrival position last.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <vector>

#include "scenario/scenario.h"
#include "sim/events.h"
#include "sim/summary.h"
#include "sim/track_truth.h"

namespace rampart::sim {

inline constexpr double kMatchDistance_m = 2000.0;
inline constexpr double kMatchSpeed_mps = 100.0;
inline constexpr double kGospaCutoff_m = kMatchDistance_m;

class Scorer : public EventSink {
 public:
  explicit Scorer(const scenario::Scenario& s);

  void on(const ThreatsAdded& e) override;
  void on(const TruthMoved& e) override;
  void on(const PlotsMade& e) override;
  void on(const TrackerStepped& e) override;
  void on(const PictureSampled& e) override;
  void on(const IdentityChanged& e) override;
  void on(const EngagementBlocked& e) override;
  void on(const KillAssessed& e) override;
  void on(const OrderDropped& e) override;
  void on(const InterceptorLaunched& e) override;
  void on(const InterceptorResolved& e) override;
  void on(const FighterActed& e) override;
  void on(const AnglesMade& e) override;
  void on(const JammersTracked& e) override;
  void on(const EmissionChanged& e) override;
  void on(const ReadinessChanged& e) override;
  void on(const WeaponsReleased& e) override;
  void on(const RadarStruck& e) override;
  void on(const RunEnded& e) override;

  /// The scores so far, with the air-picture counts computed from the samples.
  Summary summary() const;

 private:
  void score_picture_quality(const PictureSampled& e);

  struct TrackSamples {
    int samples = 0;
    int matched = 0;
  };
  Summary summary_;
  const world::World* world_ = nullptr;
  TrackTruth track_truth_;
  std::set<std::uint32_t> leaked_;  ///< entities that reached an asset
  std::set<std::pair<std::uint32_t, std::size_t>> leaked_on_;  ///< (entity, asset) pairs that arrived
  std::set<std::uint32_t> confirmed_;
  std::set<std::uint32_t> assumed_friend_tracks_;
  std::set<std::uint32_t> hostiles_called_friend_;
  std::map<std::uint32_t, TrackSamples> track_samples_;
  std::map<std::uint64_t, std::uint32_t> aimed_at_;  ///< interceptor -> the truth behind its track at launch
  std::map<std::uint32_t, std::vector<std::uint32_t>> holders_;  ///< truth -> tracks that held it, repeats merged
  int gospa_samples_ = 0;
  double gospa_sum_m_ = 0.0, gospa_localisation_sum_m_ = 0.0, gospa_missed_sum_m_ = 0.0, gospa_false_sum_m_ = 0.0;
  /// Hostile entity -> its last positions (east, north), one per kLeakPathStep_s.
  std::map<std::uint32_t, std::deque<std::array<double, 2>>> recent_en_m_;
  double last_path_sample_s_ = -std::numeric_limits<double>::infinity();
  std::map<std::string, double> silent_since_s_;  ///< radars silent now, since when
  std::map<std::string, double> ready_since_s_;   ///< mobile fire units ready now, since when
};

}  // namespace rampart::sim
