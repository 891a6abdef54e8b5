/*
 * Import: CSV rows into one table, matched by header name, every value
 * checked exactly like the matching command option plus the cross-checks
 * of mvb(1) CSV, inside the caller's transaction so that the first bad row
 * leaves nothing behind. Rows are recorded as they stand: importing a
 * review changes no status and no recorded date.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvread.h"
#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "history.h"
#include "evidence.h"
#include "exchange.h"
#include "option.h"
#include "review.h"
#include "money.h"
#include "sunset.h"
#include "text.h"

#define MAX_COLS 32

/* Prepared statements kept for the whole import. */
enum {
	S_DECISION,	/* look up a decision */
	S_INSERT,	/* the table's writer */
	S_EXISTS,	/* whether the row's key is taken */
	S_METRIC,	/* metric_exists() */
	S_TOUCH,	/* link a decision the import touched */
	S_LINK_RUN,	/* link a run of decisions the import created */
	S_ANCHOR,	/* review_move_anchor() */
	S_COUNT
};

#define ASKED_SLOTS 128
/* Runs of created ids kept before they are linked together. */
#define RUN_SLOTS 256

struct importer {
	struct db			*db;
	const struct settings	*s;
	int32_t			 today;
	enum xtable		 t;
	const char		*name;
	const struct table	*table;		/* catalog[t] */
	int			 at[MAX_COLS];	/* header position, or -1 */
	int			 header;	/* the header has been read */
	const struct csvr_record *rec;		/* the row at hand */
	long			 rows;
	int64_t			 history_id;	/* reserved for the entry */
	int64_t			 run_lo, run_hi; /* created ids not
						    linked yet */
	int64_t			 runs[RUN_SLOTS][2]; /* earlier runs */
	int			 nruns;
	int			 stream;	/* decisions stream (on a
						   server) */
	int64_t			 max_id;	/* the largest decision id
						   in the register or file */
	int64_t			 next_id;	/* a decision's, when its
						   row has none */
	xprogress_fn		*progress;	/* or NULL */
	struct stmt		*stmt[S_COUNT];
	/* The columns the row readers asked for, by the address of the
	 * name they passed (a constant), so that later rows find them
	 * without comparing strings: a direct-mapped cache. */
	const char		*asked[ASKED_SLOTS];
	int			 asked_col[ASKED_SLOTS];
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

static struct stmt *
prep(struct importer *imp, int slot, const char *sql)
{
	if (imp->stmt[slot] == NULL)
		imp->stmt[slot] = db_prepare(imp->db, sql);
	else {
		engine_reset(imp->stmt[slot]);
		engine_clear_bindings(imp->stmt[slot]);
	}
	return imp->stmt[slot];
}

/* Step a prepared statement once; 1 for a row, 0 for none, -1. */
static int
step(struct importer *imp, struct stmt *stmt)
{
	int	rc = engine_step(stmt);

	if (rc == ENGINE_ROW)
		return 1;
	if (rc == ENGINE_DONE)
		return 0;
	return err_db(imp->db, "%s:%ld: cannot import", imp->name,
	    imp->rec->line);
}

/* The index of exchanged column name in the table, or -1. */
static int
col_index(const struct table *t, const char *name)
{
	int	i;

	/* Callers mostly pass the catalogue's own name: find that by its
	 * address first, without comparing strings, row after row. */
	for (i = 0; i < t->ncols; i++)
		if (t->cols[i].name == name)
			return (t->cols[i].flags & COL_INTERNAL) ? -1 : i;
	for (i = 0; i < t->ncols; i++)
		if (!(t->cols[i].flags & COL_INTERNAL) &&
		    strcmp(t->cols[i].name, name) == 0)
			return i;
	return -1;
}

/* Whether column c holds text, which the formula guard may have marked. */
static int
is_text(const struct column *c)
{
	return c->kind == KIND_TEXT || c->kind == KIND_ENUM ||
	    c->kind == KIND_CURRENCY;
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
	if (is_text(&imp->table->cols[i]) && v[0] == '\'' && v[1] != '\0' &&
	    strchr("'=+-@\t\r", v[1]) != NULL)
		v++;
	return v;
}

/* col_index() of name, remembered by its address. */
static int
col_of(struct importer *imp, const char *name)
{
	size_t	slot = ((uintptr_t)name >> 3) % ASKED_SLOTS;

	if (imp->asked[slot] != name) {
		imp->asked[slot] = name;
		imp->asked_col[slot] = col_index(imp->table, name);
	}
	return imp->asked_col[slot];
}

/* The value of column name (see val_at()). */
static const char *
val(struct importer *imp, const char *name)
{
	return val_at(imp, col_of(imp, name));
}

/*
 * Parse the cell of column name into its member of row, if the cell has a
 * value: catalog_parse() says why not, this names the column. Returns 0
 * (also for an empty cell) or -1.
 */
static int
get(struct importer *imp, const char *name, void *row)
{
	const struct column	*c;
	struct strbuf		 msg;
	const char		*v, *why;

	c = &imp->table->cols[col_of(imp, name)];
	if ((v = val(imp, name)) == NULL ||
	    (why = catalog_parse(c, v, row)) == NULL)
		return 0;
	sb_init(&msg);
	catalog_refusal(&msg, c, why, v);
	row_err(imp, name, "%s", msg.buf);
	sb_release(&msg);
	return -1;
}

/* As get(), an empty cell being a row error. */
static int
need(struct importer *imp, const char *name, void *row)
{
	if (val(imp, name) == NULL)
		return row_err(imp, name, "missing value");
	return get(imp, name, row);
}

/* A recorded fact's date, which may not be after today (the rule of
 * decision_future_why(), which --on keeps too). Returns 0 or -1. */
static int
past(struct importer *imp, const char *name, int32_t date)
{
	char	why[RULE_WHYSZ];

	if (decision_future_why(date, imp->today, why) != NULL)
		return row_err(imp, name, "%s", why);
	return 0;
}

static int
header(struct importer *imp, const struct csvr_record *r)
{
	int	 i, k;

	for (i = 0; i < MAX_COLS; i++)
		imp->at[i] = -1;
	for (i = 0; i < r->nfields; i++) {
		if ((k = col_index(imp->table, r->fields[i])) < 0 ||
		    imp->at[k] >= 0) {
			return err_usage("%s:%ld: %s: %s column for %s",
			    imp->name, r->line, err_quote(r->fields[i]),
			    k < 0 ? "unknown" : "duplicate",
			    xtable_names[imp->t]);
		}
		imp->at[k] = i;
	}
	for (k = 0; k < imp->table->ncols; k++)
		if ((imp->table->cols[k].flags & COL_REQUIRED) &&
		    imp->at[k] < 0)
			return err_usage("%s:%ld: %s: missing required column",
			    imp->name, r->line, imp->table->cols[k].name);
	imp->header = 1;
	return 0;
}

/* The "number" column of a table numbered per decision, into *out (the
 * row's member); an empty cell takes the next number, as the matching
 * command would give. */
static int
get_number(struct importer *imp, int64_t id, void *row, int64_t *out)
{
	int	n;

	if (val(imp, "number") != NULL)
		return get(imp, "number", row);
	if (evidence_next_number(imp->db, xtable_names[imp->t], id, &n) == -1)
		return -1;
	*out = n;
	return 0;
}

/* Look up the decision of column decision_id: its decided date and
 * currency. Returns 0 or -1 (unknown is a row error). */
static int
get_decision(struct importer *imp, void *row, int64_t *id, int32_t *decided,
    char *currency)
{
	struct stmt	*stmt;
	int		 found;

	/* *id is the row's decision_id member. */
	if (need(imp, "decision_id", row) == -1)
		return -1;
	stmt = prep(imp, S_DECISION, "SELECT decided_on, currency FROM "
	    "decisions WHERE id = $1");
	if (stmt == NULL)
		return -1;
	engine_bind_int(stmt, 1, *id);
	if ((found = step(imp, stmt)) <= 0)
		return found == 0 &&
		    db_check_table(imp->db, "decisions") == 0 ?
		    row_err(imp, "decision_id", "no decision with id '%lld'",
		    (long long)*id) : -1;
	date_parse((const char *)engine_column_text(stmt, 0), decided);
	if (currency != NULL)
		snprintf(currency, 4, "%s",
		    (const char *)engine_column_text(stmt, 1));
	return 0;
}

/* Link decision id to the import's history entry (see record_history()). */
static int
touch(struct importer *imp, int64_t id)
{
	struct stmt	*stmt;

	stmt = prep(imp, S_TOUCH, "INSERT INTO history_decisions (history_id, "
	    "decision_id) VALUES ($1, $2) ON CONFLICT DO NOTHING");
	if (stmt == NULL)
		return -1;
	engine_bind_int(stmt, 1, imp->history_id);
	engine_bind_int(stmt, 2, id);
	return step(imp, stmt) == -1 ? -1 : 0;
}

/* Link the kept runs of consecutive ids the import created, and the run
 * at hand if last, one statement each. */
static int
link_runs(struct importer *imp, int last)
{
	struct stmt	*stmt;
	int		 i;

	if (last && imp->run_hi != 0) {
		imp->runs[imp->nruns][0] = imp->run_lo;
		imp->runs[imp->nruns++][1] = imp->run_hi;
		imp->run_lo = imp->run_hi = 0;
	}
	for (i = 0; i < imp->nruns; i++) {
		/* The entry's id is new, so no link can clash: no ON
		 * CONFLICT, which costs a server a fifth of the link. */
		stmt = prep(imp, S_LINK_RUN, "INSERT INTO history_decisions "
		    "(history_id, decision_id) SELECT CAST($1 AS BIGINT), id "
		    "FROM decisions WHERE id BETWEEN $2 AND $3");
		if (stmt == NULL)
			return -1;
		engine_bind_int(stmt, 1, imp->history_id);
		engine_bind_int(stmt, 2, imp->runs[i][0]);
		engine_bind_int(stmt, 3, imp->runs[i][1]);
		if (step(imp, stmt) == -1)
			return -1;
	}
	imp->nruns = 0;
	return 0;
}

/*
 * Link decision id, which the import created, to its history entry. Ids
 * usually come in order, so they are gathered into runs of consecutive ids
 * and each run linked with one statement: every id in a run is one the
 * import created. Runs are linked RUN_SLOTS at a time, so that ids with
 * gaps seldom interrupt a stream (decision_stream()).
 */
static int
created(struct importer *imp, int64_t id)
{
	if (imp->run_hi != 0 && id == imp->run_hi + 1) {
		imp->run_hi = id;
		return 0;
	}
	if (imp->run_hi != 0) {
		imp->runs[imp->nruns][0] = imp->run_lo;
		imp->runs[imp->nruns++][1] = imp->run_hi;
	}
	if (imp->nruns == RUN_SLOTS && link_runs(imp, 0) == -1)
		return -1;
	imp->run_lo = imp->run_hi = id;
	return 0;
}

/* Whether the key (decision id, second) is taken, by sql. */
static int
taken(struct importer *imp, const char *sql, int64_t id, const char *key)
{
	struct stmt	*stmt;

	if ((stmt = prep(imp, S_EXISTS, sql)) == NULL)
		return -1;
	engine_bind_int(stmt, 1, id);
	if (key != NULL)
		engine_bind_text(stmt, 2, key);
	return step(imp, stmt);
}

/* Copy the text members of d, which point into the row, into d. */
static void
own_texts(struct importer *imp, struct decision *d)
{
	const struct column	*c;
	char			**m;
	int			 k;

	for (k = 0; k < imp->table->ncols; k++) {
		c = &imp->table->cols[k];
		if (!is_text(c) || c->offset == NO_MEMBER)
			continue;
		m = (char **)(void *)((char *)d + c->offset);
		if (*m != NULL)
			*m = xstrdup(*m);
	}
}

/*
 * A decision's next_review_on lies within its review range, as add --review
 * must: else it would go from no flag straight to overdue. Its reviews come
 * in their own file, after it, so a reviewed decision's range is not known
 * yet; the review_deadline an export wrote for it (a derived column, not
 * stored) stands for it when it is later than decided_on's. Returns 0 or -1.
 */
static int
next_within_deadline(struct importer *imp, const struct decision *d)
{
	const char	*v = val(imp, "review_deadline");
	char		 why[RULE_WHYSZ];
	int32_t		 exported;

	if (v != NULL && date_parse(v, &exported) == 0 &&
	    exported > d->deadline_on && d->next_review_on <= exported)
		return 0;
	if (decision_review_why(d->next_review_on, d->anchor_on, imp->s,
	    why) != NULL)
		return row_err(imp, "next_review_on", "%s", why);
	return 0;
}

/*
 * Into a server the rows stream (decision_stream()), where a clash of ids
 * would only show when the stream ends, at no line: an id the CSV leaves
 * out takes one past the largest in the register or the file, as the
 * insert gives, and only an id not above that largest is looked up (which
 * ends the stream, so that the lookup sees its rows). Returns 0 or -1.
 */
static int
stream_id(struct importer *imp, struct decision *d)
{
	int	k;

	if (d->id == 0)
		d->id = imp->max_id + 1;
	else if (d->id <= imp->max_id && (k = taken(imp, "SELECT 1 FROM "
	    "decisions WHERE id = $1", d->id, NULL)) != 0)
		return k == 1 ? row_err(imp, "id", "decision %lld already "
		    "exists", (long long)d->id) : -1;
	if (d->id > imp->max_id)
		imp->max_id = d->id;
	return 0;
}

static int
row_decision(struct importer *imp)
{
	const struct column	*c;
	struct decision		 d;
	char			*msg, a[DATE_BUFSZ], b[DATE_BUFSZ];
	int			 k, rc = -1;

	decision_init(&d);
	for (k = 0; k < imp->table->ncols; k++) {
		c = &imp->table->cols[k];
		if (c->flags & (COL_DERIVED | COL_INTERNAL))
			continue;
		if (((c->flags & COL_REQUIRED) ? need(imp, c->name, &d) :
		    get(imp, c->name, &d)) == -1) {
			/* Nothing is owned yet. */
			decision_init(&d);
			return -1;
		}
	}
	own_texts(imp, &d);
	if (d.status == NULL)
		decision_set_text(&d.status, "active");
	if (d.currency == NULL)
		decision_set_text(&d.currency, imp->s->currency);
	if (val(imp, "fte_annual_cost") == NULL)
		d.cost.fte_cost = imp->s->fte_cost;
	if (val(imp, "decided_on") == NULL)
		d.decided_on = imp->today;
	d.anchor_on = d.decided_on;
	d.deadline_on = review_deadline(d.anchor_on, imp->s);
	if (val(imp, "next_review_on") == NULL)
		d.next_review_on = review_next_default(d.anchor_on, imp->s);
	if (d.next_review_on < d.decided_on) {
		row_err(imp, "next_review_on", "'%s' is before decided_on "
		    "'%s'", date_format(d.next_review_on, a),
		    date_format(d.decided_on, b));
		goto out;
	}
	if (next_within_deadline(imp, &d) == -1)
		goto out;
	if (imp->stream) {
		if (stream_id(imp, &d) == -1)
			goto out;
	} else if (d.id <= 0)
		/* One past the largest, as decision_store() would take
		 * it, without asking at every row: the import holds the
		 * write lock. */
		d.id = imp->next_id;
	if (decision_store(imp->db, &imp->stmt[S_INSERT], &d) == -1) {
		/* A clash of ids, found by the insert rather than a lookup
		 * before every row. */
		if (engine_error(imp->db) == ENGINE_UNIQUE)
			row_err(imp, "id", "decision %lld already exists",
			    (long long)d.id);
		else if (err_code() == EXIT_USAGE) {
			/* No ids left: the reason, said of the column. */
			msg = xstrdup(err_msg());
			row_err(imp, "id", "%s", msg);
			free(msg);
		} else if (imp->stream) {
			/* The server refused an earlier row of the stream:
			 * said as when the stream ends, at no line. */
			err_clear();
			err_db(imp->db, "%s: cannot import", imp->name);
		}
		goto out;
	}
	if (d.id >= imp->next_id)
		imp->next_id = d.id + 1;
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
	struct assumption	a;
	const char		*inv;
	int32_t			decided;
	int			k;

	memset(&a, 0, sizeof(a));
	a.invalidated_on = a.confirmed_on = DATE_NONE;
	if (get_decision(imp, &a, &a.decision_id, &decided, NULL) == -1 ||
	    get_number(imp, a.decision_id, &a, &a.number) == -1 ||
	    need(imp, "text", &a) == -1 || get(imp, "note", &a) == -1 ||
	    get(imp, "status", &a) == -1 ||
	    get(imp, "invalidated_on", &a) == -1 ||
	    get(imp, "confirmed_on", &a) == -1)
		return -1;
	if (a.status == NULL)
		a.status = "holding";
	inv = val(imp, "invalidated_on");
	if (a.invalidated_on != DATE_NONE && past(imp, "invalidated_on",
	    a.invalidated_on) == -1)
		return -1;
	if (a.confirmed_on != DATE_NONE && past(imp, "confirmed_on",
	    a.confirmed_on) == -1)
		return -1;
	if ((inv != NULL) != (strcmp(a.status, "invalidated") == 0))
		return row_err(imp, "invalidated_on", inv != NULL ?
		    "given for a holding assumption" :
		    "missing for an invalidated assumption");
	if ((k = taken(imp, "SELECT 1 FROM assumptions WHERE decision_id = $1 "
	    "AND number = $2", a.decision_id, val(imp, "number"))) != 0)
		return k == 1 ? row_err(imp, "number", "decision %lld already "
		    "has assumption %lld", (long long)a.decision_id,
		    (long long)a.number) : -1;
	if (assumption_store(imp->db, &imp->stmt[S_INSERT], &a) == -1)
		return -1;
	return touch(imp, a.decision_id);
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
		    err_quote(*name), why);
	return 0;
}

/* Whether decision id has metric name: 1, 0 or -1. */
static int
has_metric(struct importer *imp, int64_t id, const char *name)
{
	return metric_exists(imp->db, &imp->stmt[S_METRIC], id, name);
}

static int
row_metric(struct importer *imp)
{
	struct metric	m;
	int32_t		decided;
	int		k;

	memset(&m, 0, sizeof(m));
	if (get_decision(imp, &m, &m.decision_id, &decided, NULL) == -1 ||
	    get_metric_name(imp, "name", &m.name) == -1)
		return -1;
	if (val(imp, "op") == NULL)
		return row_err(imp, "op", "invalid operator '' (>=, <=, > or "
		    "<)");
	if (get(imp, "op", &m) == -1 || need(imp, "target", &m) == -1 ||
	    get(imp, "unit", &m) == -1)
		return -1;
	if (val(imp, "target_on") == NULL)
		m.target_on = date_add_months(decided, imp->s->review_months);
	else if (get(imp, "target_on", &m) == -1)
		return -1;
	if ((k = has_metric(imp, m.decision_id, m.name)) != 0)
		return k == 1 ? row_err(imp, "name", "decision %lld already "
		    "has a metric '%s'", (long long)m.decision_id,
		    err_quote(m.name)) : -1;
	if (metric_store(imp->db, &imp->stmt[S_INSERT], &m) == -1)
		return -1;
	return touch(imp, m.decision_id);
}

static int
row_measurement(struct importer *imp)
{
	struct measurement	m;
	int32_t			decided;
	int			k;

	memset(&m, 0, sizeof(m));
	if (get_decision(imp, &m, &m.decision_id, &decided, NULL) == -1 ||
	    get_metric_name(imp, "metric", &m.metric) == -1)
		return -1;
	m.measured_on = imp->today;
	if (get(imp, "measured_on", &m) == -1 ||
	    past(imp, "measured_on", m.measured_on) == -1 ||
	    need(imp, "value", &m) == -1)
		return -1;
	if ((k = has_metric(imp, m.decision_id, m.metric)) != 1)
		return k == 0 && db_check_table(imp->db, "metrics") == 0 ?
		    row_err(imp, "metric", "decision %lld has no metric '%s'",
		    (long long)m.decision_id, err_quote(m.metric)) : -1;
	if (measurement_store(imp->db, &imp->stmt[S_INSERT], &m) == -1)
		return -1;
	return touch(imp, m.decision_id);
}

static int
row_sunset(struct importer *imp)
{
	struct sunset_row	 s;
	struct sunset_expr	 e;
	char			 why[512];
	int32_t			 decided;
	int			 k;

	memset(&s, 0, sizeof(s));
	if (get_decision(imp, &s, &s.decision_id, &decided, NULL) == -1 ||
	    get_number(imp, s.decision_id, &s, &s.number) == -1 ||
	    need(imp, "expression", &s) == -1)
		return -1;
	if (sunset_parse(s.expression, &e, why, sizeof(why)) == -1)
		return row_err(imp, "expression", "invalid expression '%s': %s",
		    err_quote(s.expression), why);
	if (e.kind == SUNSET_METRIC && (k = has_metric(imp, s.decision_id,
	    e.name)) != 1)
		return k == 0 && db_check_table(imp->db, "metrics") == 0 ?
		    row_err(imp, "expression", "invalid expression '%s': "
		    "decision %lld has no metric '%s'",
		    err_quote(s.expression), (long long)s.decision_id,
		    err_quote(e.name)) : -1;
	if ((k = taken(imp, "SELECT 1 FROM sunset WHERE decision_id = $1 AND "
	    "number = $2", s.decision_id, val(imp, "number"))) != 0)
		return k == 1 ? row_err(imp, "number", "decision %lld already "
		    "has sunset criterion %lld", (long long)s.decision_id,
		    (long long)s.number) : -1;
	if (sunset_store(imp->db, &imp->stmt[S_INSERT], s.decision_id,
	    s.number, &e) == -1)
		return -1;
	return touch(imp, s.decision_id);
}

static int
row_review(struct importer *imp)
{
	struct review	r;
	char		on_s[DATE_BUFSZ], dec_s[DATE_BUFSZ], why[RULE_WHYSZ];
	int32_t		decided;
	int		replace, k;

	memset(&r, 0, sizeof(r));
	if (get_decision(imp, &r, &r.decision_id, &decided, NULL) == -1)
		return -1;
	r.reviewed_on = imp->today;
	if (get(imp, "reviewed_on", &r) == -1 ||
	    past(imp, "reviewed_on", r.reviewed_on) == -1)
		return -1;
	if (r.reviewed_on < decided)
		return row_err(imp, "reviewed_on", "'%s' is before the "
		    "decision's decided_on '%s'", date_format(r.reviewed_on,
		    on_s), date_format(decided, dec_s));
	if (val(imp, "outcome") == NULL)
		return row_err(imp, "outcome", "invalid outcome ''"
		    OUTCOME_HINT);
	if (get(imp, "outcome", &r) == -1)
		return -1;
	if (val(imp, "next_review_on") == NULL)
		r.next_review_on = review_next_default(r.reviewed_on, imp->s);
	else if (get(imp, "next_review_on", &r) == -1)
		return -1;
	/* The range review --next keeps, from the review's own date. */
	if (decision_review_why(r.next_review_on, r.reviewed_on, imp->s, why)
	    != NULL)
		return row_err(imp, "next_review_on", "%s", why);
	replace = strcmp(r.outcome, "replace") == 0;
	if ((val(imp, "replaced_by") != NULL) != replace)
		return row_err(imp, "replaced_by", replace ? "missing for "
		    "outcome replace" : "given for outcome '%s' (only with "
		    "replace)", err_quote(r.outcome));
	if (replace) {
		if (get(imp, "replaced_by", &r) == -1)
			return -1;
		if (decision_replacement_why(r.decision_id, r.replaced_by, why)
		    != NULL)
			return row_err(imp, "replaced_by", "%s", why);
		if ((k = taken(imp, "SELECT 1 FROM decisions WHERE id = $1",
		    r.replaced_by, NULL)) != 1)
			return k == 0 &&
			    db_check_table(imp->db, "decisions") == 0 ?
			    row_err(imp, "replaced_by", "no decision with id "
			    "'%lld'", (long long)r.replaced_by) : -1;
	}
	if (get(imp, "notes", &r) == -1 ||
	    review_store(imp->db, &imp->stmt[S_INSERT], &r) == -1)
		return -1;
	/* The anchor is derived (DECISION_ANCHOR_REVIEWS_SQL): a later
	 * review moves it, of the decision and of its replacement. */
	if (review_move_anchor(imp->db, &imp->stmt[S_ANCHOR], r.decision_id,
	    r.replaced_by, r.reviewed_on, imp->s) == -1 ||
	    touch(imp, r.decision_id) == -1)
		return -1;
	return r.replaced_by != 0 ? touch(imp, r.replaced_by) : 0;
}

static int
row_option(struct importer *imp)
{
	const struct column	*c;
	struct option		 o;
	char			 currency[4];
	int32_t			 decided;
	int			 k;

	memset(&o, 0, sizeof(o));
	if (get_decision(imp, &o, &o.decision_id, &decided, currency) == -1 ||
	    get_number(imp, o.decision_id, &o, &o.number) == -1 ||
	    need(imp, "name", &o) == -1)
		return -1;
	/* The choice, the currency and the cost figures. */
	for (k = catalog_column(XT_OPTIONS, "choice") - imp->table->cols;
	    k < imp->table->ncols; k++) {
		c = &imp->table->cols[k];
		if (!(c->flags & COL_DERIVED) && get(imp, c->name, &o) == -1)
			return -1;
	}
	if (o.choice == NULL)
		return row_err(imp, "choice", "missing value");
	if (val(imp, "fte_annual_cost") == NULL)
		o.cost.fte_cost = imp->s->fte_cost;
	if ((k = taken(imp, "SELECT 1 FROM options WHERE decision_id = $1 AND "
	    "number = $2", o.decision_id, val(imp, "number"))) != 0)
		return k == 1 ? row_err(imp, "number", "decision %lld already "
		    "has option %lld", (long long)o.decision_id,
		    (long long)o.number) : -1;
	if (o.currency == NULL)
		o.currency = currency;
	if (option_store(imp->db, &imp->stmt[S_INSERT], &o) == -1)
		return -1;
	return touch(imp, o.decision_id);
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
	int64_t	 last;
	int	 rc;

	what = xasprintf("%s: %ld row%s into %s", imp->name, imp->rows,
	    imp->rows == 1 ? "" : "s", xtable_names[imp->t]);
	rc = history_add(imp->db, 0, "import", NULL, what);
	free(what);
	if (rc == 0 && db_query_int(imp->db, "SELECT max(id) FROM history",
	    &last) == -1)
		rc = -1;
	if (rc == 0 && last != imp->history_id)
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
drop_indexes(struct db *db, struct strbuf *defs)
{
	struct stmt	*stmt;
	struct strbuf	 drop;
	int		 rc;

	stmt = db_prepare(db, "SELECT name, sql FROM sqlite_schema WHERE "
	    "type = 'index' AND tbl_name = 'decisions' AND sql IS NOT NULL");
	if (stmt == NULL)
		return -1;
	sb_init(&drop);
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		sb_addf(&drop, "DROP INDEX \"%s\";",
		    engine_column_text(stmt, 0));
		sb_addf(defs, "%s;", engine_column_text(stmt, 1));
	}
	engine_finalize(stmt);
	rc = rc == ENGINE_DONE ? db_exec(db, drop.buf) :
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
import_table(struct db *db, const struct settings *s, int32_t today,
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
	imp.table = &catalog[t];
	if (db_query_int(db, "SELECT coalesce(max(id), 0) + 1 FROM history",
	    &imp.history_id) == -1)
		return -1;
	if (t == XT_DECISIONS && db_query_int(db, "SELECT coalesce(max(id), "
	    "0) + 1 FROM decisions", &imp.next_id) == -1)
		return -1;
	imp.progress = progress;
	if (progress != NULL)
		progress("imported", 0, 0);
	/* A stream keeps the indexes (mvb(1) SHARED REGISTER). */
	if (t == XT_DECISIONS && (imp.stream = decision_stream(db) == 0))
		imp.max_id = imp.next_id - 1;
	sb_init(&indexes);
	if (t == XT_DECISIONS && !imp.stream && is_bulk(fp) &&
	    drop_indexes(db, &indexes) == -1) {
		sb_release(&indexes);
		return -1;
	}
	rc = csvr_read(fp, name, on_record, &imp);
	/* The stream's rows written: the server's last checks. */
	if (imp.stream && engine_copy_end(db) == -1 && rc == 0)
		rc = err_db(db, "%s: cannot import", name);
	if (rc == 0)
		rc = link_runs(&imp, 1);
	if (rc == 0 && indexes.len > 0)
		rc = db_exec(db, indexes.buf);
	sb_release(&indexes);
	if (rc == 0 && !imp.header)
		rc = err_usage("%s: no header row (an empty file)", name);
	if (rc == 0)
		rc = record_history(&imp);
	for (i = 0; i < S_COUNT; i++)
		engine_finalize(imp.stmt[i]);
	if (rc == 0 && progress != NULL)
		progress("imported", imp.rows, 1);
	*rows = imp.rows;
	return rc;
}
