/* bench-project-io.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads and saves a project of 1,000 generated sources of about 800 words each, and prints
 * how long each step takes. Run with `meson test -C build --benchmark --verbose`.
 */

#include <glib/gstdio.h>

#include "cc-project-io.h"

#define N_SOURCES 1000
#define N_WORDS   800
#define N_ROUNDS  5

static const char * const vocabulary[] = {
  "the", "authority", "said", "water", "residents", "minister", "“we", "cannot", "afford",
  "to", "alarm", "households,”", "engineer", "warned", "in", "August", "that", "the",
  "ultraviolet", "unit", "was", "failing;", "Marrowby", "boil-water", "notice", "café",
  "Marrón", "Pätz", "—", "11,000", "£1", "don’t", "residents’", "’90s", "\n\n",
};

static CcProject *
generate_project (void)
{
  CcProject *project = cc_project_new ();
  GRand *rand = g_rand_new_with_seed (2026);

  cc_project_set_title (project, "Benchmark");
  for (guint i = 0; i < N_SOURCES; i++)
    {
      g_autoptr(CcSource) source = cc_source_new ();
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Generated article %u", i);
      g_autoptr(GDateTime) published = g_date_time_new_utc (2026, 1 + i % 12, 1 + i % 28,
                                                             i % 24, 0, 0);

      for (guint w = 0; w < N_WORDS; w++)
        {
          g_string_append (text, vocabulary[g_rand_int_range (rand, 0,
                                                              G_N_ELEMENTS (vocabulary))]);
          g_string_append_c (text, ' ');
        }

      cc_source_set_title (source, title);
      cc_source_set_outlet (source, "Bench Outlet");
      cc_source_set_published (source, published);
      cc_source_set_text (source, text->str);
      cc_source_add_excluded (source, 0, 10);
      cc_project_add_source (project, source);
    }

  g_rand_free (rand);
  return project;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CcProject) project = generate_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.crosscheck", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double save_best = G_MAXDOUBLE, load_best = G_MAXDOUBLE;
  GStatBuf st;

  g_assert_no_error (error);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(CcProject) loaded = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!cc_project_save (project, file, NULL, &error))
        g_error ("%s", error->message);
      save_best = MIN (save_best, (g_get_monotonic_time () - start) / 1e6);

      start = g_get_monotonic_time ();
      loaded = cc_project_load (file, NULL, &error);
      if (loaded == NULL)
        g_error ("%s", error->message);
      load_best = MIN (load_best, (g_get_monotonic_time () - start) / 1e6);

      g_assert_cmpuint (cc_project_get_n_sources (loaded), ==, N_SOURCES);
    }

  g_stat (path, &st);
  g_print ("project of %u sources × %u words, %.1f MB\n",
           N_SOURCES, N_WORDS, st.st_size / 1e6);
  g_print ("save: %.3f s (best of %u)\n", save_best, N_ROUNDS);
  g_print ("load: %.3f s (best of %u)\n", load_best, N_ROUNDS);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
  return 0;
}
