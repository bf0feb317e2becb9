// The MHT's memory caps (mht_tracker.cpp): a scan far larger than any radar's stays bounded.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include "tracking/offline_run.h"
#include "tracking/scan_csv.h"
#include "tracking/tracker.h"

namespace rampart::tracking {
namespace {

TEST(MhtMemoryCap, ScansOfTwentyThousandPlotsStayBoundedAndTrackEveryPlot) {
  // 20,000 separate clusters: uncapped, the k-best search over them holds k x 20,000 vectors of
  // 20,000 entries (gigabytes) in the second scan.
  constexpr int kPlots = 20000;
  PointScan scan;
  for (int i = 0; i < kPlots; ++i) scan.p_m.emplace_back(10000.0 * (i % 200), 10000.0 * (i / 200), 0.0);
  TrackerConfig config;
  config.clutter_density = 1e-6;
  const auto tracker = make_mht_tracker(config, MhtParameters{10, 3});
  for (int k = 0; k < 3; ++k) {
    scan.scan = k;
    scan.t_s = k;
    tracker->process(batch_of_scan(scan, 10.0, static_cast<std::uint64_t>(k) * kPlots + 1));
  }
  EXPECT_EQ(tracker->tracks().size(), static_cast<std::size_t>(kPlots));
  rusage usage{};
  ASSERT_EQ(::getrusage(RUSAGE_SELF, &usage), 0);
  EXPECT_LT(usage.ru_maxrss, 1L << 20) << "peak resident set in KiB";  // 1 GiB, sanitizers included
}

}  // namespace
}  // namespace rampart::tracking
