/* cc-xml-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

static inline void
cc_xml_char_free (xmlChar *string)
{
  xmlFree (string);
}

typedef xmlChar CcXmlChar;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcXmlChar, cc_xml_char_free)

/* Lossless text in XML: characters XML 1.0 cannot carry are written as <char code="HEX"/>. */
#define CC_XML_CHAR_ELEMENT "char"

void      cc_xml_init                (void);
gboolean  cc_xml_char_is_allowed     (gunichar         c);
int       cc_xml_write_text_element  (xmlTextWriter   *writer,
                                      const char      *name,
                                      const char      *text);
char     *cc_xml_read_text_content   (xmlNode         *element,
                                      GError         **error);

G_END_DECLS
