/* cc-range.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cc-range.h"

#include <string.h>

const char *
cc_markup_kind_to_string (CcMarkupKind kind)
{
  switch (kind)
    {
    case CC_MARKUP_BLOCKQUOTE:
      return "blockquote";
    case CC_MARKUP_Q:
      return "q";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cc_markup_kind_from_string (const char   *string,
                            CcMarkupKind *kind)
{
  g_return_val_if_fail (string != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (strcmp (string, "blockquote") == 0)
    *kind = CC_MARKUP_BLOCKQUOTE;
  else if (strcmp (string, "q") == 0)
    *kind = CC_MARKUP_Q;
  else
    return FALSE;

  return TRUE;
}
