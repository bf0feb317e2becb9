// The console's HTTP and WebSocket server (Boost.Beast), one process for the page and the picture.
//
// HTTP serves the built page from a static root (static_files.h: no traversal, no listing, GET
// and HEAD only). `/ws?role=ROLE` upgrades to a WebSocket: the client gets `hello`, a snapshot,
// then every delta the exercise broadcasts. Each client has a bounded queue: when it is full
// (the browser reads too slowly or has vanished), the queued deltas are dropped and the client
// gets a fresh snapshot instead, so a slow client never slows the simulation, which only posts
// to the queues. Client messages are parsed (client_message.h) and handed to the Exercise; a
// refused one gets an `error` message and a log line, and the connection stays open.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "console/client_message.h"
#include "console/picture.h"

namespace rampart::console {

enum class Role { kAnalyst, kTrainee, kInstructor };
const char* to_string(Role role);

/// What the server shows: a live run or a replay. Its calls come from the server's threads.
class Exercise {
 public:
  virtual ~Exercise() = default;
  /// The `hello` message for a client of `role`.
  virtual Json hello(Role role) const = 0;
  /// Carries out a client's control, seek, decision or injection; throws InputError when the
  /// role may not, or the message does not fit the exercise.
  virtual void handle(const ClientMessage& message, Role role) = 0;
};

struct ServerOptions {
  std::string bind_address = "127.0.0.1";
  unsigned short port = 8080;  ///< 0: any free port (port() tells which)
  std::string web_root;        ///< the built page (web/dist)
  bool training = false;       ///< analysts refused, truth sent to no one
  std::size_t queue_limit = 32;  ///< deltas queued per client before it is resynchronised
};

class Server {
 public:
  /// Binds and listens (throws InputError when the address is taken or invalid); `picture` is
  /// guarded by `picture_mutex`.
  Server(const ServerOptions& options, Exercise& exercise, Picture& picture, std::mutex& picture_mutex);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;
  /// Serves on `threads` threads until stop().
  void start(int threads);
  void stop();

  /// Queues `delta` for every client (its audience's variant).
  void broadcast(const Delta& delta);
  /// Every client drops what it has queued and gets a snapshot (after a seek).
  void resynchronise_all();
  /// Queues `message` for every client; it is never dropped.
  void send_all(const std::string& message);
  std::size_t client_count() const;
  /// Clients resynchronised because their queue was full, since the start.
  std::uint64_t resyncs() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace rampart::console
