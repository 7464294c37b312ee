"""Which plans get a page: the one part of the check MkDocs has to wait for.

A plan file gets a page when its title and status are usable, which the model alone
decides: so the worker reads the files and builds the plans first, with no rule or prose
grammar imported yet, and sends this while the rest of the check is still to run.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.config import Config
from planner.load import Source, load_source, plan_of
from planner.site.layout import PlanPage, Plans


def read_sources(plans: Plans) -> list[Source]:
    return [load_source(location) for location in plans.files]


def plan_pages(sources: Iterable[Source], config: Config) -> tuple[PlanPage, ...]:
    """Every usable plan, by id, as the check's site data lists them."""
    found = []
    for source in sources:
        source, plan, _ = plan_of(source, config.sizes)
        if plan is not None:
            found.append(PlanPage(plan.plan_id, plan.fields.title, source.document.body))
    return tuple(sorted(found, key=lambda page: page.plan_id))
