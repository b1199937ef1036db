"""Strict YAML reading: duplicate keys rejected, YAML 1.2 booleans, line numbers kept."""

import re

import yaml

from .problems import Problem

BOOL_TAG = "tag:yaml.org,2002:bool"
# libyaml's C parser when PyYAML was built with it (about 4x faster); same nodes, marks and errors.
BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        """The line a key was written on, or the mapping's own line."""
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that remembers its own line and the line of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        """The line item `index` was written on."""
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class StrictLoader(BaseLoader):
    """SafeLoader that records problems instead of silently keeping the last duplicate key."""

    def __init__(self, stream: str, *, path: str, line_offset: int) -> None:
        super().__init__(stream)
        self.content_path = path
        self.content_line_offset = line_offset
        self.problems: list[Problem] = []

    def line_at(self, node: yaml.Node) -> int:
        """1-based line of a node in the file (front matter offset included)."""
        return node.start_mark.line + 1 + self.content_line_offset


# YAML 1.1 turns yes/no/on/off into booleans; only true/false are booleans here.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_map(loader: StrictLoader, node: yaml.MappingNode):
    data = LineDict()
    data.line, data.key_lines = loader.line_at(node), {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = loader.line_at(key_node)
        if not isinstance(key, str):
            loader.problems.append(
                Problem(path=loader.content_path, line=line, message=f"key {key!r} must be text")
            )
            continue
        if key in data:
            first = data.key_lines[key]
            loader.problems.append(
                Problem(
                    path=loader.content_path,
                    line=line,
                    message=f"duplicate key '{key}' (first given on line {first})",
                )
            )
            continue
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line


def _construct_seq(loader: StrictLoader, node: yaml.SequenceNode):
    data = LineList()
    data.line = loader.line_at(node)
    data.item_lines = [loader.line_at(item) for item in node.value]
    yield data
    data.extend(loader.construct_object(item, deep=True) for item in node.value)


StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def parse_yaml(text: str, *, path: str, line_offset: int = 0) -> tuple[object, list[Problem]]:
    """Parse one YAML document; return its data (None on a syntax error) and the problems."""
    loader = StrictLoader(text, path=path, line_offset=line_offset)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        reason = exc.problem or exc.context or "invalid YAML"
        return None, [*loader.problems, Problem(path=path, line=line, message=f"YAML: {reason}")]
    except yaml.YAMLError as exc:
        return None, [*loader.problems, Problem(path=path, line=1 + line_offset, message=str(exc))]
    finally:
        loader.dispose()
    return data, loader.problems
