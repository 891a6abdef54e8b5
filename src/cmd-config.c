/*
 * mvb config: list, read or set the register's own settings.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "db.h"
#include "err.h"

static int
list(struct db *db)
{
	char	*value;
	int	 i;

	for (i = 0; settings_keys[i] != NULL; i++) {
		/* A setting lost to a hand edit lists as empty. */
		if (settings_stored(db, settings_keys[i], &value) == -1)
			return -1;
		printf("%s=%s\n", settings_keys[i], value != NULL ? value : "");
		free(value);
	}
	return 0;
}

static int
cmd_config_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	if (a->npos > 0 && !settings_known(a->pos[0]))
		return err_usage("config: unknown setting '%s' (review_months, "
		    "deadline_months, currency, fte_cost, within or "
		    "crossover)", err_quote(a->pos[0]));
	return 0;
}

static int
cmd_config_exec(struct ctx *ctx, struct args *a)
{
	char	*value;

	/*
	 * The register is opened without loading its settings, so that a
	 * damaged one can be seen and set again. Writing creates a missing
	 * register, as add does.
	 */
	ctx->db = db_open(ctx->db_path, a->npos == 2 ? DB_WRITE : DB_READ);
	if (ctx->db == NULL)
		return -1;
	if (a->npos == 2) {
		if (db_begin(ctx->db) == -1)
			return -1;
		if (settings_set(ctx->db, a->pos[0], a->pos[1]) == -1 ||
		    db_commit(ctx->db) == -1) {
			db_rollback(ctx->db);
			return -1;
		}
	} else if (a->npos == 0) {
		if (list(ctx->db) == -1)
			return -1;
	} else {
		if ((value = settings_get(ctx->db, a->pos[0])) == NULL)
			return -1;
		printf("%s\n", value);
		free(value);
	}
	return 0;
}

const struct cmd_entry cmd_config_entry = {
	.name = "config",
	.summary = "list, show or set the register's settings",
	.usage = "mvb config [KEY [VALUE]]\n"
	"keys: review_months (12), deadline_months (18), currency (USD),\n"
	"      fte_cost (200000.00), within (30d), crossover (25000.00)",
	.group = CMD_GROUP_CARE,
	.examples = "  mvb config\n"
	    "  mvb config review_months 6",
	.args = { 0, 2 },
	.needs = CMD_OWN_DB,
	.check = cmd_config_check,
	.exec = cmd_config_exec
};
