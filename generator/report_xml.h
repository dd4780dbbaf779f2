/* The report model as XML (namespace urn:maturity:report:1): the
 * documented report.xml output, and the input of the HTML template.
 * Built with libxml2's tree API, so every value is escaped. */
#ifndef MATURITY_REPORT_XML_H
#define MATURITY_REPORT_XML_H

#include <libxml/tree.h>

struct model;

#define REPORT_XML_NAMESPACE "urn:maturity:report:1"

/* Returns a new document whose root is <report> (free with xmlFreeDoc). */
xmlDocPtr report_xml_build(const struct model *model);

#endif
