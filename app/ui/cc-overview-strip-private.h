/* cc-overview-strip-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-overview-strip.h"

G_BEGIN_DECLS

/* What the strip shows, so tests can check it without reading pixels: each mark's extent as
 * fractions of the whole text's height, in the text's order. */
guint cc_overview_strip_get_n_marks  (CcOverviewStrip *self);
void  cc_overview_strip_get_mark     (CcOverviewStrip *self,
                                      guint            index,
                                      double          *top,
                                      double          *bottom);
/* What a click at @y does, so tests can click without synthesizing pointer events. */
void  cc_overview_strip_scroll_to_y  (CcOverviewStrip *self,
                                      double           y);

G_END_DECLS
