/* cc-project-io.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-project.h"

G_BEGIN_DECLS

/* The project file format: see data/project-format.md. */
#define CC_PROJECT_NAMESPACE_BASE "https://crosscheck.github.io/ns/project/"
#define CC_PROJECT_NAMESPACE      CC_PROJECT_NAMESPACE_BASE "1"
#define CC_PROJECT_FORMAT_MAJOR   1
#define CC_PROJECT_FORMAT_MINOR   0
#define CC_PROJECT_FILE_SUFFIX    ".crosscheck"
#define CC_PROJECT_MIME_TYPE      "application/x-crosscheck"

/* Project files larger than this are refused before they are parsed. */
#define CC_PROJECT_MAX_BYTES      (512 * 1024 * 1024)

CcProject *cc_project_load_bytes  (GBytes               *bytes,
                                   const char           *display_name,
                                   GError              **error);
CcProject *cc_project_load        (GFile                *file,
                                   GCancellable         *cancellable,
                                   GError              **error);
void       cc_project_load_async  (GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
CcProject *cc_project_load_finish (GAsyncResult         *result,
                                   GError              **error);

GBytes    *cc_project_to_bytes    (CcProject            *project);
gboolean   cc_project_save        (CcProject            *project,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GError              **error);
void       cc_project_save_async  (CcProject            *project,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean   cc_project_save_finish (CcProject            *project,
                                   GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
