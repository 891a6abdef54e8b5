/*
 * The SQLite side of the engine boundary: what only the opener, the
 * migrations and the file-only commands (backup to a file, check's
 * integrity pass) need. Data queries never use it.
 */
#ifndef MVB_ENGINE_SQLITE_H
#define MVB_ENGINE_SQLITE_H

#include <sqlite3.h>

#include "engine.h"

/* A handle on an open SQLite connection, which it then owns (closed by
 * engine_close()); NULL when out of memory. */
struct db *engine_sqlite_wrap(sqlite3 *lite);
/* The SQLite connection behind db, or NULL when db is not SQLite. */
sqlite3 *engine_sqlite(struct db *db);

#endif
