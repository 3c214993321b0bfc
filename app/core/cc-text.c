/* cc-text.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-text"

#include "cc-text.h"
#include "cc-text-private.h"

#include <string.h>

/* Options ---------------------------------------------------------------------------------- */

void
cc_compare_options_init_default (CcCompareOptions *options)
{
  g_return_if_fail (options != NULL);

  options->min_passage_words = CC_DEFAULT_MIN_PASSAGE_WORDS;
  options->max_bridged_words = CC_DEFAULT_MAX_BRIDGED_WORDS;
  options->min_identity = CC_DEFAULT_MIN_IDENTITY;
  options->min_quote_words = CC_DEFAULT_MIN_QUOTE_WORDS;
  options->fold_case = TRUE;
  options->ignore_punctuation = FALSE;
}

void
cc_compare_options_from_settings (CcCompareOptions     *options,
                                  CcComparisonSettings *settings)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (CC_IS_COMPARISON_SETTINGS (settings));

  options->min_passage_words = cc_comparison_settings_get_min_passage_words (settings);
  options->max_bridged_words = cc_comparison_settings_get_max_bridged_words (settings);
  options->min_identity = cc_comparison_settings_get_min_identity (settings);
  options->min_quote_words = cc_comparison_settings_get_min_quote_words (settings);
  options->fold_case = cc_comparison_settings_get_fold_case (settings);
  options->ignore_punctuation = cc_comparison_settings_get_ignore_punctuation (settings);
}

/* Lexicon ---------------------------------------------------------------------------------- */

struct _CcLexicon
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  GHashTable      *ids;       /* form → id */
  GPtrArray       *forms;     /* id → form; id 0 is unused */
  GStringChunk    *chunk;
};

CcLexicon *
cc_lexicon_new (void)
{
  CcLexicon *self = g_new0 (CcLexicon, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->forms = g_ptr_array_new ();
  self->chunk = g_string_chunk_new (64 * 1024);
  g_ptr_array_add (self->forms, (gpointer)"");

  return self;
}

CcLexicon *
cc_lexicon_ref (CcLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_lexicon_unref (CcLexicon *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->ids);
  g_ptr_array_unref (self->forms);
  g_string_chunk_free (self->chunk);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

/**
 * cc_lexicon_intern:
 * @form: a comparison form, not necessarily NUL-terminated
 * @length: its length in bytes
 *
 * Returns: the form's id, never 0
 */
guint32
cc_lexicon_intern (CcLexicon  *self,
                   const char *form,
                   gsize       length)
{
  char stack[128];
  char *key = length < sizeof stack ? stack : g_malloc (length + 1);
  gpointer id;

  memcpy (key, form, length);
  key[length] = '\0';

  g_mutex_lock (&self->mutex);
  id = g_hash_table_lookup (self->ids, key);
  if (id == NULL)
    {
      char *stored = g_string_chunk_insert_len (self->chunk, key, length);

      id = GUINT_TO_POINTER (self->forms->len);
      g_ptr_array_add (self->forms, stored);
      g_hash_table_insert (self->ids, stored, id);
    }
  g_mutex_unlock (&self->mutex);

  if (key != stack)
    g_free (key);

  return GPOINTER_TO_UINT (id);
}

const char *
cc_lexicon_lookup (CcLexicon *self,
                   guint32    form)
{
  const char *string = NULL;

  g_mutex_lock (&self->mutex);
  if (form < self->forms->len)
    string = g_ptr_array_index (self->forms, form);
  g_mutex_unlock (&self->mutex);

  return string;
}

guint
cc_lexicon_get_size (CcLexicon *self)
{
  guint size;

  g_mutex_lock (&self->mutex);
  size = self->forms->len - 1;
  g_mutex_unlock (&self->mutex);

  return size;
}

/* Folding ---------------------------------------------------------------------------------- */

/* Typographic variants that mean the same to a reader: after NFKC, these still differ. */
static gunichar
fold_typography (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0x0060: case 0x00B4:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: case 0x2039: case 0x203A: case 0x300C: case 0x300D: case 0x300E:
    case 0x300F: case 0x301D: case 0x301E:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    default:
      return c;
    }
}

static gboolean
is_invisible (gunichar c)
{
  /* Soft hyphen, zero-width space/joiners, word joiner, BOM. */
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF;
}

/**
 * cc_text_fold:
 * @string: text, such as one token
 * @length: its length in bytes, or -1
 * @fold_case: whether upper and lower case compare equal
 *
 * The comparison form of @string: NFKC, case folded if asked, with curly and straight quotes,
 * apostrophes and dashes made one, and soft hyphens and zero-width characters removed.
 *
 * Returns: (transfer full): the form
 */
char *
cc_text_fold (const char *string,
              gssize      length,
              gboolean    fold_case)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean ascii = TRUE;

  if (length < 0)
    length = strlen (string);

  for (gssize i = 0; i < length; i++)
    if ((guchar)string[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  /* ASCII is already in NFKC: only case and the backtick differ. */
  if (ascii)
    {
      char *result = g_strndup (string, length);

      for (gssize i = 0; i < length; i++)
        {
          if (fold_case)
            result[i] = g_ascii_tolower (result[i]);
          if (result[i] == '`')
            result[i] = '\'';
        }
      return result;
    }

  normalized = g_utf8_normalize (string, length, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    return g_strndup (string, length);

  if (fold_case)
    {
      g_autofree char *casefolded = g_utf8_casefold (normalized, -1);
      folded = g_utf8_normalize (casefolded, -1, G_NORMALIZE_NFKC);
    }
  else
    folded = g_steal_pointer (&normalized);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        continue;
      g_string_append_unichar (out, fold_typography (c));
    }

  return g_string_free (out, FALSE);
}

/* Stop words: function words a reader does not see as content, so a diff does not keep a lone
 * "the" between two changes. A short list per common news language; not exhaustive. */
static const char * const stopword_list[] = {
  /* English */
  "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
  "from", "as", "is", "was", "are", "were", "be", "been", "it", "its", "this", "that", "he",
  "she", "they", "we", "i", "you", "his", "her", "their", "our", "not", "no", "so", "if",
  "than", "then", "has", "had", "have", "will", "would", "said", "which", "who", "up", "out",
  /* French */
  "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "en", "au", "aux", "est",
  "que", "qui", "pour", "par", "sur", "dans", "il", "elle",
  /* German */
  "der", "die", "das", "den", "dem", "ein", "eine", "und", "oder", "ist", "im", "zu", "von",
  "mit", "auf", "für", "sich", "nicht",
  /* Spanish */
  "el", "los", "las", "y", "o", "es", "del", "al", "con", "por", "para", "se", "lo",
  NULL
};

static gboolean
is_stopword (const char *form)
{
  static GHashTable *stopwords = NULL;

  if (g_once_init_enter (&stopwords))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; stopword_list[i] != NULL; i++)
        g_hash_table_add (table, (gpointer)stopword_list[i]);
      g_once_init_leave (&stopwords, table);
    }

  return g_hash_table_contains (stopwords, form);
}

/* Tokenizing ------------------------------------------------------------------------------- */

struct _CcText
{
  gatomicrefcount  ref_count;
  char            *string;
  gsize            n_bytes;
  guint            length;
  CcLexicon       *lexicon;
  CcToken         *tokens;
  guint            n_tokens;
  guint            capacity;
  guint           *matchable;
  guint            n_matchable;
  guint            word_count;
  guint           *paragraphs;  /* the offsets at which paragraphs start, in order */
  guint            n_paragraphs;
  gboolean         borrowed;   /* string belongs to the caller (cc_text_new_for_ranges) */
};

static gboolean
is_ideograph (gunichar c)
{
  GUnicodeScript script;

  if (c < 0x2E80)
    return FALSE;

  script = g_unichar_get_script (c);
  return script == G_UNICODE_SCRIPT_HAN ||
         script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA;
}

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type;

  if (c < 0x300)
    return FALSE;

  type = g_unichar_type (c);
  return type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK ||
         c == 0xFE0F || c == 0xFE0E ||
         (c >= 0x1F3FB && c <= 0x1F3FF);
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  return g_unichar_isalnum (c) || is_mark (c);
}

static gboolean
is_separator (gunichar c)
{
  if (c < 0x80)
    return c <= ' ' || c == 0x7F;

  return g_unichar_isspace (c) || c == 0x2028 || c == 0x2029 || is_invisible (c) ||
         g_unichar_type (c) == G_UNICODE_CONTROL || g_unichar_type (c) == G_UNICODE_FORMAT;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_terminal (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F;
}

static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 || c == 0x201D ||
         c == 0x00BB || c == 0x300D || c == 0x300F;
}

typedef struct
{
  const char *p;
  guint       offset;
} Cursor;

/* Titles whose full stop ends no sentence. */
static gboolean
is_abbreviation (const char *word,
                 gsize       length)
{
  static const char * const abbreviations[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Col", "Lt", "Sgt", "Rev",
    "Hon", "No", "vs", "etc", "e.g", "i.e", "Inc", "Ltd", "Co", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", NULL
  };

  if (length > 4)
    return FALSE;

  for (guint i = 0; abbreviations[i] != NULL; i++)
    if (abbreviations[i][0] == word[0] && strncmp (abbreviations[i], word, length) == 0 &&
        abbreviations[i][length] == '\0')
      return TRUE;

  /* A single capital: an initial, as in "J. Smith". */
  return length == 1 && g_ascii_isupper (word[0]);
}

/* Most tokens of a text recur ("the" thousands of times), so each text remembers the form of
 * every distinct spelling it has met: folding and the shared lexicon, with its lock, are then
 * paid once per spelling instead of once per token. */
typedef struct
{
  guint64 hash;
  guint32 byte_start;
  guint32 length;
  guint32 form;
  guint32 stopword;
} CacheSlot;

typedef struct
{
  CacheSlot *slots;
  guint      mask;
  guint      used;
} FormCache;

static void
form_cache_init (FormCache *cache)
{
  cache->mask = 4095;
  cache->used = 0;
  cache->slots = g_new0 (CacheSlot, cache->mask + 1);
}

static void
form_cache_grow (FormCache *cache)
{
  CacheSlot *old = cache->slots;
  guint old_size = cache->mask + 1;

  cache->mask = old_size * 2 - 1;
  cache->slots = g_new0 (CacheSlot, cache->mask + 1);
  for (guint i = 0; i < old_size; i++)
    {
      guint at;

      if (old[i].length == 0)
        continue;
      for (at = old[i].hash & cache->mask; cache->slots[at].length != 0; at = (at + 1) & cache->mask)
        ;
      cache->slots[at] = old[i];
    }
  g_free (old);
}

static inline guint64
hash_bytes (const char *bytes,
            gsize       length)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < length; i++)
    {
      hash ^= (guchar)bytes[i];
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }

  return hash ^ (hash >> 32);
}

static guint32
fold_and_intern (CcText                 *self,
                 const CcCompareOptions *options,
                 const char             *bytes,
                 gsize                   length,
                 CcTokenKind             kind,
                 guint32                *stopword)
{
  char stack[64];
  char *form = NULL;
  guint32 id;

  /* Short ASCII folds without allocating. */
  if (length < sizeof stack)
    {
      gboolean ascii = TRUE;

      for (gsize i = 0; i < length; i++)
        {
          guchar c = bytes[i];

          if (c >= 0x80)
            {
              ascii = FALSE;
              break;
            }
          stack[i] = options->fold_case ? g_ascii_tolower (c) : c;
          if (stack[i] == '`')
            stack[i] = '\'';
        }

      if (ascii)
        {
          stack[length] = '\0';
          form = stack;
        }
    }

  if (form == NULL)
    form = cc_text_fold (bytes, length, options->fold_case);

  id = cc_lexicon_intern (self->lexicon, form, strlen (form));
  *stopword = kind == CC_TOKEN_WORD && is_stopword (form);

  if (form != stack)
    g_free (form);

  return id;
}

static void
add_token (CcText                 *self,
           const CcCompareOptions *options,
           FormCache              *cache,
           const Cursor           *start,
           const Cursor           *end,
           CcTokenKind             kind,
           guint                   flags)
{
  gsize length = end->p - start->p;
  guint64 hash = hash_bytes (start->p, length);
  CacheSlot *slot;
  CcToken token;
  guint at;

  token.start = start->offset;
  token.end = end->offset;
  token.byte_start = start->p - self->string;
  token.byte_end = end->p - self->string;
  token.kind = kind;

  for (at = hash & cache->mask; ; at = (at + 1) & cache->mask)
    {
      slot = &cache->slots[at];
      if (slot->length == 0 ||
          (slot->hash == hash && slot->length == length &&
           memcmp (self->string + slot->byte_start, start->p, length) == 0))
        break;
    }

  if (slot->length == 0)
    {
      slot->hash = hash;
      slot->byte_start = token.byte_start;
      slot->length = length;
      slot->form = fold_and_intern (self, options, start->p, length, kind, &slot->stopword);
      token.form = slot->form;
      if (slot->stopword)
        flags |= CC_TOKEN_STOPWORD;
      if (++cache->used * 2 > cache->mask)
        form_cache_grow (cache);
    }
  else
    {
      token.form = slot->form;
      if (slot->stopword)
        flags |= CC_TOKEN_STOPWORD;
    }

  if (kind == CC_TOKEN_PUNCTUATION && options->ignore_punctuation)
    flags |= CC_TOKEN_IGNORED;
  token.flags = flags;

  if (self->n_tokens == self->capacity)
    {
      self->capacity = self->capacity * 2 + 16;
      self->tokens = g_renew (CcToken, self->tokens, self->capacity);
    }
  self->tokens[self->n_tokens++] = token;
}

/* The scanner ------------------------------------------------------------------------------ */

/* What the tokenizer carries from one token to the next. A token's extent and kind depend on
 * nothing before it (tokens never span white space), and its flags on the text before it
 * only through this state; after a token that is not a closing mark, the state depends on
 * nothing before that token. So a scan may begin a little before the place it reports from
 * (see find_warm_start()) and still see every token as the scan of the whole text does, and
 * counting words and cutting tokens share this one scanner, so they can never disagree. */
typedef struct
{
  const char  *end;
  Cursor       cursor;
  guint        pending;          /* flags for the next token */
  guint        newlines;         /* line breaks since the last token */
  gboolean     after_terminal;   /* the last token (or the one before closing marks) ended a
                                    sentence */
  gboolean     seen_token;
  CcTokenKind  last_kind;
  const char  *last_start;
  const char  *last_end;
} Scanner;

static void
scanner_init (Scanner    *self,
              const char *from,
              guint       offset,
              const char *end)
{
  self->end = end;
  self->cursor.p = from;
  self->cursor.offset = offset;
  self->pending = CC_TOKEN_PARAGRAPH_START | CC_TOKEN_SENTENCE_START | CC_TOKEN_LINE_START;
  self->newlines = 0;
  self->after_terminal = FALSE;
  self->seen_token = FALSE;
  self->last_kind = CC_TOKEN_SYMBOL;
  self->last_start = NULL;
  self->last_end = NULL;
}

/* Classes of ASCII bytes for the scanner's inner loops. */
enum
{
  ASCII_ALNUM = 1 << 0,
  ASCII_DIGIT = 1 << 1,
  ASCII_PUNCT = 1 << 2,   /* punctuation, not a symbol: as the test of other characters says */
};

static const guint8 ascii_class[256] = {
  ['0'] = 3, ['1'] = 3, ['2'] = 3, ['3'] = 3, ['4'] = 3,
  ['5'] = 3, ['6'] = 3, ['7'] = 3, ['8'] = 3, ['9'] = 3,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
  ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
  ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
  ['Y'] = 1, ['Z'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
  ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
  ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
  ['y'] = 1, ['z'] = 1,
  ['!'] = 4, ['"'] = 4, ['#'] = 4, ['%'] = 4, ['&'] = 4, ['\''] = 4, ['('] = 4, [')'] = 4,
  ['*'] = 4, [','] = 4, ['-'] = 4, ['.'] = 4, ['/'] = 4, [':'] = 4, [';'] = 4, ['?'] = 4,
  ['@'] = 4, ['['] = 4, ['\\'] = 4, [']'] = 4, ['_'] = 4, ['{'] = 4, ['}'] = 4,
};

#define ASCII_HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define ASCII_ONES      G_GUINT64_CONSTANT (0x0101010101010101)

/* The high bit of each byte lane of @word that lies in [lo, hi], for bytes below 0x80: with
 * the high bit set first, no lane borrows from the next. */
static inline guint64
lanes_in_range (guint64 word,
                guchar  lo,
                guchar  hi)
{
  guint64 high = word | ASCII_HIGH_BITS;

  return (high - lo * ASCII_ONES) & ~(high - (hi + 1) * ASCII_ONES) & ~word & ASCII_HIGH_BITS;
}

/* The ASCII letters and digits among the eight bytes at @p, as the high bits of their lanes
 * in memory order (the first byte in the lowest lane). */
static inline void
word_classes (const char *p,
              guint64    *letters,
              guint64    *digits)
{
  guint64 word;

  memcpy (&word, p, 8);
  word = GUINT64_FROM_LE (word);
  /* Setting 0x20 makes capitals small, and moves no other byte into a–z. */
  *letters = lanes_in_range (word | (0x20 * ASCII_ONES), 'a', 'z');
  *digits = lanes_in_range (word, '0', '9');
}

/* The index of the first lane whose high bit is clear in @lanes (not all set). */
static inline guint
first_clear_lane (guint64 lanes)
{
  return __builtin_ctzll (~lanes & ASCII_HIGH_BITS) / 8;
}

/* The high bits of the lanes before lane @n (at most 7). */
static inline guint64
lanes_below (guint n)
{
  return ((G_GUINT64_CONSTANT (1) << (8 * n)) - 1) & ASCII_HIGH_BITS;
}

static inline gboolean
is_digit (gunichar c)
{
  return c < 0x80 ? (ascii_class[c] & ASCII_DIGIT) != 0 : g_unichar_isdigit (c);
}

static inline gunichar
char_at (const char *p,
         const char *end)
{
  if (p >= end)
    return 0;
  if ((guchar)*p < 0x80)
    return (guchar)*p;
  return g_utf8_get_char (p);
}

/* The character after the one at @p, or 0. */
static inline gunichar
char_after (const char *p,
            const char *end)
{
  if (p >= end)
    return 0;
  return char_at (g_utf8_next_char (p), end);
}

/* Finds the next token: its start in @start_out, its end in the scanner's cursor, its kind and
 * (@with_flags) flags. Returns FALSE at the end. Flags never change where a token ends or what
 * kind it is; without them, the state they need is not kept, and the scanner must not be
 * asked for flags again. Inlined in each loop that calls it, where the state lives in
 * registers and @with_flags is a constant: the scanner's speed is that of the diff's
 * line-anchored path, which counts the words of everything two texts share. */
G_ALWAYS_INLINE static inline gboolean
scanner_next (Scanner     *self,
              gboolean     with_flags,
              Cursor      *start_out,
              CcTokenKind *kind_out,
              guint       *flags_out)
{
  const char *end = self->end;
  const char *p = self->cursor.p;
  guint offset = self->cursor.offset;
  guint pending = self->pending;
  guint newlines = self->newlines;

  while (p < end)
    {
      guchar byte = *p;
      const char *start;
      guint start_offset;
      CcTokenKind kind;
      gunichar c;

      if (byte < 0x80)
        {
          if (byte <= ' ' || byte == 0x7F)
            {
              /* CR LF is one line end; a lone CR is one too. */
              if (with_flags &&
                  (byte == '\n' || (byte == '\r' && (p + 1 >= end || p[1] != '\n'))))
                newlines++;
              pending |= CC_TOKEN_SPACE_BEFORE;
              p++;
              offset++;
              continue;
            }
          c = byte;
        }
      else
        {
          c = g_utf8_get_char (p);
          if (is_separator (c))
            {
              if (with_flags && (c == 0x2029 || c == 0x2028))
                newlines++;
              pending |= CC_TOKEN_SPACE_BEFORE;
              p = g_utf8_next_char (p);
              offset++;
              continue;
            }
        }

      if (with_flags)
        {
          if (newlines > 0)
            pending |= CC_TOKEN_LINE_START;
          if (newlines > 1 || !self->seen_token)
            pending |= CC_TOKEN_PARAGRAPH_START | CC_TOKEN_SENTENCE_START;
          if (self->after_terminal && (pending & CC_TOKEN_SPACE_BEFORE) && !is_closing (c))
            pending |= CC_TOKEN_SENTENCE_START;
          newlines = 0;
        }
      start = p;
      start_offset = offset;

      if (is_ideograph (c))
        {
          p = g_utf8_next_char (p);
          offset++;
          while (is_mark (char_at (p, end)))
            {
              p = g_utf8_next_char (p);
              offset++;
            }
          kind = CC_TOKEN_WORD;
        }
      else if (c < 0x80 ? (ascii_class[c] & ASCII_ALNUM) != 0 : is_word_char (c) && !is_mark (c))
        {
          gboolean digits_only = TRUE;

          for (;;)
            {
              const char *run = p;
              gboolean run_ended = FALSE;
              gunichar here;

              /* ASCII letters and digits, the bulk of most texts: eight bytes at a time, so
               * that the end of a word costs no mispredicted branch. */
              while (p + 8 <= end)
                {
                  guint64 letters, digits, alnum;
                  guint n;

                  word_classes (p, &letters, &digits);
                  alnum = letters | digits;
                  if (alnum == ASCII_HIGH_BITS)
                    {
                      if (letters != 0)
                        digits_only = FALSE;
                      p += 8;
                      continue;
                    }
                  n = first_clear_lane (alnum);
                  if (letters & lanes_below (n))
                    digits_only = FALSE;
                  p += n;
                  run_ended = TRUE;
                  break;
                }
              if (!run_ended)
                {
                  guint8 classes = ASCII_DIGIT;

                  while (p < end && (ascii_class[(guchar)*p] & ASCII_ALNUM))
                    classes &= ascii_class[(guchar)*p++];
                  if (!(classes & ASCII_DIGIT))
                    digits_only = FALSE;
                }
              offset += p - run;

              here = char_at (p, end);
              if (here >= 0x80 && is_word_char (here) && !is_ideograph (here))
                {
                  if (!g_unichar_isdigit (here))
                    digits_only = FALSE;
                  p = g_utf8_next_char (p);
                  offset++;
                  continue;
                }

              /* Joiners stay inside a word when a word character follows: don't, well-known,
               * news­paper (with a soft hyphen), 11,000 and 2.4 are one token each. */
              {
                gunichar before, after;

                /* Most words end at a space or a plain mark: no joiner to look behind. */
                if (here == ' ' || here == '\n' || here == 0 ||
                    (here < 0x80 && here != '\'' && here != '-' && here != '.' && here != ','))
                  break;

                before = (guchar)p[-1] < 0x80 ? (guchar)p[-1]
                                              : g_utf8_get_char (g_utf8_prev_char (p));
                after = char_after (p, end);

                if (((is_apostrophe (here) || here == '-' || here == 0x2010 || here == 0x2011 ||
                      here == 0x00AD) &&
                     is_word_char (after) && !is_mark (after) && !is_ideograph (after)) ||
                    ((here == '.' || here == ',') && is_digit (before) && is_digit (after)))
                  {
                    if (here != '.' && here != ',')
                      digits_only = FALSE;
                    p = g_utf8_next_char (p);
                    offset++;
                    continue;
                  }
              }
              break;
            }
          kind = digits_only ? CC_TOKEN_NUMBER : CC_TOKEN_WORD;
        }
      else if (c < 0x80 ? (ascii_class[c] & ASCII_PUNCT) != 0
                        : g_unichar_ispunct (c) && g_unichar_type (c) != G_UNICODE_MATH_SYMBOL &&
                          g_unichar_type (c) != G_UNICODE_CURRENCY_SYMBOL &&
                          g_unichar_type (c) != G_UNICODE_MODIFIER_SYMBOL &&
                          g_unichar_type (c) != G_UNICODE_OTHER_SYMBOL)
        {
          /* A run of one mark ("...", "--", "?!" is two) is one token. */
          p = g_utf8_next_char (p);
          offset++;
          while (char_at (p, end) == c)
            {
              p = g_utf8_next_char (p);
              offset++;
            }
          kind = CC_TOKEN_PUNCTUATION;
        }
      else
        {
          /* Symbols and emoji, with their modifiers and zero-width-joined sequences. */
          p = g_utf8_next_char (p);
          offset++;
          for (;;)
            {
              gunichar here = char_at (p, end);

              if (is_mark (here))
                {
                  p = g_utf8_next_char (p);
                  offset++;
                }
              else if (here == 0x200D && char_after (p, end) != 0)
                {
                  p = g_utf8_next_char (g_utf8_next_char (p));
                  offset += 2;
                }
              else
                break;
            }
          kind = CC_TOKEN_SYMBOL;
        }

      start_out->p = start;
      start_out->offset = start_offset;
      *kind_out = kind;
      *flags_out = pending;

      if (with_flags)
        {
          if (kind == CC_TOKEN_PUNCTUATION && is_terminal (c))
            self->after_terminal = !(c == '.' && self->seen_token &&
                                     self->last_kind == CC_TOKEN_WORD &&
                                     self->last_end == start &&
                                     is_abbreviation (self->last_start,
                                                      self->last_end - self->last_start));
          else if (!(kind == CC_TOKEN_PUNCTUATION && is_closing (c)))
            self->after_terminal = FALSE;

          self->seen_token = TRUE;
          self->last_kind = kind;
          self->last_start = start;
          self->last_end = p;
        }
      self->cursor.p = p;
      self->cursor.offset = offset;
      self->pending = 0;
      self->newlines = 0;
      return TRUE;
    }

  self->cursor.p = p;
  self->cursor.offset = offset;
  self->pending = pending;
  self->newlines = newlines;
  return FALSE;
}

static inline gboolean
is_ascii_white (guchar byte)
{
  return byte == ' ' || byte == '\n' || byte == '\t' || byte == '\r' || byte == '\f' ||
         byte == '\v';
}

/* Whether [p, end) holds a character that is part of a token other than a closing mark:
 * after such a token the scanner's state no longer depends on what came before. */
static gboolean
resets_scanner (const char *p,
                const char *end)
{
  while (p < end)
    {
      gunichar c = (guchar)*p < 0x80 ? (guchar)*p : g_utf8_get_char (p);

      if (!is_separator (c) && !is_closing (c))
        return TRUE;
      p = g_utf8_next_char (p);
    }

  return FALSE;
}

/* Chunks of text between white space to look back through for one that resets the
 * scanner. Only a text of closing marks alone could use them all up; its flags may then
 * differ from the whole text's, never its tokens. */
#define MAX_WARM_CHUNKS 64

/* Where to start scanning so that tokens from @from on get the flags they get in a scan of
 * the whole text: the start of the last chunk between ASCII white space before @from that
 * holds a token other than a closing mark (or the text's start). Tokens never span white
 * space, so scanning from just after it cuts the same tokens. */
static const char *
find_warm_start (const char *string,
                 const char *from)
{
  const char *p = from;

  for (guint chunks = 0; chunks < MAX_WARM_CHUNKS; chunks++)
    {
      const char *chunk_end;

      while (p > string && is_ascii_white (p[-1]))
        p--;
      if (p == string)
        return string;

      chunk_end = p;
      while (p > string && !is_ascii_white (p[-1]))
        p--;
      if (resets_scanner (p, chunk_end))
        return p;
    }

  return p;
}

/* Characters in [p, end): the bytes that do not continue a character. */
static guint
count_chars (const char *p,
             const char *end)
{
  guint n = 0;

  for (; p < end; p++)
    n += ((guchar)*p & 0xC0) != 0x80;
  return n;
}

/* Cuts the tokens of [from, to) of the text, scanning from @warm (at most @from, at character
 * offset @warm_offset). Returns the character offset of @to. */
static guint
tokenize_range (CcText                 *self,
                const CcCompareOptions *options,
                FormCache              *cache,
                const char             *warm,
                guint                   warm_offset,
                const char             *from,
                const char             *to)
{
  Scanner scanner;
  Cursor start;
  CcTokenKind kind;
  guint flags;

  scanner_init (&scanner, warm, warm_offset, to);
  while (scanner_next (&scanner, TRUE, &start, &kind, &flags))
    {
      Cursor end = scanner.cursor;

      if (start.p >= from)
        add_token (self, options, cache, &start, &end, kind, flags);
    }

  return scanner.cursor.offset;
}

static void
mark_excluded (CcText        *self,
               const CcRange *excluded,
               guint          n_excluded)
{
  guint r = 0;

  for (guint i = 0; i < self->n_tokens && r < n_excluded; i++)
    {
      CcToken *token = &self->tokens[i];

      while (r < n_excluded && excluded[r].end <= token->start)
        r++;
      if (r < n_excluded && excluded[r].start < token->end)
        token->flags |= CC_TOKEN_EXCLUDED | CC_TOKEN_IGNORED;
    }
}

static CcText *
text_alloc (const char *string,
            gsize       n_bytes,
            gboolean    borrowed,
            gsize       capacity,
            CcLexicon  *lexicon)
{
  CcText *self = g_new0 (CcText, 1);

  g_atomic_ref_count_init (&self->ref_count);
  if (borrowed)
    self->string = (char *)string;
  else
    {
      /* Not g_strndup: a NUL inside the text must not blank everything after it. */
      self->string = g_malloc (n_bytes + 1);
      memcpy (self->string, string, n_bytes);
      self->string[n_bytes] = '\0';
    }
  self->borrowed = borrowed;
  self->n_bytes = n_bytes;
  self->lexicon = cc_lexicon_ref (lexicon);
  self->capacity = capacity;
  self->tokens = g_new (CcToken, self->capacity);

  return self;
}

static void
text_finish (CcText        *self,
             const CcRange *excluded,
             guint          n_excluded)
{
  mark_excluded (self, excluded, n_excluded);

  self->matchable = g_new (guint, self->n_tokens + 1);
  for (guint i = 0; i < self->n_tokens; i++)
    {
      const CcToken *token = &self->tokens[i];

      if (!(token->flags & CC_TOKEN_IGNORED))
        self->matchable[self->n_matchable++] = i;
      if (!(token->flags & CC_TOKEN_EXCLUDED) &&
          (token->kind == CC_TOKEN_WORD || token->kind == CC_TOKEN_NUMBER))
        self->word_count++;
      if (token->flags & CC_TOKEN_PARAGRAPH_START)
        self->n_paragraphs++;
    }

  self->paragraphs = g_new (guint, self->n_paragraphs + 1);
  for (guint i = 0, p = 0; i < self->n_tokens; i++)
    {
      if (self->tokens[i].flags & CC_TOKEN_PARAGRAPH_START)
        self->paragraphs[p++] = self->tokens[i].start;
    }
}

/**
 * cc_text_new:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1
 * @excluded: (array length=n_excluded): ranges left out of matching, sorted by start
 * @options: the comparison settings
 * @lexicon: the lexicon shared by all texts compared with this one
 *
 * Cuts @text into words, numbers, punctuation and symbols, each with its character offsets,
 * sentence and paragraph starts, and comparison form.
 *
 * Returns: (transfer full): the text
 */
CcText *
cc_text_new (const char             *text,
             gssize                  length,
             const CcRange          *excluded,
             guint                   n_excluded,
             const CcCompareOptions *options,
             CcLexicon              *lexicon)
{
  CcText *self;
  FormCache cache;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (lexicon != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  /* Prose has about one token per four or five bytes: growing the array once costs a copy. */
  self = text_alloc (text, length, FALSE, length / 4 + 16, lexicon);

  form_cache_init (&cache);
  self->length = tokenize_range (self, options, &cache, self->string, 0, self->string,
                                 self->string + length);
  g_free (cache.slots);

  text_finish (self, excluded, n_excluded);
  return self;
}

/**
 * cc_text_new_for_ranges: (skip)
 * @string: UTF-8 text, which must outlive the result: it is not copied
 * @n_bytes: its length in bytes
 * @length: its length in characters
 * @ranges: (array length=n_ranges): the parts to cut into tokens, in order, not overlapping,
 *   each starting and ending at a place no token spans (see cc_text_count_words())
 * @excluded: (array length=n_excluded): ranges left out of matching, sorted by start
 *
 * Like cc_text_new(), but cuts only the tokens of @ranges: their offsets, flags and forms are
 * those the whole text's tokens have. The word count is that of the ranges.
 *
 * Returns: (transfer full): the text
 */
CcText *
cc_text_new_for_ranges (const char             *string,
                        gsize                   n_bytes,
                        guint                   length,
                        const CcTextRange      *ranges,
                        guint                   n_ranges,
                        const CcRange          *excluded,
                        guint                   n_excluded,
                        const CcCompareOptions *options,
                        CcLexicon              *lexicon)
{
  CcText *self;
  FormCache cache;
  gsize bytes = 0;

  g_return_val_if_fail (string != NULL, NULL);
  g_return_val_if_fail (ranges != NULL || n_ranges == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (lexicon != NULL, NULL);

  for (guint r = 0; r < n_ranges; r++)
    bytes += ranges[r].byte_end - ranges[r].byte_start;

  self = text_alloc (string, n_bytes, TRUE, bytes / 4 + 16, lexicon);
  self->length = length;

  form_cache_init (&cache);
  for (guint r = 0; r < n_ranges; r++)
    {
      const char *from = string + ranges[r].byte_start;
      const char *warm = find_warm_start (string, from);

      g_assert (ranges[r].byte_start <= ranges[r].byte_end && ranges[r].byte_end <= n_bytes);
      g_assert (r == 0 || ranges[r - 1].byte_end <= ranges[r].byte_start);

      tokenize_range (self, options, &cache, warm, ranges[r].start - count_chars (warm, from),
                      from, string + ranges[r].byte_end);
    }
  g_free (cache.slots);

  text_finish (self, excluded, n_excluded);
  return self;
}

/* Counts a token that ends at the scanner's cursor. Returns TRUE if it is the first matchable
 * one. */
G_ALWAYS_INLINE static inline gboolean
count_token (const Scanner *scanner,
             const Cursor  *start,
             CcTokenKind    kind,
             const CcRange *excluded,
             guint          n_excluded,
             guint         *r,
             gboolean       ignore_punctuation,
             CcTextCount   *count)
{
  while (*r < n_excluded && excluded[*r].end <= start->offset)
    (*r)++;
  if (*r < n_excluded && excluded[*r].start < scanner->cursor.offset)
    return FALSE;

  if (kind == CC_TOKEN_WORD || kind == CC_TOKEN_NUMBER)
    count->words++;
  if (kind == CC_TOKEN_PUNCTUATION && ignore_punctuation)
    return FALSE;

  return count->matchable++ == 0;
}

/* Counts the tokens of [from, to), scanning from @warm at character offset @warm_offset. With
 * @first_only, stops at the first matchable token. */
static void
count_range (const char             *warm,
             guint                   warm_offset,
             const char             *from,
             const char             *to,
             const CcRange          *excluded,
             guint                   n_excluded,
             gboolean                ignore_punctuation,
             gboolean                first_only,
             CcTextCount            *count)
{
  Scanner scanner;
  Cursor start;
  CcTokenKind kind;
  guint flags;
  guint r = 0;

  memset (count, 0, sizeof *count);
  count->first_start = G_MAXUINT;

  scanner_init (&scanner, warm, warm_offset, to);

  /* With flags up to the first matchable token, whose flags are wanted... */
  while (scanner_next (&scanner, TRUE, &start, &kind, &flags))
    {
      if (start.p < from)
        continue;
      if (count_token (&scanner, &start, kind, excluded, n_excluded, &r, ignore_punctuation,
                       count))
        {
          count->first_start = start.offset;
          count->first_byte = start.p - from;
          count->first_flags = flags;
          break;
        }
    }
  if (first_only)
    return;

  /* ... and without them after it: the bulk of the work. */
  while (scanner_next (&scanner, FALSE, &start, &kind, &flags))
    count_token (&scanner, &start, kind, excluded, n_excluded, &r, ignore_punctuation, count);
}

/**
 * cc_text_count_range: (skip)
 * @string: UTF-8 text
 * @range: a part of it that starts and ends at a place no token spans
 * @excluded: (array length=n_excluded): ranges left out, sorted by start, in characters of
 *   @string
 * @options: (nullable): the comparison settings, for what is matchable
 * @first_only: stop at the first matchable token
 * @count: (out caller-allocates): the words (and numbers) of the range outside excluded
 *   ranges, its matchable tokens, and the first of them with the flags it has in the whole
 *   text
 *
 * Counts as cc_text_new() would cut, without storing or interning anything.
 */
void
cc_text_count_range (const char             *string,
                     const CcTextRange      *range,
                     const CcRange          *excluded,
                     guint                   n_excluded,
                     const CcCompareOptions *options,
                     gboolean                first_only,
                     CcTextCount            *count)
{
  const char *from, *warm;

  g_return_if_fail (string != NULL);
  g_return_if_fail (range != NULL && range->byte_start <= range->byte_end);
  g_return_if_fail (count != NULL);

  from = string + range->byte_start;
  warm = find_warm_start (string, from);
  count_range (warm, range->start - count_chars (warm, from), from, string + range->byte_end,
               excluded, n_excluded, options != NULL && options->ignore_punctuation, first_only,
               count);
}

/**
 * cc_text_count_words:
 * @text: UTF-8 text: a whole text, or a part of one that starts and ends at a place no token
 *   spans (the start or end of the text, or just after an ASCII line break or space that
 *   does not follow a zero-width joiner)
 * @length: its length in bytes
 * @excluded: (array length=n_excluded): ranges left out, sorted by start, in characters of the
 *   whole text
 * @base_offset: the character offset of @text in the whole text
 *
 * Counts the words and numbers of @text outside excluded ranges exactly as cc_text_new()
 * cuts them, without storing or interning tokens: the same scanner does both.
 *
 * Returns: the number of words and numbers
 */
guint
cc_text_count_words (const char    *text,
                     gsize          length,
                     const CcRange *excluded,
                     guint          n_excluded,
                     guint          base_offset)
{
  CcTextCount count;

  g_return_val_if_fail (text != NULL || length == 0, 0);
  g_return_val_if_fail (excluded != NULL || n_excluded == 0, 0);

  if (length == 0)
    return 0;

  count_range (text, base_offset, text, text + length, excluded, n_excluded, FALSE, FALSE,
               &count);
  return count.words;
}

CcText *
cc_text_new_for_source (CcSource               *source,
                        const CcCompareOptions *options,
                        CcLexicon              *lexicon)
{
  const CcRange *excluded;
  guint n_excluded;

  g_return_val_if_fail (CC_IS_SOURCE (source), NULL);

  excluded = cc_source_get_excluded (source, &n_excluded);
  return cc_text_new (cc_source_get_text (source), -1, excluded, n_excluded, options, lexicon);
}

CcText *
cc_text_new_for_snapshot (const CcSourceSnapshot *snapshot,
                          const CcCompareOptions *options,
                          CcLexicon              *lexicon)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return cc_text_new (snapshot->text, -1, (const CcRange *)(gpointer)snapshot->excluded->data,
                      snapshot->excluded->len, options, lexicon);
}

CcText *
cc_text_ref (CcText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_text_unref (CcText *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (!self->borrowed)
    g_free (self->string);
  cc_lexicon_unref (self->lexicon);
  g_free (self->tokens);
  g_free (self->matchable);
  g_free (self->paragraphs);
  g_free (self);
}

const char *
cc_text_get_string (CcText *self,
                    gsize  *n_bytes)
{
  if (n_bytes != NULL)
    *n_bytes = self->n_bytes;
  return self->string;
}

/**
 * cc_text_get_length:
 *
 * Returns: the length in characters
 */
guint
cc_text_get_length (CcText *self)
{
  return self->length;
}

CcLexicon *
cc_text_get_lexicon (CcText *self)
{
  return self->lexicon;
}

const CcToken *
cc_text_get_tokens (CcText *self,
                    guint  *n_tokens)
{
  *n_tokens = self->n_tokens;
  return self->tokens;
}

/**
 * cc_text_get_matchable:
 *
 * Returns: (array length=n_matchable): the indices of the tokens that take part in matching,
 *   in order: every token but those excluded (and punctuation, when it is ignored)
 */
const guint *
cc_text_get_matchable (CcText *self,
                       guint  *n_matchable)
{
  *n_matchable = self->n_matchable;
  return self->matchable;
}

/**
 * cc_text_get_word_count:
 *
 * Returns: the words and numbers outside excluded ranges
 */
guint
cc_text_get_word_count (CcText *self)
{
  return self->word_count;
}

/**
 * cc_text_get_n_paragraphs:
 *
 * Returns: how many paragraphs the text has, as a reader counts them: blank lines part them,
 *   and a text without a word is one empty paragraph
 */
guint
cc_text_get_n_paragraphs (CcText *self)
{
  return MAX (self->n_paragraphs, 1);
}

/**
 * cc_text_paragraph_at:
 * @offset: a character offset
 *
 * Returns: the number, from 1, of the paragraph @offset stands in; white space before the
 *   first word belongs to the first paragraph, and the blank lines between two paragraphs to
 *   the earlier
 */
guint
cc_text_paragraph_at (CcText *self,
                      guint   offset)
{
  guint low = 0, high = self->n_paragraphs;

  /* The number of paragraphs that start at or before the offset. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (self->paragraphs[middle] <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return MAX (low, 1);
}

/**
 * cc_text_token_at:
 * @offset: a character offset
 *
 * Returns: the index of the first token that ends after @offset (the number of tokens if
 *   none does)
 */
guint
cc_text_token_at (CcText *self,
                  guint   offset)
{
  const CcToken *tokens = self->tokens;
  guint low = 0, high = self->n_tokens;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (tokens[middle].end <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * cc_text_char_to_byte:
 * @offset: a character offset, at most the length
 *
 * Returns: the byte offset of character @offset
 */
gsize
cc_text_char_to_byte (CcText *self,
                      guint   offset)
{
  const CcToken *tokens = self->tokens;
  guint index = cc_text_token_at (self, offset);
  const char *p;
  guint at;

  g_return_val_if_fail (offset <= self->length, self->n_bytes);

  /* Walk from the nearest token boundary at or before the offset. */
  if (index < self->n_tokens && tokens[index].start <= offset)
    {
      p = self->string + tokens[index].byte_start;
      at = tokens[index].start;
    }
  else if (index > 0)
    {
      p = self->string + tokens[index - 1].byte_end;
      at = tokens[index - 1].end;
    }
  else
    {
      p = self->string;
      at = 0;
    }

  for (; at < offset; at++)
    p = g_utf8_next_char (p);

  return p - self->string;
}

/**
 * cc_text_dup_span:
 *
 * Returns: (transfer full): characters [@start, @end) of the text
 */
char *
cc_text_dup_span (CcText *self,
                  guint   start,
                  guint   end)
{
  gsize byte_start, byte_end;

  g_return_val_if_fail (start <= end, NULL);

  byte_start = cc_text_char_to_byte (self, start);
  byte_end = cc_text_char_to_byte (self, end);
  return g_strndup (self->string + byte_start, byte_end - byte_start);
}
