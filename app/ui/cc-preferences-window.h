/* cc-preferences-window.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-project.h"

G_BEGIN_DECLS

#define CC_TYPE_PREFERENCES_WINDOW (cc_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CcPreferencesWindow, cc_preferences_window, CC, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

CcPreferencesWindow *cc_preferences_window_new         (GtkWindow            *parent,
                                                        CcProject            *project,
                                                        GSettings            *settings);
CcProject           *cc_preferences_window_get_project (CcPreferencesWindow  *self);

void                 cc_preferences_apply_defaults     (CcComparisonSettings *comparison_settings,
                                                        GSettings            *settings);
void                 cc_preferences_save_defaults      (CcComparisonSettings *comparison_settings,
                                                        GSettings            *settings);

G_END_DECLS
