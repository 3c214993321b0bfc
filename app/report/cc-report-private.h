/* cc-report-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-comparison.h"
#include "cc-matrix.h"
#include "cc-report.h"

G_BEGIN_DECLS

/* What the report knows, shared by its page layout and its HTML writer. Filled in once by
 * cc_report_analyze() and never changed after, so the writers may run in any thread. */

/* Highlights of a character of a pair report's texts, the same as the comparison view's. */
typedef enum
{
  CC_REPORT_MARK_DELETED  = 1 << 0,
  CC_REPORT_MARK_INSERTED = 1 << 1,
  CC_REPORT_MARK_CHANGED  = 1 << 2,
  CC_REPORT_MARK_MOVED    = 1 << 3,
  CC_REPORT_MARK_QUOTE    = 1 << 4,  /* a quotation the other source does not share */
  CC_REPORT_MARK_EXACT    = 1 << 5,
  CC_REPORT_MARK_PARTIAL  = 1 << 6,
  CC_REPORT_MARK_VARIANT  = 1 << 7,
  CC_REPORT_MARK_UNQUOTED = 1 << 8,
  CC_REPORT_MARK_EXCLUDED = 1 << 9,
} CcReportMark;

#define CC_REPORT_N_MARKS 10

typedef enum
{
  CC_REPORT_ROW_TEXT,
  CC_REPORT_ROW_ELISION,
} CcReportRowKind;

/* One row of the texts side by side: stretches of A and B that stand level, or the
 * unchanged words a differences-only report leaves out. */
typedef struct
{
  CcReportRowKind kind;
  CcRange         a;
  CcRange         b;
  guint           words;      /* the words left out, for an elision */
  gboolean        paragraph;  /* the row starts a paragraph on both sides */
} CcReportRow;

/* A source that carries a tracked quotation. */
typedef struct
{
  guint    source;
  gboolean quoted;
  char    *wording;
} CcReportCarrier;

/* One distinct quotation of a project, with every source that carries it. */
typedef struct
{
  char   *wording;
  char   *speaker;
  GArray *carriers;  /* CcReportCarrier, earliest publication first */
  guint   n_quoted;
} CcReportTracked;

/* A row of a pair report's summary: a label, and a number for each source. */
typedef struct
{
  const char *label;
  char       *a;
  char       *b;
} CcReportSummaryRow;

/* Characters of a text without the white space at either end. */
typedef struct
{
  const char *string;
  gsize       length;  /* bytes */
  guint       start;   /* the character offset of the first character kept */
} CcReportSpan;

typedef struct _CcReportPages CcReportPages;

struct _CcReport
{
  GObject           parent_instance;

  CcReportKind      kind;
  CcReportOptions   options;
  CcCompareOptions  compare;
  GDateTime        *generated;
  char             *project_title;
  char             *project_description;
  char             *title;
  CcProject        *project;      /* a copy of the caller's, holding the copied sources */
  GPtrArray        *sources;      /* CcSource: copies of the caller's, never changed */
  GPtrArray        *short_names;  /* char *, one per source */

  /* A pair report */
  CcComparison     *comparison;
  guint16          *marks[2];     /* CcReportMark per character of A and of B */
  GArray           *rows;         /* CcReportRow */
  gboolean          reflow[2];    /* the text is hard-wrapped: lines join into paragraphs */
  guint             moved_b;

  /* A project report */
  CcMatrix         *matrix;
  GPtrArray        *tracked;      /* CcReportTracked */
  guint             n_single_quotes;

  /* The pages of cc_report_paginate(), for printing */
  CcReportPages    *pages;
};

gboolean       cc_report_analyze           (CcReport      *self,
                                            GCancellable  *cancellable,
                                            GError       **error);
CcText        *cc_report_get_text          (CcReport      *self,
                                            guint          side);
CcRange        cc_report_get_quote_range   (CcReport      *self,
                                            guint          index,
                                            guint          side);
guint16       *cc_report_dup_quote_marks   (CcReport      *self,
                                            guint          index,
                                            guint          side);
CcReportSpan   cc_report_text_span         (CcText        *text,
                                            CcRange        range);
char          *cc_report_dup_excerpt       (CcText        *text,
                                            CcRange        range,
                                            guint          max_chars);
const char    *cc_report_source_title      (CcSource      *source);
char          *cc_report_format_date       (GDateTime     *date_time,
                                            gboolean       with_time);
char          *cc_report_format_percent    (double         fraction);
char          *cc_report_format_count      (guint          count);
char          *cc_report_dup_subtitle      (CcReport      *self);
char          *cc_report_dup_generated     (CcReport      *self);
char          *cc_report_dup_side_label    (CcReport      *self,
                                            guint          side);
char          *cc_report_dup_quote_where   (CcReport      *self,
                                            guint          index,
                                            guint          side);
char          *cc_report_dup_passage_where (CcReport      *self,
                                            guint          side,
                                            CcRange        range,
                                            guint          words);
char          *cc_report_dup_elision       (guint          words);
GArray        *cc_report_dup_summary       (CcReport      *self);
char          *cc_report_dup_shared_quotes (CcReport      *self);
const char    *cc_report_shared_kind_label (CcSharedQuoteKind kind);

CcReportPages *cc_report_pages_new         (CcReport      *report,
                                            double         page_width,
                                            double         page_height,
                                            GCancellable  *cancellable);
guint          cc_report_pages_get_n_pages (CcReportPages *pages);
void           cc_report_pages_draw        (CcReportPages *pages,
                                            cairo_t       *cr,
                                            guint          page);
void           cc_report_pages_add_outline (CcReportPages *pages,
                                            cairo_surface_t *surface);
void           cc_report_pages_free        (CcReportPages *pages);

gboolean       cc_report_pdf_write         (CcReport      *self,
                                            GOutputStream *stream,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean       cc_report_html_write        (CcReport      *self,
                                            GOutputStream *stream,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcReportPages, cc_report_pages_free)

G_END_DECLS
