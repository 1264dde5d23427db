"""A year of Northfield's feedback, through the same services as the pages: two open links
(children in care about their social worker; families about early help) with forty-odd answers
across the year, and one message that read like a disclosure, flagged to the duty inbox and
handled the same morning; two participation events with what was heard; a spreadsheet of
feedback the hospital trust gathered; the feedback tagged with the learning cycle's themes, a
few quotes chosen, and three “you said, we did” answers linked to actions of the action log (one
of them with its impact measured by a re-audit); and voice a standing item of the Assurance
and Review Group's meetings.

Dates are relative to the day the demo is loaded. Loading is idempotent: if Northfield already
has form links, nothing is added.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from assurance.core.spreadsheets import add_sheet, append_row, new_workbook, workbook_bytes
from assurance.improvement.actions.demo import closed_thread_action
from assurance.improvement.actions.models import Action
from assurance.improvement.learning.models import LearningTheme
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Agency, Group, Partnership, Person
from assurance.voice.events import services as event_services
from assurance.voice.events.models import EventKind, ParticipationEvent
from assurance.voice.feedback import services, upload
from assurance.voice.feedback.disclosure import STARTER_WORDS
from assurance.voice.feedback.models import AgeBand, Feedback, FeedbackLink, ServiceUsed
from assurance.voice.summary import services as summary_services
from assurance.voice.themes import services as theme_services
from assurance.voice.themes.models import QuotePart
from assurance.voice.you_said_we_did import services as answer_services
from assurance.voice.you_said_we_did.models import YouSaidWeDid

BASE_URL = "http://localhost:8000"
DISCLOSURE = "My mums boyfriend hit me and I am scared to go home after school"

# (feeling, what was good, what could be better), as children and parents wrote them.
ANSWERS = [
    (5, "My social worker always rings back when she says she will", ""),
    (4, "She listened to me and didn't rush", "I want to know what happens at meetings"),
    (2, "", "I've had 4 social workers this year and I have to tell my story again every time"),
    (3, "The family support worker was kind", "Letters came with words I didn't understand"),
    (5, "Youth club is the best bit of my week", ""),
    (1, "", "Nobody told me why I had to move school"),
    (4, "The nurse explained things properly", "Waiting room was scary"),
    (3, "", "I would like to see my worker somewhere that isn't school"),
    (5, "They helped my mum and now things are calmer at home", ""),
    (2, "My worker is nice", "I didn't get a say in my plan"),
    (4, "I liked the activity day", "More things to do in the holidays"),
    (3, "", "It takes ages to get an appointment to talk about my feelings"),
]
EARLY_HELP = [
    (4, "Our family worker came at times that worked around my shifts", ""),
    (2, "", "We were passed between three services before anyone helped"),
    (5, "The parenting group was really useful and not judgemental", ""),
    (3, "Helpful in the end", "I didn't know who to ring when things got worse"),
]
CHILD_BANDS = [AgeBand.AGE_8_12, AgeBand.AGE_13_15, AgeBand.AGE_16_18, AgeBand.UNDER_8]


def load_demo_feedback(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None or FeedbackLink.objects_for(partnership).exists():
        return
    person = Person.objects_for(partnership).filter(email__startswith="business-unit@").first()
    if person is None:
        return
    with transaction.atomic():
        _load(partnership, actor_for_person(person))
    if command is not None:
        command.stdout.write("Voice: a year of feedback from children and families")


def _load(partnership: Partnership, bu: Any) -> None:
    today = timezone.localdate()
    rng = random.Random(13)
    services.duty_inbox_save(
        actor=bu,
        duty_email="duty@northfield.example",
        disclosure_words="\n".join(STARTER_WORDS),
        local_help="To tell Northfield children's services you are worried about a child, "
        "call 0300 555 0100 (any time).",
    )
    in_care = services.feedback_link_create(
        actor=bu, title="Children in care: tell us about your social worker", service=""
    )
    early_help = services.feedback_link_create(
        actor=bu, title="Families: tell us about early help", service=ServiceUsed.EARLY_HELP
    )
    services_used = [
        ServiceUsed.SOCIAL_CARE,
        ServiceUsed.SOCIAL_CARE,
        ServiceUsed.HEALTH,
        ServiceUsed.SCHOOL,
        ServiceUsed.YOUTH,
        ServiceUsed.MENTAL_HEALTH,
    ]
    for n in range(36):
        feeling, good, better = ANSWERS[n % len(ANSWERS)]
        services.feedback_submit(
            link=in_care,
            age_band=rng.choice(CHILD_BANDS),
            service=rng.choice(services_used),
            feeling=feeling,
            good=good,
            better=better,
            base_url=BASE_URL,
            today=today - timedelta(days=360 - n * 10),
        )
    for n in range(8):
        feeling, good, better = EARLY_HELP[n % len(EARLY_HELP)]
        services.feedback_submit(
            link=early_help,
            age_band=AgeBand.PARENT_CARER,
            service="",
            feeling=feeling,
            good=good,
            better=better,
            base_url=BASE_URL,
            today=today - timedelta(days=330 - n * 40),
        )
    flagged = services.feedback_submit(
        link=in_care,
        age_band=AgeBand.AGE_13_15,
        service=ServiceUsed.SCHOOL,
        feeling=1,
        good="",
        better=DISCLOSURE,
        base_url=BASE_URL,
        today=today - timedelta(days=45),
    )
    if flagged.flagged:
        services.feedback_handle(
            actor=bu,
            feedback=flagged,
            note="Read at 09:10. Passed to the children's services front door at 09:20 with the "
            "link and time; the front door identified the school from the time of sending and "
            "the designated safeguarding lead saw the young person the same morning.",
        )
    _events(partnership, bu, today)
    _agency_upload(partnership, bu, today)
    _themes(partnership, bu)
    _you_said_we_did(partnership, bu, today)
    arg = Group.objects_for(partnership).filter(short_name="ARG").first()
    if arg is not None:
        summary_services.agenda_groups_set(actor=bu, groups=[arg])


FORUM_HEARD = [
    ("better", AgeBand.AGE_13_15, "We have to tell our story again to every new worker."),
    ("better", AgeBand.AGE_16_18, "Nobody tells us what happens after a meeting about us."),
    ("good", AgeBand.AGE_13_15, "Workers who text back the same day make a big difference."),
    ("better", AgeBand.AGE_16_18, "Letters use words we don't understand."),
]
COUNCIL_HEARD = [
    ("better", AgeBand.AGE_8_12, "I want to see my brother more often."),
    ("good", AgeBand.AGE_8_12, "My foster carer helps me with homework."),
    ("better", AgeBand.AGE_13_15, "Reviews are at school and everyone knows why I leave class."),
]
HOSPITAL_ROWS = [
    (-300, "13 to 15", "A doctor or nurse", 4, "The nurse explained what would happen", ""),
    (-240, "I am a parent or carer", "A doctor or nurse", 2, "", "Nobody asked my child"),
    (-180, "16 to 18", "Help with feelings or mental health", 3, "", "The wait was too long"),
    (-120, "8 to 12", "A doctor or nurse", 5, "They let me bring my teddy", ""),
    (-60, "13 to 15", "Help with feelings or mental health", 2, "", "I saw three people"),
    (-20, "I am a parent or carer", "A doctor or nurse", 4, "Kind and quick", ""),
]


def _events(partnership: Partnership, bu: Any, today: Any) -> None:
    council = Agency.objects_for(partnership).filter(name__icontains="council").first()
    for title, kind, offset, participants, heard in (
        ("Youth forum: spring", EventKind.YOUTH_FORUM, -200, 14, FORUM_HEARD),
        ("Children in care council: autumn", EventKind.CHILDREN_IN_CARE, -70, 9, COUNCIL_HEARD),
    ):
        event = event_services.event_save(
            actor=bu,
            event=ParticipationEvent(),
            title=title,
            kind=kind,
            held_on=today + timedelta(days=offset),
            agency=council,
            participants=participants,
            summary="What it is like to have a social worker, and what should change.",
        )
        for kind_heard, band, text in heard:
            event_services.event_heard_add(
                actor=bu,
                event=event,
                heard=text,
                kind=kind_heard,
                age_band=band,
                base_url=BASE_URL,
            )


def _agency_upload(partnership: Partnership, bu: Any, today: Any) -> None:
    hospital = Agency.objects_for(partnership).filter(name__icontains="hospital").first()
    if hospital is None:
        return
    workbook = new_workbook(upload.INSTRUCTIONS)
    sheet = add_sheet(workbook, upload.SHEET, upload.HEADINGS)
    for offset, *values in HOSPITAL_ROWS:
        append_row(sheet, [today + timedelta(days=offset), *values])
    services.feedback_upload(
        actor=bu,
        agency=hospital,
        file_name="hospital-feedback.xlsx",
        content=workbook_bytes(workbook),
        base_url=BASE_URL,
        today=today,
    )


# Words in the feedback → the learning cycle's theme it speaks about (the demo's themes).
THEME_WORDS = {
    "Hearing the child": (
        "story again",
        "social workers this year",
        "didn't get a say",
        "what happens",
        "nobody asked my child",
        "nobody told me",
        "words",
    ),
    "Sharing information between agencies": (
        "passed between",
        "three people",
        "who to ring",
        "tell our story",
    ),
    "Drift in neglect cases": ("passed between", "things got worse"),
}
QUOTES = (
    ("I've had 4 social workers this year", QuotePart.BETTER),
    ("We have to tell our story again", QuotePart.BETTER),
    ("Workers who text back the same day", QuotePart.GOOD),
    ("They let me bring my teddy", QuotePart.GOOD),
)


def _themes(partnership: Partnership, bu: Any) -> None:
    themes = {t.title: t for t in LearningTheme.objects_for(partnership)}
    chosen_once: set[str] = set()
    for piece in Feedback.objects_for(partnership).filter(flagged=False).order_by("pk"):
        words = f"{piece.good} {piece.better}".lower()
        tagged = [
            themes[title]
            for title, needles in THEME_WORDS.items()
            if title in themes and any(needle in words for needle in needles)
        ]
        if tagged:
            theme_services.feedback_themes_set(actor=bu, feedback=piece, themes=tagged)
        for start, part in QUOTES:
            if start not in chosen_once and str(getattr(piece, part)).startswith(start):
                theme_services.quote_choose(actor=bu, feedback=piece, part=part)
                chosen_once.add(start)


def _you_said_we_did(partnership: Partnership, bu: Any, today: Any) -> None:
    themes = {t.title: t for t in LearningTheme.objects_for(partnership)}
    actions = Action.objects_for(partnership)
    answers = [
        (
            "Hearing the child",
            "You have to tell your story again to every new worker, and nobody tells you what "
            "happens after a meeting about you.",
            "Every child's plan now starts with a page in their own words that a new worker "
            "reads first, and after each meeting the worker writes to the child to say what was "
            "decided. A learning event on planning conferences around the child is booked.",
            actions.filter(title__startswith="Hold a learning event on planning").first(),
            -40,
        ),
        (
            "Drift in neglect cases",
            "Parents told us they were passed between services, and things got worse before "
            "anyone helped.",
            "Social workers, health visitors and school staff were trained to use the neglect "
            "assessment tool at the start of every case and at each review, so help starts "
            "sooner. The re-audit measured the change.",
            closed_thread_action(partnership),
            -25,
        ),
        (
            "Sharing information between agencies",
            "You saw three different people and nobody asked your child what they thought.",
            "GP practices agreed how they tell the conference what they know when they cannot "
            "come, so families do not have to repeat it.",
            actions.filter(title__startswith="Agree with GP practices").first(),
            -10,
        ),
    ]
    for title, said, did, action, offset in answers:
        if title not in themes:
            continue
        answer_services.answer_save(
            actor=bu,
            answer=YouSaidWeDid(),
            theme=themes[title],
            you_said=said,
            we_did=did,
            action=action,
            answered_on=today + timedelta(days=offset),
        )
