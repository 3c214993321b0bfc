/* cc-link-map-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-link-map.h"

G_BEGIN_DECLS

typedef enum
{
  CC_LINK_DELETED,
  CC_LINK_INSERTED,
  CC_LINK_CHANGED,
  CC_LINK_MOVED,
  CC_LINK_QUOTE_EXACT,
  CC_LINK_QUOTE_PARTIAL,
  CC_LINK_QUOTE_VARIANT,
  CC_LINK_QUOTE_UNQUOTED,
} CcLinkKind;

/**
 * CcLinkSpan:
 * @kind: a #CcLinkKind
 * @a: the span of the left text (characters); empty where the right text has words the left
 *   lacks
 * @b: the span of the right text
 *
 * What one connector joins.
 */
typedef struct
{
  CcLinkKind kind;
  CcRange    a;
  CcRange    b;
} CcLinkSpan;

/* What the link map and the overview strips share: the spans of a comparison and the colours
 * of their kinds. */
GArray  *cc_link_spans_from_comparison   (CcComparison *comparison,
                                          guint        *n_ordered);
void     cc_link_kind_lookup_color       (CcLinkKind    kind,
                                          GtkWidget    *widget,
                                          GdkRGBA      *rgba);

/**
 * CcLinkInfo:
 * @kind: a #CcLinkKind
 * @a: the span of the left text
 * @b: the span of the right text
 * @left_top: where the left span begins, in the link map's coordinates
 * @left_bottom: where it ends; equal to @left_top for an empty span
 * @right_top: the same for the right span
 * @right_bottom: the same for the right span
 *
 * One connector as the link map would draw it now, before its ends are brought to the edges.
 */
typedef struct
{
  CcLinkKind kind;
  CcRange    a;
  CcRange    b;
  double     left_top;
  double     left_bottom;
  double     right_top;
  double     right_bottom;
} CcLinkInfo;

/* What the link map draws, so tests can check it without reading pixels. */
guint    cc_link_map_get_n_visible_links (CcLinkMap  *self);
void     cc_link_map_get_visible_link    (CcLinkMap  *self,
                                          guint       index,
                                          CcLinkInfo *info);
/* What a click does, so tests can click without synthesizing pointer events. */
gboolean cc_link_map_activate_at         (CcLinkMap  *self,
                                          double      x,
                                          double      y);

G_END_DECLS
