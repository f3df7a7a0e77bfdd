"""A new language tree is granted to its translators as soon as its root page exists.

The root (that language's home page) is usually made by translation: `manage.py add_language`,
"Translate this page" on the German home page, or a locale's "Sync from" setting. Whichever it
was, the translators' group of that language may then edit the tree below it.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from ..roles import grant_language_tree


@receiver(post_save, dispatch_uid="translation_grant_new_language_tree")
def grant_new_language_tree(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        grant_language_tree(instance)
