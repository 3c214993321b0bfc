/* cc-window.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-application.h"
#include "cc-project.h"

G_BEGIN_DECLS

#define CC_TYPE_WINDOW (cc_window_get_type ())

G_DECLARE_FINAL_TYPE (CcWindow, cc_window, CC, WINDOW, AdwApplicationWindow)

CcWindow  *cc_window_new         (CcApplication *application);
void       cc_window_open        (CcWindow      *self,
                                  GFile         *file);
void       cc_window_new_project (CcWindow      *self);
GFile     *cc_window_get_file    (CcWindow      *self);
CcProject *cc_window_get_project (CcWindow      *self);
gboolean   cc_window_get_loading (CcWindow      *self);

G_END_DECLS
