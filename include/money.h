/*
 * Exact numbers: money as integer cents, two-decimal quantities (percent, FTE,
 * probability) as integer hundredths, and the cost model of mvb(1) COST MODEL
 * computed without floating point and rounded once.
 */
#ifndef MVB_MONEY_H
#define MVB_MONEY_H

#include <stdint.h>

#define MONEY_MAX INT64_C(99999999999999)	/* 999999999999.99 in cents */
#define PERCENT_MAX 100000	/* 1000.00 %, in hundredths */
#define FTE_MAX 100000		/* 1000.00 FTE, in hundredths */
#define PROBABILITY_MAX 100	/* 1.00, in hundredths */
/* Big enough for any value these functions print, sign and NUL included. */
#define NUM_BUFSZ 128

/*
 * Parse a non-negative decimal with at most two fractional digits ("1234",
 * "1234.5", "1234.50"), no sign, symbol, separator, exponent or spaces, at
 * most max_hundredths once scaled. Digits are needed on both sides of a
 * point: "0.5" and "007" are accepted, ".5", "5." and "" are not. Returns 0
 * and stores hundredths, or -1 (nothing recorded). Money uses max
 * MONEY_MAX; percent PERCENT_MAX, FTE FTE_MAX, probability
 * PROBABILITY_MAX.
 */
int fixed2_parse(const char *s, int64_t max_hundredths, int64_t *out);
/* Print hundredths with exactly two decimals ("1234.50"); returns buf. */
char *fixed2_format(int64_t hundredths, char *buf);

/* A 128-bit integer for exact intermediate products and large sums. */
__extension__ typedef __int128 wide_int;

/* Print any wide count of hundredths with two decimals (for sums). */
char *fixed2_format_wide(wide_int hundredths, char *buf);

/* Three upper-case ASCII letters. Returns 1 when valid, else 0. */
int currency_valid(const char *s);

/* The figures of one costed entry (a decision or an option). */
struct cost {
	int64_t	one_time;	/* cents */
	int64_t	monthly;	/* cents */
	int64_t	increase;	/* annual price increase, hundredths of % */
	int64_t	ops_fte;	/* hundredths of an FTE */
	int64_t	fte_cost;	/* cents a year for one FTE */
	int64_t	lockin_cost;	/* cents */
	int64_t	lockin_prob;	/* hundredths (0..100) */
};

/* Whether every figure of c is within the ranges of mvb(1) VALUES. */
int cost_valid(const struct cost *c);
/* tco_24m of mvb(1) COST MODEL in cents, computed exactly, rounded half away
 * from zero. (Figures outside the ranges of mvb(1) VALUES are first clamped
 * into them.) */
int64_t cost_tco_24m(const struct cost *c);
/* annual_run_rate of mvb(1) COST MODEL in cents, computed exactly, rounded
 * likewise. */
int64_t cost_annual_run_rate(const struct cost *c);

/*
 * Metric values and targets (mvb(1) VALUES): optional '-', digits, optional '.'
 * and digits, at most 15 significant digits, no exponent; ".5" and "1." are
 * rejected. Significant digits run from the first non-zero digit to the last
 * digit of the integer part or the last non-zero digit of the fraction ("100"
 * has 3, "0.0012" has 2); at most 124 fractional digits remain once trailing
 * zeros are dropped. On success writes the normalised form ("4.20" -> "4.2",
 * "007" -> "7", "-0.0" -> "0") into out (at least NUM_BUFSZ bytes) and returns
 * 0; else -1 (nothing recorded).
 */
int decimal_parse(const char *s, char *out);
/* Compare two normalised decimals numerically: <0, 0 or >0. */
int decimal_cmp(const char *a, const char *b);

#endif
