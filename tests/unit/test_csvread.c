/*
 * Unit tests of csvread.c: byte strings read through fmemopen() and the
 * records, fields and line numbers that come out (mvb(1) CSV): CRLF, LF and
 * CR line ends, the byte-order mark, blank lines, quoted fields with
 * commas, quotes and line breaks, spaces and tabs kept as data, every
 * structural error with its exact message, a callback that stops the
 * reading, and inputs larger than the reader's 64 KiB chunks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "err.h"
#include "util.h"

#define CHUNK 65536	/* the reader's chunk size */

/*
 * What the callback saw, one line per record: "LINE:<field><field>...",
 * and how many times it was called; it returns -1 on call stop_at.
 */
struct seen {
	struct strbuf	 sb;
	int		 calls;
	int		 stop_at;	/* 0: never stop */
};

static int
collect(void *arg, const struct csvr_record *r)
{
	struct seen	*s = arg;
	int		 i;

	s->calls++;
	sb_addf(&s->sb, "%ld:", r->line);
	for (i = 0; i < r->nfields; i++) {
		sb_addc(&s->sb, '<');
		sb_adds(&s->sb, r->fields[i]);
		sb_addc(&s->sb, '>');
	}
	sb_addc(&s->sb, '\n');
	if (s->calls == s->stop_at)
		return err_usage("stopped at record %d", s->calls);
	return 0;
}

/* Read len bytes of data as file "in"; *s gets what the callback saw. */
static int
read_bytes(const char *data, size_t len, struct seen *s, int stop_at)
{
	FILE	*fp;
	int	 rc;

	err_clear();
	sb_init(&s->sb);
	s->calls = 0;
	s->stop_at = stop_at;
	fp = fmemopen((void *)data, len, "r");
	assert_non_null(fp);
	rc = csvr_read(fp, "in", collect, s);
	fclose(fp);
	return rc;
}

/* Reading data (a string literal, NULs allowed) succeeds with want. */
#define assert_reads(data, want) do {					\
	struct seen s_;							\
	assert_int_equal(read_bytes((data), sizeof(data) - 1, &s_, 0), 0); \
	assert_null(err_msg());						\
	assert_string_equal(s_.sb.buf, (want));				\
	sb_release(&s_.sb);						\
} while (0)

/* Reading data fails with usage error msg after the records in want. */
#define assert_refused(data, want, msg) do {				\
	struct seen s_;							\
	assert_int_equal(read_bytes((data), sizeof(data) - 1, &s_, 0), -1); \
	assert_int_equal(err_code(), EXIT_USAGE);			\
	assert_string_equal(err_msg(), (msg));				\
	assert_string_equal(s_.sb.buf, (want));				\
	sb_release(&s_.sb);						\
} while (0)

static void
test_crlf_ends_records(void **state)
{
	(void)state;
	assert_reads("a,b\r\n1,2\r\n3,4\r\n",
	    "1:<a><b>\n2:<1><2>\n3:<3><4>\n");
}

static void
test_lf_ends_records(void **state)
{
	(void)state;
	assert_reads("a,b\n1,2\n3,4\n", "1:<a><b>\n2:<1><2>\n3:<3><4>\n");
}

static void
test_cr_ends_records(void **state)
{
	(void)state;
	assert_reads("a,b\r1,2\r3,4\r", "1:<a><b>\n2:<1><2>\n3:<3><4>\n");
}

static void
test_mixed_line_ends_and_no_final_line_end(void **state)
{
	(void)state;
	assert_reads("a,b\n1,2\r\n3,4\r5,6",
	    "1:<a><b>\n2:<1><2>\n3:<3><4>\n4:<5><6>\n");
}

static void
test_lf_cr_is_a_line_end_and_a_blank_line(void **state)
{
	(void)state;
	assert_reads("a,b\n\r1,2\n", "1:<a><b>\n3:<1><2>\n");
}

static void
test_byte_order_mark_is_skipped_at_the_start_only(void **state)
{
	(void)state;
	assert_reads("\xef\xbb\xbf" "a,b\r\n1,2\r\n", "1:<a><b>\n2:<1><2>\n");
	assert_reads("a,b\r\n\xef\xbb\xbfx,y\r\n",
	    "1:<a><b>\n2:<\xef\xbb\xbfx><y>\n");
}

static void
test_blank_lines_are_skipped_and_counted(void **state)
{
	(void)state;
	assert_reads("\r\n\na,b\r\n\r\n1,2\n\n\r3,4\r\n\r\n",
	    "3:<a><b>\n5:<1><2>\n8:<3><4>\n");
}

static void
test_empty_input_has_no_records(void **state)
{
	(void)state;
	assert_reads("", "");
	assert_reads("\r\n\n\r", "");
	assert_reads("\xef\xbb\xbf", "");
}

static void
test_quoted_fields_keep_commas_and_quotes(void **state)
{
	(void)state;
	assert_reads("h1,h2\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"\",\"\"\"\"\r\n",
	    "1:<h1><h2>\n2:<a,b><say \"hi\">\n3:<><\">\n");
}

static void
test_quoted_line_breaks_are_data_and_are_counted(void **state)
{
	(void)state;
	/* Record 3 spans lines 3-6, a blank line inside the quotes kept;
	 * every line break inside quotes reads as LF, whatever ended it. */
	assert_reads("h1,h2\r\n"
	    "first,1\r\n"
	    "\"multi\r\nline\n\nmore\",x\r\n"
	    "last,y\r\n"
	    "\"a\rb\",z\r",
	    "1:<h1><h2>\n2:<first><1>\n3:<multi\nline\n\nmore><x>\n"
	    "7:<last><y>\n8:<a\nb><z>\n");
}

static void
test_spaces_and_tabs_are_data(void **state)
{
	(void)state;
	assert_reads(" a , b \t,\tc\r\n  ,\t, \r\n\" q \",\t,x \r\n",
	    "1:< a >< b \t><\tc>\n2:<  ><\t>< >\n3:< q ><\t><x >\n");
}

static void
test_empty_fields(void **state)
{
	(void)state;
	assert_reads("a,b,c\r\n,,\r\n\"\",,\"\"\r\nx,,\r\n",
	    "1:<a><b><c>\n2:<><><>\n3:<><><>\n4:<x><><>\n");
}

static void
test_utf8_is_accepted(void **state)
{
	(void)state;
	assert_reads("name\r\n日本語 café 🎉\r\n",
	    "1:<name>\n2:<日本語 café 🎉>\n");
}

static void
test_nul_byte_is_refused(void **state)
{
	(void)state;
	assert_refused("a,b\r\n1,2\r\nx,\0y\r\n", "1:<a><b>\n2:<1><2>\n",
	    "in:3: b: NUL byte in the input");
	assert_refused("\0", "", "in:1: header: NUL byte in the input");
}

static void
test_nul_in_a_quoted_line_break_names_the_record_start(void **state)
{
	(void)state;
	assert_refused("a,b\r\n\"x\ny\0\",z\r\n", "1:<a><b>\n",
	    "in:2: a: NUL byte in the input");
}

static void
test_invalid_utf8_is_refused(void **state)
{
	(void)state;
	assert_refused("a,b\r\n1,\xff\r\n", "1:<a><b>\n",
	    "in:2: b: invalid UTF-8");
	assert_refused("a,b\r\n1,caf\xe9\r\n", "1:<a><b>\n",
	    "in:2: b: invalid UTF-8");
	assert_refused("a,b\r\n1,\xc0\xaf\r\n", "1:<a><b>\n",
	    "in:2: b: invalid UTF-8");
	assert_refused("a,b\r\n\xe6\x97,1\r\n", "1:<a><b>\n",
	    "in:2: a: invalid UTF-8");
	assert_refused("\xff" "a,b\r\n", "", "in:1: header: invalid UTF-8");
}

static void
test_invalid_utf8_in_a_quoted_line_break_names_its_record(void **state)
{
	(void)state;
	assert_refused("a,b\r\n1,2\r\n\"x\n\ny\xff\",z\r\n",
	    "1:<a><b>\n2:<1><2>\n", "in:3: a: invalid UTF-8");
}

static void
test_ragged_rows_are_refused(void **state)
{
	(void)state;
	assert_refused("a,b,c\r\n1,2,3\r\n1,2\r\n",
	    "1:<a><b><c>\n2:<1><2><3>\n",
	    "in:3: 2 fields where the header has 3 (ragged row)");
	assert_refused("a,b\r\n1,2,3\r\n", "1:<a><b>\n",
	    "in:2: 3 fields where the header has 2 (ragged row)");
	assert_refused("a,b\r\nx\r\n", "1:<a><b>\n",
	    "in:2: 1 field where the header has 2 (ragged row)");
	assert_refused("a,b\r\nx", "1:<a><b>\n",
	    "in:2: 1 field where the header has 2 (ragged row)");
}

static void
test_ragged_row_after_a_multi_line_field_names_its_line(void **state)
{
	(void)state;
	assert_refused("a,b\r\n\"x\ny\",z\r\n\r\nonly\r\n",
	    "1:<a><b>\n2:<x\ny><z>\n",
	    "in:5: 1 field where the header has 2 (ragged row)");
}

static void
test_unterminated_quote_is_refused(void **state)
{
	(void)state;
	assert_refused("a,b\r\n1,2\r\n3,\"open\r\nmore,4\r\n",
	    "1:<a><b>\n2:<1><2>\n", "in:3: unterminated quoted field");
	assert_refused("a,b\r\n\"", "1:<a><b>\n",
	    "in:2: unterminated quoted field");
}

#define MALFORMED "malformed quoting (a quote must open and close a whole " \
	"field; write \"\" inside one)"

static void
test_stray_quote_is_refused(void **state)
{
	(void)state;
	assert_refused("a,b\r\n1,x\"y\r\n", "1:<a><b>\n", "in:2: " MALFORMED);
	assert_refused("a,b\r\n1,\"x\"y\r\n", "1:<a><b>\n", "in:2: " MALFORMED);
	assert_refused("a,b\r\n\"x\ny\",z\r\n1,\"x\" \r\n",
	    "1:<a><b>\n2:<x\ny><z>\n", "in:4: " MALFORMED);
	assert_refused("a,b\r\n\"x\ny\"z,1\r\n", "1:<a><b>\n",
	    "in:2: " MALFORMED);
}

static void
test_messages_use_the_given_name(void **state)
{
	struct seen	 s;
	FILE		*fp;
	const char	 data[] = "a,b\r\n1\r\n";

	(void)state;
	err_clear();
	sb_init(&s.sb);
	s.calls = 0;
	s.stop_at = 0;
	fp = fmemopen((void *)data, sizeof(data) - 1, "r");
	assert_non_null(fp);
	assert_int_equal(csvr_read(fp, "-", collect, &s), -1);
	fclose(fp);
	assert_string_equal(err_msg(),
	    "-:2: 1 field where the header has 2 (ragged row)");
	sb_release(&s.sb);
}

static void
test_a_callback_returning_minus_one_stops_reading(void **state)
{
	struct seen	s;
	const char	data[] = "a,b\r\n1,2\r\n3,4\r\nbroken\r\n";
	const char	last[] = "a,b\r\n1,2";

	(void)state;
	assert_int_equal(read_bytes(data, sizeof(data) - 1, &s, 2), -1);
	assert_int_equal(s.calls, 2);
	assert_string_equal(s.sb.buf, "1:<a><b>\n2:<1><2>\n");
	/* Its own message stands: the ragged row later is never read. */
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "stopped at record 2");
	sb_release(&s.sb);

	/* The last record, ended by the end of the input. */
	assert_int_equal(read_bytes(last, sizeof(last) - 1, &s, 2), -1);
	assert_int_equal(s.calls, 2);
	assert_string_equal(err_msg(), "stopped at record 2");
	sb_release(&s.sb);

	/* On the header. */
	assert_int_equal(read_bytes(data, sizeof(data) - 1, &s, 1), -1);
	assert_int_equal(s.calls, 1);
	assert_string_equal(err_msg(), "stopped at record 1");
	sb_release(&s.sb);
}

/* Append n copies of c. */
static void
fill(struct strbuf *sb, char c, size_t n)
{
	while (n-- > 0)
		sb_addc(sb, c);
}

/* Read sb's bytes; assert success and that the callback saw want. */
static void
assert_reads_sb(const struct strbuf *in, const struct strbuf *want)
{
	struct seen	s;

	assert_int_equal(read_bytes(in->buf, in->len, &s, 0), 0);
	assert_null(err_msg());
	assert_int_equal(s.sb.len, want->len);
	assert_memory_equal(s.sb.buf, want->buf, want->len);
	sb_release(&s.sb);
}

static void
test_crlf_split_across_chunks_and_record_spanning_them(void **state)
{
	struct strbuf	in, want;
	size_t		n;

	(void)state;
	sb_init(&in);
	sb_init(&want);
	/* Line 1: the header. */
	sb_adds(&in, "h1,h2\r\n");
	sb_adds(&want, "1:<h1><h2>\n");
	/* Line 2 ends with a CR at the last byte of the first chunk and its
	 * LF at the first byte of the next. */
	sb_adds(&in, "r2,");
	n = CHUNK - 1 - in.len;
	fill(&in, 'a', n);
	assert_int_equal(in.len, CHUNK - 1);
	sb_adds(&in, "\r\n");
	sb_adds(&want, "2:<r2><");
	fill(&want, 'a', n);
	sb_adds(&want, ">\n");
	/* Lines 3-4: a quoted field over two lines, across the second
	 * chunk boundary, with a two-byte character split by it. */
	sb_addc(&in, '"');
	fill(&in, 'b', 2 * CHUNK - 1 - in.len);
	sb_adds(&in, "\xc3\xa9\n");
	fill(&in, 'c', 1000);
	sb_adds(&in, "\",x\r\n");
	sb_adds(&want, "3:<");
	fill(&want, 'b', 2 * CHUNK - 1 - (CHUNK + 1) - 1);
	sb_adds(&want, "\xc3\xa9\n");
	fill(&want, 'c', 1000);
	sb_adds(&want, "><x>\n");
	/* Lines 5-6, the last without a line end. */
	sb_adds(&in, "\r\nlast,y");
	sb_adds(&want, "6:<last><y>\n");
	assert_true(in.len > 2 * CHUNK);
	assert_reads_sb(&in, &want);
	sb_release(&in);
	sb_release(&want);
}

static void
test_lone_cr_at_a_chunk_end_ends_its_line(void **state)
{
	struct strbuf	in, want;

	(void)state;
	sb_init(&in);
	sb_init(&want);
	sb_adds(&in, "h\r");
	fill(&in, 'a', CHUNK - 1 - in.len);
	sb_adds(&in, "\rnext\rlast\r");
	sb_adds(&want, "1:<h>\n2:<");
	fill(&want, 'a', CHUNK - 1 - 2);
	sb_adds(&want, ">\n3:<next>\n4:<last>\n");
	assert_reads_sb(&in, &want);

	/* A CR as the very last byte of a chunk and of the input. */
	sb_reset(&in);
	sb_reset(&want);
	sb_adds(&in, "h\r");
	fill(&in, 'a', CHUNK - 1 - in.len);
	sb_addc(&in, '\r');
	assert_int_equal(in.len, CHUNK);
	sb_adds(&want, "1:<h>\n2:<");
	fill(&want, 'a', CHUNK - 1 - 2);
	sb_adds(&want, ">\n");
	assert_reads_sb(&in, &want);
	sb_release(&in);
	sb_release(&want);
}

static void
test_error_past_the_first_chunk_names_its_line(void **state)
{
	struct strbuf	 in;
	struct seen	 s;
	int		 i;

	(void)state;
	sb_init(&in);
	sb_adds(&in, "a,b\r\n");
	for (i = 0; i < 20000; i++)
		sb_adds(&in, "12,34\r\n");	/* lines 2-20001 */
	sb_adds(&in, "\"quoted\nfield\",x\r\n");	/* lines 20002-20003 */
	sb_adds(&in, "ragged\r\n");		/* line 20004 */
	assert_true(in.len > 2 * CHUNK);
	assert_int_equal(read_bytes(in.buf, in.len, &s, 0), -1);
	assert_int_equal(s.calls, 20002);
	assert_string_equal(err_msg(),
	    "in:20004: 1 field where the header has 2 (ragged row)");
	sb_release(&s.sb);
	sb_release(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crlf_ends_records),
		cmocka_unit_test(test_lf_ends_records),
		cmocka_unit_test(test_cr_ends_records),
		cmocka_unit_test(test_mixed_line_ends_and_no_final_line_end),
		cmocka_unit_test(test_lf_cr_is_a_line_end_and_a_blank_line),
		cmocka_unit_test(
		    test_byte_order_mark_is_skipped_at_the_start_only),
		cmocka_unit_test(test_blank_lines_are_skipped_and_counted),
		cmocka_unit_test(test_empty_input_has_no_records),
		cmocka_unit_test(test_quoted_fields_keep_commas_and_quotes),
		cmocka_unit_test(
		    test_quoted_line_breaks_are_data_and_are_counted),
		cmocka_unit_test(test_spaces_and_tabs_are_data),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_utf8_is_accepted),
		cmocka_unit_test(test_nul_byte_is_refused),
		cmocka_unit_test(
		    test_nul_in_a_quoted_line_break_names_the_record_start),
		cmocka_unit_test(test_invalid_utf8_is_refused),
		cmocka_unit_test(
		    test_invalid_utf8_in_a_quoted_line_break_names_its_record),
		cmocka_unit_test(test_ragged_rows_are_refused),
		cmocka_unit_test(
		    test_ragged_row_after_a_multi_line_field_names_its_line),
		cmocka_unit_test(test_unterminated_quote_is_refused),
		cmocka_unit_test(test_stray_quote_is_refused),
		cmocka_unit_test(test_messages_use_the_given_name),
		cmocka_unit_test(
		    test_a_callback_returning_minus_one_stops_reading),
		cmocka_unit_test(
		    test_crlf_split_across_chunks_and_record_spanning_them),
		cmocka_unit_test(test_lone_cr_at_a_chunk_end_ends_its_line),
		cmocka_unit_test(
		    test_error_past_the_first_chunk_names_its_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
