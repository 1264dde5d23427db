"""Extension points that every capability plugs into: navigation, the home page's to-do list,
the demo, follow-ups, the colours of status tags, what each capability offers to search and what
it puts before the scrutineer for review.

Each app registers its entries in its AppConfig.ready(); the partnership pages read them through
the actor, so a new capability (audits, data set, reviews…) appears without touching this app.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NavItem:
    text: str
    url_name: str
    permission: str
    order: int = 100
    section: str = ""  # URL prefix that marks the item current, e.g. "agencies"
    # The heading it sits under in the service navigation (e.g. "Data" for scorecards, the data
    # set and collection); the pages of a heading are linked from a sub-navigation. Empty: its own.
    group: str = ""

    @property
    def heading(self) -> str:
        return self.group or self.text


@dataclass(frozen=True)
class Todo:
    """One thing a user should do, shown on their home page."""

    text: str
    href: str
    count: int | None = None
    priority: int = 100  # lower first
    status: str = "To do"

    @property
    def status_label(self) -> str:
        """What its tag on the home page says: how many, else its status."""
        return f"{self.count} to do" if self.count else self.status


TodoProvider = Callable[[Any], list[Todo]]

_NAVIGATION: list[NavItem] = []
_TODO_PROVIDERS: list[TodoProvider] = []


def register_nav(item: NavItem) -> None:
    if item not in _NAVIGATION:
        _NAVIGATION.append(item)
        _NAVIGATION.sort(key=lambda nav: nav.order)


def navigation_items() -> list[NavItem]:
    return list(_NAVIGATION)


def register_todo(provider: TodoProvider) -> None:
    if provider not in _TODO_PROVIDERS:
        _TODO_PROVIDERS.append(provider)


def todos_for(actor: Any) -> list[Todo]:
    todos: list[Todo] = []
    for provider in _TODO_PROVIDERS:
        todos.extend(provider(actor))
    return sorted(todos, key=lambda todo: todo.priority)


@dataclass(frozen=True)
class Landing:
    """A capability's own page for people whose roles give them nothing of the partnership's
    home page (a school's user: ADR 027); the home page sends them there."""

    permission: str
    url_name: str


_LANDINGS: list[Landing] = []


def register_landing(landing: Landing) -> None:
    if landing not in _LANDINGS:
        _LANDINGS.append(landing)


def landing_for(actor: Any) -> str:
    """The URL name of the first registered landing page the actor may open ("" if none)."""
    for landing in _LANDINGS:
        if actor.can(landing.permission):
            return landing.url_name
    return ""


DemoLoader = Callable[[Any], None]
_DEMO_LOADERS: list[tuple[int, DemoLoader]] = []


def register_demo(order: int, loader: DemoLoader) -> None:
    """A capability's part of ``manage.py demo``, run in ``order`` (partnerships first)."""
    if all(existing is not loader for _, existing in _DEMO_LOADERS):
        _DEMO_LOADERS.append((order, loader))
        _DEMO_LOADERS.sort(key=lambda pair: pair[0])


def demo_loaders() -> list[DemoLoader]:
    return [loader for _, loader in _DEMO_LOADERS]


@dataclass(frozen=True)
class FollowUpAction:
    """An action planned for a follow-up."""

    title: str
    owner: str
    due: Any  # a date
    measure: str


@dataclass(frozen=True)
class FollowUp:
    """What the learning cycle made of a record that is a source of evidence (an audit today;
    reviews and self-assessments later): a recommendation resting on it, its status, and the
    actions planned for it. Sources show these without importing the learning cycle."""

    title: str
    status: str
    href: str
    actions: tuple[FollowUpAction, ...] = ()


@dataclass(frozen=True)
class ActionOrigin:
    """Where an action of the action log was raised, when that is not a recommendation (the
    challenge of a self-assessment return, say): shown on the action's page and its golden
    thread, without the action log importing the capability that raised it."""

    title: str
    detail: str
    href: str
    when: Any = None  # a date


ActionOriginProvider = Callable[[Any], list[ActionOrigin]]
_ACTION_ORIGIN_PROVIDERS: list[ActionOriginProvider] = []


def register_action_origins(provider: ActionOriginProvider) -> None:
    """A capability that raises actions says how to find where one came from."""
    if provider not in _ACTION_ORIGIN_PROVIDERS:
        _ACTION_ORIGIN_PROVIDERS.append(provider)


def action_origins_for(action: Any) -> list[ActionOrigin]:
    """Where the action was raised (one query per provider)."""
    origins: list[ActionOrigin] = []
    for provider in _ACTION_ORIGIN_PROVIDERS:
        origins.extend(provider(action))
    return origins


FollowUpProvider = Callable[[Any], list[FollowUp]]
_FOLLOW_UP_PROVIDERS: list[FollowUpProvider] = []


def register_follow_ups(provider: FollowUpProvider) -> None:
    """The learning cycle registers how it finds the follow-ups of a source record."""
    if provider not in _FOLLOW_UP_PROVIDERS:
        _FOLLOW_UP_PROVIDERS.append(provider)


def follow_ups_for(record: Any) -> list[FollowUp]:
    """The recommendations (with their actions) that rest on ``record``, oldest first."""
    follow_ups: list[FollowUp] = []
    for provider in _FOLLOW_UP_PROVIDERS:
        follow_ups.extend(provider(record))
    return follow_ups


@dataclass(frozen=True)
class StandingItem:
    """An item always on a group's agenda, with its paper: the voice of children and families
    on the Assurance and Review Group's (seed 000), its paper the quarter's feedback summary."""

    title: str
    paper_title: str
    paper_href: str
    # what a reader needs to open the paper (the link is shown only to those who may)
    permission: str = ""


StandingAgendaProvider = Callable[[Any], list[StandingItem]]
_STANDING_AGENDA_PROVIDERS: list[StandingAgendaProvider] = []


def register_standing_agenda(provider: StandingAgendaProvider) -> None:
    """A capability registers the items it puts on every agenda of the groups it chooses."""
    if provider not in _STANDING_AGENDA_PROVIDERS:
        _STANDING_AGENDA_PROVIDERS.append(provider)


def standing_agenda_for(meeting: Any) -> list[StandingItem]:
    """The standing items of ``meeting``'s agenda (before the items chosen for it)."""
    items: list[StandingItem] = []
    for provider in _STANDING_AGENDA_PROVIDERS:
        items.extend(provider(meeting))
    return items


# The GOV.UK tag colours (``govuk-tag--<colour>``) that core/status_tag.html can draw.
TAG_COLOURS = frozenset(
    {
        "grey",
        "green",
        "turquoise",
        "blue",
        "light-blue",
        "purple",
        "pink",
        "red",
        "orange",
        "yellow",
    }
)
_STATUS_COLOURS: dict[str, Mapping[Any, str]] = {}


def register_status_colours(vocabulary: str, colours: Mapping[Any, str]) -> None:
    """A vocabulary of statuses (an action's, an audit's…) and the tag colour of each, defined
    once next to the statuses; templates read it with ``{{ status|tag_colour:"vocabulary" }}``."""
    unknown = set(colours.values()) - TAG_COLOURS
    if unknown:
        raise ValueError(f"{vocabulary}: no GOV.UK tag colour {sorted(unknown)}")
    _STATUS_COLOURS[vocabulary] = colours


def status_colour(vocabulary: str, status: Any) -> str:
    """The tag colour of ``status``; a vocabulary nobody registered is an error."""
    return _STATUS_COLOURS[vocabulary].get(str(status), "")


@dataclass(frozen=True)
class SearchSource:
    """What a capability offers to the partnership's search box: one kind of record.

    ``records(actor)`` is the capability's own permission-scoped selector (what the actor may
    see), or ``None`` when the actor may see none of this kind: search never decides visibility
    itself. ``fields`` are the columns searched (lookups such as ``group__name`` allowed; the
    first weighs most); ``title`` and ``summary`` are a column or an expression shown in the
    result; ``when`` a date column shown beside it. ``link(actor, key)`` is the record's page,
    ``key`` the value of ``key_field``. ``prefix``: match the start of ``fields`` rather than
    words (pseudonymised case references).

    ``model`` is the model whose rows ``records`` returns: search keeps a document of each row
    (its fields' text, title, summary and date), rewritten whenever the row is saved.
    ``depends_on`` names the other models whose text a document shows, each with the lookup from
    ``model`` to it (``(Agency, "owner_agency")``): saving one of those rewrites the documents of
    the rows that point at it.
    """

    kind: str
    label: str  # plural, for the filter: "Audits"
    singular: str  # on each result: "Audit"
    records: Callable[[Any], Any]
    model: Any
    fields: tuple[str, ...]
    title: Any
    link: Callable[[Any, Any], str]
    summary: Any = None
    when: str = ""
    key_field: str = "pk"
    prefix: bool = False
    order: int = 100
    depends_on: tuple[tuple[Any, str], ...] = ()


_SEARCH_SOURCES: dict[str, SearchSource] = {}


def register_search(source: SearchSource) -> None:
    """A capability offers one kind of record to search (from its ``AppConfig.ready()``)."""
    _SEARCH_SOURCES[source.kind] = source


def search_sources() -> list[SearchSource]:
    return sorted(_SEARCH_SOURCES.values(), key=lambda source: (source.order, source.kind))


@dataclass(frozen=True)
class ReviewItem:
    """One record due for the independent scrutineer's review, on their home page."""

    text: str
    href: str
    detail: str = ""
    tag: str = ""  # a status tag's label ("Answer overdue", "New"), if any
    tag_colour: str = "blue"


@dataclass(frozen=True)
class ReviewSection:
    """A heading of the scrutineer's home page and what is due under it. ``total`` may be more
    than the items shown; ``more_href`` lists them all."""

    heading: str
    items: tuple[ReviewItem, ...]
    total: int
    empty: str
    more_href: str = ""
    order: int = 100


ReviewProvider = Callable[[Any, Any], "ReviewSection | None"]
_REVIEW_PROVIDERS: list[ReviewProvider] = []


def register_review(provider: ReviewProvider) -> None:
    """``provider(actor, since)``: a capability's section of what is due for the scrutineer's
    review (``None`` for an actor it has nothing for); ``since`` is when they last looked at
    their home page (``None`` on their first visit)."""
    if provider not in _REVIEW_PROVIDERS:
        _REVIEW_PROVIDERS.append(provider)


def reviews_for(actor: Any, since: Any) -> list[ReviewSection]:
    sections = [s for provider in _REVIEW_PROVIDERS if (s := provider(actor, since)) is not None]
    return sorted(sections, key=lambda section: section.order)


@dataclass(frozen=True)
class SourcedValue:
    """One agency's figure for a period, counted by a system from its own records."""

    agency_id: int
    numerator: int
    href: str  # the records it was counted from


@dataclass(frozen=True)
class CollectionSource:
    """A system that fills a data set indicator from its own records, so no agency types it:
    training's attendance registers fill the multi-agency training indicator (WF-MA-TRAINING).

    ``values(partnership, first_day, last_day)`` counts the period's figures per agency;
    ``label`` says where they came from ("Training attendance registers"). The data set never
    asks an agency for an indicator that a source fills; it stores what the source counts,
    with the label and the link, whenever a round opens and whenever the source says its
    records changed."""

    indicator_code: str
    label: str
    values: Callable[[Any, Any, Any], list[SourcedValue]]


_COLLECTION_SOURCES: dict[str, CollectionSource] = {}


def register_collection_source(source: CollectionSource) -> None:
    _COLLECTION_SOURCES[source.indicator_code] = source


def collection_sources() -> dict[str, CollectionSource]:
    """Indicator code → the system source that fills it."""
    return dict(_COLLECTION_SOURCES)


@dataclass(frozen=True)
class MeasuredImpact:
    """What a capability measured of an action it delivers: an outcome of the action log's
    (``achieved``, ``improved``, ``no_clear_change``, ``worse``, ``not_yet``), a sentence, and
    the figures behind it."""

    outcome: str
    summary: str
    figures: dict[str, Any]


@dataclass(frozen=True)
class Delivery:
    """What delivers an action, shown on the action's page: "Course: Recognising neglect"."""

    kind: str
    title: str
    href: str


@dataclass(frozen=True)
class ImpactMeasure:
    """How a capability measures the actions it delivers (training: the three-month change in
    the practitioners of the course that delivers the action). ``measure_kind`` is the action's
    measure it answers for; ``measure(action)`` the impact; ``deliveries(action)`` what delivers
    it (empty: nothing does yet)."""

    measure_kind: str
    measure: Callable[[Any], MeasuredImpact]
    deliveries: Callable[[Any], list[Delivery]]
    # What the action's own form offers to name as its delivery (training: the partnership's
    # courses): ``options(partnership)`` → (key, label); ``current(action)`` the key of what
    # delivers it now ("" if nothing); ``assign(actor, action, key)`` names it ("" for none),
    # with its history, raising ValidationError({"delivered_by": …}) if it cannot.
    label: str = ""
    options: Callable[[Any], list[tuple[str, str]]] | None = None
    current: Callable[[Any], str] | None = None
    assign: Callable[[Any, Any, str], None] | None = None


_IMPACT_MEASURES: dict[str, ImpactMeasure] = {}


def delivery_namer() -> ImpactMeasure | None:
    """The registered measure whose delivery an action's form can name (training's courses)."""
    return next((m for m in _IMPACT_MEASURES.values() if m.options is not None), None)


def register_impact_measure(measure: ImpactMeasure) -> None:
    _IMPACT_MEASURES[measure.measure_kind] = measure


def impact_measure(measure_kind: str) -> ImpactMeasure | None:
    return _IMPACT_MEASURES.get(measure_kind)


def deliveries_of(action: Any) -> list[Delivery]:
    """Every registered capability's deliveries of ``action`` (a course that delivers it…)."""
    found: list[Delivery] = []
    for measure in _IMPACT_MEASURES.values():
        found.extend(measure.deliveries(action))
    return found


@dataclass(frozen=True)
class ChangeFigure:
    """One measured change in the same people, as text to show: its label (a learning outcome
    and measure), the number of pairs, the mean change and its 95% interval, a one-line reading
    and, under the small-sample threshold, the caution."""

    label: str
    n_pairs: int
    change: str  # "+2.1"
    interval: str  # "+1.4 to +2.8" ("–" when there is none)
    verdict: str  # "Clear gain", "No clear change"…
    caution: str = ""  # empty when there are enough pairs


@dataclass(frozen=True)
class PriorityEvidence:
    """What a capability measured for a priority, shown on its scorecard beside its indicators:
    a course linked to the priority with its three-month change in the practitioners trained.
    ``href`` is where the figures come from (the course's evaluation)."""

    kind: str  # "Training course"
    title: str
    href: str
    heading: str  # what the figures are
    figures: tuple[ChangeFigure, ...]


PriorityEvidenceProvider = Callable[[Any, Any], list[PriorityEvidence]]
_PRIORITY_EVIDENCE_PROVIDERS: list[PriorityEvidenceProvider] = []


def register_priority_evidence(provider: PriorityEvidenceProvider) -> None:
    """``provider(actor, priority)``: a capability's measured evidence for a priority, only what
    the actor may see (the data set's scorecard shows it without importing the capability)."""
    if provider not in _PRIORITY_EVIDENCE_PROVIDERS:
        _PRIORITY_EVIDENCE_PROVIDERS.append(provider)


def priority_evidence_for(actor: Any, priority: Any) -> list[PriorityEvidence]:
    found: list[PriorityEvidence] = []
    for provider in _PRIORITY_EVIDENCE_PROVIDERS:
        found.extend(provider(actor, priority))
    return found
