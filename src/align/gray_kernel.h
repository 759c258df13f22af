/*
 * gray_kernel.h: the inner loops of the exhaustive two-bloc search, written once
 * and included by exact2.c for each instruction set it dispatches to. Before
 * including, define KERNEL(name) (prefixes a name), KERNEL_TARGET (a function
 * attribute), VEC (a GCC vector of int32), VEC_LANES, KERNEL_MAX_VECTORS (enough
 * vectors for GRAY_MAX_ACTORS lanes) and the operations VEC_ANY_NEGATIVE(v)
 * (nonzero when a lane is negative), VEC_MIN(a, b) (lane-wise minimum),
 * VEC_HMIN(v) (smallest lane) and VEC_EQ_MASK(v, x) (bit l set when lane l is x).
 * The header undefines KERNEL, KERNEL_TARGET and the four operations at its end;
 * the shape (VEC, VEC_LANES, KERNEL_MAX_VECTORS, KERNEL_MORE_CASES) stays for the
 * next inclusion of the same width.
 *
 * A step of the Gray code flips one actor j: the fields h_i = sum_j w_ij sigma_j
 * change by a precomputed row (-2 w_j or +2 w_j), the sign mask s (-1 where
 * sigma = -1) by a one-hot row, and the configuration is stable when every
 * g_i = sigma_i h_i = (h_i ^ s_i) - s_i, the energy change if i moved, is >= 0.
 */

/* Loads the fields and sign mask of Gray index `first` into h and s, returning
 * the configuration's code. */
static KERNEL_TARGET inline __attribute__((always_inline)) uint64_t
KERNEL(load)(const gray_plan *plan, uint64_t first, int32_t *lanes, VEC *h, VEC *s,
             const int nv) {
  uint64_t code = gray_start(plan, first, lanes, lanes + plan->stride);
  for (int v = 0; v < nv; v++) {
    h[v] = ((const VEC *)lanes)[v]; /* lanes are 64-byte aligned */
    s[v] = ((const VEC *)(lanes + plan->stride))[v];
  }
  return code;
}

/* Flips actor j of (code, h, s). */
static KERNEL_TARGET inline __attribute__((always_inline)) uint64_t
KERNEL(flip)(const int32_t *delta, const int32_t *onehot, size_t stride, uint64_t code,
             unsigned j, VEC *h, VEC *s, const int nv) {
  const VEC *row = (const VEC *)(delta + (2 * (size_t)j + ((code >> j) & 1)) * stride);
  const VEC *one = (const VEC *)(onehot + (size_t)j * stride);
  for (int v = 0; v < nv; v++) {
    h[v] += row[v];
    s[v] ^= one[v];
  }
  return code ^ (UINT64_C(1) << j);
}

/* The minima loop keeps each vector of h and s in its own variable (h0, s0, ...):
 * GCC keeps arrays of three or more vectors in step with a stack copy. EACH(op)
 * applies op(v, h_v, s_v) to the nv vectors in use (nv is a constant here). */
#if KERNEL_MAX_VECTORS > 3
#define EACH_MORE(op) \
  if (nv > 3) op(3, h3, s3); \
  if (nv > 4) op(4, h4, s4); \
  if (nv > 5) op(5, h5, s5);
#else
#define EACH_MORE(op)
#endif
#define EACH(op)                  \
  do {                            \
    op(0, h0, s0);                \
    if (nv > 1) op(1, h1, s1);    \
    if (nv > 2) op(2, h2, s2);    \
    EACH_MORE(op)                 \
  } while (0)
#define OP_LOAD(v, hv, sv) (hv = ((const VEC *)lanes)[v], sv = ((const VEC *)(lanes + stride))[v])
#define OP_SAVE(v, hv, sv) (((VEC *)lanes)[v] = hv, ((VEC *)(lanes + stride))[v] = sv)
#define OP_BAD(v, hv, sv) (bad |= (hv ^ sv) - sv)
#define OP_FLIP(v, hv, sv) (hv += row_[v], sv ^= one_[v])

/* Tests (h, s) and records a stable configuration; h and s go through memory
 * around the (rare) call. */
#define KERNEL_TEST()                                                           \
  do {                                                                          \
    VEC bad = zero;                                                             \
    EACH(OP_BAD);                                                               \
    if (__builtin_expect(!VEC_ANY_NEGATIVE(bad), 0)) {                          \
      EACH(OP_SAVE);                                                            \
      gray_stable(plan, code, sink);                                            \
      EACH(OP_LOAD);                                                            \
    }                                                                           \
  } while (0)

/* Flips the actor whose rows are row_ (fields) and one_ (sign mask). */
#define KERNEL_FLIP(row, one)                                                   \
  do {                                                                          \
    const VEC *row_ = (row), *one_ = (one);                                     \
    EACH(OP_FLIP);                                                              \
  } while (0)

/* Enumerates Gray indices [first, first + count) with nv vectors of fields;
 * calls gray_stable() for every stable configuration. Steps go in pairs: every
 * odd step flips actor 1, whose side alternates, so its two rows are swapped
 * rather than looked up. count is a power of two >= 2. */
static KERNEL_TARGET inline __attribute__((always_inline)) void
KERNEL(minima)(const gray_plan *plan, uint64_t first, uint64_t count,
               gray_sink *sink, const int nv) {
  const VEC zero = {0};
  VEC h0 = zero, h1 = zero, h2 = zero, s0 = zero, s1 = zero, s2 = zero;
#if KERNEL_MAX_VECTORS > 3
  VEC h3 = zero, h4 = zero, h5 = zero, s3 = zero, s4 = zero, s5 = zero;
#endif
  const int32_t *delta = plan->delta, *onehot = plan->onehot;
  const size_t stride = plan->stride;
  int32_t *lanes = sink->fields;
  uint64_t code = gray_start(plan, first, lanes, lanes + stride);
  EACH(OP_LOAD);
  const VEC *one = (const VEC *)(onehot + stride);
  const VEC *row = (const VEC *)(delta + (2 + ((code >> 1) & 1)) * stride);
  const VEC *next = (const VEC *)(delta + (3 - ((code >> 1) & 1)) * stride);
  for (uint64_t t = 0;;) {
    KERNEL_TEST();
    KERNEL_FLIP(row, one); /* t + 1 is odd: actor 1 changes side */
    const VEC *swap = row;
    row = next;
    next = swap;
    code ^= 2;
    KERNEL_TEST();
    if ((t += 2) == count) break;
    unsigned j = 1 + (unsigned)__builtin_ctzll(t);
    KERNEL_FLIP((const VEC *)(delta + (2 * (size_t)j + ((code >> j) & 1)) * stride),
                (const VEC *)(onehot + (size_t)j * stride));
    code ^= UINT64_C(1) << j;
  }
}
#undef KERNEL_TEST
#undef KERNEL_FLIP
#undef EACH
#undef EACH_MORE
#undef OP_LOAD
#undef OP_SAVE
#undef OP_BAD
#undef OP_FLIP

/* Steepest descent from (code, h, s): moves the actor with the most negative
 * g_i (the lowest such actor on ties) until none is negative. Looks every
 * configuration on the way up in the memo and stores the answer for all of them.
 * Returns the index of the kept minimum reached (kept when it was not kept). */
static KERNEL_TARGET inline __attribute__((always_inline)) size_t
KERNEL(descend)(const gray_plan *plan, uint64_t code, const VEC *h0, const VEC *s0,
                basin_state *state, const int nv) {
  VEC h[KERNEL_MAX_VECTORS], s[KERNEL_MAX_VECTORS];
  for (int v = 0; v < nv; v++) {
    h[v] = h0[v];
    s[v] = s0[v];
  }
  uint64_t path[GRAY_PATH_MAX];
  size_t length = 0, result;
  for (;;) {
    uint32_t *slot = memo_slot(state, code);
    if (slot[0] == (uint32_t)code && slot[1] == (uint32_t)(code >> 32) && slot[2]) {
      result = slot[2] - 1;
      break;
    }
    if (length < GRAY_PATH_MAX) path[length++] = code;
    VEC g[KERNEL_MAX_VECTORS];
    g[0] = (h[0] ^ s[0]) - s[0];
    VEC low = g[0];
    for (int v = 1; v < nv; v++) {
      g[v] = (h[v] ^ s[v]) - s[v];
      low = VEC_MIN(low, g[v]);
    }
    int32_t best = VEC_HMIN(low);
    if (best >= 0) {
      result = find_code(state->codes, state->kept, canonical_code(code, plan->n));
      break;
    }
    unsigned move = 0;
    for (int v = 0; v < nv; v++) {
      unsigned mask = (unsigned)VEC_EQ_MASK(g[v], best);
      if (mask) {
        move = (unsigned)v * VEC_LANES + (unsigned)__builtin_ctz(mask);
        break;
      }
    }
    code = KERNEL(flip)(plan->delta, plan->onehot, plan->stride, code, move, h, s, nv);
  }
  for (size_t i = 0; i < length; i++) memo_store(state, path[i], result);
  return result;
}

/* Counts, for Gray indices [first, first + count), the kept minimum each
 * configuration descends to into state->counts (index kept: one not kept). */
static KERNEL_TARGET inline __attribute__((always_inline)) void
KERNEL(basins)(const gray_plan *plan, uint64_t first, uint64_t count,
               basin_state *state, const int nv) {
  VEC h[KERNEL_MAX_VECTORS], s[KERNEL_MAX_VECTORS];
  uint64_t code = KERNEL(load)(plan, first, state->lanes, h, s, nv);
  for (uint64_t t = 0;;) {
    state->counts[KERNEL(descend)(plan, code, h, s, state, nv)]++;
    if (++t == count) break;
    code = KERNEL(flip)(plan->delta, plan->onehot, plan->stride, code,
                        1 + (unsigned)__builtin_ctzll(t), h, s, nv);
  }
}

/* Entry points: dispatch on the number of vectors so that loops unroll. */
#define KERNEL_CASES(call)                                                        \
  switch ((plan->n + VEC_LANES - 1) / VEC_LANES) {                                \
  case 1: call(1); break;                                                         \
  case 2: call(2); break;                                                         \
  case 3: call(3); break;                                                         \
  KERNEL_MORE_CASES(call)                                                         \
  default: abort(); /* n > GRAY_MAX_ACTORS is refused before */                   \
  }

static KERNEL_TARGET void KERNEL(run_minima)(const gray_plan *plan, uint64_t first,
                                             uint64_t count, gray_sink *sink) {
#define CALL(nv) KERNEL(minima)(plan, first, count, sink, nv)
  KERNEL_CASES(CALL)
#undef CALL
}

static KERNEL_TARGET void KERNEL(run_basins)(const gray_plan *plan, uint64_t first,
                                             uint64_t count, basin_state *state) {
#define CALL(nv) KERNEL(basins)(plan, first, count, state, nv)
  KERNEL_CASES(CALL)
#undef CALL
}
#undef KERNEL_CASES

/* The instruction set's parameters are this inclusion's; the next defines its own. */
#undef KERNEL
#undef KERNEL_TARGET
#undef VEC_ANY_NEGATIVE
#undef VEC_MIN
#undef VEC_HMIN
#undef VEC_EQ_MASK
