"""The permission layer: who is acting, in which partnership, and what they may see.

Every view and API endpoint goes through here. A record outside the user's partnership is a
404 (we do not reveal that it exists); a permission the user's roles lack is a 403.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, PermissionDenied
from django.db import connections, models, router
from django.http import Http404

from assurance.core import compiled
from assurance.core.permissions import Scope, scope_for
from assurance.core.roles import PRIVILEGED_ROLES, Role
from assurance.partnerships.models import Agency, Partnership, Person

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Actor:
    """A signed-in user acting within one partnership, with the roles they hold there."""

    user: Any
    partnership: Partnership
    person: Person
    roles: frozenset[Role] = field(default_factory=frozenset)

    @property
    def agency(self) -> Agency:
        """The actor's agency. A school's user has none (ADR 027) and holds no permission scoped
        to an agency: asking for theirs is refused, never answered with every record that has
        no agency."""
        if self.person.agency is None:
            raise PermissionDenied("A school or college user belongs to no agency.")
        return self.person.agency

    @property
    def agency_id(self) -> int:
        return self.agency.pk

    def scope(self, permission: str) -> Scope | None:
        return scope_for(permission, self.roles)

    def can(self, permission: str) -> bool:
        return self.scope(permission) is not None

    def require(self, permission: str) -> Scope:
        scope = self.scope(permission)
        if scope is None:
            raise PermissionDenied(f"Your roles do not allow {permission}.")
        return scope

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    @property
    def needs_two_factor(self) -> bool:
        return bool(self.partnership.require_two_factor and self.roles & PRIVILEGED_ROLES)


def require_same_partnership(actor: Actor, *records: Any) -> None:
    """Refuse to link a record of another partnership (``None`` and global records pass)."""
    for record in records:
        if record is not None and getattr(record, "partnership_id", None) not in (
            None,
            actor.partnership.pk,
        ):
            raise PermissionDenied("A record of another partnership cannot be linked.")


def partnerships_for_user(user: Any) -> models.QuerySet[Partnership]:
    return Partnership.objects_for_user(user)


def two_factor_required(user: Any) -> bool:
    """Whether any of the user's partnerships requires two-factor sign-in of their roles."""
    if not getattr(user, "is_authenticated", False):
        return False
    people = Person.unscoped.filter(user=user, is_active=True, partnership__require_two_factor=True)
    return any(person.roles & PRIVILEGED_ROLES for person in people)


def _actor_of(user: Any, person: Person) -> Actor:
    """The user's actor as ``person``: in the person's partnership, with the roles they hold."""
    return Actor(user=user, partnership=person.partnership, person=person, roles=person.roles)


def actor_for(user: Any, partnership_slug: str) -> Actor:
    """The user's actor in the partnership, or 404 if they do not belong to it.

    Read afresh on every request (a role removed, a person deactivated or a partnership renamed
    shows on the next page), by one query compiled once per process (``core.compiled``): the
    one read with the signed-in user when the request's address names this partnership
    (``user_with_requested_person``), once; else on its own."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    kept = getattr(user, "_requested_person", None)
    if kept is not None:
        del user._requested_person  # answered once: a later call reads afresh
    if kept is not None and kept[0] == partnership_slug:
        person = kept[1]
    else:
        person = _person_of(user.pk, partnership_slug)
    if person is None:
        raise Http404("No such partnership.")
    return _actor_of(user, person)


def _fields(model: type[models.Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def _actor_columns() -> list[str]:
    """A person's columns, their partnership's and their agency's, in one row."""
    return [
        *_fields(Person),
        *(f"partnership__{name}" for name in _fields(Partnership)),
        *(f"agency__{field.name}" for field in Agency._meta.concrete_fields),
    ]


def _actor_query(values: Mapping[str, Any]) -> models.QuerySet[Any]:
    """The active person of the user in the partnership of that slug, with the partnership
    and their agency (none for a school's user), as one row."""
    return (
        Person.unscoped.filter(user_id=values["user"], is_active=True)
        .filter(partnership__slug=values["slug"])
        .order_by("full_name")
        .values_list(*_actor_columns())[:1]
    )


def _actors_query(values: Mapping[str, Any]) -> models.QuerySet[Any]:
    """The user's active people in every partnership, with each partnership and agency, in
    the partnerships' order (by name), a partnership's people by name."""
    return (
        Person.unscoped.filter(user_id=values["user"], is_active=True)
        .order_by("partnership__name", "partnership_id", "full_name")
        .values_list(*_actor_columns())
    )


def _person_from(row: tuple[Any, ...], using: str) -> Person:
    people, partnerships = _fields(Person), _fields(Partnership)
    agencies = _fields(Agency)
    person = Person.from_db(using, people, row[: len(people)])
    rest = row[len(people) :]
    person.partnership = Partnership.from_db(using, partnerships, rest[: len(partnerships)])
    agency_row = rest[len(partnerships) :]
    person.agency = (
        Agency.from_db(using, agencies, agency_row) if person.agency_id is not None else None
    )
    return person


def _person_of(user_id: Any, slug: str) -> Person | None:
    values = {"user": user_id, "slug": slug}
    using = router.db_for_read(Person)
    template = compiled.kept(
        f"{__name__}.actor", _actor_query, ints=("user",), texts=("slug",), using=using
    )
    rows = template.rows(values, using=using)
    return _person_from(rows[0], using) if rows else None


# The partnership that the address of the request being answered names (``/p/<slug>/``; set by
# ``partnerships.middleware.RequestedPartnershipMiddleware``), so that the signed-in user is
# read with their person in it, in one query (ADR 055).
requested_partnership: ContextVar[str | None] = ContextVar("requested_partnership", default=None)


def _user_fields() -> list[str]:
    return _fields(Person._meta.get_field("user").related_model)


def _person_with_user_query(values: Mapping[str, Any]) -> models.QuerySet[Any]:
    """``_actor_query``'s row with the user's columns after it."""
    return _actor_query(values).values_list(
        *_actor_columns(), *(f"user__{name}" for name in _user_fields())
    )


def user_with_requested_person(user_id: int) -> Any | None:
    """The user, read in one query with their active person in the partnership the request's
    address names (what ``actor_for`` reads there, kept on the user for it to take once);
    None if the address names no partnership or the user is no active person in it (the
    caller then reads the user alone)."""
    slug = requested_partnership.get()
    if slug is None:
        return None
    using = router.db_for_read(Person)
    template = compiled.kept(
        f"{__name__}.person_with_user",
        _person_with_user_query,
        ints=("user",),
        texts=("slug",),
        using=using,
    )
    rows = template.rows({"user": user_id, "slug": slug}, using=using)
    if not rows:
        return None
    width = len(_actor_columns())
    user_model: Any = Person._meta.get_field("user").related_model
    user = user_model.from_db(using, _user_fields(), rows[0][width:])
    user._requested_person = (slug, _person_from(rows[0][:width], using))
    return user


def actors_for_user(user: Any) -> list[Actor]:
    """The user's actor in each partnership they belong to (as ``actor_for`` gives each), in
    the partnerships' order: one query compiled once per process, whatever their number."""
    if not getattr(user, "is_authenticated", False):
        return []
    using = router.db_for_read(Person)
    template = compiled.kept(f"{__name__}.actors", _actors_query, ints=("user",), using=using)
    actors: dict[int, Actor] = {}
    for row in template.rows({"user": user.pk}, using=using):
        person = _person_from(row, using)
        if person.partnership_id not in actors:  # the first by name, as ``actor_for``
            actors[person.partnership_id] = _actor_of(user, person)
    return list(actors.values())


def actor_for_person(person: Person) -> Actor:
    """The person's actor in their own partnership, with the roles they hold there.

    For code that already has the person (the demo loaders, tests); a request resolves its actor
    from the user and the URL with ``actor_for``.
    """
    return _actor_of(person.user, person)


def scoped(
    actor: Actor,
    queryset: models.QuerySet[M],
    permission: str,
    agency_field: str = "agency",
    named_field: str = "",
) -> models.QuerySet[M]:
    """Filter a partnership-scoped queryset by the actor's scope for ``permission``.

    ``agency_field`` names the lookup from the model to the agency that owns the record, used
    when the actor's scope is their own agency; ``named_field`` the lookup to the people named
    on it, used when the actor's scope is the records they are named on.
    """
    scope = actor.require(permission)
    queryset = queryset.filter(partnership=actor.partnership)
    if scope is Scope.OWN_AGENCY:
        queryset = queryset.filter(**{agency_field: actor.agency_id})
    elif scope is Scope.NAMED:
        if not named_field:
            raise ImproperlyConfigured(
                f"{permission} is granted to the people named on a record: say who ('named_field')."
            )
        queryset = queryset.filter(**{named_field: actor.person.pk}).distinct()
    return queryset


def storable_id(model: type[models.Model], pk: Any) -> int:
    """``pk`` as an id of ``model``; 404 if it is not one that can be stored (not a number, or
    out of its column's range: the ORM finds none, and a bound read would fail)."""
    try:
        record_id = int(pk)
    except (TypeError, ValueError) as exc:
        raise Http404("Not found.") from exc
    using = router.db_for_read(model)
    low, high = connections[using].ops.integer_field_range(model._meta.pk.get_internal_type())
    if not low <= record_id <= high:
        raise Http404("Not found.")
    return record_id


def get_of_partnership(
    actor: Actor, model: type[M], permission: str, pk: Any, related: tuple[str, ...] = ()
) -> M:
    """One record of ``model.objects_for`` the actor's partnership by its id, with the records
    its foreign keys named in ``related`` point to (as ``select_related``), under a permission
    whose scope is the whole partnership for the actor (``Scope.ALL``): read by a query
    compiled once per process and model (``core.compiled``), where ``get_for_actor`` builds
    and compiles it on every request; its partnership is the actor's, already read. Any
    other scope is ``get_for_actor``'s. 404 if there is no such record in the partnership;
    403 if the actor's roles lack the permission."""
    if actor.require(permission) is not Scope.ALL:
        records = model.objects_for(actor.partnership).select_related(*related)  # type: ignore[attr-defined]
        return get_for_actor(actor, records, permission, pk)
    using = router.db_for_read(model)
    record_id = storable_id(model, pk)
    columns = _fields(model)
    joined: list[tuple[str, type[models.Model]]] = [
        (name, model._meta.get_field(name).related_model)  # type: ignore[misc]
        for name in related
    ]
    selected = [*columns, *(f"{n}__{c}" for n, m in joined for c in _fields(m))]

    def build(values: Mapping[str, Any]) -> models.QuerySet[Any]:
        partnership = Partnership(pk=values["partnership"])
        records = model.objects_for(partnership)  # type: ignore[attr-defined]
        return records.filter(pk=values["pk"]).values_list(*selected)

    template = compiled.kept(
        f"{__name__}.record.{model._meta.label_lower}.{'.'.join(related)}",
        build,
        ints=("partnership", "pk"),
        using=using,
    )
    # (through ``Read.rows``: a page may have named reads to send with it, ``compiled.ahead``)
    rows = compiled.Read(
        template, {"partnership": actor.partnership.pk, "pk": record_id}, using
    ).rows()
    if not rows:
        raise Http404("Not found.")
    row = rows[0]
    record = model.from_db(using, columns, row[: len(columns)])
    record.partnership = actor.partnership  # type: ignore[attr-defined]  # (its own: no read)
    at = len(columns)
    for name, other in joined:
        width = len(_fields(other))
        part = row[at : at + width]
        at += width
        # a null foreign key: no record (its columns are all null)
        linked = None if part[0] is None else other.from_db(using, _fields(other), part)
        setattr(record, name, linked)
    return record


def get_for_actor(
    actor: Actor,
    queryset: models.QuerySet[M],
    permission: str,
    pk: Any,
    agency_field: str = "agency",
    named_field: str = "",
) -> M:
    """One record the actor may see under ``permission``; 404 if it is outside their scope."""
    try:
        return scoped(actor, queryset, permission, agency_field, named_field).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found.") from exc
