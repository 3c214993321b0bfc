/* cc-source-format.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-source-format"

#include <glib/gi18n.h>

#include "cc-source-format.h"

/* How a source is named wherever the window shows it, so the sidebar, the reading pane and the
 * comparison agree. */

/**
 * cc_source_format_title:
 *
 * Returns: the source's title, or a placeholder when it has none
 */
const char *
cc_source_format_title (CcSource *source)
{
  const char *title;

  g_return_val_if_fail (CC_IS_SOURCE (source), NULL);

  title = cc_source_get_title (source);
  return title != NULL ? title : _("Untitled Source");
}

/**
 * cc_source_format_byline:
 * @with_author: whether to name the author too
 *
 * Returns: (transfer full): "outlet · by author · date", leaving out what is not set; empty
 *   when nothing is
 */
char *
cc_source_format_byline (CcSource *source,
                         gboolean  with_author)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GDateTime *published;
  const char *outlet;
  const char *author;

  g_return_val_if_fail (CC_IS_SOURCE (source), NULL);

  outlet = cc_source_get_outlet (source);
  author = cc_source_get_author (source);
  published = cc_source_get_published (source);

  if (outlet != NULL)
    g_ptr_array_add (parts, g_strdup (outlet));
  if (with_author && author != NULL)
    {
      /* Translators: %s is the name of the article's author */
      g_ptr_array_add (parts, g_strdup_printf (_("by %s"), author));
    }
  if (published != NULL)
    {
      /* xgettext:no-c-format
       * Translators: the date an article was published, as in "12 March 2026"; see
       * g_date_time_format() for the codes. */
      g_ptr_array_add (parts, g_date_time_format (published, _("%-d %B %Y")));
    }
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the outlet, the author and the date in an article's byline */
  return g_strjoinv (_(" · "), (char **)parts->pdata);
}
