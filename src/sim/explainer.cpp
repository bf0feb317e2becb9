#include "sim/explainer.h"

#include <fmt/format.h>

namespace rampart::sim {

void Explainer::on(const FireOrdered& e) {
  lines_.push_back(fmt::format("t={:.0f} s: {} fires {} at track {} (intercept in {:.0f} s); {}", e.t_s, e.fire_unit,
                               e.order.rounds, e.order.track_id, e.order.time_of_flight_s,
                               e.threat.explain(e.assets)));
}

void Explainer::on(const EngagementBlocked& e) {
  lines_.push_back(fmt::format("t={:.0f} s: {} withheld fire at track {}: friendly track {} is {:.0f} m from the "
                               "intercept point", e.t_s, e.fire_unit, e.blocked.track_id,
                               e.blocked.friendly_track_id, e.blocked.friend_distance_m));
}

void Explainer::on(const KillAssessed& e) {
  lines_.push_back(fmt::format("t={:.0f} s: track {} judged {}: {}", e.assessment.t_s, e.assessment.track_id,
                               c2::to_string(e.assessment.judgement), e.assessment.evidence));
}

void Explainer::on(const FighterActed& e) {
  if (e.action == "fire") lines_.push_back(fmt::format("t={:.0f} s: fighter {} {}", e.t_s, e.fighter, e.detail));
}

}  // namespace rampart::sim
