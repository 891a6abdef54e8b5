/*
 * Unit tests of lint.c: each rule of mvb(1) LINT fires on a decision that
 * breaks it and stays quiet on one that keeps it, at the edges the rules
 * name (the crossover exactly, payback in exactly 12 months and in 13);
 * a decision with everything recorded has no finding; only proposed and
 * active decisions are linted, and one id lints only that decision.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "err.h"
#include "lint.h"
#include "settings.h"
#include "util.h"

#include "fixture.h"

/* The findings of a run, one "ID: RULE: message" a line. */
static int
collect(void *arg, int64_t id, enum lint_rule rule, const char *message)
{
	sb_addf(arg, "%lld: %s: %s\n", (long long)id, lint_rule_names[rule],
	    message);
	return 0;
}

/* Lint id (0: all) into sb (reset first); the number of findings. */
static long
lint(struct db *db, int64_t id, struct strbuf *sb)
{
	struct settings	s;
	long		n;

	if (settings_load(db, &s) != 0)
		fail_msg("settings: %s", err_msg());
	sb_reset(sb);
	n = lint_run(db, id, &s, collect, sb);
	if (n < 0)
		fail_msg("lint: %s", err_msg());
	return n;
}

/*
 * A decision with everything recorded: bought for 1,000.00 a month, a
 * rationale, a metric, a sunset criterion, an assumption and an option
 * that costs twice as much and runs dearer.
 */
static int64_t
complete(struct db *db, const char *title)
{
	int64_t	id = insert_decision(db, title, "active", "2026-01-05");

	exec(db, "UPDATE decisions SET monthly_cents = 100000, rationale = "
	    "'cheapest that fits' WHERE id = %lld", (long long)id);
	exec(db, "INSERT INTO metrics (decision_id, name, op, target, "
	    "target_on) VALUES (%lld, 'latency', '<', '200', '2027-01-05')",
	    (long long)id);
	exec(db, "INSERT INTO sunset (decision_id, number, expression, kind, "
	    "on_date) VALUES (%lld, 1, 'on 2029-01-01', 'on', '2029-01-01')",
	    (long long)id);
	exec(db, "INSERT INTO assumptions (decision_id, number, text) VALUES "
	    "(%lld, 1, 'traffic stays below 10k/s')", (long long)id);
	exec(db, "INSERT INTO options (decision_id, number, name, choice, "
	    "currency, monthly_cents) VALUES (%lld, 1, 'Self-hosted', 'oss', "
	    "'USD', 200000)", (long long)id);
	return id;
}

static void
assert_has(const struct strbuf *sb, const char *want)
{
	if (strstr(sb->buf, want) == NULL)
		fail_msg("findings lack '%s':\n%s", want, sb->buf);
}

static void
test_complete_decision_has_no_finding(void **state)
{
	struct db		*db = *state;
	struct strbuf	 sb;

	sb_init(&sb);
	complete(db, "everything recorded");
	assert_int_equal(lint(db, 0, &sb), 0);
	assert_string_equal(sb.buf, "");
	sb_release(&sb);
}

static void
test_missing_evidence_rules(void **state)
{
	struct db		*db = *state;
	struct strbuf	 sb;
	int64_t		 bare, full;

	sb_init(&sb);
	full = complete(db, "full");
	bare = insert_decision(db, "bare", "proposed", "2026-01-05");
	assert_int_equal(lint(db, 0, &sb), 4);
	assert_has(&sb, "2: no-metric: ");
	assert_has(&sb, "2: no-sunset: ");
	assert_has(&sb, "2: no-assumption: ");
	assert_has(&sb, "2: no-options: no alternative recorded: add what "
	    "was weighed with 'mvb option 2'\n");
	/* In rule order, and only for the bare decision. */
	assert_true(strstr(sb.buf, "no-metric") < strstr(sb.buf, "no-sunset"));
	assert_int_equal(lint(db, full, &sb), 0);
	assert_int_equal(lint(db, bare, &sb), 4);
	sb_release(&sb);
}

static void
test_only_open_decisions(void **state)
{
	struct db		*db = *state;
	struct strbuf	 sb;
	int64_t		 id;

	sb_init(&sb);
	insert_decision(db, "gone", "superseded", "2026-01-05");
	id = insert_decision(db, "retired", "retired", "2026-01-05");
	assert_int_equal(lint(db, 0, &sb), 0);
	assert_int_equal(lint(db, id, &sb), 0);
	sb_release(&sb);
}

static void
test_gate(void **state)
{
	struct db		*db = *state;
	struct strbuf	 sb;
	int64_t		 id = complete(db, "built");

	sb_init(&sb);
	exec(db, "UPDATE decisions SET choice = 'build', gate_differentiation "
	    "= 'yes', gate_maintenance = 'no', gate_no_alternative = 'yes' "
	    "WHERE id = %lld", (long long)id);
	assert_int_equal(lint(db, 0, &sb), 1);
	assert_has(&sb, "1: gate: build without four yeses (maintenance no, "
	    "opportunity unanswered): ");
	exec(db, "UPDATE decisions SET gate_maintenance = 'yes', "
	    "gate_opportunity = 'yes' WHERE id = %lld", (long long)id);
	assert_int_equal(lint(db, 0, &sb), 0);
	/* Bought, the questions need no answer. */
	exec(db, "UPDATE decisions SET choice = 'buy', gate_maintenance = "
	    "NULL WHERE id = %lld", (long long)id);
	assert_int_equal(lint(db, 0, &sb), 0);
	sb_release(&sb);
}

static void
test_oss_not_free(void **state)
{
	struct db		*db = *state;
	struct strbuf	 sb;
	int64_t		 oss = complete(db, "oss"), as = complete(db, "as");

	sb_init(&sb);
	exec(db, "UPDATE decisions SET choice = 'oss' WHERE id = %lld",
	    (long long)oss);
	exec(db, "UPDATE decisions SET choice = 'assemble' WHERE id = %lld",
	    (long long)as);
	assert_int_equal(lint(db, 0, &sb), 2);
	assert_has(&sb, "1: oss-not-free: oss with 0.00 ops FTE: ");
	assert_has(&sb, "2: oss-not-free: assemble with 0.00 ops FTE: ");
	exec(db, "UPDATE decisions SET ops_fte_hundredths = 1");
	assert_int_equal(lint(db, 0, &sb), 0);
	sb_release(&sb);
}

static void
test_crossover_at_the_setting(void **state)
{
	struct db		*db = *state;
	struct strbuf	 sb;
	int64_t		 id = complete(db, "big bill");

	sb_init(&sb);
	/* The option costs twice as much, so no close call. */
	exec(db, "UPDATE options SET monthly_cents = 5000000");
	exec(db, "UPDATE decisions SET monthly_cents = 2500000 WHERE id = "
	    "%lld", (long long)id);
	assert_int_equal(lint(db, 0, &sb), 1);
	assert_string_equal(sb.buf, "1: crossover: pays 25000.00 USD a "
	    "month, at the crossover 25000.00: run the self-hosting "
	    "calculation\n");
	exec(db, "UPDATE decisions SET monthly_cents = 3200000");
	assert_int_equal(lint(db, 0, &sb), 1);
	assert_has(&sb, "pays 32000.00 USD a month, above the crossover "
	    "25000.00");
	exec(db, "UPDATE decisions SET monthly_cents = 2499999");
	assert_int_equal(lint(db, 0, &sb), 0);
	/* Another currency than the setting's, or not bought. */
	exec(db, "UPDATE decisions SET monthly_cents = 3200000, currency = "
	    "'EUR'");
	exec(db, "UPDATE options SET currency = 'EUR'");
	assert_int_equal(lint(db, 0, &sb), 0);
	exec(db, "UPDATE decisions SET currency = 'USD', choice = 'build', "
	    "gate_differentiation = 'yes', gate_maintenance = 'yes', "
	    "gate_no_alternative = 'yes', gate_opportunity = 'yes'");
	exec(db, "UPDATE options SET currency = 'USD'");
	assert_int_equal(lint(db, 0, &sb), 0);
	sb_release(&sb);
}

static void
test_close_call(void **state)
{
	struct db		*db = *state;
	struct strbuf	 sb;
	int64_t		 id = complete(db, "close");

	sb_init(&sb);
	/* 24,000.00 and 28,800.00: exactly 1.2, and a blank rationale. */
	exec(db, "UPDATE options SET monthly_cents = 120000");
	exec(db, "UPDATE decisions SET rationale = ' \t\n' WHERE id = %lld",
	    (long long)id);
	assert_int_equal(lint(db, 0, &sb), 1);
	assert_has(&sb, "1: close-call: the two cheapest are within 20% over "
	    "24 months (24000.00 and 28800.00 USD) and no rationale says "
	    "why: ");
	exec(db, "UPDATE decisions SET rationale = NULL");
	assert_int_equal(lint(db, 0, &sb), 1);
	/* A rationale, or a gap above 20%, silences it. */
	exec(db, "UPDATE decisions SET rationale = 'team knows it'");
	assert_int_equal(lint(db, 0, &sb), 0);
	exec(db, "UPDATE decisions SET rationale = ''");
	exec(db, "UPDATE options SET monthly_cents = 120001");
	assert_int_equal(lint(db, 0, &sb), 0);
	sb_release(&sb);
}

static void
test_switch_pays(void **state)
{
	struct db		*db = *state;
	struct strbuf	 sb;
	int64_t		 id = complete(db, "locked in");

	sb_init(&sb);
	/* The decision runs at 24,000.00 a year and costs 6,000.00 to
	 * leave; option 2 runs at 12,000.00 and costs 6,000.00 to adopt:
	 * exactly 12 months. Option 3 pays back in 14. */
	exec(db, "UPDATE decisions SET monthly_cents = 200000, lockin_cost_"
	    "cents = 600000, lockin_prob_hundredths = 0 WHERE id = %lld",
	    (long long)id);
	exec(db, "INSERT INTO options (decision_id, number, name, choice, "
	    "currency, one_time_cents, monthly_cents) VALUES (%lld, 2, "
	    "'Cheap\nrunner', 'buy', 'USD', 600000, 100000), (%lld, 3, "
	    "'Slow payer', 'buy', 'USD', 800000, 100000)", (long long)id,
	    (long long)id);
	assert_int_equal(lint(db, 0, &sb), 1);
	assert_string_equal(sb.buf, "1: switch-pays: switching to 'Cheap "
	    "runner' saves 12000.00 USD a year and pays back in 12 months: "
	    "the sunk-cost trap; plan the migration or review the "
	    "decision\n");
	/* One cent more to adopt: 13 months, no finding. */
	exec(db, "UPDATE options SET one_time_cents = 600001 WHERE number = "
	    "2");
	assert_int_equal(lint(db, 0, &sb), 0);
	/* Free to switch: 0 months. */
	exec(db, "UPDATE options SET one_time_cents = 0 WHERE number = 2");
	exec(db, "UPDATE decisions SET lockin_cost_cents = 0");
	assert_int_equal(lint(db, 0, &sb), 1);
	assert_has(&sb, "pays back in 0 months");
	/* In another currency it is not compared. */
	exec(db, "UPDATE options SET currency = 'EUR' WHERE number = 2");
	lint(db, 0, &sb);
	assert_has(&sb, "'Slow payer'");
	exec(db, "UPDATE options SET currency = 'EUR' WHERE number = 3");
	assert_int_equal(lint(db, 0, &sb), 0);
	/* A proposed decision is not yet a sunk cost. */
	exec(db, "UPDATE options SET currency = 'USD'");
	exec(db, "UPDATE decisions SET status = 'proposed'");
	assert_int_equal(lint(db, 0, &sb), 0);
	sb_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_complete_decision_has_no_finding, fixture_setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_missing_evidence_rules,
		    fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_only_open_decisions,
		    fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_gate, fixture_setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_oss_not_free,
		    fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_crossover_at_the_setting,
		    fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_close_call, fixture_setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_switch_pays,
		    fixture_setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
