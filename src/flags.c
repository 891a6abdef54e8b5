/*
 * The attention rules of mvb(1) FLAGS, evaluated against a day passed in,
 * never the clock: the date flags from a decision's stored dates, the
 * evidence flags (sunset, missed, assumption) from its criteria, metrics
 * and assumptions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "flags.h"
#include "money.h"
#include "sunset.h"
#include "text.h"

const char *const flag_names[FLAG_COUNT] = {
	"overdue", "sunset", "missed", "assumption", "due", "upcoming"
};

const char flags_candidate_sql[] =
	"d.status IN ('proposed', 'active') AND (d.next_review_on <= :horizon "
	"OR d.deadline_on < :today OR "
	"EXISTS (SELECT 1 FROM sunset s WHERE s.decision_id = d.id) OR "
	"EXISTS (SELECT 1 FROM metrics m WHERE m.decision_id = d.id AND "
	"m.target_on < :today) OR "
	"EXISTS (SELECT 1 FROM assumptions a WHERE a.decision_id = d.id AND "
	"a.status = 'invalidated'))";

const char flags_hint_sql[] =
	"(EXISTS (SELECT 1 FROM sunset s WHERE s.decision_id = d.id) << 1) | "
	"(EXISTS (SELECT 1 FROM metrics m WHERE m.decision_id = d.id AND "
	"m.target_on < :today) << 2) | "
	"(EXISTS (SELECT 1 FROM assumptions a WHERE a.decision_id = d.id AND "
	"a.status = 'invalidated') << 3)";

int
flagger_init(struct flagger *f, sqlite3 *db, int32_t today, int32_t horizon)
{
	memset(f, 0, sizeof(*f));
	f->db = db;
	f->today = today;
	f->horizon = horizon;
	f->may = ~0u;
	f->sunset = db_prepare(db, "SELECT number, expression, kind, metric, "
	    "op, threshold, on_date FROM sunset WHERE decision_id = ? "
	    "ORDER BY number");
	f->latest = db_prepare(db, "SELECT value, measured_on FROM "
	    "measurements WHERE decision_id = ? AND metric = ? AND "
	    "measured_on >= ? ORDER BY measured_on DESC, id DESC LIMIT 1");
	f->metrics = db_prepare(db, "SELECT name, op, target, unit, target_on "
	    "FROM metrics WHERE decision_id = ? AND target_on < ? "
	    "ORDER BY target_on, name");
	f->assumption = db_prepare(db, "SELECT number, text, invalidated_on "
	    "FROM assumptions a WHERE decision_id = ? AND status = "
	    "'invalidated' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE "
	    "r.decision_id = a.decision_id AND r.reviewed_on >= "
	    "a.invalidated_on) ORDER BY number LIMIT 1");
	if (f->sunset == NULL || f->latest == NULL || f->metrics == NULL ||
	    f->assumption == NULL) {
		flagger_release(f);
		return -1;
	}
	return 0;
}

void
flagger_release(struct flagger *f)
{
	sqlite3_finalize(f->sunset);
	sqlite3_finalize(f->latest);
	sqlite3_finalize(f->metrics);
	sqlite3_finalize(f->assumption);
	memset(f, 0, sizeof(*f));
}

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

/* The date-based reason for flag fl. */
static char *
date_reason(const struct decision *d, enum flag fl, int32_t today)
{
	char	 a[DATE_BUFSZ], b[DATE_BUFSZ], *when, *r;

	switch (fl) {
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

/*
 * The latest measurement of metric name of decision id dated on or after
 * since (NULL: any). Returns 1 with value and date copied out, 0 when
 * none, -1 on error.
 */
static int
latest(struct flagger *f, int64_t id, const char *name, const char *since,
    char *value, char *on)
{
	int	rc;

	sqlite3_reset(f->latest);
	sqlite3_bind_int64(f->latest, 1, id);
	sqlite3_bind_text(f->latest, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(f->latest, 3, since != NULL ? since : "", -1,
	    SQLITE_TRANSIENT);
	rc = sqlite3_step(f->latest);
	if (rc == SQLITE_ROW) {
		snprintf(value, NUM_BUFSZ, "%s",
		    sqlite3_column_text(f->latest, 0));
		snprintf(on, DATE_BUFSZ, "%s",
		    sqlite3_column_text(f->latest, 1));
	}
	sqlite3_reset(f->latest);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 :
	    err_db(f->db, "cannot read measurements");
}

/* Whether one sunset criterion (the current row of f->sunset) is met;
 * sets *why to its reason when it is. Returns 1, 0 or -1. */
static int
criterion_met(struct flagger *f, const struct decision *d, char **why)
{
	sqlite3_stmt	*s = f->sunset;
	const char	*expr = (const char *)sqlite3_column_text(s, 1);
	const char	*kind = (const char *)sqlite3_column_text(s, 2);
	const char	*metric = (const char *)sqlite3_column_text(s, 3);
	const char	*op = (const char *)sqlite3_column_text(s, 4);
	const char	*threshold = (const char *)sqlite3_column_text(s, 5);
	const char	*on_date = (const char *)sqlite3_column_text(s, 6);
	int		 number = sqlite3_column_int(s, 0), found;
	char		 today[DATE_BUFSZ], value[NUM_BUFSZ], on[DATE_BUFSZ];
	int64_t		 amount;

	date_format(f->today, today);
	if (strcmp(kind, "on") == 0) {
		if (strcmp(today, on_date) < 0)
			return 0;
		*why = xasprintf("sunset criterion %d met: %s", number, expr);
		return 1;
	}
	if (strcmp(kind, "monthly_cost") == 0) {
		if (fixed2_parse(threshold, MONEY_MAX, &amount) == -1 ||
		    !op_holds(op, d->cost.monthly < amount ? -1 :
		    d->cost.monthly > amount))
			return 0;
		*why = xasprintf("sunset criterion %d met: %s (monthly cost "
		    "%s)", number, expr, fixed2_format(d->cost.monthly, value));
		return 1;
	}
	if (on_date != NULL && strcmp(today, on_date) < 0)
		return 0;
	if ((found = latest(f, d->id, metric, on_date, value, on)) <= 0)
		return found;
	if (!op_holds(op, decimal_cmp(value, threshold)))
		return 0;
	*why = xasprintf("sunset criterion %d met: %s (latest %s %s on %s)",
	    number, expr, metric, value, on);
	return 1;
}

static int
eval_sunset(struct flagger *f, const struct decision *d, char **why)
{
	int	rc, met = 0;

	sqlite3_reset(f->sunset);
	sqlite3_bind_int64(f->sunset, 1, d->id);
	while (!met && (rc = sqlite3_step(f->sunset)) == SQLITE_ROW)
		if ((met = criterion_met(f, d, why)) == -1)
			break;
	sqlite3_reset(f->sunset);
	if (met == -1 || (!met && rc != SQLITE_DONE))
		return met == -1 ? -1 : err_db(f->db, "cannot read sunset");
	return met;
}

static int
eval_missed(struct flagger *f, const struct decision *d, char **why)
{
	sqlite3_stmt	*m = f->metrics;
	char		 today[DATE_BUFSZ], value[NUM_BUFSZ], on[DATE_BUFSZ];
	const char	*name, *op, *target, *unit, *target_on;
	int		 rc, found, missed = 0;

	sqlite3_reset(m);
	sqlite3_bind_int64(m, 1, d->id);
	sqlite3_bind_text(m, 2, date_format(f->today, today), -1,
	    SQLITE_TRANSIENT);
	while (!missed && (rc = sqlite3_step(m)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(m, 0);
		op = (const char *)sqlite3_column_text(m, 1);
		target = (const char *)sqlite3_column_text(m, 2);
		unit = (const char *)sqlite3_column_text(m, 3);
		target_on = (const char *)sqlite3_column_text(m, 4);
		found = latest(f, d->id, name, target_on, value, on);
		if (found == -1) {
			missed = -1;
			break;
		}
		if (!found) {
			*why = xasprintf("metric %s has no measurement since "
			    "its target date %s (target %s %s%s%s)", name,
			    target_on, op, target, unit ? " " : "",
			    unit ? unit : "");
			missed = 1;
		} else if (!op_holds(op, decimal_cmp(value, target))) {
			*why = xasprintf("metric %s missed its target "
			    "%s %s%s%s by %s: %s on %s", name, op, target,
			    unit ? " " : "", unit ? unit : "", target_on,
			    value, on);
			missed = 1;
		}
	}
	sqlite3_reset(m);
	if (missed == -1 || (!missed && rc != SQLITE_DONE))
		return missed == -1 ? -1 : err_db(f->db, "cannot read metrics");
	return missed;
}

static int
eval_assumption(struct flagger *f, const struct decision *d, char **why)
{
	sqlite3_stmt	*a = f->assumption;
	char		*text;
	int		 rc;

	sqlite3_reset(a);
	sqlite3_bind_int64(a, 1, d->id);
	rc = sqlite3_step(a);
	if (rc == SQLITE_ROW) {
		text = text_fit((const char *)sqlite3_column_text(a, 1), 60);
		*why = xasprintf("assumption %d invalidated on %s, not "
		    "reviewed since: %s", sqlite3_column_int(a, 0),
		    sqlite3_column_text(a, 2), text);
		free(text);
	}
	sqlite3_reset(a);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : err_db(f->db, "cannot read assumptions");
}

int
flags_eval(struct flagger *f, const struct decision *d, struct flags *out)
{
	char	*why[FLAG_COUNT] = { NULL };
	int	 i, rc = 0, r;

	out->bits = 0;
	out->reason = NULL;
	if (!is_open(d))
		return 0;
	if (f->today > d->deadline_on)
		out->bits |= 1u << FLAG_OVERDUE;
	if ((f->may & (1u << FLAG_SUNSET)) &&
	    (r = eval_sunset(f, d, &why[FLAG_SUNSET])) != 0) {
		if (r == -1)
			rc = -1;
		else
			out->bits |= 1u << FLAG_SUNSET;
	}
	if (rc == 0 && (f->may & (1u << FLAG_MISSED)) &&
	    (r = eval_missed(f, d, &why[FLAG_MISSED])) != 0) {
		if (r == -1)
			rc = -1;
		else
			out->bits |= 1u << FLAG_MISSED;
	}
	if (rc == 0 && (f->may & (1u << FLAG_ASSUMPTION)) &&
	    (r = eval_assumption(f, d, &why[FLAG_ASSUMPTION])) != 0) {
		if (r == -1)
			rc = -1;
		else
			out->bits |= 1u << FLAG_ASSUMPTION;
	}
	if (d->next_review_on <= f->today && f->today <= d->deadline_on)
		out->bits |= 1u << FLAG_DUE;
	if (f->today < d->next_review_on && d->next_review_on <= f->horizon)
		out->bits |= 1u << FLAG_UPCOMING;
	if (rc == 0 && out->bits != 0) {
		enum flag first = flags_first(out->bits);

		if (why[first] != NULL) {
			out->reason = why[first];
			why[first] = NULL;
		} else {
			out->reason = date_reason(d, first, f->today);
		}
	}
	for (i = 0; i < FLAG_COUNT; i++)
		free(why[i]);
	if (rc == -1)
		out->bits = 0;
	return rc;
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
