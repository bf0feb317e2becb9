// The scenario: everything a run needs, as plain structs loaded from a YAML file.
//
// Units are in every field name and SI throughout. Horizontal positions are given in the file
// either as lat_deg/lon_deg or as east_m/north_m from the scenario origin; the loader resolves
// both to east_m/north_m on the tangent plane at the origin (see LocalFrame::surface_point).
// Cross-references (a fire unit's weapon type, a raid's target asset) are resolved to indices.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <limits>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "core/units.h"
#include "environment/antenna.h"
#include "environment/clutter.h"
#include "environment/jamming.h"
#include "environment/propagation.h"
#include "environment/terrain.h"
#include "messages/orders.h"

namespace rampart::scenario {

using messages::WeaponType;  ///< a weapon type is what fire units report of their weapon

struct Point2 {
  double east_m = 0.0;
  double north_m = 0.0;
};

struct Asset {
  std::string name;
  std::string kind;  ///< city, airbase, port, radar_site, point
  Point2 position;   ///< where it stands; one that follows a friendly: where that friendly starts
  double radius_m = 0.0;  ///< a threat inside this horizontal radius has reached the asset
  double value = 0.0;     ///< worth of the asset in scenario value units
  int priority = 2;       ///< defence priority, 1 (highest) to 3
  /// A moving asset (a tank column): it is wherever this friendly (index into
  /// Scenario::friendlies, a ground vehicle) is. Truth and scoring take its true position; C2 the
  /// friendly's last position report, extrapolated (c2/battle_manager.h).
  std::optional<std::size_t> follows;
};

/// A fire unit or radar that moves with a friendly ground column (world/mobile_unit.h): it marches
/// on its station (the column's position plus an offset) at up to march_speed_mps, emplaces for
/// emplace_s once the column has halted and it has reached its station, is then ready (a fire unit
/// may launch, a radar radiates), and takes march_order_s to pack up when the column moves on.
struct Mobility {
  std::size_t column = 0;  ///< index into Scenario::friendlies (a ground vehicle)
  /// The station's offset from the column: along and across its direction of travel (right of
  /// it positive) when `in_column_axes`, else east and north.
  double offset_x_m = 0.0;
  double offset_y_m = 0.0;
  bool in_column_axes = true;
  double start_heading_rad = 0.0;  ///< the column's compass heading along its first leg (the loader's)
  double emplace_s = 300.0;
  double march_order_s = 120.0;
  double march_speed_mps = 15.0;
  /// Shoot and scoot (fire units): after its engagements end it displaces this far across the
  /// column's direction of travel, alternately right and left, and emplaces there again.
  std::optional<double> shoot_and_scoot_m;
};

/// The station of a unit with `mobility` when its column stands at `column` heading
/// `column_heading_rad` (compass): the column's position plus the offset, rotated into the
/// column's axes when the offset is along/across (along = (sin h, cos h), right = (cos h, -sin h)).
Point2 station_of(const Mobility& mobility, const Point2& column, double column_heading_rad);

/// When a radar radiates (emission control, EMCON): always, never, or only while a track C2 has
/// not identified friendly is inside emission_reach_m of it (the reach of the weapons it serves),
/// so that it is not heard, located and attacked while it has nothing to engage.
enum class Emission { kOn, kOff, kWeaponsReach };
const char* to_string(Emission emission);

/// ARM warning doctrine of a radar (c2/emission_control.h): it goes silent for shutdown_s when
/// C2 judges a track to be an anti-radiation missile coming at it: a confirmed track not
/// identified friendly or neutral, within range_m (horizontal), faster than min_speed_mps, its
/// horizontal velocity within cone_deg of the bearing from the track to the radar.
struct ArmWarning {
  double range_m = 40'000.0;
  double shutdown_s = 60.0;
  double cone_deg = 10.0;
  double min_speed_mps = 400.0;
};

/// A radar's sensitivity given the way radar data sheets give it: it detects a target of rcs_m2
/// at range_m with probability pd, in free space on the peak of its beam (no propagation factor,
/// clutter or jamming). The radar derives the peak power that does so (sensors/radar.h).
struct ReferenceDetection {
  double range_m = 0.0;
  double rcs_m2 = 1.0;
  double pd = 0.9;
};

/// What a fire-control radar can point its beam at, in its own frame: compass azimuths within
/// width_az_deg / 2 of boresight_az_deg either side (edges included), elevations from
/// min_elevation_deg to max_elevation_deg (edges included).
struct Sector {
  double boresight_az_deg = 0.0;
  double width_az_deg = 90.0;
  double min_elevation_deg = 0.0;
  double max_elevation_deg = 60.0;
};

/// Whether compass azimuth az_rad and elevation el_rad (the radar's frame) lie in `sector`, edges
/// included (to 1e-9 rad: azimuth_within).
inline bool in_sector(const Sector& sector, double az_rad, double el_rad) {
  return azimuth_within(az_rad, deg_to_rad(sector.boresight_az_deg), deg_to_rad(sector.width_az_deg) / 2.0) &&
         el_rad >= deg_to_rad(sector.min_elevation_deg) - 1e-9 && el_rad <= deg_to_rad(sector.max_elevation_deg) + 1e-9;
}

/// What makes a radar a fire-control radar (`type: fire_control_radar`, sensors/fire_control_radar.h):
/// a phased array that looks over its sector once every scan_period_s (its revisit time) and
/// guides at most `channels` interceptors at once for the fire unit that names it.
struct FireControl {
  Sector sector;
  int channels = 1;
};

/// A radar: a rotating surveillance radar, or with `fire_control` a sector-scanning fire-control
/// radar. Detection follows the radar range equation with Swerling fluctuation; false alarms are
/// Poisson over the resolution cells of each scan.
struct Radar {
  std::string name;
  Point2 position;
  double site_alt_m = 0.0;          ///< ground height above the ellipsoid
  double antenna_height_m = 0.0;    ///< above the ground
  double scan_period_s = 0.0;
  /// The transmitter's peak power; with `reference`, 0 in the scenario and derived by the radar.
  double peak_power_w = 0.0;
  /// The sensitivity as a reference detection range instead of a peak power (one or the other).
  std::optional<ReferenceDetection> reference;
  double antenna_gain_db = 0.0;
  double frequency_hz = 0.0;
  double pulse_width_s = 0.0;
  double noise_figure_db = 0.0;
  double losses_db = 0.0;
  int pulses_integrated = 1;
  /// Pulse repetition frequency; when absent, the highest that keeps max_range_m unambiguous is
  /// assumed for the waveform checks (scenario/loader.cpp: check_waveform).
  std::optional<double> prf_hz;
  /// How the pulses of a dwell add up: coherently (voltages: one pulse of N times the SNR) or
  /// non-coherently (powers, after the square-law detector). sensors/detection.h.
  bool coherent_integration = true;
  /// The targets' fluctuation as this radar sees them: Swerling 0 (steady) to 4.
  int swerling_case = 1;
  double false_alarm_probability = 0.0;  ///< per resolution cell per scan
  double beamwidth_az_deg = 0.0;
  double min_range_m = 0.0;
  double max_range_m = 0.0;
  double max_elevation_deg = 0.0;
  double range_sigma_m = 0.0;
  double az_sigma_deg = 0.0;
  std::optional<double> el_sigma_deg;  ///< present for a 3-D radar
  bool iff_interrogator = true;        ///< carries an IFF interrogator (Mode 4/5 style)
  double iff_reply_probability = 0.0;  ///< probability a friendly transponder answers a challenge
  /// The interrogator's resolution cell: a reply correlates with the challenged track when the
  /// transponder's range is within iff_range_resolution_m of the track's, its azimuth within half
  /// of iff_azimuth_resolution_deg (the interrogator's beam; defaults to beamwidth_az_deg), and,
  /// when the track has height, its Mode C altitude within iff_altitude_tolerance_m; each widened
  /// by the track's own position error (sensors/iff.h).
  double iff_range_resolution_m = 300.0;
  double iff_azimuth_resolution_deg = 2.0;  ///< the loader defaults it to beamwidth_az_deg
  double iff_altitude_tolerance_m = 100.0;  ///< Mode C is reported in 100 ft (30 m) steps
  /// The antenna's patterns (environment/antenna.h); its azimuth beamwidth is beamwidth_az_deg.
  environment::AntennaSpec antenna;
  environment::Polarization polarization = environment::Polarization::kHorizontal;
  /// The clutter filter (MTI or Doppler: environment/clutter.h), with its wavelength and PRFs
  /// filled from the radar's; absent, clutter adds to the noise unfiltered.
  std::optional<environment::MtiFilter> mti;
  /// Measures the radial speed of what it detects (a Doppler radar), with this sigma.
  std::optional<double> radial_speed_sigma_mps;
  /// Systematic errors added to every measurement (unknown to the tracker, which may estimate them).
  double bias_range_m = 0.0;
  double bias_az_deg = 0.0;
  double bias_el_deg = 0.0;
  Emission emission = Emission::kOn;
  /// Under Emission::kWeaponsReach: the radar radiates from the C2 cycle a track not identified
  /// friendly comes within emission_reach_m (horizontal range) until emission_hold_s after the
  /// last one left.
  double emission_reach_m = 0.0;
  double emission_hold_s = 30.0;
  /// Present for a fire-control radar; max_elevation_deg is then its sector's.
  std::optional<FireControl> fire_control;
  /// Moves with a column (`moves_with:`), silent but when emplaced; `position` is then its station
  /// at the column's start, and site_alt_m the ground there.
  std::optional<Mobility> mobility;
  /// Shut down on an ARM warning (absent: the crew does not).
  std::optional<ArmWarning> arm_warning;
};

/// A radar carried by an aircraft or missile, as an ESM receiver sees it: the signal parameters
/// it identifies the emitter by, and the power it hears. The scenario's `emitters:` list holds
/// every emitter its raids and friendlies carry; `in_library: false` ones are missing from our
/// ESM library (heard, but not named).
struct Emitter {
  std::string name;
  double frequency_hz = 0.0;
  double prf_hz = 0.0;
  double pulse_width_s = 0.0;
  double peak_power_w = 0.0;
  double antenna_gain_db = 0.0;  ///< main-lobe gain: what an ESM receiver hears as the beam sweeps it
  bool in_library = true;
};

/// A passive ESM receiver (sensors/esm.h): it hears an emitter whose power at its antenna is above
/// its sensitivity, measures the bearing and the signal parameters with Gaussian errors, and names
/// the emitter from its library.
struct EsmSensor {
  std::string name;
  Point2 position;
  double site_alt_m = 0.0;
  double mast_height_m = 10.0;  ///< antenna above the ground
  double max_range_m = 1'000'000.0;  ///< instrumented range (processing limit)
  double bearing_sigma_deg = 0.0;
  double period_s = 1.0;
  double sensitivity_dbm = -65.0;  ///< smallest pulse power at the antenna port it detects
  double antenna_gain_db = 0.0;
  double losses_db = 3.0;
  double frequency_sigma_hz = 5e6;
  double prf_sigma_hz = 5.0;
  double pulse_width_sigma_s = 5e-8;
};

/// A passive infrared search-and-track sensor: it measures the bearing and elevation of flying
/// entities in its line of sight, no range. A simple model: inside max_range_m and above the
/// 4/3-Earth horizon each entity is detected with detection_probability once per frame.
struct Irst {
  std::string name;
  Point2 position;
  double site_alt_m = 0.0;
  double mast_height_m = 10.0;         ///< above the ground
  double max_range_m = 0.0;
  double frame_period_s = 1.0;         ///< one report of the whole field of regard per frame
  double detection_probability = 0.9;  ///< per entity in reach, per frame
  double bearing_sigma_deg = 0.1;
  double elevation_sigma_deg = 0.1;
};

struct FireUnit {
  std::string name;
  std::size_t weapon_type = 0;  ///< index into Scenario::weapon_types
  Point2 position;
  double site_alt_m = 0.0;
  int launchers = 1;
  int rounds_per_launcher = 1;
  int reload_rounds = 0;  ///< missiles in reserve for reloading launchers
  double antenna_height_m = 10.0;  ///< its fire-control radar's antenna above the site (line of sight)
  /// Its fire-control radar (index into Scenario::radars, one with fire_control): then the radar's
  /// channels, site and antenna replace the weapon type's fire_control_channels and antenna_height_m,
  /// and the unit engages only while the radar is in action and radiating.
  std::optional<std::size_t> fire_control_radar;
  /// A surveillance radar of its own (`own_radar:`, index into Scenario::radars, no other unit's):
  /// with the fire-control radar, what a unit cut off from C2 sees by (sim/autonomy.h).
  std::optional<std::size_t> own_radar;
  /// Moves with a column (`moves_with:`); `position` is then its station at the column's start.
  std::optional<Mobility> mobility;
};

enum class ThreatKind {
  kStrikeAircraft,
  kCruiseMissile,
  kDrone,
  kHelicopter,
  kGroundVehicle,
  kBallisticMissile,
  kAntiRadiationMissile,
};
enum class FriendlyKind { kFighter, kAirborneEarlyWarning, kTransport, kHelicopter, kGroundVehicle };

const char* to_string(ThreatKind kind);
const char* to_string(FriendlyKind kind);

/// A pop-up from a hold behind terrain (rotary wing, world/flight_mover.h): at the end of the
/// hold, climb height_m above the holding altitude (unmask), stay there exposure_s, and descend
/// back (remask) before flying on.
struct PopUp {
  double height_m = 0.0;
  double exposure_s = 0.0;
};

/// A point of a raid's or friendly's route, with what the mover does on the leg to it and at it.
struct Waypoint {
  double east_m = 0.0;
  double north_m = 0.0;
  std::optional<double> altitude_m;  ///< above the ellipsoid, reached at this point; default: the route's
  std::optional<double> speed_mps;   ///< ground speed on the leg to this point; default: the route's
  double hold_s = 0.0;               ///< hover or halt here this long (helicopters, ground vehicles)
  std::optional<PopUp> pop_up;       ///< at the end of the hold (helicopters)
};

/// How a raid's or friendly's platform may manoeuvre (world/flight_mover.h, ground_mover.h).
/// The loader fills every limit the file leaves out from the kind's defaults
/// (default_manoeuvre in scenario/loader.cpp).
struct Manoeuvre {
  /// Largest horizontal acceleration normal to the track: g tan(max bank) for an aircraft,
  /// g sqrt(n^2 - 1) for a load factor n; the turn rate is this over the ground speed.
  double max_lateral_accel_mps2 = 0.0;
  double max_climb_mps = 0.0;    ///< largest climb or descent rate
  double max_accel_mps2 = 0.0;   ///< largest change of ground speed per second
  /// Terrain following: fly at least this high above the ground ahead (none: fly the profile).
  std::optional<double> clearance_m;
};

/// A ballistic missile's flight (world/ballistic_mover.h): boost for burn_time_s in a gravity turn
/// whose flight-path angle (and pitch) at burnout is burnout_pitch_deg above the horizontal, free
/// flight under WGS-84 gravity, re-entry against air drag with its ballistic coefficient, impact
/// at the route's second point.
struct BallisticSpec {
  double burn_time_s = 60.0;
  double burnout_pitch_deg = 45.0;
  double ballistic_coefficient_kgpm2 = 5000.0;  ///< m / (Cd A)
};

struct WeaponRelease;

/// A raid: `count` threats of one kind flying one route in trail, `spacing_s` apart.
///
/// An anti-radiation missile (ARM) raid has a target radar instead of a target asset: from the
/// first waypoint of its route (its launch point; the route may be that one point) it homes on
/// the radar while the radar radiates, and flies on to where it last heard it when it falls silent
/// (world/world.h).
struct Raid {
  std::string name;
  ThreatKind kind = ThreatKind::kStrikeAircraft;
  int count = 1;
  double start_time_s = 0.0;
  double spacing_s = 0.0;
  std::vector<Waypoint> route;
  double altitude_m = 0.0;  ///< a ground vehicle's: its height above the ground
  double speed_mps = 0.0;
  Manoeuvre manoeuvre;
  BallisticSpec ballistic;  ///< a ballistic missile's
  double rcs_m2 = 0.0;
  std::size_t target_asset = 0;   ///< index into Scenario::assets (unused for an ARM)
  double damage_fraction = 0.0;   ///< fraction of the asset's value one arrival destroys
  std::optional<std::size_t> target_radar;  ///< an ARM's: index into Scenario::radars
  /// An ARM's warhead destroys its radar when it bursts this close to the antenna (horizontally).
  double lethal_radius_m = 20.0;
  /// An ARM that no longer hears its radar flies on to where it last heard it; its inertial
  /// navigation drifts away from that point at this rate until the burst.
  double drift_mps = 8.0;
  /// Stand-off weapons it carries and releases (strike aircraft): each becomes a raid of its own.
  std::vector<WeaponRelease> weapons;
  std::string emitter;            ///< name of the radar it emits with; empty when silent
  std::optional<environment::NoiseJammer> jammer;  ///< a noise jammer it carries
  bool repeat_route = false;      ///< flies its route as a loop (a stand-off jammer's orbit)
  /// A Mode 3/A code its transponder answers with (a hostile mimicking a friend or an airliner;
  /// it has no secure mode). Octal digits, e.g. 4521.
  std::optional<int> mode3a_code;
};

/// Stand-off weapons a raid's aircraft release: when an aircraft comes within release_range_m
/// (horizontally) of the weapon's target (an asset, or a radar for ARMs), it releases
/// `weapon.count` of them, `weapon.spacing_s` apart, each flying from the release point to its
/// target as a threat of its own (`weapon`'s route and start time are set at the release).
struct WeaponRelease {
  double release_range_m = 0.0;
  /// Released only once the aircraft also sees the target over the terrain (a missile its crew
  /// must aim: an attack helicopter pops up from behind a ridge to fire it).
  bool line_of_sight = false;
  Raid weapon;
};

struct Friendly {
  std::string name;
  FriendlyKind kind = FriendlyKind::kFighter;
  double start_time_s = 0.0;
  std::vector<Waypoint> route;
  bool repeat_route = false;  ///< fly the route as a closed loop (a combat air patrol)
  double altitude_m = 0.0;  ///< a ground vehicle's: its height above the ground
  double speed_mps = 0.0;
  Manoeuvre manoeuvre;
  double rcs_m2 = 0.0;
  bool iff_on = true;  ///< its transponder answers secure (Mode 4/5) IFF challenges
  std::optional<int> mode3a_code;  ///< the Mode 3/A code it squawks (octal digits), if any
  std::string emitter;  ///< name of the radar it emits with; empty when silent
  std::optional<environment::NoiseJammer> jammer;  ///< a noise jammer it carries
};

/// A squadron's combat air patrol: on_station of its aircraft fly a racetrack about `station`,
/// between the two turn points leg_m / 2 either side of it along the compass heading
/// heading_deg, at altitude_m. C2 commits them to tracks like any airborne fighter; an idle one
/// with missiles and endurance left returns to the racetrack. They are airborne on the
/// racetrack at the start (`start: airborne`, their sortie begins at 0 s) or take off from the
/// base at 0 s and fly out (`start: launch`).
struct PatrolStation {
  Point2 station;
  double leg_m = 0.0;
  double heading_deg = 0.0;
  double altitude_m = 0.0;
  int on_station = 1;
  bool airborne_at_start = true;
};

/// A fighter's airborne intercept radar: it searches a cone of half_angle_deg in azimuth about
/// the nose (any elevation), one look at each target per scan_period_s, and detects a target of
/// cross-section sigma at range R with the probability of one Swerling 1 look (one pulse, square
/// law, false-alarm probability kAirInterceptPfa): the per-look SNR is the one `reference` needs
/// for its pd at its range on its RCS, scaled by the radar equation, SNR(R, sigma) =
/// SNR_ref (sigma / sigma_ref) (R_ref / R)^4 (sensors/air_intercept_radar.h).
struct AirInterceptRadar {
  ReferenceDetection reference;
  double scan_period_s = 2.0;
  double half_angle_deg = 60.0;
};

/// Fighters at readiness on an airbase for defensive counter-air: scrambled by C2 against
/// hostile tracks beyond SAM reach, they fly an intercept on the track, fire air-to-air missiles
/// and return to base; those of a `patrol` hold a combat air patrol station under C2 control.
struct FighterSquadron {
  std::string name;
  std::size_t base_asset = 0;  ///< index into Scenario::assets (an airbase)
  int aircraft = 1;
  double readiness_s = 0.0;  ///< from the scramble order to take-off
  double speed_mps = 0.0;
  double altitude_m = 0.0;
  double rcs_m2 = 0.0;
  int missiles = 0;            ///< per aircraft
  double missile_range_m = 0.0;
  double kill_probability = 0.0;
  double endurance_s = 0.0;    ///< time in the air before it must return
  double missile_speed_mps = 1000.0;       ///< mean fly-out speed of its air-to-air missile
  double missile_seeker_basket_m = 500.0;  ///< the missile homes on a target this close to its aim point
  /// Inside missile range a fighter closes no nearer its target than this (beyond-visual-range
  /// tactics: fire, then hold off); less than missile_range_m.
  double standoff_m = 10'000.0;
  std::optional<PatrolStation> patrol;
  /// With a radar a fighter fires only on a target its own radar detects (C2's track cues it);
  /// without one it fires on C2's track alone.
  std::optional<AirInterceptRadar> radar;
};

enum class Association { kGnn, kJpda, kMht };
enum class TrackFilter { kConstantVelocity, kImm };

struct TrackerSettings {
  Association association = Association::kGnn;
  TrackFilter filter = TrackFilter::kConstantVelocity;  ///< the IMM goes with GNN or JPDA, not MHT
  double process_noise_mps2 = 5.0;
  /// What JPDA, MHT and track scores assume of the plots: the probability that a target in the
  /// beam is detected, and the false-plot density (per m^3 for 3-D plots, per m^2 for 2-D ones).
  double detection_probability = 0.9;
  double clutter_density = 1e-10;
  int confirm_hits_m = 3;
  int confirm_window_n = 4;
  int delete_after_misses = 3;
  /// The velocity sigma per axis of a track started from one plot: its gate on the next scan
  /// grows by about this times the scan period, so a target faster than it (a re-entering
  /// ballistic missile) needs it large enough to be initiated.
  double initial_speed_sigma_mps = 300.0;
  /// A track whose latest plot is older than this is deleted (tracking::TrackerConfig). Absent:
  /// derived from the radars (max_coast_s below).
  std::optional<double> max_coast_s;
};

enum class FireDoctrine { kShootLookShoot, kSalvo };

/// How C2 chooses, each cycle, which of the feasible engagements to fire (c2/assignment.h): the
/// optimal matching of threats to engagements, or the static weapon-target assignment solved by
/// the c2/wta heuristic or exactly.
enum class AssignmentPolicyKind { kMatching, kWtaHeuristic, kWtaExact };
const char* to_string(AssignmentPolicyKind kind);

/// Weapons control states: free (fire at anything not identified friendly or neutral), tight
/// (fire only at tracks identified hostile), hold (do not fire).
enum class WeaponsControl { kFree, kTight, kHold };
const char* to_string(WeaponsControl control);

/// A circular zone in which a weapons control state applies during [start_time_s, end_time_s).
struct ControlZone {
  std::string name;
  Point2 center;
  double radius_m = 0.0;
  WeaponsControl control = WeaponsControl::kTight;
  double start_time_s = 0.0;
  double end_time_s = 0.0;
};

/// A safe-passage corridor: a track flying along it inside its altitude band during its time
/// window is assumed friendly.
struct Corridor {
  std::string name;
  std::vector<Point2> route;
  double width_m = 0.0;
  double min_altitude_m = 0.0;
  double max_altitude_m = 0.0;
  double start_time_s = 0.0;
  double end_time_s = 0.0;
  double max_speed_mps = std::numeric_limits<double>::infinity();  ///< the corridor's speed limit
};

/// Flight-profile identification rules, applied to tracks that did not answer IFF.
struct ProfileRules {
  double hostile_speed_mps = 450.0;    ///< faster than any friendly: hostile
  double low_altitude_m = 300.0;       ///< below this and faster than low_fast_speed_mps: suspect
  double low_fast_speed_mps = 150.0;
};

struct C2Settings {
  double period_s = 1.0;
  int iff_challenges_before_hostile = 2;  ///< unanswered challenges before a track is declared hostile
  FireDoctrine doctrine = FireDoctrine::kShootLookShoot;
  int salvo_size = 2;  ///< interceptors per engagement under the salvo doctrine
  /// Against a track classified ballistic, whatever the doctrine: a salvo of this many
  /// interceptors, launched ballistic_salvo_interval_s apart (c2/doctrine.h says why).
  int ballistic_salvo = 2;
  double ballistic_salvo_interval_s = 3.0;
  bool multiple_units_per_track = false;  ///< may a second fire unit engage a track under engagement
  AssignmentPolicyKind assignment = AssignmentPolicyKind::kMatching;
  WeaponsControl weapons_control = WeaponsControl::kTight;  ///< outside every zone
  std::vector<ControlZone> zones;
  std::vector<Corridor> corridors;
  /// Mode 3/A codes own forces squawk. A track answering one without a secure reply is not
  /// taken for a friend (Mode 3/A is not authenticated: anyone can squawk it) but is held at
  /// suspect rather than hostile, unless trust_mode3a makes it an assumed friend.
  std::vector<int> own_mode3a_codes;
  bool trust_mode3a = false;
  std::vector<std::string> hostile_emitters;
  std::vector<std::string> friendly_emitters;
  ProfileRules profile;
  double threat_hysteresis = 0.2;          ///< a rank changes only for a score this much higher
  double weapon_release_range_m = 15'000;  ///< assumed stand-off of an aircraft track
  double deconfliction_radius_m = 5'000;   ///< no launch with a friend this close to the intercept
  /// Identity friend needs valid IFF replies to iff_friend_replies of the last iff_friend_window
  /// challenges made inside coverage; a friend whose last iff_friend_drop_after challenges all
  /// went unanswered drops back.
  int iff_friend_replies = 2;
  int iff_friend_window = 4;
  int iff_friend_drop_after = 8;
  /// Kill assessment: this long after an interceptor's intercept time C2 judges the outcome from
  /// the plots that correlated with the track since (about two scans of a 6 s radar).
  double kill_assessment_delay_s = 15.0;
  /// Own-force position reports: each airborne fighter reports every datalink_period_s; a report
  /// reaches C2 datalink_latency_s after it was made.
  double datalink_period_s = 2.0;
  double datalink_latency_s = 0.5;
  /// Delays of the links: tracks to C2, and C2's orders to the fire units.
  double sensor_to_c2_latency_s = 0.5;
  double c2_to_fire_unit_latency_s = 0.5;
};

/// Something that happens at a set time of a run: a scenario's `events:` entry, or an injection
/// made by code while the run goes on (Simulation::inject).
struct ScriptedEvent {
  enum class Action {
    kAddRaid,         ///< `raid` enters; its start_time_s counts from at_s
    kSensorOut,       ///< the sensor `target` stops observing (and its IFF answers nothing)
    kSensorBack,
    kFireUnitOut,     ///< the fire unit `target` can neither launch nor guide
    kFireUnitBack,
    kLinkLost,        ///< the link of the sensor or fire unit `target` to C2 is down
    kLinkRestored,
    kWeaponsControl,  ///< the default weapons control becomes `weapons_control`
    kEmission,        ///< the radar `target` radiates as `emission` says from now on
  };
  double at_s = 0.0;
  Action action = Action::kSensorOut;
  std::string target;
  Raid raid;
  WeaponsControl weapons_control = WeaponsControl::kTight;
  Emission emission = Emission::kOn;
};
const char* to_string(ScriptedEvent::Action action);
/// One line that says what the event does, e.g. "sensor_out Coastal".
std::string describe(const ScriptedEvent& event);

/// What the sensors look through (the scenario's `environment:`). Where the terrain is above 0 m
/// the surface is land of `land_cover`; elsewhere it is sea of `sea_state`.
struct Environment {
  std::shared_ptr<const environment::Terrain> terrain;  ///< none: sea level everywhere
  double sea_state = 3.0;
  environment::LandCover land_cover = environment::LandCover::kFarmland;
  bool multipath = true;  ///< the sea's reflection (lobing, the loss at the horizon, diffraction)
  bool clutter = true;    ///< sea and land clutter in the radars' cells
};

struct Scenario {
  std::string name;
  std::uint64_t random_seed = 0;
  double duration_s = 0.0;
  double time_step_s = 0.1;
  Geodetic origin;
  std::vector<Asset> assets;
  std::vector<Radar> radars;
  std::vector<EsmSensor> esm_sensors;
  std::vector<Emitter> emitters;
  Environment environment;
  std::vector<Irst> irst_sensors;
  std::vector<WeaponType> weapon_types;
  std::vector<FireUnit> fire_units;
  std::vector<Raid> raids;
  std::vector<Friendly> friendlies;
  std::vector<FighterSquadron> squadrons;
  TrackerSettings tracker;
  C2Settings c2;
  std::vector<ScriptedEvent> events;  ///< in time order
};

/// Where the radar that guides fire unit `f`'s interceptors has its antenna, as (east_m, north_m,
/// alt_m above the ellipsoid): its fire-control radar's when it names one, else its own site
/// raised by its antenna_height_m. The line of sight to a target is drawn from here.
/// The radars of fire unit `f`'s own (its fire-control radar, then its own_radar), as indexes
/// into Scenario::radars: what it sees by when it is cut off from C2.
inline std::vector<std::size_t> own_radars(const FireUnit& f) {
  std::vector<std::size_t> radars;
  for (const auto& r : {f.fire_control_radar, f.own_radar})
    if (r) radars.push_back(*r);
  return radars;
}

inline Eigen::Vector3d fire_control_antenna_m(const Scenario& s, const FireUnit& f) {
  if (f.fire_control_radar) {
    const Radar& r = s.radars.at(*f.fire_control_radar);
    return {r.position.east_m, r.position.north_m, r.site_alt_m + r.antenna_height_m};
  }
  return {f.position.east_m, f.position.north_m, f.site_alt_m + f.antenna_height_m};
}

/// The scan period of the slowest radar (0 without radars).
inline double slowest_scan_period_s(const Scenario& s) {
  double slowest_s = 0.0;
  for (const Radar& r : s.radars) slowest_s = std::max(slowest_s, r.scan_period_s);
  return slowest_s;
}

/// The longest a track may coast (tracking::TrackerConfig::max_coast_s): the tracker section's
/// max_coast_s, else (delete_after_misses + 1) scan periods of the slowest radar. A track that
/// some radar which detected it still looks at is deleted by its misses within
/// delete_after_misses of that radar's scans; one that coasts a scan longer than that has no such
/// radar looking (silent, destroyed, or its target left the coverage). 60 s without radars.
inline double max_coast_s(const Scenario& s) {
  if (s.tracker.max_coast_s) return *s.tracker.max_coast_s;
  const double slowest_scan_s = slowest_scan_period_s(s);
  return slowest_scan_s > 0.0 ? (s.tracker.delete_after_misses + 1) * slowest_scan_s : 60.0;
}

}  // namespace rampart::scenario
