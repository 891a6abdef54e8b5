/*
 * How decisions are written out: the columns of `export --what decisions`
 * (cli.md §8), which 'list' shares, with the derived ones computed as of a
 * given day.
 */
#ifndef MVB_VIEW_H
#define MVB_VIEW_H

#include "decision.h"
#include "flags.h"
#include "out.h"

/* The 27 columns, in order. */
extern const char *const view_decision_cols[];
extern const int view_decision_ncols;

/* Write d as one row of view_decision_cols, with flags f already
 * evaluated. */
void view_decision_row(struct out *o, const struct decision *d,
    const struct flags *f);

#endif
