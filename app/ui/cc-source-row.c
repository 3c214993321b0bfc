/* cc-source-row.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-source-row"

#include <glib/gi18n.h>

#include "cc-quotes.h"
#include "cc-source-format.h"
#include "cc-source-row.h"

struct _CcSourceRow
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkLabel  *title_label;
  GtkLabel  *details_label;
  GtkLabel  *counts_label;

  CcSource  *source;
};

G_DEFINE_FINAL_TYPE (CcSourceRow, cc_source_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Finding quotations reads the whole text, and the list makes and recycles rows as it scrolls,
 * so the count is kept on the source itself and computed again only once its text or its
 * marked quotations change. */
typedef struct
{
  guint n_quotes;
  guint valid : 1;
} QuoteCount;

static GQuark quote_count_quark;

static void
on_source_quotes_changed_cb (CcSource *source)
{
  QuoteCount *count = g_object_get_qdata (G_OBJECT (source), quote_count_quark);

  if (count != NULL)
    count->valid = FALSE;
}

static guint
count_quotes (CcSource *source)
{
  QuoteCount *count = g_object_get_qdata (G_OBJECT (source), quote_count_quark);
  g_autoptr(CcLexicon) lexicon = NULL;
  g_autoptr(CcQuotes) quotes = NULL;
  g_autoptr(CcText) text = NULL;
  const CcMarkedQuote *marked;
  CcCompareOptions options;
  guint n_marked;
  guint n_found;

  if (count == NULL)
    {
      count = g_new0 (QuoteCount, 1);
      g_object_set_qdata_full (G_OBJECT (source), quote_count_quark, count, g_free);

      /* Connected before any row's handlers, which run after, so rows never read a stale
       * count. */
      g_signal_connect (source, "notify::text",
                        G_CALLBACK (on_source_quotes_changed_cb), NULL);
      g_signal_connect (source, "ranges-changed",
                        G_CALLBACK (on_source_quotes_changed_cb), NULL);
    }

  if (count->valid)
    return count->n_quotes;

  /* Which quotations a text has does not depend on the comparison settings. */
  cc_compare_options_init_default (&options);
  lexicon = cc_lexicon_new ();
  text = cc_text_new_for_source (source, &options, lexicon);
  marked = cc_source_get_marked_quotes (source, &n_marked);
  quotes = cc_quotes_extract (text, marked, n_marked, &options);
  cc_quotes_get (quotes, &n_found);

  /* Counted as the engine counts them, nested ones too, so the list, the overview and the
   * command line give the same number. */
  count->n_quotes = n_found;
  count->valid = TRUE;

  return count->n_quotes;
}

static void
cc_source_row_update (CcSourceRow *self)
{
  g_autofree char *words = NULL;
  g_autofree char *quotations = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *details = NULL;
  const char *title = _("Untitled Source");
  guint n_words = 0;
  guint n_quotes = 0;

  g_assert (CC_IS_SOURCE_ROW (self));

  if (self->source != NULL)
    {
      title = cc_source_format_title (self->source);
      details = cc_source_format_byline (self->source, FALSE);
      n_words = cc_source_get_word_count (self->source);
      n_quotes = count_quotes (self->source);
    }

  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_label_set_label (self->details_label, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details != NULL && details[0] != '\0');

  words = g_strdup_printf (ngettext ("%'u word", "%'u words", n_words), n_words);
  quotations = g_strdup_printf (ngettext ("%'u quotation", "%'u quotations", n_quotes), n_quotes);
  /* Translators: the word count and the quotation count of a source, as in
   * "812 words · 6 quotations" */
  counts = g_strdup_printf (_("%s · %s"), words, quotations);
  gtk_label_set_label (self->counts_label, counts);
}

static void
cc_source_row_dispose (GObject *object)
{
  CcSourceRow *self = (CcSourceRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_SOURCE_ROW);

  /* Children without an id are not the template's to clear. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (cc_source_row_parent_class)->dispose (object);
}

static void
cc_source_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcSourceRow *self = CC_SOURCE_ROW (object);

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
cc_source_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CcSourceRow *self = CC_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      cc_source_row_set_source (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_source_row_class_init (CcSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_source_row_dispose;
  object_class->get_property = cc_source_row_get_property;
  object_class->set_property = cc_source_row_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", "Source", "The source the row describes",
                         CC_TYPE_SOURCE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  quote_count_quark = g_quark_from_static_string ("cc-source-row-quote-count");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CcSourceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CcSourceRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, CcSourceRow, counts_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
cc_source_row_init (CcSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cc_source_row_update (self);
}

GtkWidget *
cc_source_row_new (void)
{
  return g_object_new (CC_TYPE_SOURCE_ROW, NULL);
}

/**
 * cc_source_row_get_source:
 *
 * Returns: (transfer none) (nullable): the source the row describes
 */
CcSource *
cc_source_row_get_source (CcSourceRow *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_ROW (self), NULL);
  return self->source;
}

void
cc_source_row_set_source (CcSourceRow *self,
                          CcSource    *source)
{
  g_return_if_fail (CC_IS_SOURCE_ROW (self));
  g_return_if_fail (source == NULL || CC_IS_SOURCE (source));

  if (self->source == source)
    return;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);

  g_set_object (&self->source, source);

  /* Any change can move the title, the outlet, the date or the counts. After, so that the
   * quotation count has been dropped first when the text changed. */
  if (source != NULL)
    {
      g_signal_connect_object (source, "notify", G_CALLBACK (cc_source_row_update), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (source, "ranges-changed", G_CALLBACK (cc_source_row_update), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  cc_source_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}
