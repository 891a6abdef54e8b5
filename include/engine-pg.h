/*
 * The PostgreSQL side of the engine boundary: what only the opener
 * (db-pg.c), the migrations and backup's COPY need.
 */
#ifndef MVB_ENGINE_PG_H
#define MVB_ENGINE_PG_H

#include <libpq-fe.h>

#include "engine.h"

/* A handle on an open connection, which it then owns; name is how
 * messages call the register (a URI without its password). */
struct db *engine_pg_wrap(PGconn *conn, const char *name);
/* The connection behind db, or NULL when db is not PostgreSQL. */
PGconn *engine_pg(struct db *db);

#endif
