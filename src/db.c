/*
 * Opening the register: the file rules of mvb(1) GLOBAL OPTIONS (create on
 * write, refuse on read, never touch a foreign file) and the connection
 * settings of mvb(1) FILES (WAL, foreign keys, busy timeout).
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
#include "engine-sqlite.h"
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
 * so SQLite never opens it. *wal is set when its header says WAL mode
 * (the file format versions at offsets 18 and 19 are 2), which only a
 * change of journal mode, under an exclusive lock, rewrites.
 */
static int
probe_file(const char *path, int *wal)
{
	static const char magic[16] = "SQLite format 3";
	struct stat	st;
	char		head[20];
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
	if (n < 16 || memcmp(head, magic, 16) != 0)
		return err_fail("'%s' is not an mvb register",
		    err_quote(path));
	*wal = n == (ssize_t)sizeof(head) && head[18] == 2 && head[19] == 2;
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
set_wal(struct db *handle, const char *path, int wait)
{
	sqlite3			*db = engine_sqlite(handle);
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
	err_db(handle, "cannot open register '%s'", err_quote(path));
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
configure(struct db *db)
{
	sqlite3	*lite = engine_sqlite(db);

	sqlite3_busy_timeout(lite, DB_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(lite, 0);
	if (sqlite3_create_function(lite, "mvb_add_months", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_add_months, NULL,
	    NULL) != SQLITE_OK)
		return err_db(db, "cannot set up the register");
	/*
	 * A small page cache (1 MiB), so that memory stays flat whatever the
	 * register's size; SQLite's sorts hold as much before they spill to
	 * a temporary file. Reads walk tables and indexes in order and a
	 * bulk write spills to the WAL, so a bigger cache buys nothing
	 * measurable (4 MiB took as long at 1,000,000 decisions). Every page
	 * read checked for cells that overrun it, so that damage is reported
	 * rather than read as a missing row (mvb.1, EXIT STATUS).
	 */
	return db_exec(db, "PRAGMA foreign_keys=ON; PRAGMA cache_size=-1024; "
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

/* What db_open() learns about the file before and while opening it. */
struct opening {
	const char	*path;
	int		 exists;	/* with content, before the open */
	int		 readonly;	/* reading another user's register */
	int		 had_wal;	/* a -wal file was there before */
	int		 had_shm;	/* so was a -shm file */
	int		 wal;		/* its header says WAL mode already */
	int		 version;	/* the schema version found */
	int		 peek;		/* DB_PEEK: an older one is read */
};

/*
 * Phase 1, the file: refuse what cannot be a register, refuse a missing
 * one to a reader, create the folders of a missing one for a writer, and
 * note whether this user may write it and which -wal and -shm files were
 * there before mvb. Returns 0 or -1.
 */
static int
open_resolve(struct opening *op, enum db_mode mode)
{
	const char	*path = op->path;
	char		*wal, *shm;

	if ((op->exists = probe_file(path, &op->wal)) == -1)
		return -1;
	if (!op->exists && mode != DB_WRITE)
		return err_fail("no register at '%s' (create it with 'mvb "
		    "init')", err_quote(path));
	if (!op->exists && make_parents(path) == -1)
		return -1;
	if (mode == DB_PEEK)
		op->readonly = 1;
	else if (op->exists && !writable(path)) {
		if (mode == DB_WRITE)
			return err_fail("cannot write to register '%s': %s",
			    err_quote(path), access(path, W_OK) == -1 ?
			    "permission denied" : "its folder is not writable "
			    "(SQLite keeps its -wal and -shm files there)");
		op->readonly = 1;
	}
	/* A -wal file that mvb creates on a file it then refuses is
	 * removed again on close (see open_failed()). */
	wal = xasprintf("%s-wal", path);
	shm = xasprintf("%s-shm", path);
	op->had_wal = present(wal);
	op->had_shm = present(shm);
	free(wal);
	free(shm);
	return 0;
}

/*
 * Phase 2, the handle: open the file read-write (creating a missing one)
 * or, for a reader who may not write, read-only. Returns 0 with *dbp set,
 * or -1 (with *dbp set when there is a handle to close).
 */
static int
open_handle(struct opening *op, struct db **dbp)
{
	sqlite3	*lite = NULL;
	char	*uri = NULL;
	int	 flags, rc;

	flags = op->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE |
	    (op->exists ? 0 : SQLITE_OPEN_CREATE);
	/* A reader who may not write reads it as immutable, creating no
	 * -shm of its own, but only when no program has it open (no -shm)
	 * and no write is left in a -wal file, which it would not see. */
	if (op->readonly && !op->had_shm && !op->had_wal) {
		uri = immutable_uri(op->path);
		flags |= SQLITE_OPEN_URI;
	}
	rc = sqlite3_open_v2(uri != NULL ? uri : op->path, &lite, flags, NULL);
	free(uri);
	if (lite == NULL)
		return err_fail("cannot open register '%s': out of memory",
		    err_quote(op->path));
	*dbp = engine_sqlite_wrap(lite);
	if (rc == SQLITE_OK) {
		/* Never checkpoint into a file that turns out not to be
		 * ours. */
		sqlite3_db_config(lite, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1,
		    NULL);
		return 0;
	}
	return err_db(*dbp, "cannot open register '%s'",
	    err_quote(op->path));
}

/*
 * Phase 3, the identity: without writing, read which schema version of
 * mvb's the file has, refusing another program's file, a newer schema,
 * and an older one that a reader who may not write cannot bring up to
 * date. Returns 0 or -1.
 */
static int
open_identify(struct opening *op, struct db *db)
{
	if (migrate_check(db, &op->version) == -1)
		return -1;
	if (op->version == 0 && op->exists)
		/*
		 * SQLite content without mvb's schema belongs to another
		 * program: mvb's first write to a new file is its whole first
		 * migration (before the switch to WAL), so a register in the
		 * making is 0 bytes until it has its schema.
		 */
		return err_fail("'%s' is not an mvb register",
		    err_quote(op->path));
	if (op->readonly && !op->peek && op->version < migrations_count)
		return err_fail("register '%s' needs its schema brought up to "
		    "date, which needs write access to it",
		    err_quote(op->path));
	return 0;
}

/*
 * Phases 4 and 5, for a handle that may write: bring the schema up to
 * date, then turn on WAL. Schema first: see open_identify(). Returns 0 or
 * -1.
 */
static int
open_upgrade(struct opening *op, struct db *db, enum db_mode mode)
{
	int	behind = op->version < migrations_count;

	sqlite3_db_config(engine_sqlite(db), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
	if (behind && migrate_apply(db) == -1)
		return -1;
	/* A current register already in WAL mode needs no pragma. */
	if (!behind && op->wal)
		return 0;
	return set_wal(db, op->path, mode == DB_WRITE || behind);
}

/*
 * A failed open: word SQLite's refusals as the contract does and close
 * the handle, leaving the file as it was.
 */
static void
open_failed(struct opening *op, struct db *db)
{
	if (db == NULL)
		return;
	if (err_sqlite_code() == SQLITE_NOTADB)
		err_clear(), err_fail("'%s' is not an mvb register",
		    err_quote(op->path));
	if (err_sqlite_code() == SQLITE_READONLY)
		err_clear(), err_fail("cannot open register '%s': it is "
		    "read-only for this user", err_quote(op->path));
	/*
	 * Nothing was written. When the -wal file is of mvb's making (it was
	 * not there before), let SQLite delete it and the -shm file on close;
	 * a -wal file that was there may hold another program's frames, which
	 * must not be checkpointed into a file that is not ours.
	 */
	sqlite3_db_config(engine_sqlite(db), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
	    op->had_wal, NULL);
	engine_close(db);
}

struct db *
db_open(const char *path, enum db_mode mode)
{
	struct opening	 op;
	struct db	*db = NULL;

	if (db_is_uri(path))
		return db_open_pg(path, mode);
	memset(&op, 0, sizeof(op));
	op.path = path;
	op.peek = mode == DB_PEEK;
	if (open_resolve(&op, mode) == -1)
		return NULL;
	if (open_handle(&op, &db) == -1 || configure(db) == -1 ||
	    (mode == DB_PEEK && sqlite3_busy_timeout(engine_sqlite(db),
	    DB_PEEK_WAIT_MS) != SQLITE_OK) ||
	    open_identify(&op, db) == -1 ||
	    (!op.readonly && open_upgrade(&op, db, mode) == -1)) {
		open_failed(&op, db);
		return NULL;
	}
	return db;
}

struct db *
db_open_memory(void)
{
	return db_open_scratch(":memory:");
}

struct db *
db_open_scratch(const char *name)
{
	sqlite3		*lite;
	struct db	*db;

	if (sqlite3_open(name, &lite) != SQLITE_OK) {
		err_fail("cannot open a scratch register: %s",
		    sqlite3_errmsg(lite));
		sqlite3_close(lite);
		return NULL;
	}
	db = engine_sqlite_wrap(lite);
	if (configure(db) == -1 || migrate_apply(db) == -1) {
		engine_close(db);
		return NULL;
	}
	return db;
}

void
db_close(struct db *db)
{
	engine_close(db);
}

int
db_is_uri(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 ||
	    strncmp(path, "postgres://", 11) == 0;
}

int
db_bulk_begin(struct db *handle)
{
	sqlite3		*db;
	sqlite3_stmt	*stmt;
	const char	*mode;
	int		 rc, on = 0;

	/* A server has no journal mode to switch. */
	if (engine_kind(handle) != ENGINE_SQLITE)
		return 0;
	db = engine_sqlite(handle);
	if (sqlite3_prepare_v2(db, "PRAGMA journal_mode=DELETE", -1, &stmt,
	    NULL) != SQLITE_OK)
		return err_db(handle, "cannot set up the register");
	/* No waiting: busy means another connection, and WAL stays. */
	sqlite3_busy_timeout(db, 0);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mode = (const char *)sqlite3_column_text(stmt, 0);
		on = mode != NULL && strcmp(mode, "delete") == 0;
	}
	sqlite3_finalize(stmt);
	sqlite3_busy_timeout(db, DB_BUSY_TIMEOUT_MS);
	if (rc != SQLITE_ROW && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
		return err_db(handle, "cannot set up the register");
	return on;
}

void
db_bulk_end(struct db *db, const char *path)
{
	/* The load is committed or rolled back whatever happens here. */
	if (engine_kind(db) == ENGINE_SQLITE && set_wal(db, path, 1) == -1)
		err_clear();
}
