/*
 * The history of every change (mvb.1: mvb history, USER): one append-only
 * row per change, stamped with who made it and when.
 */
#include <pwd.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "history.h"

/* Who makes the change: $USER, else $LOGNAME, else the account's name,
 * else "unknown". */
static const char *
history_who(void)
{
	struct passwd	*pw;
	const char	*s;

	if ((s = getenv("USER")) != NULL && *s != '\0')
		return s;
	if ((s = getenv("LOGNAME")) != NULL && *s != '\0')
		return s;
	if ((pw = getpwuid(geteuid())) != NULL && pw->pw_name[0] != '\0')
		return pw->pw_name;
	return "unknown";
}

int
history_add(struct db *db, int64_t decision_id, const char *what,
    const char *old_value, const char *new_value)
{
	struct stmt	*stmt;
	const char	*who = history_who();
	char		 at[32];
	time_t		 now = time(NULL);
	struct tm	 tm;

	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	stmt = db_prepare(db, "INSERT INTO history (id, decision_id, at, "
	    "who, what, old_value, new_value) VALUES ((SELECT coalesce(max(id), "
	    "0) + 1 FROM history), $1, $2, $3, $4, $5, $6)");
	if (stmt == NULL)
		return -1;
	if (decision_id > 0)
		engine_bind_int(stmt, 1, decision_id);
	engine_bind_text(stmt, 2, at);
	engine_bind_text(stmt, 3, who);
	engine_bind_text(stmt, 4, what);
	db_bind_text(stmt, 5, old_value);
	db_bind_text(stmt, 6, new_value);
	return db_run(db, stmt);
}
