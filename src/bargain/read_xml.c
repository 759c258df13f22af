/*
 * read_xml.c: KTAB's XML scenario format (smpSchema.xsd), parsed with libxml2:
 * <Scenario> with <name>, <desc>, <prngSeed>, optional <ModelParameters>,
 * <Dimensions>/<dName>, <Actors>/<Actor> (name, description, capability,
 * <Position>/<dCoord>, <Salience>/<dSal>) and optional <IdealAdjustment>/<iaPair>.
 * Problems are reported as FILE:LINE:COL with the element at fault.
 *
 * Entities are never expanded: the document is parsed without entity substitution
 * and without loading a DTD or anything from the network, a DOCTYPE that declares
 * entities is refused, and an entity reference left in an element's text is an
 * error (a 16 KB file of nested entities must not become a gigabyte of names).
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/input_internal.h"
#include "orbit/bargain.h"

/* The reader's context: file name for messages, where diagnostics go, and the
 * text with the offsets of its lines (for columns, which libxml2's tree lacks). */
typedef struct xml_reader {
  const char *file;
  orb_diags *diags;
  const char *data;
  size_t len;
  size_t *lines; /* offset of the start of line k + 1 at lines[k] */
  size_t line_count;
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

/* The line of node in the file. */
static int line_of(const xmlNode *node) { return node ? (int)xmlGetLineNo(node) : 0; }

/* The column of node: where "<name" first appears on its line (libxml2 keeps only
 * lines), else 1; 0 when the line is unknown. */
static int column_of(const xml_reader *r, const xmlNode *node) {
  int line = line_of(node);
  if (line <= 0 || (size_t)line > r->line_count) return 0;
  const char *start = r->data + r->lines[line - 1];
  const char *end = (size_t)line < r->line_count ? r->data + r->lines[line] : r->data + r->len;
  size_t name_len = strlen((const char *)node->name);
  for (const char *p = start; p + name_len < end; p++)
    if (*p == '<' && memcmp(p + 1, node->name, name_len) == 0) return (int)(p - start) + 1;
  return 1;
}

/* Adds a message at node's line and column. */
static void report(xml_reader *r, const xmlNode *node, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static void report(xml_reader *r, const xmlNode *node, const char *format, ...) {
  char message[512];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  orb_diags_add(r->diags, r->file, line_of(node), column_of(r, node), "%s", message);
}

/* Appends the text below node (text and CDATA, recursively) to buf[*used..cap),
 * growing it; reports an entity reference. 0 when out of memory. */
static int gather_text(xml_reader *r, const xmlNode *node, char **buf, size_t *used,
                       size_t *cap, const xmlNode *element) {
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (c->type == XML_ENTITY_REF_NODE) {
      report(r, element, "<%s> holds the entity reference &%s;: entities are not expanded "
             "(write the text itself)", (const char *)element->name, (const char *)c->name);
      continue;
    }
    if (c->type == XML_ELEMENT_NODE) {
      if (!gather_text(r, c, buf, used, cap, element)) return 0;
      continue;
    }
    if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
      continue;
    size_t n = strlen((const char *)c->content);
    if (*used + n + 1 > *cap) {
      size_t grown_cap = (*used + n + 1) * 2;
      char *grown = realloc(*buf, grown_cap);
      if (!grown) return 0;
      *buf = grown;
      *cap = grown_cap;
    }
    memcpy(*buf + *used, c->content, n);
    *used += n;
  }
  return 1;
}

/* The trimmed text of node as a malloc'ed string (empty if none); NULL when out of
 * memory. An entity reference in it is reported and left out. */
static char *text_of(xml_reader *r, const xmlNode *node) {
  size_t used = 0, cap = 64;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  if (node && !gather_text(r, node, &buf, &used, &cap, node)) {
    free(buf);
    return NULL;
  }
  buf[used] = '\0';
  const char *t = buf;
  while (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\n') t++;
  size_t len = strlen(t);
  while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\t' || t[len - 1] == '\r' ||
                     t[len - 1] == '\n'))
    len--;
  memmove(buf, t, len);
  buf[len] = '\0';
  return buf;
}

/* The required child name of parent, or NULL after reporting it missing. */
static xmlNode *required(xml_reader *r, const xmlNode *parent, const char *name) {
  xmlNode *c = child(parent, name);
  if (!c)
    report(r, parent, "<%s> lacks its <%s> element", (const char *)parent->name, name);
  return c;
}

/* Parses the decimal number in element node into *value; reports what was
 * expected. */
static int number_of(xml_reader *r, const xmlNode *node, const char *what, double *value) {
  char *text = text_of(r, node);
  if (!text) return 0;
  int ok = 0;
  if (*text == '\0') {
    report(r, node, "empty <%s> (expected %s)", (const char *)node->name, what);
  } else {
    input_number_status status = input_number(text, strlen(text), value);
    if (status != INPUT_NUMBER_OK)
      report(r, node, "<%s> holds '%.40s', %s (expected %s)", (const char *)node->name, text,
             input_number_problem(status), what);
    ok = status == INPUT_NUMBER_OK;
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
    char *value = text_of(r, el);
    if (value &&
        orb_bargain_options_set(&s->options, (orb_bargain_option)o, value) != ORB_OK) {
      char list[256] = "";
      for (const char *const *v = orb_bargain_option_values((orb_bargain_option)o); *v; v++) {
        if (*list) strncat(list, ", ", sizeof list - strlen(list) - 1);
        strncat(list, *v, sizeof list - strlen(list) - 1);
      }
      report(r, el, "unknown %s '%.40s' (expected %s)",
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
    report(r, list, "actor '%s' has %zu <%s>, expected %zu (one per <dName>)", who, found, tag,
                  m);
    return;
  }
  size_t k = 0;
  for (xmlNode *c = child(list, tag); c; c = next_named(c), k++) {
    if (number_of(r, c, what, &row[k]) && (row[k] < 0 || row[k] > 100))
      report(r, c, "<%s> %g out of range (expected %s)",
                    tag, row[k], what);
  }
}

/* Reads actor number i from element a. */
static void read_actor(xml_reader *r, const xmlNode *a, orb_bargain_scenario *s, size_t i) {
  const size_t m = s->dim_count;
  xmlNode *name = required(r, a, "name");
  free(s->actor_names[i]);
  s->actor_names[i] = text_of(r, name);
  if (!s->actor_names[i]) return;
  if (name && !*s->actor_names[i])
    report(r, name, "empty actor <name>");
  else if (name && !input_utf8_name(s->actor_names[i], strlen(s->actor_names[i])))
    report(r, name, "a control character in the actor <name> (expected printable text)");
  xmlNode *desc = child(a, "description");
  if (desc) {
    free(s->actor_descs[i]);
    s->actor_descs[i] = text_of(r, desc);
    if (!s->actor_descs[i]) return;
  }
  xmlNode *cap = required(r, a, "capability");
  if (cap && number_of(r, cap, "a capability above 0", &s->capability[i]) &&
      !(s->capability[i] > 0))
    report(r, cap, "capability %g (expected more than 0)", s->capability[i]);
  const char *who = s->actor_names[i];
  read_vector(r, a, who, "Position", "dCoord", "a position 0..100", s->position + i * m, m);
  size_t before = r->diags->count;
  read_vector(r, a, who, "Salience", "dSal", "a salience 0..100", s->salience + i * m, m);
  if (r->diags->count == before) {
    double total = 0.0;
    for (size_t k = 0; k < m; k++) total += s->salience[i * m + k];
    if (total > 100)
      report(r, child(a, "Salience"), "saliences of actor '%s' sum to %g, over 100", who, total);
    if (!(total > 0))
      report(r, child(a, "Salience"), "saliences of actor '%s' sum to 0 (an actor must care about the issue)",
                    who);
  }
}

/* Index of the actor named by element el, or reports it and returns ORB_NONE. */
static size_t actor_named(xml_reader *r, const orb_bargain_scenario *s, const xmlNode *el) {
  char *name = text_of(r, el);
  size_t found = ORB_NONE;
  for (size_t i = 0; name && i < s->actor_count && found == ORB_NONE; i++)
    if (strcmp(s->actor_names[i], name) == 0) found = i;
  if (name && found == ORB_NONE)
    report(r, el, "unknown actor '%.40s' in <%s>", name,
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
      report(r, val, "adjustment %g out of range (expected 0..1)", a);
    s->accommodation[i * n + j] = a;
  }
  for (size_t i = 0; i < n; i++) {
    double row = 0.0;
    for (size_t j = 0; j < n; j++) row += s->accommodation[i * n + j];
    if (row > 1 + 1e-10)
      report(r, adj, "ideal adjustments of actor '%s' sum to %g (expected at most 1)",
                    s->actor_names[i], row);
  }
  return ORB_OK;
}

/* Builds the scenario from the parsed document. */
static orb_status read_document(xml_reader *r, const xmlNode *root,
                                orb_bargain_scenario **out) {
  const size_t before = r->diags->count;
  if (!root || strcmp((const char *)root->name, "Scenario") != 0) {
    report(r, root, "root element is not <Scenario> (expected KTAB's XML scenario)");
    return ORB_EPARSE;
  }
  xmlNode *dims = required(r, root, "Dimensions"), *actors = required(r, root, "Actors");
  if (!dims || !actors) return ORB_EPARSE;
  size_t m = count_named(dims, "dName"), n = count_named(actors, "Actor");
  if (m < 1 || m > ORB_BARGAIN_MAX_DIMS) {
    report(r, dims, "%zu <dName> (expected 1 to %d dimensions)", m, ORB_BARGAIN_MAX_DIMS);
    return ORB_EPARSE;
  }
  if (n < ORB_BARGAIN_MIN_ACTORS || n > ORB_BARGAIN_MAX_ACTORS) {
    report(r, actors, "%zu <Actor> (a bargain needs %d to %d actors)", n, ORB_BARGAIN_MIN_ACTORS,
                  ORB_BARGAIN_MAX_ACTORS);
    return ORB_EPARSE;
  }
  orb_bargain_scenario *s;
  orb_status status = orb_bargain_scenario_new(n, m, &s);
  if (status != ORB_OK) return status;
  xmlNode *name = required(r, root, "name");
  if (name) {
    free(s->name);
    s->name = text_of(r, name);
  }
  xmlNode *desc = child(root, "desc");
  if (desc) {
    free(s->description);
    s->description = text_of(r, desc);
  }
  xmlNode *seed = child(root, "prngSeed");
  if (seed) {
    char *text = text_of(r, seed);
    uint64_t v = 0;
    if (!text || input_uint64(text, strlen(text), &v) != INPUT_NUMBER_OK)
      report(r, seed, "<prngSeed> '%.40s' (expected a whole number below 2^64)",
             text ? text : "");
    s->has_seed = 1;
    s->seed = v;
    free(text);
  }
  xmlNode *params = child(root, "ModelParameters");
  if (params) read_options(r, params, s);
  size_t k = 0;
  for (xmlNode *d = child(dims, "dName"); d; d = next_named(d), k++) {
    free(s->dim_names[k]);
    s->dim_names[k] = text_of(r, d);
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

/* Offsets of the starts of the lines of data[0..len), malloc'ed; NULL when out of
 * memory. */
static size_t *line_starts(const char *data, size_t len, size_t *count) {
  size_t n = 1;
  for (const char *p = data; (p = memchr(p, '\n', (size_t)(data + len - p))); p++) n++;
  size_t *lines = malloc(n * sizeof *lines);
  if (!lines) return NULL;
  lines[0] = 0;
  size_t k = 1;
  for (const char *p = data; (p = memchr(p, '\n', (size_t)(data + len - p))); p++)
    lines[k++] = (size_t)(p - data) + 1;
  *count = n;
  return lines;
}

/* Finds an entity declaration in the text: its line and column, or 0. */
static int find_entity_declaration(const char *data, size_t len, int *column) {
  static const char marker[] = "<!ENTITY";
  const size_t m = sizeof marker - 1;
  int line = 1;
  const char *line_start = data;
  for (size_t i = 0; i + m <= len; i++) {
    if (data[i] == '\n') {
      line++;
      line_start = data + i + 1;
    } else if (data[i] == '<' && memcmp(data + i, marker, m) == 0) {
      *column = (int)(data + i - line_start) + 1;
      return line;
    }
  }
  return 0;
}

orb_status orb_bargain_read_xml_buffer(const char *name, const char *data, size_t len,
                                       orb_bargain_scenario **scenario,
                                       orb_diags *diags) {
  *scenario = NULL;
  if (len > INPUT_SCENARIO_MAX_BYTES || len > (size_t)INT32_MAX) {
    char limit[32];
    input_format_size(INPUT_SCENARIO_MAX_BYTES, limit, sizeof limit);
    orb_diags_add(diags, name, 0, 0, "file is %zu bytes, over the %s limit for a scenario file",
                  len, limit);
    return ORB_ELIMIT;
  }
  /* Entities are refused before libxml2 sees them: no expansion can happen. */
  int column = 0, line = find_entity_declaration(data, len, &column);
  if (line) {
    orb_diags_add(diags, name, line, column,
                  "an entity declaration (<!ENTITY): a scenario file may not declare "
                  "entities");
    return ORB_EPARSE;
  }
  xml_reader r = {.file = name, .diags = diags, .data = data, .len = len};
  r.lines = line_starts(data, len, &r.line_count);
  xmlParserCtxtPtr ctxt = r.lines ? xmlNewParserCtxt() : NULL;
  if (!ctxt) {
    free(r.lines);
    return ORB_ENOMEM;
  }
  /* No XML_PARSE_NOENT (entity substitution) and no XML_PARSE_DTDLOAD: nothing is
   * expanded or fetched; XML_PARSE_NONET in case a future option would fetch. */
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
    orb_diags_add(diags, name, e ? e->line : 0, e && e->line ? (e->int2 > 0 ? e->int2 : 1) : 0,
                  "%s", message);
    status = ORB_EPARSE;
  } else {
    status = read_document(&r, xmlDocGetRootElement(doc), scenario);
    xmlFreeDoc(doc);
  }
  xmlFreeParserCtxt(ctxt);
  free(r.lines);
  return status;
}

orb_status orb_bargain_read_xml(const char *path, orb_bargain_scenario **scenario,
                                orb_diags *diags) {
  *scenario = NULL;
  char *data;
  size_t len;
  orb_status status =
      input_read_file(path, INPUT_SCENARIO_MAX_BYTES, "scenario file", &data, &len, diags);
  if (status != ORB_OK) return status;
  status = orb_bargain_read_xml_buffer(path, data, len, scenario, diags);
  free(data);
  return status;
}
