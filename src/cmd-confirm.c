/*
 * mvb confirm: an assumption was re-checked and holds (again, if it had been
 * invalidated), as of a date (mvb(1) COMMANDS, Evidence). The latest date of
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

struct confirm {
	int64_t		id;
	int		number;
	int32_t		on;
};

static int
cmd_confirm_check(struct ctx *ctx, struct args *a)
{
	struct confirm	*c = a->state;
	int		 i;

	if (decision_parse_id(a->pos[0], &c->id) == -1 ||
	    dopt_parse_assumption(a->pos[1], &c->number) == -1)
		return -1;
	/* Every --on is checked; the last one counts. */
	c->on = ctx->today;
	for (i = 0; i < a->nopts; i++)
		if (dopt_parse_date("--on", a->opts[i].value, &c->on) == -1 ||
		    decision_check_not_future("--on", c->on, ctx->today) == -1)
			return -1;
	return 0;
}

static int
cmd_confirm_exec(struct ctx *ctx, struct args *a)
{
	struct confirm	*c = a->state;

	if (ctx_need_decision(ctx, c->id) == -1)
		return -1;
	return assumption_mark(ctx->db, c->id, c->number, 0, c->on, NULL);
}

const struct cmd_entry cmd_confirm_entry = {
	.name = "confirm",
	.summary = "record that an assumption was re-checked and holds",
	.usage = "mvb confirm ID N [--on DATE]\n"
	"--on defaults to today; the latest date of invalidate and confirm "
	"counts",
	.group = CMD_GROUP_EVIDENCE,
	.examples = "  mvb confirm 7 1 --on 2026-03-31",
	.opts = confirm_opts,
	.args = { 2, 2 },
	.needs = CMD_WRITE,
	.state_size = sizeof(struct confirm),
	.check = cmd_confirm_check,
	.exec = cmd_confirm_exec
};
