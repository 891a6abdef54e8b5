/*
 * Calendar dates as day numbers since 1970-01-01 in the proleptic Gregorian
 * calendar, their YYYY-MM-DD form, and the clamped month arithmetic and
 * durations of mvb(1) VALUES. Integer arithmetic only; nothing passes
 * 9999-12-31.
 */
#include <assert.h>
#include <stdio.h>
#include <time.h>

#include "date.h"

/* Locale-independent, unlike isdigit(). */
#define ISDIGIT(c) ((c) >= '0' && (c) <= '9')

#define YEAR_MIN 1900
#define YEAR_MAX 9999
#define DURATION_MAX 9999

/*
 * Years are counted from 1 March so that the leap day, when there is one,
 * is the last day of its year. Day 0 is 0000-03-01, which lies this many
 * days before 1970-01-01.
 */
#define DAYS_TO_EPOCH 719468
#define DAYS_400Y 146097	/* 97 leap days in 400 years */
#define DAYS_100Y 36524		/* 24 leap days in a century but the 4th */
#define DAYS_4Y 1461		/* 1 leap day in 4 years but a century's last */

/* First day of each month in a year that starts on 1 March. */
static const int march_start[12] = {
	0, 31, 61, 92, 122, 153, 184, 214, 245, 275, 306, 337
};

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int	 mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	assert(m >= 1 && m <= 12);
	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

int32_t
date_from_ymd(int y, int m, int d)
{
	int32_t	 n;

	assert(y >= 1 && y <= YEAR_MAX);
	assert(m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m));
	/* January and February end the March year before. */
	if (m <= 2) {
		y--;
		m += 12;
	}
	n = 365 * y + y / 4 - y / 100 + y / 400;
	n += march_start[m - 3] + d - 1;
	return n - DAYS_TO_EPOCH;
}

void
date_to_ymd(int32_t date, int *y, int *m, int *d)
{
	int32_t	 z, q400, q100, q4, q1;
	int	 i;

	z = date + DAYS_TO_EPOCH;
	assert(z >= 0);
	q400 = z / DAYS_400Y;
	z %= DAYS_400Y;
	/* A cycle's 4th century and a block's 4th year are a day longer. */
	if ((q100 = z / DAYS_100Y) == 4)
		q100 = 3;
	z -= q100 * DAYS_100Y;
	q4 = z / DAYS_4Y;
	z %= DAYS_4Y;
	if ((q1 = z / 365) == 4)
		q1 = 3;
	z -= q1 * 365;

	for (i = 11; march_start[i] > z; i--)
		/* nothing */;
	*y = (int)(400 * q400 + 100 * q100 + 4 * q4 + q1);
	*m = i + 3;
	*d = (int)(z - march_start[i]) + 1;
	if (*m > 12) {
		*m -= 12;
		(*y)++;
	}
}

/* Read n digits of s as a number; -1 unless they all are digits. */
static int
digits(const char *s, int n)
{
	int	 v = 0;

	for (; n > 0; n--, s++) {
		if (!ISDIGIT(*s))
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

int
date_parse(const char *s, int32_t *out)
{
	int	 y, m, d;

	/* Each test stops at the NUL, so nothing is read past the string. */
	if ((y = digits(s, 4)) == -1 || s[4] != '-' ||
	    (m = digits(s + 5, 2)) == -1 || s[7] != '-' ||
	    (d = digits(s + 8, 2)) == -1 || s[10] != '\0')
		return -1;
	if (y < YEAR_MIN || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

char *
date_format(int32_t date, char *buf)
{
	int	 y, m, d;

	assert(date >= DATE_MIN && date <= DATE_MAX);
	date_to_ymd(date, &y, &m, &d);
	/* By hand, not snprintf: bulk imports and exports format millions. */
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

int32_t
date_add_months(int32_t date, int months)
{
	int	 y, m, d, from, last;

	assert(months >= 0);
	date_to_ymd(date, &y, &m, &d);
	/* Months counted from year 0; compared first, so months never wraps. */
	from = y * 12 + (m - 1);
	last = YEAR_MAX * 12 + 11;
	if (from > last || months > last - from)
		return DATE_MAX;
	from += months;
	y = from / 12;
	m = from % 12 + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	return date_from_ymd(y, m, d);
}

int32_t
date_add_days(int32_t date, int32_t days)
{
	assert(days >= 0);
	if (date > DATE_MAX || days > DATE_MAX - date)
		return DATE_MAX;
	return date + days;
}

int
duration_parse(const char *s, struct duration *out)
{
	int	 n = 0;

	if (!ISDIGIT(*s))
		return -1;
	/* Leading zeros are allowed, so stop on the value, not the length. */
	for (; ISDIGIT(*s); s++) {
		n = n * 10 + (*s - '0');
		if (n > DURATION_MAX)
			return -1;
	}
	switch (*s) {
	case 'd':
	case 'w':
	case 'm':
	case 'y':
		break;
	default:
		return -1;
	}
	if (s[1] != '\0')
		return -1;
	out->n = n;
	out->unit = *s;
	return 0;
}

char *
duration_format(const struct duration *dur, char *buf)
{
	assert(dur->n >= 0 && dur->n <= DURATION_MAX);
	snprintf(buf, 8, "%d%c", dur->n, dur->unit);
	return buf;
}

int32_t
date_add_duration(int32_t date, const struct duration *dur)
{
	assert(dur->n >= 0 && dur->n <= DURATION_MAX);
	switch (dur->unit) {
	case 'd':
		return date_add_days(date, dur->n);
	case 'w':
		return date_add_days(date, dur->n * 7);
	case 'm':
		return date_add_months(date, dur->n);
	case 'y':
		return date_add_months(date, dur->n * 12);
	}
	assert(!"bad duration unit");
	return date;
}

int32_t
date_today(void)
{
	struct tm	 tm;
	time_t		 t;

	/* A clock far outside the range still gives a date we can print. */
	t = time(NULL);
	if (localtime_r(&t, &tm) == NULL)
		return DATE_MIN;
	if (tm.tm_year + 1900 < YEAR_MIN)
		return DATE_MIN;
	if (tm.tm_year + 1900 > YEAR_MAX)
		return DATE_MAX;
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
