/* Allocation wrappers: the one place besides main() that ends the process. */
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
xalloc_fail(size_t size)
{
	if (size > 0)
		fprintf(stderr, "maturity: error: out of memory (%zu bytes)\n", size);
	else
		fprintf(stderr, "maturity: error: out of memory\n");
	abort();
}

void *
xmalloc(size_t size)
{
	void *pointer = malloc(size ? size : 1);

	if (pointer == NULL)
		xalloc_fail(size);
	return pointer;
}

void *
xcalloc(size_t count, size_t size)
{
	void *pointer = calloc(count ? count : 1, size ? size : 1);

	if (pointer == NULL)
		xalloc_fail(count * size);
	return pointer;
}

void *
xreallocarray(void *pointer, size_t count, size_t size)
{
	void *grown;

	if (size != 0 && count > SIZE_MAX / size)
		xalloc_fail(SIZE_MAX);
	grown = realloc(pointer, count * size != 0 ? count * size : 1);
	if (grown == NULL)
		xalloc_fail(count * size);
	return grown;
}

char *
xstrdup(const char *text)
{
	return xstrndup(text, strlen(text));
}

char *
xstrndup(const char *text, size_t length)
{
	char *copy = xmalloc(length + 1);

	memcpy(copy, text, length);
	copy[length] = '\0';
	return copy;
}

char *
xasprintf(const char *format, ...)
{
	va_list arguments;
	char *text;
	int length;

	va_start(arguments, format);
	length = vsnprintf(NULL, 0, format, arguments);
	va_end(arguments);
	if (length < 0)
		xalloc_fail(0);
	text = xmalloc((size_t)length + 1);
	va_start(arguments, format);
	vsnprintf(text, (size_t)length + 1, format, arguments);
	va_end(arguments);
	return text;
}

void *
xlibrary(void *pointer)
{
	if (pointer == NULL)
		xalloc_fail(0);
	return pointer;
}

void
xfree_strings(char **strings, size_t count)
{
	for (size_t index = 0; strings != NULL && index < count; index++)
		free(strings[index]);
	free(strings);
}
