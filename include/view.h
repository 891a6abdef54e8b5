/*
 * How decisions are written out: the columns of `export --what decisions`
 * (mvb.1, EXPORT; their names are catalog_names(XT_DECISIONS)), which
 * 'list' shares, with the derived ones computed as of a given day.
 */
#ifndef MVB_VIEW_H
#define MVB_VIEW_H

#include "decision.h"
#include "flags.h"
#include "out.h"

/* Write d as one row of the decisions catalogue's columns, with flags f
 * already evaluated. */
void view_decision_row(struct out *o, const struct decision *d,
    const struct flags *f);

#endif
