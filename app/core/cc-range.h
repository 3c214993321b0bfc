/* cc-range.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CcRange:
 * @start: first character (Unicode code point offset into the source's text)
 * @end: one past the last character
 *
 * A span of a source's text. Offsets count characters, not bytes, so they mean the same thing in
 * the core, the CLI's JSON and the views.
 */
typedef struct
{
  guint start;
  guint end;
} CcRange;

/**
 * CcMarkupKind:
 * @CC_MARKUP_BLOCKQUOTE: the text came from an HTML `<blockquote>`
 * @CC_MARKUP_Q: the text came from an HTML `<q>`
 *
 * How an imported page marked a quotation, so the quote finder can trust it without looking for
 * quotation marks.
 */
typedef enum
{
  CC_MARKUP_BLOCKQUOTE,
  CC_MARKUP_Q,
} CcMarkupKind;

/**
 * CcMarkedQuote:
 * @range: the quoted text, without any quotation marks
 * @kind: the element that marked it
 */
typedef struct
{
  CcRange      range;
  CcMarkupKind kind;
} CcMarkedQuote;

const char   *cc_markup_kind_to_string   (CcMarkupKind  kind);
gboolean      cc_markup_kind_from_string (const char   *string,
                                          CcMarkupKind *kind);

G_END_DECLS
