"""The Jinja environment a справка template is rendered with: a template is data, never code.

A letterhead template travels between akimats by e-mail, so it may only use what
resources/templates/README.md documents:

- names: the documented variables, the names its own `for` loops bind, and `loop`;
- no attribute that starts with "_", no method of anything (`s.title` reads a key, `s.items` is refused),
  no function call, no macro, `set`, `with`, `include`, `import` or `extends`;
- `for` loops only over the documented lists (`analytical`, `conclusions`, `publish`, `charts`, a
  section's `paragraphs`), at most three deep, so the work is bounded by the data;
- a short list of harmless filters; `*` never builds more than a few thousand characters, `**` and `%`
  are refused;
- everything the template writes (body, headers, footers, properties) together stays under
  MAX_OUTPUT_CHARS.

A template that breaks a rule raises TemplateRefused naming the tag; the caller turns it into a KcError
before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.filters import FILTERS
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.tests import TESTS

# The variables of resources/templates/README.md (kept in step with docx_builder.context()).
DOCUMENTED = frozenset({
    "lang", "quarter", "body_name", "title", "subtitle", "form_label", "appendix_title", "appendix_table",
    "signature_line", "signature_caption", "total", "analytical", "conclusions", "publish", "charts",
})
LISTS = frozenset({"analytical", "conclusions", "publish", "charts"})
NESTED_LISTS = frozenset({"paragraphs"})  # a section's paragraphs, reached through a loop variable
MAX_LOOP_DEPTH = 3
MAX_OUTPUT_CHARS = 32_000_000  # all parts together; the shipped templates write about 0.2 MB
MAX_REPEAT_CHARS = 10_000  # what `text * n` may build
SAFE_FILTERS = ("e", "escape", "upper", "lower", "title", "capitalize", "trim", "length", "count", "first",
                "last", "default", "d", "int", "round", "string", "join", "truncate", "wordcount", "striptags")
SAFE_TESTS = ("defined", "undefined", "none", "number", "string", "even", "odd", "divisibleby", "eq", "ne",
              "lt", "le", "gt", "ge", "==", "!=", "<", "<=", ">", ">=", "in", "true", "false")
LOOP_ATTRIBUTES = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length"})
ALLOWED_NODES = (
    nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Const,
    nodes.For, nodes.If, nodes.CondExpr, nodes.Filter, nodes.Test, nodes.Compare, nodes.Operand, nodes.And,
    nodes.Or, nodes.Not, nodes.Neg, nodes.Pos, nodes.Concat, nodes.Add, nodes.Sub, nodes.Mul, nodes.Div,
    nodes.FloorDiv, nodes.List, nodes.Tuple, nodes.Keyword, nodes.FilterBlock, nodes.Continue, nodes.Break,
    nodes.Slice,
)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


class TemplateRefused(Exception):
    """A template broke a rule: `tag` is the offending tag as written (shortened), `rule` a short code
    (unknown_name, attribute, construct, loop, too_large, syntax, runtime), `name` what it used."""

    def __init__(self, rule: str, name: str, tag: str = "") -> None:
        super().__init__(f"{rule}: {name} in {tag}")
        self.rule, self.name, self.tag = rule, name, tag


def _construct_name(node: nodes.Node) -> str:
    words = {"Call": "a function call", "Macro": "macro", "CallBlock": "call", "Assign": "set",
             "AssignBlock": "set", "With": "with", "Include": "include", "Import": "import",
             "FromImport": "import", "Extends": "extends", "Block": "block", "Pow": "**", "Mod": "%",
             "Dict": "a dict", "Scope": "with", "ExprStmt": "do"}
    return words.get(type(node).__name__, type(node).__name__)


def find_tag(source: str, lineno: int | None, token: str) -> str:
    """The first tag on the template's line `lineno` (docxtpl puts each paragraph on its line) that
    mentions `token`; else the first tag of that line; shortened for a one-line message."""
    lines = source.splitlines()
    candidates: list[str] = []
    if lineno is not None and 0 < lineno <= len(lines):
        candidates = _TAG.findall(lines[lineno - 1])
    if not any(token in tag for tag in candidates):
        candidates += _TAG.findall(source)
    tag = next((t for t in candidates if token and token in t), candidates[0] if candidates else "")
    tag = re.sub(r"<[^>]*>", "", tag)  # XML runs a word processor left inside the tag
    tag = " ".join(tag.split())
    return tag if len(tag) <= 80 else tag[:77] + "…"


class _Checker:
    """Walks the parsed template once, before anything is rendered."""

    def __init__(self, source: str) -> None:
        self.source = source

    def refuse(self, rule: str, name: str, node: nodes.Node, token: str | None = None) -> TemplateRefused:
        return TemplateRefused(rule, name, find_tag(self.source, getattr(node, "lineno", None),
                                                    name if token is None else token))

    def check(self, node: nodes.Node, bound: frozenset[str] = frozenset(), depth: int = 0) -> None:
        if not isinstance(node, ALLOWED_NODES):
            if isinstance(node, nodes.Call):  # name what is called when it is not a placeholder
                for child in node.iter_child_nodes():
                    self.check(child, bound, depth)
            name = _construct_name(node)
            raise self.refuse("construct", name, node, name.split()[-1])
        if isinstance(node, nodes.Name):
            if node.ctx == "load" and node.name not in DOCUMENTED and node.name not in bound and node.name != "loop":
                raise self.refuse("unknown_name", node.name, node)
            return
        if isinstance(node, nodes.Getattr | nodes.Getitem):  # the owner first: an unknown name says more
            self.check(node.node, bound, depth)
        if isinstance(node, nodes.Getattr):
            self._attribute(node.node, node.attr, node)
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            self._attribute(node.node, node.arg.value, node)
        if isinstance(node, nodes.Filter) and node.name not in SAFE_FILTERS:
            raise self.refuse("construct", node.name, node)
        if isinstance(node, nodes.Test) and node.name not in SAFE_TESTS:
            raise self.refuse("construct", node.name, node)
        if isinstance(node, nodes.FilterBlock) and node.filter.name not in SAFE_FILTERS:
            raise self.refuse("construct", node.filter.name, node)
        if isinstance(node, nodes.For):
            self._loop(node, bound, depth)
            return
        for child in node.iter_child_nodes():
            self.check(child, bound, depth)

    def _attribute(self, owner: nodes.Node, attr: str, node: nodes.Node) -> None:
        if attr.startswith("_"):
            raise self.refuse("attribute", attr, node)
        if isinstance(owner, nodes.Name) and owner.name == "loop" and attr not in LOOP_ATTRIBUTES:
            raise self.refuse("attribute", f"loop.{attr}", node, attr)

    def _loop(self, node: nodes.For, bound: frozenset[str], depth: int) -> None:
        if depth >= MAX_LOOP_DEPTH:
            raise self.refuse("loop", "for", node)
        if not self._documented_list(node.iter, bound):
            raise self.refuse("loop", _describe(node.iter), node, _first_name(node.iter) or "for")
        targets = [node.target, *node.target.find_all(nodes.Name)]
        names = frozenset(n.name for n in targets if isinstance(n, nodes.Name))
        self.check(node.iter, bound, depth)
        inner = bound | names
        for child in node.body:
            self.check(child, inner, depth + 1)
        for child in node.else_:
            self.check(child, bound, depth)
        if node.test is not None:
            self.check(node.test, inner, depth + 1)

    def _documented_list(self, expr: nodes.Node, bound: frozenset[str]) -> bool:
        if isinstance(expr, nodes.Name):
            return expr.name in LISTS
        if isinstance(expr, nodes.Getattr):
            return (expr.attr in NESTED_LISTS and isinstance(expr.node, nodes.Name)
                    and expr.node.name in bound)
        if isinstance(expr, nodes.Getitem) and isinstance(expr.arg, nodes.Const):
            return (expr.arg.value in NESTED_LISTS and isinstance(expr.node, nodes.Name)
                    and expr.node.name in bound)
        return False


def _first_name(expr: nodes.Node) -> str:
    found = next(iter(expr.find_all(nodes.Name)), None)
    return found.name if found is not None else ""


def _describe(expr: nodes.Node) -> str:
    name = _first_name(expr)
    return f"for over {name}" if name else "for"


class _BoundedTemplateMixin:
    """Renders chunk by chunk and stops when the environment's output budget is spent."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        env: TemplateSandbox = self.environment  # type: ignore[attr-defined]
        ctx = self.new_context(dict(*args, **kwargs))  # type: ignore[attr-defined]
        parts: list[str] = []
        try:
            for chunk in self.root_render_func(ctx):  # type: ignore[attr-defined]
                env.spend(len(chunk))
                parts.append(chunk)
        except TemplateRefused:
            raise
        except Exception:
            env.handle_exception()
        return env.concat(parts)  # type: ignore[attr-defined,unused-ignore]


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Sandboxed and stricter: only documented names, bounded loops and output (see the module doc)."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, autoescape: bool = True, max_output: int = MAX_OUTPUT_CHARS) -> None:
        super().__init__(autoescape=autoescape, undefined=StrictUndefined)
        self.globals.clear()
        self.filters = {name: FILTERS[name] for name in SAFE_FILTERS}
        self.tests = {name: TESTS[name] for name in SAFE_TESTS if name in TESTS}
        self.max_output = max_output
        self.written = 0
        self.source = ""
        from jinja2.environment import Template

        self.template_class = type("BoundedTemplate", (_BoundedTemplateMixin, Template), {})

    def spend(self, chars: int) -> None:
        self.written += chars
        if self.written > self.max_output:
            raise TemplateRefused("too_large", "output", find_tag(self.source, None, ""))

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:  # noqa: A002
        if isinstance(source, str):
            self.source = source
            tree = self.parse(source)  # a syntax error propagates (TemplateSyntaxError, with lineno)
            _Checker(source).check(tree)
            source = tree
        return super().from_string(source, globals, template_class)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, LoopContext) and attr in LOOP_ATTRIBUTES

    def is_safe_callable(self, obj: Any) -> bool:
        return False

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            count = right if isinstance(right, int) else left if isinstance(left, int) else None
            other = left if count is right else right
            if count is not None and isinstance(other, str | list | tuple) and count * len(other) > MAX_REPEAT_CHARS:
                raise TemplateRefused("too_large", "*", find_tag(self.source, None, "*"))
            return left * right
        raise TemplateRefused("construct", operator, find_tag(self.source, None, operator))


def tags(source: str) -> Iterator[str]:
    """Every Jinja tag in a template part, as written (for messages and tests)."""
    yield from _TAG.findall(source)
