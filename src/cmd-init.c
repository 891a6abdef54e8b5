/*
 * mvb init: create the register, or bring its schema up to date, and say
 * where it is.
 */
#include <stdio.h>

#include "cmd.h"

static int
cmd_init_exec(struct ctx *ctx, struct args *a)
{
	(void)a;
	/* A server register by its name without password (mvb(1) SHARED
	 * REGISTER). */
	printf("%s\n", engine_kind(ctx->db) == ENGINE_PG ?
	    engine_name(ctx->db) : ctx->db_path);
	return 0;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.summary = "create the register (or update its schema) and print its "
	"path",
	.usage = "mvb init",
	.group = CMD_GROUP_CARE,
	.examples = "  mvb init\n"
	    "  mvb --db team.db init",
	.args = { 0, 0 },
	.needs = CMD_OPEN_WRITE,
	.exec = cmd_init_exec
};
