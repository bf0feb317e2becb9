// Propagation over a smooth spherical Earth: the pattern-propagation factor F (one-way, voltage,
// relative to free space; a radar's SNR is multiplied by F^4).
//
// Earth: refraction by a standard atmosphere is taken into account by straight rays over an Earth
// of effective radius a_e = k Re, k = 4/3.
//
// Interference region (Kerr, Propagation of Short Radio Waves, 1951, ch. 2; Blake, Radar
// Range-Performance Analysis, 1986, ch. 6): the direct ray and one ray reflected specularly from
// the surface add,
//   F = | f(theta_d) + rho D f(theta_r) exp(-j 2 pi delta / lambda) |,
// f the antenna's voltage pattern normalised to its peak, theta_d and theta_r the elevations of
// the direct and the reflected ray at the radar, delta the path difference, D the divergence
// factor, rho the reflection coefficient.
//  - Reflection point: with h1 the radar's height, h2 the target's, d the ground range, the ground
//    distance d1 from the radar to the reflection point solves Kerr's cubic
//      2 d1^3 - 3 d d1^2 + (d^2 - 2 a_e (h1 + h2)) d1 + 2 a_e h1 d = 0,
//    whose root is d1 = d/2 + p cos((Phi + pi)/3), p = (2/sqrt 3) sqrt(a_e (h1 + h2) + d^2/4),
//    Phi = arccos(2 a_e (h1 - h2) d / p^3) (the trigonometric solution of the cubic, as in Blake).
//    From it the geometry is exact on the sphere: with phi_i = d_i / a_e,
//      R1^2 = h1^2 + 4 a_e (a_e + h1) sin^2(phi_1/2)  (radar to reflection point, R2 likewise),
//      Rd^2 = (h1 - h2)^2 + 4 (a_e + h1)(a_e + h2) sin^2(phi/2)  (direct path),
//      sin psi = (h1 - 2 (a_e + h1) sin^2(phi_1/2)) / R1  (grazing angle),
//      delta = R1 + R2 - Rd,
//      sin theta_d = (h2 - h1 - 2 (a_e + h2) sin^2(phi/2)) / Rd,
//      sin theta_r = -(h1 + 2 a_e sin^2(phi_1/2)) / R1.
//    Flat-earth limit: d1 = d h1 / (h1 + h2), delta = 2 h1 h2 / d.
//  - Divergence factor (Kerr 1951): D = (1 + 2 d1 d2 / (a_e d sin psi))^(-1/2).
//  - rho = Gamma(psi) rho_s: Gamma the Fresnel coefficient of a smooth plane with complex relative
//    permittivity eps = eps_r - j 60 lambda sigma,
//      Gamma_H = (sin psi - sqrt(eps - cos^2 psi)) / (sin psi + sqrt(eps - cos^2 psi)),
//      Gamma_V = (eps sin psi - sqrt(eps - cos^2 psi)) / (eps sin psi + sqrt(eps - cos^2 psi)),
//    both -> -1 at grazing incidence; rho_s the specular scattering factor of a Gaussian surface of
//    rms height sigma_h, with the Rayleigh roughness g = 4 pi sigma_h sin psi / lambda:
//      Ament (1953):          rho_s = exp(-g^2 / 2),
//      Miller-Brown (1984):   rho_s = exp(-g^2 / 2) I0(g^2 / 2)   (the default; I0 from
//                             Abramowitz and Stegun 9.8.1-9.8.2).
// Diffraction region (beyond the horizon d_h = sqrt(2 a_e h1) + sqrt(2 a_e h2), to first order):
//   the first mode of the residue series for a smooth sphere (Domb and Pryce; Kerr 1951 ch. 2; the
//   single mode Blake 1986 ch. 6 uses), in the form of ITU-R P.526 sec. 3.1.1:
//     20 log F = F(X) + G(Y1) + G(Y2),
//     X = beta (pi / (lambda a_e^2))^(1/3) d,    Y = 2 beta (pi^2 / (lambda^2 a_e))^(1/3) h,
//     F(X) = 11 + 10 log X - 17.6 X      (= 20 log(2 sqrt(pi X) e^(-2.02 X)), Blake's V(X)),
//     G(Y) = 17.6 (Y - 1.1)^0.5 - 5 log(Y - 1.1) - 8                 for Y > 2,
//            20 log(Y + 0.1 Y^3)                                    for 10 K < Y <= 2,
//            2 + 20 log K + 9 log(Y/K) (log(Y/K) + 1)               for K/10 < Y <= 10 K,
//            2 + 20 log K                                           for Y <= K/10,
//     K the normalised surface admittance (f in MHz, a_e in km, sigma in S/m):
//       K_H = 0.36 (a_e f)^(-1/3) ((eps_r - 1)^2 + (18000 sigma / f)^2)^(-1/4),
//       K_V = K_H (eps_r^2 + (18000 sigma / f)^2)^(1/2),
//     beta = (1 + 1.6 K^2 + 0.67 K^4) / (1 + 4.5 K^2 + 1.53 K^4)   (1 above ~20 MHz over land).
// Intermediate region: as Blake does, F in dB is interpolated linearly in range between the last
//   range where the two-ray formula holds and the horizon, where the diffraction formula holds.
//   We end the interference region where delta = lambda / 6 (where a smooth sea, rho = -1, gives
//   F = 1; below it the specular two-ray model over-predicts the field near grazing).
//   The antenna gains the caller gives are used for both anchors (near the horizon the direct
//   and reflected rays' elevations differ by a small fraction of a beamwidth).
// Free space (multipath off): F = f(theta_d) inside the horizon, 0 beyond it.
//
// Sea water's permittivity: a single Debye relaxation with ionic conductivity,
//   eps(f) = eps_inf + (eps_s - eps_inf) / (1 + j 2 pi f tau) - j sigma_i / (2 pi f eps_0),
// with eps_s = 70.4, eps_inf = 4.9, tau = 9.2 ps, sigma_i = 4.8 S/m (sea water at about 20 C and
// 35 psu, after Klein and Swift, IEEE Trans. AP-25, 1977); it gives eps_r = 68.5 and an equivalent
// conductivity of 6.6 S/m at 3 GHz.
// Sea state to rms wave height: the WMO sea-state code's significant wave height H_1/3, the
// middle of each state's band (0, 0.05, 0.3, 0.875, 1.875, 3.25, 5, 7.5 m for states 0-7), and
// sigma_h = H_1/3 / 4 (a Gaussian sea).
#pragma once

#include <complex>

namespace rampart::environment {

enum class Polarization { kHorizontal, kVertical };
enum class Roughness { kAment, kMillerBrown };

/// The reflecting surface: its electrical constants at the radar's frequency and its roughness.
struct Surface {
  double relative_permittivity = 68.5;  ///< eps_r (sea water at 3 GHz)
  double conductivity_S_per_m = 6.6;    ///< sigma (sea water at 3 GHz, relaxation included)
  double rms_height_m = 0.0;            ///< sigma_h of the surface's height
};

/// Sea water's (eps_r, equivalent conductivity) at `frequency_hz` (the Debye model above).
Surface sea_water(double frequency_hz);
/// RMS wave height of a WMO sea state 0..7 (fractional states interpolate).
double sea_state_rms_height_m(double sea_state);
/// A sea of the given state at `frequency_hz`.
Surface sea_surface(double sea_state, double frequency_hz);
/// Land of the given constants (e.g. average ground: eps_r 15, 0.005 S/m).
Surface land_surface(double relative_permittivity, double conductivity_S_per_m, double rms_height_m);

/// eps_r - j 60 lambda sigma.
std::complex<double> complex_permittivity(const Surface& surface, double wavelength_m);
/// Fresnel reflection coefficient of a smooth plane at `grazing_rad` (0 .. pi/2).
std::complex<double> fresnel_reflection(double grazing_rad, std::complex<double> permittivity,
                                        Polarization polarization);
/// Specular scattering factor rho_s of a rough surface (1 for a smooth one).
double roughness_factor(double rms_height_m, double grazing_rad, double wavelength_m,
                        Roughness model = Roughness::kMillerBrown);
/// e^-x I0(x), x >= 0 (Abramowitz and Stegun 9.8.1-9.8.2, relative error < 1e-6).
double scaled_bessel_i0(double x);

/// Ground range (along the surface) to the horizon between heights h1 and h2 on an Earth of
/// radius k Re: a_e (arccos(a_e/(a_e+h1)) + arccos(a_e/(a_e+h2))).
double horizon_ground_range_m(double radar_height_m, double target_height_m, double k_factor = 4.0 / 3.0);
/// Ground range of a target at `slant_range_m` (straight line) and height h2 from a radar at h1.
double ground_range_m(double radar_height_m, double target_height_m, double slant_range_m,
                      double k_factor = 4.0 / 3.0);

/// The two-ray geometry over a sphere (all angles at the radar are elevations above its local
/// horizontal; the reflected ray's is negative).
struct ReflectionGeometry {
  bool line_of_sight = false;             ///< false beyond the horizon: only ranges below are set
  double ground_range_m = 0.0;            ///< d
  double reflection_ground_range_m = 0.0; ///< d1, radar to reflection point
  double grazing_rad = 0.0;               ///< psi
  double direct_range_m = 0.0;            ///< Rd
  double reflected_range_m = 0.0;         ///< R1 + R2
  double path_difference_m = 0.0;         ///< delta = R1 + R2 - Rd
  double direct_elevation_rad = 0.0;      ///< theta_d
  double reflected_elevation_rad = 0.0;   ///< theta_r
  double divergence = 1.0;                ///< D
};

/// The geometry above for heights h1 (radar), h2 (target) above the surface and ground range d.
ReflectionGeometry reflection_geometry(double radar_height_m, double target_height_m, double ground_range_m,
                                       double k_factor = 4.0 / 3.0);

/// Which formula gives F.
enum class Region { kInterference, kIntermediate, kDiffraction };

/// One radar's propagation model: frequency, antenna height, surface and polarization fixed; F
/// for any target height and range. Thread-safe (const).
class Propagation {
 public:
  struct Options {
    double frequency_hz = 3.0e9;
    double radar_height_m = 15.0;
    Surface surface{};
    Polarization polarization = Polarization::kHorizontal;
    Roughness roughness = Roughness::kMillerBrown;
    bool multipath = true;  ///< false: free space inside the horizon
    double k_factor = 4.0 / 3.0;
  };

  /// Where a target is: the geometry (its two elevations are where the caller looks up the
  /// antenna pattern) and the region.
  struct Path {
    ReflectionGeometry geometry;
    double target_height_m = 0.0;
    Region region = Region::kInterference;
    double horizon_ground_range_m = 0.0;
  };

  explicit Propagation(const Options& options);

  /// Step 1: the path to a target at `target_height_m` above the surface and `ground_range_m`.
  Path path(double target_height_m, double ground_range_m) const;
  /// Step 2: F (voltage, one-way) given the antenna's normalised voltage pattern toward the
  /// direct ray, f(theta_d), and toward the reflected ray, f(theta_r).
  double factor(const Path& path, double gain_direct, double gain_reflected) const;
  /// Both steps with a callable `pattern(elevation_rad) -> voltage gain`.
  template <class Pattern>
  double factor(double target_height_m, double ground_range_m, Pattern&& pattern) const {
    const Path p = path(target_height_m, ground_range_m);
    const double gain_direct = pattern(p.geometry.direct_elevation_rad);
    if (!p.geometry.line_of_sight || !options_.multipath) return factor(p, gain_direct, 0.0);
    const double gain_reflected = pattern(p.geometry.reflected_elevation_rad);
    return factor(p, gain_direct, gain_reflected);
  }
  /// Both steps for an antenna with a flat elevation pattern (f = 1 toward both rays).
  double factor(double target_height_m, double ground_range_m) const {
    return factor(path(target_height_m, ground_range_m), 1.0, 1.0);
  }

  /// rho = Fresnel coefficient times the roughness factor at `grazing_rad`.
  std::complex<double> reflection_coefficient(double grazing_rad) const;
  /// F of the two-ray sum alone (any region where the geometry has a reflection point).
  double interference_factor(const ReflectionGeometry& geometry, double gain_direct, double gain_reflected) const;
  /// 20 log F of the single-mode diffraction formula (isotropic antenna).
  double diffraction_factor_db(double target_height_m, double ground_range_m) const;
  /// Ground range where the path difference falls to lambda/6 for a target at `target_height_m`
  /// (the end of the interference region), solved on the grazing angle (Illinois regula falsi).
  double interference_limit_ground_range_m(double target_height_m) const;

  const Options& options() const { return options_; }
  double wavelength_m() const { return wavelength_m_; }

 private:
  double height_gain_db(double normalised_height) const;

  Options options_;
  double wavelength_m_;
  double effective_radius_m_;
  std::complex<double> permittivity_;
  double beta_;               ///< ITU-R P.526 beta
  double admittance_;         ///< K
  double x_per_m_;            ///< X per metre of ground range
  double y_per_m_;            ///< Y per metre of height
  double radar_height_gain_db_;
};

}  // namespace rampart::environment
