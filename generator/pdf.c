/* The PDF report; see pdf.h.  (Being written: reports an error for now.) */
#include "pdf.h"

#include "diag.h"

int
pdf_render(const char *path, const struct model *model, const struct brand *brand,
	   struct diag *diag)
{
	(void)model;
	(void)brand;
	diag_error(diag, path, 0, "the PDF renderer is not built yet");
	return -1;
}
