"""The subscription form.

It is the same small form on the newsletter page, on the home page and in every page's footer,
so it carries nothing per reader (no timestamp, no CSRF token): pages that show it stay
cacheable and set no cookie. Spam is kept out as for the feedback form (pages/forms.py) by a
honeypot and rate limits per connection and per e-mail address; a request only ever leads to a
confirmation mail, and only the link in that mail subscribes anyone (double opt-in).
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_url"


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter a valid e-mail address, such as name@example.org."),
        },
    )
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=())
    name = forms.CharField(label=_("Name"), max_length=200, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that my data is stored to send me the newsletter, as described in "
                "the privacy notice. I can unsubscribe at any time."),
        error_messages={"required": _("Please agree to the privacy notice to subscribe.")},
    )

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, _(name)) for code, name in settings.LANGUAGES
        ]
        self.fields["language"].error_messages["invalid_choice"] = _(
            "Please choose one of the languages offered."
        )
        if language:
            self.fields["language"].initial = language

    def clean_email(self):
        local, _at, domain = self.cleaned_data["email"].strip().rpartition("@")
        return f"{local}@{domain.lower()}"


def is_spam(data):
    return bool(data.get(HONEYPOT_FIELD, ""))
