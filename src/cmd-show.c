/*
 * mvb show: the whole record of one decision, as text for a person, one
 * JSON object (cli.md §10) or a MADR document.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "flags.h"
#include "money.h"
#include "out.h"
#include "text.h"
#include "view.h"

/* One review, as the reviews table has it. */
struct review_row {
	char	*reviewed_on, *outcome, *next_review_on, *notes;
	int64_t	 replaced_by;	/* 0 when none */
};

struct record {
	struct decision		 d;
	struct flags		 f;
	struct review_row	*reviews;
	size_t			 nreviews;
};

static int
load_reviews(sqlite3 *db, struct record *r)
{
	sqlite3_stmt	*stmt;
	struct review_row *rv;
	int		 rc;

	stmt = db_prepare(db, "SELECT reviewed_on, outcome, next_review_on, "
	    "replaced_by, notes FROM reviews WHERE decision_id = ? "
	    "ORDER BY reviewed_on, id");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, r->d.id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r->reviews = xrealloc(r->reviews,
		    (r->nreviews + 1) * sizeof(*r->reviews));
		rv = &r->reviews[r->nreviews++];
		rv->reviewed_on = db_column_strdup(stmt, 0);
		rv->outcome = db_column_strdup(stmt, 1);
		rv->next_review_on = db_column_strdup(stmt, 2);
		rv->replaced_by = sqlite3_column_int64(stmt, 3);
		rv->notes = db_column_strdup(stmt, 4);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return err_db(db, "cannot read reviews");
	return 0;
}

static void
record_release(struct record *r)
{
	size_t	i;

	for (i = 0; i < r->nreviews; i++) {
		free(r->reviews[i].reviewed_on);
		free(r->reviews[i].outcome);
		free(r->reviews[i].next_review_on);
		free(r->reviews[i].notes);
	}
	free(r->reviews);
	decision_release(&r->d);
	flags_release(&r->f);
}

/* A JSON value: a string, or null for NULL. */
static void
json_opt(struct strbuf *sb, const char *s)
{
	if (s == NULL)
		sb_adds(sb, "null");
	else
		json_add_string(sb, s);
}

/*
 * Append the rows of stmt as a JSON array of objects with the given keys;
 * kinds has one letter a column: 't' text or date (a string), 'n' a number
 * printed as stored. SQL NULL is null. If nested is not NULL it is called
 * for each row to append more members. Returns 0 or -1.
 */
static int
json_rows(sqlite3 *db, sqlite3_stmt *stmt, const char *const *keys,
    const char *kinds, struct strbuf *sb,
    int (*nested)(sqlite3 *, sqlite3_stmt *, struct strbuf *))
{
	const char	*v;
	int		 rc, i, n = 0;

	sb_addc(sb, '[');
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		sb_adds(sb, n++ ? ",{" : "{");
		for (i = 0; kinds[i] != '\0'; i++) {
			sb_addf(sb, "%s\"%s\":", i ? "," : "", keys[i]);
			v = (const char *)sqlite3_column_text(stmt, i);
			if (v == NULL)
				sb_adds(sb, "null");
			else if (kinds[i] == 'n')
				sb_adds(sb, v);
			else
				json_add_string(sb, v);
		}
		if (nested != NULL && nested(db, stmt, sb) == -1) {
			sqlite3_finalize(stmt);
			return -1;
		}
		sb_addc(sb, '}');
	}
	sqlite3_finalize(stmt);
	sb_addc(sb, ']');
	return rc == SQLITE_DONE ? 0 : err_db(db, "cannot read the register");
}

static const char sql_assumptions[] = "SELECT number, text, status, "
    "invalidated_on, confirmed_on, note FROM assumptions "
    "WHERE decision_id = ? ORDER BY number";
static const char *const keys_assumptions[] = {
	"number", "text", "status", "invalidated_on", "confirmed_on", "note"
};
static const char sql_metrics[] = "SELECT name, op, target, unit, "
    "target_on, decision_id FROM metrics WHERE decision_id = ? "
    "ORDER BY target_on, name";
static const char *const keys_metrics[] = {
	"name", "op", "target", "unit", "target_on"
};
static const char sql_measurements[] = "SELECT measured_on, value "
    "FROM measurements WHERE decision_id = ? AND metric = ? "
    "ORDER BY measured_on, id";
static const char *const keys_measurements[] = { "measured_on", "value" };
static const char sql_sunset[] = "SELECT number, expression FROM sunset "
    "WHERE decision_id = ? ORDER BY number";
static const char *const keys_sunset[] = { "number", "expression" };

static sqlite3_stmt *
query(sqlite3 *db, const char *sql, int64_t id, const char *name)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_prepare(db, sql)) == NULL)
		return NULL;
	sqlite3_bind_int64(stmt, 1, id);
	if (name != NULL)
		sqlite3_bind_text(stmt, 2, name, -1, SQLITE_TRANSIENT);
	return stmt;
}

/* A metric's measurements as a nested member. */
static int
json_measurements(sqlite3 *db, sqlite3_stmt *metric, struct strbuf *sb)
{
	sqlite3_stmt	*stmt;

	stmt = query(db, sql_measurements, sqlite3_column_int64(metric, 5),
	    (const char *)sqlite3_column_text(metric, 0));
	if (stmt == NULL)
		return -1;
	sb_adds(sb, ",\"measurements\":");
	return json_rows(db, stmt, keys_measurements, "tn", sb, NULL);
}

/* One option's figures from columns 4.. of an options row. */
static void
option_cost(sqlite3_stmt *stmt, struct cost *c)
{
	c->one_time = sqlite3_column_int64(stmt, 4);
	c->monthly = sqlite3_column_int64(stmt, 5);
	c->increase = sqlite3_column_int64(stmt, 6);
	c->ops_fte = sqlite3_column_int64(stmt, 7);
	c->fte_cost = sqlite3_column_int64(stmt, 8);
	c->lockin_cost = sqlite3_column_int64(stmt, 9);
	c->lockin_prob = sqlite3_column_int64(stmt, 10);
}

static const char sql_options[] = "SELECT number, name, choice, currency, "
    "one_time_cents, monthly_cents, increase_hundredths, ops_fte_hundredths, "
    "fte_cost_cents, lockin_cost_cents, lockin_prob_hundredths FROM options "
    "WHERE decision_id = ? ORDER BY number";

/* The options of decision id as a JSON array, keys as the options table's
 * columns less decision_id. */
static int
json_options(sqlite3 *db, int64_t id, struct strbuf *sb)
{
	static const char *const money[] = {
		"one_time_cost", "monthly_cost", "annual_increase_pct",
		"ops_fte", "fte_annual_cost", "lockin_cost",
		"lockin_probability"
	};
	sqlite3_stmt	*stmt;
	struct cost	 c;
	char		 b[NUM_BUFSZ];
	int		 rc, i, n = 0;

	if ((stmt = query(db, sql_options, id, NULL)) == NULL)
		return -1;
	sb_addc(sb, '[');
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		sb_addf(sb, "%s{\"number\":%d,\"name\":", n++ ? "," : "",
		    sqlite3_column_int(stmt, 0));
		json_add_string(sb, (const char *)sqlite3_column_text(stmt, 1));
		sb_addf(sb, ",\"choice\":\"%s\",\"currency\":\"%s\"",
		    sqlite3_column_text(stmt, 2), sqlite3_column_text(stmt, 3));
		for (i = 0; i < 7; i++)
			sb_addf(sb, ",\"%s\":%s", money[i], fixed2_format(
			    sqlite3_column_int64(stmt, 4 + i), b));
		option_cost(stmt, &c);
		sb_addf(sb, ",\"annual_run_rate\":%s",
		    fixed2_format(cost_annual_run_rate(&c), b));
		sb_addf(sb, ",\"tco_24m\":%s}",
		    fixed2_format(cost_tco_24m(&c), b));
	}
	sqlite3_finalize(stmt);
	sb_addc(sb, ']');
	return rc == SQLITE_DONE ? 0 : err_db(db, "cannot read options");
}

/*
 * The table view is written a line at a time through pg_line(): line feeds
 * and tabs inside a value become spaces, so that no value breaks the
 * layout, and on a terminal each line is cut to its width with "…" (§13).
 */
struct page {
	size_t		width;	/* columns of the terminal, or SIZE_MAX */
	int		colour;	/* whether flags are coloured */
	struct strbuf	sb;
};

static void
pg_init(struct page *pg)
{
	pg->width = out_width(stdout);
	if (pg->width == 0)
		pg->width = SIZE_MAX;
	pg->colour = out_colour(stdout);
	sb_init(&pg->sb);
}

/* Print one line of the table view. */
static void MVB_PRINTF(2, 3)
pg_line(struct page *pg, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	sb_reset(&pg->sb);
	va_start(ap, fmt);
	sb_vaddf(&pg->sb, fmt, ap);
	va_end(ap);
	while (pg->sb.len > 0 && pg->sb.buf[pg->sb.len - 1] == ' ')
		pg->sb.buf[--pg->sb.len] = '\0';
	s = text_fit(pg->sb.buf, pg->width);
	puts(s);
	free(s);
}

/* A field of the record: its name, then its value. */
static void
pg_field(struct page *pg, const char *key, const char *value)
{
	pg_line(pg, "%-20s %s", key, value != NULL ? value : "");
}

/* A text of several paragraphs (a rationale), each line indented. */
static void
pg_block(struct page *pg, const char *text)
{
	const char	*end;

	for (;;) {
		end = strchr(text, '\n');
		pg_line(pg, "  %.*s", end != NULL ? (int)(end - text) :
		    (int)strlen(text), text);
		if (end == NULL)
			break;
		text = end + 1;
	}
}

/* The flags field, each flag in its colour on a terminal. */
static void
pg_flags(struct page *pg, const char *flags)
{
	struct strbuf	 sb;
	char		*shown;
	size_t		 key = 21;

	if (!pg->colour || flags[0] == '\0' || pg->width <= key) {
		pg_field(pg, "flags", flags[0] != '\0' ? flags : "none");
		return;
	}
	shown = text_fit(flags, pg->width - key);
	sb_init(&sb);
	sb_addf(&sb, "%-20s ", "flags");
	out_add_flags(&sb, shown, flags);
	puts(sb.buf);
	sb_release(&sb);
	free(shown);
}

/* The options section of the table view. */
static int
print_options(struct page *pg, sqlite3 *db, int64_t id)
{
	sqlite3_stmt	*stmt;
	struct cost	 c;
	char		 b[NUM_BUFSZ];
	int		 rc, n = 0;

	if ((stmt = query(db, sql_options, id, NULL)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n++ == 0) {
			pg_line(pg, "%s", "");
			pg_line(pg, "options considered (24-month TCO)");
		}
		option_cost(stmt, &c);
		pg_line(pg, "  %d. %s (%s): %s %s", sqlite3_column_int(stmt, 0),
		    sqlite3_column_text(stmt, 1), sqlite3_column_text(stmt, 2),
		    fixed2_format(cost_tco_24m(&c), b),
		    sqlite3_column_text(stmt, 3));
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : err_db(db, "cannot read options");
}

/* The evidence arrays of decision id, appended to sb. */
static int
json_evidence(sqlite3 *db, int64_t id, struct strbuf *sb)
{
	sqlite3_stmt	*stmt;

	sb_adds(sb, ",\"assumptions\":");
	if ((stmt = query(db, sql_assumptions, id, NULL)) == NULL ||
	    json_rows(db, stmt, keys_assumptions, "nttttt", sb, NULL) == -1)
		return -1;
	sb_adds(sb, ",\"metrics\":");
	if ((stmt = query(db, sql_metrics, id, NULL)) == NULL ||
	    json_rows(db, stmt, keys_metrics, "ttntt", sb,
	    json_measurements) == -1)
		return -1;
	sb_adds(sb, ",\"sunset\":");
	if ((stmt = query(db, sql_sunset, id, NULL)) == NULL ||
	    json_rows(db, stmt, keys_sunset, "nt", sb, NULL) == -1)
		return -1;
	return 0;
}

/* The evidence sections of the table view. */
static int
print_evidence(struct page *pg, sqlite3 *db, int64_t id)
{
	sqlite3_stmt	*stmt, *ms;
	struct strbuf	 sb;
	const char	*s;
	int		 rc, mrc, n = 0;

	if ((stmt = query(db, sql_assumptions, id, NULL)) == NULL)
		return -1;
	sb_init(&sb);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n++ == 0) {
			pg_line(pg, "%s", "");
			pg_line(pg, "assumptions");
		}
		sb_reset(&sb);
		sb_addf(&sb, "  %d. %s [%s", sqlite3_column_int(stmt, 0),
		    sqlite3_column_text(stmt, 1), sqlite3_column_text(stmt, 2));
		if ((s = (const char *)sqlite3_column_text(stmt, 3)) != NULL)
			sb_addf(&sb, " on %s", s);
		if ((s = (const char *)sqlite3_column_text(stmt, 4)) != NULL)
			sb_addf(&sb, ", confirmed %s", s);
		sb_addc(&sb, ']');
		if ((s = (const char *)sqlite3_column_text(stmt, 5)) != NULL)
			sb_addf(&sb, " %s", s);
		pg_line(pg, "%s", sb.buf);
	}
	sb_release(&sb);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return err_db(db, "cannot read assumptions");
	if ((stmt = query(db, sql_metrics, id, NULL)) == NULL)
		return -1;
	n = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n++ == 0) {
			pg_line(pg, "%s", "");
			pg_line(pg, "metrics");
		}
		s = (const char *)sqlite3_column_text(stmt, 3);
		pg_line(pg, "  %s %s %s%s%s by %s",
		    sqlite3_column_text(stmt, 0), sqlite3_column_text(stmt, 1),
		    sqlite3_column_text(stmt, 2),
		    s != NULL ? " " : "", s != NULL ? s : "",
		    sqlite3_column_text(stmt, 4));
		ms = query(db, sql_measurements, id,
		    (const char *)sqlite3_column_text(stmt, 0));
		if (ms == NULL) {
			sqlite3_finalize(stmt);
			return -1;
		}
		while ((mrc = sqlite3_step(ms)) == SQLITE_ROW)
			pg_line(pg, "    %s  %s", sqlite3_column_text(ms, 0),
			    sqlite3_column_text(ms, 1));
		sqlite3_finalize(ms);
		if (mrc != SQLITE_DONE) {
			sqlite3_finalize(stmt);
			return err_db(db, "cannot read measurements");
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return err_db(db, "cannot read metrics");
	if ((stmt = query(db, sql_sunset, id, NULL)) == NULL)
		return -1;
	n = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n++ == 0) {
			pg_line(pg, "%s", "");
			pg_line(pg, "sunset criteria");
		}
		pg_line(pg, "  %d. %s", sqlite3_column_int(stmt, 0),
		    sqlite3_column_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : err_db(db, "cannot read sunset");
}

static int
print_json(sqlite3 *db, const struct record *r)
{
	const struct decision	*d = &r->d;
	struct strbuf		 sb, flags;
	char			 b[NUM_BUFSZ];
	size_t			 i;
	int			 g;

	sb_init(&sb);
	sb_init(&flags);
	flags_format(r->f.bits, &flags);
	sb_addf(&sb, "{\"id\":%lld,\"title\":", (long long)d->id);
	json_add_string(&sb, d->title);
	sb_adds(&sb, ",\"capability\":");
	json_add_string(&sb, d->capability);
	sb_addf(&sb, ",\"choice\":\"%s\",\"vendor\":", d->choice);
	json_opt(&sb, d->vendor);
	sb_adds(&sb, ",\"owner\":");
	json_opt(&sb, d->owner);
	sb_adds(&sb, ",\"cost_center\":");
	json_opt(&sb, d->cost_center);
	sb_addf(&sb, ",\"status\":\"%s\"", d->status);
	sb_addf(&sb, ",\"decided_on\":\"%s\"", date_format(d->decided_on, b));
	sb_addf(&sb, ",\"next_review_on\":\"%s\"",
	    date_format(d->next_review_on, b));
	sb_addf(&sb, ",\"review_deadline\":\"%s\"",
	    date_format(d->deadline_on, b));
	sb_addf(&sb, ",\"currency\":\"%s\"", d->currency);
	sb_addf(&sb, ",\"one_time_cost\":%s",
	    fixed2_format(d->cost.one_time, b));
	sb_addf(&sb, ",\"monthly_cost\":%s", fixed2_format(d->cost.monthly, b));
	sb_addf(&sb, ",\"annual_increase_pct\":%s",
	    fixed2_format(d->cost.increase, b));
	sb_addf(&sb, ",\"ops_fte\":%s", fixed2_format(d->cost.ops_fte, b));
	sb_addf(&sb, ",\"fte_annual_cost\":%s",
	    fixed2_format(d->cost.fte_cost, b));
	sb_addf(&sb, ",\"lockin_cost\":%s",
	    fixed2_format(d->cost.lockin_cost, b));
	sb_addf(&sb, ",\"lockin_probability\":%s",
	    fixed2_format(d->cost.lockin_prob, b));
	sb_addf(&sb, ",\"annual_run_rate\":%s",
	    fixed2_format(cost_annual_run_rate(&d->cost), b));
	sb_addf(&sb, ",\"tco_24m\":%s",
	    fixed2_format(cost_tco_24m(&d->cost), b));
	sb_adds(&sb, ",\"flags\":");
	json_add_string(&sb, flags.buf);
	sb_adds(&sb, ",\"rationale\":");
	json_opt(&sb, d->rationale);
	sb_adds(&sb, ",\"gate\":{");
	for (g = 0; g < GATE_COUNT; g++) {
		sb_addf(&sb, "%s\"%s\":", g ? "," : "", gate_names[g]);
		json_opt(&sb, d->gate[g]);
	}
	sb_adds(&sb, "}");
	if (json_evidence(db, d->id, &sb) == -1) {
		sb_release(&sb);
		sb_release(&flags);
		return -1;
	}
	sb_adds(&sb, ",\"reviews\":[");
	for (i = 0; i < r->nreviews; i++) {
		const struct review_row *rv = &r->reviews[i];

		sb_addf(&sb, "%s{\"reviewed_on\":\"%s\",\"outcome\":\"%s\","
		    "\"next_review_on\":", i ? "," : "", rv->reviewed_on,
		    rv->outcome);
		json_opt(&sb, rv->next_review_on);
		if (rv->replaced_by != 0)
			sb_addf(&sb, ",\"replaced_by\":%lld",
			    (long long)rv->replaced_by);
		else
			sb_adds(&sb, ",\"replaced_by\":null");
		sb_adds(&sb, ",\"notes\":");
		json_opt(&sb, rv->notes);
		sb_adds(&sb, "}");
	}
	sb_adds(&sb, "],\"options\":");
	if (json_options(db, d->id, &sb) == -1) {
		sb_release(&sb);
		sb_release(&flags);
		return -1;
	}
	sb_adds(&sb, "}\n");
	fputs(sb.buf, stdout);
	sb_release(&sb);
	sb_release(&flags);
	return 0;
}

static int
print_table(sqlite3 *db, const struct record *r)
{
	const struct decision	*d = &r->d;
	struct page		 pg;
	struct strbuf		 flags, sb;
	char			 b[NUM_BUFSZ], key[40];
	size_t			 i;
	int			 g, rc = 0;

	pg_init(&pg);
	sb_init(&flags);
	sb_init(&sb);
	flags_format(r->f.bits, &flags);
	pg_line(&pg, "decision %lld: %s", (long long)d->id, d->title);
	pg_line(&pg, "%s", "");
	pg_field(&pg, "capability", d->capability);
	pg_field(&pg, "choice", d->choice);
	pg_field(&pg, "vendor", d->vendor);
	pg_field(&pg, "owner", d->owner);
	pg_field(&pg, "cost center", d->cost_center);
	pg_field(&pg, "status", d->status);
	pg_field(&pg, "decided on", date_format(d->decided_on, b));
	pg_field(&pg, "next review on", date_format(d->next_review_on, b));
	pg_field(&pg, "review deadline", date_format(d->deadline_on, b));
	pg_flags(&pg, flags.buf);
	if (r->f.reason != NULL)
		pg_field(&pg, "reason", r->f.reason);
	for (g = 0; g < GATE_COUNT; g++) {
		snprintf(key, sizeof(key), "gate %s", gate_names[g]);
		pg_field(&pg, key, d->gate[g] != NULL ? d->gate[g] :
		    "unanswered");
	}
	pg_line(&pg, "%s", "");
	pg_line(&pg, "costs (%s)", d->currency);
	pg_field(&pg, "  one-time", fixed2_format(d->cost.one_time, b));
	pg_field(&pg, "  monthly", fixed2_format(d->cost.monthly, b));
	pg_field(&pg, "  annual increase %", fixed2_format(d->cost.increase,
	    b));
	pg_field(&pg, "  ops FTE", fixed2_format(d->cost.ops_fte, b));
	pg_field(&pg, "  FTE annual cost", fixed2_format(d->cost.fte_cost, b));
	pg_field(&pg, "  lock-in cost", fixed2_format(d->cost.lockin_cost, b));
	pg_field(&pg, "  lock-in prob.", fixed2_format(d->cost.lockin_prob, b));
	pg_field(&pg, "  annual run rate",
	    fixed2_format(cost_annual_run_rate(&d->cost), b));
	pg_field(&pg, "  24-month TCO", fixed2_format(cost_tco_24m(&d->cost),
	    b));
	if (d->rationale != NULL) {
		pg_line(&pg, "%s", "");
		pg_line(&pg, "rationale");
		pg_block(&pg, d->rationale);
	}
	if (print_evidence(&pg, db, d->id) == -1 ||
	    print_options(&pg, db, d->id) == -1) {
		rc = -1;
		goto out;
	}
	if (r->nreviews > 0) {
		pg_line(&pg, "%s", "");
		pg_line(&pg, "reviews");
	}
	for (i = 0; i < r->nreviews; i++) {
		const struct review_row *rv = &r->reviews[i];

		sb_reset(&sb);
		sb_addf(&sb, "  %s  %-7s next %s", rv->reviewed_on,
		    rv->outcome, rv->next_review_on != NULL ?
		    rv->next_review_on : "-");
		if (rv->replaced_by != 0)
			sb_addf(&sb, "  by %lld", (long long)rv->replaced_by);
		if (rv->notes != NULL)
			sb_addf(&sb, "  %s", rv->notes);
		pg_line(&pg, "%s", sb.buf);
	}
out:
	sb_release(&sb);
	sb_release(&flags);
	sb_release(&pg.sb);
	return rc;
}

/* MADR status names for ours. */
static const char *
madr_status(const char *status)
{
	if (strcmp(status, "active") == 0)
		return "accepted";
	if (strcmp(status, "retired") == 0)
		return "deprecated";
	return status;
}

/* Print a one-line Markdown text: line feeds and tabs become spaces. */
static void
md_flat(const char *fmt, const char *s)
{
	char	*flat = text_fit(s, SIZE_MAX);

	printf(fmt, flat);
	free(flat);
}

/*
 * The review that ended a superseded or retired decision: its latest review
 * with the outcome replace or retire, as the status says. NULL for an open
 * decision, and for a status that add, edit or import set.
 */
static const struct review_row *
md_ending(const struct record *r)
{
	const char	*outcome;
	size_t		 i;

	if (strcmp(r->d.status, "superseded") == 0)
		outcome = "replace";
	else if (strcmp(r->d.status, "retired") == 0)
		outcome = "retire";
	else
		return NULL;
	for (i = r->nreviews; i > 0; i--)
		if (strcmp(r->reviews[i - 1].outcome, outcome) == 0)
			return &r->reviews[i - 1];
	return NULL;
}

/* The MADR front matter: text values as YAML double-quoted scalars (JSON
 * strings are), so that no owner can break or change it; the status and
 * date are our own words and digits, plain scalars. */
static void
md_front_matter(const struct record *r)
{
	const struct decision	*d = &r->d;
	const struct review_row	*end = md_ending(r);
	struct strbuf		 sb;
	char			 b[NUM_BUFSZ];

	sb_init(&sb);
	json_add_string(&sb, d->owner != NULL ? d->owner : "");
	printf("---\nstatus: ");
	if (end != NULL && end->replaced_by != 0)
		printf("superseded by %lld", (long long)end->replaced_by);
	else
		printf("%s", madr_status(d->status));
	printf("\ndate: %s\ndecision-makers: %s\n---\n\n",
	    date_format(d->decided_on, b), sb.buf);
	sb_release(&sb);
}

/* When to re-evaluate an open decision; when and by what review a closed
 * one ended. */
static void
md_window(const struct record *r)
{
	const struct decision	*d = &r->d;
	const struct review_row	*end = md_ending(r);
	char			 b[NUM_BUFSZ];

	if (strcmp(d->status, "superseded") == 0 && end != NULL)
		printf("Superseded by decision %lld in the review of %s.\n",
		    (long long)end->replaced_by, end->reviewed_on);
	else if (strcmp(d->status, "retired") == 0 && end != NULL)
		printf("Retired in the review of %s.\n", end->reviewed_on);
	else if (strcmp(d->status, "superseded") == 0)
		printf("Superseded; no review records when.\n");
	else if (strcmp(d->status, "retired") == 0)
		printf("Retired; no review records when.\n");
	else {
		printf("Re-evaluate from %s, ", date_format(d->next_review_on,
		    b));
		printf("no later than %s.\n", date_format(d->deadline_on, b));
	}
	if (end != NULL && end->notes != NULL)
		md_flat("Notes: %s\n", end->notes);
	putchar('\n');
}

/* The assumptions (under Context) and options (Considered Options). */
static int
md_lists(sqlite3 *db, const struct decision *d)
{
	sqlite3_stmt	*stmt;
	struct cost	 c;
	char		 b[NUM_BUFSZ];
	int		 rc, n = 0;

	if ((stmt = query(db, sql_assumptions, d->id, NULL)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n++ == 0)
			printf("Assumptions:\n\n");
		md_flat("* %s", (const char *)sqlite3_column_text(stmt, 1));
		if (sqlite3_column_type(stmt, 3) != SQLITE_NULL)
			printf(" (invalidated %s)",
			    sqlite3_column_text(stmt, 3));
		putchar('\n');
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return err_db(db, "cannot read assumptions");
	if (n > 0)
		putchar('\n');
	printf("## Considered Options\n\n");
	md_flat("* %s", d->title);
	printf(" (%s", d->choice);
	if (d->vendor != NULL)
		md_flat(", %s", d->vendor);
	printf("): 24-month TCO %s %s\n", fixed2_format(cost_tco_24m(&d->cost),
	    b), d->currency);
	if ((stmt = query(db, sql_options, d->id, NULL)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		option_cost(stmt, &c);
		md_flat("* %s", (const char *)sqlite3_column_text(stmt, 1));
		printf(" (%s): 24-month TCO %s %s\n",
		    sqlite3_column_text(stmt, 2),
		    fixed2_format(cost_tco_24m(&c), b),
		    sqlite3_column_text(stmt, 3));
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return err_db(db, "cannot read options");
	putchar('\n');
	return 0;
}

/* The Confirmation section: the review window (or the review that ended
 * the decision), the success metrics, the sunset criteria and the reviews
 * so far. */
static int
md_confirmation(sqlite3 *db, const struct record *r)
{
	const struct decision	*d = &r->d;
	sqlite3_stmt		*stmt;
	const char		*unit;
	size_t			 i;
	int			 rc;

	printf("### Confirmation\n\n");
	md_window(r);
	if ((stmt = query(db, sql_metrics, d->id, NULL)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		unit = (const char *)sqlite3_column_text(stmt, 3);
		printf("* Metric: %s %s %s", sqlite3_column_text(stmt, 0),
		    sqlite3_column_text(stmt, 1), sqlite3_column_text(stmt, 2));
		if (unit != NULL)
			md_flat(" %s", unit);
		printf(" by %s\n", sqlite3_column_text(stmt, 4));
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return err_db(db, "cannot read metrics");
	if ((stmt = query(db, sql_sunset, d->id, NULL)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		printf("* Sunset when: %s\n", sqlite3_column_text(stmt, 1));
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return err_db(db, "cannot read sunset");
	for (i = 0; i < r->nreviews; i++)
		printf("* Reviewed %s: %s\n", r->reviews[i].reviewed_on,
		    r->reviews[i].outcome);
	return 0;
}

static int
print_md(sqlite3 *db, const struct record *r)
{
	const struct decision	*d = &r->d;
	char			 b[NUM_BUFSZ];
	int			 g;

	md_front_matter(r);
	md_flat("# %s\n\n", d->title);
	printf("## Context and Problem Statement\n\n");
	md_flat("How should we provide the capability \"%s\"?\n\n",
	    d->capability);
	if (md_lists(db, d) == -1)
		return -1;
	printf("## Decision Outcome\n\n");
	md_flat("Chosen option: \"%s\", ", d->title);
	printf("%s.\n\n", d->choice);
	if (d->rationale != NULL)
		printf("%s\n\n", d->rationale);
	printf("### Consequences\n\n");
	printf("* 24-month TCO: %s %s\n", fixed2_format(cost_tco_24m(
	    &d->cost), b), d->currency);
	printf("* Annual run rate: %s %s\n", fixed2_format(
	    cost_annual_run_rate(&d->cost), b), d->currency);
	for (g = 0; g < GATE_COUNT; g++)
		printf("* Gate %s: %s\n", gate_names[g],
		    d->gate[g] != NULL ? d->gate[g] : "unanswered");
	putchar('\n');
	return md_confirmation(db, r);
}

static int
eval(struct ctx *ctx, struct record *r)
{
	struct flagger	fl;
	int		rc;

	if (flagger_init(&fl, ctx->db, ctx->today, date_add_duration(
	    ctx->today, &ctx->settings.within)) == -1)
		return -1;
	rc = flags_eval(&fl, &r->d, &r->f);
	flagger_release(&fl);
	return rc;
}

static int
cmd_show_check(struct ctx *ctx, struct args *a)
{
	(void)ctx;
	return decision_parse_id(a->pos[0], a->state);
}

static int
cmd_show_exec(struct ctx *ctx, struct args *a)
{
	int64_t		id = *(int64_t *)a->state;
	struct record	r;
	int		rc = -1;

	memset(&r, 0, sizeof(r));
	if (decision_load(ctx->db, id, &r.d) == -1 ||
	    eval(ctx, &r) == -1 || load_reviews(ctx->db, &r) == -1)
		goto out;
	if (ctx->format == FMT_JSON)
		rc = print_json(ctx->db, &r);
	else if (ctx->format == FMT_MD)
		rc = print_md(ctx->db, &r);
	else
		rc = print_table(ctx->db, &r);
out:
	record_release(&r);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.summary = "show the whole record of a decision",
	.usage = "mvb show ID",
	.args = { 1, 1 },
	.formats = FMT_BIT(FMT_TABLE) | FMT_BIT(FMT_JSON) | FMT_BIT(FMT_MD),
	.default_format = FMT_TABLE,
	.needs = CMD_READ,
	.state_size = sizeof(int64_t),
	.check = cmd_show_check,
	.exec = cmd_show_exec
};
