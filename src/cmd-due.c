/*
 * mvb due: every proposed or active decision with a flag as of today, most
 * urgent first (cli.md §4 Attention, §5).
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

struct due_row {
	struct decision	d;
	struct flags	f;
};

static int
urgency_cmp(const void *pa, const void *pb)
{
	const struct due_row	*a = pa, *b = pb;
	enum flag		 fa = flags_first(a->f.bits);
	enum flag		 fb = flags_first(b->f.bits);

	if (fa != fb)
		return fa < fb ? -1 : 1;
	if (a->d.next_review_on != b->d.next_review_on)
		return a->d.next_review_on < b->d.next_review_on ? -1 : 1;
	return a->d.id < b->d.id ? -1 : a->d.id > b->d.id;
}

/*
 * Collect the flagged decisions. Only rows that can carry a date flag are
 * read: the window opens by the horizon, or the deadline has passed.
 */
static int
collect(struct ctx *ctx, int32_t horizon, struct due_row **rows, size_t *n)
{
	sqlite3_stmt	*stmt;
	struct flagger	 fl;
	struct due_row	 r;
	char		*sql, hb[DATE_BUFSZ], tb[DATE_BUFSZ];
	size_t		 alloc = 0;
	int		 rc;

	*rows = NULL;
	*n = 0;
	if (flagger_init(&fl, ctx->db, ctx->today, horizon) == -1)
		return -1;
	sql = xasprintf("SELECT %s, %s FROM decisions d WHERE %s",
	    decision_columns_sql(), flags_hint_sql, flags_candidate_sql);
	stmt = db_prepare(ctx->db, sql);
	free(sql);
	if (stmt == NULL) {
		flagger_release(&fl);
		return -1;
	}
	db_bind_named(stmt, ":today", date_format(ctx->today, tb));
	db_bind_named(stmt, ":horizon", date_format(horizon, hb));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (decision_read_row(stmt, &r.d) == -1)
			break;
		fl.may = (unsigned)sqlite3_column_int(stmt,
		    (int)decision_field_count + 1);
		if (flags_eval(&fl, &r.d, &r.f) == -1) {
			decision_release(&r.d);
			break;
		}
		if (r.f.bits == 0) {
			decision_release(&r.d);
			continue;
		}
		if (*n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			*rows = xrealloc(*rows, alloc * sizeof(**rows));
		}
		(*rows)[(*n)++] = r;
	}
	sqlite3_finalize(stmt);
	flagger_release(&fl);
	if (rc != SQLITE_DONE)
		return err_msg() != NULL ? -1 :
		    err_db(ctx->db, "cannot read the register");
	qsort(*rows, *n, sizeof(**rows), urgency_cmp);
	return 0;
}

static int
print(struct ctx *ctx, struct due_row *rows, size_t n)
{
	struct strbuf	 flags;
	struct out	*o;
	char		 buf[DATE_BUFSZ];
	size_t		 i;

	o = out_new(ctx->format, stdout, due_cols, (int)ARRAY_SIZE(due_cols),
	    6);
	sb_init(&flags);
	for (i = 0; i < n; i++) {
		out_int(o, rows[i].d.id);
		out_text(o, rows[i].d.title);
		out_text(o, rows[i].d.choice);
		out_text(o, rows[i].d.owner);
		out_text(o, date_format(rows[i].d.next_review_on, buf));
		out_text(o, date_format(rows[i].d.deadline_on, buf));
		sb_reset(&flags);
		flags_format(rows[i].f.bits, &flags);
		out_text(o, flags.buf);
		out_text(o, rows[i].f.reason);
		out_end_row(o);
	}
	sb_release(&flags);
	return out_finish(o);
}

static int
cmd_due_exec(struct ctx *ctx, int argc, char **argv)
{
	struct due_row	*rows = NULL;
	struct duration	 within;
	struct args	 a;
	const char	*within_opt = NULL;
	size_t		 n = 0, i;
	int		 rc = -1, exit_code = 0;

	if (args_parse(ctx, &cmd_due_entry, argc, argv, due_opts, &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_due_entry, &a, 0, 0) == -1)
		goto out;
	for (i = 0; i < (size_t)a.nopts; i++) {
		if (a.opts[i].id == OPT_WITHIN)
			within_opt = a.opts[i].value;
		else
			exit_code = 1;
	}
	if (within_opt != NULL && duration_parse(within_opt, &within) == -1) {
		err_usage("--within: invalid duration '%s' (N followed by d, "
		    "w, m or y)", within_opt);
		goto out;
	}
	if (ctx_open(ctx, &cmd_due_entry) == -1)
		goto out;
	if (within_opt == NULL)
		within = ctx->settings.within;
	if (collect(ctx, date_add_duration(ctx->today, &within), &rows,
	    &n) == -1 || print(ctx, rows, n) == -1)
		goto out;
	rc = exit_code && n > 0 ? EXIT_FOUND : 0;
out:
	for (i = 0; i < n; i++) {
		decision_release(&rows[i].d);
		flags_release(&rows[i].f);
	}
	free(rows);
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_due_entry = {
	"due", "list the decisions that need attention, most urgent first",
	"mvb due [--within DURATION] [--exit-code]\n"
	"--within sets how far ahead 'upcoming' looks (default the 'within' "
	"setting);\n--exit-code exits 3 when anything is flagged",
	CMD_READ, FMT_BIT(FMT_TABLE) | FMT_BIT(FMT_CSV) | FMT_BIT(FMT_JSON),
	FMT_TABLE, cmd_due_exec
};
