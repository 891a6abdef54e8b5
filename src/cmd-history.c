/*
 * mvb history: every change to a decision and its evidence, oldest first.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "decision.h"
#include "err.h"

static const char *const history_cols[] = {
	"when", "who", "what", "old", "new"
};

static int
print(struct ctx *ctx, int64_t id)
{
	sqlite3_stmt	*stmt;
	struct out	*o;
	int		 rc, i;

	stmt = db_prepare(ctx->db, "SELECT at, who, what, old_value, "
	    "new_value FROM history WHERE decision_id = ?1 OR id IN (SELECT "
	    "history_id FROM history_decisions WHERE decision_id = ?1) "
	    "ORDER BY id");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	o = out_new(FMT_TABLE, stdout, history_cols,
	    (int)ARRAY_SIZE(history_cols), -1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < 5; i++)
			out_text(o, (const char *)sqlite3_column_text(stmt, i));
		out_end_row(o);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		out_finish(o);
		return err_db(ctx->db, "cannot read the history");
	}
	return out_finish(o);
}

static int
cmd_history_exec(struct ctx *ctx, int argc, char **argv)
{
	struct decision	 d;
	struct args	 a;
	int64_t		 id;
	int		 rc = -1;

	decision_init(&d);
	if (args_parse(ctx, &cmd_history_entry, argc, argv, NULL, &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_history_entry, &a, 1, 1) == -1 ||
	    decision_parse_id(a.pos[0], &id) == -1 ||
	    ctx_open(ctx, &cmd_history_entry) == -1 ||
	    decision_load(ctx->db, id, &d) == -1 || print(ctx, id) == -1)
		goto out;
	rc = 0;
out:
	decision_release(&d);
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_history_entry = {
	"history", "show every change to a decision, oldest first",
	"mvb history ID\n"
	"columns: when (UTC), who ($USER), what, old value, new value",
	CMD_READ, 0, FMT_TABLE, cmd_history_exec
};
