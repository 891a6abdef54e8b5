/*
 * mvb sunset: add a criterion that says when a decision must be exited
 * (cli.md §6), parsed once and stored to be evaluated.
 */
#include <stdio.h>

#include "cmd.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "evidence.h"
#include "sunset.h"

static int
cmd_sunset_exec(struct ctx *ctx, int argc, char **argv)
{
	struct decision	d;
	struct args	a;
	int64_t		id;
	int		number, rc = -1;

	decision_init(&d);
	if (args_parse(ctx, &cmd_sunset_entry, argc, argv, NULL, &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_sunset_entry, &a, 2, 2) == -1 ||
	    decision_parse_id(a.pos[0], &id) == -1)
		goto out;
	if (ctx_open(ctx, &cmd_sunset_entry) == -1 || db_begin(ctx->db) == -1)
		goto out;
	if (decision_load(ctx->db, id, &d) == -1 ||
	    sunset_add(ctx->db, id, a.pos[1], &number) == -1 ||
	    cmd_print_number(number) == -1 || db_commit(ctx->db) == -1) {
		db_rollback(ctx->db);
		goto out;
	}
	rc = 0;
out:
	decision_release(&d);
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_sunset_entry = {
	"sunset", "add a sunset criterion to a decision and print its number",
	"mvb sunset ID EXPR\n"
	"EXPR (one argument): NAME OP NUMBER [after DATE]\n"
	"                   | monthly_cost OP AMOUNT | on DATE\n"
	"OP: <, <=, > or >=; NAME must be a metric of the decision",
	CMD_WRITE, 0, FMT_TABLE, cmd_sunset_exec
};
