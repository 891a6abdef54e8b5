/*
 * mvb compare: a decision's chosen figures and its options side by side,
 * each line of the 24-month TCO, the verdict and the payback of switching
 * (mvb(1) COST MODEL).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "compare.h"
#include "decision.h"
#include "err.h"
#include "money.h"
#include "out.h"
#include "record.h"
#include "text.h"

/* The rows of the table, in the order printed: what was recorded, then
 * the lines of tco_24m, then the run rate. */
enum {
	ROW_CHOICE, ROW_CURRENCY, ROW_MONTHLY, ROW_INCREASE, ROW_OPS_FTE,
	ROW_FTE_COST, ROW_LOCKIN_COST, ROW_LOCKIN_PROB, ROW_GAP1,
	ROW_ONE_TIME, ROW_YEAR1, ROW_YEAR2, ROW_OPERATIONS, ROW_LOCKIN,
	ROW_TCO, ROW_GAP2, ROW_RUN_RATE, ROW_COUNT
};

static const char *const row_labels[ROW_COUNT] = {
	"choice", "currency", "monthly", "increase % a year", "ops FTE",
	"FTE cost a year", "lock-in cost", "lock-in probability", "",
	"one-time", "months 1-12 (12 \xc3\x97 monthly)",
	"months 13-24 (+ increase)", "operations (2 \xc3\x97 FTE \xc3\x97 cost)",
	"expected lock-in (cost \xc3\x97 p)", "tco_24m", "",
	"annual run rate"
};

#define CELL_SZ 32

/* The text of row of e into cell (CELL_SZ bytes). */
static void
cell_text(const struct compare_entry *e, int row, char *cell)
{
	char	b[NUM_BUFSZ];
	int64_t	v;

	switch (row) {
	case ROW_CHOICE:
		snprintf(cell, CELL_SZ, "%s", e->choice);
		return;
	case ROW_CURRENCY:
		snprintf(cell, CELL_SZ, "%s", e->currency);
		return;
	case ROW_GAP1:
	case ROW_GAP2:
		cell[0] = '\0';
		return;
	case ROW_MONTHLY: v = e->cost.monthly; break;
	case ROW_INCREASE: v = e->cost.increase; break;
	case ROW_OPS_FTE: v = e->cost.ops_fte; break;
	case ROW_FTE_COST: v = e->cost.fte_cost; break;
	case ROW_LOCKIN_COST: v = e->cost.lockin_cost; break;
	case ROW_LOCKIN_PROB: v = e->cost.lockin_prob; break;
	case ROW_ONE_TIME: v = e->one_time; break;
	case ROW_YEAR1: v = e->year1; break;
	case ROW_YEAR2: v = e->year2; break;
	case ROW_OPERATIONS: v = e->operations; break;
	case ROW_LOCKIN: v = e->lockin; break;
	case ROW_TCO: v = e->tco; break;
	default: v = e->run_rate; break;
	}
	snprintf(cell, CELL_SZ, "%s", fixed2_format(v, b));
}

/* Print s cut to width (0: no limit), line feeds and tabs as spaces. */
static void
put_line(const char *s, size_t width)
{
	char	*t = text_fit(s, width > 0 ? width : SIZE_MAX);

	puts(t);
	free(t);
}

/* Pad s (display width w) with spaces to width on the right. */
static void
pad(struct strbuf *sb, const char *s, size_t w, size_t width)
{
	sb_adds(sb, s);
	for (; w < width; w++)
		sb_addc(sb, ' ');
}

/* The grid: the rows down, the entries across, in blocks that fit. */
static void
print_grid(const struct compare_entry *e, size_t n, size_t width)
{
	char		(*cells)[ROW_COUNT][CELL_SZ];
	char		 head[CELL_SZ];
	size_t		*w, lw = 0, i, first, last, used, k;
	int		 r;
	struct strbuf	 sb;

	cells = xcalloc(n, sizeof(*cells));
	w = xcalloc(n, sizeof(*w));
	for (r = 0; r < ROW_COUNT; r++)
		if (text_width(row_labels[r]) > lw)
			lw = text_width(row_labels[r]);
	for (i = 0; i < n; i++) {
		w[i] = (size_t)snprintf(head, sizeof(head), "#%lld",
		    (long long)e[i].number);
		for (r = 0; r < ROW_COUNT; r++) {
			cell_text(&e[i], r, cells[i][r]);
			if (strlen(cells[i][r]) > w[i])
				w[i] = strlen(cells[i][r]);
		}
	}
	sb_init(&sb);
	for (first = 0; first < n; first = last) {
		/* At least one entry a block, as many more as fit. */
		used = lw + 2 + w[first];
		for (last = first + 1; last < n && (width == 0 ||
		    used + 2 + w[last] <= width); last++)
			used += 2 + w[last];
		if (first > 0)
			putchar('\n');
		for (r = -1; r < ROW_COUNT; r++) {
			sb_reset(&sb);
			pad(&sb, r < 0 ? "" : row_labels[r], r < 0 ? 0 :
			    text_width(row_labels[r]), lw);
			for (k = first; k < last; k++) {
				if (r < 0)
					snprintf(head, sizeof(head), "#%lld",
					    (long long)e[k].number);
				sb_addf(&sb, "  %*s", (int)w[k], r < 0 ? head :
				    cells[k][r]);
			}
			while (sb.len > 0 && sb.buf[sb.len - 1] == ' ')
				sb.buf[--sb.len] = '\0';
			put_line(sb.buf, width);
		}
	}
	sb_release(&sb);
	free(w);
	free(cells);
}

static void
print_table(const struct compare_entry *e, size_t n, const char *verdict)
{
	size_t		 width = out_width(stdout), i;
	struct strbuf	 sb;
	char		 b[NUM_BUFSZ];

	sb_init(&sb);
	for (i = 0; i < n; i++) {
		sb_reset(&sb);
		sb_addf(&sb, "#%lld  %s%s", (long long)e[i].number, e[i].name,
		    e[i].number == 0 ? " (chosen)" : "");
		put_line(sb.buf, width);
	}
	putchar('\n');
	print_grid(e, n, width);
	putchar('\n');
	put_line(verdict, width);
	for (i = 0; i < n; i++) {
		if (e[i].payback == PAYBACK_NONE)
			continue;
		sb_reset(&sb);
		sb_addf(&sb, "switching to %s saves %s a year and pays back "
		    "in %lld months", e[i].name, fixed2_format(e[i].saving, b),
		    (long long)e[i].payback);
		put_line(sb.buf, width);
	}
	sb_release(&sb);
}

static void
print_json(const struct compare_entry *e, size_t n, enum verdict_kind kind,
    const char *verdict)
{
	struct strbuf	sb;
	char		b[NUM_BUFSZ];
	size_t		i;

	sb_init(&sb);
	sb_adds(&sb, "{\"options\":[");
	for (i = 0; i < n; i++) {
		sb_addf(&sb, "%s{\"number\":%lld,\"name\":", i ? "," : "",
		    (long long)e[i].number);
		json_add_string(&sb, e[i].name);
		sb_adds(&sb, ",\"choice\":");
		json_add_string(&sb, e[i].choice);
		sb_adds(&sb, ",\"currency\":");
		json_add_string(&sb, e[i].currency);
		sb_addf(&sb, ",\"tco_24m\":%s", fixed2_format(e[i].tco, b));
		sb_addf(&sb, ",\"annual_run_rate\":%s",
		    fixed2_format(e[i].run_rate, b));
		if (e[i].payback == PAYBACK_NONE)
			sb_adds(&sb, ",\"payback_months\":null}");
		else
			sb_addf(&sb, ",\"payback_months\":%lld}",
			    (long long)e[i].payback);
	}
	sb_addf(&sb, "],\"verdict_kind\":\"%s\",\"verdict\":",
	    verdict_kind_names[kind]);
	json_add_string(&sb, verdict);
	sb_adds(&sb, "}\n");
	fputs(sb.buf, stdout);
	sb_release(&sb);
}

static int
cmd_compare_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	return decision_parse_id(a->pos[0], a->state);
}

static int
cmd_compare_exec(struct ctx *ctx, struct args *a)
{
	struct record		 r;
	struct compare_entry	*e;
	enum verdict_kind	 kind;
	char			 verdict[VERDICT_SZ];
	size_t			 i, n;
	int			 rc = -1;

	if (record_load(ctx->db, *(int64_t *)a->state, ctx->today,
	    &ctx->settings, &r) == -1) {
		record_release(&r);
		return -1;
	}
	n = r.noptions + 1;
	e = xcalloc(n, sizeof(*e));
	e[0].number = 0;
	e[0].name = r.d.title;
	e[0].choice = r.d.choice;
	e[0].currency = r.d.currency;
	e[0].cost = r.d.cost;
	for (i = 0; i < r.noptions; i++) {
		e[i + 1].number = r.options[i].number;
		e[i + 1].name = r.options[i].name;
		e[i + 1].choice = r.options[i].choice;
		e[i + 1].currency = r.options[i].currency;
		e[i + 1].cost = r.options[i].cost;
	}
	kind = compare_run(e, n, verdict);
	if (ctx->format == FMT_JSON)
		print_json(e, n, kind, verdict);
	else
		print_table(e, n, verdict);
	if (fflush(stdout) == EOF || ferror(stdout))
		err_fail("cannot write output: %s", strerror(errno));
	else
		rc = 0;
	free(e);
	record_release(&r);
	return rc;
}

const struct cmd_entry cmd_compare_entry = {
	.name = "compare",
	.summary = "compare a decision's 24-month cost with its options",
	.usage = "mvb compare ID\n"
	"the chosen figures (#0) and every option, cheapest first: each "
	"line of the\n24-month TCO, the verdict, and the payback of "
	"switching to each option that\nruns cheaper",
	.group = CMD_GROUP_COSTS,
	.examples = "  mvb compare 7\n"
	    "  mvb compare 7 --format json",
	.args = { 1, 1 },
	.formats = FMT_BIT(FMT_TABLE) | FMT_BIT(FMT_JSON),
	.default_format = FMT_TABLE,
	.needs = CMD_READ,
	.state_size = sizeof(int64_t),
	.check = cmd_compare_check,
	.exec = cmd_compare_exec
};
