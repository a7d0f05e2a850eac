"""Claims made the way suppliers and deciders make them (through the services)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.accounts.services import operator_make
from marketplace.deductions.services import legal_status_declare
from marketplace.networks.models import NetworkTeamMember, TeamRole
from marketplace.verification import services
from tests.factories import NetworkFactory, NetworkMembershipFactory, UserFactory


def pdf(name="attestation.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF", content_type="application/pdf")


def operator_user(email="olga@operators.example"):
    user = UserFactory(email=email, staff=True)
    operator_make(user=user)
    return user


def admin_of(supplier):
    return supplier.memberships.get().user


def coordinator_of(supplier, email="cora@cluster.example"):
    """A coordinator of a network the supplier is a member of."""
    network = NetworkFactory()
    NetworkMembershipFactory(network=network, supplier=supplier)
    user = UserFactory(email=email)
    NetworkTeamMember.objects.create(network=network, user=user, role=TeamRole.COORDINATOR)
    return user


def verified(claim, *, by, valid_until: datetime.date | None = None):
    return services.claim_decide(claim=claim, by=by, verified=True, valid_until=valid_until)


def label_claim(supplier, label, **kwargs):
    return services.label_claim_declare(supplier=supplier, by=admin_of(supplier), label=label, evidence=pdf(), **kwargs)


def legal_status(supplier, status, **kwargs):
    return legal_status_declare(
        supplier=supplier, by=admin_of(supplier), status=status, registry_reference="REF 1", evidence=pdf(), **kwargs
    )


def workforce(supplier, employees, vulnerable, **kwargs):
    return services.workforce_claim_declare(
        supplier=supplier,
        by=admin_of(supplier),
        employees=employees,
        employees_vulnerable=vulnerable,
        as_of=datetime.date(2026, 1, 1),
        evidence=pdf(),
        **kwargs,
    )
