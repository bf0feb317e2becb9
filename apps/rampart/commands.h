// Sub-commands of the `rampart` program. Each lives in its own file and registers itself on the
// CLI11 application; the handler it installs returns the process exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace rampart::app {

/// A sub-command's body; returns the exit status. InputError thrown from it becomes status 2.
using CommandHandler = std::function<int()>;

/// Adds a sub-command; `handler` is stored and called by main when the sub-command is chosen.
void add_command(CLI::App& app, CLI::App* sub, CommandHandler handler);

/// Prints the exception being handled (call it inside a catch block) and returns its exit status:
/// 2 for an InputError, 1 for anything else. main uses it for every command; a command that must
/// end its process itself (a rank of an MPI job) uses it too.
int report_current_exception();

/// Checks a --seed: a whole number from 0 to 2^64 - 1.
CLI::Validator seed_validator();

void add_run_command(CLI::App& app);
void add_validate_command(CLI::App& app);
void add_wta_command(CLI::App& app);
void add_track_command(CLI::App& app);
void add_mc_command(CLI::App& app);
void add_serve_command(CLI::App& app);

}  // namespace rampart::app
