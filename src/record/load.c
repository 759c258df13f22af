/*
 * load.c: reads the shipped record (the .tsv files of data/record) with strict validation:
 * every file's magic line, column header, field counts, numbers, dates, vote
 * strings and closing row count are checked; any problem is a FILE:LINE:COL
 * diagnostic and ORB_EPARSE. The record keeps the files' text and points into it.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "orbit/record.h"
#include "record/record_internal.h"

#define MAX_FIELDS 16
#define MAX_FILE_BYTES ((size_t)64 << 20)

/* A tab-separated file being read, line by line, in place. */
typedef struct tsv {
  const char *path;
  char *data;      /* owned until handed to the record */
  char *cursor;    /* start of the next line */
  char *end;
  int line;        /* number of the current line */
  char *field[MAX_FIELDS];
  size_t field_count;
  orb_diags *diags;
} tsv;

static orb_status tsv_error(tsv *t, int column, const char *what, const char *field) {
  if (field)
    orb_diags_add(t->diags, t->path, t->line, column, "%s, found '%.40s'", what, field);
  else
    orb_diags_add(t->diags, t->path, t->line, column, "%s", what);
  return ORB_EPARSE;
}

/* Reads the file at path into t->data (caller frees). */
static orb_status tsv_open(tsv *t, const char *path, orb_diags *diags) {
  memset(t, 0, sizeof *t);
  t->path = path;
  t->diags = diags;
  FILE *f = fopen(path, "rb");
  if (!f) {
    orb_diags_add(diags, path, 0, 0, "cannot open: %s", strerror(errno));
    return ORB_EIO;
  }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap + 1);
  if (!buf) {
    fclose(f);
    return ORB_ENOMEM;
  }
  for (;;) {
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (len < cap) break;
    if (cap >= MAX_FILE_BYTES) {
      free(buf);
      fclose(f);
      orb_diags_add(diags, path, 0, 0, "larger than %zu MiB: not a record file",
                    MAX_FILE_BYTES >> 20);
      return ORB_ELIMIT;
    }
    char *bigger = realloc(buf, cap * 2 + 1);
    if (!bigger) {
      free(buf);
      fclose(f);
      return ORB_ENOMEM;
    }
    buf = bigger;
    cap *= 2;
  }
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    free(buf);
    orb_diags_add(diags, path, 0, 0, "read error");
    return ORB_EIO;
  }
  if (memchr(buf, '\0', len)) {
    free(buf);
    orb_diags_add(diags, path, 0, 0, "binary data (a NUL byte): not a record file");
    return ORB_EPARSE;
  }
  buf[len] = '\0';
  t->data = t->cursor = buf;
  t->end = buf + len;
  return ORB_OK;
}

/* Copies len bytes of data into t->data (caller frees), as tsv_open does a file. */
static orb_status tsv_open_buffer(tsv *t, const char *path, const char *data, size_t len,
                                  orb_diags *diags) {
  memset(t, 0, sizeof *t);
  t->path = path;
  t->diags = diags;
  if (len > MAX_FILE_BYTES) {
    orb_diags_add(diags, path, 0, 0, "larger than %zu MiB: not a record file",
                  MAX_FILE_BYTES >> 20);
    return ORB_ELIMIT;
  }
  if (memchr(data, '\0', len)) {
    orb_diags_add(diags, path, 0, 0, "binary data (a NUL byte): not a record file");
    return ORB_EPARSE;
  }
  char *buf = malloc(len + 1);
  if (!buf) return ORB_ENOMEM;
  memcpy(buf, data, len);
  buf[len] = '\0';
  t->data = t->cursor = buf;
  t->end = buf + len;
  return ORB_OK;
}

/* Splits the next line into fields. Returns 1 with a line, 0 at the end of the
 * file, -1 (with a diagnostic) on a line without its newline or with too many
 * fields. */
static int tsv_next(tsv *t) {
  if (t->cursor >= t->end) return 0;
  t->line++;
  char *nl = memchr(t->cursor, '\n', (size_t)(t->end - t->cursor));
  if (!nl) {
    tsv_error(t, 1, "the file ends inside a line (truncated?)", NULL);
    return -1;
  }
  *nl = '\0';
  char *p = t->cursor;
  t->cursor = nl + 1;
  t->field_count = 0;
  for (;;) {
    if (t->field_count == MAX_FIELDS) {
      tsv_error(t, (int)(p - t->field[0]) + 1, "too many fields", NULL);
      return -1;
    }
    t->field[t->field_count++] = p;
    char *tab = strchr(p, '\t');
    if (!tab) break;
    *tab = '\0';
    p = tab + 1;
  }
  return 1;
}

/* Column (1-based) of field i of the current line. */
static int tsv_column(const tsv *t, size_t i) {
  int col = 1;
  for (size_t k = 0; k < i; k++) col += (int)strlen(t->field[k]) + 1;
  return col;
}

/* Checks the magic line and the header. */
static orb_status tsv_header(tsv *t, const char *name, const char *columns) {
  char magic[64];
  snprintf(magic, sizeof magic, "# orbit-record %s 1", name);
  int r = tsv_next(t);
  if (r < 0) return ORB_EPARSE;
  if (r == 0 || t->field_count != 1 || strcmp(t->field[0], magic) != 0)
    return tsv_error(t, 1, "expected the first line '# orbit-record NAME 1' of this file",
                     r ? t->field[0] : "end of file");
  r = tsv_next(t);
  if (r < 0) return ORB_EPARSE;
  char joined[256] = "";
  for (size_t i = 0; r > 0 && i < t->field_count; i++) {
    if (i) strncat(joined, "\t", sizeof joined - strlen(joined) - 1);
    strncat(joined, t->field[i], sizeof joined - strlen(joined) - 1);
  }
  if (r == 0 || strcmp(joined, columns) != 0) {
    orb_diags_add(t->diags, t->path, t->line, 1, "expected the column header '%s'", columns);
    return ORB_EPARSE;
  }
  return ORB_OK;
}

/* Reads the next row: 1 with a row of exactly `fields` fields, 0 at the closing
 * "end" line (its count checked against rows), -1 on error. */
static int tsv_row(tsv *t, size_t fields, size_t rows) {
  int r = tsv_next(t);
  if (r < 0) return -1;
  if (r == 0) {
    t->line++;
    tsv_error(t, 1, "the file ends without its closing 'end' line (truncated?)", NULL);
    return -1;
  }
  if (strcmp(t->field[0], "end") == 0) {
    char *e;
    errno = 0;
    unsigned long long n = t->field_count == 2 ? strtoull(t->field[1], &e, 10) : 0;
    if (t->field_count != 2 || errno || *e || e == t->field[1] || n != rows) {
      char want[64];
      snprintf(want, sizeof want, "expected 'end<TAB>%zu' (the rows read)", rows);
      tsv_error(t, 1, want, t->field_count == 2 ? t->field[1] : t->field[0]);
      return -1;
    }
    if (t->cursor != t->end) {
      t->line++;
      tsv_error(t, 1, "text after the closing 'end' line", NULL);
      return -1;
    }
    return 0;
  }
  if (t->field_count != fields) {
    char want[64];
    snprintf(want, sizeof want, "expected %zu tab-separated fields, found %zu", fields,
             t->field_count);
    tsv_error(t, 1, want, NULL);
    return -1;
  }
  return 1;
}

/* Parses field i as an integer in [lo, hi]. */
static int field_int(tsv *t, size_t i, long lo, long hi, long *out) {
  char *e;
  errno = 0;
  long v = strtol(t->field[i], &e, 10);
  if (errno || *e || e == t->field[i] || v < lo || v > hi) {
    char want[80];
    snprintf(want, sizeof want, "expected an integer in [%ld, %ld]", lo, hi);
    tsv_error(t, tsv_column(t, i), want, t->field[i]);
    return 0;
  }
  *out = v;
  return 1;
}

/* Parses field i as a finite number >= 0, or "-" for NaN. */
static int field_number(tsv *t, size_t i, double *out) {
  if (strcmp(t->field[i], "-") == 0) {
    *out = NAN;
    return 1;
  }
  char *e;
  errno = 0;
  double v = strtod(t->field[i], &e);
  if (errno || *e || e == t->field[i] || !isfinite(v) || v < 0) {
    tsv_error(t, tsv_column(t, i), "expected a number >= 0 or '-'", t->field[i]);
    return 0;
  }
  *out = v;
  return 1;
}

/* Parses field i as a flag: 1, 0, or "-" (-1). */
static int field_flag(tsv *t, size_t i, signed char *out) {
  const char *f = t->field[i];
  if (strcmp(f, "1") == 0) *out = 1;
  else if (strcmp(f, "0") == 0) *out = 0;
  else if (strcmp(f, "-") == 0) *out = -1;
  else {
    tsv_error(t, tsv_column(t, i), "expected 1, 0 or '-'", f);
    return 0;
  }
  return 1;
}

/* Parses field i as a country code known to rec. */
static int field_country(tsv *t, const orb_record *rec, size_t i, size_t *out) {
  *out = orb_record_find_country(rec, t->field[i]);
  if (*out == ORB_NONE) {
    tsv_error(t, tsv_column(t, i), "expected an ISO alpha-3 code of countries.tsv", t->field[i]);
    return 0;
  }
  return 1;
}

/* Keeps t's buffer in the record (which frees it). */
static orb_status keep_buffer(orb_record *rec, tsv *t) {
  char **grown = realloc(rec->buffers, (rec->buffer_count + 1) * sizeof *grown);
  if (!grown) return ORB_ENOMEM;
  rec->buffers = grown;
  rec->buffers[rec->buffer_count++] = t->data;
  t->data = NULL;
  return ORB_OK;
}

/* Grows *array (of elem bytes) to hold at least need entries. */
static int grow(void **array, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 1;
  size_t n = *cap ? *cap * 2 : 256;
  while (n < need) n *= 2;
  void *p = realloc(*array, n * elem);
  if (!p) return 0;
  *array = p;
  *cap = n;
  return 1;
}

static int is_upper3(const char *s) {
  return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
         s[2] >= 'A' && s[2] <= 'Z';
}

static orb_status load_countries(orb_record *rec, tsv *t) {
  orb_status st = tsv_header(t, "countries", "iso3\tiso2\tcow\tname");
  if (st) return st;
  size_t cap = 0;
  int r;
  while ((r = tsv_row(t, 4, rec->country_count)) == 1) {
    if (!is_upper3(t->field[0]))
      return tsv_error(t, 1, "expected an ISO alpha-3 code (three capitals)", t->field[0]);
    if (rec->country_count && strcmp(rec->countries[rec->country_count - 1].iso3, t->field[0]) >= 0)
      return tsv_error(t, 1, "countries must be in strictly increasing code order", t->field[0]);
    if (strlen(t->field[1]) != 2)
      return tsv_error(t, tsv_column(t, 1), "expected an ISO alpha-2 code", t->field[1]);
    if (!grow((void **)&rec->countries, &cap, rec->country_count + 1, sizeof *rec->countries))
      return ORB_ENOMEM;
    orb_record_country *c = &rec->countries[rec->country_count];
    memset(c, 0, sizeof *c);
    memcpy(c->iso3, t->field[0], 4);
    memcpy(c->iso2, t->field[1], 3);
    char *p = t->field[2];
    for (int k = 0; k < 2 && *p; k++) {
      char *e;
      errno = 0;
      long v = strtol(p, &e, 10);
      if (errno || e == p || v <= 0 || v > 9999 || (*e && *e != ','))
        return tsv_error(t, tsv_column(t, 2), "expected COW codes like '365' or '255,260'",
                         t->field[2]);
      c->cow[k] = (int)v;
      p = *e ? e + 1 : e;
    }
    if (*p) return tsv_error(t, tsv_column(t, 2), "at most two COW codes", t->field[2]);
    c->name = t->field[3];
    rec->country_count++;
  }
  if (r < 0) return ORB_EPARSE;
  if (rec->country_count == 0) return tsv_error(t, 1, "no countries", NULL);
  return keep_buffer(rec, t);
}

static orb_status load_rollcalls(orb_record *rec, tsv *t, record_titles *titles,
                                 record_titles *stems) {
  orb_status st = tsv_header(t, "rollcalls",
                             "rcid\tsession\tdate\timportant\tamend\tpara\tunres\ttopics\tshort"
                             "\tdescr\tvotes");
  if (st) return st;
  size_t cap = 0, vcap = 0;
  int r;
  const size_t nc = rec->country_count;
  while ((r = tsv_row(t, 11, rec->rollcall_count)) == 1) {
    if (!grow((void **)&rec->rollcalls, &cap, rec->rollcall_count + 1, sizeof *rec->rollcalls))
      return ORB_ENOMEM;
    if (!grow((void **)&rec->votes, &vcap, (rec->rollcall_count + 1) * nc, 1))
      return ORB_ENOMEM;
    orb_record_rollcall *rc = &rec->rollcalls[rec->rollcall_count];
    memset(rc, 0, sizeof *rc);
    long v;
    if (!field_int(t, 0, 1, INT_MAX, &v)) return ORB_EPARSE;
    rc->rcid = (int)v;
    if (!field_int(t, 1, 1, 999, &v)) return ORB_EPARSE;
    rc->session = (int)v;
    if (orb_date_parse(t->field[2], strlen(t->field[2]), &rc->date, NULL) != ORB_OK ||
        strlen(t->field[2]) != 10)
      return tsv_error(t, tsv_column(t, 2), "expected a date YYYY-MM-DD", t->field[2]);
    if (rec->rollcall_count) {
      const orb_record_rollcall *prev = rc - 1;
      if (rc->date < prev->date || (rc->date == prev->date && rc->rcid <= prev->rcid))
        return tsv_error(t, 1, "roll calls must be in date order, then rcid order",
                         t->field[0]);
    }
    if (!field_flag(t, 3, &rc->important) || !field_flag(t, 4, &rc->amend) ||
        !field_flag(t, 5, &rc->para))
      return ORB_EPARSE;
    rc->unres = t->field[6];
    if (strcmp(t->field[7], "-") != 0) {
      char *p = t->field[7];
      while (*p) {
        char code[3] = {p[0], p[0] ? p[1] : 0, 0};
        orb_record_topic topic = orb_record_topic_find(code);
        if (topic == ORB_TOPIC_COUNT || (p[2] && p[2] != ','))
          return tsv_error(t, tsv_column(t, 7), "expected topic codes like 'di,nu' or '-'",
                           t->field[7]);
        rc->topics |= 1u << topic;
        p += p[2] ? 3 : 2;
      }
    }
    rc->short_title = t->field[8];
    rc->descr = t->field[9];
    const char *votes = t->field[10];
    if (strlen(votes) != nc) {
      char want[96];
      snprintf(want, sizeof want, "expected %zu vote characters (one per country), found %zu",
               nc, strlen(votes));
      return tsv_error(t, tsv_column(t, 10), want, NULL);
    }
    unsigned char *row = rec->votes + rec->rollcall_count * nc;
    for (size_t c = 0; c < nc; c++) {
      switch (votes[c]) {
      case 'y': row[c] = ORB_VOTE_YES; break;
      case 'n': row[c] = ORB_VOTE_NO; break;
      case 'a': row[c] = ORB_VOTE_ABSTAIN; break;
      case '.': row[c] = ORB_VOTE_ABSENT; break;
      case '-': row[c] = ORB_VOTE_NONMEMBER; break;
      default: {
        char bad[2] = {votes[c], 0};
        return tsv_error(t, tsv_column(t, 10) + (int)c,
                         "expected a vote character y, n, a, '.' or '-'", bad);
      }
      }
    }
    char key[256];
    orb_record_title_key(record_title_text(rc), key, sizeof key);
    if (record_titles_intern(titles, key, &rc->title) != ORB_OK) return ORB_ENOMEM;
    record_stem_key(key, key);
    if (record_titles_intern(stems, key, &rc->stem) != ORB_OK) return ORB_ENOMEM;
    rec->rollcall_count++;
  }
  if (r < 0) return ORB_EPARSE;
  if (rec->rollcall_count == 0) return tsv_error(t, 1, "no roll calls", NULL);
  rec->first = rec->rollcalls[0].date;
  rec->last = rec->rollcalls[rec->rollcall_count - 1].date;
  rec->title_count = titles->count;
  rec->stem_count = stems->count;
  return keep_buffer(rec, t);
}

static orb_status load_capabilities(orb_record *rec, tsv *t) {
  orb_status st = tsv_header(t, "capabilities",
                             "iso3\tyear\tmilex\tmilper\tirst\tpec\ttpop\tupop\tcinc");
  if (st) return st;
  size_t cap = 0;
  int r;
  while ((r = tsv_row(t, 9, rec->capability_count)) == 1) {
    if (!grow((void **)&rec->capabilities, &cap, rec->capability_count + 1,
              sizeof *rec->capabilities))
      return ORB_ENOMEM;
    orb_record_capability *c = &rec->capabilities[rec->capability_count];
    long year;
    if (!field_country(t, rec, 0, &c->country) || !field_int(t, 1, 1816, 2999, &year))
      return ORB_EPARSE;
    c->year = (int)year;
    double *vals[] = {&c->milex, &c->milper, &c->irst, &c->pec, &c->tpop, &c->upop, &c->cinc};
    for (size_t i = 0; i < 7; i++)
      if (!field_number(t, 2 + i, vals[i])) return ORB_EPARSE;
    if (rec->capability_count) {
      const orb_record_capability *prev = c - 1;
      if (c->country < prev->country || (c->country == prev->country && c->year <= prev->year))
        return tsv_error(t, 1, "rows must be in country order (as countries.tsv), then year",
                         t->field[0]);
    }
    rec->capability_count++;
  }
  if (r < 0) return ORB_EPARSE;
  free(t->data);
  t->data = NULL;
  return ORB_OK;
}

static orb_status load_alliances(orb_record *rec, tsv *t) {
  orb_status st = tsv_header(t, "alliances",
                             "from\tto\tfirst\tlast\tdefense\toffense\tneutral\tnonagg\tconsul");
  if (st) return st;
  size_t cap = 0;
  int r;
  while ((r = tsv_row(t, 9, rec->alliance_count)) == 1) {
    if (!grow((void **)&rec->alliances, &cap, rec->alliance_count + 1, sizeof *rec->alliances))
      return ORB_ENOMEM;
    orb_record_alliance *a = &rec->alliances[rec->alliance_count];
    long first, last;
    if (!field_country(t, rec, 0, &a->from) || !field_country(t, rec, 1, &a->to) ||
        !field_int(t, 2, 1816, 2999, &first) || !field_int(t, 3, first, 2999, &last))
      return ORB_EPARSE;
    a->first = (int)first;
    a->last = (int)last;
    a->obligations = 0;
    for (size_t i = 0; i < 5; i++) {
      long bit;
      if (!field_int(t, 4 + i, 0, 1, &bit)) return ORB_EPARSE;
      if (bit) a->obligations |= 1u << i;
    }
    rec->alliance_count++;
  }
  if (r < 0) return ORB_EPARSE;
  free(t->data);
  t->data = NULL;
  return ORB_OK;
}

static orb_status load_conflicts(orb_record *rec, tsv *t) {
  orb_status st = tsv_header(t, "conflicts",
                             "conflict\tyear\tside_a\tside_a_2nd\tside_b\tside_b_2nd"
                             "\tincompatibility\tintensity\ttype");
  if (st) return st;
  size_t cap = 0, scap = 0, sides = 0;
  int r;
  while ((r = tsv_row(t, 9, rec->conflict_count)) == 1) {
    if (!grow((void **)&rec->conflicts, &cap, rec->conflict_count + 1, sizeof *rec->conflicts))
      return ORB_ENOMEM;
    orb_record_conflict *c = &rec->conflicts[rec->conflict_count];
    memset(c, 0, sizeof *c);
    long v;
    if (!field_int(t, 0, 1, INT_MAX, &v)) return ORB_EPARSE;
    c->id = (int)v;
    if (!field_int(t, 1, 1946, 2999, &v)) return ORB_EPARSE;
    c->year = (int)v;
    if (rec->conflict_count && c->year < c[-1].year)
      return tsv_error(t, tsv_column(t, 1), "rows must be in year order", t->field[1]);
    for (size_t s = 0; s < 4; s++) {
      c->side_start[s] = sides;
      char *f = t->field[2 + s];
      if (strcmp(f, "-") == 0) continue;
      for (char *p = f; *p;) {
        char code[4] = {0};
        size_t n = strcspn(p, ",");
        if (n != 3) return tsv_error(t, tsv_column(t, 2 + s), "expected ISO alpha-3 codes, comma-separated, or '-'", f);
        memcpy(code, p, 3);
        size_t country = orb_record_find_country(rec, code);
        if (country == ORB_NONE)
          return tsv_error(t, tsv_column(t, 2 + s), "expected ISO alpha-3 codes of countries.tsv", f);
        if (!grow((void **)&rec->conflict_sides, &scap, sides + 1, sizeof *rec->conflict_sides))
          return ORB_ENOMEM;
        rec->conflict_sides[sides++] = country;
        c->side_count[s]++;
        p += p[3] ? 4 : 3;
      }
    }
    c->incompatibility = t->field[6];
    if (!field_int(t, 7, 1, 2, &v)) return ORB_EPARSE;
    c->intensity = (int)v;
    c->type = t->field[8];
    rec->conflict_count++;
  }
  if (r < 0) return ORB_EPARSE;
  return keep_buffer(rec, t);
}

const char *orb_record_default_dir(void) {
  static const char *const candidates[] = {
    ORB_SOURCE_DATA_DIR "/data/record",
    ORB_INSTALL_DATA_DIR "/data/record",
  };
  const char *env = getenv("ORBIT_RECORD_DIR");
  if (env && env[0]) return env;
  for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/rollcalls.tsv", candidates[i]);
    if (access(probe, R_OK) == 0) return candidates[i];
  }
  return candidates[1];
}

/* Loads the five files, from data[i] (len[i] bytes) when data is not NULL, else
 * from the file paths[i]. */
static orb_status load_all(const char *const paths[5], const char *const *data,
                           const size_t *len, orb_record **out, orb_diags *diags) {
  *out = NULL;
  orb_record *rec = calloc(1, sizeof *rec);
  if (!rec) return ORB_ENOMEM;
  record_titles titles, stems;
  record_titles_init(&titles);
  record_titles_init(&stems);
  orb_status st = ORB_OK;
  for (size_t i = 0; i < 5 && st == ORB_OK; i++) {
    tsv t;
    st = data ? tsv_open_buffer(&t, paths[i], data[i], len[i], diags)
              : tsv_open(&t, paths[i], diags);
    if (st == ORB_OK) {
      switch (i) {
      case 0: st = load_countries(rec, &t); break;
      case 1: st = load_rollcalls(rec, &t, &titles, &stems); break;
      case 2: st = load_capabilities(rec, &t); break;
      case 3: st = load_alliances(rec, &t); break;
      default: st = load_conflicts(rec, &t); break;
      }
      free(t.data);
    }
  }
  record_titles_free(&titles);
  record_titles_free(&stems);
  if (st) {
    orb_record_free(rec);
    return st;
  }
  *out = rec;
  return ORB_OK;
}

static const char *const record_files[5] = {"countries.tsv", "rollcalls.tsv",
                                            "capabilities.tsv", "alliances.tsv",
                                            "conflicts.tsv"};

orb_status orb_record_load(const char *dir, orb_record **out, orb_diags *diags) {
  *out = NULL;
  if (!dir) dir = orb_record_default_dir();
  char *paths[5] = {NULL};
  orb_status st = ORB_OK;
  for (size_t i = 0; i < 5; i++) {
    size_t n = strlen(dir) + strlen(record_files[i]) + 2;
    paths[i] = malloc(n);
    if (!paths[i]) st = ORB_ENOMEM;
    else snprintf(paths[i], n, "%s/%s", dir, record_files[i]);
  }
  if (st == ORB_OK) st = load_all((const char *const *)paths, NULL, NULL, out, diags);
  for (size_t i = 0; i < 5; i++) free(paths[i]);
  return st;
}

orb_status record_load_buffers(const char *const data[5], const size_t len[5],
                               orb_record **out, orb_diags *diags) {
  return load_all(record_files, data, len, out, diags);
}

void orb_record_free(orb_record *rec) {
  if (!rec) return;
  for (size_t i = 0; i < rec->buffer_count; i++) free(rec->buffers[i]);
  free(rec->buffers);
  free(rec->countries);
  free(rec->rollcalls);
  free(rec->votes);
  free(rec->capabilities);
  free(rec->alliances);
  free(rec->conflicts);
  free(rec->conflict_sides);
  free(rec);
}
