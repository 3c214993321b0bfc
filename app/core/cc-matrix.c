/* cc-matrix.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-matrix"

#include "cc-matrix.h"

#include <stdlib.h>
#include <string.h>

#include "cc-quotes.h"

/* How the matrix is built, without comparing 500,000 pairs for 1,000 sources:
 *
 * 1. Every source is tokenized and its quotations found, in parallel.
 * 2. Each run of n consecutive words (n = the minimum passage length) becomes a 64-bit
 *    shingle; all shingles of the project are sorted once, so equal shingles form groups.
 * 3. For each source, in parallel, its positions are walked in order; every other source in a
 *    position's group covers the n words there. Keeping, per other source, where its last
 *    covered stretch ended counts the union of covered words exactly, in one pass and with
 *    memory for one row at a time.
 * 4. A quotation of n words or more is carried by another source when one of its shingles is
 *    there; a shorter one, when its whole wording is.
 *
 * Coverage counts words inside exact n-word matches: the pair view's passages, which also
 * bridge small edits, can cover slightly more. */

struct _CcMatrix
{
  gatomicrefcount  ref_count;
  guint            size;
  char           **ids;
  guint           *words;
  guint           *quotes;
  CcMatrixCell    *cells;
};

typedef struct
{
  CcSourceSnapshot *source;

  /* Filled by the workers. */
  CcText   *tokens;
  CcQuotes *found;
  guint32  *forms;      /* the comparison forms of the words, in order */
  guint    *offsets;    /* each word's start, in characters */
  guint     n_words;
  guint32  *group_of;   /* for each shingle position, its group in the sorted index */
  GArray  **carriers;   /* for quotations shorter than a shingle: the sources carrying them */
} Entry;

typedef struct
{
  guint64 hash;
  guint32 source;
  guint32 position;
} Shingle;

typedef struct
{
  GPtrArray        *entries;
  CcCompareOptions  options;
  CcLexicon        *lexicon;
  Shingle          *shingles;
  gsize             n_shingles;
  guint            *group_start;  /* group g spans shingles [group_start[g], group_start[g+1]) */
  guint             n_groups;
  CcMatrix         *matrix;
  gint              next;         /* the next item a worker takes */
  GCancellable     *cancellable;
} Build;

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->source, cc_source_snapshot_free);
  g_clear_pointer (&entry->tokens, cc_text_unref);
  g_free (entry->forms);
  g_free (entry->offsets);
  g_free (entry->group_of);
  if (entry->carriers != NULL)
    {
      guint n_quotes;

      cc_quotes_get (entry->found, &n_quotes);
      for (guint q = 0; q < n_quotes; q++)
        g_clear_pointer (&entry->carriers[q], g_array_unref);
      g_free (entry->carriers);
    }
  g_clear_pointer (&entry->found, cc_quotes_unref);
  g_free (entry);
}

/* Runs func on items 0 … n-1 with one thread per processor, each taking the next free item. */
typedef void (*ItemFunc) (Build *build,
                          guint  item);

typedef struct
{
  Build    *build;
  ItemFunc  func;
  guint     n_items;
} Parallel;

static gpointer
parallel_worker (gpointer data)
{
  Parallel *parallel = data;
  guint item;

  while ((item = (guint)g_atomic_int_add (&parallel->build->next, 1)) < parallel->n_items)
    {
      if (g_cancellable_is_cancelled (parallel->build->cancellable))
        break;
      parallel->func (parallel->build, item);
    }

  return NULL;
}

static void
run_parallel (Build    *build,
              ItemFunc  func,
              guint     n_items)
{
  Parallel parallel = { build, func, n_items };
  guint n_threads = CLAMP (g_get_num_processors (), 1, 16);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  g_atomic_int_set (&build->next, 0);
  for (guint i = 1; i < n_threads && i < n_items; i++)
    g_ptr_array_add (threads, g_thread_new ("cc-matrix", parallel_worker, &parallel));
  parallel_worker (&parallel);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

static void
prepare_source (Build *build,
                guint  item)
{
  Entry *entry = g_ptr_array_index (build->entries, item);
  const CcToken *tokens;
  const guint *matchable;
  guint n_tokens, n_matchable;

  entry->tokens = cc_text_new_for_snapshot (entry->source, &build->options, build->lexicon);
  entry->found = cc_quotes_extract (entry->tokens,
                                    (const CcMarkedQuote *)(gpointer)entry->source->marked->data,
                                    entry->source->marked->len, &build->options);
  /* The tokens hold their own copy; thousands of sources need not be kept twice. */
  g_clear_pointer (&entry->source->text, g_free);

  tokens = cc_text_get_tokens (entry->tokens, &n_tokens);
  matchable = cc_text_get_matchable (entry->tokens, &n_matchable);
  entry->forms = g_new (guint32, n_matchable + 1);
  entry->offsets = g_new (guint, n_matchable + 1);
  for (guint i = 0; i < n_matchable; i++)
    {
      const CcToken *token = &tokens[matchable[i]];

      if (token->kind != CC_TOKEN_WORD && token->kind != CC_TOKEN_NUMBER)
        continue;
      entry->forms[entry->n_words] = token->form;
      entry->offsets[entry->n_words] = token->start;
      entry->n_words++;
    }
}

static inline guint64
mix (guint64 hash,
     guint32 value)
{
  hash ^= value;
  hash *= G_GUINT64_CONSTANT (0x100000001b3);
  return hash ^ (hash >> 29);
}

static guint64
hash_words (const guint32 *forms,
            guint          n)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325) ^ n;

  for (guint i = 0; i < n; i++)
    hash = mix (hash, forms[i]);

  return hash;
}

static int
compare_shingles (const void *a,
                  const void *b)
{
  const Shingle *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  if (x->source != y->source)
    return x->source < y->source ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

static void
build_index (Build *build)
{
  guint n = build->options.min_passage_words;
  gsize total = 0, at = 0;

  for (guint s = 0; s < build->entries->len; s++)
    {
      Entry *entry = g_ptr_array_index (build->entries, s);

      if (entry->n_words >= n)
        total += entry->n_words - n + 1;
    }

  build->shingles = g_new (Shingle, MAX (total, 1));
  for (guint s = 0; s < build->entries->len; s++)
    {
      Entry *entry = g_ptr_array_index (build->entries, s);

      for (guint p = 0; p + n <= entry->n_words; p++)
        {
          build->shingles[at].hash = hash_words (entry->forms + p, n);
          build->shingles[at].source = s;
          build->shingles[at].position = p;
          at++;
        }
      entry->group_of = g_new0 (guint32, MAX (entry->n_words, 1));
    }
  build->n_shingles = total;

  qsort (build->shingles, total, sizeof (Shingle), compare_shingles);

  build->group_start = g_new (guint, total + 1);
  for (gsize i = 0; i < total; i++)
    {
      const Shingle *shingle = &build->shingles[i];
      Entry *entry;

      if (i == 0 || shingle->hash != build->shingles[i - 1].hash)
        build->group_start[build->n_groups++] = i;

      entry = g_ptr_array_index (build->entries, shingle->source);
      entry->group_of[shingle->position] = build->n_groups - 1;
    }
  build->group_start[build->n_groups] = total;
}

/* Marks, for one quotation, every other source that carries one of its shingles. */
static void
mark_quote_by_shingles (Build    *build,
                        Entry    *entry,
                        guint     self_index,
                        guint     first,
                        guint     last,
                        guint8   *carried)
{
  guint n = build->options.min_passage_words;

  for (guint p = first; p + n <= last; p++)
    {
      guint group = entry->group_of[p];

      for (guint i = build->group_start[group]; i < build->group_start[group + 1]; i++)
        if (build->shingles[i].source != self_index)
          carried[build->shingles[i].source] = 1;
    }
}

/* The words of a quotation: [first, last) in the entry's word array. */
static void
quote_words (Entry         *entry,
             const CcQuote *quote,
             guint         *first,
             guint         *last)
{
  guint low = 0, high = entry->n_words;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (entry->offsets[middle] < quote->range.start)
        low = middle + 1;
      else
        high = middle;
    }
  *first = low;

  high = entry->n_words;
  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (entry->offsets[middle] < quote->range.end)
        low = middle + 1;
      else
        high = middle;
    }
  *last = low;
}

typedef struct
{
  guint32 source;
  guint32 quote;
} QuoteRef;

static gboolean
quote_is_counted (Build         *build,
                  const CcQuote *quote)
{
  return quote->level == 0 && quote->words >= build->options.min_quote_words;
}

/* Quotations shorter than a shingle are looked up by their whole wording: one hash table of
 * them, and one pass over every source's runs of each length that occurs. */
static void
find_short_quote_carriers (Build *build)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify)g_array_unref);
  guint n = build->options.min_passage_words;
  guint64 lengths = 0;

  for (guint s = 0; s < build->entries->len; s++)
    {
      Entry *entry = g_ptr_array_index (build->entries, s);
      const CcQuote *quotes;
      guint n_quotes;

      quotes = cc_quotes_get (entry->found, &n_quotes);
      entry->carriers = g_new0 (GArray *, MAX (n_quotes, 1));
      for (guint q = 0; q < n_quotes; q++)
        {
          guint first, last;
          guint64 hash;
          GArray *refs;
          QuoteRef ref = { s, q };

          if (!quote_is_counted (build, &quotes[q]))
            continue;
          quote_words (entry, &quotes[q], &first, &last);
          if (last <= first || last - first >= n || last - first >= 64)
            continue;

          hash = hash_words (entry->forms + first, last - first);
          refs = g_hash_table_lookup (wanted, &hash);
          if (refs == NULL)
            {
              refs = g_array_new (FALSE, FALSE, sizeof (QuoteRef));
              g_hash_table_insert (wanted, g_memdup2 (&hash, sizeof hash), refs);
            }
          g_array_append_val (refs, ref);
          entry->carriers[q] = g_array_new (FALSE, FALSE, sizeof (guint32));
          lengths |= G_GUINT64_CONSTANT (1) << (last - first);
        }
    }

  if (lengths == 0)
    return;

  for (guint t = 0; t < build->entries->len; t++)
    {
      Entry *target = g_ptr_array_index (build->entries, t);

      for (guint length = 1; length < 64; length++)
        {
          if (!(lengths & (G_GUINT64_CONSTANT (1) << length)))
            continue;

          for (guint p = 0; p + length <= target->n_words; p++)
            {
              guint64 hash = hash_words (target->forms + p, length);
              GArray *refs = g_hash_table_lookup (wanted, &hash);

              for (guint r = 0; refs != NULL && r < refs->len; r++)
                {
                  QuoteRef *ref = &g_array_index (refs, QuoteRef, r);
                  Entry *entry = g_ptr_array_index (build->entries, ref->source);
                  guint n_found, first, last;
                  const CcQuote *quote = &cc_quotes_get (entry->found, &n_found)[ref->quote];

                  if (ref->source == t)
                    continue;
                  quote_words (entry, quote, &first, &last);
                  if (last - first == length &&
                      memcmp (entry->forms + first, target->forms + p,
                              length * sizeof (guint32)) == 0)
                    g_array_append_val (entry->carriers[ref->quote], t);
                }
            }
        }
    }
}

static void
compute_row (Build *build,
             guint  row)
{
  Entry *entry = g_ptr_array_index (build->entries, row);
  CcMatrix *matrix = build->matrix;
  guint size = build->entries->len;
  guint n = build->options.min_passage_words;
  g_autofree guint *covered = g_new0 (guint, size);
  g_autofree guint *last_end = g_new0 (guint, size);
  g_autofree guint8 *carried = g_new0 (guint8, size);
  const CcQuote *quotes;
  guint n_quotes;

  for (guint p = 0; p + n <= entry->n_words; p++)
    {
      guint group = entry->group_of[p];

      for (guint i = build->group_start[group]; i < build->group_start[group + 1]; i++)
        {
          guint other = build->shingles[i].source;
          guint from;

          if (other == row)
            continue;
          from = MAX (p, last_end[other]);
          if (p + n > from)
            covered[other] += p + n - from;
          last_end[other] = p + n;
        }
    }

  quotes = cc_quotes_get (entry->found, &n_quotes);
  for (guint q = 0; q < n_quotes; q++)
    {
      guint first, last;

      if (!quote_is_counted (build, &quotes[q]))
        continue;

      memset (carried, 0, size);
      quote_words (entry, &quotes[q], &first, &last);
      if (last - first >= n)
        mark_quote_by_shingles (build, entry, row, first, last, carried);
      else if (entry->carriers[q] != NULL)
        for (guint c = 0; c < entry->carriers[q]->len; c++)
          carried[g_array_index (entry->carriers[q], guint32, c)] = 1;

      for (guint other = 0; other < size; other++)
        matrix->cells[row * size + other].shared_quotes += carried[other];
    }

  for (guint other = 0; other < size; other++)
    if (other != row && entry->n_words > 0)
      matrix->cells[row * size + other].coverage = (double)covered[other] / entry->n_words;
}

static CcMatrix *
matrix_build (Build *build)
{
  g_autoptr(CcMatrix) matrix = g_new0 (CcMatrix, 1);
  guint size = build->entries->len;

  g_atomic_ref_count_init (&matrix->ref_count);
  matrix->size = size;
  matrix->ids = g_new0 (char *, size + 1);
  matrix->words = g_new0 (guint, size);
  matrix->quotes = g_new0 (guint, size);
  matrix->cells = g_new0 (CcMatrixCell, (gsize)size * size + 1);
  build->matrix = matrix;
  build->lexicon = cc_lexicon_new ();

  run_parallel (build, prepare_source, size);
  if (g_cancellable_is_cancelled (build->cancellable))
    return NULL;

  build_index (build);
  find_short_quote_carriers (build);
  run_parallel (build, compute_row, size);
  if (g_cancellable_is_cancelled (build->cancellable))
    return NULL;

  for (guint s = 0; s < size; s++)
    {
      Entry *entry = g_ptr_array_index (build->entries, s);

      cc_quotes_get (entry->found, &matrix->quotes[s]);
      matrix->ids[s] = g_strdup (entry->source->id);
      matrix->words[s] = cc_text_get_word_count (entry->tokens);
    }

  return g_steal_pointer (&matrix);
}

static void
build_clear (Build *build)
{
  g_clear_pointer (&build->entries, g_ptr_array_unref);
  g_clear_pointer (&build->lexicon, cc_lexicon_unref);
  g_clear_pointer (&build->shingles, g_free);
  g_clear_pointer (&build->group_start, g_free);
  g_clear_object (&build->cancellable);
}

/* Copies what the workers need, on the calling thread: the project may change meanwhile. */
static void
build_init (Build                  *build,
            CcProject              *project,
            const CcCompareOptions *options,
            GCancellable           *cancellable)
{
  guint size = cc_project_get_n_sources (project);

  memset (build, 0, sizeof *build);
  build->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  build->options = *options;
  /* Shingles of at most six words: the pair view's passages bridge small edits, which exact
   * shingles of the full passage length would miss, so shorter ones keep the two in step. */
  build->options.min_passage_words = CLAMP (build->options.min_passage_words, 2, 6);
  build->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  for (guint s = 0; s < size; s++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->source = cc_source_snapshot_new (cc_project_get_source (project, s));
      g_ptr_array_add (build->entries, entry);
    }
}

/**
 * cc_matrix_new:
 * @progress: (nullable): called with the fraction done, in the calling thread
 *
 * Builds the matrix of all pairs of @project's sources, using every processor.
 *
 * Returns: (transfer full) (nullable): the matrix, or %NULL if it was cancelled
 */
CcMatrix *
cc_matrix_new (CcProject              *project,
               const CcCompareOptions *options,
               GCancellable           *cancellable,
               CcMatrixProgress        progress,
               gpointer                user_data)
{
  Build build;
  CcMatrix *matrix;

  g_return_val_if_fail (CC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  build_init (&build, project, options, cancellable);
  if (progress != NULL)
    progress (0.0, user_data);
  matrix = matrix_build (&build);
  build_clear (&build);
  if (progress != NULL && matrix != NULL)
    progress (1.0, user_data);

  return matrix;
}

static void
matrix_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CcMatrix *matrix = matrix_build (task_data);

  if (matrix == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else
    g_task_return_pointer (task, matrix, (GDestroyNotify)cc_matrix_unref);
}

static void
build_free (Build *build)
{
  build_clear (build);
  g_free (build);
}

void
cc_matrix_new_async (CcProject              *project,
                     const CcCompareOptions *options,
                     GCancellable           *cancellable,
                     GAsyncReadyCallback     callback,
                     gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  Build *build;

  g_return_if_fail (CC_IS_PROJECT (project));
  g_return_if_fail (options != NULL);

  build = g_new0 (Build, 1);
  build_init (build, project, options, cancellable);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_matrix_new_async);
  g_task_set_task_data (task, build, (GDestroyNotify)build_free);
  g_task_run_in_thread (task, matrix_thread);
}

CcMatrix *
cc_matrix_new_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

CcMatrix *
cc_matrix_ref (CcMatrix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_matrix_unref (CcMatrix *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_strfreev (self->ids);
  g_free (self->words);
  g_free (self->quotes);
  g_free (self->cells);
  g_free (self);
}

guint
cc_matrix_get_size (CcMatrix *self)
{
  return self->size;
}

const char *
cc_matrix_get_id (CcMatrix *self,
                  guint     index)
{
  g_return_val_if_fail (index < self->size, NULL);
  return self->ids[index];
}

guint
cc_matrix_get_words (CcMatrix *self,
                     guint     index)
{
  g_return_val_if_fail (index < self->size, 0);
  return self->words[index];
}

guint
cc_matrix_get_quotes (CcMatrix *self,
                      guint     index)
{
  g_return_val_if_fail (index < self->size, 0);
  return self->quotes[index];
}

/**
 * cc_matrix_get_cell:
 *
 * Returns: what the column source has of the row source; the diagonal is all zero
 */
const CcMatrixCell *
cc_matrix_get_cell (CcMatrix *self,
                    guint     row,
                    guint     column)
{
  g_return_val_if_fail (row < self->size && column < self->size, NULL);
  return &self->cells[(gsize)row * self->size + column];
}
