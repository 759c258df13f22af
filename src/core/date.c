/*
 * date.c: calendar dates as day numbers (days since 1970-01-01), after Howard
 * Hinnant's "chrono-compatible low-level date algorithms" (public domain).
 */
#include "orbit/core.h"

orb_date orb_date_from_ymd(int year, int month, int day) {
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (orb_date)(era * 146097 + doe - 719468);
}

void orb_date_to_ymd(orb_date date, int *year, int *month, int *day) {
  int z = date + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);
  if (year) *year = yoe + era * 400 + (m <= 2);
  if (month) *month = m;
  if (day) *day = d;
}

static int days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

/* Reads exactly `digits` decimal digits at text; -1 if any is not a digit. */
static int read_digits(const char *text, int digits) {
  int value = 0;
  for (int i = 0; i < digits; i++) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

orb_status orb_date_parse(const char *text, size_t len, orb_date *date,
                          orb_precision *precision) {
  if (len != 4 && len != 7 && len != 10) return ORB_EINVAL;
  int year = read_digits(text, 4), month = 1, day = 1;
  if (year < 1000 || year > 2999) return ORB_EINVAL;
  orb_precision prec = ORB_PREC_YEAR;
  if (len >= 7) {
    if (text[4] != '-') return ORB_EINVAL;
    month = read_digits(text + 5, 2);
    if (month < 1 || month > 12) return ORB_EINVAL;
    prec = ORB_PREC_MONTH;
  }
  if (len == 10) {
    if (text[7] != '-') return ORB_EINVAL;
    day = read_digits(text + 8, 2);
    if (day < 1 || day > days_in_month(year, month)) return ORB_EINVAL;
    prec = ORB_PREC_DAY;
  }
  *date = orb_date_from_ymd(year, month, day);
  if (precision) *precision = prec;
  return ORB_OK;
}

void orb_date_format(orb_date date, orb_precision precision, char buf[11]) {
  int y, m, d;
  orb_date_to_ymd(date, &y, &m, &d);
  if (y < 0 || y > 9999) y = 0; /* keeps the text within buf for any day number */
  const int parts[3] = {y, m, d};
  const int widths[3] = {4, 2, 2};
  int count = precision == ORB_PREC_YEAR ? 1 : precision == ORB_PREC_MONTH ? 2 : 3;
  char *out = buf;
  for (int p = 0; p < count; p++) {
    if (p) *out++ = '-';
    for (int k = widths[p] - 1, v = parts[p]; k >= 0; k--, v /= 10) out[k] = (char)('0' + v % 10);
    out += widths[p];
  }
  *out = '\0';
}

orb_date orb_date_last_day(orb_date date, orb_precision precision) {
  int year, month;
  orb_date_to_ymd(date, &year, &month, NULL);
  if (precision == ORB_PREC_YEAR) return orb_date_from_ymd(year + 1, 1, 1) - 1;
  if (precision == ORB_PREC_MONTH)
    return (month == 12 ? orb_date_from_ymd(year + 1, 1, 1)
                        : orb_date_from_ymd(year, month + 1, 1)) - 1;
  return date;
}
