from django.urls import path

from . import views

app_name = "networks"

# /coordination/<network>/dashboard/ is kept for the network's dashboard.
urlpatterns = [
    path("", views.CoordinationHomeView.as_view(), name="home"),
    path("invitation/<str:token>/", views.InvitationView.as_view(), name="invitation"),
    path("<slug:slug>/", views.NetworkHomeView.as_view(), name="network"),
    path("<slug:slug>/members/", views.MembersView.as_view(), name="members"),
    path("<slug:slug>/members/<int:pk>/remove/", views.MemberRemoveView.as_view(), name="member-remove"),
    path("<slug:slug>/requests/", views.JoinRequestsView.as_view(), name="requests"),
    path("<slug:slug>/requests/<int:pk>/", views.JoinRequestDecideView.as_view(), name="request-decide"),
    path("<slug:slug>/invitations/", views.InvitationsView.as_view(), name="invitations"),
    path(
        "<slug:slug>/invitations/<int:pk>/withdraw/", views.InvitationWithdrawView.as_view(), name="invitation-withdraw"
    ),
    path("<slug:slug>/charter/", views.CharterView.as_view(), name="charter"),
    path("<slug:slug>/charter/publish/", views.CharterPublishView.as_view(), name="charter-publish"),
    path("<slug:slug>/partners/", views.PartnersView.as_view(), name="partners"),
    path("<slug:slug>/partners/new/", views.PartnerFormView.as_view(), name="partner-new"),
    path("<slug:slug>/partners/<int:pk>/", views.PartnerFormView.as_view(), name="partner-edit"),
    path("<slug:slug>/partners/<int:pk>/change/", views.PartnerChangeView.as_view(), name="partner-change"),
    path("<slug:slug>/team/<int:pk>/remove/", views.TeamMemberRemoveView.as_view(), name="team-remove"),
    path("<slug:slug>/public-page/", views.ProfileView.as_view(), name="profile"),
]
