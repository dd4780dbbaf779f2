/* Fonts: the application's font folder registered with fontconfig before
 * any layout, and a check that every family a brand names resolves to
 * itself rather than to a fallback. */
#ifndef MATURITY_FONTS_H
#define MATURITY_FONTS_H

struct diag;

/* Registers every font file in folder (may be missing) with fontconfig's
 * current configuration.  Call once, before the first Pango font map.
 * Returns 0, or -1 after reporting. */
int fonts_register_folder(const char *folder, struct diag *diag);

/* Checks that fontconfig has the family.  Returns 0, or -1 after reporting
 * "font family ... is not installed" against source (the brand file). */
int fonts_check_family(const char *family, const char *source, struct diag *diag);

#endif
