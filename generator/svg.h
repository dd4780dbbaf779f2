/* SVG as cairo writes it, made to depend only on what was drawn: cairo
 * names the groups of an SVG after a count of every surface the process
 * has made ("surface85"), so the bytes of a page would depend on what the
 * process drew before. */
#ifndef MATURITY_SVG_H
#define MATURITY_SVG_H

#include <libxml/tree.h>

/* Names the groups under root chart-surface1, 2, ... in document order and
 * points every reference to them ("#surfaceN" in any attribute) at the
 * new names. */
void svg_renumber_groups(xmlNodePtr root);

#endif
