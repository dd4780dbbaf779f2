/* Share links; see link.h. */
#include "link.h"

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "score.h"
#include "validate.h"
#include "xalloc.h"

#include <glib.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

enum { LINK_MAX_PAYLOAD = 64 * 1024 };

/* The payload: after "d=" up to the next '&' or '#', or all of link when
 * it has no d parameter.  Returns a new string. */
static char *
link_payload(const char *link)
{
	const char *start = link, *query = strchr(link, '?');

	if (query != NULL) {
		for (const char *cursor = query + 1; cursor != NULL && *cursor != '\0';) {
			if (strncmp(cursor, "d=", 2) == 0) {
				start = cursor + 2;
				return xstrndup(start, strcspn(start, "&#"));
			}
			cursor = strchr(cursor, '&');
			cursor = cursor ? cursor + 1 : NULL;
		}
		return xstrdup("");
	}
	return xstrndup(start, strcspn(start, "&#"));
}

/* base64url without padding to bytes; NULL when a character is wrong. */
static guchar *
link_base64url_decode(const char *text, gsize *length)
{
	size_t size = strlen(text);
	char *standard;
	guchar *bytes;

	if (size % 4 == 1)
		return NULL;
	for (size_t index = 0; index < size; index++) {
		char c = text[index];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_'))
			return NULL;
	}
	standard = xmalloc(size + 4);
	for (size_t index = 0; index < size; index++)
		standard[index] = text[index] == '-' ? '+' : text[index] == '_' ? '/' : text[index];
	while (size % 4 != 0)
		standard[size++] = '=';
	standard[size] = '\0';
	bytes = g_base64_decode(standard, length);
	free(standard);
	return bytes;
}

static char *
link_base64url_encode(const char *bytes, size_t length)
{
	gchar *standard = g_base64_encode((const guchar *)bytes, length);
	char *url = xstrdup(standard);
	size_t size = strlen(url);

	g_free(standard);
	while (size > 0 && url[size - 1] == '=')
		url[--size] = '\0';
	for (char *cursor = url; *cursor != '\0'; cursor++)
		*cursor = *cursor == '+' ? '-' : *cursor == '/' ? '_' : *cursor;
	return url;
}

struct answers *
link_decode(const char *link, const char *team, const struct framework *framework,
	    const char *source, struct diag *diag)
{
	char *payload = link_payload(link);
	guchar *bytes = NULL;
	gsize length = 0;
	json_t *root = NULL, *version, *company, *profile, *responses, *timestamp, *value;
	json_error_t error;
	struct answers *answers = NULL;
	struct answers_respondent *respondent;
	const char *key;
	int failed = 0;

	/* Base64url, then JSON. */
	if (payload[0] == '\0') {
		diag_error(diag, source, 0, "no d= parameter and no payload in the link");
		goto done;
	}
	if (strlen(payload) > LINK_MAX_PAYLOAD) {
		diag_error(diag, source, 0, "the payload is over %d characters", LINK_MAX_PAYLOAD);
		goto done;
	}
	bytes = link_base64url_decode(payload, &length);
	if (bytes == NULL) {
		diag_error(diag, source, 0, "the payload is not base64url (A-Z a-z 0-9 - _, no padding)");
		goto done;
	}
	root = json_loadb((const char *)bytes, length, JSON_REJECT_DUPLICATES, &error);
	if (root == NULL || !json_is_object(root)) {
		diag_error(diag, source, 0, "the payload is not a JSON object%s%s",
			   root ? "" : ": ", root ? "" : error.text);
		goto done;
	}

	/* v is required; r holds the answers; c, p and t are optional. */
	version = json_object_get(root, "v");
	if (!json_is_integer(version)) {
		diag_error(diag, source, 0, "\"v\" (the version, a whole number) is missing");
		failed = 1;
	}
	responses = json_object_get(root, "r");
	if (responses != NULL && !json_is_object(responses)) {
		diag_error(diag, source, 0, "\"r\" must be an object of question ids and scores");
		failed = 1;
	} else if (json_object_size(responses) == 0) {
		diag_error(diag, source, 0, "the link carries no answers (\"r\" is missing or empty)");
		failed = 1;
	}
	company = json_object_get(root, "c");
	if (company != NULL && !json_is_string(company)) {
		diag_error(diag, source, 0, "\"c\" (the company) must be a string");
		failed = 1;
	}
	profile = json_object_get(root, "p");
	if (profile != NULL && !json_is_object(profile)) {
		diag_error(diag, source, 0, "\"p\" (the profile) must be an object");
		failed = 1;
	}
	timestamp = json_object_get(root, "t");
	if (timestamp != NULL && (!json_is_string(timestamp) ||
				  strlen(json_string_value(timestamp)) < 10)) {
		diag_error(diag, source, 0, "\"t\" must be an ISO timestamp such as 2026-11-01T09:30:00Z");
		failed = 1;
	}
	if (failed)
		goto done;

	answers = xcalloc(1, sizeof *answers);
	answers->path = xstrdup(source);
	answers->team = xstrdup(team);
	if (timestamp != NULL) {
		answers->date = xstrndup(json_string_value(timestamp), 10);
	} else {
		GDateTime *now = g_date_time_new_now_utc();
		gchar *today = g_date_time_format(now, "%Y-%m-%d");

		answers->date = xstrdup(today);
		g_free(today);
		g_date_time_unref(now);
	}
	if (company != NULL && json_string_length(company) > 0) {
		answers->name = xstrdup(json_string_value(company));
		answers->organization = xstrdup(json_string_value(company));
	} else {
		answers->name = xstrdup(team);
	}
	/* Profile values under their parameter's id, checked by validation. */
	json_object_foreach(profile, key, value) {
		if (!json_is_string(value)) {
			diag_error(diag, source, 0, "profile \"%s\" must be a string id", key);
			failed = 1;
			continue;
		}
		answers_add_profile(answers, key, json_string_value(value), 0);
	}
	respondent = answers_add_respondent(answers, "respondent", NULL);
	json_object_foreach(responses, key, value) {
		char score[16];

		if (!json_is_integer(value) || json_integer_value(value) < 1 ||
		    json_integer_value(value) > 4) {
			diag_error(diag, source, 0, "answer to \"%.60s\" must be a whole number from 1 to 4",
				   key);
			failed = 1;
			continue;
		}
		snprintf(score, sizeof score, "%d", (int)json_integer_value(value));
		answers_add_answer(respondent, key, score, 0);
	}
	if (!failed && validate_answers(answers, framework, diag) != 0)
		failed = 1;
	if (failed) {
		answers_free(answers);
		answers = NULL;
	}
done:
	json_decref(root);
	g_free(bytes);
	free(payload);
	return answers;
}

char *
link_encode(const struct answers *answers, const struct framework *framework, const char *base,
	    struct diag *diag)
{
	struct scores *scores = score_compute(framework, answers);
	json_t *root = json_object(), *profile = json_object(), *responses = json_object();
	char *json, *payload, *link, *timestamp;

	if (answers->respondent_count > 1)
		diag_report(diag, DIAG_NOTE, answers->path, 0,
			    "%zu respondents: the link carries each question's mean, rounded to the "
			    "nearest answer (halves down)",
			    answers->respondent_count);
	json_object_set_new(root, "v", json_integer(1));
	if (answers->organization != NULL || strcmp(answers->name, answers->team) != 0)
		json_object_set_new(root, "c", json_string(answers->organization ? answers->organization
										 : answers->name));
	for (size_t index = 0; index < answers->profile_count; index++)
		json_object_set_new(profile, answers->profile[index].parameter_id,
				    json_string(answers->profile[index].choice_id));
	if (json_object_size(profile) > 0)
		json_object_set_new(root, "p", profile);
	else
		json_decref(profile);
	for (size_t question = 0; question < framework->question_count; question++)
		if (scores->question_values[question] != SCORE_NOT_ASSESSED)
			json_object_set_new(responses, framework->questions[question].id,
					    json_integer(score_option_for(scores->question_values[question])));
	json_object_set_new(root, "r", responses);
	timestamp = xasprintf("%sT00:00:00Z", answers->date);
	json_object_set_new(root, "t", json_string(timestamp));
	free(timestamp);

	json = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	payload = link_base64url_encode(json, strlen(json));
	link = xasprintf("%s?d=%s", base, payload);
	free(json);
	free(payload);
	json_decref(root);
	score_free(scores);
	return link;
}
