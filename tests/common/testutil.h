/*
 * testutil.h: small helpers shared by orbit's tests: reading files, running the
 * orbit command and capturing its output.
 */
#ifndef ORB_TESTUTIL_H
#define ORB_TESTUTIL_H

#include <stddef.h>

#include "orbit/world.h"

/* Reads a whole file into a malloc'ed NUL-terminated buffer (caller frees);
 * NULL if it cannot be read. *len (may be NULL) gets its size. */
char *test_read_file(const char *path, size_t *len);

/* Writes text to a new temporary file in /tmp; returns its malloc'ed path (the
 * caller removes the file and frees the path). Asserts (cmocka) that it worked. */
char *test_write_temp(const char *text);

/* Two coded events as `orbit code --json` writes them, for the built-in world: a
 * new one (Kazakhstan condemns Russia, 2024-08-20) and a duplicate of the world's
 * invasion of Ukraine (a day later, 2022-02-25). */
extern const char test_coded_events[];

/* Loads the world file at path, asserting (cmocka) that it loads; caller frees. */
orb_world *test_load_world(const char *path);

/* Loads a world from YAML text, asserting that it loads; caller frees. */
orb_world *test_load_world_text(const char *yaml);

/* Which output streams of a command to capture. */
typedef enum test_streams {
  TEST_STDOUT = 0, /* stdout; stderr discarded */
  TEST_BOTH = 1,   /* stdout and stderr merged */
  TEST_STDERR = 2  /* stderr; stdout discarded */
} test_streams;

/* Runs `orbit ARGS` (ARGS is a shell fragment), capturing the chosen streams into
 * a malloc'ed string (caller frees). *exit_code gets the exit status. */
char *test_run_orbit(const char *args, test_streams streams, int *exit_code);

/* Runs `orbit ARGS` and asserts (cmocka) that it exits with exit_code and that its
 * merged stdout and stderr contain expected. */
void test_expect_orbit(const char *args, int exit_code, const char *expected);

/* True when the shared folder (../shared) exists; otherwise prints
 * "SKIPPED: <what> (../shared absent)" once and returns 0. */
int test_have_shared(const char *what);

#endif
