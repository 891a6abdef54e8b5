/*
 * The options considered for a decision (mvb.1, EXPORT, the options
 * table): a row and its one writer.
 */
#ifndef MVB_OPTION_H
#define MVB_OPTION_H

#include "engine.h"
#include <stdint.h>

#include "money.h"

/* A row of the options table; text members are borrowed. */
struct option {
	int64_t		 decision_id;
	int64_t		 number;
	const char	*name;
	const char	*choice;
	const char	*currency;
	struct cost	 cost;
};

/*
 * Insert o with the statement kept in *cache (prepared on first use; the
 * caller finalizes it), its columns as the catalogue lists them. Returns
 * 0 or -1.
 */
int option_store(struct db *db, struct stmt **cache, const struct option *o);

#endif
