"""Where, in a block of whole lines, the lines that annotate() reads are:
the lines that hold one of some literals, found by one search for each
(``str.find``, much faster than a regular expression), never by looking at
every line."""

from __future__ import annotations

__all__ = ["ends_of", "hits", "lines_any_ending", "spans"]


def ends_of(text: str, literals: tuple[str, ...]) -> list[int]:
    """Where each line of ``text`` that holds one of ``literals`` ends (once
    per literal it holds), lines ending at ``\n``."""
    find = text.find
    size = len(text)
    ends: list[int] = []
    add = ends.append
    for literal in literals:
        at = find(literal)
        while at >= 0:
            end = find("\n", at)
            if end < 0:
                add(size)
                break
            add(end)
            at = find(literal, end)
    return ends


def hits(text: str, literals: tuple[str, ...]) -> list[int]:
    """Where each of ``literals`` is found in ``text``, in order."""
    find = text.find
    hits: list[int] = []
    add = hits.append
    for literal in literals:
        step = len(literal)
        at = find(literal)
        while at >= 0:
            add(at)
            at = find(literal, at + step)
    hits.sort()
    return hits


def spans(text: str, ends: list[int], crlf: bool) -> list[tuple[int, int]]:
    """Where each line that ends at one of ``ends`` starts and ends (before
    its ``\r\n`` when ``crlf``), in order, once each."""
    if len(ends) > 1:
        ends = sorted(set(ends))
    rfind = text.rfind
    spans: list[tuple[int, int]] = []
    after = 0  # where the line before ended
    for end in ends:
        start = rfind("\n", after, end) + 1
        after = end
        if crlf and text.endswith("\r", start, end):
            end -= 1
        spans.append((start, end))
    return spans


def lines_any_ending(text: str, literals: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where each line of ``text`` that holds one of ``literals`` starts and ends
    (before its ending), in order, for text whose lines may end in
    ``\\r``."""
    find = text.find
    rfind = text.rfind
    size = len(text)
    # The literals the text holds, each with where it is next found.
    held: list[str] = []
    nexts: list[int] = []
    for literal in literals:
        at = find(literal)
        if at >= 0:
            held.append(literal)
            nexts.append(at)
    found = [(literal, i) for i, literal in enumerate(held)]
    candidate = min(nexts) if nexts else size
    lines: list[tuple[int, int]] = []
    scanned = 0  # text[:scanned] is read
    newline = carriage = -1  # the next line endings found, once looked for
    while candidate < size:
        if newline < candidate:
            newline = find("\n", candidate)
            if newline < 0:
                newline = size
        if carriage < candidate:
            carriage = find("\r", candidate)
            if carriage < 0:
                carriage = size
        start = max(rfind("\n", scanned, candidate), rfind("\r", scanned, candidate)) + 1
        end = min(newline, carriage)
        lines.append((start, end))
        scanned = end
        for literal, i in found:
            if nexts[i] < end:
                at = find(literal, end)
                nexts[i] = size if at < 0 else at
        candidate = min(nexts)
    return lines
