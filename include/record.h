/*
 * A decision's whole record, loaded once: the decision, its flags as of a
 * day, and every row that hangs from it (assumptions, metrics with their
 * measurements, sunset criteria, reviews, options), each in the order
 * mvb.1 shows them (mvb show). Commands format it; nothing here prints or
 * exits, and failures are recorded with err_*() and returned as -1.
 *
 * Dates and decimals of the evidence rows are kept as the register stores
 * them (YYYY-MM-DD and normalised decimal text); cost figures are integers
 * as in struct cost. An unset optional value is NULL.
 */
#ifndef MVB_RECORD_H
#define MVB_RECORD_H

#include "engine.h"
#include <stddef.h>
#include <stdint.h>

#include "decision.h"
#include "flags.h"
#include "money.h"
#include "settings.h"

struct record_assumption {
	int		 number;
	char		*text;
	char		*status;	/* holding, invalidated */
	char		*invalidated_on;
	char		*confirmed_on;
	char		*note;
};

struct record_measurement {
	char		*measured_on;
	char		*value;
};

struct record_metric {
	char				*name;
	char				*op;	/* >=, <=, >, < */
	char				*target;
	char				*unit;
	char				*target_on;
	struct record_measurement	*measurements;	/* oldest first */
	size_t				 nmeasurements;
};

struct record_sunset {
	int		 number;
	char		*expression;	/* canonical text */
};

struct record_review {
	char		*reviewed_on;
	char		*outcome;	/* keep, revise, replace, retire */
	char		*next_review_on;
	int64_t		 replaced_by;	/* 0 when none */
	char		*notes;
};

struct record_option {
	int		 number;
	char		*name;
	char		*choice;
	char		*currency;
	struct cost	 cost;
};

struct record {
	struct decision			 d;
	struct flags			 f;	/* as of the day loaded for */
	struct record_assumption	*assumptions;	/* by number */
	size_t				 nassumptions;
	struct record_metric		*metrics;	/* by target date, name */
	size_t				 nmetrics;
	struct record_sunset		*sunset;	/* by number */
	size_t				 nsunset;
	struct record_review		*reviews;	/* oldest first */
	size_t				 nreviews;
	struct record_option		*options;	/* by number */
	size_t				 noptions;
};

/*
 * Load decision id's whole record into r, with its flags as of today
 * (settings gives the reach of 'upcoming'). r is initialised here; release
 * it with record_release() whatever this returns. Returns 0, or -1 (a
 * usage error for an unknown id).
 */
int record_load(struct db *db, int64_t id, int32_t today,
    const struct settings *settings, struct record *r);
void record_release(struct record *r);

#endif
