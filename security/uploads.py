"""Uploads that follow the workflow, and files that are what they claim to be.

Images and documents that an author uploads are private until the Redaktion approves them:
they go into the collection "Zur Freigabe", which only logged-in editors may open (Wagtail's
collection view restriction, checked on every download because documents are served through
Django, WAGTAILDOCS_SERVE_METHOD = "serve_view"; for images see private_images.py). When the
Redaktion publishes a page that uses an image or links a document, it moves to the public root
collection; the Redaktion can also release one by hand, by choosing another collection for it.
An author who replaces the file of a released image or document sends it back for approval.

Every document is checked by its content, not its name: a PDF must start like a PDF, an Office
file must be the right kind of ZIP package, a text file must be text. Images are checked by
Wagtail (Willow reads the file; SVG is not an accepted type); both have size limits.
"""

import zipfile

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images import get_image_model
from wagtail.images.forms import BaseImageForm
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    ReferenceIndex,
)

from .private_images import private_file_name

REVIEW_COLLECTION_NAME = "Zur Freigabe"

OFFICE_PACKAGES = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPENDOCUMENT_TYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
TEXT_TYPES = {"csv", "txt", "vtt"}


def review_collection():
    """The private collection for documents awaiting approval, made when first needed."""
    root = Collection.get_first_root_node()
    collection = Collection.objects.child_of(root).filter(name=REVIEW_COLLECTION_NAME).first()
    if collection is None:
        with transaction.atomic():
            collection = root.add_child(instance=Collection(name=REVIEW_COLLECTION_NAME))
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def may_release(user, model):
    """The Redaktion and administrators (who may change any image or document); authors, who
    may only add them (and, as Wagtail allows, edit their own), may not."""
    if user.is_superuser:
        return True
    return GroupCollectionPermission.objects.filter(
        group__user=user,
        permission__content_type__app_label=model._meta.app_label,
        permission__codename=f"change_{model._meta.model_name}",
    ).exists()


def _is_package(upload, extension):
    """Is `upload` a ZIP archive, and for Office/OpenDocument types the right kind?"""
    if not zipfile.is_zipfile(upload):
        return False
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = package.namelist()
            if extension in OFFICE_PACKAGES:
                folder = OFFICE_PACKAGES[extension]
                return "[Content_Types].xml" in names and any(
                    name.startswith(folder) for name in names
                )
            if extension in OPENDOCUMENT_TYPES:
                return "mimetype" in names and (
                    package.read("mimetype").strip() == OPENDOCUMENT_TYPES[extension]
                )
            return True
    except (zipfile.BadZipFile, OSError, KeyError):
        return False


def sniff_document(upload, extension):
    """None if the file's content fits its extension, else the reason it does not."""
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if extension == "pdf":
        return None if head.startswith(b"%PDF-") else _("This is not a PDF file.")
    if extension in OFFICE_PACKAGES or extension in OPENDOCUMENT_TYPES or extension == "zip":
        valid = _is_package(upload, extension)
        upload.seek(0)
        return None if valid else _("This is not a valid %(type)s file.") % {
            "type": extension.upper()
        }
    if extension in TEXT_TYPES:
        if b"\x00" in head:
            return _("This is not a text file.")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is fine.
            if error.start < len(head) - 4:
                return _("Please save the file as UTF-8 text.")
        if extension == "vtt" and not head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
            return _("This is not a WebVTT subtitle file (it must begin with “WEBVTT”).")
        return None
    return _("This type of file is not accepted.")


class ReviewedUploadMixin:
    """Authors' uploads (and replaced files) go into the collection "Zur Freigabe"; the
    Redaktion chooses the collection as usual."""

    def __init__(self, *args, **kwargs):
        self.uploading_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        self.needs_review = self.uploading_user is not None and not may_release(
            self.uploading_user, self._meta.model
        )
        if self.needs_review:
            current = self.instance.collection_id if self.instance.pk else None
            self.collections = Collection.objects.filter(pk=current or review_collection().pk)
            self.fields.pop("collection", None)

    def save(self, commit=True):
        if self.needs_review and (not self.instance.pk or "file" in self.changed_data):
            self.collections = Collection.objects.filter(pk=review_collection().pk)
        return super().save(commit=commit)


class DocumentForm(ReviewedUploadMixin, BaseDocumentForm):
    """Wagtail's document form (which enforces WAGTAILDOCS_MAX_UPLOAD_SIZE), with the content
    check and, for authors, the review collection (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or upload == self.original_file:
            return upload
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        problem = sniff_document(upload, extension)
        if problem:
            raise forms.ValidationError(problem)
        return upload


class ImageForm(ReviewedUploadMixin, BaseImageForm):
    """Wagtail's image form, with the review collection for authors
    (WAGTAILIMAGES_IMAGE_FORM_BASE). An image for review gets a file name that cannot be
    guessed (private_images.py); its renditions inherit it."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload != self.original_file and self.needs_review:
            upload.name = private_file_name(upload.name)
        return upload


def release_linked_uploads(sender, instance, **kwargs):
    """published (a page or a snippet such as a contact): the images and documents it uses
    leave the review collection."""
    review = Collection.objects.filter(name=REVIEW_COLLECTION_NAME, depth=2).first()
    if review is None:
        return
    obj = getattr(instance, "specific", instance)
    if not ReferenceIndex.is_indexed(type(obj)):
        return
    ReferenceIndex.create_or_update_for_object(obj)
    references = ReferenceIndex.get_references_for_object(obj)
    for model in (get_document_model(), get_image_model()):
        ids = references.filter(
            to_content_type=ContentType.objects.get_for_model(model)
        ).values_list("to_object_id", flat=True)
        model.objects.filter(pk__in=list(ids), collection=review).update(
            collection=Collection.get_first_root_node()
        )
