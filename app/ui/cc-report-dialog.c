/* cc-report-dialog.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-report-dialog"

#include <glib/gi18n.h>

#include "cc-report-dialog.h"
#include "cc-source-format.h"

/*
 * Asks what to print or export before anything is worked out: the pair the window shows or
 * the whole project, the texts in full or their differences only, colour or black and white.
 * It only asks; whoever shows it makes the report from the request once it is accepted.
 */

struct _CcReportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *cancel_button;
  GtkButton            *accept_button;
  AdwActionRow         *pair_row;
  GtkCheckButton       *pair_check;
  AdwActionRow         *project_row;
  GtkCheckButton       *project_check;
  AdwPreferencesGroup  *texts_group;
  GtkCheckButton       *full_texts_check;
  GtkCheckButton       *differences_check;
  GtkSpinButton        *context_spin;
  GtkCheckButton       *colour_check;
  GtkCheckButton       *monochrome_check;

  CcReportPurpose       purpose;
  CcProject            *project;
  CcSource             *left;
  CcSource             *right;
};

G_DEFINE_FINAL_TYPE (CcReportDialog, cc_report_dialog, ADW_TYPE_WINDOW)

enum {
  ACCEPTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * cc_report_request_new:
 * @a: (nullable): the left source of a pair report
 * @b: (nullable): the right source of a pair report
 * @options: (nullable): how the report looks; %NULL for the defaults
 *
 * Returns: (transfer full): a request holding references to the sources
 */
CcReportRequest *
cc_report_request_new (CcReportKind           kind,
                       CcSource              *a,
                       CcSource              *b,
                       const CcReportOptions *options)
{
  CcReportRequest *request;

  g_return_val_if_fail (kind != CC_REPORT_PAIR || (CC_IS_SOURCE (a) && CC_IS_SOURCE (b)), NULL);

  request = g_new0 (CcReportRequest, 1);
  request->kind = kind;
  if (kind == CC_REPORT_PAIR)
    {
      request->a = g_object_ref (a);
      request->b = g_object_ref (b);
    }
  if (options != NULL)
    request->options = *options;
  else
    cc_report_options_init_default (&request->options);

  return request;
}

CcReportRequest *
cc_report_request_copy (const CcReportRequest *request)
{
  g_return_val_if_fail (request != NULL, NULL);

  return cc_report_request_new (request->kind, request->a, request->b, &request->options);
}

void
cc_report_request_free (CcReportRequest *request)
{
  if (request == NULL)
    return;

  g_clear_object (&request->a);
  g_clear_object (&request->b);
  g_free (request);
}

static void
cc_report_dialog_update (CcReportDialog *self)
{
  gboolean pair;
  gboolean differences;

  g_assert (CC_IS_REPORT_DIALOG (self));

  pair = gtk_check_button_get_active (self->pair_check);
  differences = gtk_check_button_get_active (self->differences_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->pair_row), cc_report_dialog_get_can_pair (self));
  /* A project report holds no texts, so how they would be shown does not apply. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->texts_group), pair);
  gtk_widget_set_sensitive (GTK_WIDGET (self->context_spin), pair && differences);
}

static void
on_kind_check_notify_active_cb (GtkCheckButton *check,
                                GParamSpec     *pspec,
                                CcReportDialog *self)
{
  g_assert (CC_IS_REPORT_DIALOG (self));

  cc_report_dialog_update (self);
}

static void
on_differences_check_notify_active_cb (GtkCheckButton *check,
                                       GParamSpec     *pspec,
                                       CcReportDialog *self)
{
  g_assert (CC_IS_REPORT_DIALOG (self));

  cc_report_dialog_update (self);
}

static void
on_accept_button_clicked_cb (GtkButton      *button,
                             CcReportDialog *self)
{
  g_assert (CC_IS_REPORT_DIALOG (self));

  /* Held, so a handler that destroys the dialog leaves it to be read until the end. */
  g_object_ref (self);
  g_signal_emit (self, signals[ACCEPTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
cc_report_dialog_dispose (GObject *object)
{
  CcReportDialog *self = (CcReportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_REPORT_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->left);
  g_clear_object (&self->right);

  G_OBJECT_CLASS (cc_report_dialog_parent_class)->dispose (object);
}

static void
cc_report_dialog_class_init (CcReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_report_dialog_dispose;

  /**
   * CcReportDialog::accepted:
   *
   * Emitted when the user has chosen and pressed Print or Export; read the choice with
   * cc_report_dialog_dup_request(). The dialog closes afterwards.
   */
  signals[ACCEPTED] =
    g_signal_new ("accepted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, pair_row);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, pair_check);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, project_row);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, project_check);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, texts_group);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, full_texts_check);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, differences_check);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, context_spin);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, colour_check);
  gtk_widget_class_bind_template_child (widget_class, CcReportDialog, monochrome_check);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_check_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_differences_check_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_button_clicked_cb);

  /* Escape is Cancel, as in every dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cc_report_dialog_init (CcReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_spin_button_set_value (self->context_spin, CC_REPORT_DEFAULT_CONTEXT_WORDS);
}

/**
 * cc_report_dialog_new:
 * @project: the project reported on
 * @left: (nullable): the source the window shows on the left, for a pair report
 * @right: (nullable): the source on the right
 * @comparing: whether the window is comparing @left and @right, which makes the pair report
 *   the one offered first
 *
 * Returns: (transfer none): a new dialog; set its transient parent and present it
 */
CcReportDialog *
cc_report_dialog_new (CcReportPurpose  purpose,
                      CcProject       *project,
                      CcSource        *left,
                      CcSource        *right,
                      gboolean         comparing)
{
  CcReportDialog *self;
  guint n_sources;

  g_return_val_if_fail (CC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (left == NULL || CC_IS_SOURCE (left), NULL);
  g_return_val_if_fail (right == NULL || CC_IS_SOURCE (right), NULL);

  self = g_object_new (CC_TYPE_REPORT_DIALOG, NULL);
  self->purpose = purpose;
  self->project = g_object_ref (project);
  g_set_object (&self->left, left);
  g_set_object (&self->right, right);

  if (purpose == CC_REPORT_PURPOSE_PRINT)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Print Report"));
      gtk_button_set_label (self->accept_button, _("_Print…"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Export Report"));
      gtk_button_set_label (self->accept_button, _("_Export…"));
    }

  if (cc_report_dialog_get_can_pair (self))
    {
      g_autofree char *subtitle = NULL;

      /* Translators: the two sources of a pair report, by their titles */
      subtitle = g_strdup_printf (_("“%s” and “%s”"), cc_source_format_title (left),
                                  cc_source_format_title (right));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pair_row), subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pair_row),
                                   _("Needs a project of two sources or more"));
    }
  /* Titles are the user's text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->pair_row), FALSE);

  n_sources = cc_project_get_n_sources (project);
  {
    g_autofree char *subtitle = NULL;

    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The project’s %u source and the quotations "
                                             "it carries",
                                             "All %u sources, how much each pair shares, and "
                                             "who quoted what first",
                                             n_sources),
                                n_sources);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->project_row), subtitle);
  }

  cc_report_dialog_set_kind (self, comparing && cc_report_dialog_get_can_pair (self)
                                   ? CC_REPORT_PAIR : CC_REPORT_PROJECT);

  return self;
}

CcReportPurpose
cc_report_dialog_get_purpose (CcReportDialog *self)
{
  g_return_val_if_fail (CC_IS_REPORT_DIALOG (self), CC_REPORT_PURPOSE_PRINT);

  return self->purpose;
}

/**
 * cc_report_dialog_get_can_pair:
 *
 * Returns: whether a pair report can be made: the project has two sources or more and the
 *   window named two
 */
gboolean
cc_report_dialog_get_can_pair (CcReportDialog *self)
{
  g_return_val_if_fail (CC_IS_REPORT_DIALOG (self), FALSE);

  return self->project != NULL && cc_project_get_n_sources (self->project) >= 2 &&
         self->left != NULL && self->right != NULL;
}

CcReportKind
cc_report_dialog_get_kind (CcReportDialog *self)
{
  g_return_val_if_fail (CC_IS_REPORT_DIALOG (self), CC_REPORT_PROJECT);

  return gtk_check_button_get_active (self->pair_check) ? CC_REPORT_PAIR : CC_REPORT_PROJECT;
}

/* A pair report without two sources falls back on the project report. */
void
cc_report_dialog_set_kind (CcReportDialog *self,
                           CcReportKind    kind)
{
  g_return_if_fail (CC_IS_REPORT_DIALOG (self));

  if (kind == CC_REPORT_PAIR && cc_report_dialog_get_can_pair (self))
    gtk_check_button_set_active (self->pair_check, TRUE);
  else
    gtk_check_button_set_active (self->project_check, TRUE);

  cc_report_dialog_update (self);
}

/**
 * cc_report_dialog_get_options:
 * @options: (out caller-allocates): where to put the choices
 *
 * Fills @options with what the dialog chooses, and the default paper, which the caller
 * replaces with its page setup.
 */
void
cc_report_dialog_get_options (CcReportDialog  *self,
                              CcReportOptions *options)
{
  g_return_if_fail (CC_IS_REPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  cc_report_options_init_default (options);
  options->full_texts = !gtk_check_button_get_active (self->differences_check);
  options->context_words = gtk_spin_button_get_value_as_int (self->context_spin);
  options->monochrome = gtk_check_button_get_active (self->monochrome_check);
}

/* Shows what @options chose, as when the dialog opens again with the last choices. */
void
cc_report_dialog_set_options (CcReportDialog        *self,
                              const CcReportOptions *options)
{
  g_return_if_fail (CC_IS_REPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  gtk_check_button_set_active (options->full_texts ? self->full_texts_check
                                                   : self->differences_check, TRUE);
  gtk_spin_button_set_value (self->context_spin, options->context_words);
  gtk_check_button_set_active (options->monochrome ? self->monochrome_check
                                                   : self->colour_check, TRUE);

  cc_report_dialog_update (self);
}

/**
 * cc_report_dialog_dup_request:
 *
 * Returns: (transfer full): what the dialog asks for now
 */
CcReportRequest *
cc_report_dialog_dup_request (CcReportDialog *self)
{
  CcReportOptions options;
  CcReportKind kind;

  g_return_val_if_fail (CC_IS_REPORT_DIALOG (self), NULL);

  cc_report_dialog_get_options (self, &options);
  kind = cc_report_dialog_get_kind (self);

  return cc_report_request_new (kind, self->left, self->right, &options);
}
