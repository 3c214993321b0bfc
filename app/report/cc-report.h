/* cc-report.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cc-project.h"
#include "cc-report-options.h"

G_BEGIN_DECLS

/**
 * CcReportKind:
 * @CC_REPORT_PAIR: two sources compared: statistics, shared quotations and passages, and the
 *   two texts side by side
 * @CC_REPORT_PROJECT: the whole project: its sources, the matrix of every pair and the
 *   quotation tracker
 */
typedef enum
{
  CC_REPORT_PAIR,
  CC_REPORT_PROJECT,
} CcReportKind;

#define CC_TYPE_REPORT (cc_report_get_type ())

G_DECLARE_FINAL_TYPE (CcReport, cc_report, CC, REPORT, GObject)

CcReport              *cc_report_new_pair          (CcProject              *project,
                                                    CcSource               *a,
                                                    CcSource               *b,
                                                    const CcReportOptions  *options,
                                                    GCancellable           *cancellable,
                                                    GError                **error);
CcReport              *cc_report_new_project       (CcProject              *project,
                                                    const CcReportOptions  *options,
                                                    GCancellable           *cancellable,
                                                    GError                **error);
void                   cc_report_new_pair_async    (CcProject              *project,
                                                    CcSource               *a,
                                                    CcSource               *b,
                                                    const CcReportOptions  *options,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
void                   cc_report_new_project_async (CcProject              *project,
                                                    const CcReportOptions  *options,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
CcReport              *cc_report_new_finish        (GAsyncResult           *result,
                                                    GError                **error);

CcReportKind           cc_report_get_kind          (CcReport               *self);
const CcReportOptions *cc_report_get_options       (CcReport               *self);
const char            *cc_report_get_title         (CcReport               *self);

guint                  cc_report_paginate          (CcReport               *self,
                                                    double                  page_width,
                                                    double                  page_height);
guint                  cc_report_get_n_pages       (CcReport               *self);
void                   cc_report_draw_page         (CcReport               *self,
                                                    cairo_t                *cr,
                                                    guint                   page);

gboolean               cc_report_write_pdf         (CcReport               *self,
                                                    GOutputStream          *stream,
                                                    GCancellable           *cancellable,
                                                    GError                **error);
gboolean               cc_report_write_html        (CcReport               *self,
                                                    GOutputStream          *stream,
                                                    GCancellable           *cancellable,
                                                    GError                **error);
gboolean               cc_report_save              (CcReport               *self,
                                                    GFile                  *file,
                                                    CcReportFormat          format,
                                                    GCancellable           *cancellable,
                                                    GError                **error);
void                   cc_report_save_async        (CcReport               *self,
                                                    GFile                  *file,
                                                    CcReportFormat          format,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
gboolean               cc_report_save_finish       (CcReport               *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);

G_END_DECLS
