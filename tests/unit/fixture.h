/*
 * The unit tests' shared fixture (tests/unit/fixture.c), compiled once and
 * linked into every unit test binary: the set-up and tear-down of a test
 * on an in-memory register with the real migrations, and the helpers the
 * tests have in common. A helper that cannot do its part fails the test
 * (cmocka's fail_msg()), so callers need not check.
 *
 * Include it after cmocka.h.
 */
#ifndef MVB_TEST_FIXTURE_H
#define MVB_TEST_FIXTURE_H

#include "engine.h"
#include <stdint.h>

#include "decision.h"
#include "util.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/*
 * The state every test starts from: no error recorded and $USER "tester"
 * (the history's who). fixture_start() returns 0 or -1, for setups of
 * their own; fixture_end() clears the error again.
 */
int fixture_start(void);
void fixture_end(void);
/* fixture_start() and a new in-memory register with the real migrations;
 * NULL when it cannot be opened. Close it with db_close(). */
struct db *fixture_register(void);

/* cmocka setup and teardown for a test whose *state is the register. */
int fixture_setup(void **state);
int fixture_teardown(void **state);

/* A new temporary folder ("/tmp/mvb-test-NAME.XXXXXX"), or NULL; and the
 * removal of a path and everything under it. */
char *fixture_temp_dir(const char *name);
void fixture_remove_tree(const char *path);

/* The day number of "YYYY-MM-DD". */
int32_t day(const char *s);

/* Run SQL (printf-style) that returns no rows. */
void exec(struct db *db, const char *fmt, ...) MVB_PRINTF(2, 3);
/* The integer that a query (plain, or printf-style) returns first. */
int64_t count(struct db *db, const char *sql);
int64_t countf(struct db *db, const char *fmt, ...) MVB_PRINTF(2, 3);

/* got and want are both NULL or equal strings. */
void assert_text_equal(const char *got, const char *want);

/*
 * Fill d (initialised here) with the required fields of an active decision
 * titled title, for the capability "message queue", bought, in USD,
 * decided on decided, with the default review window (12 and 18 months).
 */
void make_decision(struct decision *d, const char *title,
    const char *decided);
/* Insert a decision made by make_decision() with the given status; its
 * id. */
int64_t insert_decision(struct db *db, const char *title, const char *status,
    const char *decided);

#endif
