/*
 * The one recorded error of a run: its message and exit status (err.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "err.h"
#include "text.h"

/* The message is as long as it needs to be; the values quoted in it are
 * short (err_quote()). */
static struct strbuf	err_buf;
static int		err_set_flag;
static enum mvb_exit	err_status = EXIT_OK;
static int		err_sqlite;	/* SQLite's primary code, or 0 */

static int
err_vset(enum mvb_exit code, const char *suffix, const char *fmt, va_list ap)
{
	if (err_set_flag)
		return -1;
	if (err_buf.buf == NULL)
		sb_init(&err_buf);
	sb_reset(&err_buf);
	sb_vaddf(&err_buf, fmt, ap);
	if (suffix != NULL)
		sb_addf(&err_buf, ": %s", suffix);
	err_set_flag = 1;
	err_status = code;
	return -1;
}

int
err_set(enum mvb_exit code, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	err_vset(code, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_usage(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	err_vset(EXIT_USAGE, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_fail(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	err_vset(EXIT_FAIL, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

/* SQLite's codes for a file it can no longer trust. */
static int
damage(int code)
{
	return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

int
err_db(struct db *db, const char *fmt, ...)
{
	va_list	ap;
	int	code = db != NULL ? engine_code(db) : 0;

	/* Whatever the action, damage is told as damage (mvb.1, EXIT
	 * STATUS), so that it is never taken for a missing row. */
	if (damage(code))
		return err_damaged(db, engine_errmsg(db));
	if (!err_set_flag)
		err_sqlite = code;
	va_start(ap, fmt);
	err_vset(EXIT_FAIL, db != NULL ? engine_errmsg(db) : NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_damaged(struct db *db, const char *why)
{
	const char	*path = engine_name(db);

	if (!err_set_flag)
		err_sqlite = damage(engine_code(db)) ? engine_code(db) :
		    SQLITE_CORRUPT;
	if (path == NULL || *path == '\0')
		return err_fail("the register is damaged: %s (run 'mvb check')",
		    why);
	return err_fail("register '%s' is damaged: %s (run 'mvb check')",
	    err_quote(path), why);
}

const char *
err_quote_n(const char *s, size_t n)
{
	static char	quoted[ERR_QUOTE_RING][TEXT_QUOTE_SIZE(ERR_QUOTE_MAX)];
	static int	next;
	char		*dst = quoted[next];

	next = (next + 1) % ERR_QUOTE_RING;
	return text_quote_n(dst, s != NULL ? s : "", n, ERR_QUOTE_MAX);
}

const char *
err_quote(const char *s)
{
	return err_quote_n(s, SIZE_MAX);
}

const char *
err_msg(void)
{
	return err_set_flag ? err_buf.buf : NULL;
}

int
err_sqlite_code(void)
{
	return err_set_flag ? err_sqlite : 0;
}

enum mvb_exit
err_code(void)
{
	return err_set_flag ? err_status : EXIT_OK;
}

void
err_clear(void)
{
	err_set_flag = 0;
	err_status = EXIT_OK;
	err_sqlite = 0;
	sb_release(&err_buf);
}
