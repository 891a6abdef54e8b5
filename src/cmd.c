/*
 * The table of commands, option parsing shared by all of them, and the
 * resolution of the global options (cli.md §2).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "util.h"

/* Alphabetical; names match exactly, never by prefix. */
static const struct cmd_entry *const commands[] = {
	&cmd_add_entry,
	&cmd_assume_entry,
	&cmd_backup_entry,
	&cmd_check_entry,
	&cmd_config_entry,
	&cmd_confirm_entry,
	&cmd_due_entry,
	&cmd_edit_entry,
	&cmd_export_entry,
	&cmd_history_entry,
	&cmd_import_entry,
	&cmd_init_entry,
	&cmd_invalidate_entry,
	&cmd_list_entry,
	&cmd_measure_entry,
	&cmd_metric_entry,
	&cmd_review_entry,
	&cmd_show_entry,
	&cmd_sunset_entry,
};

enum {
	GLOBAL_DB = -100,
	GLOBAL_TODAY,
	GLOBAL_FORMAT,
	GLOBAL_HELP,
	GLOBAL_VERSION
};

static const struct opt global_opts[] = {
	{ "db", 1, GLOBAL_DB },
	{ "today", 1, GLOBAL_TODAY },
	{ "format", 1, GLOBAL_FORMAT },
	{ "help", 0, GLOBAL_HELP },
	{ "version", 0, GLOBAL_VERSION },
	{ NULL, 0, 0 }
};

const struct cmd_entry *
cmd_find(const char *name)
{
	size_t	i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

void
cmd_usage(FILE *fp)
{
	size_t	i;

	fputs("usage: mvb [--db PATH] [--today DATE] [--format FMT] "
	    "COMMAND [ARGS]\n"
	    "       mvb --help | --version | COMMAND --help\n\n"
	    "A register of make-vs-buy decisions that says which are due "
	    "for re-evaluation.\n\ncommands:\n", fp);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(fp, "  %-11s %s\n", commands[i]->name,
		    commands[i]->summary);
	fputs("\nglobal options:\n"
	    "  --db PATH      the register (else $MVB_DB, else\n"
	    "                 $XDG_DATA_HOME/mvb/register.db)\n"
	    "  --today DATE   evaluate as if today were DATE (else "
	    "$MVB_TODAY, else today)\n"
	    "  --format FMT   output format, where the command has several\n"
	    "  -h, --help     this help, or one command's with "
	    "'mvb COMMAND --help'\n"
	    "  --version      print the version\n\n"
	    "exit status: 0 success, 1 operational failure, 2 usage or "
	    "validation error,\n3 something found with --exit-code.\n", fp);
}

void
cmd_help(const struct cmd_entry *ce, FILE *fp)
{
	unsigned	i;

	fprintf(fp, "usage: %s\n\n%s.\n", ce->usage, ce->summary);
	if (ce->formats != 0) {
		fputs("\nformats (--format): ", fp);
		fputs(fmt_names[ce->default_format], fp);
		fputs(" (default)", fp);
		for (i = 0; i < FMT_COUNT; i++) {
			if (!(ce->formats & FMT_BIT(i)) ||
			    i == ce->default_format)
				continue;
			fprintf(fp, ", %s", fmt_names[i]);
		}
		fputc('\n', fp);
	}
	fprintf(fp, "\nglobal options: --db PATH, --today DATE, %s--help\n",
	    ce->formats != 0 ? "--format FMT, " : "");
}

static const struct opt *
find_opt(const struct opt *opts, const char *name, size_t len)
{
	for (; opts != NULL && opts->name != NULL; opts++)
		if (strlen(opts->name) == len &&
		    strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

/* Resolve --format against what ce allows. */
static int
resolve_format(struct ctx *ctx, const struct cmd_entry *ce)
{
	struct strbuf	allowed;
	unsigned	i;

	ctx->format = ce->formats != 0 ? ce->default_format : FMT_TABLE;
	if (ctx->format_opt == NULL)
		return 0;
	for (i = 0; i < FMT_COUNT; i++) {
		if (strcmp(fmt_names[i], ctx->format_opt) == 0 &&
		    (ce->formats & FMT_BIT(i))) {
			ctx->format = (enum fmt)i;
			return 0;
		}
	}
	sb_init(&allowed);
	for (i = 0; i < FMT_COUNT; i++)
		if (ce->formats & FMT_BIT(i))
			sb_addf(&allowed, "%s%s", allowed.len ? ", " : "",
			    fmt_names[i]);
	if (allowed.len == 0)
		err_usage("--format: '%s' not available: '%s' prints plain "
		    "text only", err_quote(ctx->format_opt), ce->name);
	else
		err_usage("--format: '%s' is not a format of '%s' (use %s)",
		    err_quote(ctx->format_opt), ce->name, allowed.buf);
	sb_release(&allowed);
	return -1;
}

/* dir/rest, without doubling a slash that ends dir ("/" stays "/"). */
static char *
join(const char *dir, const char *rest)
{
	size_t	n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	return xasprintf("%.*s%s%s", (int)n, dir, dir[n - 1] == '/' ? "" :
	    "/", rest);
}

static int
resolve_path(struct ctx *ctx)
{
	const char	*env, *home;

	free(ctx->db_path);
	ctx->db_path = NULL;
	if (ctx->db_opt != NULL) {
		if (*ctx->db_opt == '\0')
			return err_usage("--db: empty path");
		ctx->db_path = xstrdup(ctx->db_opt);
	} else if ((env = getenv("MVB_DB")) != NULL && *env != '\0') {
		ctx->db_path = xstrdup(env);
	} else if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/') {
		ctx->db_path = join(env, "mvb/register.db");
	} else if ((home = getenv("HOME")) != NULL && *home != '\0') {
		ctx->db_path = join(home, ".local/share/mvb/register.db");
	} else {
		return err_usage("no register path: set --db, $MVB_DB or "
		    "$HOME");
	}
	return 0;
}

static int
resolve_today(struct ctx *ctx)
{
	const char	*env;

	if (ctx->today_opt != NULL)
		return parse_date_opt("--today", ctx->today_opt, &ctx->today);
	if ((env = getenv("MVB_TODAY")) != NULL && *env != '\0')
		return parse_date_opt("MVB_TODAY", env, &ctx->today);
	ctx->today = date_today();
	return 0;
}

int
parse_date_opt(const char *option, const char *value, int32_t *out)
{
	if (date_parse(value, out) == 0)
		return 0;
	return err_usage("%s: invalid date '%s' (YYYY-MM-DD, 1900-01-01 to "
	    "9999-12-31)", option, err_quote(value));
}

int
args_parse(struct ctx *ctx, const struct cmd_entry *ce, int argc,
    char **argv, const struct opt *opts, struct args *a)
{
	const struct opt	*o;
	const char		*arg, *name, *eq, *value;
	size_t			 len;
	int			 i, only_pos = 0;

	memset(a, 0, sizeof(*a));
	a->opts = xcalloc((size_t)argc + 1, sizeof(*a->opts));
	a->pos = xcalloc((size_t)argc + 1, sizeof(*a->pos));
	for (i = 1; i < argc; i++) {
		arg = argv[i];
		if (only_pos || arg[0] != '-' || arg[1] == '\0' ||
		    (arg[1] >= '0' && arg[1] <= '9') || arg[1] == '.') {
			a->pos[a->npos++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (strcmp(arg, "-h") == 0) {
			a->help = 1;
			continue;
		}
		if (arg[1] != '-' && arg[2] == '\0' &&
		    (o = find_opt(opts, arg + 1, 1)) != NULL) {
			/* A one-letter option such as -o FILE. */
			if (i + 1 >= argc)
				return err_usage("%s: missing value", arg);
			a->opts[a->nopts].id = o->id;
			a->opts[a->nopts].name = o->name;
			a->opts[a->nopts].value = argv[++i];
			a->nopts++;
			continue;
		}
		if (arg[1] != '-')
			return err_usage("%s: unknown option '%s' (see 'mvb "
			    "%s --help')", ce->name, err_quote(arg), ce->name);
		name = arg + 2;
		eq = strchr(name, '=');
		len = eq != NULL ? (size_t)(eq - name) : strlen(name);
		if ((o = find_opt(global_opts, name, len)) == NULL &&
		    (o = find_opt(opts, name, len)) == NULL)
			return err_usage("%s: unknown option '%s' (see 'mvb "
			    "%s --help')", ce->name, err_quote_n(arg, len + 2),
			    ce->name);
		value = NULL;
		if (o->has_arg && eq != NULL)
			value = eq + 1;
		else if (o->has_arg && i + 1 < argc)
			value = argv[++i];
		else if (o->has_arg)
			return err_usage("--%s: missing value", o->name);
		else if (eq != NULL)
			return err_usage("--%s: takes no value", o->name);
		switch (o->id) {
		case GLOBAL_DB:
			ctx->db_opt = value;
			break;
		case GLOBAL_TODAY:
			ctx->today_opt = value;
			break;
		case GLOBAL_FORMAT:
			ctx->format_opt = value;
			break;
		case GLOBAL_HELP:
			a->help = 1;
			break;
		case GLOBAL_VERSION:
			a->help = 2;
			break;
		default:
			a->opts[a->nopts].id = o->id;
			a->opts[a->nopts].name = o->name;
			a->opts[a->nopts].value = value;
			a->nopts++;
		}
	}
	if (a->help == 1) {
		cmd_help(ce, stdout);
		return 0;
	}
	if (a->help == 2) {
		printf("mvb %s\n", MVB_VERSION);
		return 0;
	}
	if (resolve_format(ctx, ce) == -1 || resolve_today(ctx) == -1)
		return -1;
	if (ce->needs != CMD_NO_DB && resolve_path(ctx) == -1)
		return -1;
	return 0;
}

void
args_release(struct args *a)
{
	free(a->opts);
	free(a->pos);
	memset(a, 0, sizeof(*a));
}

int
args_need(const struct cmd_entry *ce, const struct args *a, int min, int max)
{
	if (a->npos < min)
		return err_usage("%s: missing argument (see 'mvb %s --help')",
		    ce->name, ce->name);
	if (a->npos > max)
		return err_usage("%s: unexpected argument '%s' (see 'mvb %s "
		    "--help')", ce->name, err_quote(a->pos[max]), ce->name);
	return 0;
}

int
ctx_open(struct ctx *ctx, const struct cmd_entry *ce)
{
	ctx->db = db_open(ctx->db_path,
	    ce->needs == CMD_WRITE ? DB_WRITE : DB_READ);
	if (ctx->db == NULL)
		return -1;
	return settings_load(ctx->db, &ctx->settings);
}

/* Runs shorter than this many rows end without a progress line. */
#define PROGRESS_MIN_ROWS 5000

void
cmd_progress(const char *verb, long rows, int done)
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

int
cmd_print_number(int64_t n)
{
	if (printf("%lld\n", (long long)n) < 0 || fflush(stdout) == EOF)
		return err_fail("cannot write output: %s", strerror(errno));
	return 0;
}

int
ctx_begin_on(struct ctx *ctx, const struct cmd_entry *ce, int64_t id)
{
	struct decision	d;

	if (ctx_open(ctx, ce) == -1 || db_begin(ctx->db) == -1)
		return -1;
	if (decision_load(ctx->db, id, &d) == -1) {
		db_rollback(ctx->db);
		return -1;
	}
	decision_release(&d);
	return 0;
}

int
ctx_end(struct ctx *ctx, int rc)
{
	if (rc == 0 && db_commit(ctx->db) == 0)
		return 0;
	db_rollback(ctx->db);
	return -1;
}

void
ctx_release(struct ctx *ctx)
{
	db_close(ctx->db);
	ctx->db = NULL;
	free(ctx->db_path);
	ctx->db_path = NULL;
}
