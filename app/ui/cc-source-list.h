/* cc-source-list.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-project.h"

G_BEGIN_DECLS

#define CC_TYPE_SOURCE_LIST (cc_source_list_get_type ())

G_DECLARE_FINAL_TYPE (CcSourceList, cc_source_list, CC, SOURCE_LIST, GtkWidget)

CcSourceList       *cc_source_list_new                 (void);
CcProject          *cc_source_list_get_project         (CcSourceList *self);
void                cc_source_list_set_project         (CcSourceList *self,
                                                        CcProject    *project);
GtkSingleSelection *cc_source_list_get_selection       (CcSourceList *self);
CcSource           *cc_source_list_get_selected_source (CcSourceList *self);
void                cc_source_list_set_selected_source (CcSourceList *self,
                                                        CcSource     *source);

G_END_DECLS
