/* Dates and times as TOML 1.0 and tomllib read them (see toml_datetime.h).
 * The grammar's patterns are RFC 3339's with a year of any length and
 * second 60; tomllib takes four-digit years, seconds up to 59, and builds
 * a Python date (years 1 to 9999, real days of real months). */
#include "toml_datetime.h"

#include <ctype.h>
#include <stdbool.h>

static int number(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int days_in(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

	return month == 2 && leap ? 29 : days[month - 1];
}

/* The date at the start of s (`year` digits, then -MM-DD). */
static const char *date_fault(const char *s, size_t n, size_t year)
{
	int y, m, d;

	if (year != 4)
		return "a year has four digits";
	if (n < 10 || s[7] != '-' || !digits(s + 5, 2) || !digits(s + 8, 2))
		return "not a date";
	y = number(s, 4), m = number(s + 5, 2), d = number(s + 8, 2);
	if (y == 0)
		return "there is no year 0";
	if (m < 1 || m > 12)
		return "no such month";
	if (d < 1 || d > days_in(y, m))
		return "no such day in that month";
	return NULL;
}

const char *toml_datetime_fault(const char *s, size_t n)
{
	size_t year = 0;

	while (year < n && isdigit((unsigned char)s[year]))
		year++;
	if (year < n && s[year] == '-') {
		const char *why = date_fault(s, n, year);

		if (why || n <= 10)
			return why;
		s += 11, n -= 11; /* the date and its delimiter */
	}
	if (n < 8 || s[2] != ':' || s[5] != ':' || !digits(s, 2) || !digits(s + 3, 2) ||
	    !digits(s + 6, 2))
		return "not a time";
	if (number(s, 2) > 23 || number(s + 3, 2) > 59)
		return "no such time";
	if (number(s + 6, 2) > 59)
		return "seconds go up to 59 (TOML has no leap second)";
	return NULL;
}
