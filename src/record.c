/*
 * Loading a decision's whole record (record.h): one query a table, each
 * reading every row of the decision at once; the metrics come with their
 * measurements in one join.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "flags.h"
#include "record.h"
#include "util.h"

/* Grow an array by one element; returns the new, zeroed element. */
static void *
grow(void *arrayp, size_t *n, size_t size)
{
	void	**array = arrayp;
	char	 *e;

	*array = xrealloc(*array, (*n + 1) * size);
	e = (char *)*array + *n * size;
	memset(e, 0, size);
	(*n)++;
	return e;
}

/* Prepare sql with decision id bound to its one parameter. */
static struct stmt *
query(struct db *db, const char *sql, int64_t id)
{
	struct stmt	*stmt;

	if ((stmt = db_prepare(db, sql)) != NULL)
		engine_bind_int(stmt, 1, id);
	return stmt;
}

/* Finish a query stepped to rc; what names the rows for the error. */
static int
done(struct db *db, struct stmt *stmt, int rc, const char *what)
{
	engine_finalize(stmt);
	if (rc != ENGINE_DONE)
		return err_db(db, "cannot read %s", what);
	return 0;
}

static int
load_assumptions(struct db *db, struct record *r)
{
	struct record_assumption	*a;
	struct stmt			*stmt;
	int				 rc;

	stmt = query(db, "SELECT number, text, status, invalidated_on, "
	    "confirmed_on, note FROM assumptions WHERE decision_id = $1 "
	    "ORDER BY number", r->d.id);
	if (stmt == NULL)
		return -1;
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		a = grow(&r->assumptions, &r->nassumptions, sizeof(*a));
		a->number = engine_column_int(stmt, 0);
		a->text = db_column_strdup(stmt, 1);
		a->status = db_column_strdup(stmt, 2);
		a->invalidated_on = db_column_strdup(stmt, 3);
		a->confirmed_on = db_column_strdup(stmt, 4);
		a->note = db_column_strdup(stmt, 5);
	}
	return done(db, stmt, rc, "assumptions");
}

/* The metrics and, in the same rows, their measurements: a metric without
 * any comes once with NULL measurement columns. */
static int
load_metrics(struct db *db, struct record *r)
{
	struct record_metric		*m = NULL;
	struct record_measurement	*v;
	struct stmt			*stmt;
	const char			*name;
	int				 rc;

	stmt = query(db, "SELECT m.name, m.op, m.target, m.unit, "
	    "m.target_on, v.measured_on, v.value FROM metrics AS m "
	    "LEFT JOIN measurements AS v ON v.decision_id = m.decision_id "
	    "AND v.metric = m.name WHERE m.decision_id = $1 "
	    "ORDER BY m.target_on, m.name, v.measured_on, v.id", r->d.id);
	if (stmt == NULL)
		return -1;
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		name = (const char *)engine_column_text(stmt, 0);
		if (m == NULL || strcmp(m->name, name) != 0) {
			m = grow(&r->metrics, &r->nmetrics, sizeof(*m));
			m->name = db_column_strdup(stmt, 0);
			m->op = db_column_strdup(stmt, 1);
			m->target = db_column_strdup(stmt, 2);
			m->unit = db_column_strdup(stmt, 3);
			m->target_on = db_column_strdup(stmt, 4);
		}
		if (engine_column_null(stmt, 5))
			continue;
		v = grow(&m->measurements, &m->nmeasurements, sizeof(*v));
		v->measured_on = db_column_strdup(stmt, 5);
		v->value = db_column_strdup(stmt, 6);
	}
	return done(db, stmt, rc, "metrics");
}

static int
load_sunset(struct db *db, struct record *r)
{
	struct record_sunset	*s;
	struct stmt		*stmt;
	int			 rc;

	stmt = query(db, "SELECT number, expression FROM sunset "
	    "WHERE decision_id = $1 ORDER BY number", r->d.id);
	if (stmt == NULL)
		return -1;
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		s = grow(&r->sunset, &r->nsunset, sizeof(*s));
		s->number = engine_column_int(stmt, 0);
		s->expression = db_column_strdup(stmt, 1);
	}
	return done(db, stmt, rc, "sunset");
}

static int
load_reviews(struct db *db, struct record *r)
{
	struct record_review	*rv;
	struct stmt		*stmt;
	int			 rc;

	stmt = query(db, "SELECT reviewed_on, outcome, next_review_on, "
	    "replaced_by, notes FROM reviews WHERE decision_id = $1 "
	    "ORDER BY reviewed_on, id", r->d.id);
	if (stmt == NULL)
		return -1;
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		rv = grow(&r->reviews, &r->nreviews, sizeof(*rv));
		rv->reviewed_on = db_column_strdup(stmt, 0);
		rv->outcome = db_column_strdup(stmt, 1);
		rv->next_review_on = db_column_strdup(stmt, 2);
		rv->replaced_by = engine_column_int(stmt, 3);
		rv->notes = db_column_strdup(stmt, 4);
	}
	return done(db, stmt, rc, "reviews");
}

static int
load_options(struct db *db, struct record *r)
{
	struct record_option	*o;
	struct stmt		*stmt;
	int			 rc;

	stmt = query(db, "SELECT number, name, choice, currency, "
	    "one_time_cents, monthly_cents, increase_hundredths, "
	    "ops_fte_hundredths, fte_cost_cents, lockin_cost_cents, "
	    "lockin_prob_hundredths FROM options WHERE decision_id = $1 "
	    "ORDER BY number", r->d.id);
	if (stmt == NULL)
		return -1;
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		o = grow(&r->options, &r->noptions, sizeof(*o));
		o->number = engine_column_int(stmt, 0);
		o->name = db_column_strdup(stmt, 1);
		o->choice = db_column_strdup(stmt, 2);
		o->currency = db_column_strdup(stmt, 3);
		o->cost.one_time = engine_column_int(stmt, 4);
		o->cost.monthly = engine_column_int(stmt, 5);
		o->cost.increase = engine_column_int(stmt, 6);
		o->cost.ops_fte = engine_column_int(stmt, 7);
		o->cost.fte_cost = engine_column_int(stmt, 8);
		o->cost.lockin_cost = engine_column_int(stmt, 9);
		o->cost.lockin_prob = engine_column_int(stmt, 10);
	}
	return done(db, stmt, rc, "options");
}

/* The flags as of today, 'upcoming' reaching as far as settings say. */
static int
load_flags(struct db *db, int32_t today, const struct settings *settings,
    struct record *r)
{
	struct flagger	fl;
	int		rc;

	if (flagger_init(&fl, db, today, date_add_duration(today,
	    &settings->within)) == -1)
		return -1;
	rc = flags_eval(&fl, &r->d, &r->f);
	flagger_release(&fl);
	return rc;
}

int
record_load(struct db *db, int64_t id, int32_t today,
    const struct settings *settings, struct record *r)
{
	memset(r, 0, sizeof(*r));
	decision_init(&r->d);
	if (decision_load(db, id, &r->d) == -1 ||
	    load_flags(db, today, settings, r) == -1 ||
	    load_assumptions(db, r) == -1 || load_metrics(db, r) == -1 ||
	    load_sunset(db, r) == -1 || load_reviews(db, r) == -1 ||
	    load_options(db, r) == -1)
		return -1;
	return 0;
}

void
record_release(struct record *r)
{
	size_t	i, j;

	for (i = 0; i < r->nassumptions; i++) {
		free(r->assumptions[i].text);
		free(r->assumptions[i].status);
		free(r->assumptions[i].invalidated_on);
		free(r->assumptions[i].confirmed_on);
		free(r->assumptions[i].note);
	}
	free(r->assumptions);
	for (i = 0; i < r->nmetrics; i++) {
		for (j = 0; j < r->metrics[i].nmeasurements; j++) {
			free(r->metrics[i].measurements[j].measured_on);
			free(r->metrics[i].measurements[j].value);
		}
		free(r->metrics[i].measurements);
		free(r->metrics[i].name);
		free(r->metrics[i].op);
		free(r->metrics[i].target);
		free(r->metrics[i].unit);
		free(r->metrics[i].target_on);
	}
	free(r->metrics);
	for (i = 0; i < r->nsunset; i++)
		free(r->sunset[i].expression);
	free(r->sunset);
	for (i = 0; i < r->nreviews; i++) {
		free(r->reviews[i].reviewed_on);
		free(r->reviews[i].outcome);
		free(r->reviews[i].next_review_on);
		free(r->reviews[i].notes);
	}
	free(r->reviews);
	for (i = 0; i < r->noptions; i++) {
		free(r->options[i].name);
		free(r->options[i].choice);
		free(r->options[i].currency);
	}
	free(r->options);
	decision_release(&r->d);
	flags_release(&r->f);
	memset(r, 0, sizeof(*r));
}
