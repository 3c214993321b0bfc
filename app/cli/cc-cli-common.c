/* cc-cli-common.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crosscheck-cli"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cc-cli-private.h"
#include "cc-project-io.h"

int
cc_cli_fail (GError *error)
{
  g_printerr ("crosscheck-cli: %s\n", error->message);
  g_error_free (error);
  return CC_EXIT_FAILED;
}

int
cc_cli_usage_error (GOptionContext *context,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("crosscheck-cli: %s\n", message);
  if (context != NULL)
    g_printerr ("%s", _("Try “--help” for more information.\n"));
  return CC_EXIT_USAGE;
}

GOptionContext *
cc_cli_context_new (const CcCommand *command)
{
  g_autofree char *parameters = g_strdup_printf ("%s %s", command->name, _(command->parameters));

  return g_option_context_new (parameters);
}

/* Parses a command's options; returns -1 when the command should go on, else its exit
 * status. */
int
cc_cli_parse_options (GOptionContext      *context,
                      const CcCommand     *command,
                      const GOptionEntry  *entries,
                      int                 *argc,
                      char              ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return cc_cli_usage_error (context, "%s", error->message);

  return -1;
}

CcProject *
cc_cli_load_project (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return cc_project_load (file, NULL, error);
}

/* JSON goes through json-glib, which does the escaping and keeps the output valid. */
void
cc_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *output = NULL;
  gsize length;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  output = json_generator_to_data (generator, &length);

  fwrite (output, 1, length, stdout);
  fputc ('\n', stdout);
}

/* A NULL value is written as null: the key is always there, so scripts need not test. */
void
cc_cli_json_string (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

void
cc_cli_json_uint (JsonBuilder *builder,
                  const char  *key,
                  guint64      value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, (gint64)value);
}

void
cc_cli_json_date_time (JsonBuilder *builder,
                       const char  *key,
                       GDateTime   *date_time)
{
  g_autofree char *text = date_time != NULL ? g_date_time_format_iso8601 (date_time) : NULL;

  cc_cli_json_string (builder, key, text);
}
