/* cc-report-style.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-report-style"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-report-private.h"
#include "cc-report-style-private.h"

/* The comparison view's highlights (app/ui/cc-comparison-view.c), in the order of its tags:
 * where two overlap the later one wins each property it sets, as a GtkTextTag of higher
 * priority does. Tints are the view's translucent colours laid on white paper. */
static const struct {
  guint16      mark;
  const char  *css_class;
  guint8       red, green, blue;
  double       alpha;           /* 0 for no tint */
  guint32      line;
  CcReportLine underline;
  gboolean     strikethrough;
  gboolean     overline;
  gboolean     bold;
  gboolean     italic;
} marks[] = {
  { CC_REPORT_MARK_DELETED, "del", 224, 27, 36, 0.20, 0xc01c28, CC_REPORT_LINE_NONE,
    TRUE, FALSE, FALSE, FALSE },
  { CC_REPORT_MARK_INSERTED, "ins", 46, 194, 126, 0.25, 0x26a269, CC_REPORT_LINE_SINGLE,
    FALSE, FALSE, FALSE, FALSE },
  { CC_REPORT_MARK_CHANGED, "chg", 245, 194, 17, 0.30, 0xc64600, CC_REPORT_LINE_SINGLE,
    FALSE, TRUE, FALSE, FALSE },
  { CC_REPORT_MARK_MOVED, "mov", 145, 65, 172, 0.20, 0x813d9c, CC_REPORT_LINE_DOUBLE,
    FALSE, FALSE, FALSE, FALSE },
  { CC_REPORT_MARK_QUOTE, "quo", 0, 0, 0, 0, 0, CC_REPORT_LINE_NONE,
    FALSE, FALSE, FALSE, TRUE },
  { CC_REPORT_MARK_EXACT, "qex", 53, 132, 228, 0.22, 0x1a5fb4, CC_REPORT_LINE_NONE,
    FALSE, FALSE, TRUE, FALSE },
  { CC_REPORT_MARK_PARTIAL, "qpa", 53, 132, 228, 0.10, 0x1a5fb4, CC_REPORT_LINE_SINGLE,
    FALSE, FALSE, FALSE, FALSE },
  { CC_REPORT_MARK_VARIANT, "qva", 53, 132, 228, 0.16, 0x1a5fb4, CC_REPORT_LINE_NONE,
    FALSE, FALSE, FALSE, TRUE },
  { CC_REPORT_MARK_UNQUOTED, "qun", 53, 132, 228, 0.10, 0x1a5fb4, CC_REPORT_LINE_WAVY,
    FALSE, FALSE, FALSE, FALSE },
  { CC_REPORT_MARK_EXCLUDED, "exc", 0, 0, 0, 0, 0, CC_REPORT_LINE_NONE,
    FALSE, FALSE, FALSE, FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (marks) == CC_REPORT_N_MARKS);

#define MONO_LINE     0x1a1a1a
#define EXCLUDED_INK  0x999999

static guint32
on_white (guint8 red,
          guint8 green,
          guint8 blue,
          double alpha)
{
  guint32 r = (guint32)(red * alpha + 255 * (1 - alpha) + 0.5);
  guint32 g = (guint32)(green * alpha + 255 * (1 - alpha) + 0.5);
  guint32 b = (guint32)(blue * alpha + 255 * (1 - alpha) + 0.5);

  return (r << 16) | (g << 8) | b;
}

void
cc_report_style_resolve (CcReportStyle *style,
                         guint16        mask,
                         gboolean       mono)
{
  memset (style, 0, sizeof *style);
  style->line = MONO_LINE;

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      if (!(mask & marks[i].mark))
        continue;

      if (marks[i].alpha > 0 && !mono)
        {
          style->has_background = TRUE;
          style->background = on_white (marks[i].red, marks[i].green, marks[i].blue,
                                        marks[i].alpha);
        }
      if (marks[i].alpha > 0)
        style->line = mono ? MONO_LINE : marks[i].line;
      if (marks[i].underline != CC_REPORT_LINE_NONE)
        style->underline = marks[i].underline;
      style->strikethrough |= marks[i].strikethrough;
      style->overline |= marks[i].overline;
      style->bold |= marks[i].bold;
      style->italic |= marks[i].italic;
      if (marks[i].mark == CC_REPORT_MARK_EXCLUDED)
        {
          /* Boilerplate recedes, as in the view. */
          style->has_foreground = TRUE;
          style->foreground = EXCLUDED_INK;
        }
    }
}

guint32
cc_report_style_line_color (guint16  mark,
                            gboolean mono)
{
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (marks[i].mark == mark)
      return mono ? MONO_LINE : marks[i].line;

  return MONO_LINE;
}

/* A heat map cell: white for nothing shared, the accent at full strength for everything. In
 * black and white, grey to near black, which any printer keeps apart. */
guint32
cc_report_style_heat (double   coverage,
                      gboolean mono)
{
  double alpha = 0.04 + 0.86 * CLAMP (coverage, 0.0, 1.0);

  if (mono)
    return on_white (0x1a, 0x1a, 0x1a, alpha * 0.85);
  return on_white (0x1a, 0x5f, 0xb4, alpha);
}

guint32
cc_report_style_heat_ink (double   coverage,
                          gboolean mono)
{
  return coverage > 0.5 ? 0xffffff : 0x1a1a1a;
}

static const CcReportLegendItem legend[] = {
  { CC_REPORT_MARK_DELETED, NC_("legend", "Deleted"), NULL, TRUE },
  { CC_REPORT_MARK_INSERTED, NC_("legend", "Inserted"), NULL, FALSE },
  { CC_REPORT_MARK_CHANGED, NC_("legend", "Changed"), NULL, FALSE },
  { CC_REPORT_MARK_MOVED, NC_("legend", "Moved"), NULL, FALSE },
  { CC_REPORT_MARK_EXACT, NC_("legend", "exact"), N_("Shared quotation:"), TRUE },
  { CC_REPORT_MARK_PARTIAL, NC_("legend", "partial"), N_("Shared quotation:"), FALSE },
  { CC_REPORT_MARK_VARIANT, NC_("legend", "variant"), N_("Shared quotation:"), FALSE },
  { CC_REPORT_MARK_UNQUOTED, NC_("legend", "not quoted in one"), N_("Shared quotation:"),
    FALSE },
  { CC_REPORT_MARK_QUOTE, NC_("legend", "Quotation in one source"), NULL, TRUE },
  { CC_REPORT_MARK_EXCLUDED, NC_("legend", "Boilerplate"), NULL, FALSE },
};

const CcReportLegendItem *
cc_report_style_get_legend (guint *n_items)
{
  *n_items = G_N_ELEMENTS (legend);
  return legend;
}

/* The class of a mark's <span> in HTML. */
const char *
cc_report_style_mark_class (guint bit)
{
  g_assert (bit < G_N_ELEMENTS (marks));

  return marks[bit].css_class;
}
