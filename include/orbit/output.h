/*
 * orbit/output.h: how orbit writes a file (the bargaining store, a world file
 * rewritten by `calibrate --write`, any export) without ever hurting the user's
 * files (docs/ARCHITECTURE.md, "Outputs").
 *
 * Invariants kept by every orb_output:
 *  1. The target is replaced in one step or not at all: the new content goes to
 *     a temporary file created exclusively (O_EXCL) beside the real target, is
 *     synced, then renamed over it; the directory is synced after the rename.
 *     Until the rename, the target is untouched, whatever happens (kill, full
 *     disk, bad result).
 *  2. A target that exists and is not what the writer would write there (not a
 *     regular file, or refused by the writer's recogniser) is refused with a
 *     message naming it; an empty regular file may always be replaced.
 *  3. A symbolic link is written through: the file it points to is replaced and
 *     the link is kept. A link to a missing file is refused.
 *  4. A replaced file keeps its permission bits (and owner, where allowed); a
 *     new file gets 0666 less the umask.
 *  5. One writer at a time: a second orbit writing the same target is refused
 *     with "FILE is being written by another orbit process" (an flock on a
 *     hidden lock file beside the target, removed when done).
 *  6. The temporary file is named ".NAME.orbit-XXXXXXXX" (hidden, unique); it is
 *     removed on every error path and, through orb_output_remove_temporaries,
 *     by the command's handler of SIGINT, SIGTERM, SIGHUP and SIGPIPE. Only a
 *     process killed outright (SIGKILL) can leave one behind, never under the
 *     target's name, and the next writer of the same target removes it.
 */
#ifndef ORBIT_OUTPUT_H
#define ORBIT_OUTPUT_H

#include "orbit/core.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* A file being written; opaque. */
typedef struct orb_output orb_output;

/* Tells whether the existing non-empty regular file at path holds what the
 * writer writes (so that replacing it loses nothing the user did not ask orbit
 * to make). Returns 1 for yes, 0 for no. */
typedef int (*orb_output_recognise)(const char *path, void *arg);

/* Starts writing path: resolves symbolic links, takes the writer's lock, checks
 * an existing target (recognise(path, arg) must say yes when it is a non-empty
 * regular file; NULL accepts only new or empty files), and creates the
 * temporary file. `what` names the kind of file in messages ("an orbit store").
 * On success *output is the caller's, to finish with orb_output_commit or
 * orb_output_abort. Errors are appended to diags (naming path): ORB_EINVAL for a
 * refused target, ORB_EIO for a file-system error, ORB_ENOMEM. */
orb_status orb_output_begin(const char *path, const char *what,
                            orb_output_recognise recognise, void *arg,
                            orb_output **output, orb_diags *diags);

/* The path of the temporary file, for writers that need a name (SQLite opens
 * the database by name); points into output. */
const char *orb_output_temp_path(const orb_output *output);

/* The real path of the target (links resolved); points into output. Read the
 * file to update from here, after orb_output_begin holds the lock. */
const char *orb_output_target_path(const orb_output *output);

/* Appends len bytes to the temporary file. A write error (a full disk: ENOSPC,
 * EFBIG, EIO) is appended to diags with the system's reason: ORB_EIO. */
orb_status orb_output_write(orb_output *output, const void *data, size_t len,
                            orb_diags *diags);

/* Syncs the temporary file, renames it over the target, syncs the directory,
 * releases the lock and frees output (also on failure, after removing the
 * temporary file; the target is then untouched). ORB_OK or ORB_EIO. */
orb_status orb_output_commit(orb_output *output, orb_diags *diags);

/* Removes the temporary file, releases the lock and frees output; the target is
 * untouched. NULL is allowed. */
void orb_output_abort(orb_output *output);

/* Writes data[len] to path in one step (begin, write, commit). */
orb_status orb_output_file(const char *path, const char *what,
                           orb_output_recognise recognise, void *arg, const void *data,
                           size_t len, orb_diags *diags);

/* Removes every temporary file this process is writing; async-signal-safe, for
 * a command's handler of fatal signals (the targets stay untouched). */
void orb_output_remove_temporaries(void);

/* Flushes and closes a stream that the program wrote its output to (stdout),
 * appending "cannot write NAME: reason" to diags when any write to it failed
 * (a full disk, /dev/full, a closed pipe). ORB_OK or ORB_EIO. */
orb_status orb_output_close_stream(FILE *stream, const char *name, orb_diags *diags);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
