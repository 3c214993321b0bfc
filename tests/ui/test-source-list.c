/* test-source-list.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-source-list"

#include <adwaita.h>

#include "cc-details-dialog.h"
#include "cc-project-io.h"
#include "cc-source-list-private.h"
#include "cc-source-row.h"
#include "ui-test-util.h"

/* The example project's sources, in order, with what the sidebar says of each. */
static const struct {
  const char *id;
  const char *counts;
} expected_rows[] = {
  { "wire-digest", "537 words · 8 quotations" },
  { "harbour-gazette", "559 words · 7 quotations" },
  { "northern-ledger", "656 words · 11 quotations" },
  { "daily-signal", "549 words · 12 quotations" },
  { "valley-courier", "635 words · 10 quotations" },
};

typedef struct
{
  GtkWindow    *window;
  CcSourceList *list;
  CcProject    *project;

  /* What the list's signals passed, for the tests to check. */
  CcSource     *compared_left;
  CcSource     *compared_right;
  CcSource     *activated;
  AdwToast     *toast;
  guint         n_selection_notifies;
} Fixture;

static void
on_compare_left_cb (CcSourceList *list,
                    CcSource     *source,
                    Fixture      *fixture)
{
  fixture->compared_left = source;
}

static void
on_compare_right_cb (CcSourceList *list,
                     CcSource     *source,
                     Fixture      *fixture)
{
  fixture->compared_right = source;
}

static void
on_source_activated_cb (CcSourceList *list,
                        CcSource     *source,
                        Fixture      *fixture)
{
  fixture->activated = source;
}

static void
on_add_toast_cb (CcSourceList *list,
                 AdwToast     *toast,
                 Fixture      *fixture)
{
  g_set_object (&fixture->toast, toast);
}

static void
on_notify_selected_source_cb (CcSourceList *list,
                              GParamSpec   *pspec,
                              Fixture      *fixture)
{
  fixture->n_selection_notifies++;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (CC_IS_SOURCE_ROW (widget) && cc_source_row_get_source (CC_SOURCE_ROW (widget)) != NULL)
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static CcSourceRow *
find_row (Fixture  *fixture,
          CcSource *source)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (fixture->list), rows);
  for (guint i = 0; i < rows->len; i++)
    if (cc_source_row_get_source (rows->pdata[i]) == source)
      return rows->pdata[i];

  return NULL;
}

static gboolean
list_shows_all_rows (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (fixture->list), rows);
  if (rows->len != cc_project_get_n_sources (fixture->project))
    return FALSE;

  /* Laid out, too: shown where a click would find them. */
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_height (rows->pdata[i]) == 0)
      return FALSE;

  return TRUE;
}

static const char *
row_label (CcSourceRow *row,
           const char  *name)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (row), CC_TYPE_SOURCE_ROW, name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = ui_test_load_example ();
  g_assert_false (cc_project_get_modified (fixture->project));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 900);
  fixture->list = cc_source_list_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  cc_source_list_set_project (fixture->list, fixture->project);

  g_signal_connect (fixture->list, "compare-left", G_CALLBACK (on_compare_left_cb), fixture);
  g_signal_connect (fixture->list, "compare-right", G_CALLBACK (on_compare_right_cb), fixture);
  g_signal_connect (fixture->list, "source-activated",
                    G_CALLBACK (on_source_activated_cb), fixture);
  g_signal_connect (fixture->list, "add-toast", G_CALLBACK (on_add_toast_cb), fixture);
  g_signal_connect (fixture->list, "notify::selected-source",
                    G_CALLBACK (on_notify_selected_source_cb), fixture);

  gtk_window_present (fixture->window);
  wait_for (list_shows_all_rows, fixture, "a row for each source");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->toast);

  /* Nothing else may hold the list once its window is gone. */
  ui_test_destroy_window (fixture->window, (gpointer *)&fixture->list, NULL);

  g_clear_object (&fixture->project);
}

/*
 * Runs what a key press on the focused widget would: the first shortcut bound to the key on
 * the focus widget or one of its ancestors. This is the dispatch GTK does for key bindings,
 * without synthesizing events, which GTK 4.8 cannot do.
 */
static gboolean
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  modifiers)
{
  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (fixture->window));
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = NULL;
              GtkShortcutTrigger *trigger;

              shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }

  return FALSE;
}

static void
focus_source (Fixture  *fixture,
              CcSource *source)
{
  CcSourceRow *row = find_row (fixture, source);

  g_assert_nonnull (row);
  cc_source_list_set_selected_source (fixture->list, source);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row))));
}

static CcSource *
focused_source (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *child;

  g_assert_nonnull (focus);
  child = gtk_widget_get_first_child (focus);
  g_assert_true (CC_IS_SOURCE_ROW (child));
  return cc_source_row_get_source (CC_SOURCE_ROW (child));
}

static void
assert_order (CcProject         *project,
              const char * const *ids)
{
  g_assert_cmpuint (cc_project_get_n_sources (project), ==, g_strv_length ((char **)ids));

  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_cmpstr (cc_source_get_id (cc_project_get_source (project, i)), ==, ids[i]);
}

static void
test_source_list_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  CcSource *source;
  CcSourceRow *row;

  g_assert_cmpuint (cc_project_get_n_sources (fixture->project), ==, G_N_ELEMENTS (expected_rows));

  for (guint i = 0; i < G_N_ELEMENTS (expected_rows); i++)
    {
      source = cc_project_get_source (fixture->project, i);
      g_assert_cmpstr (cc_source_get_id (source), ==, expected_rows[i].id);

      row = find_row (fixture, source);
      g_assert_nonnull (row);
      g_assert_cmpstr (row_label (row, "title_label"), ==, cc_source_get_title (source));
      g_assert_true (g_str_has_prefix (row_label (row, "details_label"),
                                       cc_source_get_outlet (source)));
      g_assert_cmpstr (row_label (row, "counts_label"), ==, expected_rows[i].counts);
    }

  /* The row follows its source: the title, and counts taken anew from a new text. */
  source = cc_project_get_source (fixture->project, 1);
  row = find_row (fixture, source);
  cc_source_set_title (source, "A new title");
  g_assert_cmpstr (row_label (row, "title_label"), ==, "A new title");

  cc_source_set_text (source, "“We will rebuild,” she said. He replied: “Not this year.”");
  g_assert_cmpstr (row_label (row, "counts_label"), ==, "10 words · 2 quotations");

  cc_source_set_text (source, "One word");
  g_assert_cmpstr (row_label (row, "counts_label"), ==, "2 words · 0 quotations");

  /* The selection starts on the first source. */
  g_assert_true (cc_source_list_get_selected_source (fixture->list) ==
                 cc_project_get_source (fixture->project, 0));
  g_assert_true (GTK_IS_SINGLE_SELECTION (cc_source_list_get_selection (fixture->list)));
}

static void
test_source_list_keyboard_selection (Fixture       *fixture,
                                     gconstpointer  data)
{
  CcSource *first = cc_project_get_source (fixture->project, 0);
  CcSource *second = cc_project_get_source (fixture->project, 1);
  CcSource *third = cc_project_get_source (fixture->project, 2);
  CcSource *selected = NULL;
  GtkSingleSelection *selection;

  focus_source (fixture, first);
  fixture->n_selection_notifies = 0;

  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == second);
  g_assert_cmpuint (fixture->n_selection_notifies, ==, 1);
  g_object_get (fixture->list, "selected-source", &selected, NULL);
  g_assert_true (selected == second);
  g_clear_object (&selected);

  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == third);
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == second);
  g_assert_true (focused_source (fixture) == second);

  /* Enter activates the row. */
  g_assert_null (fixture->activated);
  g_assert_true (press_key (fixture, GDK_KEY_Return, 0));
  g_assert_true (fixture->activated == second);

  /* Selecting from outside notifies too. */
  cc_source_list_set_selected_source (fixture->list, first);
  selection = cc_source_list_get_selection (fixture->list);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == first);
  g_assert_cmpuint (fixture->n_selection_notifies, ==, 4);
}

static void
test_source_list_compare (Fixture       *fixture,
                          gconstpointer  data)
{
  CcSource *left = cc_project_get_source (fixture->project, 3);
  CcSource *right = cc_project_get_source (fixture->project, 1);

  cc_source_list_set_selected_source (fixture->list, left);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list),
                                             "source.compare-left", NULL));
  g_assert_true (fixture->compared_left == left);
  g_assert_null (fixture->compared_right);

  cc_source_list_set_selected_source (fixture->list, right);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list),
                                             "source.compare-right", NULL));
  g_assert_true (fixture->compared_right == right);
  g_assert_true (fixture->compared_left == left);

  /* Comparing changes nothing in the project. */
  g_assert_false (cc_project_get_modified (fixture->project));
}

static void
test_source_list_context_menu (Fixture       *fixture,
                               gconstpointer  data)
{
  CcSource *third = cc_project_get_source (fixture->project, 2);
  CcSource *fourth = cc_project_get_source (fixture->project, 3);
  GtkWidget *menu = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->list),
                                                               CC_TYPE_SOURCE_LIST,
                                                               "context_menu"));
  CcSourceRow *row;
  GdkRectangle pointing_to;
  graphene_rect_t bounds;

  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  g_assert_false (gtk_widget_get_visible (menu));

  /* The Menu key opens the menu of the focused row, next to it. */
  focus_source (fixture, third);
  g_assert_true (press_key (fixture, GDK_KEY_Menu, 0));
  g_assert_true (gtk_widget_get_visible (menu));
  row = find_row (fixture, third);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (fixture->list), &bounds));
  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (menu), &pointing_to));
  g_assert_cmpint (pointing_to.y, >=, (int)bounds.origin.y);
  g_assert_cmpint (pointing_to.y, <, (int)(bounds.origin.y + bounds.size.height));
  gtk_popover_popdown (GTK_POPOVER (menu));
  ui_test_flush_main_loop ();

  /* Shift+F10 too; the row focused, rather than the one selected, is the one it is for. */
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (find_row (fixture, fourth))));
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == third);
  g_assert_true (press_key (fixture, GDK_KEY_F10, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_get_visible (menu));
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == fourth);

  /* Its items act on that source. */
  g_assert_true (gtk_widget_activate_action (menu, "source.compare-right", NULL));
  g_assert_true (fixture->compared_right == fourth);
  gtk_popover_popdown (GTK_POPOVER (menu));
}

static void
test_source_list_edit_details (Fixture       *fixture,
                               gconstpointer  data)
{
  CcSource *source = cc_project_get_source (fixture->project, 2);
  g_autoptr(GList) toplevels = NULL;
  CcDetailsDialog *dialog = NULL;

  cc_source_list_set_selected_source (fixture->list, source);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list),
                                             "source.edit-details", NULL));

  toplevels = gtk_window_list_toplevels ();
  for (const GList *iter = toplevels; iter != NULL; iter = iter->next)
    if (CC_IS_DETAILS_DIALOG (iter->data))
      dialog = iter->data;

  g_assert_nonnull (dialog);
  g_assert_true (cc_details_dialog_get_source (dialog) == source);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_source_list_remove_and_undo (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char * const without[] = {
    "wire-digest", "harbour-gazette", "daily-signal", "valley-courier", NULL
  };
  static const char * const all[] = {
    "wire-digest", "harbour-gazette", "northern-ledger", "daily-signal", "valley-courier", NULL
  };
  g_autoptr(CcSource) source = g_object_ref (cc_project_get_source (fixture->project, 2));

  /* The toast's title is markup: the title must come through as written. */
  cc_source_set_title (source, "Fish & <Chips>");
  cc_project_set_modified (fixture->project, FALSE);

  focus_source (fixture, source);
  g_assert_true (press_key (fixture, GDK_KEY_Delete, 0));

  assert_order (fixture->project, without);
  g_assert_null (cc_project_find_source (fixture->project, "northern-ledger"));
  g_assert_true (cc_project_get_modified (fixture->project));
  g_assert_true (cc_source_list_get_selected_source (fixture->list) != source);
  g_assert_null (find_row (fixture, source));

  g_assert_nonnull (fixture->toast);
  g_assert_cmpstr (adw_toast_get_title (fixture->toast), ==,
                   "“Fish &amp; &lt;Chips&gt;” removed");
  g_assert_cmpstr (adw_toast_get_button_label (fixture->toast), ==, "_Undo");

  /* Undo puts the same source back where it was, under the same id, selected. */
  g_signal_emit_by_name (fixture->toast, "button-clicked");
  assert_order (fixture->project, all);
  g_assert_true (cc_project_find_source (fixture->project, "northern-ledger") == source);
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == source);
  wait_for (list_shows_all_rows, fixture, "the row to come back");
  g_assert_nonnull (find_row (fixture, source));

  /* A second click has nothing left to undo. */
  g_signal_emit_by_name (fixture->toast, "button-clicked");
  assert_order (fixture->project, all);
}

static void
test_source_list_drop (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const after_third[] = {
    "harbour-gazette", "northern-ledger", "wire-digest", "daily-signal", "valley-courier", NULL
  };
  static const char * const before_first[] = {
    "valley-courier", "harbour-gazette", "northern-ledger", "wire-digest", "daily-signal", NULL
  };
  static const char * const at_end[] = {
    "harbour-gazette", "northern-ledger", "wire-digest", "daily-signal", "valley-courier", NULL
  };
  CcSource *wire = cc_project_find_source (fixture->project, "wire-digest");
  CcSource *ledger = cc_project_find_source (fixture->project, "northern-ledger");
  CcSource *gazette = cc_project_find_source (fixture->project, "harbour-gazette");
  CcSource *courier = cc_project_find_source (fixture->project, "valley-courier");
  CcSource *signal = cc_project_find_source (fixture->project, "daily-signal");
  g_autoptr(CcSource) stranger = cc_source_new ();

  /* Dropped on itself, or next to where it is, nothing moves. */
  g_assert_false (cc_source_list_drop_source (fixture->list, wire, wire, TRUE));
  g_assert_false (cc_source_list_drop_source (fixture->list, wire, gazette, FALSE));
  g_assert_false (cc_project_get_modified (fixture->project));

  /* Only the project's own sources are moved. */
  g_assert_false (cc_source_list_drop_source (fixture->list, stranger, gazette, FALSE));
  g_assert_false (cc_project_get_modified (fixture->project));

  g_assert_true (cc_source_list_drop_source (fixture->list, wire, ledger, TRUE));
  assert_order (fixture->project, after_third);
  g_assert_true (cc_project_get_modified (fixture->project));
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == wire);

  g_assert_true (cc_source_list_drop_source (fixture->list, courier, gazette, FALSE));
  assert_order (fixture->project, before_first);
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == courier);

  g_assert_true (cc_source_list_drop_source (fixture->list, courier, signal, TRUE));
  assert_order (fixture->project, at_end);

  /* The rows follow the model. */
  wait_for (list_shows_all_rows, fixture, "the rows");
  g_assert_cmpstr (row_label (find_row (fixture, courier), "title_label"), ==,
                   cc_source_get_title (courier));
}

static void
test_source_list_keyboard_move (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char * const moved_down[] = {
    "wire-digest", "northern-ledger", "harbour-gazette", "daily-signal", "valley-courier", NULL
  };
  static const char * const moved_to_top[] = {
    "harbour-gazette", "wire-digest", "northern-ledger", "daily-signal", "valley-courier", NULL
  };
  CcSource *gazette = cc_project_find_source (fixture->project, "harbour-gazette");

  focus_source (fixture, gazette);

  g_assert_true (press_key (fixture, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK));
  assert_order (fixture->project, moved_down);
  g_assert_true (cc_project_get_modified (fixture->project));
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == gazette);

  /* The moved row keeps the focus, so the keys go on moving it. */
  ui_test_flush_main_loop ();
  g_assert_true (focused_source (fixture) == gazette);
  g_assert_true (press_key (fixture, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK));
  g_assert_true (press_key (fixture, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK));
  assert_order (fixture->project, moved_to_top);
  g_assert_true (cc_source_list_get_selected_source (fixture->list) == gazette);

  /* The first source cannot go higher. */
  cc_project_set_modified (fixture->project, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "source.move-up", NULL);
  assert_order (fixture->project, moved_to_top);
  g_assert_false (cc_project_get_modified (fixture->project));

  /* The same through the action, as the menu does it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "source.move-down", NULL));
  g_assert_true (cc_project_get_source (fixture->project, 1) == gazette);
}

static void
test_source_list_no_project (Fixture       *fixture,
                             gconstpointer  data)
{
  cc_source_list_set_project (fixture->list, NULL);
  ui_test_flush_main_loop ();

  g_assert_null (cc_source_list_get_selected_source (fixture->list));
  g_assert_null (find_row (fixture, cc_project_get_source (fixture->project, 0)));

  /* Nothing to act on: the actions do nothing rather than fail. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "source.remove", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "source.compare-left", NULL);
  g_assert_null (fixture->compared_left);
  g_assert_cmpuint (cc_project_get_n_sources (fixture->project), ==, 5);

  cc_source_list_set_project (fixture->list, fixture->project);
  wait_for (list_shows_all_rows, fixture, "the rows");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/ui/source-list/rows", Fixture, NULL,
              fixture_set_up, test_source_list_rows, fixture_tear_down);
  g_test_add ("/ui/source-list/keyboard-selection", Fixture, NULL,
              fixture_set_up, test_source_list_keyboard_selection, fixture_tear_down);
  g_test_add ("/ui/source-list/compare", Fixture, NULL,
              fixture_set_up, test_source_list_compare, fixture_tear_down);
  g_test_add ("/ui/source-list/context-menu", Fixture, NULL,
              fixture_set_up, test_source_list_context_menu, fixture_tear_down);
  g_test_add ("/ui/source-list/edit-details", Fixture, NULL,
              fixture_set_up, test_source_list_edit_details, fixture_tear_down);
  g_test_add ("/ui/source-list/remove-and-undo", Fixture, NULL,
              fixture_set_up, test_source_list_remove_and_undo, fixture_tear_down);
  g_test_add ("/ui/source-list/drop", Fixture, NULL,
              fixture_set_up, test_source_list_drop, fixture_tear_down);
  g_test_add ("/ui/source-list/keyboard-move", Fixture, NULL,
              fixture_set_up, test_source_list_keyboard_move, fixture_tear_down);
  g_test_add ("/ui/source-list/no-project", Fixture, NULL,
              fixture_set_up, test_source_list_no_project, fixture_tear_down);

  return g_test_run ();
}
