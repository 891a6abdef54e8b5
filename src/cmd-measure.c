/*
 * mvb measure: a dated measurement of one of a decision's success metrics
 * (mvb(1) COMMANDS, Evidence), which the 'missed' flag and sunset criteria
 * read.
 */
#include "cmd.h"
#include "decision.h"
#include "dopts.h"
#include "evidence.h"
#include "money.h"

enum {
	OPT_ON = 1
};

static const struct opt measure_opts[] = {
	{ "on", 1, OPT_ON },
	{ NULL, 0, 0 }
};

struct measure {
	int64_t		id;
	char		value[NUM_BUFSZ];
	int32_t		on;
};

static int
cmd_measure_check(struct ctx *ctx, struct args *a)
{
	struct measure	*m = a->state;
	int		 i;

	if (decision_parse_id(a->pos[0], &m->id) == -1 ||
	    dopt_check_metric_name("measure: NAME", a->pos[1]) == -1 ||
	    dopt_check_decimal("measure: VALUE", "value", a->pos[2],
	    m->value) == -1)
		return -1;
	/* Every --on is checked; the last one counts. */
	m->on = ctx->today;
	for (i = 0; i < a->nopts; i++)
		if (dopt_parse_date("--on", a->opts[i].value, &m->on) == -1 ||
		    decision_check_not_future("--on", m->on, ctx->today) == -1)
			return -1;
	return 0;
}

static int
cmd_measure_exec(struct ctx *ctx, struct args *a)
{
	struct measure	*m = a->state;

	if (ctx_need_decision(ctx, m->id) == -1)
		return -1;
	return measurement_add(ctx->db, m->id, a->pos[1], m->on, m->value);
}

const struct cmd_entry cmd_measure_entry = {
	.name = "measure",
	.summary = "record a measurement of a decision's metric",
	.usage = "mvb measure ID NAME VALUE [--on DATE]\n"
	"--on defaults to today",
	.group = CMD_GROUP_EVIDENCE,
	.examples = "  mvb measure 7 p99_latency_ms 180 --on 2026-03-31",
	.opts = measure_opts,
	.args = { 3, 3 },
	.needs = CMD_WRITE,
	.state_size = sizeof(struct measure),
	.check = cmd_measure_check,
	.exec = cmd_measure_exec
};
