/*
 * Unit tests of db.c and migrate.c: what opening a register does to the file on
 * disk (mvb(1) GLOBAL OPTIONS: create on write, refuse on read, never touch a
 * foreign file), the connection settings and schema marks of mvb(1) FILES, the
 * mvb_add_months SQL function and the append-only history.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "decision.h"
#include "err.h"
#include "history.h"
#include "migrate.h"
#include "util.h"

#include "fixture.h"

/* One test's state: an in-memory register and a temporary folder. */
struct fixture {
	struct db	*db;
	char	*dir;
};

static int
setup(void **state)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));

	if ((fx->dir = fixture_temp_dir("db")) == NULL) {
		free(fx);
		return -1;
	}
	if ((fx->db = fixture_register()) == NULL) {
		rmdir(fx->dir);
		free(fx->dir);
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	db_close(fx->db);
	fixture_remove_tree(fx->dir);
	free(fx->dir);
	free(fx);
	fixture_end();
	return 0;
}

/* A path inside the test's folder; the caller frees it. */
static char *
path_in(struct fixture *fx, const char *name)
{
	return xasprintf("%s/%s", fx->dir, name);
}

static int
exists(const char *path)
{
	struct stat	st;

	return lstat(path, &st) == 0;
}

/* The whole content of path; *len gets its size. The caller frees it. */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*fp;
	char	*buf;
	long	 n;

	fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static void
write_file(const char *path, const char *content)
{
	FILE	*fp = fopen(path, "wb");

	assert_non_null(fp);
	fputs(content, fp);
	assert_int_equal(fclose(fp), 0);
}

/* Run SQL on a plain SQLite connection to path (no mvb involved). */
static void
raw_sql(const char *path, const char *sql)
{
	sqlite3		*db;
	char	*msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

/* The first column of the first row as text; the caller frees it. */
static char *
query_text(struct db *db, const char *sql)
{
	struct stmt	*stmt;
	char		*s;

	stmt = db_prepare(db, sql);
	assert_non_null(stmt);
	assert_int_equal(engine_step(stmt), ENGINE_ROW);
	s = db_column_strdup(stmt, 0);
	engine_finalize(stmt);
	return s;
}

static void
assert_query_text(struct db *db, const char *sql, const char *want)
{
	char	*got = query_text(db, sql);

	if (want == NULL)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
	free(got);
}

/*
 * db_open(path, mode) must fail with status 1 and message want, and leave
 * the file byte-identical with no journal or WAL file beside it.
 */
static void
assert_refused_untouched(const char *path, enum db_mode mode,
    const char *want)
{
	char	*before, *after, *side;
	size_t	 nbefore, nafter;
	struct db	*db;

	before = slurp(path, &nbefore);
	err_clear();
	db = db_open(path, mode);
	if (db != NULL) {
		db_close(db);
		fail_msg("'%s' opened", path);
	}
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(err_msg());
	assert_string_equal(err_msg(), want);
	after = slurp(path, &nafter);
	assert_int_equal(nafter, nbefore);
	assert_memory_equal(after, before, nbefore);
	side = xasprintf("%s-journal", path);
	assert_false(exists(side));
	free(side);
	side = xasprintf("%s-wal", path);
	assert_false(exists(side));
	free(side);
	free(before);
	free(after);
}

static void
test_memory_register_has_version_and_application_id(void **state)
{
	struct fixture	*fx = *state;

	assert_true(migrations_count >= 1);
	assert_int_equal(count(fx->db, "PRAGMA user_version"),
	    migrations_count);
	assert_int_equal(count(fx->db, "PRAGMA application_id"),
	    MVB_APPLICATION_ID);
	assert_int_equal(MVB_APPLICATION_ID, 0x6d766231);
}

static void
test_memory_register_has_default_settings(void **state)
{
	struct fixture	*fx = *state;

	assert_query_text(fx->db, "SELECT value FROM settings "
	    "WHERE key = 'review_months'", "12");
	assert_query_text(fx->db, "SELECT value FROM settings "
	    "WHERE key = 'deadline_months'", "18");
	assert_query_text(fx->db, "SELECT value FROM settings "
	    "WHERE key = 'currency'", "USD");
	assert_query_text(fx->db, "SELECT value FROM settings "
	    "WHERE key = 'fte_cost'", "200000.00");
	assert_query_text(fx->db, "SELECT value FROM settings "
	    "WHERE key = 'within'", "30d");
	assert_query_text(fx->db, "SELECT value FROM settings "
	    "WHERE key = 'crossover'", "25000.00");
}

static void
test_memory_register_has_a_random_register_id(void **state)
{
	struct fixture	*fx = *state;
	struct db		*other;
	char		*a, *b;

	a = query_text(fx->db, "SELECT value FROM meta "
	    "WHERE key = 'register_id'");
	assert_non_null(a);
	assert_int_equal(strlen(a), 32);
	assert_int_equal(strspn(a, "0123456789abcdef"), 32);
	other = db_open_memory();
	assert_non_null(other);
	b = query_text(other, "SELECT value FROM meta "
	    "WHERE key = 'register_id'");
	assert_string_not_equal(a, b);
	db_close(other);
	free(a);
	free(b);
}

static void
test_migrate_apply_twice_is_a_no_op(void **state)
{
	struct fixture	*fx = *state;
	int64_t		 objects, settings;
	char		*id;

	objects = count(fx->db, "SELECT count(*) FROM sqlite_schema");
	settings = count(fx->db, "SELECT count(*) FROM settings");
	id = query_text(fx->db, "SELECT value FROM meta "
	    "WHERE key = 'register_id'");
	assert_int_equal(migrate_apply(fx->db), 0);
	assert_int_equal(migrate_apply(fx->db), 0);
	assert_null(err_msg());
	assert_int_equal(count(fx->db, "PRAGMA user_version"),
	    migrations_count);
	assert_int_equal(count(fx->db,
	    "SELECT count(*) FROM sqlite_schema"), objects);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM settings"),
	    settings);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM meta"), 1);
	assert_query_text(fx->db, "SELECT value FROM meta "
	    "WHERE key = 'register_id'", id);
	assert_true(!engine_in_transaction(fx->db));
	free(id);
}

static void
test_migrate_check_reports_the_version_without_writing(void **state)
{
	struct fixture	*fx = *state;
	int		 version = -1;

	assert_int_equal(migrate_check(fx->db, &version), 0);
	assert_int_equal(version, migrations_count);
	assert_true(!engine_in_transaction(fx->db));
}

static void
test_foreign_keys_are_on(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(count(fx->db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(db_exec(fx->db, "INSERT INTO reviews (decision_id, "
	    "reviewed_on, outcome) VALUES (99, '2025-01-01', 'keep')"), -1);
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(strstr(err_msg(), "FOREIGN KEY constraint failed"));
}

static void
test_add_months_sql_function_clamps_to_month_end(void **state)
{
	struct fixture	*fx = *state;

	assert_query_text(fx->db, "SELECT mvb_add_months('2024-02-29', 12)",
	    "2025-02-28");
	assert_query_text(fx->db, "SELECT mvb_add_months('2025-08-31', 18)",
	    "2027-02-28");
	assert_query_text(fx->db, "SELECT mvb_add_months('2025-01-31', 1)",
	    "2025-02-28");
	assert_query_text(fx->db, "SELECT mvb_add_months('2024-01-31', 1)",
	    "2024-02-29");
	assert_query_text(fx->db, "SELECT mvb_add_months('2025-05-22', 0)",
	    "2025-05-22");
	assert_query_text(fx->db, "SELECT mvb_add_months('9999-06-15', 18)",
	    "9999-12-31");
}

static void
test_add_months_sql_function_is_null_for_a_bad_date(void **state)
{
	struct fixture	*fx = *state;

	assert_query_text(fx->db, "SELECT mvb_add_months('2025-02-30', 1)",
	    NULL);
	assert_query_text(fx->db, "SELECT mvb_add_months('soon', 1)", NULL);
	assert_query_text(fx->db, "SELECT mvb_add_months(NULL, 1)", NULL);
	assert_query_text(fx->db, "SELECT mvb_add_months('2025-01-01', -1)",
	    NULL);
}

static void
test_history_rows_cannot_be_updated_or_deleted(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(history_add(fx->db, 0, "import", NULL, "file.csv"),
	    0);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM history"),
	    1);
	assert_int_equal(db_exec(fx->db, "UPDATE history SET what = 'x'"),
	    -1);
	assert_non_null(strstr(err_msg(), "history is append-only"));
	err_clear();
	assert_int_equal(db_exec(fx->db, "DELETE FROM history"), -1);
	assert_non_null(strstr(err_msg(), "history is append-only"));
	assert_int_equal(count(fx->db, "SELECT count(*) FROM history"),
	    1);
	assert_query_text(fx->db, "SELECT what FROM history", "import");
}

static void
test_read_of_a_missing_register_fails_and_creates_nothing(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "no/such/folder/register.db");
	char		*want, *folder = path_in(fx, "no");

	assert_null(db_open(path, DB_READ));
	assert_int_equal(err_code(), EXIT_FAIL);
	want = xasprintf("no register at '%s' (create it with 'mvb init')",
	    path);
	assert_string_equal(err_msg(), want);
	assert_false(exists(path));
	assert_false(exists(folder));
	free(want);
	free(folder);
	free(path);
}

static void
test_read_of_a_missing_file_leaves_its_folder_empty(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "register.db");
	DIR		*dp;
	struct dirent	*e;
	int		 entries = 0;

	assert_null(db_open(path, DB_READ));
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(strstr(err_msg(), "no register at"));
	dp = opendir(fx->dir);
	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			entries++;
	closedir(dp);
	assert_int_equal(entries, 0);
	free(path);
}

static void
test_read_of_an_empty_file_counts_as_missing(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "empty.db");
	char		*want;
	struct stat	 st;

	write_file(path, "");
	assert_null(db_open(path, DB_READ));
	assert_int_equal(err_code(), EXIT_FAIL);
	want = xasprintf("no register at '%s' (create it with 'mvb init')",
	    path);
	assert_string_equal(err_msg(), want);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 0);
	free(want);
	free(path);
}

static void
test_write_of_an_empty_file_creates_a_register_in_it(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "empty.db");
	struct db		*db;

	write_file(path, "");
	db = db_open(path, DB_WRITE);
	assert_non_null(db);
	assert_int_equal(count(db, "PRAGMA user_version"),
	    migrations_count);
	assert_int_equal(count(db, "PRAGMA application_id"),
	    MVB_APPLICATION_ID);
	db_close(db);
	free(path);
}

static void
test_write_creates_the_file_and_missing_parent_folders(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "a/b/c/register.db");
	char		*folder = path_in(fx, "a/b/c");
	struct stat	 st;
	struct db		*db;

	db = db_open(path, DB_WRITE);
	assert_non_null(db);
	assert_null(err_msg());
	assert_int_equal(stat(folder, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(count(db, "PRAGMA user_version"),
	    migrations_count);
	assert_int_equal(count(db, "PRAGMA application_id"),
	    MVB_APPLICATION_ID);
	db_close(db);
	free(folder);
	free(path);
}

static void
test_write_fails_when_a_parent_is_a_file(void **state)
{
	struct fixture	*fx = *state;
	char		*blocker = path_in(fx, "plain");
	char		*path = path_in(fx, "plain/sub/register.db");

	write_file(blocker, "not a folder\n");
	assert_null(db_open(path, DB_WRITE));
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(strstr(err_msg(), "cannot create folder"));
	free(blocker);
	free(path);
}

static void
test_a_created_register_reopens_for_reading(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "register.db");
	struct db		*db;

	db = db_open(path, DB_WRITE);
	assert_non_null(db);
	db_close(db);
	db = db_open(path, DB_READ);
	assert_non_null(db);
	assert_null(err_msg());
	assert_int_equal(count(db, "SELECT count(*) FROM settings"), 6);
	db_close(db);
	free(path);
}

/*
 * The first load's rollback journal: refused (WAL kept) while another
 * connection has the register open, taken once it is alone, and WAL again
 * after db_bulk_end().
 */
static void
test_bulk_load_journal_only_when_alone_and_wal_after(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "register.db");
	struct db	*db, *other;

	db = db_open(path, DB_WRITE);
	assert_non_null(db);
	other = db_open(path, DB_READ);
	assert_non_null(other);
	assert_int_equal(count(other, "SELECT count(*) FROM decisions"), 0);
	assert_int_equal(db_bulk_begin(db), 0);
	assert_query_text(db, "PRAGMA journal_mode", "wal");
	db_close(other);
	assert_int_equal(db_bulk_begin(db), 1);
	assert_query_text(db, "PRAGMA journal_mode", "delete");
	db_bulk_end(db, path);
	assert_query_text(db, "PRAGMA journal_mode", "wal");
	db_close(db);
	free(path);
}

static void
test_file_register_has_wal_foreign_keys_and_timeout(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "register.db");
	struct db		*db;

	db = db_open(path, DB_WRITE);
	assert_non_null(db);
	assert_query_text(db, "PRAGMA journal_mode", "wal");
	assert_int_equal(count(db, "PRAGMA foreign_keys"), 1);
	assert_true(count(db, "PRAGMA busy_timeout") >= 5000);
	db_close(db);
	db = db_open(path, DB_READ);
	assert_non_null(db);
	assert_query_text(db, "PRAGMA journal_mode", "wal");
	assert_int_equal(count(db, "PRAGMA foreign_keys"), 1);
	db_close(db);
	free(path);
}

static void
test_an_older_register_is_brought_up_to_date(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "old.db");
	char		*sql;
	struct db		*db;

	/* A register as the first version of mvb left it. */
	sql = xasprintf("BEGIN; %s; PRAGMA user_version = 1; "
	    "PRAGMA application_id = %d; COMMIT;", migrations[0],
	    MVB_APPLICATION_ID);
	raw_sql(path, sql);
	free(sql);
	db = db_open(path, DB_READ);
	assert_non_null(db);
	assert_int_equal(count(db, "PRAGMA user_version"),
	    migrations_count);
	db_close(db);
	free(path);
}

static void
test_a_text_file_is_refused_and_left_untouched(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "notes.txt");
	char		*want;

	write_file(path, "These are my notes, not a register.\n"
	    "Second line of text that is long enough to pass 16 bytes.\n");
	want = xasprintf("'%s' is not an mvb register", path);
	assert_refused_untouched(path, DB_READ, want);
	assert_refused_untouched(path, DB_WRITE, want);
	free(want);
	free(path);
}

static void
test_a_short_text_file_is_refused_and_left_untouched(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "short.txt");
	char		*want;

	write_file(path, "hi\n");
	want = xasprintf("'%s' is not an mvb register", path);
	assert_refused_untouched(path, DB_WRITE, want);
	free(want);
	free(path);
}

static void
test_another_apps_database_is_refused_untouched(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "other.db");
	char		*want;

	raw_sql(path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name "
	    "TEXT); INSERT INTO photos (name) VALUES ('cat.jpg');");
	want = xasprintf("'%s' is not an mvb register", path);
	assert_refused_untouched(path, DB_READ, want);
	assert_refused_untouched(path, DB_WRITE, want);
	free(want);
	free(path);
}

static void
test_another_application_id_is_refused_untouched(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "foreign.db");
	char		*want;

	raw_sql(path, "PRAGMA application_id = 1234567;");
	want = xasprintf("'%s' is not an mvb register", path);
	assert_refused_untouched(path, DB_READ, want);
	assert_refused_untouched(path, DB_WRITE, want);
	free(want);
	free(path);
}

static void
test_a_newer_register_is_refused_and_left_untouched(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "newer.db");
	char		*sql, *want;
	struct db		*db;

	db = db_open(path, DB_WRITE);
	assert_non_null(db);
	db_close(db);
	/* Leave it in rollback mode so that nothing but the file exists. */
	sql = xasprintf("PRAGMA journal_mode = DELETE; "
	    "PRAGMA user_version = %d;", migrations_count + 1);
	raw_sql(path, sql);
	free(sql);
	want = xasprintf("register '%s' has schema version %d, newer than "
	    "this mvb knows (%d): upgrade mvb", path, migrations_count + 1,
	    migrations_count);
	assert_refused_untouched(path, DB_READ, want);
	assert_refused_untouched(path, DB_WRITE, want);
	free(want);
	free(path);
}

static void
test_a_newer_register_in_wal_mode_is_left_byte_identical(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "newer-wal.db");
	char		*sql, *before, *after;
	size_t		 nbefore, nafter;
	struct db		*db;

	db = db_open(path, DB_WRITE);
	assert_non_null(db);
	db_close(db);
	sql = xasprintf("PRAGMA user_version = %d;", migrations_count + 1);
	raw_sql(path, sql);
	free(sql);
	before = slurp(path, &nbefore);
	assert_null(db_open(path, DB_WRITE));
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(strstr(err_msg(), "newer than this mvb knows"));
	after = slurp(path, &nafter);
	assert_int_equal(nafter, nbefore);
	assert_memory_equal(after, before, nbefore);
	free(before);
	free(after);
	free(path);
}

static void
test_a_folder_is_refused(void **state)
{
	struct fixture	*fx = *state;
	char		*want;

	assert_null(db_open(fx->dir, DB_WRITE));
	assert_int_equal(err_code(), EXIT_FAIL);
	want = xasprintf("cannot open register '%s': is a folder", fx->dir);
	assert_string_equal(err_msg(), want);
	free(want);
}

static void
test_check_table_passes_a_sound_table(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(db_check_table(fx->db, "decisions"), 0);
	assert_int_equal(db_check_table(fx->db, "assumptions"), 0);
	assert_null(err_msg());
}

static void
test_a_missing_decision_in_a_sound_table_is_a_usage_error(void **state)
{
	struct fixture	*fx = *state;
	struct decision	 d;

	assert_int_equal(decision_load(fx->db, 99, &d), -1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(err_msg(), "no decision with id '99'");
}

/* A register at path with two decisions whose decisions page (its only
 * one) is then zeroed on disk. */
static void
make_damaged(const char *path)
{
	struct db	*db;
	int64_t	 root, size;
	char	 zeros[65536];
	FILE	*fp;

	assert_non_null(db = db_open(path, DB_WRITE));
	assert_int_equal(db_exec(db, "INSERT INTO decisions (title, "
	    "capability, choice, status, decided_on, anchor_on, next_review_on, "
	    "deadline_on, currency) VALUES ('a', 'c', 'buy', 'active', "
	    "'2025-01-01', '2025-01-01', '2026-01-01', '2026-07-01', 'USD'), "
	    "('b', 'c', 'oss', 'active', '2025-01-01', '2025-01-01', "
	    "'2026-01-01', '2026-07-01', 'USD')"), 0);
	root = count(db, "SELECT rootpage FROM sqlite_schema WHERE name = "
	    "'decisions'");
	size = count(db, "PRAGMA page_size");
	db_close(db);
	assert_true(size <= (int64_t)sizeof(zeros));
	memset(zeros, 0, sizeof(zeros));
	assert_non_null(fp = fopen(path, "r+b"));
	assert_int_equal(fseek(fp, (long)((root - 1) * size), SEEK_SET), 0);
	assert_int_equal(fwrite(zeros, 1, (size_t)size, fp), (size_t)size);
	assert_int_equal(fclose(fp), 0);
}

static void
test_check_table_names_a_damaged_register(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "damaged.db"), *want;
	struct db		*db;

	make_damaged(path);
	assert_non_null(db = db_open(path, DB_READ));
	assert_int_equal(db_check_table(db, "assumptions"), 0);
	assert_int_equal(db_check_table(db, "decisions"), -1);
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_int_equal(err_sqlite_code(), SQLITE_CORRUPT);
	want = xasprintf("register '%s' is damaged: database disk image is "
	    "malformed (run 'mvb check')", engine_name(db));
	assert_string_equal(err_msg(), want);
	assert_non_null(strstr(want, "/damaged.db' is damaged"));
	free(want);
	db_close(db);
	free(path);
}

static void
test_a_read_that_meets_damage_is_not_a_missing_decision(void **state)
{
	struct fixture	*fx = *state;
	char		*path = path_in(fx, "damaged.db");
	struct decision	 d;
	struct db		*db;

	make_damaged(path);
	assert_non_null(db = db_open(path, DB_READ));
	assert_int_equal(decision_load(db, 1, &d), -1);
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(strstr(err_msg(), "/damaged.db' is damaged: "));
	err_clear();
	assert_int_equal(decision_load(db, 99, &d), -1);
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(strstr(err_msg(), "/damaged.db' is damaged: "));
	db_close(db);
	free(path);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_memory_register_has_version_and_application_id),
		T(test_memory_register_has_default_settings),
		T(test_memory_register_has_a_random_register_id),
		T(test_migrate_apply_twice_is_a_no_op),
		T(test_migrate_check_reports_the_version_without_writing),
		T(test_foreign_keys_are_on),
		T(test_add_months_sql_function_clamps_to_month_end),
		T(test_add_months_sql_function_is_null_for_a_bad_date),
		T(test_history_rows_cannot_be_updated_or_deleted),
		T(test_read_of_a_missing_register_fails_and_creates_nothing),
		T(test_read_of_a_missing_file_leaves_its_folder_empty),
		T(test_read_of_an_empty_file_counts_as_missing),
		T(test_write_of_an_empty_file_creates_a_register_in_it),
		T(test_write_creates_the_file_and_missing_parent_folders),
		T(test_write_fails_when_a_parent_is_a_file),
		T(test_a_created_register_reopens_for_reading),
		T(test_file_register_has_wal_foreign_keys_and_timeout),
		T(test_bulk_load_journal_only_when_alone_and_wal_after),
		T(test_an_older_register_is_brought_up_to_date),
		T(test_a_text_file_is_refused_and_left_untouched),
		T(test_a_short_text_file_is_refused_and_left_untouched),
		T(test_another_apps_database_is_refused_untouched),
		T(test_another_application_id_is_refused_untouched),
		T(test_a_newer_register_is_refused_and_left_untouched),
		T(test_a_newer_register_in_wal_mode_is_left_byte_identical),
		T(test_a_folder_is_refused),
		T(test_check_table_passes_a_sound_table),
		T(test_a_missing_decision_in_a_sound_table_is_a_usage_error),
		T(test_check_table_names_a_damaged_register),
		T(test_a_read_that_meets_damage_is_not_a_missing_decision),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
