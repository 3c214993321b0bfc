/* cc-preferences-window.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-preferences-window"

#include <glib/gi18n.h>

#include "cc-preferences-window.h"

struct _CcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *passages_group;
  GtkSpinButton        *min_passage_words_spin;
  GtkSpinButton        *max_bridged_words_spin;
  GtkSpinButton        *min_identity_spin;
  GtkSpinButton        *min_quote_words_spin;
  GtkSwitch            *fold_case_switch;
  GtkSwitch            *ignore_punctuation_switch;
  AdwPreferencesGroup  *defaults_group;
  GtkButton            *use_defaults_button;
  GtkButton            *reset_button;
  GtkSpinButton        *view_font_size_spin;
  GtkSwitch            *sync_scrolling_switch;

  CcProject            *project;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CcPreferencesWindow, cc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The comparison settings by their names, which the GSettings keys share. */
static const char * const uint_keys[] = {
  "min-passage-words",
  "max-bridged-words",
  "min-identity",
  "min-quote-words",
};

static const char * const boolean_keys[] = {
  "fold-case",
  "ignore-punctuation",
};

/**
 * cc_preferences_apply_defaults:
 * @comparison_settings: the settings to change, usually a new project's
 * @settings: the application's settings
 *
 * Gives @comparison_settings the defaults for new projects that @settings hold.
 */
void
cc_preferences_apply_defaults (CcComparisonSettings *comparison_settings,
                               GSettings            *settings)
{
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (comparison_settings));
  g_return_if_fail (G_IS_SETTINGS (settings));

  /* One notification for all, so a project recomputes once. */
  g_object_freeze_notify (G_OBJECT (comparison_settings));
  for (guint i = 0; i < G_N_ELEMENTS (uint_keys); i++)
    g_object_set (comparison_settings, uint_keys[i], g_settings_get_uint (settings, uint_keys[i]),
                  NULL);
  for (guint i = 0; i < G_N_ELEMENTS (boolean_keys); i++)
    g_object_set (comparison_settings,
                  boolean_keys[i], g_settings_get_boolean (settings, boolean_keys[i]),
                  NULL);
  g_object_thaw_notify (G_OBJECT (comparison_settings));
}

/**
 * cc_preferences_save_defaults:
 * @comparison_settings: the settings new projects are to start with
 * @settings: the application's settings
 *
 * Makes @comparison_settings the defaults for new projects.
 */
void
cc_preferences_save_defaults (CcComparisonSettings *comparison_settings,
                              GSettings            *settings)
{
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (comparison_settings));
  g_return_if_fail (G_IS_SETTINGS (settings));

  for (guint i = 0; i < G_N_ELEMENTS (uint_keys); i++)
    {
      guint value;

      g_object_get (comparison_settings, uint_keys[i], &value, NULL);
      g_settings_set_uint (settings, uint_keys[i], value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (boolean_keys); i++)
    {
      gboolean value;

      g_object_get (comparison_settings, boolean_keys[i], &value, NULL);
      g_settings_set_boolean (settings, boolean_keys[i], value);
    }
}

static gboolean
project_has_defaults (CcPreferencesWindow *self)
{
  CcComparisonSettings *current = cc_project_get_settings (self->project);
  g_autoptr(CcComparisonSettings) defaults = cc_comparison_settings_new ();

  cc_preferences_apply_defaults (defaults, self->settings);
  return cc_comparison_settings_equal (current, defaults);
}

/* Both buttons would do nothing while the project has the defaults already. */
static void
cc_preferences_window_update_buttons (CcPreferencesWindow *self)
{
  gboolean differ;

  g_assert (CC_IS_PREFERENCES_WINDOW (self));

  if (self->project == NULL)
    return;

  differ = !project_has_defaults (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->use_defaults_button), differ);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), differ);
}

static void
on_use_defaults_button_clicked_cb (GtkButton           *button,
                                   CcPreferencesWindow *self)
{
  AdwToast *toast;

  g_assert (CC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (self->project != NULL);

  cc_preferences_save_defaults (cc_project_get_settings (self->project), self->settings);
  toast = adw_toast_new (_("New projects will start with these settings"));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
on_reset_button_clicked_cb (GtkButton           *button,
                            CcPreferencesWindow *self)
{
  g_assert (CC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (self->project != NULL);

  cc_preferences_apply_defaults (cc_project_get_settings (self->project), self->settings);
}

/* The spin button offers exactly the range the value may take, so it never shows a number
 * that the setting would clamp. */
static void
set_range_from_pspec (GtkSpinButton *spin,
                      GObject       *object,
                      const char    *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  gtk_spin_button_set_range (spin, G_PARAM_SPEC_UINT (pspec)->minimum,
                             G_PARAM_SPEC_UINT (pspec)->maximum);
}

static void
set_range_from_schema (GtkSpinButton *spin,
                       GSettings     *settings,
                       const char    *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *kind;
  gint64 lower, upper;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &kind, &limits);

  g_return_if_fail (g_strcmp0 (kind, "range") == 0);

  if (g_variant_is_of_type (limits, G_VARIANT_TYPE ("(ii)")))
    {
      gint32 min, max;

      g_variant_get (limits, "(ii)", &min, &max);
      lower = min;
      upper = max;
    }
  else
    {
      guint32 min, max;

      g_variant_get (limits, "(uu)", &min, &max);
      lower = min;
      upper = max;
    }

  gtk_spin_button_set_range (spin, lower, upper);
}

static GtkSpinButton *
get_comparison_spin (CcPreferencesWindow *self,
                     guint                index)
{
  GtkSpinButton *spins[] = {
    self->min_passage_words_spin,
    self->max_bridged_words_spin,
    self->min_identity_spin,
    self->min_quote_words_spin,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (spins) == G_N_ELEMENTS (uint_keys));

  return spins[index];
}

static GtkSwitch *
get_comparison_switch (CcPreferencesWindow *self,
                       guint                index)
{
  GtkSwitch *switches[] = {
    self->fold_case_switch,
    self->ignore_punctuation_switch,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (switches) == G_N_ELEMENTS (boolean_keys));

  return switches[index];
}

static void
bind_project (CcPreferencesWindow *self)
{
  CcComparisonSettings *comparison_settings = cc_project_get_settings (self->project);

  for (guint i = 0; i < G_N_ELEMENTS (uint_keys); i++)
    {
      GtkSpinButton *spin = get_comparison_spin (self, i);

      /* The range first: binding sets the value, which the adjustment would clamp. */
      set_range_from_pspec (spin, G_OBJECT (comparison_settings), uint_keys[i]);
      g_object_bind_property (comparison_settings, uint_keys[i], spin, "value",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (boolean_keys); i++)
    g_object_bind_property (comparison_settings, boolean_keys[i],
                            get_comparison_switch (self, i), "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  adw_preferences_group_set_description (
    self->passages_group, _("These settings belong to this project and are saved with it."));

  g_signal_connect_object (comparison_settings, "notify",
                           G_CALLBACK (cc_preferences_window_update_buttons), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (cc_preferences_window_update_buttons), self,
                           G_CONNECT_SWAPPED);
  cc_preferences_window_update_buttons (self);
}

/* Without a project there is nothing to copy to or from: the page edits the defaults. */
static void
bind_defaults (CcPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (uint_keys); i++)
    {
      GtkSpinButton *spin = get_comparison_spin (self, i);

      set_range_from_schema (spin, self->settings, uint_keys[i]);
      g_settings_bind (self->settings, uint_keys[i], spin, "value", G_SETTINGS_BIND_DEFAULT);
    }
  for (guint i = 0; i < G_N_ELEMENTS (boolean_keys); i++)
    g_settings_bind (self->settings, boolean_keys[i], get_comparison_switch (self, i), "active",
                     G_SETTINGS_BIND_DEFAULT);

  adw_preferences_group_set_description (
    self->passages_group, _("New projects start with these settings; each project keeps its own."));
  gtk_widget_set_visible (GTK_WIDGET (self->defaults_group), FALSE);
}

static void
cc_preferences_window_constructed (GObject *object)
{
  CcPreferencesWindow *self = (CcPreferencesWindow *)object;

  G_OBJECT_CLASS (cc_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  if (self->project != NULL)
    bind_project (self);
  else
    bind_defaults (self);

  set_range_from_schema (self->view_font_size_spin, self->settings, "view-font-size");
  g_settings_bind (self->settings, "view-font-size", self->view_font_size_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-scrolling", self->sync_scrolling_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
cc_preferences_window_dispose (GObject *object)
{
  CcPreferencesWindow *self = (CcPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_PREFERENCES_WINDOW);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cc_preferences_window_parent_class)->dispose (object);
}

static void
cc_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CcPreferencesWindow *self = CC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CcPreferencesWindow *self = CC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_preferences_window_class_init (CcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cc_preferences_window_constructed;
  object_class->dispose = cc_preferences_window_dispose;
  object_class->get_property = cc_preferences_window_get_property;
  object_class->set_property = cc_preferences_window_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", "Project",
                         "The project whose comparison settings are edited, if any",
                         CC_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", "Settings", "The application's settings",
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, passages_group);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, min_passage_words_spin);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, max_bridged_words_spin);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, min_identity_spin);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, min_quote_words_spin);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, fold_case_switch);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow,
                                        ignore_punctuation_switch);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, defaults_group);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, use_defaults_button);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, reset_button);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, view_font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, sync_scrolling_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_use_defaults_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_button_clicked_cb);
}

static void
cc_preferences_window_init (CcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cc_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 * @project: (nullable): the project whose comparison settings to edit; %NULL edits the
 *   defaults for new projects instead
 * @settings: the application's settings
 *
 * Returns: (transfer none): a new modal preferences window, to present
 */
CcPreferencesWindow *
cc_preferences_window_new (GtkWindow *parent,
                           CcProject *project,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (project == NULL || CC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "project", project,
                       "settings", settings,
                       NULL);
}

/**
 * cc_preferences_window_get_project:
 *
 * Returns: (transfer none) (nullable): the project whose settings the window edits
 */
CcProject *
cc_preferences_window_get_project (CcPreferencesWindow *self)
{
  g_return_val_if_fail (CC_IS_PREFERENCES_WINDOW (self), NULL);
  return self->project;
}
