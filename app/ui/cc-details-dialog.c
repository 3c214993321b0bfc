/* cc-details-dialog.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-details-dialog"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-details-dialog.h"

/*
 * Edits a source's details. Nothing changes until Save, and Save sets only the fields whose
 * text differs from what the source has, so opening the dialog and saving it unchanged leaves
 * the project unmodified. Cancel, Escape and closing the window keep the source as it was.
 */

struct _CcDetailsDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *cancel_button;
  GtkButton     *save_button;
  AdwEntryRow   *title_row;
  AdwEntryRow   *outlet_row;
  AdwEntryRow   *author_row;
  AdwEntryRow   *url_row;
  GtkButton     *open_link_button;
  AdwEntryRow   *published_row;
  GtkMenuButton *calendar_button;
  GtkCalendar   *calendar;
  GtkPopover    *calendar_popover;
  AdwEntryRow   *language_row;
  GtkTextView   *notes_view;
  GtkLabel      *id_label;
  GtkLabel      *filename_label;
  GtkLabel      *encoding_label;
  GtkLabel      *word_count_label;

  CcSource      *source;

  /* Set while the calendar is moved to the entry's date, which is no choice of the user's. */
  guint          syncing_calendar : 1;
};

G_DEFINE_FINAL_TYPE (CcDetailsDialog, cc_details_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef const char *(*GetString) (CcSource   *source);
typedef void        (*SetString) (CcSource   *source,
                                  const char *value);

/* The plain text fields: each row and the source's getter and setter. */
static const struct {
  gsize     row_offset;
  GetString get;
  SetString set;
} string_fields[] = {
  { G_STRUCT_OFFSET (CcDetailsDialog, title_row), cc_source_get_title, cc_source_set_title },
  { G_STRUCT_OFFSET (CcDetailsDialog, outlet_row), cc_source_get_outlet, cc_source_set_outlet },
  { G_STRUCT_OFFSET (CcDetailsDialog, author_row), cc_source_get_author, cc_source_set_author },
  { G_STRUCT_OFFSET (CcDetailsDialog, url_row), cc_source_get_url, cc_source_set_url },
  { G_STRUCT_OFFSET (CcDetailsDialog, language_row), cc_source_get_language,
    cc_source_set_language },
};

#define FIELD_ROW(self, i) \
  (*(GtkEditable **)G_STRUCT_MEMBER_P ((self), string_fields[(i)].row_offset))

/* Whether @text has the shape of @pattern, where 'd' stands for a digit. */
static gboolean
has_shape (const char *text,
           const char *pattern)
{
  for (; *pattern != '\0'; text++, pattern++)
    {
      if (*pattern == 'd' ? !g_ascii_isdigit (*text) : *text != *pattern)
        return FALSE;
    }

  return *text == '\0';
}

static int
parse_digits (const char *text,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (text[i] - '0');

  return value;
}

/* How a date shows in the entry: only as precise as it is. */
static char *
format_published (GDateTime *published)
{
  if (published == NULL)
    return g_strdup ("");

  if (g_date_time_get_hour (published) == 0 && g_date_time_get_minute (published) == 0 &&
      g_date_time_get_second (published) == 0)
    return g_date_time_format (published, "%Y-%m-%d");

  if (g_date_time_get_second (published) == 0)
    return g_date_time_format (published, "%Y-%m-%dT%H:%M");

  return g_date_time_format (published, "%Y-%m-%dT%H:%M:%S");
}

/*
 * Reads what the user typed: YYYY-MM-DD, YYYY-MM-DDTHH:MM (a space for the T too), with
 * seconds, or any ISO 8601 date and time with its offset. A time without an offset is in @zone,
 * the zone the date had, so that editing the day keeps it. Empty is no date.
 */
static gboolean
parse_published (const char  *text,
                 GTimeZone   *zone,
                 GDateTime  **published)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  int hour = 0;
  int minute = 0;
  int second = 0;

  *published = NULL;

  if (copy[0] == '\0')
    return TRUE;

  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';

  if (has_shape (copy, "dddd-dd-dd") || has_shape (copy, "dddd-dd-ddTdd:dd") ||
      has_shape (copy, "dddd-dd-ddTdd:dd:dd"))
    {
      if (copy[10] == 'T')
        {
          hour = parse_digits (copy + 11, 2);
          minute = parse_digits (copy + 14, 2);
          if (copy[16] == ':')
            second = parse_digits (copy + 17, 2);
        }

      /* GDateTime refuses what no calendar has: a 30 February, a 25th hour. */
      *published = g_date_time_new (zone, parse_digits (copy, 4), parse_digits (copy + 5, 2),
                                    parse_digits (copy + 8, 2), hour, minute, second);
      return *published != NULL;
    }

  *published = g_date_time_new_from_iso8601 (copy, zone);
  return *published != NULL;
}

static GTimeZone *
dup_published_zone (CcSource *source)
{
  GDateTime *published = cc_source_get_published (source);

  if (published != NULL)
    return g_time_zone_ref (g_date_time_get_timezone (published));

  return g_time_zone_new_utc ();
}

/* A loose BCP 47 check: a primary language subtag, then subtags of letters and digits. */
static gboolean
is_language_tag (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return copy[0] == '\0' ||
         g_regex_match_simple ("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", copy, 0, 0);
}

static gboolean
is_web_address (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autoptr(GUri) uri = g_uri_parse (copy, G_URI_FLAGS_NONE, NULL);
  const char *scheme;
  const char *host;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && host[0] != '\0';
}

static char *
dup_notes_text (CcDetailsDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* An invalid field turns red and says, on hover, what it takes. */
static void
set_row_valid (AdwEntryRow *row,
               gboolean     valid,
               const char  *hint)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");

  gtk_widget_set_tooltip_text (GTK_WIDGET (row), valid ? NULL : hint);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

/* Save is offered only when every field can be stored as typed. */
static gboolean
cc_details_dialog_validate (CcDetailsDialog *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) published = NULL;
  gboolean published_valid;
  gboolean language_valid;

  if (self->source == NULL)
    return FALSE;

  zone = dup_published_zone (self->source);
  published_valid = parse_published (gtk_editable_get_text (GTK_EDITABLE (self->published_row)),
                                     zone, &published);
  language_valid = is_language_tag (gtk_editable_get_text (GTK_EDITABLE (self->language_row)));

  set_row_valid (self->published_row, published_valid,
                 _("A date as 2026-03-12, or a date and time as 2026-03-12T14:30"));
  set_row_valid (self->language_row, language_valid,
                 _("A language tag such as en, en-GB or de"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), published_valid && language_valid);

  return published_valid && language_valid;
}

static void
cc_details_dialog_load (CcDetailsDialog *self)
{
  g_autofree char *published = NULL;
  g_autofree char *words = NULL;
  const char *notes;

  g_assert (CC_IS_DETAILS_DIALOG (self));
  g_assert (CC_IS_SOURCE (self->source));

  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      const char *value = string_fields[i].get (self->source);

      gtk_editable_set_text (FIELD_ROW (self, i), value != NULL ? value : "");
    }

  published = format_published (cc_source_get_published (self->source));
  gtk_editable_set_text (GTK_EDITABLE (self->published_row), published);

  notes = cc_source_get_notes (self->source);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            notes != NULL ? notes : "", -1);

  gtk_label_set_label (self->id_label, cc_source_get_id (self->source) != NULL
                                         ? cc_source_get_id (self->source)
                                         : _("None"));
  gtk_label_set_label (self->filename_label, cc_source_get_original_filename (self->source) != NULL
                                               ? cc_source_get_original_filename (self->source)
                                               : _("Unknown"));
  gtk_label_set_label (self->encoding_label, cc_source_get_encoding (self->source) != NULL
                                               ? cc_source_get_encoding (self->source)
                                               : _("Unknown"));
  words = g_strdup_printf ("%'u", cc_source_get_word_count (self->source));
  gtk_label_set_label (self->word_count_label, words);

  cc_details_dialog_validate (self);
}

/* Sets each field whose text the user changed, and nothing else. */
static void
cc_details_dialog_apply (CcDetailsDialog *self)
{
  g_autoptr(GTimeZone) zone = dup_published_zone (self->source);
  g_autofree char *shown_published = format_published (cc_source_get_published (self->source));
  g_autofree char *notes = dup_notes_text (self);
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      const char *value = string_fields[i].get (self->source);

      text = gtk_editable_get_text (FIELD_ROW (self, i));
      if (g_strcmp0 (text, value != NULL ? value : "") != 0)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (text));

          string_fields[i].set (self->source, stripped);
        }
    }

  text = gtk_editable_get_text (GTK_EDITABLE (self->published_row));
  if (g_strcmp0 (text, shown_published) != 0)
    {
      g_autoptr(GDateTime) published = NULL;

      if (parse_published (text, zone, &published))
        cc_source_set_published (self->source, published);
    }

  if (g_strcmp0 (notes, cc_source_get_notes (self->source) != NULL
                          ? cc_source_get_notes (self->source)
                          : "") != 0)
    cc_source_set_notes (self->source, notes);
}

static void
on_save_button_clicked_cb (GtkButton       *button,
                           CcDetailsDialog *self)
{
  g_assert (CC_IS_DETAILS_DIALOG (self));

  /* Enter in a field activates Save too, so check again rather than trust the button. */
  if (!cc_details_dialog_validate (self))
    return;

  cc_details_dialog_apply (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_url_row_changed_cb (GtkEditable     *editable,
                       CcDetailsDialog *self)
{
  g_assert (CC_IS_DETAILS_DIALOG (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->open_link_button),
                            is_web_address (gtk_editable_get_text (editable)));
}

static void
on_open_link_button_clicked_cb (GtkButton       *button,
                                CcDetailsDialog *self)
{
  g_autofree char *url = NULL;

  g_assert (CC_IS_DETAILS_DIALOG (self));

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  if (is_web_address (url))
    gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
}

static void
on_published_row_changed_cb (GtkEditable     *editable,
                             CcDetailsDialog *self)
{
  g_assert (CC_IS_DETAILS_DIALOG (self));

  if (self->source != NULL)
    cc_details_dialog_validate (self);
}

static void
on_language_row_changed_cb (GtkEditable     *editable,
                            CcDetailsDialog *self)
{
  g_assert (CC_IS_DETAILS_DIALOG (self));

  if (self->source != NULL)
    cc_details_dialog_validate (self);
}

/* The calendar opens on the date typed, or today when there is none. */
static void
on_calendar_popover_show_cb (GtkPopover      *popover,
                             CcDetailsDialog *self)
{
  g_autoptr(GTimeZone) zone = dup_published_zone (self->source);
  g_autoptr(GDateTime) published = NULL;

  g_assert (CC_IS_DETAILS_DIALOG (self));

  if (!parse_published (gtk_editable_get_text (GTK_EDITABLE (self->published_row)), zone,
                        &published) || published == NULL)
    published = g_date_time_new_now (zone);

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, published);
  self->syncing_calendar = FALSE;
}

static void
on_calendar_day_selected_cb (GtkCalendar     *calendar,
                             CcDetailsDialog *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  const char *current;

  g_assert (CC_IS_DETAILS_DIALOG (self));

  if (self->syncing_calendar)
    return;

  date = gtk_calendar_get_date (calendar);
  day = g_date_time_format (date, "%Y-%m-%d");
  current = gtk_editable_get_text (GTK_EDITABLE (self->published_row));

  /* Choosing another day keeps the time of day that was typed. */
  if (has_shape (current, "dddd-dd-ddTdd:dd") || has_shape (current, "dddd-dd-ddTdd:dd:dd"))
    text = g_strconcat (day, current + 10, NULL);
  else
    text = g_steal_pointer (&day);

  gtk_editable_set_text (GTK_EDITABLE (self->published_row), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
cc_details_dialog_constructed (GObject *object)
{
  CcDetailsDialog *self = (CcDetailsDialog *)object;

  G_OBJECT_CLASS (cc_details_dialog_parent_class)->constructed (object);

  if (self->source != NULL)
    cc_details_dialog_load (self);
}

static void
cc_details_dialog_dispose (GObject *object)
{
  CcDetailsDialog *self = (CcDetailsDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_DETAILS_DIALOG);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (cc_details_dialog_parent_class)->dispose (object);
}

static void
cc_details_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CcDetailsDialog *self = CC_DETAILS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_details_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CcDetailsDialog *self = CC_DETAILS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_details_dialog_class_init (CcDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cc_details_dialog_constructed;
  object_class->dispose = cc_details_dialog_dispose;
  object_class->get_property = cc_details_dialog_get_property;
  object_class->set_property = cc_details_dialog_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", "Source", "The source whose details are edited",
                         CC_TYPE_SOURCE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, outlet_row);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, open_link_button);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, id_label);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, filename_label);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, encoding_label);
  gtk_widget_class_bind_template_child (widget_class, CcDetailsDialog, word_count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_url_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_link_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_published_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);

  /* Escape is Cancel, as in every dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cc_details_dialog_init (CcDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_link_button), FALSE);
}

/**
 * cc_details_dialog_new:
 * @source: the source to edit
 *
 * Returns: (transfer none): a new dialog; set its transient parent and present it
 */
CcDetailsDialog *
cc_details_dialog_new (CcSource *source)
{
  g_return_val_if_fail (CC_IS_SOURCE (source), NULL);

  return g_object_new (CC_TYPE_DETAILS_DIALOG,
                       "source", source,
                       NULL);
}

/**
 * cc_details_dialog_get_source:
 *
 * Returns: (transfer none): the source whose details are edited
 */
CcSource *
cc_details_dialog_get_source (CcDetailsDialog *self)
{
  g_return_val_if_fail (CC_IS_DETAILS_DIALOG (self), NULL);
  return self->source;
}
