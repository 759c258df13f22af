/*
 * when.c: the date a sentence speaks of, from its date phrases resolved against
 * the article date (docs/MODEL.md, "Coding events from text").
 *
 * Recognised, leftmost first: "August 6" / "6 August" [YEAR], "September 2022",
 * "in January" [this year | last year | next year], weekdays ("on Wednesday":
 * the latest such day not after the article date, or the next one in a
 * sentence with "will", "shall" or "tomorrow", or after "next"), "yesterday",
 * "today", "tomorrow", "last/next week", "last/next month", "last/next year",
 * and a year after in/since/between/from/during/until/by.
 * A month or day without a year takes the article's year, or the year before
 * when that would put it after the article date; in a sentence about the
 * future, the year after when it would put it before; after a bound ("from",
 * "until", "by", "starting"...) the year that puts it nearest the article date.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "events/lexicon.h"

static const char *const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december"
};
static const char *const month_short[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"
};
static const char *const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};
static const char *const year_words[] = {
  "in", "since", "between", "from", "during", "until", "by"
};

/* Whether token t of text is the word w (case-insensitive). */
static int is_word(const char *text, const ev_token *t, const char *w) {
  size_t n = t->end - t->start;
  return strlen(w) == n && strncasecmp(text + t->start, w, n) == 0;
}

/* Index of the token's word in names[0..count), or -1. */
static int word_index(const char *text, const ev_token *t, const char *const *names,
                      int count) {
  for (int i = 0; i < count; i++)
    if (is_word(text, t, names[i])) return i;
  return -1;
}

/* Month (1..12) named by a token, or 0; "may" only when capitalised. */
static int month_of(const char *text, const ev_token *t) {
  int m = word_index(text, t, month_names, 12);
  if (m < 0) m = word_index(text, t, month_short, 12);
  if (m == 4 && text[t->start] != 'M') return 0; /* the verb "may" */
  return m + 1;
}

/* Value of a digits-only token (at most 4 digits), or -1. */
static int number_of(const char *text, const ev_token *t) {
  size_t n = t->end - t->start;
  if (!(t->flags & EV_TF_DIGITS) || n > 4) return -1;
  int v = 0;
  for (size_t i = 0; i < n; i++) v = v * 10 + (text[t->start + i] - '0');
  return v;
}

/* A year token (1900..2099), or -1. */
static int year_of(const char *text, const ev_token *t) {
  int v = t->end - t->start == 4 ? number_of(text, t) : -1;
  return v >= 1900 && v <= 2099 ? v : -1;
}

/* The article's year, month, day. */
static void split_article(orb_date article, int *y, int *m, int *d) {
  orb_date_to_ymd(article, y, m, d);
}

/* How a month or day without a year is placed around the article date. */
typedef enum when_look {
  WHEN_PAST,    /* a report: not after the article date */
  WHEN_NEAR,    /* "from 1 January", "until 30 November": the nearest one */
  WHEN_FUTURE   /* "will meet on 3 March": not before the article date */
} when_look;

/* Year of month m (and day d) without a year, by look: the article's year, the
 * one before or the one after. */
static int implied_year(orb_date article, int m, int d, when_look look) {
  int ay, am, ad;
  split_article(article, &ay, &am, &ad);
  int later = m > am || (m == am && d > ad);
  int earlier = m < am || (m == am && d < ad);
  if (look == WHEN_PAST) return later ? ay - 1 : ay;
  if (look == WHEN_FUTURE) return earlier ? ay + 1 : ay;
  /* nearest of the three candidate years */
  int best = ay;
  long best_gap = -1;
  for (int y = ay - 1; y <= ay + 1; y++) {
    long gap = labs((long)(orb_date_from_ymd(y, m, d) - article));
    if (best_gap < 0 || gap < best_gap) { best = y; best_gap = gap; }
  }
  return best;
}

/* Words before a date that make it a bound looking both ways ("from 1 January",
 * "until 30 November", "starting March", "by June"). */
static const char *const bound_words[] = {
  "from", "until", "till", "by", "starting", "through", "effective", "before"
};

/* Words that make a sentence speak of the future. */
static const char *const future_words[] = { "will", "shall", "tomorrow" };

int ev_sentence_date(const char *text, const ev_token *tok, size_t count,
                     orb_date article, orb_date *date, orb_precision *precision) {
  int known = article != ORB_DATE_NONE;
  int future = 0; /* "will": a weekday or a month is the next one, not the last */
  for (size_t i = 0; i < count && !future; i++)
    future = word_index(text, &tok[i], future_words, 3) >= 0;
  for (size_t i = 0; i < count; i++) {
    const ev_token *t = &tok[i];
    const ev_token *next = i + 1 < count ? &tok[i + 1] : NULL;
    const ev_token *next2 = i + 2 < count ? &tok[i + 2] : NULL;
    int m = month_of(text, t);
    if (m) {
      int day = next ? number_of(text, next) : -1;
      int before = i > 0 ? number_of(text, &tok[i - 1]) : -1;
      int year = -1;
      if (day >= 1 && day <= 31 && (!next || next->end - next->start <= 2)) {
        year = next2 ? year_of(text, next2) : -1;
      } else if (before >= 1 && before <= 31) {
        day = before;
        year = next ? year_of(text, next) : -1;
      } else {
        day = 0;
        year = next ? year_of(text, next) : -1;
        if (year < 0 && next && next2 && is_word(text, next2, "year") && known) {
          int ay;
          split_article(article, &ay, NULL, NULL);
          if (is_word(text, next, "this")) year = ay;
          else if (is_word(text, next, "last")) year = ay - 1;
          else if (is_word(text, next, "next")) year = ay + 1;
        }
      }
      if (year < 0) {
        if (!known) continue;
        /* the word before the phrase: "from" 1 January, "until" November */
        size_t first = before >= 1 && before <= 31 ? i - 1 : i;
        when_look look = future ? WHEN_FUTURE : WHEN_PAST;
        if (first > 0 && word_index(text, &tok[first - 1], bound_words, 8) >= 0)
          look = WHEN_NEAR;
        /* a month alone is placed by its middle day */
        year = implied_year(article, m, day > 0 ? day : 15, look);
      }
      *date = orb_date_from_ymd(year, m, day > 0 ? day : 1);
      *precision = day > 0 ? ORB_PREC_DAY : ORB_PREC_MONTH;
      return 1;
    }
    int wd = word_index(text, t, weekday_names, 7);
    if (wd >= 0 && known) {
      int article_wd = (int)(((article + 3) % 7 + 7) % 7); /* 1970-01-01: Thursday */
      int ahead = future || (i > 0 && is_word(text, &tok[i - 1], "next"));
      *date = ahead ? article + (wd - article_wd + 7) % 7
                     : article - (article_wd - wd + 7) % 7;
      *precision = ORB_PREC_DAY;
      return 1;
    }
    if (known && is_word(text, t, "yesterday")) {
      *date = article - 1;
      *precision = ORB_PREC_DAY;
      return 1;
    }
    if (known && is_word(text, t, "tomorrow")) {
      *date = article + 1;
      *precision = ORB_PREC_DAY;
      return 1;
    }
    if (known && is_word(text, t, "today")) {
      *date = article;
      *precision = ORB_PREC_DAY;
      return 1;
    }
    int step = !next ? 0 : is_word(text, t, "last") ? -1 : is_word(text, t, "next") ? 1 : 0;
    if (known && step) {
      int ay, am, ad;
      split_article(article, &ay, &am, &ad);
      if (is_word(text, next, "week")) {
        *date = article + 7 * step;
        *precision = ORB_PREC_DAY;
        return 1;
      }
      if (is_word(text, next, "month")) {
        int mm = am + step, yy = ay;
        if (mm < 1) { mm = 12; yy--; }
        if (mm > 12) { mm = 1; yy++; }
        *date = orb_date_from_ymd(yy, mm, 1);
        *precision = ORB_PREC_MONTH;
        return 1;
      }
      if (is_word(text, next, "year")) {
        *date = orb_date_from_ymd(ay + step, 1, 1);
        *precision = ORB_PREC_YEAR;
        return 1;
      }
    }
    int year = year_of(text, t);
    if (year > 0 && i > 0 && word_index(text, &tok[i - 1], year_words, 7) >= 0) {
      *date = orb_date_from_ymd(year, 1, 1);
      *precision = ORB_PREC_YEAR;
      return 1;
    }
  }
  return 0;
}

int ev_date_header(const char *line, size_t len, orb_date *date) {
  size_t i = 0;
  while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
  if (len - i < 5 || strncasecmp(line + i, "date:", 5) != 0) return 0;
  i += 5;
  while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
  size_t end = len;
  while (end > i && isspace((unsigned char)line[end - 1])) end--;
  return end > i && orb_date_parse(line + i, end - i, date, NULL) == ORB_OK;
}
