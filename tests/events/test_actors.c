/*
 * test_actors.c: the actor mentions of tests/events/actors_probe.txt, each the
 * subject of "MENTION criticised Armenia." on its date, coded with the
 * built-in dictionaries, the built-in world and the tagger and parser (as
 * `orbit code` does). Each line must give exactly one event, its expected
 * source (id, and the role's first letters where one is given), CAMEO root 11
 * and target ARM; a line marked "!" (a known miss) must not, so that it is
 * moved when it starts working. Prints how many lines code right.
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

/* Whether the events of list are exactly one, from expected ("ID [ROLE]"),
 * root 11, to ARM. */
static int coded_as(const evt_list *list, const char *expected) {
  char id[32] = "", role[32] = "";
  if (sscanf(expected, "%31s %31s", id, role) < 1) return 0;
  if (list->count != 1) return 0;
  const evt_event *e = &list->items[0];
  return strcmp(e->source, id) == 0 && strncmp(e->source_role, role, strlen(role)) == 0 &&
         strncmp(e->cameo, "11", 2) == 0 && strcmp(e->target, "ARM") == 0;
}

/* Codes one probe line: the mention as the subject of "criticised Armenia". */
static int check_mention(const orb_dict *dict, char **f, int miss, void *user) {
  (void)user;
  char sentence[256];
  snprintf(sentence, sizeof sentence, "%s criticised Armenia.", f[1]);
  evt_list list = evt_code_text(dict, sentence, f[0]);
  int ok = coded_as(&list, f[2]);
  if (ok == miss)
    fprintf(stderr, "%s %s: %s (%zu events%s%s %s)\n", miss ? "known miss now right" : "wrong",
            f[0], sentence, list.count, list.count ? ", first " : "",
            list.count ? list.items[0].source : "", list.count ? list.items[0].source_role : "");
  evt_list_free(&list);
  return ok;
}

static void test_probe(void **state) {
  (void)state;
  evt_probe_counts n =
      evt_probe(ORB_TEST_SOURCE_DIR "/tests/events/actors_probe.txt", check_mention, NULL);
  printf("actors probe: %zu of %zu mentions coded right (%zu known misses)\n", n.right, n.lines,
         n.known);
  assert_true(n.lines >= 150);
  assert_int_equal(n.wrong, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_probe)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
