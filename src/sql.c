/*
 * The plain SQL helpers every module shares: run, prepare, bind, read a
 * column, and the transaction verbs, on the engine boundary (engine.h).
 * They know nothing of registers, migrations or files, so that the opener
 * (db.c) and the migrations (migrate.c) both build on them and neither
 * calls back up.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine-sqlite.h"
#include "err.h"
#include "sql.h"
#include "util.h"

int
db_exec(struct db *db, const char *sql)
{
	if (engine_exec(db, sql) == -1)
		return err_db(db, "cannot run '%.40s'", sql);
	return 0;
}

int
db_begin(struct db *db)
{
	if (engine_begin(db) == -1)
		return err_db(db, "cannot start writing to the register");
	return 0;
}

int
db_begin_read(struct db *db)
{
	if (engine_begin_read(db) == -1)
		return err_db(db, "cannot read the register");
	return 0;
}

int
db_commit(struct db *db)
{
	if (engine_commit(db) == -1) {
		err_db(db, "cannot write to the register");
		db_rollback(db);
		return -1;
	}
	return 0;
}

void
db_rollback(struct db *db)
{
	engine_rollback(db);
}

struct stmt *
db_prepare(struct db *db, const char *sql)
{
	struct stmt	*stmt;

	if ((stmt = engine_prepare(db, sql)) == NULL) {
		err_db(db, "cannot read the register");
		return NULL;
	}
	return stmt;
}

int
db_run(struct db *db, struct stmt *stmt)
{
	int	rc;

	rc = engine_step(stmt);
	engine_finalize(stmt);
	if (rc != ENGINE_DONE && rc != ENGINE_ROW)
		return err_db(db, "cannot write to the register");
	return 0;
}

int
db_bind_text(struct stmt *stmt, int idx, const char *s)
{
	return engine_bind_text(stmt, idx, s);
}

char *
db_column_strdup(struct stmt *stmt, int col)
{
	const char	*s;

	if ((s = engine_column_text(stmt, col)) == NULL)
		return NULL;
	return xstrdup(s);
}

int
db_query_int(struct db *db, const char *sql, int64_t *out)
{
	struct stmt	*stmt;
	int		 rc;

	if ((stmt = db_prepare(db, sql)) == NULL)
		return -1;
	rc = engine_step(stmt);
	if (rc == ENGINE_ROW)
		*out = engine_column_int(stmt, 0);
	engine_finalize(stmt);
	if (rc != ENGINE_ROW)
		return err_db(db, "cannot read the register");
	return 0;
}

int
db_check_table(struct db *db, const char *table)
{
	struct stmt	*stmt;
	const char	*s;
	char		*sql;
	int		 rc, sound;

	/* A server keeps its own pages: only a file can miss a row. */
	if (engine_kind(db) != ENGINE_SQLITE)
		return 0;
	sql = xasprintf("PRAGMA quick_check(%s)", table);
	stmt = db_prepare(db, sql);
	free(sql);
	if (stmt == NULL)
		return -1;
	/* One row "ok" when sound; otherwise one row a problem. */
	rc = engine_step(stmt);
	sound = rc == ENGINE_ROW &&
	    (s = engine_column_text(stmt, 0)) != NULL &&
	    strcmp(s, "ok") == 0;
	engine_finalize(stmt);
	if (rc != ENGINE_ROW)
		return err_db(db, "cannot check table %s", table);
	if (!sound)
		return err_damaged(db, sqlite3_errstr(SQLITE_CORRUPT));
	return 0;
}
