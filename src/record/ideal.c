/*
 * ideal.c: the one-dimensional ideal-point baseline of the rolling validation
 * (docs/MODEL.md, "Honest validation"). Votes yes = +1, abstain = 0, no = -1 of
 * the roll calls of the five years before year t are fitted by alternating least
 * squares to v_ij = beta_j theta_i + alpha_j (one ideal point per state, one
 * discrimination and position per roll call, as in a one-dimensional factor
 * model of UN voting; Voeten 2000; Bailey, Strezhnev & Voeten 2017 bridge years
 * with identical resolutions, as the prediction does here). The predicted vote
 * on a roll call of year t is that of the latest roll call with the same title in
 * the window, read through the frequencies of no, abstain and yes in 20 bins of
 * the fitted value on the training votes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/record.h"
#include "record/record_internal.h"

#define BINS 20
#define WINDOW 5
#define ROUNDS 25

static double vote_value(orb_vote v) {
  return v == ORB_VOTE_YES ? 1.0 : v == ORB_VOTE_NO ? -1.0 : 0.0;
}

static int is_cast(orb_vote v) {
  return v == ORB_VOTE_YES || v == ORB_VOTE_NO || v == ORB_VOTE_ABSTAIN;
}

static int bin_of(double yhat) {
  int b = (int)floor((yhat + 1.5) / 3.0 * BINS);
  return b < 0 ? 0 : b >= BINS ? BINS - 1 : b;
}

void record_ideal_free(record_ideal *m) {
  free(m->theta);
  free(m->has_theta);
  free(m->beta);
  free(m->alpha);
  free(m->title_rc);
  memset(m, 0, sizeof *m);
}

orb_status record_ideal_fit(const orb_record *rec, int before, record_ideal *m) {
  memset(m, 0, sizeof *m);
  size_t nc = rec->country_count, nr = rec->rollcall_count;
  m->theta = calloc(nc, sizeof *m->theta);
  m->has_theta = calloc(nc, 1);
  m->beta = calloc(nr, sizeof *m->beta);
  m->alpha = calloc(nr, sizeof *m->alpha);
  m->title_rc = malloc((rec->title_count ? rec->title_count : 1) * sizeof *m->title_rc);
  double *num = calloc(nc, sizeof *num), *den = calloc(nc, sizeof *den);
  if (!m->theta || !m->has_theta || !m->beta || !m->alpha || !m->title_rc || !num || !den) {
    free(num);
    free(den);
    record_ideal_free(m);
    return ORB_ENOMEM;
  }
  for (size_t t = 0; t < rec->title_count; t++) m->title_rc[t] = ORB_NONE;
  /* the window: roll calls of the years [before - WINDOW, before) */
  size_t lo = nr, hi = 0;
  for (size_t j = 0; j < nr; j++) {
    int y;
    orb_date_to_ymd(rec->rollcalls[j].date, &y, NULL, NULL);
    if (y < before - WINDOW || y >= before) continue;
    if (lo == nr) lo = j;
    hi = j + 1;
    m->title_rc[rec->rollcalls[j].title] = j;
  }
  /* start: agreement with the first country's votes by value (sign only) */
  size_t ref = orb_record_find_country(rec, "USA");
  for (size_t i = 0; i < nc; i++) {
    double s = 0, n = 0;
    for (size_t j = lo; j < hi; j++) {
      orb_vote v = orb_record_vote(rec, j, i);
      if (!is_cast(v)) continue;
      double r = ref != ORB_NONE ? vote_value(orb_record_vote(rec, j, ref)) : 1.0;
      s += vote_value(v) * r;
      n++;
    }
    m->has_theta[i] = n >= 10;
    m->theta[i] = n > 0 ? s / n : 0;
  }
  const double ridge = 0.1;
  for (int round = 0; round < ROUNDS; round++) {
    /* normalise theta to mean 0, standard deviation 1 */
    double s = 0, s2 = 0, n = 0;
    for (size_t i = 0; i < nc; i++)
      if (m->has_theta[i]) {
        s += m->theta[i];
        s2 += m->theta[i] * m->theta[i];
        n++;
      }
    if (n < 2) break;
    double mean = s / n, sd = sqrt(fmax(s2 / n - mean * mean, 1e-12));
    for (size_t i = 0; i < nc; i++) m->theta[i] = (m->theta[i] - mean) / sd;
    /* roll calls: least squares of v on (theta, 1) */
    for (size_t j = lo; j < hi; j++) {
      double sx = 0, sy = 0, sxx = 0, sxy = 0, k = 0;
      for (size_t i = 0; i < nc; i++) {
        orb_vote v = orb_record_vote(rec, j, i);
        if (!m->has_theta[i] || !is_cast(v)) continue;
        double x = m->theta[i], y = vote_value(v);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        k++;
      }
      if (k < 2) continue;
      double cxx = sxx - sx * sx / k + ridge, cxy = sxy - sx * sy / k;
      m->beta[j] = cxy / cxx;
      m->alpha[j] = (sy - m->beta[j] * sx) / k;
    }
    /* states: least squares of v - alpha on beta */
    memset(num, 0, nc * sizeof *num);
    memset(den, 0, nc * sizeof *den);
    for (size_t j = lo; j < hi; j++)
      for (size_t i = 0; i < nc; i++) {
        orb_vote v = orb_record_vote(rec, j, i);
        if (!m->has_theta[i] || !is_cast(v)) continue;
        num[i] += m->beta[j] * (vote_value(v) - m->alpha[j]);
        den[i] += m->beta[j] * m->beta[j];
      }
    for (size_t i = 0; i < nc; i++)
      if (m->has_theta[i]) m->theta[i] = num[i] / (den[i] + ridge);
  }
  /* the link: frequencies of no, abstain, yes by bin of the fitted value */
  for (int b = 0; b < BINS; b++)
    for (int k = 0; k < 3; k++) m->link[b][k] = 1.0;
  for (size_t j = lo; j < hi; j++)
    for (size_t i = 0; i < nc; i++) {
      orb_vote v = orb_record_vote(rec, j, i);
      if (!m->has_theta[i] || !is_cast(v)) continue;
      int b = bin_of(m->beta[j] * m->theta[i] + m->alpha[j]);
      m->link[b][v == ORB_VOTE_NO ? 0 : v == ORB_VOTE_ABSTAIN ? 1 : 2] += 1.0;
    }
  for (int b = 0; b < BINS; b++) {
    double z = m->link[b][0] + m->link[b][1] + m->link[b][2];
    for (int k = 0; k < 3; k++) m->link[b][k] /= z;
  }
  free(num);
  free(den);
  return ORB_OK;
}

int record_ideal_predict(const orb_record *rec, const record_ideal *m, size_t rc, size_t actor,
                         size_t patron, double prob[ORB_STANCE_COUNT]) {
  size_t j = m->title_rc[rec->rollcalls[rc].title];
  if (j == ORB_NONE || !m->has_theta[actor]) return 0;
  const double *p = m->link[bin_of(m->beta[j] * m->theta[actor] + m->alpha[j])];
  int patron_yes = orb_record_vote(rec, rc, patron) == ORB_VOTE_YES;
  prob[ORB_STANCE_SUPPORT] = patron_yes ? p[2] : p[0];
  prob[ORB_STANCE_SILENT] = p[1];
  prob[ORB_STANCE_CONDEMN] = patron_yes ? p[0] : p[2];
  return 1;
}
