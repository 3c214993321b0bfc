/* cc-details-dialog.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cc-source.h"

G_BEGIN_DECLS

#define CC_TYPE_DETAILS_DIALOG (cc_details_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CcDetailsDialog, cc_details_dialog, CC, DETAILS_DIALOG, AdwWindow)

CcDetailsDialog *cc_details_dialog_new        (CcSource        *source);
CcSource        *cc_details_dialog_get_source (CcDetailsDialog *self);

G_END_DECLS
