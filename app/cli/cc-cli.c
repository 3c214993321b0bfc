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

#include "cc-error.h"
#include "cc-import.h"
#include "cc-json-writer.h"
#include "cc-project-io.h"

/* Exit statuses: scripts tell a failed operation from a mistyped command line. */
enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static const Command *find_command (const char *name);

static int
fail (GError *error)
{
  g_printerr ("crosscheck-cli: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILED;
}

static int
usage_error (GOptionContext *context,
             const char     *format,
             ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (GOptionContext *context,
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
  return EXIT_USAGE;
}

/* Parses a command's options; returns -1 when the command should go on. */
static int
parse_options (GOptionContext      *context,
               const Command       *command,
               const GOptionEntry  *entries,
               int                 *argc,
               char              ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (context, "%s", error->message);

  return -1;
}

static GOptionContext *
command_context (const Command *command)
{
  g_autofree char *parameters = g_strdup_printf ("%s %s", command->name, command->parameters);

  return g_option_context_new (parameters);
}

static gboolean
save_project (CcProject   *project,
              const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return cc_project_save (project, file, NULL, error);
}

static CcProject *
load_project (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return cc_project_load (file, NULL, error);
}

static char *
format_date (GDateTime *date_time)
{
  if (date_time == NULL)
    return g_strdup ("");

  return g_date_time_format_iso8601 (date_time);
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
  const Command *command = find_command ("new");
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The project’s title"), N_("TITLE") },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description,
      N_("What the project is about"), N_("TEXT") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists (its old contents stay in FILE~)"), NULL },
    { NULL }
  };
  int status;

  context = command_context (command);
  if ((status = parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (context, _("“new” takes one project file"));
  if (title == NULL)
    return usage_error (context, _("a new project needs a title: --title TITLE"));

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!force && g_file_query_exists (file, NULL))
    {
      g_printerr (_("crosscheck-cli: “%s” already exists; use --force to replace it\n"), argv[1]);
      return EXIT_FAILED;
    }

  project = cc_project_new ();
  cc_project_set_title (project, title);
  cc_project_set_description (project, description);

  if (!cc_project_save (project, file, NULL, &error))
    return fail (g_steal_pointer (&error));

  return EXIT_OK;
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
  const Command *command = find_command ("import");
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

  context = command_context (command);
  if ((status = parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 3)
    return usage_error (context, _("“import” takes a project file and at least one article"));
  if (id != NULL && argc != 3)
    return usage_error (context, _("--id names one source, so it takes one article"));

  if (format_name == NULL || strcmp (format_name, "auto") == 0)
    format = CC_IMPORT_FORMAT_AUTO;
  else if (strcmp (format_name, "text") == 0 || strcmp (format_name, "txt") == 0)
    format = CC_IMPORT_FORMAT_TEXT;
  else if (strcmp (format_name, "html") == 0)
    format = CC_IMPORT_FORMAT_HTML;
  else
    return usage_error (context, _("--format is text, html or auto, not “%s”"), format_name);

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
        return usage_error (context, _("--published “%s” is not an ISO 8601 date"),
                            published_text);
    }

  if (!(project = load_project (argv[1], &error)))
    return fail (g_steal_pointer (&error));

  /* Every article is read before the project changes, so one bad file leaves it untouched. */
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      CcSource *source = cc_import_file (file, format, NULL, &error);

      if (source == NULL)
        return fail (g_steal_pointer (&error));

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
              return EXIT_FAILED;
            }
          cc_source_set_id (source, id);
        }

      g_ptr_array_add (imported, source);
    }

  for (guint i = 0; i < imported->len; i++)
    cc_project_add_source (project, g_ptr_array_index (imported, i));

  if (!save_project (project, argv[1], &error))
    return fail (g_steal_pointer (&error));

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

  return EXIT_OK;
}

/* list ------------------------------------------------------------------------------------ */

static void
write_source_json (CcJsonWriter *json,
                   CcSource     *source,
                   gboolean      with_text)
{
  g_autofree char *published = format_date (cc_source_get_published (source));
  g_autofree char *retrieved = format_date (cc_source_get_retrieved (source));
  const CcRange *excluded;
  guint n_excluded;

  cc_json_writer_begin_object (json);
  cc_json_writer_key (json, "id");
  cc_json_writer_string (json, cc_source_get_id (source));
  cc_json_writer_key (json, "title");
  cc_json_writer_string (json, cc_source_get_title (source));
  cc_json_writer_key (json, "outlet");
  cc_json_writer_string (json, cc_source_get_outlet (source));
  cc_json_writer_key (json, "author");
  cc_json_writer_string (json, cc_source_get_author (source));
  cc_json_writer_key (json, "url");
  cc_json_writer_string (json, cc_source_get_url (source));
  cc_json_writer_key (json, "published");
  cc_json_writer_string (json, published[0] != '\0' ? published : NULL);
  cc_json_writer_key (json, "retrieved");
  cc_json_writer_string (json, retrieved[0] != '\0' ? retrieved : NULL);
  cc_json_writer_key (json, "language");
  cc_json_writer_string (json, cc_source_get_language (source));
  cc_json_writer_key (json, "notes");
  cc_json_writer_string (json, cc_source_get_notes (source));
  cc_json_writer_key (json, "characters");
  cc_json_writer_uint (json, cc_source_get_length (source));
  cc_json_writer_key (json, "words");
  cc_json_writer_uint (json, cc_source_get_word_count (source));
  cc_json_writer_key (json, "excluded");
  cc_json_writer_begin_array (json);
  excluded = cc_source_get_excluded (source, &n_excluded);
  for (guint i = 0; i < n_excluded; i++)
    {
      cc_json_writer_begin_object (json);
      cc_json_writer_key (json, "start");
      cc_json_writer_uint (json, excluded[i].start);
      cc_json_writer_key (json, "end");
      cc_json_writer_uint (json, excluded[i].end);
      cc_json_writer_end_object (json);
    }
  cc_json_writer_end_array (json);
  cc_json_writer_key (json, "provenance");
  cc_json_writer_begin_object (json);
  cc_json_writer_key (json, "file");
  cc_json_writer_string (json, cc_source_get_original_filename (source));
  cc_json_writer_key (json, "encoding");
  cc_json_writer_string (json, cc_source_get_encoding (source));
  cc_json_writer_key (json, "sha256");
  cc_json_writer_string (json, cc_source_get_sha256 (source));
  cc_json_writer_end_object (json);
  if (with_text)
    {
      cc_json_writer_key (json, "text");
      cc_json_writer_string (json, cc_source_get_text (source));
    }
  cc_json_writer_end_object (json);
}

static int
run_list (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const Command *command = find_command ("list");
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  guint n_sources;
  int status;

  context = command_context (command);
  if ((status = parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (context, _("“list” takes one project file"));

  if (!(project = load_project (argv[1], &error)))
    return fail (g_steal_pointer (&error));

  n_sources = cc_project_get_n_sources (project);

  if (json)
    {
      g_autoptr(CcJsonWriter) writer = cc_json_writer_new ();
      g_autofree char *output = NULL;

      cc_json_writer_begin_object (writer);
      cc_json_writer_key (writer, "title");
      cc_json_writer_string (writer, cc_project_get_title (project));
      cc_json_writer_key (writer, "description");
      cc_json_writer_string (writer, cc_project_get_description (project));
      cc_json_writer_key (writer, "sources");
      cc_json_writer_begin_array (writer);
      for (guint i = 0; i < n_sources; i++)
        write_source_json (writer, cc_project_get_source (project, i), FALSE);
      cc_json_writer_end_array (writer);
      cc_json_writer_end_object (writer);

      output = cc_json_writer_finish (g_steal_pointer (&writer));
      fputs (output, stdout);
      return EXIT_OK;
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

  return EXIT_OK;
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
  const Command *command = find_command ("show");
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the source’s details and text as JSON"), NULL },
    { NULL }
  };
  CcSource *source;
  const char *text;
  int status;

  context = command_context (command);
  if ((status = parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return usage_error (context, _("“show” takes a project file and a source id"));

  if (!(project = load_project (argv[1], &error)))
    return fail (g_steal_pointer (&error));

  source = cc_project_find_source (project, argv[2]);
  if (source == NULL)
    {
      g_printerr (_("crosscheck-cli: “%s” has no source “%s” (“crosscheck-cli list %s” lists "
                    "them)\n"), argv[1], argv[2], argv[1]);
      return EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(CcJsonWriter) writer = cc_json_writer_new ();
      g_autofree char *output = NULL;

      write_source_json (writer, source, TRUE);
      output = cc_json_writer_finish (g_steal_pointer (&writer));
      fputs (output, stdout);
      return EXIT_OK;
    }

  /* Exactly as stored: no newline added, no conversion. */
  text = cc_source_get_text (source);
  if (fwrite (text, 1, strlen (text), stdout) != strlen (text) || fflush (stdout) != 0)
    {
      g_printerr ("crosscheck-cli: %s\n", g_strerror (errno));
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

/* validate -------------------------------------------------------------------------------- */

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean quiet = FALSE;
  const Command *command = find_command ("validate");
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only errors"), NULL },
    { NULL }
  };
  int result = EXIT_OK;
  int status;

  context = command_context (command);
  if ((status = parse_options (context, command, entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 2)
    return usage_error (context, _("“validate” takes at least one project file"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(CcProject) project = NULL;
      g_autoptr(GError) error = NULL;

      if (!(project = load_project (argv[i], &error)))
        {
          g_printerr ("crosscheck-cli: %s\n", error->message);
          result = EXIT_FAILED;
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

static const Command commands[] = {
  { "new", N_("FILE.crosscheck"), N_("Create an empty project."), run_new },
  { "import", N_("FILE.crosscheck ARTICLE…"),
    N_("Add articles (plain text or HTML pages) to a project as sources."), run_import },
  { "list", N_("FILE.crosscheck"), N_("List a project’s sources: id, title, outlet, date, words."),
    run_list },
  { "show", N_("FILE.crosscheck ID"), N_("Print a source’s text exactly as stored."), run_show },
  { "validate", N_("FILE.crosscheck…"),
    N_("Check that project files can be read, and say what is wrong where they cannot."),
    run_validate },
};

static const Command *
find_command (const char *name)
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
  const Command *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("crosscheck-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      if (argc > 2 && strcmp (argv[1], "help") == 0 && (command = find_command (argv[2])))
        {
          char *help_argv[] = { argv[2], (char *)"--help", NULL };
          return command->run (2, help_argv);
        }
      print_usage (stdout);
      return EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("crosscheck-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("crosscheck-cli: “%s” is not a command\n\n"), argv[1]);
      print_usage (stderr);
      return EXIT_USAGE;
    }

  return command->run (argc - 1, argv + 1);
}
