from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "assurance.reviews"
    label = "reviews"
    verbose_name = "Serious incidents and reviews"

    def ready(self) -> None:
        from assurance.core.registry import (
            NavItem,
            register_demo,
            register_nav,
            register_status_colours,
        )
        from assurance.reviews.board.timeline import STAGE_COLOURS
        from assurance.reviews.demo import load_demo_reviews

        register_nav(NavItem("Reviews", "reviews:board", "review.summary", 48, "reviews"))
        register_status_colours("review_stage", STAGE_COLOURS)
        register_demo(70, load_demo_reviews)
