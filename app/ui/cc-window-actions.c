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
#include "cc-window-private.h"

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

  dialog = gtk_file_chooser_native_new (_("Open Project"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  /* The suffix too, for systems where the MIME type is not installed yet. */
  projects = gtk_file_filter_new ();
  gtk_file_filter_set_name (projects, _("Crosscheck Projects"));
  gtk_file_filter_add_mime_type (projects, CC_PROJECT_MIME_TYPE);
  gtk_file_filter_add_suffix (projects, "crosscheck");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), projects);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), projects);

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  /* The dialog holds the window until it answers. */
  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (on_open_dialog_response_cb),
                         g_object_ref (self),
                         (GClosureNotify)(void (*) (void))g_object_unref,
                         0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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

  dialog = gtk_file_chooser_native_new (_("Save Project As"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  projects = gtk_file_filter_new ();
  gtk_file_filter_set_name (projects, _("Crosscheck Projects"));
  gtk_file_filter_add_mime_type (projects, CC_PROJECT_MIME_TYPE);
  gtk_file_filter_add_suffix (projects, "crosscheck");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), projects);

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  title = cc_project_get_title (self->project);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Project");
  /* A title may hold a slash, which a file name cannot. */
  name = g_strconcat (title, CC_PROJECT_FILE_SUFFIX, NULL);
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (on_save_dialog_response_cb),
                         g_object_ref (self),
                         (GClosureNotify)(void (*) (void))g_object_unref,
                         0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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

  dialog = gtk_file_chooser_native_new (_("Import Sources"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
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

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (on_import_dialog_response_cb),
                         g_object_ref (self),
                         (GClosureNotify)(void (*) (void))g_object_unref,
                         0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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
}
