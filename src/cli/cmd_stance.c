/*
 * cmd_stance.c: `orbit stance`, the stance model's predictions for every state on
 * an issue, with probabilities, the observed stance, and the factors that drove
 * each (docs/MODEL.md, "Stances"); as a table, JSON or CSV.
 */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_stance_help[] =
  "Usage: orbit stance [--world FILE] --issue ID [--date DATE] [--json | --csv]\n"
  "\n"
  "Predicts every state's stance on an issue of the world: the probabilities of\n"
  "supporting the issue's patron, staying silent (abstaining or staying away) and\n"
  "condemning it, the most probable stance, the stance observed if the world\n"
  "records one, and the factors behind the score with their signed contributions\n"
  "(they add up to the score; positive pulls toward the patron).\n"
  "\n"
  "Options:\n"
  "  --world FILE   the world file (default: the built-in post-Soviet world)\n"
  "  --issue ID     the issue, e.g. ES-11/1 (required)\n"
  "  --date DATE    compute the features as of DATE instead of the issue's date\n"
  "  --params FILE  the parameters of FILE (a world, or a file holding only\n"
  "                 `parameters:`) in place of the world's of the same name\n"
  "  --top N        factors shown per actor in the table (default 3, 0 for all)\n"
  "  --json         print JSON: probabilities, every factor and term\n"
  "  --csv          print CSV: one row per actor, one column per factor\n"
  "  --help         show this help\n"
  "\n"
  "Parameters are the world's stance_* parameters (fitted by 'orbit calibrate'),\n"
  "or the documented untuned defaults when it has none. The model is described in\n"
  "docs/MODEL.md. Exit status: 0 ok, 1 bad input (unknown issue, date outside the\n"
  "world, invalid world), 2 bad usage.\n";

/* Declared in cli.h: loads the stance model of a world, printing diagnostics. */
int cli_load_stance_model(const orb_world *world, orb_stance_model *model) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_stance_model_init(model, world, &diags);
  orb_diags_print(&diags, stderr);
  orb_diags_free(&diags);
  if (status != ORB_OK)
    fprintf(stderr, "orbit: %s: invalid stance parameters\n", world->path);
  return status == ORB_OK;
}

/* The issue with this id, or ORB_NONE after printing a did-you-mean message. */
static size_t find_issue(const orb_world *world, const char *command, const char *id) {
  size_t issue = orb_world_issue(world, id);
  if (issue != ORB_NONE) return issue;
  const char **ids = malloc((world->issue_count ? world->issue_count : 1) * sizeof *ids);
  if (!ids) return ORB_NONE;
  for (size_t i = 0; i < world->issue_count; i++) ids[i] = world->issues[i].id;
  const char *hint = orb_closest_word(id, ids, world->issue_count);
  fprintf(stderr, "orbit %s: unknown issue '%s' in %s", command, id, world->path);
  if (hint) fprintf(stderr, " (did you mean '%s'?)", hint);
  if (!world->issue_count) fprintf(stderr, "; the world has no issues");
  for (size_t i = 0; i < world->issue_count; i++)
    fprintf(stderr, "%s%s", i ? ", " : "; its issues: ", ids[i]);
  fprintf(stderr, "\n");
  free(ids);
  return ORB_NONE;
}

/* Whether the world's stance parameters say they were fitted. */
static int parameters_fitted(const orb_world *world) {
  for (size_t i = 0; i < world->param_count; i++)
    if (strncmp(world->params[i].name, "stance_", 7) == 0 && world->params[i].fitted_by)
      return 1;
  return 0;
}

/* The factors of a prediction by decreasing |contribution| (stable on ties). */
static void factor_order(const orb_stance_prediction *p, int order[ORB_FACTOR_COUNT]) {
  for (int f = 0; f < ORB_FACTOR_COUNT; f++) order[f] = f;
  for (int i = 1; i < ORB_FACTOR_COUNT; i++)
    for (int k = i; k > 0 && fabs(p->factor[order[k]]) > fabs(p->factor[order[k - 1]]); k--) {
      int swap = order[k];
      order[k] = order[k - 1];
      order[k - 1] = swap;
    }
}

/* The observed option of a prediction as "stance (option)", or "-". */
static const char *observed_text(const orb_issue *issue, const orb_stance_prediction *p,
                                 char *buf, size_t size) {
  if (p->observed == ORB_NONE) return "-";
  const orb_option *o = &issue->options[p->observed];
  snprintf(buf, size, "%s (%s)", orb_stance_name(o->stance), o->id);
  return buf;
}

/* Prints the readable table: one row per actor with its top factors. */
static void print_table(const orb_world *w, const orb_stance_model *model,
                        const orb_issue *issue, orb_date date,
                        const orb_stance_prediction *preds, size_t count, int top) {
  char a[11], b[11], obs[96];
  orb_date_format(issue->date, ORB_PREC_DAY, a);
  orb_date_format(date, ORB_PREC_DAY, b);
  printf("Issue %s: %s (%s), patron %s; features as of %s\n", issue->id, issue->title, a,
         w->actors[issue->patron].id, b);
  double record, capacity;
  size_t wars;
  orb_stance_patron_state(w, model, issue->patron, date, &record, &capacity, &wars);
  printf("Patron: coercion record %.2f (1 - exp(-decayed severity of its coercive events)), "
         "free capacity %.2f (at war with %zu)\n", record, capacity, wars);
  printf("Parameters: %s\n\n", parameters_fitted(w)
                                   ? "fitted (see fitted_by in the world's parameters)"
                                   : "untuned defaults (run 'orbit calibrate')");
  printf("%-6s %7s %7s %7s  %-9s %-20s %7s  %s\n", "actor", "support", "silent", "condemn",
         "predicted", "observed", "score", "factors (contribution to the score)");
  for (size_t i = 0; i < count; i++) {
    const orb_stance_prediction *p = &preds[i];
    printf("%-6s %7.3f %7.3f %7.3f  %-9s %-20s %+7.3f ", w->actors[p->actor].id,
           p->prob[ORB_STANCE_SUPPORT], p->prob[ORB_STANCE_SILENT],
           p->prob[ORB_STANCE_CONDEMN], orb_stance_name(p->predicted),
           observed_text(issue, p, obs, sizeof obs), p->score);
    int order[ORB_FACTOR_COUNT], shown = 0;
    factor_order(p, order);
    for (int k = 0; k < ORB_FACTOR_COUNT && (top == 0 || shown < top); k++) {
      if (fabs(p->factor[order[k]]) < 0.005) continue; /* would print as +0.00 */
      printf("%s %s %+.2f", shown++ ? "," : " ", orb_stance_factor_name((orb_stance_factor)order[k]),
             p->factor[order[k]]);
    }
    printf("\n");
  }
}

/* Prints one CSV row per actor, one column per factor. */
static void print_csv(const orb_world *w, const orb_issue *issue,
                      const orb_stance_prediction *preds, size_t count) {
  printf("actor,p_support,p_silent,p_condemn,predicted,observed_option,observed_stance,score");
  for (int f = 0; f < ORB_FACTOR_COUNT; f++)
    printf(",%s", orb_stance_factor_name((orb_stance_factor)f));
  printf("\n");
  for (size_t i = 0; i < count; i++) {
    const orb_stance_prediction *p = &preds[i];
    const orb_option *o = p->observed == ORB_NONE ? NULL : &issue->options[p->observed];
    printf("%s,%.6f,%.6f,%.6f,%s,%s,%s,%.6f", w->actors[p->actor].id,
           p->prob[ORB_STANCE_SUPPORT], p->prob[ORB_STANCE_SILENT],
           p->prob[ORB_STANCE_CONDEMN], orb_stance_name(p->predicted), o ? o->id : "",
           o ? orb_stance_name(o->stance) : "", p->score);
    for (int f = 0; f < ORB_FACTOR_COUNT; f++) printf(",%.6f", p->factor[f]);
    printf("\n");
  }
}

/* Builds the JSON document; NULL when out of memory. */
static cJSON *build_json(const orb_world *w, const orb_stance_model *model,
                         const orb_issue *issue, orb_date date,
                         const orb_stance_prediction *preds, size_t count) {
  char a[11], b[11];
  orb_date_format(issue->date, ORB_PREC_DAY, a);
  orb_date_format(date, ORB_PREC_DAY, b);
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "issue", issue->id);
  cJSON_AddStringToObject(root, "title", issue->title);
  cJSON_AddStringToObject(root, "date", a);
  cJSON_AddStringToObject(root, "as_of", b);
  cJSON_AddStringToObject(root, "patron", w->actors[issue->patron].id);
  cJSON_AddStringToObject(root, "parameters", parameters_fitted(w) ? "fitted" : "defaults");
  double record, capacity;
  size_t wars;
  orb_stance_patron_state(w, model, issue->patron, date, &record, &capacity, &wars);
  cJSON *patron = cJSON_AddObjectToObject(root, "patron_state");
  cJSON_AddNumberToObject(patron, "coercion_record", record);
  cJSON_AddNumberToObject(patron, "free_capacity", capacity);
  cJSON_AddNumberToObject(patron, "wars", (double)wars);
  cJSON *list = cJSON_AddArrayToObject(root, "predictions");
  for (size_t i = 0; i < count && list; i++) {
    const orb_stance_prediction *p = &preds[i];
    cJSON *item = cJSON_CreateObject();
    cJSON_AddItemToArray(list, item);
    cJSON_AddStringToObject(item, "actor", w->actors[p->actor].id);
    cJSON_AddStringToObject(item, "name", w->actors[p->actor].name);
    cJSON *prob = cJSON_AddObjectToObject(item, "probabilities");
    for (int s = 0; s < ORB_STANCE_COUNT; s++)
      cJSON_AddNumberToObject(prob, orb_stance_name((orb_stance)s), p->prob[s]);
    cJSON_AddStringToObject(item, "predicted", orb_stance_name(p->predicted));
    if (p->observed == ORB_NONE) {
      cJSON_AddNullToObject(item, "observed");
    } else {
      cJSON *obs = cJSON_AddObjectToObject(item, "observed");
      cJSON_AddStringToObject(obs, "option", issue->options[p->observed].id);
      cJSON_AddStringToObject(obs, "stance", orb_stance_name(issue->options[p->observed].stance));
    }
    cJSON_AddNumberToObject(item, "score", p->score);
    cJSON *factors = cJSON_AddArrayToObject(item, "factors");
    int order[ORB_FACTOR_COUNT];
    factor_order(p, order);
    for (int k = 0; k < ORB_FACTOR_COUNT; k++) {
      cJSON *f = cJSON_CreateObject();
      cJSON_AddItemToArray(factors, f);
      cJSON_AddStringToObject(f, "factor", orb_stance_factor_name((orb_stance_factor)order[k]));
      cJSON_AddNumberToObject(f, "contribution", p->factor[order[k]]);
    }
    cJSON *terms = cJSON_AddArrayToObject(item, "terms");
    for (int t = 0; t < ORB_TERM_COUNT; t++) {
      cJSON *term = cJSON_CreateObject();
      cJSON_AddItemToArray(terms, term);
      cJSON_AddStringToObject(term, "term", orb_stance_term_name((orb_stance_term)t));
      cJSON_AddStringToObject(term, "factor",
                              orb_stance_factor_name(orb_stance_term_factor((orb_stance_term)t)));
      cJSON_AddNumberToObject(term, "value", p->x[t]);
      cJSON_AddNumberToObject(term, "weight", p->weight[t]);
      cJSON_AddNumberToObject(term, "contribution", p->contribution[t]);
    }
  }
  return root;
}

int cmd_stance(int argc, char **argv) {
  static const struct option options[] = {
    {"world", required_argument, NULL, 'w'}, {"issue", required_argument, NULL, 'i'},
    {"date", required_argument, NULL, 'd'},  {"top", required_argument, NULL, 't'},
    {"json", no_argument, NULL, 'j'},        {"csv", no_argument, NULL, 'c'},
    {"params", required_argument, NULL, 'P'}, {NULL, 0, NULL, 0}};
  const char *world_path = NULL, *issue_id = NULL, *date_text = NULL;
  int json = 0, csv = 0, top = 3, opt;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
    switch (opt) {
      case 'w': world_path = optarg; break;
      case 'P': cli_set_params_file(optarg); break;
      case 'i': issue_id = optarg; break;
      case 'd': date_text = optarg; break;
      case 'j': json = 1; break;
      case 'c': csv = 1; break;
      case 't': {
        char *end;
        long value = strtol(optarg, &end, 10);
        if (*end || value < 0 || value > ORB_FACTOR_COUNT)
          return cli_usage_error("stance", "--top expects a number from 0 to %d, not '%s'",
                                 ORB_FACTOR_COUNT, optarg);
        top = (int)value;
        break;
      }
      default: return cli_usage_error("stance", "unknown option");
    }
  }
  if (optind < argc) return cli_usage_error("stance", "unexpected argument '%s'", argv[optind]);
  if (!issue_id) return cli_usage_error("stance", "--issue ID is required");
  if (json && csv) return cli_usage_error("stance", "--json and --csv exclude each other");
  orb_date date = ORB_DATE_NONE;
  if (date_text && cli_parse_date(date_text, &date) != CLI_OK) return CLI_EUSAGE;

  orb_world *world = cli_load_world(world_path);
  if (!world) return CLI_EINPUT;
  int rc = CLI_EINPUT;
  orb_stance_model model;
  size_t issue = find_issue(world, "stance", issue_id);
  if (issue == ORB_NONE || !cli_load_stance_model(world, &model)) {
    orb_world_free(world);
    return CLI_EINPUT;
  }
  const orb_issue *is = &world->issues[issue];
  if (date == ORB_DATE_NONE) date = is->date;
  orb_stance_prediction *preds = NULL;
  size_t count = 0;
  orb_status status = orb_stance_predict(world, &model, issue, date, &preds, &count);
  if (status == ORB_EINVAL) {
    char a[11], b[11], c[11];
    orb_date_format(date, ORB_PREC_DAY, a);
    orb_date_format(world->start, ORB_PREC_DAY, b);
    orb_date_format(world->end, ORB_PREC_DAY, c);
    fprintf(stderr, "orbit stance: date %s is outside the world %s (%s to %s)\n", a,
            world->path, b, c);
  } else if (status != ORB_OK) {
    fprintf(stderr, "orbit stance: %s\n", orb_status_str(status));
  } else if (json) {
    cJSON *root = build_json(world, &model, is, date, preds, count);
    char *text = root ? cJSON_Print(root) : NULL;
    if (text) {
      printf("%s\n", text);
      rc = CLI_OK;
    } else {
      fprintf(stderr, "orbit stance: out of memory\n");
    }
    free(text);
    cJSON_Delete(root);
  } else {
    if (csv) print_csv(world, is, preds, count);
    else print_table(world, &model, is, date, preds, count, top);
    rc = CLI_OK;
  }
  free(preds);
  orb_stance_model_free(&model);
  orb_world_free(world);
  return rc;
}
