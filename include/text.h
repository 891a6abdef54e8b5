/*
 * Text rules of mvb(1) VALUES (valid UTF-8, forbidden control characters,
 * lengths in code points) and the display width used to fit tables to a
 * terminal (East Asian wide characters count two, combining marks none).
 */
#ifndef MVB_TEXT_H
#define MVB_TEXT_H

#include <stddef.h>

/* Longest other text (mvb(1) VALUES), in code points; titles and capabilities
 * 200. */
#define TEXT_MAX 10000
#define TITLE_MAX 200

/*
 * Check s against mvb(1) VALUES: valid UTF-8 (no overlongs, surrogates or
 * values past U+10FFFF), no U+0000-U+001F except tab and line feed, no U+007F
 * and no U+0080-U+009F, between min and max code points. Returns 0, or -1 and
 * sets *why to a static phrase such as "invalid UTF-8", "control character not
 * allowed", "too long (at most 200 characters)" or "must not be empty".
 */
int text_check(const char *s, size_t min, size_t max, const char **why);
/* Number of code points in valid UTF-8 s. */
size_t utf8_len(const char *s);
/* Display columns of valid UTF-8 s (wide = 2, combining = 0, tab = 1). */
size_t text_width(const char *s);
/*
 * Copy s into a new string that fits in width columns: unchanged when it
 * fits, else cut at a character boundary and ended with "…" (one column).
 * Line feeds and tabs become spaces. The caller frees the result.
 */
char *text_fit(const char *s, size_t width);

/*
 * A copy of s safe to quote in a message: at most max characters (then
 * "…"), control characters and bytes that are not UTF-8 written as \xNN;
 * each such byte counts as one character. The caller frees the result.
 * Error messages quote values with err_quote() (err.h), which cuts them.
 */
char *text_quote(const char *s, size_t max);
/*
 * Bytes text_quote_n() may write for max characters: at most 8 each (a C1
 * control character is two bytes, each written as \xNN), then "…" and the
 * terminating NUL.
 */
#define TEXT_QUOTE_SIZE(max) (8 * (size_t)(max) + sizeof "…")
/*
 * text_quote() of the first n bytes of s (fewer when s ends sooner) into
 * dst, which holds TEXT_QUOTE_SIZE(max) bytes. Returns dst.
 */
char *text_quote_n(char *dst, const char *s, size_t n, size_t max);

/* Whether the n bytes at s are valid UTF-8 (control characters allowed). */
int utf8_valid(const char *s, size_t n);

#endif
