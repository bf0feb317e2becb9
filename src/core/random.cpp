#include "core/random.h"

#include <cmath>

#include "core/error.h"

namespace rampart {
namespace {

// SplitMix64 finaliser: a bijective mix so that nearby keys give unrelated seeds.
std::uint64_t mix64(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::mt19937_64 make_engine(std::uint64_t seed, std::uint64_t entity, Purpose purpose) {
  const std::uint64_t a = mix64(seed);
  const std::uint64_t b = mix64(entity ^ 0x6a09e667f3bcc909ULL);
  const std::uint64_t c = mix64(static_cast<std::uint64_t>(purpose) ^ 0xbb67ae8584caa73bULL);
  std::seed_seq seq{static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(a >> 32),
                    static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b >> 32),
                    static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(c >> 32)};
  return std::mt19937_64(seq);
}

}  // namespace

std::uint64_t entity_key(std::uint64_t a, std::uint64_t b) { return mix64(mix64(a) ^ (b + 0x9e37)); }

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t entity, Purpose purpose)
    : engine_(make_engine(seed, entity, purpose)) {}

double RandomStream::uniform() {
  return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

double RandomStream::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

double RandomStream::normal() {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  double u = 0.0, v = 0.0, s = 0.0;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spare_normal_ = v * factor;
  has_spare_normal_ = true;
  return u * factor;
}

std::uint64_t RandomStream::poisson(double mean) {
  RAMPART_DEMAND(mean >= 0.0 && std::isfinite(mean), "Poisson mean must be finite and >= 0");
  // Knuth's product method is exact but costs O(mean) and underflows for large means, so a large
  // mean is split into pieces of at most 16 (a sum of independent Poisson counts is Poisson).
  std::uint64_t count = 0;
  while (mean > 0.0) {
    const double piece = std::min(mean, 16.0);
    mean -= piece;
    const double limit = std::exp(-piece);
    double product = uniform();
    while (product > limit) {
      ++count;
      product *= uniform();
    }
  }
  return count;
}

std::uint64_t RandomStream::below(std::uint64_t n) {
  RAMPART_DEMAND(n > 0, "below(n) needs n > 0");
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t r = 0;
  do {
    r = engine_();
  } while (r >= limit);
  return r % n;
}

}  // namespace rampart
