/*
 * Unit tests of out.c: the exact bytes of CSV (RFC 4180 with CRLF, minimal
 * quoting and the formula-injection guard of mvb(1) CSV), JSON (mvb(1) OUTPUT)
 * and aligned tables, written to a memory stream (not a terminal, so no fitting
 * to a width and no colour).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "out.h"
#include "util.h"

/* A memory stream and what was written to it. */
struct sink {
	FILE	*fp;
	char	*buf;
	size_t	 len;
};

static int
setup(void **state)
{
	struct sink	*s = xcalloc(1, sizeof(*s));

	err_clear();
	if ((s->fp = open_memstream(&s->buf, &s->len)) == NULL) {
		free(s);
		return -1;
	}
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	struct sink	*s = *state;

	if (s->fp != NULL)
		fclose(s->fp);
	free(s->buf);
	free(s);
	err_clear();
	return 0;
}

/* Finish o and assert that the stream holds exactly want. */
static void
assert_output(struct sink *s, struct out *o, const char *want)
{
	assert_int_equal(out_finish(o), 0);
	assert_int_equal(fclose(s->fp), 0);
	s->fp = NULL;
	assert_int_equal(s->len, strlen(want));
	assert_memory_equal(s->buf, want, s->len);
}

/* One CSV field of s as out_add_csv_field() writes it; the caller frees. */
static char *
csv_field(const char *s, int text)
{
	struct strbuf	sb;

	sb_init(&sb);
	out_add_csv_field(&sb, s, text);
	return sb.buf;	/* the caller owns it */
}

static void
assert_csv_field(const char *s, int text, const char *want)
{
	char	*got = csv_field(s, text);

	assert_string_equal(got, want);
	free(got);
}

static void
assert_json_string(const char *s, const char *want)
{
	struct strbuf	sb;

	sb_init(&sb);
	json_add_string(&sb, s);
	assert_string_equal(sb.buf, want);
	sb_release(&sb);
}

static const char *const cols3[] = { "id", "title", "monthly_cost" };

static void
test_csv_writes_a_header_and_rows_with_crlf(void **state)
{
	struct sink	*s = *state;
	struct out	*o;

	o = out_new(FMT_CSV, s->fp, cols3, 3, -1);
	out_int(o, 1);
	out_text(o, "Queue");
	out_fixed2(o, 123450);
	out_end_row(o);
	out_int(o, 22);
	out_text(o, "Portal");
	out_num(o, "5.00");
	out_end_row(o);
	assert_output(s, o, "id,title,monthly_cost\r\n"
	    "1,Queue,1234.50\r\n"
	    "22,Portal,5.00\r\n");
}

static void
test_csv_with_no_rows_is_the_header_alone(void **state)
{
	struct sink	*s = *state;

	assert_output(s, out_new(FMT_CSV, s->fp, cols3, 3, -1),
	    "id,title,monthly_cost\r\n");
}

static void
test_csv_writes_null_empty_and_missing_cells_as_empty_fields(void **state)
{
	struct sink	*s = *state;
	struct out	*o;

	o = out_new(FMT_CSV, s->fp, cols3, 3, -1);
	out_int(o, 1);
	out_text(o, NULL);
	out_num(o, NULL);
	out_end_row(o);
	out_int(o, 2);
	out_text(o, "");
	out_end_row(o);
	out_end_row(o);
	assert_output(s, o, "id,title,monthly_cost\r\n"
	    "1,,\r\n"
	    "2,,\r\n"
	    ",,\r\n");
}

static void
test_csv_ignores_cells_past_the_last_column(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "a", "b" };
	struct out		*o;

	o = out_new(FMT_CSV, s->fp, cols, 2, -1);
	out_text(o, "x");
	out_text(o, "y");
	out_text(o, "z");
	out_end_row(o);
	assert_output(s, o, "a,b\r\nx,y\r\n");
}

static void
test_csv_quotes_only_fields_with_comma_quote_cr_or_lf(void **state)
{
	(void)state;
	assert_csv_field("plain text", 1, "plain text");
	assert_csv_field(" leading and trailing ", 1, " leading and trailing ");
	assert_csv_field("semi;colon", 1, "semi;colon");
	assert_csv_field("tab\tinside", 1, "tab\tinside");
	assert_csv_field("Café 日本", 1, "Café 日本");
	assert_csv_field("a,b", 1, "\"a,b\"");
	assert_csv_field("say \"hi\"", 1, "\"say \"\"hi\"\"\"");
	assert_csv_field("\"", 1, "\"\"\"\"");
	assert_csv_field("line\nbreak", 1, "\"line\nbreak\"");
	assert_csv_field("carriage\rreturn", 1, "\"carriage\rreturn\"");
	assert_csv_field("crlf\r\n", 1, "\"crlf\r\n\"");
	assert_csv_field("", 1, "");
}

static void
test_csv_guards_text_starting_with_a_formula_character(void **state)
{
	(void)state;
	assert_csv_field("'quoted", 1, "''quoted");
	assert_csv_field("=SUM(A1:A9)", 1, "'=SUM(A1:A9)");
	assert_csv_field("+1 555", 1, "'+1 555");
	assert_csv_field("-minus", 1, "'-minus");
	assert_csv_field("-1", 1, "'-1");
	assert_csv_field("@cmd", 1, "'@cmd");
	assert_csv_field("\tindented", 1, "'\tindented");
	assert_csv_field("=", 1, "'=");
	/* Only the first character counts. */
	assert_csv_field("a=b", 1, "a=b");
	assert_csv_field(" =x", 1, " =x");
	assert_csv_field("a-b+c@d", 1, "a-b+c@d");
}

static void
test_csv_guard_goes_inside_the_quotes(void **state)
{
	(void)state;
	assert_csv_field("-a,b", 1, "\"'-a,b\"");
	assert_csv_field("=\"x\"", 1, "\"'=\"\"x\"\"\"");
	assert_csv_field("\rx", 1, "\"'\rx\"");
	assert_csv_field("@a\nb", 1, "\"'@a\nb\"");
	assert_csv_field("'a,b", 1, "\"''a,b\"");
}

static void
test_csv_does_not_guard_numbers_or_headers(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "-delta", "=x,y", "n" };
	struct out		*o;

	assert_csv_field("-5.00", 0, "-5.00");
	assert_csv_field("+5", 0, "+5");
	o = out_new(FMT_CSV, s->fp, cols, 3, -1);
	out_num(o, "-5.00");
	out_int(o, -3);
	out_fixed2(o, -150);
	out_end_row(o);
	out_text(o, "-5.00");
	out_text(o, "x");
	out_text(o, "y");
	out_end_row(o);
	assert_output(s, o, "-delta,\"=x,y\",n\r\n"
	    "-5.00,-3,-1.50\r\n"
	    "'-5.00,x,y\r\n");
}

/* Integers are written by hand: zero, both ends of the range. */
static void
test_csv_writes_integers_at_the_ends_of_the_range(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "a", "b", "c", "d" };
	struct out		*o;

	o = out_new(FMT_CSV, s->fp, cols, 4, -1);
	out_int(o, 0);
	out_int(o, 9);
	out_int(o, INT64_MAX);
	out_int(o, INT64_MIN);
	out_end_row(o);
	assert_output(s, o, "a,b,c,d\r\n"
	    "0,9,9223372036854775807,-9223372036854775808\r\n");
}

static void
test_json_writes_an_array_of_objects(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = {
		"id", "title", "vendor", "monthly_cost"
	};
	struct out		*o;

	o = out_new(FMT_JSON, s->fp, cols, 4, -1);
	out_int(o, 1);
	out_text(o, "Queue");
	out_text(o, NULL);
	out_fixed2(o, 123450);
	out_end_row(o);
	out_int(o, 2);
	out_text(o, "");
	out_text(o, "Acme");
	out_num(o, NULL);
	out_end_row(o);
	assert_output(s, o, "[\n"
	    "{\"id\":1,\"title\":\"Queue\",\"vendor\":null,"
	    "\"monthly_cost\":1234.50},\n"
	    "{\"id\":2,\"title\":\"\",\"vendor\":\"Acme\","
	    "\"monthly_cost\":null}\n"
	    "]\n");
}

static void
test_json_fills_missing_cells_with_null(void **state)
{
	struct sink	*s = *state;
	struct out	*o;

	o = out_new(FMT_JSON, s->fp, cols3, 3, -1);
	out_int(o, 7);
	out_end_row(o);
	assert_output(s, o, "[\n"
	    "{\"id\":7,\"title\":null,\"monthly_cost\":null}\n"
	    "]\n");
}

static void
test_json_with_no_rows_is_an_empty_array(void **state)
{
	struct sink	*s = *state;

	assert_output(s, out_new(FMT_JSON, s->fp, cols3, 3, -1), "[]\n");
}

static void
test_json_does_not_guard_text_or_numbers(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "a", "b" };
	struct out		*o;

	o = out_new(FMT_JSON, s->fp, cols, 2, -1);
	out_text(o, "=SUM(A1)");
	out_fixed2(o, -5);
	out_end_row(o);
	assert_output(s, o, "[\n{\"a\":\"=SUM(A1)\",\"b\":-0.05}\n]\n");
}

static void
test_json_escapes_quotes_backslashes_and_control_characters(void **state)
{
	(void)state;
	assert_json_string("", "\"\"");
	assert_json_string("plain", "\"plain\"");
	assert_json_string("say \"hi\"", "\"say \\\"hi\\\"\"");
	assert_json_string("C:\\path", "\"C:\\\\path\"");
	assert_json_string("a\nb", "\"a\\nb\"");
	assert_json_string("a\tb", "\"a\\tb\"");
	assert_json_string("a\rb", "\"a\\rb\"");
	assert_json_string("\x01", "\"\\u0001\"");
	assert_json_string("\x1f", "\"\\u001f\"");
	assert_json_string("\x7f", "\"\\u007f\"");
	assert_json_string("/", "\"/\"");
	assert_json_string("Café 日本 €", "\"Café 日本 €\"");
}

static void
test_json_escapes_column_names_and_values_in_rows(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "we\"ird" };
	struct out		*o;

	o = out_new(FMT_JSON, s->fp, cols, 1, -1);
	out_text(o, "a\\b\x01");
	out_end_row(o);
	assert_output(s, o, "[\n{\"we\\\"ird\":\"a\\\\b\\u0001\"}\n]\n");
}

static void
test_table_aligns_columns_with_two_spaces(void **state)
{
	struct sink	*s = *state;
	struct out	*o;

	o = out_new(FMT_TABLE, s->fp, cols3, 3, -1);
	out_int(o, 1);
	out_text(o, "Queue");
	out_fixed2(o, 123450);
	out_end_row(o);
	out_int(o, 22);
	out_text(o, "Portal");
	out_fixed2(o, 500);
	out_end_row(o);
	assert_output(s, o,
	    "id  title   monthly_cost\n"
	    " 1  Queue        1234.50\n"
	    "22  Portal          5.00\n");
}

static void
test_table_right_aligns_numbers_and_left_aligns_text(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "n", "name", "amount", "note" };
	struct out		*o;

	o = out_new(FMT_TABLE, s->fp, cols, 4, -1);
	out_int(o, 100);
	out_text(o, "a");
	out_num(o, "-1.50");
	out_text(o, "first");
	out_end_row(o);
	out_int(o, 5);
	out_text(o, "longer name");
	out_num(o, "12345.00");
	out_text(o, "x");
	out_end_row(o);
	assert_output(s, o,
	    "n    name         amount    note\n"
	    "100  a               -1.50  first\n"
	    "  5  longer name  12345.00  x\n");
}

static void
test_table_has_no_trailing_spaces(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "id", "title", "owner" };
	struct out		*o;

	o = out_new(FMT_TABLE, s->fp, cols, 3, -1);
	out_int(o, 1);
	out_text(o, "A much longer title");
	out_text(o, NULL);
	out_end_row(o);
	out_int(o, 2);
	out_text(o, "Short");
	out_text(o, "bob");
	out_end_row(o);
	assert_output(s, o,
	    "id  title                owner\n"
	    " 1  A much longer title\n"
	    " 2  Short                bob\n");
}

static void
test_table_measures_wide_characters_by_display_width(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "title", "n" };
	struct out		*o;

	o = out_new(FMT_TABLE, s->fp, cols, 2, -1);
	out_text(o, "日本語");
	out_int(o, 1);
	out_end_row(o);
	out_text(o, "abc");
	out_int(o, 2);
	out_end_row(o);
	assert_output(s, o,
	    "title   n\n"
	    "日本語  1\n"
	    "abc     2\n");
}

static void
test_table_shows_line_feeds_and_tabs_as_spaces(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "text", "n" };
	struct out		*o;

	o = out_new(FMT_TABLE, s->fp, cols, 2, -1);
	out_text(o, "a\nb\tc");
	out_int(o, 1);
	out_end_row(o);
	assert_output(s, o,
	    "text   n\n"
	    "a b c  1\n");
}

static void
test_table_with_no_rows_prints_nothing(void **state)
{
	struct sink	*s = *state;

	assert_output(s, out_new(FMT_TABLE, s->fp, cols3, 3, -1), "");
}

static void
test_table_on_a_stream_gets_no_colour_and_no_width(void **state)
{
	struct sink		*s = *state;
	static const char *const cols[] = { "id", "flags" };
	struct out		*o;

	assert_false(out_colour(s->fp));
	assert_int_equal(out_width(s->fp), 0);
	o = out_new(FMT_TABLE, s->fp, cols, 2, 1);
	out_int(o, 1);
	out_text(o, "overdue;due");
	out_end_row(o);
	assert_output(s, o,
	    "id  flags\n"
	    " 1  overdue;due\n");
}

static void
test_finish_reports_a_failed_write(void **state)
{
	struct out	*o;
	FILE		*fp;

	(void)state;
	if ((fp = fopen("/dev/full", "w")) == NULL)
		skip();
	o = out_new(FMT_CSV, fp, cols3, 3, -1);
	out_int(o, 1);
	out_text(o, "Queue");
	out_fixed2(o, 1);
	out_end_row(o);
	assert_int_equal(out_finish(o), -1);
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_string_equal(err_msg(),
	    "cannot write output: No space left on device");
	fclose(fp);
}

static void
test_flags_are_coloured_red_yellow_or_plain(void **state)
{
	struct strbuf	sb;

	(void)state;
	sb_init(&sb);
	out_add_flags(&sb, "overdue;sunset;missed;upcoming",
	    "overdue;sunset;missed;upcoming");
	assert_string_equal(sb.buf, "\033[31moverdue\033[0m;"
	    "\033[31msunset\033[0m;\033[33mmissed\033[0m;upcoming");
	sb_release(&sb);
}

static void
test_a_cut_flags_cell_keeps_the_colour_of_each_flag(void **state)
{
	struct strbuf	sb;

	(void)state;
	sb_init(&sb);
	out_add_flags(&sb, "due;upc…", "due;upcoming");
	assert_string_equal(sb.buf, "\033[33mdue\033[0m;upc…");
	sb_reset(&sb);
	out_add_flags(&sb, "overd…", "overdue;assumption");
	assert_string_equal(sb.buf, "\033[31moverd…\033[0m");
	sb_release(&sb);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_flags_are_coloured_red_yellow_or_plain),
		T(test_a_cut_flags_cell_keeps_the_colour_of_each_flag),
		T(test_csv_writes_a_header_and_rows_with_crlf),
		T(test_csv_with_no_rows_is_the_header_alone),
		T(test_csv_writes_null_empty_and_missing_cells_as_empty_fields),
		T(test_csv_ignores_cells_past_the_last_column),
		T(test_csv_quotes_only_fields_with_comma_quote_cr_or_lf),
		T(test_csv_guards_text_starting_with_a_formula_character),
		T(test_csv_guard_goes_inside_the_quotes),
		T(test_csv_does_not_guard_numbers_or_headers),
		T(test_csv_writes_integers_at_the_ends_of_the_range),
		T(test_json_writes_an_array_of_objects),
		T(test_json_fills_missing_cells_with_null),
		T(test_json_with_no_rows_is_an_empty_array),
		T(test_json_does_not_guard_text_or_numbers),
		T(test_json_escapes_quotes_backslashes_and_control_characters),
		T(test_json_escapes_column_names_and_values_in_rows),
		T(test_table_aligns_columns_with_two_spaces),
		T(test_table_right_aligns_numbers_and_left_aligns_text),
		T(test_table_has_no_trailing_spaces),
		T(test_table_measures_wide_characters_by_display_width),
		T(test_table_shows_line_feeds_and_tabs_as_spaces),
		T(test_table_with_no_rows_prints_nothing),
		T(test_table_on_a_stream_gets_no_colour_and_no_width),
		T(test_finish_reports_a_failed_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
