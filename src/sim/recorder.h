// The CSV record of a run, as a sink of the event stream: truth.csv, plots.csv, tracks.csv,
// angles.csv, events.csv, identities.csv and layout.csv in one folder. docs/outputs.md describes every column
// with its unit. The simulation makes one only when it is given a folder.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/csv_writer.h"
#include "scenario/scenario.h"
#include "sim/events.h"
#include "sim/layout.h"
#include "sim/track_truth.h"
#include "world/world.h"

namespace rampart::sim {

class Recorder : public EventSink {
 public:
  /// Creates the folder if needed and writes layout.csv (where every asset, sensor, fire unit,
  /// zone and corridor stands); throws InputError when the folder cannot be written.
  explicit Recorder(const std::string& out_dir, const std::vector<LayoutItem>& layout);

  void on(const TruthMoved& e) override;
  void on(const PlotsMade& e) override;
  void on(const AnglesMade& e) override;
  void on(const TrackerStepped& e) override;
  void on(const PictureSampled& e) override;
  void on(const IdentityChanged& e) override;
  void on(const EngagementBlocked& e) override;
  void on(const EngagementProposed& e) override;
  void on(const EngagementDecided& e) override;
  void on(const KillAssessed& e) override;
  void on(const OrderDropped& e) override;
  void on(const InterceptorLaunched& e) override;
  void on(const InterceptorResolved& e) override;
  void on(const FighterActed& e) override;
  void on(const LauncherReloaded& e) override;
  void on(const EmissionChanged& e) override;
  void on(const ReadinessChanged& e) override;
  void on(const WeaponsReleased& e) override;
  void on(const RadarStruck& e) override;
  void on(const DatalinkChanged& e) override;
  void on(const ScriptApplied& e) override;
  void on(const RunEnded& e) override;

 private:
  void track_row(double t_s, const messages::TrackState& t, const std::string& identity, const std::string& truth,
                 const std::string& kinematic_class);
  void write_layout(const std::vector<LayoutItem>& layout);
  void event_row(double t_s, const std::string& event, const std::string& unit, std::uint32_t track_id,
                 std::uint64_t interceptor_id, std::uint32_t truth_id, const std::string& outcome,
                 const std::optional<Eigen::Vector3d>& p_enu_m, std::optional<double> miss_m,
                 const std::string& detail);

  std::unique_ptr<io::CsvWriter> layout_, truth_, plots_, angles_, tracks_, events_, identities_;
  const world::World* world_ = nullptr;  ///< seen in the last TruthMoved
  TrackTruth track_truth_;
};

}  // namespace rampart::sim
