/*
 * Unit tests of record.c: one decision's whole record loaded at once, each
 * section in the order show prints it, nothing of other decisions, and the
 * flags as of the day asked for.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "flags.h"
#include "record.h"
#include "settings.h"

#include "fixture.h"

/* Load id's record as of today with the register's settings. */
static void
load(struct db *db, int64_t id, const char *today, struct record *r)
{
	struct settings	s;

	if (settings_load(db, &s) != 0)
		fail_msg("settings: %s", err_msg());
	if (record_load(db, id, day(today), &s, r) != 0)
		fail_msg("load %lld: %s", (long long)id, err_msg());
}

/*
 * Decision a (2025-05-22) with every section filled, each table's rows
 * inserted out of order, and decision b with one row in each table, which
 * a's record must not show.
 */
static void
fill(struct db *db, int64_t a, int64_t b)
{
	exec(db, "INSERT INTO assumptions (decision_id, number, text, status, "
	    "invalidated_on, confirmed_on, note) VALUES "
	    "(%lld, 2, 'price holds', 'invalidated', '2025-09-01', NULL, "
	    "'up 40%%'), (%lld, 1, 'traffic flat', 'holding', NULL, "
	    "'2025-08-01', NULL), (%lld, 1, 'other', 'holding', NULL, NULL, "
	    "NULL)", (long long)a, (long long)a, (long long)b);
	exec(db, "INSERT INTO metrics (decision_id, name, op, target, unit, "
	    "target_on) VALUES (%lld, 'zeta', '>=', '60', '%%', "
	    "'2026-01-01'), (%lld, 'alpha', '<', '0.5', NULL, '2026-01-01'), "
	    "(%lld, 'early', '<=', '250', 'ms', '2025-12-01'), "
	    "(%lld, 'zeta', '>', '1', NULL, '2025-01-01')", (long long)a,
	    (long long)a, (long long)a, (long long)b);
	exec(db, "INSERT INTO measurements (decision_id, metric, measured_on, "
	    "value) VALUES (%lld, 'zeta', '2025-10-01', '70'), "
	    "(%lld, 'zeta', '2025-07-01', '50'), "
	    "(%lld, 'zeta', '2025-10-01', '71'), "
	    "(%lld, 'zeta', '2025-08-01', '9')", (long long)a, (long long)a,
	    (long long)a, (long long)b);
	exec(db, "INSERT INTO sunset (decision_id, number, expression, kind, "
	    "on_date) VALUES (%lld, 2, 'on 2031-01-01', 'on', '2031-01-01'), "
	    "(%lld, 1, 'after 2030-01-01', 'on', '2030-01-01'), "
	    "(%lld, 1, 'on 2029-01-01', 'on', '2029-01-01')", (long long)a,
	    (long long)a, (long long)b);
	exec(db, "INSERT INTO reviews (decision_id, reviewed_on, outcome, "
	    "next_review_on, replaced_by, notes) VALUES "
	    "(%lld, '2025-11-01', 'replace', NULL, %lld, 'moved'), "
	    "(%lld, '2025-06-01', 'keep', '2026-06-01', NULL, NULL), "
	    "(%lld, '2025-11-01', 'revise', '2026-05-01', NULL, 'second'), "
	    "(%lld, '2025-06-01', 'keep', NULL, NULL, NULL)", (long long)b,
	    (long long)a, (long long)a, (long long)a, (long long)b);
	exec(db, "INSERT INTO options (decision_id, number, name, choice, "
	    "currency, one_time_cents, monthly_cents, increase_hundredths, "
	    "ops_fte_hundredths, fte_cost_cents, lockin_cost_cents, "
	    "lockin_prob_hundredths) VALUES "
	    "(%lld, 2, 'Amazon MQ', 'buy', 'EUR', 1, 2, 3, 4, 5, 6, 7), "
	    "(%lld, 1, 'RabbitMQ', 'oss', 'USD', 0, 0, 0, 50, 20000000, 0, 0), "
	    "(%lld, 1, 'other', 'build', 'USD', 0, 0, 0, 0, 0, 0, 0)",
	    (long long)a, (long long)a, (long long)b);
}

static void
test_a_whole_record_in_show_order(void **state)
{
	struct db				*db = *state;
	struct record			 r;
	const struct record_metric	*m;
	int64_t				 a, b;

	a = insert_decision(db, "Managed queue", "active", "2025-05-22");
	b = insert_decision(db, "Other", "active", "2025-05-22");
	fill(db, a, b);
	load(db, a, "2025-06-01", &r);
	assert_int_equal(r.d.id, a);
	assert_string_equal(r.d.title, "Managed queue");

	assert_int_equal(r.nassumptions, 2);
	assert_int_equal(r.assumptions[0].number, 1);
	assert_string_equal(r.assumptions[0].text, "traffic flat");
	assert_string_equal(r.assumptions[0].status, "holding");
	assert_text_equal(r.assumptions[0].invalidated_on, NULL);
	assert_text_equal(r.assumptions[0].confirmed_on, "2025-08-01");
	assert_text_equal(r.assumptions[0].note, NULL);
	assert_int_equal(r.assumptions[1].number, 2);
	assert_string_equal(r.assumptions[1].status, "invalidated");
	assert_text_equal(r.assumptions[1].invalidated_on, "2025-09-01");
	assert_text_equal(r.assumptions[1].confirmed_on, NULL);
	assert_text_equal(r.assumptions[1].note, "up 40%");

	/* By target date, then name; measurements oldest first, a day's
	 * in the order recorded. */
	assert_int_equal(r.nmetrics, 3);
	m = &r.metrics[0];
	assert_string_equal(m->name, "early");
	assert_string_equal(m->op, "<=");
	assert_string_equal(m->target, "250");
	assert_text_equal(m->unit, "ms");
	assert_string_equal(m->target_on, "2025-12-01");
	assert_int_equal(m->nmeasurements, 0);
	m = &r.metrics[1];
	assert_string_equal(m->name, "alpha");
	assert_text_equal(m->unit, NULL);
	assert_int_equal(m->nmeasurements, 0);
	m = &r.metrics[2];
	assert_string_equal(m->name, "zeta");
	assert_string_equal(m->target, "60");
	assert_int_equal(m->nmeasurements, 3);
	assert_string_equal(m->measurements[0].measured_on, "2025-07-01");
	assert_string_equal(m->measurements[0].value, "50");
	assert_string_equal(m->measurements[1].value, "70");
	assert_string_equal(m->measurements[2].measured_on, "2025-10-01");
	assert_string_equal(m->measurements[2].value, "71");

	assert_int_equal(r.nsunset, 2);
	assert_int_equal(r.sunset[0].number, 1);
	assert_string_equal(r.sunset[0].expression, "after 2030-01-01");
	assert_string_equal(r.sunset[1].expression, "on 2031-01-01");

	/* Oldest first, a day's in the order recorded. */
	assert_int_equal(r.nreviews, 2);
	assert_string_equal(r.reviews[0].reviewed_on, "2025-06-01");
	assert_string_equal(r.reviews[0].outcome, "keep");
	assert_text_equal(r.reviews[0].next_review_on, "2026-06-01");
	assert_int_equal(r.reviews[0].replaced_by, 0);
	assert_text_equal(r.reviews[0].notes, NULL);
	assert_string_equal(r.reviews[1].outcome, "revise");
	assert_text_equal(r.reviews[1].notes, "second");

	assert_int_equal(r.noptions, 2);
	assert_int_equal(r.options[0].number, 1);
	assert_string_equal(r.options[0].name, "RabbitMQ");
	assert_string_equal(r.options[0].choice, "oss");
	assert_string_equal(r.options[0].currency, "USD");
	assert_int_equal(r.options[0].cost.ops_fte, 50);
	assert_int_equal(r.options[0].cost.fte_cost, 20000000);
	assert_string_equal(r.options[1].name, "Amazon MQ");
	assert_string_equal(r.options[1].currency, "EUR");
	assert_int_equal(r.options[1].cost.one_time, 1);
	assert_int_equal(r.options[1].cost.monthly, 2);
	assert_int_equal(r.options[1].cost.increase, 3);
	assert_int_equal(r.options[1].cost.ops_fte, 4);
	assert_int_equal(r.options[1].cost.fte_cost, 5);
	assert_int_equal(r.options[1].cost.lockin_cost, 6);
	assert_int_equal(r.options[1].cost.lockin_prob, 7);
	record_release(&r);
}

static void
test_the_other_decision_sees_only_its_own_rows(void **state)
{
	struct db		*db = *state;
	struct record	 r;
	int64_t		 a, b;

	a = insert_decision(db, "Managed queue", "active", "2025-05-22");
	b = insert_decision(db, "Other", "superseded", "2025-05-22");
	fill(db, a, b);
	load(db, b, "2025-06-01", &r);
	assert_int_equal(r.nassumptions, 1);
	assert_string_equal(r.assumptions[0].text, "other");
	assert_int_equal(r.nmetrics, 1);
	assert_string_equal(r.metrics[0].target, "1");
	assert_int_equal(r.metrics[0].nmeasurements, 1);
	assert_string_equal(r.metrics[0].measurements[0].value, "9");
	assert_int_equal(r.nsunset, 1);
	assert_int_equal(r.nreviews, 2);
	assert_int_equal(r.reviews[0].replaced_by, 0);
	assert_int_equal(r.reviews[1].replaced_by, a);
	assert_text_equal(r.reviews[1].next_review_on, NULL);
	assert_int_equal(r.noptions, 1);
	assert_string_equal(r.options[0].choice, "build");
	/* Neither proposed nor active: no flags. */
	assert_int_equal(r.f.bits, 0);
	assert_null(r.f.reason);
	record_release(&r);
}

static void
test_a_bare_decision_has_empty_sections(void **state)
{
	struct db		*db = *state;
	struct record	 r;
	int64_t		 id;

	id = insert_decision(db, "Bare", "active", "2025-05-22");
	load(db, id, "2025-06-01", &r);
	assert_int_equal(r.nassumptions, 0);
	assert_null(r.assumptions);
	assert_int_equal(r.nmetrics, 0);
	assert_int_equal(r.nsunset, 0);
	assert_int_equal(r.nreviews, 0);
	assert_int_equal(r.noptions, 0);
	assert_int_equal(r.f.bits, 0);
	record_release(&r);
	/* Released twice is harmless: release leaves an empty record. */
	record_release(&r);
}

static void
test_an_unknown_id_is_a_usage_error(void **state)
{
	struct db		*db = *state;
	struct settings	 s;
	struct record	 r;

	insert_decision(db, "Only", "active", "2025-05-22");
	assert_int_equal(settings_load(db, &s), 0);
	assert_int_equal(record_load(db, 2, day("2025-06-01"), &s, &r), -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "no decision with id '2'");
	record_release(&r);
}

/* Review window 2026-05-22 to 2026-11-22 for a decision of 2025-05-22. */
static unsigned
flags_on(struct db *db, int64_t id, const char *today, const char *within)
{
	struct settings	s;
	struct record	r;
	unsigned	bits;

	assert_int_equal(settings_load(db, &s), 0);
	if (within != NULL)
		assert_int_equal(duration_parse(within, &s.within), 0);
	assert_int_equal(record_load(db, id, day(today), &s, &r), 0);
	bits = r.f.bits;
	if (bits != 0)
		assert_non_null(r.f.reason);
	record_release(&r);
	return bits;
}

static void
test_flags_are_as_of_the_day_asked_for(void **state)
{
	struct db	*db = *state;
	int64_t	 id;

	id = insert_decision(db, "Managed queue", "active", "2025-05-22");
	assert_int_equal(flags_on(db, id, "2026-11-22", NULL),
	    1u << FLAG_DUE);
	assert_int_equal(flags_on(db, id, "2026-11-23", NULL),
	    1u << FLAG_OVERDUE);
}

static void
test_upcoming_reaches_as_far_as_the_settings_say(void **state)
{
	struct db	*db = *state;
	int64_t	 id;

	id = insert_decision(db, "Managed queue", "active", "2025-05-22");
	/* 'within' is 30d by default: the window opens 30 days on. */
	assert_int_equal(flags_on(db, id, "2026-04-22", NULL),
	    1u << FLAG_UPCOMING);
	assert_int_equal(flags_on(db, id, "2026-04-21", NULL), 0);
	assert_int_equal(flags_on(db, id, "2026-04-22", "29d"), 0);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, \
    fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(test_a_whole_record_in_show_order),
		T(test_the_other_decision_sees_only_its_own_rows),
		T(test_a_bare_decision_has_empty_sections),
		T(test_an_unknown_id_is_a_usage_error),
		T(test_flags_are_as_of_the_day_asked_for),
		T(test_upcoming_reaches_as_far_as_the_settings_say),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
