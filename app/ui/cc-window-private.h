/* cc-window-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-comparison-view.h"
#include "cc-source-view.h"
#include "cc-window.h"

G_BEGIN_DECLS

struct _CcWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkButton            *save_button;
  AdwStatusPage        *empty_page;
  GtkPaned             *project_paned;
  GtkListView          *sources_list_view;
  GtkSingleSelection   *sources_selection;
  GtkStack             *source_stack;
  CcSourceView         *source_view;
  GtkToggleButton      *compare_button;
  GtkDropDown          *left_dropdown;
  GtkDropDown          *right_dropdown;
  GtkButton            *swap_button;
  CcComparisonView     *comparison_view;

  /* Owned references */
  GFile                *file;
  CcProject            *project;
  GSignalGroup         *project_signals;

  /* The load in flight, if any: a newer open cancels it and replaces both. */
  GCancellable         *load_cancellable;
  GFile                *loading_file;

  /* The save in flight, if any; Save and Save As wait for it. */
  GCancellable         *save_cancellable;

  /* The window closes once the save in flight, or the Save As chosen, has succeeded. */
  guint                 close_after_save : 1;

  /* The "Save Changes?" question while it is shown, so closing again does not ask twice. */
  GtkWindow            *close_dialog;
};

void     cc_window_class_actions_init   (CcWindowClass *klass);
void     cc_window_actions_update       (CcWindow      *self);
gboolean cc_window_is_empty             (CcWindow      *self);
gboolean cc_window_has_file             (CcWindow      *self,
                                         GFile         *file);
gboolean cc_window_get_saving           (CcWindow      *self);
void     cc_window_save                 (CcWindow      *self);
void     cc_window_save_as              (CcWindow      *self);
void     cc_window_save_to_file         (CcWindow      *self,
                                         GFile         *file);
GFile   *cc_window_dup_file_with_suffix (GFile         *file);
void     cc_window_save_to_chosen_file  (CcWindow      *self,
                                         GFile         *chosen);

G_END_DECLS
