/* cc-import-dialog.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-source.h"

G_BEGIN_DECLS

#define CC_TYPE_IMPORT_DIALOG (cc_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CcImportDialog, cc_import_dialog, CC, IMPORT_DIALOG, AdwWindow)

CcImportDialog *cc_import_dialog_new           (GtkWindow      *parent);
void            cc_import_dialog_import        (CcImportDialog *self,
                                                GFile         **files,
                                                guint           n_files);
void            cc_import_dialog_add_source    (CcImportDialog *self,
                                                GFile          *file,
                                                CcSource       *source);
void            cc_import_dialog_add_error     (CcImportDialog *self,
                                                GFile          *file,
                                                const GError   *error);
gboolean        cc_import_dialog_get_importing (CcImportDialog *self);

G_END_DECLS
