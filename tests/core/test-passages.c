/* test-passages.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cc-passages.h"

/* Texts for the cases: distinct vocabularies, so that only what a case shares can match. */
#define P_RESERVOIR \
  "Engineers at the Saltmere reservoir reported falling levels after a dry winter, " \
  "and pumping from the coastal boreholes began in early February."
#define P_COUNCIL \
  "Councillors voted narrowly to postpone the harbour redevelopment until auditors " \
  "finish examining contracts awarded without competitive tender."
#define P_FESTIVAL \
  "Organisers of the lantern festival expect record crowds this autumn, with extra " \
  "ferries crossing hourly between Quay Street and Hollin Point."

typedef struct
{
  CcText     *a;
  CcText     *b;
  CcPassages *passages;
} Comparison;

static void
comparison_clear (Comparison *comparison)
{
  g_clear_pointer (&comparison->passages, cc_passages_unref);
  g_clear_pointer (&comparison->a, cc_text_unref);
  g_clear_pointer (&comparison->b, cc_text_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Comparison, comparison_clear)

/* The cases below were written for six words, two bridged and 80 %: those settings, whatever
 * the defaults, with each of @min_words, @bridged and @identity that is not 0 instead. */
static void
options_init (CcCompareOptions *options,
              guint             min_words,
              guint             bridged,
              guint             identity)
{
  cc_compare_options_init_default (options);
  options->min_passage_words = min_words > 0 ? min_words : 6;
  options->max_bridged_words = bridged > 0 ? bridged : 2;
  options->min_identity = identity > 0 ? identity : 80;
}

/* The words (and numbers) outside excluded ranges whose tokens lie in [@start, @end). */
static guint
count_words (CcText *text,
             guint   start,
             guint   end)
{
  const CcToken *tokens;
  guint n, words = 0;

  tokens = cc_text_get_tokens (text, &n);
  for (guint i = 0; i < n; i++)
    if (tokens[i].start >= start && tokens[i].end <= end &&
        !(tokens[i].flags & CC_TOKEN_EXCLUDED) &&
        (tokens[i].kind == CC_TOKEN_WORD || tokens[i].kind == CC_TOKEN_NUMBER))
      words++;

  return words;
}

/* Whether @offset is where a word starts (@starts) or ends. */
static gboolean
is_word_boundary (CcText   *text,
                  guint     offset,
                  gboolean  starts)
{
  const CcToken *tokens;
  guint n;

  tokens = cc_text_get_tokens (text, &n);
  for (guint i = 0; i < n; i++)
    if ((tokens[i].kind == CC_TOKEN_WORD || tokens[i].kind == CC_TOKEN_NUMBER) &&
        (starts ? tokens[i].start : tokens[i].end) == offset)
      return TRUE;

  return FALSE;
}

static gboolean
span_has_excluded (CcText        *text,
                   const CcRange *span)
{
  const CcToken *tokens;
  guint n;

  tokens = cc_text_get_tokens (text, &n);
  for (guint i = 0; i < n; i++)
    if (tokens[i].start >= span->start && tokens[i].end <= span->end &&
        (tokens[i].flags & CC_TOKEN_EXCLUDED))
      return TRUE;

  return FALSE;
}

/* The share of @text's words that lie in one of the spans, counted word by word. */
static double
coverage_by_words (CcText          *text,
                   const CcPassage *passages,
                   guint            n_passages,
                   gboolean         in_a)
{
  const CcToken *tokens;
  guint n, covered = 0;

  if (cc_text_get_word_count (text) == 0)
    return 0.0;

  tokens = cc_text_get_tokens (text, &n);
  for (guint i = 0; i < n; i++)
    {
      if ((tokens[i].flags & CC_TOKEN_EXCLUDED) ||
          (tokens[i].kind != CC_TOKEN_WORD && tokens[i].kind != CC_TOKEN_NUMBER))
        continue;

      for (guint p = 0; p < n_passages; p++)
        {
          const CcRange *span = in_a ? &passages[p].a : &passages[p].b;

          if (tokens[i].start >= span->start && tokens[i].end <= span->end)
            {
              covered++;
              break;
            }
        }
    }

  return (double)covered / cc_text_get_word_count (text);
}

/* What must hold of any result, whatever the texts. */
static void
check_invariants (CcText                 *a,
                  CcText                 *b,
                  CcPassages             *passages,
                  const CcCompareOptions *options)
{
  const CcPassage *p;
  guint n;

  p = cc_passages_get (passages, &n);
  for (guint i = 0; i < n; i++)
    {
      guint longer = MAX (p[i].a_words, p[i].b_words);

      /* Spans in range, from a word's start to a word's end, clear of excluded text. */
      g_assert_cmpuint (p[i].a.start, <, p[i].a.end);
      g_assert_cmpuint (p[i].a.end, <=, cc_text_get_length (a));
      g_assert_cmpuint (p[i].b.start, <, p[i].b.end);
      g_assert_cmpuint (p[i].b.end, <=, cc_text_get_length (b));
      g_assert_true (is_word_boundary (a, p[i].a.start, TRUE));
      g_assert_true (is_word_boundary (a, p[i].a.end, FALSE));
      g_assert_true (is_word_boundary (b, p[i].b.start, TRUE));
      g_assert_true (is_word_boundary (b, p[i].b.end, FALSE));
      g_assert_false (span_has_excluded (a, &p[i].a));
      g_assert_false (span_has_excluded (b, &p[i].b));

      /* Counts agree with the spans and with each other. */
      g_assert_cmpuint (p[i].a_words, ==, count_words (a, p[i].a.start, p[i].a.end));
      g_assert_cmpuint (p[i].b_words, ==, count_words (b, p[i].b.start, p[i].b.end));
      g_assert_cmpuint (p[i].matched_words, <=, MIN (p[i].a_words, p[i].b_words));
      g_assert_cmpuint (p[i].matched_words, >=, options->min_passage_words);
      g_assert_cmpfloat (p[i].identity, >=, 0.0);
      g_assert_cmpfloat (p[i].identity, <=, 1.0);
      g_assert_cmpfloat_with_epsilon (p[i].identity, (double)p[i].matched_words / longer, 1e-9);
      g_assert_cmpfloat (p[i].identity * 100, >=, options->min_identity - 1e-9);

      /* Sorted by place in A, then in B. */
      if (i > 0)
        g_assert_true (p[i - 1].a.start < p[i].a.start ||
                       (p[i - 1].a.start == p[i].a.start && p[i - 1].b.start <= p[i].b.start));
    }

  g_assert_cmpfloat (cc_passages_get_coverage_a (passages), >=, 0.0);
  g_assert_cmpfloat (cc_passages_get_coverage_a (passages), <=, 1.0);
  g_assert_cmpfloat (cc_passages_get_coverage_b (passages), >=, 0.0);
  g_assert_cmpfloat (cc_passages_get_coverage_b (passages), <=, 1.0);
  g_assert_cmpfloat_with_epsilon (cc_passages_get_coverage_a (passages),
                                  coverage_by_words (a, p, n, TRUE), 1e-9);
  g_assert_cmpfloat_with_epsilon (cc_passages_get_coverage_b (passages),
                                  coverage_by_words (b, p, n, FALSE), 1e-9);
}

static void
compare (Comparison             *comparison,
         const char             *a,
         const CcRange          *excluded_a,
         guint                   n_excluded_a,
         const char             *b,
         const CcRange          *excluded_b,
         guint                   n_excluded_b,
         const CcCompareOptions *options)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();

  comparison->a = cc_text_new (a, -1, excluded_a, n_excluded_a, options, lexicon);
  comparison->b = cc_text_new (b, -1, excluded_b, n_excluded_b, options, lexicon);
  comparison->passages = cc_passages_find (comparison->a, comparison->b, options, NULL);
  g_assert_nonnull (comparison->passages);
  check_invariants (comparison->a, comparison->b, comparison->passages, options);
}

/* The text of a passage's span in A (@in_a) or B. */
static char *
dup_span (Comparison      *comparison,
          const CcPassage *passage,
          gboolean         in_a)
{
  return in_a ? cc_text_dup_span (comparison->a, passage->a.start, passage->a.end)
              : cc_text_dup_span (comparison->b, passage->b.start, passage->b.end);
}

/* Golden cases --------------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *a;
  const char *b;
  guint       min_words;   /* 0: the default */
  guint       bridged;
  guint       identity;
  int         n_passages;
  /* "|"-separated, one per passage in order, or NULL not to check */
  const char *a_spans;
  const char *b_spans;
  double      min_identity_found;   /* every passage's identity at least this */
  double      max_identity_found;   /* and at most this */
  double      coverage_a;           /* < 0: not checked */
  double      coverage_b;
} GoldenCase;

static const GoldenCase golden_cases[] = {
  { "identical",
    P_RESERVOIR, P_RESERVOIR, 0, 0, 0,
    1, P_RESERVOIR, NULL, 1.0, 1.0, 1.0, 1.0 },
  { "no-common-words",
    "Quick brown foxes jump over lazy dogs near quiet rivers.",
    "Seven silent swans glide beneath misty bridges tonight.", 0, 0, 0,
    0, NULL, NULL, 0, 1, 0.0, 0.0 },
  /* Each paragraph moved: three passages, in one order in A and the opposite in B. */
  { "reordered-paragraphs",
    P_RESERVOIR "\n\n" P_COUNCIL "\n\n" P_FESTIVAL,
    P_FESTIVAL "\n\n" P_COUNCIL "\n\n" P_RESERVOIR, 0, 0, 0,
    3, NULL, NULL, 1.0, 1.0, 1.0, 1.0 },
  { "shared-sentence-elsewhere",
    P_COUNCIL " The mayor declined to comment on the vote.",
    "Nobody expected this outcome. Readers wrote in all week. " P_COUNCIL, 0, 0, 0,
    1, P_COUNCIL, P_COUNCIL, 1.0, 1.0, -1, -1 },
  /* Two words changed in 25: one passage, not quite identical. */
  { "lightly-edited",
    "The regional minister said on Friday evening that he had asked the authority's board for "
    "a full account of the incident by the end of the month.",
    "The regional minister said on Thursday evening that he had asked the authority's board for "
    "a complete account of the incident by the end of the month.", 0, 0, 0,
    1, NULL, NULL, 0.9, 0.99, 1.0, 1.0 },
  /* Five shared words where six make a passage. */
  { "too-short",
    "Residents gathered near the town hall on Monday evening demanding answers.",
    "Engineers inspected pumps beside the town hall on Monday afternoon quietly.", 0, 0, 0,
    0, NULL, NULL, 0, 1, 0.0, 0.0 },
  { "six-words-are-enough",
    "Residents gathered outside the town hall on Monday evening demanding answers.",
    "Engineers inspected pumps outside the town hall on Monday afternoon quietly.", 0, 0, 0,
    1, "outside the town hall on Monday", NULL, 1.0, 1.0, -1, -1 },
  /* Two consecutive words changed: bridged with K = 2... */
  { "bridging/two-changed",
    "Inspectors found cracked valves corroded pipes and faulty meters throughout the eastern "
    "pumping station during their unannounced visit last spring.",
    "Inspectors found cracked valves corroded pipes and broken gauges throughout the eastern "
    "pumping station during their unannounced visit last spring.", 0, 2, 0,
    1, NULL, NULL, 0.9, 0.95, 1.0, 1.0 },
  /* ...three are not: the passage splits in two. */
  { "bridging/three-changed",
    "Inspectors found cracked valves corroded pipes and faulty meters throughout the eastern "
    "pumping station during their unannounced visit last spring.",
    "Inspectors found cracked valves corroded pipes alongside broken gauges throughout the "
    "eastern pumping station during their unannounced visit last spring.", 0, 2, 0,
    2, "Inspectors found cracked valves corroded pipes|throughout the eastern pumping station "
    "during their unannounced visit last spring", NULL, 1.0, 1.0, -1, -1 },
  { "bridging/three-changed-bridged-with-three",
    "Inspectors found cracked valves corroded pipes and faulty meters throughout the eastern "
    "pumping station during their unannounced visit last spring.",
    "Inspectors found cracked valves corroded pipes alongside broken gauges throughout the "
    "eastern pumping station during their unannounced visit last spring.", 0, 3, 0,
    1, NULL, NULL, 0.8, 0.9, 1.0, 1.0 },
  /* Quotation marks, apostrophes, dashes and case differ; the words do not. */
  { "typography",
    "He wrote: \"We can't afford to alarm eleven thousand households - this stays between us "
    "until the spring.\"",
    "HE WROTE: \xe2\x80\x9cWe can\xe2\x80\x99t afford to alarm eleven thousand households "
    "\xe2\x80\x94 this stays between us until the spring.\xe2\x80\x9d", 0, 0, 0,
    1, NULL, NULL, 1.0, 1.0, 1.0, 1.0 },
  /* Composed and decomposed accents, and Japanese, where each character is a word. */
  { "non-ascii",
    "Ilse Marr\xc3\xb3n warned J\xc3\xb6rg P\xc3\xa4tz about the caf\xc3\xa9 water supply in "
    "August.",
    "Ilse Marro\xcc\x81n warned Jo\xcc\x88rg Pa\xcc\x88tz about the cafe\xcc\x81 water supply in "
    "August.", 0, 0, 0,
    1, NULL, NULL, 1.0, 1.0, 1.0, 1.0 },
  { "cjk",
    "\xe6\x9c\x9d\xe3\x81\xae\xe3\x83\x8b\xe3\x83\xa5\xe3\x83\xbc\xe3\x82\xb9\xe3\x80\x82"
    "\xe6\xb0\xb4\xe9\x81\x93\xe5\xb1\x80\xe3\x81\xaf\xe5\x85\xab\xe6\x9c\x88\xe3\x81\xab"
    "\xe8\xa3\x85\xe7\xbd\xae\xe3\x81\xae\xe6\x95\x85\xe9\x9a\x9c\xe3\x82\x92\xe7\x9f\xa5"
    "\xe3\x82\x89\xe3\x81\x95\xe3\x82\x8c\xe3\x81\xa6\xe3\x81\x84\xe3\x81\x9f\xe3\x80\x82",
    "\xe5\xa4\x95\xe5\x88\x8a\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82"
    "\xe6\xb0\xb4\xe9\x81\x93\xe5\xb1\x80\xe3\x81\xaf\xe5\x85\xab\xe6\x9c\x88\xe3\x81\xab"
    "\xe8\xa3\x85\xe7\xbd\xae\xe3\x81\xae\xe6\x95\x85\xe9\x9a\x9c\xe3\x82\x92\xe7\x9f\xa5"
    "\xe3\x82\x89\xe3\x81\x95\xe3\x82\x8c\xe3\x81\xa6\xe3\x81\x84\xe3\x81\x9f\xe3\x80\x82",
    0, 0, 0,
    1,
    "\xe6\xb0\xb4\xe9\x81\x93\xe5\xb1\x80\xe3\x81\xaf\xe5\x85\xab\xe6\x9c\x88\xe3\x81\xab"
    "\xe8\xa3\x85\xe7\xbd\xae\xe3\x81\xae\xe6\x95\x85\xe9\x9a\x9c\xe3\x82\x92\xe7\x9f\xa5"
    "\xe3\x82\x89\xe3\x81\x95\xe3\x82\x8c\xe3\x81\xa6\xe3\x81\x84\xe3\x81\x9f",
    NULL, 1.0, 1.0, -1, -1 },
  /* A sentence B repeats three times: one pair for each of B's occurrences. */
  { "repeated-in-b",
    "Breaking news. " P_COUNCIL " More soon.",
    P_COUNCIL " Earlier today the mayor spoke. " P_COUNCIL " Reaction followed. " P_COUNCIL,
    0, 0, 0,
    3, P_COUNCIL "|" P_COUNCIL "|" P_COUNCIL, NULL, 1.0, 1.0, -1, -1 },
  /* Three times in each: three pairs, one to one, not nine. */
  { "repeated-in-both",
    P_COUNCIL " Its first vote came in March. " P_COUNCIL " A second vote followed weeks "
    "later. " P_COUNCIL,
    P_COUNCIL " Nobody attended yesterday's hearing. " P_COUNCIL " Protesters gathered outside "
    "once more. " P_COUNCIL, 0, 0, 0,
    3, NULL, NULL, 1.0, 1.0, -1, -1 },
};

static void
test_golden (gconstpointer data)
{
  const GoldenCase *test = data;
  g_auto(Comparison) comparison = { 0 };
  CcCompareOptions options;
  const CcPassage *passages;
  guint n;

  options_init (&options, test->min_words, test->bridged, test->identity);
  compare (&comparison, test->a, NULL, 0, test->b, NULL, 0, &options);

  passages = cc_passages_get (comparison.passages, &n);
  g_assert_cmpuint (n, ==, test->n_passages);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (passages[i].identity, >=, test->min_identity_found - 1e-9);
      g_assert_cmpfloat (passages[i].identity, <=, test->max_identity_found + 1e-9);
    }

  for (guint side = 0; side < 2; side++)
    {
      const char *expected = side == 0 ? test->a_spans : test->b_spans;
      g_auto(GStrv) spans = NULL;

      if (expected == NULL)
        continue;

      spans = g_strsplit (expected, "|", -1);
      g_assert_cmpuint (g_strv_length (spans), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *found = dup_span (&comparison, &passages[i], side == 0);
          g_autofree char *wanted = g_strdup (spans[i]);

          /* Spans end with the last word, so leave out a final full stop. */
          if (g_str_has_suffix (wanted, "."))
            wanted[strlen (wanted) - 1] = '\0';
          g_assert_cmpstr (found, ==, wanted);
        }
    }

  if (test->coverage_a >= 0)
    g_assert_cmpfloat_with_epsilon (cc_passages_get_coverage_a (comparison.passages),
                                    test->coverage_a, 1e-9);
  if (test->coverage_b >= 0)
    g_assert_cmpfloat_with_epsilon (cc_passages_get_coverage_b (comparison.passages),
                                    test->coverage_b, 1e-9);
}

/* The reordered paragraphs come back in both orders: increasing in A, decreasing in B. */
static void
test_reordered_order (void)
{
  g_auto(Comparison) comparison = { 0 };
  CcCompareOptions options;
  const CcPassage *passages;
  guint n;

  options_init (&options, 0, 0, 0);
  compare (&comparison, P_RESERVOIR "\n\n" P_COUNCIL "\n\n" P_FESTIVAL, NULL, 0,
           P_FESTIVAL "\n\n" P_COUNCIL "\n\n" P_RESERVOIR, NULL, 0, &options);

  passages = cc_passages_get (comparison.passages, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (passages[0].b.start, >, passages[1].b.start);
  g_assert_cmpuint (passages[1].b.start, >, passages[2].b.start);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *in_a = dup_span (&comparison, &passages[i], TRUE);
      g_autofree char *in_b = dup_span (&comparison, &passages[i], FALSE);

      g_assert_cmpstr (in_a, ==, in_b);
    }
}

/* Excluded boilerplate ------------------------------------------------------------------- */

#define BOILERPLATE "The Harbour Gazette, independent since 1887: subscribe for one pound a week."

/* Boilerplate both texts carry, excluded in one: never a passage, and it splits the shared
 * text around it. */
static void
test_excluded_boilerplate (void)
{
  const char *a = P_RESERVOIR " " BOILERPLATE " " P_COUNCIL;
  const char *b = P_RESERVOIR " " BOILERPLATE " " P_COUNCIL;
  guint start = g_utf8_strlen (P_RESERVOIR " ", -1);
  CcRange excluded = { start, start + g_utf8_strlen (BOILERPLATE, -1) };
  g_auto(Comparison) comparison = { 0 };
  CcCompareOptions options;
  const CcPassage *passages;
  guint n;

  options_init (&options, 0, 0, 0);
  compare (&comparison, a, &excluded, 1, b, NULL, 0, &options);

  passages = cc_passages_get (comparison.passages, &n);
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (passages[i].a.end <= excluded.start || passages[i].a.start >= excluded.end);
      g_assert_cmpfloat (passages[i].identity, ==, 1.0);
    }

  /* Every word A keeps is shared. */
  g_assert_cmpfloat_with_epsilon (cc_passages_get_coverage_a (comparison.passages), 1.0, 1e-9);
  g_assert_cmpfloat (cc_passages_get_coverage_b (comparison.passages), <, 1.0);
}

/* Texts that share nothing but their boilerplate share no passage. */
static void
test_excluded_only (void)
{
  const char *a = "Local news from the valley. " BOILERPLATE;
  const char *b = "Sport results of the weekend. " BOILERPLATE;
  guint start_a = g_utf8_strlen ("Local news from the valley. ", -1);
  guint start_b = g_utf8_strlen ("Sport results of the weekend. ", -1);
  CcRange excluded_a = { start_a, start_a + g_utf8_strlen (BOILERPLATE, -1) };
  CcRange excluded_b = { start_b, start_b + g_utf8_strlen (BOILERPLATE, -1) };
  g_auto(Comparison) comparison = { 0 };
  CcCompareOptions options;
  guint n;

  options_init (&options, 0, 0, 0);
  compare (&comparison, a, &excluded_a, 1, b, &excluded_b, 1, &options);
  cc_passages_get (comparison.passages, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpfloat (cc_passages_get_coverage_a (comparison.passages), ==, 0.0);

  /* Excluded on one side only, it still never pairs. */
  comparison_clear (&comparison);
  compare (&comparison, a, &excluded_a, 1, b, NULL, 0, &options);
  cc_passages_get (comparison.passages, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* Corner cases --------------------------------------------------------------------------- */

static void
test_empty (void)
{
  g_auto(Comparison) comparison = { 0 };
  CcCompareOptions options;
  guint n;

  options_init (&options, 0, 0, 0);
  compare (&comparison, "", NULL, 0, P_COUNCIL, NULL, 0, &options);
  cc_passages_get (comparison.passages, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpfloat (cc_passages_get_coverage_a (comparison.passages), ==, 0.0);
  g_assert_cmpfloat (cc_passages_get_coverage_b (comparison.passages), ==, 0.0);

  comparison_clear (&comparison);
  compare (&comparison, "... !!! \xe2\x80\x94", NULL, 0, "...", NULL, 0, &options);
  cc_passages_get (comparison.passages, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CcText) a = NULL;
  g_autoptr(CcText) b = NULL;
  CcCompareOptions options;

  options_init (&options, 0, 0, 0);
  a = cc_text_new (P_COUNCIL, -1, NULL, 0, &options, lexicon);
  b = cc_text_new (P_COUNCIL, -1, NULL, 0, &options, lexicon);
  g_cancellable_cancel (cancellable);
  g_assert_null (cc_passages_find (a, b, &options, cancellable));
}

/* The example articles ------------------------------------------------------------------- */

static char *
read_article (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "articles", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The character range of 1-based line @line. */
static CcRange
line_range (const char *text,
            guint       line)
{
  CcRange range = { 0, 0 };
  guint at = 0, current = 1;
  const char *p;

  for (p = text; *p != '\0' && current < line; p = g_utf8_next_char (p), at++)
    if (*p == '\n')
      current++;

  range.start = at;
  for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p))
    at++;
  range.end = at;

  return range;
}

static guint
overlap (const CcRange *r1,
         const CcRange *r2)
{
  guint start = MAX (r1->start, r2->start), end = MIN (r1->end, r2->end);

  return end > start ? end - start : 0;
}

/* The options of a test run with the cases' settings (@data NULL) or the engine's defaults. */
static void
options_for (CcCompareOptions *options,
             gconstpointer     data)
{
  if (data == NULL)
    options_init (options, 0, 0, 0);
  else
    cc_compare_options_init_default (options);
}

/* The Gazette rewrote seven of the wire's paragraphs in another order (FEATURES.md, 6): each
 * is found, paired with its own counterpart. */
static void
test_example_reordered_paragraphs (gconstpointer data)
{
  static const guint lines[][2] = {
    /* wire-digest line, harbour-gazette line */
    { 10, 8 }, { 12, 10 }, { 8, 12 }, { 16, 16 }, { 14, 18 }, { 22, 20 }, { 20, 22 },
  };
  g_autofree char *wire = read_article ("wire-digest.txt");
  g_autofree char *gazette = read_article ("harbour-gazette.txt");
  g_auto(Comparison) comparison = { 0 };
  CcCompareOptions options;
  const CcPassage *passages;
  guint n;

  options_for (&options, data);
  compare (&comparison, wire, NULL, 0, gazette, NULL, 0, &options);
  passages = cc_passages_get (comparison.passages, &n);

  for (guint k = 0; k < G_N_ELEMENTS (lines); k++)
    {
      CcRange in_wire = line_range (wire, lines[k][0]);
      CcRange in_gazette = line_range (gazette, lines[k][1]);
      guint covered = 0;

      /* Most of the wire paragraph lies in passages whose other side is in the Gazette's
       * paragraph. Passages are sorted by their start in A, so their parts in the wire
       * paragraph are too. */
      for (guint i = 0, reach = in_wire.start; i < n; i++)
        if (overlap (&passages[i].b, &in_gazette) > 0)
          {
            CcRange part = { MAX (passages[i].a.start, reach), passages[i].a.end };

            covered += overlap (&part, &in_wire);
            reach = MAX (reach, passages[i].a.end);
          }

      g_test_message ("wire line %u, Gazette line %u: %u of %u characters", lines[k][0],
                      lines[k][1], covered, in_wire.end - in_wire.start);
      g_assert_cmpuint (2 * covered, >, in_wire.end - in_wire.start);
    }
}

static const char * const articles[] = {
  "wire-digest.txt",
  "harbour-gazette.txt",
  "northern-ledger.txt",
  "daily-signal.txt",
  "valley-courier.txt",
};

static const char * const filler[] = {
  "meanwhile", "reportedly", "officials", "yesterday", "however", "sources", "locally",
  "again", "briefly", "council", "statement", "the", "and", "of",
};

/* @text with words deleted, inserted, changed and swapped: the same edits for the same
 * state of @rand. */
static char *
edit_randomly (const char *text,
               GRand      *rand)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ", -1);
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n; i++)
    {
      gint32 roll = g_rand_int_range (rand, 0, 100);

      if (roll < 4)
        continue;                                       /* deleted */
      if (roll < 8)
        {
          g_string_append (out, filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))]);
          g_string_append_c (out, ' ');                 /* inserted */
        }
      else if (roll < 12)
        {
          g_string_append (out, filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))]);
          if (strchr (words[i], '\n') != NULL)
            g_string_append (out, strchr (words[i], '\n'));
          g_string_append_c (out, ' ');                 /* changed */
          continue;
        }
      else if (roll < 14 && i + 1 < n)
        {
          char *swap = words[i];                        /* two words swapped */

          words[i] = words[i + 1];
          words[i + 1] = swap;
        }

      g_string_append (out, words[i]);
      if (i + 1 < n)
        g_string_append_c (out, ' ');
    }

  return g_string_free (out, FALSE);
}

/* The paragraphs of @text in a shuffled order. */
static char *
shuffle_paragraphs (const char *text,
                    GRand      *rand)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  guint n = g_strv_length (paragraphs);

  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      char *swap = paragraphs[i - 1];

      paragraphs[i - 1] = paragraphs[j];
      paragraphs[j] = swap;
    }

  return g_strjoinv ("\n\n", paragraphs);
}

static void
test_example_invariants (void)
{
  static const guint settings[][3] = {
    { 6, 2, 80 },
    { 3, 1, 90 },
    { 10, 6, 50 },
    { 10, 24, 50 },
    { 8, 24, 40 },
    { 6, 2, 100 },
  };
  GRand *rand = g_rand_new_with_seed (2026);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *original = read_article (articles[i]);

      for (guint round = 0; round < 4; round++)
        {
          g_autofree char *edited = edit_randomly (original, rand);
          g_autofree char *shuffled = round % 2 == 0 ? shuffle_paragraphs (edited, rand)
                                                     : g_strdup (edited);
          const char *other = articles[g_rand_int_range (rand, 0, G_N_ELEMENTS (articles))];
          g_autofree char *other_text = read_article (other);
          guint length = g_utf8_strlen (original, -1);
          CcRange excluded = { length / 3, length / 3 + length / 10 };

          for (guint s = 0; s < G_N_ELEMENTS (settings); s++)
            {
              g_auto(Comparison) edits = { 0 };
              g_auto(Comparison) two_outlets = { 0 };
              g_auto(Comparison) with_excluded = { 0 };
              CcCompareOptions options;

              options_init (&options, settings[s][0], settings[s][1], settings[s][2]);
              compare (&edits, original, NULL, 0, shuffled, NULL, 0, &options);
              compare (&two_outlets, original, NULL, 0, other_text, NULL, 0, &options);
              compare (&with_excluded, original, &excluded, 1, shuffled, NULL, 0, &options);

              /* A lightly edited copy shares most of its words. */
              if (settings[s][2] <= 80)
                g_assert_cmpfloat (cc_passages_get_coverage_a (edits.passages), >, 0.5);
            }
        }
    }

  g_rand_free (rand);
}

/* An article against itself: one passage, everything covered. */
static void
test_example_self (gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *text = read_article (articles[i]);
      g_auto(Comparison) comparison = { 0 };
      CcCompareOptions options;
      const CcPassage *passages;
      guint n;

      options_for (&options, data);
      compare (&comparison, text, NULL, 0, text, NULL, 0, &options);
      passages = cc_passages_get (comparison.passages, &n);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpfloat (passages[0].identity, ==, 1.0);
      g_assert_cmpfloat (cc_passages_get_coverage_a (comparison.passages), ==, 1.0);
      g_assert_cmpfloat (cc_passages_get_coverage_b (comparison.passages), ==, 1.0);
    }
}

/* Threads -------------------------------------------------------------------------------- */

typedef struct
{
  CcText                 *a;
  CcText                 *b;
  const CcCompareOptions *options;
  CcPassages             *expected;
} ThreadData;

static gpointer
find_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(CcPassages) passages = cc_passages_find (data->a, data->b, data->options, NULL);
      const CcPassage *found, *expected;
      guint n_found, n_expected;

      found = cc_passages_get (passages, &n_found);
      expected = cc_passages_get (data->expected, &n_expected);
      if (n_found != n_expected || memcmp (found, expected, n_found * sizeof (CcPassage)) != 0)
        return GINT_TO_POINTER (FALSE);
    }

  return GINT_TO_POINTER (TRUE);
}

/* Comparisons of the same texts at once in several threads agree with one made alone. */
static void
test_threads (void)
{
  g_autofree char *wire = read_article ("wire-digest.txt");
  g_autofree char *gazette = read_article ("harbour-gazette.txt");
  g_auto(Comparison) comparison = { 0 };
  CcCompareOptions options;
  ThreadData data;
  GThread *threads[4];

  options_init (&options, 0, 0, 0);
  compare (&comparison, wire, NULL, 0, gazette, NULL, 0, &options);

  data.a = comparison.a;
  data.b = comparison.b;
  data.options = &options;
  data.expected = comparison.passages;
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("find", find_in_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (golden_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/passages/golden/%s", golden_cases[i].name);

      g_test_add_data_func (path, &golden_cases[i], test_golden);
    }
  g_test_add_func ("/core/passages/reordered-order", test_reordered_order);
  g_test_add_func ("/core/passages/excluded/boilerplate", test_excluded_boilerplate);
  g_test_add_func ("/core/passages/excluded/only-boilerplate-shared", test_excluded_only);
  g_test_add_func ("/core/passages/empty", test_empty);
  g_test_add_func ("/core/passages/cancelled", test_cancelled);
  g_test_add_data_func ("/core/passages/examples/reordered-paragraphs", NULL,
                        test_example_reordered_paragraphs);
  g_test_add_data_func ("/core/passages/examples/reordered-paragraphs/defaults", "defaults",
                        test_example_reordered_paragraphs);
  g_test_add_data_func ("/core/passages/examples/self", NULL, test_example_self);
  g_test_add_data_func ("/core/passages/examples/self/defaults", "defaults", test_example_self);
  g_test_add_func ("/core/passages/examples/edit-invariants", test_example_invariants);
  g_test_add_func ("/core/passages/threads", test_threads);

  return g_test_run ();
}
