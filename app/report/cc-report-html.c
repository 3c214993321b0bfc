/* cc-report-html.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-report-html"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-report-private.h"
#include "cc-report-style-private.h"

/* The report as one HTML file: no scripts, no fetched fonts or images, its style sheet
 * inline. Every piece of text from a project goes through g_markup_escape_text(), and the
 * markup is well-formed XML too (polyglot HTML), so XML tools can read it. Columns become one
 * on a narrow screen. */

static const char style_sheet[] =
  ":root{--ink:#1a1a1a;--muted:#5e5c64;--rule:#b8b6b3;--hair:#e2e0dd;--shade:#f4f3f2;"
  "--accent:#1a5fb4}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0;color:var(--ink);background:#fff;"
  "font:15px/1.5 \"DejaVu Sans\",\"Helvetica Neue\",Arial,sans-serif}\n"
  "main{max-width:72rem;margin:0 auto;padding:2rem 1.25rem 4rem}\n"
  ".serif,h1,.subtitle,.source h3,.wording,.texts{font-family:\"DejaVu Serif\",Georgia,serif}\n"
  ".kicker{font-weight:bold;font-size:.72rem;letter-spacing:.14em;text-transform:uppercase;"
  "color:var(--accent);margin:0}\n"
  "h1{font-size:2rem;font-weight:normal;line-height:1.2;margin:.4rem 0 .2rem}\n"
  ".subtitle{font-size:1.2rem;color:var(--muted);margin:0}\n"
  ".description{font-style:italic;margin:.6rem 0 0}\n"
  ".generated{font-size:.8rem;color:var(--muted);border-bottom:2px solid var(--ink);"
  "padding-bottom:.75rem;margin:.8rem 0 1.5rem}\n"
  "h2{font-size:1.15rem;border-bottom:1px solid var(--rule);padding-bottom:.3rem;"
  "margin:2.5rem 0 .8rem}\n"
  "h2 .n{color:var(--accent);margin-right:.7rem}\n"
  ".note{font-size:.8rem;color:var(--muted)}\n"
  ".sources{display:grid;grid-template-columns:1fr 1fr;gap:1rem 2rem}\n"
  ".source h3{font-size:1.05rem;margin:0 0 .4rem}\n"
  ".badge{color:var(--accent);font-family:sans-serif;font-weight:bold;margin-right:.4rem}\n"
  "dl.meta{display:grid;grid-template-columns:6.5rem 1fr;margin:0;font-size:.85rem}\n"
  "dl.meta dt,dl.meta dd{margin:0;padding:.25rem 0;border-top:1px solid var(--hair)}\n"
  "dl.meta dt{color:var(--muted);font-weight:bold;font-size:.75rem}\n"
  "dl.meta dd{overflow-wrap:anywhere}\n"
  ".table{overflow-x:auto}\n"
  "table{border-collapse:collapse;width:100%;font-size:.85rem}\n"
  "th{text-align:left;vertical-align:bottom;color:var(--muted);font-size:.75rem;"
  "border-bottom:1.5px solid var(--rule);padding:.35rem .4rem}\n"
  "td{border-bottom:1px solid var(--hair);padding:.4rem;vertical-align:top}\n"
  ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
  ".where{display:block;color:var(--muted);font-size:.75rem;margin-top:.2rem;"
  "font-family:sans-serif}\n"
  ".chart{display:grid;grid-template-columns:repeat(3,1fr);gap:1rem 2rem;margin-top:1.5rem}\n"
  ".chart h3{font-size:.75rem;color:var(--muted);margin:0 0 .4rem;"
  "border-bottom:1px solid var(--rule)}\n"
  ".bar{display:grid;grid-template-columns:38% 1fr;gap:.4rem;align-items:center;"
  "font-size:.78rem}\n"
  ".track{display:flex;align-items:center;gap:.3rem}\n"
  ".fill{display:inline-block;height:.6rem}\n"
  ".legend{font-size:.8rem;line-height:2.2}\n"
  ".legend .item{margin-right:.6rem;padding:0 .15rem}\n"
  ".texts{font-size:.95rem;line-height:1.55}\n"
  ".texts .head,.texts .row{display:grid;grid-template-columns:1fr 1fr;gap:0 2rem}\n"
  ".texts .head{position:sticky;top:0;background:#fff;font:bold .85rem sans-serif;"
  "border-bottom:1.5px solid var(--rule);padding:.4rem 0}\n"
  ".texts .row{border-bottom:1px solid var(--hair);padding:.2rem 0 .3rem}\n"
  ".texts .row.p{padding-top:.7rem}\n"
  ".texts .t{white-space:pre-wrap;overflow-wrap:anywhere;min-width:0}\n"
  ".texts .elision{text-align:center;color:var(--muted);font:.8rem sans-serif;"
  "background:var(--shade);padding:.3rem;margin:.2rem 0}\n"
  ".heat td{text-align:center;border:2px solid #fff}\n"
  ".heat th.row{text-align:left;white-space:nowrap}\n"
  ".del{background:#f9d1d3;text-decoration:line-through;text-decoration-color:#c01c28}\n"
  ".ins{background:#cbf0df;text-decoration:underline;text-decoration-color:#26a269}\n"
  ".chg{background:#fcedb8;text-decoration:underline overline;"
  "text-decoration-color:#c64600}\n"
  ".mov{background:#e9d9ee;text-decoration:underline double;text-decoration-color:#813d9c}\n"
  ".quo{font-style:italic}\n"
  ".qex{background:#d6e6fa;font-weight:bold}\n"
  ".qpa{background:#ebf3fc;text-decoration:underline;text-decoration-color:#1a5fb4}\n"
  ".qva{background:#e1ecfa;font-style:italic}\n"
  ".qun{background:#ebf3fc;text-decoration:underline wavy;text-decoration-color:#1a5fb4}\n"
  ".exc{color:#999}\n"
  "body.mono{--accent:#1a1a1a}\n"
  "body.mono .del,body.mono .ins,body.mono .chg,body.mono .mov,body.mono .qex,"
  "body.mono .qpa,body.mono .qva,body.mono .qun{background:none;"
  "text-decoration-color:#1a1a1a}\n"
  "@media (max-width:44rem){.sources,.chart{grid-template-columns:1fr}"
  ".texts .head{display:none}"
  ".texts .row{grid-template-columns:1fr}"
  ".texts .t::before{content:attr(data-side);display:block;font:bold .7rem sans-serif;"
  "color:var(--accent);margin-top:.3rem}"
  "table{font-size:.78rem}th,td{padding:.3rem .25rem}.num{white-space:normal}"
  "h1{font-size:1.6rem}}\n"
  "@media print{.texts .head{position:static}tr,.row{break-inside:avoid}"
  "main{max-width:none;padding:0}}\n";

typedef struct
{
  GString       *out;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
  CcReport      *report;
  guint          section;
} Writer;

/* Output goes out in pieces, so a long report never sits whole in memory. */
static void
flush (Writer   *w,
       gboolean  force)
{
  if (w->error != NULL || (!force && w->out->len < (1 << 16)))
    return;

  g_output_stream_write_all (w->stream, w->out->str, w->out->len, NULL, w->cancellable,
                             &w->error);
  g_string_truncate (w->out, 0);
}

static void
put (Writer     *w,
     const char *html)
{
  g_string_append (w->out, html);
}

G_GNUC_PRINTF (2, 3)
static void
putf (Writer     *w,
      const char *format,
      ...)
{
  g_autofree char *html = NULL;
  va_list args;

  va_start (args, format);
  html = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (w->out, html);
}

static void
put_text (Writer     *w,
          const char *text,
          gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", length);

  g_string_append (w->out, escaped);
}

/* Text with its highlights: a <span> per highlight, in the order the view applies them, so
 * decorations add up and the later tint shows, as they do there. */
static void
put_marked (Writer        *w,
            const char    *string,
            gsize          length,
            const guint16 *marks)
{
  const char *end = string + length;
  const char *run = string;
  guint16 open = 0;
  guint c = 0;

  for (const char *p = string; p <= end; c++)
    {
      guint16 m = p < end && marks != NULL ? marks[c] : 0;

      if (m != open || p == end)
        {
          put_text (w, run, p - run);
          for (guint bit = 0; bit < CC_REPORT_N_MARKS; bit++)
            if (open & (1 << bit))
              put (w, "</span>");
          for (guint bit = 0; bit < CC_REPORT_N_MARKS; bit++)
            if (m & (1 << bit))
              {
                put (w, "<span class=\"");
                put (w, cc_report_style_mark_class (bit));
                put (w, "\">");
              }
          open = m;
          run = p;
        }
      if (p == end)
        break;
      p = g_utf8_next_char (p);
      flush (w, FALSE);
    }
}

static void
put_heading (Writer     *w,
             const char *id,
             const char *title)
{
  putf (w, "<h2 id=\"%s\"><span class=\"n\">%u</span>%s</h2>\n", id, ++w->section, title);
}

/* A section's heading and, for a section with nothing to show, a line that says so; else
 * the @note on how to read it, if any. Returns whether the section has something to show. */
static gboolean
put_section (Writer     *w,
             const char *id,
             const char *title,
             gboolean    empty,
             const char *empty_text,
             const char *note)
{
  put_heading (w, id, title);
  if (empty)
    {
      putf (w, "<p class=\"note\">%s</p>\n", empty_text);
      return FALSE;
    }

  if (note != NULL)
    putf (w, "<p class=\"note\">%s</p>\n", note);
  return TRUE;
}

static void
put_opening (Writer *w)
{
  CcReport *report = w->report;
  g_autofree char *subtitle = cc_report_dup_subtitle (report);
  g_autofree char *generated = cc_report_dup_generated (report);

  putf (w, "<header>\n<p class=\"kicker\">%s</p>\n<h1>%s</h1>\n<p class=\"subtitle\">%s</p>\n",
        report->kind == CC_REPORT_PAIR ? _("Comparison report") : _("Project report"),
        report->project_title, subtitle);
  if (report->project_description != NULL)
    putf (w, "<p class=\"description\">%s</p>\n", report->project_description);
  putf (w, "<p class=\"generated\">%s</p>\n</header>\n", generated);
}

static void
put_meta (Writer     *w,
          const char *label,
          const char *value)
{
  putf (w, "<dt>%s</dt><dd>%s</dd>\n", label, value != NULL ? value : "—");
}

static void
put_pair_sources (Writer *w)
{
  CcReport *report = w->report;

  put (w, "<section class=\"sources\">\n");
  for (guint side = 0; side < 2; side++)
    {
      CcSource *source = g_ptr_array_index (report->sources, side);
      g_autofree char *published = cc_report_format_date (cc_source_get_published (source), TRUE);
      g_autofree char *words = cc_report_format_count (
        cc_text_get_word_count (cc_report_get_text (report, side)));
      const char *url = cc_source_get_url (source);

      putf (w, "<div class=\"source\">\n<h3><span class=\"badge\">%s</span>%s</h3>\n"
            "<dl class=\"meta\">\n", side == 0 ? "A" : "B", cc_report_source_title (source));
      put_meta (w, _("Outlet"), cc_source_get_outlet (source));
      put_meta (w, _("Author"), cc_source_get_author (source));
      put_meta (w, _("Published"), published);
      if (url != NULL)
        putf (w, "<dt>%s</dt><dd><a href=\"%s\">%s</a></dd>\n", _("Address"), url, url);
      else
        put_meta (w, _("Address"), NULL);
      put_meta (w, _("Language"), cc_source_get_language (source));
      put_meta (w, _("Words"), words);
      put (w, "</dl>\n</div>\n");
    }
  put (w, "</section>\n");
}

static void
put_bar (Writer     *w,
         const char *label,
         const char *value,
         double      fraction,
         guint32     color)
{
  g_autofree char *style = g_strdup_printf ("width:%.1f%%;background:#%06x",
                                            CLAMP (fraction, 0.0, 1.0) * 80, color);

  putf (w, "<div class=\"bar\"><span>%s</span><span class=\"track\">"
        "<span class=\"fill\" style=\"%s\"></span><span>%s</span></span></div>\n",
        label, style, value);
}

static void
put_summary (Writer *w)
{
  CcReport *report = w->report;
  const CcComparisonStats *stats = cc_comparison_get_stats (report->comparison);
  gboolean mono = report->options.monochrome;
  g_autofree char *head_a = cc_report_dup_side_label (report, 0);
  g_autofree char *head_b = cc_report_dup_side_label (report, 1);
  g_autoptr(GArray) rows = cc_report_dup_summary (report);
  g_autofree char *passages = cc_report_format_count (stats->passages);
  g_autofree char *quotes = cc_report_dup_shared_quotes (report);
  guint most_words, most_quotes = 1;

  put_heading (w, "summary", _("Summary"));
  putf (w, "<div class=\"table\"><table>\n<thead><tr><th></th><th class=\"num\">%s</th>"
        "<th class=\"num\">%s</th></tr></thead>\n<tbody>\n", head_a, head_b);
  for (guint r = 0; r < rows->len; r++)
    {
      const CcReportSummaryRow *row = &g_array_index (rows, CcReportSummaryRow, r);

      putf (w, "<tr><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
            row->label, row->a, row->b);
    }
  for (guint kind = CC_SHARED_EXACT; kind <= CC_SHARED_UNQUOTED; kind++)
    most_quotes = MAX (most_quotes, stats->shared_quotes[kind]);
  putf (w, "<tr><td>%s</td><td class=\"num\" colspan=\"2\"><b>%s</b></td></tr>\n",
        _("Shared passages"), passages);
  putf (w, "<tr><td>%s</td><td class=\"num\" colspan=\"2\"><b>%s</b></td></tr>\n",
        _("Shared quotations"), quotes);
  put (w, "</tbody>\n</table></div>\n");

  /* The chart, as in print: bars labelled with their values. */
  put (w, "<div class=\"chart\">\n");
  {
    g_autofree char *a = cc_report_format_percent (stats->coverage_a);
    g_autofree char *b = cc_report_format_percent (stats->coverage_b);

    putf (w, "<div><h3>%s</h3>\n", _("Found in the other source"));
    put_bar (w, "A", a, stats->coverage_a, mono ? 0x3d3d3d : 0x1a5fb4);
    put_bar (w, "B", b, stats->coverage_b, mono ? 0x8a8a8a : 0x62a0ea);
    put (w, "</div>\n");
  }
  {
    g_autofree char *deleted = cc_report_format_count (stats->deleted);
    g_autofree char *inserted = cc_report_format_count (stats->inserted);
    g_autofree char *changed = g_strdup_printf ("%u → %u", stats->changed_a, stats->changed_b);
    g_autofree char *moved = cc_report_format_count (stats->moved);

    most_words = MAX (MAX (stats->deleted, stats->inserted),
                      MAX (MAX (stats->changed_a, stats->changed_b), stats->moved));
    most_words = MAX (most_words, 1);
    putf (w, "<div><h3>%s</h3>\n", _("Words that differ"));
    put_bar (w, C_("chart", "Deleted"), deleted, (double)stats->deleted / most_words,
             cc_report_style_line_color (CC_REPORT_MARK_DELETED, mono));
    put_bar (w, C_("chart", "Inserted"), inserted, (double)stats->inserted / most_words,
             cc_report_style_line_color (CC_REPORT_MARK_INSERTED, mono));
    put_bar (w, C_("chart", "Changed"), changed,
             (double)MAX (stats->changed_a, stats->changed_b) / most_words,
             cc_report_style_line_color (CC_REPORT_MARK_CHANGED, mono));
    put_bar (w, C_("chart", "Moved"), moved, (double)stats->moved / most_words,
             cc_report_style_line_color (CC_REPORT_MARK_MOVED, mono));
    put (w, "</div>\n");
  }
  putf (w, "<div><h3>%s</h3>\n", _("Shared quotations"));
  for (guint kind = CC_SHARED_EXACT; kind <= CC_SHARED_UNQUOTED; kind++)
    {
      g_autofree char *count = cc_report_format_count (stats->shared_quotes[kind]);

      put_bar (w, cc_report_shared_kind_label (kind), count,
               (double)stats->shared_quotes[kind] / most_quotes,
               cc_report_style_line_color (CC_REPORT_MARK_EXACT, mono));
    }
  put (w, "</div>\n</div>\n");
}

/* The head of a table of what the pair shares: a number, each source, and @last. */
static void
put_table_head (Writer     *w,
                const char *last,
                gboolean    numeric)
{
  g_autofree char *head_a = cc_report_dup_side_label (w->report, 0);
  g_autofree char *head_b = cc_report_dup_side_label (w->report, 1);

  putf (w, "<div class=\"table\"><table>\n<thead><tr><th>#</th><th>%s</th><th>%s</th>",
        head_a, head_b);
  putf (w, numeric ? "<th class=\"num\">%s</th>" : "<th>%s</th>", last);
  put (w, "</tr></thead>\n<tbody>\n");
}

static void
put_wording (Writer *w,
             guint   index,
             guint   side)
{
  CcReport *report = w->report;
  CcRange range = cc_report_get_quote_range (report, index, side);
  CcText *text = cc_report_get_text (report, side);
  CcSource *source = g_ptr_array_index (report->sources, side);
  g_autofree guint16 *marks = cc_report_dup_quote_marks (report, index, side);
  const char *string = cc_text_get_string (text, NULL);
  gsize start = cc_text_char_to_byte (text, range.start);
  gsize end = cc_text_char_to_byte (text, range.end);
  g_autofree char *where = cc_report_dup_quote_where (report, index, side);
  const char *language = cc_source_get_language (source);

  if (language != NULL)
    putf (w, "<td class=\"wording\" lang=\"%s\" dir=\"auto\">", language);
  else
    put (w, "<td class=\"wording\" dir=\"auto\">");
  put_marked (w, string + start, end - start, marks);
  putf (w, "<span class=\"where\">%s</span></td>", where);
}

static void
put_shared_quotes (Writer *w)
{
  CcReport *report = w->report;
  const CcSharedQuote *shared;
  guint n_shared;

  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (report->comparison),
                                 &n_shared);
  if (!put_section (w, "quotations", _("Shared quotations"), n_shared == 0,
                    _("The two sources share no quotations."),
                    _("Each quotation as both sources word it. In variants, words one wording "
                      "leaves out or puts otherwise are marked as in the texts.")))
    return;

  put_table_head (w, _("Match"), FALSE);
  for (guint i = 0; i < n_shared; i++)
    {
      g_autofree char *score = cc_report_format_percent (shared[i].score);

      putf (w, "<tr><td class=\"num\">%u</td>", i + 1);
      put_wording (w, i, 0);
      put_wording (w, i, 1);
      putf (w, "<td><b>%s</b><span class=\"where\">%s %s</span></td></tr>\n",
            cc_report_shared_kind_label (shared[i].kind), _("score"), score);
      flush (w, FALSE);
    }
  put (w, "</tbody>\n</table></div>\n");
}

static void
put_passage (Writer  *w,
             guint    side,
             CcRange  range,
             guint    words)
{
  CcReport *report = w->report;
  g_autofree char *excerpt = cc_report_dup_excerpt (cc_report_get_text (report, side), range,
                                                    260);
  g_autofree char *where = cc_report_dup_passage_where (report, side, range, words);

  putf (w, "<td class=\"wording\" dir=\"auto\">%s<span class=\"where\">%s</span></td>", excerpt,
        where);
}

static void
put_passages (Writer *w)
{
  CcReport *report = w->report;
  const CcPassage *passages;
  guint n_passages;

  passages = cc_passages_get (cc_comparison_get_passages (report->comparison), &n_passages);
  if (!put_section (w, "passages", _("Shared passages"), n_passages == 0,
                    _("The two sources share no passages."),
                    _("Stretches of text the two sources share, wherever each stands; identity "
                      "is the share of the longer span’s words matched one to one.")))
    return;

  put_table_head (w, _("Identity"), TRUE);
  for (guint i = 0; i < n_passages; i++)
    {
      g_autofree char *identity = cc_report_format_percent (passages[i].identity);

      putf (w, "<tr><td class=\"num\">%u</td>", i + 1);
      put_passage (w, 0, passages[i].a, passages[i].a_words);
      put_passage (w, 1, passages[i].b, passages[i].b_words);
      putf (w, "<td class=\"num\"><b>%s</b></td></tr>\n", identity);
      flush (w, FALSE);
    }
  put (w, "</tbody>\n</table></div>\n");
}

/* A hard-wrapped text's lines joined into paragraphs: a space for each line break that a
 * blank line does not follow. Offsets stay as they were. */
static char *
dup_joined (const char *string,
            gsize       length)
{
  char *joined = g_strndup (string, length);
  char *end = joined + length;

  for (char *q = joined; q < end; q++)
    {
      char *next;

      if (*q != '\n' || q == joined || q[-1] == '\n')
        continue;
      for (next = q + 1; next < end && (*next == ' ' || *next == '\t' || *next == '\r'); next++)
        ;
      if (next < end && *next != '\n')
        {
          *q = ' ';
          if (q > joined && q[-1] == '\r')
            q[-1] = ' ';
        }
    }

  return joined;
}

static void
put_side (Writer  *w,
          guint    side,
          CcRange  range)
{
  CcReport *report = w->report;
  CcSource *source = g_ptr_array_index (report->sources, side);
  CcText *text = cc_report_get_text (report, side);
  CcReportSpan span = cc_report_text_span (text, range);
  const char *language = cc_source_get_language (source);
  g_autofree char *label = cc_report_dup_side_label (report, side);

  if (language != NULL)
    putf (w, "<div class=\"t\" data-side=\"%s\" lang=\"%s\" dir=\"auto\">", label, language);
  else
    putf (w, "<div class=\"t\" data-side=\"%s\" dir=\"auto\">", label);
  if (report->reflow[side])
    {
      g_autofree char *joined = dup_joined (span.string, span.length);

      put_marked (w, joined, span.length, report->marks[side] + span.start);
    }
  else
    {
      put_marked (w, span.string, span.length, report->marks[side] + span.start);
    }
  put (w, "</div>");
}

static void
put_texts (Writer *w)
{
  CcReport *report = w->report;

  if (report->options.full_texts)
    put_heading (w, "texts", _("The texts side by side"));
  else
    put_heading (w, "texts", _("The differences side by side"));

  put (w, "<p class=\"legend\">");
  {
    const CcReportLegendItem *items;
    guint n_items;

    items = cc_report_style_get_legend (&n_items);
    for (guint i = 0; i < n_items; i++)
      {
        const char *label = g_dpgettext2 (GETTEXT_PACKAGE, "legend", items[i].label);
        guint16 marks[64];
        guint n = MIN ((guint)g_utf8_strlen (label, -1), (guint)G_N_ELEMENTS (marks));

        for (guint c = 0; c < n; c++)
          marks[c] = items[i].marks;
        if (items[i].group != NULL && items[i].group_start)
          putf (w, "%s ", _(items[i].group));
        put (w, "<span class=\"item\">");
        put_marked (w, label, g_utf8_offset_to_pointer (label, n) - label, marks);
        put (w, "</span>");
      }
  }
  put (w, "</p>\n");

  {
    g_autofree char *head_a = cc_report_dup_side_label (report, 0);
    g_autofree char *head_b = cc_report_dup_side_label (report, 1);

    putf (w, "<div class=\"texts\">\n<div class=\"head\"><div>%s</div><div>%s</div></div>\n",
          head_a, head_b);
  }

  for (guint r = 0; r < report->rows->len; r++)
    {
      const CcReportRow *row = &g_array_index (report->rows, CcReportRow, r);

      if (row->kind == CC_REPORT_ROW_ELISION)
        {
          g_autofree char *text = cc_report_dup_elision (row->words);

          putf (w, "<div class=\"elision\">%s</div>\n", text);
          continue;
        }

      put (w, row->paragraph ? "<div class=\"row p\">" : "<div class=\"row\">");
      put_side (w, 0, row->a);
      put_side (w, 1, row->b);
      put (w, "</div>\n");
      flush (w, FALSE);
    }
  put (w, "</div>\n");
}

/* The project ---------------------------------------------------------------------------- */

static void
put_project_sources (Writer *w)
{
  CcReport *report = w->report;

  if (!put_section (w, "sources", _("Sources"), report->sources->len == 0,
                    _("The project has no sources."), NULL))
    return;

  putf (w, "<div class=\"table\"><table>\n<thead><tr><th>#</th><th>%s</th><th>%s</th>"
        "<th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
        _("Source"), _("Published"), _("Words"), _("Quotations"));
  for (guint i = 0; i < report->sources->len; i++)
    {
      CcSource *source = g_ptr_array_index (report->sources, i);
      g_autofree char *published = cc_report_format_date (cc_source_get_published (source), TRUE);
      g_autofree char *words = cc_report_format_count (cc_matrix_get_words (report->matrix, i));
      g_autofree char *quotes = cc_report_format_count (cc_matrix_get_quotes (report->matrix, i));
      const char *outlet = cc_source_get_outlet (source);
      const char *author = cc_source_get_author (source);
      const char *url = cc_source_get_url (source);

      putf (w, "<tr><td class=\"num\">%u</td><td><b class=\"serif\">%s</b>", i + 1,
            cc_report_source_title (source));
      if (outlet != NULL && author != NULL)
        putf (w, "<br/>%s · %s", outlet, author);
      else if (outlet != NULL || author != NULL)
        putf (w, "<br/>%s", outlet != NULL ? outlet : author);
      if (url != NULL)
        putf (w, "<span class=\"where\"><a href=\"%s\">%s</a></span>", url, url);
      putf (w, "<span class=\"where\">%s</span></td>", cc_source_get_id (source));
      putf (w, "<td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
            published != NULL ? published : "—", words, quotes);
    }
  put (w, "</tbody>\n</table></div>\n");
}

static void
put_matrix (Writer *w)
{
  CcReport *report = w->report;
  guint n = cc_matrix_get_size (report->matrix);

  if (!put_section (w, "matrix", _("How much the sources share"), n < 2,
                    _("A project needs two sources or more to compare."),
                    _("Each cell: how much of the row’s source the column’s source carries, and "
                      "how many of the row source’s quotations it carries too, quoted or not.")))
    return;

  put (w, "<div class=\"table\"><table class=\"heat\">\n<thead><tr><th></th>");
  for (guint j = 0; j < n; j++)
    putf (w, "<th>%u · %s</th>", j + 1, (char *)g_ptr_array_index (report->short_names, j));
  put (w, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < n; i++)
    {
      putf (w, "<tr><th class=\"row\">%u · %s</th>", i + 1,
            (char *)g_ptr_array_index (report->short_names, i));
      for (guint j = 0; j < n; j++)
        {
          const CcMatrixCell *cell = cc_matrix_get_cell (report->matrix, i, j);
          g_autofree char *percent = NULL;
          g_autofree char *quotes = NULL;
          g_autofree char *style = NULL;

          if (i == j)
            {
              put (w, "<td style=\"background:#f4f3f2;color:#9a9996\">—</td>");
              continue;
            }

          percent = cc_report_format_percent (cell->coverage);
          quotes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quotation",
                                                 "%u quotations", cell->shared_quotes),
                                    cell->shared_quotes);
          style = g_strdup_printf ("background:#%06x;color:#%06x",
                                   cc_report_style_heat (cell->coverage,
                                                         report->options.monochrome),
                                   cc_report_style_heat_ink (cell->coverage,
                                                             report->options.monochrome));
          putf (w, "<td style=\"%s\"><b>%s</b><br/>%s</td>", style, percent, quotes);
        }
      put (w, "</tr>\n");
    }
  put (w, "</tbody>\n</table></div>\n");
}

static void
put_tracker (Writer *w)
{
  CcReport *report = w->report;

  if (!put_section (w, "tracker", _("Quotation tracker"), report->tracked->len == 0,
                    _("The sources quote no one."),
                    _("Every distinct quotation, the most widely carried first, with the sources "
                      "that carry it in order of publication: ● quotes it, ○ uses the words "
                      "without quotation marks.")))
    return;

  putf (w, "<div class=\"table\"><table>\n<thead><tr><th>#</th><th>%s</th><th>%s</th>"
        "<th>%s</th></tr></thead>\n<tbody>\n", _("Quotation"), _("Carried by"), _("Earliest"));
  for (guint t = 0; t < report->tracked->len; t++)
    {
      CcReportTracked *tracked = g_ptr_array_index (report->tracked, t);
      const CcReportCarrier *earliest = &g_array_index (tracked->carriers, CcReportCarrier, 0);
      g_autofree char *date = cc_report_format_date (
        cc_source_get_published (g_ptr_array_index (report->sources, earliest->source)), TRUE);

      putf (w, "<tr><td class=\"num\">%u</td><td class=\"wording\" dir=\"auto\">“%s”", t + 1,
            tracked->wording);
      if (tracked->speaker != NULL)
        putf (w, "<span class=\"where\">— %s</span>", tracked->speaker);
      put (w, "</td><td>");
      for (guint c = 0; c < tracked->carriers->len; c++)
        {
          const CcReportCarrier *carrier = &g_array_index (tracked->carriers, CcReportCarrier, c);

          if (c > 0)
            put (w, "<br/>");
          if (carrier->quoted)
            putf (w, "● %s", (char *)g_ptr_array_index (report->short_names, carrier->source));
          else
            putf (w, "○ %s <span class=\"note\">(%s)</span>",
                  (char *)g_ptr_array_index (report->short_names, carrier->source),
                  _("not quoted"));
        }
      putf (w, "</td><td><b>%s</b><span class=\"where\">%s</span></td></tr>\n",
            (char *)g_ptr_array_index (report->short_names, earliest->source),
            date != NULL ? date : _("undated"));
      flush (w, FALSE);
    }
  put (w, "</tbody>\n</table></div>\n");
}

gboolean
cc_report_html_write (CcReport       *self,
                      GOutputStream  *stream,
                      GCancellable   *cancellable,
                      GError        **error)
{
  Writer w = { g_string_sized_new (1 << 17), stream, cancellable, NULL, self, 0 };
  const char *language = NULL;

  /* The document's language is the sources' when they agree; each text carries its own. */
  for (guint i = 0; i < self->sources->len; i++)
    {
      const char *source_language = cc_source_get_language (g_ptr_array_index (self->sources,
                                                                               i));

      if (i == 0)
        language = source_language;
      else if (g_strcmp0 (language, source_language) != 0)
        language = NULL;
    }

  put (&w, "<!DOCTYPE html>\n");
  if (language != NULL)
    putf (&w, "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%s\">\n", language);
  else
    put (&w, "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n");
  put (&w, "<head>\n<meta charset=\"utf-8\"/>\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
  putf (&w, "<meta name=\"generator\" content=\"Crosscheck %s\"/>\n<title>%s</title>\n",
        PACKAGE_VERSION, self->title);
  put (&w, "<style>\n");
  put (&w, style_sheet);
  put (&w, "</style>\n</head>\n");
  put (&w, self->options.monochrome ? "<body class=\"mono\">\n<main>\n" : "<body>\n<main>\n");

  put_opening (&w);
  if (self->kind == CC_REPORT_PAIR)
    {
      put_pair_sources (&w);
      put_summary (&w);
      put_shared_quotes (&w);
      put_passages (&w);
      put_texts (&w);
    }
  else
    {
      put_project_sources (&w);
      put_matrix (&w);
      put_tracker (&w);
    }

  put (&w, "</main>\n</body>\n</html>\n");
  flush (&w, TRUE);
  g_string_free (w.out, TRUE);

  if (w.error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &w.error);
  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
      return FALSE;
    }

  return TRUE;
}
