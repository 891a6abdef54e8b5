/*
 * The decision model: one record of the register, its fields as a table (for
 * loading, saving, diffing into history and printing), validation of each
 * field's value, the review-timing rules of mvb(1) COMMANDS and the history log
 * of mvb(1) FILES.
 */
#ifndef MVB_DECISION_H
#define MVB_DECISION_H

#include "engine.h"
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "money.h"
#include "settings.h"

/* The four gate questions of mvb(1) COMMANDS (lint), in column order. */
enum gate {
	GATE_DIFFERENTIATION,
	GATE_MAINTENANCE,
	GATE_NO_ALTERNATIVE,
	GATE_OPPORTUNITY,
	GATE_COUNT
};

extern const char *const gate_names[GATE_COUNT];

struct decision {
	int64_t		 id;
	char		*title;
	char		*capability;
	char		*choice;	/* build, buy, oss, assemble */
	char		*vendor;	/* NULL when unset, likewise below */
	char		*owner;
	char		*cost_center;
	char		*status;	/* proposed, active, superseded,
					   retired */
	int32_t		 decided_on;
	int32_t		 anchor_on;	/* latest review, else decided_on */
	int32_t		 next_review_on;
	int32_t		 deadline_on;	/* anchor_on + deadline_months */
	char		*rationale;
	char		*gate[GATE_COUNT]; /* "yes", "no" or NULL */
	char		*currency;
	struct cost	 cost;
};

/*
 * The stored fields of a decision are the decisions catalogue's columns
 * (catalog.h) that have a member in struct decision.
 */

/*
 * The text of field c of d (dates YYYY-MM-DD, amounts with two decimals),
 * or NULL for an unset text. Uses buf (NUM_BUFSZ bytes) for numbers.
 */
const char *decision_field_text(const struct decision *d,
    const struct column *c, char *buf);
/* The stored field named name (its CSV name), or NULL. */
const struct column *decision_field_find(const char *name);

void decision_init(struct decision *d);
void decision_release(struct decision *d);
/* Replace a text member, freeing the old one; value may be NULL. */
void decision_set_text(char **member, const char *value);

/* "id, title, ...": every column in the order decision_read_row() reads. */
const char *decision_columns_sql(void);
/* How many columns decision_columns_sql() names. */
int decision_columns_count(void);
/* Read the current row of a statement that selected decision_columns_sql()
 * first, into d (initialised here; release it). Returns 0 or -1. */
int decision_read_row(struct stmt *stmt, struct decision *d);

/*
 * Load decision id into d (initialised by this call; release it). Returns
 * 0, or -1 with a usage error for an unknown id.
 */
int decision_load(struct db *db, int64_t id, struct decision *d);
/* Insert d (id 0 assigns the next id, else keeps d->id), record its
 * creation in the history, and store the id in d. Returns 0 or -1. */
int decision_insert(struct db *db, struct decision *d);
/*
 * Insert d like decision_insert() but without a history entry, reusing the
 * statement kept in *cache (prepared on first use; the caller finalizes
 * it). For bulk loads. Returns 0 or -1. After decision_stream(), a d
 * with its id goes into the stream instead (written by the next other
 * query or engine_copy_end(): a clash of ids is the caller's to rule out).
 */
int decision_store(struct db *db, struct stmt **cache, struct decision *d);
/* Declare the bulk stream of decision_store()'s rows (engine_copy_begin()):
 * 0, -1, or 1 when the engine has none. */
int decision_stream(struct db *db);
/*
 * Write the fields of new that differ from old (same id), one history
 * entry per changed field. Returns the number of changed fields, or -1.
 */
int decision_update(struct db *db, const struct decision *old,
    const struct decision *new);

/* The largest decision id: what 18 digits can write. */
#define DECISION_ID_MAX INT64_C(999999999999999999)

/* Parse a decision id ("42", up to DECISION_ID_MAX); returns 0, or -1
 * with a usage error. */
int decision_parse_id(const char *s, int64_t *id);

/*
 * The reviews that anchor decisions, as SQL rows (decision_id,
 * reviewed_on): every review of a decision, and every review that chose a
 * decision as the replacement of the one it reviewed (mvb(1), review). A
 * decision's anchor is the latest of its decided_on and these dates.
 */
#define DECISION_ANCHOR_REVIEWS_SQL \
	"(SELECT decision_id, reviewed_on FROM reviews UNION ALL " \
	"SELECT replaced_by, reviewed_on FROM reviews " \
	"WHERE replaced_by IS NOT NULL)"

/*
 * The anchor decision id would have if it were decided on decided_on: the
 * latest of decided_on and the dates of DECISION_ANCHOR_REVIEWS_SQL, into
 * *anchor. Returns 0 or -1.
 */
int decision_anchor(struct db *db, int64_t id, int32_t decided_on,
    int32_t *anchor);

/* Value checks of mvb(1) DESCRIPTION and mvb(1) VALUES; each returns 1 when s
 * is valid. */
int choice_valid(const char *s);
int status_valid(const char *s);

/*
 * The rules a command and import both keep. Each writes the reason a value
 * breaks it into why (RULE_WHYSZ bytes: "'2052-06-01' is after today
 * (2026-11-22)") and returns it, or returns NULL when the value keeps the
 * rule; the caller names the option or column.
 */
#define RULE_WHYSZ 96
/* The review range: next lies within [anchor, anchor + deadline_months]. */
const char *decision_review_why(int32_t next, int32_t anchor,
    const struct settings *s, char *why);
/* A recorded fact's date (a review, a measurement, an assumption's
 * invalidation or confirmation) is not after today: a mistyped year would
 * count as the latest fact forever. */
const char *decision_future_why(int32_t date, int32_t today, char *why);
/* A review's replacement is another decision. */
const char *decision_replacement_why(int64_t id, int64_t by, char *why);

/* The same rules for a command: 0, or -1 with a usage error "OPTION:
 * reason". */
int decision_check_review(const char *option, int32_t next, int32_t anchor,
    const struct settings *s);
int decision_check_not_future(const char *option, int32_t date,
    int32_t today);
int decision_check_replacement(const char *option, int64_t id, int64_t by);

#endif
