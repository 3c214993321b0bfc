/* cc-text.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cc-comparison-settings.h"
#include "cc-range.h"
#include "cc-source.h"

G_BEGIN_DECLS

/**
 * CcCompareOptions:
 *
 * The comparison settings as plain values: what the engine reads, so work in other threads
 * never touches a GObject the user may be editing.
 */
typedef struct
{
  guint    min_passage_words;
  guint    max_bridged_words;
  guint    min_identity;
  guint    min_quote_words;
  gboolean fold_case;
  gboolean ignore_punctuation;
} CcCompareOptions;

void cc_compare_options_init_default (CcCompareOptions     *options);
void cc_compare_options_from_settings (CcCompareOptions     *options,
                                       CcComparisonSettings *settings);

typedef enum
{
  CC_TOKEN_WORD,
  CC_TOKEN_NUMBER,
  CC_TOKEN_PUNCTUATION,
  CC_TOKEN_SYMBOL,
} CcTokenKind;

typedef enum
{
  CC_TOKEN_SPACE_BEFORE     = 1 << 0,  /* white space separates it from the token before */
  CC_TOKEN_SENTENCE_START   = 1 << 1,
  CC_TOKEN_PARAGRAPH_START  = 1 << 2,  /* first token of the text or after a blank line */
  CC_TOKEN_EXCLUDED         = 1 << 3,  /* inside a range the user excluded (boilerplate) */
  CC_TOKEN_IGNORED          = 1 << 4,  /* takes no part in matching: excluded, or punctuation
                                          when punctuation is ignored */
  CC_TOKEN_STOPWORD         = 1 << 5,  /* a function word (the, of, and…) */
  CC_TOKEN_LINE_START       = 1 << 6,  /* first token after a line break */
} CcTokenFlags;

/**
 * CcToken:
 * @start: first character (code point offset into the text)
 * @end: one past the last character
 * @byte_start: the same in bytes of the UTF-8 text
 * @byte_end: the same in bytes
 * @form: the comparison form's id in the #CcLexicon: two tokens compare equal exactly when
 *   their forms are equal
 * @kind: a #CcTokenKind
 * @flags: #CcTokenFlags
 */
typedef struct
{
  guint   start;
  guint   end;
  guint   byte_start;
  guint   byte_end;
  guint32 form;
  guint8  kind;
  guint8  flags;
} CcToken;

/**
 * CcLexicon:
 *
 * Interns comparison forms as small integers, so comparing and hashing tokens is integer work.
 * Texts compared with each other must share one lexicon. Safe to use from several threads.
 */
typedef struct _CcLexicon CcLexicon;

CcLexicon   *cc_lexicon_new          (void);
CcLexicon   *cc_lexicon_ref          (CcLexicon   *self);
void         cc_lexicon_unref        (CcLexicon   *self);
guint32      cc_lexicon_intern       (CcLexicon   *self,
                                      const char  *form,
                                      gsize        length);
const char  *cc_lexicon_lookup       (CcLexicon   *self,
                                      guint32      form);
guint        cc_lexicon_get_size     (CcLexicon   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcLexicon, cc_lexicon_unref)

/**
 * CcText:
 *
 * A source's text cut into tokens, each with its comparison form. Immutable once made, so it
 * can be shared between threads.
 */
typedef struct _CcText CcText;

CcText        *cc_text_new               (const char             *text,
                                          gssize                  length,
                                          const CcRange          *excluded,
                                          guint                   n_excluded,
                                          const CcCompareOptions *options,
                                          CcLexicon              *lexicon);
CcText        *cc_text_new_for_source    (CcSource               *source,
                                          const CcCompareOptions *options,
                                          CcLexicon              *lexicon);
CcText        *cc_text_new_for_snapshot  (const CcSourceSnapshot *snapshot,
                                          const CcCompareOptions *options,
                                          CcLexicon              *lexicon);
CcText        *cc_text_ref               (CcText                 *self);
void           cc_text_unref             (CcText                 *self);

const char    *cc_text_get_string        (CcText                 *self,
                                          gsize                  *n_bytes);
guint          cc_text_get_length        (CcText                 *self);
CcLexicon     *cc_text_get_lexicon       (CcText                 *self);
const CcToken *cc_text_get_tokens        (CcText                 *self,
                                          guint                  *n_tokens);
const guint   *cc_text_get_matchable     (CcText                 *self,
                                          guint                  *n_matchable);
guint          cc_text_get_word_count    (CcText                 *self);

gsize          cc_text_char_to_byte      (CcText                 *self,
                                          guint                   offset);
char          *cc_text_dup_span          (CcText                 *self,
                                          guint                   start,
                                          guint                   end);
guint          cc_text_token_at          (CcText                 *self,
                                          guint                   offset);
guint          cc_text_get_n_paragraphs  (CcText                 *self);
guint          cc_text_paragraph_at      (CcText                 *self,
                                          guint                   offset);

guint          cc_text_count_words       (const char             *text,
                                          gsize                   length,
                                          const CcRange          *excluded,
                                          guint                   n_excluded,
                                          guint                   base_offset);

char          *cc_text_fold              (const char             *string,
                                          gssize                  length,
                                          gboolean                fold_case);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcText, cc_text_unref)

G_END_DECLS
