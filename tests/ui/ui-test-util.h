/* ui-test-util.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Long enough for a slow CI machine, short enough that a hang fails rather than times out. */
#define TIMEOUT_SECONDS 10

typedef gboolean (*Condition) (gpointer data);

void wait_for (Condition   condition,
               gpointer    data,
               const char *what);

G_END_DECLS
