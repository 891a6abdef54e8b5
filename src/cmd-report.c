/*
 * mvb report: the quarterly re-evaluation report (mvb(1) REPORT) as a
 * terminal table, Markdown, JSON or one self-contained HTML page with a
 * timeline of the review windows.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "err.h"
#include "report.h"
#include "text.h"

enum {
	OPT_QUARTER = 1
};

static const struct opt report_opts[] = {
	{ "quarter", 1, OPT_QUARTER },
	{ NULL, 0, 0 }
};

/* The most bars the html timeline draws (mvb(1) REPORT). */
#define TIMELINE_BARS 60

/* What each list means, for the headings of every format. */
static const struct {
	const char	*heading;
	const char	*means;
} sections[REPORT_LISTS] = {
	{ "Overdue", "The review deadline has passed" },
	{ "Sunset", "A sunset criterion is met" },
	{ "Missed", "A success metric missed its target" },
	{ "Assumption", "An assumption was invalidated and not reviewed since" },
	{ "Due", "The re-evaluation window opens by the end of the quarter "
	    "(or opened earlier and is still open)" }
};

static const char reviewed_means[] =
    "Every review dated in the quarter, of any decision";
static const char spend_means[] =
    "Active decisions per choice and currency; totals per currency";

static const char *const list_cols[] = {
	"id", "title", "owner", "next_review_on", "deadline", "reason"
};
/*
 * On a narrow terminal (mvb(1) OUTPUT) a list leaves out the owner, the
 * deadline and then the next review date; the title keeps 20 columns, the
 * reason 30 or moves to a line of its own, as in 'due'.
 */
static const struct out_col list_layout[] = {
	{ 0, 0, OUT_WHOLE },		/* id */
	{ 20, 0, 0 },			/* title */
	{ 0, 3, 0 },			/* owner */
	{ 0, 1, OUT_WHOLE },		/* next_review_on */
	{ 0, 2, OUT_WHOLE },		/* deadline */
	{ 30, 0, OUT_BELOW }		/* reason */
};
static const char *const review_cols[] = {
	"id", "title", "reviewed_on", "outcome"
};
static const char *const spend_cols[] = {
	"choice", "currency", "decisions", "monthly", "one_time",
	"annual_run_rate", "tco_24m", "ops_fte"
};

struct report_opts {
	int	year;
	int	quarter;
	int	given;
};

static int
cmd_report_check(struct ctx *ctx, struct args *a)
{
	struct report_opts	*ro = a->state;
	int			 i;

	(void)ctx;
	/* Every --quarter is checked; the last one counts. */
	for (i = 0; i < a->nopts; i++) {
		if (report_quarter_parse(a->opts[i].value, &ro->year,
		    &ro->quarter) == -1)
			return err_usage("--quarter: invalid quarter '%s' "
			    "(YYYYQn or YYYY-Qn: a year 1900 to 9999, n 1 to "
			    "4)", err_quote(a->opts[i].value));
		ro->given = 1;
	}
	return 0;
}

static const char *
fmt_date(int32_t day, char *buf)
{
	return date_format(day, buf);
}

static const char *
money(wide_int v, char *buf)
{
	return fixed2_format_wide(v, buf);
}

/* The spend cell's choice, or "total". */
static const char *
spend_choice(const struct report_spend *c)
{
	return c->choice != NULL ? c->choice : "total";
}

/* table */

static int
print_table(const struct report *r)
{
	char		 a[DATE_BUFSZ], b[DATE_BUFSZ], c[DATE_BUFSZ];
	char		 n[NUM_BUFSZ];
	struct out	*o;
	size_t		 i, k;
	int		 l, rc = 0;

	printf("Quarterly re-evaluation report %dQ%d (%s to %s), as of %s\n",
	    r->year, r->quarter, fmt_date(r->start, a), fmt_date(r->end, b),
	    fmt_date(r->as_of, c));
	for (l = 0; l < REPORT_LISTS; l++) {
		printf("\n%s (%zu): %s\n", sections[l].heading, r->nlist[l],
		    sections[l].means);
		o = out_new(FMT_TABLE, stdout, list_cols,
		    (int)ARRAY_SIZE(list_cols), -1);
		out_layout(o, list_layout);
		for (k = 0; k < r->nlist[l]; k++) {
			const struct report_decision *d =
			    &r->decisions[r->list[l][k]];

			out_int(o, d->id);
			out_text(o, d->title);
			out_text(o, d->owner);
			out_text(o, fmt_date(d->next_review_on, a));
			out_text(o, fmt_date(d->deadline_on, b));
			out_text(o, d->why[l]);
			out_end_row(o);
		}
		if (out_finish(o) == -1)
			rc = -1;
	}
	printf("\nReviewed (%zu): %s\n", r->nreviews, reviewed_means);
	o = out_new(FMT_TABLE, stdout, review_cols,
	    (int)ARRAY_SIZE(review_cols), -1);
	for (i = 0; i < r->nreviews; i++) {
		out_int(o, r->reviews[i].id);
		out_text(o, r->reviews[i].title);
		out_text(o, fmt_date(r->reviews[i].reviewed_on, a));
		out_text(o, r->reviews[i].outcome);
		out_end_row(o);
	}
	if (out_finish(o) == -1)
		rc = -1;
	printf("\nSpend (%zu): %s\n", r->nspend, spend_means);
	o = out_new(FMT_TABLE, stdout, spend_cols,
	    (int)ARRAY_SIZE(spend_cols), -1);
	for (i = 0; i < r->nspend + r->ntotals; i++) {
		const struct report_spend *s = i < r->nspend ? &r->spend[i] :
		    &r->totals[i - r->nspend];

		out_text(o, spend_choice(s));
		out_text(o, s->currency);
		out_int(o, s->decisions);
		out_num(o, money(s->monthly, n));
		out_num(o, money(s->one_time, n));
		out_num(o, money(s->annual_run_rate, n));
		out_num(o, money(s->tco_24m, n));
		out_num(o, money(s->ops_fte, n));
		out_end_row(o);
	}
	if (out_finish(o) == -1)
		rc = -1;
	return rc;
}

/* json */

static void
json_text(struct strbuf *sb, const char *key, const char *s)
{
	sb_addf(sb, "\"%s\":", key);
	if (s == NULL)
		sb_adds(sb, "null");
	else
		json_add_string(sb, s);
}

static void
print_json(const struct report *r)
{
	static const int order[REPORT_LISTS] = {
		REPORT_DUE, REPORT_OVERDUE, REPORT_SUNSET, REPORT_MISSED,
		REPORT_ASSUMPTION
	};
	struct strbuf	 sb;
	char		 a[DATE_BUFSZ], n[NUM_BUFSZ];
	size_t		 i, k;
	int		 j, l;

	sb_init(&sb);
	sb_addf(&sb, "{\"quarter\":\"%dQ%d\",", r->year, r->quarter);
	sb_addf(&sb, "\"start\":\"%s\",", fmt_date(r->start, a));
	sb_addf(&sb, "\"end\":\"%s\",", fmt_date(r->end, a));
	sb_addf(&sb, "\"as_of\":\"%s\",\n", fmt_date(r->as_of, a));
	for (j = 0; j < REPORT_LISTS; j++) {
		l = order[j];
		sb_addf(&sb, "\"%s\":[", report_list_names[l]);
		for (k = 0; k < r->nlist[l]; k++) {
			const struct report_decision *d =
			    &r->decisions[r->list[l][k]];

			sb_addf(&sb, "%s\n{\"id\":%lld,", k ? "," : "",
			    (long long)d->id);
			json_text(&sb, "title", d->title);
			sb_addc(&sb, ',');
			json_text(&sb, "choice", d->choice);
			sb_addc(&sb, ',');
			json_text(&sb, "status", d->status);
			sb_addc(&sb, ',');
			json_text(&sb, "owner", d->owner);
			sb_addf(&sb, ",\"next_review_on\":\"%s\"",
			    fmt_date(d->next_review_on, a));
			sb_addf(&sb, ",\"deadline\":\"%s\",",
			    fmt_date(d->deadline_on, a));
			json_text(&sb, "reason", d->why[l]);
			sb_addc(&sb, '}');
			if (sb.len > 65536) {
				fputs(sb.buf, stdout);
				sb_reset(&sb);
			}
		}
		sb_adds(&sb, r->nlist[l] ? "\n],\n" : "],\n");
	}
	sb_adds(&sb, "\"reviewed\":[");
	for (i = 0; i < r->nreviews; i++) {
		sb_addf(&sb, "%s\n{\"id\":%lld,", i ? "," : "",
		    (long long)r->reviews[i].id);
		json_text(&sb, "title", r->reviews[i].title);
		sb_addf(&sb, ",\"reviewed_on\":\"%s\",",
		    fmt_date(r->reviews[i].reviewed_on, a));
		json_text(&sb, "outcome", r->reviews[i].outcome);
		sb_addc(&sb, '}');
	}
	sb_adds(&sb, r->nreviews ? "\n],\n" : "],\n");
	sb_adds(&sb, "\"spend\":[");
	for (i = 0; i < r->nspend; i++) {
		const struct report_spend *s = &r->spend[i];

		sb_addf(&sb, "%s\n{\"choice\":\"%s\",\"currency\":\"%s\","
		    "\"decisions\":%lld,", i ? "," : "", s->choice,
		    s->currency, (long long)s->decisions);
		sb_addf(&sb, "\"monthly\":%s,", money(s->monthly, n));
		sb_addf(&sb, "\"one_time\":%s,", money(s->one_time, n));
		sb_addf(&sb, "\"annual_run_rate\":%s,",
		    money(s->annual_run_rate, n));
		sb_addf(&sb, "\"tco_24m\":%s,", money(s->tco_24m, n));
		sb_addf(&sb, "\"ops_fte\":%s}", money(s->ops_fte, n));
	}
	sb_adds(&sb, r->nspend ? "\n]}\n" : "]}\n");
	fputs(sb.buf, stdout);
	sb_release(&sb);
}

/* md */

/*
 * Append s as the text of a Markdown table cell: on one line, with every
 * character that Markdown (CommonMark and GitHub's tables, strikethrough
 * and math) would act on escaped, so that any title renders as written.
 */
static void
md_add(struct strbuf *sb, const char *s)
{
	char	*flat;
	size_t	 i;

	if (s == NULL)
		return;
	flat = text_fit(s, SIZE_MAX);
	for (i = 0; flat[i] != '\0'; i++) {
		if (strchr("\\`*_[]<>|~&$", flat[i]) != NULL)
			sb_addc(sb, '\\');
		sb_addc(sb, flat[i]);
	}
	free(flat);
}

static void
md_row(struct strbuf *sb, const char *const *cells, int n)
{
	int	i;

	sb_adds(sb, "|");
	for (i = 0; i < n; i++) {
		sb_addc(sb, ' ');
		md_add(sb, cells[i]);
		sb_adds(sb, " |");
	}
	sb_addc(sb, '\n');
}

static void
md_head(struct strbuf *sb, const char *const *cols, const char *align,
    int n)
{
	int	i;

	md_row(sb, cols, n);
	sb_adds(sb, "|");
	for (i = 0; i < n; i++)
		sb_adds(sb, align[i] == 'r' ? " ---: |" : " --- |");
	sb_addc(sb, '\n');
}

static void
print_md(const struct report *r)
{
	struct strbuf	 sb;
	char		 a[DATE_BUFSZ], b[DATE_BUFSZ], c[DATE_BUFSZ];
	char		 id[32], m[6][NUM_BUFSZ], cnt[32];
	const char	*cells[8];
	size_t		 i, k;
	int		 l;

	sb_init(&sb);
	sb_addf(&sb, "# Quarterly re-evaluation report %dQ%d\n\n",
	    r->year, r->quarter);
	sb_addf(&sb, "%s to %s, as of %s.\n", fmt_date(r->start, a),
	    fmt_date(r->end, b), fmt_date(r->as_of, c));
	for (l = 0; l < REPORT_LISTS; l++) {
		sb_addf(&sb, "\n## %s (%zu)\n\n%s.\n\n", sections[l].heading,
		    r->nlist[l], sections[l].means);
		if (r->nlist[l] == 0) {
			sb_adds(&sb, "None.\n");
			continue;
		}
		md_head(&sb, list_cols, "rlllll", 6);
		for (k = 0; k < r->nlist[l]; k++) {
			const struct report_decision *d =
			    &r->decisions[r->list[l][k]];

			snprintf(id, sizeof(id), "%lld", (long long)d->id);
			cells[0] = id;
			cells[1] = d->title;
			cells[2] = d->owner;
			cells[3] = fmt_date(d->next_review_on, a);
			cells[4] = fmt_date(d->deadline_on, b);
			cells[5] = d->why[l];
			md_row(&sb, cells, 6);
		}
		if (sb.len > 65536) {
			fputs(sb.buf, stdout);
			sb_reset(&sb);
		}
	}
	sb_addf(&sb, "\n## Reviewed (%zu)\n\n%s.\n\n", r->nreviews,
	    reviewed_means);
	if (r->nreviews == 0)
		sb_adds(&sb, "None.\n");
	else
		md_head(&sb, review_cols, "rlll", 4);
	for (i = 0; i < r->nreviews; i++) {
		snprintf(id, sizeof(id), "%lld", (long long)r->reviews[i].id);
		cells[0] = id;
		cells[1] = r->reviews[i].title;
		cells[2] = fmt_date(r->reviews[i].reviewed_on, a);
		cells[3] = r->reviews[i].outcome;
		md_row(&sb, cells, 4);
	}
	sb_addf(&sb, "\n## Spend (%zu)\n\n%s.\n\n", r->nspend, spend_means);
	if (r->nspend == 0)
		sb_adds(&sb, "None.\n");
	else
		md_head(&sb, spend_cols, "llrrrrrr", 8);
	for (i = 0; i < r->nspend + r->ntotals; i++) {
		const struct report_spend *s = i < r->nspend ? &r->spend[i] :
		    &r->totals[i - r->nspend];

		snprintf(cnt, sizeof(cnt), "%lld", (long long)s->decisions);
		cells[0] = spend_choice(s);
		cells[1] = s->currency;
		cells[2] = cnt;
		cells[3] = money(s->monthly, m[0]);
		cells[4] = money(s->one_time, m[1]);
		cells[5] = money(s->annual_run_rate, m[2]);
		cells[6] = money(s->tco_24m, m[3]);
		cells[7] = money(s->ops_fte, m[4]);
		md_row(&sb, cells, 8);
	}
	fputs(sb.buf, stdout);
	sb_release(&sb);
}

/* html */

/* Append s with &, <, >, " and ' as entities. */
static void
html_add(struct strbuf *sb, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			sb_adds(sb, "&amp;");
			break;
		case '<':
			sb_adds(sb, "&lt;");
			break;
		case '>':
			sb_adds(sb, "&gt;");
			break;
		case '"':
			sb_adds(sb, "&quot;");
			break;
		case '\'':
			sb_adds(sb, "&#39;");
			break;
		default:
			sb_addc(sb, *s);
		}
	}
}

static const char html_style[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,"
    "'Helvetica Neue',Arial,sans-serif;color:#1a1a1a;margin:24px auto;"
    "max-width:1000px;padding:0 16px;font-size:14px;line-height:1.4}\n"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:0 0 4px}\n"
    "p.means{margin:0 0 8px;color:#555}\n"
    "section,figure{margin:0 0 22px}figure{margin-left:0;margin-right:0}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;"
    "vertical-align:top;overflow-wrap:anywhere}\n"
    "th{background:#f2f2f2;white-space:nowrap}td.n,th.n{text-align:right;"
    "font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "td.d{white-space:nowrap}tr.total td{font-weight:bold;"
    "border-top:2px solid #999}\n"
    "svg{width:100%;height:auto;display:block}\n"
    "svg text{font-family:inherit;font-size:11px;fill:#1a1a1a}\n"
    "svg .axis{stroke:#999;stroke-width:1}\n"
    "svg .quarter{fill:#e8f0fe}\n"
    "svg .asof{stroke:#000;stroke-width:2}\n"
    "svg .bar rect{fill:#4a78c2;stroke:#2c4f86}\n"
    "svg .bar.later rect{fill:#b8c4d6;stroke:#7b8798}\n"
    "svg .bar.overdue rect{fill:url(#hatch);stroke:#b00020;"
    "stroke-width:1.5;stroke-dasharray:4 2}\n"
    "svg .bar.sunset rect{fill:url(#dots);stroke:#a35200}\n"
    "svg .bar.sunset polygon{fill:#a35200}\n"
    "svg .bar.overdue polygon{fill:#b00020}\n"
    "svg .more{font-style:italic}\n"
    "@page{size:A4;margin:14mm}\n"
    "@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}"
    "section,figure,tr{break-inside:avoid;page-break-inside:avoid}"
    "h2{break-after:avoid;page-break-after:avoid}"
    "th{background:#f2f2f2;-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}svg{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}}\n";

/* The timeline's geometry: a label column, then the plot. */
#define TL_WIDTH 1000
#define TL_LABEL 330
#define TL_RIGHT 10
#define TL_TOP 46
#define TL_ROW 18

struct scale {
	int32_t	lo, hi;
};

static double
xpos(const struct scale *sc, int32_t day)
{
	if (day < sc->lo)
		day = sc->lo;
	if (day > sc->hi)
		day = sc->hi;
	return TL_LABEL + (double)(day - sc->lo) * (TL_WIDTH - TL_LABEL -
	    TL_RIGHT) / (double)(sc->hi - sc->lo);
}

/* The first day of the quarter that is n quarters after the one of day. */
static int32_t
quarter_start(int32_t day, int n)
{
	int	y, q, i;

	report_quarter_of(day, &y, &q);
	i = y * 4 + (q - 1) + n;
	if (i < 1900 * 4)
		i = 1900 * 4;
	if (i > 9999 * 4 + 3)
		i = 9999 * 4 + 3;
	return date_from_ymd(i / 4, (i % 4) * 3 + 1, 1);
}

static void
html_bar(struct strbuf *sb, const struct scale *sc,
    const struct report_decision *d, int row)
{
	enum report_list	 first = report_first(d);
	const char		*kind;
	char			 a[DATE_BUFSZ], b[DATE_BUFSZ], *label;
	double			 x0, x1, y = TL_TOP + row * TL_ROW;

	if (d->lists & (1u << REPORT_OVERDUE))
		kind = "overdue";
	else if (d->lists & (1u << REPORT_SUNSET))
		kind = "sunset";
	else if (first == REPORT_LISTS)
		kind = "later";
	else
		kind = "open";
	x0 = xpos(sc, d->next_review_on);
	x1 = xpos(sc, d->deadline_on + 1);
	if (x1 - x0 < 3)
		x1 = x0 + 3;
	sb_addf(sb, "<g class=\"bar %s\" data-id=\"%lld\"><title>", kind,
	    (long long)d->id);
	sb_addf(sb, "#%lld ", (long long)d->id);
	html_add(sb, d->title);
	sb_addf(sb, ": window %s to %s", fmt_date(d->next_review_on, a),
	    fmt_date(d->deadline_on, b));
	if (first != REPORT_LISTS) {
		sb_adds(sb, "; ");
		html_add(sb, d->why[first]);
	}
	sb_adds(sb, "</title>");
	label = text_fit(d->title, 42);
	sb_addf(sb, "<text class=\"label\" x=\"4\" y=\"%.1f\">#%lld ",
	    y + 12, (long long)d->id);
	html_add(sb, label);
	sb_adds(sb, "</text>");
	free(label);
	sb_addf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"%d\" rx=\"2\"/>", x0, y + 3, x1 - x0, TL_ROW - 6);
	/* The shape that marks overdue (a cross) and sunset (a diamond),
	 * besides the pattern and the colour. */
	if (strcmp(kind, "overdue") == 0)
		sb_addf(sb, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f "
		    "%.1f,%.1f\"/>", x1 + 2, y + 3, x1 + 12, y + TL_ROW - 3,
		    x1 + 12, y + 3, x1 + 2, y + TL_ROW - 3);
	else if (strcmp(kind, "sunset") == 0)
		sb_addf(sb, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f "
		    "%.1f,%.1f\"/>", x1 + 7, y + 2, x1 + 12, y + TL_ROW / 2.0,
		    x1 + 7, y + TL_ROW - 2, x1 + 2, y + TL_ROW / 2.0);
	sb_adds(sb, "</g>\n");
}

/*
 * The timeline: each open decision's window (next_review_on to deadline)
 * as a bar against the quarter (shaded) and the report's day (a line),
 * from two quarters before the earlier of the quarter and that day to two
 * after the quarter; windows outside are cut at the edges. At most
 * TIMELINE_BARS bars, the most urgent first; a line says how many more.
 */
static void
html_timeline(struct strbuf *sb, const struct report *r)
{
	struct scale	 sc;
	size_t		 i, bars = r->ndecisions;
	int32_t		 t;
	char		 a[DATE_BUFSZ];
	int		 y, q, height;

	if (bars > TIMELINE_BARS)
		bars = TIMELINE_BARS;
	sc.lo = quarter_start(r->as_of < r->start ? r->as_of : r->start, -2);
	sc.hi = quarter_start(r->end, 3) - 1;
	height = TL_TOP + (int)bars * TL_ROW + (bars < r->ndecisions ? 26 :
	    8) + 22;
	sb_addf(sb, "<figure>\n<h2>Review windows (%zu)</h2>\n<p class=\"means"
	    "\">Each bar runs from the day the window opens to the deadline; "
	    "the shaded band is the quarter, the black line the report's day. "
	    "Overdue: hatched red, dashed, with a cross; sunset: dotted "
	    "orange, with a diamond; due in the quarter or flagged: blue; "
	    "later: grey.</p>\n", r->ndecisions);
	sb_addf(sb, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\""
	    "timeline\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	    "role=\"img\" aria-label=\"review windows\">\n", TL_WIDTH, height,
	    TL_WIDTH, height);
	sb_adds(sb, "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" "
	    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	    "<rect width=\"6\" height=\"6\" fill=\"#f6c9cf\"/><line x1=\"0\" "
	    "y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b00020\" stroke-width=\"3\"/>"
	    "</pattern><pattern id=\"dots\" width=\"5\" height=\"5\" "
	    "patternUnits=\"userSpaceOnUse\"><rect width=\"5\" height=\"5\" "
	    "fill=\"#fde3c8\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.3\" "
	    "fill=\"#a35200\"/></pattern></defs>\n");
	sb_addf(sb, "<rect class=\"quarter\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
	    "height=\"%d\"/>\n", xpos(&sc, r->start), TL_TOP - 6,
	    xpos(&sc, r->end + 1) - xpos(&sc, r->start),
	    (int)bars * TL_ROW + 10);
	for (t = sc.lo; t <= sc.hi; t = quarter_start(t, 1)) {
		report_quarter_of(t, &y, &q);
		sb_addf(sb, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" "
		    "x2=\"%.1f\" y2=\"%d\"/><text x=\"%.1f\" y=\"%d\">%dQ%d"
		    "</text>\n", xpos(&sc, t), TL_TOP - 14, xpos(&sc, t),
		    TL_TOP + (int)bars * TL_ROW + 4, xpos(&sc, t) + 3,
		    TL_TOP - 16, y, q);
		if (quarter_start(t, 1) <= t)
			break;
	}
	sb_addf(sb, "<line class=\"asof\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
	    "y2=\"%d\"/><text x=\"%.1f\" y=\"%d\">as of %s</text>\n",
	    xpos(&sc, r->as_of), TL_TOP - 10, xpos(&sc, r->as_of),
	    TL_TOP + (int)bars * TL_ROW + 8, xpos(&sc, r->as_of) + 3,
	    TL_TOP + (int)bars * TL_ROW + 20, fmt_date(r->as_of, a));
	for (i = 0; i < bars; i++)
		html_bar(sb, &sc, &r->decisions[r->timeline[i]], (int)i);
	if (bars < r->ndecisions)
		sb_addf(sb, "<text class=\"more\" x=\"4\" y=\"%d\">and %zu more "
		    "live decisions not drawn (the %d most urgent are)</text>\n",
		    TL_TOP + (int)bars * TL_ROW + 20, r->ndecisions - bars,
		    TIMELINE_BARS);
	sb_adds(sb, "</svg>\n</figure>\n");
}

static void
html_section(struct strbuf *sb, const char *id, const char *heading,
    size_t n, const char *means)
{
	sb_addf(sb, "<section id=\"%s\">\n<h2>%s (%zu)</h2>\n<p class=\"means\">"
	    "%s.</p>\n", id, heading, n, means);
}

static void
html_cell(struct strbuf *sb, const char *class, const char *s)
{
	if (class != NULL)
		sb_addf(sb, "<td class=\"%s\">", class);
	else
		sb_adds(sb, "<td>");
	html_add(sb, s);
	sb_adds(sb, "</td>");
}

static void
html_head(struct strbuf *sb, const char *const *cols, const char *align,
    int n)
{
	int	i;

	sb_adds(sb, "<table>\n<thead><tr>");
	for (i = 0; i < n; i++)
		sb_addf(sb, "<th%s>%s</th>", align[i] == 'r' ?
		    " class=\"n\"" : "", cols[i]);
	sb_adds(sb, "</tr></thead>\n<tbody>\n");
}

static void
print_html(const struct report *r)
{
	struct strbuf	 sb;
	char		 a[DATE_BUFSZ], b[DATE_BUFSZ], c[DATE_BUFSZ];
	char		 n[NUM_BUFSZ];
	size_t		 i, k;
	int		 l;

	sb_init(&sb);
	sb_adds(&sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n");
	sb_addf(&sb, "<title>Quarterly re-evaluation report %dQ%d</title>\n"
	    "<style>\n%s</style>\n</head>\n<body>\n", r->year, r->quarter,
	    html_style);
	sb_addf(&sb, "<h1>Quarterly re-evaluation report %dQ%d</h1>\n"
	    "<p class=\"means\">%s to %s, as of %s.", r->year, r->quarter,
	    fmt_date(r->start, a), fmt_date(r->end, b),
	    fmt_date(r->as_of, c));
	for (l = 0; l < REPORT_LISTS; l++)
		sb_addf(&sb, "%s%s %zu", l ? ", " : " ", report_list_names[l],
		    r->nlist[l]);
	sb_addf(&sb, ", reviewed %zu.</p>\n", r->nreviews);
	html_timeline(&sb, r);
	for (l = 0; l < REPORT_LISTS; l++) {
		html_section(&sb, report_list_names[l], sections[l].heading,
		    r->nlist[l], sections[l].means);
		if (r->nlist[l] > 0)
			html_head(&sb, list_cols, "rlllll", 6);
		for (k = 0; k < r->nlist[l]; k++) {
			const struct report_decision *d =
			    &r->decisions[r->list[l][k]];

			sb_addf(&sb, "<tr><td class=\"n\">%lld</td>",
			    (long long)d->id);
			html_cell(&sb, NULL, d->title);
			html_cell(&sb, NULL, d->owner);
			html_cell(&sb, "d", fmt_date(d->next_review_on, a));
			html_cell(&sb, "d", fmt_date(d->deadline_on, a));
			html_cell(&sb, NULL, d->why[l]);
			sb_adds(&sb, "</tr>\n");
			if (sb.len > 65536) {
				fputs(sb.buf, stdout);
				sb_reset(&sb);
			}
		}
		sb_adds(&sb, r->nlist[l] > 0 ? "</tbody>\n</table>\n"
		    "</section>\n" : "<p>None.</p>\n</section>\n");
	}
	html_section(&sb, "reviewed", "Reviewed", r->nreviews, reviewed_means);
	if (r->nreviews > 0)
		html_head(&sb, review_cols, "rlll", 4);
	for (i = 0; i < r->nreviews; i++) {
		sb_addf(&sb, "<tr><td class=\"n\">%lld</td>",
		    (long long)r->reviews[i].id);
		html_cell(&sb, NULL, r->reviews[i].title);
		html_cell(&sb, "d", fmt_date(r->reviews[i].reviewed_on, a));
		html_cell(&sb, NULL, r->reviews[i].outcome);
		sb_adds(&sb, "</tr>\n");
	}
	sb_adds(&sb, r->nreviews > 0 ? "</tbody>\n</table>\n</section>\n" :
	    "<p>None.</p>\n</section>\n");
	html_section(&sb, "spend", "Spend", r->nspend, spend_means);
	if (r->nspend > 0)
		html_head(&sb, spend_cols, "llrrrrrr", 8);
	for (i = 0; i < r->nspend + r->ntotals; i++) {
		const struct report_spend *s = i < r->nspend ? &r->spend[i] :
		    &r->totals[i - r->nspend];

		sb_adds(&sb, i < r->nspend ? "<tr>" : "<tr class=\"total\">");
		html_cell(&sb, NULL, spend_choice(s));
		html_cell(&sb, NULL, s->currency);
		sb_addf(&sb, "<td class=\"n\">%lld</td>",
		    (long long)s->decisions);
		html_cell(&sb, "n", money(s->monthly, n));
		html_cell(&sb, "n", money(s->one_time, n));
		html_cell(&sb, "n", money(s->annual_run_rate, n));
		html_cell(&sb, "n", money(s->tco_24m, n));
		html_cell(&sb, "n", money(s->ops_fte, n));
		sb_adds(&sb, "</tr>\n");
	}
	sb_adds(&sb, r->nspend > 0 ? "</tbody>\n</table>\n</section>\n" :
	    "<p>None.</p>\n</section>\n");
	sb_adds(&sb, "</body>\n</html>\n");
	fputs(sb.buf, stdout);
	sb_release(&sb);
}

static int
cmd_report_exec(struct ctx *ctx, struct args *a)
{
	struct report_opts	*ro = a->state;
	struct report		 r;
	int			 rc = 0;

	if (!ro->given)
		report_quarter_of(ctx->today, &ro->year, &ro->quarter);
	if (report_build(ctx->db, ro->year, ro->quarter, ctx->today,
	    &r) == -1) {
		report_release(&r);
		return -1;
	}
	switch (ctx->format) {
	case FMT_JSON:
		print_json(&r);
		break;
	case FMT_MD:
		print_md(&r);
		break;
	case FMT_HTML:
		print_html(&r);
		break;
	default:
		rc = print_table(&r);
		break;
	}
	report_release(&r);
	if (fflush(stdout) == EOF || ferror(stdout))
		return err_fail("cannot write output: %s", strerror(errno));
	return rc;
}

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.summary = "the quarterly re-evaluation report",
	.usage = "mvb report [--quarter YYYYQn|YYYY-Qn]\n"
	"--quarter names the quarter (default the one that contains today); "
	"a past\nquarter is reported as of its last day, the current and "
	"future ones as of today",
	.group = CMD_GROUP_REVIEW,
	.examples = "  mvb report --quarter 2026Q3\n"
	    "  mvb report --format html > report.html",
	.opts = report_opts,
	.args = { 0, 0 },
	.formats = FMT_BIT(FMT_TABLE) | FMT_BIT(FMT_JSON) | FMT_BIT(FMT_MD) |
	    FMT_BIT(FMT_HTML),
	.default_format = FMT_TABLE,
	.needs = CMD_READ,
	.state_size = sizeof(struct report_opts),
	.check = cmd_report_check,
	.exec = cmd_report_exec
};
