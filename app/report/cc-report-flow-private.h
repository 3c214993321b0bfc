/* cc-report-flow-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A flow of blocks poured onto pages of one size: rows of text cells that split between
 * lines, spaces, drawings and page breaks. It knows nothing of reports. All lengths are in
 * points, from the top left corner of the page's content area. */

typedef struct _CcFlow CcFlow;

typedef void (*CcFlowDrawFunc) (cairo_t      *cr,
                                PangoContext *context,
                                double        width,
                                double        height,
                                gpointer      data);

typedef struct
{
  PangoLayoutLine *line;
  double           top;
  double           bottom;
  double           baseline;
  double           x;
} CcFlowLine;

/* A cell of a row: layouts stacked top to bottom in a box. Long texts are many layouts, one
 * per paragraph, because Pango lays out one long multi-paragraph layout in quadratic time. */
typedef struct
{
  GPtrArray *layouts;
  GArray    *lines;       /* CcFlowLine of all the layouts, measured when the row is added */
  double     x;
  double     width;
  double     pad_x;
  double     pad_top;
  double     pad_bottom;
  guint32    color;       /* the text's, 0xRRGGBB */
  guint32    background;  /* 0xRRGGBB, when has_background */
  gboolean   has_background;
} CcFlowCell;

typedef enum
{
  CC_FLOW_ROW,
  CC_FLOW_SPACE,
  CC_FLOW_DRAWING,
  CC_FLOW_PAGE_BREAK,
} CcFlowKind;

typedef struct
{
  CcFlowKind      kind;
  GPtrArray      *cells;           /* CcFlowCell, for rows */
  double          height;          /* spaces and drawings */
  gboolean        keep_together;   /* move to the next page rather than split */
  gboolean        keep_with_next;  /* never the last thing on a page */
  gint            header;          /* a row repeated atop each page the row goes on to */
  double          rule_below;      /* a line under the row, this thick */
  guint32         rule_color;
  double          rule_above;
  CcFlowDrawFunc  draw;
  gpointer        data;
  GDestroyNotify  destroy;
  char           *outline;         /* a heading, for the PDF outline */
  gint            outline_level;
} CcFlowBlock;

typedef struct
{
  const char *title;
  gint        level;
  guint       page;
  double      y;
} CcFlowOutline;

CcFlow        *cc_flow_new           (PangoContext    *context,
                                      double           width,
                                      double           height);
void           cc_flow_free          (CcFlow          *flow);
PangoContext  *cc_flow_get_context   (CcFlow          *flow);
double         cc_flow_get_width     (CcFlow          *flow);

CcFlowCell    *cc_flow_cell_new      (double           x,
                                      double           width);
void           cc_flow_cell_add      (CcFlowCell      *cell,
                                      PangoLayout     *layout);
CcFlowBlock   *cc_flow_add_row       (CcFlow          *flow,
                                      CcFlowCell     **cells,
                                      guint            n_cells);
CcFlowBlock   *cc_flow_add_space     (CcFlow          *flow,
                                      double           height);
CcFlowBlock   *cc_flow_add_drawing   (CcFlow          *flow,
                                      double           height,
                                      CcFlowDrawFunc   draw,
                                      gpointer         data,
                                      GDestroyNotify   destroy);
void           cc_flow_add_page_break (CcFlow         *flow);
guint          cc_flow_get_n_blocks  (CcFlow          *flow);

guint          cc_flow_paginate      (CcFlow          *flow,
                                      GCancellable    *cancellable);
guint          cc_flow_get_n_pages   (CcFlow          *flow);
void           cc_flow_draw_page     (CcFlow          *flow,
                                      cairo_t         *cr,
                                      guint            page);
const CcFlowOutline *cc_flow_get_outline (CcFlow      *flow,
                                          guint       *n_entries);

void           cc_flow_set_source_rgb (cairo_t        *cr,
                                       guint32         rgb);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcFlow, cc_flow_free)

G_END_DECLS
