/* Stage guides: the structured part of a stage beside its Markdown
 * (stages/<stage>.xml): its journey sentence, its typical team by segment,
 * the marks of its priority actions, its playbooks and the transition to
 * the next stage.  The data is in framework.h. */
#ifndef MATURITY_GUIDE_H
#define MATURITY_GUIDE_H

#include <libxml/relaxng.h>
#include <stddef.h>

struct diag;
struct framework;
struct framework_stage;

enum { GUIDE_MAX_BYTES = 1024 * 1024 }; /* the largest stage guide read */

/* Reads the guide of framework->stages[stage] when its file exists; its
 * Markdown (and so its priority actions), the advice vocabulary and the
 * metrics must be read.  schema is stage.rng.  Returns 0, or -1 after
 * reporting every problem as FILE:LINE: an unknown name, domain, metric or
 * action title, a playbook id used twice, a transition from the last
 * stage. */
int guide_load(struct framework *framework, size_t stage, xmlRelaxNGPtr schema,
	       struct diag *diag);

/* The checks across the pack's guides: when any stage has playbooks,
 * every stage after the first has one for each domain; when any has a
 * transition or a journey sentence, every stage that can has one.
 * Returns 0, or -1 after reporting. */
int guide_check(const struct framework *framework, struct diag *diag);

/* Frees what guide_load stored in stage. */
void guide_free(struct framework_stage *stage);

#endif
