/* cc-passages.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-text.h"

G_BEGIN_DECLS

/**
 * CcPassage:
 * @a: the passage in A, characters, from its first word to its last
 * @b: the passage in B
 * @a_words: words (and numbers) in @a
 * @b_words: words in @b
 * @matched_words: words that match one to one between the two spans
 * @identity: @matched_words against the longer span's words, from 0 to 1
 *
 * A passage two sources share, wherever it stands in each.
 */
typedef struct
{
  CcRange a;
  CcRange b;
  guint   a_words;
  guint   b_words;
  guint   matched_words;
  double  identity;
} CcPassage;

typedef struct _CcPassages CcPassages;

CcPassages      *cc_passages_find           (CcText                 *a,
                                             CcText                 *b,
                                             const CcCompareOptions *options,
                                             GCancellable           *cancellable);
CcPassages      *cc_passages_ref            (CcPassages             *self);
void             cc_passages_unref          (CcPassages             *self);
const CcPassage *cc_passages_get            (CcPassages             *self,
                                             guint                  *n_passages);
double           cc_passages_get_coverage_a (CcPassages             *self);
double           cc_passages_get_coverage_b (CcPassages             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcPassages, cc_passages_unref)

G_END_DECLS
