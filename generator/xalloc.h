/* Allocation wrappers: running out of memory is fatal here, so that the
 * rest of the program never checks for NULL from an allocation. */
#ifndef MATURITY_XALLOC_H
#define MATURITY_XALLOC_H

#include <stddef.h>

/* Each returns memory the caller frees with free(); none returns NULL. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
/* Grows an array of count elements of size bytes; checks the product. */
void *xreallocarray(void *pointer, size_t count, size_t size);
char *xstrdup(const char *text);
char *xstrndup(const char *text, size_t length);
char *xasprintf(const char *format, ...) __attribute__((format(printf, 1, 2)));
/* What a library allocated: pointer itself, or the end of the program
 * as above when it is NULL (the library ran out of memory). */
void *xlibrary(void *pointer);

/* Frees count strings and the array that holds them (both may be NULL). */
void xfree_strings(char **strings, size_t count);

#endif
