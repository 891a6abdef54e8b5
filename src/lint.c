/*
 * The framework's checks (mvb(1) LINT): one query reads every proposed or
 * active decision with its cost figures, gate answers and whether it has
 * metrics, sunset criteria and assumptions; another reads their options in
 * the same order. The two are walked together, so a register of any size
 * is linted in two queries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "lint.h"
#include "money.h"
#include "sql.h"
#include "util.h"

const char *const lint_rule_names[LINT_COUNT] = {
	"gate", "no-metric", "no-sunset", "no-assumption", "no-options",
	"oss-not-free", "crossover", "close-call", "switch-pays"
};

#define COST_SQL "one_time_cents, monthly_cents, increase_hundredths, " \
	"ops_fte_hundredths, fte_cost_cents, lockin_cost_cents, " \
	"lockin_prob_hundredths"

#define OPEN_SQL "status IN ('proposed', 'active')"

static const char decisions_sql[] =
	"SELECT d.id, d.title, d.choice, d.status, d.currency, "
	"d.gate_differentiation, d.gate_maintenance, d.gate_no_alternative, "
	"d.gate_opportunity, "
	"d.rationale, "
	"EXISTS (SELECT 1 FROM metrics m WHERE m.decision_id = d.id), "
	"EXISTS (SELECT 1 FROM sunset s WHERE s.decision_id = d.id), "
	"EXISTS (SELECT 1 FROM assumptions a WHERE a.decision_id = d.id), "
	COST_SQL " FROM decisions d WHERE d." OPEN_SQL
	" AND ($1 = 0 OR d.id = $1) ORDER BY d.id";

static const char options_sql[] =
	"SELECT o.decision_id, o.number, o.name, o.choice, o.currency, "
	"o.one_time_cents, o.monthly_cents, o.increase_hundredths, "
	"o.ops_fte_hundredths, o.fte_cost_cents, o.lockin_cost_cents, "
	"o.lockin_prob_hundredths FROM options o JOIN decisions d "
	"ON d.id = o.decision_id WHERE d." OPEN_SQL
	" AND ($1 = 0 OR d.id = $1) ORDER BY o.decision_id, o.number";

/* Whether a rationale is missing or only spaces, tabs and line ends. */
static int
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\n\r")] == '\0';
}

/* The cost figures from column first on, in the order of COST_SQL. */
static void
read_cost(struct stmt *stmt, int first, struct cost *c)
{
	c->one_time = engine_column_int(stmt, first);
	c->monthly = engine_column_int(stmt, first + 1);
	c->increase = engine_column_int(stmt, first + 2);
	c->ops_fte = engine_column_int(stmt, first + 3);
	c->fte_cost = engine_column_int(stmt, first + 4);
	c->lockin_cost = engine_column_int(stmt, first + 5);
	c->lockin_prob = engine_column_int(stmt, first + 6);
}

/* A text column, "" for NULL; valid until the statement's next step. */
static const char *
text(struct stmt *stmt, int col)
{
	const char		*s = engine_column_text(stmt, col);

	return s != NULL ? (const char *)s : "";
}

/* Copy s with line feeds, tabs and carriage returns as spaces: a finding
 * is one line. */
static char *
flat(const char *s)
{
	char	*t = xstrdup(s), *p;

	for (p = t; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	return t;
}

/* The options of one decision, gathered while walking the second query;
 * e[0] is the decision's own figures. */
struct entries {
	struct compare_entry	*e;
	size_t			 n, cap;
};

static struct compare_entry *
entries_add(struct entries *es)
{
	struct compare_entry	*e;

	if (es->n == es->cap) {
		es->cap = es->cap ? es->cap * 2 : 8;
		es->e = xrealloc(es->e, es->cap * sizeof(*es->e));
	}
	e = &es->e[es->n++];
	memset(e, 0, sizeof(*e));
	return e;
}

/* Free the copied texts of every entry. */
static void
entries_clear(struct entries *es)
{
	size_t	i;

	for (i = 0; i < es->n; i++) {
		free((char *)es->e[i].name);
		free((char *)es->e[i].choice);
		free((char *)es->e[i].currency);
	}
	es->n = 0;
}

struct linter {
	const struct settings	*s;
	lint_emit		 emit;
	void			*arg;
	long			 found;
	struct strbuf		 msg;
};

static int
finding(struct linter *l, int64_t id, enum lint_rule rule)
{
	l->found++;
	return l->emit(l->arg, id, rule, l->msg.buf);
}

/* What a decision row says, read from the first query. */
struct row {
	int64_t		 id;
	const char	*choice;
	const char	*status;
	const char	*currency;
	const char	*gate[GATE_COUNT];
	int		 blank_rationale;
	int		 has_metric, has_sunset, has_assumption;
	struct cost	 cost;
};

static int
rule_gate(struct linter *l, const struct row *r)
{
	const char	*sep = "";
	int		 g, missing = 0;

	if (strcmp(r->choice, "build") != 0)
		return 0;
	sb_reset(&l->msg);
	sb_adds(&l->msg, "build without four yeses (");
	for (g = 0; g < GATE_COUNT; g++) {
		if (strcmp(r->gate[g], "yes") == 0)
			continue;
		sb_addf(&l->msg, "%s%s %s", sep, gate_names[g],
		    *r->gate[g] != '\0' ? r->gate[g] : "unanswered");
		sep = ", ";
		missing = 1;
	}
	if (!missing)
		return 0;
	sb_addf(&l->msg, "): answer them with 'mvb edit %lld --gate "
	    "QUESTION=yes' or buy instead", (long long)r->id);
	return finding(l, r->id, LINT_GATE);
}

/* A finding whose message is fixed but for the id. */
static int
simple(struct linter *l, const struct row *r, enum lint_rule rule,
    const char *fmt)
{
	sb_reset(&l->msg);
	sb_addf(&l->msg, fmt, (long long)r->id);
	return finding(l, r->id, rule);
}

static int
rule_crossover(struct linter *l, const struct row *r)
{
	char	b1[NUM_BUFSZ], b2[NUM_BUFSZ];

	if (strcmp(r->choice, "buy") != 0 ||
	    strcmp(r->currency, l->s->currency) != 0 ||
	    r->cost.monthly < l->s->crossover)
		return 0;
	sb_reset(&l->msg);
	sb_addf(&l->msg, "pays %s %s a month, %s the crossover %s: run the "
	    "self-hosting calculation",
	    fixed2_format(r->cost.monthly, b1), r->currency,
	    r->cost.monthly > l->s->crossover ? "above" : "at",
	    fixed2_format(l->s->crossover, b2));
	return finding(l, r->id, LINT_CROSSOVER);
}

/* close-call and switch-pays: es holds the decision (e[0]) and its
 * options, in number order. */
static int
rule_compare(struct linter *l, const struct row *r, struct entries *es)
{
	const struct compare_entry	*best = NULL;
	char				 verdict[VERDICT_SZ];
	char				 b1[NUM_BUFSZ], b2[NUM_BUFSZ];
	char				*name;
	enum verdict_kind		 kind;
	size_t				 i;
	int				 rc;

	kind = compare_run(es->e, es->n, verdict);
	if (kind == VERDICT_CLOSE && r->blank_rationale) {
		sb_reset(&l->msg);
		sb_addf(&l->msg, "the two cheapest are within 20%% over 24 "
		    "months (%s and %s %s) and no rationale says why: write "
		    "the qualitative reasons with 'mvb edit %lld --rationale'",
		    fixed2_format(es->e[0].tco, b1),
		    fixed2_format(es->e[1].tco, b2), r->currency,
		    (long long)r->id);
		if (finding(l, r->id, LINT_CLOSE_CALL) == -1)
			return -1;
	}
	if (strcmp(r->status, "active") != 0)
		return 0;
	/* The soonest payback within a year; a tie goes to the lower
	 * number (the entries are now cheapest first). */
	for (i = 0; i < es->n; i++) {
		if (es->e[i].payback == PAYBACK_NONE || es->e[i].payback > 12)
			continue;
		if (best == NULL || es->e[i].payback < best->payback ||
		    (es->e[i].payback == best->payback &&
		    es->e[i].number < best->number))
			best = &es->e[i];
	}
	if (best == NULL)
		return 0;
	name = flat(best->name);
	sb_reset(&l->msg);
	sb_addf(&l->msg, "switching to '%s' saves %s %s a year and pays back "
	    "in %lld months: the sunk-cost trap; plan the migration or "
	    "review the decision", name, fixed2_format(best->saving, b1),
	    r->currency, (long long)best->payback);
	free(name);
	rc = finding(l, r->id, LINT_SWITCH_PAYS);
	return rc;
}

static int
lint_one(struct linter *l, const struct row *r, struct entries *es)
{
	char	b[NUM_BUFSZ];

	if (rule_gate(l, r) == -1)
		return -1;
	if (!r->has_metric && simple(l, r, LINT_NO_METRIC, "no success "
	    "metric says whether it worked: add one with 'mvb metric %lld "
	    "NAME OP TARGET'") == -1)
		return -1;
	if (!r->has_sunset && simple(l, r, LINT_NO_SUNSET, "no sunset "
	    "criterion, so no committed exit: add one with 'mvb sunset %lld "
	    "EXPR'") == -1)
		return -1;
	if (!r->has_assumption && simple(l, r, LINT_NO_ASSUMPTION, "no "
	    "assumption recorded: add what must hold with 'mvb assume %lld "
	    "TEXT'") == -1)
		return -1;
	if (es->n < 2 && simple(l, r, LINT_NO_OPTIONS, "no alternative "
	    "recorded: add what was weighed with 'mvb option %lld'") == -1)
		return -1;
	if ((strcmp(r->choice, "oss") == 0 ||
	    strcmp(r->choice, "assemble") == 0) && r->cost.ops_fte == 0) {
		sb_reset(&l->msg);
		sb_addf(&l->msg, "%s with %s ops FTE: self-hosting is closer "
		    "to build than to buy; record the operating effort with "
		    "'mvb edit %lld --ops-fte N'", r->choice,
		    fixed2_format(r->cost.ops_fte, b), (long long)r->id);
		if (finding(l, r->id, LINT_OSS_NOT_FREE) == -1)
			return -1;
	}
	if (rule_crossover(l, r) == -1)
		return -1;
	return rule_compare(l, r, es);
}

long
lint_run(struct db *db, int64_t id, const struct settings *s, lint_emit emit,
    void *arg)
{
	struct stmt		*ds, *os = NULL;
	struct linter		 l;
	struct entries		 es;
	struct compare_entry	*e;
	struct row		 r;
	int			 drc = ENGINE_DONE, orc, g, failed = 0;

	memset(&l, 0, sizeof(l));
	memset(&es, 0, sizeof(es));
	l.s = s;
	l.emit = emit;
	l.arg = arg;
	sb_init(&l.msg);
	if ((ds = db_prepare(db, decisions_sql)) == NULL ||
	    (os = db_prepare(db, options_sql)) == NULL) {
		engine_finalize(ds);
		sb_release(&l.msg);
		return -1;
	}
	engine_bind_int(ds, 1, id);
	engine_bind_int(os, 1, id);
	orc = engine_step(os);
	while (!failed && (drc = engine_step(ds)) == ENGINE_ROW) {
		memset(&r, 0, sizeof(r));
		r.id = engine_column_int(ds, 0);
		r.choice = text(ds, 2);
		r.status = text(ds, 3);
		r.currency = text(ds, 4);
		for (g = 0; g < GATE_COUNT; g++)
			r.gate[g] = text(ds, 5 + g);
		r.blank_rationale = blank(engine_column_text(ds, 9));
		r.has_metric = engine_column_int(ds, 10);
		r.has_sunset = engine_column_int(ds, 11);
		r.has_assumption = engine_column_int(ds, 12);
		read_cost(ds, 13, &r.cost);

		entries_clear(&es);
		e = entries_add(&es);
		e->name = xstrdup(text(ds, 1));
		e->choice = xstrdup(r.choice);
		e->currency = xstrdup(r.currency);
		e->cost = r.cost;
		/* Both queries run in id order: skip to this decision's
		 * options and gather them. */
		while (orc == ENGINE_ROW &&
		    engine_column_int(os, 0) <= r.id) {
			if (engine_column_int(os, 0) == r.id) {
				e = entries_add(&es);
				e->number = engine_column_int(os, 1);
				e->name = xstrdup(text(os, 2));
				e->choice = xstrdup(text(os, 3));
				e->currency = xstrdup(text(os, 4));
				read_cost(os, 5, &e->cost);
			}
			orc = engine_step(os);
		}
		if (orc != ENGINE_ROW && orc != ENGINE_DONE)
			break;
		if (lint_one(&l, &r, &es) == -1)
			failed = 1;
	}
	if (!failed && (drc != ENGINE_DONE ||
	    (orc != ENGINE_ROW && orc != ENGINE_DONE))) {
		err_db(db, "cannot read the decisions to lint");
		failed = 1;
	}
	entries_clear(&es);
	free(es.e);
	sb_release(&l.msg);
	engine_finalize(ds);
	engine_finalize(os);
	return failed ? -1 : l.found;
}
