/*
 * The decision record: the field table that drives loading, saving and
 * the per-field history, and the rules every command shares.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "util.h"

const char *const gate_names[GATE_COUNT] = {
	"differentiation", "maintenance", "no_alternative", "opportunity"
};

#define F(name, column, kind, member) \
	{ name, column, kind, offsetof(struct decision, member) }

const struct decision_field decision_fields[] = {
	F("title", "title", FIELD_TEXT, title),
	F("capability", "capability", FIELD_TEXT, capability),
	F("choice", "choice", FIELD_TEXT, choice),
	F("vendor", "vendor", FIELD_TEXT, vendor),
	F("owner", "owner", FIELD_TEXT, owner),
	F("cost_center", "cost_center", FIELD_TEXT, cost_center),
	F("status", "status", FIELD_TEXT, status),
	F("decided_on", "decided_on", FIELD_DATE, decided_on),
	F("anchor_on", "anchor_on", FIELD_DATE, anchor_on),
	F("next_review_on", "next_review_on", FIELD_DATE, next_review_on),
	F("review_deadline", "deadline_on", FIELD_DATE, deadline_on),
	F("rationale", "rationale", FIELD_TEXT, rationale),
	F("gate_differentiation", "gate_differentiation", FIELD_TEXT,
	    gate[GATE_DIFFERENTIATION]),
	F("gate_maintenance", "gate_maintenance", FIELD_TEXT,
	    gate[GATE_MAINTENANCE]),
	F("gate_no_alternative", "gate_no_alternative", FIELD_TEXT,
	    gate[GATE_NO_ALTERNATIVE]),
	F("gate_opportunity", "gate_opportunity", FIELD_TEXT,
	    gate[GATE_OPPORTUNITY]),
	F("currency", "currency", FIELD_TEXT, currency),
	F("one_time_cost", "one_time_cents", FIELD_MONEY, cost.one_time),
	F("monthly_cost", "monthly_cents", FIELD_MONEY, cost.monthly),
	F("annual_increase_pct", "increase_hundredths", FIELD_FIXED2,
	    cost.increase),
	F("ops_fte", "ops_fte_hundredths", FIELD_FIXED2, cost.ops_fte),
	F("fte_annual_cost", "fte_cost_cents", FIELD_MONEY, cost.fte_cost),
	F("lockin_cost", "lockin_cost_cents", FIELD_MONEY, cost.lockin_cost),
	F("lockin_probability", "lockin_prob_hundredths", FIELD_FIXED2,
	    cost.lockin_prob),
};

#undef F

const size_t decision_field_count = ARRAY_SIZE(decision_fields);

#define MEMBER(d, f, type) ((type *)(void *)((char *)(d) + (f)->offset))

const char *
decision_field_text(const struct decision *d, const struct decision_field *f,
    char *buf)
{
	struct decision	*dd = (struct decision *)(uintptr_t)d;

	switch (f->kind) {
	case FIELD_TEXT:
		return *MEMBER(dd, f, char *);
	case FIELD_DATE:
		return date_format(*MEMBER(dd, f, int32_t), buf);
	case FIELD_MONEY:
	case FIELD_FIXED2:
		return fixed2_format(*MEMBER(dd, f, int64_t), buf);
	}
	return NULL;
}

const struct decision_field *
decision_field_find(const char *name)
{
	size_t	i;

	for (i = 0; i < decision_field_count; i++)
		if (strcmp(decision_fields[i].name, name) == 0)
			return &decision_fields[i];
	return NULL;
}

void
decision_init(struct decision *d)
{
	memset(d, 0, sizeof(*d));
}

void
decision_release(struct decision *d)
{
	size_t	i;

	for (i = 0; i < decision_field_count; i++)
		if (decision_fields[i].kind == FIELD_TEXT)
			free(*MEMBER(d, &decision_fields[i], char *));
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
	static char	sql[1024];
	size_t		i;

	if (sql[0] != '\0')
		return sql;
	strcpy(sql, "id");
	for (i = 0; i < decision_field_count; i++) {
		strcat(sql, ", ");
		strcat(sql, decision_fields[i].column);
	}
	return sql;
}

int
decision_read_row(sqlite3_stmt *stmt, struct decision *d)
{
	const struct decision_field	*f;
	const char			*s;
	size_t				 i;

	decision_init(d);
	d->id = sqlite3_column_int64(stmt, 0);
	for (i = 0; i < decision_field_count; i++) {
		f = &decision_fields[i];
		switch (f->kind) {
		case FIELD_TEXT:
			*MEMBER(d, f, char *) = db_column_strdup(stmt,
			    (int)i + 1);
			break;
		case FIELD_DATE:
			s = (const char *)sqlite3_column_text(stmt, (int)i + 1);
			if (s == NULL || date_parse(s, MEMBER(d, f, int32_t))
			    == -1) {
				decision_release(d);
				return err_fail("decision %lld: damaged %s "
				    "(run 'mvb check')",
				    (long long)sqlite3_column_int64(stmt, 0),
				    f->name);
			}
			break;
		case FIELD_MONEY:
		case FIELD_FIXED2:
			*MEMBER(d, f, int64_t) = sqlite3_column_int64(stmt,
			    (int)i + 1);
			break;
		}
	}
	if (!cost_valid(&d->cost)) {
		decision_release(d);
		return err_fail("decision %lld: damaged cost figures (run "
		    "'mvb check')", (long long)sqlite3_column_int64(stmt, 0));
	}
	return 0;
}

int
decision_load(sqlite3 *db, int64_t id, struct decision *d)
{
	sqlite3_stmt	*stmt;
	char		*sql;
	int		 rc;

	decision_init(d);
	sql = xasprintf("SELECT %s FROM decisions WHERE id = ?",
	    decision_columns_sql());
	stmt = db_prepare(db, sql);
	free(sql);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		if (rc == SQLITE_DONE)
			return err_usage("no decision with id '%lld'",
			    (long long)id);
		return err_db(db, "cannot read decision %lld", (long long)id);
	}
	rc = decision_read_row(stmt, d);
	sqlite3_finalize(stmt);
	return rc;
}

/* Bind field f of d at idx. */
static void
bind_field(sqlite3_stmt *stmt, int idx, const struct decision *d,
    const struct decision_field *f)
{
	char	buf[NUM_BUFSZ];

	if (f->kind == FIELD_MONEY || f->kind == FIELD_FIXED2)
		sqlite3_bind_int64(stmt, idx,
		    *MEMBER((struct decision *)(uintptr_t)d, f, int64_t));
	else
		db_bind_text(stmt, idx, decision_field_text(d, f, buf));
}

int
decision_insert(sqlite3 *db, struct decision *d)
{
	sqlite3_stmt	*stmt = NULL;
	int		 rc;

	rc = decision_store(db, &stmt, d);
	sqlite3_finalize(stmt);
	if (rc == -1)
		return -1;
	return history_add(db, d->id, "created", NULL, d->title);
}

int
decision_store(sqlite3 *db, sqlite3_stmt **cache, struct decision *d)
{
	struct strbuf	 sql;
	sqlite3_stmt	*stmt;
	size_t		 i;
	int		 rc;

	if ((stmt = *cache) != NULL) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		goto bind;
	}
	sb_init(&sql);
	sb_adds(&sql, "INSERT INTO decisions (id");
	for (i = 0; i < decision_field_count; i++)
		sb_addf(&sql, ", %s", decision_fields[i].column);
	sb_adds(&sql, ") VALUES (?");
	for (i = 0; i < decision_field_count; i++)
		sb_adds(&sql, ", ?");
	sb_adds(&sql, ")");
	*cache = stmt = db_prepare(db, sql.buf);
	sb_release(&sql);
	if (stmt == NULL)
		return -1;
bind:
	if (d->id > 0)
		sqlite3_bind_int64(stmt, 1, d->id);
	for (i = 0; i < decision_field_count; i++)
		bind_field(stmt, (int)i + 2, d, &decision_fields[i]);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return err_db(db, "cannot write decision");
	d->id = sqlite3_last_insert_rowid(db);
	/* The caller's transaction is rolled back: ids never pass what
	 * decision_parse_id() reads. */
	if (d->id > DECISION_ID_MAX)
		return err_usage("no decision ids left (the largest is %lld)",
		    (long long)DECISION_ID_MAX);
	return 0;
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
decision_update(sqlite3 *db, const struct decision *old,
    const struct decision *new)
{
	const struct decision_field	*f;
	const struct decision_field	*changed[32];
	sqlite3_stmt			*stmt;
	struct strbuf			 sql;
	char				 ob[NUM_BUFSZ], nb[NUM_BUFSZ];
	const char			*ov, *nv;
	size_t				 i, n = 0;

	for (i = 0; i < decision_field_count; i++) {
		f = &decision_fields[i];
		if (!same(decision_field_text(old, f, ob),
		    decision_field_text(new, f, nb)))
			changed[n++] = f;
	}
	if (n == 0)
		return 0;
	/* One statement, so that the row's checks see all changes at once. */
	sb_init(&sql);
	sb_adds(&sql, "UPDATE decisions SET ");
	for (i = 0; i < n; i++)
		sb_addf(&sql, "%s%s = ?", i ? ", " : "", changed[i]->column);
	sb_adds(&sql, " WHERE id = ?");
	stmt = db_prepare(db, sql.buf);
	sb_release(&sql);
	if (stmt == NULL)
		return -1;
	for (i = 0; i < n; i++)
		bind_field(stmt, (int)i + 1, new, changed[i]);
	sqlite3_bind_int64(stmt, (int)n + 1, new->id);
	if (db_run(db, stmt) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		f = changed[i];
		/* Stored derived dates follow from the facts; not logged. */
		if (f->offset == offsetof(struct decision, deadline_on) ||
		    f->offset == offsetof(struct decision, anchor_on))
			continue;
		ov = decision_field_text(old, f, ob);
		nv = decision_field_text(new, f, nb);
		if (history_add(db, new->id, f->name, ov, nv) == -1)
			return -1;
	}
	return (int)n;
}

/* Who makes the change: $USER, else $LOGNAME, else the account's name,
 * else "unknown". */
static const char *
history_who(void)
{
	struct passwd	*pw;
	const char	*s;

	if ((s = getenv("USER")) != NULL && *s != '\0')
		return s;
	if ((s = getenv("LOGNAME")) != NULL && *s != '\0')
		return s;
	if ((pw = getpwuid(geteuid())) != NULL && pw->pw_name[0] != '\0')
		return pw->pw_name;
	return "unknown";
}

int
history_add(sqlite3 *db, int64_t decision_id, const char *what,
    const char *old_value, const char *new_value)
{
	sqlite3_stmt	*stmt;
	const char	*who = history_who();
	char		 at[32];
	time_t		 now = time(NULL);
	struct tm	 tm;

	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	stmt = db_prepare(db, "INSERT INTO history (decision_id, at, who, "
	    "what, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)");
	if (stmt == NULL)
		return -1;
	if (decision_id > 0)
		sqlite3_bind_int64(stmt, 1, decision_id);
	sqlite3_bind_text(stmt, 2, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, who, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, what, -1, SQLITE_TRANSIENT);
	db_bind_text(stmt, 5, old_value);
	db_bind_text(stmt, 6, new_value);
	return db_run(db, stmt);
}

int
decision_parse_id(const char *s, int64_t *id)
{
	const char	*p;
	int64_t		 n = 0;

	for (p = s; *p >= '0' && *p <= '9' && p - s < 18; p++)
		n = n * 10 + (*p - '0');
	if (p == s || *p != '\0' || n <= 0)
		return err_usage("invalid decision id '%s'", s);
	*id = n;
	return 0;
}

static int
one_of(const char *s, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

int
choice_valid(const char *s)
{
	static const char *const choices[] = {
		"build", "buy", "oss", "assemble", NULL
	};

	return one_of(s, choices);
}

int
status_valid(const char *s)
{
	static const char *const statuses[] = {
		"proposed", "active", "superseded", "retired", NULL
	};

	return one_of(s, statuses);
}

int
decision_check_review(const char *option, int32_t next, int32_t anchor,
    const struct settings *s)
{
	char	nb[DATE_BUFSZ], ab[DATE_BUFSZ], db[DATE_BUFSZ];
	int32_t	deadline = date_add_months(anchor, s->deadline_months);

	if (next >= anchor && next <= deadline)
		return 0;
	return err_usage("%s: '%s' is outside the review range %s to %s",
	    option, date_format(next, nb), date_format(anchor, ab),
	    date_format(deadline, db));
}

int
decision_check_not_future(const char *field, int32_t date, int32_t today)
{
	char	db[DATE_BUFSZ], tb[DATE_BUFSZ];

	if (date <= today)
		return 0;
	return err_usage("%s: '%s' is after today (%s)", field,
	    date_format(date, db), date_format(today, tb));
}

int
decision_check_replacement(const char *field, int64_t id, int64_t by)
{
	if (by != id)
		return 0;
	return err_usage("%s: decision %lld cannot replace itself", field,
	    (long long)id);
}
