/* cc-drafts.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cc-project.h"

G_BEGIN_DECLS

#define CC_TYPE_DRAFT (cc_draft_get_type ())

typedef struct _CcDraft CcDraft;

GType       cc_draft_get_type     (void) G_GNUC_CONST;
CcDraft    *cc_draft_ref          (CcDraft *self);
void        cc_draft_unref        (CcDraft *self);
const char *cc_draft_get_id       (CcDraft *self);
GFile      *cc_draft_get_file     (CcDraft *self);
const char *cc_draft_get_title    (CcDraft *self);
GDateTime  *cc_draft_get_saved    (CcDraft *self);
GFile      *cc_draft_get_contents (CcDraft *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcDraft, cc_draft_unref)

#define CC_TYPE_DRAFTS (cc_drafts_get_type ())

G_DECLARE_FINAL_TYPE (CcDrafts, cc_drafts, CC, DRAFTS, GObject)

CcDrafts  *cc_drafts_new               (GFile                *directory);
CcDrafts  *cc_drafts_get_default       (void);
GFile     *cc_drafts_get_directory     (CcDrafts             *self);

gboolean   cc_drafts_write             (CcDrafts             *self,
                                        const char           *id,
                                        GBytes               *contents,
                                        GFile                *file,
                                        const char           *title,
                                        GDateTime            *saved,
                                        GCancellable         *cancellable,
                                        GError              **error);
void       cc_drafts_write_async       (CcDrafts             *self,
                                        const char           *id,
                                        CcProject            *project,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean   cc_drafts_write_finish      (CcDrafts             *self,
                                        GAsyncResult         *result,
                                        GError              **error);

GPtrArray *cc_drafts_list              (CcDrafts             *self,
                                        GCancellable         *cancellable,
                                        GError              **error);
void       cc_drafts_list_async        (CcDrafts             *self,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GPtrArray *cc_drafts_list_finish       (CcDrafts             *self,
                                        GAsyncResult         *result,
                                        GError              **error);

CcDraft   *cc_drafts_find_newer        (CcDrafts             *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void       cc_drafts_find_newer_async  (CcDrafts             *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
CcDraft   *cc_drafts_find_newer_finish (CcDrafts             *self,
                                        GAsyncResult         *result,
                                        GError              **error);

gboolean   cc_drafts_remove            (CcDrafts             *self,
                                        const char           *id,
                                        GCancellable         *cancellable,
                                        GError              **error);
void       cc_drafts_remove_async      (CcDrafts             *self,
                                        const char           *id,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean   cc_drafts_remove_finish     (CcDrafts             *self,
                                        GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
