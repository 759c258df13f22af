/*
 * exact2.c: the exhaustive two-bloc search. Actor 0 stays in bloc 0 (this breaks
 * the symmetry of swapping the blocs) and the other n-1 actors run through all
 * 2^(n-1) configurations in Gray-code order, one actor changing side per step.
 * The index range is cut into 2^c equal chunks; each chunk starts from its own
 * Gray code (fields computed from scratch), so the set of minima found, and after
 * sorting every output byte, is the same for any number of threads.
 */
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <omp.h>

#include "align/align_internal.h"

/* Most actors the Gray kernels take (3 vectors of 16 lanes). */
#define GRAY_MAX_ACTORS 48

/* Read-only tables of one search. */
typedef struct gray_plan {
  size_t n;
  size_t stride;
  const align_problem *problem;
  int32_t *delta;   /* row 2j+b: change of the fields when actor j leaves bloc b */
  int32_t *onehot;  /* row j: -1 in lane j, 0 elsewhere */
} gray_plan;

/* Per-thread output of the kernels. */
typedef struct gray_sink {
  int32_t *fields;  /* stride lanes, 64-byte aligned: h at a stable configuration */
  int32_t *signs;   /* stride lanes: sign mask at the start of a chunk */
  align_minima minima;
  int failed;       /* out of memory */
} gray_sink;

/* Configuration and fields at Gray index t: writes h and the sign mask (stride
 * lanes each) and returns the code (bit i = bloc of actor i; bit 0 is 0). */
static uint64_t gray_start(const gray_plan *plan, uint64_t t, int32_t *fields,
                           int32_t *signs) {
  uint64_t code = (t ^ (t >> 1)) << 1;
  memset(fields, 0, plan->stride * sizeof *fields);
  memset(signs, 0, plan->stride * sizeof *signs);
  for (size_t j = 0; j < plan->n; j++) {
    int bloc = (int)((code >> j) & 1);
    signs[j] = bloc ? -1 : 0;
    const int32_t *w = plan->problem->w + j * plan->stride;
    for (size_t i = 0; i < plan->n; i++) fields[i] += bloc ? -w[i] : w[i];
  }
  return code;
}

/* Records a stable configuration (rare: called from the kernels' slow path). */
static void gray_stable(const gray_plan *plan, uint64_t code, gray_sink *sink) {
  int64_t sum = 0; /* sum of sigma_i h_i = 2 * sum over i<j of w_ij sigma_i sigma_j */
  uint8_t blocs[64];
  for (size_t i = 0; i < plan->n; i++) {
    blocs[i] = (uint8_t)((code >> i) & 1);
    sum += blocs[i] ? -(int64_t)sink->fields[i] : sink->fields[i];
  }
  int64_t energy = (2 * plan->problem->pair_sum - sum) / 4;
  if (align_minima_add(&sink->minima, energy, blocs, 0, 1) != ORB_OK) sink->failed = 1;
}

/* The kernels, one per instruction set. */
#define KERNEL(name) generic_##name
#define KERNEL_TARGET
typedef int32_t vec8 __attribute__((vector_size(32)));
#define VEC vec8
#define VEC_LANES 8
#define KERNEL_MAX_VECTORS 6
/* Any lane negative, by OR-ing the sign bits of the eight lanes. */
#define VEC_ANY_NEGATIVE(v) \
  (((v)[0] | (v)[1] | (v)[2] | (v)[3] | (v)[4] | (v)[5] | (v)[6] | (v)[7]) < 0)
#include "align/gray_kernel.h"
#undef KERNEL
#undef KERNEL_TARGET
#undef VEC_ANY_NEGATIVE

#if defined(__x86_64__)
#define KERNEL(name) avx2_##name
#define KERNEL_TARGET __attribute__((target("avx2")))
#define VEC_ANY_NEGATIVE(v) _mm256_movemask_ps(_mm256_castsi256_ps((__m256i)(v)))
#include "align/gray_kernel.h"
#undef KERNEL
#undef KERNEL_TARGET
#undef VEC
#undef VEC_LANES
#undef KERNEL_MAX_VECTORS
#undef VEC_ANY_NEGATIVE

#define KERNEL(name) avx512_##name
#define KERNEL_TARGET __attribute__((target("avx512f")))
typedef int32_t vec16 __attribute__((vector_size(64)));
#define VEC vec16
#define VEC_LANES 16
#define KERNEL_MAX_VECTORS 3
#define VEC_ANY_NEGATIVE(v) _mm512_cmplt_epi32_mask((__m512i)(v), _mm512_setzero_si512())
#include "align/gray_kernel.h"
#undef KERNEL
#undef KERNEL_TARGET
#undef VEC
#undef VEC_LANES
#undef KERNEL_MAX_VECTORS
#undef VEC_ANY_NEGATIVE
#endif

typedef void (*gray_kernel)(const gray_plan *, uint64_t, uint64_t, gray_sink *);

/* The widest kernel this processor runs ($ORBIT_ALIGN_ISA=generic|avx2 narrows). */
static gray_kernel choose_kernel(void) {
#if defined(__x86_64__)
  const char *isa = getenv("ORBIT_ALIGN_ISA");
  __builtin_cpu_init();
  if (isa && strcmp(isa, "generic") == 0) return generic_run;
  if (!(isa && strcmp(isa, "avx2") == 0) && __builtin_cpu_supports("avx512f"))
    return avx512_run;
  if (__builtin_cpu_supports("avx2")) return avx2_run;
#endif
  return generic_run;
}

/* Steepest descent from code with fields h (changed): returns the canonical end. */
static uint64_t gray_descend(const gray_plan *plan, uint64_t code, int32_t *h) {
  size_t n = plan->n;
  for (;;) {
    int32_t best = 0;
    size_t move = n;
    for (size_t i = 0; i < n; i++) {
      int32_t gain = ((code >> i) & 1) ? -h[i] : h[i]; /* change of E if i moves */
      if (gain < best) {
        best = gain;
        move = i;
      }
    }
    if (move == n) break;
    const int32_t *delta = plan->delta + (2 * move + ((code >> move) & 1)) * plan->stride;
    for (size_t i = 0; i < n; i++) h[i] += delta[i];
    code ^= UINT64_C(1) << move;
  }
  if (code & 1) code ^= (n == 64 ? UINT64_MAX : (UINT64_C(1) << n) - 1);
  return code;
}

/* Sorted codes of the kept minima with their index, for the basin pass. */
typedef struct code_index {
  uint64_t code;
  size_t index;
} code_index;

static int compare_codes(const void *a, const void *b) {
  uint64_t x = ((const code_index *)a)->code, y = ((const code_index *)b)->code;
  return x < y ? -1 : x > y;
}

/* Index of the kept minimum with this code, or `count` when it was not kept. */
static size_t find_code(const code_index *codes, size_t count, uint64_t code) {
  size_t low = 0, high = count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (codes[mid].code < code) low = mid + 1;
    else high = mid;
  }
  return low < count && codes[low].code == code ? codes[low].index : count;
}

/* Counts, for chunk [first, first+count), where each configuration's descent
 * ends, into basin[0..kept] (basin[kept]: minima that were not kept). */
static void basin_chunk(const gray_plan *plan, uint64_t first, uint64_t count,
                        const code_index *codes, size_t kept, int32_t *fields,
                        int32_t *signs, int32_t *scratch, uint64_t *basin) {
  uint64_t code = gray_start(plan, first, fields, signs);
  for (uint64_t t = 0;;) {
    memcpy(scratch, fields, plan->n * sizeof *scratch);
    basin[find_code(codes, kept, gray_descend(plan, code, scratch))]++;
    if (++t == count) break;
    unsigned j = 1 + (unsigned)__builtin_ctzll(t);
    const int32_t *delta = plan->delta + (2 * (size_t)j + ((code >> j) & 1)) * plan->stride;
    for (size_t i = 0; i < plan->n; i++) fields[i] += delta[i];
    code ^= UINT64_C(1) << j;
  }
}

/* Fills the plan's tables. ORB_ENOMEM. */
static orb_status plan_init(gray_plan *plan, const align_problem *problem) {
  plan->n = problem->n;
  plan->stride = problem->stride;
  plan->problem = problem;
  size_t rows = 2 * plan->n * plan->stride * sizeof(int32_t);
  size_t ones = plan->n * plan->stride * sizeof(int32_t);
  plan->delta = aligned_alloc(64, rows);
  plan->onehot = aligned_alloc(64, ones);
  if (!plan->delta || !plan->onehot) return ORB_ENOMEM;
  memset(plan->onehot, 0, ones);
  for (size_t j = 0; j < plan->n; j++) {
    const int32_t *w = problem->w + j * plan->stride;
    for (size_t i = 0; i < plan->stride; i++) {
      plan->delta[(2 * j) * plan->stride + i] = -2 * w[i];
      plan->delta[(2 * j + 1) * plan->stride + i] = 2 * w[i];
    }
    plan->onehot[j * plan->stride + j] = -1;
  }
  return ORB_OK;
}

static void plan_free(gray_plan *plan) {
  free(plan->delta);
  free(plan->onehot);
}

/* Chunks: 2^c of them, at most 4096, each at least 2^10 configurations when n is
 * large enough; the choice depends on n only, never on the thread count. */
static unsigned chunk_bits(size_t n) {
  unsigned free_bits = (unsigned)n - 1;
  unsigned bits = free_bits > 10 ? free_bits - 10 : 0;
  return bits > 12 ? 12 : bits;
}

/* The basin pass: counts every configuration into the kept minima. */
static orb_status count_basins(const gray_plan *plan, int threads, align_minima *minima) {
  size_t kept = minima->count;
  code_index *codes = malloc((kept ? kept : 1) * sizeof *codes);
  if (!codes) return ORB_ENOMEM;
  for (size_t m = 0; m < kept; m++) {
    const align_record *r = align_minima_at(minima, m);
    uint64_t code = 0;
    for (size_t i = 0; i < plan->n; i++) code |= (uint64_t)r->blocs[i] << i;
    codes[m] = (code_index){code, m};
  }
  qsort(codes, kept, sizeof *codes, compare_codes);
  unsigned bits = chunk_bits(plan->n);
  uint64_t chunks = UINT64_C(1) << bits;
  uint64_t per_chunk = (UINT64_C(1) << (plan->n - 1)) >> bits;
  int thread_count = threads > 0 ? threads : omp_get_max_threads();
  uint64_t *counts = calloc((size_t)thread_count * (kept + 1), sizeof *counts);
  int32_t *scratch = aligned_alloc(64, (size_t)thread_count * 3 * plan->stride *
                                           sizeof(int32_t));
  orb_status status = counts && scratch ? ORB_OK : ORB_ENOMEM;
  if (status == ORB_OK) {
#pragma omp parallel for schedule(dynamic, 1) num_threads(thread_count)
    for (uint64_t c = 0; c < chunks; c++) {
      int me = omp_get_thread_num();
      int32_t *mine = scratch + (size_t)me * 3 * plan->stride;
      basin_chunk(plan, c * per_chunk, per_chunk, codes, kept, mine,
                  mine + plan->stride, mine + 2 * plan->stride,
                  counts + (size_t)me * (kept + 1));
    }
    for (int t = 0; t < thread_count; t++)
      for (size_t m = 0; m < kept; m++)
        align_minima_at(minima, m)->basin += counts[(size_t)t * (kept + 1) + m];
  }
  free(codes);
  free(counts);
  free(scratch);
  return status;
}

orb_status align_exact2(const align_problem *problem, int threads, int basins,
                        align_minima *minima) {
  if (problem->n < 2 || problem->n > GRAY_MAX_ACTORS) return ORB_ELIMIT;
  gray_plan plan;
  orb_status status = plan_init(&plan, problem);
  int thread_count = threads > 0 ? threads : omp_get_max_threads();
  gray_sink *sinks = calloc((size_t)thread_count, sizeof *sinks);
  int32_t *lanes = aligned_alloc(64, (size_t)thread_count * 2 * plan.stride *
                                         sizeof(int32_t));
  if (!sinks || !lanes) status = ORB_ENOMEM;
  if (status != ORB_OK) {
    free(sinks);
    free(lanes);
    plan_free(&plan);
    return status;
  }
  for (int t = 0; t < thread_count; t++) {
    sinks[t].fields = lanes + (size_t)t * 2 * plan.stride;
    sinks[t].signs = sinks[t].fields + plan.stride;
    align_minima_init(&sinks[t].minima, plan.n, minima->keep);
  }
  gray_kernel kernel = choose_kernel();
  unsigned bits = chunk_bits(plan.n);
  uint64_t chunks = UINT64_C(1) << bits;
  uint64_t per_chunk = (UINT64_C(1) << (plan.n - 1)) >> bits;
#pragma omp parallel for schedule(dynamic, 1) num_threads(thread_count)
  for (uint64_t c = 0; c < chunks; c++)
    kernel(&plan, c * per_chunk, per_chunk, &sinks[omp_get_thread_num()]);
  for (int t = 0; t < thread_count; t++) {
    if (sinks[t].failed) status = ORB_ENOMEM;
    if (status == ORB_OK) status = align_minima_merge(minima, &sinks[t].minima);
    align_minima_free(&sinks[t].minima);
  }
  align_minima_finish(minima);
  if (status == ORB_OK && basins) status = count_basins(&plan, thread_count, minima);
  free(sinks);
  free(lanes);
  plan_free(&plan);
  return status;
}
