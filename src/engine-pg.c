/*
 * The engine boundary on PostgreSQL (include/engine.h), over libpq. A
 * query's $1...$n go to the server as text of an unspecified type, which
 * it infers from the query; a parameter the query does not name is sent
 * as text, so that binding one it lacks is harmless as on SQLite. Rows
 * come back as text: integers are read with strtoll, booleans ('t', 'f')
 * as 1 and 0. A write transaction takes one advisory lock, the server's
 * equivalent of SQLite's BEGIN IMMEDIATE (mvb(1) FILES), so writers queue
 * instead of colliding; a conflict the server still reports (serialization
 * failure, deadlock) is ENGINE_RETRY.
 *
 * Import's bulk stream is COPY ... FROM STDIN in text format: one round
 * trip to start it, rows handed to libpq in large chunks, one to end it.
 * Any other query ends an open COPY first and the next row opens a new one.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "engine-impl.h"
#include "engine-pg.h"
#include "util.h"

#define CONN(db)	((PGconn *)(db)->handle)
#define PS(s)		((struct pg_stmt *)(s)->handle)
#define ST(db)		((struct pg_state *)(db)->state)

/* 'mvb1': the key of the advisory lock every writer takes. */
#define WRITE_LOCK	"SELECT pg_advisory_xact_lock(1836475953)"

/* Rows gathered before libpq gets them. */
#define COPY_CHUNK	65536

struct pg_state {
	char		*errmsg;
	char		 sqlstate[6];
	char		*copy_table;	/* the declared stream's, or NULL */
	char		*copy_sql;	/* its COPY statement */
	int		 copy_open;	/* the server is in COPY */
	struct strbuf	 copy_buf;	/* rows libpq has not got */
};

struct pg_stmt {
	char		*sql;
	int		 nparams;
	Oid		*types;
	char		**vals;
	PGresult	*res;
	int		 row, nrows;
	int		 failed;
};

static void
set_error(struct db *db, const char *msg, const char *state)
{
	struct pg_state	*st = ST(db);
	size_t		 n;

	free(st->errmsg);
	/* libpq's messages are "ERROR:  ..." and may span lines: keep the
	 * first line of the reason. */
	if (strncmp(msg, "ERROR:  ", 8) == 0)
		msg += 8;
	if (strncmp(msg, "FATAL:  ", 8) == 0)
		msg += 8;
	n = strcspn(msg, "\n");
	st->errmsg = xmalloc(n + 1);
	memcpy(st->errmsg, msg, n);
	st->errmsg[n] = '\0';
	snprintf(st->sqlstate, sizeof(st->sqlstate), "%s",
	    state != NULL ? state : "");
}

static void
clear_error(struct db *db)
{
	set_error(db, "", "00000");
}

/* Take a result's outcome: 0 when it is one of want, else -1 recorded. */
static int
take(struct db *db, PGresult *res)
{
	ExecStatusType	st = PQresultStatus(res);

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ||
	    st == PGRES_EMPTY_QUERY) {
		clear_error(db);
		return 0;
	}
	if (res == NULL)
		set_error(db, PQerrorMessage(CONN(db)), "08006");
	else if (PQstatus(CONN(db)) == CONNECTION_BAD)
		set_error(db, PQerrorMessage(CONN(db)), "08006");
	else
		set_error(db, PQresultErrorMessage(res),
		    PQresultErrorField(res, PG_DIAG_SQLSTATE));
	return -1;
}

/* Hand libpq the gathered rows. 0 or -1 (the reason comes at the end). */
static int
copy_send(struct db *db)
{
	struct pg_state	*st = ST(db);
	int		 rc = 0;

	if (st->copy_buf.len > 0 && PQputCopyData(CONN(db), st->copy_buf.buf,
	    (int)st->copy_buf.len) != 1)
		rc = -1;
	sb_reset(&st->copy_buf);
	return rc;
}

/*
 * End an open COPY, its rows written: 0, or -1 with the server's reason
 * (a check a row fails, a lost connection). Fail, with a reason, to abort
 * it instead, its rows dropped.
 */
static int
copy_close(struct db *db, const char *fail)
{
	struct pg_state	*st = ST(db);
	PGresult	*res;
	int		 rc;

	if (!st->copy_open)
		return 0;
	st->copy_open = 0;
	if (fail == NULL)
		copy_send(db);
	sb_reset(&st->copy_buf);
	PQputCopyEnd(CONN(db), fail);
	res = PQgetResult(CONN(db));
	/* An abort keeps the failure that led to it. */
	rc = fail == NULL ? take(db, res) : 0;
	PQclear(res);
	while ((res = PQgetResult(CONN(db))) != NULL)
		PQclear(res);
	return rc;
}

static void
copy_forget(struct db *db)
{
	struct pg_state	*st = ST(db);

	copy_close(db, "the transaction is rolled back");
	free(st->copy_table);
	free(st->copy_sql);
	st->copy_table = st->copy_sql = NULL;
	sb_release(&st->copy_buf);
	sb_init(&st->copy_buf);
}

static int
pg_exec(struct db *db, const char *sql)
{
	PGresult	*res;
	int		 rc;

	if (copy_close(db, NULL) == -1)
		return -1;
	res = PQexec(CONN(db), sql);
	rc = take(db, res);
	PQclear(res);
	return rc;
}

static int
pg_begin(struct db *db)
{
	return pg_exec(db, "BEGIN ISOLATION LEVEL READ COMMITTED; "
	    WRITE_LOCK);
}

static int
pg_commit(struct db *db)
{
	PGresult	*res;
	int		 rc;

	if (copy_close(db, NULL) == -1)
		return -1;
	copy_forget(db);
	res = PQexec(CONN(db), "COMMIT");
	rc = take(db, res);

	/* COMMIT of a failed transaction answers ROLLBACK. */
	if (rc == 0 && strcmp(PQcmdStatus(res), "COMMIT") != 0) {
		set_error(db, "the transaction was rolled back", "40000");
		rc = -1;
	}
	PQclear(res);
	return rc;
}

static void
pg_rollback(struct db *db)
{
	copy_forget(db);
	if (PQtransactionStatus(CONN(db)) != PQTRANS_IDLE)
		PQclear(PQexec(CONN(db), "ROLLBACK"));
}

/* The largest $n in sql outside quotes, marking each one used in used. */
static int
scan_params(const char *sql, unsigned char *used, int max)
{
	const char	*p;
	char		 quote = 0;
	int		 n, top = 0;

	for (p = sql; *p != '\0'; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			continue;
		}
		if (*p != '$' || !isdigit((unsigned char)p[1]))
			continue;
		n = (int)strtol(p + 1, NULL, 10);
		if (n > top)
			top = n;
		if (used != NULL && n <= max)
			used[n - 1] = 1;
	}
	return top;
}

/*
 * sql without SQLite's index hints ("NOT INDEXED" after a table): they
 * belong to the SQLite side, and the server's planner chooses for itself.
 */
static char *
without_hints(const char *sql)
{
	static const char	 hint[] = " NOT INDEXED";
	struct strbuf		 sb;
	const char		*p;

	sb_init(&sb);
	while ((p = strstr(sql, hint)) != NULL) {
		sb_add(&sb, sql, (size_t)(p - sql));
		sql = p + sizeof(hint) - 1;
	}
	sb_adds(&sb, sql);
	return sb_detach(&sb);
}

static struct stmt *
pg_prepare(struct db *db, const char *sql)
{
	struct stmt	*stmt;
	struct pg_stmt	*ps;
	unsigned char	*used;
	int		 i;

	ps = xcalloc(1, sizeof(*ps));
	ps->sql = without_hints(sql);
	ps->nparams = scan_params(sql, NULL, 0);
	if (ps->nparams > 0) {
		used = xcalloc((size_t)ps->nparams, 1);
		scan_params(sql, used, ps->nparams);
		ps->types = xcalloc((size_t)ps->nparams, sizeof(Oid));
		ps->vals = xcalloc((size_t)ps->nparams, sizeof(char *));
		for (i = 0; i < ps->nparams; i++)
			ps->types[i] = used[i] ? 0 : 25;	/* text */
		free(used);
	}
	stmt = xmalloc(sizeof(*stmt));
	stmt->db = db;
	stmt->handle = ps;
	return stmt;
}

static int
pg_bind_text(struct stmt *stmt, int n, const char *s)
{
	struct pg_stmt	*ps = PS(stmt);

	if (n < 1 || n > ps->nparams)
		return 0;
	free(ps->vals[n - 1]);
	ps->vals[n - 1] = s != NULL ? xstrdup(s) : NULL;
	return 0;
}

static int
pg_bind_int(struct stmt *stmt, int n, int64_t v)
{
	char	buf[24];

	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	return pg_bind_text(stmt, n, buf);
}

static int
pg_step(struct stmt *stmt)
{
	struct pg_stmt	*ps = PS(stmt);
	struct db	*db = stmt->db;

	if (ps->failed)
		return ENGINE_ERROR;
	if (ps->res == NULL) {
		if (copy_close(db, NULL) == -1) {
			ps->failed = 1;
			return ENGINE_ERROR;
		}
		ps->res = PQexecParams(CONN(db), ps->sql, ps->nparams,
		    ps->types, (const char *const *)ps->vals, NULL, NULL, 0);
		if (take(db, ps->res) == -1) {
			PQclear(ps->res);
			ps->res = NULL;
			ps->failed = 1;
			return ENGINE_ERROR;
		}
		ps->row = -1;
		ps->nrows = PQresultStatus(ps->res) == PGRES_TUPLES_OK ?
		    PQntuples(ps->res) : 0;
	}
	if (ps->row < ps->nrows)
		ps->row++;
	return ps->row < ps->nrows ? ENGINE_ROW : ENGINE_DONE;
}

static const char *
pg_column_text(struct stmt *stmt, int col)
{
	struct pg_stmt	*ps = PS(stmt);

	if (ps->res == NULL || ps->row >= ps->nrows || ps->row < 0 ||
	    col >= PQnfields(ps->res) || PQgetisnull(ps->res, ps->row, col))
		return NULL;
	return PQgetvalue(ps->res, ps->row, col);
}

static int64_t
pg_column_int(struct stmt *stmt, int col)
{
	const char	*s = pg_column_text(stmt, col);

	if (s == NULL)
		return 0;
	if (strcmp(s, "t") == 0)
		return 1;
	if (strcmp(s, "f") == 0)
		return 0;
	return strtoll(s, NULL, 10);
}

static int
pg_column_null(struct stmt *stmt, int col)
{
	return pg_column_text(stmt, col) == NULL;
}

static int
pg_column_count(struct stmt *stmt)
{
	return PS(stmt)->res != NULL ? PQnfields(PS(stmt)->res) : 0;
}

static void
pg_reset(struct stmt *stmt)
{
	struct pg_stmt	*ps = PS(stmt);

	PQclear(ps->res);
	ps->res = NULL;
	ps->failed = 0;
}

static void
pg_clear_bindings(struct stmt *stmt)
{
	struct pg_stmt	*ps = PS(stmt);
	int		 i;

	for (i = 0; i < ps->nparams; i++) {
		free(ps->vals[i]);
		ps->vals[i] = NULL;
	}
}

static void
pg_finalize(struct stmt *stmt)
{
	struct pg_stmt	*ps = PS(stmt);

	pg_reset(stmt);
	pg_clear_bindings(stmt);
	free(ps->vals);
	free(ps->types);
	free(ps->sql);
	free(ps);
	free(stmt);
}

static enum engine_error
pg_error(struct db *db)
{
	const char	*s = ST(db)->sqlstate;

	if (*s == '\0' || strcmp(s, "00000") == 0)
		return ENGINE_OK;
	if (strcmp(s, "40001") == 0 || strcmp(s, "40P01") == 0)
		return ENGINE_RETRY;
	if (strcmp(s, "23505") == 0)
		return ENGINE_UNIQUE;
	if (strcmp(s, "XX001") == 0 || strcmp(s, "XX002") == 0)
		return ENGINE_DAMAGED;
	return ENGINE_OTHER;
}

static const char *
pg_errmsg(struct db *db)
{
	return ST(db)->errmsg != NULL ? ST(db)->errmsg : "";
}

static int
pg_code(struct db *db)
{
	switch (pg_error(db)) {
	case ENGINE_OK:
		return SQLITE_OK;
	case ENGINE_RETRY:
		return SQLITE_BUSY;
	case ENGINE_UNIQUE:
		return SQLITE_CONSTRAINT;
	case ENGINE_DAMAGED:
		return SQLITE_CORRUPT;
	default:
		return SQLITE_ERROR;
	}
}

static int
pg_in_transaction(struct db *db)
{
	return PQtransactionStatus(CONN(db)) != PQTRANS_IDLE;
}

static int
pg_copy_begin(struct db *db, const char *table, const char *columns)
{
	struct pg_state	*st = ST(db);

	copy_forget(db);
	st->copy_table = xstrdup(table);
	st->copy_sql = xasprintf("COPY %s (%s) FROM STDIN", table, columns);
	return 0;
}

static int
pg_copying(struct db *db, const char *table)
{
	struct pg_state	*st = ST(db);

	return st->copy_table != NULL && strcmp(st->copy_table, table) == 0;
}

/* Append s to sb in COPY's text format. */
static void
copy_escape(struct strbuf *sb, const char *s)
{
	size_t	n;

	for (;;) {
		n = strcspn(s, "\\\t\n\r");
		sb_add(sb, s, n);
		s += n;
		switch (*s++) {
		case '\0':
			return;
		case '\\':
			sb_add(sb, "\\\\", 2);
			break;
		case '\t':
			sb_add(sb, "\\t", 2);
			break;
		case '\n':
			sb_add(sb, "\\n", 2);
			break;
		default:
			sb_add(sb, "\\r", 2);
			break;
		}
	}
}

static int
pg_copy_row(struct db *db, const char *const *values, int n)
{
	struct pg_state	*st = ST(db);
	PGresult	*res;
	int		 i;

	if (!st->copy_open) {
		res = PQexec(CONN(db), st->copy_sql);
		if (PQresultStatus(res) != PGRES_COPY_IN) {
			take(db, res);
			PQclear(res);
			return -1;
		}
		PQclear(res);
		clear_error(db);
		st->copy_open = 1;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_addc(&st->copy_buf, '\t');
		if (values[i] == NULL)
			sb_add(&st->copy_buf, "\\N", 2);
		else
			copy_escape(&st->copy_buf, values[i]);
	}
	sb_addc(&st->copy_buf, '\n');
	if (st->copy_buf.len >= COPY_CHUNK && copy_send(db) == -1) {
		/* The server's reason comes with the end. */
		if (copy_close(db, NULL) == 0)
			set_error(db, PQerrorMessage(CONN(db)), "08006");
		return -1;
	}
	return 0;
}

static int
pg_copy_end(struct db *db)
{
	int	rc = copy_close(db, NULL);

	copy_forget(db);
	return rc;
}

static void
pg_close(struct db *db)
{
	copy_forget(db);
	sb_release(&ST(db)->copy_buf);
	PQfinish(CONN(db));
	free(ST(db)->errmsg);
	free(db->state);
	free(db->name);
	free(db);
}

static const struct engine_ops pg_ops = {
	pg_begin, pg_commit, pg_rollback, pg_exec, pg_prepare,
	pg_bind_text, pg_bind_int, pg_step, pg_column_text, pg_column_int,
	pg_column_null, pg_column_count, pg_reset, pg_clear_bindings,
	pg_finalize, pg_error, pg_errmsg, pg_code, pg_in_transaction, pg_close,
	pg_copy_begin, pg_copying, pg_copy_row, pg_copy_end
};

struct db *
engine_pg_wrap(PGconn *conn, const char *name)
{
	struct db	*db;

	db = xcalloc(1, sizeof(*db));
	db->ops = &pg_ops;
	db->kind = ENGINE_PG;
	db->name = xstrdup(name);
	db->handle = conn;
	db->state = xcalloc(1, sizeof(struct pg_state));
	sb_init(&ST(db)->copy_buf);
	return db;
}

PGconn *
engine_pg(struct db *db)
{
	return db != NULL && db->kind == ENGINE_PG ? CONN(db) : NULL;
}
