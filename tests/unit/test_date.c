/*
 * Unit tests of date.c: the strict YYYY-MM-DD parser and its range, the
 * day-number conversions checked against a plain calendar walk over every
 * date, month arithmetic clamped to the month end and to 9999-12-31, and
 * durations.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <time.h>

#include "date.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static int32_t
parse_ok(const char *s)
{
	int32_t	 v = INT32_MIN;

	if (date_parse(s, &v) != 0)
		fail_msg("'%s' rejected", s);
	return v;
}

static void
assert_date_rejected(const char *s)
{
	int32_t	 v = 42;

	if (date_parse(s, &v) != -1)
		fail_msg("'%s' accepted", s);
	assert_int_equal(v, 42);
}

static void
assert_add_months(const char *from, int months, const char *want)
{
	char	 buf[DATE_BUFSZ];

	date_format(date_add_months(parse_ok(from), months), buf);
	assert_string_equal(buf, want);
}

static void
assert_add_days(const char *from, int32_t days, const char *want)
{
	char	 buf[DATE_BUFSZ];

	date_format(date_add_days(parse_ok(from), days), buf);
	assert_string_equal(buf, want);
}

static struct duration
duration_ok(const char *s)
{
	struct duration	 dur = { -1, '?' };

	if (duration_parse(s, &dur) != 0)
		fail_msg("'%s' rejected", s);
	return dur;
}

static void
assert_add_duration(const char *from, const char *dur, const char *want)
{
	struct duration	 d = duration_ok(dur);
	char		 buf[DATE_BUFSZ];

	date_format(date_add_duration(parse_ok(from), &d), buf);
	assert_string_equal(buf, want);
}

static void
test_date_parse_accepts_real_dates(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1970-01-01"), 0);
	assert_int_equal(parse_ok("1970-01-02"), 1);
	assert_int_equal(parse_ok("1969-12-31"), -1);
	assert_int_equal(parse_ok("2000-01-01"), 10957);
	assert_int_equal(parse_ok("2000-03-01"), 11017);
	assert_int_equal(parse_ok("2025-06-15"), 20254);
	assert_int_equal(parse_ok("2025-12-31") - parse_ok("2025-01-01"), 364);
}

static void
test_date_parse_rejects_malformed_forms(void **state)
{
	static const char *bad[] = {
		"", "2025", "2025-", "2025-01", "2025-01-", "2025-01-0",
		"2025-1-01", "2025-01-1", "25-01-01", "02025-01-01",
		"2025-01-011", "2025-01-01 ", " 2025-01-01", "2025-01-01\n",
		"2025-01-01T00:00", "2025/01/01", "2025.01.01", "20250101",
		"2025_01_01", "2025--01-01", "2025-01--1", "+2025-01-01",
		"-2025-01-01", "2025-+1-01", "2025-01-+1", "2025- 1-01",
		"2025-01- 1", "2025-0a-01", "2025-01-0x", "x025-01-01",
		"２０２５-01-01", "01-01-2025", "2025-1-1", "abcd-ef-gh",
		"2025-01-01x", "2025-01-01-",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++)
		assert_date_rejected(bad[i]);
}

static void
test_date_parse_takes_1900_to_9999_only(void **state)
{
	(void)state;
	parse_ok("1900-01-01");
	parse_ok("9999-12-31");
	assert_date_rejected("1899-12-31");
	assert_date_rejected("0000-01-01");
	assert_date_rejected("0001-01-01");
	assert_date_rejected("10000-01-01");
}

static void
test_date_parse_rejects_month_and_day_out_of_range(void **state)
{
	static const char *bad[] = {
		"2025-00-01", "2025-13-01", "2025-99-01", "2025-01-00",
		"2025-01-32", "2025-01-99", "2025-04-31", "2025-06-31",
		"2025-09-31", "2025-11-31", "2025-02-30", "2024-02-30",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++)
		assert_date_rejected(bad[i]);
	parse_ok("2025-01-31");
	parse_ok("2025-04-30");
	parse_ok("2025-12-31");
}

static void
test_date_parse_follows_leap_year_rules(void **state)
{
	(void)state;
	parse_ok("2024-02-29");
	parse_ok("2000-02-29");
	parse_ok("2400-02-29");
	parse_ok("1904-02-29");
	parse_ok("9996-02-29");
	assert_date_rejected("2025-02-29");
	assert_date_rejected("2023-02-29");
	assert_date_rejected("1900-02-29");
	assert_date_rejected("2100-02-29");
	assert_date_rejected("9999-02-29");
	parse_ok("2025-02-28");
	parse_ok("1900-02-28");
}

static void
test_date_min_and_max_are_the_parsed_bounds(void **state)
{
	char	 buf[DATE_BUFSZ];

	(void)state;
	assert_int_equal(parse_ok("1900-01-01"), DATE_MIN);
	assert_int_equal(parse_ok("9999-12-31"), DATE_MAX);
	assert_string_equal(date_format(DATE_MIN, buf), "1900-01-01");
	assert_string_equal(date_format(DATE_MAX, buf), "9999-12-31");
}

static void
test_date_format_pads_every_field(void **state)
{
	char	 buf[DATE_BUFSZ], *p;

	(void)state;
	p = date_format(parse_ok("2025-03-04"), buf);
	assert_ptr_equal(p, buf);
	assert_string_equal(buf, "2025-03-04");
	assert_string_equal(date_format(0, buf), "1970-01-01");
	assert_string_equal(date_format(-1, buf), "1969-12-31");
}

/*
 * Walks the calendar a day at a time, with month lengths that owe nothing
 * to date.c, and checks every conversion against it over the whole range.
 */
static void
test_date_conversions_agree_with_calendar_on_every_day(void **state)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	char	 want[64], buf[DATE_BUFSZ];
	int32_t	 date, back;
	int	 y = 1900, m = 1, d = 1, gy, gm, gd, len;

	(void)state;
	for (date = DATE_MIN; date <= DATE_MAX; date++) {
		date_to_ymd(date, &gy, &gm, &gd);
		if (gy != y || gm != m || gd != d)
			fail_msg("day %ld is %04d-%02d-%02d, not "
			    "%04d-%02d-%02d", (long)date, gy, gm, gd, y, m, d);
		if (date_from_ymd(y, m, d) != date)
			fail_msg("%04d-%02d-%02d is not day %ld", y, m, d,
			    (long)date);
		snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
		assert_string_equal(date_format(date, buf), want);
		back = INT32_MIN;
		assert_int_equal(date_parse(buf, &back), 0);
		assert_int_equal(back, date);

		len = mdays[m - 1];
		if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
			len = 29;
		if (++d > len) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	assert_int_equal(y, 10000);
}

static void
test_add_months_clamps_to_month_end(void **state)
{
	(void)state;
	assert_add_months("2024-02-29", 12, "2025-02-28");
	assert_add_months("2025-08-31", 18, "2027-02-28");
	assert_add_months("2025-01-31", 1, "2025-02-28");
	assert_add_months("2024-01-31", 1, "2024-02-29");
	assert_add_months("2025-03-31", 1, "2025-04-30");
	assert_add_months("2025-05-31", 4, "2025-09-30");
	assert_add_months("2025-01-30", 1, "2025-02-28");
}

static void
test_add_months_crosses_year_ends(void **state)
{
	(void)state;
	assert_add_months("2025-12-31", 2, "2026-02-28");
	assert_add_months("2025-11-15", 2, "2026-01-15");
	assert_add_months("2025-12-01", 1, "2026-01-01");
	assert_add_months("2025-01-01", 11, "2025-12-01");
	assert_add_months("2025-01-01", 12, "2026-01-01");
	assert_add_months("1900-01-31", 1200, "2000-01-31");
}

static void
test_add_months_keeps_leap_day_only_in_leap_years(void **state)
{
	(void)state;
	assert_add_months("2024-02-29", 48, "2028-02-29");
	assert_add_months("1996-02-29", 48, "2000-02-29");
	assert_add_months("2096-02-29", 48, "2100-02-28");
	assert_add_months("2024-02-29", 1, "2024-03-29");
}

static void
test_add_months_of_zero_is_the_same_date(void **state)
{
	(void)state;
	assert_add_months("2025-01-31", 0, "2025-01-31");
	assert_add_months("1900-01-01", 0, "1900-01-01");
	assert_add_months("9999-12-31", 0, "9999-12-31");
}

static void
test_add_months_stops_at_9999_12_31(void **state)
{
	(void)state;
	assert_add_months("9999-11-30", 1, "9999-12-30");
	assert_add_months("9999-12-01", 1, "9999-12-31");
	assert_add_months("9999-12-31", 1, "9999-12-31");
	assert_add_months("9999-01-15", 12, "9999-12-31");
	assert_add_months("1900-01-01", 97199, "9999-12-01");
	assert_add_months("1900-01-01", 97200, "9999-12-31");
	assert_add_months("1900-01-01", 119988, "9999-12-31");
	assert_add_months("1900-01-01", INT_MAX, "9999-12-31");
	assert_add_months("9999-12-31", INT_MAX, "9999-12-31");
}

static void
test_add_days_crosses_months_and_leap_days(void **state)
{
	(void)state;
	assert_add_days("2025-01-31", 1, "2025-02-01");
	assert_add_days("2024-02-28", 1, "2024-02-29");
	assert_add_days("2025-02-28", 1, "2025-03-01");
	assert_add_days("2025-12-31", 1, "2026-01-01");
	assert_add_days("2025-06-15", 0, "2025-06-15");
	assert_add_days("2024-01-01", 366, "2025-01-01");
}

static void
test_add_days_stops_at_9999_12_31(void **state)
{
	(void)state;
	assert_add_days("9999-12-30", 1, "9999-12-31");
	assert_add_days("9999-12-30", 2, "9999-12-31");
	assert_add_days("9999-12-31", 1, "9999-12-31");
	assert_add_days("1900-01-01", DATE_MAX - DATE_MIN, "9999-12-31");
	assert_add_days("1900-01-01", INT32_MAX, "9999-12-31");
	assert_add_days("9999-12-31", INT32_MAX, "9999-12-31");
}

static void
test_duration_parse_accepts_number_and_unit(void **state)
{
	static const struct {
		const char	*s;
		int		 n;
		char		 unit;
	} ok[] = {
		{ "0d", 0, 'd' }, { "30d", 30, 'd' }, { "1w", 1, 'w' },
		{ "12m", 12, 'm' }, { "2y", 2, 'y' }, { "9999d", 9999, 'd' },
		{ "9999y", 9999, 'y' }, { "007d", 7, 'd' },
		{ "000000000000000000000001m", 1, 'm' }, { "00d", 0, 'd' },
	};
	struct duration	 dur;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(ok); i++) {
		dur = duration_ok(ok[i].s);
		assert_int_equal(dur.n, ok[i].n);
		assert_int_equal(dur.unit, ok[i].unit);
	}
}

static void
test_duration_parse_rejects_malformed_forms(void **state)
{
	static const char *bad[] = {
		"", "5", "d", "w", "5D", "5W", "5M", "5Y", "5x", "5s", "5h",
		"10000d", "99999y", "99999999999999999999999d", "-5d", "+5d",
		" 5d", "5d ", "5 d", "5dd", "5dw", "5.0d", "5,0d", "1e3d",
		"0x5d", "d5", "5d\n", "５d", "5\td",
	};
	struct duration	 dur = { 42, '?' };
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		if (duration_parse(bad[i], &dur) != -1)
			fail_msg("'%s' accepted", bad[i]);
		assert_int_equal(dur.n, 42);
		assert_int_equal(dur.unit, '?');
	}
}

static void
test_duration_format_writes_canonical_form(void **state)
{
	struct duration	 dur;
	char		 buf[8], *p;

	(void)state;
	dur = duration_ok("007d");
	p = duration_format(&dur, buf);
	assert_ptr_equal(p, buf);
	assert_string_equal(buf, "7d");
	dur = duration_ok("9999y");
	assert_string_equal(duration_format(&dur, buf), "9999y");
	dur = duration_ok("0w");
	assert_string_equal(duration_format(&dur, buf), "0w");
}

static void
test_add_duration_applies_each_unit(void **state)
{
	(void)state;
	assert_add_duration("2025-01-31", "30d", "2025-03-02");
	assert_add_duration("2025-01-31", "0d", "2025-01-31");
	assert_add_duration("2025-12-29", "1w", "2026-01-05");
	assert_add_duration("2025-01-01", "52w", "2025-12-31");
	assert_add_duration("2025-01-31", "1m", "2025-02-28");
	assert_add_duration("2025-08-31", "18m", "2027-02-28");
	assert_add_duration("2024-02-29", "1y", "2025-02-28");
	assert_add_duration("2024-02-29", "4y", "2028-02-29");
	assert_add_duration("2025-06-15", "0y", "2025-06-15");
}

static void
test_add_duration_of_9999_stops_at_9999_12_31(void **state)
{
	(void)state;
	assert_add_duration("1900-01-01", "9999y", "9999-12-31");
	assert_add_duration("9999-12-31", "9999y", "9999-12-31");
	assert_add_duration("9999-12-31", "9999m", "9999-12-31");
	assert_add_duration("9999-12-31", "9999w", "9999-12-31");
	assert_add_duration("9999-12-31", "9999d", "9999-12-31");
	assert_add_duration("1900-01-01", "9999m", "2733-04-01");
	assert_add_duration("1900-01-01", "9999d", "1927-05-19");
}

/* Read the clock around the call, in case midnight passes in between. */
static void
test_date_today_is_the_local_date(void **state)
{
	struct tm	 tm;
	time_t		 t;
	int32_t		 before, today, after;

	(void)state;
	t = time(NULL);
	assert_non_null(localtime_r(&t, &tm));
	before = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	today = date_today();
	t = time(NULL);
	assert_non_null(localtime_r(&t, &tm));
	after = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	assert_in_range(today, before, after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse_accepts_real_dates),
		cmocka_unit_test(test_date_parse_rejects_malformed_forms),
		cmocka_unit_test(test_date_parse_takes_1900_to_9999_only),
		cmocka_unit_test(
		    test_date_parse_rejects_month_and_day_out_of_range),
		cmocka_unit_test(test_date_parse_follows_leap_year_rules),
		cmocka_unit_test(test_date_min_and_max_are_the_parsed_bounds),
		cmocka_unit_test(test_date_format_pads_every_field),
		cmocka_unit_test(
		    test_date_conversions_agree_with_calendar_on_every_day),
		cmocka_unit_test(test_add_months_clamps_to_month_end),
		cmocka_unit_test(test_add_months_crosses_year_ends),
		cmocka_unit_test(
		    test_add_months_keeps_leap_day_only_in_leap_years),
		cmocka_unit_test(test_add_months_of_zero_is_the_same_date),
		cmocka_unit_test(test_add_months_stops_at_9999_12_31),
		cmocka_unit_test(test_add_days_crosses_months_and_leap_days),
		cmocka_unit_test(test_add_days_stops_at_9999_12_31),
		cmocka_unit_test(test_duration_parse_accepts_number_and_unit),
		cmocka_unit_test(test_duration_parse_rejects_malformed_forms),
		cmocka_unit_test(test_duration_format_writes_canonical_form),
		cmocka_unit_test(test_add_duration_applies_each_unit),
		cmocka_unit_test(test_add_duration_of_9999_stops_at_9999_12_31),
		cmocka_unit_test(test_date_today_is_the_local_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
