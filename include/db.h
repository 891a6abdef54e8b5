/*
 * Opening the register file (cli.md §2 and §11) and the few SQLite
 * conveniences every module shares. Nothing here prints; failures are
 * recorded with err_*() and returned as -1 or NULL.
 */
#ifndef MVB_DB_H
#define MVB_DB_H

#include <sqlite3.h>
#include <stdint.h>

enum db_mode {
	DB_READ,	/* a missing register is an error; nothing is created */
	DB_WRITE	/* a missing register and its folders are created */
};

/* How long a command waits for another process's write lock. */
#define DB_BUSY_TIMEOUT_MS 10000

/*
 * Open the register at path, refuse what is not an mvb register or is
 * newer than this program (status 1, file untouched), bring an older
 * schema up to date, and turn on WAL, foreign keys and the busy timeout.
 * Returns the handle (close it with db_close()) or NULL.
 */
sqlite3 *db_open(const char *path, enum db_mode mode);
/* An in-memory register with the real migrations, for the unit tests. */
sqlite3 *db_open_memory(void);
/*
 * A register with the real migrations that no one else sees: name is
 * ":memory:" or "" (a private temporary file that SQLite deletes on close,
 * whose pages spill to disk beyond the cache, so memory stays flat).
 */
sqlite3 *db_open_scratch(const char *name);
void db_close(sqlite3 *db);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. begin and commit return 0 or -1. */
int db_begin(sqlite3 *db);
int db_commit(sqlite3 *db);
void db_rollback(sqlite3 *db);

/* Run SQL without results; returns 0 or -1. */
int db_exec(sqlite3 *db, const char *sql);
/* Prepare one statement; NULL on failure (recorded). */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql);
/* Step a statement that returns no row, then finalize it; 0 or -1. */
int db_run(sqlite3 *db, sqlite3_stmt *stmt);

/* Bind text, or NULL when s is NULL. */
int db_bind_text(sqlite3_stmt *stmt, int idx, const char *s);
/* Bind text (or NULL) to the named parameter, when the statement has it. */
void db_bind_named(sqlite3_stmt *stmt, const char *name, const char *s);
/* A column's text as a new string (NULL for SQL NULL); caller frees. */
char *db_column_strdup(sqlite3_stmt *stmt, int col);

/* The first column of the first row of a one-parameter-free query as an
 * integer; returns 0 or -1. */
int db_query_int(sqlite3 *db, const char *sql, int64_t *out);

/*
 * Whether a lookup that found nothing in table can be believed: a damaged
 * page can make SQLite's search miss a row without reporting corruption.
 * Returns 0 when PRAGMA quick_check finds table and its indexes sound, or
 * -1 with the damaged-register error (err_damaged()) recorded. It reads the
 * whole table: for the path that reports "no such row", not every lookup.
 */
int db_check_table(sqlite3 *db, const char *table);

#endif
