/* cc-cli-analysis.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crosscheck-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cc-cli-private.h"
#include "cc-comparison.h"
#include "cc-import.h"
#include "cc-matrix.h"
#include "cc-project-io.h"

/* Operands ---------------------------------------------------------------------------------- */

/* An operand is an article file (text or HTML) or one source of a project, written
 * PROJECT.crosscheck#ID. The project's comparison settings apply to its sources. */
typedef struct
{
  CcSource  *source;
  CcProject *project;
  char      *name;
  GBytes    *text;     /* a file's text, read without importing it (for the diff's text form) */
} Operand;

static void
operand_clear (Operand *operand)
{
  g_clear_object (&operand->source);
  g_clear_object (&operand->project);
  g_clear_pointer (&operand->name, g_free);
  g_clear_pointer (&operand->text, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Operand, operand_clear)

/* With @text_only, a file operand is only read for its text (see cc_import_file_text()):
 * the diff's text form shows nothing else of a source, and a checksum, title and all would
 * cost it more than the diff itself. */
static gboolean
operand_load (Operand     *operand,
              const char  *argument,
              gboolean     text_only,
              GError     **error)
{
  const char *hash = strrchr (argument, '#');

  if (hash != NULL && hash > argument && hash[1] != '\0')
    {
      g_autofree char *path = g_strndup (argument, hash - argument);

      if (g_str_has_suffix (path, CC_PROJECT_FILE_SUFFIX) ||
          !g_file_test (argument, G_FILE_TEST_EXISTS))
        {
          CcSource *source;

          operand->project = cc_cli_load_project (path, error);
          if (operand->project == NULL)
            return FALSE;

          source = cc_project_find_source (operand->project, hash + 1);
          if (source == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("“%s” has no source “%s” (“crosscheck-cli list %s” lists them)"),
                           path, hash + 1, path);
              return FALSE;
            }

          operand->source = g_object_ref (source);
          operand->name = g_strdup (argument);
          return TRUE;
        }
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);

    if (text_only)
      {
        operand->text = cc_import_file_text (file, CC_IMPORT_FORMAT_AUTO, NULL, error);
        if (operand->text == NULL)
          return FALSE;
        operand->name = g_strdup (argument);
        return TRUE;
      }

    operand->source = cc_import_file (file, CC_IMPORT_FORMAT_AUTO, NULL, error);
    if (operand->source == NULL)
      return FALSE;
    cc_source_set_id (operand->source, argument);
    operand->name = g_strdup (argument);
  }

  return TRUE;
}

static const char *
operand_get_text (Operand *operand,
                  gsize   *length)
{
  const char *text;

  if (operand->text != NULL)
    return g_bytes_get_data (operand->text, length);

  text = cc_source_get_text (operand->source);
  *length = strlen (text);
  return text;
}

static const CcRange *
operand_get_excluded (Operand *operand,
                      guint   *n_excluded)
{
  if (operand->source == NULL)
    {
      *n_excluded = 0;
      return NULL;
    }

  return cc_source_get_excluded (operand->source, n_excluded);
}

/* Options shared by the analysis commands: the comparison settings, which default to the
 * project's when an operand comes from one. */
typedef struct
{
  gboolean  json;
  char     *color;
  int       min_passage_words;
  int       max_bridged_words;
  int       min_identity;
  int       min_quote_words;
  gboolean  case_sensitive;
  gboolean  ignore_punctuation;
} AnalysisOptions;

#define ANALYSIS_OPTION_ENTRIES(o) \
  { "json", 0, 0, G_OPTION_ARG_NONE, &(o).json, N_("Print JSON"), NULL }, \
  { "color", 0, 0, G_OPTION_ARG_STRING, &(o).color, \
    N_("Colour the text form: auto (on a terminal), always or never"), N_("WHEN") }, \
  { "min-passage-words", 0, 0, G_OPTION_ARG_INT, &(o).min_passage_words, \
    N_("Shortest shared passage, in words"), N_("N") }, \
  { "max-bridged-words", 0, 0, G_OPTION_ARG_INT, &(o).max_bridged_words, \
    N_("Differing words a passage may bridge"), N_("N") }, \
  { "min-identity", 0, 0, G_OPTION_ARG_INT, &(o).min_identity, \
    N_("Share of matching words a passage keeps, in percent"), N_("PERCENT") }, \
  { "min-quote-words", 0, 0, G_OPTION_ARG_INT, &(o).min_quote_words, \
    N_("Shortest quotation that counts as shared, in words"), N_("N") }, \
  { "case-sensitive", 0, 0, G_OPTION_ARG_NONE, &(o).case_sensitive, \
    N_("Tell upper from lower case"), NULL }, \
  { "ignore-punctuation", 0, 0, G_OPTION_ARG_NONE, &(o).ignore_punctuation, \
    N_("Compare words only"), NULL }

static void
analysis_options_init (AnalysisOptions *options)
{
  memset (options, 0, sizeof *options);
  options->min_passage_words = -1;
  options->max_bridged_words = -1;
  options->min_identity = -1;
  options->min_quote_words = -1;
}

static gboolean
analysis_options_resolve (AnalysisOptions   *options,
                          CcProject         *project,
                          CcCompareOptions  *compare,
                          GOptionContext    *context,
                          int               *status)
{
  if (project != NULL)
    cc_compare_options_from_settings (compare, cc_project_get_settings (project));
  else
    cc_compare_options_init_default (compare);

  if (options->min_passage_words >= 0)
    compare->min_passage_words = CLAMP (options->min_passage_words, 2, 1000);
  if (options->max_bridged_words >= 0)
    compare->max_bridged_words = CLAMP (options->max_bridged_words, 0, 100);
  if (options->min_identity >= 0)
    compare->min_identity = CLAMP (options->min_identity, 1, 100);
  if (options->min_quote_words >= 0)
    compare->min_quote_words = CLAMP (options->min_quote_words, 1, 1000);
  if (options->case_sensitive)
    compare->fold_case = FALSE;
  if (options->ignore_punctuation)
    compare->ignore_punctuation = TRUE;

  if (options->color != NULL && strcmp (options->color, "auto") != 0 &&
      strcmp (options->color, "always") != 0 && strcmp (options->color, "never") != 0)
    {
      *status = cc_cli_usage_error (context, _("--color is auto, always or never, not “%s”"),
                                    options->color);
      return FALSE;
    }

  return TRUE;
}

static gboolean
use_color (AnalysisOptions *options)
{
  if (options->color == NULL || strcmp (options->color, "auto") == 0)
    return isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;

  return strcmp (options->color, "always") == 0;
}

/* Output helpers ---------------------------------------------------------------------------- */

#define COLOR_RESET   "\033[m"
#define COLOR_DELETE  "\033[31m"
#define COLOR_INSERT  "\033[32m"
#define COLOR_MOVED   "\033[35m"
#define COLOR_QUOTE   "\033[36m"
#define COLOR_HEADING "\033[1m"
#define COLOR_DIM     "\033[2m"

static void
add_span (JsonBuilder *builder,
          const char  *key,
          CcText      *text,
          CcRange      range)
{
  g_autofree char *string = cc_text_dup_span (text, range.start, range.end);

  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  cc_cli_json_uint (builder, "start", range.start);
  cc_cli_json_uint (builder, "end", range.end);
  cc_cli_json_string (builder, "text", string);
  json_builder_end_object (builder);
}

/* Character offsets into a text, to bytes: the operations of a diff are in order and tile
 * each text, so a cursor per text that only moves forward converts all of their offsets in
 * one pass over the texts. */
typedef struct
{
  const char *string;
  gsize       length;
  gsize       byte;
  guint       offset;
} TextCursor;

static void
text_cursor_init (TextCursor *cursor,
                  const char *string,
                  gsize       length)
{
  cursor->string = string;
  cursor->length = length;
  cursor->byte = 0;
  cursor->offset = 0;
}

/* Moves to character @offset, at or after the cursor, and returns its byte offset. */
static gsize
text_cursor_seek (TextCursor *cursor,
                  guint       offset)
{
  const guchar *string = (const guchar *)cursor->string;
  gsize at = cursor->byte, length = cursor->length;
  guint left;

  g_assert (offset >= cursor->offset);
  left = offset - cursor->offset;

  /* Thirty-two bytes hold at most thirty-two characters: while more are left, take whole
   * blocks, each less the bytes in it that continue a character (counted per byte lane, at
   * most four to a lane). */
  while (left >= 32 && at + 32 <= length)
    {
      guint64 lanes = 0;

      for (guint w = 0; w < 4; w++)
        {
          guint64 word;

          memcpy (&word, string + at + 8 * w, 8);
          lanes += ((word & ~(word << 1)) >> 7) & G_GUINT64_CONSTANT (0x0101010101010101);
        }
      left -= 32 - (guint)((lanes * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
      at += 32;
    }

  /* Then byte by byte, to just before the character after the last one left. */
  for (; at < length; at++)
    if ((string[at] & 0xC0) != 0x80)
      {
        if (left == 0)
          break;
        left--;
      }

  cursor->byte = at;
  cursor->offset = offset;
  return at;
}

static void
add_text_span (JsonBuilder *builder,
               const char  *key,
               TextCursor  *cursor,
               CcRange      range)
{
  gsize start = text_cursor_seek (cursor, range.start);
  gsize end = text_cursor_seek (cursor, range.end);
  g_autofree char *string = g_strndup (cursor->string + start, end - start);

  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  cc_cli_json_uint (builder, "start", range.start);
  cc_cli_json_uint (builder, "end", range.end);
  cc_cli_json_string (builder, "text", string);
  json_builder_end_object (builder);
}

static void
add_source_summary (JsonBuilder *builder,
                    const char  *key,
                    Operand     *operand,
                    guint        characters,
                    guint        words)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  cc_cli_json_string (builder, "name", operand->name);
  cc_cli_json_string (builder, "id", cc_source_get_id (operand->source));
  cc_cli_json_string (builder, "title", cc_source_get_title (operand->source));
  cc_cli_json_string (builder, "outlet", cc_source_get_outlet (operand->source));
  cc_cli_json_date_time (builder, "published", cc_source_get_published (operand->source));
  cc_cli_json_uint (builder, "characters", characters);
  cc_cli_json_uint (builder, "words", words);
  json_builder_end_object (builder);
}

static void
add_diff_ops (JsonBuilder *builder,
              CcDiff      *diff,
              const char  *a,
              gsize        a_length,
              const char  *b,
              gsize        b_length)
{
  const CcDiffOp *ops;
  TextCursor cursor_a, cursor_b;
  guint n_ops;

  text_cursor_init (&cursor_a, a, a_length);
  text_cursor_init (&cursor_b, b, b_length);
  ops = cc_diff_get_ops (diff, &n_ops);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_ops; i++)
    {
      json_builder_begin_object (builder);
      cc_cli_json_string (builder, "kind", cc_diff_kind_to_string (ops[i].kind));
      add_text_span (builder, "a", &cursor_a, ops[i].a);
      add_text_span (builder, "b", &cursor_b, ops[i].b);
      cc_cli_json_uint (builder, "a_words", ops[i].a_words);
      cc_cli_json_uint (builder, "b_words", ops[i].b_words);
      json_builder_set_member_name (builder, "partner");
      if (ops[i].partner >= 0)
        json_builder_add_int_value (builder, ops[i].partner);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_passages (JsonBuilder *builder,
              CcPassages  *passages,
              CcText      *a,
              CcText      *b)
{
  const CcPassage *list;
  guint n;

  list = cc_passages_get (passages, &n);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      add_span (builder, "a", a, list[i].a);
      add_span (builder, "b", b, list[i].b);
      cc_cli_json_uint (builder, "a_words", list[i].a_words);
      cc_cli_json_uint (builder, "b_words", list[i].b_words);
      cc_cli_json_uint (builder, "matched_words", list[i].matched_words);
      json_builder_set_member_name (builder, "identity");
      json_builder_add_double_value (builder, list[i].identity);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static const char *
quote_origin_to_string (CcQuoteOrigin origin)
{
  switch (origin)
    {
    case CC_QUOTE_BLOCKQUOTE:
      return "blockquote";
    case CC_QUOTE_Q:
      return "q";
    case CC_QUOTE_MARKS:
    default:
      return "marks";
    }
}

static void
add_mark (JsonBuilder *builder,
          const char  *key,
          gunichar     mark)
{
  char utf8[8] = { 0 };

  if (mark == 0)
    {
      cc_cli_json_string (builder, key, NULL);
      return;
    }

  g_unichar_to_utf8 (mark, utf8);
  cc_cli_json_string (builder, key, utf8);
}

static void
add_quotes (JsonBuilder *builder,
            CcQuotes    *quotes)
{
  CcText *text = cc_quotes_get_text (quotes);
  const CcQuote *list;
  guint n;

  list = cc_quotes_get (quotes, &n);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      add_span (builder, "span", text, list[i].range);
      add_span (builder, "outer", text, list[i].outer);
      add_mark (builder, "open_mark", list[i].open_mark);
      add_mark (builder, "close_mark", list[i].close_mark);
      cc_cli_json_uint (builder, "level", list[i].level);
      cc_cli_json_uint (builder, "paragraphs", list[i].paragraphs);
      cc_cli_json_uint (builder, "words", list[i].words);
      cc_cli_json_string (builder, "origin", quote_origin_to_string (list[i].origin));
      if (list[i].speaker.end > list[i].speaker.start)
        add_span (builder, "speaker", text, list[i].speaker);
      else
        cc_cli_json_string (builder, "speaker", NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_shared_quotes (JsonBuilder    *builder,
                   CcSharedQuotes *shared,
                   CcText         *a,
                   CcText         *b)
{
  const CcSharedQuote *list;
  guint n;

  list = cc_shared_quotes_get (shared, &n);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      cc_cli_json_string (builder, "kind", cc_shared_quote_kind_to_string (list[i].kind));
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, list[i].score);
      add_span (builder, "a", a, list[i].a);
      add_span (builder, "b", b, list[i].b);
      json_builder_set_member_name (builder, "a_quoted");
      json_builder_add_boolean_value (builder, list[i].a_quote >= 0);
      json_builder_set_member_name (builder, "b_quoted");
      json_builder_add_boolean_value (builder, list[i].b_quote >= 0);
      json_builder_set_member_name (builder, "a_quote");
      if (list[i].a_quote >= 0)
        json_builder_add_int_value (builder, list[i].a_quote);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "b_quote");
      if (list[i].b_quote >= 0)
        json_builder_add_int_value (builder, list[i].b_quote);
      else
        json_builder_add_null_value (builder);
      if (list[i].difference != NULL)
        {
          /* The difference between the two wordings, as spans of each text. */
          json_builder_set_member_name (builder, "difference");
          json_builder_begin_array (builder);
          for (guint d = 0; d < list[i].difference->len; d++)
            {
              const CcDiffSpan *span = &g_array_index (list[i].difference, CcDiffSpan, d);
              CcRange a_range, b_range;

              cc_shared_quotes_get_span_ranges (shared, i, span, &a_range, &b_range);
              json_builder_begin_object (builder);
              cc_cli_json_string (builder, "kind", cc_diff_kind_to_string (span->kind));
              add_span (builder, "a", a, a_range);
              add_span (builder, "b", b, b_range);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_stats (JsonBuilder             *builder,
           const CcComparisonStats *stats)
{
  json_builder_set_member_name (builder, "stats");
  json_builder_begin_object (builder);
  cc_cli_json_uint (builder, "a_words", stats->a_words);
  cc_cli_json_uint (builder, "b_words", stats->b_words);
  cc_cli_json_uint (builder, "inserted", stats->inserted);
  cc_cli_json_uint (builder, "deleted", stats->deleted);
  cc_cli_json_uint (builder, "changed_a", stats->changed_a);
  cc_cli_json_uint (builder, "changed_b", stats->changed_b);
  cc_cli_json_uint (builder, "moved", stats->moved);
  json_builder_set_member_name (builder, "coverage_a");
  json_builder_add_double_value (builder, stats->coverage_a);
  json_builder_set_member_name (builder, "coverage_b");
  json_builder_add_double_value (builder, stats->coverage_b);
  cc_cli_json_uint (builder, "passages", stats->passages);
  cc_cli_json_uint (builder, "quotes_a", stats->quotes_a);
  cc_cli_json_uint (builder, "quotes_b", stats->quotes_b);
  json_builder_set_member_name (builder, "shared_quotes");
  json_builder_begin_object (builder);
  for (guint kind = CC_SHARED_EXACT; kind <= CC_SHARED_UNQUOTED; kind++)
    cc_cli_json_uint (builder, cc_shared_quote_kind_to_string (kind),
                      stats->shared_quotes[kind]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* Writes text with a colour, or between plain markers when there is no colour. */
static void
put_marked (GString    *out,
            const char *text,
            gsize       length,
            gboolean    color,
            const char *color_code,
            const char *open,
            const char *close)
{
  if (length == 0)
    return;

  if (color)
    g_string_append (out, color_code);
  else
    g_string_append (out, open);
  g_string_append_len (out, text, length);
  g_string_append (out, color ? COLOR_RESET : close);
}

static void
flush_output (GString *out,
              gboolean force)
{
  if (out->len > 1 << 16 || (force && out->len > 0))
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
}

/* The word diff as text, in the manner of `git diff --word-diff`: B's text, with A's deleted
 * words as [-…-] and B's inserted ones as {+…+}; moved words as [<…<] where they left and
 * {>…>} where they arrived. With colour, the markers give way to red, green and magenta. */
static void
print_diff_text (CcDiff     *diff,
                 const char *a,
                 gsize       a_length,
                 const char *b,
                 gsize       b_length,
                 gboolean    color)
{
  g_autoptr(GString) out = g_string_sized_new (1 << 17);
  const CcDiffOp *ops;
  TextCursor cursor_a, cursor_b;
  guint n_ops;

  text_cursor_init (&cursor_a, a, a_length);
  text_cursor_init (&cursor_b, b, b_length);
  ops = cc_diff_get_ops (diff, &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      gsize a_start = text_cursor_seek (&cursor_a, ops[i].a.start);
      gsize a_end = text_cursor_seek (&cursor_a, ops[i].a.end);
      gsize b_start = text_cursor_seek (&cursor_b, ops[i].b.start);
      gsize b_end = text_cursor_seek (&cursor_b, ops[i].b.end);

      switch (ops[i].kind)
        {
        case CC_DIFF_EQUAL:
          g_string_append_len (out, b + b_start, b_end - b_start);
          break;
        case CC_DIFF_DELETE:
          put_marked (out, a + a_start, a_end - a_start, color, COLOR_DELETE, "[-", "-]");
          break;
        case CC_DIFF_INSERT:
          put_marked (out, b + b_start, b_end - b_start, color, COLOR_INSERT, "{+", "+}");
          break;
        case CC_DIFF_CHANGE:
          put_marked (out, a + a_start, a_end - a_start, color, COLOR_DELETE, "[-", "-]");
          put_marked (out, b + b_start, b_end - b_start, color, COLOR_INSERT, "{+", "+}");
          break;
        case CC_DIFF_MOVE_FROM:
          put_marked (out, a + a_start, a_end - a_start, color,
                      COLOR_DIM COLOR_MOVED, "[<", "<]");
          break;
        case CC_DIFF_MOVE_TO:
          put_marked (out, b + b_start, b_end - b_start, color, COLOR_MOVED, "{>", ">}");
          break;
        default:
          g_assert_not_reached ();
        }
      flush_output (out, FALSE);
    }

  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  flush_output (out, TRUE);
}

static char *
excerpt (CcText  *text,
         CcRange  range,
         guint    max_chars)
{
  g_autofree char *span = cc_text_dup_span (text, range.start, range.end);
  GString *out = g_string_new (NULL);
  guint n = 0;

  /* One line: line breaks become spaces, and long spans are cut with an ellipsis. */
  for (const char *p = span; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, g_unichar_isspace (c) ? ' ' : c);
    }
  if (g_utf8_strlen (span, -1) > max_chars)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

static void
print_heading (const char *heading,
               gboolean    color)
{
  if (color)
    g_print (COLOR_HEADING "%s" COLOR_RESET "\n", heading);
  else
    g_print ("%s\n", heading);
}

static void
print_passages_text (CcPassages *passages,
                     CcText     *a,
                     CcText     *b)
{
  const CcPassage *list;
  guint n;

  list = cc_passages_get (passages, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a_text = excerpt (a, list[i].a, 100);
      g_autofree char *b_text = excerpt (b, list[i].b, 100);

      /* Translators: a shared passage: words, identity, then its character ranges */
      g_print (_("%u words, %.0f%% identical: A %u–%u, B %u–%u\n"),
               list[i].a_words, list[i].identity * 100,
               list[i].a.start, list[i].a.end, list[i].b.start, list[i].b.end);
      g_print ("  A: %s\n  B: %s\n", a_text, b_text);
    }
  if (n == 0)
    g_print ("%s\n", _("No shared passages."));
}

static void
print_quotes_text (CcQuotes *quotes,
                   gboolean  color)
{
  CcText *text = cc_quotes_get_text (quotes);
  const CcQuote *list;
  guint n;

  list = cc_quotes_get (quotes, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *quoted = excerpt (text, list[i].range, 200);
      g_autofree char *speaker = list[i].speaker.end > list[i].speaker.start
                                 ? cc_text_dup_span (text, list[i].speaker.start,
                                                     list[i].speaker.end)
                                 : NULL;

      g_print ("%*s%u–%u  %s%s%s", (int)list[i].level * 2, "",
               list[i].range.start, list[i].range.end,
               color ? COLOR_QUOTE : "“", quoted, color ? COLOR_RESET : "”");
      if (speaker != NULL)
        g_print ("  — %s", speaker);
      g_print ("\n");
    }
  if (n == 0)
    g_print ("%s\n", _("No quotations."));
}

static void
print_shared_quotes_text (CcSharedQuotes *shared,
                          CcText         *a,
                          CcText         *b,
                          gboolean        color)
{
  const CcSharedQuote *list;
  guint n;

  list = cc_shared_quotes_get (shared, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a_text = excerpt (a, list[i].a, 160);
      g_autofree char *b_text = excerpt (b, list[i].b, 160);

      g_print ("%s%s%s (%.2f)\n", color ? COLOR_HEADING : "",
               cc_shared_quote_kind_to_string (list[i].kind), color ? COLOR_RESET : "",
               list[i].score);
      /* Translators: "quoted" or "not quoted", for one side of a shared quotation */
      g_print ("  A (%s): %s\n", list[i].a_quote >= 0 ? _("quoted") : _("not quoted"), a_text);
      g_print ("  B (%s): %s\n", list[i].b_quote >= 0 ? _("quoted") : _("not quoted"), b_text);
    }
  if (n == 0)
    g_print ("%s\n", _("No shared quotations."));
}

/* Commands ----------------------------------------------------------------------------------- */

typedef enum
{
  SHOW_COMPARE,
  SHOW_DIFF,
  SHOW_PASSAGES,
} Show;

/* The diff command: the texts as they are, their lines anchoring the word diff, so two long
 * texts that differ here and there take about as long as git's word diff of them. */
static int
run_diff (Operand                *a,
          Operand                *b,
          const CcCompareOptions *compare,
          AnalysisOptions        *options)
{
  g_autoptr(CcDiff) diff = NULL;
  const CcRange *excluded_a, *excluded_b;
  const char *text_a, *text_b;
  gsize length_a, length_b;
  guint n_excluded_a, n_excluded_b;

  text_a = operand_get_text (a, &length_a);
  text_b = operand_get_text (b, &length_b);
  excluded_a = operand_get_excluded (a, &n_excluded_a);
  excluded_b = operand_get_excluded (b, &n_excluded_b);
  diff = cc_diff_new_for_strings (text_a, length_a, excluded_a, n_excluded_a,
                                  text_b, length_b, excluded_b, n_excluded_b, compare, NULL);
  g_assert (diff != NULL);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      guint words_a = 0, words_b = 0, n_ops;
      const CcDiffOp *ops;

      /* The operations tile both texts: their word counts add up to the texts', and the last
       * one ends where the texts do. */
      ops = cc_diff_get_ops (diff, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        {
          words_a += ops[i].a_words;
          words_b += ops[i].b_words;
        }

      json_builder_begin_object (builder);
      add_source_summary (builder, "a", a, n_ops > 0 ? ops[n_ops - 1].a.end : 0, words_a);
      add_source_summary (builder, "b", b, n_ops > 0 ? ops[n_ops - 1].b.end : 0, words_b);
      json_builder_set_member_name (builder, "coarse");
      json_builder_add_boolean_value (builder, cc_diff_is_coarse (diff));
      json_builder_set_member_name (builder, "diff");
      add_diff_ops (builder, diff, text_a, length_a, text_b, length_b);
      json_builder_end_object (builder);
      cc_cli_print_json (builder);
      return CC_EXIT_OK;
    }

  print_diff_text (diff, text_a, length_a, text_b, length_b, use_color (options));
  return CC_EXIT_OK;
}

static int
run_pair_command (const char *name,
                  Show        show,
                  int         argc,
                  char      **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcComparison) comparison = NULL;
  g_auto(Operand) a = { 0 };
  g_auto(Operand) b = { 0 };
  g_autoptr(GError) error = NULL;
  const CcCommand *command = cc_cli_find_command (name);
  AnalysisOptions options;
  CcCompareOptions compare;
  int status;

  analysis_options_init (&options);
  {
    const GOptionEntry entries[] = { ANALYSIS_OPTION_ENTRIES (options), { NULL } };

    context = cc_cli_context_new (command);
    if ((status = cc_cli_parse_options (context, command, entries, &argc, &argv)) >= 0)
      return status;
  }
  if (argc != 3)
    return cc_cli_usage_error (context, _("“%s” takes two sources: files or PROJECT#ID"), name);

  if (!operand_load (&a, argv[1], show == SHOW_DIFF && !options.json, &error) ||
      !operand_load (&b, argv[2], show == SHOW_DIFF && !options.json, &error))
    return cc_cli_fail (g_steal_pointer (&error));

  if (!analysis_options_resolve (&options, a.project != NULL ? a.project : b.project, &compare,
                                 context, &status))
    return status;

  if (show == SHOW_DIFF)
    return run_diff (&a, &b, &compare, &options);

  comparison = cc_comparison_new_parts (a.source, b.source, &compare,
                                        show == SHOW_PASSAGES ? CC_COMPARE_PASSAGES
                                        : CC_COMPARE_ALL,
                                        NULL);
  g_assert (comparison != NULL);

  if (options.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      CcText *text_a = cc_comparison_get_text_a (comparison);
      CcText *text_b = cc_comparison_get_text_b (comparison);

      json_builder_begin_object (builder);
      add_source_summary (builder, "a", &a, cc_text_get_length (text_a),
                          cc_text_get_word_count (text_a));
      add_source_summary (builder, "b", &b, cc_text_get_length (text_b),
                          cc_text_get_word_count (text_b));
      if (show == SHOW_COMPARE)
        {
          gsize length_a, length_b;
          const char *string_a = cc_text_get_string (text_a, &length_a);
          const char *string_b = cc_text_get_string (text_b, &length_b);

          add_stats (builder, cc_comparison_get_stats (comparison));
          json_builder_set_member_name (builder, "coarse");
          json_builder_add_boolean_value (builder,
                                          cc_diff_is_coarse (cc_comparison_get_diff (comparison)));
          json_builder_set_member_name (builder, "diff");
          add_diff_ops (builder, cc_comparison_get_diff (comparison), string_a, length_a,
                        string_b, length_b);
        }
      if (show == SHOW_COMPARE || show == SHOW_PASSAGES)
        {
          json_builder_set_member_name (builder, "passages");
          add_passages (builder, cc_comparison_get_passages (comparison), text_a, text_b);
        }
      if (show == SHOW_COMPARE)
        {
          json_builder_set_member_name (builder, "quotes_a");
          add_quotes (builder, cc_comparison_get_quotes_a (comparison));
          json_builder_set_member_name (builder, "quotes_b");
          add_quotes (builder, cc_comparison_get_quotes_b (comparison));
          json_builder_set_member_name (builder, "shared_quotes");
          add_shared_quotes (builder, cc_comparison_get_shared_quotes (comparison),
                             text_a, text_b);
        }
      json_builder_end_object (builder);
      cc_cli_print_json (builder);
      return CC_EXIT_OK;
    }

  switch (show)
    {
    case SHOW_PASSAGES:
      print_passages_text (cc_comparison_get_passages (comparison),
                           cc_comparison_get_text_a (comparison),
                           cc_comparison_get_text_b (comparison));
      break;

    case SHOW_COMPARE:
    default:
      {
        const CcComparisonStats *stats = cc_comparison_get_stats (comparison);
        gboolean color = use_color (&options);

        print_heading (_("Sources"), color);
        g_print ("  A  %s — %s\n", a.name, cc_source_get_title (a.source) ?: "");
        g_print ("  B  %s — %s\n\n", b.name, cc_source_get_title (b.source) ?: "");
        print_heading (_("Statistics"), color);
        g_print (_("  words            A %u, B %u\n"), stats->a_words, stats->b_words);
        g_print (_("  coverage         %.0f%% of A is in B, %.0f%% of B is in A\n"),
                 stats->coverage_a * 100, stats->coverage_b * 100);
        g_print (_("  words changed    %u deleted, %u inserted, %u → %u changed, %u moved\n"),
                 stats->deleted, stats->inserted, stats->changed_a, stats->changed_b,
                 stats->moved);
        g_print (_("  shared passages  %u\n"), stats->passages);
        g_print (_("  quotations       A %u, B %u\n"), stats->quotes_a, stats->quotes_b);
        g_print (_("  shared quotations  %u exact, %u partial, %u variant, %u unquoted\n\n"),
                 stats->shared_quotes[CC_SHARED_EXACT], stats->shared_quotes[CC_SHARED_PARTIAL],
                 stats->shared_quotes[CC_SHARED_VARIANT],
                 stats->shared_quotes[CC_SHARED_UNQUOTED]);
        print_heading (_("Shared quotations"), color);
        print_shared_quotes_text (cc_comparison_get_shared_quotes (comparison),
                                  cc_comparison_get_text_a (comparison),
                                  cc_comparison_get_text_b (comparison), color);
        g_print ("\n");
        print_heading (_("Shared passages"), color);
        print_passages_text (cc_comparison_get_passages (comparison),
                             cc_comparison_get_text_a (comparison),
                             cc_comparison_get_text_b (comparison));
      }
      break;
    }

  return CC_EXIT_OK;
}

int
cc_cli_run_compare (int    argc,
                    char **argv)
{
  return run_pair_command ("compare", SHOW_COMPARE, argc, argv);
}

int
cc_cli_run_diff (int    argc,
                 char **argv)
{
  return run_pair_command ("diff", SHOW_DIFF, argc, argv);
}

int
cc_cli_run_passages (int    argc,
                     char **argv)
{
  return run_pair_command ("passages", SHOW_PASSAGES, argc, argv);
}

int
cc_cli_run_quotes (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const CcCommand *command = cc_cli_find_command ("quotes");
  AnalysisOptions options;
  int status;

  analysis_options_init (&options);
  {
    const GOptionEntry entries[] = { ANALYSIS_OPTION_ENTRIES (options), { NULL } };

    context = cc_cli_context_new (command);
    if ((status = cc_cli_parse_options (context, command, entries, &argc, &argv)) >= 0)
      return status;
  }
  if (argc < 2)
    return cc_cli_usage_error (context, _("“quotes” takes at least one source: a file or "
                                          "PROJECT#ID"));

  json_builder_begin_array (builder);
  for (int i = 1; i < argc; i++)
    {
      g_auto(Operand) operand = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
      g_autoptr(CcText) text = NULL;
      g_autoptr(CcQuotes) quotes = NULL;
      CcCompareOptions compare;
      const CcMarkedQuote *marked;
      guint n_marked;

      if (!operand_load (&operand, argv[i], FALSE, &error))
        return cc_cli_fail (g_steal_pointer (&error));
      if (!analysis_options_resolve (&options, operand.project, &compare, context, &status))
        return status;

      text = cc_text_new_for_source (operand.source, &compare, lexicon);
      marked = cc_source_get_marked_quotes (operand.source, &n_marked);
      quotes = cc_quotes_extract (text, marked, n_marked, &compare);

      if (options.json)
        {
          json_builder_begin_object (builder);
          cc_cli_json_string (builder, "name", operand.name);
          cc_cli_json_string (builder, "title", cc_source_get_title (operand.source));
          json_builder_set_member_name (builder, "quotes");
          add_quotes (builder, quotes);
          json_builder_end_object (builder);
        }
      else
        {
          if (argc > 2)
            print_heading (operand.name, use_color (&options));
          print_quotes_text (quotes, use_color (&options));
          if (i + 1 < argc)
            g_print ("\n");
        }
    }
  json_builder_end_array (builder);

  if (options.json)
    cc_cli_print_json (builder);

  return CC_EXIT_OK;
}

int
cc_cli_run_matrix (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcProject) project = NULL;
  g_autoptr(CcMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  const CcCommand *command = cc_cli_find_command ("matrix");
  AnalysisOptions options;
  CcCompareOptions compare;
  guint size;
  int status;

  analysis_options_init (&options);
  {
    const GOptionEntry entries[] = { ANALYSIS_OPTION_ENTRIES (options), { NULL } };

    context = cc_cli_context_new (command);
    if ((status = cc_cli_parse_options (context, command, entries, &argc, &argv)) >= 0)
      return status;
  }
  if (argc != 2)
    return cc_cli_usage_error (context, _("“matrix” takes one project file"));

  if (!(project = cc_cli_load_project (argv[1], &error)))
    return cc_cli_fail (g_steal_pointer (&error));
  if (!analysis_options_resolve (&options, project, &compare, context, &status))
    return status;

  matrix = cc_matrix_new (project, &compare, NULL, NULL, NULL);
  size = cc_matrix_get_size (matrix);

  if (options.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < size; i++)
        {
          json_builder_begin_object (builder);
          cc_cli_json_string (builder, "id", cc_matrix_get_id (matrix, i));
          cc_cli_json_uint (builder, "words", cc_matrix_get_words (matrix, i));
          cc_cli_json_uint (builder, "quotes", cc_matrix_get_quotes (matrix, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "pairs");
      json_builder_begin_array (builder);
      for (guint i = 0; i < size; i++)
        for (guint j = i + 1; j < size; j++)
          {
            const CcMatrixCell *ab = cc_matrix_get_cell (matrix, i, j);
            const CcMatrixCell *ba = cc_matrix_get_cell (matrix, j, i);

            json_builder_begin_object (builder);
            cc_cli_json_string (builder, "a", cc_matrix_get_id (matrix, i));
            cc_cli_json_string (builder, "b", cc_matrix_get_id (matrix, j));
            json_builder_set_member_name (builder, "coverage_a");
            json_builder_add_double_value (builder, ab->coverage);
            json_builder_set_member_name (builder, "coverage_b");
            json_builder_add_double_value (builder, ba->coverage);
            cc_cli_json_uint (builder, "shared_quotes_a", ab->shared_quotes);
            cc_cli_json_uint (builder, "shared_quotes_b", ba->shared_quotes);
            json_builder_end_object (builder);
          }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cc_cli_print_json (builder);
      return CC_EXIT_OK;
    }

  /* Translators: heading of the matrix: each cell is how much of the row source is in the
   * column source, and how many of its quotations */
  g_print ("%s\n\n", _("Coverage of each row source by each column source (%), and the row "
                       "source’s quotations the column source carries"));
  g_print ("%-24s", "");
  for (guint j = 0; j < size; j++)
    g_print (" %10.10s", cc_matrix_get_id (matrix, j));
  g_print ("\n");
  for (guint i = 0; i < size; i++)
    {
      g_print ("%-24.24s", cc_matrix_get_id (matrix, i));
      for (guint j = 0; j < size; j++)
        {
          const CcMatrixCell *cell = cc_matrix_get_cell (matrix, i, j);

          if (i == j)
            g_print (" %10s", "—");
          else
            g_print (" %5.0f%% %3u", cell->coverage * 100, cell->shared_quotes);
        }
      g_print ("\n");
    }

  return CC_EXIT_OK;
}
