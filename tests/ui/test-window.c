/* test-window.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include <glib/gstdio.h>
#include <string.h>

#include "cc-application.h"
#include "cc-drafts.h"
#include "cc-import-dialog.h"
#include "cc-project-io.h"
#include "ui-test-util.h"
#include "cc-source-row.h"
#include "cc-source-view.h"
#include "cc-window-private.h"

static CcApplication *application;


/* Lets pending idles and callbacks run. */
static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "projects", name, NULL);

  return g_file_new_for_path (path);
}

/* Writes @contents to a file called @name in a directory of its own. */
static GFile *
write_temp_file (const char *name,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  dir = g_dir_make_tmp ("crosscheck-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
delete_temp_file (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
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

static void
close_window (CcWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_flush_main_loop ();
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
list_shows_three_rows (gpointer data)
{
  CcWindow *window = data;
  guint n_rows = 0;

  count_source_rows (GTK_WIDGET (window->source_list), &n_rows);
  return n_rows == 3;
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The question or error the window is showing, if any. */
static AdwMessageDialog *
window_message_dialog (CcWindow *window)
{
  GtkWindow *dialog = ui_test_find_transient (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return ui_test_find_transient (GTK_WINDOW (data), ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
has_file_chooser (gpointer data)
{
  return ui_test_find_transient (GTK_WINDOW (data), GTK_TYPE_FILE_CHOOSER) != NULL;
}

static gboolean
has_no_file_chooser (gpointer data)
{
  return ui_test_find_transient (GTK_WINDOW (data), GTK_TYPE_FILE_CHOOSER) == NULL;
}

static void
test_window_empty (void)
{
  CcWindow *window = cc_window_new (application);

  gtk_window_present (GTK_WINDOW (window));
  ui_test_flush_main_loop ();

  g_assert_null (cc_window_get_project (window));
  g_assert_null (cc_window_get_file (window));
  g_assert_false (cc_window_get_loading (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Crosscheck");

  close_window (window);
}

static void
test_window_open_shows_sources (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  g_autofree char *text = NULL;
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  GtkSelectionModel *model;
  CcSource *second;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "project");
  g_assert_cmpuint (cc_project_get_n_sources (project), ==, 3);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Three");

  model = GTK_SELECTION_MODEL (cc_source_list_get_selection (window->source_list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* The rows exist only once the list has been laid out. */
  wait_for (list_shows_three_rows, window, "three rows in the list");

  /* The first source is shown until the reader picks another. */
  g_assert_true (cc_source_view_get_source (window->source_view) ==
                 cc_project_get_source (project, 0));

  gtk_selection_model_select_item (model, 1, TRUE);
  second = cc_project_get_source (project, 1);
  g_assert_true (cc_source_view_get_source (window->source_view) == second);
  text = dup_buffer_text (cc_source_view_get_buffer (window->source_view));
  g_assert_cmpstr (text, ==, cc_source_get_text (second));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "source");

  /* Loading is not a change. */
  g_assert_false (cc_project_get_modified (project));

  close_window (window);
}

typedef struct
{
  CcComparisonView *view;
  CcSource         *left;
} ComparisonShown;

static gboolean
comparison_shows (gpointer data)
{
  ComparisonShown *shown = data;
  CcComparison *comparison = cc_comparison_view_get_comparison (shown->view);
  g_autofree char *text = NULL;

  if (comparison == NULL)
    return FALSE;

  text = dup_buffer_text (gtk_text_view_get_buffer (
           cc_comparison_view_get_text_view (shown->view, FALSE)));
  return g_strcmp0 (text, cc_source_get_text (shown->left)) == 0;
}

/* The Compare button shows the first two sources side by side; the pickers and the swap
 * button change which. */
static void
test_window_compare (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  ComparisonShown shown = { window->comparison_view, cc_project_get_source (project, 0) };
  g_autofree char *right_text = NULL;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->compare_button)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "source");

  gtk_toggle_button_set_active (window->compare_button, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "compare");
  wait_for (comparison_shows, &shown, "the first two sources compared");
  right_text = dup_buffer_text (gtk_text_view_get_buffer (
                 cc_comparison_view_get_text_view (window->comparison_view, TRUE)));
  g_assert_cmpstr (right_text, ==, cc_source_get_text (cc_project_get_source (project, 1)));

  /* Swapping puts the second source on the left. */
  gtk_widget_activate (GTK_WIDGET (window->swap_button));
  shown.left = cc_project_get_source (project, 1);
  wait_for (comparison_shows, &shown, "the swapped comparison");

  /* Picking the third source for the left compares it instead. */
  gtk_drop_down_set_selected (window->left_dropdown, 2);
  shown.left = cc_project_get_source (project, 2);
  wait_for (comparison_shows, &shown, "the third source on the left");

  gtk_toggle_button_set_active (window->compare_button, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "source");

  close_window (window);
}

static void
test_window_next_previous_source (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  CcWindow *window = open_window (file);
  GtkWidget *widget = GTK_WIDGET (window);

  /* At the first source there is no previous one. */
  g_assert_cmpuint (gtk_single_selection_get_selected (window->sources_selection), ==, 0);
  gtk_widget_activate_action (widget, "win.previous-source", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->sources_selection), ==, 0);

  g_assert_true (gtk_widget_activate_action (widget, "win.next-source", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "win.next-source", NULL));
  g_assert_cmpuint (gtk_single_selection_get_selected (window->sources_selection), ==, 2);

  /* At the last source there is no next one. */
  gtk_widget_activate_action (widget, "win.next-source", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->sources_selection), ==, 2);

  g_assert_true (gtk_widget_activate_action (widget, "win.previous-source", NULL));
  g_assert_cmpuint (gtk_single_selection_get_selected (window->sources_selection), ==, 1);

  close_window (window);
}

static void
test_window_open_broken_keeps_state (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  g_autoptr(GFile) broken = NULL;
  g_autofree char *title = NULL;
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  AdwMessageDialog *dialog;

  broken = write_temp_file ("broken.crosscheck",
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<project xmlns=\"https://crosscheck.github.io/ns/project/1\""
                            " version=\"1.0\">\n"
                            "  <title>Broken</title>\n"
                            "  <sources>\n"
                            "    <source id=\"a\"><title>Cut off");
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));

  cc_window_open (window, broken);
  wait_for (has_message_dialog, window, "the error dialog");
  g_assert_false (cc_window_get_loading (window));

  /* The message names the file, so the reader knows which one is broken. */
  dialog = window_message_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open Project");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.crosscheck"));

  /* The window still shows what it showed before. */
  g_assert_true (cc_window_get_project (window) == project);
  g_assert_true (g_file_equal (cc_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "project");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->sources_selection)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
  delete_temp_file (broken);
}

static void
test_window_open_broken_in_empty_window (void)
{
  g_autoptr(GFile) broken = write_temp_file ("not-xml.crosscheck", "This is not a project.\n");
  CcWindow *window = cc_window_new (application);
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));
  cc_window_open (window, broken);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "loading");

  wait_for (has_message_dialog, window, "the error dialog");
  dialog = ui_test_find_transient (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);

  /* Still empty, so the next project opened goes here. */
  g_assert_false (cc_window_get_loading (window));
  g_assert_null (cc_window_get_project (window));
  g_assert_null (cc_window_get_file (window));
  g_assert_true (cc_window_is_empty (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Crosscheck");

  gtk_window_destroy (dialog);
  close_window (window);
  delete_temp_file (broken);
}

static void
test_window_modified_mark (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  CcSource *first = cc_project_get_source (project, 0);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Three");

  cc_source_set_title (first, "A New Title");
  g_assert_true (cc_project_get_modified (project));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Three");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Three");

  cc_project_set_modified (project, FALSE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Three");

  close_window (window);
}

static gboolean
window_has_project (gpointer data)
{
  return cc_window_get_project (data) != NULL;
}

static void
test_window_same_file_twice (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  g_autoptr(GFile) same = fixture_file ("three-sources.crosscheck");
  CcWindow *first;
  CcWindow *empty;

  first = cc_application_open_file (application, file, NULL);
  wait_for (window_has_project, first, "the project to load");

  /* The same file again, even with an empty window offered, goes to the first window. */
  empty = cc_window_new (application);
  g_assert_true (cc_application_open_file (application, same, empty) == first);
  g_assert_true (cc_application_find_window (application, same) == first);
  g_assert_true (cc_window_is_empty (empty));

  close_window (empty);
  close_window (first);
}

static void
test_window_open_reuses_empty_window (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  CcWindow *empty = cc_window_new (application);

  g_assert_true (cc_application_open_file (application, file, empty) == empty);
  wait_for (window_has_project, empty, "the project to load");

  close_window (empty);
}

static void
test_window_open_other_file_new_window (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  g_autoptr(GFile) other_file = NULL;
  g_autofree char *contents = NULL;
  CcWindow *window = open_window (file);
  CcWindow *other;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  other_file = write_temp_file ("other.crosscheck", contents);

  /* A window that shows a project is never replaced. */
  other = cc_application_open_file (application, other_file, window);
  g_assert_true (other != window);
  wait_for (window_has_project, other, "the project to load");
  g_assert_true (g_file_equal (cc_window_get_file (window), file));
  g_assert_true (g_file_equal (cc_window_get_file (other), other_file));

  close_window (other);
  close_window (window);
  delete_temp_file (other_file);
}

static void
test_window_open_dialog (void)
{
  CcWindow *window = cc_window_new (application);
  GtkFileFilter *filter;
  GtkWindow *chooser;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.open", NULL));

  /* Outside a sandbox GTK 4.8 shows its own dialog rather than a portal's. */
  wait_for (has_file_chooser, window, "the file chooser");
  chooser = ui_test_find_transient (GTK_WINDOW (window), GTK_TYPE_FILE_CHOOSER);
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Crosscheck Projects");

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_for (has_no_file_chooser, window, "the file chooser to close");
  g_assert_true (cc_window_is_empty (window));

  close_window (window);
}

/* A copy of a fixture in a directory of its own, so saving it leaves the fixture alone. */
static GFile *
copy_fixture (const char *name)
{
  g_autoptr(GFile) fixture = fixture_file (name);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_load_contents (fixture, NULL, &contents, NULL, NULL, NULL));
  return write_temp_file (name, contents);
}

/* Removes a copy from copy_fixture() with its backup and anything saved beside it. */
static void
delete_copy (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }

  g_file_delete (dir, NULL, NULL);
}

static char *
dup_contents (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static gboolean
project_not_modified (gpointer data)
{
  CcWindow *window = data;

  return !cc_window_get_saving (window) && !cc_project_get_modified (cc_window_get_project (window));
}

static gboolean
window_gone (gpointer data)
{
  CcWindow **window = data;

  return *window == NULL;
}

static gboolean
window_not_saving (gpointer data)
{
  return !cc_window_get_saving (data);
}

/* Answers @dialog with @response, as a click on its button would. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  ui_test_flush_main_loop ();

  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
      gtk_window_destroy (dialog);
      ui_test_flush_main_loop ();
    }
}

static void
test_window_save (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autoptr(CcProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->save_button)));

  cc_source_set_title (cc_project_get_source (project, 0), "A Saved Title");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Three");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (cc_window_get_saving (window));
  wait_for (project_not_modified, window, "the project to be saved");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Three");
  g_assert_true (g_file_equal (cc_window_get_file (window), file));
  g_assert_null (ui_test_find_transient (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));

  reloaded = cc_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (reloaded, 0)), ==,
                   "A Saved Title");

  backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  close_window (window);
  delete_copy (file);
}

static void
test_window_save_to_other_file (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) other = g_file_get_child (dir, "other.crosscheck");
  g_autoptr(CcProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dup_contents (file);
  g_autofree char *after = NULL;
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);

  cc_source_set_title (cc_project_get_source (project, 0), "Saved Elsewhere");
  cc_window_save_to_file (window, other);
  wait_for (project_not_modified, window, "the project to be saved");

  /* The window now shows the new file; the old one is as it was. */
  g_assert_true (g_file_equal (cc_window_get_file (window), other));
  after = dup_contents (file);
  g_assert_cmpstr (after, ==, before);

  reloaded = cc_project_load (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (reloaded, 0)), ==,
                   "Saved Elsewhere");

  close_window (window);
  delete_copy (file);
}

/* Typing "other" where "other.crosscheck" exists: GTK asked about "other", which does not
 * exist, so the window must ask about the file it will really replace. */
static void
test_window_save_as_suffix_asks (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) typed = g_file_get_child (dir, "other");
  g_autoptr(GFile) other = g_file_get_child (dir, "other.crosscheck");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_replace_contents (other, "precious", 8, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  before = dup_contents (other);
  cc_source_set_title (cc_project_get_source (project, 0), "Replacing");

  cc_window_save_to_chosen_file (window, typed);
  wait_for (has_message_dialog, window, "the question before replacing");
  dialog = window_message_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Replace “other.crosscheck”?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");

  /* Cancel leaves the other file alone and the project unsaved. */
  respond (GTK_WINDOW (dialog), "cancel");
  ui_test_flush_main_loop ();
  after = dup_contents (other);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (cc_project_get_modified (project));
  g_assert_true (g_file_equal (cc_window_get_file (window), file));

  /* Replace saves there. */
  cc_window_save_to_chosen_file (window, typed);
  wait_for (has_message_dialog, window, "the question again");
  respond (GTK_WINDOW (window_message_dialog (window)), "replace");
  wait_for (project_not_modified, window, "the project to be saved");
  g_assert_true (g_file_equal (cc_window_get_file (window), other));

  close_window (window);
  delete_copy (file);
}

static void
test_window_save_fails (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/dir/x.crosscheck");
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  AdwMessageDialog *dialog;

  cc_source_set_title (cc_project_get_source (project, 0), "Never Saved");
  cc_window_save_to_file (window, nowhere);
  wait_for (has_message_dialog, window, "the error dialog");
  g_assert_false (cc_window_get_saving (window));

  dialog = window_message_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save Project");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "x.crosscheck"));

  /* Nothing in memory changed: still modified, still the old file. */
  g_assert_true (cc_project_get_modified (project));
  g_assert_true (g_file_equal (cc_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Three");

  respond (GTK_WINDOW (dialog), "close");
  close_window (window);
  delete_copy (file);
}

static void
test_window_close_unchanged (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  CcWindow *window = open_window (file);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_flush_main_loop ();

  g_assert_null (window);
}

static void
test_window_close_cancel_discard (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autofree char *before = dup_contents (file);
  g_autofree char *after = NULL;
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  AdwMessageDialog *dialog;

  cc_source_set_title (cc_project_get_source (project, 0), "Discarded");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);

  gtk_window_close (GTK_WINDOW (window));
  wait_for (has_message_dialog, window, "the question");
  dialog = window_message_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“Three” has unsaved changes. Changes which are not saved will be "
                   "permanently lost.");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save"), ==,
                   ADW_RESPONSE_SUGGESTED);

  /* Closing again while asking asks once. */
  gtk_window_close (GTK_WINDOW (window));
  ui_test_flush_main_loop ();
  g_assert_true (window_message_dialog (window) == dialog);

  respond (GTK_WINDOW (dialog), "cancel");
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (cc_project_get_modified (project));

  gtk_window_close (GTK_WINDOW (window));
  wait_for (has_message_dialog, window, "the question again");
  dialog = window_message_dialog (window);
  respond (GTK_WINDOW (dialog), "discard");
  wait_for (window_gone, &window, "the window to close");

  after = dup_contents (file);
  g_assert_cmpstr (after, ==, before);

  delete_copy (file);
}

static void
test_window_close_save (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autoptr(CcProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  GtkWindow *dialog;

  cc_source_set_title (cc_project_get_source (project, 0), "Saved On Close");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);

  gtk_window_close (GTK_WINDOW (window));
  wait_for (has_message_dialog, window, "the question");
  dialog = ui_test_find_transient (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  respond (dialog, "save");
  wait_for (window_gone, &window, "the window to close after saving");

  reloaded = cc_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (reloaded, 0)), ==,
                   "Saved On Close");

  delete_copy (file);
}

static void
test_window_close_save_fails (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autoptr(GFile) dir = g_file_get_parent (file);
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  GtkWindow *dialog;

  cc_source_set_title (cc_project_get_source (project, 0), "Cannot Be Saved");

  /* A file in the way of the directory makes the save fail. */
  delete_copy (file);
  g_assert_true (g_file_set_contents (g_file_peek_path (dir), "", 0, NULL));

  gtk_window_close (GTK_WINDOW (window));
  wait_for (has_message_dialog, window, "the question");
  dialog = ui_test_find_transient (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  respond (dialog, "save");
  wait_for (window_not_saving, window, "the save to fail");
  wait_for (has_message_dialog, window, "the error dialog");

  /* The window stays open with its changes. */
  dialog = ui_test_find_transient (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Save Project");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (cc_project_get_modified (project));

  respond (dialog, "close");
  close_window (window);
  g_file_delete (dir, NULL, NULL);
}

static void
test_window_save_as_dialog (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autofree char *name = NULL;
  GtkFileFilter *filter;
  GtkWindow *chooser;
  CcWindow *window = open_window (file);

  /* Cancelling leaves everything as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  wait_for (has_file_chooser, window, "the file chooser");
  chooser = ui_test_find_transient (GTK_WINDOW (window), GTK_TYPE_FILE_CHOOSER);
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Crosscheck Projects");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Three.crosscheck");

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_for (has_no_file_chooser, window, "the file chooser to close");
  g_assert_false (cc_window_get_saving (window));
  g_assert_true (g_file_equal (cc_window_get_file (window), file));

  close_window (window);
  delete_copy (file);
}

static void
test_window_save_as_suffix (void)
{
  static const struct {
    const char *typed;
    const char *saved;
  } cases[] = {
    { "/tmp/typed", "/tmp/typed.crosscheck" },
    { "/tmp/typed.crosscheck", "/tmp/typed.crosscheck" },
    { "/tmp/notes.v2", "/tmp/notes.v2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) typed = g_file_new_for_path (cases[i].typed);
      g_autoptr(GFile) saved = cc_window_dup_file_with_suffix (typed);

      g_assert_cmpstr (g_file_peek_path (saved), ==, cases[i].saved);
    }
}

static void
test_window_quit_asks (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  g_autoptr(GFile) copy = copy_fixture ("three-sources.crosscheck");
  CcWindow *unchanged = open_window (file);
  CcWindow *changed = open_window (copy);
  GtkWindow *dialog;

  cc_source_set_title (cc_project_get_source (cc_window_get_project (changed), 0), "Changed");
  g_object_add_weak_pointer (G_OBJECT (unchanged), (gpointer *)&unchanged);
  g_object_add_weak_pointer (G_OBJECT (changed), (gpointer *)&changed);

  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  wait_for (has_message_dialog, changed, "the question");
  wait_for (window_gone, &unchanged, "the unchanged window to close");
  g_assert_nonnull (changed);

  dialog = ui_test_find_transient (GTK_WINDOW (changed), ADW_TYPE_MESSAGE_DIALOG);
  respond (dialog, "discard");
  wait_for (window_gone, &changed, "the changed window to close");

  delete_copy (copy);
}

static void
test_window_finalizes (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);

  wait_for (list_shows_three_rows, window, "three rows in the list");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *)&project);

  close_window (window);

  g_assert_null (window);
  g_assert_null (project);
}

static GFile *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

/* The row called @row_title in the import dialog's group for @file_name. */
static GtkWidget *
find_import_row (GtkWindow  *dialog,
                 const char *file_name,
                 const char *row_title)
{
  GtkWidget *group = ui_test_find_widget (GTK_WIDGET (dialog), ui_test_is_group_titled, file_name);
  GtkWidget *row;

  g_assert_nonnull (group);
  row = ui_test_find_widget (group, ui_test_is_row_titled, row_title);
  g_assert_nonnull (row);

  return row;
}

static const char *
import_row_text (GtkWindow  *dialog,
                 const char *file_name,
                 const char *row_title)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_import_row (dialog, file_name, row_title)));
}

static void
click_button (GtkWindow  *window,
              const char *label)
{
  GtkWidget *button = ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
import_dialog_ready (gpointer data)
{
  GtkWindow *dialog = ui_test_find_transient (GTK_WINDOW (data), CC_TYPE_IMPORT_DIALOG);

  return dialog != NULL && !cc_import_dialog_get_importing (CC_IMPORT_DIALOG (dialog));
}

static GtkWindow *
wait_for_import_dialog (CcWindow *window)
{
  wait_for (import_dialog_ready, window, "the import dialog to show the files");
  return ui_test_find_transient (GTK_WINDOW (window), CC_TYPE_IMPORT_DIALOG);
}

static gboolean
window_has_sources (gpointer data)
{
  CcWindow *window = data;

  return cc_window_get_project (window) != NULL &&
         cc_project_get_n_sources (cc_window_get_project (window)) > 0;
}

static void
test_window_new_project (void)
{
  CcWindow *window = cc_window_new (application);
  CcWindow *again;
  CcWindow *other;
  CcWindow *created;
  CcProject *project;
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");

  gtk_window_present (GTK_WINDOW (window));
  ui_test_flush_main_loop ();

  /* An empty window takes the new project. */
  g_assert_true (cc_application_new_project (application, window) == window);
  project = cc_window_get_project (window);
  g_assert_nonnull (project);
  g_assert_null (cc_window_get_file (window));
  g_assert_cmpuint (cc_project_get_n_sources (project), ==, 0);
  g_assert_false (cc_project_get_modified (project));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Project");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "project");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->source_stack), ==, "no-sources");

  /* Untouched, it is still empty: asking again, or opening a project, reuses it. */
  g_assert_true (cc_window_is_empty (window));
  again = cc_application_new_project (application, window);
  g_assert_true (again == window);
  g_assert_true (cc_window_get_project (window) == project);

  /* A window with a project is not replaced: another window shows the new project. */
  other = open_window (file);
  created = cc_application_new_project (application, other);
  g_assert_true (created != other && created != window);
  g_assert_true (g_file_equal (cc_window_get_file (other), file));
  g_assert_null (cc_window_get_file (created));
  g_assert_cmpuint (cc_project_get_n_sources (cc_window_get_project (created)), ==, 0);

  close_window (created);
  close_window (other);

  /* Opening a project goes to the untouched new project's window. */
  g_assert_true (cc_application_open_file (application, file, window) == window);
  wait_for (window_not_loading, window, "the project to load");
  g_assert_true (g_file_equal (cc_window_get_file (window), file));

  close_window (window);
}

/* Importing into an empty window: the review shows each file's metadata, an edited title is
 * the source's title, and the sources form a new untitled project. */
static void
test_window_import_into_empty_window (void)
{
  GFile *files[] = { import_fixture ("article.html"), import_fixture ("council-notes.txt") };
  CcWindow *window = cc_window_new (application);
  CcProject *project;
  GtkWindow *dialog;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  cc_window_import_files (window, files, G_N_ELEMENTS (files));
  dialog = wait_for_import_dialog (window);
  g_assert_true (gtk_window_get_modal (dialog));

  row = find_import_row (dialog, "article.html", "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "Harbour bridge to close for six weeks of repairs");
  g_assert_cmpstr (import_row_text (dialog, "article.html", "Outlet"), ==,
                   "The Millbrook Courier");
  g_assert_cmpstr (import_row_text (dialog, "article.html", "Published (YYYY-MM-DD)"), ==,
                   "2026-03-14");
  g_assert_cmpstr (import_row_text (dialog, "council-notes.txt", "Title"), ==,
                   "Council approves harbour repairs");

  gtk_editable_set_text (GTK_EDITABLE (row), "Bridge to close");
  click_button (dialog, "_Add Sources");
  wait_for (window_has_sources, window, "the sources to be added");

  project = cc_window_get_project (window);
  g_assert_null (cc_window_get_file (window));
  g_assert_cmpuint (cc_project_get_n_sources (project), ==, 2);
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (project, 0)), ==,
                   "Bridge to close");
  g_assert_cmpstr (cc_source_get_outlet (cc_project_get_source (project, 0)), ==,
                   "The Millbrook Courier");
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (project, 1)), ==,
                   "Council approves harbour repairs");
  g_assert_cmpstr (cc_source_get_id (cc_project_get_source (project, 0)), !=,
                   cc_source_get_id (cc_project_get_source (project, 1)));
  g_assert_true (cc_project_get_modified (project));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Untitled Project");

  /* The first new source is the one shown. */
  g_assert_cmpuint (gtk_single_selection_get_selected (window->sources_selection), ==, 0);
  g_assert_true (cc_source_view_get_source (window->source_view) ==
                 cc_project_get_source (project, 0));

  cc_project_set_modified (project, FALSE);
  close_window (window);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* A file that is not an article is named in the review, with the reason. */
static void
test_window_import_binary_error (void)
{
  g_autoptr(GFile) binary = write_temp_file ("scan.pdf", "%PDF-1.4");
  g_autoptr(GFile) text = import_fixture ("council-notes.txt");
  g_autofree char *subtitle = NULL;
  CcWindow *window = cc_window_new (application);
  GtkWindow *dialog;
  GtkWidget *errors;
  GtkWidget *row;
  GFile *files[2];

  /* NUL bytes make it binary whatever its name says. */
  g_assert_true (g_file_replace_contents (binary, "%PDF-1.4\n\0\0\xff", 12, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  files[0] = binary;
  files[1] = text;

  gtk_window_present (GTK_WINDOW (window));
  cc_window_import_files (window, files, 2);
  dialog = wait_for_import_dialog (window);

  errors = ui_test_find_widget (GTK_WIDGET (dialog), ui_test_is_group_titled, "Could Not Import");
  g_assert_nonnull (errors);
  row = ui_test_find_widget (errors, ui_test_is_row_titled, "scan.pdf");
  g_assert_nonnull (row);
  subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_nonnull (strstr (subtitle, "“scan.pdf” is not a text file"));

  /* Adding takes the file that could be read, and nothing of the other. */
  click_button (dialog, "_Add Sources");
  wait_for (window_has_sources, window, "the source to be added");
  g_assert_cmpuint (cc_project_get_n_sources (cc_window_get_project (window)), ==, 1);

  cc_project_set_modified (cc_window_get_project (window), FALSE);
  close_window (window);
  delete_temp_file (binary);
}

static gboolean
window_has_four_sources (gpointer data)
{
  CcWindow *window = data;

  return cc_window_get_project (window) != NULL &&
         cc_project_get_n_sources (cc_window_get_project (window)) == 4;
}

static gboolean
drop (CcWindow *window,
      GFile   **files,
      gsize     n_files)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean taken = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n_files));
  g_signal_emit_by_name (window->drop_target, "drop", &value, 10.0, 10.0, &taken);

  return taken;
}

/* Articles dropped on a project are imported into it through the review. */
static void
test_window_drop_articles (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autoptr(GFile) article = import_fixture ("council-notes.txt");
  CcWindow *window = open_window (file);
  CcProject *project = cc_window_get_project (window);
  GdkDragAction action = 0;
  GtkWindow *dialog;

  /* Dragging over shows that the window takes files. */
  g_signal_emit_by_name (window->drop_target, "enter", 10.0, 10.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_get_visible (window->drop_hint));
  g_signal_emit_by_name (window->drop_target, "leave");
  g_assert_false (gtk_widget_get_visible (window->drop_hint));

  g_assert_true (drop (window, &article, 1));
  g_assert_false (gtk_widget_get_visible (window->drop_hint));
  dialog = wait_for_import_dialog (window);
  click_button (dialog, "_Add Sources");
  wait_for (window_has_four_sources, window, "the dropped article to be added");

  g_assert_true (cc_window_get_project (window) == project);
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (project, 3)), ==,
                   "Council approves harbour repairs");
  g_assert_nonnull (cc_source_get_id (cc_project_get_source (project, 3)));
  g_assert_cmpuint (gtk_single_selection_get_selected (window->sources_selection), ==, 3);
  g_assert_true (cc_project_get_modified (project));

  cc_project_set_modified (project, FALSE);
  close_window (window);
  delete_copy (file);
}

/* A project dropped on an empty window opens there, as Open would. */
static void
test_window_drop_project (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  CcWindow *window = cc_window_new (application);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (drop (window, &file, 1));
  wait_for (window_has_project, window, "the dropped project to load");
  g_assert_true (g_file_equal (cc_window_get_file (window), file));
  g_assert_null (ui_test_find_transient (GTK_WINDOW (window), CC_TYPE_IMPORT_DIALOG));

  close_window (window);
}

static char *
draft_path (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".crosscheck", NULL);

  return g_build_filename (g_file_peek_path (cc_drafts_get_directory (cc_drafts_get_default ())),
                           name, NULL);
}

static gboolean
draft_written (gpointer data)
{
  CcWindow *window = data;
  g_autofree char *path = draft_path (cc_window_get_draft_id (window));

  return !cc_window_get_draft_busy (window) && g_file_test (path, G_FILE_TEST_EXISTS);
}

typedef struct
{
  CcWindow *window;
  char     *id;
} DraftGone;

static gboolean
draft_gone (gpointer data)
{
  DraftGone *gone = data;
  g_autofree char *path = draft_path (gone->id);

  return (gone->window == NULL || !cc_window_get_draft_busy (gone->window)) &&
         !g_file_test (path, G_FILE_TEST_EXISTS);
}

static guint
count_drafts (void)
{
  g_autoptr(GPtrArray) drafts = cc_drafts_list (cc_drafts_get_default (), NULL, NULL);

  g_assert_nonnull (drafts);
  return drafts->len;
}

static void
clear_drafts (void)
{
  g_autoptr(GPtrArray) drafts = cc_drafts_list (cc_drafts_get_default (), NULL, NULL);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    cc_drafts_remove (cc_drafts_get_default (), cc_draft_get_id (g_ptr_array_index (drafts, i)),
                      NULL, NULL);
}

/* Any visible message dialog with @heading, and the window it belongs to. */
static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *iter = toplevels; iter != NULL; iter = iter->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (iter->data) && gtk_widget_get_visible (iter->data) &&
          g_strcmp0 (adw_message_dialog_get_heading (iter->data), heading) == 0)
        return iter->data;
    }

  return NULL;
}

static gboolean
has_recover_question (gpointer data)
{
  return find_message_dialog ("Recover Unsaved Changes?") != NULL;
}

/* Opens @file, changes it, waits for the draft and destroys the window as a crash would,
 * without the question about unsaved changes. Returns the draft's id. */
static char *
crash_with_changes (GFile      *file,
                    const char *new_title)
{
  CcWindow *window = open_window (file);
  char *id;

  cc_source_set_title (cc_project_get_source (cc_window_get_project (window), 0), new_title);
  wait_for (draft_written, window, "the draft to be written");
  id = g_strdup (cc_window_get_draft_id (window));

  /* The file on disk is as it was: only the draft has the change. */
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_flush_main_loop ();

  return id;
}

/* After a crash, starting Crosscheck offers the draft back; recovering it gives a modified
 * project bound to the original file, and saving it there removes the draft. */
static void
test_window_draft_crash_recovery (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autoptr(CcProject) saved = NULL;
  g_autofree char *id = NULL;
  AdwMessageDialog *dialog;
  CcWindow *window;
  CcProject *project;
  DraftGone gone = { NULL, NULL };

  clear_drafts ();
  cc_window_set_draft_delay (20);

  id = crash_with_changes (file, "Changed Before The Crash");
  g_assert_cmpuint (count_drafts (), ==, 1);

  /* Started afresh: no window is open. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (application)));

  g_application_activate (G_APPLICATION (application));
  wait_for (has_recover_question, NULL, "the question about the draft");
  dialog = find_message_dialog ("Recover Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Three”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "today at "));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "recover");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  window = CC_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_assert_true (cc_window_is_empty (window));

  respond (GTK_WINDOW (dialog), "recover");
  wait_for (window_has_project, window, "the draft to load");

  project = cc_window_get_project (window);
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (project, 0)), ==,
                   "Changed Before The Crash");
  g_assert_true (cc_project_get_modified (project));
  g_assert_true (g_file_equal (cc_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Three");
  g_assert_cmpstr (cc_window_get_draft_id (window), ==, id);

  /* Save writes the original file, and the draft is no longer needed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for (project_not_modified, window, "the project to be saved");
  gone.window = window;
  gone.id = id;
  wait_for (draft_gone, &gone, "the draft to be removed");
  g_assert_cmpuint (count_drafts (), ==, 0);

  saved = cc_project_load (file, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (saved, 0)), ==,
                   "Changed Before The Crash");

  close_window (window);
  cc_window_set_draft_delay (3000);
  delete_copy (file);
}

/* Opening a file whose draft is newer asks first; Discard opens the file as saved and
 * removes the draft, Recover shows the draft's changes. */
static void
test_window_open_offers_draft (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autofree char *id = NULL;
  AdwMessageDialog *dialog;
  CcWindow *window;
  DraftGone gone = { NULL, NULL };

  clear_drafts ();
  cc_window_set_draft_delay (20);

  id = crash_with_changes (file, "Draft Title");

  /* Cancel opens nothing and keeps the draft. */
  window = cc_application_open_file (application, file, NULL);
  wait_for (has_recover_question, NULL, "the question about the draft");
  dialog = find_message_dialog ("Recover Unsaved Changes?");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (cc_window_get_loading (window));
  respond (GTK_WINDOW (dialog), "cancel");
  g_assert_false (cc_window_get_loading (window));
  g_assert_null (cc_window_get_project (window));
  g_assert_cmpuint (count_drafts (), ==, 1);

  /* Discard opens the file as it was saved and removes the draft. */
  cc_window_open (window, file);
  wait_for (has_recover_question, NULL, "the question again");
  respond (GTK_WINDOW (find_message_dialog ("Recover Unsaved Changes?")), "discard");
  wait_for (window_has_project, window, "the file to load");
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (cc_window_get_project (window), 0)),
                   ==, "Council approves harbour dredging after long debate");
  g_assert_false (cc_project_get_modified (cc_window_get_project (window)));
  gone.id = id;
  wait_for (draft_gone, &gone, "the discarded draft to be removed");
  close_window (window);

  /* Recover shows the changes, unsaved. */
  g_free (id);
  id = crash_with_changes (file, "Draft Title");
  window = cc_application_open_file (application, file, NULL);
  wait_for (has_recover_question, NULL, "the question about the new draft");
  respond (GTK_WINDOW (find_message_dialog ("Recover Unsaved Changes?")), "recover");
  wait_for (window_has_project, window, "the draft to load");
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (cc_window_get_project (window), 0)),
                   ==, "Draft Title");
  g_assert_true (cc_project_get_modified (cc_window_get_project (window)));
  g_assert_true (g_file_equal (cc_window_get_file (window), file));

  /* Discarding at close removes the draft too. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_close (GTK_WINDOW (window));
  wait_for (has_message_dialog, window, "the question before closing");
  respond (ui_test_find_transient (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG), "discard");
  wait_for (window_gone, &window, "the window to close");
  gone.id = id;
  wait_for (draft_gone, &gone, "the draft to be removed");

  cc_window_set_draft_delay (3000);
  delete_copy (file);
}

static gboolean
has_recover_error (gpointer data)
{
  return find_message_dialog ("Could Not Recover Unsaved Changes") != NULL;
}

/* A draft that cannot be read is never removed behind the user's back. */
static void
test_window_draft_unreadable_kept (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) contents = NULL;
  g_autofree char *path = draft_path ("unreadable-draft");
  AdwMessageDialog *dialog;
  CcWindow *window;

  clear_drafts ();

  cc_project_set_title (project, "Damaged");
  bytes = cc_project_to_bytes (project);
  g_assert_true (cc_drafts_write (cc_drafts_get_default (), "unreadable-draft", bytes, NULL,
                                  "Damaged", NULL, NULL, NULL));
  g_assert_true (g_file_set_contents (path, "<project", -1, NULL));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (application)));

  g_application_activate (G_APPLICATION (application));
  wait_for (has_recover_question, NULL, "the question about the draft");
  dialog = find_message_dialog ("Recover Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Damaged”"));
  window = CC_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  respond (GTK_WINDOW (dialog), "recover");

  wait_for (has_recover_error, NULL, "the error about the draft");
  dialog = find_message_dialog ("Could Not Recover Unsaved Changes");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "unreadable-draft.crosscheck"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "close");
  g_assert_true (cc_window_is_empty (window));

  /* Kept unless the user says otherwise. */
  respond (GTK_WINDOW (dialog), "close");
  ui_test_flush_main_loop ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_drafts (), ==, 1);

  close_window (window);
  clear_drafts ();
}

static void
test_window_import_dialog_chooser (void)
{
  CcWindow *window = cc_window_new (application);
  g_autoptr(GListModel) filters = NULL;
  GtkFileFilter *filter;
  GtkWindow *chooser;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));

  wait_for (has_file_chooser, window, "the file chooser");
  chooser = ui_test_find_transient (GTK_WINDOW (window), GTK_TYPE_FILE_CHOOSER);
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Articles");
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 4);

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_for (has_no_file_chooser, window, "the file chooser to close");
  g_assert_true (cc_window_is_empty (window));
  g_assert_null (ui_test_find_transient (GTK_WINDOW (window), CC_TYPE_IMPORT_DIALOG));

  close_window (window);
}

/* Sources added while the project is loading join it once it is loaded. */
static void
test_window_import_while_loading (void)
{
  g_autoptr(GFile) file = fixture_file ("three-sources.crosscheck");
  g_autoptr(GListStore) sources = g_list_store_new (CC_TYPE_SOURCE);
  g_autoptr(CcSource) source = cc_source_new ();
  CcWindow *window = cc_window_new (application);

  cc_source_set_title (source, "Added While Loading");
  cc_source_set_text (source, "Some text.");
  g_list_store_append (sources, source);

  gtk_window_present (GTK_WINDOW (window));
  cc_window_open (window, file);
  cc_window_add_sources (window, G_LIST_MODEL (sources));
  wait_for (window_has_four_sources, window, "the project with the added source");

  g_assert_true (g_file_equal (cc_window_get_file (window), file));
  g_assert_cmpstr (cc_source_get_title (cc_project_get_source (cc_window_get_project (window), 3)),
                   ==, "Added While Loading");

  cc_project_set_modified (cc_window_get_project (window), FALSE);
  close_window (window);
}

static gboolean
has_recent_row (GtkWidget     *widget,
                gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

typedef struct
{
  CcWindow   *window;
  const char *title;
} RecentShown;

static gboolean
recent_row_shown (gpointer data)
{
  RecentShown *shown = data;

  return ui_test_find_widget (GTK_WIDGET (shown->window->recent_list), has_recent_row,
                              shown->title) != NULL;
}

/* An opened project is listed on the empty page; one whose file is gone is not. */
static void
test_window_recent_projects (void)
{
  g_autoptr(GFile) file = copy_fixture ("three-sources.crosscheck");
  g_autoptr(GFile) gone = write_temp_file ("gone.crosscheck", "");
  g_autofree char *gone_uri = g_file_get_uri (gone);
  GtkRecentData data = { 0 };
  RecentShown shown;
  CcWindow *window;
  GtkWidget *row;
  const char *action;
  GVariant *target;

  data.display_name = (char *)"Gone Project";
  data.mime_type = (char *)CC_PROJECT_MIME_TYPE;
  data.app_name = (char *)"Crosscheck";
  data.app_exec = (char *)"crosscheck %u";
  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), gone_uri,
                                              &data));
  delete_temp_file (gone);

  window = open_window (file);
  close_window (window);

  window = cc_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  shown.window = window;
  shown.title = "Three";
  wait_for (recent_row_shown, &shown, "the project among the recent ones");
  g_assert_true (gtk_widget_get_visible (window->recent_box));
  /* New Project, Open and the recent projects' submenu. */
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->open_section)), ==, 3);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (window->recent_list), has_recent_row,
                                      "Gone Project"));

  /* The row says where the file is, and opens it. */
  row = ui_test_find_widget (GTK_WIDGET (window->recent_list), has_recent_row, "Three");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "three-sources.crosscheck"));
  action = gtk_actionable_get_action_name (GTK_ACTIONABLE (row));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  g_assert_true (gtk_widget_activate_action_variant (row, action, target));
  wait_for (window_has_project, window, "the recent project to load");
  g_assert_true (g_file_equal (cc_window_get_file (window), file));

  close_window (window);
  delete_copy (file);
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

  /* Non-unique, so a Crosscheck already running does not take the test's windows. */
  application = g_object_new (CC_TYPE_APPLICATION,
                              "application-id", APP_ID,
                              "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/window/empty", test_window_empty);
  g_test_add_func ("/ui/window/open-shows-sources", test_window_open_shows_sources);
  g_test_add_func ("/ui/window/compare", test_window_compare);
  g_test_add_func ("/ui/window/save-as-suffix-asks", test_window_save_as_suffix_asks);
  g_test_add_func ("/ui/window/next-previous-source", test_window_next_previous_source);
  g_test_add_func ("/ui/window/open-broken-keeps-state", test_window_open_broken_keeps_state);
  g_test_add_func ("/ui/window/open-broken-in-empty-window",
                   test_window_open_broken_in_empty_window);
  g_test_add_func ("/ui/window/modified-mark", test_window_modified_mark);
  g_test_add_func ("/ui/window/same-file-twice", test_window_same_file_twice);
  g_test_add_func ("/ui/window/open-reuses-empty-window", test_window_open_reuses_empty_window);
  g_test_add_func ("/ui/window/open-other-file-new-window",
                   test_window_open_other_file_new_window);
  g_test_add_func ("/ui/window/open-dialog", test_window_open_dialog);
  g_test_add_func ("/ui/window/save", test_window_save);
  g_test_add_func ("/ui/window/save-to-other-file", test_window_save_to_other_file);
  g_test_add_func ("/ui/window/save-fails", test_window_save_fails);
  g_test_add_func ("/ui/window/close-unchanged", test_window_close_unchanged);
  g_test_add_func ("/ui/window/close-cancel-discard", test_window_close_cancel_discard);
  g_test_add_func ("/ui/window/close-save", test_window_close_save);
  g_test_add_func ("/ui/window/close-save-fails", test_window_close_save_fails);
  g_test_add_func ("/ui/window/save-as-dialog", test_window_save_as_dialog);
  g_test_add_func ("/ui/window/save-as-suffix", test_window_save_as_suffix);
  g_test_add_func ("/ui/window/quit-asks", test_window_quit_asks);
  g_test_add_func ("/ui/window/finalizes", test_window_finalizes);
  g_test_add_func ("/ui/window/new-project", test_window_new_project);
  g_test_add_func ("/ui/window/import-into-empty-window", test_window_import_into_empty_window);
  g_test_add_func ("/ui/window/import-binary-error", test_window_import_binary_error);
  g_test_add_func ("/ui/window/drop-articles", test_window_drop_articles);
  g_test_add_func ("/ui/window/drop-project", test_window_drop_project);
  g_test_add_func ("/ui/window/draft-crash-recovery", test_window_draft_crash_recovery);
  g_test_add_func ("/ui/window/open-offers-draft", test_window_open_offers_draft);
  g_test_add_func ("/ui/window/draft-unreadable-kept", test_window_draft_unreadable_kept);
  g_test_add_func ("/ui/window/recent-projects", test_window_recent_projects);
  g_test_add_func ("/ui/window/import-dialog-chooser", test_window_import_dialog_chooser);
  g_test_add_func ("/ui/window/import-while-loading", test_window_import_while_loading);

  ret = g_test_run ();

  g_clear_object (&application);
  ui_test_remove_tree (data_home);

  return ret;
}
