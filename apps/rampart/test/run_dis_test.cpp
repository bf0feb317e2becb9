// `rampart run --dis HOST:PORT` / `--dis-file FILE` and `--dis-listen PORT`: the default
// scenario's DIS PDUs (Entity State, of the interceptors in flight too, Fire and Detonation) decode in tshark with no malformed
// frame and to the values in the file; the datagrams are the file's PDUs; bad options exit 2; and
// two rampart processes federate over loopback, one flying a raid, the other tracking it.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "cli_support.h"
#include "io/dis_pdu.h"
#include "io/test/tshark.h"
#include "io/test/udp_pcap.h"

namespace {

using Bytes = std::vector<std::uint8_t>;
namespace fs = std::filesystem;
using rampart::io::DisDetonation;
using rampart::io::DisEntityState;
using rampart::io::DisFire;

/// A stream of PDUs split by their length fields.
std::vector<Bytes> split_pdus(const Bytes& stream) {
  std::vector<Bytes> pdus;
  for (std::size_t pos = 0; pos + 12 <= stream.size();) {
    const std::size_t length = static_cast<std::size_t>(stream[pos + 8] << 8 | stream[pos + 9]);
    pdus.emplace_back(stream.begin() + static_cast<std::ptrdiff_t>(pos),
                      stream.begin() + static_cast<std::ptrdiff_t>(pos + length));
    pos += length;
  }
  return pdus;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("rampart_run_dis_" + name + "_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

TEST(RunDis, TheDefaultScenarioSendsEntityStateFireAndDetonationPdusTsharkDecodesCleanly) {
  const fs::path dir = scratch("default");
  const fs::path file = dir / "run.dis";
  const auto run = rampart::test::run_rampart("run --dis-file " + file.string());
  ASSERT_EQ(run.status, 0) << run.err;
  const Bytes stream = rampart::test::read_bytes(file);
  const rampart::io::DisDecoded decoded = rampart::io::decode_dis(stream, file.string());
  std::size_t states = 0, fires = 0, detonations = 0, destroyed = 0, interceptor_states = 0;
  for (const auto& p : decoded.pdus) {
    if (const auto* e = std::get_if<DisEntityState>(&p)) {
      ++states;
      if (e->appearance == rampart::io::kDisAppearanceDestroyed) ++destroyed;
      // An interceptor in flight: a guided anti-air munition (docs/dis.md).
      if (e->type == rampart::io::DisEntityType{2, 1, 0, 1, 0, 0, 0}) ++interceptor_states;
    }
    fires += std::holds_alternative<DisFire>(p);
    detonations += std::holds_alternative<DisDetonation>(p);
  }
  EXPECT_GT(states, 1000u);
  EXPECT_GT(fires, 10u);
  EXPECT_GE(detonations, fires - 10);  // a few interceptors are still in flight at the end
  EXPECT_GT(destroyed, 0u);
  EXPECT_GT(interceptor_states, 2 * fires);  // at least its first and its last
  EXPECT_EQ(decoded.skipped, 0u);
  if (!rampart::io::test::tshark_installed()) GTEST_SKIP() << "tshark is not installed (scripts/setup.sh installs it)";
  const std::vector<Bytes> pdus = split_pdus(stream);
  ASSERT_EQ(pdus.size(), decoded.pdus.size());
  const std::string pcap = (dir / "run.pcap").string();
  ASSERT_TRUE(rampart::io::test::write_udp_pcap(pcap, pdus, rampart::io::kDisPort));
  EXPECT_EQ(rampart::io::test::tshark_problems(pcap, rampart::io::test::kDis), "");
  const auto rows = rampart::io::test::tshark_rows(
      pcap, {"pdu_type", "entity_id_entity", "entity_location.x", "fire.location.x", "detonation.location.x",
             "detonation.result"},
      rampart::io::test::kDis);
  fs::remove_all(dir);
  ASSERT_EQ(rows.size(), decoded.pdus.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE("PDU " + std::to_string(i));
    const auto& r = rows[i];
    const auto first = [](const std::string& cell) { return cell.substr(0, cell.find(',')); };
    if (const auto* e = std::get_if<DisEntityState>(&decoded.pdus[i])) {
      ASSERT_EQ(r[0], "1");
      EXPECT_EQ(std::stoi(r[1]), e->id.entity);
      EXPECT_NEAR(std::stod(r[2]), e->p_ecef_m.x(), 1e-8 * std::abs(e->p_ecef_m.x()));
    } else if (const auto* f = std::get_if<DisFire>(&decoded.pdus[i])) {
      ASSERT_EQ(r[0], "2");
      EXPECT_EQ(std::stoi(first(r[1])), f->firing.entity);
      EXPECT_NEAR(std::stod(r[3]), f->p_ecef_m.x(), 1e-8 * std::abs(f->p_ecef_m.x()));
    } else {
      const auto& d = std::get<DisDetonation>(decoded.pdus[i]);
      ASSERT_EQ(r[0], "3");
      EXPECT_NEAR(std::stod(r[4]), d.p_ecef_m.x(), 1e-8 * std::abs(d.p_ecef_m.x()));
      EXPECT_EQ(std::stoi(r[5]), d.result);
    }
  }
}

TEST(RunDis, DatagramsOnLoopbackAreTheFilesPdus) {
  rampart::test::LoopbackUdpReceiver receiver;
  const fs::path dir = scratch("udp");
  const fs::path file = dir / "run.dis";
  rampart::test::CommandResult run;
  const auto datagrams = receiver.receive_while([&] {
    run = rampart::test::run_rampart(std::string("run ") + RAMPART_SOURCE_DIR + "/src/scenario/test/data/minimal.yaml" +
                                     " --dis-file " + file.string() + " --dis " + receiver.target() +
                                     " --dis-site 5 --dis-application 6");
  });
  const auto pdus = split_pdus(rampart::test::read_bytes(file));
  fs::remove_all(dir);
  ASSERT_EQ(run.status, 0) << run.err;
  ASSERT_GT(pdus.size(), 50u);
  EXPECT_TRUE(datagrams == pdus);
  const auto first = std::get<DisEntityState>(rampart::io::decode_dis(datagrams.at(0), "datagram").pdus.at(0));
  EXPECT_EQ(first.id.site, 5);
  EXPECT_EQ(first.id.application, 6);
}

TEST(RunDis, BadOptionsExitTwoSayingWhatToFix) {
  rampart::test::expect_bad_input(rampart::test::run_rampart("run --dis 127.0.0.1"),
                                  "--dis: '127.0.0.1' is not HOST:PORT", "--dis 127.0.0.1");
  rampart::test::expect_bad_input(rampart::test::run_rampart("run --dis-file /nonexistent/dir/run.dis"),
                                  "/nonexistent/dir/run.dis", "--dis-file");
  rampart::test::LoopbackUdpReceiver taken;  // holds its port: a second socket cannot have it
  const std::string port = taken.target().substr(taken.target().find(':') + 1);
  rampart::test::expect_bad_input(rampart::test::run_rampart("run --dis-listen " + port),
                                  "--dis-listen: cannot listen on UDP port " + port, "--dis-listen");
  const auto zero = rampart::test::run_rampart("run --dis-threshold 0");
  EXPECT_NE(zero.status, 0);
}

/// Rows of a CSV file whose header names `column`: that column's cells.
std::vector<std::string> column(const fs::path& csv, const std::string& name) {
  std::istringstream in(rampart::test::slurp(csv));
  std::string line;
  std::getline(in, line);
  const auto header = rampart::io::test::split(line, ',');
  const auto at = static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  std::vector<std::string> cells;
  while (std::getline(in, line)) {
    const auto row = rampart::io::test::split(line, ',');
    cells.push_back(at < row.size() ? row[at] : "");
  }
  return cells;
}

// Federation: the defender (no threat of its own in the air) listens; the attacker flies four
// aircraft and sends them; the defender's radar tracks them. Both at 6x real time: 60 s in 10 s.
TEST(RunDis, TwoProcessesFederateOverLoopbackAndTheDefenderTracksTheRaid) {
  std::string port;
  {
    rampart::test::LoopbackUdpReceiver probe;  // a port free a moment ago
    port = probe.target().substr(probe.target().find(':') + 1);
  }
  const fs::path dir = scratch("federation");
  const std::string data = std::string(RAMPART_SOURCE_DIR) + "/apps/rampart/test/data/";
  rampart::test::CommandResult defence;
  std::thread defender([&] {
    defence = rampart::test::run_rampart("run " + data + "dis_defence.yaml --dis-listen " + port +
                                         " --realtime 6 --out " + (dir / "defence").string());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // listening before the raid flies
  const auto raid = rampart::test::run_rampart("run " + data + "dis_raid.yaml --dis 127.0.0.1:" + port +
                                               " --realtime 6");
  defender.join();
  const auto truth_names = column(dir / "defence" / "truth.csv", "name");
  const auto truth_ids = column(dir / "defence" / "truth.csv", "truth_id");
  const auto track_truths = column(dir / "defence" / "tracks.csv", "truth_id");
  fs::remove_all(dir);
  ASSERT_EQ(raid.status, 0) << raid.err;
  ASSERT_EQ(defence.status, 0) << defence.err;
  EXPECT_NE(defence.err.find("4 entities federated"), std::string::npos) << defence.err;
  // The raid's aircraft are in the defender's truth under their markings, ids 2 to 5 (its own
  // raid, entity 1, never takes off).
  std::set<std::string> raiders;
  for (std::size_t i = 0; i < truth_names.size(); ++i)
    if (truth_names[i].rfind("Raid-", 0) == 0) raiders.insert(truth_ids[i]);
  EXPECT_EQ(raiders, (std::set<std::string>{"2", "3", "4", "5"}));
  // Confirmed tracks of them.
  std::set<std::string> tracked;
  for (const auto& t : track_truths)
    if (raiders.count(t)) tracked.insert(t);
  EXPECT_GE(tracked.size(), 3u) << "tracks of " << tracked.size() << " of the 4 raiders";
}

}  // namespace
