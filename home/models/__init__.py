from .pages import HomePage, HomePageFeaturedTopic

__all__ = ["HomePage", "HomePageFeaturedTopic"]
