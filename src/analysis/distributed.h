// Monte Carlo replications split over the processes (ranks) of an MPI job: `mpirun -np K rampart
// mc ...` (Open MPI; MPI's C API, MPI Standard 3.1 chapters 3, 5 and 8).
//
// The split: the replications still to run (analysis::replications_to_run on rank 0, sent to
// every rank: the finished ones of a resumed command, which rank 0 alone needs to know, are left
// out everywhere) are taken in order, and the one at position p of that list runs on rank p mod
// K: replication i on rank i mod K when nothing was finished before.
// Interleaving gives every rank a share of every round, so no rank idles while the others finish
// a block of their own.
//
// The rounds: each rank runs its replications in rounds of `per_rank` (kRoundPerThread per
// thread of the rank, the largest over the ranks: every rank must know the others' shares), with
// --threads threads, and sends each round's results to rank 0 as one message. Rank 0 runs its own
// share of a round, then takes the others' results of that round (and of later rounds that have
// arrived) in the order they reach it. A round is about kRoundPerThread replication times of wall
// clock on every rank: rank 0's progress bar and a results database move that often, a killed job
// loses at most that much work, and the idle tail of a round (threads that have finished while the
// last replications run, about half a replication time each) costs about 1 / (2 kRoundPerThread)
// of the time.
//
// Each result travels as text: its index, sim::to_json of its summary (read back with
// sim::summary_from_json, exact: JSON numbers keep every digit of a double) and the observer's
// record, each prefixed by its length. Rank 0 passes every replication, its own as they end and
// the others' as they arrive, to options.on_finished and options.progress, and returns all the
// summaries; the other ranks call neither and return nothing. The statistics are therefore the
// same as one process's, byte for byte.
//
// MPI types stay in distributed.cpp; this header needs no MPI.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/monte_carlo.h"

namespace rampart::analysis {

/// Replications per thread of a rank in one round.
inline constexpr std::size_t kRoundPerThread = 4;

/// Whether an MPI launcher started this process: Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE in
/// the environment of the processes it starts, and a PMIx launcher (Open MPI 4 and later, Slurm's
/// `srun --mpi=pmix`) sets PMIX_RANK. Without either, `rampart mc` runs alone and never calls MPI.
bool started_by_mpi_launcher();

/// The number of rounds that run `to_run` replications on `ranks` ranks, `per_rank` each a round.
std::size_t round_count(std::size_t to_run, std::size_t per_rank, int ranks);

/// The replications rank `rank` of `ranks` runs in round `round`: the entries of `to_run` at
/// positions p in [round * ranks * per_rank, (round + 1) * ranks * per_rank) with p mod ranks ==
/// rank, in order.
std::vector<std::size_t> round_share(const std::vector<std::size_t>& to_run, std::size_t round, std::size_t per_rank,
                                     int rank, int ranks);

/// One message of results, and back.
std::string pack(const std::vector<ReplicationResult>& results);
std::vector<ReplicationResult> unpack(std::string_view message);

/// This process's part of an MPI job: MPI is initialised when it is made and finalised when it
/// is destroyed. Make at most one per process, after the command's inputs are read and checked,
/// so that bad input ends every rank alike before any rank waits for another.
class MpiJob {
 public:
  MpiJob();
  ~MpiJob();
  MpiJob(const MpiJob&) = delete;
  MpiJob& operator=(const MpiJob&) = delete;

  int rank() const { return rank_; }
  int ranks() const { return ranks_; }

  /// Runs the replications split over the ranks as the header says; every rank calls it with the
  /// same scenario, runs, threads and observe. Rank 0's finished, progress and on_finished are
  /// used, the other ranks' are not. Rank 0 returns every summary (result i replication i's), the
  /// others an empty vector. With one rank, analysis::run_replications.
  std::vector<sim::Summary> run_replications(const scenario::Scenario& s, const ReplicationOptions& options) const;

  /// Ends every process of the job, mpirun returning `exit_status`: for an error on one rank,
  /// which the others, waiting for it, would never learn of.
  [[noreturn]] void abort(int exit_status) const;

 private:
  int rank_ = 0;
  int ranks_ = 1;
};

}  // namespace rampart::analysis
