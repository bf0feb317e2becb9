// Test support: the shared DIS sample PDUs (../shared/data/interop-samples/dis/), one raw PDU a
// file, and PDUs of ours to encode, every value exact in float32 so that a round trip gives it back.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "io/dis_pdu.h"

namespace rampart::io::test {

inline DisEntityState entity_state() {
  DisEntityState e;
  e.header.exercise_id = 9;
  e.header.timestamp_s = 1234.5;
  e.id = {7, 42, 301};
  e.force_id = kDisForceOpposing;
  e.type = {1, 2, 0, 2, 0, 0, 0};
  e.alternative_type = {1, 2, 0, 1, 3, 4, 5};
  e.v_ecef_mps = {-120.5, 80.25, 33.0};
  e.p_ecef_m = {4913185.125, -2837140.5, 3637866.75};
  e.orientation_rad = {-1.5, 0.25, 0.0};
  e.appearance = kDisAppearanceDestroyed;
  e.a_ecef_mps2 = {0.5, -0.25, 0.125};
  e.w_body_radps = {0.0, 0.0, 0.0625};
  e.marking = "RAID-1";
  e.capabilities = 0;
  return e;
}

inline DisFire fire() {
  DisFire f;
  f.header.timestamp_s = 3599.0;
  f.header.timestamp_absolute = false;
  f.firing = {1, 1, 50001};
  f.target = {1, 1, 12};
  f.munition = {1, 1, 0};
  f.event = {1, 1, 77};
  f.fire_mission_index = 3;
  f.p_ecef_m = {4913000.0, -2837000.0, 3637000.0};
  f.descriptor = {{2, 1, 0, 1, 0, 0, 0}, 1000, 100, 1, 0};
  f.v_ecef_mps = {500.0, -250.0, 125.0};
  f.range_m = 25000.0;
  return f;
}

inline DisDetonation detonation() {
  DisDetonation d;
  d.header.timestamp_s = 17.25;
  d.firing = {1, 1, 50001};
  d.target = {1, 1, 12};
  d.munition = {1, 1, 0};
  d.event = {1, 1, 77};
  d.v_ecef_mps = {100.0, 200.0, -300.0};
  d.p_ecef_m = {4913100.5, -2837100.25, 3637100.125};
  d.descriptor = {{2, 1, 0, 1, 0, 0, 0}, 1000, 100, 1, 0};
  d.p_entity_m = {1.5, -2.5, 0.75};
  d.result = kDisResultEntityImpact;
  return d;
}


inline std::string dis_samples_dir() { return std::string(RAMPART_SHARED_DIR) + "/data/interop-samples/dis"; }

/// Whether the shared samples are beside the clone (../shared). Without them the sample tests
/// skip, as the ASTERIX sample tests do ("shared data absent"), rather than fail on a missing file.
inline bool dis_samples_present() { return std::filesystem::is_directory(dis_samples_dir()); }

/// The bytes of one sample file.
inline std::vector<std::uint8_t> dis_sample(const std::string& name) {
  std::ifstream in(dis_samples_dir() + "/" + name, std::ios::binary);
  return std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// Every sample file's name, sorted.
inline std::vector<std::string> dis_sample_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dis_samples_dir())) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace rampart::io::test
