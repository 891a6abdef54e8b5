/*
 * The evidence behind a decision (mvb(1) COMMANDS, Evidence): assumptions and
 * their state, success metrics with their measurements, and sunset
 * criteria. Each change is recorded in the decision's history. Callers
 * hold the write transaction.
 */
#ifndef MVB_EVIDENCE_H
#define MVB_EVIDENCE_H

#include "engine.h"
#include <stdint.h>

#include "money.h"

/* A row of each evidence table, as the catalogue (catalog.h) describes it;
 * text members are borrowed from the caller. */
struct assumption {
	int64_t		 decision_id;
	int64_t		 number;
	const char	*text;
	const char	*status;	/* holding or invalidated */
	int32_t		 invalidated_on; /* DATE_NONE when holding */
	int32_t		 confirmed_on;	/* DATE_NONE when never */
	const char	*note;		/* or NULL */
};

struct metric {
	int64_t		 decision_id;
	const char	*name;
	const char	*op;		/* < <= > >= */
	char		 target[NUM_BUFSZ]; /* normalised decimal */
	const char	*unit;		/* or NULL */
	int32_t		 target_on;
};

struct measurement {
	int64_t		 decision_id;
	const char	*metric;
	int32_t		 measured_on;
	char		 value[NUM_BUFSZ]; /* normalised decimal */
};

/*
 * The writers of the evidence tables: insert one row as it stands, with
 * the statement kept in *cache (prepared on first use; the caller
 * finalizes it), without a history entry. Each returns 0 or -1.
 */
int assumption_store(struct db *db, struct stmt **cache,
    const struct assumption *a);
int metric_store(struct db *db, struct stmt **cache, const struct metric *m);
int measurement_store(struct db *db, struct stmt **cache,
    const struct measurement *m);

/* Whether decision id has a metric named name (statement cached as
 * above): 1, 0 when none was found (which a damaged table can also give:
 * see db_check_table()), or -1 on a read failure. */
int metric_exists(struct db *db, struct stmt **cache, int64_t id,
    const char *name);

/*
 * The assumption status rule: the latest date counts. Given whether the
 * assumption is invalidated, its invalidation and confirmation dates
 * (YYYY-MM-DD or NULL) and an invalidation (invalidate = 1) or
 * confirmation on day, returns the new status ("holding" or
 * "invalidated") and sets the new dates (pointers to the arguments; the
 * invalidation date NULL when holding). A tie goes to this event.
 */
const char *assumption_next(int invalidated, const char *inv,
    const char *conf, int invalidate, const char *day, const char **new_inv,
    const char **new_conf);

/*
 * Add an assumption to decision id; stores its number (1, 2, ... within
 * the decision) in *number. Returns 0 or -1.
 */
int assumption_add(struct db *db, int64_t id, const char *text, int *number);

/*
 * Invalidate (invalidate = 1) or confirm assumption number of decision id
 * on day on. The latest date counts: the assumption is invalidated when
 * its latest invalidation is later than its latest confirmation (a tie
 * goes to this call). An invalidated assumption carries its invalidation
 * date; a holding one none. note (may be NULL) goes with an invalidation.
 * Returns 0, or -1 (usage error for an unknown number).
 */
int assumption_mark(struct db *db, int64_t id, int number, int invalidate,
    int32_t on, const char *note);

/*
 * Add metric name (validated by the caller) to decision id: op, the
 * normalised target, unit (may be NULL) and target date. A name already
 * used in the decision is a usage error. Returns 0 or -1.
 */
int metric_add(struct db *db, int64_t id, const char *name, const char *op,
    const char *target, const char *unit, int32_t target_on);

/* Record a measurement (normalised value) of metric name of decision id
 * on day on; an unknown metric is a usage error. Returns 0 or -1. */
int measurement_add(struct db *db, int64_t id, const char *name, int32_t on,
    const char *value);

/* The largest number of an assumption, sunset criterion or option. */
#define NUMBER_MAX INT32_MAX

/*
 * The next number of decision id in table, one of the tables numbered per
 * decision ("assumptions", "sunset", "options": a name from the code,
 * never from input): one more than the largest, or 1. Returns 0 or -1.
 */
int evidence_next_number(struct db *db, const char *table, int64_t id,
    int *number);

#endif
