/* test-comparison-panel.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-comparison-panel"

#include <adwaita.h>

#include "cc-comparison-item.h"
#include "cc-comparison-panel.h"
#include "cc-project-io.h"
#include "ui-test-util.h"

static CcProject *project;

typedef struct
{
  GtkWindow         *window;
  CcComparisonPanel *panel;
  CcComparison      *comparison;
} Fixture;

static CcComparison *
compare (const char *a,
         const char *b)
{
  CcCompareOptions options;
  CcSource *source_a = cc_project_find_source (project, a);
  CcSource *source_b = cc_project_find_source (project, b);

  g_assert_nonnull (source_a);
  g_assert_nonnull (source_b);
  cc_compare_options_from_settings (&options, cc_project_get_settings (project));
  return cc_comparison_new (source_a, source_b, &options, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 300);
  fixture->panel = cc_comparison_panel_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  gtk_window_present (fixture->window);

  fixture->comparison = compare ("wire-digest", "harbour-gazette");
  cc_comparison_panel_set_comparison (fixture->panel, fixture->comparison);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Nothing but the window held the panel. */
  ui_test_destroy_window (fixture->window, (gpointer *)&fixture->panel, NULL);

  g_clear_pointer (&fixture->comparison, cc_comparison_unref);
}

static GtkColumnViewColumn *
find_column (Fixture    *fixture,
             const char *title)
{
  GListModel *columns;

  columns = gtk_column_view_get_columns (cc_comparison_panel_get_column_view (fixture->panel));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

static CcComparisonItem *
get_item (Fixture *fixture,
          guint    position)
{
  GListModel *items = cc_comparison_panel_get_items (fixture->panel);
  CcComparisonItem *item = g_list_model_get_item (items, position);

  g_assert_nonnull (item);
  /* The model holds another reference for as long as the test looks. */
  g_object_unref (item);
  return item;
}

static void
test_comparison_panel_lists_engine_items (Fixture       *fixture,
                                          gconstpointer  data)
{
  GListModel *items = cc_comparison_panel_get_items (fixture->panel);
  const CcSharedQuote *shared;
  const CcPassage *passages;
  guint n_quotes = 0;
  guint n_passages_listed = 0;
  guint n_shared;
  guint n_passages;

  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (fixture->comparison),
                                 &n_shared);
  passages = cc_passages_get (cc_comparison_get_passages (fixture->comparison), &n_passages);
  g_assert_cmpuint (n_shared, >, 0);
  g_assert_cmpuint (n_passages, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_shared + n_passages);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      CcComparisonItem *item = get_item (fixture, i);
      guint index = cc_comparison_item_get_index (item);

      if (cc_comparison_item_get_kind (item) == CC_COMPARISON_ITEM_PASSAGE)
        {
          g_assert_cmpuint (index, <, n_passages);
          g_assert_cmpuint (cc_comparison_item_get_a (item)->start, ==, passages[index].a.start);
          g_assert_cmpuint (cc_comparison_item_get_b (item)->end, ==, passages[index].b.end);
          g_assert_cmpfloat (cc_comparison_item_get_score (item), ==, passages[index].identity);
          n_passages_listed++;
        }
      else
        {
          g_assert_cmpuint (index, <, n_shared);
          g_assert_cmpint (cc_comparison_item_get_kind (item), ==, shared[index].kind);
          g_assert_cmpuint (cc_comparison_item_get_a (item)->start, ==, shared[index].a.start);
          g_assert_cmpuint (cc_comparison_item_get_b (item)->end, ==, shared[index].b.end);
          g_assert_cmpfloat (cc_comparison_item_get_score (item), ==, shared[index].score);
          g_assert_cmpstr (cc_comparison_item_get_left_excerpt (item), !=, "");
          n_quotes++;
        }
    }
  g_assert_cmpuint (n_quotes, ==, n_shared);
  g_assert_cmpuint (n_passages_listed, ==, n_passages);

  /* No comparison, nothing listed. */
  cc_comparison_panel_set_comparison (fixture->panel, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
}

static void
test_comparison_panel_sorting (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkColumnView *column_view = cc_comparison_panel_get_column_view (fixture->panel);
  GListModel *items = cc_comparison_panel_get_items (fixture->panel);
  guint n_items = g_list_model_get_n_items (items);
  gboolean scores_differ = FALSE;

  g_assert_cmpuint (n_items, >, 2);

  /* In the texts' order to start with. */
  for (guint i = 1; i < n_items; i++)
    g_assert_cmpuint (cc_comparison_item_get_a (get_item (fixture, i - 1))->start, <=,
                      cc_comparison_item_get_a (get_item (fixture, i))->start);

  gtk_column_view_sort_by_column (column_view, find_column (fixture, "Score"),
                                  GTK_SORT_DESCENDING);
  for (guint i = 1; i < n_items; i++)
    {
      double previous = cc_comparison_item_get_score (get_item (fixture, i - 1));
      double score = cc_comparison_item_get_score (get_item (fixture, i));

      g_assert_cmpfloat (previous, >=, score);
      scores_differ |= previous != score;
    }
  /* Otherwise any order would pass. */
  g_assert_true (scores_differ);

  gtk_column_view_sort_by_column (column_view, find_column (fixture, "Score"),
                                  GTK_SORT_ASCENDING);
  for (guint i = 1; i < n_items; i++)
    g_assert_cmpfloat (cc_comparison_item_get_score (get_item (fixture, i - 1)), <=,
                       cc_comparison_item_get_score (get_item (fixture, i)));

  gtk_column_view_sort_by_column (column_view, find_column (fixture, "Kind"),
                                  GTK_SORT_ASCENDING);
  for (guint i = 1; i < n_items; i++)
    g_assert_cmpint (cc_comparison_item_get_kind (get_item (fixture, i - 1)), <=,
                     cc_comparison_item_get_kind (get_item (fixture, i)));
  g_assert_cmpint (cc_comparison_item_get_kind (get_item (fixture, n_items - 1)), ==,
                   CC_COMPARISON_ITEM_PASSAGE);
}

typedef struct
{
  guint n_emissions;
  guint a_start;
  guint a_end;
  guint b_start;
  guint b_end;
} Activation;

static void
on_item_activated_cb (CcComparisonPanel *panel,
                      guint              a_start,
                      guint              a_end,
                      guint              b_start,
                      guint              b_end,
                      Activation        *activation)
{
  activation->n_emissions++;
  activation->a_start = a_start;
  activation->a_end = a_end;
  activation->b_start = b_start;
  activation->b_end = b_end;
}

static void
test_comparison_panel_activate (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkColumnView *column_view = cc_comparison_panel_get_column_view (fixture->panel);
  Activation activation = { 0 };
  CcComparisonItem *item;

  g_signal_connect (fixture->panel, "item-activated", G_CALLBACK (on_item_activated_cb),
                    &activation);

  /* The row shown second once sorted by score: activation follows what is shown. */
  gtk_column_view_sort_by_column (column_view, find_column (fixture, "Score"),
                                  GTK_SORT_ASCENDING);
  item = get_item (fixture, 1);
  g_signal_emit_by_name (column_view, "activate", 1);

  g_assert_cmpuint (activation.n_emissions, ==, 1);
  g_assert_cmpuint (activation.a_start, ==, cc_comparison_item_get_a (item)->start);
  g_assert_cmpuint (activation.a_end, ==, cc_comparison_item_get_a (item)->end);
  g_assert_cmpuint (activation.b_start, ==, cc_comparison_item_get_b (item)->start);
  g_assert_cmpuint (activation.b_end, ==, cc_comparison_item_get_b (item)->end);

  g_signal_handlers_disconnect_by_data (fixture->panel, &activation);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return ui_test_find_widget (widget, is_label_with_text, text) != NULL;
}

static void
test_comparison_panel_statistics (Fixture       *fixture,
                                  gconstpointer  data)
{
  const CcComparisonStats *stats = cc_comparison_get_stats (fixture->comparison);
  g_autofree char *changed = g_strdup_printf ("%u → %u", stats->changed_a, stats->changed_b);
  g_autofree char *coverage = g_strdup_printf ("%.0f %%", stats->coverage_a * 100);
  g_autofree char *inserted = g_strdup_printf ("%u", stats->inserted);

  g_assert_true (has_label (GTK_WIDGET (fixture->panel), changed));
  g_assert_true (has_label (GTK_WIDGET (fixture->panel), coverage));
  g_assert_true (has_label (GTK_WIDGET (fixture->panel), inserted));

  /* Without a comparison the figures are not zero but unknown. */
  cc_comparison_panel_set_comparison (fixture->panel, NULL);
  g_assert_false (has_label (GTK_WIDGET (fixture->panel), changed));
  g_assert_true (has_label (GTK_WIDGET (fixture->panel), "–"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ui_test_init (&argc, &argv);
  adw_init ();

  project = ui_test_load_example ();

  g_test_add ("/ui/comparison-panel/lists-engine-items", Fixture, NULL,
              fixture_set_up, test_comparison_panel_lists_engine_items, fixture_tear_down);
  g_test_add ("/ui/comparison-panel/sorting", Fixture, NULL,
              fixture_set_up, test_comparison_panel_sorting, fixture_tear_down);
  g_test_add ("/ui/comparison-panel/activate", Fixture, NULL,
              fixture_set_up, test_comparison_panel_activate, fixture_tear_down);
  g_test_add ("/ui/comparison-panel/statistics", Fixture, NULL,
              fixture_set_up, test_comparison_panel_statistics, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&project);

  return ret;
}
