/* test-project-io.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cc-error.h"
#include "cc-project-io-private.h"

#define NS "https://crosscheck.github.io/ns/project/1"

/* Texts XML mangles unless written with care: every one must come back byte for byte. */
static const char * const tricky_texts[] = {
  "plain",
  "  leading and trailing white space  ",
  "\n\nblank lines first\n\n\nand last\n\n",
  "tabs\tinside\t\tand at the end\t",
  "CR LF\r\nline ends\r\n",
  "lone CR\rline ends\r",
  "mixed\r\n\n\r\r\nends",
  "markup <b>not</b> & &amp; &lt; \"quotes\" 'apostrophes' ]]> <![CDATA[x]]>",
  "every plane: \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf0\xa0\x80\x80 \xf0\xb0\x80\x80 "
  "\xf3\xa0\x80\x81 \xf3\xb0\x80\x80 \xf4\x8f\xbf\xbd",
  "combining: e\xcc\x81 a\xcc\x8a\xcc\x81 \xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7",
  "right to left: \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xe2\x80\x8f",
  "C0 controls: \x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15"
  "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f and DEL \x7f",
  "noncharacters \xef\xbf\xbe \xef\xbf\xbf and BOM \xef\xbb\xbf inside",
  "\x1b[31mescape at start and end\x1b",
  "nbsp\xc2\xa0" "and soft\xc2\xad hyphen, zero\xe2\x80\x8b" "width",
  " ",
};

static CcSource *
make_full_source (const char *id,
                  const char *text)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600 + 1800);
  g_autoptr(GDateTime) published = g_date_time_new (zone, 2026, 3, 14, 8, 30, 15.123456);
  g_autoptr(GDateTime) retrieved = g_date_time_new_utc (2026, 3, 15, 23, 59, 59);
  CcSource *source = cc_source_new ();

  cc_source_set_id (source, id);
  cc_source_set_title (source, text);
  cc_source_set_outlet (source, text);
  cc_source_set_author (source, text);
  cc_source_set_url (source, "https://example.org/a?b=1&c=<2>");
  cc_source_set_published (source, published);
  cc_source_set_retrieved (source, retrieved);
  cc_source_set_language (source, "sr-Latn-RS");
  cc_source_set_notes (source, text);
  cc_source_set_text (source, text);
  cc_source_set_original_filename (source, text);
  cc_source_set_encoding (source, "Windows-1252");
  cc_source_set_sha256 (source,
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  if (cc_source_get_length (source) >= 2)
    {
      g_assert_true (cc_source_add_excluded (source, 0, 1));
      g_assert_true (cc_source_add_excluded (source, 1, cc_source_get_length (source)));
      g_assert_true (cc_source_add_marked_quote (source, 0, 2, CC_MARKUP_Q));
      g_assert_true (cc_source_add_marked_quote (source, 1, 2, CC_MARKUP_BLOCKQUOTE));
    }

  return source;
}

static CcProject *
make_full_project (void)
{
  CcProject *project = cc_project_new ();
  CcComparisonSettings *settings = cc_project_get_settings (project);

  cc_project_set_title (project, "Kessel Valley \xe2\x80\x94 leak\r\n");
  cc_project_set_description (project, "\tline one\n\nline two \x01\n");
  cc_comparison_settings_set_min_passage_words (settings, 9);
  cc_comparison_settings_set_max_bridged_words (settings, 0);
  cc_comparison_settings_set_min_identity (settings, 65);
  cc_comparison_settings_set_min_quote_words (settings, 1);
  cc_comparison_settings_set_fold_case (settings, FALSE);
  cc_comparison_settings_set_ignore_punctuation (settings, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (tricky_texts); i++)
    {
      g_autofree char *id = g_strdup_printf ("source-%u", i);
      g_autoptr(CcSource) source = make_full_source (id, tricky_texts[i]);

      cc_project_add_source (project, source);
    }

  /* A source with nothing but an id and an empty text. */
  {
    g_autoptr(CcSource) bare = cc_source_new ();
    cc_source_set_id (bare, "bare");
    cc_project_add_source (project, bare);
  }

  return project;
}

static void
assert_date_times_equal (GDateTime *a,
                         GDateTime *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  g_assert_true (g_date_time_equal (a, b));
  g_assert_cmpint (g_date_time_get_utc_offset (a), ==, g_date_time_get_utc_offset (b));
  g_assert_cmpint (g_date_time_get_microsecond (a), ==, g_date_time_get_microsecond (b));
}

static void
assert_sources_equal (CcSource *a,
                      CcSource *b)
{
  const CcRange *ranges_a, *ranges_b;
  const CcMarkedQuote *quotes_a, *quotes_b;
  guint n_a, n_b;

  g_assert_cmpstr (cc_source_get_id (a), ==, cc_source_get_id (b));
  g_assert_cmpstr (cc_source_get_title (a), ==, cc_source_get_title (b));
  g_assert_cmpstr (cc_source_get_outlet (a), ==, cc_source_get_outlet (b));
  g_assert_cmpstr (cc_source_get_author (a), ==, cc_source_get_author (b));
  g_assert_cmpstr (cc_source_get_url (a), ==, cc_source_get_url (b));
  assert_date_times_equal (cc_source_get_published (a), cc_source_get_published (b));
  assert_date_times_equal (cc_source_get_retrieved (a), cc_source_get_retrieved (b));
  g_assert_cmpstr (cc_source_get_language (a), ==, cc_source_get_language (b));
  g_assert_cmpstr (cc_source_get_notes (a), ==, cc_source_get_notes (b));
  g_assert_cmpstr (cc_source_get_text (a), ==, cc_source_get_text (b));
  g_assert_cmpstr (cc_source_get_original_filename (a), ==, cc_source_get_original_filename (b));
  g_assert_cmpstr (cc_source_get_encoding (a), ==, cc_source_get_encoding (b));
  g_assert_cmpstr (cc_source_get_sha256 (a), ==, cc_source_get_sha256 (b));

  ranges_a = cc_source_get_excluded (a, &n_a);
  ranges_b = cc_source_get_excluded (b, &n_b);
  g_assert_cmpuint (n_a, ==, n_b);
  if (n_a > 0)
    g_assert_cmpmem (ranges_a, n_a * sizeof (CcRange), ranges_b, n_b * sizeof (CcRange));

  quotes_a = cc_source_get_marked_quotes (a, &n_a);
  quotes_b = cc_source_get_marked_quotes (b, &n_b);
  g_assert_cmpuint (n_a, ==, n_b);
  if (n_a > 0)
    g_assert_cmpmem (quotes_a, n_a * sizeof (CcMarkedQuote),
                     quotes_b, n_b * sizeof (CcMarkedQuote));
}

static void
assert_projects_equal (CcProject *a,
                       CcProject *b)
{
  g_assert_cmpstr (cc_project_get_title (a), ==, cc_project_get_title (b));
  g_assert_cmpstr (cc_project_get_description (a), ==, cc_project_get_description (b));
  g_assert_true (cc_comparison_settings_equal (cc_project_get_settings (a),
                                               cc_project_get_settings (b)));
  g_assert_cmpuint (cc_project_get_n_sources (a), ==, cc_project_get_n_sources (b));

  for (guint i = 0; i < cc_project_get_n_sources (a); i++)
    assert_sources_equal (cc_project_get_source (a, i), cc_project_get_source (b, i));
}

static void
test_round_trip_bytes (void)
{
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(CcProject) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  bytes = cc_project_to_bytes (project);
  loaded = cc_project_load_bytes (bytes, "round-trip.crosscheck", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_false (cc_project_get_modified (loaded));

  assert_projects_equal (project, loaded);

  /* Writing what was read gives the same file: nothing drifts from save to save. */
  again = cc_project_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_round_trip_each_text (gconstpointer data)
{
  const char *text = data;
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcSource) source = make_full_source ("only", text);
  g_autoptr(CcProject) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  cc_project_set_title (project, text);
  cc_project_set_description (project, text);
  cc_project_add_source (project, source);

  bytes = cc_project_to_bytes (project);
  loaded = cc_project_load_bytes (bytes, "one.crosscheck", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (cc_project_get_title (loaded), ==, cc_project_get_title (project));
  g_assert_cmpstr (cc_project_get_description (loaded), ==, text[0] ? text : NULL);
  assert_sources_equal (source, cc_project_get_source (loaded, 0));
}

/* libxml2 caps a text node at 10 MB unless told otherwise: a long article with CR LF line ends
 * once saved fine and then could not be opened again. */
static void
test_round_trip_huge_text (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcSource) source = cc_source_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(CcProject) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  while (text->len < 12 * 1000 * 1000)
    g_string_append (text, "The authority said the sensor may simply be faulty.\r\n");

  cc_source_set_id (source, "long");
  cc_source_set_text (source, text->str);
  cc_project_add_source (project, source);

  bytes = cc_project_to_bytes (project);
  loaded = cc_project_load_bytes (bytes, "long.crosscheck", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_source_get_text (cc_project_get_source (loaded, 0)), ==, text->str);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("crosscheck-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_round_trip_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "full.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(CcProject) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_project_get_modified (project));
  g_assert_true (cc_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cc_project_get_modified (project));

  loaded = cc_project_load (file, NULL, &error);
  g_assert_no_error (error);
  assert_projects_equal (project, loaded);

  /* Nothing but the file itself: no temporary left behind, no backup of a file never saved. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

static void
test_written_file_matches_schema (void)
{
  const char *schema = g_getenv ("CROSSCHECK_SCHEMA");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "full.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };

  if (schema == NULL)
    {
      g_test_skip ("CROSSCHECK_SCHEMA is not set");
      return;
    }

  g_assert_true (cc_project_save (project, file, NULL, &error));
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint rejected the written project: %s", err);

  remove_tree (dir);
}

/* Hostile and broken input --------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *content;     /* NULL: made by make_content */
  int         code;
  const char *message;     /* a phrase the message must contain */
  const char *location;    /* where the message must point, such as "line 3" */
} BadFile;

static char *
deep_nesting (void)
{
  GString *s = g_string_new ("<project xmlns=\"" NS "\" version=\"1.0\">");

  for (guint i = 0; i < 50000; i++)
    g_string_append (s, "<a>");
  for (guint i = 0; i < 50000; i++)
    g_string_append (s, "</a>");
  g_string_append (s, "</project>");
  return g_string_free (s, FALSE);
}

static char *
truncated_project (void)
{
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(GBytes) bytes = cc_project_to_bytes (project);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size * 2 / 3);
}

static const BadFile bad_files[] = {
  { "external-entity",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE project [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<project xmlns=\"" NS "\" version=\"1.0\"><title>&secret;</title></project>\n",
    CC_ERROR_UNSAFE, "document type declaration", "line 2" },
  { "billion-laughs",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<project xmlns=\"" NS "\" version=\"1.0\"><title>&lol9;</title></project>\n",
    CC_ERROR_UNSAFE, "document type declaration", "line 2" },
  { "external-dtd",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE project SYSTEM \"http://example.invalid/project.dtd\">\n"
    "<project xmlns=\"" NS "\" version=\"1.0\"/>\n",
    CC_ERROR_UNSAFE, "document type declaration", "line 2" },
  { "undefined-entity",
    "<project xmlns=\"" NS "\" version=\"1.0\">\n<title>&nbsp;</title></project>\n",
    CC_ERROR_UNSAFE, "entity that is not defined", "line 2" },
  { "deep-nesting", NULL, CC_ERROR_MALFORMED, "nested", "line 1" },
  { "truncated", NULL, CC_ERROR_MALFORMED, "cut short", "line " },
  { "wrong-root",
    "<?xml version=\"1.0\"?>\n<html><body>not a project</body></html>\n",
    CC_ERROR_INVALID, "not a Crosscheck project", "line 2, column 1" },
  { "right-name-no-namespace",
    "<project version=\"1.0\"/>",
    CC_ERROR_INVALID, "not a Crosscheck project", "line 1" },
  { "newer-namespace",
    "<?xml version=\"1.0\"?>\n"
    "<project xmlns=\"https://crosscheck.github.io/ns/project/2\" version=\"2.0\"/>\n",
    CC_ERROR_NEWER_VERSION, "newer version of Crosscheck", "line 2" },
  { "newer-version-attribute",
    "<project xmlns=\"" NS "\" version=\"3.1\"/>",
    CC_ERROR_NEWER_VERSION, "newer version of Crosscheck", "line 1" },
  { "newer-minor-with-new-element",
    "<project xmlns=\"" NS "\" version=\"1.4\">\n<title>t</title>\n<tags/></project>",
    CC_ERROR_NEWER_VERSION, "saved by a newer version of Crosscheck (format 1.4)", "line 3" },
  { "missing-version",
    "<project xmlns=\"" NS "\"/>",
    CC_ERROR_INVALID, "version", "line 1" },
  { "invalid-utf8",
    "<project xmlns=\"" NS "\" version=\"1.0\">\n<title>caf\xc3\x28</title></project>",
    CC_ERROR_MALFORMED, "not valid UTF-8", "line 2" },
  { "latin1-without-declaration",
    "<project xmlns=\"" NS "\" version=\"1.0\">\n\n<title>caf\xe9</title></project>",
    CC_ERROR_MALFORMED, "not valid UTF-8", "line 3" },
  { "not-xml",
    "\x89PNG\r\n\x1a\n\x01\x02",
    CC_ERROR_MALFORMED, "not XML at all", "line 1" },
  { "mismatched-tags",
    "<project xmlns=\"" NS "\" version=\"1.0\">\n<title>x</titel>\n</project>",
    CC_ERROR_MALFORMED, "not well-formed", "line 2" },
  { "trailing-garbage",
    "<project xmlns=\"" NS "\" version=\"1.0\"/>\n<project/>",
    CC_ERROR_MALFORMED, "more text after the end", "line 2" },
  { "duplicate-ids",
    "<project xmlns=\"" NS "\" version=\"1.0\"><sources>\n"
    "<source id=\"a\"><text>one</text></source>\n"
    "<source id=\"a\"><text>two</text></source>\n"
    "</sources></project>",
    CC_ERROR_INVALID, "two sources have the id “a” (the other is on line 2)", "line 3" },
  { "excluded-past-end",
    "<project xmlns=\"" NS "\" version=\"1.0\"><sources>\n"
    "<source id=\"a\">\n  <excluded start=\"2\" end=\"9\"/>\n<text>four</text></source>\n"
    "</sources></project>",
    CC_ERROR_INVALID, "past the end of the source’s text, which has 4 characters",
    "line 3, column 3" },
  { "excluded-backwards",
    "<project xmlns=\"" NS "\" version=\"1.0\"><sources>\n"
    "<source id=\"a\"><excluded start=\"3\" end=\"1\"/><text>four</text></source>\n"
    "</sources></project>",
    CC_ERROR_INVALID, "must end after it starts", "line 2, column 16" },
  { "excluded-not-a-number",
    "<project xmlns=\"" NS "\" version=\"1.0\"><sources>\n"
    "<source id=\"a\"><excluded start=\"-1\" end=\"x\"/><text>four</text></source>\n"
    "</sources></project>",
    CC_ERROR_INVALID, "whole number", "line 2" },
  { "marked-quote-past-end",
    "<project xmlns=\"" NS "\" version=\"1.0\"><sources>\n"
    "<source id=\"a\"><text>four</text>\n<marked-quote start=\"0\" end=\"5\" markup=\"q\"/>"
    "</source>\n</sources></project>",
    CC_ERROR_INVALID, "past the end", "line 3" },
  { "source-without-text",
    "<project xmlns=\"" NS "\" version=\"1.0\"><sources>\n"
    "<source id=\"a\"><title>t</title></source>\n</sources></project>",
    CC_ERROR_INVALID, "has no <text>", "line 2" },
  { "source-without-id",
    "<project xmlns=\"" NS "\" version=\"1.0\"><sources>\n"
    "<source><text>t</text></source>\n</sources></project>",
    CC_ERROR_INVALID, "needs a non-empty id", "line 2" },
  { "unknown-element",
    "<project xmlns=\"" NS "\" version=\"1.0\">\n  <colour>red</colour>\n</project>",
    CC_ERROR_INVALID, "<colour> is not something a <project> element can contain",
    "line 2, column 3" },
  { "element-in-text",
    "<project xmlns=\"" NS "\" version=\"1.0\">\n<title>a <b>bold</b> title</title></project>",
    CC_ERROR_INVALID, "may hold only text", "line 2" },
  { "bad-char-code",
    "<project xmlns=\"" NS "\" version=\"1.0\"><title>a<char code=\"D800\"/></title></project>",
    CC_ERROR_INVALID, "does not name a character", "line 1" },
  { "bad-date",
    "<project xmlns=\"" NS "\" version=\"1.0\"><sources>\n<source id=\"a\">\n"
    "<published>14 March 2026</published><text>x</text></source></sources></project>",
    CC_ERROR_INVALID, "is not a date and time", "line 3" },
  { "duplicate-title",
    "<project xmlns=\"" NS "\" version=\"1.0\"><title>a</title>\n<title>b</title></project>",
    CC_ERROR_INVALID, "appears twice (first on line 1)", "line 2" },
  { "settings-out-of-range",
    "<project xmlns=\"" NS "\" version=\"1.0\"><settings min-identity=\"150\"/></project>",
    CC_ERROR_INVALID, "from 1 to 100", "line 1" },
  { "settings-unknown",
    "<project xmlns=\"" NS "\" version=\"1.0\"><settings colour=\"red\"/></project>",
    CC_ERROR_INVALID, "no colour setting", "line 1" },
  { "stray-text",
    "<project xmlns=\"" NS "\" version=\"1.0\">\nhello</project>",
    CC_ERROR_INVALID, "contains text outside its elements", "line 1" },
  { "empty", "", CC_ERROR_EMPTY, "is empty", NULL },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *made = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *content = bad->content;

  if (content == NULL && strcmp (bad->name, "deep-nesting") == 0)
    content = made = deep_nesting ();
  else if (content == NULL)
    content = made = truncated_project ();

  bytes = g_bytes_new_static (content, strlen (content));
  project = cc_project_load_bytes (bytes, "hostile.crosscheck", &error);

  g_assert_null (project);
  g_assert_error (error, CC_ERROR, bad->code);
  g_test_message ("%s: %s", bad->name, error->message);

  /* Every message names the file, where in it, and what is wrong. */
  g_assert_true (g_str_has_prefix (error->message, "“hostile.crosscheck”"));
  g_assert_nonnull (strstr (error->message, bad->message));
  if (bad->location != NULL)
    {
      g_assert_nonnull (strstr (error->message, bad->location));
      g_assert_nonnull (strstr (error->message, "column "));
    }

  /* Nothing of the local file an entity pointed at may leak into the message. */
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_newer_minor_opens (void)
{
  static const char content[] =
    "<project xmlns=\"" NS "\" version=\"1.9\"><title>From the future</title></project>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (content, sizeof content - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcProject) project = cc_project_load_bytes (bytes, "later.crosscheck", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cc_project_get_title (project), ==, "From the future");
}

static void
test_load_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/folder/gone.crosscheck");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcProject) project = cc_project_load (file, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“gone.crosscheck”"));
}

static void
test_load_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcProject) project = NULL;
  FILE *stream;

  /* A sparse file: as large as the limit plus one, without using the disk space. */
  stream = fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), CC_PROJECT_MAX_BYTES + 1), ==, 0);
  fclose (stream);

  project = cc_project_load (file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, CC_ERROR, CC_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“huge.crosscheck” is too large"));

  remove_tree (dir);
}

static void
test_load_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcProject) project = cc_project_load (file, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  remove_tree (dir);
}

/* Saving --------------------------------------------------------------------------------- */

static char *
save_first_version (const char *dir,
                    GBytes    **old_bytes)
{
  char *path = g_build_filename (dir, "story.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(GError) error = NULL;

  cc_project_set_title (project, "First version");
  g_assert_true (cc_project_save (project, file, NULL, &error));
  g_assert_no_error (error);

  *old_bytes = read_file (path);
  return path;
}

static void
test_save_keeps_backup (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GBytes) old_bytes = NULL;
  g_autofree char *path = save_first_version (dir, &old_bytes);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(GBytes) new_bytes = NULL;
  g_autoptr(GBytes) backup_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_chmod (path, 0640);
  g_assert_true (cc_project_save (project, file, NULL, &error));
  g_assert_no_error (error);

  new_bytes = read_file (path);
  backup_bytes = read_file (backup);
  g_assert_true (g_bytes_equal (backup_bytes, old_bytes));
  g_assert_false (g_bytes_equal (new_bytes, old_bytes));
  g_assert_cmpuint (count_entries (dir), ==, 2);

  /* The user's permissions survive the rename. */
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  }

  remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GBytes) old_bytes = NULL;
  g_autofree char *path = save_first_version (dir, &old_bytes);
  g_autofree char *link_path = g_build_filename (dir, "link.crosscheck", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (path, link_path), ==, 0);
  g_assert_true (cc_project_save (project, link_file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  {
    g_autoptr(GBytes) through_link = read_file (link_path);
    g_autoptr(GBytes) target = read_file (path);
    g_assert_true (g_bytes_equal (through_link, target));
    g_assert_false (g_bytes_equal (target, old_bytes));
  }

  remove_tree (dir);
}

/* A stream that runs out of space after a set number of bytes, like a full disk. */
typedef struct
{
  GFilterOutputStream parent_instance;
  gsize               room;
  gboolean            fail_close;
} FullDiskStream;

typedef GFilterOutputStreamClass FullDiskStreamClass;

static GType full_disk_stream_get_type (void);
G_DEFINE_TYPE (FullDiskStream, full_disk_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
full_disk_stream_write (GOutputStream  *stream,
                        const void     *buffer,
                        gsize           count,
                        GCancellable   *cancellable,
                        GError        **error)
{
  FullDiskStream *self = (FullDiskStream *)stream;
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));

  gssize written;

  if (self->room == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }

  written = g_output_stream_write (base, buffer, MIN (count, self->room), cancellable, error);
  if (written > 0)
    self->room -= written;
  return written;
}

static gboolean
full_disk_stream_close (GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  FullDiskStream *self = (FullDiskStream *)stream;

  if (self->fail_close)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Input/output error");
      return FALSE;
    }

  return TRUE;
}

static void
full_disk_stream_class_init (FullDiskStreamClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  stream_class->write_fn = full_disk_stream_write;
  stream_class->close_fn = full_disk_stream_close;
}

static void
full_disk_stream_init (FullDiskStream *self)
{
}

typedef struct
{
  gsize    room;
  gboolean fail_close;
} FullDisk;

static GOutputStream *
wrap_full_disk (GOutputStream *stream,
                gpointer       user_data)
{
  const FullDisk *disk = user_data;
  FullDiskStream *wrapped = g_object_new (full_disk_stream_get_type (),
                                          "base-stream", stream,
                                          "close-base-stream", FALSE,
                                          NULL);

  wrapped->room = disk->room;
  wrapped->fail_close = disk->fail_close;
  return G_OUTPUT_STREAM (wrapped);
}

static const FullDisk full_disks[] = {
  { 0, FALSE },
  { 100, FALSE },
  { 4096, FALSE },
  { G_MAXSIZE, TRUE },
};

static void
test_save_disk_full (gconstpointer data)
{
  const FullDisk *disk = data;
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GBytes) old_bytes = NULL;
  g_autofree char *path = save_first_version (dir, &old_bytes);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(GBytes) new_bytes = cc_project_to_bytes (project);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_bytes_get_size (new_bytes), >, 4096);
  g_assert_false (cc_project_save_bytes (new_bytes, file, wrap_full_disk, (gpointer)disk,
                                         NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“story.crosscheck”"));
  g_assert_nonnull (strstr (error->message, "was not changed"));
  if (!disk->fail_close)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  after = read_file (path);
  g_assert_true (g_bytes_equal (after, old_bytes));
  /* The half-written temporary is gone, and no backup was made of a save that failed. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

/* Runs in a child: as root, folder permissions bind nobody, so it becomes an ordinary user. */
static void
test_save_read_only_folder_child (void)
{
  const char *dir = g_getenv ("CC_TEST_LOCKED_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    return;

  g_assert_nonnull (dir);
  if (geteuid () == 0)
    g_assert_cmpint (setuid (65534), ==, 0);

  path = g_build_filename (dir, "story.crosscheck", NULL);
  file = g_file_new_for_path (path);
  g_assert_false (cc_project_save (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "“story.crosscheck”"));
  g_assert_nonnull (strstr (error->message, "was not changed"));
  g_assert_true (cc_project_get_modified (project));
}

static void
test_save_read_only_folder_parent (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *sub = g_build_filename (dir, "locked", NULL);
  g_autoptr(GBytes) old_bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_chmod (dir, 0755);
  path = save_first_version (sub, &old_bytes);
  g_chmod (path, 0644);
  g_chmod (sub, 0555);

  g_setenv ("CC_TEST_LOCKED_DIR", sub, TRUE);
  g_test_trap_subprocess ("/core/project-io/save/read-only-folder/child", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  after = read_file (path);
  g_assert_true (g_bytes_equal (after, old_bytes));
  g_assert_cmpuint (count_entries (sub), ==, 1);

  remove_tree (dir);
}

static void
test_save_cancelled (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GBytes) old_bytes = NULL;
  g_autofree char *path = save_first_version (dir, &old_bytes);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (cc_project_save (project, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = read_file (path);
  g_assert_true (g_bytes_equal (after, old_bytes));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

static void
on_async_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async_save_and_load (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcProject) project = make_full_project ();
  g_autoptr(CcProject) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* An edit made while the save runs must keep the project marked as modified. */
  cc_project_save_async (project, file, NULL, on_async_done, &result);
  cc_project_set_title (project, "Changed during the save");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cc_project_save_finish (project, result, &error));
  g_assert_no_error (error);
  g_assert_true (cc_project_get_modified (project));
  g_clear_object (&result);

  cc_project_save_async (project, file, NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cc_project_save_finish (project, result, &error));
  g_assert_false (cc_project_get_modified (project));
  g_clear_object (&result);

  cc_project_load_async (file, NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  loaded = cc_project_load_finish (result, &error);
  g_assert_no_error (error);
  assert_projects_equal (project, loaded);

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/project-io/round-trip/bytes", test_round_trip_bytes);
  g_test_add_func ("/core/project-io/round-trip/file", test_round_trip_file);
  for (guint i = 0; i < G_N_ELEMENTS (tricky_texts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/project-io/round-trip/text-%u", i);
      g_test_add_data_func (path, tricky_texts[i], test_round_trip_each_text);
    }
  g_test_add_func ("/core/project-io/round-trip/huge-text", test_round_trip_huge_text);
  g_test_add_func ("/core/project-io/schema", test_written_file_matches_schema);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/project-io/refuse/%s", bad_files[i].name);
      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/core/project-io/newer-minor-opens", test_newer_minor_opens);
  g_test_add_func ("/core/project-io/refuse/missing-file", test_load_missing_file);
  g_test_add_func ("/core/project-io/refuse/folder", test_load_folder);
  g_test_add_func ("/core/project-io/refuse/too-large", test_load_too_large);

  g_test_add_func ("/core/project-io/save/backup", test_save_keeps_backup);
  g_test_add_func ("/core/project-io/save/symlink", test_save_through_symlink);
  for (guint i = 0; i < G_N_ELEMENTS (full_disks); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/project-io/save/disk-full-%u", i);
      g_test_add_data_func (path, &full_disks[i], test_save_disk_full);
    }
  g_test_add_func ("/core/project-io/save/read-only-folder", test_save_read_only_folder_parent);
  g_test_add_func ("/core/project-io/save/read-only-folder/child",
                   test_save_read_only_folder_child);
  g_test_add_func ("/core/project-io/save/cancelled", test_save_cancelled);
  g_test_add_func ("/core/project-io/async", test_async_save_and_load);

  return g_test_run ();
}
