// Two sensor figures measured by the simulation's own radar (sensors/radar.h) against the
// calculation, with SR-1 Ridge of scenarios/default.yaml read by the scenario loader (stacked
// beams, MTI, 400 m site + 15 m antenna) and no terrain: every path is over a sea of state 3.
//
// (1) Sea-skimmer first detection. A 0.1 m^2 Swerling 1 target at 10 m and at 40 m flies straight
//     at the radar at 240 m/s from 1.25 horizons out (beyond the radar's 1.2-horizon reach). Each
//     Monte Carlo run is one seed: the radar's random scan phase and its detection draws. Each scan
//     the beam crosses the target's azimuth at t_k; the target is put where it is at t_k and
//     SurveillanceRadar::look() sweeps (t_k - 0.05 s, t_k + 0.05 s]. Recorded: the slant range of
//     the first detection, and of the detection that first completes 2 detections in 3 scans (a
//     track-initiation criterion), for multipath on and off (no clutter), and multipath with sea
//     clutter and SR-1's MTI. Printed: median and 10/90 percentiles.
//     Calculation (not through the radar class): per scan, SINR = SNR0 F^4 / (1 + CNR / I) with
//     SNR0 the radar equation from the spec's terms, F = environment::Propagation::factor of the
//     path with the antenna's elevation voltage pattern toward the direct and the reflected ray
//     (multipath off: f(theta_d) inside the horizon), CNR from environment/clutter.h through the
//     pattern at the grazing angle, I the MTI's improvement; Pd = Pfa^(1 / (1 + SINR)). The
//     distribution of the first-detection range is exact over the scans,
//       P(first detection at scan k) = Pd_k prod_{j<k} (1 - Pd_j),
//     and that of the 2-of-3 criterion a four-state Markov chain over the last two scans; both
//     averaged over 256 scan phases (uniform, as the radar's is per seed). Ratio = simulated /
//     calculated median; they should agree to within a scan's travel (6 s x 240 m/s = 1.44 km).
//     The radar (sensors/radar.cpp, echo()) and the calculation both look the elevation pattern up
//     at the direct ray's 4/3-earth (refracted) elevation theta_d, with multipath or without, and
//     take the clutter through the beam that receives the target (the lowest, for a sea-skimmer).
// (2) Burn-through. A 5 m^2 Swerling 1 fighter at 8,000 m closes radially from 150 km at 250 m/s,
//     (a) carrying a self-protection jammer (100 W, 3 dB, 500 MHz), (b) screened by a stand-off
//     jammer held at a point of its orbit 200 km from the radar at 8,000 m, 5 degrees off the
//     fighter's azimuth (1 kW, 15 dB, 500 MHz). No clutter, no multipath: the J/S equation's world.
//     Two extra cases: the self-protected fighter at 2,000 m (at 8,000 m it climbs out of the top
//     stacked beam, centred at 20 deg, at about 21 km, before its J/S would let it be seen: S goes
//     as g_el^2 and J as g_el, so S/J falls with g_el and it never burns through), and the
//     stand-off jammer 1 deg off (on the main lobe's skirt) instead of in the -30 dB sidelobes.
//     Simulated: every look of every run (20,000 runs) is binned by the target's slant range (0.25
//     km bins); the burn-through range is where the detection rate, read from far to near, first
//     reaches Pd (0.5, 0.9), interpolated linearly between the bins' centres.
//     Calculated: environment::JammingLink's closed forms for the required SINR D of that Pd
//     (sensors/detection.h required_snr, Swerling 1 after coherent integration), with the
//     antenna's gains as echo() applies them: the target's echo scaled by g_el(el_t)^2 (two-way),
//     a self-protection jammer received through g_el(el_t) (folded into the jammer's gain), a
//     stand-off jammer through max(g_az(off) g_b(el_j), sidelobe floor) with g_b the lobe of the
//     beam receiving the target; el_t the direct ray's 4/3-earth elevation, el_j the jammer's
//     straight-line one, as echo() takes them. The gains vary along the run (the stacked beams' crossovers), so they are
//     those at the burn-through range itself: the calculated SINR is stepped in from 150 km in
//     10 m steps to where it first reaches D, and the closed form is evaluated with the gains
//     there. Printed: the exact closed form (n S / (J + N) = D), the J/S equation with noise
//     neglected, the stepped range, and the ratio simulated / exact closed form.
// Runs in about 7 s for the figures on one core (plus about 2 s of Google benchmarks: the cost of
// echo() for a sea-skimmer with multipath and clutter, and of look() with a stand-off jammer).
// Run: ./build/bench/sensor_figures_bench              (figures, then the Google benchmarks)
//      ./build/bench/sensor_figures_bench --figures    (the figures only)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "core/units.h"
#include "environment/antenna.h"
#include "environment/clutter.h"
#include "environment/jamming.h"
#include "environment/propagation.h"
#include "scenario/loader.h"
#include "sensors/detection.h"
#include "sensors/radar.h"
#include "world/world.h"

namespace {

using namespace rampart;

constexpr double kLookHalfWidth_s = 0.05;  // the simulation's 0.1 s time step, centred on the beam

struct Site {
  scenario::Radar spec;
  LocalFrame frame;
};

const Site& sr1() {
  static const Site site = [] {
    const scenario::Scenario s = scenario::load_scenario_file(RAMPART_SOURCE_DIR "/scenarios/default.yaml");
    for (const auto& r : s.radars)
      if (r.name == "SR-1 Ridge") return Site{r, LocalFrame(s.origin)};
    throw std::runtime_error("SR-1 Ridge not in scenarios/default.yaml");
  }();
  return site;
}

double antenna_alt_m(const scenario::Radar& spec) { return spec.site_alt_m + spec.antenna_height_m; }

/// A target on a radial line from the radar: `ground_m` along the radar's tangent plane toward
/// compass `az_rad`, at `alt_m` above the sea, moving toward the radar at `speed_mps`.
void place(world::Entity& e, const sensors::SurveillanceRadar& radar, const LocalFrame& scenario_frame, double az_rad,
           double ground_m, double alt_m, double speed_mps) {
  const double se = std::sin(az_rad), ce = std::cos(az_rad);
  e.geodetic = radar.frame().surface_point(ground_m * se, ground_m * ce, alt_m);
  e.p_enu_m = scenario_frame.to_enu(e.geodetic);
  e.v_enu_mps = speed_mps * (scenario_frame.rotation_from(radar.frame()) * Eigen::Vector3d(-se, -ce, 0.0));
}

/// The first time after t_from_s the beam crosses compass `az_rad`.
double next_crossing_s(const sensors::SurveillanceRadar& radar, double az_rad, double t_from_s) {
  const double T = radar.spec().scan_period_s;
  const double lag = wrap_two_pi(az_rad - radar.beam_az_rad(t_from_s));
  return t_from_s + lag / kTwoPi * T;
}

// ---------------------------------------------------------------------------------------------
// The calculation: the radar equation, the smooth-earth F and the antenna pattern, by hand.

struct Calculation {
  const scenario::Radar& spec;
  scenario::Environment env;
  environment::AntennaPattern antenna;
  environment::Propagation propagation;
  double snr_1m_1m2;

  Calculation(const scenario::Radar& s, const scenario::Environment& e)
      : spec(s), env(e), antenna(s.antenna), propagation(options(s, e)), snr_1m_1m2(radar_equation(s)) {}

  static environment::Propagation::Options options(const scenario::Radar& s, const scenario::Environment& e) {
    environment::Propagation::Options o;
    o.frequency_hz = s.frequency_hz;
    o.radar_height_m = antenna_alt_m(s);
    o.surface = environment::sea_surface(e.sea_state, s.frequency_hz);
    o.polarization = s.polarization;
    o.multipath = e.multipath;
    o.k_factor = 4.0 / 3.0;
    return o;
  }
  /// SNR of 1 m^2 at 1 m after coherent integration.
  static double radar_equation(const scenario::Radar& s) {
    const double lambda = kSpeedOfLight_mps / s.frequency_hz;
    const double g = db_to_ratio(s.antenna_gain_db);
    const double n = s.coherent_integration ? s.pulses_integrated : 1.0;
    return s.peak_power_w * g * g * lambda * lambda * n /
           (std::pow(4.0 * kPi, 3) * kBoltzmann_JpK * kStandardTemperature_K * db_to_ratio(s.noise_figure_db) /
            s.pulse_width_s * db_to_ratio(s.losses_db));
  }
  double pd(double sinr) const { return std::pow(spec.false_alarm_probability, 1.0 / (1.0 + sinr)); }

  /// SINR of a target of `rcs_m2` at `height_m` above the sea, `ground_m` away along the surface,
  /// closing at `radial_mps` (negative closing); slant range out.
  double sea_sinr(double rcs_m2, double height_m, double ground_m, double radial_mps, double* slant_m) const {
    const environment::Propagation::Path path = propagation.path(height_m, ground_m);
    const auto& el = antenna.elevation();
    const double f_direct = el.voltage_ratio(path.geometry.direct_elevation_rad);
    const double f_reflected = path.geometry.line_of_sight ? el.voltage_ratio(path.geometry.reflected_elevation_rad) : 0.0;
    const double F = propagation.factor(path, f_direct, f_reflected);
    const double r = path.geometry.line_of_sight ? path.geometry.direct_range_m
                                                 : std::hypot(ground_m, height_m - antenna_alt_m(spec));
    if (slant_m) *slant_m = r;
    double signal = snr_1m_1m2 * rcs_m2 / std::pow(r, 4) * std::pow(F, 4);
    double cnr = 0.0;
    if (env.clutter) {
      const environment::ClutterSurface surface{.sea = true, .sea_state = env.sea_state,
                                                .polarization = spec.polarization, .land_cover = env.land_cover};
      const double h = antenna_alt_m(spec);
      const double sigma_c =
          environment::clutter_rcs_m2(surface, spec.frequency_hz, h, r, deg_to_rad(spec.beamwidth_az_deg), spec.pulse_width_s);
      const double g = el.receive_gain_ratio(path.geometry.direct_elevation_rad, -environment::clutter_grazing_rad(h, r));
      cnr = snr_1m_1m2 * sigma_c / std::pow(r, 4) * g * g;
    }
    if (spec.mti) {
      const double improvement = db_to_ratio(spec.mti->improvement_db);
      if (spec.mti->notches(radial_mps)) signal /= improvement;
      cnr /= improvement;
    }
    return signal / (1.0 + cnr);
  }
};

// ---------------------------------------------------------------------------------------------
// Percentiles of samples, and of a weighted discrete distribution.

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const std::size_t i = static_cast<std::size_t>(pos);
  const double frac = pos - static_cast<double>(i);
  return i + 1 < v.size() ? v[i] * (1.0 - frac) + v[i + 1] * frac : v[i];
}

struct Weighted {
  double range_m, weight;
};
/// The range R with P(detected at a range >= R) = q, interpolated linearly between neighbouring
/// points of the distribution (ranges sorted far to near).
double weighted_quantile(std::vector<Weighted> w, double q) {
  std::sort(w.begin(), w.end(), [](const Weighted& a, const Weighted& b) { return a.range_m > b.range_m; });
  double total = 0.0;
  for (const auto& x : w) total += x.weight;
  double acc = 0.0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (acc + w[i].weight >= q * total) {
      if (i == 0) return w[0].range_m;
      const double f = (q * total - acc) / w[i].weight;  // between the previous point and this one
      return w[i - 1].range_m + f * (w[i].range_m - w[i - 1].range_m);
    }
    acc += w[i].weight;
  }
  return w.empty() ? 0.0 : w.back().range_m;
}

// ---------------------------------------------------------------------------------------------
// (1) Sea-skimmer.

constexpr double kSkimmerRcs_m2 = 0.1, kSkimmerSpeed_mps = 240.0, kSkimmerAz_rad = 2.0;  // ~115 deg, out to sea
constexpr double kStopGround_m = 2000.0;

struct FirstDetections {
  std::vector<double> first_m, confirm_m;  // slant ranges
  int missed = 0;
};

FirstDetections simulate_skimmer(const scenario::Environment& env, double height_m, int runs) {
  const Site& site = sr1();
  const double start_m = 1.25 * environment::horizon_ground_range_m(antenna_alt_m(site.spec), height_m);
  FirstDetections out;
  for (int run = 0; run < runs; ++run) {
    sensors::SurveillanceRadar radar(1, site.spec, env, site.frame, 1000 + static_cast<std::uint64_t>(run));
    std::vector<world::Entity> truth(1);
    world::Entity& e = truth[0];
    e.id = 1;
    e.state = world::EntityState::kFlying;
    e.rcs_m2 = kSkimmerRcs_m2;
    place(e, radar, site.frame, kSkimmerAz_rad, start_m, height_m, kSkimmerSpeed_mps);
    const Eigen::Vector3d d0 = e.p_enu_m - radar.position_enu_m();
    const double az = azimuth_rad(d0.x(), d0.y());
    std::uint64_t next_plot = 1;
    std::optional<double> first;
    bool last = false, second_last = false;
    for (double t = next_crossing_s(radar, az, 0.0);; t += radar.spec().scan_period_s) {
      const double ground_m = start_m - kSkimmerSpeed_mps * t;
      if (ground_m < kStopGround_m) {
        ++out.missed;
        break;
      }
      place(e, radar, site.frame, kSkimmerAz_rad, ground_m, height_m, kSkimmerSpeed_mps);
      const sensors::Look look = radar.look(t - kLookHalfWidth_s, t + kLookHalfWidth_s, truth, next_plot);
      const bool hit = std::any_of(look.origins.begin(), look.origins.end(), [](const auto& o) { return o.truth_id == 1; });
      const double slant_m = (e.p_enu_m - radar.position_enu_m()).norm();
      if (hit && !first) first = slant_m;
      if (hit && (last || second_last)) {
        out.first_m.push_back(*first);
        out.confirm_m.push_back(slant_m);
        break;
      }
      second_last = last;
      last = hit;
    }
  }
  return out;
}

struct CalculatedDetections {
  std::vector<Weighted> first, confirm;
};

CalculatedDetections calculate_skimmer(const scenario::Environment& env, double height_m) {
  const Site& site = sr1();
  const Calculation calc(site.spec, env);
  const double T = site.spec.scan_period_s;
  const double start_m = 1.25 * environment::horizon_ground_range_m(antenna_alt_m(site.spec), height_m);
  // The geometry the radar sees: ground range in its tangent plane, as from the same placement.
  sensors::SurveillanceRadar geometry_only(1, site.spec, env, site.frame, 1);
  world::Entity e;
  CalculatedDetections out;
  constexpr int kPhases = 256;
  for (int p = 0; p < kPhases; ++p) {
    const double t0 = (p + 0.5) / kPhases * T;
    double survive = 1.0;                       // no detection yet
    std::array<double, 4> state{1.0, 0.0, 0.0, 0.0};  // unconfirmed: bit 0 last scan hit, bit 1 the one before
    for (double t = t0;; t += T) {
      const double ground_m = start_m - kSkimmerSpeed_mps * t;
      if (ground_m < kStopGround_m) break;
      place(e, geometry_only, site.frame, kSkimmerAz_rad, ground_m, height_m, kSkimmerSpeed_mps);
      const Eigen::Vector3d local =
          geometry_only.frame().rotation_from(site.frame) * (e.p_enu_m - geometry_only.position_enu_m());
      const Eigen::Vector3d los = e.p_enu_m - geometry_only.position_enu_m();
      const double radial = e.v_enu_mps.dot(los) / los.norm();
      double slant_m = 0.0;
      const double sinr = calc.sea_sinr(kSkimmerRcs_m2, e.geodetic.alt_m, local.head<2>().norm(), radial, &slant_m);
      const double pd = sinr > 0.0 ? calc.pd(sinr) : 0.0;
      slant_m = los.norm();  // the same range the simulation records (the 4/3-earth one differs by metres)
      out.first.push_back({slant_m, survive * pd / kPhases});
      survive *= 1.0 - pd;
      std::array<double, 4> next{0.0, 0.0, 0.0, 0.0};
      double confirmed = 0.0;
      for (int s = 0; s < 4; ++s) {
        if (state[s] == 0.0) continue;
        if (s != 0) confirmed += state[s] * pd;  // a hit with one of the last two scans
        else next[1] += state[s] * pd;
        next[(s << 1) & 3] += state[s] * (1.0 - pd);
      }
      out.confirm.push_back({slant_m, confirmed / kPhases});
      state = next;
    }
  }
  return out;
}

void skimmer_figure(int runs) {
  std::printf("(1) Sea-skimmer: SR-1 Ridge (antenna %.0f m above the sea, stacked beams, MTI %.0f dB), 0.1 m^2 "
              "Swerling 1 at 240 m/s, sea state 3, %d runs\n",
              antenna_alt_m(sr1().spec), sr1().spec.mti ? sr1().spec.mti->improvement_db : 0.0, runs);
  std::printf("    slant range (km) of the first detection and of the 2-of-3 confirmation: simulated median "
              "[10%%, 90%%] / calculated median [10%%, 90%%], ratio of the medians\n");
  std::printf("%-6s %-22s %-9s %27s %27s %8s %9s\n", "target", "environment", "event", "simulated", "calculated",
              "ratio", "sim-calc");
  struct Case {
    const char* name;
    scenario::Environment env;
  };
  const Case cases[] = {{"no multipath", {.multipath = false, .clutter = false}},
                        {"multipath", {.multipath = true, .clutter = false}},
                        {"multipath+clutter+MTI", {.multipath = true, .clutter = true}}};
  for (const double h : {10.0, 40.0}) {
    for (const auto& c : cases) {
      const FirstDetections sim = simulate_skimmer(c.env, h, runs);
      const CalculatedDetections calc = calculate_skimmer(c.env, h);
      for (int which = 0; which < 2; ++which) {
        const std::vector<double>& s = which == 0 ? sim.first_m : sim.confirm_m;
        const std::vector<Weighted>& k = which == 0 ? calc.first : calc.confirm;
        const double sm = percentile(s, 0.5), cm = weighted_quantile(k, 0.5);
        std::printf("%4.0f m  %-22s %-9s %7.1f [%6.1f, %6.1f] %7.1f [%6.1f, %6.1f] %8.3f %6.2f km\n", h,
                    which == 0 ? c.name : "", which == 0 ? "first" : "2-of-3", sm / 1e3, percentile(s, 0.9) / 1e3,
                    percentile(s, 0.1) / 1e3, cm / 1e3, weighted_quantile(k, 0.1) / 1e3,
                    weighted_quantile(k, 0.9) / 1e3, sm / cm, (sm - cm) / 1e3);
      }
      if (sim.missed) std::printf("        (%d runs never confirmed before %0.f km)\n", sim.missed, kStopGround_m / 1e3);
    }
  }
  std::printf("    ([10%%, 90%%]: 10%% of runs detect farther than the first, 10%% nearer than the second)\n");
  // Why clutter changes nothing here: the target's cell's clutter after the MTI.
  const scenario::Radar& spec = sr1().spec;
  const environment::ElevationPattern el(spec.antenna);
  const environment::ClutterSurface surface{.sea = true, .sea_state = 3.0, .polarization = spec.polarization};
  const double h = antenna_alt_m(spec);
  std::printf("    sea clutter in the target's cell, CNR before / after the %.0f dB MTI (dB):", spec.mti->improvement_db);
  for (const double r_km : {10.0, 20.0, 40.0, 60.0, 80.0}) {
    const double r = r_km * 1e3;
    const double g = el.gain_ratio(-environment::clutter_grazing_rad(h, r));
    const double cnr = Calculation::radar_equation(spec) *
                       environment::clutter_rcs_m2(surface, spec.frequency_hz, h, r, deg_to_rad(spec.beamwidth_az_deg),
                                                   spec.pulse_width_s) /
                       std::pow(r, 4) * g * g;
    std::printf(" %.0f km %.1f / %.1f", r_km, ratio_to_db(cnr), ratio_to_db(cnr) - spec.mti->improvement_db);
  }
  std::printf("\n");
}

// ---------------------------------------------------------------------------------------------
// (2) Burn-through.

constexpr double kFighterRcs_m2 = 5.0, kFighterAlt_m = 8000.0, kFighterSpeed_mps = 250.0, kFighterStart_m = 150e3;
constexpr double kFighterAz_rad = 2.0;
constexpr double kStandOffRange_m = 200e3, kStandOffAlt_m = 8000.0;
constexpr double kFighterStop_m = 3000.0;
constexpr double kBin_m = 250.0;
const environment::NoiseJammer kSelfProtection{.power_w = 100.0, .antenna_gain_db = 3.0, .bandwidth_hz = 500e6};
const environment::NoiseJammer kStandOff{.power_w = 1000.0, .antenna_gain_db = 15.0, .bandwidth_hz = 500e6};

struct JammingCase {
  const char* name;
  bool self_protection;
  double stand_off_offset_deg;  // stand-off jammer's azimuth off the fighter's
  double altitude_m = kFighterAlt_m;
};

environment::RadarLink radar_link(const scenario::Radar& s) {
  return {s.peak_power_w, s.antenna_gain_db, s.frequency_hz, s.pulse_width_s, s.noise_figure_db, s.losses_db,
          s.coherent_integration ? s.pulses_integrated : 1};
}

std::vector<world::Entity> burn_through_truth(const sensors::SurveillanceRadar& radar, const JammingCase& c) {
  const Site& site = sr1();
  std::vector<world::Entity> truth(c.self_protection ? 1 : 2);
  world::Entity& f = truth[0];
  f.id = 1;
  f.state = world::EntityState::kFlying;
  f.rcs_m2 = kFighterRcs_m2;
  if (c.self_protection) f.jammer = kSelfProtection;
  place(f, radar, site.frame, kFighterAz_rad, kFighterStart_m, c.altitude_m, kFighterSpeed_mps);
  if (!c.self_protection) {
    world::Entity& j = truth[1];
    j.id = 2;
    j.state = world::EntityState::kFlying;
    j.rcs_m2 = 10.0;
    j.jammer = kStandOff;
    // 200 km slant range from the antenna at 8,000 m: its ground range on the tangent plane.
    const double ground_m = environment::ground_range_m(antenna_alt_m(site.spec), kStandOffAlt_m, kStandOffRange_m);
    place(j, radar, site.frame, kFighterAz_rad + deg_to_rad(c.stand_off_offset_deg), ground_m, kStandOffAlt_m, 0.0);
  }
  return truth;
}

struct RateBins {
  std::vector<double> looks, hits;  // per kBin_m of slant range
};

RateBins simulate_burn_through(const JammingCase& c, int runs) {
  const Site& site = sr1();
  const scenario::Environment env{.multipath = false, .clutter = false};
  RateBins bins;
  const std::size_t n_bins = static_cast<std::size_t>(kFighterStart_m / kBin_m) + 2;
  bins.looks.assign(n_bins, 0.0);
  bins.hits.assign(n_bins, 0.0);
  for (int run = 0; run < runs; ++run) {
    sensors::SurveillanceRadar radar(1, site.spec, env, site.frame, 5000 + static_cast<std::uint64_t>(run));
    std::vector<world::Entity> truth = burn_through_truth(radar, c);
    const Eigen::Vector3d d0 = truth[0].p_enu_m - radar.position_enu_m();
    const double az = azimuth_rad(d0.x(), d0.y());
    std::uint64_t next_plot = 1;
    for (double t = next_crossing_s(radar, az, 0.0);; t += radar.spec().scan_period_s) {
      const double ground_m = kFighterStart_m - kFighterSpeed_mps * t;
      if (ground_m < kFighterStop_m) break;
      place(truth[0], radar, site.frame, kFighterAz_rad, ground_m, c.altitude_m, kFighterSpeed_mps);
      const sensors::Look look = radar.look(t - kLookHalfWidth_s, t + kLookHalfWidth_s, truth, next_plot);
      const bool hit = std::any_of(look.origins.begin(), look.origins.end(), [](const auto& o) { return o.truth_id == 1; });
      const double slant_m = (truth[0].p_enu_m - radar.position_enu_m()).norm();
      const std::size_t b = std::min(n_bins - 1, static_cast<std::size_t>(slant_m / kBin_m));
      bins.looks[b] += 1.0;
      bins.hits[b] += hit ? 1.0 : 0.0;
    }
  }
  return bins;
}

/// From far to near, where the detection rate first reaches `pd` (linear between bin centres).
double rate_crossing_m(const RateBins& bins, double pd) {
  double prev_rate = -1.0, prev_r = 0.0;
  for (std::size_t b = bins.looks.size(); b-- > 0;) {
    if (bins.looks[b] < 10.0) continue;
    const double rate = bins.hits[b] / bins.looks[b];
    const double r = (static_cast<double>(b) + 0.5) * kBin_m;
    if (rate >= pd) {
      if (prev_rate < 0.0) return r;
      return prev_r + (pd - prev_rate) / (rate - prev_rate) * (r - prev_r);
    }
    prev_rate = rate;
    prev_r = r;
  }
  return 0.0;
}

struct BurnThrough {
  double stepped_m = 0.0;      // calculated SINR stepped in from the start
  double exact_m = 0.0;        // JammingLink closed form with the gains at stepped_m
  double noise_free_m = 0.0;   // the J/S equation (N neglected), same gains
  double target_gain_db = 0.0, jammer_gain_db = 0.0;
};

BurnThrough calculate_burn_through(const JammingCase& c, double pd) {
  const Site& site = sr1();
  const scenario::Radar& spec = site.spec;
  const environment::AntennaPattern antenna(spec.antenna);
  const scenario::Environment env{.multipath = false, .clutter = false};
  sensors::SurveillanceRadar geometry_only(1, spec, env, site.frame, 1);
  std::vector<world::Entity> truth = burn_through_truth(geometry_only, c);
  const double required = sensors::required_snr(spec.swerling_case, 1, sensors::Integration::kNoncoherent, pd,
                                                spec.false_alarm_probability);
  const Eigen::Matrix3d R_sensor = geometry_only.frame().rotation_from(site.frame);
  auto polar = [&](const world::Entity& e, double* az, double* el) {
    const Eigen::Vector3d l = R_sensor * (e.p_enu_m - geometry_only.position_enu_m());
    *az = azimuth_rad(l.x(), l.y());
    *el = std::atan2(l.z(), l.head<2>().norm());
    return l.norm();
  };
  double jam_az = 0.0, jam_el = 0.0, jam_range = 0.0;
  if (!c.self_protection) jam_range = polar(truth[1], &jam_az, &jam_el);
  // Gains at the fighter's place `ground_m`: target (one-way, elevation plane) and jammer.
  auto gains = [&](double ground_m, double* g_t, double* g_j) {
    place(truth[0], geometry_only, site.frame, kFighterAz_rad, ground_m, c.altitude_m, kFighterSpeed_mps);
    double az = 0.0, el = 0.0;
    const double r = polar(truth[0], &az, &el);
    // The antenna sees the fighter along the direct ray over the 4/3 Earth.
    const Eigen::Vector3d l = R_sensor * (truth[0].p_enu_m - geometry_only.position_enu_m());
    el = environment::reflection_geometry(antenna_alt_m(spec), truth[0].geodetic.alt_m, l.head<2>().norm())
             .direct_elevation_rad;
    *g_t = antenna.elevation().gain_ratio(el);
    *g_j = c.self_protection ? antenna.gain_ratio(0.0, el)
                             : antenna.receive_gain_ratio(el, wrap_pi(jam_az - az), jam_el);
    return r;
  };
  const environment::RadarLink radar = radar_link(spec);
  auto link_for = [&](double g_j) {
    environment::NoiseJammer j = c.self_protection ? kSelfProtection : kStandOff;
    if (c.self_protection) j.antenna_gain_db += ratio_to_db(g_j);  // J = K g / R^2: g folded into the ERP
    return environment::JammingLink(radar, j);
  };
  auto sinr = [&](double ground_m, double* slant_m) {
    double g_t = 0.0, g_j = 0.0;
    const double r = gains(ground_m, &g_t, &g_j);
    *slant_m = r;
    const environment::JammingLink link = link_for(g_j);
    const double sigma = kFighterRcs_m2 * g_t * g_t;
    return c.self_protection ? link.self_protection_sjnr(r, sigma)
                             : link.signal_to_jamming_plus_noise(r, sigma, jam_range, g_j);
  };
  BurnThrough out;
  double slant = 0.0;
  for (double ground_m = kFighterStart_m; ground_m > kFighterStop_m; ground_m -= 10.0)
    if (sinr(ground_m, &slant) >= required) {
      out.stepped_m = slant;
      double g_t = 0.0, g_j = 0.0;
      gains(ground_m, &g_t, &g_j);
      const environment::JammingLink link = link_for(g_j);
      const double sigma = kFighterRcs_m2 * g_t * g_t;
      out.target_gain_db = ratio_to_db(g_t);
      out.jammer_gain_db = ratio_to_db(g_j);
      if (c.self_protection) {
        out.exact_m = link.self_protection_burn_through_m(sigma, required);
        out.noise_free_m = link.self_protection_burn_through_noise_free_m(sigma, required);
      } else {
        out.exact_m = link.stand_off_burn_through_m(sigma, required, jam_range, g_j);
        out.noise_free_m = link.stand_off_burn_through_noise_free_m(sigma, required, jam_range, g_j);
      }
      break;
    }
  return out;
}

void burn_through_figure(int runs) {
  std::printf("\n(2) Burn-through: SR-1 Ridge against a 5 m^2 Swerling 1 fighter closing radially from 150 km at "
              "250 m/s, no clutter or multipath, %d runs, detection rate in %.2f km bins of slant range\n",
              runs, kBin_m / 1e3);
  std::printf("%-34s %4s %9s %11s %12s %11s %10s %8s %7s %7s\n", "jamming", "Pd", "req SINR", "simulated",
              "closed form", "J/S eq.", "stepped", "ratio", "g_t dB", "g_j dB");
  const JammingCase cases[] = {{"self-protection, 8,000 m", true, 0.0},
                               {"self-protection, 2,000 m (extra)", true, 0.0, 2000.0},
                               {"stand-off 200 km 5 deg off, 8,000 m", false, 5.0},
                               {"stand-off 200 km 1 deg off (extra)", false, 1.0}};
  for (const auto& c : cases) {
    const RateBins bins = simulate_burn_through(c, runs);
    for (const double pd : {0.5, 0.9}) {
      const BurnThrough calc = calculate_burn_through(c, pd);
      const double sim = rate_crossing_m(bins, pd);
      const double required = sensors::required_snr(1, 1, sensors::Integration::kNoncoherent, pd, 1e-6);
      std::printf("%-34s %4.1f %6.2f dB ", pd == 0.5 ? c.name : "", pd, ratio_to_db(required));
      auto km = [](double m) {
        if (m > 0.0) std::printf(" %8.2f km", m / 1e3);
        else std::printf(" %11s", "none");
      };
      km(sim);
      km(calc.exact_m);
      km(calc.noise_free_m);
      km(calc.stepped_m);
      if (sim > 0.0 && calc.exact_m > 0.0)
        std::printf(" %8.4f %7.2f %7.2f\n", sim / calc.exact_m, calc.target_gain_db, calc.jammer_gain_db);
      else
        std::printf(" %8s\n", "-");
    }
    std::printf("    simulated detection rate at slant range (km):");
    for (double r_km = 5.0; r_km < 150.0; r_km += 5.0) {
      const std::size_t b = static_cast<std::size_t>(r_km * 1e3 / kBin_m);
      if (b < bins.looks.size() && bins.looks[b] > 0) std::printf(" %.0f:%.2f", r_km, bins.hits[b] / bins.looks[b]);
    }
    std::printf("\n");
  }
  std::printf("    (closed form: n S / (J + N) = D, J/S eq.: N neglected, both with the antenna gains g_t (target, "
              "one-way) and g_j (jammer) at the stepped range, where the calculated SINR first reaches D from 150 km "
              "in; ratio = simulated / closed form; none: never reached)\n");
}

// ---------------------------------------------------------------------------------------------
// Costs.

void BM_EchoSeaSkimmer(benchmark::State& state) {
  const Site& site = sr1();
  const scenario::Environment env{.multipath = true, .clutter = true};
  sensors::SurveillanceRadar radar(1, site.spec, env, site.frame, 1);
  std::vector<world::Entity> truth(1);
  truth[0].id = 1;
  truth[0].state = world::EntityState::kFlying;
  truth[0].rcs_m2 = kSkimmerRcs_m2;
  double ground_m = 20e3;
  for (auto _ : state) {
    place(truth[0], radar, site.frame, kSkimmerAz_rad, ground_m, 10.0, kSkimmerSpeed_mps);
    benchmark::DoNotOptimize(radar.echo(truth[0], truth));
    ground_m = ground_m < 110e3 ? ground_m + 37.0 : 20e3;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_LookStandOffJammed(benchmark::State& state) {
  const Site& site = sr1();
  const scenario::Environment env{.multipath = false, .clutter = false};
  sensors::SurveillanceRadar radar(1, site.spec, env, site.frame, 1);
  std::vector<world::Entity> truth = burn_through_truth(radar, {"stand-off", false, 5.0});
  const Eigen::Vector3d d0 = truth[0].p_enu_m - radar.position_enu_m();
  const double az = azimuth_rad(d0.x(), d0.y());
  std::uint64_t next_plot = 1;
  double t = next_crossing_s(radar, az, 0.0);
  for (auto _ : state) {
    benchmark::DoNotOptimize(radar.look(t - kLookHalfWidth_s, t + kLookHalfWidth_s, truth, next_plot));
    t += radar.spec().scan_period_s;
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_EchoSeaSkimmer);
BENCHMARK(BM_LookStandOffJammed);

}  // namespace

int main(int argc, char** argv) {
  bool figures_only = false;
  int skimmer_runs = 1000, burn_through_runs = 20000;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--figures") == 0) figures_only = true;
  }
  skimmer_figure(skimmer_runs);
  burn_through_figure(burn_through_runs);
  if (!figures_only) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
  }
  return 0;
}
