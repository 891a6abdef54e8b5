/*
 * mvb invalidate: an assumption no longer holds, as of a date, perhaps
 * with a note saying why (mvb(1) COMMANDS, Evidence). The latest date of
 * invalidate and confirm counts.
 */
#include "cmd.h"
#include "decision.h"
#include "dopts.h"
#include "err.h"
#include "evidence.h"
#include "text.h"

enum {
	OPT_ON = 1,
	OPT_NOTE
};

static const struct opt invalidate_opts[] = {
	{ "on", 1, OPT_ON },
	{ "note", 1, OPT_NOTE },
	{ NULL, 0, 0 }
};

struct invalidate {
	int64_t		 id;
	int		 number;
	int32_t		 on;
	const char	*note;		/* NULL when none */
};

static int
cmd_invalidate_check(struct ctx *ctx, struct args *a)
{
	struct invalidate	*v = a->state;
	int			 i, has_on = 0;

	if (decision_parse_id(a->pos[0], &v->id) == -1 ||
	    dopt_parse_assumption(a->pos[1], &v->number) == -1)
		return -1;
	for (i = 0; i < a->nopts; i++) {
		if (a->opts[i].id == OPT_ON) {
			if (dopt_parse_date("--on", a->opts[i].value,
			    &v->on) == -1 || decision_check_not_future("--on",
			    v->on, ctx->today) == -1)
				return -1;
			has_on = 1;
		} else {
			v->note = a->opts[i].value;
			if (dopt_check_text("--note", v->note, 0,
			    TEXT_MAX) == -1)
				return -1;
			if (*v->note == '\0')
				v->note = NULL;
		}
	}
	if (!has_on)
		v->on = ctx->today;
	return 0;
}

static int
cmd_invalidate_exec(struct ctx *ctx, struct args *a)
{
	struct invalidate	*v = a->state;

	if (ctx_need_decision(ctx, v->id) == -1)
		return -1;
	return assumption_mark(ctx->db, v->id, v->number, 1, v->on, v->note);
}

const struct cmd_entry cmd_invalidate_entry = {
	.name = "invalidate",
	.summary = "record that an assumption no longer holds",
	.usage = "mvb invalidate ID N [--on DATE] [--note TEXT]\n"
	"--on defaults to today; the latest date of invalidate and confirm "
	"counts",
	.group = CMD_GROUP_EVIDENCE,
	.examples = "  mvb invalidate 7 1 --note \"price rose 18% at renewal\"",
	.opts = invalidate_opts,
	.args = { 2, 2 },
	.needs = CMD_WRITE,
	.state_size = sizeof(struct invalidate),
	.check = cmd_invalidate_check,
	.exec = cmd_invalidate_exec
};
