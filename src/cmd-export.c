/*
 * mvb export: one table of the register as CSV for finance or JSON for
 * programs, streamed; with -o the file appears whole or not at all.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "date.h"
#include "err.h"
#include "exchange.h"
#include "outfile.h"
#include "util.h"

enum {
	OPT_WHAT = 1,
	OPT_OUTPUT
};

static const struct opt export_opts[] = {
	{ "what", 1, OPT_WHAT },
	{ "o", 1, OPT_OUTPUT },
	{ "output", 1, OPT_OUTPUT },
	{ NULL, 0, 0 }
};

/* The calendar is its own format; the tables are CSV or JSON. */
static int
export_any(struct ctx *ctx, int t, int32_t horizon, FILE *fp, long *rows)
{
	if (t == XT_COUNT)
		return export_calendar(ctx->db, fp, rows, cmd_progress);
	return export_table(ctx->db, (enum xtable)t, ctx->today, horizon,
	    ctx->format, fp, rows, cmd_progress);
}

/* Write to path: whole or not at all when it is a regular file. */
static int
to_file(struct ctx *ctx, int t, int32_t horizon, const char *path,
    long *rows)
{
	struct outfile	 of;
	FILE		*fp;
	int		 saved, rc = -1;

	if (outfile_open(&of, "export", path, ctx->db_path, 0) == -1)
		goto out;
	if ((fp = fdopen(of.fd, "w")) == NULL) {
		err_fail("export: cannot write '%s': %s", err_quote(path),
		    strerror(errno));
		goto out;
	}
	of.fd = -1;	/* fp owns it now */
	rc = export_any(ctx, t, horizon, fp, rows);
	saved = errno;
	if (rc == -1 && ferror(fp)) {
		/* Name the file rather than "output". */
		err_clear();
		err_fail("export: cannot write '%s': %s", err_quote(path),
		    strerror(saved));
	}
	if (fclose(fp) == EOF && rc == 0)
		rc = err_fail("export: cannot write '%s': %s", err_quote(path),
		    strerror(errno));
	if (rc == 0)
		rc = outfile_commit(&of, "export");
out:
	outfile_release(&of);
	return rc;
}

static int
cmd_export_exec(struct ctx *ctx, int argc, char **argv)
{
	const char	*what = "decisions", *output = NULL;
	struct args	 a;
	long		 rows;
	int		 i, t, rc = -1;

	if (args_parse(ctx, &cmd_export_entry, argc, argv, export_opts,
	    &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_export_entry, &a, 0, 0) == -1)
		goto out;
	for (i = 0; i < a.nopts; i++) {
		if (a.opts[i].id == OPT_WHAT)
			what = a.opts[i].value;
		else
			output = a.opts[i].value;
	}
	if (strcmp(what, "calendar") == 0)
		t = XT_COUNT;
	else if ((t = xtable_find(what)) < 0) {
		err_usage("--what: unknown table '%s' (decisions, assumptions, "
		    "metrics, measurements, sunset, reviews, options or "
		    "calendar)", err_quote(what));
		goto out;
	}
	if ((t == XT_COUNT) != (ctx->format == FMT_ICS)) {
		if (t == XT_COUNT && ctx->format_opt == NULL)
			ctx->format = FMT_ICS;
		else if (t == XT_COUNT) {
			err_usage("--format: '%s' is not a format of 'export "
			    "--what calendar' (iCalendar only)",
			    err_quote(ctx->format_opt));
			goto out;
		} else {
			err_usage("--format: 'ics' is only for --what "
			    "calendar");
			goto out;
		}
	}
	if (output != NULL && *output == '\0') {
		err_usage("-o: empty file name");
		goto out;
	}
	if (ctx_open(ctx, &cmd_export_entry) == -1)
		goto out;
	if (output != NULL && strcmp(output, "-") != 0)
		rc = to_file(ctx, t, date_add_duration(ctx->today,
		    &ctx->settings.within), output, &rows);
	else
		rc = export_any(ctx, t, date_add_duration(ctx->today,
		    &ctx->settings.within), stdout, &rows);
out:
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_export_entry = {
	"export", "write a table of the register as CSV or JSON",
	"mvb export [--what TABLE] [-o FILE] [--format csv|json]\n"
	"TABLE: decisions (default), assumptions, metrics, measurements, "
	"sunset,\nreviews, options, or calendar (an iCalendar feed of review "
	"dates,\ndeadlines and sunset dates); -o writes FILE whole or not at "
	"all\n(- is standard output)",
	CMD_READ, FMT_BIT(FMT_CSV) | FMT_BIT(FMT_JSON) | FMT_BIT(FMT_ICS),
	FMT_CSV,
	cmd_export_exec
};
