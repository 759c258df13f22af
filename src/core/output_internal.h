/*
 * output_internal.h: helpers of the safe-output facility shared with the modules
 * that recognise their own files (the run stores of bargain and dynamics).
 */
#ifndef ORB_OUTPUT_INTERNAL_H
#define ORB_OUTPUT_INTERNAL_H

#include <sqlite3.h>

/* Opens the file at path read-only into *db when it begins with SQLite's header;
 * returns 0 (nothing to close) when it does not or cannot be opened. The caller
 * closes *db with sqlite3_close. */
int output_sqlite_open(const char *path, sqlite3 **db);

#endif
