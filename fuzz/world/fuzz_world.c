/*
 * fuzz_world.c: libFuzzer harness for the world loader. Any input must either load
 * (and free cleanly) or fail with at least one diagnostic and no world.
 */
#include <stdint.h>
#include <stdlib.h>

#include "orbit/world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_world_load_buffer("fuzz.yaml", (const char *)data, size, &world,
                                            &diags);
  if ((status == ORB_OK) != (world != NULL) || (status != ORB_OK && diags.count == 0))
    abort();
  if (world) {
    /* touch the queries too */
    for (size_t i = 0; i < world->institution_count; i++)
      for (size_t a = 0; a < world->actor_count; a++)
        (void)orb_membership_at(world, i, a, world->start);
    for (size_t t = 0; t < world->tie_count; t++) (void)orb_tie_at(&world->ties[t], world->end, NULL);
  }
  orb_world_free(world);
  orb_diags_free(&diags);
  return 0;
}
