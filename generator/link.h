/* Distilled CS share links: a URL whose d parameter is base64url (no
 * padding) of a UTF-8 JSON object {"v": version, "c": company, "p":
 * {profile ids}, "r": {"sc_q1": 3, ...}, "t": ISO timestamp}. */
#ifndef MATURITY_LINK_H
#define MATURITY_LINK_H

struct answers;
struct diag;
struct framework;

/* The default page a share link opens. */
#define LINK_DEFAULT_BASE "https://distilledcs.com/assessment"

/* Decodes a share link (a URL with d=..., or the payload alone) into a
 * one-respondent answer set for team.  Returns it (free with answers_free)
 * or NULL after reporting what is malformed.  source names the link in
 * messages. */
struct answers *link_decode(const char *link, const char *team, const struct framework *framework,
			    const char *source, struct diag *diag);

/* The share link of a validated answer set, at base: with several
 * respondents, each question's rounded mean (reported as a note).
 * Returns a new string (free with free). */
char *link_encode(const struct answers *answers, const struct framework *framework,
		  const char *base, struct diag *diag);

#endif
