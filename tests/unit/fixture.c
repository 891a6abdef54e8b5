/*
 * The unit tests' shared fixture (fixture.h), in the manner of libssh's
 * tests/torture.c: what every test file would otherwise copy.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "fixture.h"
#include "util.h"

int
fixture_start(void)
{
	err_clear();
	return setenv("USER", "tester", 1) == 0 ? 0 : -1;
}

void
fixture_end(void)
{
	err_clear();
}

struct db *
fixture_register(void)
{
	if (fixture_start() == -1)
		return NULL;
	return db_open_memory();
}

int
fixture_setup(void **state)
{
	struct db	*db;

	if ((db = fixture_register()) == NULL)
		return -1;
	*state = db;
	return 0;
}

int
fixture_teardown(void **state)
{
	db_close(*state);
	fixture_end();
	return 0;
}

char *
fixture_temp_dir(const char *name)
{
	char	*dir = xasprintf("/tmp/mvb-test-%s.XXXXXX", name);

	if (mkdtemp(dir) == NULL) {
		free(dir);
		return NULL;
	}
	return dir;
}

void
fixture_remove_tree(const char *path)
{
	struct stat	 st;
	struct dirent	*e;
	DIR		*dp;
	char		*sub;

	if (lstat(path, &st) == -1)
		return;
	if (S_ISDIR(st.st_mode) && (dp = opendir(path)) != NULL) {
		while ((e = readdir(dp)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			sub = xasprintf("%s/%s", path, e->d_name);
			fixture_remove_tree(sub);
			free(sub);
		}
		closedir(dp);
		rmdir(path);
	} else {
		unlink(path);
	}
}

int32_t
day(const char *s)
{
	int32_t	d;

	if (date_parse(s, &d) != 0)
		fail_msg("bad date '%s' in test", s);
	return d;
}

/* fmt and ap as a new string. */
static char *
vformat(const char *fmt, va_list ap)
{
	struct strbuf	sb;

	sb_init(&sb);
	sb_vaddf(&sb, fmt, ap);
	return sb_detach(&sb);
}

void
exec(struct db *db, const char *fmt, ...)
{
	char	*sql;
	va_list	 ap;

	va_start(ap, fmt);
	sql = vformat(fmt, ap);
	va_end(ap);
	if (engine_exec(db, sql) == -1)
		fail_msg("%s: %s", sql, engine_errmsg(db));
	free(sql);
}

int64_t
count(struct db *db, const char *sql)
{
	int64_t	n = -1;

	if (db_query_int(db, sql, &n) != 0)
		fail_msg("%s: %s", sql, err_msg());
	return n;
}

int64_t
countf(struct db *db, const char *fmt, ...)
{
	char	*sql;
	va_list	 ap;
	int64_t	 n;

	va_start(ap, fmt);
	sql = vformat(fmt, ap);
	va_end(ap);
	n = count(db, sql);
	free(sql);
	return n;
}

void
assert_text_equal(const char *got, const char *want)
{
	if (want == NULL) {
		if (got != NULL)
			fail_msg("'%s' where NULL was expected", got);
		return;
	}
	if (got == NULL)
		fail_msg("NULL where '%s' was expected", want);
	assert_string_equal(got, want);
}

void
make_decision(struct decision *d, const char *title, const char *decided)
{
	decision_init(d);
	decision_set_text(&d->title, title);
	decision_set_text(&d->capability, "message queue");
	decision_set_text(&d->choice, "buy");
	decision_set_text(&d->status, "active");
	decision_set_text(&d->currency, "USD");
	d->decided_on = day(decided);
	d->anchor_on = d->decided_on;
	d->next_review_on = date_add_months(d->decided_on, 12);
	d->deadline_on = date_add_months(d->decided_on, 18);
}

int64_t
insert_decision(struct db *db, const char *title, const char *status,
    const char *decided)
{
	struct decision	 d;
	int64_t		 id;

	make_decision(&d, title, decided);
	decision_set_text(&d.status, status);
	if (decision_insert(db, &d) != 0)
		fail_msg("insert: %s", err_msg());
	id = d.id;
	decision_release(&d);
	return id;
}
