/* cc-source-list.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cc-source-list"

#include <glib/gi18n.h>

#include "cc-details-dialog.h"
#include "cc-source-format.h"
#include "cc-source-list-private.h"
#include "cc-source-row.h"

/*
 * The sidebar's list of a project's sources. What can be done to a source is a "source.*"
 * action on the list acting on the selected source; the context menu selects the row it was
 * opened on first, so the menu, the keyboard and the tests all go through the same actions.
 *
 * The list does not own a toast overlay: removing a source emits CcSourceList::add-toast with
 * the "Removed" toast and its Undo button, for the window to give to its AdwToastOverlay.
 */

struct _CcSourceList
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkDropTarget      *drop_target;
  GtkPopoverMenu     *context_menu;

  CcProject          *project;

  /* The row widget showing where a dragged source would land, and on which side. */
  GtkWidget          *drop_row;
  gboolean            drop_after;
};

G_DEFINE_FINAL_TYPE (CcSourceList, cc_source_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SELECTED_SOURCE,
  N_PROPS
};

enum {
  COMPARE_LEFT,
  COMPARE_RIGHT,
  SOURCE_ACTIVATED,
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  CcSourceList *self;      /* weak */
  CcProject    *project;
  CcSource     *source;
  guint         position;
} RemovedSource;

static void
removed_source_free (gpointer  data,
                     GClosure *closure)
{
  RemovedSource *removed = data;

  g_clear_weak_pointer (&removed->self);
  g_clear_object (&removed->project);
  g_clear_object (&removed->source);
  g_free (removed);
}

static void
cc_source_list_update_actions (CcSourceList *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean has_selection = selected != GTK_INVALID_LIST_POSITION && self->project != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.compare-left", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.compare-right", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.edit-details", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.remove", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.show-menu", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.move-up",
                                 has_selection && selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.move-down",
                                 has_selection && selected + 1 < n_items);
}

/* The CcSourceRow that @widget, a widget picked inside the list view, belongs to. */
static CcSourceRow *
find_row (CcSourceList *self,
          GtkWidget    *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self->list_view);
       widget = gtk_widget_get_parent (widget))
    {
      if (CC_IS_SOURCE_ROW (widget))
        return CC_SOURCE_ROW (widget);

      /* The list's own row widget, around ours: a point in its padding. */
      if (gtk_widget_get_parent (widget) == GTK_WIDGET (self->list_view))
        {
          GtkWidget *child = gtk_widget_get_first_child (widget);

          return CC_IS_SOURCE_ROW (child) ? CC_SOURCE_ROW (child) : NULL;
        }
    }

  return NULL;
}

static CcSourceRow *
pick_row (CcSourceList *self,
          double        x,
          double        y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);

  return find_row (self, picked);
}

/* The row showing @source, if it is on screen. */
static CcSourceRow *
find_row_for_source (CcSourceList *self,
                     CcSource     *source)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (CC_IS_SOURCE_ROW (row) && gtk_widget_get_mapped (row) &&
          cc_source_row_get_source (CC_SOURCE_ROW (row)) == source)
        return CC_SOURCE_ROW (row);
    }

  return NULL;
}

static gboolean
select_source (CcSourceList *self,
               CcSource     *source)
{
  guint position;

  if (self->project == NULL || source == NULL ||
      !cc_project_find_position (self->project, source, &position))
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

static gboolean
list_has_focus (CcSourceList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));
}

/* Selects @position and scrolls to it. A row moved or removed took the keyboard focus with
 * it, so the row selected now takes it, and the arrow keys go on from there. */
static void
focus_position (CcSourceList *self,
                guint         position,
                gboolean      had_focus)
{
  CcSourceRow *row;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  if (had_focus &&
      (row = find_row_for_source (self, gtk_single_selection_get_selected_item (self->selection))))
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
}

/* Shows the context menu pointing at @rect, in @widget's coordinates. */
static void
popup_menu (CcSourceList          *self,
            GtkWidget             *widget,
            const graphene_rect_t *rect)
{
  graphene_rect_t bounds;
  GdkRectangle pointing_to;

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (self), &bounds))
    return;

  pointing_to.x = bounds.origin.x + rect->origin.x;
  pointing_to.y = bounds.origin.y + rect->origin.y;
  pointing_to.width = MAX (1, rect->size.width);
  pointing_to.height = MAX (1, rect->size.height);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &pointing_to);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
popup_menu_at_point (CcSourceList *self,
                     double        x,
                     double        y)
{
  CcSourceRow *row = pick_row (self, x, y);
  guint position;

  if (row == NULL || self->project == NULL ||
      !cc_project_find_position (self->project, cc_source_row_get_source (row), &position))
    return;

  /* As a left click would, the row clicked takes the selection and the focus. */
  focus_position (self, position, TRUE);
  popup_menu (self, GTK_WIDGET (self->list_view), &GRAPHENE_RECT_INIT (x, y, 1, 1));
}

static void
on_menu_click_pressed_cb (GtkGestureClick *gesture,
                          int              n_press,
                          double           x,
                          double           y,
                          CcSourceList    *self)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  if (pick_row (self, x, y) != NULL)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* On release rather than press, so the release does not land in the menu just opened. */
static void
on_menu_click_released_cb (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           CcSourceList    *self)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  popup_menu_at_point (self, x, y);
}

static void
on_menu_long_press_pressed_cb (GtkGestureLongPress *gesture,
                               double               x,
                               double               y,
                               CcSourceList        *self)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  if (pick_row (self, x, y) == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at_point (self, x, y);
}

/* The Menu key and Shift+F10: the menu of the focused row, below its title. */
static void
cc_source_list_show_menu_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  CcSourceList *self = CC_SOURCE_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  CcSourceRow *row = NULL;
  int height;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    row = find_row (self, focus);
  if (row == NULL)
    row = find_row_for_source (self, cc_source_list_get_selected_source (self));
  if (row == NULL || !select_source (self, cc_source_row_get_source (row)))
    return;

  height = gtk_widget_get_height (GTK_WIDGET (row));
  popup_menu (self, GTK_WIDGET (row), &GRAPHENE_RECT_INIT (12, height / 2, 1, height / 2));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     CcSourceList             *self)
{
  gtk_list_item_set_child (item, cc_source_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    CcSourceList             *self)
{
  CcSourceRow *row = CC_SOURCE_ROW (gtk_list_item_get_child (item));

  cc_source_row_set_source (row, gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      CcSourceList             *self)
{
  CcSourceRow *row = CC_SOURCE_ROW (gtk_list_item_get_child (item));

  cc_source_row_set_source (row, NULL);
}

static void
on_list_view_activate_cb (GtkListView  *list_view,
                          guint         position,
                          CcSourceList *self)
{
  g_autoptr(CcSource) source = NULL;

  g_assert (CC_IS_SOURCE_LIST (self));

  source = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (source != NULL)
    g_signal_emit (self, signals[SOURCE_ACTIVATED], 0, source);
}

static void
on_selection_notify_selected_item_cb (GtkSingleSelection *selection,
                                      GParamSpec         *pspec,
                                      CcSourceList       *self)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  cc_source_list_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SOURCE]);
}

static void
on_selection_items_changed_cb (GListModel   *model,
                               guint         position,
                               guint         removed,
                               guint         added,
                               CcSourceList *self)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  cc_source_list_update_actions (self);
}

/* Drag and drop ----------------------------------------------------------------------------- */

static void
set_drop_row (CcSourceList *self,
              GtkWidget    *drop_row,
              gboolean      after)
{
  if (self->drop_row != NULL)
    {
      gtk_widget_remove_css_class (self->drop_row, "drop-before");
      gtk_widget_remove_css_class (self->drop_row, "drop-after");
    }

  g_set_weak_pointer (&self->drop_row, drop_row);
  self->drop_after = after;

  if (drop_row != NULL)
    gtk_widget_add_css_class (drop_row, after ? "drop-after" : "drop-before");
}

static GdkContentProvider *
on_drag_source_prepare_cb (GtkDragSource *drag_source,
                           double         x,
                           double         y,
                           CcSourceList  *self)
{
  GdkDevice *device = gtk_gesture_get_device (GTK_GESTURE (drag_source));
  CcSourceRow *row;
  CcSource *source;

  g_assert (CC_IS_SOURCE_LIST (self));

  /* A finger dragging over the list scrolls it; touch reorders with the menu's Move items. */
  if (device != NULL && gdk_device_get_source (device) == GDK_SOURCE_TOUCHSCREEN)
    return NULL;

  row = pick_row (self, x, y);
  if (row == NULL || (source = cc_source_row_get_source (row)) == NULL)
    return NULL;

  g_object_set_data (G_OBJECT (drag_source), "row", row);
  return gdk_content_provider_new_typed (CC_TYPE_SOURCE, source);
}

static void
on_drag_source_drag_begin_cb (GtkDragSource *drag_source,
                              GdkDrag       *drag,
                              CcSourceList  *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (drag_source), "row");
  g_autoptr(GdkPaintable) paintable = NULL;

  g_assert (CC_IS_SOURCE_LIST (self));

  if (row == NULL)
    return;

  /* The row itself, with its background, follows the pointer: it is clear what is moved. */
  paintable = gtk_widget_paintable_new (gtk_widget_get_parent (row));
  gtk_drag_source_set_icon (drag_source, paintable, 12, 12);
  g_object_set_data (G_OBJECT (drag_source), "row", NULL);
}

/* The source a drag carries, if it is one of this project's. */
static CcSource *
get_dragged_source (CcSourceList  *self,
                    GtkDropTarget *drop_target)
{
  const GValue *value = gtk_drop_target_get_value (drop_target);
  CcSource *source;

  if (value == NULL || !G_VALUE_HOLDS (value, CC_TYPE_SOURCE) || self->project == NULL)
    return NULL;

  source = g_value_get_object (value);
  if (source == NULL || !cc_project_find_position (self->project, source, NULL))
    return NULL;

  return source;
}

static GdkDragAction
on_drop_target_motion_cb (GtkDropTarget *drop_target,
                          double         x,
                          double         y,
                          CcSourceList  *self)
{
  const GValue *value = gtk_drop_target_get_value (drop_target);
  CcSourceRow *row;
  GtkWidget *item;
  graphene_rect_t bounds;

  g_assert (CC_IS_SOURCE_LIST (self));

  /* Until the value is loaded, assume it is ours; a drop of anything else is refused. */
  if (value != NULL && get_dragged_source (self, drop_target) == NULL)
    {
      set_drop_row (self, NULL, FALSE);
      return 0;
    }

  /* Between two rows the line stays where it was. */
  if ((row = pick_row (self, x, y)) == NULL)
    return self->drop_row != NULL ? GDK_ACTION_MOVE : 0;

  item = gtk_widget_get_parent (GTK_WIDGET (row));
  if (!gtk_widget_compute_bounds (item, GTK_WIDGET (self->list_view), &bounds))
    return 0;

  set_drop_row (self, item, y > bounds.origin.y + bounds.size.height / 2);
  return GDK_ACTION_MOVE;
}

static void
on_drop_target_leave_cb (GtkDropTarget *drop_target,
                         CcSourceList  *self)
{
  g_assert (CC_IS_SOURCE_LIST (self));

  set_drop_row (self, NULL, FALSE);
}

static gboolean
on_drop_target_drop_cb (GtkDropTarget *drop_target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        CcSourceList  *self)
{
  CcSource *source;
  CcSource *target = NULL;
  gboolean after = self->drop_after;

  g_assert (CC_IS_SOURCE_LIST (self));

  if (self->drop_row != NULL)
    {
      GtkWidget *row = gtk_widget_get_first_child (self->drop_row);

      if (CC_IS_SOURCE_ROW (row))
        target = cc_source_row_get_source (CC_SOURCE_ROW (row));
    }

  set_drop_row (self, NULL, FALSE);

  if (!G_VALUE_HOLDS (value, CC_TYPE_SOURCE) || target == NULL)
    return FALSE;

  source = g_value_get_object (value);
  return cc_source_list_drop_source (self, source, target, after);
}

/**
 * cc_source_list_drop_source:
 * @source: the source dropped
 * @target: the source of the row it was dropped on
 * @after: whether it was dropped on the lower half of that row
 *
 * Moves @source before or after @target and selects it.
 *
 * Returns: whether anything moved
 */
gboolean
cc_source_list_drop_source (CcSourceList *self,
                            CcSource     *source,
                            CcSource     *target,
                            gboolean      after)
{
  guint from;
  guint to;

  g_return_val_if_fail (CC_IS_SOURCE_LIST (self), FALSE);
  g_return_val_if_fail (CC_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (CC_IS_SOURCE (target), FALSE);

  if (self->project == NULL ||
      !cc_project_find_position (self->project, source, &from) ||
      !cc_project_find_position (self->project, target, &to))
    return FALSE;

  /* @to counts the source itself while it is still in its old place. */
  if (after)
    to++;
  if (from < to)
    to--;

  if (from == to)
    return FALSE;

  cc_project_move_source (self->project, from, to);
  focus_position (self, to, TRUE);
  return TRUE;
}

/* Actions ----------------------------------------------------------------------------------- */

static void
move_selected (CcSourceList *self,
               int           offset)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean had_focus;
  guint to;

  if (self->project == NULL || selected == GTK_INVALID_LIST_POSITION ||
      (offset < 0 && selected == 0) || (offset > 0 && selected + 1 >= n_items))
    return;

  to = offset < 0 ? selected - 1 : selected + 1;
  had_focus = list_has_focus (self);
  cc_project_move_source (self->project, selected, to);
  focus_position (self, to, had_focus);
}

static void
cc_source_list_move_up_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  move_selected (CC_SOURCE_LIST (widget), -1);
}

static void
cc_source_list_move_down_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  move_selected (CC_SOURCE_LIST (widget), 1);
}

static void
cc_source_list_compare_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CcSourceList *self = CC_SOURCE_LIST (widget);
  CcSource *source = cc_source_list_get_selected_source (self);
  gboolean right = g_str_equal (action_name, "source.compare-right");

  if (source != NULL)
    g_signal_emit (self, signals[right ? COMPARE_RIGHT : COMPARE_LEFT], 0, source);
}

static void
cc_source_list_edit_details_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CcSourceList *self = CC_SOURCE_LIST (widget);
  CcSource *source = cc_source_list_get_selected_source (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  CcDetailsDialog *dialog;

  if (source == NULL)
    return;

  dialog = cc_details_dialog_new (source);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_undo_remove_cb (AdwToast      *toast,
                   RemovedSource *removed)
{
  if (cc_project_find_position (removed->project, removed->source, NULL))
    return;

  cc_project_insert_source (removed->project, removed->position, removed->source);

  if (removed->self != NULL && removed->self->project == removed->project)
    select_source (removed->self, removed->source);
}

static void
cc_source_list_remove_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CcSourceList *self = CC_SOURCE_LIST (widget);
  CcSource *source = cc_source_list_get_selected_source (self);
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  RemovedSource *removed;
  AdwToast *toast;
  gboolean had_focus;
  guint position;

  if (source == NULL || !cc_project_find_position (self->project, source, &position))
    return;

  removed = g_new0 (RemovedSource, 1);
  g_set_weak_pointer (&removed->self, self);
  removed->project = g_object_ref (self->project);
  removed->source = g_object_ref (source);
  removed->position = position;

  /* A toast's title is markup, and titles may hold an ampersand. */
  escaped = g_markup_escape_text (cc_source_format_title (source), -1);
  /* Translators: %s is the title of the source removed from the project */
  title = g_strdup_printf (_("“%s” removed"), escaped);

  had_focus = list_has_focus (self);
  cc_project_remove_source (self->project, source);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb),
                         removed, removed_source_free, 0);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);

  if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    focus_position (self, gtk_single_selection_get_selected (self->selection), had_focus);
}

/* GtkWidget --------------------------------------------------------------------------------- */

static void
cc_source_list_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CcSourceList *self = CC_SOURCE_LIST (widget);

  gtk_widget_measure (GTK_WIDGET (self->scrolled_window), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
cc_source_list_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CcSourceList *self = CC_SOURCE_LIST (widget);

  gtk_widget_allocate (GTK_WIDGET (self->scrolled_window), width, height, baseline, NULL);

  /* The menu is a popover of the list, so it follows it when the list moves. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->context_menu)))
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static gboolean
cc_source_list_grab_focus (GtkWidget *widget)
{
  CcSourceList *self = CC_SOURCE_LIST (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
cc_source_list_dispose (GObject *object)
{
  CcSourceList *self = (CcSourceList *)object;
  GtkWidget *child;

  g_clear_weak_pointer (&self->drop_row);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_SOURCE_LIST);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (cc_source_list_parent_class)->dispose (object);
}

static void
cc_source_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CcSourceList *self = CC_SOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SELECTED_SOURCE:
      g_value_set_object (value, cc_source_list_get_selected_source (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_source_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CcSourceList *self = CC_SOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      cc_source_list_set_project (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_SOURCE:
      cc_source_list_set_selected_source (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_source_list_class_init (CcSourceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_source_list_dispose;
  object_class->get_property = cc_source_list_get_property;
  object_class->set_property = cc_source_list_set_property;

  widget_class->measure = cc_source_list_measure;
  widget_class->size_allocate = cc_source_list_size_allocate;
  widget_class->grab_focus = cc_source_list_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", "Project", "The project whose sources are listed",
                         CC_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CcSourceList:selected-source:
   *
   * The source selected, or %NULL when the project has none.
   */
  properties[PROP_SELECTED_SOURCE] =
    g_param_spec_object ("selected-source", "Selected source", "The source selected",
                         CC_TYPE_SOURCE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcSourceList::compare-left:
   * @source: the source to compare
   *
   * The user asked to see @source on the left of a comparison.
   */
  signals[COMPARE_LEFT] =
    g_signal_new ("compare-left",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CC_TYPE_SOURCE);

  /**
   * CcSourceList::compare-right:
   * @source: the source to compare
   *
   * The user asked to see @source on the right of a comparison.
   */
  signals[COMPARE_RIGHT] =
    g_signal_new ("compare-right",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CC_TYPE_SOURCE);

  /**
   * CcSourceList::source-activated:
   * @source: the source
   *
   * A row was activated: double-clicked, or Enter pressed on it.
   */
  signals[SOURCE_ACTIVATED] =
    g_signal_new ("source-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CC_TYPE_SOURCE);

  /**
   * CcSourceList::add-toast:
   * @toast: the toast to show
   *
   * The list has something to say, such as that a source was removed, with a button to undo
   * it. The window shows it in its #AdwToastOverlay; adw_toast_overlay_add_toast() takes a
   * reference, so pass it g_object_ref (@toast).
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (CC_TYPE_SOURCE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/ui/cc-source-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, list_view);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, selection);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, drop_target);
  gtk_widget_class_bind_template_child (widget_class, CcSourceList, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_click_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_long_press_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_source_prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_source_drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_target_motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_target_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_target_drop_cb);

  gtk_widget_class_install_action (widget_class, "source.compare-left", NULL,
                                   cc_source_list_compare_cb);
  gtk_widget_class_install_action (widget_class, "source.compare-right", NULL,
                                   cc_source_list_compare_cb);
  gtk_widget_class_install_action (widget_class, "source.edit-details", NULL,
                                   cc_source_list_edit_details_cb);
  gtk_widget_class_install_action (widget_class, "source.remove", NULL,
                                   cc_source_list_remove_cb);
  gtk_widget_class_install_action (widget_class, "source.move-up", NULL,
                                   cc_source_list_move_up_cb);
  gtk_widget_class_install_action (widget_class, "source.move-down", NULL,
                                   cc_source_list_move_down_cb);
  gtk_widget_class_install_action (widget_class, "source.show-menu", NULL,
                                   cc_source_list_show_menu_cb);

  /* Dragging is not for everyone: the keyboard reorders too. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "source.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up,
                                       GDK_ALT_MASK | GDK_SHIFT_MASK, "source.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down,
                                       GDK_ALT_MASK | GDK_SHIFT_MASK, "source.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down,
                                       GDK_ALT_MASK | GDK_SHIFT_MASK, "source.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "source.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "source.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "source.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "source.show-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "sourcelist");
}

static void
cc_source_list_init (CcSourceList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A type is no property a .ui file can give. */
  gtk_drop_target_set_gtypes (self->drop_target, (GType[]) { CC_TYPE_SOURCE }, 1);

  cc_source_list_update_actions (self);
}

CcSourceList *
cc_source_list_new (void)
{
  return g_object_new (CC_TYPE_SOURCE_LIST, NULL);
}

/**
 * cc_source_list_get_project:
 *
 * Returns: (transfer none) (nullable): the project whose sources are listed
 */
CcProject *
cc_source_list_get_project (CcSourceList *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_LIST (self), NULL);
  return self->project;
}

void
cc_source_list_set_project (CcSourceList *self,
                            CcProject    *project)
{
  g_return_if_fail (CC_IS_SOURCE_LIST (self));
  g_return_if_fail (project == NULL || CC_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  gtk_popover_popdown (GTK_POPOVER (self->context_menu));
  set_drop_row (self, NULL, FALSE);
  gtk_single_selection_set_model (self->selection,
                                  project != NULL ? cc_project_get_sources (project) : NULL);
  cc_source_list_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * cc_source_list_get_selection:
 *
 * Returns: (transfer none): the selection over the project's sources
 */
GtkSingleSelection *
cc_source_list_get_selection (CcSourceList *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_LIST (self), NULL);
  return self->selection;
}

/**
 * cc_source_list_get_selected_source:
 *
 * Returns: (transfer none) (nullable): the source selected
 */
CcSource *
cc_source_list_get_selected_source (CcSourceList *self)
{
  g_return_val_if_fail (CC_IS_SOURCE_LIST (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * cc_source_list_set_selected_source:
 * @source: (nullable): one of the project's sources
 *
 * Selects @source and scrolls to it; %NULL, or a source not in the project, leaves the
 * selection as it is. When the list has the keyboard focus, the row of @source takes it.
 */
void
cc_source_list_set_selected_source (CcSourceList *self,
                                    CcSource     *source)
{
  guint position;

  g_return_if_fail (CC_IS_SOURCE_LIST (self));
  g_return_if_fail (source == NULL || CC_IS_SOURCE (source));

  if (self->project == NULL || source == NULL ||
      !cc_project_find_position (self->project, source, &position))
    return;

  /* A list with the focus moves it along, so the keys go on from the source selected. */
  focus_position (self, position, list_has_focus (self));
}
