/*
 * mvb: a register of make-vs-buy decisions. main() runs the command line
 * (cmd_run() parses it, finds the command and runs it) and alone turns the
 * outcome into an exit status and the one error line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>


#include "cmd.h"
#include "complete.h"
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
	/* glibc ignores the size asked for without a buffer given. */
	static char	outbuf[1 << 16];
	struct ctx	ctx;

	memset(&ctx, 0, sizeof(ctx));
	/* Output to a file or a pipe goes out in large blocks; a terminal
	 * keeps its line buffering. */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	/* One thread, no allocation statistics: SQLite skips its mutexes. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/* The shells' completion helper (mvb(1) COMPLETION). */
	if (argc > 1 && strcmp(argv[1], "__complete") == 0)
		return finish(&ctx, complete_main(&ctx, argc - 1, argv + 1));
	return finish(&ctx, cmd_run(&ctx, argc, argv));
}
