/* cc-comparison-settings.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-comparison-settings"

#include "cc-comparison-settings.h"

struct _CcComparisonSettings
{
  GObject  parent_instance;

  guint    min_passage_words;
  guint    max_bridged_words;
  guint    min_identity;
  guint    min_quote_words;
  gboolean fold_case;
  gboolean ignore_punctuation;
};

G_DEFINE_FINAL_TYPE (CcComparisonSettings, cc_comparison_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MIN_PASSAGE_WORDS,
  PROP_MAX_BRIDGED_WORDS,
  PROP_MIN_IDENTITY,
  PROP_MIN_QUOTE_WORDS,
  PROP_FOLD_CASE,
  PROP_IGNORE_PUNCTUATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cc_comparison_settings_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CcComparisonSettings *self = CC_COMPARISON_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_MIN_PASSAGE_WORDS:
      g_value_set_uint (value, self->min_passage_words);
      break;
    case PROP_MAX_BRIDGED_WORDS:
      g_value_set_uint (value, self->max_bridged_words);
      break;
    case PROP_MIN_IDENTITY:
      g_value_set_uint (value, self->min_identity);
      break;
    case PROP_MIN_QUOTE_WORDS:
      g_value_set_uint (value, self->min_quote_words);
      break;
    case PROP_FOLD_CASE:
      g_value_set_boolean (value, self->fold_case);
      break;
    case PROP_IGNORE_PUNCTUATION:
      g_value_set_boolean (value, self->ignore_punctuation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_comparison_settings_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CcComparisonSettings *self = CC_COMPARISON_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_MIN_PASSAGE_WORDS:
      cc_comparison_settings_set_min_passage_words (self, g_value_get_uint (value));
      break;
    case PROP_MAX_BRIDGED_WORDS:
      cc_comparison_settings_set_max_bridged_words (self, g_value_get_uint (value));
      break;
    case PROP_MIN_IDENTITY:
      cc_comparison_settings_set_min_identity (self, g_value_get_uint (value));
      break;
    case PROP_MIN_QUOTE_WORDS:
      cc_comparison_settings_set_min_quote_words (self, g_value_get_uint (value));
      break;
    case PROP_FOLD_CASE:
      cc_comparison_settings_set_fold_case (self, g_value_get_boolean (value));
      break;
    case PROP_IGNORE_PUNCTUATION:
      cc_comparison_settings_set_ignore_punctuation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_comparison_settings_class_init (CcComparisonSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = cc_comparison_settings_get_property;
  object_class->set_property = cc_comparison_settings_set_property;

  properties[PROP_MIN_PASSAGE_WORDS] =
    g_param_spec_uint ("min-passage-words", "Minimum passage words",
                       "Shortest shared passage reported, in words",
                       2, 1000, CC_DEFAULT_MIN_PASSAGE_WORDS, flags);
  properties[PROP_MAX_BRIDGED_WORDS] =
    g_param_spec_uint ("max-bridged-words", "Maximum bridged words",
                       "Differing words a shared passage may bridge",
                       0, 100, CC_DEFAULT_MAX_BRIDGED_WORDS, flags);
  properties[PROP_MIN_IDENTITY] =
    g_param_spec_uint ("min-identity", "Minimum identity",
                       "Share of matching words a passage keeps, in percent",
                       1, 100, CC_DEFAULT_MIN_IDENTITY, flags);
  properties[PROP_MIN_QUOTE_WORDS] =
    g_param_spec_uint ("min-quote-words", "Minimum quotation words",
                       "Shortest quotation that counts as shared, in words",
                       1, 1000, CC_DEFAULT_MIN_QUOTE_WORDS, flags);
  properties[PROP_FOLD_CASE] =
    g_param_spec_boolean ("fold-case", "Fold case",
                          "Compare without regard to upper and lower case",
                          TRUE, flags);
  properties[PROP_IGNORE_PUNCTUATION] =
    g_param_spec_boolean ("ignore-punctuation", "Ignore punctuation",
                          "Compare words only, not punctuation",
                          FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_comparison_settings_init (CcComparisonSettings *self)
{
  self->min_passage_words = CC_DEFAULT_MIN_PASSAGE_WORDS;
  self->max_bridged_words = CC_DEFAULT_MAX_BRIDGED_WORDS;
  self->min_identity = CC_DEFAULT_MIN_IDENTITY;
  self->min_quote_words = CC_DEFAULT_MIN_QUOTE_WORDS;
  self->fold_case = TRUE;
  self->ignore_punctuation = FALSE;
}

CcComparisonSettings *
cc_comparison_settings_new (void)
{
  return g_object_new (CC_TYPE_COMPARISON_SETTINGS, NULL);
}

void
cc_comparison_settings_copy_from (CcComparisonSettings *self,
                                  CcComparisonSettings *other)
{
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (self));
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (other));

  g_object_freeze_notify (G_OBJECT (self));
  cc_comparison_settings_set_min_passage_words (self, other->min_passage_words);
  cc_comparison_settings_set_max_bridged_words (self, other->max_bridged_words);
  cc_comparison_settings_set_min_identity (self, other->min_identity);
  cc_comparison_settings_set_min_quote_words (self, other->min_quote_words);
  cc_comparison_settings_set_fold_case (self, other->fold_case);
  cc_comparison_settings_set_ignore_punctuation (self, other->ignore_punctuation);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
cc_comparison_settings_equal (CcComparisonSettings *self,
                              CcComparisonSettings *other)
{
  g_return_val_if_fail (CC_IS_COMPARISON_SETTINGS (self), FALSE);
  g_return_val_if_fail (CC_IS_COMPARISON_SETTINGS (other), FALSE);

  return self->min_passage_words == other->min_passage_words &&
         self->max_bridged_words == other->max_bridged_words &&
         self->min_identity == other->min_identity &&
         self->min_quote_words == other->min_quote_words &&
         self->fold_case == other->fold_case &&
         self->ignore_punctuation == other->ignore_punctuation;
}

/* Setters clamp through the pspec's range so a value read from a file can never put the engine
 * outside the range it was designed for. */
static void
set_uint (CcComparisonSettings *self,
          guint                *field,
          guint                 value,
          guint                 prop_id)
{
  GParamSpecUInt *pspec = G_PARAM_SPEC_UINT (properties[prop_id]);

  value = CLAMP (value, pspec->minimum, pspec->maximum);
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_boolean (CcComparisonSettings *self,
             gboolean             *field,
             gboolean              value,
             guint                 prop_id)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

guint
cc_comparison_settings_get_min_passage_words (CcComparisonSettings *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_SETTINGS (self), 0);
  return self->min_passage_words;
}

void
cc_comparison_settings_set_min_passage_words (CcComparisonSettings *self,
                                              guint                 words)
{
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (self));
  set_uint (self, &self->min_passage_words, words, PROP_MIN_PASSAGE_WORDS);
}

guint
cc_comparison_settings_get_max_bridged_words (CcComparisonSettings *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_SETTINGS (self), 0);
  return self->max_bridged_words;
}

void
cc_comparison_settings_set_max_bridged_words (CcComparisonSettings *self,
                                              guint                 words)
{
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (self));
  set_uint (self, &self->max_bridged_words, words, PROP_MAX_BRIDGED_WORDS);
}

guint
cc_comparison_settings_get_min_identity (CcComparisonSettings *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_SETTINGS (self), 0);
  return self->min_identity;
}

void
cc_comparison_settings_set_min_identity (CcComparisonSettings *self,
                                         guint                 percent)
{
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (self));
  set_uint (self, &self->min_identity, percent, PROP_MIN_IDENTITY);
}

guint
cc_comparison_settings_get_min_quote_words (CcComparisonSettings *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_SETTINGS (self), 0);
  return self->min_quote_words;
}

void
cc_comparison_settings_set_min_quote_words (CcComparisonSettings *self,
                                            guint                 words)
{
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (self));
  set_uint (self, &self->min_quote_words, words, PROP_MIN_QUOTE_WORDS);
}

gboolean
cc_comparison_settings_get_fold_case (CcComparisonSettings *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_SETTINGS (self), FALSE);
  return self->fold_case;
}

void
cc_comparison_settings_set_fold_case (CcComparisonSettings *self,
                                      gboolean              fold_case)
{
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (self));
  set_boolean (self, &self->fold_case, fold_case, PROP_FOLD_CASE);
}

gboolean
cc_comparison_settings_get_ignore_punctuation (CcComparisonSettings *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_SETTINGS (self), FALSE);
  return self->ignore_punctuation;
}

void
cc_comparison_settings_set_ignore_punctuation (CcComparisonSettings *self,
                                               gboolean              ignore)
{
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (self));
  set_boolean (self, &self->ignore_punctuation, ignore, PROP_IGNORE_PUNCTUATION);
}
