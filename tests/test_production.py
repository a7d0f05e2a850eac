"""The production build: static files collect with the production storage (hashed
names and a manifest, as the Dockerfile runs it), and the main pages render with
them. A referenced asset that is missing (say, a vendored script's source map) fails
collectstatic, so the image would not build; a missing manifest fails `check --deploy`."""

import os
import re
from pathlib import Path

import pytest

from cms.services import case_study_index_ensure
from tests.factories import NetworkFactory, goods_for_supplier
from tests.test_settings import production_env, run


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """STATIC_ROOT filled by collectstatic under the production settings, once per run;
    `make test` collects once for both databases and names the folder in PRODUCTION_STATIC_ROOT."""
    if os.environ.get("PRODUCTION_STATIC_ROOT"):
        return Path(os.environ["PRODUCTION_STATIC_ROOT"])
    root = tmp_path_factory.mktemp("production-static")
    result = run(
        ["manage.py", "collectstatic", "--noinput", "-v0"],
        production_env(root, STATIC_ROOT=str(root / "static")),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "static"


def test_collectstatic_writes_the_manifest_with_production_settings(collected_static):
    assert (collected_static / "staticfiles.json").is_file()
    assert list((collected_static / "vendor" / "chart.js").glob("chart.umd.min.*.js"))


def test_check_deploy_passes_once_static_files_are_collected(tmp_path, collected_static):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(tmp_path, STATIC_ROOT=str(collected_static)),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output, output
    assert "System check identified no issues" in output, output


def test_check_deploy_refuses_production_settings_without_collected_static_files(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy"],
        production_env(tmp_path, STATIC_ROOT=str(tmp_path / "empty-static")),
    )
    assert result.returncode != 0
    assert "marketplace.E001" in result.stderr and "collectstatic" in result.stderr, result.stderr


@pytest.fixture
def production_static(settings, collected_static):
    """This process serves pages as production does: hashed names from the manifest."""
    settings.DEBUG = False
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False


def test_main_pages_render_with_the_production_static_storage(
    client, production_static, wagtail_site, supplier, reindex
):
    case_study_index_ensure(home=wagtail_site.root_page.specific, title="Stories", intro="")
    product = goods_for_supplier(supplier=supplier, title="Reused oak planks")
    network = NetworkFactory(name="Impact Noord")
    reindex()
    pages = [
        "/",
        "/stories/",
        "/suppliers/",
        f"/suppliers/{supplier.slug}/",
        f"/networks/{network.slug}/",
        "/shop/catalogue/",
        product.get_absolute_url(),
        "/accounts/sign-in/",
        "/api/docs",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        if path != "/api/docs":
            # Our stylesheet is linked by its hashed name, which the collected files hold.
            assert re.search(r"/static/css/responsible\.[0-9a-f]{12}\.css", response.content.decode()), path
