"""The course is loaded as a worker starts, with libyaml's C parser where it is installed."""

import importlib

import yaml

from courses.catalog import get_course
from courses.content.yamlio import StrictLoader, parse_yaml


def test_the_wsgi_module_loads_the_course_when_the_worker_starts():
    get_course.cache_clear()
    import config.wsgi

    importlib.reload(config.wsgi)
    assert get_course.cache_info().currsize == 1


def test_libyaml_parses_content_when_present():
    if yaml.__with_libyaml__:
        assert issubclass(StrictLoader, yaml.CSafeLoader)


def test_the_c_parser_keeps_lines_duplicates_and_yaml_12_booleans():
    data, problems = parse_yaml("a: 1\nb: no\na: 2\n", path="x.yaml", line_offset=3)
    assert data == {"a": 1, "b": "no"}
    assert [(p.line, p.message) for p in problems] == [
        (6, "duplicate key 'a' (first given on line 4)")
    ]
    _, broken = parse_yaml("a: [1\n", path="x.yaml")
    assert broken[0].path == "x.yaml" and broken[0].line == 2
