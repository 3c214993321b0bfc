/* cc-report-dialog.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-project.h"
#include "cc-report.h"

G_BEGIN_DECLS

/**
 * CcReportPurpose:
 * @CC_REPORT_PURPOSE_PRINT: the report is printed
 * @CC_REPORT_PURPOSE_EXPORT: the report is saved as PDF or HTML
 */
typedef enum
{
  CC_REPORT_PURPOSE_PRINT,
  CC_REPORT_PURPOSE_EXPORT,
} CcReportPurpose;

/**
 * CcReportRequest:
 * @kind: a pair report or a project report
 * @a: (nullable): for a pair report, the source on the left
 * @b: (nullable): for a pair report, the source on the right
 * @options: how the report looks; the page size is the caller's to set
 *
 * What the user asked for in the dialog, kept after it has closed.
 */
typedef struct
{
  CcReportKind     kind;
  CcSource        *a;
  CcSource        *b;
  CcReportOptions  options;
} CcReportRequest;

CcReportRequest *cc_report_request_new  (CcReportKind           kind,
                                         CcSource              *a,
                                         CcSource              *b,
                                         const CcReportOptions *options);
CcReportRequest *cc_report_request_copy (const CcReportRequest *request);
void             cc_report_request_free (CcReportRequest       *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcReportRequest, cc_report_request_free)

#define CC_TYPE_REPORT_DIALOG (cc_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CcReportDialog, cc_report_dialog, CC, REPORT_DIALOG, AdwWindow)

CcReportDialog  *cc_report_dialog_new          (CcReportPurpose        purpose,
                                                CcProject             *project,
                                                CcSource              *left,
                                                CcSource              *right,
                                                gboolean               comparing);
CcReportPurpose  cc_report_dialog_get_purpose  (CcReportDialog        *self);
CcReportKind     cc_report_dialog_get_kind     (CcReportDialog        *self);
void             cc_report_dialog_set_kind     (CcReportDialog        *self,
                                                CcReportKind           kind);
gboolean         cc_report_dialog_get_can_pair (CcReportDialog        *self);
void             cc_report_dialog_get_options  (CcReportDialog        *self,
                                                CcReportOptions       *options);
void             cc_report_dialog_set_options  (CcReportDialog        *self,
                                                const CcReportOptions *options);
CcReportRequest *cc_report_dialog_dup_request  (CcReportDialog        *self);

G_END_DECLS
