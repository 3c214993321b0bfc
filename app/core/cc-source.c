/* cc-source.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-source"

#include "cc-source.h"

#include "cc-text.h"

#include <string.h>

struct _CcSource
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  char      *outlet;
  char      *author;
  char      *url;
  GDateTime *published;
  GDateTime *retrieved;
  char      *language;
  char      *notes;
  char      *text;
  char      *original_filename;
  char      *encoding;
  char      *sha256;

  /* Both sorted by start offset. */
  GArray    *excluded;
  GArray    *marked_quotes;

  /* Derived from the text, computed when first asked for. */
  guint      length;
  guint      word_count;
  guint      length_valid : 1;
  guint      word_count_valid : 1;
};

G_DEFINE_FINAL_TYPE (CcSource, cc_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_AUTHOR,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_RETRIEVED,
  PROP_LANGUAGE,
  PROP_NOTES,
  PROP_TEXT,
  PROP_LENGTH,
  PROP_WORD_COUNT,
  PROP_ORIGINAL_FILENAME,
  PROP_ENCODING,
  PROP_SHA256,
  N_PROPS
};

enum {
  RANGES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cc_source_finalize (GObject *object)
{
  CcSource *self = (CcSource *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->retrieved, g_date_time_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->original_filename, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->excluded, g_array_unref);
  g_clear_pointer (&self->marked_quotes, g_array_unref);

  G_OBJECT_CLASS (cc_source_parent_class)->finalize (object);
}

static void
cc_source_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CcSource *self = CC_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;
    case PROP_RETRIEVED:
      g_value_set_boxed (value, self->retrieved);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_LENGTH:
      g_value_set_uint (value, cc_source_get_length (self));
      break;
    case PROP_WORD_COUNT:
      g_value_set_uint (value, cc_source_get_word_count (self));
      break;
    case PROP_ORIGINAL_FILENAME:
      g_value_set_string (value, self->original_filename);
      break;
    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_source_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CcSource *self = CC_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cc_source_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      cc_source_set_title (self, g_value_get_string (value));
      break;
    case PROP_OUTLET:
      cc_source_set_outlet (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      cc_source_set_author (self, g_value_get_string (value));
      break;
    case PROP_URL:
      cc_source_set_url (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHED:
      cc_source_set_published (self, g_value_get_boxed (value));
      break;
    case PROP_RETRIEVED:
      cc_source_set_retrieved (self, g_value_get_boxed (value));
      break;
    case PROP_LANGUAGE:
      cc_source_set_language (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      cc_source_set_notes (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      cc_source_set_text (self, g_value_get_string (value));
      break;
    case PROP_ORIGINAL_FILENAME:
      cc_source_set_original_filename (self, g_value_get_string (value));
      break;
    case PROP_ENCODING:
      cc_source_set_encoding (self, g_value_get_string (value));
      break;
    case PROP_SHA256:
      cc_source_set_sha256 (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 const char *nick)
{
  return g_param_spec_string (name, nick, NULL, NULL,
                              (G_PARAM_READWRITE |
                               G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS));
}

static void
cc_source_class_init (CcSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_source_finalize;
  object_class->get_property = cc_source_get_property;
  object_class->set_property = cc_source_set_property;

  properties[PROP_ID] = string_property ("id", "Id");
  properties[PROP_TITLE] = string_property ("title", "Title");
  properties[PROP_OUTLET] = string_property ("outlet", "Outlet");
  properties[PROP_AUTHOR] = string_property ("author", "Author");
  properties[PROP_URL] = string_property ("url", "URL");
  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", "Published", NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RETRIEVED] =
    g_param_spec_boxed ("retrieved", "Retrieved", NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] = string_property ("language", "Language");
  properties[PROP_NOTES] = string_property ("notes", "Notes");
  properties[PROP_TEXT] = string_property ("text", "Text");
  properties[PROP_LENGTH] =
    g_param_spec_uint ("length", "Length", "Length of the text in characters",
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", "Word count", NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORIGINAL_FILENAME] = string_property ("original-filename", "Original filename");
  properties[PROP_ENCODING] = string_property ("encoding", "Encoding");
  properties[PROP_SHA256] = string_property ("sha256", "SHA-256");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcSource::ranges-changed:
   *
   * The excluded ranges or the marked quotations changed.
   */
  signals[RANGES_CHANGED] =
    g_signal_new ("ranges-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cc_source_init (CcSource *self)
{
  self->text = g_strdup ("");
  self->excluded = g_array_new (FALSE, FALSE, sizeof (CcRange));
  self->marked_quotes = g_array_new (FALSE, FALSE, sizeof (CcMarkedQuote));
}

CcSource *
cc_source_new (void)
{
  return g_object_new (CC_TYPE_SOURCE, NULL);
}

/* An empty string and no value mean the same thing to the user, so both are stored as NULL:
 * that keeps "is it set?" a single test everywhere. */
static void
set_string (CcSource   *self,
            char      **field,
            const char *value,
            guint       prop_id)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_date_time (CcSource   *self,
               GDateTime **field,
               GDateTime  *value,
               guint       prop_id)
{
  if (*field == value)
    return;
  if (*field != NULL && value != NULL && g_date_time_equal (*field, value) &&
      g_date_time_get_utc_offset (*field) == g_date_time_get_utc_offset (value))
    return;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
cc_source_get_id (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->id;
}

void
cc_source_set_id (CcSource   *self,
                  const char *id)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->id, id, PROP_ID);
}

const char *
cc_source_get_title (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->title;
}

void
cc_source_set_title (CcSource   *self,
                     const char *title)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
cc_source_get_outlet (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->outlet;
}

void
cc_source_set_outlet (CcSource   *self,
                      const char *outlet)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->outlet, outlet, PROP_OUTLET);
}

const char *
cc_source_get_author (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->author;
}

void
cc_source_set_author (CcSource   *self,
                      const char *author)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->author, author, PROP_AUTHOR);
}

const char *
cc_source_get_url (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->url;
}

void
cc_source_set_url (CcSource   *self,
                   const char *url)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->url, url, PROP_URL);
}

GDateTime *
cc_source_get_published (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->published;
}

void
cc_source_set_published (CcSource  *self,
                         GDateTime *published)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_date_time (self, &self->published, published, PROP_PUBLISHED);
}

GDateTime *
cc_source_get_retrieved (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->retrieved;
}

void
cc_source_set_retrieved (CcSource  *self,
                         GDateTime *retrieved)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_date_time (self, &self->retrieved, retrieved, PROP_RETRIEVED);
}

const char *
cc_source_get_language (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->language;
}

void
cc_source_set_language (CcSource   *self,
                        const char *language)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->language, language, PROP_LANGUAGE);
}

const char *
cc_source_get_notes (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->notes;
}

void
cc_source_set_notes (CcSource   *self,
                     const char *notes)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->notes, notes, PROP_NOTES);
}

/**
 * cc_source_get_text:
 *
 * Returns: the text, never %NULL (an empty source has "").
 */
const char *
cc_source_get_text (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->text;
}

static void
drop_ranges_beyond (GArray *ranges,
                    gsize   element_size,
                    guint   length)
{
  /* CcRange is the first member of every element kept in these arrays. */
  for (guint i = ranges->len; i > 0; i--)
    {
      const CcRange *range = (const CcRange *)(ranges->data + (i - 1) * element_size);

      if (range->end > length)
        g_array_remove_index (ranges, i - 1);
    }
}

void
cc_source_set_text (CcSource   *self,
                    const char *text)
{
  guint old_excluded;
  guint old_marked;

  g_return_if_fail (CC_IS_SOURCE (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  if (text == NULL)
    text = "";
  if (strcmp (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  self->length_valid = FALSE;
  self->word_count_valid = FALSE;

  old_excluded = self->excluded->len;
  old_marked = self->marked_quotes->len;
  drop_ranges_beyond (self->excluded, sizeof (CcRange), cc_source_get_length (self));
  drop_ranges_beyond (self->marked_quotes, sizeof (CcMarkedQuote), cc_source_get_length (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENGTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD_COUNT]);
  if (old_excluded != self->excluded->len || old_marked != self->marked_quotes->len)
    g_signal_emit (self, signals[RANGES_CHANGED], 0);
}

/* One definition of a word for the whole program: the tokenizer's, so the sidebar, the
 * statistics and the reports always agree. */
static void
update_word_count (CcSource *self)
{
  if (self->word_count_valid)
    return;

  self->word_count = cc_text_count_words (self->text, strlen (self->text), NULL, 0, 0);
  self->word_count_valid = TRUE;
}

/**
 * cc_source_get_length:
 *
 * Returns: the length of the text in characters (Unicode code points)
 */
guint
cc_source_get_length (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), 0);

  if (!self->length_valid)
    {
      self->length = g_utf8_strlen (self->text, -1);
      self->length_valid = TRUE;
    }
  return self->length;
}

guint
cc_source_get_word_count (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), 0);

  update_word_count (self);
  return self->word_count;
}

const CcRange *
cc_source_get_excluded (CcSource *self,
                        guint    *n_ranges)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  g_return_val_if_fail (n_ranges != NULL, NULL);

  *n_ranges = self->excluded->len;
  return (const CcRange *)(gpointer)self->excluded->data;
}

/* Ranges mostly arrive in order (an importer walks the text, a file lists them sorted), so
 * the search starts from the end and usually stops at once. */
static guint
sorted_position (GArray *ranges,
                 gsize   element_size,
                 guint   start)
{
  guint i;

  for (i = ranges->len; i > 0; i--)
    {
      const CcRange *range = (const CcRange *)(ranges->data + (i - 1) * element_size);

      if (range->start <= start)
        break;
    }

  return i;
}

/**
 * cc_source_add_excluded:
 * @start: first character excluded from comparison
 * @end: one past the last
 *
 * Marks a range as boilerplate. The range must be non-empty and lie within the text.
 *
 * Returns: %FALSE if the range is empty or outside the text
 */
gboolean
cc_source_add_excluded (CcSource *self,
                        guint     start,
                        guint     end)
{
  CcRange range = { start, end };

  g_return_val_if_fail (CC_IS_SOURCE (self), FALSE);

  if (start >= end || end > cc_source_get_length (self))
    return FALSE;

  g_array_insert_val (self->excluded,
                      sorted_position (self->excluded, sizeof (CcRange), start),
                      range);
  g_signal_emit (self, signals[RANGES_CHANGED], 0);
  return TRUE;
}

void
cc_source_remove_excluded (CcSource *self,
                           guint     index)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  g_return_if_fail (index < self->excluded->len);

  g_array_remove_index (self->excluded, index);
  g_signal_emit (self, signals[RANGES_CHANGED], 0);
}

void
cc_source_clear_excluded (CcSource *self)
{
  g_return_if_fail (CC_IS_SOURCE (self));

  if (self->excluded->len == 0)
    return;

  g_array_set_size (self->excluded, 0);
  g_signal_emit (self, signals[RANGES_CHANGED], 0);
}

const CcMarkedQuote *
cc_source_get_marked_quotes (CcSource *self,
                             guint    *n_quotes)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  g_return_val_if_fail (n_quotes != NULL, NULL);

  *n_quotes = self->marked_quotes->len;
  return (const CcMarkedQuote *)(gpointer)self->marked_quotes->data;
}

/**
 * cc_source_add_marked_quote:
 *
 * Records that an imported page marked [@start, @end) as a quotation.
 *
 * Returns: %FALSE if the range is empty or outside the text
 */
gboolean
cc_source_add_marked_quote (CcSource     *self,
                            guint         start,
                            guint         end,
                            CcMarkupKind  kind)
{
  CcMarkedQuote quote = { { start, end }, kind };

  g_return_val_if_fail (CC_IS_SOURCE (self), FALSE);

  if (start >= end || end > cc_source_get_length (self))
    return FALSE;

  g_array_insert_val (self->marked_quotes,
                      sorted_position (self->marked_quotes, sizeof (CcMarkedQuote), start),
                      quote);
  g_signal_emit (self, signals[RANGES_CHANGED], 0);
  return TRUE;
}

const char *
cc_source_get_original_filename (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->original_filename;
}

void
cc_source_set_original_filename (CcSource   *self,
                                 const char *filename)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->original_filename, filename, PROP_ORIGINAL_FILENAME);
}

const char *
cc_source_get_encoding (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->encoding;
}

void
cc_source_set_encoding (CcSource   *self,
                        const char *encoding)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->encoding, encoding, PROP_ENCODING);
}

const char *
cc_source_get_sha256 (CcSource *self)
{
  g_return_val_if_fail (CC_IS_SOURCE (self), NULL);
  return self->sha256;
}

void
cc_source_set_sha256 (CcSource   *self,
                      const char *sha256)
{
  g_return_if_fail (CC_IS_SOURCE (self));
  set_string (self, &self->sha256, sha256, PROP_SHA256);
}

/**
 * cc_source_snapshot_new:
 *
 * Returns: (transfer full): a copy of @source's id, text and ranges
 */
CcSourceSnapshot *
cc_source_snapshot_new (CcSource *source)
{
  CcSourceSnapshot *snapshot;

  g_return_val_if_fail (CC_IS_SOURCE (source), NULL);

  snapshot = g_new0 (CcSourceSnapshot, 1);
  snapshot->id = g_strdup (source->id);
  snapshot->text = g_strdup (source->text);
  snapshot->excluded = g_array_copy (source->excluded);
  snapshot->marked = g_array_copy (source->marked_quotes);

  return snapshot;
}

void
cc_source_snapshot_free (CcSourceSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->id);
  g_free (snapshot->text);
  g_array_unref (snapshot->excluded);
  g_array_unref (snapshot->marked);
  g_free (snapshot);
}
