/*
 * report.c: what every writer of the report module shares: printing a JSON
 * document and checking the stream.
 */
#include <stdlib.h>

#include "report/report_internal.h"

orb_status report_done(FILE *out) { return ferror(out) ? ORB_EIO : ORB_OK; }

orb_status report_json(FILE *out, cJSON *root, int formatted) {
  char *text = root ? (formatted ? cJSON_Print(root) : cJSON_PrintUnformatted(root)) : NULL;
  cJSON_Delete(root);
  if (!text) return ORB_ENOMEM;
  fputs(text, out);
  fputc('\n', out);
  cJSON_free(text);
  return report_done(out);
}
