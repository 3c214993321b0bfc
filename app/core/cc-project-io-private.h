/* cc-project-io-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-project-io.h"

G_BEGIN_DECLS

/* Lets tests put a stream between the save and the disk, to simulate a full disk or an I/O
 * error part-way through a write. Returns a new reference. */
typedef GOutputStream *(*CcWrapStreamFunc) (GOutputStream *stream,
                                            gpointer       user_data);

gboolean cc_project_save_bytes (GBytes            *bytes,
                                GFile             *file,
                                CcWrapStreamFunc   wrap_stream,
                                gpointer           user_data,
                                GCancellable      *cancellable,
                                GError           **error);

G_END_DECLS
