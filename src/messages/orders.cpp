#include "messages/orders.h"

#include <algorithm>
#include <cmath>

#include "core/atmosphere.h"

namespace rampart::messages {

InterceptorDynamics derived_dynamics(double mean_speed_mps, double max_range_m, double seeker_basket_m) {
  constexpr double kBurnoutOverMean = 1.6;
  constexpr double kCoastDecay = 1.4;  // c T solving 1.6 ln(1 + c T) / (c T) = 1
  constexpr double kReferenceAltitude_m = 3000.0;
  const double time_s = max_range_m / mean_speed_mps;
  const double burnout_mps = kBurnoutOverMean * mean_speed_mps;
  InterceptorDynamics d;
  d.boost_s = std::clamp(time_s / 10.0, 2.0, 10.0);
  d.boost_accel_mps2 = burnout_mps / d.boost_s;
  d.sustain_s = 0.0;
  d.sustain_accel_mps2 = 0.0;
  // Coast: dv/dt = -k v^2 with k = 0.5 rho C_d A / m gives v = v_b / (1 + k v_b t), so c = k v_b.
  const double k_per_m = kCoastDecay / time_s / burnout_mps;
  d.drag_area_per_mass_m2pkg = 2.0 * k_per_m / air_density_kgpm3(kReferenceAltitude_m);
  d.min_speed_mps = 0.3 * mean_speed_mps;
  d.max_flight_time_s = 1.5 * time_s;
  d.seeker_acquisition_range_m = std::min(10.0 * seeker_basket_m, 20'000.0);
  return d;
}

}  // namespace rampart::messages
