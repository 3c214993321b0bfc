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
#include "cc-matrix-view.h"
#include "cc-preferences-window.h"
#include "cc-source-list.h"
#include "cc-window-private.h"

/* How recent projects are told apart from other programs' files in the user's shared list. */
#define RECENT_APP_NAME  "Crosscheck"
#define RECENT_APP_EXEC  "crosscheck %u"
#define MAX_RECENT_SHOWN 8

/* The items of the menu's first section in cc-window.ui, before the recent projects. */
#define N_OPEN_ITEMS 2

G_DEFINE_FINAL_TYPE (CcWindow, cc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  PROP_PROJECT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Unsaved changes wait this long before they are drafted; tests shorten it. */
static guint draft_delay_msec = 3000;

/* What a load reads: @file, or the draft of it when @draft is set. @file is %NULL only for a
 * draft of a project never saved. */
typedef struct
{
  CcWindow     *self;
  GFile        *file;
  CcDraft      *draft;
  GCancellable *cancellable;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_pointer (&data->draft, cc_draft_unref);
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

/* A draft write or removal in flight. It outlives the window if need be: a removal asked for
 * while a write runs must still happen after the window is gone. */
typedef struct _DraftOp
{
  CcWindow *self;
  char     *id;
  guint64   generation;
  guint     removing : 1;
  guint     remove_after : 1;
} DraftOp;

static void
draft_op_free (DraftOp *op)
{
  g_clear_object (&op->self);
  g_clear_pointer (&op->id, g_free);
  g_free (op);
}

static void cc_window_schedule_draft     (CcWindow *self);
static void cc_window_update_source_page (CcWindow *self);
static void cc_window_update_comparison  (CcWindow *self);
static void cc_window_remove_draft       (CcWindow *self);
static void cc_window_load               (CcWindow *self,
                                          LoadData *data);

/* Whether dispose has run: callbacks of work started earlier find no one to tell. */
static gboolean
cc_window_is_disposed (CcWindow *self)
{
  return self->project_signals == NULL;
}

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

/* The file's place as the user would type it, with the home folder as "~". */
static char *
dup_location_label (GFile *file)
{
  g_autofree char *directory = dup_directory_label (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;

  if (directory == NULL || basename == NULL)
    return g_file_get_parse_name (file);

  name = g_filename_display_name (basename);
  return g_build_filename (directory, name, NULL);
}

static char *
dup_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* "today at 14:32", "yesterday at 09:05" or "12/03/2026 at 18:40". */
static char *
dup_time_label (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *time = g_date_time_format (local, "%R");
  g_autofree char *date = NULL;
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);

  if (g_date_time_get_year (now) == year && g_date_time_get_month (now) == month &&
      g_date_time_get_day_of_month (now) == day)
    {
      /* Translators: %s is a time of day, such as “14:32” */
      return g_strdup_printf (_("today at %s"), time);
    }

  if (g_date_time_get_year (yesterday) == year && g_date_time_get_month (yesterday) == month &&
      g_date_time_get_day_of_month (yesterday) == day)
    {
      /* Translators: %s is a time of day, such as “14:32” */
      return g_strdup_printf (_("yesterday at %s"), time);
    }

  date = g_date_time_format (local, "%x");
  /* Translators: the first %s is a date, the second a time of day */
  return g_strdup_printf (_("%s at %s"), date, time);
}

static void
cc_window_update_title (CcWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_assert (CC_IS_WINDOW (self));

  if (self->project != NULL && cc_project_get_title (self->project) != NULL)
    name = g_strdup (cc_project_get_title (self->project));
  else if (self->file != NULL)
    name = dup_file_display_name (self->file);
  else if (self->project != NULL)
    name = g_strdup (_("Untitled Project"));
  else
    name = g_strdup (_("Crosscheck"));

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

static GSettings *
cc_window_get_settings (CcWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_assert (CC_IS_WINDOW (self));
  g_assert (CC_IS_APPLICATION (application));

  return cc_application_get_settings (CC_APPLICATION (application));
}

/* A new project compares with the settings the user chose as defaults. */
static CcProject *
cc_window_new_untitled_project (CcWindow *self)
{
  CcProject *project = cc_project_new ();

  cc_preferences_apply_defaults (cc_project_get_settings (project), cc_window_get_settings (self));
  cc_project_set_modified (project, FALSE);

  return project;
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
  gtk_widget_set_visible (GTK_WIDGET (self->overview_button), self->project != NULL);
}

/**
 * cc_window_show_toast:
 *
 * Tells the user of something that went wrong without stopping them, such as a draft that
 * could not be written.
 */
void
cc_window_show_toast (CcWindow   *self,
                      const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_assert (CC_IS_WINDOW (self));
  g_assert (message != NULL);

  /* The toast's title is markup in this libadwaita; file names may hold "&" or "<". */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Recent projects */

static void
cc_window_add_recent (CcWindow *self,
                      GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  g_assert (CC_IS_WINDOW (self));

  /* The title names the project in the list better than its file name does. */
  data.display_name = self->project != NULL ? (char *)cc_project_get_title (self->project) : NULL;
  data.mime_type = (char *)CC_PROJECT_MIME_TYPE;
  data.app_name = (char *)RECENT_APP_NAME;
  data.app_exec = (char *)RECENT_APP_EXEC;

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

typedef struct
{
  char  *uri;
  char  *name;
  GFile *file;
} RecentItem;

static void
recent_item_free (RecentItem *item)
{
  /* The thread takes the items it keeps out of the array of candidates. */
  if (item == NULL)
    return;

  g_clear_pointer (&item->uri, g_free);
  g_clear_pointer (&item->name, g_free);
  g_clear_object (&item->file);
  g_free (item);
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo * const *)a;
  GtkRecentInfo *info_b = *(GtkRecentInfo * const *)b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

/* Keeps the projects whose files are still there, so the list offers nothing that fails to
 * open. Files elsewhere than on this computer are kept unchecked: asking could hang. */
static void
recent_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *candidates = task_data;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)recent_item_free);

  for (guint i = 0; i < candidates->len && found->len < MAX_RECENT_SHOWN; i++)
    {
      RecentItem *item = g_ptr_array_index (candidates, i);

      if (g_task_return_error_if_cancelled (task))
        return;

      if (g_file_is_native (item->file) && !g_file_query_exists (item->file, cancellable))
        continue;

      g_ptr_array_add (found, g_steal_pointer (&candidates->pdata[i]));
    }

  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify)g_ptr_array_unref);
}

static GtkWidget *
create_recent_row (RecentItem *item)
{
  g_autofree char *location = dup_location_label (item->file);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), location);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", item->uri);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static void
cc_window_recent_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CcWindow) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GMenu) submenu = NULL;
  GtkWidget *child;

  items = g_task_propagate_pointer (G_TASK (result), NULL);
  if (items == NULL || cc_window_is_disposed (self))
    return;

  g_clear_object (&self->recent_cancellable);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  /* New Project and Open come first; the submenu, if any, after them. */
  while (g_menu_model_get_n_items (G_MENU_MODEL (self->open_section)) > N_OPEN_ITEMS)
    g_menu_remove (self->open_section, N_OPEN_ITEMS);
  submenu = g_menu_new ();

  for (guint i = 0; i < items->len; i++)
    {
      RecentItem *item = g_ptr_array_index (items, i);
      g_autoptr(GMenuItem) menu_item = NULL;
      g_autoptr(GString) label = g_string_new (item->name);

      gtk_list_box_append (self->recent_list, create_recent_row (item));

      /* An underscore in a title is a character here, not a mnemonic. */
      g_string_replace (label, "_", "__", 0);
      menu_item = g_menu_item_new (label->str, NULL);
      g_menu_item_set_action_and_target_value (menu_item, "win.open-recent",
                                               g_variant_new_string (item->uri));
      g_menu_append_item (submenu, menu_item);
    }

  if (items->len > 0)
    g_menu_append_submenu (self->open_section, _("_Recent Projects"), G_MENU_MODEL (submenu));

  gtk_widget_set_visible (self->recent_box, items->len > 0);
}

/* Rebuilds the recent projects shown on the empty page and in the menu, newest first. */
static void
cc_window_update_recents (CcWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *candidates;
  GList *infos;
  GPtrArray *sorted;

  g_assert (CC_IS_WINDOW (self));

  if (cc_window_is_disposed (self))
    return;

  infos = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  sorted = g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);
  for (GList *iter = infos; iter != NULL; iter = iter->next)
    {
      GtkRecentInfo *info = iter->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), CC_PROJECT_MIME_TYPE) == 0 ||
          gtk_recent_info_has_application (info, RECENT_APP_NAME))
        g_ptr_array_add (sorted, info);
      else
        gtk_recent_info_unref (info);
    }
  g_list_free (infos);
  g_ptr_array_sort (sorted, compare_recent_newest_first);

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)recent_item_free);
  for (guint i = 0; i < sorted->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (sorted, i);
      RecentItem *item = g_new0 (RecentItem, 1);

      item->uri = g_strdup (gtk_recent_info_get_uri (info));
      item->name = g_strdup (gtk_recent_info_get_display_name (info));
      item->file = g_file_new_for_uri (item->uri);
      g_ptr_array_add (candidates, item);
    }
  g_ptr_array_unref (sorted);

  g_cancellable_cancel (self->recent_cancellable);
  g_clear_object (&self->recent_cancellable);
  self->recent_cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->recent_cancellable, cc_window_recent_cb, g_object_ref (self));
  g_task_set_source_tag (task, cc_window_update_recents);
  g_task_set_task_data (task, candidates, (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, recent_thread);
}

/**
 * cc_window_open_recent:
 * @uri: a project's URI, from the recent projects
 *
 * Opens the project as Open does: in its own window, or in this one if it is empty.
 */
void
cc_window_open_recent (CcWindow   *self,
                       const char *uri)
{
  g_autoptr(GFile) file = NULL;
  GtkApplication *application;

  g_assert (CC_IS_WINDOW (self));
  g_assert (uri != NULL);

  file = g_file_new_for_uri (uri);
  application = gtk_window_get_application (GTK_WINDOW (self));

  if (CC_IS_APPLICATION (application))
    cc_application_open_file (CC_APPLICATION (application), file, self);
  else if (cc_window_is_empty (self))
    cc_window_open (self, file);
}

/* Drafts */

static void
cc_window_draft_removed_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  DraftOp *op = user_data;
  CcWindow *self = op->self;
  g_autoptr(GError) error = NULL;

  cc_drafts_remove_finish (CC_DRAFTS (object), result, &error);

  if (self->draft_op == op)
    self->draft_op = NULL;

  if (error != NULL && !cc_window_is_disposed (self))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not remove the draft of unsaved changes: %s"),
                                 error->message);
      cc_window_show_toast (self, message);
    }

  draft_op_free (op);
}

static void
draft_op_remove (DraftOp  *op,
                 CcDrafts *drafts)
{
  op->removing = TRUE;
  op->remove_after = FALSE;
  cc_drafts_remove_async (drafts, op->id, NULL, cc_window_draft_removed_cb, op);
}

static void
cc_window_draft_written_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  DraftOp *op = user_data;
  CcWindow *self = op->self;
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = cc_drafts_write_finish (CC_DRAFTS (object), result, &error);

  /* The changes were saved or discarded while this ran: what it wrote must go too. */
  if (op->remove_after)
    {
      draft_op_remove (op, CC_DRAFTS (object));
      return;
    }

  if (self->draft_op == op)
    self->draft_op = NULL;

  if (!cc_window_is_disposed (self) && g_strcmp0 (op->id, self->draft_id) == 0)
    {
      if (written)
        {
          self->drafted = TRUE;
          self->drafted_generation = op->generation;
          self->draft_error_shown = FALSE;
        }
      else if (!self->draft_error_shown)
        {
          g_autofree char *message = NULL;

          /* Once until a draft is written again, rather than every few seconds. */
          self->draft_error_shown = TRUE;
          /* Translators: %s is the reason */
          message = g_strdup_printf (_("Unsaved changes could not be kept in a draft: %s"),
                                     error->message);
          cc_window_show_toast (self, message);
        }
    }

  draft_op_free (op);
}

static void
cc_window_write_draft (CcWindow *self)
{
  DraftOp *op;

  g_assert (CC_IS_WINDOW (self));
  g_assert (self->draft_op == NULL);
  g_assert (self->project != NULL);

  op = g_new0 (DraftOp, 1);
  op->self = g_object_ref (self);
  op->id = g_strdup (self->draft_id);
  op->generation = cc_project_get_generation (self->project);

  self->draft_op = op;
  self->draft_on_disk = TRUE;
  cc_drafts_write_async (self->drafts, op->id, self->project, self->file, NULL,
                         cc_window_draft_written_cb, op);
}

static gboolean
cc_window_draft_timeout_cb (gpointer user_data)
{
  CcWindow *self = user_data;

  g_assert (CC_IS_WINDOW (self));

  self->draft_timeout_id = 0;

  if (self->project != NULL && cc_project_get_modified (self->project) &&
      self->draft_op == NULL &&
      !(self->drafted &&
        self->drafted_generation == cc_project_get_generation (self->project)))
    cc_window_write_draft (self);

  cc_window_schedule_draft (self);

  return G_SOURCE_REMOVE;
}

/* Keeps a timeout running while the project has unsaved changes; each time it fires, a
 * generation not yet drafted is written. Changes are thus kept a few seconds after they are
 * made, and an idle modified project costs a comparison every few seconds, not a write. */
static void
cc_window_schedule_draft (CcWindow *self)
{
  g_assert (CC_IS_WINDOW (self));

  if (self->project == NULL || !cc_project_get_modified (self->project))
    {
      g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
      return;
    }

  if (self->draft_timeout_id == 0)
    self->draft_timeout_id = g_timeout_add (draft_delay_msec, cc_window_draft_timeout_cb, self);
}

/* Removes the draft once the changes in it are saved or discarded. */
static void
cc_window_remove_draft (CcWindow *self)
{
  DraftOp *op;

  g_assert (CC_IS_WINDOW (self));

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->drafted = FALSE;

  if (self->draft_op != NULL && g_strcmp0 (self->draft_op->id, self->draft_id) == 0)
    {
      if (!self->draft_op->removing)
        self->draft_op->remove_after = TRUE;
      self->draft_on_disk = FALSE;
      return;
    }

  if (!self->draft_on_disk || self->draft_id == NULL)
    return;

  /* Still writing the draft of a project shown before: that one is not ours to remove, and
   * no write of this one can start until it is done. */
  if (self->draft_op != NULL)
    {
      cc_drafts_remove_async (self->drafts, self->draft_id, NULL, NULL, NULL);
      self->draft_on_disk = FALSE;
      return;
    }

  op = g_new0 (DraftOp, 1);
  op->self = g_object_ref (self);
  op->id = g_strdup (self->draft_id);
  self->draft_op = op;
  self->draft_on_disk = FALSE;
  draft_op_remove (op, self->drafts);
}

static void
on_project_notify_modified_cb (CcWindow   *self,
                               GParamSpec *pspec,
                               CcProject  *project)
{
  g_assert (CC_IS_WINDOW (self));

  cc_window_update_title (self);

  /* Saved, or otherwise no longer different from the file: the draft has nothing to keep. */
  if (cc_project_get_modified (project))
    cc_window_schedule_draft (self);
  else
    cc_window_remove_draft (self);
}

/**
 * cc_window_get_draft_id:
 *
 * Returns: (nullable): the id under which the project's unsaved changes are drafted
 */
const char *
cc_window_get_draft_id (CcWindow *self)
{
  g_assert (CC_IS_WINDOW (self));

  return self->draft_id;
}

/* Whether a draft is being written or removed; for tests. */
gboolean
cc_window_get_draft_busy (CcWindow *self)
{
  g_assert (CC_IS_WINDOW (self));

  return self->draft_op != NULL;
}

/* For tests, which cannot wait seconds for each draft. */
void
cc_window_set_draft_delay (guint msec)
{
  draft_delay_msec = MAX (msec, 1);
}

/**
 * cc_window_set_project:
 * @file: (nullable): the project's file, %NULL for a project never saved
 * @draft: (nullable): the draft @project was recovered from, whose id it keeps
 */
static void
cc_window_set_project (CcWindow  *self,
                       GFile     *file,
                       CcProject *project,
                       CcDraft   *draft)
{
  g_assert (CC_IS_WINDOW (self));
  g_assert (file == NULL || G_IS_FILE (file));
  g_assert (CC_IS_PROJECT (project));

  /* The draft of a project shown before stays on disk: it may be all that is left of it. */
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  g_free (self->draft_id);
  self->draft_id = draft != NULL ? g_strdup (cc_draft_get_id (draft)) : g_uuid_string_random ();
  self->drafted = draft != NULL;
  self->draft_on_disk = draft != NULL;
  self->drafted_generation = cc_project_get_generation (project);
  self->draft_error_shown = FALSE;

  g_set_object (&self->file, file);
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);

  cc_source_list_set_project (self->source_list, project);
  cc_matrix_view_set_project (self->matrix_view, project);
  g_signal_group_set_target (self->settings_signals, cc_project_get_settings (project));
  gtk_drop_down_set_model (self->left_dropdown, cc_project_get_sources (project));
  gtk_drop_down_set_model (self->right_dropdown, cc_project_get_sources (project));
  /* Start with the first two sources side by side. */
  gtk_drop_down_set_selected (self->left_dropdown, 0);
  gtk_drop_down_set_selected (self->right_dropdown,
                              cc_project_get_n_sources (project) > 1 ? 1 : 0);
  cc_window_update_page (self);
  /* A project without sources selects nothing, which the selection does not notify. */
  cc_window_update_source_page (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_list));

  cc_window_update_title (self);
  cc_window_actions_update (self);
  cc_window_schedule_draft (self);

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

static const char *
draft_display_name (CcDraft *draft,
                    char   **to_free)
{
  if (cc_draft_get_title (draft) != NULL)
    return cc_draft_get_title (draft);

  if (cc_draft_get_file (draft) != NULL)
    return (*to_free = dup_file_display_name (cc_draft_get_file (draft)));

  return _("Untitled Project");
}

static void
on_draft_error_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            CcWindow         *self)
{
  CcDraft *draft = g_object_get_data (G_OBJECT (dialog), "draft");

  g_assert (CC_IS_WINDOW (self));

  /* Only the user deletes a draft that could not be read: it may hold what can be rescued. */
  if (g_strcmp0 (response, "delete") == 0)
    cc_drafts_remove_async (self->drafts, cc_draft_get_id (draft), NULL, NULL, NULL);
}

static void
cc_window_show_draft_error (CcWindow     *self,
                            CcDraft      *draft,
                            const GError *error)
{
  g_autofree char *to_free = NULL;
  g_autofree char *location = NULL;
  AdwMessageDialog *dialog;

  g_assert (CC_IS_WINDOW (self));
  g_assert (draft != NULL);
  g_assert (error != NULL);

  location = g_file_get_parse_name (cc_draft_get_contents (draft));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Recover Unsaved Changes"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: the first %s is a project's title, the
                                   * second the reason, the third the draft's file */
                                  _("The draft of “%s” could not be read: %s\n\n"
                                    "It is kept in “%s”."),
                                  draft_display_name (draft, &to_free), error->message, location);
  adw_message_dialog_add_responses (dialog,
                                    "delete", _("_Delete Draft"),
                                    "close", _("_Keep Draft"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "draft", cc_draft_ref (draft),
                          (GDestroyNotify)cc_draft_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_draft_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cc_window_add_pending_sources (CcWindow *self)
{
  g_autoptr(GListStore) sources = NULL;
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending_sources);

  if (pending == NULL)
    return;

  sources = g_list_store_new (CC_TYPE_SOURCE);
  for (guint i = 0; i < pending->len; i++)
    g_list_store_append (sources, g_ptr_array_index (pending, i));

  cc_window_add_sources (self, G_LIST_MODEL (sources));
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

  if (project == NULL && data->draft != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      cc_window_show_draft_error (self, data->draft, error);

      /* The project as last saved is the next best thing. */
      if (data->file != NULL)
        {
          g_clear_pointer (&data->draft, cc_draft_unref);
          cc_window_load (self, g_steal_pointer (&data));
          return;
        }

      g_clear_error (&error);
    }

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);

  if (project != NULL && data->draft != NULL)
    {
      /* Recovered changes are unsaved changes, bound to the file they were made to. */
      cc_project_set_modified (project, TRUE);
      cc_window_set_project (self, data->file, project, data->draft);
    }
  else if (project != NULL)
    {
      cc_window_set_project (self, data->file, project, NULL);
      cc_window_add_recent (self, data->file);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      cc_window_show_load_error (self, error);
    }

  cc_window_update_page (self);
  cc_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  cc_window_add_pending_sources (self);
}

/* Reads what @data names; the window stays loading until it is read. */
static void
cc_window_load (CcWindow *self,
                LoadData *data)
{
  GFile *file;

  g_assert (CC_IS_WINDOW (self));
  g_assert (data->cancellable == self->load_cancellable);

  file = data->draft != NULL ? cc_draft_get_contents (data->draft) : data->file;
  cc_project_load_async (file, data->cancellable, cc_window_load_cb, data);
}

/* Called when the load of @data is dropped without reading anything. */
static void
cc_window_stop_loading (CcWindow *self,
                        LoadData *data)
{
  g_assert (CC_IS_WINDOW (self));

  if (data->cancellable != self->load_cancellable)
    return;

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);

  cc_window_update_page (self);
  cc_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  cc_window_add_pending_sources (self);
}

/**
 * cc_window_new_recover_dialog:
 * @opening: whether the user is opening the draft's file, rather than starting Crosscheck
 *
 * Asks whether to recover @draft, with the responses "recover", "discard" and "cancel".
 *
 * Returns: (transfer none): the question, not yet presented
 */
GtkWidget *
cc_window_new_recover_dialog (CcWindow *self,
                              CcDraft  *draft,
                              gboolean  opening)
{
  g_autofree char *to_free = NULL;
  g_autofree char *when = NULL;
  AdwMessageDialog *dialog;
  const char *name;

  g_assert (CC_IS_WINDOW (self));
  g_assert (draft != NULL);

  name = draft_display_name (draft, &to_free);
  when = dup_time_label (cc_draft_get_saved (draft));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Recover Unsaved Changes?"), NULL));
  if (opening)
    {
      adw_message_dialog_format_body (dialog,
                                      /* Translators: the first %s is a project's title, the
                                       * second a time such as “today at 14:32” */
                                      _("“%s” has changes from %s that were not saved. "
                                        "Recover them, or discard them and open the project "
                                        "as it was last saved?"),
                                      name, when);
    }
  else if (cc_draft_get_file (draft) != NULL)
    {
      g_autofree char *location = dup_location_label (cc_draft_get_file (draft));

      /* Two projects may share a title; the file tells them apart. */
      adw_message_dialog_format_body (dialog,
                                      /* Translators: the first %s is a project's title, the
                                       * second its file, such as “~/Documents/a.crosscheck”,
                                       * the third a time such as “today at 14:32” */
                                      _("“%s” (%s) has changes from %s that were not saved "
                                        "before Crosscheck closed. Discarded changes are "
                                        "permanently lost."),
                                      name, location, when);
    }
  else
    {
      adw_message_dialog_format_body (dialog,
                                      /* Translators: the first %s is a project's title, the
                                       * second a time such as “today at 14:32” */
                                      _("“%s” has changes from %s that were not saved before "
                                        "Crosscheck closed. Discarded changes are permanently "
                                        "lost."),
                                      name, when);
    }

  adw_message_dialog_add_responses (dialog,
                                    "cancel", opening ? _("_Cancel") : _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  return GTK_WIDGET (dialog);
}

static void
on_recover_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               CcWindow         *self)
{
  LoadData *data = g_object_steal_data (G_OBJECT (dialog), "load-data");

  g_assert (CC_IS_WINDOW (self));
  g_assert (data != NULL);

  /* Another open took over while the question was shown. */
  if (data->cancellable != self->load_cancellable)
    {
      load_data_free (data);
      return;
    }

  if (g_strcmp0 (response, "recover") == 0)
    {
      cc_window_load (self, data);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      cc_drafts_remove_async (self->drafts, cc_draft_get_id (data->draft), NULL, NULL, NULL);
      g_clear_pointer (&data->draft, cc_draft_unref);
      cc_window_load (self, data);
    }
  else
    {
      cc_window_stop_loading (self, data);
      load_data_free (data);
    }
}

static void
cc_window_find_draft_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(CcDraft) draft = NULL;
  CcWindow *self = data->self;
  GtkWidget *dialog;

  /* Drafts that cannot be looked for are no reason not to open the file. */
  draft = cc_drafts_find_newer_finish (CC_DRAFTS (object), result, NULL);

  if (data->cancellable != self->load_cancellable)
    return;

  if (draft == NULL)
    {
      cc_window_load (self, g_steal_pointer (&data));
      return;
    }

  data->draft = g_steal_pointer (&draft);
  dialog = cc_window_new_recover_dialog (self, data->draft, TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "load-data", g_steal_pointer (&data),
                          (GDestroyNotify)load_data_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recover_dialog_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  if (cc_window_is_disposed (self))
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

  if (data->project == self->project)
    cc_window_add_recent (self, data->file);

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
      cc_window_remove_draft (self);

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

/* The right-hand side reads one source, compares two when the Compare button is on, or shows
 * every pair when the Overview button is. */
static void
cc_window_update_source_page (CcWindow *self)
{
  const char *page = "no-sources";

  if (gtk_toggle_button_get_active (self->overview_button) && self->project != NULL &&
      cc_project_get_n_sources (self->project) > 0)
    page = "overview";
  else if (gtk_single_selection_get_selected_item (self->sources_selection) != NULL)
    page = gtk_toggle_button_get_active (self->compare_button) ? "compare" : "source";

  gtk_stack_set_visible_child_name (self->source_stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_button), self->project != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->overview_button), self->project != NULL);
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

  /* Comparing and the overview take the same place: one turns the other off. */
  if (gtk_toggle_button_get_active (button))
    gtk_toggle_button_set_active (self->overview_button, FALSE);

  cc_window_update_source_page (self);
  cc_window_update_comparison (self);
}

static void
on_overview_button_notify_active_cb (GtkToggleButton *button,
                                     GParamSpec      *pspec,
                                     CcWindow        *self)
{
  g_assert (CC_IS_WINDOW (self));

  if (gtk_toggle_button_get_active (button))
    gtk_toggle_button_set_active (self->compare_button, FALSE);

  cc_window_update_source_page (self);
}

/* Shows @left and @right side by side; either may be NULL to keep what that side shows. */
static void
cc_window_compare (CcWindow *self,
                   CcSource *left,
                   CcSource *right)
{
  guint position;

  g_assert (CC_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  if (left != NULL && cc_project_find_position (self->project, left, &position))
    gtk_drop_down_set_selected (self->left_dropdown, position);
  if (right != NULL && cc_project_find_position (self->project, right, &position))
    gtk_drop_down_set_selected (self->right_dropdown, position);

  gtk_toggle_button_set_active (self->compare_button, TRUE);
}

static void
on_source_list_compare_left_cb (CcSourceList *list,
                                CcSource     *source,
                                CcWindow     *self)
{
  cc_window_compare (self, source, NULL);
}

static void
on_source_list_compare_right_cb (CcSourceList *list,
                                 CcSource     *source,
                                 CcWindow     *self)
{
  cc_window_compare (self, NULL, source);
}

static void
on_source_list_add_toast_cb (CcSourceList *list,
                             AdwToast     *toast,
                             CcWindow     *self)
{
  g_assert (CC_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
on_matrix_view_pair_activated_cb (CcMatrixView *view,
                                  CcSource     *row_source,
                                  CcSource     *column_source,
                                  CcWindow     *self)
{
  cc_window_compare (self, row_source, column_source);
}

/* The comparison view offers to exclude a selection; the source keeps it, so the project
 * saves it, and the pair is compared again without it. */
static void
on_comparison_view_exclude_range_cb (CcComparisonView *view,
                                     gboolean          right,
                                     guint             start,
                                     guint             end,
                                     CcWindow         *self)
{
  CcSource *source;

  g_assert (CC_IS_WINDOW (self));

  source = gtk_drop_down_get_selected_item (right ? self->right_dropdown : self->left_dropdown);
  if (source == NULL || !cc_source_add_excluded (source, start, end))
    return;

  cc_window_update_comparison (self);
}

static void
on_comparison_view_include_range_cb (CcComparisonView *view,
                                     gboolean          right,
                                     guint             start,
                                     guint             end,
                                     CcWindow         *self)
{
  CcSource *source;
  const CcRange *excluded;
  guint n_excluded;

  g_assert (CC_IS_WINDOW (self));

  source = gtk_drop_down_get_selected_item (right ? self->right_dropdown : self->left_dropdown);
  if (source == NULL)
    return;

  excluded = cc_source_get_excluded (source, &n_excluded);
  for (guint i = 0; i < n_excluded; i++)
    {
      if (excluded[i].start == start && excluded[i].end == end)
        {
          cc_source_remove_excluded (source, i);
          cc_window_update_comparison (self);
          return;
        }
    }
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
on_source_list_notify_selected_source_cb (CcSourceList *list,
                                          GParamSpec   *pspec,
                                          CcWindow     *self)
{
  g_assert (CC_IS_SOURCE_LIST (list));
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

/* Importing */

static void
cc_window_select_source_at (CcWindow *self,
                            guint     position)
{
  g_autoptr(CcSource) source = NULL;

  g_assert (CC_IS_WINDOW (self));

  source = g_list_model_get_item (G_LIST_MODEL (self->sources_selection), position);
  if (source != NULL)
    cc_source_list_set_selected_source (self->source_list, source);
}

/**
 * cc_window_add_sources:
 * @sources: (element-type CcSource): sources in no project yet
 *
 * Appends @sources to the project, each with an id of its own, and selects the first. A
 * window without a project starts an untitled one; one still loading adds them once loaded.
 */
void
cc_window_add_sources (CcWindow   *self,
                       GListModel *sources)
{
  guint n_sources;
  guint first;

  g_assert (CC_IS_WINDOW (self));
  g_assert (G_IS_LIST_MODEL (sources));

  n_sources = g_list_model_get_n_items (sources);
  if (n_sources == 0)
    return;

  if (self->project == NULL && self->load_cancellable != NULL)
    {
      if (self->pending_sources == NULL)
        self->pending_sources = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_sources; i++)
        g_ptr_array_add (self->pending_sources, g_list_model_get_item (sources, i));
      return;
    }

  if (self->project == NULL)
    {
      g_autoptr(CcProject) project = cc_window_new_untitled_project (self);
      cc_window_set_project (self, NULL, project, NULL);
    }

  first = cc_project_get_n_sources (self->project);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(CcSource) source = g_list_model_get_item (sources, i);
      g_autofree char *id = NULL;
      const char *hint;

      /* The outlet makes the shorter id, and the one a reader of the command line knows. */
      hint = cc_source_get_outlet (source);
      if (hint == NULL)
        hint = cc_source_get_title (source);
      id = cc_project_make_unique_id (self->project, hint);
      cc_source_set_id (source, id);
      cc_project_add_source (self->project, source);
    }

  cc_window_select_source_at (self, first);
}

static void
on_import_dialog_add_sources_cb (CcImportDialog *dialog,
                                 GListModel     *sources,
                                 CcWindow       *self)
{
  g_assert (CC_IS_WINDOW (self));

  cc_window_add_sources (self, sources);
}

/**
 * cc_window_import_files:
 *
 * Imports @files in the background and asks the user to review them; the sources they add
 * join this window's project.
 *
 * Returns: (transfer none): the review dialog
 */
CcImportDialog *
cc_window_import_files (CcWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  CcImportDialog *dialog;

  g_assert (CC_IS_WINDOW (self));
  g_assert (files != NULL || n_files == 0);

  dialog = cc_import_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "add-sources",
                           G_CALLBACK (on_import_dialog_add_sources_cb), self, 0);
  cc_import_dialog_import (dialog, files, n_files);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static gboolean
is_project_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL && g_str_has_suffix (basename, CC_PROJECT_FILE_SUFFIX);
}

/**
 * cc_window_drop_files:
 * @files: (element-type GFile): the files dropped
 *
 * Opens the projects among @files, as Open does, and imports the rest.
 *
 * Returns: whether there was anything to take
 */
gboolean
cc_window_drop_files (CcWindow *self,
                      GSList   *files)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  GtkApplication *application;

  g_assert (CC_IS_WINDOW (self));

  application = gtk_window_get_application (GTK_WINDOW (self));

  for (const GSList *iter = files; iter != NULL; iter = iter->next)
    {
      GFile *file = iter->data;

      if (!is_project_file (file))
        g_ptr_array_add (articles, file);
      else if (CC_IS_APPLICATION (application))
        cc_application_open_file (CC_APPLICATION (application), file, self);
      else if (cc_window_is_empty (self))
        cc_window_open (self, file);
    }

  if (articles->len > 0)
    cc_window_import_files (self, (GFile **)articles->pdata, articles->len);

  return files != NULL;
}

static void
cc_window_set_drop_hint_visible (CcWindow *self,
                                 gboolean  visible)
{
  gtk_widget_set_visible (self->drop_hint, visible);

  if (visible)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dropping");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dropping");
}

static GdkDragAction
on_drop_target_enter_cb (GtkDropTarget *target,
                         double         x,
                         double         y,
                         CcWindow      *self)
{
  g_assert (CC_IS_WINDOW (self));

  cc_window_set_drop_hint_visible (self, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_target_leave_cb (GtkDropTarget *target,
                         CcWindow      *self)
{
  g_assert (CC_IS_WINDOW (self));

  cc_window_set_drop_hint_visible (self, FALSE);
}

static gboolean
on_drop_target_drop_cb (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        CcWindow      *self)
{
  GSList *files;
  gboolean taken;

  g_assert (CC_IS_WINDOW (self));

  cc_window_set_drop_hint_visible (self, FALSE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  taken = cc_window_drop_files (self, files);
  g_slist_free (files);

  return taken;
}

static void
cc_window_dispose (GObject *object)
{
  CcWindow *self = (CcWindow *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);

  g_cancellable_cancel (self->recent_cancellable);
  g_clear_object (&self->recent_cancellable);

  g_clear_weak_pointer (&self->close_dialog);

  /* A draft write under way finishes on its own. The draft stays: the window can go without
   * the user deciding about its changes, as when the session ends, and then the draft is
   * what brings them back. */
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->settings_signals != NULL)
    g_signal_group_set_target (self->settings_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_WINDOW);

  g_clear_object (&self->project_signals);
  g_clear_object (&self->settings_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_pointer (&self->pending_sources, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_window_parent_class)->dispose (object);
}

/* The settings belong to the application, which GtkWindow:application only sets after
 * constructed() has run, so cc_window_new() binds them once the window has it. */
static void
cc_window_bind_settings (CcWindow *self)
{
  GSettings *settings = cc_window_get_settings (self);

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sync-scrolling", self->comparison_view, "lock-scrolling",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
cc_window_finalize (GObject *object)
{
  CcWindow *self = (CcWindow *)object;

  g_clear_pointer (&self->draft_id, g_free);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (cc_window_parent_class)->finalize (object);
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
  object_class->finalize = cc_window_finalize;
  object_class->get_property = cc_window_get_property;

  window_class->close_request = cc_window_close_request;

  /**
   * CcWindow:file:
   *
   * The file of the project shown; it changes only once a load has succeeded. %NULL for a
   * project never saved.
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

  g_type_ensure (CC_TYPE_SOURCE_LIST);
  g_type_ensure (CC_TYPE_MATRIX_VIEW);
  g_type_ensure (CC_TYPE_SOURCE_VIEW);
  g_type_ensure (CC_TYPE_COMPARISON_VIEW);
  g_type_ensure (CC_TYPE_SOURCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, drop_hint);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, open_section);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, project_paned);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, source_list);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, source_stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, compare_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, overview_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, left_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, right_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, swap_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, comparison_view);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_button_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compared_source_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_swap_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_button_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_list_notify_selected_source_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_list_compare_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_list_compare_right_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_list_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_matrix_view_pair_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_comparison_view_exclude_range_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_comparison_view_include_range_cb);

  cc_window_class_actions_init (klass);
}

static void
cc_window_init (CcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The list's own selection, which the rest of the window reads. */
  self->sources_selection = cc_source_list_get_selection (self->source_list);
  g_signal_connect_object (self->sources_selection, "items-changed",
                           G_CALLBACK (on_sources_selection_items_changed_cb), self, 0);

  self->drafts = g_object_ref (cc_drafts_get_default ());

  /* Whatever the comparison settings of the project shown change to, it is compared again. */
  self->settings_signals = g_signal_group_new (CC_TYPE_COMPARISON_SETTINGS);
  g_signal_group_connect_swapped (self->settings_signals, "notify",
                                  G_CALLBACK (cc_window_update_comparison), self);

  self->project_signals = g_signal_group_new (CC_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::title",
                                  G_CALLBACK (cc_window_update_title), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::modified",
                                  G_CALLBACK (on_project_notify_modified_cb), self);

  /* Files dropped anywhere in the window, even on a text view that takes text. */
  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drop_target),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->drop_target, "enter",
                           G_CALLBACK (on_drop_target_enter_cb), self, 0);
  g_signal_connect_object (self->drop_target, "leave",
                           G_CALLBACK (on_drop_target_leave_cb), self, 0);
  g_signal_connect_object (self->drop_target, "drop",
                           G_CALLBACK (on_drop_target_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (cc_window_update_recents), self, G_CONNECT_SWAPPED);
  cc_window_update_recents (self);

  cc_window_update_page (self);
  cc_window_update_title (self);
  cc_window_actions_update (self);
}

CcWindow *
cc_window_new (CcApplication *application)
{
  CcWindow *self;

  g_return_val_if_fail (CC_IS_APPLICATION (application), NULL);

  self = g_object_new (CC_TYPE_WINDOW,
                       "application", application,
                       NULL);
  cc_window_bind_settings (self);

  return self;
}

/* Starts a load, replacing any under way; the caller goes on with cc_window_load() or a
 * question first. */
static LoadData *
cc_window_begin_load (CcWindow *self,
                      GFile    *file,
                      CcDraft  *draft)
{
  LoadData *data;
  gboolean was_loading;

  g_assert (CC_IS_WINDOW (self));

  was_loading = cc_window_get_loading (self);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_set_object (&self->loading_file, file);

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  data->draft = draft != NULL ? cc_draft_ref (draft) : NULL;
  data->cancellable = g_object_ref (self->load_cancellable);

  cc_window_update_page (self);
  cc_window_actions_update (self);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  return data;
}

/**
 * cc_window_open:
 *
 * Loads @file in the background and shows it once it is loaded. If loading fails the window
 * tells the user and keeps what it showed before. A newer call cancels an older load. When
 * a draft holds changes to @file newer than the file, the user is asked whether to recover
 * them first.
 */
void
cc_window_open (CcWindow *self,
                GFile    *file)
{
  LoadData *data;

  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  data = cc_window_begin_load (self, file, NULL);
  cc_drafts_find_newer_async (self->drafts, file, data->cancellable,
                              cc_window_find_draft_cb, data);
}

/**
 * cc_window_recover_draft:
 *
 * Loads @draft as a modified project bound to the draft's file, so that saving writes that
 * file. A draft that cannot be read is kept, and the user is told why.
 */
void
cc_window_recover_draft (CcWindow *self,
                         CcDraft  *draft)
{
  g_assert (CC_IS_WINDOW (self));
  g_assert (draft != NULL);

  cc_window_load (self, cc_window_begin_load (self, cc_draft_get_file (draft), draft));
}

/**
 * cc_window_new_project:
 *
 * Shows a new, empty, untitled project in the window, in place of anything it showed.
 */
void
cc_window_new_project (CcWindow *self)
{
  g_autoptr(CcProject) project = NULL;
  gboolean was_loading;

  g_return_if_fail (CC_IS_WINDOW (self));

  was_loading = cc_window_get_loading (self);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);

  project = cc_window_new_untitled_project (self);
  cc_window_set_project (self, NULL, project, NULL);

  if (was_loading)
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

/* Empty windows are reused for the next project opened, rather than opening another: those
 * with no project, and those with a new project the user has done nothing with. */
gboolean
cc_window_is_empty (CcWindow *self)
{
  g_assert (CC_IS_WINDOW (self));

  if (self->load_cancellable != NULL)
    return FALSE;

  return self->project == NULL ||
         (self->file == NULL &&
          !cc_project_get_modified (self->project) &&
          cc_project_get_n_sources (self->project) == 0);
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
 * Saves the project to @file in the background; once saved, @file is the window's file. On
 * failure the window says why and the project stays as it was, modified. Only files chosen by
 * the user come here, and the window's own file, which is only ever one that loaded: a file
 * that failed to load is never written.
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
