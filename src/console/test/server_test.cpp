// The server over real sockets: a Beast WebSocket and plain HTTP client against a fake exercise.
#include "console/server.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "core/error.h"

namespace rampart::console {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

struct FakeExercise : Exercise {
  Json hello(Role role) const override { return {{"type", "hello"}, {"role", to_string(role)}}; }
  void handle(const ClientMessage& m, Role) override {
    if (std::holds_alternative<Seek>(m)) throw InputError("no seeking here");
    ++handled;
  }
  std::atomic<int> handled{0};
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("rampart_server_" + std::to_string(::getpid()));
    std::filesystem::create_directories(root_);
    std::ofstream(root_ / "index.html") << "<!doctype html><title>console</title>";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::unique_ptr<Server> start(bool training = false, std::size_t queue_limit = 32) {
    auto server = std::make_unique<Server>(ServerOptions{"127.0.0.1", 0, root_.string(), training, queue_limit},
                                           exercise_, picture_, mutex_);
    server->start(1);
    return server;
  }

  std::unique_ptr<websocket::stream<tcp::socket>> connect(unsigned short port, const std::string& target) {
    auto ws = std::make_unique<websocket::stream<tcp::socket>>(ioc_);
    ws->next_layer().connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    ws->handshake("127.0.0.1:" + std::to_string(port), target);
    return ws;
  }

  static Json receive(websocket::stream<tcp::socket>& ws) {
    beast::flat_buffer buffer;
    ws.read(buffer);
    return Json::parse(beast::buffers_to_string(buffer.data()));
  }

  /// The status line's code of a raw HTTP request.
  int http_status(unsigned short port, const std::string& raw) {
    tcp::socket socket(ioc_);
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    net::write(socket, net::buffer(raw));
    std::string status_line;
    beast::error_code ec;
    net::read_until(socket, net::dynamic_buffer(status_line), "\r\n", ec);
    if (ec || !status_line.starts_with("HTTP/1.1 ")) return -1;
    return std::stoi(status_line.substr(9, 3));
  }

  std::filesystem::path root_;
  net::io_context ioc_;
  FakeExercise exercise_;
  Picture picture_;
  std::mutex mutex_;
};

TEST_F(ServerTest, AClientGetsHelloThenASnapshotThenTheDeltas) {
  picture_.set_tracks({{{"id", 1}, {"lat", 1.0}}});
  const auto server = start();
  auto ws = connect(server->port(), "/ws?role=trainee");
  EXPECT_EQ(receive(*ws).at("role"), "trainee");
  const Json snapshot = receive(*ws);
  EXPECT_EQ(snapshot.at("type"), "snapshot");
  ASSERT_EQ(snapshot.at("tracks").size(), 1u);
  while (server->client_count() == 0) std::this_thread::yield();
  Delta d;
  {
    const std::lock_guard lock(mutex_);
    picture_.set_tracks({{{"id", 1}, {"lat", 2.0}}});
    d = picture_.take_delta();
  }
  server->broadcast(d);
  const Json delta = receive(*ws);
  EXPECT_EQ(delta.at("type"), "delta");
  EXPECT_EQ(delta.at("tracks")[0].at("lat"), 2.0);
}

TEST_F(ServerTest, BadMessagesGetAnErrorAndTheConnectionCarriesOn) {
  const auto server = start();
  auto ws = connect(server->port(), "/ws");
  receive(*ws);
  receive(*ws);
  for (const std::string& bad : std::vector<std::string>{"{nope", R"({"type":"seek","t_s":5})", R"({"type":"warp"})",
                                                         std::string(5000, 'x')}) {
    ws->write(net::buffer(bad));
    const Json reply = receive(*ws);
    EXPECT_EQ(reply.at("type"), "error") << bad.substr(0, 40);
  }
  ws->binary(true);
  ws->write(net::buffer(std::string("\x01\x02")));
  EXPECT_EQ(receive(*ws).at("message"), "binary messages are not accepted; send JSON text");
  ws->text(true);
  ws->write(net::buffer(std::string(R"({"type":"control","action":"pause"})")));
  while (exercise_.handled == 0) std::this_thread::yield();
  EXPECT_EQ(exercise_.handled, 1);
  // Over 64 KiB the connection is closed; the server goes on serving others.
  ws->write(net::buffer(std::string(70'000, ' ')));
  beast::flat_buffer buffer;
  beast::error_code ec;
  ws->read(buffer, ec);
  EXPECT_TRUE(ec);
  auto again = connect(server->port(), "/ws");
  EXPECT_EQ(receive(*again).at("type"), "hello");
}

TEST_F(ServerTest, ASlowClientIsResynchronisedAndNeverBlocksTheBroadcaster) {
  const auto server = start(false, 4);
  auto ws = connect(server->port(), "/ws");
  receive(*ws);
  receive(*ws);
  while (server->client_count() == 0) std::this_thread::yield();
  // Deltas of 256 KiB each (a padded track that changes every time), 200 of them, to a client that reads nothing meanwhile: the socket
  // buffers fill, the queue reaches its limit, and the client is cut back to a snapshot.
  const std::string big(256 * 1024, 'x');
  for (int i = 0; i < 200; ++i) {
    Delta d;
    {
      const std::lock_guard lock(mutex_);
      picture_.set_tracks({{{"id", 1}, {"pad", big}, {"n", i}}});
      d = picture_.take_delta();
    }
    server->broadcast(d);
  }
  while (server->resyncs() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // The client now reads: deltas, then a snapshot, then only deltas newer than the snapshot.
  std::uint64_t last_seq = 0;
  bool saw_snapshot = false;
  int messages = 0;
  while (last_seq < 200) {
    const Json m = receive(*ws);
    ++messages;
    const std::uint64_t seq = m.at("seq").get<std::uint64_t>();
    if (m.at("type") == "snapshot") saw_snapshot = true;
    else EXPECT_GT(seq, last_seq) << "deltas come in order, none the snapshot holds";
    last_seq = seq;
  }
  EXPECT_TRUE(saw_snapshot);
  EXPECT_LT(messages, 200) << "the deltas it could not take were dropped";
}

TEST_F(ServerTest, HttpServesThePageSafely) {
  const auto server = start();
  const unsigned short port = server->port();
  const auto get = [&](const std::string& path, const std::string& method = "GET") {
    return http_status(port, method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  };
  EXPECT_EQ(get("/"), 200);
  EXPECT_EQ(get("/", "HEAD"), 200);
  EXPECT_EQ(get("/index.html", "POST"), 405);
  EXPECT_EQ(get("/../../etc/passwd"), 400);
  EXPECT_EQ(get("/%2e%2e/%2e%2e/etc/passwd"), 400);
  EXPECT_EQ(get("/nothing.js"), 404);
  EXPECT_EQ(http_status(port, "GARBAGE\r\n\r\n"), 400);
  // WebSocket: unknown role, another path, another site's page, an analyst in training.
  const auto upgrade = [&](const std::string& target, const std::string& origin) {
    return http_status(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                 "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + origin + "\r\n");
  };
  EXPECT_EQ(upgrade("/ws?role=admiral", ""), 400);
  EXPECT_EQ(upgrade("/socket", ""), 404);
  EXPECT_EQ(upgrade("/ws", "Origin: http://evil.example\r\n"), 403);
  EXPECT_EQ(upgrade("/ws", "Origin: http://127.0.0.1:" + std::to_string(port) + "\r\n"), 101);
  const auto training = start(true);
  EXPECT_EQ(http_status(training->port(), "GET /ws?role=analyst HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
                                          "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                                          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"),
            403);
}

TEST_F(ServerTest, TruthIsForAnalystsOutsideTraining) {
  const auto training = start(true);
  auto trainee = connect(training->port(), "/ws?role=trainee");
  receive(*trainee);
  receive(*trainee);
  trainee->write(net::buffer(std::string(R"({"type":"truth","show":true})")));
  EXPECT_EQ(receive(*trainee).at("message"), "truth is not shown in training");

  const auto open = start(false);
  auto analyst = connect(open->port(), "/ws");
  receive(*analyst);
  EXPECT_FALSE(receive(*analyst).contains("truth"));
  analyst->write(net::buffer(std::string(R"({"type":"truth","show":true})")));
  EXPECT_TRUE(receive(*analyst).contains("truth")) << "a snapshot with truth follows at once";
}

TEST_F(ServerTest, APortInUseIsBadInput) {
  const auto server = start();
  EXPECT_THROW(Server(ServerOptions{"127.0.0.1", server->port(), root_.string()}, exercise_, picture_, mutex_),
               InputError);
  EXPECT_THROW(Server(ServerOptions{"not-an-address", 0, root_.string()}, exercise_, picture_, mutex_), InputError);
}

}  // namespace
}  // namespace rampart::console
