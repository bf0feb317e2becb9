// `rampart run --asterix FILE` (every radar plot as CAT048, the antennas' turns as CAT034; also
// live with --asterix-udp HOST:PORT) and
// `rampart track --asterix FILE`: the default scenario's plots written as ASTERIX agree with its
// plots.csv, tshark reads them with no malformed frame, and tracking them gives what tracking
// plots.csv gives. Malformed files exit 2 with where and what.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

#include "cli_support.h"
#include "io/asterix_block.h"
#include "io/asterix_cat034.h"
#include "io/asterix_cat048.h"
#include "io/test/tshark.h"
#include "io/test/udp_pcap.h"

namespace {

using Bytes = std::vector<std::uint8_t>;
namespace fs = std::filesystem;

// The default scenario's radars as layout.csv gives them (SIC = 1 + index among the radars).
const std::string kSites = " --radar-site 0/1=-5000.3,12000.8,415 --radar-site 0/2=15054.4,5004.8,70";

class RunAsterix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("rampart_run_asterix_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    const auto run = rampart::test::run_rampart("run --out " + (dir_ / "run").string() + " --asterix " + ast());
    ASSERT_EQ(run.status, 0) << run.err;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static std::string ast() { return (dir_ / "run.ast").string(); }

  static fs::path dir_;
};

fs::path RunAsterix::dir_;

struct PlotRow {
  double t_s, range_m, az_deg;
  std::string sensor;
  bool has_elevation;
  double amplitude_dbm;
  std::optional<double> radial_speed_mps;
};

std::vector<PlotRow> read_plots_csv(const fs::path& path) {
  std::vector<PlotRow> rows;
  std::istringstream in(rampart::test::slurp(path));
  std::string line;
  std::getline(in, line);  // t_s,sensor,plot_id,range_m,az_deg,el_deg,east_m,north_m,up_m,amplitude_dbm,radial_speed_mps,...
  while (std::getline(in, line)) {
    const auto f = rampart::io::test::split(line, ',');
    rows.push_back({std::stod(f[0]), std::stod(f[3]), std::stod(f[4]), f[1], !f[5].empty(), std::stod(f[9]),
                    f[10].empty() ? std::nullopt : std::optional<double>(std::stod(f[10]))});
  }
  return rows;
}

TEST_F(RunAsterix, EveryPlotOfPlotsCsvIsACat048ReportOfItsRadar) {
  const auto rows = read_plots_csv(dir_ / "run" / "plots.csv");
  auto reports = rampart::io::decode_cat048(rampart::io::asterix::read_file(ast()), ast());
  ASSERT_GT(rows.size(), 1000u);
  ASSERT_EQ(reports.size(), rows.size());
  // Both in time order; within one time, ordered alike by radar and range. Amplitude: PAM's
  // dBm byte; radial speed: I048/120 CAL in m/s (NaN when absent).
  using Row = std::tuple<double, int, double, double, bool, double, double>;
  const double none = std::nan("");
  std::vector<Row> csv;
  for (const PlotRow& r : rows) {
    csv.emplace_back(std::round(r.t_s * 10.0), r.sensor == "SR-1 Ridge" ? 1 : 2, r.range_m, r.az_deg, r.has_elevation,
                     std::clamp(r.amplitude_dbm, -128.0, 127.0), r.radial_speed_mps.value_or(none));
  }
  std::vector<Row> asterix;
  for (const auto& r : reports) {
    EXPECT_EQ(r.sac, 0);
    EXPECT_EQ(r.detection, rampart::io::Cat048DetectionType::kSinglePsr);
    EXPECT_TRUE(r.simulated);
    EXPECT_FALSE(r.mode3a_code || r.track_number || r.aircraft_address || r.velocity);
    EXPECT_TRUE(r.characteristics && r.characteristics->psr_amplitude_dbm && !r.characteristics->ssr_replies &&
                !r.characteristics->ssr_amplitude_dbm);
    asterix.emplace_back(std::round(r.time_of_day_s * 10.0), r.sic, *r.range_nm * 1852.0, *r.azimuth_deg,
                         r.flight_level_fl.has_value(), r.characteristics->psr_amplitude_dbm.value_or(0),
                         r.radial_doppler_speed_mps.value_or(none));
  }
  std::sort(csv.begin(), csv.end());
  std::sort(asterix.begin(), asterix.end());
  int with_flight_level = 0, with_radial_speed = 0;
  double weakest_dbm = 0.0, strongest_dbm = -200.0;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const auto& [t_c, sic_c, range_c, az_c, el_c, pam_c, radial_c] = csv[i];
    const auto& [t_a, sic_a, range_a, az_a, fl_a, pam_a, radial_a] = asterix[i];
    SCOPED_TRACE("plot " + std::to_string(i));
    EXPECT_EQ(t_a, t_c);
    EXPECT_EQ(sic_a, sic_c);
    EXPECT_NEAR(range_a, range_c, 1852.0 / 512 + 0.05);  // half an LSB of RHO, and the CSV's 0.1 m
    EXPECT_NEAR(std::remainder(az_a - az_c, 360.0), 0.0, 180.0 / 65536 + 5e-5);
    EXPECT_FALSE(sic_a == 2 && fl_a);  // SR-2 is 2-D
    EXPECT_FALSE(fl_a && !el_c);      // a flight level only for a plot with an elevation
    EXPECT_NEAR(pam_a, pam_c, 0.55);  // rounded to 1 dBm, and the CSV's 0.1
    // SR-2 alone measures the radial speed (a Doppler radar), and its plots carry it.
    EXPECT_EQ(std::isnan(radial_c), sic_c == 1);
    if (std::abs(radial_c) < 511.0) {
      EXPECT_NEAR(radial_a, radial_c, 0.55);
    }
    with_flight_level += fl_a ? 1 : 0;
    with_radial_speed += std::isnan(radial_a) ? 0 : 1;
    weakest_dbm = std::min(weakest_dbm, pam_a);
    strongest_dbm = std::max(strongest_dbm, pam_a);
  }
  EXPECT_GT(with_flight_level, 1000);
  EXPECT_GT(with_radial_speed, 1000);
  // Echoes from the detection threshold (13 dB over k T0 F B, -110.8 dBm for SR-1's 1 us pulse
  // and 3 dB noise figure, less its coherent gain) to a big target near the radar.
  EXPECT_LT(weakest_dbm, -110.0);
  EXPECT_GT(strongest_dbm, -90.0);
}

TEST_F(RunAsterix, EachAntennaTurnGivesANorthMarkerAnd31SectorCrossingsInTimeOrder) {
  // Records in file order, block by block: times never decrease.
  double last_t_s = -1.0;
  std::map<std::pair<int, int>, int> count;  // (SIC, message type)
  for (const Bytes& block : rampart::test::asterix_blocks(rampart::test::read_bytes(ast()))) {
    std::vector<double> times;
    for (const auto& r : rampart::io::decode_cat048(block, "block")) times.push_back(r.time_of_day_s);
    for (const auto& m : rampart::io::decode_cat034(block, "block")) {
      times.push_back(m.time_of_day_s);
      ++count[{m.sic, m.message_type}];
      if (m.message_type == rampart::io::kCat034NorthMarker) {
        EXPECT_NEAR(*m.antenna_rotation_period_s, m.sic == 1 ? 6.0 : 4.8, 0.5 / 128);
      } else {
        EXPECT_EQ(std::fmod(*m.sector_azimuth_deg, 11.25), 0.0);
      }
    }
    for (double t_s : times) {
      EXPECT_GE(t_s, last_t_s);
      last_t_s = t_s;
    }
  }
  // 1200 s: 200 turns of SR-1 (6 s), 250 of SR-2 (4.8 s).
  EXPECT_EQ((count[{1, 1}]), 200);
  EXPECT_EQ((count[{1, 2}]), 200 * 31);
  EXPECT_EQ((count[{2, 1}]), 250);
  EXPECT_EQ((count[{2, 2}]), 250 * 31);
}

TEST_F(RunAsterix, TsharkFindsNoMalformedFrame) {
  if (!rampart::io::test::tshark_installed()) GTEST_SKIP() << "tshark is not installed (scripts/setup.sh installs it)";
  std::vector<Bytes> blocks = rampart::test::asterix_blocks(rampart::test::read_bytes(ast()));
  blocks.resize(std::min<std::size_t>(blocks.size(), 400));
  const std::string pcap = (dir_ / "run.pcap").string();
  ASSERT_TRUE(rampart::io::test::write_udp_pcap(pcap, blocks, 8600));
  EXPECT_EQ(rampart::io::test::tshark_problems(pcap), "");
  const auto rho = rampart::io::test::tshark_columns(pcap, {"048_040_RHO"}, "asterix.048_040_RHO");
  std::size_t reports = 0;
  for (const Bytes& b : blocks) reports += rampart::io::decode_cat048(b, "block").size();
  EXPECT_EQ(rho[0].size(), reports);
}

// Tracking the ASTERIX plots gives what tracking plots.csv gives: the same plots and scans, and
// a GOSPA within a few per cent (the plots differ by the LSBs of RHO and THETA).
TEST_F(RunAsterix, TrackingTheAsterixPlotsMatchesTrackingPlotsCsv) {
  const std::string truth = " --truth " + (dir_ / "run" / "truth.csv").string() + " --json";
  const auto csv = rampart::test::run_rampart("track --detections " + (dir_ / "run" / "plots.csv").string() +
                                              " --scan-period-s 6" + truth);
  const auto asterix = rampart::test::run_rampart("track --asterix " + ast() + kSites + truth);
  ASSERT_EQ(csv.status, 0) << csv.err;
  ASSERT_EQ(asterix.status, 0) << asterix.err;
  const auto number = [](const std::string& json, const std::string& key) {
    const auto at = json.find("\"" + key + "\": ");
    EXPECT_NE(at, std::string::npos) << key;
    return std::stod(json.substr(at + key.size() + 4));
  };
  EXPECT_EQ(number(asterix.out, "scans"), number(csv.out, "scans"));  // the period from CAT034: 6 s
  EXPECT_EQ(number(asterix.out, "plots"), number(csv.out, "plots"));
  EXPECT_NEAR(number(asterix.out, "gospa_mean"), number(csv.out, "gospa_mean"), 0.03 * number(csv.out, "gospa_mean"));
  // The count of confirmed tracks is mostly short false tracks on false alarms and clutter, whose
  // confirmation turns on plot differences of an LSB: it agrees less closely than GOSPA.
  EXPECT_NEAR(number(asterix.out, "tracks_confirmed"), number(csv.out, "tracks_confirmed"),
              0.10 * number(csv.out, "tracks_confirmed"));
}

TEST_F(RunAsterix, OptionErrorsExitTwoWithTheFix) {
  auto run = rampart::test::run_rampart("track --asterix " + ast() + " --radar-site 0/1=-5000.3,12000.8,415");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("CAT048 plots of SAC 0 SIC 2 but no --radar-site 0/2=EAST_M,NORTH_M,ALT_M"), std::string::npos)
      << run.err;
  run = rampart::test::run_rampart("track --asterix " + ast() + " --radar-site 0/1=-5000,12000");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("is not SAC/SIC=EAST_M,NORTH_M,ALT_M"), std::string::npos) << run.err;
  run = rampart::test::run_rampart("track");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("either --detections FILE or --asterix FILE"), std::string::npos) << run.err;
  run = rampart::test::run_rampart("run --asterix /nonexistent/folder/plots.ast");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("/nonexistent/folder/plots.ast"), std::string::npos) << run.err;
}

// Malformed files through the CLI: each exits 2 naming the file, the byte and what is wrong.
TEST_F(RunAsterix, MalformedFilesExitTwoWithWhereAndWhat) {
  const Bytes plot = {0x30, 0x00, 0x12, 0xFC, 0x00, 0x01, 0x54, 0x60, 0x40,
                      0x20, 0x64, 0x00, 0x20, 0x00, 0x0E, 0x00, 0x05, 0x78};
  struct Case {
    std::string name;
    Bytes bytes;
    std::string error;
  };
  Bytes truncated = plot;
  truncated.resize(10);
  Bytes bad_len = plot;
  bad_len[2] = 0x02;
  const std::vector<Case> cases = {
      {"truncated", truncated, "byte 1: data block LEN 18 runs past the end of the input (10 bytes left): truncated block"},
      {"bad_len", bad_len, "byte 1: data block LEN 2 is shorter than the 3-byte block header"},
      {"fspec", {0x30, 0x00, 0x05, 0xFD, 0x01}, "byte 5: FSPEC runs off the end of the data block"},
      {"unknown_category", {0x99, 0x00, 0x04, 0x00}, "no CAT048 plot with a measured position (I048/040)"},
      {"short_header", {0x30, 0x00}, "byte 0: truncated data block"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const fs::path path = dir_ / (c.name + ".ast");
    {
      std::ofstream out(path, std::ios::binary);
      out.write(reinterpret_cast<const char*>(c.bytes.data()), static_cast<std::streamsize>(c.bytes.size()));
    }
    const auto run = rampart::test::run_rampart("track --asterix " + path.string() + kSites);
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find(path.string() + ": " + c.error), std::string::npos) << run.err;
  }
}

// --asterix-udp: every data block of the file also arrives as one datagram, in order.
TEST(RunAsterixUdp, DatagramsOnLoopbackAreTheFilesBlocks) {
  rampart::test::LoopbackUdpReceiver receiver;
  const fs::path dir = fs::temp_directory_path() / ("rampart_run_asterix_udp_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "plots.ast";
  rampart::test::CommandResult run;
  const auto datagrams = receiver.receive_while([&] {
    run = rampart::test::run_rampart(std::string("run ") + RAMPART_SOURCE_DIR + "/src/scenario/test/data/minimal.yaml" +
                                     " --asterix " + file.string() + " --asterix-udp " + receiver.target());
  });
  const auto blocks = rampart::test::asterix_blocks(rampart::test::read_bytes(file));
  fs::remove_all(dir);
  ASSERT_EQ(run.status, 0) << run.err;
  ASSERT_GT(blocks.size(), 100u);
  EXPECT_EQ(datagrams.size(), blocks.size());
  EXPECT_TRUE(datagrams == blocks);
  const auto bad = rampart::test::run_rampart("run --asterix-udp 127.0.0.1");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--asterix-udp: '127.0.0.1' is not HOST:PORT"), std::string::npos) << bad.err;
}

}  // namespace
