/* cc-window.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-window"

#include <glib/gi18n.h>

#include "cc-project-io.h"
#include "cc-source-row.h"
#include "cc-source-view.h"
#include "cc-window-private.h"

G_DEFINE_FINAL_TYPE (CcWindow, cc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  PROP_PROJECT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CcWindow     *self;
  GFile        *file;
  GCancellable *cancellable;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

typedef struct
{
  CcWindow     *self;
  CcProject    *project;
  GFile        *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->project);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static char *
dup_directory_label (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = NULL;
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return NULL;

  home = g_file_new_for_path (g_get_home_dir ());
  if (g_file_equal (parent, home))
    return g_strdup ("~");

  if ((relative = g_file_get_relative_path (home, parent)))
    {
      g_autofree char *display = g_filename_display_name (relative);
      return g_build_filename ("~", display, NULL);
    }

  return g_file_get_parse_name (parent);
}

static void
cc_window_update_title (CcWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_assert (CC_IS_WINDOW (self));

  if (self->project != NULL && cc_project_get_title (self->project) != NULL)
    {
      name = g_strdup (cc_project_get_title (self->project));
    }
  else if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      name = g_filename_display_name (basename);
    }
  else
    {
      name = g_strdup (_("Crosscheck"));
    }

  if (self->project != NULL && cc_project_get_modified (self->project))
    {
      /* Translators: the title of a window whose project has unsaved changes */
      title = g_strdup_printf (_("• %s"), name);
    }
  else
    {
      title = g_steal_pointer (&name);
    }

  if (self->file != NULL)
    subtitle = dup_directory_label (self->file);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
cc_window_update_page (CcWindow *self)
{
  const char *page;

  g_assert (CC_IS_WINDOW (self));

  /* Loading another project over one shown keeps it shown until the new one is ready. */
  if (self->project != NULL)
    page = "project";
  else if (self->load_cancellable != NULL)
    page = "loading";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->project != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_button), self->project != NULL);
}

static void
cc_window_set_project (CcWindow  *self,
                       GFile     *file,
                       CcProject *project)
{
  g_assert (CC_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));
  g_assert (CC_IS_PROJECT (project));

  g_set_object (&self->file, file);
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);

  gtk_single_selection_set_model (self->sources_selection, cc_project_get_sources (project));
  gtk_drop_down_set_model (self->left_dropdown, cc_project_get_sources (project));
  gtk_drop_down_set_model (self->right_dropdown, cc_project_get_sources (project));
  /* Start with the first two sources side by side. */
  gtk_drop_down_set_selected (self->left_dropdown, 0);
  gtk_drop_down_set_selected (self->right_dropdown,
                              cc_project_get_n_sources (project) > 1 ? 1 : 0);
  cc_window_update_page (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->sources_list_view));

  cc_window_update_title (self);
  cc_window_actions_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void
cc_window_show_load_error (CcWindow     *self,
                           const GError *error)
{
  GtkWidget *dialog;

  g_assert (CC_IS_WINDOW (self));
  g_assert (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open Project"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cc_window_load_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(CcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  CcWindow *self = data->self;

  g_assert (CC_IS_WINDOW (self));

  project = cc_project_load_finish (result, &error);

  /* A newer open, or closing the window, made this load moot. */
  if (data->cancellable != self->load_cancellable)
    return;

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);

  if (project != NULL)
    cc_window_set_project (self, data->file, project);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cc_window_show_load_error (self, error);

  cc_window_update_page (self);
  cc_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
cc_window_show_save_error (CcWindow     *self,
                           const GError *error)
{
  GtkWidget *dialog;

  g_assert (CC_IS_WINDOW (self));
  g_assert (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save Project"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cc_window_save_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  CcWindow *self = data->self;
  gboolean close_after_save;

  g_assert (CC_IS_WINDOW (self));
  g_assert (CC_IS_PROJECT (data->project));

  g_clear_object (&self->save_cancellable);
  close_after_save = self->close_after_save;
  self->close_after_save = FALSE;

  if (!cc_project_save_finish (data->project, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The window was destroyed while the save ran; there is no one left to tell. */
  if (self->project_signals == NULL)
    return;

  if (error != NULL)
    {
      cc_window_show_save_error (self, error);
      cc_window_actions_update (self);
      return;
    }

  /* A project opened over this one meanwhile keeps its own file. */
  if (data->project == self->project &&
      (self->file == NULL || !g_file_equal (self->file, data->file)))
    {
      g_set_object (&self->file, data->file);
      cc_window_update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  cc_window_actions_update (self);

  /* Closing again, rather than destroying, asks anew if the project changed during the save. */
  if (close_after_save)
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
cc_window_destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_close_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CcWindow         *self)
{
  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (CC_IS_WINDOW (self));

  g_clear_weak_pointer (&self->close_dialog);

  if (g_strcmp0 (response, "discard") == 0)
    {
      /* Not from inside the dialog's own signal: the dialog must go before its parent does. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, cc_window_destroy_idle_cb,
                       g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      cc_window_save (self);
    }
}

static gboolean
cc_window_close_request (GtkWindow *window)
{
  CcWindow *self = (CcWindow *)window;
  GtkWidget *dialog;

  g_assert (CC_IS_WINDOW (self));

  if (self->project == NULL || !cc_project_get_modified (self->project))
    return GTK_WINDOW_CLASS (cc_window_parent_class)->close_request (window);

  if (self->close_dialog != NULL)
    {
      gtk_window_present (self->close_dialog);
      return TRUE;
    }

  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  /* Translators: %s is the title of the project */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved will "
                                    "be permanently lost."),
                                  cc_project_get_title (self->project) != NULL
                                    ? cc_project_get_title (self->project)
                                    : _("Untitled Project"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_close_dialog_response_cb), self, 0);

  g_set_weak_pointer (&self->close_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* The right-hand side reads one source, or compares two when the Compare button is on. */
static void
cc_window_update_source_page (CcWindow *self)
{
  const char *page = "no-sources";

  if (gtk_single_selection_get_selected_item (self->sources_selection) != NULL)
    page = gtk_toggle_button_get_active (self->compare_button) ? "compare" : "source";

  gtk_stack_set_visible_child_name (self->source_stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_button), self->project != NULL);
}

static void
cc_window_update_comparison (CcWindow *self)
{
  CcSource *left = gtk_drop_down_get_selected_item (self->left_dropdown);
  CcSource *right = gtk_drop_down_get_selected_item (self->right_dropdown);
  CcCompareOptions options;

  /* Nothing is compared until the comparison is shown. */
  if (self->project == NULL || !gtk_toggle_button_get_active (self->compare_button))
    return;

  cc_compare_options_from_settings (&options, cc_project_get_settings (self->project));
  cc_comparison_view_set_sources (self->comparison_view, left, right, &options);
}

static void
on_compare_button_notify_active_cb (GtkToggleButton *button,
                                    GParamSpec      *pspec,
                                    CcWindow        *self)
{
  g_assert (CC_IS_WINDOW (self));

  cc_window_update_source_page (self);
  cc_window_update_comparison (self);
}

static void
on_compared_source_notify_selected_cb (GtkDropDown *dropdown,
                                       GParamSpec  *pspec,
                                       CcWindow    *self)
{
  g_assert (CC_IS_WINDOW (self));

  cc_window_update_comparison (self);
}

static void
on_swap_button_clicked_cb (GtkButton *button,
                           CcWindow  *self)
{
  guint left = gtk_drop_down_get_selected (self->left_dropdown);
  guint right = gtk_drop_down_get_selected (self->right_dropdown);

  g_assert (CC_IS_WINDOW (self));

  gtk_drop_down_set_selected (self->left_dropdown, right);
  gtk_drop_down_set_selected (self->right_dropdown, left);
}

static void
on_sources_selection_notify_selected_item_cb (GtkSingleSelection *selection,
                                              GParamSpec         *pspec,
                                              CcWindow           *self)
{
  g_assert (GTK_IS_SINGLE_SELECTION (selection));
  g_assert (CC_IS_WINDOW (self));

  cc_window_update_source_page (self);
  cc_window_actions_update (self);
}

static void
on_sources_selection_items_changed_cb (GListModel *model,
                                       guint       position,
                                       guint       removed,
                                       guint       added,
                                       CcWindow   *self)
{
  g_assert (CC_IS_WINDOW (self));

  cc_window_actions_update (self);
}

static void
cc_window_dispose (GObject *object)
{
  CcWindow *self = (CcWindow *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);

  g_clear_weak_pointer (&self->close_dialog);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_WINDOW);

  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (cc_window_parent_class)->dispose (object);
}

static void
cc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CcWindow *self = CC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, cc_window_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_window_class_init (CcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cc_window_dispose;
  object_class->get_property = cc_window_get_property;

  window_class->close_request = cc_window_close_request;

  /**
   * CcWindow:file:
   *
   * The file of the project shown; it changes only once a load has succeeded.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", "File", "The file of the project shown",
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcWindow:project:
   *
   * The project shown. Notified when a load has succeeded, so tests and other views can wait
   * for it.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", "Project", "The project shown",
                         CC_TYPE_PROJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcWindow:loading:
   *
   * Whether a project is being loaded; it becomes %FALSE once the load succeeded or failed.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", "Loading", "Whether a project is being loaded",
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CC_TYPE_SOURCE_ROW);
  g_type_ensure (CC_TYPE_SOURCE_VIEW);
  g_type_ensure (CC_TYPE_COMPARISON_VIEW);
  g_type_ensure (CC_TYPE_SOURCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, project_paned);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, sources_list_view);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, sources_selection);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, source_stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, compare_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, left_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, right_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, swap_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, comparison_view);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_button_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compared_source_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_swap_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_sources_selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sources_selection_items_changed_cb);

  cc_window_class_actions_init (klass);
}

static void
cc_window_init (CcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (CC_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::title",
                                  G_CALLBACK (cc_window_update_title), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::modified",
                                  G_CALLBACK (cc_window_update_title), self);

  cc_window_update_page (self);
  cc_window_update_title (self);
  cc_window_actions_update (self);
}

CcWindow *
cc_window_new (CcApplication *application)
{
  g_return_val_if_fail (CC_IS_APPLICATION (application), NULL);

  return g_object_new (CC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * cc_window_open:
 *
 * Loads @file in the background and shows it once it is loaded. If loading fails the window
 * tells the user and keeps what it showed before. A newer call cancels an older load.
 */
void
cc_window_open (CcWindow *self,
                GFile    *file)
{
  LoadData *data;
  gboolean was_loading;

  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  was_loading = cc_window_get_loading (self);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_set_object (&self->loading_file, file);

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->cancellable = g_object_ref (self->load_cancellable);

  cc_project_load_async (file, self->load_cancellable, cc_window_load_cb, data);

  cc_window_update_page (self);
  cc_window_actions_update (self);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * cc_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file of the project shown
 */
GFile *
cc_window_get_file (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->file;
}

/**
 * cc_window_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
CcProject *
cc_window_get_project (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->project;
}

gboolean
cc_window_get_loading (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

/* Empty windows are reused for the next project opened, rather than opening another. */
gboolean
cc_window_is_empty (CcWindow *self)
{
  g_assert (CC_IS_WINDOW (self));

  return self->project == NULL && self->load_cancellable == NULL;
}

gboolean
cc_window_has_file (CcWindow *self,
                    GFile    *file)
{
  g_assert (CC_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  return (self->file != NULL && g_file_equal (self->file, file)) ||
         (self->loading_file != NULL && g_file_equal (self->loading_file, file));
}

gboolean
cc_window_get_saving (CcWindow *self)
{
  g_assert (CC_IS_WINDOW (self));

  return self->save_cancellable != NULL;
}

/**
 * cc_window_save_to_file:
 *
 * Saves the project to @file in the background; once saved, @file is the window's file. On failure the window says why and the
 * project stays as it was, modified. Only files chosen by the user come here, and the window's
 * own file, which is only ever one that loaded: a file that failed to load is never written.
 */
void
cc_window_save_to_file (CcWindow *self,
                        GFile    *file)
{
  SaveData *data;

  g_assert (CC_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  /* A save in flight closes the window on success if asked to; it is not repeated. */
  if (self->save_cancellable != NULL)
    return;

  if (self->project == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  self->save_cancellable = g_cancellable_new ();

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->project = g_object_ref (self->project);
  data->file = g_object_ref (file);

  cc_project_save_async (self->project, file, self->save_cancellable, cc_window_save_cb, data);

  cc_window_actions_update (self);
}

/* Saves to the window's file, or asks for one when the project has none yet. */
void
cc_window_save (CcWindow *self)
{
  g_assert (CC_IS_WINDOW (self));

  if (self->file == NULL)
    cc_window_save_as (self);
  else
    cc_window_save_to_file (self, self->file);
}
