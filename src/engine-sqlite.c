/*
 * The engine boundary on SQLite (include/engine.h): a thin layer over the
 * SQLite API. Parameters are written $1...$n, which SQLite takes as names;
 * they are bound by looking the name up. A write transaction is BEGIN
 * IMMEDIATE, so that writers queue on the busy timeout (mvb(1) FILES).
 */
#include <stdio.h>
#include <stdlib.h>

#include "engine-impl.h"
#include "engine-sqlite.h"
#include "util.h"

#define LITE(db)	((sqlite3 *)(db)->handle)
#define STMT(s)		((sqlite3_stmt *)(s)->handle)

/* A statement with its parameters' indexes by number: param[n] is the
 * index of $n (0 for none), looked up once at prepare rather than by
 * name at every bind. */
struct lite_stmt {
	struct stmt	 base;
	int		 nparam;
	int		 param[];
};

static int
lite_exec(struct db *db, const char *sql)
{
	return sqlite3_exec(LITE(db), sql, NULL, NULL, NULL) == SQLITE_OK ?
	    0 : -1;
}

static int
lite_begin(struct db *db)
{
	return lite_exec(db, "BEGIN IMMEDIATE");
}

/* Deferred: the snapshot is taken at the first read, and no lock is held
 * against writers, whom the WAL lets commit beside it. */
static int
lite_begin_read(struct db *db)
{
	return lite_exec(db, "BEGIN");
}

static int
lite_commit(struct db *db)
{
	return lite_exec(db, "COMMIT");
}

static void
lite_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(LITE(db)))
		sqlite3_exec(LITE(db), "ROLLBACK", NULL, NULL, NULL);
}

/* The n of a parameter named $n, or 0 for another name. */
static long
param_number(const char *name)
{
	char	*end;
	long	 n;

	if (name == NULL || name[0] != '$' || name[1] < '1' || name[1] > '9')
		return 0;
	n = strtol(name + 1, &end, 10);
	return *end == '\0' && n <= 32767 ? n : 0;
}

static struct stmt *
lite_prepare(struct db *db, const char *sql)
{
	sqlite3_stmt		*s;
	struct lite_stmt	*stmt;
	long			 n, max;
	int			 i, count;

	if (sqlite3_prepare_v2(LITE(db), sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	/* Two passes over the names: the largest n, then each one's index. */
	count = sqlite3_bind_parameter_count(s);
	for (max = 0, i = 1; i <= count; i++)
		if ((n = param_number(sqlite3_bind_parameter_name(s, i))) > max)
			max = n;
	stmt = xcalloc(1, sizeof(*stmt) + (size_t)(max + 1) * sizeof(int));
	stmt->base.db = db;
	stmt->base.handle = s;
	stmt->nparam = (int)max;
	for (i = 1; i <= count; i++)
		if ((n = param_number(sqlite3_bind_parameter_name(s, i))) > 0)
			stmt->param[n] = i;
	return &stmt->base;
}

/* The index of $n in the statement, 0 when it has none. */
static int
param(struct stmt *stmt, int n)
{
	const struct lite_stmt	*ls = (const struct lite_stmt *)stmt;

	return n >= 1 && n <= ls->nparam ? ls->param[n] : 0;
}

static int
lite_bind_text(struct stmt *stmt, int n, const char *s)
{
	int	i = param(stmt, n), rc;

	if (i == 0)
		return 0;
	if (s == NULL)
		rc = sqlite3_bind_null(STMT(stmt), i);
	else
		rc = sqlite3_bind_text(STMT(stmt), i, s, -1, SQLITE_TRANSIENT);
	return rc == SQLITE_OK ? 0 : -1;
}

static int
lite_bind_int(struct stmt *stmt, int n, int64_t v)
{
	int	i = param(stmt, n);

	if (i == 0)
		return 0;
	return sqlite3_bind_int64(STMT(stmt), i, v) == SQLITE_OK ? 0 : -1;
}

static int
lite_step(struct stmt *stmt)
{
	int	rc = sqlite3_step(STMT(stmt));

	if (rc == SQLITE_ROW)
		return ENGINE_ROW;
	if (rc == SQLITE_DONE)
		return ENGINE_DONE;
	return ENGINE_ERROR;
}

static const char *
lite_column_text(struct stmt *stmt, int col)
{
	return (const char *)sqlite3_column_text(STMT(stmt), col);
}

static int64_t
lite_column_int(struct stmt *stmt, int col)
{
	return sqlite3_column_int64(STMT(stmt), col);
}

static int
lite_column_null(struct stmt *stmt, int col)
{
	return sqlite3_column_type(STMT(stmt), col) == SQLITE_NULL;
}

static int
lite_column_count(struct stmt *stmt)
{
	return sqlite3_column_count(STMT(stmt));
}

static void
lite_reset(struct stmt *stmt)
{
	sqlite3_reset(STMT(stmt));
}

static void
lite_clear_bindings(struct stmt *stmt)
{
	sqlite3_clear_bindings(STMT(stmt));
}

static void
lite_finalize(struct stmt *stmt)
{
	sqlite3_finalize(STMT(stmt));
	free(stmt);
}

static enum engine_error
lite_error(struct db *db)
{
	int	ext = sqlite3_extended_errcode(LITE(db));

	if (ext == SQLITE_CONSTRAINT_PRIMARYKEY ||
	    ext == SQLITE_CONSTRAINT_UNIQUE)
		return ENGINE_UNIQUE;
	switch (ext & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return ENGINE_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ENGINE_RETRY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return ENGINE_DAMAGED;
	default:
		return ENGINE_OTHER;
	}
}

static const char *
lite_errmsg(struct db *db)
{
	return sqlite3_errmsg(LITE(db));
}

static int
lite_code(struct db *db)
{
	return sqlite3_errcode(LITE(db)) & 0xff;
}

static int
lite_in_transaction(struct db *db)
{
	return !sqlite3_get_autocommit(LITE(db));
}

static void
lite_close(struct db *db)
{
	sqlite3_close(LITE(db));
	free(db->name);
	free(db);
}

static const struct engine_ops lite_ops = {
	lite_begin, lite_begin_read, lite_commit, lite_rollback, lite_exec,
	lite_prepare, lite_bind_text, lite_bind_int, lite_step,
	lite_column_text, lite_column_int, lite_column_null, lite_column_count,
	lite_reset, lite_clear_bindings, lite_finalize, lite_error,
	lite_errmsg, lite_code, lite_in_transaction, lite_close, NULL, NULL,
	NULL, NULL
};

struct db *
engine_sqlite_wrap(sqlite3 *lite)
{
	struct db	*db;
	const char	*name = sqlite3_db_filename(lite, "main");

	db = xcalloc(1, sizeof(*db));
	db->ops = &lite_ops;
	db->kind = ENGINE_SQLITE;
	db->name = xstrdup(name != NULL ? name : "");
	db->handle = lite;
	return db;
}

sqlite3 *
engine_sqlite(struct db *db)
{
	return db != NULL && db->kind == ENGINE_SQLITE ? LITE(db) : NULL;
}
