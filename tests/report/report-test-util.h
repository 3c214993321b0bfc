/* report-test-util.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-project.h"

G_BEGIN_DECLS

/* A word of a PDF page as pdftotext -bbox places it. */
typedef struct
{
  guint   page;
  double  x_min;
  double  y_min;
  double  x_max;
  double  y_max;
  char   *text;
} ReportTestWord;

gboolean   report_test_require_tools        (void);
char      *report_test_run                  (const char * const *argv,
                                             char              **err,
                                             int                *status);
char      *report_test_pdftotext            (const char         *pdf,
                                             guint               first_page,
                                             guint               last_page);
char      *report_test_pdftotext_reading    (const char         *pdf);
char      *report_test_pdfinfo              (const char         *pdf,
                                             const char         *field);
guint      report_test_pdf_pages            (const char         *pdf);
GArray    *report_test_pdf_words            (const char         *pdf,
                                             double             *page_width,
                                             double             *page_height);
void       report_test_assert_no_overprint  (const char         *pdf);
void       report_test_assert_words_in_order (const char        *expected,
                                              gssize             length,
                                              const char        *actual,
                                              const char        *what);
void       report_test_assert_words_anywhere (const char        *expected,
                                              const char        *actual,
                                              const char        *what);
char      *report_test_squeeze              (const char         *text);
CcProject *report_test_load_example         (void);
char      *report_test_tmp_path             (const char         *name);

G_END_DECLS
