/*
 * The history of changes: every change to a decision and its evidence is
 * one append-only row (mvb.1: mvb history). Nothing here prints.
 */
#ifndef MVB_HISTORY_H
#define MVB_HISTORY_H

#include "engine.h"
#include <stdint.h>

/*
 * Append a history entry for decision_id (0: none, as an import's), dated
 * by the wall clock in UTC and signed with $USER, else $LOGNAME, else the
 * account's name, else "unknown". Returns 0 or -1.
 */
int history_add(struct db *db, int64_t decision_id, const char *what,
    const char *old_value, const char *new_value);

#endif
