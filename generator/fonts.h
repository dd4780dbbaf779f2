/* Fonts: fontconfig made to see only the application's fonts (fonts/),
 * the brand's families and a fixed set of fallback families, without the
 * system's substitution rules; and a check that every family a brand
 * names resolves to itself rather than to a fallback. */
#ifndef MATURITY_FONTS_H
#define MATURITY_FONTS_H

#include <stddef.h>

struct diag;

/* The families that set what the brand's fonts do not cover, tried in
 * this order: DejaVu Sans (Arabic, Hebrew, Greek, Cyrillic, symbols;
 * Debian's fonts-dejavu-core), Noto Sans CJK JP (Japanese, Chinese,
 * Korean; fonts-noto-cjk) and Symbola (emoji as outlines, which a PDF
 * keeps as text; fonts-symbola).  NULL-terminated. */
extern const char *const fonts_fallback_families[];

/* Makes fontconfig's current configuration one that holds only the fonts
 * in folder (may be missing), the families named in families (count of
 * them, a brand's) and the fallback families, found in the system's font
 * folders through their caches.  None of the system's rules apply.  Call
 * once, before the first Pango font map.  Returns 0, or -1 after
 * reporting. */
int fonts_configure(const char *folder, const char *const *families, size_t count,
		    struct diag *diag);

/* Checks that fontconfig has the family.  Returns 0, or -1 after reporting
 * "font family ... is not installed" against source (the brand file). */
int fonts_check_family(const char *family, const char *source, struct diag *diag);

#endif
