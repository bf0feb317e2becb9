// libFuzzer target: the ASTERIX CAT062 decoder, and the encoder on what it decoded. Bad input must
// be an InputError, nothing else.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/error.h"
#include "io/asterix_cat062.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto tracks = rampart::io::decode_cat062(std::span<const std::uint8_t>(data, size), "fuzz.ast");
    rampart::io::encode_cat062_blocks(tracks);
  } catch (const rampart::InputError&) {
  }
  return 0;
}
