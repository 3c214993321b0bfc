/* cc-ui-util.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-ui-util"

#include "cc-ui-util.h"

/* The handlers take the watch as their data, not the owner: an owner may watch two views,
 * and disconnecting by data must drop one watch's handlers only. The owner clears its watches
 * in dispose, so no handler outlives it. */

static void
text_view_watch_changed (CcTextViewWatch *watch,
                         gboolean         relayout)
{
  watch->func (watch->owner, watch, relayout);
}

static void
on_adjustment_value_changed_cb (GtkAdjustment   *adjustment,
                                CcTextViewWatch *watch)
{
  text_view_watch_changed (watch, FALSE);
}

/* The upper bound changes as the view measures its lines, so the lines may have moved. */
static void
on_adjustment_changed_cb (GtkAdjustment   *adjustment,
                          CcTextViewWatch *watch)
{
  text_view_watch_changed (watch, TRUE);
}

static void
on_buffer_changed_cb (GtkTextBuffer   *buffer,
                      CcTextViewWatch *watch)
{
  text_view_watch_changed (watch, TRUE);
}

static void
text_view_watch_set_adjustment (CcTextViewWatch *watch,
                                GtkAdjustment   *adjustment)
{
  if (watch->adjustment == adjustment)
    return;

  if (watch->adjustment != NULL)
    {
      g_signal_handlers_disconnect_by_data (watch->adjustment, watch);
      g_clear_object (&watch->adjustment);
    }

  if (adjustment != NULL)
    {
      watch->adjustment = g_object_ref (adjustment);
      g_signal_connect (adjustment, "value-changed",
                        G_CALLBACK (on_adjustment_value_changed_cb), watch);
      g_signal_connect (adjustment, "changed", G_CALLBACK (on_adjustment_changed_cb), watch);
    }

  text_view_watch_changed (watch, TRUE);
}

static void
text_view_watch_set_buffer (CcTextViewWatch *watch,
                            GtkTextBuffer   *buffer)
{
  if (watch->buffer == buffer)
    return;

  if (watch->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (watch->buffer, watch);
      g_clear_object (&watch->buffer);
    }

  if (buffer != NULL)
    {
      watch->buffer = g_object_ref (buffer);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), watch);
    }

  text_view_watch_changed (watch, TRUE);
}

/* A scrolled window gives its child its adjustments when the child is added, which may be
 * after the owner was told about the view. */
static void
on_text_view_notify_vadjustment_cb (GtkTextView     *view,
                                    GParamSpec      *pspec,
                                    CcTextViewWatch *watch)
{
  text_view_watch_set_adjustment (watch, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
}

static void
on_text_view_notify_buffer_cb (GtkTextView     *view,
                               GParamSpec      *pspec,
                               CcTextViewWatch *watch)
{
  text_view_watch_set_buffer (watch, gtk_text_view_get_buffer (view));
}

/**
 * cc_text_view_watch_init:
 * @watch: a watch, zeroed with its owner's instance
 * @func: called for every change of the view watched
 * @owner: passed to @func
 */
void
cc_text_view_watch_init (CcTextViewWatch     *watch,
                         CcTextViewWatchFunc  func,
                         gpointer             owner)
{
  g_return_if_fail (watch != NULL);
  g_return_if_fail (func != NULL);

  *watch = (CcTextViewWatch) { .func = func, .owner = owner };
}

/**
 * cc_text_view_watch_set_view:
 * @view: (nullable): the view to watch; %NULL in the owner's dispose
 *
 * Watches @view, its vertical adjustment and its buffer, as they are now and as they are
 * replaced. It need not be in a scrolled window yet.
 *
 * Returns: whether the view changed
 */
gboolean
cc_text_view_watch_set_view (CcTextViewWatch *watch,
                             GtkTextView     *view)
{
  g_return_val_if_fail (watch != NULL, FALSE);
  g_return_val_if_fail (view == NULL || GTK_IS_TEXT_VIEW (view), FALSE);

  if (watch->view == view)
    return FALSE;

  if (watch->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (watch->view, watch);
      g_clear_object (&watch->view);
    }

  if (view != NULL)
    {
      watch->view = g_object_ref (view);
      g_signal_connect (view, "notify::vadjustment",
                        G_CALLBACK (on_text_view_notify_vadjustment_cb), watch);
      g_signal_connect (view, "notify::buffer", G_CALLBACK (on_text_view_notify_buffer_cb), watch);
    }

  text_view_watch_set_adjustment (watch,
                                  view != NULL
                                  ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view))
                                  : NULL);
  text_view_watch_set_buffer (watch, view != NULL ? gtk_text_view_get_buffer (view) : NULL);
  text_view_watch_changed (watch, TRUE);

  return TRUE;
}
