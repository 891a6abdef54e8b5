/*
 * mvb show: the whole record of one decision, as text for a person, one
 * JSON object (mvb(1) OUTPUT) or a MADR document.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cmd.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "flags.h"
#include "money.h"
#include "option.h"
#include "out.h"
#include "record.h"
#include "text.h"
#include "view.h"

/* A JSON value: a string, or null for NULL. */
static void
json_opt(struct strbuf *sb, const char *s)
{
	if (s == NULL)
		sb_adds(sb, "null");
	else
		json_add_string(sb, s);
}

/*
 * The table view is written a line at a time through pg_line(): line feeds and
 * tabs inside a value become spaces, so that no value breaks the layout, and on
 * a terminal each line is cut to its width with "…" (mvb(1) OUTPUT).
 */
struct page {
	size_t		width;	/* columns of the terminal, or SIZE_MAX */
	int		colour;	/* whether flags are coloured */
	struct strbuf	sb;
};

static void
pg_init(struct page *pg)
{
	pg->width = out_width(stdout);
	if (pg->width == 0)
		pg->width = SIZE_MAX;
	pg->colour = out_colour(stdout);
	sb_init(&pg->sb);
}

/* Print one line of the table view. */
static void MVB_PRINTF(2, 3)
pg_line(struct page *pg, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	sb_reset(&pg->sb);
	va_start(ap, fmt);
	sb_vaddf(&pg->sb, fmt, ap);
	va_end(ap);
	while (pg->sb.len > 0 && pg->sb.buf[pg->sb.len - 1] == ' ')
		pg->sb.buf[--pg->sb.len] = '\0';
	s = text_fit(pg->sb.buf, pg->width);
	puts(s);
	free(s);
}

/* A field of the record: its name, then its value. */
static void
pg_field(struct page *pg, const char *key, const char *value)
{
	pg_line(pg, "%-20s %s", key, value != NULL ? value : "");
}

/* A text of several paragraphs (a rationale), each line indented. */
static void
pg_block(struct page *pg, const char *text)
{
	const char	*end;

	for (;;) {
		end = strchr(text, '\n');
		pg_line(pg, "  %.*s", end != NULL ? (int)(end - text) :
		    (int)strlen(text), text);
		if (end == NULL)
			break;
		text = end + 1;
	}
}

/* The flags field, each flag in its colour on a terminal. */
static void
pg_flags(struct page *pg, const char *flags)
{
	struct strbuf	 sb;
	char		*shown;
	size_t		 key = 21;

	if (!pg->colour || flags[0] == '\0' || pg->width <= key) {
		pg_field(pg, "flags", flags[0] != '\0' ? flags : "none");
		return;
	}
	shown = text_fit(flags, pg->width - key);
	sb_init(&sb);
	sb_addf(&sb, "%-20s ", "flags");
	out_add_flags(&sb, shown, flags);
	puts(sb.buf);
	sb_release(&sb);
	free(shown);
}

/* The options section of the table view. */
static void
pg_options(struct page *pg, const struct record *r)
{
	const struct record_option	*o;
	char				 b[NUM_BUFSZ];
	size_t				 i;

	if (r->noptions > 0) {
		pg_line(pg, "%s", "");
		pg_line(pg, "options considered (24-month TCO)");
	}
	for (i = 0; i < r->noptions; i++) {
		o = &r->options[i];
		pg_line(pg, "  %d. %s (%s): %s %s", o->number, o->name,
		    o->choice, fixed2_format(cost_tco_24m(&o->cost), b),
		    o->currency);
	}
}

/* A section's heading, after a blank line, when it has rows. */
static void
pg_heading(struct page *pg, size_t rows, const char *heading)
{
	if (rows > 0) {
		pg_line(pg, "%s", "");
		pg_line(pg, "%s", heading);
	}
}

/* The evidence sections of the table view. */
static void
pg_evidence(struct page *pg, const struct record *r)
{
	const struct record_assumption	*a;
	const struct record_metric	*m;
	struct strbuf			 sb;
	size_t				 i, j;

	pg_heading(pg, r->nassumptions, "assumptions");
	sb_init(&sb);
	for (i = 0; i < r->nassumptions; i++) {
		a = &r->assumptions[i];
		sb_reset(&sb);
		sb_addf(&sb, "  %d. %s [%s", a->number, a->text, a->status);
		if (a->invalidated_on != NULL)
			sb_addf(&sb, " on %s", a->invalidated_on);
		if (a->confirmed_on != NULL)
			sb_addf(&sb, ", confirmed %s", a->confirmed_on);
		sb_addc(&sb, ']');
		if (a->note != NULL)
			sb_addf(&sb, " %s", a->note);
		pg_line(pg, "%s", sb.buf);
	}
	sb_release(&sb);
	pg_heading(pg, r->nmetrics, "metrics");
	for (i = 0; i < r->nmetrics; i++) {
		m = &r->metrics[i];
		pg_line(pg, "  %s %s %s%s%s by %s", m->name, m->op, m->target,
		    m->unit != NULL ? " " : "", m->unit != NULL ? m->unit : "",
		    m->target_on);
		for (j = 0; j < m->nmeasurements; j++)
			pg_line(pg, "    %s  %s",
			    m->measurements[j].measured_on,
			    m->measurements[j].value);
	}
	pg_heading(pg, r->nsunset, "sunset criteria");
	for (i = 0; i < r->nsunset; i++)
		pg_line(pg, "  %d. %s", r->sunset[i].number,
		    r->sunset[i].expression);
}

/* A JSON member holding a string or null: ,"key":"value" */
static void
json_member(struct strbuf *sb, const char *key, const char *s)
{
	sb_addf(sb, ",\"%s\":", key);
	json_opt(sb, s);
}

/* The evidence arrays, appended to sb. Metric targets and measured values
 * are decimal text, written as JSON numbers. */
static void
json_evidence(struct strbuf *sb, const struct record *r)
{
	const struct record_assumption	*a;
	const struct record_metric	*m;
	size_t				 i, j;

	sb_adds(sb, ",\"assumptions\":[");
	for (i = 0; i < r->nassumptions; i++) {
		a = &r->assumptions[i];
		sb_addf(sb, "%s{\"number\":%d", i ? "," : "", a->number);
		json_member(sb, "text", a->text);
		json_member(sb, "status", a->status);
		json_member(sb, "invalidated_on", a->invalidated_on);
		json_member(sb, "confirmed_on", a->confirmed_on);
		json_member(sb, "note", a->note);
		sb_addc(sb, '}');
	}
	sb_adds(sb, "],\"metrics\":[");
	for (i = 0; i < r->nmetrics; i++) {
		m = &r->metrics[i];
		sb_adds(sb, i ? ",{\"name\":" : "{\"name\":");
		json_add_string(sb, m->name);
		json_member(sb, "op", m->op);
		sb_addf(sb, ",\"target\":%s", m->target);
		json_member(sb, "unit", m->unit);
		json_member(sb, "target_on", m->target_on);
		sb_adds(sb, ",\"measurements\":[");
		for (j = 0; j < m->nmeasurements; j++) {
			sb_adds(sb, j ? ",{\"measured_on\":" :
			    "{\"measured_on\":");
			json_add_string(sb, m->measurements[j].measured_on);
			sb_addf(sb, ",\"value\":%s}",
			    m->measurements[j].value);
		}
		sb_adds(sb, "]}");
	}
	sb_adds(sb, "],\"sunset\":[");
	for (i = 0; i < r->nsunset; i++) {
		sb_addf(sb, "%s{\"number\":%d", i ? "," : "",
		    r->sunset[i].number);
		json_member(sb, "expression", r->sunset[i].expression);
		sb_addc(sb, '}');
	}
	sb_addc(sb, ']');
}

/* The reviews and options arrays, appended to sb. */
static void
json_reviews_options(struct strbuf *sb, const struct record *r)
{
	const struct record_review	*rv;
	const struct record_option	*o;
	struct option			 opt;
	size_t				 i;

	memset(&opt, 0, sizeof(opt));
	sb_adds(sb, ",\"reviews\":[");
	for (i = 0; i < r->nreviews; i++) {
		rv = &r->reviews[i];
		sb_adds(sb, i ? ",{\"reviewed_on\":" : "{\"reviewed_on\":");
		json_add_string(sb, rv->reviewed_on);
		json_member(sb, "outcome", rv->outcome);
		json_member(sb, "next_review_on", rv->next_review_on);
		if (rv->replaced_by != 0)
			sb_addf(sb, ",\"replaced_by\":%lld",
			    (long long)rv->replaced_by);
		else
			sb_adds(sb, ",\"replaced_by\":null");
		json_member(sb, "notes", rv->notes);
		sb_addc(sb, '}');
	}
	sb_adds(sb, "],\"options\":[");
	for (i = 0; i < r->noptions; i++) {
		o = &r->options[i];
		opt.number = o->number;
		opt.name = o->name;
		opt.choice = o->choice;
		opt.currency = o->currency;
		opt.cost = o->cost;
		sb_adds(sb, i ? ",{" : "{");
		catalog_json(sb, XT_OPTIONS, &opt, NULL, COL_PARENT);
		sb_addc(sb, '}');
	}
	sb_addc(sb, ']');
}

static void
print_json(const struct record *r)
{
	const struct decision	*d = &r->d;
	struct strbuf		 sb, flags;
	int			 g;

	sb_init(&sb);
	sb_init(&flags);
	flags_format(r->f.bits, &flags);
	sb_addc(&sb, '{');
	catalog_json(&sb, XT_DECISIONS, d, flags.buf, COL_GATE);
	sb_adds(&sb, ",\"gate\":{");
	for (g = 0; g < GATE_COUNT; g++) {
		sb_addf(&sb, "%s\"%s\":", g ? "," : "", gate_names[g]);
		json_opt(&sb, d->gate[g]);
	}
	sb_addc(&sb, '}');
	json_evidence(&sb, r);
	json_reviews_options(&sb, r);
	sb_adds(&sb, "}\n");
	fputs(sb.buf, stdout);
	sb_release(&sb);
	sb_release(&flags);
}

static void
print_table(const struct record *r)
{
	const struct decision		*d = &r->d;
	const struct record_review	*rv;
	struct page			 pg;
	struct strbuf			 flags, sb;
	char				 b[NUM_BUFSZ], key[40];
	size_t				 i;
	int				 g;

	pg_init(&pg);
	sb_init(&flags);
	sb_init(&sb);
	flags_format(r->f.bits, &flags);
	pg_line(&pg, "decision %lld: %s", (long long)d->id, d->title);
	pg_line(&pg, "%s", "");
	pg_field(&pg, "capability", d->capability);
	pg_field(&pg, "choice", d->choice);
	pg_field(&pg, "vendor", d->vendor);
	pg_field(&pg, "owner", d->owner);
	pg_field(&pg, "cost center", d->cost_center);
	pg_field(&pg, "status", d->status);
	pg_field(&pg, "decided on", date_format(d->decided_on, b));
	pg_field(&pg, "next review on", date_format(d->next_review_on, b));
	pg_field(&pg, "review deadline", date_format(d->deadline_on, b));
	pg_flags(&pg, flags.buf);
	if (r->f.reason != NULL)
		pg_field(&pg, "reason", r->f.reason);
	for (g = 0; g < GATE_COUNT; g++) {
		snprintf(key, sizeof(key), "gate %s", gate_names[g]);
		pg_field(&pg, key, d->gate[g] != NULL ? d->gate[g] :
		    "unanswered");
	}
	pg_line(&pg, "%s", "");
	pg_line(&pg, "costs (%s)", d->currency);
	pg_field(&pg, "  one-time", fixed2_format(d->cost.one_time, b));
	pg_field(&pg, "  monthly", fixed2_format(d->cost.monthly, b));
	pg_field(&pg, "  annual increase %", fixed2_format(d->cost.increase,
	    b));
	pg_field(&pg, "  ops FTE", fixed2_format(d->cost.ops_fte, b));
	pg_field(&pg, "  FTE annual cost", fixed2_format(d->cost.fte_cost, b));
	pg_field(&pg, "  lock-in cost", fixed2_format(d->cost.lockin_cost, b));
	pg_field(&pg, "  lock-in prob.", fixed2_format(d->cost.lockin_prob, b));
	pg_field(&pg, "  annual run rate",
	    fixed2_format(cost_annual_run_rate(&d->cost), b));
	pg_field(&pg, "  24-month TCO", fixed2_format(cost_tco_24m(&d->cost),
	    b));
	if (d->rationale != NULL) {
		pg_line(&pg, "%s", "");
		pg_line(&pg, "rationale");
		pg_block(&pg, d->rationale);
	}
	pg_evidence(&pg, r);
	pg_options(&pg, r);
	pg_heading(&pg, r->nreviews, "reviews");
	for (i = 0; i < r->nreviews; i++) {
		rv = &r->reviews[i];
		sb_reset(&sb);
		sb_addf(&sb, "  %s  %-7s next %s", rv->reviewed_on,
		    rv->outcome, rv->next_review_on != NULL ?
		    rv->next_review_on : "-");
		if (rv->replaced_by != 0)
			sb_addf(&sb, "  by %lld", (long long)rv->replaced_by);
		if (rv->notes != NULL)
			sb_addf(&sb, "  %s", rv->notes);
		pg_line(&pg, "%s", sb.buf);
	}
	sb_release(&sb);
	sb_release(&flags);
	sb_release(&pg.sb);
}

/* MADR status names for ours. */
static const char *
madr_status(const char *status)
{
	if (strcmp(status, "active") == 0)
		return "accepted";
	if (strcmp(status, "retired") == 0)
		return "deprecated";
	return status;
}

/* Print a one-line Markdown text: line feeds and tabs become spaces. */
static void
md_flat(const char *fmt, const char *s)
{
	char	*flat = text_fit(s, SIZE_MAX);

	printf(fmt, flat);
	free(flat);
}

/*
 * The review that ended a superseded or retired decision: its latest review
 * with the outcome replace or retire, as the status says. NULL for an open
 * decision, and for a status that add, edit or import set.
 */
static const struct record_review *
md_ending(const struct record *r)
{
	const char	*outcome;
	size_t		 i;

	if (strcmp(r->d.status, "superseded") == 0)
		outcome = "replace";
	else if (strcmp(r->d.status, "retired") == 0)
		outcome = "retire";
	else
		return NULL;
	for (i = r->nreviews; i > 0; i--)
		if (strcmp(r->reviews[i - 1].outcome, outcome) == 0)
			return &r->reviews[i - 1];
	return NULL;
}

/* The MADR front matter: text values as YAML double-quoted scalars (JSON
 * strings are), so that no owner can break or change it; the status and
 * date are our own words and digits, plain scalars. */
static void
md_front_matter(const struct record *r)
{
	const struct decision	*d = &r->d;
	const struct record_review	*end = md_ending(r);
	struct strbuf		 sb;
	char			 b[NUM_BUFSZ];

	sb_init(&sb);
	json_add_string(&sb, d->owner != NULL ? d->owner : "");
	printf("---\nstatus: ");
	if (end != NULL && end->replaced_by != 0)
		printf("superseded by %lld", (long long)end->replaced_by);
	else
		printf("%s", madr_status(d->status));
	printf("\ndate: %s\ndecision-makers: %s\n---\n\n",
	    date_format(d->decided_on, b), sb.buf);
	sb_release(&sb);
}

/* When to re-evaluate an open decision; when and by what review a closed
 * one ended. */
static void
md_window(const struct record *r)
{
	const struct decision	*d = &r->d;
	const struct record_review	*end = md_ending(r);
	char			 b[NUM_BUFSZ];

	if (strcmp(d->status, "superseded") == 0 && end != NULL)
		printf("Superseded by decision %lld in the review of %s.\n",
		    (long long)end->replaced_by, end->reviewed_on);
	else if (strcmp(d->status, "retired") == 0 && end != NULL)
		printf("Retired in the review of %s.\n", end->reviewed_on);
	else if (strcmp(d->status, "superseded") == 0)
		printf("Superseded; no review records when.\n");
	else if (strcmp(d->status, "retired") == 0)
		printf("Retired; no review records when.\n");
	else {
		printf("Re-evaluate from %s, ", date_format(d->next_review_on,
		    b));
		printf("no later than %s.\n", date_format(d->deadline_on, b));
	}
	if (end != NULL && end->notes != NULL)
		md_flat("Notes: %s\n", end->notes);
	putchar('\n');
}

/* The assumptions (under Context) and options (Considered Options). */
static void
md_lists(const struct record *r)
{
	const struct decision		*d = &r->d;
	const struct record_option	*o;
	char				 b[NUM_BUFSZ];
	size_t				 i;

	if (r->nassumptions > 0)
		printf("Assumptions:\n\n");
	for (i = 0; i < r->nassumptions; i++) {
		md_flat("* %s", r->assumptions[i].text);
		if (r->assumptions[i].invalidated_on != NULL)
			printf(" (invalidated %s)",
			    r->assumptions[i].invalidated_on);
		putchar('\n');
	}
	if (r->nassumptions > 0)
		putchar('\n');
	printf("## Considered Options\n\n");
	md_flat("* %s", d->title);
	printf(" (%s", d->choice);
	if (d->vendor != NULL)
		md_flat(", %s", d->vendor);
	printf("): 24-month TCO %s %s\n", fixed2_format(cost_tco_24m(&d->cost),
	    b), d->currency);
	for (i = 0; i < r->noptions; i++) {
		o = &r->options[i];
		md_flat("* %s", o->name);
		printf(" (%s): 24-month TCO %s %s\n", o->choice,
		    fixed2_format(cost_tco_24m(&o->cost), b), o->currency);
	}
	putchar('\n');
}

/* The Confirmation section: the review window (or the review that ended
 * the decision), the success metrics, the sunset criteria and the reviews
 * so far. */
static void
md_confirmation(const struct record *r)
{
	const struct record_metric	*m;
	size_t				 i;

	printf("### Confirmation\n\n");
	md_window(r);
	for (i = 0; i < r->nmetrics; i++) {
		m = &r->metrics[i];
		printf("* Metric: %s %s %s", m->name, m->op, m->target);
		if (m->unit != NULL)
			md_flat(" %s", m->unit);
		printf(" by %s\n", m->target_on);
	}
	for (i = 0; i < r->nsunset; i++)
		printf("* Sunset when: %s\n", r->sunset[i].expression);
	for (i = 0; i < r->nreviews; i++)
		printf("* Reviewed %s: %s\n", r->reviews[i].reviewed_on,
		    r->reviews[i].outcome);
}

static void
print_md(const struct record *r)
{
	const struct decision	*d = &r->d;
	char			 b[NUM_BUFSZ];
	int			 g;

	md_front_matter(r);
	md_flat("# %s\n\n", d->title);
	printf("## Context and Problem Statement\n\n");
	md_flat("How should we provide the capability \"%s\"?\n\n",
	    d->capability);
	md_lists(r);
	printf("## Decision Outcome\n\n");
	md_flat("Chosen option: \"%s\", ", d->title);
	printf("%s.\n\n", d->choice);
	if (d->rationale != NULL)
		printf("%s\n\n", d->rationale);
	printf("### Consequences\n\n");
	printf("* 24-month TCO: %s %s\n", fixed2_format(cost_tco_24m(
	    &d->cost), b), d->currency);
	printf("* Annual run rate: %s %s\n", fixed2_format(
	    cost_annual_run_rate(&d->cost), b), d->currency);
	for (g = 0; g < GATE_COUNT; g++)
		printf("* Gate %s: %s\n", gate_names[g],
		    d->gate[g] != NULL ? d->gate[g] : "unanswered");
	putchar('\n');
	md_confirmation(r);
}

static int
cmd_show_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	return decision_parse_id(a->pos[0], a->state);
}

static int
cmd_show_exec(struct ctx *ctx, struct args *a)
{
	int64_t		id = *(int64_t *)a->state;
	struct record	r;
	int		rc = -1;

	memset(&r, 0, sizeof(r));
	if (record_load(ctx->db, id, ctx->today, &ctx->settings, &r) == -1)
		goto out;
	if (ctx->format == FMT_JSON)
		print_json(&r);
	else if (ctx->format == FMT_MD)
		print_md(&r);
	else
		print_table(&r);
	rc = 0;
out:
	record_release(&r);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.summary = "show the whole record of a decision",
	.usage = "mvb show ID",
	.group = CMD_GROUP_ATTENTION,
	.examples = "  mvb show 7\n"
	    "  mvb show 7 --format md > docs/adr/0007-managed-postgres.md",
	.args = { 1, 1 },
	.formats = FMT_BIT(FMT_TABLE) | FMT_BIT(FMT_JSON) | FMT_BIT(FMT_MD),
	.default_format = FMT_TABLE,
	.needs = CMD_READ,
	.state_size = sizeof(int64_t),
	.check = cmd_show_check,
	.exec = cmd_show_exec
};
