/*
 * Unit tests of settings.c: the defaults of mvb(1) COMMANDS, config, what each
 * key accepts, the canonical text it stores, the review_months <=
 * deadline_months rule, and the recomputation of every deadline when
 * deadline_months changes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "settings.h"
#include "util.h"

#include "fixture.h"

static void
assert_setting(struct db *db, const char *key, const char *want)
{
	char	*got = settings_get(db, key);

	if (got == NULL)
		fail_msg("%s: %s", key, err_msg());
	assert_string_equal(got, want);
	free(got);
}

/* settings_set must store value under key as canon. */
static void
assert_set(struct db *db, const char *key, const char *value, const char *canon)
{
	err_clear();
	if (settings_set(db, key, value) != 0)
		fail_msg("%s '%s' rejected: %s", key, value, err_msg());
	assert_setting(db, key, canon);
}

/*
 * settings_set must refuse value for key with a usage error whose message
 * is want (or, when want is NULL, names the key and quotes the value), and
 * leave the stored value alone.
 */
static void
assert_set_rejected(struct db *db, const char *key, const char *value,
    const char *want)
{
	char	*before, *quoted;

	before = settings_get(db, key);
	assert_non_null(before);
	err_clear();
	if (settings_set(db, key, value) != -1)
		fail_msg("%s '%s' accepted", key, value);
	assert_int_equal(err_code(), EXIT_USAGE);
	if (want != NULL)
		assert_string_equal(err_msg(), want);
	else {
		quoted = xasprintf("'%s'", value);
		assert_non_null(strstr(err_msg(), key));
		assert_non_null(strstr(err_msg(), quoted));
		free(quoted);
	}
	err_clear();
	assert_setting(db, key, before);
	free(before);
}

/* Insert a decision anchored on anchor with the default 18 months. */
static int64_t
insert_anchored(struct db *db, const char *decided, const char *anchor)
{
	struct decision	 d;
	int64_t		 id;

	make_decision(&d, "Anchored", decided);
	d.anchor_on = day(anchor);
	d.next_review_on = d.anchor_on;
	d.deadline_on = date_add_months(d.anchor_on, 18);
	if (decision_insert(db, &d) != 0)
		fail_msg("insert: %s", err_msg());
	id = d.id;
	decision_release(&d);
	return id;
}

static int32_t
deadline_of(struct db *db, int64_t id)
{
	struct decision	 d;
	int32_t		 deadline;

	if (decision_load(db, id, &d) != 0)
		fail_msg("load: %s", err_msg());
	deadline = d.deadline_on;
	decision_release(&d);
	return deadline;
}

static void
test_load_gives_the_defaults(void **state)
{
	struct db		*db = *state;
	struct settings	 s;

	assert_int_equal(settings_load(db, &s), 0);
	assert_int_equal(s.review_months, 12);
	assert_int_equal(s.deadline_months, 18);
	assert_string_equal(s.currency, "USD");
	assert_int_equal(s.fte_cost, 20000000);
	assert_int_equal(s.within.n, 30);
	assert_int_equal(s.within.unit, 'd');
	assert_int_equal(s.crossover, 2500000);
}

static void
test_get_gives_the_stored_text_of_every_key(void **state)
{
	struct db		*db = *state;
	static const char *const want[] = {
		"12", "18", "USD", "200000.00", "30d", "25000.00"
	};
	int		 i;

	for (i = 0; settings_keys[i] != NULL; i++)
		assert_setting(db, settings_keys[i], want[i]);
	assert_int_equal(i, 6);
	assert_string_equal(settings_keys[0], "review_months");
	assert_string_equal(settings_keys[5], "crossover");
}

static void
test_get_of_an_unknown_key_is_a_usage_error(void **state)
{
	struct db	*db = *state;

	assert_null(settings_get(db, "colour"));
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "config: unknown setting 'colour'");
	err_clear();
	assert_null(settings_get(db, "Currency"));
	assert_int_equal(err_code(), EXIT_USAGE);
}

static void
test_set_of_an_unknown_key_is_a_usage_error(void **state)
{
	struct db	*db = *state;

	assert_int_equal(settings_set(db, "colour", "red"), -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "config: unknown setting 'colour'");
}

static void
test_set_months_accepts_1_to_120(void **state)
{
	struct db		*db = *state;
	struct settings	 s;

	assert_set(db, "deadline_months", "120", "120");
	assert_set(db, "review_months", "120", "120");
	assert_set(db, "review_months", "1", "1");
	assert_set(db, "deadline_months", "1", "1");
	assert_set(db, "deadline_months", "018", "18");
	assert_set(db, "review_months", "012", "12");
	assert_int_equal(settings_load(db, &s), 0);
	assert_int_equal(s.review_months, 12);
	assert_int_equal(s.deadline_months, 18);
}

static void
test_set_months_rejects_what_is_not_1_to_120(void **state)
{
	struct db		*db = *state;
	static const char *const bad[] = {
		"0", "121", "999", "0120", "", "-1", "+12", "1.5", "12.0",
		"twelve", " 12", "12 ", "1e1", "12m",
	};
	size_t		 i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_set_rejected(db, "review_months", bad[i], NULL);
		assert_set_rejected(db, "deadline_months", bad[i], NULL);
	}
	assert_set_rejected(db, "review_months", "0",
	    "config: review_months: invalid number of months '0' "
	    "(a whole number 1-120)");
}

static void
test_review_months_may_equal_not_pass_deadline_months(void **state)
{
	struct db	*db = *state;

	assert_set_rejected(db, "review_months", "19",
	    "config: review_months: '19' is more than deadline_months (18)");
	assert_set(db, "review_months", "18", "18");
}

static void
test_deadline_months_may_equal_not_precede_review(void **state)
{
	struct db	*db = *state;

	assert_set_rejected(db, "deadline_months", "11",
	    "config: deadline_months: '11' is less than review_months (12)");
	assert_set(db, "deadline_months", "12", "12");
	assert_set_rejected(db, "review_months", "13",
	    "config: review_months: '13' is more than deadline_months (12)");
}

static void
test_set_currency_takes_three_upper_case_letters(void **state)
{
	struct db		*db = *state;
	static const char *const bad[] = {
		"", "eur", "Eur", "EU", "EURO", "E1R", "€", " EUR", "EUR ",
	};
	struct settings	 s;
	size_t		 i;

	assert_set(db, "currency", "EUR", "EUR");
	assert_int_equal(settings_load(db, &s), 0);
	assert_string_equal(s.currency, "EUR");
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_set_rejected(db, "currency", bad[i], NULL);
	assert_set_rejected(db, "currency", "eur",
	    "config: currency: invalid currency 'eur' "
	    "(three upper-case letters)");
}

static void
test_set_within_stores_the_canonical_duration(void **state)
{
	struct db		*db = *state;
	struct settings	 s;

	assert_set(db, "within", "007d", "7d");
	assert_set(db, "within", "2w", "2w");
	assert_set(db, "within", "6m", "6m");
	assert_set(db, "within", "1y", "1y");
	assert_set(db, "within", "0d", "0d");
	assert_set(db, "within", "9999d", "9999d");
	assert_int_equal(settings_load(db, &s), 0);
	assert_int_equal(s.within.n, 9999);
	assert_int_equal(s.within.unit, 'd');
}

static void
test_set_within_rejects_what_is_not_a_duration(void **state)
{
	struct db		*db = *state;
	static const char *const bad[] = {
		"", "30", "d", "10000d", "-1d", "30 d", "30D", "30h", "1.5w",
		"30dd",
	};
	size_t		 i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_set_rejected(db, "within", bad[i], NULL);
	assert_set_rejected(db, "within", "30",
	    "config: within: invalid duration '30' "
	    "(N followed by d, w, m or y)");
}

static void
test_set_money_stores_two_decimals(void **state)
{
	struct db		*db = *state;
	struct settings	 s;

	assert_set(db, "fte_cost", "150000.5", "150000.50");
	assert_set(db, "crossover", "0", "0.00");
	assert_set(db, "crossover", "00012", "12.00");
	assert_set(db, "crossover", "999999999999.99", "999999999999.99");
	assert_int_equal(settings_load(db, &s), 0);
	assert_int_equal(s.fte_cost, 15000050);
	assert_int_equal(s.crossover, MONEY_MAX);
}

static void
test_set_money_rejects_what_is_not_an_amount(void **state)
{
	struct db		*db = *state;
	static const char *const bad[] = {
		"", "-1", "+1", "1,000", "1.234", ".5", "5.", "$5", "1e3",
		"1000000000000", "abc",
	};
	size_t		 i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_set_rejected(db, "fte_cost", bad[i], NULL);
		assert_set_rejected(db, "crossover", bad[i], NULL);
	}
	assert_set_rejected(db, "fte_cost", "1,000",
	    "config: fte_cost: invalid amount '1,000'");
}

static void
test_set_deadline_months_recomputes_every_deadline(void **state)
{
	struct db	*db = *state;
	int64_t	 a, b, c;

	a = insert_anchored(db, "2024-02-29", "2024-02-29");
	b = insert_anchored(db, "2024-06-01", "2025-01-31");
	c = insert_anchored(db, "2024-08-31", "2024-08-31");
	assert_int_equal(deadline_of(db, a), day("2025-08-29"));
	assert_int_equal(deadline_of(db, c), day("2026-02-28"));
	assert_set(db, "deadline_months", "12", "12");
	assert_int_equal(deadline_of(db, a), day("2025-02-28"));
	assert_int_equal(deadline_of(db, b), day("2026-01-31"));
	assert_int_equal(deadline_of(db, c), day("2025-08-31"));
	assert_set(db, "deadline_months", "13", "13");
	assert_int_equal(deadline_of(db, a), day("2025-03-29"));
	assert_int_equal(deadline_of(db, b), day("2026-02-28"));
	assert_int_equal(deadline_of(db, c), day("2025-09-30"));
}

static void
test_a_rejected_deadline_months_leaves_deadlines_alone(void **state)
{
	struct db	*db = *state;
	int64_t	 a;

	a = insert_anchored(db, "2025-05-22", "2025-05-22");
	assert_set_rejected(db, "deadline_months", "6", NULL);
	assert_int_equal(deadline_of(db, a), day("2026-11-22"));
}

static void
test_set_review_months_leaves_deadlines_alone(void **state)
{
	struct db	*db = *state;
	int64_t	 a;

	a = insert_anchored(db, "2025-05-22", "2025-05-22");
	assert_set(db, "review_months", "6", "6");
	assert_int_equal(deadline_of(db, a), day("2026-11-22"));
}

static void
test_load_refuses_damaged_settings_naming_the_key(void **state)
{
	struct db		*db = *state;
	struct settings	 s;

	assert_int_equal(db_exec(db, "UPDATE settings SET value = 'x' "
	    "WHERE key = 'within'"), 0);
	assert_int_equal(settings_load(db, &s), -1);
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_string_equal(err_msg(), "the register's setting 'within' is "
	    "damaged (set it again with 'mvb config within VALUE')");
	err_clear();
	assert_int_equal(db_exec(db, "UPDATE settings SET value = '30d' "
	    "WHERE key = 'within'; UPDATE settings SET value = '1,000' "
	    "WHERE key = 'crossover'"), 0);
	assert_int_equal(settings_load(db, &s), -1);
	assert_non_null(strstr(err_msg(), "'crossover' is damaged"));
	err_clear();
	assert_int_equal(db_exec(db, "DELETE FROM settings WHERE key = "
	    "'crossover'"), 0);
	assert_int_equal(settings_load(db, &s), -1);
	assert_non_null(strstr(err_msg(), "'crossover' is damaged"));
}

static void
test_a_damaged_setting_can_be_set_again(void **state)
{
	struct db		*db = *state;
	struct settings	 s;

	assert_int_equal(db_exec(db, "UPDATE settings SET value = '0' "
	    "WHERE key = 'deadline_months'"), 0);
	assert_int_equal(settings_set(db, "review_months", "13"), 0);
	assert_int_equal(settings_set(db, "deadline_months", "12"), -1);
	err_clear();
	assert_int_equal(settings_set(db, "deadline_months", "24"), 0);
	assert_int_equal(settings_load(db, &s), 0);
	assert_int_equal(s.review_months, 13);
	assert_int_equal(s.deadline_months, 24);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, \
    fixture_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_load_gives_the_defaults),
		T(test_get_gives_the_stored_text_of_every_key),
		T(test_get_of_an_unknown_key_is_a_usage_error),
		T(test_set_of_an_unknown_key_is_a_usage_error),
		T(test_set_months_accepts_1_to_120),
		T(test_set_months_rejects_what_is_not_1_to_120),
		T(test_review_months_may_equal_not_pass_deadline_months),
		T(test_deadline_months_may_equal_not_precede_review),
		T(test_set_currency_takes_three_upper_case_letters),
		T(test_set_within_stores_the_canonical_duration),
		T(test_set_within_rejects_what_is_not_a_duration),
		T(test_set_money_stores_two_decimals),
		T(test_set_money_rejects_what_is_not_an_amount),
		T(test_set_deadline_months_recomputes_every_deadline),
		T(test_a_rejected_deadline_months_leaves_deadlines_alone),
		T(test_set_review_months_leaves_deadlines_alone),
		T(test_load_refuses_damaged_settings_naming_the_key),
		T(test_a_damaged_setting_can_be_set_again),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
