/*
 * The register's own settings (mvb(1) COMMANDS, config): their names, defaults,
 * validation and typed access.
 */
#ifndef MVB_SETTINGS_H
#define MVB_SETTINGS_H

#include "engine.h"
#include <stdint.h>

#include "date.h"

struct settings {
	int		review_months; /* window opens this long after anchor */
	int		deadline_months; /* deadline this long after anchor */
	char		currency[4];
	int64_t		fte_cost;	/* cents a year */
	struct duration	within;		/* horizon of 'upcoming' */
	int64_t		crossover;	/* cents a month, for lint */
};

/* The keys in the order 'mvb config' lists them; NULL-terminated. */
extern const char *const settings_keys[];

/*
 * Read every setting into s. *damaged gets the first key whose stored
 * value is missing or does not parse (a hand edit), or NULL. Returns 0, or
 * -1 when the register cannot be read.
 */
int settings_read(struct db *db, struct settings *s, const char **damaged);
/* settings_read(), with a damaged setting an error; returns 0 or -1. */
int settings_load(struct db *db, struct settings *s);
/* Record the error "setting KEY is damaged (set it again ...)"; -1. */
int settings_damaged(const char *key);
/* Whether key names a setting. */
int settings_known(const char *key);
/*
 * The stored value of key into *value as a new string (caller frees), or
 * NULL when its row is missing. Returns 0, or -1 (a usage error for an
 * unknown key, or the register cannot be read).
 */
int settings_stored(struct db *db, const char *key, char **value);
/* settings_stored(), with a missing row an error: the value or NULL. */
char *settings_get(struct db *db, const char *key);
/*
 * Validate and store value under key, inside the caller's transaction.
 * Changing deadline_months recomputes every stored deadline. Returns 0 or
 * -1 (usage error naming the key and value).
 */
int settings_set(struct db *db, const char *key, const char *value);

#endif
