/*
 * Import and export of each table on a real in-memory register: a round
 * trip per table, representative refusals naming FILE:LINE: COLUMN, and
 * the bulk path that drops and rebuilds the decisions indexes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "exchange.h"
#include "settings.h"
#include "util.h"

#include "fixture.h"

struct fx {
	struct db		*db;
	struct settings	 s;
	int32_t		 today;
};

static int
setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof(*fx));

	if ((fx->db = fixture_register()) == NULL ||
	    settings_load(fx->db, &fx->s) == -1)
		return -1;
	date_parse("2025-06-01", &fx->today);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	db_close(fx->db);
	free(fx);
	fixture_end();
	return 0;
}

/* Import text into t; returns import_table()'s result. */
static int
import_text(struct fx *fx, enum xtable t, const char *text)
{
	FILE	*fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	long	 rows;
	int	 rc;

	assert_non_null(fp);
	assert_int_equal(db_begin(fx->db), 0);
	rc = import_table(fx->db, &fx->s, fx->today, t, fp, "in.csv", &rows,
	    NULL);
	fclose(fp);
	if (rc == 0)
		assert_int_equal(db_commit(fx->db), 0);
	else
		db_rollback(fx->db);
	return rc;
}

/* Export t as CSV (LF line ends, for comparing); the caller frees. */
static char *
export_text(struct fx *fx, enum xtable t)
{
	char	*buf = NULL, *p, *q;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);
	long	 rows;

	assert_non_null(fp);
	assert_int_equal(export_table(fx->db, t, fx->today, fx->today,
	    FMT_CSV, fp, &rows, NULL), 0);
	fclose(fp);
	for (p = q = buf; *p != '\0'; p++)
		if (*p != '\r')
			*q++ = *p;
	*q = '\0';
	return buf;
}

static const char decisions_csv[] =
    "id,title,capability,choice,vendor,owner,cost_center,status,"
    "decided_on,next_review_on,review_deadline,currency,one_time_cost,"
    "monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost,"
    "lockin_probability,annual_run_rate,tco_24m,flags,rationale,"
    "gate_differentiation,gate_maintenance,gate_no_alternative,"
    "gate_opportunity\n"
    "1,Payments,payments,buy,Stripe,ana,CC1,active,2025-01-15,2025-07-15,"
    "2026-07-15,EUR,1000.00,250.50,3.00,0.50,90000.00,5000.00,0.25,"
    "48006.00,98352.18,,\"why, and how\",yes,no,,yes\n"
    "2,Search,search,oss,,,,proposed,2025-02-01,2025-08-01,2026-08-01,EUR,"
    "0.00,0.00,0.00,0.00,90000.00,0.00,0.00,0.00,0.00,,,,,,\n";

static void
load_decisions(struct fx *fx)
{
	assert_int_equal(import_text(fx, XT_DECISIONS, decisions_csv), 0);
}

static void
round_trip(struct fx *fx, enum xtable t, const char *csv)
{
	char	*out;

	assert_int_equal(import_text(fx, t, csv), 0);
	out = export_text(fx, t);
	assert_string_equal(out, csv);
	free(out);
}

static void
test_decisions_round_trip(void **state)
{
	struct fx	*fx = *state;
	char		*out;

	load_decisions(fx);
	out = export_text(fx, XT_DECISIONS);
	/* Flags are derived as of today: none on these dates. */
	assert_string_equal(out, decisions_csv);
	free(out);
}

static void
test_assumptions_round_trip(void **state)
{
	struct fx	*fx = *state;

	load_decisions(fx);
	round_trip(fx, XT_ASSUMPTIONS, "decision_id,number,text,status,"
	    "invalidated_on,confirmed_on,note\n"
	    "1,1,Volume stays flat,holding,,2025-03-01,\n"
	    "1,2,Fees fall,invalidated,2025-04-01,,\"fees rose, 2%\"\n");
}

static void
test_metrics_and_measurements_round_trip(void **state)
{
	struct fx	*fx = *state;

	load_decisions(fx);
	round_trip(fx, XT_METRICS, "decision_id,name,op,target,unit,"
	    "target_on\n1,uptime,>=,99.9,%,2025-07-15\n"
	    "2,latency_ms,<,-2.5,,2025-08-01\n");
	round_trip(fx, XT_MEASUREMENTS, "decision_id,metric,measured_on,"
	    "value\n1,uptime,2025-03-01,99.95\n1,uptime,2025-04-01,99.8\n");
}

static void
test_sunset_round_trip(void **state)
{
	struct fx	*fx = *state;

	load_decisions(fx);
	round_trip(fx, XT_METRICS, "decision_id,name,op,target,unit,"
	    "target_on\n1,uptime,>=,99.9,,2025-07-15\n");
	round_trip(fx, XT_SUNSET, "decision_id,number,expression\n"
	    "1,1,uptime < 99 after 2025-09-01\n1,2,monthly_cost > 500.00\n"
	    "1,3,on 2027-01-01\n");
}

static void
test_reviews_round_trip_and_anchor(void **state)
{
	struct fx	*fx = *state;
	int64_t		 n;

	load_decisions(fx);
	round_trip(fx, XT_REVIEWS, "decision_id,reviewed_on,outcome,"
	    "next_review_on,replaced_by,notes\n"
	    "1,2025-02-01,replace,2025-08-01,2,\n"
	    "1,2025-03-01,keep,2025-09-01,,fine\n");
	/* The later review is the anchor (18 months to the deadline). */
	assert_int_equal(db_query_int(fx->db, "SELECT anchor_on = "
	    "'2025-03-01' AND deadline_on = '2026-09-01' FROM decisions "
	    "WHERE id = 1", &n), 0);
	assert_int_equal(n, 1);
	/* An earlier review imported after it does not move it back. */
	assert_int_equal(import_text(fx, XT_REVIEWS, "decision_id,"
	    "reviewed_on,outcome,next_review_on\n1,2025-02-15,keep,\n"), 0);
	assert_int_equal(db_query_int(fx->db, "SELECT count(*) FROM "
	    "decisions WHERE id = 1 AND anchor_on = '2025-03-01'", &n), 0);
	assert_int_equal(n, 1);
	/* And the statuses stay: importing a review changes none. */
	assert_int_equal(db_query_int(fx->db, "SELECT count(*) FROM decisions "
	    "WHERE id = 1 AND status = 'active'", &n), 0);
	assert_int_equal(n, 1);
}

static void
test_options_round_trip(void **state)
{
	struct fx	*fx = *state;

	load_decisions(fx);
	round_trip(fx, XT_OPTIONS, "decision_id,number,name,choice,currency,"
	    "one_time_cost,monthly_cost,annual_increase_pct,ops_fte,"
	    "fte_annual_cost,lockin_cost,lockin_probability,annual_run_rate,"
	    "tco_24m\n"
	    "1,1,Stripe,buy,EUR,1000.00,250.50,3.00,0.50,90000.00,5000.00,"
	    "0.25,48006.00,98352.18\n"
	    "1,2,In house,build,USD,0.00,0.00,0.00,2.00,90000.00,0.00,0.00,"
	    "180000.00,360000.00\n");
}

/* Import text into t and expect the usage error msg. */
static void
refused(struct fx *fx, enum xtable t, const char *text, const char *msg)
{
	err_clear();
	assert_int_equal(import_text(fx, t, text), -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), msg);
	err_clear();
}

static void
test_refusals_name_file_line_and_column(void **state)
{
	struct fx	*fx = *state;

	refused(fx, XT_DECISIONS, "title,capability\nA,b\n",
	    "in.csv:1: choice: missing required column");
	refused(fx, XT_DECISIONS, "title,capability,choice\nA,b,rent\n",
	    "in.csv:2: choice: invalid choice 'rent' (build, buy, oss or "
	    "assemble)");
	refused(fx, XT_DECISIONS, "title,capability,choice,monthly_cost\n"
	    "A,b,buy,1.234\n", "in.csv:2: monthly_cost: invalid amount "
	    "'1.234'");
	refused(fx, XT_DECISIONS, "title,capability,choice,"
	    "lockin_probability\nA,b,buy,1.01\n", "in.csv:2: "
	    "lockin_probability: invalid probability (0-1) '1.01'");
	refused(fx, XT_DECISIONS, "title,capability,choice,decided_on\n"
	    "A,b,buy,2025-02-30\n", "in.csv:2: decided_on: invalid date "
	    "'2025-02-30' (YYYY-MM-DD, 1900-01-01 to 9999-12-31)");
	refused(fx, XT_DECISIONS, "title,capability,choice,gate_maintenance\n"
	    "A,b,buy,maybe\n", "in.csv:2: gate_maintenance: invalid answer "
	    "'maybe' (yes or no)");
	refused(fx, XT_DECISIONS, "title,capability,choice,wat\n",
	    "in.csv:1: wat: unknown column for decisions");
	load_decisions(fx);
	refused(fx, XT_DECISIONS, "id,title,capability,choice\n1,A,b,buy\n",
	    "in.csv:2: id: decision 1 already exists");
	refused(fx, XT_ASSUMPTIONS, "decision_id,number,text,status\n"
	    "9,1,x,holding\n", "in.csv:2: decision_id: no decision with id "
	    "'9'");
	refused(fx, XT_ASSUMPTIONS, "decision_id,number,text,status\n"
	    "1,0,x,holding\n", "in.csv:2: number: invalid number '0' (a "
	    "whole number from 1 to 2147483647)");
	refused(fx, XT_METRICS, "decision_id,name,op,target,target_on\n"
	    "1,uptime,=,1,2025-01-01\n", "in.csv:2: op: invalid operator '=' "
	    "(>=, <=, > or <)");
	refused(fx, XT_MEASUREMENTS, "decision_id,metric,measured_on,value\n"
	    "1,uptime,2025-01-01,1\n", "in.csv:2: metric: decision 1 has no "
	    "metric 'uptime'");
	refused(fx, XT_REVIEWS, "decision_id,reviewed_on,outcome,"
	    "next_review_on\n1,2025-03-01,drop,\n", "in.csv:2: outcome: "
	    "invalid outcome 'drop' (keep, revise, replace or retire)");
	refused(fx, XT_OPTIONS, "decision_id,number,name,choice,currency,"
	    "one_time_cost,monthly_cost,annual_increase_pct,ops_fte,"
	    "fte_annual_cost,lockin_cost,lockin_probability\n"
	    "1,1,X,buy,eur,0,0,0,0,0,0,0\n", "in.csv:2: currency: invalid "
	    "currency 'eur' (three upper-case letters)");
}

/* The names of the decisions table's indexes, comma separated. */
static char *
decision_indexes(struct db *db)
{
	struct stmt	*stmt;
	struct strbuf	 sb;

	stmt = db_prepare(db, "SELECT name FROM sqlite_schema WHERE type = "
	    "'index' AND tbl_name = 'decisions' AND sql IS NOT NULL ORDER BY "
	    "name");
	assert_non_null(stmt);
	sb_init(&sb);
	while (engine_step(stmt) == ENGINE_ROW)
		sb_addf(&sb, "%s,", engine_column_text(stmt, 0));
	engine_finalize(stmt);
	return sb_detach(&sb);
}

static void
test_bulk_import_rebuilds_the_indexes(void **state)
{
	struct fx	*fx = *state;
	char		*before, *after, path[] = "/tmp/mvb-bulk-XXXXXX";
	char		*text = xmalloc(9001);
	FILE		*fp;
	long		 rows, i;
	int64_t		 n;
	int		 fd;

	before = decision_indexes(fx->db);
	assert_string_equal(before, "decisions_open_deadline,"
	    "decisions_open_next,");
	/* 8 MB and more is a bulk load: 1000 rows of 9000-byte rationales. */
	memset(text, 'r', 9000);
	text[9000] = '\0';
	assert_true((fd = mkstemp(path)) >= 0);
	fp = fdopen(fd, "w+");
	assert_non_null(fp);
	fputs("title,capability,choice,rationale\n", fp);
	for (i = 0; i < 1000; i++)
		fprintf(fp, "T%ld,c,buy,%s\n", i, text);
	rewind(fp);
	assert_int_equal(db_begin(fx->db), 0);
	assert_int_equal(import_table(fx->db, &fx->s, fx->today, XT_DECISIONS,
	    fp, path, &rows, NULL), 0);
	assert_int_equal(db_commit(fx->db), 0);
	fclose(fp);
	unlink(path);
	assert_int_equal(rows, 1000);
	after = decision_indexes(fx->db);
	assert_string_equal(after, before);
	/* And the query planner uses them again. */
	assert_int_equal(db_query_int(fx->db, "SELECT count(*) FROM "
	    "decisions INDEXED BY decisions_open_next WHERE status IN "
	    "('proposed', 'active') AND next_review_on > '2000-01-01'", &n),
	    0);
	assert_int_equal(n, 1000);
	free(before);
	free(after);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_decisions_round_trip,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_assumptions_round_trip,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_metrics_and_measurements_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sunset_round_trip,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_reviews_round_trip_and_anchor, setup, teardown),
		cmocka_unit_test_setup_teardown(test_options_round_trip,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_refusals_name_file_line_and_column, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_bulk_import_rebuilds_the_indexes, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
