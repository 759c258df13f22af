/*
 * fit.c: calibration of the stance model (docs/MODEL.md, "Calibration"):
 * penalised maximum likelihood of the ordered logit on the observed stances of
 * a world, by projected Newton with the sign constraints, lambda chosen by
 * leave-one-country-out log-loss, scored by nested leave-one-country-out beside
 * the majority-class and closest-ally baselines. Single-threaded, fixed order:
 * the same world gives the same bytes.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stance/stance_internal.h"

static const double l2_grid[] = {0.01, 0.03, 0.1, 0.3, 1, 3, 10};
#define GRID_COUNT (sizeof l2_grid / sizeof l2_grid[0])

/* Weak prior on the cut-points, keeping them finite in a fold that lacks a stance. */
static const double cut_prior = 0.01;
static const double cut_centre[2] = {-1.0, 1.0};
static const int max_iterations = 200;
static const double tolerance = 1e-7;

const double *orb_stance_l2_grid(size_t *count) {
  *count = GRID_COUNT;
  return l2_grid;
}

/* The data of a fit: n observations, nw weights (the terms, then the fitted
 * interactions) and two cut-points. */
typedef struct problem {
  size_t n, nw, np;      /* observations, weights, parameters (nw + 2) */
  double *z;             /* n x nw design: x_t, or alpha_g * x_t for interactions */
  double *offset;        /* n: contribution of the interactions held fixed */
  int *y;                /* n: observed orb_stance */
  int *sign;             /* nw: +1 or -1 */
  size_t *country;       /* n: fold (index into the list of countries) */
} problem;

/* log F(u) without overflow. */
static double log_logistic(double u) {
  return u >= 0 ? -log1p(exp(-u)) : u - log1p(exp(u));
}

/* J(theta) on the observations marked in use; with grad and hess (np and np*np,
 * may be NULL) also its gradient and Hessian. +inf when the cut-points are out of
 * order and a silent stance is observed. */
static double objective(const problem *pb, const unsigned char *use, double lambda,
                        const double *theta, double *grad, double *hess) {
  size_t nw = pb->nw, np = pb->np, k1 = nw, k2 = nw + 1;
  double c1 = theta[k1], c2 = theta[k2];
  double value = 0.0;
  if (grad) {
    memset(grad, 0, np * sizeof *grad);
    memset(hess, 0, np * np * sizeof *hess);
  }
  for (size_t i = 0; i < pb->n; i++) {
    if (!use[i]) continue;
    const double *z = pb->z + i * nw;
    double s = pb->offset[i];
    for (size_t j = 0; j < nw; j++) s += theta[j] * z[j];
    double a = c1 - s, b = c2 - s;
    double ll, la = 0, lb = 0, laa = 0, lbb = 0, lab = 0;
    if (pb->y[i] == ORB_STANCE_CONDEMN) {
      ll = log_logistic(a);
      la = stance_logistic(-a);
      laa = -stance_logistic(a) * stance_logistic(-a);
    } else if (pb->y[i] == ORB_STANCE_SUPPORT) {
      ll = log_logistic(-b);
      lb = -stance_logistic(b);
      lbb = -stance_logistic(b) * stance_logistic(-b);
    } else {
      double gap = b - a;
      if (!(gap > 0)) return INFINITY;
      ll = log_logistic(b) + log_logistic(-a) + log(-expm1(-gap));
      double r = 1.0 / expm1(gap), rr = r * (1.0 + r);
      la = -stance_logistic(a) - r;
      lb = stance_logistic(-b) + r;
      laa = -stance_logistic(a) * stance_logistic(-a) - rr;
      lbb = -stance_logistic(b) * stance_logistic(-b) - rr;
      lab = rr;
    }
    value -= ll;
    if (!grad) continue;
    double hw = -(laa + lbb + 2 * lab), h1 = laa + lab, h2 = lbb + lab;
    for (size_t j = 0; j < nw; j++) {
      grad[j] += (la + lb) * z[j];
      for (size_t m = 0; m <= j; m++) hess[j * np + m] += hw * z[j] * z[m];
      hess[k1 * np + j] += h1 * z[j];
      hess[k2 * np + j] += h2 * z[j];
    }
    grad[k1] -= la;
    grad[k2] -= lb;
    hess[k1 * np + k1] -= laa;
    hess[k2 * np + k2] -= lbb;
    hess[k2 * np + k1] -= lab;
  }
  for (size_t j = 0; j < nw; j++) value += 0.5 * lambda * theta[j] * theta[j];
  for (int c = 0; c < 2; c++) {
    double d = theta[nw + c] - cut_centre[c];
    value += 0.5 * cut_prior * d * d;
  }
  if (grad) {
    for (size_t j = 0; j < nw; j++) {
      grad[j] += lambda * theta[j];
      hess[j * np + j] += lambda;
    }
    for (int c = 0; c < 2; c++) {
      grad[nw + c] += cut_prior * (theta[nw + c] - cut_centre[c]);
      hess[(nw + c) * np + nw + c] += cut_prior;
    }
    for (size_t j = 0; j < np; j++) /* mirror the lower triangle */
      for (size_t m = 0; m < j; m++) hess[m * np + j] = hess[j * np + m];
  }
  return value;
}

/* theta_j projected onto its constraint (sign * theta_j >= 0 for weights). */
static double project(const problem *pb, size_t j, double value) {
  if (j >= pb->nw) return value;
  return pb->sign[j] > 0 ? fmax(0.0, value) : fmin(0.0, value);
}

/* Solves a x = b for a symmetric positive definite m x m (a overwritten by its
 * Cholesky factor); 0 if a is not positive definite. */
static int cholesky_solve(double *a, size_t m, double *b) {
  for (size_t j = 0; j < m; j++) {
    double d = a[j * m + j];
    for (size_t k = 0; k < j; k++) d -= a[j * m + k] * a[j * m + k];
    if (!(d > 0)) return 0;
    a[j * m + j] = sqrt(d);
    for (size_t i = j + 1; i < m; i++) {
      double v = a[i * m + j];
      for (size_t k = 0; k < j; k++) v -= a[i * m + k] * a[j * m + k];
      a[i * m + j] = v / a[j * m + j];
    }
  }
  for (size_t i = 0; i < m; i++) {
    for (size_t k = 0; k < i; k++) b[i] -= a[i * m + k] * b[k];
    b[i] /= a[i * m + i];
  }
  for (size_t i = m; i-- > 0;) {
    for (size_t k = i + 1; k < m; k++) b[i] -= a[k * m + i] * b[k];
    b[i] /= a[i * m + i];
  }
  return 1;
}

/* Scratch space of a fit, sized for a problem. */
typedef struct workspace {
  double *grad, *hess, *reduced, *step, *trial;
  size_t *free_index;
} workspace;

/* Frees the scratch arrays (the struct is the caller's). */
static void workspace_free(workspace *ws) {
  free(ws->grad);
  free(ws->hess);
  free(ws->reduced);
  free(ws->step);
  free(ws->trial);
  free(ws->free_index);
}

/* Allocates the scratch arrays for np parameters; ORB_ENOMEM leaves none. */
static orb_status workspace_init(workspace *ws, size_t np) {
  ws->grad = malloc(np * sizeof *ws->grad);
  ws->hess = malloc(np * np * sizeof *ws->hess);
  ws->reduced = malloc(np * np * sizeof *ws->reduced);
  ws->step = malloc(np * sizeof *ws->step);
  ws->trial = malloc(np * sizeof *ws->trial);
  ws->free_index = malloc(np * sizeof *ws->free_index);
  if (ws->grad && ws->hess && ws->reduced && ws->step && ws->trial && ws->free_index)
    return ORB_OK;
  workspace_free(ws);
  return ORB_ENOMEM;
}

/* Minimises J over the observations in use by projected Newton from w = 0,
 * kappa = (-1, 1); theta (np) gets the minimum. Returns the iterations taken. */
static int fit(const problem *pb, const unsigned char *use, double lambda, double *theta,
               workspace *ws) {
  size_t np = pb->np;
  for (size_t j = 0; j < pb->nw; j++) theta[j] = 0.0;
  theta[pb->nw] = cut_centre[0];
  theta[pb->nw + 1] = cut_centre[1];
  int it;
  for (it = 0; it < max_iterations; it++) {
    double value = objective(pb, use, lambda, theta, ws->grad, ws->hess);
    double pg = 0.0;
    for (size_t j = 0; j < np; j++)
      pg = fmax(pg, fabs(theta[j] - project(pb, j, theta[j] - ws->grad[j])));
    if (pg < tolerance) break;
    /* Active set: weights at (or within eps of) their bound, pushed outward. */
    double eps = fmin(1e-6, pg);
    size_t m = 0;
    for (size_t j = 0; j < np; j++) {
      int active = j < pb->nw && pb->sign[j] * theta[j] <= eps && pb->sign[j] * ws->grad[j] > 0;
      ws->step[j] = active ? -theta[j] : 0.0;
      if (!active) ws->free_index[m++] = j;
    }
    double ridge = 0.0;
    for (;;) {
      for (size_t r = 0; r < m; r++) {
        for (size_t c = 0; c < m; c++)
          ws->reduced[r * m + c] = ws->hess[ws->free_index[r] * np + ws->free_index[c]];
        ws->reduced[r * m + r] += ridge;
        ws->trial[r] = -ws->grad[ws->free_index[r]];
      }
      if (cholesky_solve(ws->reduced, m, ws->trial)) break;
      ridge = ridge == 0.0 ? 1e-8 : ridge * 10.0;
    }
    for (size_t r = 0; r < m; r++) ws->step[ws->free_index[r]] = ws->trial[r];
    /* Armijo backtracking along the projection arc; stop once J no longer falls
     * (the gradient is then at the level of rounding). */
    int accepted = 0;
    for (double alpha = 1.0; alpha > 1e-12 && !accepted; alpha *= 0.5) {
      double decrease = 0.0;
      for (size_t j = 0; j < np; j++) {
        ws->trial[j] = project(pb, j, theta[j] + alpha * ws->step[j]);
        decrease += ws->grad[j] * (ws->trial[j] - theta[j]);
      }
      double next = objective(pb, use, lambda, ws->trial, NULL, NULL);
      if (next <= value + 1e-4 * decrease && next < value) accepted = 1;
    }
    if (!accepted) break;
    memcpy(theta, ws->trial, np * sizeof *theta);
  }
  return it;
}

/* ---- observations ------------------------------------------------------------- */

/* The stance an actor took on an issue, or -1 if none is recorded. */
static int observed_stance(const orb_issue *issue, size_t actor) {
  for (size_t k = 0; k < issue->observed_count; k++)
    if (issue->observed[k].actor == actor)
      return (int)issue->options[issue->observed[k].option].stance;
  return -1;
}

size_t orb_stance_closest_ally(const orb_world *world, size_t issue_index, size_t actor,
                               const unsigned char *exclude) {
  const orb_issue *issue = &world->issues[issue_index];
  size_t best = ORB_NONE;
  double best_affinity = 0.0; /* an actor with nothing in common is no ally */
  for (size_t b = 0; b < world->actor_count; b++) {
    if (b == actor || b == issue->patron || (exclude && exclude[b]) ||
        observed_stance(issue, b) < 0)
      continue;
    double affinity = 0.0;
    for (size_t j = 0; j < world->institution_count; j++)
      if (orb_membership_at(world, j, actor, issue->date) == ORB_MEMBER &&
          orb_membership_at(world, j, b, issue->date) == ORB_MEMBER)
        affinity += 1.0;
    double strongest = 0.0;
    for (size_t i = 0; i < world->tie_count; i++)
      if (world->ties[i].from == actor && world->ties[i].to == b)
        strongest = fmax(strongest, stance_tie_value(&world->ties[i], issue->date));
    affinity += strongest;
    if (affinity > best_affinity) {
      best_affinity = affinity;
      best = b;
    }
  }
  return best;
}

/* Everything a calibration run works on. */
typedef struct calib {
  const orb_world *world;
  const orb_stance_model *start;
  problem pb;
  size_t *obs_issue, *obs_actor;
  double *obs_x;                /* n x ORB_TERM_COUNT */
  size_t *countries;            /* distinct actors, in actor order */
  size_t country_count;
  unsigned char *fit_interaction; /* per model interaction */
  size_t *weight_interaction;   /* per weight beyond the terms: interaction index */
  workspace ws;
  double *theta;
} calib;

/* Frees everything a calibration run allocated (the struct is the caller's). */
static void calib_free(calib *c) {
  free(c->pb.z);
  free(c->pb.offset);
  free(c->pb.y);
  free(c->pb.sign);
  free(c->pb.country);
  free(c->obs_issue);
  free(c->obs_actor);
  free(c->obs_x);
  free(c->countries);
  free(c->fit_interaction);
  free(c->weight_interaction);
  free(c->theta);
  workspace_free(&c->ws);
}

/* Counts the observations (the patron's own excepted). */
static size_t count_observations(const orb_world *world) {
  size_t n = 0;
  for (size_t i = 0; i < world->issue_count; i++)
    for (size_t k = 0; k < world->issues[i].observed_count; k++)
      n += world->issues[i].observed[k].actor != world->issues[i].patron;
  return n;
}

/* Decides which interactions are fitted: those whose attribute takes two values
 * or more over the issues with observations. ORB_EINVAL if one is negative. */
static orb_status choose_interactions(calib *c, orb_diags *diags) {
  const orb_world *w = c->world;
  const orb_stance_model *m = c->start;
  for (size_t k = 0; k < m->interaction_count; k++) {
    int seen = 0;
    double first = 0.0;
    for (size_t i = 0; i < w->issue_count; i++) {
      if (!w->issues[i].observed_count) continue;
      double alpha = stance_issue_attribute(&w->issues[i], m->interactions[k].attribute);
      if (alpha < 0) {
        orb_diags_add(diags, w->path, 0, 0,
                      "issue '%s': attribute '%s' is %g; attributes the model interacts "
                      "with must be >= 0", w->issues[i].id, m->interactions[k].attribute,
                      alpha);
        return ORB_EINVAL;
      }
      if (!seen) first = alpha;
      else if (alpha != first) c->fit_interaction[k] = 1;
      seen = 1;
    }
  }
  return ORB_OK;
}

/* Collects the observations, their features, the design and the folds. */
static orb_status build(calib *c, orb_diags *diags) {
  const orb_world *w = c->world;
  const orb_stance_model *m = c->start;
  size_t n = count_observations(w);
  size_t na = w->actor_count ? w->actor_count : 1;
  c->fit_interaction = calloc(m->interaction_count + 1, 1);
  c->weight_interaction = malloc((m->interaction_count + 1) * sizeof *c->weight_interaction);
  if (!c->fit_interaction || !c->weight_interaction) return ORB_ENOMEM;
  orb_status status = choose_interactions(c, diags);
  if (status != ORB_OK) return status;
  size_t nw = ORB_TERM_COUNT;
  for (size_t k = 0; k < m->interaction_count; k++)
    if (c->fit_interaction[k]) {
      c->weight_interaction[nw - ORB_TERM_COUNT] = k;
      nw++;
    }
  problem *pb = &c->pb;
  pb->n = n;
  pb->nw = nw;
  pb->np = nw + 2;
  size_t rows = n ? n : 1;
  pb->z = malloc(rows * nw * sizeof *pb->z);
  pb->offset = calloc(rows, sizeof *pb->offset);
  pb->y = malloc(rows * sizeof *pb->y);
  pb->sign = malloc(nw * sizeof *pb->sign);
  pb->country = malloc(rows * sizeof *pb->country);
  c->obs_issue = malloc(rows * sizeof *c->obs_issue);
  c->obs_actor = malloc(rows * sizeof *c->obs_actor);
  c->obs_x = malloc(rows * ORB_TERM_COUNT * sizeof *c->obs_x);
  c->countries = malloc(na * sizeof *c->countries);
  c->theta = malloc(pb->np * sizeof *c->theta);
  double *all = malloc(na * ORB_TERM_COUNT * sizeof *all);
  unsigned char *has = calloc(na, 1);
  if (!pb->z || !pb->offset || !pb->y || !pb->sign || !pb->country || !c->obs_issue ||
      !c->obs_actor || !c->obs_x || !c->countries || !c->theta || !all || !has ||
      workspace_init(&c->ws, pb->np) != ORB_OK) {
    free(all);
    free(has);
    return ORB_ENOMEM;
  }
  for (size_t t = 0; t < ORB_TERM_COUNT; t++) pb->sign[t] = orb_stance_term_sign((orb_stance_term)t);
  for (size_t j = ORB_TERM_COUNT; j < nw; j++)
    pb->sign[j] = orb_stance_term_sign(m->interactions[c->weight_interaction[j - ORB_TERM_COUNT]].term);

  size_t i = 0;
  int seen_stance[ORB_STANCE_COUNT] = {0};
  for (size_t q = 0; q < w->issue_count && status == ORB_OK; q++) {
    const orb_issue *issue = &w->issues[q];
    if (!issue->observed_count) continue;
    status = orb_stance_features_all(w, m, issue->patron, issue->date, all);
    for (size_t k = 0; k < issue->observed_count && status == ORB_OK; k++) {
      size_t a = issue->observed[k].actor;
      if (a == issue->patron) continue;
      const double *x = all + a * ORB_TERM_COUNT;
      double *z = pb->z + i * nw;
      for (size_t t = 0; t < ORB_TERM_COUNT; t++) z[t] = x[t];
      for (size_t j = ORB_TERM_COUNT; j < nw; j++) {
        const orb_stance_interaction *in = &m->interactions[c->weight_interaction[j - ORB_TERM_COUNT]];
        z[j] = stance_issue_attribute(issue, in->attribute) * x[in->term];
      }
      for (size_t h = 0; h < m->interaction_count; h++) {
        const orb_stance_interaction *in = &m->interactions[h];
        if (!c->fit_interaction[h])
          pb->offset[i] += in->weight * stance_issue_attribute(issue, in->attribute) * x[in->term];
      }
      memcpy(c->obs_x + i * ORB_TERM_COUNT, x, ORB_TERM_COUNT * sizeof *x);
      pb->y[i] = (int)issue->options[issue->observed[k].option].stance;
      seen_stance[pb->y[i]] = 1;
      c->obs_issue[i] = q;
      c->obs_actor[i] = a;
      has[a] = 1;
      i++;
    }
  }
  free(all);
  for (size_t a = 0; a < w->actor_count; a++)
    if (has[a]) c->countries[c->country_count++] = a;
  for (size_t r = 0; r < n; r++)
    for (size_t f = 0; f < c->country_count; f++)
      if (c->countries[f] == c->obs_actor[r]) pb->country[r] = f;
  free(has);
  if (status != ORB_OK) return status;
  if (c->country_count < 3 || !seen_stance[0] || !seen_stance[1] || !seen_stance[2]) {
    orb_diags_add(diags, w->path, 0, 0,
                  "calibration needs observed stances of at least 3 actors other than the "
                  "patron, with each of support, silent and condemn observed at least once "
                  "(found %zu observations of %zu actors)", n, c->country_count);
    return ORB_EINVAL;
  }
  return ORB_OK;
}

/* A model with the fitted theta in place of start's fitted parameters. */
static orb_status model_from_theta(const calib *c, const double *theta, double lambda,
                                   orb_stance_model *out) {
  orb_status status = orb_stance_model_copy(out, c->start);
  if (status != ORB_OK) return status;
  for (size_t t = 0; t < ORB_TERM_COUNT; t++) out->weight[t] = theta[t];
  for (size_t j = ORB_TERM_COUNT; j < c->pb.nw; j++)
    out->interactions[c->weight_interaction[j - ORB_TERM_COUNT]].weight = theta[j];
  out->cut_condemn = theta[c->pb.nw];
  out->cut_support = theta[c->pb.nw + 1];
  out->l2 = lambda;
  return ORB_OK;
}

/* The model's probabilities for observation i under theta. */
static void predict_observation(const calib *c, const double *theta, size_t i,
                                double prob[ORB_STANCE_COUNT]) {
  const problem *pb = &c->pb;
  double s = pb->offset[i];
  for (size_t j = 0; j < pb->nw; j++) s += theta[j] * pb->z[i * pb->nw + j];
  orb_stance_model cuts = {.cut_condemn = theta[pb->nw], .cut_support = theta[pb->nw + 1]};
  orb_stance_probabilities(&cuts, s, prob);
}

/* -log P, floored so a certain miss costs a large finite amount. */
static double loss(const double prob[ORB_STANCE_COUNT], int stance) {
  return -log(fmax(prob[stance], DBL_MIN));
}

/* Mean log-loss of leave-one-country-out within the observations in base. */
static double cross_validate(calib *c, const unsigned char *base, double lambda,
                             unsigned char *use) {
  const problem *pb = &c->pb;
  double total = 0.0;
  size_t count = 0;
  for (size_t f = 0; f < c->country_count; f++) {
    size_t held = 0;
    for (size_t i = 0; i < pb->n; i++) {
      use[i] = base[i] && pb->country[i] != f;
      held += base[i] && pb->country[i] == f;
    }
    if (!held) continue;
    fit(pb, use, lambda, c->theta, &c->ws);
    for (size_t i = 0; i < pb->n; i++) {
      if (!base[i] || pb->country[i] != f) continue;
      double prob[ORB_STANCE_COUNT];
      predict_observation(c, c->theta, i, prob);
      total += loss(prob, pb->y[i]);
      count++;
    }
  }
  return count ? total / (double)count : 0.0;
}

/* The grid value with the lowest LOCO log-loss within base (the smaller on a tie);
 * losses (may be NULL) gets each grid value's loss. */
static double choose_lambda(calib *c, const unsigned char *base, unsigned char *use,
                            double *losses) {
  double best = l2_grid[0], best_loss = INFINITY;
  for (size_t g = 0; g < GRID_COUNT; g++) {
    double value = cross_validate(c, base, l2_grid[g], use);
    if (losses) losses[g] = value;
    if (value < best_loss) {
      best_loss = value;
      best = l2_grid[g];
    }
  }
  return best;
}

/* The most probable stance (ties to the earlier). */
static int argmax(const double prob[ORB_STANCE_COUNT]) {
  int best = 0;
  for (int s = 1; s < ORB_STANCE_COUNT; s++)
    if (prob[s] > prob[best]) best = s;
  return best;
}

/* The baselines for held-out observation h of fold f, trained on the rest. */
static void baselines(const calib *c, size_t f, size_t h, orb_stance_heldout *out,
                      unsigned char *exclude) {
  const problem *pb = &c->pb;
  double counts[ORB_STANCE_COUNT] = {0}, trained = 0.0, agree = 0.0, with_ally = 0.0;
  memset(exclude, 0, c->world->actor_count);
  exclude[c->countries[f]] = 1;
  for (size_t i = 0; i < pb->n; i++) {
    if (pb->country[i] == f) continue;
    counts[pb->y[i]] += 1.0;
    trained += 1.0;
    size_t ally = orb_stance_closest_ally(c->world, c->obs_issue[i], c->obs_actor[i], exclude);
    if (ally == ORB_NONE) continue;
    with_ally += 1.0;
    agree += observed_stance(&c->world->issues[c->obs_issue[i]], ally) == pb->y[i];
  }
  for (int s = 0; s < ORB_STANCE_COUNT; s++)
    out->majority[s] = (counts[s] + 1.0) / (trained + ORB_STANCE_COUNT);
  out->ally_actor = orb_stance_closest_ally(c->world, c->obs_issue[h], c->obs_actor[h], NULL);
  if (out->ally_actor == ORB_NONE) {
    memcpy(out->ally, out->majority, sizeof out->ally);
    return;
  }
  double q = (agree + 1.0) / (with_ally + 2.0);
  int ally_stance = observed_stance(&c->world->issues[c->obs_issue[h]], out->ally_actor);
  for (int s = 0; s < ORB_STANCE_COUNT; s++)
    out->ally[s] = s == ally_stance ? q : (1.0 - q) / 2.0;
}

/* Accuracy and log-loss of the probabilities chosen by `which` (0 model, 1 majority,
 * 2 ally) over every held-out observation. */
static orb_stance_score score_of(const orb_stance_heldout *held, size_t n, int which) {
  double right = 0.0, total = 0.0;
  for (size_t i = 0; i < n; i++) {
    const double *prob = which == 0 ? held[i].model : which == 1 ? held[i].majority
                                                                 : held[i].ally;
    right += argmax(prob) == (int)held[i].observed;
    total += loss(prob, (int)held[i].observed);
  }
  return (orb_stance_score){right / (double)n, total / (double)n};
}

orb_status orb_stance_calibrate(const orb_world *world, const orb_stance_model *start,
                                orb_stance_calibration *result, orb_diags *diags) {
  memset(result, 0, sizeof *result);
  calib c;
  memset(&c, 0, sizeof c);
  c.world = world;
  c.start = start;
  orb_status status = build(&c, diags);
  size_t n = c.pb.n;
  unsigned char *base = NULL, *use = NULL, *exclude = NULL;
  if (status == ORB_OK) {
    base = malloc(n);
    use = malloc(n);
    exclude = malloc(world->actor_count ? world->actor_count : 1);
    result->grid_log_loss = malloc(GRID_COUNT * sizeof *result->grid_log_loss);
    result->heldout = calloc(n, sizeof *result->heldout);
    result->fitted_interaction = calloc(start->interaction_count + 1, 1);
    if (!base || !use || !exclude || !result->grid_log_loss || !result->heldout ||
        !result->fitted_interaction)
      status = ORB_ENOMEM;
  }
  if (status == ORB_OK) {
    memcpy(result->fitted_interaction, c.fit_interaction, start->interaction_count);
    result->observation_count = n;
    result->country_count = c.country_count;
    for (size_t q = 0; q < world->issue_count; q++)
      for (size_t i = 0; i < n; i++)
        if (c.obs_issue[i] == q) {
          result->issue_count++;
          break;
        }
    result->grid_count = GRID_COUNT;

    /* Nested leave-one-country-out: lambda from inner folds, then the held-out fit. */
    for (size_t f = 0; f < c.country_count; f++) {
      for (size_t i = 0; i < n; i++) base[i] = c.pb.country[i] != f;
      double lambda = choose_lambda(&c, base, use, NULL);
      fit(&c.pb, base, lambda, c.theta, &c.ws);
      for (size_t i = 0; i < n; i++) {
        if (c.pb.country[i] != f) continue;
        orb_stance_heldout *h = &result->heldout[i];
        h->issue = c.obs_issue[i];
        h->actor = c.obs_actor[i];
        h->observed = (orb_stance)c.pb.y[i];
        h->l2 = lambda;
        predict_observation(&c, c.theta, i, h->model);
        baselines(&c, f, i, h, exclude);
      }
    }
    result->model_cv = score_of(result->heldout, n, 0);
    result->majority_cv = score_of(result->heldout, n, 1);
    result->ally_cv = score_of(result->heldout, n, 2);

    /* The final model: lambda by LOCO over everything, fitted on everything. */
    memset(base, 1, n);
    double lambda = choose_lambda(&c, base, use, result->grid_log_loss);
    result->iterations = fit(&c.pb, base, lambda, c.theta, &c.ws);
    double right = 0.0, total = 0.0;
    for (size_t i = 0; i < n; i++) {
      double prob[ORB_STANCE_COUNT];
      predict_observation(&c, c.theta, i, prob);
      right += argmax(prob) == c.pb.y[i];
      total += loss(prob, c.pb.y[i]);
    }
    result->train_accuracy = right / (double)n;
    result->train_log_loss = total / (double)n;
    status = model_from_theta(&c, c.theta, lambda, &result->model);
  }
  free(base);
  free(use);
  free(exclude);
  calib_free(&c);
  if (status != ORB_OK) orb_stance_calibration_free(result);
  return status;
}

void orb_stance_calibration_free(orb_stance_calibration *result) {
  orb_stance_model_free(&result->model);
  free(result->grid_log_loss);
  free(result->heldout);
  free(result->fitted_interaction);
  memset(result, 0, sizeof *result);
}
