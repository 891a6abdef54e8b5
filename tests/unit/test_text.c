/*
 * Unit tests of text.c: what mvb(1) VALUES accepts as text (UTF-8, control
 * characters, lengths in code points) and the display widths and cutting
 * used to fit tables to a terminal (mvb(1) OUTPUT).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define INVALID "invalid UTF-8"
#define CONTROL "control character not allowed"

static void
assert_text_ok(const char *s)
{
	const char	*why = NULL;

	if (text_check(s, 0, 10000, &why) != 0)
		fail_msg("'%s' rejected: %s", s, why);
}

static void
assert_text_rejected(const char *s, const char *want)
{
	const char	*why = NULL;

	if (text_check(s, 0, 10000, &why) != -1)
		fail_msg("'%s' accepted", s);
	assert_string_equal(why, want);
}

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

static void
test_text_check_accepts_multilingual_text(void **state)
{
	(void)state;
	assert_text_ok("");
	assert_text_ok("Plain ASCII, with punctuation: ~!@#$%^&*()");
	assert_text_ok("Café crème, Straße, Ελληνικά, "
	    "русский, עברית");
	assert_text_ok("日本語のテキスト、中文、한국어");
	assert_text_ok("emoji 🎉 and 𠀀");
	assert_text_ok("e\xcc\x81");			/* e + U+0301 */
	assert_text_ok("\xc2\xa0");			/* U+00A0 */
	assert_text_ok("\xdf\xbf");			/* U+07FF */
	assert_text_ok("\xe0\xa0\x80");			/* U+0800 */
	assert_text_ok("\xed\x9f\xbf");			/* U+D7FF */
	assert_text_ok("\xee\x80\x80");			/* U+E000 */
	assert_text_ok("\xef\xbf\xbd");			/* U+FFFD */
	assert_text_ok("\xf0\x90\x80\x80");		/* U+10000 */
	assert_text_ok("\xf4\x8f\xbf\xbf");		/* U+10FFFF */
}

static void
test_text_check_rejects_stray_continuation_bytes(void **state)
{
	(void)state;
	assert_text_rejected("\x80", INVALID);
	assert_text_rejected("a\xbf" "b", INVALID);
	assert_text_rejected("\xc3\xa9\xa9", INVALID);
}

static void
test_text_check_rejects_overlong_forms(void **state)
{
	(void)state;
	assert_text_rejected("\xc0\xaf", INVALID);	/* '/' in 2 bytes */
	assert_text_rejected("\xc1\xbf", INVALID);
	assert_text_rejected("\xc0\x80", INVALID);	/* NUL in 2 bytes */
	assert_text_rejected("\xe0\x80\xaf", INVALID);
	assert_text_rejected("\xe0\x9f\xbf", INVALID);	/* U+07FF */
	assert_text_rejected("\xf0\x80\x80\xaf", INVALID);
	assert_text_rejected("\xf0\x8f\xbf\xbf", INVALID);	/* U+FFFF */
}

static void
test_text_check_rejects_surrogates(void **state)
{
	(void)state;
	assert_text_rejected("\xed\xa0\x80", INVALID);	/* U+D800 */
	assert_text_rejected("\xed\xb0\x80", INVALID);	/* U+DC00 */
	assert_text_rejected("\xed\xbf\xbf", INVALID);	/* U+DFFF */
	/* A CESU-8 pair for U+1F389. */
	assert_text_rejected("\xed\xa0\xbc\xed\xbe\x89", INVALID);
}

static void
test_text_check_rejects_values_past_10ffff(void **state)
{
	(void)state;
	assert_text_rejected("\xf4\x90\x80\x80", INVALID);	/* U+110000 */
	assert_text_rejected("\xf7\xbf\xbf\xbf", INVALID);
	assert_text_rejected("\xf8\x88\x80\x80\x80", INVALID);
	assert_text_rejected("\xfc\x84\x80\x80\x80\x80", INVALID);
	assert_text_rejected("\xfe", INVALID);
	assert_text_rejected("\xff", INVALID);
}

static void
test_text_check_rejects_truncated_sequences(void **state)
{
	(void)state;
	assert_text_rejected("\xc3", INVALID);
	assert_text_rejected("caf\xc3", INVALID);
	assert_text_rejected("\xc3" "a", INVALID);
	assert_text_rejected("\xe6\x97", INVALID);
	assert_text_rejected("\xe6\x97" "a", INVALID);
	assert_text_rejected("\xf0\x9f\x8e", INVALID);
	assert_text_rejected("\xf0\x9f\x8e ok", INVALID);
}

static void
test_text_check_rejects_c0_controls_but_tab_and_lf(void **state)
{
	(void)state;
	assert_text_rejected("\x01", CONTROL);
	assert_text_rejected("a\x1f", CONTROL);		/* U+001F */
	assert_text_rejected("line\r\n", CONTROL);	/* CR */
	assert_text_rejected("\x1b[31m", CONTROL);	/* ESC */
	assert_text_rejected("\b", CONTROL);
	assert_text_ok(" ");				/* U+0020 */
	assert_text_ok("a\tb");
	assert_text_ok("first\nsecond\n");
}

static void
test_text_check_rejects_del_and_c1_controls(void **state)
{
	(void)state;
	assert_text_ok("~");				/* U+007E */
	assert_text_rejected("\x7f", CONTROL);		/* U+007F */
	assert_text_rejected("\xc2\x80", CONTROL);	/* U+0080 */
	assert_text_rejected("a\xc2\x85" "b", CONTROL);	/* NEL */
	assert_text_rejected("\xc2\x9b", CONTROL);	/* CSI */
	assert_text_rejected("\xc2\x9f", CONTROL);	/* U+009F */
	assert_text_ok("\xc2\xa0");			/* U+00A0 */
}

static void
test_text_check_counts_length_in_code_points(void **state)
{
	const char	*why = NULL;
	char		*s;

	(void)state;
	s = repeat("字", 200);				/* 600 bytes */
	assert_int_equal(text_check(s, 1, 200, &why), 0);
	free(s);
	s = repeat("字", 201);
	assert_int_equal(text_check(s, 1, 200, &why), -1);
	assert_string_equal(why, "too long (at most 200 characters)");
	free(s);
	s = repeat("🎉", 200);				/* 800 bytes */
	assert_int_equal(text_check(s, 1, 200, &why), 0);
	free(s);
	s = repeat("x", 10000);
	assert_int_equal(text_check(s, 0, 10000, &why), 0);
	free(s);
	s = repeat("é", 10001);
	assert_int_equal(text_check(s, 0, 10000, &why), -1);
	assert_string_equal(why, "too long (at most 10000 characters)");
	free(s);
}

static void
test_text_check_requires_text_when_min_is_one(void **state)
{
	const char	*why = NULL;

	(void)state;
	assert_int_equal(text_check("", 1, 200, &why), -1);
	assert_string_equal(why, "must not be empty");
	assert_int_equal(text_check("", 0, 200, &why), 0);
	assert_int_equal(text_check("x", 1, 200, &why), 0);
	assert_int_equal(text_check("xy", 3, 200, &why), -1);
	assert_string_equal(why, "too short (at least 3 characters)");
	assert_int_equal(text_check("\x7f", 1, 200, NULL), -1);
}

static void
test_utf8_len_counts_code_points(void **state)
{
	(void)state;
	assert_int_equal(utf8_len(""), 0);
	assert_int_equal(utf8_len("abc"), 3);
	assert_int_equal(utf8_len("Café"), 4);
	assert_int_equal(utf8_len("日本語"), 3);
	assert_int_equal(utf8_len("e\xcc\x81"), 2);
	assert_int_equal(utf8_len("🎉!"), 2);
}

static void
test_text_width_counts_wide_characters_as_two(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("Café"), 4);
	assert_int_equal(text_width("a\tb\nc"), 5);
	assert_int_equal(text_width("日本語"), 6);
	assert_int_equal(text_width("한국어"), 6);
	assert_int_equal(text_width("ひらがな"), 8);
	assert_int_equal(text_width("ｈｉ"), 4);		/* fullwidth */
	assert_int_equal(text_width("ﾊ"), 1);		/* halfwidth */
	assert_int_equal(text_width("🎉😀"), 4);
	assert_int_equal(text_width("𠀀"), 2);		/* U+20000 */
	assert_int_equal(text_width("\xe1\x84\x80"), 2);	/* U+1100 */
	assert_int_equal(text_width("\xe1\x85\xa0"), 1);	/* U+1160 */
	assert_int_equal(text_width("\xe2\xba\x80"), 2);	/* U+2E80 */
	assert_int_equal(text_width("\xe3\x80\xbf"), 1);	/* U+303F */
	assert_int_equal(text_width("\xea\x93\x8f"), 2);	/* U+A4CF */
	assert_int_equal(text_width("\xea\x93\x90"), 1);	/* U+A4D0 */
	assert_int_equal(text_width("\xed\x9e\xa3"), 2);	/* U+D7A3 */
	assert_int_equal(text_width("\xed\x9e\xa4"), 1);	/* U+D7A4 */
}

static void
test_text_width_counts_combining_marks_as_zero(void **state)
{
	(void)state;
	assert_int_equal(text_width("e\xcc\x81"), 1);		/* U+0301 */
	assert_int_equal(text_width("a\xcd\xaf"), 1);		/* U+036F */
	assert_int_equal(text_width("a\xe1\xaa\xb0"), 1);	/* U+1AB0 */
	assert_int_equal(text_width("a\xe1\xb7\x80"), 1);	/* U+1DC0 */
	assert_int_equal(text_width("a\xe2\x83\x90"), 1);	/* U+20D0 */
	assert_int_equal(text_width("a\xef\xb8\xa0"), 1);	/* U+FE20 */
	assert_int_equal(text_width("a\xe2\x80\x8b" "b"), 2);	/* ZWSP */
	assert_int_equal(text_width("\xe2\x80\x8d"), 0);	/* ZWJ */
	assert_int_equal(text_width("\xe2\x80\x90"), 1);	/* U+2010 */
	assert_int_equal(text_width("\xcd\xb0"), 1);		/* U+0370 */
}

static void
assert_fit(const char *s, size_t width, const char *want)
{
	char	*got = text_fit(s, width);

	assert_string_equal(got, want);
	free(got);
}

static void
test_text_fit_leaves_text_that_fits_unchanged(void **state)
{
	(void)state;
	assert_fit("", 5, "");
	assert_fit("abc", 3, "abc");
	assert_fit("abc", 80, "abc");
	assert_fit("日本語", 6, "日本語");
	assert_fit("e\xcc\x81", 1, "e\xcc\x81");
}

static void
test_text_fit_cuts_with_an_ellipsis_of_one_column(void **state)
{
	(void)state;
	assert_fit("abcdef", 5, "abcd…");
	assert_fit("abcdef", 2, "a…");
	assert_fit("abcdef", 1, "…");
	assert_fit("Café crème", 5, "Café…");
	assert_fit("ééé", 2, "é…");
}

static void
test_text_fit_of_width_zero_is_empty(void **state)
{
	(void)state;
	assert_fit("abc", 0, "");
	assert_fit("", 0, "");
	assert_fit("e\xcc\x81", 0, "");
}

static void
test_text_fit_does_not_split_wide_characters(void **state)
{
	(void)state;
	assert_fit("日本語", 5, "日本…");
	assert_fit("日本語", 4, "日…");
	assert_fit("日本語", 3, "日…");
	assert_fit("日本語", 2, "…");
	assert_fit("a日本", 3, "a…");
}

static void
test_text_fit_keeps_combining_marks_with_their_base(void **state)
{
	(void)state;
	assert_fit("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, "e\xcc\x81…");
	assert_fit("ab\xcc\x81" "cd", 3, "ab\xcc\x81…");
}

static void
test_text_fit_turns_line_feeds_and_tabs_into_spaces(void **state)
{
	(void)state;
	assert_fit("a\nb\tc", 10, "a b c");
	assert_fit("a\nb\tcdef", 4, "a b…");
	assert_fit("\n\n\n", 3, "   ");
}

static void
test_text_fit_never_exceeds_the_width(void **state)
{
	const char	*s = "Mix: 日本 e\xcc\x81 🎉 done";
	char		*got;
	size_t		 w;

	(void)state;
	for (w = 0; w <= text_width(s) + 1; w++) {
		got = text_fit(s, w);
		assert_true(text_width(got) <= w);
		assert_int_equal(text_check(got, 0, 10000, NULL), 0);
		if (w >= text_width(s))
			assert_string_equal(got, s);
		else if (w > 0)
			assert_true(text_width(got) >= w - 1);
		free(got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_check_accepts_multilingual_text),
		cmocka_unit_test(
		    test_text_check_rejects_stray_continuation_bytes),
		cmocka_unit_test(test_text_check_rejects_overlong_forms),
		cmocka_unit_test(test_text_check_rejects_surrogates),
		cmocka_unit_test(test_text_check_rejects_values_past_10ffff),
		cmocka_unit_test(test_text_check_rejects_truncated_sequences),
		cmocka_unit_test(
		    test_text_check_rejects_c0_controls_but_tab_and_lf),
		cmocka_unit_test(test_text_check_rejects_del_and_c1_controls),
		cmocka_unit_test(test_text_check_counts_length_in_code_points),
		cmocka_unit_test(test_text_check_requires_text_when_min_is_one),
		cmocka_unit_test(test_utf8_len_counts_code_points),
		cmocka_unit_test(test_text_width_counts_wide_characters_as_two),
		cmocka_unit_test(
		    test_text_width_counts_combining_marks_as_zero),
		cmocka_unit_test(
		    test_text_fit_leaves_text_that_fits_unchanged),
		cmocka_unit_test(
		    test_text_fit_cuts_with_an_ellipsis_of_one_column),
		cmocka_unit_test(test_text_fit_of_width_zero_is_empty),
		cmocka_unit_test(test_text_fit_does_not_split_wide_characters),
		cmocka_unit_test(
		    test_text_fit_keeps_combining_marks_with_their_base),
		cmocka_unit_test(
		    test_text_fit_turns_line_feeds_and_tabs_into_spaces),
		cmocka_unit_test(test_text_fit_never_exceeds_the_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
