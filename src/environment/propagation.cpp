#include "environment/propagation.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/error.h"
#include "core/units.h"

namespace rampart::environment {
namespace {

constexpr double kVacuumPermittivity_Fpm = 8.8541878128e-12;

// Sea water (about 20 C, 35 psu): a single Debye relaxation plus ionic conductivity.
constexpr double kSeaStaticPermittivity = 70.4;
constexpr double kSeaOpticalPermittivity = 4.9;
constexpr double kSeaRelaxationTime_s = 9.2e-12;
constexpr double kSeaIonicConductivity_Spm = 4.8;

// Middle of the WMO sea-state code's significant-wave-height bands, states 0..7.
constexpr std::array<double, 8> kSignificantWaveHeight_m = {0.0, 0.05, 0.3, 0.875, 1.875, 3.25, 5.0, 7.5};

// sin(x) for the small half-angles of the geometry (|x| < 0.05 rad over the Earth's curvature):
// the Taylor series to x^7 is exact to double precision there; std::sin elsewhere.
double small_sin(double x) {
  if (std::abs(x) > 0.05) return std::sin(x);
  const double x2 = x * x;
  return x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0)));
}

// asin and atan likewise for the small arguments of grazing rays (|x| < 0.05: the series to x^11
// is exact to double precision).
double small_asin(double x) {
  if (std::abs(x) > 0.05) return std::asin(x);
  const double x2 = x * x;
  return x * (1.0 + x2 * (1.0 / 6.0 +
                          x2 * (3.0 / 40.0 + x2 * (5.0 / 112.0 + x2 * (35.0 / 1152.0 + x2 * (63.0 / 2816.0))))));
}
double small_atan(double x) {
  if (std::abs(x) > 0.05) return std::atan(x);
  const double x2 = x * x;
  return x * (1.0 - x2 * (1.0 / 3.0 - x2 * (1.0 / 5.0 - x2 * (1.0 / 7.0 - x2 * (1.0 / 9.0 - x2 / 11.0)))));
}

}  // namespace

Surface sea_water(double frequency_hz) {
  RAMPART_DEMAND(frequency_hz > 0.0, "a positive frequency");
  const double omega = kTwoPi * frequency_hz;
  const double wt = omega * kSeaRelaxationTime_s;
  const double relaxation = (kSeaStaticPermittivity - kSeaOpticalPermittivity) / (1.0 + wt * wt);
  const double loss = relaxation * wt + kSeaIonicConductivity_Spm / (omega * kVacuumPermittivity_Fpm);
  Surface s;
  s.relative_permittivity = kSeaOpticalPermittivity + relaxation;
  s.conductivity_S_per_m = loss * omega * kVacuumPermittivity_Fpm;
  s.rms_height_m = 0.0;
  return s;
}

double sea_state_rms_height_m(double sea_state) {
  RAMPART_DEMAND(sea_state >= 0.0 && sea_state <= 7.0, "a sea state 0..7");
  const int i = std::min(static_cast<int>(sea_state), 6);
  const double t = sea_state - i;
  return ((1.0 - t) * kSignificantWaveHeight_m[i] + t * kSignificantWaveHeight_m[i + 1]) / 4.0;
}

Surface sea_surface(double sea_state, double frequency_hz) {
  Surface s = sea_water(frequency_hz);
  s.rms_height_m = sea_state_rms_height_m(sea_state);
  return s;
}

Surface land_surface(double relative_permittivity, double conductivity_S_per_m, double rms_height_m) {
  RAMPART_DEMAND(relative_permittivity >= 1.0 && conductivity_S_per_m >= 0.0 && rms_height_m >= 0.0,
                 "eps_r >= 1, sigma >= 0 and sigma_h >= 0");
  return Surface{relative_permittivity, conductivity_S_per_m, rms_height_m};
}

std::complex<double> complex_permittivity(const Surface& surface, double wavelength_m) {
  // sigma / (omega eps_0) = sigma lambda / (2 pi c eps_0) = 59.96 lambda sigma.
  const double per_lambda_sigma = 1.0 / (kTwoPi * kSpeedOfLight_mps * kVacuumPermittivity_Fpm);
  return {surface.relative_permittivity, -per_lambda_sigma * wavelength_m * surface.conductivity_S_per_m};
}

std::complex<double> fresnel_reflection(double grazing_rad, std::complex<double> permittivity,
                                        Polarization polarization) {
  const double s = std::sin(grazing_rad);
  const double c = std::cos(grazing_rad);
  const std::complex<double> root = std::sqrt(permittivity - c * c);
  // (n - r) / (n + r) with n = sin psi (H) or eps sin psi (V), in real arithmetic.
  const double n_re = polarization == Polarization::kHorizontal ? s : permittivity.real() * s;
  const double n_im = polarization == Polarization::kHorizontal ? 0.0 : permittivity.imag() * s;
  const double a_re = n_re - root.real(), a_im = n_im - root.imag();
  const double b_re = n_re + root.real(), b_im = n_im + root.imag();
  const double inv = 1.0 / (b_re * b_re + b_im * b_im);
  return {(a_re * b_re + a_im * b_im) * inv, (a_im * b_re - a_re * b_im) * inv};
}

double scaled_bessel_i0(double x) {
  if (x < 3.75) {
    const double t = (x / 3.75) * (x / 3.75);
    const double i0 =
        1.0 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))));
    return i0 * std::exp(-x);
  }
  const double u = 3.75 / x;
  const double p = 0.39894228 +
                   u * (0.01328592 +
                        u * (0.00225319 +
                             u * (-0.00157565 +
                                  u * (0.00916281 +
                                       u * (-0.02057706 + u * (0.02635537 + u * (-0.01647633 + u * 0.00392377)))))));
  return p / std::sqrt(x);
}

double roughness_factor(double rms_height_m, double grazing_rad, double wavelength_m, Roughness model) {
  const double g = 2.0 * kTwoPi * rms_height_m * std::sin(grazing_rad) / wavelength_m;
  const double half_g2 = 0.5 * g * g;
  if (model == Roughness::kAment) return std::exp(-half_g2);
  return scaled_bessel_i0(half_g2);
}

double horizon_ground_range_m(double radar_height_m, double target_height_m, double k_factor) {
  const double a = k_factor * kEarthRadius_m;
  const auto arc = [a](double h) {
    h = std::max(h, 0.0);
    return a * small_atan(std::sqrt(h * (2.0 * a + h)) / a);
  };
  return arc(radar_height_m) + arc(target_height_m);
}

double ground_range_m(double radar_height_m, double target_height_m, double slant_range_m, double k_factor) {
  const double a = k_factor * kEarthRadius_m;
  const double r1 = a + radar_height_m, r2 = a + target_height_m;
  const double dh = radar_height_m - target_height_m;
  const double s2 = std::max(0.0, (slant_range_m * slant_range_m - dh * dh) / (4.0 * r1 * r2));
  return 2.0 * a * std::asin(std::min(1.0, std::sqrt(s2)));
}

namespace {

// The geometry with the horizon's ground range already known.
ReflectionGeometry geometry_within(double radar_height_m, double target_height_m, double ground_range_m, double a,
                                   double horizon_m) {
  const double h1 = std::max(radar_height_m, 0.0), h2 = std::max(target_height_m, 0.0);
  const double d = std::max(ground_range_m, 0.0);
  ReflectionGeometry g;
  g.ground_range_m = d;
  // The direct path.
  const double s = small_sin(0.5 * d / a);
  const double r1 = a + h1, r2 = a + h2;
  g.direct_range_m = std::sqrt((h1 - h2) * (h1 - h2) + 4.0 * r1 * r2 * s * s);
  g.direct_elevation_rad = g.direct_range_m > 0.0 ? small_asin((h2 - h1 - 2.0 * r2 * s * s) / g.direct_range_m) : 0.0;
  if (d <= 0.0 || h1 + h2 <= 0.0 || d >= horizon_m) return g;

  // Kerr's cubic for the reflection point.
  const double p = (2.0 / std::sqrt(3.0)) * std::sqrt(a * (h1 + h2) + 0.25 * d * d);
  const double cos_phi = std::clamp(2.0 * a * (h1 - h2) * d / (p * p * p), -1.0, 1.0);
  const double d1 = std::clamp(0.5 * d + p * std::cos((std::acos(cos_phi) + kPi) / 3.0), 0.0, d);
  const double d2 = d - d1;
  const double s1 = small_sin(0.5 * d1 / a), s2 = small_sin(0.5 * d2 / a);
  const double range1 = std::sqrt(h1 * h1 + 4.0 * a * r1 * s1 * s1);
  const double range2 = std::sqrt(h2 * h2 + 4.0 * a * r2 * s2 * s2);
  if (range1 <= 0.0 || range2 <= 0.0) return g;
  const double sin_grazing = (h1 - 2.0 * r1 * s1 * s1) / range1;
  if (sin_grazing <= 0.0) return g;

  g.line_of_sight = true;
  g.reflection_ground_range_m = d1;
  g.grazing_rad = small_asin(sin_grazing);
  g.reflected_range_m = range1 + range2;
  g.path_difference_m = g.reflected_range_m - g.direct_range_m;
  g.reflected_elevation_rad = -small_asin(std::min(1.0, (h1 + 2.0 * a * s1 * s1) / range1));
  g.divergence = 1.0 / std::sqrt(1.0 + 2.0 * d1 * d2 / (a * d * sin_grazing));
  return g;
}

}  // namespace

ReflectionGeometry reflection_geometry(double radar_height_m, double target_height_m, double ground_range_m,
                                       double k_factor) {
  return geometry_within(radar_height_m, target_height_m, ground_range_m, k_factor * kEarthRadius_m,
                         horizon_ground_range_m(radar_height_m, target_height_m, k_factor));
}

Propagation::Propagation(const Options& options) : options_(options) {
  RAMPART_DEMAND(options.frequency_hz > 0.0 && options.radar_height_m >= 0.0 && options.k_factor > 0.0,
                 "a positive frequency and k factor and a radar height >= 0");
  wavelength_m_ = kSpeedOfLight_mps / options.frequency_hz;
  effective_radius_m_ = options.k_factor * kEarthRadius_m;
  permittivity_ = complex_permittivity(options.surface, wavelength_m_);
  // ITU-R P.526: f in MHz, a_e in km.
  const double f_mhz = options.frequency_hz * 1e-6;
  const double a_km = effective_radius_m_ * 1e-3;
  const double eps = options.surface.relative_permittivity;
  const double conduction = 18000.0 * options.surface.conductivity_S_per_m / f_mhz;
  const double k_h =
      0.36 * std::cbrt(1.0 / (a_km * f_mhz)) * std::pow((eps - 1.0) * (eps - 1.0) + conduction * conduction, -0.25);
  admittance_ = options.polarization == Polarization::kHorizontal
                    ? k_h
                    : k_h * std::sqrt(eps * eps + conduction * conduction);
  const double k2 = admittance_ * admittance_;
  beta_ = (1.0 + 1.6 * k2 + 0.67 * k2 * k2) / (1.0 + 4.5 * k2 + 1.53 * k2 * k2);
  x_per_m_ = beta_ * std::cbrt(kPi / (wavelength_m_ * effective_radius_m_ * effective_radius_m_));
  y_per_m_ = 2.0 * beta_ * std::cbrt(kPi * kPi / (wavelength_m_ * wavelength_m_ * effective_radius_m_));
  radar_height_gain_db_ = height_gain_db(y_per_m_ * options.radar_height_m);
}

double Propagation::height_gain_db(double y) const {
  const double k = admittance_;
  if (y > 2.0) return 17.6 * std::sqrt(y - 1.1) - 5.0 * std::log10(y - 1.1) - 8.0;
  if (y > 10.0 * k) return 20.0 * std::log10(y + 0.1 * y * y * y);
  if (y > 0.1 * k) {
    const double l = std::log10(y / k);
    return 2.0 + 20.0 * std::log10(k) + 9.0 * l * (l + 1.0);
  }
  return 2.0 + 20.0 * std::log10(k);
}

double Propagation::diffraction_factor_db(double target_height_m, double ground_range_m) const {
  const double x = x_per_m_ * std::max(ground_range_m, 1.0);
  return 11.0 + 10.0 * std::log10(x) - 17.6 * x + radar_height_gain_db_ +
         height_gain_db(y_per_m_ * std::max(target_height_m, 0.0));
}

std::complex<double> Propagation::reflection_coefficient(double grazing_rad) const {
  return fresnel_reflection(grazing_rad, permittivity_, options_.polarization) *
         roughness_factor(options_.surface.rms_height_m, grazing_rad, wavelength_m_, options_.roughness);
}

double Propagation::interference_factor(const ReflectionGeometry& geometry, double gain_direct,
                                        double gain_reflected) const {
  // gain_direct + rho D gain_reflected e^(-j phase), in real arithmetic (std::complex's operators
  // carry the checks of C's Annex G, which cost more than the sum).
  const double phase = kTwoPi * geometry.path_difference_m / wavelength_m_;
  const std::complex<double> rho = reflection_coefficient(geometry.grazing_rad);
  const double scale = geometry.divergence * gain_reflected;
  const double c = std::cos(phase), s = std::sin(phase);
  const double re = gain_direct + scale * (rho.real() * c + rho.imag() * s);
  const double im = scale * (rho.imag() * c - rho.real() * s);
  return std::sqrt(re * re + im * im);
}

double Propagation::interference_limit_ground_range_m(double target_height_m) const {
  // Small-angle two-ray geometry parametrised by the grazing angle: a ray leaving the surface at
  // psi reaches height h after d(psi) = a_e (sqrt(psi^2 + 2 h / a_e) - psi), and
  // delta = 2 h1' h2' / d with h' = d_i psi the heights above the reflection point's tangent plane.
  const double a = effective_radius_m_;
  const double h1 = options_.radar_height_m, h2 = std::max(target_height_m, 0.0);
  const double target_delta = wavelength_m_ / 6.0;
  const auto distances = [a, h1, h2](double psi, double& d1, double& d2) {
    d1 = a * (std::sqrt(psi * psi + 2.0 * h1 / a) - psi);
    d2 = a * (std::sqrt(psi * psi + 2.0 * h2 / a) - psi);
  };
  const auto delta = [&](double psi) {
    double d1, d2;
    distances(psi, d1, d2);
    return d1 + d2 > 0.0 ? 2.0 * d1 * d2 * psi * psi / (d1 + d2) : 0.0;
  };
  // sqrt(delta) is nearly linear in psi (delta ~ psi^2 at small angles): the Illinois variant of
  // regula falsi on sqrt(delta) - sqrt(lambda / 6) converges in a handful of steps.
  const double root_target = std::sqrt(target_delta);
  const auto g = [&](double psi) { return std::sqrt(delta(psi)) - root_target; };
  double lo = 0.0, hi = 1e-3, g_lo = -root_target, g_hi = g(hi);
  while (g_hi < 0.0) {
    lo = hi, g_lo = g_hi;
    hi *= 2.0;
    if (hi > 1.0) return 0.0;  // too low for any interference region
    g_hi = g(hi);
  }
  double psi = hi;
  int side = 0;
  for (int i = 0; i < 100 && hi - lo > 1e-10 * hi; ++i) {
    psi = (lo * g_hi - hi * g_lo) / (g_hi - g_lo);
    const double g_psi = g(psi);
    if (std::abs(g_psi) < 1e-9 * root_target) break;
    if (g_psi < 0.0) {
      lo = psi, g_lo = g_psi;
      if (side == -1) g_hi *= 0.5;
      side = -1;
    } else {
      hi = psi, g_hi = g_psi;
      if (side == 1) g_lo *= 0.5;
      side = 1;
    }
  }
  double d1, d2;
  distances(psi, d1, d2);
  return d1 + d2;
}

Propagation::Path Propagation::path(double target_height_m, double ground_range_m) const {
  Path p;
  p.target_height_m = target_height_m;
  p.horizon_ground_range_m = horizon_ground_range_m(options_.radar_height_m, target_height_m, options_.k_factor);
  p.geometry = geometry_within(options_.radar_height_m, target_height_m, ground_range_m, effective_radius_m_,
                               p.horizon_ground_range_m);
  if (!p.geometry.line_of_sight)
    p.region = Region::kDiffraction;
  else if (p.geometry.path_difference_m >= wavelength_m_ / 6.0)
    p.region = Region::kInterference;
  else
    p.region = Region::kIntermediate;
  return p;
}

double Propagation::factor(const Path& path, double gain_direct, double gain_reflected) const {
  const ReflectionGeometry& g = path.geometry;
  if (!options_.multipath) return g.ground_range_m < path.horizon_ground_range_m ? gain_direct : 0.0;
  switch (path.region) {
    case Region::kInterference:
      return interference_factor(g, gain_direct, gain_reflected);
    case Region::kDiffraction:
      return gain_direct * std::pow(10.0, diffraction_factor_db(path.target_height_m, g.ground_range_m) / 20.0);
    case Region::kIntermediate:
      break;
  }
  const double h2 = path.target_height_m;
  const double d_limit = interference_limit_ground_range_m(h2);
  const double d_horizon = path.horizon_ground_range_m;
  const ReflectionGeometry at_limit =
      reflection_geometry(options_.radar_height_m, h2, std::min(d_limit, g.ground_range_m), options_.k_factor);
  const double f_limit_db =
      20.0 * std::log10(std::max(interference_factor(at_limit, gain_direct, gain_reflected), 1e-12));
  const double f_horizon_db = diffraction_factor_db(h2, d_horizon) + 20.0 * std::log10(std::max(gain_direct, 1e-12));
  const double span = d_horizon - at_limit.ground_range_m;
  const double t = span > 0.0 ? std::clamp((g.ground_range_m - at_limit.ground_range_m) / span, 0.0, 1.0) : 1.0;
  return std::pow(10.0, (f_limit_db + t * (f_horizon_db - f_limit_db)) / 20.0);
}

}  // namespace rampart::environment
