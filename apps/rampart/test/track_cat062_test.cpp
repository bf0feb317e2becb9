// `rampart track --cat062 FILE` and `--cat062-udp HOST:PORT`: the confirmed tracks as ASTERIX CAT062,
// one data block per scan, checked against tracks.csv and received on a loopback UDP socket.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "core/test/scratch_dir.h"
#include "core/geodesy.h"
#include "io/asterix_cat062.h"
#include "tracking/stonesoup_scenario.h"

namespace {

using rampart::io::Cat062Track;
using Bytes = std::vector<std::uint8_t>;

class TrackCat062 : public rampart::test::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    rampart::tracking::StoneSoupScenarioParams params;
    params.scans = 15;
    const auto scenario = rampart::tracking::generate_stonesoup_scenario(params, 5);
    detections_ = (dir_ / "detections.csv").string();
    rampart::tracking::write_detections_csv(detections_, scenario.detections);
  }
  std::string detections_;
};

using rampart::test::read_bytes;

struct CsvRow {
  double t_s, x_m, y_m;
  std::uint32_t track_id;
};

std::vector<CsvRow> read_tracks_csv(const std::filesystem::path& path) {
  std::vector<CsvRow> rows;
  std::istringstream in(rampart::test::slurp(path));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string scan, t, id, x, y;
    std::getline(fields, scan, ',');
    std::getline(fields, t, ',');
    std::getline(fields, id, ',');
    std::getline(fields, x, ',');
    std::getline(fields, y, ',');
    rows.push_back({std::stod(t), std::stod(x), std::stod(y), static_cast<std::uint32_t>(std::stoul(id))});
  }
  return rows;
}

TEST_F(TrackCat062, FileHoldsOneBlockPerScanWithEveryConfirmedTrackOfTracksCsv) {
  const auto cat062 = dir_ / "tracks.ast";
  const auto run = rampart::test::run_rampart("track --detections " + detections_ + " --out " + dir_.string() +
                                              " --cat062 " + cat062.string() +
                                              " --origin-lat-deg 46.5 --origin-lon-deg 7.25");
  ASSERT_EQ(run.status, 0) << run.err;
  const std::vector<CsvRow> rows = read_tracks_csv(dir_ / "tracks.csv");
  ASSERT_GT(rows.size(), 50u);
  const Bytes stream = read_bytes(cat062);
  const auto tracks = rampart::io::decode_cat062(stream, cat062.string());
  ASSERT_EQ(tracks.size(), rows.size());

  std::map<double, int> rows_per_time;
  for (const CsvRow& r : rows) ++rows_per_time[r.t_s];
  const auto blocks = rampart::test::asterix_blocks(stream);
  EXPECT_EQ(blocks.size(), rows_per_time.size());  // one block per scan with confirmed tracks
  for (const Bytes& b : blocks) EXPECT_EQ(b[0], 62);

  const rampart::LocalFrame frame(rampart::Geodetic{46.5, 7.25, 0.0});
  std::map<std::uint32_t, CsvRow> first;
  std::map<std::uint32_t, std::pair<CsvRow, Cat062Track>> last;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Cat062Track& t = tracks[i];
    const CsvRow& r = rows[i];
    SCOPED_TRACE("record " + std::to_string(i));
    EXPECT_EQ(t.track_number, r.track_id);
    EXPECT_NEAR(t.time_of_day_s, r.t_s, 0.5 / 128);
    ASSERT_TRUE(t.position_xy.has_value());
    EXPECT_NEAR(t.position_xy->x_m, r.x_m, 0.25);
    EXPECT_NEAR(t.position_xy->y_m, r.y_m, 0.25);
    ASSERT_TRUE(t.position_wgs84.has_value());
    const rampart::Geodetic g = frame.surface_point(r.x_m, r.y_m, 0.0);
    EXPECT_NEAR(t.position_wgs84->lat_deg, g.lat_deg, 180.0 / 33554432.0);
    EXPECT_NEAR(t.position_wgs84->lon_deg, g.lon_deg, 180.0 / 33554432.0);
    EXPECT_TRUE(t.confirmed);
    EXPECT_EQ(t.sac, 0);
    EXPECT_EQ(t.sic, 1);
    ASSERT_TRUE(t.velocity.has_value());  // the filter's velocity, in every record
    first.emplace(r.track_id, r);
    last.insert_or_assign(r.track_id, std::pair{r, t});
  }
  // By a track's last scan its filtered velocity agrees with its mean motion over its life.
  for (const auto& [id, end] : last) {
    const CsvRow& start = first.at(id);
    const double dt_s = end.first.t_s - start.t_s;
    if (dt_s < 10.0) continue;
    SCOPED_TRACE("track " + std::to_string(id));
    EXPECT_NEAR(end.second.velocity->vx_mps, (end.first.x_m - start.x_m) / dt_s, 10.0);
    EXPECT_NEAR(end.second.velocity->vy_mps, (end.first.y_m - start.y_m) / dt_s, 10.0);
  }
}

TEST_F(TrackCat062, WithoutAnOriginThereIsNoWgs84Position) {
  const auto cat062 = dir_ / "tracks.ast";
  const auto run = rampart::test::run_rampart("track --detections " + detections_ + " --cat062 " + cat062.string());
  ASSERT_EQ(run.status, 0) << run.err;
  const auto tracks = rampart::io::read_cat062_file(cat062.string());
  ASSERT_FALSE(tracks.empty());
  for (const Cat062Track& t : tracks) EXPECT_FALSE(t.position_wgs84.has_value());
}

TEST_F(TrackCat062, UdpDatagramsOnLoopbackAreTheFilesBlocks) {
  rampart::test::LoopbackUdpReceiver receiver;
  const auto cat062 = dir_ / "tracks.ast";
  rampart::test::CommandResult run;
  const auto datagrams = receiver.receive_while([&] {
    run = rampart::test::run_rampart("track --detections " + detections_ + " --cat062 " + cat062.string() +
                                     " --cat062-udp " + receiver.target());
  });
  ASSERT_EQ(run.status, 0) << run.err;
  const std::vector<Bytes> file_blocks = rampart::test::asterix_blocks(read_bytes(cat062));
  ASSERT_FALSE(file_blocks.empty());
  EXPECT_EQ(datagrams, file_blocks);
  std::size_t records = 0;
  for (const Bytes& d : datagrams) records += rampart::io::decode_cat062(d, "datagram").size();
  EXPECT_EQ(records, rampart::io::read_cat062_file(cat062.string()).size());
}

TEST_F(TrackCat062, BadUdpTargetIsAnInputError) {
  const auto run = rampart::test::run_rampart("track --detections " + detections_ + " --cat062-udp 127.0.0.1");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--cat062-udp: '127.0.0.1' is not HOST:PORT"), std::string::npos) << run.err;
}

}  // namespace
