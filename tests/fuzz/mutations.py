"""Seeded mutations of valid inputs: what a broken disk, a careless script or an attacker makes.

Every mutation is a function ``(data, rng) -> data`` on the bytes of one file. Byte mutations
apply to any file; structural ones parse the file (JSON, JSON lines, YAML), change one value deep
inside, and write it back, so that the result still reaches the importer's own checks rather than
failing at the first byte. The same seed always gives the same case.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.fuzz.seeds import Files

Mutation = Callable[[bytes, random.Random], bytes]

DEEP = 100_000
"""Levels of nesting of the deep-nesting mutation (PyYAML's C composer crashed at ~50,000)."""

_INVALID_UTF8 = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xc0\xaf"]
_ODD_TEXT = ["²", "٣", "\u2028", "\x00", "\r", "\t", "\ufeff", "\u202e", "🇮🇶", " ", "\n", '"', "{",
             "[", ":", ",", "\\", "#", "*a", "&a ", "!!binary ", "- ", "}", "]", "\\ud800"]  # fmt: skip
_ODD_TOKENS = ["B-XYZ", "I-PER", "E-GPE", "²", "٣", "-1", "7" * 5000, "T999", "E1", "0", "1e999",
               "Conflict_Attack:T9", "Weather:T2", "mention_level", "XXX", "\t", "B-", "O O O",
               "99999999999999999999"]  # fmt: skip
_WRONG_TYPES: list[Any] = [None, True, 0, -1, 1.5, "", "x", [], {}, [[1]], {"a": 1}, "\ud800",
                           10**4000]  # fmt: skip
_ODD_NUMBERS: list[Any] = [-1, 0, 1, 10**6, 2**63, 10**30, 10**4000, -(2**31), 3.5, True]
_SURROGATES = ["\ud800", "\udc00", "\udfff", "\ud83d"]


@dataclass(frozen=True)
class Mutated:
    files: Files
    mutation: str
    """What was done, for the report of a failure."""
    in_child: bool
    """The case may crash the interpreter (deep YAML): run it in a child process."""


def mutate(files: Files, rng: random.Random) -> Mutated:
    """One to three mutations of the seed's files (most often of its main file)."""
    files = dict(files)
    names: list[str] = []
    in_child = False
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        name = _target(files, rng)
        mutations = _mutations_for(name)
        mutation_name, mutation = rng.choice(mutations)
        files[name] = mutation(files[name], rng)
        names.append(f"{mutation_name}({name})")
        in_child |= mutation_name == "deep_nesting" and name.endswith(".yaml")
    return Mutated(files, " + ".join(names), in_child)


def _target(files: Files, rng: random.Random) -> str:
    names = sorted(files)
    weights = [1 if name.endswith(".txt") and len(names) > 1 else 3 for name in names]
    return rng.choices(names, weights)[0]


def _mutations_for(name: str) -> list[tuple[str, Mutation]]:
    common = list(BYTE_MUTATIONS.items())
    if name.endswith((".json", ".jsonl")):
        return common + list(JSON_MUTATIONS.items()) * 2
    if name.endswith(".yaml"):
        return common + list(YAML_MUTATIONS.items()) * 2
    return common + list(TOKEN_MUTATIONS.items()) * 2


# ---- bytes


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def invalid_utf8(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(_INVALID_UTF8) + data[at:]


def odd_characters(data: bytes, rng: random.Random) -> bytes:
    at = _char_boundary(data, rng.randrange(len(data) + 1))
    return data[:at] + rng.choice(_ODD_TEXT).encode("utf-8") + data[at:]


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    index = rng.randrange(len(lines))
    action = rng.choice(["duplicate", "delete", "swap"])
    if action == "duplicate":
        lines.insert(index, lines[index])
    elif action == "delete":
        del lines[index]
    else:
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    return b"\n".join(lines)


def odd_number(data: bytes, rng: random.Random) -> bytes:
    """A run of digits replaced by a huge, negative or non-ASCII number."""
    runs = [i for i in range(len(data)) if data[i : i + 1].isdigit() and not data[i - 1 : i].isdigit()]
    if not runs:
        return odd_characters(data, rng)
    start = rng.choice(runs)
    end = start
    while data[end : end + 1].isdigit():
        end += 1
    number = rng.choice(["7" * 5000, "-1", "99999999999999999999", "²", "٣", "1e999", "0", "4.5"])
    return data[:start] + number.encode() + data[end:]


BYTE_MUTATIONS: dict[str, Mutation] = {
    "flip_bytes": flip_bytes,
    "truncate": truncate,
    "invalid_utf8": invalid_utf8,
    "odd_characters": odd_characters,
    "shuffle_lines": shuffle_lines,
    "odd_number": odd_number,
}


def _char_boundary(data: bytes, at: int) -> int:
    while 0 < at < len(data) and data[at] & 0xC0 == 0x80:
        at -= 1
    return at


# ---- tokens (CoNLL, brat, plain text)


def odd_token(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "surrogateescape")
    tokens = text.split(" ")
    index = rng.randrange(len(tokens))
    tokens[index] = rng.choice(_ODD_TOKENS)
    return " ".join(tokens).encode("utf-8", "surrogateescape")


def swap_tokens(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "surrogateescape")
    tokens = text.split(" ")
    first, second = rng.randrange(len(tokens)), rng.randrange(len(tokens))
    tokens[first], tokens[second] = tokens[second], tokens[first]
    return " ".join(tokens).encode("utf-8", "surrogateescape")


TOKEN_MUTATIONS: dict[str, Mutation] = {"odd_token": odd_token, "swap_tokens": swap_tokens}


# ---- JSON and JSON lines: one value deep inside changed


def _json_mutation(change: Callable[[Any, random.Random], Any], *, in_objects: bool = False) -> Mutation:
    """A mutation changing one value of the JSON (with ``in_objects``, one held by a key)."""

    def mutation(data: bytes, rng: random.Random) -> bytes:
        try:
            text = data.decode("utf-8")
            documents = [json.loads(text)]
            lines = False
        except (ValueError, RecursionError):
            try:
                documents = [json.loads(line) for line in data.decode("utf-8").split("\n") if line.strip()]
                lines = True
            except (ValueError, RecursionError):
                return flip_bytes(data, rng)  # already broken: break it further
        if not documents:
            return flip_bytes(data, rng)
        index = rng.randrange(len(documents))
        documents[index] = _change_somewhere(documents[index], rng, change, in_objects=in_objects)
        rendered = [_render_json(document) for document in documents]
        return ("\n".join(rendered) + "\n" if lines else rendered[0]).encode()

    return mutation


def _change_somewhere(
    document: Any, rng: random.Random, change: Callable[[Any, random.Random], Any], *,
    in_objects: bool = False,
) -> Any:  # fmt: skip
    """``document`` with one value (the whole, or one inside, chosen at random) changed."""
    holders = [(h, k) for h, k in _holders(document) if isinstance(h, dict) or not in_objects]
    if not holders or rng.random() < 0.05:
        return change(document, rng)
    holder, key = rng.choice(holders)
    holder[key] = change(holder[key], rng)
    return document


def _holders(document: Any) -> list[tuple[Any, Any]]:
    """(container, key) of the values inside ``document``; each container once (YAML aliases
    share them), at most 20,000."""
    found: list[tuple[Any, Any]] = []
    pending, seen = [document], set()
    while pending and len(found) < 20_000:
        value = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in items:
            found.append((value, key))
            pending.append(child)
    return found


_DEEP_MARK = "fuzz-deep-nesting-here"
_DEEP_TEXT = "[" * DEEP + "]" * DEEP


def _render_json(document: Any) -> str:
    """JSON with ASCII escapes (so lone surrogates survive as ``\\udXXX``), the deep mark
    replaced by ``DEEP`` nested lists (which json.dumps cannot write)."""
    return json.dumps(document, ensure_ascii=True).replace(json.dumps(_DEEP_MARK), _DEEP_TEXT)


def _wrong_type(value: Any, rng: random.Random) -> Any:
    return rng.choice(_WRONG_TYPES)


def _odd_number(value: Any, rng: random.Random) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return rng.choice([*_ODD_NUMBERS, value + 1, value - 1, -value])
    return rng.choice(_ODD_NUMBERS)


def _surrogate(value: Any, rng: random.Random) -> Any:
    if isinstance(value, str):
        at = rng.randrange(len(value) + 1)
        return value[:at] + rng.choice(_SURROGATES) + value[at:]
    if isinstance(value, dict) and value:
        key = rng.choice(list(value))
        return {**{k: v for k, v in value.items() if k != key}, key + rng.choice(_SURROGATES): value[key]}
    return rng.choice(_SURROGATES)


def _deep(value: Any, rng: random.Random) -> Any:
    return _DEEP_MARK


def _drop_or_add_key(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict) and value and rng.random() < 0.6:
        key = rng.choice(list(value))
        return {k: v for k, v in value.items() if k != key}
    if isinstance(value, dict):
        return {**value, rng.choice(["zzz", "id", "label", "role", "annotator"]): rng.choice(_WRONG_TYPES)}
    return value


def _duplicate_item(value: Any, rng: random.Random) -> Any:
    if isinstance(value, list) and value:
        return [*value, rng.choice(value)]
    return value


def _odd_string(value: Any, rng: random.Random) -> Any:
    return rng.choice(["", " ", "Weather", "PER", "EVENT:Conflict.Attack", "t1", "e1", "e2", "gold",
                       "Conflict.Attack", "B-PER", "x" * 10_000, "\u202e", "NaN"])  # fmt: skip


JSON_MUTATIONS: dict[str, Mutation] = {
    "wrong_type": _json_mutation(_wrong_type),
    "wrong_type_in_object": _json_mutation(_wrong_type, in_objects=True),
    "odd_number": _json_mutation(_odd_number),
    "surrogate": _json_mutation(_surrogate),
    "deep_nesting": _json_mutation(_deep),
    "drop_or_add_key": _json_mutation(_drop_or_add_key),
    "duplicate_item": _json_mutation(_duplicate_item),
    "odd_string": _json_mutation(_odd_string),
}


# ---- YAML (schema files)


def _yaml_mutation(change: Callable[[Any, random.Random], Any]) -> Mutation:
    def mutation(data: bytes, rng: random.Random) -> bytes:
        import yaml

        try:
            document = yaml.safe_load(data.decode("utf-8"))
        except (ValueError, RecursionError, yaml.YAMLError):
            return flip_bytes(data, rng)  # already broken: break it further
        changed = _change_somewhere(document, rng, change)
        text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False, width=10**6)
        return text.replace(_DEEP_MARK, _DEEP_TEXT).encode("utf-8", "surrogatepass")

    return mutation


def alias_bomb(data: bytes, rng: random.Random) -> bytes:
    """The schema with a 9**levels alias expansion in its span policy."""
    levels = rng.randint(4, 9)
    lines = ["  role_templates:", '    a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, levels):
        lines.append(f"    a{level}: &a{level} [{','.join([f'*a{level - 1}'] * 9)}]")
    lines.append(f"  span_policy: {{x: *a{levels - 1}}}")
    text = data.decode("utf-8", "surrogateescape")
    head, found, tail = text.partition("\nschema:\n")
    if not found:
        return data + "\n".join(lines).encode()
    return (head + found + "\n".join(lines) + "\n" + tail).encode("utf-8", "surrogateescape")


YAML_MUTATIONS: dict[str, Mutation] = {
    "wrong_type": _yaml_mutation(_wrong_type),
    "odd_number": _yaml_mutation(_odd_number),
    "deep_nesting": _yaml_mutation(_deep),
    "drop_or_add_key": _yaml_mutation(_drop_or_add_key),
    "duplicate_item": _yaml_mutation(_duplicate_item),
    "odd_string": _yaml_mutation(_odd_string),
    "alias_bomb": alias_bomb,
}
