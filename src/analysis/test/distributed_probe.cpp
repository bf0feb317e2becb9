// Run by distributed_test.cpp under mpirun: 21 replications of the scenario given as argument,
// split over the ranks with one thread each, replications 0 and 5 finished before (known to rank
// 0 only, as a resumed command's database), every other one observed. Rank 0 prints a line for
// each call of ReplicationOptions::on_finished, "finished INDEX SEED FIRED RECORD" (FIRED the
// missiles the summary counts, RECORD a CountingObserver's), and of ::progress, "progress DONE",
// in the order of the calls, then "returned N KILLED" (the number of summaries run_replications
// returned and the `killed` of finished replication 0). The other ranks print nothing.
#include <cstdio>
#include <memory>
#include <string>

#include "analysis/distributed.h"
#include "analysis/test/counting_observer.h"
#include "scenario/loader.h"

using namespace rampart;

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const scenario::Scenario s = scenario::load_scenario_file(argv[1]);
  const analysis::MpiJob job;
  analysis::ReplicationOptions options{21, 1, nullptr};
  if (job.rank() == 0) {  // as a resumed command's database on rank 0's host
    options.finished = {{0, sim::Summary{}}, {5, sim::Summary{}}};
    options.finished[0].killed = 999;
  }
  options.observe = [] { return std::make_unique<analysis::CountingObserver>(); };
  options.on_finished = [](std::size_t i, const sim::Summary& summary, const std::string& record) {
    std::printf("finished %zu %llu %d %s\n", i, static_cast<unsigned long long>(summary.seed),
                summary.interceptors_fired + summary.air_to_air_fired, record.c_str());
  };
  options.progress = [](std::size_t done) { std::printf("progress %zu\n", done); };
  const auto runs = job.run_replications(s, options);
  if (job.rank() == 0) std::printf("returned %zu %d\n", runs.size(), runs.empty() ? -1 : runs[0].killed);
  return 0;
}
