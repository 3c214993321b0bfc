/* cc-project.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-comparison-settings.h"
#include "cc-source.h"

G_BEGIN_DECLS

#define CC_TYPE_PROJECT (cc_project_get_type ())

G_DECLARE_FINAL_TYPE (CcProject, cc_project, CC, PROJECT, GObject)

CcProject            *cc_project_new             (void);

const char           *cc_project_get_title       (CcProject  *self);
void                  cc_project_set_title       (CcProject  *self,
                                                  const char *title);
const char           *cc_project_get_description (CcProject  *self);
void                  cc_project_set_description (CcProject  *self,
                                                  const char *description);
CcComparisonSettings *cc_project_get_settings    (CcProject  *self);

GListModel           *cc_project_get_sources     (CcProject  *self);
guint                 cc_project_get_n_sources   (CcProject  *self);
CcSource             *cc_project_get_source      (CcProject  *self,
                                                  guint       position);
const char           *cc_project_add_source      (CcProject  *self,
                                                  CcSource   *source);
void                  cc_project_insert_source   (CcProject  *self,
                                                  guint       position,
                                                  CcSource   *source);
gboolean              cc_project_remove_source   (CcProject  *self,
                                                  CcSource   *source);
void                  cc_project_move_source     (CcProject  *self,
                                                  guint       from,
                                                  guint       to);
CcSource             *cc_project_find_source     (CcProject  *self,
                                                  const char *id);
gboolean              cc_project_find_position   (CcProject  *self,
                                                  CcSource   *source,
                                                  guint      *position);
char                 *cc_project_make_unique_id  (CcProject  *self,
                                                  const char *hint);

gboolean              cc_project_get_modified    (CcProject  *self);
void                  cc_project_set_modified    (CcProject  *self,
                                                  gboolean    modified);
guint64               cc_project_get_generation  (CcProject  *self);

G_END_DECLS
