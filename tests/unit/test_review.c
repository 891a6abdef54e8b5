/*
 * The review rules (review.c) and the assumption status rule (evidence.c)
 * as functions, and 'mvb review''s logic on an in-memory register.
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
#include "evidence.h"
#include "review.h"
#include "settings.h"

#include "fixture.h"

static void
test_outcomes_and_the_status_each_leaves(void **state)
{
	(void)state;
	assert_true(review_outcome_valid("keep"));
	assert_true(review_outcome_valid("revise"));
	assert_true(review_outcome_valid("replace"));
	assert_true(review_outcome_valid("retire"));
	assert_false(review_outcome_valid("drop"));
	assert_false(review_outcome_valid(""));
	assert_string_equal(review_status("keep"), "active");
	assert_string_equal(review_status("revise"), "active");
	assert_string_equal(review_status("replace"), "superseded");
	assert_string_equal(review_status("retire"), "retired");
}

static void
test_anchor_is_the_later_date_and_deadline_follows(void **state)
{
	struct settings	s;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.review_months = 6;
	s.deadline_months = 18;
	assert_int_equal(review_anchor(day("2025-03-01"), day("2025-03-02")),
	    day("2025-03-02"));
	assert_int_equal(review_anchor(day("2025-03-01"), day("2025-03-01")),
	    day("2025-03-01"));
	assert_int_equal(review_anchor(day("2025-03-01"), day("2025-02-28")),
	    day("2025-03-01"));
	assert_int_equal(review_deadline(day("2024-08-31"), &s),
	    day("2026-02-28"));
	assert_int_equal(review_next_default(day("2025-08-31"), &s),
	    day("2026-02-28"));
}

static void
test_assumption_latest_date_counts(void **state)
{
	const char	*inv, *conf;

	(void)state;
	/* Invalidating a holding assumption. */
	assert_string_equal(assumption_next(0, NULL, NULL, 1, "2025-03-01",
	    &inv, &conf), "invalidated");
	assert_string_equal(inv, "2025-03-01");
	assert_null(conf);
	/* A later confirmation already there keeps it holding. */
	assert_string_equal(assumption_next(0, NULL, "2025-03-02", 1,
	    "2025-03-01", &inv, &conf), "holding");
	assert_null(inv);
	/* On the same day the invalidation wins. */
	assert_string_equal(assumption_next(0, NULL, "2025-03-01", 1,
	    "2025-03-01", &inv, &conf), "invalidated");
	/* Confirming after the invalidation: holding again. */
	assert_string_equal(assumption_next(1, "2025-03-01", NULL, 0,
	    "2025-03-02", &inv, &conf), "holding");
	assert_null(inv);
	assert_string_equal(conf, "2025-03-02");
	/* Confirming the day before it: still invalidated. */
	assert_string_equal(assumption_next(1, "2025-03-01", NULL, 0,
	    "2025-02-28", &inv, &conf), "invalidated");
	assert_string_equal(inv, "2025-03-01");
	/* On the same day the confirmation wins. */
	assert_string_equal(assumption_next(1, "2025-03-01", NULL, 0,
	    "2025-03-01", &inv, &conf), "holding");
}

static void
test_record_sets_status_anchor_and_refuses_a_day_before(void **state)
{
	struct settings	 s;
	struct decision	 d;
	struct review	 r;
	struct db		*db = *state;

	assert_int_equal(settings_load(db, &s), 0);
	assert_int_equal(insert_decision(db, "T", "active", "2025-01-15"), 1);

	memset(&r, 0, sizeof(r));
	r.decision_id = 1;
	r.outcome = "retire";
	r.reviewed_on = day("2025-01-14");
	assert_int_equal(review_record(db, &s, day("2025-06-01"), &r, 1, 0),
	    -1);
	assert_string_equal(err_msg(), "--on: '2025-01-14' is before the "
	    "decision's anchor 2025-01-15");
	err_clear();
	r.reviewed_on = day("2025-01-15");
	assert_int_equal(review_record(db, &s, day("2025-06-01"), &r, 1, 0),
	    0);
	assert_int_equal(decision_load(db, 1, &d), 0);
	assert_string_equal(d.status, "retired");
	assert_int_equal(d.anchor_on, day("2025-01-15"));
	assert_int_equal(d.next_review_on, review_next_default(day(
	    "2025-01-15"), &s));
	decision_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outcomes_and_the_status_each_leaves),
		cmocka_unit_test(
		    test_anchor_is_the_later_date_and_deadline_follows),
		cmocka_unit_test(test_assumption_latest_date_counts),
		cmocka_unit_test_setup_teardown(
		    test_record_sets_status_anchor_and_refuses_a_day_before,
		    fixture_setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
