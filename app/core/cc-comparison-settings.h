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

/* A shared passage is ten words or more; it may bridge up to 24 differing words as long as half
 * its words still match, so a rewritten paragraph is one passage with its identity shown rather
 * than a handful of fragments. Shorter minimums find stock phrases (addresses, tag lines) that
 * no reader counts as copying. Measured on the PAN 2013 text-alignment corpus: see
 * tests/bench/pan13-eval.c. A quotation is three words or more. */
#define CC_DEFAULT_MIN_PASSAGE_WORDS 10
#define CC_DEFAULT_MAX_BRIDGED_WORDS 24
#define CC_DEFAULT_MIN_IDENTITY      50
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
