#include "scenario/overrides.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text_file.h"
#include "scenario/loader.h"

namespace rampart::scenario {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

std::optional<std::size_t> index_of(const std::string& step) {
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(step.data(), step.data() + step.size(), index);
  if (step.empty() || error != std::errc() || end != step.data() + step.size()) return std::nullopt;
  return index;
}

}  // namespace

std::pair<std::string, std::vector<std::string>> parse_sweep(const std::string& text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
    throw InputError(fmt::format("--sweep '{}': give KEY=V1,V2,... with KEY a YAML path such as c2.salvo_size", text));
  std::vector<std::string> values = split(text.substr(equals + 1), ',');
  for (const auto& v : values)
    if (v.empty()) throw InputError(fmt::format("--sweep '{}': an empty value in the list", text));
  return {text.substr(0, equals), values};
}

std::string apply_overrides(const std::string& yaml_text, const std::vector<Override>& overrides) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("the scenario is not valid YAML ({}): `rampart validate` says where", e.what()));
  }
  for (const Override& o : overrides) {
    const std::vector<std::string> steps = split(o.path, '.');
    YAML::Node node = root;
    std::string walked;
    for (std::size_t s = 0; s < steps.size(); ++s) {
      const std::string& step = steps[s];
      const bool last = s + 1 == steps.size();
      const std::string here = walked.empty() ? std::string("the top of the scenario") : "'" + walked + "'";
      if (step.empty()) throw InputError(fmt::format("override '{}': an empty step in the path", o.path));
      if (node.IsSequence()) {
        const auto index = index_of(step);
        if (!index || *index >= node.size())
          throw InputError(fmt::format("override '{}': {} is a list of {}; give an index from 0 to {}, not '{}'", o.path,
                                       here, node.size(), node.size() - 1, step));
        if (last && !node[*index].IsScalar())
          throw InputError(fmt::format("override '{}': '{}' is not a single value", o.path, o.path));
        if (last) node[*index] = o.value;
        else node.reset(node[*index]);
      } else if (node.IsMap()) {
        if (last) {
          if (node[step] && !node[step].IsScalar())
            throw InputError(fmt::format("override '{}': '{}' is not a single value", o.path, o.path));
          node[step] = o.value;
        } else {
          // A section the file leaves out is made; a misspelt one then gets the loader's
          // did-you-mean like any unknown key.
          if (!node[step]) node[step] = YAML::Node(YAML::NodeType::Map);
          node.reset(node[step]);
        }
      } else {
        throw InputError(fmt::format("override '{}': {} is a single value; it has no '{}'", o.path, here, step));
      }
      walked += (walked.empty() ? "" : ".") + step;
    }
  }
  YAML::Emitter out;
  out << root;
  return out.c_str();
}

std::string describe(const std::vector<Override>& overrides) {
  std::string text;
  for (const auto& o : overrides) text += (text.empty() ? "" : ", ") + o.path + "=" + o.value;
  return text;
}

Scenario load_scenario_with(const std::string& path, const std::vector<Override>& overrides) {
  if (overrides.empty()) return load_scenario_file(path);
  const auto text = read_text_file(path);
  if (!text) throw InputError(fmt::format("{}:1:1: cannot read the scenario file", path));
  Diagnostics d(fmt::format("{} with {}", path, describe(overrides)));
  Scenario s = parse_scenario(apply_overrides(*text, overrides), d);
  if (!d.empty()) throw InputError(d.format());
  return s;
}

}  // namespace rampart::scenario
