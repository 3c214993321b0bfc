/* cc-comparison.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-comparison"

#include "cc-comparison.h"

struct _CcComparison
{
  gatomicrefcount    ref_count;
  CcText            *a;
  CcText            *b;
  CcDiff            *diff;
  CcPassages        *passages;
  CcQuotes          *quotes_a;
  CcQuotes          *quotes_b;
  CcSharedQuotes    *shared;
  CcComparisonStats  stats;
};

static void
compute_stats (CcComparison *self)
{
  CcComparisonStats *stats = &self->stats;
  const CcDiffOp *ops;
  const CcSharedQuote *shared;
  guint n_ops, n_shared, n_passages;

  stats->a_words = cc_text_get_word_count (self->a);
  stats->b_words = cc_text_get_word_count (self->b);

  ops = self->diff != NULL ? cc_diff_get_ops (self->diff, &n_ops) : (n_ops = 0, NULL);
  for (guint i = 0; i < n_ops; i++)
    {
      switch (ops[i].kind)
        {
        case CC_DIFF_DELETE:
          stats->deleted += ops[i].a_words;
          break;
        case CC_DIFF_INSERT:
          stats->inserted += ops[i].b_words;
          break;
        case CC_DIFF_CHANGE:
          stats->changed_a += ops[i].a_words;
          stats->changed_b += ops[i].b_words;
          break;
        case CC_DIFF_MOVE_FROM:
          stats->moved += ops[i].a_words;
          break;
        case CC_DIFF_EQUAL:
        case CC_DIFF_MOVE_TO:
        default:
          break;
        }
    }

  if (self->passages != NULL)
    {
      cc_passages_get (self->passages, &n_passages);
      stats->passages = n_passages;
      stats->coverage_a = cc_passages_get_coverage_a (self->passages);
      stats->coverage_b = cc_passages_get_coverage_b (self->passages);
    }

  if (self->shared != NULL)
    {
      cc_quotes_get (self->quotes_a, &stats->quotes_a);
      cc_quotes_get (self->quotes_b, &stats->quotes_b);

      shared = cc_shared_quotes_get (self->shared, &n_shared);
      for (guint i = 0; i < n_shared; i++)
        stats->shared_quotes[shared[i].kind]++;
    }
}

typedef struct
{
  CcComparison           *self;
  CcSourceSnapshot       *a;
  CcSourceSnapshot       *b;
  const CcCompareOptions *options;
  CcLexicon              *lexicon;
  GCancellable           *cancellable;
} Job;

static gpointer
tokenize_b (gpointer data)
{
  Job *job = data;

  job->self->b = cc_text_new_for_snapshot (job->b, job->options, job->lexicon);
  return NULL;
}

static gpointer
find_passages (gpointer data)
{
  Job *job = data;
  CcComparison *self = job->self;

  self->passages = cc_passages_find (self->a, self->b, job->options, job->cancellable);
  return NULL;
}

/* Each source is tokenized in its own thread, and the diff runs beside the passages, so a
 * comparison uses two processors where it has them. */
static CcComparison *
compare_snapshots (CcSourceSnapshot       *a,
                   CcSourceSnapshot       *b,
                   const CcCompareOptions *options,
                   CcCompareParts          parts,
                   GCancellable           *cancellable)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcComparison) self = g_new0 (CcComparison, 1);
  Job job = { self, a, b, options, lexicon, cancellable };
  GThread *thread;

  g_atomic_ref_count_init (&self->ref_count);

  thread = g_thread_new ("cc-tokenize", tokenize_b, &job);
  self->a = cc_text_new_for_snapshot (a, options, lexicon);
  g_thread_join (thread);
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  thread = NULL;
  if (parts & CC_COMPARE_PASSAGES)
    thread = g_thread_new ("cc-passages", find_passages, &job);

  if (parts & CC_COMPARE_DIFF)
    self->diff = cc_diff_new (self->a, self->b, options, cancellable);

  if (parts & CC_COMPARE_QUOTES)
    {
      self->quotes_a = cc_quotes_extract (self->a,
                                          (const CcMarkedQuote *)(gpointer)a->marked->data,
                                          a->marked->len, options);
      self->quotes_b = cc_quotes_extract (self->b,
                                          (const CcMarkedQuote *)(gpointer)b->marked->data,
                                          b->marked->len, options);
      self->shared = cc_shared_quotes_find (self->quotes_a, self->quotes_b, options,
                                            cancellable);
    }

  if (thread != NULL)
    g_thread_join (thread);

  if (g_cancellable_is_cancelled (cancellable) ||
      ((parts & CC_COMPARE_DIFF) && self->diff == NULL) ||
      ((parts & CC_COMPARE_PASSAGES) && self->passages == NULL) ||
      ((parts & CC_COMPARE_QUOTES) && self->shared == NULL))
    return NULL;

  compute_stats (self);
  return g_steal_pointer (&self);
}

/**
 * cc_comparison_new:
 * @cancellable: (nullable): stops the work early
 *
 * Compares two sources in the calling thread.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL if it was cancelled
 */
CcComparison *
cc_comparison_new (CcSource               *a,
                   CcSource               *b,
                   const CcCompareOptions *options,
                   GCancellable           *cancellable)
{
  return cc_comparison_new_parts (a, b, options, CC_COMPARE_ALL, cancellable);
}

/**
 * cc_comparison_new_parts:
 * @parts: what to work out
 *
 * Like cc_comparison_new(), for when only some parts are wanted: the others are %NULL.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL if it was cancelled
 */
CcComparison *
cc_comparison_new_parts (CcSource               *a,
                         CcSource               *b,
                         const CcCompareOptions *options,
                         CcCompareParts          parts,
                         GCancellable           *cancellable)
{
  g_autoptr(CcSourceSnapshot) snapshot_a = NULL;
  g_autoptr(CcSourceSnapshot) snapshot_b = NULL;

  g_return_val_if_fail (CC_IS_SOURCE (a), NULL);
  g_return_val_if_fail (CC_IS_SOURCE (b), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  snapshot_a = cc_source_snapshot_new (a);
  snapshot_b = cc_source_snapshot_new (b);
  return compare_snapshots (snapshot_a, snapshot_b, options, parts, cancellable);
}

typedef struct
{
  CcSourceSnapshot *a;
  CcSourceSnapshot *b;
  CcCompareOptions  options;
} CompareData;

static void
compare_data_free (CompareData *data)
{
  cc_source_snapshot_free (data->a);
  cc_source_snapshot_free (data->b);
  g_free (data);
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompareData *data = task_data;
  CcComparison *comparison;

  comparison = compare_snapshots (data->a, data->b, &data->options, CC_COMPARE_ALL,
                                  cancellable);
  if (comparison == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The comparison was cancelled");
  else
    g_task_return_pointer (task, comparison, (GDestroyNotify)cc_comparison_unref);
}

/**
 * cc_comparison_new_async:
 *
 * Compares two sources in a worker thread. The sources are read now, so they may change
 * while the work runs.
 */
void
cc_comparison_new_async (CcSource               *a,
                         CcSource               *b,
                         const CcCompareOptions *options,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  CompareData *data;

  g_return_if_fail (CC_IS_SOURCE (a));
  g_return_if_fail (CC_IS_SOURCE (b));
  g_return_if_fail (options != NULL);

  data = g_new0 (CompareData, 1);
  data->a = cc_source_snapshot_new (a);
  data->b = cc_source_snapshot_new (b);
  data->options = *options;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_comparison_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify)compare_data_free);
  g_task_run_in_thread (task, compare_thread);
}

/**
 * cc_comparison_new_finish:
 *
 * Returns: (transfer full): the comparison, or %NULL with %G_IO_ERROR_CANCELLED
 */
CcComparison *
cc_comparison_new_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

CcComparison *
cc_comparison_ref (CcComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_comparison_unref (CcComparison *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->shared, cc_shared_quotes_unref);
  g_clear_pointer (&self->quotes_a, cc_quotes_unref);
  g_clear_pointer (&self->quotes_b, cc_quotes_unref);
  g_clear_pointer (&self->passages, cc_passages_unref);
  g_clear_pointer (&self->diff, cc_diff_unref);
  g_clear_pointer (&self->a, cc_text_unref);
  g_clear_pointer (&self->b, cc_text_unref);
  g_free (self);
}

CcText *
cc_comparison_get_text_a (CcComparison *self)
{
  return self->a;
}

CcText *
cc_comparison_get_text_b (CcComparison *self)
{
  return self->b;
}

CcDiff *
cc_comparison_get_diff (CcComparison *self)
{
  return self->diff;
}

CcPassages *
cc_comparison_get_passages (CcComparison *self)
{
  return self->passages;
}

CcQuotes *
cc_comparison_get_quotes_a (CcComparison *self)
{
  return self->quotes_a;
}

CcQuotes *
cc_comparison_get_quotes_b (CcComparison *self)
{
  return self->quotes_b;
}

CcSharedQuotes *
cc_comparison_get_shared_quotes (CcComparison *self)
{
  return self->shared;
}

const CcComparisonStats *
cc_comparison_get_stats (CcComparison *self)
{
  return &self->stats;
}
