// The AEW orbit as the air picture sees it: the default scenario's AEW-1 flies its closed route
// (a 45 km out-and-back orbit) with turns at its 25 deg bank limit (world/flight_mover.h). The
// program runs the scenario with the AEW's radar cross-section scaled down until the surveillance
// radars' detection probability on it falls to about 0.9, and counts, over the whole run, the
// distinct confirmed track ids the tracker associated with the AEW's plots (sim/track_truth.h):
// one id means the orbit is held as one track from first detection to the end. The tentative
// column counts every track that ever took one of its plots (tentative tracks a plot started and
// that were never confirmed included).
// Per row: the AEW's RCS, the measured Pd of each radar on it (scans with a plot of it over the
// scans of the run), the distinct confirmed tracks, and the fraction of the run after its first track in
// which a track on it was held (its last association at most 3 scans old).
// Run: ./build/bench/aew_orbit_bench [SCENARIO=scenarios/default.yaml]
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "scenario/loader.h"
#include "sim/simulation.h"
#include "sim/track_truth.h"

namespace {

using namespace rampart;

struct AewWatch : sim::EventSink {
  std::string aew;
  const world::World* world = nullptr;
  std::uint32_t aew_id = 0;
  sim::TrackTruth truth;
  std::map<std::string, std::set<long>> scans_with_plot;  ///< radar -> scan numbers
  std::map<std::string, double> scan_period_s;
  std::set<std::uint32_t> confirmed;  ///< tracks confirmed and not deleted
  std::set<std::uint32_t> tracks;     ///< confirmed tracks ever associated with the AEW
  std::set<std::uint32_t> tentative;  ///< every track ever associated with it, tentative ones too
  double first_track_s = -1.0, last_association_s = -1.0, held_s = 0.0, last_t_s = 0.0;
  double max_gap_s = 0.0;

  void on(const sim::TruthMoved& e) override {
    world = &e.world;
    for (const auto& en : e.world.entities())
      if (en.name == aew) aew_id = en.id;
    // Held: a confirmed track on the AEW had an association within the last 3 scans of the slower radar.
    if (first_track_s >= 0.0 && e.t_s - last_association_s <= 3.0 * 6.0) held_s += e.t_s - last_t_s;
    last_t_s = e.t_s;
  }
  void on(const sim::PlotsMade& e) override {
    truth.on_plots(e);
    for (const auto& o : e.look.origins)
      if (o.truth_id == aew_id && scan_period_s.count(e.sensor))
        scans_with_plot[e.sensor].insert(static_cast<long>(e.t_s / scan_period_s[e.sensor]));
  }
  void on(const sim::TrackerStepped& e) override {
    truth.on_tracker(e);
    confirmed.insert(e.result.confirmed.begin(), e.result.confirmed.end());
    for (const auto& a : e.result.associations) {
      if (truth.of(a.track_id) != aew_id) continue;
      tentative.insert(a.track_id);
      if (!confirmed.count(a.track_id)) continue;
      tracks.insert(a.track_id);
      if (first_track_s < 0.0) first_track_s = e.t_s;
      if (last_association_s >= 0.0) max_gap_s = std::max(max_gap_s, e.t_s - last_association_s);
      last_association_s = e.t_s;
    }
    for (const auto id : e.result.deleted) confirmed.erase(id);
  }
};

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml";
  const scenario::Scenario base = scenario::load_scenario_file(path);
  std::size_t aew = 0;
  while (aew < base.friendlies.size() && base.friendlies[aew].kind != scenario::FriendlyKind::kAirborneEarlyWarning)
    ++aew;
  if (aew == base.friendlies.size()) {
    std::fprintf(stderr, "%s has no airborne_early_warning friendly\n", path.c_str());
    return 2;
  }
  std::printf("AEW orbit: %s, %.0f s, turns at %.0f deg of bank (lateral %.2f m/s^2)\n",
              base.friendlies[aew].name.c_str(), base.duration_s,
              rad_to_deg(std::atan(base.friendlies[aew].manoeuvre.max_lateral_accel_mps2 / kStandardGravity_mps2)),
              base.friendlies[aew].manoeuvre.max_lateral_accel_mps2);
  std::printf("%10s", "rcs_m2");
  for (const auto& r : base.radars) std::printf(" %14s", ("Pd " + r.name).c_str());
  std::printf(" %8s %10s %10s %10s\n", "tracks", "tentative", "held", "max_gap_s");
  for (const double scale : {1.0, 0.1, 0.03, 0.01, 0.005, 0.003}) {
    scenario::Scenario s = base;
    s.friendlies[aew].rcs_m2 *= scale;
    AewWatch watch;
    watch.aew = s.friendlies[aew].name;
    for (const auto& r : s.radars) watch.scan_period_s[r.name] = r.scan_period_s;
    sim::Simulation sim(s, {});
    sim.subscribe(watch);
    sim.run();
    std::printf("%10.3g", s.friendlies[aew].rcs_m2);
    for (const auto& r : s.radars)
      std::printf(" %14.3f", static_cast<double>(watch.scans_with_plot[r.name].size()) /
                                 std::floor(s.duration_s / r.scan_period_s));
    const double after_s = s.duration_s - watch.first_track_s;
    std::printf(" %8zu %10zu %10.3f %10.1f\n", watch.tracks.size(), watch.tentative.size(), watch.first_track_s >= 0 ? watch.held_s / after_s : 0.0,
                watch.max_gap_s);
  }
  return 0;
}
