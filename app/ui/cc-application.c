/* cc-application.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-application"

#include <glib/gi18n.h>

#include "cc-application.h"
#include "cc-window-private.h"

struct _CcApplication
{
  AdwApplication  parent_instance;

  /* Drafts left by a crash, offered back one question at a time. */
  GPtrArray      *drafts_to_ask;

  GSettings      *settings;
  /* Sets the reading panes' text size from the settings. */
  GtkCssProvider *font_provider;
  guint           asking : 1;
};

G_DEFINE_FINAL_TYPE (CcApplication, cc_application, ADW_TYPE_APPLICATION)

CcApplication *
cc_application_new (void)
{
  return g_object_new (CC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

static CcWindow *
get_active_cc_window (CcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CC_IS_WINDOW (window) ? CC_WINDOW (window) : NULL;
}

static void cc_application_ask_next_draft (CcApplication *self);

static void
on_recover_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               CcApplication    *self)
{
  CcDraft *draft = g_object_get_data (G_OBJECT (dialog), "draft");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  g_assert (CC_IS_APPLICATION (self));
  g_assert (draft != NULL);

  g_object_set_data (G_OBJECT (dialog), "answered", GINT_TO_POINTER (TRUE));

  if (g_strcmp0 (response, "recover") == 0)
    {
      CcWindow *window;

      /* The window asking takes the first project recovered; each other one gets its own. */
      if (CC_IS_WINDOW (parent) && cc_window_is_empty (CC_WINDOW (parent)))
        window = CC_WINDOW (parent);
      else
        window = cc_window_new (self);

      cc_window_recover_draft (window, draft);
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      cc_drafts_remove_async (cc_drafts_get_default (), cc_draft_get_id (draft), NULL, NULL, NULL);
    }
}

static void
on_recover_dialog_destroy_cb (GtkWidget     *dialog,
                              CcApplication *self)
{
  g_assert (CC_IS_APPLICATION (self));

  self->asking = FALSE;

  /* Gone with its window, unanswered: the rest wait for the next start. */
  if (g_object_get_data (G_OBJECT (dialog), "answered") == NULL)
    g_ptr_array_set_size (self->drafts_to_ask, 0);

  cc_application_ask_next_draft (self);
}

static void
cc_application_ask_next_draft (CcApplication *self)
{
  g_autoptr(CcDraft) draft = NULL;
  CcWindow *window;
  GtkWidget *dialog;

  g_assert (CC_IS_APPLICATION (self));

  if (self->asking || self->drafts_to_ask->len == 0)
    return;

  draft = g_ptr_array_steal_index (self->drafts_to_ask, 0);

  if (!(window = get_active_cc_window (self)))
    {
      window = cc_window_new (self);
      gtk_window_present (GTK_WINDOW (window));
    }

  self->asking = TRUE;
  dialog = cc_window_new_recover_dialog (window, draft, FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "draft", cc_draft_ref (draft),
                          (GDestroyNotify)cc_draft_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recover_dialog_response_cb), self,
                           0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_recover_dialog_destroy_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Whether @draft is one a window already shows, or is already to be asked about. */
static gboolean
cc_application_draft_is_known (CcApplication *self,
                               CcDraft       *draft)
{
  const char *id = cc_draft_get_id (draft);

  for (const GList *iter = gtk_application_get_windows (GTK_APPLICATION (self));
       iter != NULL;
       iter = iter->next)
    {
      if (CC_IS_WINDOW (iter->data) &&
          g_strcmp0 (cc_window_get_draft_id (iter->data), id) == 0)
        return TRUE;
    }

  for (guint i = 0; i < self->drafts_to_ask->len; i++)
    {
      if (g_strcmp0 (cc_draft_get_id (g_ptr_array_index (self->drafts_to_ask, i)), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
cc_application_list_drafts_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(CcApplication) self = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  if (!(drafts = cc_drafts_list_finish (CC_DRAFTS (object), result, &error)))
    {
      CcWindow *window = get_active_cc_window (self);

      if (window != NULL)
        cc_window_show_toast (window, error->message);
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      CcDraft *draft = g_ptr_array_index (drafts, i);

      if (!cc_application_draft_is_known (self, draft))
        g_ptr_array_add (self->drafts_to_ask, cc_draft_ref (draft));
    }

  cc_application_ask_next_draft (self);
}

/* Offers back the unsaved changes of projects that were open when Crosscheck last ended
 * without the user deciding about them. */
static void
cc_application_check_drafts (CcApplication *self)
{
  g_assert (CC_IS_APPLICATION (self));

  cc_drafts_list_async (cc_drafts_get_default (), NULL, cc_application_list_drafts_cb,
                        g_object_ref (self));
}

static void
cc_application_activate (GApplication *application)
{
  CcApplication *self = (CcApplication *)application;
  CcWindow *window;

  if ((window = get_active_cc_window (self)))
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = cc_window_new (self);
  gtk_window_present (GTK_WINDOW (window));

  /* Started without files to open: the moment to offer back what a crash left. */
  cc_application_check_drafts (self);
}

static void
cc_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CcApplication *self = (CcApplication *)application;

  for (int i = 0; i < n_files; i++)
    cc_application_open_file (self, files[i], get_active_cc_window (self));
}

static void
cc_application_actions_quit_cb (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  CcApplication *self = user_data;
  GList *windows;

  g_assert (CC_IS_APPLICATION (self));

  /* Closing, rather than quitting outright, lets each window refuse while it has work to
   * save; the application ends when the last one goes. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *iter = windows; iter != NULL; iter = iter->next)
    gtk_window_close (iter->data);
  g_list_free (windows);
}

static void
cc_application_actions_about_cb (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  CcApplication *self = user_data;
  GtkWindow *parent;
  GtkWidget *about;

  g_assert (CC_IS_APPLICATION (self));

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Crosscheck"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Crosscheck authors"),
                        "copyright", _("© 2026 The Crosscheck authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: Replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
cc_application_actions_open_cb (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  CcApplication *self = user_data;
  CcWindow *window;

  g_assert (CC_IS_APPLICATION (self));

  if (!(window = get_active_cc_window (self)))
    {
      window = cc_window_new (self);
      gtk_window_present (GTK_WINDOW (window));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
}

static void
cc_application_actions_new_project_cb (GSimpleAction *action,
                                       GVariant      *param,
                                       gpointer       user_data)
{
  CcApplication *self = user_data;

  g_assert (CC_IS_APPLICATION (self));

  cc_application_new_project (self, get_active_cc_window (self));
}

static const GActionEntry app_actions[] = {
  { "quit", cc_application_actions_quit_cb },
  { "about", cc_application_actions_about_cb },
  { "new-project", cc_application_actions_new_project_cb },
  { "open", cc_application_actions_open_cb },
};

static const struct {
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-project", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.import", { "<Control>i", NULL } },
  { "win.preferences", { "<Control>comma", NULL } },
  { "win.previous-source", { "<Control>Page_Up", NULL } },
  { "win.next-source", { "<Control>Page_Down", NULL } },
};

static void
cc_application_update_font (CcApplication *self)
{
  g_autofree char *css = NULL;
  int size;

  g_assert (CC_IS_APPLICATION (self));

  /* Zero keeps the system's document font size. */
  size = g_settings_get_int (cc_application_get_settings (self), "view-font-size");
  if (size > 0)
    css = g_strdup_printf ("comparisonview textview.view, sourceview textview.view "
                           "{ font-size: %dpt; }", size);

  gtk_css_provider_load_from_data (self->font_provider, css != NULL ? css : "", -1);
}

static void
cc_application_startup (GApplication *application)
{
  CcApplication *self = (CcApplication *)application;

  G_APPLICATION_CLASS (cc_application_parent_class)->startup (application);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->font_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (cc_application_get_settings (self), "changed::view-font-size",
                           G_CALLBACK (cc_application_update_font), self, G_CONNECT_SWAPPED);
  cc_application_update_font (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);
}

static void
cc_application_finalize (GObject *object)
{
  CcApplication *self = (CcApplication *)object;

  g_clear_pointer (&self->drafts_to_ask, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->font_provider);

  G_OBJECT_CLASS (cc_application_parent_class)->finalize (object);
}

static void
cc_application_class_init (CcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cc_application_finalize;

  app_class->startup = cc_application_startup;
  app_class->activate = cc_application_activate;
  app_class->open = cc_application_open;
}

static void
cc_application_init (CcApplication *self)
{
  self->drafts_to_ask = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_draft_unref);
}

/**
 * cc_application_get_settings:
 *
 * The schema is looked up where it is installed, then in the build tree, so the app also
 * runs from a build that was never installed.
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
cc_application_get_settings (CcApplication *self)
{
  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    {
      GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchemaSource) built = NULL;
      g_autoptr(GSettingsSchema) schema = NULL;

      if (installed != NULL)
        schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);
      if (schema == NULL &&
          (built = g_settings_schema_source_new_from_directory (CC_BUILD_SCHEMA_DIR, installed,
                                                                FALSE, NULL)) != NULL)
        schema = g_settings_schema_source_lookup (built, APP_ID, FALSE);
      if (schema == NULL)
        g_error ("The settings schema %s is not installed", APP_ID);

      self->settings = g_settings_new_full (schema, NULL, NULL);
    }

  return self->settings;
}

/**
 * cc_application_find_window:
 *
 * Returns: (transfer none) (nullable): the window that shows, or is loading, @file
 */
CcWindow *
cc_application_find_window (CcApplication *self,
                            GFile         *file)
{
  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (const GList *iter = gtk_application_get_windows (GTK_APPLICATION (self));
       iter != NULL;
       iter = iter->next)
    {
      if (CC_IS_WINDOW (iter->data) && cc_window_has_file (iter->data, file))
        return iter->data;
    }

  return NULL;
}

/**
 * cc_application_open_file:
 * @reuse: (nullable): a window to open @file in if that window is empty
 *
 * Shows @file in a window of its own: the window that already has it, @reuse when that is
 * empty, or a new window.
 *
 * Returns: (transfer none): the window showing @file
 */
CcWindow *
cc_application_open_file (CcApplication *self,
                          GFile         *file,
                          CcWindow      *reuse)
{
  CcWindow *window;

  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (reuse == NULL || CC_IS_WINDOW (reuse), NULL);

  if ((window = cc_application_find_window (self, file)))
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  if (reuse != NULL && cc_window_is_empty (reuse))
    window = reuse;
  else
    window = cc_window_new (self);

  cc_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/**
 * cc_application_new_project:
 * @reuse: (nullable): a window to show the new project in if that window is empty
 *
 * Shows a new, empty, untitled project: in @reuse when it shows nothing, or nothing the user
 * has touched, otherwise in a new window.
 *
 * Returns: (transfer none): the window showing the new project
 */
CcWindow *
cc_application_new_project (CcApplication *self,
                            CcWindow      *reuse)
{
  CcWindow *window;

  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (reuse == NULL || CC_IS_WINDOW (reuse), NULL);

  if (reuse != NULL && cc_window_is_empty (reuse))
    window = reuse;
  else
    window = cc_window_new (self);

  /* A new project nobody has touched yet is as new as another would be. */
  if (cc_window_get_project (window) == NULL)
    cc_window_new_project (window);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}
