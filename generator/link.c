/* Share links; see link.h and the README's "Survey CSV and share links". */
#include "link.h"

#include "answers.h"
#include "calendar.h"
#include "diag.h"
#include "framework.h"
#include "profile.h"
#include "score.h"
#include "validate.h"
#include "xalloc.h"

#include <glib.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
	LINK_MAX_PAYLOAD = 64 * 1024, /* characters of base64url */
	LINK_VERSION = 1,             /* the payload version this tool reads and writes */
};

/* The payload: the d parameter of a URL, or all of link when it is not a
 * URL.  Returns a new string, or NULL after reporting. */
static char *
link_payload(const char *link, const char *source, struct diag *diag)
{
	GUri *uri;
	GHashTable *parameters = NULL;
	GError *error = NULL;
	const char *payload = NULL;
	char *copy = NULL;

	if (g_uri_peek_scheme(link) == NULL) {
		payload = link;
	} else if ((uri = g_uri_parse(link, G_URI_FLAGS_ENCODED_QUERY, &error)) == NULL) {
		diag_error(diag, source, 0, "not a URL: %s", error->message);
		g_error_free(error);
		return NULL;
	} else {
		const char *query = g_uri_get_query(uri);

		parameters = g_uri_parse_params(query != NULL ? query : "", -1, "&", G_URI_PARAMS_NONE,
						&error);
		if (parameters == NULL) {
			diag_error(diag, source, 0, "the link's query is malformed: %s", error->message);
			g_error_free(error);
			g_uri_unref(uri);
			return NULL;
		}
		payload = g_hash_table_lookup(parameters, "d");
		g_uri_unref(uri);
	}
	if (payload == NULL || payload[0] == '\0')
		diag_error(diag, source, 0, "no d= parameter and no payload in the link");
	else if (strlen(payload) > LINK_MAX_PAYLOAD)
		diag_error(diag, source, 0, "the payload is over %d characters", LINK_MAX_PAYLOAD);
	else
		copy = xstrdup(payload);
	if (parameters != NULL)
		g_hash_table_unref(parameters);
	return copy;
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

/* The JSON object a link carries, or NULL after reporting. */
static json_t *
link_object(const char *link, const char *source, struct diag *diag)
{
	char *payload = link_payload(link, source, diag);
	guchar *bytes = NULL;
	gsize length = 0;
	json_t *root = NULL;
	json_error_t error;

	if (payload == NULL)
		return NULL;
	bytes = link_base64url_decode(payload, &length);
	if (bytes == NULL) {
		diag_error(diag, source, 0, "the payload is not base64url (A-Z a-z 0-9 - _, no padding)");
	} else {
		root = json_loadb((const char *)bytes, length, JSON_REJECT_DUPLICATES, &error);
		if (root == NULL || !json_is_object(root)) {
			diag_error(diag, source, 0, "the payload is not a JSON object%s%s",
				   root ? "" : ": ", root ? "" : error.text);
			json_decref(root);
			root = NULL;
		}
	}
	g_free(bytes);
	free(payload);
	return root;
}

enum { LINK_SHOWN = 64 };  /* bytes of a value shown in a message, at most */

/* A JSON value as compact text for messages, cut to fit shown. */
static const char *
link_show(const json_t *value, char shown[LINK_SHOWN])
{
	char *text = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);

	snprintf(shown, LINK_SHOWN, "%s", text != NULL ? text : "?");
	free(text);
	return shown;
}

/* What reading one link needs at every step. */
struct link_reader {
	const struct framework *framework;
	const char *source;
	struct diag *diag;
	struct answers *answers;
};

/* v must be a number; a version other than this tool's is read anyway,
 * with a warning, as the site does.  Returns 0 or -1 after reporting. */
static int
link_read_version(struct link_reader *reader, const json_t *root)
{
	const json_t *version = json_object_get(root, "v");

	if (!json_is_number(version)) {
		diag_error(reader->diag, reader->source, 0, "\"v\" (the version, a number) is missing");
		return -1;
	}
	if (json_number_value(version) != LINK_VERSION)
		diag_warning(reader->diag, reader->source, 0,
			     "version %g is not one this tool knows (it reads version %d); the link "
			     "is read as version %d",
			     json_number_value(version), LINK_VERSION, LINK_VERSION);
	return 0;
}

/* Keys other than v, c, p, r and t are ignored, with a warning. */
static void
link_read_keys(struct link_reader *reader, json_t *root)
{
	static const char *const known[] = { "v", "c", "p", "r", "t" };
	const char *key;
	json_t *value;

	json_object_foreach(root, key, value) {
		int found = 0;

		for (size_t index = 0; index < sizeof known / sizeof *known; index++)
			found |= strcmp(key, known[index]) == 0;
		if (!found)
			diag_warning(reader->diag, reader->source, 0,
				     "key \"%.60s\" is not one of v, c, p, r, t; ignored", key);
	}
}

/* c, the company, names the answer set; without it, the team does. */
static void
link_read_company(struct link_reader *reader, const json_t *root, const char *team)
{
	const json_t *company = json_object_get(root, "c");

	if (company != NULL && !json_is_string(company))
		diag_warning(reader->diag, reader->source, 0,
			     "\"c\" (the company) is not a string; ignored");
	if (json_is_string(company) && json_string_length(company) > 0) {
		reader->answers->name = xstrdup(json_string_value(company));
		reader->answers->organization = xstrdup(json_string_value(company));
	} else {
		reader->answers->name = xstrdup(team);
	}
}

/* The day, YYYY-MM-DD in UTC, of a timestamp: an ISO 8601 string (what
 * the site writes), a bare date, or milliseconds since 1970 (JavaScript's
 * Date.now()).  NULL when it is none of these or not a day from 1900 to
 * 9999. */
static char *
link_day(const json_t *timestamp)
{
	GDateTime *time = NULL;
	char *day = NULL;

	if (json_is_string(timestamp)) {
		GTimeZone *utc = g_time_zone_new_utc();

		time = g_date_time_new_from_iso8601(json_string_value(timestamp), utc);
		g_time_zone_unref(utc);
		if (time == NULL && validate_date(json_string_value(timestamp)))
			return xstrdup(json_string_value(timestamp));
	} else if (json_is_number(timestamp)) {
		double milliseconds = json_number_value(timestamp);

		/* 1900-01-01 to 9999-12-31, in milliseconds since 1970. */
		if (isfinite(milliseconds) && milliseconds >= -2208988800000.0 &&
		    milliseconds < 253402300800000.0)
			time = g_date_time_new_from_unix_utc((gint64)floor(milliseconds / 1000));
	}
	if (time != NULL) {
		GDateTime *universal = g_date_time_to_utc(time);
		gchar *text = universal != NULL ? g_date_time_format(universal, "%Y-%m-%d") : NULL;

		if (text != NULL && validate_date(text))
			day = xstrdup(text);
		g_free(text);
		if (universal != NULL)
			g_date_time_unref(universal);
		g_date_time_unref(time);
	}
	return day;
}

/* t dates the answer set; without a usable one, it is dated today. */
static void
link_read_date(struct link_reader *reader, const json_t *root)
{
	const json_t *timestamp = json_object_get(root, "t");

	if (timestamp != NULL)
		reader->answers->date = link_day(timestamp);
	if (reader->answers->date == NULL) {
		char today[CALENDAR_DAY_SIZE], shown[LINK_SHOWN];

		calendar_today(today);
		if (timestamp != NULL)
			diag_warning(reader->diag, reader->source, 0,
				     "\"t\" %.60s is not a timestamp (ISO 8601, or milliseconds since "
				     "1970); the answer set is dated today, %s",
				     link_show(timestamp, shown), today);
		reader->answers->date = xstrdup(today);
	}
}

/* One profile value under key, of the parameter key names: kept when it
 * is one of the parameter's options, else dropped with a warning. */
static void
link_read_option(struct link_reader *reader, const char *key, long parameter, const json_t *value)
{
	const struct framework_parameter *definition = &reader->framework->parameters[parameter];
	enum profile_match match;
	char shown[LINK_SHOWN];
	long choice;

	if (!json_is_string(value) || json_string_length(value) == 0) {
		diag_warning(reader->diag, reader->source, 0,
			     "profile \"%s\": %.60s is not an option id; dropped", key,
			     link_show(value, shown));
		return;
	}
	choice = profile_find_choice(definition, json_string_value(value), &match);
	if (choice < 0) {
		char *choices = profile_choice_list(definition);

		diag_warning(reader->diag, reader->source, 0,
			     "profile \"%s\": \"%.60s\" is not one of its options (%s); dropped", key,
			     json_string_value(value), choices);
		free(choices);
		return;
	}
	if (match == PROFILE_FORMER)
		diag_warning(reader->diag, reader->source, 0,
			     "profile \"%s\": \"%s\" is a former id; read as \"%s\"", key,
			     json_string_value(value), definition->choices[choice].id);
	answers_add_profile(reader->answers, definition->id, definition->choices[choice].id, 0);
}

/* Whether the answer set being read has a value for parameter already. */
static int
link_has_parameter(const struct link_reader *reader, long parameter)
{
	const char *id = reader->framework->parameters[parameter].id;

	for (size_t index = 0; index < reader->answers->profile_count; index++)
		if (strcmp(reader->answers->profile[index].parameter_id, id) == 0)
			return 1;
	return 0;
}

/* p, the profile: the pack's parameter ids first, then former names (a
 * link from an earlier version of this tool), each parameter once. */
static void
link_read_profile(struct link_reader *reader, const json_t *root)
{
	json_t *profile = json_object_get(root, "p"), *value;
	const char *key;

	if (profile != NULL && !json_is_object(profile)) {
		diag_warning(reader->diag, reader->source, 0,
			     "\"p\" (the profile) is not an object; ignored");
		return;
	}
	for (int pass = 0; pass < 2; pass++) {
		json_object_foreach(profile, key, value) {
			enum profile_match match;
			long parameter = profile_find_parameter(reader->framework, key, &match);

			if (pass == 0 && match == PROFILE_CURRENT) {
				link_read_option(reader, key, parameter, value);
			} else if (pass == 1 && match == PROFILE_UNKNOWN) {
				diag_warning(reader->diag, reader->source, 0,
					     "profile key \"%.60s\" is not a profile parameter of content "
					     "pack %s; dropped",
					     key, reader->framework->id);
			} else if (pass == 1 && match == PROFILE_FORMER &&
				   link_has_parameter(reader, parameter)) {
				diag_warning(reader->diag, reader->source, 0,
					     "profile key \"%s\" is a former name of \"%s\", which the "
					     "link gives too; dropped",
					     key, reader->framework->parameters[parameter].id);
			} else if (pass == 1 && match == PROFILE_FORMER) {
				diag_warning(reader->diag, reader->source, 0,
					     "profile key \"%s\" is a former name; read as \"%s\"", key,
					     reader->framework->parameters[parameter].id);
				link_read_option(reader, key, parameter, value);
			}
		}
	}
}

/* A score as the site keeps it: a whole number from 1 to 4 (3.0 is 3);
 * 0 for anything else. */
static int
link_score(const json_t *value)
{
	double number = json_number_value(value);

	if (!json_is_number(value) || number != floor(number) || number < 1 || number > 4)
		return 0;
	return (int)number;
}

/* r, the answers: kept for known questions with scores 1 to 4, each other
 * one dropped with a warning.  Returns how many were kept. */
static size_t
link_read_answers(struct link_reader *reader, const json_t *root)
{
	json_t *responses = json_object_get(root, "r"), *value;
	struct answers_respondent *respondent = answers_add_respondent(reader->answers, "respondent",
								       NULL);
	json_t *usable = json_is_object(responses) ? responses : NULL;
	const char *key;

	if (responses != NULL && usable == NULL)
		diag_warning(reader->diag, reader->source, 0,
			     "\"r\" (the answers) is not an object; ignored");
	json_object_foreach(usable, key, value) {
		char score[2] = { (char)('0' + link_score(value)), '\0' }, shown[LINK_SHOWN];

		if (framework_find_question(reader->framework, key) < 0) {
			diag_warning(reader->diag, reader->source, 0,
				     "question \"%.60s\" is not in content pack %s; its answer is "
				     "dropped",
				     key, reader->framework->id);
		} else if (score[0] == '0') {
			diag_warning(reader->diag, reader->source, 0,
				     "answer to \"%s\" is %.40s, not a whole number from 1 to 4; "
				     "dropped",
				     key, link_show(value, shown));
		} else {
			answers_add_answer(respondent, key, score, 0);
		}
	}
	return respondent->answer_count;
}

struct answers *
link_decode(const char *link, const char *team, const struct framework *framework,
	    const char *source, struct diag *diag)
{
	json_t *root = link_object(link, source, diag);
	struct link_reader reader = { framework, source, diag, NULL };
	json_t *responses;

	if (root == NULL || link_read_version(&reader, root) != 0) {
		json_decref(root);
		return NULL;
	}
	link_read_keys(&reader, root);
	reader.answers = xcalloc(1, sizeof *reader.answers);
	reader.answers->path = xstrdup(source);
	reader.answers->team = xstrdup(team);
	link_read_company(&reader, root, team);
	link_read_date(&reader, root);
	link_read_profile(&reader, root);

	/* Without one usable answer, there is nothing to import. */
	responses = json_object_get(root, "r");
	if (link_read_answers(&reader, root) == 0) {
		if (json_object_size(responses) == 0)
			diag_error(diag, source, 0,
				   "the link carries no answers (\"r\" is missing or empty)");
		else
			diag_error(diag, source, 0, "none of the link's answers can be used");
		answers_free(reader.answers);
		reader.answers = NULL;
	} else if (validate_answers(reader.answers, framework, diag) != 0) {
		answers_free(reader.answers);
		reader.answers = NULL;
	}
	json_decref(root);
	return reader.answers;
}

int
link_base_is_valid(const char *base)
{
	GUri *uri = g_uri_parse(base, G_URI_FLAGS_ENCODED, NULL);
	int valid = uri != NULL && g_uri_get_host(uri) != NULL && g_uri_get_host(uri)[0] != '\0' &&
		    (strcmp(g_uri_get_scheme(uri), "https") == 0 ||
		     strcmp(g_uri_get_scheme(uri), "http") == 0);

	if (uri != NULL)
		g_uri_unref(uri);
	return valid;
}

/* One respondent's own answers, one score 1-4 per framework question (0
 * when skipped), or NULL after reporting that there is no such one. */
static int *
link_respondent_scores(const struct answers *answers, const struct framework *framework,
		       const char *respondent_id, struct diag *diag)
{
	const struct answers_respondent *respondent = NULL;
	int *chosen;
	char *known = xstrdup("");

	for (size_t index = 0; index < answers->respondent_count; index++) {
		char *longer = xasprintf("%s%s%s", known, index ? ", " : "",
					 answers->respondents[index].id);

		free(known);
		known = longer;
		if (strcmp(answers->respondents[index].id, respondent_id) == 0)
			respondent = &answers->respondents[index];
	}
	if (respondent == NULL) {
		diag_error(diag, answers->path, 0, "no respondent \"%.80s\" in the answer set (it has: %s)",
			   respondent_id, known);
		free(known);
		return NULL;
	}
	free(known);
	chosen = xcalloc(framework->question_count ? framework->question_count : 1, sizeof *chosen);
	for (size_t index = 0; index < respondent->answer_count; index++)
		chosen[respondent->answers[index].question] = respondent->answers[index].score;
	return chosen;
}

/* The team's answers, one per framework question (0 when nobody answered
 * it): the option nearest the question's mean, as the roadmap takes it,
 * with a warning when that approximates several respondents. */
static int *
link_team_scores(const struct answers *answers, const struct framework *framework,
		 struct diag *diag)
{
	struct scores *scores = score_compute(framework, answers);
	int *chosen = xcalloc(framework->question_count ? framework->question_count : 1,
			      sizeof *chosen);

	if (answers->respondent_count > 1)
		diag_warning(diag, answers->path, 0,
			     "%zu respondents, one link: it carries each question's answer nearest "
			     "the team's mean (halves down); --respondent ID exports one "
			     "respondent's own answers",
			     answers->respondent_count);
	for (size_t question = 0; question < framework->question_count; question++)
		if (scores->question_values[question] != SCORE_NOT_ASSESSED)
			chosen[question] = score_option_for(scores->question_values[question]);
	score_free(scores);
	return chosen;
}

/* The payload of a validated answer set with the given answers. */
static json_t *
link_payload_object(const struct answers *answers, const struct framework *framework,
		    const int *chosen)
{
	json_t *root = json_object(), *profile = json_object(), *responses = json_object();
	char *timestamp;

	json_object_set_new(root, "v", json_integer(LINK_VERSION));
	if (answers->organization != NULL || strcmp(answers->name, answers->team) != 0)
		json_object_set_new(root, "c", json_string(answers->organization ? answers->organization
										 : answers->name));
	for (size_t index = 0; index < answers->profile_count; index++) {
		const struct framework_parameter *parameter =
			&framework->parameters[answers->profile[index].parameter];

		json_object_set_new(profile, parameter->id,
				    json_string(parameter->choices[answers->profile[index].choice].id));
	}
	if (json_object_size(profile) > 0)
		json_object_set_new(root, "p", profile);
	else
		json_decref(profile);
	for (size_t question = 0; question < framework->question_count; question++)
		if (chosen[question] != 0)
			json_object_set_new(responses, framework->questions[question].id,
					    json_integer(chosen[question]));
	json_object_set_new(root, "r", responses);
	/* As the site writes it: JavaScript's toISOString(), at midnight UTC. */
	timestamp = xasprintf("%sT00:00:00.000Z", answers->date);
	json_object_set_new(root, "t", json_string(timestamp));
	free(timestamp);
	return root;
}

/* base (a URL link_base_is_valid accepts) with d=payload added to its
 * query. */
static char *
link_at(const char *base, const char *payload)
{
	GUri *uri = g_uri_parse(base, G_URI_FLAGS_ENCODED, NULL), *link;
	const char *query;
	char *full_query, *result;
	gchar *text;

	if (uri == NULL)
		return xasprintf("%s?d=%s", base, payload);
	query = g_uri_get_query(uri);
	full_query = query != NULL && query[0] != '\0' ? xasprintf("%s&d=%s", query, payload)
						       : xasprintf("d=%s", payload);
	link = g_uri_build(G_URI_FLAGS_ENCODED, g_uri_get_scheme(uri), g_uri_get_userinfo(uri),
			   g_uri_get_host(uri), g_uri_get_port(uri), g_uri_get_path(uri), full_query,
			   g_uri_get_fragment(uri));
	text = g_uri_to_string(link);
	result = xstrdup(text);
	g_free(text);
	g_uri_unref(link);
	g_uri_unref(uri);
	free(full_query);
	return result;
}

char *
link_encode(const struct answers *answers, const struct framework *framework, const char *base,
	    const char *respondent, struct diag *diag)
{
	int *chosen = respondent != NULL
			      ? link_respondent_scores(answers, framework, respondent, diag)
			      : link_team_scores(answers, framework, diag);
	json_t *root;
	char *json, *payload, *link = NULL;

	if (chosen == NULL)
		return NULL;
	root = link_payload_object(answers, framework, chosen);
	json = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (json == NULL) {
		diag_error(diag, answers->path, 0, "cannot write the link's JSON payload");
	} else {
		payload = link_base64url_encode(json, strlen(json));
		link = link_at(base, payload);
		free(payload);
	}
	free(json);
	free(chosen);
	json_decref(root);
	return link;
}
