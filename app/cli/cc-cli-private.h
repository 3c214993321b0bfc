/* cc-cli-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cc-project.h"

G_BEGIN_DECLS

/* Exit statuses: scripts tell a failed operation from a mistyped command line. */
enum {
  CC_EXIT_OK = 0,
  CC_EXIT_FAILED = 1,
  CC_EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} CcCommand;

const CcCommand *cc_cli_find_command   (const char          *name);
GOptionContext  *cc_cli_context_new    (const CcCommand     *command);
int              cc_cli_parse_options  (GOptionContext      *context,
                                        const CcCommand     *command,
                                        const GOptionEntry  *entries,
                                        int                 *argc,
                                        char              ***argv);
int              cc_cli_fail           (GError              *error);
int              cc_cli_usage_error    (GOptionContext      *context,
                                        const char          *format,
                                        ...) G_GNUC_PRINTF (2, 3);
CcProject       *cc_cli_load_project   (const char          *path,
                                        GError             **error);

void             cc_cli_print_json     (JsonBuilder         *builder);
void             cc_cli_json_string    (JsonBuilder         *builder,
                                        const char          *key,
                                        const char          *value);
void             cc_cli_json_uint      (JsonBuilder         *builder,
                                        const char          *key,
                                        guint64              value);
void             cc_cli_json_date_time (JsonBuilder         *builder,
                                        const char          *key,
                                        GDateTime           *date_time);

int              cc_cli_run_compare    (int                  argc,
                                        char               **argv);
int              cc_cli_run_diff       (int                  argc,
                                        char               **argv);
int              cc_cli_run_passages   (int                  argc,
                                        char               **argv);
int              cc_cli_run_quotes     (int                  argc,
                                        char               **argv);
int              cc_cli_run_matrix     (int                  argc,
                                        char               **argv);
int              cc_cli_run_report     (int                  argc,
                                        char               **argv);

G_END_DECLS
