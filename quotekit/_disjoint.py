"""Disjoint sets of the integers ``0 .. n-1``, merged by union and read by find (path
halving; the smaller root stays, so a group's root is its first member)."""

from __future__ import annotations

__all__ = ["DisjointSets"]


class DisjointSets:
    __slots__ = ("parent",)

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
