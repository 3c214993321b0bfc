/* main.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crosscheck"

#include <glib/gi18n.h>
#include <locale.h>

#include "cc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CcApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
