/*
 * Unit tests of err.c: the one recorded error, and err_quote(), through
 * which every message quotes its value: the first 60 characters and "…",
 * a character being a code point or one byte that is not UTF-8, with
 * control characters and stray bytes written as \xNN.
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
#include "text.h"
#include "util.h"

/* A string of n copies of unit; the caller frees it. */
static char *
repeat(const char *unit, size_t n)
{
	size_t	 len = strlen(unit), i;
	char	*s;

	s = malloc(len * n + 1);
	assert_non_null(s);
	for (i = 0; i < n; i++)
		memcpy(s + i * len, unit, len);
	s[len * n] = '\0';
	return s;
}

/* err_quote() of n copies of unit is m copies of unit, then tail. */
static void
assert_quotes(const char *unit, size_t n, const char *shown, size_t m,
    const char *tail)
{
	char	*s = repeat(unit, n), *want = repeat(shown, m);
	char	*full = xasprintf("%s%s", want, tail);

	assert_string_equal(err_quote(s), full);
	free(full);
	free(want);
	free(s);
}

static void
test_err_quote_max_is_sixty(void **state)
{
	(void)state;
	assert_int_equal(ERR_QUOTE_MAX, 60);
}

static void
test_err_quote_leaves_short_values_unchanged(void **state)
{
	(void)state;
	assert_string_equal(err_quote(""), "");
	assert_string_equal(err_quote("2025-02-30"), "2025-02-30");
	assert_string_equal(err_quote("Café crème 日本語"), "Café crème 日本語");
}

static void
test_err_quote_keeps_sixty_characters_whole(void **state)
{
	(void)state;
	assert_quotes("7", 59, "7", 59, "");
	assert_quotes("7", 60, "7", 60, "");
}

static void
test_err_quote_cuts_sixty_one_characters(void **state)
{
	(void)state;
	assert_quotes("7", 61, "7", 60, "…");
	assert_quotes("7", 62, "7", 60, "…");
}

static void
test_err_quote_counts_multibyte_characters_as_one(void **state)
{
	(void)state;
	assert_quotes("é", 60, "é", 60, "");
	assert_quotes("é", 61, "é", 60, "…");
	assert_quotes("日", 61, "日", 60, "…");
	assert_quotes("\xf0\x9f\x98\x80", 60, "\xf0\x9f\x98\x80", 60, "");
	assert_quotes("\xf0\x9f\x98\x80", 61, "\xf0\x9f\x98\x80", 60, "…");
}

static void
test_err_quote_never_splits_a_character_at_the_cut(void **state)
{
	char	*s = repeat("a", 59), *t, *want;

	(void)state;
	/* 59 ASCII, then two characters of three bytes: the 60th is kept
	 * whole, the 61st becomes the ellipsis. */
	t = xasprintf("%s日本", s);
	want = xasprintf("%s日…", s);
	assert_string_equal(err_quote(t), want);
	free(want);
	free(t);
	free(s);
}

static void
test_err_quote_writes_control_characters_as_hex(void **state)
{
	(void)state;
	assert_string_equal(err_quote("a\nb\tc\rd"), "a\\x0ab\\x09c\\x0dd");
	assert_string_equal(err_quote("\x1b[31m"), "\\x1b[31m");
	assert_string_equal(err_quote("del\x7f"), "del\\x7f");
	/* U+0085, a C1 control: both of its bytes. */
	assert_string_equal(err_quote("x\xc2\x85y"), "x\\xc2\\x85y");
}

static void
test_err_quote_writes_bytes_that_are_not_utf8_as_hex(void **state)
{
	(void)state;
	assert_string_equal(err_quote("\xff"), "\\xff");
	assert_string_equal(err_quote("a\x80z"), "a\\x80z");
	/* An overlong form, a surrogate, a sequence cut by the end. */
	assert_string_equal(err_quote("\xc0\xaf"), "\\xc0\\xaf");
	assert_string_equal(err_quote("\xed\xa0\x80"), "\\xed\\xa0\\x80");
	assert_string_equal(err_quote("ab\xe6\x97"), "ab\\xe6\\x97");
}

static void
test_err_quote_counts_an_escaped_byte_as_one_character(void **state)
{
	char	*s;

	(void)state;
	assert_quotes("\xff", 60, "\\xff", 60, "");
	assert_quotes("\xff", 61, "\\xff", 60, "…");
	assert_quotes("\n", 61, "\\x0a", 60, "…");
	/* The longest a quoted value can be: 60 C1 controls, 8 bytes each. */
	assert_quotes("\xc2\x85", 61, "\\xc2\\x85", 60, "…");
	s = repeat("\xc2\x85", 100);
	assert_int_equal(strlen(err_quote(s)) + 1,
	    TEXT_QUOTE_SIZE(ERR_QUOTE_MAX));
	free(s);
}

static void
test_err_quote_of_a_huge_value_is_short(void **state)
{
	char	*s = repeat("1", 100000);

	(void)state;
	assert_int_equal(strlen(err_quote(s)), 60 + strlen("…"));
	free(s);
}

static void
test_err_quote_of_null_is_empty(void **state)
{
	(void)state;
	assert_string_equal(err_quote(NULL), "");
}

static void
test_err_quote_n_quotes_the_first_n_bytes(void **state)
{
	char	*s;

	(void)state;
	assert_string_equal(err_quote_n("--bogus=value", 7), "--bogus");
	assert_string_equal(err_quote_n("ab", 10), "ab");
	assert_string_equal(err_quote_n("ab", 0), "");
	/* A character cut by n is bytes that are not UTF-8. */
	assert_string_equal(err_quote_n("a日", 3), "a\\xe6\\x97");
	/* The bytes after n do not count towards the 60. */
	s = repeat("x", 100);
	assert_string_equal(err_quote_n(s, 60), s + 40);
	assert_int_equal(strlen(err_quote_n(s, 61)), 60 + strlen("…"));
	free(s);
}

static void
test_err_quote_results_last_for_one_message(void **state)
{
	const char	*q[ERR_QUOTE_RING];
	char		 want[16];
	int		 i;

	(void)state;
	for (i = 0; i < ERR_QUOTE_RING; i++) {
		snprintf(want, sizeof(want), "value %d", i);
		q[i] = err_quote(want);
	}
	for (i = 0; i < ERR_QUOTE_RING; i++) {
		snprintf(want, sizeof(want), "value %d", i);
		assert_string_equal(q[i], want);
	}
}

static void
test_err_usage_quotes_a_long_value_cut(void **state)
{
	char	*s = repeat("9", 100000), *want;

	(void)state;
	err_clear();
	assert_int_equal(err_usage("--on: invalid date '%s'", err_quote(s)),
	    -1);
	want = xasprintf("--on: invalid date '%.60s…'", s);
	assert_string_equal(err_msg(), want);
	assert_int_equal(err_code(), EXIT_USAGE);
	err_clear();
	free(want);
	free(s);
}

static void
test_text_quote_without_a_limit_keeps_everything(void **state)
{
	char	*s = repeat("é", 1000), *q;

	(void)state;
	q = text_quote(s, (size_t)-1);
	assert_string_equal(q, s);
	free(q);
	q = text_quote("a\nb", (size_t)-1);
	assert_string_equal(q, "a\\x0ab");
	free(q);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_err_quote_max_is_sixty),
		cmocka_unit_test(test_err_quote_leaves_short_values_unchanged),
		cmocka_unit_test(test_err_quote_keeps_sixty_characters_whole),
		cmocka_unit_test(test_err_quote_cuts_sixty_one_characters),
		cmocka_unit_test(
		    test_err_quote_counts_multibyte_characters_as_one),
		cmocka_unit_test(
		    test_err_quote_never_splits_a_character_at_the_cut),
		cmocka_unit_test(
		    test_err_quote_writes_control_characters_as_hex),
		cmocka_unit_test(
		    test_err_quote_writes_bytes_that_are_not_utf8_as_hex),
		cmocka_unit_test(
		    test_err_quote_counts_an_escaped_byte_as_one_character),
		cmocka_unit_test(test_err_quote_of_a_huge_value_is_short),
		cmocka_unit_test(test_err_quote_of_null_is_empty),
		cmocka_unit_test(test_err_quote_n_quotes_the_first_n_bytes),
		cmocka_unit_test(test_err_quote_results_last_for_one_message),
		cmocka_unit_test(test_err_usage_quotes_a_long_value_cut),
		cmocka_unit_test(
		    test_text_quote_without_a_limit_keeps_everything),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
