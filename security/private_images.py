"""Authors' images stay private until the Redaktion approves them.

An image an author uploads goes into the collection "Zur Freigabe" (security/uploads.py), whose
view restriction admits only logged-in editors. Images are files, served without Wagtail's
document view, so their files must be kept from readers another way:

- The file gets a name no one can guess: 16 random hex digits and "_" before the uploaded name.
  Wagtail names renditions after the original, so every size inherits the prefix.
- Whoever serves such a file asks the app first: core/media.py (the app's /media/ view) looks up
  the image the file belongs to and applies its collection's view restrictions, so readers get
  a 404 until the image is released; deploy/nginx/media.conf passes exactly these names to the
  app and serves all other images itself. Images without the prefix cost no query.
- In object storage (S3) the bucket serves files itself: there the unguessable name is the
  protection until release (see README, Security).
"""

import re
import secrets

from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction

PRIVATE_NAME = re.compile(r"^[0-9a-f]{16}_")


def private_file_name(name):
    return f"{secrets.token_hex(8)}_{name}"


def _image_for_file(name):
    Image = get_image_model()
    if name.startswith("original_images/"):
        return Image.objects.select_related("collection").filter(file=name).first()
    rendition = (
        Image.get_rendition_model().objects.select_related("image__collection")
        .filter(file=name).first()
    )
    return rendition.image if rendition else None


def image_file_access(request, name):
    """"public" for a file anyone may fetch, "private" for one only this request may see
    (send it uncached), None for one this request may not see."""
    if not PRIVATE_NAME.match(name.rsplit("/", 1)[-1]):
        return "public"
    image = _image_for_file(name)
    if image is None:
        return None
    restrictions = CollectionViewRestriction.objects.filter(
        collection__in=image.collection.get_ancestors(inclusive=True)
    )
    restricted = False
    for restriction in restrictions:
        restricted = True
        if not restriction.accept_request(request):
            return None
    return "private" if restricted else "public"
