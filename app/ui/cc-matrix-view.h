/* cc-matrix-view.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-matrix.h"
#include "cc-project.h"

G_BEGIN_DECLS

#define CC_TYPE_MATRIX_VIEW (cc_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (CcMatrixView, cc_matrix_view, CC, MATRIX_VIEW, GtkWidget)

CcMatrixView *cc_matrix_view_new         (void);
CcProject    *cc_matrix_view_get_project (CcMatrixView *self);
void          cc_matrix_view_set_project (CcMatrixView *self,
                                          CcProject    *project);
CcMatrix     *cc_matrix_view_get_matrix  (CcMatrixView *self);
gboolean      cc_matrix_view_get_busy    (CcMatrixView *self);
CcSource     *cc_matrix_view_get_source  (CcMatrixView *self,
                                          guint         index);

G_END_DECLS
