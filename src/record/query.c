/*
 * query.c: lookups on the record: countries, topics, normalised titles, a world's
 * actors as UN members, stances toward a patron and agreement tallies.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/record.h"
#include "record/record_internal.h"

const char *orb_vote_name(orb_vote vote) {
  static const char *const names[] = {"non-member", "absent", "yes", "no", "abstain"};
  return (unsigned)vote < 5 ? names[vote] : "?";
}

static const char *const topic_codes[ORB_TOPIC_COUNT] = {"me", "nu", "di", "hr", "co", "ec"};
static const char *const topic_names[ORB_TOPIC_COUNT] = {
  "Palestinian conflict", "nuclear weapons", "arms control and disarmament",
  "human rights", "colonialism", "economic development"};

const char *orb_record_topic_code(orb_record_topic topic) {
  return (unsigned)topic < ORB_TOPIC_COUNT ? topic_codes[topic] : "none";
}

const char *orb_record_topic_name(orb_record_topic topic) {
  return (unsigned)topic < ORB_TOPIC_COUNT ? topic_names[topic] : "no topic";
}

orb_record_topic orb_record_topic_find(const char *code) {
  for (int t = 0; t < ORB_TOPIC_COUNT; t++)
    if (strcmp(code, topic_codes[t]) == 0) return (orb_record_topic)t;
  return ORB_TOPIC_COUNT;
}

static int cmp_country(const void *key, const void *elem) {
  return strcmp((const char *)key, ((const orb_record_country *)elem)->iso3);
}

size_t orb_record_find_country(const orb_record *record, const char *iso3) {
  if (!iso3 || strlen(iso3) != 3) return ORB_NONE;
  const orb_record_country *c = bsearch(iso3, record->countries, record->country_count,
                                        sizeof *record->countries, cmp_country);
  return c ? (size_t)(c - record->countries) : ORB_NONE;
}

void orb_record_title_key(const char *text, char *buf, size_t size) {
  size_t n = 0;
  int space = 0;
  if (size == 0) return;
  const char *stop = strstr(text, " : ");
  for (const char *p = text; *p && p != stop && n + 1 < size; p++) {
    unsigned char ch = (unsigned char)*p;
    if (isalnum(ch) && ch < 128) {
      if (space && n && n + 2 < size) buf[n++] = ' ';
      space = 0;
      buf[n++] = (char)tolower(ch);
    } else {
      space = 1;
    }
  }
  buf[n] = '\0';
}

void record_stem_key(const char *key, char *out) {
  int words = 0;
  size_t n = 0;
  for (const char *p = key; *p; p++) {
    if (*p == ' ' && ++words == RECORD_STEM_WORDS) break;
    out[n++] = *p;
  }
  out[n] = '\0';
}

const char *record_title_text(const orb_record_rollcall *rc) {
  const char *d = rc->descr;
  if (d[0] == 'A' && d[1] == '/' && isdigit((unsigned char)d[2])) {
    const char *p = d + 2;
    while (isdigit((unsigned char)*p)) p++;
    if (*p == '/') return rc->short_title;
  }
  return d;
}

size_t orb_record_map_world(const orb_record *record, const orb_world *world, size_t *map) {
  size_t mapped = 0;
  for (size_t a = 0; a < world->actor_count; a++) {
    map[a] = world->actors[a].kind == ORB_ACTOR_STATE
                 ? orb_record_find_country(record, world->actors[a].id)
                 : ORB_NONE;
    if (map[a] != ORB_NONE) mapped++;
  }
  return mapped;
}

int orb_record_stance(const orb_record *record, size_t rc, size_t country, size_t patron,
                      orb_stance *stance) {
  orb_vote pv = orb_record_vote(record, rc, patron);
  if (pv != ORB_VOTE_YES && pv != ORB_VOTE_NO) return 0;
  orb_vote v = orb_record_vote(record, rc, country);
  if (v == ORB_VOTE_NONMEMBER) return 0;
  if (v == pv) *stance = ORB_STANCE_SUPPORT;
  else if (v == ORB_VOTE_YES || v == ORB_VOTE_NO) *stance = ORB_STANCE_CONDEMN;
  else *stance = ORB_STANCE_SILENT;
  return 1;
}

orb_record_tally orb_record_agreement(const orb_record *record, size_t country, size_t patron,
                                      orb_date from, orb_date to, orb_record_tally *years,
                                      orb_record_tally *topics) {
  orb_record_tally all = {{0}, 0};
  int y0;
  orb_date_to_ymd(from, &y0, NULL, NULL);
  for (size_t rc = 0; rc < record->rollcall_count; rc++) {
    const orb_record_rollcall *r = &record->rollcalls[rc];
    if (r->date < from) continue;
    if (r->date >= to) break;
    orb_stance s;
    if (!orb_record_stance(record, rc, country, patron, &s)) continue;
    all.n[s]++;
    all.total++;
    if (years) {
      int y;
      orb_date_to_ymd(r->date, &y, NULL, NULL);
      years[y - y0].n[s]++;
      years[y - y0].total++;
    }
    if (topics) {
      if (!r->topics) {
        topics[ORB_TOPIC_COUNT].n[s]++;
        topics[ORB_TOPIC_COUNT].total++;
      }
      for (int t = 0; t < ORB_TOPIC_COUNT; t++)
        if (r->topics & (1u << t)) {
          topics[t].n[s]++;
          topics[t].total++;
        }
    }
  }
  return all;
}

/* ---- interned titles -------------------------------------------------------------- */

static size_t hash_string(const char *s) {
  size_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

void record_titles_init(record_titles *titles) {
  memset(titles, 0, sizeof *titles);
}

void record_titles_free(record_titles *titles) {
  for (size_t i = 0; i < titles->slots; i++) free(titles->keys[i]);
  free(titles->keys);
  free(titles->ids);
  memset(titles, 0, sizeof *titles);
}

/* Doubles the table (or makes the first one). */
static orb_status titles_grow(record_titles *t) {
  size_t slots = t->slots ? t->slots * 2 : 1024;
  char **keys = calloc(slots, sizeof *keys);
  size_t *ids = calloc(slots, sizeof *ids);
  if (!keys || !ids) {
    free(keys);
    free(ids);
    return ORB_ENOMEM;
  }
  for (size_t i = 0; i < t->slots; i++) {
    if (!t->keys[i]) continue;
    size_t j = hash_string(t->keys[i]) & (slots - 1);
    while (keys[j]) j = (j + 1) & (slots - 1);
    keys[j] = t->keys[i];
    ids[j] = t->ids[i];
  }
  free(t->keys);
  free(t->ids);
  t->keys = keys;
  t->ids = ids;
  t->slots = slots;
  return ORB_OK;
}

orb_status record_titles_intern(record_titles *t, const char *key, size_t *id) {
  if ((t->count + 1) * 2 > t->slots && titles_grow(t) != ORB_OK) return ORB_ENOMEM;
  size_t j = hash_string(key) & (t->slots - 1);
  while (t->keys[j]) {
    if (strcmp(t->keys[j], key) == 0) {
      *id = t->ids[j];
      return ORB_OK;
    }
    j = (j + 1) & (t->slots - 1);
  }
  t->keys[j] = strdup(key);
  if (!t->keys[j]) return ORB_ENOMEM;
  t->ids[j] = t->count++;
  *id = t->ids[j];
  return ORB_OK;
}
