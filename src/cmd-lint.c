/*
 * mvb lint: hold proposed and active decisions against the framework's
 * checks (mvb(1) LINT), one finding a line.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "decision.h"
#include "err.h"
#include "lint.h"
#include "sql.h"

enum {
	OPT_EXIT_CODE = 1
};

static const struct opt lint_opts[] = {
	{ "exit-code", 0, OPT_EXIT_CODE },
	{ NULL, 0, 0 }
};

struct lint_cmd {
	int64_t	id;		/* 0: every decision */
	int	exit_code;
};

static int
print_finding(void *arg, int64_t id, enum lint_rule rule,
    const char *message)
{
	(void)arg;
	if (printf("%lld: %s: %s\n", (long long)id, lint_rule_names[rule],
	    message) < 0)
		return err_fail("cannot write output: %s", strerror(errno));
	return 0;
}

static int
cmd_lint_check(struct ctx *ctx, struct args *a)
{
	struct lint_cmd	*st = a->state;

	(void)ctx;
	st->exit_code = a->nopts > 0;
	if (a->npos == 1)
		return decision_parse_id(a->pos[0], &st->id);
	return 0;
}

static int
cmd_lint_exec(struct ctx *ctx, struct args *a)
{
	struct lint_cmd	*st = a->state;
	long		 n;

	if (st->id != 0 && ctx_need_decision(ctx, st->id) == -1)
		return -1;
	/* In the command's read transaction (cmd_run()): both queries see
	 * the same register. */
	n = lint_run(ctx->db, st->id, &ctx->settings, print_finding, NULL);
	if (n == -1)
		return -1;
	if (fflush(stdout) == EOF || ferror(stdout))
		return err_fail("cannot write output: %s", strerror(errno));
	return st->exit_code && n > 0 ? EXIT_FOUND : 0;
}

const struct cmd_entry cmd_lint_entry = {
	.name = "lint",
	.summary = "hold decisions against the framework's checks",
	.usage = "mvb lint [ID] [--exit-code]\n"
	"one finding a line, 'ID: RULE: message', for proposed and active "
	"decisions;\n--exit-code exits 3 when anything is found",
	.group = CMD_GROUP_ATTENTION,
	.examples = "  mvb lint\n"
	    "  mvb lint 7 --exit-code",
	.opts = lint_opts,
	.args = { 0, 1 },
	.needs = CMD_READ,
	.state_size = sizeof(struct lint_cmd),
	.check = cmd_lint_check,
	.exec = cmd_lint_exec
};
