"""Free text that looks like a child identifier is found; ordinary audit prose is not."""

import pytest

from assurance.core.identifiers import find_identifiers, flag_identifiers, nhs_number_is_valid


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("NHS number 943 476 5919 on the letter", "nhs_number", "943 476 5919"),
        ("ref 9434765919.", "nhs_number", "9434765919"),
        ("nhs 943-476-5919", "nhs_number", "943-476-5919"),
        ("Lives at B91 3QB with mum", "postcode", "B91 3QB"),
        ("postcode sw1a1aa", "postcode", "sw1a1aa"),
        ("NI number AB 12 34 56 C", "ni_number", "AB 12 34 56 C"),
        ("DOB 03/04/2015", "date_of_birth", "03/04/2015"),
        ("born 3 April 2015", "date_of_birth", "3 April 2015"),
        ("born 2015-04-03", "date_of_birth", "2015-04-03"),
        ("e-mail mum.smith@example.com today", "email", "mum.smith@example.com"),
        ("call 07700 900123 after 5", "phone", "07700 900123"),
        ("call 0121 496 0000", "phone", "0121 496 0000"),
        ("call +44 7700 900123", "phone", "+44 7700 900123"),
        ("Tel 0161-496-0000", "phone", "0161-496-0000"),
        ("(0121) 496 0000 is the school", "phone", "(0121) 496 0000"),
        ("NHS No. 4010232137", "nhs_number", "4010232137"),
        ("Lives in EC1A 1BB", "postcode", "EC1A 1BB"),
        ("M1 1AE", "postcode", "M1 1AE"),
        ("(DR7 2FP)", "postcode", "DR7 2FP"),
        ("NI AB123456C", "ni_number", "AB123456C"),
        ("DOB: 3.4.2015", "date_of_birth", "3.4.2015"),
        ("born on 3rd April 2015", "date_of_birth", "3rd April 2015"),
        ("seen 12 Mar 2024 at home", "date_of_birth", "12 Mar 2024"),
        ("contact: jo.bloggs@nhs.net", "email", "jo.bloggs@nhs.net"),
    ],
)
def test_identifiers_are_found(text, kind, found):
    findings = find_identifiers(text)
    assert [(f.kind, f.text) for f in findings] == [(kind, found)]
    assert findings[0].label


@pytest.mark.parametrize(
    "text",
    [
        "24 cases were audited against 6 KLOEs and 24 standards.",
        "KLOE 1.2 was met in 18 of 24 cases (75%).",
        "The core group met 3 times between April and June.",
        "Referral on 12 March; strategy meeting the next day.",
        "Reference NOR-7K3QX2 in the sample.",
        # pseudonymised case references whose code has a postcode's shape
        "Reference NOR-DR72FP in the sample.",
        "NOR-G2E6RS and SOU-YT65SJ",
        "943 476 5918 is not a valid NHS number",  # wrong check digit
        "Case number 1234567890",  # fails the NHS check digit
        "Year 2025/26 programme",
        "Item 3.4 scored 2 of 4; 1 in 4 children; ratio 3/4",
        "Between 2019 and 2024, in 2024-25, 65 per cent, £1,200,000",
        "12345 67890 and S11 audit and grade A1",
        "QQ123456A is not a possible NI number",  # QQ is not an issued prefix
        "Dial 999 in an emergency",
        "",
    ],
)
def test_ordinary_audit_prose_is_not_flagged(text):
    assert find_identifiers(text) == []


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("9434765919", True),
        ("9434765918", False),
        ("4010232137", True),
        ("1111111111", False),
        ("123", False),
    ],
)
def test_nhs_number_check_digit(digits, valid):
    assert nhs_number_is_valid(digits) is valid


def test_each_finding_says_what_it_is_and_where():
    text = "Mum (jo@example.com) said DOB 01/02/2019."
    findings = find_identifiers(text)
    assert [(f.kind, f.label) for f in findings] == [
        ("email", "an e-mail address"),
        ("date_of_birth", "a date of birth"),
    ]
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
    assert findings[0].message == "This looks like an e-mail address (“jo@example.com”)"


def test_flag_identifiers_names_the_field_of_each_finding():
    flagged = flag_identifiers(
        {
            "working_well": "Good practice.",
            "worries": "DOB 01/02/2019, NHS 943 476 5919",
            "next_steps": "",
        }
    )
    assert [(f.field, f.kind) for f in flagged] == [
        ("worries", "date_of_birth"),
        ("worries", "nhs_number"),
    ]
