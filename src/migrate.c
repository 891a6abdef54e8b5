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
read_marks(struct db *db, int64_t *app, int64_t *version, int64_t *objects)
{
	struct stmt	*stmt;
	int		 rc;

	stmt = db_prepare(db, "SELECT (SELECT application_id FROM "
	    "pragma_application_id), (SELECT user_version FROM "
	    "pragma_user_version), (SELECT count(*) FROM sqlite_schema)");
	if (stmt == NULL)
		return -1;
	if ((rc = engine_step(stmt)) == ENGINE_ROW) {
		*app = engine_column_int(stmt, 0);
		*version = engine_column_int(stmt, 1);
		*objects = engine_column_int(stmt, 2);
	}
	engine_finalize(stmt);
	if (rc != ENGINE_ROW)
		return err_db(db, "cannot read the register");
	return 0;
}

static int
judge(struct db *db, int *version)
{
	const char	*file = engine_name(db);
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

/* The same judgement on a server: an empty schema is no register yet;
 * tables without mvb_version are another application's. */
static int
pg_judge(struct db *db, int *version)
{
	const char	*name = engine_name(db);
	int64_t		 objects, marked, ver;

	if (db_query_int(db, "SELECT count(*) FROM pg_catalog.pg_class c "
	    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	    "WHERE n.nspname = current_schema()", &objects) == -1 ||
	    db_query_int(db, "SELECT count(*) FROM pg_catalog.pg_tables "
	    "WHERE schemaname = current_schema() AND tablename = "
	    "'mvb_version'", &marked) == -1)
		return -1;
	if (objects == 0) {
		*version = 0;
		return 0;
	}
	if (!marked)
		return err_fail("'%s' is not an mvb register",
		    err_quote(name));
	if (db_query_int(db, "SELECT max(version) FROM mvb_version",
	    &ver) == -1)
		return -1;
	if (ver > pg_migrations_count)
		return err_fail("register '%s' has schema version %lld, newer "
		    "than this mvb knows (%d): upgrade mvb", err_quote(name),
		    (long long)ver, pg_migrations_count);
	*version = (int)ver;
	return 0;
}

int
migrate_check(struct db *db, int *version)
{
	if (engine_kind(db) == ENGINE_PG)
		return pg_judge(db, version);
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
migrate_apply(struct db *db)
{
	const char *const	*steps = migrations;
	char			 pragma[96];
	int			 count = migrations_count, pg, step, version;

	if (db_begin(db) == -1)
		return -1;
	if ((pg = engine_kind(db) == ENGINE_PG)) {
		steps = pg_migrations;
		count = pg_migrations_count;
	}
	/* Read again under the lock: another process may have won. */
	if ((pg ? pg_judge(db, &version) : judge(db, &version)) == -1)
		goto fail;
	if (version >= count) {
		db_rollback(db);
		return 0;
	}
	for (step = version; step < count; step++)
		if (db_exec(db, steps[step]) == -1)
			goto fail;
	if (pg)
		snprintf(pragma, sizeof(pragma), "UPDATE mvb_version SET "
		    "version = %d", count);
	else
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d; "
		    "PRAGMA application_id=%d", count, MVB_APPLICATION_ID);
	if (db_exec(db, pragma) == -1 || db_commit(db) == -1)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}
