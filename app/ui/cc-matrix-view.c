/* cc-matrix-view.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-matrix-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-matrix-view.h"
#include "cc-source-format.h"

/* Edits come in bursts (typing, removing several sources); one computation follows the last. */
#define DEBOUNCE_MILLISECONDS 300

/* Cells and headers have fixed sizes so the headers, which sit in scrolled windows of their
 * own to stay in view, line up with the cells. Rows line up because a row header and a cell
 * hold the same two lines of text in the same fonts. */
#define CELL_WIDTH        104
#define CELL_SPACING      4
#define ROW_HEADER_WIDTH  200

struct _CcMatrixView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkSpinner        *spinner;
  GtkLabel          *working_label;
  AdwStatusPage     *error_page;
  GtkLabel          *corner_label;
  GtkScrolledWindow *column_header_window;
  GtkGrid           *column_header_grid;
  GtkScrolledWindow *row_header_window;
  GtkGrid           *row_header_grid;
  GtkScrolledWindow *cell_window;
  GtkGrid           *cell_grid;

  CcProject         *project;
  /* The sources whose signals the view is connected to. */
  GPtrArray         *watched;

  /* The matrix shown and its sources in its order; both NULL while out of date. */
  CcMatrix          *matrix;
  GPtrArray         *sources;
  /* The grids' children by position, which the grids only find by a search. */
  GPtrArray         *column_headers;
  GPtrArray         *row_headers;
  GPtrArray         *cells;

  GCancellable      *cancellable;
  /* Counts changes, so a result that arrives after a newer change is dropped even when its
   * cancellation came too late to stop it. */
  guint              generation;
  guint              debounce_id;
  /* A computation waits until the view is shown: a hidden overview need not keep every
   * processor busy while sources are edited elsewhere. */
  gboolean           pending;
  /* Renamed sources change every tooltip of their row and column: once, after the typing. */
  guint              relabel_id;
  gboolean           relabel_pending;
};

G_DEFINE_FINAL_TYPE (CcMatrixView, cc_matrix_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_MATRIX,
  PROP_BUSY,
  N_PROPS
};

enum {
  PAIR_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A weak reference: a computation running in a thread does not keep a closed view alive. */
typedef struct
{
  GWeakRef   self;
  guint      generation;
  GPtrArray *sources;
} MatrixRequest;

static void cc_matrix_view_start (CcMatrixView *self);

static void
matrix_request_free (MatrixRequest *request)
{
  g_weak_ref_clear (&request->self);
  g_clear_pointer (&request->sources, g_ptr_array_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MatrixRequest, matrix_request_free)

static GPtrArray *
dup_project_sources (CcProject *project)
{
  guint n = cc_project_get_n_sources (project);
  GPtrArray *sources = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sources, g_object_ref (cc_project_get_source (project, i)));

  return sources;
}

/* Whether @sources are still the project's sources, in the same order. */
static gboolean
sources_are_current (CcMatrixView *self,
                     GPtrArray    *sources)
{
  if (self->project == NULL || sources->len != cc_project_get_n_sources (self->project))
    return FALSE;

  for (guint i = 0; i < sources->len; i++)
    if (g_ptr_array_index (sources, i) != cc_project_get_source (self->project, i))
      return FALSE;

  return TRUE;
}

/**
 * cc_matrix_view_get_busy:
 *
 * Returns: whether a matrix is being worked out, or waits to be
 */
gboolean
cc_matrix_view_get_busy (CcMatrixView *self)
{
  g_return_val_if_fail (CC_IS_MATRIX_VIEW (self), FALSE);

  return self->cancellable != NULL || self->debounce_id != 0 || self->pending;
}

static void
notify_busy_if_changed (CcMatrixView *self,
                        gboolean      was_busy)
{
  gboolean busy = cc_matrix_view_get_busy (self);

  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy != was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
remove_children (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))))
    gtk_grid_remove (grid, child);
}

static void
cc_matrix_view_clear_matrix (CcMatrixView *self)
{
  if (self->matrix == NULL)
    return;

  g_clear_handle_id (&self->relabel_id, g_source_remove);
  self->relabel_pending = FALSE;
  remove_children (self->column_header_grid);
  remove_children (self->row_header_grid);
  remove_children (self->cell_grid);
  g_ptr_array_set_size (self->column_headers, 0);
  g_ptr_array_set_size (self->row_headers, 0);
  g_ptr_array_set_size (self->cells, 0);
  g_clear_pointer (&self->matrix, cc_matrix_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATRIX]);
}

/* What a header calls a source: its outlet, short and usually unique, unless another source
 * has the same outlet, when the title tells them apart. */
static GStrv
dup_short_names (GPtrArray *sources)
{
  g_autoptr(GHashTable) outlets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < sources->len; i++)
    {
      const char *outlet = cc_source_get_outlet (g_ptr_array_index (sources, i));
      guint count;

      if (outlet == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (outlets, outlet));
      g_hash_table_insert (outlets, (gpointer)outlet, GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < sources->len; i++)
    {
      CcSource *source = g_ptr_array_index (sources, i);
      const char *outlet = cc_source_get_outlet (source);

      if (outlet != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (outlets, outlet)) == 1)
        g_strv_builder_add (names, outlet);
      else
        g_strv_builder_add (names, cc_source_format_title (source));
    }

  return g_strv_builder_end (names);
}

static guint
round_percent (double coverage)
{
  /* Halves round up, as a reader rounds, without libm. */
  return (guint)(CLAMP (coverage, 0.0, 1.0) * 100 + 0.5);
}

static char *
format_percent (double coverage)
{
  /* A trace of sharing is not nothing. */
  if (coverage > 0 && round_percent (coverage) == 0)
    {
      /* Translators: a share of words that is more than none but rounds to 0 % */
      return g_strdup (_("< 1 %"));
    }

  /* Translators: a share in percent, as in "42 %" */
  return g_strdup_printf (_("%u %%"), round_percent (coverage));
}

/* The colour steps of the legend in the template, by the percentage the cell shows. */
static guint
heat_level (double coverage)
{
  guint percent = round_percent (coverage);

  if (coverage <= 0)
    return 0;
  if (percent < 5)
    return 1;
  if (percent < 10)
    return 2;
  if (percent < 25)
    return 3;
  if (percent < 50)
    return 4;
  return 5;
}

static void
set_heat_level (GtkWidget *cell,
                guint      level)
{
  static const char * const classes[] = {
    "heat-0", "heat-1", "heat-2", "heat-3", "heat-4", "heat-5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (i == level)
        gtk_widget_add_css_class (cell, classes[i]);
      else
        gtk_widget_remove_css_class (cell, classes[i]);
    }
}

static void
update_column_header (CcMatrixView *self,
                      guint         column,
                      const char   *name)
{
  GtkWidget *label = g_ptr_array_index (self->column_headers, column);
  CcSource *source = g_ptr_array_index (self->sources, column);
  g_autofree char *byline = cc_source_format_byline (source, TRUE);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (GTK_LABEL (label), name);
  if (byline[0] != '\0')
    tooltip = g_strdup_printf ("%s\n%s", cc_source_format_title (source), byline);
  else
    tooltip = g_strdup (cc_source_format_title (source));
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
update_row_header (CcMatrixView *self,
                   guint         row,
                   const char   *name)
{
  GtkWidget *label = g_ptr_array_index (self->row_headers, row);
  CcSource *source = g_ptr_array_index (self->sources, row);
  guint words = cc_matrix_get_words (self->matrix, row);
  guint quotes = cc_matrix_get_quotes (self->matrix, row);
  g_autofree char *words_text = g_strdup_printf (ngettext ("%'u word", "%'u words", words), words);
  g_autofree char *quotes_text = g_strdup_printf (ngettext ("%'u quotation", "%'u quotations",
                                                           quotes), quotes);
  /* Translators: a source's size in the overview, as in "537 words · 8 quotations" */
  g_autofree char *details = g_strdup_printf (_("%s · %s"), words_text, quotes_text);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>",
                                                    name, details);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_widget_set_tooltip_text (label, cc_source_format_title (source));
}

/* "Harbour Times → Coastal Post: 42 % of words shared (opposite direction 38 %), 5 shared
 * quotations": the cell's tooltip and its name for screen readers. */
static char *
dup_cell_description (CcMatrixView *self,
                      guint         row,
                      guint         column,
                      const char   *row_name,
                      const char   *column_name)
{
  const CcMatrixCell *cell = cc_matrix_get_cell (self->matrix, row, column);
  const CcMatrixCell *opposite = cc_matrix_get_cell (self->matrix, column, row);
  g_autofree char *percent = format_percent (cell->coverage);
  g_autofree char *opposite_percent = format_percent (opposite->coverage);

  return g_strdup_printf (ngettext ("%s → %s: %s of words shared (opposite direction %s), "
                                    "%u shared quotation",
                                    "%s → %s: %s of words shared (opposite direction %s), "
                                    "%u shared quotations",
                                    cell->shared_quotes),
                          row_name, column_name, percent, opposite_percent,
                          cell->shared_quotes);
}

static void
update_cell (CcMatrixView *self,
             guint         row,
             guint         column,
             const char   *row_name,
             const char   *column_name)
{
  GtkWidget *button = g_ptr_array_index (self->cells, row * self->sources->len + column);
  const CcMatrixCell *cell = cc_matrix_get_cell (self->matrix, row, column);
  g_autofree char *percent = format_percent (cell->coverage);
  g_autofree char *quotes = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *description = NULL;

  quotes = g_strdup_printf (ngettext ("%u quotation", "%u quotations", cell->shared_quotes),
                            cell->shared_quotes);
  /* No quotation in common is the usual case: it recedes. */
  markup = g_markup_printf_escaped ("<b>%s</b>\n<small><span alpha=\"%s\">%s</span></small>",
                                    percent, cell->shared_quotes > 0 ? "100%" : "60%", quotes);
  gtk_label_set_markup (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), markup);

  description = dup_cell_description (self, row, column, row_name, column_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  set_heat_level (button, heat_level (cell->coverage));
}

/* The tooltip is written when it is wanted: setting a tooltip's text asks the display server
 * where the pointer is, a round trip that thousands of cells would make the reader wait for. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget    *button,
                          int           x,
                          int           y,
                          gboolean      keyboard_mode,
                          GtkTooltip   *tooltip,
                          CcMatrixView *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cc-matrix-row"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cc-matrix-column"));
  g_auto(GStrv) names = NULL;
  g_autofree char *description = NULL;

  if (self->matrix == NULL)
    return FALSE;

  names = dup_short_names (self->sources);
  description = dup_cell_description (self, row, column, names[row], names[column]);
  gtk_tooltip_set_text (tooltip, description);

  return TRUE;
}

/* Names change without changing the numbers: the widgets stay, their texts follow. */
static void
cc_matrix_view_update_texts (CcMatrixView *self)
{
  g_auto(GStrv) names = NULL;
  guint n;

  if (self->matrix == NULL)
    return;

  names = dup_short_names (self->sources);
  n = cc_matrix_get_size (self->matrix);

  for (guint i = 0; i < n; i++)
    {
      update_column_header (self, i, names[i]);
      update_row_header (self, i, names[i]);
    }

  for (guint row = 0; row < n; row++)
    for (guint column = 0; column < n; column++)
      if (row != column)
        update_cell (self, row, column, names[row], names[column]);
}

static void
on_cell_clicked_cb (GtkButton    *button,
                    CcMatrixView *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cc-matrix-row"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cc-matrix-column"));

  g_assert (CC_IS_MATRIX_VIEW (self));
  g_return_if_fail (self->sources != NULL);
  g_return_if_fail (row < self->sources->len && column < self->sources->len);

  g_signal_emit (self, signals[PAIR_ACTIVATED], 0,
                 g_ptr_array_index (self->sources, row),
                 g_ptr_array_index (self->sources, column));
}

static GtkWidget *
create_text_label (void)
{
  /* One character's natural width, so the fixed size of the cell decides its width. */
  return g_object_new (GTK_TYPE_LABEL,
                       "ellipsize", PANGO_ELLIPSIZE_END,
                       "max-width-chars", 1,
                       NULL);
}

static void
cc_matrix_view_create_widgets (CcMatrixView *self)
{
  guint n = cc_matrix_get_size (self->matrix);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *column_header = g_object_new (GTK_TYPE_LABEL,
                                               "wrap", TRUE,
                                               "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                               "lines", 2,
                                               "ellipsize", PANGO_ELLIPSIZE_END,
                                               "justify", GTK_JUSTIFY_CENTER,
                                               "max-width-chars", 1,
                                               "valign", GTK_ALIGN_END,
                                               "width-request", CELL_WIDTH,
                                               NULL);
      GtkWidget *row_header = create_text_label ();

      gtk_widget_add_css_class (column_header, "matrix-column-header");
      gtk_grid_attach (self->column_header_grid, column_header, i, 0, 1, 1);
      g_ptr_array_add (self->column_headers, g_object_ref (column_header));

      gtk_label_set_xalign (GTK_LABEL (row_header), 0);
      gtk_widget_set_size_request (row_header, ROW_HEADER_WIDTH, -1);
      gtk_widget_add_css_class (row_header, "matrix-row-header");
      gtk_grid_attach (self->row_header_grid, row_header, 0, i, 1, 1);
      g_ptr_array_add (self->row_headers, g_object_ref (row_header));
    }

  for (guint row = 0; row < n; row++)
    for (guint column = 0; column < n; column++)
      {
        GtkWidget *cell;

        if (row == column)
          {
            /* A source compared with itself says nothing: an inert, hatched cell. */
            cell = gtk_label_new (NULL);
            gtk_widget_add_css_class (cell, "matrix-diagonal");
          }
        else
          {
            GtkWidget *label = create_text_label ();

            gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
            cell = gtk_button_new ();
            gtk_button_set_child (GTK_BUTTON (cell), label);
            g_object_set_data (G_OBJECT (cell), "cc-matrix-row", GUINT_TO_POINTER (row));
            g_object_set_data (G_OBJECT (cell), "cc-matrix-column", GUINT_TO_POINTER (column));
            g_signal_connect_object (cell, "clicked", G_CALLBACK (on_cell_clicked_cb), self, 0);
            gtk_widget_set_has_tooltip (cell, TRUE);
            g_signal_connect_object (cell, "query-tooltip",
                                     G_CALLBACK (on_cell_query_tooltip_cb), self, 0);
          }

        gtk_widget_add_css_class (cell, "matrix-cell");
        gtk_widget_set_size_request (cell, CELL_WIDTH, -1);
        gtk_grid_attach (self->cell_grid, cell, column, row, 1, 1);
        g_ptr_array_add (self->cells, g_object_ref (cell));
      }
}

static void
cc_matrix_view_show_matrix (CcMatrixView *self,
                            CcMatrix     *matrix,
                            GPtrArray    *sources)
{
  g_assert (self->matrix == NULL);
  g_assert (cc_matrix_get_size (matrix) == sources->len);

  self->matrix = cc_matrix_ref (matrix);
  self->sources = g_ptr_array_ref (sources);

  cc_matrix_view_create_widgets (self);
  cc_matrix_view_update_texts (self);
  gtk_stack_set_visible_child_name (self->stack, "matrix");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATRIX]);
}

static void
matrix_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MatrixRequest) request = user_data;
  g_autoptr(CcMatrixView) self = g_weak_ref_get (&request->self);
  g_autoptr(CcMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_busy;

  matrix = cc_matrix_new_finish (result, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (request->generation != self->generation)
    return;

  was_busy = cc_matrix_view_get_busy (self);
  g_clear_object (&self->cancellable);

  if (matrix == NULL)
    {
      g_warning ("Could not compute the matrix: %s", error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else if (!sources_are_current (self, request->sources))
    {
      /* A change that sent no signal the view listens to: never show what no longer is. */
      cc_matrix_view_start (self);
    }
  else
    {
      cc_matrix_view_show_matrix (self, matrix, request->sources);
    }

  notify_busy_if_changed (self, was_busy);
}

static void
cc_matrix_view_start (CcMatrixView *self)
{
  g_autofree char *label = NULL;
  CcCompareOptions options;
  MatrixRequest *request;
  guint n;

  g_assert (CC_IS_MATRIX_VIEW (self));
  g_assert (self->matrix == NULL);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->project == NULL || (n = cc_project_get_n_sources (self->project)) < 2)
    {
      self->pending = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->pending = TRUE;
      return;
    }

  self->pending = FALSE;
  self->cancellable = g_cancellable_new ();

  label = g_strdup_printf (ngettext ("Comparing %u source…", "Comparing %u sources…", n), n);
  gtk_label_set_label (self->working_label, label);
  gtk_stack_set_visible_child_name (self->stack, "working");

  request = g_new0 (MatrixRequest, 1);
  g_weak_ref_init (&request->self, self);
  request->generation = self->generation;
  request->sources = dup_project_sources (self->project);

  cc_compare_options_from_settings (&options, cc_project_get_settings (self->project));
  cc_matrix_new_async (self->project, &options, self->cancellable, matrix_cb, request);
}

static gboolean
on_debounce_timeout_cb (gpointer user_data)
{
  CcMatrixView *self = user_data;
  gboolean was_busy = cc_matrix_view_get_busy (self);

  self->debounce_id = 0;
  cc_matrix_view_start (self);
  notify_busy_if_changed (self, was_busy);

  return G_SOURCE_REMOVE;
}

/* Drops the matrix shown, which no longer matches the project, and schedules a new one:
 * at once, or after a pause so a burst of edits costs one computation. */
static void
cc_matrix_view_invalidate (CcMatrixView *self,
                           gboolean      at_once)
{
  gboolean was_busy = cc_matrix_view_get_busy (self);

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->pending = FALSE;

  cc_matrix_view_clear_matrix (self);

  if (self->project == NULL || cc_project_get_n_sources (self->project) < 2)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (at_once)
    {
      cc_matrix_view_start (self);
    }
  else
    {
      gtk_label_set_label (self->working_label, _("Comparing the sources…"));
      gtk_stack_set_visible_child_name (self->stack, "working");
      self->debounce_id = g_timeout_add (DEBOUNCE_MILLISECONDS, on_debounce_timeout_cb, self);
    }

  notify_busy_if_changed (self, was_busy);
}

static gboolean
on_relabel_timeout_cb (gpointer user_data)
{
  CcMatrixView *self = user_data;

  self->relabel_id = 0;
  self->relabel_pending = FALSE;
  cc_matrix_view_update_texts (self);

  return G_SOURCE_REMOVE;
}

static void
cc_matrix_view_schedule_relabel (CcMatrixView *self)
{
  /* A matrix still to come is built with the names as they are then. */
  if (self->matrix == NULL)
    return;

  self->relabel_pending = TRUE;
  if (self->relabel_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->relabel_id = g_timeout_add (DEBOUNCE_MILLISECONDS, on_relabel_timeout_cb, self);
}

static void
on_source_notify_cb (CcSource     *source,
                     GParamSpec   *pspec,
                     CcMatrixView *self)
{
  if (g_strcmp0 (pspec->name, "text") == 0)
    cc_matrix_view_invalidate (self, FALSE);
  else if (g_strcmp0 (pspec->name, "title") == 0 || g_strcmp0 (pspec->name, "outlet") == 0)
    cc_matrix_view_schedule_relabel (self);
}

static void
on_source_ranges_changed_cb (CcSource     *source,
                             CcMatrixView *self)
{
  /* Excluded text and marked quotations count in the matrix. */
  cc_matrix_view_invalidate (self, FALSE);
}

static void
unwatch_sources (CcMatrixView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch_sources (CcMatrixView *self)
{
  unwatch_sources (self);

  if (self->project == NULL)
    return;

  for (guint i = 0; i < cc_project_get_n_sources (self->project); i++)
    {
      CcSource *source = cc_project_get_source (self->project, i);

      g_signal_connect_object (source, "notify", G_CALLBACK (on_source_notify_cb), self, 0);
      g_signal_connect_object (source, "ranges-changed",
                               G_CALLBACK (on_source_ranges_changed_cb), self, 0);
      g_ptr_array_add (self->watched, g_object_ref (source));
    }
}

static void
on_sources_items_changed_cb (GListModel   *sources,
                             guint         position,
                             guint         removed,
                             guint         added,
                             CcMatrixView *self)
{
  watch_sources (self);
  cc_matrix_view_invalidate (self, FALSE);
}

static void
on_settings_notify_cb (CcComparisonSettings *settings,
                       GParamSpec           *pspec,
                       CcMatrixView         *self)
{
  /* The matrix counts exact runs of words; what passages may bridge does not enter it. */
  if (g_strcmp0 (pspec->name, "max-bridged-words") == 0 ||
      g_strcmp0 (pspec->name, "min-identity") == 0)
    return;

  cc_matrix_view_invalidate (self, FALSE);
}

static void
cc_matrix_view_map (GtkWidget *widget)
{
  CcMatrixView *self = (CcMatrixView *)widget;

  GTK_WIDGET_CLASS (cc_matrix_view_parent_class)->map (widget);

  if (self->relabel_pending && self->relabel_id == 0)
    on_relabel_timeout_cb (self);

  if (self->pending)
    {
      gboolean was_busy = cc_matrix_view_get_busy (self);

      cc_matrix_view_start (self);
      notify_busy_if_changed (self, was_busy);
    }
}

static void
disconnect_project (CcMatrixView *self)
{
  if (self->project == NULL)
    return;

  g_signal_handlers_disconnect_by_data (cc_project_get_sources (self->project), self);
  g_signal_handlers_disconnect_by_data (cc_project_get_settings (self->project), self);
  unwatch_sources (self);
}

static void
cc_matrix_view_dispose (GObject *object)
{
  CcMatrixView *self = (CcMatrixView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);

  disconnect_project (self);
  g_clear_object (&self->project);

  g_clear_handle_id (&self->relabel_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_MATRIX_VIEW);

  g_clear_pointer (&self->column_headers, g_ptr_array_unref);
  g_clear_pointer (&self->row_headers, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);

  g_clear_pointer (&self->matrix, cc_matrix_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_matrix_view_parent_class)->dispose (object);
}

static void
cc_matrix_view_finalize (GObject *object)
{
  CcMatrixView *self = (CcMatrixView *)object;

  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_matrix_view_parent_class)->finalize (object);
}

static void
cc_matrix_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CcMatrixView *self = CC_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_MATRIX:
      g_value_set_pointer (value, self->matrix);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, cc_matrix_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_matrix_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CcMatrixView *self = CC_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      cc_matrix_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_matrix_view_class_init (CcMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_matrix_view_dispose;
  object_class->finalize = cc_matrix_view_finalize;
  object_class->get_property = cc_matrix_view_get_property;
  object_class->set_property = cc_matrix_view_set_property;

  widget_class->map = cc_matrix_view_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", "Project", "The project whose sources the matrix compares",
                         CC_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* CcMatrix is a plain reference-counted struct without a boxed type: a pointer. */
  properties[PROP_MATRIX] =
    g_param_spec_pointer ("matrix", "Matrix", "The matrix shown, or NULL while working",
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", "Busy", "Whether a matrix is being worked out",
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcMatrixView::pair-activated:
   * @row_source: the source whose words the cell counts
   * @column_source: the source they were looked for in
   *
   * The reader chose a cell, to compare the two sources.
   */
  signals[PAIR_ACTIVATED] =
    g_signal_new ("pair-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CC_TYPE_SOURCE, CC_TYPE_SOURCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-matrix-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, stack);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, working_label);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, error_page);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, corner_label);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, column_header_window);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, column_header_grid);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, row_header_window);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, row_header_grid);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, cell_window);
  gtk_widget_class_bind_template_child (widget_class, CcMatrixView, cell_grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matrixview");
}

static void
set_cell_spacing (GtkGrid *grid)
{
  gtk_grid_set_column_spacing (grid, CELL_SPACING);
  gtk_grid_set_row_spacing (grid, CELL_SPACING);
}

static void
cc_matrix_view_init (CcMatrixView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->column_headers = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_headers = g_ptr_array_new_with_free_func (g_object_unref);
  self->cells = g_ptr_array_new_with_free_func (g_object_unref);

  set_cell_spacing (self->column_header_grid);
  set_cell_spacing (self->row_header_grid);
  set_cell_spacing (self->cell_grid);

  /* The headers scroll with the cells, and only with them, so they stay in view. */
  gtk_scrolled_window_set_hadjustment (self->column_header_window,
                                       gtk_scrolled_window_get_hadjustment (self->cell_window));
  gtk_scrolled_window_set_vadjustment (self->row_header_window,
                                       gtk_scrolled_window_get_vadjustment (self->cell_window));
  gtk_widget_set_size_request (GTK_WIDGET (self->corner_label), ROW_HEADER_WIDTH, -1);
  gtk_label_set_max_width_chars (self->corner_label, 1);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

CcMatrixView *
cc_matrix_view_new (void)
{
  return g_object_new (CC_TYPE_MATRIX_VIEW, NULL);
}

/**
 * cc_matrix_view_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
CcProject *
cc_matrix_view_get_project (CcMatrixView *self)
{
  g_return_val_if_fail (CC_IS_MATRIX_VIEW (self), NULL);
  return self->project;
}

/**
 * cc_matrix_view_set_project:
 * @project: (nullable): the project to show
 *
 * Shows the matrix of all pairs of @project's sources, worked out in another thread and again
 * after every change to the sources or the comparison settings. While the view is not shown
 * the work waits until it is.
 */
void
cc_matrix_view_set_project (CcMatrixView *self,
                            CcProject    *project)
{
  g_return_if_fail (CC_IS_MATRIX_VIEW (self));
  g_return_if_fail (project == NULL || CC_IS_PROJECT (project));

  if (self->project == project)
    return;

  disconnect_project (self);
  g_set_object (&self->project, project);

  if (project != NULL)
    {
      g_signal_connect_object (cc_project_get_sources (project), "items-changed",
                               G_CALLBACK (on_sources_items_changed_cb), self, 0);
      g_signal_connect_object (cc_project_get_settings (project), "notify",
                               G_CALLBACK (on_settings_notify_cb), self, 0);
      watch_sources (self);
    }

  cc_matrix_view_invalidate (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * cc_matrix_view_get_matrix:
 *
 * Returns: (transfer none) (nullable): the matrix shown; %NULL while it is worked out, or
 *   when the project has fewer than two sources
 */
CcMatrix *
cc_matrix_view_get_matrix (CcMatrixView *self)
{
  g_return_val_if_fail (CC_IS_MATRIX_VIEW (self), NULL);
  return self->matrix;
}

/**
 * cc_matrix_view_get_source:
 * @index: a row or column of the matrix shown
 *
 * Returns: (transfer none) (nullable): the source of that row and column
 */
CcSource *
cc_matrix_view_get_source (CcMatrixView *self,
                           guint         index)
{
  g_return_val_if_fail (CC_IS_MATRIX_VIEW (self), NULL);

  if (self->sources == NULL || index >= self->sources->len)
    return NULL;

  return g_ptr_array_index (self->sources, index);
}
