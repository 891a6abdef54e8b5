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
	DB_WRITE,	/* a missing register and its folders are created */
	DB_PEEK		/* as DB_READ, for a quick look that changes nothing
			 * (shell completion): a file opened read-only, an
			 * older schema read as it is, a lock waited on and a
			 * server's answer waited for DB_PEEK_WAIT_MS */
};

/* How long a DB_PEEK open waits for a lock or a server. */
#define DB_PEEK_WAIT_MS 2000

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

/*
 * For the first load into a register just created: a rollback journal
 * instead of WAL, so that every page is written once, not to the -wal file
 * and again by the checkpoint. SQLite makes the switch only when no other
 * connection has the register open; a server register is left as it is.
 * Returns 1 when switched, 0 when not
 * (the register stays in WAL), -1 on error. db_bulk_end() turns WAL back
 * on, waiting up to the busy timeout for readers that came meanwhile;
 * should that fail, the next command that opens the register turns it on.
 */
int db_bulk_begin(struct db *db);
void db_bulk_end(struct db *db, const char *path);

#endif
