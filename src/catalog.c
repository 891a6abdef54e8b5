/*
 * The catalogue: every column of the seven exchange tables, once, in the
 * order export writes them (mvb.1, EXPORT), and the few functions that
 * read, write and parse a row by it.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "decision.h"
#include "evidence.h"
#include "option.h"
#include "review.h"
#include "sunset.h"
#include "text.h"

const char *const xtable_names[XT_COUNT] = {
	"decisions", "assumptions", "metrics", "measurements", "sunset",
	"reviews", "options"
};

const char *const choice_values[] = {
	"build", "buy", "oss", "assemble", NULL
};
const char *const status_values[] = {
	"proposed", "active", "superseded", "retired", NULL
};
const char *const outcome_values[] = {
	"keep", "revise", "replace", "retire", NULL
};
const char *const assumption_status_values[] = {
	"holding", "invalidated", NULL
};
const char *const op_values[] = { "<", "<=", ">", ">=", NULL };

#define CHOICE_HINT " (build, buy, oss or assemble)"
#define STATUS_HINT " (proposed, active, superseded or retired)"
#define CURRENCY_HINT " (three upper-case letters)"
#define DATE_HINT " (YYYY-MM-DD, 1900-01-01 to 9999-12-31)"
#define GATE_HINT " (yes or no)"

static const char *const gate_values[] = { "yes", "no", NULL };

#define M(type, member) offsetof(type, member)

/* name, SQL column, kind, flags, min, max, member, hint, values */
#define COL(n, s, k, f, lo, hi, off, h, v) \
	{ n, s, k, f, lo, hi, off, h, v }

/*
 * The figures of a struct cost, shared by decisions and options: adding a
 * cost field adds its line here (and its member to struct cost).
 */
#define COST_COLUMNS(type, req) \
	COL("one_time_cost", "one_time_cents", KIND_MONEY, req, 0, \
	    MONEY_MAX, M(type, cost.one_time), NULL, NULL), \
	COL("monthly_cost", "monthly_cents", KIND_MONEY, req, 0, MONEY_MAX, \
	    M(type, cost.monthly), NULL, NULL), \
	COL("annual_increase_pct", "increase_hundredths", KIND_PERCENT, req, \
	    0, PERCENT_MAX, M(type, cost.increase), NULL, NULL), \
	COL("ops_fte", "ops_fte_hundredths", KIND_FTE, req, 0, FTE_MAX, \
	    M(type, cost.ops_fte), NULL, NULL), \
	COL("fte_annual_cost", "fte_cost_cents", KIND_MONEY, req, 0, \
	    MONEY_MAX, M(type, cost.fte_cost), NULL, NULL), \
	COL("lockin_cost", "lockin_cost_cents", KIND_MONEY, req, 0, \
	    MONEY_MAX, M(type, cost.lockin_cost), NULL, NULL), \
	COL("lockin_probability", "lockin_prob_hundredths", \
	    KIND_PROBABILITY, req, 0, PROBABILITY_MAX, \
	    M(type, cost.lockin_prob), NULL, NULL), \
	COL("annual_run_rate", NULL, KIND_MONEY, COL_DERIVED | COL_RUN_RATE, \
	    0, 0, NO_MEMBER, NULL, NULL), \
	COL("tco_24m", NULL, KIND_MONEY, COL_DERIVED | COL_TCO, 0, 0, \
	    NO_MEMBER, NULL, NULL)

#define D(member) M(struct decision, member)

static const struct column decision_cols[] = {
	COL("id", "id", KIND_ID, 0, 1, DECISION_ID_MAX, D(id), NULL, NULL),
	COL("title", "title", KIND_TEXT, COL_REQUIRED, 1, TITLE_MAX,
	    D(title), NULL, NULL),
	COL("capability", "capability", KIND_TEXT, COL_REQUIRED, 1,
	    TITLE_MAX, D(capability), NULL, NULL),
	COL("choice", "choice", KIND_ENUM, COL_REQUIRED, 0, 0, D(choice),
	    CHOICE_HINT, choice_values),
	COL("vendor", "vendor", KIND_TEXT, 0, 0, TEXT_MAX, D(vendor), NULL,
	    NULL),
	COL("owner", "owner", KIND_TEXT, 0, 0, TEXT_MAX, D(owner), NULL, NULL),
	COL("cost_center", "cost_center", KIND_TEXT, 0, 0, TEXT_MAX,
	    D(cost_center), NULL, NULL),
	COL("status", "status", KIND_ENUM, 0, 0, 0, D(status), STATUS_HINT,
	    status_values),
	COL("decided_on", "decided_on", KIND_DATE, 0, 0, 0, D(decided_on),
	    DATE_HINT, NULL),
	COL("anchor_on", "anchor_on", KIND_DATE, COL_INTERNAL | COL_DERIVED,
	    0, 0, D(anchor_on), NULL, NULL),
	COL("next_review_on", "next_review_on", KIND_DATE, 0, 0, 0,
	    D(next_review_on), DATE_HINT, NULL),
	COL("review_deadline", "deadline_on", KIND_DATE, COL_DERIVED, 0, 0,
	    D(deadline_on), NULL, NULL),
	COL("currency", "currency", KIND_CURRENCY, 0, 3, 3, D(currency),
	    CURRENCY_HINT, NULL),
	COST_COLUMNS(struct decision, 0),
	COL("flags", NULL, KIND_TEXT, COL_DERIVED | COL_FLAGS, 0, 0,
	    NO_MEMBER, NULL, NULL),
	COL("rationale", "rationale", KIND_TEXT, 0, 0, TEXT_MAX, D(rationale),
	    NULL, NULL),
	COL("gate_differentiation", "gate_differentiation", KIND_ENUM,
	    COL_GATE, 0, 0, D(gate[GATE_DIFFERENTIATION]), GATE_HINT,
	    gate_values),
	COL("gate_maintenance", "gate_maintenance", KIND_ENUM, COL_GATE, 0, 0,
	    D(gate[GATE_MAINTENANCE]), GATE_HINT, gate_values),
	COL("gate_no_alternative", "gate_no_alternative", KIND_ENUM, COL_GATE,
	    0, 0, D(gate[GATE_NO_ALTERNATIVE]), GATE_HINT, gate_values),
	COL("gate_opportunity", "gate_opportunity", KIND_ENUM, COL_GATE, 0, 0,
	    D(gate[GATE_OPPORTUNITY]), GATE_HINT, gate_values),
};

#define A(member) M(struct assumption, member)

static const struct column assumption_cols[] = {
	COL("decision_id", "decision_id", KIND_ID, COL_REQUIRED | COL_PARENT,
	    1, DECISION_ID_MAX, A(decision_id), NULL, NULL),
	COL("number", "number", KIND_NUMBER, COL_REQUIRED, 1, NUMBER_MAX,
	    A(number), NULL, NULL),
	COL("text", "text", KIND_TEXT, COL_REQUIRED, 1, TEXT_MAX, A(text),
	    NULL, NULL),
	COL("status", "status", KIND_ENUM, COL_REQUIRED, 0, 0, A(status),
	    " (holding or invalidated)", assumption_status_values),
	COL("invalidated_on", "invalidated_on", KIND_DATE, 0, 0, 0,
	    A(invalidated_on), NULL, NULL),
	COL("confirmed_on", "confirmed_on", KIND_DATE, 0, 0, 0,
	    A(confirmed_on), NULL, NULL),
	COL("note", "note", KIND_TEXT, 0, 0, TEXT_MAX, A(note), NULL, NULL),
};

#define ME(member) M(struct metric, member)

static const struct column metric_cols[] = {
	COL("decision_id", "decision_id", KIND_ID, COL_REQUIRED | COL_PARENT,
	    1, DECISION_ID_MAX, ME(decision_id), NULL, NULL),
	COL("name", "name", KIND_TEXT, COL_REQUIRED, 1, 40, ME(name), NULL,
	    NULL),
	COL("op", "op", KIND_ENUM, COL_REQUIRED, 0, 0, ME(op),
	    " (>=, <=, > or <)", op_values),
	COL("target", "target", KIND_DECIMAL, COL_REQUIRED, 0, 0, ME(target),
	    " (a decimal, at most 15 significant digits)", NULL),
	COL("unit", "unit", KIND_TEXT, 0, 0, TEXT_MAX, ME(unit), NULL, NULL),
	COL("target_on", "target_on", KIND_DATE, COL_REQUIRED, 0, 0,
	    ME(target_on), NULL, NULL),
};

#define MS(member) M(struct measurement, member)

static const struct column measurement_cols[] = {
	COL("decision_id", "decision_id", KIND_ID, COL_REQUIRED | COL_PARENT,
	    1, DECISION_ID_MAX, MS(decision_id), NULL, NULL),
	COL("metric", "metric", KIND_TEXT, COL_REQUIRED, 1, 40, MS(metric),
	    NULL, NULL),
	COL("measured_on", "measured_on", KIND_DATE, COL_REQUIRED, 0, 0,
	    MS(measured_on), NULL, NULL),
	COL("value", "value", KIND_DECIMAL, COL_REQUIRED, 0, 0, MS(value),
	    " (a decimal, at most 15 significant digits)", NULL),
};

#define S(member) M(struct sunset_row, member)

static const struct column sunset_cols[] = {
	COL("decision_id", "decision_id", KIND_ID, COL_REQUIRED | COL_PARENT,
	    1, DECISION_ID_MAX, S(decision_id), NULL, NULL),
	COL("number", "number", KIND_NUMBER, COL_REQUIRED, 1, NUMBER_MAX,
	    S(number), NULL, NULL),
	COL("expression", "expression", KIND_TEXT, COL_REQUIRED, 1, TEXT_MAX,
	    S(expression), NULL, NULL),
};

#define R(member) M(struct review, member)

static const struct column review_cols[] = {
	COL("decision_id", "decision_id", KIND_ID, COL_REQUIRED | COL_PARENT,
	    1, DECISION_ID_MAX, R(decision_id), NULL, NULL),
	COL("reviewed_on", "reviewed_on", KIND_DATE, COL_REQUIRED, 0, 0,
	    R(reviewed_on), NULL, NULL),
	COL("outcome", "outcome", KIND_ENUM, COL_REQUIRED, 0, 0, R(outcome),
	    OUTCOME_HINT, outcome_values),
	COL("next_review_on", "next_review_on", KIND_DATE, COL_REQUIRED, 0, 0,
	    R(next_review_on), NULL, NULL),
	COL("replaced_by", "replaced_by", KIND_ID, 0, 1, DECISION_ID_MAX,
	    R(replaced_by), NULL, NULL),
	COL("notes", "notes", KIND_TEXT, 0, 0, TEXT_MAX, R(notes), NULL, NULL),
};

#define O(member) M(struct option, member)

static const struct column option_cols[] = {
	COL("decision_id", "decision_id", KIND_ID, COL_REQUIRED | COL_PARENT,
	    1, DECISION_ID_MAX, O(decision_id), NULL, NULL),
	COL("number", "number", KIND_NUMBER, COL_REQUIRED, 1, NUMBER_MAX,
	    O(number), NULL, NULL),
	COL("name", "name", KIND_TEXT, COL_REQUIRED, 1, TITLE_MAX, O(name),
	    NULL, NULL),
	COL("choice", "choice", KIND_ENUM, COL_REQUIRED, 0, 0, O(choice),
	    CHOICE_HINT, choice_values),
	COL("currency", "currency", KIND_CURRENCY, COL_REQUIRED, 3, 3,
	    O(currency), CURRENCY_HINT, NULL),
	COST_COLUMNS(struct option, COL_REQUIRED),
};

#define TABLE(n, cols, order, cost) \
	{ n, cols, (int)ARRAY_SIZE(cols), order, cost }

const struct table catalog[XT_COUNT] = {
	TABLE("decisions", decision_cols, "id", D(cost)),
	TABLE("assumptions", assumption_cols, "decision_id, number",
	    NO_MEMBER),
	TABLE("metrics", metric_cols, "decision_id, name", NO_MEMBER),
	TABLE("measurements", measurement_cols, "decision_id, metric, "
	    "measured_on, id", NO_MEMBER),
	TABLE("sunset", sunset_cols, "decision_id, number", NO_MEMBER),
	TABLE("reviews", review_cols, "decision_id, reviewed_on, id",
	    NO_MEMBER),
	TABLE("options", option_cols, "decision_id, number", O(cost)),
};

int
xtable_find(const char *name)
{
	int	i;

	for (i = 0; i < XT_COUNT; i++)
		if (strcmp(xtable_names[i], name) == 0)
			return i;
	return -1;
}

int
catalog_one_of(const char *s, const char *const *values)
{
	for (; *values != NULL; values++)
		if (strcmp(s, *values) == 0)
			return 1;
	return 0;
}

const struct column *
catalog_column(enum xtable t, const char *name)
{
	int	i;

	for (i = 0; i < catalog[t].ncols; i++)
		if (strcmp(catalog[t].cols[i].name, name) == 0)
			return &catalog[t].cols[i];
	return NULL;
}

#define MAX_COLS 32

const char *const *
catalog_names(enum xtable t, int *n)
{
	static const char	*names[XT_COUNT][MAX_COLS];
	static int		 count[XT_COUNT];
	int			 i;

	if (count[t] == 0)
		for (i = 0; i < catalog[t].ncols; i++)
			if (!(catalog[t].cols[i].flags & COL_INTERNAL))
				names[t][count[t]++] = catalog[t].cols[i].name;
	*n = count[t];
	return names[t];
}

const char *
catalog_columns_sql(enum xtable t)
{
	static char	sql[XT_COUNT][1024];
	int		i;

	if (sql[t][0] != '\0')
		return sql[t];
	for (i = 0; i < catalog[t].ncols; i++) {
		if (catalog[t].cols[i].sql == NULL)
			continue;
		if (sql[t][0] != '\0')
			strcat(sql[t], ", ");
		strcat(sql[t], catalog[t].cols[i].sql);
	}
	return sql[t];
}

int
catalog_columns_count(enum xtable t)
{
	int	i, n = 0;

	for (i = 0; i < catalog[t].ncols; i++)
		if (catalog[t].cols[i].sql != NULL)
			n++;
	return n;
}

#define MEMBER(row, c, type) \
	((type *)(void *)((char *)(uintptr_t)(row) + (c)->offset))

void
catalog_read_row(enum xtable t, struct stmt *stmt, int first, void *row)
{
	const struct column	*c;
	const char		*s;
	int			 i, k = first;

	for (i = 0; i < catalog[t].ncols; i++) {
		c = &catalog[t].cols[i];
		if (c->sql == NULL)
			continue;
		s = (const char *)engine_column_text(stmt, k);
		switch (c->kind) {
		case KIND_ID:
		case KIND_NUMBER:
		case KIND_MONEY:
		case KIND_PERCENT:
		case KIND_FTE:
		case KIND_PROBABILITY:
			*MEMBER(row, c, int64_t) = engine_column_int(stmt,
			    k);
			break;
		case KIND_TEXT:
		case KIND_CURRENCY:
		case KIND_ENUM:
			*MEMBER(row, c, const char *) = s;
			break;
		case KIND_DATE:
			if (s == NULL || date_parse(s, MEMBER(row, c,
			    int32_t)) == -1)
				*MEMBER(row, c, int32_t) = DATE_NONE;
			break;
		case KIND_DECIMAL:
			snprintf(MEMBER(row, c, char), NUM_BUFSZ, "%s",
			    s != NULL ? s : "");
			break;
		}
		k++;
	}
}

const char *
catalog_text(const struct table *t, const struct column *c, const void *row,
    const char *flags, char *buf, int *numeric)
{
	const struct cost	*cost = NULL;
	int32_t			 day;

	*numeric = 0;
	if (t->cost != NO_MEMBER)
		cost = (const struct cost *)(const void *)
		    ((const char *)row + t->cost);
	if (c->flags & COL_FLAGS)
		return flags;
	if (c->flags & (COL_RUN_RATE | COL_TCO)) {
		*numeric = 1;
		return fixed2_format(c->flags & COL_RUN_RATE ?
		    cost_annual_run_rate(cost) : cost_tco_24m(cost), buf);
	}
	switch (c->kind) {
	case KIND_ID:
	case KIND_NUMBER:
		*numeric = 1;
		if (*MEMBER(row, c, int64_t) == 0)
			return NULL;
		snprintf(buf, NUM_BUFSZ, "%lld",
		    (long long)*MEMBER(row, c, int64_t));
		return buf;
	case KIND_TEXT:
	case KIND_CURRENCY:
	case KIND_ENUM:
		return *MEMBER(row, c, const char *);
	case KIND_DATE:
		day = *MEMBER(row, c, int32_t);
		return day == DATE_NONE ? NULL : date_format(day, buf);
	case KIND_MONEY:
	case KIND_PERCENT:
	case KIND_FTE:
	case KIND_PROBABILITY:
		*numeric = 1;
		return fixed2_format(*MEMBER(row, c, int64_t), buf);
	case KIND_DECIMAL:
		*numeric = 1;
		return MEMBER(row, c, char)[0] != '\0' ? MEMBER(row, c, char) :
		    NULL;
	}
	return NULL;
}

void
catalog_out_row(struct out *o, enum xtable t, const void *row,
    const char *flags)
{
	const struct column	*c;
	const char		*s;
	char			 buf[NUM_BUFSZ];
	int			 i, numeric;

	for (i = 0; i < catalog[t].ncols; i++) {
		c = &catalog[t].cols[i];
		if (c->flags & COL_INTERNAL)
			continue;
		s = catalog_text(&catalog[t], c, row, flags, buf, &numeric);
		if (numeric)
			out_num(o, s);
		else
			out_text(o, s);
	}
}

void
catalog_json(struct strbuf *sb, enum xtable t, const void *row,
    const char *flags, unsigned skip)
{
	const struct column	*c;
	const char		*s;
	char			 buf[NUM_BUFSZ];
	int			 i, numeric, n = 0;

	for (i = 0; i < catalog[t].ncols; i++) {
		c = &catalog[t].cols[i];
		if (c->flags & (COL_INTERNAL | skip))
			continue;
		s = catalog_text(&catalog[t], c, row, flags, buf, &numeric);
		if (n++ > 0)
			sb_addc(sb, ',');
		json_add_string(sb, c->name);
		sb_addc(sb, ':');
		if (s == NULL)
			sb_adds(sb, "null");
		else if (numeric)
			sb_adds(sb, s);
		else
			json_add_string(sb, s);
	}
}

/* What a refused enum value is called. */
static const char *
enum_refusal(const char *const *values)
{
	if (values == gate_values)
		return "invalid answer";
	if (values == op_values)
		return "invalid operator";
	if (values == choice_values)
		return "invalid choice";
	if (values == outcome_values)
		return "invalid outcome";
	return "invalid status";
}

const char *
catalog_parse(const struct column *c, const char *s, void *row)
{
	const char	*why;
	int64_t		 n;
	const char	*p;

	switch (c->kind) {
	case KIND_ID:
	case KIND_NUMBER:
		n = 0;
		for (p = s; *p >= '0' && *p <= '9' && p - s < 18; p++)
			n = n * 10 + (*p - '0');
		if (p == s || *p != '\0' || n <= 0 || n > c->max)
			return "invalid number";
		*MEMBER(row, c, int64_t) = n;
		return NULL;
	case KIND_TEXT:
		if (text_check(s, (size_t)c->min, (size_t)c->max, &why) == -1)
			return why;
		*MEMBER(row, c, const char *) = s;
		return NULL;
	case KIND_CURRENCY:
		if (!currency_valid(s))
			return "invalid currency";
		*MEMBER(row, c, const char *) = s;
		return NULL;
	case KIND_ENUM:
		if (!catalog_one_of(s, c->values))
			return enum_refusal(c->values);
		*MEMBER(row, c, const char *) = s;
		return NULL;
	case KIND_DATE:
		if (date_parse(s, MEMBER(row, c, int32_t)) == -1)
			return "invalid date";
		return NULL;
	case KIND_MONEY:
	case KIND_PERCENT:
	case KIND_FTE:
	case KIND_PROBABILITY:
		if (fixed2_parse(s, c->max, MEMBER(row, c, int64_t)) == -1)
			return c->kind == KIND_MONEY ? "invalid amount" :
			    c->kind == KIND_PERCENT ? "invalid percent (0-1000)" :
			    c->kind == KIND_FTE ? "invalid FTE (0-1000)" :
			    "invalid probability (0-1)";
		return NULL;
	case KIND_DECIMAL:
		if (decimal_parse(s, MEMBER(row, c, char)) == -1)
			return "invalid number";
		return NULL;
	}
	return "invalid value";
}

void
catalog_refusal(struct strbuf *sb, const struct column *c, const char *why,
    const char *s)
{
	sb_addf(sb, "%s '%s'", why, err_quote(s));
	if (c->kind == KIND_ID || c->kind == KIND_NUMBER)
		sb_addf(sb, " (a whole number from 1 to %lld)",
		    (long long)c->max);
	else if (c->hint != NULL)
		sb_adds(sb, c->hint);
}

const char *
catalog_cost_check_sql(int typed)
{
	static struct strbuf	 cache[2];
	struct strbuf		*sql = &cache[typed != 0];
	const struct column	*c;
	int			 i;

	if (sql->buf != NULL)
		return sql->buf;
	sb_init(sql);
	for (i = 0; i < catalog[XT_OPTIONS].ncols; i++) {
		c = &catalog[XT_OPTIONS].cols[i];
		if (c->kind < KIND_MONEY || c->kind > KIND_PROBABILITY ||
		    c->sql == NULL)
			continue;
		sb_addf(sql, "%s%s NOT BETWEEN 0 AND %lld", sql->len ?
		    " OR " : "", c->sql, (long long)c->max);
		if (typed)
			sb_addf(sql, " OR typeof(%s) <> 'integer'", c->sql);
	}
	return sql->buf;
}

int
catalog_store(struct db *db, struct stmt **cache, enum xtable t,
    const void *row)
{
	const struct column	*c;
	struct stmt		*stmt;
	struct strbuf		 sql;
	char			 buf[NUM_BUFSZ];
	const char		*s;
	int			 i, k, rc, numeric;

	if ((stmt = *cache) == NULL) {
		sb_init(&sql);
		sb_addf(&sql, "INSERT INTO %s (%s) VALUES ($1", catalog[t].name,
		    catalog_columns_sql(t));
		for (i = 1; i < catalog_columns_count(t); i++)
			sb_addf(&sql, ", $%d", i + 1);
		sb_adds(&sql, ")");
		*cache = stmt = db_prepare(db, sql.buf);
		sb_release(&sql);
		if (stmt == NULL)
			return -1;
	} else {
		engine_reset(stmt);
		engine_clear_bindings(stmt);
	}
	for (i = 0, k = 1; i < catalog[t].ncols; i++) {
		c = &catalog[t].cols[i];
		if (c->sql == NULL)
			continue;
		s = catalog_text(&catalog[t], c, row, NULL, buf, &numeric);
		if (s == NULL)
			engine_bind_text(stmt, k, NULL);
		else if (c->kind == KIND_ID || c->kind == KIND_NUMBER ||
		    (numeric && c->kind != KIND_DECIMAL))
			engine_bind_int(stmt, k, *MEMBER(row, c, int64_t));
		else
			engine_bind_text(stmt, k, s);
		k++;
	}
	rc = engine_step(stmt);
	engine_reset(stmt);
	if (rc != ENGINE_DONE)
		return err_db(db, "cannot write %s", catalog[t].name);
	return 0;
}
