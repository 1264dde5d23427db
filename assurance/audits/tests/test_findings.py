import pytest

from assurance.audits.findings import OptionInfo, Tally, compare

MET = OptionInfo(1, "Met", True, False)
PARTLY = OptionInfo(2, "Partially met", False, False)
NOT_MET = OptionInfo(3, "Not met", False, False)
NA = OptionInfo(4, "Not applicable", False, True)
SCALE = [MET, PARTLY, NOT_MET, NA]


def test_summary_counts_each_option_and_leaves_not_applicable_out_of_the_denominator():
    tally = Tally()
    for option, count in ((MET, 12), (PARTLY, 6), (NOT_MET, 2), (NA, 4)):
        tally.add(option.id, count)
    summary = tally.summarise(SCALE)
    assert summary["counts"] == {"Met": 12, "Partially met": 6, "Not met": 2, "Not applicable": 4}
    assert summary["meeting"] == 12
    assert summary["assessed"] == 20
    assert summary["not_applicable"] == 4
    assert summary["proportion"] == pytest.approx(0.6)
    assert summary["low"] == pytest.approx(0.3866, abs=1e-4)
    assert summary["high"] == pytest.approx(0.7812, abs=1e-4)


def test_a_standard_nobody_could_assess_has_no_proportion():
    tally = Tally()
    tally.add(NA.id, 5)
    summary = tally.summarise(SCALE)
    assert summary["assessed"] == 0 and summary["proportion"] is None


@pytest.mark.parametrize(
    ("before", "after", "verdict"),
    [
        ((10, 24), (22, 24), "Improved"),
        ((22, 24), (10, 24), "Worse"),
        ((12, 24), (15, 24), "Not distinguishable from chance"),
        ((0, 0), (15, 24), "Not comparable"),
    ],
)
def test_change_between_audits_is_only_called_when_the_data_can_tell(before, after, verdict):
    change = compare(*before, *after)
    assert change.verdict.startswith(verdict)
