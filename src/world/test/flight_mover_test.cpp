// The flight, ground and ballistic movers against hand-worked values.
#include <gtest/gtest.h>

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>

#include "core/units.h"
#include "world/ballistic_mover.h"
#include "world/flight_mover.h"
#include "world/ground_mover.h"

#include <GeographicLib/NormalGravity.hpp>

namespace rampart::world {
namespace {

constexpr double g = kStandardGravity_mps2;

scenario::Manoeuvre limits(double bank_deg, double climb_mps, double accel_mps2) {
  return {.max_lateral_accel_mps2 = g * std::tan(deg_to_rad(bank_deg)), .max_climb_mps = climb_mps,
          .max_accel_mps2 = accel_mps2};
}

/// Flies `m` for `t_s` in steps of dt_s, calling `look` with the flight time and the state.
template <typename Look>
MoverState fly(Mover& m, double t_s, Look look, double dt_s = 0.1) {
  MoverState s = m.advance(0.0, 0.0);
  for (double t = dt_s; t <= t_s + 1e-9; t += dt_s) look(t, s = m.advance(t, dt_s));
  return s;
}

TEST(FlightMover, ReversesInAHalfCircleOfRadiusVSquaredOverGTanBank) {
  // 200 m/s at 45 deg of bank: R = v^2 / (g tan 45) = 4079 m, a 180 deg turn takes pi R / v = 64.1 s.
  // Out to a waypoint 50 km east and back: the reversal spans 2R north-south.
  const double radius_m = 200.0 * 200.0 / g;
  FlightMover m({{0, 0}, {50'000, 0}, {0, 0}}, false, 5000.0, 200.0, limits(45, 50, 5), nullptr);
  double max_north_m = 0.0, min_north_m = 0.0, turn_start_s = -1.0, turn_end_s = -1.0;
  fly(m, 400.0, [&](double t, const MoverState& s) {
    max_north_m = std::max(max_north_m, s.north_m);
    min_north_m = std::min(min_north_m, s.north_m);
    const double heading_deg = rad_to_deg(azimuth_rad(s.v_enu_mps.x(), s.v_enu_mps.y()));
    if (turn_start_s < 0 && std::abs(heading_deg - 90.0) > 0.5) turn_start_s = t;
    if (turn_end_s < 0 && turn_start_s > 0 && std::abs(heading_deg - 270.0) < 5.0) turn_end_s = t;
    EXPECT_NEAR(s.v_enu_mps.norm(), 200.0, 1e-9);
  });
  // It turns one way at its limit (then closes on the line back, 2R across): extent 2R.
  EXPECT_NEAR(std::max(max_north_m, -min_north_m), 2.0 * radius_m, 0.02 * radius_m);
  // The turn from 90 to 265 deg at the limit rate g tan(bank) / v = 0.049 rad/s: 175 deg in 62.3 s
  // (the heading loop's last degrees at a slower rate add a little).
  EXPECT_NEAR(turn_end_s - turn_start_s, deg_to_rad(175.0) * 200.0 / g, 1.5);
}

TEST(FlightMover, ALeadTurnJoinsTheNextLegWithoutOvershoot) {
  // A 90 deg corner at (20 km, 0) at 250 m/s and 60 deg of bank: R = 3680 m, so the turn starts
  // R tan 45 = 3680 m before the corner and the path never goes beyond east 20 km.
  FlightMover m({{0, 0}, {20'000, 0}, {20'000, 30'000}}, false, 5000.0, 250.0, limits(60, 50, 5), nullptr);
  double max_east_m = 0.0;
  fly(m, 120.0, [&](double, const MoverState& s) { max_east_m = std::max(max_east_m, s.east_m); });
  EXPECT_LE(max_east_m, 20'000.0 + 20.0);  // the heading loop's last degree
  EXPECT_GT(max_east_m, 20'000.0 - 250.0);  // and it ends on the new leg
}

TEST(FlightMover, ClimbsAtItsClimbRateToTheNextWaypointsAltitude) {
  // From 1000 m to 4000 m at 20 m/s: 150 s at the climb rate (plus the short rounding at the ends,
  // z' reaching 20 m/s at a_v = g (1/cos 30 - 1) = 1.52 m/s^2 in 13 s).
  FlightMover m({{0, 0}, {100'000, 0, 4000.0}}, false, 1000.0, 200.0, limits(30, 20, 5), nullptr);
  double reached_s = -1.0, climb_mid_leg_mps = 0.0;
  fly(m, 300.0, [&](double t, const MoverState& s) {
    if (std::abs(t - 250.0) < 1e-6) climb_mid_leg_mps = s.v_enu_mps.z();
    if (reached_s < 0 && s.altitude_m >= 3999.0) reached_s = t;
  });
  // The profile climbs along the leg (4000 m reached at 100 km, after 500 s): it is the slower.
  EXPECT_NEAR(climb_mid_leg_mps, 6.0, 0.1);  // 3000 m over 500 s
  EXPECT_LT(reached_s, 0.0);
  double max_climb_mps = 0.0;
  FlightMover steep({{0, 0}, {5000, 0, 4000.0}, {100'000, 0, 4000.0}}, false, 1000.0, 200.0, limits(30, 20, 5),
                    nullptr);
  reached_s = -1.0;
  max_climb_mps = 0.0;
  fly(steep, 300.0, [&](double t, const MoverState& s) {
    max_climb_mps = std::max(max_climb_mps, s.v_enu_mps.z());
    if (reached_s < 0 && s.altitude_m >= 3999.0) reached_s = t;
  });
  EXPECT_NEAR(max_climb_mps, 20.0, 1e-9);
  EXPECT_NEAR(reached_s, 150.0 + 13.1, 6.0);
}

TEST(FlightMover, FollowsTheTerrainOverARidgeHoldingItsClearance) {
  // A 600 m ridge (half width 3 km) across the track; a cruise missile at 240 m/s, 60 m above
  // the ground, climbing at most 30 m/s (the ridge's steepest slope, 600 pi / 6000 = 0.31, would
  // need 75 m/s: the look-ahead starts the climb early).
  const auto terrain = std::make_shared<const environment::Terrain>(environment::Terrain::synthesize(
      {.west_m = -1000, .south_m = -5000, .east_m = 40'000, .north_m = 5000, .cell_m = 100,
       .ridges = {{20'000, -5000, 20'000, 5000, 600, 3000}}}));
  scenario::Manoeuvre m = limits(78.5, 30, 3);
  m.clearance_m = 60.0;
  FlightMover missile({{0, 0}, {40'000, 0}}, false, 30.0, 240.0, m, terrain);
  double min_clearance_m = 1e9, max_alt_m = 0.0, alt_at_end_m = 0.0;
  fly(missile, 160.0, [&](double, const MoverState& s) {
    min_clearance_m = std::min(min_clearance_m, s.altitude_m - terrain->height_m(s.east_m, s.north_m));
    max_alt_m = std::max(max_alt_m, s.altitude_m);
    alt_at_end_m = s.altitude_m;
  });
  // The command starts rising at w as the ridge comes into the look-ahead; z' takes w / a_v to
  // follow (a_v = 4 g for 5 g), and the clearance dips by at most w^2 / (2 a_v) = 11.4 m.
  EXPECT_GE(min_clearance_m, 60.0 - 30.0 * 30.0 / (2.0 * 4.0 * g) - 1.0);
  EXPECT_NEAR(max_alt_m, 660.0, 30.0);      // over the crest at its clearance
  EXPECT_NEAR(alt_at_end_m, 60.0, 5.0);     // and down again on the plain
}

TEST(FlightMover, AHelicopterFliesNapOfTheEarthOverAHill) {
  // 30 m/s, 20 m above a 150 m hill (radius 1 km): the steepest slope, 150 exp(-1/2) / 1000 = 0.09,
  // needs 2.7 m/s of climb, well inside its 8 m/s, so it hugs the hill within a few metres.
  const auto terrain = std::make_shared<const environment::Terrain>(environment::Terrain::synthesize(
      {.west_m = -1000, .south_m = -3000, .east_m = 9000, .north_m = 3000, .cell_m = 50,
       .hills = {{4000, 0, 150, 1000}}}));
  scenario::Manoeuvre m = limits(30, 8, 3);
  m.clearance_m = 20.0;
  FlightMover heli({{0, 0}, {8000, 0}}, false, 20.0, 30.0, m, terrain);
  double min_clearance_m = 1e9, max_clearance_m = 0.0;
  fly(heli, 260.0, [&](double, const MoverState& s) {
    const double clearance_m = s.altitude_m - terrain->height_m(s.east_m, s.north_m);
    min_clearance_m = std::min(min_clearance_m, clearance_m);
    max_clearance_m = std::max(max_clearance_m, clearance_m);
  });
  EXPECT_GE(min_clearance_m, 17.0);
  EXPECT_LE(max_clearance_m, 45.0);  // it does not balloon over the crest
}

TEST(FlightMover, HoversStillAndPopsUpForItsExposureTime) {
  // A helicopter 30 m up flies 600 m to a hold of 10 s, pops up 50 m for 8 s, remasks, flies on.
  FlightMover heli({{0, 0}, {600, 0, std::nullopt, std::nullopt, 10.0, scenario::PopUp{50.0, 8.0}}, {600, 2000}},
                   false, 30.0, 40.0, limits(30, 8, 3), nullptr);
  double hover_start_s = -1.0, exposed_s = 0.0, max_alt_m = 0.0, left_s = -1.0;
  fly(heli, 150.0, [&](double t, const MoverState& s) {
    const bool still = s.v_enu_mps.norm() == 0.0;
    if (hover_start_s < 0 && still) hover_start_s = t;
    if (s.altitude_m >= 79.0) exposed_s += 0.1;  // within 1 m of the unmask height
    max_alt_m = std::max(max_alt_m, s.altitude_m);
    if (hover_start_s > 0 && left_s < 0 && s.north_m > 1.0) left_s = t;
    if (hover_start_s > 0 && left_s < 0 && t < hover_start_s + 10.0) {
      EXPECT_EQ(s.v_enu_mps, Eigen::Vector3d::Zero()) << t;  // hover: no velocity
      EXPECT_NEAR(s.east_m, 600.0, 1.0);
    }
  });
  EXPECT_GT(hover_start_s, 0.0);
  EXPECT_NEAR(max_alt_m, 80.0, 0.5);
  // At 80 m for the exposure, and the first metre of the descent, sqrt(2 x 1 m / 1.52 m/s^2) = 1.15 s.
  EXPECT_NEAR(exposed_s, 8.0 + 1.15, 0.3);
  // It leaves after the hold, the climb (50 m at <= 8 m/s and 1.52 m/s^2: about 12 s), the exposure
  // and the descent: 10 + 12 + 8 + 12 s after it stopped.
  EXPECT_NEAR(left_s - hover_start_s, 42.0, 4.0);
}

TEST(GroundMover, DrivesOnTheTerrainAndHaltsAtItsWaypoints) {
  const auto terrain = std::make_shared<const environment::Terrain>(environment::Terrain::synthesize(
      {.west_m = -1000, .south_m = -1000, .east_m = 5000, .north_m = 1000, .cell_m = 50, .base_height_m = 200}));
  // 10 m/s, 1 m/s^2: it brakes over the last 100 m before the halt at 2 km, halts 60 s, drives on.
  GroundMover tank({{0, 0}, {2000, 0, std::nullopt, std::nullopt, 60.0}, {4000, 0}}, false, 2.5, 10.0,
                   limits(rad_to_deg(std::atan(0.25)), 0.0, 1.0), terrain);
  double halt_start_s = -1.0, halt_end_s = -1.0;
  const MoverState end = fly(tank, 500.0, [&](double t, const MoverState& s) {
    EXPECT_NEAR(s.altitude_m, 202.5, 1e-6);
    if (halt_start_s < 0 && s.v_enu_mps.norm() == 0.0) halt_start_s = t;
    if (halt_start_s > 0 && halt_end_s < 0 && s.v_enu_mps.norm() > 0.0) halt_end_s = t;
  });
  EXPECT_NEAR(halt_end_s - halt_start_s, 60.0, 0.2);
  // 2000 m at 10 m/s with a braking stretch: about 200 + 10 s to the halt.
  EXPECT_NEAR(halt_start_s, 210.0, 10.0);
  EXPECT_TRUE(end.finished);
  EXPECT_NEAR(end.east_m, 4000.0, 11.0);
}

TEST(BallisticMover, FliesAShortShotToItsAimPointAsTheFlatEarthVacuumFormulaSays) {
  // A 100 km shot without drag (beta 1e12 kg/m^2). From the burnout state (height h0, horizontal
  // speed u, climb rate w) a flat Earth in vacuum gives the apogee h0 + w^2 / 2g and the range
  // u (w + sqrt(w^2 + 2 g h0)) / g; over 100 km the curved Earth and gravity's variation change
  // these by a few percent.
  const scenario::BallisticSpec spec{.burn_time_s = 10.0, .burnout_pitch_deg = 45.0,
                                     .ballistic_coefficient_kgpm2 = 1e12};
  BallisticMover m({0, 0}, {100'000, 0}, spec, {35.0, -30.0, 0.0}, nullptr);
  double apogee_m = 0.0;
  MoverState burnout;
  const MoverState end = fly(m, 400.0, [&](double t, const MoverState& s) {
    apogee_m = std::max(apogee_m, s.altitude_m);
    if (std::abs(t - 10.0) < 1e-6) burnout = s;
  });
  ASSERT_TRUE(end.finished);
  EXPECT_LT(std::hypot(end.east_m - 100'000.0, end.north_m), 50.0);  // on its aim point
  EXPECT_NEAR(end.altitude_m, 0.0, 1e-3);
  const double u = burnout.v_enu_mps.head<2>().norm(), w = burnout.v_enu_mps.z(), h0 = burnout.altitude_m;
  const double range_m = u * (w + std::sqrt(w * w + 2.0 * g * h0)) / g;
  EXPECT_NEAR(end.east_m - burnout.east_m, range_m, 0.05 * range_m);
  EXPECT_NEAR(apogee_m, h0 + w * w / (2.0 * g), 0.05 * apogee_m);
}

/// mixed_raid.yaml's Scud-N: 298 km from (-10, 310) km to North Field at (-15, 12) km, origin
/// 36 N 28 W, a 60 s burn to a 40 deg flight-path angle; ballistic coefficient 5000 kg/m^2, or
/// 1e12 (vacuum).
BallisticMover scud_n(double ballistic_coefficient_kgpm2) {
  return BallisticMover({-10'000, 310'000}, {-15'000, 12'000},
                        {.burn_time_s = 60.0, .burnout_pitch_deg = 40.0,
                         .ballistic_coefficient_kgpm2 = ballistic_coefficient_kgpm2},
                        {36.0, -28.0, 0.0}, nullptr);
}

/// A flight from burnout to the ground (altitude 0, interpolated in the last step): the
/// largest geocentric radius and altitude on the way and the state at the impact.
struct Coast {
  double max_radius_m = 0.0;
  double apogee_m = 0.0;
  BallisticMover::State impact;
};
Coast coast(const BallisticMover& m) {
  Coast c;
  BallisticMover::State s = m.burnout_state();
  double alt_m = ecef_to_geodetic(s.r_ecef_m).alt_m;
  while (true) {
    const BallisticMover::State next = m.stepped(s, BallisticMover::kStep_s);
    const double next_alt_m = ecef_to_geodetic(next.r_ecef_m).alt_m;
    c.max_radius_m = std::max(c.max_radius_m, next.r_ecef_m.norm());
    c.apogee_m = std::max(c.apogee_m, next_alt_m);
    if (next_alt_m <= 0.0) {
      const double f = alt_m / (alt_m - next_alt_m);
      c.impact = {s.r_ecef_m + f * (next.r_ecef_m - s.r_ecef_m), s.v_ecef_mps + f * (next.v_ecef_mps - s.v_ecef_mps),
                  s.t_s + f * (next.t_s - s.t_s)};
      return c;
    }
    s = next;
    alt_m = next_alt_m;
  }
}

TEST(BallisticMover, TheGravityTurnBurnsOutAtTheFlightPathAngleAskedAndLandsOnTheAim) {
  // Vertical rise for 1.8 s, a kick, then the thrust along the velocity: at burnout the velocity
  // (not only the thrust) climbs at 40 deg, and the impact is on North Field. A real 300 km-class
  // missile peaks at some 80 to 90 km and re-enters steeply but not vertically (this one: 84 km,
  // 55 deg; the linear pitch program it replaces climbed to 158 km and dived at 64 deg).
  const BallisticMover m = scud_n(5000.0);
  const BallisticMover::State burnout = m.burnout_state();
  EXPECT_NEAR(BallisticMover::flight_path_rad(burnout), deg_to_rad(40.0), BallisticMover::kFlightPathTolerance_rad);
  EXPECT_GT(m.kick_rad(), 0.0);
  const LocalFrame frame({36.0, -28.0, 0.0});
  const Coast c = coast(m);
  const Eigen::Vector3d impact_m = frame.map_point(ecef_to_geodetic(c.impact.r_ecef_m));
  EXPECT_LT(std::hypot(impact_m.x() + 15'000.0, impact_m.y() - 12'000.0), BallisticMover::kAimTolerance_m + 1.0);
  EXPECT_GT(c.apogee_m, 80'000.0);
  EXPECT_LT(c.apogee_m, 90'000.0);
  const double dive_deg = -rad_to_deg(BallisticMover::flight_path_rad(c.impact));
  EXPECT_GT(dive_deg, 45.0);
  EXPECT_LT(dive_deg, 60.0);
}

TEST(BallisticMover, KeplerCoastOfACircleAndOfAPerigeeShot) {
  // Horizontal at sqrt(mu / r) on the equator in the inertial frame (the ECEF velocity less
  // Omega r): a circle, the apogee at r. Horizontal at 1.1 sqrt(mu / r): r is the perigee,
  // ecc = v^2 r / mu - 1 = 0.21, the apogee p / (1 - ecc) = r (1 + ecc) / (1 - ecc), and the shot
  // comes back down to r after a whole revolution (2 pi).
  const GeographicLib::NormalGravity& earth = GeographicLib::NormalGravity::WGS84();
  const double mu = earth.MassConstant(), omega = earth.AngularVelocity(), r = 6'500'000.0;
  const double v_circular_mps = std::sqrt(mu / r);
  const KeplerCoast circle = kepler_coast({{r, 0.0, 0.0}, {0.0, v_circular_mps - omega * r, 0.0}, 0.0}, r);
  EXPECT_NEAR(circle.apogee_radius_m, r, 1e-3);
  const KeplerCoast faster = kepler_coast({{r, 0.0, 0.0}, {0.0, 1.1 * v_circular_mps - omega * r, 0.0}, 0.0}, r);
  EXPECT_NEAR(faster.apogee_radius_m, r * 1.21 / 0.79, 1e-2);
  EXPECT_NEAR(faster.central_angle_rad, 2.0 * kPi, 1e-5);
}

TEST(BallisticMover, TheScudsCoastIsTheKeplerEllipseOfItsBurnoutState) {
  // Without drag the coast from burnout is the Kepler ellipse of kepler_coast: the largest
  // geocentric radius flown is its apogee radius, and the central angle flown in the inertial
  // frame (between r0 and the impact point turned by Omega t_flight about the pole, as the Earth
  // turned under the missile) is its theta1 - theta0 to the impact's radius. Tolerances: WGS-84
  // gravity has J2 and the higher zonal terms, which a Kepler ellipse lacks: 300 m in radius, and
  // 0.3% of the angle, for J2 pulls this north-south track along itself towards the equator by
  // 3 J2 (a / r)^2 sin(phi) cos(phi) g = 1.5e-3 g at 36 N, some 600 m over the 290 s coast.
  const BallisticMover m = scud_n(1e12);
  const double omega = GeographicLib::NormalGravity::WGS84().AngularVelocity();
  const BallisticMover::State b = m.burnout_state();
  const Coast c = coast(m);
  const KeplerCoast kepler = kepler_coast(b, c.impact.r_ecef_m.norm());
  EXPECT_NEAR(c.max_radius_m, kepler.apogee_radius_m, 300.0);
  const Eigen::Vector3d impact_inertial = Eigen::AngleAxisd(omega * (c.impact.t_s - b.t_s), Eigen::Vector3d::UnitZ()) *
                                         c.impact.r_ecef_m;
  const double flown_rad = std::acos(b.r_ecef_m.normalized().dot(impact_inertial.normalized()));
  EXPECT_NEAR(flown_rad, kepler.central_angle_rad, 3e-3 * kepler.central_angle_rad);
}

TEST(BallisticMover, ConservesEnergyInItsCoastAboveTheAir) {
  // Without drag (beta 1e12 kg/m^2) the coast conserves the energy per unit mass in the rotating frame,
  // E = v^2 / 2 - U(r) (U the normal gravity potential with the centrifugal one; Coriolis does no
  // work), to the accuracy of the Runge-Kutta steps.
  const scenario::BallisticSpec spec{.burn_time_s = 30.0, .burnout_pitch_deg = 45.0,
                                     .ballistic_coefficient_kgpm2 = 1e12};
  BallisticMover m({0, 0}, {400'000, 0}, spec, {35.0, -30.0, 0.0}, nullptr);
  const auto energy = [](const BallisticMover::State& s) {
    double gx, gy, gz;
    const double u = GeographicLib::NormalGravity::WGS84().U(s.r_ecef_m.x(), s.r_ecef_m.y(), s.r_ecef_m.z(), gx, gy, gz);
    return 0.5 * s.v_ecef_mps.squaredNorm() - u;
  };
  BallisticMover::State s{geodetic_to_ecef({35.0, -30.0, 0.0}), Eigen::Vector3d::Zero(), 0.0};
  while (s.t_s < spec.burn_time_s - 1e-9) s = m.stepped(s, 0.05);
  const double e0 = energy(s);
  double worst = 0.0;
  for (int i = 0; i < 2000; ++i) {  // 100 s of the coast
    s = m.stepped(s, 0.05);
    worst = std::max(worst, std::abs(energy(s) - e0));
  }
  EXPECT_LT(worst / (0.5 * s.v_ecef_mps.squaredNorm()), 1e-8);
}

}  // namespace
}  // namespace rampart::world
