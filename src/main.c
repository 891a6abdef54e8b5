/*
 * mvb: a register of make-vs-buy decisions. main() reads the global
 * options that come before the command, runs the command, and alone turns
 * the outcome into an exit status and the one error line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "err.h"
#include "text.h"

static int
finish(struct ctx *ctx, int rc)
{
	char	*line;

	ctx_release(ctx);
	if (fflush(stdout) == EOF && rc >= 0)
		rc = err_fail("cannot write output: %s", strerror(errno));
	if (rc < 0) {
		/* One line, whatever bytes the value at fault held. */
		line = text_quote(err_msg() != NULL ? err_msg() :
		    "unknown error", (size_t)-1);
		fprintf(stderr, "mvb: %s\n", line);
		free(line);
		return err_code() != EXIT_OK ? (int)err_code() : EXIT_FAIL;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	const struct cmd_entry	*ce;
	struct ctx		 ctx;
	int			 i;

	memset(&ctx, 0, sizeof(ctx));
	/* One thread, no allocation statistics: SQLite skips its mutexes. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			/* "mvb --help add" is "mvb add --help". */
			while (++i < argc && argv[i][0] == '-')
				;
			if (i < argc && (ce = cmd_find(argv[i])) != NULL)
				cmd_help(ce, stdout);
			else
				cmd_usage(stdout);
			return finish(&ctx, EXIT_OK);
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("mvb %s\n", MVB_VERSION);
			return finish(&ctx, EXIT_OK);
		}
		if (strncmp(argv[i], "--db=", 5) == 0)
			ctx.db_opt = argv[i] + 5;
		else if (strncmp(argv[i], "--today=", 8) == 0)
			ctx.today_opt = argv[i] + 8;
		else if (strncmp(argv[i], "--format=", 9) == 0)
			ctx.format_opt = argv[i] + 9;
		else if ((strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--today") == 0 ||
		    strcmp(argv[i], "--format") == 0) && i + 1 >= argc)
			return finish(&ctx, err_usage("%s: missing value",
			    argv[i]));
		else if (strcmp(argv[i], "--db") == 0)
			ctx.db_opt = argv[++i];
		else if (strcmp(argv[i], "--today") == 0)
			ctx.today_opt = argv[++i];
		else if (strcmp(argv[i], "--format") == 0)
			ctx.format_opt = argv[++i];
		else
			return finish(&ctx, err_usage("unknown option '%s' "
			    "(see 'mvb --help')", err_quote(argv[i])));
	}
	if (i >= argc)
		return finish(&ctx, err_usage("no command given (see 'mvb "
		    "--help')"));
	if ((ce = cmd_find(argv[i])) == NULL)
		return finish(&ctx, err_usage("unknown command '%s' (see "
		    "'mvb --help')", err_quote(argv[i])));
	return finish(&ctx, ce->exec(&ctx, argc - i, argv + i));
}
