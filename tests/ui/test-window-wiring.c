/* test-window-wiring.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-wiring"

#include <glib/gstdio.h>
#include <string.h>

#include "cc-application.h"
#include "cc-details-dialog.h"
#include "cc-matrix-view.h"
#include "cc-preferences-window.h"
#include "cc-project-io.h"
#include "cc-source-list.h"
#include "cc-source-row.h"
#include "cc-window-private.h"
#include "ui-test-util.h"

/*
 * How the window ties its parts together: the source list, the overview, the comparison
 * view, the preferences and the application's settings, each driven the way the user would
 * drive it and checked in what the window then shows.
 */

static CcApplication *application;

static const char * const shared_quote_tags[] = {
  [CC_SHARED_EXACT] = "quote-exact",
  [CC_SHARED_PARTIAL] = "quote-partial",
  [CC_SHARED_VARIANT] = "quote-variant",
  [CC_SHARED_UNQUOTED] = "quote-unquoted",
};

/* Lets pending idles and callbacks run. */
static GFile *
example_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "harbour-leak.crosscheck", NULL);

  return g_file_new_for_path (path);
}

/* A copy of the example in a directory of its own, so saving it leaves the example alone. */
static GFile *
copy_example (void)
{
  g_autoptr(GFile) example = example_file ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_assert_true (g_file_load_contents (example, NULL, &contents, NULL, NULL, NULL));
  dir = g_dir_make_tmp ("crosscheck-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "harbour-leak.crosscheck", NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Removes a copy from copy_example() with anything saved beside it. */
static void
delete_copy (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (dir);

  ui_test_remove_tree (path);
}

static gboolean
window_not_loading (gpointer data)
{
  return !cc_window_get_loading (data);
}

static CcWindow *
open_window (GFile *file)
{
  CcWindow *window = cc_window_new (application);

  gtk_window_present (GTK_WINDOW (window));
  cc_window_open (window, file);
  g_assert_true (cc_window_get_loading (window));

  wait_for (window_not_loading, window, "the project to load");
  g_assert_nonnull (cc_window_get_project (window));
  g_assert_true (g_file_equal (cc_window_get_file (window), file));

  return window;
}

static CcWindow *
open_example (void)
{
  g_autoptr(GFile) file = example_file ();

  return open_window (file);
}

static void
close_window (CcWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_flush_main_loop ();
}

static CcSource *
get_source (CcWindow *window,
            guint     position)
{
  return cc_project_get_source (cc_window_get_project (window), position);
}

static void
count_source_rows (GtkWidget *widget,
                   guint     *n_rows)
{
  if (CC_IS_SOURCE_ROW (widget) && cc_source_row_get_source (CC_SOURCE_ROW (widget)) != NULL)
    (*n_rows)++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_source_rows (child, n_rows);
}

static gboolean
list_shows_every_source (gpointer data)
{
  CcWindow *window = data;
  guint n_rows = 0;

  count_source_rows (GTK_WIDGET (window->source_list), &n_rows);
  return n_rows == cc_project_get_n_sources (cc_window_get_project (window));
}

static gboolean
comparison_ready (gpointer data)
{
  CcComparisonView *view = data;

  return !cc_comparison_view_get_busy (view) && cc_comparison_view_get_comparison (view) != NULL;
}

/* Waits for the comparison under way and checks that it is of @left and @right. */
static CcComparison *
wait_for_comparison (CcWindow *window,
                     CcSource *left,
                     CcSource *right)
{
  CcComparison *comparison;

  wait_for (comparison_ready, window->comparison_view, "the comparison");
  comparison = cc_comparison_view_get_comparison (window->comparison_view);
  g_assert_cmpstr (cc_text_get_string (cc_comparison_get_text_a (comparison), NULL), ==,
                   cc_source_get_text (left));
  g_assert_cmpstr (cc_text_get_string (cc_comparison_get_text_b (comparison), NULL), ==,
                   cc_source_get_text (right));

  return comparison;
}

static GtkTextBuffer *
get_buffer (CcWindow *window,
            gboolean  right)
{
  return gtk_text_view_get_buffer (cc_comparison_view_get_text_view (window->comparison_view,
                                                                     right));
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static gboolean
offset_has_tag (GtkTextBuffer *buffer,
                guint          offset,
                const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
assert_range_tagged (GtkTextBuffer *buffer,
                     const CcRange *range,
                     const char    *name)
{
  g_assert_cmpuint (range->start, <, range->end);
  for (guint offset = range->start; offset < range->end; offset++)
    g_assert_true (offset_has_tag (buffer, offset, name));
}

/* Each pane highlights every shared quotation where the engine found it. */
static void
assert_shared_quotes_highlighted (CcWindow     *window,
                                  CcComparison *comparison)
{
  const CcSharedQuote *shared;
  guint n_shared;

  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  g_assert_cmpuint (n_shared, >, 0);

  for (guint i = 0; i < n_shared; i++)
    {
      assert_range_tagged (get_buffer (window, FALSE), &shared[i].a,
                           shared_quote_tags[shared[i].kind]);
      assert_range_tagged (get_buffer (window, TRUE), &shared[i].b,
                           shared_quote_tags[shared[i].kind]);
    }
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

/* The toast overlay's own child is the window's content; the toasts are beside it. */
static GtkWidget *
find_toast_widget (CcWindow          *window,
                   UiTestWidgetMatch  predicate,
                   gconstpointer      data)
{
  GtkWidget *content = adw_toast_overlay_get_child (window->toast_overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (child != content && (found = ui_test_find_widget (child, predicate, data)) != NULL)
        return found;
    }

  return NULL;
}

/* Selects @source in the list and activates one of the list's "source.*" actions on it, as
 * its context menu does. */
static void
activate_on_source (CcWindow   *window,
                    CcSource   *source,
                    const char *action)
{
  cc_source_list_set_selected_source (window->source_list, source);
  g_assert_true (cc_source_list_get_selected_source (window->source_list) == source);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->source_list), action, NULL));
}

static void
test_window_wiring_list_shows_sources (void)
{
  CcWindow *window = open_example ();
  CcProject *project = cc_window_get_project (window);
  GListModel *selection = G_LIST_MODEL (cc_source_list_get_selection (window->source_list));

  g_assert_cmpuint (cc_project_get_n_sources (project), ==, 5);
  g_assert_true (cc_source_list_get_project (window->source_list) == project);
  g_assert_cmpuint (g_list_model_get_n_items (selection), ==, 5);

  /* The rows exist only once the list has been laid out. */
  wait_for (list_shows_every_source, window, "a row for every source");

  /* The first source is selected and read. */
  g_assert_true (cc_source_list_get_selected_source (window->source_list) ==
                 get_source (window, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "source");
  g_assert_true (cc_source_view_get_source (window->source_view) == get_source (window, 0));

  close_window (window);
}

static void
test_window_wiring_compare_left_right (void)
{
  CcWindow *window = open_example ();
  CcSource *left = get_source (window, 3);
  CcSource *right = get_source (window, 1);
  CcComparison *comparison;
  g_autofree char *left_text = NULL;
  g_autofree char *right_text = NULL;

  g_assert_false (gtk_toggle_button_get_active (window->compare_button));

  activate_on_source (window, left, "source.compare-left");
  g_assert_true (gtk_toggle_button_get_active (window->compare_button));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "compare");
  g_assert_cmpuint (gtk_drop_down_get_selected (window->left_dropdown), ==, 3);

  /* Selecting another source to put it on the right keeps the comparison shown. */
  activate_on_source (window, right, "source.compare-right");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "compare");
  g_assert_cmpuint (gtk_drop_down_get_selected (window->left_dropdown), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (window->right_dropdown), ==, 1);
  g_assert_true (gtk_drop_down_get_selected_item (window->left_dropdown) == left);
  g_assert_true (gtk_drop_down_get_selected_item (window->right_dropdown) == right);

  comparison = wait_for_comparison (window, left, right);
  left_text = dup_buffer_text (get_buffer (window, FALSE));
  right_text = dup_buffer_text (get_buffer (window, TRUE));
  g_assert_cmpstr (left_text, ==, cc_source_get_text (left));
  g_assert_cmpstr (right_text, ==, cc_source_get_text (right));
  assert_shared_quotes_highlighted (window, comparison);

  /* Nothing the user did changed the project. */
  g_assert_false (cc_project_get_modified (cc_window_get_project (window)));

  close_window (window);
}

static void
test_window_wiring_overview (void)
{
  CcWindow *window = open_example ();
  CcSource *row_source = get_source (window, 4);
  CcSource *column_source = get_source (window, 2);
  CcComparison *comparison;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->overview_button)));
  g_assert_true (cc_matrix_view_get_project (window->matrix_view) ==
                 cc_window_get_project (window));

  gtk_toggle_button_set_active (window->compare_button, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "compare");

  /* The overview takes the comparison's place. */
  gtk_toggle_button_set_active (window->overview_button, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "overview");
  g_assert_false (gtk_toggle_button_get_active (window->compare_button));

  /* And the comparison takes it back. */
  gtk_toggle_button_set_active (window->compare_button, TRUE);
  g_assert_false (gtk_toggle_button_get_active (window->overview_button));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "compare");

  gtk_toggle_button_set_active (window->overview_button, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "overview");

  /* A cell of the overview compares its pair, the row's source on the left. */
  g_signal_emit_by_name (window->matrix_view, "pair-activated", row_source, column_source);
  g_assert_true (gtk_toggle_button_get_active (window->compare_button));
  g_assert_false (gtk_toggle_button_get_active (window->overview_button));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "compare");
  g_assert_true (gtk_drop_down_get_selected_item (window->left_dropdown) == row_source);
  g_assert_true (gtk_drop_down_get_selected_item (window->right_dropdown) == column_source);

  comparison = wait_for_comparison (window, row_source, column_source);
  assert_shared_quotes_highlighted (window, comparison);

  /* Turning the overview off reads the selected source again. */
  gtk_toggle_button_set_active (window->overview_button, TRUE);
  gtk_toggle_button_set_active (window->overview_button, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "source");

  close_window (window);
}

/* The words of @text that [@start, @end) touches: what excluding it takes from the count. */
static guint
count_words_touched (CcText *text,
                     guint   start,
                     guint   end)
{
  const CcToken *tokens;
  guint n_tokens;
  guint n_words = 0;

  tokens = cc_text_get_tokens (text, &n_tokens);
  for (guint i = 0; i < n_tokens; i++)
    {
      if ((tokens[i].kind == CC_TOKEN_WORD || tokens[i].kind == CC_TOKEN_NUMBER) &&
          tokens[i].start < end && tokens[i].end > start)
        n_words++;
    }

  return n_words;
}

static gboolean
shared_quote_inside (CcComparison *comparison,
                     guint         start,
                     guint         end)
{
  const CcSharedQuote *shared;
  guint n_shared;

  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  for (guint i = 0; i < n_shared; i++)
    {
      if (shared[i].a.start >= start && shared[i].a.end <= end)
        return TRUE;
    }

  return FALSE;
}

static void
test_window_wiring_exclude_include (void)
{
  CcWindow *window = open_example ();
  CcProject *project = cc_window_get_project (window);
  CcSource *left = get_source (window, 0);
  CcSource *right = get_source (window, 1);
  CcComparison *comparison;
  const CcSharedQuote *shared;
  const CcRange *excluded;
  CcRange right_range;
  guint n_excluded;
  guint n_shared;
  guint a_words;
  guint b_words;
  guint n_touched;
  guint start;
  guint end;

  gtk_toggle_button_set_active (window->compare_button, TRUE);
  comparison = wait_for_comparison (window, left, right);

  /* The first quotation both share: excluding it on the left must take it out. */
  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  g_assert_cmpuint (n_shared, >, 0);
  start = shared[0].a.start;
  end = shared[0].a.end;
  right_range = shared[0].b;
  a_words = cc_comparison_get_stats (comparison)->a_words;
  b_words = cc_comparison_get_stats (comparison)->b_words;
  n_touched = count_words_touched (cc_comparison_get_text_a (comparison), start, end);
  g_assert_cmpuint (n_touched, >, 0);
  g_assert_true (shared_quote_inside (comparison, start, end));

  cc_source_get_excluded (left, &n_excluded);
  g_assert_cmpuint (n_excluded, ==, 0);
  g_assert_false (cc_project_get_modified (project));

  g_signal_emit_by_name (window->comparison_view, "exclude-range", FALSE, start, end);

  excluded = cc_source_get_excluded (left, &n_excluded);
  g_assert_cmpuint (n_excluded, ==, 1);
  g_assert_cmpuint (excluded[0].start, ==, start);
  g_assert_cmpuint (excluded[0].end, ==, end);
  cc_source_get_excluded (right, &n_excluded);
  g_assert_cmpuint (n_excluded, ==, 0);
  g_assert_true (cc_project_get_modified (project));

  /* The pair is compared again at once, without the words excluded. */
  g_assert_true (cc_comparison_view_get_busy (window->comparison_view));
  g_assert_null (cc_comparison_view_get_comparison (window->comparison_view));
  comparison = wait_for_comparison (window, left, right);
  g_assert_cmpuint (cc_comparison_get_stats (comparison)->a_words, ==, a_words - n_touched);
  g_assert_cmpuint (cc_comparison_get_stats (comparison)->b_words, ==, b_words);
  g_assert_false (shared_quote_inside (comparison, start, end));
  assert_range_tagged (get_buffer (window, FALSE), &(CcRange) { start, end }, "excluded");

  /* Including it again brings everything back. */
  g_signal_emit_by_name (window->comparison_view, "include-range", FALSE, start, end);
  cc_source_get_excluded (left, &n_excluded);
  g_assert_cmpuint (n_excluded, ==, 0);
  g_assert_true (cc_comparison_view_get_busy (window->comparison_view));
  comparison = wait_for_comparison (window, left, right);
  g_assert_cmpuint (cc_comparison_get_stats (comparison)->a_words, ==, a_words);
  g_assert_true (shared_quote_inside (comparison, start, end));
  g_assert_false (offset_has_tag (get_buffer (window, FALSE), start, "excluded"));

  /* A range the source does not exclude is no change. */
  g_signal_emit_by_name (window->comparison_view, "include-range", FALSE, start, end);
  g_assert_false (cc_comparison_view_get_busy (window->comparison_view));

  /* The right pane excludes from the right source. */
  g_signal_emit_by_name (window->comparison_view, "exclude-range", TRUE, right_range.start,
                         right_range.end);
  cc_source_get_excluded (left, &n_excluded);
  g_assert_cmpuint (n_excluded, ==, 0);
  cc_source_get_excluded (right, &n_excluded);
  g_assert_cmpuint (n_excluded, ==, 1);
  comparison = wait_for_comparison (window, left, right);
  g_assert_cmpuint (cc_comparison_get_stats (comparison)->b_words, <, b_words);

  close_window (window);
}

static guint
count_shared_quotes (CcComparison *comparison)
{
  guint n_shared;

  cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  return n_shared;
}

static void
test_window_wiring_settings_recompare (void)
{
  CcWindow *window = open_example ();
  CcProject *project = cc_window_get_project (window);
  CcComparisonSettings *settings = cc_project_get_settings (project);
  CcSource *left = get_source (window, 0);
  CcSource *right = get_source (window, 1);
  g_autoptr(CcComparison) expected = NULL;
  const CcSharedQuote *expected_shared;
  const CcSharedQuote *shared;
  CcCompareOptions options;
  CcComparison *comparison;
  guint shared_before;
  guint n_shared;

  /* Nothing is compared while the comparison is not shown. */
  cc_comparison_settings_set_min_quote_words (settings, 4);
  g_assert_false (cc_comparison_view_get_busy (window->comparison_view));

  gtk_toggle_button_set_active (window->compare_button, TRUE);
  comparison = wait_for_comparison (window, left, right);
  shared_before = count_shared_quotes (comparison);

  cc_comparison_settings_set_min_quote_words (settings, 12);
  g_assert_true (cc_project_get_modified (project));
  g_assert_true (cc_comparison_view_get_busy (window->comparison_view));
  comparison = wait_for_comparison (window, left, right);

  /* Fewer quotations are long enough to count as shared now... */
  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  g_assert_cmpuint (n_shared, <, shared_before);

  /* ...exactly those the engine finds with the project's settings, highlighted. */
  cc_compare_options_from_settings (&options, settings);
  g_assert_cmpuint (options.min_quote_words, ==, 12);
  expected = cc_comparison_new (left, right, &options, NULL);
  g_assert_cmpuint (count_shared_quotes (expected), ==, n_shared);
  expected_shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (expected), &n_shared);
  for (guint i = 0; i < n_shared; i++)
    {
      g_assert_cmpuint (shared[i].a.start, ==, expected_shared[i].a.start);
      g_assert_cmpuint (shared[i].a.end, ==, expected_shared[i].a.end);
      g_assert_cmpuint (shared[i].b.start, ==, expected_shared[i].b.start);
      g_assert_cmpuint (shared[i].b.end, ==, expected_shared[i].b.end);
    }
  if (n_shared > 0)
    assert_shared_quotes_highlighted (window, comparison);

  close_window (window);
}

static void
test_window_wiring_preferences (void)
{
  CcWindow *window = open_example ();
  GtkWindow *preferences;

  g_assert_null (ui_test_find_transient (GTK_WINDOW (window), CC_TYPE_PREFERENCES_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  ui_test_flush_main_loop ();

  preferences = ui_test_find_transient (GTK_WINDOW (window), CC_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (cc_preferences_window_get_project (CC_PREFERENCES_WINDOW (preferences)) ==
                 cc_window_get_project (window));

  gtk_window_destroy (preferences);
  ui_test_flush_main_loop ();
  g_assert_null (ui_test_find_transient (GTK_WINDOW (window), CC_TYPE_PREFERENCES_WINDOW));

  close_window (window);
}

static void
test_window_wiring_new_project_defaults (void)
{
  GSettings *settings = cc_application_get_settings (application);
  CcWindow *window = cc_window_new (application);
  CcComparisonSettings *comparison_settings;
  CcProject *project;

  g_settings_set_uint (settings, "min-passage-words", 17);
  g_settings_set_boolean (settings, "fold-case", FALSE);

  gtk_window_present (GTK_WINDOW (window));
  cc_window_new_project (window);
  project = cc_window_get_project (window);
  g_assert_nonnull (project);

  comparison_settings = cc_project_get_settings (project);
  g_assert_cmpuint (cc_comparison_settings_get_min_passage_words (comparison_settings), ==, 17);
  g_assert_false (cc_comparison_settings_get_fold_case (comparison_settings));
  /* The others keep their defaults. */
  g_assert_cmpuint (cc_comparison_settings_get_min_quote_words (comparison_settings), ==,
                    CC_DEFAULT_MIN_QUOTE_WORDS);
  g_assert_false (cc_project_get_modified (project));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Project");

  g_settings_reset (settings, "min-passage-words");
  g_settings_reset (settings, "fold-case");
  close_window (window);

  /* A project that was saved keeps its own settings, whatever the defaults. */
  g_settings_set_uint (settings, "min-passage-words", 17);
  window = open_example ();
  comparison_settings = cc_project_get_settings (cc_window_get_project (window));
  g_assert_cmpuint (cc_comparison_settings_get_min_passage_words (comparison_settings), !=, 17);
  g_settings_reset (settings, "min-passage-words");
  close_window (window);
}

static gboolean
project_saved (gpointer data)
{
  CcWindow *window = data;

  return !cc_window_get_saving (window) &&
         !cc_project_get_modified (cc_window_get_project (window));
}

static void
test_window_wiring_details_saved (void)
{
  static const char new_title[] = "Wire copy & the emails";
  g_autoptr(GFile) file = copy_example ();
  g_autoptr(CcProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  CcWindow *window = open_window (file);
  CcSource *source = get_source (window, 2);
  g_autofree char *id = g_strdup (cc_source_get_id (source));
  GtkWindow *dialog;
  GObject *title_row;
  GObject *save_button;
  CcWindow *reopened;

  activate_on_source (window, source, "source.edit-details");
  ui_test_flush_main_loop ();
  dialog = ui_test_find_transient (GTK_WINDOW (window), CC_TYPE_DETAILS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (cc_details_dialog_get_source (CC_DETAILS_DIALOG (dialog)) == source);

  title_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), CC_TYPE_DETAILS_DIALOG,
                                             "title_row");
  save_button = gtk_widget_get_template_child (GTK_WIDGET (dialog), CC_TYPE_DETAILS_DIALOG,
                                               "save_button");
  g_assert_nonnull (title_row);
  g_assert_nonnull (save_button);
  gtk_editable_set_text (GTK_EDITABLE (title_row), new_title);
  g_signal_emit_by_name (save_button, "clicked");
  ui_test_flush_main_loop ();

  g_assert_null (ui_test_find_transient (GTK_WINDOW (window), CC_TYPE_DETAILS_DIALOG));
  g_assert_cmpstr (cc_source_get_title (source), ==, new_title);
  g_assert_true (cc_project_get_modified (cc_window_get_project (window)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (cc_window_get_saving (window));
  wait_for (project_saved, window, "the project to be saved");

  /* The file holds the new title, and a window opening it shows it. */
  loaded = cc_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_source_get_title (cc_project_find_source (loaded, id)), ==, new_title);

  reopened = open_window (file);
  g_assert_true (reopened != window);
  g_assert_cmpstr (cc_source_get_title (get_source (reopened, 2)), ==, new_title);
  g_assert_cmpstr (cc_source_get_id (get_source (reopened, 2)), ==, id);
  g_assert_false (cc_project_get_modified (cc_window_get_project (reopened)));

  close_window (reopened);
  close_window (window);
  delete_copy (file);
}

static gboolean
toast_shown (gpointer data)
{
  return find_toast_widget (data, ui_test_is_button_labelled, (gpointer)"_Undo") != NULL;
}

static void
test_window_wiring_remove_undo (void)
{
  CcWindow *window = open_example ();
  CcProject *project = cc_window_get_project (window);
  g_autoptr(CcSource) source = g_object_ref (get_source (window, 2));
  g_autofree char *message = NULL;
  GtkWidget *undo;

  activate_on_source (window, source, "source.remove");
  g_assert_cmpuint (cc_project_get_n_sources (project), ==, 4);
  g_assert_false (cc_project_find_position (project, source, NULL));
  g_assert_true (cc_project_get_modified (project));
  g_assert_true (cc_source_list_get_selected_source (window->source_list) != source);

  /* The list's toast is shown in the window, with a button to undo. */
  wait_for (toast_shown, window, "the toast in the window");
  message = g_strdup_printf ("“%s” removed", cc_source_get_title (source));
  g_assert_nonnull (find_toast_widget (window, is_label_with_text, message));

  undo = find_toast_widget (window, ui_test_is_button_labelled, "_Undo");
  gtk_widget_activate (undo);
  ui_test_flush_main_loop ();

  g_assert_cmpuint (cc_project_get_n_sources (project), ==, 5);
  g_assert_true (get_source (window, 2) == source);
  g_assert_true (cc_source_list_get_selected_source (window->source_list) == source);
  wait_for (list_shows_every_source, window, "a row for every source");

  close_window (window);
}

/* A source removed while it is compared is no longer shown in the comparison. */
static void
test_window_wiring_remove_compared (void)
{
  CcWindow *window = open_example ();
  CcProject *project = cc_window_get_project (window);
  g_autoptr(CcSource) removed = g_object_ref (get_source (window, 1));
  CcComparison *comparison;
  CcSource *left;
  CcSource *right;

  gtk_toggle_button_set_active (window->compare_button, TRUE);
  wait_for_comparison (window, get_source (window, 0), removed);

  activate_on_source (window, removed, "source.remove");
  g_assert_false (cc_project_find_position (project, removed, NULL));

  left = gtk_drop_down_get_selected_item (window->left_dropdown);
  right = gtk_drop_down_get_selected_item (window->right_dropdown);
  g_assert_true (left != removed);
  g_assert_true (right != removed);
  g_assert_true (cc_project_find_position (project, left, NULL));
  g_assert_true (cc_project_find_position (project, right, NULL));

  comparison = wait_for_comparison (window, left, right);
  g_assert_cmpstr (cc_text_get_string (cc_comparison_get_text_b (comparison), NULL), !=,
                   cc_source_get_text (removed));

  close_window (window);
}

static gboolean
view_locked (gpointer data)
{
  CcWindow *window = data;

  return cc_comparison_view_get_lock_scrolling (window->comparison_view);
}

static gboolean
view_unlocked (gpointer data)
{
  return !view_locked (data);
}

static void
test_window_wiring_sync_scrolling (void)
{
  GSettings *settings = cc_application_get_settings (application);
  CcWindow *window = open_example ();

  g_assert_true (g_settings_get_boolean (settings, "sync-scrolling"));
  g_assert_true (cc_comparison_view_get_lock_scrolling (window->comparison_view));

  /* GSettings tells of a change from the main loop. */
  g_settings_set_boolean (settings, "sync-scrolling", FALSE);
  wait_for (view_unlocked, window, "the panes to scroll apart");

  g_settings_set_boolean (settings, "sync-scrolling", TRUE);
  wait_for (view_locked, window, "the panes to scroll together");

  /* The view's own lock button is remembered for the next window. */
  cc_comparison_view_set_lock_scrolling (window->comparison_view, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "sync-scrolling"));
  close_window (window);

  window = open_example ();
  g_assert_false (cc_comparison_view_get_lock_scrolling (window->comparison_view));

  g_settings_reset (settings, "sync-scrolling");
  wait_for (view_locked, window, "the panes to scroll together again");
  close_window (window);
}

typedef struct
{
  GtkWidget *widget;
  int        size;
} FontSize;

static int
get_font_size (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);

  return pango_font_description_get_size (pango_context_get_font_description (context));
}

static gboolean
font_size_is (gpointer data)
{
  FontSize *font_size = data;
  PangoContext *context = gtk_widget_get_pango_context (font_size->widget);
  PangoFontDescription *description = pango_context_get_font_description (context);
  double expected = font_size->size * PANGO_SCALE;

  /* CSS gives sizes in pixels, at 96 pixels to the inch. */
  if (pango_font_description_get_size_is_absolute (description))
    expected = expected * 96 / 72;

  return ABS (pango_font_description_get_size (description) - expected) < PANGO_SCALE / 10;
}

static void
test_window_wiring_font_size (void)
{
  GSettings *settings = cc_application_get_settings (application);
  CcWindow *window = open_example ();
  int default_size = g_settings_get_int (settings, "view-font-size");
  FontSize left = { NULL, default_size };
  FontSize reading = { NULL, 23 };
  GtkWidget *list_label;
  int list_size;

  g_assert_cmpint (default_size, !=, 23);

  gtk_toggle_button_set_active (window->compare_button, TRUE);
  wait_for_comparison (window, get_source (window, 0), get_source (window, 1));
  left.widget = GTK_WIDGET (cc_comparison_view_get_text_view (window->comparison_view, FALSE));
  g_assert_true (font_size_is (&left));

  list_label = ui_test_find_widget (GTK_WIDGET (window->source_list), is_label_with_text,
                                    cc_source_get_title (get_source (window, 0)));
  g_assert_nonnull (list_label);
  list_size = get_font_size (list_label);

  g_settings_set_int (settings, "view-font-size", 23);
  left.size = 23;
  wait_for (font_size_is, &left, "the comparison's text at the new size");

  gtk_toggle_button_set_active (window->compare_button, FALSE);
  reading.widget = ui_test_find_widget (GTK_WIDGET (window->source_view), is_text_view, NULL);
  g_assert_nonnull (reading.widget);
  wait_for (font_size_is, &reading, "the source's text at the new size");

  /* Only the reading panes: the rest of the window keeps its size. */
  g_assert_cmpint (get_font_size (list_label), ==, list_size);

  g_settings_reset (settings, "view-font-size");
  reading.size = default_size;
  wait_for (font_size_is, &reading, "the source's text back at its size");

  close_window (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  /* Recent projects and drafts of a folder of the test's own, read before GTK starts. */
  data_home = g_dir_make_tmp ("crosscheck-test-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  ui_test_init (&argc, &argv);

  /* No draft is written while a test runs, so none is offered when a file opens again. */
  cc_window_set_draft_delay (G_MAXINT);

  /* Non-unique, so a Crosscheck already running does not take the test's windows. */
  application = g_object_new (CC_TYPE_APPLICATION,
                              "application-id", APP_ID,
                              "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/window-wiring/list-shows-sources", test_window_wiring_list_shows_sources);
  g_test_add_func ("/ui/window-wiring/compare-left-right", test_window_wiring_compare_left_right);
  g_test_add_func ("/ui/window-wiring/overview", test_window_wiring_overview);
  g_test_add_func ("/ui/window-wiring/exclude-include", test_window_wiring_exclude_include);
  g_test_add_func ("/ui/window-wiring/settings-recompare", test_window_wiring_settings_recompare);
  g_test_add_func ("/ui/window-wiring/preferences", test_window_wiring_preferences);
  g_test_add_func ("/ui/window-wiring/new-project-defaults",
                   test_window_wiring_new_project_defaults);
  g_test_add_func ("/ui/window-wiring/details-saved", test_window_wiring_details_saved);
  g_test_add_func ("/ui/window-wiring/remove-undo", test_window_wiring_remove_undo);
  g_test_add_func ("/ui/window-wiring/remove-compared", test_window_wiring_remove_compared);
  g_test_add_func ("/ui/window-wiring/sync-scrolling", test_window_wiring_sync_scrolling);
  g_test_add_func ("/ui/window-wiring/font-size", test_window_wiring_font_size);

  ret = g_test_run ();

  g_clear_object (&application);
  remove_tree (data_home);

  return ret;
}
