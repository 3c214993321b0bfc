/* test-link-map.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-link-map"

#include <adwaita.h>

#include "cc-link-map-private.h"
#include "cc-overview-strip-private.h"
#include "ui-test-util.h"

/* Two reports of one flood. B puts the third paragraph first, moves the first one down, cuts
 * and adds words, and quotes the mayor at its end where A quotes her near the start, so moved
 * text and shared quotations cross. */
static const char text_a[] =
  "Water levels rose sharply across the valley overnight, and the river broke its banks near "
  "the old mill.\n\n"
  "The mayor said: \"We will rebuild every bridge that the flood has taken from us.\" She "
  "spoke at the town hall on Monday.\n\n"
  "The authority issued a boil notice for eleven thousand homes in the northern districts.\n\n"
  "Engineers expect repairs to last until Friday, weather permitting.\n\n"
  "Schools stayed open, although several buses could not reach the outlying farms.\n\n"
  "A spokesman for the fire service said: \"Nobody was hurt, and that is what matters "
  "tonight.\"\n\n"
  "Volunteers filled sandbags at the harbour until late in the evening.\n";

static const char text_b[] =
  "The authority issued a boil notice for eleven thousand homes in the northern districts.\n\n"
  "A spokesman for the fire service said: \"Nobody was hurt, and that is what matters "
  "tonight.\"\n\n"
  "Water levels rose quickly across the valley overnight, and the river broke its banks near "
  "the old mill.\n\n"
  "Engineers expect repairs to last until Friday, weather permitting.\n\n"
  "Schools stayed open.\n\n"
  "Volunteers filled sandbags at the harbour until late at night, helped by soldiers from the "
  "garrison.\n\n"
  "\"We will rebuild every bridge that the flood has taken from us,\" the mayor said.\n";

typedef struct
{
  GtkWindow       *window;
  GtkTextView     *views[2];
  CcLinkMap       *map;
  CcOverviewStrip *strips[2];
  CcComparison    *comparison;
} Fixture;

/* Set up like the comparison view's panes, so the lines wrap and space alike. */
static GtkTextView *
create_text_view (const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, 18);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_text_view_set_left_margin (view, 24);
  gtk_text_view_set_right_margin (view, 24);
  gtk_text_view_set_pixels_inside_wrap (view, 4);
  gtk_text_view_set_pixels_below_lines (view, 6);

  return view;
}

static GtkWidget *
create_scrolled_window (GtkTextView *view)
{
  GtkWidget *scrolled_window = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (scrolled_window, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled_window), GTK_WIDGET (view));

  return scrolled_window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CcSource) a = cc_source_new ();
  g_autoptr(CcSource) b = cc_source_new ();
  CcCompareOptions options;
  GtkWidget *box;

  cc_source_set_text (a, text_a);
  cc_source_set_text (b, text_b);
  cc_compare_options_init_default (&options);
  fixture->comparison = cc_comparison_new (a, b, &options, NULL);
  g_assert_nonnull (fixture->comparison);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, GPOINTER_TO_INT (data));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  for (guint right = 0; right < 2; right++)
    {
      fixture->views[right] = create_text_view (right ? text_b : text_a);
      fixture->strips[right] = cc_overview_strip_new ();
      cc_overview_strip_set_text_view (fixture->strips[right], fixture->views[right]);
      cc_overview_strip_set_comparison (fixture->strips[right], fixture->comparison, right);
    }

  /* Given its views before they are in scrolled windows, as a template may. */
  fixture->map = cc_link_map_new ();
  cc_link_map_set_text_views (fixture->map, fixture->views[0], fixture->views[1]);
  cc_link_map_set_comparison (fixture->map, fixture->comparison);

  gtk_box_append (GTK_BOX (box), create_scrolled_window (fixture->views[0]));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->strips[0]));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->map));
  gtk_box_append (GTK_BOX (box), create_scrolled_window (fixture->views[1]));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->strips[1]));
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Nothing else may hold the widgets, the views' signal handlers included. */
  ui_test_destroy_window (fixture->window, (gpointer *)&fixture->map,
                          (gpointer *)&fixture->strips[0], NULL);

  g_clear_pointer (&fixture->comparison, cc_comparison_unref);
}

/* The engine's connectors, worked out here from the comparison itself: each diff hunk, each
 * move once, each shared quotation. */
static GArray *
expected_links (CcComparison *comparison)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (CcLinkInfo));
  const CcSharedQuote *shared;
  const CcDiffOp *ops;
  guint n_shared;
  guint n_ops;

  ops = cc_diff_get_ops (cc_comparison_get_diff (comparison), &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      CcLinkInfo link = { 0, ops[i].a, ops[i].b };

      if (ops[i].kind == CC_DIFF_EQUAL || ops[i].kind == CC_DIFF_MOVE_TO)
        continue;

      link.kind = ops[i].kind == CC_DIFF_DELETE ? CC_LINK_DELETED
                  : ops[i].kind == CC_DIFF_INSERT ? CC_LINK_INSERTED
                  : ops[i].kind == CC_DIFF_CHANGE ? CC_LINK_CHANGED
                  : CC_LINK_MOVED;
      if (ops[i].kind == CC_DIFF_MOVE_FROM)
        {
          g_assert_cmpint (ops[i].partner, >=, 0);
          link.b = ops[ops[i].partner].b;
        }
      g_array_append_val (links, link);
    }

  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  for (guint i = 0; i < n_shared; i++)
    {
      CcLinkInfo link = { CC_LINK_QUOTE_EXACT + shared[i].kind, shared[i].a, shared[i].b };

      g_array_append_val (links, link);
    }

  return links;
}

static gboolean
same_link (const CcLinkInfo *x,
           const CcLinkInfo *y)
{
  return x->kind == y->kind && x->a.start == y->a.start && x->a.end == y->a.end &&
         x->b.start == y->b.start && x->b.end == y->b.end;
}

static gboolean
find_visible (CcLinkMap        *map,
              const CcLinkInfo *wanted,
              CcLinkInfo       *found)
{
  for (guint i = 0; i < cc_link_map_get_n_visible_links (map); i++)
    {
      cc_link_map_get_visible_link (map, i, found);
      if (same_link (found, wanted))
        return TRUE;
    }

  return FALSE;
}

/* Where the first word of @range stands, in the link map's coordinates, asked of the view. */
static gboolean
first_word_y (Fixture       *fixture,
              gboolean       right,
              const CcRange *range,
              double        *y)
{
  GtkTextView *view = fixture->views[right];
  GtkTextIter iter;
  GdkRectangle location;
  guint offset = range->start;
  int window_y;
  double map_x;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  while (offset < range->end && g_unichar_isspace (gtk_text_iter_get_char (&iter)))
    {
      gtk_text_iter_forward_char (&iter);
      offset++;
    }
  if (offset >= range->end)
    return FALSE;

  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, location.y,
                                         NULL, &window_y);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (fixture->map),
                                                   0, window_y, &map_x, y));
  return TRUE;
}

typedef struct
{
  Fixture *fixture;
  guint    n_links;
} Expectation;

static gboolean
shows_n_links (gpointer data)
{
  Expectation *expectation = data;

  return cc_link_map_get_n_visible_links (expectation->fixture->map) == expectation->n_links;
}

/* A window tall enough for both texts: every hunk and shared quotation has its connector,
 * each end where the view has the span's first word. */
static void
test_link_map_all_links (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GArray) expected = expected_links (fixture->comparison);
  Expectation expectation = { fixture, expected->len };
  guint n_kinds[CC_LINK_QUOTE_UNQUOTED + 1] = { 0 };

  wait_for (shows_n_links, &expectation, "every connector to show");
  run_for (100);
  g_assert_cmpuint (cc_link_map_get_n_visible_links (fixture->map), ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      const CcLinkInfo *wanted = &g_array_index (expected, CcLinkInfo, i);
      CcLinkInfo found;
      double y;

      g_assert_true (find_visible (fixture->map, wanted, &found));
      g_assert_cmpfloat (found.left_top, <=, found.left_bottom);
      g_assert_cmpfloat (found.right_top, <=, found.right_bottom);

      if (first_word_y (fixture, FALSE, &found.a, &y))
        g_assert_cmpfloat_with_epsilon (found.left_top, y, 0.5);
      else
        g_assert_cmpfloat (found.left_top, ==, found.left_bottom);

      if (first_word_y (fixture, TRUE, &found.b, &y))
        g_assert_cmpfloat_with_epsilon (found.right_top, y, 0.5);
      else
        g_assert_cmpfloat (found.right_top, ==, found.right_bottom);

      n_kinds[found.kind]++;
    }

  /* The example has every kind the diff knows and crossing quotations. */
  g_assert_cmpuint (n_kinds[CC_LINK_DELETED], >, 0);
  g_assert_cmpuint (n_kinds[CC_LINK_INSERTED], >, 0);
  g_assert_cmpuint (n_kinds[CC_LINK_CHANGED], >, 0);
  g_assert_cmpuint (n_kinds[CC_LINK_MOVED], >, 0);
  g_assert_cmpuint (n_kinds[CC_LINK_QUOTE_EXACT], >=, 2);

  /* Without a comparison there is nothing to join. */
  cc_link_map_set_comparison (fixture->map, NULL);
  g_assert_cmpuint (cc_link_map_get_n_visible_links (fixture->map), ==, 0);
}

static gboolean
is_diff_hunk (CcLinkKind kind)
{
  return kind == CC_LINK_DELETED || kind == CC_LINK_INSERTED || kind == CC_LINK_CHANGED;
}

/* Moved text and reordered quotations cross other connectors; the diff's own hunks keep their
 * order on both sides and never cross each other. */
static void
test_link_map_moves_cross (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GArray) expected = expected_links (fixture->comparison);
  Expectation expectation = { fixture, expected->len };
  guint n_links;
  guint n_moves_crossing = 0;
  guint n_quotes_crossing = 0;

  wait_for (shows_n_links, &expectation, "every connector to show");
  run_for (100);
  n_links = cc_link_map_get_n_visible_links (fixture->map);

  for (guint i = 0; i < n_links; i++)
    {
      CcLinkInfo x;
      gboolean crosses = FALSE;

      cc_link_map_get_visible_link (fixture->map, i, &x);

      for (guint j = 0; j < n_links; j++)
        {
          CcLinkInfo y;

          cc_link_map_get_visible_link (fixture->map, j, &y);
          if ((x.left_top - y.left_top) * (x.right_top - y.right_top) < 0)
            {
              crosses = TRUE;
              g_assert_false (is_diff_hunk (x.kind) && is_diff_hunk (y.kind));
            }
        }

      if (crosses && x.kind == CC_LINK_MOVED)
        n_moves_crossing++;
      if (crosses && x.kind == CC_LINK_QUOTE_EXACT)
        n_quotes_crossing++;
    }

  g_assert_cmpuint (n_moves_crossing, >, 0);
  g_assert_cmpuint (n_quotes_crossing, ==, 2);
}

static GtkAdjustment *
get_vadjustment (Fixture  *fixture,
                 gboolean  right)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->views[right]));
}

static gboolean
both_scrollable (gpointer data)
{
  Fixture *fixture = data;

  for (guint right = 0; right < 2; right++)
    {
      GtkAdjustment *adjustment = get_vadjustment (fixture, right);

      if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 150)
        return FALSE;
    }

  return TRUE;
}

/* Each connector shown has an end in sight, and each hunk with its first word well in sight
 * on either side is shown. */
static void
assert_shows_what_is_in_sight (Fixture *fixture,
                               GArray  *expected)
{
  double top[2];
  double bottom[2];
  guint n_in_sight = 0;

  for (guint right = 0; right < 2; right++)
    {
      GtkWidget *view = GTK_WIDGET (fixture->views[right]);
      double x;

      g_assert_true (gtk_widget_translate_coordinates (view, GTK_WIDGET (fixture->map), 0, 0,
                                                       &x, &top[right]));
      bottom[right] = top[right] + gtk_widget_get_height (view);
    }

  for (guint i = 0; i < cc_link_map_get_n_visible_links (fixture->map); i++)
    {
      CcLinkInfo link;

      cc_link_map_get_visible_link (fixture->map, i, &link);
      g_assert_true ((link.left_bottom >= top[0] && link.left_top <= bottom[0]) ||
                     (link.right_bottom >= top[1] && link.right_top <= bottom[1]));
    }

  for (guint i = 0; i < expected->len; i++)
    {
      const CcLinkInfo *wanted = &g_array_index (expected, CcLinkInfo, i);
      CcLinkInfo found;
      double y;
      gboolean in_sight = FALSE;

      if (first_word_y (fixture, FALSE, &wanted->a, &y))
        in_sight |= y > top[0] + 20 && y < bottom[0] - 40;
      if (first_word_y (fixture, TRUE, &wanted->b, &y))
        in_sight |= y > top[1] + 20 && y < bottom[1] - 40;

      if (in_sight)
        {
          g_assert_true (find_visible (fixture->map, wanted, &found));
          n_in_sight++;
        }
    }

  g_assert_cmpuint (n_in_sight, >, 0);
}

/* Scrolling one pane moves that pane's ends of the connectors and no others. */
static void
test_link_map_scroll (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GArray) expected = expected_links (fixture->comparison);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (CcLinkInfo));
  GtkAdjustment *left = get_vadjustment (fixture, FALSE);
  guint n_total = expected->len;
  guint n_moved = 0;
  double distance;

  wait_for (both_scrollable, fixture, "the views to lay out");
  run_for (300);

  g_assert_cmpuint (cc_link_map_get_n_visible_links (fixture->map), >, 0);
  g_assert_cmpuint (cc_link_map_get_n_visible_links (fixture->map), <, n_total);
  assert_shows_what_is_in_sight (fixture, expected);

  for (guint i = 0; i < cc_link_map_get_n_visible_links (fixture->map); i++)
    {
      CcLinkInfo link;

      cc_link_map_get_visible_link (fixture->map, i, &link);
      g_array_append_val (before, link);
    }

  gtk_adjustment_set_value (left, gtk_adjustment_get_value (left) + 120);
  distance = gtk_adjustment_get_value (left);
  g_assert_cmpfloat (distance, >, 60);

  for (guint i = 0; i < before->len; i++)
    {
      const CcLinkInfo *then = &g_array_index (before, CcLinkInfo, i);
      CcLinkInfo now;

      if (!find_visible (fixture->map, then, &now))
        continue;

      g_assert_cmpfloat_with_epsilon (now.left_top, then->left_top - distance, 0.5);
      g_assert_cmpfloat_with_epsilon (now.left_bottom, then->left_bottom - distance, 0.5);
      g_assert_cmpfloat_with_epsilon (now.right_top, then->right_top, 0.5);
      g_assert_cmpfloat_with_epsilon (now.right_bottom, then->right_bottom, 0.5);
      n_moved++;
    }

  g_assert_cmpuint (n_moved, >, 0);
  assert_shows_what_is_in_sight (fixture, expected);

  /* Down at the end of the left text the connectors are others. */
  gtk_adjustment_set_value (left, gtk_adjustment_get_upper (left));
  assert_shows_what_is_in_sight (fixture, expected);
}

static void
on_activated_cb (CcLinkMap *map,
                 guint      left_start,
                 guint      left_end,
                 guint      right_start,
                 guint      right_end,
                 CcRange   *activated)
{
  activated[0] = (CcRange) { left_start, left_end };
  activated[1] = (CcRange) { right_start, right_end };
}

/* Waits for every connector to show. Returns the last exact quotation's, and sets @lowest to
 * where the lowest connector ends. */
static CcLinkInfo
wait_for_quote (Fixture *fixture,
                double  *lowest)
{
  g_autoptr(GArray) expected = expected_links (fixture->comparison);
  Expectation expectation = { fixture, expected->len };
  CcLinkInfo quote = { 0 };
  guint n_quotes = 0;

  wait_for (shows_n_links, &expectation, "every connector to show");
  run_for (100);

  *lowest = 0;
  for (guint i = 0; i < cc_link_map_get_n_visible_links (fixture->map); i++)
    {
      CcLinkInfo link;

      cc_link_map_get_visible_link (fixture->map, i, &link);
      *lowest = MAX (*lowest, MAX (link.left_bottom, link.right_bottom));
      if (link.kind == CC_LINK_QUOTE_EXACT)
        {
          quote = link;
          n_quotes++;
        }
    }
  g_assert_cmpuint (n_quotes, >, 0);

  return quote;
}

static void
assert_activated (const CcRange     activated[2],
                  const CcLinkInfo *link)
{
  g_assert_cmpuint (activated[0].start, ==, link->a.start);
  g_assert_cmpuint (activated[0].end, ==, link->a.end);
  g_assert_cmpuint (activated[1].start, ==, link->b.start);
  g_assert_cmpuint (activated[1].end, ==, link->b.end);
}

/* A click on a connector names the places it joins; a click beside every connector does
 * nothing. */
static void
test_link_map_activate (Fixture       *fixture,
                        gconstpointer  data)
{
  CcRange activated[2] = { { G_MAXUINT, G_MAXUINT }, { G_MAXUINT, G_MAXUINT } };
  double lowest;
  CcLinkInfo quote = wait_for_quote (fixture, &lowest);

  g_signal_connect (fixture->map, "activated", G_CALLBACK (on_activated_cb), activated);

  /* Quotations are drawn over the diff, so the one clicked near its left end is the one
   * hit there. */
  g_assert_true (cc_link_map_activate_at (fixture->map, 1,
                                          (quote.left_top + quote.left_bottom) / 2));
  assert_activated (activated, &quote);

  /* Right to left, the left text's ends are on the map's right. */
  activated[0] = activated[1] = (CcRange) { G_MAXUINT, G_MAXUINT };
  gtk_widget_set_direction (GTK_WIDGET (fixture->map), GTK_TEXT_DIR_RTL);
  g_assert_true (cc_link_map_activate_at (fixture->map,
                                          gtk_widget_get_width (GTK_WIDGET (fixture->map)) - 1,
                                          (quote.left_top + quote.left_bottom) / 2));
  assert_activated (activated, &quote);
  gtk_widget_set_direction (GTK_WIDGET (fixture->map), GTK_TEXT_DIR_LTR);

  activated[0] = activated[1] = (CcRange) { G_MAXUINT, G_MAXUINT };
  g_assert_false (cc_link_map_activate_at (fixture->map,
                                           gtk_widget_get_width (GTK_WIDGET (fixture->map)) / 2.0,
                                           lowest + 30));
  g_assert_cmpuint (activated[0].start, ==, G_MAXUINT);
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
get_pixel (GdkTexture *texture,
           guchar     *pixels,
           int         x,
           int         y,
           guchar      rgb[3])
{
  gsize stride = gdk_texture_get_width (texture) * 4;
  guint32 pixel;

  /* Downloads are premultiplied ARGB in the machine's byte order. */
  memcpy (&pixel, pixels + y * stride + x * 4, 4);
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

/* What reaches the screen: a quotation's connector tints the map blue where it leaves the
 * left pane, and below the last connector the map is bare. */
static void
test_link_map_draws (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  double lowest;
  CcLinkInfo quote = wait_for_quote (fixture, &lowest);
  guchar tinted[3];
  guchar bare[3];

  texture = render_widget (GTK_WIDGET (fixture->map));
  pixels = g_malloc (gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);
  gdk_texture_download (texture, pixels, gdk_texture_get_width (texture) * 4);

  get_pixel (texture, pixels, 2, (quote.left_top + quote.left_bottom) / 2, tinted);
  get_pixel (texture, pixels, gdk_texture_get_width (texture) / 2, lowest + 30, bare);

  g_assert_cmpuint (tinted[2], >, tinted[0] + 20);
  g_assert_cmpuint (bare[0], ==, bare[2]);
  g_assert_cmpuint (bare[0], ==, bare[1]);
}

/* The application's style gives each kind a colour from libadwaita's, which changes with the
 * dark style. */
static void
test_link_map_dark_style (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWidget *map = GTK_WIDGET (fixture->map);
  GdkRGBA light_deleted;
  GdkRGBA dark_deleted;
  GdkRGBA light_moved;
  GdkRGBA dark_moved;
  GdkRGBA expected;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cc_link_kind_lookup_color (CC_LINK_DELETED, map, &light_deleted);
  cc_link_kind_lookup_color (CC_LINK_MOVED, map, &light_moved);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  cc_link_kind_lookup_color (CC_LINK_DELETED, map, &dark_deleted);
  cc_link_kind_lookup_color (CC_LINK_MOVED, map, &dark_moved);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  /* The comparison view's colours for deleted text. */
  g_assert_true (gdk_rgba_parse (&expected, "#c01c28"));
  g_assert_true (gdk_rgba_equal (&light_deleted, &expected));
  g_assert_true (gdk_rgba_parse (&expected, "#ff7b63"));
  g_assert_true (gdk_rgba_equal (&dark_deleted, &expected));

  /* Moved text is darker on the light background and lighter on the dark one. */
  g_assert_cmpfloat (light_moved.green, <, dark_moved.green);
  g_assert_cmpfloat (light_moved.blue, >, light_moved.green);
  g_assert_cmpfloat (dark_moved.blue, >, dark_moved.green);
}

static void
test_overview_strip_marks (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GArray) expected = expected_links (fixture->comparison);
  CcOverviewStrip *strip = fixture->strips[0];
  guint n_left = 0;
  double previous = 0;
  double top;
  double bottom;

  wait_for (both_scrollable, fixture, "the views to lay out");
  run_for (300);

  for (guint i = 0; i < expected->len; i++)
    n_left += g_array_index (expected, CcLinkInfo, i).a.end >
              g_array_index (expected, CcLinkInfo, i).a.start;

  /* Every span of the left text, in its order, within the strip. */
  g_assert_cmpuint (cc_overview_strip_get_n_marks (strip), ==, n_left);
  for (guint i = 0; i < n_left; i++)
    {
      cc_overview_strip_get_mark (strip, i, &top, &bottom);
      g_assert_cmpfloat (top, >=, previous);
      g_assert_cmpfloat (top, <=, bottom);
      g_assert_cmpfloat (bottom, <=, 1);
      previous = top;
    }

  /* The first change is at the very top, the last near the end. */
  cc_overview_strip_get_mark (strip, 0, &top, &bottom);
  g_assert_cmpfloat (top, <, 0.15);
  cc_overview_strip_get_mark (strip, n_left - 1, &top, &bottom);
  g_assert_cmpfloat (top, >, 0.7);

  /* The right strip marks the right text's spans. */
  cc_overview_strip_set_comparison (fixture->strips[0], fixture->comparison, TRUE);
  g_assert_true (cc_overview_strip_get_right (fixture->strips[0]));
  g_assert_cmpuint (cc_overview_strip_get_n_marks (fixture->strips[0]), ==,
                    cc_overview_strip_get_n_marks (fixture->strips[1]));
  g_assert_cmpuint (cc_overview_strip_get_n_marks (fixture->strips[0]), !=, n_left);

  cc_overview_strip_set_comparison (fixture->strips[0], NULL, FALSE);
  g_assert_cmpuint (cc_overview_strip_get_n_marks (fixture->strips[0]), ==, 0);
}

/* A click at three quarters of the strip's height brings three quarters of the text into the
 * middle of the view. */
static void
test_overview_strip_click (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkAdjustment *adjustment = get_vadjustment (fixture, TRUE);
  GtkWidget *strip = GTK_WIDGET (fixture->strips[1]);
  double middle;

  wait_for (both_scrollable, fixture, "the views to lay out");
  run_for (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  /* Three quarters of the text can come to the middle of the view only if it is more than
   * twice the view's height. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     2 * gtk_adjustment_get_page_size (adjustment));

  cc_overview_strip_scroll_to_y (fixture->strips[1], 0.75 * gtk_widget_get_height (strip));
  middle = (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 2)
           / (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment));
  g_assert_cmpfloat_with_epsilon (middle, 0.75, 0.01);

  /* At the top the view goes to its start. */
  cc_overview_strip_scroll_to_y (fixture->strips[1], 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static void
test_overview_strip_accessible (Fixture       *fixture,
                                gconstpointer  data)
{
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->strips[0])), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (fixture->strips[0])));
  g_assert_true (cc_overview_strip_get_text_view (fixture->strips[0]) == fixture->views[0]);
  g_assert_true (cc_link_map_get_left_text_view (fixture->map) == fixture->views[0]);
  g_assert_true (cc_link_map_get_right_text_view (fixture->map) == fixture->views[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = NULL;

  ui_test_init (&argc, &argv);
  adw_init ();

  /* The application's style sheet, which an AdwApplication would load. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/crosscheck/Crosscheck/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define TALL GINT_TO_POINTER (900)
#define SHORT GINT_TO_POINTER (260)
#define SHORTER GINT_TO_POINTER (180)

  g_test_add ("/ui/link-map/all-links", Fixture, TALL,
              fixture_set_up, test_link_map_all_links, fixture_tear_down);
  g_test_add ("/ui/link-map/moves-cross", Fixture, TALL,
              fixture_set_up, test_link_map_moves_cross, fixture_tear_down);
  g_test_add ("/ui/link-map/scroll", Fixture, SHORT,
              fixture_set_up, test_link_map_scroll, fixture_tear_down);
  g_test_add ("/ui/link-map/activate", Fixture, TALL,
              fixture_set_up, test_link_map_activate, fixture_tear_down);
  g_test_add ("/ui/link-map/draws", Fixture, TALL,
              fixture_set_up, test_link_map_draws, fixture_tear_down);
  g_test_add ("/ui/link-map/dark-style", Fixture, TALL,
              fixture_set_up, test_link_map_dark_style, fixture_tear_down);
  g_test_add ("/ui/overview-strip/marks", Fixture, SHORT,
              fixture_set_up, test_overview_strip_marks, fixture_tear_down);
  g_test_add ("/ui/overview-strip/click", Fixture, SHORTER,
              fixture_set_up, test_overview_strip_click, fixture_tear_down);
  g_test_add ("/ui/overview-strip/accessible", Fixture, TALL,
              fixture_set_up, test_overview_strip_accessible, fixture_tear_down);

  return g_test_run ();
}
