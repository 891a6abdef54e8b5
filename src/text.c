/*
 * Text as mvb(1) VALUES and mvb(1) OUTPUT see it: strict UTF-8 decoding, the
 * control characters a register refuses, lengths in code points, and display
 * widths from a small built-in table so that the result never depends on the
 * locale.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Columns of the ranges that are not one column wide; sorted. */
static const struct {
	uint32_t	lo, hi;
	int		width;
} widths[] = {
	{ 0x0300, 0x036f, 0 },		/* combining diacritical marks */
	{ 0x1100, 0x115f, 2 },		/* Hangul Jamo initials */
	{ 0x1ab0, 0x1aff, 0 },
	{ 0x1dc0, 0x1dff, 0 },
	{ 0x200b, 0x200f, 0 },		/* zero width space, joiners, marks */
	{ 0x20d0, 0x20ff, 0 },		/* combining marks for symbols */
	{ 0x2e80, 0x303e, 2 },		/* CJK radicals, punctuation */
	{ 0x3040, 0xa4cf, 2 },		/* kana, CJK ideographs, Yi */
	{ 0xac00, 0xd7a3, 2 },		/* Hangul syllables */
	{ 0xf900, 0xfaff, 2 },		/* CJK compatibility ideographs */
	{ 0xfe20, 0xfe2f, 0 },		/* combining half marks */
	{ 0xfe30, 0xfe4f, 2 },		/* CJK compatibility forms */
	{ 0xff00, 0xff60, 2 },		/* fullwidth forms */
	{ 0xffe0, 0xffe6, 2 },
	{ 0x1f300, 0x1f64f, 2 },	/* pictographs, emoticons */
	{ 0x1f900, 0x1f9ff, 2 },
	{ 0x20000, 0x3fffd, 2 },	/* CJK planes */
};

/*
 * Decode one code point at s into *cp. Returns its length in bytes, or 0
 * when s does not start a well-formed sequence: a stray continuation byte,
 * a truncated sequence, an overlong form, a surrogate or a value past
 * U+10FFFF.
 */
static size_t
utf8_decode(const char *str, uint32_t *cp)
{
	static const uint32_t	 least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc0 && s[0] < 0xe0) {
		n = 2;
		*cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] < 0xf0) {
		n = 3;
		*cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] < 0xf8) {
		n = 4;
		*cp = s[0] & 0x07;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	if (*cp < least[n] || (*cp >= 0xd800 && *cp <= 0xdfff) ||
	    *cp > 0x10ffff)
		return 0;
	return n;
}

int
text_check(const char *s, size_t min, size_t max, const char **why)
{
	static char	 buf[64];
	const char	*dummy;
	uint32_t	 cp;
	size_t		 len, n = 0;

	if (why == NULL)
		why = &dummy;
	for (; *s != '\0'; s += len, n++) {
		if ((len = utf8_decode(s, &cp)) == 0) {
			*why = "invalid UTF-8";
			return -1;
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n') ||
		    (cp >= 0x7f && cp <= 0x9f)) {
			*why = "control character not allowed";
			return -1;
		}
	}
	if (n == 0 && min > 0) {
		*why = "must not be empty";
		return -1;
	}
	if (n < min) {
		snprintf(buf, sizeof buf, "too short (at least %zu characters)",
		    min);
		*why = buf;
		return -1;
	}
	if (n > max) {
		snprintf(buf, sizeof buf, "too long (at most %zu characters)",
		    max);
		*why = buf;
		return -1;
	}
	return 0;
}

size_t
utf8_len(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Columns of one code point: 2, 0 or, for everything else, 1. */
static int
cp_width(uint32_t cp)
{
	size_t	 lo = 0, hi = ARRAY_SIZE(widths), mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cp < widths[mid].lo)
			hi = mid;
		else if (cp > widths[mid].hi)
			lo = mid + 1;
		else
			return widths[mid].width;
	}
	return 1;
}

/* Decode for display: a malformed byte counts as one one-column char. */
static size_t
next_char(const char *s, uint32_t *cp)
{
	size_t	 len;

	if ((len = utf8_decode(s, cp)) == 0) {
		*cp = 0xfffd;
		len = 1;
	}
	return len;
}

size_t
text_width(const char *s)
{
	uint32_t	 cp;
	size_t		 w = 0;

	while (*s != '\0') {
		s += next_char(s, &cp);
		w += (size_t)cp_width(cp);
	}
	return w;
}

char *
text_fit(const char *s, size_t width)
{
	char		*out, *p;
	uint32_t	 cp;
	size_t		 len, w, room, cols = 0;

	if (width == 0)
		return xstrdup("");
	/* The longest result is all of s, or less of it plus "…". */
	p = out = xmalloc(strlen(s) + sizeof "…");
	room = text_width(s) <= width ? width : width - 1;
	for (; *s != '\0'; s += len) {
		len = next_char(s, &cp);
		if ((w = (size_t)cp_width(cp)) > room - cols)
			break;
		cols += w;
		if (*s == '\n' || *s == '\t')
			*p++ = ' ';
		else {
			memcpy(p, s, len);
			p += len;
		}
	}
	if (*s != '\0')
		p = stpcpy(p, "…");
	*p = '\0';
	return out;
}

char *
text_quote(const char *s, size_t max)
{
	size_t	n = strlen(s);

	return text_quote_n(xmalloc(TEXT_QUOTE_SIZE(n < max ? n : max)), s, n,
	    max);
}

char *
text_quote_n(char *dst, const char *s, size_t n, size_t max)
{
	static const char	 hex[] = "0123456789abcdef";
	char			*p = dst;
	uint32_t		 cp;
	size_t			 len, i, chars;

	/* No stdio: errno stays as it was for the message's strerror(). */
	for (chars = 0; n > 0 && *s != '\0'; chars++, s += len, n -= len) {
		if (chars == max) {
			p = stpcpy(p, "…");
			break;
		}
		/* A sequence cut by the end of the n bytes is not UTF-8. */
		if ((len = utf8_decode(s, &cp)) > n)
			len = 0;
		if (len == 0 || cp < 0x20 || cp == 0x7f ||
		    (cp >= 0x80 && cp <= 0x9f)) {
			/* Show the raw bytes, never send them to a terminal;
			 * a byte that is not UTF-8 is one character. */
			if (len == 0)
				len = 1;
			for (i = 0; i < len; i++) {
				*p++ = '\\';
				*p++ = 'x';
				*p++ = hex[(unsigned char)s[i] >> 4];
				*p++ = hex[(unsigned char)s[i] & 0xf];
			}
		} else {
			memcpy(p, s, len);
			p += len;
		}
	}
	*p = '\0';
	return dst;
}

int
utf8_valid(const char *str, size_t n)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, len, k;
	uint32_t		 cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] < 0xe0)
			len = 2, cp = s[i] & 0x1f;
		else if (s[i] >= 0xe0 && s[i] < 0xf0)
			len = 3, cp = s[i] & 0x0f;
		else if (s[i] >= 0xf0 && s[i] < 0xf5)
			len = 4, cp = s[i] & 0x07;
		else
			return 0;
		if (n - i < len)
			return 0;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return 0;
		i += len;
	}
	return 1;
}
