/* cc-import.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-import"

#include "cc-import.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cc-error.h"
#include "cc-xml-private.h"

/* A first line longer than this is a sentence, not a headline. */
#define HEADLINE_MAX_CHARS 200
#define HEADLINE_MAX_WORDS 25

#define ENCODING_UTF8          "UTF-8"
#define ENCODING_UTF8_BOM      "UTF-8 with BOM"
#define ENCODING_UTF16LE       "UTF-16LE"
#define ENCODING_UTF16BE       "UTF-16BE"
#define ENCODING_WINDOWS_1252  "Windows-1252"
#define ENCODING_ISO_8859_1    "ISO-8859-1"

/* Without XML_PARSE_HUGE the parser gives up below 256 nested elements, and real pages built
 * of nested <div>s get there. Input is already capped at CC_IMPORT_MAX_BYTES and the tree is
 * walked without recursion, so the lifted limits cost nothing here. */
#define HTML_PARSE_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                            HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE)

typedef enum
{
  BOM_NONE,
  BOM_UTF8,
  BOM_UTF16LE,
  BOM_UTF16BE,
} Bom;

/* Common helpers */

static char *
name_for_messages (const char *filename)
{
  g_autofree char *basename = g_path_get_basename (filename);

  return g_utf8_make_valid (basename, -1);
}

static char *
name_for_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

static Bom
detect_bom (const guint8 *data,
            gsize         len,
            gsize        *bom_len)
{
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *bom_len = 3;
      return BOM_UTF8;
    }
  if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      *bom_len = 2;
      return BOM_UTF16LE;
    }
  if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      *bom_len = 2;
      return BOM_UTF16BE;
    }

  *bom_len = 0;
  return BOM_NONE;
}

static gboolean
check_size (guint64      len,
            const char  *name,
            GError     **error)
{
  if (len > CC_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (CC_IMPORT_MAX_BYTES);

      g_set_error (error, CC_ERROR, CC_ERROR_TOO_LARGE,
                   /* Translators: the first %s is a file name, the second the file's size and
                    * the third the largest size that can be imported, such as “12.4 MB” */
                   _("“%s” is too large to import (%s; the limit is %s)"),
                   name, size, limit);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_no_nul_bytes (const guint8  *data,
                    gsize          len,
                    gsize          offset,
                    const char    *name,
                    GError       **error)
{
  const guint8 *nul = memchr (data, 0, len);

  if (nul != NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_BINARY,
                   /* Translators: %s is a file name and %lu the position in the file, counted
                    * in bytes */
                   _("“%s” is not a text file: it contains binary data (NUL bytes at byte %lu)"),
                   name, (gulong) (offset + (gsize) (nul - data)));
      return FALSE;
    }

  return TRUE;
}

static void
set_empty_error (const char  *name,
                 GError     **error)
{
  g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("“%s” is empty: it holds no text"), name);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* Legacy 8-bit text is assumed to be Windows-1252, as browsers do, unless it uses one of the
 * five bytes Windows-1252 leaves undefined: then it can only be ISO-8859-1. */
static const char *
guess_8bit_encoding (const guint8 *data,
                     gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      switch (data[i])
        {
        case 0x81: case 0x8D: case 0x8F: case 0x90: case 0x9D:
          return ENCODING_ISO_8859_1;
        default:
          break;
        }
    }

  return ENCODING_WINDOWS_1252;
}

/* glibc's UTF-16 decoder lets lone surrogates through (as invalid UTF-8) and silently drops a
 * high surrogate at the end, so the code units are checked here before g_convert sees them. */
static gboolean
check_utf16 (const guint8  *data,
             gsize          len,
             gboolean       big_endian,
             gsize          bom_len,
             const char    *name,
             const char    *encoding,
             GError       **error)
{
  gsize i;

  if (len % 2 != 0)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_ENCODING,
                   /* Translators: the first %s is a file name, the second a character
                    * encoding such as “UTF-16LE” */
                   _("“%s” is not valid %s text: it ends in the middle of a character"),
                   name, encoding);
      return FALSE;
    }

  for (i = 0; i < len; i += 2)
    {
      guint unit = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);

      if (unit == 0)
        {
          g_set_error (error, CC_ERROR, CC_ERROR_BINARY,
                       /* Translators: %s is a file name and %lu the position in the file,
                        * counted in bytes */
                       _("“%s” is not a text file: it contains binary data "
                         "(NUL characters at byte %lu)"),
                       name, (gulong) (bom_len + i));
          return FALSE;
        }
      else if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          guint next = 0;

          if (i + 3 < len)
            next = big_endian ? (data[i + 2] << 8 | data[i + 3]) : (data[i + 3] << 8 | data[i + 2]);

          if (next < 0xDC00 || next > 0xDFFF)
            break;

          i += 2;
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        {
          break;
        }
    }

  if (i < len)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_ENCODING,
                   /* Translators: the first %s is a file name, the second a character
                    * encoding such as “UTF-16LE”, and %lu the position in the file, counted
                    * in bytes */
                   _("“%s” is not valid %s text: it has an unpaired surrogate at byte %lu"),
                   name, encoding, (gulong) (bom_len + i));
      return FALSE;
    }

  return TRUE;
}

/* Returns the text in UTF-8, or an error if it is not valid @encoding or holds NUL. */
static char *
convert_to_utf8 (const guint8  *data,
                 gsize          len,
                 gsize          offset,
                 const char    *charset,
                 const char    *name,
                 const char    *encoding,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *converted = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;

  converted = g_convert ((const char *) data, len, "UTF-8", charset,
                         &bytes_read, &bytes_written, &local_error);

  if (converted == NULL)
    {
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        g_set_error (error, CC_ERROR, CC_ERROR_ENCODING,
                     /* Translators: the first %s is a file name, the second a character
                      * encoding such as “SHIFT_JIS” */
                     _("“%s” uses the character encoding %s, which cannot be read on this "
                       "system"),
                     name, encoding);
      else
        g_set_error (error, CC_ERROR, CC_ERROR_ENCODING,
                     /* Translators: the first %s is a file name, the second a character
                      * encoding such as “Windows-1252”, and %lu the position in the file,
                      * counted in bytes */
                     _("“%s” is not valid %s text: it has an invalid sequence at byte %lu"),
                     name, encoding, (gulong) (offset + bytes_read));
      return NULL;
    }

  /* g_convert does not complain about a truncated last character; it just stops. */
  if (bytes_read != len || !g_utf8_validate_len (converted, bytes_written, NULL))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_ENCODING,
                   /* Translators: the first %s is a file name, the second a character
                    * encoding such as “Windows-1252”, and %lu the position in the file,
                    * counted in bytes */
                   _("“%s” is not valid %s text: it has an invalid sequence at byte %lu"),
                   name, encoding, (gulong) (offset + bytes_read));
      return NULL;
    }

  /* Only a multi-byte encoding could turn bytes that are not NUL into a NUL character. */
  if (strlen (converted) != bytes_written)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_BINARY,
                   _("“%s” is not a text file: it contains binary data (NUL characters)"), name);
      return NULL;
    }

  return g_steal_pointer (&converted);
}

/* Decodes a file with a UTF-16 byte order mark; NUL characters mean it is not text. */
static char *
decode_utf16 (const guint8  *data,
              gsize          len,
              Bom            bom,
              const char    *name,
              const char   **encoding,
              GError       **error)
{
  gboolean big_endian = bom == BOM_UTF16BE;

  *encoding = big_endian ? ENCODING_UTF16BE : ENCODING_UTF16LE;

  if (!check_utf16 (data + 2, len - 2, big_endian, 2, name, *encoding, error))
    return NULL;

  return convert_to_utf8 (data + 2, len - 2, 2, *encoding, name, *encoding, error);
}

static CcSource *
new_source (GBytes     *bytes,
            const char *filename,
            const char *encoding,
            const char *title,
            const char *text)
{
  g_autoptr(CcSource) source = cc_source_new ();
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  cc_source_set_title (source, title);
  cc_source_set_text (source, text);
  cc_source_set_original_filename (source, filename);
  cc_source_set_encoding (source, encoding);
  cc_source_set_sha256 (source, sha256);

  return g_steal_pointer (&source);
}

static char *
title_from_filename (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (*name == '\0')
    return g_strdup ("Untitled");

  /* In ".notes" the dot starts the name, not an extension. */
  if (dot == NULL || dot == name)
    return g_strdup (name);

  return g_strndup (name, dot - name);
}

/* Plain text */

static char *
decode_text (const guint8  *data,
             gsize          len,
             const char    *name,
             const char   **encoding,
             GError       **error)
{
  gsize bom_len;
  Bom bom = detect_bom (data, len, &bom_len);
  const char *invalid;

  switch (bom)
    {
    case BOM_UTF16LE:
    case BOM_UTF16BE:
      return decode_utf16 (data, len, bom, name, encoding, error);

    case BOM_UTF8:
      *encoding = ENCODING_UTF8_BOM;
      if (!check_no_nul_bytes (data + 3, len - 3, 3, name, error))
        return NULL;
      if (!g_utf8_validate_len ((const char *) data + 3, len - 3, &invalid))
        {
          g_set_error (error, CC_ERROR, CC_ERROR_ENCODING,
                       /* Translators: %s is a file name and %lu the position in the file,
                        * counted in bytes */
                       _("“%s” is not valid UTF-8 text although it starts with a UTF-8 byte "
                         "order mark: it has an invalid sequence at byte %lu"),
                       name, (gulong) ((const guint8 *) invalid - data));
          return NULL;
        }
      return g_strndup ((const char *) data + 3, len - 3);

    case BOM_NONE:
    default:
      if (!check_no_nul_bytes (data, len, 0, name, error))
        return NULL;

      /* Kept byte for byte, so offsets into the text are offsets into the file too. */
      if (g_utf8_validate_len ((const char *) data, len, NULL))
        {
          *encoding = ENCODING_UTF8;
          return g_strndup ((const char *) data, len);
        }

      *encoding = guess_8bit_encoding (data, len);
      return convert_to_utf8 (data, len, 0, *encoding, name, *encoding, error);
    }
}

static char *
utf8_strip (const char *start,
            const char *end)
{
  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static guint
count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n_words = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n_words++;
      in_word = !space;
    }

  return n_words;
}

/* A first line that reads like a headline (short, not ending like a sentence or a clause,
 * with the article after it) names the article better than its file name does. */
static char *
find_headline (const char *text)
{
  const char *line = text;
  g_autofree char *title = NULL;
  const char *end;
  const char *rest;
  glong n_chars;
  gunichar last;

  for (;;)
    {
      end = line + strcspn (line, "\r\n");
      title = utf8_strip (line, end);

      if (*end == '\0')
        return NULL;

      rest = end[0] == '\r' && end[1] == '\n' ? end + 2 : end + 1;
      if (*title != '\0')
        break;

      g_clear_pointer (&title, g_free);
      line = rest;
    }

  if (is_blank (rest))
    return NULL;

  n_chars = g_utf8_strlen (title, -1);
  if (n_chars > HEADLINE_MAX_CHARS || count_words (title) > HEADLINE_MAX_WORDS)
    return NULL;

  last = g_utf8_get_char (g_utf8_prev_char (title + strlen (title)));
  if (last == '.' || last == ',' || last == ';' || last == ':')
    return NULL;

  return g_steal_pointer (&title);
}

/**
 * cc_import_text_bytes:
 * @bytes: the file's contents
 * @filename: the file's name, for the title, provenance and error messages
 * @error: return location for a #GError
 *
 * Imports plain text. UTF-8 without a byte order mark is kept byte for byte; UTF-8 with a BOM,
 * UTF-16 with a BOM, Windows-1252 and ISO-8859-1 are converted to UTF-8 with line endings kept.
 *
 * Returns: (transfer full): a new source without an id, or %NULL with @error set
 */
CcSource *
cc_import_text_bytes (GBytes      *bytes,
                      const char  *filename,
                      GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  const char *encoding = NULL;
  const guint8 *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = name_for_messages (filename);
  data = g_bytes_get_data (bytes, &len);

  if (!check_size (len, name, error))
    return NULL;

  /* An empty GBytes may have no data pointer at all. */
  if (len == 0)
    {
      set_empty_error (name, error);
      return NULL;
    }

  text = decode_text (data, len, name, &encoding, error);
  if (text == NULL)
    return NULL;

  if (is_blank (text))
    {
      set_empty_error (name, error);
      return NULL;
    }

  title = find_headline (text);
  if (title == NULL)
    title = title_from_filename (name);

  return new_source (bytes, filename, encoding, title, text);
}

/* HTML: finding the encoding */

typedef struct
{
  const char *label;
  const char *encoding;
} CharsetAlias;

/* Following the WHATWG Encoding standard, pages labelled Latin-1 or ASCII are read as
 * Windows-1252, and a page that calls itself UTF-16 without a BOM is really UTF-8. */
static const CharsetAlias charset_aliases[] = {
  { "utf-8", ENCODING_UTF8 },
  { "utf8", ENCODING_UTF8 },
  { "unicode-1-1-utf-8", ENCODING_UTF8 },
  { "utf-16", ENCODING_UTF8 },
  { "utf-16le", ENCODING_UTF8 },
  { "utf-16be", ENCODING_UTF8 },
  { "unicode", ENCODING_UTF8 },
  { "windows-1252", ENCODING_WINDOWS_1252 },
  { "cp1252", ENCODING_WINDOWS_1252 },
  { "x-cp1252", ENCODING_WINDOWS_1252 },
  { "iso-8859-1", ENCODING_WINDOWS_1252 },
  { "iso8859-1", ENCODING_WINDOWS_1252 },
  { "iso_8859-1", ENCODING_WINDOWS_1252 },
  { "iso88591", ENCODING_WINDOWS_1252 },
  { "latin1", ENCODING_WINDOWS_1252 },
  { "l1", ENCODING_WINDOWS_1252 },
  { "csisolatin1", ENCODING_WINDOWS_1252 },
  { "ibm819", ENCODING_WINDOWS_1252 },
  { "cp819", ENCODING_WINDOWS_1252 },
  { "iso-ir-100", ENCODING_WINDOWS_1252 },
  { "us-ascii", ENCODING_WINDOWS_1252 },
  { "ascii", ENCODING_WINDOWS_1252 },
  { "ansi_x3.4-1968", ENCODING_WINDOWS_1252 },
};

/* Returns the name to record for a declared charset: one of ours for the common ones, else
 * the label in capitals ("ISO-8859-15", "SHIFT_JIS"), which iconv accepts too. */
static char *
normalise_charset (const char *label)
{
  g_autofree char *lower = g_ascii_strdown (label, -1);

  g_strstrip (lower);

  for (guint i = 0; i < G_N_ELEMENTS (charset_aliases); i++)
    {
      if (strcmp (lower, charset_aliases[i].label) == 0)
        return g_strdup (charset_aliases[i].encoding);
    }

  if (*lower == '\0')
    return NULL;

  if (g_str_has_prefix (lower, "windows-"))
    return g_strconcat ("Windows-", lower + strlen ("windows-"), NULL);

  return g_ascii_strup (lower, -1);
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  g_autoptr(CcXmlChar) value = xmlGetProp (node, (const xmlChar *) name);

  if (value == NULL)
    return NULL;

  return g_strdup ((const char *) value);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

/* Depth-first, document order, without recursion: pages can nest deeper than the stack. */
static xmlNode *
next_node (xmlNode  *node,
           xmlNode  *top,
           gboolean  descend)
{
  if (descend && node->type == XML_ELEMENT_NODE && node->children != NULL)
    return node->children;

  while (node != NULL && node != top)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }

  return NULL;
}

/* Finds `name = value` in @text, as in "text/html; charset=utf-8" or encoding='utf-8'. */
static char *
find_parameter (const char *text,
                const char *name)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *charset = strstr (lower, name);
  const char *end;

  if (charset == NULL)
    return NULL;

  charset += strlen (name);
  while (g_ascii_isspace (*charset))
    charset++;
  if (*charset != '=')
    return NULL;
  charset++;
  while (g_ascii_isspace (*charset) || *charset == '"' || *charset == '\'')
    charset++;

  end = charset + strcspn (charset, "\"'; \t\r\n");
  if (end == charset)
    return NULL;

  return g_strndup (charset, end - charset);
}

static char *
charset_from_xml_declaration (const guint8 *data,
                              gsize         len)
{
  g_autofree char *declaration = NULL;
  const char *end;

  if (len < 5 || memcmp (data, "<?xml", 5) != 0)
    return NULL;

  end = memchr (data, '>', MIN (len, 256));
  if (end == NULL)
    return NULL;

  declaration = g_strndup ((const char *) data, end - (const char *) data);

  return find_parameter (declaration, "encoding");
}

/* The page's own declaration of its encoding: <meta charset>, <meta http-equiv=Content-Type>,
 * or an XML declaration. Bytes are read as Latin-1 for this, which any bytes are, so the
 * markup comes through whatever the real encoding is. */
static char *
find_declared_charset (const guint8 *data,
                       gsize         len)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  doc = htmlReadMemory ((const char *) data, (int) len, NULL, "ISO-8859-1", HTML_PARSE_OPTIONS);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *node = root; node != NULL; node = next_node (node, root, TRUE))
    {
      g_autofree char *charset = NULL;
      g_autofree char *http_equiv = NULL;

      if (!is_element (node, "meta"))
        continue;

      charset = get_attribute (node, "charset");
      http_equiv = get_attribute (node, "http-equiv");

      if (charset == NULL && http_equiv != NULL &&
          g_ascii_strcasecmp (g_strstrip (http_equiv), "content-type") == 0)
        {
          g_autofree char *content = get_attribute (node, "content");

          if (content != NULL)
            charset = find_parameter (content, "charset");
        }

      if (charset != NULL && *g_strstrip (charset) != '\0')
        return g_steal_pointer (&charset);
    }

  return charset_from_xml_declaration (data, len);
}

/* Decodes a page to UTF-8 the way a browser would choose: BOM, then the page's declaration,
 * then UTF-8 if the bytes are valid UTF-8, else Windows-1252 (or ISO-8859-1). */
static char *
decode_html (const guint8  *data,
             gsize          len,
             const char    *name,
             char         **encoding,
             GError       **error)
{
  g_autofree char *declared = NULL;
  g_autofree char *normalised = NULL;
  gsize bom_len;
  Bom bom = detect_bom (data, len, &bom_len);

  if (bom == BOM_UTF16LE || bom == BOM_UTF16BE)
    {
      const char *utf16 = NULL;
      char *text = decode_utf16 (data, len, bom, name, &utf16, error);

      *encoding = g_strdup (utf16);
      return text;
    }

  if (!check_no_nul_bytes (data, len, 0, name, error))
    return NULL;

  if (bom == BOM_UTF8)
    {
      *encoding = g_strdup (ENCODING_UTF8_BOM);
      return g_utf8_make_valid ((const char *) data + 3, len - 3);
    }

  declared = find_declared_charset (data, len);
  if (declared != NULL)
    normalised = normalise_charset (declared);

  if (normalised != NULL && strcmp (normalised, ENCODING_UTF8) == 0)
    {
      /* A page that says UTF-8 and isn't gets replacement characters, as in a browser. */
      *encoding = g_steal_pointer (&normalised);
      return g_utf8_make_valid ((const char *) data, len);
    }

  /* A label iconv does not know is ignored, as browsers ignore labels they do not know. */
  if (normalised != NULL && strcmp (normalised, ENCODING_WINDOWS_1252) != 0)
    {
      GIConv converter = g_iconv_open ("UTF-8", normalised);

      if (converter == (GIConv) -1)
        {
          g_clear_pointer (&normalised, g_free);
        }
      else
        {
          g_iconv_close (converter);
          *encoding = g_strdup (normalised);
          return convert_to_utf8 (data, len, 0, normalised, name, normalised, error);
        }
    }

  if (normalised == NULL && g_utf8_validate_len ((const char *) data, len, NULL))
    {
      *encoding = g_strdup (ENCODING_UTF8);
      return g_strndup ((const char *) data, len);
    }

  *encoding = g_strdup (guess_8bit_encoding (data, len));
  return convert_to_utf8 (data, len, 0, *encoding, name, *encoding, error);
}

/* HTML: metadata */

static char *
collapse_white_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = TRUE;
          continue;
        }
      if (c == 0x00AD)
        continue;

      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Returns NULL rather than an empty string, so "else" chains can test for it. */
static char *
node_text (xmlNode *node)
{
  g_autoptr(CcXmlChar) content = xmlNodeGetContent (node);
  g_autofree char *text = NULL;

  if (content == NULL)
    return NULL;

  text = collapse_white_space ((const char *) content);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static gboolean
attribute_has_token (xmlNode    *node,
                     const char *attribute,
                     const char *token)
{
  g_autofree char *value = get_attribute (node, attribute);
  g_auto(GStrv) tokens = NULL;

  if (value == NULL)
    return FALSE;

  tokens = g_strsplit_set (value, " \t\r\n\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (tokens[i], token) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GHashTable *meta;          /* lower-case name or property → content, first one wins */
  char       *canonical;
  char       *title;
  char       *rel_author;
  char       *itemprop_author;
} PageMetadata;

static void
page_metadata_clear (PageMetadata *self)
{
  g_clear_pointer (&self->meta, g_hash_table_unref);
  g_clear_pointer (&self->canonical, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->rel_author, g_free);
  g_clear_pointer (&self->itemprop_author, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageMetadata, page_metadata_clear)

static void
add_meta (PageMetadata *self,
          const char   *prefix,
          const char   *key,
          const char   *content)
{
  g_autofree char *lower = NULL;
  g_autofree char *value = NULL;

  if (key == NULL || content == NULL)
    return;

  lower = g_ascii_strdown (key, -1);
  g_strstrip (lower);
  if (*prefix != '\0')
    {
      char *prefixed = g_strconcat (prefix, lower, NULL);

      g_free (lower);
      lower = prefixed;
    }

  value = collapse_white_space (content);
  if (*value == '\0' || g_hash_table_contains (self->meta, lower))
    return;

  g_hash_table_insert (self->meta, g_steal_pointer (&lower), g_steal_pointer (&value));
}

static gboolean
is_inside (xmlNode    *node,
           const char *name)
{
  for (xmlNode *parent = node->parent; parent != NULL; parent = parent->parent)
    {
      if (is_element (parent, name))
        return TRUE;
    }

  return FALSE;
}

static void
collect_metadata (PageMetadata *self,
                  xmlNode      *root)
{
  self->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNode *node = root; node != NULL; node = next_node (node, root, TRUE))
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (node, "meta"))
        {
          g_autofree char *content = get_attribute (node, "content");
          g_autofree char *property = get_attribute (node, "property");
          g_autofree char *meta_name = get_attribute (node, "name");
          g_autofree char *http_equiv = get_attribute (node, "http-equiv");

          add_meta (self, "", property, content);
          add_meta (self, "", meta_name, content);
          add_meta (self, "http-equiv:", http_equiv, content);

          if (self->itemprop_author == NULL && content != NULL &&
              attribute_has_token (node, "itemprop", "author"))
            {
              self->itemprop_author = collapse_white_space (content);
              if (*self->itemprop_author == '\0')
                g_clear_pointer (&self->itemprop_author, g_free);
            }
          continue;
        }

      if (self->canonical == NULL && is_element (node, "link") &&
          attribute_has_token (node, "rel", "canonical"))
        {
          g_autofree char *href = get_attribute (node, "href");

          if (href != NULL && *g_strstrip (href) != '\0')
            self->canonical = g_steal_pointer (&href);
        }

      /* An SVG's <title> names a picture, not the page. */
      if (self->title == NULL && is_element (node, "title") && !is_inside (node, "svg"))
        self->title = node_text (node);

      if (self->rel_author == NULL && attribute_has_token (node, "rel", "author"))
        self->rel_author = node_text (node);

      if (self->itemprop_author == NULL && !is_element (node, "link") &&
          attribute_has_token (node, "itemprop", "author"))
        self->itemprop_author = node_text (node);
    }
}

static const char *
lookup_meta (PageMetadata *self,
             const char   *key)
{
  return g_hash_table_lookup (self->meta, key);
}

static xmlNode *
find_descendant (xmlNode    *top,
                 const char *name,
                 const char *with_attribute)
{
  for (xmlNode *node = top->children; node != NULL; node = next_node (node, top, TRUE))
    {
      if (!is_element (node, name))
        continue;

      if (with_attribute != NULL && !xmlHasProp (node, (const xmlChar *) with_attribute))
        continue;

      return node;
    }

  return NULL;
}

static gboolean
looks_like_url (const char *value)
{
  return g_uri_peek_scheme (value) != NULL || g_str_has_prefix (value, "//") ||
         g_str_has_prefix (value, "www.");
}

/* Returns the length of the separator that ends at @end, or 0 if there is none. */
static gsize
outlet_separator_length (const char *title,
                         const char *end)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — " };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize len = strlen (separators[i]);

      if ((gsize) (end - title) > len && strncmp (end - len, separators[i], len) == 0)
        return len;
    }

  return 0;
}

/* "Storm closes bridge | The Daily Example" → "Storm closes bridge". */
static char *
strip_outlet (const char *title,
              const char *outlet)
{
  g_autofree char *outlet_folded = NULL;
  g_autofree char *suffix_folded = NULL;
  gsize title_len = strlen (title);
  gsize outlet_len;
  const char *suffix;
  gsize separator_len;

  if (outlet == NULL)
    return g_strdup (title);

  outlet_len = strlen (outlet);
  if (outlet_len >= title_len)
    return g_strdup (title);

  /* Every separator ends in a space, so with one found the suffix starts a character. */
  suffix = title + title_len - outlet_len;
  separator_len = outlet_separator_length (title, suffix);
  if (separator_len == 0)
    return g_strdup (title);

  outlet_folded = g_utf8_casefold (outlet, -1);
  suffix_folded = g_utf8_casefold (suffix, -1);
  if (strcmp (outlet_folded, suffix_folded) != 0)
    return g_strdup (title);

  return utf8_strip (title, suffix - separator_len);
}

static gboolean
is_digits (const char *text,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Pages write dates as ISO 8601 (or HTML's subset of it): a bare date means midnight UTC,
 * a time without a zone is taken as UTC, and a time without seconds is allowed. */
static GDateTime *
parse_date_time (const char *value)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *text = g_strstrip (g_strdup (value));
  gsize len = strlen (text);
  GDateTime *date_time;

  if (len == 10 && is_digits (text, 4) && text[4] == '-' && is_digits (text + 5, 2) &&
      text[7] == '-' && is_digits (text + 8, 2))
    {
      return g_date_time_new_utc (atoi (text), atoi (text + 5), atoi (text + 8), 0, 0, 0);
    }

  date_time = g_date_time_new_from_iso8601 (text, utc);
  if (date_time != NULL)
    return date_time;

  if (len >= 16 && strchr ("Tt ", text[10]) != NULL && text[13] == ':' &&
      is_digits (text + 14, 2) && text[16] != ':')
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", text, text + 16);

      return g_date_time_new_from_iso8601 (with_seconds, utc);
    }

  return NULL;
}

static char *
normalise_language (const char *value)
{
  g_autofree char *language = g_strndup (value, strcspn (value, ",;"));

  g_strstrip (language);
  g_strdelimit (language, "_", '-');
  if (*language == '\0')
    return NULL;

  return g_steal_pointer (&language);
}

/* HTML: the article's text */

static const char * const skipped_elements[] = {
  "aside", "audio", "button", "canvas", "datalist", "embed", "figure", "footer", "form", "head",
  "header", "iframe", "input", "link", "meta", "nav", "noscript", "object", "script", "select",
  "style", "svg", "template", "textarea", "title", "video",
};

static const char * const block_elements[] = {
  "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
  "dir", "div", "dl", "dt", "fieldset", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
  "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre", "section",
  "summary", "table", "tr", "ul",
};

static const char * const skipped_name_parts[] = { "comment", "share", "related", "newsletter" };

static const char * const skipped_roles[] = {
  "navigation", "banner", "contentinfo", "complementary",
};

static gboolean
name_in (const char         *name,
         const char * const *names,
         gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (name, names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
attribute_contains (xmlNode    *node,
                    const char *attribute)
{
  g_autofree char *value = get_attribute (node, attribute);
  g_autofree char *lower = NULL;

  if (value == NULL)
    return FALSE;

  lower = g_ascii_strdown (value, -1);
  for (guint i = 0; i < G_N_ELEMENTS (skipped_name_parts); i++)
    {
      if (strstr (lower, skipped_name_parts[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_descendant (xmlNode    *node,
                const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) child->name, name) == 0 ||
          has_descendant (child, name))
        return TRUE;
    }

  return FALSE;
}

/* Everything around an article that is not the article: page furniture, widgets, comments. */
static gboolean
is_skipped_element (xmlNode *node)
{
  const char *name = (const char *) node->name;

  /* A figure is usually a picture, but <figure><blockquote>…<figcaption> is HTML's own
   * pattern for a quotation with its attribution, and the quotation is the article's. */
  if (g_ascii_strcasecmp (name, "figure") == 0 && has_descendant (node, "blockquote"))
    return FALSE;

  if (name_in (name, skipped_elements, G_N_ELEMENTS (skipped_elements)))
    return TRUE;

  if (xmlHasProp (node, (const xmlChar *) "hidden"))
    return TRUE;

  if (attribute_contains (node, "id") || attribute_contains (node, "class"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (skipped_roles); i++)
    {
      if (attribute_has_token (node, "role", skipped_roles[i]))
        return TRUE;
    }

  return FALSE;
}

/* How text written next must be separated from what came before. Separators are only ever
 * written in front of visible text, which trims every paragraph and leaves none empty. */
typedef enum
{
  BREAK_NONE,
  BREAK_SPACE,
  BREAK_LINE,
  BREAK_PARAGRAPH,
} Break;

typedef struct
{
  int          start;   /* in characters; -1 until the first character inside is written */
  CcMarkupKind kind;
} OpenQuote;

typedef struct
{
  GString *text;
  guint    n_chars;
  Break    pending;
  GString *pre_space;   /* white space seen inside <pre>, written as it is */
  guint    pre_depth;
  guint    q_depth;
  gboolean quote_start; /* just after an opening quotation mark, where white space goes */
  GArray  *open;        /* OpenQuote, innermost last */
  GArray  *quotes;      /* CcMarkedQuote */
} Walker;

static void
walker_init (Walker *self)
{
  self->text = g_string_new (NULL);
  self->n_chars = 0;
  self->pending = BREAK_NONE;
  self->pre_space = g_string_new (NULL);
  self->pre_depth = 0;
  self->q_depth = 0;
  self->quote_start = FALSE;
  self->open = g_array_new (FALSE, FALSE, sizeof (OpenQuote));
  self->quotes = g_array_new (FALSE, FALSE, sizeof (CcMarkedQuote));
}

static void
walker_clear (Walker *self)
{
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  if (self->pre_space != NULL)
    g_string_free (self->pre_space, TRUE);
  g_clear_pointer (&self->open, g_array_unref);
  g_clear_pointer (&self->quotes, g_array_unref);
  self->text = NULL;
  self->pre_space = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Walker, walker_clear)

static void
walker_append (Walker     *self,
               const char *str,
               gssize      len)
{
  if (len < 0)
    len = strlen (str);

  g_string_append_len (self->text, str, len);
  self->n_chars += g_utf8_strlen (str, len);
}

static void
walker_write (Walker     *self,
              const char *str,
              gsize       len)
{
  if (self->text->len > 0)
    {
      if (self->pending == BREAK_PARAGRAPH)
        walker_append (self, "\n\n", 2);
      else if (self->pending == BREAK_LINE)
        walker_append (self, "\n", 1);
      else if (self->pre_space->len > 0)
        walker_append (self, self->pre_space->str, self->pre_space->len);
      else if (self->pending == BREAK_SPACE)
        walker_append (self, " ", 1);
    }

  self->pending = BREAK_NONE;
  g_string_truncate (self->pre_space, 0);
  self->quote_start = FALSE;

  /* Quotes start at their first character, after any separator. An inner quote that has
   * started means the outer ones have too. */
  for (guint i = self->open->len; i > 0; i--)
    {
      OpenQuote *open = &g_array_index (self->open, OpenQuote, i - 1);

      if (open->start >= 0)
        break;
      open->start = self->n_chars;
    }

  walker_append (self, str, len);
}

static void
walker_break (Walker *self,
              Break   kind)
{
  /* An opening quotation mark stays next to the words it opens. */
  if (self->quote_start)
    return;

  self->pending = MAX (self->pending, kind);
}

static void
walker_add_text (Walker     *self,
                 const char *content)
{
  const char *run = NULL;
  const char *p;

  for (p = content; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';

      /* Text is compared word by word, so a no-break space is a space; a soft hyphen only
       * shows where a line wraps, which it never does here. */
      if (!space && c != 0x00A0 && c != 0x00AD)
        {
          if (run == NULL)
            run = p;
          continue;
        }

      if (run != NULL)
        walker_write (self, run, p - run);
      run = NULL;

      if (c == 0x00AD || self->quote_start)
        continue;

      if (self->pre_depth == 0)
        walker_break (self, BREAK_SPACE);
      else if (c == '\r' && p[1] == '\n')
        continue;
      else if (c == '\r' || c == '\n')
        g_string_append_c (self->pre_space, '\n');
      else if (c == '\t')
        g_string_append_c (self->pre_space, '\t');
      else
        g_string_append_c (self->pre_space, ' ');
    }

  if (run != NULL)
    walker_write (self, run, p - run);
}

static void
walker_open_quote (Walker       *self,
                   CcMarkupKind  kind)
{
  OpenQuote open = { -1, kind };

  if (kind == CC_MARKUP_Q)
    {
      /* As a browser shows <q>: double marks outside, single marks inside another <q>. */
      const char *mark = self->q_depth == 0 ? "“" : "‘";

      walker_write (self, mark, strlen (mark));
      self->q_depth++;
      self->quote_start = TRUE;
    }

  g_array_append_val (self->open, open);
}

static void
walker_close_quote (Walker *self)
{
  OpenQuote open = g_array_index (self->open, OpenQuote, self->open->len - 1);

  g_array_set_size (self->open, self->open->len - 1);

  if (open.start >= 0 && self->n_chars > (guint) open.start)
    {
      CcMarkedQuote quote = { { open.start, self->n_chars }, open.kind };

      g_array_append_val (self->quotes, quote);
    }

  if (open.kind == CC_MARKUP_Q)
    {
      /* The closing mark hugs the quoted text; white space before it moves after it. */
      self->q_depth--;
      self->quote_start = FALSE;
      walker_append (self, self->q_depth == 0 ? "”" : "’", -1);
    }
}

/* Returns whether to walk the element's children (and then leave it). */
static gboolean
walker_enter (Walker  *self,
              xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        walker_add_text (self, (const char *) node->content);
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE || is_skipped_element (node))
    return FALSE;

  if (g_ascii_strcasecmp (name, "br") == 0)
    {
      /* Pages that use <br><br> between paragraphs mean a paragraph break. */
      walker_break (self, self->pending == BREAK_LINE ? BREAK_PARAGRAPH : BREAK_LINE);
      return FALSE;
    }

  if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
    walker_break (self, BREAK_SPACE);
  else if (name_in (name, block_elements, G_N_ELEMENTS (block_elements)))
    walker_break (self, BREAK_PARAGRAPH);

  if (g_ascii_strcasecmp (name, "pre") == 0)
    self->pre_depth++;
  else if (g_ascii_strcasecmp (name, "q") == 0)
    walker_open_quote (self, CC_MARKUP_Q);
  else if (g_ascii_strcasecmp (name, "blockquote") == 0)
    walker_open_quote (self, CC_MARKUP_BLOCKQUOTE);

  return TRUE;
}

static void
walker_leave (Walker  *self,
              xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (g_ascii_strcasecmp (name, "pre") == 0)
    self->pre_depth--;
  else if (g_ascii_strcasecmp (name, "q") == 0 || g_ascii_strcasecmp (name, "blockquote") == 0)
    walker_close_quote (self);

  if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
    walker_break (self, BREAK_SPACE);
  else if (name_in (name, block_elements, G_N_ELEMENTS (block_elements)))
    walker_break (self, BREAK_PARAGRAPH);
}

static void
walker_walk (Walker  *self,
             xmlNode *top)
{
  xmlNode *node = top->children;

  while (node != NULL)
    {
      gboolean descend = walker_enter (self, node);

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (descend)
        walker_leave (self, node);

      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == top)
            node = NULL;
          else
            walker_leave (self, node);
        }

      if (node != NULL)
        node = node->next;
    }
}

static gboolean
is_inside_skipped (xmlNode *node)
{
  for (xmlNode *parent = node->parent; parent != NULL; parent = parent->parent)
    {
      if (parent->type == XML_ELEMENT_NODE && is_skipped_element (parent))
        return TRUE;
    }

  return FALSE;
}

typedef enum
{
  ROOT_ARTICLE,
  ROOT_MAIN,
  ROOT_ROLE_MAIN,
  ROOT_BODY,
  N_ROOTS,
} RootKind;

static gboolean
is_root_kind (xmlNode  *node,
              RootKind  kind)
{
  switch (kind)
    {
    case ROOT_ARTICLE:
      return is_element (node, "article");
    case ROOT_MAIN:
      return is_element (node, "main");
    case ROOT_ROLE_MAIN:
      return node->type == XML_ELEMENT_NODE && attribute_has_token (node, "role", "main");
    case ROOT_BODY:
      return is_element (node, "body");
    case N_ROOTS:
    default:
      g_assert_not_reached ();
    }
}

/* The first <article>, else <main>, else role=main, else <body>, passing over any that are
 * or sit in page furniture: a teaser <article> in an <aside>, or a comment marked up as an
 * <article class="comment">, is not the story. If the first choice holds no text, the next
 * is tried. */
static xmlNode *
extract_article (xmlNode  *html,
                 Walker   *walker)
{
  for (RootKind kind = 0; kind < N_ROOTS; kind++)
    {
      xmlNode *found = NULL;

      for (xmlNode *node = html; node != NULL; node = next_node (node, html, TRUE))
        {
          if (is_root_kind (node, kind) &&
              (kind == ROOT_BODY || (!is_skipped_element (node) && !is_inside_skipped (node))))
            {
              found = node;
              break;
            }
        }

      if (found == NULL)
        continue;

      walker_clear (walker);
      walker_init (walker);
      walker_walk (walker, found);

      if (walker->text->len > 0)
        return found;
    }

  return NULL;
}

static void
apply_metadata (CcSource     *source,
                PageMetadata *metadata,
                xmlNode      *html,
                xmlNode      *article)
{
  const char *outlet;
  const char *author;
  const char *url;
  g_autofree char *lang = NULL;
  g_autoptr(GDateTime) published = NULL;
  static const char * const date_keys[] = {
    "article:published_time", "date", "pubdate", "dc.date.issued",
  };

  outlet = lookup_meta (metadata, "og:site_name");
  if (outlet == NULL)
    outlet = lookup_meta (metadata, "application-name");
  cc_source_set_outlet (source, outlet);

  author = lookup_meta (metadata, "author");
  if (author == NULL)
    {
      author = lookup_meta (metadata, "article:author");
      if (author != NULL && looks_like_url (author))
        author = NULL;
    }
  if (author == NULL)
    author = metadata->rel_author;
  if (author == NULL)
    author = metadata->itemprop_author;
  cc_source_set_author (source, author);

  for (guint i = 0; published == NULL && i < G_N_ELEMENTS (date_keys); i++)
    {
      const char *value = lookup_meta (metadata, date_keys[i]);

      if (value != NULL)
        published = parse_date_time (value);
    }
  if (published == NULL)
    {
      xmlNode *time = find_descendant (article, "time", "datetime");

      if (time != NULL)
        {
          g_autofree char *datetime = get_attribute (time, "datetime");

          published = parse_date_time (datetime);
        }
    }
  cc_source_set_published (source, published);

  /* An absolute address beats a relative one, wherever it came from. */
  url = metadata->canonical;
  if (url == NULL || (g_uri_peek_scheme (url) == NULL && lookup_meta (metadata, "og:url") != NULL))
    url = lookup_meta (metadata, "og:url");
  cc_source_set_url (source, url);

  lang = get_attribute (html, "lang");
  if (lang == NULL)
    lang = get_attribute (html, "xml:lang");
  if (lang == NULL || *g_strstrip (lang) == '\0')
    {
      g_free (lang);
      lang = g_strdup (lookup_meta (metadata, "http-equiv:content-language"));
    }
  if (lang == NULL)
    lang = g_strdup (lookup_meta (metadata, "og:locale"));
  if (lang != NULL)
    {
      g_autofree char *normalised = normalise_language (lang);

      cc_source_set_language (source, normalised);
    }
}

static char *
find_title (PageMetadata *metadata,
            xmlNode      *article,
            const char   *name)
{
  const char *title;
  xmlNode *h1;

  title = lookup_meta (metadata, "og:title");
  if (title == NULL)
    title = lookup_meta (metadata, "twitter:title");
  if (title != NULL)
    return g_strdup (title);

  h1 = find_descendant (article, "h1", NULL);
  if (h1 != NULL)
    {
      char *text = node_text (h1);

      if (text != NULL)
        return text;
    }

  if (metadata->title != NULL)
    {
      const char *outlet = lookup_meta (metadata, "og:site_name");

      if (outlet == NULL)
        outlet = lookup_meta (metadata, "application-name");

      return strip_outlet (metadata->title, outlet);
    }

  return title_from_filename (name);
}

/**
 * cc_import_html_bytes:
 * @bytes: the page's contents
 * @filename: the file's name, for provenance and error messages
 * @error: return location for a #GError
 *
 * Imports a saved article page: its metadata (title, outlet, author, publication date,
 * address, language) and the article's own text, in paragraphs, without the page around it.
 * Quotations the page marked with `<q>` and `<blockquote>` are recorded as marked quotes.
 *
 * Returns: (transfer full): a new source without an id, or %NULL with @error set
 */
CcSource *
cc_import_html_bytes (GBytes      *bytes,
                      const char  *filename,
                      GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *html = NULL;
  g_autofree char *title = NULL;
  g_auto(PageMetadata) metadata = { 0 };
  g_auto(Walker) walker = { 0 };
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(CcSource) source = NULL;
  const guint8 *data;
  xmlNode *root;
  xmlNode *article;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cc_xml_init ();

  name = name_for_messages (filename);
  data = g_bytes_get_data (bytes, &len);

  if (!check_size (len, name, error))
    return NULL;

  if (len == 0)
    {
      set_empty_error (name, error);
      return NULL;
    }

  html = decode_html (data, len, name, &encoding, error);
  if (html == NULL)
    return NULL;

  if (is_blank (html))
    {
      set_empty_error (name, error);
      return NULL;
    }

  /* Decoded already, so the parser is told UTF-8 and must not switch on seeing <meta>. */
  doc = htmlReadMemory (html, (int) strlen (html), NULL, "UTF-8", HTML_PARSE_OPTIONS);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_MALFORMED,
                   _("“%s” could not be read as an HTML page"), name);
      return NULL;
    }

  article = extract_article (root, &walker);
  if (article == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY,
                   _("“%s” holds no article text"), name);
      return NULL;
    }

  collect_metadata (&metadata, root);
  title = find_title (&metadata, article, name);

  source = new_source (bytes, filename, encoding, title, walker.text->str);
  apply_metadata (source, &metadata, root, article);

  for (guint i = 0; i < walker.quotes->len; i++)
    {
      const CcMarkedQuote *quote = &g_array_index (walker.quotes, CcMarkedQuote, i);

      cc_source_add_marked_quote (source, quote->range.start, quote->range.end, quote->kind);
    }

  return g_steal_pointer (&source);
}

/* Choosing a format */

static gboolean
has_html_extension (const char *filename)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  return g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
         g_str_has_suffix (lower, ".xhtml");
}

/* Reads the first few characters as ASCII, through a BOM and UTF-16 if need be. */
static gboolean
starts_like_html (const guint8 *data,
                  gsize         len)
{
  char head[32];
  gsize n_head = 0;
  gsize bom_len;
  Bom bom = detect_bom (data, len, &bom_len);
  gsize step = (bom == BOM_UTF16LE || bom == BOM_UTF16BE) ? 2 : 1;
  gboolean skipping = TRUE;

  for (gsize i = bom_len; i + step <= len && n_head < sizeof head - 1; i += step)
    {
      guint8 c = data[i];

      if (bom == BOM_UTF16LE && data[i + 1] != 0)
        break;
      if (bom == BOM_UTF16BE && (c != 0 || (c = data[i + 1]) == 0))
        break;

      if (skipping && g_ascii_isspace (c))
        continue;
      skipping = FALSE;
      head[n_head++] = c;
    }
  head[n_head] = '\0';

  if (g_ascii_strncasecmp (head, "<!doctype html", 14) == 0)
    return head[14] == '\0' || head[14] == '>' || g_ascii_isspace (head[14]);
  if (g_ascii_strncasecmp (head, "<html", 5) == 0)
    return head[5] == '\0' || head[5] == '>' || g_ascii_isspace (head[5]);

  return FALSE;
}

/**
 * cc_import_bytes:
 * @bytes: the file's contents
 * @filename: the file's name, which is recorded, named in errors and may decide the format
 * @format: the format, or %CC_IMPORT_FORMAT_AUTO to go by the name and the contents
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new source without an id, or %NULL with @error set
 */
CcSource *
cc_import_bytes (GBytes          *bytes,
                 const char      *filename,
                 CcImportFormat   format,
                 GError         **error)
{
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format == CC_IMPORT_FORMAT_AUTO)
    {
      data = g_bytes_get_data (bytes, &len);

      if (has_html_extension (filename) || starts_like_html (data, len))
        format = CC_IMPORT_FORMAT_HTML;
      else
        format = CC_IMPORT_FORMAT_TEXT;
    }

  if (format == CC_IMPORT_FORMAT_HTML)
    return cc_import_html_bytes (bytes, filename, error);

  return cc_import_text_bytes (bytes, filename, error);
}

/* What cc_import_file() checks before reading: that @file is there, not a folder, and not too
 * large. */
static gboolean
check_file (GFile         *file,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    {
      g_prefix_error (error, _("Could not read “%s”: "), name);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not an article"), name);
      return FALSE;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      !check_size ((guint64) g_file_info_get_size (info), name, error))
    return FALSE;

  return TRUE;
}

static gboolean
load_file (GFile         *file,
           const char    *name,
           char         **contents,
           gsize         *len,
           GCancellable  *cancellable,
           GError       **error)
{
  if (!g_file_load_contents (file, cancellable, contents, len, NULL, error))
    {
      g_prefix_error (error, _("Could not read “%s”: "), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * cc_import_file:
 * @file: a plain text file or a saved web page
 * @format: the format, or %CC_IMPORT_FORMAT_AUTO to go by the name and the contents
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and imports @file. Files larger than %CC_IMPORT_MAX_BYTES are refused before
 * reading. Errors name the file.
 *
 * Returns: (transfer full): a new source without an id, or %NULL with @error set
 */
CcSource *
cc_import_file (GFile         *file,
                CcImportFormat format,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = name_for_file (file);
  if (!check_file (file, name, cancellable, error) ||
      !load_file (file, name, &contents, &len, cancellable, error))
    return NULL;

  bytes = g_bytes_new_take (contents, len);

  return cc_import_bytes (bytes, name, format, error);
}

/* Whether @data is valid UTF-8 without NUL. A multi-byte character holds no ASCII byte, so the
 * text is valid when each run of other bytes is; ASCII, the bulk of most texts, is checked
 * eight bytes at a time. */
static gboolean
is_utf8_without_nul (const guint8 *data,
                     gsize         len)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  while (i < len)
    {
      gsize run;

      for (; i + 8 <= len; i += 8)
        {
          guint64 word;

          memcpy (&word, data + i, 8);
          /* A byte with its high bit set, or a zero byte. */
          if ((word & high) || ((word - ones) & ~word & high))
            break;
        }
      while (i < len && data[i] < 0x80)
        {
          if (data[i] == 0)
            return FALSE;
          i++;
        }
      if (i == len)
        break;

      run = i;
      while (i < len && data[i] >= 0x80)
        i++;
      if (!g_utf8_validate_len ((const char *) data + run, i - run, NULL))
        return FALSE;
    }

  return TRUE;
}

/* Whether @data is what decode_text() keeps byte for byte: UTF-8 without a byte order mark,
 * without NUL, and not blank. */
static gboolean
is_plain_utf8 (const guint8 *data,
               gsize         len)
{
  gsize bom_len;

  if (len == 0 || detect_bom (data, len, &bom_len) != BOM_NONE ||
      !is_utf8_without_nul (data, len))
    return FALSE;

  /* Blank means white space only: the first other character settles it. */
  for (const char *p = (const char *) data, *end = p + len; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/**
 * cc_import_file_text:
 * @file: a plain text file or a saved web page
 * @format: the format, or %CC_IMPORT_FORMAT_AUTO to go by the name and the contents
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The text that cc_import_file() gives @file, for callers that only compare it and keep no
 * source: without the checksum, the title and the other metadata an import works out. A
 * local UTF-8 text file, the common case, is mapped into memory as it is (and must not be
 * truncated while the text is in use); anything else (a web page, another encoding, a byte
 * order mark) goes through the importer. Errors are cc_import_file()'s.
 *
 * Returns: (transfer full): the text, in UTF-8, not nul-terminated; or %NULL with @error set
 */
GBytes *
cc_import_file_text (GFile          *file,
                     CcImportFormat  format,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CcSource) source = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  const guint8 *data;
  const char *text;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = name_for_file (file);
  if (!check_file (file, name, cancellable, error))
    return NULL;

  /* Reading copies the file into fresh memory, page by page; a mapping shares the pages the
   * system already holds. Files that cannot be mapped (pipes, say) are read. */
  path = g_file_get_path (file);
  if (path != NULL)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

      if (mapped != NULL)
        bytes = g_mapped_file_get_bytes (mapped);
    }
  if (bytes == NULL)
    {
      char *contents = NULL;

      if (!load_file (file, name, &contents, &len, cancellable, error))
        return NULL;
      bytes = g_bytes_new_take (contents, len);
    }

  data = g_bytes_get_data (bytes, &len);
  if (format != CC_IMPORT_FORMAT_HTML &&
      (format == CC_IMPORT_FORMAT_TEXT ||
       (!has_html_extension (name) && !starts_like_html (data, len))) &&
      len <= CC_IMPORT_MAX_BYTES && is_plain_utf8 (data, len))
    return g_steal_pointer (&bytes);

  source = cc_import_bytes (bytes, name, format, error);
  if (source == NULL)
    return NULL;

  text = cc_source_get_text (source);
  return g_bytes_new (text, strlen (text));
}
