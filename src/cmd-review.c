/*
 * mvb review: log a re-evaluation. The options are checked here before
 * the register is opened; the rules (the anchor, the outcomes, a
 * replacement taking the review's date as its anchor) are review.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "dopts.h"
#include "err.h"
#include "review.h"
#include "text.h"

enum {
	OPT_OUTCOME = 1,
	OPT_ON,
	OPT_NEXT,
	OPT_NOTES,
	OPT_BY
};

static const struct opt review_opts[] = {
	{ "outcome", 1, OPT_OUTCOME },
	{ "on", 1, OPT_ON },
	{ "next", 1, OPT_NEXT },
	{ "notes", 1, OPT_NOTES },
	{ "by", 1, OPT_BY },
	{ NULL, 0, 0 }
};

/* A review as the options give it. */
struct args_review {
	struct review	 r;
	int		 has_on, has_next;
};

/* Check the forms of the options, before the register is opened. */
static int
parse(struct args *a, struct args_review *ar)
{
	struct review	*r = &ar->r;
	const char	*by = NULL;
	int		 i;

	memset(ar, 0, sizeof(*ar));
	if (decision_parse_id(a->pos[0], &r->decision_id) == -1)
		return -1;
	for (i = 0; i < a->nopts; i++) {
		const char *v = a->opts[i].value;

		switch (a->opts[i].id) {
		case OPT_OUTCOME:
			r->outcome = v;
			break;
		case OPT_ON:
			if (dopt_parse_date("--on", v, &r->reviewed_on) == -1)
				return -1;
			ar->has_on = 1;
			break;
		case OPT_NEXT:
			if (dopt_parse_date("--next", v, &r->next_review_on)
			    == -1)
				return -1;
			ar->has_next = 1;
			break;
		case OPT_NOTES:
			if (dopt_check_text("--notes", v, 0, TEXT_MAX) == -1)
				return -1;
			r->notes = *v != '\0' ? v : NULL;
			break;
		case OPT_BY:
			by = v;
			break;
		}
	}
	if (r->outcome == NULL)
		return err_usage("review: --outcome is required (keep, revise, "
		    "replace or retire)");
	if (!review_outcome_valid(r->outcome))
		return err_usage("--outcome: invalid outcome '%s'"
		    OUTCOME_HINT, err_quote(r->outcome));
	if (strcmp(r->outcome, "replace") == 0 && by == NULL)
		return err_usage("review: --outcome replace needs --by NEWID");
	if (strcmp(r->outcome, "replace") != 0 && by != NULL)
		return err_usage("--by: only with --outcome replace, not '%s'",
		    err_quote(r->outcome));
	if (by != NULL && decision_parse_id(by, &r->replaced_by) == -1) {
		err_clear();
		return err_usage("--by: invalid decision id '%s'",
		    err_quote(by));
	}
	if (r->replaced_by != 0 && decision_check_replacement("--by",
	    r->decision_id, r->replaced_by) == -1)
		return -1;
	return 0;
}

static int
cmd_review_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	return parse(a, a->state);
}

static int
cmd_review_exec(struct ctx *ctx, struct args *a)
{
	struct args_review	*ar = a->state;

	return review_record(ctx->db, &ctx->settings, ctx->today, &ar->r,
	    ar->has_on, ar->has_next);
}

const struct cmd_entry cmd_review_entry = {
	.name = "review",
	.summary = "log a re-evaluation of a proposed or active decision",
	.usage = "mvb review ID --outcome keep|revise|replace|retire "
	"[--on DATE]\n"
	"           [--next DATE] [--notes TEXT] [--by NEWID]\n"
	"--by NEWID is required with, and only allowed with, --outcome "
	"replace",
	.group = CMD_GROUP_REVIEW,
	.examples = "  mvb review 7 --outcome keep --notes \"still cheaper than "
	    "building\"\n"
	    "  mvb review 7 --outcome replace --by 12",
	.opts = review_opts,
	.args = { 1, 1 },
	.needs = CMD_WRITE,
	.state_size = sizeof(struct args_review),
	.check = cmd_review_check,
	.exec = cmd_review_exec
};
