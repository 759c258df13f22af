/*
 * when.c: the date a sentence speaks of, from its date phrases resolved against
 * the article date (docs/MODEL.md, "Coding events from text").
 *
 * Recognised, leftmost first: "August 6" / "6 August" [YEAR], "September 2022",
 * "in January" [this year | last year | next year], weekdays ("on Wednesday":
 * the latest such day not after the article date, or the next one in a
 * sentence with "will", "shall" or "tomorrow", or after "next"), "yesterday",
 * "today", "tomorrow", "last/next week", "last/next month", "last/next year",
 * "this/last/next month", "this year", "the end of the year/month/2024" (its
 * last month), "in two weeks", "within 10 days", "in three months", and a year
 * after in/since/between/from/during/until/by. In a sentence with "will",
 * "would" or "shall", a date after "from", "starting", "effective",
 * "beginning" or "by" is the act's and wins over an earlier date of the report
 * ("said on Saturday it would halt supplies from January 1").
 * A month or day without a year takes the article's year, or the year before
 * when that would put it after the article date; in a sentence about the
 * future, the year after when it would put it before; after a bound ("from",
 * "until", "by", "starting"...) the year that puts it nearest the article date.
 * A month after "before" (a deadline) or after "of" and a noun that is not a
 * time ("the ceasefire agreement of August 2008") dates no act.
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

int ev_month_of(const char *text, const ev_token *t) {
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

/* Nouns of time before "of" that leave the date the act's ("the night of 7
 * August", "the end of March"); any other noun owns it. */
static const char *const time_nouns[] = {
  "end", "beginning", "middle", "start", "night", "morning", "evening", "afternoon",
  "eve", "day", "week", "month"
};
#define TIME_NOUNS ((int)(sizeof time_nouns / sizeof *time_nouns))

/* Words that make a sentence speak of the future. */
static const char *const future_words[] = { "will", "shall", "tomorrow" };

/* Words that make a reported act lie ahead of its report ("said it would"). */
static const char *const modal_words[] = { "will", "would", "shall", "tomorrow" };

/* Bounds after which a date is when the act starts or is due: "halt supplies
 * from January 1", "build it by July 1". In a sentence about the future such a
 * date wins over the date of the report ("said on Saturday"). */
static const char *const start_words[] = {
  "from", "starting", "effective", "beginning", "by"
};

/* Number words for "in two weeks". */
static const char *const number_words[] = {
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve"
};

/* What the reader of one date phrase knows of its sentence. */
typedef struct when_ctx {
  const char *text;
  const ev_token *tok;
  size_t count;
  orb_date article; /* ORB_DATE_NONE when unknown */
  int future;       /* "will", "shall", "tomorrow" in the sentence */
} when_ctx;

/* The year, month and day of the article. */
static void article_ymd(const when_ctx *w, int *y, int *m, int *d) {
  split_article(w->article, y, m, d);
}

/* Whether token i is word (false when i is out of range). */
static int word_at(const when_ctx *w, size_t i, const char *word) {
  return i < w->count && is_word(w->text, &w->tok[i], word);
}

/* A month of year y and month m + step (step may be negative). */
static orb_date month_step(int y, int m, int step) {
  int index = y * 12 + (m - 1) + step;
  return orb_date_from_ymd(index / 12, index % 12 + 1, 1);
}

/* Reads "the end of the year", "the end of this/next month", "the end of
 * 2024" starting at token i ("end"), the month or year of that end:
 * 1 with *date, *precision, *used (tokens read), else 0. */
static int end_of(const when_ctx *w, size_t i, orb_date *date, orb_precision *precision,
                  size_t *used) {
  if (!word_at(w, i, "end") || !word_at(w, i + 1, "of")) return 0;
  size_t k = i + 2;
  if (word_at(w, k, "the")) k++;
  int step = word_at(w, k, "next") ? 1 : word_at(w, k, "last") ? -1 : 0;
  if (step || word_at(w, k, "this")) k++;
  int year = k < w->count ? year_of(w->text, &w->tok[k]) : -1;
  if (year > 0) {
    *date = orb_date_from_ymd(year, 12, 1);
  } else {
    if (w->article == ORB_DATE_NONE) return 0;
    int ay, am, ad;
    article_ymd(w, &ay, &am, &ad);
    if (word_at(w, k, "year")) *date = orb_date_from_ymd(ay + step, 12, 1);
    else if (word_at(w, k, "month")) *date = month_step(ay, am, step);
    else return 0;
  }
  *precision = ORB_PREC_MONTH;
  *used = k + 1 - i;
  return 1;
}

/* Reads "in two weeks", "within 10 days", "in three months" at token i ("in"
 * or "within"): 1 with the date (days and weeks: the day; months: the month). */
static int in_period(const when_ctx *w, size_t i, orb_date *date, orb_precision *precision) {
  if (w->article == ORB_DATE_NONE || i + 2 >= w->count ||
      !(word_at(w, i, "in") || word_at(w, i, "within")))
    return 0;
  const ev_token *n = &w->tok[i + 1];
  int amount = number_of(w->text, n);
  if (amount < 0) {
    int k = word_index(w->text, n, number_words, 12);
    amount = k >= 0 ? k + 1 : is_word(w->text, n, "a") ? 1 : -1;
  }
  if (amount < 1 || amount > 366) return 0;
  const ev_token *unit = &w->tok[i + 2];
  if (is_word(w->text, unit, "days") || is_word(w->text, unit, "day")) {
    *date = w->article + amount;
    *precision = ORB_PREC_DAY;
  } else if (is_word(w->text, unit, "weeks") || is_word(w->text, unit, "week")) {
    *date = w->article + 7 * amount;
    *precision = ORB_PREC_DAY;
  } else if (is_word(w->text, unit, "months") || is_word(w->text, unit, "month")) {
    int ay, am, ad;
    article_ymd(w, &ay, &am, &ad);
    *date = month_step(ay, am, amount);
    *precision = ORB_PREC_MONTH;
  } else {
    return 0;
  }
  return 1;
}

/* Reads a date phrase starting at token i: 1 with *date and *precision, and
 * *starts set when the phrase follows one of start_words; 0 when token i
 * starts none. */
static int phrase_at(const when_ctx *w, size_t i, orb_date *date, orb_precision *precision,
                     int *starts) {
  const char *text = w->text;
  const ev_token *tok = w->tok;
  const ev_token *t = &tok[i];
  const ev_token *next = i + 1 < w->count ? &tok[i + 1] : NULL;
  const ev_token *next2 = i + 2 < w->count ? &tok[i + 2] : NULL;
  int known = w->article != ORB_DATE_NONE;
  *starts = i > 0 && word_index(text, &tok[i - 1], start_words, 5) >= 0;
  int m = ev_month_of(text, t);
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
        split_article(w->article, &ay, NULL, NULL);
        if (is_word(text, next, "this")) year = ay;
        else if (is_word(text, next, "last")) year = ay - 1;
        else if (is_word(text, next, "next")) year = ay + 1;
      }
    }
    /* the word before the phrase: "from" 1 January, "until" November, "the
     * end of" March */
    size_t first = before >= 1 && before <= 31 ? i - 1 : i;
    if (first > 0) *starts = word_index(text, &tok[first - 1], start_words, 5) >= 0;
    if (first > 0 && is_word(text, &tok[first - 1], "before")) return 0; /* a deadline:
                                                                          the act is earlier */
    if (first > 1 && is_word(text, &tok[first - 1], "of") &&
        word_index(text, &tok[first - 2], time_nouns, TIME_NOUNS) < 0)
      return 0; /* "the ceasefire agreement of August 2008": the thing's date, not the act's */
    if (year < 0) {
      if (!known) return 0;
      when_look look = w->future ? WHEN_FUTURE : WHEN_PAST;
      if (first > 0 && word_index(text, &tok[first - 1], bound_words, 8) >= 0)
        look = WHEN_NEAR;
      if (first > 1 && is_word(text, &tok[first - 1], "of") &&
          (is_word(text, &tok[first - 2], "end") || is_word(text, &tok[first - 2], "beginning")))
        look = WHEN_NEAR;
      /* a month alone is placed by its middle day */
      year = implied_year(w->article, m, day > 0 ? day : 15, look);
    }
    *date = orb_date_from_ymd(year, m, day > 0 ? day : 1);
    *precision = day > 0 ? ORB_PREC_DAY : ORB_PREC_MONTH;
    return 1;
  }
  int wd = word_index(text, t, weekday_names, 7);
  if (wd >= 0 && known) {
    int article_wd = (int)(((w->article + 3) % 7 + 7) % 7); /* 1970-01-01: Thursday */
    int ahead = w->future || (i > 0 && is_word(text, &tok[i - 1], "next"));
    *date = ahead ? w->article + (wd - article_wd + 7) % 7
                  : w->article - (article_wd - wd + 7) % 7;
    *precision = ORB_PREC_DAY;
    return 1;
  }
  if (known && is_word(text, t, "yesterday")) {
    *date = w->article - 1;
    *precision = ORB_PREC_DAY;
    return 1;
  }
  if (known && is_word(text, t, "tomorrow")) {
    *date = w->article + 1;
    *precision = ORB_PREC_DAY;
    return 1;
  }
  if (known && is_word(text, t, "today")) {
    *date = w->article;
    *precision = ORB_PREC_DAY;
    return 1;
  }
  size_t used = 0;
  if (end_of(w, i, date, precision, &used)) {
    *starts = i > 1 && is_word(text, &tok[i - 1], "the") &&
              word_index(text, &tok[i - 2], start_words, 5) >= 0;
    return 1;
  }
  if (in_period(w, i, date, precision)) {
    *starts = 1; /* "will deploy in two weeks": when the act is due */
    return 1;
  }
  int step = !next ? 0 : is_word(text, t, "last") ? -1 : is_word(text, t, "next") ? 1
                       : is_word(text, t, "this") ? 0 : 2;
  if (known && step != 2 && next) {
    int ay, am, ad;
    split_article(w->article, &ay, &am, &ad);
    if (step && is_word(text, next, "week")) {
      *date = w->article + 7 * step;
      *precision = ORB_PREC_DAY;
      return 1;
    }
    if (is_word(text, next, "month")) {
      *date = month_step(ay, am, step);
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
  return 0;
}

int ev_sentence_date(const char *text, const ev_token *tok, size_t count,
                     orb_date article, orb_date *date, orb_precision *precision) {
  when_ctx w = {.text = text, .tok = tok, .count = count, .article = article};
  int modal = 0; /* "will", "would": a date after "from", "by" may be the act's */
  for (size_t i = 0; i < count; i++) {
    w.future |= word_index(text, &tok[i], future_words, 3) >= 0;
    modal |= word_index(text, &tok[i], modal_words, 4) >= 0;
  }
  int found = 0;
  for (size_t i = 0; i < count; i++) {
    orb_date d;
    orb_precision p;
    int starts = 0;
    if (!phrase_at(&w, i, &d, &p, &starts)) continue;
    if (!found) {
      *date = d;
      *precision = p;
      found = 1;
      if (!modal || starts) return 1;
    } else if (starts) {
      /* "Gazprom said on Saturday it would halt supplies from January 1" */
      *date = d;
      *precision = p;
      return 1;
    }
  }
  return found;
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
