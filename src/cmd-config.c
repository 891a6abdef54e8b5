/*
 * mvb config: list, read or set the register's own settings.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "db.h"
#include "err.h"

static int
list(sqlite3 *db)
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
cmd_config_exec(struct ctx *ctx, int argc, char **argv)
{
	struct args	 a;
	char		*value;
	int		 rc = -1;

	if (args_parse(ctx, &cmd_config_entry, argc, argv, NULL, &a) == -1)
		goto out;
	if (a.help) {
		rc = 0;
		goto out;
	}
	if (args_need(&cmd_config_entry, &a, 0, 2) == -1)
		goto out;
	if (a.npos > 0 && !settings_known(a.pos[0])) {
		err_usage("config: unknown setting '%s' (review_months, "
		    "deadline_months, currency, fte_cost, within or "
		    "crossover)", err_quote(a.pos[0]));
		goto out;
	}
	/*
	 * The register is opened without loading its settings, so that a
	 * damaged one can be seen and set again. Writing creates a missing
	 * register, as add does.
	 */
	ctx->db = db_open(ctx->db_path, a.npos == 2 ? DB_WRITE : DB_READ);
	if (ctx->db == NULL)
		goto out;
	if (a.npos == 2) {
		if (db_begin(ctx->db) == -1)
			goto out;
		if (settings_set(ctx->db, a.pos[0], a.pos[1]) == -1 ||
		    db_commit(ctx->db) == -1) {
			db_rollback(ctx->db);
			goto out;
		}
	} else {
		if (a.npos == 0) {
			if (list(ctx->db) == -1)
				goto out;
		} else {
			if ((value = settings_get(ctx->db, a.pos[0])) == NULL)
				goto out;
			printf("%s\n", value);
			free(value);
		}
	}
	rc = 0;
out:
	args_release(&a);
	return rc;
}

const struct cmd_entry cmd_config_entry = {
	"config", "list, show or set the register's settings",
	"mvb config [KEY [VALUE]]\n"
	"keys: review_months (12), deadline_months (18), currency (USD),\n"
	"      fte_cost (200000.00), within (30d), crossover (25000.00)",
	CMD_READ, 0, FMT_TABLE, cmd_config_exec
};
