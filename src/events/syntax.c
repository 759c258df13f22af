/*
 * syntax.c: what the event coder asks of the syntactic layer (orbit/parse.h):
 * the part-of-speech tags of a sentence's tokens, and whether a dictionary
 * verb is used as something else than a verb.
 *
 * The coder's tokens are close to UD's (words split at spaces and symbols,
 * "'s" and "n't" apart); the tagger sees each token's text as written.
 * Hyphens, which the coder drops, are not seen.
 */
#include "events/lexicon.h"

#include <strings.h>

/* The words of tokens tok[0..n) of text, for the tagger and the parser. */
static void token_words(const char *text, const ev_token *tok, size_t n, const char **words,
                        size_t *lens) {
  for (size_t i = 0; i < n; i++) {
    words[i] = text + tok[i].start;
    lens[i] = tok[i].end - tok[i].start;
  }
}

int ev_tag_tokens(const orb_parse_model *model, const char *text, const ev_token *tok,
                  size_t n, uint8_t *upos, int *heads, uint8_t *labels) {
  const char *words[ORB_PARSE_MAX_WORDS];
  size_t lens[ORB_PARSE_MAX_WORDS];
  if (n == 0 || n > ORB_PARSE_MAX_WORDS) return 0;
  token_words(text, tok, n, words, lens);
  if (orb_tagger_tag(model, words, lens, n, upos) != ORB_OK) return 0;
  if (!heads) return 1;
  return orb_parse_tree(model, words, lens, n, upos, heads, labels) == ORB_OK ? 2 : 1;
}

int ev_parse_tokens(const orb_parse_model *model, const char *text, const ev_token *tok,
                    size_t n, const uint8_t *upos, int *heads, uint8_t *labels) {
  const char *words[ORB_PARSE_MAX_WORDS];
  size_t lens[ORB_PARSE_MAX_WORDS];
  if (n == 0 || n > ORB_PARSE_MAX_WORDS) return 0;
  token_words(text, tok, n, words, lens);
  return orb_parse_tree(model, words, lens, n, upos, heads, labels) == ORB_OK;
}

void ev_tree_labels_init(ev_tree_labels *l, const orb_parse_model *model) {
  l->agent = model ? orb_parse_label_from_name(model, "obl:agent") : -1;
  l->obl = model ? orb_parse_label_from_name(model, "obl") : -1;
  l->nmod = model ? orb_parse_label_from_name(model, "nmod") : -1;
  l->kase = model ? orb_parse_label_from_name(model, "case") : -1;
  l->aux_pass = model ? orb_parse_label_from_name(model, "aux:pass") : -1;
  l->amod = model ? orb_parse_label_from_name(model, "amod") : -1;
  l->conj = model ? orb_parse_label_from_name(model, "conj") : -1;
  l->nsubj = model ? orb_parse_label_from_name(model, "nsubj") : -1;
  l->nsubj_pass = model ? orb_parse_label_from_name(model, "nsubj:pass") : -1;
}

int ev_hyphen_modifier(const char *text, const ev_token *tok, size_t t) {
  if (!(t > 0 && tok[t].start >= 2 && text[tok[t].start - 1] == '-')) return 0;
  return tok[t - 1].end == tok[t].start - 1 || /* "Russia-led" */
         (tok[t - 1].end == tok[t].start - 2 && text[tok[t].start - 2] == '.'); /* "U.S.-made" */
}

int ev_hyphen_stance(const char *text, const ev_token *tok, size_t t) {
  if (t == 0 || tok[t].start < 1 || text[tok[t].start - 1] != '-' ||
      tok[t - 1].end != tok[t].start - 1)
    return 0;
  size_t n = tok[t - 1].end - tok[t - 1].start;
  const char *w = text + tok[t - 1].start;
  return (n == 3 && strncasecmp(w, "pro", 3) == 0) || (n == 4 && strncasecmp(w, "anti", 4) == 0);
}

int ev_tagged_nominal(uint8_t upos) {
  return upos == ORB_UPOS_NOUN || upos == ORB_UPOS_ADJ || upos == ORB_UPOS_PROPN;
}
