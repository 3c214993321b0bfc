/* cc-comparison-view-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-comparison-view.h"

G_BEGIN_DECLS

/* What a click on a pane does, so tests can click without synthesizing pointer events. */
gboolean cc_comparison_view_activate_offset (CcComparisonView *self,
                                             gboolean          right,
                                             guint             offset);

G_END_DECLS
