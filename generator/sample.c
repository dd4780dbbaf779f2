/* Synthetic answer sets; see sample.h.  A team has an underlying maturity
 * drawn across all stages, each domain a lean of its own, and each
 * respondent a bias; answers scatter around that.  A third of the teams
 * also have an assessment from a year before, a little less mature. */
#include "sample.h"

#include "diag.h"
#include "framework.h"
#include "interrupt.h"
#include "outfile.h"
#include "xalloc.h"

#include <libxml/tree.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64: small, fast and the same everywhere; the state is local. */
static uint64_t
sample_next(uint64_t *state)
{
	uint64_t value = (*state += 0x9e3779b97f4a7c15ULL);

	value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
	value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
	return value ^ (value >> 31);
}

/* Uniform in [0, 1). */
static double
sample_uniform(uint64_t *state)
{
	return (double)(sample_next(state) >> 11) / 9007199254740992.0;
}

/* Roughly normal, mean 0 and deviation 1 (the sum of four uniforms). */
static double
sample_normal(uint64_t *state)
{
	double sum = 0;

	for (int index = 0; index < 4; index++)
		sum += sample_uniform(state);
	return (sum - 2.0) * 1.7320508;
}

static const char *const sample_roles[] = { "CS Director", "Senior CSM", "CSM",
					    "CS Operations", "Onboarding Lead" };
static const char *const sample_names[] = { "Atlas", "Birch", "Cobalt", "Delta", "Ember",
					    "Fjord", "Granite", "Harbor", "Iris", "Juniper",
					    "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid",
					    "Pioneer", "Quarry", "Redwood", "Summit", "Tidal" };

static void
sample_attribute(xmlNodePtr node, const char *name, const char *value)
{
	xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

/* One answer set: maturity is the team's underlying level (1-4). */
static int
sample_one(const struct outfile_folder *folder, const struct framework *framework, size_t number,
	   int year, double maturity, const double *leans, uint64_t *state, struct diag *diag)
{
	xmlDocPtr document = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(document, NULL, (const xmlChar *)"assessment", NULL);
	char team[64], date[16], name[128], text[64];
	size_t respondents = 1 + (size_t)(sample_uniform(state) * 3.2);
	xmlChar *data = NULL;
	int length = 0, result;
	char *name_of_file;

	xmlDocSetRootElement(document, root);
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)"urn:maturity:answers:1", NULL));
	snprintf(team, sizeof team, "team-%05zu", number);
	snprintf(date, sizeof date, "%04d-%02d-%02d", year, 1 + (int)(number % 12),
		 1 + (int)(number % 28));
	snprintf(name, sizeof name, "%s %s Customer Success",
		 sample_names[number % (sizeof sample_names / sizeof *sample_names)],
		 sample_names[(number / 20) % (sizeof sample_names / sizeof *sample_names)]);
	sample_attribute(root, "team", team);
	sample_attribute(root, "date", date);
	xmlNewTextChild(root, root->ns, (const xmlChar *)"name", (const xmlChar *)name);

	/* A profile from the pack's own options, one for each parameter. */
	{
		xmlNodePtr profile = xmlNewChild(root, root->ns, (const xmlChar *)"profile", NULL);

		for (size_t index = 0; index < framework->parameter_count; index++) {
			const struct framework_parameter *parameter = &framework->parameters[index];
			size_t pick = (size_t)(sample_uniform(state) * (double)parameter->choice_count);

			sample_attribute(profile, parameter->id, parameter->choices[pick].id);
		}
	}

	for (size_t respondent = 0; respondent < respondents; respondent++) {
		xmlNodePtr node = xmlNewChild(root, root->ns, (const xmlChar *)"respondent", NULL);
		double bias = sample_normal(state) * 0.35;

		snprintf(text, sizeof text, "person-%zu", respondent + 1);
		sample_attribute(node, "id", text);
		sample_attribute(node, "role", sample_roles[respondent % 5]);
		for (size_t question = 0; question < framework->question_count; question++) {
			double level = maturity + leans[framework->questions[question].domain] + bias +
				       sample_normal(state) * 0.55;
			int score = (int)lround(level);
			xmlNodePtr answer;

			/* About one answer in twenty is skipped. */
			if (sample_uniform(state) < 0.05)
				continue;
			score = score < 1 ? 1 : score > 4 ? 4 : score;
			answer = xmlNewChild(node, root->ns, (const xmlChar *)"answer", NULL);
			sample_attribute(answer, "question", framework->questions[question].id);
			snprintf(text, sizeof text, "%d", score);
			sample_attribute(answer, "score", text);
		}
		/* Everyone answers at least the first question. */
		if (xmlFirstElementChild(node) == NULL) {
			xmlNodePtr answer = xmlNewChild(node, root->ns, (const xmlChar *)"answer", NULL);

			sample_attribute(answer, "question", framework->questions[0].id);
			sample_attribute(answer, "score", "2");
		}
	}
	xmlDocDumpFormatMemoryEnc(document, &data, &length, "UTF-8", 1);
	xmlFreeDoc(document);
	name_of_file = xasprintf("%s-%s.xml", team, date);
	result = data != NULL ? outfile_write(folder, name_of_file, data, (size_t)length, diag) : -1;
	xmlFree(data);
	free(name_of_file);
	return result;
}

int
sample_write(const char *path, size_t teams, uint64_t seed, const struct framework *framework,
	     struct diag *diag)
{
	uint64_t state = seed;
	struct outfile_folder *folder = outfile_folder_open(path, diag);
	double *leans;
	int failed = 0;

	if (folder == NULL)
		return -1;
	leans = xcalloc(framework->domain_count ? framework->domain_count : 1, sizeof *leans);
	for (size_t number = 1; number <= teams && !failed && !interrupt_requested(); number++) {
		/* Spread teams over every stage, most in the middle. */
		double maturity = 1.2 + 2.6 * (sample_uniform(&state) + sample_uniform(&state)) / 2;

		for (size_t domain = 0; domain < framework->domain_count; domain++)
			leans[domain] = sample_normal(&state) * 0.45;
		failed |= sample_one(folder, framework, number, 2026, maturity, leans, &state, diag) != 0;
		if (sample_uniform(&state) < 0.33)
			failed |= sample_one(folder, framework, number, 2025, maturity - 0.5, leans,
					     &state, diag) != 0;
	}
	free(leans);
	outfile_folder_close(folder);
	return failed ? -1 : 0;
}
