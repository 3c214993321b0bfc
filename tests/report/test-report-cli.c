/* test-report-cli.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "report-test-util.h"

/* crosscheck-cli report, run as a user runs it, with no display. */

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

/* Runs crosscheck-cli with @args, %NULL-terminated. */
static Run
run_cli_argv (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("CROSSCHECK_CLI");
  Run run = { 0 };

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer)cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  run.out = report_test_run ((const char * const *)argv->pdata, &run.err, &run.status);
  return run;
}

static Run
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_cli_argv ((const char * const *)args->pdata);
}

static char *
example (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                "harbour-leak.crosscheck", NULL);
}

static void
test_pair_pdf (void)
{
  g_autofree char *project = example ();
  g_autofree char *pdf = report_test_tmp_path ("cli-pair.pdf");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *object;

  if (!report_test_require_tools ())
    return;

  run = run_cli ("report", project, "--pair", "northern-ledger,daily-signal", "-o", pdf,
                 "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, pdf);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "pdf");
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "pair");
  g_assert_cmpint (json_object_get_int_member (object, "pages"), ==,
                   report_test_pdf_pages (pdf));

  size = report_test_pdfinfo (pdf, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));
  text = report_test_pdftotext (pdf, 0, 0);
  g_assert_nonnull (strstr (text, "The Northern Ledger"));
  g_assert_nonnull (strstr (text, "The Daily Signal"));
  g_assert_nonnull (strstr (text, "The texts side by side"));
}

static void
test_options (void)
{
  g_autofree char *project = example ();
  g_autofree char *pdf = report_test_tmp_path ("cli-options.pdf");
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };

  if (!report_test_require_tools ())
    return;

  run = run_cli ("report", project, "--pair", "wire-digest,harbour-gazette", "--context", "2",
                 "--mono", "--paper", "letter", "--landscape", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");

  size = report_test_pdfinfo (pdf, "Page size");
  g_assert_true (g_str_has_prefix (size, "792 x 612 pts"));
  text = report_test_pdftotext (pdf, 0, 0);
  g_assert_nonnull (strstr (text, "differences with 2 words of context"));
  g_assert_nonnull (strstr (text, "The differences side by side"));
  g_assert_nonnull (strstr (text, "unchanged words left out"));
}

static void
test_project_html (void)
{
  g_autofree char *project = example ();
  g_autofree char *html_path = report_test_tmp_path ("cli-project.html");
  g_autofree char *html = NULL;
  g_auto(Run) run = { 0 };

  run = run_cli ("report", project, "-o", html_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "Project report"));
  g_assert_nonnull (strstr (html, "Quotation tracker"));
  g_assert_nonnull (strstr (html, "The Valley Courier"));
}

/* --format wins over the name. */
static void
test_format (void)
{
  g_autofree char *project = example ();
  g_autofree char *path = report_test_tmp_path ("cli-report.out");
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  run = run_cli ("report", project, "--format", "pdf", "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

typedef struct
{
  const char *args[8];
  int         status;
  const char *message;
} Mistake;

static const Mistake mistakes[] = {
  { { "report", "PROJECT", NULL }, 2, "-o FILE.pdf" },
  { { "report", "PROJECT", "-o", "report.txt", NULL }, 2, "report.txt" },
  { { "report", "PROJECT", "-o", "r.pdf", "--paper", "a5", NULL }, 2, "a5" },
  { { "report", "PROJECT", "-o", "r.pdf", "--format", "doc", NULL }, 2, "doc" },
  { { "report", "PROJECT", "-o", "r.pdf", "--pair", "wire-digest", NULL }, 2, "wire-digest" },
  { { "report", "PROJECT", "-o", "r.pdf", "--context", "-3", NULL }, 2, "--context" },
  { { "report", "-o", "r.pdf", NULL }, 2, "one project file" },
  { { "report", "PROJECT", "-o", "r.pdf", "--pair", "wire-digest,nobody", NULL }, 1, "nobody" },
  { { "report", "missing.crosscheck", "-o", "r.pdf", NULL }, 1, "missing.crosscheck" },
};

static void
test_mistake (gconstpointer data)
{
  const Mistake *mistake = data;
  g_autofree char *project = example ();
  g_autofree char *dir = report_test_tmp_path ("");
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(Run) run = { 0 };

  for (guint i = 0; mistake->args[i] != NULL; i++)
    {
      const char *arg = mistake->args[i];

      if (strcmp (arg, "PROJECT") == 0)
        g_ptr_array_add (args, g_strdup (project));
      else if (g_str_has_prefix (arg, "r.") || g_str_has_prefix (arg, "report.") ||
               g_str_has_prefix (arg, "missing."))
        g_ptr_array_add (args, g_build_filename (dir, arg, NULL));
      else
        g_ptr_array_add (args, g_strdup (arg));
    }
  g_ptr_array_add (args, NULL);

  run = run_cli_argv ((const char * const *)args->pdata);
  g_assert_cmpint (run.status, ==, mistake->status);
  g_assert_cmpstr (run.out, ==, "");
  if (strstr (run.err, mistake->message) == NULL)
    g_error ("“%s” does not say “%s”", run.err, mistake->message);
  g_assert_true (g_str_has_prefix (run.err, "crosscheck-cli: "));
}

static void
test_help (void)
{
  g_auto(Run) run = run_cli ("report", "--help", NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--pair"));
  g_assert_nonnull (strstr (run.out, "--context"));
  g_assert_nonnull (strstr (run.out, "--mono"));
  g_assert_nonnull (strstr (run.out, "--paper"));
  g_assert_nonnull (strstr (run.out, "--landscape"));
  g_assert_nonnull (strstr (run.out, "--output"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-cli/pair-pdf", test_pair_pdf);
  g_test_add_func ("/report-cli/options", test_options);
  g_test_add_func ("/report-cli/project-html", test_project_html);
  g_test_add_func ("/report-cli/format", test_format);
  g_test_add_func ("/report-cli/help", test_help);
  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report-cli/mistake/%u", i);

      g_test_add_data_func (path, &mistakes[i], test_mistake);
    }

  return g_test_run ();
}
