// Static weapon-target assignment (WTA): the problem instance, its objective, reading and generating.
//
// m weapon types, mu identical weapons of each type, n targets of value V_j. A weapon of type i
// fired at target j kills it with probability p_ij, independently of every other weapon. Every one
// of the m*mu weapons is assigned to exactly one target; x_ij is the number of weapons of type i
// on target j, so sum_j x_ij = mu for every i. The objective, to MINIMISE, is the expected
// surviving value
//
//     F(x) = sum_j V_j * prod_i (1 - p_ij)^{x_ij}.
//
// Values are dimensionless (the same unit as the V_j given); probabilities are in [0, 1].
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rampart::wta {

struct Instance {
  int weapon_types = 0;                  ///< m
  int targets = 0;                       ///< n
  int weapons_per_type = 1;              ///< mu
  std::vector<double> value;             ///< V_j, size n, each >= 0
  std::vector<double> kill_probability;  ///< p_ij at [i * n + j], size m * n, each in [0, 1]

  double p(int i, int j) const { return kill_probability[static_cast<std::size_t>(i) * targets + j]; }
  int weapons() const { return weapon_types * weapons_per_type; }
};

/// x_ij, the number of weapons of type i on target j, at [i * n + j].
using Assignment = std::vector<int>;

/// prod_i (1 - p_ij)^{x_ij}, the probability that target j survives the assignment x.
double survival_probability(const Instance& instance, const Assignment& x, int j);

/// F(x), the expected surviving value of the assignment x (which must have size m * n).
double expected_survival(const Instance& instance, const Assignment& x);

/// True when x has size m * n, no negative entry, and sum_j x_ij = mu for every type i.
bool is_feasible(const Instance& instance, const Assignment& x);

/// The largest instances the reader accepts: m * mu weapons in all and n targets (the solvers keep
/// a few entries per weapon and per target, and their loops run over them; a million weapons is
/// far beyond any air defence). The m * n pairs are bounded by the file itself.
constexpr long long kMaxWeapons = 1'000'000;
constexpr long long kMaxTargets = 1'000'000;

/// Parses the text format of ../shared/data/wta/README.md:
///     m n mu / n lines V_j / m*n lines "i j p_ij" (0-based, each pair exactly once).
/// Tokens are whitespace separated, so the lines may also be joined. Throws rampart::InputError
/// "NAME:LINE: what is wrong", also for sizes beyond kMaxWeapons and kMaxTargets.
Instance parse_instance(std::string_view text, const std::string& name);

/// Reads a file in that format, plain or gzip-compressed (detected from its content, not its name).
/// Throws rampart::InputError for a missing, unreadable, corrupt or malformed file.
Instance read_instance(const std::filesystem::path& path);

/// The classic generator of Ahuja, Kumar, Jha and Orlin (2007): weapons = targets = size, mu = 1,
/// V_j ~ U[25, 100], p_ij ~ U[0.6, 0.9], drawn from the stream (seed, size, Purpose::kGenerator).
Instance generate_ahuja(int size, std::uint64_t seed);

}  // namespace rampart::wta
