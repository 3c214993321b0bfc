/* cc-report-analysis.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-report"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-error.h"
#include "cc-report-private.h"

/* The work a report does before anything is laid out: the comparison or the matrix, the
 * highlights of every character, the rows that keep the two texts level, and the quotation
 * tracker. All of it reads only the report's own copies of the sources, so it may run in
 * any thread. */

/* Marks --------------------------------------------------------------------------------- */

static void
mark_range (guint16 *marks,
            guint    length,
            CcRange  range,
            guint16  mark)
{
  guint end = MIN (range.end, length);

  for (guint i = range.start; i < end; i++)
    marks[i] |= mark;
}

static guint16
shared_kind_mark (CcSharedQuoteKind kind)
{
  switch (kind)
    {
    case CC_SHARED_EXACT:
      return CC_REPORT_MARK_EXACT;
    case CC_SHARED_PARTIAL:
      return CC_REPORT_MARK_PARTIAL;
    case CC_SHARED_VARIANT:
      return CC_REPORT_MARK_VARIANT;
    case CC_SHARED_UNQUOTED:
    default:
      return CC_REPORT_MARK_UNQUOTED;
    }
}

/* The same highlights as the comparison view: what the diff says of each word, the
 * quotations the two share by kind, the quotations only one has, and boilerplate. */
static guint16 *
compute_marks (CcReport *self,
               guint     side)
{
  CcComparison *comparison = self->comparison;
  CcText *text = cc_report_get_text (self, side);
  guint length = cc_text_get_length (text);
  g_autofree guint16 *marks = g_new0 (guint16, length + 1);
  const CcSharedQuote *shared;
  const CcDiffOp *ops;
  const CcQuote *quotes;
  const CcRange *excluded;
  g_autofree gboolean *is_shared = NULL;
  guint n_ops, n_shared, n_quotes, n_excluded;

  ops = cc_diff_get_ops (cc_comparison_get_diff (comparison), &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      CcRange range = side == 0 ? ops[i].a : ops[i].b;

      switch (ops[i].kind)
        {
        case CC_DIFF_DELETE:
          if (side == 0)
            mark_range (marks, length, range, CC_REPORT_MARK_DELETED);
          break;
        case CC_DIFF_INSERT:
          if (side == 1)
            mark_range (marks, length, range, CC_REPORT_MARK_INSERTED);
          break;
        case CC_DIFF_CHANGE:
          mark_range (marks, length, range, CC_REPORT_MARK_CHANGED);
          break;
        case CC_DIFF_MOVE_FROM:
        case CC_DIFF_MOVE_TO:
          mark_range (marks, length, range, CC_REPORT_MARK_MOVED);
          break;
        case CC_DIFF_EQUAL:
        default:
          break;
        }
    }

  quotes = cc_quotes_get (side == 0 ? cc_comparison_get_quotes_a (comparison)
                                    : cc_comparison_get_quotes_b (comparison), &n_quotes);
  is_shared = g_new0 (gboolean, n_quotes + 1);
  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (comparison), &n_shared);
  for (guint i = 0; i < n_shared; i++)
    {
      gint quote = side == 0 ? shared[i].a_quote : shared[i].b_quote;

      mark_range (marks, length, side == 0 ? shared[i].a : shared[i].b,
                  shared_kind_mark (shared[i].kind));
      if (quote >= 0 && (guint)quote < n_quotes)
        is_shared[quote] = TRUE;
    }
  for (guint i = 0; i < n_quotes; i++)
    if (!is_shared[i])
      mark_range (marks, length, quotes[i].range, CC_REPORT_MARK_QUOTE);

  excluded = cc_source_get_excluded (g_ptr_array_index (self->sources, side), &n_excluded);
  for (guint i = 0; i < n_excluded; i++)
    mark_range (marks, length, excluded[i], CC_REPORT_MARK_EXCLUDED);

  return g_steal_pointer (&marks);
}

static const CcSharedQuote *
get_shared_quote (CcReport *self,
                  guint     index)
{
  const CcSharedQuote *shared;
  guint n_shared;

  shared = cc_shared_quotes_get (cc_comparison_get_shared_quotes (self->comparison), &n_shared);
  g_assert (index < n_shared);
  return &shared[index];
}

/**
 * cc_report_get_quote_range:
 * @index: a shared quotation of the pair
 * @side: 0 for A, 1 for B
 *
 * Returns: the quotation's wording in text @side
 */
CcRange
cc_report_get_quote_range (CcReport *self,
                           guint     index,
                           guint     side)
{
  const CcSharedQuote *shared = get_shared_quote (self, index);

  return side == 0 ? shared->a : shared->b;
}

/**
 * cc_report_dup_quote_marks:
 * @index: a shared quotation of the pair
 * @side: 0 for A, 1 for B
 *
 * Returns: (transfer full): for each character of the quotation's wording on @side, how it
 *   differs from the other wording: words the other leaves out or has otherwise
 */
guint16 *
cc_report_dup_quote_marks (CcReport *self,
                           guint     index,
                           guint     side)
{
  CcSharedQuotes *shared_quotes = cc_comparison_get_shared_quotes (self->comparison);
  const CcSharedQuote *shared = get_shared_quote (self, index);
  CcRange range = side == 0 ? shared->a : shared->b;
  guint length = range.end - range.start;
  guint16 *marks = g_new0 (guint16, length + 1);

  if (shared->difference == NULL)
    return marks;

  for (guint i = 0; i < shared->difference->len; i++)
    {
      const CcDiffSpan *span = &g_array_index (shared->difference, CcDiffSpan, i);
      CcRange a, b, at;
      guint16 mark;

      if (span->kind == CC_DIFF_EQUAL)
        continue;
      if (side == 0 && span->kind == CC_DIFF_INSERT)
        continue;
      if (side == 1 && span->kind == CC_DIFF_DELETE)
        continue;

      cc_shared_quotes_get_span_ranges (shared_quotes, index, span, &a, &b);
      at = side == 0 ? a : b;
      if (at.start < range.start || at.end > range.end || at.end <= at.start)
        continue;

      if (span->kind == CC_DIFF_CHANGE)
        mark = CC_REPORT_MARK_CHANGED;
      else
        mark = side == 0 ? CC_REPORT_MARK_DELETED : CC_REPORT_MARK_INSERTED;
      at.start -= range.start;
      at.end -= range.start;
      mark_range (marks, length, at, mark);
    }

  return marks;
}

/* Rows ---------------------------------------------------------------------------------- */

typedef struct
{
  CcText        *text;
  gboolean       reflow;
  const CcToken *tokens;
  guint          n_tokens;
  const guint   *matchable;
  guint          n_matchable;
} Side;

typedef struct
{
  Side      sides[2];
  GArray   *rows;
  guint     start[2];
  gboolean  paragraph;
} RowBuilder;

static void
side_init (Side     *side,
           CcText   *text,
           gboolean  reflow)
{
  side->text = text;
  side->reflow = reflow;
  side->tokens = cc_text_get_tokens (text, &side->n_tokens);
  side->matchable = cc_text_get_matchable (text, &side->n_matchable);
}

/* The first matchable token that starts at or after @offset, as an index into matchable. */
static guint
side_matchable_at (Side  *side,
                   guint  offset)
{
  guint low = 0, high = side->n_matchable;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (side->tokens[side->matchable[middle]].start < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Whether a row may start at @offset: at the start of a line (of a paragraph, when the text's
 * lines are joined), or at the end of the text. */
static gboolean
side_is_break (Side     *side,
               guint     offset,
               gboolean *paragraph)
{
  guint index = cc_text_token_at (side->text, offset);
  const CcToken *token;

  if (index >= side->n_tokens)
    {
      *paragraph = TRUE;
      return TRUE;
    }

  token = &side->tokens[index];
  if (token->start < offset)
    return FALSE;

  *paragraph = (token->flags & CC_TOKEN_PARAGRAPH_START) != 0;
  if (side->reflow)
    return *paragraph;
  return (token->flags & (CC_TOKEN_PARAGRAPH_START | CC_TOKEN_LINE_START)) != 0;
}

/* Whether [start, end) holds anything but white space. */
static gboolean
side_has_text (Side  *side,
               guint  start,
               guint  end)
{
  guint index = cc_text_token_at (side->text, start);

  return index < side->n_tokens && side->tokens[index].start < end;
}

static void
close_row (RowBuilder *builder,
           guint       end_a,
           guint       end_b)
{
  if (side_has_text (&builder->sides[0], builder->start[0], end_a) ||
      side_has_text (&builder->sides[1], builder->start[1], end_b))
    {
      CcReportRow row = { CC_REPORT_ROW_TEXT,
                          { builder->start[0], end_a }, { builder->start[1], end_b },
                          0, builder->paragraph };

      g_array_append_val (builder->rows, row);
    }

  builder->start[0] = end_a;
  builder->start[1] = end_b;
}

/* Starts a new row at (@a, @b) if both texts start a line there. */
static void
try_cut (RowBuilder *builder,
         guint       a,
         guint       b)
{
  gboolean paragraph_a = FALSE, paragraph_b = FALSE;

  if (a == builder->start[0] && b == builder->start[1])
    return;
  if (!side_is_break (&builder->sides[0], a, &paragraph_a) ||
      !side_is_break (&builder->sides[1], b, &paragraph_b))
    return;

  close_row (builder, a, b);
  builder->paragraph = paragraph_a || paragraph_b;
}

static void
elide (RowBuilder *builder,
       guint       from_a,
       guint       from_b,
       guint       to_a,
       guint       to_b,
       guint       words)
{
  CcReportRow row = { CC_REPORT_ROW_ELISION, { from_a, to_a }, { from_b, to_b }, words, TRUE };

  close_row (builder, from_a, from_b);
  g_array_append_val (builder->rows, row);
  builder->start[0] = to_a;
  builder->start[1] = to_b;
  builder->paragraph = TRUE;
}

/* A note of words left out takes the room of about this many words of text: fewer are
 * printed rather than left out. */
#define MIN_ELIDED_WORDS 12

/* The texts as rows that stand level: a row ends wherever both texts start a line at the
 * same point of the diff, that is at an operation's edge or between two words the texts
 * share. With @context of G_MAXUINT everything is kept; otherwise unchanged stretches keep
 * @context words at each end that touches a difference, and the rest is one elision. */
static GArray *
build_rows (CcReport *self,
            guint     context)
{
  RowBuilder builder = { 0 };
  const CcDiffOp *ops;
  guint n_ops;

  side_init (&builder.sides[0], cc_report_get_text (self, 0), self->reflow[0]);
  side_init (&builder.sides[1], cc_report_get_text (self, 1), self->reflow[1]);
  builder.rows = g_array_new (FALSE, FALSE, sizeof (CcReportRow));
  builder.paragraph = TRUE;

  ops = cc_diff_get_ops (cc_comparison_get_diff (self->comparison), &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      const CcDiffOp *op = &ops[i];
      Side *a = &builder.sides[0], *b = &builder.sides[1];
      guint first_a, first_b, m, keep_head, keep_tail;

      try_cut (&builder, op->a.start, op->b.start);
      if (op->kind != CC_DIFF_EQUAL)
        continue;

      /* The words of an unchanged stretch pair off one to one. */
      first_a = side_matchable_at (a, op->a.start);
      first_b = side_matchable_at (b, op->b.start);
      m = MIN (side_matchable_at (a, op->a.end) - first_a,
               side_matchable_at (b, op->b.end) - first_b);

      keep_head = (i > 0 && ops[i - 1].kind != CC_DIFF_EQUAL) ? context : 0;
      keep_tail = (i + 1 < n_ops && ops[i + 1].kind != CC_DIFF_EQUAL) ? context : 0;
      if (context == G_MAXUINT || (guint64)keep_head + keep_tail + MIN_ELIDED_WORDS > m)
        {
          keep_head = m;
          keep_tail = 0;
        }

      for (guint k = 1; k < keep_head; k++)
        try_cut (&builder, a->tokens[a->matchable[first_a + k]].start,
                 b->tokens[b->matchable[first_b + k]].start);

      if (keep_head < m)
        {
          guint from_a, from_b, to_a, to_b, words = 0;

          if (keep_head > 0)
            {
              from_a = a->tokens[a->matchable[first_a + keep_head - 1]].end;
              from_b = b->tokens[b->matchable[first_b + keep_head - 1]].end;
            }
          else
            {
              from_a = op->a.start;
              from_b = op->b.start;
            }
          if (keep_tail > 0)
            {
              to_a = a->tokens[a->matchable[first_a + m - keep_tail]].start;
              to_b = b->tokens[b->matchable[first_b + m - keep_tail]].start;
            }
          else
            {
              to_a = op->a.end;
              to_b = op->b.end;
            }

          for (guint k = keep_head; k < m - keep_tail; k++)
            {
              guint8 kind = a->tokens[a->matchable[first_a + k]].kind;

              if (kind == CC_TOKEN_WORD || kind == CC_TOKEN_NUMBER)
                words++;
            }

          elide (&builder, from_a, from_b, to_a, to_b, words);
          for (guint k = m - keep_tail + 1; k < m; k++)
            try_cut (&builder, a->tokens[a->matchable[first_a + k]].start,
                     b->tokens[b->matchable[first_b + k]].start);
        }
    }

  close_row (&builder, cc_text_get_length (builder.sides[0].text),
             cc_text_get_length (builder.sides[1].text));

  return builder.rows;
}

/* Whether a text was wrapped by hand at a fixed width, as e-texts and e-mail are: most of its
 * lines are of a like, middling length and run on into the next. Such lines are joined into
 * paragraphs for print, where the columns are narrower than the lines were; a text with a
 * line to each paragraph, or verse, keeps its lines. */
static gboolean
looks_hard_wrapped (CcText *text)
{
  const char *string = cc_text_get_string (text, NULL);
  guint lines = 0, wrapped = 0;
  const char *line = string;

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      glong length;

      if (end == NULL)
        end = line + strlen (line);
      length = g_utf8_strlen (line, end - line);
      if (length > 0)
        {
          lines++;
          if (length >= 40 && length <= 100 && *end == '\n' && end[1] != '\n' &&
              end[1] != '\r' && end[1] != '\0')
            wrapped++;
        }
      if (*end == '\0')
        break;
      line = end + 1;
    }

  return lines >= 10 && wrapped * 2 >= lines;
}

/* The pair ----------------------------------------------------------------------------- */

CcText *
cc_report_get_text (CcReport *self,
                    guint     side)
{
  g_assert (self->comparison != NULL);

  return side == 0 ? cc_comparison_get_text_a (self->comparison)
                   : cc_comparison_get_text_b (self->comparison);
}

static gboolean
analyze_pair (CcReport      *self,
              GCancellable  *cancellable,
              GError       **error)
{
  const CcDiffOp *ops;
  guint n_ops;

  self->comparison = cc_comparison_new (g_ptr_array_index (self->sources, 0),
                                        g_ptr_array_index (self->sources, 1),
                                        &self->compare, cancellable);
  if (self->comparison == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The report was cancelled"));
      return FALSE;
    }

  for (guint side = 0; side < 2; side++)
    {
      self->reflow[side] = looks_hard_wrapped (cc_report_get_text (self, side));
      self->marks[side] = compute_marks (self, side);
    }

  ops = cc_diff_get_ops (cc_comparison_get_diff (self->comparison), &n_ops);
  for (guint i = 0; i < n_ops; i++)
    if (ops[i].kind == CC_DIFF_MOVE_TO)
      self->moved_b += ops[i].b_words;

  self->rows = build_rows (self, self->options.full_texts ? G_MAXUINT
                                                          : self->options.context_words);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* The project --------------------------------------------------------------------------- */

static void
tracked_free (gpointer data)
{
  CcReportTracked *tracked = data;

  for (guint i = 0; i < tracked->carriers->len; i++)
    g_free (g_array_index (tracked->carriers, CcReportCarrier, i).wording);
  g_array_unref (tracked->carriers);
  g_free (tracked->wording);
  g_free (tracked->speaker);
  g_free (tracked);
}

static guint
find_root (guint *parent,
           guint  node)
{
  while (parent[node] != node)
    {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
  return node;
}

typedef struct
{
  guint   node;
  guint   source;
  CcRange range;
} Unquoted;

static gint
compare_published (CcReport *self,
                   guint     a,
                   guint     b)
{
  GDateTime *date_a = cc_source_get_published (g_ptr_array_index (self->sources, a));
  GDateTime *date_b = cc_source_get_published (g_ptr_array_index (self->sources, b));

  /* Undated sources come last, in the project's order. */
  if (date_a != NULL && date_b != NULL && g_date_time_compare (date_a, date_b) != 0)
    return g_date_time_compare (date_a, date_b);
  if ((date_a == NULL) != (date_b == NULL))
    return date_a == NULL ? 1 : -1;
  return a < b ? -1 : a > b;
}

static gint
compare_carriers (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const CcReportCarrier *carrier_a = a, *carrier_b = b;

  return compare_published (user_data, carrier_a->source, carrier_b->source);
}

static gint
compare_tracked (gconstpointer a,
                 gconstpointer b)
{
  const CcReportTracked *tracked_a = *(CcReportTracked * const *)a;
  const CcReportTracked *tracked_b = *(CcReportTracked * const *)b;

  return (gint)tracked_b->carriers->len - (gint)tracked_a->carriers->len;
}

static char *
dup_wording (CcText  *text,
             CcRange  range)
{
  g_autofree char *span = cc_text_dup_span (text, range.start, range.end);

  return g_strstrip (g_strdup (span));
}

/* Every distinct quotation of the project: the quotations that pairs of sources share are
 * joined into one, and a source that uses the words without quotation marks carries it too,
 * unquoted. */
static gboolean
track_quotes (CcReport      *self,
              GCancellable  *cancellable,
              GError       **error)
{
  guint n = self->sources->len;
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_text_unref);
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_quotes_unref);
  g_autoptr(GArray) unquoted = g_array_new (FALSE, FALSE, sizeof (Unquoted));
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);
  g_autofree guint *base = g_new0 (guint, n + 1);
  g_autofree guint *parent = NULL;
  g_autofree guint *node_source = NULL;
  guint n_nodes;

  for (guint i = 0; i < n; i++)
    {
      CcSource *source = g_ptr_array_index (self->sources, i);
      CcText *text = cc_text_new_for_source (source, &self->compare, lexicon);
      const CcMarkedQuote *marked;
      guint n_marked, n_quotes;

      marked = cc_source_get_marked_quotes (source, &n_marked);
      g_ptr_array_add (texts, text);
      g_ptr_array_add (quotes, cc_quotes_extract (text, marked, n_marked, &self->compare));
      cc_quotes_get (g_ptr_array_index (quotes, i), &n_quotes);
      base[i + 1] = base[i] + n_quotes;
    }

  n_nodes = base[n];
  parent = g_new (guint, n_nodes + 1);
  node_source = g_new (guint, n_nodes + 1);
  for (guint i = 0; i < n; i++)
    for (guint node = base[i]; node < base[i + 1]; node++)
      {
        parent[node] = node;
        node_source[node] = i;
      }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        g_autoptr(CcSharedQuotes) shared = NULL;
        const CcSharedQuote *list;
        guint n_shared;

        shared = cc_shared_quotes_find (g_ptr_array_index (quotes, i),
                                        g_ptr_array_index (quotes, j),
                                        &self->compare, cancellable);
        if (shared == NULL || g_cancellable_is_cancelled (cancellable))
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 _("The report was cancelled"));
            return FALSE;
          }

        list = cc_shared_quotes_get (shared, &n_shared);
        for (guint s = 0; s < n_shared; s++)
          {
            if (list[s].a_quote >= 0 && list[s].b_quote >= 0)
              {
                guint root_a = find_root (parent, base[i] + list[s].a_quote);
                guint root_b = find_root (parent, base[j] + list[s].b_quote);

                parent[MAX (root_a, root_b)] = MIN (root_a, root_b);
              }
            else if (list[s].a_quote >= 0)
              {
                Unquoted u = { base[i] + list[s].a_quote, j, list[s].b };
                g_array_append_val (unquoted, u);
              }
            else if (list[s].b_quote >= 0)
              {
                Unquoted u = { base[j] + list[s].b_quote, i, list[s].a };
                g_array_append_val (unquoted, u);
              }
          }
      }

  /* Groups in the order of their first quotation, a source carrying each at most once. */
  self->tracked = g_ptr_array_new_with_free_func (tracked_free);
  for (guint node = 0; node < n_nodes; node++)
    {
      guint root = find_root (parent, node);
      guint source = node_source[node];
      CcReportTracked *tracked = g_hash_table_lookup (groups, GUINT_TO_POINTER (root + 1));
      const CcQuote *quote;
      CcReportCarrier carrier;
      gboolean carried = FALSE;
      guint n_quotes;

      quote = &cc_quotes_get (g_ptr_array_index (quotes, source), &n_quotes)[node - base[source]];
      if (tracked == NULL)
        {
          tracked = g_new0 (CcReportTracked, 1);
          tracked->carriers = g_array_new (FALSE, FALSE, sizeof (CcReportCarrier));
          g_hash_table_insert (groups, GUINT_TO_POINTER (root + 1), tracked);
          g_ptr_array_add (self->tracked, tracked);
        }

      for (guint c = 0; c < tracked->carriers->len; c++)
        carried |= g_array_index (tracked->carriers, CcReportCarrier, c).source == source;
      if (carried)
        continue;

      carrier.source = source;
      carrier.quoted = TRUE;
      carrier.wording = dup_wording (g_ptr_array_index (texts, source), quote->range);
      g_array_append_val (tracked->carriers, carrier);
      tracked->n_quoted++;

      if (tracked->speaker == NULL && quote->speaker.end > quote->speaker.start)
        tracked->speaker = dup_wording (g_ptr_array_index (texts, source), quote->speaker);
    }

  for (guint u = 0; u < unquoted->len; u++)
    {
      const Unquoted *entry = &g_array_index (unquoted, Unquoted, u);
      guint root = find_root (parent, entry->node);
      CcReportTracked *tracked = g_hash_table_lookup (groups, GUINT_TO_POINTER (root + 1));
      CcReportCarrier carrier;
      gboolean carried = FALSE;

      g_assert (tracked != NULL);
      for (guint c = 0; c < tracked->carriers->len; c++)
        carried |= g_array_index (tracked->carriers, CcReportCarrier, c).source == entry->source;
      if (carried)
        continue;

      carrier.source = entry->source;
      carrier.quoted = FALSE;
      carrier.wording = dup_wording (g_ptr_array_index (texts, entry->source), entry->range);
      g_array_append_val (tracked->carriers, carrier);
    }

  /* Quotations shorter than a shared one must be to count stay out, unless shared. */
  for (guint t = self->tracked->len; t-- > 0;)
    {
      CcReportTracked *tracked = g_ptr_array_index (self->tracked, t);
      const CcReportCarrier *first = &g_array_index (tracked->carriers, CcReportCarrier, 0);

      if (tracked->carriers->len == 1 &&
          cc_text_count_words (first->wording, strlen (first->wording), NULL, 0, 0) <
          self->compare.min_quote_words)
        g_ptr_array_remove_index (self->tracked, t);
    }

  for (guint t = 0; t < self->tracked->len; t++)
    {
      CcReportTracked *tracked = g_ptr_array_index (self->tracked, t);

      g_array_sort_with_data (tracked->carriers, compare_carriers, self);
      for (guint c = 0; c < tracked->carriers->len; c++)
        {
          const CcReportCarrier *carrier = &g_array_index (tracked->carriers, CcReportCarrier, c);

          /* The wording shown is the earliest source's that quotes it. */
          if (carrier->quoted)
            {
              tracked->wording = g_strdup (carrier->wording);
              break;
            }
        }
      if (tracked->carriers->len == 1)
        self->n_single_quotes++;
    }

  /* Most widely carried first; g_ptr_array_sort() is stable, so ties keep their order. */
  g_ptr_array_sort (self->tracked, compare_tracked);

  return TRUE;
}

static gboolean
analyze_project (CcReport      *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  self->matrix = cc_matrix_new (self->project, &self->compare, cancellable, NULL, NULL);
  if (self->matrix == NULL || g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The report was cancelled"));
      return FALSE;
    }

  return track_quotes (self, cancellable, error);
}

gboolean
cc_report_analyze (CcReport      *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  if (self->kind == CC_REPORT_PAIR)
    return analyze_pair (self, cancellable, error);
  else
    return analyze_project (self, cancellable, error);
}

/* Words --------------------------------------------------------------------------------- */

/**
 * cc_report_dup_excerpt:
 * @max_chars: the most characters to keep
 *
 * Returns: (transfer full): the span on one line, cut after a word with an ellipsis when
 *   it is longer than @max_chars
 */
char *
cc_report_dup_excerpt (CcText  *text,
                       CcRange  range,
                       guint    max_chars)
{
  g_autofree char *span = cc_text_dup_span (text, range.start, range.end);
  GString *out = g_string_new (NULL);
  gsize last_space = 0;
  gboolean space = FALSE;
  guint n = 0;
  const char *p;

  for (p = span; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (n >= max_chars)
        break;
      if (space)
        {
          last_space = out->len;
          g_string_append_c (out, ' ');
          n++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      n++;
    }

  if (*p != '\0')
    {
      if (last_space > 0)
        g_string_truncate (out, last_space);
      g_string_append (out, "…");
    }

  return g_string_free (out, FALSE);
}

/**
 * cc_report_text_span:
 *
 * Returns: characters [start, end) of @text without the white space at either end
 */
CcReportSpan
cc_report_text_span (CcText  *text,
                     CcRange  range)
{
  const char *string = cc_text_get_string (text, NULL);
  const char *p = string + cc_text_char_to_byte (text, range.start);
  const char *end = string + cc_text_char_to_byte (text, range.end);
  CcReportSpan span;

  span.start = range.start;
  while (p < end && g_unichar_isspace (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      span.start++;
    }
  while (end > p)
    {
      const char *prev = g_utf8_find_prev_char (p, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  span.string = p;
  span.length = end - p;
  return span;
}

const char *
cc_report_source_title (CcSource *source)
{
  const char *title = cc_source_get_title (source);

  return title != NULL && title[0] != '\0' ? title : _("Untitled Source");
}

/**
 * cc_report_format_date:
 *
 * Returns: (transfer full): the date as the reader's locale writes it in full, with the
 *   time of day when @with_time and the time is not midnight
 */
char *
cc_report_format_date (GDateTime *date_time,
                       gboolean   with_time)
{
  g_autofree char *date = NULL;

  if (date_time == NULL)
    return NULL;

  /* Translators: a date in a report, see the strftime manual; "%-d %B %Y" is 13 March 2026 */
  date = g_date_time_format (date_time, _("%-d %B %Y"));
  if (with_time && (g_date_time_get_hour (date_time) != 0 ||
                    g_date_time_get_minute (date_time) != 0))
    {
      g_autofree char *time = g_date_time_format (date_time, "%H:%M");
      const char *zone = g_date_time_get_timezone_abbreviation (date_time);

      /* Translators: a date, a time of day and a time zone, as 13 March 2026, 15:20 UTC */
      return g_strdup_printf (_("%s, %s %s"), date, time, zone != NULL ? zone : "");
    }

  return g_steal_pointer (&date);
}

char *
cc_report_format_percent (double fraction)
{
  /* Translators: a percentage in a report; keep the no-break space if your language
   * puts one between the number and the sign */
  return g_strdup_printf (_("%.0f %%"), CLAMP (fraction, 0.0, 1.0) * 100.0);
}

char *
cc_report_format_count (guint count)
{
  /* Thousands grouped as the locale groups them. */
  return g_strdup_printf ("%'u", count);
}

const char *
cc_report_shared_kind_label (CcSharedQuoteKind kind)
{
  switch (kind)
    {
    case CC_SHARED_EXACT:
      /* Translators: a kind of shared quotation: the same words */
      return C_("shared quotation", "Exact");
    case CC_SHARED_PARTIAL:
      /* Translators: a kind of shared quotation: one is part of the other */
      return C_("shared quotation", "Partial");
    case CC_SHARED_VARIANT:
      /* Translators: a kind of shared quotation: the same quotation, edited */
      return C_("shared quotation", "Variant");
    case CC_SHARED_UNQUOTED:
    default:
      /* Translators: a kind of shared quotation: one source uses the words without marks */
      return C_("shared quotation", "Not quoted in one");
    }
}

/**
 * cc_report_dup_side_label:
 * @side: 0 for A, 1 for B
 *
 * Returns: (transfer full): a side of a pair report and its source, for the heads of the
 *   columns: "A · Wire Digest"
 */
char *
cc_report_dup_side_label (CcReport *self,
                          guint     side)
{
  return g_strdup_printf ("%s · %s", side == 0 ? "A" : "B",
                          (const char *)g_ptr_array_index (self->short_names, side));
}

/**
 * cc_report_dup_quote_where:
 * @index: a shared quotation of the pair
 * @side: 0 for A, 1 for B
 *
 * Returns: (transfer full): where the quotation stands in source @side, and whether the
 *   source quotes it: "¶ 3 of 12 · quoted"
 */
char *
cc_report_dup_quote_where (CcReport *self,
                           guint     index,
                           guint     side)
{
  const CcSharedQuote *shared = get_shared_quote (self, index);
  CcText *text = cc_report_get_text (self, side);
  guint start = side == 0 ? shared->a.start : shared->b.start;
  gboolean quoted = (side == 0 ? shared->a_quote : shared->b_quote) >= 0;

  /* Translators: where a quotation stands in its source: its paragraph, and whether the
   * source quotes it */
  return g_strdup_printf (_("¶ %u of %u · %s"), cc_text_paragraph_at (text, start),
                          cc_text_get_n_paragraphs (text),
                          quoted ? _("quoted") : _("not quoted"));
}

/**
 * cc_report_dup_passage_where:
 * @range: the passage in text @side
 * @words: how many words it has there
 *
 * Returns: (transfer full): where a shared passage stands in one source: "¶ 3–4 · 57 words"
 */
char *
cc_report_dup_passage_where (CcReport *self,
                             guint     side,
                             CcRange   range,
                             guint     words)
{
  CcText *text = cc_report_get_text (self, side);
  guint first = cc_text_paragraph_at (text, range.start);
  guint last = cc_text_paragraph_at (text, range.end > 0 ? range.end - 1 : 0);

  if (first == last)
    /* Translators: where a passage stands: its paragraph and its words */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "¶ %u · %u word", "¶ %u · %u words",
                                         words), first, words);

  /* Translators: where a passage stands: its paragraphs and its words */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "¶ %u–%u · %u word",
                                       "¶ %u–%u · %u words", words), first, last, words);
}

/**
 * cc_report_dup_elision:
 * @words: the unchanged words a differences-only report leaves out
 *
 * Returns: (transfer full): what stands in the texts for them
 */
char *
cc_report_dup_elision (guint words)
{
  /* Translators: stands for the unchanged words a differences-only report leaves out */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⋯  %u unchanged word left out  ⋯",
                                       "⋯  %u unchanged words left out  ⋯", words), words);
}

static void
summary_row_clear (gpointer data)
{
  CcReportSummaryRow *row = data;

  g_free (row->a);
  g_free (row->b);
}

/**
 * cc_report_dup_summary:
 *
 * The rows of a pair report's summary table that have a number for each source.
 *
 * Returns: (transfer full) (element-type CcReportSummaryRow): the rows
 */
GArray *
cc_report_dup_summary (CcReport *self)
{
  const CcComparisonStats *stats = cc_comparison_get_stats (self->comparison);
  CcReportSummaryRow rows[] = {
    { _("Words"), cc_report_format_count (stats->a_words),
      cc_report_format_count (stats->b_words) },
    { _("Share found in the other source"), cc_report_format_percent (stats->coverage_a),
      cc_report_format_percent (stats->coverage_b) },
    { _("Words only in this source (deleted, inserted)"),
      cc_report_format_count (stats->deleted), cc_report_format_count (stats->inserted) },
    { _("Words changed"), cc_report_format_count (stats->changed_a),
      cc_report_format_count (stats->changed_b) },
    { _("Words moved"), cc_report_format_count (stats->moved),
      cc_report_format_count (self->moved_b) },
    { _("Quotations"), cc_report_format_count (stats->quotes_a),
      cc_report_format_count (stats->quotes_b) },
  };
  GArray *summary = g_array_sized_new (FALSE, FALSE, sizeof (CcReportSummaryRow),
                                       G_N_ELEMENTS (rows));

  g_array_set_clear_func (summary, summary_row_clear);
  g_array_append_vals (summary, rows, G_N_ELEMENTS (rows));
  return summary;
}

/**
 * cc_report_dup_shared_quotes:
 *
 * Returns: (transfer full): the shared quotations of a pair, in all and by kind: "7: 3 exact,
 *   2 partial, 1 variant, 1 not quoted in one"
 */
char *
cc_report_dup_shared_quotes (CcReport *self)
{
  const CcComparisonStats *stats = cc_comparison_get_stats (self->comparison);
  guint total = 0;

  for (guint kind = CC_SHARED_EXACT; kind <= CC_SHARED_UNQUOTED; kind++)
    total += stats->shared_quotes[kind];

  /* Translators: the shared quotations of a pair, in all and by kind */
  return g_strdup_printf (_("%u: %u exact, %u partial, %u variant, %u not quoted in one"),
                          total, stats->shared_quotes[CC_SHARED_EXACT],
                          stats->shared_quotes[CC_SHARED_PARTIAL],
                          stats->shared_quotes[CC_SHARED_VARIANT],
                          stats->shared_quotes[CC_SHARED_UNQUOTED]);
}

/**
 * cc_report_dup_subtitle:
 *
 * Returns: (transfer full): what the report covers, in a line: "Wire Digest and The Harbour
 *   Gazette" or "5 sources"
 */
char *
cc_report_dup_subtitle (CcReport *self)
{
  if (self->kind == CC_REPORT_PAIR)
    {
      /* Translators: the two sources a pair report compares, by their short names */
      return g_strdup_printf (_("%s and %s"),
                              (const char *)g_ptr_array_index (self->short_names, 0),
                              (const char *)g_ptr_array_index (self->short_names, 1));
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources",
                                       self->sources->len),
                          self->sources->len);
}

/**
 * cc_report_dup_generated:
 *
 * Returns: (transfer full): when the report was made and what it shows, in a line
 */
char *
cc_report_dup_generated (CcReport *self)
{
  g_autofree char *date = cc_report_format_date (self->generated, TRUE);
  g_autofree char *texts = NULL;

  if (self->kind == CC_REPORT_PROJECT)
    /* Translators: %s is a date and time */
    return g_strdup_printf (_("Generated %s by Crosscheck %s"), date, PACKAGE_VERSION);

  if (self->options.full_texts)
    texts = g_strdup (_("full texts"));
  else
    texts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "differences with %u word of context",
                                          "differences with %u words of context",
                                          self->options.context_words),
                             self->options.context_words);

  /* Translators: a date and time, the version of Crosscheck, and what the report shows of
   * the texts ("full texts" or "differences with 8 words of context") */
  return g_strdup_printf (_("Generated %s by Crosscheck %s · %s"), date, PACKAGE_VERSION,
                          texts);
}
