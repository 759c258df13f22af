/*
 * bench_ensemble.c: memory of a bargaining ensemble written to the run store,
 * streamed (orb_bargain_ensemble_stream into orb_bargain_store_add, as `orbit
 * bargain --runs N --store F` does) against the baseline of holding every run
 * (orb_bargain_ensemble, then orb_bargain_store_write), both measured here on
 * KTAB's dummyData_3Dim (data/bargain). Each case runs in its own process and
 * reports its peak resident memory (getrusage) and time; the figure of merit is
 * the growth of peak memory per run between N and 10 N runs (bytes per run:
 * about 0 when streamed). Usage: bench_ensemble [N] (default 1000).
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "orbit/orbit.h"

/* Seconds on the monotonic clock. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The sink of the streamed case: each run goes to the store. */
static orb_status to_store(void *arg, uint64_t run, orb_bargain_result **result) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_bargain_store_add(arg, run, *result, &diags);
  orb_diags_print(&diags, stderr);
  orb_diags_free(&diags);
  return status;
}

/* Plays `runs` runs into a store at path, streamed or held; returns 0 on success. */
static int play(const orb_bargain_scenario *s, size_t runs, int streamed, const char *path) {
  orb_bargain_options o;
  orb_bargain_options_default(&o);
  o.transitions = ORB_TRANSITION_STOCHASTIC;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status;
  if (streamed) {
    orb_bargain_store *store = NULL;
    status = orb_bargain_store_open(path, s, &o, 1, &store, &diags);
    if (status == ORB_OK) status = orb_bargain_ensemble_stream(s, &o, 1, runs, 0, to_store, store);
    if (status == ORB_OK) status = orb_bargain_store_commit(store, &diags);
    else orb_bargain_store_abort(store);
  } else {
    orb_bargain_result **all = NULL;
    status = orb_bargain_ensemble(s, &o, 1, runs, &all);
    if (status == ORB_OK) status = orb_bargain_store_write(path, s, &o, 1, all, runs, &diags);
    for (size_t r = 0; all && r < runs; r++) orb_bargain_result_free(all[r]);
    free(all);
  }
  orb_diags_print(&diags, stderr);
  orb_diags_free(&diags);
  return status != ORB_OK;
}

/* Runs one case in a child; *kib gets its peak memory, returns seconds or -1. */
static double measure(const orb_bargain_scenario *s, size_t runs, int streamed, long *kib) {
  char path[] = "/tmp/orbit-bench-ensemble-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return -1;
  close(fd);
  fflush(NULL);
  double start = now();
  pid_t child = fork();
  if (child == 0) _exit(play(s, runs, streamed, path));
  int status;
  struct rusage usage;
  if (child < 0 || wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    unlink(path);
    return -1;
  }
  unlink(path);
  *kib = usage.ru_maxrss;
  return now() - start;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 1000;
  if (n < 10) n = 10;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  if (orb_bargain_read(ORB_BENCH_SOURCE_DIR "/data/bargain/dummyData_3Dim.csv", &s, &diags) !=
      ORB_OK) {
    orb_diags_print(&diags, stderr);
    return 1;
  }
  orb_diags_free(&diags);
  printf("orbit bargain ensemble into the run store: peak memory of N and 10 N runs "
         "(dummyData_3Dim, %d threads)\n", omp_get_max_threads());
  printf("%-10s %10s %12s %12s %10s %10s %14s\n", "case", "N", "N: KiB", "10N: KiB", "N: s",
         "10N: s", "bytes per run");
  double growth[2];
  for (int streamed = 1; streamed >= 0; streamed--) {
    long small = 0, large = 0;
    double t1 = measure(s, n, streamed, &small);
    double t10 = measure(s, 10 * n, streamed, &large);
    if (t1 < 0 || t10 < 0) {
      fprintf(stderr, "bench_ensemble: a case failed\n");
      return 1;
    }
    growth[streamed] = (double)(large - small) * 1024.0 / (double)(9 * n);
    printf("%-10s %10zu %12ld %12ld %10.2f %10.2f %14.0f\n", streamed ? "streamed" : "held", n,
           small, large, t1, t10, growth[streamed]);
  }
  printf("memory per run: streamed %.0f bytes, held (baseline) %.0f bytes; held - streamed: "
         "%.0f bytes per run\n", growth[1], growth[0], growth[0] - growth[1]);
  orb_bargain_scenario_free(s);
  return 0;
}
