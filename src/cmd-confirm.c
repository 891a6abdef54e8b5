/*
 * mvb confirm: an assumption was re-checked and holds (again, if it had
 * been invalidated), as of a date (cli.md §4 Evidence). The latest date of
 * invalidate and confirm counts.
 */
#include "cmd.h"
#include "decision.h"
#include "dopts.h"
#include "err.h"
#include "evidence.h"

enum {
	OPT_ON = 1
};

static const struct opt confirm_opts[] = {
	{ "on", 1, OPT_ON },
	{ NULL, 0, 0 }
};

static int
cmd_confirm_exec(struct ctx *ctx, int argc, char **argv)
{
	struct args	a;
	int64_t		id;
	int32_t		on = 0;
	int		i, number = 0, rc = -1;

	if (args_parse(ctx, &cmd_confirm_entry, argc, argv, confirm_opts,
	    &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_confirm_entry, &a, 2, 2) == -1 ||
	    decision_parse_id(a.pos[0], &id) == -1 ||
	    dopt_parse_assumption(a.pos[1], &number) == -1)
		goto out;
	/* Every --on is checked; the last one counts. */
	on = ctx->today;
	for (i = 0; i < a.nopts; i++)
		if (parse_date_opt("--on", a.opts[i].value, &on) == -1 ||
		    decision_check_not_future("--on", on, ctx->today) == -1)
			goto out;
	if (ctx_begin_on(ctx, &cmd_confirm_entry, id) == -1)
		goto out;
	rc = ctx_end(ctx, assumption_mark(ctx->db, id, number, 0, on, NULL));
out:
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_confirm_entry = {
	"confirm", "record that an assumption was re-checked and holds",
	"mvb confirm ID N [--on DATE]\n"
	"--on defaults to today; the latest date of invalidate and confirm "
	"counts",
	CMD_WRITE, 0, FMT_TABLE, cmd_confirm_exec
};
