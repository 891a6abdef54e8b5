/*
 * Unit tests of flags.c: each rule of mvb(1) FLAGS on both sides of its edge,
 * with today and the horizon passed in, the reason said for the most
 * urgent flag, and the order and separator of flag lists. The date rules
 * use decisions built in memory; the evidence rules (sunset, missed,
 * assumption) use a decision stored with its evidence.
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
#include "flags.h"
#include "sunset.h"
#include "util.h"

#include "fixture.h"

#define BIT(f) (1u << (f))

/* One test's state: a register and a decision to evaluate. */
struct fixture {
	struct db		*db;
	struct decision	 d;
	struct flags	 fl;
};

static int
setup(void **state)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));

	if ((fx->db = fixture_register()) == NULL) {
		free(fx);
		return -1;
	}
	/* Decided 2025-05-22: window opens 2026-05-22, deadline 2026-11-22. */
	make_decision(&fx->d, "Managed queue", "2025-05-22");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	flags_release(&fx->fl);
	decision_release(&fx->d);
	db_close(fx->db);
	free(fx);
	fixture_end();
	return 0;
}

/* Set the decision's window: it opens on next, closes on deadline. */
static void
set_window(struct fixture *fx, const char *next, const char *deadline)
{
	fx->d.next_review_on = day(next);
	fx->d.deadline_on = day(deadline);
}

/* Evaluate the fixture's decision as of today with horizon; its bits. */
static unsigned
eval_until(struct fixture *fx, const char *today, const char *horizon)
{
	struct flagger	f;

	flags_release(&fx->fl);
	if (flagger_init(&f, fx->db, day(today), day(horizon)) != 0)
		fail_msg("flagger_init: %s", err_msg());
	if (flags_eval(&f, &fx->d, &fx->fl) != 0)
		fail_msg("flags_eval: %s", err_msg());
	flagger_release(&f);
	if (fx->fl.bits == 0)
		assert_null(fx->fl.reason);
	else
		assert_non_null(fx->fl.reason);
	return fx->fl.bits;
}

/* The flags of bits as flags_format() writes them; the caller frees. */
static char *
format(unsigned bits)
{
	struct strbuf	sb;

	sb_init(&sb);
	flags_format(bits, &sb);
	return sb.buf;	/* the caller owns it */
}

static void
assert_format(unsigned bits, const char *want)
{
	char	*got = format(bits);

	assert_string_equal(got, want);
	free(got);
}

/* Store the fixture's decision so that evidence can refer to it. */
static void
store(struct fixture *fx)
{
	if (decision_insert(fx->db, &fx->d) != 0)
		fail_msg("insert: %s", err_msg());
}

static void
test_overdue_only_after_the_deadline_day(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-05-22", "2026-11-21");
	assert_int_equal(eval_until(fx, "2026-11-21", "2026-12-21"),
	    BIT(FLAG_DUE));
	assert_int_equal(eval_until(fx, "2026-11-22", "2026-12-22"),
	    BIT(FLAG_OVERDUE));
	assert_int_equal(eval_until(fx, "2030-01-01", "2030-01-31"),
	    BIT(FLAG_OVERDUE));
}

static void
test_overdue_reason_counts_the_days_since_the_deadline(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-05-21", "2026-11-21");
	eval_until(fx, "2026-11-22", "2026-12-22");
	assert_string_equal(fx->fl.reason,
	    "review deadline 2026-11-21 passed 1 day ago");
	eval_until(fx, "2026-11-24", "2026-12-24");
	assert_string_equal(fx->fl.reason,
	    "review deadline 2026-11-21 passed 3 days ago");
}

static void
test_due_from_the_day_the_window_opens(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-11-22", "2027-05-22");
	/* The day before: upcoming if the horizon reaches, never due. */
	assert_int_equal(eval_until(fx, "2026-11-21", "2026-11-21"), 0);
	assert_int_equal(eval_until(fx, "2026-11-21", "2026-12-21"),
	    BIT(FLAG_UPCOMING));
	assert_int_equal(eval_until(fx, "2026-11-22", "2026-11-22"),
	    BIT(FLAG_DUE));
	assert_int_equal(eval_until(fx, "2026-11-22", "2026-12-22"),
	    BIT(FLAG_DUE));
}

static void
test_due_through_the_deadline_day(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-11-22", "2027-05-22");
	assert_int_equal(eval_until(fx, "2027-05-21", "2027-06-20"),
	    BIT(FLAG_DUE));
	assert_int_equal(eval_until(fx, "2027-05-22", "2027-06-21"),
	    BIT(FLAG_DUE));
	assert_int_equal(eval_until(fx, "2027-05-23", "2027-06-22"),
	    BIT(FLAG_OVERDUE));
}

static void
test_due_on_a_window_that_opens_and_closes_on_one_day(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-11-22", "2026-11-22");
	assert_int_equal(eval_until(fx, "2026-11-22", "2026-12-22"),
	    BIT(FLAG_DUE));
	assert_int_equal(eval_until(fx, "2026-11-23", "2026-12-23"),
	    BIT(FLAG_OVERDUE));
}

static void
test_due_reason_names_the_opening_and_the_deadline(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-11-22", "2027-05-22");
	eval_until(fx, "2026-11-22", "2026-12-22");
	assert_string_equal(fx->fl.reason, "re-evaluation due since "
	    "2026-11-22 (today), deadline 2027-05-22");
	eval_until(fx, "2026-11-23", "2026-12-23");
	assert_string_equal(fx->fl.reason, "re-evaluation due since "
	    "2026-11-22 (1 day ago), deadline 2027-05-22");
	eval_until(fx, "2026-12-02", "2027-01-01");
	assert_string_equal(fx->fl.reason, "re-evaluation due since "
	    "2026-11-22 (10 days ago), deadline 2027-05-22");
}

static void
test_upcoming_reaches_the_horizon_day_but_not_the_day_after(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-12-22", "2027-06-22");
	assert_int_equal(eval_until(fx, "2026-11-22", "2026-12-22"),
	    BIT(FLAG_UPCOMING));
	assert_int_equal(eval_until(fx, "2026-11-22", "2026-12-21"), 0);
	assert_int_equal(eval_until(fx, "2026-11-21", "2026-12-21"), 0);
}

static void
test_upcoming_stops_when_the_window_opens(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-11-23", "2027-05-23");
	assert_int_equal(eval_until(fx, "2026-11-22", "2026-12-22"),
	    BIT(FLAG_UPCOMING));
	assert_int_equal(eval_until(fx, "2026-11-23", "2026-12-23"),
	    BIT(FLAG_DUE));
}

static void
test_upcoming_reason_counts_the_days_until_the_window(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-11-23", "2027-05-23");
	eval_until(fx, "2026-11-22", "2026-12-22");
	assert_string_equal(fx->fl.reason,
	    "re-evaluation window opens 2026-11-23 (in 1 day)");
	eval_until(fx, "2026-10-24", "2026-11-23");
	assert_string_equal(fx->fl.reason,
	    "re-evaluation window opens 2026-11-23 (in 30 days)");
}

static void
test_nothing_is_flagged_well_before_the_window(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(eval_until(fx, "2025-05-22", "2025-06-21"), 0);
	assert_null(fx->fl.reason);
}

static void
test_proposed_decisions_are_flagged_like_active_ones(void **state)
{
	struct fixture	*fx = *state;

	decision_set_text(&fx->d.status, "proposed");
	set_window(fx, "2026-05-22", "2026-11-21");
	assert_int_equal(eval_until(fx, "2026-11-22", "2026-12-22"),
	    BIT(FLAG_OVERDUE));
	assert_int_equal(eval_until(fx, "2026-05-22", "2026-06-21"),
	    BIT(FLAG_DUE));
}

static void
test_superseded_and_retired_decisions_are_never_flagged(void **state)
{
	struct fixture	*fx = *state;
	static const char *const closed[] = { "superseded", "retired" };
	int		 number;
	size_t		 i;

	store(fx);
	assert_int_equal(sunset_add(fx->db, fx->d.id, "on 2026-01-01",
	    &number), 0);
	for (i = 0; i < ARRAY_SIZE(closed); i++) {
		decision_set_text(&fx->d.status, closed[i]);
		assert_int_equal(eval_until(fx, "2030-01-01", "2030-01-31"), 0);
		assert_null(fx->fl.reason);
		assert_int_equal(eval_until(fx, "2026-05-22", "2026-06-21"), 0);
		assert_int_equal(eval_until(fx, "2026-05-01", "2026-05-31"), 0);
	}
}

static void
test_sunset_on_a_date_is_met_from_that_day(void **state)
{
	struct fixture	*fx = *state;
	int		 number;

	store(fx);
	assert_int_equal(sunset_add(fx->db, fx->d.id, "on 2025-12-31",
	    &number), 0);
	assert_int_equal(number, 1);
	assert_int_equal(eval_until(fx, "2025-12-30", "2026-01-29"), 0);
	assert_int_equal(eval_until(fx, "2025-12-31", "2026-01-30"),
	    BIT(FLAG_SUNSET));
	assert_string_equal(fx->fl.reason,
	    "sunset criterion 1 met: on 2025-12-31");
}

static void
test_sunset_on_monthly_cost_compares_the_current_cost(void **state)
{
	struct fixture	*fx = *state;
	int		 number;

	fx->d.cost.monthly = 2500000;
	store(fx);
	assert_int_equal(sunset_add(fx->db, fx->d.id, "monthly_cost > 25000",
	    &number), 0);
	assert_int_equal(eval_until(fx, "2025-06-01", "2025-07-01"), 0);
	fx->d.cost.monthly = 2500001;
	assert_int_equal(eval_until(fx, "2025-06-01", "2025-07-01"),
	    BIT(FLAG_SUNSET));
	assert_non_null(strstr(fx->fl.reason, "sunset criterion 1 met: "
	    "monthly_cost > 25000"));
}

static void
test_sunset_on_a_metric_waits_for_its_after_date(void **state)
{
	struct fixture	*fx = *state;
	int		 number;

	store(fx);
	assert_int_equal(metric_add(fx->db, fx->d.id, "adoption", ">=", "60",
	    "%", day("2026-05-22")), 0);
	assert_int_equal(sunset_add(fx->db, fx->d.id,
	    "adoption < 60 after 2026-01-01", &number), 0);
	/* Measured low before the date: does not count. */
	assert_int_equal(measurement_add(fx->db, fx->d.id, "adoption",
	    day("2025-12-31"), "10"), 0);
	assert_int_equal(eval_until(fx, "2026-01-01", "2026-01-31"), 0);
	assert_int_equal(measurement_add(fx->db, fx->d.id, "adoption",
	    day("2026-01-01"), "59.9"), 0);
	assert_int_equal(eval_until(fx, "2025-12-31", "2026-01-30"), 0);
	assert_int_equal(eval_until(fx, "2026-01-01", "2026-01-31"),
	    BIT(FLAG_SUNSET));
	/* The latest measurement decides. */
	assert_int_equal(measurement_add(fx->db, fx->d.id, "adoption",
	    day("2026-02-01"), "60"), 0);
	assert_int_equal(eval_until(fx, "2026-02-01", "2026-03-03"), 0);
}

static void
test_missed_only_once_the_target_date_has_passed(void **state)
{
	struct fixture	*fx = *state;

	store(fx);
	assert_int_equal(metric_add(fx->db, fx->d.id, "adoption", ">=", "60",
	    "%", day("2026-01-01")), 0);
	assert_int_equal(eval_until(fx, "2026-01-01", "2026-01-31"), 0);
	assert_int_equal(eval_until(fx, "2026-01-02", "2026-02-01"),
	    BIT(FLAG_MISSED));
	assert_string_equal(fx->fl.reason, "metric adoption has no "
	    "measurement since its target date 2026-01-01 (target >= 60 %)");
}

static void
test_missed_counts_measurements_from_the_target_date_on(void **state)
{
	struct fixture	*fx = *state;

	store(fx);
	assert_int_equal(metric_add(fx->db, fx->d.id, "p95_ms", "<=", "200",
	    NULL, day("2026-01-01")), 0);
	assert_int_equal(measurement_add(fx->db, fx->d.id, "p95_ms",
	    day("2025-12-31"), "150"), 0);
	assert_int_equal(eval_until(fx, "2026-01-02", "2026-02-01"),
	    BIT(FLAG_MISSED));
	assert_int_equal(measurement_add(fx->db, fx->d.id, "p95_ms",
	    day("2026-01-01"), "200"), 0);
	assert_int_equal(eval_until(fx, "2026-01-02", "2026-02-01"), 0);
	assert_int_equal(measurement_add(fx->db, fx->d.id, "p95_ms",
	    day("2026-01-05"), "200.5"), 0);
	assert_int_equal(eval_until(fx, "2026-01-06", "2026-02-05"),
	    BIT(FLAG_MISSED));
	assert_string_equal(fx->fl.reason, "metric p95_ms missed its target "
	    "<= 200 by 2026-01-01: 200.5 on 2026-01-05");
}

static void
test_assumption_flags_until_reviewed_on_or_after_it(void **state)
{
	struct fixture	*fx = *state;
	int		 number;

	store(fx);
	assert_int_equal(assumption_add(fx->db, fx->d.id,
	    "traffic stays under 1000 msg/s", &number), 0);
	assert_int_equal(eval_until(fx, "2025-09-01", "2025-10-01"), 0);
	assert_int_equal(assumption_mark(fx->db, fx->d.id, number, 1,
	    day("2025-08-01"), NULL), 0);
	assert_int_equal(eval_until(fx, "2025-09-01", "2025-10-01"),
	    BIT(FLAG_ASSUMPTION));
	assert_string_equal(fx->fl.reason, "assumption 1 invalidated on "
	    "2025-08-01, not reviewed since: traffic stays under 1000 msg/s");
	assert_int_equal(db_exec(fx->db, "INSERT INTO reviews (decision_id, "
	    "reviewed_on, outcome) VALUES (1, '2025-07-31', 'keep')"), 0);
	assert_int_equal(eval_until(fx, "2025-09-01", "2025-10-01"),
	    BIT(FLAG_ASSUMPTION));
	assert_int_equal(db_exec(fx->db, "INSERT INTO reviews (decision_id, "
	    "reviewed_on, outcome) VALUES (1, '2025-08-01', 'keep')"), 0);
	assert_int_equal(eval_until(fx, "2025-09-01", "2025-10-01"), 0);
}

static void
test_every_recorded_fact_counts_whatever_its_date(void **state)
{
	struct fixture	*fx = *state;
	int		 number;

	store(fx);
	assert_int_equal(assumption_add(fx->db, fx->d.id, "cheap", &number),
	    0);
	assert_int_equal(assumption_mark(fx->db, fx->d.id, number, 1,
	    day("2026-03-01"), NULL), 0);
	/* Evaluated as of a day before the invalidation was dated. */
	assert_int_equal(eval_until(fx, "2025-09-01", "2025-10-01"),
	    BIT(FLAG_ASSUMPTION));
}

static void
test_all_flags_at_once_in_order_with_the_most_urgent_reason(void **state)
{
	struct fixture	*fx = *state;
	char		*list;
	int		 number;

	set_window(fx, "2026-05-22", "2026-11-21");
	store(fx);
	assert_int_equal(sunset_add(fx->db, fx->d.id, "on 2026-06-01",
	    &number), 0);
	assert_int_equal(metric_add(fx->db, fx->d.id, "adoption", ">=", "60",
	    NULL, day("2026-01-01")), 0);
	assert_int_equal(assumption_add(fx->db, fx->d.id, "cheap", &number),
	    0);
	assert_int_equal(assumption_mark(fx->db, fx->d.id, number, 1,
	    day("2026-02-01"), NULL), 0);
	eval_until(fx, "2026-11-22", "2026-12-22");
	list = format(fx->fl.bits);
	assert_string_equal(list, "overdue;sunset;missed;assumption");
	free(list);
	assert_string_equal(fx->fl.reason,
	    "review deadline 2026-11-21 passed 1 day ago");
	eval_until(fx, "2026-07-01", "2026-07-31");
	list = format(fx->fl.bits);
	assert_string_equal(list, "sunset;missed;assumption;due");
	free(list);
	assert_string_equal(fx->fl.reason,
	    "sunset criterion 1 met: on 2026-06-01");
}

/*
 * One flagger walks the evidence of many decisions: each decision gets its
 * own evidence only, asked in id order, with gaps, again, or backwards.
 */
static void
test_one_flagger_gives_each_decision_its_own_evidence(void **state)
{
	struct fixture	*fx = *state;
	struct decision	 d[6];
	struct flagger	 f;
	struct flags	 fl;
	static const int order[] = { 0, 1, 2, 3, 4, 5, 3, 3, 5, 0, 4 };
	unsigned	 want[6];
	int		 i, k, number;

	for (i = 0; i < 6; i++) {
		make_decision(&d[i], "Queue", "2026-01-10");
		/* Window opens 2027-01-10: no date flag on 2026-11-22. */
		if (decision_insert(fx->db, &d[i]) != 0)
			fail_msg("insert: %s", err_msg());
		want[i] = 0;
	}
	/* 0: a met sunset date; 1: none; 2: a metric missed, and a second
	 * criterion; 3: an unreviewed invalidated assumption; 4: a metric
	 * met; 5: everything. */
	assert_int_equal(sunset_add(fx->db, d[0].id, "on 2026-06-01",
	    &number), 0);
	want[0] = BIT(FLAG_SUNSET);
	assert_int_equal(metric_add(fx->db, d[2].id, "adoption", ">=", "60",
	    NULL, day("2026-02-01")), 0);
	assert_int_equal(metric_add(fx->db, d[2].id, "uptime", ">=", "99",
	    NULL, day("2026-03-01")), 0);
	assert_int_equal(measurement_add(fx->db, d[2].id, "adoption",
	    day("2026-04-01"), "70"), 0);
	assert_int_equal(sunset_add(fx->db, d[2].id, "on 2027-06-01",
	    &number), 0);
	want[2] = BIT(FLAG_MISSED);
	assert_int_equal(assumption_add(fx->db, d[3].id, "cheap", &number),
	    0);
	assert_int_equal(assumption_mark(fx->db, d[3].id, number, 1,
	    day("2026-02-01"), NULL), 0);
	want[3] = BIT(FLAG_ASSUMPTION);
	assert_int_equal(metric_add(fx->db, d[4].id, "adoption", ">=", "60",
	    NULL, day("2026-02-01")), 0);
	assert_int_equal(measurement_add(fx->db, d[4].id, "adoption",
	    day("2026-02-01"), "60"), 0);
	assert_int_equal(metric_add(fx->db, d[5].id, "adoption", ">=", "60",
	    NULL, day("2026-02-01")), 0);
	assert_int_equal(sunset_add(fx->db, d[5].id, "adoption < 61",
	    &number), 0);
	assert_int_equal(measurement_add(fx->db, d[5].id, "adoption",
	    day("2026-03-01"), "50"), 0);
	assert_int_equal(assumption_add(fx->db, d[5].id, "cheap", &number),
	    0);
	assert_int_equal(assumption_mark(fx->db, d[5].id, number, 1,
	    day("2026-02-01"), NULL), 0);
	want[5] = BIT(FLAG_SUNSET) | BIT(FLAG_MISSED) | BIT(FLAG_ASSUMPTION);

	if (flagger_init(&f, fx->db, day("2026-11-22"), day("2026-12-22")) != 0)
		fail_msg("flagger_init: %s", err_msg());
	for (k = 0; k < (int)ARRAY_SIZE(order); k++) {
		i = order[k];
		if (flags_eval(&f, &d[i], &fl) != 0)
			fail_msg("flags_eval: %s", err_msg());
		if (fl.bits != want[i])
			fail_msg("decision %d (step %d): flags %#x, not %#x",
			    i, k, fl.bits, want[i]);
		flags_release(&fl);
	}
	flagger_release(&f);
	for (i = 0; i < 6; i++)
		decision_release(&d[i]);
}

/*
 * The evidence flags alone, as the report asks for them: every evidence
 * flag with its own reason, the monthly cost the caller passes (not the
 * stored one) for a monthly_cost criterion, and no date flag however late
 * the window.
 */
static void
test_evidence_alone_gives_each_reason_and_no_date_flag(void **state)
{
	struct fixture	*fx = *state;
	struct flagger	 f;
	char		*why[FLAG_COUNT] = { NULL };
	unsigned	 bits;
	int		 i, number;

	set_window(fx, "2026-05-22", "2026-11-21");
	store(fx);
	assert_int_equal(sunset_add(fx->db, fx->d.id, "monthly_cost > 100",
	    &number), 0);
	assert_int_equal(metric_add(fx->db, fx->d.id, "adoption", ">=", "60",
	    NULL, day("2026-01-01")), 0);
	assert_int_equal(assumption_add(fx->db, fx->d.id, "cheap", &number),
	    0);
	assert_int_equal(assumption_mark(fx->db, fx->d.id, number, 1,
	    day("2026-02-01"), NULL), 0);
	if (flagger_init(&f, fx->db, day("2026-11-22"), day("2026-12-22")) != 0)
		fail_msg("flagger_init: %s", err_msg());
	/* 100.00 is not more than 100: no sunset. */
	assert_int_equal(flags_evidence(&f, fx->d.id, 10000, &bits, why), 0);
	assert_int_equal(bits, BIT(FLAG_MISSED) | BIT(FLAG_ASSUMPTION));
	assert_null(why[FLAG_SUNSET]);
	assert_string_equal(why[FLAG_MISSED], "metric adoption has no "
	    "measurement since its target date 2026-01-01 (target >= 60)");
	assert_string_equal(why[FLAG_ASSUMPTION], "assumption 1 invalidated "
	    "on 2026-02-01, not reviewed since: cheap");
	for (i = 0; i < FLAG_COUNT; i++) {
		free(why[i]);
		why[i] = NULL;
	}
	/* One cent more is. */
	assert_int_equal(flags_evidence(&f, fx->d.id, 10001, &bits, why), 0);
	assert_int_equal(bits, BIT(FLAG_SUNSET) | BIT(FLAG_MISSED) |
	    BIT(FLAG_ASSUMPTION));
	assert_string_equal(why[FLAG_SUNSET], "sunset criterion 1 met: "
	    "monthly_cost > 100.00 (monthly cost 100.01)");
	for (i = 0; i < FLAG_COUNT; i++)
		free(why[i]);
	flagger_release(&f);
}

static void
test_format_lists_flags_in_order_split_by_semicolons(void **state)
{
	(void)state;
	assert_format(0, "");
	assert_format(BIT(FLAG_DUE), "due");
	assert_format(BIT(FLAG_UPCOMING) | BIT(FLAG_OVERDUE),
	    "overdue;upcoming");
	assert_format(BIT(FLAG_DUE) | BIT(FLAG_ASSUMPTION) | BIT(FLAG_SUNSET),
	    "sunset;assumption;due");
	assert_format((1u << FLAG_COUNT) - 1,
	    "overdue;sunset;missed;assumption;due;upcoming");
}

static void
test_format_appends_to_what_the_buffer_holds(void **state)
{
	struct strbuf	sb;

	(void)state;
	sb_init(&sb);
	sb_adds(&sb, "flags=");
	flags_format(BIT(FLAG_MISSED) | BIT(FLAG_DUE), &sb);
	assert_string_equal(sb.buf, "flags=missed;due");
	sb_release(&sb);
}

static void
test_first_is_the_most_urgent_flag(void **state)
{
	(void)state;
	assert_int_equal(flags_first(0), FLAG_COUNT);
	assert_int_equal(flags_first((1u << FLAG_COUNT) - 1), FLAG_OVERDUE);
	assert_int_equal(flags_first(BIT(FLAG_UPCOMING)), FLAG_UPCOMING);
	assert_int_equal(flags_first(BIT(FLAG_DUE) | BIT(FLAG_UPCOMING)),
	    FLAG_DUE);
	assert_int_equal(flags_first(BIT(FLAG_ASSUMPTION) | BIT(FLAG_DUE)),
	    FLAG_ASSUMPTION);
	assert_int_equal(flags_first(BIT(FLAG_MISSED) | BIT(FLAG_SUNSET)),
	    FLAG_SUNSET);
}

static void
test_flag_names_follow_section_5(void **state)
{
	(void)state;
	assert_int_equal(FLAG_COUNT, 6);
	assert_string_equal(flag_names[FLAG_OVERDUE], "overdue");
	assert_string_equal(flag_names[FLAG_SUNSET], "sunset");
	assert_string_equal(flag_names[FLAG_MISSED], "missed");
	assert_string_equal(flag_names[FLAG_ASSUMPTION], "assumption");
	assert_string_equal(flag_names[FLAG_DUE], "due");
	assert_string_equal(flag_names[FLAG_UPCOMING], "upcoming");
}

static void
test_release_clears_the_flags(void **state)
{
	struct fixture	*fx = *state;

	set_window(fx, "2026-05-22", "2026-11-21");
	eval_until(fx, "2026-11-22", "2026-12-22");
	flags_release(&fx->fl);
	assert_int_equal(fx->fl.bits, 0);
	assert_null(fx->fl.reason);
	flags_release(&fx->fl);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_overdue_only_after_the_deadline_day),
		T(test_overdue_reason_counts_the_days_since_the_deadline),
		T(test_due_from_the_day_the_window_opens),
		T(test_due_through_the_deadline_day),
		T(test_due_on_a_window_that_opens_and_closes_on_one_day),
		T(test_due_reason_names_the_opening_and_the_deadline),
		T(test_upcoming_reaches_the_horizon_day_but_not_the_day_after),
		T(test_upcoming_stops_when_the_window_opens),
		T(test_upcoming_reason_counts_the_days_until_the_window),
		T(test_nothing_is_flagged_well_before_the_window),
		T(test_proposed_decisions_are_flagged_like_active_ones),
		T(test_superseded_and_retired_decisions_are_never_flagged),
		T(test_sunset_on_a_date_is_met_from_that_day),
		T(test_sunset_on_monthly_cost_compares_the_current_cost),
		T(test_sunset_on_a_metric_waits_for_its_after_date),
		T(test_missed_only_once_the_target_date_has_passed),
		T(test_missed_counts_measurements_from_the_target_date_on),
		T(test_assumption_flags_until_reviewed_on_or_after_it),
		T(test_every_recorded_fact_counts_whatever_its_date),
		T(test_all_flags_at_once_in_order_with_the_most_urgent_reason),
		T(test_one_flagger_gives_each_decision_its_own_evidence),
		T(test_evidence_alone_gives_each_reason_and_no_date_flag),
		T(test_format_lists_flags_in_order_split_by_semicolons),
		T(test_format_appends_to_what_the_buffer_holds),
		T(test_first_is_the_most_urgent_flag),
		T(test_flag_names_follow_section_5),
		T(test_release_clears_the_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
