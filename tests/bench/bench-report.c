/* bench-report.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The full-text pair report of long texts, to PDF and HTML: the target is a 1 MB pair to PDF
 * in under 5 s, comparison included. Two pairs: a generated one of two 1 MB texts that differ
 * here and there, and, when the corpora are beside the project, the first and sixth editions of
 * Darwin's Origin of Species (0.9 and 1.25 MB, much rewritten). Prints the time of each step,
 * best of three, and the peak memory; exits 1 if a pair misses the target.
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include "cc-report.h"

#define TARGET_SECONDS 5.0

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* About @bytes of prose-like text in paragraphs; the edited copy changes a word in every
 * twentieth sentence, drops every fifteenth paragraph and adds one of its own every
 * twenty-third. */
static char *
make_text (gsize    bytes,
           gboolean edited)
{
  static const char * const words[] = {
    "the", "water", "authority", "said", "that", "emails", "show", "a", "warning", "about",
    "residents", "of", "Marrowby", "were", "told", "to", "boil", "their", "supply", "months",
    "before", "engineer", "board", "review", "minister", "council", "sensor", "notice", "in",
    "village", "and", "was", "which", "spokesperson", "independent", "replacement",
  };
  GString *text = g_string_sized_new (bytes + 4096);
  GRand *rand = g_rand_new_with_seed (1859);
  guint paragraph = 0, sentence = 0;

  while (text->len < bytes)
    {
      guint n_sentences = g_rand_int_range (rand, 2, 7);
      gboolean dropped = edited && paragraph % 15 == 7;

      if (edited && paragraph % 23 == 11)
        g_string_append (text, "An added paragraph that only the edited copy has, "
                               "as an outlet adds its own reporting.\n\n");

      for (guint s = 0; s < n_sentences; s++, sentence++)
        {
          guint n_words = g_rand_int_range (rand, 8, 28);
          GString *out = dropped ? g_string_new (NULL) : text;

          for (guint w = 0; w < n_words; w++)
            {
              const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

              if (w > 0)
                g_string_append_c (out, ' ');
              if (edited && sentence % 20 == 3 && w == 4)
                g_string_append (out, "differently");
              else if (w == 0)
                {
                  g_string_append_unichar (out, g_unichar_toupper (word[0]));
                  g_string_append (out, word + 1);
                }
              else
                g_string_append (out, word);
            }
          g_string_append (out, ". ");
          if (dropped)
            g_string_free (out, TRUE);
        }
      if (!dropped)
        {
          g_string_truncate (text, text->len - 1);
          g_string_append (text, "\n\n");
        }
      paragraph++;
    }

  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

static CcSource *
new_source (const char *id,
            const char *text)
{
  CcSource *source = cc_source_new ();

  cc_source_set_id (source, id);
  cc_source_set_title (source, id);
  cc_source_set_text (source, text);
  return source;
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static gboolean
run_pair (const char *name,
          const char *text_a,
          const char *text_b)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcSource) a = new_source ("a", text_a);
  g_autoptr(CcSource) b = new_source ("b", text_b);
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-bench-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *html_path = g_build_filename (dir, "report.html", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) html = g_file_new_for_path (html_path);
  double best_compare = G_MAXDOUBLE, best_pdf = G_MAXDOUBLE, best_html = G_MAXDOUBLE;
  double best_total = G_MAXDOUBLE;
  guint pages = 0;
  GStatBuf pdf_stat, html_stat;
  double mb = (strlen (text_a) + strlen (text_b)) / 1e6;

  cc_project_set_title (project, name);
  cc_project_add_source (project, a);
  cc_project_add_source (project, b);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(CcReport) report = NULL;
      g_autoptr(GError) error = NULL;
      double start = now (), compared, written_pdf, written_html;

      report = cc_report_new_pair (project, a, b, NULL, NULL, &error);
      compared = now ();
      if (report == NULL || !cc_report_save (report, pdf, CC_REPORT_FORMAT_PDF, NULL, &error))
        g_error ("%s", error->message);
      written_pdf = now ();
      if (!cc_report_save (report, html, CC_REPORT_FORMAT_HTML, NULL, &error))
        g_error ("%s", error->message);
      written_html = now ();

      best_compare = MIN (best_compare, compared - start);
      best_pdf = MIN (best_pdf, written_pdf - compared);
      best_html = MIN (best_html, written_html - written_pdf);
      best_total = MIN (best_total, written_pdf - start);
      if (round == 0)
        pages = cc_report_paginate (report, cc_report_get_options (report)->page_width,
                                    cc_report_get_options (report)->page_height);
    }

  g_stat (pdf_path, &pdf_stat);
  g_stat (html_path, &html_stat);
  g_print ("%-22s %5.2f MB %7.2f s %7.2f s %7.2f s %7.2f s %6u %6.1f MB %6.1f MB %8.0f MB\n",
           name, mb, best_compare, best_pdf, best_total, best_html, pages,
           pdf_stat.st_size / 1e6, html_stat.st_size / 1e6, peak_rss_mb ());

  g_unlink (pdf_path);
  g_unlink (html_path);
  g_rmdir (dir);

  return best_total < TARGET_SECONDS;
}

int
main (int    argc,
      char **argv)
{
  const char *corpora = g_getenv ("CROSSCHECK_CORPORA");
  g_autofree char *generated_a = make_text (1 << 20, FALSE);
  g_autofree char *generated_b = make_text (1 << 20, TRUE);
  gboolean met = TRUE;

  setlocale (LC_ALL, "");
  g_print ("%-22s %8s %9s %9s %9s %9s %6s %9s %9s %11s\n", "pair", "size", "compare",
           "layout+pdf", "to PDF", "HTML", "pages", "PDF", "HTML", "peak memory");
  met &= run_pair ("generated 1 MB × 2", generated_a, generated_b);

  if (corpora != NULL)
    {
      g_autofree char *path_a = g_build_filename (corpora, "darwin", "origin_1859_1st_ed.body.txt",
                                                  NULL);
      g_autofree char *path_b = g_build_filename (corpora, "darwin", "origin_1872_6th_ed.body.txt",
                                                  NULL);
      g_autofree char *darwin_a = NULL;
      g_autofree char *darwin_b = NULL;

      if (g_file_get_contents (path_a, &darwin_a, NULL, NULL) &&
          g_file_get_contents (path_b, &darwin_b, NULL, NULL))
        met &= run_pair ("Origin 1859 / 1872", darwin_a, darwin_b);
      else
        g_print ("(the Darwin corpus is not at %s)\n", corpora);
    }

  g_print ("(“to PDF” is comparison, layout and writing, the target %.0f s; %u processors)\n",
           TARGET_SECONDS, g_get_num_processors ());
  return met ? 0 : 1;
}
