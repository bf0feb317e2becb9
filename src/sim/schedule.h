// The order of the stages inside one simulation step, declared once.
//
// Every base step runs the stages in this order; a stage with a period runs only on the steps
// where its period has elapsed. Truth moves first, sensors look at it, the tracker builds the air
// picture from the plots, C2 decides on the picture, engagements fly and resolve against truth,
// and the recorder writes what happened.
#pragma once

#include <array>

namespace rampart::sim {

enum class Stage { kMotion, kSensors, kTracking, kC2, kEngagement, kRecord };

struct StageRate {
  Stage stage;
  const char* name;
  /// Period in seconds; 0 means every base step. kC2Period is replaced by the scenario's C2 period.
  double period_s;
};

inline constexpr double kC2Period = -1.0;
inline constexpr double kRecordPeriod_s = 1.0;

inline constexpr std::array<StageRate, 6> kSchedule = {{
    {Stage::kMotion, "motion", 0.0},
    {Stage::kSensors, "sensors", 0.0},
    {Stage::kTracking, "tracking", 0.0},
    {Stage::kC2, "c2", kC2Period},
    {Stage::kEngagement, "engagement", 0.0},
    {Stage::kRecord, "record", kRecordPeriod_s},
}};

}  // namespace rampart::sim
