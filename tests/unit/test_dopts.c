/*
 * Unit tests of dopts.c: each option of add and edit takes the values of
 * mvb(1) VALUES and applies them to a decision; every other value is a usage
 * error that names the option and quotes the value, with bytes unsafe for
 * a terminal shown as \xNN.
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
#include "dopts.h"
#include "err.h"
#include "util.h"

#include "fixture.h"

/* A decision being built from options, and what was given. */
struct fixture {
	struct db			*db;
	struct decision		 d;
	struct dopt_given	 given;
};

static int
setup(void **state)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));

	if ((fx->db = fixture_register()) == NULL) {
		free(fx);
		return -1;
	}
	decision_init(&fx->d);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	decision_release(&fx->d);
	db_close(fx->db);
	free(fx);
	fixture_end();
	return 0;
}

/* The id of option name (without dashes) in dopts[]. */
static int
dopt_id(const char *name)
{
	const struct opt	*o;

	for (o = dopts; o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return o->id;
	fail_msg("no option --%s", name);
	return 0;
}

/* Apply --name value to the fixture's decision; returns what it returns. */
static int
apply(struct fixture *fx, const char *name, const char *value)
{
	struct optval	v;

	v.id = dopt_id(name);
	v.name = name;
	v.value = value;
	err_clear();
	return dopt_apply(&fx->d, &v, &fx->given);
}

static void
assert_applied(struct fixture *fx, const char *name, const char *value)
{
	if (apply(fx, name, value) != 0)
		fail_msg("--%s '%s' rejected: %s", name, value, err_msg());
	assert_null(err_msg());
	assert_true(fx->given.seen[dopt_id(name)]);
}

/* --name value must be a usage error whose message is want. */
static void
assert_rejected(struct fixture *fx, const char *name, const char *value,
    const char *want)
{
	if (apply(fx, name, value) != -1)
		fail_msg("--%s '%s' accepted", name, value);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), want);
}

/*
 * --name value must be a usage error whose message starts with "--name: "
 * and contains the value in quotes.
 */
static void
assert_rejected_naming(struct fixture *fx, const char *name,
    const char *value)
{
	char	*option, *quoted;

	if (apply(fx, name, value) != -1)
		fail_msg("--%s '%s' accepted", name, value);
	assert_int_equal(err_code(), EXIT_USAGE);
	option = xasprintf("--%s: ", name);
	quoted = xasprintf("'%s'", value);
	if (strncmp(err_msg(), option, strlen(option)) != 0 ||
	    strstr(err_msg(), quoted) == NULL)
		fail_msg("message '%s' does not name %s and %s", err_msg(),
		    option, quoted);
	free(option);
	free(quoted);
}

/* A string of n copies of unit; the caller frees it. */
static char *
repeat(const char *unit, size_t n)
{
	struct strbuf	sb;
	size_t		i;

	sb_init(&sb);
	for (i = 0; i < n; i++)
		sb_adds(&sb, unit);
	return sb.buf;	/* the caller owns it */
}

static void
test_table_lists_every_option_with_a_value(void **state)
{
	static const char *const names[] = {
		"title", "capability", "choice", "vendor", "owner",
		"cost-center", "status", "decided", "review", "rationale",
		"gate", "one-time", "monthly", "increase", "ops-fte",
		"fte-cost", "lockin-cost", "lockin-prob", "currency",
	};
	size_t	 i, n = 0;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		assert_true(dopt_id(names[i]) > 0);
	while (dopts[n].name != NULL) {
		assert_int_equal(dopts[n].has_arg, 1);
		n++;
	}
	assert_int_equal(n, ARRAY_SIZE(names));
	assert_int_equal(n, DOPT_LAST - 1);
}

static void
test_title_and_capability_take_1_to_200_characters(void **state)
{
	struct fixture	*fx = *state;
	char		*max = repeat("é", 200), *over = repeat("x", 201);

	assert_applied(fx, "title", "Managed Kafka");
	assert_string_equal(fx->d.title, "Managed Kafka");
	assert_applied(fx, "title", max);
	assert_string_equal(fx->d.title, max);
	assert_applied(fx, "capability", "x");
	assert_string_equal(fx->d.capability, "x");
	assert_applied(fx, "capability", max);
	assert_rejected(fx, "title", "", "--title: invalid value '' (must not be empty)");
	assert_rejected(fx, "capability", "",
	    "--capability: invalid value '' (must not be empty)");
	assert_rejected_naming(fx, "title", "");
	if (apply(fx, "title", over) != -1)
		fail_msg("201 characters accepted");
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_non_null(strstr(err_msg(), "--title: too long (at most 200 "
	    "characters) 'xxxx"));
	assert_int_equal(apply(fx, "capability", over), -1);
	assert_non_null(strstr(err_msg(), "--capability: too long"));
	/* A rejected value leaves the field as it was. */
	assert_string_equal(fx->d.title, max);
	free(max);
	free(over);
}

static void
test_long_values_are_cut_in_the_message(void **state)
{
	struct fixture	*fx = *state;
	char		*over = repeat("x", 201), *want, *sixty;

	sixty = repeat("x", 60);
	want = xasprintf("--title: too long (at most 200 characters) "
	    "'%s…'", sixty);
	assert_rejected(fx, "title", over, want);
	free(want);
	free(sixty);
	free(over);
}

static void
test_optional_text_takes_up_to_10000_characters(void **state)
{
	struct fixture	*fx = *state;
	static const char *const names[] = {
		"vendor", "owner", "cost-center", "rationale"
	};
	char		*max = repeat("ü", 10000), *over = repeat("a", 10001);
	size_t		 i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		assert_applied(fx, names[i], max);
		if (apply(fx, names[i], over) != -1)
			fail_msg("--%s: 10001 characters accepted", names[i]);
		assert_int_equal(err_code(), EXIT_USAGE);
		assert_non_null(strstr(err_msg(), "too long (at most 10000 "
		    "characters)"));
	}
	assert_string_equal(fx->d.vendor, max);
	assert_string_equal(fx->d.owner, max);
	assert_string_equal(fx->d.cost_center, max);
	assert_string_equal(fx->d.rationale, max);
	free(max);
	free(over);
}

static void
test_empty_optional_text_clears_the_field(void **state)
{
	struct fixture	*fx = *state;

	assert_applied(fx, "vendor", "Confluent");
	assert_applied(fx, "owner", "alice");
	assert_applied(fx, "cost-center", "CC-1");
	assert_applied(fx, "rationale", "why\nbecause\tso");
	assert_string_equal(fx->d.vendor, "Confluent");
	assert_string_equal(fx->d.owner, "alice");
	assert_string_equal(fx->d.cost_center, "CC-1");
	assert_string_equal(fx->d.rationale, "why\nbecause\tso");
	assert_applied(fx, "vendor", "");
	assert_applied(fx, "owner", "");
	assert_applied(fx, "cost-center", "");
	assert_applied(fx, "rationale", "");
	assert_null(fx->d.vendor);
	assert_null(fx->d.owner);
	assert_null(fx->d.cost_center);
	assert_null(fx->d.rationale);
}

static void
test_text_rejects_control_characters(void **state)
{
	struct fixture	*fx = *state;

	assert_rejected(fx, "owner", "a\x07" "b",
	    "--owner: control character not allowed 'a\\x07b'");
	assert_rejected(fx, "title", "bad\x1b[31m",
	    "--title: control character not allowed 'bad\\x1b[31m'");
	assert_rejected(fx, "vendor", "del\x7f",
	    "--vendor: control character not allowed 'del\\x7f'");
	assert_rejected(fx, "rationale", "c1 \xc2\x85",
	    "--rationale: control character not allowed 'c1 \\xc2\\x85'");
	assert_rejected(fx, "cost-center", "\r",
	    "--cost-center: control character not allowed '\\x0d'");
	assert_null(fx->d.owner);
}

static void
test_text_rejects_invalid_utf8_and_quotes_it_as_hex(void **state)
{
	struct fixture	*fx = *state;

	assert_rejected(fx, "title", "\xff",
	    "--title: invalid UTF-8 '\\xff'");
	assert_rejected(fx, "capability", "caf\xe9",
	    "--capability: invalid UTF-8 'caf\\xe9'");
	assert_rejected(fx, "vendor", "\xc0\xaf",
	    "--vendor: invalid UTF-8 '\\xc0\\xaf'");
	assert_null(fx->d.title);
}

static void
test_choice_takes_build_buy_oss_or_assemble(void **state)
{
	struct fixture	*fx = *state;
	static const char *const good[] = { "build", "buy", "oss", "assemble" };
	static const char *const bad[] = { "", "Build", "rent", "buy " };
	size_t		 i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		assert_applied(fx, "choice", good[i]);
		assert_string_equal(fx->d.choice, good[i]);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_rejected_naming(fx, "choice", bad[i]);
	assert_rejected(fx, "choice", "rent",
	    "--choice: invalid choice 'rent' (build, buy, oss or assemble)");
	assert_string_equal(fx->d.choice, "assemble");
}

static void
test_status_takes_the_four_statuses(void **state)
{
	struct fixture	*fx = *state;
	static const char *const good[] = {
		"proposed", "active", "superseded", "retired"
	};
	static const char *const bad[] = { "", "Active", "accepted", "done" };
	size_t		 i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		assert_applied(fx, "status", good[i]);
		assert_string_equal(fx->d.status, good[i]);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_rejected_naming(fx, "status", bad[i]);
	assert_rejected(fx, "status", "done",
	    "--status: invalid status 'done' (proposed, active, superseded "
	    "or retired)");
	assert_string_equal(fx->d.status, "retired");
}

static void
test_dates_go_to_given_and_must_be_real(void **state)
{
	struct fixture	*fx = *state;
	static const char *const bad[] = {
		"", "2025-02-29", "2025-02-30", "2025-13-01", "1899-12-31",
		"10000-01-01", "2025-1-01", "2025/01/01", "20250101",
		"2025-01-01 ", "today",
	};
	int32_t		 want;
	size_t		 i;

	assert_applied(fx, "decided", "2024-02-29");
	assert_int_equal(date_parse("2024-02-29", &want), 0);
	assert_int_equal(fx->given.decided, want);
	assert_applied(fx, "review", "9999-12-31");
	assert_int_equal(fx->given.review, DATE_MAX);
	assert_applied(fx, "decided", "1900-01-01");
	assert_int_equal(fx->given.decided, DATE_MIN);
	/* Dates are not written to the decision here. */
	assert_int_equal(fx->d.decided_on, 0);
	assert_int_equal(fx->d.next_review_on, 0);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_rejected_naming(fx, "decided", bad[i]);
		assert_rejected_naming(fx, "review", bad[i]);
	}
	assert_rejected(fx, "decided", "2025-02-30",
	    "--decided: invalid date '2025-02-30' (YYYY-MM-DD, 1900-01-01 "
	    "to 9999-12-31)");
	assert_int_equal(fx->given.decided, DATE_MIN);
}

static void
test_gate_sets_clears_and_validates_answers(void **state)
{
	struct fixture	*fx = *state;

	assert_applied(fx, "gate", "differentiation=yes");
	assert_applied(fx, "gate", "maintenance=no");
	assert_applied(fx, "gate", "no_alternative=yes");
	assert_applied(fx, "gate", "opportunity=no");
	assert_string_equal(fx->d.gate[GATE_DIFFERENTIATION], "yes");
	assert_string_equal(fx->d.gate[GATE_MAINTENANCE], "no");
	assert_string_equal(fx->d.gate[GATE_NO_ALTERNATIVE], "yes");
	assert_string_equal(fx->d.gate[GATE_OPPORTUNITY], "no");
	assert_applied(fx, "gate", "maintenance=yes");
	assert_string_equal(fx->d.gate[GATE_MAINTENANCE], "yes");
	assert_applied(fx, "gate", "opportunity=");
	assert_null(fx->d.gate[GATE_OPPORTUNITY]);
	assert_string_equal(fx->d.gate[GATE_DIFFERENTIATION], "yes");
}

static void
test_gate_rejects_unknown_questions(void **state)
{
	struct fixture	*fx = *state;
	static const char *const bad[] = {
		"speed=yes", "maintenance", "=yes", "", "Maintenance=yes",
		"maintenance =yes", "maint=yes", "maintenancex=yes",
		"no-alternative=yes",
	};
	size_t		 i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_rejected_naming(fx, "gate", bad[i]);
	assert_rejected(fx, "gate", "speed=yes",
	    "--gate: invalid 'speed=yes' (differentiation, maintenance, "
	    "no_alternative or opportunity, =yes or =no)");
}

static void
test_gate_rejects_answers_other_than_yes_or_no(void **state)
{
	struct fixture	*fx = *state;
	static const char *const bad[] = {
		"maintenance=maybe", "maintenance=YES", "maintenance=y",
		"maintenance=yes ", "maintenance=no=yes", "maintenance=1",
	};
	size_t		 i;

	assert_applied(fx, "gate", "maintenance=no");
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_rejected_naming(fx, "gate", bad[i]);
	assert_rejected(fx, "gate", "maintenance=maybe",
	    "--gate: invalid answer 'maintenance=maybe' (yes or no)");
	assert_string_equal(fx->d.gate[GATE_MAINTENANCE], "no");
}

static void
test_money_options_take_two_decimal_amounts(void **state)
{
	struct fixture	*fx = *state;

	assert_applied(fx, "one-time", "1234");
	assert_applied(fx, "monthly", "1234.5");
	assert_applied(fx, "fte-cost", "180000.00");
	assert_applied(fx, "lockin-cost", "999999999999.99");
	assert_int_equal(fx->d.cost.one_time, 123400);
	assert_int_equal(fx->d.cost.monthly, 123450);
	assert_int_equal(fx->d.cost.fte_cost, 18000000);
	assert_int_equal(fx->d.cost.lockin_cost, MONEY_MAX);
	assert_applied(fx, "monthly", "0");
	assert_int_equal(fx->d.cost.monthly, 0);
}

static void
test_money_options_reject_what_is_not_an_amount(void **state)
{
	struct fixture	*fx = *state;
	static const char *const names[] = {
		"one-time", "monthly", "fte-cost", "lockin-cost"
	};
	static const char *const bad[] = {
		"", "-1", "+1", "1,000", "1.234", ".5", "5.", "$5", "5 USD",
		"1e3", "1000000000000",
	};
	size_t		 i, j;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		for (j = 0; j < ARRAY_SIZE(bad); j++)
			assert_rejected_naming(fx, names[i], bad[j]);
	assert_rejected(fx, "monthly", "1,000",
	    "--monthly: invalid amount '1,000'");
	assert_rejected(fx, "lockin-cost", "1000000000000",
	    "--lockin-cost: invalid amount '1000000000000'");
	assert_int_equal(fx->d.cost.monthly, 0);
}

static void
test_increase_and_ops_fte_take_0_to_1000(void **state)
{
	struct fixture	*fx = *state;

	assert_applied(fx, "increase", "1000");
	assert_int_equal(fx->d.cost.increase, 100000);
	assert_applied(fx, "increase", "3.5");
	assert_int_equal(fx->d.cost.increase, 350);
	assert_applied(fx, "ops-fte", "1000.00");
	assert_int_equal(fx->d.cost.ops_fte, 100000);
	assert_applied(fx, "ops-fte", "0.25");
	assert_int_equal(fx->d.cost.ops_fte, 25);
	assert_rejected(fx, "increase", "1000.01",
	    "--increase: invalid percent (0-1000) '1000.01'");
	assert_rejected(fx, "increase", "-5",
	    "--increase: invalid percent (0-1000) '-5'");
	assert_rejected(fx, "increase", "5%",
	    "--increase: invalid percent (0-1000) '5%'");
	assert_rejected(fx, "ops-fte", "1001",
	    "--ops-fte: invalid FTE (0-1000) '1001'");
	assert_rejected(fx, "ops-fte", "0.125",
	    "--ops-fte: invalid FTE (0-1000) '0.125'");
	assert_int_equal(fx->d.cost.increase, 350);
	assert_int_equal(fx->d.cost.ops_fte, 25);
}

static void
test_lockin_prob_takes_0_to_1(void **state)
{
	struct fixture	*fx = *state;

	assert_applied(fx, "lockin-prob", "1");
	assert_int_equal(fx->d.cost.lockin_prob, 100);
	assert_applied(fx, "lockin-prob", "0.5");
	assert_int_equal(fx->d.cost.lockin_prob, 50);
	assert_applied(fx, "lockin-prob", "0");
	assert_int_equal(fx->d.cost.lockin_prob, 0);
	assert_rejected(fx, "lockin-prob", "1.01",
	    "--lockin-prob: invalid probability (0-1) '1.01'");
	assert_rejected(fx, "lockin-prob", "50",
	    "--lockin-prob: invalid probability (0-1) '50'");
	assert_rejected(fx, "lockin-prob", "0.005",
	    "--lockin-prob: invalid probability (0-1) '0.005'");
	assert_int_equal(fx->d.cost.lockin_prob, 0);
}

static void
test_currency_takes_three_upper_case_letters(void **state)
{
	struct fixture	*fx = *state;
	static const char *const bad[] = {
		"", "eur", "EU", "EURO", "E1R", "€",
	};
	size_t		 i;

	assert_applied(fx, "currency", "EUR");
	assert_string_equal(fx->d.currency, "EUR");
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_rejected_naming(fx, "currency", bad[i]);
	assert_rejected(fx, "currency", "eur",
	    "--currency: invalid currency 'eur' (three upper-case letters)");
	assert_string_equal(fx->d.currency, "EUR");
}

static void
test_hostile_values_are_quoted_as_hex_in_every_message(void **state)
{
	struct fixture	*fx = *state;

	assert_rejected(fx, "choice", "b\xff",
	    "--choice: invalid choice 'b\\xff' (build, buy, oss or assemble)");
	assert_rejected(fx, "status", "\x07",
	    "--status: invalid status '\\x07' (proposed, active, superseded "
	    "or retired)");
	assert_rejected(fx, "monthly", "1\x1b[2J",
	    "--monthly: invalid amount '1\\x1b[2J'");
	assert_rejected(fx, "lockin-prob", "\xff",
	    "--lockin-prob: invalid probability (0-1) '\\xff'");
	assert_rejected(fx, "currency", "E\x07R",
	    "--currency: invalid currency 'E\\x07R' (three upper-case "
	    "letters)");
	assert_rejected(fx, "gate", "maintenance=\xff",
	    "--gate: invalid answer 'maintenance=\\xff' (yes or no)");
	assert_rejected(fx, "gate", "\x07=yes",
	    "--gate: invalid '\\x07=yes' (differentiation, maintenance, "
	    "no_alternative or opportunity, =yes or =no)");
	assert_rejected(fx, "decided", "2025-01-0\x07",
	    "--decided: invalid date '2025-01-0\\x07' (YYYY-MM-DD, "
	    "1900-01-01 to 9999-12-31)");
}

static void
test_check_text_names_the_option_given(void **state)
{
	(void)state;
	assert_int_equal(dopt_check_text("--note", "fine", 0, 10), 0);
	assert_int_equal(dopt_check_text("--note", "", 0, 10), 0);
	assert_int_equal(dopt_check_text("--note", "0123456789", 0, 10), 0);
	assert_null(err_msg());
	assert_int_equal(dopt_check_text("--note", "01234567890", 0, 10), -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(),
	    "--note: too long (at most 10 characters) '01234567890'");
	err_clear();
	assert_int_equal(dopt_check_text("TEXT", "", 1, 10), -1);
	assert_string_equal(err_msg(), "TEXT: invalid value '' (must not be empty)");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_table_lists_every_option_with_a_value),
		T(test_title_and_capability_take_1_to_200_characters),
		T(test_long_values_are_cut_in_the_message),
		T(test_optional_text_takes_up_to_10000_characters),
		T(test_empty_optional_text_clears_the_field),
		T(test_text_rejects_control_characters),
		T(test_text_rejects_invalid_utf8_and_quotes_it_as_hex),
		T(test_choice_takes_build_buy_oss_or_assemble),
		T(test_status_takes_the_four_statuses),
		T(test_dates_go_to_given_and_must_be_real),
		T(test_gate_sets_clears_and_validates_answers),
		T(test_gate_rejects_unknown_questions),
		T(test_gate_rejects_answers_other_than_yes_or_no),
		T(test_money_options_take_two_decimal_amounts),
		T(test_money_options_reject_what_is_not_an_amount),
		T(test_increase_and_ops_fte_take_0_to_1000),
		T(test_lockin_prob_takes_0_to_1),
		T(test_currency_takes_three_upper_case_letters),
		T(test_hostile_values_are_quoted_as_hex_in_every_message),
		T(test_check_text_names_the_option_given),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
