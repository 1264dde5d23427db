from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "assurance.training"
    label = "training"
    verbose_name = "Multi-agency training and its evaluation"

    def ready(self) -> None:
        from assurance.core.registry import (
            CollectionSource,
            ImpactMeasure,
            NavItem,
            register_collection_source,
            register_demo,
            register_impact_measure,
            register_nav,
            register_priority_evidence,
            register_status_colours,
        )
        from assurance.training.bookings import selectors as bookings
        from assurance.training.bookings.models import BOOKING_STATUS_COLOURS
        from assurance.training.demo import load_demo_training
        from assurance.training.evaluation import impact, scorecard

        register_nav(NavItem("Training", "training:course_list", "training.view", 48, "training"))
        register_status_colours("booking", BOOKING_STATUS_COLOURS)
        register_demo(70, load_demo_training)
        # attendance per agency per quarter fills the data set's multi-agency training indicator
        register_collection_source(
            CollectionSource(
                bookings.INDICATOR_CODE, bookings.SOURCE_LABEL, bookings.attendance_values
            )
        )
        # an action delivered by a course takes the course's three-month change as its impact
        register_impact_measure(
            ImpactMeasure(
                impact.MEASURE_KIND,
                impact.action_impact,
                impact.action_deliveries,
                label="The training course that delivers it (optional)",
                options=impact.course_options,
                current=impact.current_course,
                assign=impact.assign_course,
            )
        )
        # a priority's scorecard shows each course linked to it with its three-month change
        register_priority_evidence(scorecard.priority_evidence)
