/* The PDF report: the report document the HTML report is made from, set
 * by the typesetter on cairo's PDF surface. */
#ifndef MATURITY_PDF_H
#define MATURITY_PDF_H

#include <libxml/tree.h>

struct brand;
struct diag;
struct outfile_folder;
struct pdf_cache;

/* What the reports one process renders share: the typesetter's cache of
 * shaped text (bounded: at most 4,000 layouts, a few megabytes), the
 * chart's text and the brand's logo decoded and resampled.  It makes no
 * Pango or cairo object until the first report, so it may be made before
 * the process forks; use it in one process only.  Free with
 * pdf_cache_free. */
struct pdf_cache *pdf_cache_new(void);

void pdf_cache_free(struct pdf_cache *cache);

/* Writes the report document (report.h) to name in folder, atomically,
 * with brand's paper, colours, fonts and logo.  The PDF's dates are the
 * document's date, so the same inputs give the same bytes.  Returns 0,
 * or -1 after reporting. */
int pdf_render(const struct outfile_folder *folder, const char *name, xmlDocPtr document,
	       const struct brand *brand, struct pdf_cache *cache, struct diag *diag);

#endif
