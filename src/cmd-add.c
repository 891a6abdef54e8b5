/*
 * mvb add: record a decision and print its id.
 */
#include <stdio.h>

#include "date.h"
#include "db.h"
#include "dopts.h"
#include "err.h"

static int
cmd_add_exec(struct ctx *ctx, int argc, char **argv)
{
	struct dopt_given	 given = { { 0 }, 0, 0 };
	struct decision		 d;
	struct args		 a;
	int			 i, rc = -1;

	decision_init(&d);
	if (args_parse(ctx, &cmd_add_entry, argc, argv, dopts, &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_add_entry, &a, 0, 0) == -1)
		goto out;
	for (i = 0; i < a.nopts; i++)
		if (dopt_apply(&d, &a.opts[i], &given) == -1)
			goto out;
	if (d.title == NULL || d.capability == NULL || d.choice == NULL) {
		err_usage("add: --%s is required", d.title == NULL ? "title" :
		    d.capability == NULL ? "capability" : "choice");
		goto out;
	}
	if (ctx_open(ctx, &cmd_add_entry) == -1)
		goto out;
	if (d.status == NULL)
		decision_set_text(&d.status, "active");
	if (d.currency == NULL)
		decision_set_text(&d.currency, ctx->settings.currency);
	if (!given.seen[DOPT_FTE_COST])
		d.cost.fte_cost = ctx->settings.fte_cost;
	d.decided_on = given.seen[DOPT_DECIDED] ? given.decided : ctx->today;
	d.anchor_on = d.decided_on;
	d.deadline_on = date_add_months(d.anchor_on,
	    ctx->settings.deadline_months);
	d.next_review_on = given.seen[DOPT_REVIEW] ? given.review :
	    date_add_months(d.anchor_on, ctx->settings.review_months);
	if (decision_check_review("--review", d.next_review_on, d.anchor_on,
	    &ctx->settings) == -1)
		goto out;
	if (db_begin(ctx->db) == -1)
		goto out;
	if (decision_insert(ctx->db, &d) == -1 ||
	    cmd_print_number(d.id) == -1 || db_commit(ctx->db) == -1) {
		db_rollback(ctx->db);
		goto out;
	}
	rc = 0;
out:
	decision_release(&d);
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_add_entry = {
	"add", "record a decision and print its id",
	"mvb add --title T --capability C --choice build|buy|oss|assemble\n"
	"           [--vendor V] [--owner O] [--cost-center CC]\n"
	"           [--status proposed|active|superseded|retired]\n"
	"           [--decided DATE] [--review DATE] [--rationale TEXT]\n"
	"           [--gate QUESTION=yes|no]... [--one-time AMOUNT]\n"
	"           [--monthly AMOUNT] [--increase PCT] [--ops-fte N]\n"
	"           [--fte-cost AMOUNT] [--lockin-cost AMOUNT]\n"
	"           [--lockin-prob P] [--currency CUR]",
	CMD_WRITE, 0, FMT_TABLE, cmd_add_exec
};
