/*
 * conllu.c: reads treebanks in CoNLL-U (universaldependencies.org/format.html),
 * plain or gzip-compressed, into flat arrays (orb_parse_treebank).
 *
 * Only the syntactic words count: multi-word token lines ("3-4") and empty
 * nodes ("5.1") are skipped. Every word line must have 10 tab-separated fields,
 * ids 1, 2, ... in order, a known UPOS tag and a head within the sentence.
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "parse/parse_internal.h"

#define CONLLU_LINE_MAX 65536 /* longer lines are malformed */

/* Growing arrays of the reader; pointers into text are fixed at the end. */
typedef struct reader {
  orb_parse_treebank *tb;
  size_t words_cap, sent_cap, text_len, text_cap;
  size_t *form_off;
  size_t sent_words;   /* words of the sentence being read */
} reader;

/* Grows the array *p (items of size bytes) to hold need items; -1 on failure. */
static int grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 0;
  size_t cap2 = *cap ? *cap : 1024;
  while (cap2 < need) cap2 *= 2;
  void *q = realloc(*p, cap2 * size);
  if (!q) return -1;
  *p = q;
  *cap = cap2;
  return 0;
}

/* Makes room for one more word in every per-word array. */
static int grow_words(reader *r) {
  orb_parse_treebank *tb = r->tb;
  size_t need = tb->words + 1, cap = r->words_cap;
  if (need <= cap) return 0;
  size_t c;
  c = cap; if (grow((void **)&r->form_off, &c, need, sizeof *r->form_off)) return -1;
  c = cap; if (grow((void **)&tb->form_len, &c, need, sizeof *tb->form_len)) return -1;
  c = cap; if (grow((void **)&tb->upos, &c, need, sizeof *tb->upos)) return -1;
  c = cap; if (grow((void **)&tb->head, &c, need, sizeof *tb->head)) return -1;
  c = cap; if (grow((void **)&tb->label, &c, need, sizeof *tb->label)) return -1;
  r->words_cap = c;
  return 0;
}

/* The index of relation name, added if new; -1 when there are too many. */
static int label_index(orb_parse_treebank *tb, const char *name) {
  for (size_t i = 0; i < tb->label_count; i++)
    if (strcmp(tb->labels[i], name) == 0) return (int)i;
  if (tb->label_count >= PA_MAX_LABELS) return -1;
  char *copy = strdup(name);
  if (!copy) return -1;
  tb->labels[tb->label_count] = copy;
  return (int)tb->label_count++;
}

/* Closes the sentence being read: checks its heads. */
static orb_status end_sentence(reader *r, const char *path, int line, orb_diags *diags) {
  orb_parse_treebank *tb = r->tb;
  if (!r->sent_words) return ORB_OK;
  size_t first = tb->words - r->sent_words;
  for (size_t i = first; i < tb->words; i++) {
    if (tb->head[i] > (int)r->sent_words) {
      orb_diags_add(diags, path, line, 1,
                    "head %d of word %zu is outside its sentence of %zu words",
                    tb->head[i], i - first + 1, r->sent_words);
      return ORB_EPARSE;
    }
  }
  if (grow((void **)&tb->sent_start, &r->sent_cap, tb->sentences + 2, sizeof *tb->sent_start))
    return ORB_ENOMEM;
  tb->sent_start[tb->sentences++] = first;
  tb->sent_start[tb->sentences] = tb->words;
  r->sent_words = 0;
  return ORB_OK;
}

/* Reads one word line (already split into 10 fields). */
static orb_status word_line(reader *r, char **field, const char *path, int line,
                            orb_diags *diags) {
  orb_parse_treebank *tb = r->tb;
  char *end;
  long id = strtol(field[0], &end, 10);
  if (*end == '-' || *end == '.') return ORB_OK; /* multi-word token or empty node */
  if (*end || id != (long)r->sent_words + 1) {
    orb_diags_add(diags, path, line, 1, "word id '%s' (expected %zu)", field[0],
                  r->sent_words + 1);
    return ORB_EPARSE;
  }
  int upos = orb_parse_upos_from_name(field[3], strlen(field[3]));
  if (upos < 0) {
    orb_diags_add(diags, path, line, 1, "unknown UPOS tag '%s'", field[3]);
    return ORB_EPARSE;
  }
  long head = strtol(field[6], &end, 10);
  if (*end || end == field[6] || head < 0 || head > ORB_PARSE_MAX_WORDS * 4) {
    orb_diags_add(diags, path, line, 1, "head '%s' (expected a word number)", field[6]);
    return ORB_EPARSE;
  }
  int label = label_index(tb, field[7]);
  if (label < 0) {
    orb_diags_add(diags, path, line, 1, "more than %d relations (at '%s')",
                  PA_MAX_LABELS, field[7]);
    return ORB_ELIMIT;
  }
  size_t flen = strlen(field[1]);
  if (grow_words(r) || grow((void **)&tb->text_, &r->text_cap, r->text_len + flen + 1, 1))
    return ORB_ENOMEM;
  memcpy(tb->text_ + r->text_len, field[1], flen + 1);
  size_t w = tb->words++;
  r->form_off[w] = r->text_len;
  r->text_len += flen + 1;
  tb->form_len[w] = flen;
  tb->upos[w] = (uint8_t)upos;
  tb->head[w] = (int)head;
  tb->label[w] = label;
  r->sent_words++;
  return ORB_OK;
}

/* Reads the lines of f into r. */
static orb_status read_lines(reader *r, gzFile f, const char *path, orb_diags *diags) {
  char *buf = malloc(CONLLU_LINE_MAX);
  if (!buf) return ORB_ENOMEM;
  int line = 0;
  orb_status st = ORB_OK;
  while (!st && gzgets(f, buf, CONLLU_LINE_MAX)) {
    line++;
    size_t len = strlen(buf);
    if (len == CONLLU_LINE_MAX - 1 && buf[len - 1] != '\n') {
      orb_diags_add(diags, path, line, 1, "line longer than %d bytes", CONLLU_LINE_MAX);
      st = ORB_EPARSE;
      break;
    }
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) buf[--len] = 0;
    if (!len) { st = end_sentence(r, path, line, diags); continue; }
    if (buf[0] == '#') continue;
    char *field[10];
    size_t nf = 0;
    for (char *p = buf; nf < 10; nf++) {
      field[nf] = p;
      char *tab = strchr(p, '\t');
      if (!tab) { nf++; break; }
      *tab = 0;
      p = tab + 1;
    }
    if (nf != 10 || strchr(field[9], '\t')) {
      orb_diags_add(diags, path, line, 1, "%zu fields (expected 10, tab-separated)", nf);
      st = ORB_EPARSE;
      break;
    }
    st = word_line(r, field, path, line, diags);
  }
  free(buf);
  if (!st) st = end_sentence(r, path, line + 1, diags);
  return st;
}

orb_status orb_parse_treebank_load(const char *path, orb_parse_treebank **out,
                                   orb_diags *diags) {
  *out = NULL;
  orb_parse_treebank *tb = calloc(1, sizeof *tb);
  if (!tb) return ORB_ENOMEM;
  if (!(tb->labels = calloc(PA_MAX_LABELS, sizeof *tb->labels))) {
    free(tb);
    return ORB_ENOMEM;
  }
  gzFile f = gzopen(path, "rb");
  if (!f) {
    orb_diags_add(diags, path, 0, 0, "cannot open the treebank");
    orb_parse_treebank_free(tb);
    return ORB_EIO;
  }
  reader r = {.tb = tb};
  orb_status st = read_lines(&r, f, path, diags);
  int err = 0;
  const char *msg = gzerror(f, &err);
  if (!st && err && err != Z_STREAM_END) {
    orb_diags_add(diags, path, 0, 0, "cannot read: %s", msg);
    st = ORB_EIO;
  }
  gzclose(f);
  if (!st && !tb->sentences) {
    orb_diags_add(diags, path, 0, 0, "no sentence (expected CoNLL-U)");
    st = ORB_EPARSE;
  }
  if (!st && !(tb->form = malloc((tb->words ? tb->words : 1) * sizeof *tb->form)))
    st = ORB_ENOMEM;
  if (!st)
    for (size_t i = 0; i < tb->words; i++) tb->form[i] = tb->text_ + r.form_off[i];
  free(r.form_off);
  if (st) {
    orb_parse_treebank_free(tb);
    return st;
  }
  *out = tb;
  return ORB_OK;
}

void orb_parse_treebank_free(orb_parse_treebank *tb) {
  if (!tb) return;
  for (size_t i = 0; i < tb->label_count; i++) free(tb->labels[i]);
  free(tb->labels);
  free(tb->sent_start);
  free(tb->form);
  free(tb->form_len);
  free(tb->upos);
  free(tb->head);
  free(tb->label);
  free(tb->text_);
  free(tb);
}
