/* cc-comparison-item.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-comparison-item"

#include <glib/gi18n.h>

#include "cc-comparison-item.h"

/* One row of the comparison panel's list: a shared quotation or a shared passage, with what
 * the columns show as properties, so the list's factories and sorters bind to them in the
 * .ui file. Immutable: a new comparison makes new items. */
struct _CcComparisonItem
{
  GObject               parent_instance;

  CcComparisonItemKind  kind;
  guint                 index;
  CcRange               a;
  CcRange               b;
  double                score;
  char                 *left_excerpt;
  char                 *right_excerpt;
  char                 *score_label;
  char                 *position_label;
};

G_DEFINE_FINAL_TYPE (CcComparisonItem, cc_comparison_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_LEFT_EXCERPT,
  PROP_RIGHT_EXCERPT,
  PROP_SCORE,
  PROP_SCORE_LABEL,
  PROP_POSITION,
  PROP_POSITION_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cc_comparison_item_finalize (GObject *object)
{
  CcComparisonItem *self = (CcComparisonItem *)object;

  g_clear_pointer (&self->left_excerpt, g_free);
  g_clear_pointer (&self->right_excerpt, g_free);
  g_clear_pointer (&self->score_label, g_free);
  g_clear_pointer (&self->position_label, g_free);

  G_OBJECT_CLASS (cc_comparison_item_parent_class)->finalize (object);
}

static void
cc_comparison_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CcComparisonItem *self = CC_COMPARISON_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, cc_comparison_item_get_kind_label (self));
      break;
    case PROP_LEFT_EXCERPT:
      g_value_set_string (value, self->left_excerpt);
      break;
    case PROP_RIGHT_EXCERPT:
      g_value_set_string (value, self->right_excerpt);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_SCORE_LABEL:
      g_value_set_string (value, self->score_label);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->a.start);
      break;
    case PROP_POSITION_LABEL:
      g_value_set_string (value, self->position_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_comparison_item_class_init (CcComparisonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_comparison_item_finalize;
  object_class->get_property = cc_comparison_item_get_property;

  /* A number, not an enum type, so a numeric sorter orders the kinds as the enum does. */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", "Kind", "The item's CcComparisonItemKind",
                       0, CC_COMPARISON_ITEM_PASSAGE, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", "Kind Label", "The kind in the reader's words",
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LEFT_EXCERPT] =
    g_param_spec_string ("left-excerpt", "Left Excerpt", "The item's words in the left source",
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_RIGHT_EXCERPT] =
    g_param_spec_string ("right-excerpt", "Right Excerpt", "The item's words in the right source",
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCORE] =
    g_param_spec_double ("score", "Score",
                         "A quotation's score or a passage's identity, from 0 to 1",
                         0, 1, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCORE_LABEL] =
    g_param_spec_string ("score-label", "Score Label", "The score as a percentage",
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", "Position", "Where the item starts in the left source",
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION_LABEL] =
    g_param_spec_string ("position-label", "Position Label",
                         "The paragraphs the item stands in, left and right",
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_comparison_item_init (CcComparisonItem *self)
{
}

/**
 * cc_comparison_item_new:
 * @kind: what the item is
 * @index: its index among the comparison's shared quotations or shared passages
 * @a: its characters in the left source
 * @b: its characters in the right source
 * @score: a quotation's score or a passage's identity, from 0 to 1
 * @left_excerpt: the words shown for the left source
 * @right_excerpt: the words shown for the right source
 * @a_paragraph: the paragraph of the left source it starts in, from 1
 * @b_paragraph: the same in the right source
 */
CcComparisonItem *
cc_comparison_item_new (CcComparisonItemKind  kind,
                        guint                 index,
                        const CcRange        *a,
                        const CcRange        *b,
                        double                score,
                        const char           *left_excerpt,
                        const char           *right_excerpt,
                        guint                 a_paragraph,
                        guint                 b_paragraph)
{
  CcComparisonItem *self;

  g_return_val_if_fail (kind <= CC_COMPARISON_ITEM_PASSAGE, NULL);
  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  self = g_object_new (CC_TYPE_COMPARISON_ITEM, NULL);
  self->kind = kind;
  self->index = index;
  self->a = *a;
  self->b = *b;
  self->score = CLAMP (score, 0, 1);
  self->left_excerpt = g_strdup (left_excerpt != NULL ? left_excerpt : "");
  self->right_excerpt = g_strdup (right_excerpt != NULL ? right_excerpt : "");
  /* Translators: a percentage; the space is a no-break space. */
  self->score_label = g_strdup_printf (_("%.0f %%"), self->score * 100);
  /* Translators: the paragraphs a shared quotation or passage stands in, in the left source
   * and in the right one; ¶ is the paragraph sign. */
  self->position_label = g_strdup_printf (_("¶ %u · ¶ %u"), a_paragraph, b_paragraph);

  return self;
}

CcComparisonItemKind
cc_comparison_item_get_kind (CcComparisonItem *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_ITEM (self), 0);
  return self->kind;
}

const char *
cc_comparison_item_get_kind_label (CcComparisonItem *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_ITEM (self), NULL);

  switch (self->kind)
    {
    case CC_COMPARISON_ITEM_EXACT:
      return C_("shared quotation", "Exact");
    case CC_COMPARISON_ITEM_PARTIAL:
      return C_("shared quotation", "Partial");
    case CC_COMPARISON_ITEM_VARIANT:
      return C_("shared quotation", "Variant");
    case CC_COMPARISON_ITEM_UNQUOTED:
      /* Translators: words one source quotes and the other uses without quotation marks. */
      return C_("shared quotation", "Unquoted");
    case CC_COMPARISON_ITEM_PASSAGE:
      return _("Passage");
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
cc_comparison_item_get_index (CcComparisonItem *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_ITEM (self), 0);
  return self->index;
}

const CcRange *
cc_comparison_item_get_a (CcComparisonItem *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_ITEM (self), NULL);
  return &self->a;
}

const CcRange *
cc_comparison_item_get_b (CcComparisonItem *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_ITEM (self), NULL);
  return &self->b;
}

double
cc_comparison_item_get_score (CcComparisonItem *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_ITEM (self), 0);
  return self->score;
}

const char *
cc_comparison_item_get_left_excerpt (CcComparisonItem *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_ITEM (self), NULL);
  return self->left_excerpt;
}

const char *
cc_comparison_item_get_right_excerpt (CcComparisonItem *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_ITEM (self), NULL);
  return self->right_excerpt;
}
