/*
 * Unit tests of outfile.c: a regular file is replaced whole and keeps its
 * mode, a link's target is replaced and the link kept, a FIFO is written
 * in place, and the register and its companion files are never written.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "outfile.h"
#include "util.h"

#include "fixture.h"

struct fixture {
	char	*dir;
	char	*db;		/* a stand-in for the register */
};

static char *
in(struct fixture *fx, const char *name)
{
	return xasprintf("%s/%s", fx->dir, name);
}

static void
put(const char *path, const char *text)
{
	FILE	*fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/* The contents of path (at most 255 bytes) in buf. */
static const char *
get(const char *path, char *buf)
{
	FILE	*fp = fopen(path, "r");
	size_t	 n;

	assert_non_null(fp);
	n = fread(buf, 1, 255, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void
write_all(int fd, const char *s)
{
	assert_int_equal(write(fd, s, strlen(s)), (ssize_t)strlen(s));
}

/* Write text to path through an outfile, committed. */
static void
write_whole(const char *path, const char *db, const char *text)
{
	struct outfile	of;

	assert_int_equal(outfile_open(&of, "export", path, db, 0), 0);
	write_all(of.fd, text);
	close(of.fd);
	of.fd = -1;
	assert_int_equal(outfile_commit(&of, "export"), 0);
	outfile_release(&of);
}

/* Opening path for cmd is refused; the error is left to check. */
static void
refused(const char *cmd, const char *path, const char *db, int regular_only)
{
	struct outfile	of;

	err_clear();
	assert_int_equal(outfile_open(&of, cmd, path, db, regular_only), -1);
	outfile_release(&of);
}

/* How many entries the fixture's folder holds. */
static int
entries(struct fixture *fx)
{
	char	*cmd = xasprintf("ls -A '%s' | wc -l", fx->dir);
	FILE	*p = popen(cmd, "r");
	int	 n = -1;

	free(cmd);
	assert_non_null(p);
	assert_int_equal(fscanf(p, "%d", &n), 1);
	pclose(p);
	return n;
}

static int
setup(void **state)
{
	struct fixture	*fx = xcalloc(1, sizeof(*fx));

	if ((fx->dir = fixture_temp_dir("outfile")) == NULL) {
		free(fx);
		return -1;
	}
	fx->db = in(fx, "register.db");
	put(fx->db, "register");
	fixture_start();
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	fixture_remove_tree(fx->dir);
	free(fx->dir);
	free(fx->db);
	free(fx);
	fixture_end();
	return 0;
}

static void
test_a_regular_file_is_replaced_whole_and_keeps_its_mode(void **state)
{
	struct fixture	*fx = *state;
	struct outfile	 of;
	struct stat	 st;
	char		*path = in(fx, "out.csv"), buf[256];

	put(path, "old");
	chmod(path, 0600);
	assert_int_equal(outfile_open(&of, "export", path, fx->db, 0), 0);
	write_all(of.fd, "new");
	/* Until it is committed the old file stands. */
	assert_string_equal(get(path, buf), "old");
	close(of.fd);
	of.fd = -1;
	assert_int_equal(outfile_commit(&of, "export"), 0);
	outfile_release(&of);
	assert_string_equal(get(path, buf), "new");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(entries(fx), 2);
	free(path);
}

static void
test_a_file_not_committed_is_left_as_it_was(void **state)
{
	struct fixture	*fx = *state;
	struct outfile	 of;
	char		*path = in(fx, "out.csv"), buf[256];

	put(path, "old");
	assert_int_equal(outfile_open(&of, "export", path, fx->db, 0), 0);
	write_all(of.fd, "half");
	outfile_release(&of);
	assert_string_equal(get(path, buf), "old");
	assert_int_equal(entries(fx), 2);	/* no temporary file left */
	free(path);
}

static void
test_a_link_is_followed_and_kept(void **state)
{
	struct fixture	*fx = *state;
	struct stat	 st;
	char		*target = in(fx, "target.csv");
	char		*link = in(fx, "link.csv");
	char		 buf[256];

	put(target, "old");
	assert_int_equal(symlink("target.csv", link), 0);
	write_whole(link, fx->db, "new");
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(get(target, buf), "new");
	free(target);
	free(link);
}

static void
test_a_fifo_is_written_in_place(void **state)
{
	struct fixture	*fx = *state;
	struct outfile	 of;
	struct stat	 st;
	char		*path = in(fx, "fifo"), buf[16];
	int		 rd;

	assert_int_equal(mkfifo(path, 0600), 0);
	rd = open(path, O_RDONLY | O_NONBLOCK);
	assert_true(rd >= 0);
	assert_int_equal(outfile_open(&of, "export", path, fx->db, 0), 0);
	assert_null(of.tmp);
	write_all(of.fd, "rows");
	assert_int_equal(read(rd, buf, sizeof(buf)), 4);
	assert_int_equal(outfile_commit(&of, "export"), 0);
	outfile_release(&of);
	close(rd);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	free(path);
}

static void
test_a_backup_refuses_what_is_not_a_regular_file(void **state)
{
	struct fixture	*fx = *state;
	char		*path = in(fx, "fifo");

	assert_int_equal(mkfifo(path, 0600), 0);
	refused("backup", path, fx->db, 1);
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(strstr(err_msg(), "not a regular file"));
	free(path);
}

static void
test_the_register_and_its_files_are_refused_by_any_name(void **state)
{
	struct fixture	*fx = *state;
	char		*other = xasprintf("%s/./register.db", fx->dir);
	char		*wal = in(fx, "register.db-wal");
	char		*hard = in(fx, "hard");
	char		 buf[256];

	put(wal, "wal");
	assert_int_equal(link(fx->db, hard), 0);
	refused("export", other, fx->db, 0);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_non_null(strstr(err_msg(), "is the register itself"));
	refused("export", wal, fx->db, 0);
	assert_int_equal(err_code(), EXIT_USAGE);
	refused("backup", hard, fx->db, 1);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_string_equal(get(fx->db, buf), "register");
	assert_string_equal(get(wal, buf), "wal");
	free(other);
	free(wal);
	free(hard);
}

static void
test_a_folder_is_refused(void **state)
{
	struct fixture	*fx = *state;

	refused("export", fx->dir, fx->db, 0);
	assert_int_equal(err_code(), EXIT_FAIL);
	assert_non_null(strstr(err_msg(), "it is a folder"));
}

static void
test_a_dangling_link_creates_its_target(void **state)
{
	struct fixture	*fx = *state;
	struct stat	 st;
	char		*link = in(fx, "dangling.csv"), *target = in(fx,
	    "sub/made.csv"), *sub = in(fx, "sub"), buf[256];

	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(symlink("sub/made.csv", link), 0);
	write_whole(link, fx->db, "new");
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(get(target, buf), "new");
	free(link);
	free(target);
	free(sub);
}

static void
test_register_files_are_refused_through_a_linked_register(void **state)
{
	struct fixture	*fx = *state;
	char		*sub = in(fx, "elsewhere"), *linked = in(fx,
	    "elsewhere/reg.db"), *journal = in(fx, "register.db-journal");

	/* The register is named through a link in another folder; its
	 * journal, which does not exist yet, is refused by its real name. */
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(symlink(fx->db, linked), 0);
	refused("export", journal, linked, 0);
	assert_int_equal(err_code(), EXIT_USAGE);
	assert_int_equal(access(journal, F_OK), -1);
	free(sub);
	free(linked);
	free(journal);
}

static void
test_the_mode_is_given_once_the_file_is_written(void **state)
{
	struct fixture	*fx = *state;
	struct stat	 st;
	char		*path = in(fx, "ro.csv"), buf[256];

	if (geteuid() != 0)
		skip();		/* only root may write a 0444 file */
	put(path, "old");
	assert_int_equal(chmod(path, 0444), 0);
	write_whole(path, fx->db, "new");
	assert_string_equal(get(path, buf), "new");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0444);
	free(path);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_a_regular_file_is_replaced_whole_and_keeps_its_mode),
		T(test_a_file_not_committed_is_left_as_it_was),
		T(test_a_link_is_followed_and_kept),
		T(test_a_fifo_is_written_in_place),
		T(test_a_backup_refuses_what_is_not_a_regular_file),
		T(test_the_register_and_its_files_are_refused_by_any_name),
		T(test_a_folder_is_refused),
		T(test_a_dangling_link_creates_its_target),
		T(test_register_files_are_refused_through_a_linked_register),
		T(test_the_mode_is_given_once_the_file_is_written),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
