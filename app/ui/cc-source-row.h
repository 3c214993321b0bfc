/* cc-source-row.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-source.h"

G_BEGIN_DECLS

#define CC_TYPE_SOURCE_ROW (cc_source_row_get_type ())

G_DECLARE_FINAL_TYPE (CcSourceRow, cc_source_row, CC, SOURCE_ROW, GtkWidget)

GtkWidget *cc_source_row_new        (void);
CcSource  *cc_source_row_get_source (CcSourceRow *self);
void       cc_source_row_set_source (CcSourceRow *self,
                                     CcSource    *source);

G_END_DECLS
