/*
 * Reading CSV (mvb(1) CSV) a record at a time with libcsv in strict mode,
 * trimming off: a UTF-8 byte-order mark is skipped, CRLF, LF or CR end a
 * line, blank lines are skipped, and every record is reported with the
 * physical line it starts on. NUL bytes, invalid UTF-8, unterminated
 * quotes, stray quotes and ragged rows are refused. Memory holds one record,
 * whatever the file's size. (libcsv owns the csv_ prefix; ours is csvr_.)
 */
#ifndef MVB_CSVREAD_H
#define MVB_CSVREAD_H

#include <stddef.h>
#include <stdio.h>

/* One record: its fields, NUL-terminated, valid for the callback only. */
struct csvr_record {
	char		**fields;
	int		  nfields;
	long		  line;		/* physical line the record starts on */
};

/*
 * Read fp (named name in messages) to its end, calling row(arg, r) for
 * every record, the header included (line 1 unless blank lines lead). The
 * callback returns 0 to go on or -1 (having recorded its error) to stop.
 * Structural errors are recorded as "NAME:LINE: reason", and a NUL byte or
 * invalid UTF-8 as "NAME:LINE: COLUMN: reason", COLUMN the header's name
 * for the field ("header" in the header itself). Returns 0 or -1.
 */
int csvr_read(FILE *fp, const char *name,
    int (*row)(void *arg, const struct csvr_record *r), void *arg);

#endif
