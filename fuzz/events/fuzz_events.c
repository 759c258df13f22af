/*
 * fuzz_events.c: libFuzzer harness of the event coder. The first byte picks
 * what the rest of the input is:
 * - even: article text, coded with the built-in dictionaries (loaded once), fed
 *   in chunks whose size comes from the second byte; with the built-in tagger
 *   and parser (loaded once) when the first byte's bit 1 is set;
 * - odd: a dictionary file, loaded into a fresh dictionary that then codes a
 *   fixed text.
 * Every path must end with ORB_OK or a clean error, without leaks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/orbit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static orb_dict *builtin; /* loaded on the first input, kept for the run */
static orb_parse_model *model; /* the same */

/* Counts events; checks that their fields are sane. */
static int sink(const orb_coded_event *ev, void *user) {
  if (!ev->source[0] || ev->end < ev->start || ev->sentence_len != ev->end - ev->start)
    abort();
  ++*(size_t *)user;
  return 0;
}

/* Codes text[0..len) with dict (and parser, may be NULL) in chunks of chunk bytes. */
static void code(const orb_dict *dict, const orb_parse_model *parser, const char *text,
                 size_t len, size_t chunk) {
  orb_coder *coder = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  size_t events = 0;
  if (orb_coder_new(dict, &coder) == ORB_OK) orb_coder_set_parser(coder, parser);
  if (coder &&
      orb_coder_begin(coder, "fuzz", orb_date_from_ymd(2022, 9, 14)) == ORB_OK) {
    orb_status st = ORB_OK;
    for (size_t pos = 0; st == ORB_OK && pos < len; pos += chunk)
      st = orb_coder_feed(coder, text + pos, len - pos < chunk ? len - pos : chunk, sink,
                          &events, &diags);
    if (st == ORB_OK) orb_coder_finish(coder, sink, &events, &diags);
  }
  orb_coder_free(coder);
  orb_diags_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  if (!builtin) {
    orb_diags diags;
    orb_diags_init(&diags);
    if (orb_dict_new(&builtin) != ORB_OK || orb_dict_add_default(builtin, &diags) != ORB_OK ||
        orb_parse_model_load_default(ORB_PARSE_ALL, &model, &diags) != ORB_OK)
      abort();
    orb_diags_free(&diags);
  }
  const char *rest = (const char *)data + 2;
  size_t len = size - 2;
  if (data[0] % 2 == 0) {
    code(builtin, (data[0] & 2) ? model : NULL, rest, len, (size_t)data[1] + 1);
    return 0;
  }
  orb_dict *dict = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  if (orb_dict_new(&dict) == ORB_OK &&
      orb_dict_add_buffer(dict, "fuzz.dict", rest, len, &diags) == ORB_OK) {
    static const char text[] = "Gondor besieged Mordor on Monday. The two sides met. "
                               "Rohan did not help Gondor, officials said.\n";
    code(dict, NULL, text, sizeof text - 1, 7);
  }
  orb_dict_free(dict);
  orb_diags_free(&diags);
  return 0;
}
