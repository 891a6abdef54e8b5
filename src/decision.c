/*
 * The decision record: the field table that drives loading, saving and
 * the per-field history, and the rules every command shares.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "history.h"
#include "util.h"

const char *const gate_names[GATE_COUNT] = {
	"differentiation", "maintenance", "no_alternative", "opportunity"
};

#define DC (catalog[XT_DECISIONS].cols)
#define DN (catalog[XT_DECISIONS].ncols)

#define MEMBER(d, c, type) \
	((type *)(void *)((char *)(uintptr_t)(d) + (c)->offset))

/* Whether c is a stored field (a member, an SQL column, not the id). */
static int
is_field(const struct column *c)
{
	return c->sql != NULL && c->offset != NO_MEMBER && c->kind != KIND_ID;
}

static int
is_text(const struct column *c)
{
	return c->kind == KIND_TEXT || c->kind == KIND_ENUM ||
	    c->kind == KIND_CURRENCY;
}

const char *
decision_field_text(const struct decision *d, const struct column *c,
    char *buf)
{
	int	numeric;

	return catalog_text(&catalog[XT_DECISIONS], c, d, NULL, buf,
	    &numeric);
}

const struct column *
decision_field_find(const char *name)
{
	const struct column	*c = catalog_column(XT_DECISIONS, name);

	return c != NULL && is_field(c) ? c : NULL;
}

void
decision_init(struct decision *d)
{
	memset(d, 0, sizeof(*d));
}

void
decision_release(struct decision *d)
{
	int	i;

	for (i = 0; i < DN; i++)
		if (is_field(&DC[i]) && is_text(&DC[i]))
			free(*MEMBER(d, &DC[i], char *));
	decision_init(d);
}

void
decision_set_text(char **member, const char *value)
{
	char	*copy = value != NULL ? xstrdup(value) : NULL;

	free(*member);
	*member = copy;
}

const char *
decision_columns_sql(void)
{
	return catalog_columns_sql(XT_DECISIONS);
}

int
decision_columns_count(void)
{
	return catalog_columns_count(XT_DECISIONS);
}

int
decision_read_row(struct stmt *stmt, struct decision *d)
{
	const struct column	*c;
	const char		*s;
	int			 i, k = 0;

	decision_init(d);
	for (i = 0; i < DN; i++) {
		c = &DC[i];
		if (c->sql == NULL)
			continue;
		switch (c->kind) {
		case KIND_TEXT:
		case KIND_ENUM:
		case KIND_CURRENCY:
			*MEMBER(d, c, char *) = db_column_strdup(stmt, k);
			break;
		case KIND_DATE:
			s = (const char *)engine_column_text(stmt, k);
			if (s == NULL || date_parse(s, MEMBER(d, c, int32_t))
			    == -1) {
				decision_release(d);
				return err_fail("decision %lld: damaged %s "
				    "(run 'mvb check')",
				    (long long)engine_column_int(stmt, 0),
				    c->name);
			}
			break;
		default:
			*MEMBER(d, c, int64_t) = engine_column_int(stmt, k);
			break;
		}
		k++;
	}
	if (!cost_valid(&d->cost)) {
		decision_release(d);
		return err_fail("decision %lld: damaged cost figures (run "
		    "'mvb check')", (long long)engine_column_int(stmt, 0));
	}
	return 0;
}

int
decision_load(struct db *db, int64_t id, struct decision *d)
{
	struct stmt	*stmt;
	char		*sql;
	int		 rc;

	decision_init(d);
	sql = xasprintf("SELECT %s FROM decisions WHERE id = $1",
	    decision_columns_sql());
	stmt = db_prepare(db, sql);
	free(sql);
	if (stmt == NULL)
		return -1;
	engine_bind_int(stmt, 1, id);
	if ((rc = engine_step(stmt)) != ENGINE_ROW) {
		engine_finalize(stmt);
		if (rc != ENGINE_DONE)
			return err_db(db, "cannot read decision %lld",
			    (long long)id);
		if (db_check_table(db, "decisions") == -1)
			return -1;
		return err_usage("no decision with id '%lld'", (long long)id);
	}
	rc = decision_read_row(stmt, d);
	engine_finalize(stmt);
	return rc;
}

/* Bind field c of d at idx. */
static void
bind_field(struct stmt *stmt, int idx, const struct decision *d,
    const struct column *c)
{
	char	buf[NUM_BUFSZ];

	if (c->kind == KIND_DATE || is_text(c))
		db_bind_text(stmt, idx, decision_field_text(d, c, buf));
	else
		engine_bind_int(stmt, idx, *MEMBER(d, c, int64_t));
}

int
decision_insert(struct db *db, struct decision *d)
{
	struct stmt	*stmt = NULL;
	int		 rc;

	rc = decision_store(db, &stmt, d);
	engine_finalize(stmt);
	if (rc == -1)
		return -1;
	return history_add(db, d->id, "created", NULL, d->title);
}

/* The most columns stream_row() writes. */
#define STREAM_COLS	32

int
decision_stream(struct db *db)
{
	if (decision_columns_count() > STREAM_COLS)
		return 1;
	return engine_copy_begin(db, "decisions", decision_columns_sql());
}

/* d as a row of decision_stream(), its columns in the INSERT's order. */
static int
stream_row(struct db *db, const struct decision *d)
{
	const char	*v[STREAM_COLS];
	char		 buf[STREAM_COLS][NUM_BUFSZ];
	int		 i, k = 0;

	snprintf(buf[k], NUM_BUFSZ, "%lld", (long long)d->id);
	v[k] = buf[k];
	k++;
	for (i = 0; i < DN; i++) {
		if (!is_field(&DC[i]))
			continue;
		if (DC[i].kind == KIND_DATE || is_text(&DC[i]))
			v[k] = decision_field_text(d, &DC[i], buf[k]);
		else {
			snprintf(buf[k], NUM_BUFSZ, "%lld",
			    (long long)*MEMBER(d, &DC[i], int64_t));
			v[k] = buf[k];
		}
		k++;
	}
	if (engine_copy_row(db, v, k) == -1)
		return err_db(db, "cannot write decision");
	return 0;
}

int
decision_store(struct db *db, struct stmt **cache, struct decision *d)
{
	struct strbuf	 sql;
	struct stmt	*stmt;
	int		 i, k;

	/*
	 * An id left out is one past the largest, as either engine would
	 * give it; taken here (the write lock is held) so that the insert
	 * needs no RETURNING, for which SQLite fills a temporary table at
	 * every row. The caller's transaction is rolled back when no id is
	 * left: ids never pass what decision_parse_id() reads.
	 */
	if (d->id <= 0 && db_query_int(db, "SELECT coalesce(max(id), 0) + 1 "
	    "FROM decisions", &d->id) == -1)
		return -1;
	if (d->id > DECISION_ID_MAX)
		return err_usage("no decision ids left (the largest is %lld)",
		    (long long)DECISION_ID_MAX);
	if (engine_copying(db, "decisions"))
		return stream_row(db, d);
	if ((stmt = *cache) != NULL) {
		engine_reset(stmt);
		engine_clear_bindings(stmt);
		goto bind;
	}
	sb_init(&sql);
	sb_addf(&sql, "INSERT INTO decisions (%s) VALUES ($1",
	    decision_columns_sql());
	for (i = 1; i < decision_columns_count(); i++)
		sb_addf(&sql, ", $%d", i + 1);
	sb_adds(&sql, ")");
	*cache = stmt = db_prepare(db, sql.buf);
	sb_release(&sql);
	if (stmt == NULL)
		return -1;
bind:
	engine_bind_int(stmt, 1, d->id);
	for (i = 0, k = 2; i < DN; i++)
		if (is_field(&DC[i]))
			bind_field(stmt, k++, d, &DC[i]);
	k = engine_step(stmt);
	engine_reset(stmt);
	if (k != ENGINE_DONE)
		return err_db(db, "cannot write decision");
	return 0;
}

static int
by_member(const void *a, const void *b)
{
	size_t	x = (*(const struct column *const *)a)->offset;
	size_t	y = (*(const struct column *const *)b)->offset;

	return x < y ? -1 : x > y;
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
decision_update(struct db *db, const struct decision *old,
    const struct decision *new)
{
	const struct column	*f;
	const struct column	*changed[32];
	struct stmt		*stmt;
	struct strbuf		 sql;
	char			 ob[NUM_BUFSZ], nb[NUM_BUFSZ];
	const char		*ov, *nv;
	size_t			 i, n = 0;
	int			 k;

	for (k = 0; k < DN; k++) {
		f = &DC[k];
		if (is_field(f) && !same(decision_field_text(old, f, ob),
		    decision_field_text(new, f, nb)))
			changed[n++] = f;
	}
	if (n == 0)
		return 0;
	/* History entries follow struct decision's member order. */
	qsort(changed, n, sizeof(changed[0]), by_member);
	/* One statement, so that the row's checks see all changes at once. */
	sb_init(&sql);
	sb_adds(&sql, "UPDATE decisions SET ");
	for (i = 0; i < n; i++)
		sb_addf(&sql, "%s%s = $%zu", i ? ", " : "", changed[i]->sql,
		    i + 1);
	sb_addf(&sql, " WHERE id = $%zu", n + 1);
	stmt = db_prepare(db, sql.buf);
	sb_release(&sql);
	if (stmt == NULL)
		return -1;
	for (i = 0; i < n; i++)
		bind_field(stmt, (int)i + 1, new, changed[i]);
	engine_bind_int(stmt, (int)n + 1, new->id);
	if (db_run(db, stmt) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		f = changed[i];
		/* Stored derived dates follow from the facts; not logged. */
		if (f->flags & COL_DERIVED)
			continue;
		ov = decision_field_text(old, f, ob);
		nv = decision_field_text(new, f, nb);
		if (history_add(db, new->id, f->name, ov, nv) == -1)
			return -1;
	}
	return (int)n;
}

int
decision_parse_id(const char *s, int64_t *id)
{
	const char	*p;
	int64_t		 n = 0;

	for (p = s; *p >= '0' && *p <= '9' && p - s < 18; p++)
		n = n * 10 + (*p - '0');
	if (p == s || *p != '\0' || n <= 0)
		return err_usage("invalid decision id '%s'", err_quote(s));
	*id = n;
	return 0;
}

int
choice_valid(const char *s)
{
	return catalog_one_of(s, choice_values);
}

int
status_valid(const char *s)
{
	return catalog_one_of(s, status_values);
}

const char *
decision_review_why(int32_t next, int32_t anchor, const struct settings *s,
    char *why)
{
	char	nb[DATE_BUFSZ], ab[DATE_BUFSZ], db[DATE_BUFSZ];
	int32_t	deadline = date_add_months(anchor, s->deadline_months);

	if (next >= anchor && next <= deadline)
		return NULL;
	snprintf(why, RULE_WHYSZ, "'%s' is outside the review range %s to %s",
	    date_format(next, nb), date_format(anchor, ab),
	    date_format(deadline, db));
	return why;
}

const char *
decision_future_why(int32_t date, int32_t today, char *why)
{
	char	db[DATE_BUFSZ], tb[DATE_BUFSZ];

	if (date <= today)
		return NULL;
	snprintf(why, RULE_WHYSZ, "'%s' is after today (%s)",
	    date_format(date, db), date_format(today, tb));
	return why;
}

const char *
decision_replacement_why(int64_t id, int64_t by, char *why)
{
	if (by != id)
		return NULL;
	snprintf(why, RULE_WHYSZ, "decision %lld cannot replace itself",
	    (long long)id);
	return why;
}

int
decision_check_review(const char *option, int32_t next, int32_t anchor,
    const struct settings *s)
{
	char	why[RULE_WHYSZ];

	if (decision_review_why(next, anchor, s, why) == NULL)
		return 0;
	return err_usage("%s: %s", option, why);
}

int
decision_check_not_future(const char *option, int32_t date, int32_t today)
{
	char	why[RULE_WHYSZ];

	if (decision_future_why(date, today, why) == NULL)
		return 0;
	return err_usage("%s: %s", option, why);
}

int
decision_check_replacement(const char *option, int64_t id, int64_t by)
{
	char	why[RULE_WHYSZ];

	if (decision_replacement_why(id, by, why) == NULL)
		return 0;
	return err_usage("%s: %s", option, why);
}

int
decision_anchor(struct db *db, int64_t id, int32_t decided_on, int32_t *anchor)
{
	struct stmt	*stmt;
	const char	*s;
	int32_t		 latest;
	int		 rc;

	stmt = db_prepare(db, "SELECT max(reviewed_on) FROM "
	    DECISION_ANCHOR_REVIEWS_SQL " r WHERE decision_id = $1");
	if (stmt == NULL)
		return -1;
	engine_bind_int(stmt, 1, id);
	if ((rc = engine_step(stmt)) != ENGINE_ROW) {
		engine_finalize(stmt);
		return err_db(db, "cannot read the reviews of decision %lld",
		    (long long)id);
	}
	*anchor = decided_on;
	s = (const char *)engine_column_text(stmt, 0);
	if (s != NULL && date_parse(s, &latest) == -1) {
		engine_finalize(stmt);
		return err_fail("decision %lld: damaged reviewed_on in its "
		    "reviews (run 'mvb check')", (long long)id);
	}
	if (s != NULL && latest > *anchor)
		*anchor = latest;
	engine_finalize(stmt);
	return 0;
}
