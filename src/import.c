/*
 * Import: CSV rows into one table, matched by header name, every value
 * checked exactly like the matching command option plus the cross-checks
 * of cli.md §8, inside the caller's transaction so that the first bad row
 * leaves nothing behind. Rows are recorded as they stand: importing a
 * review changes no status and no recorded date.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvread.h"
#include "date.h"
#include "db.h"
#include "decision.h"
#include "dopts.h"
#include "err.h"
#include "evidence.h"
#include "exchange.h"
#include "money.h"
#include "sunset.h"
#include "text.h"

enum {
	REQUIRED = 1,	/* the header must have it */
	DERIVED = 2,	/* recomputed: accepted and ignored */
	TEXT = 4	/* a text cell: the formula guard is undone */
};

struct icol {
	const char	*name;
	int		 flags;
	int		 dopt;		/* decisions: the matching option */
};

static const struct icol decision_icols[] = {
	{ "id", 0, 0 },
	{ "title", REQUIRED | TEXT, DOPT_TITLE },
	{ "capability", REQUIRED | TEXT, DOPT_CAPABILITY },
	{ "choice", REQUIRED | TEXT, DOPT_CHOICE },
	{ "vendor", TEXT, DOPT_VENDOR },
	{ "owner", TEXT, DOPT_OWNER },
	{ "cost_center", TEXT, DOPT_COST_CENTER },
	{ "status", TEXT, DOPT_STATUS },
	{ "decided_on", 0, DOPT_DECIDED },
	{ "next_review_on", 0, DOPT_REVIEW },
	{ "review_deadline", DERIVED, 0 },
	{ "currency", TEXT, DOPT_CURRENCY },
	{ "one_time_cost", 0, DOPT_ONE_TIME },
	{ "monthly_cost", 0, DOPT_MONTHLY },
	{ "annual_increase_pct", 0, DOPT_INCREASE },
	{ "ops_fte", 0, DOPT_OPS_FTE },
	{ "fte_annual_cost", 0, DOPT_FTE_COST },
	{ "lockin_cost", 0, DOPT_LOCKIN_COST },
	{ "lockin_probability", 0, DOPT_LOCKIN_PROB },
	{ "annual_run_rate", DERIVED, 0 },
	{ "tco_24m", DERIVED, 0 },
	{ "flags", DERIVED, 0 },
	{ "rationale", TEXT, DOPT_RATIONALE },
	{ "gate_differentiation", TEXT, DOPT_GATE },
	{ "gate_maintenance", TEXT, DOPT_GATE },
	{ "gate_no_alternative", TEXT, DOPT_GATE },
	{ "gate_opportunity", TEXT, DOPT_GATE },
	{ NULL, 0, 0 }
};

static const struct icol assumption_icols[] = {
	{ "decision_id", REQUIRED, 0 },
	{ "number", REQUIRED, 0 },
	{ "text", REQUIRED | TEXT, 0 },
	{ "status", REQUIRED | TEXT, 0 },
	{ "invalidated_on", 0, 0 },
	{ "confirmed_on", 0, 0 },
	{ "note", TEXT, 0 },
	{ NULL, 0, 0 }
};

static const struct icol metric_icols[] = {
	{ "decision_id", REQUIRED, 0 },
	{ "name", REQUIRED | TEXT, 0 },
	{ "op", REQUIRED | TEXT, 0 },
	{ "target", REQUIRED, 0 },
	{ "unit", TEXT, 0 },
	{ "target_on", REQUIRED, 0 },
	{ NULL, 0, 0 }
};

static const struct icol measurement_icols[] = {
	{ "decision_id", REQUIRED, 0 },
	{ "metric", REQUIRED | TEXT, 0 },
	{ "measured_on", REQUIRED, 0 },
	{ "value", REQUIRED, 0 },
	{ NULL, 0, 0 }
};

static const struct icol sunset_icols[] = {
	{ "decision_id", REQUIRED, 0 },
	{ "number", REQUIRED, 0 },
	{ "expression", REQUIRED | TEXT, 0 },
	{ NULL, 0, 0 }
};

static const struct icol review_icols[] = {
	{ "decision_id", REQUIRED, 0 },
	{ "reviewed_on", REQUIRED, 0 },
	{ "outcome", REQUIRED | TEXT, 0 },
	{ "next_review_on", REQUIRED, 0 },
	{ "replaced_by", 0, 0 },
	{ "notes", TEXT, 0 },
	{ NULL, 0, 0 }
};

static const struct icol option_icols[] = {
	{ "decision_id", REQUIRED, 0 },
	{ "number", REQUIRED, 0 },
	{ "name", REQUIRED | TEXT, 0 },
	{ "choice", REQUIRED | TEXT, DOPT_CHOICE },
	{ "currency", REQUIRED | TEXT, DOPT_CURRENCY },
	{ "one_time_cost", REQUIRED, DOPT_ONE_TIME },
	{ "monthly_cost", REQUIRED, DOPT_MONTHLY },
	{ "annual_increase_pct", REQUIRED, DOPT_INCREASE },
	{ "ops_fte", REQUIRED, DOPT_OPS_FTE },
	{ "fte_annual_cost", REQUIRED, DOPT_FTE_COST },
	{ "lockin_cost", REQUIRED, DOPT_LOCKIN_COST },
	{ "lockin_probability", REQUIRED, DOPT_LOCKIN_PROB },
	{ "annual_run_rate", DERIVED, 0 },
	{ "tco_24m", DERIVED, 0 },
	{ NULL, 0, 0 }
};

static const struct icol *const icols[XT_COUNT] = {
	decision_icols, assumption_icols, metric_icols, measurement_icols,
	sunset_icols, review_icols, option_icols
};

#define MAX_COLS 32

/* Prepared statements kept for the whole import. */
enum {
	S_DECISION,	/* look up a decision */
	S_INSERT,	/* the table's insert */
	S_EXISTS,	/* whether the row's key is taken */
	S_METRIC,	/* whether a metric exists */
	S_TOUCH,	/* link a decision the import touched */
	S_LINK_RUN,	/* link a run of decisions the import created */
	S_ANCHOR,	/* move a decision's anchor to a later review */
	S_COUNT
};

struct importer {
	sqlite3			*db;
	const struct settings	*s;
	int32_t			 today;
	enum xtable		 t;
	const char		*name;
	const struct icol	*cols;
	int			 at[MAX_COLS];	/* header position, or -1 */
	int			 header;	/* the header has been read */
	const struct csvr_record *rec;		/* the row at hand */
	long			 rows;
	int64_t			 history_id;	/* reserved for the entry */
	int64_t			 run_lo, run_hi; /* created ids not
						    linked yet */
	xprogress_fn		*progress;	/* or NULL */
	sqlite3_stmt		*stmt[S_COUNT];
	sqlite3_stmt		*store;		/* decision_store() cache */
};

/* The row's error: "NAME:LINE: COLUMN: message". Returns -1. */
static int
row_err(struct importer *imp, const char *col, const char *fmt, ...)
	MVB_PRINTF(3, 4);

static int
row_err(struct importer *imp, const char *col, const char *fmt, ...)
{
	struct strbuf	msg;
	va_list		ap;

	sb_init(&msg);
	va_start(ap, fmt);
	sb_vaddf(&msg, fmt, ap);
	va_end(ap);
	err_clear();
	err_usage("%s:%ld: %s: %s", imp->name, imp->rec->line, col, msg.buf);
	sb_release(&msg);
	return -1;
}

/* Turn the error a shared validator recorded ("--opt: reason", or
 * "COLUMN: reason" when it was given the column's name) into the row's
 * error for column col. */
static int
rewrap(struct importer *imp, const char *col)
{
	const char	*m = err_msg(), *p;
	char		*msg;
	int		 named;

	p = m != NULL ? strstr(m, ": ") : NULL;
	named = p != NULL && (m[0] == '-' || ((size_t)(p - m) ==
	    strlen(col) && strncmp(m, col, strlen(col)) == 0));
	msg = xstrdup(named ? p + 2 : m != NULL ? m : "invalid value");
	row_err(imp, col, "%s", msg);
	free(msg);
	return -1;
}

static sqlite3_stmt *
prep(struct importer *imp, int slot, const char *sql)
{
	if (imp->stmt[slot] == NULL)
		imp->stmt[slot] = db_prepare(imp->db, sql);
	else {
		sqlite3_reset(imp->stmt[slot]);
		sqlite3_clear_bindings(imp->stmt[slot]);
	}
	return imp->stmt[slot];
}

/* Step a prepared statement once; 1 for a row, 0 for none, -1. */
static int
step(struct importer *imp, sqlite3_stmt *stmt)
{
	int	rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return err_db(imp->db, "%s:%ld: cannot import", imp->name,
	    imp->rec->line);
}

/* The index of column name in the table, or -1. */
static int
col_index(const struct icol *cols, const char *name)
{
	int	i;

	for (i = 0; cols[i].name != NULL; i++)
		if (strcmp(cols[i].name, name) == 0)
			return i;
	return -1;
}

/*
 * The value of the i-th column of the table in the row at hand: NULL when
 * the column is absent or the cell empty. A text cell loses the one
 * leading quote the formula-injection guard added.
 */
static const char *
val_at(struct importer *imp, int i)
{
	const char	*v;

	if (i < 0 || imp->at[i] < 0)
		return NULL;
	v = imp->rec->fields[imp->at[i]];
	if (*v == '\0')
		return NULL;
	if ((imp->cols[i].flags & TEXT) && v[0] == '\'' && v[1] != '\0' &&
	    strchr("'=+-@\t\r", v[1]) != NULL)
		v++;
	return v;
}

/* The value of column name (see val_at()). */
static const char *
val(struct importer *imp, const char *name)
{
	return val_at(imp, col_index(imp->cols, name));
}

static int
header(struct importer *imp, const struct csvr_record *r)
{
	char	*q;
	int	 i, k;

	for (i = 0; i < MAX_COLS; i++)
		imp->at[i] = -1;
	for (i = 0; i < r->nfields; i++) {
		if ((k = col_index(imp->cols, r->fields[i])) < 0 ||
		    imp->at[k] >= 0) {
			q = text_quote(r->fields[i], 60);
			err_usage("%s:%ld: %s: %s column for %s", imp->name,
			    r->line, q, k < 0 ? "unknown" : "duplicate",
			    xtable_names[imp->t]);
			free(q);
			return -1;
		}
		imp->at[k] = i;
	}
	for (k = 0; imp->cols[k].name != NULL; k++)
		if ((imp->cols[k].flags & REQUIRED) && imp->at[k] < 0)
			return err_usage("%s:%ld: %s: missing required column",
			    imp->name, r->line, imp->cols[k].name);
	imp->header = 1;
	return 0;
}

/*
 * Parse a whole number column from 1 to max: DECISION_ID_MAX for decision
 * ids, NUMBER_MAX for the number of an assumption, criterion or option.
 */
static int
get_id(struct importer *imp, const char *col, int64_t max, int64_t *out)
{
	const char	*v = val(imp, col);

	if (v == NULL)
		return row_err(imp, col, "missing value");
	if (decision_parse_id(v, out) == -1 || *out > max) {
		err_clear();
		return row_err(imp, col, "invalid number '%s' (a whole "
		    "number from 1 to %lld)", v, (long long)max);
	}
	return 0;
}

/* The "number" column of a table numbered per decision; an empty cell
 * takes the next number, as the matching command would give. */
static int
get_number(struct importer *imp, const char *table, int64_t id,
    int64_t *out)
{
	int	n;

	if (val(imp, "number") != NULL)
		return get_id(imp, "number", NUMBER_MAX, out);
	if (evidence_next_number(imp->db, table, id, &n) == -1)
		return -1;
	*out = n;
	return 0;
}

static int
get_date(struct importer *imp, const char *col, int32_t *out)
{
	const char	*v = val(imp, col);

	if (date_parse(v, out) == -1)
		return row_err(imp, col, "invalid date '%s'", v);
	return 0;
}

/* A date cell of a recorded fact, which may not be after today (see
 * decision_check_not_future()). */
static int
get_past_date(struct importer *imp, const char *col, int32_t *out)
{
	if (get_date(imp, col, out) == -1)
		return -1;
	if (decision_check_not_future(col, *out, imp->today) == -1)
		return rewrap(imp, col);
	return 0;
}

static int
get_text(struct importer *imp, const char *col, size_t min, size_t max,
    const char **out)
{
	const char	*why;
	char		*q;

	*out = val(imp, col);
	if (*out == NULL) {
		if (min > 0)
			return row_err(imp, col, "missing value");
		return 0;
	}
	if (text_check(*out, min, max, &why) == -1) {
		q = text_quote(*out, 60);
		row_err(imp, col, "%s '%s'", why, q);
		free(q);
		return -1;
	}
	return 0;
}

/* Look up the decision of column decision_id: its decided date and
 * currency. Returns 0 or -1 (unknown is a row error). */
static int
get_decision(struct importer *imp, int64_t *id, int32_t *decided,
    char *currency)
{
	sqlite3_stmt	*stmt;
	int		 found;

	if (get_id(imp, "decision_id", DECISION_ID_MAX, id) == -1)
		return -1;
	stmt = prep(imp, S_DECISION, "SELECT decided_on, currency FROM "
	    "decisions WHERE id = ?");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, *id);
	if ((found = step(imp, stmt)) <= 0)
		return found == 0 ? row_err(imp, "decision_id", "no decision "
		    "with id '%lld'", (long long)*id) : -1;
	date_parse((const char *)sqlite3_column_text(stmt, 0), decided);
	if (currency != NULL)
		snprintf(currency, 4, "%s",
		    (const char *)sqlite3_column_text(stmt, 1));
	return 0;
}

/* Link decision id to the import's history entry (see record_history()). */
static int
touch(struct importer *imp, int64_t id)
{
	sqlite3_stmt	*stmt;

	stmt = prep(imp, S_TOUCH, "INSERT OR IGNORE INTO history_decisions "
	    "(history_id, decision_id) VALUES (?, ?)");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, imp->history_id);
	sqlite3_bind_int64(stmt, 2, id);
	return step(imp, stmt) == -1 ? -1 : 0;
}

/* Link the run of consecutive ids the import created, if any. */
static int
link_run(struct importer *imp)
{
	sqlite3_stmt	*stmt;

	if (imp->run_hi == 0)
		return 0;
	stmt = prep(imp, S_LINK_RUN, "INSERT OR IGNORE INTO history_decisions "
	    "(history_id, decision_id) SELECT ?, id FROM decisions WHERE id "
	    "BETWEEN ? AND ?");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, imp->history_id);
	sqlite3_bind_int64(stmt, 2, imp->run_lo);
	sqlite3_bind_int64(stmt, 3, imp->run_hi);
	imp->run_lo = imp->run_hi = 0;
	return step(imp, stmt) == -1 ? -1 : 0;
}

/*
 * Link decision id, which the import created, to its history entry. Ids
 * usually come in order, so they are gathered into runs of consecutive ids
 * and each run linked with one statement: every id in a run is one the
 * import created.
 */
static int
created(struct importer *imp, int64_t id)
{
	if (imp->run_hi != 0 && id == imp->run_hi + 1) {
		imp->run_hi = id;
		return 0;
	}
	if (link_run(imp) == -1)
		return -1;
	imp->run_lo = imp->run_hi = id;
	return 0;
}

/* Whether the key (decision id, second) is taken, by sql. */
static int
taken(struct importer *imp, const char *sql, int64_t id, const char *key)
{
	sqlite3_stmt	*stmt;

	if ((stmt = prep(imp, S_EXISTS, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (key != NULL)
		sqlite3_bind_text(stmt, 2, key, -1, SQLITE_TRANSIENT);
	return step(imp, stmt);
}

static int
row_decision(struct importer *imp)
{
	struct dopt_given	 given;
	struct decision		 d;
	struct optval		 ov;
	const struct icol	*c;
	const char		*v;
	char			*q, gate[64], a[DATE_BUFSZ], b[DATE_BUFSZ];
	int			 k, rc = -1;

	memset(&given, 0, sizeof(given));
	decision_init(&d);
	if (val(imp, "id") != NULL && get_id(imp, "id", DECISION_ID_MAX, &d.id) == -1)
		goto out;
	for (k = 0; imp->cols[k].name != NULL; k++) {
		c = &imp->cols[k];
		if (c->dopt == 0 || (v = val_at(imp, k)) == NULL) {
			if (c->dopt != 0 && (c->flags & REQUIRED)) {
				row_err(imp, c->name, "missing value");
				goto out;
			}
			continue;
		}
		ov.id = c->dopt;
		ov.name = c->name;
		ov.value = v;
		if (c->dopt == DOPT_GATE) {
			/* Name the cell's value, not the --gate form. */
			if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
				q = text_quote(v, 60);
				row_err(imp, c->name,
				    "invalid answer '%s' (yes or no)", q);
				free(q);
				goto out;
			}
			snprintf(gate, sizeof(gate), "%s=%s",
			    c->name + strlen("gate_"), v);
			ov.value = gate;
		}
		if (dopt_apply(&d, &ov, &given) == -1) {
			rewrap(imp, c->name);
			goto out;
		}
	}
	if (d.status == NULL)
		decision_set_text(&d.status, "active");
	if (d.currency == NULL)
		decision_set_text(&d.currency, imp->s->currency);
	if (!given.seen[DOPT_FTE_COST])
		d.cost.fte_cost = imp->s->fte_cost;
	d.decided_on = given.seen[DOPT_DECIDED] ? given.decided : imp->today;
	d.anchor_on = d.decided_on;
	d.deadline_on = date_add_months(d.anchor_on, imp->s->deadline_months);
	d.next_review_on = given.seen[DOPT_REVIEW] ? given.review :
	    date_add_months(d.anchor_on, imp->s->review_months);
	if (d.next_review_on < d.decided_on) {
		row_err(imp, "next_review_on", "'%s' is before decided_on "
		    "'%s'", date_format(d.next_review_on, a),
		    date_format(d.decided_on, b));
		goto out;
	}
	if (decision_store(imp->db, &imp->store, &d) == -1) {
		/* A clash of ids, found by the insert rather than a lookup
		 * before every row. */
		if (sqlite3_extended_errcode(imp->db) ==
		    SQLITE_CONSTRAINT_PRIMARYKEY)
			row_err(imp, "id", "decision %lld already exists",
			    (long long)d.id);
		else if (err_code() == EXIT_USAGE)
			rewrap(imp, "id");
		goto out;
	}
	if (created(imp, d.id) == -1)
		goto out;
	rc = 0;
out:
	decision_release(&d);
	return rc;
}

static int
row_assumption(struct importer *imp)
{
	const char	*text, *status, *note, *inv, *conf;
	sqlite3_stmt	*stmt;
	int64_t		 id, number;
	int32_t		 decided, day;
	int		 k;

	if (get_decision(imp, &id, &decided, NULL) == -1 ||
	    get_number(imp, "assumptions", id, &number) == -1 ||
	    get_text(imp, "text", 1, 10000, &text) == -1 ||
	    get_text(imp, "note", 0, 10000, &note) == -1)
		return -1;
	status = val(imp, "status");
	if (status == NULL)
		status = "holding";
	if (strcmp(status, "holding") != 0 && strcmp(status, "invalidated")
	    != 0)
		return row_err(imp, "status", "invalid status '%s' (holding or "
		    "invalidated)", status);
	inv = val(imp, "invalidated_on");
	conf = val(imp, "confirmed_on");
	if (inv != NULL && get_past_date(imp, "invalidated_on", &day) == -1)
		return -1;
	if (conf != NULL && get_past_date(imp, "confirmed_on", &day) == -1)
		return -1;
	if ((inv != NULL) != (strcmp(status, "invalidated") == 0))
		return row_err(imp, "invalidated_on", inv != NULL ?
		    "given for a holding assumption" :
		    "missing for an invalidated assumption");
	if ((k = taken(imp, "SELECT 1 FROM assumptions WHERE decision_id = ? "
	    "AND number = ?", id, val(imp, "number"))) != 0)
		return k == 1 ? row_err(imp, "number", "decision %lld already "
		    "has assumption %lld", (long long)id, (long long)number) :
		    -1;
	stmt = prep(imp, S_INSERT, "INSERT INTO assumptions (decision_id, "
	    "number, text, status, invalidated_on, confirmed_on, note) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, number);
	db_bind_text(stmt, 3, text);
	db_bind_text(stmt, 4, status);
	db_bind_text(stmt, 5, inv);
	db_bind_text(stmt, 6, conf);
	db_bind_text(stmt, 7, note);
	return step(imp, stmt) == -1 || touch(imp, id) == -1 ? -1 : 0;
}

/* Parse a decimal cell into norm. */
static int
get_decimal(struct importer *imp, const char *col, char *norm)
{
	const char	*v = val(imp, col);

	if (v == NULL)
		return row_err(imp, col, "missing value");
	if (decimal_parse(v, norm) == -1)
		return row_err(imp, col, "invalid number '%s' (a decimal, at "
		    "most 15 significant digits)", v);
	return 0;
}

/* A metric name cell, checked. */
static int
get_metric_name(struct importer *imp, const char *col, const char **name)
{
	const char	*why;

	if ((*name = val(imp, col)) == NULL)
		return row_err(imp, col, "missing value");
	if ((why = metric_name_problem(*name)) != NULL)
		return row_err(imp, col, "invalid metric name '%s': %s",
		    *name, why);
	return 0;
}

static int
metric_exists(struct importer *imp, int64_t id, const char *name)
{
	sqlite3_stmt	*stmt;

	stmt = prep(imp, S_METRIC, "SELECT 1 FROM metrics WHERE decision_id = "
	    "? AND name = ?");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_TRANSIENT);
	return step(imp, stmt);
}

static int
row_metric(struct importer *imp)
{
	const char	*name, *op, *unit;
	char		 target[NUM_BUFSZ], day[DATE_BUFSZ];
	sqlite3_stmt	*stmt;
	int64_t		 id;
	int32_t		 decided, on;
	int		 k;

	if (get_decision(imp, &id, &decided, NULL) == -1 ||
	    get_metric_name(imp, "name", &name) == -1)
		return -1;
	op = val(imp, "op");
	if (op == NULL || !op_valid(op))
		return row_err(imp, "op", "invalid operator '%s' (>=, <=, > or "
		    "<)", op != NULL ? op : "");
	if (get_decimal(imp, "target", target) == -1 ||
	    get_text(imp, "unit", 0, 10000, &unit) == -1)
		return -1;
	if (val(imp, "target_on") == NULL)
		on = date_add_months(decided, imp->s->review_months);
	else if (get_date(imp, "target_on", &on) == -1)
		return -1;
	if ((k = metric_exists(imp, id, name)) != 0)
		return k == 1 ? row_err(imp, "name", "decision %lld already "
		    "has a metric '%s'", (long long)id, name) : -1;
	stmt = prep(imp, S_INSERT, "INSERT INTO metrics (decision_id, name, "
	    "op, target, unit, target_on) VALUES (?, ?, ?, ?, ?, ?)");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, name);
	db_bind_text(stmt, 3, op);
	db_bind_text(stmt, 4, target);
	db_bind_text(stmt, 5, unit);
	db_bind_text(stmt, 6, date_format(on, day));
	return step(imp, stmt) == -1 || touch(imp, id) == -1 ? -1 : 0;
}

static int
row_measurement(struct importer *imp)
{
	const char	*name;
	char		 value[NUM_BUFSZ], day[DATE_BUFSZ];
	sqlite3_stmt	*stmt;
	int64_t		 id;
	int32_t		 decided, on;
	int		 k;

	if (get_decision(imp, &id, &decided, NULL) == -1 ||
	    get_metric_name(imp, "metric", &name) == -1)
		return -1;
	if (val(imp, "measured_on") == NULL)
		on = imp->today;
	else if (get_past_date(imp, "measured_on", &on) == -1)
		return -1;
	if (get_decimal(imp, "value", value) == -1)
		return -1;
	if ((k = metric_exists(imp, id, name)) != 1)
		return k == 0 ? row_err(imp, "metric", "decision %lld has no "
		    "metric '%s'", (long long)id, name) : -1;
	stmt = prep(imp, S_INSERT, "INSERT INTO measurements (decision_id, "
	    "metric, measured_on, value) VALUES (?, ?, ?, ?)");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, name);
	db_bind_text(stmt, 3, date_format(on, day));
	db_bind_text(stmt, 4, value);
	return step(imp, stmt) == -1 || touch(imp, id) == -1 ? -1 : 0;
}

static int
row_sunset(struct importer *imp)
{
	struct sunset_expr	 e;
	const char		*expr;
	char			 why[512];
	int64_t			 id, number;
	int32_t			 decided;
	int			 k;

	if (get_decision(imp, &id, &decided, NULL) == -1 ||
	    get_number(imp, "sunset", id, &number) == -1 ||
	    get_text(imp, "expression", 1, 10000, &expr) == -1)
		return -1;
	if (sunset_parse(expr, &e, why, sizeof(why)) == -1)
		return row_err(imp, "expression", "invalid expression '%s': %s",
		    expr, why);
	if (e.kind == SUNSET_METRIC && (k = metric_exists(imp, id, e.name))
	    != 1)
		return k == 0 ? row_err(imp, "expression", "invalid expression "
		    "'%s': decision %lld has no metric '%s'", expr,
		    (long long)id, e.name) : -1;
	if ((k = taken(imp, "SELECT 1 FROM sunset WHERE decision_id = ? AND "
	    "number = ?", id, val(imp, "number"))) != 0)
		return k == 1 ? row_err(imp, "number", "decision %lld already "
		    "has sunset criterion %lld", (long long)id,
		    (long long)number) : -1;
	if (sunset_store(imp->db, &imp->stmt[S_INSERT], id, number, &e) == -1)
		return -1;
	return touch(imp, id);
}

static int
row_review(struct importer *imp)
{
	const char	*outcome, *notes;
	char		 on_s[DATE_BUFSZ], next_s[DATE_BUFSZ];
	char		 dec_s[DATE_BUFSZ];
	sqlite3_stmt	*stmt;
	int64_t		 id, by = 0;
	int32_t		 decided, on, next;
	int		 replace, k;

	if (get_decision(imp, &id, &decided, NULL) == -1)
		return -1;
	if (val(imp, "reviewed_on") == NULL)
		on = imp->today;
	else if (get_past_date(imp, "reviewed_on", &on) == -1)
		return -1;
	if (on < decided)
		return row_err(imp, "reviewed_on", "'%s' is before the "
		    "decision's decided_on '%s'", date_format(on, on_s),
		    date_format(decided, dec_s));
	outcome = val(imp, "outcome");
	if (outcome == NULL || (strcmp(outcome, "keep") != 0 &&
	    strcmp(outcome, "revise") != 0 && strcmp(outcome, "replace") != 0
	    && strcmp(outcome, "retire") != 0))
		return row_err(imp, "outcome", "invalid outcome '%s' (keep, "
		    "revise, replace or retire)", outcome ? outcome : "");
	if (val(imp, "next_review_on") == NULL)
		next = date_add_months(on, imp->s->review_months);
	else if (get_date(imp, "next_review_on", &next) == -1)
		return -1;
	/* The range review --next keeps, from the review's own date. */
	if (decision_check_review("next_review_on", next, on, imp->s) == -1)
		return rewrap(imp, "next_review_on");
	replace = strcmp(outcome, "replace") == 0;
	if ((val(imp, "replaced_by") != NULL) != replace)
		return row_err(imp, "replaced_by", replace ? "missing for "
		    "outcome replace" : "given for outcome '%s' (only with "
		    "replace)", outcome);
	if (replace) {
		if (get_id(imp, "replaced_by", DECISION_ID_MAX, &by) == -1)
			return -1;
		if (decision_check_replacement("replaced_by", id, by) == -1)
			return rewrap(imp, "replaced_by");
		if ((k = taken(imp, "SELECT 1 FROM decisions WHERE id = ?", by,
		    NULL)) != 1)
			return k == 0 ? row_err(imp, "replaced_by", "no "
			    "decision with id '%lld'", (long long)by) : -1;
	}
	if (get_text(imp, "notes", 0, 10000, &notes) == -1)
		return -1;
	stmt = prep(imp, S_INSERT, "INSERT INTO reviews (decision_id, "
	    "reviewed_on, outcome, next_review_on, replaced_by, notes) "
	    "VALUES (?, ?, ?, ?, ?, ?)");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, date_format(on, on_s));
	db_bind_text(stmt, 3, outcome);
	db_bind_text(stmt, 4, date_format(next, next_s));
	if (by != 0)
		sqlite3_bind_int64(stmt, 5, by);
	db_bind_text(stmt, 6, notes);
	if (step(imp, stmt) == -1)
		return -1;
	/* The anchor is derived: a later review moves it, nothing else. */
	stmt = prep(imp, S_ANCHOR, "UPDATE decisions SET anchor_on = ?1, "
	    "deadline_on = mvb_add_months(?1, ?2) WHERE id = ?3 AND "
	    "anchor_on < ?1");
	if (stmt == NULL)
		return -1;
	db_bind_text(stmt, 1, on_s);
	sqlite3_bind_int(stmt, 2, imp->s->deadline_months);
	sqlite3_bind_int64(stmt, 3, id);
	return step(imp, stmt) == -1 || touch(imp, id) == -1 ? -1 : 0;
}

static int
row_option(struct importer *imp)
{
	struct dopt_given	 given;
	struct decision		 d;
	struct optval		 ov;
	const struct icol	*c;
	const char		*name, *v;
	char			 currency[4];
	sqlite3_stmt		*stmt;
	int64_t			 id, number;
	int32_t			 decided;
	int			 k, rc = -1;

	memset(&given, 0, sizeof(given));
	decision_init(&d);
	if (get_decision(imp, &id, &decided, currency) == -1 ||
	    get_number(imp, "options", id, &number) == -1 ||
	    get_text(imp, "name", 1, 200, &name) == -1)
		goto out;
	for (k = 0; imp->cols[k].name != NULL; k++) {
		c = &imp->cols[k];
		if (c->dopt == 0 || (v = val_at(imp, k)) == NULL)
			continue;
		ov.id = c->dopt;
		ov.name = c->name;
		ov.value = v;
		if (dopt_apply(&d, &ov, &given) == -1) {
			rewrap(imp, c->name);
			goto out;
		}
	}
	if (d.choice == NULL) {
		row_err(imp, "choice", "missing value");
		goto out;
	}
	if (!given.seen[DOPT_FTE_COST])
		d.cost.fte_cost = imp->s->fte_cost;
	if ((k = taken(imp, "SELECT 1 FROM options WHERE decision_id = ? AND "
	    "number = ?", id, val(imp, "number"))) != 0) {
		if (k == 1)
			row_err(imp, "number", "decision %lld already has "
			    "option %lld", (long long)id, (long long)number);
		goto out;
	}
	stmt = prep(imp, S_INSERT, "INSERT INTO options (decision_id, number, "
	    "name, choice, currency, one_time_cents, monthly_cents, "
	    "increase_hundredths, ops_fte_hundredths, fte_cost_cents, "
	    "lockin_cost_cents, lockin_prob_hundredths) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (stmt == NULL)
		goto out;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, number);
	db_bind_text(stmt, 3, name);
	db_bind_text(stmt, 4, d.choice);
	db_bind_text(stmt, 5, d.currency != NULL ? d.currency : currency);
	sqlite3_bind_int64(stmt, 6, d.cost.one_time);
	sqlite3_bind_int64(stmt, 7, d.cost.monthly);
	sqlite3_bind_int64(stmt, 8, d.cost.increase);
	sqlite3_bind_int64(stmt, 9, d.cost.ops_fte);
	sqlite3_bind_int64(stmt, 10, d.cost.fte_cost);
	sqlite3_bind_int64(stmt, 11, d.cost.lockin_cost);
	sqlite3_bind_int64(stmt, 12, d.cost.lockin_prob);
	if (step(imp, stmt) == -1 || touch(imp, id) == -1)
		goto out;
	rc = 0;
out:
	decision_release(&d);
	return rc;
}

static int (*const row_fns[XT_COUNT])(struct importer *) = {
	row_decision, row_assumption, row_metric, row_measurement, row_sunset,
	row_review, row_option
};

static int
on_record(void *arg, const struct csvr_record *r)
{
	struct importer	*imp = arg;

	imp->rec = r;
	if (!imp->header)
		return header(imp, r);
	if (row_fns[imp->t](imp) == -1)
		return -1;
	if (++imp->rows % 1000 == 0 && imp->progress != NULL)
		imp->progress("imported", imp->rows, 0);
	return 0;
}

/*
 * The one history entry of the import, written last under the id reserved
 * at the start (the write lock is held throughout), to which every row
 * already linked its decision.
 */
static int
record_history(struct importer *imp)
{
	char	*what;
	int	 rc;

	what = xasprintf("%s: %ld row%s into %s", imp->name, imp->rows,
	    imp->rows == 1 ? "" : "s", xtable_names[imp->t]);
	rc = history_add(imp->db, 0, "import", NULL, what);
	free(what);
	if (rc == 0 && sqlite3_last_insert_rowid(imp->db) != imp->history_id)
		rc = err_fail("import: the history entry did not get its "
		    "reserved id");
	return rc;
}

/* Inputs at least this big rebuild the decisions indexes once at the end
 * instead of updating them row by row. */
#define BULK_BYTES (8L * 1024 * 1024)

/*
 * For a bulk load into decisions: drop its secondary indexes, keeping
 * their definitions in *defs (NULL-separated list in a strbuf) so that
 * rebuild_indexes() can create them again in the same transaction.
 */
static int
drop_indexes(sqlite3 *db, struct strbuf *defs)
{
	sqlite3_stmt	*stmt;
	struct strbuf	 drop;
	int		 rc;

	stmt = db_prepare(db, "SELECT name, sql FROM sqlite_schema WHERE "
	    "type = 'index' AND tbl_name = 'decisions' AND sql IS NOT NULL");
	if (stmt == NULL)
		return -1;
	sb_init(&drop);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		sb_addf(&drop, "DROP INDEX \"%s\";",
		    sqlite3_column_text(stmt, 0));
		sb_addf(defs, "%s;", sqlite3_column_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	rc = rc == SQLITE_DONE ? db_exec(db, drop.buf) :
	    err_db(db, "cannot read the schema");
	sb_release(&drop);
	return rc;
}

/* Whether fp is a regular file of at least BULK_BYTES. */
static int
is_bulk(FILE *fp)
{
	struct stat	st;

	return fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= BULK_BYTES;
}

int
import_table(sqlite3 *db, const struct settings *s, int32_t today,
    enum xtable t, FILE *fp, const char *name, long *rows,
    xprogress_fn *progress)
{
	struct importer	imp;
	struct strbuf	indexes;
	int		i, rc;

	memset(&imp, 0, sizeof(imp));
	imp.db = db;
	imp.s = s;
	imp.today = today;
	imp.t = t;
	imp.name = name;
	imp.cols = icols[t];
	if (db_query_int(db, "SELECT ifnull(max(id), 0) + 1 FROM history",
	    &imp.history_id) == -1)
		return -1;
	imp.progress = progress;
	if (progress != NULL)
		progress("imported", 0, 0);
	sb_init(&indexes);
	if (t == XT_DECISIONS && is_bulk(fp) &&
	    drop_indexes(db, &indexes) == -1) {
		sb_release(&indexes);
		return -1;
	}
	rc = csvr_read(fp, name, on_record, &imp);
	if (rc == 0)
		rc = link_run(&imp);
	if (rc == 0 && indexes.len > 0)
		rc = db_exec(db, indexes.buf);
	sb_release(&indexes);
	if (rc == 0 && !imp.header)
		rc = err_usage("%s: no header row (an empty file)", name);
	if (rc == 0)
		rc = record_history(&imp);
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(imp.stmt[i]);
	sqlite3_finalize(imp.store);
	if (rc == 0 && progress != NULL)
		progress("imported", imp.rows, 1);
	*rows = imp.rows;
	return rc;
}
