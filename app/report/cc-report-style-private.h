/* cc-report-style-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the highlights of a report look, on paper and in HTML: the comparison view's tints
 * and decorations, with the tints left out in black and white. */

typedef enum
{
  CC_REPORT_LINE_NONE,
  CC_REPORT_LINE_SINGLE,
  CC_REPORT_LINE_DOUBLE,
  CC_REPORT_LINE_WAVY,
} CcReportLine;

typedef struct
{
  gboolean     has_background;
  guint32      background;   /* 0xRRGGBB, the tint laid on white paper */
  gboolean     has_foreground;
  guint32      foreground;
  guint32      line;         /* the colour of underlines, strikethrough and overline */
  CcReportLine underline;
  gboolean     strikethrough;
  gboolean     overline;
  gboolean     bold;
  gboolean     italic;
} CcReportStyle;

typedef struct
{
  guint16     marks;
  const char *label;        /* in the "legend" context */
  const char *group;        /* a heading for items that belong together, or NULL */
  gboolean    group_start;
} CcReportLegendItem;

void                      cc_report_style_resolve     (CcReportStyle *style,
                                                       guint16        marks,
                                                       gboolean       mono);
guint32                   cc_report_style_line_color  (guint16        mark,
                                                       gboolean       mono);
guint32                   cc_report_style_heat        (double         coverage,
                                                       gboolean       mono);
guint32                   cc_report_style_heat_ink    (double         coverage,
                                                       gboolean       mono);
const CcReportLegendItem *cc_report_style_get_legend  (guint         *n_items);
const char               *cc_report_style_mark_class  (guint          bit);

G_END_DECLS
