/* test-details-dialog.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-details-dialog"

#include <adwaita.h>

#include "cc-details-dialog.h"
#include "cc-project-io.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow       *parent;
  CcDetailsDialog *dialog;
  CcProject       *project;
  CcSource        *source;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = ui_test_load_example ();
  fixture->source = cc_project_find_source (fixture->project, "wire-digest");
  g_assert_nonnull (fixture->source);
  g_assert_false (cc_project_get_modified (fixture->project));

  fixture->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (fixture->parent);

  fixture->dialog = cc_details_dialog_new (fixture->source);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *)&fixture->dialog);
  gtk_window_set_transient_for (GTK_WINDOW (fixture->dialog), fixture->parent);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  ui_test_flush_main_loop ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  gtk_window_destroy (fixture->parent);
  ui_test_flush_main_loop ();

  g_assert_null (fixture->dialog);
  g_clear_object (&fixture->project);
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->dialog),
                                                  CC_TYPE_DETAILS_DIALOG, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
get_text (Fixture    *fixture,
          const char *name)
{
  GtkWidget *child = get_child (fixture, name);

  if (GTK_IS_LABEL (child))
    return gtk_label_get_label (GTK_LABEL (child));

  return gtk_editable_get_text (GTK_EDITABLE (child));
}

static void
set_text (Fixture    *fixture,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_child (fixture, name)), text);
}

static char *
dup_notes (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (fixture,
                                                                              "notes_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
click (Fixture    *fixture,
       const char *name)
{
  g_signal_emit_by_name (get_child (fixture, name), "clicked");
  ui_test_flush_main_loop ();
}

static gboolean
save_sensitive (Fixture *fixture)
{
  return gtk_widget_get_sensitive (get_child (fixture, "save_button"));
}

static void
test_details_dialog_fields (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *notes = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Source Details");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));

  g_assert_cmpstr (get_text (fixture, "title_row"), ==,
                   "Leaked emails show water chief knew of Marrowby risk months before boil "
                   "notice");
  g_assert_cmpstr (get_text (fixture, "outlet_row"), ==, "Wire Digest");
  g_assert_cmpstr (get_text (fixture, "author_row"), ==, "Priya Halloran");
  g_assert_cmpstr (get_text (fixture, "url_row"), ==,
                   "https://wire-digest.example/news/2026/03/13/kessel-valley-water-emails");
  g_assert_cmpstr (get_text (fixture, "published_row"), ==, "2026-03-13T15:20");
  g_assert_cmpstr (get_text (fixture, "language_row"), ==, "en-GB");
  notes = dup_notes (fixture);
  g_assert_cmpstr (notes, ==, "");

  g_assert_cmpstr (get_text (fixture, "id_label"), ==, "wire-digest");
  g_assert_cmpstr (get_text (fixture, "filename_label"), ==, "wire-digest.txt");
  g_assert_cmpstr (get_text (fixture, "encoding_label"), ==, "UTF-8");
  g_assert_cmpstr (get_text (fixture, "word_count_label"), ==, "537");

  g_assert_true (save_sensitive (fixture));
  g_assert_true (gtk_widget_get_sensitive (get_child (fixture, "open_link_button")));
}

static void
test_details_dialog_save (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) expected = NULL;
  GtkTextBuffer *notes;
  GDateTime *published;

  set_text (fixture, "title_row", "  Water chief knew of risk  ");
  set_text (fixture, "url_row", "https://example.org/story");
  set_text (fixture, "published_row", "2026-03-20");
  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (fixture, "notes_view")));
  gtk_text_buffer_set_text (notes, "Checked against\nthe wire copy.", -1);

  /* Nothing changes before Save. */
  g_assert_cmpstr (cc_source_get_url (fixture->source), !=, "https://example.org/story");
  g_assert_false (cc_project_get_modified (fixture->project));

  click (fixture, "save_button");
  g_assert_null (fixture->dialog);

  g_assert_cmpstr (cc_source_get_title (fixture->source), ==, "Water chief knew of risk");
  g_assert_cmpstr (cc_source_get_url (fixture->source), ==, "https://example.org/story");
  g_assert_cmpstr (cc_source_get_notes (fixture->source), ==, "Checked against\nthe wire copy.");
  published = cc_source_get_published (fixture->source);
  g_assert_nonnull (published);
  expected = g_date_time_new_utc (2026, 3, 20, 0, 0, 0);
  g_assert_true (g_date_time_equal (published, expected));

  /* The fields left alone keep their values. */
  g_assert_cmpstr (cc_source_get_outlet (fixture->source), ==, "Wire Digest");
  g_assert_cmpstr (cc_source_get_author (fixture->source), ==, "Priya Halloran");
  g_assert_cmpstr (cc_source_get_language (fixture->source), ==, "en-GB");

  g_assert_true (cc_project_get_modified (fixture->project));
}

static void
test_details_dialog_save_time_and_clear (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 3, 14, 9, 5, 0);

  set_text (fixture, "published_row", "2026-03-14T09:05");
  set_text (fixture, "author_row", "");
  click (fixture, "save_button");

  g_assert_true (g_date_time_equal (cc_source_get_published (fixture->source), expected));
  g_assert_null (cc_source_get_author (fixture->source));
  g_assert_nonnull (cc_source_get_outlet (fixture->source));
}

static void
test_details_dialog_save_unchanged (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GDateTime) before = g_date_time_ref (cc_source_get_published (fixture->source));

  click (fixture, "save_button");

  g_assert_null (fixture->dialog);
  g_assert_false (cc_project_get_modified (fixture->project));
  g_assert_true (cc_source_get_published (fixture->source) == before);
}

static void
test_details_dialog_invalid_date (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *row = get_child (fixture, "published_row");
  g_autoptr(GDateTime) before = g_date_time_ref (cc_source_get_published (fixture->source));

  set_text (fixture, "title_row", "Another title");
  set_text (fixture, "published_row", "2026-02-30");
  g_assert_false (save_sensitive (fixture));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row));

  /* Save, however it is reached, stores nothing and keeps the dialog open. */
  click (fixture, "save_button");
  g_assert_nonnull (fixture->dialog);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "default.activate", NULL);
  ui_test_flush_main_loop ();
  g_assert_nonnull (fixture->dialog);
  g_assert_true (cc_source_get_published (fixture->source) == before);
  g_assert_cmpstr (cc_source_get_title (fixture->source), !=, "Another title");
  g_assert_false (cc_project_get_modified (fixture->project));

  set_text (fixture, "published_row", "2026-02-28");
  g_assert_true (save_sensitive (fixture));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (row));

  /* An invalid language blocks Save too. */
  set_text (fixture, "language_row", "e");
  g_assert_false (save_sensitive (fixture));
  g_assert_true (gtk_widget_has_css_class (get_child (fixture, "language_row"), "error"));
  set_text (fixture, "language_row", "de-AT");
  g_assert_true (save_sensitive (fixture));
}

static void
test_details_dialog_cancel (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *title = g_strdup (cc_source_get_title (fixture->source));

  set_text (fixture, "title_row", "Another title");
  set_text (fixture, "outlet_row", "Another outlet");

  click (fixture, "cancel_button");

  g_assert_null (fixture->dialog);
  g_assert_cmpstr (cc_source_get_title (fixture->source), ==, title);
  g_assert_cmpstr (cc_source_get_outlet (fixture->source), ==, "Wire Digest");
  g_assert_false (cc_project_get_modified (fixture->project));
}

static void
test_details_dialog_open_link (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct {
    const char *url;
    gboolean    sensitive;
  } cases[] = {
    { "", FALSE },
    { "   ", FALSE },
    { "ftp://example.org/file", FALSE },
    { "file:///etc/passwd", FALSE },
    { "example.org", FALSE },
    { "https://", FALSE },
    { "http://example.org", TRUE },
    { "https://example.org/a?b=c#d", TRUE },
    { " HTTPS://example.org ", TRUE },
  };
  GtkWidget *button = get_child (fixture, "open_link_button");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("URL “%s”", cases[i].url);
      set_text (fixture, "url_row", cases[i].url);
      g_assert_cmpint (gtk_widget_get_sensitive (button), ==, cases[i].sensitive);
    }
}

static void
test_details_dialog_calendar (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkCalendar *calendar = GTK_CALENDAR (get_child (fixture, "calendar"));
  GtkPopover *popover = GTK_POPOVER (get_child (fixture, "calendar_popover"));
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 4, 2, 0, 0, 0);

  /* The calendar opens on the date typed. */
  gtk_popover_popup (popover);
  ui_test_flush_main_loop ();
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 13);
  g_assert_cmpstr (get_text (fixture, "published_row"), ==, "2026-03-13T15:20");

  /* Choosing a day keeps the time of day typed. */
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (get_text (fixture, "published_row"), ==, "2026-04-02T15:20");
}

typedef struct
{
  const char *text;
  gboolean    valid;
  const char *utc;     /* the date stored, in UTC as ISO 8601; NULL for none */
} DateCase;

static const DateCase date_cases[] = {
  { "2026-03-12", TRUE, "2026-03-12T00:00:00Z" },
  { "2026-03-12T14:30", TRUE, "2026-03-12T14:30:00Z" },
  { "2026-03-12 14:30", TRUE, "2026-03-12T14:30:00Z" },
  { "2026-03-12T14:30:15", TRUE, "2026-03-12T14:30:15Z" },
  { " 2026-03-12 ", TRUE, "2026-03-12T00:00:00Z" },
  { "2026-03-12T14:30:00+01:00", TRUE, "2026-03-12T13:30:00Z" },
  { "", TRUE, NULL },
  { "2026-13-01", FALSE, NULL },
  { "2026-02-29", FALSE, NULL },
  { "2026-03-12T25:00", FALSE, NULL },
  { "12 March 2026", FALSE, NULL },
  { "2026-3-12", FALSE, NULL },
  { "2026-03-12T", FALSE, NULL },
};

static void
test_details_dialog_date_formats (gconstpointer data)
{
  const DateCase *date_case = data;
  Fixture fixture = { 0 };

  fixture_set_up (&fixture, NULL);

  set_text (&fixture, "published_row", date_case->text);
  g_assert_cmpint (save_sensitive (&fixture), ==, date_case->valid);

  click (&fixture, "save_button");
  if (!date_case->valid)
    {
      g_assert_nonnull (fixture.dialog);
      g_assert_false (cc_project_get_modified (fixture.project));
    }
  else if (date_case->utc == NULL)
    {
      g_assert_null (cc_source_get_published (fixture.source));
    }
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (cc_source_get_published (fixture.source));
      g_autofree char *stored = g_date_time_format_iso8601 (utc);

      g_assert_cmpstr (stored, ==, date_case->utc);
    }

  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/ui/details-dialog/fields", Fixture, NULL,
              fixture_set_up, test_details_dialog_fields, fixture_tear_down);
  g_test_add ("/ui/details-dialog/save", Fixture, NULL,
              fixture_set_up, test_details_dialog_save, fixture_tear_down);
  g_test_add ("/ui/details-dialog/save-time-and-clear", Fixture, NULL,
              fixture_set_up, test_details_dialog_save_time_and_clear, fixture_tear_down);
  g_test_add ("/ui/details-dialog/save-unchanged", Fixture, NULL,
              fixture_set_up, test_details_dialog_save_unchanged, fixture_tear_down);
  g_test_add ("/ui/details-dialog/invalid-date", Fixture, NULL,
              fixture_set_up, test_details_dialog_invalid_date, fixture_tear_down);
  g_test_add ("/ui/details-dialog/cancel", Fixture, NULL,
              fixture_set_up, test_details_dialog_cancel, fixture_tear_down);
  g_test_add ("/ui/details-dialog/open-link", Fixture, NULL,
              fixture_set_up, test_details_dialog_open_link, fixture_tear_down);
  g_test_add ("/ui/details-dialog/calendar", Fixture, NULL,
              fixture_set_up, test_details_dialog_calendar, fixture_tear_down);

  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/details-dialog/date-format/%u", i);

      g_test_add_data_func (path, &date_cases[i], test_details_dialog_date_formats);
    }

  return g_test_run ();
}
