/* test-import.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cc-error.h"
#include "cc-import.h"

/* Helpers */

static CcSource *
import_bytes (const char     *data,
              gsize           len,
              const char     *filename,
              CcImportFormat  format)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  CcSource *source;

  source = cc_import_bytes (bytes, filename, format, &error);
  g_assert_no_error (error);
  g_assert_true (CC_IS_SOURCE (source));

  return source;
}

static CcSource *
import_html (const char *html,
             const char *filename)
{
  return import_bytes (html, strlen (html), filename, CC_IMPORT_FORMAT_HTML);
}

static void
assert_import_fails (const char     *data,
                     gsize           len,
                     const char     *filename,
                     CcImportFormat  format,
                     CcError         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) source = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *basename = g_path_get_basename (filename);

  source = cc_import_bytes (bytes, filename, format, &error);
  g_assert_error (error, CC_ERROR, (int) code);
  g_assert_null (source);

  /* Every message names the file the user picked. */
  quoted = g_strdup_printf ("“%s”", basename);
  g_assert_nonnull (strstr (error->message, quoted));
}

static char *
substring (CcSource *source,
           guint     start,
           guint     end)
{
  const char *text = cc_source_get_text (source);
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (text, end);

  g_assert_cmpuint (end, <=, cc_source_get_length (source));

  return g_strndup (from, to - from);
}

static char *
sha256_of (const char *data,
           gsize       len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
assert_date_time (GDateTime  *date_time,
                  const char *expected_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *formatted = NULL;

  g_assert_nonnull (date_time);
  utc = g_date_time_to_utc (date_time);
  formatted = g_date_time_format (utc, "%FT%TZ");
  g_assert_cmpstr (formatted, ==, expected_utc);
}

/* A directory of files written by the test itself, removed afterwards. */
typedef struct
{
  char *path;
} TempDir;

static void
temp_dir_setup (TempDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = g_dir_make_tmp ("crosscheck-import-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
temp_dir_teardown (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->path, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }

  g_assert_cmpint (g_rmdir (fixture->path), ==, 0);
  g_free (fixture->path);
}

static GFile *
temp_file (TempDir    *fixture,
           const char *name,
           const char *data,
           gssize      len)
{
  g_autofree char *path = g_build_filename (fixture->path, name, NULL);
  g_autoptr(GError) error = NULL;

  if (data != NULL)
    {
      g_file_set_contents (path, data, len, &error);
      g_assert_no_error (error);
    }

  return g_file_new_for_path (path);
}

/* Plain text */

static void
test_text_utf8_exact_bytes (void)
{
  /* CRLF, a lone CR and LF, multi-byte characters and trailing white space all survive. */
  static const char data[] =
    "Harbour bridge to close\r\n"
    "\r\n"
    "Café owners  worry.\rFerries ☕ every 20 minutes 𝄞\n"
    "Last line without a newline \t";
  gsize len = sizeof data - 1;
  g_autoptr(CcSource) source = import_bytes (data, len, "notes.txt", CC_IMPORT_FORMAT_TEXT);
  g_autofree char *sha256 = sha256_of (data, len);
  const char *text = cc_source_get_text (source);

  g_assert_cmpuint (strlen (text), ==, len);
  g_assert_true (memcmp (text, data, len) == 0);
  g_assert_cmpuint (cc_source_get_length (source), ==, g_utf8_strlen (data, len));

  g_assert_cmpstr (cc_source_get_encoding (source), ==, "UTF-8");
  g_assert_cmpstr (cc_source_get_original_filename (source), ==, "notes.txt");
  g_assert_cmpstr (cc_source_get_sha256 (source), ==, sha256);
  g_assert_cmpstr (cc_source_get_title (source), ==, "Harbour bridge to close");

  /* The importer knows nothing of these. */
  g_assert_null (cc_source_get_id (source));
  g_assert_null (cc_source_get_retrieved (source));
  g_assert_null (cc_source_get_published (source));
  g_assert_null (cc_source_get_url (source));
}

static void
test_text_utf8_bom (void)
{
  static const char data[] = "\xEF\xBB\xBF" "First line\r\nsecond line é\r\n";
  gsize len = sizeof data - 1;
  g_autoptr(CcSource) source = import_bytes (data, len, "bom.txt", CC_IMPORT_FORMAT_TEXT);
  g_autofree char *sha256 = sha256_of (data, len);

  g_assert_cmpstr (cc_source_get_text (source), ==, "First line\r\nsecond line é\r\n");
  g_assert_cmpstr (cc_source_get_encoding (source), ==, "UTF-8 with BOM");
  /* The checksum is of the file as it was, BOM included. */
  g_assert_cmpstr (cc_source_get_sha256 (source), ==, sha256);
}

/* "Cafe" + COMBINING ACUTE ACCENT + " " + U+1F600 (a surrogate pair) + CRLF + "OK" + LF */
static const char utf16_expected[] = "Cafe\xCC\x81 \xF0\x9F\x98\x80\r\nOK\n";

static const char utf16le_data[] = {
  '\xFF', '\xFE',
  'C', 0, 'a', 0, 'f', 0, 'e', 0, '\x01', '\x03', ' ', 0, '\x3D', '\xD8', '\x00', '\xDE',
  '\r', 0, '\n', 0, 'O', 0, 'K', 0, '\n', 0,
};

static const char utf16be_data[] = {
  '\xFE', '\xFF',
  0, 'C', 0, 'a', 0, 'f', 0, 'e', '\x03', '\x01', 0, ' ', '\xD8', '\x3D', '\xDE', '\x00',
  0, '\r', 0, '\n', 0, 'O', 0, 'K', 0, '\n',
};

static void
test_text_utf16 (gconstpointer data)
{
  gboolean big_endian = GPOINTER_TO_INT (data);
  const char *bytes = big_endian ? utf16be_data : utf16le_data;
  gsize len = big_endian ? sizeof utf16be_data : sizeof utf16le_data;
  g_autoptr(CcSource) source = import_bytes (bytes, len, "utf16.txt", CC_IMPORT_FORMAT_AUTO);
  g_autofree char *sha256 = sha256_of (bytes, len);

  g_assert_cmpstr (cc_source_get_text (source), ==, utf16_expected);
  g_assert_cmpuint (cc_source_get_length (source), ==, 12);
  g_assert_cmpstr (cc_source_get_encoding (source), ==, big_endian ? "UTF-16BE" : "UTF-16LE");
  g_assert_cmpstr (cc_source_get_sha256 (source), ==, sha256);
  g_assert_cmpstr (cc_source_get_title (source), ==, "Cafe\xCC\x81 \xF0\x9F\x98\x80");
}

typedef struct
{
  const char *name;
  const char *data;
  gsize       len;
  CcError     code;
} FailureCase;

static const FailureCase utf16_failures[] = {
  { "odd-length", "\xFF\xFE" "A\0B", 5, CC_ERROR_ENCODING },
  { "lone-low-surrogate", "\xFF\xFE" "A\0\x00\xDC" "B\0", 8, CC_ERROR_ENCODING },
  { "high-surrogate-at-end", "\xFF\xFE" "A\0\x3D\xD8", 6, CC_ERROR_ENCODING },
  { "high-surrogate-then-letter", "\xFE\xFF" "\0A\xD8\x3D\0B", 8, CC_ERROR_ENCODING },
  { "nul-character", "\xFF\xFE" "A\0\0\0B\0", 8, CC_ERROR_BINARY },
};

static void
test_text_failure (gconstpointer data)
{
  const FailureCase *test = data;

  assert_import_fails (test->data, test->len, "broken.txt", CC_IMPORT_FORMAT_TEXT, test->code);
}

static void
test_text_windows_1252 (void)
{
  static const char data[] = "\x93Quoted\x94 fares cost \x80" "5 \x96 caf\xE9 owners\r\n";
  g_autoptr(CcSource) source = import_bytes (data, sizeof data - 1, "fares.txt",
                                             CC_IMPORT_FORMAT_AUTO);

  g_assert_cmpstr (cc_source_get_text (source), ==,
                   "“Quoted” fares cost €5 – café owners\r\n");
  g_assert_cmpstr (cc_source_get_encoding (source), ==, "Windows-1252");
  g_assert_cmpstr (cc_source_get_title (source), ==, "fares");
}

static void
test_text_iso_8859_1 (void)
{
  /* 0x81 is undefined in Windows-1252, so this can only be ISO-8859-1. */
  static const char data[] = "Caf\xE9 \x81 na\xEFve \x93\n";
  g_autoptr(CcSource) source = import_bytes (data, sizeof data - 1, "latin1.txt",
                                             CC_IMPORT_FORMAT_TEXT);

  g_assert_cmpstr (cc_source_get_text (source), ==, "Café \xC2\x81 naïve \xC2\x93\n");
  g_assert_cmpstr (cc_source_get_encoding (source), ==, "ISO-8859-1");
}

static void
test_text_binary (void)
{
  static const char data[] = "\xFF\xD8\xFF\xE0" "JFIF" "abcd" "\0\x10" "more";
  g_autoptr(GBytes) bytes = g_bytes_new (data, sizeof data - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) source = NULL;

  source = cc_import_text_bytes (bytes, "photo.jpg", &error);
  g_assert_error (error, CC_ERROR, CC_ERROR_BINARY);
  g_assert_null (source);
  g_assert_nonnull (strstr (error->message, "“photo.jpg”"));
  g_assert_nonnull (strstr (error->message, "byte 12"));

  /* A BOM does not make binary data text. */
  assert_import_fails ("\xEF\xBB\xBF" "abc\0def", 10, "/some/dir/bom-nul.txt",
                       CC_IMPORT_FORMAT_AUTO, CC_ERROR_BINARY);
}

static const FailureCase empty_cases[] = {
  { "zero-bytes", "", 0, CC_ERROR_EMPTY },
  { "utf8-bom-only", "\xEF\xBB\xBF", 3, CC_ERROR_EMPTY },
  { "utf16le-bom-only", "\xFF\xFE", 2, CC_ERROR_EMPTY },
  { "utf16be-bom-only", "\xFE\xFF", 2, CC_ERROR_EMPTY },
  { "white-space-only", " \r\n\t \n\r", 7, CC_ERROR_EMPTY },
  { "utf16le-white-space", "\xFF\xFE \0\n\0\t\0", 8, CC_ERROR_EMPTY },
  { "utf8-bom-and-space", "\xEF\xBB\xBF  \n", 6, CC_ERROR_EMPTY },
};

static void
test_text_empty (gconstpointer data)
{
  const FailureCase *test = data;

  assert_import_fails (test->data, test->len, "empty.txt", CC_IMPORT_FORMAT_AUTO, test->code);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *filename;
  const char *title;
} HeadlineCase;

#define WORDS_25 "one two three four five six seven eight nine ten eleven twelve thirteen " \
                 "fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one " \
                 "twenty-two twenty-three twenty-four twenty-five"
#define CHARS_50 "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx"
#define CHARS_200 CHARS_50 CHARS_50 CHARS_50 CHARS_50

static const HeadlineCase headline_cases[] = {
  { "plain", "Storm closes harbour bridge\n\nThe bridge shut.\n", "notes.txt",
    "Storm closes harbour bridge" },
  { "after-blank-lines", "\n \r\n  Is the bridge safe?  \r\nBody\r\n", "notes.txt",
    "Is the bridge safe?" },
  { "exclamation", "Bridge closes!\rBody", "notes.txt", "Bridge closes!" },
  { "sentence", "The bridge closed today.\nBody\n", "notes.txt", "notes" },
  { "comma", "Dear editor,\nBody\n", "notes.txt", "notes" },
  { "colon", "Note:\nBody\n", "notes.txt", "notes" },
  { "semicolon", "First;\nBody\n", "notes.txt", "notes" },
  { "single-line", "Storm closes harbour bridge\n", "notes.txt", "notes" },
  { "nothing-after", "Storm closes harbour bridge\n \n\t\n", "notes.txt", "notes" },
  { "25-words", WORDS_25 "\nBody\n", "notes.txt", WORDS_25 },
  { "26-words", WORDS_25 " twenty-six\nBody\n", "notes.txt", "notes" },
  { "200-chars", CHARS_200 "\nBody\n", "notes.txt", CHARS_200 },
  { "201-chars", CHARS_200 "y\nBody\n", "notes.txt", "notes" },
  { "non-ascii-chars", "Ça va ? Überall Grüße\nBody\n", "notes.txt", "Ça va ? Überall Grüße" },
  { "two-dots-in-name", "no headline.\nBody\n", "report.final.txt", "report.final" },
  { "no-extension", "no headline.\nBody\n", "README", "README" },
  { "dot-file", "no headline.\nBody\n", ".notes", ".notes" },
};

static void
test_text_headline (gconstpointer data)
{
  const HeadlineCase *test = data;
  g_autoptr(CcSource) source = import_bytes (test->text, strlen (test->text), test->filename,
                                             CC_IMPORT_FORMAT_TEXT);

  g_assert_cmpstr (cc_source_get_title (source), ==, test->title);
  /* The headline stays in the text. */
  g_assert_cmpstr (cc_source_get_text (source), ==, test->text);
}

static void
test_text_sha256 (void)
{
  g_autoptr(CcSource) abc_newline = import_bytes ("abc\n", 4, "abc.txt", CC_IMPORT_FORMAT_TEXT);
  g_autoptr(CcSource) abc = import_bytes ("abc", 3, "abc.txt", CC_IMPORT_FORMAT_TEXT);

  g_assert_cmpstr (cc_source_get_sha256 (abc_newline), ==,
                   "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb");
  g_assert_cmpstr (cc_source_get_sha256 (abc), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void
test_text_too_large (void)
{
  gsize len = CC_IMPORT_MAX_BYTES + 1;
  /* calloc'd pages are never touched, so this costs no real memory. */
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (len), len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) source = NULL;

  source = cc_import_bytes (bytes, "huge.txt", CC_IMPORT_FORMAT_AUTO, &error);
  g_assert_error (error, CC_ERROR, CC_ERROR_TOO_LARGE);
  g_assert_null (source);
  g_assert_nonnull (strstr (error->message, "“huge.txt”"));
  g_clear_error (&error);

  source = cc_import_html_bytes (bytes, "huge.html", &error);
  g_assert_error (error, CC_ERROR, CC_ERROR_TOO_LARGE);
  g_assert_null (source);
}

/* HTML */

static const char article_text[] =
  "The Harbour Bridge will close to traffic from Monday 6 April, the council said on Friday."
  "\n\n"
  "Engineers found corrosion in the bridge’s steel cables during a routine inspection & the "
  "repairs can’t wait, officials said."
  "\n\n"
  "We know this will be disruptive."
  "\n\n"
  "Safety has to come first."
  "\n\n"
  "Council leader Maria Obi said the work was “overdue, and as one engineer put it, ‘long "
  "overdue’, by years” and would not be delayed."
  "\n\n"
  "A replacement ferry will run every 20 minutes.\n"
  "Tickets cost £2 for adults.";

static void
test_html_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "article.html",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) source = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *blockquote = NULL;
  g_autofree char *outer_q = NULL;
  g_autofree char *inner_q = NULL;
  const CcMarkedQuote *quotes;
  const char *text;
  gsize len;
  guint n_quotes;

  source = cc_import_file (file, CC_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);

  g_assert_cmpstr (cc_source_get_title (source), ==,
                   "Harbour bridge to close for six weeks of repairs");
  g_assert_cmpstr (cc_source_get_outlet (source), ==, "The Millbrook Courier");
  g_assert_cmpstr (cc_source_get_author (source), ==, "Ada Fennimore");
  assert_date_time (cc_source_get_published (source), "2026-03-14T08:30:00Z");
  g_assert_cmpint (g_date_time_get_utc_offset (cc_source_get_published (source)), ==,
                   G_TIME_SPAN_HOUR);
  g_assert_cmpstr (cc_source_get_url (source), ==,
                   "https://courier.example/news/2026/03/harbour-bridge");
  g_assert_cmpstr (cc_source_get_language (source), ==, "en-GB");
  g_assert_cmpstr (cc_source_get_encoding (source), ==, "UTF-8");
  g_assert_cmpstr (cc_source_get_original_filename (source), ==, "article.html");
  g_assert_null (cc_source_get_id (source));
  g_assert_null (cc_source_get_retrieved (source));

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  sha256 = sha256_of (contents, len);
  g_assert_cmpstr (cc_source_get_sha256 (source), ==, sha256);

  text = cc_source_get_text (source);
  g_assert_cmpstr (text, ==, article_text);
  g_assert_null (strstr (text, "LEAK"));
  g_assert_null (strstr (text, "Comments"));
  g_assert_null (strstr (text, "font-family"));
  g_assert_null (strstr (text, "Ada Fennimore"));

  quotes = cc_source_get_marked_quotes (source, &n_quotes);
  g_assert_cmpuint (n_quotes, ==, 3);

  /* Sorted by start: the blockquote, then the outer <q>, then the one inside it. */
  g_assert_cmpint (quotes[0].kind, ==, CC_MARKUP_BLOCKQUOTE);
  blockquote = substring (source, quotes[0].range.start, quotes[0].range.end);
  g_assert_cmpstr (blockquote, ==, "We know this will be disruptive.\n\nSafety has to come first.");

  g_assert_cmpint (quotes[1].kind, ==, CC_MARKUP_Q);
  outer_q = substring (source, quotes[1].range.start, quotes[1].range.end);
  g_assert_cmpstr (outer_q, ==, "overdue, and as one engineer put it, ‘long overdue’, by years");

  g_assert_cmpint (quotes[2].kind, ==, CC_MARKUP_Q);
  inner_q = substring (source, quotes[2].range.start, quotes[2].range.end);
  g_assert_cmpstr (inner_q, ==, "long overdue");
}

static void
test_html_windows_1252 (void)
{
  static const char page[] =
    "<!DOCTYPE html><html><head><meta charset=\"windows-1252\">"
    "<title>Caf\xE9 prices</title></head>"
    "<body><p>\x93Quoted\x94 prices rise by \x80" "5.</p></body></html>";
  g_autoptr(CcSource) source = import_bytes (page, sizeof page - 1, "prices.html",
                                             CC_IMPORT_FORMAT_AUTO);

  g_assert_cmpstr (cc_source_get_encoding (source), ==, "Windows-1252");
  g_assert_cmpstr (cc_source_get_title (source), ==, "Café prices");
  g_assert_cmpstr (cc_source_get_text (source), ==, "“Quoted” prices rise by €5.");
}

static void
test_html_http_equiv_charset (void)
{
  /* 0xA4 is € in ISO-8859-15 but ¤ in Windows-1252. */
  static const char page[] =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"
    "</head><body><p>Tickets: 2\xA4</p></body></html>";
  g_autoptr(CcSource) source = import_bytes (page, sizeof page - 1, "tickets.htm",
                                             CC_IMPORT_FORMAT_AUTO);

  g_assert_cmpstr (cc_source_get_encoding (source), ==, "ISO-8859-15");
  g_assert_cmpstr (cc_source_get_text (source), ==, "Tickets: 2€");
  g_assert_cmpstr (cc_source_get_title (source), ==, "tickets");
}

static void
test_html_undeclared_legacy (void)
{
  static const char page[] = "<html><body><p>\x93Hi\x94 caf\xE9</p></body></html>";
  g_autoptr(CcSource) source = import_bytes (page, sizeof page - 1, "legacy.html",
                                             CC_IMPORT_FORMAT_AUTO);

  g_assert_cmpstr (cc_source_get_encoding (source), ==, "Windows-1252");
  g_assert_cmpstr (cc_source_get_text (source), ==, "“Hi” café");
}

static void
test_html_xml_declaration (void)
{
  static const char page[] =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"de\"><body><p>2\xA4 f\xFCr alle</p>"
    "</body></html>";
  g_autoptr(CcSource) source = import_bytes (page, sizeof page - 1, "page.xhtml",
                                             CC_IMPORT_FORMAT_AUTO);

  g_assert_cmpstr (cc_source_get_encoding (source), ==, "ISO-8859-15");
  g_assert_cmpstr (cc_source_get_text (source), ==, "2€ für alle");
  g_assert_cmpstr (cc_source_get_language (source), ==, "de");
}

static void
test_html_unknown_charset (void)
{
  /* A label nobody knows is ignored, as a browser ignores it: the bytes decide. */
  static const char page[] =
    "<html><head><meta charset=\"x-no-such-charset\"></head><body><p>caf\xC3\xA9</p></body></html>";
  g_autoptr(CcSource) source = import_bytes (page, sizeof page - 1, "page.html",
                                             CC_IMPORT_FORMAT_AUTO);

  g_assert_cmpstr (cc_source_get_encoding (source), ==, "UTF-8");
  g_assert_cmpstr (cc_source_get_text (source), ==, "café");
}

static void
test_html_utf16 (void)
{
  static const char page[] = {
    '\xFF', '\xFE',
    '<', 0, 'p', 0, '>', 0, 'H', 0, 'i', 0, ' ', 0, '\x3D', '\xD8', '\x00', '\xDE',
    '<', 0, '/', 0, 'p', 0, '>', 0,
  };
  g_autoptr(CcSource) source = import_bytes (page, sizeof page, "page.html",
                                             CC_IMPORT_FORMAT_AUTO);

  g_assert_cmpstr (cc_source_get_encoding (source), ==, "UTF-16LE");
  g_assert_cmpstr (cc_source_get_text (source), ==, "Hi \xF0\x9F\x98\x80");
}

static void
test_html_metadata_fallbacks (void)
{
  static const char page[] =
    "<html><head>"
    "<title>Storm closes bridge | Valley Post</title>"
    "<meta name=\"application-name\" content=\"Valley Post\">"
    "<meta property=\"article:author\" content=\"https://valley.example/staff/jo\">"
    "<meta name=\"DC.date.issued\" content=\"2026-02-01\">"
    "<meta property=\"og:url\" content=\"https://valley.example/storm\">"
    "<meta property=\"og:locale\" content=\"en_GB\">"
    "</head><body>"
    "<div role=\"navigation\">Menu LEAK</div>"
    "<div role=\"main\"><p class=\"byline\">By <a rel=\"author\" href=\"/jo\">Jo Bloggs</a></p>"
    "<p>The storm closed the bridge.</p></div>"
    "<div role=\"contentinfo\">Footer LEAK</div>"
    "</body></html>";
  g_autoptr(CcSource) source = import_html (page, "storm.html");

  g_assert_cmpstr (cc_source_get_title (source), ==, "Storm closes bridge");
  g_assert_cmpstr (cc_source_get_outlet (source), ==, "Valley Post");
  g_assert_cmpstr (cc_source_get_author (source), ==, "Jo Bloggs");
  assert_date_time (cc_source_get_published (source), "2026-02-01T00:00:00Z");
  g_assert_cmpint (g_date_time_get_utc_offset (cc_source_get_published (source)), ==, 0);
  g_assert_cmpstr (cc_source_get_url (source), ==, "https://valley.example/storm");
  g_assert_cmpstr (cc_source_get_language (source), ==, "en-GB");
  g_assert_cmpstr (cc_source_get_text (source), ==,
                   "By Jo Bloggs\n\nThe storm closed the bridge.");
}

static void
test_html_metadata_fallbacks_2 (void)
{
  static const char page[] =
    "<html><head>"
    "<meta name=\"twitter:title\" content=\"Flood  warning\n issued\">"
    "<meta http-equiv=\"content-language\" content=\"fr-CA, en\">"
    "<meta property=\"og:locale\" content=\"de_DE\">"
    "<title>Ignored | Somewhere</title>"
    "</head><body>"
    "<time datetime=\"2020-01-01\">outside the article</time>"
    "<article><h1>Not the title</h1>"
    "<p>By <span itemprop=\"author\" itemscope><span itemprop=\"name\">Sam  Roe</span></span>"
    " <time datetime=\"2026-05-06T07:08Z\">6 May</time></p>"
    "<p>Rivers rose.</p></article>"
    "</body></html>";
  g_autoptr(CcSource) source = import_html (page, "flood.html");

  g_assert_cmpstr (cc_source_get_title (source), ==, "Flood warning issued");
  g_assert_null (cc_source_get_outlet (source));
  g_assert_cmpstr (cc_source_get_author (source), ==, "Sam Roe");
  assert_date_time (cc_source_get_published (source), "2026-05-06T07:08:00Z");
  g_assert_null (cc_source_get_url (source));
  g_assert_cmpstr (cc_source_get_language (source), ==, "fr-CA");
  g_assert_cmpstr (cc_source_get_text (source), ==,
                   "Not the title\n\nBy Sam Roe 6 May\n\nRivers rose.");
}

typedef struct
{
  const char *name;
  const char *head;
  const char *body;
  const char *expected_utc;   /* NULL: no date */
} PublishedCase;

static const PublishedCase published_cases[] = {
  { "published-time-with-offset",
    "<meta property=\"article:published_time\" content=\"2026-03-14T09:30:00+01:00\">"
    "<meta name=\"date\" content=\"2000-01-01\">",
    "", "2026-03-14T08:30:00Z" },
  { "date-with-space-no-zone", "<meta name=\"date\" content=\"2026-04-02 10:15:00\">", "",
    "2026-04-02T10:15:00Z" },
  { "pubdate", "<meta name=\"pubdate\" content=\"2026-04-02T10:15:00Z\">", "",
    "2026-04-02T10:15:00Z" },
  { "dc-date-issued", "<meta name=\"DC.date.issued\" content=\"2026-02-01\">", "",
    "2026-02-01T00:00:00Z" },
  { "time-element", "", "<time datetime=\"2026-05-06T07:08:09-02:00\">May</time>",
    "2026-05-06T09:08:09Z" },
  { "unparsable-meta-then-time", "<meta name=\"date\" content=\"yesterday\">",
    "<time datetime=\"2026-05-06\">May</time>", "2026-05-06T00:00:00Z" },
  { "time-without-datetime", "", "<time>6 May 2026</time>", NULL },
  { "none", "", "", NULL },
};

static void
test_html_published (gconstpointer data)
{
  const PublishedCase *test = data;
  g_autofree char *page = g_strdup_printf ("<html><head>%s</head><body><article>%s"
                                           "<p>Text.</p></article>"
                                           "<footer><time datetime=\"1999-01-01\">x</time>"
                                           "</footer></body></html>",
                                           test->head, test->body);
  g_autoptr(CcSource) source = import_html (page, "dated.html");

  if (test->expected_utc == NULL)
    g_assert_null (cc_source_get_published (source));
  else
    assert_date_time (cc_source_get_published (source), test->expected_utc);
}

typedef struct
{
  const char *name;
  const char *html;
  const char *title;
} TitleCase;

static const TitleCase title_cases[] = {
  { "og-title-first",
    "<meta property=\"og:title\" content=\"OG\"><meta name=\"twitter:title\" content=\"TW\">"
    "<title>T</title><body><article><h1>H1</h1><p>x</p></article>", "OG" },
  { "h1-in-article",
    "<title>T | Outlet</title><meta property=\"og:site_name\" content=\"Outlet\">"
    "<body><h1>Site name</h1><article><header><h1>The  headline</h1></header><p>x</p></article>",
    "The headline" },
  { "title-strip-pipe",
    "<title>Bridge shut | Outlet</title><meta property=\"og:site_name\" content=\"Outlet\">"
    "<body><p>x</p>", "Bridge shut" },
  { "title-strip-dash",
    "<title>Bridge shut - The Outlet</title><meta name=\"application-name\" content=\"The Outlet\">"
    "<body><p>x</p>", "Bridge shut" },
  { "title-other-suffix-kept",
    "<title>Bridge shut | Elsewhere</title><meta property=\"og:site_name\" content=\"Outlet\">"
    "<body><p>x</p>", "Bridge shut | Elsewhere" },
  { "title-no-outlet-kept", "<title>Bridge shut - Outlet</title><body><p>x</p>",
    "Bridge shut - Outlet" },
  { "file-name", "<body><p>x</p>", "story" },
};

static void
test_html_title (gconstpointer data)
{
  const TitleCase *test = data;
  g_autoptr(CcSource) source = import_html (test->html, "story.html");

  g_assert_cmpstr (cc_source_get_title (source), ==, test->title);
}

typedef struct
{
  const char *name;
  const char *body;
  const char *text;
  const char *quotes;   /* the marked quotes' text, joined by "|" */
} LayoutCase;

static const LayoutCase layout_cases[] = {
  { "inline-white-space", "<p>  a \n\t b  <b> c </b>d </p>", "a b c d", "" },
  { "blocks-and-no-empty-paragraphs",
    "<div><p>one</p> <p> </p><div><div>two</div></div></div><ul><li>three</li><li>four</li></ul>",
    "one\n\ntwo\n\nthree\n\nfour", "" },
  { "br-line-break", "<p>line one <br> line two</p>", "line one\nline two", "" },
  { "double-br-paragraph", "<p>first<br><br>second</p>", "first\n\nsecond", "" },
  { "pre-keeps-white-space", "<p>x</p><pre>\n  a  b\r\n\n    c\n</pre><p>y</p>",
    "x\n\na  b\n\n    c\n\ny", "" },
  { "table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc", "" },
  { "soft-hyphen-and-nbsp", "<p>news&shy;paper&nbsp;&nbsp;story</p>", "newspaper story", "" },
  { "q-inner-space", "<p>He said <q> yes </q> twice.</p>", "He said “yes” twice.", "yes" },
  { "q-start-of-text", "<p><q>Now</q>, she said.</p>", "“Now”, she said.", "Now" },
  { "q-empty", "<p>a <q></q> b</p>", "a “” b", "" },
  { "q-nested-three", "<p><q>a <q>b <q>c</q></q></q></p>", "“a ‘b ‘c’’”", "a ‘b ‘c’’|b ‘c’|c" },
  { "blockquote-single", "<p>Before</p><blockquote>  Just one line. </blockquote><p>After</p>",
    "Before\n\nJust one line.\n\nAfter", "Just one line." },
  { "blockquote-with-q", "<blockquote><p><q>Inner</q> words</p></blockquote>",
    "“Inner” words", "“Inner” words|Inner" },
  { "hidden-and-roles",
    "<p hidden>H LEAK</p><div role=\"banner\">B LEAK</div><div role=\"complementary\">C LEAK</div>"
    "<div id=\"RelatedLinks\">R LEAK</div><div class=\"CommentList\">C LEAK</div><p>kept</p>",
    "kept", "" },
  { "q-around-block", "<div>Said: <q><p>Block</p></q> then</div>", "Said: “Block”\n\nthen",
    "Block" },
  { "comment-article-ignored",
    "<div class=\"story\"><p>Story</p></div>"
    "<div id=\"comments\"><article><p>Comment LEAK</p></article></div>"
    "<article class=\"comment-body\"><p>Comment LEAK</p></article>",
    "Story", "" },
  { "figure-picture-dropped",
    "<p>Before</p><figure><img src=\"x.jpg\"><figcaption>Photo LEAK</figcaption></figure>"
    "<p>After</p>",
    "Before\n\nAfter", "" },
  { "figure-quotation-kept",
    "<figure><blockquote><p>We knew.</p></blockquote><figcaption>Ilse Marr\xc3\xb3n"
    "</figcaption></figure>",
    "We knew.\n\nIlse Marr\xc3\xb3n", "We knew." },
  { "teaser-article-in-aside-ignored",
    "<aside><article><p>Teaser LEAK</p></article></aside><article><p>Story</p></article>",
    "Story", "" },
};

static void
test_html_layout (gconstpointer data)
{
  const LayoutCase *test = data;
  g_autofree char *page = g_strdup_printf ("<html><body>%s</body></html>", test->body);
  g_autoptr(CcSource) source = import_html (page, "layout.html");
  g_autoptr(GPtrArray) quoted = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const CcMarkedQuote *quotes;
  guint n_quotes;

  g_assert_cmpstr (cc_source_get_text (source), ==, test->text);

  quotes = cc_source_get_marked_quotes (source, &n_quotes);
  for (guint i = 0; i < n_quotes; i++)
    g_ptr_array_add (quoted, substring (source, quotes[i].range.start, quotes[i].range.end));
  g_ptr_array_add (quoted, NULL);

  joined = g_strjoinv ("|", (char **) quoted->pdata);
  g_assert_cmpstr (joined, ==, test->quotes);
}

static void
test_html_deep_nesting (void)
{
  /* Deeper than libxml2's default limit of 256 elements, which would cut the text short. */
  g_autoptr(GString) page = g_string_new ("<html><body><article><p>Start</p>");
  g_autoptr(CcSource) source = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "Deep <q>text</q>");
  for (guint i = 0; i < 1000; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "<p>End</p></article></body></html>");

  source = import_html (page->str, "deep.html");
  g_assert_cmpstr (cc_source_get_text (source), ==, "Start\n\nDeep “text”\n\nEnd");
}

static void
test_html_empty (void)
{
  static const char page[] =
    "<!DOCTYPE html><html><head><title>Nothing</title></head>"
    "<body><nav>Menu</nav><script>var x = 1;</script><article> </article></body></html>";

  assert_import_fails (page, sizeof page - 1, "nothing.html", CC_IMPORT_FORMAT_AUTO,
                       CC_ERROR_EMPTY);
  assert_import_fails ("", 0, "zero.html", CC_IMPORT_FORMAT_AUTO, CC_ERROR_EMPTY);
  assert_import_fails ("\xEF\xBB\xBF \n", 5, "bom.html", CC_IMPORT_FORMAT_AUTO, CC_ERROR_EMPTY);
}

static void
test_html_binary (void)
{
  static const char page[] = "<html><body><p>a\0b</p></body></html>";

  assert_import_fails (page, sizeof page - 1, "bad.html", CC_IMPORT_FORMAT_AUTO,
                       CC_ERROR_BINARY);
}

/* Files */

static void
test_file_missing (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = temp_file (fixture, "missing.txt", NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) source = NULL;

  source = cc_import_file (file, CC_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (source);
  g_assert_nonnull (strstr (error->message, "“missing.txt”"));
}

static void
test_file_directory (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autofree char *basename = g_path_get_basename (fixture->path);
  g_autofree char *quoted = g_strdup_printf ("“%s”", basename);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) source = NULL;

  source = cc_import_file (file, CC_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_null (source);
  g_assert_nonnull (strstr (error->message, quoted));
}

typedef struct
{
  const char *filename;
  const char *data;
  gsize       len;
  gboolean    html;
} DetectCase;

/* len 0 means the data is a NUL-terminated string. */
static const DetectCase detect_cases[] = {
  { "story.html", "<p>Para</p>", 0, TRUE },
  { "STORY.HTM", "<p>Para</p>", 0, TRUE },
  { "story.xhtml", "<p>Para</p>", 0, TRUE },
  { "page.txt", " \n<!DOCTYPE HTML PUBLIC \"x\"><p>Para</p>", 0, TRUE },
  { "page", "<HTML><p>Para</p>", 0, TRUE },
  { "bom.dat", "\xEF\xBB\xBF<html lang=en><p>Para</p>", 0, TRUE },
  { "utf16.dat", "\xFF\xFE<\0h\0t\0m\0l\0>\0<\0p\0>\0P\0a\0r\0a\0", 28, TRUE },
  { "notes.txt", "<p>Para</p>", 0, FALSE },
  { "htmlish.txt", "<htmlx><p>Para</p>", 0, FALSE },
  { "doc.md", "# <html> is a tag\nPara", 0, FALSE },
};

static void
test_file_auto_detect (TempDir       *fixture,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (detect_cases); i++)
    {
      const DetectCase *test = &detect_cases[i];
      gssize len = test->len > 0 ? (gssize) test->len : -1;
      g_autoptr(GFile) file = temp_file (fixture, test->filename, test->data, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(CcSource) source = NULL;

      g_test_message ("%s", test->filename);
      source = cc_import_file (file, CC_IMPORT_FORMAT_AUTO, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cc_source_get_original_filename (source), ==, test->filename);

      /* As HTML the markup is gone; as text it is kept. */
      if (test->html)
        g_assert_cmpstr (cc_source_get_text (source), ==, "Para");
      else
        g_assert_nonnull (strstr (cc_source_get_text (source), "<"));
    }
}

static void
test_file_explicit_format (TempDir       *fixture,
                           gconstpointer  data)
{
  static const char page[] = "<!DOCTYPE html>\n<p>Para</p>\n";
  g_autoptr(GFile) file = temp_file (fixture, "page.html", page, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) as_text = NULL;
  g_autoptr(CcSource) as_html = NULL;

  as_text = cc_import_file (file, CC_IMPORT_FORMAT_TEXT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_source_get_text (as_text), ==, page);

  as_html = cc_import_file (file, CC_IMPORT_FORMAT_HTML, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_source_get_text (as_html), ==, "Para");
}

static void
test_file_too_large (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = temp_file (fixture, "huge.txt", NULL, 0);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) source = NULL;

  /* A sparse file: the size is checked before anything is read. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), CC_IMPORT_MAX_BYTES + 1, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  source = cc_import_file (file, CC_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_error (error, CC_ERROR, CC_ERROR_TOO_LARGE);
  g_assert_null (source);
  g_assert_nonnull (strstr (error->message, "“huge.txt”"));
}

static void
test_file_cancelled (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = temp_file (fixture, "notes.txt", "Some text\n", -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) source = NULL;

  g_cancellable_cancel (cancellable);
  source = cc_import_file (file, CC_IMPORT_FORMAT_AUTO, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (source);
}

/* main */

static void
add_cases (const char    *prefix,
           gconstpointer  cases,
           gsize          case_size,
           gsize          n_cases,
           GTestDataFunc  func)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      gconstpointer test = (const char *) cases + i * case_size;
      /* Every case struct starts with its name. */
      const char *name = *(const char * const *) test;
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, name);

      g_test_add_data_func (path, test, func);
    }
}

#define ADD_CASES(prefix, cases, func) \
  add_cases (prefix, cases, sizeof cases[0], G_N_ELEMENTS (cases), func)

/* The example web page and its plain-text twin tell the same article: after the headline and
 * byline, paragraph for paragraph, the page's text is the text file's, except that the
 * blockquote's paragraph has no quotation marks on the page. */
static void
test_html_example_matches_text (void)
{
  g_autofree char *html_path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                      "articles", "northern-ledger.html", NULL);
  g_autofree char *text_path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                      "articles", "northern-ledger.txt", NULL);
  g_autoptr(GFile) html_file = g_file_new_for_path (html_path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) page = NULL;
  g_autoptr(CcSource) text = NULL;
  g_auto(GStrv) page_paragraphs = NULL;
  g_auto(GStrv) text_paragraphs = NULL;
  const CcMarkedQuote *quotes;
  guint n_quotes, n_blockquotes = 0;

  page = cc_import_file (html_file, CC_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  text = cc_import_file (text_file, CC_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_source_get_title (page), ==, cc_source_get_title (text));
  g_assert_cmpstr (cc_source_get_outlet (page), ==, "The Northern Ledger");
  g_assert_cmpstr (cc_source_get_author (page), ==, "Frances Marchbank");

  page_paragraphs = g_strsplit (cc_source_get_text (page), "\n\n", -1);
  text_paragraphs = g_strsplit (cc_source_get_text (text), "\n\n", -1);
  g_assert_cmpuint (g_strv_length (page_paragraphs), ==, g_strv_length (text_paragraphs));

  quotes = cc_source_get_marked_quotes (page, &n_quotes);
  for (guint i = 0; i < n_quotes; i++)
    if (quotes[i].kind == CC_MARKUP_BLOCKQUOTE)
      n_blockquotes++;
  g_assert_cmpuint (n_blockquotes, ==, 1);

  /* Paragraph 0 is the headline, 1 the byline and dateline (one line each in the text file). */
  for (guint i = 2; text_paragraphs[i] != NULL; i++)
    {
      /* The text file ends with a newline, as text files do; the page's text does not. */
      const char *expected = g_strchomp (text_paragraphs[i]);
      g_autofree char *unquoted = NULL;

      if (strcmp (page_paragraphs[i], expected) != 0 &&
          g_str_has_prefix (expected, "\xe2\x80\x9c") && g_str_has_suffix (expected, "\xe2\x80\x9d"))
        expected = unquoted = g_strndup (expected + 3, strlen (expected) - 6);

      g_assert_cmpstr (page_paragraphs[i], ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/text/utf8-exact-bytes", test_text_utf8_exact_bytes);
  g_test_add_func ("/core/import/text/utf8-bom", test_text_utf8_bom);
  g_test_add_data_func ("/core/import/text/utf16le", GINT_TO_POINTER (FALSE), test_text_utf16);
  g_test_add_data_func ("/core/import/text/utf16be", GINT_TO_POINTER (TRUE), test_text_utf16);
  ADD_CASES ("/core/import/text/utf16-invalid", utf16_failures, test_text_failure);
  g_test_add_func ("/core/import/text/windows-1252", test_text_windows_1252);
  g_test_add_func ("/core/import/text/iso-8859-1", test_text_iso_8859_1);
  g_test_add_func ("/core/import/text/binary", test_text_binary);
  ADD_CASES ("/core/import/text/empty", empty_cases, test_text_empty);
  ADD_CASES ("/core/import/text/headline", headline_cases, test_text_headline);
  g_test_add_func ("/core/import/text/sha256", test_text_sha256);
  g_test_add_func ("/core/import/text/too-large", test_text_too_large);

  g_test_add_func ("/core/import/html/article", test_html_article);
  g_test_add_func ("/core/import/html/example-matches-text", test_html_example_matches_text);
  g_test_add_func ("/core/import/html/windows-1252", test_html_windows_1252);
  g_test_add_func ("/core/import/html/http-equiv-charset", test_html_http_equiv_charset);
  g_test_add_func ("/core/import/html/undeclared-legacy", test_html_undeclared_legacy);
  g_test_add_func ("/core/import/html/xml-declaration", test_html_xml_declaration);
  g_test_add_func ("/core/import/html/unknown-charset", test_html_unknown_charset);
  g_test_add_func ("/core/import/html/utf16", test_html_utf16);
  g_test_add_func ("/core/import/html/metadata-fallbacks", test_html_metadata_fallbacks);
  g_test_add_func ("/core/import/html/metadata-fallbacks-2", test_html_metadata_fallbacks_2);
  ADD_CASES ("/core/import/html/published", published_cases, test_html_published);
  ADD_CASES ("/core/import/html/title", title_cases, test_html_title);
  ADD_CASES ("/core/import/html/layout", layout_cases, test_html_layout);
  g_test_add_func ("/core/import/html/deep-nesting", test_html_deep_nesting);
  g_test_add_func ("/core/import/html/empty", test_html_empty);
  g_test_add_func ("/core/import/html/binary", test_html_binary);

  g_test_add ("/core/import/file/missing", TempDir, NULL,
              temp_dir_setup, test_file_missing, temp_dir_teardown);
  g_test_add ("/core/import/file/directory", TempDir, NULL,
              temp_dir_setup, test_file_directory, temp_dir_teardown);
  g_test_add ("/core/import/file/auto-detect", TempDir, NULL,
              temp_dir_setup, test_file_auto_detect, temp_dir_teardown);
  g_test_add ("/core/import/file/explicit-format", TempDir, NULL,
              temp_dir_setup, test_file_explicit_format, temp_dir_teardown);
  g_test_add ("/core/import/file/too-large", TempDir, NULL,
              temp_dir_setup, test_file_too_large, temp_dir_teardown);
  g_test_add ("/core/import/file/cancelled", TempDir, NULL,
              temp_dir_setup, test_file_cancelled, temp_dir_teardown);

  return g_test_run ();
}
