/* test-comparison-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-comparison-view"

#include <adwaita.h>

#include "cc-comparison-item.h"
#include "cc-comparison-view-private.h"
#include "cc-project-io.h"
#include "cc-source-format.h"
#include "ui-test-util.h"

static CcProject *project;

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
  /* The window let go of the view: nothing else may hold it, a running comparison included. */
  ui_test_destroy_window (fixture->window, (gpointer *)&fixture->view, NULL);
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

/* Compares the wire with the gazette in a window short enough for both texts to scroll. */
static CcComparison *
compare_scrollable (Fixture *fixture)
{
  gtk_window_set_default_size (fixture->window, 900, 300);
  compare (fixture, "wire-digest", "harbour-gazette");
  wait_for (both_scrollable, fixture, "the panes to lay out");

  return cc_comparison_view_get_comparison (fixture->view);
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
  compare_scrollable (fixture);

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

  comparison = compare_scrollable (fixture);
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

  comparison = compare_scrollable (fixture);
  g_assert_true (cc_comparison_view_get_lock_scrolling (fixture->view));

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

static guint
get_cursor (Fixture  *fixture,
            gboolean  right)
{
  GtkTextBuffer *buffer = get_buffer (fixture, right);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static void
assert_selection (Fixture       *fixture,
                  gboolean       right,
                  const CcRange *range)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_selection_bounds (get_buffer (fixture, right), &start, &end);
  g_assert_cmpuint (gtk_text_iter_get_offset (&start), ==, range->start);
  g_assert_cmpuint (gtk_text_iter_get_offset (&end), ==, range->end);
}

/* The engine's changes as the reader steps through them: each run of operations between two
 * equal ones, with its characters in each text. */
typedef struct
{
  CcRange a;
  CcRange b;
} Change;

static GArray *
dup_changes (CcComparison *comparison)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));
  const CcDiffOp *ops;
  gboolean in_run = FALSE;
  guint n_ops;

  ops = cc_diff_get_ops (cc_comparison_get_diff (comparison), &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      if (ops[i].kind == CC_DIFF_EQUAL)
        in_run = FALSE;
      else if (!in_run)
        {
          Change change = { ops[i].a, ops[i].b };

          g_array_append_val (changes, change);
          in_run = TRUE;
        }
      else
        {
          Change *change = &g_array_index (changes, Change, changes->len - 1);

          change->a.end = ops[i].a.end;
          change->b.end = ops[i].b.end;
        }
    }

  return changes;
}

typedef struct
{
  Fixture *fixture;
  guint    offsets[2];
} BothVisible;

static gboolean
both_offsets_visible (gpointer data)
{
  BothVisible *both = data;

  for (guint right = 0; right < 2; right++)
    {
      Visible visible = {
        cc_comparison_view_get_text_view (both->fixture->view, right),
        both->offsets[right],
      };

      if (!offset_visible (&visible))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* Whether the button for @action can be pressed: it follows the action's enablement. */
static gboolean
action_enabled (Fixture    *fixture,
                const char *action)
{
  GtkWidget *button = ui_test_find_widget (GTK_WIDGET (fixture->view), has_action_name, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
test_comparison_view_next_change (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GArray) changes = NULL;
  CcComparison *comparison;
  BothVisible both;

  comparison = compare_scrollable (fixture);
  changes = dup_changes (comparison);
  g_assert_cmpuint (changes->len, >, 10);

  /* A new comparison is read from the start. */
  g_assert_cmpuint (get_cursor (fixture, FALSE), ==, 0);
  g_assert_true (action_enabled (fixture, "comparison.next-change"));
  g_assert_false (action_enabled (fixture, "comparison.previous-change"));

  cc_comparison_view_set_lock_scrolling (fixture->view, FALSE);
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                                 "comparison.next-change", NULL));
      g_assert_cmpuint (get_cursor (fixture, FALSE), ==, change->a.start);
      g_assert_cmpuint (get_cursor (fixture, TRUE), ==, change->b.start);
      /* Selected in the pane the reader works in, the left one here. */
      assert_selection (fixture, FALSE, &change->a);
    }

  /* At the last change, both panes show it, though they scroll on their own. */
  both.fixture = fixture;
  both.offsets[0] = g_array_index (changes, Change, changes->len - 1).a.start;
  both.offsets[1] = g_array_index (changes, Change, changes->len - 1).b.start;
  wait_for (both_offsets_visible, &both, "the last change to show in both panes");
  g_assert_false (action_enabled (fixture, "comparison.next-change"));
  g_assert_true (action_enabled (fixture, "comparison.previous-change"));

  /* A change in the middle, reached from the end: both panes scroll back to it. */
  for (guint i = changes->len - 1; i > changes->len / 2; i--)
    {
      const Change *change = &g_array_index (changes, Change, i - 1);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                                 "comparison.previous-change", NULL));
      g_assert_cmpuint (get_cursor (fixture, FALSE), ==, change->a.start);
      g_assert_cmpuint (get_cursor (fixture, TRUE), ==, change->b.start);
    }
  both.offsets[0] = g_array_index (changes, Change, changes->len / 2).a.start;
  both.offsets[1] = g_array_index (changes, Change, changes->len / 2).b.start;
  wait_for (both_offsets_visible, &both, "the middle change to show in both panes");

  /* The reader clicks somewhere else: the next change is the first after that place. */
  {
    const Change *change = &g_array_index (changes, Change, 3);
    const Change *next = &g_array_index (changes, Change, 4);
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (get_buffer (fixture, FALSE), &iter, change->a.start + 1);
    gtk_text_buffer_place_cursor (get_buffer (fixture, FALSE), &iter);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                               "comparison.next-change", NULL));
    g_assert_cmpuint (get_cursor (fixture, FALSE), ==, next->a.start);
  }
}

/* With the focus in the right pane, navigation goes from the right pane's cursor. */
static void
test_comparison_view_next_change_right (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GArray) changes = NULL;
  const Change *change = NULL;
  GtkTextIter iter;
  guint i;

  compare (fixture, "wire-digest", "harbour-gazette");
  changes = dup_changes (cc_comparison_view_get_comparison (fixture->view));

  /* A change that starts later in the right text than its counterpart does in the left. */
  for (i = 1; i < changes->len; i++)
    {
      change = &g_array_index (changes, Change, i);
      if (change->b.start > change->a.start + 100)
        break;
    }
  g_assert_cmpuint (i, <, changes->len);

  gtk_widget_grab_focus (GTK_WIDGET (cc_comparison_view_get_text_view (fixture->view, TRUE)));
  gtk_text_buffer_get_iter_at_offset (get_buffer (fixture, TRUE), &iter, change->b.start);
  gtk_text_buffer_place_cursor (get_buffer (fixture, TRUE), &iter);
  /* The left cursor, far behind, is not what counts. */
  gtk_text_buffer_get_start_iter (get_buffer (fixture, FALSE), &iter);
  gtk_text_buffer_place_cursor (get_buffer (fixture, FALSE), &iter);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "comparison.next-change", NULL));
  g_assert_cmpuint (get_cursor (fixture, TRUE), ==, change->b.start);
  g_assert_cmpuint (get_cursor (fixture, FALSE), ==, change->a.start);
  assert_selection (fixture, TRUE, &change->b);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "comparison.next-change", NULL));
  g_assert_cmpuint (get_cursor (fixture, TRUE), ==,
                    g_array_index (changes, Change, i + 1).b.start);
}

static gboolean
is_managed_shortcut_controller (GtkEventController *controller)
{
  return GTK_IS_SHORTCUT_CONTROLLER (controller) &&
         gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) ==
         GTK_SHORTCUT_SCOPE_MANAGED;
}

/* The keys are handled by the window for the view wherever the focus is, before a text view
 * could take them. */
static void
test_comparison_view_shortcuts (Fixture       *fixture,
                                gconstpointer  data)
{
  static const struct {
    const char *accelerator;
    const char *action;
  } expected[] = {
    { "<Alt>Down", "comparison.next-change" },
    { "F8", "comparison.next-change" },
    { "<Alt>Up", "comparison.previous-change" },
    { "F7", "comparison.previous-change" },
    { "<Alt>Page_Down", "comparison.next-quote" },
    { "<Alt>Page_Up", "comparison.previous-quote" },
    { "<Control>f", "comparison.find" },
  };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  g_autoptr(GArray) changes = NULL;
  GtkShortcutController *controller = NULL;
  GtkShortcutAction *next_change = NULL;
  guint n_found = 0;

  compare (fixture, "wire-digest", "harbour-gazette");
  changes = dup_changes (cc_comparison_view_get_comparison (fixture->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) item = g_list_model_get_item (controllers, i);

      if (is_managed_shortcut_controller (item))
        controller = GTK_SHORTCUT_CONTROLLER (item);
    }
  g_assert_nonnull (controller);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)),
                   ==, GTK_PHASE_CAPTURE);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GtkShortcutTrigger) trigger = NULL;

      trigger = gtk_shortcut_trigger_parse_string (expected[i].accelerator);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *found = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *found_string = gtk_shortcut_trigger_to_string (found);
          g_autofree char *expected_string = gtk_shortcut_trigger_to_string (trigger);

          if (strstr (found_string, expected_string) == NULL)
            continue;

          g_assert_true (GTK_IS_NAMED_ACTION (action));
          g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==,
                           expected[i].action);
          if (g_str_equal (expected[i].accelerator, "F8"))
            next_change = action;
          n_found++;
          break;
        }
    }
  g_assert_cmpuint (n_found, ==, G_N_ELEMENTS (expected));

  /* What the window does with F8 when it sees it: the view goes to the second change. */
  g_assert_nonnull (next_change);
  g_assert_true (gtk_shortcut_action_activate (next_change, 0, GTK_WIDGET (fixture->view), NULL));
  g_assert_true (gtk_shortcut_action_activate (next_change, 0, GTK_WIDGET (fixture->view), NULL));
  g_assert_cmpuint (get_cursor (fixture, FALSE), ==, g_array_index (changes, Change, 1).a.start);
}

static int
compare_quotes_left (gconstpointer a,
                     gconstpointer b)
{
  const CcSharedQuote *qa = a;
  const CcSharedQuote *qb = b;

  return qa->a.start < qb->a.start ? -1 : qa->a.start > qb->a.start;
}

static void
test_comparison_view_next_quote (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (CcSharedQuote));
  const CcSharedQuote *shared;
  CcComparison *comparison;
  BothVisible both;
  guint n_shared;

  comparison = compare_scrollable (fixture);
  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  g_assert_cmpuint (n_shared, >=, 2);
  g_array_append_vals (sorted, shared, n_shared);
  g_array_sort (sorted, compare_quotes_left);

  cc_comparison_view_set_lock_scrolling (fixture->view, FALSE);
  for (guint i = 0; i < n_shared; i++)
    {
      const CcSharedQuote *quote = &g_array_index (sorted, CcSharedQuote, i);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                                 "comparison.next-quote", NULL));
      assert_selection (fixture, FALSE, &quote->a);
      g_assert_cmpuint (get_cursor (fixture, TRUE), ==, quote->b.start);

      both.fixture = fixture;
      both.offsets[0] = quote->a.start;
      both.offsets[1] = quote->b.start;
      wait_for (both_offsets_visible, &both, "the quotation to show in both panes");
    }

  /* Past the last one there is none; back goes to the one before. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "comparison.next-quote", NULL);
  assert_selection (fixture, FALSE, &g_array_index (sorted, CcSharedQuote, n_shared - 1).a);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "comparison.previous-quote", NULL));
  assert_selection (fixture, FALSE, &g_array_index (sorted, CcSharedQuote, n_shared - 2).a);
}

static gboolean
is_search_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
is_count_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric") &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR) != NULL;
}

static const char *
get_count_label (Fixture *fixture)
{
  GtkWidget *label = ui_test_find_widget (GTK_WIDGET (fixture->view), is_count_label, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

typedef struct
{
  Fixture    *fixture;
  const char *label;
} CountLabel;

static gboolean
count_label_is (gpointer data)
{
  CountLabel *count = data;

  return g_strcmp0 (get_count_label (count->fixture), count->label) == 0;
}

/* Non-overlapping, case-insensitive occurrences of an ASCII @needle in @text. */
static guint
count_occurrences (const char *text,
                   const char *needle)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);
  guint n = 0;

  for (const char *p = strstr (folded, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;

  return n;
}

static guint
count_tagged_runs (GtkTextBuffer *buffer,
                   const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;
  guint n = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (gtk_text_iter_starts_tag (&iter, tag))
    n++;
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      if (gtk_text_iter_starts_tag (&iter, tag))
        n++;
    }

  return n;
}

static void
test_comparison_view_find (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *left_text = NULL;
  g_autofree char *right_text = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *entry;
  GtkSearchBar *search_bar;
  CountLabel count;
  guint n_left;
  guint n_right;

  compare (fixture, "wire-digest", "harbour-gazette");
  left_text = dup_buffer_text (get_buffer (fixture, FALSE));
  right_text = dup_buffer_text (get_buffer (fixture, TRUE));
  n_left = count_occurrences (left_text, "water");
  n_right = count_occurrences (right_text, "water");
  g_assert_cmpuint (n_left, >, 1);
  g_assert_cmpuint (n_right, >, 1);

  entry = ui_test_find_widget (GTK_WIDGET (fixture->view), is_search_entry, NULL);
  g_assert_nonnull (entry);
  search_bar = GTK_SEARCH_BAR (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_BAR));
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "comparison.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));

  /* Upper case finds lower case too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "WATER");
  expected = g_strdup_printf ("1 of %u", n_left + n_right);
  count.fixture = fixture;
  count.label = expected;
  wait_for (count_label_is, &count, "the matches to be counted");

  g_assert_cmpuint (count_tagged_runs (get_buffer (fixture, FALSE), "search-match"), ==, n_left);
  g_assert_cmpuint (count_tagged_runs (get_buffer (fixture, TRUE), "search-match"), ==, n_right);
  g_assert_cmpuint (count_tagged_runs (get_buffer (fixture, FALSE), "search-current"), ==, 1);
  g_assert_true (offset_has_tag (get_buffer (fixture, FALSE),
                                 strstr (left_text, "water") - left_text, "search-current"));

  /* Enter goes on through the left matches into the right pane. */
  for (guint i = 1; i < n_left; i++)
    g_signal_emit_by_name (entry, "activate");
  g_free (expected);
  expected = g_strdup_printf ("%u of %u", n_left, n_left + n_right);
  g_assert_cmpstr (get_count_label (fixture), ==, expected);
  g_signal_emit_by_name (entry, "activate");
  g_free (expected);
  expected = g_strdup_printf ("%u of %u", n_left + 1, n_left + n_right);
  g_assert_cmpstr (get_count_label (fixture), ==, expected);
  g_assert_cmpuint (count_tagged_runs (get_buffer (fixture, TRUE), "search-current"), ==, 1);
  g_assert_cmpuint (count_tagged_runs (get_buffer (fixture, FALSE), "search-current"), ==, 0);

  /* And back, with the previous-match action Shift+Enter and the button use. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "comparison.previous-match", NULL));
  g_free (expected);
  expected = g_strdup_printf ("%u of %u", n_left, n_left + n_right);
  g_assert_cmpstr (get_count_label (fixture), ==, expected);

  /* Escape closes the bar and clears the highlights. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (count_tagged_runs (get_buffer (fixture, FALSE), "search-match"), ==, 0);
  g_assert_cmpuint (count_tagged_runs (get_buffer (fixture, TRUE), "search-match"), ==, 0);
  g_assert_cmpuint (count_tagged_runs (get_buffer (fixture, TRUE), "search-current"), ==, 0);
}

typedef struct
{
  guint    n_emissions;
  gboolean right;
  guint    start;
  guint    end;
} RangeSignal;

static void
on_range_cb (CcComparisonView *view,
             gboolean          right,
             guint             start,
             guint             end,
             RangeSignal      *signal)
{
  signal->n_emissions++;
  signal->right = right;
  signal->start = start;
  signal->end = end;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_comparison_view_exclude (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char boilerplate[] = "Subscribe for one euro a week.";
  g_autoptr(CcSource) a = cc_source_new ();
  g_autoptr(CcSource) b = cc_source_new ();
  g_autofree char *text = NULL;
  RangeSignal exclude = { 0 };
  RangeSignal include = { 0 };
  GtkTextView *right_view = cc_comparison_view_get_text_view (fixture->view, TRUE);
  GtkTextView *left_view = cc_comparison_view_get_text_view (fixture->view, FALSE);
  GtkTextBuffer *buffer = get_buffer (fixture, TRUE);
  const CcRange *excluded;
  GtkTextIter start;
  GtkTextIter end;
  guint n_excluded;
  guint boilerplate_start;

  text = g_strdup_printf ("The council met on Tuesday and agreed the budget.\n\n%s", boilerplate);
  boilerplate_start = g_utf8_strlen (text, -1) - g_utf8_strlen (boilerplate, -1);
  cc_source_set_text (a, "The council met on Tuesday and passed the budget.");
  cc_source_set_text (b, text);
  g_assert_true (cc_source_add_excluded (b, boilerplate_start, g_utf8_strlen (text, -1)));
  cc_comparison_view_set_sources (fixture->view, a, b, NULL);
  wait_for (has_comparison, fixture->view, "the comparison");

  g_signal_connect (fixture->view, "exclude-range", G_CALLBACK (on_range_cb), &exclude);
  g_signal_connect (fixture->view, "include-range", G_CALLBACK (on_range_cb), &include);

  /* The context menu offers both; each shows only where it applies. */
  g_assert_true (menu_has_action (gtk_text_view_get_extra_menu (right_view), "pane.exclude"));
  g_assert_true (menu_has_action (gtk_text_view_get_extra_menu (right_view), "pane.include"));

  /* Nothing selected and no excluded text at the cursor: nothing to do. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_activate_action (GTK_WIDGET (right_view), "pane.exclude", NULL);
  gtk_widget_activate_action (GTK_WIDGET (right_view), "pane.include", NULL);
  g_assert_cmpuint (exclude.n_emissions, ==, 0);
  g_assert_cmpuint (include.n_emissions, ==, 0);

  /* A selection made backwards gives the same range. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 4);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 11);
  gtk_text_buffer_select_range (buffer, &end, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (right_view), "pane.exclude", NULL));
  g_assert_cmpuint (exclude.n_emissions, ==, 1);
  g_assert_true (exclude.right);
  g_assert_cmpuint (exclude.start, ==, 4);
  g_assert_cmpuint (exclude.end, ==, 11);
  /* The view leaves the source to its owner. */
  excluded = cc_source_get_excluded (b, &n_excluded);
  g_assert_cmpuint (n_excluded, ==, 1);

  /* Inside excluded text, the range as the source has it comes back for inclusion. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, boilerplate_start + 5);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (right_view), "pane.include", NULL));
  g_assert_cmpuint (include.n_emissions, ==, 1);
  g_assert_true (include.right);
  g_assert_cmpuint (include.start, ==, excluded[0].start);
  g_assert_cmpuint (include.end, ==, excluded[0].end);

  /* The left pane speaks for the left source, which has nothing excluded. */
  buffer = get_buffer (fixture, FALSE);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 3);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 9);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (left_view), "pane.exclude", NULL));
  gtk_widget_activate_action (GTK_WIDGET (left_view), "pane.include", NULL);
  g_assert_cmpuint (exclude.n_emissions, ==, 2);
  g_assert_false (exclude.right);
  g_assert_cmpuint (exclude.start, ==, 3);
  g_assert_cmpuint (exclude.end, ==, 9);
  g_assert_cmpuint (include.n_emissions, ==, 1);

  g_signal_handlers_disconnect_by_data (fixture->view, &exclude);
  g_signal_handlers_disconnect_by_data (fixture->view, &include);
}

/* The visible text of @markup, which must be valid. */
static char *
dup_markup_text (const char *markup)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Whether the words of @wording appear in @text in their order. */
static gboolean
has_words_in_order (const char *text,
                    const char *wording)
{
  g_auto(GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", wording, 0, 0);
  const char *position = text;
  guint n_words = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (!(position = strstr (position, words[i])))
        return FALSE;
      position += strlen (words[i]);
      n_words++;
    }

  return n_words > 0;
}

static void
assert_tooltips (Fixture  *fixture,
                 CcSource *a,
                 CcSource *b)
{
  CcComparison *comparison = cc_comparison_view_get_comparison (fixture->view);
  const CcSharedQuote *shared;
  guint n_shared;

  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  g_assert_cmpuint (n_shared, >, 0);
  for (guint i = 0; i < n_shared; i++)
    {
      for (guint right = 0; right < 2; right++)
        {
          const CcRange *here = right ? &shared[i].b : &shared[i].a;
          const CcRange *there = right ? &shared[i].a : &shared[i].b;
          CcText *there_text = right ? cc_comparison_get_text_a (comparison)
                                     : cc_comparison_get_text_b (comparison);
          g_autofree char *markup = NULL;
          g_autofree char *text = NULL;
          g_autofree char *wording = cc_text_dup_span (there_text, there->start, there->end);

          markup = cc_comparison_view_dup_tooltip_markup (fixture->view, right,
                                                          (here->start + here->end) / 2);
          g_assert_nonnull (markup);
          text = dup_markup_text (markup);
          g_assert_true (has_words_in_order (text, wording));
          /* It says whose wording it is: the other source's. */
          g_assert_nonnull (strstr (text, cc_source_format_title (right ? a : b)));

          if (shared[i].kind == CC_SHARED_VARIANT)
            g_assert_true (strstr (markup, "<s>") != NULL || strstr (markup, "<u>") != NULL);
        }
    }
}

static void
test_comparison_view_tooltip (Fixture       *fixture,
                              gconstpointer  data)
{
  compare (fixture, "wire-digest", "harbour-gazette");
  assert_tooltips (fixture, find_source ("wire-digest"), find_source ("harbour-gazette"));
  /* Outside any shared quotation there is no tooltip. */
  g_assert_null (cc_comparison_view_dup_tooltip_markup (fixture->view, FALSE, 0));
}

/* A variant: the counterpart's wording with the words that differ marked. */
static void
test_comparison_view_tooltip_variant (Fixture       *fixture,
                                      gconstpointer  data)
{
  CcComparison *comparison;
  const CcSharedQuote *shared;
  const CcSharedQuote *variant = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  guint n_shared;

  compare (fixture, "wire-digest", "valley-courier");
  assert_tooltips (fixture, find_source ("wire-digest"), find_source ("valley-courier"));

  comparison = cc_comparison_view_get_comparison (fixture->view);
  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  for (guint i = 0; i < n_shared; i++)
    {
      if (shared[i].kind == CC_SHARED_VARIANT)
        variant = &shared[i];
    }
  g_assert_nonnull (variant);

  /* Left: the full quotation; right: the same with words left out. Seen from the left, the
   * words the right leaves out are struck through. */
  markup = cc_comparison_view_dup_tooltip_markup (fixture->view, FALSE, variant->a.start);
  g_assert_nonnull (strstr (markup, "<s>"));
  text = dup_markup_text (markup);
  g_assert_nonnull (strstr (text, "Variant quotation"));
}

static GtkAdjustment *get_vadjustment (Fixture *fixture, gboolean right);

static void
test_comparison_view_panel (Fixture       *fixture,
                            gconstpointer  data)
{
  CcComparisonPanel *panel = cc_comparison_view_get_panel (fixture->view);
  GtkColumnView *column_view = cc_comparison_panel_get_column_view (panel);
  GListModel *items = cc_comparison_panel_get_items (panel);
  g_autoptr(CcComparisonItem) last = NULL;
  CcComparison *comparison;
  BothVisible both;
  guint n_passages;
  guint n_shared;
  guint position = 0;

  g_assert_false (cc_comparison_view_get_show_panel (fixture->view));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  cc_comparison_view_set_show_panel (fixture->view, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));

  gtk_window_set_default_size (fixture->window, 900, 600);
  compare (fixture, "wire-digest", "harbour-gazette");
  wait_for (both_scrollable, fixture, "the panes to lay out");
  comparison = cc_comparison_view_get_comparison (fixture->view);
  g_assert_true (cc_comparison_panel_get_comparison (panel) == comparison);

  cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  cc_passages_get (cc_comparison_get_passages (comparison), &n_passages);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_shared + n_passages);

  /* The item furthest into the right text, to be brought into view. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CcComparisonItem) item = g_list_model_get_item (items, i);

      if (last == NULL || cc_comparison_item_get_b (item)->start >
                          cc_comparison_item_get_b (last)->start)
        {
          g_set_object (&last, item);
          position = i;
        }
    }

  cc_comparison_view_set_lock_scrolling (fixture->view, FALSE);
  gtk_adjustment_set_value (get_vadjustment (fixture, FALSE), 0);
  gtk_adjustment_set_value (get_vadjustment (fixture, TRUE), 0);
  g_signal_emit_by_name (column_view, "activate", position);

  assert_selection (fixture, FALSE, cc_comparison_item_get_a (last));
  g_assert_cmpuint (get_cursor (fixture, TRUE), ==, cc_comparison_item_get_b (last)->start);
  both.fixture = fixture;
  both.offsets[0] = cc_comparison_item_get_a (last)->start;
  both.offsets[1] = cc_comparison_item_get_b (last)->start;
  wait_for (both_offsets_visible, &both, "the item to show in both panes");
  g_assert_cmpfloat (gtk_adjustment_get_value (get_vadjustment (fixture, TRUE)), >, 0);
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
  int ret;

  ui_test_init (&argc, &argv);
  adw_init ();

  project = ui_test_load_example ();

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
  g_test_add ("/ui/comparison-view/next-change", Fixture, NULL,
              fixture_set_up, test_comparison_view_next_change, fixture_tear_down);
  g_test_add ("/ui/comparison-view/next-change-right", Fixture, NULL,
              fixture_set_up, test_comparison_view_next_change_right, fixture_tear_down);
  g_test_add ("/ui/comparison-view/shortcuts", Fixture, NULL,
              fixture_set_up, test_comparison_view_shortcuts, fixture_tear_down);
  g_test_add ("/ui/comparison-view/next-quote", Fixture, NULL,
              fixture_set_up, test_comparison_view_next_quote, fixture_tear_down);
  g_test_add ("/ui/comparison-view/find", Fixture, NULL,
              fixture_set_up, test_comparison_view_find, fixture_tear_down);
  g_test_add ("/ui/comparison-view/exclude", Fixture, NULL,
              fixture_set_up, test_comparison_view_exclude, fixture_tear_down);
  g_test_add ("/ui/comparison-view/tooltip", Fixture, NULL,
              fixture_set_up, test_comparison_view_tooltip, fixture_tear_down);
  g_test_add ("/ui/comparison-view/tooltip-variant", Fixture, NULL,
              fixture_set_up, test_comparison_view_tooltip_variant, fixture_tear_down);
  g_test_add ("/ui/comparison-view/panel", Fixture, NULL,
              fixture_set_up, test_comparison_view_panel, fixture_tear_down);
  g_test_add ("/ui/comparison-view/boilerplate", Fixture, NULL,
              fixture_set_up, test_comparison_view_boilerplate, fixture_tear_down);
  g_test_add ("/ui/comparison-view/dark-style", Fixture, NULL,
              fixture_set_up, test_comparison_view_dark_style, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&project);

  return ret;
}
