/*
 * Applying the numbered migrations compiled into the binary, one
 * transaction each, and recognising what is and is not an mvb register.
 */
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "migrate.h"
#include "sql.h"

/* Read application_id, user_version and whether any schema object exists. */
static int
read_marks(struct db *db, int64_t *app, int64_t *version, int64_t *objects)
{
	if (db_query_int(db, "PRAGMA application_id", app) == -1 ||
	    db_query_int(db, "PRAGMA user_version", version) == -1 ||
	    db_query_int(db, "SELECT count(*) FROM sqlite_schema",
	    objects) == -1)
		return -1;
	return 0;
}

static int
judge(struct db *db, int *version)
{
	const char	*file = engine_name(db);
	int64_t		 app, ver, objects;

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
	int	rc;

	if (engine_kind(db) == ENGINE_PG)
		return pg_judge(db, version);

	/* One read transaction: the marks are read from one snapshot. */
	if (db_exec(db, "BEGIN") == -1)
		return -1;
	rc = judge(db, version);
	db_rollback(db);
	return rc;
}

/*
 * Apply migration step (user_version step to step + 1) in its own
 * IMMEDIATE transaction, unless another process applied it first. Private:
 * only migrate_apply() takes the steps, in order.
 */
static int
apply_step(struct db *db, int step)
{
	char	pragma[96];
	int	version;

	if (db_begin(db) == -1)
		return -1;
	/* Read again under the lock: another process may have won. */
	if ((engine_kind(db) == ENGINE_PG ? pg_judge(db, &version) :
	    judge(db, &version)) == -1)
		goto fail;
	if (version > step) {
		db_rollback(db);
		return 0;
	}
	if (engine_kind(db) == ENGINE_PG) {
		snprintf(pragma, sizeof(pragma), "UPDATE mvb_version SET "
		    "version = %d", step + 1);
		if (db_exec(db, pg_migrations[step]) == -1 ||
		    db_exec(db, pragma) == -1 || db_commit(db) == -1)
			goto fail;
		return 0;
	}
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d; "
	    "PRAGMA application_id=%d", step + 1, MVB_APPLICATION_ID);
	if (db_exec(db, migrations[step]) == -1 ||
	    db_exec(db, pragma) == -1 || db_commit(db) == -1)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

int
migrate_apply(struct db *db)
{
	int	step;

	for (step = 0; step < migrations_count; step++)
		if (apply_step(db, step) == -1)
			return -1;
	return 0;
}
