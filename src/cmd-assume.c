/*
 * mvb assume, invalidate and confirm: a decision's assumptions, numbered
 * within it, and whether each still holds.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "db.h"
#include "decision.h"
#include "dopts.h"
#include "err.h"
#include "evidence.h"
#include "text.h"

enum {
	OPT_ON = 1,
	OPT_NOTE
};

static const struct opt invalidate_opts[] = {
	{ "on", 1, OPT_ON },
	{ "note", 1, OPT_NOTE },
	{ NULL, 0, 0 }
};

static const struct opt confirm_opts[] = {
	{ "on", 1, OPT_ON },
	{ NULL, 0, 0 }
};

/* Open the register, begin, and check decision id exists. */
static int
begin_on(struct ctx *ctx, const struct cmd_entry *ce, int64_t id)
{
	struct decision	d;

	if (ctx_open(ctx, ce) == -1 || db_begin(ctx->db) == -1)
		return -1;
	if (decision_load(ctx->db, id, &d) == -1) {
		db_rollback(ctx->db);
		return -1;
	}
	decision_release(&d);
	return 0;
}

static int
end(struct ctx *ctx, int rc)
{
	if (rc == 0 && db_commit(ctx->db) == 0)
		return 0;
	db_rollback(ctx->db);
	return -1;
}

static int
cmd_assume_exec(struct ctx *ctx, int argc, char **argv)
{
	struct args	a;
	int64_t		id;
	int		number, rc = -1;

	if (args_parse(ctx, &cmd_assume_entry, argc, argv, NULL, &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_assume_entry, &a, 2, 2) == -1 ||
	    decision_parse_id(a.pos[0], &id) == -1 ||
	    dopt_check_text("assume: TEXT", a.pos[1], 1, TEXT_MAX) == -1 ||
	    begin_on(ctx, &cmd_assume_entry, id) == -1)
		goto out;
	if (end(ctx, assumption_add(ctx->db, id, a.pos[1], &number)) == -1)
		goto out;
	printf("%d\n", number);
	rc = 0;
out:
	args_release(&a);
	return rc;
}

/* Parse an assumption number ("1", "2", ...). */
static int
parse_number(const char *s, int *n)
{
	int64_t	id;

	if (decision_parse_id(s, &id) == -1 || id > 1000000000) {
		err_clear();
		return err_usage("invalid assumption number '%s'", s);
	}
	*n = (int)id;
	return 0;
}

/* invalidate and confirm: the same shape, a different direction. */
static int
mark(struct ctx *ctx, const struct cmd_entry *ce, const struct opt *opts,
    int invalidate, int argc, char **argv)
{
	const char	*note = NULL;
	struct args	 a;
	int64_t		 id;
	int32_t		 on;
	int		 i, number = 0, has_on = 0, rc = -1;

	if (args_parse(ctx, ce, argc, argv, opts, &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(ce, &a, 2, 2) == -1 ||
	    decision_parse_id(a.pos[0], &id) == -1 ||
	    parse_number(a.pos[1], &number) == -1)
		goto out;
	for (i = 0; i < a.nopts; i++) {
		if (a.opts[i].id == OPT_ON) {
			if (parse_date_opt("--on", a.opts[i].value, &on) == -1)
				goto out;
			has_on = 1;
		} else {
			note = a.opts[i].value;
			if (dopt_check_text("--note", note, 0, TEXT_MAX) == -1)
				goto out;
			if (*note == '\0')
				note = NULL;
		}
	}
	if (begin_on(ctx, ce, id) == -1)
		goto out;
	if (!has_on)
		on = ctx->today;
	rc = end(ctx, assumption_mark(ctx->db, id, number, invalidate, on,
	    note));
out:
	args_release(&a);
	return rc;
}

static int
cmd_invalidate_exec(struct ctx *ctx, int argc, char **argv)
{
	return mark(ctx, &cmd_invalidate_entry, invalidate_opts, 1, argc, argv);
}

static int
cmd_confirm_exec(struct ctx *ctx, int argc, char **argv)
{
	return mark(ctx, &cmd_confirm_entry, confirm_opts, 0, argc, argv);
}

const struct cmd_entry cmd_assume_entry = {
	"assume", "add an assumption to a decision and print its number",
	"mvb assume ID TEXT",
	CMD_WRITE, 0, FMT_TABLE, cmd_assume_exec
};

const struct cmd_entry cmd_invalidate_entry = {
	"invalidate", "record that an assumption no longer holds",
	"mvb invalidate ID N [--on DATE] [--note TEXT]\n"
	"--on defaults to today; the latest date of invalidate and confirm "
	"counts",
	CMD_WRITE, 0, FMT_TABLE, cmd_invalidate_exec
};

const struct cmd_entry cmd_confirm_entry = {
	"confirm", "record that an assumption was re-checked and holds",
	"mvb confirm ID N [--on DATE]\n"
	"--on defaults to today; the latest date of invalidate and confirm "
	"counts",
	CMD_WRITE, 0, FMT_TABLE, cmd_confirm_exec
};
