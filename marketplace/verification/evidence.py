"""Evidence files: checked when uploaded (marketplace.uploads.document_clean), kept in the
private storage, and only ever sent as a download (never shown inline: a PDF or an
image opened in the site's origin could carry script)."""

import os

from django.http import FileResponse


def evidence_response(claim) -> FileResponse:
    extension = os.path.splitext(claim.evidence.name)[1].lower()
    filename = f"evidence-{claim.kind}-{claim.pk}{extension}"
    response = FileResponse(claim.evidence.open("rb"), as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
