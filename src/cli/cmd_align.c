/*
 * cmd_align.c: `orbit align`, the stable splits of a landscape into blocs: from a
 * signed edge list, a YAML landscape, or a world on a date (or year by year).
 */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_align_help[] =
  "Usage: orbit align [--world FILE] [--date DATE] [--blocs K] [--json]\n"
  "       orbit align --signed FILE.csv [--blocs K] [--json]\n"
  "       orbit align --landscape FILE.yaml [--blocs K] [--json]\n"
  "       orbit align [--world FILE] --over 2008..2030 [--json]\n"
  "\n"
  "Finds every stable split of actors into blocs (landscape theory, Axelrod &\n"
  "Bennett 1993): the configurations where no single actor gains by changing\n"
  "bloc, with their energy, frustration and basin of attraction, and how often\n"
  "each actor sits in each bloc. The search is exhaustive while there are at most\n"
  "2^35 configurations with two blocs, 2^32 with more; beyond that --heuristic\n"
  "runs many-start local search.\n"
  "\n"
  "Input (one of):\n"
  "  --signed FILE      a signed edge list, CSV lines 'a,b,weight' (sign or weight)\n"
  "  --landscape FILE   a YAML landscape: actors, sizes, propensities or pairs\n"
  "  --world FILE       derive the landscape from a world (default: the built-in\n"
  "                     world) on --date (default: the world's end date)\n"
  "\n"
  "Options:\n"
  "  --date DATE        YYYY[-MM[-DD]], with a world\n"
  "  --over A..B        with a world: the landscape on 1 July of each year A..B\n"
  "  --blocs K          at most K blocs, 2..16 (default 2, or the file's 'blocs')\n"
  "  --heuristic        allow many-start local search beyond the exhaustive limit\n"
  "  --restarts N       heuristic: random starts (default 1000*K + 20*n, fewer\n"
  "                     for large n; docs/MODEL.md)\n"
  "  --seed N           heuristic: random seed (default 1)\n"
  "  --threads N        threads (default: all); results do not depend on it\n"
  "  --basins           count basins even when it is slow (more than 2^27\n"
  "                     configurations); --no-basins skips them\n"
  "  --top N            show the N lowest minima (default 10; 0 for all)\n"
  "  --poles A,B,...    also show how often each actor sides with each of these\n"
  "                     actors (shares of basin weight in the same bloc)\n"
  "  --json             print JSON instead of tables\n"
  "  --record           compare instead landscapes from the ties, from the UN record\n"
  "                     and both, scored on the next year's votes (orbit align\n"
  "                     --record [--date D] [--years N] [--weight W])\n"
  "  --help             show this help\n"
  "\n"
  "The model, the derivation rule and the file formats are in docs/MODEL.md,\n"
  "section 'Alignment landscapes'.\n";

/* Configurations up to which basins are counted unless --no-basins. */
#define BASIN_AUTO_LIMIT (UINT64_C(1) << 27)

typedef struct align_args {
  const char *world_path, *signed_path, *landscape_path;
  const char *date_text;
  const char *poles;      /* comma-separated actor names, or NULL */
  int over_from, over_to; /* years, 0 when not given */
  unsigned blocs;         /* 0: not given */
  int heuristic, json, basins; /* basins: -1 auto, 0 off, 1 on */
  int threads;
  uint64_t seed, restarts;
  size_t top;
} align_args;

/* Parses an unsigned decimal option value within [low, high]. */
static int parse_count(const char *text, unsigned long long low, unsigned long long high,
                       unsigned long long *value) {
  char *end;
  if (!text[0] || text[0] == '-') return 0;
  *value = strtoull(text, &end, 10);
  return !*end && *value >= low && *value <= high;
}

/* Parses "A..B" years. */
static int parse_span(const char *text, int *from, int *to) {
  char tail;
  return sscanf(text, "%4d..%4d%c", from, to, &tail) == 2 && *from >= 1000 &&
         *to <= 2999 && *from <= *to;
}

/* Parses the command line into args; returns CLI_OK or the usage exit code. */
static int parse_args(int argc, char **argv, align_args *args) {
  static const struct option options[] = {
      {"world", required_argument, NULL, 'w'},  {"date", required_argument, NULL, 'd'},
      {"blocs", required_argument, NULL, 'k'},  {"signed", required_argument, NULL, 's'},
      {"landscape", required_argument, NULL, 'l'}, {"heuristic", no_argument, NULL, 'H'},
      {"threads", required_argument, NULL, 't'}, {"json", no_argument, NULL, 'j'},
      {"over", required_argument, NULL, 'o'},   {"seed", required_argument, NULL, 'S'},
      {"restarts", required_argument, NULL, 'R'}, {"basins", no_argument, NULL, 'b'},
      {"no-basins", no_argument, NULL, 'B'},    {"top", required_argument, NULL, 'n'},
      {"poles", required_argument, NULL, 'P'},
      {NULL, 0, NULL, 0}};
  memset(args, 0, sizeof *args);
  args->basins = -1;
  args->seed = 1;
  args->top = 10;
  opterr = 0;
  optind = 1;
  int c;
  unsigned long long value;
  while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
    switch (c) {
    case 'w': args->world_path = optarg; break;
    case 'd': args->date_text = optarg; break;
    case 's': args->signed_path = optarg; break;
    case 'l': args->landscape_path = optarg; break;
    case 'H': args->heuristic = 1; break;
    case 'j': args->json = 1; break;
    case 'b': args->basins = 1; break;
    case 'B': args->basins = 0; break;
    case 'P': args->poles = optarg; break;
    case 'k':
      if (!parse_count(optarg, 2, ORB_ALIGN_MAX_BLOCS, &value))
        return cli_usage_error("align", "--blocs expects 2 to %d, not '%s'",
                               ORB_ALIGN_MAX_BLOCS, optarg);
      args->blocs = (unsigned)value;
      break;
    case 't':
      if (!parse_count(optarg, 1, 1024, &value))
        return cli_usage_error("align", "--threads expects 1 to 1024, not '%s'", optarg);
      args->threads = (int)value;
      break;
    case 'S':
      if (!parse_count(optarg, 0, UINT64_MAX, &value))
        return cli_usage_error("align", "--seed expects a whole number, not '%s'", optarg);
      args->seed = value;
      break;
    case 'R':
      if (!parse_count(optarg, 1, UINT64_C(1) << 40, &value))
        return cli_usage_error("align", "--restarts expects a positive number, not '%s'",
                               optarg);
      args->restarts = value;
      break;
    case 'n':
      if (!parse_count(optarg, 0, SIZE_MAX, &value))
        return cli_usage_error("align", "--top expects a number, not '%s'", optarg);
      args->top = (size_t)value;
      break;
    case 'o':
      if (!parse_span(optarg, &args->over_from, &args->over_to))
        return cli_usage_error("align", "--over expects years A..B (e.g. 2008..2030), "
                               "not '%s'", optarg);
      break;
    case ':':
      return cli_usage_error("align", "%s needs a value", argv[optind - 1]);
    default:
      return cli_usage_error("align", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind < argc) return cli_usage_error("align", "unexpected argument '%s'", argv[optind]);
  int inputs = !!args->signed_path + !!args->landscape_path +
               !!(args->world_path || args->date_text || args->over_from);
  if (inputs > 1)
    return cli_usage_error("align", "give one input: --signed, --landscape or a world");
  if (args->over_from && args->date_text)
    return cli_usage_error("align", "--over and --date exclude each other");
  return CLI_OK;
}

/* Fills the search options from the arguments for an n-actor landscape. */
static void search_options(const align_args *args, unsigned blocs, size_t n,
                           orb_align_options *options) {
  orb_align_options_default(options);
  options->blocs = blocs;
  options->method = args->heuristic ? ORB_ALIGN_HEURISTIC : ORB_ALIGN_AUTO;
  options->threads = args->threads;
  options->seed = args->seed;
  options->restarts = args->restarts;
  options->basins = args->basins >= 0
                        ? args->basins
                        : orb_align_configuration_count(n, blocs) <= BASIN_AUTO_LIMIT;
}

/* Solves, printing problems as "orbit align: SOURCE: message". NULL on failure. */
static orb_align_result *solve(const orb_landscape *l, const orb_align_options *options,
                               const char *source) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_align_result *result = NULL;
  orb_status status = orb_align_solve(l, options, &result, &diags);
  for (size_t i = 0; i < diags.count; i++)
    fprintf(stderr, "orbit align: %s: error: %s\n", source, diags.items[i].message);
  if (status != ORB_OK && diags.count == 0)
    fprintf(stderr, "orbit align: %s: %s\n", source, orb_status_str(status));
  orb_diags_free(&diags);
  return result;
}

/* Share of a minimum's basin in the result, or -1 when basins were not counted. */
static double basin_share(const orb_align_result *r, size_t m) {
  return r->basins && r->basin_total ? (double)r->minima[m].basin / (double)r->basin_total
                                     : -1;
}

/* Number of blocs a minimum uses. */
static unsigned blocs_used(const orb_align_result *r, size_t m) {
  unsigned used = 0;
  for (size_t i = 0; i < r->actor_count; i++)
    if (r->minima[m].blocs[i] + 1u > used) used = r->minima[m].blocs[i] + 1u;
  return used;
}

/* Prints "bloc b: names" lines of a minimum. */
static void print_blocs(const orb_landscape *l, const orb_align_result *r, size_t m,
                        const char *indent) {
  unsigned used = blocs_used(r, m);
  for (unsigned b = 0; b < used; b++) {
    printf("%sbloc %u:", indent, b + 1);
    for (size_t i = 0; i < r->actor_count; i++)
      if (r->minima[m].blocs[i] == b) printf(" %s", l->actors[i]);
    printf("\n");
  }
}

/* The poles named by --poles, as actor indices (at most 16). Returns their number,
 * or -1 after printing an error naming an unknown actor. */
static int resolve_poles(const char *text, const orb_landscape *l, size_t *poles) {
  int count = 0;
  for (const char *p = text; p && *p;) {
    const char *comma = strchr(p, ',');
    size_t len = comma ? (size_t)(comma - p) : strlen(p);
    size_t found = ORB_NONE;
    for (size_t i = 0; i < l->actor_count && found == ORB_NONE; i++)
      if (strlen(l->actors[i]) == len && memcmp(l->actors[i], p, len) == 0) found = i;
    if (found == ORB_NONE || count == 16) {
      char name[80];
      snprintf(name, sizeof name, "%.*s", (int)(len < 64 ? len : 64), p);
      const char *hint = orb_closest_word(name, (const char *const *)l->actors,
                                          l->actor_count);
      if (count == 16) fprintf(stderr, "orbit align: --poles: at most 16 poles\n");
      else
        fprintf(stderr, "orbit align: --poles: unknown actor '%s'%s%s%s\n", name,
                hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
      return -1;
    }
    poles[count++] = found;
    p = comma ? comma + 1 : NULL;
  }
  return count;
}

/* Prints, for each actor, the share of basin weight it spends in each pole's bloc. */
static void print_poles(const orb_landscape *l, const orb_align_result *r,
                        const size_t *poles, int pole_count, size_t width) {
  printf("\nWith each pole (share of %s in the same bloc):\n",
         r->basins ? "basin weight" : "minima");
  printf("  %-*s", (int)width, "actor");
  for (int p = 0; p < pole_count; p++) printf("  %8.8s", l->actors[poles[p]]);
  printf("\n");
  for (size_t i = 0; i < r->actor_count; i++) {
    printf("  %-*s", (int)width, l->actors[i]);
    for (int p = 0; p < pole_count; p++)
      printf("  %8.3f", orb_align_together(r, i, poles[p]));
    printf("\n");
  }
}

/* The readable report of one landscape. */
static void print_result(const orb_landscape *l, const orb_align_result *r,
                         const char *source, size_t top, const size_t *poles,
                         int pole_count) {
  printf("Landscape: %s, %zu actors, at most %u blocs\n", source, r->actor_count, r->blocs);
  if (r->exhaustive)
    printf("Search: exhaustive over %llu configurations (the global minimum is proven)\n",
           (unsigned long long)r->configurations);
  else
    printf("Search: heuristic, %llu random starts (steepest descent, then iterated "
           "local search); %s; lower bound %.10g\n",
           (unsigned long long)r->configurations,
           r->proven_optimal ? "proven optimal (best = lower bound)" : "best found, not proven",
           r->lower_bound);
  if (r->resolution > 0)
    printf("Weights are real numbers: the search rounds them to multiples of %.3g\n",
           r->resolution);
  printf("Local minima: %llu%s\n\n", (unsigned long long)r->minima_total,
         r->minimum_count < r->minima_total ? " (the lowest are kept)" : "");
  size_t shown = top && top < r->minimum_count ? top : r->minimum_count;
  for (size_t m = 0; m < shown; m++) {
    printf("#%-3zu energy %.10g  frustration %.10g", m + 1, r->minima[m].energy,
           orb_landscape_frustration(l, r->minima[m].blocs));
    double share = basin_share(r, m);
    if (share >= 0) printf("  basin %.2f%%", 100 * share);
    printf("%s\n", m == 0 ? (r->proven_optimal ? "  global minimum" : "  best found") : "");
    print_blocs(l, r, m, "     ");
  }
  if (shown < r->minimum_count)
    printf("... %zu more (--top 0 shows all)\n", r->minimum_count - shown);
  size_t width = 5;
  for (size_t i = 0; i < r->actor_count; i++)
    if (strlen(l->actors[i]) > width) width = strlen(l->actors[i]);
  printf("\nBloc frequencies across minima (%s; bloc b is the b-th by its first actor):\n",
         r->basins ? "weighted by basin" : "each minimum counts once");
  printf("  %-*s", (int)width, "actor");
  for (unsigned b = 0; b < r->blocs; b++) printf("  bloc %-2u", b + 1);
  printf("\n");
  for (size_t i = 0; i < r->actor_count; i++) {
    printf("  %-*s", (int)width, l->actors[i]);
    for (unsigned b = 0; b < r->blocs; b++) printf("  %7.3f", r->frequency[i * r->blocs + b]);
    printf("\n");
  }
  if (pole_count > 0) print_poles(l, r, poles, pole_count, width);
}

/* The JSON form of one landscape's result. */
static cJSON *result_json(const orb_landscape *l, const orb_align_result *r, size_t top,
                          const size_t *poles, int pole_count) {
  cJSON *root = cJSON_CreateObject();
  cJSON *actors = cJSON_AddArrayToObject(root, "actors");
  for (size_t i = 0; i < r->actor_count; i++)
    cJSON_AddItemToArray(actors, cJSON_CreateString(l->actors[i]));
  cJSON_AddNumberToObject(root, "blocs", r->blocs);
  cJSON_AddBoolToObject(root, "exhaustive", r->exhaustive);
  cJSON_AddBoolToObject(root, "proven_optimal", r->proven_optimal);
  cJSON_AddNumberToObject(root, "lower_bound", r->lower_bound);
  cJSON_AddNumberToObject(root, "configurations", (double)r->configurations);
  cJSON_AddNumberToObject(root, "minima_total", (double)r->minima_total);
  cJSON_AddNumberToObject(root, "resolution", r->resolution);
  cJSON_AddBoolToObject(root, "basins", r->basins);
  cJSON *minima = cJSON_AddArrayToObject(root, "minima");
  size_t shown = top && top < r->minimum_count ? top : r->minimum_count;
  for (size_t m = 0; m < shown; m++) {
    cJSON *item = cJSON_CreateObject();
    cJSON_AddNumberToObject(item, "energy", r->minima[m].energy);
    cJSON_AddNumberToObject(item, "frustration",
                            orb_landscape_frustration(l, r->minima[m].blocs));
    if (r->basins) {
      cJSON_AddNumberToObject(item, "basin", (double)r->minima[m].basin);
      cJSON_AddNumberToObject(item, "basin_share", basin_share(r, m));
    }
    cJSON *blocs = cJSON_AddArrayToObject(item, "blocs");
    unsigned used = blocs_used(r, m);
    for (unsigned b = 0; b < used; b++) {
      cJSON *members = cJSON_CreateArray();
      for (size_t i = 0; i < r->actor_count; i++)
        if (r->minima[m].blocs[i] == b)
          cJSON_AddItemToArray(members, cJSON_CreateString(l->actors[i]));
      cJSON_AddItemToArray(blocs, members);
    }
    cJSON_AddItemToArray(minima, item);
  }
  cJSON *frequency = cJSON_AddObjectToObject(root, "frequency");
  for (size_t i = 0; i < r->actor_count; i++)
    cJSON_AddItemToObject(frequency, l->actors[i],
                          cJSON_CreateDoubleArray(r->frequency + i * r->blocs,
                                                  (int)r->blocs));
  if (pole_count > 0) {
    cJSON *with = cJSON_AddObjectToObject(root, "with");
    for (size_t i = 0; i < r->actor_count; i++) {
      cJSON *shares = cJSON_AddObjectToObject(with, l->actors[i]);
      for (int p = 0; p < pole_count; p++)
        cJSON_AddNumberToObject(shares, l->actors[poles[p]],
                                orb_align_together(r, i, poles[p]));
    }
  }
  return root;
}

/* Prints a JSON document and frees it. */
static int print_json(cJSON *json) {
  char *text = json ? cJSON_Print(json) : NULL;
  cJSON_Delete(json);
  if (!text) {
    fprintf(stderr, "orbit align: out of memory\n");
    return CLI_EINPUT;
  }
  printf("%s\n", text);
  free(text);
  return CLI_OK;
}

/* Derives the landscape of a world on a date, printing problems. NULL on failure. */
static orb_landscape *derive(const orb_world *world, orb_date date) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l = NULL;
  if (orb_landscape_from_world(world, date, &l, &diags) != ORB_OK)
    orb_diags_print(&diags, stderr);
  orb_diags_free(&diags);
  return l;
}

/* `--over A..B`: the landscape on 1 July of each year, one line per year, with the
 * actors whose side (relative to the first actor) changed since the year before. */
static int run_over(const align_args *args, const orb_world *world) {
  cJSON *years = args->json ? cJSON_CreateArray() : NULL;
  uint8_t *previous = NULL;
  int code = CLI_OK;
  if (!args->json)
    printf("Global minimum of the landscape on 1 July of each year (%s):\n",
           world->path);
  for (int year = args->over_from; year <= args->over_to && code == CLI_OK; year++) {
    orb_date date = orb_date_from_ymd(year, 7, 1);
    orb_landscape *l = derive(world, date);
    if (!l) {
      code = CLI_EINPUT;
      break;
    }
    orb_align_options options;
    unsigned blocs = args->blocs ? args->blocs : 2;
    search_options(args, blocs, l->actor_count, &options);
    size_t poles[16];
    int pole_count = resolve_poles(args->poles, l, poles);
    orb_align_result *r = pole_count < 0 ? NULL : solve(l, &options, world->path);
    if (!r) {
      orb_landscape_free(l);
      code = CLI_EINPUT;
      break;
    }
    if (args->json) {
      cJSON *item = result_json(l, r, args->top, poles, pole_count);
      cJSON_AddNumberToObject(item, "year", year);
      cJSON_AddItemToArray(years, item);
    } else {
      printf("\n%d: %llu minima; global minimum energy %.6g", year,
             (unsigned long long)r->minima_total, r->minima[0].energy);
      double share = basin_share(r, 0);
      if (share >= 0) printf(", basin %.1f%%", 100 * share);
      printf("\n");
      print_blocs(l, r, 0, "      ");
      for (int p = 0; p < pole_count; p++) {
        printf("      with %s:", l->actors[poles[p]]);
        for (size_t i = 0; i < r->actor_count; i++)
          if (i != poles[p]) printf(" %s %.2f", l->actors[i], orb_align_together(r, i, poles[p]));
        printf("\n");
      }
      if (previous) {
        printf("      changed bloc since %d:", year - 1);
        int any = 0;
        for (size_t i = 0; i < r->actor_count; i++)
          if (previous[i] != r->minima[0].blocs[i]) {
            printf(" %s", l->actors[i]);
            any = 1;
          }
        printf("%s\n", any ? "" : " none");
      }
    }
    free(previous);
    previous = malloc(r->actor_count);
    if (previous) memcpy(previous, r->minima[0].blocs, r->actor_count);
    orb_align_result_free(r);
    orb_landscape_free(l);
  }
  free(previous);
  if (args->json) {
    if (code != CLI_OK) {
      cJSON_Delete(years);
      return code;
    }
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "world", world->path);
    cJSON_AddItemToObject(root, "years", years);
    return print_json(root);
  }
  return code;
}

int cmd_align(int argc, char **argv) {
  for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
    if (strcmp(argv[i], "--record") == 0) return cli_align_record(argc, argv);
  align_args args;
  int code = parse_args(argc, argv, &args);
  if (code != CLI_OK) return code;
  orb_world *world = NULL;
  orb_landscape *l = NULL;
  unsigned file_blocs = 0;
  const char *source;
  orb_diags diags;
  orb_diags_init(&diags);
  if (args.signed_path || args.landscape_path) {
    source = args.signed_path ? args.signed_path : args.landscape_path;
    orb_status status =
        args.signed_path
            ? orb_landscape_read_signed(args.signed_path, &l, &diags)
            : orb_landscape_read_yaml(args.landscape_path, &l, &file_blocs, &diags);
    if (status != ORB_OK) {
      orb_diags_print(&diags, stderr);
      orb_diags_free(&diags);
      return CLI_EINPUT;
    }
  } else {
    orb_date date = ORB_DATE_NONE;
    if (args.date_text && cli_parse_date(args.date_text, &date) != CLI_OK) return CLI_EUSAGE;
    world = cli_load_world(args.world_path);
    if (!world) return CLI_EINPUT;
    if (args.over_from) {
      code = run_over(&args, world);
      orb_world_free(world);
      return code;
    }
    source = world->path;
    if (world->has_landscape && date == ORB_DATE_NONE) { /* as the world file gives it */
      if (orb_landscape_read_yaml(world->path, &l, &file_blocs, &diags) != ORB_OK)
        orb_diags_print(&diags, stderr);
    } else {
      if (date == ORB_DATE_NONE) date = world->end;
      l = derive(world, date);
    }
    if (!l) {
      orb_diags_free(&diags);
      orb_world_free(world);
      return CLI_EINPUT;
    }
  }
  orb_diags_free(&diags);
  orb_align_options options;
  unsigned blocs = args.blocs ? args.blocs : file_blocs ? file_blocs : 2;
  search_options(&args, blocs, l->actor_count, &options);
  size_t poles[16];
  int pole_count = resolve_poles(args.poles, l, poles);
  orb_align_result *r = pole_count < 0 ? NULL : solve(l, &options, source);
  if (!r) code = CLI_EINPUT;
  else if (args.json) code = print_json(result_json(l, r, args.top, poles, pole_count));
  else print_result(l, r, source, args.top, poles, pole_count);
  orb_align_result_free(r);
  orb_landscape_free(l);
  orb_world_free(world);
  return code;
}
