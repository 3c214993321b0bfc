/* cc-quotes.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-diff.h"
#include "cc-text.h"

G_BEGIN_DECLS

/**
 * CcQuoteOrigin:
 * @CC_QUOTE_MARKS: found by its quotation marks
 * @CC_QUOTE_BLOCKQUOTE: an HTML <blockquote> of the imported page
 * @CC_QUOTE_Q: an HTML <q> of the imported page
 */
typedef enum
{
  CC_QUOTE_MARKS,
  CC_QUOTE_BLOCKQUOTE,
  CC_QUOTE_Q,
} CcQuoteOrigin;

/**
 * CcQuote:
 * @range: the quoted words, without the marks (characters)
 * @outer: the quotation with its marks
 * @open_mark: the opening mark (0 for HTML markup)
 * @close_mark: the closing mark (0 when none was found and the quotation was closed at the end
 *   of its paragraph)
 * @level: 0 for a quotation in the text, 1 for a quotation inside it, and so on
 * @paragraphs: how many paragraphs it runs over
 * @words: words (and numbers) in @range
 * @origin: a #CcQuoteOrigin
 * @speaker: who said it, as written in the text (characters; empty when no attribution
 *   names anyone)
 */
typedef struct
{
  CcRange       range;
  CcRange       outer;
  gunichar      open_mark;
  gunichar      close_mark;
  guint         level;
  guint         paragraphs;
  guint         words;
  CcQuoteOrigin origin;
  CcRange       speaker;
} CcQuote;

typedef struct _CcQuotes CcQuotes;

CcQuotes      *cc_quotes_extract     (CcText                 *text,
                                      const CcMarkedQuote    *marked,
                                      guint                   n_marked,
                                      const CcCompareOptions *options);
CcQuotes      *cc_quotes_ref         (CcQuotes               *self);
void           cc_quotes_unref       (CcQuotes               *self);
const CcQuote *cc_quotes_get         (CcQuotes               *self,
                                      guint                  *n_quotes);
CcText        *cc_quotes_get_text    (CcQuotes               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcQuotes, cc_quotes_unref)

/**
 * CcSharedQuoteKind:
 * @CC_SHARED_EXACT: the same words after normalization
 * @CC_SHARED_PARTIAL: one quotation is a fragment of the other
 * @CC_SHARED_VARIANT: the same quotation with edits: changed words, elisions, bracketed
 *   insertions
 * @CC_SHARED_UNQUOTED: words quoted in one source that the other uses without quotation marks
 */
typedef enum
{
  CC_SHARED_EXACT,
  CC_SHARED_PARTIAL,
  CC_SHARED_VARIANT,
  CC_SHARED_UNQUOTED,
} CcSharedQuoteKind;

/**
 * CcSharedQuote:
 * @kind: a #CcSharedQuoteKind
 * @score: how sure the match is, from 0 to 1
 * @a: the shared words in A (characters)
 * @b: the shared words in B
 * @a_quote: index of the quotation in A's #CcQuotes, or -1 when A does not quote them
 * @b_quote: index of the quotation in B's #CcQuotes, or -1 when B does not quote them
 * @difference: (element-type CcDiffSpan): for variants, the word-level difference between the
 *   two wordings, over the matchable tokens of @a and @b; otherwise %NULL. The spans count the
 *   compared tokens of @a and @b from 0: words, numbers, elision marks (“…”, "...", "[…]" as
 *   one) and square brackets, not other punctuation;
 *   cc_shared_quotes_get_span_ranges() turns a span into characters
 */
typedef struct
{
  CcSharedQuoteKind kind;
  double            score;
  CcRange           a;
  CcRange           b;
  gint              a_quote;
  gint              b_quote;
  GArray           *difference;
} CcSharedQuote;

typedef struct _CcSharedQuotes CcSharedQuotes;

CcSharedQuotes      *cc_shared_quotes_find  (CcQuotes               *a,
                                             CcQuotes               *b,
                                             const CcCompareOptions *options,
                                             GCancellable           *cancellable);
CcSharedQuotes      *cc_shared_quotes_ref   (CcSharedQuotes         *self);
void                 cc_shared_quotes_unref (CcSharedQuotes         *self);
const CcSharedQuote *cc_shared_quotes_get   (CcSharedQuotes         *self,
                                             guint                  *n_shared);
void                 cc_shared_quotes_get_span_ranges (CcSharedQuotes   *self,
                                                       guint             index,
                                                       const CcDiffSpan *span,
                                                       CcRange          *a,
                                                       CcRange          *b);
const char          *cc_shared_quote_kind_to_string (CcSharedQuoteKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSharedQuotes, cc_shared_quotes_unref)

G_END_DECLS
