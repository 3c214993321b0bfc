/* bench-passages.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the passage finder on the corpora in $CROSSCHECK_CORPORA (Darwin's 1859 and 1872
 * editions, King James against World English Bible, two King James editions) and on prose
 * with generated edits, against sim_text -r 8 (Debian's similarity-tester) in the same run
 * where it is installed. Each time is the best of three; the peak memory is that of a child
 * process that reads the two files, tokenizes them and finds their passages once.
 *
 *   bench-passages [--options N,K,P] [--peer-timeout SECONDS]
 *
 * Run with `meson test -C build --benchmark --verbose`. Exits 77 without the corpora.
 */

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cc-passages.h"

#define N_ROUNDS 3

static CcCompareOptions options;
static gint peer_timeout = 60;

typedef struct
{
  const char *name;
  char       *path_a;
  char       *path_b;
  gsize       size;
} Case;

typedef struct
{
  double find;          /* seconds, best of N_ROUNDS */
  double total;         /* tokenizing both texts and finding, best of N_ROUNDS */
  guint  n_passages;
  double coverage_a;
  double coverage_b;
} Timing;

/* Running ours ---------------------------------------------------------------------------- */

static gboolean
run_once (const Case *c,
          double     *find_seconds,
          double     *total_seconds,
          guint      *n_passages,
          double     *coverage_a,
          double     *coverage_b)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) a = NULL;
  g_autoptr(CcText) b = NULL;
  g_autoptr(CcPassages) passages = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  gsize length_a, length_b;
  gint64 start, found;

  if (!g_file_get_contents (c->path_a, &text_a, &length_a, NULL) ||
      !g_file_get_contents (c->path_b, &text_b, &length_b, NULL))
    return FALSE;

  start = g_get_monotonic_time ();
  a = cc_text_new (text_a, length_a, NULL, 0, &options, lexicon);
  b = cc_text_new (text_b, length_b, NULL, 0, &options, lexicon);
  found = g_get_monotonic_time ();
  passages = cc_passages_find (a, b, &options, NULL);
  *find_seconds = (g_get_monotonic_time () - found) / 1e6;
  *total_seconds = (g_get_monotonic_time () - start) / 1e6;

  cc_passages_get (passages, n_passages);
  *coverage_a = cc_passages_get_coverage_a (passages);
  *coverage_b = cc_passages_get_coverage_b (passages);

  return TRUE;
}

static gboolean
time_case (const Case *c,
           Timing     *timing)
{
  timing->find = timing->total = G_MAXDOUBLE;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      double find, total;

      if (!run_once (c, &find, &total, &timing->n_passages, &timing->coverage_a,
                     &timing->coverage_b))
        return FALSE;
      timing->find = MIN (timing->find, find);
      timing->total = MIN (timing->total, total);
    }

  return TRUE;
}

/* The peak resident memory of this process, in bytes, from the kernel's high-water mark. */
static gsize
own_peak_memory (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) * 1024 : 0;
}

/* The peak resident memory, in bytes, of a fresh process (this program again, with
 * --measure) that runs the case once, so that nothing the benchmark itself holds counts. */
static gsize
peak_memory (const Case *c)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *settings = g_strdup_printf ("%u,%u,%u", options.min_passage_words,
                                               options.max_bridged_words, options.min_identity);
  const char *argv[] = { self, "--options", settings, "--measure", c->path_a, c->path_b, NULL };
  g_autofree char *out = NULL;
  int status;

  if (self == NULL ||
      !g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return 0;

  return g_ascii_strtoull (out, NULL, 10);
}

/* sim_text ------------------------------------------------------------------------------- */

/* Seconds sim_text -r 8 takes on the case, best of N_ROUNDS unless a run takes over ten
 * seconds; G_MAXDOUBLE if it outlasts the timeout, a negative number if it fails. */
static double
time_peer (const char *sim_text,
           const Case *c)
{
  double best = G_MAXDOUBLE;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      const char *argv[] = { sim_text, "-r", "8", c->path_a, c->path_b, NULL };
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 deadline = start + (gint64)peer_timeout * G_USEC_PER_SEC;
      double seconds;
      GPid pid;
      int status;

      if (!g_spawn_async (NULL, (char **)argv, NULL,
                          G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                          G_SPAWN_STDERR_TO_DEV_NULL,
                          NULL, NULL, &pid, &error))
        return -1;

      while (waitpid (pid, &status, WNOHANG) == 0)
        {
          if (g_get_monotonic_time () > deadline)
            {
              kill (pid, SIGKILL);
              waitpid (pid, &status, 0);
              g_spawn_close_pid (pid);
              return G_MAXDOUBLE;
            }
          g_usleep (2000);
        }
      g_spawn_close_pid (pid);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        return -1;

      seconds = (g_get_monotonic_time () - start) / 1e6;
      best = MIN (best, seconds);
      if (seconds > 10)
        break;
    }

  return best;
}

/* Generated pairs ------------------------------------------------------------------------ */

/* @base cut to @size bytes at a line end, and an edited copy: one word in fifty deleted, one
 * changed to another word of the text, one inserted, and one line in twenty moved elsewhere.
 * The same every run. */
static void
generate_pair (const char  *base,
               gsize        size,
               char       **a,
               char       **b)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (size);
  g_autoptr(GPtrArray) lines = NULL;
  g_auto(GStrv) split = NULL;
  g_auto(GStrv) words = NULL;
  GString *edited = g_string_new (NULL);
  gsize cut = MIN (size, strlen (base));
  g_autofree char *joined = NULL;
  guint n_words;

  while (cut < strlen (base) && base[cut] != '\n')
    cut++;
  *a = g_strndup (base, cut);

  words = g_strsplit (*a, " ", -1);
  n_words = g_strv_length (words);
  for (guint i = 0; i < n_words; i++)
    {
      gint32 roll = g_rand_int_range (rand, 0, 50);

      if (roll == 0)
        continue;
      if (roll == 1)
        {
          g_string_append (edited, words[g_rand_int_range (rand, 0, n_words)]);
          g_string_append_c (edited, ' ');
        }
      if (roll == 2 && strchr (words[i], '\n') == NULL)
        g_string_append (edited, words[g_rand_int_range (rand, 0, n_words)]);
      else
        g_string_append (edited, words[i]);
      if (i + 1 < n_words)
        g_string_append_c (edited, ' ');
    }

  split = g_strsplit (edited->str, "\n", -1);
  g_string_free (edited, TRUE);
  lines = g_ptr_array_new ();
  for (guint i = 0; split[i] != NULL; i++)
    g_ptr_array_add (lines, split[i]);
  for (guint i = 0; i < lines->len / 20; i++)
    {
      gpointer line = g_ptr_array_steal_index (lines, g_rand_int_range (rand, 0, lines->len));

      g_ptr_array_insert (lines, g_rand_int_range (rand, 0, lines->len + 1), line);
    }
  g_ptr_array_add (lines, NULL);
  *b = g_strjoinv ("\n", (char **)lines->pdata);
}

/* Main ----------------------------------------------------------------------------------- */

static char *
format_size (gsize bytes)
{
  if (bytes >= 1024 * 1024)
    return g_strdup_printf ("%.1f MB", bytes / (1024.0 * 1024.0));
  return g_strdup_printf ("%.0f KB", bytes / 1024.0);
}

static char *
format_seconds (double seconds)
{
  if (seconds == G_MAXDOUBLE)
    return g_strdup_printf (">%d s", peer_timeout);
  if (seconds < 0)
    return g_strdup ("failed");
  if (seconds < 0.1)
    return g_strdup_printf ("%.1f ms", seconds * 1000);
  return g_strdup_printf ("%.2f s", seconds);
}

static gsize
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (gsize)buf.st_size : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the passage finder");
  g_autofree char *settings = NULL;
  gboolean measure = FALSE;
  g_autofree char *sim_text = g_find_program_in_path ("sim_text");
  g_autofree char *tmp = NULL;
  g_autofree char *base = NULL;
  const char *corpora = g_getenv ("CROSSCHECK_CORPORA");
  GOptionEntry entries[] = {
    { "options", 0, 0, G_OPTION_ARG_STRING, &settings,
      "Minimum passage words, bridged words and minimum identity", "N,K,P" },
    { "peer-timeout", 0, 0, G_OPTION_ARG_INT, &peer_timeout,
      "Seconds sim_text may take on a case (default 60)", "SECONDS" },
    { "measure", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &measure,
      "Run on the files A and B once, for the peak memory", NULL },
    { NULL }
  };
  static const gsize generated[] = { 10 * 1024, 100 * 1024, 1024 * 1024, 4 * 1024 * 1024 };
  static const char * const generated_names[] = {
    "edited copy, 10 KB", "edited copy, 100 KB", "edited copy, 1 MB", "edited copy, 4 MB",
  };
  Case cases[3 + G_N_ELEMENTS (generated)];
  guint n_cases = 0;

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

  if (measure)
    {
      Case c = { "measure", argc == 3 ? argv[1] : NULL, argc == 3 ? argv[2] : NULL, 0 };
      double find, total, coverage_a, coverage_b;
      guint n;

      if (c.path_a == NULL || !run_once (&c, &find, &total, &n, &coverage_a, &coverage_b))
        return 1;
      g_print ("%zu\n", own_peak_memory ());
      return 0;
    }

  if (corpora == NULL)
    corpora = "../shared/corpora";

  {
    g_autofree char *darwin_1859 = g_build_filename (corpora, "darwin",
                                                     "origin_1859_1st_ed.body.txt", NULL);
    g_autofree char *darwin_1872 = g_build_filename (corpora, "darwin",
                                                     "origin_1872_6th_ed.body.txt", NULL);
    g_autofree char *kjv = g_build_filename (corpora, "bible", "kjv-brs1769.txt", NULL);
    g_autofree char *kjv_2006 = g_build_filename (corpora, "bible", "kjv-sword2006.txt", NULL);
    g_autofree char *web = g_build_filename (corpora, "bible", "web-sword2015-66books.txt",
                                             NULL);
    g_autofree char *text_1872 = NULL;
    g_autofree char *text_web = NULL;

    if (!g_file_test (darwin_1859, G_FILE_TEST_EXISTS) ||
        !g_file_test (darwin_1872, G_FILE_TEST_EXISTS) ||
        !g_file_test (kjv, G_FILE_TEST_EXISTS) || !g_file_test (kjv_2006, G_FILE_TEST_EXISTS) ||
        !g_file_test (web, G_FILE_TEST_EXISTS))
      {
        g_print ("Corpora not found in %s: skipped\n", corpora);
        return 77;
      }

    cases[n_cases++] = (Case) { "Darwin 1859 vs 1872", g_strdup (darwin_1859),
                                g_strdup (darwin_1872), 0 };
    cases[n_cases++] = (Case) { "KJV vs WEB", g_strdup (kjv), g_strdup (web), 0 };
    cases[n_cases++] = (Case) { "KJV 1769 vs 2006", g_strdup (kjv), g_strdup (kjv_2006), 0 };

    /* Prose for the generated pairs: Darwin, then the World English Bible. */
    if (!g_file_get_contents (darwin_1872, &text_1872, NULL, &error) ||
        !g_file_get_contents (web, &text_web, NULL, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    base = g_strconcat (text_1872, "\n", text_web, NULL);
  }

  tmp = g_dir_make_tmp ("bench-passages-XXXXXX", &error);
  if (tmp == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *name_a = g_strdup_printf ("a-%zu.txt", generated[i]);
      g_autofree char *name_b = g_strdup_printf ("b-%zu.txt", generated[i]);
      Case *c = &cases[n_cases++];

      generate_pair (base, generated[i], &a, &b);
      c->name = generated_names[i];
      c->path_a = g_build_filename (tmp, name_a, NULL);
      c->path_b = g_build_filename (tmp, name_b, NULL);
      if (!g_file_set_contents (c->path_a, a, -1, &error) ||
          !g_file_set_contents (c->path_b, b, -1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  g_clear_pointer (&base, g_free);

  g_print ("Passages: %u pairs; settings: min passage words %u, bridged words %u, min identity "
           "%u %%\n", n_cases, options.min_passage_words, options.max_bridged_words,
           options.min_identity);
  g_print ("Time: tokenizing both texts and finding their passages, best of %u (finding alone "
           "in brackets). Peer: %s\n\n", N_ROUNDS,
           sim_text != NULL ? "sim_text -r 8 A B > /dev/null" : "sim_text not installed");
  g_print ("%-22s %9s %18s %12s %7s %10s %7s %9s %11s\n", "operation", "size", "time",
           "peak memory", "/input", "peer time", "ratio", "passages", "coverage");

  for (guint i = 0; i < n_cases; i++)
    {
      Case *c = &cases[i];
      g_autofree char *size = NULL;
      g_autofree char *memory = NULL;
      g_autofree char *peer = NULL;
      g_autofree char *ratio = NULL;
      g_autofree char *time = NULL;
      double peer_seconds = 0;
      gsize peak;
      Timing timing;

      c->size = file_size (c->path_a) + file_size (c->path_b);
      peak = peak_memory (c);
      if (!time_case (c, &timing))
        {
          g_printerr ("Cannot read %s or %s\n", c->path_a, c->path_b);
          return 1;
        }

      if (sim_text != NULL)
        peer_seconds = time_peer (sim_text, c);

      size = format_size (c->size);
      memory = format_size (peak);
      {
        g_autofree char *total = format_seconds (timing.total);
        g_autofree char *find = format_seconds (timing.find);

        time = g_strdup_printf ("%s (%s)", total, find);
      }
      peer = sim_text != NULL ? format_seconds (peer_seconds) : g_strdup ("-");
      if (sim_text == NULL || peer_seconds < 0)
        ratio = g_strdup ("-");
      else if (peer_seconds == G_MAXDOUBLE)
        ratio = g_strdup_printf (">%.0fx", peer_timeout / timing.total);
      else
        ratio = g_strdup_printf ("%.1fx", peer_seconds / timing.total);

      g_print ("%-22s %9s %18s %12s %6.1fx %10s %7s %9u %5.3f/%5.3f\n", c->name, size, time,
               memory, (double)peak / c->size, peer, ratio, timing.n_passages,
               timing.coverage_a, timing.coverage_b);
    }

  for (guint i = 0; i < n_cases; i++)
    {
      if (g_str_has_prefix (cases[i].path_a, tmp))
        g_unlink (cases[i].path_a);
      if (g_str_has_prefix (cases[i].path_b, tmp))
        g_unlink (cases[i].path_b);
      g_free (cases[i].path_a);
      g_free (cases[i].path_b);
    }
  g_rmdir (tmp);

  return 0;
}
