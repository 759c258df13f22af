/*
 * write.c: `orbit calibrate --write`: puts the model's stance_* parameters into
 * a world file's `parameters:` list, replacing the stance_* items already there
 * and keeping every other byte (comments included). The result is written
 * through orb_output (orbit/output.h: a temporary file beside the real file,
 * links followed, mode kept, one writer at a time), reloaded to prove it valid,
 * then renamed over the original.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/input_internal.h"
#include "orbit/output.h"
#include "stance/stance_internal.h"

/* A growing string (malloc'ed); ok is 0 once an allocation failed. */
typedef struct text {
  char *data;
  size_t len, cap;
  int ok;
} text;

/* Appends len bytes of s, keeping the text NUL-terminated. */
static void text_add(text *t, const char *s, size_t len) {
  if (len > SIZE_MAX / 4) t->ok = 0; /* never a real length: a pointer went backward */
  if (!t->ok) return;
  if (t->len + len + 1 > t->cap) {
    size_t cap = (t->cap ? t->cap * 2 : 4096) + len;
    char *grown = realloc(t->data, cap);
    if (!grown) {
      t->ok = 0;
      return;
    }
    t->data = grown;
    t->cap = cap;
  }
  memcpy(t->data + t->len, s, len);
  t->len += len;
  t->data[t->len] = '\0';
}

/* Appends a string. */
static void text_puts(text *t, const char *s) { text_add(t, s, strlen(s)); }

/* Appends s as a YAML double-quoted scalar. */
static void text_quoted(text *t, const char *s) {
  text_puts(t, "\"");
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') text_puts(t, "\\");
    if ((unsigned char)*s < 0x20) continue; /* control characters are dropped */
    text_add(t, s, 1);
  }
  text_puts(t, "\"");
}

/* Appends the parameter items, indented by indent spaces. */
static void add_block(text *t, const orb_stance_model *model,
                      const unsigned char *fitted_interaction, const char *fitted_by,
                      int indent) {
  size_t count = stance_param_count(model);
  stance_param_row *rows = malloc(count * sizeof *rows);
  if (!rows) {
    t->ok = 0;
    return;
  }
  stance_param_rows(model, rows);
  char pad[16], line[256];
  snprintf(pad, sizeof pad, "%*s", indent > 8 ? 8 : indent, "");
  text_puts(t, pad);
  text_puts(t, "# stance model parameters (docs/MODEL.md), written by orbit calibrate --write\n");
  size_t scalar_count = count - model->interaction_count;
  for (size_t i = 0; i < count; i++) {
    const stance_param_row *row = &rows[i];
    int fitted = row->fitted &&
                 (i < scalar_count || !fitted_interaction || fitted_interaction[i - scalar_count]);
    snprintf(line, sizeof line, "%s- name: %s\n%s  default: %.17g\n%s  range: [%.17g, %.17g]\n",
             pad, row->name, pad, row->value, pad, row->low, row->high);
    text_puts(t, line);
    text_puts(t, pad);
    text_puts(t, "  justification: ");
    text_quoted(t, row->justification);
    text_puts(t, "\n");
    if (fitted && fitted_by) {
      text_puts(t, pad);
      text_puts(t, "  fitted_by: ");
      text_quoted(t, fitted_by);
      text_puts(t, "\n");
    }
  }
  free(rows);
}

/* Length of the line starting at s (without its newline). */
static size_t line_length(const char *s) {
  const char *end = strchr(s, '\n');
  return end ? (size_t)(end - s) : strlen(s);
}

/* Leading spaces of a line. */
static int indentation(const char *s) {
  int n = 0;
  while (s[n] == ' ') n++;
  return n;
}

/* True for a line that is blank or only a comment. */
static int is_blank_or_comment(const char *s, size_t len) {
  size_t i = 0;
  while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) i++;
  return i == len || s[i] == '#';
}

/* True when the list item [s, s+len) names a stance_ parameter. */
static int item_is_stance(const char *s, size_t len) {
  for (size_t i = 0; i + 5 < len; i++) {
    if (strncmp(s + i, "name:", 5) != 0) continue;
    size_t k = i + 5;
    while (k < len && (s[k] == ' ' || s[k] == '"' || s[k] == '\'')) k++;
    return len - k >= 7 && strncmp(s + k, "stance_", 7) == 0;
  }
  return 0;
}

/* True for our own marker comment line. */
static int is_marker(const char *s, size_t len) {
  static const char marker[] = "# stance model parameters (docs/MODEL.md)";
  int n = indentation(s);
  return len - (size_t)n >= sizeof marker - 1 && strncmp(s + n, marker, sizeof marker - 1) == 0;
}

/* Appends to out the new file: source with the stance_* items of its parameters
 * list replaced. */
static void rewrite(text *out, const char *source, const orb_stance_model *model,
                    const unsigned char *fitted_interaction, const char *fitted_by) {
  const char *p = source, *list = NULL;
  while (*p) { /* find the top-level `parameters:` line */
    size_t len = line_length(p);
    if (strncmp(p, "parameters:", 11) == 0 &&
        (is_blank_or_comment(p + 11, len - 11) ||
         (len >= 13 && strncmp(p + 11, " []", 3) == 0 && is_blank_or_comment(p + 14, len - 14)))) {
      list = p;
      break;
    }
    p += len + (p[len] == '\n');
  }
  if (!list) {
    text_puts(out, source);
    if (out->len && out->data[out->len - 1] != '\n') text_puts(out, "\n");
    text_puts(out, "\nparameters:\n");
    add_block(out, model, fitted_interaction, fitted_by, 2);
    return;
  }
  text_add(out, source, (size_t)(list - source));
  text_puts(out, "parameters:\n");
  p = list + line_length(list);
  if (*p == '\n') p++;
  /* The list runs until the next top-level key. */
  const char *end = p;
  while (*end) {
    size_t len = line_length(end);
    if (end[0] != ' ' && end[0] != '-' && !is_blank_or_comment(end, len)) break;
    end += len + (end[len] == '\n');
  }
  /* The new items go after the list's last line that is not blank or a comment;
   * the comments and blank lines after it stay after them. */
  const char *tail = p;
  for (const char *q = p; q < end;) {
    size_t len = line_length(q);
    const char *next = q + len + (q[len] == '\n');
    if (!is_blank_or_comment(q, len)) tail = next;
    q = next;
  }
  int indent = -1;
  while (p < tail) {
    size_t len = line_length(p);
    if (is_marker(p, len)) {
      p += len + (p[len] == '\n');
      continue;
    }
    int n = indentation(p);
    if (p[n] == '-' && (indent < 0 || n == indent)) {
      indent = n;
      const char *item_end = p + len + (p[len] == '\n');
      const char *content_end = item_end; /* after its last line that is not a comment */
      while (item_end < tail) { /* the item runs until the next item at its indentation */
        size_t l = line_length(item_end);
        int m = indentation(item_end);
        int blank = is_blank_or_comment(item_end, l);
        if (!blank && m <= indent) break;
        item_end += l + (item_end[l] == '\n');
        if (!blank) content_end = item_end;
      }
      /* Another item is kept; a stance item is dropped with the blank lines
       * after it. The comments that follow an item belong to what comes next
       * and are kept (but for our marker). */
      int stance = item_is_stance(p, (size_t)(content_end - p));
      if (!stance) text_add(out, p, (size_t)(content_end - p));
      p = content_end;
      while (stance && p < item_end && line_length(p) == 0) p++;
      continue;
    }
    text_add(out, p, len);
    text_puts(out, "\n");
    p += len + (p[len] == '\n');
  }
  if (out->len && out->data[out->len - 1] != '\n') text_puts(out, "\n");
  add_block(out, model, fitted_interaction, fitted_by, indent < 0 ? 2 : indent);
  text_add(out, tail, (size_t)(end - tail));
  text_puts(out, end);
}

char *stance_params_rewrite(const char *source, const orb_stance_model *model,
                            const unsigned char *fitted_interaction, const char *fitted_by) {
  text out = {NULL, 0, 0, 1};
  rewrite(&out, source, model, fitted_interaction, fitted_by);
  if (out.ok && out.data) return out.data;
  free(out.data);
  return NULL;
}

/* orb_output_recognise for a world file: text with a top-level `world:` or
 * `actors:` section. */
static int is_world_file(const char *path, void *arg) {
  (void)arg;
  char *data = NULL;
  size_t len = 0;
  orb_diags quiet;
  orb_diags_init(&quiet);
  int world = 0;
  if (input_read_file(path, INPUT_WORLD_MAX_BYTES, "world file", &data, &len, &quiet) ==
          ORB_OK && !memchr(data, '\0', len))
    for (const char *p = data; p && !world;) {
      world = strncmp(p, "world:", 6) == 0 || strncmp(p, "actors:", 7) == 0;
      p = strchr(p, '\n');
      if (p) p++;
    }
  orb_diags_free(&quiet);
  free(data);
  return world;
}

orb_status orb_stance_write_params(const char *path, const orb_stance_model *model,
                                   const unsigned char *fitted_interaction,
                                   const char *fitted_by, orb_diags *diags) {
  orb_output *out = NULL;
  orb_status status = orb_output_begin(path, "a world file (YAML with a world: section)",
                                       is_world_file, NULL, &out, diags);
  if (status != ORB_OK) return status;
  char *source = NULL;
  size_t source_len = 0;
  status = input_read_file(orb_output_target_path(out), INPUT_WORLD_MAX_BYTES,
                           "world file", &source, &source_len, diags);
  if (status == ORB_OK && (source_len == 0 || memchr(source, '\0', source_len))) {
    orb_diags_add(diags, path, 0, 0, "cannot read the world file to update (empty or binary)");
    status = ORB_EIO;
  }
  if (status != ORB_OK) {
    free(source);
    orb_output_abort(out);
    return status;
  }
  char *rewritten = stance_params_rewrite(source, model, fitted_interaction, fitted_by);
  free(source);
  status = rewritten ? orb_output_write(out, rewritten, strlen(rewritten), diags) : ORB_ENOMEM;
  free(rewritten);
  if (status == ORB_OK) { /* the result must load, with valid stance parameters */
    orb_world *check = NULL;
    status = orb_world_load(orb_output_temp_path(out), &check, diags);
    orb_stance_model reread;
    if (status == ORB_OK && orb_stance_model_init(&reread, check, diags) != ORB_OK)
      status = ORB_EPARSE;
    else if (status == ORB_OK)
      orb_stance_model_free(&reread);
    orb_world_free(check);
    if (status != ORB_OK)
      orb_diags_add(diags, path, 0, 0,
                    "the updated world would not be valid; %s left unchanged", path);
  }
  if (status != ORB_OK) {
    orb_output_abort(out);
    return status;
  }
  return orb_output_commit(out, diags);
}
