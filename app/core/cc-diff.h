/* cc-diff.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-text.h"

G_BEGIN_DECLS

/**
 * CcDiffKind:
 * @CC_DIFF_EQUAL: the same words in A and B
 * @CC_DIFF_DELETE: words only in A
 * @CC_DIFF_INSERT: words only in B
 * @CC_DIFF_CHANGE: A's words replaced by B's
 * @CC_DIFF_MOVE_FROM: words of A that stand elsewhere in B (the op's @partner is the
 *   %CC_DIFF_MOVE_TO where they went); empty B span
 * @CC_DIFF_MOVE_TO: words of B that came from elsewhere in A; empty A span
 */
typedef enum
{
  CC_DIFF_EQUAL,
  CC_DIFF_DELETE,
  CC_DIFF_INSERT,
  CC_DIFF_CHANGE,
  CC_DIFF_MOVE_FROM,
  CC_DIFF_MOVE_TO,
} CcDiffKind;

/**
 * CcDiffOp:
 * @kind: a #CcDiffKind
 * @a: characters of A (empty for insertions and %CC_DIFF_MOVE_TO)
 * @b: characters of B (empty for deletions and %CC_DIFF_MOVE_FROM)
 * @a_words: words (and numbers) in @a
 * @b_words: words (and numbers) in @b
 * @partner: for moves, the index of the other half of the move; otherwise -1
 *
 * One operation of a word diff. The operations in order cover both texts: their A spans,
 * concatenated, are exactly A, and their B spans exactly B, white space and excluded text
 * included.
 */
typedef struct
{
  CcDiffKind kind;
  CcRange    a;
  CcRange    b;
  guint      a_words;
  guint      b_words;
  gint       partner;
} CcDiffOp;

typedef struct _CcDiff CcDiff;

CcDiff         *cc_diff_new        (CcText                 *a,
                                    CcText                 *b,
                                    const CcCompareOptions *options,
                                    GCancellable           *cancellable);
CcDiff         *cc_diff_new_for_strings (const char             *a,
                                         gssize                  a_length,
                                         const CcRange          *a_excluded,
                                         guint                   n_a_excluded,
                                         const char             *b,
                                         gssize                  b_length,
                                         const CcRange          *b_excluded,
                                         guint                   n_b_excluded,
                                         const CcCompareOptions *options,
                                         GCancellable           *cancellable);
CcDiff         *cc_diff_ref        (CcDiff                 *self);
void            cc_diff_unref      (CcDiff                 *self);
const CcDiffOp *cc_diff_get_ops    (CcDiff                 *self,
                                    guint                  *n_ops);
gboolean        cc_diff_is_coarse  (CcDiff                 *self);
const char     *cc_diff_kind_to_string (CcDiffKind          kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcDiff, cc_diff_unref)

/**
 * CcDiffSpan:
 *
 * One step of an alignment of two sequences: items [a_start, a_end) of the first against
 * [b_start, b_end) of the second. @kind is %CC_DIFF_EQUAL, %CC_DIFF_DELETE, %CC_DIFF_INSERT or
 * %CC_DIFF_CHANGE.
 */
typedef struct
{
  CcDiffKind kind;
  guint      a_start;
  guint      a_end;
  guint      b_start;
  guint      b_end;
} CcDiffSpan;

GArray         *cc_diff_sequences  (const guint32          *a,
                                    guint                   n_a,
                                    const guint32          *b,
                                    guint                   n_b);

G_END_DECLS
