/*
 * Calendar dates as day numbers, the YYYY-MM-DD form and the month
 * arithmetic of mvb(1) VALUES: adding months clamps to the end of the month and
 * nothing passes 9999-12-31.
 */
#ifndef MVB_DATE_H
#define MVB_DATE_H

#include <stdint.h>

/* A date is a count of days since 1970-01-01 (negative before it). */
#define DATE_MIN (-25567)	/* 1900-01-01 */
#define DATE_MAX 2932896	/* 9999-12-31 */
#define DATE_BUFSZ 11		/* "YYYY-MM-DD" and its NUL */

/* The day number of a real calendar date; the caller checks the range. */
int32_t date_from_ymd(int y, int m, int d);
void date_to_ymd(int32_t date, int *y, int *m, int *d);

/*
 * Parse exactly "YYYY-MM-DD": four digits, dash, two, dash, two, nothing
 * else; a real date between 1900-01-01 and 9999-12-31. Returns 0 and stores
 * the day number, or -1 (nothing recorded: the caller names the field).
 */
int date_parse(const char *s, int32_t *out);
/* Write "YYYY-MM-DD" into buf (at least DATE_BUFSZ bytes); returns buf. */
char *date_format(int32_t date, char *buf);

/*
 * date + months (months >= 0), clamped to the last day of the resulting
 * month: 2024-02-29 + 12 = 2025-02-28. A result past 9999-12-31 is
 * 9999-12-31.
 */
int32_t date_add_months(int32_t date, int months);
/* date + days (days >= 0), stopping at 9999-12-31. */
int32_t date_add_days(int32_t date, int32_t days);

/* A duration: N days, weeks, months or years, 0 <= N <= 9999. */
struct duration {
	int	n;
	char	unit;		/* 'd', 'w', 'm' or 'y' */
};

/* Parse "N" + unit; returns 0 or -1 (nothing recorded). */
int duration_parse(const char *s, struct duration *out);
/* Write the canonical form ("30d") into buf (at least 8 bytes). */
char *duration_format(const struct duration *dur, char *buf);
/* date + duration, months and years by date_add_months(). */
int32_t date_add_duration(int32_t date, const struct duration *dur);

/* Today's local date, as the operating system sees it. */
int32_t date_today(void);

#endif
