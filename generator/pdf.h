/* The PDF report: the same model and sections as the HTML report, laid
 * out with pango on cairo's PDF surface. */
#ifndef MATURITY_PDF_H
#define MATURITY_PDF_H

struct brand;
struct diag;
struct model;
struct pdf_cache;

/* What reports of one brand share: a Pango context and the layouts of
 * text that repeats from report to report (the pack's prose, the answer
 * options, labels), so each is shaped once per process.  Bounded in
 * size.  Free with pdf_cache_free. */
struct pdf_cache *pdf_cache_new(void);

void pdf_cache_free(struct pdf_cache *cache);

/* Writes the report of model to path, atomically, with brand's paper,
 * colours and fonts.  The PDF's creation date is the report date
 * (model->generated), so the same inputs give the same bytes.  Returns 0,
 * or -1 after reporting. */
int pdf_render(const char *path, const struct model *model, const struct brand *brand,
	       struct pdf_cache *cache, struct diag *diag);

#endif
