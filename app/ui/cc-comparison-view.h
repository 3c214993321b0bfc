/* cc-comparison-view.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-comparison.h"
#include "cc-source.h"

G_BEGIN_DECLS

#define CC_TYPE_COMPARISON_VIEW (cc_comparison_view_get_type ())

/*
 * Signals:
 *
 * exclude-range (CcComparisonView *view, gboolean right, guint start, guint end)
 *   The reader chose "Exclude from Comparison" on a selection in one pane: @right is TRUE for
 *   the right source, [@start, @end) counts characters of that source's text as shown. The
 *   view does not change the source; the handler calls cc_source_add_excluded() and compares
 *   again.
 *
 * include-range (CcComparisonView *view, gboolean right, guint start, guint end)
 *   The reader chose "Include in Comparison" with the selection or cursor in excluded text:
 *   [@start, @end) is exactly one of that source's excluded ranges as it was when the
 *   comparison started, once for each range the selection touches. The handler removes it
 *   (cc_source_remove_excluded() with its index) and compares again.
 *
 * Actions (widget actions, with shortcuts that work anywhere in the window while the view is
 * shown): comparison.next-change (Alt+Down, F8), comparison.previous-change (Alt+Up, F7),
 * comparison.next-quote (Alt+Page_Down), comparison.previous-quote (Alt+Page_Up),
 * comparison.find (Ctrl+F), comparison.next-match, comparison.previous-match.
 */

G_DECLARE_FINAL_TYPE (CcComparisonView, cc_comparison_view, CC, COMPARISON_VIEW, GtkWidget)

CcComparisonView *cc_comparison_view_new                (void);
void              cc_comparison_view_set_sources        (CcComparisonView       *self,
                                                         CcSource               *a,
                                                         CcSource               *b,
                                                         const CcCompareOptions *options);
CcComparison     *cc_comparison_view_get_comparison     (CcComparisonView       *self);
gboolean          cc_comparison_view_get_busy           (CcComparisonView       *self);
gboolean          cc_comparison_view_get_lock_scrolling (CcComparisonView       *self);
void              cc_comparison_view_set_lock_scrolling (CcComparisonView       *self,
                                                         gboolean                lock_scrolling);
GtkTextView      *cc_comparison_view_get_text_view      (CcComparisonView       *self,
                                                         gboolean                right);
gboolean          cc_comparison_view_get_show_panel     (CcComparisonView       *self);
void              cc_comparison_view_set_show_panel     (CcComparisonView       *self,
                                                         gboolean                show_panel);

G_END_DECLS
