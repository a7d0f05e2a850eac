"""The import contracts in .importlinter hold: ordering and checkout never import card
payments or Stripe (payments answer ordering's signals), and ordering does not import payments."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    exit_code = lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True)
    assert exit_code == 0, capsys.readouterr().out
