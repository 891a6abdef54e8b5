/* The helpers of fuzz.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util.h"

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char	*s = xmalloc(size + 1);

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

void
fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: %s: '%s'\n", what, detail);
	abort();
}
