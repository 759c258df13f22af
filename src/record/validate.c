/*
 * validate.c: rolling-origin validation of the record's stance model beside the
 * baselines, on the same rows (docs/MODEL.md, "Honest validation").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "orbit/record.h"
#include "record/record_internal.h"

/* Probabilities of a copy rule: its stance gets q, the others (1 - q) / 2. */
static void copy_probs(int stance, double q, double prob[ORB_STANCE_COUNT]) {
  for (int k = 0; k < ORB_STANCE_COUNT; k++) prob[k] = k == stance ? q : (1 - q) / 2;
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

orb_status orb_record_rolling(const orb_record *rec, orb_record_model *model,
                              const orb_record_rows *rows, const orb_record_group *groups,
                              size_t group_count, int from, int to,
                              orb_record_tallies *tallies, double *fit_seconds,
                              orb_diags *diags) {
  size_t years = (size_t)(to - from + 1);
  double fit_time = 0;
  size_t nc = rec->country_count;
  size_t (*cls)[3] = calloc(nc ? nc : 1, sizeof *cls); /* training stances per patron */
  if (!cls) return ORB_ENOMEM;
  /* out-of-sample confusions of the decision offset of silence, by year from
   * from - ORB_RECORD_SILENCE_YEARS: year y's come from the weights fitted before y */
  size_t span = years + ORB_RECORD_SILENCE_YEARS;
  record_silence_conf *oos = calloc(span, sizeof *oos);
  if (!oos) {
    free(cls);
    return ORB_ENOMEM;
  }
  orb_status st = ORB_OK;
  for (int y = from - ORB_RECORD_SILENCE_YEARS; y < from && st == ORB_OK; y++) {
    double start = now_seconds();
    st = orb_record_fit(model, rows, y, diags);
    fit_time += now_seconds() - start;
    if (st == ORB_OK)
      record_silence_tally(model, rows, y, &oos[y - (from - ORB_RECORD_SILENCE_YEARS)]);
  }
  for (int t = from; t <= to && st == ORB_OK; t++) {
    /* the baselines' training figures: the same rows as the model's fit */
    size_t n = 0, right_title = 0, right_topic = 0;
    memset(cls, 0, nc * sizeof *cls);
    for (size_t i = 0; i < rows->count; i++) {
      if (!rows->train[i] || rows->year[i] >= t) continue;
      n++;
      if (rows->patron[i] < nc) cls[rows->patron[i]][rows->stance[i]]++;
      right_title += rows->copy_title[i] == rows->stance[i];
      right_topic += rows->copy_topic[i] == rows->stance[i];
    }
    double start = now_seconds();
    st = orb_record_fit(model, rows, t, diags);
    fit_time += now_seconds() - start;
    if (st) break;
    /* the offset chosen on the years before t only */
    record_silence_conf sum;
    memset(&sum, 0, sizeof sum);
    for (int y = t - ORB_RECORD_SILENCE_YEARS; y < t; y++) {
      const record_silence_conf *c = &oos[y - (from - ORB_RECORD_SILENCE_YEARS)];
      for (int g = 0; g < RECORD_SILENCE_GRID; g++)
        for (int a = 0; a < 3; a++)
          for (int b = 0; b < 3; b++) sum.n[g][a][b] += c->n[g][a][b];
    }
    model->silent_bias = record_silence_choose(&sum);
    record_silence_tally(model, rows, t, &oos[t - (from - ORB_RECORD_SILENCE_YEARS)]);
    record_ideal ideal;
    if ((st = record_ideal_fit(rec, t, &ideal)) != ORB_OK) break;
    double q_title = (right_title + 1.0) / (n + 2.0), q_topic = (right_topic + 1.0) / (n + 2.0);
    for (size_t i = 0; i < rows->count; i++) {
      if (rows->year[i] != t) continue;
      double prob[ORB_PRED_COUNT][ORB_STANCE_COUNT], score[2];
      int member = 0;
      for (size_t g = 0; g < group_count && !member; g++)
        member = rows->patron[i] == groups[g].patron &&
                 (!groups[g].actors || groups[g].actors[rows->actor[i]]);
      if (!member) continue;
      orb_record_predict(model, rows->x + (size_t)i * ORB_RT_COUNT, score, prob[ORB_PRED_MODEL],
                         NULL);
      copy_probs(rows->copy_title[i], q_title, prob[ORB_PRED_TITLE]);
      copy_probs(rows->copy_topic[i], q_topic, prob[ORB_PRED_TOPIC]);
      /* the training frequencies of this row's patron */
      const size_t *c = cls[rows->patron[i]];
      double np = (double)(c[0] + c[1] + c[2]);
      double freq[3];
      for (int k = 0; k < 3; k++) freq[k] = (c[k] + 1.0) / (np + 3.0);
      /* at least 0.34, so that agreement stays the prediction */
      copy_probs(ORB_STANCE_SUPPORT, fmax(freq[ORB_STANCE_SUPPORT], 0.34), prob[ORB_PRED_AGREE]);
      for (int k = 0; k < 3; k++) prob[ORB_PRED_MAJORITY][k] = freq[k];
      if (!record_ideal_predict(rec, &ideal, rows->rc[i], rows->actor[i], rows->patron[i],
                                prob[ORB_PRED_IDEAL]))
        for (int k = 0; k < 3; k++) prob[ORB_PRED_IDEAL][k] = freq[k];
      for (size_t g = 0; g < group_count; g++) {
        if (rows->patron[i] != groups[g].patron ||
            (groups[g].actors && !groups[g].actors[rows->actor[i]]))
          continue;
        orb_record_tallies *tl = tallies + (g * years + (size_t)(t - from)) * ORB_PRED_COUNT;
        orb_record_tallies_add_decided(&tl[ORB_PRED_MODEL], (orb_stance)rows->stance[i],
                                       prob[ORB_PRED_MODEL],
                                       orb_record_decide(model, prob[ORB_PRED_MODEL]));
        for (int p = ORB_PRED_MODEL + 1; p < ORB_PRED_COUNT; p++)
          orb_record_tallies_add(&tl[p], (orb_stance)rows->stance[i], prob[p]);
      }
    }
    record_ideal_free(&ideal);
  }
  free(cls);
  free(oos);
  if (st) return st;
  if (fit_seconds) *fit_seconds = fit_time;
  return ORB_OK;
}

static const char *const post_soviet[] = {"ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ",
                                          "LVA", "LTU", "MDA", "TJK", "TKM", "UKR", "UZB"};

orb_status orb_record_validate(const orb_record *rec, int from, int to,
                               orb_record_validation *v, orb_diags *diags) {
  memset(v, 0, sizeof *v);
  v->from = from;
  v->to = to;
  static unsigned char ps_mask[1024];
  memset(ps_mask, 0, sizeof ps_mask);
  for (size_t i = 0; i < sizeof post_soviet / sizeof *post_soviet; i++) {
    size_t c = orb_record_find_country(rec, post_soviet[i]);
    if (c != ORB_NONE && c < sizeof ps_mask) ps_mask[c] = 1;
  }
  size_t rus = orb_record_find_country(rec, "RUS"), usa = orb_record_find_country(rec, "USA"),
         chn = orb_record_find_country(rec, "CHN");
  v->groups[0] = (orb_record_group){"post-Soviet states toward Russia", rus, ps_mask};
  v->groups[1] = (orb_record_group){"all UN members toward Russia", rus, NULL};
  v->groups[2] = (orb_record_group){"all UN members toward the United States", usa, NULL};
  v->groups[3] = (orb_record_group){"all UN members toward China", chn, NULL};
  size_t years = (size_t)(to - from + 1);
  v->tallies = calloc(ORB_RECORD_GROUPS * years * ORB_PRED_COUNT, sizeof *v->tallies);
  if (!v->tallies) return ORB_ENOMEM;
  orb_record_model_init(&v->model);
  orb_record_rows rows;
  double t0 = now_seconds();
  orb_status st = orb_record_rows_standard(rec, &v->model, from, to, &rows, diags);
  v->build_seconds = now_seconds() - t0;
  if (st) return st;
  v->rows = rows.count;
  for (size_t i = 0; i < rows.count; i++) v->scored += rows.year[i] >= from && rows.year[i] <= to;
  t0 = now_seconds();
  st = orb_record_rolling(rec, &v->model, &rows, v->groups, ORB_RECORD_GROUPS, from, to,
                          v->tallies, &v->fit_seconds, diags);
  v->predict_seconds = now_seconds() - t0 - v->fit_seconds;
  orb_record_rows_free(&rows);
  return st;
}

void orb_record_validation_free(orb_record_validation *v) {
  free(v->tallies);
  v->tallies = NULL;
}

orb_record_tallies orb_record_validation_pool(const orb_record_validation *v, size_t g, int p,
                                              int y0, int y1) {
  orb_record_tallies sum;
  memset(&sum, 0, sizeof sum);
  size_t years = (size_t)(v->to - v->from + 1);
  for (int y = y0 < v->from ? v->from : y0; y <= y1 && y <= v->to; y++) {
    const orb_record_tallies *t = &v->tallies[(g * years + (size_t)(y - v->from)) * ORB_PRED_COUNT + p];
    sum.n += t->n;
    for (int a = 0; a < 3; a++)
      for (int b = 0; b < 3; b++) sum.confusion[a][b] += t->confusion[a][b];
    sum.brier += t->brier;
    sum.log_loss += t->log_loss;
  }
  return sum;
}
