/* What the command line asked for: parsed here from one table that also
 * makes each command's --help, and read by the driver.  Plain data. */
#ifndef MATURITY_OPTIONS_H
#define MATURITY_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

#include "summary.h"

enum options_command {
	COMMAND_RENDER,
	COMMAND_SCORE,
	COMMAND_VALIDATE,
	COMMAND_INDEX,
	COMMAND_SAMPLE,
	COMMAND_IMPORT,
	COMMAND_EXPORT,
	COMMAND_CHECK,
};

/* Output formats of `render`, as bits. */
enum {
	FORMAT_PDF = 1 << 0,
	FORMAT_HTML = 1 << 1,
	FORMAT_ROADMAP = 1 << 2,
	FORMAT_INDEX = 1 << 3,        /* the portfolio page, index.html; html implies it */
	FORMAT_ALL = FORMAT_PDF | FORMAT_HTML | FORMAT_ROADMAP | FORMAT_INDEX,
};

enum { OPTIONS_MAX_DOMAIN_RULES = 64 };

struct options {
	enum options_command command;
	const char *data_folder;      /* holds content/, templates/, fonts/ */
	const char *out_folder;       /* -o, default "out" */
	unsigned formats;             /* -f, FORMAT_* bits */
	const char *content_folder;   /* -c, default DATA/content/crawl-walk-run */
	int content_given;            /* -c was on the command line */
	const char *brand_path;       /* -b, default DATA/templates/brand.xml */
	int allow_brand_path;         /* --allow-brand-path: a logo may be anywhere */
	const char *previous_path;    /* --previous */
	const char *targets_path;     /* --targets: the portfolio's targets file, or NULL */
	const char *target_stage;     /* --target-stage: a stage id, or NULL */
	long jobs;                    /* -j, 0 = one per CPU */
	int quiet;                    /* -q */
	int chart_png;                /* --chart-png */
	int write_model;              /* --model: also write report.xml */
	int write_document;           /* --document: also write document.xml */
	const char *messages_path;    /* --messages: the report's words overridden, or NULL */
	const char *sections_path;    /* --sections: the section list, or NULL for the default */
	int benchmark;                /* --benchmark: compare each team with the portfolio */
	int out_given;                /* -o was on the command line */
	enum summary_format summary;  /* score: --json, --csv or a table */
	size_t max_input_bytes;       /* --max-input-size */
	unsigned shard_index;         /* --shard K/N: K, 1 to N */
	unsigned shard_count;         /* N, 0 when not sharding */
	const char *mapping_path;     /* import csv, render, score, validate: --mapping */
	const char *team;             /* import link: --team */
	const char *link_base;        /* export link: --base */
	const char *respondent;       /* export link: --respondent, NULL for the team's answers */
	long sample_teams;            /* sample: --teams N */
	unsigned long long seed;      /* sample: --seed S */
	long reassess_days;           /* render: --reassess-days, 0 for no reassess.ics */
	/* check, and render with --check: the rules as given, parsed against
	 * the content pack by the command (gates.h). */
	int check;                    /* render: --check */
	const char *min_stage;        /* --min-stage, or NULL */
	const char *min_overall;      /* --min-overall, or NULL */
	const char *max_drop;         /* --max-drop, or NULL */
	const char *min_domains[OPTIONS_MAX_DOMAIN_RULES]; /* each --min-domain */
	size_t min_domain_count;
	const char *baseline_path;    /* --baseline: an earlier portfolio's summary.json */
	const char *junit_path;       /* --junit: where the JUnit report goes */
	char *const *inputs;          /* ANSWERS: files and folders */
	size_t input_count;
	char *owned_data_folder;      /* what options_release frees */
	char *owned_content_folder;
	char *owned_brand_path;
};

/* What the command line leads to. */
enum options_outcome {
	OPTIONS_RUN,                  /* run options->command */
	OPTIONS_DONE,                 /* --help or --version was shown: exit 0 */
	OPTIONS_USAGE,                /* a usage error was said on stderr: exit 2 */
};

/* Parses argv (the command first, then its options and inputs, in any
 * order) into options, resolving the data folder and the default pack
 * and brand.  Prints help, the version or a usage error itself.  After
 * OPTIONS_RUN, free with options_release. */
enum options_outcome options_parse(struct options *options, int argc, char **argv);

void options_release(struct options *options);

/* Writes the help of command (a COMMAND_*): its synopsis and each option
 * it takes, in its own words; for -1, the list of commands. */
void options_help(FILE *stream, int command);

#endif
