// Threat evaluation on tracks.
//
// Geometry, for a track at p moving at v (horizontal plane) and an asset at a of radius r: the
// closest point of approach is at t_cpa = max(0, (a - p).v / v.v), miss distance
// |p + v t_cpa - a|. A track whose miss distance is within r + margin threatens the asset; its
// time to the asset is the first t >= 0 with |p + v t - a| = r (0 inside; t_cpa when it only
// passes within the margin). A track threatens the asset it reaches first.
//   A track C2 classifies as a ballistic missile (c2/ballistic.h: speed and dive) falls rather
// than flies straight: it threatens the asset whose radius plus the margin holds its predicted
// impact point (the nearest such), with the miss distance from that point and the time to the
// asset the time to impact.
//
// Value: an aircraft-like track releases its weapons at `release_range_m` from the asset, so
// its time to release is the first t with |p + v t - a| = release range; a missile- or
// drone-like track (low and fast, or slow) is itself the weapon (release range 0), and so is a
// ballistic missile (its time to release is its time to impact). With
// p_reach the probability that the threat survives the interceptors already flying at it,
//   threat value = asset value x priority weight (1: 2, 2: 1, 3: 0.5) x p_reach,
//   score        = threat value / max(time to release, 10 s)   (value per second of warning).
// Ranking (ThreatRanker) is by score with hysteresis: a threat overtakes the one ranked above it
// only when its score is higher by the hysteresis fraction, so track noise does not reshuffle it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "messages/plots.h"
#include "messages/tracks.h"

namespace rampart::c2 {

/// A track threatens an asset when its closest approach comes within the asset's radius plus this.
inline constexpr double kThreatMargin_m = 5000.0;

struct ThreatAssessment {
  std::uint32_t track_id = 0;
  std::size_t asset = 0;  ///< index of the threatened asset
  bool ballistic = false;  ///< C2 takes the track for a ballistic missile (c2/ballistic.h)
  double cpa_m = 0.0;
  double time_to_asset_s = 0.0;
  double time_to_release_s = 0.0;
  double p_reach = 1.0;
  double threat_value = 0.0;
  double score = 0.0;
  int rank = 0;  ///< 1 is the first threat

  /// One line that says why the threat stands where it does.
  std::string explain(const std::vector<scenario::Asset>& assets) const;
};

/// The geometry of every track that threatens an asset (value fields left at their defaults).
std::vector<ThreatAssessment> evaluate_threats(const std::vector<messages::TrackState>& tracks,
                                               const std::vector<scenario::Asset>& assets,
                                               double margin_m, double origin_alt_m);

struct ThreatValueModel {
  double release_range_m = 15'000.0;  ///< aircraft-like tracks
  double low_altitude_m = 300.0;      ///< below this and faster than low_fast_speed_mps: a missile
  double low_fast_speed_mps = 150.0;
  double slow_speed_mps = 80.0;       ///< slower than this: a drone, itself the weapon
  double origin_alt_m = 0.0;
};

/// What a track's kinematics say it is, as C2 values threats: fast and diving steeply, a
/// ballistic missile (c2/ballistic.h); low and fast, a missile; slow, a drone (each itself the
/// weapon, released at the asset); anything else an aircraft, which releases its weapons at
/// release_range_m.
enum class KinematicClass { kAircraft, kMissile, kDrone, kBallistic };
const char* to_string(KinematicClass c);
KinematicClass kinematic_class(const messages::TrackState& t, const ThreatValueModel& model);

/// Fills time to release, threat value and score. `p_reach` gives, by track, the probability
/// that the threat survives the interceptors in flight (absent: 1).
void value_threats(std::vector<ThreatAssessment>& threats, const std::vector<messages::TrackState>& tracks,
                   const std::vector<scenario::Asset>& assets, const ThreatValueModel& model,
                   const std::map<std::uint32_t, double>& p_reach);

class ThreatRanker {
 public:
  explicit ThreatRanker(double hysteresis) : hysteresis_(hysteresis) {}
  /// Orders the threats (setting rank), keeping the previous order unless overtaken clearly.
  std::vector<ThreatAssessment> rank(std::vector<ThreatAssessment> threats);

 private:
  double hysteresis_;
  std::vector<std::uint32_t> previous_order_;
};

}  // namespace rampart::c2
