/*
 * The flags of mvb(1) FLAGS: why a proposed or active decision needs
 * attention as of a given day, in their order of urgency, with the most
 * urgent one said in words.
 */
#ifndef MVB_FLAGS_H
#define MVB_FLAGS_H

#include <sqlite3.h>
#include <stdint.h>

#include "decision.h"
#include "util.h"

/* In mvb(1) FLAGS order: a lower number is more urgent. */
enum flag {
	FLAG_OVERDUE,
	FLAG_SUNSET,
	FLAG_MISSED,
	FLAG_ASSUMPTION,
	FLAG_DUE,
	FLAG_UPCOMING,
	FLAG_COUNT
};

extern const char *const flag_names[FLAG_COUNT];

struct flags {
	unsigned	 bits;		/* 1u << enum flag for each flag */
	char		*reason;	/* the most urgent flag in words */
};

/*
 * The evaluator: its queries are prepared once and reused for every
 * decision of a listing. today is the day rules compare against; horizon
 * is today + the 'within' duration (the reach of 'upcoming').
 */
struct flagger {
	sqlite3		*db;
	int32_t		 today;
	int32_t		 horizon;
	unsigned	 may;		/* evidence flags worth querying */
	sqlite3_stmt	*sunset;	/* a decision's sunset criteria */
	sqlite3_stmt	*latest;	/* a metric's latest measurement */
	sqlite3_stmt	*metrics;	/* metrics whose target date passed */
	sqlite3_stmt	*assumption;	/* an unreviewed invalidation */
};

/* Prepare f for db; returns 0 or -1. Release with flagger_release(). */
int flagger_init(struct flagger *f, sqlite3 *db, int32_t today,
    int32_t horizon);
void flagger_release(struct flagger *f);

/*
 * Evaluate d's flags. Decisions that are neither proposed nor active have
 * none. out->reason is allocated (NULL when no flag); release it with
 * flags_release(). Returns 0 or -1.
 */
int flags_eval(struct flagger *f, const struct decision *d,
    struct flags *out);
void flags_release(struct flags *f);

/*
 * An SQL expression (on a decisions row named d, with :today bound to
 * today) whose value, put in struct flagger's may before flags_eval(),
 * spares the evidence queries of decisions that have no such evidence.
 */
extern const char flags_hint_sql[];

/*
 * The SQL condition (on a decisions row named d) that a decision may carry
 * a flag as of :today with :horizon: every flagged decision satisfies it,
 * so 'due' reads only these rows.
 */
extern const char flags_candidate_sql[];

/* Append the flag names of bits in mvb(1) FLAGS order, separated by ';'. */
void flags_format(unsigned bits, struct strbuf *sb);
/* The most urgent flag in bits, or FLAG_COUNT when none. */
enum flag flags_first(unsigned bits);

#endif
