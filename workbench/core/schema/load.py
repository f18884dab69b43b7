"""Loading a schema: the built-in ones by name, a YAML or JSON file, UTF-8 and size checks, and
messages that name the file, the line and the place in the document.

A message is a ``Problem`` of the place (``_PLACES``) with the problem a ``Problem`` of its own,
so that a window says it in its own language; what PyYAML and ``json`` say of a file's syntax
stays their English, a value of the problem."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # PyYAML is imported where files are parsed: the command line starts faster
    import yaml

from workbench.core.errors import Problem, SchemaError
from workbench.core.nested_data import (
    NestedDataError,
    parse_json,
    safe_yaml_loader,
    size_problem,
    yaml_size_problem,
)
from workbench.core.schema.checks import _fail, _Invalid, _path_text, _PathSteps
from workbench.core.schema.model import Schema
from workbench.core.schema.relation_blocks import with_relation_blocks
from workbench.core.schema.validate import _build_schema
from workbench.paths import resources_dir

BUILTIN_SCHEMAS = ("conflict-news", "generic", "wojood", "ace2005")
DEFAULT_SCHEMA = "conflict-news"


def load_schema(path: Path | str) -> Schema:
    """The schema in the YAML or JSON file at ``path``; ``SchemaError`` when it is not valid."""
    path = Path(path)
    return _schema_from_text(_read_utf8(path), str(path), is_json=path.suffix.lower() == ".json")


def builtin_schema(name: str) -> Schema:
    """One of ``BUILTIN_SCHEMAS``, from ``resources/schemas/<name>.yaml``."""
    if name not in BUILTIN_SCHEMAS:
        problem = Problem(
            "there is no built-in schema {name!r}; the built-in schemas are {names}", name=name, names=_BUILTIN_NAMES
        )
        raise SchemaError(problem)
    return load_schema(resources_dir() / "schemas" / f"{name}.yaml")


def resolve_schema(name_or_path: str) -> Schema:
    """A built-in schema by name, else the schema file at that path."""
    if name_or_path in BUILTIN_SCHEMAS:
        return builtin_schema(name_or_path)
    path = Path(name_or_path)
    if not path.is_file():
        problem = Problem(
            "{name!r} is neither a built-in schema nor a schema file; the built-in schemas are {names}",
            name=name_or_path,
            names=_BUILTIN_NAMES,
        )
        raise SchemaError(problem)
    return load_schema(path)


_BUILTIN_NAMES = ", ".join(BUILTIN_SCHEMAS)


def _read_utf8(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise SchemaError(Problem("{path}: cannot read the schema file: {reason}", path=path, reason=reason)) from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = Problem(
            "the file is not UTF-8: the byte 0x{byte:02x} at offset {offset} cannot be decoded; save the file as UTF-8",
            byte=data[error.start],
            offset=error.start,
        )
        raise SchemaError(_message(path, line, (), problem)) from None


def _schema_from_text(text: str, source: str, *, is_json: bool) -> Schema:
    root: yaml.Node | None = None
    try:
        if is_json:
            document = _parse_json(text, source)
        else:
            document, root = _parse_yaml(text, source)
        return with_relation_blocks(_build_schema(document), document)
    except _Invalid as invalid:
        line = _line_of(root, invalid.path) if root is not None else None
        raise SchemaError(_message(source, line, invalid.path, invalid.problem)) from None


def _message(source: str | Path, line: int | None, path: _PathSteps, problem: Problem) -> Problem:
    """``problem`` at its place: the file, the line when known, the place in the document when
    not the whole of it."""
    where = _path_text(path)
    return Problem(_PLACES[line is not None, bool(path)], source=source, line=line, path=where, problem=problem)


_PLACES = {
    (False, False): "{source}: {problem}",
    (True, False): "{source}, line {line}: {problem}",
    (False, True): "{source}, {path}: {problem}",
    (True, True): "{source}, line {line}, {path}: {problem}",
}
"""The templates of a message by whether it names a line and a place in the document."""
_AT_COLUMN = "{source}, line {line}, column {column}: {problem}"


def _parse_json(text: str, source: str) -> Any:
    try:
        document = parse_json(text, object_pairs_hook=_json_object)
    except NestedDataError as error:
        problem = Problem("invalid JSON: {syntax}", syntax=error.syntax) if error.syntax else error.problem
        raise SchemaError(_at_column(source, error.line, error.column, problem)) from None
    too_big = size_problem(document)
    if too_big:
        raise SchemaError(_message(source, None, (), too_big))
    return document


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            _fail((), Problem("the key {key!r} appears twice in one object", key=key))
        result[key] = value
    return result


def _parse_yaml(text: str, source: str) -> tuple[Any, yaml.Node | None]:
    import yaml

    """The document and its node tree; the nodes know the line each value came from."""
    loader = safe_yaml_loader()(text)
    try:
        too_big = yaml_size_problem(yaml.parse(text, Loader=safe_yaml_loader()))
        if too_big is not None:
            raise SchemaError(_at_column(source, too_big.line, too_big.column, too_big.problem))
        root = loader.get_single_node()
        if root is None:
            return None, None
        duplicate = _duplicate_key(root)
        if duplicate is not None:
            problem = Problem("the key {key!r} appears twice", key=duplicate[-1])
            raise SchemaError(_message(source, _line_of(root, duplicate), duplicate, problem))
        return loader.construct_document(root), root
    except yaml.MarkedYAMLError as error:
        raise SchemaError(_yaml_syntax_message(source, error)) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        # libyaml gives the code point, the pure-Python reader the character.
        code = error.character if isinstance(error.character, int) else ord(error.character)
        problem = Problem("invalid YAML: the character U+{code:04X} is not allowed in a YAML file", code=code)
        raise SchemaError(_message(source, line, (), problem)) from None
    except yaml.YAMLError as error:
        problem = Problem("invalid YAML: {problem}", problem=" ".join(str(error).split()))
        raise SchemaError(_message(source, None, (), problem)) from None
    finally:
        loader.dispose()


def _at_column(source: str, line: int, column: int, problem: Problem) -> Problem:
    return Problem(_AT_COLUMN, source=source, line=line, column=column, problem=problem)


def _yaml_syntax_message(source: str, error: yaml.MarkedYAMLError) -> Problem:
    """PyYAML's words for what is wrong (and for what it was reading, when that began on another
    line) in the schema's message."""
    mark = error.problem_mark or error.context_mark
    what = error.problem or Problem("cannot be read")
    context = error.context_mark
    if error.context and context is not None and mark is not None and context.line != mark.line:
        problem = Problem(
            "invalid YAML: {problem} ({context} at line {line})",
            problem=what,
            context=error.context,
            line=context.line + 1,
        )
    else:
        problem = Problem("invalid YAML: {problem}", problem=what)
    if mark is None:
        return _message(source, None, (), problem)
    return _at_column(source, mark.line + 1, mark.column + 1, problem)


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _duplicate_key(root: yaml.Node) -> _PathSteps | None:
    """The path of a key given twice in one mapping, which PyYAML would silently let win.

    Checked on the nodes before construction, where a merge key (``<<: *base``) is still apart
    from the keys that override it.
    """
    import yaml

    seen: set[int] = set()
    pending: list[tuple[yaml.Node, _PathSteps]] = [(root, ())]
    while pending:
        node, path = pending.pop()
        if id(node) in seen:  # an alias: already checked, and YAML allows cycles
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            pending.extend((item, (*path, index)) for index, item in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != _MERGE_TAG:
                    if key.value in keys:
                        return (*path, key.value)
                    keys.add(key.value)
                    pending.append((value, (*path, key.value)))
    return None


def _line_of(root: yaml.Node, path: _PathSteps) -> int:
    """The line of the deepest node on ``path``: the key's line for a mapping entry."""
    node = root
    line = root.start_mark.line + 1
    for step in path:
        found = _child(node, step)
        if found is None:
            break
        marker, node = found
        line = marker.start_mark.line + 1
    return line


def _child(node: yaml.Node, step: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    import yaml

    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        # The last equal key wins in PyYAML (a merge key's entries come first).
        for key, value in reversed(node.value):
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                return key, value
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        item = node.value[step]
        return item, item
    return None
