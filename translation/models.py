"""Which languages a translators' group translates into: an explicit mapping, kept by the
administrators in the group's edit form ("Übersetzung"), instead of a reading of the group's
name. Renaming a group changes nothing; a translators' group without a language grants its
members nothing (`translation.guards.grants`), and a system check reports it (on `migrate` and
`check --database default`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslatorGroup(models.Model):
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="translator_role",
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("languages"),
        blank=True,
        related_name="translator_groups",
        help_text=_("The group's rights apply in these languages only."),
    )

    class Meta:
        verbose_name = _("translators' group")
        verbose_name_plural = _("translators' groups")

    def __str__(self):
        return str(self.group)
