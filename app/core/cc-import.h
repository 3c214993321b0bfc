/* cc-import.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-source.h"

G_BEGIN_DECLS

/* Larger articles than this are refused rather than read into memory whole. */
#define CC_IMPORT_MAX_BYTES (64 * 1024 * 1024)

typedef enum
{
  CC_IMPORT_FORMAT_AUTO,
  CC_IMPORT_FORMAT_TEXT,
  CC_IMPORT_FORMAT_HTML,
} CcImportFormat;

CcSource *cc_import_file       (GFile           *file,
                                CcImportFormat   format,
                                GCancellable    *cancellable,
                                GError         **error);
GBytes   *cc_import_file_text  (GFile           *file,
                                CcImportFormat   format,
                                GCancellable    *cancellable,
                                GError         **error);
CcSource *cc_import_bytes      (GBytes          *bytes,
                                const char      *filename,
                                CcImportFormat   format,
                                GError         **error);
CcSource *cc_import_text_bytes (GBytes          *bytes,
                                const char      *filename,
                                GError         **error);
CcSource *cc_import_html_bytes (GBytes          *bytes,
                                const char      *filename,
                                GError         **error);

G_END_DECLS
