/*
 * Parsing sunset criteria (mvb(1) SUNSET CRITERIA) into their parts, the small
 * vocabulary they share with metrics (operators and metric names), and
 * storing a criterion.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "history.h"
#include "evidence.h"
#include "sunset.h"

const char *const sunset_kind_names[] = { "metric", "monthly_cost", "on" };

int
op_valid(const char *op)
{
	return strcmp(op, "<") == 0 || strcmp(op, "<=") == 0 ||
	    strcmp(op, ">") == 0 || strcmp(op, ">=") == 0;
}

int
op_holds(const char *op, int cmp)
{
	if (strcmp(op, "<") == 0)
		return cmp < 0;
	if (strcmp(op, "<=") == 0)
		return cmp <= 0;
	if (strcmp(op, ">") == 0)
		return cmp > 0;
	return cmp >= 0;
}

const char *
metric_name_problem(const char *name)
{
	size_t	i, len = strlen(name);

	if (len == 0 || len > 40 || name[0] < 'a' || name[0] > 'z')
		return "a metric name is a lower-case letter, then up to 39 "
		    "lower-case letters, digits or '_'";
	for (i = 1; i < len; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '_'))
			return "a metric name is a lower-case letter, then up "
			    "to 39 lower-case letters, digits or '_'";
	if (strcmp(name, "monthly_cost") == 0 || strcmp(name, "on") == 0 ||
	    strcmp(name, "after") == 0)
		return "reserved word";
	return NULL;
}

#define MAX_TOKENS 6

/*
 * Split buf in place at runs of spaces. Keeps the first MAX_TOKENS words
 * in tok and returns how many words there are.
 */
static int
tokenize(char *buf, char **tok)
{
	char	*p;
	int	 n = 0;

	for (p = buf; *p != '\0';) {
		while (*p == ' ')
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (n < MAX_TOKENS)
			tok[n] = p;
		n++;
		while (*p != ' ' && *p != '\0')
			p++;
	}
	return n;
}

/*
 * Write "<pre>'<word>'<post>" into why, the word quoted by err_quote() as
 * every value in an error is. Returns -1.
 */
static int
say(char *why, size_t whysize, const char *pre, const char *word,
    const char *post)
{
	snprintf(why, whysize, "%s'%s'%s", pre, err_quote(word), post);
	return -1;
}

static int
parse_words(char **tok, int n, struct sunset_expr *out, char *why,
    size_t whysize)
{
	const char	*problem;

	if (n == 0) {
		snprintf(why, whysize, "empty expression");
		return -1;
	}
	if (strcmp(tok[0], "on") == 0) {
		out->kind = SUNSET_ON;
		if (n == 1) {
			snprintf(why, whysize, "expected 'on DATE'");
			return -1;
		}
		if (n > 2)
			return say(why, whysize, "unexpected ", tok[2],
			    " after the date (expected 'on DATE')");
		if (date_parse(tok[1], &out->date) == -1)
			return say(why, whysize, "invalid date ", tok[1], "");
		out->has_date = 1;
		return 0;
	}
	out->kind = strcmp(tok[0], "monthly_cost") == 0 ?
	    SUNSET_MONTHLY_COST : SUNSET_METRIC;
	if (out->kind == SUNSET_METRIC &&
	    (problem = metric_name_problem(tok[0])) != NULL) {
		say(why, whysize, "invalid metric name ", tok[0], "");
		snprintf(why + strlen(why), whysize - strlen(why), ": %s",
		    problem);
		return -1;
	}
	if (n == 1)
		return say(why, whysize, "expected an operator after ", tok[0],
		    "");
	if (!op_valid(tok[1]))
		return say(why, whysize, "unknown operator ", tok[1],
		    " (use <, <=, > or >=)");
	strcpy(out->op, tok[1]);
	if (out->kind == SUNSET_MONTHLY_COST) {
		if (n == 2)
			return say(why, whysize, "expected an amount after ",
			    tok[1], "");
		if (n > 3)
			return say(why, whysize, "unexpected ", tok[3],
			    " after the amount (expected 'monthly_cost OP "
			    "AMOUNT')");
		if (fixed2_parse(tok[2], MONEY_MAX, &out->amount) == -1)
			return say(why, whysize, "invalid amount ", tok[2], "");
		return 0;
	}
	strcpy(out->name, tok[0]);
	if (n == 2)
		return say(why, whysize, "expected a number after ", tok[1],
		    "");
	if (decimal_parse(tok[2], out->number) == -1)
		return say(why, whysize, "invalid number ", tok[2], "");
	if (n == 3)
		return 0;
	if (strcmp(tok[3], "after") != 0)
		return say(why, whysize, "expected 'after DATE' after the "
		    "number, not ", tok[3], "");
	if (n == 4)
		return say(why, whysize, "expected a date after ", tok[3], "");
	if (n > 5)
		return say(why, whysize, "unexpected ", tok[5],
		    " after the date (expected 'after DATE')");
	if (date_parse(tok[4], &out->date) == -1)
		return say(why, whysize, "invalid date ", tok[4], "");
	out->has_date = 1;
	return 0;
}

int
sunset_parse(const char *expr, struct sunset_expr *out, char *why,
    size_t whysize)
{
	char	*buf = xstrdup(expr), *tok[MAX_TOKENS];
	int	 rc;

	memset(out, 0, sizeof(*out));
	rc = parse_words(tok, tokenize(buf, tok), out, why, whysize);
	free(buf);
	return rc;
}

void
sunset_format(const struct sunset_expr *e, struct strbuf *sb)
{
	char	buf[NUM_BUFSZ];

	switch (e->kind) {
	case SUNSET_ON:
		sb_addf(sb, "on %s", date_format(e->date, buf));
		break;
	case SUNSET_MONTHLY_COST:
		sb_addf(sb, "monthly_cost %s %s", e->op,
		    fixed2_format(e->amount, buf));
		break;
	case SUNSET_METRIC:
		sb_addf(sb, "%s %s %s", e->name, e->op, e->number);
		if (e->has_date)
			sb_addf(sb, " after %s", date_format(e->date, buf));
		break;
	}
}

int
sunset_add(struct db *db, int64_t id, const char *expr, int *number)
{
	struct sunset_expr	 e;
	struct strbuf		 canon;
	struct stmt		*stmt = NULL;
	char			 why[512], what[32];
	int			 rc;

	if (sunset_parse(expr, &e, why, sizeof(why)) == -1)
		return err_usage("sunset: invalid expression '%s': %s",
		    err_quote(expr), why);
	if (e.kind == SUNSET_METRIC) {
		rc = metric_exists(db, &stmt, id, e.name);
		engine_finalize(stmt);
		if (rc == -1 ||
		    (rc == 0 && db_check_table(db, "metrics") == -1))
			return -1;
		if (rc == 0)
			return err_usage("sunset: invalid expression '%s': "
			    "decision %lld has no metric '%s'", err_quote(expr),
			    (long long)id, err_quote(e.name));
	}
	if (evidence_next_number(db, "sunset", id, number) == -1)
		return -1;
	stmt = NULL;
	rc = sunset_store(db, &stmt, id, *number, &e);
	engine_finalize(stmt);
	if (rc == -1)
		return -1;
	sb_init(&canon);
	sunset_format(&e, &canon);
	snprintf(what, sizeof(what), "sunset %d", *number);
	rc = history_add(db, id, what, NULL, canon.buf);
	sb_release(&canon);
	return rc;
}

int
sunset_store(struct db *db, struct stmt **cache, int64_t id, int64_t number,
    const struct sunset_expr *e)
{
	struct strbuf	 canon;
	struct stmt	*stmt;
	char		 day[DATE_BUFSZ], amount[NUM_BUFSZ];
	int		 rc;

	if (*cache == NULL)
		*cache = db_prepare(db, "INSERT INTO sunset (decision_id, "
		    "number, expression, kind, metric, op, threshold, on_date) "
		    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
	if ((stmt = *cache) == NULL)
		return -1;
	engine_reset(stmt);
	sb_init(&canon);
	sunset_format(e, &canon);
	engine_bind_int(stmt, 1, id);
	engine_bind_int(stmt, 2, number);
	engine_bind_text(stmt, 3, canon.buf);
	engine_bind_text(stmt, 4, sunset_kind_names[e->kind]);
	db_bind_text(stmt, 5, e->kind == SUNSET_METRIC ? e->name : NULL);
	db_bind_text(stmt, 6, e->kind != SUNSET_ON ? e->op : NULL);
	db_bind_text(stmt, 7, e->kind == SUNSET_METRIC ? e->number :
	    e->kind == SUNSET_MONTHLY_COST ? fixed2_format(e->amount, amount) :
	    NULL);
	db_bind_text(stmt, 8, e->has_date ? date_format(e->date, day) : NULL);
	rc = engine_step(stmt);
	engine_reset(stmt);
	sb_release(&canon);
	if (rc != ENGINE_DONE)
		return err_db(db, "cannot write the sunset criterion");
	return 0;
}
