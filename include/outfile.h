/*
 * A file the user names for output (export -o, backup). A regular file, or
 * a missing one, is written as a temporary file beside it and renamed over
 * it on success, so that it appears whole or not at all and keeps its
 * mode; a symbolic link is followed and its target replaced (or created,
 * for a dangling link); a file this user may not write is refused, as the
 * shell's '>' would; anything else
 * (a terminal, a device, a FIFO) is written in place, as the shell's '>'
 * would. The register itself and its -wal, -shm and -journal files are
 * refused.
 */
#ifndef MVB_OUTFILE_H
#define MVB_OUTFILE_H

struct outfile {
	char	*path;		/* the file as named */
	char	*tmp;		/* the temporary file, or NULL when in place */
	char	*target;	/* what tmp replaces: path or a link's target */
	int	 fd;		/* open for writing, or -1 once handed over */
	int	 mode;		/* the replaced file's mode, or -1 */
};

/*
 * Open path for writing on behalf of command cmd (for messages), refusing
 * the register at db_path and its companion files (exit 2) and a folder
 * (exit 1). With regular_only, anything but a regular or missing file is
 * refused too (exit 1). Returns 0 with of->fd open, or -1 with the error
 * recorded.
 */
int outfile_open(struct outfile *of, const char *cmd, const char *path,
    const char *db_path, int regular_only);
/*
 * Put the written file in place: rename the temporary file over the target
 * (nothing to do in place). The caller has closed of->fd. Returns 0, or -1
 * with the error recorded and the temporary file removed.
 */
int outfile_commit(struct outfile *of, const char *cmd);
/* Remove the temporary file, if any, and free of's strings. Call it after
 * outfile_commit() too; it closes of->fd if still open. */
void outfile_release(struct outfile *of);

#endif
