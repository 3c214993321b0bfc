/* test-preferences-window.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preferences-window"

#include <adwaita.h>

#include "cc-preferences-window.h"
#include "ui-test-util.h"

typedef struct
{
  GSettings           *settings;
  CcProject           *project;
  CcPreferencesWindow *window;
} Fixture;

static const char * const comparison_keys[] = {
  "min-passage-words",
  "max-bridged-words",
  "min-identity",
  "min-quote-words",
  "fold-case",
  "ignore-punctuation",
  "view-font-size",
  "sync-scrolling",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_project = GPOINTER_TO_INT (data);
  CcComparisonSettings *settings;

  /* The memory backend lives as long as the process: each test starts from the schema. */
  fixture->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (comparison_keys); i++)
    g_settings_reset (fixture->settings, comparison_keys[i]);

  if (with_project)
    {
      fixture->project = cc_project_new ();
      settings = cc_project_get_settings (fixture->project);
      cc_comparison_settings_set_min_passage_words (settings, 12);
      cc_comparison_settings_set_max_bridged_words (settings, 5);
      cc_comparison_settings_set_min_identity (settings, 70);
      cc_comparison_settings_set_min_quote_words (settings, 4);
      cc_comparison_settings_set_fold_case (settings, FALSE);
      cc_comparison_settings_set_ignore_punctuation (settings, TRUE);
      cc_project_set_modified (fixture->project, FALSE);
    }

  fixture->window = cc_preferences_window_new (NULL, fixture->project, fixture->settings);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* Nothing may keep the closed window alive: not the project, not the settings. */
  g_assert_null (fixture->window);

  g_clear_object (&fixture->project);
  g_clear_object (&fixture->settings);
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                  CC_TYPE_PREFERENCES_WINDOW, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static int
get_spin (Fixture    *fixture,
          const char *name)
{
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (get_child (fixture, name)));
}

static void
set_spin (Fixture    *fixture,
          const char *name,
          double      value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_child (fixture, name)), value);
}

static gboolean
get_switch (Fixture    *fixture,
            const char *name)
{
  return gtk_switch_get_active (GTK_SWITCH (get_child (fixture, name)));
}

static void
test_shows_project_values (Fixture       *fixture,
                           gconstpointer  data)
{
  g_assert_cmpint (get_spin (fixture, "min_passage_words_spin"), ==, 12);
  g_assert_cmpint (get_spin (fixture, "max_bridged_words_spin"), ==, 5);
  g_assert_cmpint (get_spin (fixture, "min_identity_spin"), ==, 70);
  g_assert_cmpint (get_spin (fixture, "min_quote_words_spin"), ==, 4);
  g_assert_false (get_switch (fixture, "fold_case_switch"));
  g_assert_true (get_switch (fixture, "ignore_punctuation_switch"));
  g_assert_true (gtk_widget_get_visible (get_child (fixture, "defaults_group")));

  /* Showing the values is no change. */
  g_assert_false (cc_project_get_modified (fixture->project));
  g_assert_true (cc_preferences_window_get_project (fixture->window) == fixture->project);
}

static void
test_edits_project (Fixture       *fixture,
                    gconstpointer  data)
{
  CcComparisonSettings *settings = cc_project_get_settings (fixture->project);

  set_spin (fixture, "min_passage_words_spin", 15);
  g_assert_cmpuint (cc_comparison_settings_get_min_passage_words (settings), ==, 15);
  g_assert_true (cc_project_get_modified (fixture->project));

  set_spin (fixture, "max_bridged_words_spin", 0);
  g_assert_cmpuint (cc_comparison_settings_get_max_bridged_words (settings), ==, 0);
  set_spin (fixture, "min_identity_spin", 90);
  g_assert_cmpuint (cc_comparison_settings_get_min_identity (settings), ==, 90);
  set_spin (fixture, "min_quote_words_spin", 6);
  g_assert_cmpuint (cc_comparison_settings_get_min_quote_words (settings), ==, 6);
  gtk_switch_set_active (GTK_SWITCH (get_child (fixture, "fold_case_switch")), TRUE);
  g_assert_true (cc_comparison_settings_get_fold_case (settings));
  gtk_switch_set_active (GTK_SWITCH (get_child (fixture, "ignore_punctuation_switch")), FALSE);
  g_assert_false (cc_comparison_settings_get_ignore_punctuation (settings));

  /* The spin button offers the setting's range, no more. */
  set_spin (fixture, "min_passage_words_spin", 1);
  g_assert_cmpuint (cc_comparison_settings_get_min_passage_words (settings), ==, 2);
  g_assert_cmpint (get_spin (fixture, "min_passage_words_spin"), ==, 2);

  /* And the window follows a change made elsewhere, such as an undo. */
  cc_comparison_settings_set_min_identity (settings, 33);
  g_assert_cmpint (get_spin (fixture, "min_identity_spin"), ==, 33);

  /* The defaults were not touched. */
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "min-passage-words"), ==,
                    CC_DEFAULT_MIN_PASSAGE_WORDS);
}

static void
test_use_as_defaults (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *use_button = get_child (fixture, "use_defaults_button");
  GtkWidget *reset_button = get_child (fixture, "reset_button");

  g_assert_true (gtk_widget_get_sensitive (use_button));
  g_assert_true (gtk_widget_get_sensitive (reset_button));

  set_spin (fixture, "min_quote_words_spin", 7);
  g_signal_emit_by_name (use_button, "clicked");

  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "min-passage-words"), ==, 12);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "max-bridged-words"), ==, 5);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "min-identity"), ==, 70);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "min-quote-words"), ==, 7);
  g_assert_false (g_settings_get_boolean (fixture->settings, "fold-case"));
  g_assert_true (g_settings_get_boolean (fixture->settings, "ignore-punctuation"));

  /* With the project and the defaults alike, neither button has anything to do. */
  g_assert_false (gtk_widget_get_sensitive (use_button));
  g_assert_false (gtk_widget_get_sensitive (reset_button));

  set_spin (fixture, "min_identity_spin", 71);
  g_assert_true (gtk_widget_get_sensitive (use_button));
  g_assert_true (gtk_widget_get_sensitive (reset_button));
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  CcComparisonSettings *settings = cc_project_get_settings (fixture->project);

  g_settings_set_uint (fixture->settings, "min-passage-words", 20);
  g_settings_set_uint (fixture->settings, "min-quote-words", 2);

  g_signal_emit_by_name (get_child (fixture, "reset_button"), "clicked");

  g_assert_cmpuint (cc_comparison_settings_get_min_passage_words (settings), ==, 20);
  g_assert_cmpuint (cc_comparison_settings_get_max_bridged_words (settings), ==,
                    CC_DEFAULT_MAX_BRIDGED_WORDS);
  g_assert_cmpuint (cc_comparison_settings_get_min_identity (settings), ==,
                    CC_DEFAULT_MIN_IDENTITY);
  g_assert_cmpuint (cc_comparison_settings_get_min_quote_words (settings), ==, 2);
  g_assert_true (cc_comparison_settings_get_fold_case (settings));
  g_assert_false (cc_comparison_settings_get_ignore_punctuation (settings));
  g_assert_true (cc_project_get_modified (fixture->project));

  g_assert_cmpint (get_spin (fixture, "min_passage_words_spin"), ==, 20);
  g_assert_cmpint (get_spin (fixture, "min_quote_words_spin"), ==, 2);
  g_assert_true (get_switch (fixture, "fold_case_switch"));
  g_assert_false (get_switch (fixture, "ignore_punctuation_switch"));
  g_assert_false (gtk_widget_get_sensitive (get_child (fixture, "reset_button")));

  /* Reset copied the values; it did not tie the project to later changes of the defaults. */
  g_settings_set_uint (fixture->settings, "min-passage-words", 30);
  g_assert_cmpuint (cc_comparison_settings_get_min_passage_words (settings), ==, 20);
}

static void
test_no_project_edits_defaults (Fixture       *fixture,
                                gconstpointer  data)
{
  g_assert_null (cc_preferences_window_get_project (fixture->window));
  g_assert_false (gtk_widget_get_visible (get_child (fixture, "defaults_group")));

  g_assert_cmpint (get_spin (fixture, "min_passage_words_spin"), ==, CC_DEFAULT_MIN_PASSAGE_WORDS);
  g_assert_cmpint (get_spin (fixture, "max_bridged_words_spin"), ==, CC_DEFAULT_MAX_BRIDGED_WORDS);
  g_assert_cmpint (get_spin (fixture, "min_identity_spin"), ==, CC_DEFAULT_MIN_IDENTITY);
  g_assert_cmpint (get_spin (fixture, "min_quote_words_spin"), ==, CC_DEFAULT_MIN_QUOTE_WORDS);

  set_spin (fixture, "min_passage_words_spin", 14);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "min-passage-words"), ==, 14);
  set_spin (fixture, "max_bridged_words_spin", 3);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "max-bridged-words"), ==, 3);
  set_spin (fixture, "min_identity_spin", 80);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "min-identity"), ==, 80);
  set_spin (fixture, "min_quote_words_spin", 5);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "min-quote-words"), ==, 5);
  gtk_switch_set_active (GTK_SWITCH (get_child (fixture, "fold_case_switch")), FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "fold-case"));
  gtk_switch_set_active (GTK_SWITCH (get_child (fixture, "ignore_punctuation_switch")), TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "ignore-punctuation"));

  g_settings_set_uint (fixture->settings, "min-quote-words", 9);
  g_assert_cmpint (get_spin (fixture, "min_quote_words_spin"), ==, 9);
}

static void
test_view_settings (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (get_child (fixture, "view_font_size_spin"));
  GtkSwitch *sync = GTK_SWITCH (get_child (fixture, "sync_scrolling_switch"));
  double lower, upper;

  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==,
                   g_settings_get_int (fixture->settings, "view-font-size"));

  /* The schema's range, so no size the key would refuse can be chosen. */
  gtk_spin_button_get_range (spin, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 6);
  g_assert_cmpfloat (upper, ==, 48);

  gtk_spin_button_set_value (spin, 14);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "view-font-size"), ==, 14);
  g_settings_set_int (fixture->settings, "view-font-size", 20);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 20);

  g_assert_true (gtk_switch_get_active (sync));
  gtk_switch_set_active (sync, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "sync-scrolling"));
}

static void
test_apply_defaults (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CcComparisonSettings) comparison_settings = cc_comparison_settings_new ();
  g_autoptr(CcComparisonSettings) saved = cc_comparison_settings_new ();

  g_settings_set_uint (settings, "min-passage-words", 8);
  g_settings_set_uint (settings, "max-bridged-words", 11);
  g_settings_set_uint (settings, "min-identity", 60);
  g_settings_set_uint (settings, "min-quote-words", 5);
  g_settings_set_boolean (settings, "fold-case", FALSE);
  g_settings_set_boolean (settings, "ignore-punctuation", TRUE);

  cc_preferences_apply_defaults (comparison_settings, settings);
  g_assert_cmpuint (cc_comparison_settings_get_min_passage_words (comparison_settings), ==, 8);
  g_assert_cmpuint (cc_comparison_settings_get_max_bridged_words (comparison_settings), ==, 11);
  g_assert_cmpuint (cc_comparison_settings_get_min_identity (comparison_settings), ==, 60);
  g_assert_cmpuint (cc_comparison_settings_get_min_quote_words (comparison_settings), ==, 5);
  g_assert_false (cc_comparison_settings_get_fold_case (comparison_settings));
  g_assert_true (cc_comparison_settings_get_ignore_punctuation (comparison_settings));

  for (guint i = 0; i < G_N_ELEMENTS (comparison_keys); i++)
    g_settings_reset (settings, comparison_keys[i]);
  cc_preferences_save_defaults (comparison_settings, settings);
  cc_preferences_apply_defaults (saved, settings);
  g_assert_true (cc_comparison_settings_equal (saved, comparison_settings));

  for (guint i = 0; i < G_N_ELEMENTS (comparison_keys); i++)
    g_settings_reset (settings, comparison_keys[i]);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  adw_init ();

#define ADD(path, func, with_project) \
  g_test_add (path, Fixture, GINT_TO_POINTER (with_project), \
              fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/preferences-window/shows-project-values", test_shows_project_values, TRUE);
  ADD ("/ui/preferences-window/edits-project", test_edits_project, TRUE);
  ADD ("/ui/preferences-window/use-as-defaults", test_use_as_defaults, TRUE);
  ADD ("/ui/preferences-window/reset", test_reset, TRUE);
  ADD ("/ui/preferences-window/no-project-edits-defaults", test_no_project_edits_defaults, FALSE);
  ADD ("/ui/preferences-window/view-settings", test_view_settings, TRUE);

#undef ADD

  g_test_add_func ("/ui/preferences-window/apply-defaults", test_apply_defaults);

  return g_test_run ();
}
