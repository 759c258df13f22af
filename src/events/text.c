/*
 * text.c: turning a paragraph of UTF-8 text into tokens and sentences, and
 * checking that a stream is UTF-8 text.
 *
 * Normalisation (the same for dictionary phrases and for text): ASCII letters
 * are lower-cased; a word is a run of letters, digits and non-ASCII characters,
 * with inner dots kept ("u.s", "11.8"); hyphens, slashes and other symbols
 * separate words; "'s" and "n't" become tokens of their own ("'s", "not");
 * curly quotes and dashes map to their ASCII forms. A sentence ends at '.', '!'
 * or '?' followed by space and a capital, a digit or a quote, unless the word
 * before the '.' is an abbreviation ("Mr.", "Jan.", "U.S.", an initial "W.").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "events/lexicon.h"

/* Appends a token; returns ORB_ENOMEM if the array cannot grow. */
static orb_status push(ev_tokens *out, uint32_t id, size_t start, size_t end,
                       uint8_t flags) {
  if (out->count == out->cap) {
    size_t cap = out->cap ? out->cap * 2 : 256;
    ev_token *items = realloc(out->items, cap * sizeof *items);
    if (!items) return ORB_ENOMEM;
    out->items = items;
    out->cap = cap;
  }
  out->items[out->count++] =
      (ev_token){.id = id, .start = (uint32_t)start, .end = (uint32_t)end, .flags = flags};
  return ORB_OK;
}

/* Byte classes for the scanner. */
enum { C_SPACE, C_WORD, C_STOP, C_PUNCT, C_APOS, C_OTHER };

/* Class of the character at text[i] and its length in bytes (UTF-8). */
static int char_class(const unsigned char *t, size_t i, size_t len, size_t *width) {
  unsigned char c = t[i];
  *width = 1;
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      return C_WORD;
    switch (c) {
    case ' ': case '\t': case '\r': case '\n': case '\f': case '\v': return C_SPACE;
    case '.': case '!': case '?': return C_STOP;
    case ',': case ';': case ':': case '(': case ')': case '"':
    case '^': return C_PUNCT; /* '^': the noun phrase of a verb pattern */
    case '\'': return C_APOS;
    default: return C_OTHER;
    }
  }
  size_t w = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + w > len) w = len - i;
  *width = w;
  if (c == 0xC2 && w == 2 && t[i + 1] == 0xA0) return C_SPACE; /* no-break space */
  if (c == 0xE2 && w == 3 && t[i + 1] == 0x80) {
    unsigned char d = t[i + 2];
    if (d == 0x98 || d == 0x99) return C_APOS;   /* ‘ ’ */
    if (d == 0x9C || d == 0x9D) return C_PUNCT;  /* “ ” */
    if (d == 0x93 || d == 0x94) return C_PUNCT;  /* – — */
    if (d == 0xA6) return C_STOP;                /* … */
    return C_OTHER;                              /* bullets, other marks */
  }
  if (c == 0xC2 || c == 0xE2 || c == 0xEF) return C_OTHER; /* symbols, BOM */
  return C_WORD;
}

/* The normalised form of a punctuation character ("," ";" ":" "(" ")" "\"" "^" "--"). */
static const char *punct_form(const unsigned char *t, size_t i, size_t width) {
  if (width == 1) {
    static const char forms[] = ",;:()\"^";
    const char *p = strchr(forms, t[i]);
    static const char *names[] = {",", ";", ":", "(", ")", "\"", "^"};
    return p ? names[p - forms] : "";
  }
  return (t[i + 2] == 0x93 || t[i + 2] == 0x94) ? "--" : "\"";
}

/* Looks a word up (adding it when add is set); plural "s" and "ies" fall back to
 * the singular when the word itself is unknown. */
static uint32_t lookup(orb_dict *dict, const char *w, size_t n, int add) {
  if (add) return ev_vocab_add(dict, w, n);
  uint32_t id = ev_vocab_find(dict, w, n, ev_hash(w, n));
  if (id || n < 4 || w[n - 1] != 's') return id;
  if (w[n - 2] == 'e' && w[n - 3] == 'i') {
    char buf[EV_WORD_MAX];
    memcpy(buf, w, n - 3);
    buf[n - 3] = 'y';
    id = ev_vocab_find(dict, buf, n - 2, ev_hash(buf, n - 2));
    if (id) return id;
  }
  return ev_vocab_find(dict, w, n - 1, ev_hash(w, n - 1));
}

/* Whether a '.' at text[i] ends a sentence: it must be followed (after closing
 * quotes or brackets) by space then a capital, a digit, a quote or the end. */
static int stop_ends_sentence(const unsigned char *t, size_t i, size_t len) {
  size_t j = i + 1;
  for (;;) {
    if (j >= len) return 1;
    size_t w;
    int cls = char_class(t, j, len, &w);
    if (cls == C_STOP || t[j] == ')' || t[j] == '"' ||
        (cls == C_APOS) || (cls == C_PUNCT && w == 3 && t[j + 2] == 0x9D)) {
      j += w;
      continue;
    }
    if (cls != C_SPACE) return 0;
    break;
  }
  while (j < len) {
    size_t w;
    int cls = char_class(t, j, len, &w);
    if (cls != C_SPACE) {
      unsigned char c = t[j];
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
             c == '"' || c == '(' || c == '\'';
    }
    j += w;
  }
  return 1;
}

/* The scanner behind ev_tokenize and ev_tokenize_const. */
static orb_status tokenize(orb_dict *dict, const char *text, size_t len, int add,
                           ev_tokens *out) {
  const unsigned char *t = (const unsigned char *)text;
  out->count = 0;
  size_t i = 0;
  while (i < len) {
    size_t w;
    int cls = char_class(t, i, len, &w);
    if (cls == C_SPACE || cls == C_OTHER) {
      i += w;
      continue;
    }
    if (cls == C_PUNCT) {
      const char *form = punct_form(t, i, w);
      uint32_t id = lookup(dict, form, strlen(form), add);
      orb_status st = push(out, id, i, i + w, EV_TF_PUNCT);
      if (st) return st;
      i += w;
      continue;
    }
    if (cls == C_STOP) {
      if (out->count && !(out->items[out->count - 1].flags & EV_TF_PUNCT)) {
        ev_token *prev = &out->items[out->count - 1];
        int abbrev = 0;
        if (t[i] == '.' && prev->end == i) {
          size_t plen = prev->end - prev->start;
          abbrev = (plen == 1 && !(prev->flags & EV_TF_DIGITS)) ||
                   memchr(text + prev->start, '.', plen) ||
                   (prev->id && (dict->vocab_flags[prev->id] & EV_VF_ABBREV));
        }
        if (!abbrev && stop_ends_sentence(t, i + w - 1, len))
          prev->flags |= EV_TF_SENT_END;
      }
      i += w;
      continue;
    }
    if (cls == C_APOS) {
      /* 's after a word becomes its own token; other apostrophes separate. */
      if (out->count && out->items[out->count - 1].end == i && i + w < len &&
          (t[i + w] == 's' || t[i + w] == 'S') &&
          (i + w + 1 >= len || char_class(t, i + w + 1, len, &(size_t){0}) != C_WORD)) {
        orb_status st = push(out, lookup(dict, "'s", 2, add), i, i + w + 1, 0);
        if (st) return st;
        i += w + 1;
        continue;
      }
      i += w;
      continue;
    }
    /* a word */
    char buf[EV_WORD_MAX];
    size_t n = 0, start = i, digits = 1;
    while (i < len) {
      int c2 = char_class(t, i, len, &w);
      if (c2 == C_STOP && t[i] == '.' && i + 1 < len && n &&
          char_class(t, i + 1, len, &(size_t){0}) == C_WORD && t[i + 1] < 0x80) {
        if (n < EV_WORD_MAX) buf[n++] = '.';
        digits = 0;
        i++;
        continue;
      }
      if (c2 != C_WORD) break;
      for (size_t k = 0; k < w; k++) {
        unsigned char c = t[i + k];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c < '0' || c > '9') digits = 0;
        if (n < EV_WORD_MAX) buf[n++] = (char)c;
      }
      i += w;
    }
    /* "don't" -> "do" "not": a word ending in n followed by 't */
    if (i + 1 < len && n > 1 && buf[n - 1] == 'n') {
      size_t aw;
      if (char_class(t, i, len, &aw) == C_APOS && i + aw < len &&
          (t[i + aw] == 't' || t[i + aw] == 'T') &&
          (i + aw + 1 >= len || char_class(t, i + aw + 1, len, &(size_t){0}) != C_WORD)) {
        orb_status st = push(out, lookup(dict, buf, n - 1, add), start, i - 1, 0);
        if (!st) st = push(out, lookup(dict, "not", 3, add), i - 1, i + aw + 1, 0);
        if (st) return st;
        i += aw + 1;
        continue;
      }
    }
    uint32_t id = lookup(dict, buf, n, add);
    if (add && !id) return ORB_ENOMEM;
    orb_status st = push(out, id, start, i, digits ? EV_TF_DIGITS : 0);
    if (st) return st;
  }
  if (out->count) out->items[out->count - 1].flags |= EV_TF_SENT_END;
  return ORB_OK;
}

orb_status ev_tokenize(orb_dict *dict, const char *text, size_t len, int add,
                       ev_tokens *out) {
  return tokenize(dict, text, len, add, out);
}

orb_status ev_tokenize_const(const orb_dict *dict, const char *text, size_t len,
                             ev_tokens *out) {
  /* With add == 0 the dictionary is only read: the cast drops no guarantee. */
  return tokenize((orb_dict *)dict, text, len, 0, out);
}

orb_status orb_text_check_file(const char *path, orb_diags *diags) {
  int fd;
  long long size;
  orb_status st = input_open(path, "text file", &fd, &size, diags);
  if (st != ORB_OK) return st;
  if (size < 0) { /* a pipe can be read once: it is checked as it streams */
    close(fd);
    return ORB_OK;
  }
  input_utf8 state;
  input_utf8_init(&state);
  static char buf[65536];
  ssize_t n;
  while (st == ORB_OK && (n = read(fd, buf, sizeof buf)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      orb_diags_add(diags, path, 0, 0, "cannot read the text file: %s", strerror(errno));
      st = ORB_EIO;
      break;
    }
    st = input_utf8_check(&state, path, buf, (size_t)n, diags);
  }
  if (st == ORB_OK) st = input_utf8_end(&state, path, diags);
  close(fd);
  return st;
}
