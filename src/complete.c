/*
 * Shell completion (mvb(1) COMPLETION). The bash and zsh scripts are written
 * by the binary from its command table, so that every command, option and
 * format it has is completed; the ids of the register and the quarters are
 * asked of it at the moment of completing ('mvb __complete ids', with one
 * quick query through the engine boundary, on a file or a server, that never
 * creates or changes a register).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "complete.h"
#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "settings.h"
#include "text.h"
#include "util.h"

/* At most this many ids are offered. */
#define IDS_LIMIT	"200"

static const char *const export_what[] = {
	"decisions", "assumptions", "metrics", "measurements", "sunset",
	"reviews", "options", "calendar", NULL
};
static const char *const table_what[] = {
	"decisions", "assumptions", "metrics", "measurements", "sunset",
	"reviews", "options", NULL
};

/* What an option's value (or, opt "", a command's first argument) is, when
 * its usage line does not say: values, or a kind ("@ids", "@files",
 * "@quarters", "@gate"). cmd NULL: any command. */
static const struct hint {
	const char		*cmd;
	const char		*opt;
	const char *const	*values;
	const char		*kind;
} hints[] = {
	{ NULL, "choice", choice_values, NULL },
	{ NULL, "status", status_values, NULL },
	{ NULL, "outcome", outcome_values, NULL },
	{ "export", "what", export_what, NULL },
	{ NULL, "what", table_what, NULL },
	{ NULL, "gate", NULL, "@gate" },
	{ NULL, "quarter", NULL, "@quarters" },
	{ "config", "", settings_keys, NULL },
	{ NULL, "db", NULL, "@files" },
	{ NULL, "output", NULL, "@files" },
	{ NULL, "today", NULL, "" },
};

/* Global options every command takes (mvb(1) GLOBAL OPTIONS). */
static const char *const global_with_value[] = { "db", "today", NULL };

static void
add_words(struct strbuf *sb, const char *const *v)
{
	for (; *v != NULL; v++)
		sb_addf(sb, "%s%s", sb->len ? " " : "", *v);
}

/* The metavariable that follows word in ce's usage ("--within" gives
 * "DURATION", "-o" "FILE"), without brackets; "" when none. */
static void
usage_word(const char *usage, const char *word, struct strbuf *out)
{
	const char	*p = usage;
	size_t		 n = strlen(word), k;

	sb_reset(out);
	while ((p = strstr(p, word)) != NULL) {
		if ((p == usage || strchr(" [|", p[-1]) != NULL) &&
		    (p[n] == ' ' || p[n] == '=')) {
			p += n + 1;
			while (*p == '[')
				p++;
			k = strcspn(p, " ]\n");
			sb_add(out, p, k);
			return;
		}
		p += n;
	}
}

/* The first argument in a synopsis "mvb NAME [--opt V] ARG ...", past
 * the options and anything in brackets. */
static void
usage_arg(const char *usage, struct strbuf *out)
{
	const char	*p = usage;
	int		 depth = 0, skip = 0, n = 0;
	size_t		 j, k;

	sb_reset(out);
	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0' || *p == '\n')
			return;
		k = strcspn(p, " \n");
		if (n++ < 2 || depth > 0 || *p == '[' || *p == '-' || skip) {
			skip = *p == '-' && p[k - 1] != ']' && depth == 0;
			for (j = 0; j < k; j++)
				depth += p[j] == '[' ? 1 : p[j] == ']' ? -1 : 0;
		} else {
			sb_add(out, p, strcspn(p, " ]\n"));
			return;
		}
		p += k;
	}
}

/* The completion of option opt of ce (NULL: of the first argument) onto
 * sb: words or a kind; sb stays empty when there is nothing to offer. */
static void
values_of(const struct cmd_entry *ce, const char *opt, struct strbuf *sb)
{
	struct strbuf	 word;
	const char	*name = opt != NULL ? opt : "";
	char		*copy, *tok, *save = NULL;
	size_t		 i;
	unsigned	 f;

	sb_reset(sb);
	for (i = 0; i < ARRAY_SIZE(hints); i++) {
		if (strcmp(hints[i].opt, name) != 0 || (hints[i].cmd != NULL &&
		    (ce == NULL || strcmp(hints[i].cmd, ce->name) != 0)))
			continue;
		if (hints[i].values != NULL)
			add_words(sb, hints[i].values);
		else
			sb_adds(sb, hints[i].kind);
		return;
	}
	if (opt != NULL && strcmp(opt, "format") == 0) {
		for (f = 0; f < FMT_COUNT; f++)
			if (ce == NULL || (ce->formats & FMT_BIT(f)))
				sb_addf(sb, "%s%s", sb->len ? " " : "",
				    fmt_names[f]);
		return;
	}
	if (ce == NULL)
		return;
	sb_init(&word);
	if (opt == NULL) {
		usage_arg(ce->usage, &word);
	} else {
		copy = xasprintf(strlen(opt) == 1 ? "-%s" : "--%s", opt);
		usage_word(ce->usage, copy, &word);
		free(copy);
	}
	if (strchr(word.buf, '|') != NULL && strncmp(word.buf, "FILE", 4)) {
		copy = xstrdup(word.buf);
		for (tok = strtok_r(copy, "|", &save); tok != NULL;
		    tok = strtok_r(NULL, "|", &save))
			sb_addf(sb, "%s%s", sb->len ? " " : "", tok);
		free(copy);
	} else if (word.len >= 2 && strcmp(word.buf + word.len - 2,
	    "ID") == 0) {
		sb_adds(sb, "@ids");
	} else if (strncmp(word.buf, "FILE", 4) == 0 ||
	    strcmp(word.buf, "PATH") == 0) {
		sb_adds(sb, "@files");
	}
	sb_release(&word);
}

/* Quote s for a shell, in single quotes. */
static void
put_quoted(FILE *fp, const char *s)
{
	fputc('\'', fp);
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			fputs("'\\''", fp);
		else
			fputc(*s, fp);
	}
	fputc('\'', fp);
}

/* The shell functions both scripts share: _mvb_options CMD (its options,
 * "mvb" for the global ones), _mvb_values CMD OPT (what the option's value
 * may be; status 1 when it takes none) and _mvb_arg CMD (what its first
 * argument may be). */
static void
put_functions(FILE *fp)
{
	const struct cmd_entry	*ce;
	const struct opt	*o;
	struct strbuf		 v;
	size_t			 i;
	int			 g;

	sb_init(&v);
	fputs("_mvb_commands=", fp);
	for (i = 0; (ce = cmd_at(i)) != NULL; i++)
		sb_addf(&v, "%s%s", i ? " " : "", ce->name);
	put_quoted(fp, v.buf);
	fputs("\n\n_mvb_options() {\n\tcase $1 in\n", fp);
	for (i = 0; (ce = cmd_at(i)) != NULL; i++) {
		sb_reset(&v);
		for (o = ce->opts; o != NULL && o->name != NULL; o++)
			sb_addf(&v, "%s%s%s", v.len ? " " : "",
			    strlen(o->name) == 1 ? "-" : "--", o->name);
		sb_addf(&v, "%s--db --today --help%s", v.len ? " " : "",
		    ce->formats != 0 ? " --format" : "");
		fprintf(fp, "\t%s) echo ", ce->name);
		put_quoted(fp, v.buf);
		fputs(" ;;\n", fp);
	}
	fputs("\t*) echo '--db --today --format --help --version' ;;\n"
	    "\tesac\n}\n\n_mvb_values() {\n\tcase \"$1 $2\" in\n", fp);
	for (i = 0; (ce = cmd_at(i)) != NULL; i++) {
		for (o = ce->opts; o != NULL && o->name != NULL; o++) {
			if (!o->has_arg)
				continue;
			values_of(ce, o->name, &v);
			fprintf(fp, "\t'%s %s%s') echo ", ce->name,
			    strlen(o->name) == 1 ? "-" : "--", o->name);
			put_quoted(fp, v.buf);
			fputs(" ;;\n", fp);
		}
		if (ce->formats != 0) {
			values_of(ce, "format", &v);
			fprintf(fp, "\t'%s --format') echo ", ce->name);
			put_quoted(fp, v.buf);
			fputs(" ;;\n", fp);
		}
	}
	for (g = 0; global_with_value[g] != NULL; g++) {
		values_of(NULL, global_with_value[g], &v);
		fprintf(fp, "\t*' --%s') echo ", global_with_value[g]);
		put_quoted(fp, v.buf);
		fputs(" ;;\n", fp);
	}
	values_of(NULL, "format", &v);
	fputs("\t'mvb --format') echo ", fp);
	put_quoted(fp, v.buf);
	fputs(" ;;\n\t*) return 1 ;;\n\tesac\n}\n\n_mvb_arg() {\n"
	    "\tcase $1 in\n", fp);
	for (i = 0; (ce = cmd_at(i)) != NULL; i++) {
		if (ce->args.max == 0)
			continue;
		values_of(ce, NULL, &v);
		if (v.len == 0)
			continue;
		fprintf(fp, "\t%s) echo ", ce->name);
		put_quoted(fp, v.buf);
		fputs(" ;;\n", fp);
	}
	fputs("\tesac\n}\n\n", fp);
	/* The gate questions with their answers, as --gate takes them. */
	sb_reset(&v);
	for (g = 0; g < GATE_COUNT; g++)
		sb_addf(&v, "%s%s=yes %s=no", g ? " " : "", gate_names[g],
		    gate_names[g]);
	fputs("_mvb_gate=", fp);
	put_quoted(fp, v.buf);
	fputs("\n\n", fp);
	sb_release(&v);
}

/*
 * Scan the words before the one being completed (bash: COMP_WORDS, zsh:
 * words, both from 1): the command, the register (--db), the number of
 * arguments, and the option whose value is being completed.
 */
static const char scan_sh[] =
    "\tcmd= db= want= after=0 npos=0\n"
    "\twhile [ \"$i\" -lt \"$n\" ]; do\n"
    "\t\tw=$(_mvb_word \"$i\")\n"
    "\t\tcase $w in\n"
    "\t\t--db=*) db=${w#--db=} ;;\n"
    "\t\t--*=*) ;;\n"
    "\t\t--) [ -n \"$cmd\" ] && after=1 ;;\n"
    "\t\t-?*)\n"
    "\t\t\tif [ \"$after\" = 0 ] &&\n"
    "\t\t\t    _mvb_values \"${cmd:-mvb}\" \"$w\" >/dev/null; then\n"
    "\t\t\t\ti=$((i + 1))\n"
    "\t\t\t\tif [ \"$(_mvb_word \"$i\")\" = = ]; then\n"
    "\t\t\t\t\ti=$((i + 1))\n"
    "\t\t\t\tfi\n"
    "\t\t\t\t[ \"$i\" -lt \"$n\" ] || want=$w\n"
    "\t\t\t\t[ \"$w\" = --db ] && db=$(_mvb_word \"$i\")\n"
    "\t\t\tfi ;;\n"
    "\t\t*)\n"
    "\t\t\tif [ -z \"$cmd\" ]; then cmd=$w\n"
    "\t\t\telse npos=$((npos + 1))\n"
    "\t\t\tfi ;;\n"
    "\t\tesac\n"
    "\t\ti=$((i + 1))\n"
    "\tdone\n"
    "\tcase $cur in\n"
    "\t--*=*) want=${cur%%=*} cur=${cur#*=} ;;\n"
    "\t=) cur= ;;\n"
    "\tesac\n"
    "\tif [ -n \"$want\" ]; then\n"
    "\t\tvals=$(_mvb_values \"${cmd:-mvb}\" \"$want\")\n"
    "\telif [ -z \"$cmd\" ] && [ \"${cur#-}\" = \"$cur\" ]; then\n"
    "\t\tvals=@commands\n"
    "\telif [ \"${cur#-}\" != \"$cur\" ] && [ \"$after\" = 0 ]; then\n"
    "\t\tvals=$(_mvb_options \"${cmd:-mvb}\")\n"
    "\telif [ \"$npos\" = 0 ]; then\n"
    "\t\tvals=$(_mvb_arg \"$cmd\")\n"
    "\telse\n"
    "\t\tvals=\n"
    "\tfi\n";

static void
put_bash(FILE *fp)
{
	fputs("# bash completion for mvb(1): commands, options, their "
	    "values and the\n# decision ids of the register. Written by "
	    "'mvb __complete bash' from\n# the command table of mvb "
	    MVB_VERSION "; do not edit.\n\n", fp);
	put_functions(fp);
	fputs("_mvb_word() {\n\tprintf '%s' \"${COMP_WORDS[$1]}\"\n}\n\n"
	    "_mvb() {\n"
	    "\tlocal cur cmd db want after npos w vals i=1 "
	    "n=$COMP_CWORD\n"
	    "\tcur=${COMP_WORDS[COMP_CWORD]}\n"
	    "\tCOMPREPLY=()\n", fp);
	fputs(scan_sh, fp);
	fputs("\tcase $vals in\n"
	    "\t@commands) vals=$_mvb_commands ;;\n"
	    "\t@gate) vals=$_mvb_gate ;;\n"
	    "\t@quarters) vals=$(\"${COMP_WORDS[0]}\" __complete quarters "
	    "2>/dev/null) ;;\n"
	    "\t@ids) vals=$(\"${COMP_WORDS[0]}\" __complete ids "
	    "${db:+--db \"$db\"} \\\n"
	    "\t    -- \"$cur\" 2>/dev/null | cut -f1) ;;\n"
	    "\t@files)\n"
	    "\t\tcompopt -o filenames 2>/dev/null\n"
	    "\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	    "\t\treturn 0 ;;\n"
	    "\tesac\n"
	    "\tCOMPREPLY=($(compgen -W \"$vals\" -- \"$cur\"))\n"
	    "}\n\ncomplete -F _mvb mvb\n", fp);
}

static void
put_zsh(FILE *fp)
{
	const struct cmd_entry	*ce;
	size_t			 i;

	fputs("#compdef mvb\n# zsh completion for mvb(1): commands, "
	    "options, their values and the\n# decision ids of the register "
	    "with their titles. Written by\n# 'mvb __complete zsh' from the "
	    "command table of mvb " MVB_VERSION "; do not edit.\n\n", fp);
	put_functions(fp);
	fputs("_mvb_described=(\n", fp);
	for (i = 0; (ce = cmd_at(i)) != NULL; i++) {
		char *s = xasprintf("%s:%s", ce->name, ce->summary);

		fputc('\t', fp);
		put_quoted(fp, s);
		fputc('\n', fp);
		free(s);
	}
	fputs(")\n\n_mvb_word() {\n\tprint -rn -- \"${words[$1 + 1]}\"\n}\n\n"
	    "_mvb() {\n"
	    "\tlocal cur cmd db want after npos w vals i=1 "
	    "n=$((CURRENT - 1))\n"
	    "\tlocal -a ids\n"
	    "\tcur=${words[CURRENT]}\n", fp);
	fputs(scan_sh, fp);
	fputs("\t[[ $cur != \"${words[CURRENT]}\" ]] && compset -P '*='\n"
	    "\tcase $vals in\n"
	    "\t@commands) _describe -t commands 'mvb command' "
	    "_mvb_described ;;\n"
	    "\t@gate) compadd -- ${=_mvb_gate} ;;\n"
	    "\t@quarters) compadd -- $(\"${words[1]}\" __complete quarters "
	    "2>/dev/null) ;;\n"
	    "\t@ids)\n"
	    "\t\tids=(${(f)\"$(\"${words[1]}\" __complete ids "
	    "${db:+--db \"$db\"} \\\n"
	    "\t\t    -- \"$cur\" 2>/dev/null)\"})\n"
	    "\t\tids=(${ids//:/\\\\:})\n"
	    "\t\tids=(${ids/$'\\t'/:})\n"
	    "\t\t_describe -t ids 'decision' ids ;;\n"
	    "\t@files) _files ;;\n"
	    "\t'') ;;\n"
	    "\t*) compadd -- ${=vals} ;;\n"
	    "\tesac\n"
	    "}\n\n_mvb \"$@\"\n", fp);
}

/* Decision ids starting with prefix and their titles, "id<TAB>title"
 * lines; nothing when there is no register or it cannot be read. */
static int
put_ids(struct ctx *ctx, const char *prefix)
{
	struct db	*db;
	struct stmt	*stmt;
	const char	*p, *t;
	char		*like, *title;

	if (cmd_db_path(ctx) == -1) {
		err_clear();
		return 0;
	}
	/* Ids are digits: a prefix with anything else completes none (and
	 * has no wildcard for LIKE). */
	for (p = prefix; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return 0;
	/* A quick look that creates and changes nothing, on a file or a
	 * server alike; whatever fails, nothing is offered. */
	if ((db = db_open(ctx->db_path, DB_PEEK)) == NULL) {
		err_clear();
		return 0;
	}
	like = xasprintf("%s%%", prefix);
	stmt = engine_prepare(db, "SELECT id, title FROM decisions "
	    "WHERE CAST(id AS TEXT) LIKE $1 ORDER BY id LIMIT " IDS_LIMIT);
	if (stmt != NULL && engine_bind_text(stmt, 1, like) == 0) {
		while (engine_step(stmt) == ENGINE_ROW) {
			t = engine_column_text(stmt, 1);
			title = text_fit(t != NULL ? t : "", 60);
			printf("%lld\t%s\n", (long long)
			    engine_column_int(stmt, 0), title);
			free(title);
		}
	}
	engine_finalize(stmt);
	free(like);
	db_close(db);
	return 0;
}

/* The quarter before today's, today's and the next, as YYYYQn. */
static int
put_quarters(struct ctx *ctx)
{
	const char	*env;
	int32_t		 today = date_today();
	int		 y, m, d, q, k;

	if ((env = getenv("MVB_TODAY")) != NULL && *env != '\0')
		(void)date_parse(env, &today);
	date_to_ymd(today, &y, &m, &d);
	(void)ctx;
	q = (m - 1) / 3;
	for (k = -1; k <= 1; k++) {
		int	yy = y + (q + k < 0 ? -1 : q + k > 3 ? 1 : 0);

		printf("%dQ%d\n", yy, (q + k + 4) % 4 + 1);
	}
	return 0;
}

/* Every command, its group and its options, one command a line. */
static int
put_table(void)
{
	const struct cmd_entry	*ce;
	const struct opt	*o;
	size_t			 i;

	for (i = 0; (ce = cmd_at(i)) != NULL; i++) {
		printf("%s\t%d", ce->name, (int)ce->group);
		for (o = ce->opts; o != NULL && o->name != NULL; o++)
			printf("\t%s%s", strlen(o->name) == 1 ? "-" : "--",
			    o->name);
		putchar('\n');
	}
	return 0;
}

int
complete_main(struct ctx *ctx, int argc, char **argv)
{
	const char	*prefix = "";
	int		 i;

	if (argc < 2)
		return err_usage("__complete: bash, zsh, ids, quarters or "
		    "table");
	if (strcmp(argv[1], "bash") == 0) {
		put_bash(stdout);
		return 0;
	}
	if (strcmp(argv[1], "zsh") == 0) {
		put_zsh(stdout);
		return 0;
	}
	if (strcmp(argv[1], "quarters") == 0)
		return put_quarters(ctx);
	if (strcmp(argv[1], "table") == 0)
		return put_table();
	if (strcmp(argv[1], "ids") != 0)
		return err_usage("__complete: unknown '%s'",
		    err_quote(argv[1]));
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			ctx->db_opt = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) == 0)
			ctx->db_opt = argv[i] + 5;
		else if (strcmp(argv[i], "--") == 0 && i + 1 < argc)
			prefix = argv[++i];
		else if (argv[i][0] != '-')
			prefix = argv[i];
	}
	return put_ids(ctx, prefix);
}
