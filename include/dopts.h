/*
 * The options that describe a decision, shared by 'add' and 'edit' (and the
 * cost options by 'option'): their table and how each value is validated
 * and applied to a struct decision.
 */
#ifndef MVB_DOPTS_H
#define MVB_DOPTS_H

#include "cmd.h"
#include "decision.h"

enum dopt {
	DOPT_TITLE = 1,
	DOPT_CAPABILITY,
	DOPT_CHOICE,
	DOPT_VENDOR,
	DOPT_OWNER,
	DOPT_COST_CENTER,
	DOPT_STATUS,
	DOPT_DECIDED,
	DOPT_REVIEW,
	DOPT_RATIONALE,
	DOPT_GATE,
	DOPT_ONE_TIME,
	DOPT_MONTHLY,
	DOPT_INCREASE,
	DOPT_OPS_FTE,
	DOPT_FTE_COST,
	DOPT_LOCKIN_COST,
	DOPT_LOCKIN_PROB,
	DOPT_CURRENCY,
	DOPT_LAST
};

/* The cost options of mvb(1) COST MODEL, as add, edit and option take
 * them: one list for every command's option table. */
#define DOPT_COST_OPTS \
	{ "one-time", 1, DOPT_ONE_TIME }, \
	{ "monthly", 1, DOPT_MONTHLY }, \
	{ "increase", 1, DOPT_INCREASE }, \
	{ "ops-fte", 1, DOPT_OPS_FTE }, \
	{ "fte-cost", 1, DOPT_FTE_COST }, \
	{ "lockin-cost", 1, DOPT_LOCKIN_COST }, \
	{ "lockin-prob", 1, DOPT_LOCKIN_PROB }, \
	{ "currency", 1, DOPT_CURRENCY }

/* Every option of add and edit, NULL-terminated. */
extern const struct opt dopts[];

/* What was given: for the options whose default depends on others. */
struct dopt_given {
	int		 seen[DOPT_LAST];
	int32_t		 decided;	/* --decided, when seen */
	int32_t		 review;	/* --review, when seen */
};

/*
 * Check the value of option v and apply it to d (dates go to given).
 * Returns 0, or -1 with a usage error naming the option and value.
 */
int dopt_apply(struct decision *d, const struct optval *v,
    struct dopt_given *given);

/* Check a text value against mvb(1) VALUES; -1 with a usage error naming
 * option. */
int dopt_check_text(const char *option, const char *value, size_t min,
    size_t max);
/* Check a metric name (mvb(1) VALUES); -1 with a usage error naming field (such
 * as "metric: NAME") and quoting the name. */
int dopt_check_metric_name(const char *field, const char *name);
/* Check a metric decimal (mvb(1) VALUES), what naming it ("target", "value")
 * after field, and write its normal form into norm (NUM_BUFSZ bytes); 0 or
 * -1. */
int dopt_check_decimal(const char *field, const char *what, const char *s,
    char *norm);
/* Parse a date option's value; -1 with a usage error naming option. */
int dopt_parse_date(const char *option, const char *value, int32_t *out);
/* Parse an assumption number ("1", "2", ...); 0 or -1 (usage error). */
int dopt_parse_assumption(const char *s, int *n);

#endif
