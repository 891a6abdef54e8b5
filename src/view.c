/*
 * The decisions table as finance and programs see it: the columns of the
 * decisions catalogue (catalog.c), with the flags evaluated.
 */
#include "catalog.h"
#include "view.h"

void
view_decision_row(struct out *o, const struct decision *d,
    const struct flags *f)
{
	struct strbuf	flags;

	sb_init(&flags);
	flags_format(f->bits, &flags);
	catalog_out_row(o, XT_DECISIONS, d, flags.buf);
	sb_release(&flags);
}
