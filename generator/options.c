/* The command line into struct options, and each command's help, from one
 * table; see options.h. */
#include "options.h"

#include "link.h"
#include "reassess.h"
#include "xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Which commands a row of the table is for, as bits. */
enum {
	FOR_RENDER = 1 << COMMAND_RENDER,
	FOR_SCORE = 1 << COMMAND_SCORE,
	FOR_VALIDATE = 1 << COMMAND_VALIDATE,
	FOR_INDEX = 1 << COMMAND_INDEX,
	FOR_SAMPLE = 1 << COMMAND_SAMPLE,
	FOR_IMPORT = 1 << COMMAND_IMPORT,
	FOR_EXPORT = 1 << COMMAND_EXPORT,
	FOR_CHECK = 1 << COMMAND_CHECK,
	FOR_ALL = FOR_RENDER | FOR_SCORE | FOR_VALIDATE | FOR_INDEX | FOR_SAMPLE | FOR_IMPORT |
		  FOR_EXPORT | FOR_CHECK,
};

/* Options without a short form, numbered past every character. */
enum {
	OPTION_JSON = 256,
	OPTION_CSV,
	OPTION_PREVIOUS,
	OPTION_CHART_PNG,
	OPTION_MODEL,
	OPTION_MAX_INPUT_SIZE,
	OPTION_SHARD,
	OPTION_BENCHMARK,
	OPTION_TEAMS,
	OPTION_SEED,
	OPTION_MAPPING,
	OPTION_TEAM,
	OPTION_BASE,
	OPTION_DOCUMENT,
	OPTION_MESSAGES,
	OPTION_SECTIONS,
	OPTION_RESPONDENT,
	OPTION_ALLOW_BRAND_PATH,
	OPTION_TARGETS,
	OPTION_TARGET_STAGE,
	OPTION_REASSESS_DAYS,
	OPTION_CHECK,
	OPTION_MIN_STAGE,
	OPTION_MIN_OVERALL,
	OPTION_MIN_DOMAIN,
	OPTION_MAX_DROP,
	OPTION_BASELINE,
	OPTION_JUNIT,
};

/* The one table behind getopt_long and every --help: one row per option
 * and group of commands for which it means the same, in the words of
 * those commands. */
static const struct options_row {
	const char *name;
	int has_argument;
	int code;
	const char *argument;
	unsigned commands;
	const char *help;
} options_table[] = {
	{ "out", 1, 'o', "DIR", FOR_RENDER,
	  "write each team's outputs into DIR/TEAM/ and the portfolio into DIR (default: out)" },
	{ "out", 1, 'o', "DIR", FOR_INDEX,
	  "write index.html, summary.csv and summary.json into DIR (default: the first OUT)" },
	{ "out", 1, 'o', "DIR", FOR_SAMPLE | FOR_IMPORT,
	  "write the answer sets into DIR, as TEAM-DATE.xml (required)" },
	{ "format", 1, 'f', "LIST", FOR_RENDER,
	  "comma-separated outputs: pdf, html, roadmap, index (default: all; html brings index)" },
	{ "content", 1, 'c', "DIR", FOR_RENDER | FOR_SCORE | FOR_CHECK,
	  "content pack to score with (default: the installed crawl-walk-run pack)" },
	{ "content", 1, 'c', "DIR", FOR_VALIDATE,
	  "content pack to check against (default: the installed crawl-walk-run pack); "
	  "with no ANSWERS, the pack itself is checked" },
	{ "content", 1, 'c', "DIR", FOR_INDEX,
	  "content pack the teams were scored with (default: the installed crawl-walk-run pack)" },
	{ "content", 1, 'c', "DIR", FOR_SAMPLE,
	  "content pack whose questions and profile the teams answer (default: crawl-walk-run)" },
	{ "content", 1, 'c', "DIR", FOR_IMPORT,
	  "content pack whose questions the CSV's columns or the link's answers name "
	  "(default: crawl-walk-run)" },
	{ "content", 1, 'c', "DIR", FOR_EXPORT,
	  "content pack the answer set is read with (default: crawl-walk-run)" },
	{ "brand", 1, 'b', "FILE", FOR_RENDER,
	  "brand of the reports and the portfolio page (default: templates/brand.xml)" },
	{ "brand", 1, 'b', "FILE", FOR_INDEX,
	  "brand of the portfolio page (default: templates/brand.xml)" },
	{ "allow-brand-path", 0, OPTION_ALLOW_BRAND_PATH, NULL, FOR_RENDER | FOR_INDEX,
	  "let the brand's logo be any file, not only one in the brand file's folder" },
	{ "previous", 1, OPTION_PREVIOUS, "FILE", FOR_RENDER,
	  "compare with this earlier assessment of the same team" },
	{ "targets", 1, OPTION_TARGETS, "FILE", FOR_RENDER,
	  "the portfolio's score targets by domain (an answer set's own win over them)" },
	{ "targets", 1, OPTION_TARGETS, "FILE", FOR_VALIDATE, "also check this targets file" },
	{ "target-stage", 1, OPTION_TARGET_STAGE, "STAGE", FOR_RENDER,
	  "aim every domain without a target at that stage's threshold" },
	{ "target-stage", 1, OPTION_TARGET_STAGE, "STAGE", FOR_VALIDATE,
	  "also check that STAGE is a stage of the content pack" },
	{ "chart-png", 0, OPTION_CHART_PNG, NULL, FOR_RENDER,
	  "also write the radar chart as chart.png, and the trend as trend.png" },
	{ "model", 0, OPTION_MODEL, NULL, FOR_RENDER, "also write the report model as report.xml" },
	{ "document", 0, OPTION_DOCUMENT, NULL, FOR_RENDER,
	  "also write document.xml, the document both reports are set from" },
	{ "messages", 1, OPTION_MESSAGES, "FILE", FOR_RENDER,
	  "override the report's words with this catalogue (a translation)" },
	{ "sections", 1, OPTION_SECTIONS, "FILE", FOR_RENDER,
	  "the report's sections in order (default: templates/sections.xml)" },
	{ "jobs", 1, 'j', "N", FOR_RENDER, "render with N processes (default: one per CPU)" },
	{ "shard", 1, OPTION_SHARD, "K/N", FOR_RENDER,
	  "render only the teams of shard K of N (by a hash of the team id)" },
	{ "benchmark", 0, OPTION_BENCHMARK, NULL, FOR_RENDER,
	  "compare each team with the portfolio's median and percentiles" },
	{ "reassess-days", 1, OPTION_REASSESS_DAYS, "N", FOR_RENDER,
	  "date reassess.ics, the reminder to assess again, N days after the assessment "
	  "(default: 90; 0: no reminder)" },
	{ "check", 0, OPTION_CHECK, NULL, FOR_RENDER,
	  "after rendering, apply the rules below to every team; a breach exits 4" },
	{ "min-stage", 1, OPTION_MIN_STAGE, "STAGE", FOR_CHECK,
	  "a team below STAGE (an id or name of the pack's stages) breaches" },
	{ "min-stage", 1, OPTION_MIN_STAGE, "STAGE", FOR_RENDER,
	  "with --check, a team below STAGE breaches" },
	{ "min-overall", 1, OPTION_MIN_OVERALL, "SCORE", FOR_CHECK,
	  "a team whose overall score is below SCORE (1 to 4) breaches" },
	{ "min-overall", 1, OPTION_MIN_OVERALL, "SCORE", FOR_RENDER,
	  "with --check, a team whose overall score is below SCORE breaches" },
	{ "min-domain", 1, OPTION_MIN_DOMAIN, "ID=SCORE", FOR_CHECK,
	  "a team whose score in domain ID is below SCORE, or not assessed, "
	  "breaches; give it once per domain" },
	{ "min-domain", 1, OPTION_MIN_DOMAIN, "ID=SCORE", FOR_RENDER,
	  "with --check, a team whose score in domain ID is below SCORE breaches" },
	{ "max-drop", 1, OPTION_MAX_DROP, "POINTS", FOR_CHECK,
	  "a team whose overall score fell by more than POINTS since its previous assessment "
	  "(or the baseline) breaches" },
	{ "max-drop", 1, OPTION_MAX_DROP, "POINTS", FOR_RENDER,
	  "with --check, a team whose overall score fell by more than POINTS breaches" },
	{ "baseline", 1, OPTION_BASELINE, "FILE", FOR_CHECK | FOR_RENDER,
	  "compare with a portfolio rendered earlier (its summary.json): a team that fell "
	  "back a stage breaches, new and missing teams are listed" },
	{ "junit", 1, OPTION_JUNIT, "FILE", FOR_CHECK | FOR_RENDER,
	  "also write the rules' results as a JUnit XML report, for CI" },
	{ "json", 0, OPTION_JSON, NULL, FOR_SCORE, "one JSON object per assessment per line" },
	{ "csv", 0, OPTION_CSV, NULL, FOR_SCORE, "CSV with a header row" },
	{ "mapping", 1, OPTION_MAPPING, "FILE",
	  FOR_RENDER | FOR_SCORE | FOR_VALIDATE | FOR_IMPORT | FOR_CHECK,
	  "for survey CSV: source,target rows mapping column headers to question ids, profile "
	  "parameters or fields, and answer texts to scores 1-4" },
	{ "max-input-size", 1, OPTION_MAX_INPUT_SIZE, "BYTES",
	  FOR_RENDER | FOR_SCORE | FOR_VALIDATE | FOR_CHECK,
	  "refuse answer files larger than BYTES (default: 1048576)" },
	{ "team", 1, OPTION_TEAM, "ID", FOR_IMPORT,
	  "the team id of the answer set a link becomes (required for import link)" },
	{ "base", 1, OPTION_BASE, "URL", FOR_EXPORT,
	  "the page the link opens, an absolute http or https URL (default: " LINK_DEFAULT_BASE
	  ")" },
	{ "respondent", 1, OPTION_RESPONDENT, "ID", FOR_EXPORT,
	  "this respondent's own answers (default: with several respondents, each question's "
	  "answer nearest the team's mean)" },
	{ "teams", 1, OPTION_TEAMS, "N", FOR_SAMPLE, "how many teams to make, 1 to 1000000 (required)" },
	{ "seed", 1, OPTION_SEED, "S", FOR_SAMPLE,
	  "random seed (default: 0); the same seed on the same day writes the same files" },
	{ "quiet", 0, 'q', NULL, FOR_RENDER, "no progress bar and no closing line; problems only" },
	{ "quiet", 0, 'q', NULL, FOR_VALIDATE, "no count of valid and rejected sets; problems only" },
	{ "quiet", 0, 'q', NULL, FOR_INDEX | FOR_SAMPLE | FOR_IMPORT,
	  "no line saying what was written; problems only" },
	{ "quiet", 0, 'q', NULL, FOR_SCORE,
	  "nothing to silence: score prints its listing and problems only" },
	{ "quiet", 0, 'q', NULL, FOR_CHECK,
	  "no closing line counting the rules held; breaches and problems only" },
	{ "quiet", 0, 'q', NULL, FOR_EXPORT,
	  "nothing to silence: export prints its links and problems only" },
	{ "help", 0, 'h', NULL, FOR_ALL, "show this help and exit" },
	{ "version", 0, 'V', NULL, FOR_ALL, "show the version and exit" },
};
enum { OPTIONS_ROWS = sizeof options_table / sizeof options_table[0] };

static const struct options_command_help {
	const char *name;
	const char *synopsis;
	const char *summary;
} options_commands[] = {
	[COMMAND_RENDER] = { "render", "[options] ANSWERS...",
			     "render a report for every team, and the portfolio" },
	[COMMAND_SCORE] = { "score", "[--json|--csv] [options] ANSWERS...",
			    "print each assessment's scores and stage" },
	[COMMAND_VALIDATE] = { "validate", "[options] [ANSWERS...]",
			       "check answer sets, or with --content only, a content pack" },
	[COMMAND_INDEX] = { "index", "[-o DIR] [options] OUT...",
			    "write the portfolio page over rendered output folders" },
	[COMMAND_SAMPLE] = { "sample", "--teams N [--seed S] -o DIR",
			     "write synthetic answer sets, for trying the tool and benchmarks" },
	[COMMAND_IMPORT] = { "import", "csv FILE.csv... -o DIR | link URL --team ID -o DIR",
			     "convert a survey CSV or a share link into answer sets" },
	[COMMAND_EXPORT] = { "export", "link FILE.xml [--base URL] [--respondent ID]",
			     "print the share link of an answer set" },
	[COMMAND_CHECK] = { "check", "[rules] [--baseline FILE] [--junit FILE] ANSWERS...",
			    "check every team against rules, for CI: a breach exits 4" },
};
enum { OPTIONS_COMMANDS = sizeof options_commands / sizeof options_commands[0] };

static const char options_exit_status[] =
	"\nExit status: 0 all accepted, 1 some answer sets rejected, 2 usage or\n"
	"configuration error, 3 output could not be written, 4 a rule of check or\n"
	"render --check breached, 130 interrupted.\n";

enum { OPTIONS_HELP_WIDTH = 79, OPTIONS_HELP_LEFT = 30 };

/* Writes text from column OPTIONS_HELP_LEFT, wrapped at word boundaries
 * before OPTIONS_HELP_WIDTH, each further line indented as the first. */
static void
options_help_text(FILE *stream, const char *text)
{
	int column = OPTIONS_HELP_LEFT;

	while (*text != '\0') {
		size_t word = strcspn(text, " ");

		if (column > OPTIONS_HELP_LEFT && column + 1 + (int)word > OPTIONS_HELP_WIDTH) {
			fprintf(stream, "\n%*s", OPTIONS_HELP_LEFT, "");
			column = OPTIONS_HELP_LEFT;
		} else if (column > OPTIONS_HELP_LEFT) {
			fputc(' ', stream);
			column++;
		}
		fwrite(text, 1, word, stream);
		column += (int)word;
		text += word;
		text += strspn(text, " ");
	}
	fputc('\n', stream);
}

/* The rows for command (a COMMAND_*), or for -1 those of every command. */
static void
options_help_rows(FILE *stream, int command)
{
	for (size_t index = 0; index < OPTIONS_ROWS; index++) {
		const struct options_row *row = &options_table[index];
		char left[64];

		if (command >= 0 ? !(row->commands & (1u << command)) : row->commands != FOR_ALL)
			continue;
		if (row->code < 256)
			snprintf(left, sizeof left, "-%c, --%s%s%s", row->code, row->name,
				 row->argument ? " " : "", row->argument ? row->argument : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", row->name, row->argument ? " " : "",
				 row->argument ? row->argument : "");
		fprintf(stream, "  %-*s ", OPTIONS_HELP_LEFT - 3, left);
		options_help_text(stream, row->help);
	}
}

void
options_help(FILE *stream, int command)
{
	if (command < 0) {
		fputs("Usage: maturity COMMAND [options] ...\n"
		      "Turn customer-success maturity assessments into reports.\n\nCommands:\n",
		      stream);
		for (int index = 0; index < OPTIONS_COMMANDS; index++)
			fprintf(stream, "  %-9s %s\n", options_commands[index].name,
				options_commands[index].summary);
		fputs("\nANSWERS are answer-set files (XML, or a survey CSV) or folders (every *.xml\n"
		      "below them); OUT are folders written by render.  Run 'maturity COMMAND\n"
		      "--help' for a command's options.\n\nOptions:\n",
		      stream);
	} else {
		const struct options_command_help *entry = &options_commands[command];

		fprintf(stream, "Usage: maturity %s %s\n%c%s.\n\nOptions:\n", entry->name,
			entry->synopsis, entry->summary[0] - 'a' + 'A', entry->summary + 1);
	}
	options_help_rows(stream, command);
	fputs(options_exit_status, stream);
}

/* Says what is wrong with the command line, and where to read more. */
__attribute__((format(printf, 2, 3))) static enum options_outcome
options_usage_error(int command, const char *format, ...)
{
	va_list arguments;

	fputs("maturity: error: ", stderr);
	va_start(arguments, format);
	vfprintf(stderr, format, arguments);
	va_end(arguments);
	fprintf(stderr, "\nTry 'maturity %s%s--help'.\n",
		command >= 0 ? options_commands[command].name : "", command >= 0 ? " " : "");
	return OPTIONS_USAGE;
}

/* Parses "pdf,html,roadmap,index" into FORMAT_* bits (html brings the
 * portfolio page with it, as index alone does); 0 when a name is unknown. */
static unsigned
options_formats(const char *list)
{
	unsigned formats = 0;
	char *copy = xstrdup(list), *state = NULL;

	for (char *word = strtok_r(copy, ",", &state); word != NULL;
	     word = strtok_r(NULL, ",", &state)) {
		if (strcmp(word, "pdf") == 0)
			formats |= FORMAT_PDF;
		else if (strcmp(word, "html") == 0)
			formats |= FORMAT_HTML | FORMAT_INDEX;
		else if (strcmp(word, "roadmap") == 0)
			formats |= FORMAT_ROADMAP;
		else if (strcmp(word, "index") == 0)
			formats |= FORMAT_INDEX;
		else {
			formats = 0;
			break;
		}
	}
	free(copy);
	return formats;
}

/* A whole number from low to high; true when text is one. */
static int
options_count(const char *text, long low, long high, long *value)
{
	char *end;

	errno = 0;
	*value = strtol(text, &end, 10);
	return errno == 0 && end != text && *end == '\0' && *value >= low && *value <= high;
}

/* "K/N" with 1 <= K <= N <= 10000; true when text is one. */
static int
options_shard(const char *text, unsigned *index, unsigned *count)
{
	char extra;

	return sscanf(text, "%u/%u%c", index, count, &extra) == 2 && *count >= 1 &&
	       *count <= 10000 && *index >= 1 && *index <= *count;
}

/* An option that takes a number: stores it, or says what it takes. */
static enum options_outcome
options_number(struct options *options, int command, int code, const char *text)
{
	long number = 0;

	switch (code) {
	case 'j':
		if (!options_count(text, 1, 256, &options->jobs))
			return options_usage_error(command,
						   "--jobs takes a number from 1 to 256, not \"%s\"", text);
		break;
	case OPTION_TEAMS:
		if (!options_count(text, 1, 1000000, &options->sample_teams))
			return options_usage_error(command, "--teams takes 1 to 1000000, not \"%s\"", text);
		break;
	case OPTION_SEED:
		if (!options_count(text, 0, LONG_MAX, &number))
			return options_usage_error(command, "--seed takes a whole number, not \"%s\"", text);
		options->seed = (unsigned long long)number;
		break;
	case OPTION_SHARD:
		if (!options_shard(text, &options->shard_index, &options->shard_count))
			return options_usage_error(command,
						   "--shard takes K/N with 1 <= K <= N, not \"%s\"", text);
		break;
	case OPTION_REASSESS_DAYS:
		if (!options_count(text, 0, REASSESS_MAX_DAYS, &options->reassess_days))
			return options_usage_error(
				command, "--reassess-days takes a number of days from 0 to %d, not \"%s\"",
				REASSESS_MAX_DAYS, text);
		break;
	case OPTION_MAX_INPUT_SIZE:
		if (!options_count(text, 1024, 256L * 1024 * 1024, &number))
			return options_usage_error(
				command, "--max-input-size takes 1024 to 268435456 bytes, not \"%s\"",
				text);
		options->max_input_bytes = (size_t)number;
		break;
	}
	return OPTIONS_RUN;
}

/* Stores one option that the command accepts.  Returns OPTIONS_RUN, or
 * what ends the run (help or version shown, or a usage error). */
static enum options_outcome
options_apply(struct options *options, int command, int code, const char *text)
{
	switch (code) {
	case 'o':
		options->out_folder = text;
		options->out_given = 1;
		break;
	case 'f':
		options->formats = options_formats(text);
		if (options->formats == 0)
			return options_usage_error(command,
						   "--format takes pdf, html, roadmap and index, not \"%s\"",
						   text);
		break;
	case 'c':
		options->content_folder = text;
		options->content_given = 1;
		break;
	case OPTION_BASE:
		if (!link_base_is_valid(text))
			return options_usage_error(
				command, "--base takes an absolute http or https URL, not \"%s\"", text);
		options->link_base = text;
		break;
	case 'b': options->brand_path = text; break;
	case 'q': options->quiet = 1; break;
	case OPTION_ALLOW_BRAND_PATH: options->allow_brand_path = 1; break;
	case OPTION_JSON: options->summary = SUMMARY_JSON; break;
	case OPTION_CSV: options->summary = SUMMARY_CSV; break;
	case OPTION_PREVIOUS: options->previous_path = text; break;
	case OPTION_TARGETS: options->targets_path = text; break;
	case OPTION_TARGET_STAGE: options->target_stage = text; break;
	case OPTION_MAPPING: options->mapping_path = text; break;
	case OPTION_TEAM: options->team = text; break;
	case OPTION_RESPONDENT: options->respondent = text; break;
	case OPTION_BENCHMARK: options->benchmark = 1; break;
	case OPTION_CHART_PNG: options->chart_png = 1; break;
	case OPTION_DOCUMENT: options->write_document = 1; break;
	case OPTION_MESSAGES: options->messages_path = text; break;
	case OPTION_SECTIONS: options->sections_path = text; break;
	case OPTION_MODEL: options->write_model = 1; break;
	case OPTION_CHECK: options->check = 1; break;
	case OPTION_MIN_STAGE: options->min_stage = text; break;
	case OPTION_MIN_OVERALL: options->min_overall = text; break;
	case OPTION_MAX_DROP: options->max_drop = text; break;
	case OPTION_BASELINE: options->baseline_path = text; break;
	case OPTION_JUNIT: options->junit_path = text; break;
	case OPTION_MIN_DOMAIN:
		if (options->min_domain_count == OPTIONS_MAX_DOMAIN_RULES)
			return options_usage_error(command, "--min-domain is given more than %d times",
						   OPTIONS_MAX_DOMAIN_RULES);
		options->min_domains[options->min_domain_count++] = text;
		break;
	case 'h':
		options_help(stdout, command);
		return OPTIONS_DONE;
	case 'V':
		printf("maturity %s\n", MATURITY_VERSION);
		return OPTIONS_DONE;
	default:
		return options_number(options, command, code, text);
	}
	return OPTIONS_RUN;
}

/* getopt_long's tables, from the option table: each option once. */
static void
options_getopt_tables(struct option *long_options, char *short_options)
{
	size_t count = 0, end = 0;

	for (size_t index = 0; index < OPTIONS_ROWS; index++) {
		const struct options_row *row = &options_table[index];
		int seen = 0;

		for (size_t before = 0; before < count; before++)
			seen |= long_options[before].val == row->code;
		if (seen)
			continue;
		long_options[count++] = (struct option){ row->name, row->has_argument, NULL, row->code };
		if (row->code < 256) {
			short_options[end++] = (char)row->code;
			if (row->has_argument)
				short_options[end++] = ':';
		}
	}
	long_options[count] = (struct option){ 0 };
	short_options[end] = '\0';
}

/* Whether command accepts the option with code, and its long name. */
static int
options_accepts(int command, int code, const char **name)
{
	int accepted = 0;

	*name = NULL;
	for (size_t index = 0; index < OPTIONS_ROWS; index++) {
		if (options_table[index].code != code)
			continue;
		*name = options_table[index].name;
		accepted |= (options_table[index].commands & (1u << command)) != 0;
	}
	return accepted;
}

/* What the commands need besides their options: what to convert, an
 * output folder, inputs. */
static enum options_outcome
options_check(const struct options *options, int command)
{
	if (command == COMMAND_IMPORT || command == COMMAND_EXPORT) {
		const char *kind = options->input_count > 0 ? options->inputs[0] : "";

		if (!(strcmp(kind, "link") == 0 ||
		      (command == COMMAND_IMPORT && strcmp(kind, "csv") == 0)))
			return options_usage_error(command, "say what to convert: %s",
						   command == COMMAND_IMPORT ? "csv or link" : "link");
		if (options->input_count < 2)
			return options_usage_error(command, "nothing to convert named");
		if (command == COMMAND_IMPORT && !options->out_given)
			return options_usage_error(command, "import needs -o DIR");
		if (command == COMMAND_IMPORT && strcmp(kind, "link") == 0 && options->team == NULL)
			return options_usage_error(command, "import link needs --team ID");
	}
	if (command == COMMAND_RENDER && !options->check &&
	    (options->min_stage != NULL || options->min_overall != NULL ||
	     options->max_drop != NULL || options->min_domain_count > 0 ||
	     options->baseline_path != NULL || options->junit_path != NULL))
		return options_usage_error(command, "the rules, --baseline and --junit go with --check");
	if ((command == COMMAND_CHECK || (command == COMMAND_RENDER && options->check)) &&
	    options->min_stage == NULL && options->min_overall == NULL &&
	    options->max_drop == NULL && options->min_domain_count == 0 &&
	    options->baseline_path == NULL)
		return options_usage_error(command, "say what to check: --min-stage, --min-overall, "
					   "--min-domain, --max-drop or --baseline");
	if (command == COMMAND_SAMPLE && (options->sample_teams == 0 || !options->out_given))
		return options_usage_error(command, "sample needs --teams N and -o DIR");
	if (command == COMMAND_SAMPLE && options->input_count > 0)
		return options_usage_error(command, "sample takes no ANSWERS, not \"%s\"",
					   options->inputs[0]);
	if (options->input_count == 0 && command != COMMAND_SAMPLE &&
	    !(command == COMMAND_VALIDATE && options->content_given))
		return options_usage_error(command, "%s",
					   command == COMMAND_INDEX
						   ? "no output folders named"
						   : "no answer sets named (files or folders)");
	return OPTIONS_RUN;
}

/* The folder holding content/, templates/ and fonts/: above the binary in
 * a build tree (build/maturity, build/asan/maturity), PREFIX/share/maturity
 * for an installed PREFIX/bin/maturity, else the folder set at build time. */
static char *
options_data_folder(void)
{
	static const char *const candidates[] = { "..", "../..", "../share/maturity" };
	char executable[PATH_MAX];
	ssize_t length = readlink("/proc/self/exe", executable, sizeof executable - 1);
	char *slash;

	if (length <= 0)
		return xstrdup(MATURITY_DATADIR);
	executable[length] = '\0';
	slash = strrchr(executable, '/');
	if (slash == NULL)
		return xstrdup(MATURITY_DATADIR);
	*slash = '\0';
	for (size_t index = 0; index < sizeof candidates / sizeof *candidates; index++) {
		char *marker = xasprintf("%s/%s/content/schema/answers.rng", executable,
					 candidates[index]);
		struct stat status;
		int found = stat(marker, &status) == 0;

		free(marker);
		if (found)
			return xasprintf("%s/%s", executable, candidates[index]);
	}
	return xstrdup(MATURITY_DATADIR);
}

/* The command named by argv[1]: its index, or -1 and what to do. */
static int
options_command_named(int argc, char **argv, enum options_outcome *outcome)
{
	*outcome = OPTIONS_RUN;
	if (argc < 2) {
		options_help(stderr, -1);
		*outcome = OPTIONS_USAGE;
		return -1;
	}
	for (int index = 0; index < OPTIONS_COMMANDS; index++)
		if (strcmp(argv[1], options_commands[index].name) == 0)
			return index;
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		options_help(stdout, -1);
		*outcome = OPTIONS_DONE;
	} else if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("maturity %s\n", MATURITY_VERSION);
		*outcome = OPTIONS_DONE;
	} else {
		*outcome = options_usage_error(-1, "unknown command \"%s\"", argv[1]);
	}
	return -1;
}

enum options_outcome
options_parse(struct options *options, int argc, char **argv)
{
	struct option long_options[OPTIONS_ROWS + 1];
	char short_options[3 * OPTIONS_ROWS + 1];
	enum options_outcome outcome;
	int command = options_command_named(argc, argv, &outcome), code;

	*options = (struct options){ .out_folder = "out", .formats = FORMAT_ALL,
				     .summary = SUMMARY_TABLE, .max_input_bytes = 1024 * 1024,
				     .link_base = LINK_DEFAULT_BASE,
				     .reassess_days = REASSESS_DEFAULT_DAYS };
	if (command < 0)
		return outcome;
	options->command = (enum options_command)command;
	options_getopt_tables(long_options, short_options);
	opterr = 0;
	optind = 2;
	while ((code = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
		const char *name;

		if (code == '?' || code == ':')
			return options_usage_error(command, "unknown option or missing argument \"%s\"",
						   argv[optind - 1]);
		if (!options_accepts(command, code, &name))
			return options_usage_error(command, "option --%s does not apply here", name);
		outcome = options_apply(options, command, code, optarg);
		if (outcome != OPTIONS_RUN)
			return outcome;
	}
	options->inputs = argv + optind;
	options->input_count = (size_t)(argc - optind);
	outcome = options_check(options, command);
	if (outcome != OPTIONS_RUN)
		return outcome;

	/* Resources default to the data folder. */
	options->data_folder = options->owned_data_folder = options_data_folder();
	if (options->content_folder == NULL)
		options->content_folder = options->owned_content_folder =
			xasprintf("%s/content/crawl-walk-run", options->data_folder);
	if (options->brand_path == NULL)
		options->brand_path = options->owned_brand_path =
			xasprintf("%s/templates/brand.xml", options->data_folder);
	return OPTIONS_RUN;
}

void
options_release(struct options *options)
{
	free(options->owned_data_folder);
	free(options->owned_content_folder);
	free(options->owned_brand_path);
}
