/*
 * bench_record.c: the long version of the record model's validation
 * (docs/MODEL.md, "Honest validation"): rolling origin, fit on every roll call
 * before year t, predict every stance of year t, t = FROM..TO; per year and pooled,
 * for the post-Soviet states toward Russia and every UN member toward Russia, the
 * United States and China; the model beside the baselines on the same rows. Also
 * the load time of the record, the time to build the rows, the fit time and the
 * stances scored per second.
 *
 * Usage: bench_record [FROM TO]   (default 2000 2019)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "orbit/orbit.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void print_scores(const char *label, const orb_record_tallies *t) {
  orb_record_scores s = orb_record_tallies_scores(t);
  printf("  %-18s %7zu  %.3f  %.3f  %.4f  %.4f\n", label, s.n, s.accuracy, s.macro_f1,
         s.brier, s.log_loss);
}

int main(int argc, char **argv) {
  int from = argc > 2 ? atoi(argv[1]) : 2000, to = argc > 2 ? atoi(argv[2]) : 2019;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_record *rec = NULL;
  double t0 = now();
  if (orb_record_load(NULL, &rec, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    return 1;
  }
  double load = now() - t0;
  printf("record: %zu roll calls, %zu countries, loaded in %.1f ms\n", rec->rollcall_count,
         rec->country_count, load * 1e3);
  /* the fit on the whole record from zero, and the model's scoring speed alone */
  {
    orb_record_model m;
    orb_record_model_init(&m);
    orb_record_rows rows;
    t0 = now();
    if (orb_record_rows_standard(rec, &m, from, to, &rows, &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      return 1;
    }
    double built = now() - t0;
    t0 = now();
    if (orb_record_fit(&m, &rows, 0, &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      return 1;
    }
    double fit = now() - t0;
    double sum = 0;
    t0 = now();
    for (size_t i = 0; i < rows.count; i++) {
      double score[2], prob[3];
      orb_record_predict(&m, rows.x + i * ORB_RT_COUNT, score, prob, NULL);
      sum += prob[rows.stance[i]];
    }
    double scoring = now() - t0;
    printf("whole record: %zu rows built in %.2f s; fit on %zu of them in %.2f s (%d Newton "
           "steps); model scoring %.0f stances per second (mean P(observed) %.3f)\n",
           rows.count, built, m.rows, fit, m.iterations, rows.count / scoring, sum / rows.count);
    orb_record_rows_free(&rows);
  }
  orb_record_validation v;
  if (orb_record_validate(rec, from, to, &v, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    return 1;
  }
  printf("rows built: %zu in %.2f s; %d yearly fits in %.2f s (%.2f s each); "
         "%zu stances scored, %.0f per second (every predictor)\n",
         v.rows, v.build_seconds, to - from + 1, v.fit_seconds,
         v.fit_seconds / (to - from + 1), v.scored, v.scored / (v.predict_seconds > 0 ? v.predict_seconds : 1e-9));
  for (size_t g = 0; g < ORB_RECORD_GROUPS; g++) {
    printf("\n%s\n", v.groups[g].name);
    printf("  %-18s %7s  %-5s  %-5s  %-6s  %-6s\n", "year / predictor", "n", "acc", "mF1",
           "Brier", "logloss");
    for (int y = from; y <= to; y++) {
      printf(" %d\n", y);
      for (int p = 0; p < ORB_PRED_COUNT; p++) {
        orb_record_tallies t = orb_record_validation_pool(&v, g, p, y, y);
        print_scores(orb_record_predictor_name(p), &t);
      }
    }
    int ranges[2][2] = {{from, to}, {2010, 2019}};
    for (int r = 0; r < 2; r++) {
      printf(" pooled %d-%d\n", ranges[r][0], ranges[r][1]);
      for (int p = 0; p < ORB_PRED_COUNT; p++) {
        orb_record_tallies t = orb_record_validation_pool(&v, g, p, ranges[r][0], ranges[r][1]);
        print_scores(orb_record_predictor_name(p), &t);
      }
    }
  }
  orb_record_validation_free(&v);
  orb_record_free(rec);
  orb_diags_free(&diags);
  return 0;
}
