/*
 * orbit/orbit.h: the whole public API of orbit, one header per module.
 * Every public name starts with orb_. See docs/ for the model and file formats.
 */
#ifndef ORBIT_ORBIT_H
#define ORBIT_ORBIT_H

#include "orbit/core.h"
#include "orbit/world.h"
#include "orbit/stance.h"
#include "orbit/record.h"
#include "orbit/events.h"
#include "orbit/align.h"
#include "orbit/bargain.h"
#include "orbit/dynamics.h"
#include "orbit/session.h"
#include "orbit/report.h"
#include "orbit/output.h"
#include "orbit/parse.h"

#endif
