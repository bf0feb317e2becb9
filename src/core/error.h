// One error policy for the whole project.
//
// Bad input from outside (a scenario, a CSV, an instance file, a command-line flag) is reported
// with an InputError whose message says what is wrong, where, and how to fix it; the command-line
// program turns it into exit status 2. A broken internal invariant is a bug: RAMPART_DEMAND aborts
// loudly with the file and line, so it is never mistaken for bad input.
#pragma once

#include <stdexcept>
#include <string>

namespace rampart {

/// Root of every exception Rampart throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad input from outside the program. Exit status 2.
class InputError : public Error {
 public:
  using Error::Error;
};

[[noreturn]] void demand_failed(const char* condition, const char* file, int line,
                                const std::string& message);

}  // namespace rampart

/// Checks an internal invariant; on failure prints the condition and aborts.
#define RAMPART_DEMAND(condition, message)                                     \
  do {                                                                         \
    if (!(condition)) ::rampart::demand_failed(#condition, __FILE__, __LINE__, \
                                               (message));                     \
  } while (false)
