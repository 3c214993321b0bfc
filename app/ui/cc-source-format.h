/* cc-source-format.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cc-source.h"

G_BEGIN_DECLS

const char *cc_source_format_title  (CcSource *source);
char       *cc_source_format_byline (CcSource *source,
                                     gboolean  with_author);

G_END_DECLS
