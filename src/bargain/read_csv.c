/*
 * read_csv.c: KTAB's CSV scenario format (docs/MODEL.md, "Bargaining"):
 *
 *   NAME, DESCRIPTION, ACTORS, DIMENSIONS,
 *   Actor, Description, Power, Pos1, Sal1, Pos2, Sal2, ...
 *   ACTOR, DESC, CAPABILITY, POSITION1, SALIENCE1, ...     (one row per actor)
 *
 * Cells are trimmed of blanks and of surrounding double quotes; trailing empty
 * cells are ignored. Every problem is reported as FILE:LINE:COL.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/input_internal.h"
#include "orbit/bargain.h"

#define CSV_MAX_CELLS (3 + 2 * ORB_BARGAIN_MAX_DIMS + 8)

/* One cell of a line: text (not NUL-terminated) and its column. */
typedef struct csv_cell {
  const char *text;
  size_t len;
  int column;
} csv_cell;

/* One line split into cells; count may exceed CSV_MAX_CELLS (extra not kept). */
typedef struct csv_line {
  csv_cell cells[CSV_MAX_CELLS];
  size_t count;
  int number;
} csv_line;

/* Splits line [start, end) into cells, trimming blanks and quotes. */
static void split_line(const char *start, const char *end, csv_line *line) {
  line->count = 0;
  const char *p = start;
  for (;;) {
    const char *cell = p;
    int quoted = 0;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    if (p < end && *p == '"') quoted = 1;
    const char *q = p + quoted;
    while (q < end && (quoted ? *q != '"' : *q != ',')) q++;
    const char *text_end = q;
    if (quoted && q < end) q++; /* closing quote */
    while (q < end && *q != ',') q++;
    const char *text = p + quoted;
    if (!quoted)
      while (text_end > text && (text_end[-1] == ' ' || text_end[-1] == '\t')) text_end--;
    if (line->count < CSV_MAX_CELLS) {
      csv_cell *c = &line->cells[line->count];
      c->text = text;
      c->len = (size_t)(text_end - text);
      c->column = (int)(cell - start) + 1;
    }
    line->count++;
    if (q >= end) break;
    p = q + 1;
  }
  /* trailing empty cells (KTAB files end rows with a comma) */
  while (line->count > 0 && line->count <= CSV_MAX_CELLS &&
         line->cells[line->count - 1].len == 0)
    line->count--;
}

/* The next line of [*at, end), without its newline; 0 at the end of data. */
static int next_line(const char **at, const char *end, const char **start,
                     const char **stop) {
  if (*at >= end) return 0;
  const char *p = *at, *q = memchr(p, '\n', (size_t)(end - p));
  if (!q) q = end;
  *start = p;
  *stop = (q > p && q[-1] == '\r') ? q - 1 : q;
  *at = q < end ? q + 1 : end;
  return 1;
}

/* A malloc'ed copy of a cell's text. */
static char *cell_string(const csv_cell *c) {
  char *s = malloc(c->len + 1);
  if (!s) return NULL;
  memcpy(s, c->text, c->len);
  s[c->len] = '\0';
  return s;
}

/* Parses a cell as a finite decimal number; reports what was expected otherwise. */
static int cell_number(const char *file, const csv_line *line, size_t index,
                       const char *what, double *value, orb_diags *diags) {
  const csv_cell *c = &line->cells[index];
  if (c->len == 0) {
    orb_diags_add(diags, file, line->number, c->column,
                  "empty cell (expected a number: %s)", what);
    return 0;
  }
  input_number_status status = input_number(c->text, c->len, value);
  if (status != INPUT_NUMBER_OK)
    orb_diags_add(diags, file, line->number, c->column, "'%.*s%s' is %s (expected %s)",
                  (int)(c->len > 40 ? 40 : c->len), c->text, c->len > 40 ? "..." : "",
                  input_number_problem(status), what);
  return status == INPUT_NUMBER_OK;
}

/* Parses a cell as a count in [low, high]. */
static int cell_count(const char *file, const csv_line *line, size_t index,
                      const char *what, size_t low, size_t high, size_t *value,
                      orb_diags *diags) {
  double v;
  if (!cell_number(file, line, index, what, &v, diags)) return 0;
  if (v != floor(v) || v < (double)low || v > (double)high) {
    orb_diags_add(diags, file, line->number, line->cells[index].column,
                  "%g %s (expected a whole number from %zu to %zu)", v, what, low, high);
    return 0;
  }
  *value = (size_t)v;
  return 1;
}

/* Reads one actor row into actor i of s. */
static void read_actor(const char *file, const csv_line *line, const csv_line *header,
                       orb_bargain_scenario *s, size_t i, orb_diags *diags) {
  const size_t m = s->dim_count, want = 3 + 2 * m;
  if (line->count != want) {
    orb_diags_add(diags, file, line->number, 1,
                  "actor row has %zu cells, expected %zu (actor, description, "
                  "capability, then position and salience for %zu dimension%s)",
                  line->count, want, m, m == 1 ? "" : "s");
    return;
  }
  free(s->actor_names[i]);
  free(s->actor_descs[i]);
  s->actor_names[i] = cell_string(&line->cells[0]);
  s->actor_descs[i] = cell_string(&line->cells[1]);
  if (line->cells[0].len == 0)
    orb_diags_add(diags, file, line->number, line->cells[0].column,
                  "empty actor name");
  else if (!input_utf8_name(line->cells[0].text, line->cells[0].len))
    orb_diags_add(diags, file, line->number, line->cells[0].column,
                  "a control character in the actor name (expected printable text)");
  double cap;
  if (cell_number(file, line, 2, "the actor's capability", &cap, diags)) {
    s->capability[i] = cap;
    if (!(cap > 0))
      orb_diags_add(diags, file, line->number, line->cells[2].column,
                    "capability %g (expected more than 0)", cap);
  }
  double total = 0.0;
  int all = 1;
  for (size_t k = 0; k < m; k++) {
    double x, w;
    char what[96];
    snprintf(what, sizeof what, "position on '%.*s', 0..100",
             (int)(header->cells[3 + 2 * k].len > 40 ? 40 : header->cells[3 + 2 * k].len),
             header->cells[3 + 2 * k].text);
    if (cell_number(file, line, 3 + 2 * k, what, &x, diags)) {
      s->position[i * m + k] = x;
      if (x < 0 || x > 100)
        orb_diags_add(diags, file, line->number, line->cells[3 + 2 * k].column,
                      "position %g (expected 0..100)", x);
    }
    snprintf(what, sizeof what, "salience on '%.*s', 0..100",
             (int)(header->cells[3 + 2 * k].len > 40 ? 40 : header->cells[3 + 2 * k].len),
             header->cells[3 + 2 * k].text);
    if (cell_number(file, line, 4 + 2 * k, what, &w, diags)) {
      s->salience[i * m + k] = w;
      total += w;
      if (w < 0 || w > 100)
        orb_diags_add(diags, file, line->number, line->cells[4 + 2 * k].column,
                      "salience %g (expected 0..100)", w);
    } else {
      all = 0;
    }
  }
  if (all && total > 100)
    orb_diags_add(diags, file, line->number, line->cells[4].column,
                  "saliences of actor '%s' sum to %g, over 100", s->actor_names[i], total);
  if (all && !(total > 0))
    orb_diags_add(diags, file, line->number, line->cells[4].column,
                  "saliences of actor '%s' sum to 0 (an actor must care about the issue)",
                  s->actor_names[i]);
}

orb_status orb_bargain_read_csv_buffer(const char *name, const char *data, size_t len,
                                       orb_bargain_scenario **scenario,
                                       orb_diags *diags) {
  *scenario = NULL;
  const size_t before = diags->count;
  const char *at = data, *end = data + len, *start, *stop;
  if (input_utf8_text(name, data, len, diags) != ORB_OK) return ORB_EPARSE;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) at += 3;
  csv_line *line = malloc(2 * sizeof *line), *header = line + 1;
  if (!line) return ORB_ENOMEM;
  orb_bargain_scenario *s = NULL;
  int number = 0;
  size_t actors = 0, dims = 0;
  orb_status status = ORB_EPARSE;

  if (!next_line(&at, end, &start, &stop)) {
    orb_diags_add(diags, name, 0, 0, "empty file (expected KTAB's CSV scenario)");
    goto done;
  }
  split_line(start, stop, line);
  line->number = ++number;
  if (line->count < 4) {
    orb_diags_add(diags, name, 1, 1,
                  "first line has %zu cells, expected 4 (name, description, number of "
                  "actors, number of dimensions)",
                  line->count);
    goto done;
  }
  if (!cell_count(name, line, 2, "actors", ORB_BARGAIN_MIN_ACTORS,
                  ORB_BARGAIN_MAX_ACTORS, &actors, diags) ||
      !cell_count(name, line, 3, "dimensions", 1, ORB_BARGAIN_MAX_DIMS, &dims, diags))
    goto done;
  status = orb_bargain_scenario_new(actors, dims, &s);
  if (status != ORB_OK) goto done;
  status = ORB_EPARSE;
  free(s->name);
  free(s->description);
  s->name = cell_string(&line->cells[0]);
  s->description = cell_string(&line->cells[1]);

  if (!next_line(&at, end, &start, &stop)) {
    orb_diags_add(diags, name, 2, 1, "missing header line (Actor, Description, Power, "
                                     "then a position and a salience column per dimension)");
    goto done;
  }
  split_line(start, stop, header);
  header->number = ++number;
  if (header->count != 3 + 2 * dims) {
    size_t extra = header->count > 3 ? header->count - 3 : 0;
    orb_diags_add(diags, name, header->number, 1,
                  "header has %zu position/salience column%s but line 1 declares %zu "
                  "dimension%s (expected %zu columns)",
                  extra, extra == 1 ? "" : "s", dims, dims == 1 ? "" : "s", 2 * dims);
    goto done;
  }
  for (size_t k = 0; k < dims; k++) {
    free(s->dim_names[k]);
    s->dim_names[k] = cell_string(&header->cells[3 + 2 * k]);
  }
  size_t read = 0;
  while (next_line(&at, end, &start, &stop)) {
    number++;
    split_line(start, stop, line);
    line->number = number;
    if (line->count == 0) continue; /* blank line */
    if (read == actors) {
      orb_diags_add(diags, name, number, 1,
                    "more actor rows than the %zu declared on line 1", actors);
      break;
    }
    read_actor(name, line, header, s, read++, diags);
  }
  if (read < actors)
    orb_diags_add(diags, name, number, number ? 1 : 0,
                  "found %zu actor row%s, but line 1 declares %zu actors", read,
                  read == 1 ? "" : "s", actors);
  for (size_t i = 0; i < actors; i++)
    if (!s->actor_names[i] || !s->actor_descs[i]) {
      status = ORB_ENOMEM;
      goto done;
    }
  for (size_t k = 0; k < dims; k++)
    if (!s->dim_names[k]) status = ORB_ENOMEM;
  if (!s->name || !s->description) status = ORB_ENOMEM;
  if (status == ORB_EPARSE && diags->count == before) status = ORB_OK;

done:
  free(line);
  if (status != ORB_OK) {
    orb_bargain_scenario_free(s);
    return status;
  }
  *scenario = s;
  return ORB_OK;
}

orb_status orb_bargain_read_csv(const char *path, orb_bargain_scenario **scenario,
                                orb_diags *diags) {
  *scenario = NULL;
  char *data;
  size_t len;
  orb_status status =
      input_read_file(path, INPUT_SCENARIO_MAX_BYTES, "scenario file", &data, &len, diags);
  if (status != ORB_OK) return status;
  status = orb_bargain_read_csv_buffer(path, data, len, scenario, diags);
  free(data);
  return status;
}
