/* test-quotes.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cc-import.h"
#include "cc-quotes.h"

/* Each case lists the quotations it expects as "level:words", joined by " | ", with
 * " [open]" for one closed at its paragraph's end, " [¶N]" for one over N paragraphs,
 * " [q]" or " [blockquote]" for one the page marked up, and " @Name" for its speaker. */
typedef struct
{
  const char *name;
  const char *text;
  const char *expected;
  const char *blockquote;   /* text the page marked as <blockquote>, if any */
  const char *q;            /* text the page marked as <q>, if any */
  const char *inner_q;      /* a second <q>, inside the first */
  const char *excluded;     /* text the user excluded, if any */
} QuoteCase;

static const QuoteCase quote_cases[] = {
  /* Every typography, with the marks around the words and none left inside. */
  { "marks/curly-double", "He said \u201cthe water is safe\u201d today.", "0:the water is safe" },
  { "marks/straight-double", "He said \"the water is safe\" today.", "0:the water is safe" },
  { "marks/curly-single", "He said \u2018the water is safe\u2019 today.", "0:the water is safe" },
  { "marks/straight-single", "He said 'the water is safe' today.", "0:the water is safe" },
  { "marks/guillemets", "Il a dit \u00abl\u2019eau est s\u00fbre\u00bb hier.",
    "0:l\u2019eau est s\u00fbre" },
  { "marks/guillemets-spaced", "Il a dit \u00ab\u00a0l\u2019eau est s\u00fbre\u00a0\u00bb hier, "
    "puis \u00ab c\u2019est fini \u00bb.",
    "0:l\u2019eau est s\u00fbre | 0:c\u2019est fini" },
  { "marks/reversed-guillemets", "Er sagte \u00bbdas Wasser ist sicher\u00ab gestern.",
    "0:das Wasser ist sicher" },
  { "marks/low-double", "Er sagte \u201edas Wasser ist sicher\u201c gestern.",
    "0:das Wasser ist sicher" },
  { "marks/low-single", "Er sagte \u201adas Wasser ist sicher\u2018 gestern.",
    "0:das Wasser ist sicher" },
  { "marks/single-angle", "Il a dit \u2039l\u2019eau est s\u00fbre\u203a hier.",
    "0:l\u2019eau est s\u00fbre" },
  { "marks/reversed-single-angle", "Er sagte \u203adas Wasser ist sicher\u2039 gestern.",
    "0:das Wasser ist sicher" },
  { "marks/corner",
    "\u5f7c\u306f\u300c\u6c34\u306f\u5b89\u5168\u3060\u300d\u3068\u8a00\u3063\u305f\u3002",
    "0:\u6c34\u306f\u5b89\u5168\u3060" },
  { "marks/white-corner",
    "\u5f7c\u306f\u300e\u6c34\u306f\u5b89\u5168\u3060\u300f\u3068\u8a00\u3063\u305f\u3002",
    "0:\u6c34\u306f\u5b89\u5168\u3060" },
  { "marks/chinese",
    "\u4ed6\u8bf4\uff1a\u201c\u6c34\u662f\u2018\u5b89\u5168\u2019\u7684\u201d\u3002",
    "0:\u6c34\u662f\u2018\u5b89\u5168\u2019\u7684 | 1:\u5b89\u5168" },
  { "marks/german-nested", "Er sagte \u201eich rief \u201aHalt\u2018 und ging\u201c dann.",
    "0:ich rief \u201aHalt\u2018 und ging | 1:Halt" },
  { "marks/straight-pairs", "\"One,\" he said. \"Two.\" Then \"three\" and (\"four\").",
    "0:One, | 0:Two. | 0:three | 0:four" },

  /* Apostrophes that must not open or close anything. */
  { "apostrophe/dont-curly", "\u201cI don\u2019t trust it,\u201d she said.",
    "0:I don\u2019t trust it," },
  { "apostrophe/dont-straight", "\"I don't trust it,\" she said.", "0:I don't trust it," },
  { "apostrophe/plural-possessive-curly", "The hackers\u2019 location was \u2018secret\u2019 then.",
    "0:secret" },
  { "apostrophe/plural-possessive-straight", "The hackers' location was 'secret' then.",
    "0:secret" },
  { "apostrophe/plural-possessive-inside-curly",
    "He called it \u2018the residents\u2019 group plan\u2019 today.",
    "0:the residents\u2019 group plan" },
  { "apostrophe/plural-possessive-inside-straight",
    "He called it 'the residents' group plan' today.", "0:the residents' group plan" },
  { "apostrophe/plural-possessive-closing", "It was \u2018for the hackers\u2019 she said.",
    "0:for the hackers" },
  { "apostrophe/year-curly", "Built in the \u201990s and \u2018upgraded\u2019 in the \u201900s.",
    "0:upgraded" },
  { "apostrophe/year-straight", "Built in the '90s and 'upgraded' in the '00s.", "0:upgraded" },
  { "apostrophe/year-wrong-way", "Built in the \u201890s, long before.", "" },
  { "apostrophe/rock-n-roll-curly",
    "A rock \u2019n\u2019 roll night, \u2018every Saturday\u2019 since.",
    "0:every Saturday" },
  { "apostrophe/rock-n-roll-straight", "A rock 'n' roll night, 'every Saturday' since.",
    "0:every Saturday" },
  { "apostrophe/oclock-curly", "At six o\u2019clock she said \u2018go\u2019.", "0:go" },
  { "apostrophe/oclock-straight", "At six o'clock she said 'go'.", "0:go" },
  { "apostrophe/em-curly", "Tell \u2019em \u2018now\u2019.", "0:now" },
  { "apostrophe/em-straight", "Tell 'em 'now'.", "0:now" },
  { "apostrophe/none-at-all",
    "Don\u2019t. The \u201990s, o\u2019clock, rock \u2019n\u2019 roll, the hackers\u2019 den, "
    "the residents\u2019 group\u2019s spokesperson, James\u2019 car.\n\n"
    "Don't. The '90s, o'clock, rock 'n' roll, the hackers' den.", "" },
  { "apostrophe/inside-double",
    "\u201cWe\u2019ve run it since the \u201990s, rock \u2019n\u2019 roll and all,\u201d he said.",
    "0:We\u2019ve run it since the \u201990s, rock \u2019n\u2019 roll and all," },

  /* Nesting. */
  { "nesting/curly", "\u201cHe told me \u2018this cannot wait\u2019 and left,\u201d she said.",
    "0:He told me \u2018this cannot wait\u2019 and left, | 1:this cannot wait" },
  { "nesting/straight", "\"He told me 'this cannot wait' and left,\" she said.",
    "0:He told me 'this cannot wait' and left, | 1:this cannot wait" },
  { "nesting/three-levels",
    "He said, \u201cThe king said, \u2018Tell them, \u201cGo now.\u201d\u2019\u201d",
    "0:The king said, \u2018Tell them, \u201cGo now.\u201d\u2019 | "
    "1:Tell them, \u201cGo now.\u201d | 2:Go now." },
  { "nesting/british", "\u2018He said \u201cno\u201d twice,\u2019 she said.",
    "0:He said \u201cno\u201d twice, | 1:no" },

  /* A quotation over paragraphs: the mark repeated at each paragraph's start. */
  { "paragraphs/two",
    "She said:\n\n\u201cWe boiled every drop.\n\n\u201cAnd then we waited.\u201d\n\nThe end.",
    "0:We boiled every drop.\n\n\u201cAnd then we waited. [\u00b62]" },
  { "paragraphs/three-straight",
    "\"One.\n\n\"Two.\n\n\"Three.\" Done.\n\nAnd \"four\".",
    "0:One.\n\n\"Two.\n\n\"Three. [\u00b63] | 0:four" },
  { "paragraphs/nested-reopened",
    "\u201cOne \u2018two\n\n\u201c\u2018three\u2019 four.\u201d",
    "0:One \u2018two\n\n\u201c\u2018three\u2019 four. [\u00b62] | "
    "1:two\n\n\u201c\u2018three [\u00b62]" },
  { "paragraphs/line-per-verse",
    "God said, \u201cLet there be lights;\nand let them be for signs.\u201d And so.\n"
    "He said, \u201cGo.\n\u201cAnd come back.\u201d",
    "0:Let there be lights;\nand let them be for signs. @God | "
    "0:Go.\n\u201cAnd come back. [\u00b62]" },

  /* Unbalanced marks: recovered at the paragraph's end, never beyond. */
  { "unbalanced/unclosed-double",
    "\u201cThis is never closed.\n\nThe next paragraph has \u201ca quote\u201d in it.",
    "0:This is never closed. [open] | 0:a quote" },
  { "unbalanced/unclosed-straight",
    "\"Never closed.\n\nThen \"another\" one.\n\nAnd \"a third\".",
    "0:Never closed. [open] | 0:another | 0:a third" },
  { "unbalanced/stray-closer", "He said no\u201d and \u201cyes\u201d later.", "0:yes" },
  { "unbalanced/reopened-in-paragraph",
    "\u201cFirst never closed. \u201cSecond closed.\u201d End.",
    "0:First never closed. [open] | 0:Second closed." },
  { "unbalanced/inner-left-open", "\u201cHe said \u2018no.\u201d Then \u201cyes\u201d.",
    "0:He said \u2018no. | 1:no. [open] | 0:yes" },
  { "unbalanced/unclosed-straight-single-is-an-apostrophe",
    "The 'Sup crowd left.\n\nNext \"one\".", "0:one" },
  { "unbalanced/mistyped-closer", "\u201cYes,\u201c she said.", "0:Yes," },
  { "unbalanced/unclosed-at-end", "He said \u201cthe end", "0:the end [open]" },

  /* Quotations the page marked up. */
  { "markup/blockquote",
    "In a statement he said:\n\nI have asked the board for a full account.\n\nMore text.",
    "0:I have asked the board for a full account. [blockquote]",
    "I have asked the board for a full account.\n\n" },
  { "markup/q-with-marks", "She wrote \u201cthis is the text\u201d today.",
    "0:this is the text [q]", NULL, "this is the text" },
  { "markup/nested-q", "\u201cI told him \u2018wait\u2019 then,\u201d she said.",
    "0:I told him \u2018wait\u2019 then, [q] | 1:wait [q]", NULL,
    "I told him \u2018wait\u2019 then,", "wait" },
  { "markup/blockquote-with-marks",
    "He said:\n\n\u201cI have asked the board.\u201d\n\nMore.",
    "0:I have asked the board. [blockquote]", "\u201cI have asked the board.\u201d" },

  /* Speakers. */
  { "speaker/said-name", "\u201cThe water is safe,\u201d said Jane Doe.",
    "0:The water is safe, @Jane Doe" },
  { "speaker/name-said", "\u201cThe water is safe,\u201d Jane Doe said.",
    "0:The water is safe, @Jane Doe" },
  { "speaker/name-said-colon", "Doe said: \u201cThe water is safe.\u201d",
    "0:The water is safe. @Doe" },
  { "speaker/pronoun", "\u201cThe water is safe,\u201d she said.", "0:The water is safe," },
  { "speaker/according-to-after", "\u201cThe water is safe,\u201d according to Doe.",
    "0:The water is safe, @Doe" },
  { "speaker/according-to-before", "According to Doe, \u201cthe water is safe\u201d.",
    "0:the water is safe @Doe" },
  { "speaker/told-outlet", "\u201cThe water is safe,\u201d she told the Gazette.",
    "0:The water is safe," },
  { "speaker/title", "\u201cThe water is safe,\u201d said Professor J\u00f6rg P\u00e4tz, "
    "of the University of Caddon.", "0:The water is safe, @Professor J\u00f6rg P\u00e4tz" },
  { "speaker/apposition-before",
    "The minister, Martin Shawcross, said: \u201cThe water is safe.\u201d",
    "0:The water is safe. @Martin Shawcross" },
  { "speaker/apposition-after",
    "\u201cThe water is safe,\u201d the minister, Martin Shawcross, said.",
    "0:The water is safe, @Martin Shawcross" },
  { "speaker/name-apposition", "Bethan Rooke, a spokesperson for the group, said: "
    "\u201cWe were misled.\u201d", "0:We were misled. @Bethan Rooke" },
  { "speaker/role-before-name", "In an email, director Graham Ledwith told two managers: "
    "\u201cKeep this quiet.\u201d", "0:Keep this quiet. @Graham Ledwith" },
  { "speaker/abbreviated-title", "Dr. Jane Doe said: \u201cIt is fine.\u201d",
    "0:It is fine. @Dr. Jane Doe" },
  { "speaker/anonymous", "\u201cWe were misled,\u201d a spokesperson said.", "0:We were misled," },
  { "speaker/carries-over",
    "\u201cThe water is safe,\u201d Mr Oakes said. \u201cWe drink it.\u201d",
    "0:The water is safe, @Mr Oakes | 0:We drink it. @Mr Oakes" },
  { "speaker/previous-paragraph",
    "Bethan Rooke put it this way:\n\n\u201cWe boiled every drop.\u201d",
    "0:We boiled every drop. @Bethan Rooke" },
  { "speaker/place-is-no-speaker",
    "Sheila Pratt, 71, of Hindle Cross said: \u201cI carried water.\u201d",
    "0:I carried water. @Sheila Pratt" },
  { "speaker/new-sentence-is-no-attribution",
    "\u201cIt was an act of God.\u201d Jane Doe said nothing more.", "0:It was an act of God." },

  /* Excluded text. */
  { "excluded/boilerplate",
    "\u201cInside the article,\u201d she said.\n\n"
    "\u201cSubscribe now for our newsletter,\u201d it says.",
    "0:Inside the article,", NULL, NULL, NULL,
    "\u201cSubscribe now for our newsletter,\u201d it says." },

  { "empty/no-words", "He said \u201c\u2026\u201d and \u201c \u201d.", "" },
};

static CcRange
find_range (const char *text,
            const char *needle)
{
  const char *at = strstr (text, needle);
  CcRange range;

  g_assert_nonnull (at);
  range.start = g_utf8_pointer_to_offset (text, at);
  range.end = range.start + g_utf8_strlen (needle, -1);
  return range;
}

static CcQuotes *
extract (const QuoteCase *test,
         CcText         **text_out)
{
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) text = NULL;
  CcCompareOptions options;
  CcMarkedQuote marked[3];
  guint n_marked = 0;
  CcRange excluded;

  cc_compare_options_init_default (&options);
  if (test->excluded != NULL)
    excluded = find_range (test->text, test->excluded);
  text = cc_text_new (test->text, -1, &excluded, test->excluded != NULL ? 1 : 0, &options,
                      lexicon);

  if (test->blockquote != NULL)
    {
      marked[n_marked].range = find_range (test->text, test->blockquote);
      marked[n_marked++].kind = CC_MARKUP_BLOCKQUOTE;
    }
  /* As the importer does: an inner element closes, and is recorded, first. */
  if (test->inner_q != NULL)
    {
      const char *outer = strstr (test->text, test->q);
      CcRange inner = find_range (outer, test->inner_q);
      guint shift = g_utf8_pointer_to_offset (test->text, outer);

      marked[n_marked].range.start = inner.start + shift;
      marked[n_marked].range.end = inner.end + shift;
      marked[n_marked++].kind = CC_MARKUP_Q;
    }
  if (test->q != NULL)
    {
      marked[n_marked].range = find_range (test->text, test->q);
      marked[n_marked++].kind = CC_MARKUP_Q;
    }

  *text_out = g_steal_pointer (&text);
  return cc_quotes_extract (*text_out, marked, n_marked, &options);
}

/* Checks what holds for every quotation, and describes them as the cases do. */
static char *
describe (CcQuotes *quotes)
{
  CcText *text = cc_quotes_get_text (quotes);
  GString *out = g_string_new (NULL);
  const CcToken *tokens;
  const CcQuote *all;
  guint n, n_tokens;

  tokens = cc_text_get_tokens (text, &n_tokens);
  all = cc_quotes_get (quotes, &n);
  for (guint i = 0; i < n; i++)
    {
      const CcQuote *quote = &all[i];
      g_autofree char *words = cc_text_dup_span (text, quote->range.start, quote->range.end);
      g_autofree char *outer = cc_text_dup_span (text, quote->outer.start, quote->outer.end);
      guint counted = 0;

      g_assert_cmpuint (quote->outer.start, <=, quote->range.start);
      g_assert_cmpuint (quote->range.start, <, quote->range.end);
      g_assert_cmpuint (quote->range.end, <=, quote->outer.end);
      if (i > 0)
        g_assert_cmpuint (all[i - 1].outer.start, <=, quote->outer.start);
      if (quote->open_mark != 0)
        g_assert_cmpuint (g_utf8_get_char (outer), ==, quote->open_mark);
      if (quote->close_mark != 0)
        g_assert_cmpuint (g_utf8_get_char (g_utf8_prev_char (outer + strlen (outer))), ==,
                          quote->close_mark);
      if (quote->origin == CC_QUOTE_MARKS)
        g_assert_cmpuint (quote->open_mark, !=, 0);
      for (guint t = cc_text_token_at (text, quote->range.start);
           t < n_tokens && tokens[t].start < quote->range.end; t++)
        if (tokens[t].kind == CC_TOKEN_WORD || tokens[t].kind == CC_TOKEN_NUMBER)
          counted++;
      g_assert_cmpuint (quote->words, ==, counted);

      if (i > 0)
        g_string_append (out, " | ");
      g_string_append_printf (out, "%u:%s", quote->level, words);
      if (quote->close_mark == 0 && quote->origin == CC_QUOTE_MARKS)
        g_string_append (out, " [open]");
      if (quote->paragraphs > 1)
        g_string_append_printf (out, " [\u00b6%u]", quote->paragraphs);
      if (quote->origin == CC_QUOTE_Q)
        g_string_append (out, " [q]");
      else if (quote->origin == CC_QUOTE_BLOCKQUOTE)
        g_string_append (out, " [blockquote]");
      if (quote->speaker.end > quote->speaker.start)
        {
          g_autofree char *speaker = cc_text_dup_span (text, quote->speaker.start,
                                                       quote->speaker.end);

          g_string_append_printf (out, " @%s", speaker);
        }
    }

  return g_string_free (out, FALSE);
}

static void
test_quote_case (gconstpointer data)
{
  const QuoteCase *test = data;
  g_autoptr(CcText) text = NULL;
  g_autoptr(CcQuotes) quotes = extract (test, &text);
  g_autofree char *described = describe (quotes);

  g_assert_cmpstr (described, ==, test->expected);
}

/* The example articles --------------------------------------------------------------------- */

static CcQuotes *
extract_article (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "articles", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) text = NULL;
  CcCompareOptions options;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  cc_compare_options_init_default (&options);
  text = cc_text_new (contents, -1, NULL, 0, &options, lexicon);
  return cc_quotes_extract (text, NULL, 0, &options);
}

/* The quotation whose words start with @start, or NULL. */
static const CcQuote *
find_quote (CcQuotes   *quotes,
            const char *start)
{
  CcText *text = cc_quotes_get_text (quotes);
  const CcQuote *all;
  guint n;

  all = cc_quotes_get (quotes, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *words = cc_text_dup_span (text, all[i].range.start, all[i].range.end);

      if (g_str_has_prefix (words, start))
        return &all[i];
    }

  return NULL;
}

static void
assert_speaker (CcQuotes      *quotes,
                const CcQuote *quote,
                const char    *expected)
{
  g_autofree char *speaker = cc_text_dup_span (cc_quotes_get_text (quotes), quote->speaker.start,
                                               quote->speaker.end);

  g_assert_cmpstr (speaker, ==, expected);
}

typedef struct
{
  const char *file;
  const char *start;      /* the quotation's first words */
  const char *end;        /* its last characters */
  guint       words;
  guint       level;
  guint       paragraphs;
  gboolean    closed;
  const char *speaker;
} ArticleQuote;

static const ArticleQuote article_quotes[] = {
  /* Q1, in straight and in curly marks */
  { "wire-digest.txt", "We cannot afford to alarm", "until the spring.", 24, 0, 1, TRUE,
    "Graham Ledwith" },
  { "harbour-gazette.txt", "We cannot afford to alarm", "until the spring.", 24, 0, 1, TRUE,
    "Graham Ledwith" },
  { "daily-signal.txt", "this stays between us", "until the spring.", 7, 0, 1, TRUE,
    "Graham Ledwith" },
  { "daily-signal.txt", "between us", "between us", 2, 0, 1, TRUE, "" },
  { "northern-ledger.txt", "We cannot afford to frighten", "until the spring,", 24, 0, 1, TRUE,
    "" },
  { "valley-courier.txt", "We cannot afford to alarm", "until the spring.", 16, 0, 1, TRUE, "" },
  /* the nested quotation, in curly and in straight marks */
  { "northern-ledger.txt", "I told him \u2018this cannot wait\u2019", "capital plan.", 18, 0, 1,
    TRUE, "" },
  { "northern-ledger.txt", "this cannot wait", "cannot wait", 3, 1, 1, TRUE, "" },
  { "daily-signal.txt", "I told him 'this cannot wait'", "capital plan.", 18, 0, 1, TRUE,
    "Marr\u00f3n" },
  { "daily-signal.txt", "this cannot wait", "cannot wait", 3, 1, 1, TRUE, "" },
  { "daily-signal.txt", "gone away for a few days", "few days", 6, 0, 1, TRUE, "" },
  /* the bracketed insertion and the stand-alone statement */
  { "northern-ledger.txt", "I raised it with [the director]", "in October,", 14, 0, 1, TRUE, "" },
  { "northern-ledger.txt", "I have asked the authority\u2019s board", "consequences.", 33, 0, 1,
    TRUE, "" },
  { "northern-ledger.txt", "A UV unit", "cosmetic problem,", 13, 0, 1, TRUE,
    "J\u00f6rg P\u00e4tz" },
  { "northern-ledger.txt", "You are running blind.", "delivering it.", 19, 0, 1, TRUE,
    "J\u00f6rg P\u00e4tz" },
  { "northern-ledger.txt", "significant risk", "significant risk", 2, 0, 1, TRUE, "" },
  /* the two-paragraph quotation */
  { "valley-courier.txt", "We boiled every drop", "can\u2019t get past.", 88, 0, 2, TRUE,
    "Bethan Rooke" },
  { "valley-courier.txt", "We\u2019ve run that night", "for them,", 18, 0, 1, TRUE, "Mr Oakes" },
  { "valley-courier.txt", "But I\u2019ll be honest", "with string.", 14, 0, 1, TRUE, "Mr Oakes" },
  { "valley-courier.txt", "My two still ask", "their teeth,", 13, 0, 1, TRUE, "Leanne Furness" },
  { "harbour-gazette.txt", "kept contamination warning quiet", "quiet", 4, 0, 1, TRUE, "" },
  { "harbour-gazette.txt", "Nobody who wrote that email", "treatment works,", 16, 0, 1, TRUE,
    "Councillor Anne Veitch" },
  { "daily-signal.txt", "We were told it was a freak event", "Graham Ledwith.", 26, 0, 1, TRUE,
    "Bethan Rooke" },
  { "wire-digest.txt", "People here don't want an apology", "keep this quiet,", 16, 0, 1, TRUE,
    "" },
};

static void
test_article_quote (gconstpointer data)
{
  const ArticleQuote *test = data;
  g_autoptr(CcQuotes) quotes = extract_article (test->file);
  const CcQuote *quote = find_quote (quotes, test->start);
  g_autofree char *words = NULL;

  g_assert_nonnull (quote);
  words = cc_text_dup_span (cc_quotes_get_text (quotes), quote->range.start, quote->range.end);
  g_assert_true (g_str_has_suffix (words, test->end));
  g_assert_cmpuint (quote->words, ==, test->words);
  g_assert_cmpuint (quote->level, ==, test->level);
  g_assert_cmpuint (quote->paragraphs, ==, test->paragraphs);
  g_assert_cmpint (quote->close_mark != 0, ==, test->closed);
  assert_speaker (quotes, quote, test->speaker);
}

typedef struct
{
  const char *file;
  guint       n_quotes;
} ArticleCount;

/* Every quotation of each article, counted by hand; no apostrophe opens one. */
static const ArticleCount article_counts[] = {
  { "wire-digest.txt", 8 },
  { "harbour-gazette.txt", 7 },
  { "northern-ledger.txt", 11 },
  { "daily-signal.txt", 12 },
  { "valley-courier.txt", 10 },
};

static void
test_article_count (gconstpointer data)
{
  const ArticleCount *test = data;
  g_autoptr(CcQuotes) quotes = extract_article (test->file);
  CcText *text = cc_quotes_get_text (quotes);
  const CcQuote *all;
  guint n;

  all = cc_quotes_get (quotes, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *words = cc_text_dup_span (text, all[i].range.start, all[i].range.end);

      g_test_message ("%s: %u:%s", test->file, all[i].level, words);
      /* None runs past its paragraph, apart from the two-paragraph one. */
      g_assert_true (all[i].paragraphs > 1 || strstr (words, "\n\n") == NULL);
      g_assert_cmpuint (all[i].close_mark, !=, 0);
    }
  g_assert_cmpuint (n, ==, test->n_quotes);
}

/* The Ledger's web page marks its quotations up: the <q>s, shown with marks, are found once
 * each, and the <blockquote>, without marks, is found too. */
static void
test_html_import (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "articles", "northern-ledger.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSource) source = NULL;
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(CcText) text = NULL;
  g_autoptr(CcQuotes) quotes = NULL;
  const CcMarkedQuote *marked;
  const CcQuote *quote;
  CcCompareOptions options;
  guint n_marked, n_quotes;

  source = cc_import_file (file, CC_IMPORT_FORMAT_HTML, NULL, &error);
  g_assert_no_error (error);

  cc_compare_options_init_default (&options);
  text = cc_text_new_for_source (source, &options, lexicon);
  marked = cc_source_get_marked_quotes (source, &n_marked);
  g_assert_cmpuint (n_marked, ==, 4);
  quotes = cc_quotes_extract (text, marked, n_marked, &options);
  cc_quotes_get (quotes, &n_quotes);
  g_assert_cmpuint (n_quotes, ==, 11);

  quote = find_quote (quotes, "I told him");
  g_assert_nonnull (quote);
  g_assert_cmpint (quote->origin, ==, CC_QUOTE_Q);
  g_assert_cmpuint (quote->open_mark, ==, 0x201C);
  quote = find_quote (quotes, "this cannot wait");
  g_assert_nonnull (quote);
  g_assert_cmpint (quote->origin, ==, CC_QUOTE_Q);
  g_assert_cmpuint (quote->level, ==, 1);
  quote = find_quote (quotes, "If heavy rain");
  g_assert_nonnull (quote);
  g_assert_cmpint (quote->origin, ==, CC_QUOTE_Q);
  quote = find_quote (quotes, "I have asked the authority");
  g_assert_nonnull (quote);
  g_assert_cmpint (quote->origin, ==, CC_QUOTE_BLOCKQUOTE);
  g_assert_cmpuint (quote->open_mark, ==, 0);
  g_assert_cmpuint (quote->words, ==, 33);
  quote = find_quote (quotes, "We cannot afford to frighten");
  g_assert_nonnull (quote);
  g_assert_cmpint (quote->origin, ==, CC_QUOTE_MARKS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (quote_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/quotes/%s", quote_cases[i].name);

      g_test_add_data_func (path, &quote_cases[i], test_quote_case);
    }

  for (guint i = 0; i < G_N_ELEMENTS (article_quotes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/quotes/articles/%s/%u",
                                               article_quotes[i].file, i);

      g_test_add_data_func (path, &article_quotes[i], test_article_quote);
    }

  for (guint i = 0; i < G_N_ELEMENTS (article_counts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/quotes/articles/count/%s",
                                               article_counts[i].file);

      g_test_add_data_func (path, &article_counts[i], test_article_count);
    }

  g_test_add_func ("/core/quotes/articles/html-import", test_html_import);

  return g_test_run ();
}
