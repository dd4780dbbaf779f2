/* The PDF report: the same model and sections as the HTML report, laid
 * out with pango on cairo's PDF surface. */
#ifndef MATURITY_PDF_H
#define MATURITY_PDF_H

struct brand;
struct diag;
struct model;
struct outfile_folder;
struct pdf_cache;

/* What the reports one process renders share: a Pango context, the
 * layouts of their text, the brand's logo decoded and the chart's text.
 * Every layout a report makes is kept, the one used longest ago dropped
 * first, so the drawing pass reuses what the measuring pass shaped and
 * text that recurs from report to report (the pack's prose, answer
 * options, labels, page headers) is shaped once.  Bounded: at most 4,000
 * layouts, a few megabytes.  Reports of another brand's fonts empty it.
 * It makes no Pango or cairo object until the first report, so it may be
 * made before the process forks; use it in one process only.  Free with
 * pdf_cache_free. */
struct pdf_cache *pdf_cache_new(void);

void pdf_cache_free(struct pdf_cache *cache);

/* Writes the report of model to name in folder, atomically, with brand's paper,
 * colours and fonts.  The PDF's creation date is the report date
 * (model->generated), so the same inputs give the same bytes.  Returns 0,
 * or -1 after reporting. */
int pdf_render(const struct outfile_folder *folder, const char *name, const struct model *model,
	       const struct brand *brand, struct pdf_cache *cache, struct diag *diag);

#endif
