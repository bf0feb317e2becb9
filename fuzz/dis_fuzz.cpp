// libFuzzer target: the DIS PDU decoder, and the encoder on what it decoded. Bad input must be an
// InputError, nothing else.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/error.h"
#include "io/dis_pdu.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    for (rampart::io::DisPdu& pdu : rampart::io::decode_dis(std::span<const std::uint8_t>(data, size), "fuzz.dis").pdus) {
      // What was read is written back without its variable parameter records.
      std::visit([](auto& p) {
        if constexpr (requires { p.variable_parameters; }) p.variable_parameters = 0;
      }, pdu);
      rampart::io::encode_dis(pdu);
    }
  } catch (const rampart::InputError&) {
  }
  return 0;
}
