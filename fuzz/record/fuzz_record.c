/*
 * fuzz_record.c: libFuzzer harness for the record loader (src/record/load.c). The
 * input is the texts of the five files separated by form feeds (countries,
 * rollcalls, capabilities, alliances, conflicts); a part not given is an empty
 * file. Any input must either load (then the queries and the features run on it,
 * and it frees cleanly) or fail with at least one diagnostic and no record.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/record.h"
#include "record/record_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *part[5] = {"", "", "", "", ""};
  size_t len[5] = {0, 0, 0, 0, 0};
  const char *p = (const char *)data, *end = p + size;
  for (int i = 0; i < 5 && p <= end; i++) {
    const char *ff = memchr(p, '\f', (size_t)(end - p));
    part[i] = p;
    len[i] = ff ? (size_t)(ff - p) : (size_t)(end - p);
    if (!ff) break;
    p = ff + 1;
  }
  orb_record *rec = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = record_load_buffers(part, len, &rec, &diags);
  if ((status == ORB_OK) != (rec != NULL) || (status != ORB_OK && diags.count == 0)) abort();
  if (rec && rec->country_count >= 2) {
    orb_record_tally topics[ORB_TOPIC_COUNT + 1];
    memset(topics, 0, sizeof topics);
    (void)orb_record_agreement(rec, 0, 1, rec->first, rec->last + 1, NULL, topics);
    orb_record_model model;
    orb_record_model_init(&model);
    float x[ORB_RT_COUNT];
    if (orb_record_features_at(rec, &model, 0, 1, rec->last + 1,
                               orb_record_rollcall_attrs(rec, 0, 1), rec->rollcalls[0].title,
                               rec->rollcalls[0].stem, ORB_VOTE_YES, x) != ORB_OK)
      abort();
    if (orb_record_features_text(rec, &model, 0, 1, rec->last + 1, 0, rec->rollcalls[0].descr,
                                 ORB_VOTE_NO, x) != ORB_OK)
      abort();
  }
  orb_record_free(rec);
  orb_diags_free(&diags);
  return 0;
}
