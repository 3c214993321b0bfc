/* ui-test-util.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cc-project-io.h"
#include "ui-test-util.h"

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @condition holds; fails the test after TIMEOUT_SECONDS. */
void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %d seconds waiting for %s", TIMEOUT_SECONDS, what);

  g_source_remove (timeout_id);
}

/* Runs the main loop for @milliseconds, so whatever would happen has its chance. */
void
run_for (guint milliseconds)
{
  gboolean timed_out = FALSE;

  g_timeout_add (milliseconds, on_timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets the main loop finish what is pending, without waiting for more. */
void
ui_test_flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * ui_test_destroy_window:
 * @window: a window
 * @...: the addresses of widgets in @window, as `gpointer *`, then %NULL
 *
 * Destroys @window and checks that nothing else held the widgets: each address holds %NULL
 * after.
 */
void
ui_test_destroy_window (GtkWindow *window,
                        ...)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) locations = g_ptr_array_new ();
  va_list args;

  va_start (args, window);
  for (gpointer *location = va_arg (args, gpointer *);
       location != NULL;
       location = va_arg (args, gpointer *))
    {
      g_ptr_array_add (widgets, g_object_ref (*location));
      g_ptr_array_add (locations, location);
    }
  va_end (args);

  gtk_window_destroy (window);
  ui_test_flush_main_loop ();

  for (guint i = 0; i < widgets->len; i++)
    g_object_add_weak_pointer (widgets->pdata[i], locations->pdata[i]);
  g_ptr_array_set_size (widgets, 0);
  for (guint i = 0; i < locations->len; i++)
    g_assert_null (*(gpointer *)locations->pdata[i]);
}

/* The example project of data/examples, loaded anew. */
CcProject *
ui_test_load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "harbour-leak.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CcProject *project = cc_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

/* Removes a directory and everything in it. */
void
ui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ui_test_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* The visible toplevel of @type that @window is parent to, if any. */
GtkWindow *
ui_test_find_transient (GtkWindow *window,
                        GType      type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *iter = toplevels; iter != NULL; iter = iter->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (iter->data, type) &&
          gtk_window_get_transient_for (iter->data) == window &&
          gtk_widget_get_visible (iter->data))
        return iter->data;
    }

  return NULL;
}

/* A widget under @widget, or @widget itself, that @match accepts, depth first. */
GtkWidget *
ui_test_find_widget (GtkWidget         *widget,
                     UiTestWidgetMatch  match,
                     gconstpointer      data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
ui_test_is_group_titled (GtkWidget     *widget,
                         gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

gboolean
ui_test_is_row_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
ui_test_is_button_labelled (GtkWidget     *widget,
                            gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* GTK 4.8 warns "Trying to snapshot … without a current allocation" when a widget appears
 * between a frame's layout and its drawing, which a busy display makes happen now and then
 * (the ui suite's programs share one Xvfb). The next frame draws it right. gtk_test_init()
 * makes warnings fatal, so this one alone is let through; any other still fails the test. */
static GLogWriterOutput
ui_test_log_writer (GLogLevelFlags   log_level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 &&
      message != NULL && g_str_has_prefix (message, "Trying to snapshot ") &&
      g_str_has_suffix (message, " without a current allocation"))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * ui_test_init:
 *
 * gtk_test_init() for the ui tests, with GTK's one harmless timing warning let through.
 */
void
ui_test_init (int    *argc,
              char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  g_log_set_writer_func (ui_test_log_writer, NULL, NULL);
}
