// Writes a run's record as CSV files in a folder: truth.csv, plots.csv, tracks.csv, events.csv
// and identities.csv. A recorder with no folder writes nothing.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "c2/assignment.h"
#include "c2/identification.h"
#include "engagement/fire_unit.h"
#include "io/csv_writer.h"
#include "sensors/radar.h"
#include "tracking/types.h"
#include "world/world.h"

namespace rampart::sim {

class Recorder {
 public:
  /// Creates the folder if needed; throws InputError when it cannot be written.
  explicit Recorder(const std::optional<std::string>& out_dir);

  bool enabled() const { return truth_ != nullptr; }
  void truth(double t_s, const world::World& world);
  void plots(const sensors::Look& look);
  void tracks(double t_s, const std::vector<tracking::TrackState>& tracks,
              const std::vector<std::string>& identities);
  void launch(const engagement::Interceptor& m);
  void resolution(double t_s, const engagement::Resolution& r, const std::string& threat);
  void identity(const c2::IdentityChange& change);
  void fighter(double t_s, const std::string& fighter, const std::string& event, std::uint32_t track_id,
               const std::string& detail);
  void blocked(double t_s, const c2::BlockedEngagement& b, const std::string& fire_unit);
  /// Publishes the files at the end of a complete run (CsvWriter::commit); without it each
  /// stays NAME.partial.
  void commit();

 private:
  std::unique_ptr<io::CsvWriter> truth_, plots_, tracks_, events_, identities_;
};

}  // namespace rampart::sim
