/*
 * The few SQL conveniences every module shares (src/sql.c). They sit
 * below both the register's opener (db.h) and the migrations (migrate.h)
 * and call neither. The db_ prefix is theirs from when they lived in db.c.
 * Nothing here prints; failures are recorded with err_db() and returned
 * as -1 or NULL.
 */
#ifndef MVB_SQL_H
#define MVB_SQL_H

#include "engine.h"
#include <stdint.h>

/* Begin the write transaction / COMMIT / ROLLBACK. begin and commit return 0 or -1. */
int db_begin(struct db *db);
/* Begin a read-only transaction, one snapshot for every query in it
 * (engine_begin_read()); end it with db_rollback(). 0 or -1. */
int db_begin_read(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* Run SQL without results; returns 0 or -1. */
int db_exec(struct db *db, const char *sql);
/* Prepare one statement; NULL on failure (recorded). */
struct stmt *db_prepare(struct db *db, const char *sql);
/* Step a statement that returns no row, then finalize it; 0 or -1. */
int db_run(struct db *db, struct stmt *stmt);

/* Bind text, or NULL when s is NULL. */
int db_bind_text(struct stmt *stmt, int idx, const char *s);
/* A column's text as a new string (NULL for SQL NULL); caller frees. */
char *db_column_strdup(struct stmt *stmt, int col);

/* The first column of the first row of a one-parameter-free query as an
 * integer; returns 0 or -1. */
int db_query_int(struct db *db, const char *sql, int64_t *out);

/*
 * Whether a lookup that found nothing in table can be believed: a damaged
 * page can make SQLite's search miss a row without reporting corruption.
 * Returns 0 when PRAGMA quick_check finds table and its indexes sound, or
 * -1 with the damaged-register error (err_damaged()) recorded. It reads the
 * whole table: for the path that reports "no such row", not every lookup.
 */
int db_check_table(struct db *db, const char *table);

#endif
