// The AEW orbit as the air picture sees it. The default scenario's AEW-1 flies its closed route,
// a 45 km out-and-back orbit at 160 m/s, reversing in 200 deg turns at its 25 deg bank limit
// (4.6 m/s^2, 110 s per half circle; world/flight_mover.h). The program counts, over the whole
// run, the distinct confirmed track ids the tracker associated with the AEW's plots
// (sim/track_truth.h): one id means the orbit is held as one track from first detection to the end.
//
// Part 1, the orbit seen by one 3-D surveillance radar: the default scenario cut down to the AEW
// and SR-1, with multipath and MTI off so that the misses are the radar's Swerling draws at the
// Pd its RCS gives (not lobing nulls or the MTI notch as the orbit passes tangential), the RCS
// scaled from 30 m^2 to Pd about 0.9, at the scenario's tracker process noise and at twice it.
// Part 2, the full default scenario as it ships (both radars, multipath, MTI, every other
// entity), the AEW's RCS scaled the same way.
// Per row (means over 20 seeds, from the scenario's): the AEW's RCS, each
// radar's measured Pd on it (scans with a plot of it over the scans of the run), the distinct
// confirmed tracks on it and in how many runs that was one, every track (tentative ones too) that
// took one of its plots, the fraction of the run after its first track in which a confirmed track
// on it had an association at most 3 scans (18 s) old, and the longest time between two
// associations (over the runs).
// Run: ./build/bench/aew_orbit_bench [SCENARIO=scenarios/default.yaml]
#include <algorithm>
#include <cmath>
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

constexpr double kHeldWithin_s = 18.0;
constexpr int kSeeds = 20;

struct AewWatch : sim::EventSink {
  std::string aew;
  std::uint32_t aew_id = 0;
  sim::TrackTruth truth;
  std::map<std::string, std::set<long>> scans_with_plot;  ///< radar -> scan numbers
  std::map<std::string, double> scan_period_s;
  std::set<std::uint32_t> confirmed;  ///< tracks confirmed and not deleted
  std::set<std::uint32_t> tracks;     ///< confirmed tracks ever associated with the AEW
  std::set<std::uint32_t> touched;    ///< every track that took one of its plots
  double first_track_s = -1.0, last_association_s = -1.0, held_s = 0.0, last_t_s = 0.0, max_gap_s = 0.0;

  void on(const sim::TruthMoved& e) override {
    for (const auto& en : e.world.entities())
      if (en.name == aew) aew_id = en.id;
    if (first_track_s >= 0.0 && e.t_s - last_association_s <= kHeldWithin_s) held_s += e.t_s - last_t_s;
    last_t_s = e.t_s;
  }
  void on(const sim::PlotsMade& e) override {
    truth.on_plots(e);
    for (const auto& o : e.look.origins)
      if (o.truth_id == aew_id) scans_with_plot[e.sensor].insert(std::lround(std::floor(e.t_s / scan_period_s[e.sensor])));
  }
  void on(const sim::TrackerStepped& e) override {
    truth.on_tracker(e);
    confirmed.insert(e.result.confirmed.begin(), e.result.confirmed.end());
    for (const auto& a : e.result.associations) {
      if (truth.of(a.track_id) != aew_id) continue;
      touched.insert(a.track_id);
      if (!confirmed.count(a.track_id)) continue;
      tracks.insert(a.track_id);
      if (first_track_s < 0.0) first_track_s = e.t_s;
      if (last_association_s >= 0.0) max_gap_s = std::max(max_gap_s, e.t_s - last_association_s);
      last_association_s = e.t_s;
    }
    for (const auto id : e.result.deleted) confirmed.erase(id);
  }
};

/// Runs `s` with `seeds` seeds from its own and prints one row for its friendly `aew`: the means
/// over the seeds, and in how many the AEW was held as one track.
void run_row(const scenario::Scenario& s, std::size_t aew, int seeds) {
  std::map<std::string, double> pd;
  double tracks = 0.0, touched = 0.0, held = 0.0, max_gap_s = 0.0;
  int one_track = 0;
  for (int k = 0; k < seeds; ++k) {
    scenario::Scenario run = s;
    run.random_seed = s.random_seed + static_cast<std::uint64_t>(k);
    AewWatch watch;
    watch.aew = run.friendlies[aew].name;
    for (const auto& r : run.radars) watch.scan_period_s[r.name] = r.scan_period_s;
    sim::Simulation sim(run, {});
    sim.subscribe(watch);
    sim.run();
    for (const auto& r : run.radars)
      pd[r.name] += static_cast<double>(watch.scans_with_plot[r.name].size()) /
                    std::floor(run.duration_s / r.scan_period_s) / seeds;
    tracks += static_cast<double>(watch.tracks.size()) / seeds;
    touched += static_cast<double>(watch.touched.size()) / seeds;
    held += (watch.first_track_s >= 0 ? watch.held_s / (run.duration_s - watch.first_track_s) : 0.0) / seeds;
    max_gap_s = std::max(max_gap_s, watch.max_gap_s);
    one_track += watch.tracks.size() == 1;
  }
  std::printf("  %8.3g", s.friendlies[aew].rcs_m2);
  for (const auto& r : s.radars) std::printf("  Pd %s %.3f", r.name.c_str(), pd[r.name]);
  std::printf("  tracks %5.2f  one track in %2d/%-2d  touched %5.2f  held %.3f  max_gap_s %5.1f\n", tracks, one_track,
              seeds, touched, held, max_gap_s);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml";
  const scenario::Scenario base = scenario::load_scenario_file(path);
  const auto is_aew = [](const scenario::Friendly& f) { return f.kind == scenario::FriendlyKind::kAirborneEarlyWarning; };
  const auto it = std::find_if(base.friendlies.begin(), base.friendlies.end(), is_aew);
  const auto three_d = std::find_if(base.radars.begin(), base.radars.end(),
                                    [](const scenario::Radar& r) { return r.el_sigma_deg.has_value(); });
  if (it == base.friendlies.end() || three_d == base.radars.end()) {
    std::fprintf(stderr, "%s needs an airborne_early_warning friendly and a 3-D surveillance radar\n", path.c_str());
    return 2;
  }
  const std::size_t aew = static_cast<std::size_t>(it - base.friendlies.begin());
  const double lateral_mps2 = it->manoeuvre.max_lateral_accel_mps2;
  std::printf("AEW orbit: %s at %.0f m/s, %.0f s, turns at %.0f deg of bank (%.2f m/s^2, radius %.1f km)\n",
              it->name.c_str(), it->speed_mps, base.duration_s,
              rad_to_deg(std::atan(lateral_mps2 / kStandardGravity_mps2)), lateral_mps2,
              it->speed_mps * it->speed_mps / lateral_mps2 / 1000.0);

  scenario::Scenario alone = base;
  alone.friendlies = {*it};
  alone.raids.clear();
  alone.squadrons.clear();
  alone.events.clear();
  alone.radars = {*three_d};
  alone.radars[0].mti.reset();
  alone.environment.multipath = false;
  for (const double noise_factor : {1.0, 2.0}) {
    scenario::Scenario s = alone;
    s.tracker.process_noise_mps2 *= noise_factor;
    std::printf("Part 1: %s alone with %s (no multipath, no MTI), tracker process noise %.0f m/s^2\n",
                it->name.c_str(), three_d->name.c_str(), s.tracker.process_noise_mps2);
    for (const double rcs_m2 : {30.0, 1.0, 0.6, 0.45, 0.3}) {
      s.friendlies[0].rcs_m2 = rcs_m2;
      run_row(s, 0, kSeeds);
    }
  }
  std::printf("Part 2: the default scenario as it ships, tracker process noise %.0f m/s^2\n",
              base.tracker.process_noise_mps2);
  for (const double scale : {1.0, 0.1, 0.03}) {
    scenario::Scenario s = base;
    s.friendlies[aew].rcs_m2 *= scale;
    run_row(s, aew, kSeeds);
  }
  return 0;
}
