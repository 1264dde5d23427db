"""Every app's test factories (``assurance/<app>/tests/factories.py``) make, with their defaults,
a record that passes the model's validation and whose partnership's records all belong to that
same partnership, so a test that overrides nothing cannot mix two partnerships by accident."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import factory
import pytest
from django.apps import apps
from django.db import models

from assurance.partnerships.models import PartnershipScoped


def factory_classes() -> list[type[factory.django.DjangoModelFactory]]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("assurance."):
            continue
        for module_info in pkgutil.walk_packages([config.path], prefix=f"{config.name}."):
            if not module_info.name.endswith(".tests.factories"):
                continue
            module = importlib.import_module(module_info.name)
            found.extend(
                value
                for value in vars(module).values()
                if isinstance(value, type)
                and issubclass(value, factory.django.DjangoModelFactory)
                and value.__module__ == module.__name__
            )
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def partnership_of(record: Any) -> int | None:
    return record.partnership_id if isinstance(record, PartnershipScoped) else None


def test_every_app_with_partnership_records_has_factories() -> None:
    made = {cls._meta.model for cls in factory_classes()}
    for name in (
        "Partnership",
        "Person",
        "Framework",
        "Audit",
        "Indicator",
        "CollectionRound",
        "Recommendation",
        "Action",
        "Meeting",
        "Challenge",
    ):
        assert any(model.__name__ == name for model in made), name


@pytest.mark.django_db
@pytest.mark.parametrize("factory_class", factory_classes(), ids=lambda cls: cls.__name__)
def test_a_factorys_defaults_make_one_partnerships_valid_record(
    factory_class: type[factory.django.DjangoModelFactory],
) -> None:
    record = factory_class()
    record.full_clean(validate_unique=False)
    partnership = partnership_of(record)
    for field in record._meta.get_fields():
        if isinstance(field, models.ForeignKey) and field.name != "partnership":
            related = getattr(record, field.name)
            if related is not None and partnership is not None:
                assert partnership_of(related) in (None, partnership), field.name
