/*
 * mvb measure: a dated measurement of one of a decision's success metrics
 * (cli.md §4 Evidence), which the 'missed' flag and sunset criteria read.
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

static int
cmd_measure_exec(struct ctx *ctx, int argc, char **argv)
{
	struct args	a;
	char		value[NUM_BUFSZ];
	int64_t		id;
	int32_t		on = 0;
	int		i, rc = -1;

	if (args_parse(ctx, &cmd_measure_entry, argc, argv, measure_opts,
	    &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_measure_entry, &a, 3, 3) == -1 ||
	    decision_parse_id(a.pos[0], &id) == -1 ||
	    dopt_check_metric_name("measure: NAME", a.pos[1]) == -1 ||
	    dopt_check_decimal("measure: VALUE", "value", a.pos[2],
	    value) == -1)
		goto out;
	/* Every --on is checked; the last one counts. */
	on = ctx->today;
	for (i = 0; i < a.nopts; i++)
		if (parse_date_opt("--on", a.opts[i].value, &on) == -1 ||
		    decision_check_not_future("--on", on, ctx->today) == -1)
			goto out;
	if (ctx_begin_on(ctx, &cmd_measure_entry, id) == -1)
		goto out;
	rc = ctx_end(ctx, measurement_add(ctx->db, id, a.pos[1], on, value));
out:
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_measure_entry = {
	"measure", "record a measurement of a decision's metric",
	"mvb measure ID NAME VALUE [--on DATE]\n"
	"--on defaults to today",
	CMD_WRITE, 0, FMT_TABLE, cmd_measure_exec
};
