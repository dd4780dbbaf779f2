/* Building the report document; see report.h.  This file holds the
 * resources, the driver that lays the sections out in the section list's
 * order, the shared helpers and the cover; report_*.c hold the sections. */
#include "report.h"

#include "answers.h"
#include "brand.h"
#include "catalogue.h"
#include "diag.h"
#include "document.h"
#include "framework.h"
#include "markdown.h"
#include "model.h"
#include "report_parts.h"
#include "xalloc.h"
#include "xmlinput.h"
#include "xmlout.h"

#include <glib.h>
#include <string.h>

enum { REPORT_SECTIONS_MAX_BYTES = 64 * 1024 };

/* The section list's names, by enum report_section. */
static const char *const report_section_names[REPORT_SECTION_COUNT] = {
	[REPORT_COVER] = "cover",	  [REPORT_CONTENTS] = "contents",
	[REPORT_SUMMARY] = "summary",	  [REPORT_STRENGTHS] = "strengths",
	[REPORT_PROFILE] = "profile",	  [REPORT_HISTORY] = "history",
	[REPORT_DOMAINS] = "domains",
	[REPORT_STAGE] = "stage",	  [REPORT_PATH] = "path",
	[REPORT_ROADMAP] = "roadmap",	  [REPORT_PLAYBOOKS] = "playbooks",
	[REPORT_APPENDIX] = "appendix",
};

/* One entry of the section list. */
struct report_entry {
	enum report_section section;
	int new_page; /* starts a page in print */
};

struct report_resources {
	struct catalogue *catalogue;
	struct report_entry entries[REPORT_SECTION_COUNT];
	size_t entry_count;
	const struct framework *framework;
	xmlDocPtr markdown;      /* the framework's Markdown, parsed once */
	GHashTable *fragments;   /* Markdown text (by address) -> its element in markdown */
};

/* Resources ---------------------------------------------------------------- */

/* Reads the section list.  Returns 0, or -1 after reporting. */
static int
report_read_sections(struct report_resources *resources, const char *path,
		     const char *schema_path, struct diag *diag)
{
	xmlRelaxNGPtr schema = xmlinput_schema_load(schema_path, diag);
	xmlDocPtr document =
		schema != NULL ? xmlinput_read(path, REPORT_SECTIONS_MAX_BYTES, schema, diag) : NULL;
	int failed = document == NULL;

	for (xmlNodePtr node = document ? xmlinput_element(xmlDocGetRootElement(document)->children)
					: NULL;
	     node != NULL; node = xmlinput_element(node->next)) {
		const char *id = xmlout_get(node, "id");
		const char *page = xmlout_get(node, "page");
		int section = -1;

		for (int index = 0; index < REPORT_SECTION_COUNT; index++)
			if (id != NULL && strcmp(id, report_section_names[index]) == 0)
				section = index;
		for (size_t index = 0; section >= 0 && index < resources->entry_count; index++)
			if (resources->entries[index].section == (enum report_section)section) {
				diag_error(diag, path, xmlGetLineNo(node),
					   "section \"%s\" is listed twice", id);
				failed = 1;
				section = -1;
			}
		if (section < 0)
			continue;
		if (section == REPORT_COVER && resources->entry_count > 0) {
			diag_error(diag, path, xmlGetLineNo(node),
				   "the cover must be the first section");
			failed = 1;
			continue;
		}
		resources->entries[resources->entry_count++] = (struct report_entry){
			(enum report_section)section, page != NULL && strcmp(page, "new") == 0
		};
	}
	if (document != NULL && resources->entry_count == 0) {
		diag_error(diag, path, 0, "the section list names no section");
		failed = 1;
	}
	xmlFreeDoc(document);
	if (schema != NULL)
		xmlRelaxNGFree(schema);
	return failed ? -1 : 0;
}

/* Parses one Markdown text of the framework into the resources. */
static void
report_parse_markdown(struct report_resources *resources, const char *markdown)
{
	xmlNodePtr fragment;

	if (markdown == NULL || g_hash_table_contains(resources->fragments, markdown))
		return;
	fragment = xmlout_element(xmlDocGetRootElement(resources->markdown), "fragment");
	markdown_append_document(fragment, markdown);
	g_hash_table_insert(resources->fragments, (gpointer)markdown, fragment);
}

struct report_resources *
report_resources_load(const char *data_folder, const char *messages_path,
		      const char *sections_path, const struct framework *framework,
		      struct diag *diag)
{
	struct report_resources *resources = xcalloc(1, sizeof *resources);
	char *catalogue_path = xasprintf("%s/templates/messages.xml", data_folder);
	char *default_sections = xasprintf("%s/templates/sections.xml", data_folder);
	char *catalogue_schema = xasprintf("%s/content/schema/catalogue.rng", data_folder);
	char *sections_schema = xasprintf("%s/content/schema/sections.rng", data_folder);
	int failed = 0;

	resources->framework = framework;
	resources->catalogue = catalogue_load(catalogue_path, messages_path, catalogue_schema,
					      report_messages, report_message_count, diag);
	failed |= resources->catalogue == NULL;
	failed |= report_read_sections(resources,
				       sections_path != NULL ? sections_path : default_sections,
				       sections_schema, diag) != 0;

	/* The pack's Markdown, parsed once for every report of the process. */
	resources->markdown = document_new(NULL);
	resources->fragments = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		const struct framework_stage *definition = &framework->stages[stage];

		for (size_t index = 0; index < definition->section_count; index++)
			report_parse_markdown(resources, definition->sections[index].markdown);
		for (size_t index = 0; index < definition->action_count; index++)
			report_parse_markdown(resources, definition->actions[index].markdown);
	}
	free(catalogue_path);
	free(default_sections);
	free(catalogue_schema);
	free(sections_schema);
	if (failed) {
		report_resources_free(resources);
		return NULL;
	}
	return resources;
}

void
report_resources_free(struct report_resources *resources)
{
	if (resources == NULL)
		return;
	catalogue_free(resources->catalogue);
	if (resources->fragments != NULL)
		g_hash_table_destroy(resources->fragments);
	xmlFreeDoc(resources->markdown);
	free(resources);
}

/* Helpers ------------------------------------------------------------------- */

static size_t
report_argument_count(const struct catalogue_argument *arguments)
{
	size_t count = 0;

	while (arguments[count].name != NULL)
		count++;
	return count;
}

void
report_say(const struct report_context *context, xmlNodePtr parent, const char *id,
	   const struct catalogue_argument *arguments)
{
	catalogue_append(context->catalogue, id, parent, arguments,
			 report_argument_count(arguments));
}

char *
report_string(const struct report_context *context, const char *id,
	      const struct catalogue_argument *arguments)
{
	return catalogue_text(context->catalogue, id, arguments, report_argument_count(arguments));
}

void
report_attribute(const struct report_context *context, xmlNodePtr node, const char *name,
		 const char *id, const struct catalogue_argument *arguments)
{
	char *text = report_string(context, id, arguments);

	xmlout_attribute(node, name, text);
	free(text);
}

void
report_append(const struct report_context *context, GString *text, const char *id,
	      const struct catalogue_argument *arguments)
{
	char *part = report_string(context, id, arguments);

	g_string_append(text, part);
	free(part);
}

xmlNodePtr
report_block(xmlNodePtr parent, const char *name, const char *role)
{
	xmlNodePtr node = xmlout_element(parent, name);

	xmlout_attribute(node, "role", role);
	return node;
}

xmlNodePtr
report_paragraph(const struct report_context *context, xmlNodePtr parent, const char *role,
		 const char *id, const struct catalogue_argument *arguments)
{
	xmlNodePtr paragraph = report_block(parent, "p", role);

	report_say(context, paragraph, id, arguments);
	return paragraph;
}

xmlNodePtr
report_heading(const struct report_context *context, xmlNodePtr parent, int level,
	       const char *id, const struct catalogue_argument *arguments)
{
	xmlNodePtr heading = xmlout_element(parent, "h");

	xmlout_attribute_format(heading, "level", "%d", level);
	report_say(context, heading, id, arguments);
	return heading;
}

xmlNodePtr
report_fragment(const struct report_context *context)
{
	return xmlNewDocNode(context->document, context->root->ns, (const xmlChar *)"fragment",
			     NULL);
}

void
report_score(char buffer[REPORT_NUMBER], double score)
{
	snprintf(buffer, REPORT_NUMBER, "%.2f", score);
}

void
report_score10(char buffer[REPORT_NUMBER], double display)
{
	snprintf(buffer, REPORT_NUMBER, "%.1f", display);
}

void
report_change_text(char buffer[REPORT_NUMBER], double change)
{
	if (change < 0)
		snprintf(buffer, REPORT_NUMBER, "\u2212%.2f", -change);
	else
		snprintf(buffer, REPORT_NUMBER, "+%.2f", change);
}

/* The months' names in the catalogue. */
static const char *const report_month_ids[] = {
	"date.january", "date.february", "date.march",	   "date.april",
	"date.may",	"date.june",	 "date.july",	   "date.august",
	"date.september", "date.october", "date.november", "date.december",
};

char *
report_date(const struct report_context *context, const char *iso)
{
	unsigned year, month, day;
	char day_text[8], year_text[8];
	char *month_name, *text;

	if (iso == NULL || sscanf(iso, "%4u-%2u-%2u", &year, &month, &day) != 3 || month < 1 ||
	    month > 12)
		return xstrdup(iso != NULL ? iso : "");
	snprintf(day_text, sizeof day_text, "%u", day);
	snprintf(year_text, sizeof year_text, "%u", year);
	month_name = report_string(context, report_month_ids[month - 1], REPORT_NONE);
	text = report_string(context, "date",
			     REPORT_ARGUMENTS(REPORT_TEXT("day", day_text),
					      REPORT_TEXT("month", month_name),
					      REPORT_TEXT("year", year_text)));
	free(month_name);
	return text;
}

char *
report_month(const struct report_context *context, const char *iso)
{
	unsigned year, month, day;
	char year_text[8], *month_name, *text;

	if (iso == NULL || sscanf(iso, "%4u-%2u-%2u", &year, &month, &day) != 3 || month < 1 ||
	    month > 12)
		return xstrdup(iso != NULL ? iso : "");
	snprintf(year_text, sizeof year_text, "%u", year);
	month_name = report_string(context, report_month_ids[month - 1], REPORT_NONE);
	text = report_string(context, "date.month-year",
			     REPORT_ARGUMENTS(REPORT_TEXT("month", month_name),
					      REPORT_TEXT("year", year_text)));
	free(month_name);
	return text;
}

xmlNodePtr
report_chip(const struct report_context *context, xmlNodePtr parent, size_t stage)
{
	xmlNodePtr chip =
		xmlout_text_element(parent, "chip", context->framework->stages[stage].label);

	xmlout_attribute_format(chip, "stage", "%zu", stage);
	return chip;
}

xmlNodePtr
report_change(const struct report_context *context, xmlNodePtr parent, double change)
{
	xmlNodePtr node = xmlout_element(parent, "change");
	char text[REPORT_NUMBER];

	if (change == 0) {
		xmlout_attribute(node, "direction", "none");
		report_say(context, node, "change.none", REPORT_NONE);
		return node;
	}
	report_change_text(text, change);
	xmlout_attribute(node, "direction", change > 0 ? "up" : "down");
	xmlout_text(node, text);
	return node;
}

void
report_markdown(const struct report_context *context, xmlNodePtr parent, const char *markdown)
{
	xmlNodePtr fragment = g_hash_table_lookup(context->resources->fragments, markdown);

	if (fragment == NULL)
		markdown_append_document(parent, markdown);
	else if (fragment->children != NULL)
		xmlAddChildList(parent, xmlDocCopyNodeList(context->document, fragment->children));
}

xmlNodePtr
report_list(xmlNodePtr parent, const char *role)
{
	xmlNodePtr list = report_block(parent, "list", role);

	xmlout_attribute(list, "style", "bullet");
	return list;
}

xmlNodePtr
report_item(xmlNodePtr list)
{
	return report_block(xmlout_element(list, "item"), "p", NULL);
}

void
report_thresholds(const struct report_context *context, xmlNodePtr chart)
{
	const struct framework *framework = context->framework;

	for (size_t stage = 1; stage < framework->stage_count; stage++) {
		xmlNodePtr threshold = xmlout_element(chart, "threshold");
		char minimum[REPORT_NUMBER];

		report_score(minimum, framework->stages[stage].minimum);
		xmlout_attribute_format(threshold, "stage", "%zu", stage);
		xmlout_attribute(threshold, "value", minimum);
		report_attribute(context, threshold, "label", "chart.threshold",
				 REPORT_ARGUMENTS(REPORT_TEXT("stage", framework->stages[stage].label),
						  REPORT_TEXT("minimum", minimum)));
	}
}

const char *
report_stage_label(const struct report_context *context)
{
	return context->framework->stages[context->model->stage].label;
}

const char *
report_next_label(const struct report_context *context)
{
	const struct model *model = context->model;

	return context->framework->stages[model->has_next_stage ? model->next_stage : model->stage]
		.label;
}

const char *
report_title_id(const struct report_context *context, enum report_section section)
{
	static const char *const titles[REPORT_SECTION_COUNT] = {
		[REPORT_CONTENTS] = "contents.title",	[REPORT_SUMMARY] = "summary.title",
		[REPORT_STRENGTHS] = "strengths.title", [REPORT_PROFILE] = "profile.title",
		[REPORT_HISTORY] = "history.title",
		[REPORT_DOMAINS] = "domains.title",	[REPORT_STAGE] = "stage.title",
		[REPORT_PATH] = "path.title",		[REPORT_ROADMAP] = "roadmap.title",
		[REPORT_PLAYBOOKS] = "playbooks.title", [REPORT_APPENDIX] = "appendix.title",
	};

	if (section == REPORT_PATH && !context->model->has_next_stage)
		return "path.title-top";
	return titles[section];
}

void
report_join(const struct report_context *context, xmlNodePtr parent, const char *const *names,
	    size_t count, int strong)
{
	for (size_t index = 0; index < count; index++) {
		if (index > 0)
			report_say(context, parent, index + 1 == count ? "list.last" : "list.next",
				   REPORT_NONE);
		if (strong)
			xmlout_text_element(parent, "strong", names[index]);
		else
			xmlout_text(parent, names[index]);
	}
}

/* The cover ------------------------------------------------------------------ */

/* The profile the answer set gives: one fact per parameter, in the pack's
 * words and order. */
static void
report_cover_profile(struct report_context *context, xmlNodePtr facts)
{
	const struct model *model = context->model;

	for (size_t index = 0; index < model->profile_count; index++) {
		const struct framework_parameter *parameter =
			&context->framework->parameters[model->profile[index].parameter];

		xmlout_attribute(xmlout_text_element(facts, "fact",
						     parameter->choices[model->profile[index].choice].label),
				 "label", parameter->label);
	}
}

/* The cover's three key figures: stage, score and respondents. */
static void
report_cover_tiles(struct report_context *context, xmlNodePtr cover)
{
	const struct model *model = context->model;
	const struct framework_stage *stage = &context->framework->stages[model->stage];
	xmlNodePtr tiles = xmlout_element(cover, "tiles"), tile, node;
	char score10[REPORT_NUMBER], overall[REPORT_NUMBER], number[REPORT_NUMBER],
		count[REPORT_NUMBER], domains[REPORT_NUMBER];

	report_score10(score10, model->display);
	report_score(overall, model->overall);
	tile = xmlout_element(tiles, "tile");
	report_say(context, report_block(tile, "label", NULL), "figure.stage", REPORT_NONE);
	report_chip(context, xmlout_element(tile, "value"), model->stage);
	snprintf(number, sizeof number, "%zu", model->stage + 1);
	snprintf(count, sizeof count, "%zu", context->framework->stage_count);
	report_say(context, xmlout_element(tile, "note"), "cover.stage-note",
		   REPORT_ARGUMENTS(REPORT_TEXT("number", number), REPORT_TEXT("count", count),
				    REPORT_TEXT("tagline", stage->tagline)));

	tile = xmlout_element(tiles, "tile");
	report_say(context, xmlout_element(tile, "label"), "figure.overall", REPORT_NONE);
	xmlout_text_element(tile, "value", score10);
	report_say(context, xmlout_element(tile, "unit"), "unit.ten", REPORT_NONE);
	report_say(context, xmlout_element(tile, "note"), "figure.out-of-four",
		   REPORT_ARGUMENTS(REPORT_TEXT("overall", overall)));

	tile = xmlout_element(tiles, "tile");
	report_say(context, xmlout_element(tile, "label"), "figure.respondents", REPORT_NONE);
	snprintf(number, sizeof number, "%zu", context->answers->respondent_count);
	xmlout_text_element(tile, "value", number);
	snprintf(number, sizeof number, "%zu", model->assessed_count);
	snprintf(domains, sizeof domains, "%zu", model->domain_count);
	node = xmlout_element(tile, "note");
	report_say(context, node, "cover.respondents-note",
		   REPORT_ARGUMENTS(REPORT_TEXT("assessed", number),
				    REPORT_COUNT("domains", domains, model->domain_count)));
}

/* The stages along the 1-4 scale with the team's overall score. */
static void
report_cover_gauge(struct report_context *context, xmlNodePtr cover)
{
	const struct framework *framework = context->framework;
	const struct model *model = context->model;
	xmlNodePtr gauge = xmlout_element(cover, "gauge");
	char overall[REPORT_NUMBER], minimum[REPORT_NUMBER];
	GString *description = g_string_new(NULL);

	report_score(overall, model->overall);
	xmlout_attribute(gauge, "value", overall);
	xmlout_attribute_format(gauge, "fraction", "%.4f", model->overall_fraction);
	report_append(context, description, "gauge.description",
		      REPORT_ARGUMENTS(REPORT_TEXT("overall", overall),
				       REPORT_TEXT("stage", framework->stages[model->stage].label)));
	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		xmlNodePtr stop = xmlout_element(gauge, "stop");

		report_score(minimum, framework->stages[stage].minimum);
		xmlout_attribute_format(stop, "stage", "%zu", stage);
		xmlout_attribute_format(stop, "fraction", "%.4f",
					(framework->stages[stage].minimum - 1) / 3);
		xmlout_attribute(stop, "label", framework->stages[stage].label);
		xmlout_attribute(stop, "min", minimum);
		if (stage == model->stage)
			xmlout_attribute(stop, "current", "true");
		report_append(context, description, "gauge.stop",
			      REPORT_ARGUMENTS(REPORT_TEXT("stage", framework->stages[stage].label),
					       REPORT_TEXT("minimum", minimum)));
	}
	xmlout_attribute(gauge, "description", description->str);
	g_string_free(description, TRUE);
}

void
report_cover(struct report_context *context)
{
	const struct answers *answers = context->answers;
	const struct brand *brand = context->brand;
	xmlNodePtr cover = xmlout_element(context->root, "cover"), facts, fact;
	char *date = report_date(context, answers->date);

	xmlout_text_element(cover, "organization", brand->organization);
	xmlout_text_element(cover, "kicker", brand->report_title);
	xmlout_text_element(cover, "title", answers->name);
	xmlout_text_element(cover, "subtitle", answers->organization);
	facts = xmlout_element(cover, "facts");
	fact = xmlout_text_element(facts, "fact", date);
	report_attribute(context, fact, "label", "cover.assessed", REPORT_NONE);
	report_cover_profile(context, facts);
	report_cover_tiles(context, cover);
	report_cover_gauge(context, cover);
	xmlout_text_element(cover, "note", brand->confidentiality);
	free(date);
}

/* The document -------------------------------------------------------------- */

/* What the renderers show around the report: the document's title, the
 * running header and footer, the stage colours. */
static void
report_furniture(struct report_context *context)
{
	const struct brand *brand = context->brand;
	const struct framework *framework = context->framework;
	xmlNodePtr furniture = xmlout_element(context->root, "furniture");
	xmlNodePtr palette = xmlout_element(context->root, "palette");

	report_attribute(context, context->root, "title", "document.title",
			 REPORT_ARGUMENTS(REPORT_TEXT("report", brand->report_title),
					  REPORT_TEXT("team", context->answers->name)));
	report_attribute(context, context->root, "subject", "document.subject",
			 REPORT_ARGUMENTS(REPORT_TEXT("model", framework->title),
					  REPORT_TEXT("team", context->answers->name),
					  REPORT_TEXT("date", context->answers->date)));
	xmlout_attribute(context->root, "author", brand->organization);
	xmlout_attribute(context->root, "date", context->model->generated);

	xmlout_text_element(furniture, "title", brand->report_title);
	xmlout_text_element(furniture, "team", context->answers->name);
	xmlout_text_element(furniture, "footer", brand->footer);
	xmlout_text_element(furniture, "confidentiality", brand->confidentiality);
	report_say(context, xmlout_element(furniture, "page-number"), "page.number", REPORT_NONE);
	report_say(context, xmlout_element(furniture, "skip"), "page.skip", REPORT_NONE);

	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		struct brand_color color = brand_stage_color(brand, stage, framework->stage_count);
		xmlNodePtr node = xmlout_element(palette, "stage");

		xmlout_attribute_format(node, "index", "%zu", stage);
		xmlout_attribute(node, "id", framework->stages[stage].id);
		xmlout_attribute(node, "color", color.hex);
		xmlout_attribute_format(node, "fraction", "%.4f", (framework->stages[stage].minimum - 1) / 3);
	}
}

/* Which sections this report has (strengths and playbooks only when there
 * are some) and their numbers. */
static void
report_number_sections(struct report_context *context)
{
	const struct report_resources *resources = context->resources;
	int number = 0;

	for (size_t index = 0; index < resources->entry_count; index++) {
		enum report_section section = resources->entries[index].section;

		if ((section == REPORT_STRENGTHS && context->model->strength_count == 0) ||
		    (section == REPORT_HISTORY && context->model->history_count < 2) ||
		    (section == REPORT_PLAYBOOKS && context->model->playbook_count == 0))
			continue;
		context->has_section[section] = 1;
		if (section != REPORT_COVER && section != REPORT_CONTENTS)
			context->section_number[section] = ++number;
	}
}

/* A numbered section's element, its eyebrow and title. */
static xmlNodePtr
report_section_begin(struct report_context *context, const struct report_entry *entry)
{
	int number = context->section_number[entry->section];
	xmlNodePtr section = xmlout_element(context->root, "section");
	char text[REPORT_NUMBER];

	xmlout_attribute(section, "id", report_section_names[entry->section]);
	if (entry->new_page)
		xmlout_attribute(section, "break", "page");
	if (number > 0) {
		snprintf(text, sizeof text, "%d", number);
		xmlout_attribute(section, "number", text);
		report_say(context, xmlout_element(section, "eyebrow"), "section.eyebrow",
			   REPORT_ARGUMENTS(REPORT_TEXT("number", text)));
	}
	report_say(context, xmlout_element(section, "title"), report_title_id(context, entry->section),
		   REPORT_ARGUMENTS(REPORT_TEXT("stage", report_stage_label(context)),
				    REPORT_TEXT("next", report_next_label(context))));
	return section;
}

/* What every part of the report reads, for model's team. */
static struct report_context
report_context_of(const struct report_resources *resources, const struct model *model,
		  const struct brand *brand)
{
	return (struct report_context){
		.resources = resources,
		.catalogue = resources->catalogue,
		.model = model,
		.framework = model->framework,
		.answers = model->answers,
		.brand = brand,
	};
}

xmlDocPtr
report_build(const struct report_resources *resources, const struct model *model,
	     const struct brand *brand)
{
	static void (*const builders[REPORT_SECTION_COUNT])(struct report_context *, xmlNodePtr) = {
		[REPORT_CONTENTS] = report_contents, [REPORT_SUMMARY] = report_summary,
		[REPORT_STRENGTHS] = report_strengths, [REPORT_PROFILE] = report_profile,
		[REPORT_HISTORY] = report_history,
		[REPORT_DOMAINS] = report_domains,   [REPORT_STAGE] = report_stage,
		[REPORT_PATH] = report_path,	     [REPORT_ROADMAP] = report_roadmap,
		[REPORT_PLAYBOOKS] = report_playbooks, [REPORT_APPENDIX] = report_appendix,
	};
	struct report_context context = report_context_of(resources, model, brand);

	context.document = document_new(catalogue_language(resources->catalogue));
	context.root = xmlDocGetRootElement(context.document);
	report_number_sections(&context);
	report_furniture(&context);
	for (size_t index = 0; index < resources->entry_count; index++) {
		const struct report_entry *entry = &resources->entries[index];

		if (!context.has_section[entry->section])
			continue;
		if (entry->section == REPORT_COVER)
			report_cover(&context);
		else
			builders[entry->section](&context, report_section_begin(&context, entry));
	}
	return context.document;
}

/* The table of contents: every numbered section, and what the assessment
 * is. */
void
report_contents(struct report_context *context, xmlNodePtr section)
{
	const struct report_resources *resources = context->resources;
	const struct framework *framework = context->framework;
	xmlNodePtr toc = xmlout_element(section, "toc"), fragment;
	char number[REPORT_NUMBER];

	for (size_t index = 0; index < resources->entry_count; index++) {
		enum report_section entry = resources->entries[index].section;
		xmlNodePtr node;

		if (context->section_number[entry] == 0)
			continue;
		node = xmlout_element(toc, "entry");
		xmlout_attribute(node, "ref", report_section_names[entry]);
		xmlout_attribute_format(node, "number", "%d", context->section_number[entry]);
		report_say(context, node, report_title_id(context, entry),
			   REPORT_ARGUMENTS(REPORT_TEXT("stage", report_stage_label(context)),
					    REPORT_TEXT("next", report_next_label(context))));
	}

	report_heading(context, section, 3, "contents.about", REPORT_NONE);
	fragment = report_fragment(context);
	xmlout_text_element(fragment, "em", framework->title);
	report_paragraph(context, section, NULL, "contents.model",
			 REPORT_ARGUMENTS(REPORT_NODES("model", fragment->children),
					  REPORT_TEXT("description", framework->description)));
	xmlFreeNode(fragment);
	snprintf(number, sizeof number, "%d", context->section_number[REPORT_APPENDIX]);
	report_paragraph(context, section, NULL,
			 context->section_number[REPORT_APPENDIX] > 0 ? "contents.scale-appendix"
								      : "contents.scale",
			 REPORT_ARGUMENTS(REPORT_TEXT("number", number)));
}

/* The reminder to re-assess ---------------------------------------------------- */

void
report_reminder(const struct report_resources *resources, const struct model *model,
		const char *due, int overdue, struct report_reminder *reminder)
{
	struct report_context context = report_context_of(resources, model, NULL);
	char score10[REPORT_NUMBER];
	char *assessed = report_date(&context, model->answers->date);
	char *when = report_date(&context, due);

	report_score10(score10, model->display);
	reminder->summary = report_string(
		&context, "reassess.summary",
		REPORT_ARGUMENTS(REPORT_TEXT("team", model->answers->name)));
	reminder->description = report_string(
		&context, overdue ? "reassess.description-overdue" : "reassess.description",
		REPORT_ARGUMENTS(REPORT_TEXT("team", model->answers->name),
				 REPORT_TEXT("date", assessed),
				 REPORT_TEXT("stage", model->framework->stages[model->stage].label),
				 REPORT_TEXT("score10", score10), REPORT_TEXT("due", when)));
	reminder->alarm = report_string(
		&context, "reassess.alarm",
		REPORT_ARGUMENTS(REPORT_TEXT("team", model->answers->name),
				 REPORT_TEXT("due", when)));
	free(assessed);
	free(when);
}
