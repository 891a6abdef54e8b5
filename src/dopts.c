/*
 * Validating and applying the decision options of add and edit, each value
 * checked exactly as mvb(1) VALUES says, errors naming the option and value.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "date.h"
#include "dopts.h"
#include "err.h"
#include "evidence.h"
#include "money.h"
#include "sunset.h"
#include "text.h"

const struct opt dopts[] = {
	{ "title", 1, DOPT_TITLE },
	{ "capability", 1, DOPT_CAPABILITY },
	{ "choice", 1, DOPT_CHOICE },
	{ "vendor", 1, DOPT_VENDOR },
	{ "owner", 1, DOPT_OWNER },
	{ "cost-center", 1, DOPT_COST_CENTER },
	{ "status", 1, DOPT_STATUS },
	{ "decided", 1, DOPT_DECIDED },
	{ "review", 1, DOPT_REVIEW },
	{ "rationale", 1, DOPT_RATIONALE },
	{ "gate", 1, DOPT_GATE },
	DOPT_COST_OPTS,
	{ NULL, 0, 0 }
};

int
dopt_check_text(const char *option, const char *value, size_t min,
    size_t max)
{
	const char	*why;

	if (text_check(value, min, max, &why) == 0)
		return 0;
	if (*value == '\0')
		return err_usage("%s: invalid value '' (%s)", option, why);
	return err_usage("%s: %s '%s'", option, why, err_quote(value));
}

int
dopt_check_metric_name(const char *field, const char *name)
{
	const char	*why;

	if ((why = metric_name_problem(name)) == NULL)
		return 0;
	return err_usage("%s: invalid metric name '%s': %s", field,
	    err_quote(name), why);
}

int
dopt_check_decimal(const char *field, const char *what, const char *s,
    char *norm)
{
	if (decimal_parse(s, norm) == 0)
		return 0;
	return err_usage("%s: invalid %s '%s' (a decimal such as 60, -2.5 or "
	    "0.25; at most 15 significant digits)", field, what, err_quote(s));
}

int
dopt_parse_assumption(const char *s, int *n)
{
	int64_t	id;

	if (decision_parse_id(s, &id) == -1 || id > NUMBER_MAX) {
		err_clear();
		return err_usage("N: invalid assumption number '%s'",
		    err_quote(s));
	}
	*n = (int)id;
	return 0;
}

/*
 * A usage error "OPTION: WHAT 'VALUE'HINT", the value quoted by err_quote():
 * short, and no control character or invalid byte reaches the terminal.
 * Returns -1.
 */
static int
invalid(const char *option, const char *what, const char *value,
    const char *hint)
{
	return err_usage("%s: %s '%s'%s", option, what, err_quote(value),
	    hint);
}

/* Text with min/max code points; an empty optional text unsets it. */
static int
set_text(char **member, const struct optval *v, size_t min, size_t max)
{
	const char	*why;
	char		 option[40];

	/* The option's name is only needed for an error. */
	if (text_check(v->value, min, max, &why) == -1) {
		snprintf(option, sizeof(option), "--%s", v->name);
		return dopt_check_text(option, v->value, min, max);
	}
	decision_set_text(member, *v->value != '\0' ? v->value : NULL);
	return 0;
}

/*
 * Parse v into d by the decisions catalogue's column named column: the
 * catalogue says why a value is refused, this names the option. A text
 * member is copied.
 */
static int
set_column(struct decision *d, const struct optval *v, const char *column)
{
	const struct column	*c = catalog_column(XT_DECISIONS, column);
	struct decision		 tmp;
	struct strbuf		 msg;
	const char		*why;
	char			**text;

	decision_init(&tmp);
	if ((why = catalog_parse(c, v->value, &tmp)) != NULL) {
		sb_init(&msg);
		catalog_refusal(&msg, c, why, v->value);
		err_usage("--%s: %s", v->name, msg.buf);
		sb_release(&msg);
		return -1;
	}
	if (c->kind == KIND_ENUM || c->kind == KIND_CURRENCY) {
		text = (char **)(void *)((char *)d + c->offset);
		decision_set_text(text, v->value);
	} else
		*(int64_t *)(void *)((char *)d + c->offset) =
		    *(int64_t *)(void *)((char *)&tmp + c->offset);
	return 0;
}

static int
set_gate(struct decision *d, const char *value)
{
	const char	*eq = strchr(value, '=');
	size_t		 len;
	int		 g;

	if (eq != NULL) {
		len = (size_t)(eq - value);
		for (g = 0; g < GATE_COUNT; g++) {
			if (strlen(gate_names[g]) != len ||
			    strncmp(gate_names[g], value, len) != 0)
				continue;
			if (strcmp(eq + 1, "yes") != 0 &&
			    strcmp(eq + 1, "no") != 0 && eq[1] != '\0')
				return invalid("--gate", "invalid answer",
				    value, " (yes or no)");
			decision_set_text(&d->gate[g],
			    eq[1] != '\0' ? eq + 1 : NULL);
			return 0;
		}
	}
	return invalid("--gate", "invalid", value, " (differentiation, "
	    "maintenance, no_alternative or opportunity, =yes or =no)");
}

int
dopt_apply(struct decision *d, const struct optval *v,
    struct dopt_given *given)
{
	given->seen[v->id] = 1;
	switch (v->id) {
	case DOPT_TITLE:
		return set_text(&d->title, v, 1, TITLE_MAX);
	case DOPT_CAPABILITY:
		return set_text(&d->capability, v, 1, TITLE_MAX);
	case DOPT_VENDOR:
		return set_text(&d->vendor, v, 0, TEXT_MAX);
	case DOPT_OWNER:
		return set_text(&d->owner, v, 0, TEXT_MAX);
	case DOPT_COST_CENTER:
		return set_text(&d->cost_center, v, 0, TEXT_MAX);
	case DOPT_RATIONALE:
		return set_text(&d->rationale, v, 0, TEXT_MAX);
	case DOPT_CHOICE:
		return set_column(d, v, "choice");
	case DOPT_STATUS:
		return set_column(d, v, "status");
	case DOPT_DECIDED:
		return dopt_parse_date("--decided", v->value, &given->decided);
	case DOPT_REVIEW:
		return dopt_parse_date("--review", v->value, &given->review);
	case DOPT_GATE:
		return set_gate(d, v->value);
	case DOPT_ONE_TIME:
		return set_column(d, v, "one_time_cost");
	case DOPT_MONTHLY:
		return set_column(d, v, "monthly_cost");
	case DOPT_FTE_COST:
		return set_column(d, v, "fte_annual_cost");
	case DOPT_LOCKIN_COST:
		return set_column(d, v, "lockin_cost");
	case DOPT_INCREASE:
		return set_column(d, v, "annual_increase_pct");
	case DOPT_OPS_FTE:
		return set_column(d, v, "ops_fte");
	case DOPT_LOCKIN_PROB:
		return set_column(d, v, "lockin_probability");
	case DOPT_CURRENCY:
		return set_column(d, v, "currency");
	}
	return 0;
}

int
dopt_parse_date(const char *option, const char *value, int32_t *out)
{
	if (date_parse(value, out) == 0)
		return 0;
	return err_usage("%s: invalid date '%s' (YYYY-MM-DD, 1900-01-01 to "
	    "9999-12-31)", option, err_quote(value));
}
