/*
 * mvb assume: add an assumption to a decision; assumptions are numbered
 * within their decision (mvb(1) COMMANDS, Evidence).
 */
#include "cmd.h"
#include "dopts.h"
#include "err.h"
#include "evidence.h"
#include "text.h"

static int
cmd_assume_check(struct ctx *ctx, struct args *a)
{
	int64_t	*id = a->state;

	(void)ctx;
	if (decision_parse_id(a->pos[0], id) == -1 ||
	    dopt_check_text("assume: TEXT", a->pos[1], 1, TEXT_MAX) == -1)
		return -1;
	return 0;
}

static int
cmd_assume_exec(struct ctx *ctx, struct args *a)
{
	int64_t	id = *(int64_t *)a->state;
	int	number;

	if (ctx_need_decision(ctx, id) == -1 ||
	    assumption_add(ctx->db, id, a->pos[1], &number) == -1)
		return -1;
	return ctx_print_number(ctx, number);
}

const struct cmd_entry cmd_assume_entry = {
	.name = "assume",
	.summary = "add an assumption to a decision and print its number",
	.usage = "mvb assume ID TEXT",
	.group = CMD_GROUP_EVIDENCE,
	.examples = "  mvb assume 7 \"the vendor's price rises at most 5% a year\"",
	.args = { 2, 2 },
	.needs = CMD_WRITE,
	.state_size = sizeof(int64_t),
	.check = cmd_assume_check,
	.exec = cmd_assume_exec
};
