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
	struct stmt	*stmt;
	struct out	*o;
	int		 rc, i;

	stmt = db_prepare(ctx->db, "SELECT at, who, what, old_value, "
	    "new_value FROM history WHERE decision_id = $1 OR id IN (SELECT "
	    "history_id FROM history_decisions WHERE decision_id = $1) "
	    "ORDER BY id");
	if (stmt == NULL)
		return -1;
	engine_bind_int(stmt, 1, id);
	o = out_new(FMT_TABLE, stdout, history_cols,
	    (int)ARRAY_SIZE(history_cols), -1);
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		for (i = 0; i < 5; i++)
			out_text(o, (const char *)engine_column_text(stmt, i));
		out_end_row(o);
	}
	engine_finalize(stmt);
	if (rc != ENGINE_DONE) {
		out_finish(o);
		return err_db(ctx->db, "cannot read the history");
	}
	return out_finish(o);
}

static int
cmd_history_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	return decision_parse_id(a->pos[0], a->state);
}

static int
cmd_history_exec(struct ctx *ctx, struct args *a)
{
	int64_t	id = *(int64_t *)a->state;

	if (ctx_need_decision(ctx, id) == -1)
		return -1;
	return print(ctx, id);
}

const struct cmd_entry cmd_history_entry = {
	.name = "history",
	.summary = "show every change to a decision, oldest first",
	.usage = "mvb history ID\n"
	"columns: when (UTC), who ($USER), what, old value, new value",
	.group = CMD_GROUP_ATTENTION,
	.examples = "  mvb history 7",
	.args = { 1, 1 },
	.needs = CMD_READ,
	.state_size = sizeof(int64_t),
	.check = cmd_history_check,
	.exec = cmd_history_exec
};
