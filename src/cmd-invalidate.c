/*
 * mvb invalidate: an assumption no longer holds, as of a date, perhaps
 * with a note saying why (cli.md §4 Evidence). The latest date of
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

static int
cmd_invalidate_exec(struct ctx *ctx, int argc, char **argv)
{
	const char	*note = NULL;
	struct args	 a;
	int64_t		 id;
	int32_t		 on = 0;
	int		 i, number = 0, has_on = 0, rc = -1;

	if (args_parse(ctx, &cmd_invalidate_entry, argc, argv,
	    invalidate_opts, &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_invalidate_entry, &a, 2, 2) == -1 ||
	    decision_parse_id(a.pos[0], &id) == -1 ||
	    dopt_parse_assumption(a.pos[1], &number) == -1)
		goto out;
	for (i = 0; i < a.nopts; i++) {
		if (a.opts[i].id == OPT_ON) {
			if (parse_date_opt("--on", a.opts[i].value, &on) ==
			    -1 || decision_check_not_future("--on", on,
			    ctx->today) == -1)
				goto out;
			has_on = 1;
		} else {
			note = a.opts[i].value;
			if (dopt_check_text("--note", note, 0, TEXT_MAX) == -1)
				goto out;
			if (*note == '\0')
				note = NULL;
		}
	}
	if (ctx_begin_on(ctx, &cmd_invalidate_entry, id) == -1)
		goto out;
	rc = ctx_end(ctx, assumption_mark(ctx->db, id, number, 1,
	    has_on ? on : ctx->today, note));
out:
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_invalidate_entry = {
	"invalidate", "record that an assumption no longer holds",
	"mvb invalidate ID N [--on DATE] [--note TEXT]\n"
	"--on defaults to today; the latest date of invalidate and confirm "
	"counts",
	CMD_WRITE, 0, FMT_TABLE, cmd_invalidate_exec
};
