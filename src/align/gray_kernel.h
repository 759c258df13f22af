/*
 * gray_kernel.h: the inner loop of the exhaustive two-bloc search, written once and
 * included by exact2.c for each instruction set it dispatches to. Before including,
 * define KERNEL(name) (prefixes a name), KERNEL_TARGET (a function attribute),
 * VEC (a GCC vector of int32), VEC_LANES, VEC_ANY_NEGATIVE(v) (nonzero when a lane
 * of v is negative) and KERNEL_MAX_VECTORS (lanes / VEC_LANES for the largest n).
 *
 * A step of the Gray code flips one actor j: the fields h_i = sum_j w_ij sigma_j
 * change by a precomputed row (-2 w_j or +2 w_j), the sign mask s (-1 where
 * sigma = -1) by a one-hot row, and the configuration is stable when every
 * sigma_i h_i = (h_i ^ s_i) - s_i is >= 0. Both tests are a few vector operations.
 */

/* Enumerates Gray indices [first, first + count) with nv vectors of fields;
 * calls gray_stable() for every stable configuration. */
static KERNEL_TARGET inline __attribute__((always_inline)) void
KERNEL(body)(const gray_plan *plan, uint64_t first, uint64_t count,
             gray_sink *sink, const int nv) {
  VEC h[KERNEL_MAX_VECTORS], s[KERNEL_MAX_VECTORS];
  uint64_t code = gray_start(plan, first, (int32_t *)sink->fields,
                             (int32_t *)sink->signs);
  for (int v = 0; v < nv; v++) {
    memcpy(&h[v], sink->fields + (size_t)v * VEC_LANES, sizeof h[v]);
    memcpy(&s[v], sink->signs + (size_t)v * VEC_LANES, sizeof s[v]);
  }
  for (uint64_t t = 0;;) {
    VEC bad = (h[0] ^ s[0]) - s[0];
    for (int v = 1; v < nv; v++) bad |= (h[v] ^ s[v]) - s[v];
    if (__builtin_expect(!VEC_ANY_NEGATIVE(bad), 0)) {
      for (int v = 0; v < nv; v++)
        memcpy(sink->fields + (size_t)v * VEC_LANES, &h[v], sizeof h[v]);
      gray_stable(plan, code, sink);
    }
    if (++t == count) break;
    unsigned j = 1 + (unsigned)__builtin_ctzll(t);
    const VEC *delta = (const VEC *)(plan->delta +
                                     (2 * (size_t)j + ((code >> j) & 1)) * plan->stride);
    const VEC *flip = (const VEC *)(plan->onehot + (size_t)j * plan->stride);
    for (int v = 0; v < nv; v++) {
      h[v] += delta[v];
      s[v] ^= flip[v];
    }
    code ^= UINT64_C(1) << j;
  }
}

static KERNEL_TARGET void KERNEL(run)(const gray_plan *plan, uint64_t first,
                                      uint64_t count, gray_sink *sink) {
  int nv = (int)((plan->n + VEC_LANES - 1) / VEC_LANES);
  switch (nv) {
  case 1: KERNEL(body)(plan, first, count, sink, 1); break;
#if KERNEL_MAX_VECTORS >= 2
  case 2: KERNEL(body)(plan, first, count, sink, 2); break;
#endif
#if KERNEL_MAX_VECTORS >= 3
  case 3: KERNEL(body)(plan, first, count, sink, 3); break;
#endif
#if KERNEL_MAX_VECTORS >= 4
  case 4: KERNEL(body)(plan, first, count, sink, 4); break;
#endif
#if KERNEL_MAX_VECTORS >= 5
  case 5: KERNEL(body)(plan, first, count, sink, 5); break;
#endif
#if KERNEL_MAX_VECTORS >= 6
  case 6: KERNEL(body)(plan, first, count, sink, 6); break;
#endif
  default: break;
  }
}
