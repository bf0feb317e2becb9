// libFuzzer target: the ASTERIX CAT048 and CAT034 decoders, and the encoders on what they decoded.
// Bad input must be an InputError, nothing else.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/error.h"
#include "io/asterix_cat034.h"
#include "io/asterix_cat048.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  try {
    rampart::io::encode_cat048_blocks(rampart::io::decode_cat048(bytes, "fuzz.ast"));
  } catch (const rampart::InputError&) {
  }
  try {
    rampart::io::encode_cat034_blocks(rampart::io::decode_cat034(bytes, "fuzz.ast"));
  } catch (const rampart::InputError&) {
  }
  return 0;
}
