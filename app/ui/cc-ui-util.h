/* cc-ui-util.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _CcTextViewWatch CcTextViewWatch;

/**
 * CcTextViewWatchFunc:
 * @owner: the widget that watches
 * @watch: the watch that saw the change
 * @relayout: %TRUE when the view's lines may have moved (a new view, adjustment or buffer,
 *   new bounds, a changed text); %FALSE when the view only scrolled
 */
typedef void (*CcTextViewWatchFunc) (gpointer         owner,
                                     CcTextViewWatch *watch,
                                     gboolean         relayout);

/**
 * CcTextViewWatch:
 * @view: the view watched, or %NULL
 * @adjustment: its vertical adjustment, which it may be given only once in a scrolled window
 * @buffer: its buffer
 *
 * What a widget drawn beside a text view follows of it: the drawing widgets of the
 * comparison keep one in their instance and read the fields; only the functions set them.
 */
struct _CcTextViewWatch
{
  GtkTextView         *view;
  GtkAdjustment       *adjustment;
  GtkTextBuffer       *buffer;

  /*< private >*/
  CcTextViewWatchFunc  func;
  gpointer             owner;
};

void     cc_text_view_watch_init     (CcTextViewWatch     *watch,
                                      CcTextViewWatchFunc  func,
                                      gpointer             owner);
gboolean cc_text_view_watch_set_view (CcTextViewWatch     *watch,
                                      GtkTextView         *view);

G_END_DECLS
