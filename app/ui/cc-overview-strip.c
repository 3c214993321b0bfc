/* cc-overview-strip.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-overview-strip"

#include <glib/gi18n.h>

#include "cc-link-map-private.h"
#include "cc-overview-strip-private.h"
#include "cc-ui-util.h"

/* Narrow enough to sit beside a pane like a scrollbar, wide enough to see a mark's colour. */
#define NATURAL_WIDTH 14
/* A mark for a single word in a long text is still this tall, so it can be seen. */
#define MIN_MARK_HEIGHT 2.0

typedef struct
{
  CcLinkKind kind;
  CcRange    range;
  /* The mark's extent as fractions of the text's height. */
  double     top;
  double     bottom;
} Mark;

struct _CcOverviewStrip
{
  GtkWidget        parent_instance;

  CcTextViewWatch  watch;

  CcComparison    *comparison;
  gboolean         right;

  /* In the text's order; their places hold until the view's lines may have moved. */
  GArray          *marks;
  gboolean         marks_valid;
  int              marks_view_width;

  /* The marks as drawn, kept while the strip's size and style stay the same. */
  GskRenderNode   *marks_node;
  int              node_width;
  int              node_height;

  double           drag_start_y;
};

G_DEFINE_FINAL_TYPE (CcOverviewStrip, cc_overview_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT_VIEW,
  PROP_RIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate_marks (CcOverviewStrip *self)
{
  self->marks_valid = FALSE;
  g_clear_pointer (&self->marks_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolling moves only the slider; anything else may move the lines the marks stand beside. */
static void
on_view_changed (gpointer         owner,
                 CcTextViewWatch *watch,
                 gboolean         relayout)
{
  CcOverviewStrip *self = owner;

  g_assert (CC_IS_OVERVIEW_STRIP (self));

  if (relayout)
    invalidate_marks (self);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cc_overview_strip_update_label (CcOverviewStrip *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->right ? _("Overview of changes in the right source")
                                              : _("Overview of changes in the left source"),
                                  -1);
}

static gboolean
layout_ready (CcOverviewStrip *self)
{
  const CcTextViewWatch *watch = &self->watch;

  return watch->view != NULL && watch->adjustment != NULL && watch->buffer != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (watch->view)) &&
         gtk_adjustment_get_upper (watch->adjustment) >
         gtk_adjustment_get_lower (watch->adjustment);
}

/* Where @offset stands as a fraction of the text's height. The paragraph's place comes from
 * the view, which knows it without laying the paragraph out; within the paragraph the
 * characters share its height evenly, which is close enough for a strip a few hundred pixels
 * tall and keeps thousands of marks cheap. */
static double
offset_fraction (CcOverviewStrip *self,
                 guint            offset,
                 double           shift,
                 double           height)
{
  GtkTextIter iter;
  int line_y;
  int line_height;
  int n_chars;

  gtk_text_buffer_get_iter_at_offset (self->watch.buffer, &iter, offset);
  gtk_text_view_get_line_yrange (self->watch.view, &iter, &line_y, &line_height);
  n_chars = gtk_text_iter_get_chars_in_line (&iter);

  return (line_y + shift +
          (n_chars > 0 ? line_height * (double)gtk_text_iter_get_line_offset (&iter) / n_chars : 0))
         / height;
}

static void
cc_overview_strip_update_marks (CcOverviewStrip *self)
{
  GtkTextView *view = self->watch.view;
  GtkAdjustment *adjustment = self->watch.adjustment;
  int view_width = view != NULL ? gtk_widget_get_width (GTK_WIDGET (view)) : 0;
  double shift = 0;
  double height = 1;
  gboolean ready;

  /* A narrower view wraps its lines otherwise. */
  if (view_width != self->marks_view_width)
    {
      self->marks_view_width = view_width;
      self->marks_valid = FALSE;
    }

  if (self->marks_valid)
    return;

  self->marks_valid = TRUE;
  g_clear_pointer (&self->marks_node, gsk_render_node_unref);

  if ((ready = layout_ready (self)))
    {
      GdkRectangle visible;
      double lower = gtk_adjustment_get_lower (adjustment);

      /* The adjustment counts from the top of the view, the view's lines from their own
       * origin; the visible rectangle is where the two meet. */
      gtk_text_view_get_visible_rect (view, &visible);
      shift = gtk_adjustment_get_value (adjustment) - visible.y - lower;
      height = gtk_adjustment_get_upper (adjustment) - lower;
    }
  else if (self->watch.buffer != NULL)
    height = MAX (1, gtk_text_buffer_get_char_count (self->watch.buffer));

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);

      /* Until the view has laid out its text, the characters stand in for the lines. */
      if (!ready)
        {
          mark->top = MIN (1, mark->range.start / height);
          mark->bottom = MIN (1, mark->range.end / height);
          continue;
        }

      mark->top = CLAMP (offset_fraction (self, mark->range.start, shift, height), 0, 1);
      mark->bottom = CLAMP (offset_fraction (self, mark->range.end, shift, height), mark->top, 1);
    }
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *mark_a = a;
  const Mark *mark_b = b;

  if (mark_a->range.start != mark_b->range.start)
    return mark_a->range.start < mark_b->range.start ? -1 : 1;
  if (mark_a->range.end != mark_b->range.end)
    return mark_a->range.end < mark_b->range.end ? -1 : 1;
  return 0;
}

static void
cc_overview_strip_rebuild_marks (CcOverviewStrip *self)
{
  g_autoptr(GArray) spans = cc_link_spans_from_comparison (self->comparison, NULL);

  g_array_set_size (self->marks, 0);
  for (guint i = 0; i < spans->len; i++)
    {
      const CcLinkSpan *span = &g_array_index (spans, CcLinkSpan, i);
      Mark mark = { span->kind, self->right ? span->b : span->a, 0, 0 };

      /* Words the other text lacks leave no mark on this side. */
      if (mark.range.end > mark.range.start)
        g_array_append_val (self->marks, mark);
    }

  g_array_sort (self->marks, compare_marks);
  invalidate_marks (self);
}

static gboolean
is_quote (CcLinkKind kind)
{
  return kind >= CC_LINK_QUOTE_EXACT;
}

/* The diff's marks fill the strip's width and a move's is hollow; a quotation's is a narrow
 * bar down the middle, over the diff's, so the kinds differ in shape as well as colour. */
static GskRenderNode *
draw_marks (CcOverviewStrip *self,
            int              width,
            int              height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GdkRGBA background;
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "view_bg_color",
                                       &background))
    background = (GdkRGBA) { 1, 1, 1, 1 };

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < self->marks->len; i++)
        {
          const Mark *mark = &g_array_index (self->marks, Mark, i);
          /* Whole pixels keep the edges sharp; the fractions are never negative. */
          double top = (int)(mark->top * height);
          double bottom = MAX (top + MIN_MARK_HEIGHT, (int)(mark->bottom * height + 0.999));
          GdkRGBA color;

          if (is_quote (mark->kind) != (pass == 1))
            continue;

          cc_link_kind_lookup_color (mark->kind, widget, &color);

          if (is_quote (mark->kind))
            {
              double middle = width / 2.0;

              /* A rim of the page's colour keeps the bar apart from a diff mark under it. */
              cairo_rectangle (cr, middle - 3, top - 1, 6, bottom - top + 2);
              gdk_cairo_set_source_rgba (cr, &background);
              cairo_fill (cr);
              cairo_rectangle (cr, middle - 2, top, 4, bottom - top);
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_fill (cr);
            }
          else if (mark->kind == CC_LINK_MOVED)
            {
              cairo_rectangle (cr, 3, top + 0.75, width - 6, MAX (0.5, bottom - top - 1.5));
              cairo_set_line_width (cr, 1.5);
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_stroke (cr);
            }
          else
            {
              cairo_rectangle (cr, 2, top, width - 4, bottom - top);
              cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.7);
              cairo_fill (cr);
            }
        }
    }

  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
cc_overview_strip_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CcOverviewStrip *self = CC_OVERVIEW_STRIP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GtkAdjustment *adjustment;
  GskRoundedRect outline;
  GdkRGBA color;
  double lower;
  double upper;
  double top;
  double bottom;

  if (width <= 0 || height <= 0)
    return;

  cc_overview_strip_update_marks (self);

  if (self->marks_node != NULL && (self->node_width != width || self->node_height != height))
    g_clear_pointer (&self->marks_node, gsk_render_node_unref);
  if (self->marks_node == NULL && self->marks->len > 0)
    {
      self->marks_node = draw_marks (self, width, height);
      self->node_width = width;
      self->node_height = height;
    }
  if (self->marks_node != NULL)
    gtk_snapshot_append_node (snapshot, self->marks_node);

  /* The part of the text in sight, as a scrollbar's slider would show it; like a slider it
   * goes when the whole text is in sight. */
  if (!layout_ready (self))
    return;

  adjustment = self->watch.adjustment;
  lower = gtk_adjustment_get_lower (adjustment);
  upper = gtk_adjustment_get_upper (adjustment);
  if (gtk_adjustment_get_page_size (adjustment) >= upper - lower)
    return;
  top = (gtk_adjustment_get_value (adjustment) - lower) / (upper - lower) * height;
  bottom = top + gtk_adjustment_get_page_size (adjustment) / (upper - lower) * height;
  top = CLAMP ((int)(top + 0.5), 0, height - 1);
  bottom = CLAMP ((int)(bottom + 0.5), top + 1, height);

  gtk_style_context_get_color (context, &color);
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, top, width, bottom - top), 3);

  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot,
                             &(GdkRGBA) { color.red, color.green, color.blue, 0.10 },
                             &outline.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) {
                                { color.red, color.green, color.blue, 0.35 },
                                { color.red, color.green, color.blue, 0.35 },
                                { color.red, color.green, color.blue, 0.35 },
                                { color.red, color.green, color.blue, 0.35 },
                              });
}

static void
on_drag_begin_cb (GtkGestureDrag  *gesture,
                  double           start_x,
                  double           start_y,
                  CcOverviewStrip *self)
{
  g_assert (CC_IS_OVERVIEW_STRIP (self));

  self->drag_start_y = start_y;
  cc_overview_strip_scroll_to_y (self, start_y);
}

static void
on_drag_update_cb (GtkGestureDrag  *gesture,
                   double           offset_x,
                   double           offset_y,
                   CcOverviewStrip *self)
{
  g_assert (CC_IS_OVERVIEW_STRIP (self));

  cc_overview_strip_scroll_to_y (self, self->drag_start_y + offset_y);
}

static void
cc_overview_strip_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  CcOverviewStrip *self = CC_OVERVIEW_STRIP (widget);

  GTK_WIDGET_CLASS (cc_overview_strip_parent_class)->css_changed (widget, change);

  /* The marks' colours may have changed with the style. */
  g_clear_pointer (&self->marks_node, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);
}

static void
cc_overview_strip_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = NATURAL_WIDTH;
  else
    *minimum = *natural = 0;
}

static void
cc_overview_strip_dispose (GObject *object)
{
  CcOverviewStrip *self = (CcOverviewStrip *)object;

  cc_overview_strip_set_text_view (self, NULL);
  g_clear_pointer (&self->comparison, cc_comparison_unref);
  g_clear_pointer (&self->marks_node, gsk_render_node_unref);

  G_OBJECT_CLASS (cc_overview_strip_parent_class)->dispose (object);
}

static void
cc_overview_strip_finalize (GObject *object)
{
  CcOverviewStrip *self = (CcOverviewStrip *)object;

  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (cc_overview_strip_parent_class)->finalize (object);
}

static void
cc_overview_strip_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CcOverviewStrip *self = CC_OVERVIEW_STRIP (object);

  switch (prop_id)
    {
    case PROP_TEXT_VIEW:
      g_value_set_object (value, self->watch.view);
      break;
    case PROP_RIGHT:
      g_value_set_boolean (value, self->right);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_overview_strip_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CcOverviewStrip *self = CC_OVERVIEW_STRIP (object);

  switch (prop_id)
    {
    case PROP_TEXT_VIEW:
      cc_overview_strip_set_text_view (self, g_value_get_object (value));
      break;
    case PROP_RIGHT:
      cc_overview_strip_set_right (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_overview_strip_class_init (CcOverviewStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_overview_strip_dispose;
  object_class->finalize = cc_overview_strip_finalize;
  object_class->get_property = cc_overview_strip_get_property;
  object_class->set_property = cc_overview_strip_set_property;

  widget_class->snapshot = cc_overview_strip_snapshot;
  widget_class->measure = cc_overview_strip_measure;
  widget_class->css_changed = cc_overview_strip_css_changed;

  properties[PROP_TEXT_VIEW] =
    g_param_spec_object ("text-view", "Text View", "The text view the strip gives an overview of",
                         GTK_TYPE_TEXT_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RIGHT] =
    g_param_spec_boolean ("right", "Right", "Whether the view shows the comparison's right source",
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "overviewstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cc_overview_strip_init (CcOverviewStrip *self)
{
  GtkGesture *drag;

  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  cc_text_view_watch_init (&self->watch, on_view_changed, self);

  /* A press scrolls at once; holding it and moving scrolls on, like a scrollbar's slider. */
  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  cc_overview_strip_update_label (self);
}

CcOverviewStrip *
cc_overview_strip_new (void)
{
  return g_object_new (CC_TYPE_OVERVIEW_STRIP, NULL);
}

/**
 * cc_overview_strip_set_text_view:
 * @text_view: (nullable): the view to give an overview of and to scroll
 *
 * It need not be in a scrolled window yet.
 */
void
cc_overview_strip_set_text_view (CcOverviewStrip *self,
                                 GtkTextView     *text_view)
{
  g_return_if_fail (CC_IS_OVERVIEW_STRIP (self));
  g_return_if_fail (text_view == NULL || GTK_IS_TEXT_VIEW (text_view));

  if (!cc_text_view_watch_set_view (&self->watch, text_view))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_VIEW]);
}

/**
 * cc_overview_strip_get_text_view:
 *
 * Returns: (transfer none) (nullable): the view the strip gives an overview of
 */
GtkTextView *
cc_overview_strip_get_text_view (CcOverviewStrip *self)
{
  g_return_val_if_fail (CC_IS_OVERVIEW_STRIP (self), NULL);
  return self->watch.view;
}

/**
 * cc_overview_strip_set_comparison:
 * @comparison: (nullable): the comparison whose text the view shows, or %NULL for none
 * @right: %TRUE if the view shows the comparison's right text, %FALSE for the left
 *
 * Sets what to mark: the differences and shared quotations of one side of @comparison.
 */
void
cc_overview_strip_set_comparison (CcOverviewStrip *self,
                                  CcComparison    *comparison,
                                  gboolean         right)
{
  g_return_if_fail (CC_IS_OVERVIEW_STRIP (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->comparison != comparison)
    {
      g_clear_pointer (&self->comparison, cc_comparison_unref);
      if (comparison != NULL)
        self->comparison = cc_comparison_ref (comparison);
    }

  if (self->right != !!right)
    {
      self->right = !!right;
      cc_overview_strip_update_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RIGHT]);
    }

  cc_overview_strip_rebuild_marks (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cc_overview_strip_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison marked
 */
CcComparison *
cc_overview_strip_get_comparison (CcOverviewStrip *self)
{
  g_return_val_if_fail (CC_IS_OVERVIEW_STRIP (self), NULL);
  return self->comparison;
}

gboolean
cc_overview_strip_get_right (CcOverviewStrip *self)
{
  g_return_val_if_fail (CC_IS_OVERVIEW_STRIP (self), FALSE);
  return self->right;
}

/**
 * cc_overview_strip_set_right:
 * @right: %TRUE if the view shows the comparison's right text, %FALSE for the left
 */
void
cc_overview_strip_set_right (CcOverviewStrip *self,
                             gboolean         right)
{
  g_return_if_fail (CC_IS_OVERVIEW_STRIP (self));

  if (self->right == !!right)
    return;

  cc_overview_strip_set_comparison (self, self->comparison, right);
}

guint
cc_overview_strip_get_n_marks (CcOverviewStrip *self)
{
  g_return_val_if_fail (CC_IS_OVERVIEW_STRIP (self), 0);
  return self->marks->len;
}

void
cc_overview_strip_get_mark (CcOverviewStrip *self,
                            guint            index,
                            double          *top,
                            double          *bottom)
{
  const Mark *mark;

  g_return_if_fail (CC_IS_OVERVIEW_STRIP (self));
  g_return_if_fail (index < self->marks->len);

  cc_overview_strip_update_marks (self);
  mark = &g_array_index (self->marks, Mark, index);
  *top = mark->top;
  *bottom = mark->bottom;
}

/**
 * cc_overview_strip_scroll_to_y:
 * @y: a point of the strip, from its top
 *
 * Scrolls the view to bring the text at @y's height into the middle of the view.
 */
void
cc_overview_strip_scroll_to_y (CcOverviewStrip *self,
                               double           y)
{
  GtkAdjustment *adjustment;
  double height;
  double lower;
  double upper;
  double page;

  g_return_if_fail (CC_IS_OVERVIEW_STRIP (self));

  height = gtk_widget_get_height (GTK_WIDGET (self));
  adjustment = self->watch.adjustment;
  if (adjustment == NULL || height <= 0)
    return;

  lower = gtk_adjustment_get_lower (adjustment);
  upper = gtk_adjustment_get_upper (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);

  /* The adjustment keeps the value within its bounds. */
  gtk_adjustment_set_value (adjustment,
                            lower + CLAMP (y / height, 0, 1) * (upper - lower) - page / 2);
}
