/*
 * Writing rows of named columns as a terminal table, RFC 4180 CSV (mvb(1) CSV,
 * with the formula-injection guard) or a JSON array of objects (mvb(1) OUTPUT).
 * CSV and JSON stream row by row; a table is held until out_finish() so that
 * its columns can be aligned and fitted to the terminal (mvb(1) OUTPUT).
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
 * Returns 0, or -1 (recorded) when writing failed.
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
