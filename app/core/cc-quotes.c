/* cc-quotes.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-quotes"

#include "cc-quotes.h"

#include <string.h>

/*
 * Quotation marks are few, so the finder scans the raw UTF-8 for them and looks only at the
 * characters around each one; the tokens are consulted afterwards, for the words of each
 * quotation and its attribution. Most of the work is telling marks from apostrophes: ’ and '
 * are both, and the straight marks do not say which way they face.
 *
 * - A mark glued to letters on both sides is an apostrophe (don’t, o’clock); one before a
 *   year or a known elision is too (’90s, ’em, rock ’n’ roll); ’ never opens; a closing ’ after
 *   an s and before a word (the residents’ group) closes nothing while a later mark could.
 * - Straight marks open or close by what is on either side; where both could be, by whether
 *   one of their kind is open.
 * - A quotation ends at its paragraph: a blank line closes whatever the next paragraph does
 *   not reopen with the same marks (the convention for quotations over paragraphs). In texts
 *   with a paragraph a line, a line that reopens the marks after a full stop continues them.
 *   A straight single mark that nothing closed was an apostrophe, not a quotation.
 * - The speaker comes from the attribution after the quotation (“…,” said Jane Doe), else
 *   before it in the same sentence (Doe said: “…”), else, for a quotation that opens a
 *   paragraph, from a previous paragraph ending in a colon; a quotation right after another
 *   one's attribution sentence has the same speaker. Pronouns name no one.
 */

struct _CcQuotes
{
  gatomicrefcount  ref_count;
  CcText          *text;
  GArray          *quotes;   /* CcQuote, by outer start, enclosing quotations first */
};

/* Characters ------------------------------------------------------------------------------- */

#define LEFT_DOUBLE     0x201C   /* “ */
#define RIGHT_DOUBLE    0x201D   /* ” */
#define LOW_DOUBLE      0x201E   /* „ */
#define REVERSED_DOUBLE 0x201F   /* ‟ */
#define LEFT_SINGLE     0x2018   /* ‘ */
#define RIGHT_SINGLE    0x2019   /* ’ */
#define LOW_SINGLE      0x201A   /* ‚ */
#define REVERSED_SINGLE 0x201B   /* ‛ */
#define LEFT_GUILLEMET  0x00AB   /* « */
#define RIGHT_GUILLEMET 0x00BB   /* » */
#define LEFT_ANGLE      0x2039   /* ‹ */
#define RIGHT_ANGLE     0x203A   /* › */
#define LEFT_CORNER     0x300C   /* 「 */
#define RIGHT_CORNER    0x300D   /* 」 */
#define LEFT_WHITE      0x300E   /* 『 */
#define RIGHT_WHITE     0x300F   /* 』 */

/* The first bytes of everything the scanner stops at: line ends, the straight marks, and the
 * lead bytes of U+0080–U+00FF (guillemets), U+2000–U+2FFF (curly marks, line separators) and
 * U+3000–U+3FFF (corner brackets). */
static const guint8 interesting[256] = {
  ['\n'] = 1, ['\r'] = 1, ['"'] = 1, ['\''] = 1, [0xC2] = 1, [0xE2] = 1, [0xE3] = 1,
};

static gboolean
is_quote_char (gunichar c)
{
  return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) || c == LEFT_GUILLEMET ||
         c == RIGHT_GUILLEMET || c == LEFT_ANGLE || c == RIGHT_ANGLE ||
         (c >= LEFT_CORNER && c <= RIGHT_WHITE);
}

static gboolean
is_space_char (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';

  return g_unichar_isspace (c) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0xFEFF;
}

typedef enum
{
  CONTEXT_SPACE,     /* white space, or the start or end of the text */
  CONTEXT_WORD,
  CONTEXT_OPENING,   /* punctuation that stands before a quotation: ( [ — */
  CONTEXT_CLOSING,   /* punctuation that stands after one: . , ; ) */
  CONTEXT_QUOTE,     /* another quotation mark */
  CONTEXT_OTHER,
} Context;

static Context
classify (gunichar c)
{
  if (c == 0)
    return CONTEXT_SPACE;

  if (c < 0x80)
    {
      if (g_ascii_isspace (c))
        return CONTEXT_SPACE;
      if (g_ascii_isalnum (c))
        return CONTEXT_WORD;
      if (c == '"' || c == '\'')
        return CONTEXT_QUOTE;
      if (strchr ("([{-/", c) != NULL)
        return CONTEXT_OPENING;
      if (strchr (".,;:!?)]}", c) != NULL)
        return CONTEXT_CLOSING;
      return CONTEXT_OTHER;
    }

  if (is_space_char (c))
    return CONTEXT_SPACE;
  if (is_quote_char (c))
    return CONTEXT_QUOTE;
  if (c >= 0x2010 && c <= 0x2015)
    return CONTEXT_OPENING;
  if (c == 0x2026 || c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF01 || c == 0xFF1F)
    return CONTEXT_CLOSING;
  if (c >= 0x2E80)
    {
      GUnicodeScript script = g_unichar_get_script (c);

      /* Chinese and Japanese set marks against the characters, and have no apostrophes. */
      if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
          script == G_UNICODE_SCRIPT_KATAKANA)
        return CONTEXT_OTHER;
    }
  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return CONTEXT_WORD;
  return CONTEXT_OTHER;
}

static inline gunichar
char_at (const char *s,
         gsize       n,
         gsize       i)
{
  if (i >= n)
    return 0;
  if ((guchar) s[i] < 0x80)
    return (guchar) s[i];
  return g_utf8_get_char (s + i);
}

static inline gunichar
char_before (const char *s,
             gsize       i)
{
  if (i == 0)
    return 0;
  if ((guchar) s[i - 1] < 0x80)
    return (guchar) s[i - 1];
  return g_utf8_get_char (g_utf8_prev_char (s + i));
}

static inline gsize
char_length (const char *s,
             gsize       i)
{
  return g_utf8_skip[(guchar) s[i]];
}

/* Scanning --------------------------------------------------------------------------------- */

typedef struct
{
  gsize byte;
  guint chr;
} Pos;

typedef struct
{
  gunichar mark;
  Pos      open;         /* at the opening mark */
  Pos      inner;        /* just after it */
  guint    paragraphs;
} Open;

typedef struct
{
  const char *s;
  gsize       n;
  GArray     *stack;        /* Open */
  GArray     *quotes;       /* CcQuote */
  gsize       skip_until;   /* repeated opening marks of continued paragraphs end here */
} Scanner;

static Pos
pos_after (const Scanner *sc,
           Pos            pos)
{
  Pos after = { pos.byte + char_length (sc->s, pos.byte), pos.chr + 1 };

  return after;
}

static Pos
skip_space_forward (const Scanner *sc,
                    Pos            pos,
                    Pos            limit)
{
  while (pos.byte < limit.byte && is_space_char (char_at (sc->s, sc->n, pos.byte)))
    pos = pos_after (sc, pos);

  return pos;
}

static Pos
skip_space_backward (const Scanner *sc,
                     Pos            pos,
                     Pos            limit)
{
  while (pos.byte > limit.byte && is_space_char (char_before (sc->s, pos.byte)))
    {
      pos.byte = g_utf8_prev_char (sc->s + pos.byte) - sc->s;
      pos.chr--;
    }

  return pos;
}

static Open *
stack_top (Scanner *sc)
{
  if (sc->stack->len == 0)
    return NULL;
  return &g_array_index (sc->stack, Open, sc->stack->len - 1);
}

static void
push (Scanner  *sc,
      gunichar  mark,
      Pos       at)
{
  Open open = { mark, at, pos_after (sc, at), 1 };

  g_array_append_val (sc->stack, open);
}

static void
emit (Scanner    *sc,
      const Open *open,
      Pos         end,
      gunichar    close_mark,
      Pos         outer_end)
{
  Pos start = skip_space_forward (sc, open->inner, end);
  CcQuote quote = { 0 };

  end = skip_space_backward (sc, end, start);
  if (end.chr <= start.chr)
    return;

  quote.range.start = start.chr;
  quote.range.end = end.chr;
  quote.outer.start = open->open.chr;
  quote.outer.end = outer_end.chr;
  quote.open_mark = open->mark;
  quote.close_mark = close_mark;
  quote.paragraphs = open->paragraphs;
  quote.origin = CC_QUOTE_MARKS;
  g_array_append_val (sc->quotes, quote);
}

/* Closes the innermost quotation at its mark @at. */
static void
close_top (Scanner  *sc,
           gunichar  mark,
           Pos       at)
{
  Open open = *stack_top (sc);

  g_array_set_size (sc->stack, sc->stack->len - 1);
  emit (sc, &open, at, mark, pos_after (sc, at));
}

/* Closes the innermost quotation where no mark closes it: at @at, the end of its paragraph or
 * where something else shows it must have ended. A straight single mark that nothing closed was
 * most likely an apostrophe, so it yields no quotation. */
static void
abandon_top (Scanner *sc,
             Pos      at)
{
  Open open = *stack_top (sc);

  g_array_set_size (sc->stack, sc->stack->len - 1);
  if (open.mark == '\'')
    return;

  at = skip_space_backward (sc, at, open.inner);
  emit (sc, &open, at, 0, at);
}

static void
abandon_above (Scanner *sc,
               guint    depth,
               Pos      at)
{
  while (sc->stack->len > depth)
    abandon_top (sc, at);
}

static gboolean
mark_closes (gunichar open,
             gunichar close)
{
  switch (open)
    {
    case LEFT_DOUBLE:
    case REVERSED_DOUBLE:
      return close == RIGHT_DOUBLE;
    case LOW_DOUBLE:
      return close == LEFT_DOUBLE || close == RIGHT_DOUBLE;
    case '"':
      return close == '"' || close == RIGHT_DOUBLE;
    case LEFT_SINGLE:
    case REVERSED_SINGLE:
      return close == RIGHT_SINGLE || close == '\'';
    case LOW_SINGLE:
      return close == LEFT_SINGLE || close == RIGHT_SINGLE;
    case '\'':
      return close == '\'' || close == RIGHT_SINGLE;
    case LEFT_GUILLEMET:
      return close == RIGHT_GUILLEMET;
    case RIGHT_GUILLEMET:
      return close == LEFT_GUILLEMET;
    case LEFT_ANGLE:
      return close == RIGHT_ANGLE;
    case RIGHT_ANGLE:
      return close == LEFT_ANGLE;
    case LEFT_CORNER:
      return close == RIGHT_CORNER;
    case LEFT_WHITE:
      return close == RIGHT_WHITE;
    default:
      return FALSE;
    }
}

/* The depth of the innermost open quotation that @close closes, or -1. */
static gint
find_opener (Scanner  *sc,
             gunichar  close,
             gboolean  top_only)
{
  for (gint d = (gint) sc->stack->len - 1; d >= 0; d--)
    {
      if (mark_closes (g_array_index (sc->stack, Open, d).mark, close))
        return d;
      if (top_only)
        break;
    }

  return -1;
}

/* Closes the quotation at @depth with the mark at @at, and any left open inside it there. */
static void
close_at_depth (Scanner  *sc,
                guint     depth,
                gunichar  mark,
                Pos       at)
{
  abandon_above (sc, depth + 1, at);
  close_top (sc, mark, at);
}

/* Words that start with an apostrophe standing for dropped letters: ’em, ’tis, rock ’n’ roll. */
static const char * const elided_words[] = {
  "em", "tis", "twas", "til", "cause", "cos", "bout", "n", "nuff", "twere", "twill", "im",
  "er", "ere", "ow", "ave", NULL
};

/* How many bytes from @i (just after an apostrophe at a word's start) belong to an elision,
 * so the scanner skips them; 0 when the apostrophe may be a quotation mark. A year ('90s, ’50s)
 * or one of the elided words; for ’n’ the closing apostrophe too. */
static gsize
elision_length (const char *s,
                gsize       n,
                gsize       i)
{
  gsize j = i;

  if (i + 1 < n && g_ascii_isdigit (s[i]) && g_ascii_isdigit (s[i + 1]) &&
      (i + 2 >= n || !g_ascii_isdigit (s[i + 2])))
    return 2;

  while (j < n && g_ascii_isalpha (s[j]))
    j++;
  if (j == i || j - i > 5 || classify (char_at (s, n, j)) == CONTEXT_WORD)
    return 0;

  for (guint k = 0; elided_words[k] != NULL; k++)
    {
      if (strlen (elided_words[k]) != j - i ||
          g_ascii_strncasecmp (elided_words[k], s + i, j - i) != 0)
        continue;

      /* ’n’ carries its own closing apostrophe. */
      if (j - i == 1)
        {
          gunichar after = char_at (s, n, j);

          if (after == '\'' || after == RIGHT_SINGLE)
            return 1 + char_length (s, j);
        }
      return j - i;
    }

  return 0;
}

/* Whether a right single mark after an s and before a word (“the residents’ group”) is more
 * likely a plural possessive than the end of the quotation: it is when another mark that could
 * close the quotation follows in the same paragraph, not too far away. */
static gboolean
is_plural_possessive (const char *s,
                      gsize       n,
                      gsize       i,
                      gsize       mark_length)
{
  gunichar before = char_before (s, i);
  gsize j = i + mark_length;
  gsize limit = MIN (n, j + 4096);

  if ((before != 's' && before != 'S') || j + 1 >= n || s[j] != ' ' ||
      classify (char_at (s, n, j + 1)) != CONTEXT_WORD)
    return FALSE;

  for (; j < limit; j++)
    {
      if (s[j] == '\n')
        {
          gsize k = j + 1;

          while (k < limit && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
            k++;
          if (k < limit && s[k] == '\n')
            return FALSE;
        }
      else if (s[j] == '\'' || (s[j] == '\xe2' && j + 2 < n && s[j + 1] == '\x80' &&
                                 s[j + 2] == '\x99'))
        {
          Context prev = classify (char_before (s, j));
          Context next = classify (char_at (s, n, j + char_length (s, j)));

          if (prev != CONTEXT_SPACE && next != CONTEXT_WORD)
            return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  gboolean left;    /* could open: not followed by space, not glued to a word before */
  gboolean right;   /* could close: not after space, not glued to a word after */
  Context  prev;
  Context  next;
} Flanks;

static Flanks
flanks (const Scanner *sc,
        gsize          i,
        gsize          length)
{
  gunichar next_char = char_at (sc->s, sc->n, i + length);
  Flanks f;

  f.prev = classify (char_before (sc->s, i));
  f.next = classify (next_char);
  f.left = f.next != CONTEXT_SPACE && f.prev != CONTEXT_WORD &&
           !(f.next == CONTEXT_CLOSING && next_char != '.' && next_char != 0x2026);
  f.right = f.prev != CONTEXT_SPACE && f.prev != CONTEXT_OPENING && f.next != CONTEXT_WORD;

  return f;
}

/* How many of the open quotations, outermost first, the opening marks at @at repeat: the
 * convention that reopens a quotation running on into a new paragraph. */
static guint
count_reopened (Scanner *sc,
                Pos     *at)
{
  guint k = 0;

  while (k < sc->stack->len && at->byte < sc->n)
    {
      gunichar c = char_at (sc->s, sc->n, at->byte);

      if (c != g_array_index (sc->stack, Open, k).mark)
        break;
      *at = pos_after (sc, *at);
      k++;
    }

  return k;
}

/* Whether the marks at @at repeat every open quotation's, as at the start of a paragraph that
 * continues them; if so they are skipped as such. */
static gboolean
reopens_all (Scanner *sc,
             Pos      at)
{
  Pos after = at;

  if (count_reopened (sc, &after) < sc->stack->len)
    return FALSE;

  for (guint d = 0; d < sc->stack->len; d++)
    g_array_index (sc->stack, Open, d).paragraphs++;
  sc->skip_until = after.byte;
  return TRUE;
}

static gboolean
is_line_end (const char *s,
             gsize       n,
             gsize       i,
             gunichar    c)
{
  return c == '\n' || c == 0x2028 || c == 0x2029 || (c == '\r' && (i + 1 >= n || s[i + 1] != '\n'));
}

/* Whether the line ending at @at ends with a sentence, perhaps inside closing marks. */
static gboolean
ends_sentence (const Scanner *sc,
               Pos            at)
{
  gsize i = at.byte;

  while (i > 0)
    {
      gunichar c = char_before (sc->s, i);

      if (!is_space_char (c) && !is_quote_char (c) && c != ')')
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
      i = g_utf8_prev_char (sc->s + i) - sc->s;
    }

  return FALSE;
}

/* At a line end inside a quotation: a blank line ends the paragraph, and with it every
 * quotation the next paragraph does not reopen; a line that repeats all the open marks
 * continues them. Returns where scanning resumes. */
static Pos
line_end (Scanner *sc,
          Pos      at)
{
  Pos next = at;
  Pos reopened;
  guint newlines = 0;
  guint k;

  while (next.byte < sc->n)
    {
      gunichar c = char_at (sc->s, sc->n, next.byte);

      if (is_line_end (sc->s, sc->n, next.byte, c))
        newlines++;
      else if (!is_space_char (c))
        break;
      next = pos_after (sc, next);
    }

  reopened = next;
  k = count_reopened (sc, &reopened);

  /* In a text with a paragraph a line, a line that reopens the quotations after one that
   * ended a sentence continues them; reopening only the outer ones ends the inner ones. In a
   * text wrapped at a width, a line that merely starts with a mark opens a new quotation. */
  if (newlines == 1 && k > 0 && !ends_sentence (sc, at))
    return next;
  if (newlines >= 2 || next.byte >= sc->n || k > 0)
    abandon_above (sc, k, at);

  for (guint d = 0; d < k; d++)
    g_array_index (sc->stack, Open, d).paragraphs++;
  if (k > 0)
    sc->skip_until = reopened.byte;

  return next;
}

static void
straight_double (Scanner *sc,
                 Pos      at)
{
  Flanks f = flanks (sc, at.byte, 1);
  Open *top = stack_top (sc);
  gboolean top_is_double = top != NULL && top->mark == '"';

  if (f.left && f.right)
    {
      if (top_is_double)
        close_top (sc, '"', at);
      else
        push (sc, '"', at);
    }
  else if (f.right)
    {
      gint depth = find_opener (sc, '"', FALSE);

      if (depth >= 0)
        close_at_depth (sc, depth, '"', at);
    }
  else if (f.left)
    {
      /* Straight double marks do not nest: one still open was never closed. */
      gint depth = find_opener (sc, '"', FALSE);

      if (depth >= 0 && g_array_index (sc->stack, Open, depth).mark == '"')
        abandon_above (sc, depth, at);
      push (sc, '"', at);
    }
}

/* ' and ’ that are neither inside a word nor an elision. */
static void
single_mark (Scanner  *sc,
             gunichar  c,
             Pos       at,
             gsize     length)
{
  Flanks f = flanks (sc, at.byte, length);
  Open *top = stack_top (sc);

  if (f.right && top != NULL && mark_closes (top->mark, c))
    {
      if (!is_plural_possessive (sc->s, sc->n, at.byte, length))
        close_top (sc, c, at);
      return;
    }

  /* ’ never opens in the typography we read (’Tis is an elision); ' opens where it could. */
  if (c == '\'' && f.left && !f.right)
    push (sc, c, at);
}

/* How many bytes an apostrophe at @at takes with the letters it belongs to, or 0 when it may
 * be a quotation mark: inside a word (don’t, o’clock) or an elision (’90s, ’em, ’n’). */
static gsize
apostrophe_length (Scanner *sc,
                   Pos      at,
                   gsize    length)
{
  Flanks f = flanks (sc, at.byte, length);
  gsize elided;

  if (f.prev == CONTEXT_WORD && f.next == CONTEXT_WORD)
    return length;
  if (f.prev == CONTEXT_WORD)
    return 0;

  elided = elision_length (sc->s, sc->n, at.byte + length);
  return elided > 0 ? length + elided : 0;
}

static void
left_single (Scanner *sc,
             Pos      at,
             gsize    length)
{
  Flanks f = flanks (sc, at.byte, length);
  gint depth;

  /* ‚…‘ in German. */
  depth = find_opener (sc, LEFT_SINGLE, TRUE);
  if (f.right && depth >= 0)
    close_at_depth (sc, depth, LEFT_SINGLE, at);
  else if (f.next != CONTEXT_SPACE && f.prev != CONTEXT_WORD)
    push (sc, LEFT_SINGLE, at);
}

static void
left_double (Scanner *sc,
             Pos      at,
             gsize    length)
{
  Flanks f = flanks (sc, at.byte, length);
  Open *top = stack_top (sc);
  gint depth;

  /* „…“ in German. */
  depth = find_opener (sc, LEFT_DOUBLE, FALSE);
  if (f.right && depth >= 0 && g_array_index (sc->stack, Open, depth).mark == LOW_DOUBLE)
    {
      close_at_depth (sc, depth, LEFT_DOUBLE, at);
      return;
    }

  if (top != NULL && top->mark == LEFT_DOUBLE)
    {
      /* A “ typed where ” belongs, as in “Yes,“ she said. */
      if (f.right && !f.left)
        {
          close_top (sc, LEFT_DOUBLE, at);
          return;
        }
      /* “ does not open inside “ in any typography: the open one was never closed. */
      abandon_top (sc, at);
    }

  push (sc, LEFT_DOUBLE, at);
}

static void
scan (Scanner *sc)
{
  const char *s = sc->s;
  gsize n = sc->n;
  gsize i = 0;
  guint chars = 0;

  while (i < n)
    {
      gunichar c;
      gsize length;
      Pos at;

      while (i < n && !interesting[(guchar) s[i]])
        {
          chars += ((guchar) s[i] & 0xC0) != 0x80;
          i++;
        }
      if (i >= n)
        break;

      at.byte = i;
      at.chr = chars;
      c = char_at (s, n, i);
      length = char_length (s, i);
      if (i + length > n)
        length = n - i;

      if (is_line_end (s, n, i, c))
        {
          if (sc->stack->len > 0)
            {
              Pos next = line_end (sc, at);

              i = next.byte;
              chars = next.chr;
              continue;
            }
        }
      else if (i < sc->skip_until)
        {
          /* A reopening mark of a quotation that runs on. */
        }
      else if (sc->stack->len >= 2 && c == g_array_index (sc->stack, Open, 0).mark &&
               reopens_all (sc, at))
        {
          /* “‘ inside “‘…: a paragraph break the text lost. */
        }
      else
        {
          switch (c)
            {
            case '"':
              straight_double (sc, at);
              break;

            case '\'':
            case RIGHT_SINGLE:
            case LEFT_SINGLE:
            case REVERSED_SINGLE:
              {
                gsize skip = apostrophe_length (sc, at, length);

                if (skip > 0)
                  {
                    for (gsize k = i; k < i + skip; k++)
                      chars += ((guchar) s[k] & 0xC0) != 0x80;
                    i += skip;
                    continue;
                  }
                if (c == '\'' || c == RIGHT_SINGLE)
                  single_mark (sc, c, at, length);
                else
                  left_single (sc, at, length);
              }
              break;

            case LEFT_DOUBLE:
            case REVERSED_DOUBLE:
              left_double (sc, at, length);
              break;

            case RIGHT_DOUBLE:
            case RIGHT_CORNER:
            case RIGHT_WHITE:
              {
                gint depth = find_opener (sc, c, FALSE);

                if (depth >= 0)
                  close_at_depth (sc, depth, c, at);
              }
              break;

            case LOW_DOUBLE:
            case LEFT_CORNER:
            case LEFT_WHITE:
              push (sc, c, at);
              break;

            case LOW_SINGLE:
              {
                Flanks f = flanks (sc, i, length);

                if (f.left)
                  push (sc, c, at);
              }
              break;

            case LEFT_GUILLEMET:
            case LEFT_ANGLE:
            case RIGHT_GUILLEMET:
            case RIGHT_ANGLE:
              {
                /* «…» and ‹…› in French, »…« and ›…‹ in German and Danish. */
                gint depth = find_opener (sc, c, FALSE);

                if (depth >= 0)
                  close_at_depth (sc, depth, c, at);
                else if (c == LEFT_GUILLEMET || c == LEFT_ANGLE || flanks (sc, i, length).left)
                  push (sc, c, at);
              }
              break;

            default:
              break;
            }
        }

      i += length;
      chars++;
    }

  if (sc->stack->len > 0)
    {
      Pos end = { n, chars };

      abandon_above (sc, 0, end);
    }
}

/* Tokens ----------------------------------------------------------------------------------- */

typedef struct
{
  CcText        *text;
  const char    *s;
  const CcToken *tokens;
  guint          n_tokens;
} Words;

static inline const char *
token_string (const Words *w,
              guint        i,
              gsize       *length)
{
  *length = w->tokens[i].byte_end - w->tokens[i].byte_start;
  return w->s + w->tokens[i].byte_start;
}

static gboolean
token_is_char (const Words *w,
               guint        i,
               gunichar     c)
{
  gsize length;
  const char *p;

  if (i >= w->n_tokens || w->tokens[i].kind != CC_TOKEN_PUNCTUATION)
    return FALSE;
  p = token_string (w, i, &length);
  return g_utf8_get_char (p) == c && (gsize) g_utf8_skip[(guchar) *p] == length;
}

static gboolean
token_in_list (const Words        *w,
               guint               i,
               const char * const *list)
{
  gsize length;
  const char *p;

  if (i >= w->n_tokens || w->tokens[i].kind != CC_TOKEN_WORD)
    return FALSE;
  p = token_string (w, i, &length);
  for (guint k = 0; list[k] != NULL; k++)
    if (strlen (list[k]) == length && g_ascii_strncasecmp (list[k], p, length) == 0)
      return TRUE;

  return FALSE;
}

static const char * const speech_verbs[] = {
  "said", "says", "say", "told", "tells", "tell", "wrote", "writes", "added", "adds", "asked",
  "asks", "explained", "explains", "insisted", "insists", "warned", "warns", "stated",
  "states", "replied", "replies", "answered", "continued", "declared", "fumed", "claimed",
  "claims", "argued", "argues", "noted", "notes", "recalled", "recalls", "admitted", "admits",
  "put", "commented", "remarked", "shouted", "cried", "whispered", "tweeted", "posted",
  "announced", "acknowledged", "conceded", "confirmed", "urged", "pleaded", "joked", "sighed",
  "snapped", "stressed", "reported", "observed", "suggested", "promised", "vowed", "quipped",
  "spoke", "saying", "answer", "answers", "reply", NULL
};

static const char * const pronouns[] = {
  "he", "she", "they", "i", "we", "you", "it", "one", "someone", "somebody", "nobody", NULL
};

/* Words that may stand between a subject and its verb: "Ledwith later told", "she has said". */
static const char * const verb_helpers[] = {
  "also", "later", "then", "once", "previously", "earlier", "has", "had", "have", "is", "was",
  "were", "would", "will", "reportedly", "recently", "simply", "just", "again", NULL
};

/* Words after which a capitalized name is a place, a body or a thing rather than the speaker:
 * of Hindle Cross, the Residents’ Action Group. */
static const char * const name_blockers[] = {
  "of", "from", "at", "in", "for", "by", "with", "to", "on", "near", "outside", "about",
  "the", "a", "an", "whose", "which", "who", NULL
};

/* Words that start a clause but name no one. */
static const char * const clause_openers[] = {
  "and", "but", "or", "so", "which", "that", "if", "when", "because", "as", "while", "in",
  "on", "at", "to", "for", "of", "with", "then", "after", "before", "until", NULL
};

/* Capitalized words that are not names: sentence openers, days and months. */
static const char * const not_names[] = {
  "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "After",
  "Before", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You", "I",
  "His", "Her", "Their", "Our", "My", "Its", "There", "Here", "So", "Then", "Yet", "As", "For",
  "From", "With", "By", "Of", "To", "Not", "No", "Yes", "Back", "Speaking", "Last", "Next",
  "Asked", "According", "Meanwhile", "However", "Also", "Now", "Later", "Earlier", "Today",
  "Yesterday", "Some", "Many", "Most", "All", "What", "Why", "How", "Who", "Where", "Which",
  "Even", "Still", "Under", "Over", "Since", "Until", "Despite", "During", "Although", "Though",
  "Because", "Let", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
  "Sunday", "January", "February", "March", "April", "July", "September", "October",
  "November", "December", "Him", "Them", "Your", "Every",
  "Each", "Both", "Once", "Only", "Just", "Said", "Says", "Told", NULL
};

/* Words that join the parts of a name: Ludwig van Beethoven, Ana de la Cruz. */
static const char * const name_particles[] = {
  "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "della", "bin",
  "al", "ter", "ten", "dos", "das", "do", "y", NULL
};

static gboolean
is_name_word (const Words *w,
              guint        i)
{
  gsize length;
  const char *p;
  const char *end;
  gboolean part_start = TRUE;
  guint upper = 0, letters = 0;

  if (i >= w->n_tokens || w->tokens[i].kind != CC_TOKEN_WORD)
    return FALSE;

  /* Each part of a hyphenated name is capitalized (Smith-Jones), unlike Mum-of-two. */
  p = token_string (w, i, &length);
  end = p + length;
  for (const char *q = p; q < end; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (c == '-' || c == 0x2010 || c == 0x2011)
        {
          part_start = TRUE;
          continue;
        }
      if (g_unichar_isalpha (c))
        {
          letters++;
          if (g_unichar_isupper (c) || g_unichar_istitle (c))
            upper++;
          else if (part_start)
            return FALSE;
        }
      else if (part_start)
        return FALSE;
      part_start = FALSE;
    }

  /* Capitals throughout (“A WATER boss”) are emphasis, not a name; a single capital is an
   * initial. */
  if (letters == 0 || (letters > 1 && upper == letters))
    return FALSE;

  return !token_in_list (w, i, not_names);
}

/* A full stop glued to an initial or a title inside a name: J. Smith, Dr. Jane Doe. */
static gboolean
is_name_stop (const Words *w,
              guint        i)
{
  return token_is_char (w, i, '.') && !(w->tokens[i].flags & CC_TOKEN_SPACE_BEFORE) &&
         i > 0 && is_name_word (w, i - 1) &&
         w->tokens[i - 1].end - w->tokens[i - 1].start <= 4 &&
         is_name_word (w, i + 1);
}

/* The name ending at token @last, scanning no further back than @limit: returns its first
 * token, or -1 when @last ends no name. */
static gint
name_back (const Words *w,
           guint        last,
           guint        limit)
{
  gint first;

  if (!is_name_word (w, last))
    return -1;

  first = last;
  while ((guint) first > limit)
    {
      guint i = first - 1;

      if (w->tokens[first].flags & CC_TOKEN_SENTENCE_START)
        break;
      if (is_name_word (w, i) || is_name_stop (w, i))
        first = i;
      else if (token_in_list (w, i, name_particles) && i > limit && is_name_word (w, i - 1))
        first = i;
      else
        break;
    }

  return first;
}

/* The name starting at token @first, scanning no further than @limit: returns its last
 * token, or -1. */
static gint
name_forward (const Words *w,
              guint        first,
              guint        limit)
{
  guint last;

  if (first >= limit || !is_name_word (w, first))
    return -1;

  last = first;
  while (last + 1 < limit)
    {
      guint i = last + 1;

      if (w->tokens[i].flags & (CC_TOKEN_SENTENCE_START | CC_TOKEN_PARAGRAPH_START))
        break;
      if (is_name_word (w, i) || is_name_stop (w, i))
        last = i;
      else if (token_in_list (w, i, name_particles) && i + 1 < limit &&
               is_name_word (w, i + 1))
        last = i;
      else
        break;
    }

  return last;
}

typedef enum
{
  ATTRIBUTION_NONE,      /* nothing says who spoke */
  ATTRIBUTION_UNNAMED,   /* someone spoke, but the attribution names no one: she said */
  ATTRIBUTION_NAMED,
} Attribution;

static Attribution
named (const Words *w,
       guint        first,
       guint        last,
       CcRange     *speaker)
{
  speaker->start = w->tokens[first].start;
  speaker->end = w->tokens[last].end;
  return ATTRIBUTION_NAMED;
}

/* Who is the subject of the speech verb at @verb, in the clause that starts at @start: the
 * name just before the verb, or after appositions set off by commas. */
static Attribution
subject_of (const Words *w,
            guint        start,
            guint        verb,
            CcRange     *speaker)
{
  guint j = verb;
  guint segment_start;
  gint first;

  for (guint k = 0; k < 2 && j > start && token_in_list (w, j - 1, verb_helpers); k++)
    j--;
  if (j <= start)
    return ATTRIBUTION_UNNAMED;
  j--;

  if (token_in_list (w, j, pronouns))
    return ATTRIBUTION_UNNAMED;

  first = name_back (w, j, start);
  if (first >= 0 && !((guint) first > start && token_in_list (w, first - 1, name_blockers)))
    return named (w, first, j, speaker);

  if (!token_is_char (w, j, ',') && first < 0)
    return ATTRIBUTION_UNNAMED;

  /* "Bethan Rooke, a spokesperson for the group, said" and "the minister, Martin Shawcross,
   * said": a part between commas that is only a name is the speaker; failing that, the name
   * that opens the clause. */
  segment_start = start;
  for (guint i = start; i <= j; i++)
    {
      if (i == j || token_is_char (w, i, ','))
        {
          guint segment_end = token_is_char (w, i, ',') ? i : i + 1;

          if (segment_end > segment_start)
            {
              gint last = name_forward (w, segment_start, segment_end);

              if (last >= 0 && (guint) last + 1 == segment_end)
                return named (w, segment_start, last, speaker);
            }
          segment_start = i + 1;
        }
    }

  for (guint i = start; i < j && !token_is_char (w, i, ','); i++)
    {
      gint last = name_forward (w, i, j);

      if (last >= 0)
        {
          if (i > start && token_in_list (w, i - 1, name_blockers))
            break;
          return named (w, i, last, speaker);
        }
    }

  return ATTRIBUTION_UNNAMED;
}

static gboolean
is_terminal_token (const Words *w,
                   guint        i)
{
  return token_is_char (w, i, '.') || token_is_char (w, i, '!') || token_is_char (w, i, '?') ||
         token_is_char (w, i, ';');
}

/* After the quotation: “…,” said Jane Doe / Jane Doe said / she said / a spokesperson said /
 * according to Doe. @end receives the token that ends the attribution's sentence. */
static Attribution
attribution_after (const Words *w,
                   guint        after,
                   guint        ceiling,
                   CcRange     *speaker,
                   guint       *end)
{
  guint start = after;
  guint limit;
  gint last;

  for (guint k = 0; k < 2 && start < ceiling && w->tokens[start].kind == CC_TOKEN_PUNCTUATION &&
       !is_terminal_token (w, start); k++)
    start++;

  /* The attribution's sentence: where it ends tells whether the next quotation follows on. */
  limit = start;
  while (limit < ceiling && limit < start + 40 && !is_terminal_token (w, limit) &&
         !(limit > after && (w->tokens[limit].flags & CC_TOKEN_PARAGRAPH_START)))
    limit++;
  *end = limit;
  limit = MIN (limit, start + 12);

  if (start >= limit || (w->tokens[start].flags & CC_TOKEN_PARAGRAPH_START) ||
      token_in_list (w, start, clause_openers))
    return ATTRIBUTION_NONE;

  if (token_in_list (w, start, (const char * const[]) { "according", NULL }) &&
      token_in_list (w, start + 1, (const char * const[]) { "to", NULL }))
    {
      last = name_forward (w, start + 2, limit);
      return last >= 0 ? named (w, start + 2, last, speaker) : ATTRIBUTION_UNNAMED;
    }

  if (token_in_list (w, start, speech_verbs))
    {
      if (token_in_list (w, start + 1, pronouns))
        return ATTRIBUTION_UNNAMED;
      last = name_forward (w, start + 1, limit);
      return last >= 0 ? named (w, start + 1, last, speaker) : ATTRIBUTION_UNNAMED;
    }

  for (guint v = start + 1; v < limit && v < start + 8; v++)
    if (token_in_list (w, v, speech_verbs))
      return subject_of (w, start, v, speaker);

  return ATTRIBUTION_NONE;
}

/* Before the quotation, in the same clause: Doe said: “…” / Jane Doe told the Gazette, “…” /
 * according to Doe, “…”. */
static Attribution
attribution_before (const Words *w,
                    guint        open,
                    guint        floor,
                    CcRange     *speaker)
{
  guint start = open;

  /* Back to the start of the sentence, or the end of the quotation before. */
  while (start > floor && open - start < 60 &&
         !(w->tokens[start].flags & (CC_TOKEN_SENTENCE_START | CC_TOKEN_PARAGRAPH_START)))
    start--;

  for (guint v = open; v > start; v--)
    {
      guint i = v - 1;

      if (token_in_list (w, i, (const char * const[]) { "according", NULL }) &&
          token_in_list (w, i + 1, (const char * const[]) { "to", NULL }))
        {
          gint last = name_forward (w, i + 2, open);

          return last >= 0 ? named (w, i + 2, last, speaker) : ATTRIBUTION_UNNAMED;
        }
      if (token_in_list (w, i, speech_verbs))
        return subject_of (w, start, i, speaker);
    }

  return ATTRIBUTION_NONE;
}

/* The token index of the first token at or after character @offset. */
static guint
token_from (const Words *w,
            guint        offset)
{
  return cc_text_token_at (w->text, offset);
}

static void
find_speakers (Words  *w,
               GArray *quotes)
{
  g_autoptr(GArray) enclosing = g_array_new (FALSE, FALSE, sizeof (guint));
  guint previous_end = G_MAXUINT;            /* token ending the last attribution sentence */
  CcRange previous_speaker = { 0, 0 };
  guint ended = 0;                           /* where the last quotation before ended */

  for (guint q = 0; q < quotes->len; q++)
    {
      CcQuote *quote = &g_array_index (quotes, CcQuote, q);
      guint open = token_from (w, quote->outer.start);
      Attribution found = ATTRIBUTION_NONE;
      CcRange speaker = { 0, 0 };
      guint end = G_MAXUINT;
      guint floor = 0, ceiling = cc_text_get_length (w->text);

      /* An attribution stays between the quotations before and after, inside the one that
       * encloses this one. */
      while (enclosing->len > 0)
        {
          const CcQuote *outer = &g_array_index (quotes, CcQuote,
                                                 g_array_index (enclosing, guint,
                                                                enclosing->len - 1));

          if (quote->outer.start < outer->outer.end)
            break;
          ended = MAX (ended, outer->outer.end);
          g_array_set_size (enclosing, enclosing->len - 1);
        }
      floor = ended;
      if (enclosing->len > 0)
        {
          const CcQuote *outer = &g_array_index (quotes, CcQuote,
                                                 g_array_index (enclosing, guint,
                                                                enclosing->len - 1));

          floor = MAX (floor, outer->range.start);
          ceiling = outer->range.end;
        }
      for (guint r = q + 1; r < quotes->len; r++)
        {
          const CcQuote *next = &g_array_index (quotes, CcQuote, r);

          if (next->outer.start >= quote->outer.end)
            {
              ceiling = MIN (ceiling, next->outer.start);
              break;
            }
        }
      g_array_append_val (enclosing, q);
      floor = token_from (w, floor);
      ceiling = token_from (w, ceiling);

      if (open >= w->n_tokens)
        continue;

      /* After the quotation, unless a full stop inside it ended the sentence. */
      if (quote->close_mark != 0 || quote->origin != CC_QUOTE_MARKS)
        {
          guint after = token_from (w, quote->outer.end);
          guint last = after > 0 ? after - 1 : 0;

          if (quote->close_mark != 0 && last > 0)
            last--;
          if (after < w->n_tokens && !token_is_char (w, last, '.') &&
              w->tokens[after].start >= quote->outer.end)
            found = attribution_after (w, after, ceiling, &speaker, &end);
        }

      if (found == ATTRIBUTION_NONE)
        {
          guint flags = w->tokens[open].flags;

          if (!(flags & CC_TOKEN_SENTENCE_START))
            found = attribution_before (w, open, floor, &speaker);
          else if ((flags & CC_TOKEN_PARAGRAPH_START) && open > 0 &&
                   token_is_char (w, open - 1, ':'))
            found = attribution_before (w, open - 1, floor, &speaker);
          else if (quote->level == 0 && previous_end != G_MAXUINT &&
                   open == previous_end + 1 && !(flags & CC_TOKEN_PARAGRAPH_START))
            {
              /* “A,” she said. “B.” — B is hers too. */
              speaker = previous_speaker;
              found = speaker.end > speaker.start ? ATTRIBUTION_NAMED : ATTRIBUTION_UNNAMED;
            }
        }

      if (found == ATTRIBUTION_NAMED)
        quote->speaker = speaker;

      if (quote->level > 0)
        continue;
      if (end != G_MAXUINT && found != ATTRIBUTION_NONE && end < w->n_tokens &&
          is_terminal_token (w, end))
        {
          previous_end = end;
          previous_speaker = quote->speaker;
        }
      else
        previous_end = G_MAXUINT;
    }
}

/* Assembling ------------------------------------------------------------------------------- */

static gint
compare_quotes (gconstpointer a,
                gconstpointer b)
{
  const CcQuote *qa = a;
  const CcQuote *qb = b;

  if (qa->outer.start != qb->outer.start)
    return qa->outer.start < qb->outer.start ? -1 : 1;
  if (qa->outer.end != qb->outer.end)
    return qa->outer.end > qb->outer.end ? -1 : 1;
  return 0;
}

/* Counts the words; returns FALSE when the quotation has none outside excluded text. */
static gboolean
count_words (const Words *w,
             CcQuote     *quote,
             guint       *first_word,
             guint       *last_word)
{
  guint included = 0;

  quote->words = 0;
  *first_word = *last_word = G_MAXUINT;
  for (guint i = token_from (w, quote->range.start);
       i < w->n_tokens && w->tokens[i].start < quote->range.end; i++)
    {
      const CcToken *token = &w->tokens[i];

      if (token->kind != CC_TOKEN_WORD && token->kind != CC_TOKEN_NUMBER)
        continue;
      quote->words++;
      if (!(token->flags & CC_TOKEN_EXCLUDED))
        included++;
      if (*first_word == G_MAXUINT)
        *first_word = i;
      *last_word = i;
    }

  return included > 0;
}

static guint
count_paragraphs (const Words   *w,
                  const CcRange *range)
{
  guint paragraphs = 1;

  for (guint i = token_from (w, range->start);
       i < w->n_tokens && w->tokens[i].start < range->end; i++)
    if ((w->tokens[i].flags & CC_TOKEN_PARAGRAPH_START) && w->tokens[i].start > range->start)
      paragraphs++;

  return paragraphs;
}

/* @range without the white space at its ends. */
static CcRange
trim_range (const Words *w,
            CcRange      range)
{
  gsize start = cc_text_char_to_byte (w->text, range.start);
  gsize end = cc_text_char_to_byte (w->text, range.end);

  while (start < end && is_space_char (g_utf8_get_char (w->s + start)))
    {
      start = g_utf8_next_char (w->s + start) - w->s;
      range.start++;
    }
  while (end > start && is_space_char (char_before (w->s, end)))
    {
      end = g_utf8_prev_char (w->s + end) - w->s;
      range.end--;
    }

  return range;
}

static void
add_marked (Words               *w,
            GArray              *quotes,
            const CcMarkedQuote *marked,
            guint                n_marked)
{
  g_autoptr(GHashTable) by_words = g_hash_table_new (NULL, NULL);
  guint n_found = quotes->len;

  /* A <q> the importer showed with marks is found by its marks too: one quotation. */
  for (guint q = 0; q < n_found; q++)
    {
      CcQuote *quote = &g_array_index (quotes, CcQuote, q);
      guint first, last;

      count_words (w, quote, &first, &last);
      if (first != G_MAXUINT)
        g_hash_table_insert (by_words, GUINT_TO_POINTER (first + 1), GUINT_TO_POINTER (q + 1));
    }

  for (guint m = 0; m < n_marked; m++)
    {
      CcQuote quote = { 0 };
      guint first, last;
      gpointer found;

      if (marked[m].range.end <= marked[m].range.start ||
          marked[m].range.end > cc_text_get_length (w->text))
        continue;

      quote.range = marked[m].range;
      quote.outer = marked[m].range;
      quote.origin = marked[m].kind == CC_MARKUP_BLOCKQUOTE ? CC_QUOTE_BLOCKQUOTE : CC_QUOTE_Q;
      count_words (w, &quote, &first, &last);
      if (first == G_MAXUINT)
        continue;

      found = g_hash_table_lookup (by_words, GUINT_TO_POINTER (first + 1));
      if (found != NULL)
        {
          CcQuote *same = &g_array_index (quotes, CcQuote, GPOINTER_TO_UINT (found) - 1);
          guint same_first, same_last;

          count_words (w, same, &same_first, &same_last);
          if (same_last == last)
            {
              same->origin = quote.origin;
              continue;
            }
        }

      quote.range = trim_range (w, quote.range);
      quote.outer = quote.range;
      quote.paragraphs = count_paragraphs (w, &quote.range);
      g_array_append_val (quotes, quote);
    }
}

static void
assign_levels (GArray *quotes)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint q = 0; q < quotes->len; q++)
    {
      CcQuote *quote = &g_array_index (quotes, CcQuote, q);

      while (open->len > 0)
        {
          const CcQuote *outer = &g_array_index (quotes, CcQuote,
                                                 g_array_index (open, guint, open->len - 1));

          if (quote->outer.start < outer->outer.end && quote->outer.end <= outer->outer.end)
            break;
          g_array_set_size (open, open->len - 1);
        }
      quote->level = open->len;
      g_array_append_val (open, q);
    }
}

/**
 * cc_quotes_extract:
 * @text: the text to search
 * @marked: (array length=n_marked) (nullable): quotations the imported page marked up with
 *   `<blockquote>` or `<q>`
 * @options: (nullable): the comparison settings; finding quotations does not depend on them
 *
 * Finds the quotations of @text: those in quotation marks of any common typography, nested
 * ones, those running over several paragraphs, and those the page marked up. Quotations
 * wholly inside excluded text, and those without words, are left out. A marked-up quotation
 * that marks also enclose is one quotation: it keeps the marks and takes the markup's origin.
 * A quotation without a speaker has an empty #CcQuote.speaker at offset 0.
 *
 * Returns: (transfer full): the quotations
 */
CcQuotes *
cc_quotes_extract (CcText                 *text,
                   const CcMarkedQuote    *marked,
                   guint                   n_marked,
                   const CcCompareOptions *options)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Open));
  CcQuotes *self;
  Scanner sc = { 0 };
  Words w;
  guint kept = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (marked != NULL || n_marked == 0, NULL);

  self = g_new0 (CcQuotes, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = cc_text_ref (text);
  self->quotes = g_array_new (FALSE, FALSE, sizeof (CcQuote));

  sc.s = cc_text_get_string (text, &sc.n);
  sc.stack = stack;
  sc.quotes = self->quotes;
  scan (&sc);

  w.text = text;
  w.s = sc.s;
  w.tokens = cc_text_get_tokens (text, &w.n_tokens);

  if (n_marked > 0)
    add_marked (&w, self->quotes, marked, n_marked);

  g_array_sort (self->quotes, compare_quotes);

  for (guint q = 0; q < self->quotes->len; q++)
    {
      CcQuote *quote = &g_array_index (self->quotes, CcQuote, q);
      guint first, last;

      if (!count_words (&w, quote, &first, &last))
        continue;
      if (kept != q)
        g_array_index (self->quotes, CcQuote, kept) = *quote;
      kept++;
    }
  g_array_set_size (self->quotes, kept);

  assign_levels (self->quotes);
  find_speakers (&w, self->quotes);

  return self;
}

CcQuotes *
cc_quotes_ref (CcQuotes *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_quotes_unref (CcQuotes *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  cc_text_unref (self->text);
  g_array_unref (self->quotes);
  g_free (self);
}

/**
 * cc_quotes_get:
 * @n_quotes: (out): the number of quotations
 *
 * Returns: (array length=n_quotes): the quotations, in text order; a quotation comes before
 *   those nested in it
 */
const CcQuote *
cc_quotes_get (CcQuotes *self,
               guint    *n_quotes)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_quotes != NULL, NULL);

  *n_quotes = self->quotes->len;
  return (const CcQuote *) (gpointer) self->quotes->data;
}

/**
 * cc_quotes_get_text:
 *
 * Returns: (transfer none): the text the quotations were found in
 */
CcText *
cc_quotes_get_text (CcQuotes *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}
