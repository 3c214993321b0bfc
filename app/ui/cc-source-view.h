/* cc-source-view.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-source.h"

G_BEGIN_DECLS

#define CC_TYPE_SOURCE_VIEW (cc_source_view_get_type ())

G_DECLARE_FINAL_TYPE (CcSourceView, cc_source_view, CC, SOURCE_VIEW, GtkWidget)

GtkWidget     *cc_source_view_new        (void);
CcSource      *cc_source_view_get_source (CcSourceView *self);
void           cc_source_view_set_source (CcSourceView *self,
                                          CcSource     *source);
GtkTextBuffer *cc_source_view_get_buffer (CcSourceView *self);

G_END_DECLS
