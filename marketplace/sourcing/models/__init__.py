from .joint import JointQuote, QuotePartner
from .needs import Invitation, Need, NeedAttachment, Question
from .quotes import Award, Quote, QuoteLine
from .shortlists import Shortlist, ShortlistEntry
from .threads import Message, Thread

__all__ = [
    "Award",
    "Invitation",
    "JointQuote",
    "Message",
    "Need",
    "NeedAttachment",
    "Question",
    "Quote",
    "QuoteLine",
    "QuotePartner",
    "Shortlist",
    "ShortlistEntry",
    "Thread",
]
