#include "scenario/loader.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "core/error.h"
#include "core/units.h"
#include "core/text_file.h"
#include "scenario/yaml_reader.h"

namespace rampart::scenario {

const char* to_string(ThreatKind kind) {
  switch (kind) {
    case ThreatKind::kStrikeAircraft: return "strike_aircraft";
    case ThreatKind::kCruiseMissile: return "cruise_missile";
    case ThreatKind::kDrone: return "drone";
    case ThreatKind::kHelicopter: return "helicopter";
    case ThreatKind::kGroundVehicle: return "ground_vehicle";
    case ThreatKind::kBallisticMissile: return "ballistic_missile";
    case ThreatKind::kAntiRadiationMissile: return "anti_radiation_missile";
  }
  return "?";
}

const char* to_string(WeaponsControl control) {
  switch (control) {
    case WeaponsControl::kFree: return "free";
    case WeaponsControl::kTight: return "tight";
    case WeaponsControl::kHold: return "hold";
  }
  return "?";
}

const char* to_string(AssignmentPolicyKind kind) {
  switch (kind) {
    case AssignmentPolicyKind::kMatching: return "matching";
    case AssignmentPolicyKind::kWtaHeuristic: return "wta_heuristic";
    case AssignmentPolicyKind::kWtaExact: return "wta_exact";
  }
  return "?";
}

const char* to_string(FriendlyKind kind) {
  switch (kind) {
    case FriendlyKind::kFighter: return "fighter";
    case FriendlyKind::kAirborneEarlyWarning: return "airborne_early_warning";
    case FriendlyKind::kTransport: return "transport";
    case FriendlyKind::kHelicopter: return "helicopter";
    case FriendlyKind::kGroundVehicle: return "ground_vehicle";
  }
  return "?";
}

const char* to_string(ScriptedEvent::Action action) {
  switch (action) {
    case ScriptedEvent::Action::kAddRaid: return "add_raid";
    case ScriptedEvent::Action::kSensorOut: return "sensor_out";
    case ScriptedEvent::Action::kSensorBack: return "sensor_back";
    case ScriptedEvent::Action::kFireUnitOut: return "fire_unit_out";
    case ScriptedEvent::Action::kFireUnitBack: return "fire_unit_back";
    case ScriptedEvent::Action::kLinkLost: return "link_lost";
    case ScriptedEvent::Action::kLinkRestored: return "link_restored";
    case ScriptedEvent::Action::kWeaponsControl: return "weapons_control";
    case ScriptedEvent::Action::kEmission: return "emission";
  }
  return "?";
}

const char* to_string(Emission emission) {
  switch (emission) {
    case Emission::kOn: return "on";
    case Emission::kOff: return "off";
    case Emission::kWeaponsReach: return "weapons_reach";
  }
  return "?";
}

Point2 station_of(const Mobility& mobility, const Point2& column, double column_heading_rad) {
  if (!mobility.in_column_axes)
    return {column.east_m + mobility.offset_x_m, column.north_m + mobility.offset_y_m};
  const double s = std::sin(column_heading_rad), c = std::cos(column_heading_rad);
  // along (sin h, cos h), right of the direction of travel (cos h, -sin h)
  return {column.east_m + mobility.offset_x_m * s + mobility.offset_y_m * c,
          column.north_m + mobility.offset_x_m * c - mobility.offset_y_m * s};
}

std::string describe(const ScriptedEvent& event) {
  switch (event.action) {
    case ScriptedEvent::Action::kAddRaid:
      return fmt::format("add_raid {} ({} x {})", event.raid.name, event.raid.count, to_string(event.raid.kind));
    case ScriptedEvent::Action::kWeaponsControl:
      return fmt::format("weapons_control {}", to_string(event.weapons_control));
    case ScriptedEvent::Action::kEmission:
      return fmt::format("emission {} {}", event.target, to_string(event.emission));
    default: return fmt::format("{} {}", to_string(event.action), event.target);
  }
}

namespace {

constexpr double kMaxAltitude_m = 40'000.0;
// Size limits, so that a hostile scenario gets a FILE:LINE:COL error instead of exhausting
// memory: the file itself (YAML nodes take many times the text), the items of any one list,
// and the threats of all raids together (each raid's count is at most 10,000).
constexpr std::size_t kMaxScenarioBytes = std::size_t{16} << 20;  // 16 MiB
constexpr std::size_t kMaxListItems = 10'000;
constexpr long kMaxThreats = 100'000;
constexpr double kMaxDistance_m = 2'000'000.0;

template <typename Enum>
std::vector<std::string> enum_names(const std::vector<Enum>& values) {
  std::vector<std::string> names;
  for (Enum v : values) names.emplace_back(to_string(v));
  return names;
}

template <typename Enum>
Enum enum_from(const std::string& name, const std::vector<Enum>& values) {
  for (Enum v : values)
    if (name == to_string(v)) return v;
  return values.front();
}

const std::vector<ThreatKind> kThreatKinds = {ThreatKind::kStrikeAircraft, ThreatKind::kCruiseMissile,
                                              ThreatKind::kDrone,          ThreatKind::kHelicopter,
                                              ThreatKind::kGroundVehicle,  ThreatKind::kBallisticMissile,
                                              ThreatKind::kAntiRadiationMissile};
const std::vector<WeaponsControl> kWeaponsControls = {WeaponsControl::kFree, WeaponsControl::kTight,
                                                      WeaponsControl::kHold};
const std::vector<AssignmentPolicyKind> kAssignmentPolicies = {
    AssignmentPolicyKind::kMatching, AssignmentPolicyKind::kWtaHeuristic, AssignmentPolicyKind::kWtaExact};
const std::vector<ScriptedEvent::Action> kScriptedActions = {
    ScriptedEvent::Action::kAddRaid,      ScriptedEvent::Action::kSensorOut,    ScriptedEvent::Action::kSensorBack,
    ScriptedEvent::Action::kFireUnitOut,  ScriptedEvent::Action::kFireUnitBack, ScriptedEvent::Action::kLinkLost,
    ScriptedEvent::Action::kLinkRestored, ScriptedEvent::Action::kWeaponsControl, ScriptedEvent::Action::kEmission};
const std::vector<environment::LandCover> kLandCovers = {
    environment::LandCover::kDesert, environment::LandCover::kFarmland, environment::LandCover::kWoods,
    environment::LandCover::kWoodedHills, environment::LandCover::kUrban, environment::LandCover::kMountains};
const std::vector<Emission> kEmissions = {Emission::kOn, Emission::kOff, Emission::kWeaponsReach};
const std::vector<FriendlyKind> kFriendlyKinds = {
    FriendlyKind::kFighter, FriendlyKind::kAirborneEarlyWarning, FriendlyKind::kTransport,
    FriendlyKind::kHelicopter, FriendlyKind::kGroundVehicle};

double default_damage_fraction(ThreatKind kind) {
  switch (kind) {
    case ThreatKind::kStrikeAircraft: return 0.3;
    case ThreatKind::kCruiseMissile: return 0.5;
    case ThreatKind::kDrone: return 0.1;
    case ThreatKind::kHelicopter: return 0.2;
    case ThreatKind::kGroundVehicle: return 0.2;
    case ThreatKind::kBallisticMissile: return 0.5;
    case ThreatKind::kAntiRadiationMissile: return 0.0;  // it destroys its radar, not an asset's value
  }
  return 0.0;
}

/// How a platform moves, for the manoeuvre limits and the keys it may use.
enum class Motion { kFixedWing, kRotaryWing, kGround, kBallistic };

Motion motion_of(ThreatKind kind) {
  switch (kind) {
    case ThreatKind::kHelicopter: return Motion::kRotaryWing;
    case ThreatKind::kGroundVehicle: return Motion::kGround;
    case ThreatKind::kBallisticMissile: return Motion::kBallistic;
    default: return Motion::kFixedWing;
  }
}

Motion motion_of(FriendlyKind kind) {
  switch (kind) {
    case FriendlyKind::kHelicopter: return Motion::kRotaryWing;
    case FriendlyKind::kGroundVehicle: return Motion::kGround;
    default: return Motion::kFixedWing;
  }
}

/// Notional manoeuvre limits by kind, used where the file gives none: bank angles of agile jets
/// (65-70 deg), of large aircraft and helicopters (25-30 deg), a cruise missile's 5 g, a tracked
/// vehicle's 0.25 g on the road.
struct ManoeuvreDefaults {
  double max_bank_deg;
  double max_climb_mps;
  double max_accel_mps2;
};

ManoeuvreDefaults default_manoeuvre(ThreatKind kind) {
  switch (kind) {
    case ThreatKind::kStrikeAircraft: return {65.0, 100.0, 5.0};
    case ThreatKind::kCruiseMissile: return {rad_to_deg(std::atan(std::sqrt(5.0 * 5.0 - 1.0))), 30.0, 3.0};  // 5 g
    case ThreatKind::kDrone: return {30.0, 5.0, 2.0};
    case ThreatKind::kHelicopter: return {30.0, 8.0, 3.0};
    case ThreatKind::kGroundVehicle: return {rad_to_deg(std::atan(0.25)), 0.0, 1.5};
    case ThreatKind::kBallisticMissile: return {0.0, 0.0, 0.0};
    case ThreatKind::kAntiRadiationMissile: return default_manoeuvre(ThreatKind::kCruiseMissile);  // homes by its own law
  }
  return {};
}

ManoeuvreDefaults default_manoeuvre(FriendlyKind kind) {
  switch (kind) {
    case FriendlyKind::kFighter: return {70.0, 150.0, 8.0};
    case FriendlyKind::kAirborneEarlyWarning: return {25.0, 10.0, 1.5};
    case FriendlyKind::kTransport: return {25.0, 10.0, 1.5};
    case FriendlyKind::kHelicopter: return default_manoeuvre(ThreatKind::kHelicopter);
    case FriendlyKind::kGroundVehicle: return default_manoeuvre(ThreatKind::kGroundVehicle);
  }
  return {};
}

/// A ground vehicle's antenna or turret height above the ground, when the file gives none.
constexpr double kDefaultVehicleHeight_m = 3.0;
/// The fastest a ground vehicle may drive (a wheeled one on a road).
constexpr double kMaxGroundSpeed_mps = 40.0;

/// Reads the scenario tree; one instance per parse so the origin frame is at hand everywhere.
class ScenarioReader {
 public:
  explicit ScenarioReader(Diagnostics& d) : d_(d), frame_(Geodetic{}) {}

  Scenario read(const YAML::Node& root) {
    Scenario s;
    MapReader top(root, "the scenario", d_);
    if (!top.is_map()) return s;
    s.name = top.text("name").value_or("");
    s.random_seed = static_cast<std::uint64_t>(
        top.integer("random_seed", 0, std::numeric_limits<long long>::max()).value_or(0));
    s.duration_s = top.number("duration_s", Range{0.0, 7.0 * 86400.0, true, false}).value_or(1.0);
    s.time_step_s = top.number_or("time_step_s", 0.1, Range{0.001, 10.0});
    read_origin(top, s);
    // Read before what refers to them: emitters (raids and friendlies carry them), the terrain
    // (where mobile units stand), friendlies (assets follow them, units move with them).
    for (const auto& n : capped_list(top, "emitters", false)) s.emitters.push_back(read_emitter(n));
    if (top.has("environment")) s.environment = read_environment(top.node("environment"));
    else top.allow("environment");
    for (const auto& n : capped_list(top, "friendlies", false)) s.friendlies.push_back(read_friendly(n));
    for (const auto& n : capped_list(top, "assets", true)) s.assets.push_back(read_asset(n, s));
    for (const auto& n : capped_list(top, "sensors", true)) {
      if (n.IsMap() && n["name"] && n["name"].IsScalar()) sensor_names_.push_back(n["name"].Scalar());
      if (n.IsMap() && n["type"] && n["type"].IsScalar() && n["type"].Scalar() == "esm") {
        s.esm_sensors.push_back(read_esm(n));
      } else if (n.IsMap() && n["type"] && n["type"].IsScalar() && n["type"].Scalar() == "irst") {
        s.irst_sensors.push_back(read_irst(n));
      } else {
        s.radars.push_back(read_radar(n, s));
      }
    }
    const auto weapon_nodes = capped_list(top, "weapon_types", true);
    for (const auto& n : weapon_nodes) s.weapon_types.push_back(read_weapon_type(n));
    for (const auto& n : capped_list(top, "fire_units", true)) s.fire_units.push_back(read_fire_unit(n, s));
    for (const auto& n : capped_list(top, "threats", true)) s.raids.push_back(read_raid(n, s));
    for (const auto& n : capped_list(top, "fighters", false)) s.squadrons.push_back(read_squadron(n, s));
    if (top.has("tracker")) s.tracker = read_tracker(top.node("tracker"));
    else top.allow("tracker");
    if (top.has("c2")) s.c2 = read_c2(top.node("c2"), s.duration_s);
    else top.allow("c2");
    for (const auto& n : capped_list(top, "events", false)) s.events.push_back(read_event(n, s));
    std::stable_sort(s.events.begin(), s.events.end(),
                     [](const ScriptedEvent& a, const ScriptedEvent& b) { return a.at_s < b.at_s; });
    top.check_unknown_keys();
    check_unique_names();
    return s;
  }

  /// One event of `s`'s `events:` list, read in the scenario's frame and names.
  ScriptedEvent read_one_event(const YAML::Node& n, const Scenario& s) {
    frame_ = LocalFrame(s.origin);
    for (const auto& r : s.radars) sensor_names_.push_back(r.name);
    for (const auto& e : s.esm_sensors) sensor_names_.push_back(e.name);
    for (const auto& i : s.irst_sensors) sensor_names_.push_back(i.name);
    for (const auto& e : s.emitters) emitter_names_.push_back(e.name);
    return read_event(n, s);
  }

 private:
  // A list of at most kMaxListItems items; a longer one is reported at the list and not read.
  std::vector<YAML::Node> capped_list(MapReader& m, const std::string& key, bool required) {
    std::vector<YAML::Node> items = m.list(key, required);
    if (items.size() > kMaxListItems) {
      const YAML::Mark mark = m.node(key).Mark();
      d_.error(mark.line, mark.column,
               fmt::format("'{}' in {} has {} items, more than the {} a scenario may have in one list; "
                           "shorten it", key, m.what(), items.size(), kMaxListItems));
      items.clear();
    }
    return items;
  }

  void read_origin(MapReader& top, Scenario& s) {
    const YAML::Node n = top.node("origin");
    if (!n.IsDefined()) {
      top.missing("origin");
      return;
    }
    MapReader m(n, "origin", d_);
    if (!m.is_map()) return;
    s.origin.lat_deg = m.number("lat_deg", Range::between(-90.0, 90.0)).value_or(0.0);
    s.origin.lon_deg = m.number("lon_deg", Range::between(-180.0, 180.0)).value_or(0.0);
    s.origin.alt_m = m.number("alt_m", Range::between(-500.0, 9000.0)).value_or(0.0);
    m.check_unknown_keys();
    frame_ = LocalFrame(s.origin);
  }

  /// A horizontal position: lat_deg/lon_deg or east_m/north_m (from the origin), not both.
  /// With `site_alt_m` non-null, an optional alt_m (ground height above the ellipsoid) is read too.
  Point2 read_point(const YAML::Node& n, const std::string& what, double* site_alt_m = nullptr) {
    MapReader m(n, what, d_);
    if (!m.is_map()) return {};
    const Point2 p = read_point_keys(m, what, site_alt_m);
    m.check_unknown_keys();
    return p;
  }

  /// The position keys of the point m reads (its other keys are the caller's to read and check).
  Point2 read_point_keys(MapReader& m, const std::string& what, double* site_alt_m = nullptr) {
    Point2 p;
    const bool geodetic = m.has("lat_deg") || m.has("lon_deg");
    const bool local = m.has("east_m") || m.has("north_m");
    if (geodetic && local) {
      m.error_here(fmt::format("{} gives both lat_deg/lon_deg and east_m/north_m; give one pair",
                               what));
    }
    if (site_alt_m) *site_alt_m = m.number_or("alt_m", 0.0, Range::between(-500.0, 9000.0));
    if (geodetic) {
      const auto lat = m.number("lat_deg", Range::between(-90.0, 90.0));
      const auto lon = m.number("lon_deg", Range::between(-180.0, 180.0));
      m.allow("east_m");
      m.allow("north_m");
      if (lat && lon) {
        const Eigen::Vector3d enu = frame_.to_enu(Geodetic{*lat, *lon, frame_.origin().alt_m});
        p = {enu.x(), enu.y()};
        if (enu.head<2>().norm() > kMaxDistance_m)
          m.error_here(fmt::format("{} is {:.0f} km from the origin; at most {:.0f} km is supported",
                                   what, enu.head<2>().norm() / 1000.0, kMaxDistance_m / 1000.0));
      }
    } else if (local) {
      const Range r = Range::between(-kMaxDistance_m, kMaxDistance_m);
      p.east_m = m.number("east_m", r).value_or(0.0);
      p.north_m = m.number("north_m", r).value_or(0.0);
    } else {
      m.error_here(fmt::format("{} needs lat_deg and lon_deg, or east_m and north_m", what));
      m.allow("lat_deg");
      m.allow("lon_deg");
      m.allow("east_m");
      m.allow("north_m");
    }
    return p;
  }

  /// The required `position` of the item m reads (with its site height when `site_alt_m` is given).
  Point2 read_position(MapReader& m, double* site_alt_m = nullptr) {
    const YAML::Node pos = m.node("position");
    if (pos.IsDefined()) return read_point(pos, "the position of " + m.what(), site_alt_m);
    m.missing("position");
    return {};
  }

  std::vector<Point2> read_route(MapReader& m) {
    std::vector<Point2> route;
    const auto points = capped_list(m, "route", true);
    for (std::size_t i = 0; i < points.size(); ++i)
      route.push_back(read_point(points[i], fmt::format("waypoint {} of {}", i + 1, m.what())));
    if (points.size() == 1) m.error_at("route", fmt::format("the route of {} needs at least two waypoints", m.what()));
    return route;
  }

  /// A raid's or friendly's route: points with their options (scenario.h Waypoint), each checked
  /// against what the platform can do.
  /// A route of at least `min_points` waypoints (an ARM's may be its launch point alone).
  std::vector<Waypoint> read_waypoints(MapReader& owner, Motion motion, std::size_t min_points = 2) {
    std::vector<Waypoint> route;
    const auto points = capped_list(owner, "route", true);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const std::string what = fmt::format("waypoint {} of {}", i + 1, owner.what());
      MapReader m(points[i], what, d_);
      if (!m.is_map()) continue;
      const Point2 p = read_point_keys(m, what);
      Waypoint w{.east_m = p.east_m, .north_m = p.north_m};
      if (m.has("altitude_m")) {
        if (motion == Motion::kGround || motion == Motion::kBallistic)
          m.error_at("altitude_m", fmt::format("{} takes no altitude_m: a {}; remove it", what,
                                               motion == Motion::kGround
                                                   ? "ground vehicle drives on the terrain"
                                                   : "ballistic missile goes where its boost and gravity put it"));
        w.altitude_m = m.number("altitude_m", Range::between(0.0, kMaxAltitude_m));
      }
      if (m.has("speed_mps")) w.speed_mps = m.number("speed_mps", Range{0.5, 3000.0});
      if (m.has("hold_s")) {
        if (motion == Motion::kFixedWing || motion == Motion::kBallistic)
          m.error_at("hold_s", fmt::format("{}: only helicopters and ground vehicles can hold (hover or halt) at a "
                                           "waypoint; remove hold_s, or fly a loop with repeat_route", what));
        w.hold_s = m.number_or("hold_s", 0.0, Range::between(0.0, 86'400.0));
      }
      if (m.has("pop_up")) {
        if (motion != Motion::kRotaryWing)
          m.error_at("pop_up", fmt::format("{}: only helicopters pop up from behind terrain; remove pop_up", what));
        MapReader pm(m.node("pop_up"), "the pop_up of " + what, d_);
        if (pm.is_map()) {
          w.pop_up = PopUp{.height_m = pm.number("height_m", Range{1.0, 5000.0}).value_or(1.0),
                           .exposure_s = pm.number("exposure_s", Range{0.0, 3600.0, true, false}).value_or(1.0)};
          pm.check_unknown_keys();
        }
      }
      m.check_unknown_keys();
      route.push_back(w);
    }
    if (!points.empty() && points.size() < min_points)
      owner.error_at("route", fmt::format("the route of {} needs at least two waypoints", owner.what()));
    if (motion == Motion::kBallistic && points.size() > 2)
      owner.error_at("route", fmt::format("the route of {} has {} points; a ballistic missile's has two, its launch "
                                          "point and its aim point", owner.what(), points.size()));
    return route;
  }

  /// The manoeuvre limits of a raid or friendly: its keys, else its kind's defaults.
  Manoeuvre read_manoeuvre(MapReader& m, Motion motion, const ManoeuvreDefaults& defaults) {
    Manoeuvre out;
    const bool ground = motion == Motion::kGround;
    for (const char* key : {"max_bank_deg", "max_load_factor", "max_climb_mps", "terrain_following"}) {
      if ((ground || motion == Motion::kBallistic) && m.has(key)) {
        m.error_at(key, fmt::format("'{}' in {} does not apply to a {}; remove it", key, m.what(),
                                    ground ? "ground vehicle (it drives on the terrain, turning at most at 0.25 g)"
                                           : "ballistic missile (its boost and gravity set its path)"));
        m.allow(key);
      }
    }
    if (motion == Motion::kBallistic) return out;
    double bank_deg = defaults.max_bank_deg;
    if (m.has("max_bank_deg") && m.has("max_load_factor"))
      m.error_at("max_load_factor", fmt::format("{} gives both max_bank_deg and max_load_factor; give one (a level "
                                                "turn at load factor n banks acos(1/n))", m.what()));
    if (!ground && m.has("max_bank_deg")) bank_deg = m.number("max_bank_deg", Range{0.0, 85.0, true, false}).value_or(30.0);
    if (!ground && m.has("max_load_factor"))
      bank_deg = rad_to_deg(std::acos(1.0 / m.number("max_load_factor", Range{1.0, 60.0, true, false}).value_or(2.0)));
    out.max_lateral_accel_mps2 = kStandardGravity_mps2 * std::tan(deg_to_rad(bank_deg));
    if (!ground) out.max_climb_mps = m.number_or("max_climb_mps", defaults.max_climb_mps, Range{0.0, 500.0, true, false});
    out.max_accel_mps2 = m.number_or("max_accel_mps2", defaults.max_accel_mps2, Range{0.0, 200.0, true, false});
    if (!ground && m.has("terrain_following")) {
      MapReader t(m.node("terrain_following"), "the terrain_following of " + m.what(), d_);
      if (t.is_map()) {
        out.clearance_m = t.number("clearance_m", Range{1.0, 5000.0}).value_or(100.0);
        t.check_unknown_keys();
      }
    }
    return out;
  }

  /// The altitude_m (height above the ground for a ground vehicle; none for a ballistic missile)
  /// and speed_mps of a raid or friendly.
  std::pair<double, double> read_altitude_and_speed(MapReader& m, Motion motion) {
    if (motion == Motion::kBallistic) {
      for (const char* key : {"altitude_m", "speed_mps"})
        if (m.has(key))
          m.error_at(key, fmt::format("'{}' in {} does not apply to a ballistic missile (its boost sets its speed "
                                      "and apogee); remove it, and give `ballistic: {{burn_time_s, burnout_pitch_deg}}`",
                                      key, m.what()));
      m.allow("altitude_m");
      m.allow("speed_mps");
      return {0.0, 0.0};
    }
    if (motion == Motion::kGround)
      return {m.number_or("altitude_m", kDefaultVehicleHeight_m, Range::between(0.0, 50.0)),
              m.number("speed_mps", Range{0.5, kMaxGroundSpeed_mps}).value_or(1.0)};
    return {m.number("altitude_m", Range::between(1.0, kMaxAltitude_m)).value_or(1.0),
            m.number("speed_mps", Range{1.0, 3000.0}).value_or(1.0)};
  }

  BallisticSpec read_ballistic(MapReader& owner) {
    BallisticSpec b;
    if (!owner.has("ballistic")) {
      owner.allow("ballistic");
      return b;
    }
    MapReader m(owner.node("ballistic"), "the ballistic flight of " + owner.what(), d_);
    if (!m.is_map()) return b;
    b.burn_time_s = m.number_or("burn_time_s", b.burn_time_s, Range{1.0, 600.0});
    b.burnout_pitch_deg = m.number_or("burnout_pitch_deg", b.burnout_pitch_deg, Range{10.0, 80.0});
    b.ballistic_coefficient_kgpm2 =
        m.number_or("ballistic_coefficient_kgpm2", b.ballistic_coefficient_kgpm2, Range{100.0, 1e6});
    m.check_unknown_keys();
    return b;
  }

  /// Reads the item's name and remembers where it stands, for the uniqueness check.
  std::string read_name(MapReader& m) {
    const std::string name = m.text("name").value_or("");
    if (!name.empty()) names_.push_back({name, m.node("name").Mark()});
    return name;
  }

  std::string item_name(const YAML::Node& n, const char* kind, std::size_t index) {
    if (n.IsMap() && n["name"] && n["name"].IsScalar()) return fmt::format("{} '{}'", kind, n["name"].Scalar());
    return fmt::format("{} #{}", kind, index);
  }

  Asset read_asset(const YAML::Node& n, const Scenario& s) {
    MapReader m(n, item_name(n, "asset", ++asset_count_), d_);
    Asset a;
    if (!m.is_map()) return a;
    a.name = read_name(m);
    a.kind = m.choice("kind", {"city", "airbase", "port", "radar_site", "point"}, false).value_or("point");
    if (m.has("follows")) {
      a.follows = column_reference(m, "follows", s);
      refuse_position(m, "follows");
      if (a.follows) a.position = column_start(s.friendlies[*a.follows]);
    } else {
      a.position = read_position(m);
    }
    a.radius_m = m.number("radius_m", Range{0.0, 100'000.0, true, false}).value_or(1.0);
    a.value = m.number("value", Range::positive()).value_or(1.0);
    a.priority = m.integer_or("priority", 2, 1, 3);
    m.check_unknown_keys();
    return a;
  }

  ReferenceDetection read_reference_detection(MapReader& radar) {
    MapReader m(radar.node("reference_detection"), "the reference detection of " + radar.what(), d_);
    ReferenceDetection ref;
    if (!m.is_map()) return ref;
    ref.range_m = m.number("range_m", Range{1000.0, 1'000'000.0}).value_or(1e5);
    ref.rcs_m2 = m.number_or("rcs_m2", 1.0, Range{1e-5, 1e5});
    ref.pd = m.number_or("pd", 0.9, Range{0.1, 0.99});
    m.check_unknown_keys();
    return ref;
  }

  Radar read_radar(const YAML::Node& n, const Scenario& s) {
    MapReader m(n, item_name(n, "sensor", ++sensor_count_), d_);
    Radar r;
    if (!m.is_map()) return r;
    r.name = read_name(m);
    const bool fire_control = m.choice("type", {"surveillance_radar", "fire_control_radar", "esm"}) == "fire_control_radar";
    r.mobility = read_site(m, s, false,
                           fire_control ? "a fire-control radar, which stands on a fixed site; remove moves_with (a "
                                          "mobile unit guides from its own antenna: its antenna_height_m)"
                                        : nullptr,
                           r.position, r.site_alt_m);
    r.antenna_height_m = m.number_or("antenna_height_m", 10.0, Range::between(0.0, 1000.0));
    r.scan_period_s = m.number("scan_period_s", Range{0.1, 120.0}).value_or(1.0);
    if (m.has("reference_detection")) {
      r.reference = read_reference_detection(m);
      m.allow("peak_power_w");
      if (m.has("peak_power_w"))
        m.error_at("peak_power_w", fmt::format("{} gives both peak_power_w and reference_detection; give one of them "
                                               "(the radar derives its peak power from the reference)",
                                               m.what()));
    } else {
      m.allow("reference_detection");
      r.peak_power_w = m.number("peak_power_w", Range{0.0, 1e9, true, false}).value_or(1.0);
    }
    r.antenna_gain_db = m.number("antenna_gain_db", Range::between(0.0, 60.0)).value_or(0.0);
    r.frequency_hz = m.number("frequency_hz", Range::between(1e8, 1e11)).value_or(1e9);
    r.pulse_width_s = m.number("pulse_width_s", Range::between(1e-8, 1e-3)).value_or(1e-6);
    r.noise_figure_db = m.number_or("noise_figure_db", 3.0, Range::between(0.0, 20.0));
    r.losses_db = m.number_or("losses_db", 0.0, Range::between(0.0, 40.0));
    r.pulses_integrated = m.integer_or("pulses_integrated", 1, 1, 10000);
    if (m.has("prf_hz")) r.prf_hz = m.number("prf_hz", Range::between(10.0, 1e6));
    r.coherent_integration = m.choice("integration", {"coherent", "noncoherent"}, false).value_or("coherent") == "coherent";
    r.swerling_case = m.integer_or("swerling_case", 1, 0, 4);
    if (r.coherent_integration && r.swerling_case % 2 == 0 && r.swerling_case != 0 && r.pulses_integrated > 1)
      m.error_at("swerling_case",
                 fmt::format("{}: a Swerling {} target decorrelates from pulse to pulse, so its {} pulses cannot be "
                             "integrated coherently; set `integration: noncoherent` or a case 0, 1 or 3",
                             m.what(), r.swerling_case, r.pulses_integrated));
    r.false_alarm_probability = m.number_or("false_alarm_probability", 1e-6, Range{0.0, 1e-2, true, false});
    r.beamwidth_az_deg = m.number("beamwidth_az_deg", Range{0.1, 30.0}).value_or(1.0);
    r.min_range_m = m.number_or("min_range_m", 500.0, Range::non_negative());
    r.max_range_m = m.number("max_range_m", Range{1000.0, 1'000'000.0}).value_or(1e5);
    if (fire_control) {
      r.fire_control = read_fire_control(m);
      r.max_elevation_deg = r.fire_control->sector.max_elevation_deg;
    } else {
      r.max_elevation_deg = m.number_or("max_elevation_deg", 60.0, Range{1.0, 90.0});
    }
    r.range_sigma_m = m.number("range_sigma_m", Range{0.0, 10'000.0, true, false}).value_or(1.0);
    r.az_sigma_deg = m.number("az_sigma_deg", Range{0.0, 10.0, true, false}).value_or(0.1);
    r.el_sigma_deg = m.number("el_sigma_deg", Range{0.0, 10.0, true, false}, false);
    // A fire-control radar carries no IFF interrogator: its keys are unknown there.
    r.iff_interrogator = !fire_control && m.boolean_or("iff_interrogator", true);
    if (!fire_control) {
      r.iff_reply_probability = m.number_or("iff_reply_probability", 0.98, Range::probability());
      r.iff_range_resolution_m = m.number_or("iff_range_resolution_m", r.iff_range_resolution_m, Range{1.0, 10'000.0});
      r.iff_azimuth_resolution_deg =
          m.number_or("iff_azimuth_resolution_deg", r.beamwidth_az_deg, Range{0.1, 30.0});
      r.iff_altitude_tolerance_m =
          m.number_or("iff_altitude_tolerance_m", r.iff_altitude_tolerance_m, Range{0.0, 5'000.0});
    }
    read_antenna(m, r);
    r.polarization = m.choice("polarization", {"horizontal", "vertical"}, false).value_or("horizontal") == "vertical"
                         ? environment::Polarization::kVertical
                         : environment::Polarization::kHorizontal;
    if (m.has("mti")) r.mti = read_mti(m.node("mti"), r, m.what());
    else m.allow("mti");
    if (m.has("radial_speed_sigma_mps"))
      r.radial_speed_sigma_mps = m.number("radial_speed_sigma_mps", Range{0.0, 100.0, true, false});
    r.bias_range_m = m.number_or("bias_range_m", 0.0, Range::between(-10'000.0, 10'000.0));
    r.bias_az_deg = m.number_or("bias_az_deg", 0.0, Range::between(-10.0, 10.0));
    r.bias_el_deg = m.number_or("bias_el_deg", 0.0, Range::between(-10.0, 10.0));
    r.emission = read_emission(m, r.emission);
    // The reach may be given with any emission, for a scripted event to switch to weapons_reach.
    if (r.emission == Emission::kWeaponsReach || m.has("emission_reach_m"))
      r.emission_reach_m = m.number("emission_reach_m", Range{1000.0, kMaxDistance_m}).value_or(1e5);
    r.emission_hold_s = m.number_or("emission_hold_s", r.emission_hold_s, Range::between(0.0, 3600.0));
    if (m.has("arm_warning")) r.arm_warning = read_arm_warning(m.node("arm_warning"), m.what());
    else m.allow("arm_warning");
    if (r.min_range_m >= r.max_range_m)
      m.error_at("min_range_m", fmt::format("'min_range_m' in {} must be less than max_range_m", m.what()));
    else
      check_waveform(m, r);
    m.check_unknown_keys();
    return r;
  }

  /// A fire-control radar's `sector:` and `channels:`. The sector must hold a sensible volume: a
  /// width from 1 to 360 deg and an elevation band of at least 1 deg between -10 and 90 deg.
  FireControl read_fire_control(MapReader& radar) {
    FireControl fc;
    fc.channels = static_cast<int>(radar.integer("channels", 1, 64).value_or(1));
    const YAML::Node n = radar.node("sector");
    if (!n.IsDefined()) {
      radar.missing("sector");
      return fc;
    }
    MapReader m(n, "the sector of " + radar.what(), d_);
    if (!m.is_map()) return fc;
    Sector& sector = fc.sector;
    sector.boresight_az_deg = m.number("boresight_az_deg", Range{0.0, 360.0, false, true}).value_or(0.0);
    sector.width_az_deg = m.number("width_az_deg", Range{1.0, 360.0}).value_or(90.0);
    sector.min_elevation_deg = m.number_or("min_elevation_deg", -2.0, Range::between(-10.0, 89.0));
    sector.max_elevation_deg = m.number_or("max_elevation_deg", 70.0, Range::between(-9.0, 90.0));
    if (sector.max_elevation_deg < sector.min_elevation_deg + 1.0)
      m.error_at("max_elevation_deg",
                 fmt::format("the sector of {} spans {:g} to {:g} deg in elevation, which holds no target; make "
                             "max_elevation_deg at least 1 deg above min_elevation_deg",
                             radar.what(), sector.min_elevation_deg, sector.max_elevation_deg));
    m.check_unknown_keys();
    return fc;
  }

  /// A pulse radar's waveform must fit what it claims. The receiver is blanked while it transmits,
  /// so it sees nothing nearer than c tau / 2 (the minimum range), nor within c tau / 2 before the
  /// next pulse leaves; an echo from beyond c / (2 PRF) arrives after the next pulse and is
  /// ambiguous. So max_range_m + c tau / 2 <= c / (2 PRF). The pulses integrated must fit in the
  /// time the beam dwells on a target, scan_period_s * beamwidth_az_deg / 360 (a fire-control radar:
  /// / its sector's width_az_deg): N <= PRF * dwell.
  void check_waveform(MapReader& m, const Radar& r) {
    for (const char* key : {"scan_period_s", "beamwidth_az_deg", "max_range_m", "pulse_width_s"})
      if (!m.has(key)) return;  // reported missing already
    const double blanked_m = kSpeedOfLight_mps * r.pulse_width_s / 2.0;
    if (r.min_range_m < blanked_m)
      m.error_at("min_range_m", fmt::format("{}: min_range_m {:.0f} m is inside the {:.0f} m the receiver is blanked "
                                            "while a {:.2g} s pulse is sent (c tau / 2); raise min_range_m to {:.0f} m",
                                            m.what(), r.min_range_m, blanked_m, r.pulse_width_s, std::ceil(blanked_m)));
    const double highest_prf_hz = kSpeedOfLight_mps / (2.0 * (r.max_range_m + blanked_m));
    // A rotating beam sweeps 360 deg a scan, a fire-control radar's its sector a revisit.
    const double dwell_s = r.scan_period_s * r.beamwidth_az_deg / (r.fire_control ? r.fire_control->sector.width_az_deg : 360.0);
    if (r.prf_hz) {
      const double unambiguous_m = kSpeedOfLight_mps / (2.0 * *r.prf_hz);
      if (r.max_range_m + blanked_m > unambiguous_m)
        m.error_at("prf_hz", fmt::format("{}: at prf_hz {:.0f} an echo from beyond {:.1f} km arrives after the next "
                                         "pulse (c / 2 PRF, less the {:.0f} m blanked by that pulse), but max_range_m is "
                                         "{:.1f} km; lower prf_hz to {:.0f} or max_range_m",
                                         m.what(), *r.prf_hz, (unambiguous_m - blanked_m) / 1000.0, blanked_m,
                                         r.max_range_m / 1000.0, std::floor(highest_prf_hz)));
      const double duty = *r.prf_hz * r.pulse_width_s;
      if (duty > 0.3)
        m.error_at("prf_hz", fmt::format("{}: a duty cycle of {:.0f}% (prf_hz x pulse_width_s) leaves the receiver "
                                         "blanked most of the time; a pulse radar stays under 30%",
                                         m.what(), 100.0 * duty));
    }
    const double prf_hz = r.prf_hz.value_or(highest_prf_hz);
    const int fitting = static_cast<int>(std::floor(prf_hz * dwell_s + 1e-9));
    if (r.pulses_integrated > fitting)
      m.error_at("pulses_integrated",
                 fmt::format("{}: {} pulses need {:.1f} ms at {} {:.0f} Hz, but the beam dwells {:.1f} ms on a target "
                             "(scan_period_s x beamwidth_az_deg / 360); at most {} pulses fit, or scan slower, widen the "
                             "beam{}",
                             m.what(), r.pulses_integrated, 1000.0 * r.pulses_integrated / prf_hz,
                             r.prf_hz ? "prf_hz" : "the highest PRF unambiguous to max_range_m,", prf_hz,
                             1000.0 * dwell_s, fitting, r.prf_hz ? " or raise prf_hz" : " or lower max_range_m"));
  }

  Irst read_irst(const YAML::Node& n) {
    MapReader m(n, item_name(n, "sensor", ++sensor_count_), d_);
    Irst r;
    if (!m.is_map()) return r;
    r.name = read_name(m);
    m.allow("type");
    r.position = read_position(m, &r.site_alt_m);
    r.mast_height_m = m.number_or("mast_height_m", r.mast_height_m, Range::between(0.0, 1000.0));
    r.max_range_m = m.number("max_range_m", Range{1000.0, 500'000.0}).value_or(1e5);
    r.frame_period_s = m.number_or("frame_period_s", r.frame_period_s, Range{0.1, 60.0});
    r.detection_probability =
        m.number_or("detection_probability", r.detection_probability, Range{0.0, 1.0, true, false});
    r.bearing_sigma_deg = m.number_or("bearing_sigma_deg", r.bearing_sigma_deg, Range{0.0, 10.0, true, false});
    r.elevation_sigma_deg = m.number_or("elevation_sigma_deg", r.elevation_sigma_deg, Range{0.0, 10.0, true, false});
    m.check_unknown_keys();
    return r;
  }

  /// The scenario's `environment:`: surface, propagation, clutter, and terrain (a grid file in
  /// the ESRI ASCII format, relative to the scenario's folder, and/or synthetic hills and ridges).
  Environment read_environment(const YAML::Node& n) {
    MapReader m(n, "environment", d_);
    Environment env;
    if (!m.is_map()) return env;
    env.sea_state = m.number_or("sea_state", env.sea_state, Range::between(0.0, 7.0));
    const auto cover = m.choice("land_cover", enum_names(kLandCovers), false);
    if (cover) env.land_cover = enum_from(*cover, kLandCovers);
    env.multipath = m.boolean_or("multipath", env.multipath);
    env.clutter = m.boolean_or("clutter", env.clutter);
    if (m.has("terrain")) env.terrain = read_terrain(m.node("terrain"));
    else m.allow("terrain");
    m.check_unknown_keys();
    return env;
  }

  std::shared_ptr<const environment::Terrain> read_terrain(const YAML::Node& n) {
    MapReader m(n, "terrain", d_);
    if (!m.is_map()) return nullptr;
    std::optional<environment::Terrain> terrain;
    if (m.has("file")) {
      const std::string file = m.text("file").value_or("");
      std::filesystem::path path(file);
      if (path.is_relative()) path = (std::filesystem::path(d_.file()).parent_path() / path).lexically_normal();
      try {
        terrain = environment::Terrain::read_esri_ascii(path.string());
      } catch (const InputError& e) {
        m.error_at("file", fmt::format("terrain: {}", e.what()));
      }
    } else {
      m.allow("file");
    }
    environment::SyntheticTerrain synthetic;
    synthetic.cell_m = m.number_or("cell_m", synthetic.cell_m, Range{10.0, 10'000.0});
    synthetic.base_height_m = m.number_or("base_height_m", 0.0, Range::between(-500.0, 9000.0));
    for (const auto& h : capped_list(m, "hills", false)) {
      MapReader hm(h, fmt::format("hill #{} of the terrain", synthetic.hills.size() + 1), d_);
      if (!hm.is_map()) continue;
      const YAML::Node at = hm.node("center");
      Point2 c;
      if (at.IsDefined()) c = read_point(at, "the center of " + hm.what());
      else hm.missing("center");
      synthetic.hills.push_back({c.east_m, c.north_m, hm.number("height_m", Range::between(-500.0, 9000.0)).value_or(0.0),
                                 hm.number("radius_m", Range{10.0, 200'000.0}).value_or(1000.0)});
      hm.check_unknown_keys();
    }
    for (const auto& r : capped_list(m, "ridges", false)) {
      MapReader rm(r, fmt::format("ridge #{} of the terrain", synthetic.ridges.size() + 1), d_);
      if (!rm.is_map()) continue;
      Point2 a, b;
      if (rm.has("from")) a = read_point(rm.node("from"), "the start of " + rm.what());
      else rm.missing("from");
      if (rm.has("to")) b = read_point(rm.node("to"), "the end of " + rm.what());
      else rm.missing("to");
      synthetic.ridges.push_back({a.east_m, a.north_m, b.east_m, b.north_m,
                                  rm.number("height_m", Range::between(-500.0, 9000.0)).value_or(0.0),
                                  rm.number("half_width_m", Range{10.0, 100'000.0}).value_or(1000.0)});
      rm.check_unknown_keys();
    }
    const bool features = !synthetic.hills.empty() || !synthetic.ridges.empty();
    if (m.has("extent")) {
      MapReader e(m.node("extent"), "the extent of the terrain", d_);
      synthetic.west_m = e.number("west_m", Range::between(-kMaxDistance_m, kMaxDistance_m)).value_or(0.0);
      synthetic.south_m = e.number("south_m", Range::between(-kMaxDistance_m, kMaxDistance_m)).value_or(0.0);
      synthetic.east_m = e.number("east_m", Range::between(-kMaxDistance_m, kMaxDistance_m)).value_or(1.0);
      synthetic.north_m = e.number("north_m", Range::between(-kMaxDistance_m, kMaxDistance_m)).value_or(1.0);
      e.check_unknown_keys();
      if (synthetic.east_m <= synthetic.west_m || synthetic.north_m <= synthetic.south_m)
        m.error_at("extent", fmt::format("the extent of the terrain must have east_m > west_m and north_m > south_m "
                                         "(got west_m {:g}, east_m {:g}, south_m {:g}, north_m {:g})",
                                         synthetic.west_m, synthetic.east_m, synthetic.south_m, synthetic.north_m));
      else if ((synthetic.east_m - synthetic.west_m) / synthetic.cell_m >= environment::kMaxTerrainCells ||
               (synthetic.north_m - synthetic.south_m) / synthetic.cell_m >= environment::kMaxTerrainCells)
        m.error_at("extent", fmt::format("the terrain's extent at cell_m {:.0f} needs more than {} cells a side; "
                                         "raise cell_m or shrink the extent",
                                         synthetic.cell_m, environment::kMaxTerrainCells));
    } else if (features && !terrain && !m.has("file")) {
      m.error_here("terrain has hills or ridges but no grid to lay them on: give an `extent: {west_m, south_m, "
                   "east_m, north_m}` that covers them, or a grid `file`");
    } else {
      m.allow("extent");
    }
    m.check_unknown_keys();
    if (!d_.empty()) return nullptr;
    if (!terrain && !features && !m.has("extent")) {
      m.error_here("terrain needs a `file`, or an `extent` with `hills` or `ridges`");
      return nullptr;
    }
    if (terrain) {
      terrain->add_features(synthetic.hills, synthetic.ridges);
      return std::make_shared<const environment::Terrain>(std::move(*terrain));
    }
    return std::make_shared<const environment::Terrain>(environment::Terrain::synthesize(synthetic));
  }

  /// A radar's `antenna:`; without one, default_antenna.
  void read_antenna(MapReader& radar, Radar& r) {
    r.antenna = default_antenna(r);
    environment::AntennaSpec& a = r.antenna;
    if (radar.has("antenna")) {
      MapReader m(radar.node("antenna"), "the antenna of " + radar.what(), d_);
      if (!m.is_map()) return;
      const auto coverage = m.choice("elevation", {"pencil", "cosecant_squared", "stacked_beams"}, false);
      if (coverage == "pencil") a.coverage = environment::ElevationCoverage::kPencil;
      if (coverage == "stacked_beams") a.coverage = environment::ElevationCoverage::kStackedBeams;
      a.shape = m.choice("main_lobe", {"sinc_squared", "gaussian"}, false).value_or("sinc_squared") == "gaussian"
                    ? environment::MainLobeShape::kGaussian
                    : environment::MainLobeShape::kSincSquared;
      a.beamwidth_el_deg = m.number_or("beamwidth_el_deg", a.beamwidth_el_deg, Range{0.1, 90.0});
      a.tilt_deg = m.number_or("tilt_deg", a.coverage == environment::ElevationCoverage::kCosecantSquared
                                               ? a.beamwidth_el_deg / 2.0 : a.tilt_deg,
                               Range::between(-10.0, 90.0));
      a.upper_elevation_deg = m.number_or("upper_elevation_deg", a.upper_elevation_deg, Range::between(-10.0, 90.0));
      a.beams = m.integer_or("beams", a.coverage == environment::ElevationCoverage::kStackedBeams ? 2 : 1, 1, 64);
      a.sidelobe_level_db = m.number_or("sidelobe_level_db", a.sidelobe_level_db, Range::between(-80.0, -10.0));
      m.check_unknown_keys();
      for (const auto& problem : environment::antenna_problems(a))
        m.error_here(fmt::format("the antenna of {}: {}", radar.what(), problem));
    } else {
      radar.allow("antenna");
    }
  }

  environment::MtiFilter read_mti(const YAML::Node& n, const Radar& r, const std::string& radar) {
    MapReader m(n, "the mti of " + radar, d_);
    environment::MtiFilter f;
    if (!m.is_map()) return f;
    f.improvement_db = m.number_or("improvement_db", f.improvement_db, Range::between(0.0, 80.0));
    f.min_detectable_speed_mps = m.number_or("min_detectable_speed_mps", f.min_detectable_speed_mps, Range::between(0.0, 100.0));
    f.wavelength_m = kSpeedOfLight_mps / r.frequency_hz;
    if (m.has("staggered_prf_hz")) {
      const YAML::Node list = m.node("staggered_prf_hz");
      if (!list.IsSequence() || list.size() < 2 || list.size() > 8) {
        m.error_at("staggered_prf_hz",
                   fmt::format("'staggered_prf_hz' in {} must list 2 to 8 PRFs{}", m.what(),
                               list.IsSequence() && list.size() == 1
                                   ? " (got 1); for a single PRF leave staggered_prf_hz out and give the radar `prf_hz`"
                                   : ""));
      } else {
        for (const auto& v : list) {
          try {
            const double prf = v.as<double>();
            if (!(prf >= 10.0 && prf <= 1e6)) throw YAML::Exception(v.Mark(), "");
            const double highest_prf_hz =
                kSpeedOfLight_mps / (2.0 * (r.max_range_m + kSpeedOfLight_mps * r.pulse_width_s / 2.0));
            if (prf > highest_prf_hz)
              d_.error(v.Mark().line, v.Mark().column,
                       fmt::format("{}: at {:.0f} Hz an echo from max_range_m arrives after the next pulse; a staggered "
                                   "PRF must stay at or below {:.0f} Hz",
                                   m.what(), prf, std::floor(highest_prf_hz)));
            f.prf_hz.push_back(prf);
          } catch (const YAML::Exception&) {
            d_.error(v.Mark().line, v.Mark().column,
                     fmt::format("'staggered_prf_hz' in {} must list PRFs from 10 Hz to 1 MHz", m.what()));
          }
        }
      }
    } else {
      f.prf_hz.push_back(r.prf_hz.value_or(kSpeedOfLight_mps / (2.0 * (r.max_range_m + kSpeedOfLight_mps * r.pulse_width_s / 2.0))));
    }
    m.check_unknown_keys();
    return f;
  }

  /// A Mode 3/A code: four octal digits, 0000 to 7777.
  std::optional<int> mode3a_code_of(const YAML::Node& n, const std::string& what) {
    const std::string text = n.IsScalar() ? n.Scalar() : "";
    if (text.size() == 4 && text.find_first_not_of("01234567") == std::string::npos) return std::stoi(text, nullptr, 8);
    d_.error(n.Mark().line, n.Mark().column,
             fmt::format("{} must be a Mode 3/A code of four octal digits, 0000 to 7777 (got '{}')", what, text));
    return std::nullopt;
  }

  std::optional<int> read_mode3a(MapReader& m) {
    if (!m.has("mode3a_code")) {
      m.allow("mode3a_code");
      return std::nullopt;
    }
    return mode3a_code_of(m.node("mode3a_code"), fmt::format("'mode3a_code' in {}", m.what()));
  }

  /// A raid's or friendly's `jammer:` (a barrage noise jammer, environment/jamming.h).
  std::optional<environment::NoiseJammer> read_jammer(MapReader& owner) {
    if (!owner.has("jammer")) {
      owner.allow("jammer");
      return std::nullopt;
    }
    MapReader m(owner.node("jammer"), "the jammer of " + owner.what(), d_);
    environment::NoiseJammer j;
    if (!m.is_map()) return j;
    j.power_w = m.number("power_w", Range{0.0, 1e6, true, false}).value_or(1.0);
    j.antenna_gain_db = m.number_or("antenna_gain_db", 0.0, Range::between(-20.0, 40.0));
    j.bandwidth_hz = m.number("bandwidth_hz", Range{1e3, 1e11}).value_or(1e8);
    j.losses_db = m.number_or("losses_db", 0.0, Range::between(0.0, 40.0));
    m.check_unknown_keys();
    return j;
  }

  Emitter read_emitter(const YAML::Node& n) {
    MapReader m(n, item_name(n, "emitter", ++emitter_count_), d_);
    Emitter e;
    if (!m.is_map()) return e;
    e.name = read_name(m);
    emitter_names_.push_back(e.name);
    e.frequency_hz = m.number("frequency_hz", Range::between(1e8, 1e11)).value_or(1e9);
    e.prf_hz = m.number("prf_hz", Range::between(10.0, 1e6)).value_or(1000.0);
    e.pulse_width_s = m.number("pulse_width_s", Range::between(1e-8, 1e-3)).value_or(1e-6);
    e.peak_power_w = m.number("peak_power_w", Range{0.0, 1e9, true, false}).value_or(1.0);
    e.antenna_gain_db = m.number_or("antenna_gain_db", 0.0, Range::between(-20.0, 60.0));
    e.in_library = m.boolean_or("in_library", true);
    m.check_unknown_keys();
    return e;
  }

  /// A raid's or friendly's `emitter:`, which must be one of the scenario's `emitters:`.
  std::string read_emitter_name(MapReader& m) {
    const std::string name = m.text("emitter", false).value_or("");
    if (!name.empty() && std::find(emitter_names_.begin(), emitter_names_.end(), name) == emitter_names_.end()) {
      const std::string close = did_you_mean(name, emitter_names_);
      m.error_at("emitter", fmt::format("{} carries the emitter '{}', which is not in the scenario's `emitters:` list; "
                                        "{}",
                                        m.what(), name,
                                        close.empty() ? "add it there with its frequency_hz, prf_hz, pulse_width_s "
                                                        "and peak_power_w"
                                                      : fmt::format("did you mean '{}'?", close)));
    }
    return name;
  }

  EsmSensor read_esm(const YAML::Node& n) {
    MapReader m(n, item_name(n, "sensor", ++sensor_count_), d_);
    EsmSensor e;
    if (!m.is_map()) return e;
    e.name = read_name(m);
    m.allow("type");
    e.position = read_position(m, &e.site_alt_m);
    e.mast_height_m = m.number_or("mast_height_m", e.mast_height_m, Range::between(0.0, 1000.0));
    e.max_range_m = m.number_or("max_range_m", e.max_range_m, Range{1000.0, kMaxDistance_m});
    e.bearing_sigma_deg = m.number("bearing_sigma_deg", Range{0.0, 20.0, true, false}).value_or(1.0);
    e.period_s = m.number_or("period_s", 1.0, Range{0.1, 60.0});
    e.sensitivity_dbm = m.number_or("sensitivity_dbm", e.sensitivity_dbm, Range::between(-120.0, 0.0));
    e.antenna_gain_db = m.number_or("antenna_gain_db", e.antenna_gain_db, Range::between(-20.0, 40.0));
    e.losses_db = m.number_or("losses_db", e.losses_db, Range::between(0.0, 40.0));
    e.frequency_sigma_hz = m.number_or("frequency_sigma_hz", e.frequency_sigma_hz, Range{0.0, 1e9, true, false});
    e.prf_sigma_hz = m.number_or("prf_sigma_hz", e.prf_sigma_hz, Range{0.0, 1e5, true, false});
    e.pulse_width_sigma_s = m.number_or("pulse_width_sigma_s", e.pulse_width_sigma_s, Range{0.0, 1e-3, true, false});
    m.check_unknown_keys();
    return e;
  }

  WeaponType read_weapon_type(const YAML::Node& n) {
    MapReader m(n, item_name(n, "weapon type", ++weapon_count_), d_);
    WeaponType w;
    if (!m.is_map()) return w;
    w.name = read_name(m);
    const auto kind = m.choice("kind", {"missile", "gun"}, false);
    if (m.has("kind") && !kind) return w;  // reported: which keys apply is unknown
    if (kind == "gun") {
      read_gun(m, w);
      return w;
    }
    w.min_range_m = m.number("min_range_m", Range::non_negative()).value_or(0.0);
    w.max_range_m = m.number("max_range_m", Range{0.0, 500'000.0, true, false}).value_or(1.0);
    w.min_altitude_m = m.number_or("min_altitude_m", 0.0, Range::between(0.0, kMaxAltitude_m));
    w.max_altitude_m = m.number("max_altitude_m", Range{0.0, kMaxAltitude_m, true, false}).value_or(1.0);
    w.interceptor_speed_mps = m.number("interceptor_speed_mps", Range{0.0, 5000.0, true, false}).value_or(1.0);
    w.kill_probability = m.number("kill_probability", Range::probability()).value_or(0.0);
    w.seeker_basket_m = m.number_or("seeker_basket_m", 1500.0, Range::positive());
    w.reload_time_s = m.number("reload_time_s", Range::non_negative()).value_or(0.0);
    w.fire_control_channels = m.integer_or("fire_control_channels", 1, 1, 100);
    w.reaction_time_s = m.number_or("reaction_time_s", w.reaction_time_s, Range::between(0.0, 600.0));
    read_dynamics(m, w);
    read_ballistic_defence(m, w);
    check_envelope(m, w);
    return w;
  }

  /// The envelope checks every weapon type passes.
  void check_envelope(MapReader& m, const WeaponType& w) {
    if (w.min_range_m >= w.max_range_m)
      m.error_at("min_range_m", fmt::format("'min_range_m' in {} must be less than max_range_m", m.what()));
    if (w.min_altitude_m >= w.max_altitude_m)
      m.error_at("min_altitude_m", fmt::format("'min_altitude_m' in {} must be less than max_altitude_m", m.what()));
    m.check_unknown_keys();
  }

  /// A gun (kind: gun): its envelope, bursts and ballistics (messages/gun_ballistics.h,
  /// engagement/gun.h). Its mean speed is the projectile's over max_range_m; its kill probability
  /// is derived when the arsenal is built (engagement/gun.h: planning_kill_probability).
  void read_gun(MapReader& m, WeaponType& w) {
    messages::GunCharacteristics g;
    w.min_range_m = m.number_or("min_range_m", 0.0, Range::non_negative());
    w.max_range_m = m.number("max_range_m", Range{0.0, 10'000.0, true, false}).value_or(1.0);
    w.min_altitude_m = m.number_or("min_altitude_m", 0.0, Range::between(0.0, kMaxAltitude_m));
    w.max_altitude_m = m.number("max_altitude_m", Range{0.0, 10'000.0, true, false}).value_or(1.0);
    w.seeker_basket_m = m.number_or("tracking_gate_m", 200.0, Range::positive());
    w.fire_control_channels = m.integer_or("fire_control_channels", 1, 1, 16);
    w.reaction_time_s = m.number_or("reaction_time_s", 2.0, Range::between(0.0, 60.0));
    g.rate_of_fire_rpm = m.number("rate_of_fire_rpm", Range{0.0, 20'000.0, true, false}).value_or(g.rate_of_fire_rpm);
    g.burst_rounds = static_cast<int>(m.integer("burst_rounds", 1, 10'000).value_or(g.burst_rounds));
    g.ammunition_rounds = static_cast<int>(m.integer("ammunition_rounds", 1, 100'000).value_or(g.ammunition_rounds));
    g.muzzle_velocity_mps =
        m.number("muzzle_velocity_mps", Range{0.0, 3000.0, true, false}).value_or(g.muzzle_velocity_mps);
    g.drag_area_per_mass_m2pkg =
        m.number_or("drag_area_per_mass_m2pkg", g.drag_area_per_mass_m2pkg, Range::between(0.0, 0.01));
    g.dispersion_mrad = m.number("dispersion_mrad", Range{0.0, 100.0, true, false}).value_or(g.dispersion_mrad);
    g.prediction_error_mps = m.number_or("prediction_error_mps", g.prediction_error_mps, Range::between(0.0, 100.0));
    g.kill_given_hit = m.number("kill_given_hit", Range::probability()).value_or(g.kill_given_hit);
    if (g.burst_rounds > g.ammunition_rounds)
      m.error_at("burst_rounds", fmt::format("'burst_rounds' ({}) in {} is more than its ammunition_rounds ({}): the "
                                             "mount could not fire one burst; shorten the burst or carry more rounds",
                                             g.burst_rounds, m.what(), g.ammunition_rounds));
    w.interceptor_speed_mps = w.max_range_m / g.time_of_flight_s(w.max_range_m);
    w.gun = g;
    check_envelope(m, w);
  }

  /// engages_ballistic, and with it the debris floor min_ballistic_intercept_altitude_m (required
  /// then, inside the weapon's altitude band; an error without it); engages_air_breathing, false
  /// only for a weapon that engages ballistic missiles.
  void read_ballistic_defence(MapReader& m, WeaponType& w) {
    w.engages_ballistic = m.boolean_or("engages_ballistic", false);
    w.engages_air_breathing = m.boolean_or("engages_air_breathing", true);
    if (!w.engages_air_breathing && !w.engages_ballistic)
      m.error_at("engages_air_breathing",
                 fmt::format("{} engages nothing: 'engages_air_breathing: false' needs 'engages_ballistic: true'",
                             m.what()));
    const char* floor_key = "min_ballistic_intercept_altitude_m";
    if (!w.engages_ballistic) {
      m.allow(floor_key);
      if (m.has(floor_key))
        m.error_at(floor_key, fmt::format("'{}' in {} applies only to a weapon that engages ballistic missiles: add "
                                          "'engages_ballistic: true' or remove it",
                                          floor_key, m.what()));
      return;
    }
    w.min_ballistic_intercept_altitude_m =
        m.number(floor_key, Range::between(0.0, kMaxAltitude_m)).value_or(w.min_altitude_m);
    if (w.min_ballistic_intercept_altitude_m < w.min_altitude_m ||
        w.min_ballistic_intercept_altitude_m >= w.max_altitude_m)
      m.error_at(floor_key, fmt::format("'{}' in {} ({:.0f} m) must lie from min_altitude_m ({:.0f} m) up to, not "
                                        "including, max_altitude_m ({:.0f} m): the warhead kills only in that band",
                                        floor_key, m.what(), w.min_ballistic_intercept_altitude_m, w.min_altitude_m,
                                        w.max_altitude_m));
  }

  /// The interceptor's flyout keys, each defaulting to messages::derived_dynamics of the mean
  /// speed and maximum range (weapon types written before the flyout keep their reach).
  void read_dynamics(MapReader& m, WeaponType& w) {
    const messages::InterceptorDynamics derived =
        messages::derived_dynamics(w.interceptor_speed_mps, w.max_range_m, w.seeker_basket_m);
    messages::InterceptorDynamics& d = w.dynamics;
    d.boost_s = m.number_or("boost_s", derived.boost_s, Range{0.0, 120.0, true, false});
    d.boost_accel_mps2 = m.number_or("boost_accel_mps2", derived.boost_accel_mps2, Range{0.0, 2000.0, true, false});
    d.sustain_s = m.number_or("sustain_s", derived.sustain_s, Range::between(0.0, 600.0));
    d.sustain_accel_mps2 = m.number_or("sustain_accel_mps2", derived.sustain_accel_mps2, Range::between(0.0, 500.0));
    d.drag_area_per_mass_m2pkg =
        m.number_or("drag_area_per_mass_m2pkg", derived.drag_area_per_mass_m2pkg, Range::between(0.0, 0.01));
    d.max_g = m.number_or("max_g", derived.max_g, Range{0.0, 100.0, true, false});
    d.nav_constant = m.number_or("nav_constant", derived.nav_constant, Range::between(2.0, 6.0));
    d.min_speed_mps = m.number_or("min_speed_mps", derived.min_speed_mps, Range::between(0.0, 2000.0));
    d.max_flight_time_s = m.number_or("max_flight_time_s", derived.max_flight_time_s, Range{0.0, 1000.0, true, false});
    d.seeker_acquisition_range_m =
        m.number_or("seeker_acquisition_range_m", derived.seeker_acquisition_range_m, Range::between(0.0, 100'000.0));
    d.lethal_radius_m = m.number_or("lethal_radius_m", derived.lethal_radius_m, Range{0.0, 1000.0, true, false});
    const double burnout_mps = d.boost_s * d.boost_accel_mps2;
    if (d.min_speed_mps >= burnout_mps)
      m.error_at(m.has("min_speed_mps") ? "min_speed_mps" : "boost_accel_mps2",
                 fmt::format("'min_speed_mps' ({:.0f} m/s) in {} must be less than the speed at burnout, boost_s x "
                             "boost_accel_mps2 = {:.0f} m/s: the interceptor would be out of energy as its boost ends; "
                             "lower min_speed_mps or strengthen the boost",
                             d.min_speed_mps, m.what(), burnout_mps));
    if (d.max_flight_time_s <= d.boost_s + d.sustain_s)
      m.error_at("max_flight_time_s",
                 fmt::format("'max_flight_time_s' in {} must be longer than boost_s + sustain_s ({:.1f} s): the "
                             "interceptor would end while its motor still burns; lengthen max_flight_time_s or shorten the burns",
                             m.what(), d.boost_s + d.sustain_s));
  }

  template <typename Item>
  std::optional<std::size_t> reference(MapReader& m, const std::string& key,
                                       const std::vector<Item>& items, const char* kind) {
    const auto name = m.text(key);
    if (!name) return std::nullopt;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].name == *name) return i;
      if (!items[i].name.empty()) names.push_back(items[i].name);
    }
    const std::string hint = did_you_mean(*name, names);
    m.error_at(key, fmt::format("'{}' in {} names no {} '{}'{}", key, m.what(), kind, *name,
                                hint.empty() ? (names.empty() ? std::string(" (none is defined)")
                                              : fmt::format(" (known: {})", fmt::join(names, ", ")))
                                             : fmt::format("; did you mean '{}'?", hint)));
    return std::nullopt;
  }

  /// The friendly ground column `key` names (an asset's `follows`, a unit's `moves_with: {column}`).
  std::optional<std::size_t> column_reference(MapReader& m, const std::string& key, const Scenario& s) {
    const auto column = reference(m, key, s.friendlies, "friendly");
    if (column && s.friendlies[*column].kind != FriendlyKind::kGroundVehicle) {
      m.error_at(key, fmt::format("'{}' in {} names the {} '{}'; only a ground_vehicle column can be followed",
                                  key, m.what(), to_string(s.friendlies[*column].kind), s.friendlies[*column].name));
      return std::nullopt;
    }
    return column;
  }

  /// An item placed by what it moves with takes no `position`.
  void refuse_position(MapReader& m, const char* key) {
    if (!m.has("position")) return;
    m.error_at("position", fmt::format("{} gives both position and {}; remove position: it stands where its column "
                                       "is", m.what(), key));
    m.allow("position");
  }

  /// Where a column starts: its first waypoint (the loader has checked it has one).
  static Point2 column_start(const Friendly& column) {
    return column.route.empty() ? Point2{} : Point2{column.route.front().east_m, column.route.front().north_m};
  }

  /// The station of a mobile unit as its column starts (heading along its first leg, which it
  /// keeps in `mobility`), and the ground height there.
  std::pair<Point2, double> station_at_start(Mobility& mobility, const Scenario& s) const {
    const Friendly& column = s.friendlies[mobility.column];
    if (column.route.size() >= 2)
      mobility.start_heading_rad = std::atan2(column.route[1].east_m - column.route[0].east_m,
                                              column.route[1].north_m - column.route[0].north_m);
    const Point2 p = station_of(mobility, column_start(column), mobility.start_heading_rad);
    const auto* terrain = s.environment.terrain.get();
    return {p, terrain ? terrain->height_m(p.east_m, p.north_m) : 0.0};
  }

  /// A fire unit's or radar's `moves_with:` (scenario.h Mobility); shoot_and_scoot_m for fire units only.
  std::optional<Mobility> read_mobility(MapReader& owner, const Scenario& s, bool fire_unit) {
    refuse_position(owner, "moves_with");
    MapReader m(owner.node("moves_with"), "the moves_with of " + owner.what(), d_);
    if (!m.is_map()) return std::nullopt;
    Mobility out;
    const auto column = column_reference(m, "column", s);
    if (m.has("offset")) {
      MapReader o(m.node("offset"), "the offset of " + owner.what(), d_);
      if (o.is_map()) {
        const bool axes = o.has("along_m") || o.has("across_m");
        const bool map = o.has("east_m") || o.has("north_m");
        if (axes && map) o.error_here(fmt::format("{} gives both along_m/across_m and east_m/north_m; give one pair",
                                                  o.what()));
        const Range r = Range::between(-20'000.0, 20'000.0);
        out.in_column_axes = !map;
        out.offset_x_m = o.number_or(map ? "east_m" : "along_m", 0.0, r);
        out.offset_y_m = o.number_or(map ? "north_m" : "across_m", 0.0, r);
        for (const char* key : {"along_m", "across_m", "east_m", "north_m"}) o.allow(key);
        o.check_unknown_keys();
      }
    }
    out.emplace_s = m.number_or("emplace_s", out.emplace_s, Range::between(0.0, 86'400.0));
    out.march_order_s = m.number_or("march_order_s", out.march_order_s, Range::between(0.0, 86'400.0));
    out.march_speed_mps = m.number_or("march_speed_mps", out.march_speed_mps, Range{0.5, kMaxGroundSpeed_mps});
    if (fire_unit && m.has("shoot_and_scoot_m"))
      out.shoot_and_scoot_m = m.number("shoot_and_scoot_m", Range{1.0, 20'000.0});
    else if (m.has("shoot_and_scoot_m"))
      m.error_at("shoot_and_scoot_m", fmt::format("'shoot_and_scoot_m' in {} applies to fire units only (a radar "
                                                  "does not launch); remove it", m.what()));
    m.allow("shoot_and_scoot_m");
    m.check_unknown_keys();
    if (!column) return std::nullopt;
    out.column = *column;
    return out;
  }

  /// Where a radar or fire unit stands: its `position`, or, when it `moves_with` a column, its
  /// station at the column's start (returning its mobility). `fixed_because`: why this one cannot
  /// move (null when it can), which makes moves_with an error.
  std::optional<Mobility> read_site(MapReader& m, const Scenario& s, bool fire_unit, const char* fixed_because,
                                    Point2& position, double& site_alt_m) {
    if (!m.has("moves_with")) {
      position = read_position(m, &site_alt_m);
      return std::nullopt;
    }
    if (fixed_because) {
      m.allow("moves_with");
      m.error_at("moves_with", fmt::format("{} is {}", m.what(), fixed_because));
      return std::nullopt;
    }
    auto mobility = read_mobility(m, s, fire_unit);
    if (mobility) std::tie(position, site_alt_m) = station_at_start(*mobility, s);
    return mobility;
  }

  FireUnit read_fire_unit(const YAML::Node& n, const Scenario& s) {
    MapReader m(n, item_name(n, "fire unit", ++fire_unit_count_), d_);
    FireUnit f;
    if (!m.is_map()) return f;
    f.name = read_name(m);
    f.weapon_type = reference(m, "weapon_type", s.weapon_types, "weapon type").value_or(0);
    const bool gun = f.weapon_type < s.weapon_types.size() && s.weapon_types[f.weapon_type].gun;
    f.mobility = read_site(m, s, true,
                           gun ? "a gun mount, which stands on a fixed site; remove moves_with (a mobile umbrella "
                                 "is made of missile fire units)"
                               : nullptr,
                           f.position, f.site_alt_m);
    if (gun) {
      // A gun mount carries its weapon type's ammunition_rounds: no launchers to load.
      for (const char* key : {"launchers", "rounds_per_launcher", "reload_rounds"}) {
        if (!m.has(key)) continue;
        m.error_at(key, fmt::format("'{}' in {}: a gun has no launchers; its mount carries the ammunition_rounds of "
                                    "its weapon type; remove '{}'", key, m.what(), key));
      }
    }
    f.launchers = m.integer_or("launchers", 1, 1, 100);
    f.rounds_per_launcher = m.integer_or("rounds_per_launcher", 1, 1, 64);
    f.reload_rounds = m.integer_or("reload_rounds", 0, 0, 10'000);
    f.antenna_height_m = m.number_or("antenna_height_m", f.antenna_height_m, Range::between(0.0, 100.0));
    if (m.has("fire_control_radar")) read_fire_control_radar(m, f, s);
    else m.allow("fire_control_radar");
    if (m.has("own_radar")) read_own_radar(m, f, s);
    else m.allow("own_radar");
    m.check_unknown_keys();
    return f;
  }

  /// The radar a fire unit names by `key`, when it is a fire-control radar or not as `fire_control`
  /// says; else the error `wrong_kind` (formatted with the unit and the radar's name) and nothing.
  std::optional<std::size_t> unit_radar(MapReader& m, const char* key, const Scenario& s, bool fire_control,
                                        const char* wrong_kind) {
    const auto index = reference(m, key, s.radars, "radar");
    if (!index || s.radars[*index].fire_control.has_value() == fire_control) return index;
    m.error_at(key, fmt::format(fmt::runtime(wrong_kind), m.what(), s.radars[*index].name));
    return std::nullopt;
  }

  /// A fire unit's `fire_control_radar: NAME`: a radar of type fire_control_radar, no other unit's,
  /// that sees as far as the unit's weapon reaches (it guides the interceptor to the intercept).
  void read_fire_control_radar(MapReader& m, FireUnit& f, const Scenario& s) {
    f.fire_control_radar = unit_radar(m, "fire_control_radar", s, true,
                                      "{} names '{}' as its fire-control radar, but it is a surveillance radar; give it "
                                      "`type: fire_control_radar` with `sector:` and `channels:`, or name a "
                                      "fire-control radar");
    if (!f.fire_control_radar) return;
    const Radar& radar = s.radars[*f.fire_control_radar];
    if (const auto owner = fire_control_owners_.find(*f.fire_control_radar); owner != fire_control_owners_.end())
      m.error_at("fire_control_radar", fmt::format("{} names '{}', which already guides fire unit '{}'; a fire-control "
                                                   "radar serves one unit: give each unit its own",
                                                   m.what(), radar.name, owner->second));
    else
      fire_control_owners_.emplace(*f.fire_control_radar, f.name);
    if (f.weapon_type < s.weapon_types.size() && s.weapon_types[f.weapon_type].max_range_m > radar.max_range_m)
      m.error_at("fire_control_radar",
                 fmt::format("{}: its weapon '{}' reaches {:.1f} km but its fire-control radar '{}' sees only to "
                             "{:.1f} km, and cannot guide beyond; raise the radar's max_range_m or name another",
                             m.what(), s.weapon_types[f.weapon_type].name, s.weapon_types[f.weapon_type].max_range_m / 1000.0,
                             radar.name, radar.max_range_m / 1000.0));
  }

  /// A fire unit's `own_radar: NAME`: a surveillance radar, no other unit's, that the unit sees by
  /// when it is cut off from C2 (its fire-control radar is its own already).
  void read_own_radar(MapReader& m, FireUnit& f, const Scenario& s) {
    f.own_radar = unit_radar(m, "own_radar", s, false,
                             "{} names the fire-control radar '{}' as its own_radar; own_radar names a surveillance "
                             "radar (a unit's fire-control radar, named with fire_control_radar, is its own already)");
    if (!f.own_radar) return;
    if (const auto owner = own_radar_owners_.find(*f.own_radar); owner != own_radar_owners_.end()) {
      m.error_at("own_radar", fmt::format("{} names '{}', which is already the own_radar of fire unit '{}'; a radar is "
                                          "the own radar of one unit: give each unit its own, or leave it to C2",
                                          m.what(), s.radars[*f.own_radar].name, owner->second));
      f.own_radar.reset();
      return;
    }
    own_radar_owners_.emplace(*f.own_radar, f.name);
  }

  Raid read_raid(const YAML::Node& n, const Scenario& s) {
    MapReader m(n, item_name(n, "raid", ++raid_count_), d_);
    Raid r;
    if (!m.is_map()) return r;
    r.name = read_name(m);
    read_threats(m, r, s, 1);
    r.start_time_s = m.number_or("start_time_s", 0.0, Range::non_negative());
    const Motion motion = motion_of(r.kind);
    r.route = read_waypoints(m, motion, r.kind == ThreatKind::kAntiRadiationMissile ? 1 : 2);
    if (motion == Motion::kBallistic) {
      r.ballistic = read_ballistic(m);
      if (r.route.size() == 2 && std::hypot(r.route[1].east_m - r.route[0].east_m, r.route[1].north_m - r.route[0].north_m) < 10'000.0)
        m.error_at("route", fmt::format("{} launches less than 10 km from its aim point; a ballistic missile flies "
                                        "tens to thousands of km", m.what()));
    } else if (m.has("ballistic")) {
      m.error_at("ballistic", fmt::format("{} is a {}: only a ballistic_missile has a ballistic flight; remove "
                                          "`ballistic`", m.what(), to_string(r.kind)));
      m.allow("ballistic");
    }
    r.emitter = read_emitter_name(m);
    r.jammer = read_jammer(m);
    r.repeat_route = m.boolean_or("repeat_route", false);
    if (r.repeat_route && motion == Motion::kBallistic)
      m.error_at("repeat_route", fmt::format("{} is a ballistic missile: it flies once, to its impact; remove "
                                             "repeat_route", m.what()));
    r.mode3a_code = read_mode3a(m);
    for (const auto& w : capped_list(m, "weapons", false)) r.weapons.push_back(read_weapon_release(w, r, s));
    m.check_unknown_keys();
    if (!r.target_radar && r.weapons.empty() && r.route.size() >= 2 && motion != Motion::kBallistic)
      // A moving asset is not where the file places it by the time the raid comes.
      if (!s.assets[r.target_asset].follows) warn_if_unreachable(r, s.assets[r.target_asset], s.duration_s, n.Mark());
    return r;
  }

  /// What a raid and the stand-off weapons its aircraft release have alike: kind, count and
  /// spacing, flight, target and warhead. `carriers` raise the count against the scenario's limit.
  void read_threats(MapReader& m, Raid& r, const Scenario& s, int carriers) {
    r.kind = enum_from(m.choice("kind", enum_names(kThreatKinds)).value_or(""), kThreatKinds);
    r.count = static_cast<int>(m.integer("count", 1, 10'000).value_or(1));
    threats_ += carriers * r.count;
    if (threats_ > kMaxThreats && threats_ - carriers * r.count <= kMaxThreats) {
      m.error_at("count", fmt::format("the raids add up to more than {} threats, the most a scenario may have; "
                                      "lower the counts or split the scenario", kMaxThreats));
    }
    r.spacing_s = m.number_or("spacing_s", 10.0, Range::non_negative());
    const Motion motion = motion_of(r.kind);
    std::tie(r.altitude_m, r.speed_mps) = read_altitude_and_speed(m, motion);
    r.manoeuvre = read_manoeuvre(m, motion, default_manoeuvre(r.kind));
    r.rcs_m2 = m.number("rcs_m2", Range{1e-5, 1e4}).value_or(1.0);
    if (r.kind == ThreatKind::kAntiRadiationMissile) {
      m.allow("target");
      if (m.has("target"))
        m.error_at("target", fmt::format("{} is an anti-radiation missile: it attacks a radar, so give "
                                         "`target_radar: NAME` instead of `target`", m.what()));
      r.target_radar = reference(m, "target_radar", s.radars, "radar");
      r.lethal_radius_m = m.number_or("lethal_radius_m", 20.0, Range{0.5, 1000.0});
      r.drift_mps = m.number_or("drift_mps", 8.0, Range::between(0.0, 200.0));
    } else {
      m.allow("target_radar");
      if (m.has("target_radar"))
        m.error_at("target_radar", fmt::format("only an anti_radiation_missile homes on a radar; give {} a "
                                               "`target` asset", m.what()));
      else
        r.target_asset = reference(m, "target", s.assets, "asset").value_or(0);
    }
    r.damage_fraction = m.number_or("damage_fraction", default_damage_fraction(r.kind), Range::probability());
  }

  /// One entry of a raid's `weapons:`: a stand-off weapon its aircraft release at release_range_m.
  WeaponRelease read_weapon_release(const YAML::Node& n, const Raid& carrier, const Scenario& s) {
    MapReader m(n, fmt::format("{} of raid '{}'", item_name(n, "weapon", ++release_count_), carrier.name), d_);
    WeaponRelease w;
    if (!m.is_map()) return w;
    w.weapon.name = read_name(m);
    read_threats(m, w.weapon, s, carrier.count);
    if (w.weapon.kind != ThreatKind::kCruiseMissile && w.weapon.kind != ThreatKind::kAntiRadiationMissile &&
        w.weapon.kind != ThreatKind::kDrone)
      m.error_at("kind", fmt::format("{} is released from an aircraft: its kind must be cruise_missile, "
                                     "anti_radiation_missile or drone", m.what()));
    w.release_range_m = m.number("release_range_m", Range{100.0, 2'000'000.0}).value_or(100.0);
    w.line_of_sight = m.boolean_or("line_of_sight", false);
    m.check_unknown_keys();
    return w;
  }

  /// Warns when the raid's route never comes within its target's radius, or when its first threat
  /// gets there only after the run has ended (flying the route at its speed from start_time_s);
  /// for a fixed target only.
  void warn_if_unreachable(const Raid& r, const Asset& target, double duration_s, const YAML::Mark& mark) {
    const Eigen::Vector2d c(target.position.east_m, target.position.north_m);
    double along_m = 0.0;
    for (std::size_t i = 0; i + 1 < r.route.size(); ++i) {
      const Eigen::Vector2d a(r.route[i].east_m, r.route[i].north_m), b(r.route[i + 1].east_m, r.route[i + 1].north_m);
      // The first t in [0, 1] with |a + t (b - a) - c| <= radius: a root of a quadratic in t.
      const Eigen::Vector2d d = b - a, f = a - c;
      const double qa = d.squaredNorm(), qb = 2.0 * f.dot(d), qc = f.squaredNorm() - target.radius_m * target.radius_m;
      const double disc = qb * qb - 4.0 * qa * qc;
      if (qa > 0.0 && disc >= 0.0) {
        const double t0 = qc <= 0.0 ? 0.0 : (-qb - std::sqrt(disc)) / (2.0 * qa);
        if (t0 >= 0.0 && t0 <= 1.0) {
          const double arrival_s = r.start_time_s + (along_m + t0 * d.norm()) / r.speed_mps;
          if (arrival_s > duration_s)
            d_.warning(mark.line, mark.column,
                       fmt::format("raid '{}' reaches its target '{}' at {:.0f} s at the earliest, after the run ends "
                                   "at {:.0f} s: raise duration_s or start it earlier", r.name, target.name, arrival_s,
                                   duration_s));
          return;
        }
      }
      along_m += d.norm();
    }
    if (r.repeat_route) return;  // a loop (a stand-off jammer's orbit) is not meant to arrive
    d_.warning(mark.line, mark.column,
               fmt::format("the route of raid '{}' never comes within {:.0f} m of its target '{}': it cannot arrive",
                           r.name, target.radius_m, target.name));
  }

  Friendly read_friendly(const YAML::Node& n) {
    MapReader m(n, item_name(n, "friendly", ++friendly_count_), d_);
    Friendly f;
    if (!m.is_map()) return f;
    f.name = read_name(m);
    f.kind = enum_from(m.choice("kind", enum_names(kFriendlyKinds)).value_or(""), kFriendlyKinds);
    f.start_time_s = m.number_or("start_time_s", 0.0, Range::non_negative());
    const Motion motion = motion_of(f.kind);
    f.route = read_waypoints(m, motion);
    f.repeat_route = m.boolean_or("repeat_route", false);
    std::tie(f.altitude_m, f.speed_mps) = read_altitude_and_speed(m, motion);
    f.manoeuvre = read_manoeuvre(m, motion, default_manoeuvre(f.kind));
    f.rcs_m2 = m.number("rcs_m2", Range{1e-5, 1e4}).value_or(1.0);
    f.iff_on = m.boolean_or("iff_on", true);
    f.mode3a_code = read_mode3a(m);
    f.emitter = read_emitter_name(m);
    f.jammer = read_jammer(m);
    m.check_unknown_keys();
    return f;
  }

  FighterSquadron read_squadron(const YAML::Node& n, const Scenario& s) {
    MapReader m(n, item_name(n, "fighter squadron", ++squadron_count_), d_);
    FighterSquadron f;
    if (!m.is_map()) return f;
    f.name = read_name(m);
    f.base_asset = reference(m, "base", s.assets, "asset").value_or(0);
    f.aircraft = m.integer_or("aircraft", 2, 1, 100);
    f.readiness_s = m.number_or("readiness_s", 300.0, Range::non_negative());
    f.speed_mps = m.number("speed_mps", Range{50.0, 1000.0}).value_or(250.0);
    f.altitude_m = m.number("altitude_m", Range::between(100.0, 20'000.0)).value_or(5000.0);
    f.rcs_m2 = m.number_or("rcs_m2", 5.0, Range{1e-3, 1e3});
    f.missiles = m.integer_or("missiles", 4, 1, 16);
    f.missile_range_m = m.number("missile_range_m", Range{1000.0, 300'000.0}).value_or(20'000.0);
    f.missile_speed_mps = m.number_or("missile_speed_mps", 1000.0, Range{100.0, 5000.0});
    f.missile_seeker_basket_m = m.number_or("missile_seeker_basket_m", 500.0, Range{1.0, 10'000.0});
    f.kill_probability = m.number("kill_probability", Range::probability()).value_or(0.0);
    f.endurance_s = m.number_or("endurance_s", 3600.0, Range{60.0, 86'400.0});
    f.standoff_m = m.number_or("standoff_m", f.standoff_m, Range::non_negative());
    if (f.standoff_m >= f.missile_range_m)
      m.error_at("standoff_m", fmt::format("'standoff_m' in {} must be less than missile_range_m ({:.0f} m): a fighter "
                                           "holding off farther than its missiles reach never fires",
                                           m.what(), f.missile_range_m));
    if (m.has("patrol")) f.patrol = read_patrol(m.node("patrol"), f);
    if (m.has("radar")) f.radar = read_air_intercept_radar(m.node("radar"), m.what());
    m.check_unknown_keys();
    return f;
  }

  PatrolStation read_patrol(const YAML::Node& n, const FighterSquadron& f) {
    MapReader m(n, "the patrol of fighter squadron '" + f.name + "'", d_);
    PatrolStation p;
    if (!m.is_map()) return p;
    const YAML::Node station = m.node("station");
    if (station.IsDefined()) p.station = read_point(station, "the station of " + m.what());
    else m.missing("station");
    p.leg_m = m.number("leg_m", Range{1000.0, 500'000.0}).value_or(p.leg_m);
    p.heading_deg = m.number_or("heading_deg", 90.0, Range{0.0, 360.0, false, true});
    p.altitude_m = m.number_or("altitude_m", f.altitude_m, Range::between(100.0, 20'000.0));
    p.on_station = m.integer_or("on_station", 1, 1, 100);
    if (p.on_station > f.aircraft)
      m.error_at("on_station", fmt::format("'on_station' in {} must be at most the squadron's aircraft ({}): the "
                                           "patrol draws its aircraft from the squadron",
                                           m.what(), f.aircraft));
    p.airborne_at_start = m.choice("start", {"airborne", "launch"}, false).value_or("airborne") == "airborne";
    m.check_unknown_keys();
    return p;
  }

  AirInterceptRadar read_air_intercept_radar(const YAML::Node& n, const std::string& squadron) {
    MapReader m(n, "the radar of " + squadron, d_);
    AirInterceptRadar r;
    if (!m.is_map()) return r;
    if (m.has("reference_detection")) r.reference = read_reference_detection(m);
    else m.missing("reference_detection");
    r.scan_period_s = m.number_or("scan_period_s", r.scan_period_s, Range{0.1, 60.0});
    r.half_angle_deg = m.number_or("half_angle_deg", r.half_angle_deg, Range{0.0, 90.0, true, false});
    m.check_unknown_keys();
    return r;
  }

  /// The start and end of a time window; the end defaults to the end of the scenario.
  std::pair<double, double> read_window(MapReader& m, double duration_s) {
    const double start_s = m.number_or("start_time_s", 0.0, Range::non_negative());
    const double end_s = m.number_or("end_time_s", duration_s + 1.0, Range::non_negative());
    if (end_s <= start_s) m.error_at("end_time_s", fmt::format("'end_time_s' in {} must be after start_time_s", m.what()));
    return {start_s, end_s};
  }

  ArmWarning read_arm_warning(const YAML::Node& n, const std::string& radar) {
    MapReader m(n, "the arm_warning of " + radar, d_);
    ArmWarning a;
    if (!m.is_map()) return a;
    a.range_m = m.number("range_m", Range{0.0, kMaxDistance_m, true, false}).value_or(a.range_m);
    a.shutdown_s = m.number("shutdown_s", Range{0.0, 3600.0, true, false}).value_or(a.shutdown_s);
    a.cone_deg = m.number_or("cone_deg", a.cone_deg, Range{0.0, 90.0, true, false});
    a.min_speed_mps = m.number_or("min_speed_mps", a.min_speed_mps, Range{0.0, 5000.0, true, false});
    m.check_unknown_keys();
    return a;
  }

  Emission read_emission(MapReader& m, Emission fallback) {
    const auto e = m.choice("emission", enum_names(kEmissions), false);
    return e ? enum_from(*e, kEmissions) : fallback;
  }

  WeaponsControl read_control(MapReader& m, bool required, WeaponsControl fallback) {
    const auto c = m.choice("weapons_control", enum_names(kWeaponsControls), required);
    return c ? enum_from(*c, kWeaponsControls) : fallback;
  }

  ControlZone read_zone(const YAML::Node& n, double duration_s) {
    MapReader m(n, item_name(n, "zone", ++zone_count_), d_);
    ControlZone z;
    if (!m.is_map()) return z;
    z.name = read_name(m);
    const YAML::Node c = m.node("center");
    if (c.IsDefined()) z.center = read_point(c, "the center of " + m.what());
    else m.missing("center");
    z.radius_m = m.number("radius_m", Range{0.0, 1'000'000.0, true, false}).value_or(1.0);
    z.control = read_control(m, true, WeaponsControl::kTight);
    std::tie(z.start_time_s, z.end_time_s) = read_window(m, duration_s);
    m.check_unknown_keys();
    return z;
  }

  Corridor read_corridor(const YAML::Node& n, double duration_s) {
    MapReader m(n, item_name(n, "corridor", ++corridor_count_), d_);
    Corridor c;
    if (!m.is_map()) return c;
    c.name = read_name(m);
    c.route = read_route(m);
    c.width_m = m.number("width_m", Range{0.0, 100'000.0, true, false}).value_or(1.0);
    c.min_altitude_m = m.number_or("min_altitude_m", 0.0, Range::between(0.0, kMaxAltitude_m));
    c.max_altitude_m = m.number("max_altitude_m", Range{0.0, kMaxAltitude_m, true, false}).value_or(1.0);
    if (c.min_altitude_m >= c.max_altitude_m)
      m.error_at("min_altitude_m", fmt::format("'min_altitude_m' in {} must be less than max_altitude_m", m.what()));
    std::tie(c.start_time_s, c.end_time_s) = read_window(m, duration_s);
    c.max_speed_mps = m.number_or("max_speed_mps", c.max_speed_mps, Range{1.0, 1000.0});
    m.check_unknown_keys();
    return c;
  }

  std::vector<std::string> read_names(MapReader& m, const std::string& key) {
    std::vector<std::string> names;
    const YAML::Node n = m.node(key);
    if (!n.IsDefined()) return names;
    if (!n.IsSequence()) {
      m.error_at(key, fmt::format("'{}' in {} must be a list of names", key, m.what()));
      return names;
    }
    for (const auto& item : n) {
      if (item.IsScalar() && !item.Scalar().empty()) names.push_back(item.Scalar());
      else d_.error(item.Mark().line, item.Mark().column, fmt::format("'{}' in {} must list names", key, m.what()));
    }
    return names;
  }

  ProfileRules read_profile(const YAML::Node& n) {
    MapReader m(n, "identification", d_);
    ProfileRules p;
    if (!m.is_map()) return p;
    p.hostile_speed_mps = m.number_or("hostile_speed_mps", p.hostile_speed_mps, Range::positive());
    p.low_altitude_m = m.number_or("low_altitude_m", p.low_altitude_m, Range::non_negative());
    p.low_fast_speed_mps = m.number_or("low_fast_speed_mps", p.low_fast_speed_mps, Range::positive());
    m.check_unknown_keys();
    return p;
  }

  TrackerSettings read_tracker(const YAML::Node& n) {
    MapReader m(n, "tracker", d_);
    TrackerSettings t;
    if (!m.is_map()) return t;
    const auto association = m.choice("association", {"gnn", "jpda", "mht"}, false);
    if (association) t.association = *association == "jpda" ? Association::kJpda
                                     : *association == "mht" ? Association::kMht : Association::kGnn;
    const auto filter = m.choice("filter", {"cv", "imm"}, false);
    if (filter) t.filter = *filter == "imm" ? TrackFilter::kImm : TrackFilter::kConstantVelocity;
    if (t.filter == TrackFilter::kImm && t.association == Association::kMht)
      m.error_at("filter", "'filter: imm' in tracker goes with 'association: gnn' or 'association: jpda' only");
    t.process_noise_mps2 = m.number_or("process_noise_mps2", t.process_noise_mps2, Range{0.0, 1000.0, true, false});
    t.detection_probability =
        m.number_or("detection_probability", t.detection_probability, Range{0.0, 1.0, true, true});
    t.clutter_density = m.number_or("clutter_density", t.clutter_density, Range{0.0, 1.0, true, false});
    t.confirm_hits_m = m.integer_or("confirm_hits_m", t.confirm_hits_m, 1, 20);
    t.confirm_window_n = m.integer_or("confirm_window_n", t.confirm_window_n, 1, 20);
    t.delete_after_misses = m.integer_or("delete_after_misses", t.delete_after_misses, 1, 100);
    t.initial_speed_sigma_mps =
        m.number_or("initial_speed_sigma_mps", t.initial_speed_sigma_mps, Range{0.0, 5000.0, true, false});
    t.max_coast_s = m.number("max_coast_s", Range{0.0, 86'400.0, true, false}, false);
    if (t.confirm_hits_m > t.confirm_window_n)
      m.error_at("confirm_hits_m", "'confirm_hits_m' in tracker must not exceed confirm_window_n");
    m.check_unknown_keys();
    return t;
  }

  C2Settings read_c2(const YAML::Node& n, double duration_s) {
    MapReader m(n, "c2", d_);
    C2Settings c;
    if (!m.is_map()) return c;
    c.period_s = m.number_or("period_s", c.period_s, Range{0.1, 60.0});
    c.iff_challenges_before_hostile =
        m.integer_or("iff_challenges_before_hostile", c.iff_challenges_before_hostile, 1, 20);
    const auto doctrine = m.choice("doctrine", {"shoot_look_shoot", "salvo"}, false);
    if (doctrine) c.doctrine = *doctrine == "salvo" ? FireDoctrine::kSalvo : FireDoctrine::kShootLookShoot;
    c.salvo_size = m.integer_or("salvo_size", c.salvo_size, 1, 8);
    c.ballistic_salvo = m.integer_or("ballistic_salvo", c.ballistic_salvo, 1, 8);
    c.ballistic_salvo_interval_s =
        m.number_or("ballistic_salvo_interval_s", c.ballistic_salvo_interval_s, Range::between(0.0, 30.0));
    c.multiple_units_per_track = m.boolean_or("multiple_units_per_track", c.multiple_units_per_track);
    const auto assignment = m.choice("assignment", enum_names(kAssignmentPolicies), false);
    if (assignment) c.assignment = enum_from(*assignment, kAssignmentPolicies);
    c.weapons_control = read_control(m, false, c.weapons_control);
    for (const auto& z : capped_list(m, "zones", false)) c.zones.push_back(read_zone(z, duration_s));
    for (const auto& k : capped_list(m, "corridors", false)) c.corridors.push_back(read_corridor(k, duration_s));
    c.hostile_emitters = read_names(m, "hostile_emitters");
    if (const YAML::Node codes = m.node("own_mode3a_codes"); codes.IsDefined()) {
      if (!codes.IsSequence()) {
        m.error_at("own_mode3a_codes", "'own_mode3a_codes' in c2 must be a list of Mode 3/A codes");
      } else {
        for (const auto& item : codes)
          if (const auto value = mode3a_code_of(item, "each of 'own_mode3a_codes' in c2")) c.own_mode3a_codes.push_back(*value);
      }
    }
    c.trust_mode3a = m.boolean_or("trust_mode3a", c.trust_mode3a);
    c.friendly_emitters = read_names(m, "friendly_emitters");
    if (m.has("identification")) c.profile = read_profile(m.node("identification"));
    else m.allow("identification");
    c.threat_hysteresis = m.number_or("threat_hysteresis", c.threat_hysteresis, Range::between(0.0, 10.0));
    c.weapon_release_range_m = m.number_or("weapon_release_range_m", c.weapon_release_range_m, Range::non_negative());
    c.deconfliction_radius_m = m.number_or("deconfliction_radius_m", c.deconfliction_radius_m, Range::non_negative());
    c.iff_friend_replies = m.integer_or("iff_friend_replies", c.iff_friend_replies, 1, 20);
    c.iff_friend_window = m.integer_or("iff_friend_window", c.iff_friend_window, 1, 20);
    if (c.iff_friend_replies > c.iff_friend_window)
      m.error_at("iff_friend_replies", "'iff_friend_replies' in c2 must not exceed iff_friend_window");
    c.iff_friend_drop_after = m.integer_or("iff_friend_drop_after", c.iff_friend_drop_after, 1, 60);
    c.kill_assessment_delay_s =
        m.number_or("kill_assessment_delay_s", c.kill_assessment_delay_s, Range{0.0, 600.0, true, false});
    c.datalink_period_s = m.number_or("datalink_period_s", c.datalink_period_s, Range{0.1, 60.0});
    c.datalink_latency_s = m.number_or("datalink_latency_s", c.datalink_latency_s, Range::between(0.0, 60.0));
    c.sensor_to_c2_latency_s =
        m.number_or("sensor_to_c2_latency_s", c.sensor_to_c2_latency_s, Range::between(0.0, 60.0));
    c.c2_to_fire_unit_latency_s =
        m.number_or("c2_to_fire_unit_latency_s", c.c2_to_fire_unit_latency_s, Range::between(0.0, 60.0));
    m.check_unknown_keys();
    return c;
  }

  ScriptedEvent read_event(const YAML::Node& n, const Scenario& s) {
    MapReader m(n, fmt::format("event #{}", ++event_count_), d_);
    ScriptedEvent e;
    if (!m.is_map()) return e;
    e.at_s = m.number("at_s", Range::between(0.0, s.duration_s)).value_or(0.0);
    const auto action = m.choice("action", enum_names(kScriptedActions));
    if (action) e.action = enum_from(*action, kScriptedActions);
    using A = ScriptedEvent::Action;
    if (!action) {
      m.allow("name");
      m.allow("raid");
      m.allow("weapons_control");
      m.allow("emission");
    } else if (e.action == A::kAddRaid) {
      const YAML::Node raid = m.node("raid");
      if (raid.IsDefined()) e.raid = read_raid(raid, s);
      else m.missing("raid");
    } else if (e.action == A::kWeaponsControl) {
      e.weapons_control = read_control(m, true, e.weapons_control);
    } else if (e.action == A::kEmission) {
      e.target = m.text("name").value_or("");
      std::vector<std::string> radars;
      for (const auto& r : s.radars) radars.push_back(r.name);
      const auto radar = std::find_if(s.radars.begin(), s.radars.end(), [&](const Radar& r) { return r.name == e.target; });
      if (!e.target.empty() && radar == s.radars.end()) {
        const std::string close = did_you_mean(e.target, radars);
        m.error_at("name", fmt::format("{} names '{}', which is not a radar of the scenario (only radars emit){}",
                                       m.what(), e.target,
                                       close.empty() ? "" : fmt::format(" (did you mean '{}'?)", close)));
      }
      if (!m.has("emission")) m.missing("emission");
      e.emission = read_emission(m, e.emission);
      if (e.emission == Emission::kWeaponsReach && radar != s.radars.end() && radar->emission_reach_m <= 0.0)
        m.error_at("emission", fmt::format("{}: radar '{}' has no emission_reach_m, so it cannot radiate on weapons "
                                           "reach; give the radar `emission_reach_m` or choose on or off",
                                           m.what(), e.target));
    } else {
      e.target = m.text("name").value_or("");
      std::vector<std::string> names;
      const bool sensor = e.action == A::kSensorOut || e.action == A::kSensorBack;
      const bool unit = e.action == A::kFireUnitOut || e.action == A::kFireUnitBack;
      if (!unit) names = sensor_names_;
      if (!sensor)
        for (const auto& f : s.fire_units) names.push_back(f.name);
      if (!e.target.empty() && std::find(names.begin(), names.end(), e.target) == names.end()) {
        const std::string close = did_you_mean(e.target, names);
        m.error_at("name", fmt::format("{} names '{}', which is not a {} of the scenario{}", m.what(), e.target,
                                       sensor ? "sensor" : unit ? "fire unit" : "sensor or fire unit",
                                       close.empty() ? "" : fmt::format(" (did you mean '{}'?)", close)));
      }
    }
    m.check_unknown_keys();
    return e;
  }

  /// Names identify things in outputs and references, so they must be unique.
  void check_unique_names() {
    std::stable_sort(names_.begin(), names_.end(), [](const auto& a, const auto& b) {
      return a.second.line != b.second.line ? a.second.line < b.second.line : a.second.column < b.second.column;
    });
    std::map<std::string, YAML::Mark> first;
    for (const auto& [name, mark] : names_) {
      const auto [it, inserted] = first.emplace(name, mark);
      if (!inserted) {
        d_.error(mark.line, mark.column,
                 fmt::format("the name '{}' is already used at line {}; names of assets, sensors, weapon "
                             "types, fire units, raids and friendlies must be unique", name, it->second.line + 1));
      }
    }
  }

  Diagnostics& d_;
  LocalFrame frame_;
  std::vector<std::pair<std::string, YAML::Mark>> names_;
  std::vector<std::string> sensor_names_;  ///< of every kind, in the file's order
  std::map<std::size_t, std::string> fire_control_owners_;  ///< a fire-control radar's index to the unit naming it
  std::map<std::size_t, std::string> own_radar_owners_;  ///< an own_radar's index to the unit naming it
  std::vector<std::string> emitter_names_;
  std::size_t asset_count_ = 0, sensor_count_ = 0, weapon_count_ = 0, fire_unit_count_ = 0,
              raid_count_ = 0, friendly_count_ = 0, squadron_count_ = 0, zone_count_ = 0, corridor_count_ = 0,
              event_count_ = 0, emitter_count_ = 0, release_count_ = 0;
  long threats_ = 0;  ///< over the raids read so far
};

}  // namespace

environment::AntennaSpec default_antenna(const Radar& r) {
  environment::AntennaSpec a;
  a.beamwidth_az_deg = r.beamwidth_az_deg;
  a.beamwidth_el_deg = environment::elevation_beamwidth_for_gain_deg(r.antenna_gain_db, r.beamwidth_az_deg);
  a.coverage = environment::ElevationCoverage::kCosecantSquared;
  a.tilt_deg = a.beamwidth_el_deg / 2.0;
  a.upper_elevation_deg = std::max(r.max_elevation_deg, a.tilt_deg + 1.0);
  return a;
}

Scenario parse_scenario(const std::string& yaml_text, Diagnostics& diagnostics) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::ParserException& e) {
    diagnostics.error(std::max(e.mark.line, 0), std::max(e.mark.column, 0),
                      "YAML syntax error: " + e.msg);
    return {};
  }
  return ScenarioReader(diagnostics).read(root);
}

ScriptedEvent parse_event(const std::string& yaml_text, const Scenario& s, Diagnostics& diagnostics) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::ParserException& e) {
    diagnostics.error(std::max(e.mark.line, 0), std::max(e.mark.column, 0), "YAML syntax error: " + e.msg);
    return {};
  }
  return ScenarioReader(diagnostics).read_one_event(root, s);
}

Scenario read_scenario_file(const std::string& path, Diagnostics& diagnostics) {
  std::optional<std::string> text;
  try {
    text = read_text_file(path, kMaxScenarioBytes);
  } catch (const InputError& e) {  // not a regular file, too large, corrupt gzip
    std::string message = e.what();
    if (message.starts_with(path + ": ")) message.erase(0, path.size() + 2);
    diagnostics.error(0, 0, message);
    return {};
  }
  if (!text) {
    diagnostics.error(0, 0, "cannot open the scenario file (check the path and its permissions)");
    return {};
  }
  return parse_scenario(*text, diagnostics);
}

Scenario load_scenario_file(const std::string& path) {
  Diagnostics d(path);
  Scenario s = read_scenario_file(path, d);
  if (!d.empty()) throw InputError(d.format());
  return s;
}

}  // namespace rampart::scenario
