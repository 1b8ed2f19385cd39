"""Read a YAML data file into PyYAML nodes, keeping line and column for every value.

We compose nodes instead of constructing Python objects so that validation can
say where each value stands, see duplicate keys (PyYAML's constructor silently
keeps the last one) and refuse anchors and aliases (the "billion laughs" bomb)
before anything is expanded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DataError

_BOM = b"\xef\xbb\xbf"
# libyaml's parser is an order of magnitude faster than the pure-Python one and gives the same
# nodes and marks; reading YAML dominated build time before (see bench/).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Loaded:
    node: yaml.MappingNode | None  # a SequenceNode when load_yaml(..., sequence=True)
    errors: list[DataError]
    text: str = ""  # the file's text, for checks that need the source line (a comment after a value)


def position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _tab_errors(name: str, text: str) -> list[DataError]:
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue  # a blank line with a stray tab is harmless
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            errors.append(DataError(name, number, indent.index("\t") + 1, "", "用空格缩进", "制表符（Tab）",
                                    "YAML 只允许空格缩进，请把 Tab 换成空格。"))
    return errors


def _structure_errors(name: str, root: yaml.Node) -> list[DataError]:
    """Duplicate keys inside one mapping, anywhere in the document."""
    errors: list[DataError] = []
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue
                sub = f"{path}.{key.value}" if path else key.value
                if key.value in seen:
                    line, column = position(key)
                    first_line, _ = position(seen[key.value])
                    errors.append(DataError(name, line, column, sub, "每个键只出现一次",
                                            f"重复的键 {key.value}（第{first_line}行已有）",
                                            "请删除或合并其中一个。"))
                else:
                    seen[key.value] = key
                stack.append((value, sub))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{path}[{index}]") for index, item in enumerate(node.value))
    return errors


def _reject_anchors(name: str, text: str) -> list[DataError]:
    """Anchors and aliases are never needed in our data and can expand exponentially ("billion laughs").

    Parsing events is linear and expands nothing; one message (at the first one) is enough.
    """
    if "&" not in text and "*" not in text:
        return []  # neither can be written without these characters: spare a second parse
    try:
        found = [e for e in yaml.parse(text, Loader=_LOADER) if getattr(e, "anchor", None) is not None]
    except yaml.YAMLError:
        return []  # the parser reports the syntax error itself
    if not found:
        return []
    first = found[0]
    kind = "别名 *" if isinstance(first, yaml.AliasEvent) else "锚点 &"
    more = f"文件中共有 {len(found)} 处锚点或别名；" if len(found) > 1 else ""
    return [DataError(name, first.start_mark.line + 1, first.start_mark.column + 1, "", "普通的值",
                      f"{kind}{first.anchor}", f"{more}数据文件不支持锚点和别名，请直接写出内容。")]


def _line_column(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def load_yaml(path: Path, name: str, sequence: bool = False) -> Loaded:
    """Return the root mapping (a list if `sequence`) of a data file, or the reasons it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return Loaded(None, [DataError(name, 0, 0, "", "可读取的文件", f"无法读取（{error.strerror}）")])
    if raw.startswith(_BOM):
        return Loaded(None, [DataError(name, 1, 1, "", "不带 BOM 的 UTF-8 文件", "字节顺序标记（BOM）",
                                       "请在编辑器中另存为“UTF-8（无 BOM）”。")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start: error.start].decode("utf-8", "replace")) + 1
        return Loaded(None, [DataError(name, line, column, "", "UTF-8 编码的文本",
                                       f"无法按 UTF-8 读取的字节 0x{raw[error.start]:02X}",
                                       "请在编辑器中另存为“UTF-8”（不要用 GBK/GB2312）。")])
    if not text.strip():
        return Loaded(None, [DataError(name, 0, 0, "", "YAML 数据", "空文件")])
    errors = _tab_errors(name, text)
    if errors:
        return Loaded(None, errors)
    errors = _reject_anchors(name, text)
    if errors:
        return Loaded(None, errors)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.reader.ReaderError as error:
        # A control character YAML does not allow, e.g. a NUL pasted from another program.
        # libyaml reports a byte offset: find the character ourselves.
        bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
        line, column = _line_column(text, bad.start()) if bad else (0, 0)
        return Loaded(None, [DataError(name, line, column, "", "可打印的文字",
                                       f"控制字符 U+{error.character:04X}" if isinstance(error.character, int)
                                       else "控制字符", "请删除这个看不见的字符。")])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return Loaded(None, [DataError(name, line, column, "", "合乎 YAML 语法的内容",
                                       f"语法错误（{getattr(error, 'problem', None) or error}）", "请检查缩进、冒号和引号。")])
    if root is None:
        return Loaded(None, [DataError(name, 0, 0, "", "YAML 数据", "空文件")])
    if sequence and not isinstance(root, yaml.SequenceNode):
        line, column = position(root)
        return Loaded(None, [DataError(name, line, column, "", "列表（每项以“- ”开头）", "映射或单个值")])
    if not sequence and not isinstance(root, yaml.MappingNode):
        line, column = position(root)
        return Loaded(None, [DataError(name, line, column, "", "以“键: 值”组成的映射", "列表或单个值")])
    errors = _structure_errors(name, root)
    return Loaded(None if errors else root, errors, text)
