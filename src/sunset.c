/*
 * Parsing sunset criteria (cli.md §6) into their parts, and the small
 * vocabulary they share with metrics: operators and metric names.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
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

/* Split s at runs of spaces into at most MAX_TOKENS tokens in buf. */
static int
tokenize(const char *s, char *buf, size_t size, char **tok)
{
	char	*p;
	int	 n = 0;

	if (strlen(s) >= size)
		return -1;
	strcpy(buf, s);
	for (p = buf; *p != '\0';) {
		while (*p == ' ')
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (n == MAX_TOKENS)
			return -1;
		tok[n++] = p;
		while (*p != ' ' && *p != '\0')
			p++;
	}
	return n;
}

int
sunset_parse(const char *expr, struct sunset_expr *out, char *why,
    size_t whysize)
{
	const char	*problem;
	char		 buf[256], *tok[MAX_TOKENS];
	int		 n;

	memset(out, 0, sizeof(*out));
	if ((n = tokenize(expr, buf, sizeof(buf), tok)) <= 0) {
		snprintf(why, whysize, "%s", n == 0 ? "empty expression" :
		    "too many words");
		return -1;
	}
	if (strcmp(tok[0], "on") == 0) {
		out->kind = SUNSET_ON;
		if (n != 2) {
			snprintf(why, whysize, "expected 'on DATE'");
			return -1;
		}
		if (date_parse(tok[1], &out->date) == -1) {
			snprintf(why, whysize, "invalid date '%s'", tok[1]);
			return -1;
		}
		out->has_date = 1;
		return 0;
	}
	if (n < 3) {
		snprintf(why, whysize, "expected NAME OP NUMBER [after DATE], "
		    "monthly_cost OP AMOUNT or on DATE");
		return -1;
	}
	if (!op_valid(tok[1])) {
		snprintf(why, whysize, "unknown operator '%s' (use <, <=, > or "
		    ">=)", tok[1]);
		return -1;
	}
	strcpy(out->op, tok[1]);
	if (strcmp(tok[0], "monthly_cost") == 0) {
		out->kind = SUNSET_MONTHLY_COST;
		if (n != 3) {
			snprintf(why, whysize, "expected 'monthly_cost OP "
			    "AMOUNT'");
			return -1;
		}
		if (fixed2_parse(tok[2], MONEY_MAX, &out->amount) == -1) {
			snprintf(why, whysize, "invalid amount '%s'", tok[2]);
			return -1;
		}
		return 0;
	}
	out->kind = SUNSET_METRIC;
	if ((problem = metric_name_problem(tok[0])) != NULL) {
		snprintf(why, whysize, "invalid metric name '%s': %s", tok[0],
		    problem);
		return -1;
	}
	strcpy(out->name, tok[0]);
	if (decimal_parse(tok[2], out->number) == -1) {
		snprintf(why, whysize, "invalid number '%s'", tok[2]);
		return -1;
	}
	if (n == 3)
		return 0;
	if (n != 5 || strcmp(tok[3], "after") != 0) {
		snprintf(why, whysize, "expected 'after DATE' after the "
		    "number");
		return -1;
	}
	if (date_parse(tok[4], &out->date) == -1) {
		snprintf(why, whysize, "invalid date '%s'", tok[4]);
		return -1;
	}
	out->has_date = 1;
	return 0;
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
