/*
 * bench_world.c: how fast orbit loads and validates world files, against the
 * baseline of libfyaml parsing the same bytes into a document and nothing more.
 * Prints MB/s for generated worlds of growing size, and the ratio to the baseline.
 *
 * Then peak memory: each large generated world (many actors; a landscape written
 * as one big flow-style matrix) is loaded by orb_world_load in a child process
 * (this program run again with --peak-child),
 * and the child's peak resident set (VmHWM of a freshly executed process), less
 * that of an idle one, is divided by the file size; the baseline is libfyaml's document tree of
 * the same file, which the loader used before. The loader must stay within 20
 * times the file.
 */
#include <libfyaml.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../common/textbuf.h"
#include "orbit/orbit.h"

/* A valid world with `actors` states, 4 ties and 4 events per actor, one
 * institution holding them all and one issue observing them all. */
static textbuf generate(size_t actors) {
  textbuf t = textbuf_new();
  textbuf_put(&t, "world: {name: Generated, start: 1991-12-26, end: 2030-12-31}\nactors:\n");
  textbuf_put(&t, "  - {id: BLOC, name: Bloc, kind: organisation}\n");
  for (size_t i = 0; i < actors; i++)
    textbuf_put(&t, "  - id: A%zu\n    name: Actor %zu\n    kind: state\n    attributes:\n"
               "      - {name: population, value: %zu, year: 2023, source: \"generated\"}\n",
           i, i, 1000 + i);
  textbuf_put(&t, "ties:\n");
  static const char *const types[] = {"trade", "gas", "remittances", "security"};
  for (size_t i = 0; i < actors; i++)
    for (int k = 0; k < 4; k++)
      textbuf_put(&t, "  - from: A%zu\n    to: A%zu\n    type: %s\n    values:\n"
                 "      - {value: 0.%02zu, year: 2020, source: \"generated\"}\n"
                 "      - {value: 0.%02zu, year: 2023, source: \"generated\"}\n",
             i, (i + 1 + (size_t)k) % actors, types[k], i % 100, (i * 7) % 100);
  textbuf_put(&t, "institutions:\n  - id: BLOC\n    commitment: mutual_defence\n"
             "    source: generated\n    members:\n");
  for (size_t i = 0; i < actors; i++)
    textbuf_put(&t, "      - {actor: A%zu, joined: 1994-04-20, source: generated}\n", i);
  textbuf_put(&t, "issues:\n  - id: VOTE\n    title: A vote\n    date: 2022-03-02\n"
             "    patron: A0\n    source: generated\n    options:\n"
             "      - {id: \"yes\", stance: condemn}\n      - {id: \"no\", stance: support}\n"
             "    observed:\n");
  for (size_t i = 0; i < actors; i++)
    textbuf_put(&t, "      - {actor: A%zu, option: \"%s\", source: generated}\n", i,
           i % 2 ? "yes" : "no");
  textbuf_put(&t, "events:\n");
  for (size_t i = 0; i < actors * 4; i++)
    textbuf_put(&t, "  - {date: %d-%02d-%02d, actor: A%zu, target: A%zu, type: meeting, "
               "description: \"a generated meeting\", source: generated}\n",
           1995 + (int)(i % 30), 1 + (int)(i % 12), 1 + (int)(i % 28), i % actors,
           (i + 3) % actors);
  return t;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Seconds per run of orbit's loader on t (best of `repeats`). */
static double time_orbit(const textbuf *t, int repeats) {
  double best = 1e30;
  for (int r = 0; r < repeats; r++) {
    orb_world *world = NULL;
    orb_diags diags;
    orb_diags_init(&diags);
    double start = now();
    if (orb_world_load_buffer("generated.yaml", t->data, t->len, &world, &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      exit(1);
    }
    orb_world_free(world);
    double elapsed = now() - start;
    orb_diags_free(&diags);
    if (elapsed < best) best = elapsed;
  }
  return best;
}

/* Seconds per run of a bare libfyaml parse (and free) of t (best of `repeats`). */
static double time_libfyaml(const textbuf *t, int repeats) {
  double best = 1e30;
  for (int r = 0; r < repeats; r++) {
    struct fy_parse_cfg cfg = {.flags = FYPCF_QUIET};
    double start = now();
    struct fy_document *doc = fy_document_build_from_string(&cfg, t->data, t->len);
    if (!doc) exit(1);
    fy_document_destroy(doc);
    double elapsed = now() - start;
    if (elapsed < best) best = elapsed;
  }
  return best;
}

/* A world whose landscape is an n x n propensity matrix in flow style. */
static textbuf generate_matrix(size_t n) {
  textbuf t = textbuf_new();
  textbuf_put(&t, "world: {name: Matrix, start: 1991-12-26, end: 2030-12-31}\nactors:\n");
  for (size_t i = 0; i < n; i++) textbuf_put(&t, "  - {id: A%zu, name: A%zu, kind: state}\n", i, i);
  textbuf_put(&t, "landscape:\n  actors: [");
  for (size_t i = 0; i < n; i++) textbuf_put(&t, "%sA%zu", i ? ", " : "", i);
  textbuf_put(&t, "]\n  propensities: [");
  for (size_t i = 0; i < n; i++) {
    textbuf_put(&t, "%s\n    [", i ? "," : "");
    for (size_t j = 0; j < n; j++)
      textbuf_put(&t, "%s%d", j ? "," : "", i == j ? 0 : (int)((i + j) % 3) - 1);
    textbuf_put(&t, "]");
  }
  textbuf_put(&t, "]\n");
  return t;
}

enum { MEASURE_IDLE, MEASURE_ORBIT, MEASURE_LIBFYAML };

/* In a child: does `what` with the file at path; 0 on success. */
static int measured_work(const char *path, int what) {
  int ok = 1;
  if (what == MEASURE_ORBIT) {
    orb_world *world = NULL;
    orb_diags diags;
    orb_diags_init(&diags);
    ok = orb_world_load(path, &world, &diags) == ORB_OK;
    if (!ok) orb_diags_print(&diags, stderr);
    orb_world_free(world);
    orb_diags_free(&diags);
  } else if (what == MEASURE_LIBFYAML) {
    struct fy_parse_cfg cfg = {.flags = FYPCF_QUIET};
    struct fy_document *doc = fy_document_build_from_file(&cfg, path);
    ok = doc != NULL;
    fy_document_destroy(doc);
  }
  return ok ? 0 : 1;
}

/* The peak resident set of this process in bytes (VmHWM of /proc/self/status,
 * which starts afresh at exec), or -1. */
static long long own_peak(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long long kib = -1;
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, "VmHWM:", 6) == 0) kib = atoll(line + 6);
  if (f) fclose(f);
  return kib < 0 ? -1 : kib * 1024;
}

/* Peak resident set in bytes of a fresh process (this program run again, so that
 * nothing of this one's memory counts) that does `what` with the file at path;
 * exits the program if the child fails. */
static long long child_peak(const char *self, const char *path, int what) {
  char command[512];
  snprintf(command, sizeof command, "'%s' --peak-child %d '%s'", self, what, path);
  FILE *child = popen(command, "r");
  long long peak = -1;
  if (!child || fscanf(child, "%lld", &peak) != 1 || pclose(child) != 0 || peak < 0) exit(1);
  return peak;
}

/* Writes t to a temporary file; returns its path (static). */
static const char *write_temp(const textbuf *t) {
  static char path[64];
  strcpy(path, "/tmp/orbit-bench-world-XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, t->data, t->len) != (ssize_t)t->len) exit(1);
  close(fd);
  return path;
}

/* Peak memory of the loader against libfyaml's document tree, as multiples of the
 * file size. Returns 1 when the loader stays within 20 times the file. */
static int memory_figures(const char *self) {
  printf("\n%-22s %10s %14s %14s %8s\n", "world", "MB", "orbit peak/size",
         "libfyaml/size", "ratio");
  struct {
    const char *name;
    textbuf t;
  } cases[2];
  cases[0].name = "30000 actors";
  cases[0].t = generate(30000);
  cases[1].name = "2000x2000 flow matrix";
  cases[1].t = generate_matrix(2000);
  int within = 1;
  for (int c = 0; c < 2; c++) {
    const char *path = write_temp(&cases[c].t);
    double size = (double)cases[c].t.len;
    free(cases[c].t.data);
    long long idle = child_peak(self, path, MEASURE_IDLE);
    double orbit = (double)(child_peak(self, path, MEASURE_ORBIT) - idle) / size;
    double fyaml = (double)(child_peak(self, path, MEASURE_LIBFYAML) - idle) / size;
    printf("%-22s %10.1f %14.1f %14.1f %8.1f\n", cases[c].name, size / 1e6, orbit, fyaml,
           fyaml / orbit);
    if (orbit > 20) within = 0;
    remove(path);
  }
  printf("peak = VmHWM of a fresh process less an idle one's; ratio = libfyaml document tree / "
         "orbit loader (%s 20x the file)\n", within ? "within" : "OVER");
  return within;
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "--peak-child") == 0) {
    if (measured_work(argv[3], atoi(argv[2])) != 0) return 1;
    printf("%lld\n", own_peak());
    return 0;
  }
  static const size_t sizes[] = {50, 500, 5000};
  printf("%-8s %10s %12s %12s %14s %8s\n", "actors", "bytes", "orbit MB/s",
         "libfyaml MB/s", "orbit worlds/s", "ratio");
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
    textbuf t = generate(sizes[s]);
    int repeats = sizes[s] >= 5000 ? 3 : 10;
    double orbit = time_orbit(&t, repeats), baseline = time_libfyaml(&t, repeats);
    double megabytes = (double)t.len / 1e6;
    printf("%-8zu %10zu %12.1f %12.1f %14.1f %8.2f\n", sizes[s], t.len, megabytes / orbit,
           megabytes / baseline, 1.0 / orbit, baseline / orbit);
    free(t.data);
  }
  printf("ratio = libfyaml parse-and-free time / orbit load-validate-free time (1.0 = no "
         "cost beyond parsing)\n");
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return 1;
  self[n] = '\0';
  return memory_figures(self) ? 0 : 1;
}
