/*
 * mvb list: one row per decision in id order, optionally filtered; csv and
 * json carry the columns of 'export --what decisions' and stream.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cmd.h"
#include "date.h"
#include "db.h"
#include "decision.h"
#include "dopts.h"
#include "err.h"
#include "flags.h"
#include "text.h"
#include "view.h"

enum {
	OPT_STATUS = 1,
	OPT_CHOICE,
	OPT_OWNER,
	OPT_CAPABILITY,
	OPT_SEARCH
};

static const struct opt list_opts[] = {
	{ "status", 1, OPT_STATUS },
	{ "choice", 1, OPT_CHOICE },
	{ "owner", 1, OPT_OWNER },
	{ "capability", 1, OPT_CAPABILITY },
	{ "search", 1, OPT_SEARCH },
	{ NULL, 0, 0 }
};

/* The short table for a terminal. */
static const char *const table_cols[] = {
	"id", "title", "choice", "status", "owner", "next_review_on",
	"deadline", "flags"
};

/*
 * On a narrow terminal (mvb(1) OUTPUT) the owner, the status, the choice,
 * the deadline and then the next review date are left out, in that order,
 * so that the title keeps 30 columns.
 */
static const struct out_col table_layout[] = {
	{ 0, 0, OUT_WHOLE },		/* id */
	{ 30, 0, 0 },			/* title */
	{ 0, 3, OUT_WHOLE },		/* choice */
	{ 0, 4, OUT_WHOLE },		/* status */
	{ 0, 5, 0 },			/* owner */
	{ 0, 1, OUT_WHOLE },		/* next_review_on */
	{ 0, 2, OUT_WHOLE },		/* deadline */
	{ 0, 0, OUT_WHOLE }		/* flags */
};

struct filter {
	const char	*status, *choice, *owner, *capability, *search;
};

static int
parse(struct args *a, struct filter *f)
{
	int	i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < a->nopts; i++) {
		const char *v = a->opts[i].value;

		switch (a->opts[i].id) {
		case OPT_STATUS:
			if (!status_valid(v))
				return err_usage("--status: invalid status "
				    "'%s' (proposed, active, superseded or "
				    "retired)", err_quote(v));
			f->status = v;
			break;
		case OPT_CHOICE:
			if (!choice_valid(v))
				return err_usage("--choice: invalid choice "
				    "'%s' (build, buy, oss or assemble)",
				    err_quote(v));
			f->choice = v;
			break;
		case OPT_OWNER:
			if (dopt_check_text("--owner", v, 0, TEXT_MAX) == -1)
				return -1;
			f->owner = v;
			break;
		case OPT_CAPABILITY:
			if (dopt_check_text("--capability", v, 0,
			    TEXT_MAX) == -1)
				return -1;
			f->capability = v;
			break;
		case OPT_SEARCH:
			if (dopt_check_text("--search", v, 0, TEXT_MAX) == -1)
				return -1;
			f->search = v;
			break;
		}
	}
	return 0;
}

static struct stmt *
query(struct db *db, const struct filter *f, const char *today)
{
	struct stmt	*stmt;
	struct strbuf	 sql;
	char		*folded = NULL, *p;

	sb_init(&sql);
	sb_addf(&sql, "SELECT %s FROM decisions d WHERE 1 = 1",
	    decision_columns_sql());
	if (f->status != NULL)
		sb_adds(&sql, " AND status = $1");
	if (f->choice != NULL)
		sb_adds(&sql, " AND choice = $2");
	if (f->owner != NULL)
		sb_adds(&sql, " AND owner = $3");
	if (f->capability != NULL)
		sb_adds(&sql, " AND capability = $4");
	if (f->search != NULL)
		sb_adds(&sql, " AND (instr(lower(title), $5) > 0 OR "
		    "instr(lower(capability), $5) > 0 OR "
		    "instr(lower(coalesce(vendor, '')), $5) > 0 OR "
		    "instr(lower(coalesce(rationale, '')), $5) > 0 OR "
		    "EXISTS (SELECT 1 FROM assumptions a WHERE a.decision_id = "
		    "d.id AND instr(lower(a.text), $5) > 0))");
	sb_adds(&sql, " ORDER BY id");
	stmt = db_prepare(db, sql.buf);
	sb_release(&sql);
	if (stmt == NULL)
		return NULL;
	engine_bind_text(stmt, 1, f->status);
	engine_bind_text(stmt, 2, f->choice);
	engine_bind_text(stmt, 3, f->owner);
	engine_bind_text(stmt, 4, f->capability);
	/* Folded here, ASCII only, as lower() folds the columns on both
	 * engines (text compares as bytes: COLLATE "C" on a server). */
	if (f->search != NULL) {
		folded = xstrdup(f->search);
		for (p = folded; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
	}
	engine_bind_text(stmt, 5, folded);
	free(folded);
	engine_bind_text(stmt, 6, today);
	return stmt;
}

static void
table_row(struct out *o, const struct decision *d, const struct flags *fl)
{
	struct strbuf	flags;
	char		buf[DATE_BUFSZ];

	out_int(o, d->id);
	out_text(o, d->title);
	out_text(o, d->choice);
	out_text(o, d->status);
	out_text(o, d->owner);
	out_text(o, date_format(d->next_review_on, buf));
	out_text(o, date_format(d->deadline_on, buf));
	sb_init(&flags);
	flags_format(fl->bits, &flags);
	out_text(o, flags.buf);
	sb_release(&flags);
}

static int
print(struct ctx *ctx, const struct filter *f)
{
	struct flagger	 fg;
	struct decision	 d;
	struct flags	 fl;
	struct stmt	*stmt;
	struct out	*o;
	int32_t		 horizon;
	char		 today[DATE_BUFSZ];
	int		 rc, ncols, table = ctx->format == FMT_TABLE;
	const char *const *cols = catalog_names(XT_DECISIONS, &ncols);

	if ((stmt = query(ctx->db, f, date_format(ctx->today, today))) == NULL)
		return -1;
	horizon = date_add_duration(ctx->today, &ctx->settings.within);
	if (flagger_init(&fg, ctx->db, ctx->today, horizon) == -1) {
		engine_finalize(stmt);
		return -1;
	}
	if (table)
		o = out_new(FMT_TABLE, stdout, table_cols,
		    (int)ARRAY_SIZE(table_cols), 7);
	if (table)
		out_layout(o, table_layout);
	else
		o = out_new(ctx->format, stdout, cols, ncols, -1);
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		if (decision_read_row(stmt, &d) == -1)
			break;
		if (flags_eval(&fg, &d, &fl) == -1) {
			decision_release(&d);
			break;
		}
		if (table)
			table_row(o, &d, &fl);
		else
			view_decision_row(o, &d, &fl);
		out_end_row(o);
		flags_release(&fl);
		decision_release(&d);
	}
	/* stmt last: finalizing leaves its error, if any, for err_db(). */
	flagger_release(&fg);
	engine_finalize(stmt);
	if (rc != ENGINE_DONE) {
		if (err_msg() == NULL)
			err_db(ctx->db, "cannot read the register");
		out_finish(o);
		return -1;
	}
	return out_finish(o);
}

static int
cmd_list_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	return parse(a, a->state);
}

static int
cmd_list_exec(struct ctx *ctx, struct args *a)
{
	return print(ctx, a->state);
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.summary = "list decisions in id order",
	.usage = "mvb list [--status S] [--choice CH] [--owner O] "
	"[--capability C]\n"
	"           [--search TEXT]\n"
	"--owner and --capability match exactly; --search matches part of "
	"the title,\ncapability, vendor, rationale or an assumption, ignoring "
	"ASCII case",
	.group = CMD_GROUP_ATTENTION,
	.examples = "  mvb list --status active --choice buy\n"
	    "  mvb list --search kafka --format csv",
	.opts = list_opts,
	.args = { 0, 0 },
	.formats = FMT_BIT(FMT_TABLE) | FMT_BIT(FMT_CSV) | FMT_BIT(FMT_JSON),
	.default_format = FMT_TABLE,
	.needs = CMD_READ,
	.state_size = sizeof(struct filter),
	.check = cmd_list_check,
	.exec = cmd_list_exec
};
