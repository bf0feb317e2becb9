#include "analysis/distributed.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cstdlib>

#include <fmt/format.h>
#include <tbb/info.h>

#include <mpi.h>  // the C API only: CMake's MPI_CXX_SKIP_MPICXX leaves the C++ bindings out

#include "core/error.h"

namespace rampart::analysis {
namespace {

constexpr int kResultsTag = 1;

/// Reads "NUMBER SEPARATOR" from the front of `text` and drops it.
std::size_t take_number(std::string_view& text, char separator) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  RAMPART_DEMAND(error == std::errc() && end < text.data() + text.size() && *end == separator,
                 "a results message from another rank is malformed");
  text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
  return value;
}

std::string_view take_bytes(std::string_view& text, std::size_t count) {
  RAMPART_DEMAND(count <= text.size(), "a results message from another rank is truncated");
  const std::string_view bytes = text.substr(0, count);
  text.remove_prefix(count);
  return bytes;
}

/// Blocks until a results message from any rank arrives and returns it.
std::string receive_results() {
  MPI_Status status;
  MPI_Probe(MPI_ANY_SOURCE, kResultsTag, MPI_COMM_WORLD, &status);
  int bytes = 0;
  MPI_Get_count(&status, MPI_CHAR, &bytes);
  std::string message(static_cast<std::size_t>(bytes), '\0');
  MPI_Recv(message.data(), bytes, MPI_CHAR, status.MPI_SOURCE, kResultsTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return message;
}

void send_results(const std::string& message) {
  if (message.size() > static_cast<std::size_t>(INT_MAX))
    throw Error(fmt::format("one round's results are {} bytes, more than one MPI message holds; run with fewer "
                            "--threads per rank",
                            message.size()));
  MPI_Send(message.data(), static_cast<int>(message.size()), MPI_CHAR, 0, kResultsTag, MPI_COMM_WORLD);
}

}  // namespace

bool started_by_mpi_launcher() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr;
}

std::size_t round_count(std::size_t to_run, std::size_t per_rank, int ranks) {
  const std::size_t per_round = per_rank * static_cast<std::size_t>(ranks);
  return (to_run + per_round - 1) / per_round;
}

std::vector<std::size_t> round_share(const std::vector<std::size_t>& to_run, std::size_t round, std::size_t per_rank,
                                     int rank, int ranks) {
  const std::size_t per_round = per_rank * static_cast<std::size_t>(ranks);
  const std::size_t end = std::min(to_run.size(), (round + 1) * per_round);
  std::vector<std::size_t> share;
  const auto step = static_cast<std::size_t>(ranks);
  for (std::size_t p = round * per_round + static_cast<std::size_t>(rank); p < end; p += step)
    share.push_back(to_run[p]);
  return share;
}

std::string pack(const std::vector<ReplicationResult>& results) {
  std::string message;
  for (const ReplicationResult& r : results) {
    const std::string summary =
        sim::to_json(r.summary).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    message += fmt::format("{} {} {}\n", r.index, summary.size(), r.record.size());
    message += summary;
    message += r.record;
  }
  return message;
}

std::vector<ReplicationResult> unpack(std::string_view message) {
  std::vector<ReplicationResult> results;
  while (!message.empty()) {
    ReplicationResult& r = results.emplace_back();
    r.index = take_number(message, ' ');
    const std::size_t summary_bytes = take_number(message, ' ');
    const std::size_t record_bytes = take_number(message, '\n');
    r.summary = sim::summary_from_json(nlohmann::json::parse(take_bytes(message, summary_bytes)));
    r.record = take_bytes(message, record_bytes);
  }
  return results;
}

MpiJob::MpiJob() {
  // Only this (the main) thread calls MPI; the replications' threads never do.
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks_);
}

MpiJob::~MpiJob() { MPI_Finalize(); }

void MpiJob::abort(int exit_status) const {
  MPI_Abort(MPI_COMM_WORLD, exit_status);
  std::abort();  // MPI_Abort does not return; this tells the compiler so
}

std::vector<sim::Summary> MpiJob::run_replications(const scenario::Scenario& s,
                                                   const ReplicationOptions& options) const {
  if (ranks_ == 1) return analysis::run_replications(s, options);
  // Rank 0's list decides: it alone needs to know the finished replications (from its database).
  static_assert(sizeof(std::size_t) == sizeof(std::uint64_t), "indices travel as MPI_UINT64_T");
  std::vector<std::size_t> to_run;
  if (rank_ == 0) to_run = replications_to_run(options);
  std::uint64_t to_run_count = to_run.size();
  MPI_Bcast(&to_run_count, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  to_run.resize(to_run_count);
  MPI_Bcast(to_run.data(), static_cast<int>(to_run_count), MPI_UINT64_T, 0, MPI_COMM_WORLD);
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  std::uint64_t per_rank = kRoundPerThread * static_cast<std::uint64_t>(threads);
  MPI_Allreduce(MPI_IN_PLACE, &per_rank, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  const std::size_t rounds = round_count(to_run.size(), per_rank, ranks_);

  if (rank_ != 0) {
    for (std::size_t round = 0; round < rounds; ++round) {
      std::vector<ReplicationResult> results;
      run_indices(s, round_share(to_run, round, per_rank, rank_, ranks_), options,
                  [&](ReplicationResult&& r) { results.push_back(std::move(r)); });
      if (!results.empty()) send_results(pack(results));
    }
    return {};
  }

  ReplicationCollector collector(options);
  std::size_t collected = 0;
  for (std::size_t round = 0; round < rounds; ++round) {
    run_indices(s, round_share(to_run, round, per_rank, 0, ranks_), options, [&](ReplicationResult&& r) {
      collector.add(std::move(r));
      ++collected;
    });
    // Every replication of this round and the ones before it; some of the next may come too.
    const std::size_t through_round = std::min(to_run.size(), (round + 1) * per_rank * ranks_);
    while (collected < through_round) {
      for (ReplicationResult& r : unpack(receive_results())) {
        collector.add(std::move(r));
        ++collected;
      }
    }
  }
  return collector.take();
}

}  // namespace rampart::analysis
