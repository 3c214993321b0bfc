/* cc-source-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-source-view"

#include <glib/gi18n.h>

#include "cc-source-format.h"
#include "cc-source-view.h"

struct _CcSourceView
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *byline_label;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;

  CcSource      *source;
};

G_DEFINE_FINAL_TYPE (CcSourceView, cc_source_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cc_source_view_update_header (CcSourceView *self)
{
  g_autofree char *byline = NULL;

  g_assert (CC_IS_SOURCE_VIEW (self));

  if (self->source != NULL)
    byline = cc_source_format_byline (self->source, TRUE);

  gtk_label_set_label (self->title_label,
                       self->source != NULL ? cc_source_format_title (self->source) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), self->source != NULL);
  gtk_label_set_label (self->byline_label, byline != NULL ? byline : "");
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label), byline != NULL && byline[0] != '\0');
}

static void
cc_source_view_update_text (CcSourceView *self)
{
  g_assert (CC_IS_SOURCE_VIEW (self));

  gtk_text_buffer_set_text (self->buffer,
                            self->source != NULL ? cc_source_get_text (self->source) : "",
                            -1);
}

static void
on_source_notify_cb (CcSource     *source,
                     GParamSpec   *pspec,
                     CcSourceView *self)
{
  const char *name = g_param_spec_get_name (pspec);

  g_assert (CC_IS_SOURCE (source));
  g_assert (CC_IS_SOURCE_VIEW (self));

  /* Resetting the buffer loses the reader's place, so only a new text does it. */
  if (g_str_equal (name, "text"))
    cc_source_view_update_text (self);
  else
    cc_source_view_update_header (self);
}

static void
cc_source_view_dispose (GObject *object)
{
  CcSourceView *self = (CcSourceView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_SOURCE_VIEW);

  /* Children without an id are not the template's to clear. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (cc_source_view_parent_class)->dispose (object);
}

static void
cc_source_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CcSourceView *self = CC_SOURCE_VIEW (object);

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
cc_source_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CcSourceView *self = CC_SOURCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      cc_source_view_set_source (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_source_view_class_init (CcSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_source_view_dispose;
  object_class->get_property = cc_source_view_get_property;
  object_class->set_property = cc_source_view_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", "Source", "The source shown",
                         CC_TYPE_SOURCE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-source-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcSourceView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CcSourceView, byline_label);
  gtk_widget_class_bind_template_child (widget_class, CcSourceView, text_view);
  gtk_widget_class_bind_template_child (widget_class, CcSourceView, buffer);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sourceview");
}

static void
cc_source_view_init (CcSourceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cc_source_view_update_header (self);
}

GtkWidget *
cc_source_view_new (void)
{
  return g_object_new (CC_TYPE_SOURCE_VIEW, NULL);
}

/**
 * cc_source_view_get_source:
 *
 * Returns: (transfer none) (nullable): the source shown
 */
CcSource *
cc_source_view_get_source (CcSourceView *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_VIEW (self), NULL);
  return self->source;
}

void
cc_source_view_set_source (CcSourceView *self,
                           CcSource     *source)
{
  GtkAdjustment *vadjustment;
  GtkTextIter start;

  g_return_if_fail (CC_IS_SOURCE_VIEW (self));
  g_return_if_fail (source == NULL || CC_IS_SOURCE (source));

  if (self->source == source)
    return;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);

  g_set_object (&self->source, source);

  if (source != NULL)
    g_signal_connect_object (source, "notify", G_CALLBACK (on_source_notify_cb), self, 0);

  cc_source_view_update_header (self);
  cc_source_view_update_text (self);

  /* A new article starts at its beginning, wherever the last one was scrolled to. */
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  if ((vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view))))
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * cc_source_view_get_buffer:
 *
 * Returns: (transfer none): the buffer holding the source's text, character for character
 */
GtkTextBuffer *
cc_source_view_get_buffer (CcSourceView *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_VIEW (self), NULL);
  return self->buffer;
}
