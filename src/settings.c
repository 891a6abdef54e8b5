/*
 * The register's settings, kept as validated canonical text in the
 * settings table so that 'mvb config' shows exactly what is stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "err.h"
#include "money.h"
#include "settings.h"
#include "util.h"

const char *const settings_keys[] = {
	"review_months", "deadline_months", "currency", "fte_cost", "within",
	"crossover", NULL
};

int
settings_known(const char *key)
{
	int	i;

	for (i = 0; settings_keys[i] != NULL; i++)
		if (strcmp(settings_keys[i], key) == 0)
			return 1;
	return 0;
}

/* Whole months 1-120, digits only. Returns the number or -1. */
static int
parse_months(const char *s)
{
	int	n = 0;

	if (*s == '\0' || strlen(s) > 3)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n >= 1 && n <= 120 ? n : -1;
}

int
settings_damaged(const char *key)
{
	return err_fail("the register's setting '%s' is damaged (set it "
	    "again with 'mvb config %s VALUE')", err_quote(key), key);
}

int
settings_stored(struct db *db, const char *key, char **value)
{
	struct stmt	*stmt;
	int		 rc;

	*value = NULL;
	if (!settings_known(key))
		return err_usage("config: unknown setting '%s'",
		    err_quote(key));
	stmt = db_prepare(db, "SELECT value FROM settings WHERE key = $1");
	if (stmt == NULL)
		return -1;
	engine_bind_text(stmt, 1, key);
	if ((rc = engine_step(stmt)) == ENGINE_ROW)
		*value = db_column_strdup(stmt, 0);
	engine_finalize(stmt);
	if (rc != ENGINE_ROW && rc != ENGINE_DONE)
		return err_db(db, "cannot read setting '%s'",
		    err_quote(key));
	return 0;
}

char *
settings_get(struct db *db, const char *key)
{
	char	*value;

	if (settings_stored(db, key, &value) == 0 && value == NULL)
		settings_damaged(key);
	return value;
}

int
settings_read(struct db *db, struct settings *s, const char **damaged)
{
	struct stmt	*stmt;
	const char	*key, *value, *bad = NULL;
	char		 seen[8] = { 0 };
	int		 rc, i, ok;

	memset(s, 0, sizeof(*s));
	if ((stmt = db_prepare(db, "SELECT key, value FROM settings")) == NULL)
		return -1;
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		key = (const char *)engine_column_text(stmt, 0);
		value = (const char *)engine_column_text(stmt, 1);
		if (key == NULL || value == NULL)
			continue;
		ok = 1;
		if (strcmp(key, "review_months") == 0)
			ok = (s->review_months = parse_months(value)) > 0;
		else if (strcmp(key, "deadline_months") == 0)
			ok = (s->deadline_months = parse_months(value)) > 0;
		else if (strcmp(key, "currency") == 0) {
			snprintf(s->currency, sizeof(s->currency), "%s", value);
			ok = currency_valid(value);
		} else if (strcmp(key, "fte_cost") == 0)
			ok = fixed2_parse(value, MONEY_MAX, &s->fte_cost) == 0;
		else if (strcmp(key, "within") == 0)
			ok = duration_parse(value, &s->within) == 0;
		else if (strcmp(key, "crossover") == 0)
			ok = fixed2_parse(value, MONEY_MAX, &s->crossover) == 0;
		for (i = 0; settings_keys[i] != NULL; i++) {
			if (strcmp(settings_keys[i], key) != 0)
				continue;
			seen[i] = 1;
			if (!ok && bad == NULL)
				bad = settings_keys[i];
		}
	}
	engine_finalize(stmt);
	if (rc != ENGINE_DONE)
		return err_db(db, "cannot read the settings");
	for (i = 0; bad == NULL && settings_keys[i] != NULL; i++)
		if (!seen[i])
			bad = settings_keys[i];
	if (bad == NULL && s->review_months > s->deadline_months)
		bad = "review_months";
	*damaged = bad;
	return 0;
}

int
settings_load(struct db *db, struct settings *s)
{
	const char	*bad;

	if (settings_read(db, s, &bad) == -1)
		return -1;
	return bad != NULL ? settings_damaged(bad) : 0;
}

/* Validate value for key and write its canonical form into canon. */
static int
canonical(struct db *db, const char *key, const char *value, char *canon,
    size_t size)
{
	struct duration	 dur;
	int64_t		 amount;
	char		*other;
	int		 months, limit;

	if (strcmp(key, "review_months") == 0 ||
	    strcmp(key, "deadline_months") == 0) {
		if ((months = parse_months(value)) == -1)
			return err_usage("config: %s: invalid number of months "
			    "'%s' (a whole number 1-120)", key,
			    err_quote(value));
		/* Against the other one as stored; a damaged one (being
		 * repaired) does not stand in the way. */
		if (settings_stored(db, key[0] == 'r' ? "deadline_months" :
		    "review_months", &other) == -1)
			return -1;
		limit = other != NULL ? parse_months(other) : -1;
		free(other);
		if (key[0] == 'r' && limit > 0 && months > limit)
			return err_usage("config: review_months: '%s' is more "
			    "than deadline_months (%d)", err_quote(value),
			    limit);
		if (key[0] == 'd' && limit > 0 && months < limit)
			return err_usage("config: deadline_months: '%s' is "
			    "less than review_months (%d)",
			    err_quote(value), limit);
		snprintf(canon, size, "%d", months);
	} else if (strcmp(key, "currency") == 0) {
		if (!currency_valid(value))
			return err_usage("config: currency: invalid currency "
			    "'%s' (three upper-case letters)",
			    err_quote(value));
		snprintf(canon, size, "%s", value);
	} else if (strcmp(key, "within") == 0) {
		if (duration_parse(value, &dur) == -1)
			return err_usage("config: within: invalid duration "
			    "'%s' (N followed by d, w, m or y)",
			    err_quote(value));
		duration_format(&dur, canon);
	} else {
		if (fixed2_parse(value, MONEY_MAX, &amount) == -1)
			return err_usage("config: %s: invalid amount '%s'",
			    key, err_quote(value));
		fixed2_format(amount, canon);
	}
	return 0;
}

int
settings_set(struct db *db, const char *key, const char *value)
{
	struct stmt	*stmt;
	char		 canon[NUM_BUFSZ];

	if (!settings_known(key))
		return err_usage("config: unknown setting '%s'",
		    err_quote(key));
	if (canonical(db, key, value, canon, sizeof(canon)) == -1)
		return -1;
	/* An insert too: a row lost to a hand edit is set again. */
	stmt = db_prepare(db, "INSERT INTO settings (value, key) VALUES "
	    "($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	if (stmt == NULL)
		return -1;
	engine_bind_text(stmt, 1, canon);
	engine_bind_text(stmt, 2, key);
	if (db_run(db, stmt) == -1)
		return -1;
	if (strcmp(key, "deadline_months") != 0)
		return 0;
	stmt = db_prepare(db, "UPDATE decisions SET "
	    "deadline_on = mvb_add_months(anchor_on, $1)");
	if (stmt == NULL)
		return -1;
	engine_bind_int(stmt, 1, atoi(canon));
	return db_run(db, stmt);
}
