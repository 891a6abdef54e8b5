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

static int
backup(struct ctx *ctx, const char *file)
{
	struct outfile	of;
	int		rc = -1;

	if (outfile_open(&of, "backup", file, ctx->db_path, 1) == -1)
		goto out;
	close(of.fd);
	of.fd = -1;
	if (copy(ctx->db, of.tmp) == 0)
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
	"an existing FILE is replaced atomically",
	.group = CMD_GROUP_CARE,
	.examples = "  mvb backup register-$(date +%F).db",
	.args = { 1, 1 },
	.needs = CMD_READ,
	.check = cmd_backup_check,
	.exec = cmd_backup_exec
};
