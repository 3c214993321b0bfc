/* cc-comparison-panel.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-comparison-panel"

#include <glib/gi18n.h>

#include "cc-comparison-item.h"
#include "cc-comparison-panel.h"

/* Excerpts stop here: the column shows one line, the tooltip a few. */
#define MAX_EXCERPT_CHARS 200

struct _CcComparisonPanel
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkBox              *statistics_box;
  GtkGrid             *statistics_grid;
  GtkLabel            *coverage_a_label;
  GtkLabel            *coverage_b_label;
  GtkLabel            *deleted_label;
  GtkLabel            *inserted_label;
  GtkLabel            *changed_label;
  GtkLabel            *moved_label;
  GtkLabel            *passages_label;
  GtkLabel            *exact_label;
  GtkLabel            *partial_label;
  GtkLabel            *variant_label;
  GtkLabel            *unquoted_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
  GtkColumnViewColumn *position_column;

  GListStore          *items;
  CcComparison        *comparison;

  /* Listing thousands of passages takes a noticeable moment, so the list is only made
   * while the panel is shown, or when asked for. */
  gboolean             items_stale;
};

G_DEFINE_FINAL_TYPE (CcComparisonPanel, cc_comparison_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The words of a range on one line, cut short if long: line breaks and runs of spaces would
 * only waste the column's one line. */
static char *
dup_excerpt (CcText        *text,
             const CcRange *range)
{
  g_autofree char *span = cc_text_dup_span (text, range->start, range->end);
  GString *excerpt = g_string_new (NULL);
  gboolean space = FALSE;
  guint n_chars = 0;

  for (const char *p = span; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = excerpt->len > 0;
          continue;
        }

      if (n_chars >= MAX_EXCERPT_CHARS)
        {
          g_string_append (excerpt, "…");
          break;
        }

      if (space)
        {
          g_string_append_c (excerpt, ' ');
          n_chars++;
          space = FALSE;
        }
      g_string_append_unichar (excerpt, c);
      n_chars++;
    }

  return g_string_free (excerpt, FALSE);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
set_percent (GtkLabel *label,
             double    fraction)
{
  /* Translators: a percentage; the space is a no-break space. */
  g_autofree char *text = g_strdup_printf (_("%.0f %%"), fraction * 100);

  gtk_label_set_label (label, text);
}

static void
cc_comparison_panel_update_statistics (CcComparisonPanel *self)
{
  GtkLabel *labels[] = {
    self->coverage_a_label, self->coverage_b_label, self->deleted_label, self->inserted_label,
    self->changed_label, self->moved_label, self->passages_label, self->exact_label,
    self->partial_label, self->variant_label, self->unquoted_label,
  };
  const CcComparisonStats *stats;
  g_autofree char *changed = NULL;

  if (self->comparison == NULL)
    {
      /* Nothing known yet: a dash, not a zero that would claim the sources share nothing. */
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        gtk_label_set_label (labels[i], "–");
      return;
    }

  stats = cc_comparison_get_stats (self->comparison);
  set_percent (self->coverage_a_label, stats->coverage_a);
  set_percent (self->coverage_b_label, stats->coverage_b);
  set_count (self->deleted_label, stats->deleted);
  set_count (self->inserted_label, stats->inserted);
  /* Translators: words of the left source replaced, and the words of the right source that
   * replaced them. */
  changed = g_strdup_printf (_("%u → %u"), stats->changed_a, stats->changed_b);
  gtk_label_set_label (self->changed_label, changed);
  set_count (self->moved_label, stats->moved);
  set_count (self->passages_label, stats->passages);
  set_count (self->exact_label, stats->shared_quotes[CC_SHARED_EXACT]);
  set_count (self->partial_label, stats->shared_quotes[CC_SHARED_PARTIAL]);
  set_count (self->variant_label, stats->shared_quotes[CC_SHARED_VARIANT]);
  set_count (self->unquoted_label, stats->shared_quotes[CC_SHARED_UNQUOTED]);
}

/* A row of the list: what each text says there, and where, as the reader counts paragraphs. */
static CcComparisonItem *
new_item (CcComparisonItemKind  kind,
          guint                 index,
          CcText               *a,
          CcText               *b,
          const CcRange        *a_range,
          const CcRange        *b_range,
          double                score)
{
  g_autofree char *left = dup_excerpt (a, a_range);
  g_autofree char *right = dup_excerpt (b, b_range);

  return cc_comparison_item_new (kind, index, a_range, b_range, score, left, right,
                                 cc_text_paragraph_at (a, a_range->start),
                                 cc_text_paragraph_at (b, b_range->start));
}

static void
cc_comparison_panel_update_items (CcComparisonPanel *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  CcSharedQuotes *shared_quotes;
  CcPassages *passages;
  CcText *a;
  CcText *b;

  self->items_stale = FALSE;

  if (self->comparison != NULL)
    {
      a = cc_comparison_get_text_a (self->comparison);
      b = cc_comparison_get_text_b (self->comparison);

      if ((shared_quotes = cc_comparison_get_shared_quotes (self->comparison)))
        {
          const CcSharedQuote *shared;
          guint n_shared;

          shared = cc_shared_quotes_get (shared_quotes, &n_shared);
          for (guint i = 0; i < n_shared; i++)
            g_ptr_array_add (items, new_item ((CcComparisonItemKind)shared[i].kind, i, a, b,
                                              &shared[i].a, &shared[i].b, shared[i].score));
        }

      if ((passages = cc_comparison_get_passages (self->comparison)))
        {
          const CcPassage *passage;
          guint n_passages;

          passage = cc_passages_get (passages, &n_passages);
          for (guint i = 0; i < n_passages; i++)
            g_ptr_array_add (items, new_item (CC_COMPARISON_ITEM_PASSAGE, i, a, b, &passage[i].a,
                                              &passage[i].b, passage[i].identity));
        }
    }

  /* One change for the whole list, so the view rebuilds its rows once. */
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "empty");
}

static void
on_column_view_activate_cb (GtkColumnView     *column_view,
                            guint              position,
                            CcComparisonPanel *self)
{
  g_autoptr(CcComparisonItem) item = NULL;
  const CcRange *a;
  const CcRange *b;

  g_assert (CC_IS_COMPARISON_PANEL (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  if (item == NULL)
    return;

  a = cc_comparison_item_get_a (item);
  b = cc_comparison_item_get_b (item);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, a->start, a->end, b->start, b->end);
}

static void
cc_comparison_panel_dispose (GObject *object)
{
  CcComparisonPanel *self = (CcComparisonPanel *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_COMPARISON_PANEL);

  /* Children without an id are not the template's to clear. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->items);
  g_clear_pointer (&self->comparison, cc_comparison_unref);

  G_OBJECT_CLASS (cc_comparison_panel_parent_class)->dispose (object);
}

static void
cc_comparison_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CcComparisonPanel *self = CC_COMPARISON_PANEL (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_pointer (value, self->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_comparison_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CcComparisonPanel *self = CC_COMPARISON_PANEL (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      cc_comparison_panel_set_comparison (self, g_value_get_pointer (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_comparison_panel_map (GtkWidget *widget)
{
  CcComparisonPanel *self = (CcComparisonPanel *)widget;

  GTK_WIDGET_CLASS (cc_comparison_panel_parent_class)->map (widget);

  if (self->items_stale)
    cc_comparison_panel_update_items (self);
}

static void
cc_comparison_panel_class_init (CcComparisonPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_comparison_panel_dispose;
  object_class->get_property = cc_comparison_panel_get_property;
  object_class->set_property = cc_comparison_panel_set_property;

  widget_class->map = cc_comparison_panel_map;

  /* CcComparison is a plain reference-counted struct without a boxed type: a pointer. */
  properties[PROP_COMPARISON] =
    g_param_spec_pointer ("comparison", "Comparison", "The comparison summed up, or NULL",
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcComparisonPanel::item-activated:
   * @a_start: the first character of the item in the left source
   * @a_end: one past its last character
   * @b_start: the first character of the item in the right source
   * @b_end: one past its last character
   *
   * The reader chose a shared quotation or passage in the list, to see it in the texts.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  /* The list's factories and sorters name the item type. */
  g_type_ensure (CC_TYPE_COMPARISON_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-comparison-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, statistics_box);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, statistics_grid);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, coverage_a_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, coverage_b_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, deleted_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, inserted_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, changed_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, moved_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, passages_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, exact_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, partial_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, variant_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, unquoted_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, column_view);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, selection);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonPanel, position_column);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparisonpanel");
}

static void
cc_comparison_panel_init (CcComparisonPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (CC_TYPE_COMPARISON_ITEM);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->items));
  /* The column headers sort the list; the reader starts from the texts' order. */
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_sort_by_column (self->column_view, self->position_column, GTK_SORT_ASCENDING);

  cc_comparison_panel_update_statistics (self);
  cc_comparison_panel_update_items (self);
}

CcComparisonPanel *
cc_comparison_panel_new (void)
{
  return g_object_new (CC_TYPE_COMPARISON_PANEL, NULL);
}

/**
 * cc_comparison_panel_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison shown
 */
CcComparison *
cc_comparison_panel_get_comparison (CcComparisonPanel *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_PANEL (self), NULL);
  return self->comparison;
}

/**
 * cc_comparison_panel_set_comparison:
 * @comparison: (nullable): the comparison to sum up, or %NULL while there is none
 *
 * Shows the comparison's statistics and lists its shared quotations and passages.
 */
void
cc_comparison_panel_set_comparison (CcComparisonPanel *self,
                                    CcComparison      *comparison)
{
  g_return_if_fail (CC_IS_COMPARISON_PANEL (self));

  if (comparison == self->comparison)
    return;

  g_clear_pointer (&self->comparison, cc_comparison_unref);
  if (comparison != NULL)
    self->comparison = cc_comparison_ref (comparison);

  cc_comparison_panel_update_statistics (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    cc_comparison_panel_update_items (self);
  else
    self->items_stale = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/**
 * cc_comparison_panel_get_items:
 *
 * Returns: (transfer none): the listed #CcComparisonItems in the order shown
 */
GListModel *
cc_comparison_panel_get_items (CcComparisonPanel *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_PANEL (self), NULL);

  if (self->items_stale)
    cc_comparison_panel_update_items (self);

  return G_LIST_MODEL (self->sort_model);
}

/**
 * cc_comparison_panel_get_column_view:
 *
 * Returns: (transfer none): the list of shared quotations and passages
 */
GtkColumnView *
cc_comparison_panel_get_column_view (CcComparisonPanel *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_PANEL (self), NULL);
  return self->column_view;
}
