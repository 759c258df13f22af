/*
 * tokenize.c: splits raw English text into the tokens of UD English EWT.
 *
 * The text is cut at white space into chunks; each chunk loses its leading
 * and trailing punctuation (one token each; "..." stays whole; the "." of an
 * abbreviation stays on it), then its core is cut at hyphens between letters
 * or digits and at em and en dashes, and each piece loses its clitic ('s 're
 * 've 'll 'd 'm n't, or a bare trailing apostrophe). Tokens are byte ranges of
 * the text, never copies.
 */
#include <string.h>

#include "parse/parse_internal.h"

typedef struct tok_out {
  orb_parse_token *t;
  size_t cap, n;
  int full;
} tok_out;

/* Appends the token [start, start+len) unless empty; marks o full when it has no room. */
static void emit(tok_out *o, size_t start, size_t len) {
  if (!len) return;
  if (o->n == o->cap) {
    o->full = 1;
    return;
  }
  o->t[o->n++] = (orb_parse_token){start, len, 0};
}

/* Byte classes (non-ASCII bytes count as letters). */
static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c) || c >= 0x80; }

/* Length of a multi-byte punctuation mark at s (curly quotes, dashes, ellipsis), or 0. */
static size_t utf8_punct(const char *s, size_t left) {
  const unsigned char *u = (const unsigned char *)s;
  if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
      ((u[2] >= 0x93 && u[2] <= 0x94) || (u[2] >= 0x98 && u[2] <= 0x9F) || u[2] == 0xA6))
    return 3;
  if (left >= 2 && u[0] == 0xC2 && (u[1] == 0xAB || u[1] == 0xBB)) return 2; /* guillemets */
  return 0;
}

/* Punctuation split off the front and the back of a chunk. */
static int leading_punct(unsigned char c) { return c && strchr("([{\"'`<*#$", c) != NULL; }
static int trailing_punct(unsigned char c) { return c && strchr(".,;:!?)]}\"'>*%", c) != NULL; }

/* Words whose final "." belongs to them. */
static int abbreviation(const char *s, size_t len) {
  static const char *const words[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "st", "jr", "sr", "inc",
    "ltd", "co", "corp", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "col", "lt", "gov", "capt", "sgt", "maj",
    "adm", "cmdr", "pres", "mt", "ft", "dept", "approx", "e.g", "i.e"};
  if (len == 1 && is_alpha((unsigned char)s[0])) return 1;          /* "J." */
  if (memchr(s, '.', len)) return 1;                                /* "U.S." */
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    size_t wl = strlen(words[i]);
    if (wl != len) continue;
    size_t j = 0;
    while (j < len && (char)(s[j] | 32) == words[i][j]) j++;
    if (j == len) return 1;
  }
  return 0;
}

/* Emits piece [a, b) with its clitic split off. */
static void emit_piece(tok_out *o, const char *text, size_t a, size_t b) {
  const char *s = text + a;
  size_t len = b - a;
  static const char *const clitics[] = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m",
                                        "n\xE2\x80\x99" "t", "\xE2\x80\x99" "s",
                                        "\xE2\x80\x99" "re", "\xE2\x80\x99" "ve",
                                        "\xE2\x80\x99" "ll", "\xE2\x80\x99" "d",
                                        "\xE2\x80\x99" "m"};
  for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++) {
    size_t cl = strlen(clitics[i]);
    if (len <= cl) continue;
    size_t j = 0;
    while (j < cl && (char)(s[len - cl + j] | (is_alpha((unsigned char)s[len - cl + j]) ? 32 : 0)) == clitics[i][j]) j++;
    if (j == cl && is_alnum((unsigned char)s[len - cl - 1])) {
      emit(o, a, len - cl);
      emit(o, a + len - cl, cl);
      return;
    }
  }
  if (len > 1 && s[len - 1] == '\'' && (s[len - 2] | 32) == 's') { /* "countries'" */
    emit(o, a, len - 1);
    emit(o, b - 1, 1);
    return;
  }
  emit(o, a, len);
}

/* Emits the core [a, b) of a chunk cut at hyphens and dashes. */
static void emit_core(tok_out *o, const char *text, size_t a, size_t b) {
  size_t start = a;
  for (size_t i = a; i < b;) {
    size_t u = utf8_punct(text + i, b - i);
    int hyphen = text[i] == '-' && i > a && i + 1 < b && is_alnum((unsigned char)text[i - 1]) &&
                 is_alnum((unsigned char)text[i + 1]);
    int dash = u == 3 && (unsigned char)text[i + 2] <= 0x94;
    if (hyphen || dash) {
      emit_piece(o, text, start, i);
      size_t w = hyphen ? 1 : u;
      emit(o, i, w);
      i += w;
      start = i;
      continue;
    }
    i += u ? u : 1;
  }
  if (start < b) emit_piece(o, text, start, b);
}

/* Emits one white-space-free chunk [a, b). */
static void emit_chunk(tok_out *o, const char *text, size_t a, size_t b) {
  if (b - a > 4 && (memcmp(text + a, "http", 4) == 0 || memcmp(text + a, "www.", 4) == 0)) {
    size_t e = b; /* the URL whole, then its trailing punctuation */
    while (e > a + 1 && strchr(".,;:)\"'", text[e - 1])) e--;
    emit(o, a, e - a);
    if (e < b) emit_chunk(o, text, e, b);
    return;
  }
  /* leading punctuation */
  while (a < b) {
    size_t u = utf8_punct(text + a, b - a);
    if (u) { emit(o, a, u); a += u; continue; }
    if (!leading_punct((unsigned char)text[a]) || b - a == 1) break;
    emit(o, a, 1);
    a++;
  }
  /* trailing punctuation, collected from the end */
  size_t ends[32], nend = 0, e = b;
  while (e > a && nend < 32) {
    size_t u = e - a >= 3 ? utf8_punct(text + e - 3, 3) : 0;
    if (!u && e - a >= 2) u = utf8_punct(text + e - 2, 2) == 2 ? 2 : 0;
    if (u && e - u > a) { ends[nend++] = e - u; e -= u; continue; }
    unsigned char c = (unsigned char)text[e - 1];
    if (!trailing_punct(c) || e - a == 1) break;
    if (c == '.' && e - a >= 3 && text[e - 2] == '.' && text[e - 3] == '.') {
      ends[nend++] = e - 3; /* "..." */
      e -= 3;
      continue;
    }
    if (c == '.' && abbreviation(text + a, e - 1 - a)) break;
    if (c == '\'' && e - a > 1 && (text[e - 2] | 32) == 's') break; /* a possessive */
    ends[nend++] = e - 1;
    e--;
  }
  emit_core(o, text, a, e);
  /* ends[] run from the end backwards: emit them front to back */
  for (size_t i = nend; i-- > 0;) {
    size_t start = ends[i], stop = i ? ends[i - 1] : b;
    emit(o, start, stop - start);
  }
}

/* True when token t is ".", "!", "?" or "...". */
static int terminal(const char *text, const orb_parse_token *t) {
  const char *s = text + t->start;
  if (t->len == 1) return *s == '.' || *s == '!' || *s == '?';
  return t->len == 3 && memcmp(s, "...", 3) == 0;
}

/* True when token t is a closing quote or bracket. */
static int closer(const char *text, const orb_parse_token *t) {
  const char *s = text + t->start;
  if (t->len == 1) return *s == '"' || *s == '\'' || *s == ')' || *s == ']';
  return t->len == 3 && (unsigned char)s[0] == 0xE2 && ((unsigned char)s[2] == 0x9D || (unsigned char)s[2] == 0x99);
}

/* Marks the tokens after which a sentence ends. */
static void mark_ends(const char *text, orb_parse_token *t, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!terminal(text, &t[i])) continue;
    size_t j = i;
    while (j + 1 < n && closer(text, &t[j + 1])) j++;
    if (j + 1 < n) {
      unsigned char c = (unsigned char)text[t[j + 1].start];
      if (c >= 'a' && c <= 'z') continue;
    }
    t[j].sentence_end = 1;
    i = j;
  }
  if (n) t[n - 1].sentence_end = 1;
}

orb_status orb_parse_tokenize(const char *text, size_t len, orb_parse_token *tokens,
                              size_t cap, size_t *count) {
  tok_out o = {tokens, cap, 0, 0};
  size_t i = 0;
  while (i < len && !o.full) {
    while (i < len && is_space((unsigned char)text[i])) i++;
    size_t a = i;
    while (i < len && !is_space((unsigned char)text[i])) i++;
    if (i > a) emit_chunk(&o, text, a, i);
  }
  mark_ends(text, tokens, o.n);
  *count = o.n;
  return o.full ? ORB_ELIMIT : ORB_OK;
}
