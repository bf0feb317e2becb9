// The message types the tracker consumes and produces (src/messages), in the tracker's namespace.
#pragma once

#include "messages/plots.h"
#include "messages/tracks.h"

namespace rampart::tracking {

using messages::Association;
using messages::Matrix6d;
using messages::Plot;
using messages::PlotBatch;
using messages::TrackerStepResult;
using messages::TrackSource;
using messages::TrackState;
using messages::TrackStatus;
using messages::Vector6d;

}  // namespace rampart::tracking
