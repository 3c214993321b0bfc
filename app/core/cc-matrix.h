/* cc-matrix.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-project.h"
#include "cc-text.h"

G_BEGIN_DECLS

/**
 * CcMatrixCell:
 * @coverage: share of the row source's words found in passages it shares with the column
 *   source, from 0 to 1
 * @shared_quotes: quotations of the row source that the column source carries too, quoted or
 *   not
 */
typedef struct
{
  double coverage;
  guint  shared_quotes;
} CcMatrixCell;

/**
 * CcMatrix:
 *
 * Every pair of a project's sources at once, for the overview: how much of each source the
 * other covers, and how many quotations they share. Built from one index of the whole project
 * rather than from a full comparison of each pair.
 */
typedef struct _CcMatrix CcMatrix;

typedef void (*CcMatrixProgress) (double   fraction,
                                  gpointer user_data);

CcMatrix           *cc_matrix_new          (CcProject              *project,
                                            const CcCompareOptions *options,
                                            GCancellable           *cancellable,
                                            CcMatrixProgress        progress,
                                            gpointer                user_data);
void                cc_matrix_new_async    (CcProject              *project,
                                            const CcCompareOptions *options,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
CcMatrix           *cc_matrix_new_finish   (GAsyncResult           *result,
                                            GError                **error);
CcMatrix           *cc_matrix_ref          (CcMatrix               *self);
void                cc_matrix_unref        (CcMatrix               *self);

guint               cc_matrix_get_size     (CcMatrix               *self);
const char         *cc_matrix_get_id       (CcMatrix               *self,
                                            guint                   index);
guint               cc_matrix_get_words    (CcMatrix               *self,
                                            guint                   index);
guint               cc_matrix_get_quotes   (CcMatrix               *self,
                                            guint                   index);
const CcMatrixCell *cc_matrix_get_cell     (CcMatrix               *self,
                                            guint                   row,
                                            guint                   column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcMatrix, cc_matrix_unref)

G_END_DECLS
