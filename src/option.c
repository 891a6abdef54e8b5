/*
 * The options table's one writer: a row stored by its catalogue columns.
 */
#include "catalog.h"
#include "option.h"

int
option_store(struct db *db, struct stmt **cache, const struct option *o)
{
	return catalog_store(db, cache, XT_OPTIONS, o);
}
