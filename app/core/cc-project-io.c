/* cc-project-io.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-project-io"

#include "cc-project-io-private.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cc-error.h"
#include "cc-xml-private.h"

/* Reading --------------------------------------------------------------------------------- */

#define CC_PROJECT_MAX_DEPTH 256

typedef struct
{
  xmlParserCtxt                *ctxt;
  const char                   *display_name;
  /* Column of each element's start tag: libxml2 keeps only lines in the tree. */
  GHashTable                   *columns;
  startElementNsSAX2Func        start_element_ns;
  /* The file's minor version, to explain elements a newer Crosscheck added. */
  guint64                       minor;
  GError                       *error;
} ReadState;

typedef struct
{
  guint   start;
  guint   end;
  int     kind;
  xmlNode *node;
} PendingRange;

static guint
node_column (ReadState *state,
             xmlNode   *node)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (state->columns, node));
}

static void set_node_error (ReadState  *state,
                            xmlNode    *node,
                            int         code,
                            const char *format,
                            ...) G_GNUC_PRINTF (4, 5);

static void
set_node_error (ReadState  *state,
                xmlNode    *node,
                int         code,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_error (&state->error);
  g_set_error (&state->error, CC_ERROR, code,
               /* Translators: %s is a file name, %ld a line number and %u a column number in
                * it, and the last %s says what is wrong there */
               _("“%s”, line %ld, column %u: %s"),
               state->display_name, xmlGetLineNo (node), node_column (state, node), message);
}

/* A DOCTYPE is the door to every entity attack (billion laughs, external entities, external
 * DTDs), and project files never need one, so the parser stops as soon as it sees one. */
static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  ReadState *state = ctxt->_private;

  if (state->error == NULL)
    g_set_error (&state->error, CC_ERROR, CC_ERROR_UNSAFE,
                 /* Translators: %s is a file name, then come a line number and a column
                  * number in it */
                 _("“%s”, line %d, column %d: the file contains a document type declaration "
                   "(<!DOCTYPE>). Crosscheck project files never have one, so the file was "
                   "not read: it may have been made to read other files or exhaust memory."),
                 state->display_name, xmlSAX2GetLineNumber (ctxt),
                 xmlSAX2GetColumnNumber (ctxt));
  xmlStopParser (ctxt);
}

static void
on_start_element_ns (void           *user_data,
                     const xmlChar  *localname,
                     const xmlChar  *prefix,
                     const xmlChar  *uri,
                     int             n_namespaces,
                     const xmlChar **namespaces,
                     int             n_attributes,
                     int             n_defaulted,
                     const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = user_data;
  ReadState *state = ctxt->_private;
  xmlNode *before = ctxt->node;
  int column;

  /* Project files nest six deep; libxml2 keeps no limit of its own once HUGE is on. */
  if (ctxt->nameNr >= CC_PROJECT_MAX_DEPTH)
    {
      if (state->error == NULL)
        g_set_error (&state->error, CC_ERROR, CC_ERROR_MALFORMED,
                     /* Translators: %s is a file name, then come a line number and a column
                      * number in it, and the last %d is the deepest nesting allowed */
                     _("“%s”, line %d, column %d: elements are nested more than %d deep, far "
                       "deeper than any project file nests them"),
                     state->display_name, xmlSAX2GetLineNumber (ctxt),
                     xmlSAX2GetColumnNumber (ctxt), CC_PROJECT_MAX_DEPTH);
      xmlStopParser (ctxt);
      return;
    }

  state->start_element_ns (user_data, localname, prefix, uri, n_namespaces, namespaces,
                           n_attributes, n_defaulted, attributes);

  if (ctxt->node == NULL || ctxt->node == before || ctxt->input == NULL)
    return;

  /* The parser stands at the end of the start tag. Attribute values cannot hold a raw '<', so
   * the nearest '<' behind is where the tag starts. */
  column = ctxt->input->col;
  for (const xmlChar *p = ctxt->input->cur; p > ctxt->input->base; p--)
    {
      if (p[-1] == '\n')
        break;
      if ((p[-1] & 0xC0) != 0x80)
        column--;
      if (p[-1] == '<')
        break;
    }

  g_hash_table_insert (state->columns, ctxt->node, GUINT_TO_POINTER (MAX (column, 1)));
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  /* libxml2 passes the context's userData, which is the context itself. */
  xmlParserCtxt *ctxt = user_data;
  ReadState *state = ctxt->_private;
  g_autofree char *detail = NULL;
  const char *explanation;
  int code = CC_ERROR_MALFORMED;

  /* The first error is the one that explains the rest. */
  if (state->error != NULL || xml_error->level < XML_ERR_ERROR)
    return;

  detail = g_strstrip (g_strdelimit (g_strdup (xml_error->message != NULL ? xml_error->message
                                                                          : ""),
                                     "\n", ' '));

  switch (xml_error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      explanation = _("the file is not XML at all, so it cannot be a project");
      break;
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_INVALID_CHAR:
      explanation = _("the file contains bytes that are not valid UTF-8 text");
      break;
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_LTSLASH_REQUIRED:
      explanation = _("the file ends before the project is complete; it may have been "
                      "cut short when it was copied or saved");
      break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      explanation = _("the file refers to an entity that is not defined (only &amp; &lt; "
                      "&gt; &quot; &apos; and numeric character references may be used)");
      code = CC_ERROR_UNSAFE;
      break;
    default:
      if (strstr (detail, "Excessive depth") != NULL)
        explanation = _("elements are nested far deeper than any project file nests them");
      else
        explanation = _("the file is not well-formed XML");
      break;
    }

  /* Past the end, the truncation message is about the whole document, not one tag. */
  if (xml_error->code == XML_ERR_DOCUMENT_END && strstr (detail, "Extra content") != NULL)
    explanation = _("there is more text after the end of the project");
  /* Whatever libxml2 complains of, an error where the input runs out means it ran out early. */
  else if (ctxt->input != NULL && ctxt->input->cur >= ctxt->input->end)
    explanation = _("the file ends before the project is complete; it may have been "
                    "cut short when it was copied or saved");

  g_set_error (&state->error, CC_ERROR, code,
               /* Translators: %s is a file name, then come a line number and a column number
                * in it, what is wrong there and, in brackets, the XML parser's own message */
               _("“%s”, line %d, column %d: %s (%s)"),
               state->display_name, xml_error->line, MAX (xml_error->int2, 1),
               explanation, detail);
}

static gboolean
is_ours (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST CC_PROJECT_NAMESPACE) &&
         (name == NULL || xmlStrEqual (node->name, BAD_CAST name));
}

static gboolean
is_ignorable (xmlNode *node)
{
  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
    return TRUE;

  if (node->type == XML_TEXT_NODE)
    return xmlIsBlankNode (node);

  return FALSE;
}

static gboolean
check_structure_child (ReadState *state,
                       xmlNode   *parent,
                       xmlNode   *child)
{
  if (is_ignorable (child))
    return TRUE;

  /* check_root() allows no minor version above G_MAXUINT, so it fits a guint; a
   * G_GUINT64_FORMAT in the message would hide the rest of it from xgettext. */
  if (child->type == XML_ELEMENT_NODE && state->minor > CC_PROJECT_FORMAT_MINOR)
    set_node_error (state, child, CC_ERROR_NEWER_VERSION,
                    /* Translators: the first %s is the name of an element, the second the
                     * name of the element it is in; the first %u.%u is the project format
                     * this version reads, the second the format the file was saved in */
                    _("<%s> is not something a <%s> element can contain in project format "
                      "%u.%u; the file was saved by a newer version of Crosscheck (format "
                      "%u.%u). Update Crosscheck to open it."),
                    (const char *)child->name, (const char *)parent->name,
                    CC_PROJECT_FORMAT_MAJOR, CC_PROJECT_FORMAT_MINOR,
                    CC_PROJECT_FORMAT_MAJOR, (guint)state->minor);
  else if (child->type == XML_ELEMENT_NODE)
    set_node_error (state, child, CC_ERROR_INVALID,
                    /* Translators: the first %s is the name of an element, the second the
                     * name of the element it is in */
                    _("<%s> is not something a <%s> element can contain"),
                    (const char *)child->name, (const char *)parent->name);
  else
    set_node_error (state, child->type == XML_TEXT_NODE ? parent : child, CC_ERROR_INVALID,
                    _("<%s> contains text outside its elements"), (const char *)parent->name);
  return FALSE;
}

static char *
read_text (ReadState *state,
           xmlNode   *element)
{
  g_autoptr(GError) error = NULL;
  char *text;

  text = cc_xml_read_text_content (element, &error);
  if (text == NULL)
    set_node_error (state, element, error->code, "%s", error->message);

  return text;
}

/* Each single-valued element may appear once; *seen remembers where it was. */
static gboolean
check_once (ReadState  *state,
            xmlNode    *node,
            xmlNode   **seen)
{
  if (*seen != NULL)
    {
      set_node_error (state, node, CC_ERROR_INVALID,
                      /* Translators: %s is the name of an element and %ld the line where it
                       * first appears */
                      _("<%s> appears twice (first on line %ld)"),
                      (const char *)node->name, xmlGetLineNo (*seen));
      return FALSE;
    }

  *seen = node;
  return TRUE;
}

static gboolean
read_uint_attribute (ReadState  *state,
                     xmlNode    *node,
                     const char *name,
                     guint       min,
                     guint       max,
                     gboolean    required,
                     guint      *value)
{
  g_autoptr(CcXmlChar) string = xmlGetProp (node, BAD_CAST name);
  guint64 number;

  if (string == NULL)
    {
      if (required)
        set_node_error (state, node, CC_ERROR_INVALID,
                        /* Translators: the first %s is the name of an element, the second
                         * the name of the attribute it lacks */
                        _("<%s> needs a %s attribute"),
                        (const char *)node->name, name);
      return !required;
    }

  if (!g_ascii_string_to_unsigned ((const char *)string, 10, min, max, &number, NULL))
    {
      set_node_error (state, node, CC_ERROR_INVALID,
                      /* Translators: the first %s is the name of an attribute, the second
                       * its value, and the %u are the smallest and largest values allowed */
                      _("%s=\"%s\" must be a whole number from %u to %u"),
                      name, (const char *)string, min, max);
      return FALSE;
    }

  *value = (guint)number;
  return TRUE;
}

static gboolean
read_boolean_attribute (ReadState  *state,
                        xmlNode    *node,
                        const char *name,
                        gboolean   *value)
{
  g_autoptr(CcXmlChar) string = xmlGetProp (node, BAD_CAST name);

  if (string == NULL)
    return TRUE;

  if (xmlStrEqual (string, BAD_CAST "true"))
    *value = TRUE;
  else if (xmlStrEqual (string, BAD_CAST "false"))
    *value = FALSE;
  else
    {
      set_node_error (state, node, CC_ERROR_INVALID,
                      /* Translators: the first %s is the name of an attribute, the second its
                       * value; “true” and “false” are values in the file, keep them as they
                       * are */
                      _("%s=\"%s\" must be true or false"),
                      name, (const char *)string);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_settings (ReadState            *state,
               xmlNode              *node,
               CcComparisonSettings *settings)
{
  guint min_passage = cc_comparison_settings_get_min_passage_words (settings);
  guint max_bridged = cc_comparison_settings_get_max_bridged_words (settings);
  guint min_identity = cc_comparison_settings_get_min_identity (settings);
  guint min_quote = cc_comparison_settings_get_min_quote_words (settings);
  gboolean fold_case = cc_comparison_settings_get_fold_case (settings);
  gboolean ignore_punctuation = cc_comparison_settings_get_ignore_punctuation (settings);

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      static const char * const known[] = {
        "min-passage-words", "max-bridged-words", "min-identity", "min-quote-words",
        "fold-case", "ignore-punctuation", NULL
      };

      if (!g_strv_contains (known, (const char *)attr->name))
        {
          set_node_error (state, node, CC_ERROR_INVALID, _("<settings> has no %s setting"),
                          (const char *)attr->name);
          return FALSE;
        }
    }

  if (!read_uint_attribute (state, node, "min-passage-words", 2, 1000, FALSE, &min_passage) ||
      !read_uint_attribute (state, node, "max-bridged-words", 0, 100, FALSE, &max_bridged) ||
      !read_uint_attribute (state, node, "min-identity", 1, 100, FALSE, &min_identity) ||
      !read_uint_attribute (state, node, "min-quote-words", 1, 1000, FALSE, &min_quote) ||
      !read_boolean_attribute (state, node, "fold-case", &fold_case) ||
      !read_boolean_attribute (state, node, "ignore-punctuation", &ignore_punctuation))
    return FALSE;

  cc_comparison_settings_set_min_passage_words (settings, min_passage);
  cc_comparison_settings_set_max_bridged_words (settings, max_bridged);
  cc_comparison_settings_set_min_identity (settings, min_identity);
  cc_comparison_settings_set_min_quote_words (settings, min_quote);
  cc_comparison_settings_set_fold_case (settings, fold_case);
  cc_comparison_settings_set_ignore_punctuation (settings, ignore_punctuation);
  return TRUE;
}

static gboolean
read_date_time (ReadState  *state,
                xmlNode    *node,
                GDateTime **date_time)
{
  g_autofree char *text = read_text (state, node);
  g_autoptr(GDateTime) parsed = NULL;

  if (text == NULL)
    return FALSE;

  parsed = g_date_time_new_from_iso8601 (g_strstrip (text), NULL);
  if (parsed == NULL)
    {
      set_node_error (state, node, CC_ERROR_INVALID,
                      /* Translators: the first %s is the name of an element, the second the
                       * text it holds */
                      _("<%s> “%s” is not a date and time such as 2026-03-14T08:30:00+01:00"),
                      (const char *)node->name, text);
      return FALSE;
    }

  *date_time = g_steal_pointer (&parsed);
  return TRUE;
}

static gboolean
read_range (ReadState    *state,
            xmlNode      *node,
            PendingRange *range)
{
  if (!read_uint_attribute (state, node, "start", 0, G_MAXINT, TRUE, &range->start) ||
      !read_uint_attribute (state, node, "end", 0, G_MAXINT, TRUE, &range->end))
    return FALSE;

  if (range->start >= range->end)
    {
      set_node_error (state, node, CC_ERROR_INVALID,
                      /* Translators: %s is the name of an element, and the %u are the values
                       * of its start and end attributes */
                      _("<%s> must end after it starts (start=\"%u\" end=\"%u\")"),
                      (const char *)node->name, range->start, range->end);
      return FALSE;
    }

  range->node = node;
  return TRUE;
}

static gboolean
read_provenance (ReadState *state,
                 xmlNode   *node,
                 CcSource  *source)
{
  xmlNode *seen_file = NULL, *seen_encoding = NULL, *seen_sha256 = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (is_ours (child, "file"))
        {
          if (!check_once (state, child, &seen_file) || !(text = read_text (state, child)))
            return FALSE;
          cc_source_set_original_filename (source, text);
        }
      else if (is_ours (child, "encoding"))
        {
          if (!check_once (state, child, &seen_encoding) || !(text = read_text (state, child)))
            return FALSE;
          cc_source_set_encoding (source, text);
        }
      else if (is_ours (child, "sha256"))
        {
          if (!check_once (state, child, &seen_sha256) || !(text = read_text (state, child)))
            return FALSE;
          if (strlen (text) != 64 || strspn (text, "0123456789abcdef") != 64)
            {
              set_node_error (state, child, CC_ERROR_INVALID,
                              _("<sha256> must be 64 lowercase hexadecimal digits"));
              return FALSE;
            }
          cc_source_set_sha256 (source, text);
        }
      else if (!check_structure_child (state, node, child))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_ranges (ReadState *state,
              GArray    *ranges,
              CcSource  *source)
{
  guint length = cc_source_get_length (source);

  for (guint i = 0; i < ranges->len; i++)
    {
      const PendingRange *range = &g_array_index (ranges, PendingRange, i);

      if (range->end > length)
        {
          set_node_error (state, range->node, CC_ERROR_INVALID,
                          /* Translators: %s is the name of an element, the first two %u are
                           * where its range starts and ends and the last the length of the
                           * source's text, all counted in characters */
                          _("<%s> runs from character %u to %u, past the end of the source’s "
                            "text, which has %u characters"),
                          (const char *)range->node->name, range->start, range->end, length);
          return FALSE;
        }
    }

  return TRUE;
}

static CcSource *
read_source (ReadState *state,
             xmlNode   *node)
{
  g_autoptr(CcSource) source = cc_source_new ();
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (PendingRange));
  g_autoptr(GArray) marked = g_array_new (FALSE, FALSE, sizeof (PendingRange));
  g_autoptr(CcXmlChar) id = xmlGetProp (node, BAD_CAST "id");
  xmlNode *seen[10] = { NULL };
  static const char * const text_fields[] = {
    "title", "outlet", "author", "url", "language", "notes", "text", NULL
  };

  if (id == NULL || id[0] == '\0')
    {
      set_node_error (state, node, CC_ERROR_INVALID,
                      _("<source> needs a non-empty id attribute"));
      return NULL;
    }
  cc_source_set_id (source, (const char *)id);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      guint field;

      if (!is_ours (child, NULL))
        {
          if (!check_structure_child (state, node, child))
            return NULL;
          continue;
        }

      for (field = 0; text_fields[field] != NULL; field++)
        if (xmlStrEqual (child->name, BAD_CAST text_fields[field]))
          break;

      if (text_fields[field] != NULL)
        {
          g_autofree char *text = NULL;

          if (!check_once (state, child, &seen[field]) || !(text = read_text (state, child)))
            return NULL;
          g_object_set (source, text_fields[field], text, NULL);
        }
      else if (xmlStrEqual (child->name, BAD_CAST "published") ||
               xmlStrEqual (child->name, BAD_CAST "retrieved"))
        {
          g_autoptr(GDateTime) date_time = NULL;
          gboolean published = xmlStrEqual (child->name, BAD_CAST "published");

          if (!check_once (state, child, &seen[published ? 7 : 8]) ||
              !read_date_time (state, child, &date_time))
            return NULL;
          g_object_set (source, (const char *)child->name, date_time, NULL);
        }
      else if (xmlStrEqual (child->name, BAD_CAST "provenance"))
        {
          if (!check_once (state, child, &seen[9]) || !read_provenance (state, child, source))
            return NULL;
        }
      else if (xmlStrEqual (child->name, BAD_CAST "excluded"))
        {
          PendingRange range = { 0 };

          if (!read_range (state, child, &range))
            return NULL;
          g_array_append_val (excluded, range);
        }
      else if (xmlStrEqual (child->name, BAD_CAST "marked-quote"))
        {
          g_autoptr(CcXmlChar) markup = xmlGetProp (child, BAD_CAST "markup");
          PendingRange range = { 0 };
          CcMarkupKind kind;

          if (!read_range (state, child, &range))
            return NULL;
          if (markup == NULL || !cc_markup_kind_from_string ((const char *)markup, &kind))
            {
              set_node_error (state, child, CC_ERROR_INVALID,
                              _("<marked-quote> needs markup=\"blockquote\" or "
                                "markup=\"q\""));
              return NULL;
            }
          range.kind = kind;
          g_array_append_val (marked, range);
        }
      else if (!check_structure_child (state, node, child))
        return NULL;
    }

  /* seen[6] is <text>: a source without text is not a source. */
  if (seen[6] == NULL)
    {
      set_node_error (state, node, CC_ERROR_INVALID, _("<source id=\"%s\"> has no <text>"),
                      (const char *)id);
      return NULL;
    }

  if (!check_ranges (state, excluded, source) || !check_ranges (state, marked, source))
    return NULL;

  for (guint i = 0; i < excluded->len; i++)
    {
      const PendingRange *range = &g_array_index (excluded, PendingRange, i);
      cc_source_add_excluded (source, range->start, range->end);
    }
  for (guint i = 0; i < marked->len; i++)
    {
      const PendingRange *range = &g_array_index (marked, PendingRange, i);
      cc_source_add_marked_quote (source, range->start, range->end, range->kind);
    }

  return g_steal_pointer (&source);
}

static gboolean
read_sources (ReadState *state,
              xmlNode   *node,
              CcProject *project)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr(CcSource) source = NULL;
      xmlNode *other;

      if (!is_ours (child, "source"))
        {
          if (!check_structure_child (state, node, child))
            return FALSE;
          continue;
        }

      if (!(source = read_source (state, child)))
        return FALSE;

      if ((other = g_hash_table_lookup (ids, cc_source_get_id (source))) != NULL)
        {
          set_node_error (state, child, CC_ERROR_INVALID,
                          /* Translators: %s is the id the two sources share and %ld the line
                           * where the other one is */
                          _("two sources have the id “%s” (the other is on line %ld); "
                            "each source needs its own"),
                          cc_source_get_id (source), xmlGetLineNo (other));
          return FALSE;
        }

      /* The tree outlives this loop, so the node's copy of the id can key the table. */
      g_hash_table_insert (ids, (gpointer)xmlHasProp (child, BAD_CAST "id")->children->content,
                           child);
      cc_project_add_source (project, source);
    }

  return TRUE;
}

/* Returns the major version a namespace names, or 0 if it is not one of ours. */
static guint
namespace_major (const xmlChar *href)
{
  const char *rest;
  guint64 major;

  if (href == NULL || !g_str_has_prefix ((const char *)href, CC_PROJECT_NAMESPACE_BASE))
    return 0;

  rest = (const char *)href + strlen (CC_PROJECT_NAMESPACE_BASE);
  if (!g_ascii_string_to_unsigned (rest, 10, 1, G_MAXUINT, &major, NULL))
    return 0;

  return (guint)major;
}

static gboolean
check_root (ReadState *state,
            xmlNode   *root)
{
  g_autoptr(CcXmlChar) version = NULL;
  guint major = namespace_major (root->ns != NULL ? root->ns->href : NULL);
  guint64 version_major = 0;
  g_auto(GStrv) parts = NULL;

  if (major > CC_PROJECT_FORMAT_MAJOR)
    {
      set_node_error (state, root, CC_ERROR_NEWER_VERSION,
                      /* Translators: the first %u is the project format the file was saved
                       * in, the second the one this version reads */
                      _("this project was saved by a newer version of Crosscheck (project "
                        "format %u; this version reads format %u). "
                        "Update Crosscheck to open it."),
                      major, CC_PROJECT_FORMAT_MAJOR);
      return FALSE;
    }

  if (major == 0 || !xmlStrEqual (root->name, BAD_CAST "project"))
    {
      /* One message for each case, not one with a piece put in, so translators see whole
       * sentences. */
      if (root->ns != NULL)
        {
          set_node_error (state, root, CC_ERROR_INVALID,
                          /* Translators: the first %s is the name of the document's top
                           * element, the second its namespace and the third the namespace of
                           * project files */
                          _("this is not a Crosscheck project: it is a <%s> document in the "
                            "namespace %s, where a project is a <project> in the namespace %s"),
                          (const char *)root->name, (const char *)root->ns->href,
                          CC_PROJECT_NAMESPACE);
        }
      else
        {
          set_node_error (state, root, CC_ERROR_INVALID,
                          /* Translators: the first %s is the name of the document's top
                           * element, the second the namespace of project files */
                          _("this is not a Crosscheck project: it is a <%s> document with no "
                            "namespace, where a project is a <project> in the namespace %s"),
                          (const char *)root->name, CC_PROJECT_NAMESPACE);
        }
      return FALSE;
    }

  version = xmlGetProp (root, BAD_CAST "version");
  if (version != NULL)
    parts = g_strsplit ((const char *)version, ".", 2);
  if (parts == NULL || parts[0] == NULL || parts[1] == NULL ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT, &version_major, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &state->minor, NULL))
    {
      set_node_error (state, root, CC_ERROR_INVALID,
                      /* Translators: %u.%u is the project format this version writes */
                      _("<project> needs a version attribute such as version=\"%u.%u\""),
                      CC_PROJECT_FORMAT_MAJOR, CC_PROJECT_FORMAT_MINOR);
      return FALSE;
    }

  if (version_major > CC_PROJECT_FORMAT_MAJOR)
    {
      set_node_error (state, root, CC_ERROR_NEWER_VERSION,
                      /* Translators: %s is the project format the file was saved in, such as
                       * “2.0”, and %u the one this version reads */
                      _("this project was saved by a newer version of Crosscheck (project "
                        "format %s; this version reads format %u). "
                        "Update Crosscheck to open it."),
                      (const char *)version, CC_PROJECT_FORMAT_MAJOR);
      return FALSE;
    }

  return TRUE;
}

static CcProject *
read_project (ReadState *state,
              xmlNode   *root)
{
  g_autoptr(CcProject) project = cc_project_new ();
  xmlNode *seen_title = NULL, *seen_description = NULL, *seen_settings = NULL;
  xmlNode *seen_sources = NULL;

  if (!check_root (state, root))
    return NULL;

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (is_ours (child, "title"))
        {
          if (!check_once (state, child, &seen_title) || !(text = read_text (state, child)))
            return NULL;
          cc_project_set_title (project, text);
        }
      else if (is_ours (child, "description"))
        {
          if (!check_once (state, child, &seen_description) ||
              !(text = read_text (state, child)))
            return NULL;
          cc_project_set_description (project, text);
        }
      else if (is_ours (child, "settings"))
        {
          if (!check_once (state, child, &seen_settings) ||
              !read_settings (state, child, cc_project_get_settings (project)))
            return NULL;
        }
      else if (is_ours (child, "sources"))
        {
          if (!check_once (state, child, &seen_sources) ||
              !read_sources (state, child, project))
            return NULL;
        }
      else if (!check_structure_child (state, root, child))
        return NULL;
    }

  cc_project_set_modified (project, FALSE);
  return g_steal_pointer (&project);
}

static void
set_too_large_error (GError     **error,
                     const char  *display_name,
                     guint64      size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (CC_PROJECT_MAX_BYTES);

  g_set_error (error, CC_ERROR, CC_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second the file's size and the
                * third the largest size a project file can have, such as “12.4 MB” */
               _("“%s” is too large to be a project file (%s; the limit is %s)"),
               display_name, size_text, limit_text);
}

/**
 * cc_project_load_bytes:
 * @bytes: the file's contents
 * @display_name: the name errors use for the file
 *
 * Reads a project file. The parser never touches the network or another file, refuses
 * DOCTYPEs (and so every entity trick), and stops at libxml2's nesting limit, so any input
 * is read in time and memory proportional to its size.
 *
 * Returns: (transfer full): the project, or %NULL with @error naming the file, line and
 *   column and saying what is wrong
 */
CcProject *
cc_project_load_bytes (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  ReadState state = { 0 };
  CcProject *project;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cc_xml_init ();

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY,
                   _("“%s” is empty: it holds no project"), display_name);
      return NULL;
    }
  if (size > CC_PROJECT_MAX_BYTES)
    {
      set_too_large_error (error, display_name, size);
      return NULL;
    }

  ctxt = xmlCreateMemoryParserCtxt (data, (int)size);
  if (ctxt == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_FAILED,
                   _("“%s” could not be read: out of memory"), display_name);
      return NULL;
    }

  columns = g_hash_table_new (NULL, NULL);
  state.ctxt = ctxt;
  state.display_name = display_name;
  state.columns = columns;
  state.start_element_ns = ctxt->sax->startElementNs;

  ctxt->_private = &state;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->startElementNs = on_start_element_ns;
  ctxt->sax->serror = on_structured_error;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;
  /* No NOENT or DTDLOAD: entities stay unexpanded and nothing external is loaded. HUGE lifts
   * libxml2's 10 MB cap on one text node, which long sources exceed; the input is already
   * capped at CC_PROJECT_MAX_BYTES, DOCTYPEs (so every entity) are refused, and nesting stays
   * limited to 2048 levels. BIG_LINES keeps line numbers right in long texts. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_BIG_LINES |
                           XML_PARSE_NOWARNING);

  xmlParseDocument (ctxt);
  doc = g_steal_pointer (&ctxt->myDoc);

  if (state.error == NULL && (!ctxt->wellFormed || doc == NULL))
    g_set_error (&state.error, CC_ERROR, CC_ERROR_MALFORMED,
                 _("“%s” is not well-formed XML"), display_name);

  if (state.error != NULL)
    {
      g_propagate_error (error, state.error);
      return NULL;
    }

  project = read_project (&state, xmlDocGetRootElement (doc));
  if (project == NULL)
    g_propagate_error (error, state.error);

  return project;
}

static char *
display_name_for (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "?");
}

/**
 * cc_project_load:
 *
 * Reads the project in @file; see cc_project_load_bytes().
 *
 * Returns: (transfer full): the project, or %NULL
 */
CcProject *
cc_project_load (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = display_name_for (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a project file"), display_name);
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > CC_PROJECT_MAX_BYTES)
    {
      set_too_large_error (error, display_name, g_file_info_get_size (info));
      return NULL;
    }

  if (info == NULL ||
      !(bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not read “%s”: "), display_name);
      return NULL;
    }

  return cc_project_load_bytes (bytes, display_name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CcProject *project;

  project = cc_project_load (task_data, cancellable, &error);
  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

void
cc_project_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_project_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

CcProject *
cc_project_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cc_project_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Writing --------------------------------------------------------------------------------- */

/* The writer's own indentation would also indent inside mixed content such as <text> with
 * <char> elements, changing the text, so structure is indented here and text never is. */
static int
write_indent (xmlTextWriter *writer,
              guint          depth)
{
  static const char spaces[] = "\n              ";

  return xmlTextWriterWriteRawLen (writer, BAD_CAST spaces, 1 + 2 * MIN (depth, 6));
}

static int
write_optional_text (xmlTextWriter *writer,
                     guint          depth,
                     const char    *name,
                     const char    *text)
{
  if (text == NULL)
    return 0;

  if (write_indent (writer, depth) < 0)
    return -1;
  return cc_xml_write_text_element (writer, name, text);
}

static int
write_date_time (xmlTextWriter *writer,
                 guint          depth,
                 const char    *name,
                 GDateTime     *date_time)
{
  g_autofree char *text = NULL;

  if (date_time == NULL)
    return 0;

  text = g_date_time_format_iso8601 (date_time);
  return write_optional_text (writer, depth, name, text);
}

static int
write_ranges (xmlTextWriter *writer,
              const char    *name,
              const CcRange *range,
              const char    *markup)
{
  if (write_indent (writer, 3) < 0 ||
      xmlTextWriterStartElement (writer, BAD_CAST name) < 0 ||
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "start", "%u", range->start) < 0 ||
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "end", "%u", range->end) < 0 ||
      (markup != NULL &&
       xmlTextWriterWriteAttribute (writer, BAD_CAST "markup", BAD_CAST markup) < 0) ||
      xmlTextWriterEndElement (writer) < 0)
    return -1;

  return 0;
}

static int
write_source (xmlTextWriter *writer,
              CcSource      *source)
{
  const CcRange *excluded;
  const CcMarkedQuote *marked;
  guint n_excluded, n_marked;

  if (write_indent (writer, 2) < 0 ||
      xmlTextWriterStartElement (writer, BAD_CAST "source") < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "id",
                                   BAD_CAST cc_source_get_id (source)) < 0 ||
      write_optional_text (writer, 3, "title", cc_source_get_title (source)) < 0 ||
      write_optional_text (writer, 3, "outlet", cc_source_get_outlet (source)) < 0 ||
      write_optional_text (writer, 3, "author", cc_source_get_author (source)) < 0 ||
      write_optional_text (writer, 3, "url", cc_source_get_url (source)) < 0 ||
      write_date_time (writer, 3, "published", cc_source_get_published (source)) < 0 ||
      write_date_time (writer, 3, "retrieved", cc_source_get_retrieved (source)) < 0 ||
      write_optional_text (writer, 3, "language", cc_source_get_language (source)) < 0 ||
      write_optional_text (writer, 3, "notes", cc_source_get_notes (source)) < 0)
    return -1;

  if (cc_source_get_original_filename (source) != NULL ||
      cc_source_get_encoding (source) != NULL ||
      cc_source_get_sha256 (source) != NULL)
    {
      if (write_indent (writer, 3) < 0 ||
          xmlTextWriterStartElement (writer, BAD_CAST "provenance") < 0 ||
          write_optional_text (writer, 4, "file", cc_source_get_original_filename (source)) < 0 ||
          write_optional_text (writer, 4, "encoding", cc_source_get_encoding (source)) < 0 ||
          write_optional_text (writer, 4, "sha256", cc_source_get_sha256 (source)) < 0 ||
          write_indent (writer, 3) < 0 ||
          xmlTextWriterEndElement (writer) < 0)
        return -1;
    }

  excluded = cc_source_get_excluded (source, &n_excluded);
  for (guint i = 0; i < n_excluded; i++)
    if (write_ranges (writer, "excluded", &excluded[i], NULL) < 0)
      return -1;

  marked = cc_source_get_marked_quotes (source, &n_marked);
  for (guint i = 0; i < n_marked; i++)
    if (write_ranges (writer, "marked-quote", &marked[i].range,
                      cc_markup_kind_to_string (marked[i].kind)) < 0)
      return -1;

  if (write_indent (writer, 3) < 0 ||
      cc_xml_write_text_element (writer, "text", cc_source_get_text (source)) < 0 ||
      write_indent (writer, 2) < 0 ||
      xmlTextWriterEndElement (writer) < 0)
    return -1;

  return 0;
}

static int
write_settings (xmlTextWriter        *writer,
                CcComparisonSettings *settings)
{
  if (write_indent (writer, 1) < 0 ||
      xmlTextWriterStartElement (writer, BAD_CAST "settings") < 0 ||
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "min-passage-words", "%u",
                                         cc_comparison_settings_get_min_passage_words (settings)) < 0 ||
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "max-bridged-words", "%u",
                                         cc_comparison_settings_get_max_bridged_words (settings)) < 0 ||
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "min-identity", "%u",
                                         cc_comparison_settings_get_min_identity (settings)) < 0 ||
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "min-quote-words", "%u",
                                         cc_comparison_settings_get_min_quote_words (settings)) < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "fold-case",
                                   BAD_CAST (cc_comparison_settings_get_fold_case (settings)
                                             ? "true" : "false")) < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "ignore-punctuation",
                                   BAD_CAST (cc_comparison_settings_get_ignore_punctuation (settings)
                                             ? "true" : "false")) < 0 ||
      xmlTextWriterEndElement (writer) < 0)
    return -1;

  return 0;
}

/**
 * cc_project_to_bytes:
 *
 * Serializes @project as a project file. Cheap enough to run on the main thread, so saving
 * can hand a snapshot to a worker while the user goes on editing.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
cc_project_to_bytes (CcProject *project)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) writer = NULL;
  GListModel *sources;
  guint n_sources;
  gboolean ok;

  g_return_val_if_fail (CC_IS_PROJECT (project), NULL);

  cc_xml_init ();

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  g_assert (writer != NULL);

  sources = cc_project_get_sources (project);
  n_sources = g_list_model_get_n_items (sources);

  ok = xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) >= 0 &&
       xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "project",
                                    BAD_CAST CC_PROJECT_NAMESPACE) >= 0 &&
       xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "version", "%u.%u",
                                          CC_PROJECT_FORMAT_MAJOR,
                                          CC_PROJECT_FORMAT_MINOR) >= 0 &&
       write_optional_text (writer, 1, "title", cc_project_get_title (project)) >= 0 &&
       write_optional_text (writer, 1, "description",
                            cc_project_get_description (project)) >= 0 &&
       write_settings (writer, cc_project_get_settings (project)) >= 0 &&
       write_indent (writer, 1) >= 0 &&
       xmlTextWriterStartElement (writer, BAD_CAST "sources") >= 0;

  for (guint i = 0; ok && i < n_sources; i++)
    {
      g_autoptr(CcSource) source = g_list_model_get_item (sources, i);
      ok = write_source (writer, source) >= 0;
    }

  ok = ok &&
       (n_sources == 0 || write_indent (writer, 1) >= 0) &&
       xmlTextWriterFullEndElement (writer) >= 0 &&
       write_indent (writer, 0) >= 0 &&
       xmlTextWriterEndElement (writer) >= 0 &&
       xmlTextWriterEndDocument (writer) >= 0;

  /* Writing to memory fails only when memory does, and GLib aborts then too. */
  if (!ok)
    g_error ("Could not serialize the project: out of memory");

  g_clear_pointer (&writer, xmlFreeTextWriter);
  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *display_name,
                 const char  *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file name, the second what went wrong, such
                * as “could not replace the file”, and the third the system's reason */
               _("Could not save “%s”: %s: %s. The file on disk was not changed."),
               display_name, what, g_strerror (saved_errno));
  return FALSE;
}

static int
open_temporary (const char  *directory,
                const char  *basename,
                char       **tmp_path)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", basename, g_random_int ());
      g_autofree char *path = g_build_filename (directory, name, NULL);
      int fd;

      /* 0666 so the umask decides, as for any new file the user makes. */
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0 || errno != EEXIST)
        {
          *tmp_path = g_steal_pointer (&path);
          return fd;
        }
    }

  errno = EEXIST;
  return -1;
}

/* The backup is a hard link where the file system allows it: the old file stays whole on disk
 * under both names until the rename replaces one of them. */
static gboolean
make_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("could not replace the backup: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  if (link (path, backup) == 0)
    return TRUE;

  from = g_file_new_for_path (path);
  to = g_file_new_for_path (backup);
  return g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                      NULL, NULL, NULL, error);
}

static void
sync_directory (const char *directory)
{
  int fd = g_open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * cc_project_save_bytes:
 * @wrap_stream: (nullable): for tests: wraps the stream the file is written through
 *
 * Writes @bytes to @file atomically: into a temporary file in the same folder, flushed to
 * disk, then renamed over @file, whose old contents stay in "@file~". On failure the file on
 * disk is left exactly as it was and the error says why.
 */
gboolean
cc_project_save_bytes (GBytes            *bytes,
                       GFile             *file,
                       CcWrapStreamFunc   wrap_stream,
                       gpointer           user_data,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autofree char *display_name = display_name_for (file);
  g_autofree char *requested = g_file_get_path (file);
  g_autofree char *path = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GOutputStream) raw = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat old = { 0 };
  gboolean exists;
  int fd;

  if (requested == NULL)
    {
      /* Not a local file: GIO's own replace is as atomic as the backend allows. */
      gconstpointer data = g_bytes_get_data (bytes, NULL);

      if (!g_file_replace_contents (file, data, g_bytes_get_size (bytes), NULL, TRUE,
                                    G_FILE_CREATE_NONE, NULL, cancellable, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not save “%s”: "), display_name);
          return FALSE;
        }
      return TRUE;
    }

  /* Saving through a symbolic link replaces what it points to, not the link. */
  path = realpath (requested, NULL);
  if (path == NULL)
    path = g_strdup (requested);

  exists = g_stat (path, &old) == 0;
  if (exists && !S_ISREG (old.st_mode))
    return set_errno_error (error, EISDIR, display_name, _("it is not a regular file"));

  directory = g_path_get_dirname (path);
  basename = g_path_get_basename (path);

  fd = open_temporary (directory, basename, &tmp_path);
  if (fd < 0)
    {
      /* Read before anything else, gettext included, can touch errno. */
      int saved_errno = errno;

      return set_errno_error (error, saved_errno, display_name,
                              _("could not create a file in its folder"));
    }

  if (exists)
    fchmod (fd, old.st_mode & 07777);

  raw = g_unix_output_stream_new (fd, TRUE);
  stream = wrap_stream != NULL ? wrap_stream (raw, user_data) : g_object_ref (raw);

  if (!g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), NULL, cancellable, &local_error) ||
      !g_output_stream_flush (stream, cancellable, &local_error) ||
      (fsync (fd) != 0 &&
       (g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (errno),
                     "%s", g_strerror (errno)), TRUE)) ||
      !g_output_stream_close (stream, cancellable, &local_error) ||
      (stream != raw && !g_output_stream_close (raw, cancellable, &local_error)) ||
      (exists && !make_backup (path, &local_error)))
    {
      if (!g_output_stream_is_closed (raw))
        g_output_stream_close (raw, NULL, NULL);
      g_unlink (tmp_path);
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("Could not save “%s”: %s. The file on disk was not changed."),
                   display_name, local_error->message);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, display_name,
                              _("could not replace the file"));
    }

  sync_directory (directory);
  return TRUE;
}

/**
 * cc_project_save:
 *
 * Saves @project to @file atomically (see cc_project_save_bytes()) and clears its modified
 * flag.
 */
gboolean
cc_project_save (CcProject     *project,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = cc_project_to_bytes (project);
  if (!cc_project_save_bytes (bytes, file, NULL, NULL, cancellable, error))
    return FALSE;

  cc_project_set_modified (project, FALSE);
  return TRUE;
}

typedef struct
{
  GBytes  *bytes;
  GFile   *file;
  guint64  generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (cc_project_save_bytes (data->bytes, data->file, NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cc_project_save_async:
 *
 * Takes a snapshot of @project now and writes it in a worker thread, so the user can go on
 * editing; the modified flag is cleared at the end only if nothing changed meanwhile.
 */
void
cc_project_save_async (CcProject           *project,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (CC_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (SaveData, 1);
  data->bytes = cc_project_to_bytes (project);
  data->file = g_object_ref (file);
  data->generation = cc_project_get_generation (project);

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_project_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
cc_project_save_finish (CcProject     *project,
                        GAsyncResult  *result,
                        GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (CC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (cc_project_get_generation (project) == data->generation)
    cc_project_set_modified (project, FALSE);

  return TRUE;
}
