/*
 * coded.c: coded events out and back in. The writer of `orbit code` (CSV rows or
 * JSON Lines), and the reader that merges those JSON Lines into a world's
 * timeline, events it already holds merged away (it builds the new world in the
 * world module's arena).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/input_internal.h"
#include "orbit/events.h"
#include "world/arena.h"
#include "world/timeline.h"

/* ---- out ------------------------------------------------------------------------ */

static const char *const date_sources[] = {"text", "article", "none"};

orb_status orb_coded_event_write_header(FILE *out, orb_format format) {
  if (format == ORB_FORMAT_JSON) return ORB_OK;
  if (format != ORB_FORMAT_CSV) return ORB_EINVAL;
  fputs("doc,date,date_source,source,source_role,cameo,target,target_role,type,"
        "start,end,rule,sentence\n", out);
  return ferror(out) ? ORB_EIO : ORB_OK;
}

/* Writes text as a CSV field (quoted, quotes doubled, line breaks as spaces). */
static void csv_field(FILE *out, const char *text, size_t len) {
  fputc('"', out);
  for (size_t i = 0; i < len; i++) {
    if (text[i] == '"') fputc('"', out);
    fputc(text[i] == '\n' || text[i] == '\r' ? ' ' : text[i], out);
  }
  fputc('"', out);
}

/* Writes one event as a JSON Lines line. */
static orb_status write_json(FILE *out, const orb_coded_event *ev, const char *date,
                             const char *type) {
  cJSON *obj = cJSON_CreateObject();
  char *sentence = malloc(ev->sentence_len + 1);
  if (!obj || !sentence) {
    cJSON_Delete(obj);
    free(sentence);
    return ORB_ENOMEM;
  }
  memcpy(sentence, ev->sentence, ev->sentence_len);
  sentence[ev->sentence_len] = '\0';
  cJSON_AddStringToObject(obj, "doc", ev->doc);
  cJSON_AddStringToObject(obj, "date", date);
  cJSON_AddStringToObject(obj, "date_source", date_sources[ev->date_source]);
  cJSON_AddStringToObject(obj, "source", ev->source);
  cJSON_AddStringToObject(obj, "source_role", ev->source_role);
  cJSON_AddStringToObject(obj, "cameo", ev->cameo);
  cJSON_AddStringToObject(obj, "target", ev->target);
  cJSON_AddStringToObject(obj, "target_role", ev->target_role);
  cJSON_AddStringToObject(obj, "type", type);
  cJSON_AddNumberToObject(obj, "start", (double)ev->start);
  cJSON_AddNumberToObject(obj, "end", (double)ev->end);
  cJSON_AddStringToObject(obj, "rule", ev->rule);
  cJSON_AddStringToObject(obj, "sentence", sentence);
  char *line = cJSON_PrintUnformatted(obj);
  if (line) fprintf(out, "%s\n", line);
  cJSON_free(line);
  cJSON_Delete(obj);
  free(sentence);
  return line == NULL ? ORB_ENOMEM : ORB_OK;
}

orb_status orb_coded_event_write(FILE *out, const orb_coded_event *ev, orb_format format) {
  if (format != ORB_FORMAT_JSON && format != ORB_FORMAT_CSV) return ORB_EINVAL;
  char date[11] = "";
  if (ev->date != ORB_DATE_NONE) orb_date_format(ev->date, ev->precision, date);
  const char *type = ev->type >= 0 ? orb_event_type_name((orb_event_type)ev->type) : "";
  if (format == ORB_FORMAT_JSON) {
    orb_status status = write_json(out, ev, date, type);
    if (status != ORB_OK) return status;
  } else {
    csv_field(out, ev->doc, strlen(ev->doc));
    fprintf(out, ",%s,%s,%s,%s,%s,%s,%s,%s,%llu,%llu,%s,", date,
            date_sources[ev->date_source], ev->source, ev->source_role, ev->cameo,
            ev->target, ev->target_role, type, (unsigned long long)ev->start,
            (unsigned long long)ev->end, ev->rule);
    csv_field(out, ev->sentence, ev->sentence_len);
    fputc('\n', out);
  }
  return ferror(out) ? ORB_EIO : ORB_OK;
}

/* ---- in ------------------------------------------------------------------------- */

/* Whether a and b are the same event: same source, target and type, on dates
 * no more than a day apart (a month or year date spans its whole month or year). */
static int same_event(const orb_event *a, const orb_event *b) {
  if (a->source != b->source || a->target != b->target || a->type != b->type) return 0;
  orb_date a_end = orb_event_last_day(a), b_end = orb_event_last_day(b);
  return a->date <= b_end + 1 && b->date <= a_end + 1;
}

/* A string field of obj, or NULL. */
static const char *text_of(const cJSON *obj, const char *name) {
  const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
  return cJSON_IsString(item) ? item->valuestring : NULL;
}

/* An event of the world or a coded one, for grouping by source, target and type. */
typedef struct merge_key {
  const orb_event *event;
  size_t index;  /* in the world's timeline, or in arrival order among the coded */
  int coded;     /* 0 for the world's events, which sort first in their group */
} merge_key;

static int compare_merge_keys(const void *a, const void *b) {
  const merge_key *x = a, *y = b;
  const orb_event *p = x->event, *q = y->event;
  if (p->source != q->source) return p->source < q->source ? -1 : 1;
  if (p->target != q->target) return p->target < q->target ? -1 : 1;
  if (p->type != q->type) return p->type < q->type ? -1 : 1;
  if (x->coded != y->coded) return x->coded - y->coded;
  return (x->index > y->index) - (x->index < y->index);
}

/* Removes from added[0..*count) (keeping arrival order) each event the world holds
 * or an earlier coded line gave (same_event), counting them in stats. Events are
 * grouped by source, target and type first, so the cost is the sum over groups of
 * their size squared, not the product of the two timelines. */
static orb_status drop_duplicates(const orb_world *world, orb_event *added, size_t *count,
                                  orb_merge_stats *stats) {
  size_t n = world->event_count + *count;
  merge_key *keys = malloc((n ? n : 1) * sizeof *keys);
  const orb_event **kept = malloc((n ? n : 1) * sizeof *kept);
  unsigned char *duplicate = calloc(*count ? *count : 1, 1);
  if (!keys || !kept || !duplicate) {
    free(keys);
    free(kept);
    free(duplicate);
    return ORB_ENOMEM;
  }
  for (size_t i = 0; i < world->event_count; i++)
    keys[i] = (merge_key){&world->events[i], i, 0};
  for (size_t i = 0; i < *count; i++)
    keys[world->event_count + i] = (merge_key){&added[i], i, 1};
  qsort(keys, n, sizeof *keys, compare_merge_keys);
  for (size_t start = 0, end; start < n; start = end) {
    const orb_event *first = keys[start].event;
    size_t kept_count = 0;
    for (end = start; end < n; end++) {
      const orb_event *e = keys[end].event;
      if (e->source != first->source || e->target != first->target || e->type != first->type)
        break;
      int seen = 0;
      for (size_t k = 0; keys[end].coded && k < kept_count && !seen; k++)
        seen = same_event(kept[k], e);
      if (seen) duplicate[keys[end].index] = 1;
      else kept[kept_count++] = e;
    }
  }
  size_t kept_coded = 0;
  for (size_t i = 0; i < *count; i++)
    if (!duplicate[i]) added[kept_coded++] = added[i];
  stats->duplicates += *count - kept_coded;
  *count = kept_coded;
  free(keys);
  free(kept);
  free(duplicate);
  return ORB_OK;
}

/* Reads one JSON line into *event (strings copied into arena); *kept says whether
 * it is an event for the world (else it is skipped and counted in stats).
 * ORB_EPARSE for a malformed line (reported to diags), ORB_ENOMEM. */
static orb_status read_line(const orb_world *world, world_arena *arena, const char *path,
                            int line, const char *text, orb_event *event,
                            orb_merge_stats *stats, int *kept, orb_diags *diags) {
  *kept = 0;
  cJSON *obj = cJSON_Parse(text);
  const char *date = obj ? text_of(obj, "date") : NULL;
  const char *source = obj ? text_of(obj, "source") : NULL;
  const char *target = obj ? text_of(obj, "target") : NULL;
  const char *type = obj ? text_of(obj, "type") : NULL;
  if (!date || !source || !target || !type) {
    orb_diags_add(diags, path, line, 1,
                  "expected a JSON object with string fields date, source, target and type "
                  "(the output of orbit code --json)");
    cJSON_Delete(obj);
    return ORB_EPARSE;
  }
  int result = 1;
  orb_status status = ORB_OK;
  *event = (orb_event){.source = ORB_NONE, .target = ORB_NONE};
  if (!*date || orb_date_parse(date, strlen(date), &event->date, &event->precision) != ORB_OK) {
    stats->undated++;
    result = 0;
  } else if (!*type || orb_event_type_find(type, &event->type) != ORB_OK) {
    stats->untyped++;
    result = 0;
  } else if ((event->source = orb_world_actor(world, source)) == ORB_NONE ||
             (*target && (event->target = orb_world_actor(world, target)) == ORB_NONE)) {
    stats->unknown_actor++;
    result = 0;
  } else if (event->date < world->start || event->date > world->end) {
    stats->outside++;
    result = 0;
  }
  if (result == 1) {
    const char *cameo = text_of(obj, "cameo"), *sentence = text_of(obj, "sentence");
    const char *doc = text_of(obj, "doc"), *rule = text_of(obj, "rule");
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(obj, "start");
    const cJSON *end = cJSON_GetObjectItemCaseSensitive(obj, "end");
    char provenance[1024];
    snprintf(provenance, sizeof provenance, "orbit code: %s, bytes %.0f-%.0f (%s)",
             doc ? doc : path, cJSON_IsNumber(start) ? start->valuedouble : 0.0,
             cJSON_IsNumber(end) ? end->valuedouble : 0.0, rule ? rule : "no rule");
    event->cameo = cameo && *cameo ? arena_strndup(arena, cameo, strlen(cameo)) : NULL;
    event->description = arena_strndup(arena, sentence ? sentence : "",
                                           sentence ? strlen(sentence) : 0);
    event->provenance.source = arena_strndup(arena, provenance, strlen(provenance));
    if (!event->description || !event->provenance.source) status = ORB_ENOMEM;
  }
  cJSON_Delete(obj);
  *kept = status == ORB_OK && result;
  return status;
}

orb_status orb_world_merge_events_file(const orb_world *world, const char *path,
                                       orb_world **merged, orb_merge_stats *stats,
                                       orb_diags *diags) {
  *merged = NULL;
  *stats = (orb_merge_stats){0};
  char *data = NULL;
  size_t data_len = 0;
  orb_status st = input_read_file(path, INPUT_EVENTS_MAX_BYTES, "coded events file", &data,
                                  &data_len, diags);
  if (st != ORB_OK) return st;
  world_arena *arena = arena_new();
  orb_world *w = arena ? arena_alloc(arena, sizeof *w) : NULL;
  orb_event *added = NULL;
  size_t count = 0, cap = 0;
  if (!w) st = ORB_ENOMEM;
  int number = 0;
  /* One JSON object a line; a line is at most INPUT_EVENTS_LINE_MAX_BYTES. */
  for (size_t pos = 0; st == ORB_OK && pos < data_len;) {
    char *line = data + pos;
    char *newline = memchr(line, '\n', data_len - pos);
    size_t len = newline ? (size_t)(newline - line) : data_len - pos;
    pos += len + 1;
    number++;
    if (len > INPUT_EVENTS_LINE_MAX_BYTES) {
      orb_diags_add(diags, path, number, 1, "line of %zu bytes, over the %zu MiB limit for "
                    "one coded event", len, INPUT_EVENTS_LINE_MAX_BYTES >> 20);
      st = ORB_ELIMIT;
      break;
    }
    line[len] = '\0'; /* the newline (or the reader's final NUL) */
    if (len == 0 || (len == 1 && line[0] == '\r')) continue;
    if (memchr(line, '\0', len)) {
      orb_diags_add(diags, path, number, (int)(strlen(line) + 1),
                    "NUL byte (binary data); expected a JSON line");
      st = ORB_EPARSE;
      break;
    }
    stats->read++;
    if (count == cap) {
      cap = cap ? cap * 2 : 64;
      orb_event *grown = realloc(added, cap * sizeof *added);
      if (!grown) {
        st = ORB_ENOMEM;
        break;
      }
      added = grown;
    }
    int kept;
    st = read_line(world, arena, path, number, line, &added[count], stats, &kept, diags);
    if (kept) count++;
  }
  free(data);
  if (st == ORB_ENOMEM) orb_diags_add(diags, path, number, 0, "out of memory");
  if (st == ORB_OK) st = drop_duplicates(world, added, &count, stats);
  orb_event *events = NULL;
  if (st == ORB_OK) {
    events = arena_array(arena, world->event_count + count, sizeof *events);
    if (!events && world->event_count + count) st = ORB_ENOMEM;
  }
  if (st == ORB_OK) st = timeline_sort(added, count);
  if (st != ORB_OK) {
    free(added);
    arena_free(arena);
    return st;
  }
  /* both lists sorted by date, then merged; the world's events come first on
   * equal dates */
  size_t i = 0, j = 0, k = 0;
  while (i < world->event_count || j < count)
    events[k++] = (j == count || (i < world->event_count &&
                                  world->events[i].date <= added[j].date))
                      ? world->events[i++]
                      : added[j++];
  free(added);
  *w = *world;
  w->arena = arena;
  w->base = NULL; /* points into world, owns nothing of it unless adopted */
  w->events = events;
  w->event_count = k;
  stats->added = count;
  *merged = w;
  return ORB_OK;
}
