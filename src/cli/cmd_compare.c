/*
 * cmd_compare.c: `orbit compare`, a counterfactual against its baseline (docs/
 * MODEL.md, "Counterfactuals against the baseline"): both ensembles take the same
 * draws run by run (common random numbers), and the report shows for the series
 * the counterfactual changes the baseline, the counterfactual and the per-run
 * difference, median and 5-95% band.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_compare_help[] =
  "Usage: orbit compare [--without-event ID ...] [--add-event SPEC ...] [--set NAME=VALUE ...]\n"
  "                     [--world FILE] [--from YYYY-MM] [--to YYYY-MM] [--runs N] [--seed S]\n"
  "                     [--threads T] [--no-record] [--json | --series NAME|all ... [--csv|--json]]\n"
  "\n"
  "Runs the world's ensemble twice, as it is (the baseline) and with the edits the\n"
  "options make (the counterfactual), with the same draws in run j of both (common\n"
  "random numbers), so the difference is measured run by run. Prints, for every\n"
  "credibility, capacity, leverage and exit series the counterfactual changes, the\n"
  "baseline, the counterfactual and the per-run difference (counterfactual -\n"
  "baseline), median [5%-95%], at the end of 2021, 2022 and 2024 and the last month.\n"
  "\n"
  "The counterfactuals of the built-in world's story:\n"
  "  orbit compare --add-event 2022-09-20,CSTO,troop_deployment,ARM   # the CSTO answers Armenia\n"
  "  orbit compare --without-event 2022-09-15/RUS/troop_withdrawal/TJK   # no troops leave Tajikistan\n"
  "  orbit compare --without-event 2024-08-06/UKR/attack/RUS          # no Kursk incursion\n"
  "\n"
  "Options: those of orbit simulate (--set, --without-event and --add-event make the\n"
  "counterfactual; the world's parameters and --params hold for both), and\n"
  "  --json               every series at those months: baseline, counterfactual, difference\n"
  "  --series NAME        a series (or 'all') month by month, the three sides' quantiles\n"
  "                       side by side; CSV, or JSON Lines with --json\n"
  "  --csv                with --series: CSV (the default)\n"
  "\n"
  "Exit status: 0 ok; 1 bad input (the world, out of memory); 2 bad usage (an\n"
  "unknown option, parameter, event or series, months outside the world, impossible\n"
  "bounds, --store); 3 the output cannot be written.\n";

enum { OPT_JSON = 1, OPT_CSV, OPT_SERIES };

int cmd_compare(int argc, char **argv) {
  static const cli_option options[] = {CLI_ENSEMBLE_OPTIONS, {"json", OPT_JSON, 0},
                                       {"csv", OPT_CSV, 0}, {"series", OPT_SERIES, 1},
                                       {NULL, 0, 0}};
  cli_ensemble e = {0};
  const char **series = calloc((size_t)argc + 1, sizeof *series);
  size_t series_count = 0;
  int json = 0, csv = 0, rc = series ? CLI_OK : cli_usage_error("compare", "out of memory");
  cli_parser parser;
  const char *value;
  int id;
  cli_parser_init(&parser, "compare", options, argc, argv);
  while (rc == CLI_OK && (id = cli_next(&parser, &value)) != CLI_END) {
    int taken = cli_ensemble_take(&e, id, value);
    if (taken < 0) rc = cli_usage_error("compare", "out of memory");
    if (taken) continue;
    switch (id) {
    case OPT_JSON: json = 1; break;
    case OPT_CSV: csv = 1; break;
    case OPT_SERIES: series[series_count++] = value; break;
    case CLI_OPERAND: rc = cli_usage_error("compare", "unexpected argument '%s'", value); break;
    default: rc = CLI_EUSAGE; break;
    }
  }
  if (rc == CLI_OK && json && csv) rc = cli_usage_error("compare", "--json and --csv exclude each other");
  if (rc == CLI_OK && csv && !series_count)
    rc = cli_usage_error("compare", "--csv prints series: name them with --series");
  if (rc == CLI_OK) rc = cli_ensemble_finish("compare", &e, 1000, argc, argv);
  orb_session *session = NULL;
  if (rc == CLI_OK) rc = cli_ensemble_load(&e, &session);
  if (rc != CLI_OK) {
    cli_ensemble_free(&e);
    free(series);
    return rc;
  }
  /* the baseline: the same months and inputs, without the edits */
  orb_simulation_request plain = {.from = e.request.from, .to = e.request.to,
                                  .no_record = e.request.no_record};
  orb_diags diags;
  orb_diags_init(&diags);
  orb_simulation *base = NULL, *cf = NULL;
  orb_dyn_comparison *cmp = NULL;
  unsigned char *chosen = NULL;
  rc = -1;
  orb_status st = orb_simulation_new(session, &plain, &base, &diags);
  if (st == ORB_OK) st = orb_simulation_new(session, &e.request, &cf, &diags);
  if (st == ORB_OK && series_count &&
      (rc = cli_choose_series("compare", cf->model, series, series_count, &chosen)) != CLI_OK)
    goto done;
  if (st == ORB_OK)
    st = orb_dyn_compare(base->model, &base->settings, cf->model, &cf->settings, &e.options, &cmp,
                         &diags);
  if (st != ORB_OK) goto done;
  char edits[1024] = "";
  size_t len = 0;
  for (size_t i = 0; i < e.request.without_count && len < sizeof edits; i++)
    len += (size_t)snprintf(edits + len, sizeof edits - len, "%s--without-event %s",
                            len ? " " : "", e.request.without[i]);
  for (size_t i = 0; i < e.request.add_count && len < sizeof edits; i++)
    len += (size_t)snprintf(edits + len, sizeof edits - len, "%s--add-event %s", len ? " " : "",
                            e.request.adds[i]);
  for (size_t i = 0; i < e.request.set_count && len < sizeof edits; i++)
    len += (size_t)snprintf(edits + len, sizeof edits - len, "%s--set %s", len ? " " : "",
                            e.request.sets[i]);
  if (series_count)
    rc = cli_written("compare", orb_report_comparison_series(stdout, cf->model, cmp, chosen,
                                                             json ? ORB_FORMAT_JSON
                                                                  : ORB_FORMAT_CSV));
  else
    rc = cli_written("compare", orb_report_comparison(stdout, cf->world, cf->model, cmp,
                                                      e.options.seed, edits,
                                                      json ? ORB_FORMAT_JSON : ORB_FORMAT_TEXT));
done:;
  int code = cli_ensemble_code("compare", st, &diags);
  if (rc < 0) rc = code;
  orb_diags_free(&diags);
  orb_dyn_comparison_free(cmp);
  orb_simulation_free(base);
  orb_simulation_free(cf);
  orb_session_free(session);
  free(chosen);
  free(series);
  cli_ensemble_free(&e);
  return rc;
}
