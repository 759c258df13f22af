/*
 * cmd_world.c: `orbit world`, a readable or JSON summary of a world file, as a
 * whole or as of a date, and `--check` to validate one.
 */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_world_help[] =
  "Usage: orbit world [FILE] [--date YYYY-MM-DD] [--json]\n"
  "       orbit world --check FILE\n"
  "\n"
  "Summarises a world file (the built-in post-Soviet world when FILE is omitted):\n"
  "actors, institutions with their dated memberships, ties per type, events per\n"
  "year, issues, and how many figures are sourced or marked as assumptions.\n"
  "\n"
  "Options:\n"
  "  --world FILE   the world file (same as the FILE argument)\n"
  "  --date DATE    show the world as of DATE: who is in which institution\n"
  "                 (member, suspended, observer) and which ties hold\n"
  "  --json         print the summary as JSON\n"
  "  --check        only validate FILE; print 'ok' or every error\n"
  "  --help         show this help\n"
  "\n"
  "The file format is documented in docs/WORLD.md.\n";

static const char *const kind_names[] = {"state", "bloc", "organisation", "territory"};
static const char *const status_names[] = {"not a member", "member", "suspended",
                                           "observer"};
static const char *const tie_state_names[] = {"holds", "not yet", "ended"};

/* Formats a day date into buf (static-size), "" for ORB_DATE_NONE. */
static const char *day(orb_date date, char buf[11]) {
  if (date == ORB_DATE_NONE) return "";
  orb_date_format(date, ORB_PREC_DAY, buf);
  return buf;
}

/* Counts ties per tie type into counts (indexed by orb_tie_type); with a date,
 * counts only those that hold then. */
static void count_ties(const orb_world *w, orb_date date, size_t *counts) {
  for (size_t i = 0; i < w->tie_count; i++)
    if (date == ORB_DATE_NONE || orb_tie_at(&w->ties[i], date, NULL) == ORB_TIE_HOLDS)
      counts[w->ties[i].type]++;
}

/* Prints one institution's memberships, whole or as of date. */
static void print_institution(const orb_world *w, const orb_institution *inst,
                              orb_date date) {
  char a[11], b[11];
  const orb_actor *self = &w->actors[inst->actor];
  printf("  %-12s %s; %s%s%s\n", self->id, self->name, orb_commitment_name(inst->commitment),
         inst->leader != ORB_NONE ? ", led by " : "",
         inst->leader != ORB_NONE ? w->actors[inst->leader].id : "");
  if (date != ORB_DATE_NONE) {
    static const char *const labels[] = {"", "members", "suspended", "observers"};
    size_t index = (size_t)(inst - w->institutions);
    for (int status = ORB_MEMBER; status <= ORB_OBSERVER; status++) {
      int printed = 0;
      for (size_t i = 0; i < w->actor_count; i++) {
        if ((int)orb_membership_at(w, index, i, date) != status) continue;
        if (!printed++) printf("      %s:", labels[status]);
        printf(" %s", w->actors[i].id);
      }
      if (printed) printf("\n");
    }
    return;
  }
  for (size_t i = 0; i < inst->member_count; i++) {
    const orb_membership *m = &inst->members[i];
    printf("      %-6s %s%s to %s", w->actors[m->actor].id,
           m->role == ORB_ROLE_OBSERVER ? "observer " : "", day(m->period.start, a),
           m->period.end == ORB_DATE_NONE ? "now" : day(m->period.end, b));
    for (size_t k = 0; k < m->suspension_count; k++)
      printf("; suspended %s to %s", day(m->suspensions[k].start, a),
             m->suspensions[k].end == ORB_DATE_NONE ? "now" : day(m->suspensions[k].end, b));
    printf("\n");
  }
}

/* Prints the readable summary. */
static void print_summary(const orb_world *w, orb_date date) {
  char a[11], b[11];
  printf("World: %s\nFile:  %s\nSpan:  %s to %s\n", w->name, w->path, day(w->start, a),
         day(w->end, b));
  if (date != ORB_DATE_NONE) printf("As of: %s\n", day(date, a));

  size_t kinds[4] = {0};
  for (size_t i = 0; i < w->actor_count; i++) kinds[w->actors[i].kind]++;
  printf("\nActors: %zu (%zu states, %zu blocs, %zu organisations, %zu territories)\n",
         w->actor_count, kinds[0], kinds[1], kinds[2], kinds[3]);
  for (int k = 0; k < 4; k++) {
    if (!kinds[k]) continue;
    printf("  %-13s", kind_names[k]);
    for (size_t i = 0; i < w->actor_count; i++)
      if ((int)w->actors[i].kind == k) printf(" %s", w->actors[i].id);
    printf("\n");
  }

  size_t membership_count = 0;
  for (size_t i = 0; i < w->institution_count; i++)
    membership_count += w->institutions[i].member_count;
  printf("\nInstitutions: %zu, %zu dated memberships%s\n", w->institution_count,
         membership_count, date != ORB_DATE_NONE ? " (status as of the date)" : "");
  for (size_t i = 0; i < w->institution_count; i++)
    print_institution(w, &w->institutions[i], date);

  size_t counts[ORB_TIE_TYPE_COUNT] = {0};
  count_ties(w, date, counts);
  size_t shown = 0;
  for (size_t t = 0; t < ORB_TIE_TYPE_COUNT; t++) shown += counts[t];
  printf("\nTies: %zu", w->tie_count);
  if (date != ORB_DATE_NONE) printf(", %zu holding on %s", shown, day(date, a));
  printf("\n");
  for (size_t t = 0; t < ORB_TIE_TYPE_COUNT; t++) {
    if (!counts[t]) continue;
    printf("  %-18s %3zu", orb_tie_type_name((orb_tie_type)t), counts[t]);
    if (date != ORB_DATE_NONE) {
      printf(" ");
      for (size_t i = 0; i < w->tie_count; i++) {
        const orb_figure *value = NULL;
        if (w->ties[i].type != (orb_tie_type)t ||
            orb_tie_at(&w->ties[i], date, &value) != ORB_TIE_HOLDS)
          continue;
        printf(" %s>%s %.2f", w->actors[w->ties[i].from].id, w->actors[w->ties[i].to].id,
               value->value);
      }
    }
    printf("\n");
  }

  printf("\nEvents: %zu", w->event_count);
  if (w->event_count) {
    int first, last;
    orb_date_to_ymd(w->events[0].date, &first, NULL, NULL);
    orb_date_to_ymd(w->events[w->event_count - 1].date, &last, NULL, NULL);
    printf(", %d to %d\n", first, last);
    for (size_t i = 0; i < w->event_count;) {
      int year;
      orb_date_to_ymd(w->events[i].date, &year, NULL, NULL);
      size_t n = 0;
      for (; i < w->event_count; i++, n++) {
        int y;
        orb_date_to_ymd(w->events[i].date, &y, NULL, NULL);
        if (y != year) break;
      }
      printf("  %d %3zu ", year, n);
      for (size_t k = 0; k < n && k < 40; k++) printf("#");
      printf("\n");
    }
  } else {
    printf("\n");
  }
  if (date != ORB_DATE_NONE) {
    size_t before = 0;
    for (size_t i = 0; i < w->event_count && w->events[i].date <= date; i++) before++;
    printf("  %zu of them on or before %s\n", before, day(date, a));
  }

  printf("\nIssues: %zu\n", w->issue_count);
  for (size_t i = 0; i < w->issue_count; i++) {
    const orb_issue *issue = &w->issues[i];
    printf("  %-14s %s  %s (patron %s, %zu options, %zu observed stances)\n", issue->id,
           day(issue->date, a), issue->title, w->actors[issue->patron].id,
           issue->option_count, issue->observed_count);
  }
  printf("\nParameters: %zu\n", w->param_count);
  for (size_t i = 0; i < w->param_count; i++)
    printf("  %-28s %g in [%g, %g]%s\n", w->params[i].name, w->params[i].value,
           w->params[i].low, w->params[i].high, w->params[i].fitted_by ? " (fitted)" : "");

  size_t total = w->sourced_count + w->assumption_count;
  printf("\nProvenance: %zu figures and facts, %zu sourced (%.1f%%), %zu assumptions "
         "(%.1f%%), 0 without either\n",
         total, w->sourced_count, total ? 100.0 * w->sourced_count / total : 0.0,
         w->assumption_count, total ? 100.0 * w->assumption_count / total : 0.0);
}

/* Adds a date string (or null) under key. */
static void add_date(cJSON *object, const char *key, orb_date date) {
  char buf[11];
  if (date == ORB_DATE_NONE) cJSON_AddNullToObject(object, key);
  else cJSON_AddStringToObject(object, key, day(date, buf));
}

/* Builds the JSON summary; the caller deletes it. */
static cJSON *summary_json(const orb_world *w, orb_date date) {
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "name", w->name);
  cJSON_AddStringToObject(root, "path", w->path);
  add_date(root, "start", w->start);
  add_date(root, "end", w->end);
  add_date(root, "date", date);

  cJSON *actors = cJSON_AddArrayToObject(root, "actors");
  for (size_t i = 0; i < w->actor_count; i++) {
    cJSON *actor = cJSON_CreateObject();
    cJSON_AddStringToObject(actor, "id", w->actors[i].id);
    cJSON_AddStringToObject(actor, "name", w->actors[i].name);
    cJSON_AddStringToObject(actor, "kind", kind_names[w->actors[i].kind]);
    cJSON_AddNumberToObject(actor, "attributes", (double)w->actors[i].attribute_count);
    cJSON_AddItemToArray(actors, actor);
  }

  cJSON *institutions = cJSON_AddArrayToObject(root, "institutions");
  for (size_t i = 0; i < w->institution_count; i++) {
    const orb_institution *inst = &w->institutions[i];
    cJSON *object = cJSON_CreateObject();
    cJSON_AddStringToObject(object, "id", w->actors[inst->actor].id);
    if (inst->leader != ORB_NONE)
      cJSON_AddStringToObject(object, "leader", w->actors[inst->leader].id);
    else
      cJSON_AddNullToObject(object, "leader");
    cJSON_AddStringToObject(object, "commitment", orb_commitment_name(inst->commitment));
    cJSON *members = cJSON_AddArrayToObject(object, "memberships");
    for (size_t j = 0; j < inst->member_count; j++) {
      const orb_membership *m = &inst->members[j];
      cJSON *member = cJSON_CreateObject();
      cJSON_AddStringToObject(member, "actor", w->actors[m->actor].id);
      cJSON_AddStringToObject(member, "role",
                              m->role == ORB_ROLE_OBSERVER ? "observer" : "member");
      add_date(member, "joined", m->period.start);
      add_date(member, "left", m->period.end);
      cJSON *suspensions = cJSON_AddArrayToObject(member, "suspended");
      for (size_t k = 0; k < m->suspension_count; k++) {
        cJSON *span = cJSON_CreateObject();
        add_date(span, "from", m->suspensions[k].start);
        add_date(span, "to", m->suspensions[k].end);
        cJSON_AddItemToArray(suspensions, span);
      }
      cJSON_AddItemToArray(members, member);
    }
    if (date != ORB_DATE_NONE) {
      cJSON *status = cJSON_AddObjectToObject(object, "status");
      for (size_t a = 0; a < w->actor_count; a++) {
        orb_member_status s = orb_membership_at(w, i, a, date);
        if (s != ORB_NOT_MEMBER)
          cJSON_AddStringToObject(status, w->actors[a].id, status_names[s]);
      }
    }
    cJSON_AddItemToArray(institutions, object);
  }

  cJSON *ties = cJSON_AddArrayToObject(root, "ties");
  for (size_t i = 0; i < w->tie_count; i++) {
    const orb_tie *tie = &w->ties[i];
    cJSON *object = cJSON_CreateObject();
    cJSON_AddStringToObject(object, "from", w->actors[tie->from].id);
    cJSON_AddStringToObject(object, "to", w->actors[tie->to].id);
    cJSON_AddStringToObject(object, "type", orb_tie_type_name(tie->type));
    cJSON *values = cJSON_AddArrayToObject(object, "values");
    for (size_t k = 0; k < tie->value_count; k++) {
      cJSON *value = cJSON_CreateObject();
      cJSON_AddNumberToObject(value, "year", tie->values[k].year);
      cJSON_AddNumberToObject(value, "value", tie->values[k].value);
      cJSON_AddItemToArray(values, value);
    }
    if (date != ORB_DATE_NONE) {
      const orb_figure *value = NULL;
      orb_tie_state state = orb_tie_at(tie, date, &value);
      cJSON_AddStringToObject(object, "state", tie_state_names[state]);
      if (state == ORB_TIE_HOLDS) cJSON_AddNumberToObject(object, "value", value->value);
    }
    cJSON_AddItemToArray(ties, object);
  }

  cJSON *per_year = cJSON_AddObjectToObject(root, "events_per_year");
  for (size_t i = 0; i < w->event_count; i++) {
    int year;
    char key[8];
    orb_date_to_ymd(w->events[i].date, &year, NULL, NULL);
    snprintf(key, sizeof key, "%d", year);
    cJSON *count = cJSON_GetObjectItemCaseSensitive(per_year, key);
    if (count) cJSON_SetNumberValue(count, count->valuedouble + 1);
    else cJSON_AddNumberToObject(per_year, key, 1);
  }
  cJSON_AddNumberToObject(root, "event_count", (double)w->event_count);

  cJSON *issues = cJSON_AddArrayToObject(root, "issues");
  for (size_t i = 0; i < w->issue_count; i++) {
    cJSON *object = cJSON_CreateObject();
    cJSON_AddStringToObject(object, "id", w->issues[i].id);
    cJSON_AddStringToObject(object, "title", w->issues[i].title);
    add_date(object, "date", w->issues[i].date);
    cJSON_AddNumberToObject(object, "observed", (double)w->issues[i].observed_count);
    cJSON_AddItemToArray(issues, object);
  }
  cJSON_AddNumberToObject(root, "parameters", (double)w->param_count);
  cJSON *provenance = cJSON_AddObjectToObject(root, "provenance");
  cJSON_AddNumberToObject(provenance, "sourced", (double)w->sourced_count);
  cJSON_AddNumberToObject(provenance, "assumptions", (double)w->assumption_count);
  cJSON_AddNumberToObject(provenance, "neither", 0);
  return root;
}

int cmd_world(int argc, char **argv) {
  static const struct option options[] = {
    {"world", required_argument, NULL, 'w'}, {"date", required_argument, NULL, 'd'},
    {"json", no_argument, NULL, 'j'},        {"check", no_argument, NULL, 'c'},
    {NULL, 0, NULL, 0}};
  const char *path = NULL;
  orb_date date = ORB_DATE_NONE;
  int json = 0, check = 0, option;
  opterr = 0;
  while ((option = getopt_long(argc, argv, ":", options, NULL)) != -1) {
    switch (option) {
    case 'w': path = optarg; break;
    case 'd':
      if (cli_parse_date(optarg, &date) != CLI_OK) return CLI_EUSAGE;
      break;
    case 'j': json = 1; break;
    case 'c': check = 1; break;
    case ':': return cli_usage_error("world", "option '%s' needs a value", argv[optind - 1]);
    default: return cli_usage_error("world", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind < argc) {
    if (path) return cli_usage_error("world", "give the world once, as FILE or --world");
    path = argv[optind++];
  }
  if (optind < argc) return cli_usage_error("world", "unexpected argument '%s'", argv[optind]);
  if (check && !path) return cli_usage_error("world", "--check needs a FILE");

  orb_world *world = cli_load_world(path);
  if (!world) return CLI_EINPUT;
  if (date != ORB_DATE_NONE && (date < world->start || date > world->end)) {
    char a[11], b[11], c[11];
    fprintf(stderr, "orbit world: date %s is outside the world (%s to %s)\n",
            day(date, a), day(world->start, b), day(world->end, c));
    orb_world_free(world);
    return CLI_EUSAGE;
  }
  int status = CLI_OK;
  if (check) {
    printf("%s: ok (%zu actors, %zu ties, %zu institutions, %zu issues, %zu events, "
           "%zu sourced, %zu assumptions)\n",
           world->path, world->actor_count, world->tie_count, world->institution_count,
           world->issue_count, world->event_count, world->sourced_count,
           world->assumption_count);
  } else if (json) {
    cJSON *root = summary_json(world, date);
    char *text = root ? cJSON_Print(root) : NULL;
    if (text) {
      puts(text);
    } else {
      fprintf(stderr, "orbit world: out of memory\n");
      status = CLI_EINPUT;
    }
    free(text);
    cJSON_Delete(root);
  } else {
    print_summary(world, date);
  }
  orb_world_free(world);
  return status;
}
