/*
 * The command table and what every command shares: the run's context (the
 * global options of mvb(1) GLOBAL OPTIONS, resolved), option parsing that
 * accepts the global options anywhere among a command's arguments, opening the
 * register and the write transaction around a command.
 */
#ifndef MVB_CMD_H
#define MVB_CMD_H

#include "engine.h"
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
	struct db		*db;		/* open register, or NULL */
	struct settings	 settings;	/* loaded with the register */
	int64_t		 answer;	/* ctx_print_number()'s, held */
	int		 has_answer;
};

/*
 * What a command needs of the register; cmd_run() provides it before exec
 * and ends it after.
 */
enum cmd_needs {
	CMD_NO_DB,	/* never opens the register */
	CMD_OWN_DB,	/* resolves its path; exec opens it as it needs */
	CMD_READ,	/* reads an existing register (settings loaded),
			 * exec in one read-only transaction */
	CMD_OPEN_WRITE,	/* writes; creates a missing register; no transaction */
	CMD_WRITE	/* as CMD_OPEN_WRITE, exec in one write transaction */
};

/*
 * What a person is doing with a command: 'mvb --help' lists the commands
 * under these headings, in this order (mvb(1) COMMANDS).
 */
enum cmd_group {
	CMD_GROUP_NONE,		/* "other commands", last */
	CMD_GROUP_RECORD,
	CMD_GROUP_EVIDENCE,
	CMD_GROUP_REVIEW,
	CMD_GROUP_ATTENTION,
	CMD_GROUP_COSTS,
	CMD_GROUP_EXCHANGE,
	CMD_GROUP_CARE,
	CMD_GROUP_COUNT
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

enum cmd_help {
	CMD_RUN,	/* neither: run the command */
	CMD_HELP,	/* -h or --help */
	CMD_VERSION	/* --version */
};

/* The parsed arguments of a command, in the order given. */
struct args {
	struct optval	*opts;
	int		 nopts;
	char		**pos;		/* positional arguments */
	int		 npos;
	enum cmd_help	 help;		/* what to print instead of running */
	void		*state;		/* the command's own (state_size) */
};

/*
 * A command declares itself: cmd_run() parses its options and the global
 * ones, checks the number of positional arguments, calls check (arguments
 * whose form is wrong fail before the register is touched), opens the
 * register for needs, calls exec and, for CMD_WRITE, commits when exec
 * returns 0 or more and rolls back otherwise (CMD_READ: ends its read
 * transaction); release frees state. A CMD_WRITE command that a server
 * aborts for a conflict runs again: release, state zeroed, check and
 * exec once more, so check must make state from the arguments alone, and
 * exec change nothing but the register and state (its number goes
 * through ctx_print_number()).
 */
struct cmd_entry {
	const char		*name;
	const char		*summary;	/* one line for 'mvb --help' */
	const char		*usage;		/* synopsis and options */
	enum cmd_group		 group;		/* its heading in 'mvb --help' */
	const char		*examples;	/* lines ending 'mvb CMD --help' */
	const struct opt	*opts;		/* NULL-terminated, or NULL */
	struct {
		int		 min;		/* positional arguments */
		int		 max;
	} args;
	unsigned		 formats;	/* FMT_BIT()s; 0: plain text */
	enum fmt		 default_format;
	enum cmd_needs		 needs;
	size_t			 state_size;	/* zeroed for check and exec */
	int			 (*check)(struct ctx *, struct args *);
	/* CMD_READ: on the open register before its read transaction,
	 * which on a server may create no table, not even a temporary one */
	int			 (*setup)(struct ctx *, struct args *);
	int			 (*exec)(struct ctx *, struct args *);
	void			 (*release)(struct args *);
};

/*
 * Parse a whole command line (argv[0] is the program): the global options
 * before the command, the command, then its own options and the global
 * ones anywhere among its arguments; resolve the context (format, today,
 * path) and check the number of positional arguments. For -h, --help or
 * --version sets a->help and stops (*cep may then be NULL: the overall
 * usage). Returns 0 or -1 with a usage error; release a with
 * args_release() either way.
 */
int cmd_parse(struct ctx *ctx, int argc, char **argv,
    const struct cmd_entry **cep, struct args *a);
void args_release(struct args *a);
/*
 * Parse the command line and run the command (above). Returns what exec
 * returned (0, or a positive exit status), or -1 with the error recorded.
 */
int cmd_run(struct ctx *ctx, int argc, char **argv);

/* What exec uses of the run (ctx.c). */

/* Open the register, for writing when writing is not 0 (a missing one is
 * then created), and load its settings; 0 or -1. For CMD_OWN_DB. */
int ctx_open(struct ctx *ctx, int writing);
/* That decision id exists; 0, or -1 with the error recorded. */
int ctx_need_decision(struct ctx *ctx, int64_t id);
/*
 * The number a write command answers with (a new id, an assumption's
 * number): held until exec has returned, then printed and flushed by
 * cmd_run() just before the commit, so that when it cannot be written the
 * command fails and the register is left as it was, and so that a run
 * again after a conflict prints it once (mvb(1) SHARED REGISTER). Returns
 * 0.
 */
int ctx_print_number(struct ctx *ctx, int64_t n);
/*
 * How many times a write transaction that a server aborts for a conflict
 * with another writer is run again, after its first run (mvb(1) SHARED
 * REGISTER): CTX_RETRIES + 1 runs in all.
 */
#define CTX_RETRIES	5
/*
 * Whether the failure of the write transaction on ctx->db was a conflict
 * with another writer on a server (serialization failure, deadlock), which
 * is run again from the start.
 */
int ctx_conflict(struct ctx *ctx);
/*
 * A conflict that is not run again, the recorded error's message kept
 * and why added (e.g. "still there after 5 retries"): one message that
 * names the conflict, says that nothing was written and to run the command
 * again. Returns -1.
 */
int ctx_conflict_fail(const char *why);
void ctx_release(struct ctx *ctx);
/*
 * Show "VERB N rows (R rows/s)" on stderr, in place, when it is a terminal
 * (mvb(1) OUTPUT): rows 0 starts the clock; later calls redraw at most five
 * times a second; done ends the line (when anything was shown, or the run had
 * at least a few thousand rows). Import and export pass it their counts.
 */
void ctx_progress(const char *verb, long rows, int done);

/* The i-th command of the table, or NULL past its end. */
const struct cmd_entry *cmd_at(size_t i);
/* Resolve ctx->db_path from --db, $MVB_DB or the default (mvb(1)
 * GLOBAL OPTIONS); 0, or -1 with the error recorded. */
int cmd_db_path(struct ctx *ctx);
/* The command named name (exact match), or NULL. */
const struct cmd_entry *cmd_find(const char *name);
/* Print the overall usage (every command's summary) to fp. */
void cmd_usage(FILE *fp);
/* Print one command's usage to fp. */
void cmd_help(const struct cmd_entry *ce, FILE *fp);


extern const struct cmd_entry cmd_add_entry;
extern const struct cmd_entry cmd_assume_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_compare_entry;
extern const struct cmd_entry cmd_config_entry;
extern const struct cmd_entry cmd_confirm_entry;
extern const struct cmd_entry cmd_due_entry;
extern const struct cmd_entry cmd_edit_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_invalidate_entry;
extern const struct cmd_entry cmd_lint_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_measure_entry;
extern const struct cmd_entry cmd_metric_entry;
extern const struct cmd_entry cmd_option_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_sunset_entry;

#endif
