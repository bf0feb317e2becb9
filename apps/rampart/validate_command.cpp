// rampart validate FILE...: every problem of every file, as FILE:LINE:COL: message.
#include <cstdio>
#include <memory>

#include "commands.h"
#include "scenario/loader.h"

namespace rampart::app {

void add_validate_command(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* sub = app.add_subcommand("validate", "Check scenario files; report every problem with FILE:LINE:COL");
  sub->add_option("files", *files, "Scenario files")->required();
  add_command(app, sub, [files] {
    int status = 0;
    for (const auto& file : *files) {
      scenario::Diagnostics d(file);
      scenario::read_scenario_file(file, d);
      std::fprintf(stderr, "%s", d.format_warnings().c_str());
      if (d.empty()) {
        std::printf("%s: ok\n", file.c_str());
      } else {
        std::fprintf(stderr, "%s", d.format().c_str());
        std::fprintf(stderr, "%s: %zu problem%s\n", file.c_str(), d.items().size(), d.items().size() == 1 ? "" : "s");
        status = 2;
      }
    }
    return status;
  });
}

}  // namespace rampart::app
