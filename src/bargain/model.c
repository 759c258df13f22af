/*
 * model.c: one run of KTAB's Spatial Model of Politics: risk attitudes, challenge
 * evaluation with third parties, interpolated bargains, per-actor resolution,
 * ideal adjustment and the stopping rule (docs/MODEL.md, "Bargaining").
 *
 * KTAB keeps n matrices of n x n utilities per state (aUtil[h]); here every
 * utility is computed from the distance matrix when needed, in the same
 * floating-point operations, so results match KTAB's bit for bit while the work
 * per turn is O(n^2 m + n^3) with O(n^2) memory.
 */
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "bargain/pce.h"
#include "bargain/rng.h"

/* KTAB's constants (smpbcn.cpp, smp.cpp): see docs/MODEL.md. */
#define MIN_CHALLENGE_COALITION 1e-10 /* start of each side in a challenge */
#define MIN_SIGNIFICANT_GAIN 1e-5     /* a challenge worth less is not made */
#define BARGAIN_MIN_WEIGHT 1e-6       /* keeps interpolation weights positive */
#define POSITION_TOLERANCE 1e-3       /* equivalent positions, 0..1 scale */
#define STOP_MIN_TURNS 2
#define STOP_DELTA_RATIO 0.02
#define STOP_MIN_DELTA 1e-4

/* Work (in inner-loop steps) below which a loop runs on one thread: waking a
 * team costs more than it saves. */
#define PARALLEL_MIN_WORK 1e5
#define WIDE(work) ((double)(work) >= PARALLEL_MIN_WORK)

/* The working state of one run; every array is allocated once per run. */
typedef struct smp_run {
  const orb_bargain_options *o;
  size_t n, m;
  const double *cap;       /* [n] capability */
  const double *accom;     /* [n*n] or NULL for identity */
  double *sal;             /* [n*m] salience, 0..1 */
  double *sal_total;       /* [n] S_i */
  double *weight;          /* [n] S_i c_i */
  double *pos, *ideal;     /* [n*m] current state, 0..1 */
  double *next_pos;        /* [n*m] */
  double *vdiff;           /* [n*n] d_i(x_j): i's ideal to j's position */
  double *vdiff_t;         /* [n*n] transposed */
  double *risk;            /* [n] R_i */
  double *uself;           /* [n*n] aUtil[a](a,l) */
  double *util0;           /* [n*n] risk-neutral utilities */
  double *sq_util;         /* [n] value of the status quo to each actor */
  double *election;        /* scratch of bargain_election(n) + n */
  /* challenges and bargains */
  int *best_j;             /* [n] best target or -1 */
  double *best_p, *best_gain, *rcvr_gain; /* [n] */
  size_t bargain_count;
  size_t *b_init, *b_rcvr; /* [2n] */
  double *b_pos_init, *b_pos_rcvr; /* [2n*m] */
  double *b_util;          /* [2n*n] value of each bargain to each actor */
  size_t *queue_start, *queue; /* [n+1], [n + 4n] options per actor, -1 = SQ */
  double *draw;            /* [n] uniforms of a stochastic turn */
  /* per-thread scratch */
  size_t slots;
  double **scratch;
  size_t scratch_len;
} smp_run;

/* Salience-weighted distance from ideal (a row of m) to position p (KTAB bvDiff). */
static double distance(const double *ideal, const double *p, const double *sal,
                       size_t m) {
  double ds2 = 0, ss2 = 0;
  for (size_t k = 0; k < m; k++) {
    const double ds = (ideal[k] - p[k]) * sal[k];
    const double s = sal[k];
    ds2 = ds2 + (ds * ds);
    ss2 = ss2 + (s * s);
  }
  return sqrt(ds2 / ss2);
}

/* Grows every thread's scratch to at least len doubles. */
static orb_status ensure_scratch(smp_run *s, size_t len) {
  if (len <= s->scratch_len) return ORB_OK;
  for (size_t t = 0; t < s->slots; t++) {
    double *grown = realloc(s->scratch[t], len * sizeof(double));
    if (!grown) return ORB_ENOMEM;
    s->scratch[t] = grown;
  }
  s->scratch_len = len;
  return ORB_OK;
}

/* The scratch buffer of the calling thread. */
static double *thread_scratch(const smp_run *s) {
  size_t t = (size_t)omp_get_thread_num();
  return s->scratch[t < s->slots ? t : 0];
}

/* Distances, inferred risk attitudes and own utilities of the current state
 * (KTAB SMPState::setAllAUtil). */
static orb_status assess_state(smp_run *s) {
  const size_t n = s->n, m = s->m;
#pragma omp parallel for schedule(static) if (WIDE(n * n * m))
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      double d = distance(s->ideal + i * m, s->pos + j * m, s->sal + i * m, m);
      s->vdiff[i * n + j] = d;
      s->vdiff_t[j * n + i] = d;
      s->util0[i * n + j] = bargain_util(d, 0.0);
    }
  double *p = s->election + bargain_election_scratch(n);
  orb_status status = bargain_election(s->o, s->o->voting, n, s->cap, s->util0, n, n, p,
                                       s->election);
  if (status != ORB_OK) return status;
  bargain_risk_from_prob(s->o->risk_range, p, n, s->risk);
#pragma omp parallel for schedule(static) if (WIDE(n * n))
  for (size_t a = 0; a < n; a++) {
    const double raa = bargain_perceived_risk(s->o->risk_adjust, s->risk[a], s->risk[a]);
    double total = 0.0;
    for (size_t l = 0; l < n; l++) {
      double u = bargain_util(s->vdiff[a * n + l], raa);
      s->uself[a * n + l] = u;
      total = total + u;
    }
    s->sq_util[a] = total / (double)n;
  }
  return ORB_OK;
}

/* Precomputes h's view for challenges against position i: rh[a] = h's estimate
 * of a's risk attitude, ui[a] = U_h(a, i), unn[a] = U_h(a, a). */
static void challenge_view(const smp_run *s, size_t h, size_t i, double *rh, double *ui,
                           double *unn) {
  const size_t n = s->n;
  for (size_t a = 0; a < n; a++) {
    rh[a] = bargain_perceived_risk(s->o->risk_adjust, s->risk[h], s->risk[a]);
    ui[a] = bargain_util(s->vdiff[a * n + i], rh[a]);
    unn[a] = bargain_util(s->vdiff[a * n + a], rh[a]);
  }
}

/* The vote of every third party t in the contest of i (valued ui[t] by t) against
 * j (dj[t] is t's distance to j), into votes[t] (KTAB Actor::vProbLittle and
 * Actor::thirdPartyVoteSU). Each t weighs in on the little contest of i, j and t
 * alone (base_i, base_j: the principals' coalitions), so the votes are
 * independent and the loop vectorises; rule and commit are constants where
 * the caller inlines it. Principals get votes too; the caller ignores them. */
static inline __attribute__((always_inline)) void
third_party_votes(size_t n, const double *weight, const double *ui, const double *dj,
                  const double *rh, const double *unn, double base_i, double base_j,
                  orb_bargain_voting rule, orb_bargain_commit commit, double *votes) {
  for (size_t t = 0; t < n; t++) {
    const double w = weight[t];
    const double uti = ui[t], utj = bargain_util(dj[t], rh[t]), utt = unn[t];
    const double v0 = bargain_vote(rule, w, uti, utj);
    const double with_i = base_i + v0, with_j = base_j - v0; /* selected below */
    const double ci = (v0 > 0) ? with_i : base_i;
    const double cj = (v0 < 0) ? with_j : base_j;
    const double pin = ci / (ci + cj);
    const double pjn = 1.0 - pin;
    double ik_def_j, j_def_ik, i_def_jk, jk_def_i; /* t's value of each outcome */
    if (commit == ORB_COMMIT_FULL) {
      ik_def_j = uti + uti + uti;
      j_def_ik = utj + utj + utj;
      i_def_jk = uti + uti + uti;
      jk_def_i = utj + utj + utj;
    } else if (commit == ORB_COMMIT_NO) {
      ik_def_j = uti + uti + utt;
      j_def_ik = utj + utj + utt;
      i_def_jk = uti + uti + utt;
      jk_def_i = utj + utj + utt;
    } else { /* SemiCommit */
      ik_def_j = uti + uti + utt;
      j_def_ik = utj + utj + utj;
      i_def_jk = uti + uti + uti;
      jk_def_i = utj + utj + utt;
    }
    const double u_with_i = (pin * ik_def_j) + (pjn * j_def_ik);
    const double u_with_j = (pin * i_def_jk) + (pjn * jk_def_i);
    votes[t] = bargain_vote(rule, w, u_with_i, u_with_j);
  }
}

/* Builds of the challenge kernel for wider vectors where the CPU has them (GCC
 * function multi-versioning); the results are the same bits, as every lane does
 * the same IEEE operations as the scalar code. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define BARGAIN_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define BARGAIN_CLONES
#endif

/* h's estimate of P(i beats j) and of the expected gain to k when i challenges j
 * (KTAB SMPState::probEduChlg), with h's view from challenge_view(h, i); votes
 * is scratch of n doubles. */
BARGAIN_CLONES static void challenge(const smp_run *s, size_t k, size_t i, size_t j, const double *rh,
                      const double *ui, const double *unn, double *votes, double *prob,
                      double *gain) {
  const size_t n = s->n;
  const orb_bargain_voting rule = s->o->voting;
  const double *dj = s->vdiff_t + j * n; /* d_a(x_j) for every a */
  const double uii = ui[i], uji = ui[j];
  const double uij = bargain_util(dj[i], rh[i]), ujj = bargain_util(dj[j], rh[j]);
  const double uki = ui[k], ukj = bargain_util(dj[k], rh[k]);
  const double eu_sq = uki + ukj;
  const double eu_win = uki + uki;
  const double eu_lose = ukj + ukj;

  double contrib_i = bargain_vote(rule, s->weight[i], uii, uij);
  double contrib_j = bargain_vote(rule, s->weight[j], uji, ujj);
  double cij = MIN_CHALLENGE_COALITION, cji = MIN_CHALLENGE_COALITION;
  if (contrib_i > 0.0) cij = cij + contrib_i;
  if (contrib_i < 0.0) cji = cji - contrib_i;
  if (contrib_j > 0.0) cij = cij + contrib_j;
  if (contrib_j < 0.0) cji = cji - contrib_j;

  if (rule == ORB_VOTE_PROP && s->o->commit == ORB_COMMIT_SEMI) /* KTAB's defaults */
    third_party_votes(n, s->weight, ui, dj, rh, unn, cij, cji, ORB_VOTE_PROP,
                      ORB_COMMIT_SEMI, votes);
  else
    third_party_votes(n, s->weight, ui, dj, rh, unn, cij, cji, rule, s->o->commit, votes);
  votes[i] = 0.0; /* principals already counted; adding 0 leaves a sum unchanged */
  votes[j] = 0.0;
  /* add the votes in actor order, as KTAB does */
  for (size_t t = 0; t < n; t++) {
    const double v = votes[t];
    cij = cij + ((v > 0) ? v : 0.0);
    cji = cji + ((v < 0) ? -v : 0.0);
  }
  const double pij = cij / (cij + cji);
  const double pji = cji / (cij + cji);
  const double sj = s->sal_total[j];
  const double eu_contest = pij * eu_win + pji * eu_lose;
  const double eu_challenge = (1 - sj) * eu_win + sj * eu_contest;
  *prob = pij;
  *gain = eu_challenge - eu_sq;
}

/* Each actor's best target, with h = k = i (KTAB bestChallengeUtils and
 * bestChallenge); for two-perspective bargain models also the target's estimate. */
static void find_challenges(smp_run *s) {
  const size_t n = s->n;
  const int need_rcvr = s->o->model != ORB_BARGAIN_INIT_ONLY;
#pragma omp parallel for schedule(dynamic, 1) if (WIDE(n * n * n))
  for (size_t i = 0; i < n; i++) {
    double *rh = thread_scratch(s), *ui = rh + n, *unn = ui + n, *votes = unn + n;
    challenge_view(s, i, i, rh, ui, unn);
    int best = -1;
    double best_p = 0, best_gain = -1.0;
    for (size_t j = 0; j < n; j++) {
      if (j == i) continue;
      double p, gain;
      challenge(s, i, i, j, rh, ui, unn, votes, &p, &gain);
      if (MIN_SIGNIFICANT_GAIN < gain && best_gain < gain) {
        best = (int)j;
        best_p = p;
        best_gain = gain;
      }
    }
    s->best_j[i] = best;
    s->best_p[i] = best_p;
    s->best_gain[i] = best_gain;
    s->rcvr_gain[i] = 0.0;
    if (best >= 0 && need_rcvr) {
      double p, gain;
      challenge_view(s, (size_t)best, i, rh, ui, unn);
      challenge(s, i, i, (size_t)best, rh, ui, unn, votes, &p, &gain);
      s->rcvr_gain[i] = gain; /* KTAB uses this gain where a probability belongs */
    }
  }
}

/* round to 4 decimals as KTAB does */
static double round4(double x) {
  const double scale = 10000.0;
  const int y = (int)(0.5 + (x * scale));
  return (double)y / scale;
}

/* Interpolates i's and j's points bi, bj between positions ti, tj (KTAB
 * SMPActor::interpolateBrgn) with their win probabilities pi, pj. */
static void interpolate(const smp_run *s, size_t i, size_t j, double pi, double pj,
                        double *bi, double *bj) {
  const size_t m = s->m;
  for (size_t k = 0; k < m; k++) {
    const double ti = s->pos[i * m + k], si = s->sal[i * m + k];
    const double tj = s->pos[j * m + k], sj = s->sal[j * m + k];
    if (s->o->interp == ORB_INTERP_S2PMAX) {
      const double di = (pj > pi) ? (pj - pi) : 0;
      const double dj = (pi > pj) ? (pi - pj) : 0;
      const double si2 = si * si, sj2 = sj * sj;
      const double dik = (di * sj2) / ((di * sj2) + BARGAIN_MIN_WEIGHT + ((1 - di) * si2));
      const double djk = (dj * si2) / ((dj * si2) + BARGAIN_MIN_WEIGHT + ((1 - dj) * sj2));
      bi[k] = ti + dik * (tj - ti);
      bj[k] = tj + djk * (ti - tj);
      continue;
    }
    const double power = (s->o->interp == ORB_INTERP_S1P1) ? 1 : 2;
    const double wi = pow(si, power) * pow(pi, power);
    const double wj = pow(sj, power) * pow(pj, power);
    bi[k] = round4(((wi + BARGAIN_MIN_WEIGHT) * ti + wj * tj) /
                   (wi + BARGAIN_MIN_WEIGHT + wj));
    bj[k] = round4((wi * ti + (BARGAIN_MIN_WEIGHT + wj) * tj) /
                   (wi + BARGAIN_MIN_WEIGHT + wj));
  }
}

/* Appends bargain init:rcvr with its two points; returns its index. */
static size_t add_bargain(smp_run *s, size_t init, size_t rcvr) {
  size_t b = s->bargain_count++;
  s->b_init[b] = init;
  s->b_rcvr[b] = rcvr;
  return b;
}

/* Builds the proposed bargains of this turn, in actor order (KTAB doBCN). */
static void propose_bargains(smp_run *s) {
  const size_t n = s->n, m = s->m;
  s->bargain_count = 0;
  for (size_t i = 0; i < n; i++) {
    if (!(0 < s->best_gain[i])) continue;
    const size_t j = (size_t)s->best_j[i];
    const double pij = s->best_p[i], qij = s->rcvr_gain[i];
    switch (s->o->model) {
    case ORB_BARGAIN_INIT_ONLY: {
      size_t b = add_bargain(s, i, j);
      interpolate(s, i, j, pij, 1 - pij, s->b_pos_init + b * m, s->b_pos_rcvr + b * m);
      break;
    }
    case ORB_BARGAIN_INIT_RCVR: {
      size_t b = add_bargain(s, i, j);
      interpolate(s, i, j, pij, 1 - pij, s->b_pos_init + b * m, s->b_pos_rcvr + b * m);
      b = add_bargain(s, i, j);
      interpolate(s, i, j, qij, 1 - qij, s->b_pos_init + b * m, s->b_pos_rcvr + b * m);
      break;
    }
    case ORB_BARGAIN_PW_COMP: {
      /* both interpolations, averaged with weights c_i S_i and c_i S_j (sic) */
      size_t b = add_bargain(s, i, j);
      double *bi = s->b_pos_init + b * m, *bj = s->b_pos_rcvr + b * m;
      double *ti = s->next_pos, *tj = s->next_pos + m; /* free until resolution */
      double *ui = s->next_pos + 2 * m, *uj = s->next_pos + 3 * m;
      interpolate(s, i, j, pij, 1 - pij, ti, tj);
      interpolate(s, i, j, qij, 1 - qij, ui, uj);
      const double wi = s->cap[i] * s->sal_total[i], wj = s->cap[i] * s->sal_total[j];
      for (size_t k = 0; k < m; k++) {
        bi[k] = ((wi * ti[k]) + (wj * ui[k])) / (wi + wj);
        bj[k] = ((wi * tj[k]) + (wj * uj[k])) / (wi + wj);
      }
      break;
    }
    }
  }
  /* each actor's options: status quo first, then its bargains in creation order */
  size_t at = 0;
  for (size_t k = 0; k < n; k++) {
    s->queue_start[k] = at;
    s->queue[at++] = (size_t)-1;
    for (size_t b = 0; b < s->bargain_count; b++)
      if (s->b_init[b] == k || s->b_rcvr[b] == k) s->queue[at++] = b;
  }
  s->queue_start[n] = at;
}

/* Value of every bargain to every actor: the mean utility of the state after it
 * (KTAB doBCN brgnUtil), judged from the actor's ideal with its own risk. The
 * sums run over bargains side by side (vectorised), each in KTAB's order. */
static void value_bargains(smp_run *s) {
  const size_t n = s->n, m = s->m, count = s->bargain_count;
  const size_t *init = s->b_init, *rcvr = s->b_rcvr;
#pragma omp parallel for schedule(dynamic, 4) if (WIDE(n * n * count))
  for (size_t a = 0; a < n; a++) {
    const double *ideal = s->ideal + a * m, *sal = s->sal + a * m;
    const double *ua = s->uself + a * n;
    double *sum = thread_scratch(s);
    for (size_t b = 0; b < count; b++) {
      double u = 0.0;
      u = u + bargain_util(distance(ideal, s->b_pos_init + b * m, sal, m), s->risk[a]);
      u = u + bargain_util(distance(ideal, s->b_pos_rcvr + b * m, sal, m), s->risk[a]);
      sum[b] = u;
    }
    for (size_t l = 0; l < n; l++) {
      const double ual = ua[l];
      for (size_t b = 0; b < count; b++)
        sum[b] = sum[b] + ((l != init[b] && l != rcvr[b]) ? ual : 0.0);
    }
    for (size_t b = 0; b < count; b++) s->b_util[b * n + a] = sum[b] / (double)n;
  }
}

/* Index drawn from distribution p[count] with uniform u. */
static size_t draw_index(const double *p, size_t count, double u) {
  double total = 0.0;
  for (size_t i = 0; i < count; i++) {
    total += p[i];
    if (u < total) return i;
  }
  return count - 1;
}

/* Each actor picks among its status quo and bargains by a PCE over what every
 * actor thinks of them, and moves there (KTAB doBCN). */
static orb_status resolve(smp_run *s) {
  const size_t n = s->n, m = s->m;
  size_t widest = 0;
  for (size_t k = 0; k < n; k++) {
    size_t len = s->queue_start[k + 1] - s->queue_start[k];
    if (len > widest) widest = len;
  }
  orb_status status =
      ensure_scratch(s, n * widest + widest + bargain_election_scratch(widest));
  if (status != ORB_OK) return status;
  int failed = 0;
#pragma omp parallel for schedule(dynamic, 1) reduction(| : failed) \
    if (WIDE(n * n * widest))
  for (size_t k = 0; k < n; k++) {
    const size_t *opts = s->queue + s->queue_start[k];
    const size_t count = s->queue_start[k + 1] - s->queue_start[k];
    double *util = thread_scratch(s), *p = util + n * count, *work = p + count;
    for (size_t a = 0; a < n; a++)
      for (size_t o = 0; o < count; o++)
        util[a * count + o] =
            opts[o] == (size_t)-1 ? s->sq_util[a] : s->b_util[opts[o] * n + a];
    if (bargain_election(s->o, s->o->voting, n, s->cap, util, count, count, p, work) !=
        ORB_OK) {
      failed = 1;
      continue;
    }
    size_t chosen = 0;
    if (s->o->transitions == ORB_TRANSITION_STOCHASTIC) {
      chosen = draw_index(p, count, s->draw[k]);
    } else {
      double best = -1.0;
      for (size_t o = 0; o < count; o++)
        if (best < fabs(p[o])) {
          best = fabs(p[o]);
          chosen = o;
        }
    }
    const size_t b = opts[chosen];
    const double *src = b == (size_t)-1 ? s->pos + k * m
                        : s->b_init[b] == k ? s->b_pos_init + b * m
                                            : s->b_pos_rcvr + b * m;
    memcpy(s->next_pos + k * m, src, m * sizeof(double));
  }
  return failed ? ORB_ELIMIT : ORB_OK;
}

/* New ideals y_i = sum_j A_ij x_j + (1 - sum_j A_ij) y_i (KTAB newIdeals). */
static void adjust_ideals(smp_run *s) {
  const size_t n = s->n, m = s->m;
  if (!s->accom) {
    memcpy(s->ideal, s->pos, n * m * sizeof(double));
    return;
  }
  double *fresh = s->next_pos; /* free after the positions moved */
  for (size_t i = 0; i < n; i++) {
    double *y = fresh + i * m;
    double total = 0.0;
    for (size_t k = 0; k < m; k++) y[k] = 0.0;
    for (size_t j = 0; j < n; j++) {
      const double aij = s->accom[i * n + j];
      total = total + aij;
      for (size_t k = 0; k < m; k++) y[k] = y[k] + (aij * s->pos[j * m + k]);
    }
    total = (1.0 < total) ? 1.0 : total;
    const double lag = 1.0 - total;
    for (size_t k = 0; k < m; k++) y[k] = y[k] + (lag * s->ideal[i * m + k]);
  }
  memcpy(s->ideal, fresh, n * m * sizeof(double));
}

/* Sum over actors of the distance each moved between two states (KTAB stateDist). */
static double state_distance(const double *a, const double *b, size_t n, size_t m) {
  double total = 0;
  for (size_t i = 0; i < n; i++) {
    double s2 = 0.0;
    for (size_t k = 0; k < m; k++) {
      const double d = a[i * m + k] - b[i * m + k];
      s2 = s2 + (d * d);
    }
    total = total + sqrt(s2);
  }
  return total;
}

/* Whether positions i and j of pos are the same within tolerance (KTAB equivNdx). */
static int equivalent(const double *pos, size_t m, size_t i, size_t j) {
  double s2 = 0.0;
  for (size_t k = 0; k < m; k++) {
    const double d = pos[i * m + k] - pos[j * m + k];
    s2 = s2 + (d * d);
  }
  return sqrt(s2) < POSITION_TOLERANCE;
}

/* Probability of each distinct position of the current state (KTAB pDist(-1)):
 * unique[*count] are first holders, uprob their probabilities, actor_prob[n] the
 * probability of each actor's position, with the coalition voting rule and
 * capabilities as weights. */
static orb_status position_probabilities(smp_run *s, size_t *unique, size_t *count,
                                         double *uprob, double *actor_prob) {
  const size_t n = s->n, m = s->m;
  size_t nu = 0;
  for (size_t i = 0; i < n; i++) {
    int found = 0;
    for (size_t u = 0; u < nu && !found; u++) found = equivalent(s->pos, m, i, unique[u]);
    if (!found) unique[nu++] = i;
  }
  double *util = s->util0; /* free after assess_state */
  for (size_t i = 0; i < n; i++)
    for (size_t u = 0; u < nu; u++) util[i * nu + u] = s->uself[i * n + unique[u]];
  orb_status status = bargain_election(s->o, s->o->voting, n, s->cap, util, nu, nu,
                                       uprob, s->election);
  if (status != ORB_OK) return status;
  for (size_t i = 0; i < n; i++) {
    size_t k = 0;
    for (size_t u = 0; u < nu; u++)
      if (equivalent(s->pos, m, i, unique[u])) k = u;
    actor_prob[i] = uprob[k];
  }
  *count = nu;
  return ORB_OK;
}

/* Frees the run's arrays. */
static void run_free(smp_run *s) {
  void *arrays[] = {s->sal, s->sal_total, s->weight, s->pos, s->ideal, s->next_pos,
                    s->vdiff, s->vdiff_t, s->risk, s->uself, s->util0, s->sq_util,
                    s->election, s->best_j, s->best_p, s->best_gain, s->rcvr_gain,
                    s->b_init, s->b_rcvr, s->b_pos_init, s->b_pos_rcvr, s->b_util,
                    s->queue_start, s->queue, s->draw};
  for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++) free(arrays[i]);
  if (s->scratch)
    for (size_t t = 0; t < s->slots; t++) free(s->scratch[t]);
  free(s->scratch);
}

/* Allocates the run's arrays and loads the scenario's initial state. */
static orb_status run_init(smp_run *s, const orb_bargain_scenario *sc,
                           const orb_bargain_options *o) {
  const size_t n = sc->actor_count, m = sc->dim_count;
  memset(s, 0, sizeof *s);
  s->o = o;
  s->n = n;
  s->m = m;
  s->cap = sc->capability;
  s->accom = sc->accommodation;
  size_t nm = n * m, nn = n * n;
  s->sal = malloc(nm * sizeof(double));
  s->sal_total = malloc(n * sizeof(double));
  s->weight = malloc(n * sizeof(double));
  s->pos = malloc(nm * sizeof(double));
  s->ideal = malloc(nm * sizeof(double));
  s->next_pos = malloc((nm > 4 * m ? nm : 4 * m) * sizeof(double));
  s->vdiff = malloc(nn * sizeof(double));
  s->vdiff_t = malloc(nn * sizeof(double));
  s->risk = malloc(n * sizeof(double));
  s->uself = malloc(nn * sizeof(double));
  s->util0 = malloc(nn * sizeof(double));
  s->sq_util = malloc(n * sizeof(double));
  s->election = malloc((bargain_election_scratch(n) + n) * sizeof(double));
  s->best_j = malloc(n * sizeof(int));
  s->best_p = malloc(n * sizeof(double));
  s->best_gain = malloc(n * sizeof(double));
  s->rcvr_gain = malloc(n * sizeof(double));
  s->b_init = malloc(2 * n * sizeof(size_t));
  s->b_rcvr = malloc(2 * n * sizeof(size_t));
  s->b_pos_init = malloc(2 * nm * sizeof(double));
  s->b_pos_rcvr = malloc(2 * nm * sizeof(double));
  s->b_util = malloc(2 * nn * sizeof(double));
  s->queue_start = malloc((n + 1) * sizeof(size_t));
  s->queue = malloc(5 * n * sizeof(size_t));
  s->draw = malloc(n * sizeof(double));
  s->slots = (size_t)omp_get_max_threads();
  s->scratch = calloc(s->slots, sizeof(double *));
  if (!s->sal || !s->sal_total || !s->weight || !s->pos || !s->ideal || !s->next_pos ||
      !s->vdiff || !s->vdiff_t || !s->risk || !s->uself || !s->util0 || !s->sq_util ||
      !s->election || !s->best_j || !s->best_p || !s->best_gain || !s->rcvr_gain ||
      !s->b_init || !s->b_rcvr || !s->b_pos_init || !s->b_pos_rcvr || !s->b_util ||
      !s->queue_start || !s->queue || !s->draw || !s->scratch ||
      ensure_scratch(s, 4 * n) != ORB_OK)
    return ORB_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    double total = 0.0;
    for (size_t k = 0; k < m; k++) {
      s->pos[i * m + k] = sc->position[i * m + k] / 100.0;
      s->sal[i * m + k] = sc->salience[i * m + k] / 100.0;
      total = total + s->sal[i * m + k];
    }
    s->sal_total[i] = total;
    s->weight[i] = total * s->cap[i];
  }
  memcpy(s->ideal, s->pos, nm * sizeof(double));
  return ORB_OK;
}

/* Allocates a result able to hold states states (it grows as needed). */
static orb_bargain_result *result_new(size_t n, size_t m, size_t states) {
  orb_bargain_result *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->actor_count = n;
  r->dim_count = m;
  r->positions = malloc(states * n * m * sizeof(double));
  r->probabilities = calloc(states * n, sizeof(double));
  r->unique_actor = malloc(n * sizeof(size_t));
  r->unique_prob = malloc(n * sizeof(double));
  r->outcome_mean = calloc(m, sizeof(double));
  r->outcome_mode = malloc(m * sizeof(double));
  if (!r->positions || !r->probabilities || !r->unique_actor || !r->unique_prob ||
      !r->outcome_mean || !r->outcome_mode) {
    orb_bargain_result_free(r);
    return NULL;
  }
  return r;
}

void orb_bargain_result_free(orb_bargain_result *result) {
  if (!result) return;
  free(result->positions);
  free(result->probabilities);
  free(result->unique_actor);
  free(result->unique_prob);
  free(result->outcome_mean);
  free(result->outcome_mode);
  free(result);
}

/* Grows r to hold at least states states (doubling); *capacity is its size. */
static orb_status reserve_states(orb_bargain_result *r, size_t states, size_t *capacity) {
  if (states <= *capacity) return ORB_OK;
  size_t grown = *capacity * 2 > states ? *capacity * 2 : states;
  const size_t n = r->actor_count, m = r->dim_count;
  double *pos = realloc(r->positions, grown * n * m * sizeof(double));
  if (!pos) return ORB_ENOMEM;
  r->positions = pos;
  double *prob = realloc(r->probabilities, grown * n * sizeof(double));
  if (!prob) return ORB_ENOMEM;
  memset(prob + *capacity * n, 0, (grown - *capacity) * n * sizeof(double));
  r->probabilities = prob;
  *capacity = grown;
  return ORB_OK;
}

/* Copies the current positions, on the 0..100 scale, as state t of the result. */
static void record_positions(const smp_run *s, orb_bargain_result *r, size_t t) {
  double *dst = r->positions + t * s->n * s->m;
  for (size_t i = 0; i < s->n * s->m; i++) dst[i] = s->pos[i] * 100.0;
}

/* Plays the turns of one run into r (states 0.., r holding capacity states). */
static orb_status play(smp_run *s, orb_bargain_result *r, size_t capacity, bargain_rng *rng) {
  const size_t n = s->n, m = s->m;
  const orb_bargain_options *o = s->o;
  orb_status status;
  double first_move = 0.0;
  record_positions(s, r, 0);
  for (unsigned turn = 1;; turn++) {
    if ((status = reserve_states(r, (size_t)turn + 1, &capacity)) != ORB_OK) return status;
    if ((status = assess_state(s)) != ORB_OK) return status;
    if (o->turn_probabilities &&
        (status = position_probabilities(s, r->unique_actor, &r->unique_count,
                                         r->unique_prob,
                                         r->probabilities + (turn - 1) * n)) != ORB_OK)
      return status;
    find_challenges(s);
    propose_bargains(s);
    value_bargains(s);
    if (o->transitions == ORB_TRANSITION_STOCHASTIC)
      for (size_t k = 0; k < n; k++) s->draw[k] = bargain_rng_uniform(rng);
    if ((status = resolve(s)) != ORB_OK) return status;
    double moved = state_distance(s->pos, s->next_pos, n, m);
    double *old = s->pos;
    s->pos = s->next_pos;
    s->next_pos = old;
    adjust_ideals(s);
    record_positions(s, r, turn);
    r->state_count = turn + 1;
    if (turn == 1) first_move = moved + STOP_MIN_DELTA;
    const double ratio = moved / first_move;
    if (o->max_turns <= turn || (STOP_MIN_TURNS <= turn && ratio < STOP_DELTA_RATIO))
      break;
  }
  if ((status = assess_state(s)) != ORB_OK) return status;
  return position_probabilities(s, r->unique_actor, &r->unique_count, r->unique_prob,
                                r->probabilities + (r->state_count - 1) * n);
}

/* The probability-weighted and the most probable final position. */
static void summarise(orb_bargain_result *r) {
  const size_t m = r->dim_count;
  size_t mode = 0;
  double best = -1.0;
  for (size_t u = 0; u < r->unique_count; u++) {
    const double *x = r->positions + ((r->state_count - 1) * r->actor_count +
                                      r->unique_actor[u]) * m;
    for (size_t k = 0; k < m; k++) r->outcome_mean[k] += r->unique_prob[u] * x[k];
    if (best < r->unique_prob[u]) {
      best = r->unique_prob[u];
      mode = u;
    }
  }
  const double *x = r->positions + ((r->state_count - 1) * r->actor_count +
                                    r->unique_actor[mode]) * m;
  memcpy(r->outcome_mode, x, m * sizeof(double));
}

orb_status orb_bargain_run(const orb_bargain_scenario *scenario,
                           const orb_bargain_options *options, uint64_t seed,
                           uint64_t run, orb_bargain_result **result) {
  *result = NULL;
  if (!scenario || scenario->actor_count < ORB_BARGAIN_MIN_ACTORS ||
      scenario->actor_count > ORB_BARGAIN_MAX_ACTORS || scenario->dim_count < 1 ||
      scenario->dim_count > ORB_BARGAIN_MAX_DIMS || options->max_turns < 1)
    return ORB_EINVAL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_bargain_scenario_check(scenario, "scenario", &diags);
  orb_diags_free(&diags);
  if (status != ORB_OK) return ORB_EINVAL;
  smp_run s;
  bargain_rng rng;
  bargain_rng_seed(&rng, seed, run);
  const size_t capacity = options->max_turns < 32 ? (size_t)options->max_turns + 1 : 33;
  orb_bargain_result *r = result_new(scenario->actor_count, scenario->dim_count, capacity);
  status = r ? run_init(&s, scenario, options) : ORB_ENOMEM;
  if (status == ORB_OK) status = play(&s, r, capacity, &rng);
  if (r) run_free(&s);
  if (status != ORB_OK) {
    orb_bargain_result_free(r);
    return status;
  }
  summarise(r);
  *result = r;
  return ORB_OK;
}
