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

/* Everything that must hold of any diff of @a and @b, given the diff of @b and @a. */
static void
check_diff (CcText                 *a,
            CcText                 *b,
            CcDiff                 *diff,
            CcDiff                 *mirror,
            const CcCompareOptions *options)
{
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

static void
check_invariants (CcText                 *a,
                  CcText                 *b,
                  CcDiff                 *diff,
                  const CcCompareOptions *options)
{
  g_autoptr(CcDiff) mirror = cc_diff_new (b, a, options, NULL);

  check_diff (a, b, diff, mirror, options);
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

/* The shortest moved block in the golden cases, whatever the default: their moved paragraph
 * has eight words. */
#define GOLDEN_MIN_MOVED_WORDS 6

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
  options.min_passage_words = GOLDEN_MIN_MOVED_WORDS;
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

/* Line-anchored diff ------------------------------------------------------------------------ */

/* Both diffs of the same two strings: cc_diff_new() of their tokens, and
 * cc_diff_new_for_strings(), whose invariants, mirror included, are checked on the way. */
typedef struct
{
  CcLexicon *lexicon;
  CcText    *a;
  CcText    *b;
  CcDiff    *whole;
  CcDiff    *lines;
} Pair;

static void
pair_clear (Pair *pair)
{
  g_clear_pointer (&pair->whole, cc_diff_unref);
  g_clear_pointer (&pair->lines, cc_diff_unref);
  g_clear_pointer (&pair->a, cc_text_unref);
  g_clear_pointer (&pair->b, cc_text_unref);
  g_clear_pointer (&pair->lexicon, cc_lexicon_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pair, pair_clear)

static void
pair_diff (Pair                   *pair,
           const char             *a,
           const CcRange          *excluded_a,
           guint                   n_excluded_a,
           const char             *b,
           const CcRange          *excluded_b,
           guint                   n_excluded_b,
           const CcCompareOptions *options)
{
  g_autoptr(CcDiff) mirror = NULL;

  pair->lexicon = cc_lexicon_new ();
  pair->a = cc_text_new (a, -1, excluded_a, n_excluded_a, options, pair->lexicon);
  pair->b = cc_text_new (b, -1, excluded_b, n_excluded_b, options, pair->lexicon);
  pair->whole = cc_diff_new (pair->a, pair->b, options, NULL);
  pair->lines = cc_diff_new_for_strings (a, -1, excluded_a, n_excluded_a,
                                         b, -1, excluded_b, n_excluded_b, options, NULL);
  mirror = cc_diff_new_for_strings (b, -1, excluded_b, n_excluded_b,
                                    a, -1, excluded_a, n_excluded_a, options, NULL);
  g_assert_nonnull (pair->whole);
  g_assert_nonnull (pair->lines);
  g_assert_nonnull (mirror);

  check_diff (pair->a, pair->b, pair->lines, mirror, options);
}

static void
append_words (GString *out,
              char     sign,
              CcText  *text,
              CcRange  span)
{
  CcLexicon *lexicon = cc_text_get_lexicon (text);
  const CcToken *tokens;
  guint n_tokens, first, last;

  tokens = cc_text_get_tokens (text, &n_tokens);
  tokens_in_span (text, span, &first, &last);
  for (guint t = first; t < last; t++)
    if (is_word_token (&tokens[t]))
      g_string_append_printf (out, "%c%s\n", sign, cc_lexicon_lookup (lexicon, tokens[t].form));
}

/* The words of the edits, in order, a line each: "-form" for A's, "+form" for B's. */
static char *
changed_words (Pair   *pair,
               CcDiff *diff)
{
  GString *out = g_string_new (NULL);
  const CcDiffOp *ops;
  guint n_ops;

  ops = cc_diff_get_ops (diff, &n_ops);
  for (guint i = 0; i < n_ops; i++)
    if (ops[i].kind != CC_DIFF_EQUAL)
      {
        append_words (out, '-', pair->a, ops[i].a);
        append_words (out, '+', pair->b, ops[i].b);
      }

  return g_string_free (out, FALSE);
}

static void
assert_same_changed_words (Pair *pair)
{
  g_autofree char *whole = changed_words (pair, pair->whole);
  g_autofree char *lines = changed_words (pair, pair->lines);

  if (g_strcmp0 (whole, lines) != 0)
    {
      g_autofree char *rendered_whole = render (pair->a, pair->b, pair->whole);
      g_autofree char *rendered_lines = render (pair->a, pair->b, pair->lines);

      g_error ("the two diffs change different words:\n%s\nand\n%s", rendered_whole,
               rendered_lines);
    }
}

static guint
count_kind (CcDiff     *diff,
            CcDiffKind  kind)
{
  const CcDiffOp *ops;
  guint n_ops, n = 0;

  ops = cc_diff_get_ops (diff, &n_ops);
  for (guint i = 0; i < n_ops; i++)
    n += ops[i].kind == kind;
  return n;
}

/* The golden cases give the same operations through the strings, but where two paragraphs
 * swap places: either one moved, and the lines' order picks the other. */
static void
test_strings_golden (gconstpointer data)
{
  const GoldenCase *test = data;
  g_auto(Pair) pair = { 0 };
  g_autofree char *rendered = NULL;
  CcCompareOptions options;

  cc_compare_options_init_default (&options);
  options.ignore_punctuation = test->ignore_punctuation;
  options.min_passage_words = GOLDEN_MIN_MOVED_WORDS;
  pair_diff (&pair, test->a, &test->excluded_a, test->excluded_a.end > test->excluded_a.start,
             test->b, &test->excluded_b, test->excluded_b.end > test->excluded_b.start,
             &options);
  g_assert_false (cc_diff_is_coarse (pair.lines));

  rendered = render (pair.a, pair.b, pair.lines);
  if (g_str_equal (test->name, "paragraph-moved"))
    {
      g_assert_cmpuint (count_kind (pair.lines, CC_DIFF_MOVE_FROM), ==, 1);
      g_assert_cmpuint (count_kind (pair.lines, CC_DIFF_MOVE_TO), ==, 1);
      g_assert_cmpuint (count_kind (pair.lines, CC_DIFF_EQUAL), ==, 2);
    }
  else
    g_assert_cmpstr (rendered, ==, test->expected);
}

/* Line-structured texts: sentences of ten to twenty words, two to five lines to a paragraph,
 * a blank line between paragraphs. */
static const char * const line_vocabulary[] = {
  "the", "of", "and", "to", "in", "a", "was", "that", "he", "it", "for", "on", "with", "as",
  "his", "they", "at", "be", "this", "from", "council", "river", "bridge", "water", "mayor",
  "budget", "engineers", "residents", "valley", "harbour", "report", "warning", "contract",
  "repairs", "flood", "town", "school", "market", "railway", "station", "hospital", "police",
  "inquiry", "evidence", "minister", "spokesman", "authority", "Kessel", "Marrowby", "Ledwith",
  "Friday", "March", "said", "told", "approved", "rejected", "delayed", "warned", "closed",
  "opened", "1,200", "2026", "14", "3.5", "don't", "well-known", "café", "naïve",
};

static char *
random_sentence (GRand *rand)
{
  GString *out = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 10, 21);

  for (guint w = 0; w < n; w++)
    {
      const char *word = line_vocabulary[g_rand_int_range (rand, 0,
                                                           G_N_ELEMENTS (line_vocabulary))];

      if (w > 0)
        g_string_append_c (out, ' ');
      if (w == 0)
        {
          g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (word)));
          g_string_append (out, g_utf8_next_char (word));
        }
      else
        g_string_append (out, word);
      if (w + 1 < n && g_rand_int_range (rand, 0, 8) == 0)
        g_string_append_c (out, ',');
    }
  g_string_append_c (out, g_rand_int_range (rand, 0, 6) == 0 ? '?' : '.');

  return g_string_free (out, FALSE);
}

/* @n_lines lines, blank ones included, each without its line break. */
static GPtrArray *
random_lines (GRand *rand,
              guint  n_lines)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint in_paragraph = 0, length = g_rand_int_range (rand, 2, 6);

  while (lines->len < n_lines)
    {
      if (in_paragraph == length)
        {
          g_ptr_array_add (lines, g_strdup (""));
          in_paragraph = 0;
          length = g_rand_int_range (rand, 2, 6);
          continue;
        }
      g_ptr_array_add (lines, random_sentence (rand));
      in_paragraph++;
    }

  return lines;
}

static char *
join_lines (GPtrArray  *lines,
            const char *newline,
            gboolean    final_newline)
{
  GString *out = g_string_new (NULL);

  for (guint l = 0; l < lines->len; l++)
    {
      g_string_append (out, g_ptr_array_index (lines, l));
      if (l + 1 < lines->len || final_newline)
        g_string_append (out, newline);
    }

  return g_string_free (out, FALSE);
}

static GPtrArray *
copy_lines (GPtrArray *lines)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint l = 0; l < lines->len; l++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (lines, l)));
  return copy;
}

typedef enum
{
  EDIT_REPLACE_WORD,
  EDIT_INSERT_WORD,
  EDIT_DELETE_WORD,
  EDIT_DELETE_LINE,
  EDIT_INSERT_LINE,
  EDIT_CAPITALS,
  EDIT_APOSTROPHE,
  EDIT_MOVE_PARAGRAPH,
  N_EDITS,
} Edit;

/* A line with text, at random. */
static guint
random_text_line (GRand     *rand,
                  GPtrArray *lines)
{
  for (;;)
    {
      guint l = g_rand_int_range (rand, 0, lines->len);

      if (*(const char *)g_ptr_array_index (lines, l) != '\0')
        return l;
    }
}

static void
edit_lines (GPtrArray *lines,
            GRand     *rand,
            Edit       edit)
{
  guint l = random_text_line (rand, lines);
  char *line = g_ptr_array_index (lines, l);
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n = g_strv_length (words), w = g_rand_int_range (rand, 0, n);
  const char *other = line_vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (line_vocabulary))];
  char *edited = NULL;

  switch (edit)
    {
    case EDIT_REPLACE_WORD:
      g_free (words[w]);
      words[w] = g_strdup_printf ("novel%u", g_rand_int_range (rand, 0, 1000));
      edited = g_strjoinv (" ", words);
      break;

    case EDIT_INSERT_WORD:
      {
        GString *out = g_string_new (NULL);

        for (guint i = 0; i < n; i++)
          {
            if (i == w)
              g_string_append_printf (out, "%s ", other);
            g_string_append (out, words[i]);
            if (i + 1 < n)
              g_string_append_c (out, ' ');
          }
        edited = g_string_free (out, FALSE);
      }
      break;

    case EDIT_DELETE_WORD:
      {
        GString *out = g_string_new (NULL);

        for (guint i = 0; i < n; i++)
          if (i != w)
            {
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append (out, words[i]);
            }
        edited = g_string_free (out, FALSE);
      }
      break;

    case EDIT_DELETE_LINE:
      g_ptr_array_remove_index (lines, l);
      return;

    case EDIT_INSERT_LINE:
      g_ptr_array_insert (lines, l, random_sentence (rand));
      return;

    case EDIT_CAPITALS:
      edited = g_utf8_strup (line, -1);
      break;

    case EDIT_APOSTROPHE:
      {
        GString *out = g_string_new (line);

        /* don't → don’t: the same word once typography is folded. */
        g_string_replace (out, "'", "\xe2\x80\x99", 0);
        g_string_append (out, " don't");
        edited = g_string_free (out, FALSE);
      }
      break;

    case EDIT_MOVE_PARAGRAPH:
      {
        g_autoptr(GPtrArray) block = g_ptr_array_new_with_free_func (g_free);
        guint start = l, end = l, to;

        while (start > 0 && *(const char *)g_ptr_array_index (lines, start - 1) != '\0')
          start--;
        while (end < lines->len && *(const char *)g_ptr_array_index (lines, end) != '\0')
          end++;
        if (end < lines->len)
          end++;
        for (guint i = start; i < end; i++)
          g_ptr_array_add (block, g_strdup (g_ptr_array_index (lines, i)));
        g_ptr_array_remove_range (lines, start, end - start);
        to = lines->len > 0 ? g_rand_int_range (rand, 0, lines->len) : 0;
        while (to > 0 && *(const char *)g_ptr_array_index (lines, to - 1) != '\0')
          to--;
        for (guint i = 0; i < block->len; i++)
          g_ptr_array_insert (lines, to + i, g_strdup (g_ptr_array_index (block, i)));
      }
      return;

    case N_EDITS:
    default:
      g_assert_not_reached ();
    }

  g_free (line);
  g_ptr_array_index (lines, l) = edited;
}

/* Random edits of all kinds, with all options: the invariants hold. */
static void
test_strings_random_lines (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1769);

  for (guint round = 0; round < 120; round++)
    {
      g_autoptr(GPtrArray) lines = random_lines (rand, g_rand_int_range (rand, 1, 300));
      g_autoptr(GPtrArray) edited = copy_lines (lines);
      const char *newline = round % 4 == 1 ? "\r\n" : "\n";
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_auto(Pair) pair = { 0 };
      CcCompareOptions options;
      guint n_edits = g_rand_int_range (rand, 0, 8);

      for (guint e = 0; e < n_edits && edited->len > 1; e++)
        edit_lines (edited, rand, g_rand_int_range (rand, 0, N_EDITS));
      a = join_lines (lines, newline, round % 3 != 2);
      b = join_lines (edited, newline, round % 5 != 2);

      cc_compare_options_init_default (&options);
      options.fold_case = round % 4 != 3;
      options.ignore_punctuation = round % 3 == 1;
      options.min_passage_words = 4 + round % 5;
      pair_diff (&pair, a, NULL, 0, b, NULL, 0, &options);
      g_assert_false (cc_diff_is_coarse (pair.lines));
    }
}

/* One word replaced, inserted or deleted: both diffs change the same words. */
static void
test_strings_single_edit (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2006);

  for (guint round = 0; round < 150; round++)
    {
      g_autoptr(GPtrArray) lines = random_lines (rand, g_rand_int_range (rand, 5, 200));
      g_autoptr(GPtrArray) edited = copy_lines (lines);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_auto(Pair) pair = { 0 };
      CcCompareOptions options;

      edit_lines (edited, rand, round % 3);
      a = join_lines (lines, "\n", TRUE);
      b = join_lines (edited, "\n", TRUE);

      cc_compare_options_init_default (&options);
      pair_diff (&pair, a, NULL, 0, b, NULL, 0, &options);
      assert_same_changed_words (&pair);
    }
}

/* Articles, one paragraph to a line, with one word edited. */
static void
test_strings_articles (gconstpointer data)
{
  const char *name = data;
  g_autofree char *original = load_article (name);
  g_auto(GStrv) words = g_strsplit (original, " ", -1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (name) + 1);
  guint n = g_strv_length (words);

  for (guint variant = 0; variant < VARIANTS_PER_ARTICLE; variant++)
    {
      g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *edited = NULL;
      g_autofree char *twice = NULL;
      g_auto(Pair) pair = { 0 };
      guint at = g_rand_int_range (rand, 0, n);
      CcCompareOptions options;

      for (guint w = 0; w < n; w++)
        {
          if (w == at && variant % 3 == 0)
            continue;
          if (w == at && variant % 3 == 1)
            g_ptr_array_add (out, g_strdup ("inserted"));
          g_ptr_array_add (out, g_strdup (w == at && variant % 3 == 2 ? "replaced" : words[w]));
        }
      g_ptr_array_add (out, NULL);
      edited = g_strjoinv (" ", (char **)out->pdata);

      cc_compare_options_init_default (&options);
      options.fold_case = variant % 4 != 2;
      options.ignore_punctuation = variant % 5 == 1;
      pair_diff (&pair, original, NULL, 0, edited, NULL, 0, &options);
      assert_same_changed_words (&pair);
      pair_clear (&pair);

      /* And the same with random edits all over, and a paragraph moved. */
      twice = edit_text (original, rand);
      pair_diff (&pair, original, NULL, 0, twice, NULL, 0, &options);
    }
}

/* A paragraph moved far away is a move on both paths. */
static void
test_strings_moved_paragraph (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) lines = random_lines (rand, 400);
  g_autoptr(GPtrArray) moved = copy_lines (lines);
  g_autoptr(GPtrArray) block = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Pair) pair = { 0 };
  CcCompareOptions options;
  guint start = 10, end;

  /* The paragraph at line 10 or after, to the end. */
  while (*(const char *)g_ptr_array_index (moved, start) != '\0')
    start++;
  start++;
  for (end = start; *(const char *)g_ptr_array_index (moved, end) != '\0'; end++)
    g_ptr_array_add (block, g_strdup (g_ptr_array_index (moved, end)));
  g_ptr_array_remove_range (moved, start, end + 1 - start);
  g_ptr_array_add (moved, g_strdup (""));
  for (guint i = 0; i < block->len; i++)
    g_ptr_array_add (moved, g_strdup (g_ptr_array_index (block, i)));

  a = join_lines (lines, "\n", TRUE);
  b = join_lines (moved, "\n", TRUE);
  cc_compare_options_init_default (&options);
  pair_diff (&pair, a, NULL, 0, b, NULL, 0, &options);

  g_assert_cmpuint (count_kind (pair.whole, CC_DIFF_MOVE_FROM), ==, 1);
  g_assert_cmpuint (count_kind (pair.lines, CC_DIFF_MOVE_FROM), ==, 1);
  g_assert_cmpuint (count_kind (pair.lines, CC_DIFF_MOVE_TO), ==, 1);
  assert_same_changed_words (&pair);
}

/* Lines that differ only in case or typography are equal when folded, and only then. */
static void
test_strings_folded (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) lines = random_lines (rand, 200);
  g_autoptr(GPtrArray) edited = copy_lines (lines);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  CcCompareOptions options;

  for (guint e = 0; e < 20; e++)
    edit_lines (edited, rand, e % 2 == 0 ? EDIT_CAPITALS : EDIT_APOSTROPHE);
  for (guint l = 0; l < lines->len; l++)
    if (g_str_has_suffix (g_ptr_array_index (edited, l), " don't"))
      {
        /* The apostrophe edit adds a word: take it out again, and keep only the typography. */
        char *line = g_ptr_array_index (edited, l);

        line[strlen (line) - strlen (" don't")] = '\0';
      }
  a = join_lines (lines, "\n", TRUE);
  b = join_lines (edited, "\n", TRUE);
  g_assert_cmpstr (a, !=, b);

  cc_compare_options_init_default (&options);
  {
    g_auto(Pair) pair = { 0 };

    pair_diff (&pair, a, NULL, 0, b, NULL, 0, &options);
    g_assert_cmpuint (count_kind (pair.lines, CC_DIFF_EQUAL), ==, 1);
    assert_same_changed_words (&pair);
  }

  options.fold_case = FALSE;
  {
    g_auto(Pair) pair = { 0 };
    guint n_ops;

    pair_diff (&pair, a, NULL, 0, b, NULL, 0, &options);
    cc_diff_get_ops (pair.lines, &n_ops);
    g_assert_cmpuint (n_ops, >, 1);
    assert_same_changed_words (&pair);
  }
}

/* Text that differs only inside excluded ranges is no change, whether the ranges lie inside
 * lines, over several, or around whole ones. */
static void
test_strings_excluded (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GPtrArray) lines = random_lines (rand, 120);
  g_autofree char *b = join_lines (lines, "\n", TRUE);
  CcCompareOptions options;

  cc_compare_options_init_default (&options);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GString) a = g_string_new (b);
      g_auto(Pair) pair = { 0 };
      CcRange excluded[3];
      guint n_excluded = 0;
      gsize at = 0;
      const CcDiffOp *ops;
      guint n_ops;

      /* Up to three boilerplate insertions, excluded in A, at random places (snapped to a
       * character boundary after a space or line break). */
      for (guint i = 0; i < 1 + round % 3; i++)
        {
          const char *boilerplate = i % 2 == 0 ? "ADVERT: buy now! " : "Read more\nSubscribe\n";
          glong start_chars;

          at = g_rand_int_range (rand, at, MIN (a->len, at + a->len / 3));
          while (at > 0 && a->str[at - 1] != ' ' && a->str[at - 1] != '\n')
            at--;
          g_string_insert (a, at, boilerplate);
          start_chars = g_utf8_pointer_to_offset (a->str, a->str + at);
          excluded[n_excluded++] = (CcRange) { start_chars,
                                               start_chars + g_utf8_strlen (boilerplate, -1) };
          at += strlen (boilerplate) + 1;
          if (at >= a->len)
            break;
        }

      pair_diff (&pair, a->str, excluded, n_excluded, b, NULL, 0, &options);
      ops = cc_diff_get_ops (pair.lines, &n_ops);
      g_assert_cmpuint (n_ops, ==, 1);
      g_assert_cmpint (ops[0].kind, ==, CC_DIFF_EQUAL);
    }

  /* And one more word changed next to the excluded text: the same change on both paths. */
  {
    g_autoptr(GString) a = g_string_new (b);
    g_auto(Pair) pair = { 0 };
    const char *first_space = strchr (b, ' ');
    CcRange excluded = { 0, 0 };
    gsize at = first_space - b + 1;

    g_string_insert (a, at, "[boilerplate] ");
    excluded.start = g_utf8_pointer_to_offset (a->str, a->str + at);
    excluded.end = excluded.start + strlen ("[boilerplate] ");
    g_string_insert (a, at + strlen ("[boilerplate] "), "extra ");
    pair_diff (&pair, a->str, &excluded, 1, b, NULL, 0, &options);
    assert_same_changed_words (&pair);
  }
}

/* Small and awkward inputs: empty texts, no final line break, lone CRs, blank lines, white
 * space changes, a zero-width joiner before a line break. */
typedef struct
{
  const char *name;
  const char *a;
  const char *b;
  gboolean    tie;    /* two alignments are as good: the paths may pick different ones */
} StringsCase;

static const StringsCase strings_cases[] = {
  { "empty", "", "" },
  { "empty-lines", "", "One line.\nTwo lines.\n" },
  { "blank-lines", "\n\n\n", "\n" },
  { "white-space-lines", "one two\n  \nthree\n", "one two\n\t\nthree\n" },
  { "no-final-newline", "First line.\nSecond line.", "First line.\nSecond line.\n" },
  { "last-line-changed", "First line.\nSecond line.", "First line.\nSecond row." },
  { "lone-cr", "First line.\rSecond line.\rThird.", "First line.\rSecond row.\rThird." },
  { "crlf-lf", "One.\r\nTwo words.\r\nThree.\r\n", "One.\nTwo words.\nThree.\n" },
  { "identical", "Same text here.\nAnd here.\n", "Same text here.\nAnd here.\n" },
  { "zero-width-joiner", "A \xf0\x9f\x91\xa9\xe2\x80\x8d\nsmile here and there\nend\n",
    "A \xf0\x9f\x91\xa9\xe2\x80\x8d\nsmiles here and there\nend\n" },
  { "punctuation-lines", "Title\n=====\nSome words go here.\n-----\nMore words.\n",
    "Title\n=====\nSome words went here.\n-----\nMore words.\n" },
  { "line-split", "The quick brown fox jumps over the lazy dog.\n",
    "The quick brown fox\njumps over the lazy dog.\n" },
  { "lines-swapped", "alpha beta gamma delta\nepsilon zeta eta theta\n",
    "epsilon zeta eta theta\nalpha beta gamma delta\n", TRUE },
  { "abbreviation-context", "He met Mr.\nSmith at noon today in town.\n",
    "He met Mr.\nSmith at noon yesterday in town.\n" },
};

static void
test_strings_cases (gconstpointer data)
{
  const StringsCase *test = data;
  CcCompareOptions options;

  cc_compare_options_init_default (&options);
  for (guint variant = 0; variant < 2; variant++)
    {
      g_auto(Pair) pair = { 0 };

      options.ignore_punctuation = variant == 1;
      pair_diff (&pair, test->a, NULL, 0, test->b, NULL, 0, &options);
      if (!test->tie)
        assert_same_changed_words (&pair);
    }
}

/* Long texts: the equal stretches are counted in several threads, and the texts that differ
 * in most lines are diffed whole. */
static void
test_strings_long (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1611);
  g_autoptr(GPtrArray) lines = random_lines (rand, 12000);
  g_autoptr(GPtrArray) edited = copy_lines (lines);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *unrelated = NULL;
  CcCompareOptions options;

  for (guint e = 0; e < 60; e++)
    edit_lines (edited, rand, e % N_EDITS);
  a = join_lines (lines, "\n", TRUE);
  b = join_lines (edited, "\n", TRUE);
  g_assert_cmpuint (strlen (a), >, 512 * 1024);

  cc_compare_options_init_default (&options);
  {
    g_auto(Pair) pair = { 0 };

    pair_diff (&pair, a, NULL, 0, b, NULL, 0, &options);
    g_assert_false (cc_diff_is_coarse (pair.lines));
    g_assert_cmpuint (count_kind (pair.lines, CC_DIFF_MOVE_FROM), >=, 1);
  }

  g_ptr_array_set_size (lines, 2000);
  g_clear_pointer (&a, g_free);
  a = join_lines (lines, "\n", TRUE);
  unrelated = random_text (rand, strlen (a));
  {
    g_auto(Pair) pair = { 0 };

    pair_diff (&pair, a, NULL, 0, unrelated, NULL, 0, &options);
  }
}

/* Text made of the pieces that make tokenizing hard: joiners, marks, closing quotes, titles,
 * numbers, several kinds of white space and line break; and random edits of it. */
static const char * const awkward_pieces[] = {
  "a", "b", "Z", "0", "9", " ", " ", " ", "\n", "\n", "\r\n", "\r", "\t", ".", ",", ";", "'",
  "\"", "-", "!", "?", "(", ")", "$", "+", "^", "`", "Mr.", "Dr. ", "e.g.", "1,000", "2.5",
  "don't", "well-known", "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x94",
  "\xc2\xad", "\xe2\x80\x8d", "\xc3\xa9", "e\xcc\x81", "\xe6\xb0\xb4", "\xe3\x80\x82",
  "\xf0\x9f\x98\x80", "\xf0\x9f\x8f\xbd", "\xef\xb8\x8f", "\xc2\xa0", "\xe2\x80\xa8",
  "\xc2\xbb", "\xe3\x80\x8d", "word ", "the ", "of ", "river ", "council ",
};

static char *
awkward_text (GRand *rand,
              guint  n_pieces)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_pieces; i++)
    g_string_append (out, awkward_pieces[g_rand_int_range (rand, 0,
                                                           G_N_ELEMENTS (awkward_pieces))]);
  return g_string_free (out, FALSE);
}

/* Replaces a few stretches of @text, cut at piece boundaries... or anywhere in a character
 * sequence: each edit lands on a character boundary. */
static char *
edit_awkward (const char *text,
              GRand      *rand)
{
  GString *out = g_string_new (text);
  guint n_edits = g_rand_int_range (rand, 1, 5);

  for (guint e = 0; e < n_edits && out->len > 0; e++)
    {
      gsize at = g_rand_int_range (rand, 0, out->len), length;
      g_autofree char *inserted = awkward_text (rand, g_rand_int_range (rand, 0, 6));

      while (at > 0 && ((guchar)out->str[at] & 0xC0) == 0x80)
        at--;
      length = g_rand_int_range (rand, 0, 12);
      length = MIN (length, out->len - at);
      while (at + length < out->len && ((guchar)out->str[at + length] & 0xC0) == 0x80)
        length++;
      g_string_erase (out, at, length);
      g_string_insert (out, at, inserted);
    }

  return g_string_free (out, FALSE);
}

static void
test_strings_awkward (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1611);

  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *a = awkward_text (rand, g_rand_int_range (rand, 0, 1500));
      g_autofree char *b = edit_awkward (a, rand);
      g_auto(Pair) pair = { 0 };
      CcCompareOptions options;
      CcRange excluded = { 0, 0 };
      glong length = g_utf8_strlen (a, -1);

      cc_compare_options_init_default (&options);
      options.ignore_punctuation = round % 3 == 1;
      options.fold_case = round % 4 != 2;
      if (round % 5 == 3 && length > 0)
        {
          excluded.start = g_rand_int_range (rand, 0, length);
          excluded.end = MIN (length, excluded.start + g_rand_int_range (rand, 0, 40));
        }
      pair_diff (&pair, a, &excluded, excluded.end > excluded.start, b, NULL, 0, &options);
    }
}

static void
test_strings_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_null (cc_diff_new_for_strings ("one two", -1, NULL, 0, "one three", -1, NULL, 0,
                                          NULL, cancellable));
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

  for (guint i = 0; i < G_N_ELEMENTS (golden_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/diff/strings/golden/%s",
                                               golden_cases[i].name);

      g_test_add_data_func (path, &golden_cases[i], test_strings_golden);
    }
  for (guint i = 0; i < G_N_ELEMENTS (strings_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/diff/strings/cases/%s",
                                               strings_cases[i].name);

      g_test_add_data_func (path, &strings_cases[i], test_strings_cases);
    }
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/diff/strings/articles/%s", articles[i]);

      g_test_add_data_func (path, articles[i], test_strings_articles);
    }
  g_test_add_func ("/core/diff/strings/random-lines", test_strings_random_lines);
  g_test_add_func ("/core/diff/strings/single-edit", test_strings_single_edit);
  g_test_add_func ("/core/diff/strings/moved-paragraph", test_strings_moved_paragraph);
  g_test_add_func ("/core/diff/strings/folded", test_strings_folded);
  g_test_add_func ("/core/diff/strings/excluded", test_strings_excluded);
  g_test_add_func ("/core/diff/strings/awkward", test_strings_awkward);
  g_test_add_func ("/core/diff/strings/long", test_strings_long);
  g_test_add_func ("/core/diff/strings/cancelled", test_strings_cancelled);

  return g_test_run ();
}
