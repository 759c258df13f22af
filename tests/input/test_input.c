/*
 * test_input.c: the input layer seen through every reader of the library and the
 * command: one file reader (limits with the real size, directories, devices, pipes
 * read once), the strict UTF-8 check, the decimal number parser, XML without
 * entities, bounded lines of coded events, capabilities of a year, installed data.
 * Each hostile input is generated here at run time; none is committed.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "orbit/orbit.h"

/* A new temporary file holding len bytes of text; its path is written to path. */
static void temp_file(char path[64], const char *text, size_t len) {
  strcpy(path, "/tmp/orbit-input-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, len), (ssize_t)len);
  close(fd);
}

/* The one diagnostic of diags, asserted to be the only one. */
static const orb_diag *only_diag(const orb_diags *diags) {
  if (diags->count != 1) {
    orb_diags_print(diags, stderr);
    fail_msg("expected 1 diagnostic, got %zu", diags->count);
  }
  return &diags->items[0];
}

/* Reads a YAML landscape from text; returns its status and its first message
 * (static, "" when none). */
static orb_status landscape(const char *text, size_t len, const char **message) {
  static char first[512];
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l = NULL;
  orb_status st = orb_landscape_read_yaml_buffer("l.yaml", text, len, &l, NULL, &diags);
  snprintf(first, sizeof first, "%s", diags.count ? diags.items[0].message : "");
  *message = first;
  orb_landscape_free(l);
  orb_diags_free(&diags);
  return st;
}

/* ---- UTF-8 --------------------------------------------------------------------- */

/* Overlong forms, surrogates, code points above U+10FFFF and stray bytes are all
 * refused, by the same check in every reader; real 2-, 3- and 4-byte characters
 * pass. */
static void test_utf8_strict(void **state) {
  (void)state;
  static const struct {
    const char *bytes;
    const char *message; /* NULL: accepted */
  } cases[] = {
      {"\xC0\x80", "invalid byte 0xc0 at byte 10"},              /* overlong NUL */
      {"\xC1\xBF", "invalid byte 0xc1 at byte 10"},              /* overlong '?' */
      {"\xE0\x80\xAF", "invalid UTF-8 sequence at byte 10"},     /* overlong '/' */
      {"\xF0\x80\x80\xAF", "invalid UTF-8 sequence at byte 10"}, /* overlong '/' */
      {"\xED\xA0\x80", "invalid UTF-8 sequence at byte 10"},     /* U+D800 */
      {"\xED\xBF\xBF", "invalid UTF-8 sequence at byte 10"},     /* U+DFFF */
      {"\xF4\x90\x80\x80", "invalid UTF-8 sequence at byte 10"}, /* U+110000 */
      {"\xF5\x80\x80\x80", "invalid byte 0xf5 at byte 10"},
      {"\x80", "invalid byte 0x80 at byte 10"},
      {"\xC3", "truncated UTF-8 sequence at byte 10"},
      {"\xC3\xA9", NULL},         /* é */
      {"\xE2\x82\xAC", NULL},     /* € */
      {"\xF0\x9F\x98\x80", NULL}, /* U+1F600 */
      {"\xF4\x8F\xBF\xBF", NULL}, /* U+10FFFF */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char text[128];
    int len = snprintf(text, sizeof text, "actors: [\"%s\", B]\npairs: [[B, B2, 1]]\n",
                       cases[i].bytes);
    /* B2 is unknown: a text that passes the UTF-8 check fails later, on it */
    const char *message;
    orb_status st = landscape(text, (size_t)len, &message);
    assert_int_equal(st, ORB_EPARSE);
    if (cases[i].message) {
      char expected[128];
      snprintf(expected, sizeof expected, "%s (expected UTF-8 text)", cases[i].message);
      assert_string_equal(message, expected);
    } else {
      assert_non_null(strstr(message, "unknown actor 'B2'"));
    }
  }
}

/* A file of nothing but opening brackets stops at a fixed depth, with a message,
 * instead of growing a stack as deep as the file is long. */
static void test_yaml_depth(void **state) {
  (void)state;
  size_t n = (size_t)1 << 20;
  char *text = malloc(n);
  memset(text, '[', n);
  const char *message;
  assert_int_equal(landscape(text, n, &message), ORB_EPARSE);
  assert_string_equal(message, "lists and mappings nested more than 256 deep");
  free(text);
}

/* ---- numbers ------------------------------------------------------------------- */

/* Numbers are decimal: no hex floats, no inf or nan, no digit separators, nothing
 * out of a double's range, and a quoted number is a string. */
static void test_numbers_decimal(void **state) {
  (void)state;
  static const struct {
    const char *text;
    double value; /* for accepted ones */
    int ok;
  } cases[] = {
      {"2", 2, 1},        {"+2", 2, 1},      {"2.", 2, 1},         {".5", 0.5, 1},
      {"25e-2", 0.25, 1}, {"1e3", 1000, 1}, {"2.5E-1", 0.25, 1},  {"0x1p4", 0, 0},
      {"0x10", 0, 0},     {"inf", 0, 0},     {".inf", 0, 0},       {"nan", 0, 0},
      {"1e999", 0, 0},    {"1e-999", 0, 0},  {"1_000", 0, 0},      {"1e", 0, 0},
      {"--1", 0, 0},      {"\"2\"", 0, 0},   {"'2'", 0, 0},        {"1.5.2", 0, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char text[128];
    int len = snprintf(text, sizeof text, "actors: [A, B]\nsizes: [%s, 1]\npairs: [[A, B, 1]]\n",
                       cases[i].text);
    orb_diags diags;
    orb_diags_init(&diags);
    orb_landscape *l = NULL;
    orb_status st = orb_landscape_read_yaml_buffer("n.yaml", text, (size_t)len, &l, NULL, &diags);
    if (cases[i].ok) {
      if (st != ORB_OK) fail_msg("'%s' refused", cases[i].text);
      if (cases[i].value > 0) assert_true(l->sizes[0] == cases[i].value);
    } else {
      if (st != ORB_EPARSE) fail_msg("'%s' accepted", cases[i].text);
      const orb_diag *d = only_diag(&diags);
      assert_int_equal(d->line, 2);
      if (!strstr(d->message, "must be a number") && !strstr(d->message, "finite"))
        fail_msg("%s: %s", cases[i].text, d->message);
    }
    orb_landscape_free(l);
    orb_diags_free(&diags);
  }
}

/* ---- the file reader ------------------------------------------------------------ */

/* A file over the limit is refused from its real size (a sparse file of 1 GiB
 * takes no disk and is never read), a directory and a device are refused by name. */
static void test_reader_refusals(void **state) {
  (void)state;
  char path[64];
  temp_file(path, "", 0);
  assert_int_equal(truncate(path, (off_t)1 << 30), 0);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_world *world = NULL;
  assert_int_equal(orb_world_load(path, &world, &diags), ORB_ELIMIT);
  assert_string_equal(only_diag(&diags)->message,
                      "file is 1073741824 bytes, over the 64 MiB limit for a world file");
  orb_diags_free(&diags);
  orb_dict *dict = NULL;
  assert_int_equal(orb_dict_new(&dict), ORB_OK);
  orb_diags_init(&diags);
  assert_int_equal(orb_dict_add_file(dict, path, &diags), ORB_ELIMIT);
  assert_string_equal(only_diag(&diags)->message,
                      "file is 1073741824 bytes, over the 64 MiB limit for a dictionary");
  orb_diags_free(&diags);
  remove(path);

  orb_diags_init(&diags);
  assert_int_equal(orb_dict_add_file(dict, "/dev/zero", &diags), ORB_EIO);
  assert_string_equal(only_diag(&diags)->message, "is a device, not a dictionary");
  assert_string_equal(diags.items[0].file, "/dev/zero");
  orb_diags_free(&diags);
  orb_diags_init(&diags);
  assert_int_equal(orb_world_load("tests", &world, &diags), ORB_EIO);
  assert_string_equal(only_diag(&diags)->message, "is a directory, not a world file");
  orb_diags_free(&diags);
  orb_diags_init(&diags);
  orb_landscape *l = NULL;
  assert_int_equal(orb_landscape_read_yaml("/nonexistent/l.yaml", &l, NULL, &diags), ORB_EIO);
  assert_string_equal(only_diag(&diags)->message,
                      "cannot open the landscape file: No such file or directory");
  orb_diags_free(&diags);
  orb_dict_free(dict);
}

/* A dictionary of garbage lists at most the one cap of errors, not one per line. */
static void test_error_cap(void **state) {
  (void)state;
  size_t lines = 100000, n = 0;
  char *text = malloc(lines * 8 + 1);
  for (size_t i = 0; i < lines; i++) n += (size_t)sprintf(text + n, "bogus|x\n");
  orb_dict *dict = NULL;
  assert_int_equal(orb_dict_new(&dict), ORB_OK);
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_dict_add_buffer(dict, "bad.dict", text, n, &diags), ORB_EPARSE);
  assert_int_equal(diags.count, 101);
  assert_string_equal(diags.items[100].message, "too many errors (100); stopping the list here");
  orb_diags_free(&diags);
  orb_dict_free(dict);
  free(text);
}

/* A child writes len bytes of text (repeated `times` times) into a pipe and exits;
 * returns the read end. */
static int pipe_from_child(const char *text, size_t len, size_t times, pid_t *child) {
  int fds[2];
  assert_int_equal(pipe(fds), 0);
  *child = fork();
  assert_true(*child >= 0);
  if (*child == 0) {
    close(fds[0]);
    for (size_t t = 0; t < times; t++)
      if (write(fds[1], text, len) != (ssize_t)len) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  return fds[0];
}

/* A scenario from a pipe is read once (the reader used to open it twice, and
 * found it empty the second time); a pipe over the limit is cut at the limit. */
static void test_reader_pipes(void **state) {
  (void)state;
  size_t len;
  char *csv = test_read_file("data/bargain/SOE-Pol-Comp.csv", &len);
  assert_non_null(csv);
  pid_t child;
  int fd = pipe_from_child(csv, len, 1, &child);
  char path[32];
  snprintf(path, sizeof path, "/dev/fd/%d", fd);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  orb_status st = orb_bargain_read(path, &s, &diags);
  orb_diags_print(&diags, stderr);
  assert_int_equal(st, ORB_OK);
  assert_int_equal(s->actor_count, 13);
  assert_int_equal(s->dim_count, 2);
  orb_bargain_scenario_free(s);
  orb_diags_free(&diags);
  close(fd);
  waitpid(child, NULL, 0);
  free(csv);

  static char block[1 << 16];
  memset(block, '#', sizeof block);
  fd = pipe_from_child(block, sizeof block, 65 * 16, &child); /* 65 MiB of comments */
  snprintf(path, sizeof path, "/dev/fd/%d", fd);
  orb_dict *dict = NULL;
  assert_int_equal(orb_dict_new(&dict), ORB_OK);
  orb_diags_init(&diags);
  assert_int_equal(orb_dict_add_file(dict, path, &diags), ORB_ELIMIT);
  assert_string_equal(only_diag(&diags)->message, "more than 64 MiB, the limit for a dictionary");
  orb_diags_free(&diags);
  orb_dict_free(dict);
  close(fd);
  kill(child, SIGKILL);
  waitpid(child, NULL, 0);
}

/* The text check of `orbit code` leaves a pipe unread (the coder checks it as it
 * streams; `orbit code <(cat a.txt)` used to code nothing), refuses a directory and
 * a device, and checks a regular file. */
static void test_text_check(void **state) {
  (void)state;
  static const char text[] = "Russia deployed troops to Kazakhstan.\n";
  pid_t child;
  int fd = pipe_from_child(text, sizeof text - 1, 1, &child);
  char path[32];
  snprintf(path, sizeof path, "/dev/fd/%d", fd);
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_text_check_file(path, &diags), ORB_OK);
  char buf[128];
  assert_int_equal(read(fd, buf, sizeof buf), (ssize_t)(sizeof text - 1));
  close(fd);
  waitpid(child, NULL, 0);
  assert_int_equal(orb_text_check_file("tests", &diags), ORB_EIO);
  assert_int_equal(orb_text_check_file("/dev/zero", &diags), ORB_EIO);
  assert_int_equal(diags.count, 2);
  assert_string_equal(diags.items[0].message, "is a directory, not a text file");
  assert_string_equal(diags.items[1].message, "is a device, not a text file");
  orb_diags_free(&diags);
  char file[64];
  temp_file(file, "ok\n\xff\n", 5);
  orb_diags_init(&diags);
  assert_int_equal(orb_text_check_file(file, &diags), ORB_EPARSE);
  assert_int_equal(only_diag(&diags)->line, 2);
  orb_diags_free(&diags);
  remove(file);
}

/* The command: `orbit code --dict /dev/zero` stops at once; `orbit bargain` reads
 * a scenario from a pipe. */
static void test_reader_command(void **state) {
  (void)state;
  test_expect_orbit("code --no-default-dict --dict /dev/zero README.md", 1,
                    "/dev/zero: error: is a device, not a dictionary");
  test_expect_orbit("bargain /dev/stdin --runs 1 < data/bargain/SOE-Pol-Comp.csv", 0,
                    "Actors:   13, dimensions: 2");
}

/* ---- XML -------------------------------------------------------------------------- */

/* Reads XML text as a scenario; returns the status, the first message in *message
 * (static) and its line and column. */
static orb_status xml(const char *text, const char **message, int *line, int *column) {
  static char first[512];
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  orb_status st = orb_bargain_read_xml_buffer("s.xml", text, strlen(text), &s, &diags);
  snprintf(first, sizeof first, "%s", diags.count ? diags.items[0].message : "");
  *line = diags.count ? diags.items[0].line : -1;
  *column = diags.count ? diags.items[0].column : -1;
  *message = first;
  orb_bargain_scenario_free(s);
  orb_diags_free(&diags);
  return st;
}

/* The scenario body with actor names given by name_a. */
static void scenario_xml(char *buf, size_t size, const char *doctype, const char *name_a) {
  snprintf(buf, size,
           "<?xml version=\"1.0\"?>\n%s"
           "<Scenario>\n<name>S</name>\n<desc>D</desc>\n"
           "<Dimensions><dName>X</dName></Dimensions>\n<Actors>\n"
           "<Actor><name>%s</name><description>a</description><capability>1</capability>"
           "<Position><dCoord>10</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>\n"
           "<Actor><name>B</name><description>b</description><capability>1</capability>"
           "<Position><dCoord>50</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>\n"
           "<Actor><name>C</name><description>c</description><capability>1</capability>"
           "<Position><dCoord>90</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>\n"
           "</Actors>\n</Scenario>\n",
           doctype, name_a);
}

/* A 16 KB file of two levels of internal entities (which expanded to a gigabyte)
 * is refused at once with the position of the first declaration; an undeclared
 * entity is an error, not an empty name; syntax errors carry a column. */
static void test_xml_entities(void **state) {
  (void)state;
  size_t size = 1 << 16;
  char *doctype = malloc(size), *doc = malloc(size + 4096);
  size_t n = (size_t)snprintf(doctype, size, "<!DOCTYPE Scenario [\n <!ENTITY a \"");
  for (int i = 0; i < 8000; i++) doctype[n++] = 'x';
  n += (size_t)snprintf(doctype + n, size - n, "\">\n <!ENTITY b \"");
  for (int i = 0; i < 2000; i++) n += (size_t)snprintf(doctype + n, size - n, "&a;");
  snprintf(doctype + n, size - n, "\">\n]>\n");
  scenario_xml(doc, size + 4096, doctype, "&b;");
  assert_true(strlen(doc) > 14000);
  const char *message;
  int line, column;
  assert_int_equal(xml(doc, &message, &line, &column), ORB_EPARSE);
  assert_string_equal(message, "an entity declaration (<!ENTITY): a scenario file may not "
                               "declare entities");
  assert_int_equal(line, 3);
  assert_int_equal(column, 2);
  char path[64];
  temp_file(path, doc, strlen(doc));
  char args[128], expected[160];
  snprintf(args, sizeof args, "bargain %s", path);
  snprintf(expected, sizeof expected, "%s:3:2: error: an entity declaration", path);
  test_expect_orbit(args, 1, expected);
  remove(path);

  /* an external DTD that is never loaded leaves &who; unresolved */
  scenario_xml(doc, size + 4096, "<!DOCTYPE Scenario SYSTEM \"none.dtd\">\n", "&who;");
  assert_int_equal(xml(doc, &message, &line, &column), ORB_EPARSE);
  assert_string_equal(message, "<name> holds the entity reference &who;: entities are not "
                               "expanded (write the text itself)");
  assert_int_equal(line, 8);
  assert_int_equal(column, 8);

  /* predefined entities and character references are text */
  scenario_xml(doc, size + 4096, "", "A&amp;B &#x41;");
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  assert_int_equal(orb_bargain_read_xml_buffer("s.xml", doc, strlen(doc), &s, &diags), ORB_OK);
  assert_string_equal(s->actor_names[0], "A&B A");
  orb_bargain_scenario_free(s);
  orb_diags_free(&diags);

  /* a control character (a newline by reference) in a name */
  scenario_xml(doc, size + 4096, "", "A&#10;B");
  assert_int_equal(xml(doc, &message, &line, &column), ORB_EPARSE);
  assert_string_equal(message, "a control character in the actor <name> (expected printable text)");

  assert_int_equal(xml("<Scenario>\n  <name>x</nam>\n</Scenario>\n", &message, &line, &column),
                   ORB_EPARSE);
  assert_int_equal(line, 2);
  assert_true(column > 0);
  free(doctype);
  free(doc);
}

/* ---- coded events ------------------------------------------------------------------ */

/* One line of coded events is at most 1 MiB: a longer one is an error at its line,
 * and nothing is merged (the rest of the file is not silently dropped). */
static void test_events_line_limit(void **state) {
  (void)state;
  size_t big = (size_t)2 << 20;
  char *text = malloc(big + 256);
  int head = snprintf(text, 256, "{\"date\":\"2022-01-05\",\"source\":\"RUS\",\"target\":\"KAZ\","
                                 "\"type\":\"deploy\"}\n");
  memset(text + head, 'x', big);
  strcpy(text + head + big, "\n{}\n");
  char path[64];
  temp_file(path, text, strlen(text));
  free(text);
  orb_world *world = test_load_world(orb_world_default_path());
  orb_diags diags;
  orb_diags_init(&diags);
  orb_world *merged = NULL;
  orb_merge_stats stats;
  assert_int_equal(orb_world_merge_events_file(world, path, &merged, &stats, &diags), ORB_ELIMIT);
  assert_null(merged);
  const orb_diag *d = only_diag(&diags);
  assert_int_equal(d->line, 2);
  assert_int_equal(d->column, 1);
  assert_string_equal(d->message, "line of 2097152 bytes, over the 1 MiB limit for one coded event");
  orb_diags_free(&diags);
  orb_world_free(world);
  char args[128], expected[128];
  snprintf(args, sizeof args, "run --events %s", path);
  snprintf(expected, sizeof expected, "%s:2:1: error: line of 2097152 bytes", path);
  test_expect_orbit(args, 1, expected);
  remove(path);
}

/* ---- capabilities of a year --------------------------------------------------------- */

/* `--capability gdp_usd --year 1800` has no figure to take: an error, not a later
 * figure used silently. */
static void test_capability_year(void **state) {
  (void)state;
  static const char csv[] = "T,D,3,1\nActor,Desc,Power,P1,S1\nRUS,r,1,10,50\nKAZ,k,1,50,50\n"
                            "BLR,b,1,90,50\n";
  char path[64], args[160], expected[160];
  temp_file(path, csv, sizeof csv - 1);
  snprintf(args, sizeof args, "bargain %s --capability gdp_usd --year 1800", path);
  snprintf(expected, sizeof expected, "%s: error: RUS has no 'gdp_usd' for 1800 or earlier",
           path);
  test_expect_orbit(args, 1, expected);
  snprintf(args, sizeof args, "bargain %s --capability gdp_usd --year 2022", path);
  test_expect_orbit(args, 0, "Actors:   3, dimensions: 1");
  remove(path);
}

/* ---- installed data ------------------------------------------------------------------ */

/* One way to find the installed data: the environment variable, else the source
 * tree's copy (readable here), else the installed one. */
static void test_data_paths(void **state) {
  (void)state;
  const char *world = orb_world_default_path();
  const char *dicts = orb_dict_default_dir();
  size_t wl = strlen(world), dl = strlen(dicts);
  assert_true(wl > 22 && strcmp(world + wl - 22, "worlds/postsoviet.yaml") == 0);
  assert_true(dl > 11 && strcmp(dicts + dl - 11, "data/events") == 0);
  assert_int_equal(access(world, R_OK), 0);
  setenv("ORBIT_WORLD", "/elsewhere/w.yaml", 1);
  setenv("ORBIT_EVENTS_DIR", "/elsewhere/dicts", 1);
  assert_string_equal(orb_world_default_path(), "/elsewhere/w.yaml");
  assert_string_equal(orb_dict_default_dir(), "/elsewhere/dicts");
  unsetenv("ORBIT_WORLD");
  unsetenv("ORBIT_EVENTS_DIR");
  assert_string_equal(orb_world_default_path(), world);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_utf8_strict),      cmocka_unit_test(test_yaml_depth),
      cmocka_unit_test(test_numbers_decimal),
      cmocka_unit_test(test_reader_refusals),  cmocka_unit_test(test_reader_pipes),
      cmocka_unit_test(test_reader_command),   cmocka_unit_test(test_error_cap),
      cmocka_unit_test(test_text_check),   cmocka_unit_test(test_xml_entities),
      cmocka_unit_test(test_events_line_limit), cmocka_unit_test(test_capability_year),
      cmocka_unit_test(test_data_paths),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
