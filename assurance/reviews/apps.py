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
            register_review,
            register_status_colours,
            register_todo,
        )
        from assurance.reviews.board.timeline import STAGE_COLOURS
        from assurance.reviews.board.todos import decision_review, review_todos
        from assurance.reviews.demo import load_demo_reviews
        from assurance.reviews.information_requests.models import STATUS_COLOURS
        from assurance.reviews.information_requests.todos import information_todos

        register_nav(NavItem("Reviews", "reviews:board", "review.summary", 48, "reviews"))
        register_status_colours("review_stage", STAGE_COLOURS)
        register_status_colours("information_request", STATUS_COLOURS)
        register_demo(70, load_demo_reviews)
        register_todo(review_todos)
        register_todo(information_todos)
        register_review(decision_review)
