/* cc-link-map.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-comparison.h"

G_BEGIN_DECLS

#define CC_TYPE_LINK_MAP (cc_link_map_get_type ())

G_DECLARE_FINAL_TYPE (CcLinkMap, cc_link_map, CC, LINK_MAP, GtkWidget)

CcLinkMap    *cc_link_map_new                 (void);
void          cc_link_map_set_text_views      (CcLinkMap    *self,
                                               GtkTextView  *left,
                                               GtkTextView  *right);
GtkTextView  *cc_link_map_get_left_text_view  (CcLinkMap    *self);
GtkTextView  *cc_link_map_get_right_text_view (CcLinkMap    *self);
void          cc_link_map_set_comparison      (CcLinkMap    *self,
                                               CcComparison *comparison);
CcComparison *cc_link_map_get_comparison      (CcLinkMap    *self);

G_END_DECLS
