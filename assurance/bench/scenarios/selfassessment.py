"""Self-assessments (issue 11): a round of ``BENCH_SA_SETTINGS`` (600) schools and colleges on a
self-assessment tool of ``BENCH_SA_STANDARDS`` (40) standards, built here through the framework
interchange like any uploaded tool. The round's deadline has passed: about two fifths have
submitted, a third are in progress (each with a change in its history: its last activity), the
rest not started; a sixth have been chased.

The business unit times the completion dashboard (the first page, and a page filtered by phase,
status and area sorted by last activity), its Excel export and the completion API, beside:

* the floor (a bare Django view),
* the signed-in page shell (the search page with nothing typed: the same user's page with
  nothing of its own), and
* **the raw SQL aggregate** each reads: the counts by status and one page of 50 rows with each
  row's last activity and last chase (the dashboard), or every participant's name, status and
  day submitted with the totals (the API), written by hand in one statement each.

The issue asks for each within 3× its raw SQL and with constant queries (compared with the
small partnership's round of 10)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from assurance.bench.harness import Bench, Page, env_int, scenario, time_page
from assurance.frameworks.interchange.loading import import_file
from assurance.frameworks.models import Framework
from assurance.partnerships.models import Partnership, Person
from assurance.selfassessment.dashboard.models import Chase
from assurance.selfassessment.rounds.models import Audience, Participant, Round
from assurance.selfassessment.settings.models import Setting

PHASES = ("Primary", "Secondary", "Nursery", "16 plus", "All-through")
TYPES = ("Local authority maintained schools", "Academies", "Free Schools", "Colleges")


def tool_yaml(standards: int, per_section: int = 8) -> str:
    """A self-assessment tool of ``standards`` standards, ``per_section`` a section."""
    lines = [
        "format: assurance-framework/1",
        f"name: Bench self-assessment of {standards} standards",
        "kind: self_assessment",
        "description: A synthetic tool for the benchmark.",
        "scales:",
        "- name: Fully met / Partly met / Not met",
        "  options:",
        "  - {label: Fully met, meets_standard: yes}",
        "  - {label: Partly met}",
        "  - {label: Not met}",
        "sections:",
    ]
    for s in range((standards + per_section - 1) // per_section):
        lines += [f'- code: "{s + 1}"', f"  title: Section {s + 1}", "  items:"]
        for i in range(per_section):
            n = s * per_section + i
            if n >= standards:
                break
            lines += [
                f'  - code: "{s + 1}.{i + 1}"',
                f"    text: Standard {s + 1}.{i + 1} is met and the evidence shows it.",
                "    guidance: Evidence named here.",
                "    response: scale",
                "    scale: Fully met / Partly met / Not met",
            ]
    return "\n".join(lines) + "\n"


def build_round(p: Partnership, *, settings: int, standards: int) -> Round:
    """A past-deadline round of ``settings`` schools on a tool of ``standards`` standards."""
    framework: Framework = import_file(
        name="bench-tool.yaml", content=tool_yaml(standards).encode(), partnership=p
    )
    bu = Person.objects_for(p).filter(is_business_unit=True).order_by("pk").first()
    now, today = timezone.now(), timezone.localdate()
    with transaction.atomic():
        made = Setting.unscoped.bulk_create(
            Setting(
                partnership=p,
                urn=900000 + p.pk * 10000 + i,
                name=f"Bench School {i:04d}",
                la_number="334",
                la_name="Bench",
                establishment_type="Community school",
                type_group=TYPES[i % len(TYPES)],
                phase=PHASES[i % len(PHASES)],
                status="open",
                postcode=f"NF{i % 20 + 1} {i % 9 + 1}AB",
                imported_at=now,
            )
            for i in range(settings)
        )
        round = Round.unscoped.create(
            partnership=p,
            framework=framework,
            year=today.year - 1,
            audience=Audience.SETTINGS,
            deadline=today - timedelta(days=5),
            opened_at=now - timedelta(days=90),
        )
        participants = Participant.unscoped.bulk_create(
            Participant(
                partnership=p,
                round=round,
                setting=s,
                status=("submitted", "submitted", "in_progress", "not_started", "in_progress")[
                    i % 5
                ],
                submitted_at=now - timedelta(days=i % 60) if i % 5 < 2 else None,
            )
            for i, s in enumerate(made)
        )
        history = apps.get_model("selfassessment", "HistoricalParticipant")
        history._default_manager.bulk_create(  # the opening, and each change since
            history(
                id=x.pk,
                partnership_id=p.pk,
                round_id=round.pk,
                setting_id=x.setting_id,
                status=x.status,
                submitted_at=x.submitted_at,
                history_date=now - timedelta(days=(i * 7) % 80) if changed else now,
                history_type="~" if changed else "+",
            )
            for i, x in enumerate(participants)
            for changed in ((False, True) if x.status != "not_started" else (False,))
        )
        Chase.unscoped.bulk_create(
            Chase(
                partnership=p,
                participant=x,
                chased_at=now - timedelta(days=i % 10),
                chased_by=bu,
                recipients="dsl@bench.example",
                sent_at=now,
            )
            for i, x in enumerate(participants)
            if x.status != "submitted" and i % 3 == 0
        )
    return round


DASHBOARD_SQL = """
WITH counts AS (
  SELECT SUM(CASE WHEN status = 'not_started' THEN 1 ELSE 0 END) AS not_started,
         SUM(CASE WHEN status = 'in_progress' THEN 1 ELSE 0 END) AS in_progress,
         SUM(CASE WHEN status = 'submitted' THEN 1 ELSE 0 END) AS submitted
  FROM selfassessment_participant WHERE round_id = %(round)s
), page AS (
  SELECT s.name, s.establishment_type, s.phase, s.postcode, p.status, p.submitted_at,
         (SELECT MAX(h.history_date) FROM selfassessment_historicalparticipant h
           WHERE h.id = p.id AND h.history_type = '~') AS last_activity,
         (SELECT MAX(c.chased_at) FROM selfassessment_chase c
           WHERE c.participant_id = p.id) AS last_chased
  FROM selfassessment_participant p JOIN selfassessment_setting s ON s.id = p.setting_id
  WHERE p.round_id = %(round)s {where}
  ORDER BY {order} LIMIT 50
)
SELECT * FROM page, counts
"""

COMPLETION_SQL = """
SELECT s.name, p.status, p.submitted_at,
       COUNT(*) OVER (PARTITION BY p.status) AS in_status
FROM selfassessment_participant p JOIN selfassessment_setting s ON s.id = p.setting_id
WHERE p.round_id = %(round)s ORDER BY s.name
"""


def raw(sql: str, **params: Any) -> Any:
    def run() -> int:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return len(cursor.fetchall())

    return run


FILTER = "?phase=Nursery&status=overdue&area=NF3&sort=activity"  # 30 of 600


def _pages(p: Partnership, round: Round) -> list[Page]:
    base = f"/p/{p.slug}/self-assessment/rounds/{round.pk}/completion/"
    return [
        Page("dashboard: first page", base),
        Page("dashboard: filtered, by last activity", base + FILTER),
        Page("dashboard: Excel export (all)", base + "export.xlsx"),
        Page("completion API", f"/api/v1/self-assessments/rounds/{round.pk}/completion"),
    ]


@scenario("selfassessment", order=81)
def selfassessment_dashboard(bench: Bench) -> None:
    n = env_int("BENCH_SA_SETTINGS", 600)
    standards = env_int("BENCH_SA_STANDARDS", 40)
    if n <= 0:
        return
    p = bench.partnerships[0]
    round = build_round(p, settings=n, standards=standards)
    small_round = build_round(bench.small, settings=10, standards=standards)
    bench.write(
        f"\nSelf-assessment: a round of {n:,} settings on a tool of {standards} standards "
        "(deadline passed; 40% submitted, 40% in progress, 20% not started)"
    )
    bench.measure_floor()
    client = bench.client(p)
    shell = time_page(
        "signed-in shell (search, nothing typed)", client, f"/p/{p.slug}/search/", bench.repeat
    )
    rows = bench.time_pages(_pages(p, round), client)
    first_sql = bench.time(
        "raw SQL: counts + first 50 rows",
        raw(DASHBOARD_SQL.format(where="", order="s.name"), round=round.pk),
    )
    filtered_sql = bench.time(
        "raw SQL: counts + filtered 50",
        raw(
            DASHBOARD_SQL.format(
                where="AND s.phase = 'Nursery' AND p.status <> 'submitted' "
                "AND s.postcode LIKE 'NF3 %%'",
                order="last_activity DESC",
            ),
            round=round.pk,
        ),
    )
    completion_sql = bench.time("raw SQL: every participant", raw(COMPLETION_SQL, round=round.pk))
    title = f"Self-assessment completion ({n} settings × {standards} standards)"
    bench.report(title + ": × the signed-in shell", [shell, *rows], baseline=shell)
    for row, sql in zip(
        rows, (first_sql, filtered_sql, completion_sql, completion_sql), strict=True
    ):
        bench.report(f"{row.label} beside its raw SQL", [sql, row], baseline=sql)
    small = bench.client(bench.small)
    for page, row in zip(_pages(bench.small, small_round), rows, strict=True):
        few = time_page(page.label, small, page.url, 1).queries
        bench.compare_queries(page.label, "10 settings", f"{n} settings", few, row.queries)
