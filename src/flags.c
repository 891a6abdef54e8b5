/*
 * The attention rules of cli.md §5, evaluated against a day passed in,
 * never the clock.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "flags.h"

const char *const flag_names[FLAG_COUNT] = {
	"overdue", "sunset", "missed", "assumption", "due", "upcoming"
};

static int
is_open(const struct decision *d)
{
	return strcmp(d->status, "proposed") == 0 ||
	    strcmp(d->status, "active") == 0;
}

static char *
days_phrase(int32_t n)
{
	if (n == 0)
		return xstrdup("today");
	if (n > 0)
		return xasprintf("in %ld day%s", (long)n, n == 1 ? "" : "s");
	return xasprintf("%ld day%s ago", (long)-n, n == -1 ? "" : "s");
}

/* The date-based reason for flag f. */
static char *
date_reason(const struct decision *d, enum flag f, int32_t today)
{
	char	 a[DATE_BUFSZ], b[DATE_BUFSZ], *when, *r;

	switch (f) {
	case FLAG_OVERDUE:
		when = days_phrase(d->deadline_on - today);
		r = xasprintf("review deadline %s passed %s",
		    date_format(d->deadline_on, a), when);
		break;
	case FLAG_DUE:
		when = days_phrase(d->next_review_on - today);
		r = xasprintf("re-evaluation due since %s (%s), deadline %s",
		    date_format(d->next_review_on, a), when,
		    date_format(d->deadline_on, b));
		break;
	default:
		when = days_phrase(d->next_review_on - today);
		r = xasprintf("re-evaluation window opens %s (%s)",
		    date_format(d->next_review_on, a), when);
		break;
	}
	free(when);
	return r;
}

int
flags_eval(sqlite3 *db, const struct decision *d, int32_t today,
    int32_t horizon, struct flags *out)
{
	(void)db;
	out->bits = 0;
	out->reason = NULL;
	if (!is_open(d))
		return 0;
	if (today > d->deadline_on)
		out->bits |= 1u << FLAG_OVERDUE;
	if (d->next_review_on <= today && today <= d->deadline_on)
		out->bits |= 1u << FLAG_DUE;
	if (today < d->next_review_on && d->next_review_on <= horizon)
		out->bits |= 1u << FLAG_UPCOMING;
	if (out->bits != 0)
		out->reason = date_reason(d, flags_first(out->bits), today);
	return 0;
}

void
flags_release(struct flags *f)
{
	free(f->reason);
	f->reason = NULL;
	f->bits = 0;
}

void
flags_format(unsigned bits, struct strbuf *sb)
{
	int	i, first = 1;

	for (i = 0; i < FLAG_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		if (!first)
			sb_addc(sb, ';');
		sb_adds(sb, flag_names[i]);
		first = 0;
	}
}

enum flag
flags_first(unsigned bits)
{
	int	i;

	for (i = 0; i < FLAG_COUNT; i++)
		if (bits & (1u << i))
			return (enum flag)i;
	return FLAG_COUNT;
}
