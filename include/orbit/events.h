/*
 * orbit/events.h: the event coder. Reads news text and turns it into dated,
 * coded political events (source actor, CAMEO code, target actor, model event
 * type), the job TABARI and PETRARCH do for GDELT-style event data.
 *
 * Two objects:
 * - orb_dict: the compiled dictionaries (actors, agents, verbs and their
 *   patterns, negation and modality markers, boilerplate), built from one or
 *   more dictionary files (docs/EVENTS.md gives the format). Immutable once
 *   loaded, so one dictionary can be shared by coders on several threads.
 * - orb_coder: the state of coding one stream of text (buffers, the article
 *   date, paragraphs already seen). Text is fed in chunks of any size; memory
 *   stays bounded whatever the length of the input.
 */
#ifndef ORBIT_EVENTS_H
#define ORBIT_EVENTS_H

#include "orbit/core.h"
#include "orbit/parse.h"
#include "orbit/world.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* ---- dictionaries ------------------------------------------------------------ */

typedef struct orb_dict orb_dict;

/* Creates an empty dictionary; the caller frees it with orb_dict_free(). */
orb_status orb_dict_new(orb_dict **dict);

/* Frees a dictionary; NULL is allowed. */
void orb_dict_free(orb_dict *dict);

/* Adds the entries of one dictionary file. Entries of a later file replace those
 * of earlier files for the same phrase. Problems are appended to diags as
 * FILE:LINE:COL messages and ORB_EPARSE (or ORB_EIO) is returned; the entries of
 * a file with errors are not kept. */
orb_status orb_dict_add_file(orb_dict *dict, const char *path, orb_diags *diags);

/* The same from a buffer of len bytes; name is used in diagnostics and rules. */
orb_status orb_dict_add_buffer(orb_dict *dict, const char *name, const char *data,
                               size_t len, orb_diags *diags);

/* Adds the built-in dictionaries (data/events/: the converted CAMEO/Phoenix files,
 * precision.dict, then orbit.dict) from orb_dict_default_dir(). */
orb_status orb_dict_add_default(orb_dict *dict, orb_diags *diags);

/* The folder of the built-in dictionaries: $ORBIT_EVENTS_DIR if set, else the
 * source tree's or the installed data/events. Points to static storage. */
const char *orb_dict_default_dir(void);

/* Adds the actors of world (orbit/world.h) as actor entries: each actor's name,
 * its `names:` aliases and adjectives and its text attributes `adjective` and
 * `alias` code its id, its capitals its id with role GOV (an organisation's
 * without a role); an organisation or bloc also its id as a phrase, marked as
 * an organisation. A leader's name and aliases code the actor with the
 * leader's role during the leader's terms and, on other dates, what the
 * dictionaries already said of the name (else no actor: PETRARCH's rule for
 * dated roles, docs/EVENTS.md "Dated roles: a date outside every role"). An
 * organisation with an `owner:` codes its owner with the owner's role instead
 * (docs/EVENTS.md, "Names, leaders and companies from a world"). The ids the
 * dictionaries gave those phrases before (other than ids of the world's
 * actors; not for territories) are renamed to the world's id in every entry, so
 * that one actor has one code. name (e.g. the world's path) names the entries
 * in diagnostics. An actor id that is not capitals, digits and _ is reported
 * in diags and ORB_EPARSE returned, nothing added. The world is not kept. */
orb_status orb_dict_add_world(orb_dict *dict, const orb_world *world, const char *name,
                              orb_diags *diags);

/* Number of entries (phrases with a meaning) loaded so far. */
size_t orb_dict_entry_count(const orb_dict *dict);

/* ---- coded events ------------------------------------------------------------ */

/* Where an event's date comes from. */
typedef enum orb_date_source {
  ORB_DATE_FROM_TEXT,    /* a date phrase of the sentence, resolved if relative */
  ORB_DATE_FROM_ARTICLE, /* the article date: the sentence has no usable date */
  ORB_DATE_UNKNOWN       /* neither: no article date was given */
} orb_date_source;

/* One coded event. Every pointer points into the coder or its dictionary and is
 * valid only during the sink call that receives the event. */
typedef struct orb_coded_event {
  const char *doc;          /* name of the input (file name or "-") */
  orb_date date;            /* ORB_DATE_NONE when date_source is UNKNOWN */
  orb_precision precision;
  orb_date_source date_source;
  const char *source;       /* actor id, e.g. "RUS", "CSTO" */
  const char *source_role;  /* agent code, e.g. "GOV", "MIL"; "" if none */
  const char *target;       /* actor id; "" for an event with no target */
  const char *target_role;
  char cameo[8];            /* CAMEO event code, e.g. "0874" */
  int type;                 /* an orb_event_type, or -1 if no model type fits */
  const char *sentence;     /* the sentence text (not NUL-terminated) */
  size_t sentence_len;
  uint64_t start, end;      /* byte offsets of the sentence in the input */
  const char *rule;         /* the dictionary entry that fired, "FILE:LINE" */
} orb_coded_event;

/* Receives each coded event; returning non-zero stops the coder (feed/finish then
 * return ORB_EINVAL). */
typedef int (*orb_event_sink)(const orb_coded_event *event, void *user);

/* Counters of one coder since it was created. */
typedef struct orb_coder_stats {
  uint64_t bytes;       /* bytes fed */
  uint64_t paragraphs;  /* non-empty lines */
  uint64_t boilerplate; /* lines skipped as boilerplate */
  uint64_t duplicates;  /* lines skipped as repeats within their article */
  uint64_t sentences;   /* sentences coded */
  uint64_t events;      /* events sent to the sink */
} orb_coder_stats;

typedef struct orb_coder orb_coder;

/* Creates a coder over dict (which must outlive it); the caller frees it with
 * orb_coder_free(). */
orb_status orb_coder_new(const orb_dict *dict, orb_coder **coder);

/* Frees a coder; NULL is allowed. */
void orb_coder_free(orb_coder *coder);

/* Gives the coder the syntactic layer (orbit/parse.h; model must outlive the
 * coder; NULL turns it off, the default). With it, each sentence that names an
 * actor and holds a dictionary verb is tagged, and a verb the tagger reads as
 * a noun or an adjective codes nothing ("peacekeeping forces", "decrees",
 * "pressure"). */
void orb_coder_set_parser(orb_coder *coder, const orb_parse_model *model);

/* Starts a new input named name (copied) whose article date is article_date
 * (ORB_DATE_NONE if unknown; a "Date: YYYY-MM-DD" line in the text sets it too).
 * Resets offsets, line numbers and the repeated-paragraph memory. */
orb_status orb_coder_begin(orb_coder *coder, const char *name, orb_date article_date);

/* Codes the next len bytes of the input, sending events to sink. Text must be
 * UTF-8 without NUL bytes: otherwise a NAME:LINE:COL message naming the byte
 * offset is appended to diags and ORB_EPARSE is returned (the coder must then be
 * restarted with orb_coder_begin). */
orb_status orb_coder_feed(orb_coder *coder, const char *data, size_t len,
                          orb_event_sink sink, void *user, orb_diags *diags);

/* Codes what is left of the input (a last line without newline). */
orb_status orb_coder_finish(orb_coder *coder, orb_event_sink sink, void *user,
                            orb_diags *diags);

/* Copies the coder's counters into stats. */
void orb_coder_stats_get(const orb_coder *coder, orb_coder_stats *stats);

/* Checks that the file at path is UTF-8 text without NUL bytes, reading it in
 * bounded memory. On failure appends "PATH:LINE:COL: ..." (with the byte offset)
 * to diags and returns ORB_EPARSE, or ORB_EIO if it cannot be read or is a
 * directory or a device. A pipe or FIFO is not read (it could not be read again
 * to be coded): the coder checks it as it streams. */
orb_status orb_text_check_file(const char *path, orb_diags *diags);

/* ---- coded events out and in ------------------------------------------------ */

/* Writes the header line of the CSV form (nothing for JSON Lines). ORB_EINVAL for
 * the text format, ORB_EIO when out reports an error. */
orb_status orb_coded_event_write_header(FILE *out, orb_format format);

/* Writes one coded event as a CSV row or a JSON Lines line, the form
 * orb_world_merge_events_file reads back (src/events/coded.c holds both).
 * ORB_EINVAL for the text format, ORB_ENOMEM, ORB_EIO when out reports an error. */
orb_status orb_coded_event_write(FILE *out, const orb_coded_event *event,
                                 orb_format format);

/* ---- into the model --------------------------------------------------------- */

/* Counts of orb_world_merge_events_file. */
typedef struct orb_merge_stats {
  size_t read;          /* non-empty lines */
  size_t added;         /* events added to the timeline */
  size_t duplicates;    /* same source, target and type within a day of a held event */
  size_t unknown_actor; /* source or target not an actor of the world */
  size_t untyped;       /* no model event type */
  size_t undated;       /* no date */
  size_t outside;       /* dated outside the world's span */
} orb_merge_stats;

/* Reads coded events (the JSON Lines of `orbit code --json`) from path and makes
 * *merged, a world whose timeline holds world's events plus the new ones, sorted
 * by date. An event is a duplicate, and is not added, when the world (or an
 * earlier line) holds one with the same source, target and type on a date no
 * more than a day apart (a date known to the month or year spans all of it).
 * Events naming actors the world lacks, without a model type or a date, or
 * outside the world's span are skipped and counted in stats. *merged owns only
 * its timeline: everything else points into world, which must outlive it unless
 * handed over with orb_world_adopt(*merged, world); free it with
 * orb_world_free(). A malformed line is reported as PATH:LINE and ORB_EPARSE
 * returned with *merged NULL. */
orb_status orb_world_merge_events_file(const orb_world *world, const char *path,
                                       orb_world **merged, orb_merge_stats *stats,
                                       orb_diags *diags);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
