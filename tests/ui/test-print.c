/* test-print.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-print"

#include <glib/gstdio.h>
#include <string.h>

#include "cc-application.h"
#include "cc-print-operation.h"
#include "cc-project-io.h"
#include "cc-report-dialog.h"
#include "cc-window-private.h"
#include "ui-test-util.h"

/*
 * Printing and exporting reports from the window: the print operation drawn through the
 * report renderer (exported to PDF, since no printer answers under Xvfb), the export that
 * writes PDF and HTML in the background, the dialog that asks what to report on, and the
 * actions and shortcuts that reach them.
 */

static CcApplication *application;

static const char *wire_digest_title =
  "Leaked emails show water chief knew of Marrowby risk months before boil notice";
static const char *harbour_gazette_title =
  "Water chief ‘kept contamination warning quiet’, leaked emails suggest";

static GFile *
example_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "harbour-leak.crosscheck", NULL);

  return g_file_new_for_path (path);
}

/* A folder of the test's own, removed with what is in it by remove_temp_dir(). */
static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("crosscheck-test-print-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Runs a poppler tool and returns what it printed. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return output;
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return run_tool (argv);
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *info = pdf_info (path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The size of the first page, in points. */
static void
pdf_page_size (const char *path,
               double     *width,
               double     *height)
{
  g_autofree char *info = pdf_info (path);
  const char *size = strstr (info, "Page size:");
  char *end;

  g_assert_nonnull (size);
  *width = g_ascii_strtod (size + strlen ("Page size:"), &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  *height = g_ascii_strtod (end + 3, NULL);
}

/* The PDF's text with every run of white space made one space, so a title wrapped across
 * lines is found whole. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);

  return g_strjoinv (" ", words);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static CcReportDialog *
find_report_dialog (CcWindow *window)
{
  return (CcReportDialog *)ui_test_find_transient (GTK_WINDOW (window), CC_TYPE_REPORT_DIALOG);
}

static gboolean
has_file_chooser (gpointer data)
{
  return ui_test_find_transient (data, GTK_TYPE_FILE_CHOOSER) != NULL;
}

static gboolean
has_no_file_chooser (gpointer data)
{
  return ui_test_find_transient (data, GTK_TYPE_FILE_CHOOSER) == NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return ui_test_find_transient (data, ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* GtkPrintUnixDialog's header is not in the GTK the library builds against. */
static gboolean
has_print_dialog (gpointer data)
{
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  return type != 0 && ui_test_find_transient (data, type) != NULL;
}

static gboolean
window_not_loading (gpointer data)
{
  return !cc_window_get_loading (data);
}

static gboolean
report_not_busy (gpointer data)
{
  return !cc_window_get_report_busy (data);
}

typedef struct
{
  guint frames;
  guint wanted;
} FrameCount;

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  FrameCount *count = data;

  count->frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
enough_frames (gpointer data)
{
  FrameCount *count = data;

  return count->frames >= count->wanted;
}

/* Lets the window draw a few frames, so what a change showed is laid out before a dialog
 * takes the focus from it. */
static void
wait_for_frames (CcWindow *window)
{
  FrameCount count = { 0, 3 };
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (window), on_tick_cb, &count, NULL);

  wait_for (enough_frames, &count, "the window to draw");
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);
}

static gboolean
comparison_shown (gpointer data)
{
  CcWindow *window = data;

  return !cc_comparison_view_get_busy (window->comparison_view) &&
         cc_comparison_view_get_comparison (window->comparison_view) != NULL;
}

/* Turns Compare on and waits for the comparison, so the window is settled when a dialog
 * takes the focus from it. */
static void
compare_in_window (CcWindow *window)
{
  gtk_toggle_button_set_active (window->compare_button, TRUE);
  wait_for (comparison_shown, window, "the comparison");
  wait_for_frames (window);
}

static CcWindow *
open_example_window (void)
{
  g_autoptr(GFile) file = example_file ();
  CcWindow *window = cc_window_new (application);

  gtk_window_present (GTK_WINDOW (window));
  cc_window_open (window, file);
  wait_for (window_not_loading, window, "the project to load");
  g_assert_nonnull (cc_window_get_project (window));
  g_assert_cmpuint (cc_project_get_n_sources (cc_window_get_project (window)), ==, 5);

  return window;
}

static void
close_window (CcWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_flush_main_loop ();
}

static CcReportRequest *
new_pair_request (CcWindow              *window,
                  const CcReportOptions *options)
{
  CcProject *project = cc_window_get_project (window);

  return cc_report_request_new (CC_REPORT_PAIR,
                                cc_project_find_source (project, "wire-digest"),
                                cc_project_find_source (project, "harbour-gazette"),
                                options);
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Whether a label reading @text shows in @window, as a toast's title does. */
static gboolean
shows_label (CcWindow   *window,
             const char *text)
{
  return ui_test_find_widget (GTK_WIDGET (window), is_label_reading, text) != NULL;
}

static gboolean
shows_report_saved (gpointer data)
{
  return shows_label (data, "Report saved");
}

/* The print operation, exported to PDF ------------------------------------------------- */

typedef struct
{
  gboolean landscape;
} PrintCase;

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GtkPrintOperationResult *done)
{
  *done = result;
}

static void
test_print_operation_export (gconstpointer data)
{
  const PrintCase *print_case = data;
  g_autoptr(CcProject) project = ui_test_load_example ();
  g_autoptr(CcReport) report = NULL;
  g_autoptr(CcPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  GtkPrintOperationResult done = -1;
  GtkPrintOperationResult result;
  GtkWindow *parent;
  double width, height;

  report = cc_report_new_pair (project, cc_project_find_source (project, "wire-digest"),
                               cc_project_find_source (project, "harbour-gazette"), NULL, NULL,
                               &error);
  g_assert_no_error (error);

  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);

  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, print_case->landscape
                                              ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                              : GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = cc_print_operation_new (report);
  g_assert_true (cc_print_operation_get_report (operation) == report);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), page_setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), &done);

  result = cc_print_operation_run_action (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpint (done, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  ui_test_flush_main_loop ();

  /* Laid out on the page setup's paper, one PDF page for each page of the report. */
  g_assert_cmpuint (cc_report_get_n_pages (report), >, 1);
  g_assert_cmpuint (pdf_n_pages (path), ==, cc_report_get_n_pages (report));
  pdf_page_size (path, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, print_case->landscape ? 841.89 : 595.28, 1);
  g_assert_cmpfloat_with_epsilon (height, print_case->landscape ? 595.28 : 841.89, 1);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, wire_digest_title));
  g_assert_nonnull (strstr (text, harbour_gazette_title));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  /* The dialog's "Print to File" suggests the report's title. */
  g_assert_cmpstr (gtk_print_settings_get (gtk_print_operation_get_print_settings (
                                             GTK_PRINT_OPERATION (operation)),
                                           GTK_PRINT_SETTINGS_OUTPUT_BASENAME),
                   ==, cc_report_get_title (report));

  gtk_window_destroy (parent);
  ui_test_flush_main_loop ();
  ui_test_remove_tree (dir);
}

/* Export from the window ------------------------------------------------------------- */

static void
test_print_window_export (gconstpointer data)
{
  const char *extension = data;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *name = g_strconcat ("pair.", extension, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcReportRequest) request = NULL;
  g_autofree char *contents = NULL;
  CcWindow *window = open_example_window ();
  AdwToast *toast;

  request = new_pair_request (window, NULL);
  cc_window_export_report (window, request, file);

  /* The work is under way without holding the window up, and may be cancelled. */
  g_assert_true (cc_window_get_report_busy (window));
  toast = cc_window_get_report_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Saving report…");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Cancel");

  wait_for (report_not_busy, window, "the report to be saved");
  g_assert_null (cc_window_get_report_toast (window));
  g_assert_false (has_message_dialog (window));
  g_assert_true (g_file_query_exists (file, NULL));
  wait_for (shows_report_saved, window, "the toast saying the report is saved");

  contents = read_file (path);
  if (g_str_equal (extension, "pdf"))
    {
      g_autofree char *text = pdf_text (path);

      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_nonnull (strstr (text, wire_digest_title));
      g_assert_nonnull (strstr (text, harbour_gazette_title));
    }
  else
    {
      g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
      g_assert_nonnull (strstr (contents, wire_digest_title));
      g_assert_nonnull (strstr (contents, harbour_gazette_title));
    }

  close_window (window);
  ui_test_remove_tree (dir);
}

/* Without an extension, the filter chosen says what the file is. */
static void
test_print_window_export_chosen_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *typed = g_build_filename (dir, "typed", NULL);
  g_autofree char *html = g_build_filename (dir, "typed.html", NULL);
  g_autoptr(GFile) chosen = g_file_new_for_path (typed);
  g_autoptr(CcReportRequest) request = NULL;
  g_autofree char *contents = NULL;
  CcWindow *window = open_example_window ();
  static const struct {
    const char     *typed;
    CcReportFormat  format;
    const char     *written;
  } cases[] = {
    { "/tmp/report", CC_REPORT_FORMAT_PDF, "/tmp/report.pdf" },
    { "/tmp/report", CC_REPORT_FORMAT_HTML, "/tmp/report.html" },
    { "/tmp/report.HTM", CC_REPORT_FORMAT_PDF, "/tmp/report.HTM" },
    { "/tmp/report.pdf", CC_REPORT_FORMAT_HTML, "/tmp/report.pdf" },
    { "/tmp/notes.v2", CC_REPORT_FORMAT_PDF, "/tmp/notes.v2.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].typed);
      g_autoptr(GFile) written = cc_window_dup_report_file (file, cases[i].format);

      g_assert_cmpstr (g_file_peek_path (written), ==, cases[i].written);
    }

  request = cc_report_request_new (CC_REPORT_PROJECT, NULL, NULL, NULL);
  cc_window_export_report_to_chosen_file (window, request, chosen, CC_REPORT_FORMAT_HTML);
  wait_for (report_not_busy, window, "the report to be saved");

  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));
  contents = read_file (html);
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
  /* A project report: the project's title, and every source. */
  g_assert_nonnull (strstr (contents, "The Marrowby water emails"));
  g_assert_nonnull (strstr (contents, "The Valley Courier"));

  close_window (window);
  ui_test_remove_tree (dir);
}

static void
test_print_window_export_fails (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcReportRequest) request = NULL;
  CcWindow *window = open_example_window ();
  AdwMessageDialog *dialog;

  request = new_pair_request (window, NULL);
  cc_window_export_report (window, request, file);
  wait_for (report_not_busy, window, "the export to fail");
  wait_for (has_message_dialog, window, "the error dialog");

  dialog = ADW_MESSAGE_DIALOG (ui_test_find_transient (GTK_WINDOW (window),
                                                       ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export Report");
  /* The file, and why. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "No such file or directory"));
  g_assert_false (shows_label (window, "Report saved"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
  ui_test_remove_tree (dir);
}

/* Printing from the window ----------------------------------------------------------- */

static void
test_print_window_print_dialog (void)
{
  g_autoptr(CcReportRequest) request = NULL;
  CcWindow *window = open_example_window ();
  GtkPageSetup *page_setup = cc_window_get_page_setup (window);
  GtkWindow *dialog;
  AdwToast *toast;

  request = new_pair_request (window, NULL);
  cc_window_print_report (window, request);

  /* The report is made first, in the background, the window still answering. */
  g_assert_true (cc_window_get_report_busy (window));
  toast = cc_window_get_report_toast (window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Preparing report…");

  wait_for (has_print_dialog, window, "the print dialog");
  g_assert_false (cc_window_get_report_busy (window));
  dialog = ui_test_find_transient (GTK_WINDOW (window), g_type_from_name ("GtkPrintUnixDialog"));
  g_assert_true (gtk_window_get_modal (dialog));

  /* Cancelling prints nothing and keeps the paper as it was. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  ui_test_flush_main_loop ();
  g_assert_false (has_print_dialog (window));
  g_assert_false (has_message_dialog (window));
  g_assert_true (cc_window_get_page_setup (window) == page_setup);

  close_window (window);
}

static void
test_print_window_cancel (void)
{
  g_autoptr(CcReportRequest) request = NULL;
  CcWindow *window = open_example_window ();
  AdwToast *toast;

  request = new_pair_request (window, NULL);
  cc_window_print_report (window, request);
  toast = cc_window_get_report_toast (window);
  g_assert_nonnull (toast);

  g_signal_emit_by_name (toast, "button-clicked");
  wait_for (report_not_busy, window, "the report to be cancelled");

  /* Give a print dialog every chance to show up wrongly. */
  run_for (200);
  g_assert_false (has_print_dialog (window));
  g_assert_false (has_message_dialog (window));
  g_assert_null (cc_window_get_report_toast (window));

  close_window (window);
}

/* Closing the window while the report is made drops it quietly. */
static void
test_print_window_closed_while_busy (void)
{
  g_autoptr(CcReportRequest) request = NULL;
  g_autoptr(GList) toplevels = NULL;
  CcWindow *window = open_example_window ();

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  request = new_pair_request (window, NULL);
  cc_window_print_report (window, request);
  g_assert_true (cc_window_get_report_busy (window));

  close_window (window);
  g_assert_null (window);

  /* The report, made all the same, opens no print dialog for a window that is gone. */
  run_for (500);
  toplevels = gtk_window_list_toplevels ();
  for (const GList *iter = toplevels; iter != NULL; iter = iter->next)
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (iter->data), !=, "GtkPrintUnixDialog");
}

/* The paper chosen when printing is the window's for the next print and export. */
static void
test_print_window_keeps_page_setup (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autoptr(CcReportRequest) request = NULL;
  g_autoptr(CcReport) report = NULL;
  g_autoptr(CcPrintOperation) operation = NULL;
  g_autoptr(CcPrintOperation) next = NULL;
  g_autoptr(GtkPageSetup) chosen = NULL;
  g_autoptr(GError) error = NULL;
  CcWindow *window = open_example_window ();
  CcProject *project = cc_window_get_project (window);
  double width, height;

  report = cc_report_new_project (project, NULL, NULL, &error);
  g_assert_no_error (error);

  /* As though the user turned the paper in the print dialog. */
  operation = cc_window_new_print_operation (window, report);
  chosen = gtk_page_setup_copy (cc_window_get_page_setup (window));
  g_assert_cmpint (gtk_page_setup_get_orientation (chosen), ==, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_orientation (chosen, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), chosen);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  g_assert_cmpint (cc_print_operation_run_action (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                                  GTK_WINDOW (window)),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_cmpint (gtk_page_setup_get_orientation (cc_window_get_page_setup (window)), ==,
                   GTK_PAGE_ORIENTATION_LANDSCAPE);
  next = cc_window_new_print_operation (window, report);
  g_assert_cmpint (gtk_page_setup_get_orientation (gtk_print_operation_get_default_page_setup (
                                                     GTK_PRINT_OPERATION (next))),
                   ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_nonnull (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (next)));

  request = new_pair_request (window, NULL);
  cc_window_export_report (window, request, file);
  wait_for (report_not_busy, window, "the report to be saved");
  pdf_page_size (exported, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_assert_cmpfloat_with_epsilon (width,
                                  gtk_page_setup_get_paper_width (chosen, GTK_UNIT_POINTS), 1);

  close_window (window);
  ui_test_remove_tree (dir);
}

/* The options dialog ---------------------------------------------------------------- */

static CcReportDialog *
open_report_dialog (CcWindow   *window,
                    const char *action)
{
  CcReportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  ui_test_flush_main_loop ();
  dialog = find_report_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  return dialog;
}

static GtkWidget *
get_child (CcReportDialog *dialog,
           const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), CC_TYPE_REPORT_DIALOG,
                                                  name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
test_print_dialog_defaults (void)
{
  g_autoptr(CcReportRequest) request = NULL;
  CcWindow *window = open_example_window ();
  CcReportDialog *dialog;

  /* Comparing: the pair shown is what is reported on, by the window's two pickers. */
  gtk_drop_down_set_selected (window->left_dropdown, 2);
  gtk_drop_down_set_selected (window->right_dropdown, 0);
  compare_in_window (window);
  dialog = open_report_dialog (window, "win.print-report");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Print Report");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_child (dialog, "accept_button"))), ==,
                   "_Print…");
  g_assert_cmpint (cc_report_dialog_get_purpose (dialog), ==, CC_REPORT_PURPOSE_PRINT);
  g_assert_true (cc_report_dialog_get_can_pair (dialog));
  g_assert_cmpint (cc_report_dialog_get_kind (dialog), ==, CC_REPORT_PAIR);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_child (dialog, "pair_row"))),
                   ==, "“How a warning about Marrowby’s water was shelved” and "
                       "“Leaked emails show water chief knew of Marrowby risk months before "
                       "boil notice”");

  request = cc_report_dialog_dup_request (dialog);
  g_assert_cmpint (request->kind, ==, CC_REPORT_PAIR);
  g_assert_cmpstr (cc_source_get_id (request->a), ==, "northern-ledger");
  g_assert_cmpstr (cc_source_get_id (request->b), ==, "wire-digest");
  g_assert_true (request->options.full_texts);
  g_assert_cmpuint (request->options.context_words, ==, CC_REPORT_DEFAULT_CONTEXT_WORDS);
  g_assert_false (request->options.monochrome);
  /* Differences only is not chosen, so how many words of context does not apply yet. */
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "context_spin")));
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "texts_group")));

  /* Cancel closes it, and nothing is made. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ui_test_flush_main_loop ();
  g_assert_null (find_report_dialog (window));
  g_assert_false (cc_window_get_report_busy (window));

  /* Not comparing: the project. A window of its own, since turning Compare off again
   * sometimes has GTK draw the window before laying it out, which warns. */
  close_window (window);
  window = open_example_window ();
  g_assert_false (gtk_toggle_button_get_active (window->compare_button));
  dialog = open_report_dialog (window, "win.export-report");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Report");
  g_assert_cmpint (cc_report_dialog_get_purpose (dialog), ==, CC_REPORT_PURPOSE_EXPORT);
  g_assert_cmpint (cc_report_dialog_get_kind (dialog), ==, CC_REPORT_PROJECT);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "pair_row")));
  /* A project report has no texts to show one way or another. */
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "texts_group")));
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_window (window);
}

static void
test_print_dialog_one_source (void)
{
  g_autoptr(GListStore) sources = g_list_store_new (CC_TYPE_SOURCE);
  g_autoptr(CcSource) source = cc_source_new ();
  g_autoptr(CcReportRequest) request = NULL;
  CcWindow *window = cc_window_new (application);
  CcReportDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  cc_source_set_title (source, "Alone");
  cc_source_set_text (source, "One source, and nothing to compare it with.");
  g_list_store_append (sources, source);
  cc_window_add_sources (window, G_LIST_MODEL (sources));
  g_assert_cmpuint (cc_project_get_n_sources (cc_window_get_project (window)), ==, 1);

  compare_in_window (window);
  dialog = open_report_dialog (window, "win.print-report");
  g_assert_false (cc_report_dialog_get_can_pair (dialog));
  g_assert_cmpint (cc_report_dialog_get_kind (dialog), ==, CC_REPORT_PROJECT);
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "pair_row")));

  /* Nor can the pair be chosen some other way. */
  cc_report_dialog_set_kind (dialog, CC_REPORT_PAIR);
  g_assert_cmpint (cc_report_dialog_get_kind (dialog), ==, CC_REPORT_PROJECT);
  request = cc_report_dialog_dup_request (dialog);
  g_assert_cmpint (request->kind, ==, CC_REPORT_PROJECT);
  g_assert_null (request->a);
  g_assert_null (request->b);

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

/* Choices made in the dialog reach the report, through the file chooser and the export. */
static void
test_print_dialog_choices (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "choices.html", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(CcReportRequest) request = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GListModel) filters = NULL;
  CcReportOptions options;
  CcWindow *window = open_example_window ();
  CcReportDialog *dialog;
  GtkWindow *chooser;
  GtkFileFilter *filter;

  /* Not comparing, the pair is the user's choice; the window's pickers show the first two. */
  dialog = open_report_dialog (window, "win.export-report");
  g_assert_cmpint (cc_report_dialog_get_kind (dialog), ==, CC_REPORT_PROJECT);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_child (dialog, "pair_check")), TRUE);
  g_assert_cmpint (cc_report_dialog_get_kind (dialog), ==, CC_REPORT_PAIR);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "texts_group")));
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "context_spin")));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_child (dialog, "differences_check")), TRUE);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "context_spin")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_child (dialog, "context_spin")), 3);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_child (dialog, "monochrome_check")), TRUE);

  cc_report_dialog_get_options (dialog, &options);
  g_assert_false (options.full_texts);
  g_assert_cmpuint (options.context_words, ==, 3);
  g_assert_true (options.monochrome);
  request = cc_report_dialog_dup_request (dialog);
  g_assert_false (request->options.full_texts);
  g_assert_cmpuint (request->options.context_words, ==, 3);
  g_assert_true (request->options.monochrome);

  /* Export… asks where, in PDF unless told otherwise. */
  g_signal_emit_by_name (get_child (dialog, "accept_button"), "clicked");
  ui_test_flush_main_loop ();
  g_assert_null (find_report_dialog (window));
  wait_for (has_file_chooser, window, "the file chooser");
  chooser = ui_test_find_transient (GTK_WINDOW (window), GTK_TYPE_FILE_CHOOSER);
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "PDF Documents");
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Wire Digest and The Harbour Gazette.pdf");

  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "choices.html");
  /* The chooser checks the name in the background before it answers. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for (has_no_file_chooser, window, "the file chooser to answer");
  wait_for (report_not_busy, window, "the report to be saved");

  /* HTML by its name, in black and white, with the differences only. */
  contents = read_file (path);
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (contents, "<body class=\"mono\">"));
  g_assert_nonnull (strstr (contents, "The differences side by side"));
  g_assert_nonnull (strstr (contents, "differences with 3 words of context"));

  /* The dialog opens again with these choices. */
  dialog = open_report_dialog (window, "win.print-report");
  cc_report_dialog_get_options (dialog, &options);
  g_assert_false (options.full_texts);
  g_assert_cmpuint (options.context_words, ==, 3);
  g_assert_true (options.monochrome);
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_window (window);
  ui_test_remove_tree (dir);
}

/* Actions, menu and shortcuts --------------------------------------------------------- */

/* Menu items are GtkModelButtons, which GTK does not export; they are told by their text,
 * which has its mnemonic taken out. */
static gboolean
is_menu_item_labelled (GtkWidget     *widget,
                       gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;

  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The primary menu's item labelled @label, whose sensitivity follows its action's. */
static GtkWidget *
find_menu_item (CcWindow   *window,
                const char *label)
{
  GtkWidget *menu_button = ui_test_find_widget (GTK_WIDGET (window), is_primary_menu_button,
                                                NULL);
  GtkPopover *popover;

  g_assert_nonnull (menu_button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (popover);

  return ui_test_find_widget (GTK_WIDGET (popover), is_menu_item_labelled, label);
}

static gboolean
has_shortcut (CcWindow   *window,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);
          g_autofree char *string = NULL;

          if (!GTK_IS_NAMED_ACTION (shortcut_action) ||
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)),
                         action) != 0)
            continue;

          string = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          if (g_strcmp0 (string, trigger) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_print_actions (void)
{
  CcWindow *window = cc_window_new (application);
  g_autoptr(CcReportRequest) request = NULL;
  g_autofree char *accel = NULL;
  GtkWidget *print_item;
  GtkWidget *export_item;

  gtk_window_present (GTK_WINDOW (window));
  ui_test_flush_main_loop ();

  print_item = find_menu_item (window, "Print Report…");
  export_item = find_menu_item (window, "Export Report…");
  g_assert_nonnull (print_item);
  g_assert_nonnull (export_item);
  g_object_get (print_item, "accel", &accel, NULL);
  g_assert_cmpstr (accel, ==, "<Control>p");
  g_clear_pointer (&accel, g_free);
  g_object_get (export_item, "accel", &accel, NULL);
  g_assert_cmpstr (accel, ==, "<Shift><Control>e");

  g_assert_true (has_shortcut (window, "<Control>p", "win.print-report"));
  g_assert_true (has_shortcut (window, "<Shift><Control>e", "win.export-report"));

  /* No project, nothing to report on. */
  g_assert_false (gtk_widget_get_sensitive (print_item));
  g_assert_false (gtk_widget_get_sensitive (export_item));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-report", NULL);
  ui_test_flush_main_loop ();
  g_assert_null (find_report_dialog (window));
  close_window (window);

  /* A project without sources has nothing either. */
  window = cc_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  cc_window_new_project (window);
  ui_test_flush_main_loop ();
  print_item = find_menu_item (window, "Print Report…");
  g_assert_false (gtk_widget_get_sensitive (print_item));
  close_window (window);

  window = open_example_window ();
  ui_test_flush_main_loop ();
  print_item = find_menu_item (window, "Print Report…");
  export_item = find_menu_item (window, "Export Report…");
  g_assert_true (gtk_widget_get_sensitive (print_item));
  g_assert_true (gtk_widget_get_sensitive (export_item));

  /* One report at a time. */
  request = new_pair_request (window, NULL);
  cc_window_print_report (window, request);
  g_assert_true (cc_window_get_report_busy (window));
  g_assert_false (gtk_widget_get_sensitive (print_item));
  g_assert_false (gtk_widget_get_sensitive (export_item));
  g_signal_emit_by_name (cc_window_get_report_toast (window), "button-clicked");
  wait_for (report_not_busy, window, "the report to be cancelled");
  ui_test_flush_main_loop ();
  g_assert_true (gtk_widget_get_sensitive (print_item));
  g_assert_true (gtk_widget_get_sensitive (export_item));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  static const PrintCase portrait = { FALSE };
  static const PrintCase landscape = { TRUE };
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  /* Recent projects and drafts of a folder of the test's own, read before GTK starts. */
  data_home = make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  ui_test_init (&argc, &argv);

  /* Non-unique, so a Crosscheck already running does not take the test's windows. */
  application = g_object_new (CC_TYPE_APPLICATION,
                              "application-id", APP_ID,
                              "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/ui/print/operation-export/portrait", &portrait,
                        test_print_operation_export);
  g_test_add_data_func ("/ui/print/operation-export/landscape", &landscape,
                        test_print_operation_export);
  g_test_add_data_func ("/ui/print/window-export/pdf", "pdf", test_print_window_export);
  g_test_add_data_func ("/ui/print/window-export/html", "html", test_print_window_export);
  g_test_add_func ("/ui/print/window-export-chosen-file", test_print_window_export_chosen_file);
  g_test_add_func ("/ui/print/window-export-fails", test_print_window_export_fails);
  g_test_add_func ("/ui/print/window-print-dialog", test_print_window_print_dialog);
  g_test_add_func ("/ui/print/window-cancel", test_print_window_cancel);
  g_test_add_func ("/ui/print/window-closed-while-busy", test_print_window_closed_while_busy);
  g_test_add_func ("/ui/print/window-keeps-page-setup", test_print_window_keeps_page_setup);
  g_test_add_func ("/ui/print/dialog-defaults", test_print_dialog_defaults);
  g_test_add_func ("/ui/print/dialog-one-source", test_print_dialog_one_source);
  g_test_add_func ("/ui/print/dialog-choices", test_print_dialog_choices);
  g_test_add_func ("/ui/print/actions", test_print_actions);

  ret = g_test_run ();

  g_clear_object (&application);
  ui_test_remove_tree (data_home);

  return ret;
}
