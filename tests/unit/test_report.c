/*
 * Unit tests of report.c on a register built for the purpose: the quarter's
 * form, bounds and as-of day (past, current, future), every list on both
 * sides of its edge (a window opening on the quarter's last day and the day
 * after; a deadline the day before the as-of day and on it; the day before
 * and the day of each evidence flag), the reviews of the quarter, every
 * spend cell and total, and agreement with flags.c's one-decision
 * evaluation.
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
#include "err.h"
#include "flags.h"
#include "report.h"
#include "sunset.h"

#include "fixture.h"

/* A decision with the given status and window; its id. */
static int64_t
dec(struct db *db, const char *title, const char *status, const char *next,
    const char *deadline)
{
	int64_t	id = insert_decision(db, title, status, "2024-01-01");

	exec(db, "UPDATE decisions SET next_review_on = '%s', deadline_on = "
	    "'%s' WHERE id = %lld", next, deadline, (long long)id);
	return id;
}

static void
build(struct db *db, const char *quarter, const char *today, struct report *r)
{
	int	y, q;

	assert_int_equal(report_quarter_parse(quarter, &y, &q), 0);
	if (report_build(db, y, q, day(today), r) != 0)
		fail_msg("report_build: %s", err_msg());
}

/* Whether decision id is in list l of r. */
static int
in(const struct report *r, enum report_list l, int64_t id)
{
	size_t	k;

	for (k = 0; k < r->nlist[l]; k++)
		if (r->decisions[r->list[l][k]].id == id)
			return 1;
	return 0;
}

static const char *
why(const struct report *r, enum report_list l, int64_t id)
{
	size_t	k;

	for (k = 0; k < r->nlist[l]; k++)
		if (r->decisions[r->list[l][k]].id == id)
			return r->decisions[r->list[l][k]].why[l];
	return NULL;
}

static void
test_quarter_parse(void **state)
{
	static const char *const bad[] = {
		"2025Q5", "2025-Q0", "25Q1", "1899Q4", "10000Q1", "2025Q1x",
		"2025q1", "2025--Q1", "2025 Q1", "", "Q1", "2025", "2025-Q",
		"-2025Q1"
	};
	size_t	i;
	int	y = 0, q = 0;

	(void)state;
	assert_int_equal(report_quarter_parse("2026Q2", &y, &q), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(q, 2);
	assert_int_equal(report_quarter_parse("2026-Q4", &y, &q), 0);
	assert_int_equal(q, 4);
	assert_int_equal(report_quarter_parse("1900Q1", &y, &q), 0);
	assert_int_equal(report_quarter_parse("9999Q4", &y, &q), 0);
	for (i = 0; i < NELEM(bad); i++)
		if (report_quarter_parse(bad[i], &y, &q) != -1)
			fail_msg("accepted '%s'", bad[i]);
	report_quarter_of(day("2026-03-31"), &y, &q);
	assert_int_equal(q, 1);
	report_quarter_of(day("2026-04-01"), &y, &q);
	assert_int_equal(q, 2);
	report_quarter_of(day("2026-12-31"), &y, &q);
	assert_int_equal(y, 2026);
	assert_int_equal(q, 4);
}

static void
test_bounds_and_as_of(void **state)
{
	struct db		*db = *state;
	struct report	 r;

	/* Current: as of today. */
	build(db, "2026Q2", "2026-05-15", &r);
	assert_int_equal(r.start, day("2026-04-01"));
	assert_int_equal(r.end, day("2026-06-30"));
	assert_int_equal(r.as_of, day("2026-05-15"));
	report_release(&r);
	/* Past: as of its last day. */
	build(db, "2026-Q1", "2026-05-15", &r);
	assert_int_equal(r.end, day("2026-03-31"));
	assert_int_equal(r.as_of, day("2026-03-31"));
	report_release(&r);
	/* Future: as of today. */
	build(db, "2027Q3", "2026-05-15", &r);
	assert_int_equal(r.start, day("2027-07-01"));
	assert_int_equal(r.end, day("2027-09-30"));
	assert_int_equal(r.as_of, day("2026-05-15"));
	report_release(&r);
	/* The last day of the year 9999 and the first of 1900. */
	build(db, "9999Q4", "2026-05-15", &r);
	assert_int_equal(r.end, DATE_MAX);
	report_release(&r);
	build(db, "1900Q1", "2026-05-15", &r);
	assert_int_equal(r.start, DATE_MIN);
	assert_int_equal(r.as_of, day("1900-03-31"));
	report_release(&r);
}

static void
test_date_lists(void **state)
{
	struct db		*db = *state;
	struct report	 r;
	int64_t		 on_e, after_e, od, not_od, before_s, retired, prop;

	on_e = dec(db, "opens on E", "active", "2026-06-30", "2026-12-30");
	after_e = dec(db, "opens E+1", "active", "2026-07-01", "2026-12-31");
	od = dec(db, "deadline A-1", "active", "2025-11-14", "2026-05-14");
	not_od = dec(db, "deadline A", "active", "2025-11-15", "2026-05-15");
	before_s = dec(db, "opened before S", "proposed", "2026-01-10",
	    "2026-07-10");
	retired = dec(db, "retired", "retired", "2025-01-01", "2025-07-01");
	prop = dec(db, "later", "proposed", "2027-01-01", "2027-07-01");

	build(db, "2026Q2", "2026-05-15", &r);
	assert_int_equal(r.ndecisions, 6);	/* open ones only */
	assert_true(in(&r, REPORT_DUE, on_e));
	assert_false(in(&r, REPORT_DUE, after_e));
	assert_true(in(&r, REPORT_OVERDUE, od));
	assert_false(in(&r, REPORT_DUE, od));
	assert_false(in(&r, REPORT_OVERDUE, not_od));
	assert_true(in(&r, REPORT_DUE, not_od));
	assert_true(in(&r, REPORT_DUE, before_s));
	assert_false(in(&r, REPORT_DUE, retired));
	assert_false(in(&r, REPORT_OVERDUE, retired));
	assert_false(in(&r, REPORT_DUE, prop));
	assert_int_equal(r.nlist[REPORT_DUE], 3);
	assert_int_equal(r.nlist[REPORT_OVERDUE], 1);
	/* Most urgent first: the earliest deadline. */
	assert_int_equal(r.decisions[r.list[REPORT_DUE][0]].id, not_od);
	assert_int_equal(r.decisions[r.list[REPORT_DUE][1]].id, before_s);
	assert_int_equal(r.decisions[r.list[REPORT_DUE][2]].id, on_e);
	assert_string_equal(why(&r, REPORT_OVERDUE, od),
	    "review deadline 2026-05-14 passed 1 day ago");
	assert_string_equal(why(&r, REPORT_DUE, on_e), "re-evaluation window "
	    "opens 2026-06-30 (in 46 days), deadline 2026-12-30");
	assert_string_equal(why(&r, REPORT_DUE, before_s), "re-evaluation due "
	    "since 2026-01-10 (125 days ago), deadline 2026-07-10");
	/* The timeline: every open decision, the overdue one first, those
	 * in no list last. */
	assert_int_equal(r.decisions[r.timeline[0]].id, od);
	assert_int_equal(r.decisions[r.timeline[5]].id, prop);
	report_release(&r);

	/* A past quarter, as of its last day 2026-06-30. */
	exec(db, "UPDATE decisions SET deadline_on = '2026-06-29' WHERE id = "
	    "%lld", (long long)od);
	exec(db, "UPDATE decisions SET deadline_on = '2026-06-30' WHERE id = "
	    "%lld", (long long)not_od);
	build(db, "2026Q2", "2026-11-22", &r);
	assert_true(in(&r, REPORT_OVERDUE, od));
	assert_false(in(&r, REPORT_OVERDUE, not_od));
	assert_true(in(&r, REPORT_DUE, not_od));
	report_release(&r);

	/* A future quarter plans ahead: as of today, nothing of 2026Q2's
	 * overdue is overdue yet, and what opens by its end is due. */
	build(db, "2027Q1", "2026-05-15", &r);
	assert_true(in(&r, REPORT_DUE, prop));
	assert_true(in(&r, REPORT_DUE, after_e));
	assert_false(in(&r, REPORT_OVERDUE, od));
	report_release(&r);
}

static void
test_sunset(void **state)
{
	struct db		*db = *state;
	struct report	 r;
	int64_t		 a, b, c;
	int		 n;

	a = dec(db, "contract ends", "active", "2027-01-01", "2027-07-01");
	b = dec(db, "adoption low", "active", "2027-01-01", "2027-07-01");
	c = dec(db, "expensive", "active", "2027-01-01", "2027-07-01");
	assert_int_equal(sunset_add(db, a, "on 2026-05-15", &n), 0);
	exec(db, "INSERT INTO metrics VALUES (%lld, 'adoption', '>=', '60', "
	    "'%%', '2028-01-01')", (long long)b);
	assert_int_equal(sunset_add(db, b, "adoption < 60 after 2026-05-15",
	    &n), 0);
	exec(db, "INSERT INTO measurements (decision_id, metric, measured_on, "
	    "value) VALUES (%lld, 'adoption', '2026-05-14', '10'), "
	    "(%lld, 'adoption', '2026-05-15', '59.5')", (long long)b,
	    (long long)b);
	exec(db, "UPDATE decisions SET monthly_cents = 2500000 WHERE id = %lld",
	    (long long)c);
	assert_int_equal(sunset_add(db, c, "monthly_cost > 25000", &n), 0);

	/* The day before: none is met (25000.00 is not > 25000). */
	build(db, "2026Q2", "2026-05-14", &r);
	assert_int_equal(r.nlist[REPORT_SUNSET], 0);
	report_release(&r);
	exec(db, "UPDATE decisions SET monthly_cents = 2500001 WHERE id = %lld",
	    (long long)c);
	/* The day of. */
	build(db, "2026Q2", "2026-05-15", &r);
	assert_int_equal(r.nlist[REPORT_SUNSET], 3);
	assert_string_equal(why(&r, REPORT_SUNSET, a),
	    "sunset criterion 1 met: on 2026-05-15");
	assert_string_equal(why(&r, REPORT_SUNSET, b), "sunset criterion 1 "
	    "met: adoption < 60 after 2026-05-15 (latest adoption 59.5 on "
	    "2026-05-15)");
	assert_string_equal(why(&r, REPORT_SUNSET, c), "sunset criterion 1 "
	    "met: monthly_cost > 25000.00 (monthly cost 25000.01)");
	report_release(&r);
	/* A measurement that passes is the latest: b is no longer met. */
	exec(db, "INSERT INTO measurements (decision_id, metric, measured_on, "
	    "value) VALUES (%lld, 'adoption', '2026-05-16', '60')",
	    (long long)b);
	build(db, "2026Q2", "2026-05-15", &r);
	assert_false(in(&r, REPORT_SUNSET, b));
	report_release(&r);
}

static void
test_missed_and_assumption(void **state)
{
	struct db		*db = *state;
	struct report	 r;
	int64_t		 m, ok, as, rv;

	m = dec(db, "no measurement", "active", "2027-01-01", "2027-07-01");
	ok = dec(db, "meets it", "active", "2027-01-01", "2027-07-01");
	as = dec(db, "broken", "proposed", "2027-01-01", "2027-07-01");
	rv = dec(db, "reviewed since", "active", "2027-01-01", "2027-07-01");
	exec(db, "INSERT INTO metrics VALUES (%lld, 'p95', '<=', '200', 'ms', "
	    "'2026-05-14'), (%lld, 'p95', '<=', '200', NULL, '2026-05-14')",
	    (long long)m, (long long)ok);
	exec(db, "INSERT INTO measurements (decision_id, metric, measured_on, "
	    "value) VALUES (%lld, 'p95', '2026-05-13', '100'), "
	    "(%lld, 'p95', '2026-05-14', '200')", (long long)m,
	    (long long)ok);
	exec(db, "INSERT INTO assumptions (decision_id, number, text, status, "
	    "invalidated_on) VALUES (%lld, 1, 'stays small', 'invalidated', "
	    "'2026-05-15'), (%lld, 1, 'cheap', 'invalidated', '2026-05-10')",
	    (long long)as, (long long)rv);
	exec(db, "INSERT INTO reviews (decision_id, reviewed_on, outcome) "
	    "VALUES (%lld, '2026-05-10', 'keep')", (long long)rv);

	/* The target date itself: not yet missed. */
	build(db, "2026Q2", "2026-05-14", &r);
	assert_int_equal(r.nlist[REPORT_MISSED], 0);
	/* Every recorded fact counts whatever its date (mvb(1) FLAGS):
	 * an assumption's edge is the review, not the report's day. */
	assert_true(in(&r, REPORT_ASSUMPTION, as));
	report_release(&r);
	/* The day after: missed (a measurement before the target date does
	 * not count); one on the target date that meets it does. */
	build(db, "2026Q2", "2026-05-15", &r);
	assert_true(in(&r, REPORT_MISSED, m));
	assert_false(in(&r, REPORT_MISSED, ok));
	assert_string_equal(why(&r, REPORT_MISSED, m), "metric p95 has no "
	    "measurement since its target date 2026-05-14 (target <= 200 ms)");
	assert_true(in(&r, REPORT_ASSUMPTION, as));
	assert_false(in(&r, REPORT_ASSUMPTION, rv));	/* reviewed that day */
	exec(db, "UPDATE assumptions SET invalidated_on = '2026-05-11' WHERE "
	    "decision_id = %lld", (long long)rv);
	report_release(&r);
	build(db, "2026Q2", "2026-05-15", &r);
	assert_true(in(&r, REPORT_ASSUMPTION, rv));	/* the day before */
	assert_string_equal(why(&r, REPORT_ASSUMPTION, as), "assumption 1 "
	    "invalidated on 2026-05-15, not reviewed since: stays small");
	report_release(&r);
	/* A measurement on or after the target date that fails it. */
	exec(db, "INSERT INTO measurements (decision_id, metric, measured_on, "
	    "value) VALUES (%lld, 'p95', '2026-05-14', '201')", (long long)ok);
	build(db, "2026Q2", "2026-05-15", &r);
	assert_string_equal(why(&r, REPORT_MISSED, ok), "metric p95 missed its "
	    "target <= 200 by 2026-05-14: 201 on 2026-05-14");
	report_release(&r);
}

static void
test_reviewed(void **state)
{
	struct db		*db = *state;
	struct report	 r;
	int64_t		 a, b;

	a = dec(db, "kept", "active", "2027-01-01", "2027-07-01");
	b = dec(db, "gone", "retired", "2027-01-01", "2027-07-01");
	exec(db, "INSERT INTO reviews (decision_id, reviewed_on, outcome) "
	    "VALUES (%lld, '2026-03-31', 'keep'), (%lld, '2026-04-01', "
	    "'revise'), (%lld, '2026-06-30', 'retire'), (%lld, '2026-07-01', "
	    "'keep')", (long long)a, (long long)a, (long long)b,
	    (long long)a);
	build(db, "2026Q2", "2026-11-22", &r);
	assert_int_equal(r.nreviews, 2);
	assert_int_equal(r.reviews[0].id, a);
	assert_string_equal(r.reviews[0].title, "kept");
	assert_int_equal(r.reviews[0].reviewed_on, day("2026-04-01"));
	assert_string_equal(r.reviews[0].outcome, "revise");
	assert_int_equal(r.reviews[1].id, b);	/* any status */
	assert_string_equal(r.reviews[1].outcome, "retire");
	report_release(&r);
}

static void
test_spend(void **state)
{
	struct db		*db = *state;
	struct report	 r;
	int64_t		 a, b, c, p;

	a = dec(db, "a", "active", "2027-01-01", "2027-07-01");
	b = dec(db, "b", "active", "2027-01-01", "2027-07-01");
	c = dec(db, "c", "active", "2027-01-01", "2027-07-01");
	p = dec(db, "p", "proposed", "2027-01-01", "2027-07-01");
	dec(db, "r", "retired", "2027-01-01", "2027-07-01");
	/* a: build USD, 1000.00 a month, 10.5% increase, 5000.00 once,
	 * 0.50 FTE at 200000.00, lock-in 10000.00 at 0.25. */
	exec(db, "UPDATE decisions SET choice = 'build', monthly_cents = "
	    "100000, increase_hundredths = 1050, one_time_cents = 500000, "
	    "ops_fte_hundredths = 50, fte_cost_cents = 20000000, "
	    "lockin_cost_cents = 1000000, lockin_prob_hundredths = 25 "
	    "WHERE id = %lld", (long long)a);
	/* b: build USD, 0.33 a month, increase 0.01%: rounding per row. */
	exec(db, "UPDATE decisions SET choice = 'build', monthly_cents = 33, "
	    "increase_hundredths = 1, ops_fte_hundredths = 25, "
	    "fte_cost_cents = 0 WHERE id = %lld", (long long)b);
	exec(db, "UPDATE decisions SET currency = 'EUR', monthly_cents = "
	    "250000 WHERE id = %lld", (long long)c);
	exec(db, "UPDATE decisions SET monthly_cents = 999999 WHERE id = %lld",
	    (long long)p);
	build(db, "2026Q2", "2026-05-15", &r);
	assert_int_equal(r.nspend, 2);
	/* EUR first, then USD. */
	assert_string_equal(r.spend[0].currency, "EUR");
	assert_string_equal(r.spend[0].choice, "buy");
	assert_int_equal(r.spend[0].decisions, 1);
	assert_true(r.spend[0].monthly == 250000);
	assert_true(r.spend[0].annual_run_rate == 3000000);
	assert_true(r.spend[0].tco_24m == 6000000);
	assert_string_equal(r.spend[1].currency, "USD");
	assert_string_equal(r.spend[1].choice, "build");
	assert_int_equal(r.spend[1].decisions, 2);
	assert_true(r.spend[1].monthly == 100033);
	assert_true(r.spend[1].one_time == 500000);
	assert_true(r.spend[1].ops_fte == 75);
	/* a: 1200000 + 10000000 = 11200000; b: 396. */
	assert_true(r.spend[1].annual_run_rate == 11200396);
	/* a: 500000 + 1200000 + 1326000 + 20000000 + 250000 = 23276000;
	 * b: 396 + 396.0396 -> 792 (each rounded once, then summed). */
	assert_true(r.spend[1].tco_24m == 23276792);
	assert_int_equal(r.ntotals, 2);
	assert_null(r.totals[0].choice);
	assert_string_equal(r.totals[1].currency, "USD");
	assert_int_equal(r.totals[1].decisions, 2);
	assert_true(r.totals[1].tco_24m == 23276792);
	report_release(&r);
}

/* The report's evidence lists agree with flags.c for every decision. */
static void
test_agrees_with_flags(void **state)
{
	struct db		*db = *state;
	struct report	 r;
	struct flagger	 f;
	struct decision	 d;
	struct flags	 fl;
	size_t		 i;
	int		 n;

	test_sunset(state);
	test_missed_and_assumption(state);
	dec(db, "old", "active", "2025-01-01", "2025-07-01");
	sunset_add(db, 1, "on 2026-01-01", &n);
	build(db, "2026Q2", "2026-05-15", &r);
	assert_int_equal(flagger_init(&f, db, r.as_of, r.as_of), 0);
	for (i = 0; i < r.ndecisions; i++) {
		const struct report_decision *rd = &r.decisions[i];
		unsigned want = 0;

		assert_int_equal(decision_load(db, rd->id, &d), 0);
		assert_int_equal(flags_eval(&f, &d, &fl), 0);
		if (rd->lists & (1u << REPORT_OVERDUE))
			want |= 1u << FLAG_OVERDUE;
		if (rd->lists & (1u << REPORT_SUNSET))
			want |= 1u << FLAG_SUNSET;
		if (rd->lists & (1u << REPORT_MISSED))
			want |= 1u << FLAG_MISSED;
		if (rd->lists & (1u << REPORT_ASSUMPTION))
			want |= 1u << FLAG_ASSUMPTION;
		assert_int_equal(fl.bits & 0xfu, want);
		flags_release(&fl);
		decision_release(&d);
	}
	flagger_release(&f);
	report_release(&r);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, \
    fixture_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_quarter_parse),
		T(test_bounds_and_as_of),
		T(test_date_lists),
		T(test_sunset),
		T(test_missed_and_assumption),
		T(test_reviewed),
		T(test_spend),
		T(test_agrees_with_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
