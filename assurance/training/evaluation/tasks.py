"""Background work for the evaluation (django-tasks): invite each booking to the questionnaires
it is due for, and e-mail the personal links and their reminders. Idempotent, like the other
reminders: a booking has one invitation per stage, and each e-mail is counted on the invitation
by a conditional update before it goes, so a second run at once sends nothing twice."""

from __future__ import annotations

from django_tasks import task

from assurance.training.evaluation.services import invitations_create, invitations_send


@task()
def send_evaluation_links(base_url: str = "") -> int:
    """Make the invitations now due and e-mail every link or reminder due. Returns how many
    e-mails were sent."""
    invitations_create()
    return invitations_send(base_url=base_url)
