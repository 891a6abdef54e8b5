/*
 * Opening the register: the file rules of cli.md §2 (create on write,
 * refuse on read, never touch a foreign file) and the connection settings
 * of §11 (WAL, foreign keys, busy timeout).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "migrate.h"
#include "util.h"

/* Create every missing folder above path (like mkdir -p of its dirname). */
static int
make_parents(const char *path)
{
	char	*dir, *p, c;

	dir = xstrdup(path);
	if ((p = strrchr(dir, '/')) == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
			err_fail("cannot create folder '%s': %s",
			    err_quote(dir), strerror(errno));
			free(dir);
			return -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return 0;
}

/*
 * Look at the file before SQLite does: returns 1 when it exists with
 * content, 0 when it is missing or empty, -1 when it cannot be used. A
 * non-empty file that does not start with SQLite's magic is refused here,
 * so SQLite never opens it.
 */
static int
probe_file(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	struct stat	st;
	char		head[16];
	int		fd;
	ssize_t		n;

	if (stat(path, &st) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return err_fail("cannot open register '%s': %s",
		    err_quote(path), strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return err_fail("cannot open register '%s': is a folder",
		    err_quote(path));
	if (!S_ISREG(st.st_mode))
		return err_fail("cannot open register '%s': not a regular file",
		    err_quote(path));
	if (st.st_size == 0)
		return 0;
	if ((fd = open(path, O_RDONLY)) == -1)
		return err_fail("cannot open register '%s': %s",
		    err_quote(path), strerror(errno));
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n != (ssize_t)sizeof(head) || memcmp(head, magic, 16) != 0)
		return err_fail("'%s' is not an mvb register",
		    err_quote(path));
	return 1;
}

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * PRAGMA journal_mode=WAL, waiting while another process holds a lock, but
 * no longer than the busy timeout in all: SQLite may not call its busy
 * handler for this pragma, so the waiting is done here, with the handler
 * off so that no single try waits the whole timeout. A register in another
 * journal mode (a backup copy) is switched on first use; a command that
 * only reads does not wait for that (with wait 0) and reads it as it is.
 */
static int
set_wal(sqlite3 *db, const char *path, int wait)
{
	sqlite3_stmt		*stmt;
	struct timespec		 pause = { 0, 10 * 1000 * 1000 };
	long long		 give_up = now_ms() +
	    (wait ? DB_BUSY_TIMEOUT_MS : 0);
	int			 rc;

	sqlite3_busy_timeout(db, 0);
	for (;;) {
		if (sqlite3_prepare_v2(db, "PRAGMA journal_mode=WAL", -1,
		    &stmt, NULL) != SQLITE_OK)
			break;
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
			sqlite3_busy_timeout(db, DB_BUSY_TIMEOUT_MS);
			return 0;
		}
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		if (now_ms() >= give_up) {
			if (!wait) {
				sqlite3_busy_timeout(db, DB_BUSY_TIMEOUT_MS);
				return 0;
			}
			break;
		}
		nanosleep(&pause, NULL);
	}
	err_db(db, "cannot open register '%s'", err_quote(path));
	sqlite3_busy_timeout(db, DB_BUSY_TIMEOUT_MS);
	return -1;
}

/*
 * mvb_add_months(DATE, N): the month arithmetic of date.h for SQL, so that
 * stored deadlines can be recomputed in one UPDATE. NULL for a bad date.
 */
static void
sql_add_months(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char	*s = (const char *)sqlite3_value_text(argv[0]);
	char		 buf[DATE_BUFSZ];
	int32_t		 d;
	int		 n = sqlite3_value_int(argv[1]);

	(void)argc;
	if (s == NULL || date_parse(s, &d) == -1 || n < 0) {
		sqlite3_result_null(cx);
		return;
	}
	date_format(date_add_months(d, n), buf);
	sqlite3_result_text(cx, buf, -1, SQLITE_TRANSIENT);
}

/* Connection settings every handle gets, memory or file. */
static int
configure(sqlite3 *db)
{
	sqlite3_busy_timeout(db, DB_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db, 0);
	if (sqlite3_create_function(db, "mvb_add_months", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_add_months, NULL,
	    NULL) != SQLITE_OK)
		return err_db(db, "cannot set up the register");
	/*
	 * A bounded cache big enough that bulk writes do not thrash; every page
	 * read checked for cells that overrun it, so that damage is reported
	 * rather than read as a missing row (mvb.1, EXIT STATUS).
	 */
	return db_exec(db, "PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768; "
	    "PRAGMA cell_size_check=ON");
}

/* Whether this process may write path and create files beside it (the
 * -wal and -shm files SQLite needs). */
static int
writable(const char *path)
{
	char	*dir, *slash;
	int	 ok;

	if (access(path, W_OK) == -1)
		return 0;
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) == NULL)
		ok = access(".", W_OK | X_OK) == 0;
	else {
		slash[slash == dir] = '\0';
		ok = access(dir, W_OK | X_OK) == 0;
	}
	free(dir);
	return ok;
}

/*
 * The URI that opens path as immutable: for reading a register this user
 * may not write, without creating the -shm file WAL readers share (which
 * would then belong to this user). The caller frees it.
 */
static char *
immutable_uri(const char *path)
{
	struct strbuf		 sb;
	const unsigned char	*p;

	sb_init(&sb);
	sb_adds(&sb, "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p) != NULL)
			sb_addc(&sb, (char)*p);
		else
			sb_addf(&sb, "%%%02X", *p);
	}
	sb_adds(&sb, "?immutable=1");
	return sb_detach(&sb);
}

/* Whether path exists (any kind of file). */
static int
present(const char *path)
{
	struct stat	st;

	return lstat(path, &st) == 0;
}

sqlite3 *
db_open(const char *path, enum db_mode mode)
{
	sqlite3	*db = NULL;
	char	*wal, *shm, *uri = NULL;
	int	 exists, version, flags, readonly = 0, had_wal, had_shm;

	if ((exists = probe_file(path)) == -1)
		return NULL;
	if (!exists && mode == DB_READ) {
		err_fail("no register at '%s' (create it with 'mvb init')",
		    err_quote(path));
		return NULL;
	}
	if (!exists && make_parents(path) == -1)
		return NULL;
	if (exists && !writable(path)) {
		if (mode == DB_WRITE) {
			err_fail("cannot write to register '%s': %s",
			    err_quote(path),
			    access(path, W_OK) == -1 ? "permission denied" :
			    "its folder is not writable (SQLite keeps its "
			    "-wal and -shm files there)");
			return NULL;
		}
		readonly = 1;	/* reading another user's register */
	}
	/* A -wal file that mvb creates on a file it then refuses is
	 * removed again on close (see fail). */
	wal = xasprintf("%s-wal", path);
	shm = xasprintf("%s-shm", path);
	had_wal = present(wal);
	had_shm = present(shm);
	free(wal);
	free(shm);
	flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE |
	    (exists ? 0 : SQLITE_OPEN_CREATE);
	/* A reader who may not write reads it as immutable, creating no
	 * -shm of its own, but only when no program has it open (no -shm)
	 * and no write is left in a -wal file, which it would not see. */
	if (readonly && !had_shm && !had_wal) {
		uri = immutable_uri(path);
		flags |= SQLITE_OPEN_URI;
	}
	if (sqlite3_open_v2(uri != NULL ? uri : path, &db, flags, NULL) !=
	    SQLITE_OK) {
		free(uri);
		if (db == NULL) {
			err_fail("cannot open register '%s': out of memory",
			    err_quote(path));
			return NULL;
		}
		err_db(db, "cannot open register '%s'", err_quote(path));
		goto fail;
	}
	free(uri);
	/* Never checkpoint into a file that turns out not to be ours. */
	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	if (configure(db) == -1)
		goto fail;
	if (migrate_check(db, &version) == -1)
		goto fail;
	if (version == 0 && exists) {
		/*
		 * SQLite content without mvb's schema belongs to another
		 * program: mvb's first write to a new file is its whole first
		 * migration (before the switch to WAL), so a register in the
		 * making is 0 bytes until it has its schema.
		 */
		err_fail("'%s' is not an mvb register", err_quote(path));
		goto fail;
	}
	if (readonly) {
		if (version < migrations_count) {
			err_fail("register '%s' needs its schema brought up to "
			    "date, which needs write access to it",
			    err_quote(path));
			goto fail;
		}
		return db;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
	/* Schema first, then WAL: see above. */
	if (version < migrations_count && migrate_apply(db) == -1)
		goto fail;
	if (set_wal(db, path, mode == DB_WRITE ||
	    version < migrations_count) == -1)
		goto fail;
	return db;
fail:
	if (err_sqlite_code() == SQLITE_NOTADB)
		err_clear(), err_fail("'%s' is not an mvb register",
		    err_quote(path));
	if (err_sqlite_code() == SQLITE_READONLY)
		err_clear(), err_fail("cannot open register '%s': it is "
		    "read-only for this user", err_quote(path));
	/*
	 * Nothing was written. When the -wal file is of mvb's making (it was
	 * not there before), let SQLite delete it and the -shm file on close;
	 * a -wal file that was there may hold another program's frames, which
	 * must not be checkpointed into a file that is not ours.
	 */
	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, had_wal, NULL);
	sqlite3_close(db);
	return NULL;
}

sqlite3 *
db_open_memory(void)
{
	return db_open_scratch(":memory:");
}

sqlite3 *
db_open_scratch(const char *name)
{
	sqlite3	*db;

	if (sqlite3_open(name, &db) != SQLITE_OK) {
		err_db(db, "cannot open a scratch register");
		sqlite3_close(db);
		return NULL;
	}
	if (configure(db) == -1 || migrate_apply(db) == -1) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

void
db_close(sqlite3 *db)
{
	if (db != NULL)
		sqlite3_close(db);
}

int
db_exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return err_db(db, "cannot run '%.40s'", sql);
	return 0;
}

int
db_begin(sqlite3 *db)
{
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return err_db(db, "cannot start writing to the register");
	return 0;
}

int
db_commit(sqlite3 *db)
{
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		err_db(db, "cannot write to the register");
		db_rollback(db);
		return -1;
	}
	return 0;
}

void
db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *
db_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*stmt;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		err_db(db, "cannot read the register");
		return NULL;
	}
	return stmt;
}

int
db_run(sqlite3 *db, sqlite3_stmt *stmt)
{
	int	rc;

	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return err_db(db, "cannot write to the register");
	return 0;
}

int
db_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
}

void
db_bind_named(sqlite3_stmt *stmt, const char *name, const char *s)
{
	int	idx = sqlite3_bind_parameter_index(stmt, name);

	if (idx > 0)
		db_bind_text(stmt, idx, s);
}

char *
db_column_strdup(sqlite3_stmt *stmt, int col)
{
	const unsigned char	*s;

	if ((s = sqlite3_column_text(stmt, col)) == NULL)
		return NULL;
	return xstrdup((const char *)s);
}

int
db_query_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_prepare(db, sql)) == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return err_db(db, "cannot read the register");
	return 0;
}

int
db_check_table(sqlite3 *db, const char *table)
{
	sqlite3_stmt	*stmt;
	const char	*s;
	char		*sql;
	int		 rc, sound;

	sql = xasprintf("PRAGMA quick_check(%s)", table);
	stmt = db_prepare(db, sql);
	free(sql);
	if (stmt == NULL)
		return -1;
	/* One row "ok" when sound; otherwise one row a problem. */
	rc = sqlite3_step(stmt);
	sound = rc == SQLITE_ROW &&
	    (s = (const char *)sqlite3_column_text(stmt, 0)) != NULL &&
	    strcmp(s, "ok") == 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return err_db(db, "cannot check table %s", table);
	if (!sound)
		return err_damaged(db, sqlite3_errstr(SQLITE_CORRUPT));
	return 0;
}
