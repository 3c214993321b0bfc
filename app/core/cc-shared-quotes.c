/* cc-shared-quotes.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-shared-quotes"

#include "cc-quotes.h"

#include <string.h>

#include "cc-diff.h"

/*
 * Quotations are compared by their words and numbers: punctuation says nothing about whether
 * two outlets quote the same words, and outlets punctuate the end of a quotation differently
 * (“…spring.” against “…spring,” he wrote). Elision marks and square brackets are compared too,
 * because they explain a difference: an elision stands for any run of words left out, and a
 * bracketed insertion for the words an editor replaced.
 *
 * Quotations that share a run of words are candidates; each candidate pair is classified as
 * exact, partial (one is a contiguous fragment of the other) or, after a word diff, variant.
 * Words quoted on one side that stand in the other's own prose are found by seeding on word
 * runs; they need min_passage_words, more than a quotation needs, because prose shares short
 * phrases by chance far more often than quotations do.
 */

struct _CcSharedQuotes
{
  gatomicrefcount  ref_count;
  CcQuotes        *a;
  CcQuotes        *b;
  GArray          *shared;   /* CcSharedQuote */
};

/* The most a seed may occur in the other text and still be followed: rarer seeds of the same
 * run find it anyway, and a phrase that common shows nothing. */
#define MAX_POSTINGS 64

/* The most counterparts a quotation is compared with, those sharing most seeds first. */
#define MAX_CANDIDATES 32

/* A variant keeps at least this share of its words. */
#define MIN_VARIANT_IDENTITY 0.6

#define ELISION_FORM G_MAXUINT32

typedef enum
{
  ITEM_WORD,
  ITEM_ELISION,
  ITEM_BRACKET,
} ItemKind;

/* A compared token of a quotation. */
typedef struct
{
  guint   token;
  guint32 form;
  guint8  kind;
  guint8  bracketed;   /* a word inside [ ] */
  guint8  extra;       /* tokens after @token that belong to it: "[…]" is one item */
} Item;

typedef struct
{
  CcQuotes      *quotes;
  CcText        *text;
  const char    *string;
  const CcToken *tokens;
  guint          n_tokens;
  const CcQuote *quote;
  guint          n_quotes;

  GArray        *items;        /* Item, quotation after quotation */
  GArray        *item_start;   /* guint: each quotation's first item, and one past the last */

  /* The text's words, for reuse without quotation marks. */
  GArray        *word_forms;   /* guint32 */
  GArray        *word_tokens;  /* guint */
  GArray        *word_quote;   /* gint: the outermost quotation holding the word, or -1 */
} Side;

/* Items ------------------------------------------------------------------------------------ */

static gboolean
is_elision_token (const Side    *side,
                  const CcToken *token)
{
  const char *p = side->string + token->byte_start;
  gsize length = token->byte_end - token->byte_start;

  if (token->kind != CC_TOKEN_PUNCTUATION)
    return FALSE;

  /* The tokenizer makes a run of one character one token: "...", "…". */
  return (length >= 2 && p[0] == '.') || g_utf8_get_char (p) == 0x2026;
}

static gboolean
is_bracket_token (const Side    *side,
                  const CcToken *token,
                  char           bracket)
{
  return token->kind == CC_TOKEN_PUNCTUATION && token->byte_end == token->byte_start + 1 &&
         side->string[token->byte_start] == bracket;
}

/* The compared tokens of characters [@start, @end): words and numbers, elision marks ("[…]"
 * counts as one) and square brackets. */
static void
collect_items (const Side *side,
               guint       start,
               guint       end,
               GArray     *items)
{
  gboolean bracketed = FALSE;

  for (guint t = cc_text_token_at (side->text, start);
       t < side->n_tokens && side->tokens[t].start < end; t++)
    {
      const CcToken *token = &side->tokens[t];
      Item item = { t, token->form, ITEM_WORD, bracketed, 0 };

      if (token->flags & CC_TOKEN_EXCLUDED)
        continue;

      if (token->kind == CC_TOKEN_WORD || token->kind == CC_TOKEN_NUMBER)
        {
          g_array_append_val (items, item);
          continue;
        }

      if (is_bracket_token (side, token, '[') && t + 2 < side->n_tokens &&
          is_elision_token (side, &side->tokens[t + 1]) &&
          is_bracket_token (side, &side->tokens[t + 2], ']'))
        {
          item.form = ELISION_FORM;
          item.kind = ITEM_ELISION;
          item.extra = 2;
          g_array_append_val (items, item);
          t += 2;
        }
      else if (is_elision_token (side, token))
        {
          item.form = ELISION_FORM;
          item.kind = ITEM_ELISION;
          g_array_append_val (items, item);
        }
      else if (is_bracket_token (side, token, '[') || is_bracket_token (side, token, ']'))
        {
          bracketed = is_bracket_token (side, token, '[');
          item.kind = ITEM_BRACKET;
          item.bracketed = FALSE;
          g_array_append_val (items, item);
        }
    }
}

static void
side_init (Side     *side,
           CcQuotes *quotes)
{
  guint word_count;

  side->quotes = quotes;
  side->text = cc_quotes_get_text (quotes);
  side->string = cc_text_get_string (side->text, NULL);
  side->tokens = cc_text_get_tokens (side->text, &side->n_tokens);
  side->quote = cc_quotes_get (quotes, &side->n_quotes);

  side->items = g_array_new (FALSE, FALSE, sizeof (Item));
  side->item_start = g_array_sized_new (FALSE, FALSE, sizeof (guint), side->n_quotes + 1);
  for (guint q = 0; q < side->n_quotes; q++)
    {
      g_array_append_val (side->item_start, side->items->len);
      collect_items (side, side->quote[q].range.start, side->quote[q].range.end, side->items);
    }
  g_array_append_val (side->item_start, side->items->len);

  word_count = cc_text_get_word_count (side->text);
  side->word_forms = g_array_sized_new (FALSE, FALSE, sizeof (guint32), word_count);
  side->word_tokens = g_array_sized_new (FALSE, FALSE, sizeof (guint), word_count);
  side->word_quote = g_array_sized_new (FALSE, FALSE, sizeof (gint), word_count);

  {
    guint q = 0;
    gint holder = -1;
    guint holder_end = 0;

    for (guint t = 0; t < side->n_tokens; t++)
      {
        const CcToken *token = &side->tokens[t];

        if ((token->kind != CC_TOKEN_WORD && token->kind != CC_TOKEN_NUMBER) ||
            (token->flags & CC_TOKEN_EXCLUDED))
          continue;

        /* Quotations come outer first, so the first one that holds the word is outermost. */
        if (holder >= 0 && token->start >= holder_end)
          holder = -1;
        while (q < side->n_quotes && side->quote[q].range.end <= token->start)
          q++;
        if (holder < 0 && q < side->n_quotes && side->quote[q].range.start <= token->start)
          {
            holder = q;
            holder_end = side->quote[q].range.end;
          }

        g_array_append_val (side->word_forms, token->form);
        g_array_append_val (side->word_tokens, t);
        g_array_append_val (side->word_quote, holder);
      }
  }
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->items, g_array_unref);
  g_clear_pointer (&side->item_start, g_array_unref);
  g_clear_pointer (&side->word_forms, g_array_unref);
  g_clear_pointer (&side->word_tokens, g_array_unref);
  g_clear_pointer (&side->word_quote, g_array_unref);
}

static inline const Item *
quote_items (const Side *side,
             guint       q,
             guint      *n_items)
{
  guint first = g_array_index (side->item_start, guint, q);

  *n_items = g_array_index (side->item_start, guint, q + 1) - first;
  return &g_array_index (side->items, Item, first);
}

/* Characters from item @first's token to item @last's. */
static CcRange
items_range (const Side *side,
             const Item *items,
             guint       first,
             guint       last)
{
  CcRange range = {
    side->tokens[items[first].token].start,
    side->tokens[items[last].token + items[last].extra].end
  };

  return range;
}

/* Seeds ------------------------------------------------------------------------------------ */

typedef struct
{
  guint32 hash;
  guint32 where;
} Seed;

static inline guint32
hash_forms (const guint32 *forms,
            guint          k)
{
  guint32 hash = 2166136261u;

  for (guint i = 0; i < k; i++)
    {
      hash ^= forms[i];
      hash *= 16777619u;
      hash ^= hash >> 15;
    }

  return hash;
}

static gint
compare_seeds (gconstpointer a,
               gconstpointer b)
{
  const Seed *sa = a;
  const Seed *sb = b;

  if (sa->hash != sb->hash)
    return sa->hash < sb->hash ? -1 : 1;
  return sa->where < sb->where ? -1 : sa->where > sb->where;
}

/* The seeds with @hash: returns the first, and their number in @n. */
static const Seed *
find_seeds (GArray  *seeds,
            guint32  hash,
            guint   *n)
{
  const Seed *all = (const Seed *) (gpointer) seeds->data;
  guint low = 0, high = seeds->len, end;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (all[middle].hash < hash)
        low = middle + 1;
      else
        high = middle;
    }

  for (end = low; end < seeds->len && all[end].hash == hash; end++)
    ;
  *n = end - low;
  return all + low;
}

/* Classifying a pair of quotations --------------------------------------------------------- */

typedef struct
{
  CcSharedQuoteKind kind;
  double            score;
  gint              a_quote;
  gint              b_quote;
  CcRange           a;
  CcRange           b;
  GArray           *difference;
  guint             equal;          /* words in common */
  gboolean          a_fragment;     /* A's whole quotation is inside B's (partial) */
  gboolean          b_fragment;
} Match;

static void
match_clear (Match *match)
{
  g_clear_pointer (&match->difference, g_array_unref);
}

/* Confidence grows with the words in common: three words are little, a dozen certain. */
static double
length_confidence (guint words)
{
  return MIN (1.0, 0.5 + words / 24.0);
}

/* The word items of @items, as forms and as item indices. */
static guint
word_view (const Item *items,
           guint       n_items,
           GArray     *forms,
           GArray     *where)
{
  g_array_set_size (forms, 0);
  g_array_set_size (where, 0);
  for (guint i = 0; i < n_items; i++)
    if (items[i].kind == ITEM_WORD)
      {
        g_array_append_val (forms, items[i].form);
        g_array_append_val (where, i);
      }

  return forms->len;
}

/* Where @needle stands in @haystack as a contiguous run, or -1. */
static gint
find_run (const guint32 *haystack,
          guint          n_haystack,
          const guint32 *needle,
          guint          n_needle)
{
  if (n_needle == 0 || n_needle > n_haystack)
    return -1;

  for (guint i = 0; i + n_needle <= n_haystack; i++)
    if (haystack[i] == needle[0] &&
        memcmp (haystack + i, needle, n_needle * sizeof (guint32)) == 0)
      return i;

  return -1;
}

typedef struct
{
  guint    words_a;
  guint    words_b;
  guint    free_a;      /* words outside brackets */
  guint    free_b;
  gboolean explained;   /* an elision or a bracketed insertion accounts for the difference */
  gboolean marks;       /* an elision or brackets on either side */
} SpanWords;

static SpanWords
span_words (const Item       *a,
            const Item       *b,
            const CcDiffSpan *span)
{
  SpanWords words = { 0 };

  for (guint i = span->a_start; i < span->a_end; i++)
    {
      if (a[i].kind == ITEM_WORD)
        {
          words.words_a++;
          words.free_a += !a[i].bracketed;
        }
      else
        words.explained = words.marks = TRUE;
    }
  for (guint i = span->b_start; i < span->b_end; i++)
    {
      if (b[i].kind == ITEM_WORD)
        {
          words.words_b++;
          words.free_b += !b[i].bracketed;
        }
      else
        words.explained = words.marks = TRUE;
    }

  return words;
}

/* The words a span leaves unexplained: an elision or an insertion explains the words it stands
 * for, but not more words on its own side. */
static guint
span_changed (const SpanWords *words)
{
  if (words->explained)
    return MIN (words->free_a, words->free_b);
  return MAX (words->words_a, words->words_b);
}

typedef struct
{
  const CcCompareOptions *options;
  Side                    a;
  Side                    b;
  GArray                 *forms_a;   /* scratch */
  GArray                 *forms_b;
  GArray                 *where_a;
  GArray                 *where_b;
  GArray                 *items_a;
  GArray                 *items_b;
} Finder;

static guint
min_quote_words (const Finder *finder)
{
  return MAX (1, finder->options->min_quote_words);
}

static guint
min_unquoted_words (const Finder *finder)
{
  /* Capped at six words: reused quotations are often shorter than the passages worth listing. */
  return MAX (min_quote_words (finder), CLAMP (finder->options->min_passage_words, 1, 6));
}

/* Compares the wordings after a diff: finds the best aligned region, and decides whether it is
 * a variant of one quotation, or an overlap long enough to count as a shared fragment. */
static gboolean
classify_by_diff (Finder     *finder,
                  const Item *a,
                  guint       n_a,
                  const Item *b,
                  guint       n_b,
                  Match      *match)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree guint32 *forms_a = g_new (guint32, MAX (n_a, 1));
  g_autofree guint32 *forms_b = g_new (guint32, MAX (n_b, 1));
  const CcDiffSpan *span;
  gint64 best = G_MININT64, current = 0;
  guint best_start = 0, best_end = 0, current_start = 0;
  guint first, last;
  guint equal = 0, changed = 0, outside_a = 0, outside_b = 0;
  gboolean edited = FALSE;

  for (guint i = 0; i < n_a; i++)
    forms_a[i] = a[i].form;
  for (guint i = 0; i < n_b; i++)
    forms_b[i] = b[i].form;

  spans = cc_diff_sequences (forms_a, n_a, forms_b, n_b);
  span = (const CcDiffSpan *) (gpointer) spans->data;
  if (spans->len == 0)
    return FALSE;

  /* The best-scoring run of spans: equal words count for, unexplained ones against; on a tie
   * the longer run wins, so a fragment keeps its edited ends. */
  for (guint s = 0; s < spans->len; s++)
    {
      SpanWords words = span_words (a, b, &span[s]);
      gint64 value = span[s].kind == CC_DIFF_EQUAL ? (gint64) words.words_a
                                                   : -(gint64) span_changed (&words);

      if (current < 0)
        {
          current = 0;
          current_start = s;
        }
      current += value;
      if (current >= best)
        {
          best = current;
          best_start = current_start;
          best_end = s;
        }
    }

  /* The region starts and ends on equal words. */
  first = best_start;
  last = best_end;
  while (first <= last && span[first].kind != CC_DIFF_EQUAL)
    first++;
  while (last > first && span[last].kind != CC_DIFF_EQUAL)
    last--;
  if (first > last || span[first].kind != CC_DIFF_EQUAL)
    return FALSE;

  for (guint s = 0; s < spans->len; s++)
    {
      SpanWords words = span_words (a, b, &span[s]);

      if (s < first || s > last)
        {
          outside_a += words.words_a;
          outside_b += words.words_b;
        }
      else if (span[s].kind == CC_DIFF_EQUAL)
        equal += words.words_a;
      else
        {
          changed += span_changed (&words);
          if (words.words_a > 0 || words.words_b > 0 || words.marks)
            edited = TRUE;
        }
    }

  if (equal < min_quote_words (finder))
    return FALSE;

  if (!edited)
    {
      /* Two quotations that overlap without either holding the other: only a long shared
       * run is one quotation rather than a phrase shared by chance. */
      if (equal < min_unquoted_words (finder))
        return FALSE;
      match->kind = CC_SHARED_PARTIAL;
      match->score = length_confidence (equal);
    }
  else
    {
      double identity = (double) equal / (equal + changed);

      if (identity < MIN_VARIANT_IDENTITY)
        return FALSE;
      if (outside_a > 0 && outside_b > 0 && equal < min_unquoted_words (finder))
        return FALSE;

      match->kind = CC_SHARED_VARIANT;
      match->score = length_confidence (equal) * identity;
      match->difference = g_array_sized_new (FALSE, FALSE, sizeof (CcDiffSpan),
                                             last - first + 1);
      for (guint s = first; s <= last; s++)
        {
          CcDiffSpan rebased = span[s];

          rebased.a_start -= span[first].a_start;
          rebased.a_end -= span[first].a_start;
          rebased.b_start -= span[first].b_start;
          rebased.b_end -= span[first].b_start;
          g_array_append_val (match->difference, rebased);
        }
    }

  match->equal = equal;
  match->a_fragment = outside_a == 0 && outside_b > 0;
  match->b_fragment = outside_b == 0 && outside_a > 0;
  match->a = items_range (&finder->a, a, span[first].a_start, span[last].a_end - 1);
  match->b = items_range (&finder->b, b, span[first].b_start, span[last].b_end - 1);

  return TRUE;
}

static gboolean
classify (Finder *finder,
          guint   qa,
          guint   qb,
          Match  *match)
{
  const Item *a, *b;
  guint n_a, n_b, words_a, words_b;
  const guint32 *fa, *fb;
  const guint *wa, *wb;
  gint at;

  memset (match, 0, sizeof *match);
  match->a_quote = qa;
  match->b_quote = qb;

  a = quote_items (&finder->a, qa, &n_a);
  b = quote_items (&finder->b, qb, &n_b);
  words_a = word_view (a, n_a, finder->forms_a, finder->where_a);
  words_b = word_view (b, n_b, finder->forms_b, finder->where_b);
  fa = (const guint32 *) (gpointer) finder->forms_a->data;
  fb = (const guint32 *) (gpointer) finder->forms_b->data;
  wa = (const guint *) (gpointer) finder->where_a->data;
  wb = (const guint *) (gpointer) finder->where_b->data;

  if (MIN (words_a, words_b) < min_quote_words (finder))
    return FALSE;

  if (words_a == words_b && memcmp (fa, fb, words_a * sizeof (guint32)) == 0)
    {
      match->kind = CC_SHARED_EXACT;
      match->equal = words_a;
      match->score = length_confidence (words_a);
      match->a = items_range (&finder->a, a, wa[0], wa[words_a - 1]);
      match->b = items_range (&finder->b, b, wb[0], wb[words_b - 1]);
      return TRUE;
    }

  if (words_a < words_b && (at = find_run (fb, words_b, fa, words_a)) >= 0)
    {
      match->kind = CC_SHARED_PARTIAL;
      match->equal = words_a;
      match->a_fragment = TRUE;
      match->score = length_confidence (words_a);
      match->a = items_range (&finder->a, a, wa[0], wa[words_a - 1]);
      match->b = items_range (&finder->b, b, wb[at], wb[at + words_a - 1]);
      return TRUE;
    }

  if (words_b < words_a && (at = find_run (fa, words_a, fb, words_b)) >= 0)
    {
      match->kind = CC_SHARED_PARTIAL;
      match->equal = words_b;
      match->b_fragment = TRUE;
      match->score = length_confidence (words_b);
      match->a = items_range (&finder->a, a, wa[at], wa[at + words_b - 1]);
      match->b = items_range (&finder->b, b, wb[0], wb[words_b - 1]);
      return TRUE;
    }

  return classify_by_diff (finder, a, n_a, b, n_b, match);
}

/* Quotation against quotation ------------------------------------------------------------- */

static guint
seed_length (const Finder *finder)
{
  return MIN (3, min_quote_words (finder));
}

/* Seeds of every quotation of @side: its runs of words, not across elisions or brackets. */
static GArray *
quote_seeds (Finder *finder,
             Side   *side)
{
  GArray *seeds = g_array_new (FALSE, FALSE, sizeof (Seed));
  g_autoptr(GArray) forms = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint k = seed_length (finder);

  for (guint q = 0; q < side->n_quotes; q++)
    {
      const Item *items;
      guint n_items;

      items = quote_items (side, q, &n_items);
      g_array_set_size (forms, 0);
      for (guint i = 0; i <= n_items; i++)
        {
          if (i < n_items && items[i].kind == ITEM_WORD)
            {
              g_array_append_val (forms, items[i].form);
              if (forms->len >= k)
                {
                  Seed seed = {
                    hash_forms (&g_array_index (forms, guint32, forms->len - k), k), q
                  };

                  g_array_append_val (seeds, seed);
                }
            }
          else
            g_array_set_size (forms, 0);
        }
    }

  g_array_sort (seeds, compare_seeds);
  return seeds;
}

static gint
kind_rank (CcSharedQuoteKind kind)
{
  switch (kind)
    {
    case CC_SHARED_EXACT:
      return 0;
    case CC_SHARED_VARIANT:
      return 1;
    case CC_SHARED_PARTIAL:
      return 2;
    case CC_SHARED_UNQUOTED:
    default:
      return 3;
    }
}

static gint
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;

  if (kind_rank (ma->kind) != kind_rank (mb->kind))
    return kind_rank (ma->kind) - kind_rank (mb->kind);
  if (ma->score != mb->score)
    return ma->score > mb->score ? -1 : 1;
  if (ma->equal != mb->equal)
    return ma->equal > mb->equal ? -1 : 1;
  if (ma->a.start != mb->a.start)
    return ma->a.start < mb->a.start ? -1 : 1;
  return ma->b.start < mb->b.start ? -1 : ma->b.start > mb->b.start;
}

static gboolean
range_contains (const CcRange *outer,
                const CcRange *inner)
{
  return outer->start <= inner->start && inner->end <= outer->end;
}

/* How many seeds two quotations of @words_a and @words_b words must share to be worth a diff:
 * a fragment shares all the seeds of the shorter, a variant most, an overlap those of a
 * passage. */
static guint
seeds_needed (const Finder *finder,
              guint         words_a,
              guint         words_b)
{
  guint k = seed_length (finder);
  guint shorter = MIN (words_a, words_b);
  guint all;

  if (shorter < MAX (k, min_quote_words (finder)))
    return G_MAXUINT;

  all = shorter - k + 1;
  return MAX (1, MIN (all / 3, min_unquoted_words (finder) - k + 1));
}

static gint
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const guint *ca = a;
  const guint *cb = b;

  /* (quotation, shared seeds) pairs: most seeds first */
  if (ca[1] != cb[1])
    return ca[1] > cb[1] ? -1 : 1;
  return ca[0] < cb[0] ? -1 : ca[0] > cb[0];
}

/* Classifies the pairs of quotations that share enough seeds, and keeps the best counterpart
 * of each quotation. Returns FALSE when cancelled. */
static gboolean
match_quotations (Finder       *finder,
                  GArray       *result,
                  GCancellable *cancellable)
{
  g_autoptr(GArray) seeds = quote_seeds (finder, &finder->b);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autoptr(GArray) forms = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autofree guint *shared_seeds = g_new0 (guint, MAX (finder->b.n_quotes, 1));
  g_autofree guint *words_b = g_new0 (guint, MAX (finder->b.n_quotes, 1));
  g_autofree gboolean *used_a = g_new0 (gboolean, MAX (finder->a.n_quotes, 1));
  g_autofree gboolean *used_b = g_new0 (gboolean, MAX (finder->b.n_quotes, 1));
  guint k = seed_length (finder);

  for (guint qb = 0; qb < finder->b.n_quotes; qb++)
    {
      const Item *items;
      guint n_items;

      items = quote_items (&finder->b, qb, &n_items);
      for (guint i = 0; i < n_items; i++)
        words_b[qb] += items[i].kind == ITEM_WORD;
    }

  for (guint qa = 0; qa < finder->a.n_quotes; qa++)
    {
      const Item *items;
      guint n_items, words_a = 0;

      if (qa % 16 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          for (guint m = 0; m < candidates->len; m++)
            match_clear (&g_array_index (candidates, Match, m));
          return FALSE;
        }

      items = quote_items (&finder->a, qa, &n_items);
      g_array_set_size (forms, 0);
      g_array_set_size (touched, 0);
      for (guint i = 0; i <= n_items; i++)
        {
          const Seed *found;
          guint n_found;

          if (i == n_items || items[i].kind != ITEM_WORD)
            {
              g_array_set_size (forms, 0);
              continue;
            }
          words_a++;
          g_array_append_val (forms, items[i].form);
          if (forms->len < k)
            continue;

          found = find_seeds (seeds,
                              hash_forms (&g_array_index (forms, guint32, forms->len - k), k),
                              &n_found);
          if (n_found > MAX_POSTINGS)
            continue;

          for (guint f = 0; f < n_found; f++)
            {
              guint candidate[2] = { found[f].where, 0 };

              if (shared_seeds[found[f].where]++ == 0)
                g_array_append_val (touched, candidate);
            }
        }

      /* The likeliest counterparts only: the rest could not beat them. */
      for (guint t = 0; t < touched->len; t++)
        {
          guint *candidate = &g_array_index (touched, guint, 2 * t);

          candidate[1] = shared_seeds[candidate[0]];
          shared_seeds[candidate[0]] = 0;
        }
      g_array_sort (touched, compare_candidates);

      for (guint t = 0, tried = 0; t < touched->len && tried < MAX_CANDIDATES; t++)
        {
          const guint *candidate = &g_array_index (touched, guint, 2 * t);
          guint qb = candidate[0];
          Match match;

          if (candidate[1] < seeds_needed (finder, words_a, words_b[qb]))
            continue;

          tried++;
          if (classify (finder, qa, qb, &match))
            g_array_append_val (candidates, match);
        }
    }

  /* Best kind first, then best score: each quotation keeps its best counterpart, but several
   * fragments may each come from one long quotation. */
  g_array_sort (candidates, compare_matches);
  for (guint m = 0; m < candidates->len; m++)
    {
      Match *match = &g_array_index (candidates, Match, m);
      gboolean keep = TRUE;

      if (match->a_fragment)
        keep = !used_a[match->a_quote];
      else if (match->b_fragment)
        keep = !used_b[match->b_quote];
      else
        keep = !used_a[match->a_quote] && !used_b[match->b_quote];

      /* A quotation nested in one already matched adds nothing. */
      for (guint r = 0; keep && r < result->len; r++)
        {
          const CcSharedQuote *kept = &g_array_index (result, CcSharedQuote, r);

          if (range_contains (&kept->a, &match->a) && range_contains (&kept->b, &match->b))
            keep = FALSE;
        }

      if (!keep)
        {
          match_clear (match);
          continue;
        }

      if (!match->b_fragment)
        used_a[match->a_quote] = TRUE;
      if (!match->a_fragment)
        used_b[match->b_quote] = TRUE;

      {
        CcSharedQuote shared = {
          match->kind, match->score, match->a, match->b, match->a_quote, match->b_quote,
          g_steal_pointer (&match->difference)
        };

        g_array_append_val (result, shared);
      }
    }

  return TRUE;
}

/* Quoted words in the other's prose ------------------------------------------------------- */

typedef struct
{
  gint  quote;     /* the outermost quotation on the quoting side */
  guint x;         /* first word on the quoting side */
  guint x_end;
  guint y;         /* first word on the other side */
  guint y_end;
  guint equal;
  guint gaps;
} Run;

static gint
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *ra = a;
  const Run *rb = b;

  if (ra->quote != rb->quote)
    return ra->quote < rb->quote ? -1 : 1;
  if (ra->x != rb->x)
    return ra->x < rb->x ? -1 : 1;
  return ra->y < rb->y ? -1 : ra->y > rb->y;
}

static gint
compare_runs_by_size (gconstpointer a,
                      gconstpointer b)
{
  const Run *ra = a;
  const Run *rb = b;

  if (ra->equal != rb->equal)
    return ra->equal > rb->equal ? -1 : 1;
  return compare_runs (a, b);
}

static guint
unquoted_seed_length (const Finder *finder)
{
  return MIN (4, min_unquoted_words (finder));
}

/* Words of @x's quotations that @y uses outside its own: exact runs of words, chained across
 * up to max_bridged_words differing words. Returns FALSE when cancelled. */
static gboolean
match_unquoted (Finder       *finder,
                Side         *x,
                Side         *y,
                gboolean      x_is_a,
                GArray       *result,
                GCancellable *cancellable)
{
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (Seed));
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) chains = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GHashTable) extended = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  const guint32 *fx = (const guint32 *) (gpointer) x->word_forms->data;
  const guint32 *fy = (const guint32 *) (gpointer) y->word_forms->data;
  const gint *qx = (const gint *) (gpointer) x->word_quote->data;
  const gint *qy = (const gint *) (gpointer) y->word_quote->data;
  guint nx = x->word_forms->len, ny = y->word_forms->len;
  guint k = unquoted_seed_length (finder);
  /* A reused quotation keeps its wording: a few changed words, not the passage finder's wide
   * bridges, which are for paraphrase. */
  guint bridge = MIN (finder->options->max_bridged_words, 2);
  guint unquoted = 0;
  gboolean previous_looked_up = FALSE;
  g_autofree gboolean *used_x = NULL;
  g_autofree gboolean *used_y = NULL;

  if (x->n_quotes == 0 || nx < k || ny < k)
    return TRUE;

  /* Seeds of the other side's own words: k words in a row, none quoted. */
  for (guint p = 0; p < ny; p++)
    {
      unquoted = qy[p] < 0 ? unquoted + 1 : 0;
      if (unquoted >= k)
        {
          Seed seed = { hash_forms (fy + p + 1 - k, k), p + 1 - k };

          g_array_append_val (seeds, seed);
        }
    }
  g_array_sort (seeds, compare_seeds);

  for (guint p = 0; p + k <= nx; p++)
    {
      const Seed *found;
      guint n_found;
      gint q = qx[p];

      if (p % 65536 == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if (q < 0 || qx[p + k - 1] != q)
        {
          previous_looked_up = FALSE;
          continue;
        }

      found = find_seeds (seeds, hash_forms (fx + p, k), &n_found);
      if (n_found > MAX_POSTINGS)
        {
          previous_looked_up = FALSE;
          continue;
        }

      for (guint f = 0; f < n_found; f++)
        {
          guint start_x = p, start_y = found[f].where;
          guint length = 0;
          Run run;

          /* Inside a run found from an earlier seed. */
          if (previous_looked_up && start_x > 0 && start_y > 0 && qx[start_x - 1] == q &&
              qy[start_y - 1] < 0 && fx[start_x - 1] == fy[start_y - 1])
            continue;

          /* Its start's seed was too common to follow: walk back to it. */
          while (start_x > 0 && start_y > 0 && qx[start_x - 1] == q && qy[start_y - 1] < 0 &&
                 fx[start_x - 1] == fy[start_y - 1])
            {
              start_x--;
              start_y--;
            }
          if (start_x != p)
            {
              gint64 key = ((gint64) start_x << 32) | start_y;

              if (g_hash_table_contains (extended, &key))
                continue;
              g_hash_table_add (extended, g_memdup2 (&key, sizeof key));
            }

          while (start_x + length < nx && start_y + length < ny &&
                 qx[start_x + length] == q && qy[start_y + length] < 0 &&
                 fx[start_x + length] == fy[start_y + length])
            length++;
          if (length < k)
            continue;

          run.quote = q;
          run.x = start_x;
          run.x_end = start_x + length;
          run.y = start_y;
          run.y_end = start_y + length;
          run.equal = length;
          run.gaps = 0;
          g_array_append_val (runs, run);
        }
      previous_looked_up = TRUE;
    }

  /* Chain runs of one quotation that follow each other on both sides with small gaps. */
  g_array_sort (runs, compare_runs);
  for (guint r = 0; r < runs->len; r++)
    {
      const Run *run = &g_array_index (runs, Run, r);
      Run *best = NULL;

      for (guint c = chains->len; c > 0 && chains->len - c < 64; c--)
        {
          Run *chain = &g_array_index (chains, Run, c - 1);

          if (chain->quote != run->quote)
            break;
          if (run->x >= chain->x_end && run->y >= chain->y_end &&
              run->x - chain->x_end <= bridge && run->y - chain->y_end <= bridge &&
              (best == NULL || chain->equal > best->equal))
            best = chain;
        }

      if (best != NULL)
        {
          best->gaps += MAX (run->x - best->x_end, run->y - best->y_end);
          best->x_end = run->x_end;
          best->y_end = run->y_end;
          best->equal += run->equal;
        }
      else
        g_array_append_val (chains, *run);
    }

  /* The longest first; no word used twice on either side. */
  g_array_sort (chains, compare_runs_by_size);
  used_x = g_new0 (gboolean, nx);
  used_y = g_new0 (gboolean, ny);
  for (guint c = 0; c < chains->len; c++)
    {
      const Run *chain = &g_array_index (chains, Run, c);
      const guint *tx = (const guint *) (gpointer) x->word_tokens->data;
      const guint *ty = (const guint *) (gpointer) y->word_tokens->data;
      gboolean overlaps = FALSE;
      CcSharedQuote shared = { 0 };
      CcRange range_x, range_y;

      if (chain->equal < min_unquoted_words (finder))
        break;

      for (guint i = chain->x; i < chain->x_end && !overlaps; i++)
        overlaps = used_x[i];
      for (guint i = chain->y; i < chain->y_end && !overlaps; i++)
        overlaps = used_y[i];
      if (overlaps)
        continue;
      for (guint i = chain->x; i < chain->x_end; i++)
        used_x[i] = TRUE;
      for (guint i = chain->y; i < chain->y_end; i++)
        used_y[i] = TRUE;

      range_x.start = x->tokens[tx[chain->x]].start;
      range_x.end = x->tokens[tx[chain->x_end - 1]].end;
      range_y.start = y->tokens[ty[chain->y]].start;
      range_y.end = y->tokens[ty[chain->y_end - 1]].end;

      shared.kind = CC_SHARED_UNQUOTED;
      shared.score = length_confidence (chain->equal) *
                     ((double) chain->equal / (chain->equal + chain->gaps));
      shared.a = x_is_a ? range_x : range_y;
      shared.b = x_is_a ? range_y : range_x;
      shared.a_quote = x_is_a ? chain->quote : -1;
      shared.b_quote = x_is_a ? -1 : chain->quote;
      g_array_append_val (result, shared);
    }

  return TRUE;
}

/* Public API ------------------------------------------------------------------------------- */

static void
clear_shared (gpointer data)
{
  CcSharedQuote *shared = data;

  g_clear_pointer (&shared->difference, g_array_unref);
}

static gint
compare_shared (gconstpointer a,
                gconstpointer b)
{
  const CcSharedQuote *sa = a;
  const CcSharedQuote *sb = b;

  if (sa->a.start != sb->a.start)
    return sa->a.start < sb->a.start ? -1 : 1;
  if (sa->b.start != sb->b.start)
    return sa->b.start < sb->b.start ? -1 : 1;
  return kind_rank (sa->kind) - kind_rank (sb->kind);
}

/**
 * cc_shared_quotes_find:
 * @a: the quotations of one text
 * @b: those of another, whose text shares @a's lexicon
 * @options: (nullable): the comparison settings, or %NULL for the defaults: min_quote_words
 *   for quotations, min_passage_words (at least) for quoted words reused without marks,
 *   max_bridged_words for the differing words such a reuse may bridge
 * @cancellable: (nullable): a #GCancellable
 *
 * Finds the quotations @a and @b share, and how: the same words, a fragment of one in the
 * other, the same quotation edited, or quoted words the other text uses as its own. Each
 * quotation is matched to at most one counterpart, the best by kind (exact, then variant, then
 * partial) and score, except that several fragments may each come from one long quotation.
 *
 * Returns: (transfer full) (nullable): the shared quotations, ordered by their place in @a;
 *   %NULL when cancelled
 */
CcSharedQuotes *
cc_shared_quotes_find (CcQuotes               *a,
                       CcQuotes               *b,
                       const CcCompareOptions *options,
                       GCancellable           *cancellable)
{
  g_autoptr(CcSharedQuotes) self = NULL;
  CcCompareOptions defaults;
  Finder finder = { 0 };
  gboolean done;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);
  g_return_val_if_fail (cc_text_get_lexicon (cc_quotes_get_text (a)) ==
                        cc_text_get_lexicon (cc_quotes_get_text (b)), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (options == NULL)
    {
      cc_compare_options_init_default (&defaults);
      options = &defaults;
    }

  self = g_new0 (CcSharedQuotes, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->a = cc_quotes_ref (a);
  self->b = cc_quotes_ref (b);
  self->shared = g_array_new (FALSE, FALSE, sizeof (CcSharedQuote));
  g_array_set_clear_func (self->shared, clear_shared);

  finder.options = options;
  side_init (&finder.a, a);
  side_init (&finder.b, b);
  finder.forms_a = g_array_new (FALSE, FALSE, sizeof (guint32));
  finder.forms_b = g_array_new (FALSE, FALSE, sizeof (guint32));
  finder.where_a = g_array_new (FALSE, FALSE, sizeof (guint));
  finder.where_b = g_array_new (FALSE, FALSE, sizeof (guint));

  done = match_quotations (&finder, self->shared, cancellable) &&
         match_unquoted (&finder, &finder.a, &finder.b, TRUE, self->shared, cancellable) &&
         match_unquoted (&finder, &finder.b, &finder.a, FALSE, self->shared, cancellable);

  side_clear (&finder.a);
  side_clear (&finder.b);
  g_array_unref (finder.forms_a);
  g_array_unref (finder.forms_b);
  g_array_unref (finder.where_a);
  g_array_unref (finder.where_b);

  if (!done)
    return NULL;

  g_array_sort (self->shared, compare_shared);
  return g_steal_pointer (&self);
}

CcSharedQuotes *
cc_shared_quotes_ref (CcSharedQuotes *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_shared_quotes_unref (CcSharedQuotes *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->shared);
  cc_quotes_unref (self->a);
  cc_quotes_unref (self->b);
  g_free (self);
}

/**
 * cc_shared_quotes_get:
 * @n_shared: (out): the number of shared quotations
 *
 * Returns: (array length=n_shared): the shared quotations
 */
const CcSharedQuote *
cc_shared_quotes_get (CcSharedQuotes *self,
                      guint          *n_shared)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_shared != NULL, NULL);

  *n_shared = self->shared->len;
  return (const CcSharedQuote *) (gpointer) self->shared->data;
}

/* The characters of compared tokens [@start, @end) of @range; an empty span gives an empty
 * range where its tokens would stand. */
static CcRange
span_range (CcQuotes      *quotes,
            const CcRange *range,
            guint          start,
            guint          end)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  const Item *item;
  CcRange result;
  Side side = { 0 };

  side.quotes = quotes;
  side.text = cc_quotes_get_text (quotes);
  side.string = cc_text_get_string (side.text, NULL);
  side.tokens = cc_text_get_tokens (side.text, &side.n_tokens);
  collect_items (&side, range->start, range->end, items);
  item = (const Item *) (gpointer) items->data;

  end = MIN (end, items->len);
  start = MIN (start, end);
  if (start < end)
    result = items_range (&side, item, start, end - 1);
  else if (start < items->len)
    result.start = result.end = side.tokens[item[start].token].start;
  else
    result.start = result.end = range->end;

  return result;
}

/**
 * cc_shared_quotes_get_span_ranges:
 * @index: a shared quotation's index
 * @span: one of its #CcSharedQuote.difference spans
 * @a: (out) (optional): the span's characters in A
 * @b: (out) (optional): the span's characters in B
 *
 * Turns a span of a variant's difference, which counts compared tokens (words, numbers,
 * elision marks and square brackets) from the start of #CcSharedQuote.a and
 * #CcSharedQuote.b, into characters of each text. A side the span leaves empty gets an empty
 * range where the words would stand.
 */
void
cc_shared_quotes_get_span_ranges (CcSharedQuotes   *self,
                                  guint             index,
                                  const CcDiffSpan *span,
                                  CcRange          *a,
                                  CcRange          *b)
{
  const CcSharedQuote *shared;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->shared->len);
  g_return_if_fail (span != NULL);

  shared = &g_array_index (self->shared, CcSharedQuote, index);
  if (a != NULL)
    *a = span_range (self->a, &shared->a, span->a_start, span->a_end);
  if (b != NULL)
    *b = span_range (self->b, &shared->b, span->b_start, span->b_end);
}

const char *
cc_shared_quote_kind_to_string (CcSharedQuoteKind kind)
{
  switch (kind)
    {
    case CC_SHARED_EXACT:
      return "exact";
    case CC_SHARED_PARTIAL:
      return "partial";
    case CC_SHARED_VARIANT:
      return "variant";
    case CC_SHARED_UNQUOTED:
      return "unquoted";
    default:
      g_return_val_if_reached (NULL);
    }
}
