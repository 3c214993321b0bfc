/* cc-report-options.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CcReportPaper:
 * @CC_REPORT_PAPER_A4: ISO A4, 210 × 297 mm
 * @CC_REPORT_PAPER_LETTER: US Letter, 8.5 × 11 in
 */
typedef enum
{
  CC_REPORT_PAPER_A4,
  CC_REPORT_PAPER_LETTER,
} CcReportPaper;

/**
 * CcReportFormat:
 * @CC_REPORT_FORMAT_PDF: a PDF document, its fonts embedded
 * @CC_REPORT_FORMAT_HTML: one self-contained HTML file
 */
typedef enum
{
  CC_REPORT_FORMAT_PDF,
  CC_REPORT_FORMAT_HTML,
} CcReportFormat;

/**
 * CcReportOptions:
 * @full_texts: %TRUE to print both texts in full, %FALSE for their differences only
 * @context_words: with differences only, the unchanged words kept on each side of a
 *   difference
 * @monochrome: %TRUE for black and white: highlights by underline, strikethrough, overline,
 *   weight and slant alone, no tints
 * @page_width: the paper's width in points (1/72 in) as printed, landscape already turned
 * @page_height: the paper's height in points
 *
 * How a report looks. Plain values, so a copy can go to another thread. The page size is
 * what PDF export uses; printing takes the page size from the print dialog's page setup
 * instead (see cc_report_paginate()).
 */
typedef struct
{
  gboolean full_texts;
  guint    context_words;
  gboolean monochrome;
  double   page_width;
  double   page_height;
} CcReportOptions;

/* The context a differences-only report keeps when nobody says otherwise. */
#define CC_REPORT_DEFAULT_CONTEXT_WORDS 8

void     cc_report_options_init_default   (CcReportOptions *options);
void     cc_report_options_set_paper      (CcReportOptions *options,
                                           CcReportPaper    paper,
                                           gboolean         landscape);
gboolean cc_report_paper_from_string      (const char      *name,
                                           CcReportPaper   *paper);
gboolean cc_report_format_for_filename    (const char      *filename,
                                           CcReportFormat  *format);
gboolean cc_report_format_from_string     (const char      *name,
                                           CcReportFormat  *format);

G_END_DECLS
