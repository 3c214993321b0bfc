/* test-comparison.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cc-comparison.h"
#include "cc-project-io.h"

static CcProject *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "harbour-leak.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CcProject *project = cc_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
assert_stats_consistent (CcComparison *comparison)
{
  const CcComparisonStats *stats = cc_comparison_get_stats (comparison);
  const CcDiffOp *ops;
  guint n_ops, a_words = 0, b_words = 0, n_passages;

  /* Every word of each source is in exactly one diff operation. */
  ops = cc_diff_get_ops (cc_comparison_get_diff (comparison), &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      a_words += ops[i].a_words;
      b_words += ops[i].b_words;
    }
  g_assert_cmpuint (a_words, ==, stats->a_words);
  g_assert_cmpuint (b_words, ==, stats->b_words);
  g_assert_cmpuint (stats->deleted + stats->changed_a + stats->moved, <=, stats->a_words);
  g_assert_cmpuint (stats->inserted + stats->changed_b + stats->moved, <=, stats->b_words);

  g_assert_cmpfloat (stats->coverage_a, >=, 0.0);
  g_assert_cmpfloat (stats->coverage_a, <=, 1.0);
  g_assert_cmpfloat (stats->coverage_b, >=, 0.0);
  g_assert_cmpfloat (stats->coverage_b, <=, 1.0);
  cc_passages_get (cc_comparison_get_passages (comparison), &n_passages);
  g_assert_cmpuint (stats->passages, ==, n_passages);
}

static void
test_example_pair (void)
{
  g_autoptr(CcProject) project = load_example ();
  CcSource *wire = cc_project_find_source (project, "wire-digest");
  CcSource *gazette = cc_project_find_source (project, "harbour-gazette");
  g_autoptr(CcComparison) comparison = NULL;
  const CcComparisonStats *stats;
  CcCompareOptions options;

  cc_compare_options_from_settings (&options, cc_project_get_settings (project));
  comparison = cc_comparison_new (wire, gazette, &options, NULL);
  g_assert_nonnull (comparison);
  assert_stats_consistent (comparison);

  /* The Gazette rewrote the wire: about half of each is shared, some of it moved, and the
   * director's quotation is carried word for word. */
  stats = cc_comparison_get_stats (comparison);
  g_assert_cmpuint (stats->a_words, ==, cc_text_get_word_count (cc_comparison_get_text_a (comparison)));
  g_assert_cmpfloat (stats->coverage_a, >, 0.4);
  g_assert_cmpfloat (stats->coverage_b, >, 0.4);
  g_assert_cmpuint (stats->moved, >, 0);
  g_assert_cmpuint (stats->passages, >=, 3);
  g_assert_cmpuint (stats->quotes_a, >, 0);
  g_assert_cmpuint (stats->shared_quotes[CC_SHARED_EXACT], >=, 1);
}

static void
test_identical (void)
{
  g_autoptr(CcSource) a = cc_source_new ();
  g_autoptr(CcSource) b = cc_source_new ();
  g_autoptr(CcComparison) comparison = NULL;
  const CcComparisonStats *stats;
  CcCompareOptions options;
  const char *text = "The authority said on Friday that “the water is safe to drink again,” "
                     "and that the review would report in the summer.";

  cc_compare_options_init_default (&options);
  cc_source_set_text (a, text);
  cc_source_set_text (b, text);
  comparison = cc_comparison_new (a, b, &options, NULL);
  assert_stats_consistent (comparison);

  stats = cc_comparison_get_stats (comparison);
  g_assert_cmpuint (stats->inserted + stats->deleted + stats->changed_a + stats->moved, ==, 0);
  g_assert_cmpfloat (stats->coverage_a, ==, 1.0);
  g_assert_cmpfloat (stats->coverage_b, ==, 1.0);
  g_assert_cmpuint (stats->shared_quotes[CC_SHARED_EXACT], ==, 1);
}

static void
test_empty (void)
{
  g_autoptr(CcSource) a = cc_source_new ();
  g_autoptr(CcSource) b = cc_source_new ();
  g_autoptr(CcComparison) comparison = NULL;
  CcCompareOptions options;

  cc_compare_options_init_default (&options);
  cc_source_set_text (b, "Something to say.");
  comparison = cc_comparison_new (a, b, &options, NULL);
  assert_stats_consistent (comparison);
  g_assert_cmpuint (cc_comparison_get_stats (comparison)->inserted, ==, 3);
  g_assert_cmpfloat (cc_comparison_get_stats (comparison)->coverage_b, ==, 0.0);
}

static void
on_compared (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async_and_cancel (void)
{
  g_autoptr(CcProject) project = load_example ();
  CcSource *a = cc_project_get_source (project, 0);
  CcSource *b = cc_project_get_source (project, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CcComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  CcCompareOptions options;
  g_autofree char *original = g_strdup (cc_source_get_text (a));

  cc_compare_options_init_default (&options);
  cc_comparison_new_async (a, b, &options, NULL, on_compared, &result);
  /* The source may change while the work runs: the comparison uses the text it had. */
  cc_source_set_text (a, "Replaced.");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  comparison = cc_comparison_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_text_get_string (cc_comparison_get_text_a (comparison), NULL), ==, original);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  cc_comparison_new_async (a, b, &options, cancellable, on_compared, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cc_comparison_new_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/comparison/example-pair", test_example_pair);
  g_test_add_func ("/core/comparison/identical", test_identical);
  g_test_add_func ("/core/comparison/empty", test_empty);
  g_test_add_func ("/core/comparison/async-and-cancel", test_async_and_cancel);

  return g_test_run ();
}
