"""A line diff that stays near-linear on real edits, in ``SequenceMatcher``'s opcode form.

``difflib.SequenceMatcher`` is quadratic when a file holds many identical
lines, which source code does (blank lines, ``return``, copies of one
function). Here lines become ints, the common prefix and suffix are
stripped, lines unique in both sides anchor the rest (patience diff), and
what lies between two anchors is diffed with Myers' O(ND) algorithm. Both
the number of edits Myers searches at once and the total work (a budget in
proportion to the input) are bounded, so a pathological input gives a less
minimal but still correct diff in bounded time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence
from typing import NamedTuple

Opcode = tuple[str, int, int, int, int]
Block = tuple[int, int, int]  # a run of equal lines: old index, new index, length


class _Span(NamedTuple):
    """``a[a_lo:a_hi]`` and ``b[b_lo:b_hi]``, still to be matched."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int


# What splitting a span gives, in order: blocks found and smaller spans.
_Parts = list[_Span | Block]

# Steps of work allowed per line of input, and at least this many in all.
_STEPS_PER_LINE = 50
_MIN_STEPS = 1_000_000
# Edits allowed in one gap between anchors; the path back costs memory in their square.
_MAX_EDITS = 1_000


class _Budget:
    def __init__(self, lines: int) -> None:
        self.left = max(_MIN_STEPS, _STEPS_PER_LINE * lines)

    def spend(self, steps: int) -> bool:
        """Take ``steps`` from the budget; False once it is exhausted."""
        self.left -= steps
        return self.left >= 0


def opcodes(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[Opcode]:
    """``equal``/``replace``/``delete``/``insert`` opcodes turning ``old`` into ``new``.

    Like ``SequenceMatcher.get_opcodes``: they cover both sequences in
    order, and no two neighbours are both ``equal``.
    """
    a, b = _as_ints(old, new)
    return _opcodes_of(_matching_blocks(a, b), len(a), len(b))


def _as_ints(old: Sequence[Hashable], new: Sequence[Hashable]) -> tuple[list[int], list[int]]:
    ids: dict[Hashable, int] = {}
    a = [ids.setdefault(line, len(ids)) for line in old]
    b = [ids.setdefault(line, len(ids)) for line in new]
    return a, b


def _matching_blocks(a: list[int], b: list[int]) -> list[Block]:
    """Runs of equal lines, in order, each pairing ``a[i + k]`` with ``b[j + k]``."""
    budget = _Budget(len(a) + len(b))
    blocks: list[Block] = []
    # A stack rather than recursion, which deep nesting of spans could exhaust.
    pending: _Parts = [_Span(0, len(a), 0, len(b))]
    while pending:
        part = pending.pop()
        if isinstance(part, _Span):
            pending += reversed(_split(a, b, part, budget))
        else:
            blocks.append(part)
    return _merged(blocks)


def _split(a: list[int], b: list[int], span: _Span, budget: _Budget) -> _Parts:
    """Common head and tail, and what lies between them split at unique lines."""
    a_lo, a_hi, b_lo, b_hi = span
    head = 0
    while a_lo + head < a_hi and b_lo + head < b_hi and a[a_lo + head] == b[b_lo + head]:
        head += 1
    a_lo, b_lo = a_lo + head, b_lo + head
    tail = 0
    while a_lo < a_hi - tail and b_lo < b_hi - tail and a[a_hi - tail - 1] == b[b_hi - tail - 1]:
        tail += 1
    a_hi, b_hi = a_hi - tail, b_hi - tail
    parts: _Parts = [(a_lo - head, b_lo - head, head)]
    if a_lo < a_hi and b_lo < b_hi and budget.spend(a_hi - a_lo + b_hi - b_lo):
        anchors = _unique_anchors(a, b, _Span(a_lo, a_hi, b_lo, b_hi))
        if anchors:
            parts += _between_anchors(anchors, _Span(a_lo, a_hi, b_lo, b_hi))
        else:
            parts += _myers(a, b, _Span(a_lo, a_hi, b_lo, b_hi), budget)
    parts.append((a_hi, b_hi, tail))
    return parts


def _between_anchors(anchors: list[tuple[int, int]], span: _Span) -> _Parts:
    parts: _Parts = []
    i, j = span.a_lo, span.b_lo
    for anchor_i, anchor_j in anchors:
        parts += [_Span(i, anchor_i, j, anchor_j), (anchor_i, anchor_j, 1)]
        i, j = anchor_i + 1, anchor_j + 1
    parts.append(_Span(i, span.a_hi, j, span.b_hi))
    return parts


def _unique_anchors(a: list[int], b: list[int], span: _Span) -> list[tuple[int, int]]:
    """Lines found once in each side, the longest chain of them that keeps its order in both."""
    where_in_a: dict[int, int] = {}
    for i in range(span.a_lo, span.a_hi):
        where_in_a[a[i]] = -1 if a[i] in where_in_a else i
    where_in_b: dict[int, int] = {}
    for j in range(span.b_lo, span.b_hi):
        if where_in_a.get(b[j], -1) >= 0:
            where_in_b[b[j]] = -1 if b[j] in where_in_b else j
    pairs = [(where_in_a[line], j) for line, j in where_in_b.items() if j >= 0]
    pairs.sort()
    return _longest_increasing_chain(pairs)


def _longest_increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by first item) whose second items increase."""
    tops: list[int] = []  # tops[n]: the smallest j that ends a chain of length n + 1
    top_index: list[int] = []
    previous: list[int] = []
    for index, (_, j) in enumerate(pairs):
        length = bisect_left(tops, j)
        previous.append(top_index[length - 1] if length else -1)
        if length == len(tops):
            tops.append(j)
            top_index.append(index)
        else:
            tops[length] = j
            top_index[length] = index
    chain = []
    index = top_index[-1] if top_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


def _myers(a: list[int], b: list[int], span: _Span, budget: _Budget) -> list[Block]:
    """The equal runs of an edit script from ``a[a_lo:a_hi]`` to ``b[b_lo:b_hi]``.

    A shortest one (Myers 1986) when it needs at most ``_MAX_EDITS`` edits.
    A longer one is found piece by piece, each piece ending at the point
    furthest along after ``_MAX_EDITS`` edits (GNU diff's heuristic for
    costly diffs). Past the budget, the rest stays unmatched.
    """
    a_lo, a_hi, b_lo, b_hi = span
    blocks: list[Block] = []
    while a_lo < a_hi and b_lo < b_hi:
        piece = _myers_piece(a, b, _Span(a_lo, a_hi, b_lo, b_hi), budget)
        if piece is None:
            break
        found, a_lo, b_lo = piece
        blocks += found
    return blocks


def _myers_piece(
    a: list[int], b: list[int], span: _Span, budget: _Budget
) -> tuple[list[Block], int, int] | None:
    """The blocks up to the end, or up to the point furthest along; the point reached."""
    a_lo, a_hi, b_lo, b_hi = span
    shift = a_lo - b_lo  # on diagonal k (x - a_lo == y - b_lo + k), y == x - k - shift
    offset = _MAX_EDITS + 1
    furthest = [0] * (2 * offset + 1)  # furthest x reached on each diagonal
    furthest[offset + 1] = a_lo
    # trace[d][(k + d) // 2]: furthest x on diagonal k after d edits (k has the parity of d).
    trace: list[list[int]] = []
    for d in range(_MAX_EDITS + 1):
        steps = d + 1
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and furthest[offset + k - 1] < furthest[offset + k + 1]):
                x = furthest[offset + k + 1]  # down from diagonal k + 1: an insertion
            else:
                x = furthest[offset + k - 1] + 1  # right from diagonal k - 1: a deletion
            y = x - k - shift
            start = x
            while x < a_hi and y < b_hi and a[x] == b[y]:
                x += 1
                y += 1
            steps += x - start
            furthest[offset + k] = x
            if x >= a_hi and y >= b_hi:
                return _path_back(trace, x, y, a_lo, b_lo), x, y
        if not budget.spend(steps):
            return None
        trace.append(furthest[offset - d : offset + d + 1 : 2])
    ends = [
        (2 * x - k, x, x - k - shift)
        for k, x in zip(range(-_MAX_EDITS, _MAX_EDITS + 1, 2), trace.pop())
        if x <= a_hi and x - k - shift <= b_hi
    ]
    if not ends:
        return None
    _, x, y = max(ends)
    return _path_back(trace, x, y, a_lo, b_lo), x, y


def _path_back(trace: list[list[int]], x: int, y: int, a_lo: int, b_lo: int) -> list[Block]:
    """The equal runs on the path from (a_lo, b_lo) to (x, y), which ``len(trace)`` edits reach."""
    shift = a_lo - b_lo
    blocks: list[Block] = []
    for d in range(len(trace), 0, -1):
        # trace[d - 1] holds diagonals -(d - 1), -(d - 1) + 2, ..., d - 1.
        before = trace[d - 1]
        k = x - y - shift
        came_down = k == -d or (k != d and before[(k + d - 2) // 2] < before[(k + d) // 2])
        prev_k = k + 1 if came_down else k - 1
        prev_x = before[(prev_k + d - 1) // 2]
        snake_x = prev_x if came_down else prev_x + 1
        if x > snake_x:
            blocks.append((snake_x, snake_x - k - shift, x - snake_x))
        x, y = prev_x, prev_x - prev_k - shift
    if x > a_lo:
        blocks.append((a_lo, b_lo, x - a_lo))
    return blocks[::-1]


def _merged(blocks: list[Block]) -> list[Block]:
    """Adjacent blocks joined, empty ones dropped."""
    out: list[Block] = []
    for i, j, size in blocks:
        if not size:
            continue
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + size)
        else:
            out.append((i, j, size))
    return out


def _opcodes_of(blocks: list[Block], n: int, m: int) -> list[Opcode]:
    codes: list[Opcode] = []
    i = j = 0
    for block_i, block_j, size in [*blocks, (n, m, 0)]:
        if i < block_i and j < block_j:
            codes.append(("replace", i, block_i, j, block_j))
        elif i < block_i:
            codes.append(("delete", i, block_i, j, block_j))
        elif j < block_j:
            codes.append(("insert", i, block_i, j, block_j))
        if size:
            codes.append(("equal", block_i, block_i + size, block_j, block_j + size))
        i, j = block_i + size, block_j + size
    return codes
