/*
 * The command table and what every command shares: the run's context (the
 * global options of cli.md §2, resolved), option parsing that accepts the
 * global options anywhere among a command's arguments, and opening the
 * register.
 */
#ifndef MVB_CMD_H
#define MVB_CMD_H

#include <sqlite3.h>
#include <stdint.h>

#include "out.h"
#include "settings.h"

/* What a run knows besides the command's own arguments. */
struct ctx {
	const char	*db_opt;	/* --db, or NULL */
	const char	*today_opt;	/* --today, or NULL */
	const char	*format_opt;	/* --format, or NULL */
	char		*db_path;	/* resolved register path */
	int32_t		 today;		/* resolved evaluation date */
	enum fmt	 format;	/* resolved output format */
	sqlite3		*db;		/* open register, or NULL */
	struct settings	 settings;	/* loaded with the register */
};

enum cmd_needs {
	CMD_NO_DB,	/* never opens the register */
	CMD_READ,	/* reads an existing register */
	CMD_WRITE	/* writes; creates a missing register */
};

struct cmd_entry {
	const char	*name;
	const char	*summary;	/* one line for 'mvb --help' */
	const char	*usage;		/* synopsis and options */
	enum cmd_needs	 needs;
	unsigned	 formats;	/* FMT_BIT()s; 0: plain text only */
	enum fmt	 default_format;
	int		 (*exec)(struct ctx *ctx, int argc, char **argv);
};

/* A command's option: name without dashes, whether it takes a value. */
struct opt {
	const char	*name;
	int		 has_arg;
	int		 id;		/* returned in struct optval */
};

struct optval {
	int		 id;
	const char	*name;		/* as written, for messages */
	const char	*value;		/* NULL for a flag */
};

/* The parsed arguments of a command, in the order given. */
struct args {
	struct optval	*opts;
	int		 nopts;
	char		**pos;		/* positional arguments */
	int		 npos;
	int		 help;		/* --help was given */
};

/*
 * Parse argv (argv[0] is the command name) against opts and the global
 * options, then resolve the context (path, today, format). Prints the
 * command's help and sets a->help for -h/--help. Returns 0 or -1 (usage
 * error). Release a with args_release().
 */
int args_parse(struct ctx *ctx, const struct cmd_entry *ce, int argc,
    char **argv, const struct opt *opts, struct args *a);
void args_release(struct args *a);
/* Check the number of positional arguments; -1 with a usage error. */
int args_need(const struct cmd_entry *ce, const struct args *a, int min,
    int max);

/* Open the register for ce's needs and load its settings; 0 or -1. */
int ctx_open(struct ctx *ctx, const struct cmd_entry *ce);
/*
 * For a command that writes to decision id: open the register, begin the
 * write transaction and check that the decision exists. Returns 0, or -1
 * with nothing begun.
 */
int ctx_begin_on(struct ctx *ctx, const struct cmd_entry *ce, int64_t id);
/* End what ctx_begin_on() began: commit when rc is 0, else roll back.
 * Returns 0 or -1. */
int ctx_end(struct ctx *ctx, int rc);
/*
 * Print the number a write command answers with (a new id, an assumption's
 * number) and flush it, before the command commits: when it cannot be
 * written the command fails and the register is left as it was. Returns 0,
 * or -1 with the error recorded.
 */
int cmd_print_number(int64_t n);
void ctx_release(struct ctx *ctx);

/* The command named name (exact match), or NULL. */
const struct cmd_entry *cmd_find(const char *name);
/* Print the overall usage (every command's summary) to fp. */
void cmd_usage(FILE *fp);
/* Print one command's usage to fp. */
void cmd_help(const struct cmd_entry *ce, FILE *fp);

/*
 * Show "VERB N rows (R rows/s)" on stderr, in place, when it is a terminal
 * (§13): rows 0 starts the clock; later calls redraw at most five times a
 * second; done ends the line (when anything was shown, or the run had at
 * least a few thousand rows). Import and export pass it their counts.
 */
void cmd_progress(const char *verb, long rows, int done);

/* Parse a date option's value; -1 with a usage error naming option. */
int parse_date_opt(const char *option, const char *value, int32_t *out);

extern const struct cmd_entry cmd_add_entry;
extern const struct cmd_entry cmd_assume_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_config_entry;
extern const struct cmd_entry cmd_confirm_entry;
extern const struct cmd_entry cmd_due_entry;
extern const struct cmd_entry cmd_edit_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_invalidate_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_measure_entry;
extern const struct cmd_entry cmd_metric_entry;
extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_sunset_entry;

#endif
