from django.core.management.base import BaseCommand

from caching import tags
from core.listing_dates import refresh_all


class Command(BaseCommand):
    help = (
        "Store what listings sort by for every page (core.ListingDate). Pages saved normally "
        "keep it up to date; run this after creating pages in bulk without Django's signals."
    )

    def handle(self, *args, **options):
        count = refresh_all()
        tags.retire({tags.ALL})
        if options["verbosity"] >= 1:
            self.stdout.write(f"Listing dates stored for {count} pages.")
