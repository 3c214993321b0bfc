/* cc-overview-strip.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-comparison.h"

G_BEGIN_DECLS

#define CC_TYPE_OVERVIEW_STRIP (cc_overview_strip_get_type ())

G_DECLARE_FINAL_TYPE (CcOverviewStrip, cc_overview_strip, CC, OVERVIEW_STRIP, GtkWidget)

CcOverviewStrip *cc_overview_strip_new            (void);
void             cc_overview_strip_set_text_view  (CcOverviewStrip *self,
                                                   GtkTextView     *text_view);
GtkTextView     *cc_overview_strip_get_text_view  (CcOverviewStrip *self);
void             cc_overview_strip_set_comparison (CcOverviewStrip *self,
                                                   CcComparison    *comparison,
                                                   gboolean         right);
CcComparison    *cc_overview_strip_get_comparison (CcOverviewStrip *self);
gboolean         cc_overview_strip_get_right      (CcOverviewStrip *self);
void             cc_overview_strip_set_right      (CcOverviewStrip *self,
                                                   gboolean         right);

G_END_DECLS
