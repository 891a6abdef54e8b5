/*
 * The framework's checks (mvb(1) LINT): each rule held against every
 * proposed and active decision in two queries, one over the decisions
 * with what they lack and one over their options. Findings go to the
 * caller one at a time; nothing here prints.
 */
#ifndef MVB_LINT_H
#define MVB_LINT_H

#include "engine.h"
#include <stdint.h>

#include "settings.h"

enum lint_rule {
	LINT_GATE,
	LINT_NO_METRIC,
	LINT_NO_SUNSET,
	LINT_NO_ASSUMPTION,
	LINT_NO_OPTIONS,
	LINT_OSS_NOT_FREE,
	LINT_CROSSOVER,
	LINT_CLOSE_CALL,
	LINT_SWITCH_PAYS,
	LINT_COUNT
};

/* "gate", "no-metric", ...: in the order findings come for a decision. */
extern const char *const lint_rule_names[LINT_COUNT];

/* Called for each finding: its decision, rule and message (one line).
 * Returns 0 to go on or -1 (with the error recorded) to stop. */
typedef int (*lint_emit)(void *arg, int64_t id, enum lint_rule rule,
    const char *message);

/*
 * Hold decision id (0: every decision) against the rules, when it is
 * proposed or active, under settings s (currency, crossover). Findings
 * come by decision id, then in rule order. Returns the number of
 * findings, or -1.
 */
long lint_run(struct db *db, int64_t id, const struct settings *s,
    lint_emit emit, void *arg);

#endif
