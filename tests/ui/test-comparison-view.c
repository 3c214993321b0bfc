/* test-comparison-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-comparison-view"

#include <adwaita.h>

#include "cc-comparison-view-private.h"
#include "cc-project-io.h"
#include "ui-test-util.h"

static CcProject *project;

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @milliseconds, so whatever would happen has its chance. */
static void
run_for (guint milliseconds)
{
  gboolean timed_out = FALSE;

  g_timeout_add (milliseconds, on_timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
has_comparison (gpointer data)
{
  return cc_comparison_view_get_comparison (data) != NULL;
}

static CcSource *
find_source (const char *id)
{
  CcSource *source = cc_project_find_source (project, id);

  g_assert_nonnull (source);
  return source;
}

static void
get_options (CcCompareOptions *options)
{
  cc_compare_options_from_settings (options, cc_project_get_settings (project));
}

typedef struct
{
  GtkWindow        *window;
  CcComparisonView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 600);
  fixture->view = cc_comparison_view_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GtkWidget) view = GTK_WIDGET (g_object_ref (fixture->view));

  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* The window let go of the view: nothing else may hold it, a running comparison included. */
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *)&fixture->view);
  g_clear_object (&view);
  g_assert_null (fixture->view);
}

static void
compare (Fixture    *fixture,
         const char *a,
         const char *b)
{
  CcCompareOptions options;

  get_options (&options);
  cc_comparison_view_set_sources (fixture->view, find_source (a), find_source (b), &options);
  g_assert_null (cc_comparison_view_get_comparison (fixture->view));
  g_assert_true (cc_comparison_view_get_busy (fixture->view));

  wait_for (has_comparison, fixture->view, "the comparison");
  g_assert_false (cc_comparison_view_get_busy (fixture->view));
}

static GtkTextBuffer *
get_buffer (Fixture  *fixture,
            gboolean  right)
{
  return gtk_text_view_get_buffer (cc_comparison_view_get_text_view (fixture->view, right));
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static gboolean
offset_has_tag (GtkTextBuffer *buffer,
                guint          offset,
                const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* Whether another shared quotation of the same kind covers @offset of one side, so the tag
 * may rightly run on past a quotation's edge. */
static gboolean
other_span_covers (const CcSharedQuote *shared,
                   guint                n_shared,
                   guint                self_index,
                   gboolean             right,
                   guint                offset)
{
  for (guint i = 0; i < n_shared; i++)
    {
      const CcRange *range = right ? &shared[i].b : &shared[i].a;

      if (i != self_index && shared[i].kind == shared[self_index].kind &&
          offset >= range->start && offset < range->end)
        return TRUE;
    }

  return FALSE;
}

static void
assert_tag_covers_exactly (GtkTextBuffer       *buffer,
                           const char          *name,
                           const CcSharedQuote *shared,
                           guint                n_shared,
                           guint                index,
                           gboolean             right)
{
  const CcRange *range = right ? &shared[index].b : &shared[index].a;

  g_assert_cmpuint (range->start, <, range->end);

  for (guint offset = range->start; offset < range->end; offset++)
    g_assert_true (offset_has_tag (buffer, offset, name));

  if (range->start > 0 && !other_span_covers (shared, n_shared, index, right, range->start - 1))
    g_assert_false (offset_has_tag (buffer, range->start - 1, name));
  if (range->end < (guint)gtk_text_buffer_get_char_count (buffer) &&
      !other_span_covers (shared, n_shared, index, right, range->end))
    g_assert_false (offset_has_tag (buffer, range->end, name));
}

static void
test_comparison_view_texts_and_highlights (Fixture       *fixture,
                                           gconstpointer  data)
{
  static const char * const kind_tags[] = {
    "quote-exact", "quote-partial", "quote-variant", "quote-unquoted",
  };
  CcSource *a = find_source ("wire-digest");
  CcSource *b = find_source ("harbour-gazette");
  g_autofree char *left_text = NULL;
  g_autofree char *right_text = NULL;
  const CcSharedQuote *shared;
  const CcDiffOp *ops;
  CcComparison *comparison;
  guint n_checked = 0;
  guint n_shared;
  guint n_ops;

  compare (fixture, "wire-digest", "harbour-gazette");
  comparison = cc_comparison_view_get_comparison (fixture->view);

  left_text = dup_buffer_text (get_buffer (fixture, FALSE));
  right_text = dup_buffer_text (get_buffer (fixture, TRUE));
  g_assert_cmpstr (left_text, ==, cc_source_get_text (a));
  g_assert_cmpstr (right_text, ==, cc_source_get_text (b));
  g_assert_cmpstr (left_text, ==,
                   cc_text_get_string (cc_comparison_get_text_a (comparison), NULL));
  g_assert_cmpstr (right_text, ==,
                   cc_text_get_string (cc_comparison_get_text_b (comparison), NULL));

  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  g_assert_cmpuint (n_shared, >, 0);
  for (guint i = 0; i < n_shared; i++)
    {
      const char *name = kind_tags[shared[i].kind];

      assert_tag_covers_exactly (get_buffer (fixture, FALSE), name, shared, n_shared, i, FALSE);
      assert_tag_covers_exactly (get_buffer (fixture, TRUE), name, shared, n_shared, i, TRUE);
    }

  ops = cc_diff_get_ops (cc_comparison_get_diff (comparison), &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      const char *left_tag = NULL;
      const char *right_tag = NULL;

      switch (ops[i].kind)
        {
        case CC_DIFF_DELETE:
          left_tag = "deleted";
          break;
        case CC_DIFF_INSERT:
          right_tag = "inserted";
          break;
        case CC_DIFF_CHANGE:
          left_tag = right_tag = "changed";
          break;
        case CC_DIFF_MOVE_FROM:
          left_tag = "moved";
          break;
        case CC_DIFF_MOVE_TO:
          right_tag = "moved";
          break;
        case CC_DIFF_EQUAL:
        default:
          g_assert_cmpuint (ops[i].a.end - ops[i].a.start, >, 0);
          g_assert_false (offset_has_tag (get_buffer (fixture, FALSE), ops[i].a.start, "deleted"));
          g_assert_false (offset_has_tag (get_buffer (fixture, FALSE), ops[i].a.start, "changed"));
          break;
        }

      for (guint offset = ops[i].a.start; left_tag != NULL && offset < ops[i].a.end; offset++)
        g_assert_true (offset_has_tag (get_buffer (fixture, FALSE), offset, left_tag));
      for (guint offset = ops[i].b.start; right_tag != NULL && offset < ops[i].b.end; offset++)
        g_assert_true (offset_has_tag (get_buffer (fixture, TRUE), offset, right_tag));

      if (ops[i].kind == CC_DIFF_DELETE || ops[i].kind == CC_DIFF_CHANGE)
        n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);
}

static void
on_comparison_notify_cb (CcComparisonView *view,
                         GParamSpec       *pspec,
                         guint            *n_shown)
{
  if (cc_comparison_view_get_comparison (view) != NULL)
    (*n_shown)++;
}

static void
test_comparison_view_stale_results_dropped (Fixture       *fixture,
                                            gconstpointer  data)
{
  CcSource *c = find_source ("northern-ledger");
  CcSource *d = find_source ("daily-signal");
  g_autofree char *left_text = NULL;
  CcCompareOptions options;
  CcComparison *comparison;
  guint n_shown = 0;

  get_options (&options);
  g_signal_connect (fixture->view, "notify::comparison",
                    G_CALLBACK (on_comparison_notify_cb), &n_shown);

  cc_comparison_view_set_sources (fixture->view, find_source ("wire-digest"),
                                  find_source ("harbour-gazette"), &options);
  cc_comparison_view_set_sources (fixture->view, c, d, &options);

  wait_for (has_comparison, fixture->view, "the second comparison");
  comparison = cc_comparison_view_get_comparison (fixture->view);
  g_assert_cmpstr (cc_text_get_string (cc_comparison_get_text_a (comparison), NULL), ==,
                   cc_source_get_text (c));
  g_assert_cmpstr (cc_text_get_string (cc_comparison_get_text_b (comparison), NULL), ==,
                   cc_source_get_text (d));

  /* Give the first comparison every chance to come back late. */
  run_for (500);
  g_assert_true (cc_comparison_view_get_comparison (fixture->view) == comparison);
  g_assert_cmpuint (n_shown, ==, 1);

  left_text = dup_buffer_text (get_buffer (fixture, FALSE));
  g_assert_cmpstr (left_text, ==, cc_source_get_text (c));

  g_signal_handlers_disconnect_by_data (fixture->view, &n_shown);
}

static GtkAdjustment *
get_vadjustment (Fixture  *fixture,
                 gboolean  right)
{
  GtkTextView *view = cc_comparison_view_get_text_view (fixture->view, right);

  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
}

static gboolean
both_scrollable (gpointer data)
{
  Fixture *fixture = data;

  for (guint right = 0; right < 2; right++)
    {
      GtkAdjustment *adjustment = get_vadjustment (fixture, right);

      if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 100)
        return FALSE;
    }

  return TRUE;
}

static gboolean
right_at_end (gpointer data)
{
  Fixture *fixture = data;
  GtkAdjustment *adjustment = get_vadjustment (fixture, TRUE);
  return gtk_adjustment_get_value (adjustment) >=
         gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 2;
}

static void
scroll_to_end (GtkAdjustment *adjustment)
{
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) -
                            gtk_adjustment_get_page_size (adjustment));
}

/* The text views measure their text a bit at a time, so the end moves on for a while after
 * they are shown: the reader keeps the left pane at its end, as with a finger on the key. */
static gboolean
left_held_at_end_right_at_end (gpointer data)
{
  Fixture *fixture = data;

  scroll_to_end (get_vadjustment (fixture, FALSE));
  return right_at_end (data);
}

static void
test_comparison_view_sync_scroll (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkAdjustment *left;
  GtkAdjustment *right;

  /* A short window, so both articles scroll. */
  gtk_window_set_default_size (fixture->window, 900, 300);
  compare (fixture, "wire-digest", "harbour-gazette");
  wait_for (both_scrollable, fixture, "the panes to lay out");

  left = get_vadjustment (fixture, FALSE);
  right = get_vadjustment (fixture, TRUE);
  g_assert_true (cc_comparison_view_get_lock_scrolling (fixture->view));

  wait_for (left_held_at_end_right_at_end, fixture, "the right pane to follow to the end");

  /* Back at the start together. */
  gtk_adjustment_set_value (left, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (right), ==, gtk_adjustment_get_lower (right));

  /* Unlocked, each pane goes its own way. */
  cc_comparison_view_set_lock_scrolling (fixture->view, FALSE);
  scroll_to_end (left);
  run_for (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (right), ==, 0);

  /* Locking again brings the right pane along. */
  cc_comparison_view_set_lock_scrolling (fixture->view, TRUE);
  wait_for (left_held_at_end_right_at_end, fixture, "the right pane to follow once locked");
}

typedef struct
{
  GtkTextView *view;
  guint        offset;
} Visible;

static gboolean
offset_visible (gpointer data)
{
  Visible *visible = data;
  GdkRectangle rect;
  GdkRectangle location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (visible->view), &iter,
                                      visible->offset);
  gtk_text_view_get_visible_rect (visible->view, &rect);
  gtk_text_view_get_iter_location (visible->view, &iter, &location);

  return location.y >= rect.y && location.y + location.height <= rect.y + rect.height;
}

static gboolean
flash_gone (gpointer data)
{
  Visible *visible = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (visible->view);

  return !offset_has_tag (buffer, visible->offset, "flash");
}

static void
test_comparison_view_click_quote (Fixture       *fixture,
                                  gconstpointer  data)
{
  const CcSharedQuote *shared;
  const CcSharedQuote *last;
  CcComparison *comparison;
  Visible visible;
  guint n_shared;

  gtk_window_set_default_size (fixture->window, 900, 300);
  compare (fixture, "wire-digest", "harbour-gazette");
  wait_for (both_scrollable, fixture, "the panes to lay out");

  comparison = cc_comparison_view_get_comparison (fixture->view);
  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  g_assert_cmpuint (n_shared, >, 0);

  /* The last one is the likeliest to lie outside the first screen. */
  last = &shared[n_shared - 1];

  /* Outside any quotation a click does nothing. */
  for (guint i = 0; i < n_shared; i++)
    g_assert_cmpuint (shared[i].a.start, >, 0);
  g_assert_false (cc_comparison_view_activate_offset (fixture->view, FALSE, 0));

  cc_comparison_view_set_lock_scrolling (fixture->view, FALSE);
  gtk_adjustment_set_value (get_vadjustment (fixture, TRUE), 0);
  g_assert_true (cc_comparison_view_activate_offset (fixture->view, FALSE,
                                                     (last->a.start + last->a.end) / 2));

  visible.view = cc_comparison_view_get_text_view (fixture->view, TRUE);
  visible.offset = last->b.start;
  g_assert_true (offset_has_tag (get_buffer (fixture, TRUE), last->b.start, "flash"));
  wait_for (offset_visible, &visible, "the counterpart to scroll into view");
  wait_for (flash_gone, &visible, "the flash to end");

  /* And the other way round. */
  gtk_adjustment_set_value (get_vadjustment (fixture, FALSE), 0);
  g_assert_true (cc_comparison_view_activate_offset (fixture->view, TRUE, last->b.start));
  visible.view = cc_comparison_view_get_text_view (fixture->view, FALSE);
  visible.offset = last->a.start;
  wait_for (offset_visible, &visible, "the left counterpart to scroll into view");
}

/* With the panes locked, the clicked pane stays where the reader is while the other pane
 * brings the counterpart into view. */
static void
test_comparison_view_click_quote_locked (Fixture       *fixture,
                                         gconstpointer  data)
{
  const CcSharedQuote *shared;
  const CcSharedQuote *last;
  CcComparison *comparison;
  Visible visible;
  guint n_shared;

  gtk_window_set_default_size (fixture->window, 900, 300);
  compare (fixture, "wire-digest", "harbour-gazette");
  wait_for (both_scrollable, fixture, "the panes to lay out");
  g_assert_true (cc_comparison_view_get_lock_scrolling (fixture->view));

  comparison = cc_comparison_view_get_comparison (fixture->view);
  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  g_assert_cmpuint (n_shared, >, 0);
  last = &shared[n_shared - 1];

  gtk_adjustment_set_value (get_vadjustment (fixture, FALSE), 0);
  g_assert_true (cc_comparison_view_activate_offset (fixture->view, FALSE, last->a.start));

  visible.view = cc_comparison_view_get_text_view (fixture->view, TRUE);
  visible.offset = last->b.start;
  wait_for (offset_visible, &visible, "the counterpart to scroll into view");
  g_assert_cmpfloat (gtk_adjustment_get_value (get_vadjustment (fixture, FALSE)), ==, 0);
}

static void
test_comparison_view_boilerplate (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char boilerplate[] = "Subscribe for one euro a week.";
  g_autoptr(CcSource) a = cc_source_new ();
  g_autoptr(CcSource) b = cc_source_new ();
  g_autofree char *text = NULL;
  guint start;
  guint end;

  text = g_strdup_printf ("The council met on Tuesday and agreed the budget.\n\n%s", boilerplate);
  start = g_utf8_strlen (text, -1) - g_utf8_strlen (boilerplate, -1);
  end = g_utf8_strlen (text, -1);
  cc_source_set_text (a, text);
  g_assert_true (cc_source_add_excluded (a, start, end));
  cc_source_set_text (b, "The council met on Tuesday and passed the budget.");

  cc_comparison_view_set_sources (fixture->view, a, b, NULL);
  wait_for (has_comparison, fixture->view, "the comparison");

  for (guint offset = start; offset < end; offset++)
    g_assert_true (offset_has_tag (get_buffer (fixture, FALSE), offset, "excluded"));
  g_assert_false (offset_has_tag (get_buffer (fixture, FALSE), start - 1, "excluded"));
  g_assert_false (offset_has_tag (get_buffer (fixture, FALSE), 0, "excluded"));

  /* Clearing the sources clears the panes. */
  cc_comparison_view_set_sources (fixture->view, NULL, NULL, NULL);
  g_assert_null (cc_comparison_view_get_comparison (fixture->view));
  g_assert_false (cc_comparison_view_get_busy (fixture->view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (get_buffer (fixture, FALSE)), ==, 0);
}

static void
test_comparison_view_dark_style (Fixture       *fixture,
                                 gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkTextBuffer *buffer = get_buffer (fixture, FALSE);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "excluded");
  g_autoptr(GdkRGBA) light = NULL;
  g_autoptr(GdkRGBA) dark = NULL;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_object_get (tag, "foreground-rgba", &light, NULL);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_object_get (tag, "foreground-rgba", &dark, NULL);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  /* Dimmed text is dark on the light background and light on the dark one. */
  g_assert_cmpfloat (light->red, <, 0.5);
  g_assert_cmpfloat (dark->red, >, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "harbour-leak.crosscheck",
                                NULL);
  file = g_file_new_for_path (path);
  project = cc_project_load (file, NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/ui/comparison-view/texts-and-highlights", Fixture, NULL,
              fixture_set_up, test_comparison_view_texts_and_highlights, fixture_tear_down);
  g_test_add ("/ui/comparison-view/stale-results-dropped", Fixture, NULL,
              fixture_set_up, test_comparison_view_stale_results_dropped, fixture_tear_down);
  g_test_add ("/ui/comparison-view/sync-scroll", Fixture, NULL,
              fixture_set_up, test_comparison_view_sync_scroll, fixture_tear_down);
  g_test_add ("/ui/comparison-view/click-quote", Fixture, NULL,
              fixture_set_up, test_comparison_view_click_quote, fixture_tear_down);
  g_test_add ("/ui/comparison-view/click-quote-locked", Fixture, NULL,
              fixture_set_up, test_comparison_view_click_quote_locked, fixture_tear_down);
  g_test_add ("/ui/comparison-view/boilerplate", Fixture, NULL,
              fixture_set_up, test_comparison_view_boilerplate, fixture_tear_down);
  g_test_add ("/ui/comparison-view/dark-style", Fixture, NULL,
              fixture_set_up, test_comparison_view_dark_style, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&project);

  return ret;
}
