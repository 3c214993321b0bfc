/* test-drafts.c
 *
 * Copyright 2026 The Crosscheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-drafts"

#include <glib/gstdio.h>
#include <string.h>

#include "cc-drafts.h"
#include "cc-project-io.h"
#include "ui-test-util.h"

typedef struct
{
  char     *path;
  GFile    *directory;
  CcDrafts *drafts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("crosscheck-drafts-XXXXXX", &error);

  g_assert_no_error (error);

  /* A folder that does not exist yet, as on a first start. */
  fixture->path = g_build_filename (base, "drafts", NULL);
  fixture->directory = g_file_new_for_path (fixture->path);
  fixture->drafts = cc_drafts_new (fixture->directory);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *base = g_path_get_dirname (fixture->path);

  g_clear_object (&fixture->drafts);
  g_clear_object (&fixture->directory);
  ui_test_remove_tree (base);
  g_clear_pointer (&fixture->path, g_free);
}

static CcProject *
new_project (const char *title,
             const char *text)
{
  CcProject *project = cc_project_new ();
  g_autoptr(CcSource) source = cc_source_new ();

  cc_project_set_title (project, title);
  cc_source_set_title (source, "An Article");
  cc_source_set_text (source, text);
  cc_project_add_source (project, source);

  return project;
}

static gboolean
file_exists (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = g_build_filename (fixture->path, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
write_draft (Fixture    *fixture,
             const char *id,
             CcProject  *project,
             GFile      *file,
             GDateTime  *saved)
{
  g_autoptr(GBytes) bytes = cc_project_to_bytes (project);
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_drafts_write (fixture->drafts, id, bytes, file,
                                  cc_project_get_title (project), saved, NULL, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_drafts (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts = cc_drafts_list (fixture->drafts, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (drafts);
  return drafts;
}

static void
test_drafts_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = list_drafts (fixture);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/project.crosscheck");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDraft) draft = NULL;

  /* No folder yet is no drafts, not an error. */
  g_assert_cmpuint (drafts->len, ==, 0);
  draft = cc_drafts_find_newer (fixture->drafts, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (draft);
}

static void
test_drafts_write_and_list (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CcProject) project = new_project ("Harbour Leak", "The harbour was closed.");
  g_autoptr(CcProject) reloaded = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/somewhere/harbour.crosscheck");
  g_autoptr(GDateTime) saved = g_date_time_new_utc (2026, 3, 14, 9, 30, 0);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  CcDraft *draft;
  GStatBuf st;

  write_draft (fixture, "0f1e2d3c-aaaa-bbbb-cccc-000000000001", project, file, saved);
  g_assert_true (file_exists (fixture, "0f1e2d3c-aaaa-bbbb-cccc-000000000001.crosscheck"));
  g_assert_true (file_exists (fixture, "0f1e2d3c-aaaa-bbbb-cccc-000000000001.info"));

  /* Readable by the user alone. */
  {
    g_autofree char *path = g_build_filename (fixture->path,
                                              "0f1e2d3c-aaaa-bbbb-cccc-000000000001.crosscheck",
                                              NULL);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }

  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (cc_draft_get_id (draft), ==, "0f1e2d3c-aaaa-bbbb-cccc-000000000001");
  g_assert_cmpstr (cc_draft_get_title (draft), ==, "Harbour Leak");
  g_assert_true (g_file_equal (cc_draft_get_file (draft), file));
  g_assert_cmpint (g_date_time_compare (cc_draft_get_saved (draft), saved), ==, 0);

  /* The contents are the project as it was. */
  reloaded = cc_project_load (cc_draft_get_contents (draft), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_project_get_title (reloaded), ==, "Harbour Leak");
  g_assert_cmpstr (cc_source_get_text (cc_project_get_source (reloaded, 0)), ==,
                   "The harbour was closed.");
}

static void
test_drafts_untitled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CcProject) project = cc_project_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  CcDraft *draft;

  write_draft (fixture, "untitled-1", project, NULL, NULL);

  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_null (cc_draft_get_file (draft));
  g_assert_null (cc_draft_get_title (draft));
  g_assert_nonnull (cc_draft_get_saved (draft));
}

static void
test_drafts_rewrite_replaces (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CcProject) project = new_project ("First", "One.");
  g_autoptr(GPtrArray) drafts = NULL;

  write_draft (fixture, "same-id", project, NULL, NULL);
  cc_project_set_title (project, "Second");
  write_draft (fixture, "same-id", project, NULL, NULL);

  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (cc_draft_get_title (g_ptr_array_index (drafts, 0)), ==, "Second");
}

static void
test_drafts_newest_first (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CcProject) project = new_project ("P", "Text.");
  g_autoptr(GDateTime) older = g_date_time_new_utc (2026, 1, 1, 12, 0, 0);
  g_autoptr(GDateTime) newer = g_date_time_new_utc (2026, 2, 1, 12, 0, 0);
  g_autoptr(GDateTime) middle = g_date_time_new_utc (2026, 1, 15, 12, 0, 0);
  g_autoptr(GPtrArray) drafts = NULL;

  write_draft (fixture, "older", project, NULL, older);
  write_draft (fixture, "newer", project, NULL, newer);
  write_draft (fixture, "middle", project, NULL, middle);

  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 3);
  g_assert_cmpstr (cc_draft_get_id (g_ptr_array_index (drafts, 0)), ==, "newer");
  g_assert_cmpstr (cc_draft_get_id (g_ptr_array_index (drafts, 1)), ==, "middle");
  g_assert_cmpstr (cc_draft_get_id (g_ptr_array_index (drafts, 2)), ==, "older");
}

static void
test_drafts_find_newer (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *path = g_build_filename (dir, "project.crosscheck", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.crosscheck", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) missing = NULL;
  g_autoptr(CcProject) project = new_project ("P", "Text.");
  g_autoptr(GDateTime) long_ago = g_date_time_new_utc (2001, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) future = g_date_time_new_utc (2100, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDraft) found = NULL;
  g_autoptr(CcDraft) none = NULL;
  g_autoptr(CcDraft) gone = NULL;

  g_assert_true (g_file_set_contents (path, "saved", -1, NULL));
  g_assert_true (g_file_set_contents (other_path, "saved", -1, NULL));

  /* A draft written after the file was saved holds changes the file lacks. */
  write_draft (fixture, "of-project", project, file, future);
  found = cc_drafts_find_newer (fixture->drafts, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (cc_draft_get_id (found), ==, "of-project");

  /* One older than the file was overtaken by a later save. */
  write_draft (fixture, "of-other", project, other, long_ago);
  none = cc_drafts_find_newer (fixture->drafts, other, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* A file that is gone is older than any draft of it. */
  missing = g_file_new_for_path ("/nonexistent/gone.crosscheck");
  write_draft (fixture, "of-gone", project, missing, long_ago);
  gone = cc_drafts_find_newer (fixture->drafts, missing, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gone);
  g_assert_cmpstr (cc_draft_get_id (gone), ==, "of-gone");

  g_unlink (path);
  g_unlink (other_path);
}

static void
test_drafts_remove (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CcProject) project = new_project ("P", "Text.");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  write_draft (fixture, "keep", project, NULL, NULL);
  write_draft (fixture, "drop", project, NULL, NULL);

  g_assert_true (cc_drafts_remove (fixture->drafts, "drop", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (file_exists (fixture, "drop.crosscheck"));
  g_assert_false (file_exists (fixture, "drop.info"));
  g_assert_true (file_exists (fixture, "keep.crosscheck"));

  /* Removing what is gone already is no error. */
  g_assert_true (cc_drafts_remove (fixture->drafts, "drop", NULL, &error));
  g_assert_no_error (error);

  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (cc_draft_get_id (g_ptr_array_index (drafts, 0)), ==, "keep");
}

/* A description that cannot be read leaves the draft listed, nameless, never hidden. */
static void
test_drafts_corrupt_info (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CcProject) project = new_project ("Readable", "The text survives.");
  g_autoptr(CcProject) reloaded = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  CcDraft *draft;

  write_draft (fixture, "broken-info", project, NULL, NULL);
  info = g_build_filename (fixture->path, "broken-info.info", NULL);
  g_assert_true (g_file_set_contents (info, "\x01\x02 not a key file [[[", -1, NULL));

  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (cc_draft_get_id (draft), ==, "broken-info");
  g_assert_null (cc_draft_get_title (draft));
  g_assert_null (cc_draft_get_file (draft));
  g_assert_nonnull (cc_draft_get_saved (draft));

  reloaded = cc_project_load (cc_draft_get_contents (draft), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_source_get_text (cc_project_get_source (reloaded, 0)), ==,
                   "The text survives.");

  /* Contents without a description at all, as a crash between the two writes leaves. */
  g_unlink (info);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (cc_draft_get_id (g_ptr_array_index (drafts, 0)), ==, "broken-info");
}

/* Contents that cannot be read fail to load with a reason; listing them deletes nothing. */
static void
test_drafts_corrupt_contents (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CcProject) project = new_project ("Truncated", "Text.");
  g_autoptr(CcProject) reloaded = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  CcDraft *draft;

  write_draft (fixture, "broken-contents", project, NULL, NULL);
  contents = g_build_filename (fixture->path, "broken-contents.crosscheck", NULL);
  g_assert_true (g_file_set_contents (contents, "<?xml version=\"1.0\"?><project", -1, NULL));

  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (cc_draft_get_title (draft), ==, "Truncated");

  reloaded = cc_project_load (cc_draft_get_contents (draft), NULL, &error);
  g_assert_null (reloaded);
  g_assert_nonnull (error);

  g_assert_true (file_exists (fixture, "broken-contents.crosscheck"));
  g_assert_true (file_exists (fixture, "broken-contents.info"));
}

/* The temporary file of a write under way, and other files, are not drafts. */
static void
test_drafts_ignores_other_files (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(CcProject) project = new_project ("P", "Text.");
  g_autofree char *partial = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  write_draft (fixture, "real", project, NULL, NULL);
  partial = g_build_filename (fixture->path, "real.crosscheck.ABC123", NULL);
  other = g_build_filename (fixture->path, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (partial, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (other, "notes", -1, NULL));

  drafts = list_drafts (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (cc_draft_get_id (g_ptr_array_index (drafts, 0)), ==, "real");
}

static void
on_ready_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* Writing in a thread leaves the project's modified flag alone: a draft is not a save. */
static void
test_drafts_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CcProject) project = new_project ("Async", "Text.");
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/async.crosscheck");
  g_autoptr(GAsyncResult) written = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) removed = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_project_get_modified (project));

  cc_drafts_write_async (fixture->drafts, "async", project, file, NULL, on_ready_cb, &written);
  /* The snapshot was taken: later changes are not in this draft. */
  cc_project_set_title (project, "Changed Later");
  g_assert_true (cc_drafts_write_finish (fixture->drafts, wait_for_result (&written), &error));
  g_assert_no_error (error);
  g_assert_true (cc_project_get_modified (project));

  cc_drafts_list_async (fixture->drafts, NULL, on_ready_cb, &listed);
  drafts = cc_drafts_list_finish (fixture->drafts, wait_for_result (&listed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (cc_draft_get_title (g_ptr_array_index (drafts, 0)), ==, "Async");
  g_assert_true (g_file_equal (cc_draft_get_file (g_ptr_array_index (drafts, 0)), file));

  cc_drafts_remove_async (fixture->drafts, "async", NULL, on_ready_cb, &removed);
  g_assert_true (cc_drafts_remove_finish (fixture->drafts, wait_for_result (&removed), &error));
  g_assert_no_error (error);
  g_assert_false (file_exists (fixture, "async.crosscheck"));
}

/* A drafts folder that cannot be made is an error, not a crash or a silent loss. */
static void
test_drafts_write_fails (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *base = g_path_get_dirname (fixture->path);
  g_autoptr(CcProject) project = new_project ("P", "Text.");
  g_autoptr(GBytes) bytes = cc_project_to_bytes (project);
  g_autoptr(GError) error = NULL;

  /* A file where the folder should be. */
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));

  g_assert_false (cc_drafts_write (fixture->drafts, "x", bytes, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "drafts"));

  g_unlink (fixture->path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/drafts/empty", Fixture, NULL,
              fixture_set_up, test_drafts_empty, fixture_tear_down);
  g_test_add ("/ui/drafts/write-and-list", Fixture, NULL,
              fixture_set_up, test_drafts_write_and_list, fixture_tear_down);
  g_test_add ("/ui/drafts/untitled", Fixture, NULL,
              fixture_set_up, test_drafts_untitled, fixture_tear_down);
  g_test_add ("/ui/drafts/rewrite-replaces", Fixture, NULL,
              fixture_set_up, test_drafts_rewrite_replaces, fixture_tear_down);
  g_test_add ("/ui/drafts/newest-first", Fixture, NULL,
              fixture_set_up, test_drafts_newest_first, fixture_tear_down);
  g_test_add ("/ui/drafts/find-newer", Fixture, NULL,
              fixture_set_up, test_drafts_find_newer, fixture_tear_down);
  g_test_add ("/ui/drafts/remove", Fixture, NULL,
              fixture_set_up, test_drafts_remove, fixture_tear_down);
  g_test_add ("/ui/drafts/corrupt-info", Fixture, NULL,
              fixture_set_up, test_drafts_corrupt_info, fixture_tear_down);
  g_test_add ("/ui/drafts/corrupt-contents", Fixture, NULL,
              fixture_set_up, test_drafts_corrupt_contents, fixture_tear_down);
  g_test_add ("/ui/drafts/ignores-other-files", Fixture, NULL,
              fixture_set_up, test_drafts_ignores_other_files, fixture_tear_down);
  g_test_add ("/ui/drafts/async", Fixture, NULL,
              fixture_set_up, test_drafts_async, fixture_tear_down);
  g_test_add ("/ui/drafts/write-fails", Fixture, NULL,
              fixture_set_up, test_drafts_write_fails, fixture_tear_down);

  return g_test_run ();
}
