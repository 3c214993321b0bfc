/* ui-test-util.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cc-project.h"

G_BEGIN_DECLS

/* Long enough for a slow CI machine, short enough that a hang fails rather than times out. */
#define TIMEOUT_SECONDS 10

typedef gboolean (*Condition) (gpointer data);

void       ui_test_init                 (int           *argc,
                                         char        ***argv);

void       wait_for                     (Condition      condition,
                                         gpointer       data,
                                         const char    *what);
void       run_for                      (guint          milliseconds);

void       ui_test_flush_main_loop      (void);
void       ui_test_destroy_window       (GtkWindow     *window,
                                         ...) G_GNUC_NULL_TERMINATED;

CcProject *ui_test_load_example         (void);
void       ui_test_remove_tree          (const char    *path);

typedef gboolean (*UiTestWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

GtkWindow *ui_test_find_transient       (GtkWindow     *window,
                                         GType          type);
GtkWidget *ui_test_find_widget          (GtkWidget         *widget,
                                         UiTestWidgetMatch  match,
                                         gconstpointer      data);
gboolean   ui_test_is_group_titled      (GtkWidget     *widget,
                                         gconstpointer  title);
gboolean   ui_test_is_row_titled        (GtkWidget     *widget,
                                         gconstpointer  title);
gboolean   ui_test_is_button_labelled   (GtkWidget     *widget,
                                         gconstpointer  label);

G_END_DECLS
