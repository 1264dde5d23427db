"""The authorisation matrix rows of the data set: the catalogue and benchmark pages are for
every Northfield role (published information); the API's catalogue and national series are for
anyone signed in."""

from assurance.core.tests.matrix import (
    ALLOW,
    BU,
    NORTHFIELD,
    SETTING_USERS,
    UNAUTHENTICATED,
    expect,
)

LOOKUPS = {
    "indicator_code": lambda: "CSC-REREF",
}

EXPECTED = {
    "dataset:indicator_list": expect(allow=NORTHFIELD),
    "dataset:indicator_detail": expect(allow=NORTHFIELD, kwargs={"code": "indicator_code"}),
    "api:indicator_list": expect(northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED),
    "api:indicator_series": expect(
        northfield=ALLOW,
        southvale=ALLOW,
        anonymous=UNAUTHENTICATED,
        kwargs={"code": "indicator_code"},
    ),
    "api:indicator_spc": expect(
        northfield=ALLOW,
        southvale=ALLOW,
        anonymous=UNAUTHENTICATED,
        kwargs={"code": "indicator_code"},
    ),
}


def _business_year() -> int:
    from assurance.core.business_year import current_business_year

    return current_business_year()


def _neglect_priority() -> int:
    from assurance.partnerships.models import Priority

    return Priority.unscoped.get(
        partnership__slug="northfield", business_year=_business_year(), title="Neglect"
    ).pk


LOOKUPS["business_year"] = _business_year
LOOKUPS["local_indicator_code"] = lambda: "NF-LADO"  # Northfield's own (catalogue/demo.py)
LOOKUPS["scorecard_priority"] = _neglect_priority

EXPECTED.update(
    {
        # targets are read by everyone in the partnership and set by the business unit
        "dataset:target_list": expect(allow=NORTHFIELD),
        "dataset:target_edit": expect(
            allow=BU, kwargs={"code": "indicator_code", "year": "business_year"}
        ),
        "dataset:target_history": expect(
            allow=BU, kwargs={"code": "indicator_code", "year": "business_year"}
        ),
        # a partnership's local indicators are added and changed by its business unit
        "dataset:local_indicator_create": expect(allow=BU),
        "dataset:local_indicator_edit": expect(allow=BU, kwargs={"code": "local_indicator_code"}),
        "dataset:local_indicator_history": expect(
            allow=BU, kwargs={"code": "local_indicator_code"}
        ),
        # the phases adopted and who reports each indicator are the business unit's to choose
        "dataset:phases": expect(allow=BU),
        "dataset:assignment_list": expect(allow=BU),
        "dataset:assignment_confirm_all": expect(allow=BU),
        "dataset:assignment_edit": expect(allow=BU, kwargs={"code": "indicator_code"}),
        "dataset:assignment_history": expect(allow=BU, kwargs={"code": "indicator_code"}),
        # scorecards and the exception report show published figures: every role
        "dataset:scorecard_list": expect(allow=NORTHFIELD),
        "dataset:scorecard": expect(allow=NORTHFIELD, kwargs={"pk": "scorecard_priority"}),
        "dataset:exception_report": expect(allow=NORTHFIELD),
        "dataset:exception_report_pdf": expect(allow=NORTHFIELD),
        "dataset:exception_report_docx": expect(allow=NORTHFIELD),
        "api:indicator_benchmarks": expect(
            northfield=ALLOW,
            deny=SETTING_USERS,  # national statistics are for the partnership's people
            southvale=ALLOW,
            anonymous=UNAUTHENTICATED,
            kwargs={"code": "indicator_code"},
        ),
    }
)


def _locality() -> int:
    from assurance.dataset.localities.models import Locality

    return Locality.unscoped.filter(partnership__slug="northfield").order_by("order").first().pk


LOOKUPS["locality"] = _locality
LOOKUPS["breakdown_code"] = lambda: "CSC-REF"  # collected by locality in the demo

EXPECTED.update(
    {
        # the partnership's localities are the business unit's to define
        "dataset:locality_list": expect(allow=BU),
        "dataset:locality_create": expect(allow=BU),
        "dataset:locality_edit": expect(allow=BU, kwargs={"pk": "locality"}),
        "dataset:locality_history": expect(allow=BU, kwargs={"pk": "locality"}),
        # published figures by locality: every role, as the indicator page
        "dataset:locality_breakdown": expect(allow=NORTHFIELD, kwargs={"code": "breakdown_code"}),
    }
)
