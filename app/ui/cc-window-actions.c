/* cc-window-actions.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-window-actions"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-preferences-window.h"
#include "cc-project-io.h"
#include "cc-source-format.h"
#include "cc-window-private.h"

/* A modal file chooser that opens next to the project's file, as the user expects. */
static GtkFileChooserNative *
cc_window_actions_new_chooser (CcWindow             *self,
                               const char           *title,
                               GtkFileChooserAction  action,
                               const char           *accept_label)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label,
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  return dialog;
}

/* The dialog holds the window until it answers. */
static void
cc_window_actions_show_chooser (CcWindow             *self,
                                GtkFileChooserNative *dialog,
                                GCallback             response_cb)
{
  g_signal_connect_data (dialog, "response", response_cb, g_object_ref (self),
                         (GClosureNotify)(void (*) (void))g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The suffix too, for systems where the MIME type is not installed yet. */
static GtkFileFilter *
new_project_filter (void)
{
  GtkFileFilter *projects = gtk_file_filter_new ();

  gtk_file_filter_set_name (projects, _("Crosscheck Projects"));
  gtk_file_filter_add_mime_type (projects, CC_PROJECT_MIME_TYPE);
  gtk_file_filter_add_suffix (projects, "crosscheck");

  return projects;
}

static void
on_open_dialog_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            CcWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  GtkApplication *application;

  g_assert (GTK_IS_FILE_CHOOSER_NATIVE (dialog));
  g_assert (CC_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    {
      application = gtk_window_get_application (GTK_WINDOW (self));

      if (CC_IS_APPLICATION (application))
        cc_application_open_file (CC_APPLICATION (application), file, self);
      else if (cc_window_is_empty (self))
        cc_window_open (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
cc_window_actions_open_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CcWindow *self = (CcWindow *)widget;
  g_autoptr(GtkFileFilter) projects = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  GtkFileChooserNative *dialog;

  g_assert (CC_IS_WINDOW (self));

  dialog = cc_window_actions_new_chooser (self, _("Open Project"),
                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  projects = new_project_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), projects);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), projects);

  cc_window_actions_show_chooser (self, dialog, G_CALLBACK (on_open_dialog_response_cb));
}

/* A name typed without an extension gets ours, so Files knows the project again. */
GFile *
cc_window_dup_file_with_suffix (GFile *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  g_assert (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  if (basename == NULL || parent == NULL || strrchr (basename, '.') != NULL)
    return g_object_ref (file);

  name = g_strconcat (basename, CC_PROJECT_FILE_SUFFIX, NULL);
  return g_file_get_child (parent, name);
}

static void
on_replace_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CcWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  g_assert (CC_IS_WINDOW (self));

  if (g_strcmp0 (response, "replace") == 0)
    cc_window_save_to_file (self, file);
  else
    self->close_after_save = FALSE;
}

/**
 * cc_window_save_to_chosen_file:
 * @chosen: the file as the user named it in the Save As dialog
 *
 * Saves to @chosen, with our extension added when the name has none. GTK asked before
 * replacing the file as named; when the extension makes it another file that exists, this
 * asks too, so no project is replaced unasked.
 */
void
cc_window_save_to_chosen_file (CcWindow *self,
                               GFile    *chosen)
{
  g_autoptr(GFile) file = cc_window_dup_file_with_suffix (chosen);
  g_autofree char *basename = NULL;
  AdwMessageDialog *dialog;

  if (g_file_equal (file, chosen) || !g_file_query_exists (file, NULL))
    {
      cc_window_save_to_file (self, file);
      return;
    }

  basename = g_file_get_basename (file);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* Translators: %s is a file name */
  adw_message_dialog_format_heading (dialog, _("Replace “%s”?"), basename);
  adw_message_dialog_set_body (dialog, _("A project with this name already exists in this "
                                         "folder. Replacing it overwrites its contents."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_dialog_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            CcWindow        *self)
{
  g_autoptr(GFile) chosen = NULL;

  g_assert (GTK_IS_FILE_CHOOSER_NATIVE (dialog));
  g_assert (CC_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT &&
      (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    cc_window_save_to_chosen_file (self, chosen);
  else
    self->close_after_save = FALSE;

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Asks for a file to save the project to; GTK asks before replacing one that exists. */
void
cc_window_save_as (CcWindow *self)
{
  g_autoptr(GtkFileFilter) projects = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  const char *title;

  g_assert (CC_IS_WINDOW (self));

  if (self->project == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  dialog = cc_window_actions_new_chooser (self, _("Save Project As"),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));

  projects = new_project_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), projects);

  title = cc_project_get_title (self->project);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Project");
  /* A title may hold a slash, which a file name cannot. */
  name = g_strconcat (title, CC_PROJECT_FILE_SUFFIX, NULL);
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  cc_window_actions_show_chooser (self, dialog, G_CALLBACK (on_save_dialog_response_cb));
}

static void
cc_window_actions_save_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  cc_window_save (CC_WINDOW (widget));
}

static void
cc_window_actions_save_as_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  cc_window_save_as (CC_WINDOW (widget));
}

static void
on_import_dialog_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              CcWindow        *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = NULL;

  g_assert (GTK_IS_FILE_CHOOSER_NATIVE (dialog));
  g_assert (CC_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT &&
      (files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog))))
    {
      guint n_files = g_list_model_get_n_items (files);

      array = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      if (array->len > 0)
        cc_window_import_files (self, (GFile **)array->pdata, array->len);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *mime_types,
            const char * const *suffixes)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  /* The suffixes too, for files whose type the system does not recognize. */
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);

  return filter;
}

static void
cc_window_actions_import_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  static const char * const text_types[] = { "text/plain", NULL };
  static const char * const text_suffixes[] = { "txt", "text", NULL };
  static const char * const html_types[] = { "text/html", "application/xhtml+xml", NULL };
  static const char * const html_suffixes[] = { "html", "htm", "xhtml", NULL };
  static const char * const article_types[] = {
    "text/plain", "text/html", "application/xhtml+xml", NULL
  };
  static const char * const article_suffixes[] = {
    "txt", "text", "html", "htm", "xhtml", NULL
  };
  static const char * const no_types[] = { NULL };
  static const char * const all_suffixes[] = { NULL };
  CcWindow *self = (CcWindow *)widget;
  g_autoptr(GtkFileFilter) articles = NULL;
  g_autoptr(GtkFileFilter) text = NULL;
  g_autoptr(GtkFileFilter) html = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  GtkFileChooserNative *dialog;

  g_assert (CC_IS_WINDOW (self));

  dialog = cc_window_actions_new_chooser (self, _("Import Sources"),
                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  articles = new_filter (_("Articles"), article_types, article_suffixes);
  text = new_filter (_("Plain Text"), text_types, text_suffixes);
  html = new_filter (_("Web Pages"), html_types, html_suffixes);
  all = new_filter (_("All Files"), no_types, all_suffixes);
  gtk_file_filter_add_pattern (all, "*");

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), articles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), text);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), html);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), articles);

  cc_window_actions_show_chooser (self, dialog, G_CALLBACK (on_import_dialog_response_cb));
}

static void
cc_window_actions_open_recent_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  cc_window_open_recent (CC_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* With a project the preferences are that project's; without one, the defaults. */
static void
cc_window_actions_preferences_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  CcWindow *self = CC_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  CcPreferencesWindow *preferences;

  g_return_if_fail (CC_IS_APPLICATION (application));

  preferences = cc_preferences_window_new (GTK_WINDOW (self), self->project,
                                           cc_application_get_settings (CC_APPLICATION (application)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
cc_window_actions_select_source (CcWindow *self,
                                 int       offset)
{
  g_autoptr(CcSource) source = NULL;
  guint selected;
  guint n_items;
  guint position;

  g_assert (CC_IS_WINDOW (self));

  selected = gtk_single_selection_get_selected (self->sources_selection);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sources_selection));

  if (selected == GTK_INVALID_LIST_POSITION ||
      (offset < 0 && selected == 0) ||
      (offset > 0 && selected + 1 >= n_items))
    return;

  position = offset < 0 ? selected - 1 : selected + 1;
  source = g_list_model_get_item (G_LIST_MODEL (self->sources_selection), position);
  cc_source_list_set_selected_source (self->source_list, source);
}

static void
cc_window_actions_previous_source_cb (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  cc_window_actions_select_source (CC_WINDOW (widget), -1);
}

static void
cc_window_actions_next_source_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  cc_window_actions_select_source (CC_WINDOW (widget), 1);
}

/* Reports
 *
 * Printing and exporting share one path: the dialog's request, then the report made in a
 * worker thread while a toast offers to cancel, then the print dialog or the file written in
 * another thread. One report is made at a time; the actions wait for it.
 *
 * The paper chosen in the print dialog is kept with the window for the rest of the session,
 * and PDF export uses it too. It lives in the window's data rather than its struct so it
 * goes with the window whatever closes it.
 */

typedef struct _ReportJob ReportJob;

typedef struct
{
  GtkPageSetup     *page_setup;
  GtkPrintSettings *print_settings;
  /* The last choices, offered again the next time. */
  CcReportOptions   options;
  guint             has_options : 1;
  ReportJob        *job;
} ReportState;

struct _ReportJob
{
  /* Weak: closing the window cancels the job rather than waiting for it. */
  CcWindow        *self;
  CcReportRequest *request;
  /* Where to export to; %NULL to print. */
  GFile           *file;
  CcReportFormat   format;
  GCancellable    *cancellable;
  AdwToast        *toast;
  gint64           toast_added;
};

/* libadwaita 1.2 crashes when a toast is dismissed while its show animation runs (300 ms,
 * 500 when it replaces another), so a report done sooner takes its toast away a little
 * later. */
#define TOAST_SHOWING_USEC (600 * G_TIME_SPAN_MILLISECOND)

static void
report_state_free (ReportState *state)
{
  g_clear_object (&state->page_setup);
  g_clear_object (&state->print_settings);
  g_free (state);
}

static ReportState *
cc_window_peek_report_state (CcWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "cc-window-report-state");
}

static ReportState *
cc_window_get_report_state (CcWindow *self)
{
  ReportState *state = cc_window_peek_report_state (self);

  if (state == NULL)
    {
      state = g_new0 (ReportState, 1);
      g_object_set_data_full (G_OBJECT (self), "cc-window-report-state", state,
                              (GDestroyNotify)report_state_free);
    }

  return state;
}

/**
 * cc_window_get_page_setup:
 *
 * Returns: (transfer none): the paper and orientation reports are printed and exported on:
 *   the system's default paper until the user chooses another in the print dialog
 */
GtkPageSetup *
cc_window_get_page_setup (CcWindow *self)
{
  ReportState *state;

  g_assert (CC_IS_WINDOW (self));

  state = cc_window_get_report_state (self);
  if (state->page_setup == NULL)
    state->page_setup = gtk_page_setup_new ();

  return state->page_setup;
}

/* Whether a report is being made or saved; the report actions are disabled meanwhile. */
gboolean
cc_window_get_report_busy (CcWindow *self)
{
  ReportState *state;

  g_assert (CC_IS_WINDOW (self));

  state = cc_window_peek_report_state (self);
  return state != NULL && state->job != NULL;
}

/**
 * cc_window_get_report_toast:
 *
 * Returns: (transfer none) (nullable): the toast telling of the report being made or saved,
 *   whose button cancels it; for tests
 */
AdwToast *
cc_window_get_report_toast (CcWindow *self)
{
  ReportState *state;

  g_assert (CC_IS_WINDOW (self));

  state = cc_window_peek_report_state (self);
  return state != NULL && state->job != NULL ? state->job->toast : NULL;
}

static void
on_report_window_gone_cb (gpointer  data,
                          GObject  *where_the_object_was)
{
  ReportJob *job = data;

  job->self = NULL;
  g_cancellable_cancel (job->cancellable);
}

static void
on_report_toast_button_clicked_cb (AdwToast  *toast,
                                   ReportJob *job)
{
  g_cancellable_cancel (job->cancellable);
}

static gboolean
dismiss_toast_cb (gpointer data)
{
  adw_toast_dismiss (data);
  return G_SOURCE_REMOVE;
}

/* The job is over, whatever came of it: the window forgets it and its toast goes. */
static void
report_job_end (ReportJob *job)
{
  CcWindow *self = job->self;

  if (job->toast != NULL)
    {
      gint64 left = job->toast_added + TOAST_SHOWING_USEC - g_get_monotonic_time ();

      /* A window that is gone took its toasts with it. */
      g_signal_handlers_disconnect_by_func (job->toast, on_report_toast_button_clicked_cb, job);
      if (self != NULL && left <= 0)
        adw_toast_dismiss (job->toast);
      else if (self != NULL)
        g_timeout_add_full (G_PRIORITY_DEFAULT, left / G_TIME_SPAN_MILLISECOND + 1,
                            dismiss_toast_cb, g_object_ref (job->toast), g_object_unref);
    }

  if (self != NULL)
    {
      ReportState *state = cc_window_peek_report_state (self);

      g_object_weak_unref (G_OBJECT (self), on_report_window_gone_cb, job);
      job->self = NULL;

      if (state != NULL && state->job == job)
        state->job = NULL;

      cc_window_actions_update (self);
    }
}

static void
report_job_free (ReportJob *job)
{
  g_assert (job->self == NULL);

  g_clear_pointer (&job->request, cc_report_request_free);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->toast);
  g_free (job);
}

static void
cc_window_show_report_error (CcWindow     *self,
                             GFile        *file,
                             const GError *error)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_assert (CC_IS_WINDOW (self));
  g_assert (error != NULL);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Most reasons name the file already; the user needs it named once. */
      if (strstr (error->message, name) != NULL)
        body = g_strdup (error->message);
      else
        /* Translators: the first %s is a file, the second the reason */
        body = g_strdup_printf (_("Could not write “%s”: %s"), name, error->message);
    }
  else
    {
      body = g_strdup (error->message);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       file != NULL
                                                         ? _("Could Not Export Report")
                                                         : _("Could Not Print Report"),
                                                       body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_report_opened_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CcWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      self->toast_overlay != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not open the report: %s"), error->message);
      cc_window_show_toast (self, message);
    }
}

static void
on_report_saved_toast_button_clicked_cb (AdwToast *toast,
                                         CcWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autofree char *uri = g_file_get_uri (file);

  g_assert (CC_IS_WINDOW (self));

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, on_report_opened_cb,
                                           g_object_ref (self));
}

static void
cc_window_show_report_saved (CcWindow *self,
                             GFile    *file)
{
  AdwToast *toast;

  g_assert (CC_IS_WINDOW (self));

  toast = adw_toast_new (_("Report saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (on_report_saved_toast_button_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_report_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ReportJob *job = user_data;
  g_autoptr(GError) error = NULL;
  CcWindow *self = job->self;
  gboolean saved;

  saved = cc_report_save_finish (CC_REPORT (object), result, &error);
  report_job_end (job);

  if (self != NULL)
    {
      if (saved)
        cc_window_show_report_saved (self, job->file);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cc_window_show_report_error (self, job->file, error);
    }

  report_job_free (job);
}

static void
on_print_operation_done_cb (GtkPrintOperation       *operation,
                            GtkPrintOperationResult  result,
                            CcWindow                *self)
{
  GtkPrintSettings *settings;
  GtkPageSetup *page_setup;
  ReportState *state;

  g_assert (CC_IS_WINDOW (self));

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;

  /* The next report is printed, and exported, on the paper chosen for this one. */
  state = cc_window_get_report_state (self);
  if ((settings = gtk_print_operation_get_print_settings (operation)))
    {
      g_clear_object (&state->print_settings);
      state->print_settings = gtk_print_settings_copy (settings);
    }
  if ((page_setup = gtk_print_operation_get_default_page_setup (operation)))
    {
      g_clear_object (&state->page_setup);
      state->page_setup = gtk_page_setup_copy (page_setup);
    }
}

/**
 * cc_window_new_print_operation:
 *
 * Returns: (transfer full): an operation printing @report on the window's paper with its
 *   print settings, which keeps what the user chooses for the window's next report
 */
CcPrintOperation *
cc_window_new_print_operation (CcWindow *self,
                               CcReport *report)
{
  CcPrintOperation *operation;
  ReportState *state;

  g_assert (CC_IS_WINDOW (self));
  g_assert (CC_IS_REPORT (report));

  operation = cc_print_operation_new (report);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation),
                                              cc_window_get_page_setup (self));
  state = cc_window_get_report_state (self);
  if (state->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation),
                                            state->print_settings);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_operation_done_cb), self, 0);

  return operation;
}

static void
on_report_made_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReportJob *job = user_data;
  g_autoptr(CcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CcWindow *self = job->self;

  report = cc_report_new_finish (result, &error);

  /* Cancelled just as the report was done: the user said no, so nothing more happens. */
  if (report != NULL && g_cancellable_is_cancelled (job->cancellable))
    g_clear_object (&report);

  if (report != NULL && self != NULL && job->file != NULL)
    {
      cc_report_save_async (report, job->file, job->format, job->cancellable,
                            on_report_saved_cb, job);
      return;
    }

  report_job_end (job);

  if (report != NULL && self != NULL)
    {
      g_autoptr(CcPrintOperation) operation = cc_window_new_print_operation (self, report);

      cc_print_operation_run (operation, GTK_WINDOW (self));
    }
  else if (self != NULL && error != NULL &&
           !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      cc_window_show_report_error (self, job->file, error);
    }

  report_job_free (job);
}

/* Makes the report @request asks for in another thread, then prints it, or saves it to
 * @file when given. */
static void
cc_window_start_report (CcWindow              *self,
                        const CcReportRequest *request,
                        GFile                 *file,
                        CcReportFormat         format)
{
  ReportState *state;
  ReportJob *job;
  CcReportOptions options;
  GtkPageSetup *page_setup;

  g_assert (CC_IS_WINDOW (self));
  g_assert (request != NULL);

  state = cc_window_get_report_state (self);
  if (self->project == NULL || state->job != NULL)
    return;

  /* The paper of a PDF is the one chosen for printing; printing takes it from the page setup
   * anyway. */
  options = request->options;
  page_setup = cc_window_get_page_setup (self);
  options.page_width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  options.page_height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);

  job = g_new0 (ReportJob, 1);
  job->self = self;
  g_object_weak_ref (G_OBJECT (self), on_report_window_gone_cb, job);
  job->request = cc_report_request_copy (request);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  job->format = format;
  job->cancellable = g_cancellable_new ();
  state->job = job;

  /* Shown until the print dialog opens or the file is written; a toast of its own cannot
   * push it aside while it may still be cancelled. */
  job->toast = adw_toast_new (file != NULL ? _("Saving report…") : _("Preparing report…"));
  adw_toast_set_timeout (job->toast, 0);
  adw_toast_set_priority (job->toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (job->toast, _("_Cancel"));
  g_signal_connect (job->toast, "button-clicked",
                    G_CALLBACK (on_report_toast_button_clicked_cb), job);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (job->toast));
  job->toast_added = g_get_monotonic_time ();

  if (request->kind == CC_REPORT_PAIR)
    cc_report_new_pair_async (self->project, request->a, request->b, &options,
                              job->cancellable, on_report_made_cb, job);
  else
    cc_report_new_project_async (self->project, &options, job->cancellable,
                                 on_report_made_cb, job);

  cc_window_actions_update (self);
}

/**
 * cc_window_print_report:
 *
 * Makes the report @request asks for without blocking the window, then opens the print
 * dialog for it. A toast tells that it is being made and offers to cancel.
 */
void
cc_window_print_report (CcWindow              *self,
                        const CcReportRequest *request)
{
  g_assert (CC_IS_WINDOW (self));
  g_assert (request != NULL);

  cc_window_start_report (self, request, NULL, CC_REPORT_FORMAT_PDF);
}

/**
 * cc_window_export_report:
 * @file: where to write: PDF, or HTML when its name ends in .html or .htm
 *
 * Makes the report @request asks for and writes it to @file, both in other threads. A toast
 * says when it is saved and offers to open it; a dialog says why it could not be.
 */
void
cc_window_export_report (CcWindow              *self,
                         const CcReportRequest *request,
                         GFile                 *file)
{
  g_autofree char *basename = NULL;
  CcReportFormat format;

  g_assert (CC_IS_WINDOW (self));
  g_assert (request != NULL);
  g_assert (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  if (basename == NULL || !cc_report_format_for_filename (basename, &format))
    format = CC_REPORT_FORMAT_PDF;

  cc_window_start_report (self, request, file, format);
}

/**
 * cc_window_dup_report_file:
 * @format: the format of the filter chosen
 *
 * Returns: (transfer full): @chosen, with the extension of @format added when its name has
 *   none of a report's
 */
GFile *
cc_window_dup_report_file (GFile          *chosen,
                           CcReportFormat  format)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  CcReportFormat known;

  g_assert (G_IS_FILE (chosen));

  basename = g_file_get_basename (chosen);
  parent = g_file_get_parent (chosen);
  if (basename == NULL || parent == NULL || cc_report_format_for_filename (basename, &known))
    return g_object_ref (chosen);

  name = g_strconcat (basename, format == CC_REPORT_FORMAT_HTML ? ".html" : ".pdf", NULL);
  return g_file_get_child (parent, name);
}

static void
on_replace_report_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               CcWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  CcReportRequest *request = g_object_get_data (G_OBJECT (dialog), "request");

  g_assert (CC_IS_WINDOW (self));

  if (g_strcmp0 (response, "replace") == 0)
    cc_window_export_report (self, request, file);
}

/**
 * cc_window_export_report_to_chosen_file:
 * @chosen: the file as named in the file chooser
 * @format: the format of the filter chosen there
 *
 * Exports to @chosen, with the filter's extension added when the name has none; GTK asked
 * before replacing the file as named, and this asks when the extension makes it another
 * file that exists.
 */
void
cc_window_export_report_to_chosen_file (CcWindow              *self,
                                        const CcReportRequest *request,
                                        GFile                 *chosen,
                                        CcReportFormat         format)
{
  g_autoptr(GFile) file = cc_window_dup_report_file (chosen, format);
  g_autofree char *basename = NULL;
  AdwMessageDialog *dialog;

  g_assert (CC_IS_WINDOW (self));

  if (g_file_equal (file, chosen) || !g_file_query_exists (file, NULL))
    {
      cc_window_export_report (self, request, file);
      return;
    }

  basename = g_file_get_basename (file);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* Translators: %s is a file name */
  adw_message_dialog_format_heading (dialog, _("Replace “%s”?"), basename);
  adw_message_dialog_set_body (dialog, _("A file with this name already exists in this folder. "
                                         "Replacing it overwrites its contents."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "request", cc_report_request_copy (request),
                          (GDestroyNotify)cc_report_request_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_report_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_dialog_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              CcWindow        *self)
{
  g_autoptr(GFile) chosen = NULL;
  CcReportRequest *request;
  GtkFileFilter *filter;
  CcReportFormat format = CC_REPORT_FORMAT_PDF;

  g_assert (GTK_IS_FILE_CHOOSER_NATIVE (dialog));
  g_assert (CC_IS_WINDOW (self));

  request = g_object_get_data (G_OBJECT (dialog), "request");
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  if (filter != NULL)
    format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), "format"));

  if (response == GTK_RESPONSE_ACCEPT &&
      (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    cc_window_export_report_to_chosen_file (self, request, chosen, format);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* A name for the file: the two sources, or the project. */
static char *
dup_report_name (CcWindow              *self,
                 const CcReportRequest *request)
{
  const char *title = cc_project_get_title (self->project);
  char *name;

  if (request->kind == CC_REPORT_PAIR)
    {
      const char *a = cc_source_get_outlet (request->a);
      const char *b = cc_source_get_outlet (request->b);

      /* Translators: a report's file name: the two sources, by their outlets or titles */
      name = g_strdup_printf (_("%s and %s"),
                              a != NULL ? a : cc_source_format_title (request->a),
                              b != NULL ? b : cc_source_format_title (request->b));
    }
  else
    {
      name = g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled Project"));
    }

  /* A title may hold a slash, which a file name cannot. */
  return g_strdelimit (name, "/", '-');
}

static GtkFileFilter *
new_report_filter (const char     *name,
                   const char     *mime_type,
                   CcReportFormat  format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  /* The suffixes too, for files whose type the system does not recognize. */
  if (format == CC_REPORT_FORMAT_HTML)
    {
      gtk_file_filter_add_suffix (filter, "html");
      gtk_file_filter_add_suffix (filter, "htm");
    }
  else
    {
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  g_object_set_data (G_OBJECT (filter), "format", GUINT_TO_POINTER (format));

  return filter;
}

static void
cc_window_choose_report_file (CcWindow              *self,
                              const CcReportRequest *request)
{
  g_autoptr(GtkFileFilter) pdf = NULL;
  g_autoptr(GtkFileFilter) html = NULL;
  g_autofree char *name = NULL;
  g_autofree char *filename = NULL;
  GtkFileChooserNative *dialog;

  g_assert (CC_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  dialog = cc_window_actions_new_chooser (self, _("Export Report"),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));

  pdf = new_report_filter (_("PDF Documents"), "application/pdf", CC_REPORT_FORMAT_PDF);
  html = new_report_filter (_("Web Pages"), "text/html", CC_REPORT_FORMAT_HTML);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), html);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), pdf);

  name = dup_report_name (self, request);
  filename = g_strconcat (name, ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), filename);

  g_object_set_data_full (G_OBJECT (dialog), "request", cc_report_request_copy (request),
                          (GDestroyNotify)cc_report_request_free);
  cc_window_actions_show_chooser (self, dialog, G_CALLBACK (on_export_dialog_response_cb));
}

static void
on_report_dialog_accepted_cb (CcReportDialog *dialog,
                              CcWindow       *self)
{
  g_autoptr(CcReportRequest) request = cc_report_dialog_dup_request (dialog);
  ReportState *state;

  g_assert (CC_IS_WINDOW (self));

  state = cc_window_get_report_state (self);
  state->options = request->options;
  state->has_options = TRUE;

  if (cc_report_dialog_get_purpose (dialog) == CC_REPORT_PURPOSE_PRINT)
    cc_window_print_report (self, request);
  else
    cc_window_choose_report_file (self, request);
}

/* Asks what to report on: the pair the window shows, or the whole project. */
static void
cc_window_show_report_dialog (CcWindow        *self,
                              CcReportPurpose  purpose)
{
  CcReportDialog *dialog;
  ReportState *state;

  g_assert (CC_IS_WINDOW (self));

  if (self->project == NULL || cc_window_get_report_busy (self))
    return;

  dialog = cc_report_dialog_new (purpose, self->project,
                                 gtk_drop_down_get_selected_item (self->left_dropdown),
                                 gtk_drop_down_get_selected_item (self->right_dropdown),
                                 gtk_toggle_button_get_active (self->compare_button));
  state = cc_window_get_report_state (self);
  if (state->has_options)
    cc_report_dialog_set_options (dialog, &state->options);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "accepted", G_CALLBACK (on_report_dialog_accepted_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cc_window_actions_print_report_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  cc_window_show_report_dialog (CC_WINDOW (widget), CC_REPORT_PURPOSE_PRINT);
}

static void
cc_window_actions_export_report_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  cc_window_show_report_dialog (CC_WINDOW (widget), CC_REPORT_PURPOSE_EXPORT);
}

void
cc_window_class_actions_init (CcWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL,
                                   cc_window_actions_open_cb);
  gtk_widget_class_install_action (widget_class, "win.save", NULL,
                                   cc_window_actions_save_cb);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL,
                                   cc_window_actions_save_as_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   cc_window_actions_import_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   cc_window_actions_open_recent_cb);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL,
                                   cc_window_actions_preferences_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-source", NULL,
                                   cc_window_actions_previous_source_cb);
  gtk_widget_class_install_action (widget_class, "win.next-source", NULL,
                                   cc_window_actions_next_source_cb);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL,
                                   cc_window_actions_print_report_cb);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL,
                                   cc_window_actions_export_report_cb);

  /* Bound here rather than among the application's accelerators, so they belong to the
   * window's own actions; the menu and the shortcuts window show them too. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
}

/* Enables each window action for what the window shows now; called whenever that changes. */
void
cc_window_actions_update (CcWindow *self)
{
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n_items = 0;

  g_assert (CC_IS_WINDOW (self));

  if (self->project != NULL)
    {
      selected = gtk_single_selection_get_selected (self->sources_selection);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sources_selection));
    }

  /* One save at a time; a window without a project, even one whose load failed, has nothing
   * to save and no file to save it to. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 self->project != NULL && self->save_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as",
                                 self->project != NULL && self->save_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences",
                                 gtk_window_get_application (GTK_WINDOW (self)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-source",
                                 selected != GTK_INVALID_LIST_POSITION && selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-source",
                                 selected != GTK_INVALID_LIST_POSITION && selected + 1 < n_items);
  /* A report needs sources to report on, and one is made at a time. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-report",
                                 n_items > 0 && !cc_window_get_report_busy (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report",
                                 n_items > 0 && !cc_window_get_report_busy (self));
}
