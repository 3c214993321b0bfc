/* cc-comparison-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-comparison-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-source-format.h"
#include "cc-comparison-view-private.h"

/* How long a counterpart stays flashed after a click on a shared quotation. */
#define FLASH_MILLISECONDS 800

struct _CcComparisonView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkSpinner        *spinner;
  GtkLabel          *status_label;
  GtkToggleButton   *lock_button;
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
  /* While a click's counterpart is brought into view, the clicked pane does not follow. */
  gboolean           holding;
  gboolean           hold_right;

  guint              flash_source_id;
  GtkTextBuffer     *flash_buffer;
};

G_DEFINE_FINAL_TYPE (CcComparisonView, cc_comparison_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_BUSY,
  PROP_LOCK_SCROLLING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
    gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
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

  cc_comparison_view_set_busy (self, FALSE);
  cc_comparison_view_update_status (self);

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

  if (self->holding && self->hold_right != from_right)
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
static void
on_adjustment_changed_cb (GtkAdjustment    *adjustment,
                          CcComparisonView *self)
{
  GtkTextView *target_view;

  g_assert (CC_IS_COMPARISON_VIEW (self));

  /* The lines above a clicked counterpart may have been measured since it was scrolled to. */
  target_view = get_text_view (self, !self->hold_right);
  if (self->holding && adjustment == gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (target_view)))
    {
      GtkTextBuffer *buffer = get_buffer (self, !self->hold_right);

      gtk_text_view_scroll_to_mark (target_view, gtk_text_buffer_get_mark (buffer, "counterpart"),
                                    0.0, TRUE, 0.0, 0.3);
      return;
    }

  if (self->syncing || !gtk_toggle_button_get_active (self->lock_button))
    return;

  cc_comparison_view_sync_scroll (self, self->right_leads);
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

static gboolean
on_flash_timeout_cb (gpointer user_data)
{
  CcComparisonView *self = user_data;

  g_assert (CC_IS_COMPARISON_VIEW (self));

  if (self->flash_buffer != NULL)
    {
      GtkTextIter start;
      GtkTextIter end;

      gtk_text_buffer_get_bounds (self->flash_buffer, &start, &end);
      gtk_text_buffer_remove_tag_by_name (self->flash_buffer, "flash", &start, &end);
    }

  self->flash_buffer = NULL;
  self->flash_source_id = 0;
  self->holding = FALSE;
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

gboolean
cc_comparison_view_activate_offset (CcComparisonView *self,
                                    gboolean          right,
                                    guint             offset)
{
  CcSharedQuotes *shared_quotes;
  const CcSharedQuote *shared;
  GtkTextBuffer *to_buffer;
  GtkTextView *to_view;
  GtkTextIter start;
  GtkTextIter end;
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

      to_view = get_text_view (self, !right);
      to_buffer = get_buffer (self, !right);

      cc_comparison_view_clear_flash (self);
      gtk_text_buffer_get_iter_at_offset (to_buffer, &start, there->start);
      gtk_text_buffer_get_iter_at_offset (to_buffer, &end, there->end);
      gtk_text_buffer_apply_tag_by_name (to_buffer, "flash", &start, &end);
      gtk_text_buffer_select_range (to_buffer, &start, &end);
      self->flash_buffer = to_buffer;
      self->flash_source_id = g_timeout_add (FLASH_MILLISECONDS, on_flash_timeout_cb, self);

      /* A mark, not an iter: the view scrolls again once it has measured the lines above.
       * Meanwhile the clicked pane stays where the reader is looking. */
      self->holding = TRUE;
      self->hold_right = right;
      self->right_leads = !right;
      gtk_text_buffer_move_mark (to_buffer, gtk_text_buffer_get_mark (to_buffer, "counterpart"),
                                 &start);
      gtk_text_view_scroll_to_mark (to_view, gtk_text_buffer_get_mark (to_buffer, "counterpart"),
                                    0.0, TRUE, 0.0, 0.3);

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

static void
cc_comparison_view_dispose (GObject *object)
{
  CcComparisonView *self = (CcComparisonView *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->flash_source_id, g_source_remove);
  self->flash_buffer = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_COMPARISON_VIEW);

  /* Children without an id are not the template's to clear. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_pointer (&self->comparison, cc_comparison_unref);
  g_clear_pointer (&self->a_excluded, g_array_unref);
  g_clear_pointer (&self->b_excluded, g_array_unref);
  g_clear_object (&self->a);
  g_clear_object (&self->b);

  G_OBJECT_CLASS (cc_comparison_view_parent_class)->dispose (object);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, status_label);
  gtk_widget_class_bind_template_child (widget_class, CcComparisonView, lock_button);
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
  gtk_widget_class_bind_template_callback (widget_class, on_lock_button_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_left_click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_right_click_released_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparisonview");
}

static void
cc_comparison_view_init (CcComparisonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->a_excluded = g_array_new (FALSE, FALSE, sizeof (CcRange));
  self->b_excluded = g_array_new (FALSE, FALSE, sizeof (CcRange));

  create_tags (self->left_buffer);
  create_tags (self->right_buffer);
  for (guint right = 0; right < 2; right++)
    {
      GtkTextBuffer *buffer = get_buffer (self, right);
      GtkTextIter start;

      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_create_mark (buffer, "counterpart", &start, TRUE);
    }
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
