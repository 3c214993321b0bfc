/* test-report.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "cc-comparison.h"
#include "cc-matrix.h"
#include "cc-report.h"
#include "report-test-util.h"

/* The report renderer, as the print dialog, export and the command line use it: the PDFs
 * are read back with poppler's pdfinfo and pdftotext, the HTML with libxml2. */

typedef struct
{
  CcProject *project;
  CcSource  *a;
  CcSource  *b;
} Example;

static void
example_init (Example *example)
{
  example->project = report_test_load_example ();
  example->a = cc_project_find_source (example->project, "wire-digest");
  example->b = cc_project_find_source (example->project, "harbour-gazette");
  g_assert_nonnull (example->a);
  g_assert_nonnull (example->b);
}

static void
example_clear (Example *example)
{
  g_clear_object (&example->project);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Example, example_clear)

static CcSource *
new_source (const char *id,
            const char *text)
{
  CcSource *source = cc_source_new ();

  cc_source_set_id (source, id);
  cc_source_set_text (source, text);
  return source;
}

/* A project of two sources, "a" and "b", with these texts. */
static CcProject *
new_pair_project (const char *title,
                  const char *text_a,
                  const char *text_b)
{
  CcProject *project = cc_project_new ();
  g_autoptr(CcSource) a = new_source ("a", text_a);
  g_autoptr(CcSource) b = new_source ("b", text_b);

  cc_project_set_title (project, title);
  cc_project_add_source (project, a);
  cc_project_add_source (project, b);
  return project;
}

static CcReport *
new_pair_report (CcProject             *project,
                 CcSource              *a,
                 CcSource              *b,
                 const CcReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  CcReport *report = cc_report_new_pair (project, a, b, options, NULL, &error);

  g_assert_no_error (error);
  return report;
}

/* The pair report of the two sources of new_pair_project(). */
static CcReport *
new_ab_report (CcProject             *project,
               const CcReportOptions *options)
{
  return new_pair_report (project, cc_project_get_source (project, 0),
                          cc_project_get_source (project, 1), options);
}

static CcReport *
new_project_report (CcProject *project)
{
  g_autoptr(GError) error = NULL;
  CcReport *report = cc_report_new_project (project, NULL, NULL, &error);

  g_assert_no_error (error);
  return report;
}

static char *
save (CcReport       *report,
      const char     *name,
      CcReportFormat  format)
{
  g_autofree char *path = report_test_tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_report_save (report, file, format, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is missing from the report", needle);
}

/* Looks for @needle with white space left out of both, as a table cell may break it. */
static void
assert_contains_squeezed (const char *haystack,
                          const char *needle)
{
  g_autofree char *squeezed_haystack = report_test_squeeze (haystack);
  g_autofree char *squeezed_needle = report_test_squeeze (needle);

  if (strstr (squeezed_haystack, squeezed_needle) == NULL)
    g_error ("“%s” is missing from the report", needle);
}

static void
assert_page_numbers (const char *pdf,
                     guint       n_pages)
{
  guint samples[] = { 1, (n_pages + 1) / 2, n_pages };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *text = report_test_pdftotext (pdf, samples[i], samples[i]);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", samples[i], n_pages);

      assert_contains (text, number);
    }
}

/* Fonts are embedded in the PDF, every one. */
static void
assert_fonts_embedded (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *fonts = report_test_run (argv, NULL, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >, 3);
  for (guint i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++)
    if (strstr (lines[i], " yes yes yes ") == NULL)
      g_error ("a font is not embedded: %s", lines[i]);
}

/* The pair report ------------------------------------------------------------------------ */

static void
assert_pair_content (const char *text,
                     Example    *example,
                     CcReport   *report)
{
  g_autoptr(CcComparison) comparison = NULL;
  const CcComparisonStats *stats;
  const CcSharedQuote *shared;
  CcCompareOptions compare;
  guint n_shared;
  CcSource *sources[] = { example->a, example->b };

  assert_contains (text, "The Marrowby water emails");
  assert_contains (text, "Wire Digest and The Harbour Gazette");
  assert_contains (text, "full texts");
  for (guint i = 0; i < 2; i++)
    {
      assert_contains_squeezed (text, cc_source_get_title (sources[i]));
      assert_contains (text, cc_source_get_outlet (sources[i]));
      assert_contains (text, cc_source_get_author (sources[i]));
      assert_contains_squeezed (text, cc_source_get_url (sources[i]));
    }
  assert_contains (text, "13 March 2026, 15:20");
  assert_contains (text, "13 March 2026, 19:45");

  /* The statistics are the engine's. */
  cc_compare_options_from_settings (&compare, cc_project_get_settings (example->project));
  comparison = cc_comparison_new (example->a, example->b, &compare, NULL);
  stats = cc_comparison_get_stats (comparison);
  {
    g_autofree char *words = g_strdup_printf ("Words %u %u", stats->a_words, stats->b_words);
    g_autofree char *coverage = g_strdup_printf ("Share found in the other source %.0f %% %.0f %%",
                                                 stats->coverage_a * 100,
                                                 stats->coverage_b * 100);
    g_autofree char *changed = g_strdup_printf ("Words changed %u %u", stats->changed_a,
                                                stats->changed_b);
    g_autofree char *passages = g_strdup_printf ("Shared passages %u", stats->passages);
    g_autofree char *quotes = g_strdup_printf ("%u exact, %u partial, %u variant, %u not quoted",
                                               stats->shared_quotes[CC_SHARED_EXACT],
                                               stats->shared_quotes[CC_SHARED_PARTIAL],
                                               stats->shared_quotes[CC_SHARED_VARIANT],
                                               stats->shared_quotes[CC_SHARED_UNQUOTED]);
    assert_contains_squeezed (text, words);
    assert_contains_squeezed (text, coverage);
    assert_contains_squeezed (text, changed);
    assert_contains_squeezed (text, passages);
    assert_contains (text, quotes);
  }

  /* Every shared quotation, as each source words it. */
  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  g_assert_cmpuint (n_shared, >, 0);
  for (guint i = 0; i < n_shared; i++)
    {
      g_autofree char *a = cc_text_dup_span (cc_comparison_get_text_a (comparison),
                                             shared[i].a.start, shared[i].a.end);
      g_autofree char *b = cc_text_dup_span (cc_comparison_get_text_b (comparison),
                                             shared[i].b.start, shared[i].b.end);

      assert_contains_squeezed (text, a);
      assert_contains_squeezed (text, b);
    }
}

static void
test_pair_pdf (void)
{
  g_auto(Example) example = { 0 };
  g_autoptr(CcReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;
  g_autofree char *title = NULL;
  const CcReportOptions *options;
  guint n_pages;

  if (!report_test_require_tools ())
    return;

  example_init (&example);
  report = new_pair_report (example.project, example.a, example.b, NULL);
  g_assert_cmpint (cc_report_get_kind (report), ==, CC_REPORT_PAIR);
  options = cc_report_get_options (report);
  g_assert_true (options->full_texts);

  pdf = save (report, "pair.pdf", CC_REPORT_FORMAT_PDF);

  /* The pages the PDF has are the pages the renderer counts, on A4. */
  n_pages = report_test_pdf_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (cc_report_paginate (report, options->page_width, options->page_height), ==,
                    n_pages);
  size = report_test_pdfinfo (pdf, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));
  title = report_test_pdfinfo (pdf, "Title");
  g_assert_cmpstr (title, ==, cc_report_get_title (report));
  g_free (report_test_pdfinfo (pdf, "CreationDate"));

  assert_fonts_embedded (pdf);

  text = report_test_pdftotext (pdf, 0, 0);
  assert_pair_content (text, &example, report);
  assert_page_numbers (pdf, n_pages);

  /* Every word of both texts, in order: nothing clipped, nothing lost. */
  report_test_assert_words_in_order (cc_source_get_text (example.a), -1, text, "source A");
  report_test_assert_words_in_order (cc_source_get_text (example.b), -1, text, "source B");
  report_test_assert_no_overprint (pdf);
}

/* The page header names the project and both sources on every page. */
static void
test_pair_running_header (void)
{
  g_auto(Example) example = { 0 };
  g_autoptr(CcReport) report = NULL;
  g_autofree char *pdf = NULL;
  guint n_pages;

  if (!report_test_require_tools ())
    return;

  example_init (&example);
  report = new_pair_report (example.project, example.a, example.b, NULL);
  pdf = save (report, "running.pdf", CC_REPORT_FORMAT_PDF);
  n_pages = report_test_pdf_pages (pdf);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = report_test_pdftotext (pdf, page, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      assert_contains (text, "The Marrowby water emails");
      assert_contains (text, "A Wire Digest");
      assert_contains (text, "B The Harbour Gazette");
      assert_contains (text, number);
    }
}

/* Differences only: the changed words stay with a few words around them, and long unchanged
 * stretches go. */
static void
test_pair_differences (void)
{
  g_autoptr(CcProject) project = NULL;
  g_autoptr(CcReport) report = NULL;
  g_autoptr(GString) text_a = g_string_new (NULL);
  g_autoptr(GString) text_b = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *all = NULL;
  const char *text;
  CcReportOptions options;

  if (!report_test_require_tools ())
    return;

  /* Two hundred distinct words; B changes the hundredth. */
  for (guint i = 0; i < 200; i++)
    {
      g_string_append_printf (text_a, "%sword%03u", i > 0 ? " " : "", i);
      if (i == 100)
        g_string_append (text_b, " replacement");
      else
        g_string_append_printf (text_b, "%sword%03u", i > 0 ? " " : "", i);
    }
  project = new_pair_project ("Context", text_a->str, text_b->str);

  cc_report_options_init_default (&options);
  options.full_texts = FALSE;
  options.context_words = 3;
  report = new_ab_report (project, &options);
  pdf = save (report, "differences.pdf", CC_REPORT_FORMAT_PDF);
  all = report_test_pdftotext (pdf, 0, 0);
  assert_contains (all, "differences with 3 words of context");

  /* The passages table quotes the start of the shared text; the texts come after it. */
  text = strstr (all, "The differences side by side");
  g_assert_nonnull (text);
  assert_contains (text, "word100");
  assert_contains (text, "replacement");
  for (guint i = 97; i <= 103; i++)
    {
      g_autofree char *word = g_strdup_printf ("word%03u", i);
      assert_contains (text, word);
    }
  g_assert_null (strstr (text, "word096"));
  g_assert_null (strstr (text, "word104"));
  g_assert_null (strstr (text, "word050"));
  g_assert_null (strstr (text, "word000"));
  assert_contains (text, "97 unchanged words left out");
  assert_contains (text, "96 unchanged words left out");
}

/* Pixels of a page rendered by poppler, and whether any has colour. */
static gboolean
page_has_colour (const char *pdf,
                 guint       page)
{
  g_autofree char *prefix = report_test_tmp_path ("colour");
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *png = g_strdup_printf ("%s.png", prefix);
  const char *argv[] = { "pdftoppm", "-r", "36", "-f", number, "-l", number, "-singlefile",
                         "-png", pdf, prefix, NULL };
  g_autofree char *out = report_test_run (argv, NULL, NULL);
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  gboolean colour = FALSE;
  guchar *data;
  int stride;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < cairo_image_surface_get_height (image) && !colour; y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      {
        guint32 pixel = *(guint32 *)(data + y * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        /* Anti-aliasing greys stay grey; a tint or a coloured line does not. */
        if (ABS (r - g) > 12 || ABS (g - b) > 12 || ABS (r - b) > 12)
          {
            colour = TRUE;
            break;
          }
      }
  cairo_surface_destroy (image);

  return colour;
}

static void
test_pair_monochrome (void)
{
  g_auto(Example) example = { 0 };
  g_autoptr(CcReport) colour = NULL;
  g_autoptr(CcReport) mono = NULL;
  g_autofree char *colour_pdf = NULL;
  g_autofree char *mono_pdf = NULL;
  CcReportOptions options;
  guint n_pages;

  if (!report_test_require_tools ())
    return;

  example_init (&example);
  cc_report_options_init_default (&options);
  colour = new_pair_report (example.project, example.a, example.b, &options);
  options.monochrome = TRUE;
  mono = new_pair_report (example.project, example.a, example.b, &options);

  colour_pdf = save (colour, "colour.pdf", CC_REPORT_FORMAT_PDF);
  mono_pdf = save (mono, "mono.pdf", CC_REPORT_FORMAT_PDF);
  n_pages = report_test_pdf_pages (mono_pdf);
  g_assert_cmpuint (n_pages, ==, report_test_pdf_pages (colour_pdf));

  /* The last page holds highlighted text. */
  g_assert_true (page_has_colour (colour_pdf, n_pages));
  for (guint page = 1; page <= n_pages; page++)
    g_assert_false (page_has_colour (mono_pdf, page));
}

/* Paper and orientation come from the options for PDF, and from the caller for printing. */
static void
test_pair_paper (void)
{
  g_auto(Example) example = { 0 };
  g_autoptr(CcReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  CcReportOptions options;
  guint portrait, landscape;

  if (!report_test_require_tools ())
    return;

  example_init (&example);
  cc_report_options_init_default (&options);
  cc_report_options_set_paper (&options, CC_REPORT_PAPER_LETTER, TRUE);
  report = new_pair_report (example.project, example.a, example.b, &options);
  pdf = save (report, "letter.pdf", CC_REPORT_FORMAT_PDF);

  size = report_test_pdfinfo (pdf, "Page size");
  g_assert_true (g_str_has_prefix (size, "792 x 612 pts"));
  text = report_test_pdftotext (pdf, 0, 0);
  report_test_assert_words_in_order (cc_source_get_text (example.a), -1, text, "source A");
  report_test_assert_words_in_order (cc_source_get_text (example.b), -1, text, "source B");
  report_test_assert_no_overprint (pdf);

  /* Short wide pages hold less than tall ones. */
  portrait = cc_report_paginate (report, 612, 792);
  landscape = cc_report_paginate (report, 792, 612);
  g_assert_cmpuint (landscape, >, portrait);
  g_assert_cmpuint (landscape, ==, report_test_pdf_pages (pdf));
}

/* Drawing onto any cairo_t, as GtkPrintOperation's draw-page does. */
static void
test_pair_draw_page (void)
{
  g_auto(Example) example = { 0 };
  g_autoptr(CcReport) report = NULL;
  guint n_pages;

  example_init (&example);
  report = new_pair_report (example.project, example.a, example.b, NULL);
  g_assert_cmpuint (cc_report_get_n_pages (report), ==, 0);

  n_pages = cc_report_paginate (report, 612, 792);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (cc_report_get_n_pages (report), ==, n_pages);

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
      cairo_t *cr = cairo_create (surface);
      guint inked = 0, inked_margin = 0;
      guchar *data;
      int stride;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cc_report_draw_page (report, cr, page);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 792; y++)
        for (int x = 0; x < 612; x++)
          if ((*(guint32 *)(data + y * stride + 4 * x) & 0xffffff) != 0xffffff)
            {
              inked++;
              /* Nothing is drawn in the side margins. */
              if (x < 40 || x >= 612 - 40)
                inked_margin++;
            }
      cairo_surface_destroy (surface);

      g_assert_cmpuint (inked, >, 5000);
      g_assert_cmpuint (inked_margin, ==, 0);
    }
}

/* Right-to-left and CJK text, with the fonts for them embedded. */
static void
test_pair_scripts (void)
{
  g_autoptr(CcProject) project = NULL;
  g_autoptr(CcReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  const char *hebrew_a = "שלום עולם, זהו מאמר בעברית על מים נקיים בעיר.";
  const char *hebrew_b = "שלום עולם, זהו מאמר בעברית על מים מזוהמים בעיר.";
  const char *arabic_a = "مرحبا بالعالم، هذا مقال باللغة العربية عن المياه النظيفة.";
  const char *arabic_b = "مرحبا بالعالم، هذا مقال باللغة العربية عن المياه الملوثة.";
  const char *chinese_a = "水务局局长早在八月就知道风险。居民被要求把自来水煮沸。";
  const char *chinese_b = "水务局局长在十月才知道风险。居民被要求把自来水煮沸。";
  g_autofree char *text_a = g_strdup_printf ("Scripts\n\n%s\n\n%s\n\n%s\n\nThe end.\n",
                                             hebrew_a, arabic_a, chinese_a);
  g_autofree char *text_b = g_strdup_printf ("Scripts\n\n%s\n\n%s\n\n%s\n\nThe end, updated.\n",
                                             hebrew_b, arabic_b, chinese_b);

  if (!report_test_require_tools ())
    return;

  project = new_pair_project ("Scripts", text_a, text_b);
  cc_source_set_language (cc_project_get_source (project, 1), "he");

  report = new_ab_report (project, NULL);
  pdf = save (report, "scripts.pdf", CC_REPORT_FORMAT_PDF);
  text = report_test_pdftotext_reading (pdf);

  report_test_assert_words_anywhere (hebrew_a, text, "Hebrew of A");
  report_test_assert_words_anywhere (hebrew_b, text, "Hebrew of B");
  report_test_assert_words_anywhere (arabic_a, text, "Arabic of A");
  report_test_assert_words_anywhere (arabic_b, text, "Arabic of B");
  squeezed = report_test_squeeze (text);
  assert_contains (squeezed, chinese_a);
  assert_contains (squeezed, chinese_b);
  assert_fonts_embedded (pdf);
  report_test_assert_no_overprint (pdf);
}

/* Long texts ------------------------------------------------------------------------------ */

static char *
long_text (gboolean edited)
{
  static const char * const vocabulary[] = {
    "harbour", "water", "authority", "emails", "warning", "residents", "engineer", "board",
    "review", "minister", "council", "supply", "works", "sensor", "notice", "village",
  };
  GString *text = g_string_new ("A long report\n\n");
  guint32 seed = 7;

  for (guint p = 0; p < 120; p++)
    {
      /* Paragraph 40 is one long run of words, to split over several pages; A alone has
       * paragraphs 60 to 69, and B alone 90 to 94. */
      guint words = p == 40 ? 2600 : 30 + p % 50;

      if (edited && p >= 60 && p < 70)
        continue;
      if (!edited && p >= 90 && p < 95)
        continue;

      for (guint w = 0; w < words; w++)
        {
          seed = seed * 1103515245 + 12345;
          if (w > 0)
            g_string_append_c (text, ' ');
          if (edited && p % 7 == 3 && w % 11 == 5)
            g_string_append (text, "changed");
          else if (w % 9 == 0)
            g_string_append_printf (text, "p%uw%u", p, w);
          else
            g_string_append (text, vocabulary[(seed >> 16) % G_N_ELEMENTS (vocabulary)]);
        }
      g_string_append (text, ".\n\n");
    }

  return g_string_free (text, FALSE);
}

static void
test_long_texts (void)
{
  g_autoptr(CcProject) project = NULL;
  g_autoptr(CcReport) report = NULL;
  g_autofree char *text_a = long_text (FALSE);
  g_autofree char *text_b = long_text (TRUE);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  if (!report_test_require_tools ())
    return;

  project = new_pair_project ("Long", text_a, text_b);
  report = new_ab_report (project, NULL);
  pdf = save (report, "long.pdf", CC_REPORT_FORMAT_PDF);
  n_pages = report_test_pdf_pages (pdf);
  g_assert_cmpuint (n_pages, >, 20);

  text = report_test_pdftotext (pdf, 0, 0);
  report_test_assert_words_in_order (text_a, -1, text, "long A");
  report_test_assert_words_in_order (text_b, -1, text, "long B");
  assert_page_numbers (pdf, n_pages);
  report_test_assert_no_overprint (pdf);
}

/* The project report ----------------------------------------------------------------------- */

static void
test_project_pdf (void)
{
  g_autoptr(CcProject) project = report_test_load_example ();
  g_autoptr(CcReport) report = NULL;
  g_autoptr(CcMatrix) matrix = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  CcCompareOptions compare;
  guint n_pages, n;

  if (!report_test_require_tools ())
    return;

  report = new_project_report (project);
  g_assert_cmpint (cc_report_get_kind (report), ==, CC_REPORT_PROJECT);
  g_assert_cmpstr (cc_report_get_title (report), ==, "The Marrowby water emails");
  pdf = save (report, "project.pdf", CC_REPORT_FORMAT_PDF);
  n_pages = report_test_pdf_pages (pdf);
  text = report_test_pdftotext (pdf, 0, 0);
  squeezed = report_test_squeeze (text);

  assert_contains (text, "PROJECT REPORT");
  assert_contains (text, "The Marrowby water emails");
  assert_contains (text, "Five outlets report the leaked Kessel Valley Water Authority emails");
  n = cc_project_get_n_sources (project);
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      CcSource *source = cc_project_get_source (project, i);

      assert_contains_squeezed (text, cc_source_get_title (source));
      assert_contains (text, cc_source_get_outlet (source));
      assert_contains (text, cc_source_get_author (source));
      assert_contains (text, cc_source_get_id (source));
      assert_contains_squeezed (text, cc_source_get_url (source));
    }

  /* The heat map's cells, row by row, are the matrix's. */
  cc_compare_options_from_settings (&compare, cc_project_get_settings (project));
  matrix = cc_matrix_new (project, &compare, NULL, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      for (guint j = 0; j < n; j++)
        {
          const CcMatrixCell *cell = cc_matrix_get_cell (matrix, i, j);

          if (i == j)
            g_string_append (row, "—");
          else
            g_string_append_printf (row, "%.0f%%%uquotation%s", cell->coverage * 100,
                                    cell->shared_quotes, cell->shared_quotes == 1 ? "" : "s");
        }
      assert_contains (squeezed, row->str);
    }

  /* The tracker: the quotation every outlet carries, first published by the wire. */
  assert_contains (text, "Quotation tracker");
  assert_contains_squeezed (text, "“We cannot afford to alarm eleven thousand households over a "
                                  "sensor that may simply be faulty, so this stays between us "
                                  "until the spring.”");
  assert_contains_squeezed (text, "— Graham Ledwith");
  assert_contains (text, "(not quoted)");
  assert_contains_squeezed (text, "Earliest");
  assert_page_numbers (pdf, n_pages);
  report_test_assert_no_overprint (pdf);
}

/* HTML -------------------------------------------------------------------------------------- */

static char *
html_of (CcReport *report)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_report_write_html (report, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Parses the HTML as XML: it must be well-formed, which also proves it escaped. */
static xmlDoc *
parse_html (const char *html)
{
  xmlDoc *doc = xmlReadMemory (html, strlen (html), "report.html", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  if (doc == NULL)
    g_error ("the HTML is not well-formed: %s", xmlGetLastError ()->message);
  return doc;
}

static char *
xpath_text (xmlDoc     *doc,
            const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *)expression, context);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_string_append (text, (const char *)content);
      g_string_append_c (text, '\n');
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return g_string_free (text, FALSE);
}

static void
test_pair_html (void)
{
  g_auto(Example) example = { 0 };
  g_autoptr(CcReport) report = NULL;
  g_autofree char *html = NULL;
  g_autofree char *all = NULL;
  g_autofree char *side_a = NULL;
  g_autofree char *side_b = NULL;
  g_autofree char *title = NULL;
  g_autofree char *style = NULL;
  xmlDoc *doc;

  example_init (&example);
  report = new_pair_report (example.project, example.a, example.b, NULL);
  html = html_of (report);

  /* Self-contained: its style inline, nothing fetched, no script; readable on a phone. */
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "src="));
  assert_contains (html, "<meta name=\"viewport\" "
                         "content=\"width=device-width, initial-scale=1\"/>");
  assert_contains (html, "@media (max-width:");

  doc = parse_html (html);
  title = xpath_text (doc, "//*[local-name()='title']");
  g_assert_cmpstr (g_strstrip (title), ==, cc_report_get_title (report));
  style = xpath_text (doc, "//*[local-name()='style']");
  g_assert_cmpuint (strlen (style), >, 1000);

  all = xpath_text (doc, "//*[local-name()='main']");
  assert_pair_content (all, &example, report);

  /* Each side's column holds its source's every word, in order. */
  side_a = xpath_text (doc, "//*[local-name()='div'][@class='t'][starts-with(@data-side,'A')]");
  side_b = xpath_text (doc, "//*[local-name()='div'][@class='t'][starts-with(@data-side,'B')]");
  report_test_assert_words_in_order (cc_source_get_text (example.a), -1, side_a, "HTML A");
  report_test_assert_words_in_order (cc_source_get_text (example.b), -1, side_b, "HTML B");

  /* The highlights are there, and the legend names them. */
  assert_contains (html, "<span class=\"qex\">");
  assert_contains (html, "<span class=\"del\">");
  assert_contains (html, "<span class=\"ins\">");
  assert_contains (all, "Boilerplate");

  /* The HTML parser reads it too. */
  {
    htmlDocPtr html_doc = htmlReadMemory (html, strlen (html), "report.html", "UTF-8",
                                          HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING);
    g_assert_nonnull (html_doc);
    xmlFreeDoc (html_doc);
  }

  xmlFreeDoc (doc);
}

static void
test_project_html (void)
{
  g_autoptr(CcProject) project = report_test_load_example ();
  g_autoptr(CcReport) report = NULL;
  g_autofree char *html = NULL;
  g_autofree char *all = NULL;
  xmlDoc *doc;

  report = new_project_report (project);
  html = html_of (report);
  doc = parse_html (html);
  all = xpath_text (doc, "//*[local-name()='main']");

  for (guint i = 0; i < cc_project_get_n_sources (project); i++)
    {
      CcSource *source = cc_project_get_source (project, i);

      assert_contains (all, cc_source_get_title (source));
      assert_contains (all, cc_source_get_url (source));
      assert_contains (all, cc_source_get_author (source));
    }
  assert_contains (all, "How much the sources share");
  assert_contains (all, "“We cannot afford to alarm eleven thousand households");
  assert_contains (all, "Earliest");
  assert_contains (html, "<table class=\"heat\">");
  xmlFreeDoc (doc);
}

/* Markup in a project's text comes out as text. */
static void
test_html_escaping (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcSource) a = cc_source_new ();
  g_autoptr(CcSource) b = cc_source_new ();
  g_autoptr(CcReport) report = NULL;
  g_autofree char *html = NULL;
  g_autofree char *all = NULL;
  xmlDoc *doc;

  cc_project_set_title (project, "Tags <script>alert(1)</script> & “quotes”");
  cc_source_set_id (a, "a");
  cc_source_set_title (a, "<b>Bold</b> & 'single' \"double\"");
  cc_source_set_url (a, "https://example.org/?a=1&b=\"2\"");
  cc_source_set_text (a, "Text with <i>markup</i> & an ampersand.\n\n<![CDATA[x]]> ]]>");
  cc_source_set_id (b, "b");
  cc_source_set_text (b, "Other text with <i>markup</i> & more.");
  cc_project_add_source (project, a);
  cc_project_add_source (project, b);

  report = new_pair_report (project, a, b, NULL);
  html = html_of (report);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<i>"));

  doc = parse_html (html);
  all = xpath_text (doc, "//*[local-name()='main']");
  assert_contains (all, "Tags <script>alert(1)</script> & “quotes”");
  assert_contains (all, "<b>Bold</b> & 'single' \"double\"");
  assert_contains (all, "https://example.org/?a=1&b=\"2\"");
  assert_contains (all, "<![CDATA[x]]> ]]>");
  xmlFreeDoc (doc);
}

/* A variant quotation shows the words in which its two wordings differ. */
static void
test_pair_variant (void)
{
  g_autoptr(CcProject) project = report_test_load_example ();
  g_autoptr(CcReport) report = NULL;
  g_autofree char *html = NULL;
  g_autofree char *quotations = NULL;
  xmlDoc *doc;

  report = new_pair_report (project, cc_project_find_source (project, "wire-digest"),
                            cc_project_find_source (project, "northern-ledger"), NULL);
  html = html_of (report);
  doc = parse_html (html);
  quotations = xpath_text (doc, "//*[@id='quotations']"
                                "/following-sibling::*[local-name()='div'][1]"
                                "//*[local-name()='span'][@class='chg']");
  xmlFreeDoc (doc);

  /* “We cannot afford to alarm … that may simply be faulty” against “to frighten … that might
   * simply be faulty”: the changed words, and only they. */
  g_assert_cmpstr (quotations, ==, "alarm\nmay\nfrighten\nmight\n");
}

/* A text wrapped by hand at a fixed width has its lines joined into paragraphs, which the
 * narrower columns wrap anew; a text with a line to each paragraph keeps its lines. */
static char *
hard_wrapped (const char *changed)
{
  GString *text = g_string_new (NULL);

  for (guint p = 0; p < 6; p++)
    {
      guint column = 0;

      for (guint w = 0; w < 90; w++)
        {
          g_autofree char *word = p == 3 && w == 40 && changed != NULL
                                  ? g_strdup (changed) : g_strdup_printf ("w%uo%u", p, w);

          if (column + strlen (word) + 1 > 64)
            {
              g_string_append_c (text, '\n');
              column = 0;
            }
          else if (w > 0)
            {
              g_string_append_c (text, ' ');
              column++;
            }
          g_string_append (text, word);
          column += strlen (word);
        }
      g_string_append (text, "\n\n");
    }

  return g_string_free (text, FALSE);
}

static void
test_pair_hard_wrapped (void)
{
  g_autoptr(CcProject) project = NULL;
  g_autoptr(CcReport) report = NULL;
  g_autofree char *text_a = hard_wrapped (NULL);
  g_autofree char *text_b = hard_wrapped ("altered");
  g_autofree char *html = NULL;
  g_autofree char *side_a = NULL;
  g_autofree char *side_b = NULL;
  xmlDoc *doc;

  project = new_pair_project ("Wrapped", text_a, text_b);
  g_assert_nonnull (strstr (text_a, "\nw0o"));

  report = new_ab_report (project, NULL);
  html = html_of (report);
  doc = parse_html (html);
  side_a = xpath_text (doc, "//*[local-name()='div'][@class='t'][starts-with(@data-side,'A')]");
  side_b = xpath_text (doc, "//*[local-name()='div'][@class='t'][starts-with(@data-side,'B')]");
  report_test_assert_words_in_order (text_a, -1, side_a, "wrapped A");
  report_test_assert_words_in_order (text_b, -1, side_b, "wrapped B");

  /* Each line break within a paragraph is a space now. */
  for (const char *p = strchr (text_a, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    {
      const char *before = p;
      g_autofree char *joined = NULL;

      if (p[1] == '\n' || p[-1] == '\n' || p[1] == '\0')
        continue;
      while (before > text_a && before[-1] != ' ' && before[-1] != '\n')
        before--;
      joined = g_strndup (before, strchr (p + 1, ' ') - before);
      joined[p - before] = ' ';
      if (strstr (side_a, joined) == NULL)
        g_error ("“%s” is not joined", joined);
    }
  g_assert_nonnull (strstr (side_b, "altered"));
  xmlFreeDoc (doc);
}

/* Edge cases ------------------------------------------------------------------------------ */

static void
test_empty (void)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(CcSource) a = new_source ("a", "");
  g_autoptr(CcSource) b = new_source ("b", "");
  g_autoptr(CcReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;

  if (!report_test_require_tools ())
    return;

  /* A project with no sources. */
  report = new_project_report (project);
  pdf = save (report, "empty-project.pdf", CC_REPORT_FORMAT_PDF);
  g_assert_cmpuint (report_test_pdf_pages (pdf), ==, 1);
  text = report_test_pdftotext (pdf, 0, 0);
  assert_contains (text, "Untitled Project");
  assert_contains (text, "The project has no sources.");
  assert_contains (text, "Page 1 of 1");
  html = html_of (report);
  xmlFreeDoc (parse_html (html));
  g_clear_object (&report);
  g_clear_pointer (&pdf, g_free);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&html, g_free);

  /* One source: nothing to compare it with. */
  cc_project_add_source (project, a);
  report = new_project_report (project);
  pdf = save (report, "one-source.pdf", CC_REPORT_FORMAT_PDF);
  text = report_test_pdftotext (pdf, 0, 0);
  assert_contains (text, "A project needs two sources or more to compare.");
  g_clear_object (&report);
  g_clear_pointer (&pdf, g_free);
  g_clear_pointer (&text, g_free);

  /* Two empty texts. */
  cc_project_add_source (project, b);
  report = new_pair_report (project, a, b, NULL);
  pdf = save (report, "empty-pair.pdf", CC_REPORT_FORMAT_PDF);
  text = report_test_pdftotext (pdf, 0, 0);
  assert_contains (text, "The two sources share no quotations.");
  assert_contains (text, "The two sources share no passages.");
  assert_contains (text, "Untitled Source");
  html = html_of (report);
  xmlFreeDoc (parse_html (html));
}

/* One paragraph longer than Pango lays out at once, with spaces and without (CJK). */
static void
test_long_paragraph (void)
{
  g_autoptr(CcProject) project = NULL;
  g_autoptr(GString) text_a = g_string_new (NULL);
  g_autoptr(GString) text_b = g_string_new (NULL);
  g_autoptr(CcReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GString) cjk = g_string_new (NULL);

  if (!report_test_require_tools ())
    return;

  for (guint w = 0; w < 12000; w++)
    {
      g_string_append_printf (text_a, "%sword%u", w > 0 ? " " : "", w);
      g_string_append_printf (text_b, "%s%s%u", w > 0 ? " " : "", w % 500 == 7 ? "other" : "word",
                              w);
    }
  for (guint s = 0; s < 1500; s++)
    g_string_append_printf (cjk, "水务局第%u句话。", s);
  g_string_append (text_a, "\n\n");
  g_string_append (text_a, cjk->str);
  g_string_append (text_b, "\n\n");
  g_string_append (text_b, cjk->str);
  g_assert_cmpuint (text_a->len, >, 3 * 16384);

  project = new_pair_project (NULL, text_a->str, text_b->str);
  report = new_ab_report (project, NULL);
  pdf = save (report, "long-paragraph.pdf", CC_REPORT_FORMAT_PDF);
  text = report_test_pdftotext (pdf, 0, 0);

  report_test_assert_words_in_order (text_a->str, strstr (text_a->str, "\n\n") - text_a->str,
                                     text, "long paragraph A");
  report_test_assert_words_in_order (text_b->str, strstr (text_b->str, "\n\n") - text_b->str,
                                     text, "long paragraph B");
  squeezed = report_test_squeeze (text);
  for (guint s = 0; s < 1500; s += 97)
    {
      g_autofree char *sentence = g_strdup_printf ("水务局第%u句话。", s);
      assert_contains (squeezed, sentence);
    }
}

/* Threads, cancelling, failing ------------------------------------------------------------ */

static void
on_report_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CcReport **report = user_data;
  g_autoptr(GError) error = NULL;

  *report = cc_report_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *saved = user_data;
  g_autoptr(GError) error = NULL;

  *saved = cc_report_save_finish (CC_REPORT (object), result, &error);
  g_assert_no_error (error);
}

/* The report works from copies: a change made while it is worked out does not show. */
static void
test_async (void)
{
  g_auto(Example) example = { 0 };
  g_autoptr(CcReport) report = NULL;
  g_autofree char *path = report_test_tmp_path ("async.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *html = NULL;
  gboolean saved = FALSE;

  example_init (&example);
  cc_report_new_pair_async (example.project, example.a, example.b, NULL, NULL, on_report_cb,
                            &report);
  cc_source_set_title (example.a, "Changed after the report began");
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);

  cc_report_save_async (report, file, CC_REPORT_FORMAT_HTML, NULL, on_saved_cb, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  assert_contains (html, "Leaked emails show water chief knew of Marrowby risk");
  g_assert_null (strstr (html, "Changed after the report began"));
}

static void
test_cancelled (void)
{
  g_auto(Example) example = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CcReport *report;

  example_init (&example);
  g_cancellable_cancel (cancellable);
  report = cc_report_new_pair (example.project, example.a, example.b, NULL, cancellable,
                               &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_clear_error (&error);

  report = cc_report_new_project (example.project, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
}

/* A save that fails names the file and leaves an existing one as it was. */
static void
test_save_failure (void)
{
  g_auto(Example) example = { 0 };
  g_autoptr(CcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *missing = report_test_tmp_path ("no-such-dir/report.pdf");
  g_autofree char *existing = report_test_tmp_path ("existing.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;

  example_init (&example);
  report = new_pair_report (example.project, example.a, example.b, NULL);

  file = g_file_new_for_path (missing);
  g_assert_false (cc_report_save (report, file, CC_REPORT_FORMAT_PDF, NULL, &error));
  g_assert_nonnull (error);
  assert_contains (error->message, "report.pdf");
  g_clear_error (&error);
  g_clear_object (&file);

  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  file = g_file_new_for_path (existing);
  g_cancellable_cancel (cancellable);
  g_assert_false (cc_report_save (report, file, CC_REPORT_FORMAT_PDF, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

/* Options ------------------------------------------------------------------------------------ */

static void
test_options (void)
{
  CcReportOptions options;
  CcReportFormat format;
  CcReportPaper paper;

  cc_report_options_init_default (&options);
  g_assert_true (options.full_texts);
  g_assert_false (options.monochrome);
  g_assert_cmpfloat_with_epsilon (options.page_width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (options.page_height, 841.89, 0.01);

  g_assert_true (cc_report_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, CC_REPORT_PAPER_LETTER);
  g_assert_false (cc_report_paper_from_string ("a5", &paper));
  cc_report_options_set_paper (&options, CC_REPORT_PAPER_LETTER, TRUE);
  g_assert_cmpfloat (options.page_width, ==, 792);
  g_assert_cmpfloat (options.page_height, ==, 612);

  g_assert_true (cc_report_format_for_filename ("/tmp/x.y/report.PDF", &format));
  g_assert_cmpint (format, ==, CC_REPORT_FORMAT_PDF);
  g_assert_true (cc_report_format_for_filename ("report.htm", &format));
  g_assert_cmpint (format, ==, CC_REPORT_FORMAT_HTML);
  g_assert_false (cc_report_format_for_filename ("/tmp/x.pdf/report", &format));
  g_assert_false (cc_report_format_for_filename ("report.txt", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/options", test_options);
  g_test_add_func ("/report/pair/pdf", test_pair_pdf);
  g_test_add_func ("/report/pair/running-header", test_pair_running_header);
  g_test_add_func ("/report/pair/differences", test_pair_differences);
  g_test_add_func ("/report/pair/monochrome", test_pair_monochrome);
  g_test_add_func ("/report/pair/paper", test_pair_paper);
  g_test_add_func ("/report/pair/draw-page", test_pair_draw_page);
  g_test_add_func ("/report/pair/scripts", test_pair_scripts);
  g_test_add_func ("/report/pair/long-texts", test_long_texts);
  g_test_add_func ("/report/pair/html", test_pair_html);
  g_test_add_func ("/report/pair/hard-wrapped", test_pair_hard_wrapped);
  g_test_add_func ("/report/pair/variant", test_pair_variant);
  g_test_add_func ("/report/project/pdf", test_project_pdf);
  g_test_add_func ("/report/project/html", test_project_html);
  g_test_add_func ("/report/html/escaping", test_html_escaping);
  g_test_add_func ("/report/empty", test_empty);
  g_test_add_func ("/report/long-paragraph", test_long_paragraph);
  g_test_add_func ("/report/async", test_async);
  g_test_add_func ("/report/cancelled", test_cancelled);
  g_test_add_func ("/report/save-failure", test_save_failure);

  return g_test_run ();
}
