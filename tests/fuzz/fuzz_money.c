/*
 * Money, percentages and decimals (mvb(1) VALUES, COST MODEL): what
 * fixed2_parse() and decimal_parse() accept reads back from its printed
 * form; the cost model computes any figures in range without overflow
 * (UndefinedBehaviorSanitizer watches the arithmetic).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "money.h"
#include "text.h"
#include "util.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* The next 8 bytes of data as an integer in 0..max. */
static int64_t
figure(const uint8_t **p, const uint8_t *end, int64_t max)
{
	uint64_t	v = 0;
	int		i;

	for (i = 0; i < 8 && *p < end; i++, (*p)++)
		v = v << 8 | **p;
	return (int64_t)(v % ((uint64_t)max + 1));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int64_t maxes[] = { MONEY_MAX, PERCENT_MAX, FTE_MAX,
	    PROBABILITY_MAX, 0 };
	const uint8_t	*p = data, *end = data + size;
	char		*s = fuzz_string(data, size);
	char		 buf[64], norm[NUM_BUFSZ], norm2[NUM_BUFSZ];
	int64_t		 v, w;
	size_t		 i;
	struct cost	 c;

	for (i = 0; i < sizeof(maxes) / sizeof(maxes[0]); i++) {
		if (fixed2_parse(s, maxes[i], &v) == -1)
			continue;
		if (v < 0 || v > maxes[i])
			fuzz_fail("amount out of range", s);
		if (fixed2_parse(fixed2_format(v, buf), maxes[i], &w) == -1 ||
		    w != v)
			fuzz_fail("amount does not read back", s);
	}
	if (decimal_parse(s, norm) == 0) {
		if (decimal_parse(norm, norm2) == -1 ||
		    strcmp(norm, norm2) != 0)
			fuzz_fail("decimal not normal", s);
		if (decimal_cmp(norm, norm2) != 0)
			fuzz_fail("decimal unequal to itself", s);
		if (decimal_cmp(norm, "0") != -decimal_cmp("0", norm) &&
		    (decimal_cmp(norm, "0") > 0) != (decimal_cmp("0", norm) < 0))
			fuzz_fail("decimal order not antisymmetric", s);
	}
	c.one_time = figure(&p, end, MONEY_MAX);
	c.monthly = figure(&p, end, MONEY_MAX);
	c.increase = figure(&p, end, PERCENT_MAX);
	c.ops_fte = figure(&p, end, FTE_MAX);
	c.fte_cost = figure(&p, end, MONEY_MAX);
	c.lockin_cost = figure(&p, end, MONEY_MAX);
	c.lockin_prob = figure(&p, end, PROBABILITY_MAX);
	(void)cost_valid(&c);
	if (cost_tco_24m(&c) < 0 || cost_annual_run_rate(&c) < 0)
		fuzz_fail("negative cost", s);
	free(s);
	return 0;
}
