/* cc-source-list-private.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-source-list.h"

G_BEGIN_DECLS

/* What dropping a dragged row does, so tests can reorder without synthesizing a drag. */
gboolean cc_source_list_drop_source (CcSourceList *self,
                                     CcSource     *source,
                                     CcSource     *target,
                                     gboolean      after);

G_END_DECLS
