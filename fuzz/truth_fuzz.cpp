// libFuzzer target: the truth CSV reader (Stone Soup `scan,time,id,x,y` and Rampart truth.csv),
// also brought to detection scan times. Bad input must be an InputError, nothing else.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/error.h"
#include "fuzz_support.h"
#include "tracking/scan_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = rampart::fuzz::scratch_file(data, size, "_truth.csv");
  std::vector<rampart::tracking::PointScan> detections(4);
  const double times_s[] = {-1.0, 0.0, 0.5, 1e9};
  for (std::size_t k = 0; k < detections.size(); ++k) {
    detections[k].scan = static_cast<std::int64_t>(k);
    detections[k].t_s = times_s[k];
  }
  try {
    rampart::tracking::read_truth_csv(path);
    rampart::tracking::read_truth_csv(path, detections);
  } catch (const rampart::InputError&) {
  }
  return 0;
}
