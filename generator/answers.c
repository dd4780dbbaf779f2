/* Reading answer-set XML into struct answers.  See answers.h. */
#include "answers.h"

#include "diag.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <stdlib.h>
#include <string.h>

static const char answers_namespace[] = "urn:maturity:answers:1";

static void
answers_read_respondent(struct answers_respondent *respondent, xmlNodePtr node)
{
	respondent->id = xmlinput_attribute(node, "id");
	respondent->role = xmlinput_attribute(node, "role");
	respondent->line = xmlGetLineNo(node);
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		if (xmlinput_is(child, "answer")) {
			struct answers_answer *answer;

			respondent->answers = xreallocarray(respondent->answers,
							    respondent->answer_count + 1,
							    sizeof *respondent->answers);
			answer = &respondent->answers[respondent->answer_count++];
			memset(answer, 0, sizeof *answer);
			answer->question_id = xmlinput_attribute(child, "question");
			answer->score_text = xmlinput_attribute(child, "score");
			answer->line = xmlGetLineNo(child);
		} else if (xmlinput_is(child, "comment")) {
			struct answers_comment *comment;

			respondent->comments = xreallocarray(respondent->comments,
							     respondent->comment_count + 1,
							     sizeof *respondent->comments);
			comment = &respondent->comments[respondent->comment_count++];
			memset(comment, 0, sizeof *comment);
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
answers_load(const char *path, size_t max_bytes, xmlRelaxNGPtr schema, struct diag *diag)
{
	xmlDocPtr document = xmlinput_read(path, max_bytes, NULL, diag);
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
	if (answers_check_required(path, root, diag) != 0 ||
	    (schema != NULL && xmlinput_validate(path, document, schema, diag) != 0)) {
		xmlFreeDoc(document);
		return NULL;
	}

	answers = xcalloc(1, sizeof *answers);
	answers->path = xstrdup(path);
	answers->team = xmlinput_attribute(root, "team");
	answers->date = xmlinput_attribute(root, "date");
	answers->line = xmlGetLineNo(root);
	for (xmlNodePtr node = xmlinput_element(root->children); node != NULL;
	     node = xmlinput_element(node->next)) {
		if (xmlinput_is(node, "name")) {
			answers->name = xmlinput_text(node);
		} else if (xmlinput_is(node, "organization")) {
			answers->organization = xmlinput_text(node);
		} else if (xmlinput_is(node, "profile")) {
			answers->segment = xmlinput_attribute(node, "segment");
			answers->arr = xmlinput_attribute(node, "arr");
			answers->team_size = xmlinput_attribute(node, "team-size");
			answers->profile_line = xmlGetLineNo(node);
		} else if (xmlinput_is(node, "respondent")) {
			answers->respondents = xreallocarray(answers->respondents,
							     answers->respondent_count + 1,
							     sizeof *answers->respondents);
			memset(&answers->respondents[answers->respondent_count], 0,
			       sizeof *answers->respondents);
			answers_read_respondent(&answers->respondents[answers->respondent_count++],
						node);
		}
	}
	if (answers->name == NULL)
		answers->name = xstrdup(answers->team);
	xmlFreeDoc(document);
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
	free(answers->segment);
	free(answers->arr);
	free(answers->team_size);
	free(answers);
}
