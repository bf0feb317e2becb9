#include "sim/asterix_recorder.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "core/geodesy.h"
#include "core/units.h"

namespace rampart::sim {
namespace {

// I048/090 holds -2048 <= FL < 2048; a plot beyond (a false alarm high above the beam's reach of
// any aircraft) goes without it.
constexpr double kMaxFlightLevel = 2047.75;
constexpr double kMaxDopplerSpeed_mps = 511.5;  // I048/120 CAL: 10 bits two's complement, 1 m/s

}  // namespace

AsterixRecorder::AsterixRecorder(const std::optional<std::string>& path, const std::optional<std::string>& udp_target,
                                 const std::vector<scenario::Radar>& radars) {
  if (path) file_.emplace(*path);
  if (udp_target) udp_.emplace(*udp_target, "--asterix-udp");
  for (std::size_t i = 0; i < radars.size(); ++i) {
    RadarState& r = radars_[radars[i].name];
    r.sic = static_cast<std::uint8_t>(i + 1);
    r.antenna_alt_m = radars[i].site_alt_m + radars[i].antenna_height_m;
    r.scan_period_s = radars[i].scan_period_s;
    r.rotating = !radars[i].fire_control;
  }
}

void AsterixRecorder::crossings(const messages::PlotBatch& batch, RadarState& radar) {
  // Beam position in sectors: u(t) = u_begin + kSectorsPerRotation (t - t_begin) / period; the
  // boundaries crossed in (t_begin, t] are the integers in (u_begin, u(t)].
  const double sector_s = radar.scan_period_s / kSectorsPerRotation;
  const double u_begin = batch.az_begin_rad / kTwoPi * kSectorsPerRotation;
  const double u_end = u_begin + (batch.t_s - batch.t_begin_s) / sector_s;
  for (double j = std::floor(u_begin) + 1.0; j <= u_end; j += 1.0) {
    const double t_s = batch.t_begin_s + (j - u_begin) * sector_s;
    // The boundary at the seam of two looks may come out of both by rounding: written once.
    if (t_s <= radar.last_crossing_t_s + 0.5 * sector_s) continue;
    radar.last_crossing_t_s = t_s;
    io::Cat034Message m;
    m.sac = kSac;
    m.sic = radar.sic;
    m.time_of_day_s = t_s;
    const auto sector = static_cast<int>(std::fmod(j, kSectorsPerRotation));
    if (sector == 0) {
      m.message_type = io::kCat034NorthMarker;
      m.antenna_rotation_period_s = radar.scan_period_s;
    } else {
      m.message_type = io::kCat034SectorCrossing;
      m.sector_azimuth_deg = 360.0 * sector / kSectorsPerRotation;
    }
    pending_.push_back({t_s, m});
  }
}

void AsterixRecorder::on(const PlotsMade& e) {
  const auto found = radars_.find(e.sensor);
  if (found == radars_.end()) return;  // not a radar
  if (e.t_s > pending_t_s_) flush();
  pending_t_s_ = e.t_s;
  RadarState& radar = found->second;
  if (radar.rotating) crossings(e.look.batch, radar);
  for (const messages::Plot& p : e.look.batch.plots) {
    io::Cat048Report r;
    r.sac = kSac;
    r.sic = radar.sic;
    r.time_of_day_s = p.t_s;
    r.detection = io::Cat048DetectionType::kSinglePsr;
    r.simulated = true;
    r.range_nm = p.range_m / kMetresPerNauticalMile;
    r.azimuth_deg = rad_to_deg(p.az_rad);
    if (p.has_elevation) {
      const double fl = height_from_slant_m(p.range_m, p.el_rad, radar.antenna_alt_m) / kMetresPerFoot / 100.0;
      if (std::abs(fl) < kMaxFlightLevel) r.flight_level_fl = fl;
    }
    if (p.amplitude_dbm) {
      // PAM is one signed byte of dBm: a stronger echo saturates it, a weaker one is at its floor.
      r.characteristics = io::Cat048PlotCharacteristics{
          .psr_amplitude_dbm = static_cast<std::int8_t>(std::clamp(std::round(*p.amplitude_dbm), -128.0, 127.0))};
    }
    if (p.has_radial_speed && std::abs(p.radial_speed_mps) < kMaxDopplerSpeed_mps)
      r.radial_doppler_speed_mps = p.radial_speed_mps;
    pending_.push_back({p.t_s, r});
  }
}

void AsterixRecorder::on(const RunEnded&) {
  flush();
  if (file_) file_->commit();
}

void AsterixRecorder::flush() {
  std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) { return a.t_s < b.t_s; });
  // Runs of one category become data blocks of that category.
  std::vector<io::Cat048Report> reports;
  std::vector<io::Cat034Message> messages;
  const auto write = [&](const std::vector<std::vector<std::uint8_t>>& blocks) {
    for (const auto& block : blocks) {
      if (file_) file_->write(std::string_view(reinterpret_cast<const char*>(block.data()), block.size()));
      if (udp_) udp_->send(block);
    }
  };
  const auto end_run = [&] {
    write(io::encode_cat048_blocks(reports, io::kMaxUdpPayloadBytes));
    write(io::encode_cat034_blocks(messages, io::kMaxUdpPayloadBytes));
    reports.clear();
    messages.clear();
  };
  for (const Pending& p : pending_) {
    if (const auto* report = std::get_if<io::Cat048Report>(&p.record)) {
      if (!messages.empty()) end_run();
      reports.push_back(*report);
    } else {
      if (!reports.empty()) end_run();
      messages.push_back(std::get<io::Cat034Message>(p.record));
    }
  }
  end_run();
  pending_.clear();
}

}  // namespace rampart::sim
