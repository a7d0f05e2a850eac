"""RSS feed of the stories of cooperation, at <story index>/feed/."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from . import selectors

FEED_LENGTH = 20


class CaseStudyFeed(Feed):
    # Links are absolute from the Wagtail site's address: Django's own would come
    # from django.contrib.sites, which knows nothing of it.

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return selectors.in_reader_script(f"{index.title} – {index.get_site().site_name}")

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return selectors.in_reader_script(index.intro) or _("How firms and public bodies work with social enterprises.")

    def items(self, index):
        stories = selectors.in_section(selectors.published_stories(), index=index)
        return selectors.in_reader_locale(stories).order_by("-first_published_at")[:FEED_LENGTH]

    def item_title(self, story):
        return selectors.in_reader_script(story.title)

    def item_description(self, story):
        return selectors.in_reader_script(story.summary)

    def item_link(self, story):
        return story.get_full_url(self.request)

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at
