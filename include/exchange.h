/*
 * Export and import of the register's tables (mvb(1) CSV, mvb(1) OUTPUT): the
 * seven tables, their columns, and streaming both ways so that memory stays
 * flat whatever the size.
 */
#ifndef MVB_EXCHANGE_H
#define MVB_EXCHANGE_H

#include "engine.h"
#include <stdint.h>
#include <stdio.h>

#include "catalog.h"
#include "out.h"
#include "settings.h"

/*
 * How a long import or export reports how far it got (the commands draw it on a
 * terminal, mvb(1) OUTPUT): called with verb ("imported", "exported") and rows
 * 0 at the start, with the count every thousand rows, and with done set at the
 * end of a run that succeeded. Every function below accepts NULL for none;
 * ctx_progress() has this shape.
 */
typedef void xprogress_fn(const char *verb, long rows, int done);

/*
 * Write every row of table t to fp as CSV or JSON (fmt), derived columns
 * computed as of today with horizon = today + the 'within' setting.
 * *rows gets the number of rows written. Returns 0 or -1.
 */
int export_table(struct db *db, enum xtable t, int32_t today, int32_t horizon,
    enum fmt fmt, FILE *fp, long *rows, xprogress_fn *progress);

/*
 * Write the iCalendar feed (RFC 5545) of open decisions: an all-day event
 * on each next_review_on and deadline and on each 'on DATE' sunset
 * criterion, with alarms 30 and 7 days before. UIDs are built from the
 * decision, the event's kind and the register's random id; DTSTAMP is now.
 * *rows gets the number of events. Returns 0 or -1.
 */
int export_calendar(struct db *db, FILE *fp, long *rows,
    xprogress_fn *progress);

/*
 * Read CSV from fp (named name in messages: a path, or "-") into table t,
 * inside the caller's transaction, validating every value like the
 * matching command option and the cross-checks of mvb(1) CSV; the first bad row
 * is a usage error "NAME:LINE: COLUMN: reason". Records one history entry
 * for the whole import. *rows gets the number of rows. Returns 0 or -1.
 */
int import_table(struct db *db, const struct settings *s, int32_t today,
    enum xtable t, FILE *fp, const char *name, long *rows,
    xprogress_fn *progress);

#endif
