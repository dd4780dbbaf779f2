# maturity: build, test, demo and install.  `make demo` and `make test` are
# all a fresh Debian machine needs: missing packages are installed when run
# as root, else the one apt-get line to run is printed.

# The program's version, defined here only: the sources read it as
# MATURITY_VERSION, which DEFINES passes to every compilation.
VERSION    := 0.1.0
PREFIX     ?= /usr/local
DATADIR    ?= $(PREFIX)/share/maturity
BUILD      := build
CC         ?= cc

# Debian packages: to build, to test, the default brand's font (Inter) and
# the fallback families for what it does not cover (generator/fonts.h):
# DejaVu Sans for Arabic and Hebrew, Noto Sans CJK for Japanese, Chinese
# and Korean, Symbola for emoji.
BUILD_DEBS := pkg-config libxml2-dev libxslt1-dev libcmark-dev libcairo2-dev \
              libpango1.0-dev libfontconfig-dev libjansson-dev libcsv-dev libicu-dev libical-dev \
              fonts-inter fonts-dejavu-core fonts-noto-cjk fonts-symbola
TEST_DEBS  := libcmocka-dev poppler-utils qpdf valgrind libclang-rt-14-dev clang chromium time \
              libxml2-utils python3 python3-junitparser jq strace inotify-tools
PKGS       := libxml-2.0 libxslt libexslt libcmark cairo pango pangocairo fontconfig jansson glib-2.0 \
              icu-i18n icu-uc libical

SOURCES := \
	generator/advice.c \
	generator/answers.c \
	generator/batch.c \
	generator/batch_check.c \
	generator/batch_convert.c \
	generator/batch_list.c \
	generator/batch_portfolio.c \
	generator/batch_render.c \
	generator/brand.c \
	generator/calendar.c \
	generator/catalogue.c \
	generator/chart.c \
	generator/chart_radar.c \
	generator/chart_trend.c \
	generator/content.c \
	generator/csvout.c \
	generator/diag.c \
	generator/document.c \
	generator/domain_targets.c \
	generator/draw.c \
	generator/fonts.c \
	generator/framework.c \
	generator/gates.c \
	generator/glyphs.c \
	generator/history.c \
	generator/guide.c \
	generator/html.c \
	generator/infile.c \
	generator/junit.c \
	generator/inputs.c \
	generator/interrupt.c \
	generator/link.c \
	generator/markdown.c \
	generator/model.c \
	generator/model_advice.c \
	generator/model_history.c \
	generator/options.c \
	generator/outfile.c \
	generator/pack.c \
	generator/pdf.c \
	generator/pdf_figures.c \
	generator/pdf_walk.c \
	generator/pool.c \
	generator/portfolio.c \
	generator/portfolio_page.c \
	generator/portfolio_quarters.c \
	generator/portfolio_units.c \
	generator/portfolio_write.c \
	generator/profile.c \
	generator/progress.c \
	generator/reassess.c \
	generator/render.c \
	generator/report.c \
	generator/report_appendix.c \
	generator/report_findings.c \
	generator/report_history.c \
	generator/report_messages.c \
	generator/report_path.c \
	generator/report_plan.c \
	generator/report_playbooks.c \
	generator/report_xml.c \
	generator/roadmap.c \
	generator/roadmap_files.c \
	generator/sample.c \
	generator/score.c \
	generator/stamp.c \
	generator/summary.c \
	generator/survey.c \
	generator/svg.c \
	generator/targets.c \
	generator/typeset.c \
	generator/typeset_pages.c \
	generator/validate.c \
	generator/xalloc.c \
	generator/xmlinput.c \
	generator/xmlout.c
MAIN := generator/main.c

UNIT_TESTS := \
	tests/unit/test_score.c \
	tests/unit/test_validate.c \
	tests/unit/test_framework.c \
	tests/unit/test_outfile.c \
	tests/unit/test_infile.c \
	tests/unit/test_csvout.c \
	tests/unit/test_diag.c \
	tests/unit/test_roadmap.c \
	tests/unit/test_model.c \
	tests/unit/test_content.c \
	tests/unit/test_link.c \
	tests/unit/test_catalogue.c \
	tests/unit/test_typeset.c \
	tests/unit/test_draw.c \
	tests/unit/test_summary.c \
	tests/unit/test_portfolio.c \
	tests/unit/test_stamp.c \
	tests/unit/test_survey.c \
	tests/unit/test_brand.c \
	tests/unit/test_chart.c \
	tests/unit/test_reassess.c \
	tests/unit/test_gates.c \
	tests/unit/test_pool.c

WARNINGS := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
DEFINES  := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -DMATURITY_VERSION='"$(VERSION)"' -DMATURITY_DATADIR='"$(DATADIR)"'

.PHONY: all deps demo test unit e2e asan golden install clean bench format fuzz valgrind

all: $(BUILD)/.deps-build
	@$(SUBMAKE) $(BUILD)/maturity

# Dependencies ---------------------------------------------------------------
# The check is a stamp: a fresh clone checks once, then never again.
$(BUILD)/.deps-build:
	@$(MAKE) --no-print-directory deps-check DEBS="$(BUILD_DEBS)"
	@mkdir -p $(BUILD) && touch $@
$(BUILD)/.deps-test: $(BUILD)/.deps-build
	@$(MAKE) --no-print-directory deps-check DEBS="$(TEST_DEBS)"
	@touch $@

# Node.js and the accessibility test's packages (axe-core, puppeteer-core),
# pinned by tests/a11y/package-lock.json.  Node.js may come from Debian or
# elsewhere: only a missing npm is installed.
$(BUILD)/.deps-node: $(BUILD)/.deps-build
	@command -v npm >/dev/null 2>&1 || $(MAKE) --no-print-directory deps-check DEBS="nodejs npm"
	@touch $@
$(BUILD)/a11y/node_modules/.installed: tests/a11y/package.json tests/a11y/package-lock.json $(BUILD)/.deps-node
	@mkdir -p $(BUILD)/a11y
	@cp tests/a11y/package.json tests/a11y/package-lock.json $(BUILD)/a11y/
	@cd $(BUILD)/a11y && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

deps: $(BUILD)/.deps-test $(BUILD)/a11y/node_modules/.installed

.PHONY: deps-check
deps-check:
	@missing=""; \
	for p in $(DEBS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "maturity: installing$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		else \
			echo "maturity: missing Debian packages; run:" >&2; \
			echo "  sudo apt-get install$$missing" >&2; exit 1; \
		fi; \
	fi

# Flags come from pkg-config; public targets install packages first and
# then run a sub-make, so these are read once the packages are there.
PKG_CFLAGS  := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
SUBMAKE     := $(MAKE) --no-print-directory

CFLAGS   ?= -O2 -g
ALL_CFLAGS = $(WARNINGS) $(DEFINES) $(PKG_CFLAGS) $(CFLAGS)

# Build ----------------------------------------------------------------------
OBJECTS      := $(SOURCES:%.c=$(BUILD)/obj/%.o)
ASAN_OBJECTS := $(SOURCES:%.c=$(BUILD)/asan/%.o)
SANITIZE     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@
$(BUILD)/asan/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (sanitizers)"
	@$(CC) $(ALL_CFLAGS) -O1 $(SANITIZE) -MMD -MP -c $< -o $@

$(BUILD)/maturity: $(OBJECTS) $(BUILD)/obj/$(MAIN:.c=.o)
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)
$(BUILD)/asan/maturity: $(ASAN_OBJECTS) $(BUILD)/asan/$(MAIN:.c=.o)
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) $(SANITIZE) -o $@ $^ $(PKG_LIBS)

-include $(OBJECTS:.o=.d) $(ASAN_OBJECTS:.o=.d)

# Tests ----------------------------------------------------------------------
UNIT_BINARIES      := $(UNIT_TESTS:tests/unit/%.c=$(BUILD)/tests/%)
UNIT_ASAN_BINARIES := $(UNIT_TESTS:tests/unit/%.c=$(BUILD)/asan/tests/%)

$(BUILD)/tests/%: tests/unit/%.c $(OBJECTS)
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -Igenerator -o $@ $< $(OBJECTS) $(PKG_LIBS) $(CMOCKA_LIBS)
$(BUILD)/asan/tests/%: tests/unit/%.c $(ASAN_OBJECTS)
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -O1 $(SANITIZE) -MMD -MP -Igenerator -o $@ $< $(ASAN_OBJECTS) $(PKG_LIBS) $(CMOCKA_LIBS)

-include $(UNIT_BINARIES:=.d) $(UNIT_ASAN_BINARIES:=.d)

# Faults the end-to-end tests inject from outside, never built into the
# program: a library preloaded to crash a worker on one team.
FAULTS := $(BUILD)/tests/crash_on_folder.so

$(BUILD)/tests/%.so: tests/faults/%.c
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(WARNINGS) -shared -fPIC -o $@ $< -ldl

# `make test`: unit and end-to-end tests, plain and under ASan+UBSan.  The
# runner keeps going after a failure and ends on "N passed, N failed".
test: $(BUILD)/.deps-test $(BUILD)/a11y/node_modules/.installed
	@$(SUBMAKE) $(BUILD)/maturity $(BUILD)/asan/maturity $(UNIT_BINARIES) $(UNIT_ASAN_BINARIES) \
		$(FAULTS)
	@sh tests/run.sh $(BUILD)

# Fuzzing with libFuzzer (clang): each target runs FUZZ_SECONDS from its
# seed corpus in tests/fuzz/TARGET/, one after the other, and prints its
# executions; crashes land in build/fuzz/ as crash-* files.  Targets:
# answers (answer-set XML to the report model), content (stage Markdown),
# pdf (Markdown laid out into the PDF), link (share-link payloads through
# import and export), import_csv and import_link (what import reads, with
# what it writes read back as render reads it), brand (a brand file and
# its logo).  `make fuzz FUZZ_TARGETS=brand FUZZ_SECONDS=600` runs one
# target ten minutes.
FUZZ_TARGETS ?= answers content pdf link import_csv import_link brand
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_SOURCES := $(filter-out generator/main.c,$(SOURCES))

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(FUZZ_SOURCES)
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	@clang $(WARNINGS) $(DEFINES) $(PKG_CFLAGS) $(FUZZ_FLAGS) -Igenerator -o $@ $< $(FUZZ_SOURCES) $(PKG_LIBS)

fuzz: $(BUILD)/.deps-test
	@$(SUBMAKE) $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p $(BUILD)/fuzz/corpus-$$target; \
		echo "== fuzz_$$target for $(FUZZ_SECONDS) s"; \
		LSAN_OPTIONS=suppressions=$$(pwd)/tests/lsan.supp \
		$(BUILD)/fuzz/fuzz_$$target -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=1024 \
			-artifact_prefix=$(BUILD)/fuzz/ $(BUILD)/fuzz/corpus-$$target tests/fuzz/$$target \
			2>&1 | grep -E '^(#[0-9]+ +(DONE|INITED)|==[0-9]+==|SUMMARY|artifact|Done)' ; \
	done

# valgrind memcheck over a render of every output (also part of `make test`).
valgrind: $(BUILD)/.deps-test
	@$(SUBMAKE) $(BUILD)/maturity
	@sh tests/e2e/test_valgrind.sh $(BUILD)/maturity

# Regenerate the golden files of the end-to-end tests and show the diff.
golden: all
	@sh tests/e2e/run.sh $(BUILD)/maturity --update
	@git --no-pager diff --stat -- tests/e2e || true

# Speed and memory on sample teams (TEAMS=10000 for the large run).
TEAMS ?= 1000
bench: $(BUILD)/.deps-test
	@$(SUBMAKE) $(BUILD)/maturity
	@sh tests/bench.sh $(BUILD)/maturity $(TEAMS)

# The examples rendered into out/: every team's PDF, HTML and roadmap, the
# radar chart as PNG, the portfolio page, and the scores in both packs.
demo: all
	@$(BUILD)/maturity render --chart-png examples/answers -o out
	@echo
	@$(BUILD)/maturity score examples/answers
	@echo
	@$(BUILD)/maturity score --content content/four-phase examples/answers
	@echo
	@echo "Open out/index.html for the portfolio, out/<team>/report.pdf and report.html for a team."

# Install --------------------------------------------------------------------
install: $(BUILD)/.deps-build
	@$(SUBMAKE) $(BUILD)/maturity
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)
	install -m 755 $(BUILD)/maturity $(DESTDIR)$(PREFIX)/bin/maturity
	cp -R content templates fonts $(DESTDIR)$(DATADIR)/

format:
	clang-format -i generator/*.c generator/*.h tests/unit/*.c

clean:
	rm -rf $(BUILD)
