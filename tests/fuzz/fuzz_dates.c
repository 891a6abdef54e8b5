/*
 * Dates and durations (mvb(1) VALUES): what date_parse() accepts prints
 * back as the same text; what duration_parse() accepts reads back from its
 * canonical form; month and day arithmetic stays within the calendar.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s = fuzz_string(data, size);
	char		 buf[DATE_BUFSZ], dbuf[16], dbuf2[16];
	struct duration	 dur, dur2;
	int32_t		 d, e, lo, hi;
	int		 months;

	lo = date_from_ymd(1900, 1, 1);
	hi = date_from_ymd(9999, 12, 31);
	if (date_parse(s, &d) == 0) {
		if (strcmp(date_format(d, buf), s) != 0)
			fuzz_fail("date does not print back", s);
		months = size > 0 ? data[0] * 7 : 0;
		e = date_add_months(d, months);
		if (e < d || e > hi)
			fuzz_fail("date + months out of range", s);
		if (date_parse(date_format(e, buf), &e) == -1)
			fuzz_fail("date + months not a date", s);
		e = date_add_days(d, months * 40);
		if (e < d || e > hi)
			fuzz_fail("date + days out of range", s);
		if (d < lo)
			fuzz_fail("date before 1900-01-01", s);
	}
	if (duration_parse(s, &dur) == 0) {
		duration_format(&dur, dbuf);
		if (duration_parse(dbuf, &dur2) == -1 || dur.n != dur2.n ||
		    dur.unit != dur2.unit ||
		    strcmp(duration_format(&dur2, dbuf2), dbuf) != 0)
			fuzz_fail("duration does not read back", s);
		e = date_add_duration(lo, &dur);
		if (e < lo || e > hi)
			fuzz_fail("date + duration out of range", s);
		e = date_add_duration(hi, &dur);
		if (e != hi)
			fuzz_fail("date + duration past the calendar", s);
	}
	free(s);
	return 0;
}
