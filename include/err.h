/*
 * Error reporting without printing. A subsystem that fails records one
 * message and the exit status it deserves with err_set() and returns -1;
 * main() prints "mvb: <message>" once and exits with that status. Keeping
 * the message in memory is what lets the unit tests assert on it.
 */
#ifndef MVB_ERR_H
#define MVB_ERR_H

#include <stddef.h>

#include "engine.h"

#include "util.h"

/* The documented exit statuses (mvb(1) GLOBAL OPTIONS). */
enum mvb_exit {
	EXIT_OK = 0,
	EXIT_FAIL = 1,		/* operational failure */
	EXIT_USAGE = 2,		/* usage or validation error */
	EXIT_FOUND = 3		/* --exit-code found something */
};

/*
 * Record an error message (without the "mvb: " prefix) and its exit status.
 * The first error recorded wins until err_clear(). Returns -1.
 */
int err_set(enum mvb_exit code, const char *fmt, ...) MVB_PRINTF(2, 3);
/* Shorthands for the two common statuses. Both return -1. */
int err_usage(const char *fmt, ...) MVB_PRINTF(1, 2);
int err_fail(const char *fmt, ...) MVB_PRINTF(1, 2);
/*
 * An SQLite failure: the message gets ": " and sqlite3_errmsg(db) appended;
 * status 1. When SQLite reports damage (SQLITE_CORRUPT, SQLITE_NOTADB) the
 * message is err_damaged()'s instead, whatever the action. Returns -1.
 */
int err_db(struct db *db, const char *fmt, ...) MVB_PRINTF(2, 3);
/* The register open on db is damaged (why: SQLite's words): one message
 * naming its file, status 1. Returns -1. */
int err_damaged(struct db *db, const char *why);

/*
 * Every value an error message quotes goes through err_quote(), so that it
 * is one line and short (mvb.1, DESCRIPTION): its first ERR_QUOTE_MAX
 * characters, then "…" when there are more; control characters and bytes
 * that are not UTF-8 are written as \xNN, each one character.
 *
 *	err_usage("--on: invalid date '%s'", err_quote(value));
 *
 * The result is one of ERR_QUOTE_RING static buffers used in turn: it
 * stays valid for that many calls, enough for all the values of one
 * message, and is never freed. NULL is quoted as an empty string. errno
 * is left as it was, so strerror(errno) may follow among the arguments.
 */
#define ERR_QUOTE_MAX 60
#define ERR_QUOTE_RING 8
const char *err_quote(const char *s);
/* err_quote() of the first n bytes of s (fewer when s ends sooner). */
const char *err_quote_n(const char *s, size_t n);

/* The recorded message, or NULL when none. */
const char *err_msg(void);
/* The primary SQLite result code err_db() recorded (SQLITE_NOTADB, ...),
 * or 0 when the error did not come from SQLite. */
int err_sqlite_code(void);
/* The recorded status, EXIT_OK when none. */
enum mvb_exit err_code(void);
void err_clear(void);

#endif
