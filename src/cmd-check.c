/*
 * mvb check: SQLite's integrity and foreign-key checks, then mvb's own
 * rules on what it stores: valid dates, the stored anchors and deadlines
 * agreeing with the reviews and settings, no review before its decision,
 * every index the migrations create present.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cmd.h"
#include "db.h"
#include "decision.h"
#include "err.h"
#include "money.h"
#include "settings.h"

/* SQLite's own checks of the file, each problem a line; a server keeps
 * its pages and foreign keys itself. */
static const char *const file_checks[] = {
	"SELECT 'database: ' || integrity_check FROM pragma_integrity_check "
	"WHERE integrity_check <> 'ok'",

	/* Tables WITHOUT ROWID have no row number to show. */
	"SELECT \"table\" || ': ' || ifnull('row ' || rowid, 'a row') || "
	"' refers to a missing row of ' || parent "
	"FROM pragma_foreign_key_check",
};

/* What a server checks a statement at a time rather than as a foreign
 * key (mvb(1) SHARED REGISTER), which a hand edit with its triggers off
 * could break: as the file's foreign-key check says it. */
static const char *const server_checks[] = {
	"SELECT 'history_decisions: a row refers to a missing row of "
	"decisions' FROM history_decisions l WHERE NOT EXISTS (SELECT 1 "
	"FROM decisions d WHERE d.id = l.decision_id)",
};

/* The later of a decision's date and its latest review. */
#define LATER_OF_ANCHOR "CASE WHEN max(r.reviewed_on) > d.decided_on " \
	"THEN max(r.reviewed_on) ELSE d.decided_on END"

/* Each query yields problem lines as its one text column. */
static const char *const checks[] = {
	"SELECT 'decisions: decision ' || id || ': invalid date in '"
	" || CASE WHEN mvb_add_months(decided_on, 0) IS DISTINCT FROM "
	"decided_on THEN 'decided_on' WHEN mvb_add_months(next_review_on, 0) "
	"IS DISTINCT FROM next_review_on THEN 'next_review_on' "
	"ELSE 'anchor_on' END "
	"FROM decisions WHERE mvb_add_months(decided_on, 0) IS DISTINCT FROM "
	"decided_on OR mvb_add_months(next_review_on, 0) IS DISTINCT FROM "
	"next_review_on OR mvb_add_months(anchor_on, 0) IS DISTINCT FROM "
	"anchor_on",

	"SELECT 'decisions: decision ' || d.id || ': anchor ' || d.anchor_on"
	" || ' should be ' || " LATER_OF_ANCHOR " FROM decisions d LEFT JOIN "
	DECISION_ANCHOR_REVIEWS_SQL " r ON r.decision_id = d.id "
	"GROUP BY d.id, d.anchor_on, d.decided_on HAVING d.anchor_on IS "
	"DISTINCT FROM " LATER_OF_ANCHOR,

	/* $1 is deadline_months, bound only when the setting is sound; a
	 * damaged one is reported below. */
	"SELECT 'decisions: decision ' || id || ': deadline ' || deadline_on"
	" || ' should be ' || mvb_add_months(anchor_on, $1) FROM decisions "
	"WHERE $1 > 0 AND deadline_on IS DISTINCT FROM "
	"mvb_add_months(anchor_on, $1)",

	/* A cost figure outside the ranges of mvb(1) VALUES (only a hand edit
	 * can put one there): %s is the catalogue's
	 * catalog_cost_check_sql(). */
	"SELECT 'decisions: decision ' || id || ': cost figures out of range' "
	"FROM decisions WHERE %s",

	"SELECT 'options: option ' || number || ' of decision ' || decision_id "
	"|| ': cost figures out of range' FROM options WHERE %s",

	"SELECT 'reviews: review of decision ' || r.decision_id || ' on ' || "
	"r.reviewed_on || ' is before its decided_on ' || d.decided_on "
	"FROM reviews r JOIN decisions d ON d.id = r.decision_id "
	"WHERE r.reviewed_on < d.decided_on",
};

/* Print one problem; each further line of a long one (SQLite's integrity
 * check reports several in one) gets the same "table: " prefix. Returns
 * the number of lines printed. */
static long
problem(const char *line)
{
	const char	*colon = strstr(line, ": "), *s = line, *nl;
	int		 prefix = colon != NULL ? (int)(colon - line) + 2 : 0;
	long		 n = 1;

	while ((nl = strchr(s, '\n')) != NULL) {
		printf("%.*s\n", (int)(nl - s), s);
		s = nl + 1;
		if (*s != '\0') {
			printf("%.*s", prefix, line);
			n++;
		}
	}
	if (*s != '\0')
		printf("%s\n", s);
	return n;
}

/*
 * Report each index the migrations create that the register lacks (a
 * bulk import that died between dropping and rebuilding them, or a hand
 * edit): the indexes of a fresh in-memory register are the reference.
 */
static int
check_indexes(struct db *db, long *problems)
{
	struct stmt	*ref, *has;
	struct db		*fresh;
	const char	*name;
	int		 rc = 0;

	if ((fresh = db_open_memory()) == NULL)
		return -1;
	ref = db_prepare(fresh, "SELECT name, tbl_name FROM sqlite_schema "
	    "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
	has = db_prepare(db, engine_kind(db) == ENGINE_SQLITE ?
	    "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = $1" :
	    "SELECT 1 FROM pg_catalog.pg_indexes WHERE schemaname = "
	    "current_schema() AND indexname = $1");
	if (ref == NULL || has == NULL)
		rc = -1;
	while (rc == 0 && engine_step(ref) == ENGINE_ROW) {
		name = (const char *)engine_column_text(ref, 0);
		engine_reset(has);
		engine_bind_text(has, 1, name);
		if ((rc = engine_step(has)) == ENGINE_DONE) {
			printf("%s: index %s is missing\n",
			    engine_column_text(ref, 1), name);
			++*problems;
		} else if (rc != ENGINE_ROW) {
			rc = err_db(db, "check: cannot read the register");
			break;
		}
		rc = 0;
	}
	engine_finalize(ref);
	engine_finalize(has);
	db_close(fresh);
	return rc;
}

/* Run one check, printing each problem; 0, or -1 when it cannot run. */
static int
run_one(struct db *db, const char *sql, int64_t months, long *problems)
{
	struct stmt	*stmt;
	int		 rc;

	if ((stmt = db_prepare(db, sql)) == NULL)
		return -1;
	engine_bind_int(stmt, 1, months);
	while ((rc = engine_step(stmt)) == ENGINE_ROW)
		*problems += problem(engine_column_text(stmt, 0));
	engine_finalize(stmt);
	/* A damaged file can fail the later checks too; what was found so
	 * far is the answer. */
	if (rc != ENGINE_DONE && *problems > 0)
		return 1;
	if (rc != ENGINE_DONE)
		return err_db(db, "check: cannot read the register");
	return 0;
}

/* deadline_months when the stored setting is sound, else 0. */
static int64_t
deadline_months(struct db *db)
{
	char		*v = NULL;
	const char	*p;
	int64_t		 n = 0;

	if (settings_stored(db, "deadline_months", &v) == -1) {
		err_clear();
		return 0;
	}
	for (p = v; p != NULL && *p >= '0' && *p <= '9' && n <= 120; p++)
		n = n * 10 + (*p - '0');
	if (v == NULL || *v == '0' || *p != '\0' || n > 120)
		n = 0;
	free(v);
	return n;
}

static int
run(struct db *db, long *problems)
{
	int		 file = engine_kind(db) == ENGINE_SQLITE;
	int64_t		 months;
	char		*sql;
	size_t		 i;
	int		 rc;

	for (i = 0; file && i < sizeof(file_checks) / sizeof(file_checks[0]);
	    i++)
		if ((rc = run_one(db, file_checks[i], 0, problems)) != 0)
			return rc < 0 ? -1 : 0;
	for (i = 0; !file && i < sizeof(server_checks) /
	    sizeof(server_checks[0]); i++)
		if ((rc = run_one(db, server_checks[i], 0, problems)) != 0)
			return rc < 0 ? -1 : 0;
	months = deadline_months(db);
	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		sql = xasprintf(checks[i], catalog_cost_check_sql(file));
		rc = run_one(db, sql, months, problems);
		free(sql);
		if (rc != 0)
			return rc < 0 ? -1 : 0;
	}
	return check_indexes(db, problems);
}

static int
cmd_check_exec(struct ctx *ctx, struct args *a)
{
	const char	*damaged;
	long		 problems = 0;

	(void)a;
	/* Opened without its settings: a damaged one is a problem found.
	 * One read transaction: every check sees the same register. */
	ctx->db = db_open(ctx->db_path, DB_READ);
	if (ctx->db == NULL || db_begin_read(ctx->db) == -1 ||
	    run(ctx->db, &problems) == -1)
		return -1;
	/* The settings, as every other command reads them. */
	if (settings_read(ctx->db, &ctx->settings, &damaged) == -1)
		return -1;
	db_rollback(ctx->db);
	if (damaged != NULL) {
		settings_damaged(damaged);
		printf("settings: %s\n", err_msg());
		err_clear();
		problems++;
	}
	if (problems > 0)
		return err_fail("check: %ld problem%s in '%s'", problems,
		    problems == 1 ? "" : "s", err_quote(engine_kind(ctx->db) ==
		    ENGINE_PG ? engine_name(ctx->db) : ctx->db_path));
	printf("ok\n");
	return 0;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.summary = "check the register's integrity",
	.usage = "mvb check\n"
	"prints 'ok', or each problem on its own line and exits 1",
	.group = CMD_GROUP_CARE,
	.examples = "  mvb check",
	.args = { 0, 0 },
	.needs = CMD_OWN_DB,
	.exec = cmd_check_exec
};
