"""Line breaking for mixed Chinese/Latin text measured with the sheet's fonts."""

from __future__ import annotations

from dingmi_desktop.export.fonts import FontSet, Role, is_invisible

# Characters that may not begin a line (行首禁则) and may not end one (行尾禁则).
NO_LINE_START = frozenset("，。、；：？！）》」』〕】’”,.;:?!)%·…—")
NO_LINE_END = frozenset("（《「『〔【‘“(")
_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_./@")
_MAX_WORD = 16  # Latin runs longer than this may break anywhere


def wrap(text: str, fonts: FontSet, role: Role, size: float, max_width: float) -> list[str]:
    """Break text into lines no wider than max_width. Hard line breaks are kept; every character
    ends up on some line (a single character wider than max_width gets a line of its own).

    Each character is measured with the font that will draw it (a fallback font for 𠮷 and other
    supplementary-plane ideographs, which are one `str` character each). Invisible characters (e.g. a
    variation selector) take no width and stay on the line of the character before them."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph, fonts, role, size, max_width))
    return lines


def _wrap_paragraph(text: str, fonts: FontSet, role: Role, size: float, max_width: float) -> list[str]:
    if not text:
        return [""]
    widths = fonts.char_widths(text, role, size)
    lines: list[str] = []
    start = 0
    n = len(text)
    while start < n:
        end = start
        used = 0.0
        while end < n and (end == start or used + widths[end] <= max_width):
            used += widths[end]
            end += 1
        if end < n:
            end = _adjust_break(text, start, end)
        lines.append(text[start:end])
        start = end
    return lines


def _adjust_break(text: str, start: int, end: int) -> int:
    """Move a break at `end` (text[start:end] fits) earlier so that lines obey 禁则 and keep short
    Latin words whole. Never returns a position <= start."""
    candidate = end
    # Keep a short Latin word or number whole.
    if text[candidate] in _WORD_CHARS and text[candidate - 1] in _WORD_CHARS:
        back = candidate
        while back > start and text[back - 1] in _WORD_CHARS and candidate - back < _MAX_WORD:
            back -= 1
        if back > start and text[back - 1] not in _WORD_CHARS:
            candidate = back
    # Do not start a line with closing punctuation, nor end one with opening punctuation.
    for _ in range(3):
        if candidate - 1 > start and (text[candidate] in NO_LINE_START or text[candidate - 1] in NO_LINE_END):
            candidate -= 1
        else:
            break
    # Keep a variation selector or joiner with the character it follows.
    while candidate - 1 > start and is_invisible(text[candidate]):
        candidate -= 1
    return candidate if candidate > start else end
