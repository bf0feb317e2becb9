#include "c2/wta/instance.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/error.h"
#include "core/text_file.h"
#include "core/random.h"

namespace rampart::wta {
namespace {

// Hands out whitespace-separated tokens with the line each one is on.
class Tokens {
 public:
  Tokens(std::string_view text, const std::string& name) : text_(text), name_(name) {}

  bool at_end() {
    skip_space();
    return pos_ == text_.size();
  }

  std::size_t remaining_tokens() const {
    std::size_t count = 0;
    bool in_token = false;
    for (std::size_t k = pos_; k < text_.size(); ++k) {
      const bool space = is_space(text_[k]);
      if (!space && !in_token) ++count;
      in_token = !space;
    }
    return count;
  }

  long long integer(const char* what, long long lo, long long hi) {
    const std::string_view token = next(what);
    long long v = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
    const bool whole = end == token.data() + token.size();
    if (ec == std::errc::result_out_of_range && whole) {
      fail(fmt::format("{} must be in [{}, {}], found {}", what, lo, hi, token));
    }
    if (ec != std::errc() || !whole) fail(fmt::format("{} must be an integer, found '{}'", what, token));
    if (v < lo || v > hi) fail(fmt::format("{} must be in [{}, {}], found {}", what, lo, hi, v));
    return v;
  }

  double real(const char* what, double lo, double hi) {
    const std::string_view token = next(what);
    double v = 0.0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
    if (ec != std::errc() || end != token.data() + token.size() || !std::isfinite(v)) {
      fail(fmt::format("{} must be a finite number, found '{}'", what, token));
    }
    if (v < lo || v > hi) fail(fmt::format("{} must be in [{}, {}], found {}", what, lo, hi, v));
    return v;
  }

  void expect_end() {
    if (at_end()) return;
    const std::string_view token = next("the end of the file");
    fail(fmt::format("unexpected '{}' after the m * n lines 'i j p' (the file should end there)", token));
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(fmt::format("{}:{}: {}", name_, token_line_, what));
  }

 private:
  static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  }

  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) {
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
  }

  std::string_view next(const char* what) {
    skip_space();
    token_line_ = line_;
    if (pos_ == text_.size()) fail(fmt::format("unexpected end of file, expected {}", what));
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !is_space(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  std::string_view text_;
  const std::string& name_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int token_line_ = 1;
};

}  // namespace

// Multiplied directly rather than through logs, so p = 1 gives exactly 0.
double survival_probability(const Instance& instance, const Assignment& x, int j) {
  double s = 1.0;
  for (int i = 0; i < instance.weapon_types; ++i) {
    const int count = x[static_cast<std::size_t>(i) * instance.targets + j];
    if (count > 0) s *= std::pow(1.0 - instance.p(i, j), count);
  }
  return s;
}

double expected_survival(const Instance& instance, const Assignment& x) {
  double total = 0.0;
  for (int j = 0; j < instance.targets; ++j) total += instance.value[j] * survival_probability(instance, x, j);
  return total;
}

bool is_feasible(const Instance& instance, const Assignment& x) {
  if (x.size() != static_cast<std::size_t>(instance.weapon_types) * instance.targets) return false;
  for (int i = 0; i < instance.weapon_types; ++i) {
    long long sum = 0;
    for (int j = 0; j < instance.targets; ++j) {
      const int count = x[static_cast<std::size_t>(i) * instance.targets + j];
      if (count < 0) return false;
      sum += count;
    }
    if (sum != instance.weapons_per_type) return false;
  }
  return true;
}

Instance parse_instance(std::string_view text, const std::string& name) {
  Tokens tokens(text, name);
  Instance instance;
  instance.weapon_types = static_cast<int>(tokens.integer("the number of weapon types m", 1, kMaxWeapons));
  instance.targets = static_cast<int>(tokens.integer("the number of targets n", 0, kMaxTargets));
  const std::string mu_limit = fmt::format(
      "the number of weapons per type mu (at most {} weapons in all, m * mu, with m = {})", kMaxWeapons,
      instance.weapon_types);
  instance.weapons_per_type =
      static_cast<int>(tokens.integer(mu_limit.c_str(), 1, kMaxWeapons / instance.weapon_types));
  const int m = instance.weapon_types;
  const int n = instance.targets;
  // Checked before allocating, so a huge m or n in a short file is an error, not an allocation.
  const auto needed = static_cast<std::size_t>(n) + 3 * static_cast<std::size_t>(m) * n;
  if (tokens.remaining_tokens() < needed) {
    tokens.fail(
        fmt::format("m = {} and n = {} need {} more numbers ({} values and {} lines 'i j p'), "
                    "the file has only {}",
                    m, n, needed, n, static_cast<std::size_t>(m) * n, tokens.remaining_tokens()));
  }
  instance.value.resize(n);
  for (int j = 0; j < n; ++j) instance.value[j] = tokens.real("a target value V_j", 0.0, 1e300);
  instance.kill_probability.assign(static_cast<std::size_t>(m) * n, -1.0);
  for (std::size_t k = 0; k < static_cast<std::size_t>(m) * n; ++k) {
    const auto i = static_cast<int>(tokens.integer("the weapon type i", 0, m - 1));
    const auto j = static_cast<int>(tokens.integer("the target j", 0, n - 1));
    double& p = instance.kill_probability[static_cast<std::size_t>(i) * n + j];
    if (p >= 0.0) tokens.fail(fmt::format("the pair i = {}, j = {} is given twice", i, j));
    p = tokens.real("the kill probability p_ij", 0.0, 1.0);
  }
  tokens.expect_end();
  return instance;
}

Instance read_instance(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InputError(fmt::format("{}: no such file (give the path of a WTA instance, plain or .gz)", name));
  }
  const auto text = read_text_file(name);
  if (!text) throw InputError(fmt::format("{}: cannot open the file", name));
  return parse_instance(*text, name);
}

Instance generate_ahuja(int size, std::uint64_t seed) {
  RAMPART_DEMAND(size > 0, "an Ahuja instance needs at least one weapon and one target");
  RandomStream random(seed, static_cast<std::uint64_t>(size), Purpose::kGenerator);
  Instance instance;
  instance.weapon_types = size;
  instance.targets = size;
  instance.weapons_per_type = 1;
  instance.value.resize(size);
  for (double& v : instance.value) v = random.uniform(25.0, 100.0);
  instance.kill_probability.resize(static_cast<std::size_t>(size) * size);
  for (double& p : instance.kill_probability) p = random.uniform(0.6, 0.9);
  return instance;
}

}  // namespace rampart::wta
