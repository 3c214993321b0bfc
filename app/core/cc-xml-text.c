/* cc-xml-text.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-xml-text"

#include "cc-xml-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cc-error.h"

/* No document we read may pull in anything from outside: whatever asks for an external
 * entity or DTD gets nothing, whichever parser and options are in use. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

void
cc_xml_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

gboolean
cc_xml_char_is_allowed (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * cc_xml_write_text_element:
 *
 * Writes <@name>@text</@name> so that reading it back gives @text byte for byte. The writer
 * escapes markup and carriage returns (as &#13;, which the parser's line-end handling leaves
 * alone); characters XML 1.0 cannot carry at all become <char code="HEX"/>.
 *
 * Returns: a negative number on failure, as libxml2's writer functions do
 */
int
cc_xml_write_text_element (xmlTextWriter *writer,
                           const char    *name,
                           const char    *text)
{
  const char *run = text;
  const char *p;

  if (xmlTextWriterStartElement (writer, BAD_CAST name) < 0)
    return -1;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (cc_xml_char_is_allowed (c))
        continue;

      if (p > run)
        {
          g_autofree char *chunk = g_strndup (run, p - run);

          if (xmlTextWriterWriteString (writer, BAD_CAST chunk) < 0)
            return -1;
        }

      if (xmlTextWriterStartElement (writer, BAD_CAST CC_XML_CHAR_ELEMENT) < 0 ||
          xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "code", "%X", c) < 0 ||
          xmlTextWriterEndElement (writer) < 0)
        return -1;

      run = g_utf8_next_char (p);
    }

  if (p > run && xmlTextWriterWriteString (writer, BAD_CAST run) < 0)
    return -1;

  return xmlTextWriterFullEndElement (writer);
}

static gboolean
parse_char_code (const char *code,
                 gunichar   *c)
{
  guint64 value;
  char *end = NULL;

  if (code == NULL || !g_ascii_isxdigit (code[0]) || strlen (code) > 6)
    return FALSE;

  value = g_ascii_strtoull (code, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;

  /* NUL cannot live in a C string, and surrogates are not characters. */
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return FALSE;

  *c = (gunichar)value;
  return TRUE;
}

/**
 * cc_xml_read_text_content:
 *
 * Reads back what cc_xml_write_text_element() wrote. On error, @error's message says what is
 * wrong without naming the file; the caller adds the file and line.
 *
 * Returns: (transfer full): the text, or %NULL
 */
char *
cc_xml_read_text_content (xmlNode  *element,
                          GError  **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (child->content != NULL)
            g_string_append (text, (const char *)child->content);
          break;

        case XML_ELEMENT_NODE:
          if (xmlStrEqual (child->name, BAD_CAST CC_XML_CHAR_ELEMENT))
            {
              g_autoptr(CcXmlChar) code = xmlGetProp (child, BAD_CAST "code");
              gunichar c;

              if (!parse_char_code ((const char *)code, &c))
                {
                  g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                               /* Translators: %s is the code the file gave; <char code=…/>
                                * is markup, keep it as it is */
                               _("<char code=\"%s\"/> does not name a character "
                                 "(it takes a hexadecimal code point such as 1B)"),
                               code != NULL ? (const char *)code : "");
                  return NULL;
                }
              g_string_append_unichar (text, c);
            }
          else
            {
              g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                           /* Translators: the first %s is the name of an element, the
                            * second the name of the element found inside it */
                           _("<%s> may hold only text, not a <%s> element"),
                           (const char *)element->name, (const char *)child->name);
              return NULL;
            }
          break;

        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          break;

        default:
          g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                       _("<%s> holds something other than text"), (const char *)element->name);
          return NULL;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
