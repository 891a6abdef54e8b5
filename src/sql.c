/*
 * The plain SQL helpers every module shares: run, prepare, bind, read a
 * column, and the transaction verbs. They know nothing of registers,
 * migrations or files, so that the opener (db.c) and the migrations
 * (migrate.c) both build on them and neither calls back up.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "sql.h"
#include "util.h"

int
db_exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return err_db(db, "cannot run '%.40s'", sql);
	return 0;
}

int
db_begin(sqlite3 *db)
{
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return err_db(db, "cannot start writing to the register");
	return 0;
}

int
db_commit(sqlite3 *db)
{
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		err_db(db, "cannot write to the register");
		db_rollback(db);
		return -1;
	}
	return 0;
}

void
db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *
db_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*stmt;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		err_db(db, "cannot read the register");
		return NULL;
	}
	return stmt;
}

int
db_run(sqlite3 *db, sqlite3_stmt *stmt)
{
	int	rc;

	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return err_db(db, "cannot write to the register");
	return 0;
}

int
db_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
}

void
db_bind_named(sqlite3_stmt *stmt, const char *name, const char *s)
{
	int	idx = sqlite3_bind_parameter_index(stmt, name);

	if (idx > 0)
		db_bind_text(stmt, idx, s);
}

char *
db_column_strdup(sqlite3_stmt *stmt, int col)
{
	const unsigned char	*s;

	if ((s = sqlite3_column_text(stmt, col)) == NULL)
		return NULL;
	return xstrdup((const char *)s);
}

int
db_query_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_prepare(db, sql)) == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return err_db(db, "cannot read the register");
	return 0;
}

int
db_check_table(sqlite3 *db, const char *table)
{
	sqlite3_stmt	*stmt;
	const char	*s;
	char		*sql;
	int		 rc, sound;

	sql = xasprintf("PRAGMA quick_check(%s)", table);
	stmt = db_prepare(db, sql);
	free(sql);
	if (stmt == NULL)
		return -1;
	/* One row "ok" when sound; otherwise one row a problem. */
	rc = sqlite3_step(stmt);
	sound = rc == SQLITE_ROW &&
	    (s = (const char *)sqlite3_column_text(stmt, 0)) != NULL &&
	    strcmp(s, "ok") == 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return err_db(db, "cannot check table %s", table);
	if (!sound)
		return err_damaged(db, sqlite3_errstr(SQLITE_CORRUPT));
	return 0;
}
