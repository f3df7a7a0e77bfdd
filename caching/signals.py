"""Ban what a change shows up on (see purge.py); each ban moves the site's change mark on first
(freshness.py)."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail import signals as wagtail_signals
from wagtail.models import Page

from .purge import schedule


def page_changed(sender, instance, **kwargs):
    schedule(lambda bans: bans.add_page(instance))


def page_moving(sender, instance, **kwargs):
    """Before a move: the old URLs (the whole subtree) and the old parent's listings."""
    page = Page.objects.get(pk=instance.pk)
    schedule(lambda bans: bans.add_page(page, subtree=True))


def page_moved(sender, instance, **kwargs):
    page = Page.objects.get(pk=instance.pk)
    schedule(lambda bans: bans.add_page(page, subtree=True))


def slug_changed(sender, instance, instance_before, **kwargs):
    schedule(lambda bans: bans.add_page(instance_before, subtree=True))


def page_deleting(sender, instance, **kwargs):
    if not isinstance(instance, Page) or not instance.pk:
        return

    def collect(bans):
        if not bans.covers(instance):
            bans.add_page(instance, subtree=True)

    schedule(collect)


def snippet_changed(sender, instance, **kwargs):
    """Contacts and authors show on many pages: ban every page."""
    if isinstance(instance, Page):
        return

    def collect(bans):
        bans.everything = True

    schedule(collect)


def shown_snippet_saved(sender, instance, **kwargs):
    """Snippets without drafts (authors) are live as soon as they are saved."""
    from wagtail.models import DraftStateMixin

    if not isinstance(instance, DraftStateMixin):
        snippet_changed(sender, instance)


def _search_and_sitemap(bans):
    bans.listings = True


def promotion_changed(sender, instance, **kwargs):
    """Editors' promoted results show above the search results."""
    schedule(_search_and_sitemap)


def search_indexed(sender, task_result, **kwargs):
    """Search indexing runs as a background task, after the publish's own bans: once it has
    run, search results change again, so they (and the sitemap) are banned once more. The
    worker needs FRONTEND_CACHE_URLS like the app servers."""
    from django_tasks.base import TaskResultStatus

    if (task_result.task.module_path.endswith(".insert_or_update_object_task")
            and task_result.status == TaskResultStatus.SUCCESSFUL):
        schedule(_search_and_sitemap)


def connect():
    from django_tasks.signals import task_finished
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from core.models import Author, Contact

    wagtail_signals.page_published.connect(page_changed, dispatch_uid="caching.published")
    wagtail_signals.page_unpublished.connect(page_changed, dispatch_uid="caching.unpublished")
    wagtail_signals.pre_page_move.connect(page_moving, dispatch_uid="caching.pre_move")
    wagtail_signals.post_page_move.connect(page_moved, dispatch_uid="caching.post_move")
    wagtail_signals.page_slug_changed.connect(slug_changed, dispatch_uid="caching.slug")
    pre_delete.connect(page_deleting, dispatch_uid="caching.page_delete")
    wagtail_signals.published.connect(snippet_changed, dispatch_uid="caching.snippet_pub")
    wagtail_signals.unpublished.connect(snippet_changed, dispatch_uid="caching.snippet_unpub")
    post_save.connect(shown_snippet_saved, sender=Author, dispatch_uid="caching.author_save")
    task_finished.connect(search_indexed, dispatch_uid="caching.search_indexed")
    for signal in (post_save, post_delete):
        signal.connect(promotion_changed, sender=SearchPromotion,
                       dispatch_uid=f"caching.promotion.{id(signal)}")
    for model in (Author, Contact):
        post_delete.connect(snippet_changed, sender=model,
                            dispatch_uid=f"caching.delete.{model._meta.label}")
