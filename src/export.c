/*
 * Export: each table streamed row by row from one query into the CSV or
 * JSON writer, with the derived columns (deadline, run rate, TCO, flags)
 * computed as of the given day.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "evidence.h"
#include "exchange.h"
#include "flags.h"
#include "money.h"
#include "option.h"
#include "review.h"
#include "sunset.h"
#include "view.h"

/* Report rows to the caller's progress function, if any. */
static void
tick(xprogress_fn *progress, long rows, int done)
{
	if (progress != NULL)
		progress("exported", rows, done);
}

/* The row struct of each plain table, big enough for any of them. */
union row {
	struct assumption	a;
	struct metric		m;
	struct measurement	ms;
	struct sunset_row	s;
	struct review		r;
	struct option		o;
};

/* A table without derived columns but the cost ones, row by row in its
 * catalogue order. */
static int
export_plain(struct db *db, enum xtable t, enum fmt fmt, FILE *fp, long *rows,
    xprogress_fn *progress)
{
	struct stmt		*stmt;
	struct out		*o;
	union row		 row;
	const char *const	*cols;
	char			*sql;
	int			 rc, ncols;

	sql = xasprintf("SELECT %s FROM %s ORDER BY %s",
	    catalog_columns_sql(t), catalog[t].name, catalog[t].order);
	stmt = db_prepare(db, sql);
	free(sql);
	if (stmt == NULL)
		return -1;
	cols = catalog_names(t, &ncols);
	o = out_new(fmt, fp, cols, ncols, -1);
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		memset(&row, 0, sizeof(row));
		catalog_read_row(t, stmt, 0, &row);
		catalog_out_row(o, t, &row, NULL);
		out_end_row(o);
		if (++*rows % 1000 == 0)
			tick(progress, *rows, 0);
	}
	engine_finalize(stmt);
	if (rc != ENGINE_DONE) {
		out_finish(o);
		return err_db(db, "cannot read %s", xtable_names[t]);
	}
	return out_finish(o);
}

static int
export_decisions(struct db *db, int32_t today, int32_t horizon, enum fmt fmt,
    FILE *fp, long *rows, xprogress_fn *progress)
{
	struct flagger	 fl;
	struct decision	 d;
	struct flags	 f;
	struct stmt	*stmt;
	struct out	*o;
	const char *const *cols;
	char		*sql;
	int		 rc, ncols;

	if (flagger_init(&fl, db, today, horizon) == -1)
		return -1;
	sql = xasprintf("SELECT %s FROM decisions d ORDER BY id",
	    decision_columns_sql());
	stmt = db_prepare(db, sql);
	free(sql);
	if (stmt == NULL) {
		flagger_release(&fl);
		return -1;
	}
	cols = catalog_names(XT_DECISIONS, &ncols);
	o = out_new(fmt, fp, cols, ncols, -1);
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		if (decision_read_row(stmt, &d) == -1)
			break;
		if (flags_eval(&fl, &d, &f) == -1) {
			decision_release(&d);
			break;
		}
		view_decision_row(o, &d, &f);
		out_end_row(o);
		flags_release(&f);
		decision_release(&d);
		if (++*rows % 1000 == 0)
			tick(progress, *rows, 0);
	}
	/* stmt last: finalizing leaves its error, if any, for err_db(). */
	flagger_release(&fl);
	engine_finalize(stmt);
	if (rc != ENGINE_DONE) {
		if (err_msg() == NULL)
			err_db(db, "cannot read decisions");
		out_finish(o);
		return -1;
	}
	return out_finish(o);
}

int
export_table(struct db *db, enum xtable t, int32_t today, int32_t horizon,
    enum fmt fmt, FILE *fp, long *rows, xprogress_fn *progress)
{
	int	rc;

	*rows = 0;
	tick(progress, 0, 0);
	if (t == XT_DECISIONS)
		rc = export_decisions(db, today, horizon, fmt, fp, rows,
		    progress);
	else
		rc = export_plain(db, t, fmt, fp, rows, progress);
	if (rc == 0)
		tick(progress, *rows, 1);
	return rc;
}

/* Append s to sb as an iCalendar TEXT value (RFC 5545 §3.3.11). */
static void
ics_text(struct strbuf *sb, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			sb_addc(sb, '\\');
		if (*s == '\n')
			sb_adds(sb, "\\n");
		else if (*s != '\r')
			sb_addc(sb, *s);
	}
}

/* Write one content line folded at 75 octets, never inside a character. */
static void
ics_line(FILE *fp, const char *s)
{
	size_t	len = strlen(s), n, room = 75;

	while (len > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		fwrite(s, 1, n, fp);
		fputs("\r\n ", fp);
		s += n;
		len -= n;
		room = 74;
	}
	fprintf(fp, "%s\r\n", s);
}

static void
ics_event(FILE *fp, const char *uid, const char *stamp, int32_t day,
    const char *summary, const char *description)
{
	struct strbuf	 sb;
	int		 y, m, d;

	sb_init(&sb);
	ics_line(fp, "BEGIN:VEVENT");
	sb_addf(&sb, "UID:%s", uid);
	ics_line(fp, sb.buf);
	sb_reset(&sb);
	sb_addf(&sb, "DTSTAMP:%s", stamp);
	ics_line(fp, sb.buf);
	sb_reset(&sb);
	date_to_ymd(day, &y, &m, &d);
	sb_addf(&sb, "DTSTART;VALUE=DATE:%04d%02d%02d", y, m, d);
	ics_line(fp, sb.buf);
	sb_reset(&sb);
	if (day < DATE_MAX) {
		date_to_ymd(day + 1, &y, &m, &d);
		sb_addf(&sb, "DTEND;VALUE=DATE:%04d%02d%02d", y, m, d);
		ics_line(fp, sb.buf);
		sb_reset(&sb);
	}
	sb_adds(&sb, "SUMMARY:");
	ics_text(&sb, summary);
	ics_line(fp, sb.buf);
	sb_reset(&sb);
	sb_adds(&sb, "DESCRIPTION:");
	ics_text(&sb, description);
	ics_line(fp, sb.buf);
	for (y = 0; y < 2; y++) {
		ics_line(fp, "BEGIN:VALARM");
		ics_line(fp, "ACTION:DISPLAY");
		sb_reset(&sb);
		sb_adds(&sb, "DESCRIPTION:");
		ics_text(&sb, summary);
		ics_line(fp, sb.buf);
		ics_line(fp, y == 0 ? "TRIGGER:-P30D" : "TRIGGER:-P7D");
		ics_line(fp, "END:VALARM");
	}
	ics_line(fp, "END:VEVENT");
	sb_release(&sb);
}

int
export_calendar(struct db *db, FILE *fp, long *rows, xprogress_fn *progress)
{
	struct stmt	*stmt;
	char		 stamp[32], *regid, *uid, *summary, *desc;
	const char	*title, *kind;
	int64_t		 id;
	int32_t		 day;
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 rc;

	*rows = 0;
	tick(progress, 0, 0);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	if ((stmt = db_prepare(db, "SELECT value FROM meta WHERE key = "
	    "'register_id'")) == NULL)
		return -1;
	/* Every register has one from its creation (migration 0001); without
	 * it, UIDs would not be unique across registers. */
	regid = engine_step(stmt) == ENGINE_ROW ? db_column_strdup(stmt, 0) :
	    NULL;
	engine_finalize(stmt);
	if (regid == NULL)
		return err_fail("export: the register has lost its id "
		    "(meta.register_id), which calendar UIDs are built from");
	/* Each open decision's window and deadline, and its 'on' dates. */
	/* NOT INDEXED: reading the table in id order beats following the
	 * open-decision index into it at random when most are open. */
	stmt = db_prepare(db, "SELECT d.id, d.title, 'review', "
	    "d.next_review_on, 0 FROM decisions d NOT INDEXED WHERE d.status "
	    "IN ('proposed', 'active') UNION ALL SELECT d.id, d.title, "
	    "'deadline', d.deadline_on, 0 FROM decisions d NOT INDEXED WHERE "
	    "d.status IN "
	    "('proposed', 'active') UNION ALL SELECT d.id, d.title, 'sunset', "
	    "s.on_date, s.number FROM sunset s JOIN decisions d ON d.id = "
	    "s.decision_id WHERE s.kind = 'on' AND d.status IN ('proposed', "
	    "'active') ORDER BY 1, 3, 5");
	if (stmt == NULL) {
		free(regid);
		return -1;
	}
	ics_line(fp, "BEGIN:VCALENDAR");
	ics_line(fp, "VERSION:2.0");
	ics_line(fp, "PRODID:-//mvb//mvb " MVB_VERSION "//EN");
	ics_line(fp, "CALSCALE:GREGORIAN");
	ics_line(fp, "X-WR-CALNAME:mvb re-evaluations");
	while ((rc = engine_step(stmt)) == ENGINE_ROW) {
		id = engine_column_int(stmt, 0);
		title = (const char *)engine_column_text(stmt, 1);
		kind = (const char *)engine_column_text(stmt, 2);
		if (date_parse((const char *)engine_column_text(stmt, 3),
		    &day) == -1)
			continue;
		if (strcmp(kind, "sunset") == 0) {
			uid = xasprintf("%lld-sunset-%d-%s@mvb", (long long)id,
			    (int)engine_column_int(stmt, 4), regid);
			summary = xasprintf("Sunset date: %s", title);
			desc = xasprintf("Decision %lld reaches its sunset "
			    "criterion %d (mvb show %lld).", (long long)id,
			    (int)engine_column_int(stmt, 4), (long long)id);
		} else if (strcmp(kind, "review") == 0) {
			uid = xasprintf("%lld-review-%s@mvb", (long long)id,
			    regid);
			summary = xasprintf("Re-evaluation window opens: %s",
			    title);
			desc = xasprintf("Decision %lld is due for its "
			    "re-evaluation (mvb review %lld).", (long long)id,
			    (long long)id);
		} else {
			uid = xasprintf("%lld-deadline-%s@mvb", (long long)id,
			    regid);
			summary = xasprintf("Re-evaluation deadline: %s",
			    title);
			desc = xasprintf("Last day to re-evaluate decision "
			    "%lld (mvb review %lld); after it, it is overdue.",
			    (long long)id, (long long)id);
		}
		ics_event(fp, uid, stamp, day, summary, desc);
		free(uid);
		free(summary);
		free(desc);
		if (++*rows % 1000 == 0)
			tick(progress, *rows, 0);
	}
	ics_line(fp, "END:VCALENDAR");
	engine_finalize(stmt);
	free(regid);
	if (rc != ENGINE_DONE)
		return err_db(db, "cannot read the register");
	if (fflush(fp) == EOF || ferror(fp))
		return err_fail("cannot write output: %s", strerror(errno));
	tick(progress, *rows, 1);
	return 0;
}
