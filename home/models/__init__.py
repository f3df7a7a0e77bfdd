from .pages import BasePage, HomePage, HomePageFeaturedTopic
from .snippets import Author, Contact

__all__ = ["Author", "BasePage", "Contact", "HomePage", "HomePageFeaturedTopic"]
