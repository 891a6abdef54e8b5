/*
 * The 24-month comparison of mvb(1) COST MODEL: a decision's chosen
 * figures and its options, each TCO line, the verdict on the cheapest two
 * and the payback of switching to each option that is cheaper to run.
 * Exact integer arithmetic; nothing here prints or touches the register.
 */
#ifndef MVB_COMPARE_H
#define MVB_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

/* payback_months when there is none (the chosen entry, an option that
 * saves nothing or is in another currency). */
#define PAYBACK_NONE INT64_C(-1)

/* One entry: number 0 is the decision's chosen figures. */
struct compare_entry {
	int64_t		 number;
	const char	*name;		/* borrowed */
	const char	*choice;	/* borrowed */
	const char	*currency;	/* borrowed */
	struct cost	 cost;
	/* The TCO lines in cents, each rounded to cents on its own. */
	int64_t		 one_time;	/* one-time cost */
	int64_t		 year1;		/* months 1-12: 12 x monthly */
	int64_t		 year2;		/* months 13-24, with the increase */
	int64_t		 operations;	/* 2 x ops_fte x fte_cost */
	int64_t		 lockin;	/* lockin_cost x lockin_prob */
	int64_t		 tco;		/* tco_24m, rounded once */
	int64_t		 run_rate;	/* annual_run_rate */
	int64_t		 payback;	/* months, or PAYBACK_NONE */
	int64_t		 saving;	/* a year, when payback is set */
};

enum verdict_kind {
	VERDICT_INCOMPARABLE,
	VERDICT_DECISIVE,
	VERDICT_CLOSE,
	VERDICT_CHEAPER
};

extern const char *const verdict_kind_names[];

/* The verdict sentence fits this many bytes, both names whole. */
#define VERDICT_SZ 2048

/* Fill e's lines, totals from e->cost (payback cleared). */
void compare_entry_compute(struct compare_entry *e);

/*
 * The verdict of mvb(1) COST MODEL on the tco_24m of the cheapest entry a
 * and the next b (the exact ratio of cent amounts decides the band). Writes
 * the sentence into buf (VERDICT_SZ bytes), with names an and bn; r100, when
 * not NULL, gets the ratio in hundredths rounded half up (0 when a's total
 * is 0).
 */
enum verdict_kind compare_verdict(int64_t a, int64_t b, const char *an,
    const char *bn, char *buf, int64_t *r100);

/*
 * Payback in months of switching from chosen to an option: ceil(12 x
 * (lockin_cost of chosen + one_time of option) / (rr_chosen - rr_option))
 * on the run rates rounded to cents; 0 when switching costs nothing;
 * PAYBACK_NONE when the option does not run cheaper.
 */
int64_t compare_payback(int64_t rr_chosen, int64_t lockin_chosen,
    int64_t rr_option, int64_t one_time_option);

/*
 * Compare e[0] (the chosen figures, number 0) with e[1..n-1] (the
 * options): compute every entry, set the payback of each option in the
 * chosen entry's currency that runs cheaper, then sort e cheapest first
 * (ties by number) and write the verdict into buf (VERDICT_SZ bytes).
 * Returns its kind.
 */
enum verdict_kind compare_run(struct compare_entry *e, size_t n, char *buf);

#endif
