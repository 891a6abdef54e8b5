/*
 * The flags of cli.md §5: why a proposed or active decision needs
 * attention as of a given day, in their order of urgency, with the most
 * urgent one said in words.
 */
#ifndef MVB_FLAGS_H
#define MVB_FLAGS_H

#include <sqlite3.h>
#include <stdint.h>

#include "decision.h"
#include "util.h"

/* In §5 order: a lower number is more urgent. */
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
 * Evaluate d's flags as of today; horizon is today + the 'within' duration
 * (the reach of 'upcoming'). Decisions that are neither proposed nor
 * active have none. out->reason is allocated (NULL when no flag); release
 * it with flags_release(). Returns 0 or -1.
 */
int flags_eval(sqlite3 *db, const struct decision *d, int32_t today,
    int32_t horizon, struct flags *out);
void flags_release(struct flags *f);

/* Append the flag names of bits in §5 order, separated by ';'. */
void flags_format(unsigned bits, struct strbuf *sb);
/* The most urgent flag in bits, or FLAG_COUNT when none. */
enum flag flags_first(unsigned bits);

#endif
