/* cc-comparison-settings.h
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CC_TYPE_COMPARISON_SETTINGS (cc_comparison_settings_get_type ())

G_DECLARE_FINAL_TYPE (CcComparisonSettings, cc_comparison_settings, CC, COMPARISON_SETTINGS, GObject)

/* Defaults suited to news: a shared passage is six words or more, bridging up to two differing
 * words while 80 % of the words still match; a quotation is three words or more. */
#define CC_DEFAULT_MIN_PASSAGE_WORDS 6
#define CC_DEFAULT_MAX_BRIDGED_WORDS 2
#define CC_DEFAULT_MIN_IDENTITY      80
#define CC_DEFAULT_MIN_QUOTE_WORDS   3

CcComparisonSettings *cc_comparison_settings_new                  (void);
void                  cc_comparison_settings_copy_from            (CcComparisonSettings *self,
                                                                   CcComparisonSettings *other);
gboolean              cc_comparison_settings_equal                (CcComparisonSettings *self,
                                                                   CcComparisonSettings *other);

guint                 cc_comparison_settings_get_min_passage_words (CcComparisonSettings *self);
void                  cc_comparison_settings_set_min_passage_words (CcComparisonSettings *self,
                                                                    guint                 words);
guint                 cc_comparison_settings_get_max_bridged_words (CcComparisonSettings *self);
void                  cc_comparison_settings_set_max_bridged_words (CcComparisonSettings *self,
                                                                    guint                 words);
guint                 cc_comparison_settings_get_min_identity      (CcComparisonSettings *self);
void                  cc_comparison_settings_set_min_identity      (CcComparisonSettings *self,
                                                                    guint                 percent);
guint                 cc_comparison_settings_get_min_quote_words   (CcComparisonSettings *self);
void                  cc_comparison_settings_set_min_quote_words   (CcComparisonSettings *self,
                                                                    guint                 words);
gboolean              cc_comparison_settings_get_fold_case         (CcComparisonSettings *self);
void                  cc_comparison_settings_set_fold_case         (CcComparisonSettings *self,
                                                                    gboolean              fold_case);
gboolean              cc_comparison_settings_get_ignore_punctuation (CcComparisonSettings *self);
void                  cc_comparison_settings_set_ignore_punctuation (CcComparisonSettings *self,
                                                                     gboolean              ignore);

G_END_DECLS
