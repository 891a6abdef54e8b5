/*
 * Unit tests of sunset.c: every form of the sunset grammar of mvb(1) SUNSET
 * CRITERIA with its parsed parts and canonical text, the rejection of every
 * malformed expression with a reason that quotes the bad word (safely, on one
 * line), the comparison operators at each side of the threshold and the
 * metric-name rule of mvb(1) VALUES.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "sunset.h"
#include "util.h"

#include "fixture.h"

static void
parse_ok(const char *expr, struct sunset_expr *e)
{
	char	 why[512] = "";

	if (sunset_parse(expr, e, why, sizeof why) != 0)
		fail_msg("'%s' rejected: %s", expr, why);
}

/* expr parses and its canonical text is want. */
static void
assert_canon(const char *expr, const char *want)
{
	struct sunset_expr	 e;
	struct strbuf		 sb;

	parse_ok(expr, &e);
	sb_init(&sb);
	sunset_format(&e, &sb);
	if (strcmp(sb.buf, want) != 0) {
		fail_msg("'%s' formats as '%s', not '%s'", expr, sb.buf,
		    want);
	}
	sb_release(&sb);
}

/* expr is rejected with a one-line reason that contains want. */
static void
assert_rejected(const char *expr, const char *want)
{
	struct sunset_expr	 e;
	char			 why[512] = "";

	if (sunset_parse(expr, &e, why, sizeof why) != -1)
		fail_msg("'%s' accepted", expr);
	if (strstr(why, want) == NULL)
		fail_msg("'%s': reason '%s' lacks '%s'", expr, why, want);
	if (strchr(why, '\n') != NULL || strchr(why, '\t') != NULL)
		fail_msg("'%s': reason '%s' has a raw control character",
		    expr, why);
}

static void
test_sunset_parses_metric_with_after_date(void **state)
{
	struct sunset_expr	 e;

	(void)state;
	parse_ok("adoption < 60 after 2027-06-01", &e);
	assert_int_equal(e.kind, SUNSET_METRIC);
	assert_string_equal(e.name, "adoption");
	assert_string_equal(e.op, "<");
	assert_string_equal(e.number, "60");
	assert_int_equal(e.has_date, 1);
	assert_int_equal(e.date, day("2027-06-01"));
	assert_canon("adoption < 60 after 2027-06-01",
	    "adoption < 60 after 2027-06-01");
}

static void
test_sunset_parses_metric_without_date(void **state)
{
	struct sunset_expr	 e;

	(void)state;
	parse_ok("latency_p99 >= 250", &e);
	assert_int_equal(e.kind, SUNSET_METRIC);
	assert_string_equal(e.name, "latency_p99");
	assert_string_equal(e.op, ">=");
	assert_string_equal(e.number, "250");
	assert_int_equal(e.has_date, 0);
	assert_canon("latency_p99 >= 250", "latency_p99 >= 250");
}

static void
test_sunset_parses_monthly_cost_as_cents(void **state)
{
	struct sunset_expr	 e;

	(void)state;
	parse_ok("monthly_cost > 25000", &e);
	assert_int_equal(e.kind, SUNSET_MONTHLY_COST);
	assert_string_equal(e.op, ">");
	assert_int_equal(e.amount, 2500000);
	assert_int_equal(e.has_date, 0);
	assert_string_equal(e.name, "");
	assert_canon("monthly_cost > 25000", "monthly_cost > 25000.00");
	assert_canon("monthly_cost <= 1234.5", "monthly_cost <= 1234.50");
	assert_canon("monthly_cost >= 0", "monthly_cost >= 0.00");
	assert_canon("monthly_cost < 007.10", "monthly_cost < 7.10");
	assert_canon("monthly_cost > 999999999999.99",
	    "monthly_cost > 999999999999.99");
}

static void
test_sunset_parses_on_date(void **state)
{
	struct sunset_expr	 e;

	(void)state;
	parse_ok("on 2028-01-31", &e);
	assert_int_equal(e.kind, SUNSET_ON);
	assert_int_equal(e.has_date, 1);
	assert_int_equal(e.date, day("2028-01-31"));
	assert_canon("on 2028-01-31", "on 2028-01-31");
	assert_canon("on 2024-02-29", "on 2024-02-29");
}

static void
test_sunset_accepts_each_operator(void **state)
{
	static const char *ops[] = { "<", "<=", ">", ">=" };
	struct sunset_expr	 e;
	char			 expr[64];
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(ops); i++) {
		snprintf(expr, sizeof expr, "adoption %s 60", ops[i]);
		parse_ok(expr, &e);
		assert_string_equal(e.op, ops[i]);
		assert_canon(expr, expr);

		snprintf(expr, sizeof expr, "monthly_cost %s 5.00", ops[i]);
		parse_ok(expr, &e);
		assert_string_equal(e.op, ops[i]);
		assert_int_equal(e.amount, 500);
		assert_canon(expr, expr);
	}
}

static void
test_sunset_takes_runs_of_spaces_and_formats_single_spaces(void **state)
{
	(void)state;
	assert_canon("adoption  <   60    after     2027-06-01",
	    "adoption < 60 after 2027-06-01");
	assert_canon("   adoption < 60 after 2027-06-01   ",
	    "adoption < 60 after 2027-06-01");
	assert_canon("  monthly_cost   >  25000 ", "monthly_cost > 25000.00");
	assert_canon(" on     2028-01-31 ", "on 2028-01-31");
}

static void
test_sunset_normalises_negative_and_decimal_numbers(void **state)
{
	struct sunset_expr	 e;

	(void)state;
	assert_canon("x >= 4.20", "x >= 4.2");
	assert_canon("x > -5", "x > -5");
	assert_canon("x < -0.50", "x < -0.5");
	assert_canon("x < -0", "x < 0");
	assert_canon("x <= 007", "x <= 7");
	assert_canon("x <= 0.0012", "x <= 0.0012");
	assert_canon("x > 100.000", "x > 100");
	assert_canon("x > -12.5 after 2027-01-01",
	    "x > -12.5 after 2027-01-01");
	/* 15 significant digits is the most. */
	assert_canon("x < 123456789012345", "x < 123456789012345");
	assert_canon("x < 1234567890.12345", "x < 1234567890.12345");
	parse_ok("x < -4.20", &e);
	assert_string_equal(e.number, "-4.2");
}

static void
test_sunset_rejects_empty_expression(void **state)
{
	(void)state;
	assert_rejected("", "empty expression");
	assert_rejected(" ", "empty expression");
	assert_rejected("     ", "empty expression");
}

static void
test_sunset_rejects_unknown_operators(void **state)
{
	(void)state;
	assert_rejected("adoption = 60", "unknown operator '='");
	assert_rejected("adoption => 60", "unknown operator '=>'");
	assert_rejected("adoption << 60", "unknown operator '<<'");
	assert_rejected("adoption != 60", "unknown operator '!='");
	assert_rejected("adoption == 60", "unknown operator '=='");
	assert_rejected("adoption <> 60", "unknown operator '<>'");
	assert_rejected("adoption 60", "unknown operator '60'");
	assert_rejected("adoption <60", "unknown operator '<60'");
	assert_rejected("monthly_cost = 5", "unknown operator '='");
	assert_rejected("monthly_cost => 5", "unknown operator '=>'");
}

static void
test_sunset_rejects_bad_numbers(void **state)
{
	(void)state;
	assert_rejected("adoption < 1e5", "invalid number '1e5'");
	assert_rejected("adoption < --1", "invalid number '--1'");
	assert_rejected("adoption < .5", "invalid number '.5'");
	assert_rejected("adoption < 5.", "invalid number '5.'");
	assert_rejected("adoption < +5", "invalid number '+5'");
	assert_rejected("adoption < 1,5", "invalid number '1,5'");
	assert_rejected("adoption < 60%", "invalid number '60%'");
	assert_rejected("adoption < 1234567890123456",
	    "invalid number '1234567890123456'");
	assert_rejected("adoption < 123456789012345.6",
	    "invalid number '123456789012345.6'");
	assert_rejected("adoption < 1234567890123456 after 2027-01-01",
	    "invalid number '1234567890123456'");
}

static void
test_sunset_rejects_bad_amounts(void **state)
{
	(void)state;
	assert_rejected("monthly_cost > -5", "invalid amount '-5'");
	assert_rejected("monthly_cost > 1.234", "invalid amount '1.234'");
	assert_rejected("monthly_cost > 25,000", "invalid amount '25,000'");
	assert_rejected("monthly_cost > $5", "invalid amount '$5'");
	assert_rejected("monthly_cost > .5", "invalid amount '.5'");
	assert_rejected("monthly_cost > 1e5", "invalid amount '1e5'");
	assert_rejected("monthly_cost > 1000000000000",
	    "invalid amount '1000000000000'");
}

static void
test_sunset_rejects_bad_dates(void **state)
{
	(void)state;
	assert_rejected("on 2025-02-30", "invalid date '2025-02-30'");
	assert_rejected("on 2025-2-1", "invalid date '2025-2-1'");
	assert_rejected("on 2025-02-29", "invalid date '2025-02-29'");
	assert_rejected("on tomorrow", "invalid date 'tomorrow'");
	assert_rejected("on 1899-12-31", "invalid date '1899-12-31'");
	assert_rejected("adoption < 5 after 2025-02-30",
	    "invalid date '2025-02-30'");
	assert_rejected("adoption < 5 after 2025-2-1",
	    "invalid date '2025-2-1'");
}

static void
test_sunset_rejects_missing_parts(void **state)
{
	(void)state;
	assert_rejected("adoption <", "expected a number after '<'");
	assert_rejected("adoption", "expected an operator after 'adoption'");
	assert_rejected("on", "expected 'on DATE'");
	assert_rejected("  on  ", "expected 'on DATE'");
	assert_rejected("monthly_cost >", "expected an amount after '>'");
	assert_rejected("monthly_cost",
	    "expected an operator after 'monthly_cost'");
	assert_rejected("adoption < 5 after",
	    "expected a date after 'after'");
}

static void
test_sunset_rejects_extra_words(void **state)
{
	(void)state;
	assert_rejected("on 2028-01-31 x", "unexpected 'x'");
	assert_rejected("on 2028-01-31 after 2027-01-01",
	    "unexpected 'after'");
	assert_rejected("adoption < 5 after 2027-01-01 x", "unexpected 'x'");
	assert_rejected("adoption < 5 after 2027-01-01 x y z",
	    "unexpected 'x'");
	assert_rejected("monthly_cost > 5 after 2027-01-01",
	    "unexpected 'after'");
	assert_rejected("monthly_cost > 5 x", "unexpected 'x'");
}

static void
test_sunset_rejects_before_instead_of_after(void **state)
{
	(void)state;
	assert_rejected("adoption < 5 before 2027-01-01",
	    "expected 'after DATE' after the number, not 'before'");
	assert_rejected("adoption < 5 since 2027-01-01", "not 'since'");
	assert_rejected("adoption < 5 AFTER 2027-01-01", "not 'AFTER'");
	assert_rejected("adoption < 5 2027-01-01", "not '2027-01-01'");
}

static void
test_sunset_rejects_reserved_and_invalid_metric_names(void **state)
{
	char	 expr[128], want[128];

	(void)state;
	assert_rejected("after < 5", "invalid metric name 'after'");
	assert_rejected("after < 5", "reserved");
	assert_rejected("Adoption < 5", "invalid metric name 'Adoption'");
	assert_rejected("9x < 5", "invalid metric name '9x'");
	assert_rejected("_x < 5", "invalid metric name '_x'");
	assert_rejected("ad-option < 5", "invalid metric name 'ad-option'");
	assert_rejected("adoption_% < 5", "invalid metric name 'adoption_%'");
	/* 41 characters: one too many. */
	snprintf(expr, sizeof expr, "a%s < 5",
	    "bcdefghijklmnopqrstuvwxyz0123456789_abcd");
	snprintf(want, sizeof want, "invalid metric name 'a%s'",
	    "bcdefghijklmnopqrstuvwxyz0123456789_abcd");
	assert_int_equal(strlen(expr), 41 + 4);
	assert_rejected(expr, want);
	/* 40 characters: the most. */
	expr[40] = '\0';
	strcat(expr, " < 5");
	assert_canon(expr, expr);
}

static void
test_sunset_rejects_tabs_as_part_of_a_word(void **state)
{
	(void)state;
	assert_rejected("adoption\t<\t60", "invalid metric name "
	    "'adoption\\x09<\\x0960'");
	assert_rejected("adoption\t< 60", "invalid metric name "
	    "'adoption\\x09<'");
	assert_rejected("adoption <\t60", "unknown operator '<\\x0960'");
	assert_rejected("adoption < 60\t", "invalid number '60\\x09'");
	assert_rejected("on\t2028-01-31", "invalid metric name "
	    "'on\\x092028-01-31'");
	assert_rejected("on 2028-01-31\t", "invalid date '2028-01-31\\x09'");
	assert_rejected("monthly_cost >\t5", "unknown operator '>\\x095'");
	assert_rejected("adoption < 60 after\t2027-01-01",
	    "not 'after\\x092027-01-01'");
	assert_rejected("\t", "invalid metric name '\\x09'");
}

static void
test_sunset_reason_stays_on_one_line(void **state)
{
	(void)state;
	assert_rejected("on 2028-01-31\n", "invalid date '2028-01-31\\x0a'");
	assert_rejected("adoption < 6\r0", "invalid number '6\\x0d0'");
}

static void
test_sunset_long_expression_is_judged_by_its_words(void **state)
{
	char	 expr[400];

	(void)state;
	/* Longer than any fixed buffer: still says which word is wrong. */
	memset(expr, 'a', 300);
	strcpy(expr + 300, " < 5");
	assert_rejected(expr, "invalid metric name 'aaaa");
	memset(expr, ' ', 300);
	strcpy(expr + 300, "on 2028-01-31");
	assert_canon(expr, "on 2028-01-31");
}

static void
test_op_valid_takes_the_four_operators_only(void **state)
{
	static const char *good[] = { "<", "<=", ">", ">=" };
	static const char *bad[] = {
		"", "=", "==", "=>", "=<", "<<", ">>", "!=", "<>", " <",
		"< ", "<=>", "≤", "≥", "lt", "<==",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(good); i++)
		if (!op_valid(good[i]))
			fail_msg("'%s' not valid", good[i]);
	for (i = 0; i < NELEM(bad); i++)
		if (op_valid(bad[i]))
			fail_msg("'%s' valid", bad[i]);
}

static void
test_op_holds_at_each_side_of_the_threshold(void **state)
{
	static const struct {
		const char	*op;
		int		 below, equal, above;
	} t[] = {
		{ "<", 1, 0, 0 },
		{ "<=", 1, 1, 0 },
		{ ">", 0, 0, 1 },
		{ ">=", 0, 1, 1 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		assert_int_equal(!!op_holds(t[i].op, -1), t[i].below);
		assert_int_equal(!!op_holds(t[i].op, 0), t[i].equal);
		assert_int_equal(!!op_holds(t[i].op, 1), t[i].above);
		/* Any negative or positive comparison, not just -1 and 1. */
		assert_int_equal(!!op_holds(t[i].op, -7), t[i].below);
		assert_int_equal(!!op_holds(t[i].op, 42), t[i].above);
	}
}

static void
test_metric_name_problem_boundaries(void **state)
{
	static const char *good[] = {
		"a", "a_1", "z", "adoption", "latency_p99", "a_", "a__b",
		"x0", "monthly", "monthly_cost_eur", "onboarding", "afterwards",
		"abcdefghijklmnopqrstuvwxyz0123456789_abc",	/* 40 */
	};
	static const char *bad[] = {
		"", "A", "Adoption", "9x", "_x", "1", "a-b", "a b", "a.b",
		"aé", "a\t", " a", "a ",
		"abcdefghijklmnopqrstuvwxyz0123456789_abcd",	/* 41 */
	};
	size_t	 i;

	(void)state;
	assert_int_equal(strlen(good[NELEM(good) - 1]), 40);
	assert_int_equal(strlen(bad[NELEM(bad) - 1]), 41);
	for (i = 0; i < NELEM(good); i++)
		if (metric_name_problem(good[i]) != NULL)
			fail_msg("'%s' rejected: %s", good[i],
			    metric_name_problem(good[i]));
	for (i = 0; i < NELEM(bad); i++)
		if (metric_name_problem(bad[i]) == NULL)
			fail_msg("'%s' accepted", bad[i]);
	assert_string_equal(metric_name_problem("monthly_cost"),
	    "reserved word");
	assert_string_equal(metric_name_problem("on"), "reserved word");
	assert_string_equal(metric_name_problem("after"), "reserved word");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sunset_parses_metric_with_after_date),
		cmocka_unit_test(test_sunset_parses_metric_without_date),
		cmocka_unit_test(test_sunset_parses_monthly_cost_as_cents),
		cmocka_unit_test(test_sunset_parses_on_date),
		cmocka_unit_test(test_sunset_accepts_each_operator),
		cmocka_unit_test(
		    test_sunset_takes_runs_of_spaces_and_formats_single_spaces),
		cmocka_unit_test(
		    test_sunset_normalises_negative_and_decimal_numbers),
		cmocka_unit_test(test_sunset_rejects_empty_expression),
		cmocka_unit_test(test_sunset_rejects_unknown_operators),
		cmocka_unit_test(test_sunset_rejects_bad_numbers),
		cmocka_unit_test(test_sunset_rejects_bad_amounts),
		cmocka_unit_test(test_sunset_rejects_bad_dates),
		cmocka_unit_test(test_sunset_rejects_missing_parts),
		cmocka_unit_test(test_sunset_rejects_extra_words),
		cmocka_unit_test(test_sunset_rejects_before_instead_of_after),
		cmocka_unit_test(
		    test_sunset_rejects_reserved_and_invalid_metric_names),
		cmocka_unit_test(test_sunset_rejects_tabs_as_part_of_a_word),
		cmocka_unit_test(test_sunset_reason_stays_on_one_line),
		cmocka_unit_test(
		    test_sunset_long_expression_is_judged_by_its_words),
		cmocka_unit_test(test_op_valid_takes_the_four_operators_only),
		cmocka_unit_test(test_op_holds_at_each_side_of_the_threshold),
		cmocka_unit_test(test_metric_name_problem_boundaries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
