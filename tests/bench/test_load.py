"""The load benchmark's bare view exists only when the benchmark turns it on."""

import pytest


@pytest.mark.django_db
def test_the_bare_view_is_not_part_of_the_site(client):
    assert client.get("/bench/bare/").status_code == 404
