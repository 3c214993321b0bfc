/* test-cli.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <json-glib/json-glib.h>

typedef struct
{
  char *dir;
  char *project;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs crosscheck-cli with the arguments up to NULL and returns its exit status and output. */
static Run
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CROSSCHECK_CLI");
  Run run = { 0 };
  int wait_status;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer)cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run.out, &run.err, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  run.status = WEXITSTATUS (wait_status);
  return run;
}

/* Parses a command's JSON output; the test fails if it is not JSON. */
static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static char *
article (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "articles", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  fixture->dir = g_dir_make_tmp ("crosscheck-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->project = g_build_filename (fixture->dir, "story.crosscheck", NULL);

  run = run_cli ("new", fixture->project, "--title", "Kessel Valley leak", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
}

static void
test_help (void)
{
  const char *commands[] = { "new", "import", "list", "show", "validate", "compare", "diff",
                             "passages", "quotes", "matrix" };
  g_auto(Run) run = run_cli ("--help", NULL);

  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) command_help = run_cli (commands[i], "--help", NULL);

      g_assert_nonnull (strstr (run.out, commands[i]));
      g_assert_cmpint (command_help.status, ==, 0);
      g_assert_nonnull (strstr (command_help.out, commands[i]));
      g_assert_nonnull (strstr (command_help.out, "crosscheck"));
    }
}

static void
test_usage_errors (void)
{
  g_auto(Run) none = run_cli (NULL);
  g_auto(Run) unknown = run_cli ("frobnicate", NULL);
  g_auto(Run) bad_option = run_cli ("list", "--colour", "x.crosscheck", NULL);
  g_auto(Run) no_title = run_cli ("new", "x.crosscheck", NULL);

  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "“frobnicate” is not a command"));
  g_assert_cmpint (bad_option.status, ==, 2);
  g_assert_cmpint (no_title.status, ==, 2);
  g_assert_nonnull (strstr (no_title.err, "--title"));
  g_assert_false (g_file_test ("x.crosscheck", G_FILE_TEST_EXISTS));
}

static void
test_new_refuses_to_overwrite (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) before = read_bytes (fixture->project);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *backup = g_strconcat (fixture->project, "~", NULL);
  g_auto(Run) again = run_cli ("new", fixture->project, "--title", "Other", NULL);
  g_auto(Run) forced = { 0 };

  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already exists"));
  after = read_bytes (fixture->project);
  g_assert_true (g_bytes_equal (before, after));

  forced = run_cli ("new", fixture->project, "--title", "Other", "--force", NULL);
  g_assert_cmpint (forced.status, ==, 0);
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (backup);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_import_text_and_show (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *wire = article ("wire-digest.txt");
  g_autoptr(GBytes) wire_bytes = read_bytes (wire);
  g_auto(Run) import = run_cli ("import", fixture->project, wire,
                                "--outlet", "Wire Digest", "--author", "Priya Halloran",
                                "--published", "2026-03-13T15:20:00+00:00",
                                "--language", "en-GB", NULL);
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) json = { 0 };

  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_true (g_str_has_prefix (import.out, "wire-digest\t"));
  g_assert_nonnull (strstr (import.out, "UTF-8"));

  list = run_cli ("list", fixture->project, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, "wire-digest\t"));
  g_assert_nonnull (strstr (list.out, "\tWire Digest\t2026-03-13\t"));

  /* The text comes back exactly as the file had it, byte for byte. */
  show = run_cli ("show", fixture->project, "wire-digest", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_cmpmem (show.out, strlen (show.out),
                   g_bytes_get_data (wire_bytes, NULL), g_bytes_get_size (wire_bytes));

  json = run_cli ("show", fixture->project, "wire-digest", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  {
    g_autoptr(JsonObject) source = parse_object (json.out);
    JsonObject *provenance = json_object_get_object_member (source, "provenance");

    g_assert_cmpstr (json_object_get_string_member (source, "author"), ==, "Priya Halloran");
    g_assert_cmpstr (json_object_get_string_member (source, "language"), ==, "en-GB");
    g_assert_cmpstr (json_object_get_string_member (source, "published"), ==,
                     "2026-03-13T15:20:00Z");
    g_assert_true (json_object_get_null_member (source, "notes"));
    g_assert_cmpstr (json_object_get_string_member (source, "text"), ==,
                     g_bytes_get_data (wire_bytes, NULL));
    g_assert_cmpstr (json_object_get_string_member (provenance, "encoding"), ==, "UTF-8");
    g_assert_cmpstr (json_object_get_string_member (provenance, "file"), ==, "wire-digest.txt");
  }
}

static void
test_import_html (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *page = article ("northern-ledger.html");
  g_auto(Run) import = run_cli ("import", fixture->project, page, "--id", "ledger-web", NULL);
  g_auto(Run) json = { 0 };
  g_auto(Run) show = { 0 };

  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_str_has_prefix (import.out, "ledger-web\t"));

  json = run_cli ("list", fixture->project, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  {
    g_autoptr(JsonObject) project = parse_object (json.out);
    JsonArray *sources = json_object_get_array_member (project, "sources");
    JsonObject *source;

    g_assert_cmpstr (json_object_get_string_member (project, "title"), ==, "Kessel Valley leak");
    g_assert_cmpuint (json_array_get_length (sources), ==, 1);
    source = json_array_get_object_element (sources, 0);
    g_assert_cmpstr (json_object_get_string_member (source, "id"), ==, "ledger-web");
    g_assert_cmpstr (json_object_get_string_member (source, "outlet"), ==, "The Northern Ledger");
    g_assert_cmpstr (json_object_get_string_member (source, "author"), ==, "Frances Marchbank");
    g_assert_cmpstr (json_object_get_string_member (source, "published"), ==,
                     "2026-03-14T08:30:00Z");
    g_assert_true (g_str_has_prefix (json_object_get_string_member (source, "url"),
                                     "https://northern-ledger.example/"));
    g_assert_false (json_object_has_member (source, "text"));
  }

  /* The article's words are there; the page's furniture is not. */
  show = run_cli ("show", fixture->project, "ledger-web", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Ledwith"));
  g_assert_null (strstr (show.out, "<p>"));
  g_assert_null (strstr (show.out, "Post comment"));
}

static void
test_import_failure_changes_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *good = article ("daily-signal.txt");
  g_autofree char *binary = g_build_filename (fixture->dir, "photo.jpg", NULL);
  g_autoptr(GBytes) before = read_bytes (fixture->project);
  g_autoptr(GBytes) after = NULL;
  g_auto(Run) import = { 0 };
  static const char jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF\0\x01";

  g_assert_true (g_file_set_contents (binary, jpeg, sizeof jpeg, NULL));

  import = run_cli ("import", fixture->project, good, binary, NULL);
  g_assert_cmpint (import.status, ==, 1);
  g_assert_nonnull (strstr (import.err, "photo.jpg"));
  g_assert_cmpstr (import.out, ==, "");

  after = read_bytes (fixture->project);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_duplicate_id_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *one = article ("daily-signal.txt");
  g_autofree char *two = article ("valley-courier.txt");
  g_auto(Run) first = run_cli ("import", fixture->project, one, "--id", "same", NULL);
  g_auto(Run) second = run_cli ("import", fixture->project, two, "--id", "same", NULL);
  g_auto(Run) both = run_cli ("import", fixture->project, one, two, "--id", "x", NULL);

  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpint (second.status, ==, 1);
  g_assert_nonnull (strstr (second.err, "“same”"));
  g_assert_cmpint (both.status, ==, 2);
}

static void
test_show_unknown_source (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Run) show = run_cli ("show", fixture->project, "nobody", NULL);

  g_assert_cmpint (show.status, ==, 1);
  g_assert_nonnull (strstr (show.err, "no source “nobody”"));
}

static void
test_validate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.crosscheck", NULL);
  g_auto(Run) good = run_cli ("validate", fixture->project, NULL);
  g_auto(Run) bad = { 0 };
  g_auto(Run) missing = run_cli ("validate", "/nonexistent/x.crosscheck", NULL);

  g_assert_cmpint (good.status, ==, 0);
  g_assert_nonnull (strstr (good.out, "valid, 0 sources"));

  g_assert_true (g_file_set_contents (broken,
                                      "<project xmlns=\"https://crosscheck.github.io/ns/project/1\""
                                      " version=\"1.0\">\n<sources>\n<source id=\"a\">", -1, NULL));
  bad = run_cli ("validate", fixture->project, broken, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "“broken.crosscheck”, line 3"));
  g_assert_nonnull (strstr (bad.out, "story.crosscheck: valid"));

  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "“x.crosscheck”"));
}

static void
test_example_project_is_valid (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "harbour-leak.crosscheck", NULL);
  g_auto(Run) run = run_cli ("validate", example, NULL);
  g_auto(Run) list = run_cli ("list", example, NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (list.status, ==, 0);

  /* Four outlets at least, each article 400 to 900 words, as the example promises. */
  lines = g_strsplit (g_strstrip (list.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *words = strrchr (lines[i], '\t');

      g_assert_nonnull (words);
      g_assert_cmpint (atoi (words + 1), >=, 400);
      g_assert_cmpint (atoi (words + 1), <=, 900);
    }
}

/* Every span in the JSON holds the text at its offsets: code points of the file itself, for a
 * UTF-8 article without a byte order mark. */
static void
assert_span (JsonObject  *parent,
             const char  *member,
             const char  *file_text)
{
  JsonObject *span = json_object_get_object_member (parent, member);
  guint start = json_object_get_int_member (span, "start");
  guint end = json_object_get_int_member (span, "end");
  g_autofree char *expected = NULL;

  g_assert_cmpuint (start, <=, end);
  g_assert_cmpuint (end, <=, g_utf8_strlen (file_text, -1));
  expected = g_utf8_substring (file_text, start, end);
  g_assert_cmpstr (json_object_get_string_member (span, "text"), ==, expected);
}

static void
test_compare_json (void)
{
  g_autofree char *wire_path = article ("wire-digest.txt");
  g_autofree char *gazette_path = article ("harbour-gazette.txt");
  g_autoptr(GBytes) wire = read_bytes (wire_path);
  g_autoptr(GBytes) gazette = read_bytes (gazette_path);
  g_auto(Run) run = run_cli ("compare", wire_path, gazette_path, "--json", NULL);
  g_autoptr(JsonObject) result = NULL;
  JsonObject *stats, *shared_counts;
  JsonArray *array;
  guint exact = 0;

  g_assert_cmpint (run.status, ==, 0);
  result = parse_object (run.out);

  stats = json_object_get_object_member (result, "stats");
  g_assert_cmpint (json_object_get_int_member (stats, "a_words"), >, 400);
  g_assert_cmpfloat (json_object_get_double_member (stats, "coverage_a"), >, 0.3);
  shared_counts = json_object_get_object_member (stats, "shared_quotes");
  g_assert_cmpint (json_object_get_int_member (shared_counts, "exact"), >=, 1);

  /* The diff covers both texts exactly. */
  array = json_object_get_array_member (result, "diff");
  {
    g_autoptr(GString) a = g_string_new (NULL);
    g_autoptr(GString) b = g_string_new (NULL);

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *op = json_array_get_object_element (array, i);

        assert_span (op, "a", g_bytes_get_data (wire, NULL));
        assert_span (op, "b", g_bytes_get_data (gazette, NULL));
        g_string_append (a, json_object_get_string_member (json_object_get_object_member (op, "a"),
                                                           "text"));
        g_string_append (b, json_object_get_string_member (json_object_get_object_member (op, "b"),
                                                           "text"));
      }
    g_assert_cmpstr (a->str, ==, g_bytes_get_data (wire, NULL));
    g_assert_cmpstr (b->str, ==, g_bytes_get_data (gazette, NULL));
  }

  array = json_object_get_array_member (result, "passages");
  g_assert_cmpuint (json_array_get_length (array), >=, 3);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      assert_span (json_array_get_object_element (array, i), "a", g_bytes_get_data (wire, NULL));
      assert_span (json_array_get_object_element (array, i), "b",
                   g_bytes_get_data (gazette, NULL));
    }

  array = json_object_get_array_member (result, "quotes_a");
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *quote = json_array_get_object_element (array, i);
      const char *text;

      assert_span (quote, "span", g_bytes_get_data (wire, NULL));
      assert_span (quote, "outer", g_bytes_get_data (wire, NULL));
      /* The span leaves the quotation marks out. */
      text = json_object_get_string_member (json_object_get_object_member (quote, "span"), "text");
      g_assert_false (g_str_has_prefix (text, "\""));
      g_assert_false (g_str_has_prefix (text, "\xe2\x80\x9c"));
    }

  array = json_object_get_array_member (result, "shared_quotes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *shared = json_array_get_object_element (array, i);

      assert_span (shared, "a", g_bytes_get_data (wire, NULL));
      assert_span (shared, "b", g_bytes_get_data (gazette, NULL));
      g_assert_true (json_object_has_member (shared, "a_quoted"));
      g_assert_true (json_object_has_member (shared, "score"));
      if (g_strcmp0 (json_object_get_string_member (shared, "kind"), "exact") == 0)
        exact++;
    }
  g_assert_cmpuint (exact, ==, json_object_get_int_member (shared_counts, "exact"));
}

static void
test_project_operands_and_text_forms (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "harbour-leak.crosscheck", NULL);
  g_autofree char *a = g_strconcat (example, "#wire-digest", NULL);
  g_autofree char *b = g_strconcat (example, "#harbour-gazette", NULL);
  g_autofree char *missing = g_strconcat (example, "#nobody", NULL);
  g_auto(Run) diff = run_cli ("diff", a, b, NULL);
  g_auto(Run) colored = run_cli ("diff", a, b, "--color=always", NULL);
  g_auto(Run) passages = run_cli ("passages", a, b, NULL);
  g_auto(Run) quotes = run_cli ("quotes", a, NULL);
  g_auto(Run) matrix = run_cli ("matrix", example, "--json", NULL);
  g_auto(Run) compare = run_cli ("compare", a, b, NULL);
  g_auto(Run) not_there = run_cli ("diff", a, missing, NULL);
  g_auto(Run) bad_color = run_cli ("diff", a, b, "--color=sometimes", NULL);

  g_assert_cmpint (diff.status, ==, 0);
  /* Plain markers without a terminal; colours only when asked for. */
  g_assert_nonnull (strstr (diff.out, "[-"));
  g_assert_nonnull (strstr (diff.out, "{+"));
  g_assert_null (strstr (diff.out, "\033["));
  g_assert_nonnull (strstr (colored.out, "\033[31m"));
  g_assert_nonnull (strstr (colored.out, "\033[32m"));

  g_assert_cmpint (passages.status, ==, 0);
  g_assert_nonnull (strstr (passages.out, "identical"));
  g_assert_cmpint (quotes.status, ==, 0);
  g_assert_nonnull (strstr (quotes.out, "We cannot afford to alarm eleven thousand households"));
  g_assert_cmpint (compare.status, ==, 0);
  g_assert_nonnull (strstr (compare.out, "coverage"));

  g_assert_cmpint (matrix.status, ==, 0);
  {
    g_autoptr(JsonObject) result = parse_object (matrix.out);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "sources")),
                      ==, 5);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "pairs")),
                      ==, 10);
  }

  g_assert_cmpint (not_there.status, ==, 1);
  g_assert_nonnull (strstr (not_there.err, "no source “nobody”"));
  g_assert_cmpint (bad_color.status, ==, 2);
}

/* The Ledger reworded the director's quotation: two words changed, shown as spans. */
static void
test_variant_difference (void)
{
  g_autofree char *wire = article ("wire-digest.txt");
  g_autofree char *ledger = article ("northern-ledger.txt");
  g_auto(Run) run = run_cli ("compare", wire, ledger, "--json", NULL);
  g_autoptr(JsonObject) result = NULL;
  JsonArray *shared;
  g_autoptr(GString) changes = g_string_new (NULL);

  g_assert_cmpint (run.status, ==, 0);
  result = parse_object (run.out);
  shared = json_object_get_array_member (result, "shared_quotes");

  for (guint i = 0; i < json_array_get_length (shared); i++)
    {
      JsonObject *quote = json_array_get_object_element (shared, i);
      JsonArray *difference;

      if (g_strcmp0 (json_object_get_string_member (quote, "kind"), "variant") != 0 ||
          !g_str_has_prefix (json_object_get_string_member (
                               json_object_get_object_member (quote, "a"), "text"),
                             "We cannot afford"))
        continue;

      difference = json_object_get_array_member (quote, "difference");
      for (guint d = 0; d < json_array_get_length (difference); d++)
        {
          JsonObject *step = json_array_get_object_element (difference, d);

          if (g_strcmp0 (json_object_get_string_member (step, "kind"), "equal") == 0)
            continue;
          g_string_append_printf (changes, "%s>%s;",
                                  json_object_get_string_member (
                                    json_object_get_object_member (step, "a"), "text"),
                                  json_object_get_string_member (
                                    json_object_get_object_member (step, "b"), "text"));
        }
    }

  g_assert_cmpstr (changes->str, ==, "alarm>frighten;may>might;");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli/help", test_help);
  g_test_add_func ("/core/cli/usage-errors", test_usage_errors);
  g_test_add ("/core/cli/new/refuses-to-overwrite", Fixture, NULL,
              fixture_set_up, test_new_refuses_to_overwrite, fixture_tear_down);
  g_test_add ("/core/cli/import/text-and-show", Fixture, NULL,
              fixture_set_up, test_import_text_and_show, fixture_tear_down);
  g_test_add ("/core/cli/import/html", Fixture, NULL,
              fixture_set_up, test_import_html, fixture_tear_down);
  g_test_add ("/core/cli/import/failure-changes-nothing", Fixture, NULL,
              fixture_set_up, test_import_failure_changes_nothing, fixture_tear_down);
  g_test_add ("/core/cli/import/duplicate-id", Fixture, NULL,
              fixture_set_up, test_duplicate_id_refused, fixture_tear_down);
  g_test_add ("/core/cli/show/unknown-source", Fixture, NULL,
              fixture_set_up, test_show_unknown_source, fixture_tear_down);
  g_test_add ("/core/cli/validate", Fixture, NULL,
              fixture_set_up, test_validate, fixture_tear_down);
  g_test_add_func ("/core/cli/example-project", test_example_project_is_valid);
  g_test_add_func ("/core/cli/compare-json", test_compare_json);
  g_test_add_func ("/core/cli/variant-difference", test_variant_difference);
  g_test_add_func ("/core/cli/project-operands-and-text-forms",
                   test_project_operands_and_text_forms);

  return g_test_run ();
}
