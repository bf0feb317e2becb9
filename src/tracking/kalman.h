// Linear Kalman filter for the constant-velocity (white-acceleration) model in 3-D, measured in
// position. State x = [p_enu_m (3), v_enu_mps (3)], covariance P.
//
// Prediction over dt_s: x' = F x, P' = F P F' + Q with
//   F = [I  dt*I; 0  I],   Q = q [dt^3/3 I  dt^2/2 I; dt^2/2 I  dt I],
// q the acceleration spectral density (m^2/s^3).
// Update with a position plot z (covariance R): H = [I 0] restricted to the measured axes
// (east, north and, for a plot with elevation, up); nu = z - H x, S = H P H' + R,
// K = P H' S^-1, x+ = x + K nu, P+ = (I - K H) P (I - K H)' + K R K' (Joseph form, keeps P
// symmetric positive definite).
#pragma once

#include "tracking/types.h"

namespace rampart::tracking {

struct CvState {
  Vector6d x = Vector6d::Zero();
  Matrix6d P = Matrix6d::Identity();
};

Matrix6d cv_transition(double dt_s);
Matrix6d cv_process_noise(double dt_s, double q_m2ps3);
CvState predict_cv(const CvState& state, double dt_s, double q_m2ps3);

/// A position measurement in the scenario frame; with has_up false only east and north count.
struct PositionMeasurement {
  Eigen::Vector3d z_m = Eigen::Vector3d::Zero();
  Eigen::Matrix3d R_m2 = Eigen::Matrix3d::Identity();
  bool has_up = true;

  int dimension() const { return has_up ? 3 : 2; }
};

/// A plot as a measurement of the position of a track predicted at `predicted`.
/// A plot with elevation measures east, north and up: (p_enu_m, p_cov_m2) as it is.
/// A 2-D plot (slant range r and azimuth, no elevation) measures east and north only, and is
/// placed at the track's own height rather than at zero elevation: with s the sensor, u its
/// local vertical and dh = (x_p - s).u the predicted height of the track above it,
///   el = asin(dh / r),   z = s + cos(el) (p0 - s) + r sin(el) u,
/// p0 the plot at zero elevation, so its distance from the sensor across the ground is
/// sqrt(r^2 - dh^2) instead of r: 0.68 km less for a target 9 km above the radar at 60 km, far
/// outside the gate of a 3-D track of it. Along the plot's horizontal direction h its variance
/// becomes sigma_r^2 / cos^2(el) + tan^2(el) sigma_dh^2 (the range error stretched by the slope,
/// and the track's height variance sigma_dh^2 = u' P_pp u carried through dz/ddh = -tan(el) h);
/// across h the variance is kept (it shrinks by cos^2(el): kept, conservative); the correlation
/// of that height with the track is neglected (first order, as a converted
/// measurement). A track without a measured height keeps the height of the 2-D plot that started
/// it, so dh is about zero and the plot stays where it is. |dh| is capped at 0.95 r (such a
/// pair fails the gate anyway). Plots without a slant range (range_m 0: position-only files)
/// are used as they are.
PositionMeasurement measurement_of(const Plot& plot, const CvState& predicted);

/// How much nearer the sensor across the ground a 2-D plot at slant range_m is placed for a
/// track dh_m above the sensor (the height correction of measurement_of): r - sqrt(r^2 - dh^2).
double ground_range_shortening_m(double range_m, double dh_m);

/// The innovation nu = z - H x, S = H P H' + R, seen through d2 = nu' S^-1 nu and log det S.
struct InnovationStats {
  double d2 = 0.0;
  double log_det_S = 0.0;
  int dimension = 3;
  /// log N(nu; 0, S) = -(d2 + log det S + m log 2 pi) / 2.
  double log_likelihood() const;
};
InnovationStats innovation_stats(const CvState& predicted, const PositionMeasurement& z);

/// The Kalman update of `predicted` with `z` (Joseph form).
CvState update_position(const CvState& predicted, const PositionMeasurement& z);

/// Out-of-sequence plots. A plot taken lag_s > 0 before the state's time measures
/// p(t - lag) = [I  -lag I] x(t) - (process noise over the lag); retrodiction gives the Gaussian
/// of x(t - lag): F(-lag) x, F(-lag) P F(-lag)' + Q(lag), used to gate the plot. The update
/// keeps the state at its own time: it treats the plot as a measurement of x(t) through
/// H F(-lag) with its noise widened by the process noise, R + H Q(lag) H' (the correlation
/// between that noise and the current estimate is neglected, as in Bar-Shalom's one-lag
/// approximations), i.e. it updates F(-lag) x in place and moves the result back by F(lag).
CvState retrodict_cv(const CvState& state, double lag_s, double q_m2ps3);
CvState update_position_lagged(const CvState& state, const PositionMeasurement& z, double lag_s,
                               double q_m2ps3);

}  // namespace rampart::tracking
