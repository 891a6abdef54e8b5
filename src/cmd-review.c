/*
 * mvb review: log a re-evaluation. The review becomes the decision's new
 * anchor; its outcome may activate, supersede or retire the decision.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "dopts.h"
#include "err.h"
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

struct review {
	int64_t		 id;
	const char	*outcome;
	int32_t		 on;
	int		 has_on;
	int32_t		 next;
	int		 has_next;
	const char	*notes;
	int64_t		 by;		/* 0 unless replace */
};

static int
is_open(const struct decision *d)
{
	return strcmp(d->status, "proposed") == 0 ||
	    strcmp(d->status, "active") == 0;
}

/* Check the forms of the options, before the register is opened. */
static int
parse(struct args *a, struct review *r)
{
	const char	*by = NULL;
	int		 i;

	memset(r, 0, sizeof(*r));
	if (decision_parse_id(a->pos[0], &r->id) == -1)
		return -1;
	for (i = 0; i < a->nopts; i++) {
		const char *v = a->opts[i].value;

		switch (a->opts[i].id) {
		case OPT_OUTCOME:
			r->outcome = v;
			break;
		case OPT_ON:
			if (parse_date_opt("--on", v, &r->on) == -1)
				return -1;
			r->has_on = 1;
			break;
		case OPT_NEXT:
			if (parse_date_opt("--next", v, &r->next) == -1)
				return -1;
			r->has_next = 1;
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
	if (strcmp(r->outcome, "keep") != 0 &&
	    strcmp(r->outcome, "revise") != 0 &&
	    strcmp(r->outcome, "replace") != 0 &&
	    strcmp(r->outcome, "retire") != 0)
		return err_usage("--outcome: invalid outcome '%s' (keep, "
		    "revise, replace or retire)", r->outcome);
	if (strcmp(r->outcome, "replace") == 0 && by == NULL)
		return err_usage("review: --outcome replace needs --by NEWID");
	if (strcmp(r->outcome, "replace") != 0 && by != NULL)
		return err_usage("--by: only with --outcome replace, not '%s'",
		    r->outcome);
	if (by != NULL && decision_parse_id(by, &r->by) == -1) {
		err_clear();
		return err_usage("--by: invalid decision id '%s'", by);
	}
	if (r->by != 0 && decision_check_replacement("--by", r->id,
	    r->by) == -1)
		return -1;
	return 0;
}

/* Activate the replacing decision if it is proposed; it must be open. */
static int
take_over(sqlite3 *db, int64_t by)
{
	struct decision	 old, new;
	int		 rc = -1;

	if (decision_load(db, by, &old) == -1) {
		if (err_code() != EXIT_USAGE)
			return -1;
		err_clear();
		return err_usage("--by: no decision with id '%lld'",
		    (long long)by);
	}
	if (!is_open(&old)) {
		err_usage("--by: decision %lld is %s; the replacement must be "
		    "proposed or active", (long long)by, old.status);
		goto out;
	}
	if (decision_load(db, by, &new) == -1)
		goto out;
	decision_set_text(&new.status, "active");
	rc = decision_update(db, &old, &new) == -1 ? -1 : 0;
	decision_release(&new);
out:
	decision_release(&old);
	return rc;
}

static int
record(struct ctx *ctx, struct review *r)
{
	struct decision	 old, new;
	sqlite3_stmt	*stmt;
	char		 ob[DATE_BUFSZ], ab[DATE_BUFSZ], nb[DATE_BUFSZ];
	const char	*status;
	int		 rc = -1;

	if (decision_load(ctx->db, r->id, &old) == -1)
		return -1;
	decision_init(&new);
	if (!is_open(&old)) {
		err_usage("review: decision %lld is %s; only proposed or "
		    "active decisions are reviewed", (long long)r->id,
		    old.status);
		goto out;
	}
	if (!r->has_on)
		r->on = ctx->today;
	if (r->on < old.anchor_on) {
		err_usage("--on: '%s' is before the decision's anchor %s",
		    date_format(r->on, ob), date_format(old.anchor_on, ab));
		goto out;
	}
	if (decision_check_not_future("--on", r->on, ctx->today) == -1)
		goto out;
	if (!r->has_next)
		r->next = date_add_months(r->on, ctx->settings.review_months);
	if (decision_check_review("--next", r->next, r->on,
	    &ctx->settings) == -1)
		goto out;
	if (r->by != 0 && take_over(ctx->db, r->by) == -1)
		goto out;
	if (decision_load(ctx->db, r->id, &new) == -1)
		goto out;
	if (strcmp(r->outcome, "replace") == 0)
		status = "superseded";
	else if (strcmp(r->outcome, "retire") == 0)
		status = "retired";
	else
		status = "active";
	decision_set_text(&new.status, status);
	new.anchor_on = r->on;
	new.next_review_on = r->next;
	new.deadline_on = date_add_months(r->on,
	    ctx->settings.deadline_months);
	stmt = db_prepare(ctx->db, "INSERT INTO reviews (decision_id, "
	    "reviewed_on, outcome, next_review_on, replaced_by, notes) "
	    "VALUES (?, ?, ?, ?, ?, ?)");
	if (stmt == NULL)
		goto out;
	sqlite3_bind_int64(stmt, 1, r->id);
	sqlite3_bind_text(stmt, 2, date_format(r->on, ob), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, r->outcome, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, date_format(r->next, nb), -1,
	    SQLITE_TRANSIENT);
	if (r->by != 0)
		sqlite3_bind_int64(stmt, 5, r->by);
	db_bind_text(stmt, 6, r->notes);
	if (db_run(ctx->db, stmt) == -1)
		goto out;
	snprintf(ab, sizeof(ab), "%s", ob);
	{
		char *what = r->by != 0 ?
		    xasprintf("%s on %s by %lld", r->outcome, ab,
		    (long long)r->by) : xasprintf("%s on %s", r->outcome, ab);
		rc = history_add(ctx->db, r->id, "review", NULL, what);
		free(what);
	}
	if (rc == 0 && decision_update(ctx->db, &old, &new) == -1)
		rc = -1;
out:
	decision_release(&old);
	decision_release(&new);
	return rc;
}

static int
cmd_review_exec(struct ctx *ctx, int argc, char **argv)
{
	struct review	r;
	struct args	a;
	int		rc = -1;

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
	if (record(ctx, &r) == -1 || db_commit(ctx->db) == -1) {
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
