/*
 * Unit tests of evidence.c and of the evidence flags of flags.c (mvb(1)
 * COMMANDS, Evidence, mvb(1) FLAGS, mvb(1) SUNSET CRITERIA) on an in-memory
 * register with the real migrations: assumption numbering and the
 * latest-date-counts rule of invalidate and confirm, metrics and measurements,
 * sunset criteria and their errors, and the 'sunset', 'missed' and 'assumption'
 * flags on both sides of each edge.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "evidence.h"
#include "sunset.h"
#include "flags.h"
#include "util.h"

#include "fixture.h"

/*
 * Insert a decision decided on 2025-01-01 with the given status and
 * monthly cost (cents). Its review dates lie far ahead so that no date
 * flag competes with the evidence flags. Returns its id.
 */
static int64_t
insert(struct db *db, const char *status, int64_t monthly)
{
	struct decision	 d;
	int64_t		 id;

	make_decision(&d, "Message queue", "2025-01-01");
	decision_set_text(&d.status, status);
	d.next_review_on = day("2099-01-01");
	d.deadline_on = day("2099-07-01");
	d.cost.monthly = monthly;
	if (decision_insert(db, &d) != 0)
		fail_msg("insert: %s", err_msg());
	id = d.id;
	decision_release(&d);
	return id;
}

static int64_t
active(struct db *db)
{
	return insert(db, "active", 0);
}

static void
review(struct db *db, int64_t id, const char *on)
{
	exec(db, "INSERT INTO reviews (decision_id, reviewed_on, outcome, "
	    "next_review_on) VALUES (%lld, '%s', 'keep', NULL)",
	    (long long)id, on);
}

static int64_t
history_rows(struct db *db, int64_t id)
{
	return countf(db, "SELECT count(*) FROM history WHERE "
	    "decision_id = %lld",
	    (long long)id);
}

static void
assume(struct db *db, int64_t id, const char *text, int want)
{
	int	 n = -1;

	if (assumption_add(db, id, text, &n) != 0)
		fail_msg("assume: %s", err_msg());
	assert_int_equal(n, want);
}

static void
mark(struct db *db, int64_t id, int number, int invalidate, const char *on)
{
	if (assumption_mark(db, id, number, invalidate, day(on), NULL) != 0)
		fail_msg("mark: %s", err_msg());
}

static void
invalidate(struct db *db, int64_t id, int number, const char *on)
{
	mark(db, id, number, 1, on);
}

static void
confirm(struct db *db, int64_t id, int number, const char *on)
{
	mark(db, id, number, 0, on);
}

static void
assert_str_or_null(const char *got, const char *want,
    const char *what)
{
	if (want == NULL && got != NULL)
		fail_msg("%s: '%s' where NULL was expected", what, got);
	if (want != NULL && got == NULL)
		fail_msg("%s: NULL where '%s' was expected", what, want);
	if (want != NULL && strcmp((const char *)got, want) != 0)
		fail_msg("%s: '%s', not '%s'", what, got, want);
}

/* Assumption number of decision id has this status and these dates. */
static void
assert_assumption(struct db *db, int64_t id, int number, const char *status,
    const char *invalidated_on, const char *confirmed_on)
{
	struct stmt	*stmt;

	stmt = db_prepare(db, "SELECT status, invalidated_on, confirmed_on "
	    "FROM assumptions WHERE decision_id = $1 AND number = $2");
	assert_non_null(stmt);
	engine_bind_int(stmt, 1, id);
	engine_bind_int(stmt, 2, number);
	if (engine_step(stmt) != ENGINE_ROW)
		fail_msg("no assumption %d", number);
	assert_str_or_null(engine_column_text(stmt, 0), status, "status");
	assert_str_or_null(engine_column_text(stmt, 1), invalidated_on,
	    "invalidated_on");
	assert_str_or_null(engine_column_text(stmt, 2), confirmed_on,
	    "confirmed_on");
	engine_finalize(stmt);
}

static void
metric(struct db *db, int64_t id, const char *name, const char *op,
    const char *target, const char *by)
{
	if (metric_add(db, id, name, op, target, NULL, day(by)) != 0)
		fail_msg("metric: %s", err_msg());
}

static void
measure(struct db *db, int64_t id, const char *name, const char *on,
    const char *value)
{
	if (measurement_add(db, id, name, day(on), value) != 0)
		fail_msg("measure: %s", err_msg());
}

static int
sunset(struct db *db, int64_t id, const char *expr)
{
	int	 n = -1;

	if (sunset_add(db, id, expr, &n) != 0)
		fail_msg("sunset '%s': %s", expr, err_msg());
	return n;
}

/*
 * The flags of decision id as of today (the horizon of 'upcoming' is
 * today itself). *reason, when asked for, gets a copy of the reason (NULL
 * when none); the caller frees it.
 */
static unsigned
flags_on(struct db *db, int64_t id, const char *today, char **reason)
{
	struct flagger	 f;
	struct decision	 d;
	struct flags	 out;
	unsigned	 bits;

	if (decision_load(db, id, &d) != 0)
		fail_msg("load: %s", err_msg());
	if (flagger_init(&f, db, day(today), day(today)) != 0)
		fail_msg("flagger: %s", err_msg());
	if (flags_eval(&f, &d, &out) != 0)
		fail_msg("flags: %s", err_msg());
	bits = out.bits;
	if (reason != NULL)
		*reason = out.reason != NULL ? xstrdup(out.reason) : NULL;
	else if ((bits == 0) != (out.reason == NULL))
		fail_msg("flags %x with reason '%s'", bits,
		    out.reason ? out.reason : "(null)");
	flags_release(&out);
	flagger_release(&f);
	decision_release(&d);
	return bits;
}

static int
flagged(struct db *db, int64_t id, const char *today, enum flag fl)
{
	return (flags_on(db, id, today, NULL) & (1u << fl)) != 0;
}

/* The reason of decision id's most urgent flag contains each of want. */
static void
assert_reason_has(struct db *db, int64_t id, const char *today,
    const char *want1, const char *want2)
{
	char	*reason = NULL;

	flags_on(db, id, today, &reason);
	if (reason == NULL)
		fail_msg("no flag as of %s", today);
	if (strstr(reason, want1) == NULL ||
	    (want2 != NULL && strstr(reason, want2) == NULL))
		fail_msg("reason '%s' lacks '%s' or '%s'", reason, want1,
		    want2 ? want2 : "");
	free(reason);
}

/* The last error is a usage error whose message contains want. */
static void
assert_usage_error(const char *want)
{
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_non_null(err_msg());
	if (strstr(err_msg(), want) == NULL)
		fail_msg("error '%s' lacks '%s'", err_msg(), want);
	err_clear();
}

/* ---- assumptions ---- */

static void
test_assumptions_are_numbered_per_decision(void **state)
{
	struct db	*db = *state;
	int64_t	 a = active(db), b = active(db);

	assume(db, a, "vendor keeps its price", 1);
	assume(db, a, "traffic stays under 1k msg/s", 2);
	assume(db, b, "one region is enough", 1);
	assume(db, a, "team knows Kafka", 3);
	assume(db, b, "no on-premise customers", 2);
	assert_assumption(db, a, 3, "holding", NULL, NULL);
	assert_int_equal(countf(db, "SELECT count(*) FROM assumptions WHERE "
	    "decision_id = %lld", (long long)a), 3);
}

static void
test_invalidate_sets_status_and_date(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	assume(db, id, "vendor keeps its price", 1);
	assume(db, id, "one region is enough", 2);
	invalidate(db, id, 1, "2026-05-01");
	assert_assumption(db, id, 1, "invalidated", "2026-05-01", NULL);
	assert_assumption(db, id, 2, "holding", NULL, NULL);
}

static void
test_later_confirm_clears_invalidation(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	assume(db, id, "vendor keeps its price", 1);
	invalidate(db, id, 1, "2026-05-01");
	confirm(db, id, 1, "2026-05-02");
	assert_assumption(db, id, 1, "holding", NULL, "2026-05-02");
}

static void
test_confirm_dated_before_invalidation_leaves_it_invalidated(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	assume(db, id, "vendor keeps its price", 1);
	invalidate(db, id, 1, "2026-05-01");
	confirm(db, id, 1, "2026-04-30");
	assert_assumption(db, id, 1, "invalidated", "2026-05-01",
	    "2026-04-30");
}

static void
test_invalidate_dated_before_confirmation_leaves_it_holding(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	assume(db, id, "vendor keeps its price", 1);
	confirm(db, id, 1, "2026-06-01");
	invalidate(db, id, 1, "2026-05-31");
	assert_assumption(db, id, 1, "holding", NULL, "2026-06-01");
	/* After an invalidation that was later cleared, too. */
	invalidate(db, id, 1, "2026-07-01");
	confirm(db, id, 1, "2026-08-01");
	invalidate(db, id, 1, "2026-07-15");
	assert_assumption(db, id, 1, "holding", NULL, "2026-08-01");
	/* One dated after the confirmation takes effect. */
	invalidate(db, id, 1, "2026-08-02");
	assert_assumption(db, id, 1, "invalidated", "2026-08-02",
	    "2026-08-01");
}

static void
test_same_day_tie_goes_to_the_call_made_last(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	assume(db, id, "vendor keeps its price", 1);
	invalidate(db, id, 1, "2026-05-01");
	confirm(db, id, 1, "2026-05-01");
	assert_assumption(db, id, 1, "holding", NULL, "2026-05-01");
	invalidate(db, id, 1, "2026-05-01");
	assert_assumption(db, id, 1, "invalidated", "2026-05-01",
	    "2026-05-01");
	confirm(db, id, 1, "2026-05-01");
	assert_assumption(db, id, 1, "holding", NULL, "2026-05-01");
}

static void
test_repeated_invalidations_keep_the_latest_date(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	assume(db, id, "vendor keeps its price", 1);
	invalidate(db, id, 1, "2026-05-01");
	invalidate(db, id, 1, "2026-06-01");
	assert_assumption(db, id, 1, "invalidated", "2026-06-01", NULL);
	invalidate(db, id, 1, "2026-04-01");
	assert_assumption(db, id, 1, "invalidated", "2026-06-01", NULL);
	/* Confirmations too: the latest date stays. */
	confirm(db, id, 1, "2026-05-15");
	confirm(db, id, 1, "2026-05-10");
	assert_assumption(db, id, 1, "invalidated", "2026-06-01",
	    "2026-05-15");
}

static void
test_mark_unknown_assumption_is_usage_error(void **state)
{
	struct db	*db = *state;
	int64_t	 a = active(db), b = active(db);
	int64_t	 rows;

	assume(db, a, "vendor keeps its price", 1);
	rows = history_rows(db, b);
	assert_int_equal(assumption_mark(db, a, 2, 1, day("2026-05-01"),
	    NULL), -1);
	assert_usage_error("no assumption 2");
	assert_int_equal(assumption_mark(db, a, 0, 0, day("2026-05-01"),
	    NULL), -1);
	assert_usage_error("no assumption 0");
	/* Numbers are per decision: b has no assumption 1. */
	assert_int_equal(assumption_mark(db, b, 1, 1, day("2026-05-01"),
	    NULL), -1);
	assert_usage_error("no assumption 1");
	assert_int_equal(history_rows(db, b), rows);
	assert_assumption(db, a, 1, "holding", NULL, NULL);
}

static void
test_each_assumption_change_adds_a_history_row(void **state)
{
	struct db		*db = *state;
	int64_t		 id = active(db), rows;
	struct stmt	*stmt;

	rows = history_rows(db, id);
	assume(db, id, "vendor keeps its price", 1);
	assert_int_equal(history_rows(db, id), rows + 1);
	invalidate(db, id, 1, "2026-05-01");
	assert_int_equal(history_rows(db, id), rows + 2);
	confirm(db, id, 1, "2026-06-01");
	assert_int_equal(history_rows(db, id), rows + 3);
	confirm(db, id, 1, "2026-05-01");
	assert_int_equal(history_rows(db, id), rows + 4);

	stmt = db_prepare(db, "SELECT what, old_value, new_value FROM history "
	    "WHERE decision_id = $1 ORDER BY id DESC LIMIT 1 OFFSET 2");
	assert_non_null(stmt);
	engine_bind_int(stmt, 1, id);
	assert_int_equal(engine_step(stmt), ENGINE_ROW);
	assert_string_equal(engine_column_text(stmt, 0),
	    "invalidate assumption 1");
	assert_string_equal(engine_column_text(stmt, 1), "holding");
	assert_string_equal(engine_column_text(stmt, 2),
	    "invalidated (invalidated on 2026-05-01)");
	engine_finalize(stmt);
}

static void
test_invalidation_note_is_kept(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db), rows;

	assume(db, id, "vendor keeps its price", 1);
	rows = history_rows(db, id);
	assert_int_equal(assumption_mark(db, id, 1, 1, day("2026-05-01"),
	    "price up 40%"), 0);
	assert_int_equal(countf(db, "SELECT count(*) FROM assumptions WHERE "
	    "decision_id = %lld AND note = 'price up 40%%'", (long long)id), 1);
	/* The mark and the note, each in the history. */
	assert_int_equal(history_rows(db, id), rows + 2);
	/* A confirmation keeps the note. */
	confirm(db, id, 1, "2026-06-01");
	assert_int_equal(countf(db, "SELECT count(*) FROM assumptions WHERE "
	    "decision_id = %lld AND note = 'price up 40%%'", (long long)id), 1);
}

/* ---- the 'assumption' flag ---- */

static void
test_assumption_flag_until_a_review_on_or_after_invalidation(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	assume(db, id, "vendor keeps its price", 1);
	assert_false(flagged(db, id, "2026-06-01", FLAG_ASSUMPTION));
	invalidate(db, id, 1, "2026-05-01");
	assert_true(flagged(db, id, "2026-06-01", FLAG_ASSUMPTION));
	assert_reason_has(db, id, "2026-06-01",
	    "assumption 1 invalidated on 2026-05-01", "vendor keeps its price");
	review(db, id, "2026-04-30");
	assert_true(flagged(db, id, "2026-06-01", FLAG_ASSUMPTION));
	review(db, id, "2026-05-01");
	assert_false(flagged(db, id, "2026-06-01", FLAG_ASSUMPTION));
	assert_int_equal(flags_on(db, id, "2026-06-01", NULL), 0);
}

static void
test_assumption_flag_counts_a_review_after_invalidation(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	assume(db, id, "vendor keeps its price", 1);
	invalidate(db, id, 1, "2026-05-01");
	review(db, id, "2026-05-02");
	assert_false(flagged(db, id, "2026-06-01", FLAG_ASSUMPTION));
	/* A new invalidation after that review flags again. */
	assume(db, id, "one region is enough", 2);
	invalidate(db, id, 2, "2026-05-03");
	assert_true(flagged(db, id, "2026-06-01", FLAG_ASSUMPTION));
	assert_reason_has(db, id, "2026-06-01", "assumption 2", NULL);
}

static void
test_assumption_flag_clears_when_confirmed_again(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	assume(db, id, "vendor keeps its price", 1);
	invalidate(db, id, 1, "2026-05-01");
	assert_true(flagged(db, id, "2026-06-01", FLAG_ASSUMPTION));
	confirm(db, id, 1, "2026-05-20");
	assert_false(flagged(db, id, "2026-06-01", FLAG_ASSUMPTION));
}

/* ---- metrics, measurements and the 'missed' flag ---- */

static void
test_metric_add_duplicate_name_is_usage_error(void **state)
{
	struct db	*db = *state;
	int64_t	 a = active(db), b = active(db);

	metric(db, a, "adoption", ">=", "60", "2026-06-01");
	assert_int_equal(metric_add(db, a, "adoption", "<", "5", NULL,
	    day("2026-06-01")), -1);
	assert_usage_error("'adoption'");
	/* The same name in another decision is fine. */
	metric(db, b, "adoption", ">=", "60", "2026-06-01");
	assert_int_equal(countf(db, "SELECT count(*) FROM metrics WHERE "
	    "decision_id = %lld", (long long)a), 1);
}

static void
test_measurement_of_unknown_metric_is_usage_error(void **state)
{
	struct db	*db = *state;
	int64_t	 a = active(db), b = active(db), rows;

	metric(db, a, "adoption", ">=", "60", "2026-06-01");
	rows = history_rows(db, b);
	assert_int_equal(measurement_add(db, a, "latency", day("2026-06-01"),
	    "5"), -1);
	assert_usage_error("'latency'");
	assert_int_equal(measurement_add(db, b, "adoption", day("2026-06-01"),
	    "5"), -1);
	assert_usage_error("'adoption'");
	assert_int_equal(history_rows(db, b), rows);
	assert_int_equal(countf(db, "SELECT count(*) FROM measurements WHERE "
	    "decision_id > %lld", 0LL), 0);
}

static void
test_missed_not_on_the_target_date_itself(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2026-06-01");
	assert_false(flagged(db, id, "2026-05-31", FLAG_MISSED));
	assert_false(flagged(db, id, "2026-06-01", FLAG_MISSED));
	assert_int_equal(flags_on(db, id, "2026-06-01", NULL), 0);
}

static void
test_missed_the_day_after_without_measurement(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2026-06-01");
	assert_true(flagged(db, id, "2026-06-02", FLAG_MISSED));
	assert_reason_has(db, id, "2026-06-02", "adoption", ">= 60");
	assert_reason_has(db, id, "2026-06-02", "no measurement",
	    "2026-06-01");
}

static void
test_missed_when_only_measured_before_target_date(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2026-06-01");
	measure(db, id, "adoption", "2026-05-31", "95");
	assert_true(flagged(db, id, "2026-06-02", FLAG_MISSED));
}

static void
test_not_missed_when_measured_equal_to_target_on_target_date(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2026-06-01");
	measure(db, id, "adoption", "2026-06-01", "60");
	assert_false(flagged(db, id, "2026-06-02", FLAG_MISSED));
	assert_false(flagged(db, id, "2027-06-02", FLAG_MISSED));
}

static void
test_missed_when_latest_measurement_fails(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2026-06-01");
	measure(db, id, "adoption", "2026-06-01", "75");
	measure(db, id, "adoption", "2026-07-01", "59.99");
	assert_true(flagged(db, id, "2026-07-02", FLAG_MISSED));
	assert_reason_has(db, id, "2026-07-02", "adoption", "59.99");
	assert_reason_has(db, id, "2026-07-02", "2026-07-01", ">= 60");
	/* And a later passing one clears it. */
	measure(db, id, "adoption", "2026-08-01", "60.01");
	assert_false(flagged(db, id, "2026-08-02", FLAG_MISSED));
}

static void
test_missed_judges_latest_by_date_not_by_entry(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2026-06-01");
	measure(db, id, "adoption", "2026-07-01", "59");
	/* Recorded later, dated earlier: not the latest. */
	measure(db, id, "adoption", "2026-06-15", "80");
	assert_true(flagged(db, id, "2026-08-01", FLAG_MISSED));
	/* Two on one day: the one recorded last counts. */
	measure(db, id, "adoption", "2026-07-01", "61");
	assert_false(flagged(db, id, "2026-08-01", FLAG_MISSED));
}

static void
test_missed_with_less_than_when_equal_to_target(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "p99_ms", "<", "60", "2026-06-01");
	measure(db, id, "p99_ms", "2026-06-01", "60");
	assert_true(flagged(db, id, "2026-06-02", FLAG_MISSED));
	assert_reason_has(db, id, "2026-06-02", "p99_ms", "60");
	measure(db, id, "p99_ms", "2026-06-02", "59.9");
	assert_false(flagged(db, id, "2026-06-03", FLAG_MISSED));
}

static void
test_missed_compares_decimals_exactly(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "ratio", "<=", "-0.5", "2026-06-01");
	measure(db, id, "ratio", "2026-06-01", "-0.49");
	assert_true(flagged(db, id, "2026-06-02", FLAG_MISSED));
	measure(db, id, "ratio", "2026-06-02", "-0.5");
	assert_false(flagged(db, id, "2026-06-03", FLAG_MISSED));
}

/* ---- sunset criteria and the 'sunset' flag ---- */

static void
test_sunset_add_numbers_and_stores_canonical_text(void **state)
{
	struct db		*db = *state;
	int64_t		 id = active(db), rows;
	struct stmt	*stmt;

	metric(db, id, "adoption", ">=", "60", "2099-01-01");
	rows = history_rows(db, id);
	assert_int_equal(sunset(db, id, "  adoption  <  60.0  after "
	    "2027-06-01 "), 1);
	assert_int_equal(sunset(db, id, "monthly_cost > 25000"), 2);
	assert_int_equal(sunset(db, id, "on 2028-01-31"), 3);
	assert_int_equal(history_rows(db, id), rows + 3);
	stmt = db_prepare(db, "SELECT expression FROM sunset WHERE "
	    "decision_id = $1 ORDER BY number");
	assert_non_null(stmt);
	engine_bind_int(stmt, 1, id);
	assert_int_equal(engine_step(stmt), ENGINE_ROW);
	assert_string_equal(engine_column_text(stmt, 0),
	    "adoption < 60 after 2027-06-01");
	assert_int_equal(engine_step(stmt), ENGINE_ROW);
	assert_string_equal(engine_column_text(stmt, 0),
	    "monthly_cost > 25000.00");
	assert_int_equal(engine_step(stmt), ENGINE_ROW);
	assert_string_equal(engine_column_text(stmt, 0), "on 2028-01-31");
	assert_int_equal(engine_step(stmt), ENGINE_DONE);
	engine_finalize(stmt);
}

static void
test_sunset_add_unknown_metric_is_usage_error(void **state)
{
	struct db	*db = *state;
	int64_t	 a = active(db), b = active(db);
	int	 n = -1;

	metric(db, a, "adoption", ">=", "60", "2099-01-01");
	assert_int_equal(sunset_add(db, a, "speed < 60", &n), -1);
	assert_usage_error("sunset: invalid expression 'speed < 60': "
	    "decision");
	assert_int_equal(sunset_add(db, b, "adoption < 60 after 2027-01-01",
	    &n), -1);
	assert_usage_error("'adoption < 60 after 2027-01-01'");
	assert_int_equal(countf(db, "SELECT count(*) FROM sunset WHERE "
	    "decision_id > %lld", 0LL), 0);
}

static void
test_sunset_add_parse_error_quotes_whole_expression(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);
	int	 n = -1;

	assert_int_equal(sunset_add(db, id, "adoption << 60", &n), -1);
	assert_usage_error("sunset: invalid expression 'adoption << 60': "
	    "unknown operator '<<'");
	assert_int_equal(sunset_add(db, id, "on 2028-01-31 x", &n), -1);
	assert_usage_error("'on 2028-01-31 x': unexpected 'x'");
	assert_int_equal(sunset_add(db, id, "", &n), -1);
	assert_usage_error("sunset: invalid expression '': empty expression");
	assert_int_equal(sunset_add(db, id, "on 2028-01-31\n", &n), -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	if (strchr(err_msg(), '\n') != NULL)
		fail_msg("error '%s' spans lines", err_msg());
	err_clear();
}

static void
test_sunset_add_error_cuts_the_expression_at_60_characters(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);
	int	 n = -1;
	char	 xs[201], expr[300], want[400];

	memset(xs, 'x', 200);
	xs[200] = '\0';
	/* "on 2028-01-31 " and 46 letters: 60 characters, quoted whole. */
	snprintf(expr, sizeof(expr), "on 2028-01-31 %.46s", xs);
	assert_int_equal(sunset_add(db, id, expr, &n), -1);
	snprintf(want, sizeof(want), "sunset: invalid expression '%s': "
	    "unexpected '%.46s' after", expr, xs);
	assert_usage_error(want);
	/* One more: the first 60 and "…"; the word at fault is cut too. */
	snprintf(expr, sizeof(expr), "on 2028-01-31 %s", xs);
	assert_int_equal(sunset_add(db, id, expr, &n), -1);
	snprintf(want, sizeof(want), "sunset: invalid expression "
	    "'on 2028-01-31 %.46s…': unexpected '%.60s…' after", xs, xs);
	assert_usage_error(want);
	assert_int_equal(countf(db, "SELECT count(*) FROM sunset WHERE "
	    "decision_id > %lld", 0LL), 0);
}

static void
test_sunset_on_date_met_from_that_day(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	sunset(db, id, "on 2028-01-31");
	assert_false(flagged(db, id, "2028-01-30", FLAG_SUNSET));
	assert_int_equal(flags_on(db, id, "2028-01-30", NULL), 0);
	assert_true(flagged(db, id, "2028-01-31", FLAG_SUNSET));
	assert_true(flagged(db, id, "2030-01-01", FLAG_SUNSET));
	assert_reason_has(db, id, "2028-01-31",
	    "sunset criterion 1 met: on 2028-01-31", NULL);
}

static void
test_sunset_metric_after_date_not_met_before_that_date(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2099-01-01");
	sunset(db, id, "adoption < 60 after 2027-06-01");
	/* Failing measurements, on and before the date: not yet. */
	measure(db, id, "adoption", "2027-05-31", "15");
	measure(db, id, "adoption", "2027-06-01", "15");
	assert_false(flagged(db, id, "2027-05-31", FLAG_SUNSET));
	assert_true(flagged(db, id, "2027-06-01", FLAG_SUNSET));
	assert_reason_has(db, id, "2027-06-01", "sunset criterion 1 met: "
	    "adoption < 60 after 2027-06-01", "adoption 15 on 2027-06-01");
}

static void
test_sunset_metric_after_date_judges_latest_measurement(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2099-01-01");
	sunset(db, id, "adoption < 60 after 2027-06-01");
	measure(db, id, "adoption", "2027-06-01", "60");
	assert_false(flagged(db, id, "2027-06-01", FLAG_SUNSET));
	measure(db, id, "adoption", "2027-06-10", "59.99");
	assert_true(flagged(db, id, "2027-06-10", FLAG_SUNSET));
	measure(db, id, "adoption", "2027-06-20", "61");
	assert_false(flagged(db, id, "2027-07-01", FLAG_SUNSET));
}

static void
test_sunset_metric_ignores_measurements_before_after_date(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2099-01-01");
	sunset(db, id, "adoption < 60 after 2027-06-01");
	measure(db, id, "adoption", "2027-05-31", "15");
	assert_false(flagged(db, id, "2027-06-01", FLAG_SUNSET));
	assert_false(flagged(db, id, "2028-06-01", FLAG_SUNSET));
	/* Only a measurement dated on or after the date counts. */
	measure(db, id, "adoption", "2027-06-02", "70");
	assert_false(flagged(db, id, "2028-06-01", FLAG_SUNSET));
}

static void
test_sunset_metric_without_date_judges_any_latest(void **state)
{
	struct db	*db = *state;
	int64_t	 id = active(db);

	metric(db, id, "adoption", ">=", "60", "2099-01-01");
	sunset(db, id, "adoption <= 10");
	assert_false(flagged(db, id, "2026-01-01", FLAG_SUNSET));
	measure(db, id, "adoption", "2025-02-01", "10");
	assert_true(flagged(db, id, "2026-01-01", FLAG_SUNSET));
	measure(db, id, "adoption", "2025-03-01", "10.01");
	assert_false(flagged(db, id, "2026-01-01", FLAG_SUNSET));
}

static void
test_sunset_monthly_cost_at_the_threshold(void **state)
{
	struct db	*db = *state;
	int64_t	 at = insert(db, "active", 2500000);
	int64_t	 above = insert(db, "active", 2500001);

	sunset(db, at, "monthly_cost > 25000");
	sunset(db, above, "monthly_cost > 25000");
	assert_false(flagged(db, at, "2026-01-01", FLAG_SUNSET));
	assert_true(flagged(db, above, "2026-01-01", FLAG_SUNSET));
	assert_reason_has(db, above, "2026-01-01",
	    "sunset criterion 1 met: monthly_cost > 25000.00", "25000.01");
	/* >= with the cost equal to the threshold is met. */
	sunset(db, at, "monthly_cost >= 25000.00");
	assert_true(flagged(db, at, "2026-01-01", FLAG_SUNSET));
	assert_reason_has(db, at, "2026-01-01", "sunset criterion 2 met", NULL);
}

static void
test_sunset_monthly_cost_below_and_unset(void **state)
{
	struct db	*db = *state;
	int64_t	 none = insert(db, "active", 0);
	int64_t	 some = insert(db, "active", 100);

	sunset(db, none, "monthly_cost < 1");
	sunset(db, some, "monthly_cost < 1");
	assert_true(flagged(db, none, "2026-01-01", FLAG_SUNSET));
	assert_false(flagged(db, some, "2026-01-01", FLAG_SUNSET));
	sunset(db, some, "monthly_cost <= 1");
	assert_true(flagged(db, some, "2026-01-01", FLAG_SUNSET));
}

/* ---- closed decisions and urgency ---- */

/* A decision with a met sunset criterion, a missed metric and an
 * unreviewed invalidated assumption as of 2028-02-01. */
static int64_t
troubled(struct db *db, const char *status)
{
	int64_t	 id = insert(db, status, 3000000);

	assume(db, id, "vendor keeps its price", 1);
	invalidate(db, id, 1, "2026-05-01");
	metric(db, id, "adoption", ">=", "60", "2026-06-01");
	measure(db, id, "adoption", "2026-06-01", "15");
	sunset(db, id, "on 2028-01-31");
	sunset(db, id, "monthly_cost > 25000");
	return id;
}

static void
test_superseded_and_retired_decisions_carry_no_flags(void **state)
{
	struct db	*db = *state;
	int64_t	 superseded = troubled(db, "superseded");
	int64_t	 retired = troubled(db, "retired");
	int64_t	 proposed = troubled(db, "proposed");
	char	*reason = (char *)"unset";

	assert_int_equal(flags_on(db, superseded, "2028-02-01", &reason), 0);
	assert_null(reason);
	assert_int_equal(flags_on(db, retired, "2028-02-01", &reason), 0);
	assert_null(reason);
	/* A proposed decision with the same evidence is flagged. */
	assert_int_equal(flags_on(db, proposed, "2028-02-01", NULL),
	    (1u << FLAG_SUNSET) | (1u << FLAG_MISSED) |
	    (1u << FLAG_ASSUMPTION));
}

static void
test_reason_is_the_most_urgent_evidence_flag(void **state)
{
	struct db	*db = *state;
	int64_t	 all = troubled(db, "active");
	int64_t	 two = active(db), one = active(db);

	assert_int_equal(flags_on(db, all, "2028-02-01", NULL),
	    (1u << FLAG_SUNSET) | (1u << FLAG_MISSED) |
	    (1u << FLAG_ASSUMPTION));
	/* The first met criterion, in number order. */
	assert_reason_has(db, all, "2028-02-01",
	    "sunset criterion 1 met: on 2028-01-31", NULL);
	/* Before the 'on' date the cost criterion is the one met. */
	assert_reason_has(db, all, "2027-01-01",
	    "sunset criterion 2 met: monthly_cost > 25000.00", "30000.00");

	assume(db, two, "one region is enough", 1);
	invalidate(db, two, 1, "2026-05-01");
	metric(db, two, "adoption", ">=", "60", "2026-06-01");
	assert_int_equal(flags_on(db, two, "2026-07-01", NULL),
	    (1u << FLAG_MISSED) | (1u << FLAG_ASSUMPTION));
	assert_reason_has(db, two, "2026-07-01", "metric adoption", NULL);

	assume(db, one, "one region is enough", 1);
	invalidate(db, one, 1, "2026-05-01");
	assert_int_equal(flags_on(db, one, "2026-07-01", NULL),
	    1u << FLAG_ASSUMPTION);
	assert_reason_has(db, one, "2026-07-01",
	    "assumption 1 invalidated on 2026-05-01", NULL);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, \
    fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(test_assumptions_are_numbered_per_decision),
		T(test_invalidate_sets_status_and_date),
		T(test_later_confirm_clears_invalidation),
		T(test_confirm_dated_before_invalidation_leaves_it_invalidated),
		T(test_invalidate_dated_before_confirmation_leaves_it_holding),
		T(test_same_day_tie_goes_to_the_call_made_last),
		T(test_repeated_invalidations_keep_the_latest_date),
		T(test_mark_unknown_assumption_is_usage_error),
		T(test_each_assumption_change_adds_a_history_row),
		T(test_invalidation_note_is_kept),
		T(test_assumption_flag_until_a_review_on_or_after_invalidation),
		T(test_assumption_flag_counts_a_review_after_invalidation),
		T(test_assumption_flag_clears_when_confirmed_again),
		T(test_metric_add_duplicate_name_is_usage_error),
		T(test_measurement_of_unknown_metric_is_usage_error),
		T(test_missed_not_on_the_target_date_itself),
		T(test_missed_the_day_after_without_measurement),
		T(test_missed_when_only_measured_before_target_date),
		T(test_not_missed_when_measured_equal_to_target_on_target_date),
		T(test_missed_when_latest_measurement_fails),
		T(test_missed_judges_latest_by_date_not_by_entry),
		T(test_missed_with_less_than_when_equal_to_target),
		T(test_missed_compares_decimals_exactly),
		T(test_sunset_add_numbers_and_stores_canonical_text),
		T(test_sunset_add_unknown_metric_is_usage_error),
		T(test_sunset_add_parse_error_quotes_whole_expression),
		T(test_sunset_add_error_cuts_the_expression_at_60_characters),
		T(test_sunset_on_date_met_from_that_day),
		T(test_sunset_metric_after_date_not_met_before_that_date),
		T(test_sunset_metric_after_date_judges_latest_measurement),
		T(test_sunset_metric_ignores_measurements_before_after_date),
		T(test_sunset_metric_without_date_judges_any_latest),
		T(test_sunset_monthly_cost_at_the_threshold),
		T(test_sunset_monthly_cost_below_and_unset),
		T(test_superseded_and_retired_decisions_carry_no_flags),
		T(test_reason_is_the_most_urgent_evidence_flag),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
