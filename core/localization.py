"""Resolve relations to the reader's language in one query.

Relations such as topics, bylines and contacts are synchronised from the German source,
so a translation may still point at German objects. Readers must see the objects of their
own locale; these helpers swap them in bulk instead of one `.localized` query per item.
"""

from wagtail.models import DraftStateMixin, Page

from .restrictions import public_q


def localize_all(objects, locale, *, fallback):
    """Return the translations of `objects` in `locale`, in the same order.

    Pages without a live, public translation are dropped (nothing links to a missing
    translation). Snippets without one fall back to the original when `fallback` is true.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    model = type(objects[0])
    is_page = issubclass(model, Page)
    if not is_page and all(obj.locale_id == locale.id for obj in objects):
        return objects
    queryset = model._default_manager.filter(
        translation_key__in={obj.translation_key for obj in objects}, locale=locale
    )
    if is_page:
        queryset = queryset.live().filter(public_q())
        if model is Page:
            queryset = queryset.specific()
    elif issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    by_key = {obj.translation_key: obj for obj in queryset}
    result = []
    for obj in objects:
        translated = by_key.get(obj.translation_key)
        if translated is not None:
            result.append(translated)
        elif fallback:
            result.append(obj)
    return result


def localize(obj, locale, *, fallback):
    found = localize_all([obj], locale, fallback=fallback)
    return found[0] if found else None
