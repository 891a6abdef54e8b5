/*
 * Applying the numbered migrations compiled into the binary, all the
 * missing ones in one transaction, and recognising what is and is not an
 * mvb register.
 */
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "migrate.h"
#include "sql.h"

/*
 * Read application_id, user_version and whether any schema object exists,
 * in one statement: one snapshot of the register, and one query on every
 * start-up rather than three.
 */
static int
read_marks(sqlite3 *db, int64_t *app, int64_t *version, int64_t *objects)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	stmt = db_prepare(db, "SELECT (SELECT application_id FROM "
	    "pragma_application_id), (SELECT user_version FROM "
	    "pragma_user_version), (SELECT count(*) FROM sqlite_schema)");
	if (stmt == NULL)
		return -1;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*app = sqlite3_column_int64(stmt, 0);
		*version = sqlite3_column_int64(stmt, 1);
		*objects = sqlite3_column_int64(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return err_db(db, "cannot read the register");
	return 0;
}

static int
judge(sqlite3 *db, int *version)
{
	const char	*file = sqlite3_db_filename(db, "main");
	int64_t		 app = 0, ver = 0, objects = 0;

	if (file == NULL || *file == '\0')
		file = ":memory:";
	if (read_marks(db, &app, &ver, &objects) == -1)
		return -1;
	if (app == 0 && ver == 0 && objects == 0) {
		*version = 0;
		return 0;
	}
	if (app != MVB_APPLICATION_ID)
		return err_fail("'%s' is not an mvb register",
		    err_quote(file));
	if (ver > migrations_count)
		return err_fail("register '%s' has schema version %lld, newer "
		    "than this mvb knows (%d): upgrade mvb", err_quote(file),
		    (long long)ver, migrations_count);
	*version = (int)ver;
	return 0;
}

int
migrate_check(sqlite3 *db, int *version)
{
	/* One statement, so one snapshot: no transaction of its own. */
	return judge(db, version);
}

/*
 * Apply the missing migrations in one IMMEDIATE transaction, unless
 * another process applied them first: a register goes from its version to
 * the current one whole or not at all, and a new one gets its schema with
 * one commit (one sync) rather than one per step.
 */
int
migrate_apply(sqlite3 *db)
{
	char	pragma[96];
	int	step, version;

	if (db_begin(db) == -1)
		return -1;
	/* Read again under the lock: another process may have won. */
	if (judge(db, &version) == -1)
		goto fail;
	if (version >= migrations_count) {
		db_rollback(db);
		return 0;
	}
	for (step = version; step < migrations_count; step++)
		if (db_exec(db, migrations[step]) == -1)
			goto fail;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d; "
	    "PRAGMA application_id=%d", migrations_count, MVB_APPLICATION_ID);
	if (db_exec(db, pragma) == -1 || db_commit(db) == -1)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}
