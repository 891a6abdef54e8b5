/*
 * The command line: the input split on NUL or newline is argv after
 * "mvb", run through cmd_run() as main() runs it, on a small register in a
 * temporary folder that is put back before each input. The run works in
 * that folder and an argument with a '/' skips the input, so no file
 * outside it is read or written (--db, -o and backup FILE name files in
 * it); stdin and stdout are /dev/null. Every failure must record a message
 * and a status; stderr gets the one line main() would print.
 */
#include <dirent.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "err.h"
#include "fuzz.h"
#include "util.h"

#define MAX_ARGS 32

static char	*dir;
static char	*tpl;		/* the register's bytes */
static size_t	 tpl_len;

/* Run "mvb" and args (NULL-terminated) as main() does; its result. */
static int
run(char **args, int n)
{
	char		*argv[MAX_ARGS + 2];
	struct ctx	 ctx;
	int		 i, rc;

	argv[0] = "mvb";
	for (i = 0; i < n; i++)
		argv[i + 1] = args[i];
	argv[n + 1] = NULL;
	memset(&ctx, 0, sizeof(ctx));
	err_clear();
	rc = cmd_run(&ctx, n + 1, argv);
	ctx_release(&ctx);
	fflush(stdout);
	clearerr(stdout);
	if (rc < 0 && (err_msg() == NULL || err_code() == EXIT_OK))
		fuzz_fail("failed without an error", n > 0 ? args[0] : "");
	return rc;
}

/* A set-up step: "mvb" and the NULL-terminated arguments must succeed. */
static void
setup_run(const char *first, ...)
{
	char		*args[MAX_ARGS];
	const char	*s;
	va_list		 ap;
	int		 n = 0;

	va_start(ap, first);
	for (s = first; s != NULL && n < MAX_ARGS; s = va_arg(ap, const char *))
		args[n++] = (char *)s;
	va_end(ap);
	if (run(args, n) < 0)
		fuzz_fail("set-up", err_msg());
}

/* Remove the folder at exit. */
static void
cleanup(void)
{
	struct dirent	*e;
	DIR		*dp;

	if (dir == NULL || (dp = opendir(dir)) == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		char	*path = xasprintf("%s/%s", dir, e->d_name);

		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlink(path);
		free(path);
	}
	closedir(dp);
	rmdir(dir);
}

/* Empty the folder, then put the register back. */
static void
reset(void)
{
	struct dirent	*e;
	DIR		*dp;
	FILE		*fp;

	if ((dp = opendir(".")) == NULL)
		fuzz_fail("opendir", dir);
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlink(e->d_name);
	closedir(dp);
	if ((fp = fopen("register.db", "wb")) == NULL ||
	    fwrite(tpl, 1, tpl_len, fp) != tpl_len || fclose(fp) != 0)
		fuzz_fail("cannot restore the register", dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE	*fp;
	char	 buf[65536];
	size_t	 n;
	int	 fd;

	(void)argc;
	(void)argv;
	dir = xstrdup("/tmp/mvb-fuzz-cmdline.XXXXXX");
	if (mkdtemp(dir) == NULL || chdir(dir) == -1)
		fuzz_fail("cannot make a temporary folder", dir);
	if ((fd = open("/dev/null", O_RDWR)) == -1 || dup2(fd, 0) == -1 ||
	    dup2(fd, 1) == -1)
		fuzz_fail("cannot open /dev/null", "");
	close(fd);
	setenv("MVB_DB", "register.db", 1);
	setenv("MVB_TODAY", "2026-11-22", 1);
	setenv("USER", "fuzz", 1);
	unsetenv("XDG_DATA_HOME");
	setup_run("add", "--title", "Queue", "--capability", "messaging",
	    "--choice", "buy", "--vendor", "Acme", "--monthly", "100", NULL);
	setup_run("add", "--title", "Search", "--capability", "search",
	    "--choice", "build", "--decided", "2025-01-05", NULL);
	setup_run("assume", "1", "Traffic stays low", NULL);
	setup_run("metric", "1", "latency_ms", "<=", "10", NULL);
	setup_run("measure", "1", "latency_ms", "12", NULL);
	setup_run("sunset", "1", "latency_ms > 50", NULL);
	if ((fp = fopen("register.db", "rb")) == NULL)
		fuzz_fail("cannot read the register", dir);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		tpl = xrealloc(tpl, tpl_len + n);
		memcpy(tpl + tpl_len, buf, n);
		tpl_len += n;
	}
	fclose(fp);
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*copy = fuzz_string(data, size);
	char	*args[MAX_ARGS];
	char	*p, *start;
	int	 n = 0;

	/* Split on NUL and newline; a trailing separator ends the last. */
	start = copy;
	for (p = copy; p <= copy + size && n < MAX_ARGS; p++) {
		if (p < copy + size && *p != '\n' && *p != '\0')
			continue;
		if (p == copy + size && start == p)
			break;
		*p = '\0';
		args[n++] = start;
		start = p + 1;
	}
	for (int i = 0; i < n; i++)
		if (strchr(args[i], '/') != NULL) {
			free(copy);
			return 0;
		}
	reset();
	run(args, n);
	free(copy);
	return 0;
}
