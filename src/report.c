/*
 * The quarterly re-evaluation report of mvb(1) REPORT, built in one pass
 * over the open decisions (the date lists, the spend, and the evidence
 * lists from the flagger of flags.c, so that the rules of mvb(1) FLAGS
 * have one home) and one query for the reviews of the quarter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "flags.h"
#include "report.h"

const char *const report_list_names[REPORT_LISTS] = {
	"overdue", "sunset", "missed", "assumption", "due"
};

static const char *const choices[] = { "build", "buy", "oss", "assemble" };

#define OPEN "d.status IN ('proposed', 'active')"

/* NOT INDEXED: one pass over the table in id order is far cheaper than
 * following the open-decision index into it at random. */
static const char sql_decisions[] =
    "SELECT id, title, owner, choice, status, next_review_on, deadline_on, "
    "currency, one_time_cents, monthly_cents, increase_hundredths, "
    "ops_fte_hundredths, fte_cost_cents, lockin_cost_cents, "
    "lockin_prob_hundredths FROM decisions d NOT INDEXED WHERE " OPEN
    " ORDER BY id";

static const char sql_reviews[] =
    "SELECT r.decision_id, d.title, r.reviewed_on, r.outcome FROM reviews r "
    "JOIN decisions d ON d.id = r.decision_id "
    "WHERE r.reviewed_on >= $1 AND r.reviewed_on <= $2 "
    "ORDER BY r.reviewed_on, r.id";

int
report_quarter_parse(const char *s, int *year, int *quarter)
{
	int	i, y = 0;

	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	s += 4;
	if (*s == '-')
		s++;
	if (s[0] != 'Q' || s[1] < '1' || s[1] > '4' || s[2] != '\0' ||
	    y < 1900)
		return -1;
	*year = y;
	*quarter = s[1] - '0';
	return 0;
}

void
report_quarter_of(int32_t day, int *year, int *quarter)
{
	int	m, d;

	date_to_ymd(day, year, &m, &d);
	*quarter = (m - 1) / 3 + 1;
}

enum report_list
report_first(const struct report_decision *d)
{
	int	i;

	for (i = 0; i < REPORT_LISTS; i++)
		if (d->lists & (1u << i))
			return (enum report_list)i;
	return REPORT_LISTS;
}

/* "today", "in 3 days", "1 day ago". */
static char *
days_phrase(int32_t n)
{
	if (n == 0)
		return xstrdup("today");
	if (n > 0)
		return xasprintf("in %ld day%s", (long)n, n == 1 ? "" : "s");
	return xasprintf("%ld day%s ago", (long)-n, n == -1 ? "" : "s");
}

static void
put(struct report_decision *d, enum report_list l, char *why)
{
	d->lists |= 1u << l;
	d->why[l] = why;
}

/* The date lists of d as of the report's day. */
static void
date_lists(const struct report *r, struct report_decision *d)
{
	char	 a[DATE_BUFSZ], b[DATE_BUFSZ], *when;

	if (d->deadline_on < r->as_of) {
		when = days_phrase(d->deadline_on - r->as_of);
		put(d, REPORT_OVERDUE, xasprintf("review deadline %s passed "
		    "%s", date_format(d->deadline_on, a), when));
		free(when);
	} else if (d->next_review_on <= r->end) {
		when = days_phrase(d->next_review_on - r->as_of);
		put(d, REPORT_DUE, xasprintf("re-evaluation %s %s (%s), "
		    "deadline %s", d->next_review_on <= r->as_of ?
		    "due since" : "window opens",
		    date_format(d->next_review_on, a), when,
		    date_format(d->deadline_on, b)));
		free(when);
	}
}

static const char *
column(struct stmt *s, int i)
{
	return (const char *)engine_column_text(s, i);
}

/* Find or add the spend cell of choice and currency. */
static struct report_spend *
spend_cell(struct report_spend **v, size_t *n, const char *choice,
    const char *currency)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if ((*v)[i].choice == choice &&
		    strcmp((*v)[i].currency, currency) == 0)
			return &(*v)[i];
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	memset(&(*v)[*n], 0, sizeof(**v));
	(*v)[*n].choice = choice;
	snprintf((*v)[*n].currency, sizeof((*v)[*n].currency), "%s",
	    currency);
	return &(*v)[(*n)++];
}

static void
spend_add(struct report_spend *c, const struct cost *cost)
{
	c->decisions++;
	c->monthly += cost->monthly;
	c->one_time += cost->one_time;
	c->annual_run_rate += cost_annual_run_rate(cost);
	c->tco_24m += cost_tco_24m(cost);
	c->ops_fte += cost->ops_fte;
}

/* The choices of mvb(1) DESCRIPTION as the constant strings above, so
 * that cells compare by pointer and sort in that order. */
static const char *
choice_const(const char *s)
{
	size_t	i;

	for (i = 0; i < ARRAY_SIZE(choices); i++)
		if (strcmp(s, choices[i]) == 0)
			return choices[i];
	return choices[0];
}

static int
choice_rank(const char *s)
{
	size_t	i;

	for (i = 0; i < ARRAY_SIZE(choices); i++)
		if (s == choices[i])
			return (int)i;
	return (int)ARRAY_SIZE(choices);
}

static int
spend_cmp(const void *pa, const void *pb)
{
	const struct report_spend	*a = pa, *b = pb;
	int				 c;

	if ((c = strcmp(a->currency, b->currency)) != 0)
		return c;
	return choice_rank(a->choice) - choice_rank(b->choice);
}

/*
 * The evidence lists of d (sunset, missed, assumption) as of the report's
 * day: the flagger's rules of mvb(1) FLAGS, which 'due' and 'show' use.
 */
static int
evidence_lists(struct flagger *fl, struct report_decision *d,
    int64_t monthly)
{
	static const struct {
		enum flag		flag;
		enum report_list	list;
	} map[] = {
		{ FLAG_SUNSET, REPORT_SUNSET },
		{ FLAG_MISSED, REPORT_MISSED },
		{ FLAG_ASSUMPTION, REPORT_ASSUMPTION }
	};
	char		*why[FLAG_COUNT] = { NULL };
	unsigned	 bits;
	size_t		 i;
	int		 rc;

	rc = flags_evidence(fl, d->id, monthly, &bits, why);
	for (i = 0; i < ARRAY_SIZE(map); i++) {
		if (rc == 0 && (bits & (1u << map[i].flag))) {
			put(d, map[i].list, why[map[i].flag]);
			why[map[i].flag] = NULL;
		}
		free(why[map[i].flag]);
	}
	return rc;
}

/* One pass over the open decisions: the date lists, the evidence lists
 * (the flagger walks each evidence table once, in step) and the spend. */
static int
load_decisions(struct db *db, struct report *r)
{
	struct stmt		*s;
	struct report_decision	*d;
	struct report_spend	*c;
	struct flagger		 fl;
	struct cost		 cost;
	size_t			 alloc = 0;
	int			 rc;

	if ((s = db_prepare(db, sql_decisions)) == NULL)
		return -1;
	if (flagger_init(&fl, db, r->as_of, r->as_of) == -1) {
		engine_finalize(s);
		return -1;
	}
	while ((rc = engine_step(s)) == ENGINE_ROW) {
		if (r->ndecisions == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			r->decisions = xrealloc(r->decisions,
			    alloc * sizeof(*r->decisions));
		}
		d = &r->decisions[r->ndecisions];
		memset(d, 0, sizeof(*d));
		d->id = engine_column_int(s, 0);
		d->title = db_column_strdup(s, 1);
		d->owner = db_column_strdup(s, 2);
		d->choice = db_column_strdup(s, 3);
		d->status = db_column_strdup(s, 4);
		r->ndecisions++;
		if (date_parse(column(s, 5), &d->next_review_on) == -1 ||
		    date_parse(column(s, 6), &d->deadline_on) == -1) {
			flagger_release(&fl);
			engine_finalize(s);
			return err_fail("report: decision %lld: invalid date "
			    "in the register", (long long)d->id);
		}
		date_lists(r, d);
		if (evidence_lists(&fl, d, engine_column_int(s, 9)) == -1) {
			flagger_release(&fl);
			engine_finalize(s);
			return -1;
		}
		if (strcmp(d->status, "active") != 0)
			continue;
		cost.one_time = engine_column_int(s, 8);
		cost.monthly = engine_column_int(s, 9);
		cost.increase = engine_column_int(s, 10);
		cost.ops_fte = engine_column_int(s, 11);
		cost.fte_cost = engine_column_int(s, 12);
		cost.lockin_cost = engine_column_int(s, 13);
		cost.lockin_prob = engine_column_int(s, 14);
		c = spend_cell(&r->spend, &r->nspend, choice_const(d->choice),
		    column(s, 7));
		spend_add(c, &cost);
	}
	flagger_release(&fl);
	if (rc != ENGINE_DONE) {
		err_db(db, "report: cannot read the decisions");
		engine_finalize(s);
		return -1;
	}
	engine_finalize(s);
	if (r->nspend > 0)
		qsort(r->spend, r->nspend, sizeof(*r->spend), spend_cmp);
	return 0;
}

static void
totals(struct report *r)
{
	struct report_spend	*t;
	size_t			 i;

	for (i = 0; i < r->nspend; i++) {
		const struct report_spend *c = &r->spend[i];

		t = spend_cell(&r->totals, &r->ntotals, NULL, c->currency);
		t->decisions += c->decisions;
		t->monthly += c->monthly;
		t->one_time += c->one_time;
		t->annual_run_rate += c->annual_run_rate;
		t->tco_24m += c->tco_24m;
		t->ops_fte += c->ops_fte;
	}
}

static int
load_reviews(struct db *db, struct report *r)
{
	struct stmt		*s;
	struct report_review	*v;
	char			 b[DATE_BUFSZ];
	size_t			 alloc = 0;
	int			 rc;

	if ((s = db_prepare(db, sql_reviews)) == NULL)
		return -1;
	engine_bind_text(s, 1, date_format(r->start, b));
	engine_bind_text(s, 2, date_format(r->end, b));
	while ((rc = engine_step(s)) == ENGINE_ROW) {
		if (r->nreviews == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			r->reviews = xrealloc(r->reviews,
			    alloc * sizeof(*r->reviews));
		}
		v = &r->reviews[r->nreviews++];
		v->id = engine_column_int(s, 0);
		v->title = db_column_strdup(s, 1);
		v->outcome = db_column_strdup(s, 3);
		if (date_parse(column(s, 2), &v->reviewed_on) == -1)
			v->reviewed_on = r->start;
	}
	if (rc != ENGINE_DONE) {
		err_db(db, "report: cannot read the reviews");
		engine_finalize(s);
		return -1;
	}
	engine_finalize(s);
	return 0;
}

/* For qsort: the decisions array being sorted, indices into it. */
static const struct report_decision *sorting;

static int
urgency_cmp(const void *pa, const void *pb)
{
	const struct report_decision	*a = &sorting[*(const size_t *)pa];
	const struct report_decision	*b = &sorting[*(const size_t *)pb];

	if (a->deadline_on != b->deadline_on)
		return a->deadline_on < b->deadline_on ? -1 : 1;
	if (a->next_review_on != b->next_review_on)
		return a->next_review_on < b->next_review_on ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int
timeline_cmp(const void *pa, const void *pb)
{
	const struct report_decision	*a = &sorting[*(const size_t *)pa];
	const struct report_decision	*b = &sorting[*(const size_t *)pb];
	enum report_list		 fa = report_first(a);
	enum report_list		 fb = report_first(b);

	if (fa != fb)
		return fa < fb ? -1 : 1;
	return urgency_cmp(pa, pb);
}

static void
make_lists(struct report *r)
{
	size_t	i, l;

	sorting = r->decisions;
	for (l = 0; l < REPORT_LISTS; l++) {
		r->list[l] = xcalloc(r->ndecisions + 1, sizeof(size_t));
		for (i = 0; i < r->ndecisions; i++)
			if (r->decisions[i].lists & (1u << l))
				r->list[l][r->nlist[l]++] = i;
		qsort(r->list[l], r->nlist[l], sizeof(size_t), urgency_cmp);
	}
	r->timeline = xcalloc(r->ndecisions + 1, sizeof(size_t));
	for (i = 0; i < r->ndecisions; i++)
		r->timeline[i] = i;
	qsort(r->timeline, r->ndecisions, sizeof(size_t), timeline_cmp);
	sorting = NULL;
}

int
report_build(struct db *db, int year, int quarter, int32_t today,
    struct report *r)
{
	int	rc = -1;

	memset(r, 0, sizeof(*r));
	r->year = year;
	r->quarter = quarter;
	r->start = date_from_ymd(year, (quarter - 1) * 3 + 1, 1);
	r->end = date_add_months(r->start, 3) - 1;
	if (year == 9999 && quarter == 4)
		r->end = DATE_MAX;
	r->as_of = today < r->end ? today : r->end;
	/* Every query sees the same register when the caller reads in one
	 * transaction, as 'mvb report' does (cmd_run()). */
	if (load_decisions(db, r) == 0 && load_reviews(db, r) == 0) {
		totals(r);
		make_lists(r);
		rc = 0;
	}
	return rc;
}

void
report_release(struct report *r)
{
	size_t	i;
	int	l;

	for (i = 0; i < r->ndecisions; i++) {
		free(r->decisions[i].title);
		free(r->decisions[i].owner);
		free(r->decisions[i].choice);
		free(r->decisions[i].status);
		for (l = 0; l < REPORT_LISTS; l++)
			free(r->decisions[i].why[l]);
	}
	free(r->decisions);
	for (l = 0; l < REPORT_LISTS; l++)
		free(r->list[l]);
	free(r->timeline);
	for (i = 0; i < r->nreviews; i++) {
		free(r->reviews[i].title);
		free(r->reviews[i].outcome);
	}
	free(r->reviews);
	free(r->spend);
	free(r->totals);
	memset(r, 0, sizeof(*r));
}
