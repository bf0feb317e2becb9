// A passive ESM receiver: it hears radars by their power, measures their bearing and signal
// parameters, and names them from its emitter library.
//
// Hearing (the one-way "beacon" equation; Adamy, EW 101, ch. 5; Wiley, ELINT, ch. 2): the pulse
// power at the receiver's antenna port from an emitter of peak power Pt and antenna gain Gt at
// range R is
//   Pr = Pt Gt Gr lambda^2 / ((4 pi R)^2 L),
// and the receiver detects it when Pr >= its sensitivity S. So it hears to
//   R_max = (lambda / 4 pi) sqrt(Pt Gt Gr / (S L)),
// far beyond the radar's own detection range (one-way against two-way spreading). Gt is the
// emitter's main-lobe gain: a scanning radar's beam sweeps the receiver once a scan, which the
// receiver's period (about a scan or more) catches. The emitter must also be above the receiver's
// 4/3-Earth horizon, R <= sqrt(2 k Re h_rx) + sqrt(2 k Re h_tx), in its line of sight over the
// terrain, and inside its instrumented range.
// Only the entities of the world emit (the scenario's radars are ours, not heard by our ESM).
//
// Measurement: the bearing (compass, scenario frame axes) and the emitter's frequency, PRF and
// pulse width, each with Gaussian noise (the sigmas of the receiver).
// Identification: the measured parameters are compared with every emitter of the library (the
// scenario's emitters with in_library), by the normalised distance
//   d^2 = ((f - f_i) / sf)^2 + ((prf - prf_i) / sprf)^2 + ((pw - pw_i) / spw)^2;
// the report names the nearest entry when d^2 <= 16.27 (chi-square, 3 degrees of freedom, 0.999),
// and "unknown" otherwise. Two emitters whose parameters lie within a few sigmas of each other are
// confused as often as the noise makes the wrong one nearer; an emitter missing from the library
// is either unknown or taken for the nearest one that is there. The receiver never reports which
// entity it heard.
#pragma once

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "core/random.h"
#include "environment/terrain.h"
#include "scenario/scenario.h"
#include "sensors/sensor.h"
#include "world/world.h"

namespace rampart::sensors {

/// The name an ESM report gives an emitter it cannot match to its library.
inline constexpr const char* kUnknownEmitter = "unknown";

class EsmReceiver : public Sensor {
 public:
  /// With `terrain`, it hears only emitters in its line of sight over the terrain.
  EsmReceiver(int sensor_id, const scenario::EsmSensor& spec, const std::vector<scenario::Emitter>& emitters,
              const LocalFrame& scenario_frame, std::uint64_t seed,
              std::shared_ptr<const environment::Terrain> terrain = nullptr);

  /// What it hears at t_s.
  std::vector<AngleReport> listen(double t_s, const std::vector<world::Entity>& truth);
  /// The farthest range at which it hears `emitter` (the power limit alone).
  double hearing_range_m(const scenario::Emitter& emitter) const;
  /// The library entry nearest to the measured parameters, or kUnknownEmitter beyond the gate.
  std::string identify(double frequency_hz, double prf_hz, double pulse_width_s) const;
  double period_s() const { return spec_.period_s; }

  SensorSite site() const override;
  /// Reports once per period: when (t_begin_s, t_end_s] holds a multiple of it.
  void observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
               std::uint64_t& next_plot_id, Observation& out) override;

 private:
  int id_;
  scenario::EsmSensor spec_;
  std::vector<scenario::Emitter> emitters_;  ///< all the scenario's, by name; the library is the in_library ones
  Eigen::Vector3d position_enu_m_;
  double horizon_k_re_m_;
  RandomStream noise_;
  std::shared_ptr<const environment::Terrain> terrain_;
};

}  // namespace rampart::sensors
