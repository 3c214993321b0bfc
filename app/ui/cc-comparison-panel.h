/* cc-comparison-panel.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-comparison.h"

G_BEGIN_DECLS

#define CC_TYPE_COMPARISON_PANEL (cc_comparison_panel_get_type ())

G_DECLARE_FINAL_TYPE (CcComparisonPanel, cc_comparison_panel, CC, COMPARISON_PANEL, GtkWidget)

CcComparisonPanel *cc_comparison_panel_new             (void);
CcComparison      *cc_comparison_panel_get_comparison  (CcComparisonPanel *self);
void               cc_comparison_panel_set_comparison  (CcComparisonPanel *self,
                                                        CcComparison      *comparison);
GListModel        *cc_comparison_panel_get_items       (CcComparisonPanel *self);
GtkColumnView     *cc_comparison_panel_get_column_view (CcComparisonPanel *self);

G_END_DECLS
