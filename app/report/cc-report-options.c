/* cc-report-options.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-report-options"

#include <string.h>

#include "cc-report-options.h"

/* Paper sizes in points, portrait. */
static const struct {
  const char *name;
  double      width;
  double      height;
} papers[] = {
  [CC_REPORT_PAPER_A4] = { "a4", 595.276, 841.89 },
  [CC_REPORT_PAPER_LETTER] = { "letter", 612.0, 792.0 },
};

/**
 * cc_report_options_init_default:
 *
 * Full texts, in colour, on A4 paper upright.
 */
void
cc_report_options_init_default (CcReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->full_texts = TRUE;
  options->context_words = CC_REPORT_DEFAULT_CONTEXT_WORDS;
  options->monochrome = FALSE;
  cc_report_options_set_paper (options, CC_REPORT_PAPER_A4, FALSE);
}

void
cc_report_options_set_paper (CcReportOptions *options,
                             CcReportPaper    paper,
                             gboolean         landscape)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (paper < G_N_ELEMENTS (papers));

  options->page_width = landscape ? papers[paper].height : papers[paper].width;
  options->page_height = landscape ? papers[paper].width : papers[paper].height;
}

/**
 * cc_report_paper_from_string:
 * @name: "a4" or "letter", in any case
 *
 * Returns: whether @name names a paper size
 */
gboolean
cc_report_paper_from_string (const char    *name,
                             CcReportPaper *paper)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *paper = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * cc_report_format_from_string:
 * @name: "pdf" or "html", in any case
 *
 * Returns: whether @name names a report format
 */
gboolean
cc_report_format_from_string (const char     *name,
                              CcReportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "pdf") == 0)
    *format = CC_REPORT_FORMAT_PDF;
  else if (g_ascii_strcasecmp (name, "html") == 0 || g_ascii_strcasecmp (name, "htm") == 0)
    *format = CC_REPORT_FORMAT_HTML;
  else
    return FALSE;

  return TRUE;
}

/**
 * cc_report_format_for_filename:
 *
 * Returns: whether @filename ends in .pdf, .html or .htm (in any case), and so names a
 *   format
 */
gboolean
cc_report_format_for_filename (const char     *filename,
                               CcReportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, FALSE);

  dot = strrchr (filename, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;

  return cc_report_format_from_string (dot + 1, format);
}
