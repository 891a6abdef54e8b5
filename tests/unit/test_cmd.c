/*
 * Unit tests of cmd.c's parsing of a command line: the global options
 * before the command and anywhere among its arguments, --opt=value, --,
 * the positional counts each command declares, -h/--help and --version,
 * and --format against the formats of each command.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "err.h"
#include "util.h"

#define MAX_ARGS 16

/* One parse: its command line, context and result. */
struct fixture {
	char			*argv[MAX_ARGS + 1];
	int			 argc;
	struct ctx		 ctx;
	struct args		 a;
	const struct cmd_entry	*ce;
};

static int
setup(void **state)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));

	err_clear();
	/* Nothing from the environment: only what each test gives. */
	unsetenv("MVB_DB");
	unsetenv("MVB_TODAY");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;
	int		 i;

	args_release(&fx->a);
	ctx_release(&fx->ctx);
	for (i = 0; i < fx->argc; i++)
		free(fx->argv[i]);
	free(fx);
	err_clear();
	return 0;
}

/* A fresh fixture, for the next parse of a test. */
static struct fixture *
again(void **state)
{
	teardown(state);
	setup(state);
	return *state;
}

/* Parse "mvb" followed by the NULL-terminated arguments; 0 or -1. */
static int
parse(struct fixture *fx, ...)
{
	const char	*arg;
	va_list		 ap;

	fx->argv[fx->argc++] = xstrdup("mvb");
	va_start(ap, fx);
	while ((arg = va_arg(ap, const char *)) != NULL) {
		assert_true(fx->argc < MAX_ARGS);
		fx->argv[fx->argc++] = xstrdup(arg);
	}
	va_end(ap);
	return cmd_parse(&fx->ctx, fx->argc, fx->argv, &fx->ce, &fx->a);
}

/* The parse failed as a usage error with exactly msg. */
static void
assert_usage(int rc, const char *msg)
{
	assert_int_equal(rc, -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), msg);
}

static int32_t
day(const char *s)
{
	int32_t	d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void
test_global_options_before_the_command(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "r.db", "--today=2025-03-01",
	    "--format", "json", "list", NULL), 0);
	assert_ptr_equal(fx->ce, &cmd_list_entry);
	assert_string_equal(fx->ctx.db_path, "r.db");
	assert_int_equal(fx->ctx.today, day("2025-03-01"));
	assert_int_equal(fx->ctx.format, FMT_JSON);
	assert_int_equal(fx->a.npos, 0);
	assert_int_equal(fx->a.nopts, 0);
	assert_int_equal(fx->a.help, CMD_RUN);
}

static void
test_global_options_after_and_among_the_arguments(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "show", "--db=r.db", "7", "--today",
	    "2024-02-29", "--format=md", NULL), 0);
	assert_ptr_equal(fx->ce, &cmd_show_entry);
	assert_string_equal(fx->ctx.db_path, "r.db");
	assert_int_equal(fx->ctx.today, day("2024-02-29"));
	assert_int_equal(fx->ctx.format, FMT_MD);
	assert_int_equal(fx->a.npos, 1);
	assert_string_equal(fx->a.pos[0], "7");
	/* Global options are not the command's own. */
	assert_int_equal(fx->a.nopts, 0);
}

static void
test_the_last_of_a_repeated_global_option_counts(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "first.db", "list", "--db",
	    "second.db", NULL), 0);
	assert_string_equal(fx->ctx.db_path, "second.db");
}

static void
test_command_options_take_a_value_separate_or_after_equals(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "r.db", "list", "--status=active",
	    "--owner", "ann", "--search=", NULL), 0);
	assert_int_equal(fx->a.nopts, 3);
	assert_string_equal(fx->a.opts[0].name, "status");
	assert_string_equal(fx->a.opts[0].value, "active");
	assert_string_equal(fx->a.opts[1].name, "owner");
	assert_string_equal(fx->a.opts[1].value, "ann");
	/* --opt= gives the empty value, not the next argument. */
	assert_string_equal(fx->a.opts[2].name, "search");
	assert_string_equal(fx->a.opts[2].value, "");
}

static void
test_a_value_may_look_like_an_option(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "r.db", "list", "--owner",
	    "--help", NULL), 0);
	assert_int_equal(fx->a.help, CMD_RUN);
	assert_string_equal(fx->a.opts[0].value, "--help");
}

static void
test_one_letter_option_takes_the_next_argument(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "r.db", "export", "-o", "out.csv",
	    NULL), 0);
	assert_int_equal(fx->a.nopts, 1);
	assert_string_equal(fx->a.opts[0].name, "o");
	assert_string_equal(fx->a.opts[0].value, "out.csv");
}

static void
test_flags_take_no_value(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "r.db", "due", "--exit-code",
	    NULL), 0);
	assert_int_equal(fx->a.nopts, 1);
	assert_null(fx->a.opts[0].value);
	fx = again(state);
	assert_usage(parse(fx, "due", "--exit-code=1", NULL),
	    "--exit-code: takes no value");
}

static void
test_double_dash_ends_the_options(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "r.db", "assume", "1", "--",
	    "--help", NULL), 0);
	assert_int_equal(fx->a.help, CMD_RUN);
	assert_int_equal(fx->a.npos, 2);
	assert_string_equal(fx->a.pos[1], "--help");
}

static void
test_numbers_and_a_lone_dash_are_positional(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "r.db", "measure", "1", "up",
	    "-6", NULL), 0);
	assert_int_equal(fx->a.npos, 3);
	assert_string_equal(fx->a.pos[2], "-6");
	fx = again(state);
	assert_int_equal(parse(fx, "--db", "r.db", "measure", "1", "up",
	    "-.5", NULL), 0);
	assert_string_equal(fx->a.pos[2], "-.5");
	fx = again(state);
	assert_int_equal(parse(fx, "--db", "r.db", "import", "-", NULL), 0);
	assert_string_equal(fx->a.pos[0], "-");
}

static void
test_missing_values(void **state)
{
	struct fixture	*fx = *state;

	assert_usage(parse(fx, "--db", NULL), "--db: missing value");
	fx = again(state);
	assert_usage(parse(fx, "list", "--today", NULL),
	    "--today: missing value");
	fx = again(state);
	assert_usage(parse(fx, "list", "--status", NULL),
	    "--status: missing value");
	fx = again(state);
	assert_usage(parse(fx, "export", "-o", NULL), "-o: missing value");
}

static void
test_unknown_options(void **state)
{
	struct fixture	*fx = *state;

	/* Before the command: the overall help is the one to see. */
	assert_usage(parse(fx, "--bogus", "list", NULL),
	    "unknown option '--bogus' (see 'mvb --help')");
	fx = again(state);
	assert_usage(parse(fx, "list", "--bogus=1", NULL),
	    "list: unknown option '--bogus' (see 'mvb list --help')");
	fx = again(state);
	assert_usage(parse(fx, "list", "-x", NULL),
	    "list: unknown option '-x' (see 'mvb list --help')");
	fx = again(state);
	/* Another command's option is unknown here. */
	assert_usage(parse(fx, "show", "1", "--status", "active", NULL),
	    "show: unknown option '--status' (see 'mvb show --help')");
	fx = again(state);
	/* Options match whole names, never a prefix. */
	assert_usage(parse(fx, "list", "--stat", "active", NULL),
	    "list: unknown option '--stat' (see 'mvb list --help')");
}

static void
test_no_command_or_an_unknown_one(void **state)
{
	struct fixture	*fx = *state;

	assert_usage(parse(fx, NULL), "no command given (see 'mvb --help')");
	fx = again(state);
	assert_usage(parse(fx, "--db", "r.db", NULL),
	    "no command given (see 'mvb --help')");
	fx = again(state);
	assert_usage(parse(fx, "lis", NULL),
	    "unknown command 'lis' (see 'mvb --help')");
}

static void
test_positional_counts_at_and_past_each_bound(void **state)
{
	struct fixture	*fx = *state;

	/* assume takes exactly two. */
	assert_usage(parse(fx, "--db", "r.db", "assume", "1", NULL),
	    "assume: missing argument (see 'mvb assume --help')");
	fx = again(state);
	assert_int_equal(parse(fx, "--db", "r.db", "assume", "1", "text",
	    NULL), 0);
	assert_int_equal(fx->a.npos, 2);
	fx = again(state);
	assert_usage(parse(fx, "--db", "r.db", "assume", "1", "text", "more",
	    NULL), "assume: unexpected argument 'more' (see 'mvb assume "
	    "--help')");
	fx = again(state);
	/* config takes none to two. */
	assert_int_equal(parse(fx, "--db", "r.db", "config", NULL), 0);
	fx = again(state);
	assert_int_equal(parse(fx, "--db", "r.db", "config", "currency",
	    "EUR", NULL), 0);
	fx = again(state);
	assert_usage(parse(fx, "--db", "r.db", "config", "currency", "EUR",
	    "x", NULL), "config: unexpected argument 'x' (see 'mvb config "
	    "--help')");
	fx = again(state);
	/* list takes none: the first one too many is named. */
	assert_usage(parse(fx, "--db", "r.db", "list", "a", "b", NULL),
	    "list: unexpected argument 'a' (see 'mvb list --help')");
}

static void
test_help_is_set_whatever_else_is_missing(void **state)
{
	struct fixture	*fx = *state;

	/* add needs --title and more; show needs an ID: help still. */
	assert_int_equal(parse(fx, "add", "--help", NULL), 0);
	assert_int_equal(fx->a.help, CMD_HELP);
	assert_ptr_equal(fx->ce, &cmd_add_entry);
	fx = again(state);
	assert_int_equal(parse(fx, "show", "1", "2", "-h", NULL), 0);
	assert_int_equal(fx->a.help, CMD_HELP);
	assert_ptr_equal(fx->ce, &cmd_show_entry);
	fx = again(state);
	/* Nor is an invalid --format or --today looked at. */
	assert_int_equal(parse(fx, "add", "--format", "json", "--today",
	    "bad", "--help", NULL), 0);
	assert_int_equal(fx->a.help, CMD_HELP);
}

static void
test_an_unknown_option_beats_help(void **state)
{
	struct fixture	*fx = *state;

	assert_usage(parse(fx, "add", "--help", "--bogus", NULL),
	    "add: unknown option '--bogus' (see 'mvb add --help')");
}

static void
test_help_before_the_command(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--help", "add", NULL), 0);
	assert_int_equal(fx->a.help, CMD_HELP);
	assert_ptr_equal(fx->ce, &cmd_add_entry);
	fx = again(state);
	/* Options between --help and the command are passed over. */
	assert_int_equal(parse(fx, "-h", "--bogus", "due", NULL), 0);
	assert_ptr_equal(fx->ce, &cmd_due_entry);
	fx = again(state);
	/* Alone, or before what is no command: the overall usage. */
	assert_int_equal(parse(fx, "--help", NULL), 0);
	assert_int_equal(fx->a.help, CMD_HELP);
	assert_null(fx->ce);
	fx = again(state);
	assert_int_equal(parse(fx, "--help", "nosuch", NULL), 0);
	assert_null(fx->ce);
}

static void
test_version(void **state)
{
	struct fixture	*fx = *state;

	/* Before the command it ends the parse. */
	assert_int_equal(parse(fx, "--version", "list", "--bogus", NULL), 0);
	assert_int_equal(fx->a.help, CMD_VERSION);
	fx = again(state);
	assert_int_equal(parse(fx, "list", "--version", NULL), 0);
	assert_int_equal(fx->a.help, CMD_VERSION);
}

static void
test_format_defaults_per_command(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "r.db", "export", NULL), 0);
	assert_int_equal(fx->ctx.format, FMT_CSV);
	fx = again(state);
	assert_int_equal(parse(fx, "--db", "r.db", "due", NULL), 0);
	assert_int_equal(fx->ctx.format, FMT_TABLE);
}

static void
test_format_is_one_of_the_commands_formats(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(parse(fx, "--db", "r.db", "list", "--format", "csv",
	    NULL), 0);
	assert_int_equal(fx->ctx.format, FMT_CSV);
	fx = again(state);
	assert_usage(parse(fx, "--db", "r.db", "show", "1", "--format", "csv",
	    NULL), "--format: 'csv' is not a format of 'show' (use table, "
	    "json, md)");
	fx = again(state);
	/* Given before the command, checked against it all the same. */
	assert_usage(parse(fx, "--format", "md", "--db", "r.db", "list",
	    NULL), "--format: 'md' is not a format of 'list' (use table, "
	    "csv, json)");
	fx = again(state);
	assert_usage(parse(fx, "--db", "r.db", "add", "--format=table",
	    NULL), "--format: 'table' not available: 'add' prints plain text "
	    "only");
	fx = again(state);
	assert_usage(parse(fx, "--db", "r.db", "list", "--format", "JSON",
	    NULL), "--format: 'JSON' is not a format of 'list' (use table, "
	    "csv, json)");
}

static void
test_today_and_db_are_checked(void **state)
{
	struct fixture	*fx = *state;

	assert_usage(parse(fx, "--db", "r.db", "list", "--today",
	    "2025-02-30", NULL), "--today: invalid date '2025-02-30' "
	    "(YYYY-MM-DD, 1900-01-01 to 9999-12-31)");
	fx = again(state);
	assert_usage(parse(fx, "--db=", "list", NULL), "--db: empty path");
	fx = again(state);
	/* Without --db, $MVB_DB; an option given wins over it. */
	setenv("MVB_DB", "env.db", 1);
	assert_int_equal(parse(fx, "list", NULL), 0);
	assert_string_equal(fx->ctx.db_path, "env.db");
	fx = again(state);
	setenv("MVB_DB", "env.db", 1);
	assert_int_equal(parse(fx, "list", "--db", "opt.db", NULL), 0);
	assert_string_equal(fx->ctx.db_path, "opt.db");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_global_options_before_the_command),
		T(test_global_options_after_and_among_the_arguments),
		T(test_the_last_of_a_repeated_global_option_counts),
		T(test_command_options_take_a_value_separate_or_after_equals),
		T(test_a_value_may_look_like_an_option),
		T(test_one_letter_option_takes_the_next_argument),
		T(test_flags_take_no_value),
		T(test_double_dash_ends_the_options),
		T(test_numbers_and_a_lone_dash_are_positional),
		T(test_missing_values),
		T(test_unknown_options),
		T(test_no_command_or_an_unknown_one),
		T(test_positional_counts_at_and_past_each_bound),
		T(test_help_is_set_whatever_else_is_missing),
		T(test_an_unknown_option_beats_help),
		T(test_help_before_the_command),
		T(test_version),
		T(test_format_defaults_per_command),
		T(test_format_is_one_of_the_commands_formats),
		T(test_today_and_db_are_checked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
