/*
 * I/O faults at every step, SQLite's own method: a shim over the default
 * VFS (registered here, in the test program, never in mvb) makes the Nth
 * read, write, sync, truncate, lock, size or open fail, for every N until
 * the command completes, and the real commands run in-process through
 * cmd_run() against a register file in a temporary folder. After every
 * failure the command must fail with status 1 and one message, the
 * register must pass PRAGMA integrity_check and 'mvb check', and it must
 * hold the whole change or none of it: a dump of every table's rows is
 * compared with the dump before and with the dump after a fault-free run.
 *
 * Three fault classes: every operation from the Nth on fails with an
 * SQLITE_IOERR code (the disk went away); every write from the Nth on
 * fails with SQLITE_FULL (the disk filled up); only the Nth operation
 * fails (a transient error, after which the command may still succeed).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cmd.h"
#include "engine-sqlite.h"
#include "err.h"
#include "fixture.h"
#include "migrate.h"
#include "util.h"

/* The operations the shim counts. */
enum op {
	OP_READ, OP_WRITE, OP_SYNC, OP_TRUNCATE, OP_LOCK, OP_SIZE, OP_OPEN
};

enum mode {
	MODE_IOERR,	/* the Nth operation and every later one fail */
	MODE_FULL,	/* the Nth write and every later one: disk full */
	MODE_ONCE	/* the Nth operation alone fails */
};

static const char *const mode_names[] = { "ioerr", "full", "once" };

static struct {
	int		 armed;
	enum mode	 mode;
	long		 at;		/* the first operation to fail */
	long		 ops;		/* operations counted since armed */
	long		 hits;		/* operations failed since armed */
	long		 total;		/* operations failed in all */
	long		 runs;		/* runs with at least one fault */
} shim;

struct shim_file {
	sqlite3_file	 base;
	sqlite3_file	*real;		/* follows this struct */
};

static sqlite3_vfs	*real_vfs;
static sqlite3_vfs	 shim_vfs;

/* Whether this operation is to fail. */
static int
fault(enum op op)
{
	if (!shim.armed)
		return 0;
	if (shim.mode == MODE_FULL && op != OP_WRITE && op != OP_TRUNCATE)
		return 0;
	shim.ops++;
	if (shim.ops < shim.at || (shim.mode == MODE_ONCE &&
	    shim.ops > shim.at))
		return 0;
	shim.hits++;
	shim.total++;
	return 1;
}

static sqlite3_file *
real(sqlite3_file *f)
{
	return ((struct shim_file *)f)->real;
}

static int
shim_close(sqlite3_file *f)
{
	return real(f)->pMethods->xClose(real(f));
}

static int
shim_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	if (fault(OP_READ))
		return SQLITE_IOERR_READ;
	return real(f)->pMethods->xRead(real(f), buf, n, off);
}

static int
shim_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (fault(OP_WRITE))
		return shim.mode == MODE_FULL ? SQLITE_FULL :
		    SQLITE_IOERR_WRITE;
	return real(f)->pMethods->xWrite(real(f), buf, n, off);
}

static int
shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (fault(OP_TRUNCATE))
		return shim.mode == MODE_FULL ? SQLITE_FULL :
		    SQLITE_IOERR_TRUNCATE;
	return real(f)->pMethods->xTruncate(real(f), size);
}

static int
shim_sync(sqlite3_file *f, int flags)
{
	if (fault(OP_SYNC))
		return SQLITE_IOERR_FSYNC;
	return real(f)->pMethods->xSync(real(f), flags);
}

static int
shim_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	if (fault(OP_SIZE))
		return SQLITE_IOERR_FSTAT;
	return real(f)->pMethods->xFileSize(real(f), size);
}

static int
shim_lock(sqlite3_file *f, int level)
{
	if (fault(OP_LOCK))
		return SQLITE_IOERR_LOCK;
	return real(f)->pMethods->xLock(real(f), level);
}

static int
shim_unlock(sqlite3_file *f, int level)
{
	return real(f)->pMethods->xUnlock(real(f), level);
}

static int
shim_check_reserved(sqlite3_file *f, int *out)
{
	return real(f)->pMethods->xCheckReservedLock(real(f), out);
}

static int
shim_file_control(sqlite3_file *f, int op, void *arg)
{
	return real(f)->pMethods->xFileControl(real(f), op, arg);
}

static int
shim_sector_size(sqlite3_file *f)
{
	return real(f)->pMethods->xSectorSize(real(f));
}

static int
shim_device_characteristics(sqlite3_file *f)
{
	return real(f)->pMethods->xDeviceCharacteristics(real(f));
}

static int
shim_shm_map(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
	return real(f)->pMethods->xShmMap(real(f), pg, sz, extend, pp);
}

static int
shim_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}

static void
shim_shm_barrier(sqlite3_file *f)
{
	real(f)->pMethods->xShmBarrier(real(f));
}

static int
shim_shm_unmap(sqlite3_file *f, int delete)
{
	return real(f)->pMethods->xShmUnmap(real(f), delete);
}

static int
shim_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	return real(f)->pMethods->xFetch(real(f), off, n, pp);
}

static int
shim_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return real(f)->pMethods->xUnfetch(real(f), off, p);
}

static const sqlite3_io_methods shim_io_v1 = {
	1, shim_close, shim_read, shim_write, shim_truncate, shim_sync,
	shim_file_size, shim_lock, shim_unlock, shim_check_reserved,
	shim_file_control, shim_sector_size, shim_device_characteristics,
	NULL, NULL, NULL, NULL, NULL, NULL
};

static const sqlite3_io_methods shim_io_v3 = {
	3, shim_close, shim_read, shim_write, shim_truncate, shim_sync,
	shim_file_size, shim_lock, shim_unlock, shim_check_reserved,
	shim_file_control, shim_sector_size, shim_device_characteristics,
	shim_shm_map, shim_shm_lock, shim_shm_barrier, shim_shm_unmap,
	shim_fetch, shim_unfetch
};

static int
shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
    int *out_flags)
{
	struct shim_file	*sf = (struct shim_file *)f;
	int			 rc;

	(void)vfs;
	sf->base.pMethods = NULL;
	sf->real = (sqlite3_file *)(sf + 1);
	if (fault(OP_OPEN))
		return SQLITE_CANTOPEN;
	rc = real_vfs->xOpen(real_vfs, name, sf->real, flags, out_flags);
	if (sf->real->pMethods != NULL)
		sf->base.pMethods = sf->real->pMethods->iVersion >= 3 ?
		    &shim_io_v3 : &shim_io_v1;
	return rc;
}

static int
shim_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	return real_vfs->xDelete(real_vfs, name, sync_dir);
}

static int
shim_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int
shim_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static int
shim_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int
shim_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return real_vfs->xSleep(real_vfs, us);
}

static int
shim_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int
shim_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xGetLastError(real_vfs, n, out);
}

static int
shim_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

/* Register the shim as the default VFS, over "unix". */
static int
shim_install(void)
{
	if (real_vfs != NULL)
		return 0;
	if ((real_vfs = sqlite3_vfs_find("unix")) == NULL)
		return -1;
	shim_vfs.iVersion = 2;
	shim_vfs.szOsFile = (int)sizeof(struct shim_file) + real_vfs->szOsFile;
	shim_vfs.mxPathname = real_vfs->mxPathname;
	shim_vfs.zName = "mvb-faults";
	shim_vfs.xOpen = shim_open;
	shim_vfs.xDelete = shim_delete;
	shim_vfs.xAccess = shim_access;
	shim_vfs.xFullPathname = shim_full_pathname;
	shim_vfs.xRandomness = shim_randomness;
	shim_vfs.xSleep = shim_sleep;
	shim_vfs.xCurrentTime = shim_current_time;
	shim_vfs.xGetLastError = shim_last_error;
	shim_vfs.xCurrentTimeInt64 = shim_current_time_int64;
	return sqlite3_vfs_register(&shim_vfs, 1) == SQLITE_OK ? 0 : -1;
}

static void
shim_arm(enum mode mode, long at)
{
	shim.mode = mode;
	shim.at = at;
	shim.ops = 0;
	shim.hits = 0;
	shim.armed = 1;
}

/* ------------------------------------------------------------------ */

#define TODAY "2026-11-22"
#define MAX_ARGV 24

/* One scenario: how its register is made and the command run on it. */
struct scenario {
	const char	*name;
	int		 old_schema;	/* the register is one version behind */
	const char	*argv[MAX_ARGV];	/* after "mvb --db REG" */
};

/* The folder a test works in and the files in it. */
struct place {
	char	*dir;
	char	*tpl;		/* the register before the command */
	char	*reg;		/* the copy the command runs on */
	char	*csv;		/* what import reads */
	char	*out;		/* what backup writes */
	char	*old_out;	/* a backup taken earlier, to be replaced */
};

/*
 * Run "mvb --db db --today TODAY" and args in-process, with stdout thrown
 * away. Returns cmd_run()'s result; the error stays recorded.
 */
static int
run_argv(const char *db, const char *const *args, const struct place *pl)
{
	char		*argv[MAX_ARGV + 8];
	struct ctx	 ctx;
	int		 argc = 0, i, rc, saved, null;

	argv[argc++] = xstrdup("mvb");
	argv[argc++] = xstrdup("--db");
	argv[argc++] = xstrdup(db);
	argv[argc++] = xstrdup("--today");
	argv[argc++] = xstrdup(TODAY);
	for (i = 0; args[i] != NULL; i++) {
		if (strcmp(args[i], "@CSV") == 0)
			argv[argc++] = xstrdup(pl->csv);
		else if (strcmp(args[i], "@OUT") == 0)
			argv[argc++] = xstrdup(pl->out);
		else
			argv[argc++] = xstrdup(args[i]);
	}
	argv[argc] = NULL;
	err_clear();
	memset(&ctx, 0, sizeof(ctx));
	fflush(stdout);
	saved = dup(1);
	null = open("/dev/null", O_WRONLY);
	dup2(null, 1);
	close(null);
	rc = cmd_run(&ctx, argc, argv);
	/* The register is closed as main() closes it, faults and all. */
	ctx_release(&ctx);
	fflush(stdout);
	clearerr(stdout);
	dup2(saved, 1);
	close(saved);
	for (i = 0; i < argc; i++)
		free(argv[i]);
	return rc;
}

static void
run_ok(const char *db, const struct place *pl, ...)
{
	const char	*args[MAX_ARGV];
	const char	*s;
	va_list		 ap;
	int		 n = 0;

	va_start(ap, pl);
	while ((s = va_arg(ap, const char *)) != NULL)
		args[n++] = s;
	va_end(ap);
	args[n] = NULL;
	if (run_argv(db, args, pl) < 0)
		fail_msg("%s: %s", args[0], err_msg());
}

static void
copy_file(const char *from, const char *to)
{
	FILE	*in, *out;
	char	 buf[65536];
	size_t	 n;

	if ((in = fopen(from, "rb")) == NULL ||
	    (out = fopen(to, "wb")) == NULL)
		fail_msg("cannot copy %s to %s", from, to);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static char *
slurp(const char *path, size_t *len)
{
	struct strbuf	 sb;
	FILE		*fp;
	char		 buf[65536];
	size_t		 n;

	sb_init(&sb);
	if ((fp = fopen(path, "rb")) == NULL)
		fail_msg("cannot read %s", path);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sb_add(&sb, buf, n);
	fclose(fp);
	*len = sb.len;
	return sb_detach(&sb);
}

/* Append one value, typed, to sb. */
static void
dump_value(struct strbuf *sb, sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		sb_adds(sb, "N");
		break;
	case SQLITE_INTEGER:
		sb_addf(sb, "I%lld", (long long)sqlite3_column_int64(st, i));
		break;
	case SQLITE_FLOAT:
		sb_addf(sb, "F%.17g", sqlite3_column_double(st, i));
		break;
	default:
		sb_addf(sb, "T%d:", sqlite3_column_bytes(st, i));
		sb_add(sb, (const char *)sqlite3_column_text(st, i),
		    (size_t)sqlite3_column_bytes(st, i));
	}
	sb_addc(sb, '|');
}

/*
 * Every table's rows in order, the schema and the two marks, as one
 * string; history's wall-clock time is left out. The file must pass
 * PRAGMA integrity_check. Opened with the real VFS, which recovers what a
 * failed command left (a hot journal or WAL file), as the next mvb would.
 */
static char *
dump(const char *path)
{
	struct strbuf	 sb;
	sqlite3		*db;
	struct db	*h;
	sqlite3_stmt	*tabs, *st;
	char		*sql;
	const char	*name;
	int		 i, n;

	sb_init(&sb);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, "unix") !=
	    SQLITE_OK)
		fail_msg("dump: cannot open %s: %s", path, sqlite3_errmsg(db));
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st,
	    NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		fail_msg("dump: %s: %s", path, sqlite3_errmsg(db));
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	h = engine_sqlite_wrap(db);	/* owns db from here */
	sb_addf(&sb, "version %d app %d\n", (int)count(h,
	    "PRAGMA user_version"), (int)count(h, "PRAGMA application_id"));
	if (sqlite3_prepare_v2(db, "SELECT type, name, ifnull(sql, '') FROM "
	    "sqlite_schema ORDER BY name", -1, &tabs, NULL) != SQLITE_OK)
		fail_msg("dump: %s", sqlite3_errmsg(db));
	while (sqlite3_step(tabs) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(tabs, 1);
		sb_addf(&sb, "%s\n", sqlite3_column_text(tabs, 2));
		if (strcmp((const char *)sqlite3_column_text(tabs, 0),
		    "table") != 0 || strncmp(name, "sqlite_", 7) == 0)
			continue;
		sql = xasprintf("SELECT * FROM \"%s\"", name);
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
		    SQLITE_OK);
		n = sqlite3_column_count(st);
		sqlite3_finalize(st);
		free(sql);
		{
			struct strbuf	q;

			sb_init(&q);
			sb_addf(&q, "SELECT * FROM \"%s\" ORDER BY 1", name);
			for (i = 2; i <= n; i++)
				sb_addf(&q, ", %d", i);
			sql = sb_detach(&q);
		}
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
		    SQLITE_OK);
		free(sql);
		while (sqlite3_step(st) == SQLITE_ROW) {
			sb_addf(&sb, "%s: ", name);
			for (i = 0; i < n; i++) {
				if (strcmp(name, "history") == 0 &&
				    strcmp(sqlite3_column_name(st, i),
				    "at") == 0)
					sb_adds(&sb, "AT|");
				else
					dump_value(&sb, st, i);
			}
			sb_addc(&sb, '\n');
		}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tabs);
	engine_close(h);
	return sb_detach(&sb);
}

/* The files a run may leave in the folder; anything else is a leftover. */
static void
expect_no_leftovers(const struct place *pl)
{
	static const char *const allowed[] = {
		"tpl.db", "reg.db", "reg.db-wal", "reg.db-shm",
		"reg.db-journal", "import.csv", "out.db", "old.db"
	};
	struct dirent	*e;
	DIR		*dp;
	size_t		 i;

	assert_non_null(dp = opendir(pl->dir));
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		for (i = 0; i < NELEM(allowed); i++)
			if (strcmp(e->d_name, allowed[i]) == 0)
				break;
		if (i == NELEM(allowed)) {
			closedir(dp);
			fail_msg("left behind: %s", e->d_name);
		}
	}
	closedir(dp);
}

static void
reset_files(const struct place *pl)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	char	*p;
	size_t	 i;

	for (i = 0; i < NELEM(sfx); i++) {
		p = xasprintf("%s%s", pl->reg, sfx[i]);
		unlink(p);
		free(p);
	}
	copy_file(pl->tpl, pl->reg);
	unlink(pl->out);
	copy_file(pl->old_out, pl->out);
}

/* A register at the schema version before this program's, with rows. */
static void
make_old_register(const char *path)
{
	sqlite3		*lite;
	struct db	*db;
	int		 step;

	assert_int_equal(sqlite3_open_v2(path, &lite, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, "unix"), SQLITE_OK);
	db = engine_sqlite_wrap(lite);
	for (step = 0; step < migrations_count - 1; step++) {
		exec(db, "BEGIN; %s; PRAGMA user_version=%d; "
		    "PRAGMA application_id=%d; COMMIT", migrations[step],
		    step + 1, MVB_APPLICATION_ID);
	}
	exec(db, "INSERT INTO decisions (title, capability, choice, status, "
	    "decided_on, anchor_on, next_review_on, deadline_on, currency, "
	    "monthly_cents) VALUES ('Queue', 'messaging', 'buy', 'active', "
	    "'2026-01-05', '2026-01-05', '2027-01-05', '2027-07-05', 'USD', "
	    "120000)");
	exec(db, "INSERT INTO history (decision_id, at, who, what) VALUES "
	    "(1, '2026-01-05T00:00:00Z', 'tester', 'add')");
	engine_close(db);
}

/* The register every other scenario starts from. */
static void
make_register(const struct place *pl)
{
	FILE	*fp;
	int	 i;

	assert_non_null(fp = fopen(pl->csv, "w"));
	fprintf(fp, "title,capability,choice,vendor,status,decided_on,"
	    "currency,monthly_cost,rationale\n");
	for (i = 1; i <= 20; i++)
		fprintf(fp, "Decision %d,capability %d,buy,Vendor %d,active,"
		    "2026-01-%02d,USD,%d.50,\"Because, %d\"\n", i, i % 5, i,
		    i, 100 + i, i);
	assert_int_equal(fclose(fp), 0);
	run_ok(pl->tpl, pl, "import", pl->csv, NULL);
	run_ok(pl->tpl, pl, "assume", "1", "Traffic stays below 1 TB", NULL);
	run_ok(pl->tpl, pl, "metric", "1", "latency_ms", "<=", "10", NULL);
	run_ok(pl->tpl, pl, "measure", "1", "latency_ms", "12", "--on",
	    "2026-06-01", NULL);
	/* The file import reads in the import scenario: 300 rows. */
	assert_non_null(fp = fopen(pl->csv, "w"));
	fprintf(fp, "title,capability,choice,vendor,owner,status,decided_on,"
	    "currency,one_time_cost,monthly_cost,rationale\n");
	for (i = 1; i <= 300; i++)
		fprintf(fp, "Imported %d,cap %d,%s,Vendor %d,team-%d,active,"
		    "2025-%02d-%02d,EUR,%d.00,%d.25,\"Line one\nline two, "
		    "row %d\"\n", i, i % 7, i % 2 ? "build" : "oss", i, i % 3,
		    1 + i % 12, 1 + i % 28, i * 10, i, i);
	assert_int_equal(fclose(fp), 0);
}

static struct place *
place_new(const struct scenario *sc)
{
	struct place	*pl = xcalloc(1, sizeof(*pl));
	FILE		*fp;

	assert_int_equal(fixture_start(), 0);
	assert_int_equal(shim_install(), 0);
	assert_non_null(pl->dir = fixture_temp_dir("faults"));
	pl->tpl = xasprintf("%s/tpl.db", pl->dir);
	pl->reg = xasprintf("%s/reg.db", pl->dir);
	pl->csv = xasprintf("%s/import.csv", pl->dir);
	pl->out = xasprintf("%s/out.db", pl->dir);
	pl->old_out = xasprintf("%s/old.db", pl->dir);
	if (sc->old_schema)
		make_old_register(pl->tpl);
	else
		make_register(pl);
	/* An earlier backup, which backup replaces whole or not at all. */
	assert_non_null(fp = fopen(pl->old_out, "w"));
	fputs("an earlier backup\n", fp);
	assert_int_equal(fclose(fp), 0);
	return pl;
}

static void
place_free(struct place *pl)
{
	fixture_remove_tree(pl->dir);
	free(pl->dir);
	free(pl->tpl);
	free(pl->reg);
	free(pl->csv);
	free(pl->out);
	free(pl->old_out);
	free(pl);
	fixture_end();
}

/* The state of the register and of the backup file, for comparing. */
struct state {
	char	*reg;
	char	*out;		/* out.db's bytes, or its dump when new */
	size_t	 out_len;
};

static void
state_take(const struct place *pl, struct state *s, int backup_dump)
{
	s->reg = dump(pl->reg);
	if (backup_dump)
		s->out = dump(pl->out), s->out_len = strlen(s->out);
	else
		s->out = slurp(pl->out, &s->out_len);
}

static void
state_free(struct state *s)
{
	free(s->reg);
	free(s->out);
}

static int
state_equal(const struct state *a, const struct state *b)
{
	return strcmp(a->reg, b->reg) == 0 && a->out_len == b->out_len &&
	    memcmp(a->out, b->out, a->out_len) == 0;
}

/*
 * Run sc under every fault of one class in turn; returns the number of
 * runs in which a fault was injected.
 */
static long
sweep(const struct scenario *sc, enum mode mode, const struct place *pl)
{
	struct state	 before, after, now;
	int		 is_backup = strcmp(sc->argv[0], "backup") == 0;
	int		 rc, status, whole;
	long		 at, faulted = 0;

	/* Before, and after a run without faults. */
	reset_files(pl);
	state_take(pl, &before, 0);
	rc = run_argv(pl->reg, sc->argv, pl);
	if (rc < 0)
		fail_msg("%s: %s", sc->name, err_msg());
	state_take(pl, &after, is_backup);
	assert_false(state_equal(&before, &after));

	for (at = 1; at < 1000000; at++) {
		reset_files(pl);
		shim_arm(mode, at);
		rc = run_argv(pl->reg, sc->argv, pl);
		shim.armed = 0;
		if (shim.hits == 0) {
			/* The command ran to its end before the Nth step. */
			if (rc < 0)
				fail_msg("%s: failed without a fault: %s",
				    sc->name, err_msg());
			break;
		}
		faulted++;
		if (rc < 0) {
			status = err_code() != EXIT_OK ? (int)err_code() :
			    EXIT_FAIL;
			if (status != EXIT_FAIL || err_msg() == NULL ||
			    strchr(err_msg(), '\n') != NULL)
				fail_msg("%s, %s fault at %ld: status %d, "
				    "'%s'", sc->name, mode_names[mode], at,
				    status, err_msg());
		}
		/* Whole or nothing: the file as before, or as after. */
		if (is_backup) {
			now.reg = dump(pl->reg);
			now.out = slurp(pl->out, &now.out_len);
			whole = 0;
			if (now.out_len != before.out_len ||
			    memcmp(now.out, before.out, now.out_len) != 0) {
				free(now.out);
				now.out = dump(pl->out);
				now.out_len = strlen(now.out);
				whole = 1;
			}
		} else {
			state_take(pl, &now, 0);
			whole = strcmp(now.reg, before.reg) != 0;
		}
		if (!state_equal(&now, whole ? &after : &before))
			fail_msg("%s, %s fault at operation %ld (command %s): "
			    "the register holds part of the change",
			    sc->name, mode_names[mode], at,
			    rc < 0 ? "failed" : "succeeded");
		if (rc >= 0 && !whole)
			fail_msg("%s, %s fault at operation %ld: succeeded "
			    "but changed nothing", sc->name, mode_names[mode],
			    at);
		state_free(&now);
		expect_no_leftovers(pl);
		/* And mvb check finds nothing wrong. */
		{
			const char *const check[] = { "check", NULL };

			if (run_argv(pl->reg, check, pl) != 0)
				fail_msg("%s, %s fault at operation %ld: "
				    "check: %s", sc->name, mode_names[mode],
				    at, err_msg());
		}
	}
	state_free(&before);
	state_free(&after);
	return faulted;
}

static void
run_scenario(const struct scenario *sc)
{
	struct place	*pl = place_new(sc);
	const char	*only = getenv("FAULT_MODE");
	long		 n[3];
	int		 m;

	for (m = MODE_IOERR; m <= MODE_ONCE; m++) {
		/* FAULT_MODE=ioerr|full|once runs one class alone. */
		n[m] = only == NULL || strcmp(only, mode_names[m]) == 0 ?
		    sweep(sc, (enum mode)m, pl) : 1;
		shim.runs += n[m];
	}
	print_message("faults: %-8s %5ld ioerr %5ld full %5ld once runs\n",
	    sc->name, n[MODE_IOERR], n[MODE_FULL], n[MODE_ONCE]);
	for (m = MODE_IOERR; m <= MODE_ONCE; m++)
		assert_true(n[m] > 0);
	place_free(pl);
}

static void
test_import(void **state)
{
	static const struct scenario sc = { "import", 0,
	    { "import", "@CSV", NULL } };

	(void)state;
	run_scenario(&sc);
}

/* A review that replaces its decision: the review, the successor's
 * supersession, the new anchor and deadlines, and history. */
static void
test_review(void **state)
{
	static const struct scenario sc = { "review", 0,
	    { "review", "1", "--outcome", "replace", "--by", "2", "--notes",
	    "Moved to the managed service", NULL } };

	(void)state;
	run_scenario(&sc);
}

static void
test_edit(void **state)
{
	static const struct scenario sc = { "edit", 0,
	    { "edit", "3", "--owner", "platform", "--title", "Renamed",
	    "--monthly", "999.99", "--status", "retired", "--rationale",
	    "Changed, in four fields", NULL } };

	(void)state;
	run_scenario(&sc);
}

static void
test_assume(void **state)
{
	static const struct scenario sc = { "assume", 0,
	    { "assume", "4", "The team stays", NULL } };

	(void)state;
	run_scenario(&sc);
}

static void
test_measure(void **state)
{
	static const struct scenario sc = { "measure", 0,
	    { "measure", "1", "latency_ms", "8.5", "--on", "2026-10-01",
	    NULL } };

	(void)state;
	run_scenario(&sc);
}

static void
test_option(void **state)
{
	static const struct scenario sc = { "option", 0,
	    { "option", "2", "--choice", "build", "--name", "In-house",
	    "--monthly", "1500", "--ops-fte", "0.5", NULL } };

	(void)state;
	run_scenario(&sc);
}

static void
test_backup(void **state)
{
	static const struct scenario sc = { "backup", 0,
	    { "backup", "@OUT", NULL } };

	(void)state;
	run_scenario(&sc);
}

/* A read command on a register one schema version behind migrates it. */
static void
test_migration(void **state)
{
	static const struct scenario sc = { "migrate", 1,
	    { "list", NULL } };

	(void)state;
	run_scenario(&sc);
}

/* The summary line the report quotes. */
static int
report(void **state)
{
	(void)state;
	print_message("faults: %ld runs with a fault, %ld operations failed "
	    "in all\n", shim.runs, shim.total);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_assume),
		cmocka_unit_test(test_measure),
		cmocka_unit_test(test_option),
		cmocka_unit_test(test_backup),
		cmocka_unit_test(test_migration),
	};

	return cmocka_run_group_tests(tests, NULL, report);
}
