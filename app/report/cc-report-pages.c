/* cc-report-pages.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-report-pages"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cc-report-flow-private.h"
#include "cc-report-private.h"
#include "cc-report-style-private.h"

/* The report set in type: what goes on the pages, in what hand, and the running header and
 * footer. Everything is measured in points at 72 to the inch, with unhinted metrics, so the
 * pages break the same on paper, in the print preview and in the PDF. */

/* The page: margins, and where the running header and footer stand. */
#define MARGIN_X        50.0
#define CONTENT_TOP     62.0
#define CONTENT_BOTTOM  58.0
#define HEADER_TOP      30.0
#define HEADER_RULE     46.0
#define FOOTER_RULE     44.0
#define FOOTER_TOP      38.0

#define GUTTER          16.0
#define CELL_PAD_X      4.0
#define CELL_PAD_Y      3.0

/* Ink */
#define INK             0x1a1a1a
#define MUTED           0x5e5c64
#define FAINT           0x9a9996
#define RULE            0xb8b6b3
#define HAIRLINE        0xe2e0dd
#define SHADE           0xf4f3f2
#define ACCENT          0x1a5fb4

typedef enum
{
  FONT_KICKER,
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_DESCRIPTION,
  FONT_SMALL,
  FONT_HEADING,
  FONT_TABLE_HEAD,
  FONT_TABLE,
  FONT_TABLE_BOLD,
  FONT_TABLE_SERIF,
  FONT_TEXT,
  FONT_SOURCE_TITLE,
  FONT_RUNNING,
  N_FONTS
} Font;

static const char * const font_names[] = {
  [FONT_KICKER] = "Sans Bold 7.5",
  [FONT_TITLE] = "Serif 22",
  [FONT_SUBTITLE] = "Serif 13",
  [FONT_DESCRIPTION] = "Serif Italic 9.5",
  [FONT_SMALL] = "Sans 7",
  [FONT_HEADING] = "Sans Bold 12",
  [FONT_TABLE_HEAD] = "Sans Bold 7",
  [FONT_TABLE] = "Sans 8",
  [FONT_TABLE_BOLD] = "Sans Bold 8",
  [FONT_TABLE_SERIF] = "Serif 8.5",
  [FONT_TEXT] = "Serif 8.5",
  [FONT_SOURCE_TITLE] = "Serif Bold 10.5",
  [FONT_RUNNING] = "Sans 7",
};

struct _CcReportPages
{
  CcReport             *report;     /* not a reference: the report owns its pages */
  PangoFontMap         *font_map;
  PangoContext         *context;
  CcFlow               *flow;
  double                page_width;
  double                page_height;
  double                width;      /* of the content */
  gboolean              mono;
  guint                 section;
  PangoFontDescription *fonts[N_FONTS];
  char                 *header_left;
  char                 *header_right;
  char                 *footer_left;
};

typedef CcReportPages Pages;

static guint32
accent (Pages *p)
{
  return p->mono ? INK : ACCENT;
}

/* Layouts ------------------------------------------------------------------------------- */

static PangoLayout *
new_layout (Pages          *p,
            Font            font,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (p->context);

  pango_layout_set_font_description (layout, p->fonts[font]);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);

  return layout;
}

/* Words are never hyphenated: a word broken at the end of a line would be a word changed. */
static PangoAttrList *
new_attrs (void)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  return attrs;
}

static PangoLayout *
text_layout (Pages          *p,
             Font            font,
             double          width,
             PangoAlignment  alignment,
             const char     *text)
{
  PangoLayout *layout = new_layout (p, font, width, alignment);
  g_autoptr(PangoAttrList) attrs = new_attrs ();

  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static PangoLayout *
markup_layout (Pages          *p,
               Font            font,
               double          width,
               PangoAlignment  alignment,
               const char     *markup)
{
  PangoLayout *layout = new_layout (p, font, width, alignment);
  g_autoptr(PangoAttrList) extra = new_attrs ();
  PangoAttrList *attrs;

  pango_layout_set_markup (layout, markup, -1);
  attrs = pango_layout_get_attributes (layout);
  if (attrs != NULL)
    pango_attr_list_insert_before (attrs, pango_attr_insert_hyphens_new (FALSE));
  else
    pango_layout_set_attributes (layout, extra);
  return layout;
}

static char *
rgb_string (guint32 rgb)
{
  return g_strdup_printf ("#%06x", rgb & 0xffffff);
}

/* Cells and rows ------------------------------------------------------------------------ */

static CcFlowCell *
new_cell (double x,
          double width,
          double pad_x,
          double pad_y)
{
  CcFlowCell *cell = cc_flow_cell_new (x, width);

  cell->pad_x = pad_x;
  cell->pad_top = pad_y;
  cell->pad_bottom = pad_y;
  cell->color = INK;
  return cell;
}

static CcFlowCell *
text_cell (Pages          *p,
           double          x,
           double          width,
           Font            font,
           PangoAlignment  alignment,
           const char     *text)
{
  CcFlowCell *cell = new_cell (x, width, CELL_PAD_X, CELL_PAD_Y);

  cc_flow_cell_add (cell, text_layout (p, font, width - 2 * CELL_PAD_X, alignment, text));
  return cell;
}

static CcFlowCell *
markup_cell (Pages          *p,
             double          x,
             double          width,
             Font            font,
             PangoAlignment  alignment,
             const char     *markup)
{
  CcFlowCell *cell = new_cell (x, width, CELL_PAD_X, CELL_PAD_Y);

  cc_flow_cell_add (cell, markup_layout (p, font, width - 2 * CELL_PAD_X, alignment, markup));
  return cell;
}

/* A paragraph across the whole width. */
static CcFlowBlock *
add_paragraph (Pages          *p,
               Font            font,
               guint32         color,
               PangoAlignment  alignment,
               const char     *text)
{
  CcFlowCell *cell = new_cell (0, p->width, 0, 0);

  cell->color = color;
  cc_flow_cell_add (cell, text_layout (p, font, p->width, alignment, text));
  return cc_flow_add_row (p->flow, &cell, 1);
}

static CcFlowBlock *
add_markup (Pages          *p,
            Font            font,
            guint32         color,
            const char     *markup)
{
  CcFlowCell *cell = new_cell (0, p->width, 0, 0);

  cell->color = color;
  cc_flow_cell_add (cell, markup_layout (p, font, p->width, PANGO_ALIGN_LEFT, markup));
  return cc_flow_add_row (p->flow, &cell, 1);
}

/* A numbered section heading, kept with what follows, and in the PDF's outline. */
static void
add_heading (Pages      *p,
             const char *title)
{
  g_autofree char *accent_color = rgb_string (accent (p));
  g_autofree char *markup = NULL;
  g_autofree char *outline = g_strdup_printf ("%u  %s", ++p->section, title);
  CcFlowBlock *block;

  markup = g_markup_printf_escaped ("<span foreground=\"%s\">%u</span>   %s", accent_color,
                                    p->section, title);
  cc_flow_add_space (p->flow, 20);
  block = add_markup (p, FONT_HEADING, INK, markup);
  block->keep_together = TRUE;
  block->keep_with_next = TRUE;
  block->outline = g_steal_pointer (&outline);
  block->rule_below = 0.6;
  block->rule_color = RULE;
  ((CcFlowCell *)g_ptr_array_index (block->cells, 0))->pad_bottom = 5;
  cc_flow_add_space (p->flow, 6);
}

/* A section's heading and, for a section with nothing to show, a line that says so; else
 * the @note on how to read it, if any. Returns whether the section has something to show. */
static gboolean
add_section (Pages      *p,
             const char *title,
             gboolean    empty,
             const char *empty_text,
             const char *note)
{
  add_heading (p, title);
  if (empty)
    {
      add_paragraph (p, FONT_TABLE, MUTED, PANGO_ALIGN_LEFT, empty_text);
      return FALSE;
    }

  if (note != NULL)
    {
      add_paragraph (p, FONT_SMALL, MUTED, PANGO_ALIGN_LEFT, note);
      cc_flow_add_space (p->flow, 6);
    }
  return TRUE;
}

/* Columns of a table, as fractions of the width. */
typedef struct
{
  guint  n;
  double x[8];
  double width[8];
} Columns;

static void
columns_init (Columns      *columns,
              double        width,
              const double *fractions,
              guint         n)
{
  double x = 0;

  g_assert (n <= G_N_ELEMENTS (columns->x));

  columns->n = n;
  for (guint i = 0; i < n; i++)
    {
      columns->x[i] = x;
      columns->width[i] = fractions[i] * width;
      x += columns->width[i];
    }
}

/* Makes the row just added the head of a table, repeated on each page the table runs on.
 * Returns the head's index, for the table's rows. */
static gint
set_table_head (Pages       *p,
                CcFlowBlock *block)
{
  block->keep_together = TRUE;
  block->keep_with_next = TRUE;
  block->rule_below = 0.75;
  block->rule_color = RULE;
  block->header = cc_flow_get_n_blocks (p->flow) - 1;
  return block->header;
}

/* Columns of @fractions of the width, and a head with their @titles. Returns the head's
 * index. */
static gint
add_table_header (Pages                *p,
                  Columns              *columns,
                  const double         *fractions,
                  guint                 n,
                  const char * const   *titles,
                  const PangoAlignment *alignments)
{
  g_autofree CcFlowCell **cells = g_new0 (CcFlowCell *, n);

  columns_init (columns, p->width, fractions, n);
  for (guint i = 0; i < columns->n; i++)
    {
      cells[i] = text_cell (p, columns->x[i], columns->width[i], FONT_TABLE_HEAD,
                            alignments != NULL ? alignments[i] : PANGO_ALIGN_LEFT, titles[i]);
      cells[i]->color = MUTED;
    }

  return set_table_head (p, cc_flow_add_row (p->flow, cells, columns->n));
}

/* The first cell of a numbered table's row: the row's number, from 1. */
static CcFlowCell *
number_cell (Pages         *p,
             const Columns *columns,
             guint          index)
{
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  CcFlowCell *cell = text_cell (p, columns->x[0], columns->width[0], FONT_TABLE,
                                PANGO_ALIGN_LEFT, number);

  cell->color = MUTED;
  return cell;
}

static CcFlowBlock *
add_table_row (Pages       *p,
               CcFlowCell **cells,
               guint        n,
               gint         header)
{
  CcFlowBlock *block = cc_flow_add_row (p->flow, cells, n);

  block->keep_together = TRUE;
  block->header = header;
  block->rule_below = 0.4;
  block->rule_color = HAIRLINE;
  return block;
}

/* Styled text --------------------------------------------------------------------------- */

static void
insert_attr (PangoAttrList  *attrs,
             PangoAttribute *attr,
             guint           start,
             guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
insert_color (PangoAttrList  *attrs,
              PangoAttribute *(*make) (guint16, guint16, guint16),
              guint32         rgb,
              guint           start,
              guint           end)
{
  insert_attr (attrs, make (((rgb >> 16) & 0xff) * 257, ((rgb >> 8) & 0xff) * 257,
                            (rgb & 0xff) * 257), start, end);
}

/* The highlights of @marks on bytes [start, end) of a layout's text. */
static void
add_mark_attrs (PangoAttrList *attrs,
                guint16        marks,
                gboolean       mono,
                guint          start,
                guint          end)
{
  CcReportStyle style;

  if (marks == 0 || end <= start)
    return;

  cc_report_style_resolve (&style, marks, mono);
  if (style.has_background)
    insert_color (attrs, pango_attr_background_new, style.background, start, end);
  if (style.has_foreground)
    insert_color (attrs, pango_attr_foreground_new, style.foreground, start, end);
  if (style.underline != CC_REPORT_LINE_NONE)
    {
      insert_attr (attrs, pango_attr_underline_new (style.underline == CC_REPORT_LINE_DOUBLE
                                                    ? PANGO_UNDERLINE_DOUBLE
                                                    : style.underline == CC_REPORT_LINE_WAVY
                                                    ? PANGO_UNDERLINE_ERROR
                                                    : PANGO_UNDERLINE_SINGLE), start, end);
      insert_color (attrs, pango_attr_underline_color_new, style.line, start, end);
    }
  if (style.strikethrough)
    {
      insert_attr (attrs, pango_attr_strikethrough_new (TRUE), start, end);
      insert_color (attrs, pango_attr_strikethrough_color_new, style.line, start, end);
    }
  if (style.overline)
    {
      insert_attr (attrs, pango_attr_overline_new (PANGO_OVERLINE_SINGLE), start, end);
      insert_color (attrs, pango_attr_overline_color_new, style.line, start, end);
    }
  if (style.bold)
    insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
  if (style.italic)
    insert_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, end);
}

/* Where the piece of text that starts at @piece ends: at the end of its line or, when lines
 * are joined, of its paragraph (a blank line ends it). */
static const char *
piece_end (const char *piece,
           const char *end,
           gboolean    reflow)
{
  for (const char *q = piece; q < end; q++)
    {
      const char *next;

      if (*q != '\n')
        continue;
      if (!reflow || q == piece)
        return q;

      for (next = q + 1; next < end && (*next == ' ' || *next == '\t' || *next == '\r'); next++)
        ;
      if (next >= end || *next == '\n')
        return q;
    }

  return end;
}

/* Pango lays out one paragraph in time that grows faster than its length, and not at all
 * past a few hundred kilobytes; a longer one goes into layouts of at most this many bytes,
 * cut between words, each starting a new line. */
#define MAX_PIECE_BYTES 16384

/* Where to cut a piece longer than MAX_PIECE_BYTES: after the last white space or ideographic
 * full stop in its second half, or else between characters. Sets @next to where the next
 * piece starts: after the white space, which goes. */
static const char *
split_piece (const char  *piece,
             const char **next)
{
  const char *limit = piece + MAX_PIECE_BYTES;

  for (const char *q = limit; q > piece + MAX_PIECE_BYTES / 2; q--)
    if (*q == ' ' || *q == '\t' || *q == '\n')
      {
        *next = q + 1;
        return q;
      }
  for (const char *q = limit - 3; q > piece + MAX_PIECE_BYTES / 2; q--)
    if (memcmp (q, "。", 3) == 0)
      {
        *next = q + 3;
        return q + 3;
      }

  while ((*limit & 0xc0) == 0x80)
    limit--;
  *next = limit;
  return limit;
}

/* One layout per line of @string (bytes [0, length)), or per paragraph with its lines joined
 * when @reflow, each character highlighted by @marks (one per character), added to @cell.
 * Pieces, not the whole text, because Pango takes quadratic time over a layout of many
 * paragraphs. Joining puts a space for a line break, so offsets stay as they were. */
static void
cell_add_marked_text (Pages          *p,
                      CcFlowCell     *cell,
                      Font            font,
                      const char     *string,
                      gsize           length,
                      const guint16  *marks,
                      const char     *language,
                      gboolean        reflow)
{
  double width = cell->width - 2 * cell->pad_x;
  PangoLanguage *pango_language = language != NULL ? pango_language_from_string (language)
                                                   : NULL;
  const char *end = string + length;
  const char *piece = string;
  guint c = 0;

  for (;;)
    {
      const char *piece_stop = piece_end (piece, end, reflow);
      const char *next = piece_stop + 1;
      gboolean last = piece_stop >= end;
      g_autoptr(PangoAttrList) attrs = new_attrs ();
      g_autofree char *joined = NULL;
      const char *text = piece;
      PangoLayout *layout;
      const char *run = piece, *q = piece;
      guint16 run_marks;
      gsize n;

      if (piece_stop - piece > MAX_PIECE_BYTES)
        {
          piece_stop = split_piece (piece, &next);
          last = FALSE;
        }
      n = piece_stop - piece;
      if (n > 0 && piece[n - 1] == '\r')
        n--;
      if (reflow && memchr (piece, '\n', n) != NULL)
        {
          joined = g_strndup (piece, n);
          for (char *j = joined; *j != '\0'; j++)
            if (*j == '\n' || *j == '\r')
              *j = ' ';
          text = joined;
        }

      if (pango_language != NULL)
        pango_attr_list_insert (attrs, pango_attr_language_new (pango_language));

      run_marks = marks != NULL && n > 0 ? marks[c] : 0;
      while (q < piece + n)
        {
          guint16 m = marks != NULL ? marks[c] : 0;

          if (m != run_marks)
            {
              add_mark_attrs (attrs, run_marks, p->mono, run - piece, q - piece);
              run = q;
              run_marks = m;
            }
          q = g_utf8_next_char (q);
          c++;
        }
      add_mark_attrs (attrs, run_marks, p->mono, run - piece, q - piece);

      layout = new_layout (p, font, width, PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, text, n);
      pango_layout_set_attributes (layout, attrs);
      cc_flow_cell_add (cell, layout);

      if (last)
        break;

      /* Past the piece's end: a carriage return, and what separates it from the next. */
      for (; q < next; q = g_utf8_next_char (q))
        c++;
      piece = next;
    }
}

/* The legend: each highlight named in its own style. */
static PangoLayout *
legend_layout (Pages  *p,
               double  width)
{
  g_autoptr(PangoAttrList) attrs = new_attrs ();
  g_autoptr(GString) text = g_string_new (NULL);
  PangoLayout *layout;
  guint n_items;
  const CcReportLegendItem *items = cc_report_style_get_legend (&n_items);

  for (guint i = 0; i < n_items; i++)
    {
      guint start;

      if (i > 0)
        g_string_append (text, items[i].group_start ? "    " : "  ");
      if (items[i].group != NULL && items[i].group_start)
        {
          g_string_append (text, _(items[i].group));
          g_string_append (text, " ");
        }
      start = text->len;
      /* An item is never broken between lines. */
      for (const char *c = g_dpgettext2 (GETTEXT_PACKAGE, "legend", items[i].label); *c; c++)
        if (*c == ' ')
          g_string_append (text, "\u00a0");
        else
          g_string_append_c (text, *c);
      add_mark_attrs (attrs, items[i].marks, p->mono, start, text->len);
    }

  layout = new_layout (p, FONT_TABLE, width, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text->str, text->len);
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* The opening ----------------------------------------------------------------------------- */

static void
add_opening (Pages *p)
{
  CcReport *report = p->report;
  g_autofree char *kicker = g_utf8_strup (report->kind == CC_REPORT_PAIR
                                          ? _("Comparison report") : _("Project report"),
                                          -1);
  g_autofree char *subtitle = cc_report_dup_subtitle (report);
  g_autofree char *generated = cc_report_dup_generated (report);
  CcFlowBlock *block;
  PangoAttrList *attrs;
  CcFlowCell *cell;

  cell = new_cell (0, p->width, 0, 0);
  cell->color = accent (p);
  cc_flow_cell_add (cell, text_layout (p, FONT_KICKER, p->width, PANGO_ALIGN_LEFT, kicker));
  attrs = pango_layout_get_attributes (g_ptr_array_index (cell->layouts, 0));
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (0.6 * PANGO_SCALE));
  cc_flow_add_row (p->flow, &cell, 1);
  cc_flow_add_space (p->flow, 6);

  add_paragraph (p, FONT_TITLE, INK, PANGO_ALIGN_LEFT, report->project_title);
  cc_flow_add_space (p->flow, 3);
  add_paragraph (p, FONT_SUBTITLE, MUTED, PANGO_ALIGN_LEFT, subtitle);
  if (report->project_description != NULL)
    {
      cc_flow_add_space (p->flow, 6);
      add_paragraph (p, FONT_DESCRIPTION, INK, PANGO_ALIGN_LEFT, report->project_description);
    }
  cc_flow_add_space (p->flow, 8);
  block = add_paragraph (p, FONT_SMALL, MUTED, PANGO_ALIGN_LEFT, generated);
  block->rule_below = 1.2;
  block->rule_color = INK;
  ((CcFlowCell *)g_ptr_array_index (block->cells, 0))->pad_bottom = 10;
  cc_flow_add_space (p->flow, 12);
}

/* Metadata of the two sources, side by side ------------------------------------------------ */

static char *
dup_published (CcSource *source)
{
  return cc_report_format_date (cc_source_get_published (source), TRUE);
}

static void
add_pair_sources (Pages *p)
{
  CcReport *report = p->report;
  double half = (p->width - GUTTER) / 2;
  double label = 58;
  const struct {
    const char *label;
    guint       field;
  } fields[] = {
    { N_("Outlet"), 0 },
    { N_("Author"), 1 },
    { N_("Published"), 2 },
    { N_("Address"), 3 },
    { N_("Language"), 4 },
    { N_("Words"), 5 },
  };
  CcFlowCell *cells[4];
  CcFlowBlock *block;

  for (guint side = 0; side < 2; side++)
    {
      CcSource *source = g_ptr_array_index (report->sources, side);
      g_autofree char *color = rgb_string (accent (p));
      g_autofree char *markup = g_markup_printf_escaped (
        "<span font=\"Sans Bold 9\" foreground=\"%s\">%s</span>  %s",
        color, side == 0 ? "A" : "B", cc_report_source_title (source));

      cells[side] = markup_cell (p, side * (half + GUTTER), half, FONT_SOURCE_TITLE,
                                 PANGO_ALIGN_LEFT, markup);
      cells[side]->pad_x = 0;
      cells[side]->pad_bottom = 6;
    }
  block = cc_flow_add_row (p->flow, cells, 2);
  block->keep_with_next = TRUE;
  block->rule_below = 0.4;
  block->rule_color = RULE;

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      char *values[2] = { NULL, NULL };

      for (guint side = 0; side < 2; side++)
        {
          CcSource *source = g_ptr_array_index (report->sources, side);

          switch (fields[f].field)
            {
            case 0:
              values[side] = g_strdup (cc_source_get_outlet (source));
              break;
            case 1:
              values[side] = g_strdup (cc_source_get_author (source));
              break;
            case 2:
              values[side] = dup_published (source);
              break;
            case 3:
              values[side] = g_strdup (cc_source_get_url (source));
              break;
            case 4:
              values[side] = g_strdup (cc_source_get_language (source));
              break;
            case 5:
            default:
              values[side] = cc_report_format_count (
                cc_text_get_word_count (cc_report_get_text (report, side)));
              break;
            }
        }
      if (values[0] == NULL && values[1] == NULL)
        continue;

      for (guint side = 0; side < 2; side++)
        {
          double x = side * (half + GUTTER);

          cells[2 * side] = text_cell (p, x, label, FONT_TABLE_HEAD, PANGO_ALIGN_LEFT,
                                       _(fields[f].label));
          cells[2 * side]->color = MUTED;
          cells[2 * side]->pad_x = 0;
          cells[2 * side + 1] = text_cell (p, x + label, half - label, FONT_TABLE,
                                           PANGO_ALIGN_LEFT, values[side] != NULL ? values[side]
                                                                                  : "—");
          cells[2 * side + 1]->pad_x = 0;
        }
      block = cc_flow_add_row (p->flow, cells, 4);
      block->keep_together = TRUE;
      block->rule_below = 0.4;
      block->rule_color = HAIRLINE;
      g_free (values[0]);
      g_free (values[1]);
    }
}

/* Summary ------------------------------------------------------------------------------------ */

typedef struct
{
  const char *label;
  char       *value_text;
  double      value;
  guint32     color;
} Bar;

typedef struct
{
  char   *title;
  Bar     bars[4];
  guint   n_bars;
  double  scale;
} Panel;

typedef struct
{
  Panel panels[3];
  guint n_panels;
} Chart;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  for (guint i = 0; i < chart->n_panels; i++)
    {
      g_free (chart->panels[i].title);
      for (guint b = 0; b < chart->panels[i].n_bars; b++)
        g_free (chart->panels[i].bars[b].value_text);
    }
  g_free (chart);
}

static void
show_text (cairo_t        *cr,
           PangoContext   *context,
           const char     *font,
           guint32         color,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment,
           const char     *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  cc_flow_set_source_rgb (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

#define CHART_ROW 15.0
#define CHART_BAR 8.0
#define CHART_TITLE 16.0

/* Three small panels of horizontal bars: coverage both ways, the words that differ, and the
 * shared quotations by kind. Each bar is labelled with its value, so it reads in black and
 * white and without the chart. */
static void
draw_chart (cairo_t      *cr,
            PangoContext *context,
            double        width,
            double        height,
            gpointer      data)
{
  Chart *chart = data;
  double panel_width = (width - (chart->n_panels - 1) * GUTTER) / chart->n_panels;

  for (guint i = 0; i < chart->n_panels; i++)
    {
      Panel *panel = &chart->panels[i];
      double x = i * (panel_width + GUTTER);
      double label_width = panel_width * 0.4;
      double bar_x = x + label_width + 4;
      double bar_room = MAX (panel_width - label_width - 4 - 48, 10);

      show_text (cr, context, "Sans Bold 7", MUTED, x, 0, panel_width, PANGO_ALIGN_LEFT,
                 panel->title);
      cc_flow_set_source_rgb (cr, RULE);
      cairo_rectangle (cr, x, CHART_TITLE - 4, panel_width, 0.5);
      cairo_fill (cr);

      for (guint b = 0; b < panel->n_bars; b++)
        {
          Bar *bar = &panel->bars[b];
          double y = CHART_TITLE + b * CHART_ROW;
          double length = panel->scale > 0 ? bar_room * MIN (bar->value / panel->scale, 1.0)
                                           : 0;

          show_text (cr, context, "Sans 7", INK, x, y, label_width, PANGO_ALIGN_LEFT,
                     bar->label);
          cc_flow_set_source_rgb (cr, SHADE);
          cairo_rectangle (cr, bar_x, y + 1, bar_room, CHART_BAR);
          cairo_fill (cr);
          if (length > 0)
            {
              cc_flow_set_source_rgb (cr, bar->color);
              cairo_rectangle (cr, bar_x, y + 1, MAX (length, 0.8), CHART_BAR);
              cairo_fill (cr);
            }
          show_text (cr, context, "Sans 7", INK, bar_x + length + 3, y,
                     panel_width - (bar_x - x) - length - 3, PANGO_ALIGN_LEFT,
                     bar->value_text);
        }
    }
}

static void
panel_add (Panel      *panel,
           const char *label,
           char       *value_text,
           double      value,
           guint32     color)
{
  Bar *bar = &panel->bars[panel->n_bars++];

  bar->label = label;
  bar->value_text = value_text;
  bar->value = value;
  bar->color = color;
  panel->scale = MAX (panel->scale, value);
}

static void
add_chart (Pages *p)
{
  CcReport *report = p->report;
  const CcComparisonStats *stats = cc_comparison_get_stats (report->comparison);
  Chart *chart = g_new0 (Chart, 1);
  Panel *panel;
  gboolean mono = p->mono;
  guint most = 0;

  panel = &chart->panels[chart->n_panels++];
  panel->title = g_strdup (_("Found in the other source"));
  panel_add (panel, "A", cc_report_format_percent (stats->coverage_a), stats->coverage_a,
             mono ? 0x3d3d3d : ACCENT);
  panel_add (panel, "B", cc_report_format_percent (stats->coverage_b), stats->coverage_b,
             mono ? 0x8a8a8a : 0x62a0ea);
  panel->scale = 1.0;

  panel = &chart->panels[chart->n_panels++];
  panel->title = g_strdup (_("Words that differ"));
  panel_add (panel, C_("chart", "Deleted"), cc_report_format_count (stats->deleted),
             stats->deleted, cc_report_style_line_color (CC_REPORT_MARK_DELETED, mono));
  panel_add (panel, C_("chart", "Inserted"), cc_report_format_count (stats->inserted),
             stats->inserted, cc_report_style_line_color (CC_REPORT_MARK_INSERTED, mono));
  panel_add (panel, C_("chart", "Changed"),
             g_strdup_printf ("%u → %u", stats->changed_a, stats->changed_b),
             MAX (stats->changed_a, stats->changed_b),
             cc_report_style_line_color (CC_REPORT_MARK_CHANGED, mono));
  panel_add (panel, C_("chart", "Moved"), cc_report_format_count (stats->moved), stats->moved,
             cc_report_style_line_color (CC_REPORT_MARK_MOVED, mono));
  if (mono)
    for (guint b = 0; b < panel->n_bars; b++)
      panel->bars[b].color = 0x3d3d3d + b * 0x161616;

  panel = &chart->panels[chart->n_panels++];
  panel->title = g_strdup (_("Shared quotations"));
  for (guint kind = CC_SHARED_EXACT; kind <= CC_SHARED_UNQUOTED; kind++)
    {
      const char *labels[] = {
        C_("chart", "Exact"), C_("chart", "Partial"), C_("chart", "Variant"),
        C_("chart", "Not quoted"),
      };

      most = MAX (most, stats->shared_quotes[kind]);
      panel_add (panel, labels[kind],
                 cc_report_format_count (stats->shared_quotes[kind]),
                 stats->shared_quotes[kind],
                 mono ? 0x3d3d3d + kind * 0x161616 : cc_report_style_line_color (
                   CC_REPORT_MARK_EXACT, FALSE));
    }
  panel->scale = MAX (most, 1);

  cc_flow_add_space (p->flow, 14);
  cc_flow_add_drawing (p->flow, CHART_TITLE + 4 * CHART_ROW, draw_chart, chart, chart_free);
}

static void
add_summary (Pages *p)
{
  CcReport *report = p->report;
  const CcComparisonStats *stats = cc_comparison_get_stats (report->comparison);
  static const double fractions[] = { 0.5, 0.25, 0.25 };
  static const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT,
                                               PANGO_ALIGN_RIGHT };
  g_autofree char *head_a = cc_report_dup_side_label (report, 0);
  g_autofree char *head_b = cc_report_dup_side_label (report, 1);
  const char *titles[] = { "", head_a, head_b };
  g_autoptr(GArray) rows = cc_report_dup_summary (report);
  g_autofree char *passages = cc_report_format_count (stats->passages);
  g_autofree char *quotes = cc_report_dup_shared_quotes (report);
  const char *shared[][2] = {
    { _("Shared passages"), passages },
    { _("Shared quotations"), quotes },
  };
  Columns columns;
  gint header;

  add_heading (p, _("Summary"));
  header = add_table_header (p, &columns, fractions, 3, titles, alignments);

  for (guint r = 0; r < rows->len; r++)
    {
      const CcReportSummaryRow *row = &g_array_index (rows, CcReportSummaryRow, r);
      CcFlowCell *cells[3];

      cells[0] = text_cell (p, columns.x[0], columns.width[0], FONT_TABLE, PANGO_ALIGN_LEFT,
                            row->label);
      cells[1] = text_cell (p, columns.x[1], columns.width[1], FONT_TABLE, PANGO_ALIGN_RIGHT,
                            row->a);
      cells[2] = text_cell (p, columns.x[2], columns.width[2], FONT_TABLE, PANGO_ALIGN_RIGHT,
                            row->b);
      add_table_row (p, cells, 3, header);
    }

  /* What the two share is one number for both: it spans both columns. */
  for (guint r = 0; r < G_N_ELEMENTS (shared); r++)
    {
      CcFlowCell *cells[2];

      cells[0] = text_cell (p, columns.x[0], columns.width[0], FONT_TABLE, PANGO_ALIGN_LEFT,
                            shared[r][0]);
      cells[1] = text_cell (p, columns.x[1], columns.width[1] + columns.width[2],
                            FONT_TABLE_BOLD, PANGO_ALIGN_RIGHT, shared[r][1]);
      add_table_row (p, cells, 2, header);
    }

  add_chart (p);
}

/* Shared quotations ---------------------------------------------------------------------- */

static CcFlowCell *
wording_cell (Pages  *p,
              double  x,
              double  width,
              guint   side,
              guint   index)
{
  CcReport *report = p->report;
  CcRange range = cc_report_get_quote_range (report, index, side);
  CcText *text = cc_report_get_text (report, side);
  CcSource *source = g_ptr_array_index (report->sources, side);
  g_autofree guint16 *marks = cc_report_dup_quote_marks (report, index, side);
  CcReportSpan span = cc_report_text_span (text, range);
  CcFlowCell *cell = new_cell (x, width, CELL_PAD_X, CELL_PAD_Y + 1);
  g_autofree char *where = cc_report_dup_quote_where (report, index, side);
  PangoLayout *layout;

  cell_add_marked_text (p, cell, FONT_TABLE_SERIF, span.string, span.length,
                        marks + (span.start - range.start), cc_source_get_language (source),
                        TRUE);

  layout = text_layout (p, FONT_SMALL, width - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT, where);
  insert_color (pango_layout_get_attributes (layout), pango_attr_foreground_new, MUTED, 0,
                G_MAXUINT);
  cc_flow_cell_add (cell, layout);

  return cell;
}

static void
add_shared_quotes (Pages *p)
{
  CcReport *report = p->report;
  const CcSharedQuote *shared;
  static const double fractions[] = { 0.05, 0.385, 0.385, 0.18 };
  g_autofree char *head_a = cc_report_dup_side_label (report, 0);
  g_autofree char *head_b = cc_report_dup_side_label (report, 1);
  const char *titles[] = { "#", head_a, head_b, _("Match") };
  Columns columns;
  gint header;
  guint n_shared;

  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (report->comparison),
                                 &n_shared);
  if (!add_section (p, _("Shared quotations"), n_shared == 0,
                    _("The two sources share no quotations."),
                    _("Each quotation as both sources word it. In variants, words one wording "
                      "leaves out or puts otherwise are marked as in the texts.")))
    return;

  header = add_table_header (p, &columns, fractions, 4, titles, NULL);

  for (guint i = 0; i < n_shared; i++)
    {
      g_autofree char *score = cc_report_format_percent (shared[i].score);
      g_autofree char *match = NULL;
      CcFlowCell *cells[4];

      /* Translators: a shared quotation's kind and how sure the match is */
      match = g_markup_printf_escaped (_("<b>%s</b>\nscore %s"),
                                       cc_report_shared_kind_label (shared[i].kind), score);
      cells[0] = number_cell (p, &columns, i);
      cells[1] = wording_cell (p, columns.x[1], columns.width[1], 0, i);
      cells[2] = wording_cell (p, columns.x[2], columns.width[2], 1, i);
      cells[3] = markup_cell (p, columns.x[3], columns.width[3], FONT_TABLE, PANGO_ALIGN_LEFT,
                              match);
      add_table_row (p, cells, 4, header);
    }
}

/* Shared passages ------------------------------------------------------------------------ */

static CcFlowCell *
passage_cell (Pages  *p,
              double  x,
              double  width,
              guint   side,
              CcRange range,
              guint   words)
{
  CcReport *report = p->report;
  CcText *text = cc_report_get_text (report, side);
  g_autofree char *excerpt = cc_report_dup_excerpt (text, range, 260);
  g_autofree char *where = cc_report_dup_passage_where (report, side, range, words);
  g_autofree char *muted = rgb_string (MUTED);
  g_autofree char *markup = NULL;

  markup = g_markup_printf_escaped ("%s\n<span font=\"Sans 7\" foreground=\"%s\">%s</span>",
                                    excerpt, muted, where);
  return markup_cell (p, x, width, FONT_TABLE_SERIF, PANGO_ALIGN_LEFT, markup);
}

static void
add_passages (Pages *p)
{
  CcReport *report = p->report;
  const CcPassage *passages;
  static const double fractions[] = { 0.05, 0.395, 0.395, 0.16 };
  static const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT,
                                               PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT };
  g_autofree char *head_a = cc_report_dup_side_label (report, 0);
  g_autofree char *head_b = cc_report_dup_side_label (report, 1);
  const char *titles[] = { "#", head_a, head_b, _("Identity") };
  Columns columns;
  gint header;
  guint n_passages;

  passages = cc_passages_get (cc_comparison_get_passages (report->comparison), &n_passages);
  if (!add_section (p, _("Shared passages"), n_passages == 0,
                    _("The two sources share no passages."),
                    _("Stretches of text the two sources share, wherever each stands; identity "
                      "is the share of the longer span’s words matched one to one.")))
    return;

  header = add_table_header (p, &columns, fractions, 4, titles, alignments);

  for (guint i = 0; i < n_passages; i++)
    {
      g_autofree char *identity = cc_report_format_percent (passages[i].identity);
      CcFlowCell *cells[4];

      cells[0] = number_cell (p, &columns, i);
      cells[1] = passage_cell (p, columns.x[1], columns.width[1], 0, passages[i].a,
                               passages[i].a_words);
      cells[2] = passage_cell (p, columns.x[2], columns.width[2], 1, passages[i].b,
                               passages[i].b_words);
      cells[3] = text_cell (p, columns.x[3], columns.width[3], FONT_TABLE_BOLD,
                            PANGO_ALIGN_RIGHT, identity);
      add_table_row (p, cells, 4, header);
    }
}

/* The texts side by side ----------------------------------------------------------------- */

static void
add_texts (Pages         *p,
           GCancellable  *cancellable)
{
  CcReport *report = p->report;
  double half = (p->width - GUTTER) / 2;
  CcFlowCell *cells[2];
  CcFlowBlock *block;
  gint header;

  if (report->options.full_texts)
    add_heading (p, _("The texts side by side"));
  else
    add_heading (p, _("The differences side by side"));

  {
    CcFlowCell *cell = new_cell (0, p->width, 0, 0);

    cc_flow_cell_add (cell, legend_layout (p, p->width));
    block = cc_flow_add_row (p->flow, &cell, 1);
    block->keep_with_next = TRUE;
    cc_flow_add_space (p->flow, 8);
  }

  for (guint side = 0; side < 2; side++)
    {
      g_autofree char *color = rgb_string (accent (p));
      g_autofree char *markup = g_markup_printf_escaped (
        "<span foreground=\"%s\">%s</span>  %s", color, side == 0 ? "A" : "B",
        (char *)g_ptr_array_index (report->short_names, side));

      cells[side] = markup_cell (p, side * (half + GUTTER), half, FONT_TABLE_BOLD,
                                 PANGO_ALIGN_LEFT, markup);
      cells[side]->pad_x = 0;
      cells[side]->pad_bottom = 4;
    }
  header = set_table_head (p, cc_flow_add_row (p->flow, cells, 2));

  for (guint r = 0; r < report->rows->len; r++)
    {
      const CcReportRow *row = &g_array_index (report->rows, CcReportRow, r);

      if ((r & 63) == 0 && g_cancellable_is_cancelled (cancellable))
        return;

      if (row->kind == CC_REPORT_ROW_ELISION)
        {
          g_autofree char *text = cc_report_dup_elision (row->words);
          CcFlowCell *cell;

          cell = text_cell (p, 0, p->width, FONT_SMALL, PANGO_ALIGN_CENTER, text);
          cell->color = MUTED;
          cell->pad_top = cell->pad_bottom = 4;
          cell->has_background = TRUE;
          cell->background = SHADE;
          block = cc_flow_add_row (p->flow, &cell, 1);
          block->keep_together = TRUE;
          block->header = header;
          continue;
        }

      for (guint side = 0; side < 2; side++)
        {
          CcRange range = side == 0 ? row->a : row->b;
          CcSource *source = g_ptr_array_index (report->sources, side);
          CcReportSpan span = cc_report_text_span (cc_report_get_text (report, side), range);

          cells[side] = new_cell (side * (half + GUTTER), half, 0, 0);
          cells[side]->pad_top = row->paragraph ? 5 : 1;
          cells[side]->pad_bottom = 4;
          if (span.length > 0)
            cell_add_marked_text (p, cells[side], FONT_TEXT, span.string, span.length,
                                  report->marks[side] + span.start,
                                  cc_source_get_language (source), report->reflow[side]);
        }

      block = cc_flow_add_row (p->flow, cells, 2);
      block->header = header;
      block->rule_below = 0.3;
      block->rule_color = HAIRLINE;
    }
}

/* The project: sources ------------------------------------------------------------------- */

static void
add_project_sources (Pages *p)
{
  CcReport *report = p->report;
  static const double fractions[] = { 0.05, 0.5, 0.21, 0.1, 0.14 };
  static const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT,
                                               PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT,
                                               PANGO_ALIGN_RIGHT };
  const char *titles[] = { "#", _("Source"), _("Published"), _("Words"), _("Quotations") };
  g_autofree char *muted = rgb_string (MUTED);
  Columns columns;
  gint header;

  if (!add_section (p, _("Sources"), report->sources->len == 0,
                    _("The project has no sources."), NULL))
    return;

  header = add_table_header (p, &columns, fractions, 5, titles, alignments);

  for (guint i = 0; i < report->sources->len; i++)
    {
      CcSource *source = g_ptr_array_index (report->sources, i);
      g_autoptr(GString) markup = g_string_new (NULL);
      g_autofree char *published = dup_published (source);
      g_autofree char *words = cc_report_format_count (cc_matrix_get_words (report->matrix, i));
      g_autofree char *quotes = cc_report_format_count (cc_matrix_get_quotes (report->matrix, i));
      g_autofree char *title = g_markup_printf_escaped ("<span font=\"Serif Bold 9\">%s</span>",
                                                        cc_report_source_title (source));
      const char *outlet = cc_source_get_outlet (source);
      const char *author = cc_source_get_author (source);
      const char *url = cc_source_get_url (source);
      CcFlowCell *cells[5];

      g_string_append (markup, title);
      if (outlet != NULL || author != NULL)
        {
          g_autofree char *line = NULL;

          if (outlet != NULL && author != NULL)
            /* Translators: an outlet and the article's author */
            line = g_markup_printf_escaped (_("%s · by %s"), outlet, author);
          else if (outlet != NULL)
            line = g_markup_escape_text (outlet, -1);
          else
            line = g_markup_printf_escaped (_("by %s"), author);
          g_string_append_printf (markup, "\n%s", line);
        }
      if (url != NULL)
        {
          g_autofree char *line = g_markup_printf_escaped (
            "\n<span font=\"Sans 7\" foreground=\"%s\">%s</span>", muted, url);
          g_string_append (markup, line);
        }
      {
        g_autofree char *id = g_markup_printf_escaped (
          "\n<span font=\"Sans 7\" foreground=\"%s\">%s</span>", muted,
          cc_source_get_id (source));
        g_string_append (markup, id);
      }

      cells[0] = number_cell (p, &columns, i);
      cells[1] = markup_cell (p, columns.x[1], columns.width[1], FONT_TABLE, PANGO_ALIGN_LEFT,
                              markup->str);
      cells[2] = text_cell (p, columns.x[2], columns.width[2], FONT_TABLE, PANGO_ALIGN_LEFT,
                            published != NULL ? published : "—");
      cells[3] = text_cell (p, columns.x[3], columns.width[3], FONT_TABLE, PANGO_ALIGN_RIGHT,
                            words);
      cells[4] = text_cell (p, columns.x[4], columns.width[4], FONT_TABLE, PANGO_ALIGN_RIGHT,
                            quotes);
      add_table_row (p, cells, 5, header);
    }
}

/* The project: matrix -------------------------------------------------------------------- */

static void
draw_scale (cairo_t      *cr,
            PangoContext *context,
            double        width,
            double        height,
            gpointer      data)
{
  gboolean mono = GPOINTER_TO_INT (data);
  double step = MIN (56, width / 2 / 6);
  double x = width - 6 * step;

  show_text (cr, context, "Sans 7", MUTED, 0, 1, x - 8, PANGO_ALIGN_LEFT,
             _("Share of the row source found in the column source:"));
  for (guint i = 0; i <= 5; i++)
    {
      double coverage = i / 5.0;
      g_autofree char *label = cc_report_format_percent (coverage);

      cc_flow_set_source_rgb (cr, cc_report_style_heat (coverage, mono));
      cairo_rectangle (cr, x, 1, 16, 9);
      cairo_fill_preserve (cr);
      cc_flow_set_source_rgb (cr, RULE);
      cairo_set_line_width (cr, 0.4);
      cairo_stroke (cr);
      show_text (cr, context, "Sans 7", INK, x + 19, 1, step - 19, PANGO_ALIGN_LEFT, label);
      x += step;
    }
}

static void
add_matrix (Pages *p)
{
  CcReport *report = p->report;
  guint n = cc_matrix_get_size (report->matrix);
  double first = MIN (p->width * 0.24, 130);
  double column = n > 0 ? (p->width - first) / n : 0;
  gboolean numbered = column < 58;
  g_autofree CcFlowCell **cells = g_new0 (CcFlowCell *, n + 1);
  CcFlowBlock *block;
  gint header;

  if (!add_section (p, _("How much the sources share"), n < 2,
                    _("A project needs two sources or more to compare."),
                    _("Each cell: how much of the row’s source the column’s source carries, and "
                      "how many of the row source’s quotations it carries too, quoted or not.")))
    return;

  cells[0] = text_cell (p, 0, first, FONT_TABLE_HEAD, PANGO_ALIGN_LEFT, "");
  for (guint j = 0; j < n; j++)
    {
      g_autofree char *name = numbered ? g_strdup_printf ("%u", j + 1)
                                       : g_strdup (g_ptr_array_index (report->short_names, j));

      cells[j + 1] = text_cell (p, first + j * column, column, FONT_TABLE_HEAD,
                                PANGO_ALIGN_CENTER, name);
      cells[j + 1]->color = MUTED;
    }
  header = set_table_head (p, cc_flow_add_row (p->flow, cells, n + 1));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u  %s", i + 1,
                                               (char *)g_ptr_array_index (report->short_names, i));

      cells[0] = text_cell (p, 0, first, FONT_TABLE_BOLD, PANGO_ALIGN_LEFT, name);
      for (guint j = 0; j < n; j++)
        {
          const CcMatrixCell *cell = cc_matrix_get_cell (report->matrix, i, j);
          g_autofree char *text = NULL;
          CcFlowCell *flow_cell;

          if (i == j)
            {
              text = g_strdup ("—");
            }
          else
            {
              g_autofree char *percent = cc_report_format_percent (cell->coverage);

              if (numbered)
                text = g_strdup_printf ("%s\n%u", percent, cell->shared_quotes);
              else
                text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%u quotation",
                                                     "%s\n%u quotations", cell->shared_quotes),
                                        percent, cell->shared_quotes);
            }

          flow_cell = text_cell (p, first + j * column, column, FONT_TABLE, PANGO_ALIGN_CENTER,
                                 text);
          flow_cell->has_background = TRUE;
          flow_cell->background = i == j ? SHADE : cc_report_style_heat (cell->coverage,
                                                                        p->mono);
          flow_cell->color = i == j ? FAINT : cc_report_style_heat_ink (cell->coverage, p->mono);
          flow_cell->pad_top = flow_cell->pad_bottom = 5;
          cells[j + 1] = flow_cell;
        }

      block = cc_flow_add_row (p->flow, cells, n + 1);
      block->keep_together = TRUE;
      block->header = header;
      block->rule_below = 1.0;
      block->rule_color = 0xffffff;
    }

  cc_flow_add_space (p->flow, 8);
  cc_flow_add_drawing (p->flow, 12, draw_scale, GINT_TO_POINTER (p->mono), NULL);
}

/* The project: quotation tracker --------------------------------------------------------- */

static void
add_tracker (Pages *p)
{
  CcReport *report = p->report;
  static const double fractions[] = { 0.05, 0.43, 0.34, 0.18 };
  const char *titles[] = { "#", _("Quotation"), _("Carried by"), _("Earliest") };
  g_autofree char *muted = rgb_string (MUTED);
  Columns columns;
  gint header;

  if (!add_section (p, _("Quotation tracker"), report->tracked->len == 0,
                    _("The sources quote no one."),
                    _("Every distinct quotation, the most widely carried first, with the sources "
                      "that carry it in order of publication: ● quotes it, ○ uses the words "
                      "without quotation marks.")))
    return;

  header = add_table_header (p, &columns, fractions, 4, titles, NULL);

  for (guint t = 0; t < report->tracked->len; t++)
    {
      CcReportTracked *tracked = g_ptr_array_index (report->tracked, t);
      const CcReportCarrier *earliest = &g_array_index (tracked->carriers, CcReportCarrier, 0);
      CcSource *earliest_source = g_ptr_array_index (report->sources, earliest->source);
      g_autoptr(GString) carried = g_string_new (NULL);
      g_autofree char *quotation = NULL;
      g_autofree char *first = NULL;
      g_autofree char *first_date = dup_published (earliest_source);
      CcFlowCell *cells[4];

      if (tracked->speaker != NULL)
        quotation = g_markup_printf_escaped ("“%s”\n<span font=\"Sans 7\" foreground=\"%s\">"
                                             "— %s</span>", tracked->wording, muted,
                                             tracked->speaker);
      else
        quotation = g_markup_printf_escaped ("“%s”", tracked->wording);

      for (guint c = 0; c < tracked->carriers->len; c++)
        {
          const CcReportCarrier *carrier = &g_array_index (tracked->carriers, CcReportCarrier, c);
          g_autofree char *line = NULL;

          if (carrier->quoted)
            line = g_markup_printf_escaped ("● %s", (char *)g_ptr_array_index (
                                              report->short_names, carrier->source));
          else
            /* Translators: a source that uses a quotation's words without quotation marks */
            line = g_markup_printf_escaped (_("○ %s <span foreground=\"%s\">(not quoted)</span>"),
                                            (char *)g_ptr_array_index (report->short_names,
                                                                       carrier->source),
                                            muted);
          if (c > 0)
            g_string_append_c (carried, '\n');
          g_string_append (carried, line);
        }

      first = g_markup_printf_escaped ("<b>%s</b>\n<span font=\"Sans 7\" foreground=\"%s\">%s"
                                       "</span>",
                                       (char *)g_ptr_array_index (report->short_names,
                                                                  earliest->source),
                                       muted, first_date != NULL ? first_date : _("undated"));

      cells[0] = number_cell (p, &columns, t);
      cells[1] = markup_cell (p, columns.x[1], columns.width[1], FONT_TABLE_SERIF,
                              PANGO_ALIGN_LEFT, quotation);
      cells[2] = markup_cell (p, columns.x[2], columns.width[2], FONT_TABLE, PANGO_ALIGN_LEFT,
                              carried->str);
      cells[3] = markup_cell (p, columns.x[3], columns.width[3], FONT_TABLE, PANGO_ALIGN_LEFT,
                              first);
      add_table_row (p, cells, 4, header);
    }
}

/* The pages -------------------------------------------------------------------------------- */

static void
build (Pages        *p,
       GCancellable *cancellable)
{
  add_opening (p);

  if (p->report->kind == CC_REPORT_PAIR)
    {
      add_pair_sources (p);
      add_summary (p);
      add_shared_quotes (p);
      add_passages (p);
      add_texts (p, cancellable);
    }
  else
    {
      add_project_sources (p);
      add_matrix (p);
      add_tracker (p);
    }
}

CcReportPages *
cc_report_pages_new (CcReport     *report,
                     double        page_width,
                     double        page_height,
                     GCancellable *cancellable)
{
  Pages *p = g_new0 (Pages, 1);
  cairo_font_options_t *options;
  double height;

  p->report = report;
  p->page_width = page_width;
  p->page_height = page_height;
  p->width = MAX (page_width - 2 * MARGIN_X, 72);
  p->mono = report->options.monochrome;
  height = MAX (page_height - CONTENT_TOP - CONTENT_BOTTOM, 72);

  /* A font map of its own, so pages can be laid out in a worker thread; metrics neither
   * hinted nor rounded, so lines break the same whatever draws them. */
  p->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (p->font_map), 72);
  p->context = pango_font_map_create_context (p->font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (p->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (p->context, FALSE);

  for (guint i = 0; i < N_FONTS; i++)
    p->fonts[i] = pango_font_description_from_string (font_names[i]);

  p->header_left = g_strdup (report->project_title);
  if (report->kind == CC_REPORT_PAIR)
    p->header_right = g_strdup_printf ("A  %s   ·   B  %s",
                                       (char *)g_ptr_array_index (report->short_names, 0),
                                       (char *)g_ptr_array_index (report->short_names, 1));
  else
    p->header_right = cc_report_dup_subtitle (report);
  {
    g_autofree char *date = cc_report_format_date (report->generated, FALSE);

    /* Translators: the running footer of a report: the date it was made */
    p->footer_left = g_strdup_printf (_("Crosscheck report · %s"), date);
  }

  p->flow = cc_flow_new (p->context, p->width, height);
  build (p, cancellable);
  if (cc_flow_paginate (p->flow, cancellable) == 0)
    {
      cc_report_pages_free (p);
      return NULL;
    }

  return p;
}

guint
cc_report_pages_get_n_pages (CcReportPages *p)
{
  return cc_flow_get_n_pages (p->flow);
}

static void
draw_running (Pages   *p,
              cairo_t *cr,
              guint    page)
{
  g_autofree char *number = NULL;
  double half = p->width / 2;

  show_text (cr, p->context, "Sans Bold 7", INK, MARGIN_X, HEADER_TOP, half - 8,
             PANGO_ALIGN_LEFT, p->header_left);
  show_text (cr, p->context, "Sans 7", MUTED, MARGIN_X + half + 8, HEADER_TOP, half - 8,
             PANGO_ALIGN_RIGHT, p->header_right);
  cc_flow_set_source_rgb (cr, RULE);
  cairo_rectangle (cr, MARGIN_X, HEADER_RULE, p->width, 0.5);
  cairo_rectangle (cr, MARGIN_X, p->page_height - FOOTER_RULE, p->width, 0.5);
  cairo_fill (cr);

  /* Translators: the page number in a report's footer */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, cc_flow_get_n_pages (p->flow));
  show_text (cr, p->context, "Sans 7", MUTED, MARGIN_X, p->page_height - FOOTER_TOP,
             half - 8, PANGO_ALIGN_LEFT, p->footer_left);
  show_text (cr, p->context, "Sans 7", MUTED, MARGIN_X + half + 8, p->page_height - FOOTER_TOP,
             half - 8, PANGO_ALIGN_RIGHT, number);
}

void
cc_report_pages_draw (CcReportPages *p,
                      cairo_t       *cr,
                      guint          page)
{
  cairo_save (cr);
  draw_running (p, cr, page);
  cairo_translate (cr, MARGIN_X, CONTENT_TOP);
  cc_flow_draw_page (p->flow, cr, page);
  cairo_restore (cr);
}

/* The sections as the PDF's outline, each linking to its heading. */
void
cc_report_pages_add_outline (CcReportPages   *p,
                             cairo_surface_t *surface)
{
  const CcFlowOutline *outline;
  guint n;

  outline = cc_flow_get_outline (p->flow, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *link = NULL;
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (x, sizeof x, MARGIN_X);
      g_ascii_dtostr (y, sizeof y, CONTENT_TOP + outline[i].y);
      link = g_strdup_printf ("page=%u pos=[%s %s]", outline[i].page + 1, x, y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, outline[i].title, link,
                                     0);
    }
}

void
cc_report_pages_free (CcReportPages *p)
{
  if (p == NULL)
    return;

  g_clear_pointer (&p->flow, cc_flow_free);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (p->fonts[i]);
  g_clear_object (&p->context);
  g_clear_object (&p->font_map);
  g_free (p->header_left);
  g_free (p->header_right);
  g_free (p->footer_left);
  g_free (p);
}
