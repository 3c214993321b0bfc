/* cc-cli-report.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crosscheck-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-cli-private.h"
#include "cc-report.h"

/* crosscheck-cli report: the report the window prints, to PDF or HTML, with no display. */

static gboolean
split_pair (const char  *pair,
            char       **id_a,
            char       **id_b)
{
  const char *comma = strchr (pair, ',');

  if (comma == NULL || comma == pair || comma[1] == '\0' || strchr (comma + 1, ',') != NULL)
    return FALSE;

  *id_a = g_strndup (pair, comma - pair);
  *id_b = g_strdup (comma + 1);
  return TRUE;
}

int
cc_cli_run_report (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcProject) project = NULL;
  g_autoptr(CcReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pair = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  gboolean mono = FALSE;
  gboolean landscape = FALSE;
  gboolean json = FALSE;
  int context_words = -1;
  const CcCommand *command = cc_cli_find_command ("report");
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the report to FILE: .pdf or .html"), N_("FILE") },
    { "pair", 0, 0, G_OPTION_ARG_STRING, &pair,
      N_("Compare two sources (default: a report of the whole project)"), N_("ID,ID") },
    { "context", 0, 0, G_OPTION_ARG_INT, &context_words,
      N_("Show only the differences, with N unchanged words around each (default: the full "
         "texts)"), N_("N") },
    { "mono", 0, 0, G_OPTION_ARG_NONE, &mono,
      N_("Black and white: highlights by underline and strikethrough alone"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size: a4 (default) or letter"),
      N_("SIZE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape, N_("Turn the paper sideways"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("pdf or html (default: by FILE’s extension)"), N_("FORMAT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print what was written as JSON"), NULL },
    { NULL }
  };
  CcReportOptions options;
  CcReportFormat format;
  CcReportPaper paper = CC_REPORT_PAPER_A4;
  guint n_pages = 0;
  int status;

  context = cc_cli_context_new (command);
  if ((status = cc_cli_parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cc_cli_usage_error (context, _("“report” takes one project file"));
  if (output == NULL)
    return cc_cli_usage_error (context, _("say where to write the report: -o FILE.pdf or "
                                          "-o FILE.html"));

  if (format_name != NULL)
    {
      if (!cc_report_format_from_string (format_name, &format))
        return cc_cli_usage_error (context, _("--format is pdf or html, not “%s”"), format_name);
    }
  else if (!cc_report_format_for_filename (output, &format))
    {
      return cc_cli_usage_error (context, _("cannot tell the format of “%s”: name it .pdf or "
                                            ".html, or give --format"), output);
    }

  if (paper_name != NULL && !cc_report_paper_from_string (paper_name, &paper))
    return cc_cli_usage_error (context, _("--paper is a4 or letter, not “%s”"), paper_name);
  if (pair != NULL && !split_pair (pair, &id_a, &id_b))
    return cc_cli_usage_error (context, _("--pair takes two source ids with a comma between "
                                          "them, not “%s”"), pair);

  cc_report_options_init_default (&options);
  cc_report_options_set_paper (&options, paper, landscape);
  options.monochrome = mono;
  if (context_words >= 0)
    {
      options.full_texts = FALSE;
      options.context_words = MIN (context_words, 10000);
    }
  else if (context_words != -1)
    {
      return cc_cli_usage_error (context, _("--context takes a number of words, 0 or more"));
    }

  if (!(project = cc_cli_load_project (argv[1], &error)))
    return cc_cli_fail (g_steal_pointer (&error));

  if (pair != NULL)
    {
      const char *ids[] = { id_a, id_b };
      CcSource *sources[2];

      for (guint i = 0; i < 2; i++)
        {
          sources[i] = cc_project_find_source (project, ids[i]);
          if (sources[i] == NULL)
            {
              g_printerr (_("crosscheck-cli: “%s” has no source “%s” (“crosscheck-cli list %s” "
                            "lists them)\n"), argv[1], ids[i], argv[1]);
              return CC_EXIT_FAILED;
            }
        }
      report = cc_report_new_pair (project, sources[0], sources[1], &options, NULL, &error);
    }
  else
    {
      report = cc_report_new_project (project, &options, NULL, &error);
    }
  if (report == NULL)
    return cc_cli_fail (g_steal_pointer (&error));

  file = g_file_new_for_commandline_arg (output);
  if (!cc_report_save (report, file, format, NULL, &error))
    return cc_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (format == CC_REPORT_FORMAT_PDF)
        n_pages = cc_report_paginate (report, options.page_width, options.page_height);

      json_builder_begin_object (builder);
      cc_cli_json_string (builder, "file", output);
      cc_cli_json_string (builder, "format", format == CC_REPORT_FORMAT_PDF ? "pdf" : "html");
      cc_cli_json_string (builder, "kind", pair != NULL ? "pair" : "project");
      cc_cli_json_string (builder, "title", cc_report_get_title (report));
      json_builder_set_member_name (builder, "pages");
      if (format == CC_REPORT_FORMAT_PDF)
        json_builder_add_int_value (builder, n_pages);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      cc_cli_print_json (builder);
    }

  return CC_EXIT_OK;
}
