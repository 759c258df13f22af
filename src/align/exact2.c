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
  int32_t *fields;  /* 2 * stride lanes, 64-byte aligned: h (at a stable
                       configuration, or at a chunk's start), then the sign mask */
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
static __attribute__((noinline)) void gray_stable(const gray_plan *plan, uint64_t code,
                                                  gray_sink *sink) {
  int64_t sum = 0; /* sum of sigma_i h_i = 2 * sum over i<j of w_ij sigma_i sigma_j */
  uint8_t blocs[64];
  for (size_t i = 0; i < plan->n; i++) {
    blocs[i] = (uint8_t)((code >> i) & 1);
    sum += blocs[i] ? -(int64_t)sink->fields[i] : sink->fields[i];
  }
  int64_t energy = (2 * plan->problem->pair_sum - sum) / 4;
  if (align_minima_add(&sink->minima, energy, blocs, 0, 1) != ORB_OK) sink->failed = 1;
}

/* Sorted codes of the kept minima with their index, for the basin pass. */
typedef struct code_index {
  uint64_t code;
  size_t index;
} code_index;

/* Orders code_index entries by code (for qsort). */
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

/* The code with actor 0 in bloc 0 (both blocs swapped when it is not). */
static uint64_t canonical_code(uint64_t code, size_t n) {
  return code & 1 ? code ^ (n == 64 ? UINT64_MAX : (UINT64_C(1) << n) - 1) : code;
}

/* Longest descent path whose configurations are all memoised. */
#define GRAY_PATH_MAX 64
/* Most entries of each thread's memo of descent ends: 2^16 of 16 bytes, 1 MiB
 * (fewer for small n: 2^(n-1) entries hold every configuration). */
#define MEMO_BITS 16

/* Per-thread state of the basin pass. */
typedef struct basin_state {
  const code_index *codes; /* kept minima by code */
  size_t kept;
  uint64_t *counts;        /* kept + 1 counters */
  int32_t *lanes;          /* 2 * stride scratch lanes, 64-byte aligned */
  uint32_t *memo;          /* 4 << memo_bits: code low, code high, end + 1, 0 */
  unsigned memo_bits;
} basin_state;

/* The memo entry of a code (direct mapped by a multiplicative hash). */
static inline uint32_t *memo_slot(const basin_state *state, uint64_t code) {
  uint64_t hash = (code * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - state->memo_bits);
  return state->memo + 4 * hash;
}

/* Remembers that the descent from code ends at kept minimum `end`. */
static inline void memo_store(const basin_state *state, uint64_t code, size_t end) {
  uint32_t *slot = memo_slot(state, code);
  slot[0] = (uint32_t)code;
  slot[1] = (uint32_t)(code >> 32);
  slot[2] = (uint32_t)end + 1;
}

/* The kernels, one per instruction set. The generic one uses the SSE2 baseline. */
typedef int32_t vec8 __attribute__((vector_size(32)));

/* Generic lane operations on vec8 (through pointers: without AVX, passing a
 * 32-byte vector by value has no stable ABI). */
static inline int generic_any_negative(const vec8 *v) {
#if defined(__x86_64__)
  __m128i low, high;
  memcpy(&low, v, 16);
  memcpy(&high, (const char *)v + 16, 16);
  return _mm_movemask_ps(_mm_castsi128_ps(_mm_or_si128(low, high)));
#else
  return ((*v)[0] | (*v)[1] | (*v)[2] | (*v)[3] | (*v)[4] | (*v)[5] | (*v)[6] |
          (*v)[7]) < 0;
#endif
}
static inline int32_t generic_hmin(const vec8 *v) {
  int32_t low = (*v)[0];
  for (int l = 1; l < 8; l++) low = (*v)[l] < low ? (*v)[l] : low;
  return low;
}
static inline unsigned generic_eq_mask(const vec8 *v, int32_t x) {
  unsigned mask = 0;
  for (int l = 0; l < 8; l++) mask |= (unsigned)((*v)[l] == x) << l;
  return mask;
}

/* The shape of the 8-lane kernels (generic and AVX2); the AVX-512 block below
 * replaces it with 16 lanes. */
#define VEC vec8
#define VEC_LANES 8
#define KERNEL_MAX_VECTORS 6
#define KERNEL_MORE_CASES(call) \
  case 4: call(4); break;       \
  case 5: call(5); break;       \
  case 6: call(6); break;
#define KERNEL(name) generic_##name
#define KERNEL_TARGET
#define VEC_ANY_NEGATIVE(v) generic_any_negative(&(v))
#define VEC_MIN(a, b) (((a) & ((a) < (b))) | ((b) & ~((a) < (b))))
#define VEC_HMIN(v) generic_hmin(&(v))
#define VEC_EQ_MASK(v, x) generic_eq_mask(&(v), x)
#include "align/gray_kernel.h" /* undefines KERNEL, KERNEL_TARGET, VEC_* */

#if defined(__x86_64__)
#define AVX2 __attribute__((target("avx2")))
/* The lane operations with AVX2 instructions. */
static inline AVX2 int avx2_any_negative(vec8 v) {
  return _mm256_movemask_ps(_mm256_castsi256_ps((__m256i)v));
}
static inline AVX2 vec8 avx2_min(vec8 a, vec8 b) {
  return (vec8)_mm256_min_epi32((__m256i)a, (__m256i)b);
}
static inline AVX2 int32_t avx2_hmin(vec8 v) {
  __m128i m = _mm_min_epi32(_mm256_castsi256_si128((__m256i)v),
                            _mm256_extracti128_si256((__m256i)v, 1));
  m = _mm_min_epi32(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(1, 0, 3, 2)));
  m = _mm_min_epi32(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(2, 3, 0, 1)));
  return _mm_cvtsi128_si32(m);
}
static inline AVX2 unsigned avx2_eq_mask(vec8 v, int32_t x) {
  __m256i eq = _mm256_cmpeq_epi32((__m256i)v, _mm256_set1_epi32(x));
  return (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(eq));
}
#define KERNEL(name) avx2_##name
#define KERNEL_TARGET AVX2
#define VEC_ANY_NEGATIVE(v) avx2_any_negative(v)
#define VEC_MIN(a, b) avx2_min(a, b)
#define VEC_HMIN(v) avx2_hmin(v)
#define VEC_EQ_MASK(v, x) avx2_eq_mask(v, x)
#include "align/gray_kernel.h" /* undefines KERNEL, KERNEL_TARGET, VEC_* */

#define AVX512 __attribute__((target("avx512f")))
typedef int32_t vec16 __attribute__((vector_size(64)));
/* The lane operations with AVX-512 instructions, on 16-lane vectors. */
static inline AVX512 int avx512_any_negative(vec16 v) {
  return _mm512_cmplt_epi32_mask((__m512i)v, _mm512_setzero_si512());
}
static inline AVX512 vec16 avx512_min(vec16 a, vec16 b) {
  return (vec16)_mm512_min_epi32((__m512i)a, (__m512i)b);
}
static inline AVX512 int32_t avx512_hmin(vec16 v) {
  return _mm512_reduce_min_epi32((__m512i)v);
}
static inline AVX512 unsigned avx512_eq_mask(vec16 v, int32_t x) {
  return _mm512_cmpeq_epi32_mask((__m512i)v, _mm512_set1_epi32(x));
}
#undef VEC
#undef VEC_LANES
#undef KERNEL_MAX_VECTORS
#undef KERNEL_MORE_CASES
#define KERNEL(name) avx512_##name
#define KERNEL_TARGET AVX512
#define VEC vec16
#define VEC_LANES 16
#define KERNEL_MAX_VECTORS 3
#define KERNEL_MORE_CASES(call)
#define VEC_ANY_NEGATIVE(v) avx512_any_negative(v)
#define VEC_MIN(a, b) avx512_min(a, b)
#define VEC_HMIN(v) avx512_hmin(v)
#define VEC_EQ_MASK(v, x) avx512_eq_mask(v, x)
#include "align/gray_kernel.h" /* undefines KERNEL, KERNEL_TARGET, VEC_* */
#endif

/* The kernels of one instruction set. */
typedef struct gray_kernels {
  void (*minima)(const gray_plan *, uint64_t, uint64_t, gray_sink *);
  void (*basins)(const gray_plan *, uint64_t, uint64_t, basin_state *);
} gray_kernels;

/* The widest kernels this processor runs ($ORBIT_ALIGN_ISA=generic|avx2 narrows
 * the choice, so that tests and benchmarks reach every path). */
static gray_kernels choose_kernels(void) {
#if defined(__x86_64__)
  const char *isa = getenv("ORBIT_ALIGN_ISA");
  __builtin_cpu_init();
  if (!(isa && strcmp(isa, "generic") == 0)) {
    if (!(isa && strcmp(isa, "avx2") == 0) && __builtin_cpu_supports("avx512f"))
      return (gray_kernels){avx512_run_minima, avx512_run_basins};
    if (__builtin_cpu_supports("avx2"))
      return (gray_kernels){avx2_run_minima, avx2_run_basins};
  }
#endif
  return (gray_kernels){generic_run_minima, generic_run_basins};
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

/* Frees the plan's tables. */
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
static orb_status count_basins(const gray_plan *plan, const gray_kernels *kernels,
                               int thread_count, align_minima *minima) {
  size_t kept = minima->count;
  code_index *codes = malloc((kept ? kept : 1) * sizeof *codes);
  size_t slice = (kept + 1 + 7) / 8 * 8; /* each thread's counters in whole lines */
  uint64_t *counts = aligned_alloc(64, (size_t)thread_count * slice * sizeof *counts);
  int32_t *lanes = aligned_alloc(64, (size_t)thread_count * 2 * plan->stride *
                                         sizeof(int32_t));
  unsigned memo_bits = plan->n - 1 < MEMO_BITS ? (unsigned)plan->n - 1 : MEMO_BITS;
  uint32_t *memo = calloc((size_t)thread_count << memo_bits, 4 * sizeof *memo);
  orb_status status = codes && counts && lanes && memo ? ORB_OK : ORB_ENOMEM;
  if (status == ORB_OK) {
    memset(counts, 0, (size_t)thread_count * slice * sizeof *counts);
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
#pragma omp parallel for schedule(dynamic, 1) num_threads(thread_count)
    for (uint64_t c = 0; c < chunks; c++) {
      size_t me = (size_t)omp_get_thread_num();
      basin_state state = {codes, kept, counts + me * slice,
                           lanes + me * 2 * plan->stride, memo + (me << memo_bits) * 4,
                           memo_bits};
      kernels->basins(plan, c * per_chunk, per_chunk, &state);
    }
    for (int t = 0; t < thread_count; t++)
      for (size_t m = 0; m < kept; m++)
        align_minima_at(minima, m)->basin += counts[(size_t)t * slice + m];
  }
  free(codes);
  free(counts);
  free(lanes);
  free(memo);
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
    align_minima_init(&sinks[t].minima, plan.n, minima->keep);
  }
  gray_kernels kernels = choose_kernels();
  unsigned bits = chunk_bits(plan.n);
  uint64_t chunks = UINT64_C(1) << bits;
  uint64_t per_chunk = (UINT64_C(1) << (plan.n - 1)) >> bits;
#pragma omp parallel for schedule(dynamic, 1) num_threads(thread_count)
  for (uint64_t c = 0; c < chunks; c++)
    kernels.minima(&plan, c * per_chunk, per_chunk, &sinks[omp_get_thread_num()]);
  for (int t = 0; t < thread_count; t++) {
    if (sinks[t].failed) status = ORB_ENOMEM;
    if (status == ORB_OK) status = align_minima_merge(minima, &sinks[t].minima);
    align_minima_free(&sinks[t].minima);
  }
  align_minima_finish(minima);
  if (status == ORB_OK && basins)
    status = count_basins(&plan, &kernels, thread_count, minima);
  free(sinks);
  free(lanes);
  plan_free(&plan);
  return status;
}
