// Deterministic random streams.
//
// Every random draw in Rampart comes from a stream keyed by (seed, entity, purpose). A stream's
// sequence depends only on its key, never on how many draws other streams made or in which order
// entities were evaluated, so one seed gives the same result byte for byte on any thread count.
//
// The engine is std::mt19937_64 seeded through std::seed_seq, both fully specified by the C++
// standard. The distributions are written here rather than taken from <random>, whose
// distribution algorithms are implementation-defined and would give different numbers on another
// standard library.
#pragma once

#include <cstdint>
#include <random>

namespace rampart {

/// Why a draw is made; part of the stream key so one entity's purposes never share draws.
enum class Purpose : std::uint32_t {
  kDetection = 1,
  kMeasurementNoise = 2,
  kFalseAlarm = 3,
  kIff = 4,
  kKill = 5,
  kScenario = 6,
  kTest = 7,
  kGenerator = 8,
  kAssignment = 9,  ///< randomised search of an assignment solver
  kNavigation = 10,  ///< an inertial navigator's drift
};

/// Combines two identifiers (say a radar and a target) into one entity key, order-sensitively.
std::uint64_t entity_key(std::uint64_t a, std::uint64_t b);

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t entity, Purpose purpose);

  /// Uniform on [0, 1) with 53 random bits.
  double uniform();
  /// Uniform on [lo, hi).
  double uniform(double lo, double hi);
  /// Standard normal (Marsaglia's polar method).
  double normal();
  double normal(double mean, double sigma) { return mean + sigma * normal(); }
  /// Poisson count with the given mean (mean >= 0).
  std::uint64_t poisson(double mean);
  /// True with probability p.
  bool bernoulli(double p) { return uniform() < p; }
  /// Uniform integer on [0, n), n > 0, without modulo bias.
  std::uint64_t below(std::uint64_t n);

 private:
  std::mt19937_64 engine_;
  double spare_normal_ = 0.0;
  bool has_spare_normal_ = false;
};

}  // namespace rampart
