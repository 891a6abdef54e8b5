/*
 * The engine boundary (mvb(1) FILES): the one place that knows whether the
 * register is an SQLite file or a PostgreSQL database. Every data query
 * goes through these functions, written once with $1...$n parameters in
 * the SQL both engines run the same way. Two implementations sit behind
 * it: src/engine-sqlite.c and src/engine-pg.c. Opening (db.c, db-pg.c)
 * and the few file-only facts (WAL, PRAGMA) stay on their engine's side.
 *
 * Nothing here prints or records an error: a failure returns -1 (or
 * ENGINE_ERROR, or NULL) and leaves its message and class in the handle
 * (engine_errmsg(), engine_error()) for err_db() to report.
 */
#ifndef MVB_ENGINE_H
#define MVB_ENGINE_H

#include <stdint.h>

struct db;	/* a connection to a register */
struct stmt;	/* one prepared query */

enum engine_kind {
	ENGINE_SQLITE,
	ENGINE_PG
};

/* What a failure was: the callers act on the class, never on codes. */
enum engine_error {
	ENGINE_OK,
	ENGINE_RETRY,		/* a conflict with another writer: run the
				 * transaction again from the start */
	ENGINE_UNIQUE,		/* a unique or primary key would repeat */
	ENGINE_DAMAGED,		/* the register reports damage */
	ENGINE_OTHER
};

/* engine_step()'s answers (SQLite's values, so old code reads the same). */
#define ENGINE_ERROR	1
#define ENGINE_ROW	100
#define ENGINE_DONE	101

/* Begin the write transaction (serialised with every other writer),
 * commit it, roll back whatever is open. 0 or -1. */
int engine_begin(struct db *db);
int engine_commit(struct db *db);
void engine_rollback(struct db *db);
/* Begin a read-only transaction in which every query sees the register as
 * one snapshot, taken at its first query (mvb(1) SHARED REGISTER); end it
 * with engine_rollback(). 0 or -1. */
int engine_begin_read(struct db *db);
/* Run SQL without parameters or results (several statements). 0 or -1. */
int engine_exec(struct db *db, const char *sql);

/* Prepare one query; NULL on failure. */
struct stmt *engine_prepare(struct db *db, const char *sql);
/* Bind $n to text (NULL binds SQL NULL) or an integer. A parameter the
 * query does not use is ignored. 0 or -1. */
int engine_bind_text(struct stmt *stmt, int n, const char *s);
int engine_bind_int(struct stmt *stmt, int n, int64_t v);
/* The next row: ENGINE_ROW, ENGINE_DONE or ENGINE_ERROR. Inside a
 * transaction rows may come from the server a batch at a time, so that a
 * long result is never held whole; other statements may run between two
 * steps. */
int engine_step(struct stmt *stmt);
/* The current row's column col (from 0): text (NULL for SQL NULL; valid
 * until the next step), integer (0 for NULL, 1 and 0 for true and false),
 * whether it is NULL, and how many columns there are. */
const char *engine_column_text(struct stmt *stmt, int col);
int64_t engine_column_int(struct stmt *stmt, int col);
int engine_column_null(struct stmt *stmt, int col);
int engine_column_count(struct stmt *stmt);
/* Run again from the start (bindings kept); forget the bindings; free. */
void engine_reset(struct stmt *stmt);
void engine_clear_bindings(struct stmt *stmt);
void engine_finalize(struct stmt *stmt);

/*
 * Bulk writing, for import (mvb(1) SHARED REGISTER): declare a stream of
 * rows into table's columns (its comma-separated list), then give each
 * row's values as text, NULL for SQL NULL, in that order. Any other query
 * on db first ends the stream, which writes its rows (an error they raise
 * is that query's), and the next row starts it again; commit ends it,
 * rollback drops it. engine_copy_begin() returns 0, -1, or 1 when the
 * engine has no such stream (SQLite: its INSERT costs no round trip).
 * engine_copying() says whether a stream into table is declared.
 * engine_copy_end() writes what is left and ends the stream: 0 or -1.
 */
int engine_copy_begin(struct db *db, const char *table, const char *columns);
int engine_copying(struct db *db, const char *table);
int engine_copy_row(struct db *db, const char *const *values, int n);
int engine_copy_end(struct db *db);

/* The last failure on db: its class and the engine's words. */
enum engine_error engine_error(struct db *db);
const char *engine_errmsg(struct db *db);
/* The last failure as an SQLite result code (SQLITE_NOTADB, ...), which
 * err.h keeps; a PostgreSQL failure maps onto the nearest. */
int engine_code(struct db *db);

enum engine_kind engine_kind(struct db *db);
/* The register as messages name it: a file's path, or a server URI
 * without its password ("" for a private in-memory register). */
const char *engine_name(struct db *db);
/* Whether a transaction is open. */
int engine_in_transaction(struct db *db);
void engine_close(struct db *db);

#endif
