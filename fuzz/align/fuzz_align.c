/*
 * fuzz_align.c: libFuzzer harness for the landscape readers. Every input is read
 * both as a signed edge list (CSV) and as a YAML landscape; whatever reads without
 * error and is small is also searched, exhaustively, for two and three blocs.
 */
#include <stddef.h>
#include <stdint.h>

#include "orbit/align.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Searches a small landscape for k blocs and checks the answer's basic shape. */
static void search(const orb_landscape *l, unsigned k) {
  if (l->actor_count > (k == 2 ? 10u : 6u)) return;
  orb_align_options options;
  orb_align_options_default(&options);
  options.blocs = k;
  options.threads = 1;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_align_result *r = NULL;
  if (orb_align_solve(l, &options, &r, &diags) == ORB_OK) {
    uint64_t basins = 0;
    for (size_t m = 0; m < r->minimum_count; m++) basins += r->minima[m].basin;
    if (r->minimum_count == 0 || basins != r->basin_total) __builtin_trap();
  }
  orb_align_result_free(r);
  orb_diags_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l = NULL;
  if (orb_landscape_read_signed_buffer("fuzz.csv", (const char *)data, size, &l, &diags) ==
      ORB_OK) {
    search(l, 2);
    orb_landscape_free(l);
  }
  unsigned blocs;
  if (orb_landscape_read_yaml_buffer("fuzz.yaml", (const char *)data, size, &l, &blocs,
                                     &diags) == ORB_OK) {
    search(l, 2);
    search(l, 3);
    orb_landscape_free(l);
  }
  orb_diags_free(&diags);
  return 0;
}
