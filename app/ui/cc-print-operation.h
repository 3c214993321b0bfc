/* cc-print-operation.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-report.h"

G_BEGIN_DECLS

#define CC_TYPE_PRINT_OPERATION (cc_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (CcPrintOperation, cc_print_operation, CC, PRINT_OPERATION, GtkPrintOperation)

CcPrintOperation        *cc_print_operation_new        (CcReport                *report);
CcReport                *cc_print_operation_get_report (CcPrintOperation        *self);
void                     cc_print_operation_run        (CcPrintOperation        *self,
                                                        GtkWindow               *parent);

/* Private: cc_print_operation_run() with another action, so tests can print to a PDF with
 * GTK_PRINT_OPERATION_ACTION_EXPORT and gtk_print_operation_set_export_filename(). */
GtkPrintOperationResult  cc_print_operation_run_action (CcPrintOperation        *self,
                                                        GtkPrintOperationAction  action,
                                                        GtkWindow               *parent);

G_END_DECLS
