#include "tracking/scan_csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/test/scratch_dir.h"

namespace rampart::tracking {
namespace {

class ScanCsvTest : public test::ScratchDirTest {
 protected:
  std::string error_of(const std::string& path, bool truth = false) {
    try {
      truth ? read_truth_csv(path) : read_detections_csv(path);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
  std::string error_of_period(const std::string& path, double period_s) {
    try {
      read_detections_csv(path, period_s);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(ScanCsvTest, ReadsStoneSoupDetectionsGroupedByScan) {
  const auto path = write("d.csv", "scan,time,x,y\n0,0,1.5,2\n0,0,3,4\n\n1,1.0,-5,6e2\n");
  const auto scans = read_detections_csv(path);
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(scans[0].p_m.size(), 2u);
  EXPECT_EQ(scans[1].scan, 1);
  EXPECT_DOUBLE_EQ(scans[1].t_s, 1.0);
  EXPECT_EQ(scans[1].p_m[0], Eigen::Vector3d(-5.0, 600.0, 0.0));
}

TEST_F(ScanCsvTest, ReadsRampartPlotsCsvByTime) {
  const auto path = write("plots.csv",
                          "t_s,sensor,plot_id,range_m,az_deg,el_deg,east_m,north_m,up_m,source\n"
                          "0.5,1,1,1000,90,1,1000,0,17,target:3\n"
                          "0.5,1,2,2000,0,1,0,2000,35,clutter\n"
                          "4.5,1,3,1000,90,1,990,5,17,target:3\n");
  const auto scans = read_detections_csv(path);
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(scans[0].scan, 0);
  EXPECT_EQ(scans[1].scan, 1);
  EXPECT_EQ(scans[0].p_m[1], Eigen::Vector3d(0.0, 2000.0, 0.0));
}

TEST_F(ScanCsvTest, GroupsRampartPlotsByScanPeriodKeepingEachPlotsTime) {
  const auto path = write("plots.csv",
                          "t_s,sensor,plot_id,range_m,az_deg,el_deg,east_m,north_m,up_m,source\n"
                          "0.5,1,1,1000,90,1,1000,0,17,target\n"
                          "2.2,2,2,2000,0,,0,2000,,clutter\n"
                          "4.5,1,3,1000,90,1,990,5,17,target\n");
  const auto scans = read_detections_csv(path, 4.0);
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_DOUBLE_EQ(scans[0].t_s, 0.0);
  EXPECT_EQ(scans[0].point_t_s, (std::vector<double>{0.5, 2.2}));
  EXPECT_EQ(scans[1].scan, 1);
  EXPECT_DOUBLE_EQ(scans[1].t_s, 4.0);
  const auto unsorted = write("unsorted.csv",
                              "t_s,sensor,plot_id,range_m,az_deg,el_deg,east_m,north_m,up_m,source\n"
                              "2.5,1,1,1000,90,1,1000,0,17,target\n"
                              "2.2,2,2,2000,0,,0,2000,,clutter\n");
  EXPECT_NE(error_of_period(unsorted, 4.0).find("unsorted.csv:3: t_s 2.2 is earlier"), std::string::npos);
}

TEST_F(ScanCsvTest, TruthRoundTripsThroughTheWriter) {
  std::vector<PointScan> scans(2);
  scans[0] = {0, 0.0, {{1.0 / 3.0, 2.0, 0.0}}, {7}};
  scans[1] = {1, 1.0, {{4.0, 5.0, 0.0}, {6.0, 7.0, 0.0}}, {7, 9}};
  const auto path = (dir_ / "t.csv").string();
  write_truth_csv(path, scans);
  const auto back = read_truth_csv(path);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].p_m[0], scans[0].p_m[0]);
  EXPECT_EQ(back[1].ids, scans[1].ids);
}

TEST_F(ScanCsvTest, MalformedInputNamesFileAndLine) {
  EXPECT_EQ(error_of(write("a.csv", "")), dir_.string() + "/a.csv:1: the file is empty; expected a header row `scan,time,x,y`");
  EXPECT_NE(error_of(write("b.csv", "scan,time,x\n0,0,1\n")).find("b.csv:1: header must name"), std::string::npos);
  EXPECT_NE(error_of(write("c.csv", "scan,time,x,y\n0,0,1\n")).find("c.csv:2: expected 4 fields"), std::string::npos);
  EXPECT_NE(error_of(write("d.csv", "scan,time,x,y\n0,0,1,abc\n")).find("d.csv:2: column 'y': 'abc' is not a number"), std::string::npos);
  EXPECT_NE(error_of(write("e.csv", "scan,time,x,y\n0,0,1,2\n1.5,1,1,2\n")).find("e.csv:3: column 'scan'"), std::string::npos);
  EXPECT_NE(error_of(write("f.csv", "scan,time,x,y\n0,2,1,2\n1,1,1,2\n")).find("f.csv:3: time 1 is earlier"), std::string::npos);
  EXPECT_NE(error_of(write("g.csv", "scan,time,x,y\n0,0,1,2\n0,1,1,2\n")).find("g.csv:3: scan 0 has time 1"), std::string::npos);
  EXPECT_NE(error_of(write("h.csv", "scan,time,x,y\n0,0,1,2\n1,1,1,2\n0,1,1,2\n")).find("h.csv:4: scan 0 appears again"), std::string::npos);
  EXPECT_NE(error_of(write("i.csv", "scan,time,x,y\n0,0,nan,2\n")).find("i.csv:2: column 'x': 'nan' is not finite"), std::string::npos);
  EXPECT_NE(error_of(write("j.csv", "scan,time,x,y\n")).find("j.csv:1: no data rows"), std::string::npos);
  EXPECT_NE(error_of(write("k.csv", "scan,time,id,x,y\n0,0,1,2,3\n0,0,1,4,5\n"), true).find("k.csv:3: truth id 1 appears twice"), std::string::npos);
  EXPECT_NE(error_of((dir_ / "missing.csv").string()).find("missing.csv: cannot open"), std::string::npos);
}

TEST_F(ScanCsvTest, HugeCoordinatesAndScanNumbersAreInputErrors) {
  EXPECT_NE(error_of(write("x.csv", "scan,time,x,y\n0,0,1e308,2\n")).find("x.csv:2: column 'x': 1e308 m is beyond"),
            std::string::npos);
  EXPECT_NE(error_of(write("y.csv", "scan,time,x,y\n0,0,1,-2e9\n")).find("column 'y'"), std::string::npos);
  const auto plots = write("p.csv",
                           "t_s,sensor,plot_id,range_m,az_deg,el_deg,east_m,north_m,up_m,source\n"
                           "1e300,1,1,1000,90,1,1000,0,17,target\n");
  EXPECT_NE(error_of_period(plots, 6.0).find("p.csv:2: t_s 1e300 is more than 1e15 scan periods"),
            std::string::npos);
  EXPECT_EQ(read_detections_csv(plots).front().t_s, 1e300);  // without a period it is only a time
}

TEST_F(ScanCsvTest, ReadsQuotedFieldsAsRfc4180) {
  const auto path = write("q.csv", "scan,note,time,x,y\n0,\"a, \"\"b\"\"\nc\",0,1,2\n1,plain,1,3,4\n");
  const auto scans = read_detections_csv(path);
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(scans[1].p_m[0], Eigen::Vector3d(3.0, 4.0, 0.0));
  EXPECT_NE(error_of(write("open.csv", "scan,time,x,y\n0,\"0,1,2\n")).find("open.csv:2: a quoted field is not closed"),
            std::string::npos);
}

TEST_F(ScanCsvTest, ReadsRampartTruthCsvAtTheDetectionScanTimes) {
  const std::string header =
      "t_s,truth_id,name,side,kind,state,lat_deg,lon_deg,alt_m,east_m,north_m,up_m,ve_mps,vn_mps\n";
  const auto path = write("truth.csv", header +
                                           "0.00,1,\"Raid, A 1\",hostile,drone,flying,35,-30,100,0.0,0.0,100,10,0\n"
                                           "0.00,2,B,hostile,drone,killed,35,-30,100,500.0,0.0,100,0,0\n"
                                           "1.00,1,\"Raid, A 1\",hostile,drone,flying,35,-30,100,10.0,0.0,100,10,0\n"
                                           "1.00,2,B,hostile,drone,killed,35,-30,100,500.0,0.0,100,0,0\n"
                                           "1.00,3,F,friendly,fighter,flying,35,-30,100,0.0,90.0,100,0,0\n");
  const auto samples = read_truth_csv(path);
  ASSERT_EQ(samples.size(), 2u);
  EXPECT_EQ(samples[0].ids, (std::vector<std::int64_t>{1}));  // B was killed: not a target
  EXPECT_EQ(samples[1].ids, (std::vector<std::int64_t>{1, 3}));

  std::vector<PointScan> detections(4);
  for (int k = 0; k < 4; ++k) detections[k].scan = 10 + k;
  detections[0].t_s = 0.0;
  detections[1].t_s = 0.25;
  detections[2].t_s = 0.75;
  detections[3].t_s = 2.5;
  const auto truth = read_truth_csv(path, detections);
  ASSERT_EQ(truth.size(), 4u);
  EXPECT_EQ(truth[0].scan, 10);
  EXPECT_EQ(truth[0].ids, (std::vector<std::int64_t>{1}));
  EXPECT_EQ(truth[1].ids, (std::vector<std::int64_t>{1}));  // 3 appears in the later, farther sample
  EXPECT_DOUBLE_EQ(truth[1].p_m[0].x(), 2.5);
  EXPECT_EQ(truth[2].ids, (std::vector<std::int64_t>{1, 3}));
  EXPECT_DOUBLE_EQ(truth[2].p_m[0].x(), 7.5);
  EXPECT_EQ(truth[2].p_m[1], Eigen::Vector3d(0.0, 90.0, 0.0));
  EXPECT_TRUE(truth[3].ids.empty());  // after the last sample
}

}  // namespace
}  // namespace rampart::tracking
