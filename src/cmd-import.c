/*
 * mvb import: load CSV into one table of the register, all or nothing.
 * --dry-run validates everything, against an empty register when there is
 * none, and writes nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "cmd.h"
#include "db.h"
#include "err.h"
#include "exchange.h"

enum {
	OPT_WHAT = 1,
	OPT_DRY_RUN
};

static const struct opt import_opts[] = {
	{ "what", 1, OPT_WHAT },
	{ "dry-run", 0, OPT_DRY_RUN },
	{ NULL, 0, 0 }
};

/* Whether path names a register file with content (else dry runs use a
 * private temporary one); a server register is taken to exist. */
static int
register_exists(const char *path)
{
	struct stat	st;

	if (db_is_uri(path))
		return 1;
	return stat(path, &st) == 0 && st.st_size > 0;
}

/* One attempt: begin, import, then commit (roll back for a dry run). */
static int
load(struct ctx *ctx, enum xtable t, FILE *fp, const char *name, int dry)
{
	long	rows;

	if (db_begin(ctx->db) == -1)
		return -1;
	if (import_table(ctx->db, &ctx->settings, ctx->today, t, fp, name,
	    &rows, ctx_progress) == -1) {
		db_rollback(ctx->db);
		return -1;
	}
	if (!dry)
		return db_commit(ctx->db);
	db_rollback(ctx->db);
	fprintf(stderr, "dry run: %ld row%s valid for %s, nothing written\n",
	    rows, rows == 1 ? "" : "s", xtable_names[t]);
	return 0;
}

/* A dry run's register on a server: the register there, else (an empty
 * database) a private temporary one, the database left without a table. */
static int
open_dry_server(struct ctx *ctx)
{
	if ((ctx->db = db_open(ctx->db_path, DB_READ)) == NULL) {
		if (strstr(err_msg(), "no register at") == NULL)
			return -1;
		err_clear();
		ctx->db = db_open_scratch("");
	}
	if (ctx->db == NULL)
		return -1;
	return settings_load(ctx->db, &ctx->settings);
}

static int
run(struct ctx *ctx, enum xtable t, FILE *fp, const char *name, int dry)
{
	char	why[48];
	off_t	start;
	int	fresh = 0, bulk = 0, rc, n;

	if (dry && db_is_uri(ctx->db_path)) {
		if (open_dry_server(ctx) == -1)
			return -1;
	} else if (dry && !register_exists(ctx->db_path)) {
		if ((ctx->db = db_open_scratch("")) == NULL ||
		    settings_load(ctx->db, &ctx->settings) == -1)
			return -1;
	} else {
		fresh = !dry && !register_exists(ctx->db_path);
		if (ctx_open(ctx, 1) == -1)
			return -1;
	}
	/* The first load into a new register writes without the WAL (mvb(1)
	 * FILES); all or nothing still, by the rollback journal. */
	if (fresh && (bulk = db_bulk_begin(ctx->db)) == -1)
		return -1;
	/* A conflict with another writer on a server runs the import again
	 * from the start of its input (mvb(1) SHARED REGISTER), which a pipe
	 * cannot give (start -1). */
	start = ftello(fp);
	for (n = 1; ; n++) {
		rc = load(ctx, t, fp, name, dry);
		if (rc == 0 || !ctx_conflict(ctx))
			break;
		if (n == CTX_RETRIES + 1) {
			snprintf(why, sizeof(why), "still there after %d "
			    "retries", n - 1);
			rc = ctx_conflict_fail(why);
			break;
		}
		if (start == -1 || fseeko(fp, start, SEEK_SET) == -1) {
			rc = ctx_conflict_fail("and its input, a pipe, cannot "
			    "be read again");
			break;
		}
		clearerr(fp);
		err_clear();
	}
	if (bulk)
		db_bulk_end(ctx->db, ctx->db_path);
	return rc;
}

struct import {
	enum xtable	 t;
	FILE		*fp;		/* the CSV, or stdin */
	int		 dry;		/* --dry-run */
};

static int
cmd_import_check(struct ctx *ctx, struct args *a)
{
	struct import	*im = a->state;
	const char	*what = "decisions", *file;
	int		 i, t;

	(void)ctx;
	for (i = 0; i < a->nopts; i++) {
		if (a->opts[i].id == OPT_WHAT)
			what = a->opts[i].value;
		else
			im->dry = 1;
	}
	if ((t = xtable_find(what)) < 0)
		return err_usage("--what: unknown table '%s' (decisions, "
		    "assumptions, metrics, measurements, sunset, reviews or "
		    "options)", err_quote(what));
	im->t = (enum xtable)t;
	file = a->pos[0];
	if (strcmp(file, "-") == 0)
		im->fp = stdin;
	else if ((im->fp = fopen(file, "rb")) == NULL)
		return err_fail("import: cannot read '%s': %s",
		    err_quote(file), strerror(errno));
	return 0;
}

static int
cmd_import_exec(struct ctx *ctx, struct args *a)
{
	struct import	*im = a->state;

	return run(ctx, im->t, im->fp, a->pos[0], im->dry);
}

static void
cmd_import_release(struct args *a)
{
	struct import	*im = a->state;

	if (im->fp != NULL && im->fp != stdin)
		fclose(im->fp);
}

/* Its own register and transaction: a dry run may use a scratch one. */
const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.summary = "load CSV into a table of the register, all or nothing",
	.usage = "mvb import [--what TABLE] [--dry-run] FILE|-\n"
	"TABLE: decisions (default), assumptions, metrics, measurements, "
	"sunset,\nreviews or options; columns are matched by header name",
	.group = CMD_GROUP_EXCHANGE,
	.examples = "  mvb import --dry-run decisions.csv\n"
	    "  mvb import --what assumptions assumptions.csv",
	.opts = import_opts,
	.args = { 1, 1 },
	.needs = CMD_OWN_DB,
	.state_size = sizeof(struct import),
	.check = cmd_import_check,
	.exec = cmd_import_exec,
	.release = cmd_import_release
};
