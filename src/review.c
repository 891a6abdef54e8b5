/*
 * Reviews (mvb.1, REVIEWS): what an outcome does to a decision, the anchor
 * and deadline a review sets, the reviews table's writer, and logging a
 * review as 'mvb review' does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "history.h"
#include "review.h"

int
review_outcome_valid(const char *s)
{
	return catalog_one_of(s, outcome_values);
}

const char *
review_status(const char *outcome)
{
	if (strcmp(outcome, "replace") == 0)
		return "superseded";
	if (strcmp(outcome, "retire") == 0)
		return "retired";
	return "active";
}

int32_t
review_anchor(int32_t anchor, int32_t on)
{
	return on > anchor ? on : anchor;
}

int32_t
review_deadline(int32_t anchor, const struct settings *s)
{
	return date_add_months(anchor, s->deadline_months);
}

int32_t
review_next_default(int32_t on, const struct settings *s)
{
	return date_add_months(on, s->review_months);
}

int
review_store(struct db *db, struct stmt **cache, const struct review *r)
{
	return catalog_store(db, cache, XT_REVIEWS, r);
}

int
review_move_anchor(struct db *db, struct stmt **cache, int64_t id,
    int64_t by, int32_t on, const struct settings *s)
{
	struct stmt	*stmt;
	char		 a[DATE_BUFSZ], d[DATE_BUFSZ];
	int		 rc;

	/* review_anchor(): only a later review moves it. */
	if (*cache == NULL)
		*cache = db_prepare(db, "UPDATE decisions SET anchor_on = $1, "
		    "deadline_on = $2 WHERE id IN ($3, $4) AND anchor_on < "
		    "$1");
	if ((stmt = *cache) == NULL)
		return -1;
	engine_reset(stmt);
	db_bind_text(stmt, 1, date_format(on, a));
	db_bind_text(stmt, 2, date_format(review_deadline(on, s), d));
	engine_bind_int(stmt, 3, id);
	if (by != 0)
		engine_bind_int(stmt, 4, by);
	else
		engine_bind_text(stmt, 4, NULL);
	rc = engine_step(stmt);
	engine_reset(stmt);
	if (rc != ENGINE_DONE)
		return err_db(db, "cannot write decision %lld", (long long)id);
	return 0;
}

static int
is_open(const struct decision *d)
{
	return strcmp(d->status, "proposed") == 0 ||
	    strcmp(d->status, "active") == 0;
}

/*
 * The replacing decision r->replaced_by takes over: it must be open; it
 * becomes active if it was proposed, and takes the review's date as its
 * anchor, with the default next review (mvb.1, review).
 */
static int
take_over(struct db *db, const struct settings *s, const struct review *r)
{
	struct decision	 old, new;
	char		 ob[DATE_BUFSZ], nb[DATE_BUFSZ];
	char		*what;
	int64_t		 by = r->replaced_by;
	int		 rc = -1;

	if (decision_load(db, by, &old) == -1) {
		if (err_code() != EXIT_USAGE)
			return -1;
		err_clear();
		return err_usage("--by: no decision with id '%lld'",
		    (long long)by);
	}
	decision_init(&new);
	if (!is_open(&old)) {
		err_usage("--by: decision %lld is %s; the replacement must be "
		    "proposed or active", (long long)by, old.status);
		goto out;
	}
	/* An anchor never moves back, as no review is before it. */
	if (r->reviewed_on < old.anchor_on) {
		err_usage("--on: '%s' is before the anchor %s of decision "
		    "%lld, its replacement", date_format(r->reviewed_on, ob),
		    date_format(old.anchor_on, nb), (long long)by);
		goto out;
	}
	if (decision_load(db, by, &new) == -1)
		goto out;
	decision_set_text(&new.status, "active");
	new.anchor_on = review_anchor(old.anchor_on, r->reviewed_on);
	new.next_review_on = review_next_default(r->reviewed_on, s);
	new.deadline_on = review_deadline(new.anchor_on, s);
	what = xasprintf("decision %lld, review of %s",
	    (long long)r->decision_id, date_format(r->reviewed_on, ob));
	rc = history_add(db, by, "replaces", NULL, what);
	free(what);
	if (rc == 0 && decision_update(db, &old, &new) == -1)
		rc = -1;
	/* decision_update() leaves derived dates out of the history. */
	if (rc == 0 && old.anchor_on != new.anchor_on &&
	    history_add(db, by, "anchor_on", date_format(old.anchor_on, ob),
	    date_format(new.anchor_on, nb)) == -1)
		rc = -1;
out:
	decision_release(&old);
	decision_release(&new);
	return rc;
}

int
review_record(struct db *db, const struct settings *s, int32_t today,
    struct review *r, int has_on, int has_next)
{
	struct decision	 old, new;
	struct stmt	*stmt = NULL;
	char		 ob[DATE_BUFSZ], ab[DATE_BUFSZ], *what;
	int		 rc = -1;

	if (decision_load(db, r->decision_id, &old) == -1)
		return -1;
	decision_init(&new);
	if (!is_open(&old)) {
		err_usage("review: decision %lld is %s; only proposed or "
		    "active decisions are reviewed", (long long)r->decision_id,
		    old.status);
		goto out;
	}
	if (!has_on)
		r->reviewed_on = today;
	if (r->reviewed_on < old.anchor_on) {
		err_usage("--on: '%s' is before the decision's anchor %s",
		    date_format(r->reviewed_on, ob),
		    date_format(old.anchor_on, ab));
		goto out;
	}
	if (decision_check_not_future("--on", r->reviewed_on, today) == -1)
		goto out;
	if (!has_next)
		r->next_review_on = review_next_default(r->reviewed_on, s);
	if (decision_check_review("--next", r->next_review_on, r->reviewed_on,
	    s) == -1)
		goto out;
	if (r->replaced_by != 0 && take_over(db, s, r) == -1)
		goto out;
	if (decision_load(db, r->decision_id, &new) == -1)
		goto out;
	decision_set_text(&new.status, review_status(r->outcome));
	new.anchor_on = review_anchor(old.anchor_on, r->reviewed_on);
	new.next_review_on = r->next_review_on;
	new.deadline_on = review_deadline(new.anchor_on, s);
	rc = review_store(db, &stmt, r);
	engine_finalize(stmt);
	if (rc == -1)
		goto out;
	date_format(r->reviewed_on, ab);
	what = r->replaced_by != 0 ? xasprintf("%s on %s by %lld", r->outcome,
	    ab, (long long)r->replaced_by) : xasprintf("%s on %s", r->outcome,
	    ab);
	rc = history_add(db, r->decision_id, "review", NULL, what);
	free(what);
	if (rc == 0 && decision_update(db, &old, &new) == -1)
		rc = -1;
out:
	decision_release(&old);
	decision_release(&new);
	return rc;
}
