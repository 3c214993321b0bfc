/* test-source.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cc-source.h"

typedef struct
{
  const char *text;
  guint       length;
  guint       words;
} CountCase;

static const CountCase count_cases[] = {
  { "", 0, 0 },
  { "   \n\t ", 6, 0 },
  { "One two three.", 14, 3 },
  { "Don\xe2\x80\x99t stop \xe2\x80\x94 it\xe2\x80\x99s well-known", 28, 4 },
  { "Caf\xc3\xa9 cre\xcc\x80me br\xc3\xbbl\xc3\xa9" "e", 18, 3 },
  { "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80", 10, 2 },
  { "\xe6\xb0\xb4\xe9\x81\x93\xe5\xb1\x80", 3, 3 },
  { "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d", 9, 2 },
  { "emoji \xf0\x9f\x98\x80 are not words", 21, 4 },
  { "In 2026, 11,000 homes", 21, 4 },
};

static void
test_counts (gconstpointer data)
{
  const CountCase *count = data;
  g_autoptr(CcSource) source = cc_source_new ();

  cc_source_set_text (source, count->text);
  g_assert_cmpuint (cc_source_get_length (source), ==, count->length);
  g_assert_cmpuint (cc_source_get_word_count (source), ==, count->words);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(CcSource) source = cc_source_new ();
  guint notified = 0;

  g_signal_connect (source, "notify::title", G_CALLBACK (count_notify), &notified);

  cc_source_set_title (source, "Leak");
  cc_source_set_title (source, "Leak");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (cc_source_get_title (source), ==, "Leak");

  /* Empty and unset are the same thing. */
  cc_source_set_title (source, "");
  g_assert_null (cc_source_get_title (source));
  cc_source_set_title (source, NULL);
  g_assert_cmpuint (notified, ==, 2);

  g_object_set (source, "title", "Via property", NULL);
  g_assert_cmpstr (cc_source_get_title (source), ==, "Via property");
  g_assert_cmpuint (notified, ==, 3);
}

static void
test_text_never_null (void)
{
  g_autoptr(CcSource) source = cc_source_new ();

  g_assert_cmpstr (cc_source_get_text (source), ==, "");
  cc_source_set_text (source, "abc");
  cc_source_set_text (source, NULL);
  g_assert_cmpstr (cc_source_get_text (source), ==, "");
}

static void
test_dates (void)
{
  g_autoptr(CcSource) source = cc_source_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 14, 8, 30, 0);
  g_autoptr(GDateTime) same = g_date_time_new_utc (2026, 3, 14, 8, 30, 0);
  g_autoptr(GTimeZone) plus_one = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) same_instant_other_zone = g_date_time_to_timezone (when, plus_one);
  guint notified = 0;

  g_signal_connect (source, "notify::published", G_CALLBACK (count_notify), &notified);
  cc_source_set_published (source, when);
  cc_source_set_published (source, same);
  g_assert_cmpuint (notified, ==, 1);

  /* The zone is part of what the user entered, so it counts as a change. */
  cc_source_set_published (source, same_instant_other_zone);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (g_date_time_get_utc_offset (cc_source_get_published (source)), ==,
                   G_TIME_SPAN_HOUR);

  cc_source_set_published (source, NULL);
  g_assert_null (cc_source_get_published (source));
  g_assert_cmpuint (notified, ==, 3);
}

static void
count_ranges_changed (CcSource *source,
                      guint    *count)
{
  (*count)++;
}

static void
test_excluded_ranges (void)
{
  g_autoptr(CcSource) source = cc_source_new ();
  const CcRange *ranges;
  guint n, changed = 0;

  g_signal_connect (source, "ranges-changed", G_CALLBACK (count_ranges_changed), &changed);
  /* Ten characters, three of them outside ASCII: offsets count characters, not bytes. */
  cc_source_set_text (source, "\xc3\xa9t\xc3\xa9 \xe2\x80\x94 tag");
  g_assert_cmpuint (cc_source_get_length (source), ==, 9);

  g_assert_true (cc_source_add_excluded (source, 6, 9));
  g_assert_true (cc_source_add_excluded (source, 0, 3));
  g_assert_false (cc_source_add_excluded (source, 3, 3));
  g_assert_false (cc_source_add_excluded (source, 5, 4));
  g_assert_false (cc_source_add_excluded (source, 8, 10));
  g_assert_cmpuint (changed, ==, 2);

  ranges = cc_source_get_excluded (source, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (ranges[0].start, ==, 0);
  g_assert_cmpuint (ranges[0].end, ==, 3);
  g_assert_cmpuint (ranges[1].start, ==, 6);

  /* A shorter text drops the ranges it no longer holds. */
  cc_source_set_text (source, "\xc3\xa9t\xc3\xa9 ");
  ranges = cc_source_get_excluded (source, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (ranges[0].end, ==, 3);
  g_assert_cmpuint (changed, ==, 3);

  cc_source_remove_excluded (source, 0);
  cc_source_get_excluded (source, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (changed, ==, 4);
}

static void
test_marked_quotes (void)
{
  g_autoptr(CcSource) source = cc_source_new ();
  const CcMarkedQuote *quotes;
  CcMarkupKind kind;
  guint n;

  cc_source_set_text (source, "He said it cannot wait.");
  g_assert_true (cc_source_add_marked_quote (source, 8, 22, CC_MARKUP_Q));
  g_assert_true (cc_source_add_marked_quote (source, 0, 23, CC_MARKUP_BLOCKQUOTE));
  g_assert_false (cc_source_add_marked_quote (source, 0, 24, CC_MARKUP_Q));

  quotes = cc_source_get_marked_quotes (source, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (quotes[0].kind, ==, CC_MARKUP_BLOCKQUOTE);
  g_assert_cmpint (quotes[1].kind, ==, CC_MARKUP_Q);
  g_assert_cmpuint (quotes[1].range.start, ==, 8);

  g_assert_true (cc_markup_kind_from_string (cc_markup_kind_to_string (CC_MARKUP_Q), &kind));
  g_assert_cmpint (kind, ==, CC_MARKUP_Q);
  g_assert_false (cc_markup_kind_from_string ("cite", &kind));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/source/counts/%u", i);
      g_test_add_data_func (path, &count_cases[i], test_counts);
    }
  g_test_add_func ("/core/source/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/core/source/text-never-null", test_text_never_null);
  g_test_add_func ("/core/source/dates", test_dates);
  g_test_add_func ("/core/source/excluded-ranges", test_excluded_ranges);
  g_test_add_func ("/core/source/marked-quotes", test_marked_quotes);

  return g_test_run ();
}
