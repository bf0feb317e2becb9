// libFuzzer target: the detections CSV reader (Stone Soup `scan,time,x,y` and Rampart plots.csv),
// with and without a scan period. Bad input must be an InputError, nothing else.
#include <cstddef>
#include <cstdint>

#include "core/error.h"
#include "fuzz_support.h"
#include "tracking/scan_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = rampart::fuzz::scratch_file(data, size, "_detections.csv");
  for (const double scan_period_s : {0.0, 6.0}) {
    try {
      rampart::tracking::read_detections_csv(path, scan_period_s);
    } catch (const rampart::InputError&) {
    }
  }
  return 0;
}
