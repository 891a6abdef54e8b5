/*
 * The sunset criteria grammar of mvb(1) SUNSET CRITERIA, parsed once into parts
 * that are stored and evaluated, and the comparison operators it shares with
 * metrics.
 *
 *	EXPR := NAME OP NUMBER [after DATE] | monthly_cost OP AMOUNT | on DATE
 *	OP   := < | <= | > | >=
 */
#ifndef MVB_SUNSET_H
#define MVB_SUNSET_H

#include "engine.h"
#include <stddef.h>
#include <stdint.h>

#include "money.h"
#include "util.h"

enum sunset_kind {
	SUNSET_METRIC,		/* NAME OP NUMBER [after DATE] */
	SUNSET_MONTHLY_COST,	/* monthly_cost OP AMOUNT */
	SUNSET_ON		/* on DATE */
};

extern const char *const sunset_kind_names[];

/* A row of the sunset table as exchanged; text members are borrowed. */
struct sunset_row {
	int64_t		 decision_id;
	int64_t		 number;
	const char	*expression;
};

struct sunset_expr {
	enum sunset_kind kind;
	char		 name[48];	/* metric name (kind metric) */
	char		 op[3];		/* "<", "<=", ">", ">=" */
	char		 number[NUM_BUFSZ]; /* normalised decimal threshold */
	int64_t		 amount;	/* cents (kind monthly_cost) */
	int32_t		 date;		/* after DATE, or on DATE */
	int		 has_date;
};

/*
 * Parse expr (tokens separated by one or more spaces). Returns 0, or -1
 * with why (whysize bytes) saying what is wrong, quoting the bad word.
 * Whether NAME is a metric of the decision is for the caller to check.
 */
int sunset_parse(const char *expr, struct sunset_expr *out, char *why,
    size_t whysize);
/* Append the canonical text of e (single spaces, normalised numbers). */
void sunset_format(const struct sunset_expr *e, struct strbuf *sb);

/*
 * Parse expr (mvb(1) SUNSET CRITERIA), check that a metric it names belongs to
 * decision id, and store it with a history entry; *number gets its number.
 * Every error is a usage error quoting the whole expression, cut by err_quote()
 * as every quoted value is. Returns 0 or -1.
 */
int sunset_add(struct db *db, int64_t id, const char *expr, int *number);

/*
 * Store parsed criterion e as number of decision id, with the statement
 * kept in *cache (prepared on first use; the caller finalizes it), and no
 * history entry: the one writer of the sunset table. Returns 0 or -1.
 */
int sunset_store(struct db *db, struct stmt **cache, int64_t id,
    int64_t number, const struct sunset_expr *e);

/* Returns 1 when op is one of < <= > >=. */
int op_valid(const char *op);
/* Whether "a op b" holds, given cmp = a compared with b (<0, 0, >0). */
int op_holds(const char *op, int cmp);

/*
 * A metric name: [a-z][a-z0-9_]{0,39}, not monthly_cost, on or after.
 * Returns NULL when valid, else a static phrase saying why not.
 */
const char *metric_name_problem(const char *name);

#endif
