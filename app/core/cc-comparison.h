/* cc-comparison.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-diff.h"
#include "cc-passages.h"
#include "cc-quotes.h"
#include "cc-source.h"

G_BEGIN_DECLS

/**
 * CcComparisonStats:
 * @a_words: words (and numbers) in A outside excluded ranges
 * @b_words: the same for B
 * @inserted: words only in B
 * @deleted: words only in A
 * @changed_a: words of A replaced by other words in B
 * @changed_b: the words of B that replaced them
 * @moved: words that stand in both, in another place
 * @coverage_a: share of A's words found in passages shared with B, from 0 to 1
 * @coverage_b: share of B's words found in passages shared with A
 * @passages: shared passages
 * @quotes_a: quotations in A
 * @quotes_b: quotations in B
 * @shared_quotes: shared quotations by #CcSharedQuoteKind
 */
typedef struct
{
  guint  a_words;
  guint  b_words;
  guint  inserted;
  guint  deleted;
  guint  changed_a;
  guint  changed_b;
  guint  moved;
  double coverage_a;
  double coverage_b;
  guint  passages;
  guint  quotes_a;
  guint  quotes_b;
  guint  shared_quotes[CC_SHARED_UNQUOTED + 1];
} CcComparisonStats;

/**
 * CcCompareParts:
 * @CC_COMPARE_DIFF: the word diff
 * @CC_COMPARE_PASSAGES: the shared passages
 * @CC_COMPARE_QUOTES: each source's quotations and the quotations they share
 * @CC_COMPARE_ALL: everything
 *
 * What a comparison works out; the rest is left %NULL and out of the statistics.
 */
typedef enum
{
  CC_COMPARE_DIFF     = 1 << 0,
  CC_COMPARE_PASSAGES = 1 << 1,
  CC_COMPARE_QUOTES   = 1 << 2,
  CC_COMPARE_ALL      = CC_COMPARE_DIFF | CC_COMPARE_PASSAGES | CC_COMPARE_QUOTES,
} CcCompareParts;

/**
 * CcComparison:
 *
 * Everything Crosscheck knows about two sources: the word diff, the shared passages, each
 * source's quotations and the quotations they share, with the statistics. Immutable.
 */
typedef struct _CcComparison CcComparison;

CcComparison            *cc_comparison_new               (CcSource               *a,
                                                          CcSource               *b,
                                                          const CcCompareOptions *options,
                                                          GCancellable           *cancellable);
CcComparison            *cc_comparison_new_parts         (CcSource               *a,
                                                          CcSource               *b,
                                                          const CcCompareOptions *options,
                                                          CcCompareParts          parts,
                                                          GCancellable           *cancellable);
void                     cc_comparison_new_async         (CcSource               *a,
                                                          CcSource               *b,
                                                          const CcCompareOptions *options,
                                                          GCancellable           *cancellable,
                                                          GAsyncReadyCallback     callback,
                                                          gpointer                user_data);
CcComparison            *cc_comparison_new_finish        (GAsyncResult           *result,
                                                          GError                **error);
CcComparison            *cc_comparison_ref               (CcComparison           *self);
void                     cc_comparison_unref             (CcComparison           *self);

CcText                  *cc_comparison_get_text_a        (CcComparison           *self);
CcText                  *cc_comparison_get_text_b        (CcComparison           *self);
CcDiff                  *cc_comparison_get_diff          (CcComparison           *self);
CcPassages              *cc_comparison_get_passages      (CcComparison           *self);
CcQuotes                *cc_comparison_get_quotes_a      (CcComparison           *self);
CcQuotes                *cc_comparison_get_quotes_b      (CcComparison           *self);
CcSharedQuotes          *cc_comparison_get_shared_quotes (CcComparison           *self);
const CcComparisonStats *cc_comparison_get_stats         (CcComparison           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcComparison, cc_comparison_unref)

G_END_DECLS
