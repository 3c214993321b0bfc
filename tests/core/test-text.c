/* test-text.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cc-text.h"
#include "cc-text-private.h"

static CcText *
make_text (const char *string,
           gboolean    ignore_punctuation)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  CcCompareOptions options;

  cc_compare_options_init_default (&options);
  options.ignore_punctuation = ignore_punctuation;
  return cc_text_new (string, -1, NULL, 0, &options, lexicon);
}

/* The tokens' text joined by "|". */
static char *
token_strings (CcText *text)
{
  GString *out = g_string_new (NULL);
  const CcToken *tokens;
  guint n;

  tokens = cc_text_get_tokens (text, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *span = cc_text_dup_span (text, tokens[i].start, tokens[i].end);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, span);
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *tokens;
  const char *kinds;   /* one letter a token: w(ord) n(umber) p(unctuation) s(ymbol) */
} TokenCase;

static const TokenCase token_cases[] = {
  { "empty", "", "", "" },
  { "white-space-only", " \t\r\n\xc2\xa0 ", "", "" },
  { "english", "Don't stop \xe2\x80\x94 it\xe2\x80\x99s well-known; 11,000 homes.",
    "Don't|stop|\xe2\x80\x94|it\xe2\x80\x99s|well-known|;|11,000|homes|.", "wwpwwpnwp" },
  { "numbers", "In 2026, \xc2\xa3" "2.4m and 3.5 and 1990s",
    "In|2026|,|\xc2\xa3|2.4m|and|3.5|and|1990s", "wnpswwnww" },
  { "trailing-apostrophe", "the residents\xe2\x80\x99 group, \xe2\x80\x99" "90s",
    "the|residents|\xe2\x80\x99|group|,|\xe2\x80\x99|90s", "wwpwppw" },
  { "quotes", "\xe2\x80\x9cYes,\xe2\x80\x9d she said. \"No\"",
    "\xe2\x80\x9c|Yes|,|\xe2\x80\x9d|she|said|.|\"|No|\"", "pwppwwppwp" },
  { "ellipsis-run", "wait... then\xe2\x80\xa6 go?!", "wait|...|then|\xe2\x80\xa6|go|?|!",
    "wpwpwpp" },
  { "accented-and-combining", "Marr\xc3\xb3n cre\xcc\x80me J\xc3\xb6rg",
    "Marr\xc3\xb3n|cre\xcc\x80me|J\xc3\xb6rg", "www" },
  { "cyrillic-greek", "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0, \xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1.",
    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0|,|\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1|.",
    "wpwp" },
  { "cjk-no-spaces", "\xe6\xb0\xb4\xe9\x81\x93\xe5\xb1\x80\xe3\x81\xaf\xe3\x80\x82",
    "\xe6\xb0\xb4|\xe9\x81\x93|\xe5\xb1\x80|\xe3\x81\xaf|\xe3\x80\x82", "wwwwp" },
  { "cjk-mixed-latin", "UV\xe8\xa3\x85\xe7\xbd\xae", "UV|\xe8\xa3\x85|\xe7\xbd\xae", "www" },
  { "right-to-left", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d, \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85!",
    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d|,|\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85|!", "wpwp" },
  { "emoji", "ok \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 \xe2\x9d\xa4\xef\xb8\x8f!",
    "ok|\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd|\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7|\xe2\x9d\xa4\xef\xb8\x8f|!",
    "wsssp" },
  { "soft-hyphen-inside-word", "news\xc2\xadpaper", "news\xc2\xadpaper", "w" },
  { "hyphen-at-end", "pre- and post-war", "pre|-|and|post-war", "wpww" },
  { "control-characters", "a\x01" "b\x1b[1m", "a|b|[|1m", "wwpw" },
};

static void
test_tokens (gconstpointer data)
{
  const TokenCase *test = data;
  g_autoptr(CcText) text = make_text (test->text, FALSE);
  g_autofree char *joined = token_strings (text);
  g_autoptr(GString) kinds = g_string_new (NULL);
  const CcToken *tokens;
  guint n;

  g_assert_cmpstr (joined, ==, test->tokens);

  tokens = cc_text_get_tokens (text, &n);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (kinds, "wnps"[tokens[i].kind]);

      /* Offsets are in range, ordered, and agree with the byte offsets. */
      g_assert_cmpuint (tokens[i].start, <, tokens[i].end);
      g_assert_cmpuint (tokens[i].end, <=, cc_text_get_length (text));
      if (i > 0)
        g_assert_cmpuint (tokens[i - 1].end, <=, tokens[i].start);
      g_assert_cmpuint (cc_text_char_to_byte (text, tokens[i].start), ==, tokens[i].byte_start);
      g_assert_cmpuint (cc_text_char_to_byte (text, tokens[i].end), ==, tokens[i].byte_end);
    }
  g_assert_cmpstr (kinds->str, ==, test->kinds);
  g_assert_cmpuint (cc_text_get_length (text), ==, g_utf8_strlen (test->text, -1));
}

typedef struct
{
  const char *a;
  const char *b;
  gboolean    equal;
} FoldCase;

static const FoldCase fold_cases[] = {
  { "Water", "water", TRUE },
  { "don\xe2\x80\x99t", "don't", TRUE },
  { "\xe2\x80\x9c", "\"", TRUE },
  { "\xc2\xab", "\"", TRUE },
  { "\xe2\x80\x94", "-", TRUE },
  { "\xe2\x80\x93", "\xe2\x80\x94", TRUE },
  { "\xe2\x80\xa6", "...", TRUE },
  { "news\xc2\xadpaper", "newspaper", TRUE },
  { "cre\xcc\x80me", "cr\xc3\xa8me", TRUE },
  { "\xef\xac\x81le", "file", TRUE },              /* the fi ligature */
  { "\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "abc", TRUE },  /* full-width */
  { "Stra\xc3\x9f" "e", "STRASSE", TRUE },
  { "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", TRUE },
  { "r\xc3\xa9sum\xc3\xa9", "resume", FALSE },     /* accents still count */
  { "water", "waters", FALSE },
};

static void
test_fold (gconstpointer data)
{
  const FoldCase *test = data;
  g_autofree char *a = cc_text_fold (test->a, -1, TRUE);
  g_autofree char *b = cc_text_fold (test->b, -1, TRUE);

  if (test->equal)
    g_assert_cmpstr (a, ==, b);
  else
    g_assert_cmpstr (a, !=, b);
}

static void
test_forms_shared_through_lexicon (void)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) a = NULL;
  g_autoptr(CcText) b = NULL;
  g_autoptr(CcText) c = NULL;
  CcCompareOptions options;
  const CcToken *ta, *tb, *tc;
  guint na, nb, nc;

  cc_compare_options_init_default (&options);
  a = cc_text_new ("\xe2\x80\x9cWe DON\xe2\x80\x99T know\xe2\x80\xa6\xe2\x80\x9d", -1, NULL, 0,
                   &options, lexicon);
  b = cc_text_new ("\"we don't know...\"", -1, NULL, 0, &options, lexicon);
  options.fold_case = FALSE;
  c = cc_text_new ("\"we don't know...\"", -1, NULL, 0, &options, lexicon);

  ta = cc_text_get_tokens (a, &na);
  tb = cc_text_get_tokens (b, &nb);
  tc = cc_text_get_tokens (c, &nc);
  g_assert_cmpuint (na, ==, 6);
  g_assert_cmpuint (nb, ==, 6);
  for (guint i = 0; i < na; i++)
    g_assert_cmpuint (ta[i].form, ==, tb[i].form);

  g_assert_cmpstr (cc_lexicon_lookup (lexicon, ta[2].form), ==, "don't");
  g_assert_cmpuint (tc[1].form, ==, tb[1].form);
  g_assert_cmpuint (ta[1].form, !=, 0);

  /* Without case folding, "We" and "we" differ. */
  {
    g_autoptr(CcText) d = cc_text_new ("We", -1, NULL, 0, &options, lexicon);
    const CcToken *td = cc_text_get_tokens (d, &nc);
    g_assert_cmpuint (td[0].form, !=, tb[1].form);
  }
}

static guint
flags_of (CcText *text,
          guint   index)
{
  guint n;
  const CcToken *tokens = cc_text_get_tokens (text, &n);

  g_assert_cmpuint (index, <, n);
  return tokens[index].flags;
}

static void
test_boundaries (void)
{
  g_autoptr(CcText) text = make_text ("Mr. Ledwith said no. \xe2\x80\x9cIt waits.\xe2\x80\x9d "
                                      "Then\r\n\r\nNew paragraph here\nline two", FALSE);
  g_autofree char *joined = token_strings (text);

  /* Mr|.|Ledwith|said|no|.|“|It|waits|.|”|Then|New|paragraph|here|line|two */
  g_assert_cmpstr (joined, ==, "Mr|.|Ledwith|said|no|.|\xe2\x80\x9c|It|waits|.|\xe2\x80\x9d|Then|"
                               "New|paragraph|here|line|two");
  g_assert_true (flags_of (text, 0) & CC_TOKEN_PARAGRAPH_START);
  g_assert_true (flags_of (text, 0) & CC_TOKEN_SENTENCE_START);
  g_assert_false (flags_of (text, 2) & CC_TOKEN_SENTENCE_START);   /* after "Mr." */
  g_assert_true (flags_of (text, 2) & CC_TOKEN_SPACE_BEFORE);
  g_assert_false (flags_of (text, 1) & CC_TOKEN_SPACE_BEFORE);
  g_assert_true (flags_of (text, 6) & CC_TOKEN_SENTENCE_START);    /* the opening quote */
  g_assert_false (flags_of (text, 7) & CC_TOKEN_SENTENCE_START);
  g_assert_false (flags_of (text, 10) & CC_TOKEN_SENTENCE_START);  /* the closing quote */
  g_assert_true (flags_of (text, 11) & CC_TOKEN_SENTENCE_START);   /* Then */
  g_assert_false (flags_of (text, 11) & CC_TOKEN_PARAGRAPH_START);
  g_assert_true (flags_of (text, 12) & CC_TOKEN_PARAGRAPH_START);  /* after CR LF CR LF */
  g_assert_true (flags_of (text, 15) & CC_TOKEN_LINE_START);
  g_assert_false (flags_of (text, 15) & CC_TOKEN_PARAGRAPH_START);
  g_assert_true (flags_of (text, 3) & CC_TOKEN_STOPWORD);          /* said */
  g_assert_false (flags_of (text, 2) & CC_TOKEN_STOPWORD);
}

static void
test_paragraphs (void)
{
  /* Offsets: "  One" 0-4, a blank line, "Two\nstill two" 7-19, two blank lines, "Three"
   * 23-27. */
  g_autoptr(CcText) text = make_text ("  One\n\nTwo\nstill two\n\n\nThree", FALSE);
  g_autoptr(CcText) empty = make_text (" \n\n ", FALSE);

  g_assert_cmpuint (cc_text_get_n_paragraphs (text), ==, 3);
  g_assert_cmpuint (cc_text_paragraph_at (text, 0), ==, 1);   /* white space before the first */
  g_assert_cmpuint (cc_text_paragraph_at (text, 2), ==, 1);
  g_assert_cmpuint (cc_text_paragraph_at (text, 6), ==, 1);   /* the blank line after it */
  g_assert_cmpuint (cc_text_paragraph_at (text, 7), ==, 2);
  g_assert_cmpuint (cc_text_paragraph_at (text, 11), ==, 2);  /* a line break is no paragraph */
  g_assert_cmpuint (cc_text_paragraph_at (text, 22), ==, 2);
  g_assert_cmpuint (cc_text_paragraph_at (text, 23), ==, 3);
  g_assert_cmpuint (cc_text_paragraph_at (text, 28), ==, 3);  /* the end */

  g_assert_cmpuint (cc_text_get_n_paragraphs (empty), ==, 1);
  g_assert_cmpuint (cc_text_paragraph_at (empty, 2), ==, 1);
}

static void
test_excluded_and_ignored (void)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  /* "Story text. Subscribe now!" with "Subscribe now!" excluded. */
  const char *string = "Story text. Subscribe now!";
  CcRange excluded[] = { { 12, 26 } };
  CcCompareOptions options;
  g_autoptr(CcText) text = NULL;
  g_autoptr(CcText) no_punctuation = NULL;
  const guint *matchable;
  guint n;

  cc_compare_options_init_default (&options);
  text = cc_text_new (string, -1, excluded, 1, &options, lexicon);
  matchable = cc_text_get_matchable (text, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (matchable[2], ==, 2);
  g_assert_true (flags_of (text, 3) & CC_TOKEN_EXCLUDED);
  g_assert_true (flags_of (text, 5) & CC_TOKEN_IGNORED);
  g_assert_cmpuint (cc_text_get_word_count (text), ==, 2);

  options.ignore_punctuation = TRUE;
  no_punctuation = cc_text_new (string, -1, NULL, 0, &options, lexicon);
  matchable = cc_text_get_matchable (no_punctuation, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (matchable[2], ==, 3);
  g_assert_cmpuint (cc_text_get_word_count (no_punctuation), ==, 4);
}

static void
test_spans (void)
{
  g_autoptr(CcText) text = make_text ("\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80 caf\xc3\xa9", FALSE);
  g_autofree char *span = cc_text_dup_span (text, 2, 8);
  g_autofree char *all = cc_text_dup_span (text, 0, cc_text_get_length (text));
  g_autofree char *empty = cc_text_dup_span (text, 4, 4);

  g_assert_cmpstr (span, ==, "\xc3\xa9 \xf0\x9f\x98\x80 ca");
  g_assert_cmpstr (all, ==, cc_text_get_string (text, NULL));
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpuint (cc_text_char_to_byte (text, 4), ==, 6);
  g_assert_cmpuint (cc_text_token_at (text, 3), ==, 1);
  g_assert_cmpuint (cc_text_token_at (text, 100), ==, 3);
}

/* Counting and cutting parts --------------------------------------------------------------- */

/* Prose with the things that make a token's flags depend on what comes before it: titles,
 * quotation marks around sentence ends, blank lines (CR LF ones too), lines of closing marks
 * only, and a zero-width joiner before a line break. */
static const char sample[] =
  "Mr. Ledwith said no. \xe2\x80\x9cIt waits.\xe2\x80\x9d Then\r\n\r\nNew paragraph here\n"
  "line two. Don't stop \xe2\x80\x94 it\xe2\x80\x99s well-known; 11,000 homes (2.4 each)... ok "
  "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9 \xe2\x9d\xa4\xef\xb8\x8f!\n\n"
  "\"Quoted.\" 'Single' St. Mary's, e.g. U.S. a.m. Dr.\n"
  "\xe2\x80\x9d\n\"\n"
  "Smith came. \xe6\xb0\xb4\xe9\x81\x93\xe5\xb1\x80\xe3\x81\xaf\xe8\xad\xa6\xe5\x91\x8a\xe3\x80\x82"
  " \xd0\x9c\xd0\xb0\xd1\x80\xd1\x80 3.5\n"
  "  indented line\twith tab\n\xe2\x80\x94 dash line?\n"
  "smile \xf0\x9f\x98\x80\xe2\x80\x8d\nafter the joiner.\n"
  "Last words without a line break";

/* Places where a part of a text may start or end: no token spans them. */
static gboolean
is_clean_cut (const char *string,
              gsize       length,
              gsize       at)
{
  if (at == 0 || at == length)
    return TRUE;
  if (!strchr (" \n\t\r", string[at - 1]))
    return FALSE;
  return at < 4 || memcmp (string + at - 4, "\xe2\x80\x8d", 3) != 0;
}

static GArray *
clean_cuts (const char *string)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize length = strlen (string);

  for (gsize at = 0; at <= length; at++)
    if (is_clean_cut (string, length, at))
      g_array_append_val (cuts, at);
  return cuts;
}

static guint
char_offset (const char *string,
             gsize       byte)
{
  return g_utf8_pointer_to_offset (string, string + byte);
}

/* The words of @text, a whole text, that start in [start, end), outside excluded text. */
static guint
words_between (CcText *text,
               guint   start,
               guint   end)
{
  const CcToken *tokens;
  guint n, words = 0;

  tokens = cc_text_get_tokens (text, &n);
  for (guint i = 0; i < n; i++)
    if (tokens[i].start >= start && tokens[i].start < end &&
        (tokens[i].kind == CC_TOKEN_WORD || tokens[i].kind == CC_TOKEN_NUMBER) &&
        !(tokens[i].flags & CC_TOKEN_EXCLUDED))
      words++;
  return words;
}

static void
test_count_words_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (token_cases); i++)
    {
      g_autoptr(CcText) text = make_text (token_cases[i].text, FALSE);

      g_assert_cmpuint (cc_text_count_words (token_cases[i].text, strlen (token_cases[i].text),
                                             NULL, 0, 0),
                        ==, cc_text_get_word_count (text));
    }
}

/* Any part of a text between two clean cuts has the words the whole text's tokens give it,
 * excluded ranges or not. */
static void
test_count_words_parts (void)
{
  g_autoptr(GArray) cuts = clean_cuts (sample);
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  CcRange excluded[] = { { 30, 41 }, { 120, 121 }, { 200, 260 } };
  CcCompareOptions options;

  cc_compare_options_init_default (&options);

  for (guint with_excluded = 0; with_excluded < 2; with_excluded++)
    {
      guint n_excluded = with_excluded ? G_N_ELEMENTS (excluded) : 0;
      g_autoptr(CcText) whole = cc_text_new (sample, -1, excluded, n_excluded, &options,
                                             lexicon);

      g_assert_cmpuint (cc_text_count_words (sample, strlen (sample), excluded, n_excluded, 0),
                        ==, cc_text_get_word_count (whole));

      for (guint i = 0; i < cuts->len; i++)
        for (guint j = i; j < cuts->len; j++)
          {
            gsize from = g_array_index (cuts, gsize, i), to = g_array_index (cuts, gsize, j);
            guint start = char_offset (sample, from), end = char_offset (sample, to);

            g_assert_cmpuint (cc_text_count_words (sample + from, to - from, excluded,
                                                   n_excluded, start),
                              ==, words_between (whole, start, end));
          }
    }
}

/* Every printable ASCII character is a token of the kind the Unicode tables give it. */
static void
test_ascii_kinds (void)
{
  for (char c = '!'; c <= '~'; c++)
    {
      char string[2] = { c, '\0' };
      g_autoptr(CcText) text = make_text (string, FALSE);
      const CcToken *tokens;
      guint n;
      CcTokenKind expected;

      if (g_ascii_isdigit (c))
        expected = CC_TOKEN_NUMBER;
      else if (g_ascii_isalpha (c))
        expected = CC_TOKEN_WORD;
      else if (g_unichar_ispunct (c) && g_unichar_type (c) != G_UNICODE_MATH_SYMBOL &&
               g_unichar_type (c) != G_UNICODE_CURRENCY_SYMBOL &&
               g_unichar_type (c) != G_UNICODE_MODIFIER_SYMBOL &&
               g_unichar_type (c) != G_UNICODE_OTHER_SYMBOL)
        expected = CC_TOKEN_PUNCTUATION;
      else
        expected = CC_TOKEN_SYMBOL;

      tokens = cc_text_get_tokens (text, &n);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpint (tokens[0].kind, ==, expected);
    }
}

static void
assert_same_token (const CcToken *token,
                   const CcToken *expected)
{
  g_assert_cmpuint (token->start, ==, expected->start);
  g_assert_cmpuint (token->end, ==, expected->end);
  g_assert_cmpuint (token->byte_start, ==, expected->byte_start);
  g_assert_cmpuint (token->byte_end, ==, expected->byte_end);
  g_assert_cmpuint (token->form, ==, expected->form);
  g_assert_cmpint (token->kind, ==, expected->kind);
  g_assert_cmphex (token->flags, ==, expected->flags);
}

/* Parts of a text, cut into tokens or counted on their own, see the tokens of the whole text,
 * flags included: each scan starts far enough back to know what came before. */
static void
test_ranges_match_whole (void)
{
  g_autoptr(GArray) cuts = clean_cuts (sample);
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  gsize length = strlen (sample);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (CcTextRange));
      g_autoptr(CcText) whole = NULL;
      g_autoptr(CcText) parts = NULL;
      CcRange excluded = { 50, 70 };
      guint n_excluded = round % 3 == 2;
      const CcToken *tokens, *part_tokens;
      guint n_tokens, n_part_tokens, p = 0;
      CcCompareOptions options;
      guint at = 0;

      cc_compare_options_init_default (&options);
      options.ignore_punctuation = round % 2 == 1;
      whole = cc_text_new (sample, -1, &excluded, n_excluded, &options, lexicon);
      tokens = cc_text_get_tokens (whole, &n_tokens);

      /* Ranges between random cuts, in order, sometimes touching. */
      while (at + 1 < cuts->len)
        {
          guint from = g_rand_int_range (rand, at, cuts->len);
          guint to = g_rand_int_range (rand, from, MIN (from + 6, cuts->len));
          CcTextRange range;

          range.byte_start = g_array_index (cuts, gsize, from);
          range.byte_end = g_array_index (cuts, gsize, to);
          range.start = char_offset (sample, range.byte_start);
          g_array_append_val (ranges, range);
          at = to + g_rand_int_range (rand, 0, 3);
        }

      parts = cc_text_new_for_ranges (sample, length, cc_text_get_length (whole),
                                      (const CcTextRange *)(gpointer)ranges->data, ranges->len,
                                      &excluded, n_excluded, &options, lexicon);
      part_tokens = cc_text_get_tokens (parts, &n_part_tokens);
      g_assert_cmpuint (cc_text_get_length (parts), ==, cc_text_get_length (whole));

      for (guint r = 0; r < ranges->len; r++)
        {
          const CcTextRange *range = &g_array_index (ranges, CcTextRange, r);
          guint end = char_offset (sample, range->byte_end);
          CcTextCount count;
          guint matchable = 0;
          const CcToken *first = NULL;

          for (guint t = 0; t < n_tokens; t++)
            {
              if (tokens[t].start < range->start || tokens[t].start >= end)
                continue;
              g_assert_cmpuint (p, <, n_part_tokens);
              assert_same_token (&part_tokens[p++], &tokens[t]);
              if (!(tokens[t].flags & CC_TOKEN_IGNORED) && matchable++ == 0)
                first = &tokens[t];
            }

          cc_text_count_range (sample, range, &excluded, n_excluded, &options, FALSE, &count);
          g_assert_cmpuint (count.words, ==, words_between (whole, range->start, end));
          g_assert_cmpuint (count.matchable, ==, matchable);
          if (first != NULL)
            {
              g_assert_cmpuint (count.first_start, ==, first->start);
              g_assert_cmpuint (count.first_byte, ==, first->byte_start - range->byte_start);
              g_assert_cmphex (count.first_flags, ==, first->flags & ~CC_TOKEN_STOPWORD);
            }
          else
            g_assert_cmpuint (count.first_start, ==, G_MAXUINT);
        }
      g_assert_cmpuint (p, ==, n_part_tokens);
    }
}

static void
test_embedded_nul (void)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) text = NULL;
  CcCompareOptions options;
  guint n;

  cc_compare_options_init_default (&options);
  text = cc_text_new ("before\0after", 12, NULL, 0, &options, lexicon);
  cc_text_get_tokens (text, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (cc_text_get_word_count (text), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (token_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/text/tokens/%s", token_cases[i].name);
      g_test_add_data_func (path, &token_cases[i], test_tokens);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fold_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/text/fold/%u", i);
      g_test_add_data_func (path, &fold_cases[i], test_fold);
    }
  g_test_add_func ("/core/text/forms-shared", test_forms_shared_through_lexicon);
  g_test_add_func ("/core/text/boundaries", test_boundaries);
  g_test_add_func ("/core/text/paragraphs", test_paragraphs);
  g_test_add_func ("/core/text/excluded-and-ignored", test_excluded_and_ignored);
  g_test_add_func ("/core/text/spans", test_spans);
  g_test_add_func ("/core/text/embedded-nul", test_embedded_nul);
  g_test_add_func ("/core/text/count-words/cases", test_count_words_cases);
  g_test_add_func ("/core/text/count-words/parts", test_count_words_parts);
  g_test_add_func ("/core/text/ascii-kinds", test_ascii_kinds);
  g_test_add_func ("/core/text/ranges-match-whole", test_ranges_match_whole);

  return g_test_run ();
}
