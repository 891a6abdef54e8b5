/*
 * The sunset-criterion parser (mvb(1) SUNSET CRITERIA): an accepted
 * expression prints in a canonical form that parses to the same
 * expression and prints the same again; a refused one says why, in text.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sunset.h"
#include "util.h"

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
	char			*s = fuzz_string(data, size);
	char			 why[256];
	struct sunset_expr	 e, e2;
	struct strbuf		 a, b;

	memset(&e, 0, sizeof(e));
	memset(&e2, 0, sizeof(e2));
	why[0] = '\0';
	if (sunset_parse(s, &e, why, sizeof(why)) == -1) {
		if (why[0] == '\0' || memchr(why, '\0', sizeof(why)) == NULL)
			fuzz_fail("refused without a reason", s);
		free(s);
		return 0;
	}
	sb_init(&a);
	sb_init(&b);
	sunset_format(&e, &a);
	if (sunset_parse(a.buf != NULL ? a.buf : "", &e2, why, sizeof(why)) == -1)
		fuzz_fail("canonical form refused", a.buf);
	sunset_format(&e2, &b);
	if (strcmp(a.buf != NULL ? a.buf : "", b.buf != NULL ? b.buf : "") != 0)
		fuzz_fail("canonical form not stable", s);
	sb_release(&a);
	sb_release(&b);
	free(s);
	return 0;
}
