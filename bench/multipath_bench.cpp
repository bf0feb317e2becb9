// Propagation over the sea (environment/propagation.h) and sea clutter (environment/clutter.h).
// (a) Cost: pattern-propagation factors F per second on one core, for targets spread over the
//     interference, intermediate and diffraction regions (path + factor, i.e. geometry, Fresnel,
//     roughness and the two-ray sum or the diffraction formula), and for the two steps apart.
// (b) The sea-skimmer figure: a radar like SR-1 of scenarios/default.yaml against a 0.1 m^2
//     Swerling 1 target at 10 m and at 40 m over sea state 3, closing from beyond the horizon:
//     the range at which the single-look Pd = Pfa^(1 / (1 + SNR F^4)) first reaches 0.5 and 0.9,
//     in free space (F = 1 inside the 4/3-Earth horizon) and with multipath, and F at a few ranges.
//     SR-1 as read from scenarios/default.yaml: peak power 600 kW, antenna gain 36 dB, 3 GHz,
//     pulse width 1 us (B = 1 MHz), noise figure 3 dB, losses 6 dB, 12 pulses integrated
//     coherently, Pfa 1e-6, site altitude 400 m + antenna height 15 m. Assumed here (not in the
//     scenario): the ridge stands on the coast, so the antenna is 415 m above the sea (a second
//     block puts the same radar on a 15 m mast at the shore); horizontal polarization; a flat
//     elevation pattern (f = 1 toward both rays).
// Run: ./build/bench/multipath_bench            (both)
//      ./build/bench/multipath_bench --figure   (the figure only)
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/random.h"
#include "core/units.h"
#include "environment/clutter.h"
#include "environment/propagation.h"

namespace {

using rampart::db_to_ratio;
using rampart::kPi;
using rampart::kSpeedOfLight_mps;
using rampart::environment::Propagation;

Propagation sr1_propagation(double antenna_height_m, bool multipath) {
  Propagation::Options o;
  o.frequency_hz = 3.0e9;
  o.radar_height_m = antenna_height_m;
  o.surface = rampart::environment::sea_surface(3.0, 3.0e9);
  o.polarization = rampart::environment::Polarization::kHorizontal;
  o.multipath = multipath;
  return Propagation(o);
}

struct Target {
  double height_m;
  double ground_range_m;
};

// Targets from 0.5 to 150 km and 2 to 3000 m: most inside the horizon, some beyond.
std::vector<Target> targets(std::size_t n) {
  rampart::RandomStream rng(7, 0, rampart::Purpose::kScenario);
  std::vector<Target> t(n);
  for (auto& x : t) x = {std::exp(rng.uniform(std::log(2.0), std::log(3000.0))), rng.uniform(500.0, 150000.0)};
  return t;
}

void BM_Factor(benchmark::State& state) {
  const Propagation p = sr1_propagation(415.0, true);
  const std::vector<Target> t = targets(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    const Target& x = t[i++ & 4095];
    benchmark::DoNotOptimize(p.factor(x.height_m, x.ground_range_m));
  }
  state.counters["F_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_FactorSeaSkimmer(benchmark::State& state) {
  // The worst case: a 10 m target over 40-100 km, much of it in the intermediate region.
  const Propagation p = sr1_propagation(415.0, true);
  rampart::RandomStream rng(8, 0, rampart::Purpose::kScenario);
  std::vector<double> ranges(4096);
  for (auto& d : ranges) d = rng.uniform(40000.0, 100000.0);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(p.factor(10.0, ranges[i++ & 4095]));
  state.counters["F_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_Path(benchmark::State& state) {
  const Propagation p = sr1_propagation(415.0, true);
  const std::vector<Target> t = targets(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    const Target& x = t[i++ & 4095];
    benchmark::DoNotOptimize(p.path(x.height_m, x.ground_range_m));
  }
  state.counters["per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_FactorGivenPath(benchmark::State& state) {
  const Propagation p = sr1_propagation(415.0, true);
  const std::vector<Target> t = targets(4096);
  std::vector<Propagation::Path> paths;
  for (const auto& x : t) paths.push_back(p.path(x.height_m, x.ground_range_m));
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(p.factor(paths[i++ & 4095], 1.0, 1.0));
  state.counters["per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_Factor);
BENCHMARK(BM_FactorSeaSkimmer);
BENCHMARK(BM_Path);
BENCHMARK(BM_FactorGivenPath);

// SR-1's SNR of a 1 m^2 target at 1 m (radar equation, as sensors/radar.cpp).
double sr1_snr_1m_1m2() {
  const double lambda = kSpeedOfLight_mps / 3.0e9;
  const double gain = db_to_ratio(36.0);
  const double numerator = 600e3 * gain * gain * lambda * lambda * 12.0;
  const double denominator = std::pow(4.0 * kPi, 3) * rampart::kBoltzmann_JpK * rampart::kStandardTemperature_K *
                             db_to_ratio(3.0) * 1e6 * db_to_ratio(6.0);
  return numerator / denominator;
}

void figure_for(double antenna_height_m) {
  constexpr double kPfa = 1e-6, kRcs = 0.1;
  const double c = sr1_snr_1m_1m2();
  std::printf("\nantenna %.0f m above the sea, sea state 3, H pol, 0.1 m^2 Swerling 1, Pfa 1e-6, 12 pulses coherent\n",
              antenna_height_m);
  std::printf("%-10s %-10s %9s %13s %13s %28s\n", "target", "model", "horizon", "Pd>=0.5 at", "Pd>=0.9 at",
              "Pd<0.5 again inside (km)");
  for (const double h2 : {10.0, 40.0}) {
    const double horizon_km = rampart::environment::horizon_ground_range_m(antenna_height_m, h2) / 1e3;
    for (const bool multipath : {false, true}) {
      const Propagation p = sr1_propagation(antenna_height_m, multipath);
      double first50 = 0.0, first90 = 0.0, fade_far = 0.0, fade_near = 0.0, fade_length = 0.0;
      const double step = 10.0;
      for (double d = 1.5 * horizon_km * 1e3; d >= 500.0; d -= step) {
        const Propagation::Path path = p.path(h2, d);
        const double f = p.factor(path, 1.0, 1.0);
        const double r = path.geometry.direct_range_m;
        const double snr = c * kRcs * std::pow(f, 4) / std::pow(r, 4);
        const double pd = std::pow(kPfa, 1.0 / (1.0 + snr));
        if (pd >= 0.5 && first50 == 0.0) first50 = r;
        if (pd >= 0.9 && first90 == 0.0) first90 = r;
        if (first50 > 0.0 && pd < 0.5) {
          if (fade_far == 0.0) fade_far = r;
          fade_near = r;
          fade_length += step;
        }
      }
      char fades[64] = "none";
      if (fade_length > 0.0)
        std::snprintf(fades, sizeof fades, "%.1f km between %.1f-%.1f", fade_length / 1e3, fade_near / 1e3,
                      fade_far / 1e3);
      std::printf("%4.0f m     %-10s %6.1f km %10.1f km %10.1f km %28s\n", h2, multipath ? "multipath" : "free",
                  horizon_km, first50 / 1e3, first90 / 1e3, fades);
    }
  }
  std::printf("F (dB, one way) with multipath at ground range:\n%-8s", "target");
  const double ranges_km[] = {5, 10, 20, 30, 40, 60, 80, 90, 100, 110, 120};
  for (const double r : ranges_km) std::printf(" %7.0fkm", r);
  std::printf("\n");
  const Propagation p = sr1_propagation(antenna_height_m, true);
  for (const double h2 : {10.0, 40.0}) {
    std::printf("%4.0f m   ", h2);
    for (const double r : ranges_km) {
      const Propagation::Path path = p.path(h2, r * 1e3);
      const char* region = path.region == rampart::environment::Region::kInterference    ? "i"
                           : path.region == rampart::environment::Region::kIntermediate ? "m"
                                                                                          : "d";
      std::printf(" %7.1f %s", 20.0 * std::log10(std::max(p.factor(path, 1.0, 1.0), 1e-30)), region);
    }
    std::printf("\n");
  }
  std::printf("(i interference, m intermediate, d diffraction; interference ends at %.1f km for 10 m, %.1f km "
              "for 40 m)\n",
              p.interference_limit_ground_range_m(10.0) / 1e3, p.interference_limit_ground_range_m(40.0) / 1e3);
}

void clutter_figure() {
  using namespace rampart::environment;
  const double c = sr1_snr_1m_1m2();
  MtiFilter mti;
  mti.improvement_db = 30.0;
  mti.min_detectable_speed_mps = 3.0;
  mti.wavelength_m = kSpeedOfLight_mps / 3e9;
  mti.prf_hz = {490.0};
  ClutterSurface sea;  // sea state 3, HH
  std::printf("\nSR-1 (415 m) sea clutter, sea state 3 HH, 1.5 deg x 1 us cell, MTI I = 30 dB, notch +-3 m/s, "
              "490 Hz (v_b %.1f m/s)\n", mti.blind_speed_mps(0));
  std::printf("%8s %9s %10s %9s %9s %13s %13s\n", "range", "grazing", "sigma0", "sigma_c", "CNR", "SCNR 177m/s",
              "SCNR hover");
  for (const double r_km : {5.0, 10.0, 20.0, 40.0, 60.0, 80.0, 90.0}) {
    const double r = r_km * 1e3;
    const double psi = clutter_grazing_rad(415.0, r);
    const double sigma_c = clutter_rcs_m2(sea, 3e9, 415.0, r, rampart::deg_to_rad(1.5), 1e-6);
    const double cnr = c * sigma_c / std::pow(r, 4);
    const double snr = c * 0.1 / std::pow(r, 4);  // free space, 0.1 m^2
    const FilterOutput moving = filter_clutter(snr, cnr, mti, 250.0 * std::cos(kPi / 4.0));
    const FilterOutput hover = filter_clutter(snr, cnr, mti, 0.0);
    std::printf("%6.0fkm %7.3fdeg %7.1f dB %6.2f m2 %6.1f dB %10.1f dB %10.1f dB\n", r_km, rampart::rad_to_deg(psi),
                psi > 0.0 ? 10.0 * std::log10(sea_reflectivity(psi, 3e9, 3.0, Polarization::kHorizontal)) : -999.0,
                sigma_c, cnr > 0.0 ? 10.0 * std::log10(cnr) : -999.0, 10.0 * std::log10(moving.scnr),
                10.0 * std::log10(hover.scnr));
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool figure_only = false;
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--figure") == 0) figure_only = true;
  if (!figure_only) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
  }
  std::printf("\nSR-1 SNR of 1 m^2 at 1 m: %.3e (%.1f dB)\n", sr1_snr_1m_1m2(), 10.0 * std::log10(sr1_snr_1m_1m2()));
  figure_for(415.0);
  figure_for(15.0);
  clutter_figure();
  return 0;
}
