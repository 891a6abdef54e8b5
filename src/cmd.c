/*
 * The table of commands and the one runner: option parsing shared by all of
 * them, the resolution of the global options (mvb(1) GLOBAL OPTIONS),
 * opening the register and the write transaction around a command.
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
#include "dopts.h"
#include "err.h"
#include "util.h"

/* Alphabetical; names match exactly, never by prefix. */
static const struct cmd_entry *const commands[] = {
	&cmd_add_entry,
	&cmd_assume_entry,
	&cmd_backup_entry,
	&cmd_check_entry,
	&cmd_compare_entry,
	&cmd_config_entry,
	&cmd_confirm_entry,
	&cmd_due_entry,
	&cmd_edit_entry,
	&cmd_export_entry,
	&cmd_history_entry,
	&cmd_import_entry,
	&cmd_init_entry,
	&cmd_invalidate_entry,
	&cmd_lint_entry,
	&cmd_list_entry,
	&cmd_measure_entry,
	&cmd_metric_entry,
	&cmd_option_entry,
	&cmd_report_entry,
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
cmd_at(size_t i)
{
	return i < ARRAY_SIZE(commands) ? commands[i] : NULL;
}

const struct cmd_entry *
cmd_find(const char *name)
{
	size_t	i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

/* The headings of 'mvb --help', by enum cmd_group. */
static const char *const group_names[CMD_GROUP_COUNT] = {
	"other commands",
	"record a decision",
	"attach evidence",
	"review",
	"see what needs attention",
	"compare costs",
	"exchange with finance and other tools",
	"look after the register"
};

void
cmd_usage(FILE *fp)
{
	size_t	i;
	int	g, n;

	fputs("usage: mvb [--db PATH] [--today DATE] [--format FMT] "
	    "COMMAND [ARGS]\n"
	    "       mvb --help | --version | --help COMMAND\n\n"
	    "A register of make-vs-buy decisions that says which are due "
	    "for re-evaluation.\n", fp);
	/* By what a person is doing, as mvb(1) COMMANDS groups them. */
	for (g = 1; g <= CMD_GROUP_COUNT; g++) {
		n = 0;
		for (i = 0; i < ARRAY_SIZE(commands); i++) {
			if ((int)commands[i]->group != g % CMD_GROUP_COUNT)
				continue;
			if (n++ == 0)
				fprintf(fp, "\n%s:\n",
				    group_names[g % CMD_GROUP_COUNT]);
			fprintf(fp, "  %-11s %s\n", commands[i]->name,
			    commands[i]->summary);
		}
	}
	fputs("\nglobal options:\n"
	    "  --db PATH      the register: a file, or a postgresql:// URI\n"
	    "                 (else $MVB_DB, else "
	    "$XDG_DATA_HOME/mvb/register.db)\n"
	    "  --today DATE   evaluate as if today were DATE (else "
	    "$MVB_TODAY, else today)\n"
	    "  --format FMT   output format, where the command has several\n"
	    "  -h, --help     this help, or one command's with "
	    "'mvb --help COMMAND'\n"
	    "  --version      print the version\n\n"
	    "An option's value may follow it or be joined with '=' "
	    "(--title=T); after '--'\nevery argument is positional, even "
	    "one that starts with '-'.\n\n"
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
	if (ce->examples != NULL)
		fprintf(fp, "\nexamples:\n%s\n", ce->examples);
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

int
cmd_db_path(struct ctx *ctx)
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
		return dopt_parse_date("--today", ctx->today_opt, &ctx->today);
	if ((env = getenv("MVB_TODAY")) != NULL && *env != '\0')
		return dopt_parse_date("MVB_TODAY", env, &ctx->today);
	ctx->today = date_today();
	return 0;
}

/* The global options given before the command (mvb(1) GLOBAL OPTIONS): -h and
 * --help ("mvb --help add" is "mvb add --help") and --version end the
 * parse. Sets *ip to the command's index. */
static int
parse_leading(struct ctx *ctx, int argc, char **argv,
    const struct cmd_entry **cep, struct args *a, int *ip)
{
	int	i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			while (++i < argc && argv[i][0] == '-')
				;
			if (i < argc)
				*cep = cmd_find(argv[i]);
			a->help = CMD_HELP;
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0) {
			a->help = CMD_VERSION;
			return 0;
		}
		if (strncmp(argv[i], "--db=", 5) == 0)
			ctx->db_opt = argv[i] + 5;
		else if (strncmp(argv[i], "--today=", 8) == 0)
			ctx->today_opt = argv[i] + 8;
		else if (strncmp(argv[i], "--format=", 9) == 0)
			ctx->format_opt = argv[i] + 9;
		else if ((strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--today") == 0 ||
		    strcmp(argv[i], "--format") == 0) && i + 1 >= argc)
			return err_usage("%s: missing value", argv[i]);
		else if (strcmp(argv[i], "--db") == 0)
			ctx->db_opt = argv[++i];
		else if (strcmp(argv[i], "--today") == 0)
			ctx->today_opt = argv[++i];
		else if (strcmp(argv[i], "--format") == 0)
			ctx->format_opt = argv[++i];
		else
			return err_usage("unknown option '%s' (see 'mvb "
			    "--help')", err_quote(argv[i]));
	}
	if (i >= argc)
		return err_usage("no command given (see 'mvb --help')");
	if ((*cep = cmd_find(argv[i])) == NULL)
		return err_usage("unknown command '%s' (see 'mvb --help')",
		    err_quote(argv[i]));
	*ip = i;
	return 0;
}

/* Parse the command's arguments (argv[0] is its name) against its options
 * and the global ones. */
static int
parse_command(struct ctx *ctx, const struct cmd_entry *ce, int argc,
    char **argv, struct args *a)
{
	const struct opt	*o;
	const char		*arg, *name, *eq, *value;
	size_t			 len;
	int			 i, only_pos = 0;

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
			a->help = CMD_HELP;
			continue;
		}
		if (arg[1] != '-' && arg[2] == '\0' &&
		    (o = find_opt(ce->opts, arg + 1, 1)) != NULL) {
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
		    (o = find_opt(ce->opts, name, len)) == NULL)
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
			a->help = CMD_HELP;
			break;
		case GLOBAL_VERSION:
			a->help = CMD_VERSION;
			break;
		default:
			a->opts[a->nopts].id = o->id;
			a->opts[a->nopts].name = o->name;
			a->opts[a->nopts].value = value;
			a->nopts++;
		}
	}
	return 0;
}

int
cmd_parse(struct ctx *ctx, int argc, char **argv,
    const struct cmd_entry **cep, struct args *a)
{
	const struct cmd_entry	*ce;
	int			 i = 0;

	memset(a, 0, sizeof(*a));
	*cep = NULL;
	if (parse_leading(ctx, argc, argv, cep, a, &i) == -1)
		return -1;
	if (a->help != CMD_RUN)
		return 0;
	ce = *cep;
	if (parse_command(ctx, ce, argc - i, argv + i, a) == -1)
		return -1;
	if (a->help != CMD_RUN)
		return 0;
	if (resolve_format(ctx, ce) == -1 || resolve_today(ctx) == -1)
		return -1;
	if (ce->needs != CMD_NO_DB && cmd_db_path(ctx) == -1)
		return -1;
	if (a->npos < ce->args.min)
		return err_usage("%s: missing argument (see 'mvb %s --help')",
		    ce->name, ce->name);
	if (a->npos > ce->args.max)
		return err_usage("%s: unexpected argument '%s' (see 'mvb %s "
		    "--help')", ce->name, err_quote(a->pos[ce->args.max]),
		    ce->name);
	return 0;
}

void
args_release(struct args *a)
{
	free(a->opts);
	free(a->pos);
	free(a->state);
	memset(a, 0, sizeof(*a));
}

/*
 * A register to read, in one read-only transaction from its settings on:
 * every query of the command sees the same register, whatever writers
 * commit meanwhile (mvb(1) SHARED REGISTER).
 */
static int
open_read(struct ctx *ctx, const struct cmd_entry *ce, struct args *a)
{
	if ((ctx->db = db_open(ctx->db_path, DB_READ)) == NULL)
		return -1;
	if (ce->setup != NULL && ce->setup(ctx, a) == -1)
		return -1;
	if (db_begin_read(ctx->db) == -1)
		return -1;
	return settings_load(ctx->db, &ctx->settings);
}

/* Open the register as ce needs; each attempt begins its transaction. */
static int
open_register(struct ctx *ctx, const struct cmd_entry *ce, struct args *a)
{
	switch (ce->needs) {
	case CMD_NO_DB:
	case CMD_OWN_DB:
		return 0;
	case CMD_READ:
		return open_read(ctx, ce, a);
	case CMD_OPEN_WRITE:
	case CMD_WRITE:
		break;
	}
	return ctx_open(ctx, 1);
}

/* Print the number exec held with ctx_print_number(), once; 0 or -1. */
static int
put_answer(struct ctx *ctx)
{
	if (!ctx->has_answer)
		return 0;
	ctx->has_answer = 0;
	if (printf("%lld\n", (long long)ctx->answer) < 0 ||
	    fflush(stdout) == EOF)
		return err_fail("cannot write output: %s", strerror(errno));
	return 0;
}

/*
 * One run of exec; a CMD_WRITE command's in its own transaction, its
 * answer printed just before the commit (*printed set when it was).
 * Returns what exec returned, or -1 with the transaction rolled back.
 */
static int
attempt(struct ctx *ctx, const struct cmd_entry *ce, struct args *a,
    int *printed)
{
	int	rc;

	ctx->has_answer = 0;
	if (ce->needs != CMD_WRITE) {
		rc = ce->exec(ctx, a);
		return rc >= 0 && put_answer(ctx) == -1 ? -1 : rc;
	}
	if (db_begin(ctx->db) == -1)
		return -1;
	if ((rc = ce->exec(ctx, a)) >= 0) {
		*printed = ctx->has_answer;
		if (put_answer(ctx) == 0)
			return db_commit(ctx->db) == 0 ? rc : -1;
	}
	db_rollback(ctx->db);
	return -1;
}

/*
 * Before a command runs again: its state made again from its arguments,
 * as check made it for the first run, so that nothing of the attempt that
 * failed (an id, a default filled in, memory) is carried over.
 */
static int
reset_state(struct ctx *ctx, const struct cmd_entry *ce, struct args *a)
{
	if (ce->release != NULL)
		ce->release(a);
	if (ce->state_size != 0)
		memset(a->state, 0, ce->state_size);
	return ce->check != NULL ? ce->check(ctx, a) : 0;
}

int
cmd_run(struct ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*ce;
	struct args		 a;
	char			 why[48];
	int			 rc = -1, n, printed;

	if (cmd_parse(ctx, argc, argv, &ce, &a) == -1)
		goto out;
	if (a.help == CMD_VERSION) {
		printf("mvb %s\n", MVB_VERSION);
		rc = 0;
		goto out;
	}
	if (a.help == CMD_HELP) {
		if (ce != NULL)
			cmd_help(ce, stdout);
		else
			cmd_usage(stdout);
		rc = 0;
		goto out;
	}
	if (ce->state_size != 0)
		a.state = xcalloc(1, ce->state_size);
	if ((ce->check != NULL && ce->check(ctx, &a) == -1) ||
	    open_register(ctx, ce, &a) == -1)
		goto done;
	/* Whatever failed, nothing of the command is kept; a conflict with
	 * another writer on a server is run again from the start (mvb(1)
	 * SHARED REGISTER), unless its number was printed already. */
	for (n = 1; ; n++) {
		printed = 0;
		rc = attempt(ctx, ce, &a, &printed);
		if (rc >= 0 || ce->needs != CMD_WRITE || !ctx_conflict(ctx))
			break;
		if (printed || n == CTX_RETRIES + 1) {
			if (printed)
				ctx_conflict_fail("after its number was "
				    "printed");
			else {
				snprintf(why, sizeof(why), "still there "
				    "after %d retries", n - 1);
				ctx_conflict_fail(why);
			}
			break;
		}
		err_clear();
		if (reset_state(ctx, ce, &a) == -1)
			break;
	}
done:
	if (ce->needs == CMD_READ && ctx->db != NULL)
		db_rollback(ctx->db);
	if (ce->release != NULL)
		ce->release(&a);
out:
	args_release(&a);
	return rc;
}
