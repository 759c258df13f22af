/*
 * test_verbs.c: the verb phrases of tests/events/verbs_probe.txt, short
 * news sentences hand-coded by CAMEO root, each coded on its date with the
 * built-in dictionaries, the built-in world and the tagger and parser (as
 * `orbit code` does). A line is right when its coded events equal the
 * expected ones at (source, CAMEO root, target), each expected event matched
 * by its own coded event and none left over ("-": no event); a line marked "!"
 * (a known miss) must stay wrong, so that it is moved when it starts working.
 * Prints how many lines code right and how many of those also agree on the
 * full CAMEO codes; ORBIT_PROBE_VERBOSE=1 lists every wrong line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "events/evtest.h"

enum { MAX_EXPECTED = 8 };

/* One expected event: source, CAMEO code (2 to 4 digits) and target ("" for
 * none). */
typedef struct expected {
  char source[24], cameo[8], target[24];
} expected;

/* Reads the expected events of field ("SRC CODE [TGT]; ..." or "-") into out;
 * returns their count, or -1 when an event is malformed. */
static int read_expected(char *field, expected *out) {
  if (strcmp(field, "-") == 0) return 0;
  int n = 0;
  char *save = NULL;
  for (char *ev = strtok_r(field, ";", &save); ev; ev = strtok_r(NULL, ";", &save)) {
    if (n == MAX_EXPECTED) return -1;
    expected *e = &out[n];
    e->target[0] = '\0';
    int got = sscanf(ev, "%23s %7s %23s", e->source, e->cameo, e->target);
    size_t len = got >= 2 ? strlen(e->cameo) : 0;
    if (len < 2 || len > 4) return -1;
    n++;
  }
  return n;
}

/* Whether the coded events of list equal the expected ones, each matched once;
 * at the CAMEO root when full is 0, at the full code when 1. */
static int matches(const evt_list *list, const expected *want, int count, int full) {
  if (list->count != (size_t)count) return 0;
  int used[MAX_EXPECTED] = {0};
  for (size_t i = 0; i < list->count; i++) {
    const evt_event *e = &list->items[i];
    int found = 0;
    for (int j = 0; j < count && !found; j++) {
      if (used[j] || strcmp(e->source, want[j].source) != 0 ||
          strcmp(e->target, want[j].target) != 0)
        continue;
      if (full ? strcmp(e->cameo, want[j].cameo) != 0 : strncmp(e->cameo, want[j].cameo, 2) != 0)
        continue;
      used[j] = found = 1;
    }
    if (!found) return 0;
  }
  return 1;
}

/* Prints a wrong line with the events coded for it. */
static void print_wrong(const char *what, const char *date, const char *sentence,
                        const evt_list *list) {
  fprintf(stderr, "%s %s | %s |", what, date, sentence);
  if (!list->count) fprintf(stderr, " -");
  for (size_t i = 0; i < list->count; i++)
    fprintf(stderr, "%s %s %s %s", i ? ";" : "", list->items[i].source, list->items[i].cameo,
            list->items[i].target);
  fprintf(stderr, "\n");
}

/* Codes one probe line and compares it with the expected events; counts the
 * right lines that also agree on the full codes in *(size_t *)full. */
static int check_line(const orb_dict *dict, char **f, int miss, void *full) {
  expected want[MAX_EXPECTED];
  int count = read_expected(f[2], want);
  assert_true(count >= 0);
  evt_list list = evt_code_text(dict, f[1], f[0]);
  int ok = matches(&list, want, count, 0);
  *(size_t *)full += ok && matches(&list, want, count, 1);
  const char *verbose = getenv("ORBIT_PROBE_VERBOSE");
  if (ok == miss)
    print_wrong(miss ? "known miss now right:" : "wrong:", f[0], f[1], &list);
  else if (miss && verbose && *verbose == '1')
    print_wrong("known miss:", f[0], f[1], &list);
  evt_list_free(&list);
  return ok;
}

static void test_probe(void **state) {
  (void)state;
  size_t full = 0;
  evt_probe_counts n =
      evt_probe(ORB_TEST_SOURCE_DIR "/tests/events/verbs_probe.txt", check_line, &full);
  printf("verbs probe: %zu of %zu right (%zu known misses); %zu of the right with the full "
         "CAMEO codes\n",
         n.right, n.lines, n.known, full);
  assert_true(n.lines >= 250);
  assert_int_equal(n.right + n.known, n.lines);
  assert_int_equal(n.wrong, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_probe)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
