/* cc-application.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CC_TYPE_APPLICATION (cc_application_get_type ())

G_DECLARE_FINAL_TYPE (CcApplication, cc_application, CC, APPLICATION, AdwApplication)

typedef struct _CcWindow CcWindow;

CcApplication *cc_application_new          (void);
GSettings     *cc_application_get_settings (CcApplication *self);
CcWindow      *cc_application_find_window  (CcApplication *self,
                                            GFile         *file);
CcWindow      *cc_application_open_file    (CcApplication *self,
                                            GFile         *file,
                                            CcWindow      *reuse);
CcWindow      *cc_application_new_project  (CcApplication *self,
                                            CcWindow      *reuse);

G_END_DECLS
