/* Distilled CS share links: a URL whose d parameter is base64url (no
 * padding) of a UTF-8 JSON object {"v": version, "c": company, "p":
 * {parameter id: option id, ...}, "r": {"sc_q1": 3, ...}, "t": ISO 8601
 * timestamp}, the form the site's report page reads. */
#ifndef MATURITY_LINK_H
#define MATURITY_LINK_H

struct answers;
struct diag;
struct framework;

/* The page a share link opens unless --base says otherwise. */
#define LINK_DEFAULT_BASE "https://distilledcs.org/cs-maturity-report/"

/* Decodes a share link (a URL with d=..., or the payload alone) into a
 * one-respondent answer set for team, as leniently as the site: what is
 * valid is kept, and each unknown key, question or option and each score
 * that is not 1 to 4 is dropped with a warning.  Returns the validated
 * answer set (free with answers_free), or NULL after reporting why
 * nothing usable is left.  source names the link in messages. */
struct answers *link_decode(const char *link, const char *team, const struct framework *framework,
			    const char *source, struct diag *diag);

/* True when base can start a share link: an absolute http or https URL. */
int link_base_is_valid(const char *base);

/* The share link of a validated answer set, at base.  With respondent
 * (an id), that respondent's own answers; without it and with several
 * respondents, each question's option nearest the team's mean, with a
 * warning that the link approximates.  Returns a new string (free with
 * free), or NULL after reporting that the answer set has no such
 * respondent. */
char *link_encode(const struct answers *answers, const struct framework *framework,
		  const char *base, const char *respondent, struct diag *diag);

#endif
