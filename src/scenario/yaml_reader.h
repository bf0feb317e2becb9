// Typed, checked reading of one YAML mapping, recording every problem in Diagnostics instead of
// stopping at the first. A reader remembers which keys were asked for; check_unknown_keys()
// then reports the others, with a did-you-mean. Values read after an error are placeholders: a
// scenario is used only when its Diagnostics are empty.
#pragma once

#include <yaml-cpp/yaml.h>

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "scenario/diagnostics.h"

namespace rampart::scenario {

/// Closed or half-open bounds for a number; the message names them.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;
  bool max_exclusive = false;

  static Range positive() { return {0.0, std::numeric_limits<double>::infinity(), true, false}; }
  static Range non_negative() { return {0.0, std::numeric_limits<double>::infinity()}; }
  static Range probability() { return {0.0, 1.0}; }
  static Range between(double lo, double hi) { return {lo, hi}; }
  bool contains(double v) const;
  std::string describe() const;
};

class MapReader {
 public:
  /// `what` names the mapping in messages, e.g. "sensor 'north'" or "the scenario".
  MapReader(const YAML::Node& node, std::string what, Diagnostics& diagnostics);

  bool is_map() const { return is_map_; }
  const std::string& what() const { return what_; }
  Diagnostics& diagnostics() const { return diagnostics_; }
  bool has(const std::string& key) const;
  /// The value node of `key` (marks it as known), or an undefined node when absent.
  YAML::Node node(const std::string& key);
  /// Marks a key as known without reading it (read through node()).
  void allow(const std::string& key) { known_.push_back(key); }

  std::optional<double> number(const std::string& key, Range range, bool required = true);
  double number_or(const std::string& key, double fallback, Range range);
  std::optional<long long> integer(const std::string& key, long long min, long long max,
                                   bool required = true);
  int integer_or(const std::string& key, int fallback, int min, int max);
  std::optional<std::string> text(const std::string& key, bool required = true);
  /// One of `choices`; reports the others when the value is not among them.
  std::optional<std::string> choice(const std::string& key, const std::vector<std::string>& choices,
                                    bool required = true);
  bool boolean_or(const std::string& key, bool fallback);
  /// A sequence of mappings (an empty or absent optional list gives none).
  std::vector<YAML::Node> list(const std::string& key, bool required);

  /// Reports a missing key at this mapping's position.
  void missing(const std::string& key);
  /// Reports a problem at the value of `key` (or the mapping when absent).
  void error_at(const std::string& key, const std::string& message);
  void error_here(const std::string& message);
  /// Reports every key present but never asked for.
  void check_unknown_keys();

 private:
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };
  const Entry* find(const std::string& key) const;
  void error_at_node(const YAML::Node& n, const std::string& message);

  std::string what_;
  Diagnostics& diagnostics_;
  YAML::Mark mark_;
  bool is_map_ = false;
  std::vector<Entry> entries_;
  std::vector<std::string> known_;
};

}  // namespace rampart::scenario
