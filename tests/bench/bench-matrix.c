/* bench-matrix.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The all-pairs matrix of a generated project: 1,000 articles of about 800 words telling one
 * story, as wire copy is rewritten by many outlets. Each article takes some of the wire's
 * paragraphs, writes others of its own, and carries some of the story's quotations, whole,
 * trimmed or without quotation marks. Prints time and peak memory; the target is 10 s on two
 * cores.
 */

#include <string.h>
#include <sys/resource.h>

#include "cc-matrix.h"

#define N_ARTICLES     1000
#define N_WIRE         60
#define N_QUOTES       40
#define WORDS_PER_PARA 40

static char *
make_word (GRand *rand)
{
  static const char * const syllables[] = {
    "ka", "lo", "mar", "ten", "vi", "ros", "del", "an", "que", "tor", "sil", "be", "nu", "ra",
    "wen", "ho", "gri", "sta", "pel", "dun",
  };
  GString *word = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);

  return g_string_free (word, FALSE);
}

/* A vocabulary with a Zipf-like spread, as in prose: a few words are very common. */
static GPtrArray *
make_vocabulary (GRand *rand)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 5000; i++)
    g_ptr_array_add (words, make_word (rand));

  return words;
}

static const char *
pick (GPtrArray *vocabulary,
      GRand     *rand)
{
  double u = g_rand_double (rand);
  guint index = (guint)(vocabulary->len * u * u * u);

  return g_ptr_array_index (vocabulary, MIN (index, vocabulary->len - 1));
}

static char *
make_paragraph (GPtrArray *vocabulary,
                GRand     *rand,
                guint      n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = pick (vocabulary, rand);

      if (i > 0)
        g_string_append_c (text, ' ');
      if (i == 0 || g_rand_int_range (rand, 0, 12) == 0)
        {
          g_string_append_c (text, g_ascii_toupper (word[0]));
          g_string_append (text, word + 1);
        }
      else
        g_string_append (text, word);
      if (i + 1 < n_words && g_rand_int_range (rand, 0, 14) == 0)
        g_string_append_c (text, ',');
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static CcProject *
make_project (void)
{
  GRand *rand = g_rand_new_with_seed (1000);
  g_autoptr(GPtrArray) vocabulary = make_vocabulary (rand);
  g_autoptr(GPtrArray) wire = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
  CcProject *project = cc_project_new ();

  for (guint i = 0; i < N_WIRE; i++)
    g_ptr_array_add (wire, make_paragraph (vocabulary, rand, WORDS_PER_PARA));
  for (guint i = 0; i < N_QUOTES; i++)
    g_ptr_array_add (quotes, make_paragraph (vocabulary, rand, g_rand_int_range (rand, 5, 30)));

  for (guint a = 0; a < N_ARTICLES; a++)
    {
      g_autoptr(CcSource) source = cc_source_new ();
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("article-%04u", a);

      while (text->len < 800 * 6)
        {
          guint choice = g_rand_int_range (rand, 0, 10);
          g_autofree char *own = NULL;

          if (text->len > 0)
            g_string_append (text, "\n\n");

          if (choice < 4)
            g_string_append (text, g_ptr_array_index (wire, g_rand_int_range (rand, 0, N_WIRE)));
          else if (choice < 6)
            {
              const char *quote = g_ptr_array_index (quotes, g_rand_int_range (rand, 0, N_QUOTES));
              g_autofree char *lead = make_paragraph (vocabulary, rand, 12);

              /* Whole, trimmed to its second half, or reused without quotation marks. */
              switch (g_rand_int_range (rand, 0, 3))
                {
                case 0:
                  g_string_append_printf (text, "%s “%s” said one of them.", lead, quote);
                  break;
                case 1:
                  g_string_append_printf (text, "%s “%s", lead, quote + strlen (quote) / 2);
                  while (text->len > 0 && text->str[text->len - 1] != ' ' &&
                         text->str[text->len - 1] != '.')
                    g_string_truncate (text, text->len - 1);
                  g_string_append (text, "” they said.");
                  break;
                default:
                  g_string_append_printf (text, "%s %s", lead, quote);
                  break;
                }
            }
          else
            {
              own = make_paragraph (vocabulary, rand, WORDS_PER_PARA);
              g_string_append (text, own);
            }
        }

      cc_source_set_id (source, id);
      cc_source_set_text (source, text->str);
      cc_project_add_source (project, source);
    }

  g_rand_free (rand);
  return project;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CcProject) project = make_project ();
  CcCompareOptions options;
  double best = G_MAXDOUBLE;
  double before = peak_rss_mb ();
  guint64 words = 0;
  guint pairs_sharing = 0;

  cc_compare_options_init_default (&options);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(CcMatrix) matrix = NULL;
      gint64 start = g_get_monotonic_time ();

      matrix = cc_matrix_new (project, &options, NULL, NULL, NULL);
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);

      if (round == 0)
        {
          guint size = cc_matrix_get_size (matrix);

          for (guint i = 0; i < size; i++)
            {
              words += cc_matrix_get_words (matrix, i);
              for (guint j = 0; j < size; j++)
                if (cc_matrix_get_cell (matrix, i, j)->coverage > 0.1)
                  pairs_sharing++;
            }
        }
    }

  g_print ("%-28s %10s %10s %12s\n", "operation", "size", "time", "peak memory");
  g_print ("%-28s %5u × %3.0f %9.2f s %9.0f MB\n", "matrix (all pairs)", N_ARTICLES,
           (double)words / N_ARTICLES, best, peak_rss_mb ());
  g_print ("(%u ordered pairs cover more than 10 %%; %u processors; memory before: %.0f MB)\n",
           pairs_sharing, g_get_num_processors (), before);
  return 0;
}
