/*
 * Unit tests of compare.c: each TCO line, the verdict's bands at their
 * edges (exactly 2.00, exactly 1.20, one cent either side, a zero total),
 * the currency and no-option cases, the order of entries, and the payback
 * of switching at its edges (exactly 12 months and just over, a switch that
 * costs nothing, an option dearer to run, another currency).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "compare.h"

#include "fixture.h"

/* An entry whose tco_24m is exactly cents: all of it one-time. */
static struct compare_entry
entry(int64_t number, const char *name, const char *currency, int64_t cents)
{
	struct compare_entry	e;

	memset(&e, 0, sizeof(e));
	e.number = number;
	e.name = name;
	e.choice = "buy";
	e.currency = currency;
	e.cost.one_time = cents;
	return e;
}

static enum verdict_kind
verdict(int64_t a, int64_t b, char *buf)
{
	return compare_verdict(a, b, "A", "B", buf, NULL);
}

static void
test_lines_add_up_as_the_man_page_says(void **state)
{
	struct compare_entry	e;

	(void)state;
	memset(&e, 0, sizeof(e));
	/* The article's self-hosted Kafka: 4,000 + 57,600 + 120,000. */
	e.cost.one_time = 400000;
	e.cost.monthly = 240000;
	e.cost.ops_fte = 30;
	e.cost.fte_cost = 20000000;
	compare_entry_compute(&e);
	assert_int_equal(e.one_time, 400000);
	assert_int_equal(e.year1, 2880000);
	assert_int_equal(e.year2, 2880000);
	assert_int_equal(e.operations, 12000000);
	assert_int_equal(e.lockin, 0);
	assert_int_equal(e.tco, 18160000);
	assert_int_equal(e.run_rate, 8880000);
	assert_int_equal(e.payback, PAYBACK_NONE);

	/* The increase and the expected lock-in, each line rounded. */
	memset(&e, 0, sizeof(e));
	e.cost.monthly = 320000;
	e.cost.increase = 1000;		/* 10.00 % */
	e.cost.lockin_cost = 4000000;
	e.cost.lockin_prob = 10;
	compare_entry_compute(&e);
	assert_int_equal(e.year2, 4224000);
	assert_int_equal(e.lockin, 400000);
	assert_int_equal(e.tco, 3840000 + 4224000 + 400000);
}

static void
test_decisive_at_exactly_two(void **state)
{
	char	buf[VERDICT_SZ];
	int64_t	r;

	(void)state;
	assert_int_equal(compare_verdict(100000, 200000, "A", "B", buf, &r),
	    VERDICT_DECISIVE);
	assert_int_equal(r, 200);
	assert_string_equal(buf, "decisive: B costs 2.00\xc3\x97 as much as A "
	    "over 24 months");
	/* One cent below 2x is no longer decisive, though it prints 2.00. */
	assert_int_equal(compare_verdict(100000, 199999, "A", "B", buf, &r),
	    VERDICT_CHEAPER);
	assert_int_equal(r, 200);
	assert_string_equal(buf, "A is cheaper: B costs 100% more over 24 "
	    "months");
	assert_int_equal(verdict(100000, 200001, buf), VERDICT_DECISIVE);
}

static void
test_printed_ratio_rounds_half_up(void **state)
{
	char	buf[VERDICT_SZ];
	int64_t	r;

	(void)state;
	/* 2.005 exactly prints 2.01; 2.00499 prints 2.00. */
	compare_verdict(100000, 200500, "A", "B", buf, &r);
	assert_int_equal(r, 201);
	assert_non_null(strstr(buf, "2.01\xc3\x97"));
	compare_verdict(100000, 200499, "A", "B", buf, &r);
	assert_int_equal(r, 200);
}

static void
test_close_at_exactly_one_point_two(void **state)
{
	char	buf[VERDICT_SZ];

	(void)state;
	assert_int_equal(verdict(100000, 120000, buf), VERDICT_CLOSE);
	assert_string_equal(buf, "close (within 20%): let the qualitative "
	    "factors decide");
	assert_int_equal(verdict(100000, 119999, buf), VERDICT_CLOSE);
	assert_int_equal(verdict(100000, 100000, buf), VERDICT_CLOSE);
	/* One cent above 1.2 is cheaper, by 20% once rounded. */
	assert_int_equal(verdict(100000, 120001, buf), VERDICT_CHEAPER);
	assert_string_equal(buf, "A is cheaper: B costs 20% more over 24 "
	    "months");
}

static void
test_cheaper_rounds_the_percentage_half_up(void **state)
{
	char	buf[VERDICT_SZ];

	(void)state;
	/* 1.345 -> 35 %, 1.34499 -> 34 %. */
	verdict(100000, 134500, buf);
	assert_string_equal(buf, "A is cheaper: B costs 35% more over 24 "
	    "months");
	verdict(100000, 134499, buf);
	assert_string_equal(buf, "A is cheaper: B costs 34% more over 24 "
	    "months");
}

static void
test_zero_totals(void **state)
{
	char	buf[VERDICT_SZ];

	(void)state;
	assert_int_equal(verdict(0, 1, buf), VERDICT_DECISIVE);
	assert_string_equal(buf, "decisive: A costs nothing over 24 months");
	assert_int_equal(verdict(0, 0, buf), VERDICT_CLOSE);
	assert_string_equal(buf, "close (within 20%): let the qualitative "
	    "factors decide");
}

static void
test_run_orders_cheapest_first_ties_by_number(void **state)
{
	struct compare_entry	e[4];
	char			buf[VERDICT_SZ];

	(void)state;
	e[0] = entry(0, "chosen", "USD", 50000);
	e[1] = entry(1, "one", "USD", 30000);
	e[2] = entry(2, "two", "USD", 50000);
	e[3] = entry(3, "three", "USD", 30000);
	assert_int_equal(compare_run(e, 4, buf), VERDICT_CLOSE);
	assert_int_equal(e[0].number, 1);
	assert_int_equal(e[1].number, 3);
	assert_int_equal(e[2].number, 0);
	assert_int_equal(e[3].number, 2);

	/* The names in the sentence are the cheapest two. */
	e[0] = entry(0, "chosen", "USD", 90000);
	e[1] = entry(1, "cheap", "USD", 30000);
	e[2] = entry(2, "middle", "USD", 45000);
	assert_int_equal(compare_run(e, 3, buf), VERDICT_CHEAPER);
	assert_string_equal(buf, "cheap is cheaper: middle costs 50% more "
	    "over 24 months");
}

static void
test_run_incomparable(void **state)
{
	struct compare_entry	e[3];
	char			buf[VERDICT_SZ];

	(void)state;
	e[0] = entry(0, "chosen", "USD", 50000);
	assert_int_equal(compare_run(e, 1, buf), VERDICT_INCOMPARABLE);
	assert_string_equal(buf, "nothing to compare: no option recorded");

	e[0] = entry(0, "chosen", "USD", 50000);
	e[1] = entry(1, "same", "USD", 50000);
	e[2] = entry(2, "euro", "EUR", 10);
	assert_int_equal(compare_run(e, 3, buf), VERDICT_INCOMPARABLE);
	assert_string_equal(buf, "incomparable: entries in several "
	    "currencies");
	/* Two entries in one currency other than the setting's compare. */
	e[0] = entry(0, "chosen", "EUR", 50000);
	e[1] = entry(1, "other", "EUR", 50000);
	assert_int_equal(compare_run(e, 2, buf), VERDICT_CLOSE);
}

static void
test_payback_edges(void **state)
{
	(void)state;
	/* 12 x 10,000.00 / 10,000.00 a year = exactly 12 months. */
	assert_int_equal(compare_payback(2000000, 600000, 1000000, 400000),
	    12);
	/* One cent more to switch: just over 12, so 13. */
	assert_int_equal(compare_payback(2000000, 600000, 1000000, 400001),
	    13);
	/* One cent less: 11.99..., so 12. */
	assert_int_equal(compare_payback(2000000, 600000, 1000000, 399999),
	    12);
	/* Switching costs nothing. */
	assert_int_equal(compare_payback(2000000, 0, 1000000, 0), 0);
	/* Dearer to run, or the same: no payback. */
	assert_int_equal(compare_payback(1000000, 0, 1000001, 0),
	    PAYBACK_NONE);
	assert_int_equal(compare_payback(1000000, 0, 1000000, 0),
	    PAYBACK_NONE);
	/* A saving of one cent a year. */
	assert_int_equal(compare_payback(1000001, 1, 1000000, 0), 12);
	/* The article: 4 weeks (8,000.00) to save 50,000.00 a year. */
	assert_int_equal(compare_payback(10000000, 400000, 5000000, 400000),
	    2);
}

static void
test_run_sets_payback_only_where_it_applies(void **state)
{
	struct compare_entry	e[4];
	char			buf[VERDICT_SZ];
	size_t			i;

	(void)state;
	memset(e, 0, sizeof(e));
	e[0] = entry(0, "chosen", "USD", 0);
	e[0].cost.monthly = 200000;	/* 24,000.00 a year */
	e[0].cost.lockin_cost = 600000;
	e[1] = entry(1, "cheaper to run", "USD", 400000);
	e[1].cost.monthly = 100000;	/* 12,000.00 a year */
	e[2] = entry(2, "dearer to run", "USD", 0);
	e[2].cost.monthly = 300000;
	e[3] = entry(3, "elsewhere", "EUR", 0);
	e[3].cost.monthly = 1;
	compare_run(e, 4, buf);
	for (i = 0; i < 4; i++) {
		switch (e[i].number) {
		case 1:
			assert_int_equal(e[i].payback, 10);
			assert_int_equal(e[i].saving, 1200000);
			break;
		default:
			assert_int_equal(e[i].payback, PAYBACK_NONE);
			break;
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_add_up_as_the_man_page_says),
		cmocka_unit_test(test_decisive_at_exactly_two),
		cmocka_unit_test(test_printed_ratio_rounds_half_up),
		cmocka_unit_test(test_close_at_exactly_one_point_two),
		cmocka_unit_test(test_cheaper_rounds_the_percentage_half_up),
		cmocka_unit_test(test_zero_totals),
		cmocka_unit_test(test_run_orders_cheapest_first_ties_by_number),
		cmocka_unit_test(test_run_incomparable),
		cmocka_unit_test(test_payback_edges),
		cmocka_unit_test(test_run_sets_payback_only_where_it_applies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
