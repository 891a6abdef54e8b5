/*
 * The quarterly re-evaluation report of mvb(1) REPORT: for a quarter, as of
 * the earlier of today and its last day, the proposed and active decisions
 * that come due, are overdue, crossed a sunset criterion, missed a metric or
 * rest on a broken assumption; the reviews dated in the quarter; and the
 * spend of the active decisions per choice and currency. Loaded into
 * structs from a few set-based queries (one pass over the decisions, one
 * query per kind of evidence); the commands print it.
 */
#ifndef MVB_REPORT_H
#define MVB_REPORT_H

#include "engine.h"
#include <stddef.h>
#include <stdint.h>

#include "money.h"

/* The lists, in the order of urgency the report prints them. */
enum report_list {
	REPORT_OVERDUE,
	REPORT_SUNSET,
	REPORT_MISSED,
	REPORT_ASSUMPTION,
	REPORT_DUE,
	REPORT_LISTS
};

/* "overdue", "sunset", "missed", "assumption", "due". */
extern const char *const report_list_names[REPORT_LISTS];

/* A proposed or active decision as the report sees it. */
struct report_decision {
	int64_t		 id;
	char		*title;
	char		*owner;		/* NULL when unset */
	char		*choice;
	char		*status;
	int32_t		 next_review_on;	/* the window opens */
	int32_t		 deadline_on;		/* the window closes */
	unsigned	 lists;		/* 1u << enum report_list */
	char		*why[REPORT_LISTS];	/* each list's reason in words */
};

struct report_review {
	int64_t		 id;		/* the decision's */
	char		*title;
	int32_t		 reviewed_on;
	char		*outcome;
};

/* One cell of the spend table: a choice and a currency (choice NULL: the
 * currency's total). Sums of hundredths (money in cents). */
struct report_spend {
	const char	*choice;
	char		 currency[4];
	int64_t		 decisions;
	wide_int	 monthly;
	wide_int	 one_time;
	wide_int	 annual_run_rate;
	wide_int	 tco_24m;
	wide_int	 ops_fte;
};

struct report {
	int		 year;		/* the quarter: year and 1..4 */
	int		 quarter;
	int32_t		 start;		/* its first day */
	int32_t		 end;		/* its last day */
	int32_t		 as_of;		/* min(today, end) */
	/* Every proposed or active decision, in id order. */
	struct report_decision *decisions;
	size_t		 ndecisions;
	/* Each list: indices into decisions, most urgent first (earliest
	 * deadline, then earliest window, then id). */
	size_t		*list[REPORT_LISTS];
	size_t		 nlist[REPORT_LISTS];
	/* Every decision, most urgent first: by its most urgent list (none
	 * last), then as above. The html timeline draws them in this order. */
	size_t		*timeline;
	struct report_review *reviews;	/* by date, then as recorded */
	size_t		 nreviews;
	/* By currency, then choice (build, buy, oss, assemble). */
	struct report_spend *spend;
	size_t		 nspend;
	struct report_spend *totals;	/* one per currency, same order */
	size_t		 ntotals;
};

/*
 * Parse a quarter, "YYYYQn" or "YYYY-Qn" (n 1 to 4, year 1900 to 9999),
 * into *year and *quarter. Returns 0, or -1 (nothing recorded).
 */
int report_quarter_parse(const char *s, int *year, int *quarter);
/* The quarter that contains day. */
void report_quarter_of(int32_t day, int *year, int *quarter);

/*
 * Build the report of the quarter for today into r (initialised here;
 * release it with report_release(), also after a failure). One consistent
 * report when the caller reads in one transaction (db_begin_read()), as
 * 'mvb report' does. Returns 0 or -1 (recorded).
 */
int report_build(struct db *db, int year, int quarter, int32_t today,
    struct report *r);
void report_release(struct report *r);

/* The report's lists that decision d is in, as a bit set: its most urgent
 * one (enum report_list), or REPORT_LISTS when none. */
enum report_list report_first(const struct report_decision *d);

#endif
