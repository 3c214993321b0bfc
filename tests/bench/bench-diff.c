/* bench-diff.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the word diff on real and generated pairs of texts, and compares it with
 * `git diff --no-index --word-diff=porcelain --diff-algorithm=histogram` on the same files
 * (and with `crosscheck-cli diff`, once the CLI has that command). Each case runs in a child
 * process, so its peak memory can be measured on its own; each timing is the best of three.
 * Run with `meson test -C build --benchmark diff --verbose`.
 */

#include <glib/gstdio.h>
#include <string.h>

#include "cc-diff.h"

#define N_ROUNDS 3

/* A peer slower than this runs once: its best of three would only take longer to learn. */
#define SLOW_PEER_SECONDS 10.0

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* A field of /proc/self/status, in kB. */
static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  if (line == NULL)
    return 0;
  return strtol (line + strlen (field), NULL, 10);
}

/* The child: tokenize and diff one pair, and report times and the growth of the peak
 * resident set over what the two files alone take. */
static int
run_child (const char *path_a,
           const char *path_b)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize n_a, n_b;
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) text_a = NULL;
  g_autoptr(CcText) text_b = NULL;
  g_autoptr(CcDiff) diff = NULL;
  CcCompareOptions options;
  double start, tokenized, diffed;
  long baseline, peak, before_diff, diff_peak;
  guint n_ops;

  if (!g_file_get_contents (path_a, &a, &n_a, &error) ||
      !g_file_get_contents (path_b, &b, &n_b, &error))
    g_error ("%s", error->message);

  cc_compare_options_init_default (&options);
  baseline = status_kb ("VmRSS:");

  start = now ();
  text_a = cc_text_new (a, n_a, NULL, 0, &options, lexicon);
  text_b = cc_text_new (b, n_b, NULL, 0, &options, lexicon);
  tokenized = now ();
  peak = status_kb ("VmHWM:");

  /* Writing 5 there resets the peak to the current size, so the diff's own peak shows. */
  before_diff = status_kb ("VmRSS:");
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);

  diff = cc_diff_new (text_a, text_b, &options, NULL);
  diffed = now ();
  diff_peak = status_kb ("VmHWM:");

  cc_diff_get_ops (diff, &n_ops);
  g_print ("%f %f %ld %ld %d %u\n", tokenized - start, diffed - tokenized,
           MAX (peak, diff_peak) - baseline, diff_peak - before_diff, cc_diff_is_coarse (diff),
           n_ops);
  return 0;
}

typedef struct
{
  double   tokenize;
  double   diff;
  double   total;
  long     peak_kb;
  long     diff_peak_kb;
  gboolean coarse;
  guint    n_ops;
} Measure;

static void
measure_in_child (const char *self,
                  const char *path_a,
                  const char *path_b,
                  Measure    *best)
{
  best->tokenize = best->diff = best->total = G_MAXDOUBLE;
  best->peak_kb = best->diff_peak_kb = G_MAXLONG;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      const char *argv[] = { self, "--child", path_a, path_b, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      double tokenize, diff;
      long peak_kb, diff_peak_kb;
      int coarse, status;
      guint n_ops;

      if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("benchmark child: %s", error->message);
      if (sscanf (out, "%lf %lf %ld %ld %d %u", &tokenize, &diff, &peak_kb, &diff_peak_kb, &coarse,
                  &n_ops) != 6)
        g_error ("benchmark child said: %s", out);

      best->tokenize = MIN (best->tokenize, tokenize);
      best->diff = MIN (best->diff, diff);
      best->total = MIN (best->total, tokenize + diff);
      best->peak_kb = MIN (best->peak_kb, peak_kb);
      best->diff_peak_kb = MIN (best->diff_peak_kb, diff_peak_kb);
      best->coarse = coarse;
      best->n_ops = n_ops;
    }
}

/* Wall time of a command, best of three (or one run if it is slow); negative if it fails. */
static double
time_command (const char * const *argv)
{
  double best = G_MAXDOUBLE;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      double start = now ();
      int status;

      if (!g_spawn_sync (NULL, (char **)argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                         G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
        return -1;
      /* git diff exits with 1 when the files differ. */
      if (!WIFEXITED (status) || WEXITSTATUS (status) > 1)
        return -1;
      best = MIN (best, now () - start);
      if (best > SLOW_PEER_SECONDS)
        break;
    }

  return best;
}

static gboolean
cli_has_diff (const char *cli)
{
  const char *argv[] = { cli, "diff", "--help", NULL };
  int status;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  if (!g_spawn_sync (NULL, (char **)argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* Generated inputs ------------------------------------------------------------------------- */

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  return contents;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  if (!g_file_set_contents (path, contents, length, &error))
    g_error ("%s", error->message);
  return path;
}

/* The first @size bytes of @text, cut after a line. */
static char *
prefix_of (const char *text,
           gsize       size)
{
  gsize length = strlen (text);
  const char *end;

  if (size >= length)
    return g_strdup (text);
  end = strchr (text + size, '\n');
  return g_strndup (text, end != NULL ? (gsize)(end - text) + 1 : length);
}

/* Random word edits, about one word in @every: deleted, replaced by another word of the text,
 * or preceded by one. */
static char *
edit_words (const char *text,
            GRand      *rand,
            guint       every)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  GString *out = g_string_sized_new (strlen (text) + 64);

  for (guint w = 0; w < n; w++)
    {
      const char *other = words[g_rand_int_range (rand, 0, n)];

      if (w > 0)
        g_string_append_c (out, ' ');
      if (g_rand_int_range (rand, 0, every) != 0)
        {
          g_string_append (out, words[w]);
          continue;
        }
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          break;
        case 1:
          g_string_append (out, other);
          break;
        default:
          g_string_append_printf (out, "%s %s", other, words[w]);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* The words of @text in a random order, twenty to a line: the same vocabulary, unrelated. */
static char *
shuffle_words (const char *text,
               GRand      *rand)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  guint n = g_strv_length (words);
  GString *out = g_string_sized_new (strlen (text) + 64);
  guint written = 0;

  for (guint w = n; w > 1; w--)
    {
      guint other = g_rand_int_range (rand, 0, w);
      char *swap = words[w - 1];

      words[w - 1] = words[other];
      words[other] = swap;
    }
  for (guint w = 0; w < n; w++)
    {
      if (words[w][0] == '\0')
        continue;
      g_string_append (out, words[w]);
      g_string_append_c (out, ++written % 20 == 0 ? '\n' : ' ');
    }

  return g_string_free (out, FALSE);
}

/* The table ------------------------------------------------------------------------------ */

typedef struct
{
  char *name;
  char *path_a;
  char *path_b;
} Case;

static void
add_case (GArray     *cases,
          const char *name,
          const char *path_a,
          const char *path_b)
{
  Case c = { g_strdup (name), g_strdup (path_a), g_strdup (path_b) };

  g_array_append_val (cases, c);
}

static const struct
{
  const char *label;
  gsize       bytes;
} edited_sizes[] = {
  { "10 KB", 10 * 1000 },
  { "100 KB", 100 * 1000 },
  { "1 MB", 1000 * 1000 },
  { "4 MB", 4 * 1000 * 1000 },
};

static void
format_seconds (char   *buffer,
                gsize   size,
                double  seconds)
{
  if (seconds < 0)
    g_strlcpy (buffer, "n/a", size);
  else
    g_snprintf (buffer, size, "%.3f", seconds);
}

int
main (int    argc,
      char **argv)
{
  const char *corpora = g_getenv ("CROSSCHECK_CORPORA");
  const char *cli = g_getenv ("CROSSCHECK_CLI");
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *git = NULL;
  g_autofree char *bible = NULL;
  g_autofree char *darwin = NULL;
  g_autofree char *kjv = NULL;
  g_autofree char *kjv2 = NULL;
  g_autofree char *web = NULL;
  g_autofree char *darwin_1859 = NULL;
  g_autofree char *darwin_1872 = NULL;
  g_autofree char *kjv_text = NULL;
  g_autoptr(GArray) cases = g_array_new (FALSE, FALSE, sizeof (Case));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GError) error = NULL;
  gboolean with_cli;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  if (corpora == NULL || !g_file_test (corpora, G_FILE_TEST_IS_DIR))
    {
      g_print ("no corpora at %s: skipped\n", corpora != NULL ? corpora : "(unset)");
      return 77;
    }

  bible = g_build_filename (corpora, "bible", NULL);
  darwin = g_build_filename (corpora, "darwin", NULL);
  kjv = g_build_filename (bible, "kjv-brs1769.txt", NULL);
  kjv2 = g_build_filename (bible, "kjv-sword2006.txt", NULL);
  web = g_build_filename (bible, "web-sword2015-66books.txt", NULL);
  darwin_1859 = g_build_filename (darwin, "origin_1859_1st_ed.body.txt", NULL);
  darwin_1872 = g_build_filename (darwin, "origin_1872_6th_ed.body.txt", NULL);
  if (!g_file_test (kjv, G_FILE_TEST_EXISTS) || !g_file_test (darwin_1859, G_FILE_TEST_EXISTS))
    {
      g_print ("corpora incomplete at %s: skipped\n", corpora);
      return 77;
    }

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("crosscheck-bench-diff-XXXXXX", &error);
  g_assert_no_error (error);
  git = g_find_program_in_path ("git");
  with_cli = cli_has_diff (cli);

  add_case (cases, "kjv 1769 vs 2006 (near-identical)", kjv, kjv2);
  add_case (cases, "darwin 1859 vs 1872 (revised)", darwin_1859, darwin_1872);
  add_case (cases, "kjv vs web (reworded)", kjv, web);

  /* Unrelated texts of about 4 MB: another book, and the same words in a random order. */
  {
    g_autofree char *one = read_file (darwin_1859);
    g_autofree char *six = read_file (darwin_1872);
    g_autofree char *four = g_strconcat (one, six, one, six, NULL);
    g_autofree char *darwin4 = write_file (dir, "darwin-x4.txt", four, -1);
    g_autofree char *words = read_file (kjv2);
    g_autofree char *shuffled = shuffle_words (words, rand);
    g_autofree char *shuffled_path = write_file (dir, "kjv-shuffled.txt", shuffled, -1);

    add_case (cases, "kjv vs darwin x4 (unrelated)", kjv, darwin4);
    add_case (cases, "kjv vs shuffled kjv (unrelated)", kjv, shuffled_path);
  }

  /* Edited copies: about one word in fifty deleted, replaced or preceded by another. */
  kjv_text = read_file (kjv);
  for (guint s = 0; s < G_N_ELEMENTS (edited_sizes); s++)
    {
      g_autofree char *original = prefix_of (kjv_text, edited_sizes[s].bytes);
      g_autofree char *edited = edit_words (original, rand, 50);
      g_autofree char *name_a = g_strdup_printf ("kjv-%zu.txt", edited_sizes[s].bytes);
      g_autofree char *name_b = g_strdup_printf ("kjv-%zu-edited.txt", edited_sizes[s].bytes);
      g_autofree char *path_a = write_file (dir, name_a, original, -1);
      g_autofree char *path_b = write_file (dir, name_b, edited, -1);
      g_autofree char *name = g_strdup_printf ("kjv %s + 2%% word edits", edited_sizes[s].label);

      add_case (cases, name, path_a, path_b);
    }

  g_print ("word diff: tokenize + diff in process (best of %u, a child process per run)\n"
           "peak = growth of the peak RSS over the loaded files (x input size); diff peak = the "
           "same for cc_diff_new alone\n", N_ROUNDS);
  g_print ("git = git diff --no-index --word-diff=porcelain --diff-algorithm=histogram%s "
           "(run once when slower than %.0f s)\n",
           git == NULL ? " (git not found: skipped)" : "", SLOW_PEER_SECONDS);
  g_print ("cli = crosscheck-cli diff A B%s\n\n",
           with_cli ? "" : " (no diff command in this crosscheck-cli: skipped)");
  g_print ("%-34s %7s %8s %6s %6s %12s %12s %6s %7s %7s %7s %7s %7s\n",
           "operation", "size MB", "tokenize", "diff", "total", "peak MB", "diff peak", "coarse",
           "git", "tot/git", "dif/git", "cli", "cli/git");

  for (guint c = 0; c < cases->len; c++)
    {
      Case *test = &g_array_index (cases, Case, c);
      GStatBuf st_a, st_b;
      Measure m;
      double git_time = -1, cli_time = -1, input_mb;
      char git_text[16], cli_text[16], ratio[16], diff_ratio[16], cli_ratio[16];
      char peak[24], diff_peak[24];

      g_stat (test->path_a, &st_a);
      g_stat (test->path_b, &st_b);
      input_mb = (st_a.st_size + st_b.st_size) / 1e6;

      measure_in_child (self, test->path_a, test->path_b, &m);
      if (git != NULL)
        {
          const char *git_argv[] = { git, "diff", "--no-index", "--word-diff=porcelain",
                                     "--diff-algorithm=histogram", test->path_a, test->path_b,
                                     NULL };

          git_time = time_command (git_argv);
        }
      if (with_cli)
        {
          const char *cli_argv[] = { cli, "diff", test->path_a, test->path_b, NULL };

          cli_time = time_command (cli_argv);
        }

      format_seconds (git_text, sizeof git_text, git_time);
      format_seconds (cli_text, sizeof cli_text, cli_time);
      g_snprintf (ratio, sizeof ratio, git_time > 0 ? "%.2f" : "n/a", m.total / git_time);
      g_snprintf (diff_ratio, sizeof diff_ratio, git_time > 0 ? "%.2f" : "n/a",
                  m.diff / git_time);
      g_snprintf (cli_ratio, sizeof cli_ratio, git_time > 0 && cli_time > 0 ? "%.2f" : "n/a",
                  cli_time / git_time);
      g_snprintf (peak, sizeof peak, "%.1f (%.1fx)", m.peak_kb / 1e3,
                  m.peak_kb / 1e3 / input_mb);
      g_snprintf (diff_peak, sizeof diff_peak, "%.1f (%.1fx)", m.diff_peak_kb / 1e3,
                  m.diff_peak_kb / 1e3 / input_mb);

      g_print ("%-34s %7.2f %8.3f %6.3f %6.3f %12s %12s %6s %7s %7s %7s %7s %7s\n",
               test->name, input_mb, m.tokenize, m.diff, m.total, peak, diff_peak,
               m.coarse ? "yes" : "no", git_text, ratio, diff_ratio, cli_text, cli_ratio);
    }

  for (guint c = 0; c < cases->len; c++)
    {
      Case *test = &g_array_index (cases, Case, c);

      if (g_str_has_prefix (test->path_b, dir))
        g_unlink (test->path_b);
      if (g_str_has_prefix (test->path_a, dir))
        g_unlink (test->path_a);
      g_free (test->name);
      g_free (test->path_a);
      g_free (test->path_b);
    }
  g_rmdir (dir);

  return 0;
}
