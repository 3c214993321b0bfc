/* cc-print-operation.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-print-operation"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-print-operation.h"

/*
 * Prints a report that is already made: the comparison and the analysis are done before the
 * print dialog opens, so only the layout runs here, on the main thread, where the print
 * context lives. The report lays itself out on whatever paper the page setup gives, in
 * points, and keeps its own margins, so the operation prints on the full page.
 */

struct _CcPrintOperation
{
  GtkPrintOperation  parent_instance;

  CcReport          *report;

  /* Where to tell of a failure; the dialog does not outlive it. */
  GtkWindow         *parent;
};

G_DEFINE_FINAL_TYPE (CcPrintOperation, cc_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cc_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  CcPrintOperation *self = (CcPrintOperation *)operation;
  double width;
  double height;

  g_assert (CC_IS_PRINT_OPERATION (self));

  /* The report needs an inch each way for its margins; no real paper is smaller. */
  width = MAX (gtk_print_context_get_width (context), 72);
  height = MAX (gtk_print_context_get_height (context), 72);

  gtk_print_operation_set_n_pages (operation, cc_report_paginate (self->report, width, height));
}

static void
cc_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  CcPrintOperation *self = (CcPrintOperation *)operation;

  g_assert (CC_IS_PRINT_OPERATION (self));

  if (page_nr < 0 || (guint)page_nr >= cc_report_get_n_pages (self->report))
    return;

  cc_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
cc_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  CcPrintOperation *self = (CcPrintOperation *)operation;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert (CC_IS_PRINT_OPERATION (self));

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = adw_message_dialog_new (self->parent, _("Could Not Print Report"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After every handler of "done" has run, the operation may go. */
static void
on_done_release_cb (CcPrintOperation        *self,
                    GtkPrintOperationResult  result,
                    gpointer                 user_data)
{
  g_idle_add_once ((GSourceOnceFunc)g_object_unref, self);
}

static void
cc_print_operation_dispose (GObject *object)
{
  CcPrintOperation *self = (CcPrintOperation *)object;

  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (cc_print_operation_parent_class)->dispose (object);
}

static void
cc_print_operation_finalize (GObject *object)
{
  CcPrintOperation *self = (CcPrintOperation *)object;

  g_clear_object (&self->report);

  G_OBJECT_CLASS (cc_print_operation_parent_class)->finalize (object);
}

static void
cc_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CcPrintOperation *self = CC_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CcPrintOperation *self = CC_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_print_operation_class_init (CcPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = cc_print_operation_dispose;
  object_class->finalize = cc_print_operation_finalize;
  object_class->get_property = cc_print_operation_get_property;
  object_class->set_property = cc_print_operation_set_property;

  operation_class->begin_print = cc_print_operation_begin_print;
  operation_class->draw_page = cc_print_operation_draw_page;
  operation_class->done = cc_print_operation_done;

  /**
   * CcPrintOperation:report:
   *
   * The report printed, made before the operation runs.
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", "Report", "The report printed",
                         CC_TYPE_REPORT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_print_operation_init (CcPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The report draws in points from the sheet's corner and keeps its own margins. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  /* Paper and orientation are chosen in the print dialog itself, the report laid out anew. */
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
}

/**
 * cc_print_operation_new:
 * @report: the report to print
 *
 * Returns: (transfer full): a print operation for @report; set its default page setup and
 *   print settings, then cc_print_operation_run()
 */
CcPrintOperation *
cc_print_operation_new (CcReport *report)
{
  CcPrintOperation *self;

  g_return_val_if_fail (CC_IS_REPORT (report), NULL);

  self = g_object_new (CC_TYPE_PRINT_OPERATION,
                       "report", report,
                       NULL);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), cc_report_get_title (report));

  return self;
}

/**
 * cc_print_operation_get_report:
 *
 * Returns: (transfer none): the report printed
 */
CcReport *
cc_print_operation_get_report (CcPrintOperation *self)
{
  g_return_val_if_fail (CC_IS_PRINT_OPERATION (self), NULL);

  return self->report;
}

/**
 * cc_print_operation_run_action:
 *
 * Runs the operation, keeping it alive until #GtkPrintOperation::done, which is emitted
 * whatever the outcome. A failure is shown in a dialog over @parent.
 *
 * Returns: as gtk_print_operation_run(): %GTK_PRINT_OPERATION_RESULT_IN_PROGRESS while the
 *   print dialog is open
 */
GtkPrintOperationResult
cc_print_operation_run_action (CcPrintOperation        *self,
                               GtkPrintOperationAction  action,
                               GtkWindow               *parent)
{
  GtkPrintOperation *operation = (GtkPrintOperation *)self;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (CC_IS_PRINT_OPERATION (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent),
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  g_set_weak_pointer (&self->parent, parent);

  /* "Print to File" suggests the report's title rather than "output"; a title may hold a
   * slash, which a file name cannot. */
  if (gtk_print_operation_get_print_settings (operation) != NULL)
    settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));
  else
    settings = gtk_print_settings_new ();
  basename = g_strdup (cc_report_get_title (self->report));
  g_strdelimit (basename, "/", '-');
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (operation, settings);

  /* Released once done, so the caller need not keep the operation while the dialog is open. */
  g_object_ref (self);
  g_signal_connect_after (self, "done", G_CALLBACK (on_done_release_cb), NULL);

  return gtk_print_operation_run (operation, action, parent, NULL);
}

/**
 * cc_print_operation_run:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Opens the print dialog, with its preview, and prints the report as the user asks there.
 * Connect to #GtkPrintOperation::done to learn the outcome and keep the settings chosen.
 */
void
cc_print_operation_run (CcPrintOperation *self,
                        GtkWindow        *parent)
{
  g_return_if_fail (CC_IS_PRINT_OPERATION (self));

  cc_print_operation_run_action (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent);
}
