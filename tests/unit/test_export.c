/*
 * Export on an in-memory register: the iCalendar feed's events and their
 * two alarms (30 and 7 days before), JSON of a table with derived
 * columns, and the catalogue's JSON members that show shares.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "exchange.h"
#include "option.h"
#include "util.h"

#include "fixture.h"

static int
setup(void **state)
{
	struct db	*db;

	if ((db = fixture_register()) == NULL || db_exec(db, "INSERT INTO "
	    "decisions (id, title, capability, choice, status, decided_on, "
	    "anchor_on, next_review_on, deadline_on, currency, fte_cost_cents) "
	    "VALUES (1, 'Pay', 'p', 'buy', 'active', '2025-01-15', "
	    "'2025-01-15', '2025-07-15', '2026-07-15', 'EUR', 9000000), (2, "
	    "'Old', 'o', 'buy', 'retired', '2025-01-15', '2025-01-15', "
	    "'2025-07-15', '2026-07-15', 'EUR', 9000000); INSERT INTO options "
	    "(decision_id, number, name, choice, currency, one_time_cents, "
	    "monthly_cents, increase_hundredths, ops_fte_hundredths, "
	    "fte_cost_cents, lockin_cost_cents, lockin_prob_hundredths) "
	    "VALUES (1, 1, 'A', 'buy', 'EUR', 100000, 25050, 300, 50, "
	    "9000000, 500000, 25)") == -1)
		return -1;
	*state = db;
	return 0;
}

static int
teardown(void **state)
{
	return fixture_teardown(state);
}

static char *
calendar(struct db *db, long *rows)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);

	assert_int_equal(export_calendar(db, fp, rows, NULL), 0);
	fclose(fp);
	return buf;
}

static size_t
occurrences(const char *hay, const char *needle)
{
	size_t	n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay++;
	}
	return n;
}

static void
test_calendar_events_carry_alarms_30_and_7_days_before(void **state)
{
	char	*ics;
	long	 rows;

	ics = calendar(*state, &rows);
	/* The open decision's window and deadline; the retired one none. */
	assert_int_equal(rows, 2);
	assert_int_equal(occurrences(ics, "BEGIN:VEVENT\r\n"), 2);
	assert_non_null(strstr(ics, "DTSTART;VALUE=DATE:20250715\r\n"));
	assert_non_null(strstr(ics, "DTSTART;VALUE=DATE:20260715\r\n"));
	assert_int_equal(occurrences(ics, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n"), 4);
	assert_int_equal(occurrences(ics, "TRIGGER:-P30D\r\nEND:VALARM\r\n"), 2);
	assert_int_equal(occurrences(ics, "TRIGGER:-P7D\r\nEND:VALARM\r\n"), 2);
	/* The 30-day alarm comes first in each event. */
	assert_true(strstr(ics, "TRIGGER:-P30D") < strstr(ics,
	    "TRIGGER:-P7D"));
	assert_null(strstr(ics, "Old"));
	free(ics);
}

static void
test_options_json_has_derived_run_rate_and_tco(void **state)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);
	long	 rows;

	assert_int_equal(export_table(*state, XT_OPTIONS, 0, 0, FMT_JSON, fp,
	    &rows, NULL), 0);
	fclose(fp);
	assert_int_equal(rows, 1);
	assert_non_null(strstr(buf, "{\"decision_id\":1,\"number\":1,\"name\":"
	    "\"A\",\"choice\":\"buy\",\"currency\":\"EUR\",\"one_time_cost\":"
	    "1000.00,\"monthly_cost\":250.50,\"annual_increase_pct\":3.00,"
	    "\"ops_fte\":0.50,\"fte_annual_cost\":90000.00,\"lockin_cost\":"
	    "5000.00,\"lockin_probability\":0.25,\"annual_run_rate\":48006.00,"
	    "\"tco_24m\":98352.18}"));
	free(buf);
}

static void
test_catalog_json_leaves_out_what_show_nests(void **state)
{
	struct option	o;
	struct strbuf	sb;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.decision_id = 7;
	o.number = 2;
	o.name = "B";
	o.choice = "oss";
	o.currency = "USD";
	o.cost.monthly = 100;
	sb_init(&sb);
	catalog_json(&sb, XT_OPTIONS, &o, NULL, COL_PARENT);
	assert_string_equal(sb.buf, "\"number\":2,\"name\":\"B\",\"choice\":"
	    "\"oss\",\"currency\":\"USD\",\"one_time_cost\":0.00,"
	    "\"monthly_cost\":1.00,\"annual_increase_pct\":0.00,\"ops_fte\":"
	    "0.00,\"fte_annual_cost\":0.00,\"lockin_cost\":0.00,"
	    "\"lockin_probability\":0.00,\"annual_run_rate\":12.00,"
	    "\"tco_24m\":24.00");
	sb_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_calendar_events_carry_alarms_30_and_7_days_before,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_options_json_has_derived_run_rate_and_tco, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_catalog_json_leaves_out_what_show_nests, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
