/* Font registration and checks with fontconfig; see fonts.h. */
#include "fonts.h"

#include "diag.h"

#include <fontconfig/fontconfig.h>
#include <string.h>
#include <sys/stat.h>

int
fonts_register_folder(const char *folder, struct diag *diag)
{
	struct stat status;

	if (!FcInit()) {
		diag_error(diag, NULL, 0, "cannot initialise fontconfig");
		return -1;
	}
	if (stat(folder, &status) != 0 || !S_ISDIR(status.st_mode))
		return 0;
	if (!FcConfigAppFontAddDir(NULL, (const FcChar8 *)folder)) {
		diag_error(diag, folder, 0, "cannot register the fonts in this folder");
		return -1;
	}
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
