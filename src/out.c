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
	const struct out_col	*layout;	/* ncols, or NULL */
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

void
out_layout(struct out *o, const struct out_col *layout)
{
	o->layout = layout;
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

/* How a table is laid out on a terminal. */
struct plan {
	size_t	*w;		/* width of each column shown */
	char	*shown;		/* whether each column is in the row */
	int	 below;		/* the column on the line under, or -1 */
	size_t	 width;		/* the terminal's, or 0 */
	int	 cut;		/* rows are still too wide: cut them */
};

#define BELOW_INDENT	4
#define GROW_FIRST	40

/* The width of a row of the columns shown, at widths w. */
static size_t
row_width(const struct out *o, const struct plan *p, const size_t *w)
{
	size_t	total = 0;
	int	i, n = 0;

	for (i = 0; i < o->ncols; i++)
		if (p->shown[i] && i != p->below)
			total += w[i] + (n++ > 0 ? 2 : 0);
	return total;
}

/* Leave out droppable columns, the highest drop first, until the needed
 * widths fit; returns the width of a row at them. */
static size_t
drop_columns(struct out *o, struct plan *p, const size_t *need)
{
	size_t	total;
	int	i, j;

	memset(p->shown, 1, (size_t)o->ncols);
	while ((total = row_width(o, p, need)) > p->width) {
		j = -1;
		for (i = 0; i < o->ncols; i++)
			if (p->shown[i] && i != p->below && o->layout != NULL &&
			    o->layout[i].drop > 0 && (j == -1 ||
			    o->layout[i].drop >= o->layout[j].drop))
				j = i;
		if (j == -1)
			break;
		p->shown[j] = 0;
	}
	return total;
}

/*
 * Lay the table out in p->width columns (mvb(1) OUTPUT): each column needs
 * its whole cells (OUT_WHOLE) or its minimum; droppable columns are left
 * out, the highest drop first, until the needed widths fit, and when even
 * that is not enough the OUT_BELOW column moves to an indented line under
 * its row (and the columns left out are tried again); the room left goes
 * to the cut columns, the one missing most first, then to cut headers.
 * When nothing fits, every column is narrowed and rows are cut.
 */
static void
fit(struct out *o, struct plan *p, const size_t *nat)
{
	size_t	*need = xcalloc((size_t)o->ncols, sizeof(*need));
	char	*whole = xcalloc((size_t)o->ncols, 1);
	size_t	 total, cw, hw, min, r;
	int	 i, j, pass;

	for (i = 0; i < o->ncols; i++) {
		cw = 0;
		for (r = 0; r < o->rows; r++)
			if (o->cells[r * (size_t)o->ncols + (size_t)i].width >
			    cw)
				cw = o->cells[r * (size_t)o->ncols +
				    (size_t)i].width;
		min = o->layout != NULL && o->layout[i].min > 0 ?
		    o->layout[i].min : 8;
		if (o->layout != NULL)
			whole[i] = (o->layout[i].flags & OUT_WHOLE) != 0;
		else
			whole[i] = cw <= 12 || i == o->flags_col;
		/* A whole column's header may be cut to 8 columns. */
		hw = text_width(o->cols[i]);
		if (hw > 8)
			hw = 8;
		if (whole[i])
			need[i] = cw > hw ? cw : hw;
		else
			need[i] = nat[i] < min ? nat[i] : min;
	}
	p->below = -1;
	total = drop_columns(o, p, need);
	if (total > p->width && o->layout != NULL) {
		for (i = 0; i < o->ncols && p->below == -1; i++)
			if (o->layout[i].flags & OUT_BELOW)
				p->below = i;
		if (p->below != -1)
			total = drop_columns(o, p, need);
	}
	memcpy(p->w, need, (size_t)o->ncols * sizeof(*need));
	/* The room left goes to the cut columns, the narrowest first, up to
	 * GROW_FIRST columns each; then to cut headers; then to the cut
	 * columns again. */
	for (pass = 0; pass < 3 && total < p->width; pass++) {
		while (total < p->width) {
			j = -1;
			for (i = 0; i < o->ncols; i++)
				if (p->shown[i] && i != p->below &&
				    whole[i] == (pass == 1) &&
				    p->w[i] < nat[i] && (pass != 0 ||
				    p->w[i] < GROW_FIRST) &&
				    (j == -1 || p->w[i] < p->w[j]))
					j = i;
			if (j == -1)
				break;
			p->w[j]++;
			total++;
		}
	}
	/* Nothing fits: narrow the cut columns, then every column. */
	for (pass = 0; pass < 2 && total > p->width; pass++) {
		while (total > p->width) {
			j = -1;
			for (i = 0; i < o->ncols; i++)
				if (p->shown[i] && i != p->below &&
				    (pass == 1 || !whole[i]) && p->w[i] > 1 &&
				    (j == -1 || p->w[i] > p->w[j]))
					j = i;
			if (j == -1)
				break;
			p->w[j]--;
			total--;
		}
	}
	p->cut = total > p->width;
	if (p->below != -1)
		p->w[p->below] = p->width > BELOW_INDENT ?
		    p->width - BELOW_INDENT : 1;
	free(whole);
	free(need);
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

/* Append the i-th cell of a row (c NULL: the header) at width w. */
static void
add_cell(struct out *o, struct strbuf *line, int i, const struct cell *c,
    size_t w, int colour)
{
	const char	*t;
	char		*s;
	size_t		 cw, pad;

	t = c == NULL ? o->cols[i] : c->text != NULL ? c->text : "";
	cw = c == NULL ? text_width(t) : c->width;
	/* Most cells fit as they are; only the others are cut (and line
	 * feeds and tabs made spaces). */
	if (cw <= w && strpbrk(t, "\n\t") == NULL)
		s = NULL;
	else {
		s = text_fit(t, w);
		cw = text_width(s);
		t = s;
	}
	pad = w > cw ? w - cw : 0;
	if (c != NULL && c->numeric)
		add_spaces(line, pad);
	if (colour && c != NULL && i == o->flags_col && c->text != NULL)
		out_add_flags(line, t, c->text);
	else
		sb_adds(line, t);
	if (c == NULL || !c->numeric)
		add_spaces(line, pad);
	free(s);
}

/* Write line without its trailing spaces, cut to the width when asked. */
static void
put_line(struct out *o, struct strbuf *line, const struct plan *p)
{
	char	*s;

	while (line->len > 0 && line->buf[line->len - 1] == ' ')
		line->buf[--line->len] = '\0';
	if (p->cut && text_width(line->buf) > p->width) {
		s = text_fit(line->buf, p->width);
		fprintf(o->fp, "%s\n", s);
		free(s);
	} else {
		fprintf(o->fp, "%s\n", line->buf);
	}
}

static void
print_table(struct out *o)
{
	struct plan	 p;
	size_t		*nat, r, total = 0;
	int		 i, n, colour = out_colour(o->fp);
	struct strbuf	 line;
	struct cell	*c;

	if (o->rows == 0)
		return;
	nat = xcalloc((size_t)o->ncols, sizeof(*nat));
	p.w = xcalloc((size_t)o->ncols, sizeof(*p.w));
	p.shown = xcalloc((size_t)o->ncols, 1);
	memset(p.shown, 1, (size_t)o->ncols);
	p.below = -1;
	p.cut = 0;
	p.width = out_width(o->fp);
	for (i = 0; i < o->ncols; i++) {
		nat[i] = text_width(o->cols[i]);
		for (r = 0; r < o->rows; r++) {
			c = &o->cells[r * (size_t)o->ncols + (size_t)i];
			if (c->width > nat[i])
				nat[i] = c->width;
		}
		total += nat[i] + (i > 0 ? 2 : 0);
	}
	memcpy(p.w, nat, (size_t)o->ncols * sizeof(*nat));
	if (p.width > 0 && total > p.width)
		fit(o, &p, nat);
	if (p.cut)
		colour = 0;
	sb_init(&line);
	for (r = 0; r <= o->rows; r++) {
		sb_reset(&line);
		c = r == 0 ? NULL : &o->cells[(r - 1) * (size_t)o->ncols];
		for (i = n = 0; i < o->ncols; i++) {
			if (!p.shown[i] || i == p.below)
				continue;
			if (n++ > 0)
				sb_adds(&line, "  ");
			add_cell(o, &line, i, c == NULL ? NULL : &c[i], p.w[i],
			    colour);
		}
		put_line(o, &line, &p);
		if (p.below == -1 || (c != NULL && (c[p.below].text == NULL ||
		    c[p.below].text[0] == '\0')))
			continue;
		sb_reset(&line);
		add_spaces(&line, BELOW_INDENT);
		add_cell(o, &line, p.below, c == NULL ? NULL : &c[p.below],
		    p.w[p.below], colour);
		put_line(o, &line, &p);
	}
	sb_release(&line);
	free(p.shown);
	free(p.w);
	free(nat);
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
