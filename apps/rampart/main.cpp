// rampart: the command-line program. Exit status: 0 success, 2 bad input, 1 internal failure or a
// failed write.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <map>

#include "commands.h"
#include "core/error.h"
#include "core/version.h"

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

CLI::Validator seed_validator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::uint64_t seed = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
        if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
          return "'" + text + "' is not a seed; give a whole number from 0 to 18446744073709551615";
        }
        return "";
      },
      "whole number 0 to 2^64 - 1");
}

int report_current_exception() {
  try {
    throw;
  } catch (const rampart::InputError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  } catch (const rampart::Error& e) {  // the environment failed us, e.g. a full disk
    std::fprintf(stderr, "rampart: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rampart: internal error: %s\n", e.what());
    return 1;
  }
}

}  // namespace rampart::app

int main(int argc, char** argv) {
  using namespace rampart::app;
  CLI::App app{"Rampart: integrated air-defence simulator and battle-management decision aid"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", "rampart " + std::string(rampart::project_version()),
                       "Print the version and exit");
  add_run_command(app);
  add_validate_command(app);
  add_wta_command(app);
  add_track_command(app);
  add_mc_command(app);
  add_serve_command(app);
  std::string help_topic;
  CLI::App* help = app.add_subcommand("help", "Print this help, or a command's (`rampart help track`)");
  help->add_option("command", help_topic, "A command");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  if (help->parsed()) {
    // As --help prints it: app.help() would describe the selected subcommand, `help` itself.
    if (help_topic.empty()) {
      std::printf("%s", app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal).c_str());
      return 0;
    }
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub != help && sub->get_name() == help_topic) {
        std::printf("%s", sub->help(app.get_name()).c_str());
        return 0;
      }
    }
    std::fprintf(stderr, "rampart: no command '%s'; the commands are run, validate, track, wta, mc, serve and help\n",
                 help_topic.c_str());
    return 2;
  }
  try {
    for (const auto& [sub, handler] : handlers()) {
      if (sub->parsed()) return handler();
    }
    std::fprintf(stderr, "%s\nrampart: name a command, e.g. `rampart run`\n", app.help().c_str());
    return 2;
  } catch (...) {
    return report_current_exception();
  }
}
