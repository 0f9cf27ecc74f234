/* The one file reader (scout/fs.h): a regular file is read whole; a FIFO, a
 * symlink to /dev/zero, a directory and a file over the limit are refused at
 * once with a reason (never a blocking open, never an endless read); the
 * refusal log holds what SCOUT_FS_REPORT readers refused, once per path. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "scout/fs.h"

static char dir[] = "/tmp/scout-test-fs-XXXXXX";

static char *at(const char *name)
{
	return scout_asprintf("%s/%s", dir, name);
}

static void write_file(const char *name, const char *text)
{
	char *path = at(name);
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(path);
}

/* Reads name; returns the error and sets *why. */
static int try_read(const char *name, size_t max, unsigned flags, scout_fs_refusal *why,
                    char **data)
{
	char *path = at(name);
	size_t len = 7;
	int error = scout_fs_read(data, &len, path, max, flags, why);

	if (error < 0)
		CHECK(*data == NULL && len == 0);
	free(path);
	return error;
}

static void check_regular(void)
{
	scout_fs_refusal why = SCOUT_FS_CHANGED;
	char *data = NULL;

	write_file("ok.ini", "[mypy]\nstrict = True\n");
	CHECK_INT(try_read("ok.ini", 1024, 0, &why, &data), 0);
	CHECK_INT(why, SCOUT_FS_READ);
	CHECK_STR(data, "[mypy]\nstrict = True\n");
	free(data);
	write_file("empty", "");
	CHECK_INT(try_read("empty", 1024, 0, &why, &data), 0);
	CHECK_STR(data, "");
	free(data);
	CHECK_INT(try_read("ok.ini", 5, 0, &why, &data), SCOUT_EIO);
	CHECK_INT(why, SCOUT_FS_TOO_LARGE);
	CHECK_STR(scout_error_last(), "file is 21 bytes, over the 5-byte limit");
	CHECK_INT(try_read("ok.ini", (size_t)1 << 20, 0, &why, &data), 0);
	free(data);
	CHECK_INT(try_read("missing", 1024, 0, &why, &data), SCOUT_ENOTFOUND);
	CHECK_INT(why, SCOUT_FS_ABSENT);
}

static void check_refused(void)
{
	scout_fs_refusal why;
	char *data = NULL, *fifo = at("fifo"), *zero = at("zero"), *link = at("link");
	uint64_t size = 9;
	int fd = 0;

	CHECK_INT(mkfifo(fifo, 0600), 0);
	CHECK_INT(symlink("/dev/zero", zero), 0);
	CHECK_INT(symlink("ok.ini", link), 0);
	/* with no writer, a blocking open of the FIFO would never return */
	CHECK_INT(try_read("fifo", 1024, 0, &why, &data), SCOUT_EIO);
	CHECK_INT(why, SCOUT_FS_NOT_REGULAR);
	CHECK_STR(scout_error_last(), "not a regular file (a FIFO)");
	/* /dev/zero never ends: reading it "fully" would never return */
	CHECK_INT(try_read("zero", (size_t)1 << 30, 0, &why, &data), SCOUT_EIO);
	CHECK_INT(why, SCOUT_FS_NOT_REGULAR);
	CHECK_STR(scout_error_last(), "not a regular file (a character device)");
	CHECK_INT(try_read(".", 1024, 0, &why, &data), SCOUT_EIO);
	CHECK_STR(scout_error_last(), "not a regular file (a directory)");
	CHECK_INT(try_read("link", 1024, 0, &why, &data), 0);
	free(data);
	CHECK_INT(try_read("link", 1024, SCOUT_FS_NOFOLLOW, &why, &data), SCOUT_EIO);
	CHECK_STR(scout_error_last(), "not a regular file (a symbolic link)");
	CHECK_INT(scout_fs_open(&fd, &size, fifo, 1024, 0, &why), SCOUT_EIO);
	CHECK_INT(fd, -1);
	CHECK_INT(size, 0);
	free(fifo);
	free(zero);
	free(link);
}

static void check_log(void)
{
	scout_fs_refused *log;
	size_t n = scout_fs_refusals_take(&log);
	char *data = NULL;

	scout_fs_refused_free(log, n); /* whatever earlier checks left */
	CHECK_INT(try_read("zero", 1024, SCOUT_FS_REPORT, NULL, &data), SCOUT_EIO);
	CHECK_INT(try_read("fifo", 1024, SCOUT_FS_REPORT, NULL, &data), SCOUT_EIO);
	CHECK_INT(try_read("fifo", 1024, SCOUT_FS_REPORT, NULL, &data), SCOUT_EIO);
	CHECK_INT(try_read("ok.ini", 4, SCOUT_FS_REPORT, NULL, &data), SCOUT_EIO);
	CHECK_INT(try_read("missing", 1024, SCOUT_FS_REPORT, NULL, &data), SCOUT_ENOTFOUND);
	CHECK_INT(try_read("fifo", 1024, 0, NULL, &data), SCOUT_EIO); /* not reported */
	CHECK_INT(try_read("ok.ini", 1024, SCOUT_FS_REPORT, NULL, &data), 0);
	free(data);
	n = scout_fs_refusals_take(&log);
	CHECK_INT(n, 3); /* sorted by path, one per path; an absent file is no refusal */
	if (n == 3) {
		CHECK(scout_str_endswith(log[0].path, "/fifo"));
		CHECK_INT(log[0].kind, SCOUT_FS_NOT_REGULAR);
		CHECK_STR(log[0].reason, "not a regular file (a FIFO)");
		CHECK(scout_str_endswith(log[1].path, "/ok.ini"));
		CHECK_INT(log[1].kind, SCOUT_FS_TOO_LARGE);
		CHECK(scout_str_endswith(log[2].path, "/zero"));
	}
	scout_fs_refused_free(log, n);
	CHECK_INT(scout_fs_refusals_take(&log), 0);
	scout_fs_refused_free(log, 0);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	check_regular();
	check_refused();
	check_log();
	for (const char *const *n =
	         (const char *const[]){"ok.ini", "empty", "fifo", "zero", "link", NULL};
	     *n; n++) {
		char *path = at(*n);

		unlink(path);
		free(path);
	}
	rmdir(dir);
	return check_report("test_fs");
}
