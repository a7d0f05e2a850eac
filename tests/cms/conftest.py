"""Editorial fixtures: the site's sections and the editorial roles."""

import pytest

from cms.services import EDITORS, MODERATORS, article_index_ensure, case_study_index_ensure, editorial_roles_ensure
from tests.factories import UserFactory


@pytest.fixture
def home(wagtail_site):
    return wagtail_site.root_page.specific


@pytest.fixture
def story_index(home):
    index = case_study_index_ensure(home=home, title="Stories of cooperation", intro="How firms buy social.")
    index.save_revision().publish()
    return index


@pytest.fixture
def news_index(home):
    index = article_index_ensure(home=home, title="News", intro="What is new.")
    index.save_revision().publish()
    return index


@pytest.fixture
def roles(wagtail_site):
    """Page rights hang on Wagtail's root page, which a flushed database lacks until wagtail_site rebuilds it."""
    return editorial_roles_ensure()


@pytest.fixture
def editor(roles):
    person = UserFactory(email="emil@editors.example", first_name="Emil", last_name="Editor")
    person.groups.add(roles[EDITORS])
    return person


@pytest.fixture
def moderator(roles):
    person = UserFactory(email="mona@editors.example", first_name="Mona", last_name="Moderator")
    person.groups.add(roles[MODERATORS])
    return person
