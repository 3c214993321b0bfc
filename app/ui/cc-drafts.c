/* cc-drafts.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-drafts"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cc-drafts.h"
#include "cc-project-io.h"

/* A draft is two files named after its id: the project as it was when last drafted, and a
 * key file that says which file it belongs to. The project is written first, so a crash in
 * between leaves a draft that lacks only its description, never one that lacks its text. */
#define CONTENTS_SUFFIX CC_PROJECT_FILE_SUFFIX
#define INFO_SUFFIX     ".info"
#define INFO_GROUP      "Draft"
#define INFO_KEY_TITLE  "Title"
#define INFO_KEY_URI    "URI"
#define INFO_KEY_SAVED  "Saved"

struct _CcDraft
{
  char      *id;
  GFile     *file;
  char      *title;
  GDateTime *saved;
  GFile     *contents;
};

G_DEFINE_BOXED_TYPE (CcDraft, cc_draft, cc_draft_ref, cc_draft_unref)

struct _CcDrafts
{
  GObject  parent_instance;

  GFile   *directory;
  char    *path;
};

G_DEFINE_FINAL_TYPE (CcDrafts, cc_drafts, G_TYPE_OBJECT)

static void
cc_draft_clear (CcDraft *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->saved, g_date_time_unref);
  g_clear_object (&self->contents);
}

CcDraft *
cc_draft_ref (CcDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
cc_draft_unref (CcDraft *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify)cc_draft_clear);
}

const char *
cc_draft_get_id (CcDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * cc_draft_get_file:
 *
 * Returns: (transfer none) (nullable): the project file the draft holds changes to, or %NULL
 *   for a project never saved, or when the draft's description cannot be read
 */
GFile *
cc_draft_get_file (CcDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file;
}

/**
 * cc_draft_get_title:
 *
 * Returns: (nullable): the project's title when it was drafted
 */
const char *
cc_draft_get_title (CcDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/**
 * cc_draft_get_saved:
 *
 * Returns: (transfer none): when the draft was written
 */
GDateTime *
cc_draft_get_saved (CcDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->saved;
}

/**
 * cc_draft_get_contents:
 *
 * Returns: (transfer none): the project file the draft's contents are kept in
 */
GFile *
cc_draft_get_contents (CcDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->contents;
}

/* Ids name files, so only what g_uuid_string_random() makes is taken. */
static gboolean
is_valid_id (const char *id)
{
  gsize len;

  if (id == NULL || (len = strlen (id)) == 0 || len > 64)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return TRUE;
}

static char *
dup_path (CcDrafts   *self,
          const char *id,
          const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (self->path, name, NULL);
}

static void
cc_drafts_finalize (GObject *object)
{
  CcDrafts *self = (CcDrafts *)object;

  g_clear_object (&self->directory);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cc_drafts_parent_class)->finalize (object);
}

static void
cc_drafts_class_init (CcDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_drafts_finalize;
}

static void
cc_drafts_init (CcDrafts *self)
{
}

/**
 * cc_drafts_new:
 * @directory: a local folder; it is created when the first draft is written
 *
 * Returns: (transfer full): a store of drafts kept in @directory
 */
CcDrafts *
cc_drafts_new (GFile *directory)
{
  CcDrafts *self;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);
  g_return_val_if_fail (g_file_peek_path (directory) != NULL, NULL);

  self = g_object_new (CC_TYPE_DRAFTS, NULL);
  self->directory = g_object_ref (directory);
  self->path = g_file_get_path (directory);

  return self;
}

/**
 * cc_drafts_get_default:
 *
 * The drafts of this user, in `$XDG_DATA_HOME/crosscheck/drafts`. Call from the main thread.
 *
 * Returns: (transfer none): the default store
 */
CcDrafts *
cc_drafts_get_default (void)
{
  static CcDrafts *drafts;

  if (drafts == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crosscheck", "drafts",
                                                NULL);
      g_autoptr(GFile) directory = g_file_new_for_path (path);

      drafts = cc_drafts_new (directory);
    }

  return drafts;
}

/**
 * cc_drafts_get_directory:
 *
 * Returns: (transfer none): the folder the drafts are kept in
 */
GFile *
cc_drafts_get_directory (CcDrafts *self)
{
  g_return_val_if_fail (CC_IS_DRAFTS (self), NULL);
  return self->directory;
}

static gboolean
write_private_file (const char    *path,
                    const char    *data,
                    gsize          len,
                    GError       **error)
{
  /* Drafts hold what the user has not chosen to save anywhere: readable by them alone. */
  return g_file_set_contents_full (path, data, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/**
 * cc_drafts_write:
 * @id: the draft's id, from g_uuid_string_random()
 * @contents: the project file's contents, as cc_project_to_bytes() makes them
 * @file: (nullable): the project file the draft holds changes to, %NULL if it has none yet
 * @title: (nullable): the project's title, to name it when offering the draft back
 * @saved: (nullable): when the snapshot was taken; now if %NULL
 *
 * Writes the draft @id, replacing an older one of the same id. Each file is replaced
 * atomically, so a crash while writing leaves the previous draft.
 */
gboolean
cc_drafts_write (CcDrafts      *self,
                 const char    *id,
                 GBytes        *contents,
                 GFile         *file,
                 const char    *title,
                 GDateTime     *saved,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GKeyFile) info = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info_data = NULL;
  g_autofree char *saved_text = NULL;
  gsize info_len;

  g_return_val_if_fail (CC_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (is_valid_id (id), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_mkdir_with_parents (self->path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder and the second %s the system's reason */
                   _("Could not create the drafts folder “%s”: %s"),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  contents_path = dup_path (self, id, CONTENTS_SUFFIX);
  if (!write_private_file (contents_path, g_bytes_get_data (contents, NULL),
                           g_bytes_get_size (contents), &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is the system's reason */
                   _("Could not write a draft: %s"), local_error->message);
      return FALSE;
    }

  if (saved == NULL)
    saved = now = g_date_time_new_now_utc ();
  saved_text = g_date_time_format_iso8601 (saved);

  info = g_key_file_new ();
  if (title != NULL && g_utf8_validate (title, -1, NULL))
    g_key_file_set_string (info, INFO_GROUP, INFO_KEY_TITLE, title);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (info, INFO_GROUP, INFO_KEY_URI, uri);
    }
  g_key_file_set_string (info, INFO_GROUP, INFO_KEY_SAVED, saved_text);
  info_data = g_key_file_to_data (info, &info_len, NULL);

  info_path = dup_path (self, id, INFO_SUFFIX);
  if (!write_private_file (info_path, info_data, info_len, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write a draft: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char      *id;
  GBytes    *contents;
  GFile     *file;
  char      *title;
  GDateTime *saved;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->id, g_free);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_clear_object (&data->file);
  g_clear_pointer (&data->title, g_free);
  g_clear_pointer (&data->saved, g_date_time_unref);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (cc_drafts_write (source_object, data->id, data->contents, data->file, data->title,
                       data->saved, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cc_drafts_write_async:
 * @file: (nullable): the project's file, %NULL if it has none yet
 *
 * Takes a snapshot of @project now and writes it as the draft @id in a worker thread. Unlike
 * saving, this leaves the project's modified flag alone: a draft is not a save.
 */
void
cc_drafts_write_async (CcDrafts            *self,
                       const char          *id,
                       CcProject           *project,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (CC_IS_DRAFTS (self));
  g_return_if_fail (is_valid_id (id));
  g_return_if_fail (CC_IS_PROJECT (project));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  data = g_new0 (WriteData, 1);
  data->id = g_strdup (id);
  data->contents = cc_project_to_bytes (project);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  data->title = g_strdup (cc_project_get_title (project));
  if (data->title == NULL && file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      data->title = g_filename_display_name (basename);
    }
  data->saved = g_date_time_new_now_utc ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_drafts_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify)write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
cc_drafts_write_finish (CcDrafts      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (CC_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GDateTime *
dup_modification_time (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;

  return g_date_time_new_from_unix_utc (st.st_mtime);
}

/* Reads what the key file says of draft @id. A key file that is missing or unreadable leaves
 * the draft nameless rather than hidden: its contents may still be the user's only copy. */
static CcDraft *
read_draft (CcDrafts   *self,
            const char *id)
{
  g_autofree char *contents_path = dup_path (self, id, CONTENTS_SUFFIX);
  g_autofree char *info_path = dup_path (self, id, INFO_SUFFIX);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  CcDraft *draft;

  draft = g_atomic_rc_box_new0 (CcDraft);
  draft->id = g_strdup (id);
  draft->contents = g_file_new_for_path (contents_path);

  if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    {
      g_autofree char *uri = g_key_file_get_string (info, INFO_GROUP, INFO_KEY_URI, NULL);
      g_autofree char *saved = g_key_file_get_string (info, INFO_GROUP, INFO_KEY_SAVED, NULL);

      draft->title = g_key_file_get_string (info, INFO_GROUP, INFO_KEY_TITLE, NULL);
      if (draft->title != NULL && draft->title[0] == '\0')
        g_clear_pointer (&draft->title, g_free);
      if (uri != NULL && uri[0] != '\0')
        draft->file = g_file_new_for_uri (uri);
      if (saved != NULL)
        draft->saved = g_date_time_new_from_iso8601 (saved, NULL);
    }

  if (draft->saved == NULL)
    draft->saved = dup_modification_time (contents_path);
  if (draft->saved == NULL)
    draft->saved = dup_modification_time (info_path);

  /* Neither file is there any longer: removed while this looked. */
  if (draft->saved == NULL)
    g_clear_pointer (&draft, cc_draft_unref);

  return draft;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const CcDraft *draft_a = *(CcDraft * const *)a;
  const CcDraft *draft_b = *(CcDraft * const *)b;

  return g_date_time_compare (draft_b->saved, draft_a->saved);
}

/**
 * cc_drafts_list:
 *
 * Lists the drafts in the store, newest first, including those whose description cannot be
 * read. A store with no folder yet has no drafts.
 *
 * Returns: (transfer full) (element-type CcDraft): the drafts, or %NULL with @error set
 */
GPtrArray *
cc_drafts_list (CcDrafts      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  GHashTableIter iter;
  const char *name;
  gpointer id;

  g_return_val_if_fail (CC_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_draft_unref);

  if (!(dir = g_dir_open (self->path, 0, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&drafts);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is the system's reason */
                   _("Could not look for drafts: %s"), local_error->message);
      return NULL;
    }

  /* Each draft is one or two files. A write under way has a temporary file, whose name ends
   * in random letters and so matches neither suffix. */
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *stem = NULL;

      if (name[0] == '.')
        continue;

      if (g_str_has_suffix (name, CONTENTS_SUFFIX))
        stem = g_strndup (name, strlen (name) - strlen (CONTENTS_SUFFIX));
      else if (g_str_has_suffix (name, INFO_SUFFIX))
        stem = g_strndup (name, strlen (name) - strlen (INFO_SUFFIX));

      if (is_valid_id (stem))
        g_hash_table_add (ids, g_steal_pointer (&stem));
    }

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      CcDraft *draft;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if ((draft = read_draft (self, id)))
        g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return g_steal_pointer (&drafts);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *drafts;

  if ((drafts = cc_drafts_list (source_object, cancellable, &error)))
    g_task_return_pointer (task, drafts, (GDestroyNotify)g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
cc_drafts_list_async (CcDrafts            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CC_IS_DRAFTS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_drafts_list_async);
  g_task_run_in_thread (task, list_thread);
}

/**
 * cc_drafts_list_finish:
 *
 * Returns: (transfer full) (element-type CcDraft): the drafts, newest first, or %NULL with
 *   @error set
 */
GPtrArray *
cc_drafts_list_finish (CcDrafts      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (CC_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cc_drafts_find_newer:
 *
 * Finds the newest draft of @file written after @file was last changed on disk: changes
 * the user made but never saved. A draft older than the file was overtaken by a later save,
 * perhaps from another program; it is left for the user to find among all drafts.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL if there is none (@error unset)
 *   or the drafts could not be listed (@error set)
 */
CcDraft *
cc_drafts_find_newer (CcDrafts      *self,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) modified = NULL;
  CcDraft *found = NULL;

  g_return_val_if_fail (CC_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(drafts = cc_drafts_list (self, cancellable, error)))
    return NULL;

  for (guint i = 0; i < drafts->len && found == NULL; i++)
    {
      CcDraft *draft = g_ptr_array_index (drafts, i);

      if (draft->file != NULL && g_file_equal (draft->file, file))
        found = draft;
    }

  if (found == NULL)
    return NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* A file that is gone, or cannot be read, is older than any draft of it. */
  if (info != NULL && (modified = g_file_info_get_modification_date_time (info)) != NULL &&
      g_date_time_compare (found->saved, modified) <= 0)
    return NULL;

  return cc_draft_ref (found);
}

static void
find_newer_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  CcDraft *draft;

  draft = cc_drafts_find_newer (source_object, task_data, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, draft, (GDestroyNotify)cc_draft_unref);
}

void
cc_drafts_find_newer_async (CcDrafts            *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CC_IS_DRAFTS (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_drafts_find_newer_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, find_newer_thread);
}

/**
 * cc_drafts_find_newer_finish:
 *
 * Returns: (transfer full) (nullable): as cc_drafts_find_newer()
 */
CcDraft *
cc_drafts_find_newer_finish (CcDrafts      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (CC_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
remove_file (const char  *path,
             GError     **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a file name, the second the system's
                    * reason */
                   _("Could not remove the draft “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * cc_drafts_remove:
 *
 * Removes the draft @id, once its changes are saved or the user has discarded them. A draft
 * that is not there is removed already.
 */
gboolean
cc_drafts_remove (CcDrafts      *self,
                  const char    *id,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *contents_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_val_if_fail (CC_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (is_valid_id (id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  contents_path = dup_path (self, id, CONTENTS_SUFFIX);
  info_path = dup_path (self, id, INFO_SUFFIX);

  return remove_file (contents_path, error) && remove_file (info_path, error);
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (cc_drafts_remove (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cc_drafts_remove_async (CcDrafts            *self,
                        const char          *id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CC_IS_DRAFTS (self));
  g_return_if_fail (is_valid_id (id));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_drafts_remove_async);
  g_task_set_task_data (task, g_strdup (id), g_free);
  g_task_run_in_thread (task, remove_thread);
}

gboolean
cc_drafts_remove_finish (CcDrafts      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (CC_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
