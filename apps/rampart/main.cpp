// rampart: the command-line program. Exit status: 0 success, 2 bad input, 1 internal failure.
#include <cstdio>
#include <exception>
#include <map>

#include "commands.h"
#include "core/error.h"

namespace rampart::app {
namespace {
std::map<const CLI::App*, CommandHandler>& handlers() {
  static std::map<const CLI::App*, CommandHandler> table;
  return table;
}
}  // namespace

void add_command(CLI::App&, CLI::App* sub, CommandHandler handler) {
  handlers()[sub] = std::move(handler);
}

}  // namespace rampart::app

int main(int argc, char** argv) {
  using namespace rampart::app;
  CLI::App app{"Rampart: integrated air-defence simulator and battle-management decision aid"};
  app.require_subcommand(0, 1);
  add_run_command(app);
  add_validate_command(app);
  add_wta_command(app);
  add_track_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  try {
    for (const auto& [sub, handler] : handlers()) {
      if (sub->parsed()) return handler();
    }
    std::fprintf(stderr, "%s\nrampart: name a command, e.g. `rampart run`\n", app.help().c_str());
    return 2;
  } catch (const rampart::InputError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rampart: internal error: %s\n", e.what());
    return 1;
  }
}
