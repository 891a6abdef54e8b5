/*
 * The CSV reader: splits the input into physical lines to know where each
 * record starts, checks every line's bytes, and hands the lines to libcsv,
 * whose callbacks assemble one record at a time.
 */
#include <errno.h>
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "err.h"
#include "text.h"
#include "util.h"

#define CHUNK 65536

struct reader {
	struct csv_parser	 parser;
	const char		*name;
	int			(*row)(void *, const struct csvr_record *);
	void			*arg;
	struct strbuf		 fields;	/* the record's fields, NULs
						   between */
	size_t			*offsets;	/* of each field in fields */
	size_t			 nfields, alloc;
	int			 expect;	/* fields a record has, 0:
						   unknown */
	long			 line;		/* physical line being fed */
	long			 record_line;	/* line the open record started
						   on */
	int			 in_record;	/* a record has started, not
						   ended */
	int			 failed;
	struct strbuf		 header;	/* the header's names, NULs
						   between */
	size_t			*names;		/* of each name in header */
};

/* Trimming off: no character is a space to libcsv. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
on_field(void *data, size_t len, void *arg)
{
	struct reader	*r = arg;

	if (r->failed)
		return;
	if (r->nfields == r->alloc) {
		r->alloc = r->alloc ? r->alloc * 2 : 32;
		r->offsets = xrealloc(r->offsets, r->alloc * sizeof(size_t));
	}
	r->offsets[r->nfields++] = r->fields.len;
	if (data != NULL)
		sb_add(&r->fields, data, len);
	sb_addc(&r->fields, '\0');
}

/*
 * Refuse a NUL byte or invalid UTF-8 in any field of the record, naming its
 * column (the header's name for it; "header" in the header itself). The
 * first record's fields are kept as the names.
 */
static int
check_fields(struct reader *r)
{
	const char	*f, *col;
	size_t		 i, len;

	for (i = 0; i < r->nfields; i++) {
		f = r->fields.buf + r->offsets[i];
		len = (i + 1 < r->nfields ? r->offsets[i + 1] :
		    r->fields.len) - r->offsets[i] - 1;
		col = r->names != NULL ? r->header.buf + r->names[i] :
		    "header";
		if (memchr(f, '\0', len) != NULL)
			return err_usage("%s:%ld: %s: NUL byte in the input",
			    r->name, r->record_line, col);
		if (!utf8_valid(f, len))
			return err_usage("%s:%ld: %s: invalid UTF-8", r->name,
			    r->record_line, col);
	}
	if (r->names == NULL) {
		r->names = xmalloc((r->nfields ? r->nfields : 1) *
		    sizeof(*r->names));
		for (i = 0; i < r->nfields; i++) {
			r->names[i] = r->header.len;
			sb_adds(&r->header, r->fields.buf + r->offsets[i]);
			sb_addc(&r->header, '\0');
		}
	}
	return 0;
}

static void
on_row(int c, void *arg)
{
	struct reader		*r = arg;
	struct csvr_record	 rec;
	size_t			 i;

	(void)c;
	if (r->failed)
		goto reset;
	if (r->expect == 0)
		r->expect = (int)r->nfields;
	if ((int)r->nfields != r->expect) {
		err_usage("%s:%ld: %zu field%s where the header has %d "
		    "(ragged row)", r->name, r->record_line, r->nfields,
		    r->nfields == 1 ? "" : "s", r->expect);
		r->failed = 1;
		goto reset;
	}
	if (check_fields(r) == -1) {
		r->failed = 1;
		goto reset;
	}
	rec.fields = xmalloc(r->nfields * sizeof(char *));
	for (i = 0; i < r->nfields; i++)
		rec.fields[i] = r->fields.buf + r->offsets[i];
	rec.nfields = (int)r->nfields;
	rec.line = r->record_line;
	if (r->row(r->arg, &rec) == -1)
		r->failed = 1;
	free(rec.fields);
reset:
	r->nfields = 0;
	sb_reset(&r->fields);
	r->in_record = 0;
}

/* Check and feed one physical line (terminator included). */
static int
feed(struct reader *r, const char *s, size_t n)
{
	size_t	body = n;

	r->line++;
	while (body > 0 && (s[body - 1] == '\n' || s[body - 1] == '\r'))
		body--;
	if (!r->in_record) {
		if (body == 0)
			return 0;	/* a blank line between records */
		r->in_record = 1;
		r->record_line = r->line;
	}
	/* Whatever ended the line (CRLF, LF or CR), libcsv is given LF, so
	 * a line break inside a quoted field is read as the line feed that
	 * text may hold (mvb(1) VALUES), whichever convention the file used. */
	if (csv_parse(&r->parser, s, body, on_field, on_row, r) != body ||
	    (body < n && csv_parse(&r->parser, "\n", 1, on_field, on_row, r)
	    != 1)) {
		if (!r->failed)
			err_usage("%s:%ld: malformed quoting (a quote "
			    "must open and close a whole field; write \"\" "
			    "inside one)", r->name, r->record_line);
		return -1;
	}
	return r->failed ? -1 : 0;
}

int
csvr_read(FILE *fp, const char *name,
    int (*row)(void *, const struct csvr_record *), void *arg)
{
	struct reader	 r;
	struct strbuf	 line;
	char		*buf = xmalloc(CHUNK);
	size_t		 got, i, start;
	int		 rc = -1, first = 1, cr = 0;

	memset(&r, 0, sizeof(r));
	r.name = name;
	r.row = row;
	r.arg = arg;
	sb_init(&r.fields);
	sb_init(&r.header);
	sb_init(&line);
	if (csv_init(&r.parser, CSV_STRICT | CSV_STRICT_FINI |
	    CSV_APPEND_NULL) != 0) {
		err_fail("out of memory");
		goto out;
	}
	csv_set_space_func(&r.parser, no_space);
	while ((got = fread(buf, 1, CHUNK, fp)) > 0) {
		i = 0;
		if (first && got >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
			i = 3;
		first = 0;
		/* A CR that ended the last chunk: is it CRLF? */
		if (cr) {
			if (buf[0] == '\n') {
				sb_addc(&line, '\n');
				i = 1;
			}
			cr = 0;
			if (feed(&r, line.buf, line.len) == -1)
				goto fini;
			sb_reset(&line);
		}
		for (start = i; i < got; i++) {
			if (buf[i] != '\n' && buf[i] != '\r')
				continue;
			if (buf[i] == '\r' && i + 1 == got) {
				sb_add(&line, buf + start, i + 1 - start);
				cr = 1;
				start = got;
				break;
			}
			if (buf[i] == '\r' && buf[i + 1] == '\n')
				i++;
			sb_add(&line, buf + start, i + 1 - start);
			if (feed(&r, line.buf, line.len) == -1)
				goto fini;
			sb_reset(&line);
			start = i + 1;
		}
		if (start < got)
			sb_add(&line, buf + start, got - start);
	}
	if (ferror(fp)) {
		err_fail("%s: cannot read: %s", name, strerror(errno));
		goto fini;
	}
	if (line.len > 0 && feed(&r, line.buf, line.len) == -1)
		goto fini;
	if (csv_fini(&r.parser, on_field, on_row, &r) != 0) {
		if (!r.failed)
			err_usage("%s:%ld: unterminated quoted field", name,
			    r.record_line);
		goto fini;
	}
	rc = r.failed ? -1 : 0;
fini:
	csv_free(&r.parser);
out:
	free(buf);
	free(r.offsets);
	free(r.names);
	sb_release(&r.fields);
	sb_release(&r.header);
	sb_release(&line);
	return rc;
}
