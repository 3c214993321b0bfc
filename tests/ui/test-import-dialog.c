/* test-import-dialog.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-import-dialog"

#include <glib/gstdio.h>
#include <string.h>

#include "cc-import-dialog.h"
#include "ui-test-util.h"

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static gboolean
not_importing (gpointer data)
{
  return !cc_import_dialog_get_importing (data);
}

static CcImportDialog *
import (GFile **files,
        guint   n_files)
{
  CcImportDialog *dialog = cc_import_dialog_new (NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  cc_import_dialog_import (dialog, files, n_files);
  g_assert_true (cc_import_dialog_get_importing (dialog));
  wait_for (not_importing, dialog, "the files to be read");

  return dialog;
}

static gboolean
is_check_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static AdwPreferencesGroup *
find_group (CcImportDialog *dialog,
            const char     *title)
{
  GtkWidget *group = ui_test_find_widget (GTK_WIDGET (dialog), ui_test_is_group_titled, title);

  g_assert_nonnull (group);
  return ADW_PREFERENCES_GROUP (group);
}

/* The row called @row_title in the group of the file called @file_name. */
static GtkWidget *
find_row (CcImportDialog *dialog,
          const char     *file_name,
          const char     *row_title)
{
  GtkWidget *row = ui_test_find_widget (GTK_WIDGET (find_group (dialog, file_name)),
                                        ui_test_is_row_titled, row_title);

  g_assert_nonnull (row);
  return row;
}

static const char *
row_text (CcImportDialog *dialog,
          const char     *file_name,
          const char     *row_title)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, file_name, row_title)));
}

static void
set_row_text (CcImportDialog *dialog,
              const char     *file_name,
              const char     *row_title,
              const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, file_name, row_title)), text);
}

static GtkWidget *
find_button (CcImportDialog *dialog,
             const char     *label)
{
  GtkWidget *button = ui_test_find_widget (GTK_WIDGET (dialog), ui_test_is_button_labelled, label);

  g_assert_nonnull (button);
  return button;
}

static void
on_add_sources_cb (CcImportDialog  *dialog,
                   GListModel      *sources,
                   GListModel     **added)
{
  g_assert_null (*added);
  *added = g_object_ref (sources);
}

/* As a click does; activating a button clicks it only after its pressed look has shown. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* The review shows what the importer found in each file. */
static void
test_import_dialog_shows_metadata (void)
{
  GFile *files[] = { fixture_file ("article.html"), fixture_file ("council-notes.txt") };
  CcImportDialog *dialog = import (files, G_N_ELEMENTS (files));
  AdwPreferencesGroup *html;
  AdwPreferencesGroup *text;

  html = find_group (dialog, "article.html");
  g_assert_cmpstr (row_text (dialog, "article.html", "Title"), ==,
                   "Harbour bridge to close for six weeks of repairs");
  g_assert_cmpstr (row_text (dialog, "article.html", "Outlet"), ==, "The Millbrook Courier");
  g_assert_cmpstr (row_text (dialog, "article.html", "Author"), ==, "Ada Fennimore");
  g_assert_cmpstr (row_text (dialog, "article.html", "Published (YYYY-MM-DD)"), ==,
                   "2026-03-14");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (html), "UTF-8"));

  /* Plain text: a title from the first line, and its legacy encoding detected. */
  text = find_group (dialog, "council-notes.txt");
  g_assert_cmpstr (row_text (dialog, "council-notes.txt", "Title"), ==,
                   "Council approves harbour repairs");
  g_assert_cmpstr (row_text (dialog, "council-notes.txt", "Outlet"), ==, "");
  g_assert_cmpstr (row_text (dialog, "council-notes.txt", "Published (YYYY-MM-DD)"), ==, "");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (text), "Windows-1252"));

  g_assert_true (gtk_widget_get_sensitive (find_button (dialog, "_Add Sources")));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* What the user types is what the sources get. */
static void
test_import_dialog_edits_apply (void)
{
  GFile *files[] = { fixture_file ("article.html"), fixture_file ("council-notes.txt") };
  CcImportDialog *dialog = import (files, G_N_ELEMENTS (files));
  g_autoptr(GListModel) added = NULL;
  g_autoptr(CcSource) first = NULL;
  g_autoptr(CcSource) second = NULL;
  g_autofree char *published = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "add-sources", G_CALLBACK (on_add_sources_cb), &added);

  set_row_text (dialog, "article.html", "Title", "  Bridge closure  ");
  set_row_text (dialog, "council-notes.txt", "Outlet", "Town Hall Notes");
  set_row_text (dialog, "council-notes.txt", "Published (YYYY-MM-DD)", "2026-03-20");

  click (find_button (dialog, "_Add Sources"));

  /* The dialog is done once the sources are added. */
  wait_for (is_null, &dialog, "the dialog to go");
  g_assert_nonnull (added);
  g_assert_cmpuint (g_list_model_get_n_items (added), ==, 2);

  first = g_list_model_get_item (added, 0);
  g_assert_cmpstr (cc_source_get_title (first), ==, "Bridge closure");
  g_assert_cmpstr (cc_source_get_outlet (first), ==, "The Millbrook Courier");
  /* The date left alone keeps its time and offset. */
  published = g_date_time_format (cc_source_get_published (first), "%FT%T%:z");
  g_assert_cmpstr (published, ==, "2026-03-14T09:30:00+01:00");
  g_assert_nonnull (cc_source_get_text (first));

  second = g_list_model_get_item (added, 1);
  g_assert_cmpstr (cc_source_get_outlet (second), ==, "Town Hall Notes");
  g_assert_nonnull (cc_source_get_published (second));
  g_clear_pointer (&published, g_free);
  published = g_date_time_format (cc_source_get_published (second), "%Y-%m-%d");
  g_assert_cmpstr (published, ==, "2026-03-20");
  g_assert_cmpstr (cc_source_get_encoding (second), ==, "Windows-1252");
  g_assert_nonnull (strstr (cc_source_get_text (second), "café"));

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
test_import_dialog_bad_date (void)
{
  GFile *files[] = { fixture_file ("article.html") };
  CcImportDialog *dialog = import (files, G_N_ELEMENTS (files));
  GtkWidget *add = find_button (dialog, "_Add Sources");
  GtkWidget *date = find_row (dialog, "article.html", "Published (YYYY-MM-DD)");
  static const char * const invalid[] = { "14/03/2026", "2026-02-30", "2026-3-14", "soon" };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (date), invalid[i]);
      g_assert_false (gtk_widget_get_sensitive (add));
      g_assert_true (gtk_widget_has_css_class (date, "error"));
    }

  /* No date at all is allowed. */
  gtk_editable_set_text (GTK_EDITABLE (date), "");
  g_assert_true (gtk_widget_get_sensitive (add));
  g_assert_false (gtk_widget_has_css_class (date, "error"));

  gtk_editable_set_text (GTK_EDITABLE (date), "2024-02-29");
  g_assert_true (gtk_widget_get_sensitive (add));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (files[0]);
}

/* A file left out is not added; with none left there is nothing to add. */
static void
test_import_dialog_leave_out (void)
{
  GFile *files[] = { fixture_file ("article.html"), fixture_file ("council-notes.txt") };
  CcImportDialog *dialog = import (files, G_N_ELEMENTS (files));
  GtkWidget *add = find_button (dialog, "_Add Sources");
  g_autoptr(GListModel) added = NULL;
  g_autoptr(CcSource) only = NULL;
  GtkWidget *html_check;
  GtkWidget *text_check;

  g_signal_connect (dialog, "add-sources", G_CALLBACK (on_add_sources_cb), &added);

  html_check = ui_test_find_widget (GTK_WIDGET (find_group (dialog, "article.html")),
                                    is_check_button, NULL);
  text_check = ui_test_find_widget (GTK_WIDGET (find_group (dialog, "council-notes.txt")),
                                    is_check_button, NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (html_check)));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (html_check), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (text_check), FALSE);
  g_assert_false (gtk_widget_get_sensitive (add));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (text_check), TRUE);
  g_assert_true (gtk_widget_get_sensitive (add));

  click (add);
  ui_test_flush_main_loop ();

  g_assert_cmpuint (g_list_model_get_n_items (added), ==, 1);
  only = g_list_model_get_item (added, 0);
  g_assert_cmpstr (cc_source_get_title (only), ==, "Council approves harbour repairs");

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* A file that cannot be imported is named in the dialog with the reason. */
static void
test_import_dialog_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-import-XXXXXX", &error);
  g_autofree char *binary_path = g_build_filename (dir, "photo.jpg", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.txt", NULL);
  GFile *files[3];
  CcImportDialog *dialog;
  AdwPreferencesGroup *errors;
  GtkWidget *row;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (binary_path, "\xff\xd8\xff\xe0\0\x10JFIF\0", 11, NULL));

  files[0] = g_file_new_for_path (binary_path);
  files[1] = fixture_file ("council-notes.txt");
  files[2] = g_file_new_for_path (missing_path);
  dialog = import (files, G_N_ELEMENTS (files));

  errors = find_group (dialog, "Could Not Import");
  row = ui_test_find_widget (GTK_WIDGET (errors), ui_test_is_row_titled, "photo.jpg");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "photo.jpg"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "binary"));

  row = ui_test_find_widget (GTK_WIDGET (errors), ui_test_is_row_titled, "missing.txt");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "missing.txt"));

  /* The file that could be read is still there to add. */
  find_group (dialog, "council-notes.txt");
  g_assert_true (gtk_widget_get_sensitive (find_button (dialog, "_Add Sources")));

  gtk_window_destroy (GTK_WINDOW (dialog));

  /* With nothing readable there is nothing to add, and the way out says so. */
  dialog = import (files, 1);
  g_assert_false (gtk_widget_get_sensitive (find_button (dialog, "_Add Sources")));
  find_button (dialog, "_Close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  g_unlink (binary_path);
  g_rmdir (dir);
}

static gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* File names are shown as they are, whatever characters they hold. */
static void
test_import_dialog_odd_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-import-XXXXXX", &error);
  g_autofree char *text_path = g_build_filename (dir, "Q&A <notes>.txt", NULL);
  g_autofree char *binary_path = g_build_filename (dir, "R&D <scan>.bin", NULL);
  GFile *files[2];
  CcImportDialog *dialog;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (text_path, "Questions & answers\n\nSome text.\n", -1, NULL));
  g_assert_true (g_file_set_contents (binary_path, "\0\1\2", 3, NULL));
  files[0] = g_file_new_for_path (text_path);
  files[1] = g_file_new_for_path (binary_path);

  dialog = import (files, G_N_ELEMENTS (files));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (dialog), is_label_showing, "Q&A <notes>.txt"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (dialog), is_label_showing, "R&D <scan>.bin"));
  g_assert_cmpstr (row_text (dialog, "Q&A <notes>.txt", "Title"), ==,
                   "Questions & answers");

  gtk_window_destroy (GTK_WINDOW (dialog));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_file_delete (files[i], NULL, NULL);
      g_object_unref (files[i]);
    }
  g_rmdir (dir);
}

static void
test_import_dialog_cancel (void)
{
  GFile *files[] = { fixture_file ("article.html") };
  CcImportDialog *dialog = import (files, G_N_ELEMENTS (files));
  g_autoptr(GListModel) added = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "add-sources", G_CALLBACK (on_add_sources_cb), &added);

  click (find_button (dialog, "_Cancel"));
  wait_for (is_null, &dialog, "the dialog to go");

  g_assert_null (added);

  g_object_unref (files[0]);
}

/* Closing the dialog while the files are read stops the import quietly. */
static void
test_import_dialog_close_while_importing (void)
{
  GFile *files[] = { fixture_file ("article.html") };
  CcImportDialog *dialog = cc_import_dialog_new (NULL);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  cc_import_dialog_import (dialog, files, G_N_ELEMENTS (files));
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The read in flight may hold the dialog until it ends, so its end is waited for. */
  wait_for (is_null, &dialog, "the dialog to go");

  /* Let the worker finish; its result must find no dialog to fill. */
  g_usleep (G_USEC_PER_SEC / 10);
  ui_test_flush_main_loop ();

  g_object_unref (files[0]);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/ui/import-dialog/shows-metadata", test_import_dialog_shows_metadata);
  g_test_add_func ("/ui/import-dialog/edits-apply", test_import_dialog_edits_apply);
  g_test_add_func ("/ui/import-dialog/bad-date", test_import_dialog_bad_date);
  g_test_add_func ("/ui/import-dialog/leave-out", test_import_dialog_leave_out);
  g_test_add_func ("/ui/import-dialog/errors", test_import_dialog_errors);
  g_test_add_func ("/ui/import-dialog/odd-names", test_import_dialog_odd_names);
  g_test_add_func ("/ui/import-dialog/cancel", test_import_dialog_cancel);
  g_test_add_func ("/ui/import-dialog/close-while-importing",
                   test_import_dialog_close_while_importing);

  return g_test_run ();
}
