/*
 * Storing the evidence behind decisions: assumptions, metrics and their
 * measurements, sunset criteria; each change appended to the history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "history.h"
#include "evidence.h"

int
evidence_next_number(struct db *db, const char *table, int64_t id,
    int *number)
{
	struct stmt	*stmt;
	char		 sql[128];
	int64_t		 next = 0;
	int		 rc;

	snprintf(sql, sizeof(sql), "SELECT coalesce(max(number), 0) + 1 FROM %s "
	    "WHERE decision_id = $1", table);
	if ((stmt = db_prepare(db, sql)) == NULL)
		return -1;
	engine_bind_int(stmt, 1, id);
	if ((rc = engine_step(stmt)) == ENGINE_ROW)
		next = engine_column_int(stmt, 0);
	engine_finalize(stmt);
	if (rc != ENGINE_ROW)
		return err_db(db, "cannot read %s", table);
	if (next > NUMBER_MAX)
		return err_usage("decision %lld has no %s numbers left (the "
		    "largest is %d)", (long long)id, table, NUMBER_MAX);
	*number = (int)next;
	return 0;
}

int
assumption_add(struct db *db, int64_t id, const char *text, int *number)
{
	struct assumption	 a;
	struct stmt		*stmt = NULL;
	char			 what[32];
	int			 rc;

	if (evidence_next_number(db, "assumptions", id, number) == -1)
		return -1;
	memset(&a, 0, sizeof(a));
	a.decision_id = id;
	a.number = *number;
	a.text = text;
	a.status = "holding";
	a.invalidated_on = a.confirmed_on = DATE_NONE;
	rc = assumption_store(db, &stmt, &a);
	engine_finalize(stmt);
	if (rc == -1)
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
assumption_store(struct db *db, struct stmt **cache,
    const struct assumption *a)
{
	return catalog_store(db, cache, XT_ASSUMPTIONS, a);
}

int
metric_store(struct db *db, struct stmt **cache, const struct metric *m)
{
	return catalog_store(db, cache, XT_METRICS, m);
}

int
measurement_store(struct db *db, struct stmt **cache,
    const struct measurement *m)
{
	return catalog_store(db, cache, XT_MEASUREMENTS, m);
}

int
metric_exists(struct db *db, struct stmt **cache, int64_t id,
    const char *name)
{
	struct stmt	*stmt;
	int		 rc;

	if (*cache == NULL)
		*cache = db_prepare(db, "SELECT 1 FROM metrics WHERE "
		    "decision_id = $1 AND name = $2");
	if ((stmt = *cache) == NULL)
		return -1;
	engine_reset(stmt);
	engine_bind_int(stmt, 1, id);
	engine_bind_text(stmt, 2, name);
	rc = engine_step(stmt);
	engine_reset(stmt);
	if (rc == ENGINE_ROW)
		return 1;
	if (rc == ENGINE_DONE)
		return 0;
	return err_db(db, "cannot read metrics");
}

const char *
assumption_next(int invalidated, const char *inv, const char *conf,
    int invalidate, const char *day, const char **new_inv,
    const char **new_conf)
{
	const char	*status;

	/* The latest dated event decides; on a tie this call wins. */
	if (invalidate) {
		*new_inv = invalidated ? later(inv, day) : day;
		*new_conf = conf;
		status = conf != NULL && strcmp(conf, *new_inv) > 0 &&
		    !invalidated ? "holding" : "invalidated";
	} else {
		*new_conf = later(conf, day);
		*new_inv = inv;
		status = inv != NULL && strcmp(inv, day) > 0 ? "invalidated" :
		    "holding";
	}
	if (strcmp(status, "holding") == 0)
		*new_inv = NULL;
	return status;
}

int
assumption_mark(struct db *db, int64_t id, int number, int invalidate,
    int32_t on, const char *note)
{
	struct stmt	*stmt;
	char		*status = NULL, *inv = NULL, *conf = NULL;
	char		*old_note = NULL;
	char		 day[DATE_BUFSZ], what[48], was[96], now[96];
	const char	*new_inv, *new_conf, *new_status;
	int		 rc = -1;

	stmt = db_prepare(db, "SELECT status, invalidated_on, confirmed_on, "
	    "note FROM assumptions WHERE decision_id = $1 AND number = $2");
	if (stmt == NULL)
		return -1;
	engine_bind_int(stmt, 1, id);
	engine_bind_int(stmt, 2, number);
	if ((rc = engine_step(stmt)) != ENGINE_ROW) {
		engine_finalize(stmt);
		if (rc != ENGINE_DONE)
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
	engine_finalize(stmt);
	date_format(on, day);

	new_status = assumption_next(strcmp(status, "invalidated") == 0, inv,
	    conf, invalidate, day, &new_inv, &new_conf);
	stmt = db_prepare(db, "UPDATE assumptions SET status = $1, "
	    "invalidated_on = $2, confirmed_on = $3, note = $4 "
	    "WHERE decision_id = $5 AND number = $6");
	if (stmt == NULL)
		goto out;
	engine_bind_text(stmt, 1, new_status);
	db_bind_text(stmt, 2, new_inv);
	db_bind_text(stmt, 3, new_conf);
	db_bind_text(stmt, 4, invalidate && note != NULL ? note : old_note);
	engine_bind_int(stmt, 5, id);
	engine_bind_int(stmt, 6, number);
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

int
metric_add(struct db *db, int64_t id, const char *name, const char *op,
    const char *target, const char *unit, int32_t target_on)
{
	struct metric	 m;
	struct stmt	*stmt = NULL;
	char		 day[DATE_BUFSZ], *what, *desc;
	int		 rc;

	rc = metric_exists(db, &stmt, id, name);
	engine_finalize(stmt);
	if (rc == -1)
		return -1;
	if (rc == 1)
		return err_usage("metric: decision %lld already has a metric "
		    "'%s'", (long long)id, err_quote(name));
	memset(&m, 0, sizeof(m));
	m.decision_id = id;
	m.name = name;
	m.op = op;
	snprintf(m.target, sizeof(m.target), "%s", target);
	m.unit = unit;
	m.target_on = target_on;
	stmt = NULL;
	rc = metric_store(db, &stmt, &m);
	engine_finalize(stmt);
	if (rc == -1)
		return -1;
	date_format(target_on, day);
	what = xasprintf("metric %s", name);
	desc = xasprintf("%s %s%s%s by %s", op, target, unit ? " " : "",
	    unit ? unit : "", day);
	rc = history_add(db, id, what, NULL, desc);
	free(what);
	free(desc);
	return rc;
}

int
measurement_add(struct db *db, int64_t id, const char *name, int32_t on,
    const char *value)
{
	struct measurement	 m;
	struct stmt		*stmt = NULL;
	char			 day[DATE_BUFSZ], *what, *desc;
	int			 rc;

	rc = metric_exists(db, &stmt, id, name);
	engine_finalize(stmt);
	if (rc == -1 || (rc == 0 && db_check_table(db, "metrics") == -1))
		return -1;
	if (rc == 0)
		return err_usage("measure: decision %lld has no metric '%s' "
		    "(add it with 'mvb metric')", (long long)id,
		    err_quote(name));
	memset(&m, 0, sizeof(m));
	m.decision_id = id;
	m.metric = name;
	m.measured_on = on;
	snprintf(m.value, sizeof(m.value), "%s", value);
	stmt = NULL;
	rc = measurement_store(db, &stmt, &m);
	engine_finalize(stmt);
	if (rc == -1)
		return -1;
	date_format(on, day);
	what = xasprintf("measure %s", name);
	desc = xasprintf("%s on %s", value, day);
	rc = history_add(db, id, what, NULL, desc);
	free(what);
	free(desc);
	return rc;
}
