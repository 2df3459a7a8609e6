"""REST fault injection: the next n requests, or a seeded fraction of them, fail with 429 or 5xx."""

from __future__ import annotations

import fnmatch
import random
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Fault:
    status: int
    retry_after: float = 0.05
    via: bool = True  # a 429 without Via is what discord.py takes for a Cloudflare ban
    global_: bool = False
    lose: bool = False  # the request takes effect, then its answer is lost (replaced by this)


def route_matches(pattern: str | None, method: str, template: str | None, path: str) -> bool:
    """``pattern`` is a spec template ("/channels/{channel_id}/messages"), optionally prefixed
    with a method ("POST /channels/{channel_id}/messages"), or a glob over the actual path."""
    if pattern is None:
        return True
    want_method, _, rest = pattern.partition(" ")
    if rest and want_method.upper() != method:
        return False
    pattern = rest or pattern
    return pattern == template or fnmatch.fnmatchcase(path, pattern)


@dataclass
class _Planned:
    fault: Fault
    remaining: int
    route: str | None


class FaultPlan:
    def __init__(self) -> None:
        self._planned: list[_Planned] = []
        self._rate = 0.0
        self._rate_statuses: Sequence[int] = (429, 500)
        self._rate_route: str | None = None
        self._rate_retry_after = 0.05
        self._random = random.Random(0)
        self.injected: list[tuple[str, str, int]] = []

    def fail_next(
        self,
        n: int = 1,
        *,
        status: int = 429,
        retry_after: float = 0.05,
        route: str | None = None,
        via: bool = True,
        global_: bool = False,
    ) -> None:
        self._planned.append(_Planned(Fault(status, retry_after, via, global_), n, route))

    def lose_next(self, n: int = 1, *, status: int = 503, route: str | None = None) -> None:
        self._planned.append(_Planned(Fault(status, lose=True), n, route))

    def fault_rate(
        self,
        rate: float,
        *,
        statuses: Sequence[int] = (429, 500),
        seed: int | None = 0,
        route: str | None = None,
        retry_after: float = 0.05,
    ) -> None:
        self._rate, self._rate_statuses, self._rate_route = rate, tuple(statuses), route
        self._rate_retry_after = retry_after
        self._random = random.Random(seed)

    def clear(self) -> None:
        self._planned.clear()
        self._rate = 0.0

    def take(self, method: str, template: str | None, path: str) -> Fault | None:
        for planned in self._planned:
            if planned.remaining > 0 and route_matches(planned.route, method, template, path):
                planned.remaining -= 1
                self.injected.append((method, path, planned.fault.status))
                return planned.fault
        matches = self._rate and route_matches(self._rate_route, method, template, path)
        if matches and self._random.random() < self._rate:
            status = self._random.choice(list(self._rate_statuses))
            self.injected.append((method, path, status))
            return Fault(status, self._rate_retry_after)
        return None
