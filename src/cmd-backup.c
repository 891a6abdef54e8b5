/*
 * mvb backup: a consistent copy of the register, taken with SQLite's online
 * backup while others may be using it, written beside FILE and renamed
 * over it so that FILE is replaced atomically (outfile.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "db.h"
#include "engine-sqlite.h"
#include "err.h"
#include "outfile.h"
#include "util.h"

static int
copy(struct db *db, const char *tmp)
{
	sqlite3		*src = engine_sqlite(db);
	sqlite3_backup	*bk;
	sqlite3		*dst;
	int		 rc;

	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		err_fail("backup: cannot write '%s': %s", err_quote(tmp),
		    sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	if ((bk = sqlite3_backup_init(dst, "main", src, "main")) == NULL) {
		err_fail("backup: cannot copy the register: %s",
		    sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	rc = sqlite3_backup_step(bk, -1);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		err_fail("backup: cannot copy the register: %s",
		    sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	/* A standalone copy: no WAL file to carry along. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL,
	    NULL) != SQLITE_OK) {
		err_fail("backup: cannot write '%s': %s", err_quote(tmp),
		    sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	if (sqlite3_close(dst) != SQLITE_OK)
		return err_fail("backup: cannot close '%s'", err_quote(tmp));
	return 0;
}

/*
 * A copy that failed half-way can leave SQLite's journal files beside the
 * temporary file, which outfile_release() removes: they go with it
 * (mvb(1) backup: FILE is replaced whole or not at all).
 */
static void
drop_journal(const char *tmp)
{
	static const char *const suffixes[] = { "-journal", "-wal", "-shm" };
	char	*path;
	size_t	 i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		path = xasprintf("%s%s", tmp, suffixes[i]);
		unlink(path);
		free(path);
	}
}

/* Every table, parents before children. */
static const char *const tables[] = {
	"settings", "meta", "decisions", "reviews", "history", "assumptions",
	"metrics", "measurements", "sunset", "options", "history_decisions"
};

/* Copy table's rows from src to dst, column by column as text (the two
 * schemas have the same columns in the same order; SQLite's INTEGER
 * columns take integer text as integers). */
static int
copy_table(struct db *src, struct db *dst, const char *table)
{
	struct stmt	*in, *out = NULL;
	struct strbuf	 sql;
	char		*q;
	int		 rc, i, n, failed = 0;

	q = xasprintf("SELECT * FROM %s", table);
	in = db_prepare(src, q);
	free(q);
	if (in == NULL)
		return -1;
	while (!failed && (rc = engine_step(in)) == ENGINE_ROW) {
		n = engine_column_count(in);
		if (out == NULL) {
			sb_init(&sql);
			sb_addf(&sql, "INSERT INTO %s VALUES ($1", table);
			for (i = 2; i <= n; i++)
				sb_addf(&sql, ", $%d", i);
			sb_adds(&sql, ")");
			out = db_prepare(dst, sql.buf);
			sb_release(&sql);
			if (out == NULL) {
				failed = 1;
				break;
			}
		} else {
			engine_reset(out);
			engine_clear_bindings(out);
		}
		for (i = 0; i < n; i++)
			engine_bind_text(out, i + 1,
			    engine_column_text(in, i));
		if (engine_step(out) != ENGINE_DONE)
			failed = err_db(dst, "backup: cannot write %s", table);
	}
	engine_finalize(in);
	engine_finalize(out);
	if (failed)
		return -1;
	if (rc != ENGINE_DONE)
		return err_db(src, "backup: cannot read %s", table);
	return 0;
}

/* Copy every row of src into dst, a new register, in one transaction. */
static int
copy_rows(struct db *src, struct db *dst)
{
	size_t	i;

	if (db_begin(dst) == -1)
		return -1;
	/* A new register's own settings and id give way to src's. */
	if (db_exec(dst, "DELETE FROM settings; DELETE FROM meta") == -1)
		goto fail;
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (copy_table(src, dst, tables[i]) == -1)
			goto fail;
	return db_commit(dst);
fail:
	db_rollback(dst);
	return -1;
}

/* A register moved onto an empty database on a server. */
static int
backup_to_server(struct ctx *ctx, const char *uri)
{
	struct db	*dst;
	int		 rc;

	/* Only an empty database: a register or anything else is left. */
	if ((dst = db_open(uri, DB_READ)) != NULL) {
		err_fail("backup: the database at '%s' already holds a "
		    "register; name an empty one", err_quote(engine_name(dst)));
		db_close(dst);
		return -1;
	}
	if (strstr(err_msg(), "no register at") == NULL)
		return -1;
	err_clear();
	if ((dst = db_open(uri, DB_WRITE)) == NULL)
		return -1;
	rc = copy_rows(ctx->db, dst);
	db_close(dst);
	return rc;
}

static int
backup(struct ctx *ctx, const char *file)
{
	struct outfile	 of;
	struct db	*dst;
	int		 rc = -1;

	if (db_is_uri(file))
		return backup_to_server(ctx, file);
	if (outfile_open(&of, "backup", file, ctx->db_path, 1) == -1)
		goto out;
	close(of.fd);
	of.fd = -1;
	if (engine_kind(ctx->db) == ENGINE_SQLITE) {
		if (copy(ctx->db, of.tmp) == 0)
			rc = outfile_commit(&of, "backup");
		else
			drop_journal(of.tmp);
		goto out;
	}
	/* From a server: a new file register, filled row by row. */
	if ((dst = db_open_scratch(of.tmp)) != NULL) {
		rc = copy_rows(ctx->db, dst);
		db_close(dst);
	}
	if (rc == 0)
		rc = outfile_commit(&of, "backup");
	else
		drop_journal(of.tmp);
out:
	outfile_release(&of);
	return rc;
}

static int
cmd_backup_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	if (*a->pos[0] == '\0')
		return err_usage("backup: empty file name");
	return 0;
}

static int
cmd_backup_exec(struct ctx *ctx, struct args *a)
{
	return backup(ctx, a->pos[0]);
}

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.summary = "write a consistent copy of the register to FILE",
	.usage = "mvb backup FILE\n"
	"an existing FILE is replaced atomically; FILE may be a\n"
	"postgresql:// URI naming an empty database (mvb(1) SHARED REGISTER)",
	.group = CMD_GROUP_CARE,
	.examples = "  mvb backup register-$(date +%F).db\n"
	"  mvb backup postgresql://mvb@db.internal/decisions\n"
	"  mvb --db postgresql://mvb@db.internal/decisions backup copy.db",
	.args = { 1, 1 },
	.needs = CMD_READ,
	.check = cmd_backup_check,
	.exec = cmd_backup_exec
};
