/*
 * mvb due: every proposed or active decision with a flag as of today, most
 * urgent first (mvb(1) COMMANDS, Attention, mvb(1) FLAGS).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "flags.h"

enum {
	OPT_WITHIN = 1,
	OPT_EXIT_CODE
};

static const struct opt due_opts[] = {
	{ "within", 1, OPT_WITHIN },
	{ "exit-code", 0, OPT_EXIT_CODE },
	{ NULL, 0, 0 }
};

static const char *const due_cols[] = {
	"id", "title", "choice", "owner", "next_review_on", "deadline",
	"flags", "reason"
};

/*
 * On a narrow terminal (mvb(1) OUTPUT) the owner, the choice, the deadline
 * and then the next review date are left out, in that order; the title
 * keeps 20 columns, the reason 30, or moves to a line of its own.
 */
static const struct out_col due_layout[] = {
	{ 0, 0, OUT_WHOLE },		/* id */
	{ 20, 0, 0 },			/* title */
	{ 0, 3, OUT_WHOLE },		/* choice */
	{ 0, 4, 0 },			/* owner */
	{ 0, 1, OUT_WHOLE },		/* next_review_on */
	{ 0, 2, OUT_WHOLE },		/* deadline */
	{ 0, 0, OUT_WHOLE },		/* flags */
	{ 30, 0, OUT_BELOW }		/* reason */
};

/*
 * Each flagged decision's output row goes into a temporary table as it is
 * found, in one pass over the register in id order; SQLite then sorts that
 * table (spilling to a temporary file when it is large), so memory stays
 * small and no decision is read or evaluated twice however many are
 * flagged.
 */
/* The sort key 'urgency' is the most urgent flag and the day the window
 * opens in one integer (see store()), so that rows compare as integers. */
static const char sql_create[] =
    "CREATE TEMP TABLE due_row (urgency BIGINT, next_review_on TEXT, "
    "id INTEGER, title TEXT, choice TEXT, owner TEXT, deadline TEXT, "
    "flags TEXT, reason TEXT)";
static const char sql_insert[] =
    "INSERT INTO due_row VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
static const char sql_sorted[] =
    "SELECT id, title, choice, owner, next_review_on, deadline, flags, "
    "reason FROM due_row ORDER BY urgency, id";

/* Prepare "SELECT <decision columns> FROM decisions": the open ones. */
static struct stmt *
select_open(struct ctx *ctx)
{
	struct stmt	*stmt;
	char		*sql;

	/* NOT INDEXED: one pass over the table in id order is far cheaper
	 * than following the open-decision index into it at random, and it
	 * is the order the flagger walks the evidence in. */
	sql = xasprintf("SELECT %s FROM decisions d NOT INDEXED WHERE "
	    "d.status IN ('proposed', 'active')", decision_columns_sql());
	stmt = db_prepare(ctx->db, sql);
	free(sql);
	return stmt;
}

/* Store one flagged decision's output row. */
static int
store(struct db *db, struct stmt *ins, const struct decision *d,
    const struct flags *f, struct strbuf *flags)
{
	char	nb[DATE_BUFSZ], eb[DATE_BUFSZ];

	sb_reset(flags);
	flags_format(f->bits, flags);
	engine_reset(ins);
	/* Flag, then day (offset to be non-negative), as one integer. */
	engine_bind_int(ins, 1, (int64_t)flags_first(f->bits) *
	    ((int64_t)1 << 32) + (int64_t)d->next_review_on +
	    ((int64_t)1 << 31));
	engine_bind_text(ins, 2, date_format(d->next_review_on, nb));
	engine_bind_int(ins, 3, d->id);
	db_bind_text(ins, 4, d->title);
	db_bind_text(ins, 5, d->choice);
	db_bind_text(ins, 6, d->owner);
	engine_bind_text(ins, 7, date_format(d->deadline_on, eb));
	db_bind_text(ins, 8, flags->buf);
	db_bind_text(ins, 9, f->reason);
	if (engine_step(ins) != ENGINE_DONE)
		return err_db(db, "due: cannot sort the flagged decisions");
	return 0;
}

/*
 * Evaluate every open decision and store the flagged ones; *n gets their number.
 */
static int
collect(struct ctx *ctx, struct flagger *fl, size_t *n)
{
	struct stmt	*stmt, *ins;
	struct strbuf	 flags;
	struct decision	 d;
	struct flags	 f;
	int		 rc;

	*n = 0;
	if ((ins = db_prepare(ctx->db, sql_insert)) == NULL)
		return -1;
	if ((stmt = select_open(ctx)) == NULL) {
		engine_finalize(ins);
		return -1;
	}
	sb_init(&flags);
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		if (decision_read_row(stmt, &d) == -1)
			break;
		if (flags_eval(fl, &d, &f) == -1) {
			decision_release(&d);
			break;
		}
		if (f.bits != 0) {
			if (store(ctx->db, ins, &d, &f, &flags) == -1)
				rc = ENGINE_ERROR;
			(*n)++;
		}
		flags_release(&f);
		decision_release(&d);
		if (rc == ENGINE_ERROR)
			break;
	}
	sb_release(&flags);
	/* stmt last: finalizing leaves its error, if any, for err_db(). */
	engine_finalize(ins);
	engine_finalize(stmt);
	if (rc != ENGINE_DONE)
		return err_msg() != NULL ? -1 :
		    err_db(ctx->db, "cannot read the register");
	return 0;
}

/* Print the n stored rows, most urgent first. */
static int
print(struct ctx *ctx, size_t n)
{
	struct stmt	*stmt;
	struct out	*o;
	int		 rc;

	if (n == 0) {
		o = out_new(ctx->format, stdout, due_cols,
		    (int)ARRAY_SIZE(due_cols), 6);
		return out_finish(o);
	}
	if ((stmt = db_prepare(ctx->db, sql_sorted)) == NULL)
		return -1;
	o = out_new(ctx->format, stdout, due_cols, (int)ARRAY_SIZE(due_cols),
	    6);
	out_layout(o, due_layout);
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		out_int(o, engine_column_int(stmt, 0));
		out_text(o, (const char *)engine_column_text(stmt, 1));
		out_text(o, (const char *)engine_column_text(stmt, 2));
		out_text(o, (const char *)engine_column_text(stmt, 3));
		out_text(o, (const char *)engine_column_text(stmt, 4));
		out_text(o, (const char *)engine_column_text(stmt, 5));
		out_text(o, (const char *)engine_column_text(stmt, 6));
		out_text(o, (const char *)engine_column_text(stmt, 7));
		out_end_row(o);
	}
	engine_finalize(stmt);
	if (rc != ENGINE_DONE) {
		err_db(ctx->db, "due: cannot read the flagged decisions");
		out_finish(o);
		return -1;
	}
	return out_finish(o);
}

struct due {
	struct duration	within;
	int		has_within;
	int		exit_code;
};

static int
cmd_due_check(struct ctx *ctx, struct args *a)
{
	struct due	*du = a->state;
	const char	*within_opt = NULL;
	int		 i;

	(void)ctx;
	for (i = 0; i < a->nopts; i++) {
		if (a->opts[i].id == OPT_WITHIN)
			within_opt = a->opts[i].value;
		else
			du->exit_code = 1;
	}
	if (within_opt != NULL && duration_parse(within_opt,
	    &du->within) == -1)
		return err_usage("--within: invalid duration '%s' (N followed "
		    "by d, w, m or y)", err_quote(within_opt));
	du->has_within = within_opt != NULL;
	return 0;
}

static int
cmd_due_exec(struct ctx *ctx, struct args *a)
{
	struct due	*du = a->state;
	struct flagger	 fl;
	struct duration	 within;
	size_t		 n = 0;
	int		 rc = -1;

	within = du->has_within ? du->within : ctx->settings.within;
	/* Both passes run in the command's read transaction (cmd_run()):
	 * they see the same register, and reading row by row takes no lock
	 * per row. */
	if (flagger_init(&fl, ctx->db, ctx->today, date_add_duration(
	    ctx->today, &within)) == -1)
		return -1;
	if (collect(ctx, &fl, &n) == 0 && print(ctx, n) == 0)
		rc = du->exit_code && n > 0 ? EXIT_FOUND : 0;
	flagger_release(&fl);
	return rc;
}

/* The table before the read transaction, which on a server may create
 * none, and before any statement runs: creating it expires them. */
static int
cmd_due_setup(struct ctx *ctx, struct args *a)
{
	(void)a;
	return db_exec(ctx->db, sql_create);
}

const struct cmd_entry cmd_due_entry = {
	.name = "due",
	.summary = "list the decisions that need attention, most urgent first",
	.usage = "mvb due [--within DURATION] [--exit-code]\n"
	"--within sets how far ahead 'upcoming' looks (default the 'within' "
	"setting);\n--exit-code exits 3 when anything is flagged",
	.group = CMD_GROUP_ATTENTION,
	.examples = "  mvb due --within 60d\n"
	    "  mvb due --exit-code || echo \"something needs attention\"",
	.opts = due_opts,
	.args = { 0, 0 },
	.formats = FMT_BIT(FMT_TABLE) | FMT_BIT(FMT_CSV) | FMT_BIT(FMT_JSON),
	.default_format = FMT_TABLE,
	.needs = CMD_READ,
	.state_size = sizeof(struct due),
	.check = cmd_due_check,
	.setup = cmd_due_setup,
	.exec = cmd_due_exec
};
