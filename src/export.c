/*
 * Export: each table streamed row by row from one query into the CSV or
 * JSON writer, with the derived columns (deadline, run rate, TCO, flags)
 * computed as of the given day.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "exchange.h"
#include "flags.h"
#include "money.h"
#include "view.h"

const char *const xtable_names[XT_COUNT] = {
	"decisions", "assumptions", "metrics", "measurements", "sunset",
	"reviews", "options"
};

/*
 * The plain tables: their columns, how each is printed ('i' integer, 't'
 * text, 'd' date, 'n' decimal as stored, 'm' cents as money, 'f'
 * hundredths) and the query that yields them in export order.
 */
struct plain {
	const char *const	*cols;
	const char		*kinds;
	const char		*sql;
};

static const char *const assumption_cols[] = {
	"decision_id", "number", "text", "status", "invalidated_on",
	"confirmed_on", "note"
};
static const char *const metric_cols[] = {
	"decision_id", "name", "op", "target", "unit", "target_on"
};
static const char *const measurement_cols[] = {
	"decision_id", "metric", "measured_on", "value"
};
static const char *const sunset_cols[] = {
	"decision_id", "number", "expression"
};
static const char *const review_cols[] = {
	"decision_id", "reviewed_on", "outcome", "next_review_on",
	"replaced_by", "notes"
};
static const char *const option_cols[] = {
	"decision_id", "number", "name", "choice", "currency",
	"one_time_cost", "monthly_cost", "annual_increase_pct", "ops_fte",
	"fte_annual_cost", "lockin_cost", "lockin_probability",
	"annual_run_rate", "tco_24m"
};

static const struct plain plains[XT_COUNT] = {
	[XT_ASSUMPTIONS] = { assumption_cols, "iittddt",
	    "SELECT decision_id, number, text, status, invalidated_on, "
	    "confirmed_on, note FROM assumptions ORDER BY decision_id, number" },
	[XT_METRICS] = { metric_cols, "ittntd",
	    "SELECT decision_id, name, op, target, unit, target_on FROM metrics "
	    "ORDER BY decision_id, name" },
	[XT_MEASUREMENTS] = { measurement_cols, "itdn",
	    "SELECT decision_id, metric, measured_on, value FROM measurements "
	    "ORDER BY decision_id, metric, measured_on, id" },
	[XT_SUNSET] = { sunset_cols, "iit",
	    "SELECT decision_id, number, expression FROM sunset "
	    "ORDER BY decision_id, number" },
	[XT_REVIEWS] = { review_cols, "iddtdt",
	    "SELECT decision_id, reviewed_on, outcome, next_review_on, "
	    "replaced_by, notes FROM reviews ORDER BY decision_id, "
	    "reviewed_on, id" },
	[XT_OPTIONS] = { option_cols, "iitttmmffmmf",
	    "SELECT decision_id, number, name, choice, currency, "
	    "one_time_cents, monthly_cents, increase_hundredths, "
	    "ops_fte_hundredths, fte_cost_cents, lockin_cost_cents, "
	    "lockin_prob_hundredths FROM options ORDER BY decision_id, "
	    "number" },
};

static const int plain_ncols[XT_COUNT] = {
	[XT_ASSUMPTIONS] = 7, [XT_METRICS] = 6, [XT_MEASUREMENTS] = 4,
	[XT_SUNSET] = 3, [XT_REVIEWS] = 6, [XT_OPTIONS] = 14
};

int
xtable_find(const char *name)
{
	int	i;

	for (i = 0; i < XT_COUNT; i++)
		if (strcmp(xtable_names[i], name) == 0)
			return i;
	return -1;
}

void
progress(const char *verb, long rows, int done)
{
	static struct timespec	start;
	struct timespec		now;
	double			secs;

	if (!isatty(STDERR_FILENO))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (rows == 0 && !done) {
		start = now;
		return;
	}
	secs = (double)(now.tv_sec - start.tv_sec) +
	    (double)(now.tv_nsec - start.tv_nsec) / 1e9;
	fprintf(stderr, "\r%s %ld rows (%.0f rows/s)%s", verb, rows,
	    secs > 0 ? (double)rows / secs : 0.0, done ? "\n" : "");
}

static int
export_plain(sqlite3 *db, enum xtable t, enum fmt fmt, FILE *fp, long *rows)
{
	const struct plain	*p = &plains[t];
	sqlite3_stmt		*stmt;
	struct out		*o;
	struct cost		 c;
	const char		*v;
	int			 rc, i, n = (int)strlen(p->kinds);

	if ((stmt = db_prepare(db, p->sql)) == NULL)
		return -1;
	o = out_new(fmt, fp, p->cols, plain_ncols[t], -1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < n; i++) {
			v = (const char *)sqlite3_column_text(stmt, i);
			if (v == NULL)
				out_text(o, NULL);
			else if (p->kinds[i] == 'i' || p->kinds[i] == 'n')
				out_num(o, v);
			else if (p->kinds[i] == 'm' || p->kinds[i] == 'f')
				out_fixed2(o, sqlite3_column_int64(stmt, i));
			else
				out_text(o, v);
		}
		if (t == XT_OPTIONS) {
			c.one_time = sqlite3_column_int64(stmt, 5);
			c.monthly = sqlite3_column_int64(stmt, 6);
			c.increase = sqlite3_column_int64(stmt, 7);
			c.ops_fte = sqlite3_column_int64(stmt, 8);
			c.fte_cost = sqlite3_column_int64(stmt, 9);
			c.lockin_cost = sqlite3_column_int64(stmt, 10);
			c.lockin_prob = sqlite3_column_int64(stmt, 11);
			out_fixed2(o, cost_annual_run_rate(&c));
			out_fixed2(o, cost_tco_24m(&c));
		}
		out_end_row(o);
		if (++*rows % 100000 == 0)
			progress("exported", *rows, 0);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		out_finish(o);
		return err_db(db, "cannot read %s", xtable_names[t]);
	}
	return out_finish(o);
}

static int
export_decisions(sqlite3 *db, int32_t today, int32_t horizon, enum fmt fmt,
    FILE *fp, long *rows)
{
	struct flagger	 fl;
	struct decision	 d;
	struct flags	 f;
	sqlite3_stmt	*stmt;
	struct out	*o;
	char		*sql, day[DATE_BUFSZ];
	int		 rc;

	if (flagger_init(&fl, db, today, horizon) == -1)
		return -1;
	sql = xasprintf("SELECT %s, %s FROM decisions d ORDER BY id",
	    decision_columns_sql(), flags_hint_sql);
	stmt = db_prepare(db, sql);
	free(sql);
	if (stmt == NULL) {
		flagger_release(&fl);
		return -1;
	}
	db_bind_named(stmt, ":today", date_format(today, day));
	o = out_new(fmt, fp, view_decision_cols, view_decision_ncols, -1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (decision_read_row(stmt, &d) == -1)
			break;
		fl.may = (unsigned)sqlite3_column_int(stmt,
		    (int)decision_field_count + 1);
		if (flags_eval(&fl, &d, &f) == -1) {
			decision_release(&d);
			break;
		}
		view_decision_row(o, &d, &f);
		out_end_row(o);
		flags_release(&f);
		decision_release(&d);
		if (++*rows % 100000 == 0)
			progress("exported", *rows, 0);
	}
	sqlite3_finalize(stmt);
	flagger_release(&fl);
	if (rc != SQLITE_DONE) {
		if (err_msg() == NULL)
			err_db(db, "cannot read decisions");
		out_finish(o);
		return -1;
	}
	return out_finish(o);
}

int
export_table(sqlite3 *db, enum xtable t, int32_t today, int32_t horizon,
    enum fmt fmt, FILE *fp, long *rows)
{
	int	rc;

	*rows = 0;
	progress("exported", 0, 0);
	if (t == XT_DECISIONS)
		rc = export_decisions(db, today, horizon, fmt, fp, rows);
	else
		rc = export_plain(db, t, fmt, fp, rows);
	if (rc == 0 && *rows >= 5000)
		progress("exported", *rows, 1);
	return rc;
}
