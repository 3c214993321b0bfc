/* cc-comparison-view-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-comparison-panel.h"
#include "cc-comparison-view.h"

G_BEGIN_DECLS

/* What a click on a pane does, so tests can click without synthesizing pointer events. */
gboolean           cc_comparison_view_activate_offset    (CcComparisonView *self,
                                                          gboolean          right,
                                                          guint             offset);
/* What the pane's tooltip shows at @offset, so tests need not hover. */
char              *cc_comparison_view_dup_tooltip_markup (CcComparisonView *self,
                                                          gboolean          right,
                                                          guint             offset);
CcComparisonPanel *cc_comparison_view_get_panel          (CcComparisonView *self);

G_END_DECLS
