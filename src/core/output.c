/*
 * output.c: safe replacement of the files orbit writes (orbit/output.h states
 * the six invariants). The life of an output:
 *
 *   begin:  resolve links -> lock (flock on DIR/.NAME.orbit-lock, non-blocking)
 *           -> check the target -> create DIR/.NAME.orbit-XXXXXXXX (O_EXCL)
 *   write:  append to the temporary file (or let SQLite write it by name)
 *   commit: fsync, close, chmod/chown as the old target, rename over the target,
 *           fsync the directory, unlock     (abort: unlink the temporary, unlock)
 *
 * The lock file is unlinked while still locked; a process that locked a lock
 * file which is no longer the one at its path retries, so two writers never
 * hold "the" lock at once.
 */
#define _DEFAULT_SOURCE /* flock */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/output_internal.h"
#include "orbit/output.h"

/* Tries to take a lock file that was replaced under us before giving up. */
#define LOCK_TRIES 8
/* Tries to find an unused temporary name (names are random: one is enough). */
#define TEMP_TRIES 64
/* Temporary files open at once in a process that a signal handler can remove. */
#define ACTIVE_SLOTS 16

struct orb_output {
  char *path;      /* as the caller named it, for messages */
  char *target;    /* real path of the target */
  char *dir;       /* its directory */
  char *temp;      /* the temporary file */
  char *lock;      /* the lock file */
  int fd;          /* the temporary file, -1 once closed */
  int lock_fd;     /* the lock file, -1 when not held */
  int replace;     /* the target exists and is replaced */
  struct stat old; /* the replaced target's mode and owner */
};

/* The outputs being written, for orb_output_remove_temporaries (read by a
 * signal handler: an output is registered once its temporary file exists and
 * unregistered before anything of it is freed). */
static orb_output *volatile active[ACTIVE_SLOTS];

/* Records o as an output whose files a fatal signal removes. */
static void register_output(orb_output *o) {
  for (int i = 0; i < ACTIVE_SLOTS; i++) {
    orb_output *expected = NULL;
    if (__atomic_compare_exchange_n(&active[i], &expected, o, 0, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST))
      return;
  }
}

/* Forgets o. */
static void unregister_output(const orb_output *o) {
  for (int i = 0; i < ACTIVE_SLOTS; i++)
    if (__atomic_load_n(&active[i], __ATOMIC_SEQ_CST) == o)
      __atomic_store_n(&active[i], NULL, __ATOMIC_SEQ_CST);
}

/* A malloc'ed string made by the printf format (NULL when out of memory). */
static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  int len = vsnprintf(NULL, 0, fmt, args);
  va_end(args);
  char *s = len >= 0 ? malloc((size_t)len + 1) : NULL;
  if (!s) return NULL;
  va_start(args, fmt);
  vsnprintf(s, (size_t)len + 1, fmt, args);
  va_end(args);
  return s;
}

/* Sets o->target (the real path of the target), o->dir and o->lock; refuses
 * links to missing files and paths in missing directories. */
static orb_status resolve(orb_output *o, orb_diags *diags) {
  struct stat st;
  char *real = NULL;
  if (lstat(o->path, &st) == 0) {
    real = realpath(o->path, NULL);
    if (!real) {
      int err = errno;
      orb_diags_add(diags, o->path, 0, 0, "cannot write %s: %s", o->path,
                    S_ISLNK(st.st_mode) && err == ENOENT
                        ? "it is a symbolic link to a missing file"
                        : strerror(err));
      return err == ENOMEM ? ORB_ENOMEM : ORB_EINVAL;
    }
  } else if (errno == ENOENT) {
    const char *slash = strrchr(o->path, '/');
    const char *base = slash ? slash + 1 : o->path;
    if (!*base) {
      orb_diags_add(diags, o->path, 0, 0, "cannot write %s: it names a directory", o->path);
      return ORB_EINVAL;
    }
    char *dir = slash ? strndup(o->path, (size_t)(slash - o->path) + (slash == o->path))
                      : strdup(".");
    if (!dir) return ORB_ENOMEM;
    char *real_dir = realpath(dir, NULL);
    int err = errno;
    free(dir);
    if (!real_dir) {
      orb_diags_add(diags, o->path, 0, 0, "cannot write %s: its directory: %s", o->path,
                    strerror(err));
      return ORB_EIO;
    }
    real = format("%s/%s", strcmp(real_dir, "/") == 0 ? "" : real_dir, base);
    free(real_dir);
    if (!real) return ORB_ENOMEM;
  } else {
    orb_diags_add(diags, o->path, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
    return ORB_EIO;
  }
  o->target = real;
  char *slash = strrchr(real, '/');
  o->dir = slash == real ? strdup("/") : strndup(real, (size_t)(slash - real));
  if (!o->dir) return ORB_ENOMEM;
  o->lock = format("%s/.%s.orbit-lock", slash == real ? "" : o->dir, slash + 1);
  return o->lock ? ORB_OK : ORB_ENOMEM;
}

/* Takes the writer's lock (non-blocking); refuses when another process has it. */
static orb_status take_lock(orb_output *o, orb_diags *diags) {
  for (int attempt = 0; attempt < LOCK_TRIES; attempt++) {
    int fd = open(o->lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
      orb_diags_add(diags, o->path, 0, 0, "cannot write %s: cannot create a file in %s: %s",
                    o->path, o->dir, strerror(errno));
      return ORB_EIO;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      int err = errno;
      close(fd);
      if (err == EWOULDBLOCK) {
        orb_diags_add(diags, o->path, 0, 0,
                      "%s is being written by another orbit process", o->path);
        return ORB_EIO;
      }
      orb_diags_add(diags, o->path, 0, 0, "cannot lock %s: %s", o->lock, strerror(err));
      return ORB_EIO;
    }
    struct stat held, named;
    if (fstat(fd, &held) == 0 && stat(o->lock, &named) == 0 && held.st_dev == named.st_dev &&
        held.st_ino == named.st_ino) {
      o->lock_fd = fd;
      return ORB_OK;
    }
    close(fd); /* the lock file we locked was removed by its last holder: again */
  }
  orb_diags_add(diags, o->path, 0, 0, "%s is being written by another orbit process", o->path);
  return ORB_EIO;
}

/* Releases the lock, removing the lock file first (see the note at the top). */
static void release_lock(orb_output *o) {
  if (o->lock_fd < 0) return;
  unlink(o->lock);
  close(o->lock_fd);
  o->lock_fd = -1;
}

/* Refuses a target that is not a regular file, is read-only, or (when full)
 * is not what the writer writes; remembers the mode and owner of one to
 * replace. Run once before taking the lock (so that nothing is created beside a
 * device) and once, full, under it. */
static orb_status check_target(orb_output *o, const char *what,
                               orb_output_recognise recognise, void *arg, int full,
                               orb_diags *diags) {
  struct stat st;
  if (stat(o->target, &st) != 0) {
    if (errno == ENOENT) return ORB_OK;
    orb_diags_add(diags, o->path, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
    return ORB_EIO;
  }
  const char *kind = S_ISDIR(st.st_mode)    ? "a directory"
                     : S_ISCHR(st.st_mode)  ? "a character device"
                     : S_ISBLK(st.st_mode)  ? "a block device"
                     : S_ISFIFO(st.st_mode) ? "a FIFO"
                     : S_ISSOCK(st.st_mode) ? "a socket"
                     : !S_ISREG(st.st_mode) ? "not a regular file"
                                            : NULL;
  if (kind) {
    orb_diags_add(diags, o->path, 0, 0, "refusing to write %s: it is %s, not %s", o->path,
                  kind, what);
    return ORB_EINVAL;
  }
  if (access(o->target, W_OK) != 0) {
    orb_diags_add(diags, o->path, 0, 0, "refusing to write %s: it is not writable (%s)",
                  o->path, strerror(errno));
    return ORB_EINVAL;
  }
  if (!full) return ORB_OK;
  if (st.st_size > 0 && !(recognise && recognise(o->target, arg))) {
    orb_diags_add(diags, o->path, 0, 0,
                  "refusing to replace %s: it exists and is not %s (remove it or "
                  "choose another name)", o->path, what);
    return ORB_EINVAL;
  }
  o->replace = 1;
  o->old = st;
  return ORB_OK;
}

/* A random 32-bit number for temporary names (uniqueness comes from O_EXCL). */
static uint32_t temp_salt(unsigned attempt) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  uint64_t x = (uint64_t)now.tv_nsec ^ ((uint64_t)now.tv_sec << 20) ^
               ((uint64_t)getpid() << 32) ^ attempt * UINT64_C(0x9E3779B97F4A7C15);
  x ^= x >> 33;
  x *= UINT64_C(0xFF51AFD7ED558CCD);
  x ^= x >> 33;
  return (uint32_t)x;
}

/* True when name is STEM followed by 8 hexadecimal digits. */
static int is_temp_name(const char *name, const char *stem, size_t stem_len) {
  if (strncmp(name, stem, stem_len) != 0 || strlen(name) != stem_len + 8) return 0;
  for (size_t i = stem_len; i < stem_len + 8; i++)
    if (!strchr("0123456789abcdef", name[i])) return 0;
  return 1;
}

/* Removes the temporary files of this target that a killed writer left: while
 * we hold the lock, no other writer has one. */
static void remove_stale(const orb_output *o, size_t stem) {
  const char *name = strrchr(o->lock, '/') + 1;
  size_t name_stem = stem - (size_t)(name - o->lock);
  DIR *dir = opendir(o->dir);
  if (!dir) return;
  int fd = dirfd(dir);
  for (struct dirent *e; (e = readdir(dir));)
    if (is_temp_name(e->d_name, name, name_stem)) unlinkat(fd, e->d_name, 0);
  closedir(dir);
}

/* Creates the temporary file DIR/.NAME.orbit-XXXXXXXX exclusively. */
static orb_status create_temp(orb_output *o, orb_diags *diags) {
  size_t len = strlen(o->lock) + 16;
  o->temp = malloc(len);
  if (!o->temp) return ORB_ENOMEM;
  size_t stem = strlen(o->lock) - strlen("lock");
  remove_stale(o, stem);
  for (unsigned attempt = 0; attempt < TEMP_TRIES; attempt++) {
    snprintf(o->temp, len, "%.*s%08x", (int)stem, o->lock, (unsigned)temp_salt(attempt));
    o->fd = open(o->temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (o->fd >= 0) {
      register_output(o);
      return ORB_OK;
    }
    if (errno != EEXIST) break;
  }
  orb_diags_add(diags, o->path, 0, 0, "cannot write %s: cannot create a file in %s: %s",
                o->path, o->dir, strerror(errno));
  free(o->temp);
  o->temp = NULL;
  return ORB_EIO;
}

void orb_output_remove_temporaries(void) {
  for (int i = 0; i < ACTIVE_SLOTS; i++) {
    orb_output *o = __atomic_load_n(&active[i], __ATOMIC_SEQ_CST);
    if (!o) continue;
    char *temp = o->temp;
    if (temp) unlink(temp);
    if (o->lock_fd >= 0) unlink(o->lock);
  }
}

/* Frees output and everything it holds, removing the temporary file. */
static void output_free(orb_output *o) {
  unregister_output(o);
  if (o->fd >= 0) close(o->fd);
  if (o->temp) unlink(o->temp);
  release_lock(o);
  free(o->path);
  free(o->target);
  free(o->dir);
  free(o->temp);
  free(o->lock);
  free(o);
}

orb_status orb_output_begin(const char *path, const char *what,
                            orb_output_recognise recognise, void *arg,
                            orb_output **output, orb_diags *diags) {
  *output = NULL;
  orb_output *o = calloc(1, sizeof *o);
  if (!o) return ORB_ENOMEM;
  o->fd = o->lock_fd = -1;
  o->path = strdup(path);
  orb_status status = o->path ? resolve(o, diags) : ORB_ENOMEM;
  if (status == ORB_OK) status = check_target(o, what, recognise, arg, 0, diags);
  if (status == ORB_OK) status = take_lock(o, diags);
  if (status == ORB_OK) status = check_target(o, what, recognise, arg, 1, diags);
  if (status == ORB_OK) status = create_temp(o, diags);
  if (status != ORB_OK) {
    output_free(o);
    return status;
  }
  *output = o;
  return ORB_OK;
}

const char *orb_output_temp_path(const orb_output *output) { return output->temp; }

const char *orb_output_target_path(const orb_output *output) { return output->target; }

orb_status orb_output_write(orb_output *o, const void *data, size_t len, orb_diags *diags) {
  const char *p = data;
  while (len > 0 && o->fd >= 0) {
    ssize_t got = write(o->fd, p, len);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      orb_diags_add(diags, o->path, 0, 0, "cannot write %s: %s; the file is unchanged",
                    o->path, got < 0 ? strerror(errno) : "nothing written");
      return ORB_EIO;
    }
    p += got;
    len -= (size_t)got;
  }
  return o->fd >= 0 ? ORB_OK : ORB_EIO;
}

/* Syncs the directory of the target so that the rename survives a crash. */
static orb_status sync_dir(orb_output *o, orb_diags *diags) {
  int fd = open(o->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ORB_OK; /* a directory we may not open: the rename is done */
  int failed = fsync(fd) != 0 && errno != EINVAL && errno != EROFS;
  int err = errno;
  close(fd);
  if (failed) {
    orb_diags_add(diags, o->path, 0, 0, "cannot sync the directory of %s: %s", o->path,
                  strerror(err));
    return ORB_EIO;
  }
  return ORB_OK;
}

orb_status orb_output_commit(orb_output *o, orb_diags *diags) {
  if (!o) return ORB_EINVAL;
  const char *step = "sync";
  int ok = fsync(o->fd) == 0;
  if (ok && o->replace) {
    /* the old owner where we may give it (root); otherwise the file stays ours */
    int owned = fchown(o->fd, o->old.st_uid, o->old.st_gid) == 0;
    (void)owned;
    step = "set the mode of";
    ok = fchmod(o->fd, o->old.st_mode & 07777) == 0;
  }
  int fd = o->fd;
  o->fd = -1;
  if (close(fd) != 0 && ok) {
    step = "close";
    ok = 0;
  }
  if (ok) {
    step = "rename";
    ok = rename(o->temp, o->target) == 0;
  }
  if (!ok) {
    orb_diags_add(diags, o->path, 0, 0, "cannot write %s: %s failed: %s; the file is unchanged",
                  o->path, step, strerror(errno));
    output_free(o);
    return ORB_EIO;
  }
  char *renamed = o->temp; /* nothing to remove now */
  o->temp = NULL;
  free(renamed);
  orb_status status = sync_dir(o, diags);
  output_free(o);
  return status;
}

void orb_output_abort(orb_output *output) {
  if (output) output_free(output);
}

orb_status orb_output_file(const char *path, const char *what,
                           orb_output_recognise recognise, void *arg, const void *data,
                           size_t len, orb_diags *diags) {
  orb_output *o = NULL;
  orb_status status = orb_output_begin(path, what, recognise, arg, &o, diags);
  if (status == ORB_OK) status = orb_output_write(o, data, len, diags);
  if (status == ORB_OK) return orb_output_commit(o, diags);
  orb_output_abort(o);
  return status;
}

orb_status orb_output_close_stream(FILE *stream, const char *name, orb_diags *diags) {
  errno = 0;
  int failed = fflush(stream) != 0;
  int err = errno;
  failed |= ferror(stream) != 0;
  if (fclose(stream) != 0 && !failed) {
    failed = 1;
    err = errno;
  }
  if (!failed) return ORB_OK;
  orb_diags_add(diags, name, 0, 0, "cannot write %s: %s", name,
                err ? strerror(err) : "a write failed");
  return ORB_EIO;
}

int output_sqlite_open(const char *path, sqlite3 **db) {
  char header[16] = {0};
  *db = NULL;
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  size_t got = fread(header, 1, sizeof header, f);
  fclose(f);
  if (got != sizeof header || memcmp(header, "SQLite format 3", sizeof header) != 0) return 0;
  if (sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) return 1;
  sqlite3_close(*db);
  *db = NULL;
  return 0;
}
