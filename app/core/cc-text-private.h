/* cc-text-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the word diff's line-anchored path, which cuts tokens only where two texts differ and
 * counts the words of the rest.
 */

#pragma once

#include "cc-text.h"

G_BEGIN_DECLS

/**
 * CcTextRange:
 * @byte_start: first byte
 * @byte_end: one past the last byte
 * @start: the character offset of @byte_start
 *
 * A part of a text that starts and ends where no token spans.
 */
typedef struct
{
  gsize byte_start;
  gsize byte_end;
  guint start;
} CcTextRange;

/**
 * CcTextCount:
 * @words: words and numbers outside excluded ranges
 * @matchable: tokens that take part in matching
 * @first_start: the character offset of the first matchable token, or %G_MAXUINT
 * @first_byte: its byte offset from the range's start
 * @first_flags: its #CcTokenFlags, as in the whole text (but for %CC_TOKEN_STOPWORD, which
 *   needs its form)
 */
typedef struct
{
  guint words;
  guint matchable;
  guint first_start;
  guint first_byte;
  guint first_flags;
} CcTextCount;

CcText *cc_text_new_for_ranges (const char             *string,
                                gsize                   n_bytes,
                                guint                   length,
                                const CcTextRange      *ranges,
                                guint                   n_ranges,
                                const CcRange          *excluded,
                                guint                   n_excluded,
                                const CcCompareOptions *options,
                                CcLexicon              *lexicon);
void    cc_text_count_range    (const char             *string,
                                const CcTextRange      *range,
                                const CcRange          *excluded,
                                guint                   n_excluded,
                                const CcCompareOptions *options,
                                gboolean                first_only,
                                CcTextCount            *count);

G_END_DECLS
