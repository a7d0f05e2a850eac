from django.urls import path, register_converter

from .exports import format_converter
from .views import decline, joint, needs, quotes, shortlists, threads

register_converter(format_converter("csv", "xlsx"), "table")
app_name = "sourcing"

urlpatterns = [
    # Needs (requests for quotes)
    path("needs/", needs.NeedListView.as_view(), name="need-list"),
    path("needs/new/", needs.NeedCreateView.as_view(), name="need-create"),
    path("needs/match-count/", needs.MatchCountView.as_view(), name="match-count"),
    path("needs/invitations/", needs.InvitationListView.as_view(), name="invitation-list"),
    path("needs/invitations/decline/<str:token>/", decline.InvitationDeclineView.as_view(), name="invitation-decline"),
    path("needs/moderation/", needs.ModerationView.as_view(), name="moderation"),
    path("needs/<int:pk>/", needs.NeedDetailView.as_view(), name="need-detail"),
    path("needs/<int:pk>/edit/", needs.NeedEditView.as_view(), name="need-edit"),
    path("needs/<int:pk>/publish/", needs.NeedPublishView.as_view(), name="need-publish"),
    path("needs/<int:pk>/close/", needs.NeedCloseView.as_view(), name="need-close"),
    path("needs/<int:pk>/cancel/", needs.NeedCancelView.as_view(), name="need-cancel"),
    path("needs/<int:pk>/files/<int:attachment_pk>/", needs.AttachmentView.as_view(), name="need-attachment"),
    path("needs/<int:pk>/respond/", needs.InvitationRespondView.as_view(), name="invitation-respond"),
    path("needs/<int:pk>/questions/", needs.QuestionAskView.as_view(), name="question-ask"),
    path(
        "needs/<int:pk>/questions/<int:question_pk>/answer/",
        needs.QuestionAnswerView.as_view(),
        name="question-answer",
    ),
    path("needs/<int:pk>/quote/", quotes.QuoteEditView.as_view(), name="quote-edit"),
    path("needs/<int:pk>/quote/withdraw/", quotes.QuoteWithdrawView.as_view(), name="quote-withdraw"),
    path("needs/<int:pk>/quotes/", quotes.CompareView.as_view(), name="need-compare"),
    path("needs/<int:pk>/quotes/<int:quote_pk>/file/", quotes.QuoteAttachmentView.as_view(), name="quote-attachment"),
    path("needs/<int:pk>/quotes/<int:quote_pk>/award/", needs.AwardView.as_view(), name="need-award"),
    # Joint quotes (a lead and partners of its networks)
    path("needs/<int:pk>/joint/", joint.JointQuoteStartView.as_view(), name="joint-start"),
    path("needs/<int:pk>/joint/<int:quote_pk>/", joint.JointQuoteView.as_view(), name="joint-quote"),
    path("needs/<int:pk>/joint/<int:quote_pk>/invite/", joint.JointInviteView.as_view(), name="joint-invite"),
    path("needs/<int:pk>/joint/<int:quote_pk>/answer/", joint.JointAnswerView.as_view(), name="joint-answer"),
    path("needs/<int:pk>/joint/<int:quote_pk>/lines/", joint.JointLinesView.as_view(), name="joint-lines"),
    # Shortlists and exports
    path("shortlists/", shortlists.ShortlistListView.as_view(), name="shortlist-list"),
    path("shortlists/add/", shortlists.ShortlistAddView.as_view(), name="shortlist-add"),
    path("shortlists/search-results.<table:fmt>", shortlists.SearchExportView.as_view(), name="search-export"),
    path("shortlists/<int:pk>/", shortlists.ShortlistDetailView.as_view(), name="shortlist-detail"),
    path("shortlists/<int:pk>/delete/", shortlists.ShortlistDeleteView.as_view(), name="shortlist-delete"),
    path(
        "shortlists/<int:pk>/remove/<int:supplier_pk>/",
        shortlists.ShortlistRemoveView.as_view(),
        name="shortlist-remove",
    ),
    path("shortlists/<int:pk>/export.<table:fmt>", shortlists.ShortlistExportView.as_view(), name="shortlist-export"),
    # Conversations
    path("messages/", threads.ThreadListView.as_view(), name="thread-list"),
    path("messages/<int:pk>/", threads.ThreadDetailView.as_view(), name="thread-detail"),
    path("suppliers/<slug:slug>/contact/", threads.ContactView.as_view(), name="contact"),
]
