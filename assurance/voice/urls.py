"""The voice of children and families: the partnership's pages, under /p/<partnership>/
(mounted once, in assurance/urls.py), and the child's form by open link (``public``, under
/say/, no sign-in)."""

from assurance.voice.events import urls as events
from assurance.voice.feedback import urls as feedback

app_name = "voice"

urlpatterns = [*feedback.urlpatterns, *events.urlpatterns]

public = ([*feedback.public_urlpatterns], "say")
