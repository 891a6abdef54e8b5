/*
 * mvb sunset: add a criterion that says when a decision must be exited
 * (mvb(1) SUNSET CRITERIA), parsed once and stored to be evaluated.
 */
#include <stdio.h>

#include "cmd.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "evidence.h"
#include "sunset.h"

static int
cmd_sunset_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	return decision_parse_id(a->pos[0], a->state);
}

static int
cmd_sunset_exec(struct ctx *ctx, struct args *a)
{
	int64_t	id = *(int64_t *)a->state;
	int	number;

	if (ctx_need_decision(ctx, id) == -1 ||
	    sunset_add(ctx->db, id, a->pos[1], &number) == -1)
		return -1;
	return ctx_print_number(ctx, number);
}

const struct cmd_entry cmd_sunset_entry = {
	.name = "sunset",
	.summary = "add a sunset criterion to a decision and print its number",
	.usage = "mvb sunset ID EXPR\n"
	"EXPR (one argument): NAME OP NUMBER [after DATE]\n"
	"                   | monthly_cost OP AMOUNT | on DATE\n"
	"OP: <, <=, > or >=; NAME must be a metric of the decision",
	.group = CMD_GROUP_EVIDENCE,
	.examples = "  mvb sunset 7 'monthly_cost > 5000'\n"
	    "  mvb sunset 7 'on 2027-12-31'",
	.args = { 2, 2 },
	.needs = CMD_WRITE,
	.state_size = sizeof(int64_t),
	.check = cmd_sunset_check,
	.exec = cmd_sunset_exec
};
