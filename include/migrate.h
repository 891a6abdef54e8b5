/*
 * The schema migrations compiled into the binary (from the migrations/ files by
 * src/tools/embed.c) and the code that applies them. Only the register's
 * opener (db.c) and the unit tests use this; it is built on the SQL
 * helpers of sql.h alone and calls nothing above it.
 */
#ifndef MVB_MIGRATE_H
#define MVB_MIGRATE_H

#include "engine.h"

/* 'mvb1' in ASCII: marks a SQLite file as an mvb register. */
#define MVB_APPLICATION_ID 0x6d766231

/* migrations[i] brings user_version i to i + 1. */
extern const char *const migrations[];
extern const int migrations_count;
/* The same steps on PostgreSQL (migrations/pg/), as many as migrations. */
extern const char *const pg_migrations[];
extern const int pg_migrations_count;

/*
 * Bring db's schema up to date. Each pending migration runs with its
 * user_version bump in its own IMMEDIATE transaction; the version is read
 * again under the write lock, so concurrent processes apply each step once.
 * A file that is not an mvb register or whose schema is newer than this
 * program is refused (status 1) and left untouched. Returns 0 or -1.
 */
int migrate_apply(struct db *db);

/*
 * Check, without writing, that db is an mvb register this program can use:
 * returns 0 with *version set (0 for a brand-new empty file), or -1.
 */
int migrate_check(struct db *db, int *version);

#endif
