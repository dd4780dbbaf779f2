/* The Distilled CS site's seven profile parameters and their option ids,
 * in its order, as the site publishes them: what the shipped packs must
 * declare and what share links carry.  Each row is the parameter, then
 * its options, NULL after the last. */
#ifndef MATURITY_TEST_SITE_PROFILE_H
#define MATURITY_TEST_SITE_PROFILE_H

#include <stddef.h>

enum { SITE_PARAMETERS = 7 };

static const char *const site_profile[SITE_PARAMETERS][7] = {
	{ "company_arr", "arr_under_5m", "arr_5m_20m", "arr_20m_100m", "arr_over_100m" },
	{ "customer_segment", "seg_smb", "seg_midmarket", "seg_enterprise", "seg_mixed" },
	{ "industry_vertical", "ind_b2b_saas", "ind_b2c_saas", "ind_infra_platform", "ind_services",
	  "ind_other" },
	{ "product_complexity", "complexity_low", "complexity_moderate", "complexity_high" },
	{ "cs_team_age", "age_under_1y", "age_1_3y", "age_over_3y" },
	{ "cs_team_size", "size_1_3", "size_4_10", "size_11_25", "size_over_25" },
	{ "cs_ops_exists", "ops_no", "ops_partial", "ops_yes" },
};

#endif
