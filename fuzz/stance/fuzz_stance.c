/*
 * fuzz_stance.c: libFuzzer harness for the stance model on arbitrary world text.
 * The text is rewritten with the stance parameters (the --write path, which then
 * validates the result by loading it) and must come out holding them; when the
 * text loads as a world, its stance parameters are read, and every issue's
 * predictions must have probabilities in [0, 1] summing to 1 and contributions
 * adding up to a finite score.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/stance.h"
#include "stance/stance_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Checks the predictions of every issue (at most 8) of a loaded world. */
static void check_world(const orb_world *world) {
  orb_stance_model model;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_stance_model_init(&model, world, &diags);
  orb_diags_free(&diags);
  if (status != ORB_OK) return;
  for (size_t i = 0; i < world->issue_count && i < 8; i++) {
    orb_stance_prediction *p = NULL;
    size_t count = 0;
    if (orb_stance_predict(world, &model, i, ORB_DATE_NONE, &p, &count) != ORB_OK) continue;
    for (size_t k = 0; k < count; k++) {
      double sum = 0.0, total = 0.0;
      for (int t = 0; t < ORB_TERM_COUNT; t++) sum += p[k].contribution[t];
      for (int s = 0; s < ORB_STANCE_COUNT; s++) {
        if (!(p[k].prob[s] >= 0.0 && p[k].prob[s] <= 1.0)) abort();
        total += p[k].prob[s];
      }
      if (!isfinite(p[k].score) || fabs(sum - p[k].score) > 1e-12 || fabs(total - 1.0) > 1e-12)
        abort();
    }
    free(p);
  }
  orb_stance_model_free(&model);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  if (!text) return 0;
  memcpy(text, data, size);
  text[size] = '\0';
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  int loaded = orb_world_load_buffer("fuzz.yaml", text, size, &world, &diags) == ORB_OK;
  orb_diags_free(&diags);
  if (loaded) check_world(world);
  orb_world_free(world);

  orb_stance_model defaults;
  orb_diags_init(&diags);
  if (orb_stance_model_init(&defaults, NULL, &diags) == ORB_OK) {
    char *rewritten = stance_params_rewrite(text, &defaults, NULL, "fuzz");
    /* The parameters block is always there (the file is checked by loading it). */
    if (rewritten && !strstr(rewritten, "- name: stance_w_economic\n")) abort();
    free(rewritten);
    orb_stance_model_free(&defaults);
  }
  orb_diags_free(&diags);
  free(text);
  return 0;
}
