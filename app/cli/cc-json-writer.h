/* cc-json-writer.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A streaming JSON writer: enough for the CLI's output, which only ever writes. Commas and
 * indentation follow from the nesting, so callers cannot produce invalid JSON by forgetting
 * one. */
typedef struct _CcJsonWriter CcJsonWriter;

CcJsonWriter *cc_json_writer_new          (void);
void          cc_json_writer_free         (CcJsonWriter *self);
char         *cc_json_writer_finish       (CcJsonWriter *self);

void          cc_json_writer_begin_object (CcJsonWriter *self);
void          cc_json_writer_end_object   (CcJsonWriter *self);
void          cc_json_writer_begin_array  (CcJsonWriter *self);
void          cc_json_writer_end_array    (CcJsonWriter *self);
void          cc_json_writer_key          (CcJsonWriter *self,
                                           const char   *key);
void          cc_json_writer_string       (CcJsonWriter *self,
                                           const char   *value);
void          cc_json_writer_uint         (CcJsonWriter *self,
                                           guint64       value);
void          cc_json_writer_boolean      (CcJsonWriter *self,
                                           gboolean      value);
void          cc_json_writer_null         (CcJsonWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcJsonWriter, cc_json_writer_free)

G_END_DECLS
