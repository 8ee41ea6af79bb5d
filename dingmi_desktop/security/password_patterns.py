"""Guessable parts of a password: common words (the bundled offline list), repeats, sequences, keyboard
walks, years and dates.

Each finder marks the characters it explains; a password whose unexplained rest is shorter than
MIN_UNGUESSABLE is refused ("Password123", "Qwerty12345", "Aaaaaaaaaa1", "Dingmi@2026"), while one that
adds a few characters of its own passes ("Init#Pass2026"). Offline only: the list ships in resources/.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from dingmi_desktop.paths import resource_path

COMMON_LIST = ("passwords", "common.txt")
MIN_UNGUESSABLE = 4  # characters a password must have beyond its guessable parts
MAX_WORD = 24  # longest list entry looked for
_SHIFTED = str.maketrans('!@#$%^&*()_+{}|:"<>?', "1234567890-=[]\\;',./")
_LEET = {"@": "a", "4": "a", "3": "e", "0": "o", "$": "s", "5": "s", "7": "t", "!": "i"}
_WALKS = (
    "`1234567890-=",
    "qwertyuiop[]\\",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
    "qazwsxedcrfvtgbyhnujmik,ol.p;/",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0",
    "1q2w3e4r5t6y7u8i9o0p",
    "q1w2e3r4t5y6u7i8o9p0",
    "1a2s3d4f5g6h7j8k9l",
    "!qaz@wsx#edc$rfv".translate(_SHIFTED),
)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_DATE = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])")


@functools.cache
def common_words() -> frozenset[str]:
    """The bundled list, lower case; entries too short to mean anything are skipped."""
    text = resource_path(*COMMON_LIST).read_text(encoding="utf-8")
    words = (normalise(line.strip()) for line in text.splitlines() if not line.startswith("#"))
    return frozenset(w for w in words if len(w) >= (4 if w.isascii() else 2))


@functools.cache
def _walk_pieces() -> frozenset[str]:
    pieces: set[str] = set()
    for walk in _WALKS:
        for row in (walk, walk[::-1]):
            pieces |= {row[i:j] for i in range(len(row)) for j in range(i + 4, len(row) + 1)}
    return frozenset(pieces)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


@dataclass
class Findings:
    text: str
    covered: list[bool]
    parts: list[str]

    def mark(self, start: int, end: int, label: str) -> None:
        for k in range(start, end):
            self.covered[k] = True
        if label not in self.parts:
            self.parts.append(label)

    @property
    def rest(self) -> int:
        return self.covered.count(False)


def _words(f: Findings) -> None:
    words = common_words()
    variants = {f.text}
    for one in ("i", "l"):
        table = str.maketrans({**_LEET, "1": one})
        variants.add(f.text.translate(table))
    for variant in variants:
        i = 0
        while i < len(variant):
            step = 1
            for j in range(min(len(variant), i + MAX_WORD), i + 1, -1):
                if variant[i:j] in words:
                    f.mark(i, j, f"常见密码或常用词“{variant[i:j]}”")
                    step = j - i
                    break
            i += step


def _repeats(f: Findings) -> None:
    """Runs of one character ("aaa") or of a short unit repeated ("abab", "123123")."""
    t = f.text
    for unit in range(1, 5):
        p = unit
        while p < len(t):
            if t[p] != t[p - unit]:
                p += 1
                continue
            q = p
            while q < len(t) and t[q] == t[q - unit]:
                q += 1
            if q - (p - unit) >= max(3, 2 * unit):
                f.mark(p - unit, q, f"重复字符“{t[p - unit : q]}”")
            p = q


def _sequences(f: Findings) -> None:
    t = f.text
    for step in (1, -1):
        start = 0
        for p in range(1, len(t) + 1):
            same_kind = p < len(t) and t[p].isdigit() == t[p - 1].isdigit() and t[p].isalnum()
            if same_kind and t[p - 1].isalnum() and ord(t[p]) - ord(t[p - 1]) == step:
                continue
            if p - start >= 3:
                f.mark(start, p, f"连续字符“{t[start:p]}”")
            start = p


def _keyboard(f: Findings) -> None:
    t, pieces = f.text.translate(_SHIFTED), _walk_pieces()
    longest = max(len(w) for w in _WALKS)
    i = 0
    while i < len(t):
        step = 1
        for j in range(min(len(t), i + longest), i + 3, -1):
            if t[i:j] in pieces:
                f.mark(i, j, f"键盘上相邻的按键“{f.text[i:j]}”")
                step = j - i
                break
        i += step


def _dates(f: Findings) -> None:
    for pattern, label in ((_DATE, "日期"), (_YEAR, "年份")):
        for m in pattern.finditer(f.text):
            f.mark(m.start(), m.end(), f"{label}“{m.group()}”")


def guessable_parts(password: str) -> tuple[list[str], int]:
    """Labels of the guessable parts found, and how many characters none of them explains."""
    text = normalise(password)
    f = Findings(text, [False] * len(text), [])
    for finder in (_words, _repeats, _sequences, _keyboard, _dates):
        finder(f)
    return f.parts, f.rest
