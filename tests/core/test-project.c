/* test-project.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cc-project.h"

static CcSource *
source_with (const char *id,
             const char *outlet)
{
  CcSource *source = cc_source_new ();

  cc_source_set_id (source, id);
  cc_source_set_outlet (source, outlet);
  return source;
}

static char *
ids (CcProject *project)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cc_project_get_n_sources (project); i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, cc_source_get_id (cc_project_get_source (project, i)));
    }

  return g_string_free (s, FALSE);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->calls++;
}

static void
test_add_remove_reorder (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcSource) a = source_with ("a", NULL);
  g_autoptr(CcSource) b = source_with ("b", NULL);
  g_autoptr(CcSource) c = source_with ("c", NULL);
  g_autoptr(CcSource) stranger = source_with ("z", NULL);
  ItemsChanged seen = { 0 };
  g_autofree char *order1 = NULL, *order2 = NULL, *order3 = NULL, *order4 = NULL;
  guint position;

  g_signal_connect (cc_project_get_sources (project), "items-changed",
                    G_CALLBACK (on_items_changed), &seen);

  cc_project_add_source (project, a);
  cc_project_add_source (project, c);
  cc_project_insert_source (project, 1, b);
  g_assert_cmpuint (seen.position, ==, 1);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_cmpuint (seen.calls, ==, 3);
  g_assert_cmpstr ((order1 = ids (project)), ==, "a b c");

  cc_project_move_source (project, 0, 2);
  g_assert_cmpstr ((order2 = ids (project)), ==, "b c a");
  cc_project_move_source (project, 2, 0);
  g_assert_cmpstr ((order3 = ids (project)), ==, "a b c");

  g_assert_true (cc_project_find_source (project, "b") == b);
  g_assert_null (cc_project_find_source (project, "nope"));
  g_assert_true (cc_project_find_position (project, c, &position));
  g_assert_cmpuint (position, ==, 2);

  g_assert_true (cc_project_remove_source (project, b));
  g_assert_false (cc_project_remove_source (project, stranger));
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpstr ((order4 = ids (project)), ==, "a c");
  g_assert_null (cc_project_find_source (project, "b"));

  /* Lookups follow a source that is given a new id. */
  cc_source_set_id (a, "renamed");
  g_assert_true (cc_project_find_source (project, "renamed") == a);
  g_assert_null (cc_project_find_source (project, "a"));
  g_assert_cmpuint (cc_project_get_n_sources (project), ==, 2);
}

static void
test_unique_ids (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcSource) first = source_with (NULL, "The Harbour Gazette");
  g_autoptr(CcSource) second = source_with (NULL, "The Harbour Gazette");
  g_autoptr(CcSource) clash = source_with ("the-harbour-gazette", NULL);
  g_autoptr(CcSource) nameless = source_with (NULL, NULL);
  g_autoptr(CcSource) accented = source_with (NULL, "Le Monde Diplomatique \xe2\x80\x94 \xc3\x89t\xc3\xa9");
  g_autofree char *free_id = NULL;

  g_assert_cmpstr (cc_project_add_source (project, first), ==, "the-harbour-gazette");
  g_assert_cmpstr (cc_project_add_source (project, second), ==, "the-harbour-gazette-2");
  g_assert_cmpstr (cc_project_add_source (project, clash), ==, "the-harbour-gazette-3");
  g_assert_cmpstr (cc_project_add_source (project, nameless), ==, "source");
  g_assert_cmpstr (cc_project_add_source (project, accented), ==, "le-monde-diplomatique-ete");

  free_id = cc_project_make_unique_id (project, "???");
  g_assert_cmpstr (free_id, ==, "source-2");
}

static void
test_modified_flag (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcSource) source = source_with ("a", NULL);
  guint64 generation;

  g_assert_false (cc_project_get_modified (project));

  cc_project_set_title (project, "Story");
  g_assert_true (cc_project_get_modified (project));
  cc_project_set_modified (project, FALSE);

  cc_project_add_source (project, source);
  g_assert_true (cc_project_get_modified (project));
  cc_project_set_modified (project, FALSE);

  /* Edits to a source and to the settings count as edits to the project. */
  generation = cc_project_get_generation (project);
  cc_source_set_notes (source, "Check the dateline");
  g_assert_true (cc_project_get_modified (project));
  g_assert_cmpuint (cc_project_get_generation (project), >, generation);
  cc_project_set_modified (project, FALSE);

  cc_source_set_text (source, "Some text");
  cc_project_set_modified (project, FALSE);
  cc_source_add_excluded (source, 0, 4);
  g_assert_true (cc_project_get_modified (project));
  cc_project_set_modified (project, FALSE);

  cc_comparison_settings_set_min_identity (cc_project_get_settings (project), 90);
  g_assert_true (cc_project_get_modified (project));
  cc_project_set_modified (project, FALSE);

  /* A removed source no longer speaks for the project. */
  cc_project_remove_source (project, source);
  cc_project_set_modified (project, FALSE);
  cc_source_set_notes (source, "Gone");
  g_assert_false (cc_project_get_modified (project));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_modified_notifies_once (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  guint notified = 0;

  g_signal_connect (project, "notify::modified", G_CALLBACK (on_notify), &notified);
  cc_project_set_title (project, "A");
  cc_project_set_title (project, "B");
  cc_project_set_description (project, "C");
  g_assert_cmpuint (notified, ==, 1);
  cc_project_set_modified (project, FALSE);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_settings_defaults_and_clamp (void)
{
  g_autoptr(CcComparisonSettings) settings = cc_comparison_settings_new ();
  g_autoptr(CcComparisonSettings) other = cc_comparison_settings_new ();

  g_assert_cmpuint (cc_comparison_settings_get_min_passage_words (settings), ==, 10);
  g_assert_cmpuint (cc_comparison_settings_get_max_bridged_words (settings), ==, 24);
  g_assert_cmpuint (cc_comparison_settings_get_min_identity (settings), ==, 50);
  g_assert_true (cc_comparison_settings_get_fold_case (settings));
  g_assert_false (cc_comparison_settings_get_ignore_punctuation (settings));

  cc_comparison_settings_set_min_identity (settings, 500);
  g_assert_cmpuint (cc_comparison_settings_get_min_identity (settings), ==, 100);
  g_assert_false (cc_comparison_settings_equal (settings, other));
  cc_comparison_settings_copy_from (other, settings);
  g_assert_true (cc_comparison_settings_equal (settings, other));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/project/add-remove-reorder", test_add_remove_reorder);
  g_test_add_func ("/core/project/unique-ids", test_unique_ids);
  g_test_add_func ("/core/project/modified", test_modified_flag);
  g_test_add_func ("/core/project/modified-notifies-once", test_modified_notifies_once);
  g_test_add_func ("/core/project/settings", test_settings_defaults_and_clamp);

  return g_test_run ();
}
