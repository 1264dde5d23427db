"""Each standard asked in practitioners' words (pure): "In my organisation …".

The shipped tools' standards are written for the organisation's lead; a practitioner is asked
whether they see the same thing where they work. Each shipped standard has its question here,
written by us from the standard (the tools' files are ``tools/data/*.yaml``); a standard of
another tool (one the partnership uploaded) is asked as "In my organisation: " and the
standard's own words."""

from __future__ import annotations

SECTION_11 = {
    "1.1": "In my organisation, it is clear who is accountable for keeping children safe, from "
    "the top to the front line.",
    "1.2": "In my organisation, a senior leader takes responsibility for safeguarding and acts "
    "on what they hear about it.",
    "1.3": "In my organisation, I know who our designated safeguarding professional is and how "
    "to reach them.",
    "1.4": "In my organisation, we take part in the partnership's audits, reviews and learning, "
    "and change what we do because of them.",
    "2.1": "In my organisation, we listen to children and what they say changes decisions about "
    "them and our services.",
    "2.2": "In my organisation, services are safe for every child and take account of their "
    "needs and identity.",
    "3.1": "In my organisation, I know how to blow the whistle and I would feel safe doing so.",
    "3.2": "In my organisation, I know how to escalate a concern about a child when it is not "
    "being dealt with, here or by another agency.",
    "3.3": "In my organisation, I know what information I can share about a child, with whom, "
    "and I can share it in good time.",
    "3.4": "In my organisation, I know what to do if I am worried about how a colleague behaves "
    "with children, including when to involve the LADO.",
    "4.1": "In my organisation, safer recruitment checks are done for everyone who works with "
    "children, including volunteers and contractors.",
    "4.2": "In my organisation, I have had safeguarding training for my role, and supervision "
    "that helps me with safeguarding work.",
}

SECTION_175 = {
    "1.1": "In my school or college, governors or trustees take safeguarding seriously and one "
    "of them leads on it.",
    "1.2": "In my school or college, I know who the designated safeguarding lead and deputies "
    "are, and I can always reach one of them.",
    "1.3": "In my school or college, I know where the child protection policy is and what it "
    "asks of me.",
    "2.1": "In my school or college, I have read Part one of Keeping Children Safe in "
    "Education (and Annex B if I work directly with children).",
    "2.2": "In my school or college, my safeguarding training is up to date, including online "
    "safety and filtering and monitoring.",
    "2.3": "In my school or college, I know how to record a concern and pass it to the DSL "
    "straight away.",
    "3.1": "In my school or college, safer recruitment is followed for every appointment.",
    "3.2": "In my school or college, I know what to do with a concern, even a low-level one, "
    "about an adult's behaviour.",
    "4.1": "In my school or college, children and families who need early help get it.",
    "4.2": "In my school or college, child-on-child abuse, including sexual harassment, is "
    "never dismissed and is dealt with.",
    "4.3": "In my school or college, children who are absent or missing from education are "
    "followed up.",
    "4.4": "In my school or college, looked-after children and children with SEND get the "
    "support they need to be safe and to learn.",
    "5.1": "In my school or college, filtering and monitoring work, and I know what to do when "
    "they flag something.",
    "5.2": "In my school or college, children are taught how to keep themselves safe, online "
    "and offline.",
}

EXPLOITATION = {
    "1.1": "In my organisation, I know who our exploitation single point of contact is.",
    "1.2": "In my organisation, our policies follow the partnership's exploitation procedures, "
    "including for young adults.",
    "2.1": "In my organisation, I can recognise the signs of exploitation and I use the "
    "partnership's screening tool.",
    "2.2": "In my organisation, I know how to share information about exploitation with the "
    "police and the exploitation meetings.",
    "2.3": "In my organisation, children who go missing are offered a return home interview and "
    "what they say is used.",
    "3.1": "In my organisation, I have the knowledge and skills about exploitation that my role "
    "needs.",
    "3.2": "In my organisation, we know whether the risk of exploitation reduces for the "
    "children we work with.",
}

# By the start of the shipped tool's name
SHIPPED = (
    ("Section 11", SECTION_11),
    ("Section 175", SECTION_175),
    ("Exploitation", EXPLOITATION),
)


def staff_question(*, tool_name: str, code: str, standard: str) -> str:
    """The question a practitioner is asked about one standard of the tool."""
    for prefix, questions in SHIPPED:
        if tool_name.startswith(prefix) and code in questions:
            return questions[code]
    text = " ".join(standard.split())
    return f"In my organisation: {text}"
