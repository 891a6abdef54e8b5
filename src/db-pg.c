/*
 * Opening a register on a PostgreSQL server (mvb(1) SHARED REGISTER): the
 * URI goes to libpq as it is (with what libpq reads besides: PGPASSFILE,
 * PGSERVICE, sslmode, several hosts), and every message names the register
 * as postgresql://HOST[:PORT]/DBNAME, never with its user or password.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db.h"
#include "engine-pg.h"
#include "err.h"
#include "migrate.h"
#include "util.h"

/* The register as messages name it: host, port and database only. */
static char *
safe_name(PGconn *conn)
{
	const char	*host = PQhost(conn), *port = PQport(conn);
	const char	*dbname = PQdb(conn);

	if (host == NULL || *host == '\0')
		host = "localhost";
	return xasprintf("postgresql://%s%s%s/%s", host,
	    port != NULL && *port != '\0' && strcmp(port, "5432") != 0 ?
	    ":" : "", port != NULL && strcmp(port, "5432") != 0 ? port : "",
	    dbname != NULL ? dbname : "");
}

/* libpq's reason, one line, without its "connection to server ... failed:"
 * preamble when a reason follows. */
static char *
reason(PGconn *conn)
{
	const char	*msg = PQerrorMessage(conn), *p;
	char		*s;
	size_t		 n;

	if ((p = strstr(msg, "failed: ")) != NULL && p[8] != '\0' &&
	    p[8] != '\n')
		msg = p + 8;
	if (strncmp(msg, "FATAL:  ", 8) == 0)
		msg += 8;
	n = strcspn(msg, "\n");
	s = xmalloc(n + 1);
	memcpy(s, msg, n);
	s[n] = '\0';
	return s;
}

static void
quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

struct db *
db_open_pg(const char *uri, enum db_mode mode)
{
	static const char *const keys[] = { "connect_timeout", "dbname",
	    NULL };
	const char	*values[] = { NULL, uri, NULL };
	PGconn		*conn;
	struct db	*db;
	char		*name, *why, wait[16];
	int		 version;

	/* A quick look gives the server a few seconds to answer, unless the
	 * URI (which comes later) says otherwise. */
	snprintf(wait, sizeof(wait), "%d", (DB_PEEK_WAIT_MS + 999) / 1000);
	if (mode == DB_PEEK)
		values[0] = wait;
	if ((conn = PQconnectdbParams(keys, values, 1)) == NULL) {
		err_fail("cannot open a register on a server: out of memory");
		return NULL;
	}
	name = safe_name(conn);
	if (PQstatus(conn) != CONNECTION_OK) {
		why = reason(conn);
		err_fail("cannot open register '%s': %s", err_quote(name),
		    why);
		free(why);
		free(name);
		PQfinish(conn);
		return NULL;
	}
	PQsetNoticeProcessor(conn, quiet, NULL);
	db = engine_pg_wrap(conn, name);
	free(name);
	/* As a file's busy timeout: a writer waits this long for another. */
	if (engine_exec(db, "SET lock_timeout = 10000") == -1) {
		err_db(db, "cannot open register '%s'",
		    err_quote(engine_name(db)));
		goto fail;
	}
	if (migrate_check(db, &version) == -1)
		goto fail;
	if (version == 0 && mode != DB_WRITE) {
		err_fail("no register at '%s' (create it with 'mvb init')",
		    err_quote(engine_name(db)));
		goto fail;
	}
	if (version < pg_migrations_count && mode != DB_PEEK &&
	    migrate_apply(db) == -1)
		goto fail;
	return db;
fail:
	engine_close(db);
	return NULL;
}
