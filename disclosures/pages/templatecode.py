"""Compiled templates kept for the life of the process, so a preview's rebuild does not compile them again.

`mkdocs serve` makes a new Jinja environment for the theme at every rebuild, and the build makes a new one for
our own templates: every rebuild parsed and compiled Material's templates and ours afresh (about 0.5 s of a
one-notice preview at 1,000 notices). Jinja's own bytecode cache (BytecodeCache) answers that: an
environment hands it each template's name, path and source, and Jinja itself uses a stored code only when
the source's checksum is the one it was compiled from (Bucket.load_bytecode), so an edited template is
compiled again.

Jinja's key does not tell environments apart, and two may compile the same file differently (ours escapes
and trims blocks, the theme's does neither; the theme's has the i18n extension). So codes are kept by the
settings that shape compiled code as well: an environment meets only codes compiled under the same ones.
"""

from __future__ import annotations

from collections.abc import Hashable

import jinja2
from jinja2.bccache import Bucket


def compile_settings(env: jinja2.Environment) -> tuple[Hashable, ...]:
    """What of an environment shapes the code Jinja compiles a template to: its syntax, whitespace rules,
    extensions, escaping and finalize, the compiler's policies, and the names of its filters and tests (a
    template naming one it lacks fails to compile). A callable (autoescape by name, finalize) is kept as the
    object itself: only environments given that very function share codes."""
    return (
        type(env), env.code_generator_class,
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        tuple(sorted(env.extensions)), env.optimized, env.is_async, env.autoescape, env.finalize,
        tuple(sorted((name, repr(value)) for name, value in env.policies.items())),
        tuple(sorted(env.filters)), tuple(sorted(env.tests)),
        getattr(env, "newstyle_gettext", None),  # set by the i18n extension; its {% trans %} compiles by it
    )


class ProcessCode(jinja2.BytecodeCache):
    """Each template's compiled code in memory, by its environment's compile settings and Jinja's key (its
    name and path); Jinja compares the source's checksum before it uses one."""

    def __init__(self) -> None:
        self._codes: dict[tuple[Hashable, ...], bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        stored = self._codes.get(self._key(bucket))
        if stored is not None:
            bucket.bytecode_from_string(stored)  # checks the checksum: another source leaves the bucket empty

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._codes[self._key(bucket)] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._codes.clear()

    @staticmethod
    def _key(bucket: Bucket) -> tuple[Hashable, ...]:
        return (*compile_settings(bucket.environment), bucket.key)


PROCESS_CODE = ProcessCode()


def keep_compiled(env: jinja2.Environment) -> jinja2.Environment:
    """env, keeping its compiled templates for the rest of the process (and using those kept before)."""
    env.bytecode_cache = PROCESS_CODE
    return env
