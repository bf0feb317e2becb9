// The `mpirun` command line with which the tests start MPI jobs (analysis/distributed.h, rampart mc
// under mpirun). Needs RAMPART_MPIEXEC (CMake's MPIEXEC_EXECUTABLE) and RAMPART_SOURCE_DIR.
#pragma once

#include <string>

namespace rampart::test {

/// `mpirun` without -np (for several program blocks, `-np 1 A : -np 1 B`):
/// - Open MPI refuses to run as root (CI does) unless both ALLOW variables are set;
/// - --oversubscribe lets more ranks run than there are cores;
/// - in the sanitizer build, LeakSanitizer is told of Open MPI's own leaks at exit
///   (scripts/lsan_openmpi.supp), with the slow unwinder that reaches Open MPI's frames;
/// - `timeout` turns a job that hangs into a failure.
inline std::string mpirun() {
  return std::string("OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 ") +
         "LSAN_OPTIONS=fast_unwind_on_malloc=0:print_suppressions=0:suppressions=" + RAMPART_SOURCE_DIR +
         "/scripts/lsan_openmpi.supp timeout 300 " + RAMPART_MPIEXEC + " --oversubscribe";
}

/// `mpirun -np RANKS`.
inline std::string mpirun(int ranks) { return mpirun() + " -np " + std::to_string(ranks); }

}  // namespace rampart::test
