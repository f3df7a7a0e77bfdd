"""The news item's admin form: the editorial page form, plus the lead image's alt-text rule."""

from django.utils.translation import gettext_lazy as _

from core.forms import EditorialPageForm


class NewsPageForm(EditorialPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # A draft (autosave, "Entwurf speichern") may still lack the alt text; submitting and
        # publishing validate fully.
        if self.is_deferred_validation:
            return cleaned_data
        if (cleaned_data.get("lead_image") and not cleaned_data.get("lead_image_decorative")
                and not (cleaned_data.get("lead_image_alt") or "").strip()):
            self.add_error("lead_image_alt", _(
                "Describe the image for people who cannot see it, or mark it as decorative."
            ))
        return cleaned_data
