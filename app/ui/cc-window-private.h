/* cc-window-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-comparison-view.h"
#include "cc-drafts.h"
#include "cc-import-dialog.h"
#include "cc-matrix-view.h"
#include "cc-print-operation.h"
#include "cc-report-dialog.h"
#include "cc-source-list.h"
#include "cc-source-view.h"
#include "cc-window.h"

G_BEGIN_DECLS

struct _CcWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *drop_hint;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkButton            *save_button;
  AdwStatusPage        *empty_page;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  GMenu                *open_section;
  GtkPaned             *project_paned;
  CcSourceList         *source_list;
  GtkStack             *source_stack;
  CcSourceView         *source_view;
  GtkToggleButton      *compare_button;
  GtkToggleButton      *overview_button;
  CcMatrixView         *matrix_view;
  GtkDropDown          *left_dropdown;
  GtkDropDown          *right_dropdown;
  GtkButton            *swap_button;
  CcComparisonView     *comparison_view;
  GtkDropTarget        *drop_target;

  /* The source list's selection, not the window's own. */
  GtkSingleSelection   *sources_selection;

  /* Owned references */
  GFile                *file;
  CcProject            *project;
  GSignalGroup         *project_signals;
  GSignalGroup         *settings_signals;

  /* The load in flight, if any: a newer open cancels it and replaces both. */
  GCancellable         *load_cancellable;
  GFile                *loading_file;

  /* The save in flight, if any; Save and Save As wait for it. */
  GCancellable         *save_cancellable;

  /* The window closes once the save in flight, or the Save As chosen, has succeeded. */
  guint                 close_after_save : 1;

  /* The "Save Changes?" question while it is shown, so closing again does not ask twice. */
  GtkWindow            *close_dialog;

  /* Sources imported while the project they go to is still loading. */
  GPtrArray            *pending_sources;

  /* The recent projects being checked for existence, if any. */
  GCancellable         *recent_cancellable;

  /* Unsaved changes are kept as a draft under this id, so a crash loses a few seconds of
   * work at most. One write or removal runs at a time; the timeout polls while the project
   * is modified and writes when its generation has moved on. */
  CcDrafts             *drafts;
  char                 *draft_id;
  guint64               drafted_generation;
  guint                 draft_timeout_id;
  struct _DraftOp      *draft_op;
  guint                 drafted : 1;
  guint                 draft_on_disk : 1;
  guint                 draft_error_shown : 1;
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

CcImportDialog *cc_window_import_files  (CcWindow      *self,
                                         GFile        **files,
                                         guint          n_files);
void     cc_window_add_sources          (CcWindow      *self,
                                         GListModel    *sources);
gboolean cc_window_drop_files           (CcWindow      *self,
                                         GSList        *files);
void     cc_window_open_recent          (CcWindow      *self,
                                         const char    *uri);
void     cc_window_show_toast           (CcWindow      *self,
                                         const char    *message);

void       cc_window_recover_draft      (CcWindow      *self,
                                         CcDraft       *draft);
GtkWidget *cc_window_new_recover_dialog (CcWindow      *self,
                                         CcDraft       *draft,
                                         gboolean       opening);
const char *cc_window_get_draft_id      (CcWindow      *self);
gboolean   cc_window_get_draft_busy     (CcWindow      *self);
void       cc_window_set_draft_delay    (guint          msec);

void              cc_window_print_report                 (CcWindow              *self,
                                                          const CcReportRequest *request);
void              cc_window_export_report                (CcWindow              *self,
                                                          const CcReportRequest *request,
                                                          GFile                 *file);
void              cc_window_export_report_to_chosen_file (CcWindow              *self,
                                                          const CcReportRequest *request,
                                                          GFile                 *chosen,
                                                          CcReportFormat         format);
GFile            *cc_window_dup_report_file              (GFile                 *chosen,
                                                          CcReportFormat         format);
CcPrintOperation *cc_window_new_print_operation          (CcWindow              *self,
                                                          CcReport              *report);
GtkPageSetup     *cc_window_get_page_setup               (CcWindow              *self);
gboolean          cc_window_get_report_busy              (CcWindow              *self);
AdwToast         *cc_window_get_report_toast             (CcWindow              *self);

G_END_DECLS
