#include "console/server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <thread>
#include <vector>

#include "console/static_files.h"
#include "core/error.h"

namespace rampart::console {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

const char* to_string(Role role) {
  switch (role) {
    case Role::kAnalyst: return "analyst";
    case Role::kTrainee: return "trainee";
    case Role::kInstructor: return "instructor";
  }
  return "?";
}

namespace {

// Largest WebSocket message read; larger ones close the connection (1009). Those between
// kMaxClientMessageBytes and this are refused with an error and the connection stays open.
constexpr std::size_t kMaxFrameBytes = 64 * 1024;
constexpr std::size_t kMaxRequestBodyBytes = 8 * 1024;

std::optional<Role> role_of(std::string_view target) {
  const auto q = target.find('?');
  const std::string_view query = q == std::string_view::npos ? "" : target.substr(q + 1);
  std::string_view role = "analyst";
  for (std::size_t start = 0; start <= query.size();) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    const std::string_view pair = query.substr(start, end - start);
    if (pair.starts_with("role=")) role = pair.substr(5);
    start = end + 1;
  }
  if (role == "analyst") return Role::kAnalyst;
  if (role == "trainee") return Role::kTrainee;
  if (role == "instructor") return Role::kInstructor;
  return std::nullopt;
}

std::string error_message(const std::string& text) { return Json{{"type", "error"}, {"message", text}}.dump(); }

}  // namespace

class WsSession;

struct Server::Impl {
  Impl(const ServerOptions& o, Exercise& e, Picture& p, std::mutex& m)
      : options(o), exercise(e), picture(p), picture_mutex(m), acceptor(ioc) {}

  void accept();
  void add(const std::shared_ptr<WsSession>& s) {
    const std::lock_guard lock(sessions_mutex);
    sessions.insert(s);
  }
  void remove(const std::shared_ptr<WsSession>& s) {
    const std::lock_guard lock(sessions_mutex);
    sessions.erase(s);
  }
  std::vector<std::shared_ptr<WsSession>> clients() const {
    const std::lock_guard lock(sessions_mutex);
    return {sessions.begin(), sessions.end()};
  }

  ServerOptions options;
  Exercise& exercise;
  Picture& picture;
  std::mutex& picture_mutex;
  net::io_context ioc;
  tcp::acceptor acceptor;
  std::vector<std::thread> threads;
  mutable std::mutex sessions_mutex;
  std::set<std::shared_ptr<WsSession>> sessions;
  std::atomic<std::uint64_t> resyncs{0};
};

class WsSession : public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(tcp::socket&& socket, Server::Impl& server, Role role)
      : ws_(std::move(socket)), server_(server), role_(role) {}

  void run(http::request<http::string_body> request) {
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.read_message_max(kMaxFrameBytes);
    ws_.async_accept(request, beast::bind_front_handler(&WsSession::on_accept, shared_from_this()));
  }

  /// Read by Server::broadcast on the exercise's thread, set on the session's strand.
  Audience audience() const { return {show_truth_.load(), role_ == Role::kInstructor}; }

  /// Posted to this session's strand by Server::broadcast.
  void deliver(std::shared_ptr<const std::string> message, std::uint64_t seq) {
    net::post(ws_.get_executor(), [self = shared_from_this(), message = std::move(message), seq] {
      if (seq <= self->seq_) return;  // the snapshot it got already holds it
      if (self->queued_deltas() >= self->server_.options.queue_limit) {
        ++self->server_.resyncs;
        self->resynchronise();
        return;
      }
      self->seq_ = seq;
      self->enqueue(message, true);
    });
  }
  void resynchronise_later() {
    net::post(ws_.get_executor(), [self = shared_from_this()] { self->resynchronise(); });
  }
  void send_later(std::shared_ptr<const std::string> message) {
    net::post(ws_.get_executor(), [self = shared_from_this(), message = std::move(message)] {
      self->enqueue(message, false);
    });
  }

 private:
  struct Outgoing {
    std::shared_ptr<const std::string> text;
    bool droppable = false;  ///< a delta, which a snapshot can replace
  };

  void on_accept(beast::error_code ec) {
    if (ec) return;
    server_.add(shared_from_this());
    spdlog::info("console: {} connected ({} clients)", to_string(role_), server_.clients().size());
    enqueue(std::make_shared<const std::string>(server_.exercise.hello(role_).dump()), false);
    send_snapshot();
    read();
  }

  std::size_t queued_deltas() const {
    std::size_t n = 0;
    for (std::size_t i = writing_ ? 1 : 0; i < queue_.size(); ++i) n += queue_[i].droppable;
    return n;
  }

  /// Drops the queued deltas not being written and queues a snapshot.
  void resynchronise() {
    std::deque<Outgoing> kept;
    for (std::size_t i = 0; i < queue_.size(); ++i)
      if ((writing_ && i == 0) || !queue_[i].droppable) kept.push_back(std::move(queue_[i]));
    queue_ = std::move(kept);
    send_snapshot();
  }

  void send_snapshot() {
    std::string snapshot;
    {
      const std::lock_guard lock(server_.picture_mutex);
      snapshot = server_.picture.snapshot(audience());
      seq_ = server_.picture.seq();
    }
    enqueue(std::make_shared<const std::string>(std::move(snapshot)), false);
  }

  void enqueue(std::shared_ptr<const std::string> text, bool droppable) {
    queue_.push_back({std::move(text), droppable});
    if (!writing_) write_next();
  }

  void write_next() {
    writing_ = true;
    ws_.text(true);
    ws_.async_write(net::buffer(*queue_.front().text),
                    beast::bind_front_handler(&WsSession::on_write, shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    queue_.pop_front();
    writing_ = false;
    if (ec) {
      server_.remove(shared_from_this());
      return;
    }
    if (!queue_.empty()) write_next();
  }

  void read() { ws_.async_read(buffer_, beast::bind_front_handler(&WsSession::on_read, shared_from_this())); }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) {
      if (ec == websocket::error::message_too_big)
        spdlog::warn("console: {} sent a message over {} bytes; connection closed", to_string(role_), kMaxFrameBytes);
      server_.remove(shared_from_this());
      spdlog::info("console: {} disconnected", to_string(role_));
      return;
    }
    const std::string text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    try {
      if (!ws_.got_text()) throw InputError("binary messages are not accepted; send JSON text");
      const ClientMessage message = parse_client_message(text);
      if (const auto* truth = std::get_if<ShowTruth>(&message)) {
        if (server_.options.training) throw InputError("truth is not shown in training");
        if (role_ != Role::kAnalyst) throw InputError("only an analyst may show truth");
        show_truth_ = truth->show;
        resynchronise();
      } else {
        server_.exercise.handle(message, role_);
      }
    } catch (const InputError& e) {
      spdlog::warn("console: refused a message from a {}: {}", to_string(role_), e.what());
      enqueue(std::make_shared<const std::string>(error_message(e.what())), false);
    }
    read();
  }

  websocket::stream<beast::tcp_stream> ws_;
  Server::Impl& server_;
  Role role_;
  std::atomic<bool> show_truth_{false};
  beast::flat_buffer buffer_;
  std::deque<Outgoing> queue_;  ///< the front one is being written while writing_
  bool writing_ = false;
  std::uint64_t seq_ = 0;  ///< the last delta the client holds (or the snapshot's)
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket&& socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {}

  void run() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&HttpSession::read, shared_from_this()));
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(kMaxRequestBodyBytes);
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream) {
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
      return;
    }
    if (ec) {
      if (ec != beast::error::timeout) respond_text(http::status::bad_request, "bad request\n", false);
      return;
    }
    http::request<http::string_body> request = parser_->release();
    if (websocket::is_upgrade(request)) return upgrade(std::move(request));
    respond(request);
  }

  void upgrade(http::request<http::string_body> request) {
    const std::string_view target(request.target().data(), request.target().size());
    if (target.substr(0, target.find('?')) != "/ws")
      return respond_text(http::status::not_found, "the WebSocket is at /ws\n", false);
    // A page from another site must not drive the console through the user's browser.
    const auto origin = request.find(http::field::origin);
    const auto host = request.find(http::field::host);
    if (origin != request.end() &&
        (host == request.end() || (origin->value() != "http://" + std::string(host->value()))))
      return respond_text(http::status::forbidden, "cross-origin WebSocket refused\n", false);
    const auto role = role_of(target);
    if (!role) return respond_text(http::status::bad_request, "role must be analyst, trainee or instructor\n", false);
    if (server_.options.training && *role == Role::kAnalyst)
      return respond_text(http::status::forbidden, "a training exercise has trainees and instructors only\n", false);
    stream_.expires_never();
    std::make_shared<WsSession>(stream_.release_socket(), server_, *role)->run(std::move(request));
  }

  template <typename Response>
  void send(Response&& response) {
    auto shared = std::make_shared<std::decay_t<Response>>(std::forward<Response>(response));
    http::async_write(stream_, *shared,
                      [self = shared_from_this(), shared](beast::error_code ec, std::size_t) {
                        if (ec) return;
                        if (shared->need_eof()) {
                          self->stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
                          return;
                        }
                        self->read();
                      });
  }

  template <typename Body>
  static void common_headers(http::response<Body>& response) {
    response.set(http::field::server, "rampart");
    response.set(http::field::cache_control, "no-cache");
    response.set("X-Content-Type-Options", "nosniff");
    // Nothing the page loads or connects to may leave this server.
    response.set("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                 "connect-src 'self'; frame-ancestors 'none'");
  }

  void respond_text(http::status status, const std::string& text, bool keep_alive) {
    http::response<http::string_body> response{status, 11};
    common_headers(response);
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    if (status == http::status::method_not_allowed) response.set(http::field::allow, "GET, HEAD");
    response.keep_alive(keep_alive);
    response.body() = text;
    response.prepare_payload();
    send(std::move(response));
  }

  void respond(const http::request<http::string_body>& request) {
    if (request.method() != http::verb::get && request.method() != http::verb::head)
      return respond_text(http::status::method_not_allowed, "only GET and HEAD\n", request.keep_alive());
    const StaticFile file =
        resolve_static(server_.options.web_root, std::string_view(request.target().data(), request.target().size()));
    if (file.status == 400) return respond_text(http::status::bad_request, "bad path\n", request.keep_alive());
    if (file.status != 200) return respond_text(http::status::not_found, "not found\n", request.keep_alive());
    http::file_body::value_type body;
    beast::error_code ec;
    body.open(file.path.c_str(), beast::file_mode::scan, ec);
    if (ec) return respond_text(http::status::not_found, "not found\n", request.keep_alive());
    const auto size = body.size();
    if (request.method() == http::verb::head) {
      http::response<http::empty_body> response{http::status::ok, request.version()};
      common_headers(response);
      response.set(http::field::content_type, file.content_type);
      response.content_length(size);
      response.keep_alive(request.keep_alive());
      return send(std::move(response));
    }
    http::response<http::file_body> response{std::piecewise_construct, std::make_tuple(std::move(body)),
                                             std::make_tuple(http::status::ok, request.version())};
    common_headers(response);
    response.set(http::field::content_type, file.content_type);
    response.content_length(size);
    response.keep_alive(request.keep_alive());
    send(std::move(response));
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (!acceptor.is_open()) return;
    if (!ec) std::make_shared<HttpSession>(std::move(socket), *this)->run();
    accept();
  });
}

Server::Server(const ServerOptions& options, Exercise& exercise, Picture& picture, std::mutex& picture_mutex)
    : impl_(std::make_unique<Impl>(options, exercise, picture, picture_mutex)) {
  beast::error_code ec;
  const auto address = net::ip::make_address(options.bind_address, ec);
  if (ec) throw InputError(fmt::format("--bind {}: not an IP address ({})", options.bind_address, ec.message()));
  const tcp::endpoint endpoint(address, options.port);
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    throw InputError(fmt::format("cannot listen on {}:{}: {}; choose another --port or --bind", options.bind_address,
                                 options.port, ec.message()));
}

Server::~Server() { stop(); }

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::start(int threads) {
  impl_->accept();
  for (int i = 0; i < threads; ++i) impl_->threads.emplace_back([this] { impl_->ioc.run(); });
}

void Server::stop() {
  if (impl_->threads.empty()) return;
  net::post(impl_->ioc, [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
  });
  impl_->ioc.stop();
  for (auto& t : impl_->threads) t.join();
  impl_->threads.clear();
  const std::lock_guard lock(impl_->sessions_mutex);
  impl_->sessions.clear();
}

void Server::broadcast(const Delta& delta) {
  std::map<Audience, std::shared_ptr<const std::string>> variants;
  for (const auto& client : impl_->clients()) {
    auto& message = variants[client->audience()];
    if (!message) message = std::make_shared<const std::string>(delta.message(client->audience()));
    client->deliver(message, delta.seq);
  }
}

void Server::resynchronise_all() {
  for (const auto& client : impl_->clients()) client->resynchronise_later();
}

void Server::send_all(const std::string& message) {
  const auto shared = std::make_shared<const std::string>(message);
  for (const auto& client : impl_->clients()) client->send_later(shared);
}

std::size_t Server::client_count() const { return impl_->clients().size(); }
std::uint64_t Server::resyncs() const { return impl_->resyncs.load(); }

}  // namespace rampart::console
