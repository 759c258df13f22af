/*
 * validate.c: the month-by-month model against the real record (docs/MODEL.md,
 * "Validation against the record"): the yearly alignment of each state with a
 * pole against its agreement in the UN roll calls, and forecasts from every
 * origin year t, knowing only what came before, against persistence.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dynamics/dyn_internal.h"

/* Running sums of errors of the model and of the two baselines. */
typedef struct val_sums {
  size_t n;
  double model_abs, model_sq, persist_abs, persist_sq, mean3_abs, mean3_sq;
  double closer; /* pairs where the model is closer than persistence (a tie half) */
} val_sums;

static void sums_add(val_sums *s, double observed, double model, double persist, double mean3) {
  s->n++;
  s->model_abs += fabs(model - observed);
  s->model_sq += (model - observed) * (model - observed);
  s->persist_abs += fabs(persist - observed);
  s->persist_sq += (persist - observed) * (persist - observed);
  s->mean3_abs += fabs(mean3 - observed);
  s->mean3_sq += (mean3 - observed) * (mean3 - observed);
  const double em = fabs(model - observed), ep = fabs(persist - observed);
  s->closer += em < ep ? 1.0 : em == ep ? 0.5 : 0.0;
}

static void sums_merge(val_sums *into, const val_sums *s) {
  into->n += s->n, into->model_abs += s->model_abs, into->model_sq += s->model_sq;
  into->persist_abs += s->persist_abs, into->persist_sq += s->persist_sq;
  into->mean3_abs += s->mean3_abs, into->mean3_sq += s->mean3_sq;
  into->closer += s->closer;
}

static orb_dyn_validation_row sums_row(const val_sums *s, int origin, int horizon) {
  double n = s->n ? (double)s->n : NAN;
  return (orb_dyn_validation_row){origin, horizon, s->n, s->model_abs / n,
                                  sqrt(s->model_sq / n), s->persist_abs / n,
                                  sqrt(s->persist_sq / n), s->mean3_abs / n,
                                  sqrt(s->mean3_sq / n), s->closer / n};
}

/* The context of one validation: the world, the record, the pole, the states. */
typedef struct val_ctx {
  const orb_world *w;
  const orb_record *r;
  const double *params;
  size_t pole;            /* world actor */
  size_t *states;         /* world actors with a series toward the pole */
  size_t state_count;
  int first_year, last_year;  /* of the observed table */
  int data_to;            /* the last year read at all */
  double *observed;       /* [state * years + y]: agreement, NAN when unknown */
  double *votes;          /* [state * years + y]: the roll calls it averages */
  double *vote_var;       /* [state * years + y]: the variance of one of its votes */
  orb_diags *diags;
} val_ctx;

/* Inputs of the world cut at year `upto` (no later than data_to), with the
 * record's series `what`; with record_only, the alignments are the record's alone
 * (the observed table). */
static orb_status make_inputs(val_ctx *c, int upto, unsigned what, int record_only,
                              orb_dyn_inputs **in) {
  int y0, y1;
  if (upto > c->data_to) upto = c->data_to;
  orb_date_to_ymd(c->w->start, &y0, NULL, NULL);
  orb_date_to_ymd(c->w->end, &y1, NULL, NULL);
  orb_status st = orb_dyn_inputs_from_world(c->w, y0, y1, in, c->diags);
  if (st != ORB_OK) return st;
  orb_dyn_inputs_truncate(*in, upto);
  for (size_t k = 0; record_only && k < (*in)->actor_count * (*in)->pole_count *
                                           (size_t)(*in)->year_count; k++)
    (*in)->alignment[k] = NAN;
  st = orb_dyn_inputs_from_record(*in, c->w, c->r, what, upto, c->diags);
  if (st != ORB_OK) {
    orb_dyn_inputs_free(*in);
    *in = NULL;
  }
  return st;
}

/* The model of the inputs from the world's first month to December of `to`, and
 * one run of it with params into *out (months x series; the caller frees both). */
static orb_status run_model(val_ctx *c, const orb_dyn_inputs *in, int to, const double *params,
                            orb_dyn_model **m, float **out) {
  int sy, sm;
  orb_date_to_ymd(c->w->start, &sy, &sm, NULL);
  *out = NULL;
  orb_status st = orb_dyn_model_new(c->w, in, orb_date_from_ymd(sy, sm, 1),
                                    orb_date_from_ymd(to, 12, 1), m, c->diags);
  if (st != ORB_OK) return st;
  *out = malloc(dyn_nz(orb_dyn_month_count(*m) * orb_dyn_series_count(*m)) * sizeof **out);
  if (!*out) {
    orb_dyn_model_free(*m);
    *m = NULL;
    return ORB_ENOMEM;
  }
  orb_dyn_run(*m, params, *out);
  return ORB_OK;
}

/* The alignment series of state i toward the pole in m, or ORB_NONE. */
static size_t align_series(const val_ctx *c, const orb_dyn_model *m, size_t i) {
  char name[96];
  snprintf(name, sizeof name, "alignment:%s:%s", c->w->actors[c->states[i]].id,
           c->w->actors[c->pole].id);
  return orb_dyn_series_find(m, name);
}

/* The yearly means of alignment:S:POLE of a run's output into
 * yearly[state * years + y] (NAN for years the run does not cover whole). */
static void yearly_means(const val_ctx *c, const orb_dyn_model *m, const float *out,
                         double *yearly) {
  size_t months = orb_dyn_month_count(m);
  size_t years = (size_t)(c->last_year - c->first_year + 1);
  for (size_t i = 0; i < c->state_count; i++) {
    size_t k = align_series(c, m, i);
    for (size_t y = 0; y < years; y++) {
      double sum = 0;
      int count = 0;
      for (size_t t = 0; k != ORB_NONE && t < months; t++) {
        int yy;
        orb_date_to_ymd(orb_dyn_month_date(m, t), &yy, NULL, NULL);
        if (yy == c->first_year + (int)y) sum += out[k * months + t], count++;
      }
      yearly[i * years + y] = count == 12 ? sum / 12 : NAN;
    }
  }
}

/* The alignment's rates fitted on what a run up to December of t knows (docs/
 * MODEL.md, "Validation against the record"): for each state, its structural
 * index toward the pole from the run's leverages, its impulses from the model's
 * events, and its observed agreement, all of years up to t; the anchors start
 * from the prior variance prior_var (estimated on the same years). */
static orb_status fit_upto(const val_ctx *c, const orb_dyn_model *m, const float *out, int t,
                           int horizon, double prior_var, orb_dyn_alignment_fit *fit) {
  const size_t M = m->months, years_c = (size_t)(c->last_year - c->first_year + 1);
  const int y0 = m->first_month ? m->first_year + 1 : m->first_year; /* first whole year */
  const long j0 = (long)(y0 - m->first_year) * 12 - m->first_month;
  const int years = t - y0 + 1;
  if (years < 2 || j0 + 12L * years > (long)M || c->first_year > y0) {
    orb_diags_add(c->diags, c->w->path, 0, 0, "alignment fit: years %d..%d outside the run",
                  y0, t);
    return ORB_EINVAL;
  }
  const size_t months = 12 * (size_t)years;
  orb_dyn_fit_series *series = calloc(dyn_nz(c->state_count), sizeof *series);
  float *index = calloc(dyn_nz(c->state_count * months), sizeof *index);
  float *impulse = calloc(dyn_nz(c->state_count * months), sizeof *impulse);
  double *observed = malloc(dyn_nz(c->state_count * (size_t)years) * sizeof *observed);
  double *votes = malloc(dyn_nz(c->state_count * (size_t)years) * sizeof *votes);
  double *vvar = malloc(dyn_nz(c->state_count * (size_t)years) * sizeof *vvar);
  orb_status st = series && index && impulse && observed && votes && vvar ? ORB_OK : ORB_ENOMEM;
  size_t n = 0;
  for (size_t i = 0; st == ORB_OK && i < c->state_count; i++) {
    size_t k = align_series(c, m, i);
    if (k == ORB_NONE) continue;
    const size_t q = k - dyn_series_alignment(m);
    size_t st0 = 0;
    while (!(m->state_first[st0] <= q && q < m->state_first[st0 + 1])) st0++;
    const float *lev = out + dyn_series_leverage(m) * M;
    for (size_t j = 0; j < months; j++) {
      double sum = 0;
      for (size_t p = m->state_first[st0]; p < m->state_first[st0 + 1]; p++)
        sum += lev[p * M + (size_t)j0 + j];
      index[n * months + j] =
          (float)dyn_align_index(lev[q * M + (size_t)j0 + j], sum, c->params[P_AUTONOMY]);
    }
    for (size_t a = 0; a < m->action_count; a++) {
      const long j = (long)m->actions[a].month - j0;
      if (m->actions[a].pair == q && j >= 0 && j < (long)months)
        impulse[n * months + (size_t)j] += (float)dyn_align_impulse(c->params, m->actions[a].kind);
    }
    for (int y = 0; y < years; y++) {
      observed[n * (size_t)years + (size_t)y] =
          c->observed[i * years_c + (size_t)(y0 + y - c->first_year)];
      votes[n * (size_t)years + (size_t)y] =
          c->votes[i * years_c + (size_t)(y0 + y - c->first_year)];
      vvar[n * (size_t)years + (size_t)y] =
          c->vote_var[i * years_c + (size_t)(y0 + y - c->first_year)];
    }
    series[n] = (orb_dyn_fit_series){index + n * months, impulse + n * months,
                                     observed + n * (size_t)years, votes + n * (size_t)years,
                                     vvar + n * (size_t)years};
    n++;
  }
  if (st == ORB_OK) {
    orb_dyn_fit_data d = {y0,      years,   n, series, y0 + 1, horizon,
                          c->params[P_ALIGN_VOTE_NOISE], c->params[P_ALIGN_VOTE_VAR],
                          c->params[P_ALIGN_COMMON], c->params[P_ASSIMILATE],
                          c->params[P_ALIGN_HALF_LIFE], prior_var};
    st = orb_dyn_fit_alignment(&d, fit, c->diags);
  }
  free(series);
  free(index);
  free(impulse);
  free(observed);
  free(votes);
  free(vvar);
  return st;
}

/* params with the alignment's rates of fit and the anchors' prior variance
 * prior_var (into p[DYN_PARAM_COUNT]). */
static void with_fit(const double *params, const orb_dyn_alignment_fit *fit, double prior_var,
                     double *p) {
  memcpy(p, params, DYN_PARAM_COUNT * sizeof *p);
  p[P_ALIGN_LEVEL_PRIOR_VAR] = prior_var;
  p[P_ALIGN_LEVEL_VAR] = fit->level_var;
  p[P_ALIGN_SLOPE] = fit->slope;
}

/* Whether model has a series alignment:S:POLE (s, pole world actors). */
static int has_series(const val_ctx *c, const orb_dyn_model *m, size_t s) {
  char name[96];
  snprintf(name, sizeof name, "alignment:%s:%s", c->w->actors[s].id, c->w->actors[c->pole].id);
  return orb_dyn_series_find(m, name) != ORB_NONE;
}

/* The pole, the states with an alignment series toward it, and their observed
 * agreement (the record's alignment input: one rule for both). */
static orb_status prepare(val_ctx *c, const char *pole) {
  c->pole = orb_world_actor(c->w, pole);
  orb_dyn_inputs *in = NULL;
  orb_status st = make_inputs(c, c->last_year, ORB_DYN_RECORD_ALIGNMENT, 1, &in);
  if (st != ORB_OK) return st;
  size_t k = 0;
  while (k < in->pole_count && in->poles[k] != c->pole) k++;
  size_t *map = malloc(dyn_nz(c->w->actor_count) * sizeof *map);
  if (!map) {
    orb_dyn_inputs_free(in);
    return ORB_ENOMEM;
  }
  orb_record_map_world(c->r, c->w, map);
  if (c->pole == ORB_NONE || k == in->pole_count || map[c->pole] == ORB_NONE) {
    orb_diags_add(c->diags, c->w->path, 0, 0,
                  "'%s' is not a pole of the world that is a UN member", pole);
    free(map);
    orb_dyn_inputs_free(in);
    return ORB_EINVAL;
  }
  int sy, sm;
  orb_date_to_ymd(c->w->start, &sy, &sm, NULL);
  orb_date first = orb_date_from_ymd(sy, sm, 1);
  orb_dyn_model *m = NULL; /* one month: only its series' names are read */
  if ((st = orb_dyn_model_new(c->w, in, first, first, &m, c->diags)) != ORB_OK) {
    free(map);
    orb_dyn_inputs_free(in);
    return st;
  }
  size_t years = (size_t)(c->last_year - c->first_year + 1);
  c->states = malloc(dyn_nz(in->actor_count) * sizeof *c->states);
  c->observed = malloc(dyn_nz(in->actor_count * years) * sizeof *c->observed);
  c->votes = malloc(dyn_nz(in->actor_count * years) * sizeof *c->votes);
  c->vote_var = malloc(dyn_nz(in->actor_count * years) * sizeof *c->vote_var);
  if (!c->states || !c->observed || !c->votes || !c->vote_var) st = ORB_ENOMEM;
  for (size_t a = 0; st == ORB_OK && a < in->actor_count; a++) {
    if (map[a] == ORB_NONE || a == c->pole || !has_series(c, m, a)) continue;
    const double *row = &in->alignment[(a * in->pole_count + k) * (size_t)in->year_count];
    const double *nrow = &in->alignment_votes[(a * in->pole_count + k) * (size_t)in->year_count];
    const double *vrow = &in->alignment_var[(a * in->pole_count + k) * (size_t)in->year_count];
    int any = 0;
    for (size_t y = 0; y < years; y++) {
      int yi = c->first_year + (int)y - in->first_year;
      double v = yi >= 0 && yi < in->year_count ? row[yi] : NAN;
      c->observed[c->state_count * years + y] = v;
      c->votes[c->state_count * years + y] = yi >= 0 && yi < in->year_count ? nrow[yi] : 0;
      c->vote_var[c->state_count * years + y] = yi >= 0 && yi < in->year_count ? vrow[yi] : NAN;
      any |= !isnan(v);
    }
    if (any) c->states[c->state_count++] = a;
  }
  orb_dyn_model_free(m);
  free(map);
  orb_dyn_inputs_free(in);
  return st;
}

/* The noise ratio n0 of revealed alignments (docs/MODEL.md, "Alignment"): over
 * the states' years first_year..to with at least ORB_DYN_RECORD_MIN_VOTES roll
 * calls toward the pole, R = the mean variance of a roll call's stance value (1,
 * 1/2, 0) around its state-year mean (into *vote_var), q = the mean squared
 * change of a state's agreement from one such year to the next less its sampling
 * part R/n + R/n'; n0 = R / q (NAN when q <= 0 or nothing is observed). */
static double vote_noise(const val_ctx *c, int to, double *vote_var) {
  const size_t years = (size_t)(to - c->first_year + 1), S = c->state_count;
  size_t *map = malloc(dyn_nz(c->w->actor_count) * sizeof *map);
  orb_record_tally *tally = calloc(dyn_nz(S * years), sizeof *tally);
  *vote_var = NAN;
  if (!map || !tally) {
    free(map);
    free(tally);
    return NAN;
  }
  orb_record_map_world(c->r, c->w, map);
  const size_t patron = map[c->pole];
  double R = 0, D = 0, noise = 0;
  size_t nR = 0, nD = 0;
  for (size_t i = 0; i < S; i++) {
    orb_record_agreement(c->r, map[c->states[i]], patron, orb_date_from_ymd(c->first_year, 1, 1),
                         orb_date_from_ymd(to + 1, 1, 1), tally + i * years, NULL);
    for (size_t y = 0; y < years; y++)
      if (tally[i * years + y].total >= ORB_DYN_RECORD_MIN_VOTES)
        R += dyn_tally_vote_var(&tally[i * years + y], 0), nR++;
  }
  R /= nR ? (double)nR : NAN;
  for (size_t i = 0; i < S; i++)
    for (size_t y = 1; y < years; y++) {
      const orb_record_tally *a = &tally[i * years + y - 1], *b = &tally[i * years + y];
      if (a->total < ORB_DYN_RECORD_MIN_VOTES || b->total < ORB_DYN_RECORD_MIN_VOTES) continue;
      const double oa = (a->n[ORB_STANCE_SUPPORT] + 0.5 * a->n[ORB_STANCE_SILENT]) / (double)a->total,
                   ob = (b->n[ORB_STANCE_SUPPORT] + 0.5 * b->n[ORB_STANCE_SILENT]) / (double)b->total;
      D += (ob - oa) * (ob - oa), noise += R / (double)a->total + R / (double)b->total, nD++;
    }
  free(map);
  free(tally);
  *vote_var = R;
  const double q = nD ? (D - noise) / (double)nD : NAN;
  return q > 0 ? R / q : NAN;
}

/* The prior variance V0 of a pair's level relative to the pole's common level
 * (docs/MODEL.md, "Alignment"): over the years first_year..to, the pooled
 * cross-sectional variance of the states' observed agreement around the year's
 * mean, sum (O - mean)^2 / sum (S_y - 1) over years with S_y >= 2 states
 * observed, less its sampling part, the mean of vote_var / votes; at least 0,
 * NAN when no year has two states. */
static double level_prior_var(const val_ctx *c, int to) {
  const size_t years = (size_t)(c->last_year - c->first_year + 1), S = c->state_count;
  double dev = 0, dof = 0, noise = 0, count = 0;
  for (size_t y = 0; (int)y <= to - c->first_year && y < years; y++) {
    double sum = 0, n = 0;
    for (size_t i = 0; i < S; i++)
      if (!isnan(c->observed[i * years + y])) sum += c->observed[i * years + y], n++;
    if (n < 2) continue;
    for (size_t i = 0; i < S; i++) {
      const double o = c->observed[i * years + y], v = c->votes[i * years + y];
      if (isnan(o)) continue;
      dev += (o - sum / n) * (o - sum / n);
      noise += v > 0 && !isnan(c->vote_var[i * years + y]) ? c->vote_var[i * years + y] / v : 0;
      count++;
    }
    dof += n - 1;
  }
  if (!(dof > 0)) return NAN;
  const double v0 = dev / dof - noise / count;
  return v0 > 0 ? v0 : 0.0;
}

/* The fit over [fit_from, fit_to] of one variant: n, MAE, RMSE, correlation. */
static orb_status fit(val_ctx *c, unsigned what, int from, int to, size_t *n, double *mae,
                      double *rmse, double *corr) {
  size_t years = (size_t)(c->last_year - c->first_year + 1);
  double *yearly = malloc(dyn_nz(c->state_count * years) * sizeof *yearly);
  orb_dyn_inputs *in = NULL;
  orb_status st = yearly ? make_inputs(c, c->last_year, what, 0, &in) : ORB_ENOMEM;
  orb_dyn_model *model = NULL;
  float *out = NULL;
  if (st == ORB_OK && (st = run_model(c, in, to, c->params, &model, &out)) == ORB_OK)
    yearly_means(c, model, out, yearly);
  free(out);
  orb_dyn_model_free(model);
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, sa = 0, ss = 0;
  *n = 0;
  for (size_t i = 0; st == ORB_OK && i < c->state_count; i++)
    for (int y = from; y <= to; y++) {
      double o = c->observed[i * years + (size_t)(y - c->first_year)];
      double m = yearly[i * years + (size_t)(y - c->first_year)];
      if (isnan(o) || isnan(m)) continue;
      ++*n;
      sx += m, sy += o, sxx += m * m, syy += o * o, sxy += m * o;
      sa += fabs(m - o), ss += (m - o) * (m - o);
    }
  double N = *n ? (double)*n : NAN;
  *mae = sa / N;
  *rmse = sqrt(ss / N);
  double cov = sxy / N - (sx / N) * (sy / N), vx = sxx / N - (sx / N) * (sx / N),
         vy = syy / N - (sy / N) * (sy / N);
  *corr = vx > 0 && vy > 0 ? cov / sqrt(vx * vy) : NAN;
  orb_dyn_inputs_free(in);
  free(yearly);
  return st;
}

orb_status orb_dyn_validate(const orb_world *w, const orb_record *r,
                            const orb_dyn_settings *settings,
                            const orb_dyn_validation_options *options,
                            orb_dyn_validation **out, orb_diags *diags) {
  *out = NULL;
  orb_dyn_validation_options o = options ? *options : (orb_dyn_validation_options){0};
  if (!o.pole) o.pole = "RUS";
  if (!o.fit_from) o.fit_from = 1995;
  if (!o.fit_to) o.fit_to = 2019;
  if (!o.origin_from) o.origin_from = 2000;
  if (!o.origin_to) o.origin_to = 2016;
  if (!o.horizon) o.horizon = 3;
  int wy0, wm0, wy1, ry;
  orb_date_to_ymd(w->start, &wy0, &wm0, NULL);
  orb_date_to_ymd(w->end, &wy1, NULL, NULL);
  orb_date_to_ymd(r->last, &ry, NULL, NULL);
  if (!o.data_to) o.data_to = ry;
  int last = o.fit_to > o.origin_to + o.horizon ? o.fit_to : o.origin_to + o.horizon;
  int first = o.fit_from < o.origin_from ? o.fit_from : o.origin_from;
  int whole = wm0 > 1 ? wy0 + 1 : wy0; /* the world's first whole year */
  if (o.horizon < 1 || o.horizon > 50 || o.fit_from > o.fit_to ||
      o.origin_from > o.origin_to || first < whole + 2 || last > wy1 || last >= ry ||
      o.data_to < o.origin_to) {
    orb_diags_add(diags, w->path, 0, 0,
                  "validation years %d..%d must lie within the world (%d..%d, from two years "
                  "after its first whole year) and before the record's last year (%d), with a "
                  "horizon from 1 to 50 and the data read up to the last origin at least",
                  first, last, wy0, wy1, ry);
    return ORB_EINVAL;
  }
  val_ctx c = {.w = w, .r = r, .params = settings->value, .first_year = whole,
               .last_year = last, .data_to = o.data_to, .diags = diags};
  orb_dyn_validation *v = calloc(1, sizeof *v);
  size_t origins = (size_t)(o.origin_to - o.origin_from + 1);
  size_t H = (size_t)o.horizon, years = (size_t)(last - whole + 1);
  val_sums *sums = calloc(origins * H, sizeof *sums);
  double *yearly = NULL, prm[DYN_PARAM_COUNT];
  orb_status st = v && sums ? prepare(&c, o.pole) : ORB_ENOMEM;
  if (st == ORB_OK) {
    snprintf(v->pole, sizeof v->pole, "%s", o.pole);
    v->fit_from = o.fit_from, v->fit_to = o.fit_to, v->horizon = o.horizon;
    v->origin_from = o.origin_from, v->origin_to = o.origin_to;
    v->state_count = c.state_count;
    v->origin_fits = calloc(origins, sizeof *v->origin_fits);
    v->states = calloc(dyn_nz(c.state_count), sizeof *v->states);
    v->forecasts = malloc(dyn_nz(origins * c.state_count * H) * sizeof *v->forecasts);
    yearly = malloc(dyn_nz(c.state_count * years) * sizeof *yearly);
    if (!v->origin_fits || !v->states || !v->forecasts || !yearly) st = ORB_ENOMEM;
  }
  for (size_t i = 0; st == ORB_OK && i < c.state_count; i++)
    snprintf(v->states[i], sizeof v->states[i], "%s", w->actors[c.states[i]].id);
  for (size_t k = 0; st == ORB_OK && k < origins * c.state_count * H; k++) v->forecasts[k] = NAN;
  if (st == ORB_OK)
    st = fit(&c, ORB_DYN_RECORD_CAPABILITY | ORB_DYN_RECORD_CONFLICT, o.fit_from, o.fit_to,
             &v->fit_n[0], &v->fit_mae[0], &v->fit_rmse[0], &v->fit_corr[0]);
  if (st == ORB_OK)
    st = fit(&c, ORB_DYN_RECORD_ALL, o.fit_from, o.fit_to, &v->fit_n[1], &v->fit_mae[1],
             &v->fit_rmse[1], &v->fit_corr[1]);
  /* the rates fitted on every year up to fit_to (the shipped defaults) */
  if (st == ORB_OK) v->vote_noise = vote_noise(&c, o.fit_to > o.data_to ? o.data_to : o.fit_to, &v->vote_var);
  if (st == ORB_OK)
    v->level_prior_var = level_prior_var(&c, o.fit_to > o.data_to ? o.data_to : o.fit_to);
  if (st == ORB_OK) {
    orb_dyn_inputs *in = NULL;
    orb_dyn_model *m = NULL;
    float *run = NULL;
    if ((st = make_inputs(&c, o.fit_to, ORB_DYN_RECORD_ALL, 0, &in)) == ORB_OK &&
        (st = run_model(&c, in, o.fit_to, c.params, &m, &run)) == ORB_OK)
      st = fit_upto(&c, m, run, o.fit_to > o.data_to ? o.data_to : o.fit_to, o.horizon,
                    isnan(v->level_prior_var) ? c.params[P_ALIGN_LEVEL_PRIOR_VAR]
                                              : v->level_prior_var,
                    &v->full_fit);
    free(run);
    orb_dyn_model_free(m);
    orb_dyn_inputs_free(in);
  }
  /* forecasts from every origin t: a run that knows the years up to t, the rates
   * and the anchors' prior variance fitted on them, and a second run with those */
  for (int t = o.origin_from; st == ORB_OK && t <= o.origin_to; t++) {
    const size_t oi = (size_t)(t - o.origin_from);
    const double v0 = level_prior_var(&c, t);
    const double prior_var = isnan(v0) ? c.params[P_ALIGN_LEVEL_PRIOR_VAR] : v0;
    orb_dyn_inputs *in = NULL;
    orb_dyn_model *m = NULL;
    float *run = NULL;
    memcpy(prm, c.params, sizeof prm);
    prm[P_ALIGN_LEVEL_PRIOR_VAR] = prior_var; /* nothing estimated after t */
    if ((st = make_inputs(&c, t, ORB_DYN_RECORD_ALL, 0, &in)) == ORB_OK &&
        (st = run_model(&c, in, t + o.horizon, prm, &m, &run)) == ORB_OK &&
        (st = fit_upto(&c, m, run, t, o.horizon, prior_var, &v->origin_fits[oi])) == ORB_OK) {
      with_fit(c.params, &v->origin_fits[oi], prior_var, prm);
      orb_dyn_run(m, prm, run);
      yearly_means(&c, m, run, yearly);
    }
    free(run);
    orb_dyn_model_free(m);
    orb_dyn_inputs_free(in);
    for (size_t i = 0; st == ORB_OK && i < c.state_count; i++) {
      const double *obs = &c.observed[i * years];
      const size_t yt = (size_t)(t - whole);
      double last_seen = obs[yt], mean3 = 0;
      int seen = 0;
      for (size_t y = yt - 2; y <= yt; y++)
        if (!isnan(obs[y])) mean3 += obs[y], seen++;
      mean3 /= seen ? seen : 1;
      for (size_t h = 1; h <= H; h++) {
        double model = yearly[i * years + yt + h];
        v->forecasts[(oi * c.state_count + i) * H + h - 1] = model;
        double o_y = t + (int)h <= o.data_to ? obs[yt + h] : NAN;
        if (isnan(last_seen) || isnan(o_y) || isnan(model)) continue;
        sums_add(&sums[oi * H + h - 1], o_y, model, last_seen, mean3);
      }
    }
  }
  if (st == ORB_OK) {
    v->row_count = origins + H + 1;
    if (!(v->rows = calloc(v->row_count, sizeof *v->rows))) st = ORB_ENOMEM;
  }
  if (st == ORB_OK) {
    val_sums all = {0};
    for (size_t k = 0; k < origins; k++) {
      val_sums row = {0};
      for (size_t h = 0; h < H; h++) sums_merge(&row, &sums[k * H + h]);
      v->rows[k] = sums_row(&row, o.origin_from + (int)k, 0);
    }
    for (size_t h = 0; h < H; h++) {
      val_sums col = {0};
      for (size_t k = 0; k < origins; k++) sums_merge(&col, &sums[k * H + h]);
      v->rows[origins + h] = sums_row(&col, 0, (int)h + 1);
      sums_merge(&all, &col);
    }
    v->rows[origins + H] = sums_row(&all, 0, 0);
  }
  free(yearly);
  free(sums);
  free(c.states);
  free(c.observed);
  free(c.votes);
  free(c.vote_var);
  if (st != ORB_OK) {
    orb_dyn_validation_free(v);
    return st;
  }
  *out = v;
  return ORB_OK;
}

void orb_dyn_validation_free(orb_dyn_validation *v) {
  if (!v) return;
  free(v->rows);
  free(v->origin_fits);
  free(v->states);
  free(v->forecasts);
  free(v);
}
