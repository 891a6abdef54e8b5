/*
 * mvb assume: add an assumption to a decision; assumptions are numbered
 * within their decision (cli.md §4 Evidence).
 */
#include "cmd.h"
#include "dopts.h"
#include "err.h"
#include "evidence.h"
#include "text.h"

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
	    ctx_begin_on(ctx, &cmd_assume_entry, id) == -1)
		goto out;
	rc = assumption_add(ctx->db, id, a.pos[1], &number);
	if (rc == 0)
		rc = cmd_print_number(number);
	rc = ctx_end(ctx, rc);
out:
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_assume_entry = {
	"assume", "add an assumption to a decision and print its number",
	"mvb assume ID TEXT",
	CMD_WRITE, 0, FMT_TABLE, cmd_assume_exec
};
