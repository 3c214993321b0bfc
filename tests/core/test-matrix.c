/* test-matrix.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cc-comparison.h"
#include "cc-matrix.h"
#include "cc-project-io.h"

static const char shared_paragraph[] =
  "The authority issued a boil-water notice for about eleven thousand households in Marrowby "
  "and three neighbouring villages after a parasite was found in treated water from its works.";

static CcSource *
add_source (CcProject  *project,
            const char *id,
            const char *text)
{
  g_autoptr(CcSource) source = cc_source_new ();

  cc_source_set_id (source, id);
  cc_source_set_text (source, text);
  cc_project_add_source (project, source);
  return source;
}

static void
test_small_project (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcMatrix) matrix = NULL;
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  CcCompareOptions options;
  guint a_words;

  /* A: the shared paragraph and as many words again of its own, with a long quotation and a
   * short one. B: the paragraph, A's long quotation without marks, the short one quoted.
   * C: nothing in common. */
  a_text = g_strconcat (shared_paragraph, "\n\nOfficials refused to comment further. "
                        "\xe2\x80\x9cWe cannot alarm eleven thousand households over a sensor,"
                        "\xe2\x80\x9d the director wrote. Critics called it \xe2\x80\x9c"
                        "a shameful cover-up\xe2\x80\x9d on Monday.", NULL);
  b_text = g_strconcat ("Residents were furious. ", shared_paragraph, " Emails show the director "
                        "said they could not alarm eleven thousand households over a sensor. "
                        "Others spoke of \xe2\x80\x9c" "a shameful cover-up\xe2\x80\x9d.", NULL);
  add_source (project, "a", a_text);
  add_source (project, "b", b_text);
  add_source (project, "c", "Completely different words about a football match on Saturday, "
                            "which the home side won by two goals to one in the rain.");

  cc_compare_options_init_default (&options);
  matrix = cc_matrix_new (project, &options, NULL, NULL, NULL);

  g_assert_cmpuint (cc_matrix_get_size (matrix), ==, 3);
  g_assert_cmpstr (cc_matrix_get_id (matrix, 1), ==, "b");
  a_words = cc_matrix_get_words (matrix, 0);
  g_assert_cmpuint (a_words, >, 40);
  g_assert_cmpuint (cc_matrix_get_quotes (matrix, 0), ==, 2);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat (cc_matrix_get_cell (matrix, i, i)->coverage, ==, 0.0);
      g_assert_cmpuint (cc_matrix_get_cell (matrix, i, i)->shared_quotes, ==, 0);
      g_assert_cmpfloat (cc_matrix_get_cell (matrix, i, 2)->coverage, ==, 0.0);
      g_assert_cmpfloat (cc_matrix_get_cell (matrix, 2, i)->coverage, ==, 0.0);
    }

  /* The paragraph (26 words) and the reused quotation's run of words are A's share of B. */
  g_assert_cmpfloat (cc_matrix_get_cell (matrix, 0, 1)->coverage, >, 26.0 / a_words);
  g_assert_cmpfloat (cc_matrix_get_cell (matrix, 0, 1)->coverage, <, 0.9);
  g_assert_cmpfloat (cc_matrix_get_cell (matrix, 1, 0)->coverage, >, 0.5);

  /* Both of A's quotations are in B: the long one without marks, the short one whole. */
  g_assert_cmpuint (cc_matrix_get_cell (matrix, 0, 1)->shared_quotes, ==, 2);
  g_assert_cmpuint (cc_matrix_get_cell (matrix, 0, 2)->shared_quotes, ==, 0);
  g_assert_cmpuint (cc_matrix_get_cell (matrix, 1, 0)->shared_quotes, ==, 1);
}

/* The matrix's exact-shingle coverage agrees with the pair comparison's passages. */
static void
test_agrees_with_pairs (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "harbour-leak.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcProject) project = cc_project_load (file, NULL, &error);
  g_autoptr(CcMatrix) matrix = NULL;
  CcCompareOptions options;
  guint size;

  g_assert_no_error (error);
  cc_compare_options_from_settings (&options, cc_project_get_settings (project));
  matrix = cc_matrix_new (project, &options, NULL, NULL, NULL);
  size = cc_matrix_get_size (matrix);
  g_assert_cmpuint (size, ==, cc_project_get_n_sources (project));

  for (guint i = 0; i < size; i++)
    for (guint j = i + 1; j < size; j++)
      {
        g_autoptr(CcComparison) pair = cc_comparison_new (cc_project_get_source (project, i),
                                                          cc_project_get_source (project, j),
                                                          &options, NULL);
        const CcComparisonStats *stats = cc_comparison_get_stats (pair);

        g_test_message ("%s/%s: matrix %.2f/%.2f, pair %.2f/%.2f",
                        cc_matrix_get_id (matrix, i), cc_matrix_get_id (matrix, j),
                        cc_matrix_get_cell (matrix, i, j)->coverage,
                        cc_matrix_get_cell (matrix, j, i)->coverage,
                        stats->coverage_a, stats->coverage_b);
        g_assert_cmpfloat (ABS (cc_matrix_get_cell (matrix, i, j)->coverage - stats->coverage_a),
                           <, 0.15);
        g_assert_cmpfloat (ABS (cc_matrix_get_cell (matrix, j, i)->coverage - stats->coverage_b),
                           <, 0.15);
      }

  /* The Gazette took over seven of the wire's paragraphs, about half of each article. */
  g_assert_cmpfloat (cc_matrix_get_cell (matrix, 0, 1)->coverage, >, 0.4);
  g_assert_cmpfloat (cc_matrix_get_cell (matrix, 1, 0)->coverage, >, 0.4);
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async_and_cancel (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CcMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  CcCompareOptions options;

  add_source (project, "one", shared_paragraph);
  add_source (project, "two", shared_paragraph);
  cc_compare_options_init_default (&options);

  cc_matrix_new_async (project, &options, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  matrix = cc_matrix_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cc_matrix_get_cell (matrix, 0, 1)->coverage, ==, 1.0);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  cc_matrix_new_async (project, &options, cancellable, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cc_matrix_new_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_empty_project (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcMatrix) matrix = NULL;
  CcCompareOptions options;

  cc_compare_options_init_default (&options);
  matrix = cc_matrix_new (project, &options, NULL, NULL, NULL);
  g_assert_cmpuint (cc_matrix_get_size (matrix), ==, 0);

  add_source (project, "alone", "");
  g_clear_pointer (&matrix, cc_matrix_unref);
  matrix = cc_matrix_new (project, &options, NULL, NULL, NULL);
  g_assert_cmpuint (cc_matrix_get_size (matrix), ==, 1);
  g_assert_cmpuint (cc_matrix_get_words (matrix, 0), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/matrix/small-project", test_small_project);
  g_test_add_func ("/core/matrix/agrees-with-pairs", test_agrees_with_pairs);
  g_test_add_func ("/core/matrix/async-and-cancel", test_async_and_cancel);
  g_test_add_func ("/core/matrix/empty-project", test_empty_project);

  return g_test_run ();
}
