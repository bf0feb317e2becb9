// Bearing-only triangulation of noise jammers from the strobes of several radars.
//
// A strobe is a line of bearing: from a sensor at s_i (east, north; m) at compass bearing theta_i
// (clockwise from north) with sigma sigma_i. For a point p at range r_i = |p - s_i| the bearing
// is theta_i(p) = atan2(p_e - s_e, p_n - s_n); its gradient is n_i / r_i with the unit normal
// n_i = (cos theta_i, -sin theta_i), so a bearing error sigma_i is a cross-range error
// sigma_i r_i and the perpendicular distance of p from line i is e_i = n_i . (p - s_i).
//
// Estimator (Stansfield 1947, "Statistical theory of d.f. fixing", J. IEE 94 IIIA; Blackman and
// Popoli 1999, "Design and Analysis of Modern Tracking Systems", sec. 11.3 on passive location):
// p minimises sum_i e_i^2 / c_i, c_i the cross-range variance of line i, linear in p for fixed
// ranges:
//   A = sum_i n_i n_i^T / c_i,  b = sum_i n_i n_i^T s_i / c_i,  p = A^-1 b,
//   c_i = sigma_i^2 r_i^2 + (v_j (t_fix - t_i))^2,
// solved first with c_i = sigma_i^2 and then kStansfieldIterations times with the ranges of the
// previous solution. The second term of c_i is the jammer's motion between strobe i and the
// fix's time t_fix (the latest strobe's), at most jammer_speed_mps across the line: strobes of
// rotating radars come up to a scan apart. With strobes of one time (or v_j = 0) A^-1 is the
// inverse Fisher information of the bearings at p (the Cramer-Rao bound of the linearised
// problem), and it is the fix's covariance. A line's normalised residual is its perpendicular
// distance over sqrt(c_i), r_i sin(theta_i - theta_i(p)) / sqrt(c_i) (the bearing error over
// sigma_i when v_j = 0); chi2 is the sum of their squares.
//
// Geometry: a crossing is accepted only if every line points at p (p lies ahead of each sensor,
// (p - s_i) . d_i > 0 with d_i = (sin theta_i, cos theta_i)) and some pair of its lines crosses at
// least min_crossing_angle_rad (the angle between two lines of bearing, in [0, pi/2]): at a
// shallow crossing the error along the lines grows as 1 / sin(angle).
//
// Ghosts. J jammers seen by two radars give J^2 crossings, of which J (J - 1) are ghosts: one
// radar's strobe on jammer A crossing the other's on jammer B. A third radar resolves them: each
// crossing of two lines takes in, from every other sensor, its line of smallest normalised
// residual within gate_sigmas, and the fixes are then accepted greedily, most sensors first and
// smallest chi2 per degree of freedom next, each strobe used at most once. A real jammer's three
// lines meet within their sigmas; a ghost's third line rarely passes through it. With two radars
// a single set of strobes cannot tell a ghost from a jammer: each strobe still goes into at most
// one fix (so at most min(strobes per sensor) fixes per pair of sensors, never J^2), and a
// two-line fix whose lines also make another acceptable crossing is flagged `ambiguous`.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <vector>

namespace rampart::tracking {

/// One strobe: a sensor's line of bearing on a noise jammer.
struct LineOfBearing {
  int sensor_id = 0;
  double t_s = 0.0;
  Eigen::Vector2d sensor_en_m = Eigen::Vector2d::Zero();  ///< (east, north) in the scenario frame
  double bearing_rad = 0.0;                               ///< compass, scenario frame axes
  double bearing_sigma_rad = 0.0;
};

struct TriangulationParameters {
  double min_crossing_angle_rad = 0.0872664626;  ///< 5 degrees
  double gate_sigmas = 3.0;  ///< a further line joins a fix when its residual is within this many sigmas
  double jammer_speed_mps = 300.0;  ///< v_j: the jammer's motion between strobes, as a sigma across the line
};

/// A jammer position estimate from two or more lines of bearing.
struct BearingFix {
  Eigen::Vector2d p_en_m = Eigen::Vector2d::Zero();
  Eigen::Matrix2d cov_m2 = Eigen::Matrix2d::Zero();
  std::vector<int> lines;  ///< indexes into the strobes given, one per sensor
  double chi2 = 0.0;       ///< sum of the squared normalised bearing residuals
  double t_s = 0.0;        ///< the latest strobe's time
  bool ambiguous = false;  ///< two lines that also make another acceptable crossing: may be a ghost
};

/// Stansfield's fix from the lines `lines` of `strobes` (two or more, of different sensors);
/// nullopt when some line points away from it or no pair crosses at min_crossing_angle_rad.
std::optional<BearingFix> stansfield_fix(const std::vector<LineOfBearing>& strobes, const std::vector<int>& lines,
                                         const TriangulationParameters& parameters);

/// Every jammer fix the strobes support, each strobe in at most one (see Ghosts above), in the
/// order accepted.
std::vector<BearingFix> triangulate(const std::vector<LineOfBearing>& strobes, const TriangulationParameters& parameters);

}  // namespace rampart::tracking
