/*
 * mvb metric: a success metric of a decision, with an operator, target,
 * unit and target date (cli.md §4 Evidence); 'measure' records how it went.
 */
#include "cmd.h"
#include "date.h"
#include "db.h"
#include "decision.h"
#include "dopts.h"
#include "err.h"
#include "evidence.h"
#include "money.h"
#include "sunset.h"
#include "text.h"

enum {
	OPT_UNIT = 1,
	OPT_BY
};

static const struct opt metric_opts[] = {
	{ "unit", 1, OPT_UNIT },
	{ "by", 1, OPT_BY },
	{ NULL, 0, 0 }
};

static int
cmd_metric_exec(struct ctx *ctx, int argc, char **argv)
{
	struct decision	 d;
	struct args	 a;
	const char	*unit = NULL;
	char		 target[NUM_BUFSZ];
	int64_t		 id;
	int32_t		 by = 0;
	int		 i, has_by = 0, rc = -1;

	decision_init(&d);
	if (args_parse(ctx, &cmd_metric_entry, argc, argv, metric_opts,
	    &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_metric_entry, &a, 4, 4) == -1 ||
	    decision_parse_id(a.pos[0], &id) == -1 ||
	    dopt_check_metric_name("metric: NAME", a.pos[1]) == -1)
		goto out;
	if (!op_valid(a.pos[2])) {
		err_usage("metric: OP: invalid operator '%s' (use >=, <=, > "
		    "or <)", err_quote(a.pos[2]));
		goto out;
	}
	if (dopt_check_decimal("metric: TARGET", "target", a.pos[3],
	    target) == -1)
		goto out;
	for (i = 0; i < a.nopts; i++) {
		if (a.opts[i].id == OPT_UNIT) {
			unit = a.opts[i].value;
			if (dopt_check_text("--unit", unit, 0, TEXT_MAX) == -1)
				goto out;
			if (*unit == '\0')
				unit = NULL;
		} else {
			if (parse_date_opt("--by", a.opts[i].value, &by) == -1)
				goto out;
			has_by = 1;
		}
	}
	if (ctx_open(ctx, &cmd_metric_entry) == -1 || db_begin(ctx->db) == -1)
		goto out;
	if (decision_load(ctx->db, id, &d) == -1)
		goto fail;
	if (!has_by)
		by = date_add_months(d.decided_on,
		    ctx->settings.review_months);
	if (metric_add(ctx->db, id, a.pos[1], a.pos[2], target, unit,
	    by) == -1 || db_commit(ctx->db) == -1)
		goto fail;
	rc = 0;
	goto out;
fail:
	db_rollback(ctx->db);
out:
	decision_release(&d);
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_metric_entry = {
	"metric", "add a success metric with its target to a decision",
	"mvb metric ID NAME >=|<=|>|< TARGET [--unit U] [--by DATE]\n"
	"--by is the target date (default decided + review_months, fixed "
	"now)",
	CMD_WRITE, 0, FMT_TABLE, cmd_metric_exec
};
