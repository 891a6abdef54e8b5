/*
 * Exact numbers without floating point: two-decimal quantities held as
 * integer hundredths, the cost model of mvb(1) COST MODEL summed over a common
 * denominator in 128 bits and rounded once, and the decimal strings of
 * metric values (mvb(1) VALUES) normalised and compared digit by digit.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "money.h"

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/* Locale-independent, unlike isdigit(). */
#define ISDIGIT(c) ((c) >= '0' && (c) <= '9')

#define DEC_SIG_MAX 15
/* Fraction digits that still fit NUM_BUFSZ as "-0.<digits>". */
#define DEC_FRAC_MAX (NUM_BUFSZ - 4)

int
fixed2_parse(const char *s, int64_t max, int64_t *out)
{
	int64_t	 v = 0;
	int	 i;

	assert(max >= 0 && max <= INT64_MAX / 10);
	if (!ISDIGIT(*s))
		return -1;
	/* Stop as soon as the integer part alone exceeds max. */
	for (; ISDIGIT(*s); s++) {
		v = v * 10 + (*s - '0');
		if (v > max / 100)
			return -1;
	}
	v *= 100;
	if (*s == '.') {
		s++;
		if (!ISDIGIT(*s))
			return -1;
		for (i = 10; i > 0 && ISDIGIT(*s); i /= 10, s++)
			v += i * (*s - '0');
	}
	if (*s != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}

char *
fixed2_format(int64_t hundredths, char *buf)
{
	return fixed2_format_wide(hundredths, buf);
}

char *
fixed2_format_wide(i128 hundredths, char *buf)
{
	char	 tmp[NUM_BUFSZ], *p = tmp + sizeof tmp;
	u128	 u;
	int	 n = 0;

	u = hundredths < 0 ? -(u128)hundredths : (u128)hundredths;
	*--p = '\0';
	do {
		*--p = (char)('0' + (int)(u % 10));
		u /= 10;
		if (++n == 2)
			*--p = '.';
	} while (u != 0 || n < 3);
	if (hundredths < 0)
		*--p = '-';
	return memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
}

int
currency_valid(const char *s)
{
	int	 i;

	for (i = 0; i < 3; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return s[3] == '\0';
}

/* n / d rounded half away from zero; d is positive and even. */
static int64_t
round_div(i128 n, i128 d)
{
	i128	 q;

	q = ((n < 0 ? -n : n) + d / 2) / d;
	return (int64_t)(n < 0 ? -q : q);
}

int
cost_valid(const struct cost *c)
{
	return c->one_time >= 0 && c->one_time <= MONEY_MAX &&
	    c->monthly >= 0 && c->monthly <= MONEY_MAX &&
	    c->increase >= 0 && c->increase <= PERCENT_MAX &&
	    c->ops_fte >= 0 && c->ops_fte <= FTE_MAX &&
	    c->fte_cost >= 0 && c->fte_cost <= MONEY_MAX &&
	    c->lockin_cost >= 0 && c->lockin_cost <= MONEY_MAX &&
	    c->lockin_prob >= 0 && c->lockin_prob <= PROBABILITY_MAX;
}

static int64_t
clamp(int64_t v, int64_t max)
{
	return v < 0 ? 0 : v > max ? max : v;
}

/*
 * The ranges mvb(1) VALUES allows keep every sum below 2^72, far inside 128
 * bits. Figures outside them exist only in a register edited by hand ('mvb
 * check' reports them); they are clamped so that nothing overflows.
 */
static struct cost
cost_in_range(const struct cost *c)
{
	struct cost	r;

	r.one_time = clamp(c->one_time, MONEY_MAX);
	r.monthly = clamp(c->monthly, MONEY_MAX);
	r.increase = clamp(c->increase, PERCENT_MAX);
	r.ops_fte = clamp(c->ops_fte, FTE_MAX);
	r.fte_cost = clamp(c->fte_cost, MONEY_MAX);
	r.lockin_cost = clamp(c->lockin_cost, MONEY_MAX);
	r.lockin_prob = clamp(c->lockin_prob, PROBABILITY_MAX);
	return r;
}

/*
 * In ten-thousandths of a cent: increase/100 is increase/10000 of its
 * hundredths of a percent, ops_fte and lockin_prob are in hundredths.
 */
int64_t
cost_tco_24m(const struct cost *cost)
{
	struct cost	 c = cost_in_range(cost);
	i128		 n;

	n = (i128)c.one_time * 10000
	    + (i128)c.monthly * 12 * 10000
	    + (i128)c.monthly * 12 * (10000 + c.increase)
	    + (i128)c.ops_fte * c.fte_cost * 2 * 100
	    + (i128)c.lockin_cost * c.lockin_prob * 100;
	return round_div(n, 10000);
}

/* In hundredths of a cent. */
int64_t
cost_annual_run_rate(const struct cost *cost)
{
	struct cost	 c = cost_in_range(cost);
	i128		 n;

	n = (i128)c.monthly * 12 * 100 + (i128)c.ops_fte * c.fte_cost;
	return round_div(n, 100);
}

int
decimal_parse(const char *s, char *out)
{
	const char	*ip, *fp = "";
	size_t		 il, fl = 0, z = 0;
	int		 neg = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	for (ip = s; ISDIGIT(*s); s++)
		;
	if ((il = (size_t)(s - ip)) == 0)
		return -1;
	if (*s == '.') {
		for (fp = ++s; ISDIGIT(*s); s++)
			;
		if ((fl = (size_t)(s - fp)) == 0)
			return -1;
	}
	if (*s != '\0')
		return -1;

	for (; il > 0 && *ip == '0'; ip++)
		il--;
	while (fl > 0 && fp[fl - 1] == '0')
		fl--;
	/* Below one, the zeros that lead the fraction are not significant. */
	if (il == 0)
		while (z < fl && fp[z] == '0')
			z++;
	if (il + fl - z > DEC_SIG_MAX || fl > DEC_FRAC_MAX)
		return -1;

	if (neg && il + fl > 0)
		*out++ = '-';
	if (il == 0)
		*out++ = '0';
	memcpy(out, ip, il);
	out += il;
	if (fl > 0) {
		*out++ = '.';
		memcpy(out, fp, fl);
		out += fl;
	}
	*out = '\0';
	return 0;
}

/* Compare magnitudes: integer-part length, then digits, '0' past the end. */
static int
decimal_cmp_abs(const char *a, const char *b)
{
	size_t	 la = strcspn(a, "."), lb = strcspn(b, ".");
	char	 ca, cb;
	int	 c;

	if (la != lb)
		return la < lb ? -1 : 1;
	if ((c = memcmp(a, b, la)) != 0)
		return c < 0 ? -1 : 1;
	a += la + (a[la] == '.');
	b += lb + (b[lb] == '.');
	while (*a != '\0' || *b != '\0') {
		ca = *a != '\0' ? *a++ : '0';
		cb = *b != '\0' ? *b++ : '0';
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return 0;
}

int
decimal_cmp(const char *a, const char *b)
{
	int	 na = *a == '-', nb = *b == '-';

	if (na != nb)
		return na ? -1 : 1;
	return na ? decimal_cmp_abs(b + 1, a + 1) : decimal_cmp_abs(a, b);
}
