from .pages import HomePage, HomePageFeaturedTopic
from .snippets import Author, Contact

__all__ = ["Author", "Contact", "HomePage", "HomePageFeaturedTopic"]
