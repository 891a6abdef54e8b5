/*
 * The decisions table as finance and programs see it: the finance view
 * first, then rationale and the four gate answers.
 */
#include "date.h"
#include "money.h"
#include "view.h"

const char *const view_decision_cols[] = {
	"id", "title", "capability", "choice", "vendor", "owner",
	"cost_center", "status", "decided_on", "next_review_on",
	"review_deadline", "currency", "one_time_cost", "monthly_cost",
	"annual_increase_pct", "ops_fte", "fte_annual_cost", "lockin_cost",
	"lockin_probability", "annual_run_rate", "tco_24m", "flags",
	"rationale", "gate_differentiation", "gate_maintenance",
	"gate_no_alternative", "gate_opportunity"
};

const int view_decision_ncols = (int)ARRAY_SIZE(view_decision_cols);

void
view_decision_row(struct out *o, const struct decision *d,
    const struct flags *f)
{
	struct strbuf	 flags;
	char		 buf[DATE_BUFSZ];
	int		 g;

	out_int(o, d->id);
	out_text(o, d->title);
	out_text(o, d->capability);
	out_text(o, d->choice);
	out_text(o, d->vendor);
	out_text(o, d->owner);
	out_text(o, d->cost_center);
	out_text(o, d->status);
	out_text(o, date_format(d->decided_on, buf));
	out_text(o, date_format(d->next_review_on, buf));
	out_text(o, date_format(d->deadline_on, buf));
	out_text(o, d->currency);
	out_fixed2(o, d->cost.one_time);
	out_fixed2(o, d->cost.monthly);
	out_fixed2(o, d->cost.increase);
	out_fixed2(o, d->cost.ops_fte);
	out_fixed2(o, d->cost.fte_cost);
	out_fixed2(o, d->cost.lockin_cost);
	out_fixed2(o, d->cost.lockin_prob);
	out_fixed2(o, cost_annual_run_rate(&d->cost));
	out_fixed2(o, cost_tco_24m(&d->cost));
	sb_init(&flags);
	flags_format(f->bits, &flags);
	out_text(o, flags.buf);
	sb_release(&flags);
	out_text(o, d->rationale);
	for (g = 0; g < GATE_COUNT; g++)
		out_text(o, d->gate[g]);
}
