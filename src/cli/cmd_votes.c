/*
 * cmd_votes.c: `orbit votes`, the UN General Assembly record that ships with
 * orbit (docs/MODEL.md, "The record"): how often actors of a world agreed with
 * another state (a patron) on the roll calls where that state voted yes or no,
 * by year or by topic; as a table, CSV or JSON.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_votes_help[] =
  "Usage: orbit votes [--world FILE] --with ID [--actor ID]... [--from DATE] [--to DATE]\n"
  "                   [--by year|topic] [--csv | --json]\n"
  "\n"
  "Shows the UN General Assembly record (1946 to 2020-01-14, shipped with orbit):\n"
  "on every roll call where the state --with voted yes or no, each actor's stance\n"
  "toward it: agree (the same vote), silent (abstain or absent), oppose (the other\n"
  "vote). Counts and the share of agreement, by year or by topic. Actors are the\n"
  "world's states, matched to UN members by their ISO 3166 alpha-3 ids.\n"
  "\n"
  "Options:\n"
  "  --world FILE   the world file (default: the built-in post-Soviet world)\n"
  "  --with ID      the state agreed with, e.g. RUS: an actor of the world or any UN\n"
  "                 member by ISO alpha-3 code (required)\n"
  "  --actor ID     an actor (repeat or comma-separate; default: every state of the\n"
  "                 world that is a UN member)\n"
  "  --from DATE    first date (default 1946-01-01)\n"
  "  --to DATE      last date, inclusive; a year or month means its last day (or\n"
  "                 the record's end, 2020-01-14, the default, if earlier)\n"
  "  --by KIND      year (default) or topic\n"
  "  --csv          print CSV\n"
  "  --json         print JSON\n"
  "  --help         show this help\n"
  "\n"
  "Exit status: 0 ok, 1 bad input (unknown actor, an actor that is no UN member,\n"
  "dates outside the record, a bad record or world), 2 bad usage.\n";

/* Resolves an id: the world's actor (must be a UN member) or any record country.
 * Prints why not and returns ORB_NONE. */
static size_t resolve(const orb_world *w, const orb_record *rec, const char *id) {
  size_t a = orb_world_actor(w, id);
  size_t c = orb_record_find_country(rec, id);
  if (c != ORB_NONE) return c;
  if (a != ORB_NONE) {
    fprintf(stderr, "orbit votes: actor '%s' of %s is no UN member in the record "
            "(states are matched by ISO alpha-3 id)\n", id, w->path);
    return ORB_NONE;
  }
  const char **ids = malloc((w->actor_count + 1) * sizeof *ids);
  const char *hint = NULL;
  if (ids) {
    for (size_t i = 0; i < w->actor_count; i++) ids[i] = w->actors[i].id;
    hint = orb_closest_word(id, ids, w->actor_count);
  }
  fprintf(stderr, "orbit votes: unknown actor '%s': neither an actor of %s nor a UN member "
          "code", id, w->path);
  if (hint) fprintf(stderr, " (did you mean '%s'?)", hint);
  fprintf(stderr, "\n");
  free(ids);
  return ORB_NONE;
}

/* One output row. */
typedef struct vrow {
  size_t actor;      /* record country */
  char period[32];   /* year or topic */
  orb_record_tally t;
} vrow;

static double share(const orb_record_tally *t, int k) {
  return t->total ? (double)t->n[k] / (double)t->total : 0.0;
}

enum { OPT_WORLD = 1, OPT_WITH, OPT_ACTOR, OPT_FROM, OPT_TO, OPT_BY, OPT_JSON, OPT_CSV };

int cmd_votes(int argc, char **argv) {
  static const cli_option options[] = {
    {"world", OPT_WORLD, 1}, {"with", OPT_WITH, 1}, {"actor", OPT_ACTOR, 1},
    {"from", OPT_FROM, 1},   {"to", OPT_TO, 1},     {"by", OPT_BY, 1},
    {"json", OPT_JSON, 0},   {"csv", OPT_CSV, 0},   {NULL, 0, 0}};
  const char *world_path = NULL, *with = NULL, *from_text = NULL, *to_text = NULL, *value;
  const char *actor_args[64];
  size_t actor_arg_count = 0;
  orb_format format = ORB_FORMAT_TEXT;
  int by_topic = 0, id, given = 0;
  cli_parser parser;
  cli_parser_init(&parser, "votes", options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_WORLD: world_path = value; break;
    case OPT_WITH: with = value; break;
    case OPT_ACTOR:
      if (actor_arg_count == 64) return cli_usage_error("votes", "at most 64 --actor options");
      actor_args[actor_arg_count++] = value;
      break;
    case OPT_FROM: from_text = value; break;
    case OPT_TO: to_text = value; break;
    case OPT_BY:
      if (strcmp(value, "year") == 0) by_topic = 0;
      else if (strcmp(value, "topic") == 0) by_topic = 1;
      else return cli_usage_error("votes", "--by expects 'year' or 'topic', not '%s'", value);
      break;
    case OPT_JSON:
    case OPT_CSV:
      if (cli_set_format("votes", &format, &given,
                         id == OPT_JSON ? ORB_FORMAT_JSON : ORB_FORMAT_CSV) != CLI_OK)
        return CLI_EUSAGE;
      break;
    case CLI_OPERAND: return cli_usage_error("votes", "unexpected argument '%s'", value);
    default: return CLI_EUSAGE;
    }
  }
  int json = format == ORB_FORMAT_JSON, csv = format == ORB_FORMAT_CSV;
  if (!with) return cli_usage_error("votes", "--with ID is required (e.g. --with RUS)");
  orb_date from = ORB_DATE_NONE, to = ORB_DATE_NONE, to_start = ORB_DATE_NONE;
  if (from_text && cli_parse_date("votes", from_text, &from) != CLI_OK) return CLI_EUSAGE;
  if (to_text) {
    /* a year or month given to --to means its last day */
    orb_precision prec;
    if (orb_date_parse(to_text, strlen(to_text), &to, &prec) != ORB_OK)
      return cli_usage_error("votes", "--to expects a date YYYY[-MM[-DD]], not '%s'", to_text);
    to_start = to;
    to = orb_date_last_day(to, prec);
  }

  orb_session *session = NULL;
  orb_record *rec = NULL;
  if (cli_load_with_record(world_path, &session, &rec) != CLI_OK) return CLI_EINPUT;
  const orb_world *world = orb_session_world(session);
  int rc = CLI_EINPUT;
  size_t *actors = malloc((world->actor_count + 64 * 8 + 1) * sizeof *actors);
  vrow *rows = NULL;
  size_t actor_count = 0, row_count = 0;
  size_t patron = resolve(world, rec, with);
  char a[11], b[11];
  if (!actors || patron == ORB_NONE) goto done;
  if (from == ORB_DATE_NONE) from = rec->first;
  if (to == ORB_DATE_NONE) to = rec->last;
  if (to > rec->last && to_start <= rec->last) to = rec->last; /* --to 2020: to its end */
  if (from < rec->first || to > rec->last || from > to) {
    char c[11], d[11];
    orb_date_format(from, ORB_PREC_DAY, a);
    orb_date_format(to, ORB_PREC_DAY, b);
    orb_date_format(rec->first, ORB_PREC_DAY, c);
    orb_date_format(rec->last, ORB_PREC_DAY, d);
    fprintf(stderr, "orbit votes: the dates %s .. %s are outside the record (%s .. %s)%s\n", a,
            b, c, d, from > to ? " or out of order" : "");
    goto done;
  }
  if (actor_arg_count) {
    for (size_t i = 0; i < actor_arg_count; i++) {
      char *copy = strdup(actor_args[i]), *save = NULL;
      if (!copy) goto done;
      for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        size_t c = resolve(world, rec, tok);
        if (c == ORB_NONE || actor_count == world->actor_count + 64 * 8) {
          free(copy);
          goto done;
        }
        actors[actor_count++] = c;
      }
      free(copy);
    }
  } else {
    size_t *map = malloc((world->actor_count + 1) * sizeof *map);
    if (!map) goto done;
    orb_record_map_world(rec, world, map);
    for (size_t i = 0; i < world->actor_count; i++)
      if (map[i] != ORB_NONE && map[i] != patron) actors[actor_count++] = map[i];
    free(map);
    if (!actor_count) {
      fprintf(stderr, "orbit votes: no actor of %s is a UN member in the record "
              "(states are matched by ISO alpha-3 id)\n", world->path);
      goto done;
    }
  }
  int y0, y1;
  orb_date_to_ymd(from, &y0, NULL, NULL);
  orb_date_to_ymd(to, &y1, NULL, NULL);
  size_t periods = by_topic ? ORB_TOPIC_COUNT + 1 : (size_t)(y1 - y0 + 1);
  orb_record_tally *tallies = calloc(periods, sizeof *tallies);
  rows = calloc(actor_count * (periods + 1), sizeof *rows);
  if (!tallies || !rows) {
    free(tallies);
    goto done;
  }
  for (size_t i = 0; i < actor_count; i++) {
    memset(tallies, 0, periods * sizeof *tallies);
    orb_record_tally all = orb_record_agreement(rec, actors[i], patron, from, to + 1,
                                                by_topic ? NULL : tallies,
                                                by_topic ? tallies : NULL);
    for (size_t p = 0; p < periods; p++) {
      if (!tallies[p].total) continue;
      vrow *r = &rows[row_count++];
      r->actor = actors[i];
      r->t = tallies[p];
      if (by_topic) snprintf(r->period, sizeof r->period, "%s", orb_record_topic_code((orb_record_topic)p));
      else snprintf(r->period, sizeof r->period, "%d", y0 + (int)p);
    }
    vrow *r = &rows[row_count++];
    r->actor = actors[i];
    r->t = all;
    snprintf(r->period, sizeof r->period, "all");
  }
  free(tallies);
  const char *pid = rec->countries[patron].iso3;
  orb_date_format(from, ORB_PREC_DAY, a);
  orb_date_format(to, ORB_PREC_DAY, b);
  if (json) {
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "with", pid);
    cJSON_AddStringToObject(root, "from", a);
    cJSON_AddStringToObject(root, "to", b);
    cJSON_AddStringToObject(root, "by", by_topic ? "topic" : "year");
    cJSON *arr = cJSON_AddArrayToObject(root, "rows");
    for (size_t i = 0; i < row_count; i++) {
      cJSON *o = cJSON_CreateObject();
      cJSON_AddItemToArray(arr, o);
      cJSON_AddStringToObject(o, "actor", rec->countries[rows[i].actor].iso3);
      cJSON_AddStringToObject(o, by_topic ? "topic" : "year", rows[i].period);
      cJSON_AddNumberToObject(o, "roll_calls", (double)rows[i].t.total);
      cJSON_AddNumberToObject(o, "agree", (double)rows[i].t.n[ORB_STANCE_SUPPORT]);
      cJSON_AddNumberToObject(o, "silent", (double)rows[i].t.n[ORB_STANCE_SILENT]);
      cJSON_AddNumberToObject(o, "oppose", (double)rows[i].t.n[ORB_STANCE_CONDEMN]);
      cJSON_AddNumberToObject(o, "agreement", share(&rows[i].t, ORB_STANCE_SUPPORT));
    }
    char *text = cJSON_Print(root);
    if (text) printf("%s\n", text);
    free(text);
    cJSON_Delete(root);
  } else if (csv) {
    printf("actor,with,%s,roll_calls,agree,silent,oppose,agreement\n", by_topic ? "topic" : "year");
    for (size_t i = 0; i < row_count; i++)
      printf("%s,%s,%s,%zu,%zu,%zu,%zu,%.4f\n", rec->countries[rows[i].actor].iso3, pid,
             rows[i].period, rows[i].t.total, rows[i].t.n[0], rows[i].t.n[1], rows[i].t.n[2],
             share(&rows[i].t, ORB_STANCE_SUPPORT));
  } else {
    printf("Agreement with %s (%s) on the UN General Assembly roll calls where it voted yes "
           "or no, %s .. %s\n", pid, rec->countries[patron].name, a, b);
    printf("(silent: abstained or absent; oppose: the other vote)\n\n");
    printf("%-6s %-6s %9s %7s %7s %7s %9s\n", "actor", by_topic ? "topic" : "year",
           "roll calls", "agree", "silent", "oppose", "agreement");
    for (size_t i = 0; i < row_count; i++)
      printf("%-6s %-6s %9zu %7zu %7zu %7zu %9.3f\n", rec->countries[rows[i].actor].iso3,
             rows[i].period, rows[i].t.total, rows[i].t.n[0], rows[i].t.n[1], rows[i].t.n[2],
             share(&rows[i].t, ORB_STANCE_SUPPORT));
    if (by_topic)
      printf("\ntopics: me Palestinian conflict, nu nuclear weapons, di arms control, hr human "
             "rights, co colonialism, ec economic development, none: no topic code\n");
  }
  rc = CLI_OK;
done:
  free(rows);
  free(actors);
  orb_record_free(rec);
  orb_session_free(session);
  return rc;
}
