/*
 * mvb import: load CSV into one table of the register, all or nothing.
 * --dry-run validates everything, against an empty register when there is
 * none, and writes nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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

/* Whether path names a register with content (else dry runs use a
 * private temporary one). */
static int
register_exists(const char *path)
{
	struct stat	st;

	return stat(path, &st) == 0 && st.st_size > 0;
}

static int
run(struct ctx *ctx, enum xtable t, FILE *fp, const char *name, int dry)
{
	long	rows;

	if (dry && !register_exists(ctx->db_path)) {
		if ((ctx->db = db_open_scratch("")) == NULL ||
		    settings_load(ctx->db, &ctx->settings) == -1)
			return -1;
	} else if (ctx_open(ctx, &cmd_import_entry) == -1) {
		return -1;
	}
	if (db_begin(ctx->db) == -1)
		return -1;
	if (import_table(ctx->db, &ctx->settings, ctx->today, t, fp, name,
	    &rows, cmd_progress) == -1) {
		db_rollback(ctx->db);
		return -1;
	}
	if (dry) {
		db_rollback(ctx->db);
		fprintf(stderr, "dry run: %ld row%s valid for %s, nothing "
		    "written\n", rows, rows == 1 ? "" : "s", xtable_names[t]);
		return 0;
	}
	return db_commit(ctx->db);
}

static int
cmd_import_exec(struct ctx *ctx, int argc, char **argv)
{
	const char	*what = "decisions", *file;
	struct args	 a;
	FILE		*fp = NULL;
	int		 i, t, dry = 0, rc = -1;

	if (args_parse(ctx, &cmd_import_entry, argc, argv, import_opts,
	    &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_import_entry, &a, 1, 1) == -1)
		goto out;
	for (i = 0; i < a.nopts; i++) {
		if (a.opts[i].id == OPT_WHAT)
			what = a.opts[i].value;
		else
			dry = 1;
	}
	if ((t = xtable_find(what)) < 0) {
		err_usage("--what: unknown table '%s' (decisions, assumptions, "
		    "metrics, measurements, sunset, reviews or options)",
		    err_quote(what));
		goto out;
	}
	file = a.pos[0];
	if (strcmp(file, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(file, "rb")) == NULL) {
		err_fail("import: cannot read '%s': %s", err_quote(file),
		    strerror(errno));
		goto out;
	}
	rc = run(ctx, (enum xtable)t, fp, file, dry);
out:
	if (fp != NULL && fp != stdin)
		fclose(fp);
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_import_entry = {
	"import", "load CSV into a table of the register, all or nothing",
	"mvb import [--what TABLE] [--dry-run] FILE|-\n"
	"TABLE: decisions (default), assumptions, metrics, measurements, "
	"sunset,\nreviews or options; columns are matched by header name",
	CMD_WRITE, 0, FMT_TABLE, cmd_import_exec
};
