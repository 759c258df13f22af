/*
 * model.c: the model file of the syntactic layer, its loader and writer.
 *
 * Layout (every integer little-endian):
 *
 *   header, 36 bytes: "ORBPARSE", u32 version (1), u32 flags (0),
 *                     u64 payload bytes, u64 compressed bytes, u32 CRC-32 of payload
 *   zlib stream of the payload:
 *     u32 number of UPOS tags (17)
 *     u32 number of relations, then each: u8 length, its bytes
 *     three tables (tagger, parser, labeller), each:
 *       u32 classes, u32 rows, u32 keys[rows], i16 weights[rows * classes]
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
#define MODEL_VERSION 1u
#define MODEL_HEADER 36
#define MODEL_MAX_BYTES (256u << 20) /* larger files or payloads are refused */

/* ---- little-endian buffers --------------------------------------------------------- */

typedef struct outbuf { unsigned char *p; size_t len, cap; int failed; } outbuf;

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

static void put_u32(outbuf *b, uint32_t v) {
  unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                        (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
  put(b, x, 4);
}

static void put_u64(outbuf *b, uint64_t v) {
  put_u32(b, (uint32_t)v);
  put_u32(b, (uint32_t)(v >> 32));
}

static uint32_t get_u32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get_u64(const unsigned char *p) {
  return get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

/* A cursor over the payload; every read is checked against its end. */
typedef struct inbuf { const unsigned char *p; size_t len, at; } inbuf;

static int take(inbuf *b, size_t n, const unsigned char **out) {
  if (n > b->len - b->at) return -1;
  *out = b->p + b->at;
  b->at += n;
  return 0;
}

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

orb_status orb_parse_model_save(const orb_parse_model *m, const char *path,
                                orb_diags *diags) {
  outbuf raw = {0}, file = {0};
  put_u32(&raw, ORB_UPOS_COUNT);
  put_u32(&raw, (uint32_t)m->label_count);
  for (size_t i = 0; i < m->label_count; i++) {
    unsigned char len = (unsigned char)strlen(m->labels[i]);
    put(&raw, &len, 1);
    put(&raw, m->labels[i], len);
  }
  put_table(&raw, &m->tagger);
  put_table(&raw, &m->parser);
  put_table(&raw, &m->labeller);
  uLongf zlen = compressBound(raw.len);
  unsigned char *z = raw.failed ? NULL : malloc(zlen);
  if (!z || compress2(z, &zlen, raw.p, raw.len, 9) != Z_OK) {
    free(z);
    free(raw.p);
    return ORB_ENOMEM;
  }
  put(&file, MODEL_MAGIC, 8);
  put_u32(&file, MODEL_VERSION);
  put_u32(&file, 0);
  put_u64(&file, raw.len);
  put_u64(&file, zlen);
  put_u32(&file, (uint32_t)crc32(0L, raw.p, (uInt)raw.len));
  put(&file, z, zlen);
  free(z);
  free(raw.p);
  if (file.failed) return ORB_ENOMEM;

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

/* Fills m from the checked, decompressed payload. */
static int read_payload(orb_parse_model *m, inbuf *b, const char *path, orb_diags *diags) {
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
  if (read_table(b, &m->tagger, ORB_UPOS_COUNT, "tagger", path, diags) ||
      read_table(b, &m->parser, PA_NACTIONS, "parser", path, diags) ||
      read_table(b, &m->labeller, nlabels, "labeller", path, diags))
    return -1;
  if (b->at != b->len) return bad(diags, path, "bytes left after the last table");
  return 0;
}

/* Reads the whole file at path (at most MODEL_MAX_BYTES) into *data. */
static orb_status slurp(const char *path, unsigned char **data, size_t *len,
                        orb_diags *diags) {
  *data = NULL;
  FILE *f = fopen(path, "rb");
  struct stat st;
  if (!f || fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) {
    orb_diags_add(diags, path, 0, 0, "cannot read the parser model: %s",
                  f ? "not a regular file" : strerror(errno));
    if (f) fclose(f);
    return ORB_EIO;
  }
  if ((uint64_t)st.st_size > MODEL_MAX_BYTES) {
    orb_diags_add(diags, path, 0, 0, "not a valid parser model: %lld bytes (at most %u)",
                  (long long)st.st_size, MODEL_MAX_BYTES);
    fclose(f);
    return ORB_EPARSE;
  }
  *len = (size_t)st.st_size;
  *data = malloc(*len ? *len : 1);
  int ok = *data && fread(*data, 1, *len, f) == *len;
  fclose(f);
  if (!ok) {
    orb_diags_add(diags, path, 0, 0, "cannot read the parser model");
    free(*data);
    *data = NULL;
    return ORB_EIO;
  }
  return ORB_OK;
}

/* Checks the header and the checksum; *raw gets the payload (caller frees). */
static orb_status unpack(const unsigned char *data, size_t len, const char *path,
                         unsigned char **raw, size_t *raw_len, orb_diags *diags) {
  char what[160];
  *raw = NULL;
  if (len < MODEL_HEADER) {
    snprintf(what, sizeof what, "too short for a header (%zu bytes, expected at least %d)",
             len, MODEL_HEADER);
    return bad(diags, path, what), ORB_EPARSE;
  }
  if (memcmp(data, MODEL_MAGIC, 8) != 0)
    return bad(diags, path, "bad magic (expected ORBPARSE)"), ORB_EPARSE;
  uint32_t version = get_u32(data + 8);
  if (version != MODEL_VERSION) {
    snprintf(what, sizeof what, "version %u (this orbit reads version %u)", version,
             MODEL_VERSION);
    return bad(diags, path, what), ORB_EPARSE;
  }
  uint64_t rlen = get_u64(data + 16), zlen = get_u64(data + 24);
  if (zlen != len - MODEL_HEADER) {
    snprintf(what, sizeof what, "truncated or padded: the header says %llu compressed "
             "bytes, the file holds %zu", (unsigned long long)zlen, len - MODEL_HEADER);
    return bad(diags, path, what), ORB_EPARSE;
  }
  if (rlen == 0 || rlen > MODEL_MAX_BYTES)
    return bad(diags, path, "payload size out of range"), ORB_EPARSE;
  *raw = malloc((size_t)rlen);
  if (!*raw) return ORB_ENOMEM;
  uLongf out = (uLongf)rlen;
  int zr = uncompress(*raw, &out, data + MODEL_HEADER, (uLong)zlen);
  if (zr != Z_OK || out != rlen) {
    free(*raw);
    *raw = NULL;
    return bad(diags, path, "the compressed payload is corrupt"), ORB_EPARSE;
  }
  if ((uint32_t)crc32(0L, *raw, (uInt)rlen) != get_u32(data + 32)) {
    free(*raw);
    *raw = NULL;
    return bad(diags, path, "checksum mismatch"), ORB_EPARSE;
  }
  *raw_len = (size_t)rlen;
  return ORB_OK;
}

orb_status orb_parse_model_load(const char *path, orb_parse_model **out, orb_diags *diags) {
  *out = NULL;
  unsigned char *data, *raw = NULL;
  size_t len, raw_len = 0;
  orb_status st = slurp(path, &data, &len, diags);
  if (st) return st;
  st = unpack(data, len, path, &raw, &raw_len, diags);
  free(data);
  if (st) return st;
  orb_parse_model *m = calloc(1, sizeof *m);
  if (!m) {
    free(raw);
    return ORB_ENOMEM;
  }
  inbuf b = {raw, raw_len, 0};
  if (read_payload(m, &b, path, diags)) {
    orb_parse_model_free(m);
    free(raw);
    return ORB_EPARSE;
  }
  free(raw);
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

orb_status orb_parse_model_load_default(orb_parse_model **model, orb_diags *diags) {
  return orb_parse_model_load(orb_parse_default_model_path(), model, diags);
}

void orb_parse_model_free(orb_parse_model *m) {
  if (!m) return;
  ap_free(&m->tagger);
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
