/* maturity: the command line.  Options into struct options, the driver
 * does the work, its result becomes the exit status. */
#include "batch.h"
#include "diag.h"
#include "interrupt.h"
#include "link.h"
#include "options.h"
#include "xalloc.h"

#include <errno.h>
#include <getopt.h>
#include <libxml/parser.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MATURITY_DATADIR
#define MATURITY_DATADIR "/usr/local/share/maturity"
#endif

enum exit_status {
	EXIT_OK = 0,            /* every answer set accepted */
	EXIT_REJECTED = 1,      /* one or more answer sets rejected */
	EXIT_USAGE = 2,         /* bad command line or configuration */
	EXIT_OUTPUT = 3,        /* output could not be written, or a team failed to render */
	EXIT_INTERRUPTED = 130, /* stopped by SIGINT or SIGTERM */
};

/* Which commands take an option, as bits. */
enum {
	FOR_RENDER = 1 << COMMAND_RENDER,
	FOR_SCORE = 1 << COMMAND_SCORE,
	FOR_VALIDATE = 1 << COMMAND_VALIDATE,
	FOR_INDEX = 1 << COMMAND_INDEX,
	FOR_SAMPLE = 1 << COMMAND_SAMPLE,
	FOR_IMPORT = 1 << COMMAND_IMPORT,
	FOR_EXPORT = 1 << COMMAND_EXPORT,
	FOR_ALL = FOR_RENDER | FOR_SCORE | FOR_VALIDATE | FOR_INDEX | FOR_SAMPLE | FOR_IMPORT |
		  FOR_EXPORT,
};

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
};

/* The one table behind both getopt_long and --help. */
static const struct option_help {
	const char *name;
	int has_argument;
	int code;
	const char *argument;
	unsigned commands;
	const char *help;
} option_table[] = {
	{ "out", 1, 'o', "DIR", FOR_RENDER | FOR_INDEX | FOR_SAMPLE | FOR_IMPORT,
	  "where to write (render: default out; index: default the first OUT; sample and "
	  "import: required)" },
	{ "mapping", 1, OPTION_MAPPING, "FILE", FOR_RENDER | FOR_SCORE | FOR_VALIDATE | FOR_IMPORT,
	  "CSV input: source,target rows mapping column headers to question ids, profile "
	  "parameters or fields, and answer texts to scores 1-4" },
	{ "team", 1, OPTION_TEAM, "ID", FOR_IMPORT, "import link: the team id of the answer set" },
	{ "base", 1, OPTION_BASE, "URL", FOR_EXPORT,
	  "export link: the page the link opens (default: " LINK_DEFAULT_BASE ")" },
	{ "respondent", 1, OPTION_RESPONDENT, "ID", FOR_EXPORT,
	  "export link: this respondent's own answers (default: with several respondents, "
	  "each question's answer nearest the team's mean)" },
	{ "teams", 1, OPTION_TEAMS, "N", FOR_SAMPLE, "how many teams to make (1 to 1000000)" },
	{ "seed", 1, OPTION_SEED, "S", FOR_SAMPLE, "random seed; the same seed gives the same files" },
	{ "format", 1, 'f', "LIST", FOR_RENDER,
	  "comma-separated outputs: pdf, html, roadmap (default: all)" },
	{ "content", 1, 'c', "DIR", FOR_ALL,
	  "content pack folder (default: the installed crawl-walk-run pack)" },
	{ "brand", 1, 'b', "FILE", FOR_RENDER | FOR_INDEX,
	  "brand file (default: templates/brand.xml)" },
	{ "allow-brand-path", 0, OPTION_ALLOW_BRAND_PATH, NULL, FOR_RENDER | FOR_INDEX,
	  "let the brand's logo be any file, not only one in the brand file's folder" },
	{ "previous", 1, OPTION_PREVIOUS, "FILE", FOR_RENDER,
	  "compare with this earlier assessment of the same team" },
	{ "chart-png", 0, OPTION_CHART_PNG, NULL, FOR_RENDER,
	  "also write the radar chart as chart.png" },
	{ "model", 0, OPTION_MODEL, NULL, FOR_RENDER,
	  "also write the report model as report.xml" },
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
	{ "json", 0, OPTION_JSON, NULL, FOR_SCORE, "one JSON object per assessment per line" },
	{ "csv", 0, OPTION_CSV, NULL, FOR_SCORE, "CSV with a header row" },
	{ "max-input-size", 1, OPTION_MAX_INPUT_SIZE, "BYTES", FOR_RENDER | FOR_SCORE | FOR_VALIDATE,
	  "refuse answer files larger than BYTES (default: 1048576)" },
	{ "quiet", 0, 'q', NULL, FOR_ALL, "print errors only" },
	{ "help", 0, 'h', NULL, FOR_ALL, "show this help and exit" },
	{ "version", 0, 'V', NULL, FOR_ALL, "show the version and exit" },
};
enum { OPTION_COUNT = sizeof option_table / sizeof option_table[0] };

static const struct command_help {
	const char *name;
	const char *synopsis;
	const char *summary;
} command_table[] = {
	[COMMAND_RENDER] = { "render", "[options] ANSWERS...",
			     "render a report for every answer set" },
	[COMMAND_SCORE] = { "score", "[--json|--csv] [options] ANSWERS...",
			    "print scores and stages" },
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
};
enum { COMMAND_COUNT = sizeof command_table / sizeof command_table[0] };

static void
usage_options(FILE *stream, unsigned commands)
{
	for (size_t index = 0; index < OPTION_COUNT; index++) {
		const struct option_help *option = &option_table[index];
		char left[64];

		if ((option->commands & commands) == 0)
			continue;
		if (option->code < 256)
			snprintf(left, sizeof left, "-%c, --%s%s%s", option->code, option->name,
				 option->argument ? " " : "", option->argument ? option->argument : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", option->name,
				 option->argument ? " " : "", option->argument ? option->argument : "");
		fprintf(stream, "  %-28s %s\n", left, option->help);
	}
}

static void
usage(FILE *stream, int command)
{
	if (command < 0) {
		fputs("Usage: maturity COMMAND [options] ANSWERS...\n"
		      "Turn customer-success maturity assessments into reports.\n\nCommands:\n",
		      stream);
		for (int index = 0; index < COMMAND_COUNT; index++)
			fprintf(stream, "  %-10s %s\n", command_table[index].name,
				command_table[index].summary);
		fputs("\nANSWERS are answer-set files or folders (every *.xml below them); OUT are\n"
		      "folders written by render.\n"
		      "Run 'maturity COMMAND --help' for a command's options.\n\nOptions:\n",
		      stream);
		usage_options(stream, FOR_ALL);
		for (int index = 0; index < COMMAND_COUNT; index++) {
			fprintf(stream, "\nmaturity %s %s\n", command_table[index].name,
				command_table[index].synopsis);
			usage_options(stream, 1u << index);
		}
	} else {
		fprintf(stream, "Usage: maturity %s %s\n%c%s.\n\nOptions:\n",
			command_table[command].name, command_table[command].synopsis,
			command_table[command].summary[0] - 'a' + 'A',
			command_table[command].summary + 1);
		usage_options(stream, 1u << command);
	}
	fputs("\nExit status: 0 all accepted, 1 some answer sets rejected, 2 usage or\n"
	      "configuration error, 3 output could not be written, 130 interrupted.\n",
	      stream);
}

static int
usage_error(int command, const char *format, const char *detail)
{
	fputs("maturity: error: ", stderr);
	fprintf(stderr, format, detail);
	fprintf(stderr, "\nTry 'maturity %s%s--help'.\n",
		command >= 0 ? command_table[command].name : "", command >= 0 ? " " : "");
	return EXIT_USAGE;
}

/* Parses "pdf,html,roadmap" into FORMAT_* bits; 0 when a name is unknown. */
static unsigned
parse_formats(const char *list)
{
	unsigned formats = 0;
	char *copy = xstrdup(list), *state = NULL;

	for (char *word = strtok_r(copy, ",", &state); word != NULL;
	     word = strtok_r(NULL, ",", &state)) {
		if (strcmp(word, "pdf") == 0)
			formats |= FORMAT_PDF;
		else if (strcmp(word, "html") == 0)
			formats |= FORMAT_HTML;
		else if (strcmp(word, "roadmap") == 0)
			formats |= FORMAT_ROADMAP;
		else {
			formats = 0;
			break;
		}
	}
	free(copy);
	return formats;
}

static int
parse_count(const char *text, long low, long high, long *value)
{
	char *end;

	errno = 0;
	*value = strtol(text, &end, 10);
	return errno == 0 && end != text && *end == '\0' && *value >= low && *value <= high;
}

/* The folder holding content/, templates/ and fonts/: above the binary in
 * a build tree (build/maturity, build/asan/maturity), PREFIX/share/maturity
 * for an installed PREFIX/bin/maturity, else the folder set at build time. */
static char *
find_data_folder(void)
{
	static const char *const candidates[] = { "..", "../..", "../share/maturity" };
	char executable[PATH_MAX];
	ssize_t length = readlink("/proc/self/exe", executable, sizeof executable - 1);
	char *slash;

	if (length > 0) {
		executable[length] = '\0';
		slash = strrchr(executable, '/');
		if (slash != NULL) {
			*slash = '\0';
			for (size_t index = 0; index < 3; index++) {
				char *marker = xasprintf("%s/%s/content/schema/answers.rng", executable,
							 candidates[index]);
				struct stat status;
				int found = stat(marker, &status) == 0;

				free(marker);
				if (found)
					return xasprintf("%s/%s", executable, candidates[index]);
			}
		}
	}
	return xstrdup(MATURITY_DATADIR);
}

int
main(int argc, char **argv)
{
	struct option long_options[OPTION_COUNT + 1];
	struct options options = {
		.out_folder = "out",
		.formats = FORMAT_ALL,
		.summary = SUMMARY_TABLE,
		.max_input_bytes = 1024 * 1024,
	};
	char short_options[3 * OPTION_COUNT + 2] = "";
	char *data_folder, *content_folder = NULL, *brand_path = NULL;
	int command = -1;
	struct diag diag;
	enum batch_result result;
	long number;
	int code;

	/* Ctrl-C and kill are noted from the start, before any input is read,
	 * even when started with SIGINT ignored. */
	if (interrupt_install() != 0) {
		fprintf(stderr, "maturity: error: cannot handle signals: %s\n", strerror(errno));
		return EXIT_OUTPUT;
	}

	/* Build getopt's tables from the one option table. */
	for (size_t index = 0; index < OPTION_COUNT; index++) {
		long_options[index] = (struct option){ option_table[index].name,
						       option_table[index].has_argument, NULL,
						       option_table[index].code };
		if (option_table[index].code < 256) {
			size_t end = strlen(short_options);

			short_options[end++] = (char)option_table[index].code;
			if (option_table[index].has_argument)
				short_options[end++] = ':';
			short_options[end] = '\0';
		}
	}
	long_options[OPTION_COUNT] = (struct option){ 0 };

	/* The command comes first; --help and --version may stand alone. */
	if (argc < 2) {
		usage(stderr, -1);
		return EXIT_USAGE;
	}
	for (int index = 0; index < COMMAND_COUNT; index++)
		if (strcmp(argv[1], command_table[index].name) == 0)
			command = index;
	if (command < 0) {
		if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
			usage(stdout, -1);
			return EXIT_OK;
		}
		if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
			printf("maturity %s\n", MATURITY_VERSION);
			return EXIT_OK;
		}
		return usage_error(-1, "unknown command \"%s\"", argv[1]);
	}
	options.command = (enum options_command)command;

	opterr = 0;
	optind = 2;
	while ((code = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
		unsigned allowed = 0;

		for (size_t index = 0; index < OPTION_COUNT; index++)
			if (option_table[index].code == code)
				allowed = option_table[index].commands & (1u << command);
		if (code != '?' && code != ':' && !allowed) {
			for (size_t index = 0; index < OPTION_COUNT; index++)
				if (option_table[index].code == code)
					return usage_error(command, "option --%s does not apply here",
							   option_table[index].name);
		}
		switch (code) {
		case 'o':
			options.out_folder = optarg;
			options.out_given = 1;
			break;
		case 'f':
			options.formats = parse_formats(optarg);
			if (options.formats == 0)
				return usage_error(command,
						   "--format takes pdf, html and roadmap, not \"%s\"",
						   optarg);
			break;
		case 'c':
			options.content_folder = optarg;
			options.content_given = 1;
			break;
		case 'b':
			options.brand_path = optarg;
			break;
		case OPTION_ALLOW_BRAND_PATH:
			options.allow_brand_path = 1;
			break;
		case 'j':
			if (!parse_count(optarg, 1, 256, &options.jobs))
				return usage_error(command, "--jobs takes a number from 1 to 256, not \"%s\"",
						   optarg);
			break;
		case 'q':
			options.quiet = 1;
			break;
		case OPTION_JSON:
			options.summary = SUMMARY_JSON;
			break;
		case OPTION_CSV:
			options.summary = SUMMARY_CSV;
			break;
		case OPTION_PREVIOUS:
			options.previous_path = optarg;
			break;
		case OPTION_MAPPING:
			options.mapping_path = optarg;
			break;
		case OPTION_TEAM:
			options.team = optarg;
			break;
		case OPTION_BASE:
			if (!link_base_is_valid(optarg))
				return usage_error(command,
						   "--base takes an absolute http or https URL, not \"%s\"",
						   optarg);
			options.link_base = optarg;
			break;
		case OPTION_RESPONDENT:
			options.respondent = optarg;
			break;
		case OPTION_TEAMS:
			if (!parse_count(optarg, 1, 1000000, &options.sample_teams))
				return usage_error(command, "--teams takes 1 to 1000000, not \"%s\"", optarg);
			break;
		case OPTION_SEED:
			if (!parse_count(optarg, 0, LONG_MAX, &number))
				return usage_error(command, "--seed takes a whole number, not \"%s\"", optarg);
			options.seed = (unsigned long long)number;
			break;
		case OPTION_BENCHMARK:
			options.benchmark = 1;
			break;
		case OPTION_CHART_PNG:
			options.chart_png = 1;
			break;
		case OPTION_DOCUMENT:
			options.write_document = 1;
			break;
		case OPTION_MESSAGES:
			options.messages_path = optarg;
			break;
		case OPTION_SECTIONS:
			options.sections_path = optarg;
			break;
		case OPTION_MODEL:
			options.write_model = 1;
			break;
		case OPTION_SHARD: {
			unsigned index = 0, count = 0;
			char extra;

			if (sscanf(optarg, "%u/%u%c", &index, &count, &extra) != 2 || count < 1 ||
			    count > 10000 || index < 1 || index > count)
				return usage_error(command, "--shard takes K/N with 1 <= K <= N, not \"%s\"",
						   optarg);
			options.shard_index = index;
			options.shard_count = count;
			break;
		}
		case OPTION_MAX_INPUT_SIZE:
			if (!parse_count(optarg, 1024, 256L * 1024 * 1024, &number))
				return usage_error(command,
						   "--max-input-size takes 1024 to 268435456 bytes, not \"%s\"",
						   optarg);
			options.max_input_bytes = (size_t)number;
			break;
		case 'h':
			usage(stdout, command);
			return EXIT_OK;
		case 'V':
			printf("maturity %s\n", MATURITY_VERSION);
			return EXIT_OK;
		default:
			return usage_error(command, "unknown option or missing argument \"%s\"",
					   argv[optind - 1]);
		}
	}
	options.inputs = argv + optind;
	options.input_count = (size_t)(argc - optind);
	/* import and export name what they convert first: csv or link. */
	if (options.command == COMMAND_IMPORT || options.command == COMMAND_EXPORT) {
		const char *kind = options.input_count > 0 ? options.inputs[0] : "";

		if (!(strcmp(kind, "link") == 0 ||
		      (options.command == COMMAND_IMPORT && strcmp(kind, "csv") == 0)))
			return usage_error(command, "say what to convert: %s",
					   options.command == COMMAND_IMPORT ? "csv or link" : "link");
		if (options.input_count < 2)
			return usage_error(command, "%s", "nothing to convert named");
		if (options.command == COMMAND_IMPORT && !options.out_given)
			return usage_error(command, "%s", "import needs -o DIR");
		if (options.command == COMMAND_IMPORT && strcmp(kind, "link") == 0 &&
		    options.team == NULL)
			return usage_error(command, "%s", "import link needs --team ID");
	}
	if (options.link_base == NULL)
		options.link_base = LINK_DEFAULT_BASE;
	if (options.command == COMMAND_SAMPLE && (options.sample_teams == 0 || !options.out_given))
		return usage_error(command, "%s", "sample needs --teams N and -o DIR");
	if (options.command == COMMAND_SAMPLE && options.input_count > 0)
		return usage_error(command, "sample takes no ANSWERS, not \"%s\"", options.inputs[0]);
	if (options.input_count == 0 && options.command != COMMAND_SAMPLE &&
	    !(options.command == COMMAND_VALIDATE && options.content_given))
		return usage_error(command, "%s",
				   command == COMMAND_INDEX ? "no output folders named"
							    : "no answer sets named (files or folders)");

	/* Resources default to the data folder. */
	data_folder = find_data_folder();
	options.data_folder = data_folder;
	if (options.content_folder == NULL)
		options.content_folder = content_folder =
			xasprintf("%s/content/crawl-walk-run", data_folder);
	if (options.brand_path == NULL)
		options.brand_path = brand_path = xasprintf("%s/templates/brand.xml", data_folder);

	/* Past a file-size limit, writes fail with EFBIG and are reported like
	 * a full disk, rather than the signal ending the process. */
	signal(SIGXFSZ, SIG_IGN);
	xmlInitParser();
	diag_init(&diag, stderr);
	result = batch_run(&options, &diag);
	xmlCleanupParser();
	free(data_folder);
	free(content_folder);
	free(brand_path);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "maturity: error: cannot write standard output\n");
		return EXIT_OUTPUT;
	}
	if (interrupt_requested())
		return EXIT_INTERRUPTED;
	switch (result) {
	case BATCH_OK:
		return EXIT_OK;
	case BATCH_REJECTED:
		return EXIT_REJECTED;
	case BATCH_CONFIGURATION:
		return EXIT_USAGE;
	case BATCH_FAILED:
		return EXIT_OUTPUT;
	case BATCH_INTERRUPTED:
		return EXIT_INTERRUPTED;
	}
	return EXIT_OUTPUT;
}
