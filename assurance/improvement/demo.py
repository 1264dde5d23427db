"""A year of the learning cycle in Northfield, built through the same services the pages use.

The Assurance and Review Group (ARG) meets quarterly and turns learning from the demo audits,
the data set, a rapid review, a Section 11 audit, feedback, a national review and new guidance
into themes and recommendations; the executive (LSCP) decides on them three times a year — once
while inquorate, because the police could not attend — and the Response and Delivery Group
(RDG) reviews the actions. The independent scrutineer challenges the agencies. The next
executive meeting is still to come, with its agenda and highlight report ready.

Dates are relative to the day the demo is loaded. Loading is idempotent: if Northfield already
has meetings, nothing is added.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from assurance.audits.models import Audit
from assurance.core.history import save_as
from assurance.dataset.catalogue.models import Indicator
from assurance.frameworks.models import Item
from assurance.improvement.actions.demo import (
    PLAN_TITLE,
    audit_recommendations,
    plan_audit_actions,
)
from assurance.improvement.learning import services as learning_services
from assurance.improvement.learning.models import (
    LearningDocument,
    LearningItem,
    LearningSource,
    LearningTheme,
    Recommendation,
)
from assurance.improvement.meetings.demo import MeetingsDemo
from assurance.improvement.meetings.models import DecisionOutcome, Meeting
from assurance.improvement.scrutiny import services as scrutiny_services
from assurance.improvement.scrutiny.models import ChallengeOutcome
from assurance.partnerships.models import Partnership, Priority

EXECUTIVE_FULL = [
    "group-member",
    "health-chief-nurse",
    "police-commander",
    "health-lead",
    "scrutineer",
    "school-lead",
    "business-unit",
]
ARG_PRESENT = [
    "la-lead",
    "health-lead",
    "police-lead",
    "hospital-lead",
    "school-lead",
    "business-unit",
    "scrutineer",
]
RDG_PRESENT = ["police-lead", "la-lead", "health-lead", "school-lead", "business-unit"]

DOCUMENT_PATH = "learning/demo/rapid-review-learning-summary.txt"
DOCUMENT_TEXT = (
    "Rapid review RR-02: learning summary (fictional demo document)\n\n"
    "1. Health visiting did not know of three police call-outs to the home.\n"
    "2. No agency used the escalation procedure although the plan was not working.\n"
    "3. The neglect assessment tool was not used at the start.\n"
)


def _standards(audit: Any) -> list[Any]:

    if audit is None or audit.framework_id is None:
        return []
    return list(
        Item.objects.filter(
            section__framework_id=audit.framework_id, response_type__in=["scale", "yes_no_na"]
        ).order_by("section__order", "order")
    )


def _attach_demo_document(demo: MeetingsDemo, item: LearningItem) -> None:
    if not default_storage.exists(DOCUMENT_PATH):
        default_storage.save(DOCUMENT_PATH, ContentFile(DOCUMENT_TEXT.encode()))
    document = LearningDocument(
        partnership=demo.p,
        item=item,
        title="Rapid review RR-02: learning summary",
        size=len(DOCUMENT_TEXT.encode()),
        uploaded_by=demo.bu.person,
    )
    document.file.name = DOCUMENT_PATH
    save_as(document, demo.bu)


def load_demo_learning_cycle(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None or Meeting.objects_for(partnership).exists():
        return
    with transaction.atomic():
        _load(partnership)
    if command is not None:
        command.stdout.write("Learning cycle: a year of meetings, decisions and challenges")


def _load(partnership: Partnership) -> None:

    demo = MeetingsDemo(partnership)
    if not {"ARG", "LSCP", "RDG"} <= set(demo.groups):
        return
    bu = demo.bu
    audits = {a.title: a for a in Audit.objects_for(partnership)}
    earlier, later = audits.get("Neglect deep dive 2025/26"), audits.get("Neglect deep dive")
    priorities = {p.title: p for p in Priority.objects_for(partnership).order_by("business_year")}

    def theme(title: str, description: str, priority: str = "") -> LearningTheme:
        t = LearningTheme(
            partnership=partnership,
            title=title,
            description=description,
            priority=priorities.get(priority),
        )
        return save_as(t, bu)

    drift = theme(
        "Drift in neglect cases",
        "Plans for neglected children run on without change; seen in two audits, the data set "
        "and an inspection.",
        "Neglect",
    )
    escalation = theme(
        "Escalation when plans are not working",
        "Practitioners rarely use the escalation procedure, and some agencies lack a current one.",
        "Neglect",
    )
    sharing = theme(
        "Sharing information between agencies",
        "What one agency knows about a family does not reach the others in time.",
    )
    voice = theme(
        "Hearing the child",
        "Children tell us they repeat their story and are not told what happens next.",
        "Early help",
    )

    def learn(offset: int, title: str, text: str, source: str, **links: Any) -> LearningItem:
        themes = links.pop("themes", [])
        return learning_services.learning_item_create(
            actor=bu,
            title=title,
            what_was_learned=text,
            source=source,
            learned_on=demo.day(offset),
            themes=themes,
            **links,
        )

    early_standards, later_standards = _standards(earlier), _standards(later)
    tool_late = learn(
        -345,
        "The neglect assessment tool is rarely used at the start",
        "In most audited cases no agency used the neglect assessment tool when the concern "
        "first arose, so there was no baseline to show whether things changed for the child.",
        LearningSource.AUDIT,
        audit=earlier,
        standard=early_standards[0] if early_standards else None,
        themes=[drift],
    )
    no_escalation = learn(
        -340,
        "Plans that stall are not escalated",
        "Auditors found plans that had not worked for months with no use of the escalation "
        "procedure by any agency.",
        LearningSource.AUDIT,
        audit=earlier,
        standard=early_standards[-1] if early_standards else None,
        themes=[escalation],
    )
    learn(
        -300,
        "Three agencies have no current escalation policy",
        "The Section 11 audit found 3 of 14 agencies without an escalation policy reviewed in "
        "the last two years.",
        LearningSource.SINGLE_AGENCY,
        source_reference="Section 11 audit 2025/26",
        themes=[escalation],
    )
    rapid = learn(
        -260,
        "Health visiting did not know of police call-outs",
        "A rapid review of an infant's injury found that three police call-outs to the home "
        "were not shared with health visiting.",
        LearningSource.REVIEW,
        source_reference="Rapid review RR-02",
        themes=[sharing, escalation],
    )
    _attach_demo_document(demo, rapid)
    indicator = Indicator.objects.filter(code="CSC-CPP-2Y").first()
    learn(
        -200,
        "More children on a plan for two years or more than our neighbours",
        "The share of child protection plans lasting two years or more has been above the "
        "statistical neighbour average for three years running.",
        LearningSource.DATASET,
        indicator=indicator,
        themes=[drift],
    )
    learn(
        -190,
        "Inspection: strong front door, weaker oversight of drift",
        "The focused visit praised the front door but found management oversight did not "
        "challenge drift in long-running neglect cases.",
        LearningSource.INSPECTION,
        source_reference="Focused visit, spring",
        themes=[drift],
    )
    learn(
        -120,
        "Young people repeat their story to each new worker",
        "At the young people's forum, children said they had to tell their story again to every "
        "new worker and were not told what happened next.",
        LearningSource.FEEDBACK,
        source_reference="Young people's forum",
        themes=[voice],
    )
    drift_audit = learn(
        -110,
        "Drift in neglect cases open more than six months",
        "The second neglect deep dive found supervision did not challenge drift when the same "
        "concerns recurred over many months.",
        LearningSource.AUDIT,
        audit=later,
        standard=later_standards[1] if len(later_standards) > 1 else None,
        themes=[drift],
    )
    learn(
        -95,
        "National review: safeguarding disabled children in residential settings",
        "The national panel's review asks partnerships to check how they hear disabled "
        "children's views; our audits have not looked at this.",
        LearningSource.NATIONAL_REVIEW,
        source_reference="Child Safeguarding Practice Review Panel",
        themes=[voice],
    )
    learn(
        -60,
        "Regional escalation protocol agreed",
        "The region has agreed a shared escalation protocol; ours should align with it.",
        LearningSource.REGIONAL,
        themes=[escalation],
    )
    learn(
        -30,
        "New multi-agency practice standards in statutory guidance",
        "The updated statutory guidance sets multi-agency practice standards that our training "
        "offer should reflect.",
        LearningSource.LEGISLATION,
        source_reference="Working Together to Safeguard Children",
    )

    # The audits' recommendations, made by the ARG from each audit's learning when the audit
    # reported (learning → recommendation → decision → action, like every recommendation).
    def audit_recs(audit: Any, plan: list[tuple[str, LearningItem, str, str]]) -> list[Any]:
        if audit is None:
            return []
        recs = []
        for title, item, measure_kind, measure in plan:
            rec = learning_services.learning_recommendation_create(
                actor=bu, title=title, text=title + ".", learning_items=[item]
            )
            demo.backdate(rec, (audit.report_due or audit.planned_month) + timedelta(days=14))
            recs.append((rec, measure_kind, measure))
        return recs

    early_recs = audit_recs(earlier, audit_recommendations(tool_late, no_escalation))
    later_recs = audit_recs(later, audit_recommendations(drift_audit, drift_audit))

    def recommend(
        offset: int, title: str, text: str, themes: list[LearningTheme]
    ) -> Recommendation:
        rec = learning_services.learning_recommendation_create(
            actor=bu, title=title, text=text, themes=themes
        )
        demo.backdate(rec, demo.day(offset))
        return rec

    # --- the year, in order -------------------------------------------------------------------
    demo.meeting(
        "ARG",
        -320,
        present=ARG_PRESENT,
        minutes="The group reviewed the first neglect deep dive and the Section 11 returns. "
        "Escalation stood out in both.",
    )
    exec1 = demo.meeting(
        "LSCP",
        -290,
        present=EXECUTIVE_FULL,
        minutes="The executive received the neglect deep dive report and agreed its "
        "recommendations.",
    )
    for rec, _kind, _measure in early_recs:
        demo.decide(
            exec1,
            rec,
            DecisionOutcome.ACCEPT,
            "The audit's evidence is clear and the action is within existing resources.",
        )
    plan_audit_actions(bu, early_recs, earlier, demo.people)
    demo.meeting("RDG", -260, present=RDG_PRESENT, minutes="Action plans for the audit agreed.")
    demo.meeting(
        "ARG",
        -230,
        present=ARG_PRESENT,
        apologies=("hospital-lead",),
        minutes="Escalation is a pattern across the audit, the Section 11 audit and the rapid "
        "review. The group recommends relaunching the procedure.",
    )
    r_escalation = recommend(
        -228,
        "Relaunch the escalation procedure and follow up the Section 11 gaps",
        "Relaunch the multi-agency escalation procedure with a briefing for practitioners, and "
        "ask the three agencies without a current policy to adopt one within three months.",
        [escalation],
    )
    police_challenge = scrutiny_services.challenge_raise(
        actor=demo.actor("scrutineer"),
        agency=demo.people["police-commander"].agency,
        person=demo.people["police-commander"],
        subject="Police attendance at the executive",
        detail="The police were not represented at the executive, so it could not take "
        "decisions. How will the police make sure a deputy attends when the commander cannot?",
        raised_on=demo.day(-180),
        respond_by=demo.day(-150),
    )
    exec2 = demo.meeting(
        "LSCP",
        -180,
        present=[x for x in EXECUTIVE_FULL if x != "police-commander"],
        apologies=("police-commander",),
        minutes="The police sent apologies and no deputy, so the meeting was not quorate. "
        "The executive asked the ARG for costs before deciding on escalation.",
    )
    police_challenge.meeting = exec2
    save_as(police_challenge, demo.actor("scrutineer"))
    demo.decide(
        exec2,
        r_escalation,
        DecisionOutcome.MORE_INFO,
        "Members asked for the cost of the briefing programme and which agencies lack a "
        "policy. Taken while inquorate: to be confirmed at the next meeting.",
    )
    scrutiny_services.challenge_answer(
        actor=demo.actor("police-lead"),
        challenge=police_challenge,
        answer="The Detective Chief Inspector for Public Protection is now the named deputy, "
        "and the commander's diary holds every executive date for the year.",
        answered_on=demo.day(-160),
    )
    demo.meeting("RDG", -160, present=RDG_PRESENT)
    demo.meeting(
        "ARG",
        -140,
        present=ARG_PRESENT,
        minutes="Drift is seen in the audit, the data set and the inspection. The group "
        "recommends training and a protocol on sharing information.",
    )
    r_drift = recommend(
        -138,
        "Train managers to recognise and review drift in neglect cases",
        "Commission multi-agency training for supervisors on recognising drift, using the "
        "neglect tool to show change, with a re-audit of the standard in a year.",
        [drift],
    )
    conferences = learn(
        -150,
        "Fewer initial conferences held within 15 days than in similar areas",
        "The share of initial child protection conferences held within 15 working days of the "
        "strategy discussion is below the statistical neighbour average: reports arrive late "
        "and conference slots are hard to book.",
        LearningSource.DATASET,
        indicator=Indicator.objects.filter(code="CSC-ICPC15").first(),
    )
    r_conferences = learning_services.learning_recommendation_create(
        actor=bu,
        title=PLAN_TITLE,
        text="Fewer initial child protection conferences were held within 15 days of the "
        "strategy discussion than in similar areas. Agencies should share reports in time and "
        "the council should protect conference slots.",
        learning_items=[conferences],
    )
    demo.backdate(r_conferences, demo.day(-136))
    r_sharing = recommend(
        -137,
        "Agree a protocol for police call-outs to reach health visiting",
        "Agree with the police and the ICB how call-outs to homes with a child under one "
        "reach health visiting within one working day.",
        [sharing],
    )
    exec3 = demo.meeting(
        "LSCP",
        -80,
        present=EXECUTIVE_FULL,
        minutes="Quorate. Decisions below; the escalation decision taken while inquorate was "
        "confirmed with the costs the ARG provided.",
    )
    demo.decide(
        exec3,
        r_drift,
        DecisionOutcome.ACCEPT,
        "Drift is the strongest pattern in our learning this year.",
        votes={
            "group-member": "for",
            "police-commander": "for",
            "health-chief-nurse": "for",
            "health-lead": "for",
        },
    )
    demo.decide(
        exec3,
        r_escalation,
        DecisionOutcome.ACCEPT,
        "The costs are within the training budget.",
        votes={
            "group-member": "for",
            "police-commander": "for",
            "health-chief-nurse": "for",
            "health-lead": "abstain",
        },
    )
    demo.decide(
        exec3,
        r_conferences,
        DecisionOutcome.ACCEPT,
        "Timely conferences are a priority of the business plan; agreed without a vote.",
    )
    demo.decide(
        exec3,
        r_sharing,
        DecisionOutcome.DEFER,
        "The region is agreeing a shared protocol; decide when it is published.",
    )
    for rec, _kind, _measure in later_recs:
        if "escalation" in rec.title.lower():
            continue  # still awaiting a decision: on the next agenda
        demo.decide(
            exec3,
            rec,
            DecisionOutcome.ACCEPT,
            "Follows from the second neglect deep dive's findings.",
        )
    plan_audit_actions(bu, later_recs, later, demo.people)
    scrutiny_services.challenge_close(
        actor=demo.actor("scrutineer"),
        challenge=police_challenge,
        outcome=ChallengeOutcome.RESOLVED,
        outcome_notes="The police were represented at the next executive.",
        closed_on=demo.day(-80),
    )
    scrutiny_services.challenge_raise(
        actor=demo.actor("scrutineer"),
        agency=demo.people["la-lead"].agency,
        person=demo.people["la-lead"],
        subject="Evidence that supervision now challenges drift",
        detail="What evidence will show the executive that supervision of neglect cases now "
        "challenges drift, before the re-audit?",
        raised_on=demo.day(-75),
        respond_by=demo.day(-20),
        meeting=exec3,
        recommendation=r_drift,
    )
    demo.meeting("RDG", -70, present=RDG_PRESENT, minutes="Training plan for drift agreed.")
    demo.meeting(
        "ARG",
        -50,
        present=ARG_PRESENT,
        minutes="The young people's forum and the national review both ask how we hear "
        "children. The group recommends a young people's panel.",
    )
    recommend(
        -48,
        "Ask a young people's panel to review how often children repeat their story",
        "Set up a panel of young people with experience of services to review, with the "
        "business unit, how many workers a child meets and what they are told.",
        [voice],
    )
    sharing_challenge = scrutiny_services.challenge_raise(
        actor=demo.actor("scrutineer"),
        agency=demo.people["health-lead"].agency,
        person=demo.people["health-lead"],
        subject="Health visiting access to police call-outs",
        detail="While the protocol is deferred, how does health visiting learn of police "
        "call-outs to homes with a baby?",
        raised_on=demo.day(-40),
        respond_by=demo.day(20),
        recommendation=r_sharing,
    )
    scrutiny_services.challenge_answer(
        actor=demo.actor("health-lead"),
        challenge=sharing_challenge,
        answer="The MASH health practitioner now checks police call-outs daily and tells the "
        "health visiting team the same day.",
        answered_on=demo.day(-5),
    )
    demo.meeting("RDG", -10, present=RDG_PRESENT)
    # The next executive: agenda and highlight report ready, not yet held.
    demo.meeting("LSCP", 50, present=None)
