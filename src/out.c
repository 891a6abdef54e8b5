/*
 * Output formats shared by the listing commands: aligned tables for people,
 * CSV for spreadsheets, JSON for programs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "err.h"
#include "money.h"
#include "out.h"
#include "text.h"

const char *const fmt_names[FMT_COUNT] = {
	"table", "csv", "json", "md", "html", "ics"
};

struct cell {
	char	*text;		/* NULL: empty */
	size_t	 width;		/* display columns of text */
	int	 numeric;
};

struct out {
	enum fmt		 fmt;
	FILE			*fp;
	const char *const	*cols;
	int			 ncols;
	int			 flags_col;
	int			 col;		/* next cell of the row */
	size_t			 rows;		/* rows ended so far */
	struct strbuf		 line;		/* CSV or JSON row */
	struct cell		*cells;		/* table: rows * ncols */
	size_t			 cells_alloc;
};

int
out_colour(FILE *fp)
{
	const char	*nc = getenv("NO_COLOR");

	return isatty(fileno(fp)) && (nc == NULL || *nc == '\0');
}

size_t
out_width(FILE *fp)
{
	struct winsize	 ws;
	const char	*cols;
	long		 n;

	if (!isatty(fileno(fp)))
		return 0;
	if ((cols = getenv("COLUMNS")) != NULL && (n = atol(cols)) > 0)
		return (size_t)n;
	if (ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

void
json_add_string(struct strbuf *sb, const char *s)
{
	const unsigned char	*p;

	sb_addc(sb, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			sb_adds(sb, "\\\"");
			break;
		case '\\':
			sb_adds(sb, "\\\\");
			break;
		case '\n':
			sb_adds(sb, "\\n");
			break;
		case '\t':
			sb_adds(sb, "\\t");
			break;
		case '\r':
			sb_adds(sb, "\\r");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				sb_addf(sb, "\\u%04x", *p);
			else
				sb_addc(sb, (char)*p);
		}
	}
	sb_addc(sb, '"');
}

void
out_add_csv_field(struct strbuf *sb, const char *s, int text)
{
	const char	*p;
	int		 guard;

	guard = text && s[0] != '\0' && strchr("'=+-@\t\r", s[0]) != NULL;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		if (guard)
			sb_addc(sb, '\'');
		sb_adds(sb, s);
		return;
	}
	sb_addc(sb, '"');
	if (guard)
		sb_addc(sb, '\'');
	/* Copy in spans, doubling each quote. */
	while ((p = strchr(s, '"')) != NULL) {
		sb_add(sb, s, (size_t)(p - s) + 1);
		sb_addc(sb, '"');
		s = p + 1;
	}
	sb_adds(sb, s);
	sb_addc(sb, '"');
}

struct out *
out_new(enum fmt fmt, FILE *fp, const char *const *cols, int ncols,
    int flags_col)
{
	struct out	*o = xcalloc(1, sizeof(*o));
	int		 i;

	o->fmt = fmt;
	o->fp = fp;
	o->cols = cols;
	o->ncols = ncols;
	o->flags_col = flags_col;
	sb_init(&o->line);
	if (fmt == FMT_CSV) {
		for (i = 0; i < ncols; i++) {
			if (i > 0)
				sb_addc(&o->line, ',');
			out_add_csv_field(&o->line, cols[i], 0);
		}
		sb_adds(&o->line, "\r\n");
		fwrite(o->line.buf, 1, o->line.len, fp);
		sb_reset(&o->line);
	}
	return o;
}

static void
cell(struct out *o, const char *s, int numeric)
{
	struct cell	*c;
	size_t		 need;

	if (o->col >= o->ncols)
		return;
	switch (o->fmt) {
	case FMT_CSV:
		if (o->col > 0)
			sb_addc(&o->line, ',');
		if (s != NULL)
			out_add_csv_field(&o->line, s, !numeric);
		break;
	case FMT_JSON:
		sb_adds(&o->line, o->col == 0 ? "{" : ",");
		json_add_string(&o->line, o->cols[o->col]);
		sb_addc(&o->line, ':');
		if (s == NULL)
			sb_adds(&o->line, "null");
		else if (numeric)
			sb_adds(&o->line, s);
		else
			json_add_string(&o->line, s);
		break;
	default:
		need = (o->rows + 1) * (size_t)o->ncols;
		if (need > o->cells_alloc) {
			o->cells_alloc = need * 2;
			o->cells = xrealloc(o->cells,
			    o->cells_alloc * sizeof(*o->cells));
		}
		c = &o->cells[o->rows * (size_t)o->ncols + (size_t)o->col];
		c->text = s != NULL ? xstrdup(s) : NULL;
		c->width = s != NULL ? text_width(s) : 0;
		c->numeric = numeric;
		break;
	}
	o->col++;
}

void
out_text(struct out *o, const char *s)
{
	cell(o, s, 0);
}

void
out_num(struct out *o, const char *s)
{
	cell(o, s, 1);
}

void
out_int(struct out *o, int64_t n)
{
	char		 buf[32], *p = buf + sizeof(buf);
	uint64_t	 u = n < 0 ? -(uint64_t)n : (uint64_t)n;

	/* By hand, not snprintf: listings print one per row. */
	*--p = '\0';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (n < 0)
		*--p = '-';
	cell(o, p, 1);
}

void
out_fixed2(struct out *o, int64_t hundredths)
{
	char	buf[NUM_BUFSZ];

	cell(o, fixed2_format(hundredths, buf), 1);
}

void
out_end_row(struct out *o)
{
	while (o->col < o->ncols)
		cell(o, NULL, 0);
	switch (o->fmt) {
	case FMT_CSV:
		sb_adds(&o->line, "\r\n");
		break;
	case FMT_JSON:
		sb_adds(&o->line, "}");
		fputs(o->rows == 0 ? "[\n" : ",\n", o->fp);
		break;
	default:
		break;
	}
	if (o->fmt == FMT_CSV || o->fmt == FMT_JSON) {
		fwrite(o->line.buf, 1, o->line.len, o->fp);
		sb_reset(&o->line);
	}
	o->rows++;
	o->col = 0;
}

/* The colour of one flag: overdue and sunset red; due, missed and
 * assumption yellow; upcoming plain (NULL). */
static const char *
flag_colour(const char *flag)
{
	if (strcmp(flag, "overdue") == 0 || strcmp(flag, "sunset") == 0)
		return "\033[31m";
	if (strcmp(flag, "upcoming") == 0)
		return NULL;
	return "\033[33m";
}

void
out_add_flags(struct strbuf *sb, const char *shown, const char *full)
{
	char		*copy = xstrdup(full), *tok, *save = NULL;
	const char	*s = shown, *end, *col;
	size_t		 n;

	/* The i-th word shown is (a cut prefix of) the i-th flag. */
	tok = strtok_r(copy, ";", &save);
	while (*s != '\0') {
		if ((end = strchr(s, ';')) == NULL)
			end = s + strlen(s);
		n = (size_t)(end - s);
		col = tok != NULL ? flag_colour(tok) : NULL;
		if (col != NULL)
			sb_addf(sb, "%s%.*s\033[0m", col, (int)n, s);
		else
			sb_addf(sb, "%.*s", (int)n, s);
		if (*end == '\0')
			break;
		sb_addc(sb, ';');
		s = end + 1;
		if (tok != NULL)
			tok = strtok_r(NULL, ";", &save);
	}
	free(copy);
}

/*
 * Shrink the widest text columns until a row fits in width columns. A
 * column whose cells are all short (dates, ids, amounts, codes) and the
 * flags column keep their cells whole while the others can give way: first
 * the long text columns down to 8 columns, then down to 1, then the flags,
 * then everything. Returns the width of a row, which exceeds width only
 * when even one column each cannot fit.
 */
static size_t
fit(struct out *o, size_t *w, size_t width)
{
	size_t	*minw = xcalloc((size_t)o->ncols, sizeof(*minw));
	char	*is_long = xcalloc((size_t)o->ncols, 1);
	size_t	 total = 0, cw, r;
	int	 i, j, pass;

	for (i = 0; i < o->ncols; i++) {
		for (r = 0; r < o->rows; r++) {
			cw = o->cells[r * (size_t)o->ncols + (size_t)i].width;
			if (cw > minw[i])
				minw[i] = cw;
		}
		if (minw[i] > 12 && i != o->flags_col) {
			minw[i] = 8;
			is_long[i] = 1;
		}
		cw = text_width(o->cols[i]);
		if (minw[i] < (cw < 8 ? cw : 8))
			minw[i] = cw < 8 ? cw : 8;
		total += w[i] + (i > 0 ? 2 : 0);
	}
	for (pass = 0; pass < 4 && total > width; pass++) {
		for (i = 0; i < o->ncols; i++)
			if ((pass == 1 && is_long[i]) ||
			    (pass == 2 && i == o->flags_col) || pass == 3)
				minw[i] = 1;
		while (total > width) {
			j = -1;
			for (i = 0; i < o->ncols; i++)
				if (w[i] > minw[i] && (j == -1 || w[i] > w[j]))
					j = i;
			if (j == -1)
				break;
			w[j]--;
			total--;
		}
	}
	free(is_long);
	free(minw);
	return total;
}

/* Append n spaces to sb. */
static void
add_spaces(struct strbuf *sb, size_t n)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		size_t	k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		sb_add(sb, spaces, k);
		n -= k;
	}
}

static void
print_table(struct out *o)
{
	int		 cut = 0;
	size_t		*w = xcalloc((size_t)o->ncols, sizeof(*w));
	size_t		 r, width = out_width(o->fp), cw, pad;
	int		 i, colour = out_colour(o->fp);
	struct strbuf	 line;
	struct cell	*c;
	const char	*t;
	char		*s;

	if (o->rows == 0) {
		free(w);
		return;
	}
	for (i = 0; i < o->ncols; i++)
		w[i] = text_width(o->cols[i]);
	for (r = 0; r < o->rows; r++)
		for (i = 0; i < o->ncols; i++) {
			c = &o->cells[r * (size_t)o->ncols + (size_t)i];
			if (c->width > w[i])
				w[i] = c->width;
		}
	if (width > 0 && fit(o, w, width) > width) {
		colour = 0;
		cut = 1;	/* rows are cut to the width below */
	}
	sb_init(&line);
	for (r = 0; r <= o->rows; r++) {
		sb_reset(&line);
		for (i = 0; i < o->ncols; i++) {
			c = r == 0 ? NULL :
			    &o->cells[(r - 1) * (size_t)o->ncols + (size_t)i];
			t = c == NULL ? o->cols[i] : c->text != NULL ?
			    c->text : "";
			cw = c == NULL ? text_width(t) : c->width;
			/* Most cells fit as they are; only the others are
			 * cut (and line feeds and tabs made spaces). */
			if (cw <= w[i] && strpbrk(t, "\n\t") == NULL)
				s = NULL;
			else {
				s = text_fit(t, w[i]);
				cw = text_width(s);
				t = s;
			}
			pad = w[i] > cw ? w[i] - cw : 0;
			if (i > 0)
				sb_adds(&line, "  ");
			if (c != NULL && c->numeric)
				add_spaces(&line, pad);
			if (colour && c != NULL && i == o->flags_col &&
			    c->text != NULL)
				out_add_flags(&line, t, c->text);
			else
				sb_adds(&line, t);
			if (c == NULL || !c->numeric)
				add_spaces(&line, pad);
			free(s);
		}
		while (line.len > 0 && line.buf[line.len - 1] == ' ')
			line.buf[--line.len] = '\0';
		if (cut && text_width(line.buf) > width) {
			s = text_fit(line.buf, width);
			fprintf(o->fp, "%s\n", s);
			free(s);
		} else {
			fprintf(o->fp, "%s\n", line.buf);
		}
	}
	sb_release(&line);
	free(w);
}

int
out_finish(struct out *o)
{
	size_t	i;
	int	rc = 0;

	switch (o->fmt) {
	case FMT_JSON:
		fputs(o->rows == 0 ? "[]\n" : "\n]\n", o->fp);
		break;
	case FMT_CSV:
		break;
	default:
		print_table(o);
		for (i = 0; i < o->rows * (size_t)o->ncols; i++)
			free(o->cells[i].text);
		break;
	}
	if (fflush(o->fp) == EOF || ferror(o->fp))
		rc = err_fail("cannot write output: %s", strerror(errno));
	free(o->cells);
	sb_release(&o->line);
	free(o);
	return rc;
}
