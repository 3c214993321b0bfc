/* test-shared-quotes.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cc-quotes.h"

typedef struct
{
  CcQuotes *a;
  CcQuotes *b;
} Pair;

static void
pair_clear (Pair *pair)
{
  g_clear_pointer (&pair->a, cc_quotes_unref);
  g_clear_pointer (&pair->b, cc_quotes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pair, pair_clear)

static void
make_pair (Pair                   *pair,
           const char             *a,
           const char             *b,
           const CcCompareOptions *options)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) text_a = cc_text_new (a, -1, NULL, 0, options, lexicon);
  g_autoptr(CcText) text_b = cc_text_new (b, -1, NULL, 0, options, lexicon);

  pair->a = cc_quotes_extract (text_a, NULL, 0, options);
  pair->b = cc_quotes_extract (text_b, NULL, 0, options);
}

/* One line a match: "kind a_quote/b_quote: A's words / B's words", then for variants the
 * differing spans as "{A's>B's; …}"; matches joined by " || ". */
static char *
describe (CcSharedQuotes *shared,
          const Pair     *pair)
{
  CcText *text_a = cc_quotes_get_text (pair->a);
  CcText *text_b = cc_quotes_get_text (pair->b);
  GString *out = g_string_new (NULL);
  const CcSharedQuote *all;
  guint n;

  all = cc_shared_quotes_get (shared, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a = cc_text_dup_span (text_a, all[i].a.start, all[i].a.end);
      g_autofree char *b = cc_text_dup_span (text_b, all[i].b.start, all[i].b.end);

      g_assert_cmpfloat (all[i].score, >, 0.0);
      g_assert_cmpfloat (all[i].score, <=, 1.0);
      g_assert_true ((all[i].difference != NULL) == (all[i].kind == CC_SHARED_VARIANT));
      g_assert_true (all[i].kind != CC_SHARED_UNQUOTED || all[i].a_quote < 0 ||
                     all[i].b_quote < 0);

      if (i > 0)
        g_string_append (out, " || ");
      g_string_append_printf (out, "%s %d/%d: %s / %s",
                              cc_shared_quote_kind_to_string (all[i].kind), all[i].a_quote,
                              all[i].b_quote, a, b);

      if (all[i].difference != NULL)
        {
          gboolean first = TRUE;

          g_string_append (out, " {");
          for (guint d = 0; d < all[i].difference->len; d++)
            {
              const CcDiffSpan *span = &g_array_index (all[i].difference, CcDiffSpan, d);
              g_autofree char *span_a = NULL;
              g_autofree char *span_b = NULL;
              CcRange range_a, range_b;

              if (span->kind == CC_DIFF_EQUAL)
                continue;
              cc_shared_quotes_get_span_ranges (shared, i, span, &range_a, &range_b);
              span_a = cc_text_dup_span (text_a, range_a.start, range_a.end);
              span_b = cc_text_dup_span (text_b, range_b.start, range_b.end);
              g_string_append_printf (out, "%s%s>%s", first ? "" : "; ", span_a, span_b);
              first = FALSE;
            }
          g_string_append (out, "}");
        }
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  const char *a;
  const char *b;
  const char *expected;
  guint       min_quote_words;   /* 0 for the default */
} SharedCase;

#define Q1 "We cannot afford to alarm eleven thousand households over a sensor that may " \
           "simply be faulty, so this stays between us until the spring."

static const SharedCase shared_cases[] = {
  /* Each kind. */
  { "exact/same-words", "She wrote: \u201c" Q1 "\u201d",
    "He wrote \"" Q1 "\" in October.",
    "exact 0/0: We cannot afford to alarm eleven thousand households over a sensor that may "
    "simply be faulty, so this stays between us until the spring / We cannot afford to alarm "
    "eleven thousand households over a sensor that may simply be faulty, so this stays between "
    "us until the spring" },
  { "exact/punctuation-case-apostrophes",
    "\u201cPeople here don\u2019t want an apology; they want answers,\u201d she said.",
    "She said: \"people here don't want an apology, they want answers.\"",
    "exact 0/0: People here don\u2019t want an apology; they want answers / "
    "people here don't want an apology, they want answers" },
  { "partial/fragment", "\u201cThis was a clear failure of oversight,\u201d she said.",
    "He called it \u201ca clear failure\u201d on Monday.",
    "partial 0/0: a clear failure / a clear failure" },
  { "partial/several-fragments",
    "\u201cWe were told it was a freak event,\u201d she said. \u201cIt turns out it was an act "
    "of Graham Ledwith.\u201d",
    "She said: \u201cWe were told it was a freak event. It turns out it was an act of Graham "
    "Ledwith.\u201d",
    "partial 0/0: We were told it was a freak event / We were told it was a freak event || "
    "partial 1/0: It turns out it was an act of Graham Ledwith / It turns out it was an act "
    "of Graham Ledwith" },
  { "variant/changed-words", "\u201c" Q1 "\u201d",
    "\u201cWe cannot afford to frighten eleven thousand households over a sensor that might "
    "simply be faulty, so this stays between us until the spring,\u201d he wrote.",
    "variant 0/0: We cannot afford to alarm eleven thousand households over a sensor that may "
    "simply be faulty, so this stays between us until the spring / We cannot afford to "
    "frighten eleven thousand households over a sensor that might simply be faulty, so this "
    "stays between us until the spring {alarm>frighten; may>might}" },
  { "variant/ellipsis", "\u201c" Q1 "\u201d",
    "It reads: \u201cWe cannot afford to alarm eleven thousand households \u2026 so this stays "
    "between us until the spring.\u201d",
    "variant 0/0: We cannot afford to alarm eleven thousand households over a sensor that may "
    "simply be faulty, so this stays between us until the spring / We cannot afford to alarm "
    "eleven thousand households \u2026 so this stays between us until the spring "
    "{over a sensor that may simply be faulty>\u2026}" },
  { "variant/bracketed-ellipsis", "\u201c" Q1 "\u201d",
    "It reads: \"We cannot afford to alarm eleven thousand households [...] so this stays "
    "between us until the spring.\"",
    "variant 0/0: We cannot afford to alarm eleven thousand households over a sensor that may "
    "simply be faulty, so this stays between us until the spring / We cannot afford to alarm "
    "eleven thousand households [...] so this stays between us until the spring "
    "{over a sensor that may simply be faulty>[...]}" },
  { "variant/bracketed-insertion",
    "\u201cI raised it with Graham Ledwith in August, in writing, and again in October,\u201d "
    "she said.",
    "\u201cI raised it with [the director] in August, in writing, and again in October,\u201d "
    "she told the Ledger.",
    "variant 0/0: I raised it with Graham Ledwith in August, in writing, and again in October / "
    "I raised it with [the director] in August, in writing, and again in October "
    "{Graham Ledwith>[the director]}" },
  { "unquoted/reused-as-prose",
    "She wrote: \u201cIf heavy rain hits the catchment while the barrier is down, untreated "
    "water could reach people\u2019s kitchens.\u201d",
    "Back in August she warned him that if heavy rain hits the catchment while the barrier is "
    "down, untreated water could reach people's kitchens.",
    "unquoted 0/-1: If heavy rain hits the catchment while the barrier is down, untreated "
    "water could reach people\u2019s kitchens / if heavy rain hits the catchment while the "
    "barrier is down, untreated water could reach people's kitchens" },
  { "unquoted/other-way",
    "The minister said he had asked the board for a full account by the end of the month.",
    "\u201cI have asked the board for a full account by the end of the month,\u201d he said.",
    "unquoted -1/0: asked the board for a full account by the end of the month / "
    "asked the board for a full account by the end of the month" },
  { "unquoted/bridged",
    "\u201cThe unit has not worked properly since the summer and nobody has fixed it,\u201d she "
    "said.",
    "Staff said the unit has not worked since the summer and nobody has fixed it.",
    "unquoted 0/-1: The unit has not worked properly since the summer and nobody has fixed it "
    "/ the unit has not worked since the summer and nobody has fixed it" },

  /* Precision. */
  { "precision/two-sentences-of-one-statement",
    "\u201cAn independent review of the January incident is already under way,\u201d a "
    "spokesperson said.",
    "\u201cWe will cooperate fully with the regulator and publish the findings of the "
    "review,\u201d the authority said.", "" },
  { "precision/scare-quote", "It was a \u201csignificant risk\u201d to supply.",
    "They called it a \u201csignificant risk\u201d then.", "" },
  { "precision/scare-quote-allowed", "It was a \u201csignificant risk\u201d to supply.",
    "They called it a \u201csignificant risk\u201d then.",
    "exact 0/0: significant risk / significant risk", 1 },
  { "precision/short-fragment", "Kept \u2018between us\u2019, emails show.",
    "\u201c" Q1 "\u201d", "" },
  { "precision/short-fragment-allowed", "Kept \u2018between us\u2019, emails show.",
    "\u201c" Q1 "\u201d", "partial 0/0: between us / between us", 1 },
  { "precision/common-phrase",
    "\u201cWe did our best for the town and we will keep trying,\u201d he said.",
    "\u201cFor the town, nothing is ever too much trouble,\u201d she said.", "" },
  { "precision/common-opening",
    "\u201cAt the end of the day we did our best for everyone,\u201d he said.",
    "\u201cAt the end of the season the club was relegated,\u201d she said.", "" },
  { "precision/short-prose-reuse", "\u201cThe water is safe now,\u201d he said.",
    "Officials insist the water is safe now.", "" },
  { "precision/one-counterpart",
    "\u201cWe will cooperate fully with the review,\u201d it said.",
    "\u201cWe will cooperate fully with the review,\u201d it said. Later it repeated: \u201cWe "
    "will cooperate fully with the review.\u201d",
    "exact 0/0: We will cooperate fully with the review / We will cooperate fully with the "
    "review" },
  { "precision/nested-once",
    "\u201cI told him \u2018this cannot wait\u2019 and he laughed,\u201d she said.",
    "\"I told him 'this cannot wait' and he laughed,\" she said.",
    "exact 0/0: I told him \u2018this cannot wait\u2019 and he laughed / I told him 'this "
    "cannot wait' and he laughed" },
};

static void
test_shared_case (gconstpointer data)
{
  const SharedCase *test = data;
  g_auto(Pair) pair = { 0 };
  g_autoptr(CcSharedQuotes) shared = NULL;
  g_autofree char *described = NULL;
  CcCompareOptions options;

  cc_compare_options_init_default (&options);
  if (test->min_quote_words > 0)
    options.min_quote_words = test->min_quote_words;
  make_pair (&pair, test->a, test->b, &options);

  shared = cc_shared_quotes_find (pair.a, pair.b, &options, NULL);
  described = describe (shared, &pair);
  g_assert_cmpstr (described, ==, test->expected);
}

static void
test_kind_to_string (void)
{
  g_assert_cmpstr (cc_shared_quote_kind_to_string (CC_SHARED_EXACT), ==, "exact");
  g_assert_cmpstr (cc_shared_quote_kind_to_string (CC_SHARED_PARTIAL), ==, "partial");
  g_assert_cmpstr (cc_shared_quote_kind_to_string (CC_SHARED_VARIANT), ==, "variant");
  g_assert_cmpstr (cc_shared_quote_kind_to_string (CC_SHARED_UNQUOTED), ==, "unquoted");
}

static void
test_symmetric (void)
{
  const SharedCase *test = &shared_cases[0];
  g_auto(Pair) pair = { 0 };
  g_autoptr(CcSharedQuotes) forward = NULL;
  g_autoptr(CcSharedQuotes) backward = NULL;
  const CcSharedQuote *f, *b;
  guint n_f, n_b;

  for (guint i = 0; i < G_N_ELEMENTS (shared_cases); i++)
    {
      g_auto(Pair) swapped = { 0 };
      CcCompareOptions options;

      test = &shared_cases[i];
      cc_compare_options_init_default (&options);
      if (test->min_quote_words > 0)
        options.min_quote_words = test->min_quote_words;
      make_pair (&swapped, test->a, test->b, &options);
      forward = cc_shared_quotes_find (swapped.a, swapped.b, &options, NULL);
      backward = cc_shared_quotes_find (swapped.b, swapped.a, &options, NULL);

      f = cc_shared_quotes_get (forward, &n_f);
      b = cc_shared_quotes_get (backward, &n_b);
      g_assert_cmpuint (n_f, ==, n_b);
      for (guint m = 0; m < n_f; m++)
        {
          gboolean found = FALSE;

          for (guint k = 0; k < n_b && !found; k++)
            found = f[m].kind == b[k].kind && f[m].a.start == b[k].b.start &&
                    f[m].a.end == b[k].b.end && f[m].b.start == b[k].a.start &&
                    f[m].b.end == b[k].a.end;
          g_assert_true (found);
        }
      g_clear_pointer (&forward, cc_shared_quotes_unref);
      g_clear_pointer (&backward, cc_shared_quotes_unref);
    }
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Pair) pair = { 0 };
  CcCompareOptions options;

  cc_compare_options_init_default (&options);
  make_pair (&pair, shared_cases[0].a, shared_cases[0].b, &options);
  g_cancellable_cancel (cancellable);
  g_assert_null (cc_shared_quotes_find (pair.a, pair.b, &options, cancellable));
}

/* The example articles --------------------------------------------------------------------- */

static const char * const articles[] = {
  "wire-digest.txt", "harbour-gazette.txt", "northern-ledger.txt", "daily-signal.txt",
  "valley-courier.txt",
};

static CcQuotes *
load_article (const char *name,
              CcLexicon  *lexicon)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "articles", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcText) text = NULL;
  CcCompareOptions options;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  cc_compare_options_init_default (&options);
  text = cc_text_new (contents, -1, NULL, 0, &options, lexicon);
  return cc_quotes_extract (text, NULL, 0, &options);
}

typedef struct
{
  const char        *name;
  const char        *a;
  const char        *b;
  CcSharedQuoteKind  kind;
  const char        *a_words;      /* the shared words in A */
  const char        *b_words;      /* and in B */
  gboolean           a_quoted;     /* whether A quotes them */
  gboolean           b_quoted;
  const char        *difference;   /* for variants */
} ArticleCase;

#define Q1_WORDS "We cannot afford to alarm eleven thousand households over a sensor that may " \
                 "simply be faulty, so this stays between us until the spring"

static const ArticleCase article_cases[] = {
  { "q1-exact", "wire-digest.txt", "harbour-gazette.txt", CC_SHARED_EXACT, Q1_WORDS, Q1_WORDS,
    TRUE, TRUE },
  { "q1-trimmed", "wire-digest.txt", "daily-signal.txt", CC_SHARED_PARTIAL,
    "this stays between us until the spring", "this stays between us until the spring",
    TRUE, TRUE },
  { "q1-reworded", "wire-digest.txt", "northern-ledger.txt", CC_SHARED_VARIANT, Q1_WORDS,
    "We cannot afford to frighten eleven thousand households over a sensor that might simply "
    "be faulty, so this stays between us until the spring", TRUE, TRUE,
    "alarm>frighten; may>might" },
  { "q1-ellipsis", "harbour-gazette.txt", "valley-courier.txt", CC_SHARED_VARIANT, Q1_WORDS,
    "We cannot afford to alarm eleven thousand households \u2026 so this stays between us until "
    "the spring", TRUE, TRUE, "over a sensor that may simply be faulty>\u2026" },
  { "q2-unquoted", "northern-ledger.txt", "daily-signal.txt", CC_SHARED_UNQUOTED,
    "If heavy rain hits the Hollin Beck catchment while the barrier is down, untreated water "
    "could go straight into people\u2019s kitchens",
    "if heavy rain hits the Hollin Beck catchment while the barrier is down, untreated water "
    "could go straight into people's kitchens", TRUE, FALSE },
  { "q2-trimmed-exact", "wire-digest.txt", "harbour-gazette.txt", CC_SHARED_EXACT,
    "untreated water could go straight into people's kitchens and nobody would know for days",
    "untreated water could go straight into people\u2019s kitchens and nobody would know for days",
    TRUE, TRUE },
  { "q2-fragment-of-full", "wire-digest.txt", "northern-ledger.txt", CC_SHARED_PARTIAL,
    "untreated water could go straight into people's kitchens and nobody would know for days",
    "untreated water could go straight into people\u2019s kitchens and nobody would know for days",
    TRUE, TRUE },
  { "nested-exact", "northern-ledger.txt", "daily-signal.txt", CC_SHARED_EXACT,
    "I told him \u2018this cannot wait\u2019 and he told me to put it in next year\u2019s capital "
    "plan", "I told him 'this cannot wait' and he told me to put it in next year's capital plan",
    TRUE, TRUE },
  { "statement-exact", "wire-digest.txt", "daily-signal.txt", CC_SHARED_EXACT,
    "An independent review of the January incident is already under way and we will cooperate "
    "fully", "An independent review of the January incident is already under way and we will "
    "cooperate fully", TRUE, TRUE },
  { "rooke-first-fragment", "harbour-gazette.txt", "daily-signal.txt", CC_SHARED_PARTIAL,
    "We were told it was a freak event, an act of God after the January rain",
    "We were told it was a freak event, an act of God after the January rain", TRUE, TRUE },
  { "rooke-second-fragment", "harbour-gazette.txt", "daily-signal.txt", CC_SHARED_PARTIAL,
    "It turns out it was an act of Graham Ledwith", "It turns out it was an act of Graham Ledwith",
    TRUE, TRUE },
  { "minister-fragment", "wire-digest.txt", "northern-ledger.txt", CC_SHARED_PARTIAL,
    "a full account by the end of the month", "a full account by the end of the month",
    TRUE, TRUE },
  { "minister-reported", "harbour-gazette.txt", "northern-ledger.txt", CC_SHARED_UNQUOTED,
    "asked the authority\u2019s board for a full account by the end of the month",
    "asked the authority\u2019s board for a full account by the end of the month", FALSE, TRUE },
};

static void
test_article_case (gconstpointer data)
{
  const ArticleCase *test = data;
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcQuotes) a = load_article (test->a, lexicon);
  g_autoptr(CcQuotes) b = load_article (test->b, lexicon);
  g_autoptr(CcSharedQuotes) shared = cc_shared_quotes_find (a, b, NULL, NULL);
  Pair pair = { a, b };
  const CcSharedQuote *all;
  gboolean found = FALSE;
  guint n;

  all = cc_shared_quotes_get (shared, &n);
  for (guint i = 0; i < n && !found; i++)
    {
      g_autofree char *a_words = cc_text_dup_span (cc_quotes_get_text (a), all[i].a.start,
                                                   all[i].a.end);
      g_autofree char *b_words = cc_text_dup_span (cc_quotes_get_text (b), all[i].b.start,
                                                   all[i].b.end);

      if (strcmp (a_words, test->a_words) != 0 || strcmp (b_words, test->b_words) != 0)
        continue;

      found = TRUE;
      g_assert_cmpstr (cc_shared_quote_kind_to_string (all[i].kind), ==,
                       cc_shared_quote_kind_to_string (test->kind));
      g_assert_cmpint (all[i].a_quote >= 0, ==, test->a_quoted);
      g_assert_cmpint (all[i].b_quote >= 0, ==, test->b_quoted);
      if (test->difference != NULL)
        {
          g_autofree char *described = describe (shared, &pair);
          g_autofree char *expected = g_strdup_printf ("{%s}", test->difference);

          g_assert_nonnull (strstr (described, expected));
        }
    }

  if (!found)
    {
      g_autofree char *described = describe (shared, &pair);

      g_test_message ("found: %s", described);
    }
  g_assert_true (found);
}

/* The documented traps: "significant risk", the headline fragment 'between us' and the
 * Gazette's headline paraphrase share nothing with any other article. */
static void
test_article_traps (void)
{
  static const char * const traps[] = {
    "significant risk", "between us", "kept contamination warning quiet",
  };
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  CcQuotes *quotes[G_N_ELEMENTS (articles)];
  guint n_shared = 0;

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    quotes[i] = load_article (articles[i], lexicon);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    for (guint j = 0; j < G_N_ELEMENTS (articles); j++)
      {
        g_autoptr(CcSharedQuotes) shared = NULL;
        const CcSharedQuote *all;
        guint n;

        if (i == j)
          continue;
        shared = cc_shared_quotes_find (quotes[i], quotes[j], NULL, NULL);
        all = cc_shared_quotes_get (shared, &n);
        n_shared += n;
        for (guint m = 0; m < n; m++)
          for (guint t = 0; t < G_N_ELEMENTS (traps); t++)
            {
              g_autofree char *a = cc_text_dup_span (cc_quotes_get_text (quotes[i]), all[m].a.start,
                                                     all[m].a.end);
              g_autofree char *b = cc_text_dup_span (cc_quotes_get_text (quotes[j]), all[m].b.start,
                                                     all[m].b.end);

              g_assert_cmpstr (a, !=, traps[t]);
              g_assert_cmpstr (b, !=, traps[t]);
            }
      }
  g_assert_cmpuint (n_shared, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    cc_quotes_unref (quotes[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shared_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/shared-quotes/%s", shared_cases[i].name);

      g_test_add_data_func (path, &shared_cases[i], test_shared_case);
    }
  g_test_add_func ("/core/shared-quotes/kind-to-string", test_kind_to_string);
  g_test_add_func ("/core/shared-quotes/symmetric", test_symmetric);
  g_test_add_func ("/core/shared-quotes/cancelled", test_cancelled);

  for (guint i = 0; i < G_N_ELEMENTS (article_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/shared-quotes/articles/%s",
                                               article_cases[i].name);

      g_test_add_data_func (path, &article_cases[i], test_article_case);
    }
  g_test_add_func ("/core/shared-quotes/articles/traps", test_article_traps);

  return g_test_run ();
}
