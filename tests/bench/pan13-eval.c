/* pan13-eval.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures the passage finder on the PAN 2013 text alignment corpus (training split), read
 * from $CROSSCHECK_CORPORA/pan13-train, with the measures of Potthast et al., "An Evaluation
 * Framework for Plagiarism Detection" (COLING 2010), as the PAN evaluation script computes
 * them: macro-averaged character precision and recall, granularity and plagdet. Each pair is
 * compared with the source document as A and the suspicious one as B; a passage is a
 * detection whose "this" span is its B span and whose source span is its A span.
 *
 *   bench-pan13 [--options N,K,P] [--category NAME]
 *
 * N, K and P are the minimum passage words, the bridged words and the minimum identity in
 * percent; the engine's defaults otherwise. Exits 77 when the corpus is absent. The few NUL
 * characters in the corpus are read as spaces, one for one, so that offsets still agree.
 */

#include <stdio.h>
#include <string.h>

#include "cc-passages.h"

static const char * const categories[] = {
  "01-no-plagiarism",
  "02-no-obfuscation",
  "03-random-obfuscation",
  "04-translation-obfuscation",
  "05-summary-obfuscation",
};

/* Character spans in the suspicious ("this") and source documents. */
typedef struct
{
  guint this_start, this_end;
  guint source_start, source_end;
} Annotation;

typedef struct
{
  guint    category;
  char    *susp_path;
  char    *src_path;
  GArray  *cases;        /* of Annotation */
  GArray  *detections;   /* of Annotation */
  gboolean failed;
} Pair;

static CcCompareOptions options;

static void
pair_free (gpointer data)
{
  Pair *pair = data;

  g_free (pair->susp_path);
  g_free (pair->src_path);
  g_array_unref (pair->cases);
  g_array_unref (pair->detections);
  g_free (pair);
}

/* XML ------------------------------------------------------------------------------------ */

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  GArray *cases = user_data;
  gboolean plagiarism = FALSE;
  guint64 this_offset = 0, this_length = 0, source_offset = 0, source_length = 0;
  guint found = 0;
  Annotation annotation;

  if (strcmp (element, "feature") != 0)
    return;

  static const char * const numbers[] = {
    "this_offset", "this_length", "source_offset", "source_length",
  };
  guint64 *targets[] = { &this_offset, &this_length, &source_offset, &source_length };

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "name") == 0)
        plagiarism = strcmp (values[i], "plagiarism") == 0;

      for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
        if (strcmp (names[i], numbers[k]) == 0)
          {
            *targets[k] = g_ascii_strtoull (values[i], NULL, 10);
            found |= 1 << k;
          }
    }

  /* Only plagiarism features with both spans are cases. */
  if (!plagiarism || found != (1 << G_N_ELEMENTS (numbers)) - 1)
    return;

  annotation.this_start = this_offset;
  annotation.this_end = this_offset + this_length;
  annotation.source_start = source_offset;
  annotation.source_end = source_offset + source_length;
  g_array_append_val (cases, annotation);
}

static gboolean
read_cases (const char  *path,
            GArray      *cases,
            GError     **error)
{
  static const GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  context = g_markup_parse_context_new (&parser, 0, cases, NULL);
  return g_markup_parse_context_parse (context, contents, length, error) &&
         g_markup_parse_context_end_parse (context, error);
}

/* Running the finder --------------------------------------------------------------------- */

static void
run_pair (gpointer data,
          gpointer user_data)
{
  Pair *pair = data;
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) source = NULL;
  g_autoptr(CcText) suspicious = NULL;
  g_autoptr(CcPassages) passages = NULL;
  g_autofree char *src_text = NULL;
  g_autofree char *susp_text = NULL;
  const CcPassage *found;
  gsize src_length, susp_length;
  guint n;

  if (!g_file_get_contents (pair->src_path, &src_text, &src_length, NULL) ||
      !g_file_get_contents (pair->susp_path, &susp_text, &susp_length, NULL))
    {
      pair->failed = TRUE;
      return;
    }

  /* A few documents hold NUL characters, where a C string would end: a space stands in for
   * each, one character for one, so that offsets still agree with the corpus. */
  for (gsize i = 0; i < src_length; i++)
    if (src_text[i] == '\0')
      src_text[i] = ' ';
  for (gsize i = 0; i < susp_length; i++)
    if (susp_text[i] == '\0')
      susp_text[i] = ' ';

  source = cc_text_new (src_text, src_length, NULL, 0, &options, lexicon);
  suspicious = cc_text_new (susp_text, susp_length, NULL, 0, &options, lexicon);
  passages = cc_passages_find (source, suspicious, &options, NULL);

  found = cc_passages_get (passages, &n);
  for (guint i = 0; i < n; i++)
    {
      Annotation detection = {
        found[i].b.start, found[i].b.end, found[i].a.start, found[i].a.end,
      };

      g_array_append_val (pair->detections, detection);
    }
}

/* Measures ------------------------------------------------------------------------------- */

/* Whether @r overlaps @s in both documents: only then does it detect it. */
static gboolean
overlaps (const Annotation *s,
          const Annotation *r)
{
  return r->this_end > s->this_start && r->this_start < s->this_end &&
         r->source_end > s->source_start && r->source_start < s->source_end;
}

static gint
compare_uint_pairs (gconstpointer p1,
                    gconstpointer p2)
{
  const guint *u1 = p1, *u2 = p2;

  return u1[0] < u2[0] ? -1 : u1[0] > u2[0];
}

/* The characters of [start, end) that the union of @spans covers. */
static guint
covered (guint   start,
         guint   end,
         GArray *spans)
{
  guint total = 0, reach = start;

  g_array_sort (spans, compare_uint_pairs);
  for (guint i = 0; i < spans->len; i++)
    {
      const guint *span = &g_array_index (spans, guint, 2 * i);
      guint from = MAX (span[0], reach);
      guint to = MIN (span[1], end);

      if (to > from)
        {
          total += to - from;
          reach = to;
        }
    }

  return total;
}

/* The share of @a's characters, in both documents, that the annotations of @others which
 * overlap it cover: the recall of a case, or with the roles swapped the precision of a
 * detection. */
static double
annotation_recall (const Annotation *a,
                   GArray           *others)
{
  g_autoptr(GArray) this_spans = g_array_new (FALSE, FALSE, sizeof (guint[2]));
  g_autoptr(GArray) source_spans = g_array_new (FALSE, FALSE, sizeof (guint[2]));
  guint length = (a->this_end - a->this_start) + (a->source_end - a->source_start);

  if (length == 0)
    return 0.0;

  for (guint i = 0; i < others->len; i++)
    {
      const Annotation *o = &g_array_index (others, Annotation, i);
      guint this_span[2] = { o->this_start, o->this_end };
      guint source_span[2] = { o->source_start, o->source_end };

      if (!overlaps (a, o))
        continue;
      g_array_append_val (this_spans, this_span);
      g_array_append_val (source_spans, source_span);
    }

  return (double)(covered (a->this_start, a->this_end, this_spans) +
                  covered (a->source_start, a->source_end, source_spans)) / length;
}

typedef struct
{
  guint  pairs;
  guint  cases;
  guint  detections;
  guint  detected_cases;
  guint  detections_of_detected;
  guint  false_detections;
  guint  false_chars;
  guint  pairs_with_detections;
  double recall_sum;
  double precision_sum;
} Score;

static void
score_pair (Score      *score,
            const Pair *pair)
{
  score->pairs++;
  score->cases += pair->cases->len;
  score->detections += pair->detections->len;
  if (pair->detections->len > 0)
    score->pairs_with_detections++;

  for (guint i = 0; i < pair->cases->len; i++)
    {
      const Annotation *s = &g_array_index (pair->cases, Annotation, i);
      guint n = 0;

      score->recall_sum += annotation_recall (s, pair->detections);
      for (guint j = 0; j < pair->detections->len; j++)
        n += overlaps (s, &g_array_index (pair->detections, Annotation, j));
      if (n > 0)
        {
          score->detected_cases++;
          score->detections_of_detected += n;
        }
    }

  for (guint j = 0; j < pair->detections->len; j++)
    {
      const Annotation *r = &g_array_index (pair->detections, Annotation, j);
      gboolean any = FALSE;

      score->precision_sum += annotation_recall (r, pair->cases);
      for (guint i = 0; i < pair->cases->len && !any; i++)
        any = overlaps (&g_array_index (pair->cases, Annotation, i), r);
      if (!any)
        {
          score->false_detections++;
          score->false_chars += (r->this_end - r->this_start) + (r->source_end - r->source_start);
        }
    }
}

static void
score_add (Score       *total,
           const Score *score)
{
  total->pairs += score->pairs;
  total->cases += score->cases;
  total->detections += score->detections;
  total->detected_cases += score->detected_cases;
  total->detections_of_detected += score->detections_of_detected;
  total->false_detections += score->false_detections;
  total->false_chars += score->false_chars;
  total->pairs_with_detections += score->pairs_with_detections;
  total->recall_sum += score->recall_sum;
  total->precision_sum += score->precision_sum;
}

/* log2 without libm, which the benchmarks do not link: x = m 2^e with m in [1, 2), and
 * ln m = 2 artanh ((m - 1) / (m + 1)). */
static double
log2_of (double x)
{
  double y, y2, term, sum = 0.0;
  int e = 0;

  for (; x >= 2.0; e++)
    x /= 2.0;
  for (; x < 1.0; e--)
    x *= 2.0;

  y = (x - 1.0) / (x + 1.0);
  y2 = y * y;
  term = y;
  for (int k = 1; k < 80; k += 2)
    {
      sum += term / k;
      term *= y2;
    }

  return e + 2.0 * sum / G_LN2;
}

/* As the PAN script: with neither cases nor detections both are 1; with only one, 0. */
static void
score_measures (const Score *score,
                double      *precision,
                double      *recall,
                double      *granularity,
                double      *plagdet)
{
  double f1;

  if (score->cases == 0 && score->detections == 0)
    *precision = *recall = 1.0;
  else if (score->cases == 0 || score->detections == 0)
    *precision = *recall = 0.0;
  else
    {
      *precision = score->precision_sum / score->detections;
      *recall = score->recall_sum / score->cases;
    }

  *granularity = score->detected_cases > 0
                 ? (double)score->detections_of_detected / score->detected_cases
                 : 1.0;

  f1 = *precision + *recall > 0 ? 2 * *precision * *recall / (*precision + *recall) : 0.0;
  *plagdet = f1 / log2_of (1 + *granularity);
}

static void
print_row (const char  *name,
           const Score *score)
{
  double precision, recall, granularity, plagdet;

  score_measures (score, &precision, &recall, &granularity, &plagdet);
  g_print ("%-28s %6u %6u %6u %9.4f %9.4f %11.4f %9.4f\n", name, score->pairs, score->cases,
           score->detections, precision, recall, granularity, plagdet);
}

/* Main ----------------------------------------------------------------------------------- */

static gboolean
read_category (const char  *root,
               guint        category,
               GPtrArray   *pairs,
               GError     **error)
{
  g_autofree char *dir = g_build_filename (root, categories[category], NULL);
  g_autofree char *list_path = g_build_filename (dir, "pairs", NULL);
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (list_path, &list, NULL, error))
    return FALSE;

  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (g_strstrip (lines[i]), " ", 2);
      g_autofree char *susp_stem = NULL;
      g_autofree char *src_stem = NULL;
      g_autofree char *xml_name = NULL;
      g_autofree char *xml_path = NULL;
      Pair *pair;

      if (g_strv_length (names) != 2)
        continue;

      susp_stem = g_strndup (names[0], strlen (names[0]) - strlen (".txt"));
      src_stem = g_strndup (names[1], strlen (names[1]) - strlen (".txt"));
      xml_name = g_strdup_printf ("%s-%s.xml", susp_stem, src_stem);
      xml_path = g_build_filename (dir, xml_name, NULL);

      pair = g_new0 (Pair, 1);
      pair->category = category;
      pair->susp_path = g_build_filename (root, "susp", names[0], NULL);
      pair->src_path = g_build_filename (root, "src", names[1], NULL);
      pair->cases = g_array_new (FALSE, FALSE, sizeof (Annotation));
      pair->detections = g_array_new (FALSE, FALSE, sizeof (Annotation));

      if (!read_cases (xml_path, pair->cases, error))
        {
          pair_free (pair);
          return FALSE;
        }

      /* Most summaries were generated without a case to score: PAN scores only those with
       * one. */
      if (g_str_has_prefix (categories[category], "05") && pair->cases->len == 0)
        {
          pair_free (pair);
          continue;
        }

      g_ptr_array_add (pairs, pair);
    }

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (pair_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *only = NULL;
  g_autofree char *root = NULL;
  const char *corpora = g_getenv ("CROSSCHECK_CORPORA");
  GOptionEntry entries[] = {
    { "options", 0, 0, G_OPTION_ARG_STRING, &settings,
      "Minimum passage words, bridged words and minimum identity", "N,K,P" },
    { "category", 0, 0, G_OPTION_ARG_STRING, &only, "Evaluate one category only", "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- evaluate passages on PAN 2013");
  GThreadPool *pool;
  Score scores[G_N_ELEMENTS (categories)] = { { 0 } };
  Score total = { 0 };
  gint64 start;
  double seconds;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  cc_compare_options_init_default (&options);
  if (settings != NULL &&
      sscanf (settings, "%u,%u,%u", &options.min_passage_words, &options.max_bridged_words,
              &options.min_identity) != 3)
    {
      g_printerr ("--options wants N,K,P, such as 6,2,80\n");
      return 2;
    }

  root = g_build_filename (corpora != NULL ? corpora : "../shared/corpora", "pan13-train", NULL);
  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_print ("PAN 2013 corpus not found at %s: skipped\n", root);
      return 77;
    }

  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    if ((only == NULL || strcmp (only, categories[c]) == 0) &&
        !read_category (root, c, pairs, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }

  start = g_get_monotonic_time ();
  pool = g_thread_pool_new (run_pair, NULL, g_get_num_processors (), TRUE, NULL);
  for (guint i = 0; i < pairs->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (pairs, i), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *pair = g_ptr_array_index (pairs, i);

      if (pair->failed)
        {
          g_printerr ("Cannot read %s or %s\n", pair->susp_path, pair->src_path);
          return 1;
        }
      score_pair (&scores[pair->category], pair);
    }

  g_print ("PAN 2013 text alignment, training split: source document as A, suspicious as B\n");
  g_print ("Settings: min passage words %u, bridged words %u, min identity %u %%\n",
           options.min_passage_words, options.max_bridged_words, options.min_identity);
  g_print ("%u pairs in %.1f s on %u threads\n\n", pairs->len, seconds, g_get_num_processors ());
  g_print ("%-28s %6s %6s %6s %9s %9s %11s %9s\n", "category", "pairs", "cases", "dets",
           "precision", "recall", "granularity", "plagdet");

  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    {
      if (scores[c].pairs == 0)
        continue;

      score_add (&total, &scores[c]);
      if (scores[c].cases == 0)
        g_print ("%-28s %6u %6s %6u   (no cases: %u false detections, %u characters, "
                 "in %u pairs)\n", categories[c], scores[c].pairs, "-", scores[c].detections,
                 scores[c].false_detections, scores[c].false_chars,
                 scores[c].pairs_with_detections);
      else
        print_row (categories[c], &scores[c]);
    }
  print_row ("overall", &total);

  return 0;
}
