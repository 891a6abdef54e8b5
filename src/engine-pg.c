/*
 * The engine boundary on PostgreSQL (include/engine.h), over libpq. A
 * query's $1...$n go to the server as text of an unspecified type, which
 * it infers from the query; a parameter the query does not name is sent
 * as text, so that binding one it lacks is harmless as on SQLite. Rows
 * come back as text: integers are read with strtoll, booleans ('t', 'f')
 * as 1 and 0. A write transaction takes one advisory lock, the server's
 * equivalent of SQLite's BEGIN IMMEDIATE (mvb(1) FILES), so writers queue
 * instead of colliding; a conflict the server still reports (serialization
 * failure, deadlock) is ENGINE_RETRY. A read-only command runs in one
 * REPEATABLE READ READ ONLY transaction: one snapshot for all its queries.
 *
 * Inside a transaction a SELECT runs as a cursor, fetched a batch of rows
 * at a time, so that a long result is never held whole (mvb(1) SHARED
 * REGISTER); several cursors may be open at once, as when a query is
 * stepped while another is. The DECLARE, its first FETCH and the CLOSE of
 * the cursors done with go to the server in one round trip (libpq's
 * pipeline mode), so that a short query costs no more round trips than
 * before. Outside a transaction, and for every other statement, the whole
 * result comes back at once.
 *
 * Import's bulk stream is COPY ... FROM STDIN in text format: one round
 * trip to start it, rows handed to libpq in large chunks, one to end it.
 * Any other query ends an open COPY first and the next row opens a new one.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
/* Rows a cursor's first FETCH asks for (most queries end within it), and
 * each later one. */
#define FIRST_BATCH	256
#define BATCH		1024

struct pg_state {
	char		*errmsg;
	char		 sqlstate[6];
	char		*copy_table;	/* the declared stream's, or NULL */
	char		*copy_sql;	/* its COPY statement */
	int		 copy_open;	/* the server is in COPY */
	struct strbuf	 copy_buf;	/* rows libpq has not got */
	unsigned	 cursors;	/* cursors declared: the last's number */
	unsigned	*closing;	/* cursors done with, not yet closed */
	size_t		 nclosing, closing_cap;
	unsigned	 txn;		/* bumped when a transaction may end */
};

struct pg_stmt {
	char		*sql;
	int		 nparams;
	Oid		*types;
	char		**vals;
	int		 select;	/* a SELECT: runs as a cursor */
	int		 started;	/* this run's query was sent */
	PGresult	*res;		/* the rows at hand (a cursor's batch) */
	int		 row, nrows;
	unsigned	 cursor;	/* open cursor mvb_cN, 0 for none */
	unsigned	 txn;		/* the cursor's st->txn */
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

/*
 * Before a statement that may end the transaction: the cursors it had close
 * with it, and a CLOSE of one of them in the next transaction would fail.
 */
static void
forget_cursors(struct db *db)
{
	ST(db)->txn++;
	ST(db)->nclosing = 0;
}

static int
pg_exec(struct db *db, const char *sql)
{
	PGresult	*res;
	int		 rc;

	forget_cursors(db);
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

/* No lock: a reader never waits for a writer, nor a writer for it. */
static int
pg_begin_read(struct db *db)
{
	return pg_exec(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

static int
pg_commit(struct db *db)
{
	PGresult	*res;
	int		 rc;

	if (copy_close(db, NULL) == -1)
		return -1;
	copy_forget(db);
	forget_cursors(db);
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
	forget_cursors(db);
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

/* Whether sql is a query (SELECT), which a cursor can run. */
static int
is_select(const char *sql)
{
	while (isspace((unsigned char)*sql) || *sql == '(')
		sql++;
	return strncasecmp(sql, "SELECT", 6) == 0 &&
	    !isalnum((unsigned char)sql[6]) && sql[6] != '_';
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
	ps->select = is_select(ps->sql);
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

/* The cursor is done with: closed with the next round trip, or with its
 * transaction when that ended first. */
static void
retire(struct db *db, struct pg_stmt *ps)
{
	struct pg_state	*st = ST(db);

	if (ps->cursor == 0)
		return;
	if (ps->txn == st->txn &&
	    PQtransactionStatus(CONN(db)) == PQTRANS_INTRANS) {
		if (st->nclosing == st->closing_cap) {
			st->closing_cap = st->closing_cap * 2 + 8;
			st->closing = xrealloc(st->closing,
			    st->closing_cap * sizeof(*st->closing));
		}
		st->closing[st->nclosing++] = ps->cursor;
	}
	ps->cursor = 0;
}

/* Take one result of a pipeline: 0, or -1 (the first failure recorded). */
static int
take_piped(struct db *db, PGresult *res, int *failed)
{
	ExecStatusType	st = PQresultStatus(res);

	if (st == PGRES_PIPELINE_ABORTED)
		return -1;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return 0;
	if (!*failed)
		take(db, res);
	*failed = 1;
	return -1;
}

/*
 * In one round trip: CLOSE the cursors done with, DECLARE ps's cursor when
 * ps is not NULL, and FETCH the next n rows of cursor. Returns the FETCH's
 * rows, or NULL with the first failure recorded.
 */
static PGresult *
fetch(struct db *db, struct pg_stmt *ps, unsigned cursor, int n)
{
	PGconn		*conn = CONN(db);
	struct pg_state	*st = ST(db);
	PGresult	*res, *rows = NULL;
	char		 sql[64], *declare;
	size_t		 i, sent = 0;
	int		 ok = 1, synced, failed = 0;

	if (PQenterPipelineMode(conn) != 1) {
		set_error(db, PQerrorMessage(conn), "08006");
		return NULL;
	}
	for (i = 0; ok && i < st->nclosing; i++) {
		snprintf(sql, sizeof(sql), "CLOSE mvb_c%u", st->closing[i]);
		if ((ok = PQsendQueryParams(conn, sql, 0, NULL, NULL, NULL,
		    NULL, 0)))
			sent++;
	}
	st->nclosing = 0;
	if (ok && ps != NULL) {
		declare = xasprintf("DECLARE mvb_c%u NO SCROLL CURSOR FOR %s",
		    cursor, ps->sql);
		if ((ok = PQsendQueryParams(conn, declare, ps->nparams,
		    ps->types, (const char *const *)ps->vals, NULL, NULL, 0)))
			sent++;
		free(declare);
	}
	if (ok) {
		snprintf(sql, sizeof(sql), "FETCH FORWARD %d FROM mvb_c%u", n,
		    cursor);
		if ((ok = PQsendQueryParams(conn, sql, 0, NULL, NULL, NULL,
		    NULL, 0)))
			sent++;
	}
	synced = ok && PQpipelineSync(conn) == 1;
	/* Each query's results end with NULL, then comes the sync's. */
	for (i = 0; i < sent && PQstatus(conn) != CONNECTION_BAD; i++) {
		while ((res = PQgetResult(conn)) != NULL) {
			if (take_piped(db, res, &failed) == 0 &&
			    PQresultStatus(res) == PGRES_TUPLES_OK &&
			    rows == NULL)
				rows = res;
			else
				PQclear(res);
		}
	}
	if (synced && PQstatus(conn) != CONNECTION_BAD) {
		while ((res = PQgetResult(conn)) != NULL &&
		    PQresultStatus(res) != PGRES_PIPELINE_SYNC)
			PQclear(res);
		PQclear(res);
	}
	if ((PQexitPipelineMode(conn) != 1 || !synced || rows == NULL) &&
	    !failed) {
		set_error(db, PQerrorMessage(conn), "08006");
		failed = 1;
	}
	if (failed) {
		PQclear(rows);
		return NULL;
	}
	clear_error(db);
	return rows;
}

/* Run the statement: as a cursor when it is a SELECT in a transaction. */
static int
start(struct stmt *stmt)
{
	struct pg_stmt	*ps = PS(stmt);
	struct db	*db = stmt->db;

	ps->started = 1;
	ps->row = -1;
	ps->nrows = 0;
	if (ps->select &&
	    PQtransactionStatus(CONN(db)) == PQTRANS_INTRANS) {
		ps->cursor = ++ST(db)->cursors;
		ps->txn = ST(db)->txn;
		if ((ps->res = fetch(db, ps, ps->cursor, FIRST_BATCH)) ==
		    NULL) {
			ps->cursor = 0;
			return -1;
		}
		if ((ps->nrows = PQntuples(ps->res)) < FIRST_BATCH)
			retire(db, ps);
		return 0;
	}
	ps->res = PQexecParams(CONN(db), ps->sql, ps->nparams,
	    ps->types, (const char *const *)ps->vals, NULL, NULL, 0);
	if (take(db, ps->res) == -1) {
		PQclear(ps->res);
		ps->res = NULL;
		return -1;
	}
	ps->nrows = PQresultStatus(ps->res) == PGRES_TUPLES_OK ?
	    PQntuples(ps->res) : 0;
	return 0;
}

/* The cursor's next batch in place of the last. 0 or -1. */
static int
next_batch(struct stmt *stmt)
{
	struct pg_stmt	*ps = PS(stmt);
	struct db	*db = stmt->db;

	PQclear(ps->res);
	ps->row = ps->nrows = 0;
	if ((ps->res = fetch(db, NULL, ps->cursor, BATCH)) == NULL) {
		ps->cursor = 0;
		return -1;
	}
	if ((ps->nrows = PQntuples(ps->res)) < BATCH)
		retire(db, ps);
	return 0;
}

static int
pg_step(struct stmt *stmt)
{
	struct pg_stmt	*ps = PS(stmt);

	if (ps->failed)
		return ENGINE_ERROR;
	if (copy_close(stmt->db, NULL) == -1) {
		ps->failed = 1;
		return ENGINE_ERROR;
	}
	if (!ps->started && start(stmt) == -1) {
		ps->failed = 1;
		return ENGINE_ERROR;
	}
	if (ps->row < ps->nrows)
		ps->row++;
	if (ps->row == ps->nrows && ps->cursor != 0 &&
	    next_batch(stmt) == -1) {
		ps->failed = 1;
		return ENGINE_ERROR;
	}
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

	retire(stmt->db, ps);
	PQclear(ps->res);
	ps->res = NULL;
	ps->row = ps->nrows = 0;
	ps->started = 0;
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
	free(ST(db)->closing);
	free(ST(db)->errmsg);
	free(db->state);
	free(db->name);
	free(db);
}

static const struct engine_ops pg_ops = {
	pg_begin, pg_begin_read, pg_commit, pg_rollback, pg_exec, pg_prepare,
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
