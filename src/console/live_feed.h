// Keeps a console Picture up to date from a live run's event stream.
//
// What the operator sees is what C2 knows: confirmed tracks with C2's identities, the fire units'
// reports, C2's threat ranking, its orders, proposals and kill assessments. An interceptor's real
// outcome and truth are marked for analysts only (EventAudience::kTruth); injections for the
// instructor only. Positions go out in WGS-84 through the scenario frame.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "console/picture.h"
#include "core/geodesy.h"
#include "scenario/scenario.h"
#include "sim/events.h"
#include "sim/layout.h"

namespace rampart::console {

/// `{"lat", "lon", "alt_m"}` of a geodetic position.
Json position_json(const Geodetic& g);

class LiveFeed : public sim::EventSink {
 public:
  /// `mutex` guards `picture` (the server reads it from other threads).
  LiveFeed(Picture& picture, std::mutex& mutex, const scenario::Scenario& s,
           const std::vector<sim::LayoutItem>& layout);

  void on(const sim::TruthMoved& e) override;
  void on(const sim::PictureSampled& e) override;
  void on(const sim::IdentityChanged& e) override;
  void on(const sim::ThreatsRanked& e) override;
  void on(const sim::FireOrdered& e) override;
  void on(const sim::EngagementProposed& e) override;
  void on(const sim::EngagementDecided& e) override;
  void on(const sim::EngagementBlocked& e) override;
  void on(const sim::KillAssessed& e) override;
  void on(const sim::OrderDropped& e) override;
  void on(const sim::InterceptorLaunched& e) override;
  void on(const sim::InterceptorResolved& e) override;
  void on(const sim::FighterActed& e) override;
  void on(const sim::LauncherReloaded& e) override;
  void on(const sim::EmissionChanged& e) override;
  void on(const sim::ReadinessChanged& e) override;
  void on(const sim::DatalinkChanged& e) override;
  void on(const sim::WeaponsReleased& e) override;
  void on(const sim::RadarStruck& e) override;
  void on(const sim::ScriptApplied& e) override;

 private:
  void event(double t_s, const std::string& kind, const std::string& unit, std::uint32_t track,
             const std::string& text, EventAudience audience = EventAudience::kAll);

  Picture& picture_;
  std::mutex& mutex_;
  const LocalFrame frame_;
  std::vector<scenario::Asset> assets_;
  std::map<std::string, Geodetic> unit_sites_;  ///< fire unit name to its site
  const world::World* world_ = nullptr;          ///< seen in the last TruthMoved
};

}  // namespace rampart::console
