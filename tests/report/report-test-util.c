/* report-test-util.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cc-project-io.h"
#include "cc-text.h"
#include "report-test-util.h"

/* The reports are checked as a reader's tools see them: pdfinfo and pdftotext (poppler-utils)
 * read the PDFs, and the words of the sources are looked for in what they extract. pdftotext
 * runs with -raw, which gives the text in the order it was drawn and, unlike its other modes,
 * keeps a hyphen that ends a line rather than joining the words around it. */

static char *tmp_dir;

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (tmp_dir == NULL)
    return;

  dir = g_dir_open (tmp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

char *
report_test_tmp_path (const char *name)
{
  if (tmp_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmp_dir = g_dir_make_tmp ("crosscheck-report-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_tmp_dir);
    }

  return g_build_filename (tmp_dir, name, NULL);
}

gboolean
report_test_require_tools (void)
{
  const char *tools[] = { "pdfinfo", "pdftotext", "pdftoppm" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_test_skip ("poppler-utils is not installed");
          return FALSE;
        }
    }

  return TRUE;
}

char *
report_test_run (const char * const  *argv,
                 char               **err,
                 int                 *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err_out = NULL;
  char *out = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err_out,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  if (status != NULL)
    *status = WEXITSTATUS (wait_status);
  else if (WEXITSTATUS (wait_status) != 0)
    g_error ("%s failed: %s", argv[0], err_out);

  if (err != NULL)
    *err = g_steal_pointer (&err_out);
  return out;
}

char *
report_test_pdftotext (const char *pdf,
                       guint       first_page,
                       guint       last_page)
{
  g_autofree char *first = g_strdup_printf ("%u", first_page);
  g_autofree char *last = g_strdup_printf ("%u", last_page);

  if (first_page == 0)
    {
      const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
      return report_test_run (argv, NULL, NULL);
    }
  else
    {
      const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", first, "-l", last, pdf,
                             "-", NULL };
      return report_test_run (argv, NULL, NULL);
    }
}

/* The text in pdftotext's reading order, which puts right-to-left runs back together. */
char *
report_test_pdftotext_reading (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

  return report_test_run (argv, NULL, NULL);
}

/* A field of pdfinfo's output, such as "Pages" or "Page size". */
char *
report_test_pdfinfo (const char *pdf,
                     const char *field)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = report_test_run (argv, NULL, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", field);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));

  g_error ("pdfinfo says nothing of “%s” for %s", field, pdf);
  return NULL;
}

guint
report_test_pdf_pages (const char *pdf)
{
  g_autofree char *pages = report_test_pdfinfo (pdf, "Pages");

  return (guint)g_ascii_strtoull (pages, NULL, 10);
}

static void
word_clear (gpointer data)
{
  g_free (((ReportTestWord *)data)->text);
}

static double
attribute (const char *element,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (element, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* Every word of a PDF with its box, from pdftotext -bbox. */
GArray *
report_test_pdf_words (const char *pdf,
                       double     *page_width,
                       double     *page_height)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = report_test_run (argv, NULL, NULL);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (ReportTestWord));
  guint page = 0;

  g_array_set_clear_func (words, word_clear);
  for (const char *p = out; (p = strchr (p, '<')) != NULL; p++)
    {
      if (g_str_has_prefix (p, "<page "))
        {
          page++;
          *page_width = attribute (p, "width");
          *page_height = attribute (p, "height");
        }
      else if (g_str_has_prefix (p, "<word "))
        {
          const char *close = strchr (p, '>');
          const char *end = strstr (close, "</word>");
          ReportTestWord word = { page, attribute (p, "xMin"), attribute (p, "yMin"),
                                  attribute (p, "xMax"), attribute (p, "yMax"),
                                  g_strndup (close + 1, end - close - 1) };

          g_array_append_val (words, word);
        }
    }

  return words;
}

/* No word stands outside its page or over another: nothing is clipped, nothing overprinted. */
void
report_test_assert_no_overprint (const char *pdf)
{
  double width = 0, height = 0;
  g_autoptr(GArray) words = report_test_pdf_words (pdf, &width, &height);
  guint page_start = 0;

  g_assert_cmpuint (words->len, >, 0);
  for (guint i = 0; i < words->len; i++)
    {
      const ReportTestWord *a = &g_array_index (words, ReportTestWord, i);

      if (a->page != g_array_index (words, ReportTestWord, page_start).page)
        page_start = i;

      if (a->x_min < 0 || a->y_min < 0 || a->x_max > width || a->y_max > height)
        g_error ("“%s” on page %u stands outside the page", a->text, a->page);

      for (guint j = page_start; j < i; j++)
        {
          const ReportTestWord *b = &g_array_index (words, ReportTestWord, j);
          double overlap_x = MIN (a->x_max, b->x_max) - MAX (a->x_min, b->x_min);
          double overlap_y = MIN (a->y_max, b->y_max) - MAX (a->y_min, b->y_min);
          double smaller = MIN ((a->x_max - a->x_min) * (a->y_max - a->y_min),
                                (b->x_max - b->x_min) * (b->y_max - b->y_min));

          /* Neighbouring lines may touch; a word printed over another covers much of it. */
          if (overlap_x > 0 && overlap_y > 0 && overlap_x * overlap_y > 0.3 * smaller)
            g_error ("“%s” and “%s” overprint each other on page %u", a->text, b->text,
                     a->page);
        }
    }
}

/* @string cut into tokens by the engine, and the indices of its words and numbers. */
static CcText *
tokenize (const char  *string,
          gssize       length,
          CcLexicon   *lexicon,
          GArray     **words)
{
  CcCompareOptions options;
  CcText *text;
  const CcToken *tokens;
  guint n_tokens;

  cc_compare_options_init_default (&options);
  text = cc_text_new (string, length, NULL, 0, &options, lexicon);
  *words = g_array_new (FALSE, FALSE, sizeof (guint));
  tokens = cc_text_get_tokens (text, &n_tokens);
  for (guint i = 0; i < n_tokens; i++)
    if (tokens[i].kind == CC_TOKEN_WORD || tokens[i].kind == CC_TOKEN_NUMBER)
      g_array_append_val (*words, i);

  return text;
}

/* The words (and numbers) of @expected stand in @actual in the same order, whatever else
 * stands between them. Both are cut into words by the engine's own tokenizer, folding case,
 * so a word that pdftotext or the HTML gives back differently fails. */
void
report_test_assert_words_in_order (const char *expected,
                                   gssize      length,
                                   const char *actual,
                                   const char *what)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) text_e = NULL;
  g_autoptr(CcText) text_a = NULL;
  g_autoptr(GArray) words_e = NULL;
  g_autoptr(GArray) words_a = NULL;
  const CcToken *tokens_e, *tokens_a;
  guint n_tokens;
  guint at = 0;

  text_e = tokenize (expected, length, lexicon, &words_e);
  text_a = tokenize (actual, -1, lexicon, &words_a);
  tokens_e = cc_text_get_tokens (text_e, &n_tokens);
  tokens_a = cc_text_get_tokens (text_a, &n_tokens);

  g_assert_cmpuint (words_e->len, >, 0);
  for (guint i = 0; i < words_e->len; i++)
    {
      const CcToken *word = &tokens_e[g_array_index (words_e, guint, i)];

      while (at < words_a->len && tokens_a[g_array_index (words_a, guint, at)].form != word->form)
        at++;
      if (at >= words_a->len)
        {
          g_autofree char *missing = cc_text_dup_span (text_e, word->start, word->end);
          g_autofree char *context = cc_text_dup_span (text_e,
                                                       word->start > 60 ? word->start - 60 : 0,
                                                       MIN (word->end + 60,
                                                            cc_text_get_length (text_e)));

          g_error ("%s: word %u of %u, “%s”, is missing or out of order (…%s…)", what, i + 1,
                   words_e->len, missing, context);
        }
      at++;
    }
}

/* The words of @expected are all in @actual, in any order: for right-to-left text, which
 * pdftotext gives back run by run. */
void
report_test_assert_words_anywhere (const char *expected,
                                   const char *actual,
                                   const char *what)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) text_e = NULL;
  g_autoptr(CcText) text_a = NULL;
  g_autoptr(GArray) words_e = NULL;
  g_autoptr(GArray) words_a = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  const CcToken *tokens_e, *tokens_a;
  guint n_tokens;

  text_e = tokenize (expected, -1, lexicon, &words_e);
  text_a = tokenize (actual, -1, lexicon, &words_a);
  tokens_e = cc_text_get_tokens (text_e, &n_tokens);
  tokens_a = cc_text_get_tokens (text_a, &n_tokens);

  for (guint i = 0; i < words_a->len; i++)
    g_hash_table_add (present,
                      GUINT_TO_POINTER (tokens_a[g_array_index (words_a, guint, i)].form + 1));

  g_assert_cmpuint (words_e->len, >, 0);
  for (guint i = 0; i < words_e->len; i++)
    {
      const CcToken *word = &tokens_e[g_array_index (words_e, guint, i)];

      if (!g_hash_table_contains (present, GUINT_TO_POINTER (word->form + 1)))
        {
          g_autofree char *missing = cc_text_dup_span (text_e, word->start, word->end);

          g_error ("%s: “%s” is missing", what, missing);
        }
    }
}

/* The text without white space, for looking up strings a line may break. */
char *
report_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

CcProject *
report_test_load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "harbour-leak.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CcProject *project = cc_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}
