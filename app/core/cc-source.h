/* cc-source.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cc-range.h"

G_BEGIN_DECLS

#define CC_TYPE_SOURCE (cc_source_get_type ())

G_DECLARE_FINAL_TYPE (CcSource, cc_source, CC, SOURCE, GObject)

CcSource      *cc_source_new                   (void);

const char    *cc_source_get_id                (CcSource      *self);
void           cc_source_set_id                (CcSource      *self,
                                                const char    *id);
const char    *cc_source_get_title             (CcSource      *self);
void           cc_source_set_title             (CcSource      *self,
                                                const char    *title);
const char    *cc_source_get_outlet            (CcSource      *self);
void           cc_source_set_outlet            (CcSource      *self,
                                                const char    *outlet);
const char    *cc_source_get_author            (CcSource      *self);
void           cc_source_set_author            (CcSource      *self,
                                                const char    *author);
const char    *cc_source_get_url               (CcSource      *self);
void           cc_source_set_url               (CcSource      *self,
                                                const char    *url);
GDateTime     *cc_source_get_published         (CcSource      *self);
void           cc_source_set_published         (CcSource      *self,
                                                GDateTime     *published);
GDateTime     *cc_source_get_retrieved         (CcSource      *self);
void           cc_source_set_retrieved         (CcSource      *self,
                                                GDateTime     *retrieved);
const char    *cc_source_get_language          (CcSource      *self);
void           cc_source_set_language          (CcSource      *self,
                                                const char    *language);
const char    *cc_source_get_notes             (CcSource      *self);
void           cc_source_set_notes             (CcSource      *self,
                                                const char    *notes);

const char    *cc_source_get_text              (CcSource      *self);
void           cc_source_set_text              (CcSource      *self,
                                                const char    *text);
guint          cc_source_get_length            (CcSource      *self);
guint          cc_source_get_word_count        (CcSource      *self);

const CcRange *cc_source_get_excluded          (CcSource      *self,
                                                guint         *n_ranges);
gboolean       cc_source_add_excluded          (CcSource      *self,
                                                guint          start,
                                                guint          end);
void           cc_source_remove_excluded       (CcSource      *self,
                                                guint          index);
void           cc_source_clear_excluded        (CcSource      *self);

const CcMarkedQuote *cc_source_get_marked_quotes (CcSource    *self,
                                                  guint       *n_quotes);
gboolean       cc_source_add_marked_quote      (CcSource      *self,
                                                guint          start,
                                                guint          end,
                                                CcMarkupKind   kind);

const char    *cc_source_get_original_filename (CcSource      *self);
void           cc_source_set_original_filename (CcSource      *self,
                                                const char    *filename);
const char    *cc_source_get_encoding          (CcSource      *self);
void           cc_source_set_encoding          (CcSource      *self,
                                                const char    *encoding);
const char    *cc_source_get_sha256            (CcSource      *self);
void           cc_source_set_sha256            (CcSource      *self,
                                                const char    *sha256);

/**
 * CcSourceSnapshot:
 * @id: the source's id
 * @text: its text
 * @excluded: (element-type CcRange): its excluded ranges
 * @marked: (element-type CcMarkedQuote): its marked quotations
 *
 * A copy of what comparing needs of a source, taken on the main thread so that work in other
 * threads never reads a source the user may be editing.
 */
typedef struct
{
  char   *id;
  char   *text;
  GArray *excluded;
  GArray *marked;
} CcSourceSnapshot;

CcSourceSnapshot *cc_source_snapshot_new  (CcSource         *source);
void              cc_source_snapshot_free (CcSourceSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSourceSnapshot, cc_source_snapshot_free)

G_END_DECLS
