/*
 * The catalogue of the seven exchange tables (mvb.1, EXPORT and IMPORT):
 * each column once, with its CSV and JSON name, its SQL column, its kind,
 * whether import requires it, takes it or recomputes it, its limit and
 * where it lives in the table's row struct. Export, import, list and
 * show's JSON read it; the decision model loads and stores by it.
 */
#ifndef MVB_CATALOG_H
#define MVB_CATALOG_H

#include "engine.h"
#include <stddef.h>
#include <stdint.h>

#include "money.h"
#include "out.h"
#include "util.h"

enum xtable {
	XT_DECISIONS,
	XT_ASSUMPTIONS,
	XT_METRICS,
	XT_MEASUREMENTS,
	XT_SUNSET,
	XT_REVIEWS,
	XT_OPTIONS,
	XT_COUNT
};

extern const char *const xtable_names[XT_COUNT];

/* The table named name, or -1 (nothing recorded). */
int xtable_find(const char *name);

/* What a column holds, and so the type of its member in the row struct. */
enum col_kind {
	KIND_ID,		/* int64_t, a decision id (1..max) */
	KIND_NUMBER,		/* int64_t, a whole number (1..max) */
	KIND_TEXT,		/* const char *, min..max code points */
	KIND_CURRENCY,		/* const char *, three upper-case letters */
	KIND_ENUM,		/* const char *, one of values */
	KIND_DATE,		/* int32_t day number, DATE_NONE when unset */
	KIND_MONEY,		/* int64_t cents, 0..max */
	KIND_PERCENT,		/* int64_t hundredths of a percent, 0..max */
	KIND_FTE,		/* int64_t hundredths of an FTE, 0..max */
	KIND_PROBABILITY,	/* int64_t hundredths, 0..max */
	KIND_DECIMAL		/* char[NUM_BUFSZ], a normalised decimal */
};

/* A nullable date that is unset. */
#define DATE_NONE INT32_MIN

enum {
	COL_REQUIRED = 0x01,	/* an import's header must have it */
	COL_DERIVED = 0x02,	/* recomputed: import accepts and ignores it */
	COL_INTERNAL = 0x04,	/* stored but never exchanged (anchor_on) */
	COL_GATE = 0x08,	/* a gate answer (show nests them) */
	COL_PARENT = 0x10,	/* the owning decision (show leaves it out) */
	COL_FLAGS = 0x20,	/* the flags, computed by the caller */
	COL_RUN_RATE = 0x40,	/* annual_run_rate of the row's cost */
	COL_TCO = 0x80		/* tco_24m of the row's cost */
};

#define NO_MEMBER ((size_t)-1)

struct column {
	const char		*name;		/* CSV header and JSON key */
	const char		*sql;		/* SQL column, NULL when
						   computed */
	enum col_kind		 kind;
	unsigned		 flags;		/* COL_* */
	int64_t			 min, max;	/* the limit, in the kind's
						   unit */
	size_t			 offset;	/* member, or NO_MEMBER */
	const char		*hint;		/* after a refusal, or NULL */
	const char *const	*values;	/* an enum's, NULL-ended */
};

struct table {
	const char		*name;
	const struct column	*cols;
	int			 ncols;
	const char		*order;		/* export's ORDER BY */
	size_t			 cost;		/* struct cost member, or
						   NO_MEMBER */
};

extern const struct table catalog[XT_COUNT];

/* The value sets of the enum columns, NULL-ended. */
extern const char *const choice_values[];
extern const char *const status_values[];
extern const char *const outcome_values[];
extern const char *const assumption_status_values[];
extern const char *const op_values[];

/* Whether s is one of values. */
int catalog_one_of(const char *s, const char *const *values);

/* The column of table t named name (CSV name), or NULL. */
const struct column *catalog_column(enum xtable t, const char *name);

/* The names of t's exchanged columns in order, for out_new(); *n gets
 * their count. The array is static. */
const char *const *catalog_names(enum xtable t, int *n);

/* "a, b, ...": t's stored columns in catalogue order (static). */
const char *catalog_columns_sql(enum xtable t);
/* How many columns catalog_columns_sql(t) names. */
int catalog_columns_count(enum xtable t);

/*
 * Fill row (t's row struct, zeroed by the caller) from the current row of
 * stmt, which selected catalog_columns_sql(t) from column first on. Text
 * members point into stmt: they last until its next step.
 */
void catalog_read_row(enum xtable t, struct stmt *stmt, int first,
    void *row);

/*
 * The text of column c of row (dates YYYY-MM-DD, hundredths with two
 * decimals), NULL when unset; flags is the flags column's text. Uses buf
 * (NUM_BUFSZ bytes). *numeric says whether it is a JSON number.
 */
const char *catalog_text(const struct table *t, const struct column *c,
    const void *row, const char *flags, char *buf, int *numeric);

/* Write row as one row of t's exchanged columns. */
void catalog_out_row(struct out *o, enum xtable t, const void *row,
    const char *flags);

/*
 * Append row's exchanged columns as JSON members ("key":value, comma
 * separated, no braces), leaving out those with a flag in skip
 * (COL_GATE, COL_PARENT...). What show's JSON shares with export.
 */
void catalog_json(struct strbuf *sb, enum xtable t, const void *row,
    const char *flags, unsigned skip);

/*
 * Parse s into column c's member of row. Returns NULL, or why s is
 * refused ("invalid amount"): the caller names the column or option and
 * quotes the value, then adds c->hint (see catalog_refusal()). A text's
 * member points to s.
 */
const char *catalog_parse(const struct column *c, const char *s, void *row);
/* Append "WHY 'VALUE'HINT", the value quoted (60 characters at most). */
void catalog_refusal(struct strbuf *sb, const struct column *c,
    const char *why, const char *s);

/*
 * Insert row into t, every stored column of the catalogue, with the
 * statement kept in *cache (prepared on first use; the caller finalizes
 * it): the one writer of each table without parsed parts. Returns 0 or -1.
 */
int catalog_store(struct db *db, struct stmt **cache, enum xtable t,
    const void *row);

/* The SQL condition true for a row whose cost figures are out of range
 * or not integers (what 'mvb check' reports; static). */
const char *catalog_cost_check_sql(int typed);

#endif
