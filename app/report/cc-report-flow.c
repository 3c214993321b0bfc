/* cc-report-flow.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-report-flow"

#include <string.h>

#include "cc-report-flow-private.h"

/* Rows split between lines, each cell on its own: two columns of text that do not fit on a
 * page go on where they stopped, each column from its own next line, so no line is cut and
 * none is lost. */

typedef struct
{
  guint    block;
  double   y;
  double   height;
  guint    ranges;  /* index into CcFlow.ranges of this slice's (first, end) line per cell */
  gboolean first;
  gboolean last;
} Placed;

struct _CcFlow
{
  PangoContext *context;
  double        width;
  double        height;
  GPtrArray    *blocks;  /* CcFlowBlock */
  GPtrArray    *pages;   /* GArray of Placed */
  GArray       *ranges;  /* guint */
  GArray       *outline; /* CcFlowOutline */
};

/* The lines a cell shows on one page, and the height they take. */
typedef struct
{
  guint  first;
  guint  end;
  double height;
} Slice;

#define MIN_START_LINES 2

void
cc_flow_set_source_rgb (cairo_t *cr,
                        guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
cell_free (gpointer data)
{
  CcFlowCell *cell = data;

  g_ptr_array_unref (cell->layouts);
  g_array_unref (cell->lines);
  g_free (cell);
}

static void
block_free (gpointer data)
{
  CcFlowBlock *block = data;

  g_clear_pointer (&block->cells, g_ptr_array_unref);
  if (block->destroy != NULL)
    block->destroy (block->data);
  g_free (block->outline);
  g_free (block);
}

CcFlow *
cc_flow_new (PangoContext *context,
             double        width,
             double        height)
{
  CcFlow *flow = g_new0 (CcFlow, 1);

  flow->context = g_object_ref (context);
  flow->width = width;
  flow->height = height;
  flow->blocks = g_ptr_array_new_with_free_func (block_free);
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  flow->ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  flow->outline = g_array_new (FALSE, FALSE, sizeof (CcFlowOutline));

  return flow;
}

void
cc_flow_free (CcFlow *flow)
{
  if (flow == NULL)
    return;

  g_ptr_array_unref (flow->pages);
  g_ptr_array_unref (flow->blocks);
  g_array_unref (flow->ranges);
  g_array_unref (flow->outline);
  g_object_unref (flow->context);
  g_free (flow);
}

PangoContext *
cc_flow_get_context (CcFlow *flow)
{
  return flow->context;
}

double
cc_flow_get_width (CcFlow *flow)
{
  return flow->width;
}

guint
cc_flow_get_n_blocks (CcFlow *flow)
{
  return flow->blocks->len;
}

/* Building ---------------------------------------------------------------------------- */

CcFlowCell *
cc_flow_cell_new (double x,
                  double width)
{
  CcFlowCell *cell = g_new0 (CcFlowCell, 1);

  cell->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  cell->lines = g_array_new (FALSE, FALSE, sizeof (CcFlowLine));
  cell->x = x;
  cell->width = width;
  cell->color = 0x1a1a1a;

  return cell;
}

/* Takes @layout, which goes under the cell's others. */
void
cc_flow_cell_add (CcFlowCell  *cell,
                  PangoLayout *layout)
{
  g_ptr_array_add (cell->layouts, layout);
}

static void
cell_measure (CcFlowCell *cell)
{
  double offset = 0;

  g_array_set_size (cell->lines, 0);
  for (guint i = 0; i < cell->layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (cell->layouts, i);
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      PangoRectangle extents;

      do
        {
          CcFlowLine line;
          PangoRectangle logical;
          int top, bottom;

          pango_layout_iter_get_line_yrange (iter, &top, &bottom);
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line.line = pango_layout_iter_get_line_readonly (iter);
          line.top = offset + (double)top / PANGO_SCALE;
          line.bottom = offset + (double)bottom / PANGO_SCALE;
          line.baseline = offset + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
          line.x = (double)logical.x / PANGO_SCALE;
          g_array_append_val (cell->lines, line);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      pango_layout_get_extents (layout, NULL, &extents);
      offset += (double)extents.height / PANGO_SCALE;
    }
}

static CcFlowBlock *
add_block (CcFlow     *flow,
           CcFlowKind  kind)
{
  CcFlowBlock *block = g_new0 (CcFlowBlock, 1);

  block->kind = kind;
  block->header = -1;
  block->rule_color = 0xc0bfbc;
  g_ptr_array_add (flow->blocks, block);

  return block;
}

/* Takes the cells. */
CcFlowBlock *
cc_flow_add_row (CcFlow      *flow,
                 CcFlowCell **cells,
                 guint        n_cells)
{
  CcFlowBlock *block = add_block (flow, CC_FLOW_ROW);

  block->cells = g_ptr_array_new_with_free_func (cell_free);
  for (guint i = 0; i < n_cells; i++)
    {
      cell_measure (cells[i]);
      g_ptr_array_add (block->cells, cells[i]);
    }

  return block;
}

CcFlowBlock *
cc_flow_add_space (CcFlow *flow,
                   double  height)
{
  CcFlowBlock *block = add_block (flow, CC_FLOW_SPACE);

  block->height = height;
  return block;
}

CcFlowBlock *
cc_flow_add_drawing (CcFlow         *flow,
                     double          height,
                     CcFlowDrawFunc  draw,
                     gpointer        data,
                     GDestroyNotify  destroy)
{
  CcFlowBlock *block = add_block (flow, CC_FLOW_DRAWING);

  block->height = height;
  block->draw = draw;
  block->data = data;
  block->destroy = destroy;
  return block;
}

void
cc_flow_add_page_break (CcFlow *flow)
{
  add_block (flow, CC_FLOW_PAGE_BREAK);
}

/* Measuring --------------------------------------------------------------------------- */

static CcFlowBlock *
get_block (CcFlow *flow,
           guint   index)
{
  return g_ptr_array_index (flow->blocks, index);
}

static double
cell_height (CcFlowCell *cell,
             guint       first,
             guint       end)
{
  const CcFlowLine *lines = (const CcFlowLine *)(gpointer)cell->lines->data;
  double height = 0;

  if (first == 0)
    height += cell->pad_top;
  if (end > first)
    height += lines[end - 1].bottom - lines[first].top;
  if (end == cell->lines->len)
    height += cell->pad_bottom;

  return height;
}

static double
row_height (CcFlowBlock *block,
            guint        max_lines)
{
  double height = 0;

  for (guint c = 0; c < block->cells->len; c++)
    {
      CcFlowCell *cell = g_ptr_array_index (block->cells, c);

      height = MAX (height, cell_height (cell, 0, MIN (cell->lines->len, max_lines)));
    }

  return height;
}

/* The least a block needs at the foot of a page to start there. */
static double
start_height (CcFlow *flow,
              guint   index,
              guint   depth)
{
  CcFlowBlock *block;

  if (index >= flow->blocks->len || depth > 8)
    return 0;

  block = get_block (flow, index);
  switch (block->kind)
    {
    case CC_FLOW_ROW:
      /* A row kept with the next needs room for the next one's start too. */
      if (block->keep_with_next)
        return row_height (block, G_MAXUINT) + start_height (flow, index + 1, depth + 1);
      if (block->keep_together)
        return row_height (block, G_MAXUINT);
      return row_height (block, MIN_START_LINES);
    case CC_FLOW_SPACE:
      return block->height + start_height (flow, index + 1, depth + 1);
    case CC_FLOW_DRAWING:
      if (block->keep_with_next)
        return block->height + start_height (flow, index + 1, depth + 1);
      return block->height;
    case CC_FLOW_PAGE_BREAK:
    default:
      return 0;
    }
}

/* Paginating -------------------------------------------------------------------------- */

typedef struct
{
  CcFlow *flow;
  GArray *page;
  double  y;
} Pour;

static void
place (Pour   *pour,
       guint   block,
       double  height,
       guint  *first,
       guint  *end,
       guint   n_cells,
       gboolean is_first,
       gboolean is_last)
{
  CcFlow *flow = pour->flow;
  CcFlowBlock *b = get_block (flow, block);
  Placed placed = { block, pour->y, height, flow->ranges->len, is_first, is_last };

  for (guint c = 0; c < n_cells; c++)
    {
      g_array_append_val (flow->ranges, first[c]);
      g_array_append_val (flow->ranges, end[c]);
    }
  g_array_append_val (pour->page, placed);

  if (is_first && b->outline != NULL)
    {
      CcFlowOutline entry = { b->outline, b->outline_level, flow->pages->len - 1, pour->y };

      g_array_append_val (flow->outline, entry);
    }

  pour->y += height;
}

static void
place_whole_row (Pour  *pour,
                 guint  index)
{
  CcFlowBlock *block = get_block (pour->flow, index);
  guint n = block->cells->len;
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *end = g_new0 (guint, n + 1);

  for (guint c = 0; c < n; c++)
    end[c] = ((CcFlowCell *)g_ptr_array_index (block->cells, c))->lines->len;

  place (pour, index, row_height (block, G_MAXUINT), first, end, n, TRUE, TRUE);
}

/* A new page; a row of a table that goes on to it brings the table's header along. */
static void
new_page (Pour  *pour,
          guint  for_block)
{
  CcFlowBlock *block = for_block < pour->flow->blocks->len ? get_block (pour->flow, for_block)
                                                           : NULL;

  pour->page = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (pour->flow->pages, pour->page);
  pour->y = 0;

  if (block != NULL && block->kind == CC_FLOW_ROW && block->header >= 0 &&
      (guint)block->header != for_block)
    place_whole_row (pour, block->header);
}

/* The lines of @cell from @first that fit in @available. */
static Slice
fit_cell (CcFlowCell *cell,
          guint       first,
          double      available)
{
  Slice slice = { first, first, 0 };
  guint n = cell->lines->len;

  if (first >= n)
    {
      slice.height = first == 0 ? cell->pad_top + cell->pad_bottom : 0;
      return slice;
    }

  while (slice.end < n && cell_height (cell, first, slice.end + 1) <= available)
    slice.end++;
  slice.height = slice.end > first ? cell_height (cell, first, slice.end) : 0;

  return slice;
}

static void
pour_row (Pour  *pour,
          guint  index)
{
  CcFlow *flow = pour->flow;
  CcFlowBlock *block = get_block (flow, index);
  guint n = block->cells->len;
  g_autofree guint *next = g_new0 (guint, n + 1);
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *end = g_new0 (guint, n + 1);
  gboolean is_first = TRUE;
  gboolean moved = FALSE;
  gboolean fresh = pour->y == 0;

  for (;;)
    {
      double available = flow->height - pour->y;
      double height = 0;
      gboolean done = TRUE, progress = FALSE;

      /* A row that may not split, or should not start with a lone line, or must not end the
       * page, starts on the next page when that helps. */
      if (is_first && pour->y > 0 && !moved)
        {
          double need = block->keep_together ? row_height (block, G_MAXUINT)
                                             : row_height (block, MIN_START_LINES);

          if (block->keep_with_next)
            need = start_height (flow, index, 0);
          if (need > available)
            {
              new_page (pour, index);
              moved = fresh = TRUE;
              continue;
            }
        }

      for (guint c = 0; c < n; c++)
        {
          CcFlowCell *cell = g_ptr_array_index (block->cells, c);
          Slice slice = fit_cell (cell, next[c], available);

          /* A line taller than a whole page goes on anyway, overflowing. */
          if (slice.end == slice.first && next[c] < cell->lines->len && fresh)
            {
              slice.end = slice.first + 1;
              slice.height = cell_height (cell, slice.first, slice.end);
            }

          first[c] = slice.first;
          end[c] = slice.end;
          height = MAX (height, slice.height);
          progress |= slice.end > slice.first;
          done &= slice.end >= cell->lines->len;
        }

      if (!progress && !done)
        {
          new_page (pour, index);
          moved = fresh = TRUE;
          continue;
        }

      place (pour, index, height, first, end, n, is_first, done);
      if (done)
        return;

      memcpy (next, end, n * sizeof (guint));
      is_first = FALSE;
      new_page (pour, index);
      fresh = TRUE;
    }
}

/**
 * cc_flow_paginate:
 *
 * Pours the blocks onto pages.
 *
 * Returns: the number of pages, at least one; 0 if cancelled
 */
guint
cc_flow_paginate (CcFlow       *flow,
                  GCancellable *cancellable)
{
  Pour pour = { flow, NULL, 0 };

  g_ptr_array_set_size (flow->pages, 0);
  g_array_set_size (flow->ranges, 0);
  g_array_set_size (flow->outline, 0);
  new_page (&pour, G_MAXUINT);

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      CcFlowBlock *block = get_block (flow, i);

      if ((i & 255) == 0 && g_cancellable_is_cancelled (cancellable))
        return 0;

      switch (block->kind)
        {
        case CC_FLOW_SPACE:
          /* Space at the top of a page is lost, as in any document. */
          if (pour.y > 0)
            pour.y = MIN (pour.y + block->height, flow->height);
          break;

        case CC_FLOW_PAGE_BREAK:
          if (pour.y > 0)
            new_page (&pour, G_MAXUINT);
          break;

        case CC_FLOW_DRAWING:
          {
            double need = start_height (flow, i, 0);
            if (pour.y > 0 && pour.y + need > flow->height)
              new_page (&pour, G_MAXUINT);
            place (&pour, i, block->height, NULL, NULL, 0, TRUE, TRUE);
          }
          break;

        case CC_FLOW_ROW:
        default:
          pour_row (&pour, i);
          break;
        }
    }

  return flow->pages->len;
}

guint
cc_flow_get_n_pages (CcFlow *flow)
{
  return flow->pages->len;
}

const CcFlowOutline *
cc_flow_get_outline (CcFlow *flow,
                     guint  *n_entries)
{
  *n_entries = flow->outline->len;
  return (const CcFlowOutline *)(gpointer)flow->outline->data;
}

/* Drawing ----------------------------------------------------------------------------- */

static void
draw_row (CcFlow       *flow,
          cairo_t      *cr,
          const Placed *placed)
{
  CcFlowBlock *block = get_block (flow, placed->block);
  const guint *ranges = &g_array_index (flow->ranges, guint, placed->ranges);

  if (placed->first && block->rule_above > 0)
    {
      cc_flow_set_source_rgb (cr, block->rule_color);
      cairo_rectangle (cr, 0, placed->y, flow->width, block->rule_above);
      cairo_fill (cr);
    }

  for (guint c = 0; c < block->cells->len; c++)
    {
      CcFlowCell *cell = g_ptr_array_index (block->cells, c);
      const CcFlowLine *lines = (const CcFlowLine *)(gpointer)cell->lines->data;
      guint first = ranges[2 * c], end = ranges[2 * c + 1];
      double top;

      if (cell->has_background)
        {
          cc_flow_set_source_rgb (cr, cell->background);
          cairo_rectangle (cr, cell->x, placed->y, cell->width, placed->height);
          cairo_fill (cr);
        }

      if (end <= first)
        continue;

      top = placed->y + (first == 0 ? cell->pad_top : 0) - lines[first].top;
      for (guint l = first; l < end; l++)
        {
          cc_flow_set_source_rgb (cr, cell->color);
          cairo_move_to (cr, cell->x + cell->pad_x + lines[l].x, top + lines[l].baseline);
          pango_cairo_show_layout_line (cr, lines[l].line);
        }
    }

  if (placed->last && block->rule_below > 0)
    {
      cc_flow_set_source_rgb (cr, block->rule_color);
      cairo_rectangle (cr, 0, placed->y + placed->height - block->rule_below, flow->width,
                       block->rule_below);
      cairo_fill (cr);
    }
}

/* Draws page @page with the content area's top left corner at the origin. */
void
cc_flow_draw_page (CcFlow  *flow,
                   cairo_t *cr,
                   guint    page)
{
  GArray *placed;

  g_return_if_fail (page < flow->pages->len);

  placed = g_ptr_array_index (flow->pages, page);
  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *item = &g_array_index (placed, Placed, i);
      CcFlowBlock *block = get_block (flow, item->block);

      cairo_save (cr);
      if (block->kind == CC_FLOW_DRAWING)
        {
          cairo_translate (cr, 0, item->y);
          block->draw (cr, flow->context, flow->width, block->height, block->data);
        }
      else if (block->kind == CC_FLOW_ROW)
        {
          draw_row (flow, cr, item);
        }
      cairo_restore (cr);
    }
}
