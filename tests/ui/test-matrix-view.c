/* test-matrix-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-matrix-view"

#include <adwaita.h>
#include <string.h>

#include "cc-matrix-view.h"
#include "cc-project-io.h"
#include "ui-test-util.h"

static GBytes *example;

typedef struct
{
  CcProject    *project;
  GtkWindow    *window;
  CcMatrixView *view;
  CcSource     *activated_row;
  CcSource     *activated_column;
  guint         n_activated;
} Fixture;

static void
on_pair_activated_cb (CcMatrixView *view,
                      CcSource     *row_source,
                      CcSource     *column_source,
                      Fixture      *fixture)
{
  g_set_object (&fixture->activated_row, row_source);
  g_set_object (&fixture->activated_column, column_source);
  fixture->n_activated++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A project of its own for each test, which may change it. */
  fixture->project = cc_project_load_bytes (example, "harbour-leak.crosscheck", &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->view = cc_matrix_view_new ();
  g_signal_connect (fixture->view, "pair-activated", G_CALLBACK (on_pair_activated_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The window let go of the view: nothing else may hold it, a running computation included. */
  ui_test_destroy_window (fixture->window, (gpointer *)&fixture->view, NULL);

  g_clear_object (&fixture->activated_row);
  g_clear_object (&fixture->activated_column);
  g_clear_object (&fixture->project);
}

static gboolean
has_matrix (gpointer data)
{
  return cc_matrix_view_get_matrix (data) != NULL && !cc_matrix_view_get_busy (data);
}

static CcMatrix *
wait_for_matrix (Fixture *fixture)
{
  wait_for (has_matrix, fixture->view, "the matrix");
  return cc_matrix_view_get_matrix (fixture->view);
}

static GtkGrid *
get_grid (Fixture    *fixture,
          const char *name)
{
  GObject *grid = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                 CC_TYPE_MATRIX_VIEW, name);

  g_assert_true (GTK_IS_GRID (grid));
  return GTK_GRID (grid);
}

static GtkWidget *
get_cell (Fixture *fixture,
          guint    row,
          guint    column)
{
  GtkWidget *cell = gtk_grid_get_child_at (get_grid (fixture, "cell_grid"), column, row);

  g_assert_nonnull (cell);
  return cell;
}

static guint
count_children (GtkGrid *grid)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static CcMatrix *
compute_matrix (CcProject *project)
{
  CcCompareOptions options;

  cc_compare_options_from_settings (&options, cc_project_get_settings (project));
  return cc_matrix_new (project, &options, NULL, NULL, NULL);
}

/* How the cell is expected to write a share, worked out here rather than borrowed. */
static char *
expected_percent (double coverage)
{
  long percent = (long)(coverage * 100 + 0.5);

  if (coverage > 0 && percent == 0)
    return g_strdup ("< 1 %");
  return g_strdup_printf ("%ld %%", percent);
}

/* What a screen reader calls the cell, which its tooltip repeats. */
static char *
dup_accessible_label (GtkWidget *widget)
{
  /* The check answers with the value whenever it differs from the one given. */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, "");
}

static guint
get_heat_level (GtkWidget *cell)
{
  guint level = G_MAXUINT;

  for (guint i = 0; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("heat-%u", i);

      if (gtk_widget_has_css_class (cell, name))
        {
          g_assert_cmpuint (level, ==, G_MAXUINT);
          level = i;
        }
    }

  g_assert_cmpuint (level, !=, G_MAXUINT);
  return level;
}

/* Every cell shown carries what the engine reports for its pair of the project as it is now. */
static void
assert_matrix_matches_project (Fixture *fixture)
{
  CcMatrix *shown = cc_matrix_view_get_matrix (fixture->view);
  g_autoptr(CcMatrix) expected = compute_matrix (fixture->project);
  guint n = cc_project_get_n_sources (fixture->project);

  g_assert_nonnull (shown);
  g_assert_cmpuint (cc_matrix_get_size (shown), ==, n);
  g_assert_cmpuint (count_children (get_grid (fixture, "cell_grid")), ==, n * n);
  g_assert_cmpuint (count_children (get_grid (fixture, "row_header_grid")), ==, n);
  g_assert_cmpuint (count_children (get_grid (fixture, "column_header_grid")), ==, n);

  for (guint row = 0; row < n; row++)
    {
      CcSource *source = cc_project_get_source (fixture->project, row);

      g_assert_true (cc_matrix_view_get_source (fixture->view, row) == source);
      g_assert_cmpstr (cc_matrix_get_id (shown, row), ==, cc_source_get_id (source));

      for (guint column = 0; column < n; column++)
        {
          const CcMatrixCell *cell = cc_matrix_get_cell (expected, row, column);
          const CcMatrixCell *opposite = cc_matrix_get_cell (expected, column, row);
          GtkWidget *widget = get_cell (fixture, row, column);
          g_autofree char *percent = NULL;
          g_autofree char *opposite_percent = NULL;
          g_autofree char *quotes = NULL;
          g_autofree char *description = NULL;
          g_autofree char *label = NULL;
          CcSource *other;
          const char *text;

          g_assert_cmpfloat (cc_matrix_get_cell (shown, row, column)->coverage, ==, cell->coverage);
          g_assert_cmpuint (cc_matrix_get_cell (shown, row, column)->shared_quotes, ==,
                            cell->shared_quotes);

          if (row == column)
            {
              g_assert_false (GTK_IS_BUTTON (widget));
              g_assert_false (gtk_widget_get_focusable (widget));
              continue;
            }

          g_assert_true (GTK_IS_BUTTON (widget));
          percent = expected_percent (cell->coverage);
          opposite_percent = expected_percent (opposite->coverage);
          quotes = g_strdup_printf ("%u quotation%s", cell->shared_quotes,
                                    cell->shared_quotes == 1 ? "" : "s");

          text = gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget))));
          g_assert_true (g_str_has_prefix (text, percent));
          g_assert_true (g_str_has_suffix (text, quotes));

          /* The names are the outlets, which differ in these projects. */
          other = cc_project_get_source (fixture->project, column);
          description = g_strdup_printf ("%s → %s: %s of words shared (opposite direction %s), "
                                         "%u shared quotation%s",
                                         cc_source_get_outlet (source),
                                         cc_source_get_outlet (other),
                                         percent, opposite_percent, cell->shared_quotes,
                                         cell->shared_quotes == 1 ? "" : "s");
          label = dup_accessible_label (widget);
          g_assert_cmpstr (label, ==, description);
          g_assert_true (gtk_widget_get_has_tooltip (widget));
        }
    }
}

static void
test_cells (Fixture       *fixture,
            gconstpointer  data)
{
  CcMatrix *matrix;
  GtkWidget *cell;
  g_autofree char *label = NULL;
  guint n;

  cc_matrix_view_set_project (fixture->view, fixture->project);
  g_assert_true (cc_matrix_view_get_project (fixture->view) == fixture->project);
  matrix = wait_for_matrix (fixture);
  n = cc_matrix_get_size (matrix);
  g_assert_cmpuint (n, ==, 5);

  assert_matrix_matches_project (fixture);

  /* The example's first two sources by their outlets, the row's first. */
  cell = get_cell (fixture, 0, 1);
  label = dup_accessible_label (cell);
  g_assert_true (g_str_has_prefix (label, "Wire Digest → The Harbour Gazette: "));

  /* The shades rise with the share of words, never against it. */
  for (guint a = 0; a < n * n; a++)
    for (guint b = 0; b < n * n; b++)
      {
        guint ra = a / n, ca = a % n, rb = b / n, cb = b % n;
        double coverage_a, coverage_b;

        if (ra == ca || rb == cb)
          continue;
        coverage_a = cc_matrix_get_cell (matrix, ra, ca)->coverage;
        coverage_b = cc_matrix_get_cell (matrix, rb, cb)->coverage;
        if (coverage_a < coverage_b)
          g_assert_cmpuint (get_heat_level (get_cell (fixture, ra, ca)), <=,
                            get_heat_level (get_cell (fixture, rb, cb)));
      }

  /* Row headers name the sources and their size. */
  {
    GtkWidget *header = gtk_grid_get_child_at (get_grid (fixture, "row_header_grid"), 0, 2);
    const char *text = gtk_label_get_text (GTK_LABEL (header));
    g_autofree char *words = g_strdup_printf ("%u words", cc_matrix_get_words (matrix, 2));

    g_assert_true (g_str_has_prefix (text, "The Northern Ledger\n"));
    g_assert_nonnull (strstr (text, words));
  }
}

static gboolean
activated_twice (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_activated == 2;
}

static void
test_pair_activated (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *cell;

  cc_matrix_view_set_project (fixture->view, fixture->project);
  wait_for_matrix (fixture);

  cell = get_cell (fixture, 1, 3);
  g_signal_emit_by_name (cell, "clicked");
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_true (fixture->activated_row == cc_project_get_source (fixture->project, 1));
  g_assert_true (fixture->activated_column == cc_project_get_source (fixture->project, 3));

  /* From the keyboard: the cell takes focus, and Enter or Space activates it. */
  cell = get_cell (fixture, 4, 0);
  g_assert_true (gtk_widget_get_focusable (cell));
  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (gtk_widget_activate (cell));
  /* A button shows itself pressed for a moment before it reports the click. */
  wait_for (activated_twice, fixture, "the cell's activation");
  g_assert_true (fixture->activated_row == cc_project_get_source (fixture->project, 4));
  g_assert_true (fixture->activated_column == cc_project_get_source (fixture->project, 0));

  /* The diagonal is inert. */
  g_assert_false (gtk_widget_activate (get_cell (fixture, 2, 2)));
  run_for (400);
  g_assert_cmpuint (fixture->n_activated, ==, 2);
}

static void
test_remove_source (Fixture       *fixture,
                    gconstpointer  data)
{
  CcSource *removed;

  cc_matrix_view_set_project (fixture->view, fixture->project);
  wait_for_matrix (fixture);

  removed = cc_project_get_source (fixture->project, 2);
  g_assert_true (cc_project_remove_source (fixture->project, removed));

  /* The old matrix goes at once: it no longer describes the project. */
  g_assert_null (cc_matrix_view_get_matrix (fixture->view));
  g_assert_true (cc_matrix_view_get_busy (fixture->view));
  g_assert_cmpuint (count_children (get_grid (fixture, "cell_grid")), ==, 0);

  wait_for_matrix (fixture);
  g_assert_cmpuint (cc_matrix_get_size (cc_matrix_view_get_matrix (fixture->view)), ==, 4);
  assert_matrix_matches_project (fixture);
}

static void
test_quick_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CcSource) moved = NULL;
  CcSource *edited;

  cc_matrix_view_set_project (fixture->view, fixture->project);
  /* The first computation is under way when the changes begin. */
  g_assert_true (cc_matrix_view_get_busy (fixture->view));

  moved = g_object_ref (cc_project_get_source (fixture->project, 0));
  cc_project_remove_source (fixture->project, moved);
  run_for (10);
  g_assert_null (cc_matrix_view_get_matrix (fixture->view));

  /* The second source takes the first one's text: they now share everything. */
  edited = cc_project_get_source (fixture->project, 1);
  cc_source_set_text (edited, cc_source_get_text (moved));
  /* Long enough for the pause after the edits to end and the next computation to start. */
  run_for (310);

  cc_comparison_settings_set_min_quote_words (cc_project_get_settings (fixture->project), 5);
  cc_project_insert_source (fixture->project, 3, moved);
  cc_comparison_settings_set_fold_case (cc_project_get_settings (fixture->project), FALSE);
  g_assert_null (cc_matrix_view_get_matrix (fixture->view));

  wait_for_matrix (fixture);
  assert_matrix_matches_project (fixture);
  g_assert_cmpfloat (cc_matrix_get_cell (cc_matrix_view_get_matrix (fixture->view), 1, 3)->coverage,
                     >, 0.95);

  /* Nothing more is on its way: the final matrix stays. */
  run_for (500);
  g_assert_true (has_matrix (fixture->view));
}

static gboolean
header_renamed (gpointer data)
{
  return g_strcmp0 (gtk_label_get_text (data), "Coastal Post") == 0;
}

static void
test_rename_keeps_matrix (Fixture       *fixture,
                          gconstpointer  data)
{
  CcMatrix *matrix;
  GtkWidget *header;
  g_autofree char *label = NULL;

  cc_matrix_view_set_project (fixture->view, fixture->project);
  matrix = wait_for_matrix (fixture);

  cc_source_set_outlet (cc_project_get_source (fixture->project, 0), "Coastal Post");
  cc_source_set_title (cc_project_get_source (fixture->project, 3), "Bug risk");

  /* A new name changes no number: the same matrix, new labels once the typing stops. */
  header = gtk_grid_get_child_at (get_grid (fixture, "column_header_grid"), 0, 0);
  wait_for (header_renamed, header, "the new name");
  g_assert_true (cc_matrix_view_get_matrix (fixture->view) == matrix);
  g_assert_false (cc_matrix_view_get_busy (fixture->view));
  label = dup_accessible_label (get_cell (fixture, 1, 0));
  g_assert_true (g_str_has_prefix (label, "The Harbour Gazette → Coastal Post: "));
}

static void
test_too_few_sources (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                              CC_TYPE_MATRIX_VIEW, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  while (cc_project_get_n_sources (fixture->project) > 1)
    cc_project_remove_source (fixture->project, cc_project_get_source (fixture->project, 0));

  cc_matrix_view_set_project (fixture->view, fixture->project);
  g_assert_false (cc_matrix_view_get_busy (fixture->view));
  g_assert_null (cc_matrix_view_get_matrix (fixture->view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* A second source is enough for a matrix. */
  {
    g_autoptr(CcSource) source = cc_source_new ();

    cc_source_set_outlet (source, "Coastal Post");
    cc_source_set_text (source, "Another article entirely, of a few words.");
    cc_project_add_source (fixture->project, source);
  }
  wait_for_matrix (fixture);
  assert_matrix_matches_project (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "matrix");

  cc_matrix_view_set_project (fixture->view, NULL);
  g_assert_null (cc_matrix_view_get_matrix (fixture->view));
  g_assert_false (cc_matrix_view_get_busy (fixture->view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_hidden_view_waits (Fixture       *fixture,
                        gconstpointer  data)
{
  gtk_widget_set_visible (GTK_WIDGET (fixture->view), FALSE);
  cc_matrix_view_set_project (fixture->view, fixture->project);

  /* Nothing is worked out for a view no one sees… */
  run_for (500);
  g_assert_null (cc_matrix_view_get_matrix (fixture->view));
  g_assert_true (cc_matrix_view_get_busy (fixture->view));

  /* …until it is shown. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->view), TRUE);
  wait_for_matrix (fixture);
  assert_matrix_matches_project (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;
  int ret;

  /* The in-process accessibility backend, rather than none: the cells' names for screen
   * readers are part of what is tested. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);
  adw_init ();

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "harbour-leak.crosscheck",
                                NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  example = g_bytes_new_take (contents, length);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/matrix-view/cells", test_cells);
  ADD ("/ui/matrix-view/pair-activated", test_pair_activated);
  ADD ("/ui/matrix-view/remove-source", test_remove_source);
  ADD ("/ui/matrix-view/quick-changes", test_quick_changes);
  ADD ("/ui/matrix-view/rename-keeps-matrix", test_rename_keeps_matrix);
  ADD ("/ui/matrix-view/too-few-sources", test_too_few_sources);
  ADD ("/ui/matrix-view/hidden-view-waits", test_hidden_view_waits);

#undef ADD

  ret = g_test_run ();

  g_bytes_unref (example);

  return ret;
}
