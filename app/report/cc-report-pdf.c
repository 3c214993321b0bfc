/* cc-report-pdf.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-report-pdf"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "cc-error.h"
#include "cc-report-private.h"

/* The report as PDF: cairo embeds a subset of every font it draws with, so the file reads the
 * same anywhere, and the text stays text for search and copying. */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable,
                                  &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

gboolean
cc_report_pdf_write (CcReport       *self,
                     GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(CcReportPages) pages = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *date = NULL;
  g_autofree char *creator = NULL;
  Sink sink = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  pages = cc_report_pages_new (self, self->options.page_width, self->options.page_height,
                               cancellable);
  if (pages == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The report was cancelled"));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, self->options.page_width,
                                                 self->options.page_height);
  subject = cc_report_dup_subtitle (self);
  date = g_date_time_format (self->generated, "%Y-%m-%dT%H:%M:%S%:z");
  creator = g_strdup_printf ("Crosscheck %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  cr = cairo_create (surface);
  n_pages = cc_report_pages_get_n_pages (pages);
  for (guint page = 0; page < n_pages && sink.error == NULL; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &sink.error))
        break;
      cc_report_pages_draw (pages, cr, page);
      cairo_show_page (cr);
    }
  if (sink.error == NULL)
    cc_report_pages_add_outline (pages, surface);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_FAILED, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
