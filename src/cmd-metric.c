/*
 * mvb metric: a success metric of a decision, with an operator, target, unit
 * and target date (mvb(1) COMMANDS, Evidence); 'measure' records how it went.
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

struct metric_args {
	int64_t		 id;
	const char	*unit;		/* NULL when none */
	char		 target[NUM_BUFSZ];
	int32_t		 by;
	int		 has_by;
};

static int
cmd_metric_check(struct ctx *ctx, struct args *a)
{
	struct metric_args	*m = a->state;
	int		 i;

	(void)ctx;
	if (decision_parse_id(a->pos[0], &m->id) == -1 ||
	    dopt_check_metric_name("metric: NAME", a->pos[1]) == -1)
		return -1;
	if (!op_valid(a->pos[2]))
		return err_usage("metric: OP: invalid operator '%s' (use >=, "
		    "<=, > or <)", err_quote(a->pos[2]));
	if (dopt_check_decimal("metric: TARGET", "target", a->pos[3],
	    m->target) == -1)
		return -1;
	for (i = 0; i < a->nopts; i++) {
		if (a->opts[i].id == OPT_UNIT) {
			m->unit = a->opts[i].value;
			if (dopt_check_text("--unit", m->unit, 0,
			    TEXT_MAX) == -1)
				return -1;
			if (*m->unit == '\0')
				m->unit = NULL;
		} else {
			if (dopt_parse_date("--by", a->opts[i].value,
			    &m->by) == -1)
				return -1;
			m->has_by = 1;
		}
	}
	return 0;
}

static int
cmd_metric_exec(struct ctx *ctx, struct args *a)
{
	struct metric_args	*m = a->state;
	struct decision	 d;
	int32_t		 by = m->by;

	if (decision_load(ctx->db, m->id, &d) == -1)
		return -1;
	if (!m->has_by)
		by = date_add_months(d.decided_on,
		    ctx->settings.review_months);
	decision_release(&d);
	return metric_add(ctx->db, m->id, a->pos[1], a->pos[2], m->target,
	    m->unit, by);
}

const struct cmd_entry cmd_metric_entry = {
	.name = "metric",
	.summary = "add a success metric with its target to a decision",
	.usage = "mvb metric ID NAME >=|<=|>|< TARGET [--unit U] [--by DATE]\n"
	"--by is the target date (default decided + review_months, fixed "
	"now)",
	.group = CMD_GROUP_EVIDENCE,
	.examples = "  mvb metric 7 p99_latency_ms '<=' 250 --unit ms",
	.opts = metric_opts,
	.args = { 4, 4 },
	.needs = CMD_WRITE,
	.state_size = sizeof(struct metric_args),
	.check = cmd_metric_check,
	.exec = cmd_metric_exec
};
