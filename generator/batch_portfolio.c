/* index and sample: the portfolio page over output folders, and
 * synthetic answer sets.  Neither reads answer sets, so each loads only
 * what it needs. */
#include "batch_parts.h"
#include "brand.h"
#include "calendar.h"
#include "diag.h"
#include "fonts.h"
#include "options.h"
#include "pack.h"
#include "portfolio.h"
#include "sample.h"
#include "xalloc.h"

#include <stdlib.h>

enum batch_result
batch_index(const struct options *options, struct diag *diag)
{
	char *schema_folder = xasprintf("%s/content/schema", options->data_folder);
	char *templates = xasprintf("%s/templates", options->data_folder);
	char *fonts = xasprintf("%s/fonts", options->data_folder);
	struct framework *framework = pack_load(options->content_folder, schema_folder, diag);
	struct brand *brand = NULL;
	struct portfolio_page *page = NULL;
	enum batch_result result = BATCH_CONFIGURATION;
	char generated[CALENDAR_DAY_SIZE];

	if (framework != NULL)
		brand = brand_load(options->brand_path, schema_folder, options->allow_brand_path, diag);
	if (brand != NULL &&
	    fonts_configure(fonts, (const char *const[]){ brand->body_font }, 1, diag) == 0 &&
	    fonts_check_family(brand->body_font, options->brand_path, diag) == 0)
		page = portfolio_page_load(templates, diag);
	if (page != NULL) {
		const char *index_folder = options->out_given ? options->out_folder : options->inputs[0];

		calendar_today(generated);
		result = portfolio_build(options->inputs, options->input_count, index_folder, framework,
					 brand, page, generated, diag) == 0
				 ? BATCH_OK
				 : BATCH_FAILED;
		if (result == BATCH_OK && !options->quiet)
			diag_status(diag, "wrote %s/index.html, summary.csv and summary.json",
				    index_folder);
	}
	portfolio_page_free(page);
	brand_free(brand);
	pack_free(framework);
	free(schema_folder);
	free(templates);
	free(fonts);
	return result;
}

enum batch_result
batch_sample(const struct options *options, struct diag *diag)
{
	char *schema_folder = xasprintf("%s/content/schema", options->data_folder);
	struct framework *framework = pack_load(options->content_folder, schema_folder, diag);
	enum batch_result result = BATCH_CONFIGURATION;
	char today[CALENDAR_DAY_SIZE];

	if (framework != NULL) {
		calendar_today(today);
		result = sample_write(options->out_folder, (size_t)options->sample_teams, options->seed,
				      today, framework, diag) == 0
				 ? BATCH_OK
				 : BATCH_FAILED;
		if (result == BATCH_OK && !options->quiet)
			diag_status(diag, "wrote %ld teams into %s", options->sample_teams,
				    options->out_folder);
	}
	pack_free(framework);
	free(schema_folder);
	return result;
}
