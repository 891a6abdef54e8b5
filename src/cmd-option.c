/*
 * mvb option: record an alternative that was weighed for a decision, with
 * its own cost figures (mvb(1) COST MODEL), and print its number.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "decision.h"
#include "dopts.h"
#include "err.h"
#include "evidence.h"
#include "history.h"
#include "option.h"

/* The options of add that describe a costed entry; --name is held in the
 * title member, which has the same limits (1-200 code points). */
static const struct opt option_opts[] = {
	{ "name", 1, DOPT_TITLE },
	{ "choice", 1, DOPT_CHOICE },
	DOPT_COST_OPTS,
	{ NULL, 0, 0 }
};

struct option_cmd {
	int64_t			id;
	struct decision		d;	/* the option's figures */
	struct dopt_given	given;
};

static int
cmd_option_check(struct ctx *ctx, struct args *a)
{
	struct option_cmd	*st = a->state;
	int			 i;

	(void)ctx;
	decision_init(&st->d);
	if (decision_parse_id(a->pos[0], &st->id) == -1)
		return -1;
	for (i = 0; i < a->nopts; i++)
		if (dopt_apply(&st->d, &a->opts[i], &st->given) == -1)
			return -1;
	if (st->d.title == NULL || st->d.choice == NULL)
		return err_usage("option: --%s is required",
		    st->d.title == NULL ? "name" : "choice");
	return 0;
}

static int
cmd_option_exec(struct ctx *ctx, struct args *a)
{
	struct option_cmd	*st = a->state;
	struct decision		 owner;
	struct option		 o;
	struct stmt		*stmt = NULL;
	char			 what[32];
	int			 number, rc;

	if (decision_load(ctx->db, st->id, &owner) == -1)
		return -1;
	memset(&o, 0, sizeof(o));
	o.decision_id = st->id;
	o.name = st->d.title;
	o.choice = st->d.choice;
	/* The currency defaults to the decision's, fte_cost to the
	 * setting (mvb(1) COST MODEL). */
	o.currency = st->d.currency != NULL ? st->d.currency :
	    owner.currency;
	o.cost = st->d.cost;
	if (!st->given.seen[DOPT_FTE_COST])
		o.cost.fte_cost = ctx->settings.fte_cost;
	rc = evidence_next_number(ctx->db, "options", st->id, &number);
	if (rc == 0) {
		o.number = number;
		rc = option_store(ctx->db, &stmt, &o);
		engine_finalize(stmt);
	}
	if (rc == 0) {
		snprintf(what, sizeof(what), "option %d", number);
		rc = history_add(ctx->db, st->id, what, NULL, o.name);
	}
	decision_release(&owner);
	if (rc == -1)
		return -1;
	return ctx_print_number(ctx, number);
}

static void
cmd_option_release(struct args *a)
{
	struct option_cmd	*st = a->state;

	decision_release(&st->d);
}

const struct cmd_entry cmd_option_entry = {
	.name = "option",
	.summary = "record an alternative weighed for a decision and print "
	"its number",
	.usage = "mvb option ID --choice build|buy|oss|assemble --name TEXT\n"
	"           [--one-time AMOUNT] [--monthly AMOUNT] [--increase PCT]\n"
	"           [--ops-fte N] [--fte-cost AMOUNT] [--lockin-cost AMOUNT]\n"
	"           [--lockin-prob P] [--currency CUR]\n"
	"unset costs are 0; --fte-cost defaults to the 'fte_cost' setting, "
	"--currency\nto the decision's",
	.group = CMD_GROUP_COSTS,
	.examples = "  mvb option 7 --choice oss --name \"Self-hosted Postgres\" "
	    "\\\n      --one-time 15000 --ops-fte 0.5",
	.opts = option_opts,
	.args = { 1, 1 },
	.needs = CMD_WRITE,
	.state_size = sizeof(struct option_cmd),
	.check = cmd_option_check,
	.exec = cmd_option_exec,
	.release = cmd_option_release
};
