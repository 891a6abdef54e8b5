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

/*
 * What sorting needs of a flagged decision. The rows themselves are read
 * again, one at a time, when printed: memory stays small however many
 * decisions are flagged.
 */
struct due_key {
	int64_t		id;
	int32_t		next_review_on;
	unsigned	first;		/* most urgent flag */
};

static int
urgency_cmp(const void *pa, const void *pb)
{
	const struct due_key	*a = pa, *b = pb;

	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->next_review_on != b->next_review_on)
		return a->next_review_on < b->next_review_on ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Prepare "SELECT <decision columns>, <hint> FROM decisions d WHERE ...". */
static sqlite3_stmt *
select_where(struct ctx *ctx, const char *where, int32_t horizon)
{
	sqlite3_stmt	*stmt;
	char		*sql, hb[DATE_BUFSZ], tb[DATE_BUFSZ];

	sql = xasprintf("SELECT %s, %s FROM decisions d WHERE %s",
	    decision_columns_sql(), flags_hint_sql, where);
	stmt = db_prepare(ctx->db, sql);
	free(sql);
	if (stmt == NULL)
		return NULL;
	db_bind_named(stmt, ":today", date_format(ctx->today, tb));
	db_bind_named(stmt, ":horizon", date_format(horizon, hb));
	return stmt;
}

/* Read the current row of stmt and evaluate its flags. */
static int
read_row(sqlite3_stmt *stmt, struct flagger *fl, struct decision *d,
    struct flags *f)
{
	if (decision_read_row(stmt, d) == -1)
		return -1;
	fl->may = (unsigned)sqlite3_column_int(stmt,
	    (int)decision_field_count + 1);
	if (flags_eval(fl, d, f) == -1) {
		decision_release(d);
		return -1;
	}
	return 0;
}

/*
 * Collect the keys of the flagged decisions, most urgent first. Only the
 * rows that can carry a flag are read (flags_candidate_sql).
 */
static int
collect(struct ctx *ctx, struct flagger *fl, struct due_key **keys,
    size_t *n)
{
	sqlite3_stmt	*stmt;
	struct decision	 d;
	struct flags	 f;
	size_t		 alloc = 0;
	int		 rc;

	*keys = NULL;
	*n = 0;
	if ((stmt = select_where(ctx, flags_candidate_sql, fl->horizon)) ==
	    NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (read_row(stmt, fl, &d, &f) == -1)
			break;
		if (f.bits != 0) {
			if (*n == alloc) {
				alloc = alloc ? alloc * 2 : 64;
				*keys = xrealloc(*keys, alloc * sizeof(**keys));
			}
			(*keys)[*n].id = d.id;
			(*keys)[*n].next_review_on = d.next_review_on;
			(*keys)[*n].first = flags_first(f.bits);
			(*n)++;
		}
		flags_release(&f);
		decision_release(&d);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return err_msg() != NULL ? -1 :
		    err_db(ctx->db, "cannot read the register");
	if (*n > 0)
		qsort(*keys, *n, sizeof(**keys), urgency_cmp);
	return 0;
}

static int
print(struct ctx *ctx, struct flagger *fl, const struct due_key *keys,
    size_t n)
{
	struct strbuf	 flags;
	struct decision	 d;
	struct flags	 f;
	sqlite3_stmt	*stmt;
	struct out	*o;
	char		 buf[DATE_BUFSZ];
	size_t		 i;
	int		 rc = 0;

	if ((stmt = select_where(ctx, "d.id = :id", fl->horizon)) == NULL)
		return -1;
	o = out_new(ctx->format, stdout, due_cols, (int)ARRAY_SIZE(due_cols),
	    6);
	sb_init(&flags);
	for (i = 0; i < n && rc == 0; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt,
		    ":id"), keys[i].id);
		if (sqlite3_step(stmt) != SQLITE_ROW) {
			rc = err_db(ctx->db, "cannot read decision %lld",
			    (long long)keys[i].id);
			break;
		}
		if ((rc = read_row(stmt, fl, &d, &f)) == -1)
			break;
		out_int(o, d.id);
		out_text(o, d.title);
		out_text(o, d.choice);
		out_text(o, d.owner);
		out_text(o, date_format(d.next_review_on, buf));
		out_text(o, date_format(d.deadline_on, buf));
		sb_reset(&flags);
		flags_format(f.bits, &flags);
		out_text(o, flags.buf);
		out_text(o, f.reason);
		out_end_row(o);
		flags_release(&f);
		decision_release(&d);
	}
	sb_release(&flags);
	sqlite3_finalize(stmt);
	if (rc == -1) {
		out_finish(o);
		return -1;
	}
	return out_finish(o);
}

static int
cmd_due_exec(struct ctx *ctx, int argc, char **argv)
{
	struct due_key	*keys = NULL;
	struct flagger	 fl;
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
	/* One read transaction: both passes see the same register, and
	 * reading row by row takes no lock per row. */
	if (db_exec(ctx->db, "BEGIN") == -1)
		goto out;
	if (flagger_init(&fl, ctx->db, ctx->today, date_add_duration(
	    ctx->today, &within)) == -1) {
		db_rollback(ctx->db);
		goto out;
	}
	if (collect(ctx, &fl, &keys, &n) == 0 && print(ctx, &fl, keys, n) == 0)
		rc = exit_code && n > 0 ? EXIT_FOUND : 0;
	flagger_release(&fl);
	db_rollback(ctx->db);
out:
	free(keys);
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
