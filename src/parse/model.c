/*
 * model.c: the model file of the syntactic layer, its loader and writer.
 *
 * Layout (every integer little-endian): a header, then two sections, each a
 * zlib stream of its own, so that the tagger can be read without the rest.
 *
 *   header, 64 bytes: "ORBPARSE", u32 version (2), u32 flags (0), then for each
 *                     section: u64 bytes, u64 compressed bytes, u32 CRC-32 of
 *                     the bytes, u32 0
 *   section 1 (the tagger):
 *     u32 number of UPOS tags (17)
 *     u32 number of relations, then each: u8 length, its bytes
 *     the tagger's table
 *     u32 words of the tag dictionary, then each: u64 word hash, u8 tag
 *   section 2 (the parser): the parser's table, the labeller's table
 *
 * A table is: u32 classes, u32 rows, u32 keys[rows], i16 weights[rows * classes].
 *
 * The loader checks everything before it hands a model out: a file that is
 * truncated, padded, corrupted or from another version is refused with a
 * message that says which check failed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "parse/parse_internal.h"

#define MODEL_MAGIC "ORBPARSE"
#define MODEL_VERSION 2u
#define MODEL_HEADER 64
#define MODEL_SECTIONS 2
#define MODEL_MAX_BYTES (256u << 20) /* larger files or payloads are refused */

/* ---- little-endian buffers --------------------------------------------------------- */

typedef struct outbuf { unsigned char *p; size_t len, cap; int failed; } outbuf;

/* Appends n bytes to b (b->failed is set when memory runs out). */
static void put(outbuf *b, const void *data, size_t n) {
  if (b->failed) return;
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 65536;
    while (cap < b->len + n) cap *= 2;
    unsigned char *p = realloc(b->p, cap);
    if (!p) { b->failed = 1; return; }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, data, n);
  b->len += n;
}

/* Appends v little-endian. */
static void put_u32(outbuf *b, uint32_t v) {
  unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                        (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
  put(b, x, 4);
}

/* Appends v little-endian. */
static void put_u64(outbuf *b, uint64_t v) {
  put_u32(b, (uint32_t)v);
  put_u32(b, (uint32_t)(v >> 32));
}

/* The little-endian number at p. */
static uint32_t get_u32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The little-endian number at p. */
static uint64_t get_u64(const unsigned char *p) {
  return get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

/* A cursor over the payload; every read is checked against its end. */
typedef struct inbuf { const unsigned char *p; size_t len, at; } inbuf;

/* Points *out at the next n bytes of b; -1 if fewer are left. */
static int take(inbuf *b, size_t n, const unsigned char **out) {
  if (n > b->len - b->at) return -1;
  *out = b->p + b->at;
  b->at += n;
  return 0;
}

/* Reads the next little-endian u32 of b; -1 if cut short. */
static int take_u32(inbuf *b, uint32_t *v) {
  const unsigned char *p;
  if (take(b, 4, &p)) return -1;
  *v = get_u32(p);
  return 0;
}

/* ---- writing ------------------------------------------------------------------------ */

/* Rows of a table in slot order, so that the same model writes the same bytes. */
static void put_table(outbuf *b, const ap_table *t) {
  put_u32(b, t->nclass);
  put_u32(b, (uint32_t)t->count);
  size_t r = 0;
  for (size_t s = 0; s < t->cap; s++) if (t->slots[s].key) put_u32(b, t->slots[s].key), r++;
  for (size_t s = 0; s < t->cap; s++) {
    if (!t->slots[s].key) continue;
    const int16_t *q = t->q + (size_t)t->slots[s].row * t->nclass;
    for (uint32_t c = 0; c < t->nclass; c++) {
      uint16_t v = (uint16_t)q[c];
      unsigned char x[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
      put(b, x, 2);
    }
  }
}

/* Appends the compressed form of raw to file; fills the section's header
 * fields at head. Returns -1 on out of memory. */
static int put_section(outbuf *file, size_t head, const outbuf *raw) {
  uLongf zlen = compressBound(raw->len);
  unsigned char *z = raw->failed ? NULL : malloc(zlen);
  if (!z || compress2(z, &zlen, raw->p, raw->len, 9) != Z_OK) {
    free(z);
    return -1;
  }
  outbuf h = {0};
  put_u64(&h, raw->len);
  put_u64(&h, zlen);
  put_u32(&h, (uint32_t)crc32(0L, raw->p, (uInt)raw->len));
  put_u32(&h, 0);
  if (!h.failed && !file->failed) memcpy(file->p + head, h.p, h.len);
  free(h.p);
  put(file, z, zlen);
  free(z);
  return h.failed || file->failed ? -1 : 0;
}

orb_status orb_parse_model_save(const orb_parse_model *m, const char *path,
                                orb_diags *diags) {
  if (!m->has_parser) return ORB_EINVAL;
  outbuf tagger = {0}, parser = {0}, file = {0};
  put_u32(&tagger, ORB_UPOS_COUNT);
  put_u32(&tagger, (uint32_t)m->label_count);
  for (size_t i = 0; i < m->label_count; i++) {
    unsigned char len = (unsigned char)strlen(m->labels[i]);
    put(&tagger, &len, 1);
    put(&tagger, m->labels[i], len);
  }
  put_table(&tagger, &m->tagger);
  put_u32(&tagger, (uint32_t)m->tagdict.count);
  for (size_t i = 0; i < m->tagdict.cap; i++) {
    if (!m->tagdict.keys[i]) continue;
    put_u64(&tagger, m->tagdict.keys[i]);
    put(&tagger, &m->tagdict.tags[i], 1);
  }
  put_table(&parser, &m->parser);
  put_table(&parser, &m->labeller);
  unsigned char zero[MODEL_HEADER] = {0};
  put(&file, zero, MODEL_HEADER);
  if (!file.failed) {
    memcpy(file.p, MODEL_MAGIC, 8);
    file.p[8] = MODEL_VERSION;
  }
  int failed = put_section(&file, 16, &tagger) || put_section(&file, 40, &parser);
  free(tagger.p);
  free(parser.p);
  if (failed) {
    free(file.p);
    return ORB_ENOMEM;
  }

  size_t plen = strlen(path);
  char *tmp = malloc(plen + 16);
  if (!tmp) { free(file.p); return ORB_ENOMEM; }
  snprintf(tmp, plen + 16, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd >= 0) fchmod(fd, 0644);
  FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
  int ok = f && fwrite(file.p, 1, file.len, f) == file.len;
  if (f) ok = (fclose(f) == 0) && ok;
  else if (fd >= 0) close(fd);
  if (ok) ok = rename(tmp, path) == 0;
  if (!ok) {
    orb_diags_add(diags, path, 0, 0, "cannot write the model: %s", strerror(errno));
    if (fd >= 0) unlink(tmp);
  }
  free(tmp);
  free(file.p);
  return ok ? ORB_OK : ORB_EIO;
}

/* ---- loading ------------------------------------------------------------------------ */

static int bad(orb_diags *diags, const char *path, const char *what) {
  orb_diags_add(diags, path, 0, 0, "not a valid parser model: %s", what);
  return -1;
}

/* Reads one table of nclass classes from the payload into t (inference form). */
static int read_table(inbuf *b, ap_table *t, uint32_t nclass, const char *name,
                      const char *path, orb_diags *diags) {
  uint32_t k, rows;
  char what[128];
  if (take_u32(b, &k) || take_u32(b, &rows)) {
    snprintf(what, sizeof what, "the %s table is cut short", name);
    return bad(diags, path, what);
  }
  if (k != nclass) {
    snprintf(what, sizeof what, "the %s table has %u classes (expected %u)", name, k, nclass);
    return bad(diags, path, what);
  }
  const unsigned char *keys, *weights;
  if (rows > (b->len - b->at) / 4 || take(b, (size_t)rows * 4, &keys) ||
      (size_t)rows * k > (b->len - b->at) / 2 || take(b, (size_t)rows * k * 2, &weights)) {
    snprintf(what, sizeof what, "the %s table claims %u rows, more than the file holds",
             name, rows);
    return bad(diags, path, what);
  }
  t->nclass = k;
  t->count = rows;
  t->cap = 16;
  while (t->cap * 3 < 4 * (size_t)rows + 4) t->cap *= 2; /* at most 3/4 full */
  t->slots = calloc(t->cap, sizeof *t->slots);
  t->q = malloc(((size_t)rows * k + 1) * sizeof *t->q);
  if (!t->slots || !t->q) return bad(diags, path, "out of memory");
  for (uint32_t r = 0; r < rows; r++) {
    if (ap_insert_loaded(t, get_u32(keys + 4 * (size_t)r), r)) {
      snprintf(what, sizeof what, "the %s table has a zero or repeated key at row %u",
               name, r);
      return bad(diags, path, what);
    }
  }
  for (size_t i = 0; i < (size_t)rows * k; i++)
    t->q[i] = (int16_t)(uint16_t)(weights[2 * i] | weights[2 * i + 1] << 8);
  return 0;
}

/* Reads section 1 (relations and the tagger) into m. */
static int read_tagger_section(orb_parse_model *m, inbuf *b, const char *path,
                               orb_diags *diags) {
  uint32_t ntags, nlabels;
  if (take_u32(b, &ntags) || ntags != ORB_UPOS_COUNT)
    return bad(diags, path, "the tag set is not the 17 UPOS tags");
  if (take_u32(b, &nlabels) || nlabels < 2 || nlabels > PA_MAX_LABELS)
    return bad(diags, path, "the number of relations is not between 2 and 64");
  m->root_label = m->punct_label = m->dep_label = -1;
  for (uint32_t i = 0; i < nlabels; i++) {
    const unsigned char *len, *name;
    if (take(b, 1, &len) || !*len || take(b, *len, &name))
      return bad(diags, path, "a relation name is empty or cut short");
    if (!(m->labels[i] = malloc((size_t)*len + 1))) return bad(diags, path, "out of memory");
    memcpy(m->labels[i], name, *len);
    m->labels[i][*len] = 0;
    m->label_count = i + 1;
    if (strcmp(m->labels[i], "root") == 0) m->root_label = (int)i;
    if (strcmp(m->labels[i], "punct") == 0) m->punct_label = (int)i;
    if (strcmp(m->labels[i], "dep") == 0) m->dep_label = (int)i;
  }
  if (m->root_label < 0) return bad(diags, path, "no 'root' relation");
  if (m->dep_label < 0) m->dep_label = m->root_label == 0 ? 1 : 0;
  if (read_table(b, &m->tagger, ORB_UPOS_COUNT, "tagger", path, diags)) return -1;
  uint32_t words = 0;
  char what[128];
  if (take_u32(b, &words) || words > (b->len - b->at) / 9) {
    snprintf(what, sizeof what, "the tag dictionary claims %u words, more than the file holds",
             words);
    return bad(diags, path, what);
  }
  if (pa_tagdict_init(&m->tagdict, words)) return bad(diags, path, "out of memory");
  for (uint32_t i = 0; i < words; i++) {
    const unsigned char *p = NULL;
    if (take(b, 9, &p) || p[8] >= ORB_UPOS_COUNT || pa_tagdict_insert(&m->tagdict, get_u64(p), p[8])) {
      snprintf(what, sizeof what, "the tag dictionary has a bad tag or a zero or repeated "
               "word at entry %u", i);
      return bad(diags, path, what);
    }
  }
  if (b->at != b->len) return bad(diags, path, "bytes left after the tag dictionary");
  return 0;
}

/* Reads section 2 (the parser and the labeller) into m. */
static int read_parser_section(orb_parse_model *m, inbuf *b, const char *path,
                               orb_diags *diags) {
  if (read_table(b, &m->parser, PA_NACTIONS, "parser", path, diags) ||
      read_table(b, &m->labeller, (uint32_t)m->label_count, "labeller", path, diags))
    return -1;
  if (b->at != b->len) return bad(diags, path, "bytes left after the labeller's table");
  m->has_parser = 1;
  return 0;
}

/* Reads, decompresses and checks section i (header at head) of the open file
 * f; *raw gets its bytes (caller frees). */
static orb_status read_section(FILE *f, const unsigned char *head, int i, long offset,
                               const char *path, unsigned char **raw, size_t *raw_len,
                               orb_diags *diags) {
  char what[160];
  const unsigned char *h = head + 16 + 24 * i;
  uint64_t rlen = get_u64(h), zlen = get_u64(h + 8);
  *raw = NULL;
  if (rlen == 0 || rlen > MODEL_MAX_BYTES || zlen == 0 || zlen > MODEL_MAX_BYTES) {
    snprintf(what, sizeof what, "section %d: size out of range", i + 1);
    return bad(diags, path, what), ORB_EPARSE;
  }
  unsigned char *z = malloc((size_t)zlen);
  *raw = malloc((size_t)rlen);
  if (!z || !*raw) {
    free(z);
    free(*raw);
    *raw = NULL;
    return ORB_ENOMEM;
  }
  uLongf out = (uLongf)rlen;
  int ok = fseek(f, offset, SEEK_SET) == 0 && fread(z, 1, (size_t)zlen, f) == zlen;
  int zr = ok ? uncompress(*raw, &out, z, (uLong)zlen) : Z_DATA_ERROR;
  free(z);
  const char *problem = !ok ? "cannot be read" :
                        zr != Z_OK || out != rlen ? "the compressed data is corrupt" :
                        (uint32_t)crc32(0L, *raw, (uInt)rlen) != get_u32(h + 16) ?
                        "checksum mismatch" : NULL;
  if (problem) {
    free(*raw);
    *raw = NULL;
    snprintf(what, sizeof what, "section %d: %s", i + 1, problem);
    return bad(diags, path, what), ORB_EPARSE;
  }
  *raw_len = (size_t)rlen;
  return ORB_OK;
}

/* Checks the header of the open file f of size bytes into head[MODEL_HEADER]. */
static orb_status read_header(FILE *f, uint64_t size, const char *path, unsigned char *head,
                              orb_diags *diags) {
  char what[200];
  if (size < MODEL_HEADER || fread(head, 1, MODEL_HEADER, f) != MODEL_HEADER) {
    snprintf(what, sizeof what, "too short for a header (%llu bytes, expected at least %d)",
             (unsigned long long)size, MODEL_HEADER);
    return bad(diags, path, what), ORB_EPARSE;
  }
  if (memcmp(head, MODEL_MAGIC, 8) != 0)
    return bad(diags, path, "bad magic (expected ORBPARSE)"), ORB_EPARSE;
  uint32_t version = get_u32(head + 8);
  if (version != MODEL_VERSION) {
    snprintf(what, sizeof what, "version %u (this orbit reads version %u)", version,
             MODEL_VERSION);
    return bad(diags, path, what), ORB_EPARSE;
  }
  uint64_t z1 = get_u64(head + 24), z2 = get_u64(head + 48);
  if (z1 > MODEL_MAX_BYTES || z2 > MODEL_MAX_BYTES || MODEL_HEADER + z1 + z2 != size) {
    snprintf(what, sizeof what, "truncated or padded: the header says %llu bytes, the file "
             "holds %llu", (unsigned long long)(MODEL_HEADER + z1 + z2),
             (unsigned long long)size);
    return bad(diags, path, what), ORB_EPARSE;
  }
  return ORB_OK;
}

/* Loads the parts of the model in the open file f of size bytes into m. */
static orb_status load_parts(FILE *f, uint64_t size, orb_parse_parts parts, const char *path,
                             orb_parse_model *m, orb_diags *diags) {
  unsigned char head[MODEL_HEADER];
  orb_status st = read_header(f, size, path, head, diags);
  long offset = MODEL_HEADER;
  for (int i = 0; !st && i < MODEL_SECTIONS; i++) {
    if (i == 1 && !(parts & 2)) break;
    unsigned char *raw;
    size_t raw_len;
    st = read_section(f, head, i, offset, path, &raw, &raw_len, diags);
    if (st) break;
    inbuf b = {raw, raw_len, 0};
    if (i == 0 ? read_tagger_section(m, &b, path, diags) : read_parser_section(m, &b, path, diags))
      st = ORB_EPARSE;
    free(raw);
    offset += (long)get_u64(head + 24);
  }
  return st;
}

orb_status orb_parse_model_load(const char *path, orb_parse_parts parts,
                                orb_parse_model **out, orb_diags *diags) {
  *out = NULL;
  FILE *f = fopen(path, "rb");
  struct stat st;
  if (!f || fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) {
    orb_diags_add(diags, path, 0, 0, "cannot read the parser model: %s",
                  f ? "not a regular file" : strerror(errno));
    if (f) fclose(f);
    return ORB_EIO;
  }
  orb_parse_model *m = calloc(1, sizeof *m);
  orb_status status = m ? load_parts(f, (uint64_t)st.st_size, parts, path, m, diags) : ORB_ENOMEM;
  fclose(f);
  if (status) {
    orb_parse_model_free(m);
    return status;
  }
  *out = m;
  return ORB_OK;
}

const char *orb_parse_default_model_path(void) {
  static const char *const candidates[] = {
    ORB_SOURCE_DATA_DIR "/data/parse/en_ewt.model",
    ORB_INSTALL_DATA_DIR "/data/parse/en_ewt.model",
  };
  const char *env = getenv("ORBIT_PARSE_MODEL");
  if (env && env[0]) return env;
  for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++)
    if (access(candidates[i], R_OK) == 0) return candidates[i];
  return candidates[1];
}

orb_status orb_parse_model_load_default(orb_parse_parts parts, orb_parse_model **model,
                                        orb_diags *diags) {
  return orb_parse_model_load(orb_parse_default_model_path(), parts, model, diags);
}

void orb_parse_model_free(orb_parse_model *m) {
  if (!m) return;
  ap_free(&m->tagger);
  pa_tagdict_free(&m->tagdict);
  ap_free(&m->parser);
  ap_free(&m->labeller);
  for (size_t i = 0; i < m->label_count; i++) free(m->labels[i]);
  free(m);
}

size_t orb_parse_label_count(const orb_parse_model *m) { return m->label_count; }

const char *orb_parse_label_name(const orb_parse_model *m, int label) {
  return label >= 0 && (size_t)label < m->label_count ? m->labels[label] : "_";
}

int orb_parse_label_from_name(const orb_parse_model *m, const char *name) {
  for (size_t i = 0; i < m->label_count; i++)
    if (strcmp(m->labels[i], name) == 0) return (int)i;
  return -1;
}
