/*
 * Reviews (mvb.1, REVIEWS): the outcomes and what each does to a
 * decision's status, the anchor and deadline a review sets, the one writer
 * of the reviews table, and logging a review as 'mvb review' does.
 */
#ifndef MVB_REVIEW_H
#define MVB_REVIEW_H

#include "engine.h"
#include <stdint.h>

#include "settings.h"

/* A row of the reviews table; text members are borrowed. */
struct review {
	int64_t		 decision_id;
	int32_t		 reviewed_on;
	const char	*outcome;	/* keep, revise, replace, retire */
	int32_t		 next_review_on;
	int64_t		 replaced_by;	/* 0 unless replace */
	const char	*notes;		/* or NULL */
};

/* The refusal's hint naming the outcomes (catalog.h's outcome_values). */
#define OUTCOME_HINT " (keep, revise, replace or retire)"

/* Whether s is an outcome. */
int review_outcome_valid(const char *s);
/* The status a review with outcome leaves its decision in: superseded
 * for replace, retired for retire, else active. */
const char *review_status(const char *outcome);

/* The anchor of a decision anchored on anchor after a review on day on:
 * the later of the two (a review never moves it back). */
int32_t review_anchor(int32_t anchor, int32_t on);
/* The deadline of an anchor: anchor + the deadline_months setting. */
int32_t review_deadline(int32_t anchor, const struct settings *s);
/* The next review when none is given: on + the review_months setting. */
int32_t review_next_default(int32_t on, const struct settings *s);

/*
 * Insert r, with the statement kept in *cache (prepared on first use; the
 * caller finalizes it). No history entry and no change to the decision.
 * Returns 0 or -1.
 */
int review_store(struct db *db, struct stmt **cache, const struct review *r);
/*
 * Move the anchor of decision id, and of its replacement by (0 for none),
 * to on when on is later (review_anchor()), the deadline with it, without
 * history: what an imported review does. Returns 0 or -1.
 */
int review_move_anchor(struct db *db, struct stmt **cache, int64_t id,
    int64_t by, int32_t on, const struct settings *s);

/*
 * Log review r of an open decision as 'mvb review' does (has_on and
 * has_next say whether reviewed_on and next_review_on were given, else
 * today and the default are taken): check the dates against the anchor
 * and today, let a replacement take over (active, anchored on the
 * review's date), store the review, set the
 * status its outcome says and the new anchor, deadline and next review,
 * each change in the history. Caller holds the transaction. Returns 0, or
 * -1 (usage errors name the option).
 */
int review_record(struct db *db, const struct settings *s, int32_t today,
    struct review *r, int has_on, int has_next);

#endif
