"""Every link to a person, one line per model (see registry.py). An app added later adds
its line here; `manage.py check` names any link that is missing (privacy.E001)."""

from .registry import Erase, declare

D, X, R = Erase.DELETE, Erase.DETACH, Erase.RETAIN

# Ours.
declare("organisations.Membership", "user", erase=D)
declare("organisations.Invitation", "invited_by", erase=X)
declare("organisations.Supplier", "verified_by", erase=X, export=False)
declare("networks.NetworkTeamMember", "user", erase=D)
declare("networks.CharterSignature", "signed_by", erase=X)
declare("networks.NetworkInvitation", "invited_by", "accepted_by", erase=X)
declare("networks.JoinRequest", "requested_by", erase=X)
declare("networks.JoinRequest", "decided_by", erase=X, export=False)
declare("sourcing.Need", "created_by", erase=X)
declare("sourcing.Need", "cancelled_by", erase=X, export=False)
declare("sourcing.Quote", "submitted_by", erase=X)
declare("sourcing.JointQuote", "submitted_by", erase=X)
declare("sourcing.QuotePartner", "invited_by", erase=X)
declare("sourcing.Award", "awarded_by", erase=X)
declare("sourcing.Question", "asked_by", "answered_by", erase=X)
declare("sourcing.Shortlist", "created_by", erase=X)
declare("sourcing.ShortlistEntry", "added_by", erase=X)
declare("sourcing.Thread", "started_by", "email_shared_by", erase=X)
declare("sourcing.Message", "author", erase=X)
declare("deductions.LegalStatus", "declared_by", erase=X)
declare("deductions.LegalStatus", "decided_by", erase=X, export=False)
declare("deductions.ProductLabourShare", "updated_by", erase=X)
declare("verification.LabelClaim", "declared_by", erase=X)
declare("verification.WorkforceClaim", "declared_by", erase=X)
declare("verification.LabelClaim", "decided_by", erase=X, export=False)
declare("verification.WorkforceClaim", "decided_by", erase=X, export=False)
declare("verification.ClaimEvent", "by", erase=X, export=False)
declare("payments.Invoice", "marked_paid_by", erase=R, export=False)
declare("order.Purchase", "placed_by", erase=R)
declare("order.Order", "user", erase=R)
declare("order.OrderNote", "user", erase=D)
declare("catalogue_dashboard.ProductImport", "created_by", erase=X)
declare("accounts.UserSession", "user", erase=D)
declare("notifications.NotificationPreference", "user", erase=D)
declare("notifications.PendingNotification", "user", erase=D)
declare("notifications.Digest", "user", erase=D, export=False)
# A key or an endpoint is the organisation's; it stops with its creator's membership (apikeys.selectors).
declare("apikeys.ApiKey", "created_by", erase=X)
declare("webhooks.WebhookEndpoint", "created_by", erase=X)
declare("spend.SpendImport", "uploaded_by", erase=X)
declare("spend.SupplierInvitation", "invited_by", erase=X)
# The organisation's security log keeps the event; audit.services.person_forget blanks the rest.
declare("audit.AuditEvent", "actor", erase=X)
# The authenticator's secret is never exported.
declare("otp_totp.TOTPDevice", "user", erase=D, export=False)
declare("otp_static.StaticDevice", "user", erase=D, export=False)

# Oscar's.
declare("address.UserAddress", "user", erase=D)
declare("basket.Basket", "owner", erase=D)
declare("communication.Email", "user", erase=D)
declare("communication.Notification", "recipient", erase=D)
declare("communication.Notification", "sender", erase=D, export=False)
declare("partner.Partner", "users", erase=X, export=False)
declare("analytics.UserRecord", "user", erase=D)
declare("analytics.UserProductView", "user", erase=D)
declare("analytics.UserSearch", "user", erase=D)
declare("reviews.ProductReview", "user", erase=D)
declare("reviews.Vote", "user", erase=D)
declare("payment.Bankcard", "user", erase=D)
declare("offer.RangeProductFileUpload", "uploaded_by", erase=D, export=False)
declare("customer.ProductAlert", "user", erase=D)
declare("voucher.VoucherApplication", "user", erase=D, export=False)
declare("wishlists.WishList", "owner", erase=D)

# Django's and Wagtail's: editors' and operators' working records.
declare("admin.LogEntry", "user", erase=D, export=False)
declare("wagtailusers.UserProfile", "user", erase=D, export=False)
declare("wagtailadmin.EditingSession", "user", erase=D, export=False)
declare("wagtailadmin.FormState", "user", erase=D, export=False)
declare("wagtailcore.APIToken", "user", erase=D, export=False)
declare("wagtailcore.Comment", "user", erase=D)
declare("wagtailcore.CommentReply", "user", erase=D)
declare("wagtailcore.PageSubscription", "user", erase=D, export=False)
declare("wagtailcore.Comment", "resolved_by", erase=X, export=False)
# Log entries keep the user's id without a constraint (DO_NOTHING): an id of a deleted
# account names nobody.
declare("wagtailcore.ModelLogEntry", "user", erase=X, export=False)
declare("wagtailcore.PageLogEntry", "user", erase=X, export=False)
declare("wagtailcore.Revision", "user", erase=X, export=False)
declare("wagtailcore.UploadedFile", "uploaded_by_user", erase=X, export=False)
declare("wagtailcore.WorkflowState", "requested_by", erase=X, export=False)
declare("wagtailcore.TaskState", "finished_by", erase=X, export=False)
declare("wagtaildocs.Document", "uploaded_by_user", erase=X, export=False)
declare("wagtailimages.Image", "uploaded_by_user", erase=X, export=False)
declare("wagtail_localize.StringTranslation", "last_translated_by", erase=X, export=False)
declare("wagtail_localize.SegmentOverride", "last_translated_by", erase=X, export=False)
for page in ("wagtailcore.Page", "cms.HomePage", "cms.StandardPage", "cms.ArticleIndexPage", "cms.ArticlePage"):
    declare(page, "owner", "locked_by", erase=X, export=False)
for page in ("cms.CaseStudyIndexPage", "cms.CaseStudyPage"):
    declare(page, "owner", "locked_by", erase=X, export=False)
