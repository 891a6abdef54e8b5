/*
 * mvb review: log a re-evaluation (the rules are review.c's): the options
 * checked before the register is opened, then review_record().
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
			if (parse_date_opt("--on", v, &r->reviewed_on) == -1)
				return -1;
			ar->has_on = 1;
			break;
		case OPT_NEXT:
			if (parse_date_opt("--next", v, &r->next_review_on)
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
		    OUTCOME_HINT, r->outcome);
	if (strcmp(r->outcome, "replace") == 0 && by == NULL)
		return err_usage("review: --outcome replace needs --by NEWID");
	if (strcmp(r->outcome, "replace") != 0 && by != NULL)
		return err_usage("--by: only with --outcome replace, not '%s'",
		    r->outcome);
	if (by != NULL && decision_parse_id(by, &r->replaced_by) == -1) {
		err_clear();
		return err_usage("--by: invalid decision id '%s'", by);
	}
	if (r->replaced_by == r->decision_id && r->replaced_by != 0)
		return err_usage("--by: decision %lld cannot replace itself",
		    (long long)r->decision_id);
	return 0;
}

static int
cmd_review_exec(struct ctx *ctx, int argc, char **argv)
{
	struct args_review	r;
	struct args		a;
	int			rc = -1;

	if (args_parse(ctx, &cmd_review_entry, argc, argv, review_opts,
	    &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_review_entry, &a, 1, 1) == -1 ||
	    parse(&a, &r) == -1)
		goto out;
	if (ctx_open(ctx, &cmd_review_entry) == -1 || db_begin(ctx->db) == -1)
		goto out;
	if (review_record(ctx->db, &ctx->settings, ctx->today, &r.r, r.has_on,
	    r.has_next) == -1 || db_commit(ctx->db) == -1) {
		db_rollback(ctx->db);
		goto out;
	}
	rc = 0;
out:
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_review_entry = {
	"review", "log a re-evaluation of a proposed or active decision",
	"mvb review ID --outcome keep|revise|replace|retire [--on DATE]\n"
	"           [--next DATE] [--notes TEXT] [--by NEWID]\n"
	"--by NEWID is required with, and only allowed with, --outcome "
	"replace",
	CMD_WRITE, 0, FMT_TABLE, cmd_review_exec
};
