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

/*
 * The absolute name, free of links, that path stands for, whether or not
 * the file exists: a dangling link is followed to the file it would
 * create. NULL when its folder cannot be resolved. The caller frees it.
 */
static char *
resolve(const char *path)
{
	char	*cur = xstrdup(path), *real = NULL, *slash, *next, *dir;
	char	 link[4096];
	ssize_t	 n;
	int	 hops;

	for (hops = 0; hops < 40; hops++) {
		if ((real = realpath(cur, NULL)) != NULL)
			break;
		if ((n = readlink(cur, link, sizeof(link) - 1)) >= 0) {
			link[n] = '\0';
			slash = strrchr(cur, '/');
			next = link[0] == '/' || slash == NULL ? xstrdup(link) :
			    xasprintf("%.*s/%s", (int)(slash - cur), cur, link);
			free(cur);
			cur = next;
			continue;
		}
		/* Missing: resolve its folder, keep its name. */
		slash = strrchr(cur, '/');
		dir = slash == NULL ? xstrdup(".") : slash == cur ?
		    xstrdup("/") : xasprintf("%.*s", (int)(slash - cur), cur);
		if ((next = realpath(dir, NULL)) != NULL) {
			real = xasprintf("%s/%s", strcmp(next, "/") == 0 ? "" :
			    next, slash == NULL ? cur : slash + 1);
			free(next);
		}
		free(dir);
		break;
	}
	free(cur);
	return real;
}

/*
 * Whether path (resolved to name, which may be NULL) is the register at
 * db_path or one of its companion files, existing or to be: by name, and
 * by inode for another link to the same file.
 */
static int
is_register(const char *path, const char *name, const char *db_path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	struct stat	 st;
	char		*db, *p;
	size_t		 i;
	int		 hit = 0, exists = stat(path, &st) == 0;

	if ((db = resolve(db_path)) == NULL)
		db = xstrdup(db_path);
	for (i = 0; i < ARRAY_SIZE(suffix) && !hit; i++) {
		p = xasprintf("%s%s", db, suffix[i]);
		hit = (name != NULL && strcmp(name, p) == 0) ||
		    (exists && same_file(&st, p));
		free(p);
	}
	free(db);
	return hit;
}

int
outfile_open(struct outfile *of, const char *cmd, const char *path,
    const char *db_path, int regular_only)
{
	struct stat	 st;
	int		 exists;

	memset(of, 0, sizeof(*of));
	of->fd = -1;
	of->path = xstrdup(path);
	of->target = resolve(path);
	if (is_register(path, of->target, db_path))
		return err_usage("%s: '%s' is the register itself (or one of "
		    "its files); name another file", cmd, err_quote(path));
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		return err_fail("%s: cannot write '%s': it is a folder", cmd,
		    err_quote(path));
	if (exists && !S_ISREG(st.st_mode)) {
		if (regular_only)
			return err_fail("%s: cannot write '%s': not a regular "
			    "file", cmd, err_quote(path));
		/* A terminal, a device or a FIFO: write to it as it is. */
		if ((of->fd = open(path, O_WRONLY)) == -1)
			return err_fail("%s: cannot write '%s': %s", cmd,
			    err_quote(path), strerror(errno));
		return 0;
	}
	/* As the shell's '>' would, refuse a file this user may not write. */
	if (exists && access(path, W_OK) == -1)
		return err_fail("%s: cannot write '%s': %s", cmd,
		    err_quote(path), strerror(errno));
	if (of->target == NULL)
		of->target = xstrdup(path);
	if ((of->fd = temp_beside(of->target, &of->tmp)) == -1)
		return err_fail("%s: cannot write '%s': cannot create a file "
		    "beside it: %s", cmd, err_quote(path), strerror(errno));
	/* The replacement keeps the file's mode, given it once written. */
	of->mode = exists ? (int)(st.st_mode & 07777) : -1;
	return 0;
}

int
outfile_commit(struct outfile *of, const char *cmd)
{
	if (of->tmp == NULL)
		return 0;
	if (of->mode != -1 && chmod(of->tmp, (mode_t)of->mode) == -1)
		return err_fail("%s: cannot write '%s': %s", cmd,
		    err_quote(of->path), strerror(errno));
	if (rename(of->tmp, of->target) == -1)
		return err_fail("%s: cannot replace '%s': %s", cmd,
		    err_quote(of->path), strerror(errno));
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
