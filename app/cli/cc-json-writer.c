/* cc-json-writer.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-json-writer"

#include "cc-json-writer.h"

struct _CcJsonWriter
{
  GString *out;
  /* One entry per open container: how many members it has so far. */
  GArray  *counts;
  gboolean after_key;
};

CcJsonWriter *
cc_json_writer_new (void)
{
  CcJsonWriter *self = g_new0 (CcJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  return self;
}

void
cc_json_writer_free (CcJsonWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_array_unref (self->counts);
  g_free (self);
}

/**
 * cc_json_writer_finish:
 *
 * Frees @self and returns what it wrote, with a final newline.
 */
char *
cc_json_writer_finish (CcJsonWriter *self)
{
  char *result;

  g_return_val_if_fail (self->counts->len == 0, NULL);

  g_string_append_c (self->out, '\n');
  result = g_string_free (g_steal_pointer (&self->out), FALSE);
  self->out = g_string_new (NULL);
  cc_json_writer_free (self);
  return result;
}

static void
newline (CcJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->counts->len; i++)
    g_string_append (self->out, "  ");
}

static void
before_value (CcJsonWriter *self)
{
  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }

  if (self->counts->len > 0)
    {
      guint *count = &g_array_index (self->counts, guint, self->counts->len - 1);

      if ((*count)++ > 0)
        g_string_append_c (self->out, ',');
      newline (self);
    }
}

static void
begin (CcJsonWriter *self,
       char          bracket)
{
  guint zero = 0;

  before_value (self);
  g_string_append_c (self->out, bracket);
  g_array_append_val (self->counts, zero);
}

static void
end (CcJsonWriter *self,
     char          bracket)
{
  guint count;

  g_return_if_fail (self->counts->len > 0);

  count = g_array_index (self->counts, guint, self->counts->len - 1);
  g_array_set_size (self->counts, self->counts->len - 1);
  if (count > 0)
    newline (self);
  g_string_append_c (self->out, bracket);
}

void
cc_json_writer_begin_object (CcJsonWriter *self)
{
  begin (self, '{');
}

void
cc_json_writer_end_object (CcJsonWriter *self)
{
  end (self, '}');
}

void
cc_json_writer_begin_array (CcJsonWriter *self)
{
  begin (self, '[');
}

void
cc_json_writer_end_array (CcJsonWriter *self)
{
  end (self, ']');
}

static void
append_escaped (GString    *out,
                const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

void
cc_json_writer_key (CcJsonWriter *self,
                    const char   *key)
{
  before_value (self);
  append_escaped (self->out, key);
  g_string_append (self->out, ": ");
  self->after_key = TRUE;
}

/**
 * cc_json_writer_string:
 * @value: (nullable): UTF-8 text; %NULL writes null
 */
void
cc_json_writer_string (CcJsonWriter *self,
                       const char   *value)
{
  if (value == NULL)
    {
      cc_json_writer_null (self);
      return;
    }

  before_value (self);
  append_escaped (self->out, value);
}

void
cc_json_writer_uint (CcJsonWriter *self,
                     guint64       value)
{
  before_value (self);
  g_string_append_printf (self->out, "%" G_GUINT64_FORMAT, value);
}

void
cc_json_writer_boolean (CcJsonWriter *self,
                        gboolean      value)
{
  before_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
cc_json_writer_null (CcJsonWriter *self)
{
  before_value (self);
  g_string_append (self->out, "null");
}
