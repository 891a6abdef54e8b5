/*
 * Opening the register file (mvb.1, FILES): create, refuse, identify,
 * bring the schema up to date and configure the connection. The SQL
 * helpers every module shares are in sql.h. Nothing here prints; failures
 * are recorded with err_*() and returned as NULL.
 */
#ifndef MVB_DB_H
#define MVB_DB_H

#include "engine.h"
#include <stdint.h>

#include "sql.h"	/* the SQL helpers, for every caller of the opener */

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
struct db *db_open(const char *path, enum db_mode mode);
/* db_open() of a postgresql:// or postgres:// URI (src/db-pg.c). */
struct db *db_open_pg(const char *uri, enum db_mode mode);
/* An in-memory register with the real migrations, for the unit tests. */
struct db *db_open_memory(void);
/*
 * A register with the real migrations that no one else sees: name is
 * ":memory:" or "" (a private temporary file that SQLite deletes on close,
 * whose pages spill to disk beyond the cache, so memory stays flat).
 */
struct db *db_open_scratch(const char *name);
void db_close(struct db *db);

/* Whether path names a server register (a postgresql:// or postgres://
 * URI) rather than a file. */
int db_is_uri(const char *path);

#endif
