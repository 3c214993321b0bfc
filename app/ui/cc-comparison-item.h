/* cc-comparison-item.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cc-range.h"

G_BEGIN_DECLS

/**
 * CcComparisonItemKind:
 * @CC_COMPARISON_ITEM_EXACT: a shared quotation, %CC_SHARED_EXACT
 * @CC_COMPARISON_ITEM_PARTIAL: a shared quotation, %CC_SHARED_PARTIAL
 * @CC_COMPARISON_ITEM_VARIANT: a shared quotation, %CC_SHARED_VARIANT
 * @CC_COMPARISON_ITEM_UNQUOTED: a shared quotation, %CC_SHARED_UNQUOTED
 * @CC_COMPARISON_ITEM_PASSAGE: a shared passage
 *
 * The quotation kinds keep the values of #CcSharedQuoteKind, so one casts to the other.
 */
typedef enum
{
  CC_COMPARISON_ITEM_EXACT,
  CC_COMPARISON_ITEM_PARTIAL,
  CC_COMPARISON_ITEM_VARIANT,
  CC_COMPARISON_ITEM_UNQUOTED,
  CC_COMPARISON_ITEM_PASSAGE,
} CcComparisonItemKind;

#define CC_TYPE_COMPARISON_ITEM (cc_comparison_item_get_type ())

G_DECLARE_FINAL_TYPE (CcComparisonItem, cc_comparison_item, CC, COMPARISON_ITEM, GObject)

CcComparisonItem     *cc_comparison_item_new               (CcComparisonItemKind  kind,
                                                            guint                 index,
                                                            const CcRange        *a,
                                                            const CcRange        *b,
                                                            double                score,
                                                            const char           *left_excerpt,
                                                            const char           *right_excerpt,
                                                            guint                 a_paragraph,
                                                            guint                 b_paragraph);
CcComparisonItemKind  cc_comparison_item_get_kind          (CcComparisonItem     *self);
const char           *cc_comparison_item_get_kind_label    (CcComparisonItem     *self);
guint                 cc_comparison_item_get_index         (CcComparisonItem     *self);
const CcRange        *cc_comparison_item_get_a             (CcComparisonItem     *self);
const CcRange        *cc_comparison_item_get_b             (CcComparisonItem     *self);
double                cc_comparison_item_get_score         (CcComparisonItem     *self);
const char           *cc_comparison_item_get_left_excerpt  (CcComparisonItem     *self);
const char           *cc_comparison_item_get_right_excerpt (CcComparisonItem     *self);

G_END_DECLS
