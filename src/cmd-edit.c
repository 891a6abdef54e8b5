/*
 * mvb edit: change a decision's fields, each change kept in its history.
 * --decided moves the anchor only while it is later than every review
 * that anchors the decision, and does not move next_review_on unless
 * --review is given too.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "dopts.h"
#include "err.h"

/* The latest review date of d into *latest; 0 when none (returns 0), 1
 * when found, -1 on error. */
static int
latest_review(struct db *db, int64_t id, int32_t *latest)
{
	struct stmt	*stmt;
	const char	*s;
	int		 rc, found = 0;

	stmt = db_prepare(db, "SELECT max(reviewed_on) FROM reviews "
	    "WHERE decision_id = $1");
	if (stmt == NULL)
		return -1;
	engine_bind_int(stmt, 1, id);
	rc = engine_step(stmt);
	if (rc == ENGINE_ROW &&
	    (s = (const char *)engine_column_text(stmt, 0)) != NULL)
		found = date_parse(s, latest) == 0;
	engine_finalize(stmt);
	if (rc != ENGINE_ROW)
		return err_db(db, "cannot read reviews");
	return found;
}

/* Apply the options to new (a copy of old) and recompute derived dates. */
static int
apply(struct ctx *ctx, struct args *a, struct decision *new)
{
	struct dopt_given	 given = { { 0 }, 0, 0 };
	char			 db[DATE_BUFSZ], rb[DATE_BUFSZ];
	int32_t			 latest;
	int			 i, reviewed;

	for (i = 0; i < a->nopts; i++)
		if (dopt_apply(new, &a->opts[i], &given) == -1)
			return -1;
	if ((reviewed = latest_review(ctx->db, new->id, &latest)) == -1)
		return -1;
	if (given.seen[DOPT_DECIDED]) {
		if (reviewed && latest < given.decided)
			return err_usage("--decided: '%s' is after the "
			    "decision's review of %s",
			    date_format(given.decided, db),
			    date_format(latest, rb));
		new->decided_on = given.decided;
	}
	if (decision_anchor(ctx->db, new->id, new->decided_on,
	    &new->anchor_on) == -1)
		return -1;
	new->deadline_on = date_add_months(new->anchor_on,
	    ctx->settings.deadline_months);
	if (given.seen[DOPT_REVIEW])
		new->next_review_on = given.review;
	if (given.seen[DOPT_DECIDED] && !given.seen[DOPT_REVIEW] &&
	    (new->next_review_on < new->anchor_on ||
	    new->next_review_on > new->deadline_on)) {
		char	nb[DATE_BUFSZ], ab[DATE_BUFSZ], eb[DATE_BUFSZ];

		/* Name the option given, not the date it left behind. */
		return err_usage("--decided: '%s' would leave the next review "
		    "on %s outside the review range %s to %s; give --review "
		    "too", date_format(given.decided, db),
		    date_format(new->next_review_on, nb),
		    date_format(new->anchor_on, ab),
		    date_format(new->deadline_on, eb));
	}
	if ((given.seen[DOPT_DECIDED] || given.seen[DOPT_REVIEW]) &&
	    decision_check_review("--review", new->next_review_on,
	    new->anchor_on, &ctx->settings) == -1)
		return -1;
	return 0;
}

/* Check every value's form before the register is opened. */
static int
check_forms(struct args *a)
{
	struct dopt_given	 given;
	struct decision		 scratch;
	int			 i, rc = 0;

	memset(&given, 0, sizeof(given));
	decision_init(&scratch);
	for (i = 0; i < a->nopts && rc == 0; i++)
		rc = dopt_apply(&scratch, &a->opts[i], &given);
	decision_release(&scratch);
	return rc;
}

static int
cmd_edit_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	if (decision_parse_id(a->pos[0], a->state) == -1)
		return -1;
	if (a->nopts == 0)
		return err_usage("edit: nothing to change (see 'mvb edit "
		    "--help')");
	return check_forms(a);
}

static int
cmd_edit_exec(struct ctx *ctx, struct args *a)
{
	int64_t		 id = *(int64_t *)a->state;
	struct decision	 old, new;
	int		 rc = -1;

	decision_init(&old);
	decision_init(&new);
	if (decision_load(ctx->db, id, &old) == -1 ||
	    decision_load(ctx->db, id, &new) == -1 ||
	    apply(ctx, a, &new) == -1 ||
	    decision_update(ctx->db, &old, &new) == -1)
		goto out;
	rc = 0;
out:
	decision_release(&old);
	decision_release(&new);
	return rc;
}

const struct cmd_entry cmd_edit_entry = {
	.name = "edit",
	.summary = "change a decision's fields (each change kept in its "
	"history)",
	.usage = "mvb edit ID [--title T] [--capability C] [--choice CH] "
	"[--vendor V]\n"
	"           [--owner O] [--cost-center CC] [--status S]\n"
	"           [--decided DATE] [--review DATE] [--rationale TEXT]\n"
	"           [--gate QUESTION=yes|no]... [--one-time AMOUNT]\n"
	"           [--monthly AMOUNT] [--increase PCT] [--ops-fte N]\n"
	"           [--fte-cost AMOUNT] [--lockin-cost AMOUNT]\n"
	"           [--lockin-prob P] [--currency CUR]\n"
	"an empty value ('') clears an optional text field or a gate answer",
	.group = CMD_GROUP_RECORD,
	.examples = "  mvb edit 7 --owner platform-team --monthly 1450\n"
	    "  mvb edit 7 --status active --review 2026-09-01",
	.opts = dopts,
	.args = { 1, 1 },
	.needs = CMD_WRITE,
	.state_size = sizeof(int64_t),
	.check = cmd_edit_check,
	.exec = cmd_edit_exec
};
