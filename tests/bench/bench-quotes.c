/* bench-quotes.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures quotation extraction on the shared corpora (the World English Bible, which quotes
 * much direct speech; the King James Bible, which has no quotation marks; Darwin; and the
 * example articles repeated to about 4 MB) and the matching of shared quotations between the
 * two Bibles. Extraction's target is 50 MB/s on a text already tokenized; tokenizing is timed
 * apart. Run with `meson test -C build --benchmark --verbose`; skips without
 * $CROSSCHECK_CORPORA.
 */

#include <stdio.h>
#include <string.h>

#include "cc-quotes.h"

#define N_ROUNDS     3
#define EXAMPLE_SIZE (4 * 1024 * 1024)

static const char * const example_articles[] = {
  "wire-digest.txt", "harbour-gazette.txt", "northern-ledger.txt", "daily-signal.txt",
  "valley-courier.txt",
};

/* Peak and current resident memory, in bytes, from /proc: the peak can be reset, so each
 * operation's own peak is measured. */
static gsize
read_status (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen (field) + 1, NULL, 10) * 1024;
}

static void
reset_peak (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file != NULL)
    {
      fputs ("5", file);
      fclose (file);
    }
}

static void
print_header (void)
{
  g_print ("%-34s %9s %10s %9s %12s %8s\n", "operation", "size", "time", "MB/s",
           "peak memory", "x input");
}

static void
print_row (const char *operation,
           gsize       size,
           double      seconds,
           gsize       peak)
{
  g_print ("%-34s %7.2f MB %8.1f ms %9.1f %9.1f MB %8.2f\n", operation, size / 1e6,
           seconds * 1e3, size / 1e6 / seconds, peak / 1e6, (double) peak / size);
}

static char *
read_corpus (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);

  return contents;
}

/* The example articles of the source tree: meson sets $CROSSCHECK_CORPORA to
 * <source>/../shared/corpora; failing that, look beside this file. */
static char *
find_examples (void)
{
  const char *corpora = g_getenv ("CROSSCHECK_CORPORA");
  const char *suffix = G_DIR_SEPARATOR_S ".." G_DIR_SEPARATOR_S "shared" G_DIR_SEPARATOR_S
                       "corpora";
  g_autofree char *here = g_path_get_dirname (__FILE__);
  char *dir;

  if (g_str_has_suffix (corpora, suffix))
    {
      g_autofree char *root = g_strndup (corpora, strlen (corpora) - strlen (suffix));

      dir = g_build_filename (root, "data", "examples", "articles", NULL);
      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        return dir;
      g_free (dir);
    }

  dir = g_build_filename (here, "..", "..", "data", "examples", "articles", NULL);
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return dir;
  g_free (dir);

  return NULL;
}

static char *
read_examples (void)
{
  g_autofree char *dir = find_examples ();
  g_autoptr(GString) one = g_string_new (NULL);
  GString *all;

  if (dir == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (example_articles); i++)
    {
      g_autofree char *text = read_corpus (dir, example_articles[i]);

      g_string_append (one, text);
      g_string_append (one, "\n\n");
    }

  all = g_string_sized_new (EXAMPLE_SIZE + one->len);
  while (all->len < EXAMPLE_SIZE)
    g_string_append_len (all, one->str, one->len);

  return g_string_free (all, FALSE);
}

/* Tokenizes and extracts @string, printing a row for each; returns the quotations. */
static CcQuotes *
measure_extraction (const char *name,
                    const char *string,
                    CcLexicon  *lexicon)
{
  g_autoptr(CcText) text = NULL;
  g_autofree char *tokenize_label = g_strdup_printf ("tokenize %s", name);
  g_autofree char *extract_label = g_strdup_printf ("extract quotes %s", name);
  CcCompareOptions options;
  CcQuotes *best_quotes = NULL;
  double tokenize_time, extract_best = G_MAXDOUBLE;
  gsize size = strlen (string);
  gsize base, peak;
  const CcQuote *quotes;
  guint n_quotes, open = 0, longest = 0, max_level = 0;
  gint64 start;

  cc_compare_options_init_default (&options);

  base = read_status ("VmRSS:");
  reset_peak ();
  start = g_get_monotonic_time ();
  text = cc_text_new (string, size, NULL, 0, &options, lexicon);
  tokenize_time = (g_get_monotonic_time () - start) / 1e6;
  peak = read_status ("VmHWM:");
  print_row (tokenize_label, size, tokenize_time, peak > base ? peak - base : 0);

  base = read_status ("VmRSS:");
  reset_peak ();
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      CcQuotes *quotes_round;
      double seconds;

      start = g_get_monotonic_time ();
      quotes_round = cc_quotes_extract (text, NULL, 0, &options);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      extract_best = MIN (extract_best, seconds);
      g_clear_pointer (&best_quotes, cc_quotes_unref);
      best_quotes = quotes_round;
    }
  peak = read_status ("VmHWM:");
  print_row (extract_label, size, extract_best, peak > base ? peak - base : 0);

  quotes = cc_quotes_get (best_quotes, &n_quotes);
  for (guint i = 0; i < n_quotes; i++)
    {
      open += quotes[i].close_mark == 0;
      longest = MAX (longest, quotes[i].words);
      max_level = MAX (max_level, quotes[i].level);
    }
  g_print ("    %u quotations, %u closed at a paragraph's end, longest %u words, "
           "deepest level %u\n", n_quotes, open, longest, max_level);

  return best_quotes;
}

int
main (int    argc,
      char **argv)
{
  const char *corpora = g_getenv ("CROSSCHECK_CORPORA");
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcQuotes) web_quotes = NULL;
  g_autoptr(CcQuotes) kjv_quotes = NULL;
  g_autoptr(CcQuotes) darwin_quotes = NULL;
  g_autoptr(CcQuotes) example_quotes = NULL;
  g_autoptr(CcSharedQuotes) shared = NULL;
  g_autofree char *web = NULL;
  g_autofree char *kjv = NULL;
  g_autofree char *darwin = NULL;
  g_autofree char *examples = NULL;
  g_autofree char *bible = NULL;
  g_autofree char *darwin_dir = NULL;
  CcCompareOptions options;
  double match_best = G_MAXDOUBLE;
  gsize base, peak;
  guint n_shared;
  guint by_kind[4] = { 0 };
  const CcSharedQuote *all;

  if (corpora == NULL || !g_file_test (corpora, G_FILE_TEST_IS_DIR))
    {
      g_print ("CROSSCHECK_CORPORA is not set or not a directory: skipped\n");
      return 77;
    }

  bible = g_build_filename (corpora, "bible", NULL);
  darwin_dir = g_build_filename (corpora, "darwin", NULL);
  web = read_corpus (bible, "web-sword2015-66books.txt");
  kjv = read_corpus (bible, "kjv-sword2006.txt");
  darwin = read_corpus (darwin_dir, "origin_1872_6th_ed.body.txt");
  examples = read_examples ();

  print_header ();
  web_quotes = measure_extraction ("WEB", web, lexicon);
  kjv_quotes = measure_extraction ("KJV", kjv, lexicon);
  darwin_quotes = measure_extraction ("Darwin 1872", darwin, lexicon);
  if (examples != NULL)
    example_quotes = measure_extraction ("examples xN", examples, lexicon);
  else
    g_print ("(example articles not found: skipped)\n");

  cc_compare_options_init_default (&options);
  base = read_status ("VmRSS:");
  reset_peak ();
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_pointer (&shared, cc_shared_quotes_unref);
      shared = cc_shared_quotes_find (web_quotes, kjv_quotes, &options, NULL);
      match_best = MIN (match_best, (g_get_monotonic_time () - start) / 1e6);
    }
  peak = read_status ("VmHWM:");
  print_row ("shared quotes WEB vs KJV", strlen (web) + strlen (kjv), match_best,
             peak > base ? peak - base : 0);

  all = cc_shared_quotes_get (shared, &n_shared);
  for (guint i = 0; i < n_shared; i++)
    by_kind[all[i].kind]++;
  g_print ("    %u shared: %u exact, %u partial, %u variant, %u unquoted\n", n_shared,
           by_kind[CC_SHARED_EXACT], by_kind[CC_SHARED_PARTIAL], by_kind[CC_SHARED_VARIANT],
           by_kind[CC_SHARED_UNQUOTED]);

  return 0;
}
