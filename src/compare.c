/*
 * The 24-month comparison (mvb(1) COST MODEL, compare): each TCO line, the
 * verdict on the exact ratio of the cheapest two totals, and the payback of
 * switching, all in integers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

const char *const verdict_kind_names[] = {
	"incomparable", "decisive", "close", "cheaper"
};

static int64_t
clamp(int64_t v, int64_t max)
{
	return v < 0 ? 0 : v > max ? max : v;
}

/* n / d for n >= 0, d > 0, halves up (away from zero). */
static int64_t
div_half_up(wide_int n, wide_int d)
{
	return (int64_t)((n * 2 + d) / (d * 2));
}

void
compare_entry_compute(struct compare_entry *e)
{
	int64_t	monthly = clamp(e->cost.monthly, MONEY_MAX);
	int64_t	increase = clamp(e->cost.increase, PERCENT_MAX);
	int64_t	ops = clamp(e->cost.ops_fte, FTE_MAX);
	int64_t	fte = clamp(e->cost.fte_cost, MONEY_MAX);
	int64_t	lc = clamp(e->cost.lockin_cost, MONEY_MAX);
	int64_t	lp = clamp(e->cost.lockin_prob, PROBABILITY_MAX);

	e->one_time = clamp(e->cost.one_time, MONEY_MAX);
	e->year1 = 12 * monthly;
	/* increase is in hundredths of a percent: 1 + increase / 10000. */
	e->year2 = div_half_up((wide_int)monthly * 12 * (10000 + increase),
	    10000);
	e->operations = div_half_up((wide_int)ops * fte * 2, 100);
	e->lockin = div_half_up((wide_int)lc * lp, 100);
	e->tco = cost_tco_24m(&e->cost);
	e->run_rate = cost_annual_run_rate(&e->cost);
	e->payback = PAYBACK_NONE;
	e->saving = 0;
}

enum verdict_kind
compare_verdict(int64_t a, int64_t b, const char *an, const char *bn,
    char *buf, int64_t *r100)
{
	int64_t	r = 0;

	if (a > 0)
		r = div_half_up((wide_int)b * 100, a);
	if (r100 != NULL)
		*r100 = r;
	if (a == 0 && b == 0) {
		snprintf(buf, VERDICT_SZ, "close (within 20%%): let the "
		    "qualitative factors decide");
		return VERDICT_CLOSE;
	}
	if (a == 0) {
		snprintf(buf, VERDICT_SZ, "decisive: %s costs nothing over "
		    "24 months", an);
		return VERDICT_DECISIVE;
	}
	if ((wide_int)b >= (wide_int)a * 2) {
		/* U+00D7 MULTIPLICATION SIGN after r. */
		snprintf(buf, VERDICT_SZ, "decisive: %s costs %lld.%02lld"
		    "\xc3\x97 as much as %s over 24 months", bn,
		    (long long)(r / 100), (long long)(r % 100), an);
		return VERDICT_DECISIVE;
	}
	if ((wide_int)b * 10 <= (wide_int)a * 12) {
		snprintf(buf, VERDICT_SZ, "close (within 20%%): let the "
		    "qualitative factors decide");
		return VERDICT_CLOSE;
	}
	snprintf(buf, VERDICT_SZ, "%s is cheaper: %s costs %lld%% more over "
	    "24 months", an, bn,
	    (long long)div_half_up((wide_int)(b - a) * 100, a));
	return VERDICT_CHEAPER;
}

int64_t
compare_payback(int64_t rr_chosen, int64_t lockin_chosen, int64_t rr_option,
    int64_t one_time_option)
{
	wide_int	cost, n, d;

	if (rr_option >= rr_chosen)
		return PAYBACK_NONE;
	cost = (wide_int)clamp(lockin_chosen, MONEY_MAX) +
	    clamp(one_time_option, MONEY_MAX);
	n = cost * 12;
	d = (wide_int)rr_chosen - rr_option;
	return (int64_t)((n + d - 1) / d);
}

static int
by_total(const void *pa, const void *pb)
{
	const struct compare_entry	*a = pa, *b = pb;

	if (a->tco != b->tco)
		return a->tco < b->tco ? -1 : 1;
	return a->number < b->number ? -1 : a->number > b->number;
}

enum verdict_kind
compare_run(struct compare_entry *e, size_t n, char *buf)
{
	size_t	i;
	int	several = 0;

	for (i = 0; i < n; i++)
		compare_entry_compute(&e[i]);
	for (i = 1; i < n; i++) {
		if (strcmp(e[i].currency, e[0].currency) != 0) {
			several = 1;
			continue;
		}
		e[i].payback = compare_payback(e[0].run_rate,
		    e[0].cost.lockin_cost, e[i].run_rate, e[i].cost.one_time);
		if (e[i].payback != PAYBACK_NONE)
			e[i].saving = e[0].run_rate - e[i].run_rate;
	}
	qsort(e, n, sizeof(*e), by_total);
	if (n < 2) {
		snprintf(buf, VERDICT_SZ, "nothing to compare: no option "
		    "recorded");
		return VERDICT_INCOMPARABLE;
	}
	if (several) {
		snprintf(buf, VERDICT_SZ, "incomparable: entries in several "
		    "currencies");
		return VERDICT_INCOMPARABLE;
	}
	return compare_verdict(e[0].tco, e[1].tco, e[0].name, e[1].name, buf,
	    NULL);
}
