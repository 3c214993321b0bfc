/* cc-error.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_ERROR (cc_error_quark ())

/**
 * CcError:
 * @CC_ERROR_FAILED: a failure with no more specific code
 * @CC_ERROR_MALFORMED: the file is not well-formed XML (or not a readable document at all)
 * @CC_ERROR_INVALID: well-formed, but not a valid Crosscheck project
 * @CC_ERROR_NEWER_VERSION: written by a newer major version of the format
 * @CC_ERROR_UNSAFE: the file uses XML features a project file may not use (DTDs, entities)
 * @CC_ERROR_TOO_LARGE: the input is larger than Crosscheck accepts
 * @CC_ERROR_EMPTY: the input holds no text
 * @CC_ERROR_BINARY: the input is not text
 * @CC_ERROR_ENCODING: the input's character encoding could not be read
 * @CC_ERROR_NOT_FOUND: a source or other item named by the caller does not exist
 */
typedef enum
{
  CC_ERROR_FAILED,
  CC_ERROR_MALFORMED,
  CC_ERROR_INVALID,
  CC_ERROR_NEWER_VERSION,
  CC_ERROR_UNSAFE,
  CC_ERROR_TOO_LARGE,
  CC_ERROR_EMPTY,
  CC_ERROR_BINARY,
  CC_ERROR_ENCODING,
  CC_ERROR_NOT_FOUND,
} CcError;

GQuark cc_error_quark (void);

G_END_DECLS
