/*
 * read_xml.c: KTAB's XML scenario format (smpSchema.xsd), parsed with libxml2:
 * <Scenario> with <name>, <desc>, <prngSeed>, optional <ModelParameters>,
 * <Dimensions>/<dName>, <Actors>/<Actor> (name, description, capability,
 * <Position>/<dCoord>, <Salience>/<dSal>) and optional <IdealAdjustment>/<iaPair>.
 * Problems are reported as FILE:LINE with the element at fault.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bargain/read.h"

#define XML_MAX_BYTES (64u << 20)

/* The reader's context: file name for messages, where diagnostics go. */
typedef struct xml_reader {
  const char *file;
  orb_diags *diags;
} xml_reader;

/* The first element child of node named name, or NULL. */
static xmlNode *child(const xmlNode *node, const char *name) {
  for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) return c;
  return NULL;
}

/* The next element sibling of node with the same name, or NULL. */
static xmlNode *next_named(const xmlNode *node) {
  for (xmlNode *c = node->next; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, (const char *)node->name) == 0)
      return c;
  return NULL;
}

/* Number of element children of node named name. */
static size_t count_named(const xmlNode *node, const char *name) {
  size_t count = 0;
  for (xmlNode *c = child(node, name); c; c = next_named(c)) count++;
  return count;
}

/* The trimmed text of node as a malloc'ed string (empty if none). */
static char *text_of(const xmlNode *node) {
  xmlChar *raw = node ? xmlNodeGetContent(node) : NULL;
  const char *t = raw ? (const char *)raw : "";
  while (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\n') t++;
  size_t len = strlen(t);
  while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\t' || t[len - 1] == '\r' ||
                     t[len - 1] == '\n'))
    len--;
  char *copy = malloc(len + 1);
  if (copy) {
    memcpy(copy, t, len);
    copy[len] = '\0';
  }
  if (raw) xmlFree(raw);
  return copy;
}

/* The line of node in the file. */
static int line_of(const xmlNode *node) { return node ? (int)xmlGetLineNo(node) : 0; }

/* The required child name of parent, or NULL after reporting it missing. */
static xmlNode *required(xml_reader *r, const xmlNode *parent, const char *name) {
  xmlNode *c = child(parent, name);
  if (!c)
    orb_diags_add(r->diags, r->file, line_of(parent), 0, "<%s> lacks its <%s> element",
                  (const char *)parent->name, name);
  return c;
}

/* Parses the number in element node into *value; reports what was expected. */
static int number_of(xml_reader *r, const xmlNode *node, const char *what, double *value) {
  char *text = text_of(node);
  if (!text) return 0;
  int ok = 0;
  if (*text == '\0') {
    orb_diags_add(r->diags, r->file, line_of(node), 0, "empty <%s> (expected %s)",
                  (const char *)node->name, what);
  } else {
    char *stop;
    errno = 0;
    double v = strtod(text, &stop);
    if (*stop != '\0' || errno == ERANGE || !isfinite(v)) {
      orb_diags_add(r->diags, r->file, line_of(node), 0,
                    "<%s> holds '%.40s', not a number (expected %s)",
                    (const char *)node->name, text, what);
    } else {
      *value = v;
      ok = 1;
    }
  }
  free(text);
  return ok;
}

/* Reads <ModelParameters> into s->options. */
static void read_options(xml_reader *r, const xmlNode *params, orb_bargain_scenario *s) {
  s->has_options = 1;
  for (int o = 0; o < ORB_BOPT_COUNT; o++) {
    const char *key = orb_bargain_option_key((orb_bargain_option)o);
    xmlNode *el = required(r, params, key);
    if (!el) continue;
    char *value = text_of(el);
    if (value &&
        orb_bargain_options_set(&s->options, (orb_bargain_option)o, value) != ORB_OK) {
      char list[256] = "";
      for (const char *const *v = orb_bargain_option_values((orb_bargain_option)o); *v; v++) {
        if (*list) strncat(list, ", ", sizeof list - strlen(list) - 1);
        strncat(list, *v, sizeof list - strlen(list) - 1);
      }
      orb_diags_add(r->diags, r->file, line_of(el), 0, "unknown %s '%.40s' (expected %s)",
                    key, value, list);
    }
    free(value);
  }
}

/* Reads the coordinates (tag, e.g. dCoord) under list into row[m]. */
static void read_vector(xml_reader *r, const xmlNode *actor, const char *who,
                        const char *list_name, const char *tag, const char *what,
                        double *row, size_t m) {
  xmlNode *list = required(r, actor, list_name);
  if (!list) return;
  size_t found = count_named(list, tag);
  if (found != m) {
    orb_diags_add(r->diags, r->file, line_of(list), 0,
                  "actor '%s' has %zu <%s>, expected %zu (one per <dName>)", who, found, tag,
                  m);
    return;
  }
  size_t k = 0;
  for (xmlNode *c = child(list, tag); c; c = next_named(c), k++) {
    if (number_of(r, c, what, &row[k]) && (row[k] < 0 || row[k] > 100))
      orb_diags_add(r->diags, r->file, line_of(c), 0, "<%s> %g out of range (expected %s)",
                    tag, row[k], what);
  }
}

/* Reads actor number i from element a. */
static void read_actor(xml_reader *r, const xmlNode *a, orb_bargain_scenario *s, size_t i) {
  const size_t m = s->dim_count;
  xmlNode *name = required(r, a, "name");
  free(s->actor_names[i]);
  s->actor_names[i] = text_of(name);
  if (!s->actor_names[i]) return;
  if (name && !*s->actor_names[i])
    orb_diags_add(r->diags, r->file, line_of(name), 0, "empty actor <name>");
  xmlNode *desc = child(a, "description");
  if (desc) {
    free(s->actor_descs[i]);
    s->actor_descs[i] = text_of(desc);
    if (!s->actor_descs[i]) return;
  }
  xmlNode *cap = required(r, a, "capability");
  if (cap && number_of(r, cap, "a capability above 0", &s->capability[i]) &&
      !(s->capability[i] > 0))
    orb_diags_add(r->diags, r->file, line_of(cap), 0,
                  "capability %g (expected more than 0)", s->capability[i]);
  const char *who = s->actor_names[i];
  read_vector(r, a, who, "Position", "dCoord", "a position 0..100", s->position + i * m, m);
  size_t before = r->diags->count;
  read_vector(r, a, who, "Salience", "dSal", "a salience 0..100", s->salience + i * m, m);
  if (r->diags->count == before) {
    double total = 0.0;
    for (size_t k = 0; k < m; k++) total += s->salience[i * m + k];
    if (total > 100)
      orb_diags_add(r->diags, r->file, line_of(child(a, "Salience")), 0,
                    "saliences of actor '%s' sum to %g, over 100", who, total);
    if (!(total > 0))
      orb_diags_add(r->diags, r->file, line_of(child(a, "Salience")), 0,
                    "saliences of actor '%s' sum to 0 (an actor must care about the issue)",
                    who);
  }
}

/* Index of the actor named by element el, or reports it and returns ORB_NONE. */
static size_t actor_named(xml_reader *r, const orb_bargain_scenario *s, const xmlNode *el) {
  char *name = text_of(el);
  size_t found = ORB_NONE;
  for (size_t i = 0; name && i < s->actor_count && found == ORB_NONE; i++)
    if (strcmp(s->actor_names[i], name) == 0) found = i;
  if (name && found == ORB_NONE)
    orb_diags_add(r->diags, r->file, line_of(el), 0, "unknown actor '%.40s' in <%s>", name,
                  (const char *)el->name);
  free(name);
  return found;
}

/* Reads <IdealAdjustment>: the accommodation matrix starts as the identity and
 * each <iaPair> sets one entry (KTAB xmlRead). */
static orb_status read_adjustment(xml_reader *r, const xmlNode *adj,
                                  orb_bargain_scenario *s) {
  const size_t n = s->actor_count;
  s->accommodation = calloc(n * n, sizeof(double));
  if (!s->accommodation) return ORB_ENOMEM;
  for (size_t i = 0; i < n; i++) s->accommodation[i * n + i] = 1.0;
  for (xmlNode *p = child(adj, "iaPair"); p; p = next_named(p)) {
    xmlNode *who = required(r, p, "adjustingIdeal"), *ref = required(r, p, "referencePos");
    xmlNode *val = required(r, p, "adjust");
    if (!who || !ref || !val) continue;
    size_t i = actor_named(r, s, who), j = actor_named(r, s, ref);
    double a;
    if (!number_of(r, val, "an adjustment 0..1", &a) || i == ORB_NONE || j == ORB_NONE)
      continue;
    if (a < 0 || a > 1)
      orb_diags_add(r->diags, r->file, line_of(val), 0,
                    "adjustment %g out of range (expected 0..1)", a);
    s->accommodation[i * n + j] = a;
  }
  for (size_t i = 0; i < n; i++) {
    double row = 0.0;
    for (size_t j = 0; j < n; j++) row += s->accommodation[i * n + j];
    if (row > 1 + 1e-10)
      orb_diags_add(r->diags, r->file, line_of(adj), 0,
                    "ideal adjustments of actor '%s' sum to %g (expected at most 1)",
                    s->actor_names[i], row);
  }
  return ORB_OK;
}

/* Builds the scenario from the parsed document. */
static orb_status read_document(xml_reader *r, const xmlNode *root,
                                orb_bargain_scenario **out) {
  const size_t before = r->diags->count;
  if (!root || strcmp((const char *)root->name, "Scenario") != 0) {
    orb_diags_add(r->diags, r->file, line_of(root), 0,
                  "root element is not <Scenario> (expected KTAB's XML scenario)");
    return ORB_EPARSE;
  }
  xmlNode *dims = required(r, root, "Dimensions"), *actors = required(r, root, "Actors");
  if (!dims || !actors) return ORB_EPARSE;
  size_t m = count_named(dims, "dName"), n = count_named(actors, "Actor");
  if (m < 1 || m > ORB_BARGAIN_MAX_DIMS) {
    orb_diags_add(r->diags, r->file, line_of(dims), 0,
                  "%zu <dName> (expected 1 to %d dimensions)", m, ORB_BARGAIN_MAX_DIMS);
    return ORB_EPARSE;
  }
  if (n < ORB_BARGAIN_MIN_ACTORS || n > ORB_BARGAIN_MAX_ACTORS) {
    orb_diags_add(r->diags, r->file, line_of(actors), 0,
                  "%zu <Actor> (a bargain needs %d to %d actors)", n, ORB_BARGAIN_MIN_ACTORS,
                  ORB_BARGAIN_MAX_ACTORS);
    return ORB_EPARSE;
  }
  orb_bargain_scenario *s;
  orb_status status = orb_bargain_scenario_new(n, m, &s);
  if (status != ORB_OK) return status;
  xmlNode *name = required(r, root, "name");
  if (name) {
    free(s->name);
    s->name = text_of(name);
  }
  xmlNode *desc = child(root, "desc");
  if (desc) {
    free(s->description);
    s->description = text_of(desc);
  }
  xmlNode *seed = child(root, "prngSeed");
  if (seed) {
    char *text = text_of(seed), *stop = NULL;
    errno = 0;
    unsigned long long v = text ? strtoull(text, &stop, 10) : 0;
    if (!text || !*text || *stop || errno == ERANGE || *text == '-')
      orb_diags_add(r->diags, r->file, line_of(seed), 0,
                    "<prngSeed> '%.40s' (expected a whole number below 2^64)",
                    text ? text : "");
    s->has_seed = 1;
    s->seed = (uint64_t)v;
    free(text);
  }
  xmlNode *params = child(root, "ModelParameters");
  if (params) read_options(r, params, s);
  size_t k = 0;
  for (xmlNode *d = child(dims, "dName"); d; d = next_named(d), k++) {
    free(s->dim_names[k]);
    s->dim_names[k] = text_of(d);
  }
  size_t i = 0;
  for (xmlNode *a = child(actors, "Actor"); a; a = next_named(a), i++)
    read_actor(r, a, s, i);
  xmlNode *adj = child(root, "IdealAdjustment");
  if (adj && read_adjustment(r, adj, s) != ORB_OK) status = ORB_ENOMEM;
  int complete = s->name && s->description;
  for (size_t a = 0; a < n; a++) complete = complete && s->actor_names[a] && s->actor_descs[a];
  for (size_t d = 0; d < m; d++) complete = complete && s->dim_names[d];
  if (!complete) status = ORB_ENOMEM;
  if (status == ORB_OK && r->diags->count != before) status = ORB_EPARSE;
  if (status != ORB_OK) {
    orb_bargain_scenario_free(s);
    return status;
  }
  *out = s;
  return ORB_OK;
}

orb_status orb_bargain_read_xml_buffer(const char *name, const char *data, size_t len,
                                       orb_bargain_scenario **scenario,
                                       orb_diags *diags) {
  *scenario = NULL;
  if (len > XML_MAX_BYTES || len > (size_t)INT32_MAX) {
    orb_diags_add(diags, name, 0, 0, "file larger than %u bytes", XML_MAX_BYTES);
    return ORB_ELIMIT;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) return ORB_ENOMEM;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR |
                                        XML_PARSE_NOWARNING);
  orb_status status;
  if (!doc) {
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    char message[200] = "not well-formed XML";
    if (e && e->message) {
      snprintf(message, sizeof message, "%s", e->message);
      size_t l = strlen(message);
      while (l > 0 && (message[l - 1] == '\n' || message[l - 1] == ' ')) message[--l] = '\0';
    }
    orb_diags_add(diags, name, e ? e->line : 0, e ? e->int2 : 0, "%s", message);
    status = ORB_EPARSE;
  } else {
    xml_reader r = {name, diags};
    status = read_document(&r, xmlDocGetRootElement(doc), scenario);
    xmlFreeDoc(doc);
  }
  xmlFreeParserCtxt(ctxt);
  return status;
}

orb_status orb_bargain_read_xml(const char *path, orb_bargain_scenario **scenario,
                                orb_diags *diags) {
  *scenario = NULL;
  char *data;
  size_t len;
  orb_status status = bargain_read_file(path, XML_MAX_BYTES, &data, &len, diags);
  if (status != ORB_OK) return status;
  status = orb_bargain_read_xml_buffer(path, data, len, scenario, diags);
  free(data);
  return status;
}
