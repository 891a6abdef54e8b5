/*
 * The flags of mvb(1) FLAGS: why a proposed or active decision needs
 * attention as of a given day, in their order of urgency, with the most
 * urgent one said in words.
 */
#ifndef MVB_FLAGS_H
#define MVB_FLAGS_H

#include "engine.h"
#include <stdint.h>

#include "date.h"
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

/* One evidence table walked in decision order. */
struct fcursor {
	struct stmt	*stmt;
	int64_t		 id;		/* its row's decision, or INT64_MAX */
};

/*
 * The evaluator, set-based: one cursor per evidence table (sunset criteria
 * and metrics each with their latest measurement, unreviewed invalidated
 * assumptions), prepared once and advanced with the decisions asked about,
 * so that decisions asked in increasing id order (as every listing reads
 * them) walk each evidence table once; asking about a lower id restarts
 * the cursors there. today is the day rules compare against; horizon is
 * today + the 'within' duration (the reach of 'upcoming').
 */
struct flagger {
	struct db		*db;
	int32_t		 today;
	int32_t		 horizon;
	char		 today_s[DATE_BUFSZ];
	int64_t		 next;		/* the decision asked last, or -1 */
	struct fcursor	 sunset;
	struct fcursor	 metrics;
	struct fcursor	 assumption;
};

/* Prepare f for db; returns 0 or -1. Release with flagger_release(). */
int flagger_init(struct flagger *f, struct db *db, int32_t today,
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
 * The evidence flags alone (sunset, missed, assumption) of the proposed
 * or active decision id, whose monthly cost (in cents) sunset criteria
 * on it compare against: their bits in *bits, each one's reason in
 * why[flag], allocated (the caller frees every why[], which must start
 * NULL); with why NULL, the bits alone. flags_eval() adds the date flags;
 * the report (mvb(1) REPORT) uses this as it is, with its own day as the
 * flagger's. Returns 0 or -1.
 */
int flags_evidence(struct flagger *f, int64_t id, int64_t monthly,
    unsigned *bits, char *why[FLAG_COUNT]);

/* Append the flag names of bits in mvb(1) FLAGS order, separated by ';'. */
void flags_format(unsigned bits, struct strbuf *sb);
/* The most urgent flag in bits, or FLAG_COUNT when none. */
enum flag flags_first(unsigned bits);

#endif
