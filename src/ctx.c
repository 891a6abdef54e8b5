/*
 * What a command's exec uses of the run besides its arguments: the open
 * register, a check that a decision exists, the number a write command
 * answers with, and progress on a terminal.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "db.h"
#include "decision.h"
#include "err.h"

int
ctx_open(struct ctx *ctx, int writing)
{
	ctx->db = db_open(ctx->db_path, writing ? DB_WRITE : DB_READ);
	if (ctx->db == NULL)
		return -1;
	return settings_load(ctx->db, &ctx->settings);
}

int
ctx_need_decision(struct ctx *ctx, int64_t id)
{
	struct decision	d;

	if (decision_load(ctx->db, id, &d) == -1)
		return -1;
	decision_release(&d);
	return 0;
}

int
ctx_print_number(struct ctx *ctx, int64_t n)
{
	ctx->answer = n;
	ctx->has_answer = 1;
	return 0;
}

int
ctx_conflict(struct ctx *ctx)
{
	return ctx->db != NULL && engine_kind(ctx->db) == ENGINE_PG &&
	    engine_error(ctx->db) == ENGINE_RETRY;
}

int
ctx_conflict_fail(const char *why)
{
	char	*msg;

	msg = xstrdup(err_msg() != NULL ? err_msg() : "conflict");
	err_clear();
	err_fail("%s (a conflict with another writer, %s): nothing was "
	    "written; run the command again", msg, why);
	free(msg);
	return -1;
}

/* Runs shorter than this many rows end without a progress line. */
#define PROGRESS_MIN_ROWS 5000

void
ctx_progress(const char *verb, long rows, int done)
{
	static struct timespec	start, last;
	static int		tty = -1, shown;
	struct timespec		now;
	double			secs;

	if (tty == -1)
		tty = isatty(STDERR_FILENO);
	if (!tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (rows == 0 && !done) {
		start = last = now;
		shown = 0;
		return;
	}
	/* At most five updates a second; the last line only when the run
	 * was long enough to be worth reporting. */
	if (!done && (double)(now.tv_sec - last.tv_sec) +
	    (double)(now.tv_nsec - last.tv_nsec) / 1e9 < 0.2)
		return;
	if (done && !shown && rows < PROGRESS_MIN_ROWS)
		return;
	last = now;
	shown = 1;
	secs = (double)(now.tv_sec - start.tv_sec) +
	    (double)(now.tv_nsec - start.tv_nsec) / 1e9;
	/* \033[K clears what a longer line left on the right. */
	fprintf(stderr, "\r%s %ld rows (%.0f rows/s)\033[K%s", verb, rows,
	    secs > 0 ? (double)rows / secs : 0.0, done ? "\n" : "");
}

void
ctx_release(struct ctx *ctx)
{
	db_close(ctx->db);
	ctx->db = NULL;
	free(ctx->db_path);
	ctx->db_path = NULL;
}
