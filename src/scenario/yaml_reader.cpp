#include "scenario/yaml_reader.h"

#include <map>

#include <cmath>

#include <fmt/format.h>

namespace rampart::scenario {

bool Range::contains(double v) const {
  const bool above_min = min_exclusive ? v > min : v >= min;
  const bool below_max = max_exclusive ? v < max : v <= max;
  return above_min && below_max;
}

std::string Range::describe() const {
  const bool has_min = std::isfinite(min);
  const bool has_max = std::isfinite(max);
  if (has_min && has_max) {
    if (!min_exclusive && !max_exclusive) return fmt::format("between {} and {}", min, max);
    return fmt::format("{} {} and {} {}", min_exclusive ? "greater than" : "at least", min,
                       max_exclusive ? "less than" : "at most", max);
  }
  if (has_min) return fmt::format("{} {}", min_exclusive ? "greater than" : "at least", min);
  if (has_max) return fmt::format("{} {}", max_exclusive ? "less than" : "at most", max);
  return "a number";
}

namespace {
const char* kind_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Null: return "empty";
    case YAML::NodeType::Scalar: return "a scalar";
    default: return "undefined";
  }
}
}  // namespace

MapReader::MapReader(const YAML::Node& node, std::string what, Diagnostics& diagnostics)
    : what_(std::move(what)), diagnostics_(diagnostics), mark_(node.Mark()) {
  if (!node.IsMap()) {
    error_at_node(node, fmt::format("{} must be a mapping of key: value pairs (it is {})", what_,
                                    kind_name(node)));
    return;
  }
  is_map_ = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      error_at_node(it->first, fmt::format("a key in {} must be a plain name", what_));
      continue;
    }
    Entry e{it->first.Scalar(), it->first, it->second};
    if (const Entry* first = find(e.key)) {
      error_at_node(e.key_node, fmt::format("duplicate key '{}' in {} (first given at line {})",
                                            e.key, what_, first->key_node.Mark().line + 1));
      continue;
    }
    entries_.push_back(std::move(e));
  }
}

const MapReader::Entry* MapReader::find(const std::string& key) const {
  for (const auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

bool MapReader::has(const std::string& key) const { return find(key) != nullptr; }

YAML::Node MapReader::node(const std::string& key) {
  known_.push_back(key);
  const Entry* e = find(key);
  return e ? e->value : YAML::Node(YAML::NodeType::Undefined);
}

void MapReader::error_at_node(const YAML::Node& n, const std::string& message) {
  const YAML::Mark m = n.IsDefined() ? n.Mark() : mark_;
  diagnostics_.error(std::max(m.line, 0), std::max(m.column, 0), message);
}

void MapReader::missing(const std::string& key) {
  error_here(fmt::format("missing required field '{}' in {}", key, what_));
}

void MapReader::error_at(const std::string& key, const std::string& message) {
  const Entry* e = find(key);
  error_at_node(e ? e->value : YAML::Node(YAML::NodeType::Undefined), message);
}

void MapReader::error_here(const std::string& message) {
  diagnostics_.error(std::max(mark_.line, 0), std::max(mark_.column, 0), message);
}

std::optional<double> MapReader::number(const std::string& key, Range range, bool required) {
  const YAML::Node n = node(key);
  if (!n.IsDefined()) {
    if (required && is_map_) missing(key);
    return std::nullopt;
  }
  double v = 0.0;
  if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v)) {
    error_at_node(n, fmt::format("'{}' in {} must be a number (got {})", key, what_,
                                 n.IsScalar() ? "'" + n.Scalar() + "'" : kind_name(n)));
    return std::nullopt;
  }
  if (!range.contains(v)) {
    error_at_node(n, fmt::format("'{}' in {} must be {} (got {})", key, what_, range.describe(), v));
    return std::nullopt;
  }
  return v;
}

double MapReader::number_or(const std::string& key, double fallback, Range range) {
  return number(key, range, false).value_or(fallback);
}

std::optional<long long> MapReader::integer(const std::string& key, long long min, long long max,
                                            bool required) {
  const YAML::Node n = node(key);
  if (!n.IsDefined()) {
    if (required && is_map_) missing(key);
    return std::nullopt;
  }
  long long v = 0;
  if (!n.IsScalar() || !YAML::convert<long long>::decode(n, v)) {
    error_at_node(n, fmt::format("'{}' in {} must be a whole number (got {})", key, what_,
                                 n.IsScalar() ? "'" + n.Scalar() + "'" : kind_name(n)));
    return std::nullopt;
  }
  if (v < min || v > max) {
    error_at_node(n, fmt::format("'{}' in {} must be between {} and {} (got {})", key, what_, min,
                                 max, v));
    return std::nullopt;
  }
  return v;
}

int MapReader::integer_or(const std::string& key, int fallback, int min, int max) {
  return static_cast<int>(integer(key, min, max, false).value_or(fallback));
}

std::optional<std::string> MapReader::text(const std::string& key, bool required) {
  const YAML::Node n = node(key);
  if (!n.IsDefined()) {
    if (required && is_map_) missing(key);
    return std::nullopt;
  }
  if (!n.IsScalar() || n.Scalar().empty()) {
    error_at_node(n, fmt::format("'{}' in {} must be a non-empty text (it is {})", key, what_,
                                 n.IsScalar() ? "empty" : kind_name(n)));
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<std::string> MapReader::choice(const std::string& key,
                                             const std::vector<std::string>& choices,
                                             bool required) {
  auto v = text(key, required);
  if (!v) return std::nullopt;
  for (const auto& c : choices)
    if (c == *v) return v;
  std::string hint = did_you_mean(*v, choices);
  error_at(key, fmt::format("'{}' in {} must be one of {} (got '{}'){}", key, what_,
                            fmt::join(choices, ", "), *v,
                            hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
  return std::nullopt;
}

bool MapReader::boolean_or(const std::string& key, bool fallback) {
  const YAML::Node n = node(key);
  if (!n.IsDefined()) return fallback;
  bool v = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) {
    error_at_node(n, fmt::format("'{}' in {} must be true or false", key, what_));
    return fallback;
  }
  return v;
}

std::vector<YAML::Node> MapReader::list(const std::string& key, bool required) {
  const YAML::Node n = node(key);
  std::vector<YAML::Node> out;
  if (!n.IsDefined() || n.IsNull()) {
    if (required && is_map_) missing(key);
    return out;
  }
  if (!n.IsSequence()) {
    error_at_node(n, fmt::format("'{}' in {} must be a list (it is {})", key, what_, kind_name(n)));
    return out;
  }
  for (const auto& item : n) out.push_back(item);
  if (required && out.empty()) error_at_node(n, fmt::format("'{}' in {} must not be empty", key, what_));
  return out;
}

namespace {
/// Names of scenario.h's fields whose YAML key is spelled otherwise: field -> key.
const std::map<std::string, std::string> kFieldToKey = {
    {"target_asset", "target"},   {"base_asset", "base"},       {"raids", "threats"},
    {"squadrons", "fighters"},    {"radars", "sensors"},        {"esm_sensors", "sensors"},
    {"irst_sensors", "sensors"},  {"site_alt_m", "alt_m"}};
}  // namespace

void MapReader::check_unknown_keys() {
  for (const auto& e : entries_) {
    if (std::find(known_.begin(), known_.end(), e.key) != known_.end()) continue;
    const auto field = kFieldToKey.find(e.key);
    std::string hint = did_you_mean(e.key, known_);
    if (field != kFieldToKey.end() && std::find(known_.begin(), known_.end(), field->second) != known_.end())
      hint = field->second;  // named as in scenario.h: the YAML key differs
    error_at_node(e.key_node, fmt::format("unknown key '{}' in {}{}", e.key, what_,
                                          hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
  }
}

}  // namespace rampart::scenario
