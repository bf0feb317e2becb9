#include "environment/clutter.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/units.h"

namespace rampart::environment {
namespace {

double db10(double ratio) { return 10.0 * std::log10(ratio); }

TEST(SeaClutter, NrlModelByHand) {
  // HH, 3 GHz, sea state 3, psi = 1 deg:
  //   c1                                   = -73.000
  //   20.781 log10(sin 1 deg) = 20.781 (-1.75814)              = -36.536
  //   (27.5 + 7.351) log10(3) / 1.95 = 34.851 (0.477121) / 1.95 =   8.527
  //   25.65 (4)^(1 / (2 + 0.085 + 0.099)) = 25.65 (1.88653)     =  48.390
  //   0.0054 (1)^2                                              =   0.005
  //   sigma0 = -52.61 dB
  EXPECT_NEAR(db10(sea_reflectivity(deg_to_rad(1.0), 3e9, 3.0, Polarization::kHorizontal)), -52.61, 0.01);
  // VV, same point: -50.796 + 25.93 (-1.75814) + (27.5 + 0.7093)(0.477121)/1.95 + 21.588 (1.88653)
  // + 0.00211 = -50.796 - 45.589 + 6.902 + 40.726 + 0.002 = -48.75 dB (VV above HH at low grazing).
  EXPECT_NEAR(db10(sea_reflectivity(deg_to_rad(1.0), 3e9, 3.0, Polarization::kVertical)), -48.75, 0.01);
  // X band (10 GHz), same sea and angle: -73 - 36.536 + 34.851 / 1.95 + 48.390 + 0.005 = -43.27 dB.
  EXPECT_NEAR(db10(sea_reflectivity(deg_to_rad(1.0), 10e9, 3.0, Polarization::kHorizontal)), -43.27, 0.01);
  // A published value of the model: MATLAB's seareflectivity documentation (Radar Toolbox) gives
  // 2.1555e-4 (-36.66 dB) for sea state 2, 10 deg, 30 GHz, H. By hand:
  //   -73 + 20.781 log10(sin 10 deg) + (27.5 + 73.51) log10(30) / 10.5 + 25.65 (3)^(1/2.916) + 0.54
  //   = -73 - 15.800 + 14.210 + 37.386 + 0.540 = -36.664 dB.
  EXPECT_NEAR(sea_reflectivity(deg_to_rad(10.0), 30e9, 2.0, Polarization::kHorizontal), 2.1555e-4, 0.0005e-4);
  // Rougher sea, more clutter; steeper grazing, more clutter.
  EXPECT_GT(sea_reflectivity(deg_to_rad(1.0), 3e9, 5.0, Polarization::kHorizontal),
            sea_reflectivity(deg_to_rad(1.0), 3e9, 3.0, Polarization::kHorizontal));
  EXPECT_GT(sea_reflectivity(deg_to_rad(3.0), 3e9, 3.0, Polarization::kHorizontal),
            sea_reflectivity(deg_to_rad(1.0), 3e9, 3.0, Polarization::kHorizontal));
}

TEST(LandClutter, ConstantGammaByHand) {
  // Farmland: gamma = -15 dB at 10 GHz; at 3 GHz -15 + 5 log10(0.3) = -17.614 dB = 0.017321.
  // sigma0 at 1 deg = gamma sin(1 deg) = -17.614 - 17.581 = -35.195 dB.
  EXPECT_NEAR(db10(land_gamma(LandCover::kFarmland, 3e9)), -17.614, 1e-3);
  EXPECT_NEAR(db10(land_reflectivity(deg_to_rad(1.0), 3e9, LandCover::kFarmland)), -35.195, 1e-3);
  EXPECT_NEAR(db10(land_gamma(LandCover::kMountains, 10e9)), -5.0, 1e-12);
  EXPECT_NEAR(db10(land_gamma(LandCover::kDesert, 10e9)), -20.0, 1e-12);
  EXPECT_GT(land_gamma(LandCover::kUrban, 3e9), land_gamma(LandCover::kWoods, 3e9));
}

TEST(Clutter, RcsInTheCellByHand) {
  // Radar at 415 m, R = 20 km, a_e = 8494.667 km:
  //   sin psi = (2 a_e h + h^2 - R^2) / (2 a_e R) = (7.0506e9 + 1.7e5 - 4e8) / 3.3979e11
  //           = 0.0195733 (psi = 1.1215 deg);
  //   A = R theta (c tau / 2) sec psi = 20000 (0.0261799)(149.896)(1.000192) = 78500.5 m^2;
  //   farmland at 3 GHz: sigma0 = 0.0173205 x 0.0195733 = 3.3902e-4; sigma_c = 26.613 m^2.
  EXPECT_NEAR(std::sin(clutter_grazing_rad(415.0, 20000.0)), 0.0195733, 1e-7);
  EXPECT_NEAR(clutter_cell_area_m2(20000.0, deg_to_rad(1.5), 1e-6, clutter_grazing_rad(415.0, 20000.0)), 78500.5, 0.5);
  ClutterSurface farmland;
  farmland.sea = false;
  farmland.land_cover = LandCover::kFarmland;
  EXPECT_NEAR(clutter_rcs_m2(farmland, 3e9, 415.0, 20000.0, deg_to_rad(1.5), 1e-6), 26.613, 0.01);
  // The clutter horizon: sqrt(2 a_e h + h^2) = 83.97 km.
  EXPECT_GT(clutter_rcs_m2(farmland, 3e9, 415.0, 83900.0, deg_to_rad(1.5), 1e-6), 0.0);
  EXPECT_EQ(clutter_rcs_m2(farmland, 3e9, 415.0, 84100.0, deg_to_rad(1.5), 1e-6), 0.0);
  ClutterSurface sea;  // sea state 3, HH
  EXPECT_GT(clutter_rcs_m2(sea, 3e9, 415.0, 20000.0, deg_to_rad(1.5), 1e-6), 0.0);
  EXPECT_EQ(clutter_rcs_m2(sea, 3e9, 415.0, 90000.0, deg_to_rad(1.5), 1e-6), 0.0);
}

// SR-1's waveform: 3 GHz (lambda = 0.099931 m), 490 Hz: v_b = lambda PRF / 2 = 24.483 m/s.
MtiFilter sr1_filter() {
  MtiFilter f;
  f.improvement_db = 30.0;
  f.min_detectable_speed_mps = 3.0;
  f.wavelength_m = kSpeedOfLight_mps / 3e9;
  f.prf_hz = {490.0};
  return f;
}

TEST(Mti, HoveringHelicopterNotchedFastTargetNot) {
  const MtiFilter f = sr1_filter();
  EXPECT_NEAR(f.blind_speed_mps(0), 24.483, 1e-3);
  // A hovering helicopter: radial speed ~0.
  EXPECT_TRUE(f.notches(0.0));
  EXPECT_TRUE(f.notches(-1.5));
  // 250 m/s crossing at 45 deg: 176.78 m/s radial = 7 v_b + 5.40 m/s, outside the 3 m/s notch.
  EXPECT_FALSE(f.notches(250.0 * std::cos(deg_to_rad(45.0))));
  // SCNR: SNR 100, CNR 1000, I = 30 dB: 100 / (1 + 1000/1000) = 50; notched: (100/1000)/2 = 0.05.
  const FilterOutput moving = filter_clutter(100.0, 1000.0, f, 176.78);
  EXPECT_FALSE(moving.notched);
  EXPECT_NEAR(moving.scnr, 50.0, 1e-9);
  const FilterOutput hovering = filter_clutter(100.0, 1000.0, f, 0.2);
  EXPECT_TRUE(hovering.notched);
  EXPECT_NEAR(hovering.scnr, 0.05, 1e-12);
  // No clutter: SCNR = SNR.
  EXPECT_DOUBLE_EQ(filter_clutter(100.0, 0.0, f, 176.78).scnr, 100.0);
}

TEST(Mti, BlindSpeedsAndStagger) {
  MtiFilter f = sr1_filter();
  // Blind at n v_b: 7 x 24.483 = 171.38 m/s, 2 m/s off still inside the notch, 4 m/s off not.
  const double vb = f.blind_speed_mps(0);
  EXPECT_TRUE(f.notches(7.0 * vb));
  EXPECT_TRUE(f.notches(7.0 * vb + 2.0));
  EXPECT_TRUE(f.notches(-(7.0 * vb - 2.0)));
  EXPECT_FALSE(f.notches(7.0 * vb + 4.0));
  EXPECT_FALSE(f.notches(6.5 * vb));
  // Staggered 490/590 Hz: v_b2 = 29.480 m/s. 171.38 m/s = 5.8135 v_b2 is 5.50 m/s from 6 v_b2:
  // the second PRF sees it. Blind only at common multiples: 49 and 59 are coprime, so the first
  // is 59 v_b1 = 49 v_b2 = 1444.5 m/s.
  f.prf_hz = {490.0, 590.0};
  EXPECT_FALSE(f.notches(7.0 * vb));
  EXPECT_TRUE(f.notches(0.5));
  EXPECT_TRUE(f.notches(59.0 * vb));
  EXPECT_FALSE(f.notches(250.0 * std::cos(deg_to_rad(45.0))));
}

}  // namespace
}  // namespace rampart::environment
