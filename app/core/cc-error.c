/* cc-error.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cc-error.h"

G_DEFINE_QUARK (cc-error-quark, cc_error)
