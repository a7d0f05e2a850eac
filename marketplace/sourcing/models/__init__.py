from .needs import Invitation, Need, NeedAttachment, Question
from .quotes import Award, Quote, QuoteLine
from .shortlists import Shortlist, ShortlistEntry
from .threads import Message, Thread

__all__ = [
    "Award",
    "Invitation",
    "Message",
    "Need",
    "NeedAttachment",
    "Question",
    "Quote",
    "QuoteLine",
    "Shortlist",
    "ShortlistEntry",
    "Thread",
]
