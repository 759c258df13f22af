/*
 * bench_world.c: how fast orbit loads and validates world files, against the
 * baseline of libfyaml parsing the same bytes into a document and nothing more.
 * Prints MB/s for generated worlds of growing size, and the ratio to the baseline.
 */
#include <libfyaml.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

int main(void) {
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
  return 0;
}
