/*
 * Unit tests of decision.c: ids and the 'created' history entry of an insert,
 * loading and the unknown-id error, a round trip of every stored field, the
 * per-field history of an update (mvb(1) FILES), the anchor, the review-range
 * rule of mvb(1) COMMANDS and the checks of ids, choices and statuses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "history.h"
#include "settings.h"
#include "util.h"

#include "fixture.h"

/* Insert a decision titled title; returns its id. */
static int64_t
insert(struct db *db, const char *title)
{
	return insert_decision(db, title, "active", "2025-05-22");
}

/*
 * Assert that history row number n (1 = oldest) of decision id records
 * what, old and new.
 */
static void
assert_history(struct db *db, int64_t id, int n, const char *what,
    const char *old_value, const char *new_value)
{
	struct stmt	*stmt;

	stmt = db_prepare(db, "SELECT what, old_value, new_value, who, at "
	    "FROM history WHERE decision_id = $1 ORDER BY id LIMIT 1 "
	    "OFFSET $2");
	assert_non_null(stmt);
	engine_bind_int(stmt, 1, id);
	engine_bind_int(stmt, 2, n - 1);
	if (engine_step(stmt) != ENGINE_ROW)
		fail_msg("decision %lld has no history row %d", (long long)id,
		    n);
	assert_text_equal((const char *)engine_column_text(stmt, 0), what);
	assert_text_equal((const char *)engine_column_text(stmt, 1),
	    old_value);
	assert_text_equal((const char *)engine_column_text(stmt, 2),
	    new_value);
	assert_string_equal((const char *)engine_column_text(stmt, 3),
	    "tester");
	engine_finalize(stmt);
}

static int64_t
history_rows(struct db *db, int64_t id)
{
	return countf(db, "SELECT count(*) FROM history WHERE decision_id = "
	    "%lld", (long long)id);
}

/* Load decision id, failing the test when it cannot be loaded. */
static void
load(struct db *db, int64_t id, struct decision *d)
{
	if (decision_load(db, id, d) != 0)
		fail_msg("load %lld: %s", (long long)id, err_msg());
}

static void
test_insert_assigns_increasing_ids(void **state)
{
	struct db	*db = *state;

	assert_int_equal(insert(db, "First"), 1);
	assert_int_equal(insert(db, "Second"), 2);
	assert_int_equal(insert(db, "Third"), 3);
}

static void
test_insert_keeps_a_given_id_and_continues_after_it(void **state)
{
	struct db		*db = *state;
	struct decision	 d;

	make_decision(&d, "Imported", "2025-05-22");
	d.id = 40;
	assert_int_equal(decision_insert(db, &d), 0);
	assert_int_equal(d.id, 40);
	decision_release(&d);
	assert_int_equal(insert(db, "Next"), 41);
}

static void
test_ids_are_never_reused(void **state)
{
	struct db	*db = *state;

	assert_int_equal(insert(db, "First"), 1);
	assert_int_equal(insert(db, "Second"), 2);
	/* A decision cannot be deleted, so no id is ever freed. */
	assert_int_equal(db_exec(db, "PRAGMA foreign_keys = OFF; "
	    "DELETE FROM decisions WHERE id = 2"), -1);
	assert_non_null(strstr(err_msg(), "decisions are never deleted"));
	err_clear();
	assert_int_equal(db_exec(db, "PRAGMA foreign_keys = ON"), 0);
	assert_int_equal(insert(db, "Third"), 3);
}

static void
test_insert_writes_a_created_history_row(void **state)
{
	struct db		*db = *state;
	struct stmt	*stmt;
	const char	*at;
	int64_t		 id;

	id = insert(db, "Managed Kafka");
	assert_int_equal(history_rows(db, id), 1);
	assert_history(db, id, 1, "created", NULL, "Managed Kafka");
	stmt = db_prepare(db, "SELECT at FROM history");
	assert_non_null(stmt);
	assert_int_equal(engine_step(stmt), ENGINE_ROW);
	at = (const char *)engine_column_text(stmt, 0);
	/* 2025-05-22T10:11:12Z: ISO 8601, UTC. */
	assert_int_equal(strlen(at), 20);
	assert_int_equal(at[4], '-');
	assert_int_equal(at[10], 'T');
	assert_int_equal(at[19], 'Z');
	engine_finalize(stmt);
}

static void
test_history_who_falls_back_to_logname_then_the_account(void **state)
{
	struct db		*db = *state;
	struct passwd	*pw = getpwuid(geteuid());
	struct stmt	*stmt;

	assert_int_equal(unsetenv("USER"), 0);
	assert_int_equal(setenv("LOGNAME", "from-logname", 1), 0);
	assert_int_equal(history_add(db, 0, "import", NULL, "x.csv"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM history "
	    "WHERE who = 'from-logname' AND decision_id IS NULL"), 1);
	assert_int_equal(unsetenv("LOGNAME"), 0);
	assert_int_equal(history_add(db, 0, "import", NULL, "y.csv"), 0);
	if (pw == NULL)
		skip();
	stmt = db_prepare(db, "SELECT who FROM history WHERE new_value = "
	    "'y.csv'");
	assert_non_null(stmt);
	assert_int_equal(engine_step(stmt), ENGINE_ROW);
	assert_string_equal(engine_column_text(stmt, 0), pw->pw_name);
	engine_finalize(stmt);
}

static void
test_load_of_an_unknown_id_is_a_usage_error(void **state)
{
	struct db		*db = *state;
	struct decision	 d;

	insert(db, "Only");
	assert_int_equal(decision_load(db, 99, &d), -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "no decision with id '99'");
	assert_null(d.title);
	decision_release(&d);
}

static void
test_every_field_survives_a_round_trip(void **state)
{
	struct db		*db = *state;
	struct decision	 d, got;

	decision_init(&d);
	decision_set_text(&d.title, "Developer portal «Backstage»");
	decision_set_text(&d.capability, "developer portal");
	decision_set_text(&d.choice, "assemble");
	decision_set_text(&d.vendor, "Spotify, Inc.");
	decision_set_text(&d.owner, "platform-team");
	decision_set_text(&d.cost_center, "CC-4711");
	decision_set_text(&d.status, "proposed");
	d.decided_on = day("2024-02-29");
	d.anchor_on = day("2024-08-31");
	d.next_review_on = day("2025-08-31");
	d.deadline_on = day("2026-02-28");
	decision_set_text(&d.rationale, "line one\nline \"two\"\ttabbed");
	decision_set_text(&d.gate[GATE_DIFFERENTIATION], "yes");
	decision_set_text(&d.gate[GATE_MAINTENANCE], "no");
	decision_set_text(&d.gate[GATE_OPPORTUNITY], "yes");
	decision_set_text(&d.currency, "EUR");
	d.cost.one_time = 12345678;
	d.cost.monthly = MONEY_MAX;
	d.cost.increase = 100000;
	d.cost.ops_fte = 25;
	d.cost.fte_cost = 1;
	d.cost.lockin_cost = 0;
	d.cost.lockin_prob = 100;
	assert_int_equal(decision_insert(db, &d), 0);
	load(db, d.id, &got);
	assert_int_equal(got.id, d.id);
	assert_string_equal(got.title, d.title);
	assert_string_equal(got.capability, d.capability);
	assert_string_equal(got.choice, d.choice);
	assert_string_equal(got.vendor, d.vendor);
	assert_string_equal(got.owner, d.owner);
	assert_string_equal(got.cost_center, d.cost_center);
	assert_string_equal(got.status, d.status);
	assert_int_equal(got.decided_on, d.decided_on);
	assert_int_equal(got.anchor_on, d.anchor_on);
	assert_int_equal(got.next_review_on, d.next_review_on);
	assert_int_equal(got.deadline_on, d.deadline_on);
	assert_string_equal(got.rationale, d.rationale);
	assert_string_equal(got.gate[GATE_DIFFERENTIATION], "yes");
	assert_string_equal(got.gate[GATE_MAINTENANCE], "no");
	assert_null(got.gate[GATE_NO_ALTERNATIVE]);
	assert_string_equal(got.gate[GATE_OPPORTUNITY], "yes");
	assert_string_equal(got.currency, "EUR");
	assert_int_equal(got.cost.one_time, 12345678);
	assert_int_equal(got.cost.monthly, MONEY_MAX);
	assert_int_equal(got.cost.increase, 100000);
	assert_int_equal(got.cost.ops_fte, 25);
	assert_int_equal(got.cost.fte_cost, 1);
	assert_int_equal(got.cost.lockin_cost, 0);
	assert_int_equal(got.cost.lockin_prob, 100);
	decision_release(&got);
	decision_release(&d);
}

static void
test_unset_optional_text_round_trips_as_null(void **state)
{
	struct db		*db = *state;
	struct decision	 got;
	int		 g;

	load(db, insert(db, "Bare"), &got);
	assert_null(got.vendor);
	assert_null(got.owner);
	assert_null(got.cost_center);
	assert_null(got.rationale);
	for (g = 0; g < GATE_COUNT; g++)
		assert_null(got.gate[g]);
	assert_int_equal(count(db, "SELECT count(*) FROM decisions WHERE "
	    "vendor IS NULL AND owner IS NULL AND cost_center IS NULL AND "
	    "rationale IS NULL AND gate_differentiation IS NULL"), 1);
	decision_release(&got);
}

static void
test_dates_are_stored_as_iso_text_and_money_as_integers(void **state)
{
	struct db		*db = *state;
	struct decision	 d;

	make_decision(&d, "Stored forms", "2024-02-29");
	d.cost.monthly = 123450;
	assert_int_equal(decision_insert(db, &d), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM decisions WHERE "
	    "decided_on = '2024-02-29' AND next_review_on = '2025-02-28' AND "
	    "deadline_on = '2025-08-29' AND typeof(monthly_cents) = "
	    "'integer' AND monthly_cents = 123450"), 1);
	decision_release(&d);
}

static void
test_field_text_prints_dates_and_two_decimals(void **state)
{
	struct decision	 d;
	char		 buf[NUM_BUFSZ];

	(void)state;
	make_decision(&d, "Text", "2025-01-31");
	d.cost.monthly = 5;
	d.cost.increase = 1500;
	assert_string_equal(decision_field_text(&d,
	    decision_field_find("decided_on"), buf), "2025-01-31");
	assert_string_equal(decision_field_text(&d,
	    decision_field_find("review_deadline"), buf), "2026-07-31");
	assert_string_equal(decision_field_text(&d,
	    decision_field_find("monthly_cost"), buf), "0.05");
	assert_string_equal(decision_field_text(&d,
	    decision_field_find("annual_increase_pct"), buf), "15.00");
	assert_string_equal(decision_field_text(&d,
	    decision_field_find("title"), buf), "Text");
	assert_null(decision_field_text(&d, decision_field_find("vendor"),
	    buf));
	assert_null(decision_field_find("deadline_on"));
	assert_null(decision_field_find("nonsense"));
	decision_release(&d);
}

static void
test_update_logs_each_changed_field(void **state)
{
	struct db		*db = *state;
	struct decision	 old, new;
	int64_t		 id;

	make_decision(&old, "Queue", "2025-05-22");
	decision_set_text(&old.owner, "alice");
	decision_set_text(&old.rationale, "cheap");
	old.cost.monthly = 10000;
	assert_int_equal(decision_insert(db, &old), 0);
	id = old.id;
	decision_release(&old);
	load(db, id, &old);
	load(db, id, &new);
	decision_set_text(&new.owner, "bob");
	decision_set_text(&new.vendor, "Confluent");
	decision_set_text(&new.rationale, NULL);
	new.cost.monthly = 25050;
	new.next_review_on = day("2026-01-15");
	assert_int_equal(decision_update(db, &old, &new), 5);
	assert_int_equal(history_rows(db, id), 6);
	/* In field-table order, after the 'created' row. */
	assert_history(db, id, 2, "vendor", NULL, "Confluent");
	assert_history(db, id, 3, "owner", "alice", "bob");
	assert_history(db, id, 4, "next_review_on", "2026-05-22",
	    "2026-01-15");
	assert_history(db, id, 5, "rationale", "cheap", NULL);
	assert_history(db, id, 6, "monthly_cost", "100.00", "250.50");
	decision_release(&old);
	decision_release(&new);
	load(db, id, &new);
	assert_string_equal(new.owner, "bob");
	assert_string_equal(new.vendor, "Confluent");
	assert_null(new.rationale);
	assert_int_equal(new.cost.monthly, 25050);
	assert_int_equal(new.next_review_on, day("2026-01-15"));
	decision_release(&new);
}

static void
test_update_without_changes_writes_nothing(void **state)
{
	struct db		*db = *state;
	struct decision	 old, new;
	int64_t		 id;

	id = insert(db, "Same");
	load(db, id, &old);
	load(db, id, &new);
	assert_int_equal(decision_update(db, &old, &new), 0);
	assert_int_equal(history_rows(db, id), 1);
	decision_release(&old);
	decision_release(&new);
}

static void
test_update_does_not_log_anchor_or_deadline(void **state)
{
	struct db		*db = *state;
	struct decision	 old, new;
	int64_t		 id;

	id = insert(db, "Reviewed");
	load(db, id, &old);
	load(db, id, &new);
	new.anchor_on = day("2025-11-01");
	new.deadline_on = date_add_months(new.anchor_on, 18);
	assert_int_equal(decision_update(db, &old, &new), 2);
	assert_int_equal(history_rows(db, id), 1);
	decision_release(&new);
	load(db, id, &new);
	assert_int_equal(new.anchor_on, day("2025-11-01"));
	assert_int_equal(new.deadline_on, day("2027-05-01"));
	decision_release(&new);
	decision_release(&old);
}

static void
test_update_logs_a_date_change_but_not_its_derived_dates(void **state)
{
	struct db		*db = *state;
	struct decision	 old, new;
	int64_t		 id;

	id = insert(db, "Redated");
	load(db, id, &old);
	load(db, id, &new);
	new.decided_on = day("2025-06-01");
	new.anchor_on = new.decided_on;
	new.deadline_on = date_add_months(new.decided_on, 18);
	assert_int_equal(decision_update(db, &old, &new), 3);
	assert_int_equal(history_rows(db, id), 2);
	assert_history(db, id, 2, "decided_on", "2025-05-22", "2025-06-01");
	decision_release(&old);
	decision_release(&new);
}

static void
test_update_rejected_by_the_schema_changes_nothing(void **state)
{
	struct db		*db = *state;
	struct decision	 old, new;
	int64_t		 id;

	id = insert(db, "Checked");
	load(db, id, &old);
	load(db, id, &new);
	decision_set_text(&new.owner, "carol");
	decision_set_text(&new.choice, "steal");
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(decision_update(db, &old, &new), -1);
	assert_int_equal(err_code(), EXIT_FAIL);
	db_rollback(db);
	assert_int_equal(history_rows(db, id), 1);
	decision_release(&new);
	load(db, id, &new);
	assert_null(new.owner);
	assert_string_equal(new.choice, "buy");
	decision_release(&old);
	decision_release(&new);
}

/* Record a review of decision id on date, replaced by by (0: keep). */
static void
add_review(struct db *db, int64_t id, const char *on, int64_t by)
{
	char	*sql;

	if (by != 0)
		sql = xasprintf("INSERT INTO reviews (decision_id, reviewed_on, "
		    "outcome, replaced_by) VALUES (%lld, '%s', 'replace', "
		    "%lld)", (long long)id, on, (long long)by);
	else
		sql = xasprintf("INSERT INTO reviews (decision_id, reviewed_on, "
		    "outcome) VALUES (%lld, '%s', 'keep')", (long long)id, on);
	if (db_exec(db, sql) != 0)
		fail_msg("%s: %s", sql, err_msg());
	free(sql);
}

static int32_t
anchor(struct db *db, int64_t id, const char *decided)
{
	int32_t	a = 0;

	if (decision_anchor(db, id, day(decided), &a) != 0)
		fail_msg("anchor: %s", err_msg());
	return a;
}

static void
test_anchor_without_reviews_is_decided_on(void **state)
{
	struct db	*db = *state;
	int64_t	 id;

	id = insert(db, "Unreviewed");
	assert_int_equal(anchor(db, id, "2025-05-22"), day("2025-05-22"));
	/* What edit asks: the anchor were it decided on another day. */
	assert_int_equal(anchor(db, id, "2025-07-01"), day("2025-07-01"));
	assert_int_equal(anchor(db, 999, "2025-05-22"), day("2025-05-22"));
}

static void
test_anchor_is_the_latest_own_review(void **state)
{
	struct db	*db = *state;
	int64_t	 id, other;

	id = insert(db, "Reviewed");
	other = insert(db, "Other");
	add_review(db, id, "2026-03-31", 0);
	add_review(db, id, "2026-01-31", 0);
	add_review(db, other, "2026-06-30", 0);
	assert_int_equal(anchor(db, id, "2025-05-22"), day("2026-03-31"));
	assert_int_equal(anchor(db, other, "2025-05-22"), day("2026-06-30"));
}

static void
test_anchor_counts_the_review_that_chose_it_as_replacement(void **state)
{
	struct db	*db = *state;
	int64_t	 old, adopted;

	old = insert(db, "Replaced");
	adopted = insert(db, "Adopted");
	add_review(db, old, "2026-03-31", adopted);
	assert_int_equal(anchor(db, adopted, "2025-05-22"), day("2026-03-31"));
	assert_int_equal(anchor(db, old, "2025-05-22"), day("2026-03-31"));
	/* Its own later review moves it on. */
	add_review(db, adopted, "2026-04-01", 0);
	assert_int_equal(anchor(db, adopted, "2025-05-22"), day("2026-04-01"));
}

static void
test_anchor_never_goes_before_decided_on(void **state)
{
	struct db	*db = *state;
	int64_t	 old, adopted;

	/* Import may record a replacement chosen before it was decided. */
	old = insert(db, "Replaced");
	adopted = insert(db, "Adopted");
	add_review(db, old, "2025-06-30", adopted);
	assert_int_equal(anchor(db, adopted, "2025-06-29"), day("2025-06-30"));
	assert_int_equal(anchor(db, adopted, "2025-06-30"), day("2025-06-30"));
	assert_int_equal(anchor(db, adopted, "2025-07-01"), day("2025-07-01"));
}

static void
test_anchor_of_a_damaged_review_date_is_an_error(void **state)
{
	struct db	*db = *state;
	int32_t	 a;
	int64_t	 id;

	id = insert(db, "Damaged");
	add_review(db, id, "2026-02-30", 0);
	assert_int_equal(decision_anchor(db, id, day("2025-05-22"), &a), -1);
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(strstr(err_msg(), "damaged reviewed_on"));
}

static void
check_review(const char *next, const char *anchor, int months, int want)
{
	struct settings	 s;

	memset(&s, 0, sizeof(s));
	s.review_months = 12;
	s.deadline_months = months;
	err_clear();
	assert_int_equal(decision_check_review("--review", day(next),
	    day(anchor), &s), want);
}

static void
test_check_review_accepts_the_anchor_and_the_deadline(void **state)
{
	(void)state;
	check_review("2025-05-22", "2025-05-22", 18, 0);
	check_review("2026-11-22", "2025-05-22", 18, 0);
	check_review("2026-05-22", "2025-05-22", 18, 0);
	/* The deadline clamps like every month sum. */
	check_review("2026-02-28", "2024-08-31", 18, 0);
	check_review("2025-02-28", "2024-02-29", 12, 0);
	assert_null(err_msg());
}

static void
test_check_review_rejects_the_day_before_the_anchor(void **state)
{
	(void)state;
	check_review("2025-05-21", "2025-05-22", 18, -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "--review: '2025-05-21' is outside "
	    "the review range 2025-05-22 to 2026-11-22");
}

static void
test_check_review_rejects_the_day_after_the_deadline(void **state)
{
	struct settings	 s;

	(void)state;
	check_review("2026-11-23", "2025-05-22", 18, -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "--review: '2026-11-23' is outside "
	    "the review range 2025-05-22 to 2026-11-22");
	check_review("2026-03-01", "2024-08-31", 18, -1);
	assert_string_equal(err_msg(), "--review: '2026-03-01' is outside "
	    "the review range 2024-08-31 to 2026-02-28");
	/* The option named is the caller's. */
	memset(&s, 0, sizeof(s));
	s.deadline_months = 12;
	err_clear();
	assert_int_equal(decision_check_review("--next", day("2026-05-23"),
	    day("2025-05-22"), &s), -1);
	assert_string_equal(err_msg(), "--next: '2026-05-23' is outside "
	    "the review range 2025-05-22 to 2026-05-22");
}

static void
test_check_not_future_accepts_today_and_before(void **state)
{
	(void)state;
	err_clear();
	assert_int_equal(decision_check_not_future("--on", day("2026-11-22"),
	    day("2026-11-22")), 0);
	assert_int_equal(decision_check_not_future("--on", day("1900-01-01"),
	    day("2026-11-22")), 0);
	assert_null(err_msg());
}

static void
test_check_not_future_rejects_the_day_after_today(void **state)
{
	(void)state;
	err_clear();
	assert_int_equal(decision_check_not_future("--on", day("2026-11-23"),
	    day("2026-11-22")), -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "--on: '2026-11-23' is after today "
	    "(2026-11-22)");
	/* The field named is the caller's; a year boundary is one day. */
	err_clear();
	assert_int_equal(decision_check_not_future("measured_on",
	    day("2026-01-01"), day("2025-12-31")), -1);
	assert_string_equal(err_msg(), "measured_on: '2026-01-01' is after "
	    "today (2025-12-31)");
}

static void
test_check_replacement_rejects_the_decision_itself(void **state)
{
	(void)state;
	err_clear();
	assert_int_equal(decision_check_replacement("--by", 7, 8), 0);
	assert_int_equal(decision_check_replacement("--by", 8, 7), 0);
	assert_null(err_msg());
	assert_int_equal(decision_check_replacement("--by", 7, 7), -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "--by: decision 7 cannot replace "
	    "itself");
	err_clear();
	assert_int_equal(decision_check_replacement("replaced_by",
	    DECISION_ID_MAX, DECISION_ID_MAX), -1);
	assert_string_equal(err_msg(), "replaced_by: decision "
	    "999999999999999999 cannot replace itself");
}

static void
parse_id_rejected(const char *s)
{
	int64_t	 id = 42;
	char	*want;

	err_clear();
	if (decision_parse_id(s, &id) != -1)
		fail_msg("id '%s' accepted", s);
	assert_int_equal(id, 42);
	assert_int_equal(err_code(), EXIT_USAGE);
	want = xasprintf("invalid decision id '%s'", s);
	assert_string_equal(err_msg(), want);
	free(want);
}

static void
test_parse_id_accepts_positive_integers(void **state)
{
	int64_t	id = 0;

	(void)state;
	assert_int_equal(decision_parse_id("1", &id), 0);
	assert_int_equal(id, 1);
	assert_int_equal(decision_parse_id("42", &id), 0);
	assert_int_equal(id, 42);
	assert_int_equal(decision_parse_id("999999999999999999", &id), 0);
	assert_int_equal(id, INT64_C(999999999999999999));
}

static void
test_parse_id_rejects_zero_signs_junk_and_huge_numbers(void **state)
{
	(void)state;
	parse_id_rejected("0");
	parse_id_rejected("00");
	parse_id_rejected("-1");
	parse_id_rejected("+1");
	parse_id_rejected("1x");
	parse_id_rejected("x1");
	parse_id_rejected("");
	parse_id_rejected(" 1");
	parse_id_rejected("1 ");
	parse_id_rejected("1.0");
	parse_id_rejected("0x10");
	parse_id_rejected("9223372036854775808");
	parse_id_rejected("18446744073709551617");
	parse_id_rejected("99999999999999999999999999999999");
}

static void
test_choice_valid_takes_the_four_choices_only(void **state)
{
	(void)state;
	assert_true(choice_valid("build"));
	assert_true(choice_valid("buy"));
	assert_true(choice_valid("oss"));
	assert_true(choice_valid("assemble"));
	assert_false(choice_valid(""));
	assert_false(choice_valid("Build"));
	assert_false(choice_valid("BUY"));
	assert_false(choice_valid("buy "));
	assert_false(choice_valid("bu"));
	assert_false(choice_valid("rent"));
	assert_false(choice_valid("active"));
}

static void
test_status_valid_takes_the_four_statuses_only(void **state)
{
	(void)state;
	assert_true(status_valid("proposed"));
	assert_true(status_valid("active"));
	assert_true(status_valid("superseded"));
	assert_true(status_valid("retired"));
	assert_false(status_valid(""));
	assert_false(status_valid("Active"));
	assert_false(status_valid("activ"));
	assert_false(status_valid("deprecated"));
	assert_false(status_valid("accepted"));
	assert_false(status_valid("buy"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, \
    fixture_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_insert_assigns_increasing_ids),
		T(test_insert_keeps_a_given_id_and_continues_after_it),
		T(test_ids_are_never_reused),
		T(test_insert_writes_a_created_history_row),
		T(test_history_who_falls_back_to_logname_then_the_account),
		T(test_load_of_an_unknown_id_is_a_usage_error),
		T(test_every_field_survives_a_round_trip),
		T(test_unset_optional_text_round_trips_as_null),
		T(test_dates_are_stored_as_iso_text_and_money_as_integers),
		T(test_field_text_prints_dates_and_two_decimals),
		T(test_update_logs_each_changed_field),
		T(test_update_without_changes_writes_nothing),
		T(test_update_does_not_log_anchor_or_deadline),
		T(test_update_logs_a_date_change_but_not_its_derived_dates),
		T(test_update_rejected_by_the_schema_changes_nothing),
		T(test_anchor_without_reviews_is_decided_on),
		T(test_anchor_is_the_latest_own_review),
		T(test_anchor_counts_the_review_that_chose_it_as_replacement),
		T(test_anchor_never_goes_before_decided_on),
		T(test_anchor_of_a_damaged_review_date_is_an_error),
		T(test_check_review_accepts_the_anchor_and_the_deadline),
		T(test_check_review_rejects_the_day_before_the_anchor),
		T(test_check_review_rejects_the_day_after_the_deadline),
		T(test_check_not_future_accepts_today_and_before),
		T(test_check_not_future_rejects_the_day_after_today),
		T(test_check_replacement_rejects_the_decision_itself),
		T(test_parse_id_accepts_positive_integers),
		T(test_parse_id_rejects_zero_signs_junk_and_huge_numbers),
		T(test_choice_valid_takes_the_four_choices_only),
		T(test_status_valid_takes_the_four_statuses_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
