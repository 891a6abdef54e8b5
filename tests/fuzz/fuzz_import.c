/*
 * The CSV importer (mvb(1) IMPORT AND EXPORT): the first byte picks one of
 * the seven tables, the rest is the whole file. Runs on an in-memory
 * register that holds a few decisions to refer to, in a transaction rolled
 * back after each input. An import that succeeds must leave no row
 * referring to a missing one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cmd.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "exchange.h"
#include "fuzz.h"
#include "settings.h"
#include "util.h"

static struct db		*db;
static struct settings	 settings;
static int32_t		 today;

/* The metrics of sample-data/, which its measurements refer to. */
static const char metrics[] =
    "decision_id,name,op,target,unit,target_on\n"
    "2,ops_hours,<=,10,hours a month,2027-08-20\n"
    "3,delivery_p99_s,<=,30,s,2027-05-11\n"
    "5,inbox_placement,>=,95,%,2025-07-20\n"
    "7,infra_usd,<=,5000,USD a month,2027-10-05\n"
    "8,adoption,>=,60,%,2025-05-06\n"
    "9,adoption,>=,60,%,2026-10-20\n"
    "10,new_services_on_paths,>=,80,%,2027-01-12\n"
    "11,provision_hours,<=,4,h,2026-06-16\n"
    "12,deploy_minutes,<=,15,min,2026-08-09\n"
    "13,gitops_share,>=,90,%,2026-09-22\n"
    "15,meshed_services,>=,95,%,2025-10-21\n"
    "16,login_success,>=,99,%,2026-07-14\n"
    "17,dynamic_creds,>=,80,%,2026-04-07\n"
    "18,audit_prep_weeks,<=,2,weeks,2027-07-06\n"
    "21,p99_ms,<=,5,ms,2026-08-31\n"
    "22,search_p99_ms,<=,200,ms,2026-02-17\n"
    "22,zero_results,<=,5,%,2026-02-17\n"
    "24,dashboard_p95_ms,<=,800,ms,2026-12-10\n"
    "25,weekly_users,>=,40,,2025-07-08\n"
    "28,cache_hit,>=,90,%,2026-11-28\n";

/* Import text into table t, in a transaction committed; or stop. */
static void
load(enum xtable t, const char *text, size_t len)
{
	FILE	*fp;
	long	 rows;

	if ((fp = fmemopen((void *)text, len, "r")) == NULL ||
	    db_begin(db) == -1 ||
	    import_table(db, &settings, today, t, fp, "seed", &rows,
	    NULL) == -1 || db_commit(db) == -1)
		fuzz_fail("set-up", err_msg() != NULL ? err_msg() : "");
	fclose(fp);
	err_clear();
}

/* Thirty decisions, as many as sample-data/ refers to, and its metrics. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct strbuf	 sb;
	const char	*damaged;
	int		 i;

	(void)argc;
	(void)argv;
	setenv("USER", "fuzz", 1);
	date_parse("2026-11-22", &today);
	if ((db = db_open_memory()) == NULL ||
	    settings_read(db, &settings, &damaged) == -1)
		fuzz_fail("set-up", err_msg() != NULL ? err_msg() : "");
	sb_init(&sb);
	sb_adds(&sb, "title,capability,choice,vendor,status,decided_on,"
	    "currency,monthly_cost\n");
	for (i = 1; i <= 30; i++)
		sb_addf(&sb, "Decision %d,capability %d,%s,Vendor,%s,"
		    "2024-%02d-01,USD,%d.00\n", i, i % 4, i % 2 ? "buy" :
		    "build", i % 5 ? "active" : "superseded", 1 + i % 12, i);
	load(XT_DECISIONS, sb.buf, sb.len);
	sb_release(&sb);
	load(XT_METRICS, metrics, sizeof(metrics) - 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum xtable	 t;
	FILE		*fp;
	char		*copy;
	long		 rows = 0;
	int64_t		 bad;
	int		 rc;

	if (size == 0)
		return 0;
	t = (enum xtable)(data[0] % XT_COUNT);
	copy = fuzz_string(data + 1, size - 1);
	fp = size > 1 ? fmemopen(copy, size - 1, "r") :
	    fopen("/dev/null", "r");
	if (fp == NULL)
		fuzz_fail("fmemopen", "");
	err_clear();
	if (db_begin(db) == -1)
		fuzz_fail("begin", err_msg());
	rc = import_table(db, &settings, today, t, fp, "fuzz.csv", &rows,
	    NULL);
	if (rc == 0) {
		if (db_query_int(db, "SELECT count(*) FROM "
		    "pragma_foreign_key_check", &bad) == -1 || bad != 0)
			fuzz_fail("import left a dangling reference",
			    xtable_names[t]);
	} else if (err_msg() == NULL || err_code() == EXIT_OK)
		fuzz_fail("import failed without an error", xtable_names[t]);
	db_rollback(db);
	err_clear();
	fclose(fp);
	free(copy);
	return 0;
}
