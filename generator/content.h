/* Loading a pack's Markdown: stage files and domain pages, checked against
 * the headings the pack declares, with the priority actions read out. */
#ifndef MATURITY_CONTENT_H
#define MATURITY_CONTENT_H

#include <stddef.h>

struct diag;
struct framework;
struct framework_section;
struct framework_stage;

/* Reads the Markdown page at path: a level-1 heading equal to title, then
 * the level-2 headings given, in order.  ids (may be NULL) names each
 * section.  On success stores a new array of sections and returns 0;
 * otherwise reports every problem and returns -1. */
int content_load_page(const char *path, const char *title, const char *const *headings,
		      const char *const *ids, size_t heading_count,
		      struct framework_section **sections, size_t *section_count,
		      struct diag *diag);

/* The same from memory: path names the page in messages. */
int content_parse_page(const char *path, const char *source, size_t length, const char *title,
		       const char *const *headings, const char *const *ids, size_t heading_count,
		       struct framework_section **sections, size_t *section_count,
		       struct diag *diag);

/* Parses source as the Markdown of stage (its path names it in messages),
 * replacing the stage's sections and actions.  Returns 0 or -1. */
int content_parse_stage(const struct framework *framework, struct framework_stage *stage,
			const char *source, size_t length, struct diag *diag);

/* Frees count sections (and the array) content_load_page made. */
void content_free_sections(struct framework_section *sections, size_t count);

/* Frees what content_parse_stage stored in stage: its sections and actions. */
void content_free_stage(struct framework_stage *stage);

/* Reads stage->path with the pack's stage sections and parses the actions
 * section's ordered list, whose items name a domain of framework.  Returns
 * 0, or -1 after reporting. */
int content_load_stage(const struct framework *framework, struct framework_stage *stage,
		       struct diag *diag);

#endif
