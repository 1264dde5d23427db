"""The voice of children and families: the partnership's pages, under /p/<partnership>/
(mounted once, in assurance/urls.py), and the child's form by open link (``public``, under
/say/, no sign-in)."""

from assurance.voice.events import urls as events
from assurance.voice.feedback import urls as feedback
from assurance.voice.summary import urls as summary
from assurance.voice.themes import urls as themes
from assurance.voice.you_said_we_did import urls as you_said_we_did

app_name = "voice"

urlpatterns = [
    *themes.urlpatterns,
    *you_said_we_did.urlpatterns,
    *summary.urlpatterns,
    *feedback.urlpatterns,
    *events.urlpatterns,
]

public = ([*feedback.public_urlpatterns], "say")
