/*
 * Writing rows of named columns as a terminal table, RFC 4180 CSV (mvb(1) CSV,
 * with the formula-injection guard) or a JSON array of objects (mvb(1) OUTPUT).
 * CSV and JSON stream row by row; a table's rows are kept until out_finish()
 * so that its columns can be aligned and fitted to the terminal, in memory
 * up to a bound and past it in a temporary file (mvb(1) OUTPUT).
 */
#ifndef MVB_OUT_H
#define MVB_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "util.h"

enum fmt {
	FMT_TABLE,
	FMT_CSV,
	FMT_JSON,
	FMT_MD,
	FMT_HTML,
	FMT_ICS,
	FMT_COUNT
};

extern const char *const fmt_names[FMT_COUNT];
#define FMT_BIT(f) (1u << (f))

struct out;

/*
 * Start output in fmt to fp with ncols columns named cols (kept by
 * reference). The flags_col-th column (or -1) holds flag names, coloured
 * on a terminal. Returns the writer; free it with out_finish().
 */
struct out *out_new(enum fmt fmt, FILE *fp, const char *const *cols,
    int ncols, int flags_col);

/*
 * How a table column makes way on a terminal too narrow for every column
 * whole (mvb(1) OUTPUT). A command declares one for each column with
 * out_layout(); without it, a column whose cells are at most 12 columns wide
 * and the flags column are kept whole, the others may be cut to 8.
 */
struct out_col {
	size_t		 min;	/* columns a cut column keeps; 0: 8 */
	int		 drop;	/* 0: always shown; else may be left out,
				 * the highest first */
	unsigned	 flags;	/* OUT_WHOLE, OUT_BELOW */
};
#define OUT_WHOLE	0x1	/* never cut: ids, dates, flags */
#define OUT_BELOW	0x2	/* may move to an indented line under its row */

/*
 * Declare how o's columns make way (one per column, kept by reference);
 * only a table on a terminal uses it.
 */
void out_layout(struct out *o, const struct out_col *layout);

/*
 * Keep at most about bytes of a table's rows in memory (default 1 MiB);
 * later rows go to a temporary file. For tests.
 */
void out_hold(struct out *o, size_t bytes);

/* The next cell of the current row. NULL text is an empty optional value
 * (empty in CSV and tables, null in JSON). */
void out_text(struct out *o, const char *s);
/* A numeric cell: s is printed as it is (a JSON number); NULL is empty. */
void out_num(struct out *o, const char *s);
void out_int(struct out *o, int64_t n);
/* A cell of hundredths with two decimals (money, percent, FTE). */
void out_fixed2(struct out *o, int64_t hundredths);
/* End the current row. */
void out_end_row(struct out *o);

/*
 * Write what is held, release o, and check that the output was written.
 * Returns 0, or -1 (recorded) when writing (or the temporary file) failed.
 */
int out_finish(struct out *o);

/* Escape s as a JSON string, quotes included, onto sb. */
void json_add_string(struct strbuf *sb, const char *s);
/* Append a CSV field: guarded against formula injection when text. */
void out_add_csv_field(struct strbuf *sb, const char *s, int text);

/*
 * Append shown, a flags cell as displayed (all of full, or a prefix of it cut
 * with "…"), to sb with each flag in its colour (mvb(1) OUTPUT): overdue and
 * sunset red; due, missed and assumption yellow; upcoming plain.
 */
void out_add_flags(struct strbuf *sb, const char *shown, const char *full);

/* Whether fp is a terminal that gets colour (NO_COLOR unset or empty). */
int out_colour(FILE *fp);
/* The columns a table on fp may use, or 0 for no limit (not a terminal). */
size_t out_width(FILE *fp);

#endif
