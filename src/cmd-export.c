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
		return export_calendar(ctx->db, fp, rows, ctx_progress);
	return export_table(ctx->db, (enum xtable)t, ctx->today, horizon,
	    ctx->format, fp, rows, ctx_progress);
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

struct export {
	int		 t;		/* an xtable, or XT_COUNT: calendar */
	const char	*output;	/* -o, or NULL */
	const char	*output_opt;	/* "o" or "output", as given */
};

static int
cmd_export_check(struct ctx *ctx, struct args *a)
{
	struct export	*e = a->state;
	const char	*what = "decisions";
	int		 i;

	for (i = 0; i < a->nopts; i++) {
		if (a->opts[i].id == OPT_WHAT)
			what = a->opts[i].value;
		else {
			e->output = a->opts[i].value;
			e->output_opt = a->opts[i].name;
		}
	}
	if (strcmp(what, "calendar") == 0)
		e->t = XT_COUNT;
	else if ((e->t = xtable_find(what)) < 0)
		return err_usage("--what: unknown table '%s' (decisions, "
		    "assumptions, metrics, measurements, sunset, reviews, "
		    "options or calendar)", err_quote(what));
	if ((e->t == XT_COUNT) != (ctx->format == FMT_ICS)) {
		if (e->t == XT_COUNT && ctx->format_opt == NULL)
			ctx->format = FMT_ICS;
		else if (e->t == XT_COUNT)
			return err_usage("--format: '%s' is not a format of "
			    "'export --what calendar' (iCalendar only)",
			    err_quote(ctx->format_opt));
		else
			return err_usage("--format: 'ics' is only for --what "
			    "calendar");
	}
	if (e->output != NULL && *e->output == '\0')
		return err_usage("%s%s: empty file name",
		    strlen(e->output_opt) == 1 ? "-" : "--", e->output_opt);
	return 0;
}

static int
cmd_export_exec(struct ctx *ctx, struct args *a)
{
	struct export	*e = a->state;
	int32_t		 horizon;
	long		 rows;

	horizon = date_add_duration(ctx->today, &ctx->settings.within);
	if (e->output != NULL && strcmp(e->output, "-") != 0)
		return to_file(ctx, e->t, horizon, e->output, &rows);
	return export_any(ctx, e->t, horizon, stdout, &rows);
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.summary = "write a table of the register as CSV or JSON",
	.usage = "mvb export [--what TABLE] [-o FILE] [--format csv|json|ics]\n"
	"TABLE: decisions (default), assumptions, metrics, measurements, "
	"sunset,\nreviews, options, or calendar (an iCalendar feed of review "
	"dates,\ndeadlines and sunset dates, format ics); -o writes FILE whole or "
	"not at "
	"all\n(- is standard output)",
	.group = CMD_GROUP_EXCHANGE,
	.examples = "  mvb export --what decisions -o decisions.csv\n"
	    "  mvb export --what calendar -o reviews.ics",
	.opts = export_opts,
	.args = { 0, 0 },
	.formats = FMT_BIT(FMT_CSV) | FMT_BIT(FMT_JSON) | FMT_BIT(FMT_ICS),
	.default_format = FMT_CSV,
	.needs = CMD_READ,
	.state_size = sizeof(struct export),
	.check = cmd_export_check,
	.exec = cmd_export_exec
};
