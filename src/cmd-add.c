/*
 * mvb add: record a decision and print its id.
 */
#include <stdio.h>

#include "date.h"
#include "db.h"
#include "dopts.h"
#include "err.h"

/* The decision being added, and which options were given. */
struct add {
	struct decision		d;
	struct dopt_given	given;
};

static int
cmd_add_check(struct ctx *ctx, struct args *a)
{
	struct add	*st = a->state;
	struct decision	*d = &st->d;
	int		 i;

	(void)ctx;
	decision_init(d);
	for (i = 0; i < a->nopts; i++)
		if (dopt_apply(d, &a->opts[i], &st->given) == -1)
			return -1;
	if (d->title == NULL || d->capability == NULL || d->choice == NULL)
		return err_usage("add: --%s is required", d->title == NULL ?
		    "title" : d->capability == NULL ? "capability" : "choice");
	return 0;
}

static int
cmd_add_exec(struct ctx *ctx, struct args *a)
{
	struct add		*st = a->state;
	struct decision		*d = &st->d;
	struct dopt_given	*given = &st->given;

	if (d->status == NULL)
		decision_set_text(&d->status, "active");
	if (d->currency == NULL)
		decision_set_text(&d->currency, ctx->settings.currency);
	if (!given->seen[DOPT_FTE_COST])
		d->cost.fte_cost = ctx->settings.fte_cost;
	d->decided_on = given->seen[DOPT_DECIDED] ? given->decided :
	    ctx->today;
	d->anchor_on = d->decided_on;
	d->deadline_on = date_add_months(d->anchor_on,
	    ctx->settings.deadline_months);
	d->next_review_on = given->seen[DOPT_REVIEW] ? given->review :
	    date_add_months(d->anchor_on, ctx->settings.review_months);
	if (decision_check_review("--review", d->next_review_on, d->anchor_on,
	    &ctx->settings) == -1)
		return -1;
	if (decision_insert(ctx->db, d) == -1)
		return -1;
	return ctx_print_number(ctx, d->id);
}

static void
cmd_add_release(struct args *a)
{
	struct add	*st = a->state;

	decision_release(&st->d);
}

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.summary = "record a decision and print its id",
	.usage = "mvb add --title T --capability C "
	"--choice build|buy|oss|assemble\n"
	"           [--vendor V] [--owner O] [--cost-center CC]\n"
	"           [--status proposed|active|superseded|retired]\n"
	"           [--decided DATE] [--review DATE] [--rationale TEXT]\n"
	"           [--gate QUESTION=yes|no]... [--one-time AMOUNT]\n"
	"           [--monthly AMOUNT] [--increase PCT] [--ops-fte N]\n"
	"           [--fte-cost AMOUNT] [--lockin-cost AMOUNT]\n"
	"           [--lockin-prob P] [--currency CUR]",
	.group = CMD_GROUP_RECORD,
	.examples = "  mvb add --title \"Managed Postgres\" --capability database "
	    "--choice buy \\\n"
	    "      --vendor \"Acme DB\" --monthly 1200 --gate "
	    "differentiation=no\n"
	    "  mvb add --title \"In-house feature flags\" --capability flags "
	    "--choice build \\\n"
	    "      --one-time 40000 --ops-fte 0.25 --review 2026-06-01",
	.opts = dopts,
	.args = { 0, 0 },
	.needs = CMD_WRITE,
	.state_size = sizeof(struct add),
	.check = cmd_add_check,
	.exec = cmd_add_exec,
	.release = cmd_add_release
};
