#include "tracking/configure.h"

#include <optional>

#include "core/error.h"
#include "tracking/imm.h"

namespace rampart::tracking {

std::unique_ptr<Tracker> make_tracker(const TrackerOptions& options) {
  std::optional<ImmTuning> imm;
  if (options.filter == TrackFilter::kImm) {
    if (options.association == AssociationKind::kMht)
      throw InputError("the IMM filter goes with GNN or JPDA association, not MHT");
    imm = imm_tuning_with_process_noise(options.config.process_noise_mps2);
  }
  switch (options.association) {
    case AssociationKind::kJpda: return make_jpda_tracker(options.config, options.jpda_max_hypotheses, imm);
    case AssociationKind::kMht: return make_mht_tracker(options.config, options.mht);
    case AssociationKind::kGnn: break;
  }
  return make_gnn_tracker(options.config, imm);
}

}  // namespace rampart::tracking
