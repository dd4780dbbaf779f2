/* Reading answer-set XML into struct answers.  See answers.h. */
#include "answers.h"

#include "diag.h"
#include "xalloc.h"
#include "xmlinput.h"
#include "xmlout.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

static const char answers_namespace[] = "urn:maturity:answers:1";

/* How many element children of node are called name: arrays are sized
 * once, so a large answer set costs linear time. */
static size_t
answers_count_children(xmlNodePtr node, const char *name)
{
	size_t count = 0;

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next))
		count += xmlinput_is(child, name);
	return count;
}

static void
answers_read_respondent(struct answers_respondent *respondent, xmlNodePtr node)
{
	respondent->id = xmlinput_attribute(node, "id");
	respondent->role = xmlinput_attribute(node, "role");
	respondent->line = xmlGetLineNo(node);
	respondent->answers = xcalloc(answers_count_children(node, "answer") + 1,
				      sizeof *respondent->answers);
	respondent->comments = xcalloc(answers_count_children(node, "comment") + 1,
				       sizeof *respondent->comments);
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		if (xmlinput_is(child, "answer")) {
			struct answers_answer *answer = &respondent->answers[respondent->answer_count++];

			answer->question_id = xmlinput_attribute(child, "question");
			answer->score_text = xmlinput_attribute(child, "score");
			answer->line = xmlGetLineNo(child);
		} else if (xmlinput_is(child, "comment")) {
			struct answers_comment *comment = &respondent->comments[respondent->comment_count++];

			comment->question_id = xmlinput_attribute(child, "question");
			comment->text = xmlinput_text(child);
			comment->line = xmlGetLineNo(child);
			if (comment->text == NULL)
				comment->text = xstrdup("");
		}
	}
}

/* The attributes every answer set needs, checked before the schema so that
 * the message names what is missing rather than "failed to validate". */
static int
answers_require(const char *path, xmlNodePtr node, const char *attribute, struct diag *diag)
{
	if (xmlHasProp(node, (const xmlChar *)attribute) != NULL)
		return 0;
	diag_error(diag, path, xmlGetLineNo(node), "<%s> has no %s attribute", node->name,
		   attribute);
	return -1;
}

static int
answers_check_required(const char *path, xmlNodePtr root, struct diag *diag)
{
	int failed = 0, respondents = 0;

	failed |= answers_require(path, root, "team", diag) != 0;
	failed |= answers_require(path, root, "date", diag) != 0;
	for (xmlNodePtr node = xmlinput_element(root->children); node != NULL;
	     node = xmlinput_element(node->next)) {
		if (!xmlinput_is(node, "respondent"))
			continue;
		respondents++;
		failed |= answers_require(path, node, "id", diag) != 0;
		for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
		     child = xmlinput_element(child->next)) {
			if (xmlinput_is(child, "answer")) {
				failed |= answers_require(path, child, "question", diag) != 0;
				failed |= answers_require(path, child, "score", diag) != 0;
			} else if (xmlinput_is(child, "comment")) {
				failed |= answers_require(path, child, "question", diag) != 0;
			}
		}
	}
	if (respondents == 0) {
		diag_error(diag, path, xmlGetLineNo(root), "no <respondent> in the answer set");
		failed = 1;
	}
	return failed ? -1 : 0;
}

struct answers *
answers_load(const char *path, enum infile_links links, size_t max_bytes, xmlRelaxNGPtr schema,
	     struct diag *diag)
{
	size_t length;
	char *data = infile_read(path, links, max_bytes, &length, diag);
	struct answers *answers;

	if (data == NULL)
		return NULL;
	answers = answers_parse(path, data, length, schema, diag);
	free(data);
	return answers;
}

static struct answers *answers_build(const char *path, xmlNodePtr root);

struct answers *
answers_parse(const char *path, const char *data, size_t length, xmlRelaxNGPtr schema,
	      struct diag *diag)
{
	xmlDocPtr document = xmlinput_parse(path, data, length, NULL, diag);
	struct answers *answers;
	xmlNodePtr root;

	if (document == NULL)
		return NULL;
	/* A wrong namespace would otherwise surface as a puzzling schema error. */
	root = xmlDocGetRootElement(document);
	if (root->ns == NULL || strcmp((const char *)root->ns->href, answers_namespace) != 0 ||
	    strcmp((const char *)root->name, "assessment") != 0) {
		diag_error(diag, path, xmlGetLineNo(root),
			   "not an answer set: the root element must be <assessment xmlns=\"%s\">",
			   answers_namespace);
		xmlFreeDoc(document);
		return NULL;
	}
	if (answers_check_required(path, root, diag) != 0) {
		xmlFreeDoc(document);
		return NULL;
	}
	/* The limits first: the schema would only say "failed to validate". */
	answers = answers_build(path, root);
	if (answers_check_limits(answers, diag) != 0 ||
	    (schema != NULL && xmlinput_validate(path, document, schema, diag) != 0)) {
		answers_free(answers);
		answers = NULL;
	}
	xmlFreeDoc(document);
	return answers;
}

/* The <target> elements of a <targets>, read as they are. */
static void
answers_read_targets(struct answers *answers, xmlNodePtr node)
{
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		struct answers_target *target;

		answers->targets = xreallocarray(answers->targets, answers->target_count + 1,
						 sizeof *answers->targets);
		target = &answers->targets[answers->target_count++];
		*target = (struct answers_target){ xmlinput_attribute(child, "domain"),
						   xmlinput_attribute(child, "score"),
						   xmlGetLineNo(child), -1, 0 };
	}
}

/* The answer set in root, read as it is; the checks come after. */
static struct answers *
answers_build(const char *path, xmlNodePtr root)
{
	struct answers *answers = xcalloc(1, sizeof *answers);

	answers->path = xstrdup(path);
	answers->team = xmlinput_attribute(root, "team");
	answers->date = xmlinput_attribute(root, "date");
	answers->unit = xmlinput_attribute(root, "unit");
	answers->line = xmlGetLineNo(root);
	answers->unit_line = answers->line;
	answers->respondents = xcalloc(answers_count_children(root, "respondent") + 1,
				       sizeof *answers->respondents);
	for (xmlNodePtr node = xmlinput_element(root->children); node != NULL;
	     node = xmlinput_element(node->next)) {
		if (xmlinput_is(node, "name")) {
			free(answers->name);
			answers->name = xmlinput_text(node);
			answers->name_line = xmlGetLineNo(node);
		} else if (xmlinput_is(node, "organization")) {
			free(answers->organization);
			answers->organization = xmlinput_text(node);
			answers->organization_line = xmlGetLineNo(node);
		} else if (xmlinput_is(node, "profile")) {
			for (xmlAttrPtr attribute = node->properties; attribute != NULL;
			     attribute = attribute->next) {
				xmlChar *value = xmlNodeGetContent((xmlNodePtr)attribute);

				answers_add_profile(answers, (const char *)attribute->name,
						    value != NULL ? (const char *)value : "",
						    xmlGetLineNo(node));
				xmlFree(value);
			}
		} else if (xmlinput_is(node, "respondent")) {
			answers_read_respondent(&answers->respondents[answers->respondent_count++],
						node);
		} else if (xmlinput_is(node, "targets")) {
			answers_read_targets(answers, node);
		}
	}
	if (answers->name == NULL)
		answers->name = xstrdup(answers->team);
	return answers;
}

void
answers_free(struct answers *answers)
{
	if (answers == NULL)
		return;
	for (size_t index = 0; index < answers->respondent_count; index++) {
		struct answers_respondent *respondent = &answers->respondents[index];

		for (size_t answer = 0; answer < respondent->answer_count; answer++) {
			free(respondent->answers[answer].question_id);
			free(respondent->answers[answer].score_text);
		}
		for (size_t comment = 0; comment < respondent->comment_count; comment++) {
			free(respondent->comments[comment].question_id);
			free(respondent->comments[comment].text);
		}
		free(respondent->answers);
		free(respondent->comments);
		free(respondent->id);
		free(respondent->role);
	}
	free(answers->respondents);
	free(answers->path);
	free(answers->team);
	free(answers->date);
	free(answers->name);
	free(answers->organization);
	free(answers->unit);
	for (size_t index = 0; index < answers->profile_count; index++) {
		free(answers->profile[index].parameter_id);
		free(answers->profile[index].choice_id);
	}
	free(answers->profile);
	for (size_t index = 0; index < answers->target_count; index++) {
		free(answers->targets[index].domain_id);
		free(answers->targets[index].score_text);
	}
	free(answers->targets);
	free(answers);
}

struct answers_respondent *
answers_add_respondent(struct answers *answers, const char *id, const char *role)
{
	struct answers_respondent *respondent;

	answers->respondents = xreallocarray(answers->respondents, answers->respondent_count + 1,
					     sizeof *answers->respondents);
	respondent = &answers->respondents[answers->respondent_count++];
	memset(respondent, 0, sizeof *respondent);
	respondent->id = xstrdup(id);
	respondent->role = role != NULL && role[0] != '\0' ? xstrdup(role) : NULL;
	return respondent;
}

void
answers_add_answer(struct answers_respondent *respondent, const char *question_id,
		   const char *score_text, long line)
{
	struct answers_answer *answer;

	respondent->answers = xreallocarray(respondent->answers, respondent->answer_count + 1,
					    sizeof *respondent->answers);
	answer = &respondent->answers[respondent->answer_count++];
	memset(answer, 0, sizeof *answer);
	answer->question_id = xstrdup(question_id);
	answer->score_text = xstrdup(score_text);
	answer->line = line;
}

void
answers_add_profile(struct answers *answers, const char *parameter_id, const char *choice_id,
		    long line)
{
	struct answers_profile *value;

	answers->profile = xreallocarray(answers->profile, answers->profile_count + 1,
					 sizeof *answers->profile);
	value = &answers->profile[answers->profile_count++];
	memset(value, 0, sizeof *value);
	value->parameter_id = xstrdup(parameter_id);
	value->choice_id = xstrdup(choice_id);
	value->line = line;
}

char *
answers_to_xml(const struct answers *answers, size_t *length)
{
	xmlDocPtr document = xmlout_document(answers_namespace, "assessment");
	xmlNodePtr root = xmlDocGetRootElement(document);
	xmlChar *data;
	char *text;

	xmlout_attribute(root, "team", answers->team);
	xmlout_attribute(root, "date", answers->date);
	xmlout_attribute(root, "unit", answers->unit);
	if (answers->name != NULL && (answers->team == NULL || strcmp(answers->name, answers->team) != 0))
		xmlout_text_element(root, "name", answers->name);
	xmlout_text_element(root, "organization", answers->organization);
	if (answers->profile_count > 0) {
		xmlNodePtr profile = xmlout_element(root, "profile");

		for (size_t index = 0; index < answers->profile_count; index++)
			xmlout_attribute(profile, answers->profile[index].parameter_id,
					 answers->profile[index].choice_id);
	}
	if (answers->target_count > 0) {
		xmlNodePtr targets = xmlout_element(root, "targets");

		for (size_t index = 0; index < answers->target_count; index++) {
			xmlNodePtr target = xmlout_element(targets, "target");

			xmlout_attribute(target, "domain", answers->targets[index].domain_id);
			xmlout_attribute(target, "score", answers->targets[index].score_text);
		}
	}
	for (size_t index = 0; index < answers->respondent_count; index++) {
		const struct answers_respondent *respondent = &answers->respondents[index];
		xmlNodePtr node = xmlout_element(root, "respondent");

		xmlout_attribute(node, "id", respondent->id);
		xmlout_attribute(node, "role", respondent->role);
		for (size_t number = 0; number < respondent->answer_count; number++) {
			xmlNodePtr answer = xmlout_element(node, "answer");

			xmlout_attribute(answer, "question", respondent->answers[number].question_id);
			xmlout_attribute(answer, "score", respondent->answers[number].score_text);
		}
		for (size_t number = 0; number < respondent->comment_count; number++) {
			const struct answers_comment *comment = &respondent->comments[number];
			xmlNodePtr element = xmlout_text_element(
				node, "comment", comment->text != NULL ? comment->text : "");

			xmlout_attribute(element, "question", comment->question_id);
		}
	}
	data = xmlout_serialize(document, length);
	xmlFreeDoc(document);
	text = xstrndup(data != NULL ? (const char *)data : "", data != NULL ? *length : 0);
	xmlFree(data);
	*length = strlen(text);
	return text;
}

/* Checks one string: UTF-8 that an XML file can hold, and at most limit
 * characters (no limit when 0).  what names it in the message. */
static int
answers_check_text(const struct answers *answers, const char *text, const char *what,
		   long line, size_t limit, struct diag *diag)
{
	const char *end;
	size_t characters;

	if (text == NULL)
		return 0;
	if (!g_utf8_validate(text, -1, &end)) {
		diag_error(diag, answers->path, line, "%s is not valid UTF-8 (at byte %ld)", what,
			   (long)(end - text) + 1);
		return -1;
	}
	for (const char *cursor = text; *cursor != '\0'; cursor = g_utf8_next_char(cursor)) {
		gunichar character = g_utf8_get_char(cursor);

		/* XML 1.0's characters: no controls but tab and line breaks. */
		if ((character < 0x20 && character != '\t' && character != '\n' && character != '\r') ||
		    character == 0xfffe || character == 0xffff) {
			diag_error(diag, answers->path, line,
				   "%s holds the control character U+%04X, which an answer set cannot hold",
				   what, character);
			return -1;
		}
	}
	characters = (size_t)g_utf8_strlen(text, -1);
	if (limit > 0 && characters > limit) {
		diag_error(diag, answers->path, line,
			   "%s is %zu characters long, over the limit of %zu", what, characters, limit);
		return -1;
	}
	return 0;
}

/* A respondent's strings. */
static int
answers_check_respondent(const struct answers *answers,
			 const struct answers_respondent *respondent, struct diag *diag)
{
	int failed = 0;

	failed |= answers_check_text(answers, respondent->id, "the respondent id", respondent->line,
				     0, diag) != 0;
	failed |= answers_check_text(answers, respondent->role, "the role", respondent->line,
				     ANSWERS_MAX_TEXT, diag) != 0;
	for (size_t index = 0; index < respondent->answer_count; index++) {
		const struct answers_answer *answer = &respondent->answers[index];

		failed |= answers_check_text(answers, answer->question_id, "the question id",
					     answer->line, 0, diag) != 0;
		failed |= answers_check_text(answers, answer->score_text, "the score", answer->line, 0,
					     diag) != 0;
	}
	for (size_t index = 0; index < respondent->comment_count; index++) {
		const struct answers_comment *comment = &respondent->comments[index];

		failed |= answers_check_text(answers, comment->question_id, "the question id",
					     comment->line, 0, diag) != 0;
		failed |= answers_check_text(answers, comment->text, "the comment", comment->line,
					     ANSWERS_MAX_COMMENT, diag) != 0;
	}
	return failed ? -1 : 0;
}

int
answers_check_limits(const struct answers *answers, struct diag *diag)
{
	int failed = 0;

	if (answers->respondent_count > ANSWERS_MAX_RESPONDENTS) {
		diag_error(diag, answers->path, answers->respondents[ANSWERS_MAX_RESPONDENTS].line,
			   "more than %d respondents, the limit of an answer set", ANSWERS_MAX_RESPONDENTS);
		return -1;
	}
	failed |= answers_check_text(answers, answers->team, "the team id", answers->line, 0,
				     diag) != 0;
	failed |= answers_check_text(answers, answers->date, "the date", answers->line, 0, diag) != 0;
	failed |= answers_check_text(answers, answers->name, "the name",
				     answers->name_line ? answers->name_line : answers->line,
				     ANSWERS_MAX_TEXT, diag) != 0;
	failed |= answers_check_text(answers, answers->organization, "the organisation",
				     answers->organization_line ? answers->organization_line
								: answers->line,
				     ANSWERS_MAX_TEXT, diag) != 0;
	failed |= answers_check_text(answers, answers->unit, "the unit",
				     answers->unit_line ? answers->unit_line : answers->line,
				     ANSWERS_MAX_TEXT, diag) != 0;
	for (size_t index = 0; index < answers->profile_count; index++) {
		const struct answers_profile *value = &answers->profile[index];

		failed |= answers_check_text(answers, value->parameter_id, "a profile parameter",
					     value->line, 0, diag) != 0;
		failed |= answers_check_text(answers, value->choice_id, "a profile value",
					     value->line, 0, diag) != 0;
	}
	for (size_t index = 0; index < answers->target_count; index++) {
		const struct answers_target *target = &answers->targets[index];

		failed |= answers_check_text(answers, target->domain_id, "a target's domain",
					     target->line, 0, diag) != 0;
		failed |= answers_check_text(answers, target->score_text, "a target's score",
					     target->line, 0, diag) != 0;
	}
	for (size_t index = 0; index < answers->respondent_count; index++)
		failed |= answers_check_respondent(answers, &answers->respondents[index], diag) != 0;
	return failed ? -1 : 0;
}
