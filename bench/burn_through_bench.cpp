// Burn-through of the default scenario's SR-1 radar against a noise-jammed 5 m^2 fighter
// (environment/jamming.h), and the cost of a J/S evaluation.
// SR-1's terms, read by hand from scenarios/default.yaml: peak_power_w 600000, antenna_gain_db 36,
// frequency_hz 3.0e9, pulse_width_s 1.0e-6, noise_figure_db 3, losses_db 6, pulses_integrated 12
// (coherent_integration and swerling_case left at their defaults: coherent, Swerling 1),
// false_alarm_probability 1.0e-6. The required SNR after integration is the Swerling 1 value for
// Pd 0.9 (and 0.5) at that Pfa: one pulse of n times the SNR at the detector (sensors/detection.h).
// Jammers: a self-protection jammer on the fighter (100 W, 3 dB, 500 MHz) and a stand-off jammer
// 200 km from the radar (1 kW, 15 dB, 500 MHz) in the main lobe and in a -30 dB sidelobe.
// Each burn-through range is given (a) by the closed-form J/S equation (noise neglected),
// (b) found numerically by stepping range in 1 m steps out from the radar with the full
// S / (J + N) until it falls below the requirement (then bisecting that step), and (c) by the
// exact formula (the quadratic in R^2, or (C sigma / (D (N + J)))^1/4), with the ratio (a) / (b).
// Run: ./build/bench/burn_through_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <functional>

#include "core/units.h"
#include "environment/jamming.h"
#include "sensors/detection.h"

namespace {

using namespace rampart;
using environment::JammingLink;
using environment::NoiseJammer;
using environment::RadarLink;

RadarLink sr1() {
  return {.peak_power_w = 600'000.0, .antenna_gain_db = 36.0, .frequency_hz = 3.0e9, .pulse_width_s = 1.0e-6,
          .noise_figure_db = 3.0, .losses_db = 6.0, .pulses_coherent = 12};
}
const NoiseJammer kSelfProtection{.power_w = 100.0, .antenna_gain_db = 3.0, .bandwidth_hz = 500e6, .losses_db = 0.0};
const NoiseJammer kStandOff{.power_w = 1000.0, .antenna_gain_db = 15.0, .bandwidth_hz = 500e6, .losses_db = 0.0};
constexpr double kFighterRcs_m2 = 5.0;
constexpr double kStandOffRange_m = 200e3;
constexpr double kPfa = 1e-6;

/// Where `sjnr` (falling with range) crosses `required`: 1 m steps out from the radar to the step
/// that crosses, then bisection inside that step.
double step_out_m(const std::function<double(double)>& sjnr, double required) {
  double r_m = 1.0;
  while (sjnr(r_m + 1.0) >= required) r_m += 1.0;
  double lo_m = r_m, hi_m = r_m + 1.0;
  for (int i = 0; i < 40; ++i) {
    const double mid_m = 0.5 * (lo_m + hi_m);
    (sjnr(mid_m) >= required ? lo_m : hi_m) = mid_m;
  }
  return lo_m;
}

void print_table() {
  const RadarLink radar = sr1();
  const JammingLink spj(radar, kSelfProtection);
  const JammingLink soj(radar, kStandOff);
  std::printf("SR-1 (600 kW, 36 dB, 3 GHz, 1 us, NF 3 dB, L 6 dB, 12 pulses coherent, Pfa 1e-6) against a %.0f m^2 "
              "fighter\n", kFighterRcs_m2);
  std::printf("J/N of the stand-off jammer at %.0f km: main lobe %.1f dB, -30 dB sidelobe %.1f dB; self-protection "
              "J/S after integration at 100 km %.1f dB\n",
              kStandOffRange_m / 1e3, ratio_to_db(soj.jamming_to_noise(kStandOffRange_m, 1.0)),
              ratio_to_db(soj.jamming_to_noise(kStandOffRange_m, db_to_ratio(-30.0))),
              ratio_to_db(spj.self_protection_jamming_to_signal(100e3, kFighterRcs_m2)));
  for (const double pd : {0.9, 0.5}) {
    const double required = sensors::required_snr(1, 1, sensors::Integration::kNoncoherent, pd, kPfa);
    std::printf("\nPd %.1f: required SNR after integration %.2f dB; unjammed detection range %.1f km\n", pd,
                ratio_to_db(required), spj.detection_range_m(kFighterRcs_m2, required) / 1e3);
    std::printf("%-30s %16s %16s %16s %12s\n", "jamming", "(a) J/S km", "(b) stepped km", "(c) exact km",
                "(a)/(b)");
    auto row = [](const char* name, double closed_m, double stepped_m, double exact_m) {
      std::printf("%-30s %16.4f %16.4f %16.4f %12.6f\n", name, closed_m / 1e3, stepped_m / 1e3, exact_m / 1e3,
                  closed_m / stepped_m);
    };
    row("self-protection",
        spj.self_protection_burn_through_noise_free_m(kFighterRcs_m2, required),
        step_out_m([&](double r_m) { return spj.self_protection_sjnr(r_m, kFighterRcs_m2); }, required),
        spj.self_protection_burn_through_m(kFighterRcs_m2, required));
    for (const double sidelobe_db : {0.0, -30.0}) {
      const double g = db_to_ratio(sidelobe_db);
      row(sidelobe_db == 0.0 ? "stand-off 200 km, main lobe" : "stand-off 200 km, -30 dB lobe",
          soj.stand_off_burn_through_noise_free_m(kFighterRcs_m2, required, kStandOffRange_m, g),
          step_out_m([&](double r_m) {
            return soj.signal_to_jamming_plus_noise(r_m, kFighterRcs_m2, kStandOffRange_m, g);
          }, required),
          soj.stand_off_burn_through_m(kFighterRcs_m2, required, kStandOffRange_m, g));
    }
  }
  std::printf("\n");
}

/// J/S after integration for a self-protection jammer, one range after another.
void BM_SelfProtectionJammingToSignal(benchmark::State& state) {
  const JammingLink link(sr1(), kSelfProtection);
  double r_m = 10e3, sum = 0.0;
  for (auto _ : state) {
    sum += link.self_protection_jamming_to_signal(r_m, kFighterRcs_m2);
    r_m = r_m < 300e3 ? r_m + 1.0 : 10e3;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations());
}

/// The general J/S (target and jammer at their own ranges, a gain toward the jammer).
void BM_JammingToSignal(benchmark::State& state) {
  const JammingLink link(sr1(), kStandOff);
  const double g = db_to_ratio(-30.0);
  double r_m = 10e3, sum = 0.0;
  for (auto _ : state) {
    sum += link.jamming_to_signal(r_m, kFighterRcs_m2, kStandOffRange_m, g);
    r_m = r_m < 300e3 ? r_m + 1.0 : 10e3;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations());
}

/// S / (J + N): what a radar's detection check would call per target.
void BM_SignalToJammingPlusNoise(benchmark::State& state) {
  const JammingLink link(sr1(), kStandOff);
  const double g = db_to_ratio(-30.0);
  double r_m = 10e3, sum = 0.0;
  for (auto _ : state) {
    sum += link.signal_to_jamming_plus_noise(r_m, kFighterRcs_m2, kStandOffRange_m, g);
    r_m = r_m < 300e3 ? r_m + 1.0 : 10e3;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations());
}

/// Building the link: the dB conversions and constants, once per radar-jammer pair.
void BM_BuildLink(benchmark::State& state) {
  for (auto _ : state) {
    JammingLink link(sr1(), kStandOff);
    benchmark::DoNotOptimize(link);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_SelfProtectionJammingToSignal);
BENCHMARK(BM_JammingToSignal);
BENCHMARK(BM_SignalToJammingPlusNoise);
BENCHMARK(BM_BuildLink);

}  // namespace

int main(int argc, char** argv) {
  print_table();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
