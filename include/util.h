/*
 * Small helpers every module uses: allocation that never returns NULL and a
 * growable string buffer.
 */
#ifndef MVB_UTIL_H
#define MVB_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define MVB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define MVB_NORETURN __attribute__((noreturn))
#else
#define MVB_PRINTF(f, a)
#define MVB_NORETURN
#endif

/* Allocate or die: on failure print "mvb: out of memory" and exit 1. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Returns a newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) MVB_PRINTF(1, 2);

/*
 * Create a new temporary file beside path (same folder, so that rename()
 * can replace path atomically) with the mode a new file normally gets.
 * Returns its descriptor and stores its allocated name in *tmp, or
 * returns -1 with errno set (and *tmp freed and NULL).
 */
int temp_beside(const char *path, char **tmp);

/* A growable NUL-terminated buffer; buf is never NULL after sb_init. */
struct strbuf {
	char	*buf;
	size_t	 len;
	size_t	 alloc;
};

void sb_init(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) MVB_PRINTF(2, 3);
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
    MVB_PRINTF(2, 0);
void sb_reset(struct strbuf *sb);
/* Hand the buffer to the caller (who frees it); sb is left as after
 * sb_release() (sb_init() it to use it again). */
char *sb_detach(struct strbuf *sb);
void sb_release(struct strbuf *sb);

#endif
