/* cc-report.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-report"

#include <glib/gi18n.h>

#include "cc-report-private.h"

/**
 * CcReport:
 *
 * A comparison report, laid out for print and PDF with Pango and Cairo and written as HTML:
 * a pair report of two sources, or a project report of all of them. One renderer serves the
 * print dialog, PDF and HTML export and `crosscheck-cli report`; it knows nothing of GTK.
 *
 * A report works from its own copies of the project and the sources, taken when it is made,
 * so the user may go on editing while it is worked out, printed or saved; it never changes
 * after it is made. Printing from a GtkPrintOperation:
 *
 * |[<!-- language="C" -->
 * gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
 * gtk_print_operation_set_use_full_page (operation, TRUE);
 * // begin-print
 * n_pages = cc_report_paginate (report, gtk_print_context_get_width (context),
 *                               gtk_print_context_get_height (context));
 * gtk_print_operation_set_n_pages (operation, n_pages);
 * // draw-page
 * cc_report_draw_page (report, gtk_print_context_get_cairo_context (context), page_nr);
 * ]|
 *
 * The report keeps its own margins inside the page it is given. cc_report_paginate() and
 * cc_report_draw_page() share one layout, for one thread at a time; the writers lay out
 * pages of their own, so cc_report_save_async() may run while the main thread prints.
 */

G_DEFINE_FINAL_TYPE (CcReport, cc_report, G_TYPE_OBJECT)

static void
cc_report_finalize (GObject *object)
{
  CcReport *self = (CcReport *)object;

  g_clear_pointer (&self->pages, cc_report_pages_free);
  g_clear_pointer (&self->generated, g_date_time_unref);
  g_clear_pointer (&self->project_title, g_free);
  g_clear_pointer (&self->project_description, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->project);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->short_names, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, cc_comparison_unref);
  for (guint side = 0; side < 2; side++)
    g_clear_pointer (&self->marks[side], g_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->matrix, cc_matrix_unref);
  g_clear_pointer (&self->tracked, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_report_parent_class)->finalize (object);
}

static void
cc_report_class_init (CcReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_report_finalize;
}

static void
cc_report_init (CcReport *self)
{
}

/* Construction -------------------------------------------------------------------------- */

static CcSource *
copy_source (CcSource *source)
{
  CcSource *copy = cc_source_new ();
  const CcMarkedQuote *marked;
  const CcRange *excluded;
  guint n_marked, n_excluded;

  cc_source_set_id (copy, cc_source_get_id (source));
  cc_source_set_title (copy, cc_source_get_title (source));
  cc_source_set_outlet (copy, cc_source_get_outlet (source));
  cc_source_set_author (copy, cc_source_get_author (source));
  cc_source_set_url (copy, cc_source_get_url (source));
  cc_source_set_published (copy, cc_source_get_published (source));
  cc_source_set_retrieved (copy, cc_source_get_retrieved (source));
  cc_source_set_language (copy, cc_source_get_language (source));
  cc_source_set_notes (copy, cc_source_get_notes (source));
  cc_source_set_text (copy, cc_source_get_text (source));

  excluded = cc_source_get_excluded (source, &n_excluded);
  for (guint i = 0; i < n_excluded; i++)
    cc_source_add_excluded (copy, excluded[i].start, excluded[i].end);
  marked = cc_source_get_marked_quotes (source, &n_marked);
  for (guint i = 0; i < n_marked; i++)
    cc_source_add_marked_quote (copy, marked[i].range.start, marked[i].range.end,
                                marked[i].kind);

  return copy;
}

static char *
make_short_name (CcSource *source)
{
  const char *outlet = cc_source_get_outlet (source);
  const char *title = cc_source_get_title (source);

  if (outlet != NULL && outlet[0] != '\0')
    return g_strdup (outlet);
  if (title != NULL && title[0] != '\0' && g_utf8_strlen (title, -1) <= 40)
    return g_strdup (title);
  return g_strdup (cc_source_get_id (source));
}

/* A source is named by its outlet in page headers and tables; two from one outlet are told
 * apart by their ids. */
static void
make_short_names (CcReport *self)
{
  self->short_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->sources->len; i++)
    g_ptr_array_add (self->short_names, make_short_name (g_ptr_array_index (self->sources, i)));

  {
    g_autofree gboolean *shared = g_new0 (gboolean, self->sources->len + 1);

    for (guint i = 0; i < self->sources->len; i++)
      for (guint j = 0; j < self->sources->len; j++)
        shared[i] |= i != j && g_strcmp0 (g_ptr_array_index (self->short_names, i),
                                          g_ptr_array_index (self->short_names, j)) == 0;

    for (guint i = 0; i < self->sources->len; i++)
      if (shared[i])
        {
          CcSource *source = g_ptr_array_index (self->sources, i);
          char *name = g_strdup_printf ("%s (%s)",
                                        (const char *)g_ptr_array_index (self->short_names, i),
                                        cc_source_get_id (source));

          g_free (g_ptr_array_index (self->short_names, i));
          g_ptr_array_index (self->short_names, i) = name;
        }
  }
}

/* @options may be %NULL for the defaults. */
static CcReport *
report_new (CcReportKind           kind,
            CcProject             *project,
            CcSource             **sources,
            guint                  n_sources,
            const CcReportOptions *options)
{
  CcReport *self = g_object_new (CC_TYPE_REPORT, NULL);
  const char *title = cc_project_get_title (project);
  const char *description = cc_project_get_description (project);

  self->kind = kind;
  if (options != NULL)
    self->options = *options;
  else
    cc_report_options_init_default (&self->options);
  if (self->options.page_width < 72 || self->options.page_height < 72)
    cc_report_options_set_paper (&self->options, CC_REPORT_PAPER_A4, FALSE);
  cc_compare_options_from_settings (&self->compare, cc_project_get_settings (project));
  self->generated = g_date_time_new_now_local ();
  self->project_title = g_strdup (title != NULL && title[0] != '\0' ? title
                                                                   : _("Untitled Project"));
  self->project_description = description != NULL && description[0] != '\0'
                              ? g_strdup (description) : NULL;

  self->project = cc_project_new ();
  cc_project_set_title (self->project, title);
  cc_comparison_settings_copy_from (cc_project_get_settings (self->project),
                                    cc_project_get_settings (project));
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_sources; i++)
    {
      CcSource *copy = copy_source (sources[i]);

      /* The same source twice (a pair of one) keeps one id in the project and both here. */
      if (cc_project_find_source (self->project, cc_source_get_id (copy)) == NULL)
        cc_project_add_source (self->project, copy);
      g_ptr_array_add (self->sources, copy);
    }
  make_short_names (self);

  if (kind == CC_REPORT_PAIR)
    /* Translators: the title of a pair report: the two sources and the project */
    self->title = g_strdup_printf (_("%s and %s — %s"),
                                   (const char *)g_ptr_array_index (self->short_names, 0),
                                   (const char *)g_ptr_array_index (self->short_names, 1),
                                   self->project_title);
  else
    self->title = g_strdup (self->project_title);

  return self;
}

static CcReport *
report_new_pair (CcProject             *project,
                 CcSource              *a,
                 CcSource              *b,
                 const CcReportOptions *options)
{
  CcSource *sources[] = { a, b };

  return report_new (CC_REPORT_PAIR, project, sources, 2, options);
}

static CcReport *
report_new_project (CcProject             *project,
                    const CcReportOptions *options)
{
  guint n = cc_project_get_n_sources (project);
  g_autofree CcSource **sources = g_new0 (CcSource *, n + 1);

  for (guint i = 0; i < n; i++)
    sources[i] = cc_project_get_source (project, i);

  return report_new (CC_REPORT_PROJECT, project, sources, n, options);
}

/**
 * cc_report_new_pair:
 * @project: the project the sources belong to: its title heads the report and its comparison
 *   settings apply
 * @a: the source on the left
 * @b: the source on the right
 * @options: (nullable): how the report looks; %NULL for cc_report_options_init_default()
 * @cancellable: (nullable): stops the work early
 *
 * Compares @a with @b and makes their report, in the calling thread. Takes about as long as
 * the comparison.
 *
 * Returns: (transfer full): the report, or %NULL with %G_IO_ERROR_CANCELLED
 */
CcReport *
cc_report_new_pair (CcProject              *project,
                    CcSource               *a,
                    CcSource               *b,
                    const CcReportOptions  *options,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(CcReport) self = NULL;

  g_return_val_if_fail (CC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CC_IS_SOURCE (a), NULL);
  g_return_val_if_fail (CC_IS_SOURCE (b), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = report_new_pair (project, a, b, options);
  if (!cc_report_analyze (self, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cc_report_new_project:
 * @project: the project
 * @options: (nullable): how the report looks
 * @cancellable: (nullable): stops the work early
 *
 * Makes the report of a whole project, in the calling thread: every source, the matrix of
 * all pairs and the quotation tracker.
 *
 * Returns: (transfer full): the report, or %NULL with %G_IO_ERROR_CANCELLED
 */
CcReport *
cc_report_new_project (CcProject              *project,
                       const CcReportOptions  *options,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(CcReport) self = NULL;

  g_return_val_if_fail (CC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = report_new_project (project, options);
  if (!cc_report_analyze (self, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
analyze_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CcReport *self = task_data;
  GError *error = NULL;

  if (!cc_report_analyze (self, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

static void
run_analysis (CcReport            *self,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, self, g_object_unref);
  g_task_run_in_thread (task, analyze_thread);
}

/**
 * cc_report_new_pair_async:
 *
 * Like cc_report_new_pair(), in a worker thread. The project and the sources are copied
 * now, in the calling thread, so they may change while the work runs. Finish with
 * cc_report_new_finish().
 */
void
cc_report_new_pair_async (CcProject              *project,
                          CcSource               *a,
                          CcSource               *b,
                          const CcReportOptions  *options,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_return_if_fail (CC_IS_PROJECT (project));
  g_return_if_fail (CC_IS_SOURCE (a));
  g_return_if_fail (CC_IS_SOURCE (b));

  run_analysis (report_new_pair (project, a, b, options), cc_report_new_pair_async,
                cancellable, callback, user_data);
}

/**
 * cc_report_new_project_async:
 *
 * Like cc_report_new_project(), in a worker thread. Finish with cc_report_new_finish().
 */
void
cc_report_new_project_async (CcProject              *project,
                             const CcReportOptions  *options,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  g_return_if_fail (CC_IS_PROJECT (project));

  run_analysis (report_new_project (project, options), cc_report_new_project_async,
                cancellable, callback, user_data);
}

/**
 * cc_report_new_finish:
 *
 * Returns: (transfer full): the report, or %NULL with %G_IO_ERROR_CANCELLED
 */
CcReport *
cc_report_new_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Properties ---------------------------------------------------------------------------- */

CcReportKind
cc_report_get_kind (CcReport *self)
{
  g_return_val_if_fail (CC_IS_REPORT (self), CC_REPORT_PAIR);

  return self->kind;
}

const CcReportOptions *
cc_report_get_options (CcReport *self)
{
  g_return_val_if_fail (CC_IS_REPORT (self), NULL);

  return &self->options;
}

/**
 * cc_report_get_title:
 *
 * Returns: a title for the print job, the PDF's metadata and a file name: "Wire Digest and
 *   The Harbour Gazette — The Marrowby water emails", or the project's title
 */
const char *
cc_report_get_title (CcReport *self)
{
  g_return_val_if_fail (CC_IS_REPORT (self), NULL);

  return self->title;
}

/* Pages --------------------------------------------------------------------------------- */

/**
 * cc_report_paginate:
 * @page_width: the page's width in points (1/72 in), the whole sheet
 * @page_height: its height
 *
 * Lays the report out on pages of this size for cc_report_draw_page(), replacing any
 * earlier layout. The report keeps its own margins. Layout runs in the calling thread, a
 * few hundred pages a second.
 *
 * Returns: the number of pages, at least one
 */
guint
cc_report_paginate (CcReport *self,
                    double    page_width,
                    double    page_height)
{
  g_return_val_if_fail (CC_IS_REPORT (self), 0);
  g_return_val_if_fail (page_width >= 72 && page_height >= 72, 0);

  g_clear_pointer (&self->pages, cc_report_pages_free);
  self->pages = cc_report_pages_new (self, page_width, page_height, NULL);

  return cc_report_pages_get_n_pages (self->pages);
}

/**
 * cc_report_get_n_pages:
 *
 * Returns: the number of pages of the last cc_report_paginate(), or 0 before it
 */
guint
cc_report_get_n_pages (CcReport *self)
{
  g_return_val_if_fail (CC_IS_REPORT (self), 0);

  return self->pages != NULL ? cc_report_pages_get_n_pages (self->pages) : 0;
}

/**
 * cc_report_draw_page:
 * @cr: where to draw, with its user space in points and the page's top left corner at the
 *   origin
 * @page: the page, from 0
 *
 * Draws one page as laid out by cc_report_paginate(): its header, its content and its footer
 * with "Page N of M". White paper is assumed; the page is not filled first.
 */
void
cc_report_draw_page (CcReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  g_return_if_fail (CC_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page < cc_report_pages_get_n_pages (self->pages));

  cc_report_pages_draw (self->pages, cr, page);
}

/* Writing ------------------------------------------------------------------------------- */

static gboolean
write_stream (CcReport        *self,
              GOutputStream   *stream,
              CcReportFormat   format,
              GCancellable    *cancellable,
              GError         **error)
{
  if (format == CC_REPORT_FORMAT_PDF)
    return cc_report_pdf_write (self, stream, cancellable, error);

  return cc_report_html_write (self, stream, cancellable, error);
}

/**
 * cc_report_write_pdf:
 * @stream: where to write
 *
 * Writes the report as PDF on the options' paper, with its fonts embedded and an outline of
 * its sections. Lays the pages out anew, apart from cc_report_paginate()'s, so it may run in
 * another thread while the report is printed. @stream is not closed.
 */
gboolean
cc_report_write_pdf (CcReport       *self,
                     GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_return_val_if_fail (CC_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_stream (self, stream, CC_REPORT_FORMAT_PDF, cancellable, error);
}

/**
 * cc_report_write_html:
 * @stream: where to write
 *
 * Writes the report as one self-contained HTML document, its style sheet inline, that reads
 * on a phone as well as on a desktop and prints. @stream is not closed.
 */
gboolean
cc_report_write_html (CcReport       *self,
                      GOutputStream  *stream,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (CC_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_stream (self, stream, CC_REPORT_FORMAT_HTML, cancellable, error);
}

/**
 * cc_report_save:
 * @file: the file to write, replaced if it exists
 * @format: PDF or HTML (cc_report_format_for_filename() tells it from a name)
 *
 * Writes the report to @file. The file is replaced only once the whole report is written:
 * on failure, or when cancelled, an existing file is left as it was.
 */
gboolean
cc_report_save (CcReport        *self,
                GFile           *file,
                CcReportFormat   format,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean written;

  g_return_val_if_fail (CC_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                           error);
  if (stream == NULL)
    return FALSE;

  written = write_stream (self, G_OUTPUT_STREAM (stream), format, cancellable, &local_error);
  if (written)
    written = g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error);

  if (!written)
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();
      g_autofree char *name = g_file_get_parse_name (file);

      /* Closing with a cancelled cancellable drops the half-written copy. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GFile          *file;
  CcReportFormat  format;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->file);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!cc_report_save (source_object, data->file, data->format, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * cc_report_save_async:
 *
 * Like cc_report_save(), in a worker thread. Finish with cc_report_save_finish().
 */
void
cc_report_save_async (CcReport            *self,
                      GFile               *file,
                      CcReportFormat       format,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (CC_IS_REPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->format = format;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_report_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
cc_report_save_finish (CcReport      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (CC_IS_REPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
