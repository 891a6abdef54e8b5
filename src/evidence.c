/*
 * Storing the evidence behind decisions: assumptions, metrics and their
 * measurements, sunset criteria; each change appended to the history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "evidence.h"
#include "sunset.h"
#include "text.h"

int
evidence_next_number(sqlite3 *db, const char *table, int64_t id,
    int *number)
{
	sqlite3_stmt	*stmt;
	char		 sql[128];
	int64_t		 next = 0;
	int		 rc;

	snprintf(sql, sizeof(sql), "SELECT ifnull(max(number), 0) + 1 FROM %s "
	    "WHERE decision_id = ?", table);
	if ((stmt = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		next = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return err_db(db, "cannot read %s", table);
	if (next > NUMBER_MAX)
		return err_usage("decision %lld has no %s numbers left (the "
		    "largest is %d)", (long long)id, table, NUMBER_MAX);
	*number = (int)next;
	return 0;
}

int
assumption_add(sqlite3 *db, int64_t id, const char *text, int *number)
{
	sqlite3_stmt	*stmt;
	char		 what[32];

	if (evidence_next_number(db, "assumptions", id, number) == -1)
		return -1;
	stmt = db_prepare(db, "INSERT INTO assumptions (decision_id, number, "
	    "text) VALUES (?, ?, ?)");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, *number);
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_TRANSIENT);
	if (db_run(db, stmt) == -1)
		return -1;
	snprintf(what, sizeof(what), "assumption %d", *number);
	return history_add(db, id, what, NULL, text);
}

/* The later of two optional dates (NULL when both are missing). */
static const char *
later(const char *a, const char *b)
{
	if (a == NULL)
		return b;
	if (b == NULL)
		return a;
	return strcmp(a, b) >= 0 ? a : b;
}

int
assumption_mark(sqlite3 *db, int64_t id, int number, int invalidate,
    int32_t on, const char *note)
{
	sqlite3_stmt	*stmt;
	char		*status = NULL, *inv = NULL, *conf = NULL;
	char		*old_note = NULL;
	char		 day[DATE_BUFSZ], what[48], was[96], now[96];
	const char	*new_inv, *new_conf, *new_status;
	int		 rc = -1;

	stmt = db_prepare(db, "SELECT status, invalidated_on, confirmed_on, "
	    "note FROM assumptions WHERE decision_id = ? AND number = ?");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, number);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE)
			return err_db(db, "cannot read assumptions");
		if (db_check_table(db, "assumptions") == -1)
			return -1;
		return err_usage("N: decision %lld has no assumption %d",
		    (long long)id, number);
	}
	status = db_column_strdup(stmt, 0);
	inv = db_column_strdup(stmt, 1);
	conf = db_column_strdup(stmt, 2);
	old_note = db_column_strdup(stmt, 3);
	sqlite3_finalize(stmt);
	date_format(on, day);

	/* The latest dated event decides; on a tie this call wins. */
	if (invalidate) {
		new_inv = strcmp(status, "invalidated") == 0 ?
		    later(inv, day) : day;
		new_conf = conf;
		new_status = conf != NULL && strcmp(conf, new_inv) > 0 &&
		    strcmp(status, "invalidated") != 0 ? "holding" :
		    "invalidated";
	} else {
		new_conf = later(conf, day);
		new_inv = inv;
		new_status = inv != NULL && strcmp(inv, day) > 0 ?
		    "invalidated" : "holding";
	}
	if (strcmp(new_status, "holding") == 0)
		new_inv = NULL;
	stmt = db_prepare(db, "UPDATE assumptions SET status = ?, "
	    "invalidated_on = ?, confirmed_on = ?, note = ? "
	    "WHERE decision_id = ? AND number = ?");
	if (stmt == NULL)
		goto out;
	sqlite3_bind_text(stmt, 1, new_status, -1, SQLITE_STATIC);
	db_bind_text(stmt, 2, new_inv);
	db_bind_text(stmt, 3, new_conf);
	db_bind_text(stmt, 4, invalidate && note != NULL ? note : old_note);
	sqlite3_bind_int64(stmt, 5, id);
	sqlite3_bind_int(stmt, 6, number);
	if (db_run(db, stmt) == -1)
		goto out;
	snprintf(what, sizeof(what), "%s assumption %d",
	    invalidate ? "invalidate" : "confirm", number);
	snprintf(was, sizeof(was), "%s", status);
	snprintf(now, sizeof(now), "%s (%s on %s)", new_status,
	    invalidate ? "invalidated" : "confirmed", day);
	rc = history_add(db, id, what, was, now);
	if (rc == 0 && invalidate && note != NULL) {
		snprintf(what, sizeof(what), "note of assumption %d", number);
		rc = history_add(db, id, what, old_note, note);
	}
out:
	free(status);
	free(inv);
	free(conf);
	free(old_note);
	return rc;
}

/* 1 when decision id has a metric name, 0 when none was found (which a
 * damaged table can also give: see db_check_table()), -1 on error. */
static int
metric_exists(sqlite3 *db, int64_t id, const char *name)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	stmt = db_prepare(db, "SELECT 1 FROM metrics WHERE decision_id = ? "
	    "AND name = ?");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : err_db(db, "cannot read metrics");
}

int
metric_add(sqlite3 *db, int64_t id, const char *name, const char *op,
    const char *target, const char *unit, int32_t target_on)
{
	sqlite3_stmt	*stmt;
	char		 day[DATE_BUFSZ], *what, *desc;
	int		 rc;

	if ((rc = metric_exists(db, id, name)) == -1)
		return -1;
	if (rc == 1)
		return err_usage("metric: decision %lld already has a metric "
		    "'%s'", (long long)id, name);
	stmt = db_prepare(db, "INSERT INTO metrics (decision_id, name, op, "
	    "target, unit, target_on) VALUES (?, ?, ?, ?, ?, ?)");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, op, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, target, -1, SQLITE_TRANSIENT);
	db_bind_text(stmt, 5, unit);
	sqlite3_bind_text(stmt, 6, date_format(target_on, day), -1,
	    SQLITE_TRANSIENT);
	if (db_run(db, stmt) == -1)
		return -1;
	what = xasprintf("metric %s", name);
	desc = xasprintf("%s %s%s%s by %s", op, target, unit ? " " : "",
	    unit ? unit : "", day);
	rc = history_add(db, id, what, NULL, desc);
	free(what);
	free(desc);
	return rc;
}

int
measurement_add(sqlite3 *db, int64_t id, const char *name, int32_t on,
    const char *value)
{
	sqlite3_stmt	*stmt;
	char		 day[DATE_BUFSZ], *what, *desc;
	int		 rc;

	if ((rc = metric_exists(db, id, name)) == -1 ||
	    (rc == 0 && db_check_table(db, "metrics") == -1))
		return -1;
	if (rc == 0)
		return err_usage("measure: decision %lld has no metric '%s' "
		    "(add it with 'mvb metric')", (long long)id, name);
	stmt = db_prepare(db, "INSERT INTO measurements (decision_id, metric, "
	    "measured_on, value) VALUES (?, ?, ?, ?)");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, date_format(on, day), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, value, -1, SQLITE_TRANSIENT);
	if (db_run(db, stmt) == -1)
		return -1;
	what = xasprintf("measure %s", name);
	desc = xasprintf("%s on %s", value, day);
	rc = history_add(db, id, what, NULL, desc);
	free(what);
	free(desc);
	return rc;
}

int
sunset_add(sqlite3 *db, int64_t id, const char *expr, int *number)
{
	struct sunset_expr	 e;
	struct strbuf		 canon;
	sqlite3_stmt		*stmt;
	char			 why[512], what[32], *quoted;
	int			 rc;

	if (sunset_parse(expr, &e, why, sizeof(why)) == -1) {
		quoted = text_quote(expr, TEXT_MAX);
		err_usage("sunset: invalid expression '%s': %s", quoted, why);
		free(quoted);
		return -1;
	}
	if (e.kind == SUNSET_METRIC) {
		if ((rc = metric_exists(db, id, e.name)) == -1 ||
		    (rc == 0 && db_check_table(db, "metrics") == -1))
			return -1;
		if (rc == 0) {
			quoted = text_quote(expr, TEXT_MAX);
			err_usage("sunset: invalid expression '%s': decision "
			    "%lld has no metric '%s'", quoted, (long long)id,
			    e.name);
			free(quoted);
			return -1;
		}
	}
	if (evidence_next_number(db, "sunset", id, number) == -1)
		return -1;
	stmt = NULL;
	rc = sunset_store(db, &stmt, id, *number, &e);
	sqlite3_finalize(stmt);
	if (rc == -1)
		return -1;
	sb_init(&canon);
	sunset_format(&e, &canon);
	snprintf(what, sizeof(what), "sunset %d", *number);
	rc = history_add(db, id, what, NULL, canon.buf);
	sb_release(&canon);
	return rc;
}

int
sunset_store(sqlite3 *db, sqlite3_stmt **cache, int64_t id, int64_t number,
    const struct sunset_expr *e)
{
	struct strbuf	 canon;
	sqlite3_stmt	*stmt;
	char		 day[DATE_BUFSZ], amount[NUM_BUFSZ];
	int		 rc;

	if (*cache == NULL)
		*cache = db_prepare(db, "INSERT INTO sunset (decision_id, "
		    "number, expression, kind, metric, op, threshold, on_date) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	if ((stmt = *cache) == NULL)
		return -1;
	sqlite3_reset(stmt);
	sb_init(&canon);
	sunset_format(e, &canon);
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, number);
	sqlite3_bind_text(stmt, 3, canon.buf, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, sunset_kind_names[e->kind], -1,
	    SQLITE_STATIC);
	db_bind_text(stmt, 5, e->kind == SUNSET_METRIC ? e->name : NULL);
	db_bind_text(stmt, 6, e->kind != SUNSET_ON ? e->op : NULL);
	db_bind_text(stmt, 7, e->kind == SUNSET_METRIC ? e->number :
	    e->kind == SUNSET_MONTHLY_COST ? fixed2_format(e->amount, amount) :
	    NULL);
	db_bind_text(stmt, 8, e->has_date ? date_format(e->date, day) : NULL);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	sb_release(&canon);
	if (rc != SQLITE_DONE)
		return err_db(db, "cannot write the sunset criterion");
	return 0;
}
