/*
 * input.c: the input layer (core/input_internal.h): reading files with a limit,
 * the strict UTF-8 check, decimal numbers, did-you-mean hints, installed data.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/input_internal.h"

/* ---- files --------------------------------------------------------------------------- */

void input_format_size(size_t bytes, char *buf, size_t size) {
  if (bytes >= ((size_t)1 << 20) && bytes % ((size_t)1 << 20) == 0)
    snprintf(buf, size, "%zu MiB", bytes >> 20);
  else
    snprintf(buf, size, "%zu bytes", bytes);
}

/* Reports that path is over the limit: its size when known (regular files). */
static orb_status too_large(const char *path, const char *what, size_t max_bytes,
                            long long size, orb_diags *diags) {
  char limit[32];
  input_format_size(max_bytes, limit, sizeof limit);
  if (size >= 0)
    orb_diags_add(diags, path, 0, 0, "file is %lld bytes, over the %s limit for a %s", size,
                  limit, what);
  else
    orb_diags_add(diags, path, 0, 0, "more than %s, the limit for a %s", limit, what);
  return ORB_ELIMIT;
}

orb_status input_open(const char *path, const char *what, int *fd_out, long long *size,
                      orb_diags *diags) {
  *fd_out = -1;
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    orb_diags_add(diags, path, 0, 0, "cannot open the %s: %s", what, strerror(errno));
    return ORB_EIO;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    orb_diags_add(diags, path, 0, 0, "cannot read the %s: %s", what, strerror(errno));
    close(fd);
    return ORB_EIO;
  }
  if (S_ISDIR(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
    orb_diags_add(diags, path, 0, 0, "is a %s, not a %s", S_ISDIR(st.st_mode) ? "directory"
                  : "device", what);
    close(fd);
    return ORB_EIO;
  }
  *size = S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
  *fd_out = fd;
  return ORB_OK;
}

orb_status input_read_file(const char *path, size_t max_bytes, const char *what,
                           char **data, size_t *len, orb_diags *diags) {
  *data = NULL;
  *len = 0;
  int fd;
  long long size;
  orb_status opened = input_open(path, what, &fd, &size, diags);
  if (opened != ORB_OK) return opened;
  int regular = size >= 0;
  if (regular && (unsigned long long)size > max_bytes) {
    close(fd);
    return too_large(path, what, max_bytes, size, diags);
  }
  /* A regular file is read into a buffer of its size (one more byte shows growth);
   * a pipe or FIFO into a doubling buffer, up to the limit. */
  size_t cap = regular ? (size_t)size + 1 : (size_t)1 << 16;
  if (cap > max_bytes + 1) cap = max_bytes + 1;
  char *buf = malloc(cap + 1);
  size_t used = 0;
  orb_status status = buf ? ORB_OK : ORB_ENOMEM;
  while (status == ORB_OK) {
    if (used == cap) {
      if (cap > max_bytes) {
        status = too_large(path, what, max_bytes, -1, diags);
        break;
      }
      size_t grown_cap = cap * 2 > max_bytes + 1 ? max_bytes + 1 : cap * 2;
      char *grown = realloc(buf, grown_cap + 1);
      if (!grown) {
        status = ORB_ENOMEM;
        break;
      }
      buf = grown;
      cap = grown_cap;
    }
    ssize_t got = read(fd, buf + used, cap - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      orb_diags_add(diags, path, 0, 0, "cannot read the %s: %s", what, strerror(errno));
      status = ORB_EIO;
    } else if (got == 0) {
      break;
    } else {
      used += (size_t)got;
    }
  }
  close(fd);
  if (status == ORB_OK && used > max_bytes) status = too_large(path, what, max_bytes, -1, diags);
  if (status == ORB_ENOMEM) orb_diags_add(diags, path, 0, 0, "out of memory reading the %s", what);
  if (status != ORB_OK) {
    free(buf);
    return status;
  }
  buf[used] = '\0';
  *data = buf;
  *len = used;
  return ORB_OK;
}

/* ---- UTF-8 ----------------------------------------------------------------------------- */

void input_utf8_init(input_utf8 *state) {
  memset(state, 0, sizeof *state);
  state->line = 1;
  state->column = 1;
}

/* Reports a bad byte at line/column. */
static orb_status utf8_error(const char *name, uint64_t line, uint64_t column,
                             uint64_t offset, const char *what, orb_diags *diags) {
  orb_diags_add(diags, name, (int)(line > 2147483647u ? 0 : line),
                (int)(column > 2147483647u ? 0 : column), "%s at byte %llu (expected UTF-8 text)",
                what, (unsigned long long)offset);
  return ORB_EPARSE;
}

orb_status input_utf8_check(input_utf8 *s, const char *name, const char *data, size_t len,
                            orb_diags *diags) {
  const unsigned char *p = (const unsigned char *)data;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = p[i];
    uint64_t off = s->offset + i;
    if (s->need) {
      if ((c & 0xC0) != 0x80)
        return utf8_error(name, s->seq_line, s->seq_column, s->seq_offset,
                          "truncated UTF-8 sequence", diags);
      s->cp = (s->cp << 6) | (c & 0x3F);
      if (--s->need == 0) {
        if (s->cp < s->min || s->cp > 0x10FFFF || (s->cp >= 0xD800 && s->cp <= 0xDFFF))
          return utf8_error(name, s->seq_line, s->seq_column, s->seq_offset,
                            "invalid UTF-8 sequence", diags);
        s->column++;
      }
      continue;
    }
    if (c == 0) return utf8_error(name, s->line, s->column, off, "NUL byte (binary data)", diags);
    if (c < 0x80) {
      if (c == '\n') {
        s->line++;
        s->column = 1;
      } else {
        s->column++;
      }
      continue;
    }
    s->seq_offset = off;
    s->seq_line = s->line;
    s->seq_column = s->column;
    if (c >= 0xC2 && c <= 0xDF) {
      s->need = 1; s->cp = c & 0x1F; s->min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      s->need = 2; s->cp = c & 0x0F; s->min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      s->need = 3; s->cp = c & 0x07; s->min = 0x10000;
    } else {
      char what[40];
      snprintf(what, sizeof what, "invalid byte 0x%02x", c);
      return utf8_error(name, s->line, s->column, off, what, diags);
    }
  }
  s->offset += len;
  return ORB_OK;
}

orb_status input_utf8_end(input_utf8 *s, const char *name, orb_diags *diags) {
  if (s->need)
    return utf8_error(name, s->seq_line, s->seq_column, s->seq_offset,
                      "truncated UTF-8 sequence", diags);
  return ORB_OK;
}

orb_status input_utf8_text(const char *name, const char *data, size_t len,
                           orb_diags *diags) {
  input_utf8 state;
  input_utf8_init(&state);
  orb_status status = input_utf8_check(&state, name, data, len, diags);
  return status ? status : input_utf8_end(&state, name, diags);
}

int input_utf8_name(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)text[i] < 0x20 || text[i] == 0x7F) return 0;
  orb_diags scratch;
  orb_diags_init(&scratch);
  int ok = input_utf8_text(NULL, text, len, &scratch) == ORB_OK;
  orb_diags_free(&scratch);
  return ok;
}

/* ---- numbers ----------------------------------------------------------------------------- */

/* Length of the run of decimal digits at p (before end). */
static size_t digit_run(const char *p, const char *end) {
  const char *q = p;
  while (q < end && *q >= '0' && *q <= '9') q++;
  return (size_t)(q - p);
}

input_number_status input_number(const char *text, size_t len, double *value) {
  const char *p = text, *end = text + len;
  if (p < end && (*p == '+' || *p == '-')) p++;
  size_t whole = digit_run(p, end);
  p += whole;
  size_t fraction = 0;
  if (p < end && *p == '.') {
    p++;
    fraction = digit_run(p, end);
    p += fraction;
  }
  if (whole + fraction == 0) return INPUT_NUMBER_SYNTAX;
  if (p < end && (*p == 'e' || *p == 'E')) {
    p++;
    if (p < end && (*p == '+' || *p == '-')) p++;
    size_t exponent = digit_run(p, end);
    if (exponent == 0) return INPUT_NUMBER_SYNTAX;
    p += exponent;
  }
  if (p != end) return INPUT_NUMBER_SYNTAX;
  /* The text is now known to be decimal; strtod converts it (exactly rounded). The
   * point is replaced by the locale's so that a program that set LC_NUMERIC still
   * reads '.' as the decimal point. */
  char small[64];
  char *buf = len < sizeof small ? small : malloc(len + 1);
  if (!buf) return INPUT_NUMBER_RANGE;
  memcpy(buf, text, len);
  buf[len] = '\0';
  char *point = memchr(buf, '.', len);
  if (point) {
    char probe[8];
    snprintf(probe, sizeof probe, "%.1f", 0.5);
    *point = probe[1];
  }
  char *stop;
  errno = 0;
  double v = strtod(buf, &stop);
  int range = errno == ERANGE || !isfinite(v);
  int complete = stop == buf + len;
  if (buf != small) free(buf);
  if (!complete) return INPUT_NUMBER_SYNTAX;
  /* ERANGE on underflow to a subnormal still gives the nearest double; only a
   * result of 0 from non-zero digits, or an overflow, is out of range. */
  if (range && (v == 0 || !isfinite(v) || fabs(v) >= 1)) return INPUT_NUMBER_RANGE;
  *value = v;
  return INPUT_NUMBER_OK;
}

input_number_status input_uint64(const char *text, size_t len, uint64_t *value) {
  if (len == 0 || digit_run(text, text + len) != len) return INPUT_NUMBER_SYNTAX;
  uint64_t v = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned digit = (unsigned)(text[i] - '0');
    if (v > (UINT64_MAX - digit) / 10) return INPUT_NUMBER_RANGE;
    v = v * 10 + digit;
  }
  *value = v;
  return INPUT_NUMBER_OK;
}

const char *input_number_problem(input_number_status status) {
  switch (status) {
  case INPUT_NUMBER_OK: return "a number";
  case INPUT_NUMBER_SYNTAX: return "not a number";
  case INPUT_NUMBER_RANGE: return "out of range";
  }
  return "not a number";
}

/* ---- did-you-mean ------------------------------------------------------------------------- */

const char *input_hint(const char *word, const char *const *candidates, size_t count,
                       int with_list, char *buf, size_t size) {
  const char *best = orb_closest_word(word, candidates, count);
  if (best) {
    snprintf(buf, size, " (did you mean '%s'?)", best);
    return buf;
  }
  buf[0] = '\0';
  if (!with_list || size < 32) return buf;
  size_t used = (size_t)snprintf(buf, size, " (expected one of: ");
  for (size_t i = 0; i < count && used < size; i++)
    used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", candidates[i]);
  if (used + 2 >= size) { /* cut: end with an ellipsis inside the parenthesis */
    used = size - 6;
    memcpy(buf + used, "...", 3);
    used += 3;
  }
  snprintf(buf + used, size - used, ")");
  return buf;
}

/* ---- installed data ------------------------------------------------------------------------ */

const char *input_data_path(int slot, const char *env, const char *relative) {
  static char paths[4][4096];
  if (slot < 0 || slot > 3) slot = 3;
  const char *value = env ? getenv(env) : NULL;
  if (value && value[0]) return value;
  snprintf(paths[slot], sizeof paths[slot], "%s/%s", ORB_SOURCE_DATA_DIR, relative);
  if (access(paths[slot], R_OK) == 0) return paths[slot];
  snprintf(paths[slot], sizeof paths[slot], "%s/%s", ORB_INSTALL_DATA_DIR, relative);
  return paths[slot];
}
