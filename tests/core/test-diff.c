/* test-diff.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cc-diff.h"

/* Invariants ------------------------------------------------------------------------------- */

static gboolean
is_word_token (const CcToken *token)
{
  return (token->kind == CC_TOKEN_WORD || token->kind == CC_TOKEN_NUMBER) &&
         !(token->flags & CC_TOKEN_EXCLUDED);
}

/* The tokens that start inside [start, end). */
static void
tokens_in_span (CcText  *text,
                CcRange  span,
                guint   *first,
                guint   *last)
{
  const CcToken *tokens;
  guint n_tokens, i;

  tokens = cc_text_get_tokens (text, &n_tokens);
  i = cc_text_token_at (text, span.start);
  while (i < n_tokens && tokens[i].start < span.start)
    i++;
  *first = i;
  while (i < n_tokens && tokens[i].start < span.end)
    i++;
  *last = i;
}

static guint
count_words (CcText  *text,
             CcRange  span)
{
  const CcToken *tokens;
  guint n_tokens, first, last, words = 0;

  tokens = cc_text_get_tokens (text, &n_tokens);
  tokens_in_span (text, span, &first, &last);
  for (guint i = first; i < last; i++)
    words += is_word_token (&tokens[i]);
  return words;
}

/* The forms of the tokens that take part in matching, in the span. */
static GArray *
matchable_forms (CcText  *text,
                 CcRange  span)
{
  GArray *forms = g_array_new (FALSE, FALSE, sizeof (guint32));
  const CcToken *tokens;
  guint n_tokens, first, last;

  tokens = cc_text_get_tokens (text, &n_tokens);
  tokens_in_span (text, span, &first, &last);
  for (guint i = first; i < last; i++)
    if (!(tokens[i].flags & CC_TOKEN_IGNORED))
      g_array_append_val (forms, tokens[i].form);
  return forms;
}

static void
assert_same_forms (CcText  *a,
                   CcRange  span_a,
                   CcText  *b,
                   CcRange  span_b)
{
  g_autoptr(GArray) forms_a = matchable_forms (a, span_a);
  g_autoptr(GArray) forms_b = matchable_forms (b, span_b);

  g_assert_cmpmem (forms_a->data, forms_a->len * sizeof (guint32),
                   forms_b->data, forms_b->len * sizeof (guint32));
}

static gboolean
is_edit (CcDiffKind kind)
{
  return kind == CC_DIFF_DELETE || kind == CC_DIFF_INSERT || kind == CC_DIFF_CHANGE;
}

/* An equal run between two edits must be something a reader sees as common text: a content
 * word, more than two stop-words, or a paragraph break. */
static gboolean
is_confetti (CcText         *text,
             const CcDiffOp *ops,
             guint           i,
             gboolean        side_a)
{
  const CcToken *tokens;
  guint n_tokens, first, last, stopwords = 0, matchable = 0;
  gboolean strong = FALSE;
  CcRange span = side_a ? ops[i].a : ops[i].b;

  tokens = cc_text_get_tokens (text, &n_tokens);
  tokens_in_span (text, span, &first, &last);
  for (guint t = first; t < last + 1 && t < n_tokens; t++)
    {
      if (tokens[t].flags & CC_TOKEN_IGNORED)
        continue;
      if (tokens[t].flags & CC_TOKEN_PARAGRAPH_START)
        strong = TRUE;
      if (t == last)
        break;
      matchable++;
      if (is_word_token (&tokens[t]))
        {
          if (!(tokens[t].flags & CC_TOKEN_STOPWORD))
            strong = TRUE;
          stopwords++;
        }
    }

  return !strong && stopwords <= 2 && matchable <= 4;
}

static char *render (CcText *a,
                     CcText *b,
                     CcDiff *diff);

/* Everything that must hold of any diff of @a and @b. */
static void
check_invariants (CcText                 *a,
                  CcText                 *b,
                  CcDiff                 *diff,
                  const CcCompareOptions *options)
{
  g_autoptr(CcDiff) mirror = cc_diff_new (b, a, options, NULL);
  g_autoptr(GString) rebuilt_a = g_string_new (NULL);
  g_autoptr(GString) rebuilt_b = g_string_new (NULL);
  const CcDiffOp *ops, *mirrored;
  guint n_ops, n_mirrored, at_a = 0, at_b = 0, words_a = 0, words_b = 0;
  const char *string;
  gsize n_bytes;

  ops = cc_diff_get_ops (diff, &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      const CcDiffOp *op = &ops[i];
      g_autofree char *span_a = cc_text_dup_span (a, op->a.start, op->a.end);
      g_autofree char *span_b = cc_text_dup_span (b, op->b.start, op->b.end);

      /* Contiguous and in order. */
      g_assert_cmpuint (op->a.start, ==, at_a);
      g_assert_cmpuint (op->b.start, ==, at_b);
      g_assert_cmpuint (op->a.start, <=, op->a.end);
      g_assert_cmpuint (op->b.start, <=, op->b.end);
      g_assert_true (op->a.end > op->a.start || op->b.end > op->b.start);
      at_a = op->a.end;
      at_b = op->b.end;
      g_string_append (rebuilt_a, span_a);
      g_string_append (rebuilt_b, span_b);

      g_assert_cmpuint (op->a_words, ==, count_words (a, op->a));
      g_assert_cmpuint (op->b_words, ==, count_words (b, op->b));
      words_a += op->a_words;
      words_b += op->b_words;

      switch (op->kind)
        {
        case CC_DIFF_EQUAL:
          g_assert_cmpint (op->partner, ==, -1);
          assert_same_forms (a, op->a, b, op->b);
          if (i > 0)
            g_assert_cmpint (ops[i - 1].kind, !=, CC_DIFF_EQUAL);
          if (i > 0 && i + 1 < n_ops && is_edit (ops[i - 1].kind) && is_edit (ops[i + 1].kind))
            {
              if (is_confetti (a, ops, i, TRUE) && is_confetti (b, ops, i, FALSE))
                {
                  g_autofree char *rendered = render (a, b, diff);

                  g_error ("equal run %u of %u between two edits is confetti: %s", i, n_ops,
                           rendered);
                }
            }
          break;
        case CC_DIFF_DELETE:
          g_assert_cmpint (op->partner, ==, -1);
          g_assert_cmpuint (op->b.start, ==, op->b.end);
          if (i > 0)
            g_assert_cmpint (ops[i - 1].kind, !=, CC_DIFF_INSERT);
          break;
        case CC_DIFF_INSERT:
          g_assert_cmpint (op->partner, ==, -1);
          g_assert_cmpuint (op->a.start, ==, op->a.end);
          if (i > 0)
            g_assert_cmpint (ops[i - 1].kind, !=, CC_DIFF_DELETE);
          break;
        case CC_DIFF_CHANGE:
          g_assert_cmpint (op->partner, ==, -1);
          g_assert_cmpuint (op->a.start, <, op->a.end);
          g_assert_cmpuint (op->b.start, <, op->b.end);
          break;
        case CC_DIFF_MOVE_FROM:
        case CC_DIFF_MOVE_TO:
          {
            const CcDiffOp *partner;
            CcDiffKind other = op->kind == CC_DIFF_MOVE_FROM ? CC_DIFF_MOVE_TO : CC_DIFF_MOVE_FROM;

            g_assert_cmpint (op->partner, >=, 0);
            g_assert_cmpint (op->partner, <, n_ops);
            partner = &ops[op->partner];
            g_assert_cmpint (partner->partner, ==, i);
            g_assert_cmpint (partner->kind, ==, other);
            if (op->kind == CC_DIFF_MOVE_FROM)
              {
                g_assert_cmpuint (op->b.start, ==, op->b.end);
                g_assert_cmpuint (op->a_words, ==, partner->b_words);
                g_assert_cmpuint (op->a_words, >=, options->min_passage_words);
                assert_same_forms (a, op->a, b, partner->b);
              }
            else
              {
                g_assert_cmpuint (op->a.start, ==, op->a.end);
                g_assert_cmpuint (op->b_words, ==, partner->a_words);
              }
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_assert_cmpuint (at_a, ==, cc_text_get_length (a));
  g_assert_cmpuint (at_b, ==, cc_text_get_length (b));
  string = cc_text_get_string (a, &n_bytes);
  g_assert_cmpmem (rebuilt_a->str, rebuilt_a->len, string, n_bytes);
  string = cc_text_get_string (b, &n_bytes);
  g_assert_cmpmem (rebuilt_b->str, rebuilt_b->len, string, n_bytes);
  g_assert_cmpuint (words_a, ==, cc_text_get_word_count (a));
  g_assert_cmpuint (words_b, ==, cc_text_get_word_count (b));

  /* Swapping the texts mirrors the result exactly. */
  mirrored = cc_diff_get_ops (mirror, &n_mirrored);
  g_assert_cmpuint (n_mirrored, ==, n_ops);
  g_assert_cmpint (cc_diff_is_coarse (mirror), ==, cc_diff_is_coarse (diff));
  for (guint i = 0; i < n_ops; i++)
    {
      static const CcDiffKind mirror_of[] = {
        [CC_DIFF_EQUAL] = CC_DIFF_EQUAL,
        [CC_DIFF_DELETE] = CC_DIFF_INSERT,
        [CC_DIFF_INSERT] = CC_DIFF_DELETE,
        [CC_DIFF_CHANGE] = CC_DIFF_CHANGE,
        [CC_DIFF_MOVE_FROM] = CC_DIFF_MOVE_TO,
        [CC_DIFF_MOVE_TO] = CC_DIFF_MOVE_FROM,
      };

      g_assert_cmpint (mirrored[i].kind, ==, mirror_of[ops[i].kind]);
      g_assert_cmpuint (mirrored[i].a.start, ==, ops[i].b.start);
      g_assert_cmpuint (mirrored[i].a.end, ==, ops[i].b.end);
      g_assert_cmpuint (mirrored[i].b.start, ==, ops[i].a.start);
      g_assert_cmpuint (mirrored[i].b.end, ==, ops[i].a.end);
      g_assert_cmpuint (mirrored[i].a_words, ==, ops[i].b_words);
      g_assert_cmpuint (mirrored[i].b_words, ==, ops[i].a_words);
      g_assert_cmpint (mirrored[i].partner, ==, ops[i].partner);
    }
}

/* The operations as "[=equal][-deleted][+inserted][~old|new][<moved from][>moved to]". */
static char *
render (CcText *a,
        CcText *b,
        CcDiff *diff)
{
  GString *out = g_string_new (NULL);
  const CcDiffOp *ops;
  guint n_ops;

  ops = cc_diff_get_ops (diff, &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      g_autofree char *span_a = cc_text_dup_span (a, ops[i].a.start, ops[i].a.end);
      g_autofree char *span_b = cc_text_dup_span (b, ops[i].b.start, ops[i].b.end);

      switch (ops[i].kind)
        {
        case CC_DIFF_EQUAL:
          g_string_append_printf (out, "[=%s]", span_a);
          break;
        case CC_DIFF_DELETE:
          g_string_append_printf (out, "[-%s]", span_a);
          break;
        case CC_DIFF_INSERT:
          g_string_append_printf (out, "[+%s]", span_b);
          break;
        case CC_DIFF_CHANGE:
          g_string_append_printf (out, "[~%s|%s]", span_a, span_b);
          break;
        case CC_DIFF_MOVE_FROM:
          g_string_append_printf (out, "[<%s]", span_a);
          break;
        case CC_DIFF_MOVE_TO:
          g_string_append_printf (out, "[>%s]", span_b);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}

/* Golden cases ----------------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *a;
  const char *b;
  const char *expected;
  CcRange     excluded_a;   /* empty when none */
  CcRange     excluded_b;
  gboolean    ignore_punctuation;
} GoldenCase;

static const GoldenCase golden_cases[] = {
  { "empty-empty", "", "", "" },
  { "empty-text", "", "Hello world.", "[+Hello world.]" },
  { "text-empty", "Hello world.", "", "[-Hello world.]" },
  { "white-space-text", "  \n", "Hello", "[~  \n|Hello]" },
  { "white-space-both", " ", "\n\n", "[= ]" },
  { "identical", "The same text, twice.\n", "The same text, twice.\n",
    "[=The same text, twice.\n]" },
  { "identical-but-white-space", "The same  text.", "The same\ntext.", "[=The same  text.]" },
  { "one-word-each", "Yes", "No", "[~Yes|No]" },
  { "one-word-same", "Yes", "yes", "[=Yes]" },
  { "one-word-changed", "The cat sat on the mat.", "The dog sat on the mat.",
    "[=The ][~cat |dog ][=sat on the mat.]" },
  { "no-common-word", "Alpha beta gamma", "one two three", "[~Alpha beta gamma|one two three]" },
  { "word-inserted", "the cat sat", "the black cat sat", "[=the ][+black ][=cat sat]" },
  { "word-deleted", "the black cat sat", "the cat sat", "[=the ][-black ][=cat sat]" },
  { "leading-white-space", "  Hello world", "Hello there world",
    "[=  Hello ][+there ][=world]" },
  { "insertion-at-start", "cat sat", "The cat sat", "[+The ][=cat sat]" },
  { "insertion-at-end", "The cat", "The cat sat.", "[=The cat][+sat.]" },
  { "phrase-replaced", "the council approved the plan", "the council rejected the budget plan",
    "[=the council ][~approved the |rejected the budget ][=plan]" },
  { "confetti-the", "Officials sold the house quickly.", "Officials bought the car quickly.",
    "[=Officials ][~sold the house |bought the car ][=quickly.]" },
  { "confetti-of-the", "The report blamed managers of the authority for delays.",
    "The report cleared directors of the council for delays.",
    "[=The report ][~blamed managers of the authority |cleared directors of the council ]"
    "[=for delays.]" },
  { "confetti-punctuation", "Prices rose, sharply, in March.",
    "Prices fell, slowly, in March.",
    "[=Prices ][~rose, sharply|fell, slowly][=, in March.]" },
  { "content-word-kept", "The mayor praised the work of engineers.",
    "The mayor criticised the work of contractors.",
    "[=The mayor ][~praised |criticised ][=the work of ][~engineers|contractors][=.]" },
  { "paragraph-break-kept", "First part ends.\n\nThe second begins.",
    "First bit ends.\n\nThe next begins.",
    "[=First ][~part |bit ][=ends.\n\nThe ][~second |next ][=begins.]" },
  { "sentence-inserted", "It rained. The match went ahead.",
    "It rained. Fans stayed home. The match went ahead.",
    "[=It rained. ][+Fans stayed home. ][=The match went ahead.]" },
  { "paragraph-moved",
    "Water levels rose sharply across the valley overnight.\n\n"
    "The authority issued a boil notice for eleven thousand homes.\n\n"
    "Engineers expect repairs to last until Friday.",
    "The authority issued a boil notice for eleven thousand homes.\n\n"
    "Water levels rose sharply across the valley overnight.\n\n"
    "Engineers expect repairs to last until Friday.",
    "[<Water levels rose sharply across the valley overnight.\n\n]"
    "[=The authority issued a boil notice for eleven thousand homes.\n\n]"
    "[>Water levels rose sharply across the valley overnight.\n\n]"
    "[=Engineers expect repairs to last until Friday.]" },
  { "sentence-deleted-and-inserted",
    "Alpha said the new bridge would open in early spring next year. Beta.",
    "Gamma. Alpha said the new bridge would open in early spring next year.",
    "[+Gamma. ][=Alpha said the new bridge would open in early spring next year. ][-Beta.]" },
  { "excluded-ignored",
    "The council approved the plan. ADVERT: buy now! The vote was close.",
    "The council approved the plan. The vote was close.",
    "[=The council approved the plan. ADVERT: buy now! The vote was close.]",
    { 31, 48 }, { 0, 0 } },
  { "excluded-both-differ",
    "Header one. The vote was close.", "Header two! The vote was close.",
    "[=Header one. The vote was close.]", { 0, 12 }, { 0, 12 } },
  { "excluded-inside-change",
    "The council approved [ad] the plan.", "The council rejected the plan.",
    "[=The council ][~approved [ad] |rejected ][=the plan.]", { 21, 25 }, { 0, 0 } },
  { "ignored-punctuation", "Prices rose, sharply.", "Prices rose sharply!",
    "[=Prices rose, sharply.]", { 0, 0 }, { 0, 0 }, TRUE },
  { "crlf", "First line.\r\nSecond line.\r\n", "First line.\r\nSecond row.\r\n",
    "[=First line.\r\nSecond ][~line|row][=.\r\n]" },
  { "crlf-against-lf", "One line.\r\nTwo lines.\r\n", "One line.\nTwo lines.\n",
    "[=One line.\r\nTwo lines.\r\n]" },
  { "non-ascii", "Der Bürgermeister lehnte den Plan ab.", "Der Bürgermeister billigte den Plan.",
    "[=Der Bürgermeister ][~lehnte |billigte ][=den Plan ][-ab][=.]" },
  { "typographic-variants", "Don\xe2\x80\x99t stop \xe2\x80\x94 it\xe2\x80\x99s CAF\xc3\x89.",
    "Don't stop - it's café.",
    "[=Don\xe2\x80\x99t stop \xe2\x80\x94 it\xe2\x80\x99s CAF\xc3\x89.]" },
  { "cjk-no-spaces", "水道局は警告した。", "水道局は否定した。", "[=水道局は][~警告|否定][=した。]" },
  { "right-to-left", "שלום עולם יפה", "שלום עולם גדול", "[=שלום עולם ][~יפה|גדול]" },
};

static CcText *
make_text (const char             *string,
           CcRange                 excluded,
           const CcCompareOptions *options,
           CcLexicon              *lexicon)
{
  return cc_text_new (string, -1, &excluded, excluded.end > excluded.start ? 1 : 0, options,
                      lexicon);
}

static void
test_golden (gconstpointer data)
{
  const GoldenCase *test = data;
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) a = NULL;
  g_autoptr(CcText) b = NULL;
  g_autoptr(CcDiff) diff = NULL;
  g_autofree char *rendered = NULL;
  CcCompareOptions options;

  cc_compare_options_init_default (&options);
  options.ignore_punctuation = test->ignore_punctuation;
  a = make_text (test->a, test->excluded_a, &options, lexicon);
  b = make_text (test->b, test->excluded_b, &options, lexicon);

  diff = cc_diff_new (a, b, &options, NULL);
  g_assert_nonnull (diff);
  check_invariants (a, b, diff, &options);
  g_assert_false (cc_diff_is_coarse (diff));

  rendered = render (a, b, diff);
  g_assert_cmpstr (rendered, ==, test->expected);
}

static void
test_kind_to_string (void)
{
  g_assert_cmpstr (cc_diff_kind_to_string (CC_DIFF_EQUAL), ==, "equal");
  g_assert_cmpstr (cc_diff_kind_to_string (CC_DIFF_DELETE), ==, "delete");
  g_assert_cmpstr (cc_diff_kind_to_string (CC_DIFF_INSERT), ==, "insert");
  g_assert_cmpstr (cc_diff_kind_to_string (CC_DIFF_CHANGE), ==, "change");
  g_assert_cmpstr (cc_diff_kind_to_string (CC_DIFF_MOVE_FROM), ==, "move-from");
  g_assert_cmpstr (cc_diff_kind_to_string (CC_DIFF_MOVE_TO), ==, "move-to");
}

static void
test_null_options (void)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  CcCompareOptions options;
  g_autoptr(CcText) a = NULL;
  g_autoptr(CcText) b = NULL;
  g_autoptr(CcDiff) diff = NULL;
  guint n_ops;

  cc_compare_options_init_default (&options);
  a = cc_text_new ("one two three", -1, NULL, 0, &options, lexicon);
  b = cc_text_new ("one three", -1, NULL, 0, &options, lexicon);
  diff = cc_diff_new (a, b, NULL, NULL);
  check_invariants (a, b, diff, &options);
  cc_diff_get_ops (diff, &n_ops);
  g_assert_cmpuint (n_ops, ==, 3);
  g_assert_true (cc_diff_ref (diff) == diff);
  cc_diff_unref (diff);
}

static void
test_cancelled (void)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CcCompareOptions options;
  g_autoptr(CcText) a = NULL;
  g_autoptr(CcText) b = NULL;

  cc_compare_options_init_default (&options);
  a = cc_text_new ("one two three", -1, NULL, 0, &options, lexicon);
  b = cc_text_new ("one three", -1, NULL, 0, &options, lexicon);
  g_cancellable_cancel (cancellable);
  g_assert_null (cc_diff_new (a, b, &options, cancellable));
}

/* Sequences ------------------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *a;        /* one id per character */
  const char *b;
  const char *expected; /* one letter per span: e(qual) d(elete) i(nsert) c(hange) */
} SequenceCase;

static const SequenceCase sequence_cases[] = {
  { "empty", "", "", "" },
  { "insert-all", "", "abc", "i" },
  { "delete-all", "abc", "", "d" },
  { "same", "abc", "abc", "e" },
  { "change-middle", "abc", "axc", "ece" },
  { "insert-middle", "ac", "abc", "eie" },
  { "delete-middle", "abc", "ac", "ede" },
  { "nothing-common", "abc", "xyz", "c" },
  { "two-changes", "abcdefg", "abXdeYg", "ecece" },
};

static GArray *
ids_of (const char *string)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (const char *p = string; *p != '\0'; p++)
    {
      /* Spread the ids out, so the alignment cannot rely on them being small. */
      guint32 id = (guint32)*p * 2654435761u;

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
check_spans (GArray        *spans,
             const guint32 *a,
             guint          n_a,
             const guint32 *b,
             guint          n_b)
{
  guint at_a = 0, at_b = 0;

  for (guint s = 0; s < spans->len; s++)
    {
      const CcDiffSpan *span = &g_array_index (spans, CcDiffSpan, s);

      g_assert_cmpuint (span->a_start, ==, at_a);
      g_assert_cmpuint (span->b_start, ==, at_b);
      at_a = span->a_end;
      at_b = span->b_end;
      switch (span->kind)
        {
        case CC_DIFF_EQUAL:
          g_assert_cmpuint (span->a_end - span->a_start, ==, span->b_end - span->b_start);
          g_assert_cmpmem (a + span->a_start, (span->a_end - span->a_start) * 4,
                           b + span->b_start, (span->b_end - span->b_start) * 4);
          break;
        case CC_DIFF_DELETE:
          g_assert_cmpuint (span->b_start, ==, span->b_end);
          g_assert_cmpuint (span->a_start, <, span->a_end);
          break;
        case CC_DIFF_INSERT:
          g_assert_cmpuint (span->a_start, ==, span->a_end);
          g_assert_cmpuint (span->b_start, <, span->b_end);
          break;
        case CC_DIFF_CHANGE:
          g_assert_cmpuint (span->a_start, <, span->a_end);
          g_assert_cmpuint (span->b_start, <, span->b_end);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (at_a, ==, n_a);
  g_assert_cmpuint (at_b, ==, n_b);
}

static void
check_sequences (const guint32 *a,
                 guint          n_a,
                 const guint32 *b,
                 guint          n_b,
                 GString       *kinds)
{
  g_autoptr(GArray) spans = cc_diff_sequences (a, n_a, b, n_b);
  g_autoptr(GArray) mirror = cc_diff_sequences (b, n_b, a, n_a);

  check_spans (spans, a, n_a, b, n_b);
  check_spans (mirror, b, n_b, a, n_a);
  g_assert_cmpuint (mirror->len, ==, spans->len);
  for (guint s = 0; s < spans->len; s++)
    {
      const CcDiffSpan *one = &g_array_index (spans, CcDiffSpan, s);
      const CcDiffSpan *other = &g_array_index (mirror, CcDiffSpan, s);

      g_assert_cmpuint (one->a_start, ==, other->b_start);
      g_assert_cmpuint (one->a_end, ==, other->b_end);
      g_assert_cmpuint (one->b_start, ==, other->a_start);
      g_assert_cmpuint (one->b_end, ==, other->a_end);
      if (kinds != NULL)
        g_string_append_c (kinds, "edic"[one->kind]);
    }
}

static void
test_sequences (gconstpointer data)
{
  const SequenceCase *test = data;
  g_autoptr(GArray) a = ids_of (test->a);
  g_autoptr(GArray) b = ids_of (test->b);
  g_autoptr(GString) kinds = g_string_new (NULL);

  check_sequences ((const guint32 *)(gpointer)a->data, a->len,
                   (const guint32 *)(gpointer)b->data, b->len, kinds);
  g_assert_cmpstr (kinds->str, ==, test->expected);
}

static void
test_sequences_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 500; round++)
    {
      guint n_a = g_rand_int_range (rand, 0, 60), n_b = g_rand_int_range (rand, 0, 60);
      guint alphabet = g_rand_int_range (rand, 1, 12);
      guint32 a[60], b[60];

      for (guint i = 0; i < n_a; i++)
        a[i] = g_rand_int_range (rand, 0, alphabet);
      for (guint j = 0; j < n_b; j++)
        b[j] = g_rand_int_range (rand, 0, alphabet);
      check_sequences (a, n_a, b, n_b, NULL);
    }
}

/* Random edits of real text ------------------------------------------------------------------ */

static const char * const articles[] = {
  "daily-signal.txt",
  "harbour-gazette.txt",
  "northern-ledger.txt",
  "valley-courier.txt",
  "wire-digest.txt",
};

#define VARIANTS_PER_ARTICLE 60

static char *
load_article (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "articles", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Moves paragraph @from to stand before paragraph @to. */
static char *
move_paragraph (const char *text,
                GRand      *rand)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  guint n = g_strv_length (paragraphs), from, to;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  char *moved;

  if (n < 3)
    return g_strdup (text);

  from = g_rand_int_range (rand, 0, n);
  to = g_rand_int_range (rand, 0, n);
  for (guint p = 0; p < n; p++)
    if (p != from)
      g_ptr_array_add (order, paragraphs[p]);
  g_ptr_array_insert (order, MIN (to, order->len), paragraphs[from]);
  g_ptr_array_add (order, NULL);

  moved = g_strjoinv ("\n\n", (char **)order->pdata);
  return moved;
}

/* A few word insertions, deletions and replacements, and sometimes a paragraph move. */
static char *
edit_text (const char *text,
           GRand      *rand)
{
  g_autofree char *moved = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  guint n, n_edits = g_rand_int_range (rand, 0, 12);

  moved = g_rand_boolean (rand) ? move_paragraph (text, rand) : g_strdup (text);
  words = g_strsplit (moved, " ", -1);
  n = g_strv_length (words);
  for (guint w = 0; w < n; w++)
    g_ptr_array_add (out, g_strdup (words[w]));

  for (guint e = 0; e < n_edits && out->len > 1; e++)
    {
      guint at = g_rand_int_range (rand, 0, out->len);
      const char *other = g_ptr_array_index (out, g_rand_int_range (rand, 0, out->len));

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          g_ptr_array_remove_index (out, at);
          break;
        case 1:
          g_ptr_array_insert (out, at, g_strdup (other));
          break;
        case 2:
          g_ptr_array_insert (out, at, g_strdup_printf ("novel%u", g_rand_int (rand) % 1000));
          break;
        default:
          {
            char *replacement = g_strdup (other);

            g_free (out->pdata[at]);
            out->pdata[at] = replacement;
          }
          break;
        }
    }

  g_ptr_array_add (out, NULL);
  return g_strjoinv (" ", (char **)out->pdata);
}

static void
test_random_edits (gconstpointer data)
{
  const char *name = data;
  g_autofree char *original = load_article (name);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (name));
  guint with_moves = 0;

  for (guint variant = 0; variant < VARIANTS_PER_ARTICLE; variant++)
    {
      g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
      g_autofree char *edited = edit_text (original, rand);
      g_autoptr(CcText) a = NULL;
      g_autoptr(CcText) b = NULL;
      g_autoptr(CcDiff) diff = NULL;
      CcCompareOptions options;
      CcRange excluded = { 0, 0 };
      const CcDiffOp *ops;
      guint n_ops;

      cc_compare_options_init_default (&options);
      options.ignore_punctuation = variant % 3 == 1;
      options.fold_case = variant % 4 != 2;
      options.min_passage_words = 4 + variant % 5;
      if (variant % 5 == 3)
        {
          excluded.start = g_rand_int_range (rand, 0, strlen (original) / 2);
          excluded.end = excluded.start + g_rand_int_range (rand, 1, 200);
        }

      a = make_text (original, excluded, &options, lexicon);
      b = make_text (edited, (CcRange) { 0, 0 }, &options, lexicon);
      diff = cc_diff_new (a, b, &options, NULL);
      g_assert_nonnull (diff);
      check_invariants (a, b, diff, &options);
      g_assert_false (cc_diff_is_coarse (diff));

      ops = cc_diff_get_ops (diff, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        if (ops[i].kind == CC_DIFF_MOVE_FROM)
          {
            with_moves++;
            break;
          }
    }

  /* About half the variants move a paragraph; most of those moves must be found. */
  g_assert_cmpuint (with_moves, >=, VARIANTS_PER_ARTICLE / 5);
}

/* Bounded cost ----------------------------------------------------------------------------- */

/* Two unrelated texts drawn from one small vocabulary: every token is frequent, so no anchor
 * helps and a full search would be quadratic. The bounds must cut it short. */
static char *
random_text (GRand *rand,
             gsize  size)
{
  static const char * const vocabulary[] = {
    "the", "water", "board", "said", "it", "would", "not", "raise", "bills", "and", "residents",
    "of", "valley", "were", "told", "to", "boil", "their", "tap", "before", "drinking", "it.",
  };
  GString *out = g_string_sized_new (size + 16);

  while (out->len < size)
    {
      g_string_append (out, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
      g_string_append_c (out, g_rand_int_range (rand, 0, 30) == 0 ? '\n' : ' ');
    }
  return g_string_free (out, FALSE);
}

static void
test_bounded (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autofree char *string_a = random_text (rand, 200 * 1024);
  g_autofree char *string_b = random_text (rand, 200 * 1024);
  g_autoptr(CcText) a = NULL;
  g_autoptr(CcText) b = NULL;
  g_autoptr(CcDiff) diff = NULL;
  CcCompareOptions options;

  cc_compare_options_init_default (&options);
  a = cc_text_new (string_a, -1, NULL, 0, &options, lexicon);
  b = cc_text_new (string_b, -1, NULL, 0, &options, lexicon);
  diff = cc_diff_new (a, b, &options, NULL);

  g_assert_true (cc_diff_is_coarse (diff));
  check_invariants (a, b, diff, &options);
}

/* A long run of punctuation deleted in one place and inserted in another: no words, so no
 * move, but each of its positions finds long candidate matches. The search must give up. */
static void
test_bounded_moves (void)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(GString) punctuation = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *string_a = NULL;
  g_autofree char *string_b = NULL;
  g_autoptr(CcText) a = NULL;
  g_autoptr(CcText) b = NULL;
  g_autoptr(CcDiff) diff = NULL;
  CcCompareOptions options;

  for (guint i = 0; i < 5000; i++)
    g_string_append (punctuation, ". , ; : ");
  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (words, "w%u ", i);
  string_a = g_strconcat (punctuation->str, words->str, NULL);
  string_b = g_strconcat (words->str, punctuation->str, NULL);

  cc_compare_options_init_default (&options);
  a = cc_text_new (string_a, -1, NULL, 0, &options, lexicon);
  b = cc_text_new (string_b, -1, NULL, 0, &options, lexicon);
  diff = cc_diff_new (a, b, &options, NULL);

  g_assert_true (cc_diff_is_coarse (diff));
  check_invariants (a, b, diff, &options);
}

/* Threads ---------------------------------------------------------------------------------- */

typedef struct
{
  CcText                 *a;
  CcText                 *b;
  const CcCompareOptions *options;
} ThreadData;

static gpointer
diff_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  return cc_diff_new (data->a, data->b, data->options, NULL);
}

static void
test_threads (void)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autofree char *original = load_article ("harbour-gazette.txt");
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  g_autofree char *edited = edit_text (original, rand);
  g_autoptr(CcText) a = NULL;
  g_autoptr(CcText) b = NULL;
  g_autoptr(CcDiff) reference = NULL;
  CcCompareOptions options;
  ThreadData data;
  GThread *threads[4];
  const CcDiffOp *expected;
  guint n_expected;

  cc_compare_options_init_default (&options);
  a = cc_text_new (original, -1, NULL, 0, &options, lexicon);
  b = cc_text_new (edited, -1, NULL, 0, &options, lexicon);
  reference = cc_diff_new (a, b, &options, NULL);
  check_invariants (a, b, reference, &options);
  expected = cc_diff_get_ops (reference, &n_expected);

  data = (ThreadData) { a, b, &options };
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("diff", diff_thread, &data);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_autoptr(CcDiff) diff = g_thread_join (threads[t]);
      const CcDiffOp *ops;
      guint n_ops;

      ops = cc_diff_get_ops (diff, &n_ops);
      g_assert_cmpmem (ops, n_ops * sizeof *ops, expected, n_expected * sizeof *expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (golden_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/diff/golden/%s", golden_cases[i].name);

      g_test_add_data_func (path, &golden_cases[i], test_golden);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sequence_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/diff/sequences/%s",
                                               sequence_cases[i].name);

      g_test_add_data_func (path, &sequence_cases[i], test_sequences);
    }
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/diff/random-edits/%s", articles[i]);

      g_test_add_data_func (path, articles[i], test_random_edits);
    }
  g_test_add_func ("/core/diff/sequences/random", test_sequences_random);
  g_test_add_func ("/core/diff/kind-to-string", test_kind_to_string);
  g_test_add_func ("/core/diff/null-options", test_null_options);
  g_test_add_func ("/core/diff/cancelled", test_cancelled);
  g_test_add_func ("/core/diff/bounded", test_bounded);
  g_test_add_func ("/core/diff/bounded-moves", test_bounded_moves);
  g_test_add_func ("/core/diff/threads", test_threads);

  return g_test_run ();
}
