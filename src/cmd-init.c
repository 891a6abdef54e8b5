/*
 * mvb init: create the register, or bring its schema up to date, and say
 * where it is.
 */
#include <stdio.h>

#include "cmd.h"

static int
cmd_init_exec(struct ctx *ctx, int argc, char **argv)
{
	struct args	a;
	int		rc = -1;

	if (args_parse(ctx, &cmd_init_entry, argc, argv, NULL, &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_init_entry, &a, 0, 0) == -1 ||
	    ctx_open(ctx, &cmd_init_entry) == -1)
		goto out;
	printf("%s\n", ctx->db_path);
	rc = 0;
out:
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_init_entry = {
	"init", "create the register (or update its schema) and print its path",
	"mvb init", CMD_WRITE, 0, FMT_TABLE, cmd_init_exec
};
