/*
 * evtest.c: helpers shared by the event coder's tests (evtest.h).
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

void evt_list_free(evt_list *list) {
  free(list->items);
  list->items = NULL;
  list->count = list->cap = 0;
}

orb_dict *evt_dict(const char *const *extra) { return evt_dict_world(NULL, extra); }

orb_dict *evt_dict_world(const char *world_path, const char *const *extra) {
  orb_dict *dict = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_dict_new(&dict), ORB_OK);
  orb_status st = orb_dict_add_default(dict, &diags);
  if (!st && world_path) {
    orb_world *world = NULL;
    st = orb_world_load(world_path, &world, &diags);
    if (!st) st = orb_dict_add_world(dict, world, world_path, &diags);
    orb_world_free(world);
  }
  for (size_t i = 0; !st && extra && extra[i]; i++) st = orb_dict_add_file(dict, extra[i], &diags);
  orb_diags_print(&diags, stderr);
  orb_diags_free(&diags);
  assert_int_equal(st, ORB_OK);
  return dict;
}

/* Copies s into a fixed field. */
static void copy(char *field, size_t size, const char *s) { snprintf(field, size, "%s", s); }

/* The sink: appends a copy of the event. */
static int collect(const orb_coded_event *ev, void *user) {
  evt_list *list = user;
  if (list->count == list->cap) {
    size_t cap = list->cap ? list->cap * 2 : 64;
    evt_event *items = realloc(list->items, cap * sizeof *items);
    if (!items) return 1;
    list->items = items;
    list->cap = cap;
  }
  evt_event *e = &list->items[list->count++];
  copy(e->doc, sizeof e->doc, ev->doc);
  e->date = ev->date;
  e->precision = ev->precision;
  e->date_source = ev->date_source;
  copy(e->source, sizeof e->source, ev->source);
  copy(e->source_role, sizeof e->source_role, ev->source_role);
  copy(e->target, sizeof e->target, ev->target);
  copy(e->target_role, sizeof e->target_role, ev->target_role);
  copy(e->cameo, sizeof e->cameo, ev->cameo);
  e->type = ev->type;
  e->start = ev->start;
  e->end = ev->end;
  copy(e->rule, sizeof e->rule, ev->rule);
  return 0;
}

static const orb_parse_model *evt_model; /* given to the coders of evt_code */

void evt_set_parser(const orb_parse_model *model) { evt_model = model; }

/* The built-in model with parts, loaded once into *slot and kept. */
static const orb_parse_model *load_model(orb_parse_model **slot, orb_parse_parts parts) {
  if (!*slot) {
    orb_diags d;
    orb_diags_init(&d);
    orb_status st = orb_parse_model_load_default(parts, slot, &d);
    orb_diags_print(&d, stderr);
    orb_diags_free(&d);
    assert_int_equal(st, ORB_OK);
  }
  return *slot;
}

const orb_parse_model *evt_parser(void) {
  static orb_parse_model *model; /* kept to the end of the program */
  return load_model(&model, ORB_PARSE_TAGGER);
}

const orb_parse_model *evt_parser_full(void) {
  static orb_parse_model *model; /* kept to the end of the program */
  return load_model(&model, ORB_PARSE_ALL);
}

orb_status evt_code(const orb_dict *dict, const char *name, const char *text, size_t len,
                    orb_date date, size_t chunk, evt_list *out, orb_diags *diags,
                    orb_coder_stats *stats) {
  orb_coder *coder = NULL;
  orb_diags local;
  orb_diags_init(&local);
  if (!diags) diags = &local;
  orb_status st = orb_coder_new(dict, &coder);
  if (!st) orb_coder_set_parser(coder, evt_model);
  if (!st) st = orb_coder_begin(coder, name, date);
  if (!chunk) chunk = len ? len : 1;
  for (size_t pos = 0; !st && pos < len; pos += chunk)
    st = orb_coder_feed(coder, text + pos, len - pos < chunk ? len - pos : chunk, collect,
                        out, diags);
  if (!st) st = orb_coder_finish(coder, collect, out, diags);
  if (stats && coder) orb_coder_stats_get(coder, stats);
  orb_coder_free(coder);
  orb_diags_free(&local);
  return st;
}

evt_list evt_code_text(const orb_dict *dict, const char *text, const char *date) {
  evt_list list = {0};
  orb_date d = ORB_DATE_NONE;
  if (date && *date) assert_int_equal(orb_date_parse(date, strlen(date), &d, NULL), ORB_OK);
  assert_int_equal(evt_code(dict, "test", text, strlen(text), d, 0, &list, NULL, NULL),
                   ORB_OK);
  return list;
}

long evt_find(const evt_list *list, const char *source, const char *root,
              const char *target) {
  for (size_t i = 0; i < list->count; i++) {
    const evt_event *e = &list->items[i];
    if (strcmp(e->source, source) != 0) continue;
    if (*root && strncmp(e->cameo, root, 2) != 0) continue;
    if (strcmp(target, "*") != 0 && strcmp(e->target, target) != 0) continue;
    return (long)i;
  }
  return -1;
}

size_t evt_fields(char *line, char **out, size_t max) {
  size_t n = 0;
  for (char *p = line; n < max;) {
    char *bar = strchr(p, '|');
    if (bar) *bar = '\0';
    while (*p == ' ') p++;
    char *end = p + strlen(p);
    while (end > p && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\n')) *--end = '\0';
    out[n++] = p;
    if (!bar) break;
    p = bar + 1;
  }
  return n;
}

void evt_events_of(const orb_dict *dict, const char *text, const char *date, int layer,
                   char *out, size_t size) {
  evt_set_parser(layer == 2 ? evt_parser_full() : layer ? evt_parser() : NULL);
  evt_list list = evt_code_text(dict, text, date);
  evt_set_parser(NULL);
  out[0] = 0;
  for (size_t i = 0; i < list.count; i++) {
    size_t len = strlen(out);
    snprintf(out + len, size - len, "%s %.2s %s;", list.items[i].source, list.items[i].cameo,
             list.items[i].target);
  }
  evt_list_free(&list);
}

evt_probe_counts evt_probe(const char *path, evt_probe_check check, void *user) {
  evt_probe_counts n = {0};
  char *text = test_read_file(path, NULL);
  assert_non_null(text);
  orb_dict *dict = evt_dict_world(ORB_TEST_SOURCE_DIR "/worlds/postsoviet.yaml", NULL);
  evt_set_parser(evt_parser_full());
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (line[0] == '#' || !line[0]) continue;
    int miss = line[0] == '!';
    char *f[4];
    assert_int_equal(evt_fields(line + miss, f, 4), 3);
    int ok = check(dict, f, miss, user);
    n.lines++;
    n.right += ok != 0;
    n.known += miss;
    n.wrong += (ok != 0) == miss;
  }
  evt_set_parser(NULL);
  orb_dict_free(dict);
  free(text);
  return n;
}
