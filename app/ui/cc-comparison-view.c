/* cc-comparison-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-comparison-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-comparison-panel.h"
#include "cc-link-map.h"
#include "cc-overview-strip.h"
#include "cc-source-format.h"
#include "cc-comparison-view-private.h"

/* How long a counterpart stays flashed after a click on a shared quotation. */
#define FLASH_MILLISECONDS 800

/* Something the reader can go to: a change (a run of diff operations between two equal ones)
 * or a shared quotation, with its characters in each text. @index counts the changes in the
 * texts' order, or is the quotation's index in the comparison's shared quotations. */
typedef struct
{
  CcRange a;
  CcRange b;
  guint   index;
} Target;

/* One match of the find bar, in the left (@right FALSE) or the right text. */
typedef struct
{
  gboolean right;
  guint    start;
  guint    end;
} Match;

struct _CcComparisonView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *search_count_label;
  GtkSpinner        *spinner;
  GtkLabel          *status_label;
  GtkButton         *previous_change_button;
  GtkButton         *next_change_button;
  GtkToggleButton   *search_button;
  GtkToggleButton   *panel_button;
  GtkToggleButton   *lock_button;
  GtkPaned          *paned;
  GtkBox            *left_pane;
  GtkBox            *left_header;
  GtkLabel          *left_title_label;
  GtkLabel          *left_byline_label;
  GtkScrolledWindow *left_scrolled_window;
  GtkTextView       *left_text_view;
  GtkTextBuffer     *left_buffer;
  GtkBox            *right_pane;
  GtkBox            *right_header;
  GtkLabel          *right_title_label;
  GtkLabel          *right_byline_label;
  GtkScrolledWindow *right_scrolled_window;
  GtkTextView       *right_text_view;
  GtkTextBuffer     *right_buffer;
  GtkBox            *legend_box;
  CcComparisonPanel *panel;
  CcLinkMap         *link_map;
  CcOverviewStrip   *left_overview_strip;
  CcOverviewStrip   *right_overview_strip;

  CcSource          *a;
  CcSource          *b;
  /* The excluded ranges as they were when the comparison started, like its texts. */
  GArray            *a_excluded;
  GArray            *b_excluded;

  CcComparison      *comparison;
  GCancellable      *cancellable;
  /* Counts calls of set_sources, so a result that arrives after a newer call is dropped
   * even when its cancellation came too late to stop it. */
  guint              generation;

  /* Set while this view moves one pane to follow the other, so the move is not followed back. */
  gboolean           syncing;
  /* The pane the reader scrolled last, which the other follows. */
  gboolean           right_leads;
  /* While a pane brings something into view it stays on its "counterpart" mark, and neither
   * pane follows the other, since each is where it is meant to be. */
  gboolean           pinned[2];

  guint              flash_source_id;
  /* A pane's height changes while GTK lays it out; following that change then would move
   * the other pane in the middle of the layout, so it waits for this idle. */
  guint              relayout_source_id;
  gboolean           relayout[2];

  /* A bar in each pane's gutter beside what navigation or a click went to last, which stays
   * after the flash is gone: the text's own highlights cover its selection. */
  GtkWidget         *gutters[2];
  gboolean           marked[2];
  CcRange            marked_ranges[2];

  /* The pane navigation starts from: the one that had the focus last. */
  gboolean           active_right;
  /* Target: the changes in order, and the shared quotations by their start in the left and
   * in the right text. */
  GArray            *changes;
  GArray            *quotes[2];
  /* What navigation went to last (a Target's index), so the next step goes on from it even
   * where several targets start at the same place; -1 for none. */
  gint               current_change;
  gint               current_quote;

  /* Match: the find bar's matches, those of the left text first. */
  GArray            *matches;
  gint               current_match;

  GSimpleAction     *exclude_actions[2];
  GSimpleAction     *include_actions[2];
};

G_DEFINE_FINAL_TYPE (CcComparisonView, cc_comparison_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_BUSY,
  PROP_LOCK_SCROLLING,
  PROP_SHOW_PANEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXCLUDE_RANGE,
  INCLUDE_RANGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A weak reference: a comparison running in a thread does not keep a closed view alive. */
typedef struct
{
  GWeakRef self;
  guint    generation;
} CompareRequest;

static const char * const shared_quote_tags[] = {
  [CC_SHARED_EXACT] = "quote-exact",
  [CC_SHARED_PARTIAL] = "quote-partial",
  [CC_SHARED_VARIANT] = "quote-variant",
  [CC_SHARED_UNQUOTED] = "quote-unquoted",
};

static GtkTextView *
get_text_view (CcComparisonView *self,
               gboolean          right)
{
  return right ? self->right_text_view : self->left_text_view;
}

static GtkTextBuffer *
get_buffer (CcComparisonView *self,
            gboolean          right)
{
  return right ? self->right_buffer : self->left_buffer;
}

static void cc_comparison_view_build_targets  (CcComparisonView *self);
static void cc_comparison_view_update_actions (CcComparisonView *self);
static void cc_comparison_view_update_search  (CcComparisonView *self,
                                               gboolean          move);

static void
parse_rgba (GdkRGBA    *rgba,
            const char *spec)
{
  G_GNUC_UNUSED gboolean parsed = gdk_rgba_parse (rgba, spec);

  g_assert (parsed);
}

/* The backgrounds are translucent so they tint the light and the dark view background alike;
 * lines and dimmed text need more contrast against the dark one. Each tag also has a
 * decoration, so no highlight depends on telling colours apart. */
static void
style_tags (GtkTextBuffer *buffer,
            gboolean       dark)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  struct {
    const char *name;
    const char *background;
    const char *line;
  } colours[] = {
    { "deleted", dark ? "rgba(255,123,99,0.30)" : "rgba(224,27,36,0.20)",
      dark ? "#ff7b63" : "#c01c28" },
    { "inserted", dark ? "rgba(143,240,164,0.25)" : "rgba(46,194,126,0.25)",
      dark ? "#8ff0a4" : "#26a269" },
    { "changed", dark ? "rgba(248,228,92,0.25)" : "rgba(245,194,17,0.30)",
      dark ? "#f8e45c" : "#c64600" },
    { "moved", dark ? "rgba(220,138,221,0.30)" : "rgba(145,65,172,0.20)",
      dark ? "#dc8add" : "#813d9c" },
    { "quote-exact", dark ? "rgba(153,193,241,0.28)" : "rgba(53,132,228,0.22)",
      dark ? "#99c1f1" : "#1a5fb4" },
    { "quote-partial", dark ? "rgba(153,193,241,0.12)" : "rgba(53,132,228,0.10)",
      dark ? "#99c1f1" : "#1a5fb4" },
    { "quote-variant", dark ? "rgba(153,193,241,0.22)" : "rgba(53,132,228,0.16)",
      dark ? "#99c1f1" : "#1a5fb4" },
    { "quote-unquoted", dark ? "rgba(153,193,241,0.12)" : "rgba(53,132,228,0.10)",
      dark ? "#99c1f1" : "#1a5fb4" },
    { "flash", dark ? "rgba(255,255,255,0.30)" : "rgba(0,0,0,0.18)",
      dark ? "#ffffff" : "#000000" },
    /* Found text is opaque, to stand out from every translucent highlight beneath. */
    { "search-match", dark ? "#e5a50a" : "#f6d32d", "#241f31" },
    { "search-current", "#ff7800", "#241f31" },
  };
  GtkTextTag *tag;
  GdkRGBA rgba;

  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    {
      GdkRGBA line;

      tag = gtk_text_tag_table_lookup (table, colours[i].name);
      g_assert (tag != NULL);

      parse_rgba (&rgba, colours[i].background);
      parse_rgba (&line, colours[i].line);
      /* Not overline-rgba: GTK 4.8 frees it twice when the tag is finalized. The overline
       * of "changed" takes the text's colour. */
      g_object_set (tag,
                    "background-rgba", &rgba,
                    "underline-rgba", &line,
                    "strikethrough-rgba", &line,
                    NULL);
    }

  /* Dark text on the bright backgrounds of found text, in either style. */
  parse_rgba (&rgba, "#241f31");
  g_object_set (gtk_text_tag_table_lookup (table, "search-match"), "foreground-rgba", &rgba, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "search-current"), "foreground-rgba", &rgba,
                NULL);

  /* Boilerplate recedes: its text is drawn at part strength whatever the background. */
  parse_rgba (&rgba, dark ? "rgba(255,255,255,0.40)" : "rgba(0,0,0,0.40)");
  tag = gtk_text_tag_table_lookup (table, "excluded");
  g_object_set (tag, "foreground-rgba", &rgba, NULL);
}

static void
create_tags (GtkTextBuffer *buffer)
{
  /* Later tags win where they overlap: quotations above the diff, the flash above all. */
  gtk_text_buffer_create_tag (buffer, "deleted",
                              "strikethrough", TRUE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "inserted",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "changed",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              "overline", PANGO_OVERLINE_SINGLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "moved",
                              "underline", PANGO_UNDERLINE_DOUBLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "quote",
                              "style", PANGO_STYLE_ITALIC,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "quote-exact",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "quote-partial",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "quote-variant",
                              "style", PANGO_STYLE_ITALIC,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "quote-unquoted",
                              "underline", PANGO_UNDERLINE_ERROR,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "excluded", NULL);
  gtk_text_buffer_create_tag (buffer, "flash",
                              "underline", PANGO_UNDERLINE_DOUBLE,
                              NULL);
  /* The match the find bar is at is also bold, so it is told from the others without colour. */
  gtk_text_buffer_create_tag (buffer, "search-match", NULL);
  gtk_text_buffer_create_tag (buffer, "search-current",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
}

static void
cc_comparison_view_update_style (CcComparisonView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  style_tags (self->left_buffer, dark);
  style_tags (self->right_buffer, dark);
}

static void
on_style_manager_notify_dark_cb (AdwStyleManager  *style_manager,
                                 GParamSpec       *pspec,
                                 CcComparisonView *self)
{
  g_assert (CC_IS_COMPARISON_VIEW (self));

  cc_comparison_view_update_style (self);
}

static void
set_header (GtkLabel *title_label,
            GtkLabel *byline_label,
            CcSource *source)
{
  g_autofree char *byline = source != NULL ? cc_source_format_byline (source, FALSE) : NULL;
  const char *title = source != NULL ? cc_source_format_title (source) : NULL;

  /* Titles are cut to one line to keep the panes level; the tooltip has the rest. */
  gtk_label_set_label (title_label, title != NULL ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (title_label), title);
  gtk_label_set_label (byline_label, byline != NULL ? byline : "");
  gtk_widget_set_visible (GTK_WIDGET (byline_label), byline != NULL && byline[0] != '\0');
}

static GArray *
copy_excluded (CcSource *source)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (CcRange));
  const CcRange *excluded;
  guint n_excluded;

  if (source != NULL)
    {
      excluded = cc_source_get_excluded (source, &n_excluded);
      g_array_append_vals (ranges, excluded, n_excluded);
    }

  return ranges;
}

static void
set_buffer_text (GtkTextBuffer *buffer,
                 const char    *text)
{
  g_autofree char *current = NULL;
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  /* Setting the same text again would throw away the reader's place. */
  if (g_strcmp0 (current, text) != 0)
    {
      gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
      /* A new text is read, and navigated, from its start; the cursor went to its end. */
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }
}

static void
apply_tag (GtkTextBuffer *buffer,
           const char    *name,
           CcRange        range)
{
  GtkTextIter start;
  GtkTextIter end;

  if (range.end <= range.start)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, range.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, range.end);
  gtk_text_buffer_apply_tag_by_name (buffer, name, &start, &end);
}

static void
apply_lone_quotes (GtkTextBuffer       *buffer,
                   CcQuotes            *quotes,
                   const CcSharedQuote *shared,
                   guint                n_shared,
                   gboolean             right)
{
  g_autofree gboolean *is_shared = NULL;
  const CcQuote *quote;
  guint n_quotes;

  if (quotes == NULL)
    return;

  quote = cc_quotes_get (quotes, &n_quotes);
  is_shared = g_new0 (gboolean, MAX (n_quotes, 1));

  for (guint i = 0; i < n_shared; i++)
    {
      gint index = right ? shared[i].b_quote : shared[i].a_quote;

      if (index >= 0 && (guint)index < n_quotes)
        is_shared[index] = TRUE;
    }

  for (guint i = 0; i < n_quotes; i++)
    {
      if (!is_shared[i])
        apply_tag (buffer, "quote", quote[i].range);
    }
}

static void
cc_comparison_view_apply_highlights (CcComparisonView *self)
{
  CcSharedQuotes *shared_quotes;
  const CcSharedQuote *shared = NULL;
  guint n_shared = 0;
  CcDiff *diff;

  g_assert (CC_IS_COMPARISON_VIEW (self));
  g_assert (self->comparison != NULL);

  if ((diff = cc_comparison_get_diff (self->comparison)))
    {
      const CcDiffOp *ops;
      guint n_ops;

      ops = cc_diff_get_ops (diff, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        {
          switch (ops[i].kind)
            {
            case CC_DIFF_DELETE:
              apply_tag (self->left_buffer, "deleted", ops[i].a);
              break;
            case CC_DIFF_INSERT:
              apply_tag (self->right_buffer, "inserted", ops[i].b);
              break;
            case CC_DIFF_CHANGE:
              apply_tag (self->left_buffer, "changed", ops[i].a);
              apply_tag (self->right_buffer, "changed", ops[i].b);
              break;
            case CC_DIFF_MOVE_FROM:
              apply_tag (self->left_buffer, "moved", ops[i].a);
              break;
            case CC_DIFF_MOVE_TO:
              apply_tag (self->right_buffer, "moved", ops[i].b);
              break;
            case CC_DIFF_EQUAL:
            default:
              break;
            }
        }
    }

  if ((shared_quotes = cc_comparison_get_shared_quotes (self->comparison)))
    {
      shared = cc_shared_quotes_get (shared_quotes, &n_shared);
      for (guint i = 0; i < n_shared; i++)
        {
          g_assert (shared[i].kind < G_N_ELEMENTS (shared_quote_tags));
          apply_tag (self->left_buffer, shared_quote_tags[shared[i].kind], shared[i].a);
          apply_tag (self->right_buffer, shared_quote_tags[shared[i].kind], shared[i].b);
        }
    }

  apply_lone_quotes (self->left_buffer, cc_comparison_get_quotes_a (self->comparison),
                     shared, n_shared, FALSE);
  apply_lone_quotes (self->right_buffer, cc_comparison_get_quotes_b (self->comparison),
                     shared, n_shared, TRUE);

  for (guint i = 0; i < self->a_excluded->len; i++)
    apply_tag (self->left_buffer, "excluded", g_array_index (self->a_excluded, CcRange, i));
  for (guint i = 0; i < self->b_excluded->len; i++)
    apply_tag (self->right_buffer, "excluded", g_array_index (self->b_excluded, CcRange, i));
}

static void
clear_highlights (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (buffer, &start, &end);
}

static void
cc_comparison_view_set_busy (CcComparisonView *self,
                             gboolean          busy)
{
  if (busy == gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    return;

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
cc_comparison_view_update_status (CcComparisonView *self)
{
  g_autofree char *status = NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    status = g_strdup (_("Comparing…"));
  else if (self->comparison != NULL)
    {
      const CcComparisonStats *stats = cc_comparison_get_stats (self->comparison);
      guint n_shared = 0;

      for (guint i = 0; i < G_N_ELEMENTS (stats->shared_quotes); i++)
        n_shared += stats->shared_quotes[i];

      /* Translators: a summary of a comparison; the first four numbers count words, the
       * last one quotations. Labels, not a sentence, so no number needs a plural. */
      status = g_strdup_printf (_("Deleted: %u · Inserted: %u · Changed: %u · Moved: %u · "
                                  "Shared quotations: %u"),
                                stats->deleted, stats->inserted, stats->changed_a,
                                stats->moved, n_shared);
    }

  gtk_label_set_label (self->status_label, status != NULL ? status : "");
}

static void
cc_comparison_view_show_comparison (CcComparisonView *self,
                                    CcComparison     *comparison)
{
  g_assert (CC_IS_COMPARISON_VIEW (self));
  g_assert (comparison != NULL);

  g_clear_pointer (&self->comparison, cc_comparison_unref);
  self->comparison = cc_comparison_ref (comparison);

  /* The buffers hold the texts the offsets count in, even if a source changed meanwhile. */
  set_buffer_text (self->left_buffer,
                   cc_text_get_string (cc_comparison_get_text_a (comparison), NULL));
  set_buffer_text (self->right_buffer,
                   cc_text_get_string (cc_comparison_get_text_b (comparison), NULL));

  clear_highlights (self->left_buffer);
  clear_highlights (self->right_buffer);
  cc_comparison_view_apply_highlights (self);
  /* Clearing took the find bar's highlights too. */
  cc_comparison_view_update_search (self, FALSE);

  cc_comparison_panel_set_comparison (self->panel, comparison);
  cc_link_map_set_comparison (self->link_map, comparison);
  cc_overview_strip_set_comparison (self->left_overview_strip, comparison, FALSE);
  cc_overview_strip_set_comparison (self->right_overview_strip, comparison, TRUE);
  cc_comparison_view_build_targets (self);

  cc_comparison_view_set_busy (self, FALSE);
  cc_comparison_view_update_status (self);
  cc_comparison_view_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

static void
compare_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CompareRequest *request = user_data;
  g_autoptr(CcComparisonView) self = g_weak_ref_get (&request->self);
  g_autoptr(CcComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = request->generation;

  g_weak_ref_clear (&request->self);
  g_free (request);

  comparison = cc_comparison_new_finish (result, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (generation != self->generation)
    return;

  g_clear_object (&self->cancellable);

  if (comparison == NULL)
    {
      g_warning ("Could not compare the sources: %s", error->message);
      cc_comparison_view_set_busy (self, FALSE);
      gtk_label_set_label (self->status_label, _("The sources could not be compared"));
      return;
    }

  cc_comparison_view_show_comparison (self, comparison);
}

/* Where @offset of one side stands in the other, following the diff: inside an operation
 * proportionally by character, at the edge of the other side's span where it has none. */
static guint
map_offset (CcComparisonView *self,
            gboolean          from_right,
            guint             offset)
{
  const CcDiffOp *ops;
  guint n_ops;
  CcDiff *diff;

  if (self->comparison == NULL || !(diff = cc_comparison_get_diff (self->comparison)))
    return offset;

  ops = cc_diff_get_ops (diff, &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      const CcRange *from = from_right ? &ops[i].b : &ops[i].a;
      const CcRange *to = from_right ? &ops[i].a : &ops[i].b;

      if (offset >= from->start && offset < from->end)
        {
          guint64 from_length = from->end - from->start;
          guint64 to_length = to->end - to->start;

          return to->start + (guint)((offset - from->start) * to_length / from_length);
        }
    }

  /* Past the last operation: the end of the other text. */
  for (guint i = n_ops; i > 0; i--)
    {
      const CcRange *to = from_right ? &ops[i - 1].a : &ops[i - 1].b;

      if (to->end > 0)
        return to->end;
    }

  return 0;
}

/* Follows the scrolled pane with the other, Meld's way: the point of the text that stands at
 * the same fraction of both viewports is one the diff pairs, so the tops meet at the start and
 * the ends at the end. */
static void
cc_comparison_view_sync_scroll (CcComparisonView *self,
                                gboolean          from_right)
{
  GtkTextView *from_view = get_text_view (self, from_right);
  GtkTextView *to_view = get_text_view (self, !from_right);
  GtkAdjustment *from_adjustment;
  GtkAdjustment *to_adjustment;
  GtkTextIter iter;
  GdkRectangle location;
  GdkRectangle from_visible;
  GdkRectangle to_visible;
  double from_range;
  double fraction;
  double anchor_y;
  double from_page;
  double to_page;
  double value;
  int line_top;
  guint offset;

  if (self->pinned[FALSE] || self->pinned[TRUE])
    return;

  from_adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (from_view));
  to_adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (to_view));
  if (from_adjustment == NULL || to_adjustment == NULL)
    return;

  from_page = gtk_adjustment_get_page_size (from_adjustment);
  to_page = gtk_adjustment_get_page_size (to_adjustment);
  from_range = gtk_adjustment_get_upper (from_adjustment)
               - gtk_adjustment_get_lower (from_adjustment)
               - from_page;
  value = gtk_adjustment_get_value (from_adjustment);
  fraction = from_range > 0 ? (value - gtk_adjustment_get_lower (from_adjustment)) / from_range : 0;
  fraction = CLAMP (fraction, 0, 1);

  /* At either end the other pane goes to the same end, whatever the texts' lengths. */
  if (fraction <= 0 || fraction >= 1)
    {
      double to_lower = gtk_adjustment_get_lower (to_adjustment);
      double to_upper = gtk_adjustment_get_upper (to_adjustment);

      self->syncing = TRUE;
      gtk_adjustment_set_value (to_adjustment, fraction <= 0 ? to_lower : to_upper - to_page);
      self->syncing = FALSE;
      return;
    }

  /* The adjustments count from the top of the view, the text from below its top margin. */
  gtk_text_view_get_visible_rect (from_view, &from_visible);
  gtk_text_view_get_visible_rect (to_view, &to_visible);

  anchor_y = from_visible.y + fraction * from_page;
  gtk_text_view_get_iter_at_location (from_view, &iter, 0, (int)anchor_y);
  gtk_text_view_get_iter_location (from_view, &iter, &location);
  line_top = location.y;

  offset = map_offset (self, from_right, gtk_text_iter_get_offset (&iter));
  gtk_text_buffer_get_iter_at_offset (get_buffer (self, !from_right), &iter, offset);
  gtk_text_view_get_iter_location (to_view, &iter, &location);

  self->syncing = TRUE;
  gtk_adjustment_set_value (to_adjustment,
                            location.y + (anchor_y - line_top) - fraction * to_page
                            + gtk_adjustment_get_value (to_adjustment) - to_visible.y);
  self->syncing = FALSE;
}

static void
on_adjustment_value_changed_cb (GtkAdjustment    *adjustment,
                                CcComparisonView *self)
{
  gboolean from_right;

  g_assert (CC_IS_COMPARISON_VIEW (self));

  if (self->syncing || !gtk_toggle_button_get_active (self->lock_button))
    return;

  from_right = (adjustment ==
                gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->right_text_view)));
  self->right_leads = from_right;
  cc_comparison_view_sync_scroll (self, from_right);
}

/* A text view measures its text bit by bit after it is shown, so the panes' heights keep
 * changing for a while: the follower is put back where the leader says each time. */
static gboolean
on_relayout_idle_cb (gpointer user_data)
{
  CcComparisonView *self = user_data;
  gboolean changed[2] = { self->relayout[FALSE], self->relayout[TRUE] };

  g_assert (CC_IS_COMPARISON_VIEW (self));

  self->relayout_source_id = 0;
  self->relayout[FALSE] = self->relayout[TRUE] = FALSE;

  /* The lines above a pinned pane's mark may have been measured since it was scrolled to. */
  for (guint right = 0; right < 2; right++)
    {
      GtkTextView *view = get_text_view (self, right);
      GtkTextBuffer *buffer = get_buffer (self, right);

      if (self->pinned[right] && changed[right])
        gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_mark (buffer, "counterpart"),
                                      0.0, TRUE, 0.0, 0.3);
    }

  if (self->pinned[FALSE] || self->pinned[TRUE])
    return G_SOURCE_REMOVE;

  if (self->syncing || !gtk_toggle_button_get_active (self->lock_button))
    return G_SOURCE_REMOVE;

  cc_comparison_view_sync_scroll (self, self->right_leads);

  return G_SOURCE_REMOVE;
}

static void
on_adjustment_changed_cb (GtkAdjustment    *adjustment,
                          CcComparisonView *self)
{
  gboolean right;

  g_assert (CC_IS_COMPARISON_VIEW (self));

  right = adjustment == gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->right_text_view));
  self->relayout[right] = TRUE;
  if (self->relayout_source_id == 0)
    self->relayout_source_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_relayout_idle_cb,
                                                self, NULL);
}

static void
on_lock_button_notify_active_cb (GtkToggleButton  *button,
                                 GParamSpec       *pspec,
                                 CcComparisonView *self)
{
  g_assert (CC_IS_COMPARISON_VIEW (self));

  /* Locking brings the right pane to where the left one is, as if the left had just moved. */
  if (gtk_toggle_button_get_active (button))
    {
      self->right_leads = FALSE;
      cc_comparison_view_sync_scroll (self, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_SCROLLING]);
}

static void
on_panel_button_notify_active_cb (GtkToggleButton  *button,
                                  GParamSpec       *pspec,
                                  CcComparisonView *self)
{
  g_assert (CC_IS_COMPARISON_VIEW (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PANEL]);
}

static gboolean
on_flash_timeout_cb (gpointer user_data)
{
  CcComparisonView *self = user_data;

  g_assert (CC_IS_COMPARISON_VIEW (self));

  for (guint right = 0; right < 2; right++)
    {
      GtkTextBuffer *buffer = get_buffer (self, right);
      GtkTextIter start;
      GtkTextIter end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, "flash", &start, &end);
      self->pinned[right] = FALSE;
    }

  self->flash_source_id = 0;
  return G_SOURCE_REMOVE;
}

static void
cc_comparison_view_clear_flash (CcComparisonView *self)
{
  if (self->flash_source_id != 0)
    {
      g_source_remove (self->flash_source_id);
      on_flash_timeout_cb (self);
    }
}

static void
draw_gutter (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  CcComparisonView *self = user_data;
  gboolean right = GTK_WIDGET (area) == self->gutters[TRUE];
  GtkTextView *view = get_text_view (self, right);
  GtkTextBuffer *buffer = get_buffer (self, right);
  const CcRange *range = &self->marked_ranges[right];
  GdkRectangle first;
  GdkRectangle last;
  GtkTextIter iter;
  GdkRGBA colour;
  int top;
  int bottom;

  if (!self->marked[right])
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, range->start);
  gtk_text_view_get_iter_location (view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, MAX (range->end, range->start + 1) - 1);
  gtk_text_view_get_iter_location (view, &iter, &last);

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_LEFT, 0, first.y, NULL, &top);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_LEFT, 0, last.y + last.height,
                                         NULL, &bottom);
  /* Where the other text has words this one lacks, a short tick marks the place. */
  if (range->end <= range->start)
    bottom = top + 4;

  /* The accent colour of the style in use, light or dark. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (area)),
                                       "accent_color", &colour))
    gdk_rgba_parse (&colour, "#3584e4");

  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_rectangle (cr, width - 8, top, 4, MAX (bottom - top, 4));
  cairo_fill (cr);
}

/* Brings @a into view in the left pane and @b in the right one and flashes them; a %NULL
 * range leaves its pane as it is. Only one pane can hold a selection (the primary selection
 * is one per display), so the range is selected in the pane the reader works in, or the one
 * pane given; the other gets just the cursor, so navigation from it goes on from here too. */
static void
cc_comparison_view_reveal (CcComparisonView *self,
                           const CcRange    *a,
                           const CcRange    *b)
{
  const CcRange *ranges[2] = { a, b };

  cc_comparison_view_clear_flash (self);

  for (guint right = 0; right < 2; right++)
    {
      GtkTextBuffer *buffer = get_buffer (self, right);
      GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "counterpart");
      GtkTextIter start;
      GtkTextIter end;

      self->marked[right] = ranges[right] != NULL;
      if (ranges[right] != NULL)
        self->marked_ranges[right] = *ranges[right];
      gtk_widget_queue_draw (self->gutters[right]);

      if (ranges[right] == NULL)
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, ranges[right]->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, ranges[right]->end);
      gtk_text_buffer_apply_tag_by_name (buffer, "flash", &start, &end);
      /* The cursor at the start, where the next step of navigation goes on from. */
      if (ranges[!right] == NULL || right == (guint)self->active_right)
        gtk_text_buffer_select_range (buffer, &start, &end);
      else
        gtk_text_buffer_place_cursor (buffer, &start);

      /* A mark, not an iter: the view scrolls again once it has measured the lines above. */
      self->pinned[right] = TRUE;
      gtk_text_buffer_move_mark (buffer, mark, &start);
      gtk_text_view_scroll_to_mark (get_text_view (self, right), mark, 0.0, TRUE, 0.0, 0.3);
    }

  self->flash_source_id = g_timeout_add (FLASH_MILLISECONDS, on_flash_timeout_cb, self);
}

gboolean
cc_comparison_view_activate_offset (CcComparisonView *self,
                                    gboolean          right,
                                    guint             offset)
{
  CcSharedQuotes *shared_quotes;
  const CcSharedQuote *shared;
  guint n_shared;

  g_return_val_if_fail (CC_IS_COMPARISON_VIEW (self), FALSE);

  if (self->comparison == NULL ||
      !(shared_quotes = cc_comparison_get_shared_quotes (self->comparison)))
    return FALSE;

  shared = cc_shared_quotes_get (shared_quotes, &n_shared);
  for (guint i = 0; i < n_shared; i++)
    {
      const CcRange *here = right ? &shared[i].b : &shared[i].a;
      const CcRange *there = right ? &shared[i].a : &shared[i].b;

      if (offset < here->start || offset >= here->end)
        continue;

      /* The clicked pane stays where the reader is looking. */
      self->right_leads = !right;
      cc_comparison_view_reveal (self, right ? there : NULL, right ? NULL : there);

      return TRUE;
    }

  return FALSE;
}

static void
on_click_released (CcComparisonView *self,
                   GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   gboolean          right)
{
  GtkTextView *view = get_text_view (self, right);
  GtkTextBuffer *buffer = get_buffer (self, right);
  GtkTextIter iter;
  int buffer_x;
  int buffer_y;

  /* A drag that selected text is not a click on a quotation. */
  if (gtk_text_buffer_get_has_selection (buffer))
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y,
                                         &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (view, &iter, buffer_x, buffer_y))
    return;

  cc_comparison_view_activate_offset (self, right, gtk_text_iter_get_offset (&iter));
}

static void
on_left_click_released_cb (GtkGestureClick  *gesture,
                           int               n_press,
                           double            x,
                           double            y,
                           CcComparisonView *self)
{
  on_click_released (self, gesture, n_press, x, y, FALSE);
}

static void
on_right_click_released_cb (GtkGestureClick  *gesture,
                            int               n_press,
                            double            x,
                            double            y,
                            CcComparisonView *self)
{
  on_click_released (self, gesture, n_press, x, y, TRUE);
}

static guint
target_start (const Target *target,
              gboolean      right)
{
  return right ? target->b.start : target->a.start;
}

/* In the order of where they start in one pane, given as a boolean "right". */
static int
compare_targets (gconstpointer a,
                 gconstpointer b,
                 gpointer      right)
{
  guint start_a = target_start (a, GPOINTER_TO_INT (right));
  guint start_b = target_start (b, GPOINTER_TO_INT (right));
  const Target *ta = a;
  const Target *tb = b;

  if (start_a != start_b)
    return start_a < start_b ? -1 : 1;
  return ta->index < tb->index ? -1 : ta->index > tb->index;
}

static void
cc_comparison_view_build_targets (CcComparisonView *self)
{
  CcSharedQuotes *shared_quotes;
  CcDiff *diff;

  g_array_set_size (self->changes, 0);
  g_array_set_size (self->quotes[FALSE], 0);
  g_array_set_size (self->quotes[TRUE], 0);
  self->current_change = -1;
  self->current_quote = -1;

  if (self->comparison == NULL)
    return;

  /* A deletion next to a move is one change to the reader: a run of operations between two
   * equal ones is one change. The operations cover both texts in order, so the runs' ranges
   * are contiguous and in order in both texts. */
  if ((diff = cc_comparison_get_diff (self->comparison)))
    {
      const CcDiffOp *ops;
      gboolean in_run = FALSE;
      guint n_ops;

      ops = cc_diff_get_ops (diff, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        {
          if (ops[i].kind == CC_DIFF_EQUAL)
            {
              in_run = FALSE;
              continue;
            }

          if (!in_run)
            {
              Target change = { ops[i].a, ops[i].b, self->changes->len };

              g_array_append_val (self->changes, change);
              in_run = TRUE;
            }
          else
            {
              Target *change = &g_array_index (self->changes, Target, self->changes->len - 1);

              change->a.end = ops[i].a.end;
              change->b.end = ops[i].b.end;
            }
        }
    }

  if ((shared_quotes = cc_comparison_get_shared_quotes (self->comparison)))
    {
      const CcSharedQuote *shared;
      guint n_shared;

      shared = cc_shared_quotes_get (shared_quotes, &n_shared);
      for (guint i = 0; i < n_shared; i++)
        {
          Target quote = { shared[i].a, shared[i].b, i };

          g_array_append_val (self->quotes[FALSE], quote);
          g_array_append_val (self->quotes[TRUE], quote);
        }
      g_array_sort_with_data (self->quotes[FALSE], compare_targets, GINT_TO_POINTER (FALSE));
      g_array_sort_with_data (self->quotes[TRUE], compare_targets, GINT_TO_POINTER (TRUE));
    }
}

static guint
get_cursor (CcComparisonView *self,
            gboolean          right)
{
  GtkTextBuffer *buffer = get_buffer (self, right);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* The position in @targets, ordered by their start in one text, of the next target after the
 * cursor (or the one before it). While the cursor is still where navigation put it, the step
 * goes on from the @current target; otherwise from the cursor, so that a target starting right
 * at it counts as the next. */
static gint
find_target (GArray   *targets,
             gboolean  right,
             guint     cursor,
             gint      current,
             gboolean  forward)
{
  const Target *target = (const Target *)(gpointer)targets->data;
  guint n_targets = targets->len;

  if (current >= 0)
    {
      for (guint i = 0; i < n_targets; i++)
        {
          if ((gint)target[i].index != current || target_start (&target[i], right) != cursor)
            continue;

          if (forward)
            return i + 1 < n_targets ? (gint)i + 1 : -1;
          return (gint)i - 1;
        }
    }

  if (forward)
    {
      for (guint i = 0; i < n_targets; i++)
        {
          if (target_start (&target[i], right) >= cursor)
            return i;
        }
    }
  else
    {
      for (guint i = n_targets; i > 0; i--)
        {
          if (target_start (&target[i - 1], right) < cursor)
            return i - 1;
        }
    }

  return -1;
}

static gboolean
has_target (CcComparisonView *self,
            GArray           *targets,
            gint              current,
            gboolean          forward)
{
  gboolean right = self->active_right;

  return find_target (targets, right, get_cursor (self, right), current, forward) >= 0;
}

static gboolean
range_touches (const CcRange *range,
               guint          start,
               guint          end)
{
  /* A bare cursor touches a range it stands in or at the edge of. */
  if (start == end)
    return range->start <= start && start <= range->end;
  return start < range->end && end > range->start;
}

static GArray *
get_excluded (CcComparisonView *self,
              gboolean          right)
{
  return right ? self->b_excluded : self->a_excluded;
}

static void
get_selection (CcComparisonView *self,
               gboolean          right,
               guint            *start,
               guint            *end)
{
  GtkTextIter start_iter;
  GtkTextIter end_iter;

  gtk_text_buffer_get_selection_bounds (get_buffer (self, right), &start_iter, &end_iter);
  *start = gtk_text_iter_get_offset (&start_iter);
  *end = gtk_text_iter_get_offset (&end_iter);
}

static void
cc_comparison_view_update_pane_actions (CcComparisonView *self,
                                        gboolean          right)
{
  CcSource *source = right ? self->b : self->a;
  GArray *excluded = get_excluded (self, right);
  gboolean touches = FALSE;
  guint start;
  guint end;

  get_selection (self, right, &start, &end);

  for (guint i = 0; i < excluded->len && !touches; i++)
    touches = range_touches (&g_array_index (excluded, CcRange, i), start, end);

  g_simple_action_set_enabled (self->exclude_actions[right], source != NULL && start < end);
  g_simple_action_set_enabled (self->include_actions[right], source != NULL && touches);
}

static void
cc_comparison_view_update_actions (CcComparisonView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean right = self->active_right;

  gtk_widget_action_set_enabled (widget, "comparison.next-change",
                                 has_target (self, self->changes, self->current_change, TRUE));
  gtk_widget_action_set_enabled (widget, "comparison.previous-change",
                                 has_target (self, self->changes, self->current_change, FALSE));
  gtk_widget_action_set_enabled (widget, "comparison.next-quote",
                                 has_target (self, self->quotes[right], self->current_quote,
                                             TRUE));
  gtk_widget_action_set_enabled (widget, "comparison.previous-quote",
                                 has_target (self, self->quotes[right], self->current_quote,
                                             FALSE));
  gtk_widget_action_set_enabled (widget, "comparison.next-match", self->matches->len > 0);
  gtk_widget_action_set_enabled (widget, "comparison.previous-match", self->matches->len > 0);
}

static gboolean
cc_comparison_view_go_to_target (CcComparisonView *self,
                                 GArray           *targets,
                                 gint             *current,
                                 gboolean          forward)
{
  gboolean right = self->active_right;
  const Target *target;
  gint position;

  position = find_target (targets, right, get_cursor (self, right), *current, forward);
  if (position < 0)
    return FALSE;

  target = &g_array_index (targets, Target, position);
  *current = target->index;
  cc_comparison_view_reveal (self, &target->a, &target->b);
  cc_comparison_view_update_actions (self);

  return TRUE;
}

static void
cc_comparison_view_next_change (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CcComparisonView *self = CC_COMPARISON_VIEW (widget);

  cc_comparison_view_go_to_target (self, self->changes, &self->current_change, TRUE);
}

static void
cc_comparison_view_previous_change (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CcComparisonView *self = CC_COMPARISON_VIEW (widget);

  cc_comparison_view_go_to_target (self, self->changes, &self->current_change, FALSE);
}

static void
cc_comparison_view_next_quote (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CcComparisonView *self = CC_COMPARISON_VIEW (widget);

  cc_comparison_view_go_to_target (self, self->quotes[self->active_right], &self->current_quote,
                                   TRUE);
}

static void
cc_comparison_view_previous_quote (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  CcComparisonView *self = CC_COMPARISON_VIEW (widget);

  cc_comparison_view_go_to_target (self, self->quotes[self->active_right], &self->current_quote,
                                   FALSE);
}

static void
on_buffer_mark_set_cb (GtkTextBuffer     *buffer,
                       const GtkTextIter *location,
                       GtkTextMark       *mark,
                       CcComparisonView  *self)
{
  g_assert (CC_IS_COMPARISON_VIEW (self));

  if (mark != gtk_text_buffer_get_insert (buffer) &&
      mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  cc_comparison_view_update_pane_actions (self, buffer == self->right_buffer);
  if ((buffer == self->right_buffer) == self->active_right)
    cc_comparison_view_update_actions (self);
}

static void
on_focus_enter (CcComparisonView *self,
                gboolean          right)
{
  if (self->active_right == right)
    return;

  self->active_right = right;
  cc_comparison_view_update_actions (self);
}

static void
on_left_focus_enter_cb (GtkEventControllerFocus *controller,
                        CcComparisonView        *self)
{
  on_focus_enter (self, FALSE);
}

static void
on_right_focus_enter_cb (GtkEventControllerFocus *controller,
                         CcComparisonView        *self)
{
  on_focus_enter (self, TRUE);
}

/* The panel's rows and the link map's connectors both name a span of each text. */
static void
reveal_spans (CcComparisonView *self,
              guint             a_start,
              guint             a_end,
              guint             b_start,
              guint             b_end)
{
  CcRange a = { a_start, a_end };
  CcRange b = { b_start, b_end };

  g_assert (CC_IS_COMPARISON_VIEW (self));

  cc_comparison_view_reveal (self, &a, &b);
}

static void
on_panel_item_activated_cb (CcComparisonPanel *panel,
                            guint              a_start,
                            guint              a_end,
                            guint              b_start,
                            guint              b_end,
                            CcComparisonView  *self)
{
  reveal_spans (self, a_start, a_end, b_start, b_end);
}

static void
on_link_map_activated_cb (CcLinkMap        *link_map,
                          guint             a_start,
                          guint             a_end,
                          guint             b_start,
                          guint             b_end,
                          CcComparisonView *self)
{
  reveal_spans (self, a_start, a_end, b_start, b_end);
}

/* Exclude and Include */

static void
on_pane_exclude_activate_cb (GSimpleAction    *action,
                             GVariant         *parameter,
                             CcComparisonView *self)
{
  gboolean right = action == self->exclude_actions[TRUE];
  guint start;
  guint end;

  g_assert (CC_IS_COMPARISON_VIEW (self));

  get_selection (self, right, &start, &end);
  if (start < end)
    g_signal_emit (self, signals[EXCLUDE_RANGE], 0, right, start, end);
}

static void
on_pane_include_activate_cb (GSimpleAction    *action,
                             GVariant         *parameter,
                             CcComparisonView *self)
{
  gboolean right = action == self->include_actions[TRUE];
  GArray *excluded = get_excluded (self, right);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (CcRange));
  guint start;
  guint end;

  g_assert (CC_IS_COMPARISON_VIEW (self));

  get_selection (self, right, &start, &end);
  for (guint i = 0; i < excluded->len; i++)
    {
      const CcRange *range = &g_array_index (excluded, CcRange, i);

      if (range_touches (range, start, end))
        g_array_append_val (touched, *range);
    }

  /* From a copy: a handler that compares again replaces the view's ranges. */
  for (guint i = 0; i < touched->len; i++)
    {
      const CcRange *range = &g_array_index (touched, CcRange, i);

      g_signal_emit (self, signals[INCLUDE_RANGE], 0, right, range->start, range->end);
    }
}

/* Tooltips */

static const char *
shared_kind_label (CcSharedQuoteKind kind)
{
  switch (kind)
    {
    case CC_SHARED_EXACT:
      return _("Exact quotation");
    case CC_SHARED_PARTIAL:
      return _("Partial quotation");
    case CC_SHARED_VARIANT:
      return _("Variant quotation");
    case CC_SHARED_UNQUOTED:
      return _("Quoted in one source only");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Whether what is written so far ends where a word may start without a space. */
static gboolean
ends_open (GString *markup)
{
  gunichar last;

  if (markup->len == 0)
    return TRUE;

  last = g_utf8_get_char (g_utf8_find_prev_char (markup->str, markup->str + markup->len));
  return g_unichar_isspace (last) || last == 0x201C;
}

/* Appends characters of @text as markup, inside @element if not %NULL. Marked words stand
 * apart from their neighbours: the spaces around a word the other wording lacks are only in
 * one of the texts. */
static void
append_span (GString    *markup,
             CcText     *text,
             guint       start,
             guint       end,
             const char *element,
             gboolean   *need_space)
{
  g_autofree char *span = NULL;
  g_autofree char *escaped = NULL;
  gunichar first;

  if (end <= start)
    return;

  span = cc_text_dup_span (text, start, end);
  first = g_utf8_get_char (span);
  if (element != NULL ? !ends_open (markup)
                      : *need_space && !g_unichar_isspace (first) && !g_unichar_ispunct (first))
    g_string_append_c (markup, ' ');

  escaped = g_markup_escape_text (span, -1);
  if (element != NULL)
    g_string_append_printf (markup, "<%s>%s</%s>", element, escaped, element);
  else
    g_string_append (markup, escaped);

  *need_space = element != NULL;
}

/* The counterpart's wording of a variant quotation, with the words only the hovered source
 * has struck through where they would stand and the words only the counterpart has
 * underlined. */
static void
append_difference (GString             *markup,
                   CcSharedQuotes      *shared_quotes,
                   guint                index,
                   const CcSharedQuote *shared,
                   gboolean             right,
                   CcText              *here_text,
                   CcText              *there_text)
{
  const CcRange *there = right ? &shared->a : &shared->b;
  gboolean need_space = FALSE;
  guint position = there->start;

  for (guint i = 0; i < shared->difference->len; i++)
    {
      const CcDiffSpan *span = &g_array_index (shared->difference, CcDiffSpan, i);
      CcRange a;
      CcRange b;
      const CcRange *span_here;
      const CcRange *span_there;

      cc_shared_quotes_get_span_ranges (shared_quotes, index, span, &a, &b);
      span_here = right ? &b : &a;
      span_there = right ? &a : &b;

      /* What lies between compared words: spaces, punctuation. */
      if (span_there->start > position)
        {
          append_span (markup, there_text, position, span_there->start, NULL, &need_space);
          position = span_there->start;
        }

      if (span->kind == CC_DIFF_EQUAL)
        append_span (markup, there_text, span_there->start, span_there->end, NULL, &need_space);
      else
        {
          append_span (markup, here_text, span_here->start, span_here->end, "s", &need_space);
          append_span (markup, there_text, span_there->start, span_there->end, "u",
                       &need_space);
        }

      position = MAX (position, span_there->end);
    }

  append_span (markup, there_text, position, there->end, NULL, &need_space);
}

static void
append_text (GString    *markup,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (markup, escaped);
}

static void
append_note (GString    *markup,
             const char *note)
{
  g_string_append (markup, "\n<small>");
  append_text (markup, note);
  g_string_append (markup, "</small>");
}

/**
 * cc_comparison_view_dup_tooltip_markup:
 * @right: %TRUE for the right pane
 * @offset: a character of that pane's text
 *
 * What the pane's tooltip says at @offset: for a shared quotation, its kind and score and the
 * other source's wording, with the words that differ marked.
 *
 * Returns: (transfer full) (nullable): Pango markup, or %NULL where no shared quotation is
 */
char *
cc_comparison_view_dup_tooltip_markup (CcComparisonView *self,
                                       gboolean          right,
                                       guint             offset)
{
  g_autofree char *title = NULL;
  g_autofree char *score = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *kind = NULL;
  CcSharedQuotes *shared_quotes;
  const CcSharedQuote *shared;
  const CcRange *there;
  CcText *here_text;
  CcText *there_text;
  CcSource *there_source;
  GString *markup;
  gint here_quote;
  gint there_quote;
  guint n_shared;
  guint index;

  g_return_val_if_fail (CC_IS_COMPARISON_VIEW (self), NULL);

  if (self->comparison == NULL ||
      !(shared_quotes = cc_comparison_get_shared_quotes (self->comparison)))
    return NULL;

  shared = cc_shared_quotes_get (shared_quotes, &n_shared);
  for (index = 0; index < n_shared; index++)
    {
      const CcRange *here = right ? &shared[index].b : &shared[index].a;

      if (offset >= here->start && offset < here->end)
        break;
    }
  if (index == n_shared)
    return NULL;

  shared = &shared[index];
  there = right ? &shared->a : &shared->b;
  here_text = right ? cc_comparison_get_text_b (self->comparison)
                    : cc_comparison_get_text_a (self->comparison);
  there_text = right ? cc_comparison_get_text_a (self->comparison)
                     : cc_comparison_get_text_b (self->comparison);
  there_source = right ? self->a : self->b;
  here_quote = right ? shared->b_quote : shared->a_quote;
  there_quote = right ? shared->a_quote : shared->b_quote;

  markup = g_string_new (NULL);

  /* Translators: how sure Crosscheck is that two quotations are one, as a percentage; the
   * space before % is a no-break space. */
  score = g_strdup_printf (_("score %.0f %%"), shared->score * 100);
  kind = g_markup_escape_text (shared_kind_label (shared->kind), -1);
  g_string_append_printf (markup, "<b>%s</b> · ", kind);
  append_text (markup, score);
  g_string_append_c (markup, '\n');

  if (there_source != NULL && (title = g_strdup (cc_source_format_title (there_source))))
    /* Translators: introduces the other source's wording of a quotation; %s is its title. */
    heading = g_strdup_printf (_("In “%s”:"), title);
  else
    heading = g_strdup (_("In the other source:"));
  append_text (markup, heading);
  g_string_append (markup, "\n“");

  if (shared->kind == CC_SHARED_VARIANT && shared->difference != NULL &&
      shared->difference->len > 0)
    append_difference (markup, shared_quotes, index, shared, right, here_text, there_text);
  else
    {
      gboolean need_space = FALSE;

      append_span (markup, there_text, there->start, there->end, NULL, &need_space);
    }
  g_string_append (markup, "”");

  if (shared->kind == CC_SHARED_VARIANT && shared->difference != NULL &&
      shared->difference->len > 0)
    append_note (markup, _("Struck through: only in this source. Underlined: only in the "
                           "other."));
  if (there_quote < 0 && here_quote >= 0)
    append_note (markup, _("The other source uses these words without quotation marks."));
  else if (here_quote < 0 && there_quote >= 0)
    append_note (markup, _("The other source quotes these words; this one does not."));

  return g_string_free (markup, FALSE);
}

static gboolean
on_query_tooltip (CcComparisonView *self,
                  gboolean          right,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip)
{
  g_autofree char *markup = NULL;
  GtkTextView *view = get_text_view (self, right);
  GtkWidget *label;
  GtkTextIter iter;
  guint offset;

  if (keyboard_mode)
    offset = get_cursor (self, right);
  else
    {
      int buffer_x;
      int buffer_y;

      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y,
                                             &buffer_x, &buffer_y);
      if (!gtk_text_view_get_iter_at_location (view, &iter, buffer_x, buffer_y))
        return FALSE;
      offset = gtk_text_iter_get_offset (&iter);
    }

  if (!(markup = cc_comparison_view_dup_tooltip_markup (self, right, offset)))
    return FALSE;

  /* A label of our own: a long quotation wraps instead of running off the screen. */
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

static gboolean
on_left_text_view_query_tooltip_cb (GtkWidget        *widget,
                                    int               x,
                                    int               y,
                                    gboolean          keyboard_mode,
                                    GtkTooltip       *tooltip,
                                    CcComparisonView *self)
{
  return on_query_tooltip (self, FALSE, x, y, keyboard_mode, tooltip);
}

static gboolean
on_right_text_view_query_tooltip_cb (GtkWidget        *widget,
                                     int               x,
                                     int               y,
                                     gboolean          keyboard_mode,
                                     GtkTooltip       *tooltip,
                                     CcComparisonView *self)
{
  return on_query_tooltip (self, TRUE, x, y, keyboard_mode, tooltip);
}

/* Find */

static void
cc_comparison_view_update_search_label (CcComparisonView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *label = NULL;

  if (text[0] == '\0')
    label = g_strdup ("");
  else if (self->matches->len == 0)
    label = g_strdup (_("No matches"));
  else if (self->current_match < 0)
    /* Translators: how many times the text looked for occurs in both sources. */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                          self->matches->len),
                             self->matches->len);
  else
    /* Translators: the match shown and how many there are, as in “3 of 12”. */
    label = g_strdup_printf (_("%u of %u"), self->current_match + 1, self->matches->len);

  gtk_label_set_label (self->search_count_label, label);
}

static void
remove_tag_everywhere (GtkTextBuffer *buffer,
                       const char    *name)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, name, &start, &end);
}

/* Makes match @index the current one; with @move, selects it and brings it into view. */
static void
cc_comparison_view_set_current_match (CcComparisonView *self,
                                      gint              index,
                                      gboolean          move)
{
  GtkTextBuffer *buffer;
  const Match *match;
  GtkTextIter start;
  GtkTextIter end;

  remove_tag_everywhere (self->left_buffer, "search-current");
  remove_tag_everywhere (self->right_buffer, "search-current");
  self->current_match = index;

  if (index >= 0)
    {
      match = &g_array_index (self->matches, Match, index);
      buffer = get_buffer (self, match->right);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
      gtk_text_buffer_apply_tag_by_name (buffer, "search-current", &start, &end);

      if (move)
        {
          GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "search");

          /* The pane with the match leads, and the other follows if the panes are locked. */
          self->active_right = match->right;
          gtk_text_buffer_select_range (buffer, &start, &end);
          gtk_text_buffer_move_mark (buffer, mark, &start);
          gtk_text_view_scroll_to_mark (get_text_view (self, match->right), mark,
                                        0.1, FALSE, 0.0, 0.0);
        }
    }

  cc_comparison_view_update_search_label (self);
}

/* The first match at or after the cursor of the pane that had the focus last, going on into
 * the right text after the left one and round to the start. */
static gint
find_match_at_cursor (CcComparisonView *self)
{
  gboolean right = self->active_right;
  guint cursor = get_cursor (self, right);

  for (guint i = 0; i < self->matches->len; i++)
    {
      const Match *match = &g_array_index (self->matches, Match, i);

      if (match->right > right || (match->right == right && match->start >= cursor))
        return i;
    }

  return self->matches->len > 0 ? 0 : -1;
}

/* Finds the search text in both texts again. With @move the first match from the cursor
 * becomes the current one and is shown; otherwise the current match stays if it is still
 * there. */
static void
cc_comparison_view_update_search (CcComparisonView *self,
                                  gboolean          move)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  Match previous = { FALSE, 0, 0 };
  gboolean had_current = self->current_match >= 0;
  gint current = -1;

  if (had_current)
    previous = g_array_index (self->matches, Match, self->current_match);

  for (guint right = 0; right < 2; right++)
    {
      remove_tag_everywhere (get_buffer (self, right), "search-match");
      remove_tag_everywhere (get_buffer (self, right), "search-current");
    }
  g_array_set_size (self->matches, 0);
  self->current_match = -1;

  if (gtk_search_bar_get_search_mode (self->search_bar) && text[0] != '\0')
    {
      for (guint right = 0; right < 2; right++)
        {
          GtkTextBuffer *buffer = get_buffer (self, right);
          GtkTextIter iter;
          GtkTextIter match_start;
          GtkTextIter match_end;

          gtk_text_buffer_get_start_iter (buffer, &iter);
          while (gtk_text_iter_forward_search (&iter, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                               &match_start, &match_end, NULL))
            {
              Match match = {
                right,
                gtk_text_iter_get_offset (&match_start),
                gtk_text_iter_get_offset (&match_end),
              };

              gtk_text_buffer_apply_tag_by_name (buffer, "search-match", &match_start,
                                                 &match_end);
              g_array_append_val (self->matches, match);
              iter = match_end;
            }
        }
    }

  if (move)
    current = find_match_at_cursor (self);
  else if (had_current)
    {
      for (guint i = 0; i < self->matches->len; i++)
        {
          const Match *match = &g_array_index (self->matches, Match, i);

          if (match->right == previous.right && match->start == previous.start &&
              match->end == previous.end)
            current = i;
        }
    }

  cc_comparison_view_set_current_match (self, current, move);
  cc_comparison_view_update_actions (self);
}

static void
cc_comparison_view_step_match (CcComparisonView *self,
                               gboolean          forward)
{
  guint n_matches = self->matches->len;
  gint index;

  if (n_matches == 0)
    return;

  if (self->current_match < 0)
    index = find_match_at_cursor (self);
  else if (forward)
    index = (self->current_match + 1) % n_matches;
  else
    index = (self->current_match + n_matches - 1) % n_matches;

  cc_comparison_view_set_current_match (self, index, TRUE);
}

static void
cc_comparison_view_next_match (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  cc_comparison_view_step_match (CC_COMPARISON_VIEW (widget), TRUE);
}

static void
cc_comparison_view_previous_match (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  cc_comparison_view_step_match (CC_COMPARISON_VIEW (widget), FALSE);
}

static void
cc_comparison_view_find (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CcComparisonView *self = CC_COMPARISON_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry   *entry,
                                   CcComparisonView *self)
{
  g_assert (CC_IS_COMPARISON_VIEW (self));

  cc_comparison_view_update_search (self, TRUE);
}

static void
on_search_entry_activate_cb (GtkSearchEntry   *entry,
                             CcComparisonView *self)
{
  g_assert (CC_IS_COMPARISON_VIEW (self));

  cc_comparison_view_step_match (self, TRUE);
}

static void
on_search_entry_next_match_cb (GtkSearchEntry   *entry,
                               CcComparisonView *self)
{
  g_assert (CC_IS_COMPARISON_VIEW (self));

  cc_comparison_view_step_match (self, TRUE);
}

static void
on_search_entry_previous_match_cb (GtkSearchEntry   *entry,
                                   CcComparisonView *self)
{
  g_assert (CC_IS_COMPARISON_VIEW (self));

  cc_comparison_view_step_match (self, FALSE);
}

static void
on_search_bar_notify_search_mode_enabled_cb (GtkSearchBar     *search_bar,
                                             GParamSpec       *pspec,
                                             CcComparisonView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_assert (CC_IS_COMPARISON_VIEW (self));

  if (gtk_search_bar_get_search_mode (search_bar))
    return;

  /* Closing forgets the search, and the reader goes on reading where the last match was. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  cc_comparison_view_update_search (self, FALSE);
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (search_bar)))
    gtk_widget_grab_focus (GTK_WIDGET (get_text_view (self, self->active_right)));
}

static void
cc_comparison_view_dispose (GObject *object)
{
  CcComparisonView *self = (CcComparisonView *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->flash_source_id, g_source_remove);
  g_clear_handle_id (&self->relayout_source_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_COMPARISON_VIEW);

  /* Children without an id are not the template's to clear. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_pointer (&self->comparison, cc_comparison_unref);
  g_clear_pointer (&self->a_excluded, g_array_unref);
  g_clear_pointer (&self->b_excluded, g_array_unref);
  g_clear_object (&self->a);
  g_clear_object (&self->b);
  for (guint right = 0; right < 2; right++)
    {
      g_clear_object (&self->exclude_actions[right]);
      g_clear_object (&self->include_actions[right]);
    }

  G_OBJECT_CLASS (cc_comparison_view_parent_class)->dispose (object);
}

static void
cc_comparison_view_finalize (GObject *object)
{
  CcComparisonView *self = (CcComparisonView *)object;

  /* Here, not in dispose: the buffers' signals may still come while the template goes. */
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->quotes[FALSE], g_array_unref);
  g_clear_pointer (&self->quotes[TRUE], g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (cc_comparison_view_parent_class)->finalize (object);
}

static void
cc_comparison_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CcComparisonView *self = CC_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_pointer (value, self->comparison);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, cc_comparison_view_get_busy (self));
      break;
    case PROP_LOCK_SCROLLING:
      g_value_set_boolean (value, cc_comparison_view_get_lock_scrolling (self));
      break;
    case PROP_SHOW_PANEL:
      g_value_set_boolean (value, cc_comparison_view_get_show_panel (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_comparison_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CcComparisonView *self = CC_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOCK_SCROLLING:
      cc_comparison_view_set_lock_scrolling (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_PANEL:
      cc_comparison_view_set_show_panel (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_comparison_view_class_init (CcComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_comparison_view_dispose;
  object_class->finalize = cc_comparison_view_finalize;
  object_class->get_property = cc_comparison_view_get_property;
  object_class->set_property = cc_comparison_view_set_property;

  /* CcComparison is a plain reference-counted struct without a boxed type: a pointer. */
  properties[PROP_COMPARISON] =
    g_param_spec_pointer ("comparison", "Comparison", "The comparison shown, or NULL while working",
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", "Busy", "Whether a comparison is being worked out",
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOCK_SCROLLING] =
    g_param_spec_boolean ("lock-scrolling", "Lock Scrolling", "Whether the panes scroll together",
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_PANEL] =
    g_param_spec_boolean ("show-panel", "Show Panel",
                          "Whether the shared quotations and passages are listed below the texts",
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcComparisonView::exclude-range:
   * @right: %TRUE if the range is in the right source, %FALSE for the left
   * @start: the range's first character
   * @end: one past its last character
   *
   * The reader asked to leave a range of one source out of the comparison, as boilerplate.
   * The offsets count characters of that source's text as the view shows it. The view does
   * not change the source: a handler adds the range to the source's excluded ranges (see
   * cc_source_add_excluded()) and compares again.
   */
  signals[EXCLUDE_RANGE] =
    g_signal_new ("exclude-range",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_BOOLEAN, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * CcComparisonView::include-range:
   * @right: %TRUE if the range is in the right source, %FALSE for the left
   * @start: the excluded range's first character
   * @end: one past its last character
   *
   * The reader asked to compare an excluded range again. @start and @end are exactly those of
   * one of the source's excluded ranges as they were when the comparison started; where the
   * selection touches several, the signal comes once for each. A handler removes the range
   * from the source (see cc_source_remove_excluded()) and compares again.
   */
  signals[INCLUDE_RANGE] =
    g_signal_new ("include-range",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_BOOLEAN, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "comparison.next-change", NULL,
                                   cc_comparison_view_next_change);
  gtk_widget_class_install_action (widget_class, "comparison.previous-change", NULL,
                                   cc_comparison_view_previous_change);
  gtk_widget_class_install_action (widget_class, "comparison.next-quote", NULL,
                                   cc_comparison_view_next_quote);
  gtk_widget_class_install_action (widget_class, "comparison.previous-quote", NULL,
                                   cc_comparison_view_previous_quote);
  gtk_widget_class_install_action (widget_class, "comparison.find", NULL,
                                   cc_comparison_view_find);
  gtk_widget_class_install_action (widget_class, "comparison.next-match", NULL,
                                   cc_comparison_view_next_match);
  gtk_widget_class_install_action (widget_class, "comparison.previous-match", NULL,
                                   cc_comparison_view_previous_match);

  g_type_ensure (CC_TYPE_COMPARISON_PANEL);
  g_type_ensure (CC_TYPE_LINK_MAP);
  g_type_ensure (CC_TYPE_OVERVIEW_STRIP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, search_count_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, status_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, previous_change_button);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, next_change_button);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, search_button);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, panel_button);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, lock_button);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, paned);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, left_pane);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, left_header);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, left_title_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, left_byline_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, left_scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, left_text_view);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, left_buffer);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, right_pane);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, right_header);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, right_title_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, right_byline_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, right_scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, right_text_view);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, right_buffer);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, panel);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, link_map);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, left_overview_strip);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, right_overview_strip);
  gtk_widget_class_bind_template_callback (widget_class, on_lock_button_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_button_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_left_click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_right_click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_left_focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_right_focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_left_text_view_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_right_text_view_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_search_bar_notify_search_mode_enabled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_link_map_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparisonview");
}

static void
cc_comparison_view_init (CcComparisonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The entry is not the bar's direct child, so the bar does not find it by itself; this
   * lets Escape in the entry close the bar. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->a_excluded = g_array_new (FALSE, FALSE, sizeof (CcRange));
  self->b_excluded = g_array_new (FALSE, FALSE, sizeof (CcRange));
  self->changes = g_array_new (FALSE, FALSE, sizeof (Target));
  self->quotes[FALSE] = g_array_new (FALSE, FALSE, sizeof (Target));
  self->quotes[TRUE] = g_array_new (FALSE, FALSE, sizeof (Target));
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  self->current_change = -1;
  self->current_quote = -1;
  self->current_match = -1;

  create_tags (self->left_buffer);
  create_tags (self->right_buffer);
  for (guint right = 0; right < 2; right++)
    {
      GtkTextBuffer *buffer = get_buffer (self, right);
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
      GtkAdjustment *adjustment;
      GtkTextIter start;

      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_create_mark (buffer, "counterpart", &start, TRUE);
      gtk_text_buffer_create_mark (buffer, "search", &start, TRUE);
      g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_buffer_mark_set_cb), self, 0);

      /* Each pane's context menu acts on its own source. */
      self->exclude_actions[right] = g_simple_action_new ("exclude", NULL);
      g_signal_connect_object (self->exclude_actions[right], "activate",
                               G_CALLBACK (on_pane_exclude_activate_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->exclude_actions[right]));
      self->include_actions[right] = g_simple_action_new ("include", NULL);
      g_signal_connect_object (self->include_actions[right], "activate",
                               G_CALLBACK (on_pane_include_activate_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->include_actions[right]));
      gtk_widget_insert_action_group (GTK_WIDGET (get_text_view (self, right)), "pane",
                                      G_ACTION_GROUP (group));
      cc_comparison_view_update_pane_actions (self, right);

      self->gutters[right] = g_object_new (GTK_TYPE_DRAWING_AREA,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           "content-width", 12,
                                           NULL);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->gutters[right]), draw_gutter, self,
                                      NULL);
      gtk_text_view_set_gutter (get_text_view (self, right), GTK_TEXT_WINDOW_LEFT,
                                self->gutters[right]);
      /* The bar moves with the text as the pane scrolls and as its lines are measured. */
      adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (get_text_view (self, right)));
      g_signal_connect_object (adjustment, "value-changed",
                               G_CALLBACK (gtk_widget_queue_draw), self->gutters[right],
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed",
                               G_CALLBACK (gtk_widget_queue_draw), self->gutters[right],
                               G_CONNECT_SWAPPED);
    }
  cc_comparison_view_update_actions (self);
  cc_comparison_view_update_style (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_notify_dark_cb), self, 0);

  for (guint right = 0; right < 2; right++)
    {
      GtkAdjustment *adjustment;

      adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (get_text_view (self, right)));
      g_signal_connect_object (adjustment, "value-changed",
                               G_CALLBACK (on_adjustment_value_changed_cb), self, 0);
      g_signal_connect_object (adjustment, "changed",
                               G_CALLBACK (on_adjustment_changed_cb), self, 0);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->left_text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Left source"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->right_text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Right source"),
                                  -1);

  set_header (self->left_title_label, self->left_byline_label, NULL);
  set_header (self->right_title_label, self->right_byline_label, NULL);
}

CcComparisonView *
cc_comparison_view_new (void)
{
  return g_object_new (CC_TYPE_COMPARISON_VIEW, NULL);
}

/**
 * cc_comparison_view_set_sources:
 * @a: (nullable): the source shown on the left
 * @b: (nullable): the source shown on the right
 * @options: (nullable): how to compare them; %NULL for the defaults
 *
 * Shows two sources side by side and starts comparing them; the highlights appear when the
 * comparison is done. A comparison still running for earlier sources is cancelled.
 */
void
cc_comparison_view_set_sources (CcComparisonView       *self,
                                CcSource               *a,
                                CcSource               *b,
                                const CcCompareOptions *options)
{
  CcCompareOptions defaults;
  CompareRequest *request;
  gboolean had_comparison;

  g_return_if_fail (CC_IS_COMPARISON_VIEW (self));
  g_return_if_fail (a == NULL || CC_IS_SOURCE (a));
  g_return_if_fail (b == NULL || CC_IS_SOURCE (b));

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  cc_comparison_view_clear_flash (self);

  had_comparison = self->comparison != NULL;
  g_clear_pointer (&self->comparison, cc_comparison_unref);

  g_set_object (&self->a, a);
  g_set_object (&self->b, b);
  g_clear_pointer (&self->a_excluded, g_array_unref);
  g_clear_pointer (&self->b_excluded, g_array_unref);
  self->a_excluded = copy_excluded (a);
  self->b_excluded = copy_excluded (b);

  set_header (self->left_title_label, self->left_byline_label, a);
  set_header (self->right_title_label, self->right_byline_label, b);

  /* The texts can be read while the comparison runs; the highlights follow. */
  clear_highlights (self->left_buffer);
  clear_highlights (self->right_buffer);
  set_buffer_text (self->left_buffer, a != NULL ? cc_source_get_text (a) : "");
  set_buffer_text (self->right_buffer, b != NULL ? cc_source_get_text (b) : "");
  cc_comparison_view_update_search (self, FALSE);

  cc_comparison_panel_set_comparison (self->panel, NULL);
  cc_link_map_set_comparison (self->link_map, NULL);
  cc_overview_strip_set_comparison (self->left_overview_strip, NULL, FALSE);
  cc_overview_strip_set_comparison (self->right_overview_strip, NULL, TRUE);
  cc_comparison_view_build_targets (self);
  for (guint right = 0; right < 2; right++)
    {
      self->marked[right] = FALSE;
      gtk_widget_queue_draw (self->gutters[right]);
    }
  cc_comparison_view_update_actions (self);
  cc_comparison_view_update_pane_actions (self, FALSE);
  cc_comparison_view_update_pane_actions (self, TRUE);

  if (a != NULL && b != NULL)
    {
      if (options == NULL)
        {
          cc_compare_options_init_default (&defaults);
          options = &defaults;
        }

      self->cancellable = g_cancellable_new ();
      request = g_new0 (CompareRequest, 1);
      g_weak_ref_init (&request->self, self);
      request->generation = self->generation;
      cc_comparison_new_async (a, b, options, self->cancellable, compare_cb, request);
    }

  cc_comparison_view_set_busy (self, a != NULL && b != NULL);
  cc_comparison_view_update_status (self);

  if (had_comparison)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/**
 * cc_comparison_view_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison shown, or %NULL while it is worked out
 */
CcComparison *
cc_comparison_view_get_comparison (CcComparisonView *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_VIEW (self), NULL);
  return self->comparison;
}

gboolean
cc_comparison_view_get_busy (CcComparisonView *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_VIEW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->spinner));
}

gboolean
cc_comparison_view_get_lock_scrolling (CcComparisonView *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_VIEW (self), FALSE);
  return gtk_toggle_button_get_active (self->lock_button);
}

void
cc_comparison_view_set_lock_scrolling (CcComparisonView *self,
                                       gboolean          lock_scrolling)
{
  g_return_if_fail (CC_IS_COMPARISON_VIEW (self));

  /* The button notifies the property. */
  gtk_toggle_button_set_active (self->lock_button, !!lock_scrolling);
}

/**
 * cc_comparison_view_get_text_view:
 * @right: %TRUE for the right pane, %FALSE for the left
 *
 * Returns: (transfer none): the text view of one pane
 */
GtkTextView *
cc_comparison_view_get_text_view (CcComparisonView *self,
                                  gboolean          right)
{
  g_return_val_if_fail (CC_IS_COMPARISON_VIEW (self), NULL);
  return get_text_view (self, right);
}

/**
 * cc_comparison_view_get_show_panel:
 *
 * Returns: whether the panel with the statistics and the shared quotations and passages is
 *   shown below the texts
 */
gboolean
cc_comparison_view_get_show_panel (CcComparisonView *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_VIEW (self), FALSE);
  return gtk_toggle_button_get_active (self->panel_button);
}

void
cc_comparison_view_set_show_panel (CcComparisonView *self,
                                   gboolean          show_panel)
{
  g_return_if_fail (CC_IS_COMPARISON_VIEW (self));

  /* The button notifies the property. */
  gtk_toggle_button_set_active (self->panel_button, !!show_panel);
}

CcComparisonPanel *
cc_comparison_view_get_panel (CcComparisonView *self)
{
  g_return_val_if_fail (CC_IS_COMPARISON_VIEW (self), NULL);
  return self->panel;
}
