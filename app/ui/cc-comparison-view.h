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

G_END_DECLS
