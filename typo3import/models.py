from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedRecord(models.Model):
    """What a TYPO3 record became: a page, a topic hub, an image or a document.

    A re-run finds its earlier work here (by source, table kind, uid and language) and compares
    the record's fingerprint to decide whether anything changed. Old URLs (`?tx_news_pi1[news]=`)
    are answered from here too.
    """

    class Kind(models.TextChoices):
        NEWS = "news", _("news item")
        CATEGORY = "category", _("category")
        FILE = "file", _("file")

    source = models.CharField(_("import source"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    uid = models.PositiveIntegerField(_("uid"))
    language = models.CharField(_("language"), max_length=12)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    document = models.ForeignKey("wagtaildocs.Document", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    # A hash of everything the record was made from; empty while links in it wait for
    # records imported later in the same run.
    fingerprint = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported TYPO3 record")
        verbose_name_plural = _("imported TYPO3 records")
        constraints = [models.UniqueConstraint(fields=["source", "kind", "uid", "language"],
                                               name="typo3import_one_record_per_source")]
        indexes = [models.Index(fields=["kind", "uid"])]

    def __str__(self):
        return f"{self.source}:{self.kind}:{self.uid} ({self.language})"
