/* Font configuration and checks with fontconfig; see fonts.h.  The
 * configuration is written as fontconfig XML with libxml2 (family names
 * come from the brand file, so they are escaped by construction) and
 * parsed from memory: no system configuration file is read, so a run
 * matches among a few dozen fonts with no substitution rules instead of
 * every installed font through every rule. */
#include "fonts.h"

#include "diag.h"
#include "xalloc.h"

#include <dirent.h>
#include <fontconfig/fontconfig.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const fonts_fallback_families[] = { "DejaVu Sans", "Noto Sans CJK JP", "Symbola",
						 NULL };

/* Where Debian's fontconfig looks for fonts and their caches: the same
 * folders, so that the caches fc-cache wrote are used, not rebuilt. */
static const char *const fonts_system_folders[] = { "/usr/share/fonts", "/usr/local/share/fonts",
						    "~/.fonts", NULL };
static const char *const fonts_cache_folders[] = { "/var/cache/fontconfig", "~/.fontconfig",
						   NULL };

static xmlNodePtr
fonts_element(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, (const xmlChar *)name, (const xmlChar *)text);
}

/* <pattern><patelt name="OBJECT"><string>VALUE</string></patelt></pattern> */
static void
fonts_pattern(xmlNodePtr parent, const char *object, const char *value)
{
	xmlNodePtr pattern = xmlNewChild(parent, NULL, (const xmlChar *)"pattern", NULL);
	xmlNodePtr element = xmlNewChild(pattern, NULL, (const xmlChar *)"patelt", NULL);

	xmlNewProp(element, (const xmlChar *)"name", (const xmlChar *)object);
	fonts_element(element, "string", value);
}

/* An accepting pattern for each regular file in folder, by its path. */
static void
fonts_accept_files(xmlNodePtr accept, const char *folder)
{
	DIR *directory = opendir(folder);
	struct dirent *entry;

	while (directory != NULL && (entry = readdir(directory)) != NULL) {
		char *path = xasprintf("%s/%s", folder, entry->d_name);
		struct stat status;

		if (entry->d_name[0] != '.' && stat(path, &status) == 0 && S_ISREG(status.st_mode))
			fonts_pattern(accept, "file", path);
		free(path);
	}
	if (directory != NULL)
		closedir(directory);
}

/* The configuration as fontconfig XML (free with xmlFree), or NULL. */
static xmlChar *
fonts_configuration(const char *folder, const char *const *families, size_t count,
		    int *length)
{
	xmlDocPtr document = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(document, NULL, (const xmlChar *)"fontconfig", NULL);
	xmlNodePtr select, accept, reject, node;
	xmlChar *text = NULL;

	xmlDocSetRootElement(document, root);
	for (size_t index = 0; fonts_system_folders[index] != NULL; index++)
		fonts_element(root, "dir", fonts_system_folders[index]);
	node = fonts_element(root, "dir", "fonts");
	xmlNewProp(node, (const xmlChar *)"prefix", (const xmlChar *)"xdg");
	for (size_t index = 0; fonts_cache_folders[index] != NULL; index++)
		fonts_element(root, "cachedir", fonts_cache_folders[index]);
	node = fonts_element(root, "cachedir", "fontconfig");
	xmlNewProp(node, (const xmlChar *)"prefix", (const xmlChar *)"xdg");

	/* Accepted: the named families and the application's files; every
	 * other font is rejected (an empty pattern matches any font). */
	select = xmlNewChild(root, NULL, (const xmlChar *)"selectfont", NULL);
	accept = xmlNewChild(select, NULL, (const xmlChar *)"acceptfont", NULL);
	for (size_t index = 0; index < count; index++)
		fonts_pattern(accept, "family", families[index]);
	for (size_t index = 0; fonts_fallback_families[index] != NULL; index++)
		fonts_pattern(accept, "family", fonts_fallback_families[index]);
	if (folder != NULL)
		fonts_accept_files(accept, folder);
	reject = xmlNewChild(select, NULL, (const xmlChar *)"rejectfont", NULL);
	xmlNewChild(reject, NULL, (const xmlChar *)"pattern", NULL);

	xmlDocDumpMemoryEnc(document, &text, length, "UTF-8");
	xmlFreeDoc(document);
	return text;
}

int
fonts_configure(const char *folder, const char *const *families, size_t count,
		struct diag *diag)
{
	char resolved[PATH_MAX];
	struct stat status;
	const char *fonts_folder = NULL;
	FcConfig *config;
	xmlChar *text;
	int length = 0, failed;

	/* The application's folder by its resolved path, as fontconfig
	 * records its files. */
	if (stat(folder, &status) == 0 && S_ISDIR(status.st_mode) &&
	    realpath(folder, resolved) != NULL)
		fonts_folder = resolved;
	text = fonts_configuration(fonts_folder, families, count, &length);
	config = FcConfigCreate();
	failed = text == NULL || config == NULL ||
		 !FcConfigParseAndLoadFromMemory(config, text, FcTrue) ||
		 !FcConfigBuildFonts(config);
	xmlFree(text);
	if (!failed && fonts_folder != NULL &&
	    !FcConfigAppFontAddDir(config, (const FcChar8 *)fonts_folder)) {
		diag_error(diag, folder, 0, "cannot register the fonts in this folder");
		FcConfigDestroy(config);
		return -1;
	}
	if (failed || !FcConfigSetCurrent(config)) {
		diag_error(diag, NULL, 0, "cannot configure fontconfig");
		if (config != NULL)
			FcConfigDestroy(config);
		return -1;
	}
	/* The current configuration holds its own reference. */
	FcConfigDestroy(config);
	return 0;
}

int
fonts_check_family(const char *family, const char *source, struct diag *diag)
{
	FcPattern *pattern = FcPatternCreate();
	FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
	FcFontSet *fonts;
	int found = 0;

	if (pattern == NULL || objects == NULL) {
		diag_error(diag, source, 0, "cannot query fontconfig");
		FcPatternDestroy(pattern);
		FcObjectSetDestroy(objects);
		return -1;
	}
	/* List, not match: matching always succeeds with a fallback font. */
	FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
	fonts = FcFontList(NULL, pattern, objects);
	found = fonts != NULL && fonts->nfont > 0;
	if (fonts != NULL)
		FcFontSetDestroy(fonts);
	FcObjectSetDestroy(objects);
	FcPatternDestroy(pattern);
	if (!found) {
		diag_error(diag, source, 0,
			   "font family \"%s\" is not installed (install it, or put its files in fonts/)",
			   family);
		return -1;
	}
	return 0;
}
