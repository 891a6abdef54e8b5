/*
 * Output files named by the user: atomic replacement of regular files,
 * writing in place to devices and FIFOs, and a guard that no output ever
 * lands on the register it was read from.
 */
/* realpath() is an X/Open function. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "outfile.h"
#include "util.h"

/* Whether st is the file at path (same device and inode). */
static int
same_file(const struct stat *st, const char *path)
{
	struct stat	other;

	return stat(path, &other) == 0 && other.st_dev == st->st_dev &&
	    other.st_ino == st->st_ino;
}

/* Whether st is the register at db_path or one of its companion files. */
static int
is_register(const struct stat *st, const char *db_path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char	*p;
	size_t	 i;
	int	 hit = 0;

	for (i = 0; i < ARRAY_SIZE(suffix) && !hit; i++) {
		p = xasprintf("%s%s", db_path, suffix[i]);
		hit = same_file(st, p);
		free(p);
	}
	return hit;
}

int
outfile_open(struct outfile *of, const char *cmd, const char *path,
    const char *db_path, int regular_only)
{
	struct stat	 st;
	int		 exists;
	char		*real;

	memset(of, 0, sizeof(*of));
	of->fd = -1;
	of->path = xstrdup(path);
	exists = stat(path, &st) == 0;
	if (exists && is_register(&st, db_path))
		return err_usage("%s: '%s' is the register itself (or one of "
		    "its files); name another file", cmd, path);
	if (exists && S_ISDIR(st.st_mode))
		return err_fail("%s: cannot write '%s': it is a folder", cmd,
		    path);
	if (exists && !S_ISREG(st.st_mode)) {
		if (regular_only)
			return err_fail("%s: cannot write '%s': not a regular "
			    "file", cmd, path);
		/* A terminal, a device or a FIFO: write to it as it is. */
		if ((of->fd = open(path, O_WRONLY)) == -1)
			return err_fail("%s: cannot write '%s': %s", cmd, path,
			    strerror(errno));
		return 0;
	}
	/* Follow a link so that its target, not the link, is replaced. */
	if (exists && (real = realpath(path, NULL)) != NULL)
		of->target = real;
	else
		of->target = xstrdup(path);
	if ((of->fd = temp_beside(of->target, &of->tmp)) == -1)
		return err_fail("%s: cannot write '%s': cannot create a file "
		    "beside it: %s", cmd, path, strerror(errno));
	if (exists)	/* the replacement keeps the file's mode */
		fchmod(of->fd, st.st_mode & 07777);
	return 0;
}

int
outfile_commit(struct outfile *of, const char *cmd)
{
	if (of->tmp == NULL)
		return 0;
	if (rename(of->tmp, of->target) == -1)
		return err_fail("%s: cannot replace '%s': %s", cmd, of->path,
		    strerror(errno));
	free(of->tmp);
	of->tmp = NULL;
	return 0;
}

void
outfile_release(struct outfile *of)
{
	if (of->fd != -1)
		close(of->fd);
	if (of->tmp != NULL)
		unlink(of->tmp);
	free(of->tmp);
	free(of->target);
	free(of->path);
	memset(of, 0, sizeof(*of));
	of->fd = -1;
}
