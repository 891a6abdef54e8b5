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

/*
 * The evidence flags are found set-based: one query per evidence table
 * walks it in decision order (its primary key), from the first decision
 * asked about, each metric and sunset row with its latest measurement
 * joined; flags_eval() then advances each cursor to the decision at hand
 * (a merge join), so a listing in id order reads every evidence table once
 * instead of querying it per decision.
 */
static const char sunset_sql[] =
	"SELECT s.decision_id, s.number, s.expression, s.kind, s.metric, "
	"s.op, s.threshold, s.on_date, ms.value, ms.measured_on "
	"FROM sunset s LEFT JOIN measurements ms ON s.kind = 'metric' AND "
	"ms.id = (SELECT id FROM measurements WHERE decision_id = "
	"s.decision_id AND metric = s.metric AND measured_on >= "
	"coalesce(s.on_date, '') ORDER BY measured_on DESC, id DESC LIMIT 1) "
	"WHERE s.decision_id >= $1 ORDER BY s.decision_id, s.number";
static const char metrics_sql[] =
	"SELECT m.decision_id, m.name, m.op, m.target, m.unit, m.target_on, "
	"ms.value, ms.measured_on FROM metrics m LEFT JOIN measurements ms ON "
	"ms.id = (SELECT id FROM measurements WHERE decision_id = "
	"m.decision_id AND metric = m.name AND measured_on >= m.target_on "
	"ORDER BY measured_on DESC, id DESC LIMIT 1) "
	"WHERE m.decision_id >= $1 AND m.target_on < $2 "
	"ORDER BY m.decision_id, m.name";
static const char assumption_sql[] =
	"SELECT a.decision_id, a.number, a.text, a.invalidated_on "
	"FROM assumptions a WHERE a.decision_id >= $1 AND a.status = "
	"'invalidated' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE "
	"r.decision_id = a.decision_id AND r.reviewed_on >= a.invalidated_on) "
	"ORDER BY a.decision_id, a.number";

int
flagger_init(struct flagger *f, struct db *db, int32_t today, int32_t horizon)
{
	memset(f, 0, sizeof(*f));
	f->db = db;
	f->today = today;
	f->horizon = horizon;
	date_format(today, f->today_s);
	f->next = -1;
	/* The cursors are prepared on first use (prepare()): a listing
	 * with no open decision never compiles them. */
	return 0;
}

/* Prepare the three cursors' statements. Returns 0 or -1. */
static int
prepare(struct flagger *f)
{
	f->sunset.stmt = db_prepare(f->db, sunset_sql);
	f->metrics.stmt = db_prepare(f->db, metrics_sql);
	f->assumption.stmt = db_prepare(f->db, assumption_sql);
	if (f->sunset.stmt == NULL || f->metrics.stmt == NULL ||
	    f->assumption.stmt == NULL) {
		engine_finalize(f->sunset.stmt);
		engine_finalize(f->metrics.stmt);
		engine_finalize(f->assumption.stmt);
		f->sunset.stmt = f->metrics.stmt = f->assumption.stmt = NULL;
		return -1;
	}
	engine_bind_text(f->metrics.stmt, 2, f->today_s);
	return 0;
}

void
flagger_release(struct flagger *f)
{
	engine_finalize(f->sunset.stmt);
	engine_finalize(f->metrics.stmt);
	engine_finalize(f->assumption.stmt);
	memset(f, 0, sizeof(*f));
}

/* Step cursor c once: c->id becomes its row's decision, or INT64_MAX at
 * the end. Returns 0 or -1. */
static int
cursor_step(struct flagger *f, struct fcursor *c)
{
	int	rc = engine_step(c->stmt);

	if (rc == ENGINE_ROW) {
		c->id = engine_column_int(c->stmt, 0);
		return 0;
	}
	c->id = INT64_MAX;
	return rc == ENGINE_DONE ? 0 : err_db(f->db, "cannot read evidence");
}

/* (Re)start cursor c at decision id. */
static int
cursor_start(struct flagger *f, struct fcursor *c, int64_t id)
{
	engine_reset(c->stmt);
	engine_bind_int(c->stmt, 1, id);
	return cursor_step(f, c);
}

/* Move cursor c to the first row of decision id or after. */
static int
cursor_seek(struct flagger *f, struct fcursor *c, int64_t id)
{
	while (c->id < id)
		if (cursor_step(f, c) == -1)
			return -1;
	return 0;
}

/*
 * Bring every cursor to decision id. Decisions asked in increasing id
 * order cost one pass over each evidence table; going back (or asking
 * again) restarts the cursors there.
 */
static int
cursors_at(struct flagger *f, int64_t id)
{
	if (f->sunset.stmt == NULL && prepare(f) == -1)
		return -1;
	if (f->next < 0 || id <= f->next) {
		if (cursor_start(f, &f->sunset, id) == -1 ||
		    cursor_start(f, &f->metrics, id) == -1 ||
		    cursor_start(f, &f->assumption, id) == -1)
			return -1;
	} else if (cursor_seek(f, &f->sunset, id) == -1 ||
	    cursor_seek(f, &f->metrics, id) == -1 ||
	    cursor_seek(f, &f->assumption, id) == -1)
		return -1;
	f->next = id;
	return 0;
}

static int
is_open(const struct decision *d)
{
	return strcmp(d->status, "proposed") == 0 ||
	    strcmp(d->status, "active") == 0;
}

/* Append the decimal digits of n >= 0. */
static void
add_count(struct strbuf *sb, int32_t n)
{
	char	buf[16], *p = buf + sizeof(buf);

	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	sb_add(sb, p, (size_t)(buf + sizeof(buf) - p));
}

/* "today", "in 3 days", "1 day ago". */
static void
add_days(struct strbuf *sb, int32_t n)
{
	if (n == 0) {
		sb_adds(sb, "today");
		return;
	}
	if (n > 0)
		sb_adds(sb, "in ");
	add_count(sb, n > 0 ? n : -n);
	sb_adds(sb, n == 1 || n == -1 ? " day" : " days");
	if (n < 0)
		sb_adds(sb, " ago");
}

/*
 * The date-based reason for flag fl, built piece by piece (this runs once
 * per flagged decision of a listing, so it avoids printf and keeps to one
 * allocation).
 */
static char *
date_reason(const struct decision *d, enum flag fl, int32_t today)
{
	struct strbuf	sb;
	char		a[DATE_BUFSZ];

	sb_init(&sb);
	switch (fl) {
	case FLAG_OVERDUE:
		sb_adds(&sb, "review deadline ");
		sb_adds(&sb, date_format(d->deadline_on, a));
		sb_adds(&sb, " passed ");
		add_days(&sb, d->deadline_on - today);
		break;
	case FLAG_DUE:
		sb_adds(&sb, "re-evaluation due since ");
		sb_adds(&sb, date_format(d->next_review_on, a));
		sb_adds(&sb, " (");
		add_days(&sb, d->next_review_on - today);
		sb_adds(&sb, "), deadline ");
		sb_adds(&sb, date_format(d->deadline_on, a));
		break;
	default:
		sb_adds(&sb, "re-evaluation window opens ");
		sb_adds(&sb, date_format(d->next_review_on, a));
		sb_adds(&sb, " (");
		add_days(&sb, d->next_review_on - today);
		sb_addc(&sb, ')');
		break;
	}
	return sb_detach(&sb);
}

/* Whether one sunset criterion (the current row of f->sunset) is met;
 * sets *why to its reason when it is. Returns 1 or 0. */
static int
criterion_met(struct flagger *f, int64_t monthly, char **why)
{
	struct stmt	*s = f->sunset.stmt;
	const char	*expr = (const char *)engine_column_text(s, 2);
	const char	*kind = (const char *)engine_column_text(s, 3);
	const char	*metric = (const char *)engine_column_text(s, 4);
	const char	*op = (const char *)engine_column_text(s, 5);
	const char	*threshold = (const char *)engine_column_text(s, 6);
	const char	*on_date = (const char *)engine_column_text(s, 7);
	const char	*value, *on;
	int		 number = engine_column_int(s, 1);
	char		 buf[NUM_BUFSZ];
	int64_t		 amount;

	if (strcmp(kind, "on") == 0) {
		if (strcmp(f->today_s, on_date) < 0)
			return 0;
		if (why != NULL)
			*why = xasprintf("sunset criterion %d met: %s", number,
			    expr);
		return 1;
	}
	if (strcmp(kind, "monthly_cost") == 0) {
		if (fixed2_parse(threshold, MONEY_MAX, &amount) == -1 ||
		    !op_holds(op, monthly < amount ? -1 : monthly > amount))
			return 0;
		if (why != NULL)
			*why = xasprintf("sunset criterion %d met: %s (monthly "
			    "cost %s)", number, expr, fixed2_format(monthly,
			    buf));
		return 1;
	}
	if (on_date != NULL && strcmp(f->today_s, on_date) < 0)
		return 0;
	/* The latest measurement on or after on_date, joined to the row. */
	value = (const char *)engine_column_text(s, 8);
	on = (const char *)engine_column_text(s, 9);
	if (value == NULL || !op_holds(op, decimal_cmp(value, threshold)))
		return 0;
	if (why != NULL)
		*why = xasprintf("sunset criterion %d met: %s (latest %s %s "
		    "on %s)", number, expr, metric, value, on);
	return 1;
}

/* The first met sunset criterion of decision id, in number order: 1, 0 or
 * -1. */
static int
eval_sunset(struct flagger *f, int64_t id, int64_t monthly, char **why)
{
	struct fcursor	*c = &f->sunset;

	while (c->id == id) {
		if (criterion_met(f, monthly, why))
			return 1;
		if (cursor_step(f, c) == -1)
			return -1;
	}
	return 0;
}

/*
 * The first missed metric of d whose target date passed, by target date
 * then name (the cursor gives them by name): 1, 0 or -1.
 */
static int
eval_missed(struct flagger *f, int64_t id, char **why)
{
	struct fcursor	*c = &f->metrics;
	struct stmt	*m = c->stmt;
	const char	*name, *op, *target, *unit, *target_on, *value, *on;
	char		 best[DATE_BUFSZ] = "";
	int		 missed = 0;

	while (c->id == id) {
		name = (const char *)engine_column_text(m, 1);
		op = (const char *)engine_column_text(m, 2);
		target = (const char *)engine_column_text(m, 3);
		unit = (const char *)engine_column_text(m, 4);
		target_on = (const char *)engine_column_text(m, 5);
		value = (const char *)engine_column_text(m, 6);
		on = (const char *)engine_column_text(m, 7);
		if ((!missed || strcmp(target_on, best) < 0) &&
		    (value == NULL || !op_holds(op, decimal_cmp(value,
		    target)))) {
			if (why != NULL) {
				free(*why);
				*why = value == NULL ? xasprintf("metric %s "
				    "has no measurement since its target date "
				    "%s (target %s %s%s%s)", name, target_on,
				    op, target, unit ? " " : "", unit ? unit :
				    "") : xasprintf("metric %s missed its "
				    "target %s %s%s%s by %s: %s on %s", name,
				    op, target, unit ? " " : "", unit ? unit :
				    "", target_on, value, on);
			}
			snprintf(best, sizeof(best), "%s", target_on);
			missed = 1;
		}
		if (cursor_step(f, c) == -1)
			return -1;
	}
	return missed;
}

/* The first invalidated assumption of d not reviewed since: 1 or 0. */
static int
eval_assumption(struct flagger *f, int64_t id, char **why)
{
	struct stmt	*a = f->assumption.stmt;
	char		*text;

	if (f->assumption.id != id)
		return 0;
	if (why == NULL)
		return 1;
	text = text_fit((const char *)engine_column_text(a, 2), 60);
	*why = xasprintf("assumption %d invalidated on %s, not reviewed "
	    "since: %s", (int)engine_column_int(a, 1), engine_column_text(a, 3),
	    text);
	free(text);
	return 1;
}

int
flags_evidence(struct flagger *f, int64_t id, int64_t monthly,
    unsigned *bits, char *why[FLAG_COUNT])
{
	int	r;

	*bits = 0;
	if (cursors_at(f, id) == -1)
		return -1;
	if ((r = eval_sunset(f, id, monthly, why != NULL ? &why[FLAG_SUNSET] :
	    NULL)) == -1)
		return -1;
	if (r)
		*bits |= 1u << FLAG_SUNSET;
	if ((r = eval_missed(f, id, why != NULL ? &why[FLAG_MISSED] :
	    NULL)) == -1)
		return -1;
	if (r)
		*bits |= 1u << FLAG_MISSED;
	if ((r = eval_assumption(f, id, why != NULL ?
	    &why[FLAG_ASSUMPTION] : NULL)) == -1)
		return -1;
	if (r)
		*bits |= 1u << FLAG_ASSUMPTION;
	return 0;
}

int
flags_eval(struct flagger *f, const struct decision *d, struct flags *out)
{
	char	*why[FLAG_COUNT] = { NULL };
	int	 i, rc;

	out->bits = 0;
	out->reason = NULL;
	if (!is_open(d))
		return 0;
	/* An overdue decision's reason is its deadline: no evidence reason
	 * is put in words for it. */
	rc = flags_evidence(f, d->id, d->cost.monthly, &out->bits,
	    f->today > d->deadline_on ? NULL : why);
	if (f->today > d->deadline_on)
		out->bits |= 1u << FLAG_OVERDUE;
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
