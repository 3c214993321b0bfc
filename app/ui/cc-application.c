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
  AdwApplication parent_instance;
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

static void
cc_application_activate (GApplication *application)
{
  CcApplication *self = (CcApplication *)application;
  CcWindow *window;

  if (!(window = get_active_cc_window (self)))
    window = cc_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
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

static const GActionEntry app_actions[] = {
  { "quit", cc_application_actions_quit_cb },
  { "about", cc_application_actions_about_cb },
  { "open", cc_application_actions_open_cb },
};

static const struct {
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.previous-source", { "<Control>Page_Up", NULL } },
  { "win.next-source", { "<Control>Page_Down", NULL } },
};

static void
cc_application_startup (GApplication *application)
{
  CcApplication *self = (CcApplication *)application;

  G_APPLICATION_CLASS (cc_application_parent_class)->startup (application);

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
cc_application_class_init (CcApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = cc_application_startup;
  app_class->activate = cc_application_activate;
  app_class->open = cc_application_open;
}

static void
cc_application_init (CcApplication *self)
{
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
