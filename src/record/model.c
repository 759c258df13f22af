/*
 * model.c: the record's stance model, a multinomial logit with silence as the
 * reference outcome (docs/MODEL.md): scores, probabilities, contributions, the
 * penalised maximum-likelihood fit (Newton's method, exact gradient and Hessian,
 * summed over fixed blocks of rows in parallel and added in block order, so the
 * result is the same whatever the number of threads), and the scores of
 * predictions (accuracy, macro-F1, Brier, log-loss).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/record.h"
#include "record/record_internal.h"

#define NP (2 * ORB_RT_COUNT) /* parameters */
#define BLOCKS 64

void orb_record_predict(const orb_record_model *m, const float *x, double score[2],
                        double prob[ORB_STANCE_COUNT], double contrib[2][ORB_RT_COUNT]) {
  /* each factor's terms are summed in term order, then the factors in factor order
   * (terms of a factor are contiguous): so the contributions add up to the factor
   * sums and the factor sums to the score, exactly (orb_record_predict_issue) */
  for (int k = 0; k < 2; k++) {
    double s = 0, f = 0;
    for (int t = 0; t < ORB_RT_COUNT; t++) {
      double c = m->w[k][t] * x[t] + 0.0; /* + 0.0: never -0 (a negative weight times 0) */
      if (contrib) contrib[k][t] = c;
      f += c;
      if (t + 1 == ORB_RT_COUNT ||
          orb_record_term_factor((orb_record_term)(t + 1)) != orb_record_term_factor((orb_record_term)t)) {
        s += f;
        f = 0;
      }
    }
    score[k] = s;
  }
  double top = fmax(0.0, fmax(score[0], score[1]));
  double e_sup = exp(score[0] - top), e_con = exp(score[1] - top), e_sil = exp(-top);
  double z = e_sup + e_con + e_sil;
  prob[ORB_STANCE_SUPPORT] = e_sup / z;
  prob[ORB_STANCE_SILENT] = e_sil / z;
  prob[ORB_STANCE_CONDEMN] = e_con / z;
}

orb_stance orb_record_decide(const orb_record_model *m, const double prob[ORB_STANCE_COUNT]) {
  double v[ORB_STANCE_COUNT] = {prob[ORB_STANCE_SUPPORT], 0, prob[ORB_STANCE_CONDEMN]};
  v[ORB_STANCE_SILENT] = exp(m->silent_bias) * prob[ORB_STANCE_SILENT];
  int best = 0;
  for (int k = 1; k < ORB_STANCE_COUNT; k++)
    if (v[k] > v[best]) best = k;
  return (orb_stance)best;
}

/* Rows used by a fit. */
static int row_used(const orb_record_rows *rows, size_t i, int before) {
  return rows->train[i] && (before == 0 || rows->year[i] < before);
}

/* Negative log-likelihood (unpenalised) of weights w on the used rows. */
static double nll(const orb_record_model *m, const orb_record_rows *rows, int before) {
  double part[BLOCKS] = {0};
  size_t n = rows->count;
#pragma omp parallel for schedule(static)
  for (int b = 0; b < BLOCKS; b++) {
    size_t lo = n * (size_t)b / BLOCKS, hi = n * (size_t)(b + 1) / BLOCKS;
    double sum = 0;
    for (size_t i = lo; i < hi; i++) {
      if (!row_used(rows, i, before)) continue;
      double score[2], prob[3];
      orb_record_predict(m, rows->x + i * ORB_RT_COUNT, score, prob, NULL);
      sum -= log(fmax(prob[rows->stance[i]], 1e-300));
    }
    part[b] = sum;
  }
  double total = 0;
  for (int b = 0; b < BLOCKS; b++) total += part[b];
  return total;
}

static double penalty(const orb_record_model *m) {
  double s = 0;
  for (int k = 0; k < 2; k++)
    for (int t = 0; t < ORB_RT_COUNT; t++) s += m->w[k][t] * m->w[k][t];
  return 0.5 * m->l2 * s;
}

/* Cholesky solve of H d = g (H is n x n, overwritten). Returns 0 when H is not
 * positive definite. */
static int cholesky_solve(double *h, const double *g, double *d, int n) {
  for (int j = 0; j < n; j++) {
    double s = h[j * n + j];
    for (int k = 0; k < j; k++) s -= h[j * n + k] * h[j * n + k];
    if (s <= 1e-12) return 0;
    double l = sqrt(s);
    h[j * n + j] = l;
    for (int i = j + 1; i < n; i++) {
      double t = h[i * n + j];
      for (int k = 0; k < j; k++) t -= h[i * n + k] * h[j * n + k];
      h[i * n + j] = t / l;
    }
  }
  for (int i = 0; i < n; i++) {
    double t = g[i];
    for (int k = 0; k < i; k++) t -= h[i * n + k] * d[k];
    d[i] = t / h[i * n + i];
  }
  for (int i = n - 1; i >= 0; i--) {
    double t = d[i];
    for (int k = i + 1; k < n; k++) t -= h[k * n + i] * d[k];
    d[i] = t / h[i * n + i];
  }
  return 1;
}

orb_status orb_record_fit(orb_record_model *m, const orb_record_rows *rows, int before,
                          orb_diags *diags) {
  size_t used = 0;
  size_t seen[3] = {0, 0, 0};
  for (size_t i = 0; i < rows->count; i++)
    if (row_used(rows, i, before)) {
      used++;
      seen[rows->stance[i]]++;
    }
  if (used < 100 || !seen[0] || !seen[1] || !seen[2]) {
    orb_diags_add(diags, NULL, 0, 0,
                  "too few observations to fit the record model (%zu rows, each stance needed)",
                  used);
    return ORB_EINVAL;
  }
  const int F = ORB_RT_COUNT;
  double *hb = malloc((size_t)BLOCKS * NP * NP * sizeof *hb);
  double *gb = malloc((size_t)BLOCKS * NP * sizeof *gb);
  double *h = malloc((size_t)NP * NP * sizeof *h);
  if (!hb || !gb || !h) {
    free(hb);
    free(gb);
    free(h);
    return ORB_ENOMEM;
  }
  double obj = nll(m, rows, before) + penalty(m);
  int it;
  size_t n = rows->count;
  for (it = 0; it < 50; it++) {
#pragma omp parallel for schedule(dynamic, 1)
    for (int b = 0; b < BLOCKS; b++) {
      double *H = hb + (size_t)b * NP * NP, *G = gb + (size_t)b * NP;
      memset(H, 0, NP * NP * sizeof *H);
      memset(G, 0, NP * sizeof *G);
      size_t lo = n * (size_t)b / BLOCKS, hi = n * (size_t)(b + 1) / BLOCKS;
      for (size_t i = lo; i < hi; i++) {
        if (!row_used(rows, i, before)) continue;
        const float *x = rows->x + i * F;
        double score[2], prob[3];
        orb_record_predict(m, x, score, prob, NULL);
        double p0 = prob[ORB_STANCE_SUPPORT], p1 = prob[ORB_STANCE_CONDEMN];
        double y0 = rows->stance[i] == ORB_STANCE_SUPPORT, y1 = rows->stance[i] == ORB_STANCE_CONDEMN;
        double r0 = p0 - y0, r1 = p1 - y1;
        double c00 = p0 * (1 - p0), c11 = p1 * (1 - p1), c01 = -p0 * p1;
        int nz[ORB_RT_COUNT], nnz = 0;
        for (int t = 0; t < F; t++)
          if (x[t] != 0) nz[nnz++] = t;
        for (int ia = 0; ia < nnz; ia++) {
          int t = nz[ia];
          G[t] += r0 * x[t];
          G[F + t] += r1 * x[t];
          double *h0 = H + (size_t)t * NP, *h1 = H + (size_t)(F + t) * NP;
          for (int ib = 0; ib <= ia; ib++) {
            int u = nz[ib];
            double xx = (double)x[t] * x[u];
            h0[u] += c00 * xx;
            h1[F + u] += c11 * xx;
            h1[u] += c01 * xx;
            if (u != t) H[(size_t)(F + u) * NP + t] += c01 * xx;
          }
        }
      }
    }
    double g[NP], d[NP];
    memset(g, 0, sizeof g);
    memset(h, 0, (size_t)NP * NP * sizeof *h);
    for (int b = 0; b < BLOCKS; b++) {
      for (int i = 0; i < NP; i++) g[i] += gb[(size_t)b * NP + i];
      for (int i = 0; i < NP * NP; i++) h[i] += hb[(size_t)b * NP * NP + i];
    }
    /* symmetrise the lower triangle, add the penalty */
    for (int i = 0; i < NP; i++) {
      for (int j = 0; j < i; j++) h[j * NP + i] = h[i * NP + j];
      int k = i / F, t = i % F;
      g[i] += m->l2 * m->w[k][t];
      h[i * NP + i] += m->l2;
    }
    double gnorm = 0;
    for (int i = 0; i < NP; i++) gnorm = fmax(gnorm, fabs(g[i]));
    if (gnorm < 1e-6 * (double)used / 1000.0) break;
    if (!cholesky_solve(h, g, d, NP)) break;
    orb_record_model trial = *m;
    double step = 1.0, next = obj;
    int accepted = 0;
    for (int ls = 0; ls < 30; ls++) {
      for (int i = 0; i < NP; i++) trial.w[i / F][i % F] = m->w[i / F][i % F] - step * d[i];
      next = nll(&trial, rows, before) + penalty(&trial);
      if (next <= obj) {
        accepted = 1;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    *m = trial;
    double drop = obj - next;
    obj = next;
    if (drop < 1e-9 * obj) {
      it++;
      break;
    }
  }
  m->iterations = it;
  m->rows = used;
  free(hb);
  free(gb);
  free(h);
  return ORB_OK;
}

/* ---- the decision offset of silence -------------------------------------------------- */

double record_silence_bias(int g) {
  return g * (RECORD_SILENCE_MAX / (RECORD_SILENCE_GRID - 1));
}

void record_silence_tally(const orb_record_model *m, const orb_record_rows *rows, int year,
                          record_silence_conf *conf) {
  orb_record_model d = *m;
  for (size_t i = 0; i < rows->count; i++) {
    if (!rows->train[i] || rows->year[i] != year) continue;
    double score[2], prob[3];
    orb_record_predict(m, rows->x + i * ORB_RT_COUNT, score, prob, NULL);
    for (int g = 0; g < RECORD_SILENCE_GRID; g++) {
      d.silent_bias = record_silence_bias(g);
      conf->n[g][rows->stance[i]][orb_record_decide(&d, prob)]++;
    }
  }
}

double record_silence_choose(const record_silence_conf *conf) {
  int best = 0;
  double best_f1 = -1;
  for (int g = 0; g < RECORD_SILENCE_GRID; g++) {
    orb_record_tallies t;
    memset(&t, 0, sizeof t);
    memcpy(t.confusion, conf->n[g], sizeof t.confusion);
    for (int a = 0; a < 3; a++)
      for (int b = 0; b < 3; b++) t.n += conf->n[g][a][b];
    double f1 = orb_record_tallies_scores(&t).macro_f1;
    if (f1 > best_f1) {
      best_f1 = f1;
      best = g;
    }
  }
  return record_silence_bias(best);
}

orb_status orb_record_fit_tuned(orb_record_model *m, const orb_record_rows *rows, int before,
                                orb_diags *diags) {
  if (before == 0) /* every year: the year after the last */
    for (size_t i = 0; i < rows->count; i++)
      if (rows->train[i] && rows->year[i] + 1 > before) before = rows->year[i] + 1;
  record_silence_conf conf;
  memset(&conf, 0, sizeof conf);
  for (int y = before - ORB_RECORD_SILENCE_YEARS; y < before; y++) {
    orb_status st = orb_record_fit(m, rows, y, diags);
    if (st) return st;
    record_silence_tally(m, rows, y, &conf);
  }
  orb_status st = orb_record_fit(m, rows, before, diags);
  if (st) return st;
  m->silent_bias = record_silence_choose(&conf);
  return ORB_OK;
}

/* ---- scores -------------------------------------------------------------------------- */

const char *orb_record_predictor_name(int predictor) {
  static const char *const names[ORB_PRED_COUNT] = {
    "stance model", "same-title copy", "same-topic copy", "always agree", "majority class",
    "ideal point (1-D)"};
  return (unsigned)predictor < ORB_PRED_COUNT ? names[predictor] : "?";
}

void orb_record_tallies_add(orb_record_tallies *t, orb_stance observed,
                            const double prob[ORB_STANCE_COUNT]) {
  int best = 0;
  for (int k = 1; k < ORB_STANCE_COUNT; k++)
    if (prob[k] > prob[best]) best = k;
  orb_record_tallies_add_decided(t, observed, prob, (orb_stance)best);
}

void orb_record_tallies_add_decided(orb_record_tallies *t, orb_stance observed,
                                    const double prob[ORB_STANCE_COUNT], orb_stance predicted) {
  t->n++;
  t->confusion[observed][predicted]++;
  for (int k = 0; k < ORB_STANCE_COUNT; k++) {
    double e = prob[k] - (k == (int)observed);
    t->brier += e * e;
  }
  t->log_loss -= log(fmax(prob[observed], 1e-15));
}

orb_record_scores orb_record_tallies_scores(const orb_record_tallies *t) {
  orb_record_scores s = {t->n, 0, 0, 0, 0};
  if (!t->n) return s;
  size_t right = 0;
  double f1 = 0;
  for (int k = 0; k < ORB_STANCE_COUNT; k++) {
    right += t->confusion[k][k];
    size_t fp = 0, fn = 0;
    for (int j = 0; j < ORB_STANCE_COUNT; j++) {
      if (j == k) continue;
      fp += t->confusion[j][k];
      fn += t->confusion[k][j];
    }
    size_t tp = t->confusion[k][k];
    f1 += tp ? 2.0 * (double)tp / (double)(2 * tp + fp + fn) : 0.0;
  }
  s.accuracy = (double)right / (double)t->n;
  s.macro_f1 = f1 / ORB_STANCE_COUNT;
  s.brier = t->brier / (double)t->n;
  s.log_loss = t->log_loss / (double)t->n;
  return s;
}
