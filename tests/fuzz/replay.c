/*
 * The stand-in for libFuzzer's main(), for any compiler: runs the target
 * once on each file named, or on each file in each folder named, and says
 * how many it ran. A crash or an abort() fails the run as it would fail
 * libFuzzer.
 *   replay_TARGET FILE|FOLDER...
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "util.h"

static long	ran;

static void
replay_file(const char *path)
{
	FILE		*fp;
	uint8_t		*buf = NULL;
	size_t		 len = 0, n;
	uint8_t		 chunk[65536];

	if ((fp = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		exit(1);
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		buf = xrealloc(buf, len + n);
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	ran++;
}

static void
replay(const char *path)
{
	struct stat	 st;
	struct dirent	*e;
	DIR		*dp;
	char		*sub;

	if (stat(path, &st) == -1)
		return;
	if (!S_ISDIR(st.st_mode)) {
		replay_file(path);
		return;
	}
	if ((dp = opendir(path)) == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		sub = xasprintf("%s/%s", path, e->d_name);
		replay(sub);
		free(sub);
	}
	closedir(dp);
}

int
main(int argc, char **argv)
{
	char	**paths, cwd[4096];
	int	  i;

	/* Absolute paths first: a target may change its folder. */
	paths = xcalloc((size_t)argc, sizeof(*paths));
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return 1;
	for (i = 1; i < argc; i++)
		paths[i] = argv[i][0] == '/' ? xstrdup(argv[i]) :
		    xasprintf("%s/%s", cwd, argv[i]);
	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (paths[i] != NULL)
			replay(paths[i]);
		free(paths[i]);
	}
	free(paths);
	/* (stdout may be the target's: the count goes to stderr.) */
	fprintf(stderr, "replayed %ld inputs\n", ran);
	return 0;
}
