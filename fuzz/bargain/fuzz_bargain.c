/*
 * fuzz_bargain.c: libFuzzer harness for the bargaining scenario readers: KTAB's
 * CSV format, and its XML format for inputs starting with '<'. Small scenarios
 * that parse are also played for a few turns.
 */
#include <stddef.h>
#include <stdint.h>

#include "orbit/orbit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  const char *text = (const char *)data;
  orb_status status =
      size > 0 && text[0] == '<'
          ? orb_bargain_read_xml_buffer("fuzz.xml", text, size, &s, &diags)
          : orb_bargain_read_csv_buffer("fuzz.csv", text, size, &s, &diags);
  if (status == ORB_OK && s->actor_count <= 12 && s->dim_count <= 4) {
    orb_bargain_options o = s->options;
    o.max_turns = 3;
    orb_bargain_result *r = NULL;
    orb_bargain_run(s, &o, 1, 0, &r);
    orb_bargain_result_free(r);
  }
  orb_bargain_scenario_free(s);
  orb_diags_free(&diags);
  return 0;
}
