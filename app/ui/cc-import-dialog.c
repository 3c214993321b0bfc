/* cc-import-dialog.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-import-dialog"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-import.h"
#include "cc-import-dialog.h"

/* The user checks what the importer made of each file before it joins the project: titles
 * taken from a page's <title> often carry the outlet's name, and plain text has no metadata
 * beyond its first line. */

#define DATE_FORMAT "%Y-%m-%d"

typedef struct
{
  GFile          *file;
  CcSource       *source;
  GtkCheckButton *include;
  AdwEntryRow    *title_row;
  AdwEntryRow    *outlet_row;
  AdwEntryRow    *author_row;
  AdwEntryRow    *published_row;
} Item;

struct _CcImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *add_button;
  GtkStack            *stack;
  GtkBox              *groups_box;

  AdwPreferencesGroup *errors_group;
  GPtrArray           *items;
  guint                n_errors;

  GCancellable        *cancellable;
  guint                importing : 1;
};

G_DEFINE_FINAL_TYPE (CcImportDialog, cc_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_IMPORTING,
  N_PROPS
};

enum {
  ADD_SOURCES,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
item_free (Item *item)
{
  g_clear_object (&item->file);
  g_clear_object (&item->source);
  g_free (item);
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* Parses a date typed as YYYY-MM-DD. An empty text is no date, which is valid too. */
static gboolean
parse_date (const char  *text,
            GDateTime  **date)
{
  guint year, month, day;

  *date = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  *date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  return *date != NULL;
}

static gboolean
item_date_is_valid (Item *item)
{
  g_autoptr(GDateTime) date = NULL;

  return parse_date (gtk_editable_get_text (GTK_EDITABLE (item->published_row)), &date);
}

static void
cc_import_dialog_update_add_button (CcImportDialog *self)
{
  gboolean any = FALSE;
  gboolean valid = TRUE;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (!gtk_check_button_get_active (item->include))
        continue;

      any = TRUE;
      valid = valid && item_date_is_valid (item);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !self->importing && any && valid);
}

static void
on_published_row_changed_cb (GtkEditable    *editable,
                             CcImportDialog *self)
{
  g_autoptr(GDateTime) date = NULL;

  g_assert (CC_IS_IMPORT_DIALOG (self));

  /* Marked as well as blocking Add, so the user sees which date is wrong. */
  if (parse_date (gtk_editable_get_text (editable), &date))
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");

  cc_import_dialog_update_add_button (self);
}

static void
on_include_notify_active_cb (GtkCheckButton *button,
                             GParamSpec     *pspec,
                             CcImportDialog *self)
{
  g_assert (CC_IS_IMPORT_DIALOG (self));

  cc_import_dialog_update_add_button (self);
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (group, row);

  return ADW_ENTRY_ROW (row);
}

static char *
dup_description (CcSource *source)
{
  guint words = cc_source_get_word_count (source);
  g_autofree char *count = NULL;

  /* Translators: the number of words in an imported article */
  count = g_strdup_printf (ngettext ("%u word", "%u words", words), words);

  if (cc_source_get_encoding (source) == NULL)
    return g_steal_pointer (&count);

  /* Translators: the first %s is a character encoding such as “UTF-8”, the second a number of
   * words such as “420 words” */
  return g_strdup_printf (_("%s · %s"), cc_source_get_encoding (source), count);
}

static void
cc_import_dialog_update_subtitle (CcImportDialog *self)
{
  g_autofree char *subtitle = NULL;
  guint n = self->items->len;

  if (self->n_errors == 0)
    {
      /* Translators: the number of articles read for importing */
      subtitle = g_strdup_printf (ngettext ("%u article", "%u articles", n), n);
    }
  else
    {
      /* Translators: the number of articles read for importing, then the number of files
       * that could not be imported */
      subtitle = g_strdup_printf (ngettext ("%u article, %u failed", "%u articles, %u failed", n),
                                  n, self->n_errors);
    }

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/**
 * cc_import_dialog_add_source:
 * @file: the file @source was imported from
 * @source: a source the importer made, not yet in any project
 *
 * Lists @source for review, with its title, outlet, author and publication date editable.
 */
void
cc_import_dialog_add_source (CcImportDialog *self,
                             GFile          *file,
                             CcSource       *source)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *published = NULL;
  g_autofree char *include_label = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *escaped_description = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *include;
  Item *item;

  g_return_if_fail (CC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (CC_IS_SOURCE (source));

  name = dup_display_name (file);
  description = dup_description (source);
  if (cc_source_get_published (source) != NULL)
    published = g_date_time_format (cc_source_get_published (source), DATE_FORMAT);

  /* A group's title and description are markup in this libadwaita; file names may hold "&". */
  escaped_name = g_markup_escape_text (name, -1);
  escaped_description = g_markup_escape_text (description, -1);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, escaped_name);
  adw_preferences_group_set_description (group, escaped_description);

  include = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (include), TRUE);
  gtk_widget_set_valign (include, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (include, _("Add this article"));
  /* Translators: %s is a file name */
  include_label = g_strdup_printf (_("Add “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (include),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, include_label,
                                  -1);
  adw_preferences_group_set_header_suffix (group, include);

  item = g_new0 (Item, 1);
  item->file = g_object_ref (file);
  item->source = g_object_ref (source);
  item->include = GTK_CHECK_BUTTON (include);
  item->title_row = add_entry_row (group, _("Title"), cc_source_get_title (source));
  item->outlet_row = add_entry_row (group, _("Outlet"), cc_source_get_outlet (source));
  item->author_row = add_entry_row (group, _("Author"), cc_source_get_author (source));
  item->published_row = add_entry_row (group, _("Published (YYYY-MM-DD)"), published);
  g_ptr_array_add (self->items, item);

  g_signal_connect_object (item->published_row, "changed",
                           G_CALLBACK (on_published_row_changed_cb), self, 0);
  g_signal_connect_object (include, "notify::active",
                           G_CALLBACK (on_include_notify_active_cb), self, 0);

  gtk_box_append (self->groups_box, GTK_WIDGET (group));

  cc_import_dialog_update_subtitle (self);
  cc_import_dialog_update_add_button (self);
}

/**
 * cc_import_dialog_add_error:
 *
 * Lists @file among those that could not be imported, with the reason.
 */
void
cc_import_dialog_add_error (CcImportDialog *self,
                            GFile          *file,
                            const GError   *error)
{
  g_autofree char *name = NULL;
  GtkWidget *row;
  GtkWidget *icon;

  g_return_if_fail (CC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (error != NULL);

  /* First in the dialog, so a failure is not missed below a long list. */
  if (self->errors_group == NULL)
    {
      self->errors_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->errors_group, _("Could Not Import"));
      gtk_box_prepend (self->groups_box, GTK_WIDGET (self->errors_group));
    }

  name = dup_display_name (file);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->errors_group, row);

  self->n_errors++;
  cc_import_dialog_update_subtitle (self);
}

static void
on_cancel_button_clicked_cb (GtkButton      *button,
                             CcImportDialog *self)
{
  g_assert (CC_IS_IMPORT_DIALOG (self));

  gtk_window_close (GTK_WINDOW (self));
}

static char *
dup_stripped_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* Writes what the user typed into the source, keeping the importer's full date and time
 * where the date shown was left as it was. */
static void
item_apply (Item *item)
{
  g_autofree char *title = dup_stripped_text (item->title_row);
  g_autofree char *outlet = dup_stripped_text (item->outlet_row);
  g_autofree char *author = dup_stripped_text (item->author_row);
  g_autofree char *published = dup_stripped_text (item->published_row);
  g_autofree char *detected = NULL;
  g_autoptr(GDateTime) date = NULL;

  cc_source_set_title (item->source, title);
  cc_source_set_outlet (item->source, outlet);
  cc_source_set_author (item->source, author);

  if (cc_source_get_published (item->source) != NULL)
    detected = g_date_time_format (cc_source_get_published (item->source), DATE_FORMAT);

  if (g_strcmp0 (published, detected) != 0 && parse_date (published, &date))
    cc_source_set_published (item->source, date);
}

static void
on_add_button_clicked_cb (GtkButton      *button,
                          CcImportDialog *self)
{
  g_autoptr(GListStore) sources = NULL;

  g_assert (CC_IS_IMPORT_DIALOG (self));

  cc_import_dialog_update_add_button (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;

  sources = g_list_store_new (CC_TYPE_SOURCE);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (!gtk_check_button_get_active (item->include))
        continue;

      item_apply (item);
      g_list_store_append (sources, item->source);
    }

  g_object_ref (self);
  g_signal_emit (self, signals[ADD_SOURCES], 0, sources);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

typedef struct
{
  GFile    *file;
  CcSource *source;
  GError   *error;
} ImportResult;

static void
import_result_clear (ImportResult *result)
{
  g_clear_object (&result->file);
  g_clear_object (&result->source);
  g_clear_error (&result->error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (ImportResult));

  g_array_set_clear_func (results, (GDestroyNotify)import_result_clear);

  for (guint i = 0; i < files->len; i++)
    {
      ImportResult result = { 0 };

      if (g_task_return_error_if_cancelled (task))
        return;

      result.file = g_object_ref (g_ptr_array_index (files, i));
      result.source = cc_import_file (result.file, CC_IMPORT_FORMAT_AUTO, cancellable,
                                      &result.error);
      g_array_append_val (results, result);
    }

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify)g_array_unref);
}

static void
cc_import_dialog_set_importing (CcImportDialog *self,
                                gboolean        importing)
{
  if (self->importing == !!importing)
    return;

  self->importing = !!importing;
  gtk_stack_set_visible_child_name (self->stack, importing ? "importing" : "review");
  cc_import_dialog_update_add_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

static void
cc_import_dialog_import_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(CcImportDialog) self = user_data;
  g_autoptr(GArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  if (results == NULL)
    return;

  g_clear_object (&self->cancellable);

  for (guint i = 0; i < results->len; i++)
    {
      ImportResult *import = &g_array_index (results, ImportResult, i);

      if (import->source != NULL)
        cc_import_dialog_add_source (self, import->file, import->source);
      else
        cc_import_dialog_add_error (self, import->file, import->error);
    }

  cc_import_dialog_set_importing (self, FALSE);

  /* Nothing to add: the one way out is to close. */
  if (self->items->len == 0)
    gtk_button_set_label (self->cancel_button, _("_Close"));

  /* The first title is what most often needs mending. */
  if (self->items->len > 0)
    {
      Item *first = g_ptr_array_index (self->items, 0);
      gtk_widget_grab_focus (GTK_WIDGET (first->title_row));
    }
}

/**
 * cc_import_dialog_import:
 *
 * Imports @files in a worker thread with the core importer, then lists each for review, or
 * with the reason it could not be imported. Closing the dialog stops the import.
 */
void
cc_import_dialog_import (CcImportDialog  *self,
                         GFile          **files,
                         guint            n_files)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *array;

  g_return_if_fail (CC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (self->cancellable == NULL);

  array = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (array, g_object_ref (files[i]));

  self->cancellable = g_cancellable_new ();
  cc_import_dialog_set_importing (self, TRUE);

  task = g_task_new (NULL, self->cancellable, cc_import_dialog_import_cb, g_object_ref (self));
  g_task_set_source_tag (task, cc_import_dialog_import);
  g_task_set_task_data (task, array, (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, import_thread);
}

gboolean
cc_import_dialog_get_importing (CcImportDialog *self)
{
  g_return_val_if_fail (CC_IS_IMPORT_DIALOG (self), FALSE);
  return self->importing;
}

static void
cc_import_dialog_dispose (GObject *object)
{
  CcImportDialog *self = (CcImportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_IMPORT_DIALOG);
  self->errors_group = NULL;

  G_OBJECT_CLASS (cc_import_dialog_parent_class)->dispose (object);
}

static void
cc_import_dialog_finalize (GObject *object)
{
  CcImportDialog *self = (CcImportDialog *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_import_dialog_parent_class)->finalize (object);
}

static void
cc_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CcImportDialog *self = CC_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_IMPORTING:
      g_value_set_boolean (value, self->importing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_import_dialog_class_init (CcImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_import_dialog_dispose;
  object_class->finalize = cc_import_dialog_finalize;
  object_class->get_property = cc_import_dialog_get_property;

  /**
   * CcImportDialog:importing:
   *
   * Whether the files are still being read; the review appears once they are.
   */
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", "Importing", "Whether the files are still being read",
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcImportDialog::add-sources:
   * @sources: (element-type CcSource): the sources the user kept, as edited
   *
   * Emitted when the user adds the sources; the dialog closes right after.
   */
  signals[ADD_SOURCES] =
    g_signal_new ("add-sources",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CcImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CcImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CcImportDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, CcImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CcImportDialog, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cc_import_dialog_init (CcImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  gtk_stack_set_visible_child_name (self->stack, "review");
}

/**
 * cc_import_dialog_new:
 * @parent: (nullable): the window to import into
 *
 * Returns: (transfer none): a new dialog, modal to @parent, owned by GTK's toplevel list
 */
CcImportDialog *
cc_import_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CC_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
}
