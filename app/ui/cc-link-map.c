/* cc-link-map.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-link-map"

#include <glib/gi18n.h>

#include "cc-link-map-private.h"
#include "cc-ui-util.h"

/* Room for a curve between the panes without taking much from the texts. */
#define NATURAL_WIDTH 48
/* A connector whose one end is scrolled out of sight still heads off toward it, so the reader
 * sees which way the counterpart lies. */
#define EXIT_DISTANCE 24.0
/* Connectors thinner than this are as easy to hit as if they were this tall. */
#define MIN_HIT_HEIGHT 6.0
/* The size of the stub a hunk gets when its other end is out of sight. */
#define STUB_LENGTH 14.0
#define STUB_MIN_HEIGHT 6.0
#define STUB_RADIUS 4.0

enum {
  LEFT,
  RIGHT,
};

typedef struct
{
  CcLinkKind kind;
  CcRange    a;
  CcRange    b;
  /* Buffer y of each side's span; good while stamp equals the side's layout stamp. */
  double     top[2];
  double     bottom[2];
  guint      stamp[2];
} Link;

typedef struct
{
  CcTextViewWatch watch;
  /* Changes whenever the view may have moved its lines, which outdates the links' y. */
  guint           stamp;
  /* The view's width when last measured: a new width wraps the lines anew. */
  int             width;
} Side;

/* Where one side stands for one frame: what turns its buffer y into the map's, the part of
 * the map beside its visible text, and the characters that can be seen there. */
typedef struct
{
  double shift;
  double top;
  double bottom;
  guint  first_offset;
  guint  last_offset;
} SideFrame;

struct _CcLinkMap
{
  GtkWidget     parent_instance;

  Side          sides[2];
  CcComparison *comparison;

  /* Diff hunks first, in the diff's order, where the spans of both sides ascend, so the
   * visible ones are found by bisection; then moves and shared quotations, which go each
   * their own way and are few. */
  GArray       *links;
  guint         n_ordered;

  SideFrame     frame[2];
  /* Indices into links of the connectors that show, as of the last update. */
  GArray       *visible;
  gboolean      frame_valid;

  /* The connector under the pointer, or -1. */
  int           hover;
};

G_DEFINE_FINAL_TYPE (CcLinkMap, cc_link_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LEFT_TEXT_VIEW,
  PROP_RIGHT_TEXT_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The colours are the comparison view's: style.css names them after libadwaita's, which change
 * with the dark style; a widget outside the application falls back to libadwaita's own. The
 * kinds differ without colour too: a deletion narrows to a point on the right and an insertion
 * on the left, a move's outline is dashed and a quotation's dotted. */
static const struct {
  const char *color_name;
  const char *adwaita_name;
  const char *fallback;
  double      fill_alpha;
  double      dash;
  double      gap;
  double      line_width;
} kind_styles[] = {
  [CC_LINK_DELETED] = { "cc_deleted_color", "error_color", "#c01c28", 0.22, 0, 0, 1 },
  [CC_LINK_INSERTED] = { "cc_inserted_color", "success_color", "#26a269", 0.22, 0, 0, 1 },
  [CC_LINK_CHANGED] = { "cc_changed_color", "warning_color", "#c64600", 0.24, 0, 0, 1 },
  [CC_LINK_MOVED] = { "cc_moved_color", "purple_3", "#813d9c", 0.20, 5, 3, 1 },
  [CC_LINK_QUOTE_EXACT] = { "cc_quote_color", "accent_color", "#1a5fb4", 0.26, 0.01, 3, 1.6 },
  [CC_LINK_QUOTE_PARTIAL] = { "cc_quote_color", "accent_color", "#1a5fb4", 0.12, 0.01, 3, 1.6 },
  [CC_LINK_QUOTE_VARIANT] = { "cc_quote_color", "accent_color", "#1a5fb4", 0.18, 0.01, 3, 1.6 },
  [CC_LINK_QUOTE_UNQUOTED] = { "cc_quote_color", "accent_color", "#1a5fb4", 0.12, 0.01, 3, 1.6 },
};

/* Later kinds are drawn over earlier ones: quotations over the diff, like the text tags. */
static const CcLinkKind draw_order[] = {
  CC_LINK_CHANGED,
  CC_LINK_DELETED,
  CC_LINK_INSERTED,
  CC_LINK_MOVED,
  CC_LINK_QUOTE_UNQUOTED,
  CC_LINK_QUOTE_PARTIAL,
  CC_LINK_QUOTE_VARIANT,
  CC_LINK_QUOTE_EXACT,
};

static const CcLinkKind shared_quote_kinds[] = {
  [CC_SHARED_EXACT] = CC_LINK_QUOTE_EXACT,
  [CC_SHARED_PARTIAL] = CC_LINK_QUOTE_PARTIAL,
  [CC_SHARED_VARIANT] = CC_LINK_QUOTE_VARIANT,
  [CC_SHARED_UNQUOTED] = CC_LINK_QUOTE_UNQUOTED,
};

/**
 * cc_link_kind_lookup_color:
 * @kind: a #CcLinkKind
 * @widget: the widget that draws it, whose style the colour comes from
 * @rgba: (out): the colour, opaque
 *
 * The colour of a kind of highlight in @widget's style, for the drawing widgets of the
 * comparison.
 */
void
cc_link_kind_lookup_color (CcLinkKind  kind,
                           GtkWidget  *widget,
                           GdkRGBA    *rgba)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  g_assert (kind < G_N_ELEMENTS (kind_styles));

  if (gtk_style_context_lookup_color (context, kind_styles[kind].color_name, rgba) ||
      gtk_style_context_lookup_color (context, kind_styles[kind].adwaita_name, rgba))
    return;

  if (!gdk_rgba_parse (rgba, kind_styles[kind].fallback))
    g_assert_not_reached ();
}

/**
 * cc_link_spans_from_comparison:
 * @comparison: (nullable): a comparison
 * @n_ordered: (out) (optional): how many spans at the start are diff hunks in the diff's order
 *
 * The connectors of a comparison: its diff hunks in order, each move once from where the
 * words were to where they went, and the shared quotations.
 *
 * Returns: (transfer full) (element-type CcLinkSpan): the spans
 */
GArray *
cc_link_spans_from_comparison (CcComparison *comparison,
                               guint        *n_ordered)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (CcLinkSpan));
  CcSharedQuotes *shared_quotes;
  const CcDiffOp *ops = NULL;
  guint n_ops = 0;
  CcDiff *diff;

  if (comparison != NULL && (diff = cc_comparison_get_diff (comparison)))
    ops = cc_diff_get_ops (diff, &n_ops);

  for (guint i = 0; i < n_ops; i++)
    {
      CcLinkSpan span = { 0, ops[i].a, ops[i].b };

      switch (ops[i].kind)
        {
        case CC_DIFF_DELETE:
          span.kind = CC_LINK_DELETED;
          break;
        case CC_DIFF_INSERT:
          span.kind = CC_LINK_INSERTED;
          break;
        case CC_DIFF_CHANGE:
          span.kind = CC_LINK_CHANGED;
          break;
        case CC_DIFF_EQUAL:
        case CC_DIFF_MOVE_FROM:
        case CC_DIFF_MOVE_TO:
        default:
          continue;
        }

      g_array_append_val (spans, span);
    }

  if (n_ordered != NULL)
    *n_ordered = spans->len;

  for (guint i = 0; i < n_ops; i++)
    {
      CcLinkSpan span = { CC_LINK_MOVED, ops[i].a, ops[i].b };
      gint partner = ops[i].partner;
      gboolean paired = partner >= 0 && (guint)partner < n_ops;

      /* A move is one connector, from its old place to its new; a half without its other
       * half still shows where it stands. */
      if (ops[i].kind == CC_DIFF_MOVE_FROM)
        {
          if (paired && ops[partner].kind == CC_DIFF_MOVE_TO)
            span.b = ops[partner].b;
        }
      else if (ops[i].kind != CC_DIFF_MOVE_TO || (paired && ops[partner].kind == CC_DIFF_MOVE_FROM))
        continue;

      g_array_append_val (spans, span);
    }

  if (comparison != NULL && (shared_quotes = cc_comparison_get_shared_quotes (comparison)))
    {
      const CcSharedQuote *shared;
      guint n_shared;

      shared = cc_shared_quotes_get (shared_quotes, &n_shared);
      for (guint i = 0; i < n_shared; i++)
        {
          CcLinkSpan span = { CC_LINK_QUOTE_EXACT, shared[i].a, shared[i].b };

          g_assert (shared[i].kind < G_N_ELEMENTS (shared_quote_kinds));
          span.kind = shared_quote_kinds[shared[i].kind];
          g_array_append_val (spans, span);
        }
    }

  return spans;
}

static const CcRange *
link_range (const Link *link,
            guint       side)
{
  return side == LEFT ? &link->a : &link->b;
}

static void
invalidate_side (CcLinkMap *self,
                 guint      side)
{
  self->sides[side].stamp++;
  self->frame_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolling leaves the links' places in the buffer as they were; anything else may move the
 * lines. */
static void
on_view_changed (gpointer         owner,
                 CcTextViewWatch *watch,
                 gboolean         relayout)
{
  CcLinkMap *self = owner;

  g_assert (CC_IS_LINK_MAP (self));

  if (!relayout)
    {
      self->frame_valid = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  invalidate_side (self, watch == &self->sides[LEFT].watch ? LEFT : RIGHT);
}

/* A point between two paragraphs stands in the blank line between them, if there is one;
 * a point inside a line at the middle of that line. */
static double
point_y (GtkTextView       *view,
         const GtkTextIter *iter)
{
  GdkRectangle location;
  GtkTextIter above = *iter;

  gtk_text_view_get_iter_location (view, iter, &location);

  if (!gtk_text_iter_starts_line (iter) || gtk_text_iter_is_start (iter))
    return location.y + location.height / 2.0;

  gtk_text_iter_backward_line (&above);
  if (gtk_text_iter_ends_line (&above))
    {
      gtk_text_view_get_iter_location (view, &above, &location);
      return location.y + location.height / 2.0;
    }

  return location.y;
}

/* The display lines the span's words are on: white space at its edges is on no line the
 * reader sees marked. */
static void
measure_span (GtkTextView   *view,
              GtkTextBuffer *buffer,
              const CcRange *range,
              double        *top,
              double        *bottom)
{
  GdkRectangle location;
  GtkTextIter start;
  GtkTextIter end;
  GtkTextIter last;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);

  while (gtk_text_iter_compare (&start, &end) < 0 &&
         g_unichar_isspace (gtk_text_iter_get_char (&start)))
    gtk_text_iter_forward_char (&start);

  while (gtk_text_iter_compare (&start, &end) < 0)
    {
      last = end;
      gtk_text_iter_backward_char (&last);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&last)))
        break;
      end = last;
    }

  if (gtk_text_iter_equal (&start, &end))
    {
      /* Where the white space began, for a span of nothing else. */
      gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
      *top = *bottom = point_y (view, &start);
      return;
    }

  gtk_text_view_get_iter_location (view, &start, &location);
  *top = location.y;

  last = end;
  gtk_text_iter_backward_char (&last);
  gtk_text_view_get_iter_location (view, &last, &location);
  *bottom = MAX (*top, location.y + location.height);
}

static void
link_measure (CcLinkMap *self,
              Link      *link,
              guint      side)
{
  Side *s = &self->sides[side];

  if (link->stamp[side] == s->stamp)
    return;

  measure_span (s->watch.view, s->watch.buffer, link_range (link, side), &link->top[side],
                &link->bottom[side]);
  link->stamp[side] = s->stamp;
}

static gboolean
side_update_frame (CcLinkMap *self,
                   guint      side)
{
  Side *s = &self->sides[side];
  SideFrame *frame = &self->frame[side];
  GtkWidget *view;
  GdkRectangle visible;
  GtkTextIter iter;
  double view_x;
  double view_y;
  int window_y;

  if (s->watch.view == NULL || s->watch.buffer == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (s->watch.view)))
    return FALSE;

  view = GTK_WIDGET (s->watch.view);

  if (!gtk_widget_translate_coordinates (view, GTK_WIDGET (self), 0, 0, &view_x, &view_y))
    return FALSE;

  /* A narrower view wraps its lines otherwise. */
  if (gtk_widget_get_width (view) != s->width)
    {
      s->width = gtk_widget_get_width (view);
      s->stamp++;
    }

  gtk_text_view_get_visible_rect (s->watch.view, &visible);
  gtk_text_view_buffer_to_window_coords (s->watch.view, GTK_TEXT_WINDOW_WIDGET, 0, visible.y,
                                         NULL, &window_y);
  frame->shift = view_y + window_y - visible.y;
  frame->top = view_y;
  frame->bottom = view_y + gtk_widget_get_height (view);

  /* A display line to spare at each end: a span just beyond the last whole line may still
   * reach into sight. */
  gtk_text_view_get_iter_at_location (s->watch.view, &iter, 0, visible.y);
  gtk_text_view_backward_display_line_start (s->watch.view, &iter);
  gtk_text_view_backward_display_line (s->watch.view, &iter);
  frame->first_offset = gtk_text_iter_get_offset (&iter);

  gtk_text_view_get_iter_at_location (s->watch.view, &iter, 0, visible.y + visible.height);
  gtk_text_view_forward_display_line (s->watch.view, &iter);
  gtk_text_view_forward_display_line_end (s->watch.view, &iter);
  frame->last_offset = gtk_text_iter_get_offset (&iter);

  return TRUE;
}

/* The first ordered link whose span on @side ends at or after @offset; or, @by_start, the
 * first whose span starts after it. */
static guint
find_first_link (CcLinkMap *self,
                 guint      side,
                 guint      offset,
                 gboolean   by_start)
{
  guint low = 0;
  guint high = self->n_ordered;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const CcRange *range = link_range (&g_array_index (self->links, Link, middle), side);

      if (by_start ? range->start <= offset : range->end < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static gboolean
in_offsets (const CcRange   *range,
            const SideFrame *frame)
{
  return range->end >= frame->first_offset && range->start <= frame->last_offset;
}

static gboolean
in_sight (double           top,
          double           bottom,
          const SideFrame *frame)
{
  if (top == bottom)
    return top >= frame->top && top <= frame->bottom;

  return bottom > frame->top && top < frame->bottom;
}

/* Measures a link that may show and keeps it if one of its ends does. A connector with both
 * ends out of sight tells the reader nothing, and with the panes scrolled apart there would
 * be thousands. */
static void
consider_link (CcLinkMap *self,
               guint      index)
{
  Link *link = &g_array_index (self->links, Link, index);
  gboolean shows = FALSE;

  /* Both ends, since both are drawn. */
  for (guint side = LEFT; side <= RIGHT; side++)
    {
      const SideFrame *frame = &self->frame[side];

      link_measure (self, link, side);
      shows |= in_sight (link->top[side] + frame->shift, link->bottom[side] + frame->shift, frame);
    }

  if (shows)
    g_array_append_val (self->visible, index);
}

static void
cc_link_map_update_visible (CcLinkMap *self)
{
  guint first[2];
  guint end[2];

  if (self->frame_valid)
    return;

  g_array_set_size (self->visible, 0);

  if (!side_update_frame (self, LEFT) || !side_update_frame (self, RIGHT))
    return;

  self->frame_valid = TRUE;

  /* The ordered hunks in sight on either side make up two runs of indices. */
  for (guint side = LEFT; side <= RIGHT; side++)
    {
      first[side] = find_first_link (self, side, self->frame[side].first_offset, FALSE);
      end[side] = find_first_link (self, side, self->frame[side].last_offset, TRUE);
    }

  for (guint i = first[LEFT]; i < end[LEFT]; i++)
    consider_link (self, i);
  for (guint i = first[RIGHT]; i < end[RIGHT]; i++)
    {
      if (i >= first[LEFT] && i < end[LEFT])
        continue;
      consider_link (self, i);
    }

  for (guint i = self->n_ordered; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);

      if (in_offsets (&link->a, &self->frame[LEFT]) || in_offsets (&link->b, &self->frame[RIGHT]))
        consider_link (self, i);
    }
}

/* How a connector is drawn: a band from one text to the other, or for a diff hunk whose other
 * end is out of sight a stub at the end that shows, as in Meld. Bands of hunks far out of
 * sight would otherwise gather in a sheaf at the map's corner; moves and quotations keep their
 * bands, which point the way to their counterparts. */
typedef struct
{
  /* LEFT or RIGHT for a stub on that side; -1 for a band. */
  int    stub;
  /* The ends' y as drawn: an end out of sight is brought to just beyond the edge it lies
   * past. */
  double ends[4];
  double left_x;
  double right_x;
} Shape;

static gboolean
is_diff_hunk (CcLinkKind kind)
{
  return kind == CC_LINK_DELETED || kind == CC_LINK_INSERTED || kind == CC_LINK_CHANGED;
}

static void
get_edges (CcLinkMap *self,
           double    *left_x,
           double    *right_x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  /* The left text is on the right in a right-to-left layout. */
  *left_x = rtl ? width : 0;
  *right_x = rtl ? 0 : width;
}

static void
link_get_shape (CcLinkMap  *self,
                const Link *link,
                Shape      *shape)
{
  gboolean shows[2];

  get_edges (self, &shape->left_x, &shape->right_x);

  for (guint side = LEFT; side <= RIGHT; side++)
    {
      const SideFrame *frame = &self->frame[side];
      double top = link->top[side] + frame->shift;
      double bottom = link->bottom[side] + frame->shift;
      double low = frame->top - EXIT_DISTANCE;
      double high = frame->bottom + EXIT_DISTANCE;

      shows[side] = in_sight (top, bottom, frame);
      shape->ends[side * 2] = CLAMP (top, low, high);
      shape->ends[side * 2 + 1] = CLAMP (bottom, low, high);
    }

  shape->stub = -1;
  if (is_diff_hunk (link->kind) && shows[LEFT] != shows[RIGHT])
    {
      double *top = &shape->ends[shows[LEFT] ? 0 : 2];
      double *bottom = &shape->ends[shows[LEFT] ? 1 : 3];
      double middle = (*top + *bottom) / 2;

      shape->stub = shows[LEFT] ? LEFT : RIGHT;

      /* A stub for a point is a small tab, still there to see and to hit. */
      if (*bottom - *top < STUB_MIN_HEIGHT)
        {
          *top = middle - STUB_MIN_HEIGHT / 2;
          *bottom = middle + STUB_MIN_HEIGHT / 2;
        }
    }
}

/* A stub's extent: from @near, toward the left text's side, to @far. */
static void
stub_get_extent (const Shape *shape,
                 double      *near,
                 double      *far,
                 double      *top,
                 double      *bottom)
{
  double direction = shape->right_x > shape->left_x ? 1 : -1;

  if (shape->stub == LEFT)
    {
      *near = shape->left_x;
      *far = shape->left_x + direction * STUB_LENGTH;
    }
  else
    {
      *near = shape->right_x - direction * STUB_LENGTH;
      *far = shape->right_x;
    }

  *top = shape->ends[shape->stub * 2];
  *bottom = shape->ends[shape->stub * 2 + 1];
}

/* A shape's path: closed, to fill; or its outline but for where it meets a pane, to stroke.
 * Every shape runs the same way round, along its top from the left text's side to the
 * right's, so where shapes of a kind overlap they fill once. */
static void
append_path (cairo_t     *cr,
             const Shape *shape,
             gboolean     closed)
{
  double middle = (shape->left_x + shape->right_x) / 2;
  const double *ends = shape->ends;
  double near;
  double far;
  double top;
  double bottom;
  double radius;
  double d;

  if (shape->stub < 0)
    {
      cairo_move_to (cr, shape->left_x, ends[0]);
      cairo_curve_to (cr, middle, ends[0], middle, ends[2], shape->right_x, ends[2]);
      if (closed)
        cairo_line_to (cr, shape->right_x, ends[3]);
      else if (ends[0] != ends[1] || ends[2] != ends[3])
        cairo_move_to (cr, shape->right_x, ends[3]);
      else
        return;
      cairo_curve_to (cr, middle, ends[3], middle, ends[1], shape->left_x, ends[1]);
      if (closed)
        cairo_close_path (cr);
      return;
    }

  /* The end away from the pane is rounded; the outline leaves out the edge at the pane,
   * which closing the path draws. */
  stub_get_extent (shape, &near, &far, &top, &bottom);
  radius = MIN (STUB_RADIUS, (bottom - top) / 2);
  d = far > near ? radius : -radius;

  if (shape->stub == LEFT)
    {
      cairo_move_to (cr, near, top);
      cairo_line_to (cr, far - d, top);
      cairo_curve_to (cr, far, top, far, top, far, top + radius);
      cairo_line_to (cr, far, bottom - radius);
      cairo_curve_to (cr, far, bottom, far, bottom, far - d, bottom);
      cairo_line_to (cr, near, bottom);
    }
  else
    {
      cairo_move_to (cr, far, bottom);
      cairo_line_to (cr, near + d, bottom);
      cairo_curve_to (cr, near, bottom, near, bottom, near, bottom - radius);
      cairo_line_to (cr, near, top + radius);
      cairo_curve_to (cr, near, top, near, top, near + d, top);
      cairo_line_to (cr, far, top);
    }
  if (closed)
    cairo_close_path (cr);
}

static void
set_line_style (cairo_t    *cr,
                CcLinkKind  kind,
                double      extra_width)
{
  double dashes[2] = { kind_styles[kind].dash, kind_styles[kind].gap };

  cairo_set_line_width (cr, kind_styles[kind].line_width + extra_width);
  if (kind_styles[kind].gap > 0)
    {
      /* A dash of almost nothing with round caps draws dots. */
      cairo_set_line_cap (cr, dashes[0] < 1 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dashes, 2, 0);
    }
  else
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Appends the paths of the visible connectors of @kind. Returns whether there are any. */
static gboolean
append_kind (CcLinkMap  *self,
             cairo_t    *cr,
             CcLinkKind  kind,
             gboolean    closed)
{
  gboolean any = FALSE;
  Shape shape;

  for (guint i = 0; i < self->visible->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link,
                                         g_array_index (self->visible, guint, i));

      if (link->kind != kind)
        continue;
      link_get_shape (self, link, &shape);
      append_path (cr, &shape, closed);
      any = TRUE;
    }

  return any;
}

static void
cc_link_map_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  CcLinkMap *self = CC_LINK_MAP (widget);
  double width = gtk_widget_get_width (widget);
  double top;
  double bottom;
  Shape shape;
  cairo_t *cr;

  /* Whatever asked for this frame may have moved a view without telling the map. */
  self->frame_valid = FALSE;
  cc_link_map_update_visible (self);
  if (self->visible->len == 0 || width <= 0)
    return;

  /* Nothing is drawn beside the panes' headers, only beside their texts. */
  top = MIN (self->frame[LEFT].top, self->frame[RIGHT].top);
  bottom = MAX (self->frame[LEFT].bottom, self->frame[RIGHT].bottom);
  if (bottom <= top)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, top, width, bottom - top));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint k = 0; k < G_N_ELEMENTS (draw_order); k++)
    {
      CcLinkKind kind = draw_order[k];
      GdkRGBA color;

      if (!append_kind (self, cr, kind, TRUE))
        continue;

      cc_link_kind_lookup_color (kind, widget, &color);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, kind_styles[kind].fill_alpha);
      cairo_fill (cr);

      append_kind (self, cr, kind, FALSE);

      set_line_style (cr, kind, 0);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.75);
      cairo_stroke (cr);
    }

  /* The connector under the pointer stands out, as something to click. */
  if (self->hover >= 0)
    {
      const Link *link = &g_array_index (self->links, Link, self->hover);
      GdkRGBA color;

      cc_link_kind_lookup_color (link->kind, widget, &color);
      link_get_shape (self, link, &shape);
      append_path (cr, &shape, TRUE);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.25);
      cairo_fill (cr);
      append_path (cr, &shape, FALSE);
      set_line_style (cr, link->kind, 1);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, 1.0);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

/* Where a band's top and bottom curves are at @x: both curves share their x for each
 * parameter t, and x grows with t, so t is found by bisection. */
static void
band_at (const Shape *shape,
         double       x,
         double      *top,
         double      *bottom)
{
  /* How far @x is from the left text's end toward the right's, whichever side each is on. */
  double fraction = (x - shape->left_x) / (shape->right_x - shape->left_x);
  const double *ends = shape->ends;
  double low = 0;
  double high = 1;
  double t;
  double s;
  double near;
  double far;

  for (guint i = 0; i < 32; i++)
    {
      double middle = (low + high) / 2;

      if (1.5 * middle * (1 - middle) + middle * middle * middle < fraction)
        low = middle;
      else
        high = middle;
    }

  t = (low + high) / 2;
  s = 1 - t;
  near = s * s * s + 3 * s * s * t;
  far = 3 * s * t * t + t * t * t;
  *top = ends[0] * near + ends[2] * far;
  *bottom = ends[1] * near + ends[3] * far;
}

static gboolean
shape_contains (const Shape *shape,
                double       x,
                double       y)
{
  double top;
  double bottom;
  double slack;

  if (shape->stub < 0)
    band_at (shape, x, &top, &bottom);
  else
    {
      double near;
      double far;

      stub_get_extent (shape, &near, &far, &top, &bottom);
      if ((x - near) * (x - far) > 0)
        return FALSE;
    }

  slack = MAX (0, (MIN_HIT_HEIGHT - (bottom - top)) / 2);
  return y >= top - slack && y <= bottom + slack;
}

/* The topmost connector at a point, or -1. */
static int
cc_link_map_pick (CcLinkMap *self,
                  double     x,
                  double     y)
{
  double left_x;
  double right_x;

  cc_link_map_update_visible (self);
  get_edges (self, &left_x, &right_x);

  if (left_x == right_x || (x - left_x) * (x - right_x) > 0)
    return -1;

  for (guint k = G_N_ELEMENTS (draw_order); k > 0; k--)
    {
      for (guint i = self->visible->len; i > 0; i--)
        {
          guint index = g_array_index (self->visible, guint, i - 1);
          const Link *link = &g_array_index (self->links, Link, index);
          Shape shape;

          if (link->kind != draw_order[k - 1])
            continue;

          link_get_shape (self, link, &shape);
          if (shape_contains (&shape, x, y))
            return index;
        }
    }

  return -1;
}

static void
cc_link_map_set_hover (CcLinkMap *self,
                       int        hover)
{
  if (self->hover == hover)
    return;

  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              CcLinkMap                *self)
{
  g_assert (CC_IS_LINK_MAP (self));

  cc_link_map_set_hover (self, cc_link_map_pick (self, x, y));
}

static void
on_motion_leave_cb (GtkEventControllerMotion *controller,
                    CcLinkMap                *self)
{
  g_assert (CC_IS_LINK_MAP (self));

  cc_link_map_set_hover (self, -1);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      CcLinkMap       *self)
{
  g_assert (CC_IS_LINK_MAP (self));

  cc_link_map_activate_at (self, x, y);
}

static const char *
describe_kind (CcLinkKind kind)
{
  switch (kind)
    {
    case CC_LINK_DELETED:
      return _("Deleted");
    case CC_LINK_INSERTED:
      return _("Inserted");
    case CC_LINK_CHANGED:
      return _("Changed");
    case CC_LINK_MOVED:
      return _("Moved");
    case CC_LINK_QUOTE_EXACT:
      return _("Shared quotation, exact");
    case CC_LINK_QUOTE_PARTIAL:
      return _("Shared quotation, partial");
    case CC_LINK_QUOTE_VARIANT:
      return _("Shared quotation, variant");
    case CC_LINK_QUOTE_UNQUOTED:
      return _("Shared quotation, unquoted in one source");
    default:
      break;
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
cc_link_map_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_tooltip,
                           GtkTooltip *tooltip)
{
  CcLinkMap *self = CC_LINK_MAP (widget);
  int index;

  if (keyboard_tooltip || (index = cc_link_map_pick (self, x, y)) < 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, describe_kind (g_array_index (self->links, Link, index).kind));
  return TRUE;
}

static void
cc_link_map_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? NATURAL_WIDTH : 0;
}

static void
cc_link_map_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  CC_LINK_MAP (widget)->frame_valid = FALSE;
}

static void
cc_link_map_dispose (GObject *object)
{
  CcLinkMap *self = (CcLinkMap *)object;

  cc_text_view_watch_set_view (&self->sides[LEFT].watch, NULL);
  cc_text_view_watch_set_view (&self->sides[RIGHT].watch, NULL);
  g_clear_pointer (&self->comparison, cc_comparison_unref);

  G_OBJECT_CLASS (cc_link_map_parent_class)->dispose (object);
}

static void
cc_link_map_finalize (GObject *object)
{
  CcLinkMap *self = (CcLinkMap *)object;

  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->visible, g_array_unref);

  G_OBJECT_CLASS (cc_link_map_parent_class)->finalize (object);
}

static void
cc_link_map_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CcLinkMap *self = CC_LINK_MAP (object);

  switch (prop_id)
    {
    case PROP_LEFT_TEXT_VIEW:
      g_value_set_object (value, self->sides[LEFT].watch.view);
      break;
    case PROP_RIGHT_TEXT_VIEW:
      g_value_set_object (value, self->sides[RIGHT].watch.view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_link_map_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CcLinkMap *self = CC_LINK_MAP (object);

  switch (prop_id)
    {
    case PROP_LEFT_TEXT_VIEW:
      cc_link_map_set_text_views (self, g_value_get_object (value),
                                  self->sides[RIGHT].watch.view);
      break;
    case PROP_RIGHT_TEXT_VIEW:
      cc_link_map_set_text_views (self, self->sides[LEFT].watch.view,
                                  g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_link_map_class_init (CcLinkMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_link_map_dispose;
  object_class->finalize = cc_link_map_finalize;
  object_class->get_property = cc_link_map_get_property;
  object_class->set_property = cc_link_map_set_property;

  widget_class->snapshot = cc_link_map_snapshot;
  widget_class->measure = cc_link_map_measure;
  widget_class->size_allocate = cc_link_map_size_allocate;
  widget_class->query_tooltip = cc_link_map_query_tooltip;

  properties[PROP_LEFT_TEXT_VIEW] =
    g_param_spec_object ("left-text-view", "Left Text View", "The text view of the left source",
                         GTK_TYPE_TEXT_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RIGHT_TEXT_VIEW] =
    g_param_spec_object ("right-text-view", "Right Text View", "The text view of the right source",
                         GTK_TYPE_TEXT_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcLinkMap::activated:
   * @left_start: where the clicked connector's span starts in the left text (characters)
   * @left_end: where it ends there
   * @right_start: where it starts in the right text
   * @right_end: where it ends there
   *
   * A connector was clicked.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "linkmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cc_link_map_init (CcLinkMap *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->links = g_array_new (FALSE, TRUE, sizeof (Link));
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->hover = -1;
  /* Links start with stamp 0, which no side has, so they are measured before use. */
  for (guint side = LEFT; side <= RIGHT; side++)
    {
      self->sides[side].stamp = 1;
      cc_text_view_watch_init (&self->sides[side].watch, on_view_changed, self);
    }

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_motion_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Connections between the differences of the two sources"),
                                  -1);
}

CcLinkMap *
cc_link_map_new (void)
{
  return g_object_new (CC_TYPE_LINK_MAP, NULL);
}

/**
 * cc_link_map_set_text_views:
 * @left: (nullable): the text view of the left source
 * @right: (nullable): the text view of the right source
 *
 * Sets the views whose texts the connectors join. They need not be in scrolled windows yet.
 */
void
cc_link_map_set_text_views (CcLinkMap   *self,
                            GtkTextView *left,
                            GtkTextView *right)
{
  g_return_if_fail (CC_IS_LINK_MAP (self));
  g_return_if_fail (left == NULL || GTK_IS_TEXT_VIEW (left));
  g_return_if_fail (right == NULL || GTK_IS_TEXT_VIEW (right));

  if (cc_text_view_watch_set_view (&self->sides[LEFT].watch, left))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_TEXT_VIEW]);
  if (cc_text_view_watch_set_view (&self->sides[RIGHT].watch, right))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RIGHT_TEXT_VIEW]);
}

/**
 * cc_link_map_get_left_text_view:
 *
 * Returns: (transfer none) (nullable): the text view of the left source
 */
GtkTextView *
cc_link_map_get_left_text_view (CcLinkMap *self)
{
  g_return_val_if_fail (CC_IS_LINK_MAP (self), NULL);
  return self->sides[LEFT].watch.view;
}

/**
 * cc_link_map_get_right_text_view:
 *
 * Returns: (transfer none) (nullable): the text view of the right source
 */
GtkTextView *
cc_link_map_get_right_text_view (CcLinkMap *self)
{
  g_return_val_if_fail (CC_IS_LINK_MAP (self), NULL);
  return self->sides[RIGHT].watch.view;
}

/**
 * cc_link_map_set_comparison:
 * @comparison: (nullable): the comparison whose texts the views show, or %NULL for none
 *
 * Sets what to draw. The views must hold the comparison's texts, since its spans count
 * characters of those.
 */
void
cc_link_map_set_comparison (CcLinkMap    *self,
                            CcComparison *comparison)
{
  g_autoptr(GArray) spans = NULL;

  g_return_if_fail (CC_IS_LINK_MAP (self));

  if (self->comparison == comparison)
    return;

  g_clear_pointer (&self->comparison, cc_comparison_unref);
  if (comparison != NULL)
    self->comparison = cc_comparison_ref (comparison);

  spans = cc_link_spans_from_comparison (comparison, &self->n_ordered);
  g_array_set_size (self->links, spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const CcLinkSpan *span = &g_array_index (spans, CcLinkSpan, i);
      Link *link = &g_array_index (self->links, Link, i);

      *link = (Link) { .kind = span->kind, .a = span->a, .b = span->b };
    }

  self->hover = -1;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  self->frame_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cc_link_map_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison drawn
 */
CcComparison *
cc_link_map_get_comparison (CcLinkMap *self)
{
  g_return_val_if_fail (CC_IS_LINK_MAP (self), NULL);
  return self->comparison;
}

guint
cc_link_map_get_n_visible_links (CcLinkMap *self)
{
  g_return_val_if_fail (CC_IS_LINK_MAP (self), 0);

  cc_link_map_update_visible (self);
  return self->visible->len;
}

void
cc_link_map_get_visible_link (CcLinkMap  *self,
                              guint       index,
                              CcLinkInfo *info)
{
  const Link *link;

  g_return_if_fail (CC_IS_LINK_MAP (self));
  g_return_if_fail (info != NULL);

  cc_link_map_update_visible (self);
  g_return_if_fail (index < self->visible->len);

  link = &g_array_index (self->links, Link, g_array_index (self->visible, guint, index));
  info->kind = link->kind;
  info->a = link->a;
  info->b = link->b;
  info->left_top = link->top[LEFT] + self->frame[LEFT].shift;
  info->left_bottom = link->bottom[LEFT] + self->frame[LEFT].shift;
  info->right_top = link->top[RIGHT] + self->frame[RIGHT].shift;
  info->right_bottom = link->bottom[RIGHT] + self->frame[RIGHT].shift;
}

gboolean
cc_link_map_activate_at (CcLinkMap *self,
                         double     x,
                         double     y)
{
  const Link *link;
  int index;

  g_return_val_if_fail (CC_IS_LINK_MAP (self), FALSE);

  if ((index = cc_link_map_pick (self, x, y)) < 0)
    return FALSE;

  link = &g_array_index (self->links, Link, index);
  g_signal_emit (self, signals[ACTIVATED], 0, link->a.start, link->a.end, link->b.start, link->b.end);
  return TRUE;
}
