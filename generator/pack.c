/* Loading a content pack: pack.xml and the domain files are read here,
 * the Markdown by content.c, the profile, advice, targets and stage guides
 * by their own modules; pack_load ties them together.  See pack.h. */
#include "pack.h"

#include "advice.h"
#include "content.h"
#include "diag.h"
#include "framework.h"
#include "guide.h"
#include "profile.h"
#include "targets.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <stdlib.h>
#include <string.h>

/* What the loader carries from one step to the next. */
struct pack_loader {
	struct framework *framework;
	struct diag *diag;
	xmlRelaxNGPtr domain_schema;
	const char *path;               /* the file being read, for messages */
	char *domain_folder;            /* where domain files live (may be another pack's) */
	char **domain_sections;         /* the pack's domain-sections headings */
	size_t domain_section_count;
};

static double
pack_number(const char *text)
{
	/* The schema admits only xsd:decimal, so strtod never meets a locale
	 * separator other than '.' in valid input; read it by hand anyway so
	 * that a locale with ',' cannot change the value. */
	double value = 0, scale = 1;
	int after_point = 0;

	for (const char *cursor = text; *cursor != '\0'; cursor++) {
		if (*cursor == '.') {
			after_point = 1;
		} else if (*cursor >= '0' && *cursor <= '9') {
			if (after_point)
				scale /= 10;
			value = value * 10 + (*cursor - '0');
		}
	}
	return value * scale;
}

/* Reads one next step of option into its segment's place. */
static int
pack_read_step(struct pack_loader *loader, const struct framework_question *question,
	       struct framework_option *option, xmlNodePtr node)
{
	char *segment_name = xmlinput_attribute(node, "segment");
	enum framework_segment segment = framework_segment_named(segment_name);
	struct framework_next_step *step = &option->steps[segment];
	int failed = 0;

	if (step->title != NULL) {
		diag_error(loader->diag, loader->path, xmlinput_line(node),
			   "question %s option %d: a second next step for %s", question->id,
			   option->score, segment_name ? segment_name : "all segments");
		failed = 1;
	} else {
		step->segment = segment;
		step->title = xmlinput_attribute(node, "title");
		step->text = xmlinput_text(node);
		step->marks = FRAMEWORK_NO_MARKS;
		failed = advice_marks(loader->framework, node, loader->path, &step->marks,
				      loader->diag) != 0;
	}
	free(segment_name);
	return failed ? -1 : 0;
}

/* Reads one option; returns 0 or -1 after reporting. */
static int
pack_read_option(struct pack_loader *loader, struct framework_question *question,
		 xmlNodePtr node)
{
	char *score_text = xmlinput_attribute(node, "score");
	int score = score_text ? atoi(score_text) : 0;
	struct framework_option *option;
	uint64_t tags = 0;
	int failed = 0;

	free(score_text);
	if (score < 1 || score > FRAMEWORK_OPTIONS) {
		diag_error(loader->diag, loader->path, xmlinput_line(node),
			   "question %s: option score must be 1 to 4", question->id);
		return -1;
	}
	option = &question->options[score - 1];
	if (option->score != 0) {
		diag_error(loader->diag, loader->path, xmlinput_line(node),
			   "question %s: two options score %d", question->id, score);
		return -1;
	}
	option->score = score;
	failed |= advice_tags(loader->framework, node, "tags", loader->path, &tags, loader->diag) != 0;
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		if (xmlinput_is(child, "text")) {
			option->text = xmlinput_text(child);
		} else if (xmlinput_is(child, "insight")) {
			option->insight = xmlinput_text(child);
		} else if (xmlinput_is(child, "strength")) {
			option->strength = xmlinput_text(child);
			if (score < 3) {
				diag_error(loader->diag, loader->path, xmlinput_line(child),
					   "question %s option %d: only options 3 and 4 are strengths",
					   question->id, score);
				failed = 1;
			}
		} else if (xmlinput_is(child, "next-step")) {
			failed |= pack_read_step(loader, question, option, child) != 0;
		}
	}
	if (option->steps[SEGMENT_NONE].title == NULL) {
		diag_error(loader->diag, loader->path, xmlinput_line(node),
			   "question %s option %d: no next step without a segment",
			   question->id, score);
		return -1;
	}
	/* The option's tags go to every step; a segment's step takes the
	 * general step's owner and effort unless it has its own. */
	for (int segment = 0; segment < SEGMENT_COUNT; segment++) {
		struct framework_marks *marks = &option->steps[segment].marks;

		if (option->steps[segment].title == NULL)
			continue;
		marks->tags |= tags;
		if (marks->owner < 0)
			marks->owner = option->steps[SEGMENT_NONE].marks.owner;
		if (marks->effort == EFFORT_NONE)
			marks->effort = option->steps[SEGMENT_NONE].marks.effort;
	}
	return failed ? -1 : 0;
}

/* Reads domains/<id>.xml into framework->domains[index] and its questions. */
static int
pack_read_domain(struct pack_loader *loader, size_t index)
{
	struct framework *framework = loader->framework;
	struct framework_domain *domain = &framework->domains[index];
	char *path = xasprintf("%s/%s.xml", loader->domain_folder, domain->id);
	xmlDocPtr document;
	xmlNodePtr root;
	char *id;
	int failed = 0;

	document = xmlinput_read(path, FRAMEWORK_MAX_BYTES, loader->domain_schema, loader->diag);
	if (document == NULL) {
		free(path);
		return -1;
	}
	loader->path = path;
	root = xmlDocGetRootElement(document);
	id = xmlinput_attribute(root, "id");
	if (id == NULL || strcmp(id, domain->id) != 0) {
		diag_error(loader->diag, path, xmlinput_line(root),
			   "domain id \"%s\" does not match the file name", id ? id : "");
		failed = 1;
	}
	free(id);

	domain->first_question = framework->question_count;
	for (xmlNodePtr node = xmlinput_element(root->children); node != NULL;
	     node = xmlinput_element(node->next)) {
		if (xmlinput_is(node, "label")) {
			domain->label = xmlinput_text(node);
		} else if (xmlinput_is(node, "description")) {
			domain->description = xmlinput_text(node);
		} else if (xmlinput_is(node, "question")) {
			struct framework_question *question;
			char *question_id = xmlinput_attribute(node, "id");

			if (framework_find_question(framework, question_id) >= 0) {
				diag_error(loader->diag, path, xmlinput_line(node),
					   "question %s is defined twice", question_id);
				free(question_id);
				failed = 1;
				continue;
			}
			framework->questions = xreallocarray(framework->questions,
							     framework->question_count + 1,
							     sizeof *framework->questions);
			question = &framework->questions[framework->question_count++];
			memset(question, 0, sizeof *question);
			question->id = question_id;
			question->domain = index;
			domain->question_count++;
			for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
			     child = xmlinput_element(child->next)) {
				if (xmlinput_is(child, "text"))
					question->text = xmlinput_text(child);
				else if (xmlinput_is(child, "option") &&
					 pack_read_option(loader, question, child) != 0)
					failed = 1;
			}
			for (int score = 1; score <= FRAMEWORK_OPTIONS; score++) {
				if (question->options[score - 1].score == 0) {
					diag_error(loader->diag, path, xmlinput_line(node),
						   "question %s has no option scoring %d (four options, scored 1 to 4)",
						   question->id, score);
					failed = 1;
				}
			}
		}
	}
	xmlFreeDoc(document);
	domain->page_path = xasprintf("%s/%s.md", loader->domain_folder, domain->id);
	if (!failed &&
	    content_load_page(domain->page_path, domain->label,
			      (const char *const *)loader->domain_sections, NULL,
			      loader->domain_section_count, &domain->sections,
			      &domain->section_count, loader->diag) != 0)
		failed = 1;
	loader->path = NULL;
	free(path);
	return failed ? -1 : 0;
}

static int
pack_read_domains(struct pack_loader *loader, xmlNodePtr node)
{
	struct framework *framework = loader->framework;
	char *from = xmlinput_attribute(node, "from");
	int failed = 0;

	if (from != NULL && from[0] == '/')
		loader->domain_folder = xasprintf("%s/domains", from);
	else if (from != NULL)
		loader->domain_folder = xasprintf("%s/%s/domains", framework->folder, from);
	else
		loader->domain_folder = xasprintf("%s/domains", framework->folder);
	free(from);

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		struct framework_domain *domain;
		char *weight = xmlinput_attribute(child, "weight");
		char *ref = xmlinput_attribute(child, "ref");

		for (size_t index = 0; index < framework->domain_count; index++) {
			if (strcmp(framework->domains[index].id, ref) == 0) {
				diag_error(loader->diag, loader->path, xmlinput_line(child),
					   "domain %s is listed twice", ref);
				failed = 1;
			}
		}
		framework->domains = xreallocarray(framework->domains, framework->domain_count + 1,
						   sizeof *framework->domains);
		domain = &framework->domains[framework->domain_count++];
		memset(domain, 0, sizeof *domain);
		domain->id = ref;
		domain->weight = weight ? pack_number(weight) : 1.0;
		free(weight);
	}
	return failed ? -1 : 0;
}

static void
pack_read_sections(xmlNodePtr node, char ***headings, char ***ids, size_t *count)
{
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		*headings = xreallocarray(*headings, *count + 1, sizeof **headings);
		(*headings)[*count] = xmlinput_text(child);
		if (ids != NULL) {
			*ids = xreallocarray(*ids, *count + 1, sizeof **ids);
			(*ids)[*count] = xmlinput_attribute(child, "id");
		}
		(*count)++;
	}
}

static void
pack_read_metrics(struct framework_stage *stage, xmlNodePtr node)
{
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		struct framework_metric *metric;
		char *tier = xmlinput_attribute(child, "tier");

		stage->metrics = xreallocarray(stage->metrics, stage->metric_count + 1,
					       sizeof *stage->metrics);
		metric = &stage->metrics[stage->metric_count++];
		memset(metric, 0, sizeof *metric);
		metric->tier = strcmp(tier, "must") == 0    ? METRIC_MUST
			     : strcmp(tier, "worth") == 0 ? METRIC_WORTH
							  : METRIC_NOT_YET;
		metric->id = xmlinput_attribute(child, "id");
		metric->name = xmlinput_attribute(child, "name");
		metric->definition = xmlinput_text(child);
		metric->line = xmlinput_line(child);
		free(tier);
	}
}

static int
pack_read_stages(struct pack_loader *loader, xmlNodePtr node)
{
	struct framework *framework = loader->framework;
	int failed = 0;

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		struct framework_stage *stage;
		char *minimum = xmlinput_attribute(child, "min");

		framework->stages = xreallocarray(framework->stages, framework->stage_count + 1,
						  sizeof *framework->stages);
		stage = &framework->stages[framework->stage_count++];
		memset(stage, 0, sizeof *stage);
		stage->id = xmlinput_attribute(child, "id");
		stage->minimum = pack_number(minimum);
		free(minimum);
		if (framework->stage_count == 1 && stage->minimum != 1.0) {
			diag_error(loader->diag, loader->path, xmlinput_line(child),
				   "the first stage must start at 1.0 so that every score has a stage");
			failed = 1;
		}
		if (framework->stage_count > 1 && stage->minimum <= stage[-1].minimum) {
			diag_error(loader->diag, loader->path, xmlinput_line(child),
				   "stage %s must start above stage %s (%.2f)", stage->id,
				   stage[-1].id, stage[-1].minimum);
			failed = 1;
		}
		for (size_t index = 0; index + 1 < framework->stage_count; index++) {
			if (strcmp(framework->stages[index].id, stage->id) == 0) {
				diag_error(loader->diag, loader->path, xmlinput_line(child),
					   "stage %s is listed twice", stage->id);
				failed = 1;
			}
		}
		for (xmlNodePtr part = xmlinput_element(child->children); part != NULL;
		     part = xmlinput_element(part->next)) {
			if (xmlinput_is(part, "label"))
				stage->label = xmlinput_text(part);
			else if (xmlinput_is(part, "tagline"))
				stage->tagline = xmlinput_text(part);
			else if (xmlinput_is(part, "metrics"))
				pack_read_metrics(stage, part);
		}
	}
	return failed ? -1 : 0;
}

static int
pack_read_horizon(struct pack_loader *loader, xmlNodePtr node)
{
	struct framework *framework = loader->framework;
	char *low = xmlinput_attribute(node, "transition-min-months");
	char *high = xmlinput_attribute(node, "transition-max-months");
	int failed = 0;

	framework->transition_min_months = atoi(low);
	framework->transition_max_months = atoi(high);
	free(low);
	free(high);
	if (framework->transition_min_months > framework->transition_max_months) {
		diag_error(loader->diag, loader->path, xmlinput_line(node),
			   "transition-min-months is above transition-max-months");
		failed = 1;
	}
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		struct framework_phase *phase;
		char *from = xmlinput_attribute(child, "from");
		char *to = xmlinput_attribute(child, "to");

		framework->phases = xreallocarray(framework->phases, framework->phase_count + 1,
						  sizeof *framework->phases);
		phase = &framework->phases[framework->phase_count++];
		phase->from_day = atoi(from);
		phase->to_day = atoi(to);
		phase->label = xmlinput_text(child);
		free(from);
		free(to);
		if (phase->from_day > phase->to_day ||
		    (framework->phase_count > 1 && phase->from_day <= phase[-1].to_day)) {
			diag_error(loader->diag, loader->path, xmlinput_line(child),
				   "phase days must ascend without overlap");
			failed = 1;
		}
	}
	return failed ? -1 : 0;
}

static int
pack_read_charters(struct pack_loader *loader, xmlNodePtr node)
{
	struct framework *framework = loader->framework;
	int failed = 0;

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		struct framework_charter *charter;

		framework->charters = xreallocarray(framework->charters, framework->charter_count + 1,
						    sizeof *framework->charters);
		charter = &framework->charters[framework->charter_count++];
		memset(charter, 0, sizeof *charter);
		charter->id = xmlinput_attribute(child, "id");
		for (xmlNodePtr part = xmlinput_element(child->children); part != NULL;
		     part = xmlinput_element(part->next)) {
			if (xmlinput_is(part, "label")) {
				charter->label = xmlinput_text(part);
			} else if (xmlinput_is(part, "description")) {
				charter->description = xmlinput_text(part);
			} else if (xmlinput_is(part, "question")) {
				char *ref = xmlinput_attribute(part, "ref");
				long question = framework_find_question(framework, ref);

				if (question < 0) {
					diag_error(loader->diag, loader->path, xmlinput_line(part),
						   "charter %s: unknown question %s", charter->id, ref);
					failed = 1;
				} else {
					charter->questions = xreallocarray(charter->questions,
									   charter->question_count + 1,
									   sizeof *charter->questions);
					charter->questions[charter->question_count++] = (size_t)question;
				}
				free(ref);
			}
		}
	}
	return failed ? -1 : 0;
}

/* Elements of pack.xml read once the rest is: what needs the profile, the
 * advice vocabulary or the questions. */
struct pack_later {
	xmlNodePtr advice;
	xmlNodePtr targets;
	xmlNodePtr alignment;
	xmlNodePtr regression;
	xmlNodePtr charters;
};

/* The pack index, in schema order.  Returns 0 or -1 after reporting. */
static int
pack_read_index(struct pack_loader *loader, xmlNodePtr root, xmlRelaxNGPtr pack_schema,
		struct pack_later *later)
{
	struct framework *framework = loader->framework;
	int failed = 0;

	framework->id = xmlinput_attribute(root, "id");
	framework->version = xmlinput_attribute(root, "version");
	for (xmlNodePtr node = xmlinput_element(root->children); node != NULL;
	     node = xmlinput_element(node->next)) {
		if (xmlinput_is(node, "title"))
			framework->title = xmlinput_text(node);
		else if (xmlinput_is(node, "description"))
			framework->description = xmlinput_text(node);
		else if (xmlinput_is(node, "domains"))
			failed |= pack_read_domains(loader, node) != 0;
		else if (xmlinput_is(node, "profiles"))
			failed |= profile_read(framework, node, pack_schema, loader->path,
					       loader->diag) != 0;
		else if (xmlinput_is(node, "advice"))
			later->advice = node;
		else if (xmlinput_is(node, "stage-sections"))
			pack_read_sections(node, &framework->stage_section_headings,
					   &framework->stage_section_ids,
					   &framework->stage_section_count);
		else if (xmlinput_is(node, "domain-sections"))
			pack_read_sections(node, &loader->domain_sections, NULL,
					   &loader->domain_section_count);
		else if (xmlinput_is(node, "stages"))
			failed |= pack_read_stages(loader, node) != 0;
		else if (xmlinput_is(node, "targets"))
			later->targets = node;
		else if (xmlinput_is(node, "horizon"))
			failed |= pack_read_horizon(loader, node) != 0;
		else if (xmlinput_is(node, "charters"))
			later->charters = node;
		else if (xmlinput_is(node, "alignment"))
			later->alignment = node;
		else if (xmlinput_is(node, "regression"))
			later->regression = node;
	}
	return failed ? -1 : 0;
}

/* The roadmap's own actions for disagreement and for a fall: a title, a
 * text and their marks. */
static int
pack_read_own_actions(struct pack_loader *loader, const struct pack_later *later)
{
	struct framework *framework = loader->framework;
	int failed = 0;

	framework->alignment_marks = FRAMEWORK_NO_MARKS;
	framework->regression_marks = FRAMEWORK_NO_MARKS;
	if (later->alignment != NULL) {
		framework->alignment_title = xmlinput_attribute(later->alignment, "title");
		framework->alignment_text = xmlinput_text(later->alignment);
		failed |= advice_marks(framework, later->alignment, loader->path,
				       &framework->alignment_marks, loader->diag) != 0;
	}
	if (later->regression != NULL) {
		framework->regression_title = xmlinput_attribute(later->regression, "title");
		framework->regression_text = xmlinput_text(later->regression);
		failed |= advice_marks(framework, later->regression, loader->path,
				       &framework->regression_marks, loader->diag) != 0;
	}
	return failed ? -1 : 0;
}

/* The stages' Markdown, checked against the pack's sections and domains,
 * then their guides, then what spans the stages. */
static int
pack_read_stage_files(struct pack_loader *loader, const char *schema_folder)
{
	struct framework *framework = loader->framework;
	char *schema_path = xasprintf("%s/stage.rng", schema_folder);
	xmlRelaxNGPtr schema = NULL;
	int failed = 0;

	for (size_t index = 0; !failed && index < framework->stage_count; index++) {
		struct framework_stage *stage = &framework->stages[index];

		stage->path = xasprintf("%s/stages/%s.md", framework->folder, stage->id);
		if (content_load_stage(framework, stage, loader->diag) != 0)
			failed = 1;
	}
	if (!failed)
		schema = xmlinput_schema_load(schema_path, loader->diag);
	failed |= !failed && schema == NULL;
	for (size_t index = 0; !failed && index < framework->stage_count; index++)
		failed |= guide_load(framework, index, schema, loader->diag) != 0;
	if (!failed)
		failed = guide_check(framework, loader->diag) != 0;
	if (schema != NULL)
		xmlRelaxNGFree(schema);
	free(schema_path);
	return failed ? -1 : 0;
}

struct framework *
pack_load(const char *folder, const char *schema_folder, struct diag *diag)
{
	struct framework *framework = xcalloc(1, sizeof *framework);
	struct pack_loader loader = { .framework = framework, .diag = diag };
	struct pack_later later = { NULL, NULL, NULL, NULL, NULL };
	char *pack_schema_path = xasprintf("%s/pack.rng", schema_folder);
	char *domain_schema_path = xasprintf("%s/domain.rng", schema_folder);
	char *pack_path = xasprintf("%s/pack.xml", folder);
	xmlRelaxNGPtr pack_schema = NULL;
	xmlDocPtr document = NULL;
	int failed = 0;

	framework->folder = xstrdup(folder);
	framework->alignment_marks = FRAMEWORK_NO_MARKS;
	framework->regression_marks = FRAMEWORK_NO_MARKS;
	pack_schema = xmlinput_schema_load(pack_schema_path, diag);
	loader.domain_schema = xmlinput_schema_load(domain_schema_path, diag);
	if (pack_schema == NULL || loader.domain_schema == NULL) {
		failed = 1;
		goto done;
	}
	document = xmlinput_read(pack_path, FRAMEWORK_MAX_BYTES, pack_schema, diag);
	if (document == NULL) {
		failed = 1;
		goto done;
	}
	loader.path = pack_path;
	failed |= pack_read_index(&loader, xmlDocGetRootElement(document), pack_schema,
				  &later) != 0;
	/* What the index names: the advice vocabulary (with the profile
	 * read), the roadmap's own actions and the metric targets. */
	if (!failed)
		failed = advice_read(framework, later.advice, pack_path, schema_folder, diag) != 0;
	if (failed)
		goto done;
	failed |= pack_read_own_actions(&loader, &later) != 0;
	if (later.targets != NULL)
		failed |= targets_read(framework, later.targets, pack_path, diag) != 0;
	failed |= targets_link(framework, pack_path, diag) != 0;
	if (failed)
		goto done;

	/* Every domain file, then what refers to questions. */
	for (size_t index = 0; index < framework->domain_count; index++)
		failed |= pack_read_domain(&loader, index) != 0;
	loader.path = pack_path;
	if (!failed && later.charters != NULL)
		failed |= pack_read_charters(&loader, later.charters) != 0;
	if (!failed)
		failed = pack_read_stage_files(&loader, schema_folder) != 0;

done:
	xfree_strings(loader.domain_sections, loader.domain_section_count);
	framework->domain_folder = loader.domain_folder;
	xmlFreeDoc(document);
	xmlRelaxNGFree(pack_schema);
	xmlRelaxNGFree(loader.domain_schema);
	free(pack_schema_path);
	free(domain_schema_path);
	free(pack_path);
	if (failed) {
		pack_free(framework);
		return NULL;
	}
	return framework;
}

void
pack_free(struct framework *framework)
{
	if (framework == NULL)
		return;
	for (size_t index = 0; index < framework->question_count; index++) {
		struct framework_question *question = &framework->questions[index];

		free(question->id);
		free(question->text);
		for (int option = 0; option < FRAMEWORK_OPTIONS; option++) {
			free(question->options[option].text);
			free(question->options[option].insight);
			free(question->options[option].strength);
			for (int segment = 0; segment < SEGMENT_COUNT; segment++) {
				free(question->options[option].steps[segment].title);
				free(question->options[option].steps[segment].text);
			}
		}
	}
	free(framework->questions);
	for (size_t index = 0; index < framework->domain_count; index++) {
		struct framework_domain *domain = &framework->domains[index];

		free(domain->id);
		free(domain->label);
		free(domain->description);
		free(domain->page_path);
		content_free_sections(domain->sections, domain->section_count);
	}
	free(framework->domains);
	for (size_t index = 0; index < framework->stage_count; index++) {
		struct framework_stage *stage = &framework->stages[index];

		free(stage->id);
		free(stage->label);
		free(stage->tagline);
		free(stage->path);
		for (size_t metric = 0; metric < stage->metric_count; metric++) {
			free(stage->metrics[metric].id);
			free(stage->metrics[metric].name);
			free(stage->metrics[metric].definition);
		}
		free(stage->metrics);
		content_free_stage(stage);
		guide_free(stage);
	}
	free(framework->stages);
	profile_free(framework);
	advice_free(framework);
	targets_free(framework);
	for (size_t index = 0; index < framework->phase_count; index++)
		free(framework->phases[index].label);
	free(framework->phases);
	for (size_t index = 0; index < framework->charter_count; index++) {
		free(framework->charters[index].id);
		free(framework->charters[index].label);
		free(framework->charters[index].description);
		free(framework->charters[index].questions);
	}
	free(framework->charters);
	xfree_strings(framework->stage_section_headings, framework->stage_section_count);
	xfree_strings(framework->stage_section_ids, framework->stage_section_count);
	free(framework->domain_folder);
	free(framework->alignment_title);
	free(framework->alignment_text);
	free(framework->regression_title);
	free(framework->regression_text);
	free(framework->folder);
	free(framework->id);
	free(framework->version);
	free(framework->title);
	free(framework->description);
	free(framework);
}
