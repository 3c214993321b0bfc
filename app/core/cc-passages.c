/* cc-passages.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-passages"

#include "cc-passages.h"

#include <stdlib.h>
#include <string.h>

/* How shared passages are found:
 *
 * 1. Words. Each text is reduced to its words and numbers. Punctuation and symbols neither
 *    match nor break a passage, since outlets punctuate the same sentence differently; an
 *    excluded range (boilerplate) breaks one and never matches.
 * 2. Seeds. Every two consecutive words that occur in both texts, found through a hash table
 *    of B's word pairs. A pair of stop words ("of the") says nothing, and a pair so common
 *    that its occurrences in A times those in B exceed MAX_PAIRINGS (a refrain, a formula)
 *    would pair every occurrence with every other: neither seeds. A passage A has once still
 *    seeds when B repeats it up to MAX_PAIRINGS times. A seed inside a fragment already found
 *    is skipped, so the work follows the texts' length, not the number of their common pairs.
 * 3. Extension. From each seed, both ways, over equal words, bridging up to K differing words
 *    on either side at a time (a change, an insertion, a deletion) where the texts then agree
 *    again. An alignment is scored +(100 - P) a matched word and -P a bridged one, so that a
 *    score of 0 or more is exactly an identity of P % or more; each end stops where the score
 *    is highest, so a fragment never ends in words that lower its identity. Of the whole, the
 *    fragment keeps the stretch that scores highest at half that identity: an end reached
 *    across a short change stays, a seed found a long bridge away from a passage goes.
 * 4. Repeats. When a passage occurs m times in A and n times in B, each occurrence is first
 *    paired with one counterpart; the other pairs stay only where they cover an occurrence no
 *    pair covers yet.
 * 5. Neighbours. Fragments at most K words apart in both texts, in either order, are one
 *    passage (a reordered sentence, a change found as two fragments) when the whole still has
 *    P % of its words matched: the bridging limit holds however a passage is put together.
 *    Pieces in opposite orders in the two texts join only within a paragraph: a sentence
 *    moved within a paragraph is an edit, a paragraph moved elsewhere is a passage of its own.
 * 6. Passages. A passage needs N matched words if verbatim, and more as its identity falls
 *    (matched words × identity ≥ N): the looser the match, the more words it takes to tell it
 *    from the words any two texts have in common. Matched words are counted one to one, equal
 *    with equal, whatever their order: the size of the intersection of the two spans'
 *    multisets of words. Identity is that against the longer span, never below P.
 *
 * N, K and P are min_passage_words, max_bridged_words and min_identity. */

#define SEED_WORDS      2
#define MAX_PAIRINGS    32
#define LOOKAHEAD_WORDS 3

/* Word forms that stand for "no word here" at the ends of a text and across excluded ranges;
 * A's never equals B's, so every comparison fails there without a bounds check. Form 0 is
 * never given out by a lexicon. */
#define SENTINEL_A 0
#define SENTINEL_B G_MAXUINT32

#define NO_SLOT G_MAXUINT32

struct _CcPassages
{
  gatomicrefcount  ref_count;
  CcPassage       *passages;
  guint            n_passages;
  double           coverage_a;
  double           coverage_b;
};

/* Words ------------------------------------------------------------------------------------ */

typedef struct
{
  guint32 *forms;      /* comparison forms, sentinels at the ends and at breaks */
  guint32 *tokens;     /* each word's token, for its character offsets */
  guint8  *stopword;
  guint    n;          /* positions, sentinels included */
  GArray  *breaks;     /* positions of the sentinels, sorted */
  GArray  *paragraphs; /* positions of the words that start a paragraph, sorted */
  guint    n_words;
} Words;

static void
words_clear (Words *words)
{
  g_clear_pointer (&words->forms, g_free);
  g_clear_pointer (&words->tokens, g_free);
  g_clear_pointer (&words->stopword, g_free);
  g_clear_pointer (&words->breaks, g_array_unref);
  g_clear_pointer (&words->paragraphs, g_array_unref);
}

static void
words_push (Words   *words,
            guint32  form,
            guint32  token,
            gboolean stopword)
{
  words->forms[words->n] = form;
  words->tokens[words->n] = token;
  words->stopword[words->n] = stopword;
  words->n++;
}

static void
words_push_sentinels (Words   *words,
                      guint32  sentinel,
                      guint    count)
{
  g_array_append_val (words->breaks, words->n);
  for (guint i = 0; i < count; i++)
    words_push (words, sentinel, G_MAXUINT32, FALSE);
}

/* @pad sentinels at each end let bridging look ahead without bounds checks. */
static void
words_init (Words   *words,
            CcText  *text,
            guint32  sentinel,
            guint    pad)
{
  const CcToken *tokens;
  guint n_tokens;
  gboolean pending_break = FALSE;
  gboolean pending_paragraph = FALSE;

  tokens = cc_text_get_tokens (text, &n_tokens);

  words->n = 0;
  words->n_words = 0;
  words->forms = g_new (guint32, n_tokens + 2 * pad + 1);
  words->tokens = g_new (guint32, n_tokens + 2 * pad + 1);
  words->stopword = g_new (guint8, n_tokens + 2 * pad + 1);
  words->breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  words->paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));

  words_push_sentinels (words, sentinel, pad);
  for (guint t = 0; t < n_tokens; t++)
    {
      const CcToken *token = &tokens[t];

      if (token->flags & CC_TOKEN_PARAGRAPH_START)
        pending_paragraph = TRUE;
      if (token->flags & CC_TOKEN_EXCLUDED)
        {
          pending_break = TRUE;
          continue;
        }
      if (token->kind != CC_TOKEN_WORD && token->kind != CC_TOKEN_NUMBER)
        continue;

      if (pending_paragraph)
        g_array_append_val (words->paragraphs, words->n);
      pending_paragraph = FALSE;

      /* One sentinel is enough inside the text: bridges never step over one. */
      if (pending_break && words->n_words > 0)
        words_push_sentinels (words, sentinel, 1);
      pending_break = FALSE;

      words_push (words, token->form, t, (token->flags & CC_TOKEN_STOPWORD) != 0);
      words->n_words++;
    }
  words_push_sentinels (words, sentinel, pad);
}

/* Whether one of the sorted @positions lies in [@start, @end). */
static gboolean
has_position (const GArray *positions,
              guint         start,
              guint         end)
{
  const guint *p = (const guint *)(gpointer)positions->data;
  guint low = 0, high = positions->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (p[middle] < start)
        low = middle + 1;
      else
        high = middle;
    }

  return low < positions->len && p[low] < end;
}

static inline gboolean
words_has_break (const Words *words,
                 guint        start,
                 guint        end)
{
  return has_position (words->breaks, start, end);
}

static inline guint64
gram_hash (const guint32 *forms,
           guint          n_gram)
{
  guint64 h = 0x9E3779B97F4A7C15ull;

  for (guint k = 0; k < n_gram; k++)
    {
      h ^= forms[k];
      h *= 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }

  return h;
}

/* Whether the @n_gram words at @i can seed: no sentinel among them, and not only stop
 * words. */
static inline gboolean
gram_is_seed (const Words *words,
              guint        i,
              guint        n_gram,
              guint32      sentinel)
{
  gboolean content = FALSE;

  for (guint k = 0; k < n_gram; k++)
    {
      if (words->forms[i + k] == sentinel)
        return FALSE;
      if (!words->stopword[i + k])
        content = TRUE;
    }

  return content;
}

/* B's word pairs --------------------------------------------------------------------------- */

/* Eight bytes, as there is one for each pair of words in B. The counts stop at 255: only
 * whether they multiply past MAX_PAIRINGS matters. */
typedef struct
{
  guint32 first;      /* first position in B, or G_MAXUINT32 in an empty slot */
  guint16 tag;        /* more bits of the hash, to pass over most other pairs cheaply */
  guint8  count_a;
  guint8  count_b;
} Slot;

typedef struct
{
  Slot    *slots;
  guint32  mask;
  guint32 *next_b;    /* the next position in B that starts the same pair */
  guint32 *slot_a;    /* the slot of the pair at each position in A, or NO_SLOT */
  guint    n_gram;
} Grams;

static void
grams_clear (Grams *grams)
{
  g_clear_pointer (&grams->slots, g_free);
  g_clear_pointer (&grams->next_b, g_free);
  g_clear_pointer (&grams->slot_a, g_free);
}

static guint32
grams_lookup (Grams         *grams,
              const Words   *b,
              const guint32 *forms,
              gboolean       insert)
{
  guint64 hash = gram_hash (forms, grams->n_gram);
  guint16 tag = hash >> 48;
  guint32 index = (guint32)hash & grams->mask;

  for (;;)
    {
      Slot *slot = &grams->slots[index];

      if (slot->first == G_MAXUINT32)
        {
          if (!insert)
            return NO_SLOT;
          slot->tag = tag;
          slot->count_a = 0;
          slot->count_b = 0;
          return index;
        }
      if (slot->tag == tag &&
          memcmp (&b->forms[slot->first], forms, grams->n_gram * sizeof (guint32)) == 0)
        return index;
      index = (index + 1) & grams->mask;
    }
}

static void
grams_init (Grams       *grams,
            const Words *a,
            const Words *b,
            guint        n_gram)
{
  guint32 size = 256;

  grams->n_gram = n_gram;
  while (size < 2 * b->n)
    size <<= 1;
  grams->mask = size - 1;
  grams->slots = g_new (Slot, size);
  memset (grams->slots, 0xff, size * sizeof (Slot));
  grams->next_b = g_new (guint32, b->n);
  grams->slot_a = g_new (guint32, a->n);

  /* Backwards, so that each pair's positions are chained in increasing order. */
  for (guint j = b->n; j-- > 0;)
    {
      Slot *slot;

      grams->next_b[j] = G_MAXUINT32;
      if (j + n_gram > b->n || !gram_is_seed (b, j, n_gram, SENTINEL_B))
        continue;

      slot = &grams->slots[grams_lookup (grams, b, &b->forms[j], TRUE)];
      grams->next_b[j] = slot->first;
      slot->first = j;
      if (slot->count_b < G_MAXUINT8)
        slot->count_b++;
    }

  for (guint i = 0; i < a->n; i++)
    {
      guint32 index;

      grams->slot_a[i] = NO_SLOT;
      if (i + n_gram > a->n || !gram_is_seed (a, i, n_gram, SENTINEL_A))
        continue;

      index = grams_lookup (grams, b, &a->forms[i], FALSE);
      if (index != NO_SLOT)
        {
          grams->slot_a[i] = index;
          if (grams->slots[index].count_a < G_MAXUINT8)
            grams->slots[index].count_a++;
        }
    }
}

/* Extension -------------------------------------------------------------------------------- */

/* A stretch of an alignment: a run of matched words, or a bridge over differing ones. */
typedef struct
{
  gint  score;
  guint m;            /* words matched */
  guint da;           /* words covered in A */
  guint db;
} Step;

/* The words ahead in B at a mismatch, by form, so that a long bridge is found in time
 * proportional to K rather than K². */
typedef struct
{
  guint32  form;
  guint32  generation;
  guint    first;        /* the nearest offset with this form */
} WindowEntry;

typedef struct
{
  const Words *a;
  const Words *b;
  guint        max_bridge;
  gint         match_score;
  gint         gap_cost;
  gint         drop;
  gint         trim_match;
  gint         trim_gap;

  /* The gaps a bridge may cross, in the order tried, when K is small */
  guint      (*bridges)[2];
  guint        n_bridges;

  /* Otherwise, B's next K + 1 words by form */
  WindowEntry *window;
  guint32      window_mask;
  guint32      generation;
  guint       *window_next;  /* the next offset with the same form */

  /* Steps of the current extension, reused from seed to seed */
  GArray      *left;
  GArray      *right;
  GArray      *path;
} Extender;

/* Up to this K, trying each gap in turn is faster than indexing the words ahead. */
#define DIRECT_BRIDGE 4

/* A bridge over more words than this must land on at least two matching words: among many
 * words ahead, one equal word is likely to be a coincidence. */
#define SHORT_BRIDGE 2

static void
extender_init (Extender    *ext,
               const Words *a,
               const Words *b,
               guint        max_bridge,
               guint        min_identity)
{
  guint n = 0;

  ext->a = a;
  ext->b = b;
  ext->max_bridge = max_bridge;
  ext->match_score = 100 - min_identity;
  ext->gap_cost = min_identity;
  /* How far below its best a fragment may fall while looking for more: the longest bridge
   * and two words more, so that two changes close together are crossed. */
  ext->drop = min_identity * (max_bridge + 2);
  /* What is kept of an extension is scored at half the minimum identity: an end reached
   * across a short change stays, a seed a long bridge away from the passage it reached goes. */
  ext->trim_match = 100 - min_identity / 2;
  ext->trim_gap = min_identity / 2;

  /* Fewest differing words first, then fewest words in all: (1, 0), (0, 1), (1, 1)… */
  ext->bridges = g_malloc_n ((max_bridge + 1) * (max_bridge + 1), sizeof *ext->bridges);
  for (guint d = 1; d <= max_bridge; d++)
    for (guint other = 0; other <= d; other++)
      {
        ext->bridges[n][0] = d;
        ext->bridges[n++][1] = other;
        if (other != d)
          {
            ext->bridges[n][0] = other;
            ext->bridges[n++][1] = d;
          }
      }
  ext->n_bridges = n;

  ext->window_mask = 15;
  while (ext->window_mask + 1 < 2 * (max_bridge + 1))
    ext->window_mask = 2 * ext->window_mask + 1;
  ext->window = g_new0 (WindowEntry, ext->window_mask + 1);
  ext->window_next = g_new (guint, max_bridge + 1);
  ext->generation = 0;

  ext->left = g_array_new (FALSE, FALSE, sizeof (Step));
  ext->right = g_array_new (FALSE, FALSE, sizeof (Step));
  ext->path = g_array_new (FALSE, FALSE, sizeof (Step));
}

static void
extender_clear (Extender *ext)
{
  g_clear_pointer (&ext->bridges, g_free);
  g_clear_pointer (&ext->window, g_free);
  g_clear_pointer (&ext->window_next, g_free);
  g_clear_pointer (&ext->left, g_array_unref);
  g_clear_pointer (&ext->right, g_array_unref);
  g_clear_pointer (&ext->path, g_array_unref);
}

/* How many words the texts agree for from @qa, @qb, up to LOOKAHEAD_WORDS. */
static inline guint
agreement (const guint32 *fa,
           const guint32 *fb,
           gssize         qa,
           gssize         qb,
           gint           dir)
{
  guint run = 0;

  while (run < LOOKAHEAD_WORDS && fa[qa] == fb[qb])
    {
      qa += dir;
      qb += dir;
      run++;
    }

  return run;
}

/* The order in which bridges are preferred when they land on equal runs, as in
 * extender_init(). */
static inline guint
bridge_rank (guint sa,
             guint sb)
{
  guint d = MAX (sa, sb), other = MIN (sa, sb);

  return ((d << 8) + other) * 2 + (sa < sb);
}

/* At a mismatch at @pa, @pb, finds the words to skip in each text (@da, @db, at most K each,
 * not both 0, over no break) after which the texts agree again for longest; of equals, the
 * shortest bridge. Returns how long they agree, 0 if they nowhere do. */
static guint
find_bridge (Extender *ext,
             gssize    pa,
             gssize    pb,
             gint      dir,
             guint    *da,
             guint    *db)
{
  const guint32 *fa = ext->a->forms;
  const guint32 *fb = ext->b->forms;
  guint longest = 0, best_rank = G_MAXUINT;

  if (ext->max_bridge <= DIRECT_BRIDGE)
    {
      for (guint k = 0; k < ext->n_bridges && longest < LOOKAHEAD_WORDS; k++)
        {
          guint sa = ext->bridges[k][0], sb = ext->bridges[k][1];
          gssize qa = pa + dir * (gssize)sa, qb = pb + dir * (gssize)sb;
          gboolean blocked = FALSE;
          guint run;

          if (fa[qa] != fb[qb])
            continue;

          /* No bridge over a break. */
          for (guint t = 0; t < sa && !blocked; t++)
            blocked = fa[pa + dir * (gssize)t] == SENTINEL_A;
          for (guint t = 0; t < sb && !blocked; t++)
            blocked = fb[pb + dir * (gssize)t] == SENTINEL_B;
          if (blocked)
            continue;

          run = agreement (fa, fb, qa, qb, dir);
          if (run < 2 && MAX (sa, sb) > SHORT_BRIDGE)
            continue;
          if (run > longest)
            {
              longest = run;
              *da = sa;
              *db = sb;
            }
        }

      return longest;
    }

  /* Index B's words ahead, up to a break: a bridge never steps over one. */
  if (++ext->generation == 0)
    {
      memset (ext->window, 0, (ext->window_mask + 1) * sizeof (WindowEntry));
      ext->generation = 1;
    }
  for (guint sb = ext->max_bridge + 1; sb-- > 0;)
    {
      guint32 form = fb[pb + dir * (gssize)sb];
      guint32 index = (form * 0x9E3779B1u) & ext->window_mask;

      /* Backwards, so that the chains run nearest first. */
      for (;;)
        {
          WindowEntry *entry = &ext->window[index];

          if (entry->generation != ext->generation)
            {
              entry->generation = ext->generation;
              entry->form = form;
              ext->window_next[sb] = G_MAXUINT;
              entry->first = sb;
              break;
            }
          if (entry->form == form)
            {
              ext->window_next[sb] = entry->first;
              entry->first = sb;
              break;
            }
          index = (index + 1) & ext->window_mask;
        }

      /* A break ahead cuts the window short; everything beyond it was indexed in vain and
       * is discarded by starting over. */
      if (form == SENTINEL_B)
        {
          if (++ext->generation == 0)
            {
              memset (ext->window, 0, (ext->window_mask + 1) * sizeof (WindowEntry));
              ext->generation = 1;
            }
        }
    }

  for (guint sa = 0; sa <= ext->max_bridge; sa++)
    {
      guint32 form = fa[pa + dir * (gssize)sa];
      guint32 index = (form * 0x9E3779B1u) & ext->window_mask;

      if (form == SENTINEL_A)
        break;

      for (;;)
        {
          const WindowEntry *entry = &ext->window[index];

          if (entry->generation != ext->generation)
            break;
          if (entry->form == form)
            {
              for (guint sb = entry->first; sb != G_MAXUINT; sb = ext->window_next[sb])
                {
                  guint rank, run;

                  if (sa == 0 && sb == 0)
                    continue;
                  rank = bridge_rank (sa, sb);
                  if (rank > best_rank && longest == LOOKAHEAD_WORDS)
                    continue;

                  run = agreement (fa, fb, pa + dir * (gssize)sa, pb + dir * (gssize)sb, dir);
                  if (run < 2 && MAX (sa, sb) > SHORT_BRIDGE)
                    continue;
                  if (run > longest || (run == longest && rank < best_rank))
                    {
                      longest = run;
                      best_rank = rank;
                      *da = sa;
                      *db = sb;
                    }
                }
              break;
            }
          index = (index + 1) & ext->window_mask;
        }
    }

  return longest;
}

/* Extends from @pa, @pb (the first words beyond the seed) in direction @dir, leaving in
 * @steps its runs of matched words and its bridges, outwards, up to the best place to stop:
 * the highest score, and of equal scores the furthest. */
static void
extend (Extender *ext,
        gssize    pa,
        gssize    pb,
        gint      dir,
        GArray   *steps)
{
  const guint32 *fa = ext->a->forms;
  const guint32 *fb = ext->b->forms;
  gint score = 0, best = 0;
  guint best_length = 0;

  g_array_set_size (steps, 0);

  for (;;)
    {
      Step run = { 0, 0, 0, 0 }, bridge;
      guint da = 0, db = 0;

      while (fa[pa] == fb[pb])
        {
          pa += dir;
          pb += dir;
          run.m++;
        }
      if (run.m > 0)
        {
          run.da = run.db = run.m;
          run.score = ext->match_score * (gint)run.m;
          score += run.score;
          g_array_append_val (steps, run);
        }
      if (score >= best)
        {
          best = score;
          best_length = steps->len;
        }

      /* Bridge to where the texts agree again for longest, so that a lone "the" or "of" does
       * not throw the alignment off. */
      if (find_bridge (ext, pa, pb, dir, &da, &db) == 0)
        break;

      bridge.m = 0;
      bridge.da = da;
      bridge.db = db;
      bridge.score = -ext->gap_cost * (gint)MAX (da, db);
      score += bridge.score;
      if (score < best - ext->drop)
        break;
      g_array_append_val (steps, bridge);
      pa += dir * (gssize)da;
      pb += dir * (gssize)db;
    }

  g_array_set_size (steps, best_length);
}

typedef struct
{
  guint as, ae;       /* words [as, ae) of A, in padded positions */
  guint bs, be;
  guint m;            /* words matched one to one */
} Fragment;

/* Extends the seed of @n words at @i, @j both ways, and keeps the stretch of the whole that
 * scores highest. It need not hold the seed: a seed that happens to lie a bridge away from a
 * shared passage reaches it, but the passage alone scores higher than with the seed. */
static void
extend_seed (Extender *ext,
             guint     i,
             guint     j,
             guint     n,
             Fragment *fragment)
{
  const Step *left, *right, *path;
  Step seed = { ext->match_score * (gint)n, n, n, n };
  guint a = i, b = j, start_a = 0, start_b = 0;
  guint end = 0, start = 0, best_start = 0;
  gint sum = 0, best = G_MININT;

  extend (ext, (gssize)i + n, (gssize)j + n, +1, ext->right);
  extend (ext, (gssize)i - 1, (gssize)j - 1, -1, ext->left);

  /* The whole, from its left end: the left steps reversed, the seed, the right steps. */
  left = (const Step *)(gpointer)ext->left->data;
  right = (const Step *)(gpointer)ext->right->data;
  g_array_set_size (ext->path, 0);
  for (guint k = ext->left->len; k-- > 0;)
    {
      g_array_append_val (ext->path, left[k]);
      a -= left[k].da;
      b -= left[k].db;
    }
  g_array_append_val (ext->path, seed);
  g_array_append_vals (ext->path, right, ext->right->len);
  path = (const Step *)(gpointer)ext->path->data;

  /* The highest-scoring stretch of steps (Kadane): it starts and ends with matched words. */
  for (guint k = 0; k < ext->path->len; k++)
    {
      if (sum < 0)
        {
          sum = 0;
          start = k;
        }
      sum += path[k].m > 0 ? ext->trim_match * (gint)path[k].m
                           : -ext->trim_gap * (gint)MAX (path[k].da, path[k].db);
      if (sum >= best)
        {
          best = sum;
          best_start = start;
          end = k + 1;
        }
    }

  for (guint k = 0; k < best_start; k++)
    {
      start_a += path[k].da;
      start_b += path[k].db;
    }
  fragment->as = fragment->ae = a + start_a;
  fragment->bs = fragment->be = b + start_b;
  fragment->m = 0;
  for (guint k = best_start; k < end; k++)
    {
      fragment->ae += path[k].da;
      fragment->be += path[k].db;
      fragment->m += path[k].m;
    }
}

/* Seeding ---------------------------------------------------------------------------------- */

static gboolean
find_fragments (const Words    *a,
                const Grams    *grams,
                Extender       *ext,
                GArray         *fragments,
                GCancellable   *cancellable)
{
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < a->n; i++)
    {
      const Slot *slot;

      if ((i & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if (grams->slot_a[i] == NO_SLOT)
        continue;
      slot = &grams->slots[grams->slot_a[i]];
      if (slot->count_a * slot->count_b > MAX_PAIRINGS)
        continue;

      /* Fragments that end before i can contain no more seeds. */
      for (guint k = 0; k < active->len;)
        {
          const Fragment *f = &g_array_index (fragments, Fragment,
                                              g_array_index (active, guint, k));

          if (f->ae <= i)
            g_array_remove_index_fast (active, k);
          else
            k++;
        }

      for (guint32 j = slot->first; j != G_MAXUINT32; j = grams->next_b[j])
        {
          Fragment fragment;
          gboolean inside = FALSE;
          guint index;

          for (guint k = 0; k < active->len && !inside; k++)
            {
              const Fragment *f = &g_array_index (fragments, Fragment,
                                                  g_array_index (active, guint, k));

              inside = f->as <= i && f->bs <= j && j < f->be;
            }
          if (inside)
            continue;

          extend_seed (ext, i, j, grams->n_gram, &fragment);
          index = fragments->len;
          g_array_append_val (fragments, fragment);
          g_array_append_val (active, index);
        }
    }

  return TRUE;
}

/* Repeats ---------------------------------------------------------------------------------- */

typedef struct
{
  double scale_a;     /* 1 / words in A */
  double scale_b;
} Places;

/* How far apart a fragment's relative places in A and B are. */
static inline double
place_distance (const Fragment *f,
                const Places   *places)
{
  double distance = f->as * places->scale_a - f->bs * places->scale_b;

  return distance < 0 ? -distance : distance;
}

/* Longest first; among equals (the occurrences of a repeated passage), the pair that stands
 * at the same relative place in both texts first, so that the first occurrence in A goes
 * with the first in B, the second with the second, and so on. */
static gint
compare_by_strength (gconstpointer p1,
                     gconstpointer p2,
                     gpointer      user_data)
{
  const Fragment *f1 = p1, *f2 = p2;
  double place1, place2;

  if (f1->m != f2->m)
    return f1->m > f2->m ? -1 : 1;

  place1 = place_distance (f1, user_data);
  place2 = place_distance (f2, user_data);
  if (place1 != place2)
    return place1 < place2 ? -1 : 1;
  if (f1->as != f2->as)
    return f1->as < f2->as ? -1 : 1;
  return f1->bs < f2->bs ? -1 : f1->bs > f2->bs;
}

/* Whether most words of [@start, @end) lie in kept fragments (@owner: for each word, the size
 * of the largest kept fragment over it), and the largest of those. */
static gboolean
is_taken (const guint32 *owner,
          guint          start,
          guint          end,
          guint         *largest)
{
  guint taken = 0;

  *largest = 0;
  for (guint k = start; k < end; k++)
    if (owner[k] > 0)
      {
        taken++;
        *largest = MAX (*largest, owner[k]);
      }

  return 2 * taken > end - start;
}

static void
take (guint32 *owner,
      guint    start,
      guint    end,
      guint    size)
{
  for (guint k = start; k < end; k++)
    owner[k] = MAX (owner[k], size);
}

/* Seeding finds all m × n pairs of a passage A has m times and B n times. Keep a one-to-one
 * pairing first; then, of the other pairs, those that cover an occurrence no kept pair
 * covers, where they repeat a whole passage rather than a few words of a longer one: a
 * passage A has once and B three times gives three pairs, but a stock phrase that also
 * occurs inside a longer shared passage gives no second pair. */
static void
pair_repeats (const Words *a,
              const Words *b,
              GArray      *fragments)
{
  Places places = { 1.0 / a->n, 1.0 / b->n };
  g_autofree guint32 *owner_a = g_new0 (guint32, a->n);
  g_autofree guint32 *owner_b = g_new0 (guint32, b->n);
  g_autofree guint8 *keep = g_new0 (guint8, MAX (fragments->len, 1));
  Fragment *f;
  guint n = 0;

  g_array_sort_with_data (fragments, compare_by_strength, &places);
  f = (Fragment *)(gpointer)fragments->data;

  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < fragments->len; k++)
      {
        gboolean taken_in_a, taken_in_b;
        guint largest_a, largest_b;

        if (keep[k])
          continue;

        taken_in_a = is_taken (owner_a, f[k].as, f[k].ae, &largest_a);
        taken_in_b = is_taken (owner_b, f[k].bs, f[k].be, &largest_b);
        if (pass == 0 && (taken_in_a || taken_in_b))
          continue;
        if (pass == 1 &&
            ((taken_in_a && taken_in_b) || 2 * f[k].m < MAX (largest_a, largest_b)))
          continue;

        keep[k] = TRUE;
        take (owner_a, f[k].as, f[k].ae, f[k].m);
        take (owner_b, f[k].bs, f[k].be, f[k].m);
      }

  for (guint k = 0; k < fragments->len; k++)
    if (keep[k])
      f[n++] = f[k];
  g_array_set_size (fragments, n);
}

/* Bags of words ---------------------------------------------------------------------------- */

/* The words of a span of A and a span of B as two multisets, and the size of their
 * intersection: how many words can be paired off one to one, equal with equal, whatever
 * their order. Words come and go one at a time, so that a span can grow and shrink back at
 * the cost of the words it gains. */
typedef struct
{
  guint32 form;
  guint32 generation;  /* the entry is free unless this is the bag's */
  guint32 in_a;
  guint32 in_b;
} BagEntry;

typedef struct
{
  BagEntry *entries;
  guint32   mask;
  guint32   used;
  guint32   generation;
  guint     matched;
} Bag;

static void
bag_init (Bag *bag)
{
  bag->mask = 255;
  bag->entries = g_new0 (BagEntry, bag->mask + 1);
  bag->used = 0;
  bag->generation = 1;
  bag->matched = 0;
}

static void
bag_clear (Bag *bag)
{
  g_clear_pointer (&bag->entries, g_free);
}

/* Empties the bag, in constant time. */
static void
bag_reset (Bag *bag)
{
  bag->generation++;
  bag->used = 0;
  bag->matched = 0;
  if (bag->generation == 0)
    {
      memset (bag->entries, 0, (bag->mask + 1) * sizeof (BagEntry));
      bag->generation = 1;
    }
}

static BagEntry *
bag_lookup (Bag     *bag,
            guint32  form)
{
  guint32 index = (form * 0x9E3779B1u) & bag->mask;

  for (;;)
    {
      BagEntry *entry = &bag->entries[index];

      if (entry->generation != bag->generation)
        {
          entry->generation = bag->generation;
          entry->form = form;
          entry->in_a = 0;
          entry->in_b = 0;
          bag->used++;
          return entry;
        }
      if (entry->form == form)
        return entry;
      index = (index + 1) & bag->mask;
    }
}

static void
bag_grow (Bag *bag)
{
  BagEntry *old = bag->entries;
  guint32 old_size = bag->mask + 1;
  guint32 generation = bag->generation;

  bag->mask = 2 * old_size - 1;
  bag->entries = g_new0 (BagEntry, bag->mask + 1);
  bag->used = 0;
  for (guint32 k = 0; k < old_size; k++)
    if (old[k].generation == generation)
      {
        BagEntry *entry = bag_lookup (bag, old[k].form);

        entry->in_a = old[k].in_a;
        entry->in_b = old[k].in_b;
      }
  g_free (old);
}

/* Adds (@sign = 1) or removes (-1) the words [@start, @end) of A (@in_a) or B. */
static void
bag_add (Bag         *bag,
         const Words *words,
         gboolean     in_a,
         guint        start,
         guint        end,
         gint         sign)
{
  for (guint k = start; k < end; k++)
    {
      BagEntry *entry;
      guint32 *mine, *theirs;

      if (2 * (bag->used + 1) > bag->mask)
        bag_grow (bag);

      entry = bag_lookup (bag, words->forms[k]);
      mine = in_a ? &entry->in_a : &entry->in_b;
      theirs = in_a ? &entry->in_b : &entry->in_a;
      if (sign > 0)
        {
          if (*mine < *theirs)
            bag->matched++;
          (*mine)++;
        }
      else
        {
          (*mine)--;
          if (*mine < *theirs)
            bag->matched--;
        }
    }
}

static guint
bag_count (Bag            *bag,
           const Words    *a,
           const Words    *b,
           const Fragment *f)
{
  bag_reset (bag);
  bag_add (bag, a, TRUE, f->as, f->ae, 1);
  bag_add (bag, b, FALSE, f->bs, f->be, 1);
  return bag->matched;
}

/* Neighbours ------------------------------------------------------------------------------- */

static gint
compare_by_place (gconstpointer p1,
                  gconstpointer p2)
{
  const Fragment *f1 = p1, *f2 = p2;

  if (f1->as != f2->as)
    return f1->as < f2->as ? -1 : 1;
  if (f1->bs != f2->bs)
    return f1->bs < f2->bs ? -1 : 1;
  if (f1->ae != f2->ae)
    return f1->ae < f2->ae ? -1 : 1;
  return f1->be < f2->be ? -1 : f1->be > f2->be;
}

/* The words between two spans, negative when they overlap. */
static inline gssize
span_gap (guint start1,
          guint end1,
          guint start2,
          guint end2)
{
  return (gssize)MAX (start1, start2) - (gssize)MIN (end1, end2);
}

typedef struct
{
  const Words *a;
  const Words *b;
  Bag          bag;
  guint        bagged;        /* the fragment the bag holds, or G_MAXUINT */
  gssize       max_bridge;
  guint        min_identity;
} Merger;

/* Whether @f2 belongs to the same passage as @f1 (whose words the bag holds), and if so
 * makes @f1 the whole. */
static gboolean
try_merge (Merger         *merger,
           Fragment       *f1,
           const Fragment *f2)
{
  gssize gap_a = span_gap (f1->as, f1->ae, f2->as, f2->ae);
  gssize gap_b = span_gap (f1->bs, f1->be, f2->bs, f2->be);
  Fragment whole;
  gssize overlap_a, overlap_b;
  guint longer;

  /* At most K words apart, as within a fragment: the bridging limit holds however a
   * passage was put together. */
  if (gap_a > merger->max_bridge || gap_b > merger->max_bridge)
    return FALSE;

  /* Overlapping in one text and apart in the other: more than half of a piece used twice is
   * two occurrences of a repeated passage with one counterpart, not two halves of one
   * passage; a few words (a bridge's worth) are where two extensions ran into each other. */
  overlap_a = MAX (merger->max_bridge, (gssize)MIN (f1->ae - f1->as, f2->ae - f2->as) / 2);
  overlap_b = MAX (merger->max_bridge, (gssize)MIN (f1->be - f1->bs, f2->be - f2->bs) / 2);
  if ((gap_a < -overlap_a && gap_b >= 0) || (gap_b < -overlap_b && gap_a >= 0))
    return FALSE;

  whole.as = f1->as;
  whole.ae = MAX (f1->ae, f2->ae);
  whole.bs = MIN (f1->bs, f2->bs);
  whole.be = MAX (f1->be, f2->be);
  if (words_has_break (merger->a, whole.as, whole.ae) ||
      words_has_break (merger->b, whole.bs, whole.be))
    return FALSE;

  /* In opposite orders in the two texts, both ends later in one and earlier in the other:
   * sentences shuffled within a paragraph are one passage, but paragraphs moved around are
   * each a passage of their own. */
  if (f2->as > f1->as && f2->ae > f1->ae && f2->bs < f1->bs && f2->be < f1->be &&
      (has_position (merger->a->paragraphs, whole.as + 1, whole.ae) ||
       has_position (merger->b->paragraphs, whole.bs + 1, whole.be)))
    return FALSE;

  /* Grow the bag to the whole, and back if the whole falls short. */
  bag_add (&merger->bag, merger->a, TRUE, f1->ae, whole.ae, 1);
  bag_add (&merger->bag, merger->b, FALSE, whole.bs, f1->bs, 1);
  bag_add (&merger->bag, merger->b, FALSE, f1->be, whole.be, 1);

  longer = MAX (whole.ae - whole.as, whole.be - whole.bs);
  if ((guint64)merger->bag.matched * 100 < (guint64)merger->min_identity * longer)
    {
      bag_add (&merger->bag, merger->a, TRUE, f1->ae, whole.ae, -1);
      bag_add (&merger->bag, merger->b, FALSE, whole.bs, f1->bs, -1);
      bag_add (&merger->bag, merger->b, FALSE, f1->be, whole.be, -1);
      return FALSE;
    }

  whole.m = merger->bag.matched;
  *f1 = whole;
  return TRUE;
}

static gboolean
merge_neighbours (Merger       *merger,
                  GArray       *fragments,
                  GCancellable *cancellable)
{
  Fragment *f;
  g_autofree guint8 *dead = g_new0 (guint8, MAX (fragments->len, 1));
  gboolean changed;
  guint n = 0;

  g_array_sort (fragments, compare_by_place);
  f = (Fragment *)(gpointer)fragments->data;

  /* A merge widens a fragment, which may bring it within reach of one it has passed, so sweep
   * until nothing changes: in practice two or three sweeps. */
  do
    {
      changed = FALSE;
      for (guint k = 0; k < fragments->len; k++)
        {
          if (dead[k])
            continue;
          if ((k & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
            return FALSE;

          merger->bagged = G_MAXUINT;
          for (guint l = k + 1;
               l < fragments->len &&
               (gssize)f[l].as - (gssize)f[k].ae <= merger->max_bridge;
               l++)
            {
              if (dead[l])
                continue;

              /* Fill the bag only when there is something to weigh. */
              if (merger->bagged != k)
                {
                  bag_count (&merger->bag, merger->a, merger->b, &f[k]);
                  merger->bagged = k;
                }
              if (try_merge (merger, &f[k], &f[l]))
                {
                  dead[l] = TRUE;
                  changed = TRUE;
                }
            }
        }
    }
  while (changed);

  for (guint k = 0; k < fragments->len; k++)
    if (!dead[k])
      f[n++] = f[k];
  g_array_set_size (fragments, n);

  return TRUE;
}

/* Passages --------------------------------------------------------------------------------- */

/* The share of the words that lie in some span; @spans is sorted by start in A. */
static double
coverage (const Fragment *spans,
          guint           n_spans,
          guint           n_words)
{
  guint covered = 0, reach = 0;

  if (n_words == 0)
    return 0.0;

  for (guint k = 0; k < n_spans; k++)
    {
      guint start = MAX (spans[k].as, reach);

      if (spans[k].ae > start)
        covered += spans[k].ae - start;
      reach = MAX (reach, spans[k].ae);
    }

  return MIN (1.0, (double)covered / n_words);
}

static CcPassages *
passages_new (const Words *a,
              const Words *b,
              CcText      *text_a,
              CcText      *text_b,
              GArray      *fragments,
              guint        min_words,
              guint        min_identity,
              Bag         *bag)
{
  const CcToken *tokens_a, *tokens_b;
  g_autofree Fragment *swapped = NULL;
  Fragment *f = (Fragment *)(gpointer)fragments->data;
  CcPassages *self;
  guint n_tokens, n = 0;

  tokens_a = cc_text_get_tokens (text_a, &n_tokens);
  tokens_b = cc_text_get_tokens (text_b, &n_tokens);

  /* A passage needs min_words matched words if verbatim, and more as its identity falls
   * (matched × identity ≥ min_words): the looser the match, the more words it takes to tell
   * it from the words any two texts have in common. */
  for (guint k = 0; k < fragments->len; k++)
    {
      guint longer = MAX (f[k].ae - f[k].as, f[k].be - f[k].bs);

      f[k].m = bag_count (bag, a, b, &f[k]);
      if ((guint64)f[k].m * f[k].m >= (guint64)min_words * longer &&
          (guint64)f[k].m * 100 >= (guint64)min_identity * longer)
        f[n++] = f[k];
    }
  g_array_set_size (fragments, n);
  g_array_sort (fragments, compare_by_place);
  f = (Fragment *)(gpointer)fragments->data;

  self = g_new0 (CcPassages, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_passages = n;
  self->passages = g_new0 (CcPassage, MAX (n, 1));

  for (guint k = 0; k < n; k++)
    {
      CcPassage *passage = &self->passages[k];

      passage->a.start = tokens_a[a->tokens[f[k].as]].start;
      passage->a.end = tokens_a[a->tokens[f[k].ae - 1]].end;
      passage->b.start = tokens_b[b->tokens[f[k].bs]].start;
      passage->b.end = tokens_b[b->tokens[f[k].be - 1]].end;
      passage->a_words = f[k].ae - f[k].as;
      passage->b_words = f[k].be - f[k].bs;
      passage->matched_words = f[k].m;
      passage->identity = (double)f[k].m / MAX (passage->a_words, passage->b_words);
    }

  self->coverage_a = coverage (f, n, a->n_words);

  /* The same in B: the spans swapped, sorted by their place in B. */
  swapped = g_new (Fragment, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    {
      swapped[k].as = f[k].bs;
      swapped[k].ae = f[k].be;
      swapped[k].bs = f[k].as;
      swapped[k].be = f[k].ae;
      swapped[k].m = f[k].m;
    }
  qsort (swapped, n, sizeof (Fragment), compare_by_place);
  self->coverage_b = coverage (swapped, n, b->n_words);

  return self;
}

/* API -------------------------------------------------------------------------------------- */

/**
 * cc_passages_find:
 * @a: a text
 * @b: another text, made with the same #CcLexicon
 * @options: the comparison settings: min_passage_words, max_bridged_words and min_identity
 * @cancellable: (nullable): a #GCancellable
 *
 * Finds the passages @a and @b share, wherever they stand in each: spans that bridge at most
 * max_bridged_words differing words at a time, with at least min_identity percent of the
 * longer span's words matched, and at least min_passage_words matched words (more where the
 * identity is lower: matched words × identity ≥ min_passage_words). Only reads @a and @b, so
 * comparisons may run at once in several threads, even on the same texts.
 *
 * Returns: (transfer full) (nullable): the passages, or %NULL if @cancellable was cancelled
 */
CcPassages *
cc_passages_find (CcText                 *a,
                  CcText                 *b,
                  const CcCompareOptions *options,
                  GCancellable           *cancellable)
{
  g_autoptr(GArray) fragments = NULL;
  Words words_a = { 0 }, words_b = { 0 };
  Grams grams = { 0 };
  Extender ext = { 0 };
  Merger merger = { 0 };
  CcPassages *self = NULL;
  guint min_words, max_bridge, min_identity, n_gram, pad;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (cc_text_get_lexicon (a) == cc_text_get_lexicon (b), NULL);

  /* Bridges longer than this are a rewrite, not an edit, and would make each step of the
   * extension look at (K + 1)² places. */
  max_bridge = MIN (options->max_bridged_words, 100);
  min_words = MAX (options->min_passage_words, 1);
  min_identity = CLAMP (options->min_identity, 1, 100);
  n_gram = MIN (min_words, SEED_WORDS);
  pad = max_bridge + LOOKAHEAD_WORDS + SEED_WORDS + 1;

  words_init (&words_a, a, SENTINEL_A, pad);
  words_init (&words_b, b, SENTINEL_B, pad);
  grams_init (&grams, &words_a, &words_b, n_gram);
  extender_init (&ext, &words_a, &words_b, max_bridge, min_identity);

  merger.a = &words_a;
  merger.b = &words_b;
  merger.min_identity = min_identity;
  merger.max_bridge = max_bridge;
  bag_init (&merger.bag);

  fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  if (find_fragments (&words_a, &grams, &ext, fragments, cancellable))
    {
      grams_clear (&grams);
      pair_repeats (&words_a, &words_b, fragments);
      if (merge_neighbours (&merger, fragments, cancellable))
        self = passages_new (&words_a, &words_b, a, b, fragments, min_words, min_identity,
                             &merger.bag);
    }

  bag_clear (&merger.bag);
  extender_clear (&ext);
  grams_clear (&grams);
  words_clear (&words_a);
  words_clear (&words_b);

  return self;
}

CcPassages *
cc_passages_ref (CcPassages *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_passages_unref (CcPassages *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->passages);
  g_free (self);
}

/**
 * cc_passages_get:
 * @n_passages: (out): the number of passages
 *
 * Returns: (array length=n_passages): the passages, sorted by their start in A, then in B
 */
const CcPassage *
cc_passages_get (CcPassages *self,
                 guint      *n_passages)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_passages != NULL, NULL);

  *n_passages = self->n_passages;
  return self->passages;
}

/**
 * cc_passages_get_coverage_a:
 *
 * Returns: the share of A's words (outside excluded ranges) that lie in some passage, from 0
 *   to 1
 */
double
cc_passages_get_coverage_a (CcPassages *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->coverage_a;
}

/**
 * cc_passages_get_coverage_b:
 *
 * Returns: the share of B's words (outside excluded ranges) that lie in some passage, from 0
 *   to 1
 */
double
cc_passages_get_coverage_b (CcPassages *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->coverage_b;
}
