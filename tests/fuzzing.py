"""One knob for every property-based fuzzer: how many examples each property tries.

`make test` runs a bounded number (FUZZ_EXAMPLES unset); `make fuzz` sets FUZZ_EXAMPLES=10000 and
prints Hypothesis' statistics, which say how many examples each property tried and how they ended.
A failure the long run finds becomes an @example(...) regression case next to its property.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# The bounded run of `make test`: enough to keep each property honest in a few seconds.
BOUNDED = 40


def fuzz_settings(bounded: int = BOUNDED) -> settings:
    """Settings for one property: `bounded` examples in `make test`, FUZZ_EXAMPLES in `make fuzz`."""
    examples = int(os.environ.get("FUZZ_EXAMPLES") or bounded)
    return settings(max_examples=examples, deadline=None, derandomize=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture,
                                           HealthCheck.large_base_example])
