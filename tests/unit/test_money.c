/*
 * Unit tests of money.c: the two-decimal parser and printer, currency codes,
 * the cost model of mvb(1) COST MODEL with its single rounding, and the metric
 * decimals of mvb(1) VALUES.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "money.h"
#include "util.h"

#define PCT_MAX 100000
#define PROB_MAX 100

static void
assert_fixed2(const char *s, int64_t max, int64_t want)
{
	int64_t	 v = -1;

	if (fixed2_parse(s, max, &v) != 0)
		fail_msg("'%s' rejected", s);
	assert_int_equal(v, want);
}

static void
assert_fixed2_rejected(const char *s, int64_t max)
{
	int64_t	 v = 42;

	if (fixed2_parse(s, max, &v) != -1)
		fail_msg("'%s' accepted", s);
	assert_int_equal(v, 42);
}

static void
test_fixed2_parse_accepts_zero_one_or_two_decimals(void **state)
{
	(void)state;
	assert_fixed2("1234", MONEY_MAX, 123400);
	assert_fixed2("1234.5", MONEY_MAX, 123450);
	assert_fixed2("1234.50", MONEY_MAX, 123450);
	assert_fixed2("0", MONEY_MAX, 0);
	assert_fixed2("0.00", MONEY_MAX, 0);
	assert_fixed2("0.5", MONEY_MAX, 50);
	assert_fixed2("0.01", MONEY_MAX, 1);
	assert_fixed2("007", MONEY_MAX, 700);
	assert_fixed2("000000000000000000000001.25", MONEY_MAX, 125);
}

static void
test_fixed2_parse_rejects_malformed_forms(void **state)
{
	static const char *bad[] = {
		"", ".", ".5", "5.", "-1", "+1", "-0", "$5", "5€", "EUR5",
		"1,234", "1,234.00", "1234,50", "1 234", " 1", "1 ", "\t1",
		"1\n", "1e3", "1E3", "1.5e2", "1.234", "1.500", "1..5",
		"1.2.3", "1.-5", "1.a", "abc", "0x10", "inf", "nan", "１",
		"1_000",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_fixed2_rejected(bad[i], MONEY_MAX);
}

static void
test_fixed2_parse_takes_money_max_not_one_cent_more(void **state)
{
	(void)state;
	assert_fixed2("999999999999.99", MONEY_MAX, MONEY_MAX);
	assert_fixed2("0999999999999.99", MONEY_MAX, MONEY_MAX);
	assert_fixed2_rejected("1000000000000.00", MONEY_MAX);
	assert_fixed2_rejected("1000000000000", MONEY_MAX);
	assert_fixed2_rejected("99999999999999999999999999999999", MONEY_MAX);
	assert_fixed2_rejected("9223372036854775808", MONEY_MAX);
}

static void
test_fixed2_parse_bounds_percent_fte_and_probability(void **state)
{
	(void)state;
	assert_fixed2("1000", PCT_MAX, 100000);
	assert_fixed2("1000.00", PCT_MAX, 100000);
	assert_fixed2("15", PCT_MAX, 1500);
	assert_fixed2_rejected("1000.01", PCT_MAX);
	assert_fixed2_rejected("1001", PCT_MAX);
	assert_fixed2("1", PROB_MAX, 100);
	assert_fixed2("0.15", PROB_MAX, 15);
	assert_fixed2("0.99", PROB_MAX, 99);
	assert_fixed2_rejected("1.01", PROB_MAX);
	assert_fixed2_rejected("2", PROB_MAX);
}

static void
test_fixed2_format_prints_two_decimals(void **state)
{
	char	 buf[NUM_BUFSZ];

	(void)state;
	assert_string_equal(fixed2_format(0, buf), "0.00");
	assert_string_equal(fixed2_format(1, buf), "0.01");
	assert_string_equal(fixed2_format(50, buf), "0.50");
	assert_string_equal(fixed2_format(100, buf), "1.00");
	assert_string_equal(fixed2_format(123450, buf), "1234.50");
	assert_string_equal(fixed2_format(1500, buf), "15.00");
	assert_string_equal(fixed2_format(MONEY_MAX, buf), "999999999999.99");
	assert_string_equal(fixed2_format(-5, buf), "-0.05");
	assert_string_equal(fixed2_format(-123, buf), "-1.23");
	assert_string_equal(fixed2_format(INT64_MIN, buf),
	    "-92233720368547758.08");
}

static void
test_fixed2_format_wide_prints_128_bit_sums(void **state)
{
	__extension__ __int128	 big;
	char			 buf[NUM_BUFSZ];

	(void)state;
	big = (__extension__ (__int128)1000000000000000) * 1000000000000000;
	assert_string_equal(fixed2_format_wide(big + 1, buf),
	    "10000000000000000000000000000.01");
	assert_string_equal(fixed2_format_wide(
	    (__extension__ (__int128)MONEY_MAX) * 1000000, buf),
	    "999999999999990000.00");
	big = -(__extension__ (__int128)1 << 126) * 2;
	assert_string_equal(fixed2_format_wide(big, buf),
	    "-1701411834604692317316873037158841057.28");
}

static void
test_currency_valid_takes_three_upper_case_letters(void **state)
{
	(void)state;
	assert_true(currency_valid("EUR"));
	assert_true(currency_valid("USD"));
	assert_false(currency_valid("eur"));
	assert_false(currency_valid("Eur"));
	assert_false(currency_valid("EU"));
	assert_false(currency_valid("EURO"));
	assert_false(currency_valid("E1R"));
	assert_false(currency_valid(""));
	assert_false(currency_valid(" EU"));
	assert_false(currency_valid("ÉUR"));
}

static void
test_tco_adds_every_term_of_the_model(void **state)
{
	struct cost	 c = { 0 };

	(void)state;
	c.monthly = 200000;		/* 2000.00 */
	c.increase = 500;		/* 5.00 % */
	/* 12 * 2000 + 12 * 2000 * 1.05 */
	assert_int_equal(cost_tco_24m(&c), 4920000);
	c.ops_fte = 50;			/* 0.50 */
	c.fte_cost = 20000000;		/* 200000.00 */
	assert_int_equal(cost_tco_24m(&c), 4920000 + 20000000);
	c.lockin_cost = 10000000;	/* 100000.00 */
	c.lockin_prob = 15;		/* 0.15 */
	assert_int_equal(cost_tco_24m(&c), 4920000 + 20000000 + 1500000);
	c.one_time = 5000050;		/* 50000.50 */
	assert_int_equal(cost_tco_24m(&c),
	    5000050 + 4920000 + 20000000 + 1500000);
}

static void
test_annual_run_rate_is_monthly_fees_and_operations(void **state)
{
	struct cost	 c = { 0 };

	(void)state;
	c.monthly = 200000;
	assert_int_equal(cost_annual_run_rate(&c), 2400000);
	c.ops_fte = 50;
	c.fte_cost = 20000000;
	assert_int_equal(cost_annual_run_rate(&c), 2400000 + 10000000);
	/* One-time, increase and lock-in do not recur. */
	c.one_time = 100;
	c.increase = 1000;
	c.lockin_cost = 100;
	c.lockin_prob = 100;
	assert_int_equal(cost_annual_run_rate(&c), 2400000 + 10000000);
}

static void
test_cost_of_nothing_is_zero(void **state)
{
	struct cost	 c = { 0 };

	(void)state;
	assert_int_equal(cost_tco_24m(&c), 0);
	assert_int_equal(cost_annual_run_rate(&c), 0);
}

static void
test_tco_rounds_once_not_per_term(void **state)
{
	struct cost	 c = { 0 };

	(void)state;
	/* 0.01 a month at 0.05 %: 0.24 + 0.12 * 0.0005 = 0.24006 */
	c.monthly = 1;
	c.increase = 5;
	assert_int_equal(cost_tco_24m(&c), 24);
	/*
	 * 2 * 0.01 FTE * 0.25 = 0.005 and 0.01 * 0.50 = 0.005 make one cent,
	 * where rounding each half cent up would give two.
	 */
	c = (struct cost){ 0 };
	c.ops_fte = 1;
	c.fte_cost = 25;
	c.lockin_cost = 1;
	c.lockin_prob = 50;
	assert_int_equal(cost_tco_24m(&c), 1);
	/* 0.0048 + 0.0049 is one cent, where each term alone rounds to 0. */
	c.fte_cost = 24;
	c.lockin_prob = 49;
	assert_int_equal(cost_tco_24m(&c), 1);
}

static void
test_tco_rounds_half_away_from_zero(void **state)
{
	struct cost	 c = { 0 };

	(void)state;
	c.lockin_cost = 1;
	c.lockin_prob = 50;		/* 0.005 */
	assert_int_equal(cost_tco_24m(&c), 1);
	c.lockin_prob = 49;		/* 0.0049 */
	assert_int_equal(cost_tco_24m(&c), 0);
	c.lockin_prob = 51;		/* 0.0051 */
	assert_int_equal(cost_tco_24m(&c), 1);
	/* 0.05 a month at 2.5 %: 1.20 + 0.60 * 0.025 = 1.215 */
	c = (struct cost){ 0 };
	c.monthly = 5;
	c.increase = 250;
	assert_int_equal(cost_tco_24m(&c), 122);
	/* 0.05 a month at 2.49 %: 1.20 + 0.60 * 0.0249 = 1.21494 */
	c.increase = 249;
	assert_int_equal(cost_tco_24m(&c), 121);
}

static void
test_annual_run_rate_rounds_half_away_from_zero(void **state)
{
	struct cost	 c = { 0 };

	(void)state;
	c.ops_fte = 1;
	c.fte_cost = 50;		/* 0.01 * 0.50 = 0.005 */
	assert_int_equal(cost_annual_run_rate(&c), 1);
	c.fte_cost = 49;
	assert_int_equal(cost_annual_run_rate(&c), 0);
	c.fte_cost = 150;		/* 0.015 */
	assert_int_equal(cost_annual_run_rate(&c), 2);
}

static void
test_cost_at_every_maximum_does_not_overflow(void **state)
{
	struct cost	 c;

	(void)state;
	c.one_time = c.monthly = c.fte_cost = c.lockin_cost = MONEY_MAX;
	c.increase = PCT_MAX;
	c.ops_fte = PCT_MAX;
	c.lockin_prob = PROB_MAX;
	/* M + 24M + 12M * 10 + 2 * 1000M + M = 2146M */
	assert_int_equal(cost_tco_24m(&c), INT64_C(214599999999997854));
	/* 12M + 1000M */
	assert_int_equal(cost_annual_run_rate(&c),
	    INT64_C(101199999999998988));
}

static void
assert_decimal(const char *s, const char *want)
{
	char	 out[NUM_BUFSZ];

	if (decimal_parse(s, out) != 0)
		fail_msg("'%s' rejected", s);
	assert_string_equal(out, want);
}

static void
assert_decimal_rejected(const char *s)
{
	char	 out[NUM_BUFSZ] = "untouched";

	if (decimal_parse(s, out) != -1)
		fail_msg("'%s' accepted as '%s'", s, out);
	assert_string_equal(out, "untouched");
}

static void
test_decimal_parse_prints_normalised_form(void **state)
{
	(void)state;
	assert_decimal("4.20", "4.2");
	assert_decimal("007", "7");
	assert_decimal("0.50", "0.5");
	assert_decimal("10", "10");
	assert_decimal("100.000", "100");
	assert_decimal("-1.5", "-1.5");
	assert_decimal("-007.100", "-7.1");
	assert_decimal("1.0000000000000000000000", "1");
}

static void
test_decimal_parse_turns_every_zero_to_0(void **state)
{
	(void)state;
	assert_decimal("0", "0");
	assert_decimal("000", "0");
	assert_decimal("-0", "0");
	assert_decimal("0.0", "0");
	assert_decimal("-0.0", "0");
	assert_decimal("-000.000", "0");
}

static void
test_decimal_parse_rejects_malformed_numbers(void **state)
{
	static const char *bad[] = {
		"", "-", ".5", "-.5", "1.", "-1.", ".", "+1", "--1", "1-",
		"1e5", "1E5", "1.5e-3", " 1", "1 ", "1,5", "1,000", "1.2.3",
		"0x1", "inf", "nan", "-inf", "1_0", "１",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_decimal_rejected(bad[i]);
}

static void
test_decimal_parse_allows_15_significant_digits_not_16(void **state)
{
	(void)state;
	assert_decimal("123456789012345", "123456789012345");
	assert_decimal("-123456789012345", "-123456789012345");
	assert_decimal("12345678901234.5", "12345678901234.5");
	assert_decimal("0.123456789012345", "0.123456789012345");
	assert_decimal("100000000000000", "100000000000000");
	assert_decimal("000000000000000000001", "1");
	assert_decimal("1.50000000000000000000", "1.5");
	assert_decimal_rejected("1234567890123456");
	assert_decimal_rejected("-1234567890123456");
	assert_decimal_rejected("1234567890123.456");
	assert_decimal_rejected("0.1234567890123456");
	/* Zeros of the integer part are digits; 10^15 needs sixteen. */
	assert_decimal_rejected("1000000000000000");
}

static void
test_decimal_parse_does_not_count_leading_fraction_zeros(void **state)
{
	struct strbuf	sb;
	int		i;

	(void)state;
	assert_decimal("0.000000000000001", "0.000000000000001");
	assert_decimal("0.0000000000000001", "0.0000000000000001");
	assert_decimal("-0.000123456789012345", "-0.000123456789012345");
	assert_decimal_rejected("0.0001234567890123456");
	/* 124 fractional digits fit the buffer, 125 do not. */
	sb_init(&sb);
	sb_adds(&sb, "-0.");
	for (i = 0; i < 123; i++)
		sb_addc(&sb, '0');
	sb_addc(&sb, '1');
	assert_decimal(sb.buf, sb.buf);
	sb_reset(&sb);
	sb_adds(&sb, "0.");
	for (i = 0; i < 124; i++)
		sb_addc(&sb, '0');
	sb_addc(&sb, '1');
	assert_decimal_rejected(sb.buf);
	sb_release(&sb);
}

static void
assert_cmp(const char *a, const char *b, int want)
{
	int	 got = decimal_cmp(a, b), back = decimal_cmp(b, a);

	if ((got > 0) - (got < 0) != want || (back > 0) - (back < 0) != -want)
		fail_msg("cmp('%s', '%s') = %d, reverse %d", a, b, got, back);
}

static void
test_decimal_cmp_orders_numerically(void **state)
{
	(void)state;
	assert_cmp("0", "0", 0);
	assert_cmp("4.2", "4.2", 0);
	assert_cmp("-4.2", "-4.2", 0);
	assert_cmp("9", "10", -1);
	assert_cmp("0.5", "1", -1);
	assert_cmp("1", "1.0001", -1);
	assert_cmp("1.05", "1.5", -1);
	assert_cmp("0.001", "0.01", -1);
	assert_cmp("99.99", "100", -1);
	assert_cmp("-0.5", "0", -1);
	assert_cmp("-1", "0.5", -1);
	assert_cmp("-10", "-9", -1);
	assert_cmp("-1.5", "-1.05", -1);
	assert_cmp("-123456789012345", "123456789012345", -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_fixed2_parse_accepts_zero_one_or_two_decimals),
		cmocka_unit_test(test_fixed2_parse_rejects_malformed_forms),
		cmocka_unit_test(
		    test_fixed2_parse_takes_money_max_not_one_cent_more),
		cmocka_unit_test(
		    test_fixed2_parse_bounds_percent_fte_and_probability),
		cmocka_unit_test(test_fixed2_format_prints_two_decimals),
		cmocka_unit_test(test_fixed2_format_wide_prints_128_bit_sums),
		cmocka_unit_test(
		    test_currency_valid_takes_three_upper_case_letters),
		cmocka_unit_test(test_tco_adds_every_term_of_the_model),
		cmocka_unit_test(
		    test_annual_run_rate_is_monthly_fees_and_operations),
		cmocka_unit_test(test_cost_of_nothing_is_zero),
		cmocka_unit_test(test_tco_rounds_once_not_per_term),
		cmocka_unit_test(test_tco_rounds_half_away_from_zero),
		cmocka_unit_test(
		    test_annual_run_rate_rounds_half_away_from_zero),
		cmocka_unit_test(test_cost_at_every_maximum_does_not_overflow),
		cmocka_unit_test(test_decimal_parse_prints_normalised_form),
		cmocka_unit_test(test_decimal_parse_turns_every_zero_to_0),
		cmocka_unit_test(test_decimal_parse_rejects_malformed_numbers),
		cmocka_unit_test(
		    test_decimal_parse_allows_15_significant_digits_not_16),
		cmocka_unit_test(
		    test_decimal_parse_does_not_count_leading_fraction_zeros),
		cmocka_unit_test(test_decimal_cmp_orders_numerically),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
