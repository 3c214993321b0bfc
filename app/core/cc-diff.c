/* cc-diff.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A word diff of two texts, in four stages:
 *
 * 1. Alignment of the two sequences of matchable tokens (their form ids). Common prefix and
 *    suffix are stripped; large regions are cut at tokens that occur once in each side and lie
 *    in the same order in both (patience diff); smaller ones at the longest common run around
 *    the rarest shared token (histogram diff, as git's); what is left, regions whose shared
 *    tokens are all frequent, goes to Myers' O(ND) search with xdiff's cost cut-off. All of
 *    it works on integer arrays with an explicit stack of regions, and counts its steps: past
 *    a budget proportional to the input, the regions still waiting are reported as changed
 *    whole (a coarse but valid result).
 * 2. Clean-up for readers: pure insertions and deletions slide to sentence and paragraph
 *    edges, and equal runs of at most two stop-words (or punctuation) between two edits are
 *    absorbed, so a reader sees changed phrases rather than confetti.
 * 3. Moves: a deleted run that reappears among the inserted ones (at least min_passage_words
 *    words, found through hashes of token n-grams) becomes a MOVE_FROM/MOVE_TO pair.
 * 4. Character spans: each side's text is cut at the first token of each operation, so the
 *    spans cover the texts exactly, white space and excluded text included.
 *
 * Symmetry: tie-breaking in the alignment is not symmetric, so every comparison is computed
 * with its inputs in a canonical order (fewer matchable tokens first, then by a hash of the
 * forms, then by the forms themselves) and mirrored when the caller's order is the other one.
 *
 * cc_diff_new_for_strings() takes the texts themselves and anchors the same diff on their
 * unchanged lines, so that only the lines that differ are cut into tokens (see "Line-anchored
 * diff" below).
 */

#define G_LOG_DOMAIN "cc-diff"

#include "cc-diff.h"
#include "cc-text-private.h"

#include <stdlib.h>
#include <string.h>

/* Regions at least this large (both sides together) are cut at unique tokens first: one pass
 * over them places thousands of anchors, where histogram diff would need one pass each. */
#define PATIENCE_MIN_TOKENS 2048

/* Tokens more frequent than this in a region are no anchors for histogram diff. */
#define HISTOGRAM_MAX_COUNT 64

/* Myers' search gives up on a minimal script past this cost (or the square root of the
 * region's size, if larger) and cuts at its furthest point, as xdiff does. */
#define MYERS_MIN_MAX_COST 256

/* A step of Myers' search jumps across the region's diagonals, missing the cache each time; it
 * counts as this many steps of the other, sequential, scans. */
#define MYERS_STEP_COST 8

/* The alignment's budget in elementary steps: generous for real texts (a near-identical pair
 * takes about 4 steps a token, a revised or reworded book 9 to 13, two unrelated books 20 to
 * 30), small enough that the worst inputs (random texts over a vocabulary of two words) stop
 * within a second or two. */
#define BUDGET_PER_TOKEN 64
#define BUDGET_BASE      (1 << 22)

/* How far an insertion or deletion may slide in search of a better edge. */
#define MAX_SLIDE 64

/* Candidates examined per n-gram when looking for moved text. */
#define MAX_MOVE_CANDIDATES 32

/* Comparing candidates for moved text, per token of the two texts. Only runs of punctuation
 * too long for their word count could use it up. */
#define MOVE_BUDGET_PER_TOKEN 32

/* Cancellation is checked every so many steps. */
#define CANCEL_CHECK_STEPS (1 << 16)

struct _CcDiff
{
  gatomicrefcount  ref_count;
  CcDiffOp        *ops;
  guint            n_ops;
  gboolean         coarse;
};

/* Alignment -------------------------------------------------------------------------------- */

/* An edit: tokens [a0, a1) of the first sequence against [b0, b1) of the second, at least one
 * of them non-empty. Between two hunks lies an equal run of the same length on both sides. */
typedef struct
{
  guint a0;
  guint a1;
  guint b0;
  guint b1;
} Hunk;

typedef struct
{
  guint    a0;
  guint    a1;
  guint    b0;
  guint    b1;
  gboolean myers_only;
} Region;

typedef struct
{
  const guint32 *a;             /* dense form ids, 0 … n_forms - 1 */
  const guint32 *b;
  guint          n_a;
  guint          n_b;
  guint          n_forms;

  guint8        *changed_a;     /* the result: 1 for tokens outside the alignment */
  guint8        *changed_b;

  /* Per form; all zero between steps, so a step costs its region, not the vocabulary. */
  guint32       *count_a;
  guint32       *count_b;
  guint32       *head_a;        /* histogram chains: first position + 1 */
  guint32       *where_b;       /* patience: a position of the form in b */
  guint32       *next_a;        /* histogram chains: next position + 1, per position of a */

  gint32        *vf;            /* Myers' frontiers, grown on demand */
  gint32        *vb;
  gsize          v_size;

  GArray        *regions;       /* the stack of Region still to align */
  GArray        *anchors;       /* patience scratch: (a, b) pairs */
  GArray        *chain;         /* patience scratch */

  guint64        work;
  guint64        budget;
  guint64        next_check;
  GCancellable  *cancellable;
  gboolean       coarse;
  gboolean       cancelled;
} Aligner;

static void
push_region (Aligner  *self,
             guint     a0,
             guint     a1,
             guint     b0,
             guint     b1,
             gboolean  myers_only)
{
  Region region = { a0, a1, b0, b1, myers_only };

  /* An empty region has nothing to align; between two anchors of patience diff, most are. */
  if (a0 == a1 && b0 == b1)
    return;
  g_array_append_val (self->regions, region);
}

static void
mark_changed (Aligner      *self,
              const Region *r)
{
  if (r->a1 > r->a0)
    memset (self->changed_a + r->a0, 1, r->a1 - r->a0);
  if (r->b1 > r->b0)
    memset (self->changed_b + r->b0, 1, r->b1 - r->b0);
}

/* Cuts the region at the tokens found exactly once on each side, keeping the longest chain of
 * them that runs in the same order in both (patience sorting). */
static gboolean
patience_step (Aligner      *self,
               const Region *r)
{
  const guint32 *a = self->a;
  const guint32 *b = self->b;
  guint32 *pairs;
  guint32 *tails, *before;
  guint n_pairs, length = 0;
  guint prev_a, prev_b, at;

  for (guint i = r->a0; i < r->a1; i++)
    self->count_a[a[i]]++;
  for (guint j = r->b0; j < r->b1; j++)
    {
      self->count_b[b[j]]++;
      self->where_b[b[j]] = j;
    }

  g_array_set_size (self->anchors, 0);
  for (guint i = r->a0; i < r->a1; i++)
    {
      guint32 f = a[i];

      if (self->count_a[f] == 1 && self->count_b[f] == 1)
        {
          guint32 pair[2] = { i, self->where_b[f] };

          g_array_append_vals (self->anchors, pair, 2);
        }
    }

  for (guint i = r->a0; i < r->a1; i++)
    self->count_a[a[i]] = 0;
  for (guint j = r->b0; j < r->b1; j++)
    self->count_b[b[j]] = 0;
  self->work += 3 * (guint64)(r->a1 - r->a0) + 2 * (guint64)(r->b1 - r->b0);

  n_pairs = self->anchors->len / 2;
  if (n_pairs == 0)
    return FALSE;

  /* Longest increasing subsequence of the B positions, in O(n log n). */
  g_array_set_size (self->chain, 2 * n_pairs);
  pairs = (guint32 *)(gpointer)self->anchors->data;
  tails = (guint32 *)(gpointer)self->chain->data;
  before = tails + n_pairs;
  for (guint p = 0; p < n_pairs; p++)
    {
      guint32 key = pairs[2 * p + 1];
      guint low = 0, high = length;

      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (pairs[2 * tails[middle] + 1] < key)
            low = middle + 1;
          else
            high = middle;
        }
      before[p] = low > 0 ? tails[low - 1] : G_MAXUINT32;
      tails[low] = p;
      if (low == length)
        length++;
    }
  self->work += n_pairs * 8;

  /* Walk the chain backwards; the gaps between anchors become regions of their own. */
  prev_a = r->a1;
  prev_b = r->b1;
  for (at = tails[length - 1]; at != G_MAXUINT32; at = before[at])
    {
      guint ai = pairs[2 * at], bj = pairs[2 * at + 1];

      push_region (self, ai + 1, prev_a, bj + 1, prev_b, FALSE);
      prev_a = ai;
      prev_b = bj;
    }
  push_region (self, r->a0, prev_a, r->b0, prev_b, FALSE);

  return TRUE;
}

typedef enum
{
  STEP_SPLIT,
  STEP_DISJOINT,
  STEP_FALLBACK,
} StepResult;

/* Cuts the region around the longest common run that contains its rarest shared token, as
 * git's histogram diff does, except that frequent tokens are passed over rather than sending
 * the whole region to Myers: in prose, "the" is frequent in any region. */
static StepResult
histogram_step (Aligner      *self,
                const Region *r)
{
  const guint32 *a = self->a;
  const guint32 *b = self->b;
  guint32 *count = self->count_a;
  guint32 *head = self->head_a;
  guint32 *next = self->next_a;
  guint best_a0 = 0, best_a1 = 0, best_b0 = 0, best_b1 = 0;
  guint best_count = HISTOGRAM_MAX_COUNT;
  gboolean has_common = FALSE;
  guint64 work = 0;

  for (guint i = r->a1; i-- > r->a0;)
    {
      guint32 f = a[i];

      next[i] = head[f];
      head[f] = i + 1;
      count[f]++;
    }
  work += 2 * (guint64)(r->a1 - r->a0);

  for (guint j = r->b0; j < r->b1;)
    {
      guint32 f = b[j];
      guint j_next = j + 1;

      work++;
      if (count[f] == 0)
        {
          j = j_next;
          continue;
        }
      has_common = TRUE;
      if (count[f] > best_count)
        {
          j = j_next;
          continue;
        }

      for (guint p = head[f]; p != 0;)
        {
          guint as = p - 1, bs = j, ae = p, be = j + 1;
          guint rarity = count[f];

          while (as > r->a0 && bs > r->b0 && a[as - 1] == b[bs - 1])
            {
              as--;
              bs--;
              if (rarity > 1)
                rarity = MIN (rarity, count[a[as]]);
            }
          while (ae < r->a1 && be < r->b1 && a[ae] == b[be])
            {
              if (rarity > 1)
                rarity = MIN (rarity, count[a[ae]]);
              ae++;
              be++;
            }
          work += 1 + (ae - as);

          if (j_next < be)
            j_next = be;
          if (ae - as > best_a1 - best_a0 || rarity < best_count)
            {
              best_a0 = as;
              best_a1 = ae;
              best_b0 = bs;
              best_b1 = be;
              best_count = rarity;
            }

          /* The next occurrence past this run: those inside it would find the same run. */
          for (p = next[p - 1]; p != 0 && p - 1 < ae; p = next[p - 1])
            work++;
        }

      j = j_next;
    }

  for (guint i = r->a0; i < r->a1; i++)
    {
      head[a[i]] = 0;
      count[a[i]] = 0;
    }
  work += r->a1 - r->a0;
  self->work += work;

  if (best_a1 > best_a0)
    {
      push_region (self, best_a1, r->a1, best_b1, r->b1, FALSE);
      push_region (self, r->a0, best_a0, r->b0, best_b0, FALSE);
      return STEP_SPLIT;
    }

  return has_common ? STEP_FALLBACK : STEP_DISJOINT;
}

static guint
integer_sqrt (guint64 n)
{
  guint64 x = n, y = (x + 1) / 2;

  if (n < 2)
    return n;
  while (y < x)
    {
      x = y;
      y = (x + n / x) / 2;
    }
  return x;
}

/* Splits the region on an optimal path: Myers' greedy search runs from both corners until the
 * two frontiers meet, in linear space. Past max_cost it gives up on optimality and cuts at the
 * frontier that got furthest, as xdiff does. The region's first and last tokens differ. */
static void
myers_split (Aligner      *self,
             const Region *r,
             guint        *split_a,
             guint        *split_b)
{
  const guint32 *a = self->a;
  const guint32 *b = self->b;
  gint32 a0 = r->a0, a1 = r->a1, b0 = r->b0, b1 = r->b1;
  gint32 dmin = a0 - b1, dmax = a1 - b0;
  gint32 fmid = a0 - b0, bmid = a1 - b1;
  gboolean odd = ((fmid - bmid) & 1) != 0;
  gint32 fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
  gsize size = (gsize)(dmax - dmin) + 3;
  gint32 max_cost = MAX (MYERS_MIN_MAX_COST,
                         (gint32)integer_sqrt ((guint64)(a1 - a0) + (guint64)(b1 - b0)));
  gint32 *vf, *vb;

  if (size > self->v_size)
    {
      g_free (self->vf);
      g_free (self->vb);
      self->v_size = MAX (size, 2 * self->v_size);
      self->vf = g_new (gint32, self->v_size);
      self->vb = g_new (gint32, self->v_size);
    }

  /* Indexed by diagonal k = x - y, from dmin - 1 to dmax + 1. */
  vf = self->vf - dmin + 1;
  vb = self->vb - dmin + 1;
  vf[fmid] = a0;
  vb[bmid] = a1;

  for (gint32 cost = 1;; cost++)
    {
      /* The frontier widens by a diagonal each way, or narrows where it meets the box's edge;
       * the diagonal just outside holds a value that is never taken. */
      if (fmin > dmin)
        vf[--fmin - 1] = -1;
      else
        fmin++;
      if (fmax < dmax)
        vf[++fmax + 1] = -1;
      else
        fmax--;

      for (gint32 k = fmax; k >= fmin; k -= 2)
        {
          gint32 x, y, start;

          x = vf[k - 1] >= vf[k + 1] ? vf[k - 1] + 1 : vf[k + 1];
          x = MIN (x, a1);
          y = x - k;
          if (y > b1)
            {
              y = b1;
              x = b1 + k;
            }
          start = x;
          while (x < a1 && y < b1 && a[x] == b[y])
            {
              x++;
              y++;
            }
          self->work += MYERS_STEP_COST + (x - start);
          vf[k] = x;
          if (odd && bmin <= k && k <= bmax && vb[k] <= x)
            {
              *split_a = x;
              *split_b = y;
              return;
            }
        }

      if (bmin > dmin)
        vb[--bmin - 1] = G_MAXINT32;
      else
        bmin++;
      if (bmax < dmax)
        vb[++bmax + 1] = G_MAXINT32;
      else
        bmax--;

      for (gint32 k = bmax; k >= bmin; k -= 2)
        {
          gint32 x, y, start;

          x = vb[k - 1] < vb[k + 1] ? vb[k - 1] : vb[k + 1] - 1;
          x = MAX (x, a0);
          y = x - k;
          if (y < b0)
            {
              y = b0;
              x = b0 + k;
            }
          start = x;
          while (x > a0 && y > b0 && a[x - 1] == b[y - 1])
            {
              x--;
              y--;
            }
          self->work += MYERS_STEP_COST + (start - x);
          vb[k] = x;
          if (!odd && fmin <= k && k <= fmax && x <= vf[k])
            {
              *split_a = x;
              *split_b = y;
              return;
            }
        }

      if (cost >= max_cost)
        {
          gint64 fbest = -1, bbest = G_MAXINT64;
          gint32 fbest_x = a0, bbest_x = a1;

          for (gint32 k = fmax; k >= fmin; k -= 2)
            {
              gint32 x = MIN (vf[k], a1), y = x - k;

              if (y > b1)
                {
                  x = b1 + k;
                  y = b1;
                }
              if ((gint64)x + y > fbest)
                {
                  fbest = (gint64)x + y;
                  fbest_x = x;
                }
            }
          for (gint32 k = bmax; k >= bmin; k -= 2)
            {
              gint32 x = MAX (vb[k], a0), y = x - k;

              if (y < b0)
                {
                  x = b0 + k;
                  y = b0;
                }
              if ((gint64)x + y < bbest)
                {
                  bbest = (gint64)x + y;
                  bbest_x = x;
                }
            }

          self->coarse = TRUE;
          if ((gint64)a1 + b1 - bbest < fbest - a0 - b0)
            {
              *split_a = fbest_x;
              *split_b = fbest - fbest_x;
            }
          else
            {
              *split_a = bbest_x;
              *split_b = bbest - bbest_x;
            }
          return;
        }
    }
}

static void
myers_step (Aligner      *self,
            const Region *r)
{
  guint split_a, split_b;

  myers_split (self, r, &split_a, &split_b);

  /* A split at a corner would not shrink the region; it cannot happen on a search that
   * cost something, but a loop here would be worse than a coarse result. */
  if (split_a < r->a0 || split_a > r->a1 || split_b < r->b0 || split_b > r->b1 ||
      (split_a == r->a0 && split_b == r->b0) || (split_a == r->a1 && split_b == r->b1))
    {
      g_warn_if_reached ();
      self->coarse = TRUE;
      mark_changed (self, r);
      return;
    }

  push_region (self, split_a, r->a1, split_b, r->b1, TRUE);
  push_region (self, r->a0, split_a, r->b0, split_b, TRUE);
}

static void
aligner_run (Aligner      *self,
             const Region *seeds,
             guint         n_seeds)
{
  const guint32 *a = self->a;
  const guint32 *b = self->b;

  /* The stack is last in, first out: the first seed goes on top. */
  for (guint s = n_seeds; s-- > 0;)
    push_region (self, seeds[s].a0, seeds[s].a1, seeds[s].b0, seeds[s].b1, FALSE);

  while (self->regions->len > 0)
    {
      Region r = g_array_index (self->regions, Region, self->regions->len - 1);
      guint start_a;

      g_array_set_size (self->regions, self->regions->len - 1);

      start_a = r.a0;
      while (r.a0 < r.a1 && r.b0 < r.b1 && a[r.a0] == b[r.b0])
        {
          r.a0++;
          r.b0++;
        }
      while (r.a0 < r.a1 && r.b0 < r.b1 && a[r.a1 - 1] == b[r.b1 - 1])
        {
          r.a1--;
          r.b1--;
        }
      self->work += 1 + (r.a0 - start_a);

      if (r.a0 == r.a1 || r.b0 == r.b1)
        {
          mark_changed (self, &r);
          continue;
        }

      if (self->work >= self->next_check)
        {
          self->next_check = self->work + CANCEL_CHECK_STEPS;
          if (g_cancellable_is_cancelled (self->cancellable))
            {
              self->cancelled = TRUE;
              return;
            }
        }

      if (self->work > self->budget)
        {
          self->coarse = TRUE;
          mark_changed (self, &r);
          continue;
        }

      if (!r.myers_only)
        {
          StepResult result;

          if ((guint64)(r.a1 - r.a0) + (r.b1 - r.b0) >= PATIENCE_MIN_TOKENS &&
              patience_step (self, &r))
            continue;

          result = histogram_step (self, &r);
          if (result == STEP_SPLIT)
            continue;
          if (result == STEP_DISJOINT)
            {
              mark_changed (self, &r);
              continue;
            }
        }

      myers_step (self, &r);
    }
}

static int
compare_u64 (const void *x,
             const void *y)
{
  guint64 u = *(const guint64 *)x, v = *(const guint64 *)y;

  return u < v ? -1 : u > v;
}

/* Renumbers the forms of both sequences as 0 … n - 1, so per-form tables are small arrays.
 * Lexicon ids are already small integers, usually; other values go through a sort. */
static guint
densify (const guint32 *x,
         guint          n_x,
         const guint32 *y,
         guint          n_y,
         guint32       *dense_x,
         guint32       *dense_y)
{
  guint64 n = (guint64)n_x + n_y;
  guint32 max_form = 0;
  guint n_forms = 0;

  for (guint i = 0; i < n_x; i++)
    max_form = MAX (max_form, x[i]);
  for (guint j = 0; j < n_y; j++)
    max_form = MAX (max_form, y[j]);

  if ((guint64)max_form < 4 * n + 65536)
    {
      guint32 *map = g_new0 (guint32, (gsize)max_form + 1);

      for (guint i = 0; i < n_x; i++)
        {
          if (map[x[i]] == 0)
            map[x[i]] = ++n_forms;
          dense_x[i] = map[x[i]] - 1;
        }
      for (guint j = 0; j < n_y; j++)
        {
          if (map[y[j]] == 0)
            map[y[j]] = ++n_forms;
          dense_y[j] = map[y[j]] - 1;
        }
      g_free (map);
    }
  else
    {
      guint64 *keyed = g_new (guint64, n);
      guint64 previous = G_MAXUINT64;

      /* The form in the high half, the position in the low one. */
      for (guint i = 0; i < n_x; i++)
        keyed[i] = ((guint64)x[i] << 32) | i;
      for (guint j = 0; j < n_y; j++)
        keyed[n_x + j] = ((guint64)y[j] << 32) | (n_x + j);
      qsort (keyed, n, sizeof (guint64), compare_u64);

      for (guint64 p = 0; p < n; p++)
        {
          guint position = keyed[p] & G_MAXUINT32;

          if (keyed[p] >> 32 != previous)
            {
              previous = keyed[p] >> 32;
              n_forms++;
            }
          if (position < n_x)
            dense_x[position] = n_forms - 1;
          else
            dense_y[position - n_x] = n_forms - 1;
        }
      g_free (keyed);
    }

  return n_forms;
}

static void
build_hunks (const guint8 *changed_a,
             guint         n_a,
             const guint8 *changed_b,
             guint         n_b,
             GArray       *hunks)
{
  guint i = 0, j = 0;

  while (i < n_a || j < n_b)
    {
      Hunk hunk;

      if (i < n_a && j < n_b && !changed_a[i] && !changed_b[j])
        {
          i++;
          j++;
          continue;
        }

      hunk.a0 = i;
      hunk.b0 = j;
      while (i < n_a && changed_a[i])
        i++;
      while (j < n_b && changed_b[j])
        j++;
      hunk.a1 = i;
      hunk.b1 = j;

      /* Both sides keep the same number of tokens, so an equal run cannot end on one side
       * only. */
      g_assert (hunk.a1 > hunk.a0 || hunk.b1 > hunk.b0);
      g_array_append_val (hunks, hunk);
    }
}

/* Aligns two sequences of form ids and appends the edits to @hunks. Only the @seeds regions,
 * in order and not overlapping, are aligned: what lies between them is taken as equal, and
 * must be as long on both sides. Returns FALSE if cancelled. */
static gboolean
align (const guint32 *x,
       guint          n_x,
       const guint32 *y,
       guint          n_y,
       const Region  *seeds,
       guint          n_seeds,
       GCancellable  *cancellable,
       GArray        *hunks,
       gboolean      *coarse)
{
  Aligner self = { 0 };
  g_autofree guint32 *dense_x = g_new (guint32, MAX (n_x, 1));
  g_autofree guint32 *dense_y = g_new (guint32, MAX (n_y, 1));
  g_autofree guint32 *per_form = NULL;
  gboolean completed;

  g_assert ((guint64)n_x + n_y < G_MAXINT32 / 2);

  self.n_forms = densify (x, n_x, y, n_y, dense_x, dense_y);
  self.a = dense_x;
  self.b = dense_y;
  self.n_a = n_x;
  self.n_b = n_y;
  self.changed_a = g_new0 (guint8, MAX (n_x, 1));
  self.changed_b = g_new0 (guint8, MAX (n_y, 1));
  per_form = g_new0 (guint32, 4 * (gsize)MAX (self.n_forms, 1));
  self.count_a = per_form;
  self.count_b = per_form + self.n_forms;
  self.head_a = per_form + 2 * self.n_forms;
  self.where_b = per_form + 3 * self.n_forms;
  self.next_a = g_new (guint32, MAX (n_x, 1));
  self.regions = g_array_new (FALSE, FALSE, sizeof (Region));
  self.anchors = g_array_new (FALSE, FALSE, sizeof (guint32));
  self.chain = g_array_new (FALSE, FALSE, sizeof (guint32));
  self.budget = BUDGET_PER_TOKEN * ((guint64)n_x + n_y) + BUDGET_BASE;
  self.next_check = CANCEL_CHECK_STEPS;
  self.cancellable = cancellable;

  aligner_run (&self, seeds, n_seeds);

  completed = !self.cancelled;
  if (completed)
    build_hunks (self.changed_a, n_x, self.changed_b, n_y, hunks);
  *coarse = self.coarse;

  g_free (self.changed_a);
  g_free (self.changed_b);
  g_free (self.next_a);
  g_free (self.vf);
  g_free (self.vb);
  g_array_unref (self.regions);
  g_array_unref (self.anchors);
  g_array_unref (self.chain);

  return completed;
}

/* Whether (x, n_x) comes after (y, n_y) in the canonical order of inputs: by length, then by a
 * hash of the forms, then by the forms. Equal sequences are in order either way. */
static gboolean
canonical_swap (const guint32 *x,
                guint          n_x,
                const guint32 *y,
                guint          n_y)
{
  guint64 hash_x = 14695981039346656037u, hash_y = 14695981039346656037u;

  if (n_x != n_y)
    return n_x > n_y;

  for (guint i = 0; i < n_x; i++)
    {
      hash_x = (hash_x ^ x[i]) * 1099511628211u;
      hash_y = (hash_y ^ y[i]) * 1099511628211u;
    }
  if (hash_x != hash_y)
    return hash_x > hash_y;

  for (guint i = 0; i < n_x; i++)
    if (x[i] != y[i])
      return x[i] > y[i];

  return FALSE;
}

/* Clean-up for readers ----------------------------------------------------------------------- */

/* One text as the diff sees it: its matchable tokens and their forms. */
typedef struct
{
  const CcToken *tokens;
  const guint   *matchable;
  guint          n;
  guint          length;
  guint32       *forms;
  guint32       *words_before;  /* words before the i-th matchable token (before the end of
                                   the text for i = n) */
  CcToken       *own_tokens;    /* the line-anchored path's tokens, placeholders included */
  guint         *own_matchable;
} Side;

static void
side_init (Side   *side,
           CcText *text)
{
  guint n_tokens;

  memset (side, 0, sizeof *side);
  side->tokens = cc_text_get_tokens (text, &n_tokens);
  side->matchable = cc_text_get_matchable (text, &side->n);
  side->length = cc_text_get_length (text);
  side->forms = g_new (guint32, MAX (side->n, 1));
  side->words_before = g_new (guint32, side->n + 1);
  side->words_before[0] = 0;
  for (guint i = 0; i < side->n; i++)
    {
      const CcToken *token = &side->tokens[side->matchable[i]];

      side->forms[i] = token->form;
      side->words_before[i + 1] = side->words_before[i] +
                                  (token->kind == CC_TOKEN_WORD || token->kind == CC_TOKEN_NUMBER);
    }
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->forms, g_free);
  g_clear_pointer (&side->words_before, g_free);
  g_clear_pointer (&side->own_tokens, g_free);
  g_clear_pointer (&side->own_matchable, g_free);
}

static inline const CcToken *
side_token (const Side *side,
            guint       i)
{
  return &side->tokens[side->matchable[i]];
}

static inline gboolean
is_word (const CcToken *token)
{
  return token->kind == CC_TOKEN_WORD || token->kind == CC_TOKEN_NUMBER;
}

static guint
count_words (const Side *side,
             guint       i0,
             guint       i1)
{
  return side->words_before[i1] - side->words_before[i0];
}

static gint
boundary_score (guint flags)
{
  if (flags & CC_TOKEN_PARAGRAPH_START)
    return 3;
  if (flags & CC_TOKEN_SENTENCE_START)
    return 2;
  if (flags & CC_TOKEN_LINE_START)
    return 1;
  return 0;
}

/* How well tokens [start, end) read as one inserted or deleted block: best when they are whole
 * sentences or paragraphs, worse when they begin with punctuation or end on a stop-word
 * ("cat the" rather than "the cat"). */
static gint
edge_score (const Side *side,
            guint       start,
            guint       end)
{
  const CcToken *first = side_token (side, start);
  const CcToken *last = side_token (side, end - 1);
  gint score = boundary_score (first->flags);

  score += end < side->n ? boundary_score (side_token (side, end)->flags) : 3;
  if (first->kind == CC_TOKEN_PUNCTUATION)
    score -= 2;
  if (last->flags & CC_TOKEN_STOPWORD)
    score -= 1;

  return score;
}

/* An insertion or deletion next to equal text can often move: "the cat the" inserted after
 * "the" is also "cat the" after it. Pick the place that reads best. */
static void
slide_hunks (GArray     *hunks,
             const Side *x,
             const Side *y)
{
  for (guint h = 0; h < hunks->len; h++)
    {
      Hunk *hunk = &g_array_index (hunks, Hunk, h);
      gboolean in_a = hunk->b0 == hunk->b1;
      const Side *side = in_a ? x : y;
      const guint32 *forms = side->forms;
      guint start, end, low, high, up = 0, down = 0;
      gint best_score, best_shift = 0;

      if (hunk->a0 < hunk->a1 && hunk->b0 < hunk->b1)
        continue;

      start = in_a ? hunk->a0 : hunk->b0;
      end = in_a ? hunk->a1 : hunk->b1;
      low = h == 0 ? 0 : in_a ? hunk[-1].a1 : hunk[-1].b1;
      high = h + 1 == hunks->len ? side->n : in_a ? hunk[1].a0 : hunk[1].b0;

      while (up < MAX_SLIDE && start - up > low && forms[start - up - 1] == forms[end - up - 1])
        up++;
      while (down < MAX_SLIDE && end + down < high && forms[start + down] == forms[end + down])
        down++;
      if (up == 0 && down == 0)
        continue;

      best_score = edge_score (side, start, end);
      for (gint shift = -(gint)up; shift <= (gint)down; shift++)
        {
          gint score = edge_score (side, start + shift, end + shift);

          if (score > best_score || (score == best_score && ABS (shift) < ABS (best_shift)))
            {
              best_score = score;
              best_shift = shift;
            }
        }

      hunk->a0 += best_shift;
      hunk->a1 += best_shift;
      hunk->b0 += best_shift;
      hunk->b1 += best_shift;
    }
}

/* An equal run between two edits that a reader would not see as text in common: nothing, or
 * up to two stop-words with some punctuation. A paragraph break keeps edits apart. */
static gboolean
is_weak_run (const Side *x,
             const Side *y,
             guint       a0,
             guint       a1,
             guint       b0,
             guint       b1)
{
  guint stopwords = 0;

  if (a0 == a1)
    return TRUE;
  if (a1 - a0 > 4)
    return FALSE;

  for (guint i = a0; i < a1; i++)
    {
      const CcToken *token = side_token (x, i);

      if (is_word (token) && (!(token->flags & CC_TOKEN_STOPWORD) || ++stopwords > 2))
        return FALSE;
    }

  for (guint i = a0; i <= a1 && i < x->n; i++)
    if (side_token (x, i)->flags & CC_TOKEN_PARAGRAPH_START)
      return FALSE;
  for (guint j = b0; j <= b1 && j < y->n; j++)
    if (side_token (y, j)->flags & CC_TOKEN_PARAGRAPH_START)
      return FALSE;

  return TRUE;
}

static void
absorb_weak_runs (GArray     *hunks,
                  const Side *x,
                  const Side *y)
{
  Hunk *all = (Hunk *)(gpointer)hunks->data;
  guint out = 0;

  for (guint h = 0; h < hunks->len; h++)
    {
      if (out > 0 && is_weak_run (x, y, all[out - 1].a1, all[h].a0, all[out - 1].b1, all[h].b0))
        {
          all[out - 1].a1 = all[h].a1;
          all[out - 1].b1 = all[h].b1;
        }
      else
        all[out++] = all[h];
    }

  g_array_set_size (hunks, out);
}

/* Moves ---------------------------------------------------------------------------------- */

typedef struct
{
  guint a0;
  guint b0;
  guint length;
  guint from_step;
  guint to_step;
} Move;

#define GRAM_BASE 0x100000001b3u

static guint64
gram_hash (const guint32 *forms,
           guint          k)
{
  guint64 hash = 0;

  for (guint t = 0; t < k; t++)
    hash = hash * GRAM_BASE + forms[t] + 1;
  return hash;
}

/* Pairs deleted runs with inserted runs of the same forms, at least @min_words words long.
 * The inserted text's n-grams go in a hash table, and each deleted position looks its n-gram
 * up there, so the work is linear in the edited text but for repeated n-grams, whose
 * candidates are capped. Greedy from the start of A, longest match first at each position.
 * Returns FALSE if the search was cut short by its budget (the moves found so far stand). */
static gboolean
find_moves (const GArray *hunks,
            const Side   *x,
            const Side   *y,
            guint         min_words,
            GArray       *moves)
{
  const Hunk *all = (const Hunk *)(gpointer)hunks->data;
  guint k = MAX (min_words, 2);
  guint64 power = 1;
  guint n_grams = 0, n_buckets = 1, g;
  g_autofree guint64 *hashes = NULL;
  g_autofree guint32 *positions = NULL;
  g_autofree guint32 *ends = NULL;
  g_autofree guint32 *next = NULL;
  g_autofree guint32 *buckets = NULL;
  g_autofree guint8 *used = NULL;
  guint64 budget = MOVE_BUDGET_PER_TOKEN * ((guint64)x->n + y->n) + BUDGET_BASE;

  for (guint h = 0; h < hunks->len; h++)
    if (all[h].b1 - all[h].b0 >= k)
      n_grams += all[h].b1 - all[h].b0 - k + 1;
  if (n_grams == 0)
    return TRUE;

  for (guint t = 1; t < k; t++)
    power *= GRAM_BASE;
  while (n_buckets < n_grams)
    n_buckets *= 2;

  hashes = g_new (guint64, n_grams);
  positions = g_new (guint32, n_grams);
  ends = g_new (guint32, n_grams);
  next = g_new (guint32, n_grams);
  buckets = g_new0 (guint32, n_buckets);
  used = g_new0 (guint8, y->n);

  g = 0;
  for (guint h = 0; h < hunks->len; h++)
    {
      guint64 hash;

      if (all[h].b1 - all[h].b0 < k)
        continue;

      hash = gram_hash (y->forms + all[h].b0, k);
      for (guint j = all[h].b0; j + k <= all[h].b1; j++)
        {
          if (j > all[h].b0)
            hash = (hash - (y->forms[j - 1] + 1) * power) * GRAM_BASE + y->forms[j + k - 1] + 1;
          hashes[g] = hash;
          positions[g] = j;
          ends[g] = all[h].b1;
          g++;
        }
    }

  /* Chains in the order of B, so ties go to the earliest inserted run. */
  for (g = n_grams; g-- > 0;)
    {
      guint bucket = hashes[g] & (n_buckets - 1);

      next[g] = buckets[bucket];
      buckets[bucket] = g + 1;
    }

  for (guint h = 0; h < hunks->len; h++)
    {
      guint64 hash = 0;
      guint hashed_at = G_MAXUINT;

      for (guint i = all[h].a0; i + k <= all[h].a1;)
        {
          guint best_length = 0, best_j = 0, candidates = 0;

          if (hashed_at != G_MAXUINT && hashed_at + 1 == i)
            hash = (hash - (x->forms[i - 1] + 1) * power) * GRAM_BASE + x->forms[i + k - 1] + 1;
          else
            hash = gram_hash (x->forms + i, k);
          hashed_at = i;

          for (guint32 c = buckets[hash & (n_buckets - 1)]; c != 0; c = next[c - 1])
            {
              guint j = positions[c - 1], length = 0;

              if (hashes[c - 1] != hash)
                continue;
              if (++candidates > MAX_MOVE_CANDIDATES)
                break;

              while (i + length < all[h].a1 && j + length < ends[c - 1] && !used[j + length] &&
                     x->forms[i + length] == y->forms[j + length] &&
                     is_word (side_token (x, i + length)) == is_word (side_token (y, j + length)))
                length++;

              if (length > best_length)
                {
                  best_length = length;
                  best_j = j;
                }

              budget -= MIN (budget, 1 + length);
              if (budget == 0)
                return FALSE;
            }

          if (best_length >= k)
            {
              if (count_words (x, i, i + best_length) >= min_words)
                {
                  Move move = { i, best_j, best_length, 0, 0 };

                  g_array_append_val (moves, move);
                  memset (used + best_j, 1, best_length);
                  i += best_length;
                  continue;
                }
            }

          i++;
        }
    }

  return TRUE;
}

/* Operations ------------------------------------------------------------------------------- */

/* An operation in token positions, before it becomes characters. */
typedef struct
{
  CcDiffKind kind;
  guint      a0;
  guint      a1;
  guint      b0;
  guint      b1;
  gint       partner;
} Step;

static void
append_step (GArray     *steps,
             CcDiffKind  kind,
             guint       a0,
             guint       a1,
             guint       b0,
             guint       b1)
{
  Step step = { kind, a0, a1, b0, b1, -1 };

  g_array_append_val (steps, step);
}

static int
compare_moves_by_b (gconstpointer x,
                    gconstpointer y,
                    gpointer      user_data)
{
  const Move *moves = user_data;
  guint u = moves[*(const guint *)x].b0, v = moves[*(const guint *)y].b0;

  return u < v ? -1 : u > v;
}

/* Equal runs, and each hunk cut around its moved blocks: the rest of its A side is paired with
 * the rest of its B side, piece by piece, as changes (or deletions and insertions). */
static void
emit_steps (const GArray *hunks,
            GArray       *moves,
            guint         n_a,
            guint         n_b,
            GArray       *steps)
{
  const Hunk *all = (const Hunk *)(gpointer)hunks->data;
  Move *move = (Move *)(gpointer)moves->data;
  g_autofree guint *by_b = g_new (guint, MAX (moves->len, 1));
  guint a = 0, b = 0, next_a = 0, next_b = 0;

  for (guint m = 0; m < moves->len; m++)
    by_b[m] = m;
  g_qsort_with_data (by_b, moves->len, sizeof (guint), compare_moves_by_b, move);

  for (guint h = 0; h < hunks->len; h++)
    {
      guint ia = all[h].a0, ib = all[h].b0;

      if (ia > a)
        append_step (steps, CC_DIFF_EQUAL, a, ia, b, ib);

      for (;;)
        {
          Move *in_a = next_a < moves->len && move[next_a].a0 < all[h].a1 ? &move[next_a] : NULL;
          Move *in_b = next_b < moves->len && move[by_b[next_b]].b0 < all[h].b1
                       ? &move[by_b[next_b]] : NULL;
          guint end_a, end_b;

          if (in_a != NULL && in_a->a0 == ia)
            {
              in_a->from_step = steps->len;
              append_step (steps, CC_DIFF_MOVE_FROM, ia, ia + in_a->length, ib, ib);
              ia += in_a->length;
              next_a++;
              continue;
            }
          if (in_b != NULL && in_b->b0 == ib)
            {
              in_b->to_step = steps->len;
              append_step (steps, CC_DIFF_MOVE_TO, ia, ia, ib, ib + in_b->length);
              ib += in_b->length;
              next_b++;
              continue;
            }

          end_a = in_a != NULL ? in_a->a0 : all[h].a1;
          end_b = in_b != NULL ? in_b->b0 : all[h].b1;
          if (ia < end_a && ib < end_b)
            append_step (steps, CC_DIFF_CHANGE, ia, end_a, ib, end_b);
          else if (ia < end_a)
            append_step (steps, CC_DIFF_DELETE, ia, end_a, ib, ib);
          else if (ib < end_b)
            append_step (steps, CC_DIFF_INSERT, ia, ia, ib, end_b);
          else
            break;
          ia = end_a;
          ib = end_b;
        }

      a = all[h].a1;
      b = all[h].b1;
    }

  if (a < n_a)
    append_step (steps, CC_DIFF_EQUAL, a, n_a, b, n_b);

  for (guint m = 0; m < moves->len; m++)
    {
      Step *from = &g_array_index (steps, Step, move[m].from_step);
      Step *to = &g_array_index (steps, Step, move[m].to_step);

      from->partner = move[m].to_step;
      to->partner = move[m].from_step;
    }
}

/* Where the span of an operation starting at token position @i begins: at the token, except
 * that the text's leading gap belongs to the first operation and its trailing gap to the
 * last, so the spans tile the text. */
static guint
boundary (const Side *side,
          guint       i)
{
  if (i == 0)
    return 0;
  if (i >= side->n)
    return side->length;
  return side_token (side, i)->start;
}


static CcDiffKind
mirror_kind (CcDiffKind kind)
{
  switch (kind)
    {
    case CC_DIFF_DELETE:
      return CC_DIFF_INSERT;
    case CC_DIFF_INSERT:
      return CC_DIFF_DELETE;
    case CC_DIFF_MOVE_FROM:
      return CC_DIFF_MOVE_TO;
    case CC_DIFF_MOVE_TO:
      return CC_DIFF_MOVE_FROM;
    case CC_DIFF_EQUAL:
    case CC_DIFF_CHANGE:
    default:
      return kind;
    }
}

static void
mirror_ops (CcDiffOp *ops,
            guint     n_ops)
{
  for (guint i = 0; i < n_ops; i++)
    {
      CcRange range = ops[i].a;
      guint words = ops[i].a_words;

      ops[i].kind = mirror_kind (ops[i].kind);
      ops[i].a = ops[i].b;
      ops[i].b = range;
      ops[i].a_words = ops[i].b_words;
      ops[i].b_words = words;
    }
}

/* When the first text has nothing to match (no tokens, or only excluded ones): the whole of
 * both texts in one operation, or none for two empty texts. */
static void
diff_without_tokens (CcDiff     *self,
                     const Side *x,
                     const Side *y)
{
  CcDiffOp *op;

  if (x->length == 0 && y->length == 0)
    return;

  op = self->ops = g_new0 (CcDiffOp, 1);
  self->n_ops = 1;
  op->a.end = x->length;
  op->b.end = y->length;
  op->b_words = count_words (y, 0, y->n);
  op->partner = -1;
  if (y->n == 0)
    op->kind = CC_DIFF_EQUAL;
  else if (x->length == 0)
    op->kind = CC_DIFF_INSERT;
  else
    op->kind = CC_DIFF_CHANGE;
}

static CcDiff *
diff_new (void)
{
  CcDiff *self = g_new0 (CcDiff, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

/* The diff of two sides in canonical order, from the alignment of the @seeds regions on: fills
 * @self's operations. Returns FALSE if cancelled. */
static gboolean
diff_sides (CcDiff                 *self,
            const Side             *x,
            const Side             *y,
            const Region           *seeds,
            guint                   n_seeds,
            const CcCompareOptions *options,
            GCancellable           *cancellable)
{
  g_autoptr(GArray) hunks = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GArray) steps = NULL;
  gboolean coarse;

  if (x->n == 0)
    {
      diff_without_tokens (self, x, y);
      return TRUE;
    }
  if (y->n == 0)
    {
      /* Only the line-anchored path, whose order is not by tokens, gets here. */
      diff_without_tokens (self, y, x);
      mirror_ops (self->ops, self->n_ops);
      return TRUE;
    }

  hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));
  moves = g_array_new (FALSE, FALSE, sizeof (Move));
  steps = g_array_new (FALSE, FALSE, sizeof (Step));

  if (!align (x->forms, x->n, y->forms, y->n, seeds, n_seeds, cancellable, hunks, &coarse))
    return FALSE;
  self->coarse |= coarse;

  slide_hunks (hunks, x, y);
  absorb_weak_runs (hunks, x, y);
  if (!find_moves (hunks, x, y, options->min_passage_words, moves))
    self->coarse = TRUE;
  emit_steps (hunks, moves, x->n, y->n, steps);

  self->n_ops = steps->len;
  self->ops = g_new (CcDiffOp, MAX (steps->len, 1));
  for (guint s = 0; s < steps->len; s++)
    {
      const Step *step = &g_array_index (steps, Step, s);
      CcDiffOp *op = &self->ops[s];

      op->kind = step->kind;
      op->a.start = boundary (x, step->a0);
      op->a.end = step->a1 > step->a0 ? boundary (x, step->a1) : op->a.start;
      op->b.start = boundary (y, step->b0);
      op->b.end = step->b1 > step->b0 ? boundary (y, step->b1) : op->b.start;
      op->a_words = count_words (x, step->a0, step->a1);
      op->b_words = count_words (y, step->b0, step->b1);
      op->partner = step->partner;
    }

  return TRUE;
}

/* Line-anchored diff ----------------------------------------------------------------------- */

/* The line-anchored path cuts tokens only where lines differ, as `git diff --word-diff` does:
 *
 * 1. Both texts are cut into lines, each hashed a machine word at a time, and lines with the
 *    same bytes get the same id (lines that touch an excluded range get an id of their own,
 *    so excluded text only ever goes through the tokens). The line ids are aligned with the
 *    same machinery as tokens.
 * 2. Each run of changed lines loses the bytes it shares with the other side at its start
 *    and end (cut where no token spans), and the rest is cut into tokens: the parts that
 *    differ. Between them lie stretches with the same bytes on both sides.
 * 3. An equal stretch is scanned for its words (see cc_text_count_words()) but not cut into
 *    tokens: it stands in the diff as one placeholder token, the same on both sides and
 *    unlike any other, with the character offset and flags of its first matchable token.
 *    Short stretches, which the clean-up might absorb into the edits around them, are cut
 *    into tokens with those edits instead.
 * 4. The token diff then runs as for whole texts, but aligns only the changed parts: the
 *    placeholders are equal by construction, no insertion can slide across one, and moved
 *    blocks are found among all the edits of the texts. Spans and word counts come out
 *    right because an operation's span runs to the next operation's first token, and each
 *    token carries the number of words before it in the whole text.
 *
 * Lines that differ only in case or typography are different lines but come out equal from
 * the token diff: correct, only slower. When most of the texts differ anyway, the whole
 * texts go through the tokens (the best alignment, at about the same cost). */

/* Past this share of the two texts' bytes in changed lines, the whole texts are diffed. */
#define LINE_PATH_MAX_CHANGED_PERCENT 50

/* An equal stretch with at least this many matchable tokens becomes a placeholder: the
 * clean-up absorbs equal runs of at most four (see is_weak_run()), so a run holding such a
 * stretch stays equal whatever surrounds it. */
#define PLACEHOLDER_MIN_TOKENS 5

/* Below this many bytes, the passes over whole texts run in one thread. */
#define PARALLEL_MIN_BYTES (256 * 1024)
#define MAX_THREADS        4

#define LINE_HASH_MULTIPLIER G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
#define BYTES_01             G_GUINT64_CONSTANT (0x0101010101010101)
#define ZERO_WIDTH_JOINER    "\xe2\x80\x8d"

typedef struct
{
  const char    *string;
  gsize          n_bytes;
  const CcRange *excluded;
  guint          n_excluded;
  guint          n_lines;
  guint32       *starts;          /* byte offset of each line, and of the end at n_lines */
  guint32       *offsets;         /* character offset of each line, and the length */
  guint64       *hashes;
  guint32       *ids;
  guint8        *excluded_lines;  /* lines that touch an excluded range */
} Lines;

/* Per byte lane, 1 for a byte that continues a UTF-8 character (10xxxxxx). */
static inline guint64
continuation_lanes (guint64 word)
{
  return ((word & ~(word << 1)) >> 7) & BYTES_01;
}

/* The sum of the eight byte lanes, each at most 255. */
static inline guint
sum_lanes (guint64 lanes)
{
  lanes = (lanes & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF)) +
          ((lanes >> 8) & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF));
  return (lanes * G_GUINT64_CONSTANT (0x0001000100010001)) >> 48;
}

static inline guint64
mix_word (guint64 hash,
          guint64 word)
{
  hash = (hash ^ word) * LINE_HASH_MULTIPLIER;
  return hash ^ (hash >> 29);
}

/* Hashes @n bytes a machine word at a time, in two independent lanes so that the multiplies
 * overlap, and counts their characters on the way. */
static guint64
hash_bytes (const char *p,
            gsize       n,
            guint      *n_chars)
{
  guint64 hash = (n + 1) * LINE_HASH_MULTIPLIER, other = ~hash;
  guint continuation = 0;
  gsize left = n;

  while (left >= 16)
    {
      /* Lanes count to 255 at most: a long line is summed in blocks. */
      gsize blocks = MIN (left / 16, 127);
      guint64 lanes = 0;

      for (gsize b = 0; b < blocks; b++, p += 16)
        {
          guint64 first, second;

          memcpy (&first, p, 8);
          memcpy (&second, p + 8, 8);
          hash = mix_word (hash, first);
          other = mix_word (other, second);
          /* Most words are ASCII, without a byte to count. */
          if ((first | second) & (BYTES_01 << 7))
            lanes += continuation_lanes (first) + continuation_lanes (second);
        }
      left -= blocks * 16;
      continuation += sum_lanes (lanes);
    }

  if (left > 0)
    {
      guint64 first = 0, second = 0;

      memcpy (&first, p, MIN (left, 8));
      if (left > 8)
        memcpy (&second, p + 8, left - 8);
      hash = mix_word (hash, first);
      other = mix_word (other, second);
      continuation += sum_lanes (continuation_lanes (first) + continuation_lanes (second));
    }

  *n_chars = n - continuation;
  return mix_word (hash, other);
}

/* The characters in @n bytes: those that do not continue a character. */
static guint
count_chars (const char *p,
             gsize       n)
{
  guint continuation = 0;
  gsize left = n;

  while (left >= 8)
    {
      gsize words = MIN (left / 8, 255);
      guint64 lanes = 0;

      for (gsize w = 0; w < words; w++, p += 8)
        {
          guint64 word;

          memcpy (&word, p, 8);
          lanes += continuation_lanes (word);
        }
      left -= words * 8;
      continuation += sum_lanes (lanes);
    }
  for (; left > 0; left--, p++)
    continuation += ((guchar)*p & 0xC0) == 0x80;

  return n - continuation;
}

static void
lines_init (Lines         *lines,
            const char    *string,
            gsize          n_bytes,
            const CcRange *excluded,
            guint          n_excluded)
{
  memset (lines, 0, sizeof *lines);
  lines->string = string;
  lines->n_bytes = n_bytes;
  lines->excluded = excluded;
  lines->n_excluded = n_excluded;
}

/* Cuts the text into lines, and hashes them. */
static gpointer
lines_scan (gpointer data)
{
  Lines *lines = data;
  const char *string = lines->string, *p = string, *end = string + lines->n_bytes;
  const CcRange *excluded = lines->excluded;
  gsize n_bytes = lines->n_bytes, capacity = n_bytes / 64 + 16;
  guint n = 0, offset = 0, n_excluded = lines->n_excluded;

  lines->starts = g_new (guint32, capacity + 1);
  lines->offsets = g_new (guint32, capacity + 1);
  lines->hashes = g_new (guint64, capacity);

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end;
      guint n_chars;

      /* A symbol token takes the character after a zero-width joiner, even a line break:
       * such a line runs on into the next, so that no token spans two lines. */
      while (newline != NULL && newline - p >= 3 && (guchar)newline[-1] == 0x8D &&
             memcmp (newline - 3, ZERO_WIDTH_JOINER, 3) == 0)
        newline = memchr (newline + 1, '\n', end - newline - 1);
      line_end = newline != NULL ? newline + 1 : end;

      if (n == capacity)
        {
          capacity *= 2;
          lines->starts = g_renew (guint32, lines->starts, capacity + 1);
          lines->offsets = g_renew (guint32, lines->offsets, capacity + 1);
          lines->hashes = g_renew (guint64, lines->hashes, capacity);
        }
      lines->starts[n] = p - string;
      lines->offsets[n] = offset;
      lines->hashes[n] = hash_bytes (p, line_end - p, &n_chars);
      offset += n_chars;
      n++;
      p = line_end;
    }

  lines->starts[n] = n_bytes;
  lines->offsets[n] = offset;
  lines->n_lines = n;
  lines->ids = g_new (guint32, MAX (n, 1));
  lines->excluded_lines = g_new0 (guint8, MAX (n, 1));

  /* Every line that holds part of an excluded range, or touches one at an edge. */
  for (guint r = 0; r < n_excluded && n > 0; r++)
    {
      guint low = 0, high = n;

      /* The last line that starts at or before the range. */
      while (high - low > 1)
        {
          guint middle = low + (high - low) / 2;

          if (lines->offsets[middle] <= excluded[r].start)
            low = middle;
          else
            high = middle;
        }
      for (guint l = low; l < n && lines->offsets[l] <= excluded[r].end; l++)
        lines->excluded_lines[l] = 1;
    }

  return NULL;
}

static void
lines_clear (Lines *lines)
{
  g_clear_pointer (&lines->starts, g_free);
  g_clear_pointer (&lines->offsets, g_free);
  g_clear_pointer (&lines->hashes, g_free);
  g_clear_pointer (&lines->ids, g_free);
  g_clear_pointer (&lines->excluded_lines, g_free);
}

static inline gsize
line_length (const Lines *lines,
             guint        l)
{
  return lines->starts[l + 1] - lines->starts[l];
}

/* The canonical order of the inputs, as canonical_swap() gives for tokens: by the number of
 * lines, a hash of their hashes, the hashes, then the bytes and the excluded ranges, so only
 * identical inputs tie. */
static gboolean
lines_swap (const Lines *x,
            const Lines *y)
{
  guint64 hash_x = 14695981039346656037u, hash_y = 14695981039346656037u;
  int order;

  if (x->n_lines != y->n_lines)
    return x->n_lines > y->n_lines;

  for (guint l = 0; l < x->n_lines; l++)
    {
      hash_x = (hash_x ^ x->hashes[l]) * 1099511628211u;
      hash_y = (hash_y ^ y->hashes[l]) * 1099511628211u;
    }
  if (hash_x != hash_y)
    return hash_x > hash_y;

  for (guint l = 0; l < x->n_lines; l++)
    if (x->hashes[l] != y->hashes[l])
      return x->hashes[l] > y->hashes[l];

  if (x->n_bytes != y->n_bytes)
    return x->n_bytes > y->n_bytes;
  order = memcmp (x->string, y->string, x->n_bytes);
  if (order != 0)
    return order > 0;

  if (x->n_excluded != y->n_excluded)
    return x->n_excluded > y->n_excluded;
  for (guint r = 0; r < x->n_excluded; r++)
    {
      if (x->excluded[r].start != y->excluded[r].start)
        return x->excluded[r].start > y->excluded[r].start;
      if (x->excluded[r].end != y->excluded[r].end)
        return x->excluded[r].end > y->excluded[r].end;
    }

  return FALSE;
}

/* A slot of the table of line contents: the high half of a line's hash, and the line, as
 * its index + 1 with the top bit set for y's; 0 for an empty slot. Eight bytes, so the table
 * of two long texts' lines stays in the cache. */
typedef struct
{
  guint32 check;
  guint32 line;
} LineSlot;

#define LINE_OF_Y 0x80000000u

/* Gives lines with the same bytes the same id, in order of first appearance in x then y. */
static void
number_lines (Lines *x,
              Lines *y)
{
  gsize size = 64;
  g_autofree LineSlot *slots = NULL;
  guint32 next_id = 1;

  while (size < 2 * ((gsize)x->n_lines + y->n_lines))
    size *= 2;
  slots = g_new0 (LineSlot, size);

  for (guint side = 0; side < 2; side++)
    {
      Lines *lines = side == 0 ? x : y;

      for (guint l = 0; l < lines->n_lines; l++)
        {
          const char *bytes = lines->string + lines->starts[l];
          gsize length = line_length (lines, l);
          guint64 hash = lines->hashes[l];
          guint32 check = hash >> 32;
          gsize at;

          if (lines->excluded_lines[l])
            {
              lines->ids[l] = next_id++;
              continue;
            }

          for (at = hash & (size - 1); ; at = (at + 1) & (size - 1))
            {
              const Lines *other;
              guint other_line;

              if (slots[at].line == 0)
                {
                  slots[at].check = check;
                  slots[at].line = (l + 1) | (side == 0 ? 0 : LINE_OF_Y);
                  lines->ids[l] = next_id++;
                  break;
                }
              if (slots[at].check != check)
                continue;

              other = slots[at].line & LINE_OF_Y ? y : x;
              other_line = (slots[at].line & ~LINE_OF_Y) - 1;
              if (other->hashes[other_line] == hash && line_length (other, other_line) == length &&
                  memcmp (other->string + other->starts[other_line], bytes, length) == 0)
                {
                  lines->ids[l] = other->ids[other_line];
                  break;
                }
            }
        }
    }
}

/* Whether a scan may stop or start at byte @at of @string without cutting a token: at either
 * end, or after ASCII white space that no zero-width joiner precedes (a symbol token would
 * take it in). */
static gboolean
is_cut (const char *string,
        gsize       n_bytes,
        gsize       at)
{
  guchar before;

  if (at == 0 || at == n_bytes)
    return TRUE;

  before = string[at - 1];
  if (!(before == ' ' || before == '\n' || before == '\t' || before == '\r' || before == '\f' ||
        before == '\v'))
    return FALSE;

  return at < 4 || memcmp (string + at - 4, ZERO_WIDTH_JOINER, 3) != 0;
}

/* A stretch of the two texts: the same bytes on both sides, or bytes that differ. An equal
 * stretch's bytes have the same words on both sides, so x's are counted; y is only scanned
 * for the flags of its first token, which depend on what precedes. */
typedef struct
{
  gboolean    equal;
  CcTextRange x;
  CcTextRange y;
  CcTextCount count_x;
  CcTextCount count_y;
} Piece;

static void
add_piece (GArray   *pieces,
           gboolean  equal,
           gsize     x_start,
           gsize     x_end,
           guint     x_offset,
           gsize     y_start,
           gsize     y_end,
           guint     y_offset)
{
  Piece piece = { equal, { x_start, x_end, x_offset }, { y_start, y_end, y_offset } };

  if (x_start == x_end && y_start == y_end)
    return;

  if (pieces->len > 0)
    {
      Piece *last = &g_array_index (pieces, Piece, pieces->len - 1);

      if (last->equal == equal)
        {
          last->x.byte_end = x_end;
          last->y.byte_end = y_end;
          return;
        }
    }

  g_array_append_val (pieces, piece);
}

/* How many of the @n bytes at @x and @y agree, from the start. */
static gsize
common_prefix (const char *x,
               const char *y,
               gsize       n)
{
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      guint64 u, v;

      memcpy (&u, x + i, 8);
      memcpy (&v, y + i, 8);
      if (u != v)
        return i + __builtin_ctzll (GUINT64_FROM_LE (u ^ v)) / 8;
    }
  while (i < n && x[i] == y[i])
    i++;

  return i;
}

/* How many of the @n bytes before @x_end and @y_end agree, from the end. */
static gsize
common_suffix (const char *x_end,
               const char *y_end,
               gsize       n)
{
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      guint64 u, v;

      memcpy (&u, x_end - i - 8, 8);
      memcpy (&v, y_end - i - 8, 8);
      if (u != v)
        return i + __builtin_clzll (GUINT64_FROM_LE (u ^ v)) / 8;
    }
  while (i < n && x_end[-(gssize)i - 1] == y_end[-(gssize)i - 1])
    i++;

  return i;
}

/* The bytes that [x_start, x_end) of x and [y_start, y_end) of y share at their start and at
 * their end, each cut where no token spans. */
static void
trim_common (const Lines *x,
             gsize        x_start,
             gsize        x_end,
             const Lines *y,
             gsize        y_start,
             gsize        y_end,
             gsize       *prefix_out,
             gsize       *suffix_out)
{
  gsize shortest = MIN (x_end - x_start, y_end - y_start);
  gsize prefix, suffix;

  prefix = common_prefix (x->string + x_start, y->string + y_start, shortest);
  /* Both sides have the same bytes before the cut, and a line break before their start. */
  while (prefix > 0 && !is_cut (x->string, x->n_bytes, x_start + prefix))
    prefix--;

  suffix = common_suffix (x->string + x_end, y->string + y_end, shortest - prefix);
  while (suffix > 0 && (!is_cut (x->string, x->n_bytes, x_end - suffix) ||
                        !is_cut (y->string, y->n_bytes, y_end - suffix)))
    suffix--;

  *prefix_out = prefix;
  *suffix_out = suffix;
}

/* Adds x's [x_start, x_end) against y's [y_start, y_end), at character offsets @x_offset and
 * @y_offset, as the equal bytes at their edges and the differing rest. */
static void
add_trimmed (GArray      *pieces,
             const Lines *x,
             gsize        x_start,
             gsize        x_end,
             guint        x_offset,
             const Lines *y,
             gsize        y_start,
             gsize        y_end,
             guint        y_offset,
             gsize        prefix,
             gsize        suffix)
{
  guint prefix_chars = count_chars (x->string + x_start, prefix);
  guint middle_x = count_chars (x->string + x_start + prefix, x_end - x_start - prefix - suffix);
  guint middle_y = count_chars (y->string + y_start + prefix, y_end - y_start - prefix - suffix);

  add_piece (pieces, TRUE, x_start, x_start + prefix, x_offset,
             y_start, y_start + prefix, y_offset);
  add_piece (pieces, FALSE, x_start + prefix, x_end - suffix, x_offset + prefix_chars,
             y_start + prefix, y_end - suffix, y_offset + prefix_chars);
  add_piece (pieces, TRUE, x_end - suffix, x_end, x_offset + prefix_chars + middle_x,
             y_end - suffix, y_end, y_offset + prefix_chars + middle_y);
}

/* Whether the lines of a run of changed lines, as many on both sides, pair up one to one: each
 * with its counterpart shares at least half of its bytes at its edges, so each pair can be
 * diffed on its own, as a reader would compare them. */
static gboolean
lines_pair_up (const Lines *x,
               const Lines *y,
               const Hunk  *hunk,
               GArray      *trims)
{
  g_array_set_size (trims, 0);
  if (hunk->a1 - hunk->a0 != hunk->b1 - hunk->b0 || hunk->a1 - hunk->a0 < 2)
    return FALSE;

  for (guint i = 0; i < hunk->a1 - hunk->a0; i++)
    {
      guint lx = hunk->a0 + i, ly = hunk->b0 + i;
      gsize trim[2];

      trim_common (x, x->starts[lx], x->starts[lx + 1], y, y->starts[ly], y->starts[ly + 1],
                   &trim[0], &trim[1]);
      if (2 * (trim[0] + trim[1]) < MAX (line_length (x, lx), line_length (y, ly)))
        return FALSE;
      g_array_append_vals (trims, trim, 2);
    }

  return TRUE;
}

/* Cuts the texts into equal and differing pieces along the line alignment: each run of changed
 * lines (or each pair of its lines, when they pair up) without the bytes it shares with the
 * other side at its edges. */
static void
cut_pieces (const Lines  *x,
            const Lines  *y,
            const GArray *line_hunks,
            GArray       *pieces)
{
  g_autoptr(GArray) trims = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint i = 0, j = 0;

  for (guint h = 0; h <= line_hunks->len; h++)
    {
      const Hunk *hunk = h < line_hunks->len ? &g_array_index (line_hunks, Hunk, h) : NULL;
      guint a0 = hunk != NULL ? hunk->a0 : x->n_lines;
      guint b0 = hunk != NULL ? hunk->b0 : y->n_lines;
      gsize x_start, x_end, y_start, y_end, prefix = 0, suffix = 0;
      gboolean excluded = FALSE;

      add_piece (pieces, TRUE, x->starts[i], x->starts[a0], x->offsets[i],
                 y->starts[j], y->starts[b0], y->offsets[j]);
      if (hunk == NULL)
        break;

      x_start = x->starts[hunk->a0];
      x_end = x->starts[hunk->a1];
      y_start = y->starts[hunk->b0];
      y_end = y->starts[hunk->b1];

      for (guint l = hunk->a0; l < hunk->a1 && !excluded; l++)
        excluded = x->excluded_lines[l];
      for (guint l = hunk->b0; l < hunk->b1 && !excluded; l++)
        excluded = y->excluded_lines[l];

      /* Excluded text differs between the sides even where the bytes agree: it stays with
       * the changed part, where the tokens know it. */
      if (!excluded && lines_pair_up (x, y, hunk, trims))
        {
          for (guint l = 0; l < hunk->a1 - hunk->a0; l++)
            {
              guint lx = hunk->a0 + l, ly = hunk->b0 + l;

              add_trimmed (pieces, x, x->starts[lx], x->starts[lx + 1], x->offsets[lx],
                           y, y->starts[ly], y->starts[ly + 1], y->offsets[ly],
                           g_array_index (trims, gsize, 2 * l),
                           g_array_index (trims, gsize, 2 * l + 1));
            }
        }
      else
        {
          if (!excluded && x_end > x_start && y_end > y_start)
            trim_common (x, x_start, x_end, y, y_start, y_end, &prefix, &suffix);
          add_trimmed (pieces, x, x_start, x_end, x->offsets[hunk->a0],
                       y, y_start, y_end, y->offsets[hunk->b0], prefix, suffix);
        }

      i = hunk->a1;
      j = hunk->b1;
    }
}

/* What the token diff sees of a piece, or of several merged: a changed part, aligned token by
 * token, or an equal stretch, which stands as one placeholder. */
typedef struct
{
  gboolean    placeholder;
  CcTextRange x;
  CcTextRange y;
  guint       words;        /* placeholders only: words of the stretch */
  guint       x_first;      /* character offsets of the first matchable token */
  guint       y_first;
  guint       x_flags;      /* its flags on each side */
  guint       y_flags;
} Part;


typedef struct
{
  const Lines            *x;
  const Lines            *y;
  Piece                  *pieces;
  guint                   from;
  guint                   to;
  const CcCompareOptions *options;
} CountJob;

static gpointer
count_pieces (gpointer data)
{
  CountJob *job = data;

  for (guint p = job->from; p < job->to; p++)
    {
      Piece *piece = &job->pieces[p];

      if (!piece->equal)
        continue;

      cc_text_count_range (job->x->string, &piece->x, NULL, 0, job->options, FALSE,
                           &piece->count_x);
      if (piece->count_x.matchable >= PLACEHOLDER_MIN_TOKENS)
        cc_text_count_range (job->y->string, &piece->y, NULL, 0, job->options, TRUE,
                             &piece->count_y);
    }

  return NULL;
}

/* Counts the words of the equal pieces. Scanning them is most of the line-anchored path's
 * work on texts that share most of their lines, and each piece is scanned on its own (from
 * just before it, for the flags), so the pieces are shared out between threads, by bytes. */
static void
count_equal_pieces (const Lines            *x,
                    const Lines            *y,
                    GArray                 *pieces,
                    const CcCompareOptions *options)
{
  Piece *all = (Piece *)(gpointer)pieces->data;
  CountJob jobs[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };
  guint n_jobs = CLAMP (g_get_num_processors (), 1, MAX_THREADS);
  guint64 bytes = 0, share, done = 0;
  guint from = 0;

  for (guint p = 0; p < pieces->len; p++)
    if (all[p].equal)
      bytes += all[p].x.byte_end - all[p].x.byte_start;
  if (bytes < PARALLEL_MIN_BYTES)
    n_jobs = 1;
  share = bytes / n_jobs + 1;

  for (guint j = 0; j < n_jobs; j++)
    {
      guint to = from;

      if (j + 1 == n_jobs)
        to = pieces->len;
      else
        while (to < pieces->len && done < share * (j + 1))
          {
            if (all[to].equal)
              done += all[to].x.byte_end - all[to].x.byte_start;
            to++;
          }

      jobs[j] = (CountJob) { x, y, all, from, to, options };
      from = to;
    }

  /* The calling thread takes the first share; a helper that cannot start leaves its share
   * to the calling thread too. */
  for (guint j = 1; j < n_jobs; j++)
    threads[j] = g_thread_try_new ("cc-diff-count", count_pieces, &jobs[j], NULL);
  count_pieces (&jobs[0]);
  for (guint j = 1; j < n_jobs; j++)
    {
      if (threads[j] != NULL)
        g_thread_join (threads[j]);
      else
        count_pieces (&jobs[j]);
    }
}

/* Equal pieces with enough tokens become placeholders; the rest, with the changed pieces
 * around them, changed parts. */
static void
make_parts (const GArray *pieces,
            GArray       *parts)
{
  for (guint p = 0; p < pieces->len; p++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, p);

      if (piece->equal && piece->count_x.matchable >= PLACEHOLDER_MIN_TOKENS)
        {
          Part part = { TRUE, piece->x, piece->y, piece->count_x.words };

          part.x_first = piece->count_x.first_start;
          part.y_first = piece->count_y.first_start;
          part.x_flags = piece->count_x.first_flags;
          part.y_flags = piece->count_y.first_flags;
          g_array_append_val (parts, part);
          continue;
        }

      if (parts->len > 0 && !g_array_index (parts, Part, parts->len - 1).placeholder)
        {
          Part *last = &g_array_index (parts, Part, parts->len - 1);

          last->x.byte_end = piece->x.byte_end;
          last->y.byte_end = piece->y.byte_end;
        }
      else
        {
          Part part = { FALSE, piece->x, piece->y };

          g_array_append_val (parts, part);
        }
    }
}

/* One side of the line-anchored diff: the matchable tokens of the changed parts and a
 * placeholder for each equal stretch, each with the words before it in the whole text; and
 * the changed parts' token ranges in @seeds. */
static void
side_init_parts (Side         *side,
                 CcText       *text,
                 const Lines  *lines,
                 const GArray *parts,
                 gboolean      second,
                 guint32       placeholder_forms,
                 Region       *seeds)
{
  const CcToken *tokens;
  guint n_tokens, t = 0, n = 0, words = 0, seed = 0;
  gsize capacity;

  memset (side, 0, sizeof *side);
  tokens = cc_text_get_tokens (text, &n_tokens);
  capacity = (gsize)n_tokens + parts->len + 1;
  side->own_tokens = g_new (CcToken, capacity);
  side->own_matchable = g_new (guint, capacity);
  side->forms = g_new (guint32, capacity);
  side->words_before = g_new (guint32, capacity + 1);

  for (guint p = 0; p < parts->len; p++)
    {
      const Part *part = &g_array_index (parts, Part, p);
      const CcTextRange *range = second ? &part->y : &part->x;
      guint first = n;

      if (part->placeholder)
        {
          CcToken *token = &side->own_tokens[n];

          token->start = token->end = second ? part->y_first : part->x_first;
          token->byte_start = token->byte_end = range->byte_start;
          token->form = placeholder_forms + p;
          /* A content word: no clean-up absorbs an equal run that holds it. */
          token->kind = CC_TOKEN_WORD;
          token->flags = (second ? part->y_flags : part->x_flags) & ~CC_TOKEN_STOPWORD;
          side->forms[n] = token->form;
          side->words_before[n] = words;
          n++;
          words += part->words;
          continue;
        }

      for (; t < n_tokens && tokens[t].byte_start < range->byte_end; t++)
        {
          const CcToken *token = &tokens[t];

          if (!(token->flags & CC_TOKEN_IGNORED))
            {
              side->own_tokens[n] = *token;
              side->forms[n] = token->form;
              side->words_before[n] = words;
              n++;
            }
          if (!(token->flags & CC_TOKEN_EXCLUDED) && is_word (token))
            words++;
        }

      if (second)
        {
          seeds[seed].b0 = first;
          seeds[seed].b1 = n;
        }
      else
        {
          seeds[seed].a0 = first;
          seeds[seed].a1 = n;
          seeds[seed].myers_only = FALSE;
        }
      seed++;
    }

  for (guint i = 0; i < n; i++)
    side->own_matchable[i] = i;
  side->words_before[n] = words;
  side->tokens = side->own_tokens;
  side->matchable = side->own_matchable;
  side->n = n;
  side->length = lines->offsets[lines->n_lines];
}

/* The changed parts of one side, to cut into tokens. */
static GArray *
changed_ranges (const GArray *parts,
                gboolean      second)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (CcTextRange));

  for (guint p = 0; p < parts->len; p++)
    {
      const Part *part = &g_array_index (parts, Part, p);
      const CcTextRange *range = second ? &part->y : &part->x;

      if (!part->placeholder && range->byte_end > range->byte_start)
        g_array_append_val (ranges, *range);
    }

  return ranges;
}

/* The whole texts through the tokens, for texts that differ too much for lines to help. */
static CcDiff *
diff_whole (const Lines            *x,
            const Lines            *y,
            const CcCompareOptions *options,
            GCancellable           *cancellable)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) text_x = NULL;
  g_autoptr(CcText) text_y = NULL;
  CcTextRange all_x = { 0, x->n_bytes, 0 };
  CcTextRange all_y = { 0, y->n_bytes, 0 };

  /* x first, so the forms' ids, like everything else, do not depend on the callers' order. */
  text_x = cc_text_new_for_ranges (x->string, x->n_bytes, x->offsets[x->n_lines], &all_x, 1,
                                   x->excluded, x->n_excluded, options, lexicon);
  text_y = cc_text_new_for_ranges (y->string, y->n_bytes, y->offsets[y->n_lines], &all_y, 1,
                                   y->excluded, y->n_excluded, options, lexicon);

  return cc_diff_new (text_x, text_y, options, cancellable);
}

/* The diff of two texts in canonical order. Returns %NULL if cancelled. */
static CcDiff *
diff_lines (Lines                  *x,
            Lines                  *y,
            const CcCompareOptions *options,
            GCancellable           *cancellable)
{
  g_autoptr(GArray) line_hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  g_autoptr(GArray) ranges_x = NULL;
  g_autoptr(GArray) ranges_y = NULL;
  g_autoptr(CcLexicon) lexicon = NULL;
  g_autoptr(CcText) text_x = NULL;
  g_autoptr(CcText) text_y = NULL;
  g_autofree Region *seeds = NULL;
  guint64 changed = 0;
  guint n_seeds = 0;
  Side side_x, side_y;
  gboolean coarse;
  CcDiff *self;

  number_lines (x, y);
  if (!align (x->ids, x->n_lines, y->ids, y->n_lines,
              &(Region) { 0, x->n_lines, 0, y->n_lines, FALSE }, 1, cancellable, line_hunks,
              &coarse))
    return NULL;

  cut_pieces (x, y, line_hunks, pieces);
  for (guint p = 0; p < pieces->len; p++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, p);

      if (!piece->equal)
        changed += (piece->x.byte_end - piece->x.byte_start) +
                   (piece->y.byte_end - piece->y.byte_start);
    }
  if (changed * 100 > LINE_PATH_MAX_CHANGED_PERCENT * ((guint64)x->n_bytes + y->n_bytes))
    return diff_whole (x, y, options, cancellable);

  count_equal_pieces (x, y, pieces, options);
  make_parts (pieces, parts);
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  /* x first, so the forms' ids do not depend on the callers' order. */
  lexicon = cc_lexicon_new ();
  ranges_x = changed_ranges (parts, FALSE);
  ranges_y = changed_ranges (parts, TRUE);
  text_x = cc_text_new_for_ranges (x->string, x->n_bytes, x->offsets[x->n_lines],
                                   (const CcTextRange *)(gpointer)ranges_x->data, ranges_x->len,
                                   x->excluded, x->n_excluded, options, lexicon);
  text_y = cc_text_new_for_ranges (y->string, y->n_bytes, y->offsets[y->n_lines],
                                   (const CcTextRange *)(gpointer)ranges_y->data, ranges_y->len,
                                   y->excluded, y->n_excluded, options, lexicon);

  for (guint p = 0; p < parts->len; p++)
    n_seeds += !g_array_index (parts, Part, p).placeholder;
  seeds = g_new (Region, MAX (n_seeds, 1));
  side_init_parts (&side_x, text_x, x, parts, FALSE, cc_lexicon_get_size (lexicon) + 1, seeds);
  side_init_parts (&side_y, text_y, y, parts, TRUE, cc_lexicon_get_size (lexicon) + 1, seeds);

  self = diff_new ();
  self->coarse = coarse;
  if (!diff_sides (self, &side_x, &side_y, seeds, n_seeds, options, cancellable))
    g_clear_pointer (&self, cc_diff_unref);

  side_clear (&side_x);
  side_clear (&side_y);
  return self;
}

/* Public API ------------------------------------------------------------------------------- */

/**
 * cc_diff_new:
 * @a: the first text
 * @b: the second text, sharing @a's lexicon
 * @options: (nullable): the comparison settings (min_passage_words is the shortest moved
 *   block), or %NULL for the defaults
 * @cancellable: (nullable): stops the work early
 *
 * Computes a word diff of @a and @b: equal, deleted, inserted and changed runs of words, and
 * moved blocks. The operations tile both texts (see #CcDiffOp): on each side, an operation's
 * span runs from its first token to the next operation's first token, so white space after a
 * word, and any excluded text or ignored punctuation between tokens, belongs to the operation
 * before it; the text's leading white space belongs to the first operation with tokens on
 * that side (operations before it have an empty span at 0). Excluded text takes no part in
 * matching.
 *
 * For readers, equal runs of at most two stop-words, or of punctuation, between two edits are
 * absorbed into one change (except across a paragraph break), and insertions and deletions
 * that could stand in several places stand at sentence or paragraph edges. A moved block is a
 * run of at least @options->min_passage_words words (and at least two) deleted in one place
 * and inserted in another, reported as a %CC_DIFF_MOVE_FROM and a %CC_DIFF_MOVE_TO that name
 * each other as partner.
 *
 * Two empty texts give no operations. When one text has nothing to match (white space or
 * excluded text only) the result is a single operation: %CC_DIFF_EQUAL if the other has
 * nothing either, else %CC_DIFF_INSERT (or %CC_DIFF_DELETE) for an empty text and
 * %CC_DIFF_CHANGE otherwise.
 *
 * Swapping @a and @b mirrors the result exactly. Work is bounded (about linear in the texts,
 * with a cap): when a bound cuts the search short, the result is valid but coarser, and
 * cc_diff_is_coarse() says so. Safe to call from several threads at once.
 *
 * Returns: (transfer full) (nullable): the diff, or %NULL if @cancellable was cancelled
 */
CcDiff *
cc_diff_new (CcText                 *a,
             CcText                 *b,
             const CcCompareOptions *options,
             GCancellable           *cancellable)
{
  CcCompareOptions defaults;
  Side side_a, side_b;
  const Side *x, *y;
  gboolean swapped;
  CcDiff *self;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);
  g_return_val_if_fail (cc_text_get_lexicon (a) == cc_text_get_lexicon (b), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (options == NULL)
    {
      cc_compare_options_init_default (&defaults);
      options = &defaults;
    }

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  side_init (&side_a, a);
  side_init (&side_b, b);
  swapped = canonical_swap (side_a.forms, side_a.n, side_b.forms, side_b.n);
  x = swapped ? &side_b : &side_a;
  y = swapped ? &side_a : &side_b;

  self = diff_new ();
  if (!diff_sides (self, x, y, &(Region) { 0, x->n, 0, y->n, FALSE }, 1, options, cancellable))
    {
      side_clear (&side_a);
      side_clear (&side_b);
      cc_diff_unref (self);
      return NULL;
    }

  if (swapped)
    mirror_ops (self->ops, self->n_ops);

  side_clear (&side_a);
  side_clear (&side_b);
  return self;
}

/**
 * cc_diff_new_for_strings:
 * @a: the first text, UTF-8
 * @a_length: its length in bytes, or -1 if it is nul-terminated
 * @a_excluded: (array length=n_a_excluded) (nullable): ranges of @a left out of matching,
 *   sorted by start, in characters
 * @b: the second text
 * @b_length: its length in bytes, or -1
 * @b_excluded: (array length=n_b_excluded) (nullable): ranges of @b left out of matching
 * @options: (nullable): the comparison settings, or %NULL for the defaults
 * @cancellable: (nullable): stops the work early
 *
 * Computes the word diff of two texts as cc_diff_new() does of their tokens, with the same
 * contract: operations that tile both texts, word counts as cc_text_new() counts them, moved
 * blocks paired, the result mirrored exactly when the texts are swapped.
 *
 * It is much faster on long texts that share most of their lines: lines with the same bytes
 * on both sides are taken as equal and never cut into tokens, and only the changed lines go
 * through the word diff, as in `git diff --word-diff`. The alignment may then differ a little
 * from cc_diff_new()'s, which can match words across unchanged lines. Texts that differ in
 * most of their lines are diffed whole. Long texts are scanned in helper threads as well as
 * the calling one. Safe to call from several threads at once.
 *
 * Returns: (transfer full) (nullable): the diff, or %NULL if @cancellable was cancelled
 */
CcDiff *
cc_diff_new_for_strings (const char             *a,
                         gssize                  a_length,
                         const CcRange          *a_excluded,
                         guint                   n_a_excluded,
                         const char             *b,
                         gssize                  b_length,
                         const CcRange          *b_excluded,
                         guint                   n_b_excluded,
                         const CcCompareOptions *options,
                         GCancellable           *cancellable)
{
  CcCompareOptions defaults;
  Lines lines_a, lines_b;
  GThread *helper = NULL;
  gboolean swapped;
  CcDiff *self;

  g_return_val_if_fail (a != NULL || a_length == 0, NULL);
  g_return_val_if_fail (b != NULL || b_length == 0, NULL);
  g_return_val_if_fail (a_excluded != NULL || n_a_excluded == 0, NULL);
  g_return_val_if_fail (b_excluded != NULL || n_b_excluded == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (a_length < 0)
    a_length = strlen (a);
  if (b_length < 0)
    b_length = strlen (b);
  g_return_val_if_fail ((guint64)a_length < G_MAXUINT32 && (guint64)b_length < G_MAXUINT32,
                        NULL);

  if (options == NULL)
    {
      cc_compare_options_init_default (&defaults);
      options = &defaults;
    }

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  lines_init (&lines_a, a != NULL ? a : "", a_length, a_excluded, n_a_excluded);
  lines_init (&lines_b, b != NULL ? b : "", b_length, b_excluded, n_b_excluded);

  /* Cutting a text into lines is a pass over all of it: long texts are cut at once. */
  if ((gsize)a_length + b_length >= PARALLEL_MIN_BYTES && g_get_num_processors () > 1)
    helper = g_thread_try_new ("cc-diff-lines", lines_scan, &lines_b, NULL);
  lines_scan (&lines_a);
  if (helper != NULL)
    g_thread_join (helper);
  else
    lines_scan (&lines_b);

  swapped = lines_swap (&lines_a, &lines_b);

  self = swapped ? diff_lines (&lines_b, &lines_a, options, cancellable)
                 : diff_lines (&lines_a, &lines_b, options, cancellable);
  if (self != NULL && swapped)
    mirror_ops (self->ops, self->n_ops);

  lines_clear (&lines_a);
  lines_clear (&lines_b);
  return self;
}

CcDiff *
cc_diff_ref (CcDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_diff_unref (CcDiff *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->ops);
  g_free (self);
}

/**
 * cc_diff_get_ops:
 * @n_ops: (out): the number of operations
 *
 * Returns: (array length=n_ops) (transfer none): the operations, in text order
 */
const CcDiffOp *
cc_diff_get_ops (CcDiff *self,
                 guint  *n_ops)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_ops != NULL, NULL);

  *n_ops = self->n_ops;
  return self->ops;
}

/**
 * cc_diff_is_coarse:
 *
 * Returns: whether a bound on the work cut the alignment short, so that some changed runs
 *   are longer than a full search would have found
 */
gboolean
cc_diff_is_coarse (CcDiff *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->coarse;
}

/**
 * cc_diff_kind_to_string:
 *
 * Returns: the kind's name in the JSON output: "equal", "delete", "insert", "change",
 *   "move-from" or "move-to"
 */
const char *
cc_diff_kind_to_string (CcDiffKind kind)
{
  switch (kind)
    {
    case CC_DIFF_EQUAL:
      return "equal";
    case CC_DIFF_DELETE:
      return "delete";
    case CC_DIFF_INSERT:
      return "insert";
    case CC_DIFF_CHANGE:
      return "change";
    case CC_DIFF_MOVE_FROM:
      return "move-from";
    case CC_DIFF_MOVE_TO:
      return "move-to";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cc_diff_sequences:
 * @a: (array length=n_a) (nullable): the first sequence of ids
 * @b: (array length=n_b) (nullable): the second
 *
 * Aligns two sequences of ids (form ids, say) with the same algorithm as cc_diff_new(), but
 * without the clean-up that needs tokens (sliding to sentence edges, absorbing stop-words)
 * and without moves: a deletion next to an insertion is one %CC_DIFF_CHANGE. The spans cover
 * both sequences in order; two empty sequences give none. Swapping @a and @b mirrors the
 * result. Not cancellable: meant for short sequences such as the wordings of a quotation.
 *
 * Returns: (transfer full) (element-type CcDiffSpan): the alignment
 */
GArray *
cc_diff_sequences (const guint32 *a,
                   guint          n_a,
                   const guint32 *b,
                   guint          n_b)
{
  g_autoptr(GArray) hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (CcDiffSpan));
  gboolean swapped, coarse;
  const guint32 *x, *y;
  guint n_x, n_y, i = 0, j = 0;

  g_return_val_if_fail (a != NULL || n_a == 0, spans);
  g_return_val_if_fail (b != NULL || n_b == 0, spans);

  swapped = canonical_swap (a, n_a, b, n_b);
  x = swapped ? b : a;
  y = swapped ? a : b;
  n_x = swapped ? n_b : n_a;
  n_y = swapped ? n_a : n_b;

  align (x, n_x, y, n_y, &(Region) { 0, n_x, 0, n_y, FALSE }, 1, NULL, hunks, &coarse);

  for (guint h = 0; h <= hunks->len; h++)
    {
      const Hunk *hunk = h < hunks->len ? &g_array_index (hunks, Hunk, h) : NULL;
      guint a0 = hunk != NULL ? hunk->a0 : n_x;
      CcDiffSpan span;

      if (a0 > i)
        {
          span.kind = CC_DIFF_EQUAL;
          span.a_start = i;
          span.a_end = a0;
          span.b_start = j;
          span.b_end = j + (a0 - i);
          g_array_append_val (spans, span);
        }
      if (hunk == NULL)
        break;

      span.a_start = hunk->a0;
      span.a_end = hunk->a1;
      span.b_start = hunk->b0;
      span.b_end = hunk->b1;
      span.kind = hunk->a0 == hunk->a1 ? CC_DIFF_INSERT
                  : hunk->b0 == hunk->b1 ? CC_DIFF_DELETE : CC_DIFF_CHANGE;
      g_array_append_val (spans, span);
      i = hunk->a1;
      j = hunk->b1;
    }

  if (swapped)
    for (guint s = 0; s < spans->len; s++)
      {
        CcDiffSpan *span = &g_array_index (spans, CcDiffSpan, s);
        guint start = span->a_start, end = span->a_end;

        span->kind = mirror_kind (span->kind);
        span->a_start = span->b_start;
        span->a_end = span->b_end;
        span->b_start = start;
        span->b_end = end;
      }

  return spans;
}
