/* cc-project.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-project"

#include "cc-project.h"

#include <string.h>

struct _CcProject
{
  GObject               parent_instance;

  char                 *title;
  char                 *description;
  CcComparisonSettings *settings;
  GListStore           *sources;
  /* id → source (borrowed: the store holds the reference), so lookups and new ids stay cheap
   * in projects of thousands of sources. */
  GHashTable           *by_id;

  /* Counts changes, so a save that finishes after a later edit knows not to clear the
   * modified flag. */
  guint64               generation;
  guint                 modified : 1;
};

G_DEFINE_FINAL_TYPE (CcProject, cc_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SETTINGS,
  PROP_SOURCES,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mark_modified (CcProject *self)
{
  self->generation++;
  cc_project_set_modified (self, TRUE);
}

static void
rebuild_index (CcProject *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (cc_source_get_id (source) != NULL)
        g_hash_table_insert (self->by_id, g_strdup (cc_source_get_id (source)), source);
    }
}

static void
on_source_notify_cb (CcSource   *source,
                     GParamSpec *pspec,
                     CcProject  *self)
{
  if (g_strcmp0 (pspec->name, "id") == 0)
    rebuild_index (self);

  /* Derived values change with the text, which already marks the project. */
  if (pspec->flags & G_PARAM_WRITABLE)
    mark_modified (self);
}

static void
on_source_ranges_changed_cb (CcSource  *source,
                             CcProject *self)
{
  mark_modified (self);
}

static void
watch_source (CcProject *self,
              CcSource  *source)
{
  g_signal_connect_object (source, "notify", G_CALLBACK (on_source_notify_cb), self, 0);
  g_signal_connect_object (source, "ranges-changed",
                           G_CALLBACK (on_source_ranges_changed_cb), self, 0);
}

static void
unwatch_source (CcProject *self,
                CcSource  *source)
{
  g_signal_handlers_disconnect_by_data (source, self);
}

static void
cc_project_dispose (GObject *object)
{
  CcProject *self = (CcProject *)object;

  if (self->sources != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
          unwatch_source (self, source);
        }
    }

  g_clear_object (&self->sources);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->by_id, g_hash_table_unref);

  G_OBJECT_CLASS (cc_project_parent_class)->dispose (object);
}

static void
cc_project_finalize (GObject *object)
{
  CcProject *self = (CcProject *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (cc_project_parent_class)->finalize (object);
}

static void
cc_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcProject *self = CC_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CcProject *self = CC_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cc_project_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      cc_project_set_description (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      cc_project_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_project_class_init (CcProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_project_dispose;
  object_class->finalize = cc_project_finalize;
  object_class->get_property = cc_project_get_property;
  object_class->set_property = cc_project_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", "Title", NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", "Description", NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", "Settings", "Comparison settings",
                         CC_TYPE_COMPARISON_SETTINGS,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", "Sources", "The sources, in order",
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", "Modified", "Changed since last loaded or saved",
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
on_settings_notify_cb (CcComparisonSettings *settings,
                       GParamSpec           *pspec,
                       CcProject            *self)
{
  mark_modified (self);
}

static void
cc_project_init (CcProject *self)
{
  self->sources = g_list_store_new (CC_TYPE_SOURCE);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = cc_comparison_settings_new ();
  g_signal_connect_object (self->settings, "notify",
                           G_CALLBACK (on_settings_notify_cb), self, 0);
}

CcProject *
cc_project_new (void)
{
  return g_object_new (CC_TYPE_PROJECT, NULL);
}

static void
set_string (CcProject   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  mark_modified (self);
}

const char *
cc_project_get_title (CcProject *self)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), NULL);
  return self->title;
}

void
cc_project_set_title (CcProject  *self,
                      const char *title)
{
  g_return_if_fail (CC_IS_PROJECT (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
cc_project_get_description (CcProject *self)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), NULL);
  return self->description;
}

void
cc_project_set_description (CcProject  *self,
                            const char *description)
{
  g_return_if_fail (CC_IS_PROJECT (self));
  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

/**
 * cc_project_get_settings:
 *
 * Returns: (transfer none): the project's comparison settings; changing them marks the project
 *   modified
 */
CcComparisonSettings *
cc_project_get_settings (CcProject *self)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), NULL);
  return self->settings;
}

/**
 * cc_project_get_sources:
 *
 * Returns: (transfer none): the sources in their order, a #GListModel of #CcSource
 */
GListModel *
cc_project_get_sources (CcProject *self)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->sources);
}

guint
cc_project_get_n_sources (CcProject *self)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sources));
}

/**
 * cc_project_get_source:
 *
 * Returns: (transfer none) (nullable): the source at @position
 */
CcSource *
cc_project_get_source (CcProject *self,
                       guint      position)
{
  g_autoptr(CcSource) source = NULL;

  g_return_val_if_fail (CC_IS_PROJECT (self), NULL);

  /* The store holds a reference for as long as the source is in the project. */
  source = g_list_model_get_item (G_LIST_MODEL (self->sources), position);
  return source;
}

static char *
slugify (const char *hint)
{
  g_autofree char *ascii = NULL;
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  if (hint != NULL)
    ascii = g_str_to_ascii (hint, "C");

  for (const char *p = ascii; p != NULL && *p != '\0' && slug->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else if (*p != '\'')
        {
          dash = TRUE;
        }
    }

  if (slug->len == 0)
    g_string_append (slug, "source");

  return g_string_free (slug, FALSE);
}

/**
 * cc_project_make_unique_id:
 * @hint: (nullable): words to build the id from, such as the outlet or title
 *
 * Makes an id no source in the project has: a short lowercase slug of @hint, numbered when
 * that slug is taken, so ids stay readable on the command line.
 *
 * Returns: (transfer full): the new id
 */
char *
cc_project_make_unique_id (CcProject  *self,
                           const char *hint)
{
  g_autofree char *base = NULL;
  char *id;

  g_return_val_if_fail (CC_IS_PROJECT (self), NULL);

  base = slugify (hint);
  id = g_strdup (base);
  for (guint n = 2; cc_project_find_source (self, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  return id;
}

/**
 * cc_project_insert_source:
 *
 * Inserts @source at @position (clamped to the end). A source without an id, or with an id
 * another source has, is given a fresh one first.
 */
void
cc_project_insert_source (CcProject *self,
                          guint      position,
                          CcSource  *source)
{
  const char *id;

  g_return_if_fail (CC_IS_PROJECT (self));
  g_return_if_fail (CC_IS_SOURCE (source));
  g_return_if_fail (!cc_project_find_position (self, source, NULL));

  id = cc_source_get_id (source);
  if (id == NULL || cc_project_find_source (self, id) != NULL)
    {
      const char *hint = cc_source_get_outlet (source);
      g_autofree char *fresh = NULL;

      if (id != NULL)
        hint = id;
      else if (hint == NULL)
        hint = cc_source_get_title (source);
      fresh = cc_project_make_unique_id (self, hint);
      cc_source_set_id (source, fresh);
    }

  position = MIN (position, cc_project_get_n_sources (self));
  g_hash_table_insert (self->by_id, g_strdup (cc_source_get_id (source)), source);
  watch_source (self, source);
  g_list_store_insert (self->sources, position, source);
  mark_modified (self);
}

/**
 * cc_project_add_source:
 *
 * Appends @source; see cc_project_insert_source().
 *
 * Returns: the id the source has in the project
 */
const char *
cc_project_add_source (CcProject *self,
                       CcSource  *source)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (CC_IS_SOURCE (source), NULL);

  cc_project_insert_source (self, G_MAXUINT, source);
  return cc_source_get_id (source);
}

gboolean
cc_project_find_position (CcProject *self,
                          CcSource  *source,
                          guint     *position)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CC_IS_SOURCE (source), FALSE);

  return g_list_store_find (self->sources, source, position);
}

gboolean
cc_project_remove_source (CcProject *self,
                          CcSource  *source)
{
  guint position;

  g_return_val_if_fail (CC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CC_IS_SOURCE (source), FALSE);

  if (!g_list_store_find (self->sources, source, &position))
    return FALSE;

  unwatch_source (self, source);
  if (g_hash_table_lookup (self->by_id, cc_source_get_id (source)) == source)
    g_hash_table_remove (self->by_id, cc_source_get_id (source));
  g_list_store_remove (self->sources, position);
  mark_modified (self);
  return TRUE;
}

/**
 * cc_project_move_source:
 * @from: current position
 * @to: position the source has afterwards
 */
void
cc_project_move_source (CcProject *self,
                        guint      from,
                        guint      to)
{
  g_autoptr(CcSource) source = NULL;
  guint n;

  g_return_if_fail (CC_IS_PROJECT (self));

  n = cc_project_get_n_sources (self);
  g_return_if_fail (from < n);
  g_return_if_fail (to < n);

  if (from == to)
    return;

  source = g_list_model_get_item (G_LIST_MODEL (self->sources), from);
  g_list_store_remove (self->sources, from);
  g_list_store_insert (self->sources, to, source);
  mark_modified (self);
}

/**
 * cc_project_find_source:
 *
 * Returns: (transfer none) (nullable): the source with @id
 */
CcSource *
cc_project_find_source (CcProject  *self,
                        const char *id)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
cc_project_get_modified (CcProject *self)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), FALSE);
  return self->modified;
}

void
cc_project_set_modified (CcProject *self,
                         gboolean   modified)
{
  g_return_if_fail (CC_IS_PROJECT (self));

  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * cc_project_get_generation:
 *
 * Returns: a number that grows with every change to the project
 */
guint64
cc_project_get_generation (CcProject *self)
{
  g_return_val_if_fail (CC_IS_PROJECT (self), 0);
  return self->generation;
}
