"""Every table of the application, imported in one place so Alembic and the app see them all."""
from app.chat.models import Conversation, ConversationMessage
from app.feedback.models import Feedback
from app.knowledge.models import (Entry, EntryAlias, EntryCommand, EntryErrorCode, EntryHttpStatus,
                                  EntrySource, EntryText, KnowledgeState)
from app.querylog.models import QueryLogRecord

__all__ = ["Conversation", "ConversationMessage", "Entry", "EntryAlias", "EntryCommand", "EntryErrorCode",
           "EntryHttpStatus", "EntrySource", "EntryText", "Feedback", "KnowledgeState", "QueryLogRecord"]
