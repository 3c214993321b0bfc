/* cc-cli.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crosscheck-cli"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cc-cli-private.h"
#include "cc-error.h"
#include "cc-import.h"
#include "cc-project-io.h"

static gboolean
save_project (CcProject   *project,
              const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return cc_project_save (project, file, NULL, error);
}

/* new ------------------------------------------------------------------------------------- */

static int
run_new (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  const CcCommand *command = cc_cli_find_command ("new");
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The project’s title"), N_("TITLE") },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description,
      N_("What the project is about"), N_("TEXT") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists (its old contents stay in FILE~)"), NULL },
    { NULL }
  };
  int status;

  context = cc_cli_context_new (command);
  if ((status = cc_cli_parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cc_cli_usage_error (context, _("“new” takes one project file"));
  if (title == NULL)
    return cc_cli_usage_error (context, _("a new project needs a title: --title TITLE"));

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!force && g_file_query_exists (file, NULL))
    {
      g_printerr (_("crosscheck-cli: “%s” already exists; use --force to replace it\n"), argv[1]);
      return CC_EXIT_FAILED;
    }

  project = cc_project_new ();
  cc_project_set_title (project, title);
  cc_project_set_description (project, description);

  if (!cc_project_save (project, file, NULL, &error))
    return cc_cli_fail (g_steal_pointer (&error));

  return CC_EXIT_OK;
}

/* import ---------------------------------------------------------------------------------- */

static int
run_import (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcProject) project = NULL;
  g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) published = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *author = NULL;
  g_autofree char *url = NULL;
  g_autofree char *published_text = NULL;
  g_autofree char *language = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *format_name = NULL;
  gboolean quiet = FALSE;
  CcImportFormat format = CC_IMPORT_FORMAT_AUTO;
  const CcCommand *command = cc_cli_find_command ("import");
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The source’s id (one article only)"), N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title, instead of the detected one"),
      N_("TITLE") },
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("Outlet (publication)"), N_("NAME") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Author"), N_("NAME") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Address of the article"), N_("URL") },
    { "published", 0, 0, G_OPTION_ARG_STRING, &published_text,
      N_("Publication date and time, ISO 8601 (2026-03-14T08:30:00+00:00 or 2026-03-14)"),
      N_("DATE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Language tag (BCP 47), such as en-GB"),
      N_("TAG") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes"), N_("TEXT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Read the articles as text or html (default: by name and content)"), N_("FORMAT") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing on success"), NULL },
    { NULL }
  };
  int status;

  context = cc_cli_context_new (command);
  if ((status = cc_cli_parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 3)
    return cc_cli_usage_error (context, _("“import” takes a project file and at least one article"));
  if (id != NULL && argc != 3)
    return cc_cli_usage_error (context, _("--id names one source, so it takes one article"));

  if (format_name == NULL || strcmp (format_name, "auto") == 0)
    format = CC_IMPORT_FORMAT_AUTO;
  else if (strcmp (format_name, "text") == 0 || strcmp (format_name, "txt") == 0)
    format = CC_IMPORT_FORMAT_TEXT;
  else if (strcmp (format_name, "html") == 0)
    format = CC_IMPORT_FORMAT_HTML;
  else
    return cc_cli_usage_error (context, _("--format is text, html or auto, not “%s”"), format_name);

  if (published_text != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autofree char *date_only = NULL;

      /* A bare date is the usual way to give one, and means the start of that day. */
      if (strlen (published_text) == 10)
        date_only = g_strconcat (published_text, "T00:00:00", NULL);
      published = g_date_time_new_from_iso8601 (date_only != NULL ? date_only : published_text,
                                                utc);
      if (published == NULL)
        return cc_cli_usage_error (context, _("--published “%s” is not an ISO 8601 date"),
                            published_text);
    }

  if (!(project = cc_cli_load_project (argv[1], &error)))
    return cc_cli_fail (g_steal_pointer (&error));

  /* Every article is read before the project changes, so one bad file leaves it untouched. */
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      CcSource *source = cc_import_file (file, format, NULL, &error);

      if (source == NULL)
        return cc_cli_fail (g_steal_pointer (&error));

      if (title != NULL)
        cc_source_set_title (source, title);
      if (outlet != NULL)
        cc_source_set_outlet (source, outlet);
      if (author != NULL)
        cc_source_set_author (source, author);
      if (url != NULL)
        cc_source_set_url (source, url);
      if (published != NULL)
        cc_source_set_published (source, published);
      if (language != NULL)
        cc_source_set_language (source, language);
      if (notes != NULL)
        cc_source_set_notes (source, notes);
      if (id != NULL)
        {
          if (cc_project_find_source (project, id) != NULL)
            {
              g_printerr (_("crosscheck-cli: the project already has a source “%s”\n"), id);
              g_object_unref (source);
              return CC_EXIT_FAILED;
            }
          cc_source_set_id (source, id);
        }

      g_ptr_array_add (imported, source);
    }

  for (guint i = 0; i < imported->len; i++)
    cc_project_add_source (project, g_ptr_array_index (imported, i));

  if (!save_project (project, argv[1], &error))
    return cc_cli_fail (g_steal_pointer (&error));

  for (guint i = 0; !quiet && i < imported->len; i++)
    {
      CcSource *source = g_ptr_array_index (imported, i);

      /* Translators: id, title, encoding, number of words */
      g_print (_("%s\t%s\t(%s, %u words)\n"),
               cc_source_get_id (source),
               cc_source_get_title (source) != NULL ? cc_source_get_title (source) : "",
               cc_source_get_encoding (source) != NULL ? cc_source_get_encoding (source) : "?",
               cc_source_get_word_count (source));
    }

  return CC_EXIT_OK;
}

/* list ------------------------------------------------------------------------------------ */

static void
add_source_json (JsonBuilder *builder,
                 CcSource    *source,
                 gboolean     with_text)
{
  const CcRange *excluded;
  guint n_excluded;

  json_builder_begin_object (builder);
  cc_cli_json_string (builder, "id", cc_source_get_id (source));
  cc_cli_json_string (builder, "title", cc_source_get_title (source));
  cc_cli_json_string (builder, "outlet", cc_source_get_outlet (source));
  cc_cli_json_string (builder, "author", cc_source_get_author (source));
  cc_cli_json_string (builder, "url", cc_source_get_url (source));
  cc_cli_json_date_time (builder, "published", cc_source_get_published (source));
  cc_cli_json_date_time (builder, "retrieved", cc_source_get_retrieved (source));
  cc_cli_json_string (builder, "language", cc_source_get_language (source));
  cc_cli_json_string (builder, "notes", cc_source_get_notes (source));
  cc_cli_json_uint (builder, "characters", cc_source_get_length (source));
  cc_cli_json_uint (builder, "words", cc_source_get_word_count (source));

  json_builder_set_member_name (builder, "excluded");
  json_builder_begin_array (builder);
  excluded = cc_source_get_excluded (source, &n_excluded);
  for (guint i = 0; i < n_excluded; i++)
    {
      json_builder_begin_object (builder);
      cc_cli_json_uint (builder, "start", excluded[i].start);
      cc_cli_json_uint (builder, "end", excluded[i].end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "provenance");
  json_builder_begin_object (builder);
  cc_cli_json_string (builder, "file", cc_source_get_original_filename (source));
  cc_cli_json_string (builder, "encoding", cc_source_get_encoding (source));
  cc_cli_json_string (builder, "sha256", cc_source_get_sha256 (source));
  json_builder_end_object (builder);

  if (with_text)
    cc_cli_json_string (builder, "text", cc_source_get_text (source));
  json_builder_end_object (builder);
}

static int
run_list (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const CcCommand *command = cc_cli_find_command ("list");
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  guint n_sources;
  int status;

  context = cc_cli_context_new (command);
  if ((status = cc_cli_parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cc_cli_usage_error (context, _("“list” takes one project file"));

  if (!(project = cc_cli_load_project (argv[1], &error)))
    return cc_cli_fail (g_steal_pointer (&error));

  n_sources = cc_project_get_n_sources (project);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      cc_cli_json_string (builder, "title", cc_project_get_title (project));
      cc_cli_json_string (builder, "description", cc_project_get_description (project));
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_sources; i++)
        add_source_json (builder, cc_project_get_source (project, i), FALSE);
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      cc_cli_print_json (builder);
      return CC_EXIT_OK;
    }

  for (guint i = 0; i < n_sources; i++)
    {
      CcSource *source = cc_project_get_source (project, i);
      GDateTime *published = cc_source_get_published (source);
      g_autofree char *date = published != NULL ? g_date_time_format (published, "%F") : NULL;

      g_print ("%s\t%s\t%s\t%s\t%u\n",
               cc_source_get_id (source),
               cc_source_get_title (source) != NULL ? cc_source_get_title (source) : "",
               cc_source_get_outlet (source) != NULL ? cc_source_get_outlet (source) : "",
               date != NULL ? date : "",
               cc_source_get_word_count (source));
    }

  return CC_EXIT_OK;
}

/* show ------------------------------------------------------------------------------------ */

static int
run_show (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const CcCommand *command = cc_cli_find_command ("show");
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the source’s details and text as JSON"), NULL },
    { NULL }
  };
  CcSource *source;
  const char *text;
  int status;

  context = cc_cli_context_new (command);
  if ((status = cc_cli_parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cc_cli_usage_error (context, _("“show” takes a project file and a source id"));

  if (!(project = cc_cli_load_project (argv[1], &error)))
    return cc_cli_fail (g_steal_pointer (&error));

  source = cc_project_find_source (project, argv[2]);
  if (source == NULL)
    {
      g_printerr (_("crosscheck-cli: “%s” has no source “%s” (“crosscheck-cli list %s” lists "
                    "them)\n"), argv[1], argv[2], argv[1]);
      return CC_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_source_json (builder, source, TRUE);
      cc_cli_print_json (builder);
      return CC_EXIT_OK;
    }

  /* Exactly as stored: no newline added, no conversion. */
  text = cc_source_get_text (source);
  if (fwrite (text, 1, strlen (text), stdout) != strlen (text) || fflush (stdout) != 0)
    {
      g_printerr ("crosscheck-cli: %s\n", g_strerror (errno));
      return CC_EXIT_FAILED;
    }

  return CC_EXIT_OK;
}

/* validate -------------------------------------------------------------------------------- */

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean quiet = FALSE;
  const CcCommand *command = cc_cli_find_command ("validate");
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only errors"), NULL },
    { NULL }
  };
  int result = CC_EXIT_OK;
  int status;

  context = cc_cli_context_new (command);
  if ((status = cc_cli_parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 2)
    return cc_cli_usage_error (context, _("“validate” takes at least one project file"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(CcProject) project = NULL;
      g_autoptr(GError) error = NULL;

      if (!(project = cc_cli_load_project (argv[i], &error)))
        {
          g_printerr ("crosscheck-cli: %s\n", error->message);
          result = CC_EXIT_FAILED;
        }
      else if (!quiet)
        {
          guint n = cc_project_get_n_sources (project);

          g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid, %u source\n",
                                "%s: valid, %u sources\n", n),
                   argv[i], n);
        }
    }

  return result;
}

/* main ------------------------------------------------------------------------------------ */

static const CcCommand commands[] = {
  { "new", N_("FILE.crosscheck"), N_("Create an empty project."), run_new },
  { "import", N_("FILE.crosscheck ARTICLE…"),
    N_("Add articles (plain text or HTML pages) to a project as sources."), run_import },
  { "list", N_("FILE.crosscheck"), N_("List a project’s sources: id, title, outlet, date, words."),
    run_list },
  { "show", N_("FILE.crosscheck ID"), N_("Print a source’s text exactly as stored."), run_show },
  { "validate", N_("FILE.crosscheck…"),
    N_("Check that project files can be read, and say what is wrong where they cannot."),
    run_validate },
  { "compare", N_("A B"),
    N_("Compare two sources: statistics, shared quotations and passages (A, B: article files "
       "or PROJECT.crosscheck#ID)."),
    cc_cli_run_compare },
  { "diff", N_("A B"), N_("Show the word-by-word differences between two sources."),
    cc_cli_run_diff },
  { "passages", N_("A B"), N_("List the passages two sources share, in any order."),
    cc_cli_run_passages },
  { "quotes", N_("SOURCE…"), N_("List the quotations in sources."), cc_cli_run_quotes },
  { "matrix", N_("FILE.crosscheck"),
    N_("Show how much every pair of a project’s sources shares."), cc_cli_run_matrix },
  { "report", N_("FILE.crosscheck -o REPORT.pdf|REPORT.html"),
    N_("Write a report of a project, or of two of its sources, as PDF or HTML."),
    cc_cli_run_report },
};

const CcCommand *
cc_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s", _("Usage:\n  crosscheck-cli COMMAND [OPTION…]\n\n"
                           "Compare news sources kept in a Crosscheck project.\n\n"
                           "Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "%s", _("\n“crosscheck-cli COMMAND --help” describes a command’s options.\n"));
}

int
main (int    argc,
      char **argv)
{
  const CcCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("crosscheck-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return CC_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      if (argc > 2 && strcmp (argv[1], "help") == 0 && (command = cc_cli_find_command (argv[2])))
        {
          char *help_argv[] = { argv[2], (char *)"--help", NULL };
          return command->run (2, help_argv);
        }
      print_usage (stdout);
      return CC_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("crosscheck-cli %s\n", PACKAGE_VERSION);
      return CC_EXIT_OK;
    }

  command = cc_cli_find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("crosscheck-cli: “%s” is not a command\n\n"), argv[1]);
      print_usage (stderr);
      return CC_EXIT_USAGE;
    }

  return command->run (argc - 1, argv + 1);
}
