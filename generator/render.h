/* Rendering one team: every requested output of one report model, each
 * written atomically under OUT/<team>/. */
#ifndef MATURITY_RENDER_H
#define MATURITY_RENDER_H

struct diag;
struct framework;
struct model;
struct options;
struct outfile_folder;
struct render_resources;

/* Loads what every report shares (brand, templates, the catalogue and
 * section list, fonts, the framework's Markdown parsed) once, before the
 * first team.  Returns NULL after reporting a problem. */
struct render_resources *render_resources_load(const struct options *options,
					       const struct framework *framework,
					       struct diag *diag);

void render_resources_free(struct render_resources *resources);

struct brand;
struct portfolio_page;

/* Frees what render_team built in this process (the PDF cache), as a
 * worker ends; resources stay usable. */
void render_resources_release(struct render_resources *resources);

/* The brand every report uses. */
const struct brand *render_resources_brand(const struct render_resources *resources);

/* What the portfolio page is made of, or NULL when it is not written
 * (-f without html or index). */
const struct portfolio_page *render_resources_index(const struct render_resources *resources);

/* Writes the outputs options asks for of model into folder, its team's
 * folder, open.  Returns 0, or -1 after reporting (files already written
 * stay whole; none is ever partial).  Call in a worker: it builds
 * per-process caches in resources on first use. */
int render_team(struct render_resources *resources, const struct options *options,
		const struct outfile_folder *folder, const struct model *model, struct diag *diag);

#endif
