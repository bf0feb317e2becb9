// Terrain heights over the scenario frame, line of sight over a 4/3 effective Earth, and the
// precomputed terrain mask of a fixed site.
//
// Frame and heights. The scenario frame is the local east/north/up tangent plane at the scenario
// origin; a point is (east_m, north_m) on that plane plus alt_m, its height above the ellipsoid.
// Terrain heights are metres above the ellipsoid too; Rampart does not model the geoid, so a
// height from a map (above mean sea level) is taken as a height above the ellipsoid, and the sea
// is at 0 m.
//
// Grid. Heights are given at the centres of a regular grid of square cells: cell (col, row) has
// its centre at (west_m + col cell_m, south_m + row cell_m), row 0 southmost. Between centres the
// height is the bilinear interpolation of the four surrounding centres,
//   h = h00 (1-fx)(1-fy) + h10 fx (1-fy) + h01 (1-fx) fy + h11 fx fy,
// in the outer half cell (between the outermost centres and the grid's edge) the outermost
// centres' heights hold, and outside the grid's footprint (the cells' union) the height is 0 m:
// the sea. The grid may be read from an ESRI ASCII raster (docs/terrain.md), synthesised from
// Gaussian hills and raised-cosine ridges, or both (features added on top of a read grid).
//
// Line of sight. Atmospheric refraction is modelled, as in the radar horizon, by a straight ray
// over an Earth of effective radius k Re, k = 4/3 (Re = kEarthRadius_m): over a ground path of
// length d from A to B, the ray's height above the ellipsoid at fraction s of the path is
//   z(s) = alt_A + s (alt_B - alt_A) - s (1 - s) d^2 / (2 k Re),
// the last term being the Earth's bulge under the chord (the parabolic approximation of the
// curved Earth, good while d << k Re; see e.g. Skolnik, Radar Handbook, ch. 26, or ITU-R P.526).
// The ray is blocked when the terrain is strictly above it at any sample of the ground path, taken
// at most half a cell apart; over the sea outside the grid the check is exact (z is a convex
// parabola in s, its minimum over an interval is known). An end point below the terrain is
// raised to the terrain's surface (its altitude is taken as max(alt_m, height_m)): a site or a
// target is never inside the ground. So two points at 0 m over the sea never see each other (the
// bulge hides them at any distance), and masts of heights h1, h2 see each other up to
// sqrt(2 k Re h1) + sqrt(2 k Re h2) apart, the sum of their radar horizons.
//
// Site mask. Dividing the blocking condition z(s) < h(s d) by s d shows that, seen from a site S
// at altitude alt_S, a point at ground range d and height h is blocked by terrain at range r < d
// exactly when
//   g(r, h(r)) > g(d, h),   g(r, h) = (h - alt_S) / r - r / (2 k Re):
// g is the tangent of the ray's elevation angle at the site, bulge included (atan(g) is about
// atan((h - alt_S)/r) - r/(2 k Re)). The site mask stores, for each azimuth bin (rays along the
// bins' centres) the running maximum M(d) of g over the terrain samples at ranges j dr < d,
// dr = cell_m / 2, and a target is visible when g(d, alt) >= M(d): the same test as
// line_of_sight, without its march. mask_angle_rad is atan(M).
// Storage: M is non-decreasing in range, so it is stored only at the ends of blocks of B range
// steps (B = 16 for up to 4,096 steps, more for longer ranges so that an azimuth holds at most 256
// blocks + 1 floats): 3,600 bins x 257 floats = 3.7 MB per site whatever the range and cell. A
// query at range d in block k knows lo = M(start of k) <= M(d) <= hi = M(end of k); a target above
// hi is visible, below lo hidden, and only a target between the two (near the mask: rare, a
// target within the mask's rise over one block) is settled by marching the block's at most B
// samples from lo. So a check is O(1): a table read, and at most B terrain look-ups near the mask.
// The full-resolution table (3,600 bins x 4,000 steps of float for a 200 km radar over 100 m
// cells = 58 MB per site) would be exact to the same samples but too big for ten sites; a
// quantised or coarser table would give wrong answers near the mask. The mask therefore keeps a
// shared pointer to its terrain.
// The mask and line_of_sight sample different points (bin-centre rays at fixed ranges against the
// exact ray at fractions of its length), so they can differ for a target within one azimuth bin
// or one range step of a mask edge; the tests count such cases.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/units.h"

namespace rampart::environment {

/// Effective Earth radius factor for a standard atmosphere's refraction.
inline constexpr double kEffectiveEarthFactor = 4.0 / 3.0;
inline constexpr double kEffectiveEarthRadius_m = kEffectiveEarthFactor * kEarthRadius_m;

/// Largest ncols or nrows Rampart reads from a grid file or synthesises.
inline constexpr int kMaxTerrainCells = 8192;
/// Heights a grid file may hold (below the lowest dry land, above the highest peak).
inline constexpr double kMinTerrainHeight_m = -500.0;
inline constexpr double kMaxTerrainHeight_m = 9000.0;

/// A Gaussian hill: height_m * exp(-r^2 / (2 radius_m^2)), r the ground distance from its centre;
/// radius_m is the standard deviation (the hill is at exp(-1/2) = 61% of its height at radius_m).
/// It is evaluated within 5 radius_m of its centre (beyond, it is below 4e-6 of its height).
struct Hill {
  double east_m = 0.0;
  double north_m = 0.0;
  double height_m = 0.0;
  double radius_m = 0.0;
};

/// A ridge along the segment from -> to: height_m * cos^2(pi d / (2 half_width_m)) for
/// d < half_width_m and 0 beyond, d the ground distance from the segment (so the ends are rounded:
/// around an end point the ridge falls off as a half cone of the same profile). half_width_m is
/// the distance from the crest line to the foot; the ridge is at half height at half_width_m / 2.
struct Ridge {
  double from_east_m = 0.0;
  double from_north_m = 0.0;
  double to_east_m = 0.0;
  double to_north_m = 0.0;
  double height_m = 0.0;
  double half_width_m = 0.0;
};

/// A synthetic terrain: a grid whose cell centres span [west_m, east_m] x [south_m, north_m]
/// (rounded up to whole cells), at base_height_m, with the features' heights added to it (the
/// features add: a hill on a ridge stands on the ridge).
struct SyntheticTerrain {
  double west_m = 0.0;
  double south_m = 0.0;
  double east_m = 0.0;
  double north_m = 0.0;
  double cell_m = 100.0;
  double base_height_m = 0.0;
  std::vector<Hill> hills;
  std::vector<Ridge> ridges;
};

class Terrain {
 public:
  /// A grid of cols x rows cells whose south-west cell centre is (west_m, south_m);
  /// heights_m[row * cols + col], row 0 southmost.
  Terrain(double west_m, double south_m, double cell_m, int cols, int rows, const std::vector<float>& heights_m);

  /// Reads an ESRI ASCII raster (docs/terrain.md) whose x/y are the scenario frame's east/north
  /// metres. Every malformed input is an InputError `FILE:LINE:COL: what; how to fix it`.
  static Terrain read_esri_ascii(const std::string& path);
  /// The grid as an ESRI ASCII raster (xllcenter/yllcenter, heights written exactly).
  std::string to_esri_ascii() const;

  /// The synthetic terrain; a bad description (cell_m <= 0, an empty or too large extent, a
  /// feature of negative size or non-finite numbers) is an InputError.
  static Terrain synthesize(const SyntheticTerrain& spec);
  /// Adds hills and ridges to this grid's heights (e.g. on a grid read from a file).
  void add_features(const std::vector<Hill>& hills, const std::vector<Ridge>& ridges);

  /// Height above the ellipsoid at a point of the scenario frame; 0 m (sea) outside the grid.
  double height_m(double east_m, double north_m) const;

  /// True when the straight ray from A to B over a 4/3 Earth clears the terrain (an end point
  /// below the terrain is raised to its surface; grazing counts as clear).
  bool line_of_sight(double a_east_m, double a_north_m, double a_alt_m, double b_east_m, double b_north_m,
                     double b_alt_m) const;

  double west_m() const { return west_m_; }
  double south_m() const { return south_m_; }
  double cell_m() const { return cell_m_; }
  int cols() const { return cols_; }
  int rows() const { return rows_; }
  /// Height at the centre of cell (col, row), row 0 southmost.
  double cell_height_m(int col, int row) const { return heights_[static_cast<std::size_t>(row) * stride_ + col]; }
  double max_height_m() const { return max_height_m_; }

 private:
  void finish();  ///< fills the padding and max_height_m_

  double west_m_;
  double south_m_;
  double cell_m_;
  double per_cell_;  ///< 1 / cell_m
  int cols_;
  int rows_;
  std::size_t stride_;  ///< cols + 1: one padding column (and row) repeating the last, so
                        ///< bilinear interpolation never needs a bounds check
  double x_limit_;      ///< cols - 1/2: the footprint's east edge in cells from the first centre
  double y_limit_;
  double max_height_m_ = 0.0;
  std::vector<float> heights_;  ///< (rows + 1) x stride_, row 0 southmost
};

inline double Terrain::height_m(double east_m, double north_m) const {
  const double x = (east_m - west_m_) * per_cell_;
  const double y = (north_m - south_m_) * per_cell_;
  if (!(x >= -0.5 && x <= x_limit_ && y >= -0.5 && y <= y_limit_)) return 0.0;  // also NaN
  const double xc = std::clamp(x, 0.0, cols_ - 1.0);
  const double yc = std::clamp(y, 0.0, rows_ - 1.0);
  const auto col = static_cast<std::size_t>(xc);
  const auto row = static_cast<std::size_t>(yc);
  const double fx = xc - static_cast<double>(col);
  const double fy = yc - static_cast<double>(row);
  const float* p = heights_.data() + row * stride_ + col;
  const double h00 = p[0], h10 = p[1], h01 = p[stride_], h11 = p[stride_ + 1];
  return h00 + fx * (h10 - h00) + fy * (h01 - h00) + fx * fy * (h00 - h10 - h01 + h11);
}

/// The terrain mask of a fixed site (a radar, a launcher) to max_range_m, in az_bins azimuth bins
/// (default 0.1 degree) and range steps of half a cell; see the header comment.
class SiteMask {
 public:
  /// The site's altitude is raised to the terrain's surface if below it.
  SiteMask(std::shared_ptr<const Terrain> terrain, double site_east_m, double site_north_m, double site_alt_m,
           double max_range_m, int az_bins = 3600);

  /// True when a target at ground range ground_range_m, compass azimuth az_rad (from the site) and
  /// altitude target_alt_m is above the terrain mask (grazing counts as visible). False beyond
  /// max_range_m, where the mask is not known.
  bool visible(double ground_range_m, double az_rad, double target_alt_m) const;
  /// Elevation angle at the site (4/3-Earth bulge included: atan of the largest g) of the terrain
  /// mask at that range and azimuth; -pi/2 within one range step (no terrain between), +pi/2
  /// beyond max_range_m.
  double mask_angle_rad(double ground_range_m, double az_rad) const;
  /// Elevation angle at the site of a point at that ground range and altitude, on the same scale.
  double elevation_rad(double ground_range_m, double alt_m) const;

  double site_east_m() const { return site_east_m_; }
  double site_north_m() const { return site_north_m_; }
  double site_alt_m() const { return site_alt_m_; }
  double max_range_m() const { return max_range_m_; }
  double range_step_m() const { return step_m_; }
  int az_bins() const { return az_bins_; }
  int block_steps() const { return block_; }
  std::size_t memory_bytes() const { return blocks_.size() * sizeof(float) + 2 * sin_.size() * sizeof(double); }

 private:
  int bin(double az_rad) const;
  /// g of the terrain sample `step` ranges out along bin `b`'s centre.
  double sample(int b, int step) const;
  /// Largest g of the samples in (first_step, last_step] of bin b, or -inf.
  double march(int b, int first_step, int last_step, double stop_above) const;

  std::shared_ptr<const Terrain> terrain_;
  double site_east_m_;
  double site_north_m_;
  double site_alt_m_;
  double max_range_m_;
  double step_m_;
  int steps_;  ///< range steps in max_range_m (the last at or beyond it)
  int block_;  ///< range steps per stored block
  int per_bin_;  ///< stored values per bin: blocks + 1
  int az_bins_;
  double bins_per_rad_;
  std::vector<double> sin_, cos_;  ///< of each bin's centre azimuth
  std::vector<float> blocks_;  ///< [bin * per_bin_ + k]: M at k blocks' end (-inf for k = 0)
};

}  // namespace rampart::environment
